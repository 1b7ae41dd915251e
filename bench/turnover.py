"""Turnover figures for `make bench`, whole processes at 600/55 and 5,000/200: `select --alternates 3`
(every seat's alternates and the reserve list) against a plain `select`; `replace` of three members
(the sitting body is the chosen panel, the pool the nominations); `vacancies` and `plan --years 6 --even`
on the same body."""
import csv
import json
import statistics
import subprocess
import time
from pathlib import Path


def seconds(cmd, repeats=5):
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(list(map(str, cmd)), check=True, capture_output=True)
        out.append(time.perf_counter() - start)
    return statistics.median(out)


def rows(binary, tmp):
    out = []
    for nominees, seats in [(600, 55), (5000, 200)]:
        folder = Path(tmp) / f"turnover{nominees}"
        subprocess.run([str(binary), "generate", "--nominees", str(nominees), "--seats", str(seats), "--seed", "3", "--output", str(folder)],
                       check=True, capture_output=True)
        base = [binary, "select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--format", "json", "--output", folder / "out.json"]
        plain, alternates = seconds(base), seconds(base + ["--alternates", "3"])
        out.append(("alternates", f"select --alternates 3 at {nominees:,} / {seats:,} (whole process; plain select)",
                    f"{alternates:.3f} s ({plain:.3f} s)"))
        # The sitting body: the panel, as a roster (terms 1 to 3, so the term limit opens some seats).
        panel = {m["id"] for m in json.loads((folder / "out.json").read_text())["selected"]}
        with open(folder / "nominations.csv", newline="") as f:
            reader = csv.DictReader(f)
            members = [r for r in reader if r["id"] in panel]
            columns = reader.fieldnames
        with open(folder / "roster.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=columns)
            w.writeheader()
            for k, r in enumerate(members):
                w.writerow(dict(r, status="continuing", terms=str(1 + k % 3)))
        vacate = ",".join(r["id"] for r in members[:: max(1, len(members) // 3)][:3])
        roster = [folder / "roster.csv", "--policy", folder / "policy.yaml", "--format", "json"]
        replace = seconds([binary, "replace", *roster, "--pool", folder / "nominations.csv", "--vacate", vacate, "--output", folder / "replace.json"])
        out.append(("replace", f"replace 3 members at {nominees:,} / {seats:,} (whole process, with each replacement explained)", f"{replace:.3f} s"))
        vacancies = seconds([binary, "vacancies", *roster, "--output", folder / "vacancies.json"], repeats=3)
        out.append(("vacancies", f"vacancies at {seats:,} seats (exact newcomer range of every quota row)", f"{vacancies:.3f} s"))
        plan = seconds([binary, "plan", *roster, "--years", "6", "--even", "--output", folder / "plan.json"], repeats=3)
        out.append(("plan", f"plan --years 6 --even at {seats:,} seats", f"{plan:.3f} s"))
    return out
