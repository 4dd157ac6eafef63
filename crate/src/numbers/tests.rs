//! Unit tests over whole expressions; the spec files in tests/spec/numbers cover the forms.

use super::*;

fn one(s: &str) -> NumberMatch {
    let m = scan_str(s);
    assert_eq!(m.len(), 1, "{s}: {m:?}");
    m.into_iter().next().unwrap()
}

#[test]
fn reads_report_phrases() {
    let m = scan_str("22.7万建档立卡贫困人口，17541户63101人");
    let v: Vec<f64> = m.iter().map(|m| m.value).collect();
    assert_eq!(v, [227000.0, 17541.0, 63101.0]);
}

#[test]
fn ranges_share_the_multiplier() {
    let m = one("3-10万元");
    assert_eq!((m.value, m.upper, m.end), (30000.0, Some(100000.0), 5));
}

#[test]
fn never_panics_on_odd_input() {
    let nines = "9".repeat(400);
    let odd = [
        "-",
        "－－",
        "万万万万万",
        "百分之",
        "分之一",
        "1e999999999",
        "2^99999",
        nines.as_str(),
        "零零零点",
        "负负负",
        "１，",
        "1,",
        "3/0",
        "0分之三",
        "又",
        "十多",
        "多万",
        "3-",
        "—3",
        "ｋ",
    ];
    for s in odd {
        let _ = scan_str(s);
    }
    let long: String =
        "一二三四五六七八九十百千万亿兆点几多余零两".chars().cycle().take(20_000).collect();
    let _ = scan_str(&long);
}

/// Random strings over the characters the reader reacts to: no panics, and the matches are
/// in order, non-overlapping, inside the text, non-empty, with finite values.
#[test]
fn random_inputs_keep_the_invariants() {
    let alphabet: Vec<char> =
        "0123456789０９.．,，-－—~～至到/^eEkKM %％‰一二两三十百千万亿兆零〇点几多余负半成折打对分之又个百分点约近超过逾以上左右年月日号 a字人元壹陸萬億兩"
            .chars()
            .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let s: Vec<char> =
            (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
        let mut last_end = 0;
        for m in scan(&s) {
            let text: String = s.iter().collect();
            assert!(m.start >= last_end && m.start < m.end && m.end <= s.len(), "{text:?}: {m:?}");
            assert!(m.value.is_finite() && m.upper.is_none_or(f64::is_finite), "{text:?}: {m:?}");
            last_end = m.end;
        }
    }
}
