#!/usr/bin/env bash
# Checks that an optimisation changed no output: the CLI's `--explain --text --format json`
# (every field of every report, candidates and decoded text included) and the Wasm build's
# `analyze_bytes` objects in Node (UTF-16 offsets, what the page receives), over the 75 distinct
# benchmark documents, a ~1 MB text, tests/reports, tests/holdout, samples and the seeds in
# ../shared/seeds (read in place, never copied).
#
#   bash scripts/same-output.sh --record   before a change: writes target/same-output/expected-*
#   bash scripts/same-output.sh            after it: rebuilds the CLI and compares (exit 1 if any
#                                          line differs)
#   --wasm                                 also the Wasm build (runs scripts/build-page.sh first
#                                          unless --no-build)
#   --no-build                             use the binaries as they are
set -euo pipefail
cd "$(dirname "$0")/.."

record=0 wasm=0 build=1
for arg in "$@"; do
  case "$arg" in
    --record) record=1 ;;
    --wasm) wasm=1 ;;
    --no-build) build=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

out=target/same-output
mkdir -p "$out"
if [ ! -d "$out/docs" ]; then
  node bench/same-output.mjs docs "$out/docs"
fi
files=("$out"/docs/* tests/reports/* tests/holdout/*.txt tests/holdout/*.html samples/*.txt samples/*.html)
if [ -d ../shared/seeds ]; then files+=(../shared/seeds/*); fi

if [ "$build" = 1 ]; then
  cargo build --release --bin zhibiao
  if [ "$wasm" = 1 ]; then bash scripts/build-page.sh >/dev/null; fi
fi

suffix=actual
if [ "$record" = 1 ]; then suffix=expected; fi
# Exit status 1 means some file was refused (an `error` line): that is output too.
target/release/zhibiao --explain --text --format json "${files[@]}" >"$out/$suffix-cli.jsonl" || [ $? = 1 ]
kinds=(cli)
if [ "$wasm" = 1 ]; then
  node bench/same-output.mjs wasm "${files[@]}" >"$out/$suffix-wasm.jsonl"
  kinds+=(wasm)
fi

if [ "$record" = 1 ]; then
  echo "same-output: recorded ${#files[@]} files (${kinds[*]}) in $out"
  exit 0
fi
status=0
for kind in "${kinds[@]}"; do
  if cmp -s "$out/expected-$kind.jsonl" "$out/actual-$kind.jsonl"; then
    echo "same-output: $kind identical on ${#files[@]} files ($(wc -c <"$out/actual-$kind.jsonl") bytes)"
  else
    echo "same-output: $kind DIFFERS" >&2
    diff <(tr ',' '\n' <"$out/expected-$kind.jsonl") <(tr ',' '\n' <"$out/actual-$kind.jsonl") | head -20 >&2 || true
    status=1
  fi
done
exit $status
