"""Every kind of adjustment (seat, exclude, a quota row's bound, a group's seats), from the command line,
in both modes, on random bodies: Seatwise's adjusted optimum (or infeasibility) equals HiGHS's on the
independent model with the same change made there."""

import json
import math
import random

import pytest

from conftest import report
from independent_model import Row, Solver, build_rows, effective_ranks, fixings_of, load, norm
from random_bodies import body


def optimum(inst, mode, extra_fixings):
    """Rank sum of the best panel (summed over groups in independent mode), or None when infeasible."""
    fixings = dict(fixings_of(inst))
    fixings.update(extra_fixings)
    ranks = effective_ranks(inst)
    parts = [(None, inst.rows)] if mode == "coordinated" else [
        ({g}, [r for r in inst.rows if (r.ref.get("kind") == "seats" and r.ref["group"] == g) or r.ref.get("scope") == g])
        for g in inst.seats]
    total = 0
    for groups, rows in parts:
        s = Solver(inst, rows, fixings, groups=groups)
        value = s.minimize({k: ranks[i] for i, k in s.index.items()})
        if value is None:
            return None
        total += value
    return total


def with_bound(inst, quota, side, value):
    """The independent rows with one quota row's bound replaced (quota as in Seatwise's JSON)."""
    key = (quota["quota"], quota["scope"] if quota["scope"] != "body" else "body", sorted(norm(v) for v in quota["values"]))
    same = [r for r in inst.rows if "quota" in r.ref and (r.ref["quota"], r.ref["scope"], sorted(r.ref["values"])) == key]
    lower = quota["min"] if quota["min"] is not None else -math.inf
    upper = quota["max"] if quota["max"] is not None else math.inf
    if side == "min":
        lower = value
    else:
        upper = value
    members = same[0].members if same else []
    rows = [r for r in inst.rows if r not in same] + [Row(members, lower, upper, {"quota": quota["quota"], "scope": quota["scope"]})]
    return rows


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("mode", ["coordinated", "independent"])
def test_adjustments(seatwise, write_body, seed, mode):
    rng = random.Random(seed)
    for attempt in range(30):
        csv_text, policy = body(9000 + seed * 40 + attempt, rng.choice([20, 40, 80, 150]))
        nominations, policy_path = write_body(csv_text, policy)
        base = seatwise("select", nominations, "--policy", policy_path, "--mode", mode, "--format", "json")
        if base.returncode == 0:
            break
    else:
        pytest.skip("no feasible body drawn")
    base = report(base)
    inst = load(nominations, policy_path)
    ids = [n.id for n in inst.nominees]
    free = [i for i in range(len(ids)) if fixings_of(inst).get(i) is None]
    seated = {m["id"] for m in base["selected"]}
    quotas = [q for q in base["quotas"] if q["enforced"]]
    asked = []  # (question, expected optimum): asked again of `what-if`, one process, the problem kept warm
    for kind in ["seat", "exclude", "set", "group-seats"]:
        extra, args, changed = {}, [], inst
        if kind == "seat":
            i = rng.choice([i for i in free if ids[i] not in seated] or free)
            extra, args = {i: 1}, ["--seat", ids[i]]
        elif kind == "exclude":
            i = rng.choice([i for i in free if ids[i] in seated] or free)
            extra, args = {i: 0}, ["--exclude", ids[i]]
        elif kind == "set":
            if not quotas:
                continue
            k = rng.randrange(len(quotas))
            q = quotas[k]
            side = rng.choice(["min", "max"])
            value = max(0, q["count"] + rng.choice([-2, -1, 1, 2]))
            # The row as the report names it: its quota's number, with its group or value where it has several.
            args = ["--set", f"{q['reference']}:{side}={value}"]
            other = q["max"] if side == "min" else q["min"]
            if other is not None and (value > other if side == "min" else value < other):
                # A minimum above the maximum (or the reverse) is refused, as in a policy file.
                done = seatwise("select", nominations, "--policy", policy_path, "--mode", mode, *args)
                assert done.returncode == 2 and "above its maximum" in done.stderr, done.stderr
                continue
            changed = type(inst)(inst.nominees, inst.seats, inst.quotas, inst.continuing, inst.max_terms, inst.seed, inst.objective,
                                 with_bound(inst, q, side, value))
        else:
            g = rng.choice(list(inst.seats))
            seats = dict(inst.seats)
            seats[g] = max(1, seats[g] + rng.choice([-1, 1]))
            args = ["--group-seats", f"{g}={seats[g]}"]
            changed = type(inst)(inst.nominees, seats, inst.quotas, inst.continuing, inst.max_terms, inst.seed, inst.objective)
            changed.rows = build_rows(changed)
        done = seatwise("select", nominations, "--policy", policy_path, "--mode", mode, "--format", "json", *args)
        expected = optimum(changed, mode, extra)
        option, value = args
        key = {"--seat": "seat", "--exclude": "exclude", "--set": "set", "--group-seats": "group_seats"}[option]
        question = {"group_seats": {value.rsplit("=", 1)[0]: int(value.rsplit("=", 1)[1])}} if key == "group_seats" else {key: [value]}
        asked.append((dict(name=kind, **question), expected, done))
        result = report(done)
        assert result["adjustments"] and "by decision of the coordinator" in result["adjustments"][0], result["adjustments"]
        if expected is None:
            assert done.returncode == 1 and result["status"] == "infeasible", (kind, args, done.stderr)
        else:
            assert done.returncode == 0, (kind, args, done.stderr)
            assert result["objective"]["value"] == expected, (kind, args, result["objective"]["value"], expected)

    # The same questions in one what-if run (the round's problem kept alive, re-solved from the last
    # basis): each answer agrees with HiGHS and with its own `select` process, panel for panel.
    questions = nominations.parent / "questions.yaml"
    questions.write_text("\n".join("- " + json.dumps(q) for q, _, _ in asked) + "\n")
    done = seatwise("what-if", nominations, "--policy", policy_path, "--mode", mode, "--questions", questions, "--format", "json")
    assert done.returncode == 0, done.stderr
    answers = report(done)
    before = answers["base"]["objective"]["value"]
    for (question, expected, alone), answer in zip(asked, answers["questions"], strict=True):
        alone = report(alone)
        if expected is None:
            assert answer["status"] == "infeasible", (question, answer)
            continue
        assert answer["status"] == alone["status"], (question, answer)
        assert before + answer["difference"]["objective_change"] == expected, (question, answer, expected)
        panel = (seated - set(answer["difference"]["leaving"])) | set(answer["difference"]["entering"])
        assert panel == {m["id"] for m in alone["selected"]}, question
