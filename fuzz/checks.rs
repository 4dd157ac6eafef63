//! What must hold for every input, whatever the bytes: no panic, and every offset the engine
//! reports points inside the text it refers to. The fuzz targets call these; so does
//! tests/fuzz_regressions.rs, which replays every input kept in fuzz/regressions/.

// Each user of this file (two fuzz targets, one test) calls only some of it.
#![allow(dead_code)]

use zhibiao::report::Report;
use zhibiao::Engine;

/// Bytes through decode → extract, and the same bytes as pasted text through extract alone.
pub fn decode_extract(bytes: &[u8]) {
    let engine = Engine::builtin();
    if let Ok(report) = engine.analyze(bytes, "fuzz") {
        let text = report.text.clone().expect("a report read from bytes carries its text");
        check_report(&report, &text);
    }
    let pasted = String::from_utf8_lossy(bytes);
    if let Ok(report) = engine.analyze_text(&pasted, "fuzz") {
        check_report(&report, &pasted);
    }
}

/// Text through normalisation and the number reader (and the unit resolver after it), as
/// the engine runs them, and the number reader on the raw text too.
pub fn number_reader(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let n = zhibiao::normalize::normalize(&text);
    check_offset_map(&text, &n);
    let raw: Vec<char> = text.chars().collect();
    for chars in [&n.chars, &raw] {
        let mut last_end = 0;
        for m in zhibiao::numbers::scan(chars) {
            assert!(m.start >= last_end && m.start < m.end && m.end <= chars.len(), "{m:?}");
            assert!(m.value.is_finite() && m.upper.is_none_or(f64::is_finite), "{m:?}");
            last_end = m.end;
            let q = zhibiao::quantity::resolve(chars, &m);
            assert!(q.start <= q.num_start && q.num_end <= q.end && q.end <= chars.len(), "{q:?}");
            assert!(q.value.is_finite() && q.upper.is_none_or(f64::is_finite), "{q:?}");
        }
    }
}

/// The normalised text's offset map points inside the original text, in order, and its
/// extra last entry is the original's length.
pub fn check_offset_map(text: &str, n: &zhibiao::normalize::Normalized) {
    let len = text.chars().count();
    assert_eq!(n.map.len(), n.chars.len() + 1, "one map entry per char plus the end");
    assert_eq!(n.map[n.chars.len()], len, "the end maps to the end");
    for (i, pair) in n.map.windows(2).enumerate() {
        assert!(pair[0] <= pair[1], "the map goes backwards at {i}: {pair:?}");
    }
    assert!(n.map[..n.chars.len()].iter().all(|&o| o < len), "a char maps past the text");
    for start in 0..=n.chars.len() {
        let (s, e) = n.to_original(start, n.chars.len());
        assert!(s <= e && e <= len, "to_original({start}, end) = ({s}, {e}) of {len}");
    }
}

fn span_in(what: &str, (start, end): (usize, usize), len: usize) {
    assert!(start <= end && end <= len, "{what}: span {start}..{end} outside 0..{len}");
}

/// Every span of `report` lies in `text`, each figure inside its sentence, values are finite,
/// one headline per indicator, and the UTF-16 conversion the page uses keeps all of that.
pub fn check_report(report: &Report, text: &str) {
    let len = text.chars().count();
    let mut ids = std::collections::HashSet::new();
    for h in &report.indicators {
        assert!(ids.insert(h.id.clone()), "two headlines for {}", h.id);
        span_in(&h.id, (h.start, h.end), len);
        span_in(&h.id, (h.sentence_start, h.sentence_end), len);
        assert!(
            h.sentence_start <= h.start && h.end <= h.sentence_end,
            "{}: figure outside its sentence",
            h.id
        );
        assert!(h.sentence.contains(&h.text), "{}: {:?} not in {:?}", h.id, h.text, h.sentence);
        assert!(
            h.value.is_finite() && h.value_max.is_none_or(f64::is_finite),
            "{}: {}",
            h.id,
            h.value
        );
        let c = &report.candidates[h.candidate];
        assert!(
            c.id == h.id && c.start == h.start && c.status == "headline",
            "{}: its candidate",
            h.id
        );
    }
    for c in &report.candidates {
        span_in(&c.id, (c.start, c.end), len);
        span_in(&c.id, (c.sentence_start, c.sentence_end), len);
        assert!(
            c.sentence_start <= c.start && c.end <= c.sentence_end,
            "{}: outside its sentence",
            c.id
        );
        assert!(c.value.is_finite() && c.score.is_finite(), "{}: {} {}", c.id, c.value, c.score);
    }
    for w in &report.warnings {
        span_in(&w.kind, (w.start, w.end), len);
        for &related in &w.related {
            span_in(&w.kind, related, len);
        }
    }
    if let Some(r) = &report.region {
        span_in("region", (r.start, r.end), len);
        assert!(
            r.adcode.len() == 6 && r.adcode.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            r.adcode
        );
    }
    serde_json::to_string(report).expect("a report serialises");

    let units = text.encode_utf16().count();
    let mut utf16 = report.clone();
    zhibiao::utf16::report_offsets_to_utf16(&mut utf16, text);
    for h in &utf16.indicators {
        span_in(&h.id, (h.start, h.end), units);
        assert!(h.sentence_start <= h.start && h.end <= h.sentence_end && h.sentence_end <= units);
    }
    for w in &utf16.warnings {
        span_in(&w.kind, (w.start, w.end), units);
    }
}
