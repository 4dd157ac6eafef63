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
