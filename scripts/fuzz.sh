#!/usr/bin/env bash
# Fuzzes the engine with cargo fuzz (libFuzzer + AddressSanitizer) for a bounded time:
#   decode_extract  arbitrary bytes → decode → extract (and the same bytes as pasted text)
#   number_reader   arbitrary text → normalise → number reader → unit resolver
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60, both targets)
#
# The corpora start from the seed reports and the Recognizers-Text number specs in
# ../shared (copied in at run time, never committed), the repository's own test reports and
# samples, and fuzz/regressions/ (inputs that once crashed or hung; tests/fuzz_regressions.rs
# replays them in every `cargo test`). A crash or hang fails this script; move the file it
# names from fuzz/artifacts/ into fuzz/regressions/<target>/ once it is fixed.
#
# cargo fuzz passes -Z flags (sanitizer, coverage); RUSTC_BOOTSTRAP=1 lets the stable
# compiler accept them, so no nightly toolchain is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode_extract number_reader)
shared="$(cd .. && pwd)/shared"

export RUSTC_BOOTSTRAP=1
# cargo fuzz finds ./fuzz by itself; corpus paths are absolute so libFuzzer reads the right ones.
fuzz() { .tools/bin/cargo-fuzz "$@"; }

# Seed corpora (idempotent: libFuzzer names its own finds by hash, these keep their names).
mkdir -p fuzz/corpus/decode_extract fuzz/corpus/number_reader
for f in "$shared"/seeds/*.txt samples/* tests/reports/*; do
  [ -f "$f" ] && cp "$f" "fuzz/corpus/decode_extract/seed-$(basename "$f")"
done
python3 - "$shared" <<'PY'
# Number reader seeds: every input of the peer number specs and every line of the seeds.
import glob, hashlib, json, os, sys
shared = sys.argv[1]
out = "fuzz/corpus/number_reader"
texts = set()
for path in glob.glob(f"{shared}/peer-specs/recognizers-text/Number/Chinese/*.json"):
    for case in json.load(open(path, encoding="utf-8")):
        texts.add(case["Input"])
for path in glob.glob(f"{shared}/seeds/*.txt"):
    texts.update(line.strip() for line in open(path, encoding="utf-8") if line.strip())
for text in texts:
    data = text.encode("utf-8")
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"fuzz: {len(texts)} number reader seeds")
PY

# Each input must finish in 10 s (a hang is a failure); decode_extract gets report-sized inputs.
declare -A max_len=([decode_extract]=65536 [number_reader]=4096)
fuzz build
for target in "${targets[@]}"; do
  echo "fuzz: $target for ${seconds}s"
  mkdir -p "fuzz/regressions/$target"
  if ! fuzz run "$target" "$PWD/fuzz/corpus/$target" "$PWD/fuzz/regressions/$target" -- \
      -max_total_time="$seconds" -timeout=10 -max_len="${max_len[$target]}" -rss_limit_mb=2048 \
      -print_final_stats=1; then
    echo "fuzz: $target FAILED; the input is in fuzz/artifacts/$target/ (keep it in fuzz/regressions/$target/ once fixed)" >&2
    exit 1
  fi
done
echo "fuzz: ok"
