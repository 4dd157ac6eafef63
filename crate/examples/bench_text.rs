//! The native half of the benchmark (scripts/bench.sh): times the library in-process, with no
//! process start-up and no output, so its figures compare with the Wasm build's in Node.
//!
//!     bench_text [--runs N] [--text] [--each] FILE...
//!
//! Reads every FILE first, then N times (default 5) analyses them all with the built-in engine
//! and prints one JSON line: `{"files", "bytes", "runs_ms": [...], "startup_ms"}`; with
//! `--each`, also `"each_ms"`: each file's own median time over the runs.
//! `--text` hands each file's UTF-8 content to `Engine::analyze_text` instead of its bytes to
//! `Engine::analyze`: that is how the 50 MB file is read, since it is larger than the engine's
//! per-report cap (`decode::MAX_REPORT_BYTES`), which applies to bytes.

use std::time::Instant;

use zhibiao::Engine;

fn main() {
    let mut runs = 5usize;
    let mut as_text = false;
    let mut each = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--text" => as_text = true,
            "--each" => each = true,
            _ => paths.push(arg),
        }
    }
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| (p.clone(), std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"))))
        .collect();
    let texts: Vec<String> = if as_text {
        files.iter().map(|(p, b)| String::from_utf8(b.clone()).expect(p)).collect()
    } else {
        Vec::new()
    };

    let start = Instant::now();
    let engine = Engine::builtin();
    let startup_ms = start.elapsed().as_secs_f64() * 1e3;

    let mut runs_ms = Vec::with_capacity(runs);
    let mut file_ms = vec![Vec::with_capacity(runs); files.len()];
    let mut found = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        found = 0;
        for (i, (name, bytes)) in files.iter().enumerate() {
            let file_start = Instant::now();
            let report = if as_text {
                engine.analyze_text(&texts[i], name)
            } else {
                engine.analyze(bytes, name)
            };
            found += report.map_or(0, |r| r.indicators.len());
            if each {
                file_ms[i].push(file_start.elapsed().as_secs_f64() * 1e3);
            }
        }
        runs_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let runs_ms: Vec<String> = runs_ms.iter().map(|ms| format!("{ms:.3}")).collect();
    let each_ms = if each {
        let medians: Vec<String> = file_ms
            .iter_mut()
            .map(|times| {
                times.sort_by(f64::total_cmp);
                format!("{:.4}", times[times.len() / 2])
            })
            .collect();
        format!(",\"each_ms\":[{}]", medians.join(","))
    } else {
        String::new()
    };
    println!(
        "{{\"files\":{},\"bytes\":{bytes},\"headlines\":{found},\"startup_ms\":{startup_ms:.3},\"runs_ms\":[{}]{each_ms}}}",
        files.len(),
        runs_ms.join(",")
    );
}
