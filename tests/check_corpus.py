#!/usr/bin/env python3
"""Check the test corpus: every gold set, the encodings of its reports, and the judgement cases.

Usage: python3 tests/check_corpus.py        (from the repository root or anywhere)

It never runs the engine. For each gold set in SETS (tests/reports, samples, tests/holdout,
tests/blind, tests/blind3, tests/blind4, tests/blind5, tests/blind6, tests/blind7, tests/blind8, tests/blind9, tests/blind10, tests/blind11, tests/blind12, tests/blind13, tests/blind14, tests/blind15, tests/blind16, tests/blind17, tests/blind18, tests/blind19, tests/blind20, tests/blind21, tests/blind22, tests/blind23, tests/blind24, tests/blind25, tests/blind26, tests/blind27, tests/blind28, tests/blind29, tests/blind30, tests/blind31, tests/blind32, tests/blind33, tests/blind34, tests/blind35, tests/blind36, tests/blind37, tests/blind38, tests/blind39, tests/blind40, tests/blind41, tests/blind42, tests/blind43, tests/blind44, tests/blind45, each with its gold in tests/gold/<set>) it checks that
  - every report has exactly one gold file, sharing its stem, and every gold file names
    an existing report;
  - each report decodes strictly in the encoding ENCODINGS states (UTF-8 without a BOM
    when it is not listed); BOMs are exactly where it says, and the legacy-encoded files
    are NOT valid UTF-8, so the stated encoding is real;
  - each gold file has the seed gold shape: file, region {adcode, name}, indicators
    {id: {values, evidence}}, optional {id: [values]}, warnings {kind: {min/max}}, notes;
  - ids are catalog ids (crate/data/catalog.toml, which must list the ids of
    ../shared/spec/indicators.md when that is there), warning kinds are spec kinds;
  - the adcode is a county or prefecture of GB/T 2260 (crate/data/regions.tsv) with the
    gold's region name, and a report in Simplified characters names the region;
  - every evidence string occurs in the decoded report (CRLF read as LF; in HTML with
    entities unescaped, and outside tags), and one of its gold values is a number written
    in the evidence (Arabic or Chinese numerals, 万/亿, 百分之, thousands separators,
    full-width digits, digits split by OCR spaces or a line break), so a unit or scale
    slip in the gold is caught;
  - per set where it is a rule of the set (see SETS): report length, most indicators.
and that every tests/cases/*.md file follows the syntax of tests/cases/README.md.
Exits 1 and lists the problems when anything is wrong.
"""
import codecs
import html
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "crate", "data", "catalog.toml")
SPEC = os.path.join(os.path.dirname(ROOT), "shared", "spec", "indicators.md")
KINDS = {"missing_number", "corrupt_text", "censored_text", "duplicate_paragraph", "conflicting_values"}

# Report folder -> its gold folder and the rules that belong to that set only.
#   length          visible characters (markup stripped) a report must have: a writing rule
#                   of the held-out and blind sets; the corpus reports and the samples were
#                   written to the length their point or the page's demo needed, with no rule.
#   most_indicators headline indicators a gold file may ask for (at least one everywhere):
#                   the blind sets and the samples were written to 12 at most (samples/README.md);
#                   the corpus reports and the held-out set pack in more on purpose (up to 20).
SETS = {
    "tests/reports": {"gold": "tests/gold/reports", "length": None, "most_indicators": None},
    "samples": {"gold": "tests/gold/samples", "length": None, "most_indicators": 12},
    "tests/holdout": {"gold": "tests/gold/holdout", "length": (600, 3000), "most_indicators": None},
    "tests/blind": {"gold": "tests/gold/blind", "length": (600, 3000), "most_indicators": 12},
    "tests/blind3": {"gold": "tests/gold/blind3", "length": (600, 3000), "most_indicators": 12},
    "tests/blind4": {"gold": "tests/gold/blind4", "length": (600, 3000), "most_indicators": 12},
    "tests/blind5": {"gold": "tests/gold/blind5", "length": (600, 3000), "most_indicators": 12},
    "tests/blind6": {"gold": "tests/gold/blind6", "length": (600, 3000), "most_indicators": 12},
    "tests/blind7": {"gold": "tests/gold/blind7", "length": (600, 3000), "most_indicators": 12},
    "tests/blind8": {"gold": "tests/gold/blind8", "length": (600, 3000), "most_indicators": 12},
    "tests/blind9": {"gold": "tests/gold/blind9", "length": (600, 3000), "most_indicators": 12},
    "tests/blind10": {"gold": "tests/gold/blind10", "length": (600, 3000), "most_indicators": 12},
    "tests/blind11": {"gold": "tests/gold/blind11", "length": (600, 3000), "most_indicators": 12},
    "tests/blind12": {"gold": "tests/gold/blind12", "length": (600, 3000), "most_indicators": 12},
    "tests/blind13": {"gold": "tests/gold/blind13", "length": (600, 3000), "most_indicators": 12},
    "tests/blind14": {"gold": "tests/gold/blind14", "length": (600, 3000), "most_indicators": 12},
    "tests/blind15": {"gold": "tests/gold/blind15", "length": (600, 3000), "most_indicators": 12},
    "tests/blind16": {"gold": "tests/gold/blind16", "length": (600, 3000), "most_indicators": 12},
    "tests/blind17": {"gold": "tests/gold/blind17", "length": (600, 3000), "most_indicators": 12},
    "tests/blind18": {"gold": "tests/gold/blind18", "length": (600, 3000), "most_indicators": 12},
    "tests/blind19": {"gold": "tests/gold/blind19", "length": (600, 3000), "most_indicators": 12},
    "tests/blind20": {"gold": "tests/gold/blind20", "length": (600, 3000), "most_indicators": 12},
    "tests/blind21": {"gold": "tests/gold/blind21", "length": (600, 3000), "most_indicators": 12},
    "tests/blind22": {"gold": "tests/gold/blind22", "length": (600, 3000), "most_indicators": 12},
    "tests/blind23": {"gold": "tests/gold/blind23", "length": (600, 3000), "most_indicators": 12},
    "tests/blind24": {"gold": "tests/gold/blind24", "length": (600, 3000), "most_indicators": 12},
    "tests/blind25": {"gold": "tests/gold/blind25", "length": (600, 3000), "most_indicators": 12},
    "tests/blind26": {"gold": "tests/gold/blind26", "length": (600, 3000), "most_indicators": 12},
    "tests/blind27": {"gold": "tests/gold/blind27", "length": (600, 3000), "most_indicators": 12},
    "tests/blind28": {"gold": "tests/gold/blind28", "length": (600, 3000), "most_indicators": 12},
    "tests/blind29": {"gold": "tests/gold/blind29", "length": (600, 3000), "most_indicators": 12},
    "tests/blind30": {"gold": "tests/gold/blind30", "length": (600, 3000), "most_indicators": 12},
    "tests/blind31": {"gold": "tests/gold/blind31", "length": (600, 3000), "most_indicators": 12},
    "tests/blind32": {"gold": "tests/gold/blind32", "length": (600, 3000), "most_indicators": 12},
    "tests/blind33": {"gold": "tests/gold/blind33", "length": (600, 3000), "most_indicators": 12},
    "tests/blind34": {"gold": "tests/gold/blind34", "length": (600, 3000), "most_indicators": 12},
    "tests/blind35": {"gold": "tests/gold/blind35", "length": (600, 3000), "most_indicators": 12},
    "tests/blind36": {"gold": "tests/gold/blind36", "length": (600, 3000), "most_indicators": 12},
    "tests/blind37": {"gold": "tests/gold/blind37", "length": (600, 3000), "most_indicators": 12},
    "tests/blind38": {"gold": "tests/gold/blind38", "length": (600, 6000), "most_indicators": 12},  # saved HTML pages: script/style text counts as visible here
    "tests/blind39": {"gold": "tests/gold/blind39", "length": (600, 3000), "most_indicators": 12},
    "tests/blind40": {"gold": "tests/gold/blind40", "length": (150, 600), "most_indicators": 12},  # short pasted snippets
    "tests/blind41": {"gold": "tests/gold/blind41", "length": (600, 3000), "most_indicators": 12},
    "tests/blind42": {"gold": "tests/gold/blind42", "length": (600, 3000), "most_indicators": 12},
    "tests/blind43": {"gold": "tests/gold/blind43", "length": (600, 3000), "most_indicators": 12},  # spoken and presented text: transcripts, subtitles, slides
    "tests/blind44": {"gold": "tests/gold/blind44", "length": (600, 3000), "most_indicators": 12},
    "tests/blind45": {"gold": "tests/gold/blind45", "length": (600, 3000), "most_indicators": 12},
}

# The one place a report's real encoding is stated: every report not listed here is UTF-8
# without a BOM. utf-8-sig and utf-16-* must start with their BOM; the legacy ones must not
# be valid UTF-8.
ENCODINGS = {
    "tests/reports/r02_youyang_parts_of_totals.txt": "utf-8-sig",
    "tests/reports/r03_qianjiang_yearly_cumulative.txt": "utf-16-le",  # CRLF line ends
    "tests/reports/r04_duan_numerals.txt": "gb18030",
    "tests/reports/r05_xingguo_big5.txt": "big5",  # CRLF line ends
    "tests/reports/r06_ganzhou_city_counties.txt": "utf-16-be",
    "tests/reports/r08_keyouzhongqi_banner.html": "gb18030",
    "tests/holdout/h08_jingyuan_gb18030.txt": "gb18030",
    "tests/holdout/h09_lancang_big5.txt": "big5",
    "tests/blind/blind_05.txt": "utf-8-sig",
    "tests/blind/blind_08.txt": "big5",
    "tests/blind/blind_09.txt": "gb18030",
    "tests/blind/blind_10.txt": "utf-16-le",
    "tests/blind3/b3_09.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind4/b4_03.txt": "gb2312",
    "tests/blind4/b4_09.txt": "big5",  # CRLF line ends
    "tests/blind4/b4_11.txt": "utf-8-sig",
    "tests/blind5/b5_03.txt": "gb18030",  # CRLF line ends
    "tests/blind5/b5_04.txt": "utf-8-sig",
    "tests/blind5/b5_09.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind6/b6_03.txt": "gb18030",
    "tests/blind7/b7_03.txt": "utf-16-le",  # CRLF line ends
    "tests/blind7/b7_05.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind7/b7_07.txt": "big5",  # CRLF line ends
    "tests/blind7/b7_11.txt": "utf-8-sig",
    "tests/blind8/b8_02.txt": "gb18030",
    "tests/blind8/b8_03.txt": "utf-8-sig",
    "tests/blind8/b8_08.txt": "big5",  # CRLF line ends
    "tests/blind8/b8_10.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind9/b9_10.txt": "gb18030",
    "tests/blind9/b9_11.txt": "big5",  # CRLF line ends
    "tests/blind10/b10_04.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind10/b10_05.txt": "big5",  # CRLF line ends
    "tests/blind10/b10_06.txt": "utf-16-le",  # CRLF line ends
    "tests/blind11/b11_04.txt": "big5",  # CRLF line ends
    "tests/blind11/b11_05.txt": "gb18030",
    "tests/blind12/b12_02.txt": "gb18030",
    "tests/blind12/b12_09.txt": "big5",  # CRLF line ends
    "tests/blind13/b13_03.txt": "utf-8-sig",
    "tests/blind13/b13_04.txt": "big5",  # CRLF line ends
    "tests/blind13/b13_10.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind14/b14_06.txt": "big5",  # CRLF line ends
    "tests/blind14/b14_07.txt": "utf-16-le",  # CRLF line ends
    "tests/blind14/b14_10.html": "gb18030",  # the page's meta says charset=gb18030
    "tests/blind15/b15_07.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind15/b15_08.txt": "big5",  # CRLF line ends
    "tests/blind15/b15_09.txt": "utf-16-le",  # CRLF line ends
    "tests/blind15/b15_11.txt": "utf-8-sig",
    "tests/blind16/b16_08.txt": "big5",  # CRLF line ends
    "tests/blind16/b16_09.html": "gb18030",  # the page's meta says charset=gb18030
    "tests/blind16/b16_10.txt": "utf-16-le",  # CRLF line ends
    "tests/blind17/b17_02.txt": "utf-8-sig",
    "tests/blind17/b17_03.txt": "gb18030",
    "tests/blind17/b17_07.txt": "big5",
    "tests/blind18/b18_02.html": "gbk",  # the page's meta says charset=gbk; CRLF line ends
    "tests/blind18/b18_06.txt": "utf-16-be",
    "tests/blind18/b18_12.txt": "big5",  # CRLF line ends
    "tests/blind19/b19_01.html": "gb18030",  # the page's meta says charset=gb18030
    "tests/blind19/b19_07.txt": "big5",
    "tests/blind19/b19_08.txt": "utf-8-sig",
    "tests/blind20/b20_01.html": "gb18030",  # the page's meta says charset=gb18030
    "tests/blind20/b20_05.txt": "utf-16-le",  # Excel Unicode-text export; CRLF line ends
    "tests/blind20/b20_07.txt": "big5",  # CRLF line ends
    "tests/blind20/b20_10.txt": "utf-8-sig",
    "tests/blind21/b21_06.txt": "gbk",  # 政务信息 brief, no charset marker
    "tests/blind21/b21_12.txt": "big5",  # CRLF line ends
    "tests/blind22/b22_04.html": "gb18030",  # the page's meta says charset=gb18030
    "tests/blind22/b22_10.txt": "utf-16-be",
    "tests/blind23/b23_10.txt": "gbk",  # news repost, no charset marker; CRLF line ends
    "tests/blind24/b24_04.txt": "utf-8-sig",
    "tests/blind24/b24_09.txt": "gb18030",  # press-conference transcript, no charset marker
    "tests/blind25/b25_08.html": "gb18030",  # the page's meta says charset=gb18030; <table> layout
    "tests/blind25/b25_09.txt": "big5",  # forum repost; CRLF line ends
    "tests/blind25/b25_10.txt": "utf-8-sig",
    "tests/blind26/b26_04.txt": "gbk",  # statistical bulletin section, no charset marker
    "tests/blind26/b26_06.txt": "big5",  # CRLF line ends
    "tests/blind26/b26_09.html": "utf-8-sig",  # saved page with a BOM; the meta says charset=utf-8
    "tests/blind27/b27_07.txt": "utf-16-le",  # CRLF line ends
    "tests/blind28/b28_05.txt": "gb18030",  # text copied from a PDF yearbook table, no charset marker
    "tests/blind29/b29_07.txt": "big5",  # full-width punctuation and some full-width digits; CRLF line ends
    "tests/blind29/b29_08.html": "gbk",  # the page's meta says charset=gbk; article in nested <div>s
    "tests/blind30/b30_06.txt": "gb18030",  # 县志 section, no charset marker; CRLF line ends
    "tests/blind30/b30_09.html": "gbk",  # the page's meta says charset=gbk; FAQ page in a <dl>
    "tests/blind31/b31_02.txt": "gb18030",  # bulletin, no charset marker; one paragraph is GBK read as windows-1252 (Latin-1 mojibake)
    "tests/blind31/b31_06.txt": "big5",  # Traditional with romanised pinyin words; CRLF line ends
    "tests/blind31/b31_08.html": "gbk",  # the page's meta says charset=gbk; one paragraph is Big5-as-GBK garble
    "tests/blind32/b32_06.txt": "gb18030",  # news item, no charset marker
    "tests/blind32/b32_08.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind33/b33_03.html": "gbk",  # the page's meta says charset=gbk; <table> with rowspan/colspan
    "tests/blind33/b33_06.txt": "gb18030",  # year-row table, no charset marker
    "tests/blind34/b34_08.txt": "big5",  # Traditional ESG report; CRLF line ends
    "tests/blind34/b34_09.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind35/b35_01.txt": "gbk",  # cover note plus an Excel CSV export saved as ANSI; CRLF line ends
    "tests/blind36/b36_04.txt": "gbk",  # 扶贫办 half-year work summary saved as ANSI, no charset marker; CRLF line ends
    "tests/blind36/b36_08.txt": "big5",  # Traditional reprint; CRLF line ends
    "tests/blind37/b37_03.txt": "gb18030",  # 统计局 统计信息, no charset marker
    "tests/blind38/b38_02.html": "gbk",  # Word "Save as Web Page"; the meta says charset=gbk
    "tests/blind38/b38_05.html": "gb18030",  # news portal page; the meta says charset=gb18030
    "tests/blind38/b38_06.html": "gbk",  # table-layout page; the meta says charset=gb2312, but one name uses a GBK-only character
    "tests/blind38/b38_10.html": "big5",  # printer-friendly <pre> page, Traditional; the meta says charset=big5
    "tests/blind39/b39_02.txt": "gb18030",  # 2017 统计公报, no charset marker; CRLF line ends
    "tests/blind39/b39_04.html": "gbk",  # the page's meta says charset=gbk
    "tests/blind39/b39_10.txt": "utf-8-sig",
    "tests/blind40/b40_07.txt": "gbk",  # 公示 of a few lines, no charset marker
    "tests/blind40/b40_10.txt": "gb18030",  # table caption and three lines pasted into a chat, no charset marker; CRLF line ends
    "tests/blind41/b41_03.txt": "gbk",  # 退役军人事务局 feature saved as ANSI, no charset marker; CRLF line ends
    "tests/blind41/b41_08.txt": "gb18030",  # 张家界日报 item, no charset marker
    "tests/blind41/b41_09.txt": "utf-8-sig",
    "tests/blind41/b41_10.txt": "big5",  # Hong Kong paper, Traditional; CRLF line ends
    "tests/blind42/b42_07.txt": "gb18030",  # field notes, no charset marker
    "tests/blind42/b42_08.txt": "gbk",  # student's 读书报告 saved as ANSI, no charset marker
    "tests/blind43/b43_01.txt": "gb18030",  # 地方台 口播稿, no charset marker; CRLF line ends
    "tests/blind43/b43_02.txt": "utf-8-sig",  # SRT subtitle file; CRLF line ends
    "tests/blind43/b43_10.txt": "gbk",  # 会议记录 saved as ANSI, no charset marker; CRLF line ends
    "tests/blind44/b44_07.txt": "gbk",  # 扶贫开发局 2020 year-end summary saved as ANSI, no charset marker
    "tests/blind44/b44_09.txt": "gb18030",  # 扶贫开发统计年报 文字说明, no charset marker
    "tests/blind45/b45_03.html": "gbk",  # 网易号 article page; the meta says charset=gbk
    "tests/blind45/b45_09.txt": "gb18030",  # 公众号 article with emoji (four-byte GB18030), no charset marker
    "tests/blind45/b45_10.txt": "big5",  # Hong Kong app 快訊 feed, Traditional; CRLF line ends
}
BOMS = {"utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
# GB/T 2260 divisions (adcode -> current name), the table the engine embeds.
REGIONS = os.path.join(ROOT, "crate", "data", "regions.tsv")
GOLD_KEYS = {"file", "region", "indicators", "optional", "warnings", "notes"}

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def indicator_ids():
    with open(CATALOG, encoding="utf-8") as fh:
        ids = set(re.findall(r'^id = "(\w+)"', fh.read(), re.M))
    if not os.path.isfile(SPEC):
        return ids, "catalog not compared with the spec (../shared is not there)"
    with open(SPEC, encoding="utf-8") as fh:
        spec = fh.read()
    head = spec.split("## Headline indicators", 1)[-1].split("\n## ", 1)[0]
    spec_ids = set(re.findall(r"^\| ([a-z_]+) \|", head, re.M)) - {"id"}  # less the header row
    if ids != spec_ids:
        bad("crate/data/catalog.toml", f"ids differ from the spec's: {sorted(ids ^ spec_ids)}")
    return ids, "catalog ids are the spec's"


IDS, IDS_NOTE = indicator_ids()


def divisions():
    with open(REGIONS, encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t")[:2] for line in fh if not line.startswith("#"))


DIVISIONS = divisions()


# ---------------------------------------------------------------- decoding
def decode(rel, data):
    """The text of a report in its stated encoding (CRLF as LF), or None when it does not decode."""
    enc = ENCODINGS.get(rel, "utf-8")
    bom = BOMS.get(enc, b"")
    if bom and not data.startswith(bom):
        bad(rel, f"stated {enc}, but it does not start with that BOM")
    elif not bom and any(data.startswith(b) for b in BOMS.values()):
        bad(rel, f"stated {enc}, but it starts with a BOM")
    if enc not in BOMS and enc != "utf-8":
        try:
            data.decode("utf-8")
            bad(rel, f"stated {enc}, but the bytes are valid UTF-8")
        except UnicodeDecodeError:
            pass
    try:
        return data[len(bom):].decode(enc).replace("\r\n", "\n")  # strict
    except UnicodeDecodeError as e:
        bad(rel, f"does not decode as {enc}: {e}")
        return None


# ---------------------------------------------------------------- numbers
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿点余多]+")  # 三十余万, 两万多
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]+\)")
ARABIC = re.compile(r"(\d+(?:\.\d+)?)\s*(?:余|餘|多)?(万|萬|亿|億)?")  # 30余万, 4万多
# Bad OCR splits a figure with spaces (1 3 0 4户, 11 268元) or a hard line break (96\n415人);
# read the evidence a second time with those gaps closed up. This only adds candidates, so no
# other figure is lost.
OCR_GAP = re.compile(r"(?<=\d)(?:[ \u3000]*\n[ \u3000]*|[ \u3000]+)(?=\d)")


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
    closed = OCR_GAP.sub("", t)
    for m in list(ARABIC.finditer(t)) + (list(ARABIC.finditer(closed)) if closed != t else []):
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
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))  # float error only: 66.49万 is 664900


def numbers(vals):
    return isinstance(vals, list) and vals and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals)


# ---------------------------------------------------------------- gold
def check_region(where, region, text):
    if not isinstance(region, dict) or set(region) != {"adcode", "name"}:
        bad(where, f"region must be {{adcode, name}}, not {region!r}")
        return
    code, name = region["adcode"], region["name"]
    if not (isinstance(code, str) and re.fullmatch(r"\d{6}", code)):
        bad(where, f"adcode {code!r} is not six digits")
    elif code not in DIVISIONS or code.endswith("0000"):
        bad(where, f"adcode {code} is not a county or prefecture in crate/data/regions.tsv")
    elif DIVISIONS[code] != name:
        bad(where, f"adcode {code} is {DIVISIONS[code]}, not {name}")
    # The gold names the region in Simplified; a Traditional report (Big5, or r11's ruby
    # garble) writes it otherwise, so only Simplified reports must name it as written.
    elif (len(re.findall("[县区国贫户万]", text)) >= len(re.findall("[縣區國貧戶萬]", text))
          and name[:2] not in PINYIN.sub("", text)):
        bad(where, f"region {name} is not named in the text")


def check_indicators(where, inds, text, visible, most):
    if not isinstance(inds, dict) or not 1 <= len(inds) <= (most or len(IDS)):
        bad(where, f"indicators must be an object with 1-{most or len(IDS)} entries")
        return {}
    for iid, entry in inds.items():
        w = f"{where} {iid}"
        if iid not in IDS:
            bad(w, "not a catalog id")
        if not isinstance(entry, dict) or set(entry) != {"values", "evidence"}:
            bad(w, "entry must be {values, evidence}")
            continue
        vals, ev = entry["values"], entry["evidence"]
        if not numbers(vals):
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
    return inds


def entries(where, obj, what):
    if isinstance(obj, dict):
        return obj.items()
    bad(where, f"{what} must be an object")
    return []


def check_rest(where, gold, inds):
    for iid, vals in entries(where, gold["optional"], "optional"):
        if iid not in IDS:
            bad(where, f"optional {iid} is not a catalog id")
        if iid in inds:
            bad(where, f"optional {iid} is also a headline indicator")
        if not numbers(vals):
            bad(where, f"optional {iid} must be a non-empty list of numbers")
    for kind, bound in entries(where, gold["warnings"], "warnings"):
        if kind not in KINDS:
            bad(where, f"warning kind {kind} is not in the spec")
        if not (isinstance(bound, dict) and bound and set(bound) <= {"min", "max"}
                and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0
                        for x in bound.values())):
            bad(where, f"warning bound for {kind} must be {{min/max: int >= 0}}")
        elif "min" in bound and "max" in bound and bound["min"] > bound["max"]:
            bad(where, f"warning bound for {kind}: min > max")
    if not isinstance(gold["notes"], str):
        bad(where, "notes must be a string")


def check_gold(where, gold, doc_dir, texts, rules):
    if set(gold) != GOLD_KEYS:
        bad(where, f"keys {sorted(gold)}; want {sorted(GOLD_KEYS)}")
        return 0
    fname = gold["file"]
    if os.path.splitext(os.path.basename(where))[0] != os.path.splitext(str(fname))[0]:
        bad(where, f"file {fname} does not share the gold file's stem")
    if not isinstance(fname, str) or fname not in texts:
        bad(where, f"names {fname!r}, which is not a report in {doc_dir}")
        return 0
    text = texts[fname]
    if text is None:
        return 0
    visible = text
    if fname.endswith((".html", ".htm")):
        visible = html.unescape(re.sub(r"<[^>]*>", "", text))
        text = html.unescape(text)
    if rules["length"] and not rules["length"][0] <= len(visible) <= rules["length"][1]:
        bad(f"{doc_dir}/{fname}", f"{len(visible)} visible characters; want %d-%d" % rules["length"])
    check_region(where, gold["region"], text)
    inds = check_indicators(where, gold["indicators"], text, visible, rules["most_indicators"])
    check_rest(where, gold, inds)
    return len(inds)


def check_set(doc_dir, rules):
    """Checks one gold set; returns (reports, headline indicators)."""
    gold_dir = rules["gold"]
    names = sorted(f for f in os.listdir(os.path.join(ROOT, doc_dir)) if f != "README.md")
    texts = {}
    for n in names:
        with open(os.path.join(ROOT, doc_dir, n), "rb") as fh:
            texts[n] = decode(f"{doc_dir}/{n}", fh.read())
    covered, total = {}, 0
    for g in sorted(f for f in os.listdir(os.path.join(ROOT, gold_dir)) if f.endswith(".json")):
        where = f"{gold_dir}/{g}"
        try:
            with open(os.path.join(ROOT, where), encoding="utf-8") as fh:
                gold = json.load(fh)
        except (OSError, ValueError) as e:
            bad(where, f"not readable JSON: {e}")
            continue
        if not isinstance(gold, dict):
            bad(where, "not a JSON object")
            continue
        total += check_gold(where, gold, doc_dir, texts, rules)
        covered[str(gold.get("file"))] = g
    for n in names:
        if n not in covered:
            bad(f"{doc_dir}/{n}", "has no gold file")
    for rel in ENCODINGS:
        if os.path.dirname(rel) == doc_dir and os.path.basename(rel) not in names:
            bad(rel, "has a stated encoding but is missing")
    return len(names), total


# ---------------------------------------------------------------- cases
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
    sets = []
    for doc_dir, rules in SETS.items():
        n, total = check_set(doc_dir, rules)
        sets.append(f"{doc_dir} {n} ({total} headlines)")
    counts = check_cases(os.path.join(ROOT, "tests", "cases"))
    print("gold: " + ", ".join(sets) + f"; {IDS_NOTE}; cases: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" (total {sum(counts.values())})")
    for p in problems:
        print("  " + p)
    print("corpus ok" if not problems else f"corpus FAILED: {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
