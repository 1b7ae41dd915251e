"""Several bodies from one pool, for `make bench`: an assessment report's author teams (12 chapters of 2
coordinating lead authors, 8 lead authors and 2 review editors, from 1,200 nominations, a quarter of them
for two chapters) and 10 bodies of 20 seats from 5,000 applicants who apply for one to three. Each is
timed as a whole `select` process, with its peak memory, as select's own figures are."""
import csv
import os
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GNU_TIME = "/usr/bin/time"


def countries():
    with open(ROOT / "Sources/Seatwise/Resources/countries.csv", encoding="utf-8") as f:
        return [r["iso3"] for r in csv.DictReader(f) if r["un_member_state"] == "yes" and r["un_regional_group"]]


def timed(cmd):
    """(seconds, peak MB) of one process, its peak from GNU time around it alone."""
    wrapped = [GNU_TIME, "-f", "%M", *map(str, cmd)] if os.path.exists(GNU_TIME) else list(map(str, cmd))
    start = time.perf_counter()
    done = subprocess.run(wrapped, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed: {done.stderr[-500:]}")
    peak = int(done.stderr.strip().split("\n")[-1]) / 1024 if wrapped[0] == GNU_TIME else 0
    return seconds, peak


def assessment(folder, nominations=1200, chapters=12, seed=5):
    rng = random.Random(seed)
    codes = countries()
    names = [f"Chapter {k + 1}" for k in range(chapters)]
    roles = ["Coordinating lead authors", "Lead authors", "Review editors"]
    rows = [["id", "name", "group", "bodies", "gender", "country", "rank", "new_author"]]
    for k in range(nominations):
        role = rng.choices(roles + ["Coordinating lead authors; Lead authors"], [0.12, 0.62, 0.14, 0.12])[0]
        picked = rng.sample(names, rng.choices([1, 2], [0.75, 0.25])[0])
        rows.append([f"A{k:05d}", f"Author {k}", role, "; ".join(picked), rng.choice(["female", "male", "male"]),
                     rng.choice(codes), rng.randint(1, 60), rng.choice(["yes", "no"])])
    team = "\n".join(f"      {r}: {{ seats: {s}, role: true }}" for r, s in zip(roles, (2, 8, 2)))
    bodies = "".join(f"  {n}:\n    seats:\n{team}\n    quotas:\n      - {{ attribute: development, value: developed, min: 1, max: 1, group: Coordinating lead authors }}\n"
                     for n in names)
    policy = ("body: Assessment report (bench)\nbodies:\n" + bodies +
              "quotas:\n  - { attribute: development, values: [developing, economy_in_transition], min: 40% }\n"
              "  - { attribute: gender, value: female, min: 35% }\n  - { attribute: new_author, value: \"yes\", min: 30% }\n"
              "  - { attribute: region, each: true, min: 10% }\n  - { attribute: country, each: true, max: 6 }\n"
              "tie_break: { seed: 5 }\n")
    return write(folder, rows, policy)


def ten_bodies(folder, applicants=5000, seed=6):
    rng = random.Random(seed)
    codes = countries()
    names = [f"Body {k + 1}" for k in range(10)]
    rows = [["id", "name", "bodies", "gender", "country", "rank"]]
    for k in range(applicants):
        picked = rng.sample(names, rng.choices([1, 2, 3], [0.5, 0.35, 0.15])[0])
        rows.append([f"P{k:05d}", f"Applicant {k}", "; ".join(picked), rng.choice(["female", "male", "male", "non-binary"]),
                     rng.choice(codes), "; ".join(str(rng.randint(1, 200)) for _ in picked)])
    bodies = "".join(f"  {n}:\n    seats: 20\n    quotas:\n      - {{ attribute: gender, value: female, min: 40% }}\n"
                     f"      - {{ attribute: region, each: true, min: 2 }}\n" for n in names)
    policy = ("body: Ten bodies (bench)\nbodies:\n" + bodies +
              "quotas:\n  - { attribute: development, values: [developing, economy_in_transition], min: 50% }\n"
              "  - { attribute: country, each: true, max: 4 }\ntie_break: { seed: 6 }\n")
    return write(folder, rows, policy)


def write(folder, rows, policy):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "nominations.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    (folder / "policy.yaml").write_text(policy, encoding="utf-8")
    return folder


def rows(binary, tmp, repeats=3):
    out = []
    for label, make in [("assessment report: 12 chapters × 12 places (144 seats) from 1,200 nominations", assessment),
                        ("10 bodies × 20 seats from 5,000 applicants (1 to 3 bodies each)", ten_bodies)]:
        folder = make(Path(tmp) / make.__name__)
        cmd = [binary, "select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--format", "json", "--output", folder / "out.json"]
        runs = [timed(cmd) for _ in range(repeats)]
        out.append(("several bodies", f"select, {label} (whole process)",
                    f"{statistics.median(r[0] for r in runs):.3f} s, peak {max(r[1] for r in runs):.0f} MB"))
    return out


if __name__ == "__main__":
    import sys
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build/release/seatwise"
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows(binary, tmp, repeats=1):
            print(" | ".join(row))
