"""Turnover figures for `make bench`: `select --alternates 3` (every seat's alternates and the reserve
list) against a plain `select`, whole processes, at 600/55 and 5,000/200."""
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
    return out
