"""Lottery figures for `make bench`: Seatwise's maximin and LEXIMIN (`seatwise lottery`, whole processes)
against sortition-algorithms' maximin (find_distribution_maximin, HiGHS backend) on the same pools and the
same rules — seats per group and body-wide quotas, which both can express — at 300/30 and 2,000/60: the
proved minimum chance of each, and the time. Usage: python3 bench/lottery.py [--sizes 300:30,2000:60]"""
import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".build/release/seatwise"
REGIONS = ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]


def instance(binary, folder, nominees, seats):
    """A generated MAG-shaped pool, and a policy with only what sortition-algorithms can say: each group's
    seats, and body-wide minimums for gender, every region and developing countries."""
    subprocess.run([str(binary), "generate", "--nominees", str(nominees), "--seats", str(seats), "--seed", "5", "--output", str(folder)],
                   check=True, capture_output=True)
    policy = yaml.safe_load(open(folder / "policy.yaml", encoding="utf-8"))
    body = {"body": f"Lottery benchmark {nominees}/{seats}", "seats": policy["seats"],
            "quotas": [{"attribute": "gender", "value": "female", "min": "40%"}, {"attribute": "gender", "value": "male", "min": "40%"},
                       {"attribute": "region", "each": True, "min": "15%"},
                       {"attribute": "development", "values": ["developing", "economy_in_transition"], "min": "50%"}],
            "objective": "lottery"}
    (folder / "lottery.yaml").write_text(yaml.safe_dump(body, sort_keys=False), encoding="utf-8")
    # Every nominee is new here: continuing members and term limits are Seatwise's, not theirs.
    rows = list(csv.DictReader(open(folder / "nominations.csv", encoding="utf-8")))
    with open(folder / "pool.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        for r in rows:
            if r["status"] != "withdrawn":
                w.writerow(dict(r, status="new", terms="0"))
    return folder / "pool.csv", folder / "lottery.yaml", body


def seatwise(binary, pool, policy, method):
    start = time.perf_counter()
    done = subprocess.run([str(binary), "lottery", str(pool), "--policy", str(policy), "--method", method, "--format", "json"],
                          check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds, json.loads(done.stdout)


def theirs(pool, body, seats):
    """sortition-algorithms' maximin on the same people and bounds; its minimum over the people it covers."""
    import sortition_algorithms as sa
    from sortition_algorithms.committee_generation import find_distribution_maximin
    table = {r["iso3"]: r for r in csv.DictReader(open(ROOT / "Sources/Seatwise/Resources/countries.csv", encoding="utf-8"))}
    people = list(csv.DictReader(open(pool, encoding="utf-8")))
    ceil = lambda p: -(-p * seats // 100)
    feats = [("group", g, s, s) for g, s in body["seats"].items()]
    genders = sorted({p["gender"] for p in people})
    feats += [("gender", g, ceil(40) if g in ("female", "male") else 0, seats) for g in genders]
    region = lambda c: table[c]["un_regional_group"] or table[c]["un_regional_group_geographic"]
    feats += [("region", r, ceil(15), seats) for r in REGIONS]
    dev = lambda c: "developed" if table[c]["development_status"] == "developed" else "developing_or_transition"
    feats += [("development", "developing_or_transition", ceil(50), seats), ("development", "developed", 0, seats)]
    features_csv = "feature,value,min,max\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in feats)
    people_csv = "id,group,gender,region,development\n" + "".join(
        f"{p['id']},{p['group']},{p['gender']},{region(p['country'])},{dev(p['country'])}\n" for p in people)
    settings = sa.Settings(id_column="id", columns_to_keep=[], selection_algorithm="maximin", random_number_seed=1)
    data = sa.SelectionData(sa.CSVStringDataSource(features_csv, people_csv))
    features, _ = data.load_features(seats)
    people_obj, _ = data.load_people(settings, features)
    start = time.perf_counter()
    committees, probabilities, _ = find_distribution_maximin(features, people_obj, seats, [])
    seconds = time.perf_counter() - start
    chance = {}
    for committee, p in zip(committees, probabilities):
        for person in committee:
            chance[person] = chance.get(person, 0) + p
    return seconds, min(chance.values())


def rows(binary, tmp, sizes=((300, 30), (2000, 60)), compare=True):
    out = []
    for nominees, seats in sizes:
        folder = Path(tmp) / f"lottery{nominees}"
        pool, policy, body = instance(binary, folder, nominees, seats)
        maximin_s, maximin = seatwise(binary, pool, policy, "maximin")
        leximin_s, leximin = seatwise(binary, pool, policy, "leximin")
        theirs_s, theirs_min = theirs(pool, body, seats) if compare else (None, None)
        out.append((nominees, seats, maximin_s, maximin["minimum"], maximin["gap"], leximin_s, leximin["minimum"], len(leximin["levels"]),
                    len(leximin["distribution"]), theirs_s, theirs_min))
    return out


def table(results):
    lines = ["| nominees / seats | Seatwise maximin | its minimum (gap) | Seatwise LEXIMIN | its minimum, levels, panels | sortition-algorithms maximin | its minimum | speed-up (maximin) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for n, k, ms, mmin, gap, ls, lmin, levels, panels, ts, tmin in results:
        their = f"{ts:.1f} s" if ts is not None else "not run"
        lines.append(f"| {n:,} / {k} | {ms:.2f} s | {mmin:.6f} ({gap:.1e}) | {ls:.2f} s | {lmin:.6f}, {levels}, {panels:,} | {their} | "
                     f"{tmin:.6f} | {ts / ms:.0f}× |" if ts is not None else
                     f"| {n:,} / {k} | {ms:.2f} s | {mmin:.6f} ({gap:.1e}) | {ls:.2f} s | {lmin:.6f}, {levels}, {panels:,} | {their} | – | – |")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300:30,2000:60")
    parser.add_argument("--no-compare", action="store_true", help="skip sortition-algorithms (740 s at 2,000/60)")
    args = parser.parse_args()
    sizes = [tuple(map(int, s.split(":"))) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        print(table(rows(BIN if BIN.exists() else sys.exit("build the release binary first"), tmp, sizes, not args.no_compare)))
