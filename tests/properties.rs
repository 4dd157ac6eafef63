//! Properties that must hold for any text, checked on generated report-like texts
//! (proptest): the normalisation offset map points inside the original text, every evidence
//! span contains the figure it claims and that figure reads as the claimed value, and a
//! report re-encoded as GB18030 gives the same headlines as its text.

// proptest is a native-only dev-dependency (crate/Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use zhibiao::{Engine, Report};

#[path = "../fuzz/checks.rs"]
mod checks;

/// Pieces of report prose: cue words, scope and time words, places, punctuation, and the
/// forms text takes in the wild (Traditional, full-width, pinyin ruby, line breaks, masks).
const WORDS: &[&str] = &[
    "全县",
    "全市",
    "兰考县",
    "石柱县",
    "累计",
    "截至",
    "2019年底",
    "2020年",
    "以来",
    "预计",
    "其中",
    "减少贫困人口",
    "贫困人口",
    "脱贫",
    "建档立卡贫困户",
    "贫困村",
    "退出",
    "摘帽",
    "贫困发生率",
    "由",
    "下降到",
    "降至",
    "农村居民人均可支配收入",
    "增长",
    "易地扶贫搬迁",
    "安置",
    "新建",
    "农村公路",
    "公里",
    "驻村工作队",
    "选派",
    "公益岗位",
    "开发",
    "带动",
    "城关镇",
    "李家村",
    "合作社",
    "贫困人口",
    "減少貧困人口",
    "貧(pín)困(kùn)",
    "，",
    "。",
    "、",
    "；",
    "：",
    "\n",
    "\n\n",
    "  ",
    "（",
    "）",
    "“",
    "”",
    "**",
    "?",
    "全部",
    "共",
    "约",
    "近",
    "余",
    "多",
    "以上",
];

/// Figures as reports write them.
fn figure() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(vec![
        "人",
        "户",
        "个",
        "个村",
        "万人",
        "万户",
        "元",
        "万元",
        "亿元",
        "公里",
        "人次",
        "支",
        "%",
        "个百分点",
    ]);
    let number = prop_oneof![
        (1u32..100_000).prop_map(|n| n.to_string()),
        (1u32..10_000, 1u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..999, 0u32..999).prop_map(|(a, b)| format!("{a},{b:03}")),
        (1u32..100).prop_map(|n| format!("{n}.5万")),
        prop::sample::select(vec!["三千二百", "两万", "十二", "一百零五", "四十七", "百分之三十"])
            .prop_map(str::to_string),
        (1u32..100).prop_map(|n| n.to_string().chars().map(full_width).collect()),
    ];
    (number, unit).prop_map(|(n, u)| format!("{n}{u}"))
}

fn full_width(c: char) -> char {
    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
}

/// A report-like text: 5–80 pieces, words and figures mixed, always some Chinese.
fn report_text() -> impl Strategy<Value = String> {
    let cue_and_figure =
        (prop::sample::select(WORDS), figure()).prop_map(|(w, f)| format!("{w}{f}"));
    let piece = prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => figure(),
        2 => cue_and_figure,
    ];
    prop::collection::vec(piece, 5..80).prop_map(|pieces| format!("兰考县{}", pieces.concat()))
}

/// Any text, including what the generator above never writes.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        report_text(),
        ".{0,200}",
        "[貧困人口0-9０-９(pínkùn)\n\r 　,，。\u{FEFF}\u{200B}]{0,120}"
    ]
}

fn analyze(text: &str) -> Option<Report> {
    Engine::builtin().analyze_text(text, "generated").ok()
}

/// The multipliers a unit may carry after the number reader (万元 → ×10⁴ on 3.2).
const UNIT_FACTORS: [f64; 5] = [1.0, 1e2, 1e3, 1e4, 1e8];

fn reads_as(text: &str, value: f64) -> bool {
    zhibiao::numbers::scan_str(text).iter().any(|m| {
        UNIT_FACTORS.iter().any(|f| {
            let v = m.value * f;
            (v - value).abs() <= 1e-9 * value.abs().max(1.0)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_offset_map_points_inside_the_original_text(text in any_text()) {
        checks::check_offset_map(&text, &zhibiao::normalize::normalize(&text));
    }

    #[test]
    fn every_evidence_span_contains_the_figure_it_claims(text in report_text()) {
        let Some(report) = analyze(&text) else { return Ok(()) };
        checks::check_report(&report, &text);
        let chars: Vec<char> = text.chars().collect();
        for h in &report.indicators {
            let sentence: String = chars[h.sentence_start..h.sentence_end].iter().collect();
            let figure: String = chars[h.start..h.end].iter().collect();
            prop_assert!(sentence.contains(&figure), "{}: {figure:?} not in {sentence:?}", h.id);
            // The figure as written in the text is the figure reported, normalised. A line
            // break inside it (约\n三千二百人) is a wrapped line the normaliser joined, which it
            // can only tell with the text around it, so the slice alone keeps it.
            let normalised: String = zhibiao::normalize::normalize(&figure)
                .chars
                .iter()
                .filter(|c| !matches!(c, '\n' | '\r'))
                .collect();
            prop_assert_eq!(&normalised, &h.text, "{}", h.id);
            prop_assert!(reads_as(&h.text, h.value), "{}: {:?} does not read as {}", h.id, h.text, h.value);
        }
        for c in &report.candidates {
            prop_assert!(reads_as(&c.text, c.value), "{}: {:?} does not read as {}", c.id, c.text, c.value);
        }
    }

    #[test]
    fn gb18030_bytes_give_the_same_headlines_as_the_text(text in report_text()) {
        let Some(from_text) = analyze(&text) else { return Ok(()) };
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        prop_assert!(!unmappable);
        let from_bytes = Engine::builtin().analyze(&bytes, "generated.txt");
        let from_bytes = from_bytes.map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(from_bytes.text.as_deref(), Some(text.as_str()), "decoded as {}", from_bytes.encoding);
        let key = |r: &Report| -> Vec<(String, f64, usize, usize)> {
            r.indicators.iter().map(|h| (h.id.clone(), h.value, h.start, h.end)).collect()
        };
        prop_assert_eq!(key(&from_bytes), key(&from_text));
    }
}
