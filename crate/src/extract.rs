//! From normalised text to indicator candidates and headlines.

use crate::catalog::Catalog;
use crate::report::{InputError, Report};

pub fn extract_report(text: &str, source: &str, _catalog: &Catalog) -> Result<Report, InputError> {
    let region = crate::region::main_region(text).map(|r| crate::report::RegionInfo {
        name: r.name,
        adcode: r.adcode,
        province: r.province,
        start: r.start,
        end: r.end,
    });
    Ok(Report {
        source: source.to_string(),
        encoding: "UTF-8".into(),
        format: "text".into(),
        region,
        indicators: vec![],
        candidates: vec![],
        warnings: vec![],
        text: None,
    })
}
