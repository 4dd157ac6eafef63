//! Snapshot tests of the page's charts (crate/src/chart.rs): the SVG is a pure function of
//! its input, so each chart is compared byte for byte with `tests/snapshots/*.svg`.
//! Run with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a deliberate change, then
//! look at them in a browser before committing.

use quick_xml::events::Event;
use quick_xml::Reader;
use zhibiao::chart::{
    bar_chart, before_after_chart, format_number, per_population_chart, small_multiples_chart,
    timeline_chart, BarChartSpec, BarItem, PairChartSpec, PairItem, Panel, PanelItem,
    PerPopulationSpec, PopulationItem, SmallMultiplesSpec, TimelinePoint, TimelineSeries,
    TimelineSpec,
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

/// Parses `svg` as XML (panics unless well formed with one `<svg>` root) and returns each
/// element's name with its `class`, and the text contents (unescaped), in document order.
fn parse(svg: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut reader = Reader::from_str(svg);
    let (mut elements, mut texts, mut depth, mut roots) = (Vec::new(), Vec::new(), 0, 0);
    let mut raw = String::new();
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"));
        match &event {
            Event::Text(t) => raw.push_str(&t.clone().into_inner()),
            Event::GeneralRef(r) => raw.push_str(&format!("&{};", &**r)),
            _ => {
                let text = quick_xml::escape::unescape(raw.trim()).expect("known entities");
                if !text.is_empty() {
                    texts.push(text.into_owned());
                }
                raw.clear();
            }
        }
        let (start, open) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                depth -= 1;
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = start.name().as_ref().to_string();
        if depth == 0 {
            roots += 1;
            assert_eq!(name, "svg", "the root is <svg>");
        }
        let class = start
            .attributes()
            .map(|a| a.expect("attribute"))
            .find(|a| a.key.as_ref() == "class")
            .map(|a| a.value.to_string())
            .unwrap_or_default();
        elements.push((name, class));
        if open {
            depth += 1;
        }
    }
    assert_eq!((depth, roots), (0, 1), "every element closed, one root");
    (elements, texts)
}

fn count(elements: &[(String, String)], name: &str, class: &str) -> usize {
    elements.iter().filter(|(n, c)| n == name && c == class).count()
}

fn panel(title: &str, unit: &str, values: &[(&str, Option<f64>)]) -> Panel {
    Panel {
        title: title.into(),
        unit: unit.into(),
        items: values
            .iter()
            .map(|(label, value)| PanelItem { label: label.to_string(), value: *value })
            .collect(),
    }
}

#[test]
fn small_multiples_have_a_panel_per_indicator_each_on_its_own_scale() {
    let reports = ["兰考县", "阜平县", "井冈山市"];
    let spec = SmallMultiplesSpec {
        title: "指标对比".into(),
        subtitle: "3 份报告".into(),
        panels: vec![
            panel(
                "脱贫人口",
                "人",
                &[(reports[0], Some(69095.0)), (reports[1], Some(107196.0)), (reports[2], None)],
            ),
            panel(
                "贫困发生率",
                "%",
                &[(reports[0], Some(1.27)), (reports[1], Some(0.21)), (reports[2], Some(1.6))],
            ),
            panel(
                "贫困村退出",
                "个村",
                &[(reports[0], Some(115.0)), (reports[1], Some(164.0)), (reports[2], Some(44.0))],
            ),
        ],
        empty_text: "无数据".into(),
    };
    let svg = small_multiples_chart(&spec);
    let (elements, texts) = parse(&svg);
    assert_eq!(count(&elements, "g", "panel"), 3);
    // Every panel names every report, in the same order.
    for name in reports {
        assert_eq!(texts.iter().filter(|t| *t == name).count(), 3, "{name}: {texts:?}");
    }
    // Own scales: 107,196 people and 1.6% are each their panel's longest bar.
    assert!(texts.iter().any(|t| t == "107,196") && texts.iter().any(|t| t == "1.6"));
    assert!(texts.iter().any(|t| t == "100,000"), "people axis in round steps: {texts:?}");
    assert!(texts.iter().any(|t| t == "1"), "percent axis in its own steps: {texts:?}");
    assert!(texts.iter().any(|t| t == "—"), "a missing value is a dash");
    // A 2-column grid: the third panel goes on a second row.
    assert!(svg.contains("translate(20,70)") && svg.contains("translate(20,"));
    assert_eq!(svg.matches("translate(").count(), 3);
    check_snapshot("small_multiples", &svg);
}

#[test]
fn small_multiples_without_panels_or_values_say_so() {
    let none = small_multiples_chart(&SmallMultiplesSpec {
        title: "指标对比".into(),
        subtitle: String::new(),
        panels: vec![],
        empty_text: "请选择指标".into(),
    });
    let (elements, texts) = parse(&none);
    assert_eq!(count(&elements, "g", "panel"), 0);
    assert!(texts.contains(&"请选择指标".to_string()));
    let blank = small_multiples_chart(&SmallMultiplesSpec {
        title: "t".into(),
        subtitle: String::new(),
        panels: vec![panel("农村公路", "公里", &[("兰考县", None)])],
        empty_text: "没有数据".into(),
    });
    let (elements, texts) = parse(&blank);
    assert_eq!(count(&elements, "g", "panel"), 1);
    assert!(texts.contains(&"没有数据".to_string()));
    assert_eq!(count(&elements, "rect", ""), 2, "the background and the panel, no bar");
}

#[test]
fn small_multiples_escape_text_once() {
    let svg = small_multiples_chart(&SmallMultiplesSpec {
        title: "a & b".into(),
        subtitle: String::new(),
        panels: vec![panel("<b>x</b>", "\"", &[("<img src=x onerror=alert(1)>", Some(1.0))])],
        empty_text: String::new(),
    });
    let (elements, texts) = parse(&svg);
    assert!(elements.iter().all(|(n, _)| n != "img" && n != "b"));
    assert!(texts.contains(&"a & b".to_string()) && texts.contains(&"<b>x</b>".to_string()));
    assert!(svg.contains("&lt;img") && !svg.contains("&amp;amp;"));
}

fn series(label: &str, points: &[(i32, f64, bool)]) -> TimelineSeries {
    TimelineSeries {
        label: label.into(),
        points: points
            .iter()
            .map(|&(year, value, forecast)| TimelinePoint { year, value, forecast })
            .collect(),
    }
}

#[test]
fn timeline_places_each_figure_at_its_year() {
    let spec = TimelineSpec {
        title: "贫困发生率".into(),
        subtitle: "按数字的时间".into(),
        unit: "%".into(),
        series: vec![
            // Given out of order: the line runs by year.
            series("兰考县", &[(2016, 1.27, false), (2014, 11.9, false)]),
            series("西吉县", &[(2014, 25.1, false), (2019, 0.62, false), (2020, 0.1, true)]),
        ],
        empty_text: String::new(),
    };
    let svg = timeline_chart(&spec);
    let (elements, texts) = parse(&svg);
    assert_eq!(count(&elements, "circle", ""), 5, "a point per figure");
    let hollow = svg
        .match_indices("<circle")
        .filter(|(i, _)| svg[*i..].split("/>").next().unwrap().contains("fill=\"none\""))
        .count();
    assert_eq!(hollow, 1, "the forecast is hollow");
    for year in 2014..=2020 {
        assert!(texts.contains(&year.to_string()), "year {year} on the axis: {texts:?}");
    }
    for label in ["11.9%", "1.27%", "25.1%", "0.62%", "0.1%", "兰考县", "西吉县"] {
        assert!(texts.contains(&label.to_string()), "{label}: {texts:?}");
    }
    // 2014 is left of 2016 on the same line: the 11.9% point has the smaller cx.
    let cx = |value: &str| {
        let i = svg.find(&format!("\n{value}\n")).unwrap();
        let circle = svg[..i].rfind("<circle cx=\"").unwrap() + 12;
        svg[circle..].split('"').next().unwrap().parse::<i32>().unwrap()
    };
    assert!(cx("11.9%") < cx("1.27%") && cx("1.27%") < cx("0.62%"));
    check_snapshot("timeline", &svg);
}

#[test]
fn timeline_of_one_year_or_nothing() {
    let one = timeline_chart(&TimelineSpec {
        title: "t".into(),
        subtitle: String::new(),
        unit: "人".into(),
        series: vec![series("<script>", &[(2019, 5.0, false)])],
        empty_text: String::new(),
    });
    let (elements, texts) = parse(&one);
    assert_eq!(count(&elements, "circle", ""), 1);
    assert!(["2018", "2019", "2020"].iter().all(|y| texts.contains(&y.to_string())));
    assert!(texts.contains(&"<script>".to_string()) && !one.contains("<script>"));
    let none = timeline_chart(&TimelineSpec {
        title: "t".into(),
        subtitle: String::new(),
        unit: String::new(),
        series: vec![series("a", &[])],
        empty_text: "没有带年份的数字".into(),
    });
    let (elements, texts) = parse(&none);
    assert_eq!(count(&elements, "circle", ""), 0);
    assert!(texts.contains(&"没有带年份的数字".to_string()));
}

#[test]
fn timeline_labels_do_not_overlap() {
    // Six regions all near 0.5% in 2019: one label fits above the crowd, one below, no more.
    let crowd: Vec<TimelineSeries> = (0..6)
        .map(|k| {
            series(
                &format!("县{k}"),
                &[(2014, 20.0 + f64::from(k) * 10.0, false), (2019, 0.5, false)],
            )
        })
        .collect();
    let svg = timeline_chart(&TimelineSpec {
        title: "t".into(),
        subtitle: String::new(),
        unit: "%".into(),
        series: crowd,
        empty_text: String::new(),
    });
    let (elements, texts) = parse(&svg);
    assert_eq!(count(&elements, "circle", ""), 12, "every point is drawn");
    assert_eq!(texts.iter().filter(|t| *t == "0.5%").count(), 2, "{texts:?}");
    for k in 0..6 {
        let label = format!("{}%", 20 + k * 10);
        assert!(texts.contains(&label), "{label}: apart from the rest");
    }
}
