"""Seats that count in no quota (observers, liaisons: `seats: {G: {seats: N, counts: false}}`): on generated
bodies with one such group, the panel and every explanation agree with HiGHS on an independent model that
reads the files itself; every quota's count leaves that group out; an audit and a lottery of the same
policy judge the rules the same way; and a quota that names such a group is refused with its key."""

import random

import pytest

import independent_model as im
from conftest import first_feasible, report
from random_bodies import body
from test_explanations import check


def uncounted_body(seed, size=None):
    rng = random.Random(seed)
    csv_text, policy = body(900 + seed, size or rng.choice([30, 40, 50]))
    groups = list(policy["seats"])
    observers = groups[-1]
    policy["seats"][observers] = {"seats": policy["seats"][observers], "counts": False}
    policy["quotas"] = [q for q in policy["quotas"] if q.get("group") != observers]
    return csv_text, policy, observers


def feasible_body(seatwise, write_body, seed):
    for attempt in range(20):
        csv_text, policy, observers = uncounted_body(seed * 37 + attempt)
        nominations, policy_path = write_body(csv_text, policy)
        if seatwise("select", nominations, "--policy", policy_path).returncode == 0:
            return nominations, policy_path, observers
    pytest.skip("no feasible body drawn")


@pytest.mark.parametrize("seed", range(20))
def test_the_panel_and_its_explanations_leave_the_observers_out_of_every_quota(seatwise, write_body, seed):
    nominations, policy_path, observers = feasible_body(seatwise, write_body, seed)
    check(seatwise, nominations, policy_path)
    inst = im.load(nominations, policy_path)
    assert inst.uncounted == {observers}
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    seated = {m["id"] for m in doc["selected"]}
    assert sum(1 for m in doc["selected"] if m["group"] == observers) == inst.seats[observers]
    for q in doc["quotas"]:
        rows = [r for r in inst.rows if r.ref.get("quota") == q["quota"] and r.ref["scope"] == q["scope"]
                and sorted(r.ref["values"]) == sorted(im.norm(v) for v in q["values"])]
        assert rows, q["label"]
        assert all(inst.nominees[i].group != observers for i in rows[0].members)
        assert q["count"] == sum(1 for i in rows[0].members if inst.nominees[i].id in seated), q["label"]
        assert q["scope"] != observers
    assert any(observers in note and "count in no quota" in note for note in doc["notes"])


@pytest.mark.parametrize("seed", range(4))
def test_an_audit_and_a_lottery_judge_the_same_rules(seatwise, write_body, tmp_path, seed):
    nominations, policy_path, observers = feasible_body(seatwise, write_body, 100 + seed)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    chosen = {m["id"] for m in doc["selected"]}
    lines = nominations.read_text(encoding="utf-8").strip().split("\n")
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join([lines[0]] + [l for l in lines[1:] if l.split(",")[0] in chosen]) + "\n", encoding="utf-8")
    audited = report(seatwise("audit", roster, "--policy", policy_path, "--pool", nominations, "--format", "json"))
    by_ref = {a["reference"]: a for a in audited["quotas"]}
    for q in doc["quotas"]:
        assert (by_ref[q["reference"]]["count"], by_ref[q["reference"]]["verdict"]) == (q["count"], q["verdict"]), q["reference"]
    lottery = report(seatwise("lottery", nominations, "--policy", policy_path, "--format", "json", expect=0))
    inst = im.load(nominations, policy_path)
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    for entry in lottery["distribution"]:
        panel = {index[m] for m in entry["panel"]}
        for row in inst.rows:
            assert row.lower - 1e-9 <= sum(1 for i in row.members if i in panel) <= row.upper + 1e-9, row.ref


def test_a_quota_cannot_count_a_group_that_counts_in_no_quota(seatwise, write_body):
    csv_text, policy, observers = uncounted_body(1)
    policy["quotas"].append({"attribute": "gender", "value": "female", "min": 1, "group": observers})
    nominations, policy_path = write_body(csv_text, policy)
    done = seatwise("check", nominations, "--policy", policy_path)
    assert done.returncode == 2
    assert f"quotas[{len(policy['quotas'])}].group" in done.stderr and "counts in no quota" in done.stderr


# --- Groups that appoint their own members (`mode: appointed`) ------------------------------------------


def appointed_body(seed, size=None):
    """One group appoints its members: its list is cut to its seats (withdrawn rows kept, they stay out)."""
    rng = random.Random(seed)
    csv_text, policy = body(700 + seed, size or rng.choice([30, 40, 50]))
    group = list(policy["seats"])[0]
    lines = csv_text.strip().split("\n")
    kept, listed = [lines[0]], 0
    for line in lines[1:]:
        cells = line.split(",")
        if cells[2] == group and cells[9] != "withdrawn":
            if listed == policy["seats"][group]:
                continue
            listed += 1
        kept.append(line)
    policy["seats"][group] = {"seats": policy["seats"][group], "mode": "appointed"}
    return "\n".join(kept) + "\n", policy, group


@pytest.mark.parametrize("seed", range(20))
def test_an_appointing_group_is_seated_as_listed_and_the_rest_is_optimal(seatwise, write_body, seed):
    draws = (appointed_body(seed * 31 + attempt) for attempt in range(20))
    nominations, policy_path, (csv_text, policy, group) = first_feasible(seatwise, write_body, draws)
    check(seatwise, nominations, policy_path)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--explain", "--format", "json", expect=0))
    listed = {line.split(",")[0] for line in csv_text.strip().split("\n")[1:]
              if line.split(",")[2] == group and line.split(",")[9] != "withdrawn"}
    seated = {m["id"] for m in doc["selected"]}
    assert listed <= seated
    assert {e["id"] for e in doc["explanations"] if e["reason"] == "appointed"} == listed
    assert any(group in note and "appointed" in note for note in doc["notes"])


def test_an_appointing_group_must_list_exactly_its_seats(seatwise, write_body):
    csv_text, policy, group = appointed_body(3)
    policy["seats"][group]["seats"] += 1
    nominations, policy_path = write_body(csv_text, policy)
    done = seatwise("check", nominations, "--policy", policy_path)
    assert done.returncode == 2 and f"seats.{group}.mode" in done.stderr, done.stderr
    policy["seats"][group]["mode"] = "separately"
    nominations, policy_path = write_body(csv_text, policy)
    done = seatwise("check", nominations, "--policy", policy_path)
    assert done.returncode == 2 and f"seats.{group}.mode" in done.stderr and "independent" in done.stderr, done.stderr


# --- Seats held by an office (`status: ex_officio`) ------------------------------------------------------


def ex_officio_body(seed, size=None):
    """A few rows become ex officio seats, some past the term limit (an office's seat knows none)."""
    rng = random.Random(seed)
    csv_text, policy = body(1300 + seed, size or rng.choice([30, 40, 50]))
    policy.setdefault("rules", {})["max_terms"] = 2
    lines = csv_text.strip().split("\n")
    out, per_group = [lines[0]], {}
    for line in lines[1:]:
        cells = line.split(",")
        if per_group.get(cells[2], 0) < 1 and rng.random() < 0.5 and cells[9] == "new":
            per_group[cells[2]] = 1
            cells[9], cells[10] = "ex_officio", str(rng.choice([0, 3]))
        out.append(",".join(cells))
    return "\n".join(out) + "\n", policy


@pytest.mark.parametrize("seed", range(20))
def test_an_office_holds_its_seat_whatever_its_terms_and_the_rest_is_optimal(seatwise, write_body, tmp_path, seed):
    for attempt in range(20):
        csv_text, policy = ex_officio_body(seed * 17 + attempt)
        nominations, policy_path = write_body(csv_text, policy)
        if "ex_officio" in csv_text and seatwise("select", nominations, "--policy", policy_path).returncode == 0:
            break
    else:
        pytest.skip("no feasible body drawn")
    check(seatwise, nominations, policy_path)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--explain", "--alternates", "2", "--format", "json", expect=0))
    offices = {line.split(",")[0] for line in csv_text.strip().split("\n")[1:] if line.split(",")[9] == "ex_officio"}
    assert offices <= {m["id"] for m in doc["selected"]}
    assert {e["id"] for e in doc["explanations"] if e["reason"] == "ex_officio"} == offices
    # An office's seat is held by rule: nobody is listed as its alternate.
    assert all(not m["alternates"] for m in doc["selected"] if m["id"] in offices)


@pytest.mark.parametrize("shape,seed", [(shape, k) for shape in ("uncounted", "appointed", "ex_officio") for k in range(3)])
def test_brute_force_agrees_on_small_bodies(seatwise, write_body, shape, seed):
    import brute_force
    make = {"uncounted": uncounted_body, "appointed": appointed_body, "ex_officio": ex_officio_body}[shape]
    for attempt in range(80):
        csv_text, policy = make(5000 + seed * 97 + attempt, 12)[:2]
        nominations, policy_path = write_body(csv_text, policy)
        inst = im.load(nominations, policy_path)
        if brute_force.panels(inst, im.fixings_of(inst)) <= 200_000 and \
                seatwise("select", nominations, "--policy", policy_path).returncode == 0:
            break
    else:
        pytest.skip("no small feasible body drawn")
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    assert doc["objective"]["value"] == brute_force.best_rank_sum(inst, im.fixings_of(inst))[0]
