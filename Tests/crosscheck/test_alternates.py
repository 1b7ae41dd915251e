"""`select --alternates K`: every seat's alternates equal a brute-force check of one-for-one swaps (the
independent model's rows, everyone else staying), in order: effective rank, then the seeded tie-break;
a seat nobody can take says why; the reserve list is every unseated nominee some valid panel can seat
(HiGHS on the independent model, each forced in), in call order."""

import json

import pytest

from conftest import ROOT, report
from independent_model import Solver, effective_ranks, fixed_value, fixings_of, load, tie_weight
from random_bodies import body


def brute_force(inst, seated, k):
    ranks = effective_ranks(inst)
    eligible = [i for i, n in enumerate(inst.nominees) if i not in seated and fixed_value(inst, n) != 0]
    order = sorted(eligible, key=lambda i: (ranks[i], tie_weight(inst.seed, inst.nominees[i].id), inst.nominees[i].id))

    def meets(panel):
        return all(row.lower <= sum(1 for i in row.members if i in panel) <= row.upper for row in inst.rows)

    out = {}
    for m in seated:
        if inst.nominees[m].status == "required":
            continue
        found = []
        for u in order:
            if inst.nominees[u].group != inst.nominees[m].group:
                continue
            if meets((seated - {m}) | {u}):
                found.append(inst.nominees[u].id)
            if len(found) == k:
                break
        out[inst.nominees[m].id] = found
    fixings = fixings_of(inst)
    seatable = [i for i in order if Solver(inst, inst.rows, {**fixings, i: 1}).feasible()]
    return out, [inst.nominees[i].id for i in seatable]


def check(seatwise, nominations, policy, k, seed_cli=None):
    extra = ["--seed", seed_cli] if seed_cli is not None else []
    done = seatwise("select", nominations, "--policy", policy, "--alternates", k, "--format", "json", *extra)
    if done.returncode != 0:
        return False
    doc = report(done)
    inst = load(nominations, policy)
    inst.seed = doc["seed"]
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    seated = {index[m["id"]] for m in doc["selected"]}
    expected, reserve = brute_force(inst, seated, k)
    got = {m["id"]: m["alternates"] for m in doc["selected"] if inst.nominees[index[m["id"]]].status != "required"}
    assert got == expected
    assert doc["alternates"]["reserve"] == reserve and doc["alternates"]["count"] == k
    blocked = {b["id"] for b in doc["alternates"]["blocked"]}
    assert blocked == {i for i, alts in expected.items() if not alts}
    return True


@pytest.mark.parametrize("example", ["mag", "wgec", "icg"])
def test_examples_against_brute_force(seatwise, example):
    folder = ROOT / "examples" / example
    assert check(seatwise, folder / "nominations.csv", folder / "policy.yaml", 3)


def test_random_bodies_against_brute_force(seatwise, write_body):
    checked = 0
    for seed in range(12):
        csv_text, policy = body(seed, 60)
        nominations, policy_path = write_body(csv_text, policy, name=f"b{seed}")
        checked += check(seatwise, nominations, policy_path, 1 + seed % 4)
    assert checked >= 8


def test_alternates_in_every_format_and_not_in_a_public_report(seatwise, tmp_path):
    mag = ROOT / "examples" / "mag"
    text = seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--alternates", 2, expect=0).stdout
    assert "Alternates (who could take each seat, everyone else staying)" in text and "Reserve list" in text
    public = seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--alternates", 2, "--public", "--format", "json", expect=0)
    doc = report(public)
    assert doc["alternates"] is None and all(m["alternates"] is None for m in doc["selected"])
    seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--alternates", 2, "--output", tmp_path / "a.json", expect=0)
    assert seatwise("verify", tmp_path / "a.json", mag / "nominations.csv", "--policy", mag / "policy.yaml").returncode == 0
    bad = json.loads((tmp_path / "a.json").read_text())
    bad["selected"][10]["alternates"] = list(reversed(bad["selected"][10]["alternates"])) + ["MAG-999"]
    (tmp_path / "a.json").write_text(json.dumps(bad))
    assert seatwise("verify", tmp_path / "a.json", mag / "nominations.csv", "--policy", mag / "policy.yaml").returncode == 1


def test_what_if_answers_carry_the_alternates_of_their_panel(seatwise, tmp_path):
    """`what-if --alternates K`: each answer's lists equal a brute-force check on the adjusted panel."""
    mag = ROOT / "examples" / "mag"
    questions = tmp_path / "q.yaml"
    questions.write_text("- { name: seat ten, seat: [MAG-010] }\n- { name: drop thirteen, exclude: [MAG-013] }\n", encoding="utf-8")
    doc = report(seatwise("what-if", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--questions", questions,
                          "--alternates", 2, "--format", "json", expect=0))
    inst = load(mag / "nominations.csv", mag / "policy.yaml")
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    for answer, flag in zip(doc["questions"], [["--seat", "MAG-010"], ["--exclude", "MAG-013"]]):
        panel = report(seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", *flag, "--format", "json", expect=0))
        seated = {index[m["id"]] for m in panel["selected"]}
        adjusted = load(mag / "nominations.csv", mag / "policy.yaml")
        i = index[flag[1]]
        adjusted.nominees[i].status = "required" if flag[0] == "--seat" else "withdrawn"
        expected, _ = brute_force(adjusted, seated, 2)
        assert {k: v for k, v in answer["alternates"].items() if k in expected} == expected
    text = seatwise("what-if", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--questions", questions, "--alternates", 2, expect=0).stdout
    assert "alternates for Pelel Quellkov [MAG-010]:" in text
