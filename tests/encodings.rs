//! Every seed report in `../shared/seeds`, re-encoded at run time the ways reports reach us,
//! must decode to the same text and read the same as the UTF-8 original:
//! (a) GB18030, Big5 (Traditional seeds), UTF-16LE/BE with and without BOM and UTF-8 with BOM
//!     decode to exactly the original text, under the right encoding name, and so do GB18030
//!     and Big5 with a bad byte every 1000 characters (each read as U+FFFD);
//! (b) the seed wrapped in an HTML page (paragraphs, entities, a script, a nav bar, a
//!     copyright footer), as UTF-8 and as GB2312-declared GB18030, gives back the paragraph
//!     text (compared without white space) and none of the junk;
//! (c) `zhibiao::analyze` finds the same region and the same (indicator id, value) list in
//!     every variant as in the original.
//!
//! Nothing here is stored: the variants are built from the seeds each run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use encoding_rs::{BIG5, GB18030};
use zhibiao::decode::decode;

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

/// The seed reports: (file name, text).
fn seeds() -> Vec<(String, String)> {
    let dir = seeds_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seed reports are expected in {}: {e}", dir.display()));
    let mut seeds: Vec<(String, String)> = entries
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let text = std::fs::read_to_string(&p).expect("seed is UTF-8");
            (name, text)
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seed reports in {}", dir.display());
    seeds
}

/// What `analyze` concludes, reduced to what must not depend on the encoding.
#[derive(Debug, PartialEq)]
struct Reading {
    region: Option<(String, String)>,
    indicators: Vec<(String, f64)>,
}

fn reading(bytes: &[u8]) -> Reading {
    let catalog = zhibiao::Catalog::builtin();
    let report = zhibiao::analyze(bytes, "variant", &catalog)
        .unwrap_or_else(|e| panic!("analyze failed: {e}"));
    Reading {
        region: report.region.map(|r| (r.name, r.adcode)),
        indicators: report.indicators.into_iter().map(|h| (h.id, h.value)).collect(),
    }
}

/// The text the plain variants must decode to: the original without a UTF-8 BOM.
fn expected_text(original: &str) -> &str {
    original.strip_prefix('\u{FEFF}').unwrap_or(original)
}

fn with_bom(bom: &[u8], body: Vec<u8>) -> Vec<u8> {
    let mut bytes = bom.to_vec();
    bytes.extend(body);
    bytes
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

/// Big5 codes for characters encoding_rs's Big5 encoder leaves out: it encodes Big5 proper
/// only, but its decoder also reads HKSCS, which scraped pages use for pinyin tone letters
/// (ǎ ǒ …). Built by decoding every two-byte code once.
fn hkscs_codes() -> HashMap<char, [u8; 2]> {
    let mut codes = HashMap::new();
    for lead in 0x81..=0xFEu8 {
        for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
            let code = [lead, trail];
            let (text, errors) = BIG5.decode_without_bom_handling(&code);
            let mut chars = text.chars();
            if let (false, Some(c), None) = (errors, chars.next(), chars.next()) {
                codes.entry(c).or_insert([lead, trail]);
            }
        }
    }
    codes
}

/// A Traditional seed in Big5 with HKSCS, and the text it must decode to. A character that
/// neither Big5 nor HKSCS has (a Simplified one slipped into the page, say) is written the way
/// encoding_rs's encoder writes unmappable characters, as a decimal character reference, and
/// is expected back in that form.
fn big5_variant(text: &str, hkscs: &HashMap<char, [u8; 2]>) -> (Vec<u8>, String, usize) {
    let mut bytes = Vec::with_capacity(text.len());
    let mut expected = String::with_capacity(text.len());
    let mut missing = 0;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let (encoded, _, unmappable) = BIG5.encode(c.encode_utf8(&mut buf));
        if !unmappable {
            bytes.extend_from_slice(&encoded);
            expected.push(c);
        } else if let Some(code) = hkscs.get(&c) {
            bytes.extend_from_slice(code);
            expected.push(c);
        } else {
            let reference = format!("&#{};", c as u32);
            bytes.extend_from_slice(reference.as_bytes());
            expected.push_str(&reference);
            missing += 1;
        }
    }
    (bytes, expected, missing)
}

/// Whether a seed is Traditional Chinese: Big5 (with HKSCS) has all but 1% of its Han
/// characters.
fn is_traditional(text: &str, hkscs: &HashMap<char, [u8; 2]>) -> bool {
    let han = text.chars().filter(|c| zhibiao::decode::is_han(*c)).count();
    let (_, _, missing) = big5_variant(text, hkscs);
    missing * 100 <= han
}

/// Junk that the HTML variant puts outside the article; none of it may come back.
const JUNK: [&str; 4] = ["99999", "88888", "77777", "66666"];

/// The seed as a saved web page: each line a paragraph, quotes, dashes and every 40th Han
/// character as entities, with a script, a navigation bar, a share bar and a copyright footer
/// around it.
fn html_variant(text: &str, charset: &str) -> String {
    let mut page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\">\
         <script>var stats = \"<p>虚假数字99999人</p>\";</script>\
         <style>p {{ text-indent: 2em; }}</style></head>\n<body>\n\
         <nav><a href=\"/\">首页</a> | <a href=\"/news\">扶贫88888户</a></nav>\n\
         <div class=\"article\">\n"
    );
    let mut han_seen = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        page.push_str("<p>");
        for c in line.chars() {
            match c {
                '&' => page.push_str("&amp;"),
                '<' => page.push_str("&lt;"),
                '>' => page.push_str("&gt;"),
                '“' => page.push_str("&ldquo;"),
                '”' => page.push_str("&rdquo;"),
                '—' => page.push_str("&mdash;"),
                '…' => page.push_str("&hellip;"),
                '·' => page.push_str("&middot;"),
                c if zhibiao::decode::is_han(c) => {
                    han_seen += 1;
                    match han_seen % 40 {
                        0 => page.push_str(&format!("&#{};", c as u32)),
                        20 => page.push_str(&format!("&#x{:x};", c as u32)),
                        _ => page.push(c),
                    }
                }
                c => page.push(c),
            }
        }
        page.push_str("</p>\n");
    }
    page.push_str(
        "</div>\n<div class=\"share\">分享到：微信 77777</div>\n\
         <div class=\"footer\"><p>Copyright &copy; 2020 某某网 版权所有 66666</p></div>\n\
         <script>document.write('<p>99999</p>')</script>\n</body></html>\n",
    );
    page
}

/// `text` encoded char by char with a 0xFF byte (never valid in GB18030 or Big5) after every
/// 1000th character, as a damaged download has; and the text it must decode to, with U+FFFD
/// for each bad byte. `encode` returns the bytes of one character.
fn damaged(text: &str, encode: impl Fn(char) -> Vec<u8>) -> (Vec<u8>, String) {
    let (mut bytes, mut expected) = (Vec::new(), String::new());
    for (i, c) in text.chars().enumerate() {
        bytes.extend(encode(c));
        expected.push(c);
        if i % 1000 == 999 {
            bytes.push(0xFF);
            expected.push('\u{FFFD}');
        }
    }
    (bytes, expected)
}

fn without_white_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn seeds_survive_every_encoding() {
    let hkscs = hkscs_codes();
    let mut failures = Vec::new();
    let mut traditional = 0;
    let mut checked = 0;
    for (name, original) in seeds() {
        let original_reading = reading(original.as_bytes());
        let text = expected_text(&original);
        let mut plain: Vec<(&str, Vec<u8>, &str, String)> = vec![
            ("GB18030", GB18030.encode(text).0.into_owned(), "GB18030", text.to_string()),
            (
                "UTF-8 with BOM",
                with_bom(b"\xEF\xBB\xBF", text.as_bytes().to_vec()),
                "UTF-8",
                text.to_string(),
            ),
            (
                "UTF-16LE with BOM",
                with_bom(b"\xFF\xFE", utf16(text, false)),
                "UTF-16LE",
                text.to_string(),
            ),
            (
                "UTF-16BE with BOM",
                with_bom(b"\xFE\xFF", utf16(text, true)),
                "UTF-16BE",
                text.to_string(),
            ),
            ("UTF-16LE without BOM", utf16(text, false), "UTF-16LE", text.to_string()),
            ("UTF-16BE without BOM", utf16(text, true), "UTF-16BE", text.to_string()),
        ];
        let gb18030_char = |c: char| GB18030.encode(c.encode_utf8(&mut [0; 4])).0.into_owned();
        let (bytes, expected) = damaged(text, gb18030_char);
        plain.push(("GB18030, damaged", bytes, "GB18030", expected));
        if is_traditional(text, &hkscs) {
            traditional += 1;
            let (bytes, expected, _) = big5_variant(text, &hkscs);
            plain.push(("Big5", bytes, "Big5", expected.clone()));
            let big5_char = |c: char| big5_variant(&c.to_string(), &hkscs).0;
            let (bytes, expected) = damaged(&expected, big5_char);
            plain.push(("Big5, damaged", bytes, "Big5", expected));
        }
        for (variant, bytes, encoding, expected) in plain {
            checked += 1;
            match decode(&bytes) {
                Ok(d) if d.encoding != encoding => failures.push(format!(
                    "{name} as {variant}: detected {}, expected {encoding}",
                    d.encoding
                )),
                Ok(d) if d.text != expected => failures.push(format!(
                    "{name} as {variant}: text differs from the original (first difference at char {})",
                    d.text.chars().zip(expected.chars()).take_while(|(a, b)| a == b).count()
                )),
                Ok(_) => {
                    // Compare with the text the variant stands for (for Big5, the original with
                    // its unencodable characters as references).
                    let want = if expected == text { &original_reading } else { &reading(expected.as_bytes()) };
                    let got = reading(&bytes);
                    if got != *want {
                        failures.push(format!("{name} as {variant}: analyze gives {got:?}, expected {want:?}"));
                    }
                }
                Err(e) => failures.push(format!("{name} as {variant}: {e}")),
            }
        }

        let html_variants = [
            ("HTML, UTF-8", html_variant(text, "utf-8").into_bytes(), "UTF-8"),
            (
                "HTML, GB18030",
                GB18030.encode(&html_variant(text, "gb2312")).0.into_owned(),
                "GB18030",
            ),
        ];
        for (variant, bytes, encoding) in html_variants {
            checked += 1;
            match decode(&bytes) {
                Ok(d) => {
                    if d.encoding != encoding || !d.html {
                        failures.push(format!(
                            "{name} as {variant}: detected {} (html: {}), expected {encoding} html",
                            d.encoding, d.html
                        ));
                    }
                    let (got, want) = (without_white_space(&d.text), without_white_space(text));
                    if got != want {
                        let same =
                            got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
                        let near: String =
                            got.chars().skip(same.saturating_sub(10)).take(40).collect();
                        failures.push(format!(
                            "{name} as {variant}: paragraph text differs at char {same}: …{near}…"
                        ));
                    }
                    if let Some(junk) = JUNK.iter().find(|j| d.text.contains(*j)) {
                        failures.push(format!("{name} as {variant}: junk {junk} came through"));
                    }
                    let got = reading(&bytes);
                    if got != original_reading {
                        failures.push(format!(
                            "{name} as {variant}: analyze gives {got:?}, expected {original_reading:?}"
                        ));
                    }
                }
                Err(e) => failures.push(format!("{name} as {variant}: {e}")),
            }
        }
    }
    assert!(traditional > 0, "no Traditional seed found for the Big5 variant");
    assert!(
        failures.is_empty(),
        "{} of {checked} variants failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{checked} seed variants decoded alike");
}
