//! The comparison as a real Excel workbook: one sheet of values (a row per report, a column
//! per indicator), one of evidence sentences, one of warnings. Written with rust_xlsxwriter,
//! which builds for wasm32, so the page exports the same file as the native code.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::catalog::Catalog;
use crate::report::Report;

fn header(
    sheet: &mut rust_xlsxwriter::Worksheet,
    cols: &[&str],
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, name) in cols.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// An indicator column of the values sheet.
struct Column<'a> {
    id: &'a str,
    label_zh: &'a str,
    label_en: &'a str,
}

/// The indicators some report has: the catalog's, in its order, then any other (a report
/// read with a user's own indicators), in the order first met, labelled as its headline is.
fn columns<'a>(reports: &'a [Report], catalog: &'a Catalog) -> Vec<Column<'a>> {
    let has = |id: &str| reports.iter().any(|r| r.indicators.iter().any(|h| h.id == id));
    let mut out: Vec<Column> = catalog
        .indicators
        .iter()
        .filter(|d| has(&d.id))
        .map(|d| Column { id: &d.id, label_zh: &d.label_zh, label_en: &d.label_en })
        .collect();
    for h in reports.iter().flat_map(|r| &r.indicators) {
        if !out.iter().any(|c| c.id == h.id) {
            out.push(Column { id: &h.id, label_zh: &h.label_zh, label_en: &h.label_en });
        }
    }
    out
}

/// The workbook's bytes. Indicator columns follow the catalog's order, keeping only
/// indicators some report has; indicators outside the catalog come after.
pub fn comparison(reports: &[Report], catalog: &Catalog) -> Result<Vec<u8>, String> {
    build(reports, catalog).map_err(|e| format!("could not write the workbook: {e}"))
}

fn build(reports: &[Report], catalog: &Catalog) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time keeps exports byte-stable for the same reports.
    let when = ExcelDateTime::from_ymd(2020, 12, 31)?;
    book.set_properties(
        &DocProperties::new().set_title("zhibiao 指标对比").set_creation_datetime(&when),
    );
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format("#,##0.##");

    let ids = columns(reports, catalog);

    let values = book.add_worksheet().set_name("指标 Values")?;
    let mut cols = vec!["文件 File", "地区 Region", "区划代码 Adcode", "省份 Province"];
    let labels: Vec<String> =
        ids.iter().map(|c| format!("{} {}", c.label_zh, c.label_en)).collect();
    cols.extend(labels.iter().map(String::as_str));
    header(values, &cols, &bold)?;
    for (r, report) in reports.iter().enumerate() {
        let row = r as u32 + 1;
        values.write_string(row, 0, &report.source)?;
        if let Some(region) = &report.region {
            values.write_string(row, 1, &region.name)?;
            values.write_string(row, 2, &region.adcode)?;
            values.write_string(row, 3, &region.province)?;
        }
        for (k, def) in ids.iter().enumerate() {
            if let Some(h) = report.indicators.iter().find(|h| h.id == def.id) {
                values.write_number_with_format(row, 4 + k as u16, h.value, &number)?;
            }
        }
    }
    values.set_column_width(0, 28)?;
    values.set_column_width(1, 18)?;

    let evidence = book.add_worksheet().set_name("证据 Evidence")?;
    header(
        evidence,
        &[
            "文件 File",
            "地区 Region",
            "指标 Indicator",
            "数值 Value",
            "单位 Unit",
            "原文 As written",
            "限定 Qualifier",
            "时间 Time",
            "依据 Sentence",
        ],
        &bold,
    )?;
    let mut row = 1;
    for report in reports {
        for h in &report.indicators {
            evidence.write_string(row, 0, &report.source)?;
            evidence.write_string(
                row,
                1,
                report.region.as_ref().map_or("", |r| r.name.as_str()),
            )?;
            evidence.write_string(row, 2, format!("{} {}", h.label_zh, h.label_en))?;
            evidence.write_number_with_format(row, 3, h.value, &number)?;
            evidence.write_string(row, 4, &h.unit)?;
            evidence.write_string(row, 5, &h.text)?;
            evidence.write_string(row, 6, h.qualifier.as_deref().unwrap_or(""))?;
            evidence.write_string(row, 7, h.time.text.as_deref().unwrap_or(""))?;
            evidence.write_string(row, 8, &h.sentence)?;
            row += 1;
        }
    }
    evidence.set_column_width(8, 80)?;

    let warnings = book.add_worksheet().set_name("警告 Warnings")?;
    header(warnings, &["文件 File", "类型 Kind", "说明", "Message"], &bold)?;
    let mut row = 1;
    for report in reports {
        for w in &report.warnings {
            warnings.write_string(row, 0, &report.source)?;
            warnings.write_string(row, 1, &w.kind)?;
            warnings.write_string(row, 2, &w.message_zh)?;
            warnings.write_string(row, 3, &w.message)?;
            row += 1;
        }
    }
    book.save_to_buffer()
}
