#!/usr/bin/env python3
"""Accuracy gate: runs ../shared/eval/score.py on the seed reports and on the project's own
corpus (tests/reports, samples, tests/holdout, tests/blind, tests/blind3, tests/blind4, tests/blind5, tests/blind7, tests/blind8, tests/blind9, tests/blind10, tests/blind11, tests/blind12, tests/blind13, tests/blind14, tests/blind15, tests/blind16, tests/blind17, tests/blind18, tests/blind19, tests/blind20, tests/blind21, tests/blind22, tests/blind23, tests/blind24, tests/blind25, tests/blind26, tests/blind27, tests/blind28, tests/blind29, tests/blind30, tests/blind31, tests/blind32, tests/blind33, tests/blind34, tests/blind35, tests/blind36, tests/blind37, tests/blind38, tests/blind39, tests/blind40, tests/blind41, tests/blind42, tests/blind43, tests/blind44, tests/blind45) and fails when a set falls below its floor.

The floors are the accuracy the engine has reached; raise them when it improves, never
lower them to make a change pass. Usage: python3 scripts/accuracy.py [--cmd target/release/zhibiao]
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# (name, gold folder, docs folder, min F1, min share of regions right, min share of warning checks)
SETS = [
    ("seeds", os.path.join(SHARED, "gold/seeds"), os.path.join(SHARED, "seeds"), 0.95, 1.0, 1.0),
    ("reports", os.path.join(ROOT, "tests/gold/reports"), os.path.join(ROOT, "tests/reports"), 0.97, 1.0, 1.0),
    ("samples", os.path.join(ROOT, "tests/gold/samples"), os.path.join(ROOT, "samples"), 0.97, 1.0, 1.0),
    # Written blind; scored 0.937 before the engine was changed for it (tests/holdout/README.md).
    ("holdout", os.path.join(ROOT, "tests/gold/holdout"), os.path.join(ROOT, "tests/holdout"), 0.97, 1.0, 1.0),
    # The second blind set: 0.902 at its first reading (tests/blind/README.md).
    ("blind", os.path.join(ROOT, "tests/gold/blind"), os.path.join(ROOT, "tests/blind"), 0.97, 1.0, 1.0),
    # The third blind set: 0.891 at its first reading (tests/blind3/README.md).
    ("blind3", os.path.join(ROOT, "tests/gold/blind3"), os.path.join(ROOT, "tests/blind3"), 0.97, 1.0, 1.0),
    # The fourth blind set: 0.996 at its first reading, nothing tuned on it (tests/blind4/README.md).
    ("blind4", os.path.join(ROOT, "tests/gold/blind4"), os.path.join(ROOT, "tests/blind4"), 0.97, 1.0, 1.0),
    # The fifth blind set: 0.978 at its first reading (tests/blind5/README.md).
    ("blind5", os.path.join(ROOT, "tests/gold/blind5"), os.path.join(ROOT, "tests/blind5"), 0.97, 1.0, 1.0),
    # The seventh: 0.876 at its first reading, 1.000 after the fixes it led to (README).
    ("blind7", os.path.join(ROOT, "tests/gold/blind7"), os.path.join(ROOT, "tests/blind7"), 0.97, 1.0, 1.0),
    # The ninth: 0.870 at its first reading, 1.000 after the fixes it led to (README).
    ("blind9", os.path.join(ROOT, "tests/gold/blind9"), os.path.join(ROOT, "tests/blind9"), 0.97, 1.0, 1.0),
    # The tenth: 0.878 at its first reading, 1.000 after the fixes it led to (README).
    ("blind10", os.path.join(ROOT, "tests/gold/blind10"), os.path.join(ROOT, "tests/blind10"), 0.97, 1.0, 1.0),
    # The eleventh, written to avoid stock phrasing: 0.721 at its first reading, 0.941 after
    # the fixes it and blind12 led to; its remaining misses are the next work (README).
    # The floor keeps what was won.
    ("blind11", os.path.join(ROOT, "tests/gold/blind11"), os.path.join(ROOT, "tests/blind11"), 0.97, 1.0, 1.0),
    # The twelfth, written for the middle of the difficulty range: 0.964 at its first
    # reading, 1.000 after the fixes it led to (README).
    ("blind12", os.path.join(ROOT, "tests/gold/blind12"), os.path.join(ROOT, "tests/blind12"), 0.97, 1.0, 1.0),
    # The thirteenth, the realistic 2021-2024 mix: 0.958 at its first reading, 0.975 after
    # one general fix, 0.992 after two more (README); the floor keeps what was won.
    ("blind13", os.path.join(ROOT, "tests/gold/blind13"), os.path.join(ROOT, "tests/blind13"), 0.97, 1.0, 1.0),
    # The fourteenth (tables in text, a city with its counties, Big5/UTF-16/GB18030, damage):
    # 0.962 at its first reading, 1.000 after the general fixes it led to (README).
    ("blind14", os.path.join(ROOT, "tests/gold/blind14"), os.path.join(ROOT, "tests/blind14"), 0.97, 1.0, 1.0),
    # The fifteenth (an HTML table with 序号 and target columns, a 2024 follow-up, year-by-year
    # series, Big5/GBK/UTF-16): 0.938 at its first reading, 1.000 after the fixes (README).
    ("blind15", os.path.join(ROOT, "tests/gold/blind15"), os.path.join(ROOT, "tests/blind15"), 0.97, 1.0, 1.0),
    # The sixteenth (2023-24 follow-up reports, a WeChat 数说 article, an exit notice issued by
    # the prefecture, approximate figures): 0.898 at its first reading, 1.000 after (README).
    ("blind16", os.path.join(ROOT, "tests/gold/blind16"), os.path.join(ROOT, "tests/blind16"), 0.97, 1.0, 1.0),
    # The seventeenth (mid-campaign year-only reports, short names, an early-year speech, a
    # PDF copy): 0.922 at its first reading, 1.000 after the fixes (README).
    ("blind17", os.path.join(ROOT, "tests/gold/blind17"), os.path.join(ROOT, "tests/blind17"), 0.97, 1.0, 1.0),
    # The eighteenth (a Markdown table from a chatbot, full-width digits, a county named twice,
    # a county-level city beside its prefecture): 0.909 at its first reading, 0.988 after.
    ("blind18", os.path.join(ROOT, "tests/gold/blind18"), os.path.join(ROOT, "tests/blind18"), 0.97, 1.0, 1.0),
    ("blind19", os.path.join(ROOT, "tests/gold/blind19"), os.path.join(ROOT, "tests/blind19"), 0.97, 1.0, 1.0),
    ("blind20", os.path.join(ROOT, "tests/gold/blind20"), os.path.join(ROOT, "tests/blind20"), 0.97, 1.0, 1.0),
    ("blind21", os.path.join(ROOT, "tests/gold/blind21"), os.path.join(ROOT, "tests/blind21"), 0.97, 1.0, 1.0),
    ("blind22", os.path.join(ROOT, "tests/gold/blind22"), os.path.join(ROOT, "tests/blind22"), 0.97, 1.0, 1.0),
    ("blind23", os.path.join(ROOT, "tests/gold/blind23"), os.path.join(ROOT, "tests/blind23"), 0.97, 1.0, 1.0),
    ("blind24", os.path.join(ROOT, "tests/gold/blind24"), os.path.join(ROOT, "tests/blind24"), 0.97, 1.0, 1.0),
    ("blind25", os.path.join(ROOT, "tests/gold/blind25"), os.path.join(ROOT, "tests/blind25"), 0.97, 1.0, 1.0),
    ("blind26", os.path.join(ROOT, "tests/gold/blind26"), os.path.join(ROOT, "tests/blind26"), 0.97, 1.0, 1.0),
    ("blind27", os.path.join(ROOT, "tests/gold/blind27"), os.path.join(ROOT, "tests/blind27"), 0.97, 1.0, 1.0),
    ("blind28", os.path.join(ROOT, "tests/gold/blind28"), os.path.join(ROOT, "tests/blind28"), 0.97, 1.0, 1.0),
    ("blind29", os.path.join(ROOT, "tests/gold/blind29"), os.path.join(ROOT, "tests/blind29"), 0.97, 1.0, 1.0),
    # Session 11's blind sets, gated where their general fixes took them; blind31's and
    # blind32's warning floors sit under the others' for a windows-1252 paragraph not warned as
    # corrupt and a letter's relative years (README "Readings").
    ("blind30", os.path.join(ROOT, "tests/gold/blind30"), os.path.join(ROOT, "tests/blind30"), 0.97, 1.0, 1.0),
    ("blind31", os.path.join(ROOT, "tests/gold/blind31"), os.path.join(ROOT, "tests/blind31"), 0.97, 1.0, 0.9),
    ("blind32", os.path.join(ROOT, "tests/gold/blind32"), os.path.join(ROOT, "tests/blind32"), 0.97, 1.0, 0.9),
    # Written at the end of session 11. blind33 (tables as pasted: CSV, tabs, transposed,
    # box-drawing) read 0.533 first and led to session 12's table work (its README).
    ("blind33", os.path.join(ROOT, "tests/gold/blind33"), os.path.join(ROOT, "tests/blind33"), 0.97, 1.0, 1.0),
    # blind34: 0.915 at its first reading; 1.000 after general rules for an organisation's own
    # figures, money lines, met goals, rectification batches and survey satisfaction.
    ("blind34", os.path.join(ROOT, "tests/gold/blind34"), os.path.join(ROOT, "tests/blind34"), 0.97, 1.0, 1.0),
    # Tables as pasted, a second set written in session 12 while the engine learnt blind33's
    # tables: 0.678 at its first reading (after that work), so it measures how far it
    # generalised; the floor keeps what its own fixes won (README).
    # blind35 was 0.929 at session 12's end; 0.980 in session 13 (PDF tables with single
    # spaces, <br> in a Markdown cell, a 规划确定 plan, units a caption names).
    ("blind35", os.path.join(ROOT, "tests/gold/blind35"), os.path.join(ROOT, "tests/blind35"), 0.97, 1.0, 1.0),
    # blind36, the everyday mix: 0.935 at its first reading; 1.000 after general rules for
    # synonyms (迁出, 扶贫专岗), a 个 before its predicate, a clause's closing verb, running totals
    # and forecasts in the next clause, means (依托) and an indicator's own 吸纳 (README).
    ("blind36", os.path.join(ROOT, "tests/gold/blind36"), os.path.join(ROOT, "tests/blind36"), 0.97, 1.0, 1.0),
    # The follow-up years 2021-2025 (衔接资金, 监测帮扶, 过渡期 reviews): 0.905 at its first
    # reading, 1.000 after the fixes it led to (README).
    ("blind37", os.path.join(ROOT, "tests/gold/blind37"), os.path.join(ROOT, "tests/blind37"), 0.97, 1.0, 0.9),
    # Saved web pages as ten tools write them (Word, WeChat, pdf2htmlEX, Excel, <pre>, JSON
    # state): 0.949 at its first reading, 1.000 after the fixes it led to (README).
    ("blind38", os.path.join(ROOT, "tests/gold/blind38"), os.path.join(ROOT, "tests/blind38"), 0.97, 1.0, 1.0),
    # Region names that are ordinary words or shared (通道, 共和, 新县, 永定区 ×2, 长宁县 vs
    # 上海长宁区): 0.938 at its first reading, regions 9/10; the floor keeps what the fixes won.
    ("blind41", os.path.join(ROOT, "tests/gold/blind41"), os.path.join(ROOT, "tests/blind41"), 0.98, 1.0, 1.0),
    # The campaign's middle years 2016-2019 (remaining poor, dynamic adjustment, tasks, this
    # year vs since 2014): 0.829 at its first reading, 1.000 after the fixes it led to (README).
    ("blind39", os.path.join(ROOT, "tests/gold/blind39"), os.path.join(ROOT, "tests/blind39"), 0.97, 1.0, 1.0),
    # Short texts as users paste them (150-600 chars: a flash, a Weibo repost, a caption, a
    # table caption plus three lines): 0.808 at its first reading, 0.982 after the fixes it led
    # to (README).
    ("blind40", os.path.join(ROOT, "tests/gold/blind40"), os.path.join(ROOT, "tests/blind40"), 0.97, 1.0, 1.0),
    # Research and survey writing quoting a county (thesis chapter, journal article, survey
    # report, teaching case, field notes, literature review): 0.995 at its first reading,
    # warnings 9/10; 1.000 with warnings 10/10 after the fixes it led to (README).
    ("blind42", os.path.join(ROOT, "tests/gold/blind42"), os.path.join(ROOT, "tests/blind42"), 0.98, 1.0, 1.0),
    # Spoken and presented text (口播稿 in words, SRT subtitles, a PPT export, interviews with
    # corrections, a 直播 transcript, 快板 verse): 0.800 at its first reading, 0.954 after the
    # fixes it led to; the verse (b43_09) is the known gap (README).
    ("blind43", os.path.join(ROOT, "tests/gold/blind43"), os.path.join(ROOT, "tests/blind43"), 0.94, 1.0, 1.0),
    # Dates, revisions and figures that disagree (10月底 vs 12月底, 更正说明, a 大事记 newest
    # first, 上年末 beside 年末, a conflict to warn of): 0.860 at its first reading, warnings 5/10;
    # 0.957 and 8/10 after the fixes it led to (README).
    ("blind44", os.path.join(ROOT, "tests/gold/blind44"), os.path.join(ROOT, "tests/blind44"), 0.94, 1.0, 0.8),
    # Reposts and aggregator pages (百家号, 贴吧, 网易号 with 相关推荐, 知乎, 微博 chains, a 专题
    # page, a news app's feed): 0.987 at its first reading, 1.000 after the fix it led to
    # (a commenter's guess and hearsay are no statement; README).
    ("blind45", os.path.join(ROOT, "tests/gold/blind45"), os.path.join(ROOT, "tests/blind45"), 0.97, 1.0, 1.0),
    # The eighth, never tuned on: 0.937 at its first reading, 0.980 after the blind7 and
    # blind9 fixes.
    # A floor under it keeps it from sliding; its misses are for a later blind reading.
    ("blind8", os.path.join(ROOT, "tests/gold/blind8"), os.path.join(ROOT, "tests/blind8"), 0.97, 1.0, 1.0),
]

SUMMARY = re.compile(r"^F1 ([\d.]+) .* regions (\d+)/(\d+) warnings (\d+)/(\d+)$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cmd", default=os.path.join(ROOT, "target/release/zhibiao"))
    a = ap.parse_args()
    scorer = os.path.join(SHARED, "eval/score.py")
    if not os.path.exists(scorer):
        sys.exit(f"accuracy: the scorer {scorer} is missing (../shared must sit beside the repository)")
    failed = []
    for name, gold, docs, min_f1, min_region, min_warn in SETS:
        proc = subprocess.run(
            [sys.executable, scorer, "--cmd", a.cmd, "--gold", gold, "--docs", docs, "--verbose"],
            capture_output=True, text=True,
        )
        lines = proc.stdout.strip().splitlines()
        match = SUMMARY.match(lines[-1]) if lines else None
        if proc.returncode == 2 or not match:
            print(proc.stdout + proc.stderr)
            failed.append(f"{name}: the scorer could not run the command")
            continue
        f1 = float(match.group(1))
        regions = int(match.group(2)) / max(1, int(match.group(3)))
        warns = int(match.group(4)) / max(1, int(match.group(5)))
        ok = f1 >= min_f1 and regions >= min_region and warns >= min_warn
        print(f"accuracy {name}: {lines[-1]}  (floors: F1 {min_f1}, regions {min_region:.0%}, "
              f"warnings {min_warn:.0%}) {'ok' if ok else 'BELOW FLOOR'}")
        if not ok:
            print("\n".join("    " + l for l in lines[:-1]))
            failed.append(name)
    if failed:
        sys.exit("accuracy below floor: " + ", ".join(failed))


if __name__ == "__main__":
    main()
