#!/usr/bin/env python3
"""Check the held-out set: tests/holdout reports against tests/gold/holdout.

Usage: python3 tests/check_holdout.py        (from the repository root)

- every gold JSON is valid, has the seed gold keys, uses indicator ids and warning
  kinds from ../shared/spec/indicators.md, names a report that exists and shares its stem;
- every report decodes strictly in the encoding it was saved in (the legacy ones are
  listed below and must not be valid UTF-8), is 600-3000 characters of text, and every
  evidence string occurs in the decoded text (HTML entities unescaped, CRLF as LF);
- every report has a gold file.
The ids are copied from the spec on purpose: the held-out set must not depend on the
crate's data. Exits 1 and lists the problems when anything is wrong.
"""
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "tests", "holdout")
GOLD = os.path.join(ROOT, "tests", "gold", "holdout")
IDS = {
    "poor_population_lifted", "poor_households_lifted", "poor_villages_exited",
    "registered_poor_population", "registered_poor_households", "remaining_poor_population",
    "remaining_poor_households", "poverty_incidence_rate", "poverty_incidence_rate_before",
    "per_capita_disposable_income", "public_recognition_rate", "relocated_population",
    "relocated_households", "dilapidated_houses_renovated", "rural_roads_km",
    "drinking_water_beneficiaries", "training_person_times", "public_welfare_jobs",
    "employment_lifted", "education_aid_person_times", "village_work_teams", "total_population",
}
KINDS = {"missing_number", "corrupt_text", "censored_text", "duplicate_paragraph", "conflicting_values"}
LEGACY = {
    "h08_jingyuan_gb18030.txt": "gb18030",
    "h09_lancang_big5.txt": "big5",
}

problems = []


def decode(name):
    data = open(os.path.join(DOCS, name), "rb").read()
    if name in LEGACY:
        try:
            data.decode("utf-8")
            problems.append(f"{name}: should be {LEGACY[name]} but is valid UTF-8")
        except UnicodeDecodeError:
            pass
        text = data.decode(LEGACY[name])
    else:
        text = data.decode("utf-8-sig")
    text = text.replace("\r\n", "\n")
    return html.unescape(text) if name.endswith(".html") else text


def main():
    docs = sorted(f for f in os.listdir(DOCS) if f.endswith((".txt", ".html")))
    golds = sorted(f for f in os.listdir(GOLD) if f.endswith(".json"))
    for d in docs:
        if os.path.splitext(d)[0] + ".json" not in golds:
            problems.append(f"{d}: no gold file")
    for name in golds:
        where = f"tests/gold/holdout/{name}"
        try:
            g = json.load(open(os.path.join(GOLD, name), encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{where}: invalid JSON: {e}")
            continue
        if set(g) - {"file", "region", "indicators", "optional", "warnings", "notes"}:
            problems.append(f"{where}: unknown keys {set(g)}")
        for key in ("file", "region", "indicators", "warnings", "notes"):
            if key not in g:
                problems.append(f"{where}: no {key}")
        f = g.get("file", "")
        if os.path.splitext(f)[0] != os.path.splitext(name)[0]:
            problems.append(f"{where}: file {f} does not share the gold file's stem")
        if f not in docs:
            problems.append(f"{where}: tests/holdout/{f} does not exist")
            continue
        try:
            text = decode(f)
        except UnicodeDecodeError as e:
            problems.append(f"{where}: {f} does not decode: {e}")
            continue
        body = re.sub(r"<[^>]*>", "", text) if f.endswith(".html") else text
        n = len(re.sub(r"\s", "", body))
        if not 600 <= n <= 3000 and not f.endswith(".html"):
            problems.append(f"{where}: {f} has {n} characters, want 600-3000")
        reg = g.get("region", {})
        if not re.fullmatch(r"\d{6}", reg.get("adcode", "")) or not reg.get("name"):
            problems.append(f"{where}: bad region {reg}")
        elif LEGACY.get(f) != "big5" and reg["name"][:2] not in text:
            problems.append(f"{where}: region {reg['name']} not named in the text")
        for iid, ind in g["indicators"].items():
            if iid not in IDS:
                problems.append(f"{where}: unknown indicator {iid}")
            vals = ind.get("values")
            if not vals or not all(isinstance(v, (int, float)) for v in vals):
                problems.append(f"{where}: {iid} has no numeric values")
            if not ind.get("evidence") or ind["evidence"] not in text:
                problems.append(f"{where}: evidence for {iid} not in the text: {ind.get('evidence')}")
        for iid, vals in g.get("optional", {}).items():
            if iid not in IDS or iid in g["indicators"]:
                problems.append(f"{where}: optional {iid} unknown or also required")
            if not vals or not all(isinstance(v, (int, float)) for v in vals):
                problems.append(f"{where}: optional {iid} has no numeric values")
        for kind, bound in g["warnings"].items():
            if kind not in KINDS or not bound or set(bound) - {"min", "max"}:
                problems.append(f"{where}: bad warning bound {kind}: {bound}")
    print(f"holdout: {len(docs)} reports, {len(golds)} gold files")
    for p in problems:
        print("  " + p)
    print("holdout ok" if not problems else f"holdout FAILED: {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
