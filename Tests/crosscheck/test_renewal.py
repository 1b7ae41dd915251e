"""`status` and `terms` as quota attributes, and `rules.renewal: {min_new, per}`: on random bodies with
continuing members, Seatwise's optimum (or infeasibility) equals HiGHS's on the independent model, where
the renewal rule is the quota `status = new` it stands for; the JSON labels the row as the renewal rule."""

import random

import pytest

from conftest import report
from independent_model import Solver, effective_ranks, fixings_of, load
from random_bodies import body


def with_continuing(csv_text, rng):
    lines = csv_text.strip().split("\n")
    header = lines[0].split(",")
    s, t = header.index("status"), header.index("terms")
    out = [lines[0]]
    for line in lines[1:]:
        parts = line.split(",")
        if parts[s] == "new" and rng.random() < 0.06:
            parts[s], parts[t] = "continuing", str(rng.randint(0, 2))
        out.append(",".join(parts))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", range(12))
def test_renewal_rule_and_standing_quotas(seatwise, write_body, seed):
    rng = random.Random(seed)
    csv_text, policy = body(7100 + seed, rng.choice([30, 60, 120]))
    csv_text = with_continuing(csv_text, rng)
    policy.setdefault("rules", {})
    policy["rules"]["renewal"] = {"min_new": rng.choice(["34%", "50%", 1, 2]), "per": rng.choice(["group", "body"])}
    if rng.random() < 0.5:
        policy["quotas"].append({"attribute": "terms", "value": "2", "max": 1, "per": "group"})
    nominations, policy_path = write_body(csv_text, policy)
    done = seatwise("select", nominations, "--policy", policy_path, "--format", "json")
    inst = load(nominations, policy_path)
    ranks = effective_ranks(inst)
    s = Solver(inst, inst.rows, fixings_of(inst))
    best = s.minimize({k: ranks[i] for i, k in s.index.items()})
    if best is None:
        assert done.returncode == 1, done.stderr
        return
    assert done.returncode == 0, done.stderr
    doc = report(done)
    assert doc["objective"]["rank_sum"] == best
    renewal = [q for q in doc["quotas"] if q["attribute"] == "status"]
    assert renewal and all(q["label"].startswith("renewal rule: status = new") for q in renewal)
    assert all(q["quota"] == len(policy["quotas"]) + 1 for q in renewal)
    new = {m["id"] for m in doc["selected"] if m["status"] == "new"}
    for q in renewal:
        scope = [m for m in doc["selected"] if q["scope"] == "body" or m["group"] == q["scope"]]
        assert q["count"] == sum(1 for m in scope if m["id"] in new) >= q["min"]


def test_renewal_rule_errors_name_the_key(seatwise, write_body):
    text = "id,name,group,gender,country,rank\nA1,Ann,G,female,KEN,1\n"
    nominations, policy_path = write_body(text, {"body": "T", "seats": {"G": 1}, "rules": {"renewal": {"min_new": "lots", "per": "region"}}})
    done = seatwise("select", nominations, "--policy", policy_path, expect=2)
    assert "rules.renewal.min_new" in done.stderr and "rules.renewal.per" in done.stderr and "'region' is not group or body" in done.stderr
