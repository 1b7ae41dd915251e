"""Spreadsheet figures for `make bench`: reading 50,000 nominees from an .xlsx workbook (as openpyxl and as
LibreOffice write it) against the same CSV, from `select --timings` (the read phase: the file parsed,
validated and checked against the policy), and writing a report workbook."""
import csv
import shutil
import statistics
import subprocess
from pathlib import Path


def read_seconds(binary, nominations, policy, repeats=3):
    out = []
    for _ in range(repeats):
        done = subprocess.run([str(binary), "select", str(nominations), "--policy", str(policy), "--format", "json",
                               "--output", str(Path(nominations).with_suffix(".json")), "--timings"],
                              capture_output=True, text=True)
        for line in done.stderr.splitlines():
            if line.startswith("timings:"):
                out.append(float(dict(p.split("=") for p in line.split()[1:])["read"]))
    return statistics.median(out) if out else None


def rows(binary, tmp, nominees=50_000, seats=1000):
    import openpyxl
    folder = Path(tmp) / "xlsx"
    subprocess.run([str(binary), "generate", "--nominees", str(nominees), "--seats", str(seats), "--seed", "3", "--output", str(folder)],
                   check=True, capture_output=True)
    source = folder / "nominations.csv"
    policy = folder / "policy.yaml"
    table = list(csv.reader(open(source, encoding="utf-8")))
    numbers = {k for k, name in enumerate(table[0]) if name in ("rank", "terms")}
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Nominations")
    for r, row in enumerate(table):
        ws.append([float(v) if r and k in numbers and v else v for k, v in enumerate(row)])
    wb.save(folder / "openpyxl.xlsx")
    out = [("xlsx", f"read {nominees:,} nominees from CSV (select's read phase)", f"{read_seconds(binary, source, policy):.3f} s"),
           ("xlsx", f"read {nominees:,} nominees from .xlsx written by openpyxl", f"{read_seconds(binary, folder / 'openpyxl.xlsx', policy):.3f} s")]
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office:
        subprocess.run([office, "--headless", "--convert-to", "xlsx", "--outdir", str(folder / "lo"), str(source)], capture_output=True, timeout=600)
        converted = folder / "lo" / "nominations.xlsx"
        if converted.exists():
            out.append(("xlsx", f"read {nominees:,} nominees from .xlsx written by LibreOffice (shared strings)",
                        f"{read_seconds(binary, converted, policy):.3f} s"))
    seconds = []
    for _ in range(3):
        done = subprocess.run(["/usr/bin/time", "-f", "%e", str(binary), "select", str(source), "--policy", str(policy),
                               "--output", str(folder / "report.xlsx")], capture_output=True, text=True)
        seconds.append(float(done.stderr.strip().splitlines()[-1]))
    out.append(("xlsx", f"select {nominees:,} / {seats:,} with an .xlsx report (whole process)", f"{statistics.median(seconds):.3f} s"))
    return out
