"""A group that chooses alone inside a coordinated round (`seats: {G: {seats: N, mode: independent}}`): on
generated bodies, the group's members are the panel it would choose by itself (its ranking, the rules
inside it, the seed), computed by HiGHS on an independent model; the other groups are then the best panel
around them under every body-wide rule, with every explanation checked as for any round; the group's
nominees are explained as chosen alone; and the reports say which groups chose alone."""

import random

import pytest

import independent_model as im
from conftest import first_feasible, report
from random_bodies import body
from test_explanations import check


def alone_body(seed):
    rng = random.Random(seed)
    csv_text, policy = body(1700 + seed, rng.choice([30, 40, 50]))
    group = rng.choice(list(policy["seats"]))
    policy["seats"][group] = {"seats": policy["seats"][group], "mode": "independent"}
    return csv_text, policy, group


@pytest.mark.parametrize("seed", range(20))
def test_a_group_chooses_alone_and_the_rest_is_optimal_around_it(seatwise, write_body, seed):
    draws = (alone_body(seed * 29 + attempt) for attempt in range(20))
    nominations, policy_path, (csv_text, policy, group) = first_feasible(seatwise, write_body, draws)
    check(seatwise, nominations, policy_path)
    inst = im.load(nominations, policy_path)
    assert inst.independent == [group]
    fixings = im.fixings_of(inst)
    alone = {inst.nominees[i].id for i, v in fixings.items() if v == 1 and inst.nominees[i].group == group}
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--explain", "--format", "json", expect=0))
    assert {m["id"] for m in doc["selected"] if m["group"] == group} == alone
    free = {n.id for i, n in enumerate(inst.nominees) if n.group == group and im.fixed_value(inst, n) is None}
    assert {e["id"] for e in doc["explanations"] if e["reason"] == "chosen_alone"} == free
    assert any(group in note and "alone" in note for note in doc["notes"])


def test_a_group_that_cannot_fill_its_seats_alone_is_said(seatwise, write_body):
    csv_text, policy, group = alone_body(3)
    women = sum(1 for line in csv_text.split("\n")[1:] if line and line.split(",")[2] == group and line.split(",")[3] == "female")
    policy["quotas"].append({"attribute": "gender", "value": "female", "min": women + 1, "group": group})
    policy["seats"][group]["seats"] = max(policy["seats"][group]["seats"], women + 1)
    nominations, policy_path = write_body(csv_text, policy)
    done = seatwise("select", nominations, "--policy", policy_path, "--format", "json")
    assert done.returncode == 1
    doc = report(done)
    assert any(group in note and "no way to fill its seats" in note for note in doc["notes"]), doc["notes"]


@pytest.mark.parametrize("seed", range(5))
def test_brute_force_agrees_on_small_bodies(seatwise, write_body, seed):
    """The group alone: its rank sum is the least any panel of its own meeting its own rules has; the
    round: the least rank sum of the others around the group's choice, over every panel."""
    import brute_force
    for attempt in range(40):
        rng = random.Random(seed * 53 + attempt)
        csv_text, policy = body(4000 + seed * 53 + attempt, 12)
        group = rng.choice(list(policy["seats"]))
        policy["seats"][group] = {"seats": policy["seats"][group], "mode": "independent"}
        nominations, policy_path = write_body(csv_text, policy)
        inst = im.load(nominations, policy_path)
        base = {i: im.fixed_value(inst, n) for i, n in enumerate(inst.nominees) if im.fixed_value(inst, n) is not None}
        if brute_force.panels(inst, base) <= 200_000 and seatwise("select", nominations, "--policy", policy_path).returncode == 0:
            break
    else:
        pytest.skip("no small feasible body drawn")
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    ranks = dict(zip((n.id for n in inst.nominees), im.effective_ranks(inst)))
    own_rows = [r for r in inst.rows if r.ref.get("group") == group or r.ref.get("scope") == group]
    alone_best, _ = brute_force.best_rank_sum(inst, base, groups=[group], rows=own_rows)
    chosen = {m["id"] for m in doc["selected"] if m["group"] == group}
    assert sum(ranks[i] for i in chosen) == alone_best
    fixings = dict(base)
    for i, n in enumerate(inst.nominees):
        if n.group == group and fixings.get(i) is None:
            fixings[i] = 1 if n.id in chosen else 0
    best, _ = brute_force.best_rank_sum(inst, fixings)
    assert doc["objective"]["value"] == best
