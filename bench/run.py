#!/usr/bin/env python3
"""Seatwise benchmark harness: prints a table of medians; `make bench` runs it (not part of make test).

For each size it generates an instance with `seatwise generate`, then times in the same run:
  - `seatwise select` end to end (a whole process: read, build, solve, write JSON) and its solve-only part;
  - the explanation pack (`seatwise explain`) at 600/55 and 3,000/275;
  - peak memory (maximum resident set size of the process);
  - the same model exported with `export-lp`, solved by CBC (whole process) and by HiGHS (highspy, solve
    only), as ratios to Seatwise's solve-only time;
  - sortition-algorithms (the Sortition Foundation's library) finding one quota-feasible panel for the
    body-wide quotas of the same instance, as a ratio to Seatwise end to end;
  - the time limit over a whole command and Ctrl-C in each phase at 20,000 nominees (bench/limits.py);
  - reading 50,000 nominees from .xlsx against CSV, and writing a report workbook (bench/spreadsheets.py);
  - the peak memory of hostile workbooks read under a 1 GB address-space limit (bench/hostile_workbooks.py);
  - select --alternates 3, replace, vacancies and plan --even at 600/55 and 5,000/200 (bench/turnover.py);
  - several bodies from one pool: 1,200 nominations for 12 chapter teams, 5,000 applicants for 10 bodies (bench/bodies.py);
  - `seatwise study` on ICG- and MAG-shaped pools, 1,200 runs each (bench/study.py);
  - the lottery (maximin and LEXIMIN) against sortition-algorithms' maximin at 300/30 and 2,000/60
    (bench/lottery.py; sortition-algorithms takes about 18 minutes at 2,000/60).
Usage: python3 bench/run.py [--quick] [--markdown FILE]
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import hostile_workbooks
import limits
import lottery
import spreadsheets
import turnover
import bodies
import study

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".build/release/seatwise"


GNU_TIME = "/usr/bin/time"


def run(cmd, check=True):
    """Runs a process; returns (seconds, peak RSS in MB, stdout, stderr).

    Peak memory comes from GNU time wrapped around the process alone: the rusage of a child forked from
    this Python process would also count the pages it shares with the parent."""
    wrapped = [GNU_TIME, "-f", "%M", *map(str, cmd)] if os.path.exists(GNU_TIME) else list(map(str, cmd))
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(wrapped, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    peak = usage.ru_maxrss / 1024
    if wrapped[0] == GNU_TIME:
        lines = stderr.rstrip("\n").split("\n")
        peak, stderr = int(lines[-1].split()[-1]) / 1024, "\n".join(lines[:-1])
    code = os.waitstatus_to_exitcode(status)
    if check and code not in (0, 1):
        sys.exit(f"{' '.join(map(str, cmd))} failed with {code}: {stderr}")
    return seconds, peak, stdout, stderr


def median_run(cmd, repeats):
    runs = [run(cmd) for _ in range(repeats)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[-1]


def timings(stderr):
    for line in stderr.splitlines():
        if line.startswith("timings:"):
            return {k: float(v) for k, v in (part.split("=") for part in line.split()[1:])}
    return {}


def highs_seconds(lp):
    try:
        import highspy
    except ImportError:
        return None, None
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(str(lp))
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    return seconds, h.getInfo().objective_function_value


def sortition_seconds(folder, seats):
    """One quota-feasible panel for the body-wide quotas, by sortition-algorithms (legacy algorithm)."""
    try:
        import sortition_algorithms as sa
    except ImportError:
        return None
    import csv
    people = list(csv.DictReader(open(folder / "nominations.csv", encoding="utf-8")))
    table = {r["iso3"]: r for r in csv.DictReader(open(ROOT / "Sources/Seatwise/Resources/countries.csv", encoding="utf-8"))}
    rows, counts = [], {}
    for p in people:
        if p["status"] == "withdrawn":
            continue
        c = table[p["country"]]
        region = c["un_regional_group"] or c["un_regional_group_geographic"]
        dev = "developed" if c["development_status"] == "developed" else "developing_or_transition"
        rows.append({"id": p["id"], "group": p["group"], "gender": p["gender"], "region": region, "development": dev})
    import yaml
    groups = yaml.safe_load(open(folder / "policy.yaml", encoding="utf-8"))["seats"]
    feats = [("group", g, s, s) for g, s in groups.items()]
    ceil = lambda p: -(-p * seats // 100)
    feats += [("gender", "female", ceil(40), seats), ("gender", "male", ceil(40), seats), ("gender", "non-binary", 0, seats)]
    feats += [("region", r, ceil(15), seats) for r in ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]]
    feats += [("development", "developing_or_transition", ceil(50), seats), ("development", "developed", 0, seats)]
    features_csv = "feature,value,min,max\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in feats)
    people_csv = "id,group,gender,region,development\n" + "".join(
        f"{r['id']},{r['group']},{r['gender']},{r['region']},{r['development']}\n" for r in rows)
    settings = sa.Settings(id_column="id", columns_to_keep=[], selection_algorithm="legacy", random_number_seed=1)
    start = time.perf_counter()
    data = sa.SelectionData(sa.CSVStringDataSource(features_csv, people_csv))
    features, _ = data.load_features(seats)
    people_obj, _ = data.load_people(settings, features)
    ok, panels, _ = sa.run_stratification(features, people_obj, seats, settings)
    seconds = time.perf_counter() - start
    return seconds if ok else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run per figure, skip 50,000")
    parser.add_argument("--markdown", help="also write the table to this file")
    args = parser.parse_args()
    if not BIN.exists():
        sys.exit("build first: swift build -c release")
    sizes = [(600, 55, 7), (5000, 200, 5), (50000, 1000, 3)]
    if args.quick:
        sizes = [(n, s, 1) for n, s, _ in sizes[:2]]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for nominees, seats, repeats in sizes:
            folder = tmp / f"n{nominees}"
            run([BIN, "generate", "--nominees", str(nominees), "--seats", str(seats), "--seed", "3", "--output", folder])
            select = [BIN, "select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--format", "json",
                      "--output", folder / "panel.json", "--timings"]
            e2e, peak, last = median_run(select, repeats)
            solves = [timings(run(select)[3]) for _ in range(repeats)]
            solve = statistics.median(t["model"] + t["solve"] for t in solves)
            read = statistics.median(t["read"] for t in solves)
            lp = folder / "model.lp"
            run([BIN, "export-lp", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--output", lp])
            cbc = statistics.median(run(["cbc", lp, "solve", "solution", folder / "cbc.txt"])[0] for _ in range(repeats))
            highs = [highs_seconds(lp)[0] for _ in range(repeats)]
            highs = statistics.median(highs) if None not in highs else None
            sortition = sortition_seconds(folder, seats)
            rows.append((f"{nominees:,} / {seats:,}", e2e, read, solve, peak, cbc, highs, sortition))
        explain_rows = []
        for nominees, seats in [(600, 55), (3000, 275)]:
            folder = tmp / f"e{nominees}"
            run([BIN, "generate", "--nominees", str(nominees), "--seats", str(seats), "--seed", "3", "--output", folder])
            seconds, peak, _ = median_run([BIN, "explain", folder / "nominations.csv", "--policy", folder / "policy.yaml",
                                           "--format", "json", "--output", folder / "explain.json"], 1 if args.quick else 3)
            explain_rows.append((f"{nominees:,} / {seats:,}", seconds, peak))
        limit_rows = (limits.rows(BIN, tmp) + limits.what_if_rows(BIN, tmp) + limits.http_what_if_rows(BIN, tmp) + limits.workbench_rows(BIN, tmp)
                      + spreadsheets.rows(BIN, tmp) + turnover.rows(BIN, tmp) + bodies.rows(BIN, tmp) + study.rows(BIN, tmp)
                      + hostile_workbooks.rows(BIN, tmp))

    fmt = lambda s: "–" if s is None else f"{s:.3f} s"
    ratio = lambda a, b: "–" if a is None or not b else f"{a / b:.1f}×"
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; GLPK via seatwise "
        f"{subprocess.run([BIN, '--version'], capture_output=True, text=True).stdout.strip()}",
        "",
        "| nominees / seats | select end to end | of which reading | solve only (model + GLPK) | peak memory | CBC (process) | HiGHS (solve) | sortition-algorithms (one feasible panel) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, e2e, read, solve, peak, cbc, highs, sortition in rows:
        lines.append(f"| {label} | {fmt(e2e)} | {fmt(read)} | {fmt(solve)} | {peak:.0f} MB | {fmt(cbc)} ({ratio(cbc, solve)}) | "
                     f"{fmt(highs)} ({ratio(highs, solve)}) | {fmt(sortition)} ({ratio(sortition, e2e)}) |")
    lines += ["", "| explanation pack, nominees / seats | time (whole process) | peak memory |", "|---|---:|---:|"]
    for label, seconds, peak in explain_rows:
        lines.append(f"| {label} | {fmt(seconds)} | {peak:.0f} MB |")
    with tempfile.TemporaryDirectory() as tmp:
        lines += ["", lottery.table(lottery.rows(BIN, tmp, sizes=((300, 30), (2000, 60))))]
    lines += ["", "| limit | run | figure |", "|---|---|---|"]
    lines += [f"| {kind} | {label} | {figure} |" for kind, label, figure in limit_rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text)


if __name__ == "__main__":
    main()
