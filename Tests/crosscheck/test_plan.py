"""`seatwise plan`: each year lists exactly the members whose term limit ends their service (withdrawn
members in year 1), the open seats follow from them (and from newcomers of max_terms years before); and
`--even` finds, per group, the evenest calendar brute force finds (fewest seats opening in one year, then
the least sum of squares, then fewest and shortest early rotations), never less even than without it."""

import csv
import io
import itertools
import random

import pytest
import yaml

from conftest import report

MAX_TERMS = 3


def random_roster(seed):
    rng = random.Random(seed)
    groups = [f"G{k + 1}" for k in range(rng.randint(1, 3))]
    seats = {g: rng.randint(3, 7) for g in groups}
    members = []
    for g in groups:
        for k in range(seats[g] - (1 if rng.random() < 0.2 else 0)):
            status = rng.choices(["continuing", "withdrawn", "required"], [90, 5, 5])[0]
            members.append(dict(id=f"{g}-{k}", name=f"Member {g}-{k}", group=g, gender=rng.choice(["female", "male"]),
                                country="KEN", status=status, terms=str(rng.randint(0, 3))))
    return members, seats, rng.randint(2, 6)


def limit_year(m):
    if m["status"] == "withdrawn":
        return 1
    if m["status"] == "required":
        return None
    return max(1, MAX_TERMS - int(m["terms"]) + 1)


def calendar(members, seats, years, leave):
    """open[year][group] with member i leaving in leave[i] (None: not within the plan)."""
    opened = []
    for y in range(1, years + 1):
        row = {}
        for g, s in seats.items():
            vacant = max(0, s - sum(1 for m in members if m["group"] == g)) if y == 1 else 0
            back = opened[y - MAX_TERMS - 1][g] if y > MAX_TERMS else 0
            row[g] = sum(1 for i, m in enumerate(members) if m["group"] == g and leave[i] == y) + vacant + back
        opened.append(row)
    return opened


def score(opened, group, moves, distance):
    counts = [row[group] for row in opened]
    return (max(counts), sum(c * c for c in counts), moves, distance)


def brute_force(members, seats, years, group):
    limits = [limit_year(m) for m in members]
    movable = [i for i, m in enumerate(members) if m["group"] == group and limits[i] is not None
               and 1 < limits[i] <= years and m["status"] != "withdrawn"]
    best = None
    for choice in itertools.product(*[range(max(1, limits[i] - 2), limits[i] + 1) for i in movable]):
        leave = list(limits)
        for i, y in zip(movable, choice):
            leave[i] = y
        moves = sum(1 for i, y in zip(movable, choice) if y < limits[i])
        distance = sum(limits[i] - y for i, y in zip(movable, choice))
        s = score(calendar(members, seats, years, leave), group, moves, distance)
        best = s if best is None or s < best else best
    return best


def run(seatwise, tmp_path, members, seats, years, *extra):
    roster = tmp_path / "roster.csv"
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(members[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(members)
    roster.write_text(out.getvalue(), encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(yaml.safe_dump({"body": "Plan", "seats": seats, "rules": {"max_terms": MAX_TERMS}}), encoding="utf-8")
    return report(seatwise("plan", roster, "--policy", policy, "--years", years, "--format", "json", *extra, expect=0))


@pytest.mark.parametrize("seed", range(16))
def test_plan_and_even_proposal(seatwise, tmp_path, seed):
    members, seats, years = random_roster(seed)
    limits = [limit_year(m) for m in members]
    doc = run(seatwise, tmp_path, members, seats, years, "--even")
    expected = calendar(members, seats, years, limits)
    for y, entry in enumerate(doc["years"], start=1):
        assert entry["year"] == y
        assert sorted(entry["leaving"]) == sorted(m["id"] for m, l in zip(members, limits) if l == y)
        assert entry["open"] == expected[y - 1]
    proposal = doc["proposal"]
    assert proposal is not None and "not a rule" in proposal["advice"]
    leave = list(limits)
    index = {m["id"]: i for i, m in enumerate(members)}
    for r in proposal["rotations"]:
        i = index[r["id"]]
        assert r["limit_year"] == limits[i] and r["year"] < limits[i] and limits[i] - r["year"] <= 2 and r["year"] >= 1
        assert r["reason"].startswith(f"leaves in year {r['year']} rather than {limits[i]}")
        leave[i] = r["year"]
    after = calendar(members, seats, years, leave)
    for y, entry in enumerate(proposal["years"], start=1):
        assert entry["open"] == after[y - 1]
    for g in seats:
        moved = [r for r in proposal["rotations"] if members[index[r["id"]]]["group"] == g]
        got = score(after, g, len(moved), sum(r["limit_year"] - r["year"] for r in moved))
        assert got == brute_force(members, seats, years, g), g
        before = score(expected, g, 0, 0)
        assert got[:2] <= before[:2] and got[0] <= before[0]
        assert proposal["peak_after"][g] == got[0] and proposal["peak_before"][g] == before[0]


def test_plan_without_even_has_no_proposal(seatwise, tmp_path):
    members, seats, years = random_roster(3)
    doc = run(seatwise, tmp_path, members, seats, years)
    assert doc["proposal"] is None
    assert len(doc["years"]) == years


def test_announced_departures_leave_in_year_one(seatwise, tmp_path):
    members, seats, years = random_roster(5)
    gone = next(m["id"] for m in members if limit_year(m) not in (None, 1))
    doc = run(seatwise, tmp_path, members, seats, years, "--leaving", gone, "--reason", "new post")
    assert gone in doc["years"][0]["leaving"]
    assert {"id": gone, "year": 1, "reason": "announced departure: new post"} in doc["leavers"]


def test_an_office_never_leaves_by_the_term_limit(seatwise, tmp_path):
    """An ex officio seat belongs to an office: the calendar never opens it, whatever the terms served."""
    members, seats, years = random_roster(7)
    office = next(m for m in members if m["status"] != "withdrawn" and limit_year(m) is not None)
    office["status"], office["terms"] = "ex_officio", str(MAX_TERMS + 2)
    doc = run(seatwise, tmp_path, members, seats, years)
    assert office["id"] not in {leaver["id"] for leaver in doc["leavers"]}
    assert all(office["id"] not in year["leaving"] for year in doc["years"])
