"""`seatwise vacancies`: every newcomer range is exact. An independent count model, written here from the
issue's words with every kind of newcomer spelled out (women, men and each gender the policy or roster names; each country
a staying member is from, or a fresh one of every region and development pair the reference table holds;
each organization a staying member is in, or a fresh one), is solved with HiGHS for the fewest and most
newcomers each row allows; Seatwise's ranges must equal them. Random rosters have rows that interact."""

import csv
import functools
import io
import math
import random

import highspy
import pytest

from conftest import report
from independent_model import COUNTRIES, bound_value, norm

COUNTRY_POOL = ["KEN", "NGA", "SEN", "EGY", "IND", "JPN", "IDN", "PAK", "POL", "UKR", "GEO", "BRA", "MEX", "ARG",
                "DEU", "FRA", "CAN", "SWE"]


@functools.cache
def table():
    with open(COUNTRIES, encoding="utf-8") as f:
        return {r["iso3"]: (r["un_regional_group"], r["development_status"]) for r in csv.DictReader(f)}


def classes():
    return sorted({v for v in table().values() if v[0] and v[1]})


def random_case(seed):
    rng = random.Random(seed)
    groups = [f"G{k + 1}" for k in range(rng.randint(2, 3))]
    seats = {g: rng.randint(3, 7) for g in groups}
    members, leaving = [], []
    for g in groups:
        for k in range(seats[g]):
            mid = f"{g}-{k}"
            members.append(dict(id=mid, name=f"Member {mid}", group=g, gender=rng.choice(["female", "male", "male", "non-binary"]),
                                country=rng.choice(COUNTRY_POOL), organization=f"Org{rng.randint(1, 40)}", status="continuing",
                                terms=str(rng.randint(1, 3))))
            if rng.random() < 0.15:
                leaving.append(mid)
    total = sum(seats.values())
    options = [
        lambda: {"attribute": "gender", "value": "female", "min": f"{rng.choice([30, 40, 50])}%"},
        lambda: {"attribute": "gender", "value": "male", "max": "50%"},
        lambda: {"attribute": "gender", "value": "female", "min": rng.randint(1, 2), "per": "group"},
        lambda: {"attribute": "region", "each": True, "min": rng.randint(1, 2)},
        lambda: {"attribute": "region", "each": True, "max": rng.randint(1, 2), "per": "group"},
        lambda: {"attribute": "region", "value": rng.choice(["WEOG", "African"]), "max": 1, "group": groups[0]},
        lambda: {"attribute": "country", "each": True, "max": rng.randint(1, 2), "per": "group"},
        lambda: {"attribute": "development", "values": ["developing", "economy_in_transition"], "min": "50%"},
        lambda: {"attribute": "organization", "each": True, "max": 1},
        lambda: {"attribute": "status", "value": "new", "min": 1, "per": "group"},
    ]
    quotas = [rng.choice(options)() for _ in range(rng.randint(2, 5))]
    policy = {"body": f"Random roster {seed}", "seats": seats, "quotas": quotas, "rules": {"max_terms": 3}}
    if rng.random() < 0.3:
        policy["rules"]["renewal"] = {"min_new": rng.choice(["25%", 1]), "per": rng.choice(["group", "body"])}
    return members, leaving, policy, total


def expected_ranges(members, leaving, policy):
    """Per row (quota number, scope, values): (staying, min newcomers, max newcomers) or None if infeasible."""
    seats = policy["seats"]
    staying = [m for m in members if m["id"] not in leaving and int(m["terms"]) < policy["rules"]["max_terms"]]
    people = []
    for m in staying:
        region, dev = table()[m["country"]]
        people.append({"group": m["group"], "gender": m["gender"], "country": m["country"], "region": region,
                       "development": dev, "organization": m["organization"], "status": "continuing", "fixed": True})
    named_genders = {norm(q["value"]) for q in policy["quotas"] if q["attribute"] == "gender" and "value" in q}
    genders = sorted({norm(m["gender"]) for m in members} | named_genders | {"female", "male"})
    places = [(c, *table()[c]) for c in sorted({m["country"] for m in staying})] + [(None, r, d) for r, d in classes()]
    orgs = sorted({m["organization"] for m in staying}) + [None]
    open_seats = {g: seats[g] - sum(1 for p in people if p["group"] == g) for g in seats}
    if any(v < 0 for v in open_seats.values()):
        return None
    for g in seats:
        for gender in genders:
            for country, region, dev in places:
                for org in orgs:
                    people.append({"group": g, "gender": gender, "country": country, "region": region, "development": dev,
                                   "organization": org, "status": "new", "fixed": False})
    quotas = list(policy["quotas"])
    if "renewal" in policy["rules"]:
        r = policy["rules"]["renewal"]
        q = {"attribute": "status", "value": "new", "min": r["min_new"]}
        if r.get("per") == "group":
            q["per"] = "group"
        quotas.append(q)
    rows = []
    for qi, q in enumerate(quotas):
        attr = q["attribute"]
        if q.get("per") == "group":
            scopes = list(seats.items())
        elif q.get("group"):
            scopes = [(q["group"], seats[q["group"]])]
        else:
            scopes = [(None, sum(seats.values()))]
        for group, s in scopes:
            inside = [k for k, p in enumerate(people) if group is None or p["group"] == group]
            if q.get("each"):
                value_sets = [[v] for v in sorted({norm(people[k][attr]) for k in inside if people[k][attr]})]
            elif "values" in q:
                value_sets = [[norm(v) for v in q["values"]]]
            else:
                value_sets = [[norm(q["value"])]]
            for values in value_sets:
                counted = [k for k in inside if norm(people[k][attr]) in values]
                lo = bound_value(q["min"], s, True) if "min" in q else None
                hi = bound_value(q["max"], s, False) if "max" in q else None
                rows.append(((qi + 1, group or "body", tuple(sorted(values))), counted, lo, hi, q))

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    for p in people:
        h.addVar(1, 1) if p["fixed"] else h.addVar(0, open_seats[p["group"]])
    n = len(people)
    h.changeColsIntegrality(n, list(range(n)), [highspy.HighsVarType.kInteger] * n)
    inf = highspy.kHighsInf
    for g, s in seats.items():
        idx = [k for k, p in enumerate(people) if p["group"] == g]
        h.addRow(s, s, len(idx), idx, [1.0] * len(idx))
    for _, counted, lo, hi, _ in rows:
        if lo is None and hi is None:
            continue
        h.addRow(lo if lo is not None else -inf, hi if hi is not None else inf, len(counted), counted, [1.0] * len(counted))

    def optimum(counted, sense):
        costs = [0.0] * n
        for k in counted:
            if not people[k]["fixed"]:
                costs[k] = 1.0
        h.changeColsCost(n, list(range(n)), costs)
        h.changeObjectiveSense(sense)
        h.run()
        if h.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
            return None
        assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        return round(h.getInfo().objective_function_value)

    if optimum([], highspy.ObjSense.kMinimize) is None:
        return None
    out = {}
    for key, counted, lo, hi, q in rows:
        stay = sum(1 for k in counted if people[k]["fixed"])
        out[key] = (stay, optimum(counted, highspy.ObjSense.kMinimize), optimum(counted, highspy.ObjSense.kMaximize), q)
    return out


def run(seatwise, tmp_path, members, leaving, policy):
    import yaml
    roster = tmp_path / "roster.csv"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(members[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(members)
    roster.write_text(buf.getvalue(), encoding="utf-8")
    policy_path = tmp_path / "policy.yaml"
    policy_path.write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
    extra = ["--leaving", ",".join(leaving)] if leaving else []
    done = seatwise("vacancies", roster, "--policy", policy_path, "--format", "json", *extra)
    doc = report(done)
    assert done.returncode == (0 if doc["feasible"] else 1), done.stderr
    return doc


@pytest.mark.parametrize("seed", range(24))
def test_ranges_equal_an_independent_count_model(seatwise, tmp_path, seed):
    members, leaving, policy, _ = random_case(seed)
    doc = run(seatwise, tmp_path, members, leaving, policy)
    expected = expected_ranges(members, leaving, policy)
    gone = {m["id"] for m in members if m["id"] in leaving or int(m["terms"]) >= 3}
    assert {d["id"] for d in doc["leaving"]} == gone
    assert sorted(doc["staying"]) == sorted(m["id"] for m in members if m["id"] not in gone)
    for g, s in policy["seats"].items():
        assert doc["open"][g] == max(0, s - sum(1 for m in members if m["group"] == g and m["id"] not in gone))
    if expected is None:
        assert doc["feasible"] is False and doc["problems"]
        assert all(r["min_new"] is None and r["max_new"] is None for r in doc["quotas"])
        return
    assert doc["feasible"] is True
    reported = {}
    for r in doc["quotas"]:
        key = (r["quota"], r["scope"], tuple(sorted(norm(v) for v in r["values"])))
        reported[key] = r
        stay, lo, hi, _ = expected[key]
        assert (r["staying"], r["min_new"], r["max_new"]) == (stay, lo, hi), (r["label"], stay, lo, hi)
    # A row left out is a cap (`each`, a max only) that no staying member's value reaches.
    for key, (stay, lo, hi, q) in expected.items():
        if key not in reported:
            assert q.get("each") and "min" not in q and stay == 0, key


def test_rows_that_interact_are_not_per_row_arithmetic(seatwise, tmp_path):
    """A group with 3 open seats that needs 2 women and 2 Africans cannot take 3 men, nor 3 non-Africans."""
    members = [dict(id=f"G-{k}", name=f"Member {k}", group="G", gender="male", country="DEU", organization=f"O{k}",
                    status="continuing", terms="3" if k < 3 else "1") for k in range(5)]
    policy = {"body": "Interacting rows", "seats": {"G": 5}, "rules": {"max_terms": 3},
              "quotas": [{"attribute": "gender", "value": "female", "min": 2, "per": "group"},
                         {"attribute": "region", "value": "African", "min": 2, "per": "group"},
                         {"attribute": "gender", "value": "male", "min": 3}]}
    doc = run(seatwise, tmp_path, members, [], policy)
    rows = {(r["attribute"], tuple(r["values"])): r for r in doc["quotas"]}
    assert doc["open"] == {"G": 3}
    assert (rows[("gender", ("female",))]["min_new"], rows[("gender", ("female",))]["max_new"]) == (2, 2)
    # The male minimum (3 of 5) with 2 staying men allows one male newcomer, and forces the rest female.
    assert (rows[("gender", ("male",))]["min_new"], rows[("gender", ("male",))]["max_new"]) == (1, 1)
    assert (rows[("region", ("African",))]["min_new"], rows[("region", ("African",))]["max_new"]) == (2, 3)
    expected = expected_ranges(members, [], policy)
    for r in doc["quotas"]:
        stay, lo, hi, _ = expected[(r["quota"], r["scope"], tuple(sorted(norm(v) for v in r["values"])))]
        assert (r["min_new"], r["max_new"]) == (lo, hi)


def test_a_full_cap_is_stated(seatwise, tmp_path):
    members = [dict(id="G-1", name="A", group="Government", gender="female", country="BRA", organization="O1", status="continuing", terms="1"),
               dict(id="G-2", name="B", group="Government", gender="male", country="DEU", organization="O2", status="continuing", terms="3")]
    policy = {"body": "Caps", "seats": {"Government": 2}, "rules": {"max_terms": 3},
              "quotas": [{"attribute": "country", "each": True, "max": 1, "per": "group"}]}
    doc = run(seatwise, tmp_path, members, [], policy)
    brazil = [r for r in doc["quotas"] if r["values"] == ["BRA"]][0]
    assert (brazil["staying"], brazil["min_new"], brazil["max_new"]) == (1, 0, 0)
    assert brazil["note"].startswith("no newcomer with country = BRA in Government: its one seat is held")
    assert doc["leaving"] == [{"id": "G-2", "reason": "term limit: 3 terms served (max_terms 3)"}]


def test_unknown_leaving_id_is_bad_input(seatwise, tmp_path):
    members, _, policy, _ = random_case(1)
    import yaml
    roster = tmp_path / "roster.csv"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(members[0]), lineterminator="\n")
    w.writeheader(); w.writerows(members)
    roster.write_text(buf.getvalue())
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(policy))
    done = seatwise("vacancies", roster, "--policy", tmp_path / "p.yaml", "--leaving", "G1-0,NOPE-9", expect=2)
    assert "no member of" in done.stderr and "'NOPE-9'" in done.stderr and done.stdout == ""


def test_a_roster_of_one_gender_still_admits_the_other(seatwise, tmp_path):
    """Review: an all-male roster under a cap on men was reported infeasible (only named genders were newcomers)."""
    members = [dict(id=f"G-{k}", name=f"M {k}", group="G", gender="male", country="DEU", organization=f"O{k}", status="continuing",
                    terms="3" if k < 2 else "1") for k in range(4)]
    policy = {"body": "Men capped", "seats": {"G": 4}, "rules": {"max_terms": 3}, "quotas": [{"attribute": "gender", "value": "male", "max": 3}]}
    doc = run(seatwise, tmp_path, members, [], policy)
    men = doc["quotas"][0]
    assert doc["feasible"] and (men["staying"], men["min_new"], men["max_new"]) == (2, 0, 1)


def test_an_impossible_intake_is_exit_1_with_the_rule_that_fails_alone(seatwise, tmp_path):
    members = [dict(id=f"G-{k}", name=f"M {k}", group="G", gender="female", country="DEU", organization=f"O{k}", status="continuing",
                    terms="3") for k in range(4)]
    policy = {"body": "Too few newcomers allowed", "seats": {"G": 4}, "rules": {"max_terms": 3},
              "quotas": [{"attribute": "status", "value": "new", "max": 3}, {"attribute": "status", "value": "continuing", "max": 1}]}
    doc = run(seatwise, tmp_path, members, [], policy)
    assert doc["feasible"] is False
    assert any("status = new" in p and "even on its own" in p for p in doc["problems"]), doc["problems"]
    continuing = [q for q in doc["quotas"] if q["values"] == ["continuing"]][0]
    assert continuing["note"] is None
