//! Keeps ARCHITECTURE.md honest: its code map must list exactly the modules in crate/src.

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn code_map_lists_every_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("../ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let listed: BTreeSet<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(|m| m.trim_end_matches(".rs").to_string())
        .collect();
    let actual: BTreeSet<String> = std::fs::read_dir(root.join("src"))
        .expect("crate/src")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    assert_eq!(
        listed, actual,
        "ARCHITECTURE.md's code map and crate/src differ (left: documented, right: on disk)"
    );
}
