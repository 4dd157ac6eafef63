#!/usr/bin/env python3
"""Check the test corpus: gold files, report encodings and the judgement cases.

Usage: python3 tests/check_corpus.py        (from the repository root)

- every gold JSON in tests/gold/reports and tests/gold/samples is valid, uses known
  indicator ids and warning kinds, names a file that exists, and each evidence
  string occurs in the decoded report (HTML entities unescaped, CRLF as LF);
- every report decodes strictly with the encoding it was saved in (BOM files by their
  BOM, the legacy ones by the table below) and the legacy ones are not valid UTF-8;
- every tests/cases/*.md file follows the syntax of tests/cases/README.md.
Exits 1 and lists the problems when anything is wrong.
"""
import codecs
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "crate", "data", "catalog.toml")
KINDS = {"missing_number", "corrupt_text", "censored_text", "duplicate_paragraph", "conflicting_values"}
# Files saved in a legacy encoding on purpose (no BOM, not UTF-8).
LEGACY = {
    "r04_duan_numerals.txt": "gb18030",
    "r05_xingguo_big5.txt": "big5",
    "r08_keyouzhongqi_banner.html": "gb18030",
}
BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]

problems = []


def indicator_ids():
    with open(CATALOG, encoding="utf-8") as fh:
        return set(re.findall(r'^id = "(\w+)"', fh.read(), re.M))


IDS = indicator_ids()


def decode(path):
    data = open(path, "rb").read()
    name = os.path.basename(path)
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc), enc
    if name in LEGACY:
        try:
            data.decode("utf-8")
            problems.append(f"{name}: should be {LEGACY[name]} but is valid UTF-8")
        except UnicodeDecodeError:
            pass
        return data.decode(LEGACY[name]), LEGACY[name]
    return data.decode("utf-8"), "utf-8"


def check_gold(gold_dir, doc_dir):
    n = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        n += 1
        where = os.path.join(os.path.relpath(gold_dir, ROOT), name)
        try:
            g = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{where}: invalid JSON: {e}")
            continue
        for key in ("file", "region", "indicators", "warnings", "notes"):
            if key not in g:
                problems.append(f"{where}: no {key}")
        doc = os.path.join(doc_dir, g.get("file", ""))
        if os.path.splitext(g.get("file", ""))[0] != os.path.splitext(name)[0]:
            problems.append(f"{where}: file {g.get('file')} does not share the gold file's stem")
        if not os.path.isfile(doc):
            problems.append(f"{where}: {doc} does not exist")
            continue
        try:
            text, _ = decode(doc)
        except UnicodeDecodeError as e:
            problems.append(f"{where}: {g['file']} does not decode: {e}")
            continue
        text = text.replace("\r\n", "\n")
        if doc.endswith(".html"):
            text = html.unescape(text)
        if not re.fullmatch(r"\d{6}", g["region"].get("adcode", "")) or not g["region"].get("name"):
            problems.append(f"{where}: bad region {g['region']}")
        for iid, ind in g["indicators"].items():
            if iid not in IDS:
                problems.append(f"{where}: unknown indicator {iid}")
            vals = ind.get("values")
            if not vals or not all(isinstance(v, (int, float)) for v in vals):
                problems.append(f"{where}: {iid} has no numeric values")
            if ind.get("evidence", "") not in text:
                problems.append(f"{where}: evidence for {iid} not in the text: {ind.get('evidence')}")
        for iid, vals in g.get("optional", {}).items():
            if iid not in IDS or iid in g["indicators"]:
                problems.append(f"{where}: optional {iid} unknown or also required")
            if not vals or not all(isinstance(v, (int, float)) for v in vals):
                problems.append(f"{where}: optional {iid} has no numeric values")
        for kind, bound in g["warnings"].items():
            if kind not in KINDS or not bound or set(bound) - {"min", "max"}:
                problems.append(f"{where}: bad warning bound {kind}: {bound}")
    return n


ASSERT = re.compile(
    r"region = (\d{6}|none)"
    r"|(?P<id>[a-z_]+) = \d+(\.\d+)?"
    r"|(?P<aid>[a-z_]+) absent"
    r"|warning (?P<kind>[a-z_]+) (>=|<=|=) \d+"
)


def check_cases(case_dir):
    counts = {}
    for name in sorted(os.listdir(case_dir)):
        if not name.endswith(".md") or name == "README.md":
            continue
        where = f"tests/cases/{name}"
        src = open(os.path.join(case_dir, name), encoding="utf-8").read()
        if not src.startswith("# "):
            problems.append(f"{where}: does not start with a level-1 title")
        parts = re.split(r"^## (.+)$", src, flags=re.M)
        names = parts[1::2]
        bodies = parts[2::2]
        counts[name] = len(names)
        if len(set(names)) != len(names):
            problems.append(f"{where}: duplicate case names")
        for cname, body in zip(names, bodies):
            here = f"{where}: {cname}"
            blocks = re.findall(r"^```(\w*)\n(.*?)^```$", body, flags=re.M | re.S)
            langs = [b[0] for b in blocks]
            if langs != ["text", "expect"]:
                problems.append(f"{here}: blocks are {langs}, want text then expect")
                continue
            prose = re.sub(r"^```\w*\n.*?^```$", "", body, flags=re.M | re.S).strip()
            if not prose:
                problems.append(f"{here}: no prose paragraph")
            text, expect = blocks[0][1], blocks[1][1]
            if not text.strip():
                problems.append(f"{here}: empty text")
            lines = expect.rstrip("\n").split("\n")
            if not lines[0].startswith("region = "):
                problems.append(f"{here}: the first assertion is not region")
            seen = set()
            for line in lines:
                m = ASSERT.fullmatch(line)
                if not m:
                    problems.append(f"{here}: bad assertion {line!r}")
                    continue
                iid = m.group("id") or m.group("aid")
                if iid is not None and iid not in IDS:
                    problems.append(f"{here}: unknown indicator {iid}")
                if m.group("kind") is not None and m.group("kind") not in KINDS:
                    problems.append(f"{here}: unknown warning kind {m.group('kind')}")
                key = line.split(" ")[0] if not line.startswith("warning") else line
                if key in seen:
                    problems.append(f"{here}: {key} asserted twice")
                seen.add(key)
    return counts


def main():
    nr = check_gold(os.path.join(ROOT, "tests", "gold", "reports"), os.path.join(ROOT, "tests", "reports"))
    ns = check_gold(os.path.join(ROOT, "tests", "gold", "samples"), os.path.join(ROOT, "samples"))
    for d, gd in (("tests/reports", "tests/gold/reports"), ("samples", "tests/gold/samples")):
        for f in sorted(os.listdir(os.path.join(ROOT, d))):
            if f.endswith((".txt", ".html")) and not os.path.isfile(
                    os.path.join(ROOT, gd, os.path.splitext(f)[0] + ".json")):
                problems.append(f"{d}/{f}: no gold file")
    for f in sorted(os.listdir(os.path.join(ROOT, "tests", "reports"))):
        try:
            decode(os.path.join(ROOT, "tests", "reports", f))
        except UnicodeDecodeError as e:
            problems.append(f"tests/reports/{f}: does not decode: {e}")
    counts = check_cases(os.path.join(ROOT, "tests", "cases"))
    print(f"gold: {nr} reports, {ns} samples; cases: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" (total {sum(counts.values())})")
    for p in problems:
        print("  " + p)
    print("corpus ok" if not problems else f"corpus FAILED: {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
