#!/usr/bin/env bash
# Runs every test of the project, installing what it needs on a fresh machine first
# (scripts/setup.sh): format and lints, native unit, spec and property tests, the Wasm build
# of the core, accuracy against gold (seeds, own corpus, samples, held-out set), linear growth
# on stress texts, a minute of fuzzing per target, the page in headless Chromium, and a smoke
# run of the benchmark script (figures are printed, never asserted).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "format and lints"
cargo fmt --check
cargo fmt --check --manifest-path fuzz/Cargo.toml
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p zhibiao --lib --tests -- -D warnings
# The page's two Wasm modules, as scripts/build-page.sh builds them: the engine, the Excel writer.
cargo clippy --target wasm32-unknown-unknown -p zhibiao --lib --tests --no-default-features --features wasm-engine -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p zhibiao --lib --tests --no-default-features --features xlsx -- -D warnings

step "corpus files and gold are consistent"
python3 tests/check_corpus.py

step "native tests"
cargo test --workspace

step "the core builds for wasm32"
cargo build --target wasm32-unknown-unknown -p zhibiao

step "accuracy against gold"
cargo build --release --bin zhibiao
python3 scripts/accuracy.py

step "time and memory grow linearly with the text"
python3 tests/scaling.py

step "fuzzing (60 s per target; longer by hand: scripts/fuzz.sh 3600)"
bash scripts/fuzz.sh 60

step "the page in the browser"
bash scripts/test-browser.sh

step "the benchmark still runs (a quick smoke run on a tiny corpus; no timing is checked)"
cargo build --release --example bench_text
node bench/run.mjs --quick --json target/bench/smoke.json
