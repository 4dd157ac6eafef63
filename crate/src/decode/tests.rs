//! Unit tests of decoding: encodings, byte order marks, binary input, empty and non-Chinese text.

use super::*;
use encoding_rs::{BIG5, GB18030};

/// A made-up report paragraph in Simplified Chinese.
const SIMPLIFIED: &str = "某县位于山区，辖8个乡镇120个行政村。全县建档立卡贫困户1234户5678人，\
截至2019年底全部脱贫，贫困发生率从12.3%下降到0。\n\
“两不愁三保障”全面实现，农村居民人均可支配收入达到9876元。\n";

/// The same paragraph in Traditional Chinese.
const TRADITIONAL: &str = "某縣位於山區，轄8個鄉鎮120個行政村。全縣建檔立卡貧困戶1234戶5678人，\
截至2019年底全部脫貧，貧困發生率從12.3%下降到0。\n\
「兩不愁三保障」全面實現，農村居民人均可支配收入達到9876元。\n";

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the sample", encoding.name());
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

fn ok(bytes: &[u8]) -> Decoded {
    decode(bytes).unwrap_or_else(|e| panic!("expected text, got error: {e}"))
}

fn binary_what(bytes: &[u8]) -> String {
    match decode(bytes) {
        Err(InputError::Binary { what, .. }) => what,
        other => panic!("expected Binary, got {other:?}"),
    }
}

/// A deterministic pseudo-random byte stream (xorshift), so the test needs no crate.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn utf8_plain() {
    let d = ok(SIMPLIFIED.as_bytes());
    assert_eq!((d.text.as_str(), d.encoding, d.html), (SIMPLIFIED, "UTF-8", false));
}

#[test]
fn utf8_bom_is_dropped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(SIMPLIFIED.as_bytes());
    let d = ok(&bytes);
    assert_eq!((d.text.as_str(), d.encoding), (SIMPLIFIED, "UTF-8"));
}

#[test]
fn utf8_cut_in_the_last_character_stays_utf8() {
    let mut bytes = SIMPLIFIED.as_bytes().to_vec();
    bytes.extend_from_slice(&"县".as_bytes()[..2]);
    let d = ok(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.text.starts_with(SIMPLIFIED) && d.text.ends_with('\u{FFFD}'));
}

#[test]
fn utf16_with_bom() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let mut bytes = utf16("\u{FEFF}", big_endian);
        bytes.extend(utf16(SIMPLIFIED, big_endian));
        let d = ok(&bytes);
        assert_eq!((d.text.as_str(), d.encoding), (SIMPLIFIED, name));
    }
}

#[test]
fn utf16_without_bom_from_nul_pattern() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let d = ok(&utf16(SIMPLIFIED, big_endian));
        assert_eq!((d.text.as_str(), d.encoding), (SIMPLIFIED, name));
    }
}

#[test]
fn utf16_without_bom_or_ascii() {
    let han_only = "全县建档立卡贫困户全部脱贫，贫困发生率下降到零。农村居民收入大幅增长。";
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let d = ok(&utf16(han_only, big_endian));
        assert_eq!((d.text.as_str(), d.encoding), (han_only, name));
    }
}

#[test]
fn utf32_with_bom() {
    let mut le = vec![0xFF, 0xFE, 0, 0];
    let mut be = vec![0, 0, 0xFE, 0xFF];
    for c in SIMPLIFIED.chars() {
        le.extend((c as u32).to_le_bytes());
        be.extend((c as u32).to_be_bytes());
    }
    assert_eq!(ok(&le).encoding, "UTF-32LE");
    assert_eq!(ok(&be).text, SIMPLIFIED);
}

#[test]
fn gb18030() {
    let d = ok(&encode(GB18030, SIMPLIFIED));
    assert_eq!((d.text.as_str(), d.encoding), (SIMPLIFIED, "GB18030"));
}

#[test]
fn gb18030_four_byte_sequences() {
    // ǹ and 𠀀 have no GBK code and take GB18030's four-byte form.
    let text = format!("{SIMPLIFIED}拼音ǹ与扩展字𠀀。\n");
    let bytes = encode(GB18030, &text);
    assert!(bytes.len() > text.chars().count());
    let d = ok(&bytes);
    assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "GB18030"));
}

#[test]
fn gbk_traditional_text() {
    // Traditional characters saved as GBK are still GBK, not Big5.
    let d = ok(&encode(GB18030, TRADITIONAL));
    assert_eq!((d.text.as_str(), d.encoding), (TRADITIONAL, "GB18030"));
}

#[test]
fn big5() {
    let d = ok(&encode(BIG5, TRADITIONAL));
    assert_eq!((d.text.as_str(), d.encoding), (TRADITIONAL, "Big5"));
}

#[test]
fn big5_hkscs_pinyin_letters() {
    // Scraped pages write tone letters with HKSCS codes (0x8869 is ǎ), which encoding_rs's Big5
    // encoder does not produce but its decoder reads: splice them in by hand.
    let mut bytes = Vec::new();
    for (i, part) in TRADITIONAL.split('貧').enumerate() {
        if i > 0 {
            bytes.extend(encode(BIG5, "貧(p"));
            bytes.extend([0x88, 0x69]);
            bytes.extend(encode(BIG5, "n)"));
        }
        bytes.extend(encode(BIG5, part));
    }
    let d = ok(&bytes);
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.text, TRADITIONAL.replace('貧', "貧(pǎn)"));
}

#[test]
fn html_meta_charset_is_honoured() {
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
         <title>县情</title></head><body><p>{SIMPLIFIED}</p></body></html>"
    );
    let d = ok(&encode(GB18030, &page));
    assert_eq!((d.encoding, d.html), ("GB18030", true));
    assert!(d.text.contains("贫困发生率从12.3%下降到0"));

    let page = format!("<!DOCTYPE html><meta charset='big5'><p>{TRADITIONAL}</p>");
    let d = ok(&encode(BIG5, &page));
    assert_eq!((d.encoding, d.html), ("Big5", true));
}

#[test]
fn html_meta_charset_is_doubted_when_the_bytes_disagree() {
    // A Western template's declaration over GBK text.
    let page = format!("<html><meta charset=\"iso-8859-1\"><body><p>{SIMPLIFIED}</p>");
    assert_eq!(ok(&encode(GB18030, &page)).encoding, "GB18030");
    // A GB2312 declaration over Big5 text (Big5 bytes are valid GBK, so only the guess tells).
    let page = format!("<html><meta charset=\"gb2312\"><body><p>{TRADITIONAL}{TRADITIONAL}</p>");
    assert_eq!(ok(&encode(BIG5, &page)).encoding, "Big5");
    // A GB2312 declaration over UTF-8 text (a page converted after saving).
    let page = format!("<html><meta charset=\"gb2312\"><body><p>{SIMPLIFIED}</p>");
    assert_eq!(ok(page.as_bytes()).encoding, "UTF-8");
}

#[test]
fn declared_label_parsing() {
    assert_eq!(declared_encoding(b"<META CHARSET = 'GBK'>"), Some(GBK));
    assert_eq!(declared_encoding(b"<meta content=\"text/html;charset=big5\">"), Some(BIG5));
    assert_eq!(declared_encoding(b"<?xml version=\"1.0\" encoding=\"GB2312\"?><html>"), Some(GBK));
    assert_eq!(declared_encoding(b"<meta charset=utf-8>"), None);
    assert_eq!(declared_encoding(b"<meta charset=no-such-thing>"), None);
    assert_eq!(declared_encoding(b"<meta charset="), None);
    assert_eq!(declared_encoding(b"charset=gbk but no meta tag"), None);
}

#[test]
fn magic_numbers_are_named() {
    let cases: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", "JPEG image"),
        (b"GIF89a\x01\0\x01\0", "GIF image"),
        (b"RIFF\x24\0\0\0WEBPVP8 ", "WebP image"),
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF document"),
        (b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xmlword/document.xml", "Word"),
        (b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0xl/workbook.xml", "Excel"),
        (b"PK\x03\x04\x14\0\0\0\x08\0notes.txt", "ZIP archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", "old-format Office"),
        (b"\x1F\x8B\x08\0\0\0\0\0\0\x03", "gzip"),
        (b"7z\xBC\xAF\x27\x1C\0\x04", "7-Zip"),
        (b"Rar!\x1A\x07\x01\0", "RAR"),
        (b"\x7FELF\x02\x01\x01\0", "ELF"),
        (b"{\\rtf1\\ansi\\ansicpg936 \\'d6\\'d0}", "RTF"),
        (b"\0asm\x01\0\0\0", "WebAssembly"),
    ];
    for (bytes, expected) in cases {
        let what = binary_what(bytes);
        assert!(what.contains(expected), "{what:?} should name {expected:?}");
    }
    let mut exe = b"MZ\x90\0\x03\0\0\0".to_vec();
    exe.resize(128, 0);
    assert!(binary_what(&exe).contains("Windows program"));
}

#[test]
fn documents_say_how_to_get_the_text() {
    let err = decode(b"%PDF-1.4\n1 0 obj").unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("this is a PDF document, not a text report."), "{message}");
    assert!(message.contains("copy the text"), "{message}");
    let err = decode(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
    assert_eq!(err.to_string(), "this is a PNG image, not a text report");
}

#[test]
fn text_starting_like_a_magic_number_is_still_text() {
    // "BM" and "MZ" open ordinary words; only real headers count.
    let text = format!("BMI指数与MZ项目\n{SIMPLIFIED}");
    assert_eq!(ok(text.as_bytes()).text, text);
    let text = format!("MZ{SIMPLIFIED}");
    assert_eq!(ok(text.as_bytes()).text, text);
}

#[test]
fn random_bytes_are_binary() {
    for seed in [1, 7, 42, 2024] {
        for len in [64, 1000, 65536] {
            let bytes = noise(len, seed);
            assert!(
                matches!(decode(&bytes), Err(InputError::Binary { .. })),
                "seed {seed} len {len}: {:?}",
                decode(&bytes).map(|d| d.encoding)
            );
        }
    }
}

#[test]
fn high_bytes_without_controls_are_refused_or_not_chinese() {
    // Noise limited to bytes >= 0x80 has no control bytes; it must not come back as a report
    // silently: either refused or, if some legacy encoding reads it, then without errors.
    let bytes: Vec<u8> = noise(4096, 99).into_iter().map(|b| b | 0x80).collect();
    if let Ok(d) = decode(&bytes) {
        assert!(d.encoding != "UTF-8");
    }
}

#[test]
fn text_with_many_nuls_is_binary() {
    let mut bytes = SIMPLIFIED.as_bytes().to_vec();
    for i in (0..bytes.len()).step_by(7) {
        bytes[i] = 0;
    }
    assert!(matches!(decode(&bytes), Err(InputError::Binary { .. })));
}

#[test]
fn a_stray_control_character_is_tolerated() {
    let text = format!("{SIMPLIFIED}\u{1A}\u{0B}\u{0C}");
    assert_eq!(ok(text.as_bytes()).text, text);
}

#[test]
fn empty_and_white_space() {
    assert_eq!(decode(b""), Err(InputError::Empty));
    assert_eq!(decode(b" \r\n\t \n"), Err(InputError::Empty));
    assert_eq!(decode(b"\xEF\xBB\xBF  \n"), Err(InputError::Empty));
    assert_eq!(decode(&utf16("\u{FEFF}\u{3000} \n", false)), Err(InputError::Empty));
    assert_eq!(decode(b"<html><body> <p>&nbsp;</p> </body></html>"), Err(InputError::Empty));
}

#[test]
fn no_chinese() {
    assert_eq!(decode(b"Annual report 2019: 1234 households."), Err(InputError::NoChinese));
    assert_eq!(decode("Ünïcödé only".as_bytes()), Err(InputError::NoChinese));
    let latin1 = encode(encoding_rs::WINDOWS_1252, "Le café coûte 3 €. Très bon, déjà vu.");
    assert_eq!(decode(&latin1), Err(InputError::NoChinese));
    // The only Chinese is in a script.
    let page = "<html><body><p>Hello</p><script>alert('你好')</script></body></html>";
    assert_eq!(decode(page.as_bytes()), Err(InputError::NoChinese));
}

#[test]
fn too_large_is_checked_first() {
    let bytes = vec![b'x'; MAX_REPORT_BYTES + 1];
    assert_eq!(
        decode(&bytes),
        Err(InputError::TooLarge { size: MAX_REPORT_BYTES + 1, limit: MAX_REPORT_BYTES })
    );
    assert!(decode(&bytes).unwrap_err().to_string().contains("limit is 20 MB"));
}

#[test]
fn html_is_reduced_to_text() {
    let page = "<!DOCTYPE html><html><head><title>扶贫成效</title><style>p{color:red}</style>\
                </head><body><nav>首页 | 新闻</nav><p>全县脱贫&ldquo;摘帽&rdquo;。</p></body></html>";
    let d = ok(page.as_bytes());
    assert!(d.html);
    assert_eq!(d.text, "扶贫成效\n全县脱贫“摘帽”。");
}

#[test]
fn large_inputs_decode_in_linear_time() {
    // 8 MB of GB18030 text; a quadratic step would not finish in this test's lifetime.
    let copies = 8 * 1024 * 1024 / SIMPLIFIED.len();
    let bytes = encode(GB18030, SIMPLIFIED).repeat(copies);
    let started = std::time::Instant::now();
    let d = ok(&bytes);
    assert_eq!(d.text.len(), SIMPLIFIED.len() * copies);
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}

#[test]
fn damaged_chinese_is_not_read_as_latin() {
    // A few corrupted bytes in a short file leave chardetng with a windows-1252 guess; the
    // report must still come back as Chinese, with U+FFFD where the damage is.
    for (encoding, text, name) in [(GB18030, SIMPLIFIED, "GB18030"), (BIG5, TRADITIONAL, "Big5")] {
        let text = text.repeat(20);
        let mut bytes = encode(encoding, &text);
        for at in [100, 900, 1700, 2500] {
            bytes[at] = 0xFF;
        }
        let d = ok(&bytes);
        assert_eq!(d.encoding, name);
        let damage = d.text.matches('\u{FFFD}').count();
        assert!((1..=8).contains(&damage), "{damage} replacement characters");
        let han = |t: &str| t.chars().filter(|c| is_han(*c)).count();
        assert!(han(&d.text) * 100 >= han(&text) * 99);
    }
}

/// The project's own reports (tests/reports, samples), decoded.
fn project_texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut texts = vec![("SIMPLIFIED".to_string(), SIMPLIFIED.repeat(3))];
    texts.push(("TRADITIONAL".to_string(), TRADITIONAL.repeat(3)));
    for dir in ["tests/reports", "samples"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("report folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("report");
            texts.push((path.display().to_string(), ok(&bytes).text));
        }
    }
    texts
}

#[test]
fn the_gbk_shortcut_agrees_with_chardetng() {
    use encoding_rs::{EUC_JP, EUC_KR, SHIFT_JIS};
    let mut taken = 0;
    for (name, text) in project_texts() {
        for encoding in [GB18030, BIG5, EUC_KR, EUC_JP, SHIFT_JIS] {
            // Characters an encoding lacks become character references, as a saved page has.
            let (bytes, _, _) = encoding.encode(&text);
            let Some(shortcut) = clearly_gbk(&bytes) else { continue };
            taken += 1;
            let guess = guess_encoding(&bytes);
            assert!(
                family(guess) == Family::Gbk,
                "{name} in {}: the shortcut says GB18030, chardetng {}",
                encoding.name(),
                guess.name()
            );
            assert_eq!(shortcut, decode_with(GB18030, &bytes).0);
        }
    }
    assert!(taken >= 10, "the shortcut was taken {taken} times");
}

#[test]
fn the_gbk_shortcut_is_taken_for_plain_gbk_only() {
    use encoding_rs::{EUC_JP, EUC_KR, SHIFT_JIS};
    assert!(clearly_gbk(&encode(GB18030, &SIMPLIFIED.repeat(3))).is_some());
    assert!(clearly_gbk(&encode(BIG5, &TRADITIONAL.repeat(3))).is_none());
    assert!(clearly_gbk(&noise(4096, 7)).is_none());
    // Japanese and Korean in their own encodings are not mistaken for it.
    let japanese = "日本の地方自治体は、貧困対策として様々な取り組みを行っている。".repeat(4);
    let korean = "한국의 지방 정부는 빈곤 퇴치를 위해 다양한 노력을 기울이고 있다.".repeat(4);
    for (encoding, text) in [(EUC_JP, &japanese), (SHIFT_JIS, &japanese), (EUC_KR, &korean)] {
        assert!(clearly_gbk(&encode(encoding, text)).is_none(), "{}", encoding.name());
    }
    // A page that declares Big5 goes through the full detection.
    let mut page = b"<meta charset=\"big5\">".to_vec();
    page.extend(encode(GB18030, &SIMPLIFIED.repeat(3)));
    assert!(clearly_gbk(&page).is_none());
}
