#!/usr/bin/env bash
# The page's browser tests: the wasm-bindgen-test suites (offsets as JS sees them, and the
# analysis bindings taking the page's reports, in headless Chromium; the default features
# build the engine's and the Excel module's bindings into one test module), then a fresh page
# build (both modules), then the Node smoke tests of the served page, the single-file build
# from file:// and the offline service worker. Screenshots go to artifacts/.
# Run scripts/setup.sh once first.
set -euo pipefail
cd "$(dirname "$0")/.."

# Never -q here: cargo forwards --quiet to the test runner, which rejects it.
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=.tools/bin/wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm_offsets --test wasm_analysis --test wasm_tape

bash scripts/build-page.sh
node --test tests/browser/
