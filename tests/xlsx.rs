//! The Excel export read back: values in the right cells, evidence and warnings sheets.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use zhibiao::{Catalog, Engine};

fn read(name: &str) -> zhibiao::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples").join(name);
    let bytes = std::fs::read(&path).expect("sample report");
    Engine::builtin().analyze(&bytes, name).expect("sample reads")
}

#[test]
fn workbook_has_values_evidence_and_warnings() {
    let reports = [read("lankao.txt"), read("fuping.txt")];
    let bytes = zhibiao::xlsx::comparison(&reports, &Catalog::builtin()).expect("workbook");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a valid xlsx");
    assert_eq!(book.sheet_names(), ["指标 Values", "证据 Evidence", "警告 Warnings"]);

    let values = book.worksheet_range("指标 Values").expect("values sheet");
    let head: Vec<String> = values.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(&head[..3], ["文件 File", "地区 Region", "区划代码 Adcode"]);
    let lifted_col = head.iter().position(|h| h.starts_with("脱贫人口")).expect("lifted column");
    let row1: Vec<&Data> = values.rows().nth(1).unwrap().iter().collect();
    assert_eq!(row1[0].to_string(), "lankao.txt");
    assert_eq!(row1[2].to_string(), "410225");
    let want =
        reports[0].indicators.iter().find(|h| h.id == "poor_population_lifted").unwrap().value;
    assert_eq!(row1[lifted_col], &Data::Float(want));

    let evidence = book.worksheet_range("证据 Evidence").expect("evidence sheet");
    let n: usize = reports.iter().map(|r| r.indicators.len()).sum();
    assert_eq!(evidence.rows().count(), n + 1, "a row per headline plus the header");
    let first = reports[0].indicators[0].sentence.clone();
    assert!(evidence.rows().any(|r| r[8].to_string() == first));
}

#[test]
fn same_reports_give_the_same_bytes() {
    let reports = [read("lankao.txt")];
    let a = zhibiao::xlsx::comparison(&reports, &Catalog::builtin()).unwrap();
    let b = zhibiao::xlsx::comparison(&reports, &Catalog::builtin()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn indicators_outside_the_catalog_get_their_own_column() {
    let mut report = read("lankao.txt");
    let mut own = report.indicators[0].clone();
    own.id = "cooperatives".into();
    own.label_zh = "合作社".into();
    own.label_en = "Cooperatives".into();
    own.value = 42.0;
    report.indicators.push(own);
    let bytes = zhibiao::xlsx::comparison(&[report], &Catalog::builtin()).expect("workbook");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a valid xlsx");
    let values = book.worksheet_range("指标 Values").expect("values sheet");
    let head: Vec<String> = values.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = head.iter().position(|h| h == "合作社 Cooperatives").expect("own column");
    assert_eq!(col, head.len() - 1, "after the catalog's columns: {head:?}");
    assert_eq!(values.rows().nth(1).unwrap()[col], Data::Float(42.0));
}

/// The page holds reports as JS objects (absent values as null, no text or candidates) and
/// hands them back for the export: that shape deserializes into the same workbook.
#[test]
fn reports_as_the_page_holds_them_give_the_same_workbook() {
    let reports = [read("lankao.txt"), read("xiji.html")];
    let direct = zhibiao::xlsx::comparison(&reports, &Catalog::builtin()).unwrap();
    let from_page: Vec<zhibiao::Report> = reports
        .iter()
        .map(|r| {
            let mut value = serde_json::to_value(r).unwrap();
            let object = value.as_object_mut().unwrap();
            object.remove("text");
            object.remove("candidates");
            for h in object["indicators"].as_array_mut().unwrap() {
                let h = h.as_object_mut().unwrap();
                h.entry("qualifier").or_insert(serde_json::Value::Null);
                h.entry("value_max").or_insert(serde_json::Value::Null);
            }
            serde_json::from_value(value).expect("the page's shape deserializes")
        })
        .collect();
    assert!(from_page[0].candidates.is_empty() && from_page[0].text.is_none());
    assert_eq!(zhibiao::xlsx::comparison(&from_page, &Catalog::builtin()).unwrap(), direct);
}
