//! Snapshot tests of the page's charts (crate/src/chart.rs): the SVG is a pure function of
//! its input, so each chart is compared byte for byte with `tests/snapshots/*.svg`.
//! Run with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a deliberate change, then
//! look at them in a browser before committing.

use zhibiao::chart::{
    bar_chart, before_after_chart, format_number, per_population_chart, BarChartSpec, BarItem,
    PairChartSpec, PairItem, PerPopulationSpec, PopulationItem,
};

fn check_snapshot(name: &str, svg: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no snapshot {}; run with UPDATE_SNAPSHOTS=1", path.display()));
    assert!(expected == svg, "{name}.svg changed; run with UPDATE_SNAPSHOTS=1 and look at it");
}

fn item(label: &str, value: f64) -> BarItem {
    BarItem { label: label.to_string(), value }
}

#[test]
fn bar_chart_of_one_indicator_across_regions() {
    let svg = bar_chart(&BarChartSpec {
        title: "脱贫人口 People lifted out of poverty".into(),
        subtitle: "人 · 5 份报告中的 4 份".into(),
        unit: "人".into(),
        items: vec![
            item("石柱土家族自治县", 63101.0),
            item("绵阳市", 227000.0),
            item("金沙县", 80326.0),
            item("汾西县", 40284.0),
        ],
        empty_text: String::new(),
    });
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("font-family=\"sans-serif\""));
    assert!(svg.contains("石柱土家族自治县"));
    assert!(svg.contains("227,000 人"));
    check_snapshot("bar_chart", &svg);
}

#[test]
fn before_after_chart_of_poverty_incidence() {
    let svg = before_after_chart(&PairChartSpec {
        title: "贫困发生率 Poverty incidence".into(),
        subtitle: String::new(),
        before_label: "起始".into(),
        after_label: "最新".into(),
        unit: "%".into(),
        items: vec![
            PairItem { label: "汾西县".into(), before: Some(32.4), after: Some(0.4) },
            PairItem { label: "开州区".into(), before: None, after: Some(1.73) },
        ],
        empty_text: String::new(),
    });
    assert!(svg.contains("32.4%") && svg.contains("0.4%") && svg.contains("1.73%"));
    check_snapshot("before_after_chart", &svg);
}

#[test]
fn per_population_chart_leaves_out_regions_without_population() {
    let svg = per_population_chart(&PerPopulationSpec {
        title: "每万人脱贫人口".into(),
        subtitle: String::new(),
        unit: "人".into(),
        per: 10000.0,
        items: vec![
            PopulationItem { label: "金沙县".into(), value: 80326.0, population: 720000.0 },
            PopulationItem { label: "无人口县".into(), value: 10.0, population: 0.0 },
        ],
        empty_text: String::new(),
    });
    // 80326 / 720000 * 10000 = 1115.64
    assert!(svg.contains("1,115.64 人"), "{svg}");
    assert!(!svg.contains("无人口县"));
    check_snapshot("per_population_chart", &svg);
}

#[test]
fn empty_chart_says_why() {
    let svg = bar_chart(&BarChartSpec {
        title: "农村公路".into(),
        subtitle: String::new(),
        unit: "公里".into(),
        items: vec![],
        empty_text: "没有报告给出这项指标".into(),
    });
    assert!(svg.contains("没有报告给出这项指标"));
    check_snapshot("empty_chart", &svg);
}

#[test]
fn user_text_is_escaped_once() {
    let svg = bar_chart(&BarChartSpec {
        title: "<script>alert(1)</script>".into(),
        subtitle: "a & b".into(),
        unit: "\"".into(),
        items: vec![item("<img src=x onerror=alert(1)>", 1.0)],
        empty_text: String::new(),
    });
    assert!(!svg.contains("<script") && !svg.contains("<img"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("a &amp; b") && !svg.contains("&amp;amp;"));
}

#[test]
fn same_input_same_bytes() {
    let spec = BarChartSpec {
        title: "t".into(),
        subtitle: String::new(),
        unit: String::new(),
        items: vec![item("a", 1.5), item("b", 0.0)],
        empty_text: String::new(),
    };
    assert_eq!(bar_chart(&spec), bar_chart(&spec.clone()));
}

#[test]
fn numbers_get_thousands_separators() {
    assert_eq!(format_number(426100.0, 2), "426,100");
    assert_eq!(format_number(1471.5, 2), "1,471.5");
    assert_eq!(format_number(97.91, 2), "97.91");
    assert_eq!(format_number(375000000.0, 2), "375,000,000");
    assert_eq!(format_number(0.0, 2), "0");
    assert_eq!(format_number(-1234.5, 1), "-1,234.5");
}
