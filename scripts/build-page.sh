#!/usr/bin/env bash
# Builds the page: the engine as Wasm (www/pkg/zhibiao*), the Excel writer as a second Wasm
# module that the page loads only when someone asks for an .xlsx (www/pkg/zhibiao_xlsx*), the
# catalog file reader as a third, loaded only for a user catalog (www/pkg/zhibiao_catalog*), the
# embedded sample reports, the service worker (sw.js, cache named by a content hash) and the
# single-file offline build (dist/zhibiao.html). Needs the tools of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Both modules come from the crate with different features (crate/Cargo.toml [features]).
# 1. The engine: analysis, charts, catalog (src/wasm.rs), no workbook writer. The [profile.wasm]
#    of the workspace: release + opt-level 3 + panic = "abort" (never strip: wasm-opt then
#    rejects the module).
cargo build --profile wasm --target wasm32-unknown-unknown -p zhibiao --lib \
  --no-default-features --features wasm-engine
# The glue's inline JavaScript goes to www/pkg/snippets/<crate>-<hash>/: no stale copies.
rm -rf www/pkg/snippets
.tools/bin/wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/wasm/zhibiao.wasm

# 2. The Excel writer alone (src/wasm_xlsx.rs), no engine: [profile.wasm-xlsx], for size.
cargo build --profile wasm-xlsx --target wasm32-unknown-unknown -p zhibiao --lib \
  --no-default-features --features xlsx
.tools/bin/wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name zhibiao_xlsx \
  target/wasm32-unknown-unknown/wasm-xlsx/zhibiao.wasm

# 3. The catalog file (TOML) reader and writer alone (src/wasm_catalog.rs), no engine:
#    [profile.wasm-catalog], for size; loaded only for a user catalog (www/catalog-file.js).
cargo build --profile wasm-catalog --target wasm32-unknown-unknown -p zhibiao --lib \
  --no-default-features --features catalog-file
.tools/bin/wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name zhibiao_catalog \
  target/wasm32-unknown-unknown/wasm-catalog/zhibiao.wasm

# --low-memory-unused: Rust's wasm32 data starts at 1 MiB, after the stack, and nothing lives
# below 1 KiB (address 0 is the null pointer), so wasm-opt may fold constant offsets into
# loads and stores (Emscripten's default for the same layout): 3 KB less gzipped.
for module in zhibiao_bg zhibiao_xlsx_bg zhibiao_catalog_bg; do
  node_modules/.bin/wasm-opt -Oz --low-memory-unused "www/pkg/$module.wasm" -o "www/pkg/$module.wasm"
done
node scripts/build-page.mjs
