"""`seatwise lottery`: on bodies small enough to list every valid panel, the maximin minimum and the
LEXIMIN vector equal those of an LP over all valid panels solved with HiGHS (LEXIMIN by its definition:
fix, one level at a time, whoever cannot rise above it); every panel of every distribution meets every rule
of the independent model; the probabilities sum to 1 and each nominee's is the sum over their panels; the
draw is recomputed here from the published values (RFC 3797, Python's hashlib) and the ticket list alone."""

import hashlib
import itertools
import json
import random
from pathlib import Path

import highspy
import pytest

from conftest import ROOT, report
from independent_model import fixed_value, load


def small_body(seed):
    rng = random.Random(seed)
    groups = {f"G{k + 1}": rng.randint(1, 3) for k in range(rng.randint(1, 3))}
    rows = ["id,name,group,gender,country,region,development,rank,status,terms"]
    regions = [("African", "developing"), ("WEOG", "developed"), ("GRULAC", "developing")]
    for g, seats in groups.items():
        for k in range(seats + rng.randint(1, 4)):
            region, dev = rng.choice(regions)
            status = rng.choices(["new", "continuing", "withdrawn"], [90, 5, 5])[0]
            rows.append(f"{g}-{k},P {g}-{k},{g},{rng.choice(['female', 'male'])},C{k},{region},{dev},,{status},0")
    quotas = []
    total = sum(groups.values())
    options = [
        {"attribute": "gender", "value": "female", "min": max(1, total // 3)},
        {"attribute": "gender", "value": "male", "max": max(1, (2 * total) // 3)},
        {"attribute": "region", "value": "African", "min": 1},
        {"attribute": "gender", "value": "female", "min": 1, "per": "group"},
        {"attribute": "development", "value": "developed", "max": max(1, total // 2)},
    ]
    for q in rng.sample(options, rng.randint(1, 3)):
        quotas.append(q)
    return "\n".join(rows) + "\n", {"body": f"Small {seed}", "seats": groups, "quotas": quotas}


def valid_panels(inst):
    """Every panel that meets every row of the independent model (fixings included)."""
    by_group = {g: [i for i, n in enumerate(inst.nominees) if n.group == g] for g in inst.seats}
    choices = []
    for g, seats in inst.seats.items():
        options = []
        for combo in itertools.combinations(by_group[g], seats):
            chosen = set(combo)
            if all((fixed_value(inst, inst.nominees[i]) != 1 or i in chosen) and (fixed_value(inst, inst.nominees[i]) != 0 or i not in chosen)
                   for i in by_group[g]):
                options.append(chosen)
        choices.append(options)
    out = []
    for parts in itertools.product(*choices):
        panel = set().union(*parts) if parts else set()
        if all(row.lower <= sum(1 for i in row.members if i in panel) <= row.upper for row in inst.rows):
            out.append(frozenset(panel))
    return out


def lp_level(panels, eligible, fixed, target=None):
    """max z (or max p_target) s.t. p_i >= v_i (fixed), p_i >= z (others), sum lambda = 1."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    for _ in panels:
        h.addVar(0, 1)
    h.addVar(-inf, inf)  # z
    zc = len(panels)
    h.addRow(1, 1, len(panels), list(range(len(panels))), [1.0] * len(panels))
    for i in eligible:
        idx = [k for k, p in enumerate(panels) if i in p]
        if i in fixed:
            h.addRow(fixed[i] - 1e-9, inf, len(idx), idx, [1.0] * len(idx))
        else:
            h.addRow(0, inf, len(idx) + 1, idx + [zc], [1.0] * len(idx) + [-1.0])
    costs = [0.0] * (len(panels) + 1)
    if target is None:
        costs[zc] = 1.0
    else:
        for k, p in enumerate(panels):
            if target in p:
                costs[k] = 1.0
    h.changeColsCost(len(costs), list(range(len(costs))), costs)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.run()
    assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return h.getInfo().objective_function_value


def leximin_vector(panels, eligible):
    fixed = {}
    while len(fixed) < len(eligible):
        z = lp_level(panels, eligible, fixed)
        fixed_now = {}
        for i in eligible:
            if i not in fixed:
                # i is at the level in every optimum when it cannot rise above it with the others at least there.
                others = dict(fixed)
                best = lp_level_with_floor(panels, eligible, others, z, i)
                if best <= z + 1e-7:
                    fixed_now[i] = z
        assert fixed_now, "some nominee must be fixed at each level"
        fixed.update(fixed_now)
    return sorted(fixed.values())


def lp_level_with_floor(panels, eligible, fixed, z, target):
    floors = dict(fixed)
    for i in eligible:
        if i not in floors:
            floors[i] = z
    return lp_level(panels, eligible, floors, target=target)


def run_lottery(seatwise, tmp_path, text, policy, *extra):
    import yaml
    (tmp_path / "n.csv").write_text(text, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
    return tmp_path / "n.csv", tmp_path / "p.yaml", seatwise("lottery", tmp_path / "n.csv", "--policy", tmp_path / "p.yaml", "--format", "json", *extra)


def heaviest_valid_panel(inst, weights):
    """The largest total weight of a panel that meets every row of the independent model: a 0-1 program
    solved with HiGHS."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    cost = [0.0] * len(inst.nominees)
    for w in weights:
        cost[index[w["id"]]] = w["weight"]
    for i, n in enumerate(inst.nominees):
        v = fixed_value(inst, n)
        lo, hi = (0, 1) if v is None else (v, v)
        h.addVar(lo, hi)
        h.changeColIntegrality(i, highspy.HighsVarType.kInteger)
    for row in inst.rows:
        h.addRow(row.lower if row.lower != -float("inf") else -inf, row.upper if row.upper != float("inf") else inf,
                 len(row.members), list(row.members), [1.0] * len(row.members))
    h.changeColsCost(len(cost), list(range(len(cost))), cost)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.setOptionValue("mip_rel_gap", 0)
    h.run()
    assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return h.getInfo().objective_function_value


def check_certificate(doc, inst):
    """The published proof of the bound: weights summing to 1 under which no valid panel weighs more than
    the bound, and the bound meets the minimum (the stage's optimality, proved without Seatwise's code)."""
    cert = doc["certificate"]
    assert abs(sum(w["weight"] for w in cert["weights"]) - 1) < 1e-9 and all(w["weight"] > 0 for w in cert["weights"])
    assert heaviest_valid_panel(inst, cert["weights"]) <= cert["bound"] + 1e-7
    assert cert["bound"] - doc["minimum"] < 1e-6, (cert["bound"], doc["minimum"])


def check_distribution(doc, inst):
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    total = sum(d["probability"] for d in doc["distribution"])
    assert abs(total - 1) < 1e-9
    chance = {p["id"]: p["probability"] for p in doc["probabilities"]}
    for n in inst.nominees:
        in_panels = sum(d["probability"] for d in doc["distribution"] if n.id in d["panel"])
        assert abs(chance[n.id] - in_panels) < 1e-9, n.id
    for d in doc["distribution"]:
        panel = {index[i] for i in d["panel"]}
        for row in inst.rows:
            assert row.lower <= sum(1 for i in row.members if i in panel) <= row.upper, (d["panel"], row.ref)
        for i, n in enumerate(inst.nominees):
            v = fixed_value(inst, n)
            assert v is None or (i in panel) == (v == 1)


@pytest.mark.parametrize("seed", range(14))
def test_against_every_valid_panel(seatwise, tmp_path, seed):
    text, policy = small_body(seed)
    for method in ["maximin", "leximin"]:
        nominations, policy_path, done = run_lottery(seatwise, tmp_path, text, policy, "--method", method)
        inst = load(nominations, policy_path)
        panels = valid_panels(inst)
        if not panels:
            assert done.returncode == 1, done.stderr
            return
        assert done.returncode == 0, done.stderr
        doc = report(done)
        check_distribution(doc, inst)
        free = [i for i, n in enumerate(inst.nominees) if fixed_value(inst, n) is None]
        eligible = [i for i in free if any(i in p for p in panels)]
        assert sorted(doc["unseatable"]) == sorted(inst.nominees[i].id for i in free if i not in eligible)
        if not eligible:
            continue
        chance = {p["id"]: p["probability"] for p in doc["probabilities"]}
        best = lp_level(panels, eligible, {})
        assert abs(doc["minimum"] - best) < 1e-6, (method, doc["minimum"], best)
        check_certificate(doc, inst)
        assert doc["upper_bound"] >= best - 1e-6 and doc["status"] == "optimal"
        if method == "leximin":
            got = sorted(chance[inst.nominees[i].id] for i in eligible)
            want = leximin_vector(panels, eligible)
            assert max(abs(a - b) for a, b in zip(got, want)) < 1e-6, (got, want)


def test_the_draw_is_recomputed_from_the_published_values(seatwise, tmp_path):
    icg = ROOT / "examples" / "icg"
    done = seatwise("lottery", icg / "nominations.csv", "--policy", icg / "policy.yaml", "--draw", "45 9 27 18 36 / 12, 3", "--format", "json", expect=0)
    doc = report(done)
    # RFC 3797: each source's numbers ascending, each followed by ".", each source by "/".
    key = "9.18.27.36.45./3.12./"
    assert doc["draw"]["key"] == key
    digest = hashlib.md5(b"\x00\x00" + key.encode() + b"\x00\x00").digest()
    tickets = doc["lottery"]["tickets"]
    ticket = int.from_bytes(digest, "big") % tickets + 1
    assert doc["draw"]["digest"] == digest.hex() and doc["draw"]["ticket"] == ticket
    entries = doc["lottery"]["entries"]
    assert sum(e["tickets"] for e in entries) == tickets
    assert [e["first"] for e in entries] == list(itertools.accumulate([1] + [e["tickets"] for e in entries[:-1]]))
    holder = next(e for e in entries if e["first"] <= ticket < e["first"] + e["tickets"])
    assert doc["draw"]["panel"] == holder["panel"]
    # Canonical order: each panel's ids ascending, panels by their id lists.
    panels = [e["panel"] for e in entries]
    assert all(p == sorted(p) for p in panels) and panels == sorted(panels)
    # Every ticket's panel meets every rule; each chance in the ticket lottery moves from the exact one by
    # the reported largest change at most, and nominees alike hold tickets within one of each other.
    check_tickets(doc, load(icg / "nominations.csv", icg / "policy.yaml"))


def check_tickets(doc, inst):
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    tickets = doc["lottery"]["tickets"]
    held = {}
    for e in doc["lottery"]["entries"]:
        panel = {index[i] for i in e["panel"]}
        for row in inst.rows:
            assert row.lower <= sum(1 for i in row.members if i in panel) <= row.upper, (e["panel"], row.ref)
        for i in e["panel"]:
            held[i] = held.get(i, 0) + e["tickets"]
    change = max(abs(held.get(p["id"], 0) / tickets - p["probability"]) for p in doc["probabilities"])
    assert abs(change - doc["lottery"]["largest_change"]) < 1e-9
    # Alike: in the same rows of the independent model, with the same fixing.
    rows_of = {}
    for r, row in enumerate(inst.rows):
        for i in row.members:
            rows_of.setdefault(i, set()).add(r)
    classes = {}
    for i, n in enumerate(inst.nominees):
        classes.setdefault((frozenset(rows_of.get(i, ())), fixed_value(inst, n)), []).append(held.get(n.id, 0))
    for counts in classes.values():
        assert max(counts) - min(counts) <= 1, counts
    return held


def test_nominees_no_valid_panel_can_seat_are_reported(seatwise, tmp_path):
    text = "id,name,group,gender,country,rank\nA1,Ann,G,female,KEN,\nA2,Bea,G,female,DEU,\nA3,Cal,G,male,BRA,\nA4,Dan,G,male,IND,\n"
    policy = {"body": "Two women", "seats": {"G": 2}, "quotas": [{"attribute": "gender", "value": "female", "min": 2}]}
    _, _, done = run_lottery(seatwise, tmp_path, text, policy)
    doc = report(done)
    assert sorted(doc["unseatable"]) == ["A3", "A4"]
    assert doc["minimum"] == pytest.approx(1.0) and [d["panel"] for d in doc["distribution"]] == [["A1", "A2"]]
    # A per-group lottery ignores the quotas: two seats among four, one chance in two each (review finding).
    assert [p["per_group_lottery"] for p in doc["probabilities"]] == [0.5] * 4


def test_bad_draw_values_are_bad_input(seatwise, tmp_path):
    icg = ROOT / "examples" / "icg"
    done = seatwise("lottery", icg / "nominations.csv", "--policy", icg / "policy.yaml", "--draw", "12 x3 / 4", expect=2)
    assert "'x3' is not a whole number" in done.stderr and done.stdout == ""


def test_a_lottery_policy_selects_by_lottery_and_verify_rederives_it(seatwise, tmp_path):
    """`objective: lottery` in a policy (method and draw values there too); `verify` re-derives the report and
    names each change made to it."""
    import yaml
    icg = ROOT / "examples" / "icg"
    policy = yaml.safe_load((icg / "policy.yaml").read_text())
    policy["objective"] = "lottery"
    policy["lottery"] = {"method": "maximin", "draw": "4 8 15 / 16 23 42"}
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(policy), encoding="utf-8")
    seatwise("select", icg / "nominations.csv", "--policy", tmp_path / "p.yaml", "--output", tmp_path / "l.json", expect=0)
    doc = json.loads((tmp_path / "l.json").read_text())
    assert doc["kind"] == "lottery" and doc["method"] == "maximin" and doc["draw"]["key"] == "4.8.15./16.23.42./"
    assert seatwise("verify", tmp_path / "l.json", icg / "nominations.csv", "--policy", tmp_path / "p.yaml").returncode == 0
    doc["draw"]["ticket"] += 1
    doc["distribution"][0]["panel"][0] = doc["distribution"][-1]["panel"][-1]
    (tmp_path / "bad.json").write_text(json.dumps(doc))
    done = seatwise("verify", tmp_path / "bad.json", icg / "nominations.csv", "--policy", tmp_path / "p.yaml", expect=1)
    assert "the draw does not follow from the published values" in done.stdout and "break" in done.stdout


def test_minimum_at_least_that_of_sortition_algorithms_maximin(seatwise, tmp_path):
    """Side by side with the Sortition Foundation's maximin on a pool both can express (seats per group,
    body-wide minimums): Seatwise's proved minimum is at least theirs (within 1e-6)."""
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    import lottery as bench
    import os
    binary = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
    pool, policy, body = bench.instance(binary, tmp_path / "pool", 90, 12)
    _, ours = bench.seatwise(binary, pool, policy, "maximin")
    _, theirs = bench.theirs(pool, body, 12)
    assert ours["status"] == "optimal" and ours["minimum"] >= theirs - 1e-6, (ours["minimum"], theirs)


def test_review_findings(seatwise, tmp_path):
    """An adversarial review's findings, each now held: fixed members filling every seat, verify's draw and
    distribution checks, refused options, merged levels, the draw values' form."""
    import yaml
    text = "id,name,group,gender,country,rank,status\nA1,Ann,G,female,KEN,,required\nA2,Bea,G,female,DEU,,\nB1,Cal,H,male,BRA,,continuing\nB2,Dan,H,male,IND,,\n"
    policy = {"body": "Fixed", "seats": {"G": 1, "H": 1}}
    _, _, done = run_lottery(seatwise, tmp_path, text, policy)
    assert done.returncode == 0, done.stderr
    doc = report(done)
    assert [d["panel"] for d in doc["distribution"]] == [["A1", "B1"]] and doc["distribution"][0]["probability"] == 1

    icg = ROOT / "examples" / "icg"
    args = [icg / "nominations.csv", "--policy", icg / "policy.yaml"]
    seatwise("lottery", *args, "--draw", "4 8 15 / 16 23 42", "--output", tmp_path / "l.json", expect=0)
    original = json.loads((tmp_path / "l.json").read_text())
    levels = [l["probability"] for l in original["levels"]]
    assert all(abs(a - b) > 1e-7 for a, b in zip(levels, levels[1:])), levels

    def verify_changed(change):
        doc = json.loads(json.dumps(original))
        change(doc)
        (tmp_path / "t.json").write_text(json.dumps(doc))
        return seatwise("verify", tmp_path / "t.json", *args)

    assert verify_changed(lambda d: None).returncode == 0
    def null_ticket(d):
        d["draw"]["ticket"] = None
        d["draw"]["panel"] = d["lottery"]["entries"][0]["panel"]
    assert verify_changed(null_ticket).returncode == 1
    def leading_zero(d):
        d["draw"]["sources"][0][0] = "04"
    assert verify_changed(leading_zero).returncode == 1
    def zero_tickets(d):
        d["lottery"]["tickets"] = 0
    done = verify_changed(zero_tickets)
    assert done.returncode == 1 and "1 to 1,000,000" in done.stdout
    def other_distribution(d):
        a, b = d["distribution"][0], d["distribution"][1]
        a["probability"], b["probability"] = b["probability"], a["probability"]
    assert verify_changed(other_distribution).returncode == 1

    lottery_policy = yaml.safe_load((icg / "policy.yaml").read_text())
    lottery_policy["objective"] = "lottery"
    (tmp_path / "lp.yaml").write_text(yaml.safe_dump(lottery_policy))
    done = seatwise("select", icg / "nominations.csv", "--policy", tmp_path / "lp.yaml", "--public", expect=2)
    assert "--public" in done.stderr and done.stdout == ""
    assert "source 2 is empty" in seatwise("lottery", *args, "--draw", "1 / / 2", expect=2).stderr
    assert "is too large" in seatwise("lottery", *args, "--draw", "18446744073709551616", expect=2).stderr
    independent = report(seatwise("lottery", *args, "--mode", "independent", "--format", "json", expect=0))
    assert independent["mode"] == "independent"
    assert "not enforced" in seatwise("lottery", *args, "--mode", "independent", expect=0).stdout


def test_interchangeable_nominees_share_one_chance(seatwise, tmp_path):
    """Classes of three to five people the rules cannot tell apart: the maximin minimum still equals the LP
    over every valid panel (7,616 of them) solved with HiGHS, every panel meets every rule, and everyone
    alike has the same chance."""
    rows = ["id,name,group,gender,country,development,rank"]
    kinds = [("female", "KEN"), ("male", "KEN"), ("female", "DEU"), ("male", "DEU")]
    sizes = {"G1": (10, 3), "G2": (8, 2), "G3": (8, 2)}
    for g, (n, _) in sizes.items():
        for k in range(n):
            gender, country = kinds[(k * 7 + len(g)) % 4 if g != "G1" else k % 4]
            rows.append(f"{g}-{k},P {g}-{k},{g},{gender},{country},,")
    policy = {"body": "Classes", "seats": {g: s for g, (_, s) in sizes.items()},
              "quotas": [{"attribute": "gender", "value": "female", "min": 4},
                         {"attribute": "development", "value": "developed", "max": 3},
                         {"attribute": "gender", "value": "male", "min": 1, "per": "group"}]}
    text = "\n".join(rows) + "\n"
    nominations, policy_path, done = run_lottery(seatwise, tmp_path, text, policy, "--method", "maximin")
    assert done.returncode == 0, done.stderr
    doc = report(done)
    inst = load(nominations, policy_path)
    check_distribution(doc, inst)
    panels = valid_panels(inst)
    assert len(panels) == 7616, len(panels)
    eligible = [i for i in range(len(inst.nominees)) if any(i in p for p in panels)]
    best = lp_level(panels, eligible, {})
    assert abs(doc["minimum"] - best) < 1e-6, (doc["minimum"], best)
    chance = {p["id"]: p["probability"] for p in doc["probabilities"]}
    alike = {}
    for line in rows[1:]:
        i, _, g, gender, country, _, _ = line.split(",")
        alike.setdefault((g, gender, country), []).append(chance[i])
    assert any(len(v) >= 3 for v in alike.values())
    for values in alike.values():
        assert max(values) - min(values) < 1e-9, values
    assert any("cannot tell apart" in note for note in doc["notes"])


def test_two_thousand_nominees_every_panel_meets_every_rule(seatwise, tmp_path):
    """At 2,000 nominees and 60 seats (the benchmark's pool): LEXIMIN proved optimal, every panel of the
    distribution checked against the independent model, chances summed over panels."""
    import sys
    import os
    sys.path.insert(0, str(ROOT / "bench"))
    import lottery as bench
    binary = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
    pool, policy, _ = bench.instance(binary, tmp_path / "pool", 2000, 60)
    done = seatwise("lottery", pool, "--policy", policy, "--method", "leximin", "--format", "json", expect=0)
    doc = report(done)
    assert doc["status"] == "optimal" and doc["gap"] < 1e-6
    inst = load(pool, policy)
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    assert abs(sum(d["probability"] for d in doc["distribution"]) - 1) < 1e-9
    chance = {}
    for d in doc["distribution"]:
        panel = {index[i] for i in d["panel"]}
        assert len(panel) == 60
        for row in inst.rows:
            assert row.lower <= sum(1 for i in row.members if i in panel) <= row.upper, row.ref
        for i in d["panel"]:
            chance[i] = chance.get(i, 0) + d["probability"]
    for p in doc["probabilities"]:
        assert abs(chance.get(p["id"], 0) - p["probability"]) < 1e-9
    assert min(p["probability"] for p in doc["probabilities"] if p["id"] not in doc["unseatable"]) >= doc["minimum"] - 1e-9
    check_certificate(doc, inst)
    assert doc["classes"] < 200 and len(doc["distribution"]) < 4000
    # The ticket lottery keeps everyone close to their chance however many panels the distribution has.
    held = check_tickets(doc, inst)
    eligible = [p["id"] for p in doc["probabilities"] if p["id"] not in doc["unseatable"]]
    assert min(held.get(i, 0) for i in eligible) / doc["lottery"]["tickets"] >= doc["minimum"] - 0.003


def test_a_stage_proved_by_its_stability_centre_ends(seatwise, tmp_path):
    """Review finding: when the stability centre proved a stage but the master's own weights did not, the
    loop repeated the same master and pricing for ever. Both methods now end, optimal, at 1/3."""
    text = "id,name,group,gender,country\n" + "".join(
        f"{i},P{i},{g},{s},KEN\n" for i, g, s in [("N01", "G2", "male"), ("N02", "G3", "female"), ("N03", "G2", "male"), ("N04", "G2", "female"),
                                                ("N05", "G3", "female"), ("N07", "G2", "female"), ("N09", "G2", "male"), ("N10", "G2", "male"),
                                                ("N11", "G3", "female"), ("N12", "G2", "male"), ("N13", "G2", "male"), ("N15", "G3", "male")])
    policy = {"body": "Hang", "seats": {"G2": 3, "G3": 2}, "quotas": [{"attribute": "gender", "value": "female", "min": 1, "per": "group"}]}
    for method in ["maximin", "leximin"]:
        nominations, policy_path, done = run_lottery(seatwise, tmp_path, text, policy, "--method", method, "--time-limit", "20")
        doc = report(done)
        assert doc["status"] == "optimal" and abs(doc["minimum"] - 1 / 3) < 1e-6, (method, doc["status"], doc["minimum"])
        check_distribution(doc, load(nominations, policy_path))


def test_a_time_limit_keeps_a_distribution(seatwise, tmp_path):
    """Review finding: a limit reached before the first master solve gave an empty distribution with exit 0.
    Whatever the limit, the report has a distribution of valid panels summing to 1 (or exit 3, nothing
    written, when not everyone who can be seated was yet found in a panel)."""
    import sys
    import os
    sys.path.insert(0, str(ROOT / "bench"))
    import lottery as bench
    binary = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
    pool, policy, _ = bench.instance(binary, tmp_path / "pool", 300, 30)
    inst = load(pool, policy)
    outcomes = set()
    for limit in ["0.001", "0.01", "0.02", "0.03", "0.05", "0.08", "0.12"]:
        done = seatwise("lottery", pool, "--policy", policy, "--method", "leximin", "--time-limit", limit, "--format", "json")
        if done.returncode == 3:
            assert done.stdout == "" and "time limit" in done.stderr
            outcomes.add("none")
            continue
        assert done.returncode == 0, done.stderr
        doc = report(done)
        assert doc["distribution"], limit
        check_distribution(doc, inst)
        assert doc["minimum"] > 0 and doc["minimum"] <= doc["upper_bound"] + 1e-9
        outcomes.add(doc["status"])
    assert outcomes - {"none"}, outcomes


def test_the_report_published_before_the_draw_verifies_and_ranked_commands_refuse_a_lottery(seatwise, tmp_path):
    """Review findings: the undrawn report (draw null) verifies; explain, compare and what-if refuse a lottery
    policy (exit 2) instead of answering by the rank sum."""
    import yaml
    icg = ROOT / "examples" / "icg"
    args = [icg / "nominations.csv", "--policy", icg / "policy.yaml"]
    seatwise("lottery", *args, "--output", tmp_path / "undrawn.json", expect=0)
    doc = json.loads((tmp_path / "undrawn.json").read_text())
    assert doc["draw"] is None and doc["lottery"]["entries"]
    done = seatwise("verify", tmp_path / "undrawn.json", *args, expect=0)
    assert "ticket lottery" in done.stdout
    policy = yaml.safe_load((icg / "policy.yaml").read_text())
    policy["objective"] = "lottery"
    (tmp_path / "lp.yaml").write_text(yaml.safe_dump(policy))
    (tmp_path / "q.yaml").write_text("- name: one\n  seat: [ICG-001]\n")
    for command in (["explain", icg / "nominations.csv", "--policy", tmp_path / "lp.yaml"],
                    ["compare", icg / "nominations.csv", "--policy", tmp_path / "lp.yaml"],
                    ["what-if", icg / "nominations.csv", "--policy", tmp_path / "lp.yaml", "--questions", tmp_path / "q.yaml"]):
        done = seatwise(*command, expect=2)
        assert "objective is lottery" in done.stderr and done.stdout == "", command
