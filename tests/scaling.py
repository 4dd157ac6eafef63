#!/usr/bin/env python3
"""No quadratic blow-up: the release CLI reads texts built to stress each stage (one giant
unpunctuated sentence, wrapped lines, masks everywhere, repeated paragraphs, markup soup…)
at two sizes, and the time and peak memory of the larger may grow about as much as the text
(x4), not with its square (x16). Fails when either grows more than MAX_RATIO.

Usage: python3 tests/scaling.py [--cli target/release/zhibiao] [--small BYTES]
The seed report pattern is read from ../shared/seeds at run time.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")

# Each pattern is repeated to the size wanted. Starts with Han text so none is refused as
# having no Chinese.
PATTERNS = {
    "seed report": None,  # filled from ../shared/seeds
    "unpunctuated figures": "全县减少贫困人口3人",
    "punctuated figures": "全县减少贫困人口3人。",
    "wrapped lines": "全县贫困人口减少了很多很多很多很多很多很多很多很多很多很多很多很多很多很多\n",
    "repeated paragraph": "全县累计减少贫困人口3.2万人，贫困发生率降至0.5%。\n",
    "masked words": "贫**",
    "question marks": "贫???",
    "digits": "贫1234567890",
    "thousands": "贫1,",
    "numerals": "一",
    "multipliers": "万",
    "ranges": "贫3-",
    "percent": "贫50%",
    "ruby": "貧(pín)",
    "open brackets": "贫(",
    "angle brackets": "贫<",
    "markup": "<div>贫困",
    "comments": "<!--贫",
    "entities": "&amp;贫",
    "line breaks": "贫\n",
    "region names": "兰考县石柱县汾西县",
    "townships": "城关镇李家村",
    "scope words": "其中累计截至2019年底全县",
    "qualifiers": "约近超过",
    "urls": "http://a.cn/贫",
}
MAX_RATIO = 8.0
# Below this, a run is mostly process start-up: compare against this floor instead.
TIME_FLOOR = 0.05


def make(pattern, size):
    data = (pattern * (size // len(pattern.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", "ignore").encode()


def peak_rss(cli, path):
    """Peak RSS in KB of one run, measured by a child Python (its children's maximum)."""
    out = subprocess.run(
        ["python3", "-c",
         "import resource,subprocess,sys;"
         "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", cli, path],
        capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "zhibiao"))
    parser.add_argument("--small", type=int, default=512 * 1024)
    args = parser.parse_args()
    seeds = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
    if seeds:
        PATTERNS["seed report"] = open(seeds[0], encoding="utf-8").read()
    else:
        del PATTERNS["seed report"]
    small, large = args.small, args.small * 4
    failures = []
    print(f"{'pattern':<22} {'time':>17} {'peak memory':>23}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, pattern in PATTERNS.items():
            figures = []
            for size in (small, large):
                path = os.path.join(tmp, f"{size}.txt")
                with open(path, "wb") as f:
                    f.write(make(pattern, size))
                took = min(timed(args.cli, path) for _ in range(2))
                figures.append((took, peak_rss(args.cli, path)))
            (t1, m1), (t2, m2) = figures
            time_ratio = max(t2, TIME_FLOOR) / max(t1, TIME_FLOOR)
            mem_ratio = m2 / m1
            print(f"{name:<22} {t1:6.2f}s→{t2:6.2f}s x{time_ratio:4.1f} "
                  f"{m1 / 1024:6.0f}→{m2 / 1024:6.0f} MB x{mem_ratio:4.1f}")
            if time_ratio > MAX_RATIO or mem_ratio > MAX_RATIO:
                failures.append(name)
    if failures:
        print(f"scaling: grows faster than the text (more than x{MAX_RATIO:.0f} for x4): {', '.join(failures)}")
        return 1
    print(f"scaling: ok (text x4, every pattern under x{MAX_RATIO:.0f} in time and memory)")
    return 0


def timed(cli, path):
    start = time.perf_counter()
    subprocess.run([cli, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
