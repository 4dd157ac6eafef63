#!/usr/bin/env bash
# The benchmark: builds the release CLI, the in-process bench binary (crate/examples/
# bench_text.rs) and the page, then runs bench/run.mjs, which makes the corpus at run time and
# prints throughput (native CLI, native library, Wasm in Node, against Recognizers-Text), growth
# with corpus size, the .wasm and single-file sizes and the page's start-up in headless
# Chromium. Prints figures; asserts none. Options go to bench/run.mjs (e.g. --quick, --runs 5,
# --no-page). Installs what it needs on a fresh machine (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  exec node bench/run.mjs --help
fi
bash scripts/setup.sh >/dev/null
cargo build --release --bin zhibiao --example bench_text
bash scripts/build-page.sh
node bench/run.mjs "$@"
