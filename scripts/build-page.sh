#!/usr/bin/env bash
# Builds the page: the engine as Wasm (www/pkg/), the embedded sample reports, the service
# worker (sw.js, cache named by a content hash) and the single-file offline build
# (dist/zhibiao.html). Needs the tools of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# The [profile.wasm] of the workspace: release + opt-level 3 + panic = "abort" (never strip:
# wasm-opt then rejects the module).
cargo build --profile wasm --target wasm32-unknown-unknown -p zhibiao --lib
# The glue's inline JavaScript goes to www/pkg/snippets/<crate>-<hash>/: no stale copies.
rm -rf www/pkg/snippets
.tools/bin/wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/wasm/zhibiao.wasm
node_modules/.bin/wasm-opt -Oz www/pkg/zhibiao_bg.wasm -o www/pkg/zhibiao_bg.wasm
node scripts/build-page.mjs
