//! Bytes to text: detects the encoding (BOM, UTF-8, UTF-16, GB18030/GBK, Big5), refuses
//! binary input, and reduces saved HTML pages to their article text (see [`crate::html`]).
//!
//! Detection order, first match wins:
//! 1. size cap, then empty or white space only (both on the raw bytes, cheap);
//! 2. magic numbers of binary formats ([`sniff`]): images, PDF, Office, archives, programs;
//! 3. byte order marks: UTF-32, UTF-8, UTF-16 (LE/BE);
//! 4. BOM-less UTF-16, told by NUL bytes falling on one side of each code unit;
//! 5. valid UTF-8 (also UTF-8 with a stray broken sequence or two, e.g. a cut last character);
//! 6. BOM-less UTF-16 of Chinese text with no ASCII at all (so no NULs to go by);
//! 7. an HTML `<meta charset>` / `http-equiv` / XML declaration, when the bytes agree with it;
//! 8. `chardetng`'s guess (GBK is decoded as GB18030, its superset; Big5 includes HKSCS);
//! 9. if the guess reads the bytes with errors: whichever of the guess, GB18030 and Big5 has
//!    the fewest, up to 2% of the text; failing that, the bytes are refused as binary.
//!
//! The decoded text is then checked for control characters (binary data that happens to decode),
//! HTML is reduced to its text, and text without a single Han character is refused.

mod sniff;
#[cfg(test)]
mod tests;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE};

use crate::report::InputError;

/// The largest report accepted, in bytes.
pub const MAX_REPORT_BYTES: usize = 20 * 1024 * 1024;

/// How much of the input the encoding detectors read. A quarter megabyte of Chinese text
/// decides any real report; reading more would only cost time on large files.
const DETECT_SAMPLE_BYTES: usize = 256 * 1024;

/// How far into an HTML file a `<meta charset>` is looked for. Browsers stop at 1024 bytes;
/// saved pages often carry a long comment or script first, so look further.
const META_PRESCAN_BYTES: usize = 4096;

/// A decoded report.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The document text; every offset the engine reports counts chars in this string.
    pub text: String,
    /// The encoding's name, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE".
    pub encoding: &'static str,
    /// Whether the input was an HTML page (and `text` is its extracted article text).
    pub html: bool,
}

/// Decodes raw bytes to text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(InputError::TooLarge { size: bytes.len(), limit: MAX_REPORT_BYTES });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty);
    }
    if let Some(kind) = sniff::sniff(bytes) {
        return Err(InputError::Binary {
            what: kind.what.to_string(),
            advice: kind.advice.map(str::to_string),
        });
    }
    let (text, encoding) = to_unicode(bytes).ok_or_else(unreadable)?;
    finish(text, encoding)
}

fn unreadable() -> InputError {
    InputError::Binary {
        what: "binary data, or text in an encoding this cannot read".to_string(),
        advice: Some("Save the report as UTF-8, GB18030 or Big5 text and load that".to_string()),
    }
}

/// Checks the decoded text and turns HTML into article text.
fn finish(mut text: String, encoding: &'static str) -> Result<Decoded, InputError> {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if too_many_controls(&text) {
        return Err(InputError::Binary { what: "binary data".to_string(), advice: None });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let html = crate::html::looks_like_html(&text);
    if html {
        text = crate::html::to_text(&text);
        if text.trim().is_empty() {
            return Err(InputError::Empty);
        }
    }
    if !text.chars().any(is_han) {
        return Err(InputError::NoChinese);
    }
    Ok(Decoded { text, encoding, html })
}

/// A Han character (CJK ideograph of any extension block, or the ideographic zero 〇).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3007}')
}

/// A control character that text files do not contain: C0 controls other than the white space
/// ones, DEL, and C1 controls (which also come out of bytes a legacy encoding leaves unmapped).
fn is_binary_control(c: char) -> bool {
    match c {
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' => false,
        _ => (c as u32) < 0x20 || ('\u{7F}'..='\u{9F}').contains(&c),
    }
}

/// More than 1% control characters (and more than a stray few) means binary data.
fn too_many_controls(text: &str) -> bool {
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        controls += usize::from(is_binary_control(c));
    }
    controls > 2 && controls * 100 > chars
}

/// Decoding so nearly clean that only a cut or damaged character or two went wrong.
fn nearly_clean(text: &str, errors: usize) -> bool {
    errors == 0 || (errors <= 3 && errors * 1000 <= text.chars().count())
}

/// Decoding with up to 2% malformed sequences: damaged but readable text, which the extractor
/// will flag; more than that is not text in this encoding.
fn readable(text: &str, errors: usize) -> bool {
    errors == 0 || errors * 50 <= text.chars().count()
}

/// The bytes as text and the encoding's name, or `None` when no encoding reads them.
fn to_unicode(bytes: &[u8]) -> Option<(String, &'static str)> {
    // UTF-32 first: its little-endian BOM begins with the UTF-16LE one.
    if let Some(big_endian) = utf32_bom(bytes) {
        let (text, errors) = decode_utf32(&bytes[4..], big_endian);
        let name = if big_endian { "UTF-32BE" } else { "UTF-32LE" };
        return readable(&text, errors).then_some((text, name));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, errors) = decode_with(encoding, &bytes[bom_len..]);
        return readable(&text, errors).then_some((text, encoding.name()));
    }
    if let Some(encoding) = utf16_by_nuls(bytes) {
        let (text, errors) = decode_with(encoding, bytes);
        if nearly_clean(&text, errors) && !too_many_controls(&text) {
            return Some((text, encoding.name()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_string(), "UTF-8"));
    }
    if let Some(text) = mostly_utf8(bytes) {
        return Some((text, "UTF-8"));
    }
    if let Some(found) = utf16_of_han_text(bytes) {
        return Some(found);
    }

    if let Some(text) = clearly_gbk(bytes) {
        return Some((text, "GB18030"));
    }
    let guess = guess_encoding(bytes);
    if let Some(declared) = declared_encoding(bytes) {
        if agrees(declared, guess, bytes) {
            let (text, errors) = decode_with(declared, bytes);
            if nearly_clean(&text, errors) {
                return Some((text, name_of(declared)));
            }
        }
    }
    if family(guess) == Family::SingleByte {
        if let Some(found) = damaged_chinese(bytes) {
            return Some(found);
        }
    }
    let (text, errors) = decode_with(guess, bytes);
    if nearly_clean(&text, errors) {
        return Some((text, name_of(guess)));
    }
    // Big5 bytes are valid GBK, so the two often tie on errors: try the likelier one first.
    let mut best = readable(&text, errors).then_some((errors, text, guess));
    for fallback in PairShares::of(bytes).likelier() {
        if fallback == guess {
            continue;
        }
        let (text, errors) = decode_with(fallback, bytes);
        if readable(&text, errors) && best.as_ref().is_none_or(|b| errors < b.0) {
            best = Some((errors, text, fallback));
        }
    }
    best.map(|(_, text, encoding)| (text, name_of(encoding)))
}

/// The name reported for an encoding. GBK is decoded with the GB18030 decoder (the same in
/// encoding_rs, and a superset), so it is reported as GB18030.
fn name_of(encoding: &'static Encoding) -> &'static str {
    if encoding == GBK || encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Decodes without BOM sniffing and counts malformed sequences (each becomes U+FFFD).
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let encoding = if encoding == GBK { GB18030 } else { encoding };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let errors = if had_errors { text.matches('\u{FFFD}').count() } else { 0 };
    (text.into_owned(), errors)
}

/// `Some(big_endian)` when the bytes start with a UTF-32 byte order mark.
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        Some(false)
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some(true)
    } else {
        None
    }
}

/// Decodes UTF-32 by hand: encoding_rs leaves it out because the Web never uses it, but some
/// Windows tools still save "Unicode" text this way, and it takes a few lines.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut errors = 0;
    let units = bytes.chunks_exact(4);
    if !units.remainder().is_empty() {
        errors += 1;
    }
    for unit in units {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let value = if big_endian { u32::from_be_bytes(unit) } else { u32::from_le_bytes(unit) };
        match char::from_u32(value) {
            Some(c) => text.push(c),
            None => {
                errors += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    (text, errors)
}

/// BOM-less UTF-16 tells itself by its NUL bytes: ASCII characters (digits, line breaks,
/// Latin letters) have a zero high byte, so nearly all NULs fall on odd offsets in UTF-16LE and
/// on even ones in UTF-16BE. Han characters whose low byte is zero put a few on the other side,
/// hence the 4:1 ratio rather than all-or-nothing. Binary files rarely show so one-sided a
/// pattern, and the caller still checks the decoded text.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE_BYTES)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in sample.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let units = sample.len() / 2;
    // At least one unit in 50 must be ASCII for the pattern to mean anything.
    if even + odd < 2 || (even + odd) * 50 < units {
        return None;
    }
    if odd >= 4 * even {
        Some(UTF_16LE)
    } else if even >= 4 * odd {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Chinese text in BOM-less UTF-16 with (almost) no ASCII has no NUL pattern to go by. It is
/// recognised when a sample decodes cleanly and at least 95% of it is Han characters and CJK
/// or full-width punctuation. GBK and Big5 bytes read as UTF-16 land in Hangul, surrogates and
/// private use, and ASCII-heavy text that failed UTF-8 stays well below 95%, so neither passes.
fn utf16_of_han_text(bytes: &[u8]) -> Option<(String, &'static str)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    for encoding in [UTF_16LE, UTF_16BE] {
        // The sample is read in place, as encoding_rs would decode it (each unpaired
        // surrogate one U+FFFD), without building the text: GBK and Big5 bytes get here too.
        let units = sample.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if encoding == UTF_16BE {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let (mut chars, mut errors, mut replacements) = (0usize, 0usize, 0usize);
        let (mut total, mut chinese) = (0usize, 0usize);
        for decoded in char::decode_utf16(units) {
            let c = decoded.unwrap_or_else(|_| {
                errors += 1;
                '\u{FFFD}'
            });
            chars += 1;
            replacements += usize::from(c == '\u{FFFD}');
            if c.is_whitespace() {
                continue;
            }
            total += 1;
            let punctuation = ('\u{3000}'..='\u{303F}').contains(&c)
                || ('\u{FF00}'..='\u{FFEF}').contains(&c)
                || ('\u{2010}'..='\u{2027}').contains(&c);
            chinese += usize::from(is_han(c) || punctuation);
        }
        // decode_with counts every U+FFFD once any sequence was malformed.
        let errors = if errors > 0 { replacements } else { 0 };
        let clean = errors == 0 || (errors <= 3 && errors * 1000 <= chars);
        if !clean {
            continue;
        }
        if total >= 8 && chinese * 100 >= total * 95 {
            let (text, errors) = decode_with(encoding, bytes);
            return nearly_clean(&text, errors).then_some((text, encoding.name()));
        }
    }
    None
}

/// UTF-8 with a few broken sequences, e.g. a file cut in the middle of its last character or a
/// page with a damaged byte here and there: up to three errors among 20 or more valid
/// multi-byte characters, or at least 100 valid multi-byte characters per error. Text in a
/// legacy encoding fails nearly every multi-byte sequence, so the count gives up early on it.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let leads = |chunk: &[u8]| chunk.iter().filter(|b| **b >= 0xC0).count();
    let (mut errors, mut multibyte, mut at) = (0usize, 0usize, 0usize);
    loop {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(rest) => {
                multibyte += leads(rest.as_bytes());
                break;
            }
            Err(e) => {
                multibyte += leads(&bytes[at..at + e.valid_up_to()]);
                errors += 1;
                if errors >= 64 && errors * 100 > multibyte {
                    return None;
                }
                let skip = e.error_len().unwrap_or(bytes.len() - at - e.valid_up_to());
                at += e.valid_up_to() + skip;
            }
        }
    }
    let fine = multibyte >= 20 && (errors <= 3 || multibyte >= 100 * errors);
    fine.then(|| String::from_utf8_lossy(bytes).into_owned())
}

/// Plain Simplified Chinese in GBK/GB18030, told without chardetng, which costs about two
/// thousand instructions a byte (more than all the rest of reading a report). The bytes must
/// decode as GB18030 without a single error, and their double-byte pairs must look like
/// Chinese: at least three quarters in GB2312's block of frequent characters, and at least one
/// in eight with a lead byte of C9–D7, where that block keeps its many characters read
/// sh…/x…/y…/z… (是, 县, 以, 在, 中). EUC-KR's Hangul shares the block's first rows but not those,
/// EUC-JP's kana and Big5 fall outside it, and a page that declares another encoding is left to
/// the full detection. Whatever is not this clear goes on to chardetng; a test checks that it
/// agrees wherever this shortcut is taken.
fn clearly_gbk(bytes: &[u8]) -> Option<String> {
    let shares = PairShares::of(bytes);
    let chinese_pairs = shares.pairs >= 50
        && shares.gbk * 4 >= shares.pairs * 3
        && shares.gbk_late * 8 >= shares.pairs;
    if !chinese_pairs || declared_encoding(bytes).is_some_and(|d| family(d) != Family::Gbk) {
        return None;
    }
    let (text, errors) = decode_with(GB18030, bytes);
    (errors == 0).then_some(text)
}

/// chardetng's guess from a sample that starts where the non-ASCII text does (a saved page
/// can open with a long script or style sheet, which tells nothing about the encoding).
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let first = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0).saturating_sub(2);
    let end = bytes.len().min(first + DETECT_SAMPLE_BYTES);
    let sample = &bytes[first..end];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, end == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Deny);
    // This reads Chinese reports: when chardetng picks a Japanese or Korean encoding (it can,
    // on short texts) but a Chinese one reads the bytes without a single error, prefer that.
    if [SHIFT_JIS, EUC_JP, EUC_KR].contains(&guess) {
        for chinese in [GB18030, BIG5] {
            let (text, errors) = decode_with(chinese, sample);
            if errors == 0 && text.chars().any(is_han) {
                return chinese;
            }
        }
    }
    guess
}

/// GBK or Big5 text with a few damaged bytes. chardetng rules out an encoding at its first
/// error, so a single bad byte in a Chinese file can leave it with a Western guess, under which
/// the whole report would turn to Latin junk. Such a file still reads as Chinese with errors
/// under 5% of its Han characters, and which of the two encodings it is shows in its byte
/// pairs: correctly read, nearly all pairs fall in the encoding's block of frequent characters
/// (GB2312 level 1 for GBK, Big5 level 1 for Big5), while the other reading puts well under
/// two thirds there. Western text has almost no such pairs and is left to the guess.
fn damaged_chinese(bytes: &[u8]) -> Option<(String, &'static str)> {
    let shares = PairShares::of(bytes);
    let best = shares.gbk.max(shares.big5);
    if shares.pairs < 20 || best * 10 < shares.pairs * 6 {
        return None;
    }
    let encoding = shares.likelier()[0];
    let (text, errors) = decode_with(encoding, bytes);
    let han = text.chars().filter(|c| is_han(*c)).count();
    (han >= 10 && errors * 20 <= han).then(|| (text, name_of(encoding)))
}

/// How many double-byte pairs in a sample fall in the frequent-character blocks of GBK and Big5.
struct PairShares {
    pairs: usize,
    gbk: usize,
    /// Those of `gbk` with a lead byte of C9–D7 (see [`clearly_gbk`]).
    gbk_late: usize,
    big5: usize,
}

impl PairShares {
    fn of(bytes: &[u8]) -> PairShares {
        let sample = &bytes[..bytes.len().min(DETECT_SAMPLE_BYTES)];
        let mut shares = PairShares { pairs: 0, gbk: 0, gbk_late: 0, big5: 0 };
        let mut i = 0;
        while i + 1 < sample.len() {
            let (lead, trail) = (sample[i], sample[i + 1]);
            if lead < 0x80 {
                i += 1;
                continue;
            }
            shares.pairs += 1;
            let gbk = (0xB0..=0xD7).contains(&lead) && (0xA1..=0xFE).contains(&trail);
            let big5 =
                (0xA4..=0xC6).contains(&lead) && ((0x40..=0x7E).contains(&trail) || trail >= 0xA1);
            shares.gbk += usize::from(gbk);
            shares.gbk_late += usize::from(gbk && lead >= 0xC9);
            shares.big5 += usize::from(big5);
            i += 2;
        }
        shares
    }

    /// GB18030 and Big5, the likelier reading first.
    fn likelier(&self) -> [&'static Encoding; 2] {
        if self.gbk >= self.big5 {
            [GB18030, BIG5]
        } else {
            [BIG5, GB18030]
        }
    }
}

/// Which family an encoding belongs to, for comparing a declaration with a guess.
#[derive(PartialEq)]
enum Family {
    Gbk,
    Big5,
    OtherCjk,
    SingleByte,
}

fn family(encoding: &'static Encoding) -> Family {
    if encoding == GBK || encoding == GB18030 {
        Family::Gbk
    } else if encoding == BIG5 {
        Family::Big5
    } else if encoding.is_single_byte() {
        Family::SingleByte
    } else {
        Family::OtherCjk
    }
}

/// Whether an HTML page's declared encoding is to be believed over chardetng's guess. Pages
/// are often saved or re-served under a template's declaration, so a declaration is doubted
/// when it names a single-byte encoding for text chardetng reads as CJK, or GBK for text it
/// reads as Big5 (Big5 bytes are nearly always valid GBK, so decoding alone cannot tell), given
/// enough non-ASCII text for the guess to be sure.
fn agrees(declared: &'static Encoding, guess: &'static Encoding, bytes: &[u8]) -> bool {
    let (d, g) = (family(declared), family(guess));
    if d == g {
        return true;
    }
    let non_ascii = bytes.iter().take(DETECT_SAMPLE_BYTES).filter(|b| !b.is_ascii()).count();
    match (d, g) {
        (Family::SingleByte, Family::Gbk | Family::Big5 | Family::OtherCjk) => false,
        (Family::Gbk, Family::Big5) => non_ascii < 200,
        _ => true,
    }
}

/// The encoding an HTML page declares in its first few kilobytes: `<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, or an XML declaration's
/// `encoding="…"`. A UTF-8 or UTF-16 declaration is ignored: UTF-8 was already tried, and a
/// page that could be read far enough to find a UTF-16 declaration is not UTF-16.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> =
        bytes[..bytes.len().min(META_PRESCAN_BYTES)].iter().map(u8::to_ascii_lowercase).collect();
    let mut found = None;
    if head.starts_with(b"<?xml") {
        let end = head.iter().position(|b| *b == b'>').unwrap_or(head.len());
        found = label_after(&head[..end], b"encoding");
    }
    let mut from = 0;
    while found.is_none() {
        let Some(at) = sniff::memfind(&head[from..], b"<meta") else { break };
        let start = from + at;
        let end = head[start..].iter().position(|b| *b == b'>').map_or(head.len(), |e| start + e);
        found = label_after(&head[start..end], b"charset");
        from = end;
    }
    let encoding = Encoding::for_label(found?)?;
    if encoding == encoding_rs::UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE {
        return None;
    }
    Some(encoding)
}

/// The value after `key` `=` in a tag, without quotes.
fn label_after<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = sniff::memfind(tag, key)? + key.len();
    let rest = &tag[at..];
    let skip = |s: &'a [u8]| {
        let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
        &s[n..]
    };
    let rest = skip(rest);
    let rest = skip(rest.strip_prefix(b"=")?);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (len > 0).then_some(&rest[..len])
}
