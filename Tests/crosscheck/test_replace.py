"""`seatwise replace`: every member not vacated stays seated, and the replacements are the optimal panel
with the others fixed, the seeded tie-break included: checked against HiGHS on the independent model of
the pool with the sitting members fixed in and the vacated out. A seat nobody can fill is exit 1 with a
diagnosis."""

import csv
import io
import random

import pytest

from conftest import report
from independent_model import Solver, build_rows, effective_ranks, fixed_value, load, tie_weight
from random_bodies import body


def write_roster(path, nominations_text, ids, rng):
    rows = list(csv.DictReader(io.StringIO(nominations_text)))
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    for r in rows:
        if r["id"] in ids:
            # Terms past any limit: a term limit ends service at a renewal, not mid-term.
            w.writerow(dict(r, status="required" if r["status"] == "required" else "continuing", terms=str(rng.randint(0, 5))))
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("seed", range(12))
def test_replacements_are_optimal_with_the_others_fixed(seatwise, write_body, tmp_path, seed):
    rng = random.Random(seed)
    for attempt in range(30):
        csv_text, policy = body(4200 + seed * 50 + attempt, rng.choice([30, 60, 120]))
        nominations, policy_path = write_body(csv_text, policy)
        base = seatwise("select", nominations, "--policy", policy_path, "--format", "json")
        if base.returncode == 0:
            break
    else:
        pytest.skip("no feasible body drawn")
    panel = [m for m in report(base)["selected"]]
    roster_ids = {m["id"] for m in panel}
    roster = tmp_path / "roster.csv"
    write_roster(roster, csv_text, roster_ids, rng)
    vacate = rng.sample(sorted(m["id"] for m in panel if m["status"] != "required"), rng.randint(1, 2))
    done = seatwise("replace", roster, "--policy", policy_path, "--pool", nominations, "--vacate", ",".join(vacate),
                    "--reason", "resigned", "--format", "json")

    inst = load(nominations, policy_path)
    for n in inst.nominees:
        if n.id in roster_ids:
            n.status, n.terms = ("withdrawn", 0) if n.id in vacate else ("required", 0)
    inst.rows = build_rows(inst)
    fixings = {i: fixed_value(inst, n) for i, n in enumerate(inst.nominees) if fixed_value(inst, n) is not None}
    ranks = effective_ranks(inst)
    s = Solver(inst, inst.rows, fixings)
    costs = {k: ranks[i] for i, k in s.index.items()}
    best = s.minimize(costs)
    if best is None:
        assert done.returncode == 1, done.stderr
        doc = report(done)
        assert doc["status"] == "infeasible" and doc["conflicts"]
        return
    assert done.returncode == 0, done.stderr
    doc = report(done)
    assert doc["status"] == "optimal"
    assert doc["objective"]["rank_sum"] == best
    s.hold(costs, best)
    s.minimize({k: tie_weight(inst.seed, inst.nominees[i].id) for i, k in s.index.items()})
    values = s.values()
    expected = {inst.nominees[i].id for i, k in s.index.items() if values[k] == 1}
    seated = {m["id"] for m in doc["selected"]}
    assert seated == expected
    assert roster_ids - set(vacate) <= seated
    r = doc["replacement"]
    assert r["vacated"] == sorted(vacate) or sorted(r["vacated"]) == sorted(vacate)
    assert sorted(r["leaving"]) == sorted(vacate)
    assert sorted(r["entering"]) == sorted(seated - roster_ids)
    assert len(r["entering"]) == len(vacate)
    assert r["reason"] == "resigned"
    # Each replacement is explained.
    assert sorted(e["id"] for e in doc["explanations"]) == sorted(r["entering"])


def test_a_seat_nobody_can_fill_is_diagnosed(seatwise, write_body, tmp_path):
    text = "id,name,group,gender,country,rank\nA1,Ann,G,female,KEN,1\nA2,Bea,G,female,DEU,2\nB1,Cal,H,male,BRA,1\nB2,Dan,H,male,IND,2\n"
    policy = {"body": "Tiny", "seats": {"G": 2, "H": 2}, "quotas": [{"attribute": "gender", "value": "female", "min": 2}]}
    nominations, policy_path = write_body(text, policy)
    pool, _ = write_body(text + "C1,Eve,H,female,JPN,1\nC2,Fay,G,male,FRA,1\n", policy, name="pool")
    # Replacing a woman in G: the only candidate for G is a man, and the body needs two women.
    done = seatwise("replace", nominations, "--policy", policy_path, "--pool", pool, "--vacate", "A1", "--format", "json", expect=1)
    doc = report(done)
    assert doc["status"] == "infeasible"
    assert any("female" in c["message"] or any("female" in r for r in c["rules"]) for c in doc["conflicts"])
    assert doc["replacement"]["vacated"] == ["A1"] and doc["replacement"]["entering"] == []
    # Replacing a man in H: Eve enters, and the body keeps its two women.
    doc = report(seatwise("replace", nominations, "--policy", policy_path, "--pool", pool, "--vacate", "B1", "--format", "json", expect=0))
    assert doc["replacement"]["entering"] == ["C1"]
    assert sorted(m["id"] for m in doc["selected"]) == ["A1", "A2", "B2", "C1"]


def test_unknown_vacate_id_is_bad_input(seatwise, write_body):
    text = "id,name,group,gender,country,rank\nA1,Ann,G,female,KEN,1\n"
    nominations, policy_path = write_body(text, {"body": "T", "seats": {"G": 1}})
    done = seatwise("replace", nominations, "--policy", policy_path, "--pool", nominations, "--vacate", "A9", expect=2)
    assert "'A9'" in done.stderr and "closest: 'A1'" in done.stderr and done.stdout == ""


def test_replacement_is_the_seats_first_alternate(seatwise, tmp_path):
    """The story of docs/guide/turnover.md, "A worked MAG renewal": the chosen panel's CSV is the roster; a member resigns; `replace` seats the first
    of that seat's alternates (`select --alternates`), and names the second as next in line."""
    from conftest import ROOT
    mag = ROOT / "examples" / "mag"
    panel = report(seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--alternates", 3, "--format", "json", expect=0))
    seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path / "panel.csv", expect=0)
    members = [m for m in panel["selected"] if m["status"] == "new" and len(m["alternates"]) >= 2]
    for m in members[:: max(1, len(members) // 4)]:
        doc = report(seatwise("replace", tmp_path / "panel.csv", "--policy", mag / "policy.yaml", "--pool", mag / "nominations.csv",
                              "--vacate", m["id"], "--format", "json", expect=0))
        assert doc["replacement"]["entering"] == [m["alternates"][0]], m["id"]
        assert doc["replacement"]["next_in_line"] == {m["alternates"][0]: m["alternates"][1]}


def test_pool_rows_marked_continuing_are_candidates_and_withdrawn_members_leave(seatwise, write_body):
    """Review: pool rows marked continuing or required were forced in; a roster member marked withdrawn stayed."""
    roster = "id,name,group,gender,country,rank,status\nS1,Ann,G,female,KEN,1,continuing\nS2,Bo,G,male,DEU,2,withdrawn\nS3,Cy,H,male,BRA,1,continuing\n"
    policy = {"body": "Small", "seats": {"G": 2, "H": 1}}
    nominations, policy_path = write_body(roster, policy)
    pool, _ = write_body("id,name,group,gender,country,rank,status\nP1,Dee,G,female,IND,1,\nP2,Eve,G,male,JPN,2,continuing\nP3,Fay,H,female,FRA,1,required\n",
                         policy, name="pool")
    doc = report(seatwise("replace", nominations, "--policy", policy_path, "--pool", pool, "--vacate", "S1", "--format", "json", expect=0))
    r = doc["replacement"]
    assert sorted(r["vacated"]) == ["S1", "S2"] and sorted(r["entering"]) == ["P1", "P2"]
    assert sorted(m["id"] for m in doc["selected"]) == ["P1", "P2", "S3"]
    assert any("marked continuing or required" in n for n in doc["notes"]) and any("withdrawn" in n for n in doc["notes"])
