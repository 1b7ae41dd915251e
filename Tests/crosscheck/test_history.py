"""History (docs/guide/several-bodies.md, "History"): past compositions given with --history. On generated bodies with three to
five past rosters, the terms each nominee has served and the seats each country held are computed by an
independent reading of the same files, and the panel and its explanations agree with HiGHS on that model
(term limits and a rule for countries not seated lately included); a typed terms column that disagrees
is a warning naming its line; verify needs the same history; bad history files and a policy asking for
history without any are refused with their place; the MAG example with its history seats a chair from
the host country."""

import json
import random

import pytest

import independent_model as im
from conftest import ROOT, report
from random_bodies import body
from test_explanations import check

CODES = ["KEN", "DEU", "BRA", "IND", "FRA", "JPN", "POL", "MEX", "EGY", "CAN", "THA", "UKR", "PER", "GHA", "NOR", "VNM"]


def history_body(seed, tmp_path):
    """A random body whose countries are real codes, with 3 to 5 past rosters (one file per year, or one
    file with a year column) of some of its nominees and of members not nominated now."""
    rng = random.Random(seed)
    csv_text, policy = body(2100 + seed, rng.choice([30, 40]))
    lines = csv_text.strip().split("\n")
    rows = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[4] = CODES[int(cells[4][1:]) % len(CODES)]
        rows.append(",".join(cells))
    ids = [r.split(",")[0] for r in rows[1:]]
    years = list(range(2020, 2020 + rng.randint(3, 5)))
    size = sum(policy["seats"].values())
    rosters = {}
    for y in years:
        sitting = rng.sample(ids, min(len(ids), size // 2))
        past = [(f"PAST-{y}-{k}", rng.choice(CODES[:6])) for k in range(size - len(sitting))]
        rosters[y] = [(i, next(r.split(",")[4] for r in rows[1:] if r.startswith(i + ","))) for i in sitting] + past
    files = []
    if rng.random() < 0.5:
        for y in years:
            path = tmp_path / f"roster-{y}.csv"
            path.write_text("id,name,country\n" + "".join(f"{i},Past {i},{c}\n" for i, c in rosters[y]), encoding="utf-8")
            files.append(path)
    else:
        path = tmp_path / "history.csv"
        path.write_text("id,country,year\n" + "".join(f"{i},{c},{y}\n" for y in years for i, c in rosters[y]), encoding="utf-8")
        files.append(path)
    window = rng.choice([None, 2, 3])
    policy["history"] = {"compositions": window} if window else {}
    if rng.random() < 0.6:
        policy["history"]["prefer"] = "fewer_country_seats"
    policy["rules"]["max_terms"] = rng.choice([2, 3])
    policy["quotas"].append({"attribute": "country_past_seats", "value": "0", "min": rng.randint(1, 3)})
    return "\n".join(rows) + "\n", policy, files


@pytest.mark.parametrize("seed", range(20))
def test_terms_and_past_seats_come_from_the_history_and_the_panel_is_optimal(seatwise, write_body, tmp_path, seed):
    for attempt in range(20):
        csv_text, policy, files = history_body(seed * 43 + attempt, tmp_path)
        nominations, policy_path = write_body(csv_text, policy)
        history = ["--history", *files]
        if seatwise("select", nominations, "--policy", policy_path, *history).returncode == 0:
            break
    else:
        pytest.skip("no feasible body drawn")
    inst = im.load(nominations, policy_path, history=files)
    doc = report(seatwise("select", nominations, "--policy", policy_path, *history, "--format", "json", expect=0))
    by_id = {n.id: n for n in inst.nominees}
    for m in doc["selected"]:
        assert m["terms"] == by_id[m["id"]].terms, m["id"]
        assert m["attributes"]["country_past_seats"] == by_id[m["id"]].attrs["country_past_seats"], m["id"]
    # The typed terms column disagrees with the history for some rows: each is a warning with its line.
    assert any("warning: terms:" in note and "history" in note for note in doc["notes"])
    # Optimality and every explanation, on the independent model with the history applied.
    import functools
    check(seatwise, nominations, policy_path, loader=functools.partial(im.load, history=files), extra=history)
    # Each seated country's seats in the compositions counted.
    counted = doc["history"]["years"]
    assert len(counted) == (policy["history"].get("compositions") or len(counted))
    for m in doc["selected"]:
        assert sum(doc["history"]["countries"][m["country"]]) == int(m["attributes"]["country_past_seats"])


def test_verify_needs_the_same_history(seatwise, write_body, tmp_path):
    csv_text, policy, files = history_body(5, tmp_path)
    nominations, policy_path = write_body(csv_text, policy)
    out = tmp_path / "report.json"
    done = seatwise("select", nominations, "--policy", policy_path, "--history", *files, "--format", "json", "--output", out)
    if done.returncode != 0:
        pytest.skip("infeasible draw")
    assert seatwise("verify", out, nominations, "--policy", policy_path, "--history", *files).returncode == 0
    refused = seatwise("verify", out, nominations, "--policy", policy_path)
    assert refused.returncode == 2 and "--history" in refused.stderr


def test_bad_history_is_refused_with_its_place(seatwise, write_body, tmp_path):
    csv_text, policy, _ = history_body(6, tmp_path)
    nominations, policy_path = write_body(csv_text, policy)
    bad = tmp_path / "past.csv"
    bad.write_text("id,country,year\nA,KEN,2020\nB,Narnia,2021\nC,KEN,twenty\n", encoding="utf-8")
    done = seatwise("check", nominations, "--policy", policy_path, "--history", bad)
    assert done.returncode == 2
    assert f"{bad}:3:" in done.stderr and "Narnia" in done.stderr and f"{bad}:4:" in done.stderr, done.stderr
    nameless = tmp_path / "past-roster.csv"
    nameless.write_text("id,country\nA,KEN\n", encoding="utf-8")
    done = seatwise("check", nominations, "--policy", policy_path, "--history", nameless)
    assert done.returncode == 2 and "year" in done.stderr
    done = seatwise("check", nominations, "--policy", policy_path)
    assert done.returncode == 2 and "history" in done.stderr and "--history" in done.stderr


def test_the_mag_example_with_its_history(seatwise):
    folder = ROOT / "examples/mag-history"
    files = sorted((folder / "history").glob("*.csv"))
    doc = report(seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--history", *files,
                          "--format", "json", expect=0))
    chair = [m for m in doc["selected"] if m["role"] == "Chair"]
    assert len(chair) == 1 and chair[0]["country"] == "POL"
    assert len({m["person"] for m in doc["selected"]}) == len(doc["selected"]) == 51
    inst = im.load(ROOT / "examples/mag/nominations.csv", ROOT / "examples/mag/policy.yaml")
    typed = {n.id: n.terms for n in inst.nominees}
    # The history gives back the terms the original file typed in (capped at the three compositions).
    assert all(m["terms"] == min(3, typed[m["person"]]) for m in doc["selected"])
    assert doc["history"]["years"] == [2023, 2024, 2025]
    new_countries = [m for m in doc["selected"] if m["attributes"]["country_past_seats"] == "0"]
    assert len(new_countries) >= 26


@pytest.mark.parametrize("seed", range(4))
def test_brute_force_agrees_on_small_bodies(seatwise, write_body, tmp_path, seed):
    import brute_force
    for attempt in range(40):
        csv_text, policy, files = history_body(7000 + seed * 61 + attempt, tmp_path)
        lines = csv_text.strip().split("\n")
        small = "\n".join(lines[:1] + [l for l in lines[1:] if int(l.split(",")[0].split("-")[1]) < 4]) + "\n"
        nominations, policy_path = write_body(small, policy)
        inst = im.load(nominations, policy_path, history=files)
        if brute_force.panels(inst, im.fixings_of(inst)) <= 200_000 and \
                seatwise("select", nominations, "--policy", policy_path, "--history", *files).returncode == 0:
            break
    else:
        pytest.skip("no small feasible body drawn")
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--history", *files, "--format", "json", expect=0))
    assert doc["objective"]["value"] == brute_force.best_rank_sum(inst, im.fixings_of(inst))[0]


def test_a_lottery_and_an_audit_take_the_history_too(seatwise, write_body, tmp_path):
    for attempt in range(20):
        csv_text, policy, files = history_body(900 + attempt, tmp_path)
        policy["objective"] = "lottery"
        nominations, policy_path = write_body(csv_text, policy)
        out = tmp_path / "lottery.json"
        if seatwise("lottery", nominations, "--policy", policy_path, "--history", *files, "--format", "json", "--output", out).returncode == 0:
            break
    else:
        pytest.skip("no feasible body drawn")
    doc = json.loads(out.read_text())
    assert doc["inputs"]["history_sha256"] and len(doc["inputs"]["history_sha256"]) == len(files)
    assert seatwise("verify", out, nominations, "--policy", policy_path, "--history", *files).returncode == 0
    assert seatwise("verify", out, nominations, "--policy", policy_path).returncode == 2
    # An audit of one drawn panel with the same history judges the history rule as the lottery does.
    panel = set(doc["distribution"][0]["panel"])
    lines = nominations.read_text(encoding="utf-8").strip().split("\n")
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join([lines[0]] + [l for l in lines[1:] if l.split(",")[0] in panel]) + "\n", encoding="utf-8")
    audited = report(seatwise("audit", roster, "--policy", policy_path, "--pool", nominations, "--history", *files, "--format", "json"))
    rule = [q for q in audited["quotas"] if q["attribute"] == "country_past_seats"]
    assert rule and all(q["verdict"].startswith("met") for q in rule), rule
