"""Random infeasible policies (20 to 3,000 nominees, both modes, several priority levels, relaxations of 1
to 10 seats): Seatwise exits 1; every conflict it names is infeasible and irreducible, and every repair
is feasible and minimal by priority -- each judged by HiGHS on an independent model of the files."""

import pytest

from conftest import report
from independent_model import Solver, fixings_of, load, same_rule
from random_bodies import body

SIZES = [(1, 20), (2, 40), (3, 60), (4, 90), (5, 150), (6, 300), (7, 600), (8, 1200), (9, 3000),
         (11, 25), (12, 50), (13, 80), (14, 120), (15, 200), (16, 400), (17, 900)]
CASES = [(seed, n, mode) for seed, n in SIZES for mode in ("coordinated", "independent")]
CHECKED = {"conflicts solved for": 0, "repairs applied": 0}


def parts(inst, mode):
    """The independent model's parts: the whole body, or one per group with its group-scoped quotas."""
    if mode == "coordinated":
        return [(None, inst.rows)]
    out = []
    for g in inst.seats:
        rows = [r for r in inst.rows if (r.ref.get("kind") == "seats" and r.ref["group"] == g) or r.ref.get("scope") == g]
        out.append(({g}, rows))
    return out


def rows_named(inst, refs):
    rows = []
    for ref in refs:
        if ref["kind"] == "fixed":
            continue
        matches = [r for r in inst.rows if same_rule(r, ref)]
        assert len(matches) == 1, f"no single rule matches {ref}"
        rows.append(matches[0])
    return rows


def fixed_named(inst, refs):
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    return {index[r["id"]]: r["value"] for r in refs if r["kind"] == "fixed"}


def feasible(inst, rows, fixings, groups=None):
    return Solver(inst, rows, fixings, groups=groups).feasible()


def check_conflict(inst, conflict):
    refs = conflict["references"]
    if not refs:
        return  # a counting pre-check: the whole body's infeasibility is checked separately
    CHECKED["conflicts solved for"] += 1
    rows, fixed = rows_named(inst, refs), fixed_named(inst, refs)
    assert not feasible(inst, rows, fixed), f"the conflict can be met: {conflict['message']}"
    for k in range(len(rows)):
        assert feasible(inst, rows[:k] + rows[k + 1:], fixed), f"not irreducible: {rows[k].ref} is not needed"
    for i in fixed:
        assert feasible(inst, rows, {j: v for j, v in fixed.items() if j != i}), "not irreducible: a fixing is not needed"


def relaxation_by_priority(inst, rows, groups):
    """HiGHS: the least relaxation per priority level, highest level first (docs/guide/impossible-rules.md, "Repairs")."""
    s = Solver(inst, rows, fixings_of(inst), groups=groups, slacks=True)
    levels = sorted({p for _, p in s.slack_cols}, reverse=True)
    if not s.feasible():
        return None  # no relaxation of the soft quotas helps
    totals = {}
    for p in levels:
        costs = {k: 1 for k, q in s.slack_cols if q == p}
        value = s.minimize(costs)
        if value is None:
            return None
        totals[p] = value
        s.hold(costs, value)
    return totals


@pytest.mark.parametrize("seed,n,mode", CASES)
def test_random_infeasible_policy(seatwise, write_body, seed, n, mode):
    for attempt in range(40):
        csv_text, policy = body(seed * 1000 + attempt, n, infeasible=True)
        nominations, policy_path = write_body(csv_text, policy)
        inst = load(nominations, policy_path)
        infeasible_parts = [(g, rows) for g, rows in parts(inst, mode) if not feasible(inst, rows, fixings_of(inst), g)]
        if infeasible_parts:
            break
    else:
        pytest.skip("no infeasible body drawn")
    done = seatwise("select", nominations, "--policy", policy_path, "--mode", mode, "--format", "json", "--repair")
    assert done.returncode == 1, done.stderr
    result = report(done)
    assert result["status"] == "infeasible" and result["conflicts"]
    for conflict in result["conflicts"]:
        check_conflict(inst, conflict)
    # Minimal by priority: the total relaxation at each level equals HiGHS's lexicographic minimum.
    needed = [relaxation_by_priority(inst, rows, g) for g, rows in infeasible_parts]
    if any(t is None for t in needed):
        assert not result["repairs"], "a repair was offered where none exists"
        return
    assert result["repairs"], "no repair although one exists"
    expected = {}
    for totals in needed:
        for p, v in totals.items():
            expected[p] = expected.get(p, 0) + v
    priority = {(q + 1): int(quota.get("priority", 0)) for q, quota in enumerate(policy["quotas"])}
    for k, repair in enumerate(result["repairs"]):
        relaxed = {}
        for step in repair:
            relaxed[priority[step["reference"]["quota"]]] = relaxed.get(priority[step["reference"]["quota"]], 0) + abs(step["to"] - step["from"])
            assert 1 <= abs(step["to"] - step["from"]) <= n
        if k == 0:
            assert {p: v for p, v in relaxed.items() if v} == {p: v for p, v in expected.items() if v}, (relaxed, expected)
        # Applied to the independent model, every repair makes every part fillable.
        rows = list(inst.rows)
        for step in repair:
            target = next(r for r in rows if same_rule(r, step["reference"]))
            changed = type(target)(target.members, target.lower, target.upper, target.ref, target.soft, target.priority)
            if step["bound"] == "min":
                changed.lower = step["to"]
            else:
                changed.upper = step["to"]
            rows = [changed if r is target else r for r in rows]
        repaired = type(inst)(inst.nominees, inst.seats, inst.quotas, inst.continuing, inst.max_terms, inst.seed, inst.objective, rows)
        CHECKED["repairs applied"] += 1
        for g, part_rows in parts(repaired, mode):
            assert feasible(repaired, part_rows, fixings_of(inst), g), f"repair {k} leaves {g or 'the body'} infeasible"
    assert result["repaired"] and result["repaired"][0]["status"] == "optimal"


def test_zz_enough_was_checked():
    """The random cases must reach the deletion filter (not only counting checks) and the repairs."""
    print(CHECKED)
    assert CHECKED["conflicts solved for"] >= 15 and CHECKED["repairs applied"] >= 25, CHECKED
