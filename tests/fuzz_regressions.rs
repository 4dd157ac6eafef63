//! Replays every input kept in `fuzz/regressions/<target>/` (inputs that once crashed, hung
//! or broke an invariant in a fuzz target; see scripts/fuzz.sh) through the same checks the
//! fuzz targets run, so a fixed crash stays fixed without running the fuzzer.

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../fuzz/checks.rs"]
mod checks;

/// A debug build reads a report-sized input in well under a second; ten means a hang.
const SLOW: Duration = Duration::from_secs(10);

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return 0 };
    let mut count = 0;
    for entry in entries {
        let path = entry.expect("directory entry").path();
        let bytes = std::fs::read(&path).expect("read regression input");
        let started = Instant::now();
        check(&bytes);
        let took = started.elapsed();
        assert!(took < SLOW, "{} took {took:?}", path.display());
        count += 1;
    }
    count
}

#[test]
fn decode_extract_regressions_stay_fixed() {
    let n = replay("decode_extract", checks::decode_extract);
    eprintln!("{n} decode_extract regression inputs");
}

#[test]
fn number_reader_regressions_stay_fixed() {
    let n = replay("number_reader", checks::number_reader);
    eprintln!("{n} number_reader regression inputs");
}
