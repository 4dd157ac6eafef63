#!/usr/bin/env python3
"""Consistency check of the blind evaluation set (tests/blind + tests/gold/blind).

Usage:  python3 tests/check_blind.py        (from the repository root or anywhere)

It never runs the engine. It checks that
  - every report in tests/blind/ is listed in MANIFEST with its encoding, has exactly one
    gold file, and every gold file names an existing report;
  - each report decodes strictly in its stated encoding (and, for legacy encodings, is
    NOT valid UTF-8, so the encoding is real); BOMs are where the manifest says;
  - each report is 600-3,000 characters once decoded;
  - each gold file has the shape of the seed gold files (../shared/gold/seeds):
    file, region {adcode, name}, indicators {id: {values, evidence}}, optional
    {id: [values]}, warnings {kind: {min/max}}, notes;
  - ids are catalog ids (spec/indicators.md v1), warning kinds are spec kinds;
  - the adcode is six digits with a real province prefix;
  - every evidence string occurs in the decoded report (for HTML also outside tags), and
    one of its gold values is a number written in the evidence (Arabic or Chinese
    numerals, 万/亿 multipliers, 百分之, thousands separators, full-width digits), so a
    unit or scale slip in the gold is caught;
  - 1-12 headline indicators per report.
Exit status 0 when everything holds, 1 otherwise (each problem is printed).
"""
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "tests", "blind")
GOLD = os.path.join(ROOT, "tests", "gold", "blind")

# file -> encoding it is really written in
MANIFEST = {
    "blind_01.txt": "utf-8",
    "blind_02.txt": "utf-8",
    "blind_03.txt": "utf-8",
    "blind_04.txt": "utf-8",
    "blind_05.txt": "utf-8-sig",   # UTF-8 with BOM
    "blind_06.txt": "utf-8",       # CRLF line ends
    "blind_07.txt": "utf-8",
    "blind_08.txt": "big5",
    "blind_09.txt": "gb18030",
    "blind_10.txt": "utf-16",      # little-endian with BOM
    "blind_11.html": "utf-8",
    "blind_12.txt": "utf-8",
    "blind_13.txt": "utf-8",
    "blind_14.txt": "utf-8",
    "blind_15.txt": "utf-8",
    "blind_16.txt": "utf-8",
}

CATALOG = {
    "poor_population_lifted", "poor_households_lifted", "poor_villages_exited",
    "registered_poor_population", "registered_poor_households",
    "remaining_poor_population", "remaining_poor_households",
    "poverty_incidence_rate", "poverty_incidence_rate_before",
    "per_capita_disposable_income", "public_recognition_rate",
    "relocated_population", "relocated_households", "dilapidated_houses_renovated",
    "rural_roads_km", "drinking_water_beneficiaries", "training_person_times",
    "public_welfare_jobs", "employment_lifted", "education_aid_person_times",
    "village_work_teams", "total_population",
}
WARNING_KINDS = {"missing_number", "corrupt_text", "censored_text",
                 "duplicate_paragraph", "conflicting_values"}
PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
             "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
             "61", "62", "63", "64", "65", "71", "81", "82"}

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


# ---------------------------------------------------------------- decoding
def decode(name, data, enc):
    if enc == "utf-8-sig":
        if not data.startswith(b"\xef\xbb\xbf"):
            bad(name, "manifest says UTF-8 with BOM, but there is no BOM")
    elif enc == "utf-8":
        if data.startswith(b"\xef\xbb\xbf"):
            bad(name, "manifest says UTF-8 without BOM, but there is a BOM")
    elif enc == "utf-16":
        if data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            bad(name, "manifest says UTF-16, but there is no BOM")
    else:
        try:
            data.decode("utf-8")
            bad(name, f"manifest says {enc}, but the bytes are valid UTF-8")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(enc)  # strict
    except UnicodeDecodeError as e:
        bad(name, f"does not decode as {enc}: {e}")
        return None


# ---------------------------------------------------------------- numbers
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿点]+")
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]+\)")
ARABIC = re.compile(r"(\d+(?:\.\d+)?)\s*(万|萬|亿|億)?")


def cn_int(s):
    total, section, num = 0, 0, 0
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_SMALL:
            if num == 0 and c == "十":
                num = 1
            section += num * CN_SMALL[c]
            num = 0
        elif c == "万":
            total += (section + num) * 10_000
            section = num = 0
        elif c == "亿":
            total = (total + section + num) * 100_000_000
            section = num = 0
    return total + section + num


def cn_number(s):
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(CN_DIGITS[c]) for c in frac if c in CN_DIGITS)
        return cn_int(whole or "零") + (float("0." + digits) if digits else 0.0)
    return cn_int(s)


def numbers_in(text):
    t = unicodedata.normalize("NFKC", text)       # full-width digits and point
    t = PINYIN.sub("", t)                         # 贫(pín)困(kùn) ruby garble
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)       # thousands separators
    out = []
    for m in ARABIC.finditer(t):
        v = float(m.group(1))
        mult = m.group(2)
        if mult in ("万", "萬"):
            v *= 10_000
        elif mult in ("亿", "億"):
            v *= 100_000_000
        out.append(v)
    t = t.replace("百分之", " ")
    for m in CN_RUN.finditer(t):
        run = m.group(0)
        if any(c in CN_DIGITS or c == "十" for c in run):
            out.append(float(cn_number(run)))
    return out


def close(a, b):
    return abs(a - b) <= max(0.005, 0.005 * abs(b))


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---------------------------------------------------------------- gold
def check_gold(gname, gold, texts):
    where = f"gold/blind/{gname}"
    expected = {"file", "region", "indicators", "optional", "warnings", "notes"}
    if set(gold) != expected:
        bad(where, f"keys {sorted(gold)}; want {sorted(expected)}")
        return
    fname = gold["file"]
    if gname != fname.rsplit(".", 1)[0] + ".json":
        bad(where, f"gold file name does not match its report {fname}")
    if fname not in texts:
        bad(where, f"names {fname}, which is not a report in tests/blind")
        return
    text = texts[fname]
    if text is None:
        return
    visible = re.sub(r"<[^>]*>", "", text) if fname.endswith((".html", ".htm")) else text

    region = gold["region"]
    if not isinstance(region, dict) or set(region) != {"adcode", "name"}:
        bad(where, "region must be {adcode, name}")
    else:
        code = region["adcode"]
        if not (isinstance(code, str) and re.fullmatch(r"\d{6}", code)):
            bad(where, f"adcode {code!r} is not six digits")
        elif code[:2] not in PROVINCES or code.endswith("0000"):
            bad(where, f"adcode {code} is not a county/prefecture code of a real province")
        name = region["name"]
        if not (isinstance(name, str) and name[-1:] in "县市区州旗盟"):
            bad(where, f"region name {name!r} is not a full division name")

    inds = gold["indicators"]
    if not isinstance(inds, dict) or not 1 <= len(inds) <= 12:
        bad(where, "indicators must be an object with 1-12 entries")
        inds = inds if isinstance(inds, dict) else {}
    for iid, entry in inds.items():
        w = f"{where} {iid}"
        if iid not in CATALOG:
            bad(w, "not a catalog id")
        if not isinstance(entry, dict) or set(entry) != {"values", "evidence"}:
            bad(w, "entry must be {values, evidence}")
            continue
        vals, ev = entry["values"], entry["evidence"]
        if not (isinstance(vals, list) and vals and all(is_number(v) for v in vals)):
            bad(w, f"values {vals!r} must be a non-empty list of numbers")
            continue
        if not (isinstance(ev, str) and ev.strip()):
            bad(w, "evidence must be a non-empty string")
            continue
        if ev not in text:
            bad(w, f"evidence not found in the decoded report: {ev!r}")
        elif ev not in visible:
            bad(w, f"evidence only occurs inside markup: {ev!r}")
        found = numbers_in(ev)
        if not any(close(n, v) for v in vals for n in found):
            bad(w, f"none of the values {vals} is written in the evidence {ev!r} (read {found})")

    opt = gold["optional"]
    if not isinstance(opt, dict):
        bad(where, "optional must be an object")
    else:
        for iid, vals in opt.items():
            if iid not in CATALOG:
                bad(where, f"optional {iid} is not a catalog id")
            if iid in inds:
                bad(where, f"optional {iid} is also a headline indicator")
            if not (isinstance(vals, list) and vals and all(is_number(v) for v in vals)):
                bad(where, f"optional {iid} must be a non-empty list of numbers")

    warns = gold["warnings"]
    if not isinstance(warns, dict):
        bad(where, "warnings must be an object")
    else:
        for kind, bound in warns.items():
            if kind not in WARNING_KINDS:
                bad(where, f"warning kind {kind} is not in the spec")
            if not (isinstance(bound, dict) and bound and set(bound) <= {"min", "max"}
                    and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0
                            for x in bound.values())):
                bad(where, f"warning bound for {kind} must be {{min/max: int >= 0}}")
            elif "min" in bound and "max" in bound and bound["min"] > bound["max"]:
                bad(where, f"warning bound for {kind}: min > max")
    if not isinstance(gold["notes"], str):
        bad(where, "notes must be a string")


def main():
    names = sorted(f for f in os.listdir(DOCS) if f != "README.md")
    for n in names:
        if n not in MANIFEST:
            bad(f"blind/{n}", "report missing from MANIFEST (state its encoding)")
    for n in MANIFEST:
        if n not in names:
            bad(f"blind/{n}", "listed in MANIFEST but missing")
    texts = {}
    for n in names:
        if n not in MANIFEST:
            continue
        with open(os.path.join(DOCS, n), "rb") as fh:
            data = fh.read()
        text = decode(f"blind/{n}", data, MANIFEST[n])
        texts[n] = text
        if text is not None and not 600 <= len(text) <= 3000:
            bad(f"blind/{n}", f"{len(text)} characters; want 600-3,000")

    golds = sorted(f for f in os.listdir(GOLD) if f.endswith(".json"))
    covered = {}
    total = 0
    for g in golds:
        try:
            with open(os.path.join(GOLD, g), encoding="utf-8") as fh:
                gold = json.load(fh)
        except (OSError, ValueError) as e:
            bad(f"gold/blind/{g}", f"not readable JSON: {e}")
            continue
        if not isinstance(gold, dict):
            bad(f"gold/blind/{g}", "not a JSON object")
            continue
        check_gold(g, gold, texts)
        f = gold.get("file")
        if f in covered:
            bad(f"gold/blind/{g}", f"{f} already has gold {covered[f]}")
        covered[f] = g
        if isinstance(gold.get("indicators"), dict):
            total += len(gold["indicators"])
    for n in texts:
        if n not in covered:
            bad(f"blind/{n}", "has no gold file")

    for p in problems:
        print(p)
    print(f"{len(texts)} reports, {len(golds)} gold files, {total} headline indicators; "
          f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
