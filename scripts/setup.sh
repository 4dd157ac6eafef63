#!/usr/bin/env bash
# Installs what building and browser-testing the page needs, on a fresh Debian 12 machine.
# Idempotent: each step is skipped when its result is already there. See ../shared/toolchain.md
# (the machine notes) for why each tool comes from where it does.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Wasm target for the Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI (and its test runner) at exactly the wasm-bindgen version in Cargo.lock;
# a mismatch makes the generated glue refuse the module. No --locked: the registry index here
# lacks one of the CLI's locked transitive versions.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(.tools/bin/wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want into .tools/ (takes ~3 minutes)"
  cargo install wasm-bindgen-cli --version "=$want" --root .tools
fi

# cargo-fuzz for scripts/fuzz.sh (libFuzzer is built from source by its crate; the -Z flags
# it passes are accepted by the stable compiler under RUSTC_BOOTSTRAP=1). ~1 minute.
fuzz_version=0.13.2
if [ "$(.tools/bin/cargo-fuzz --version 2>/dev/null | awk '{ print $2 }')" != "$fuzz_version" ]; then
  echo "setup: installing cargo-fuzz $fuzz_version into .tools/"
  cargo install cargo-fuzz --version "=$fuzz_version" --root .tools
fi

# Chromium and its driver for the browser tests, plus a Chinese font so screenshots and
# charts show Chinese (users' browsers bring their own fonts; the page ships none).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt-get update
  apt-get install -y chromium chromium-driver
fi
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  apt-get install -y fonts-wqy-microhei || { apt-get update && apt-get install -y fonts-wqy-microhei; }
fi

# binaryen (wasm-opt) and playwright-core, exactly as package-lock.json says.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
echo "setup: ok"
