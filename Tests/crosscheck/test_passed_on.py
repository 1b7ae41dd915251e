"""Explanations a colleague can pass on: one nominee's explanation states who they are (group, rank,
gender, region, country, as the nominations file gives them) before the decision and the rules; a what-if
that changes a group no adjustment named says why, and the rule it names is one the file's own counts show
at its limit, moved by the named change and moved back by that group's swap."""

import csv
import json

import pytest
import yaml

from conftest import ROOT

MAG = ROOT / "examples/mag"
ROWS = {r["id"]: r for r in csv.DictReader(open(MAG / "nominations.csv", encoding="utf-8"))}
# Each nominee's region from the bundled country table, as the file leaves it to the table.
REGIONS = {r["iso3"]: r["un_regional_group"] for r in csv.DictReader(open(ROOT / "Sources/Seatwise/Resources/countries.csv", encoding="utf-8"))}
for row in ROWS.values():
    row["region"] = REGIONS[row["country"]]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@pytest.mark.parametrize("nominee", ["MAG-016", "MAG-096", "MAG-010"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_an_explanation_says_who_the_nominee_is_before_the_rules(seatwise, nominee, fmt):
    row = ROWS[nominee]
    text = seatwise("explain", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--nominee", nominee, "--format", fmt, expect=0).stdout
    ranked = f", ranked {ordinal(int(row['rank']))}" if row["rank"] else ", unranked"
    who = f"nominated by {row['group']}{ranked}; {row['gender']}; {row['region']}; {row['country']}"
    assert who in text.replace("&#39;", "'"), who
    decision = {"text": "Decision", "markdown": "**Decision**", "html": "<b>seated"}[fmt]
    if decision in text:
        assert text.index(who) < text.index(decision)
    if "Rules behind it" in text:
        assert text.index(who) < text.index("Rules behind it")


def test_a_group_no_adjustment_named_changes_for_a_rule_its_counts_show(seatwise, tmp_path):
    questions = [{"exclude": ["MAG-013"]}, {"exclude": ["MAG-016"]}, {"seat": ["MAG-010"]}, {"seat": ["MAG-011"]}]
    (tmp_path / "q.yaml").write_text(yaml.safe_dump(questions))
    doc = json.loads(seatwise("what-if", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--questions", tmp_path / "q.yaml",
                              "--format", "json", expect=0).stdout)
    quotas = yaml.safe_load(open(MAG / "policy.yaml"))["quotas"]
    seen = 0
    for question, entry in zip(questions, doc["questions"]):
        d = entry["difference"]
        named = {ROWS[i]["group"] for i in question.get("exclude", []) + question.get("seat", [])}
        changed = {ROWS[i]["group"] for i in d["entering"] + d["leaving"]}
        assert {a["group"] for a in d["also_changing"]} == changed - named
        for also in d["also_changing"]:
            seen += 1
            assert also["group"] in also["message"] and all(i in also["message"] for i in d["entering"] if ROWS[i]["group"] == also["group"])
            if also["rule"] is None:
                continue
            # The rule's attribute and value from its label, its bound from the policy: counted on the file's rows.
            k = int(also["rule"].split(":")[0].split()[1]) - 1
            q = quotas[k]
            attribute, value = q["attribute"], q.get("value")
            assert value is not None and q.get("per") is None and q.get("group") is None, q
            def net(ids):
                return sum(1 for i in ids if ROWS[i][attribute] == value)
            direct = net([i for i in d["entering"] if ROWS[i]["group"] in named]) - net([i for i in d["leaving"] if ROWS[i]["group"] in named])
            here = net([i for i in d["entering"] if ROWS[i]["group"] == also["group"]]) - net([i for i in d["leaving"] if ROWS[i]["group"] == also["group"]])
            assert direct != 0 and here == -direct or (direct * here < 0), (direct, here)
            base = json.loads(seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "json",
                                       *sum((["--" + k2, v] for k2, vs in question.items() for v in vs), [])).stdout)
            count = sum(1 for m in base["selected"] if ROWS[m["id"]][attribute] == value)
            bound = q.get("min") or q.get("max")
            seats = 50
            limit = -(-int(bound[:-1]) * seats // 100) if isinstance(bound, str) and bound.endswith("%") else int(bound)
            assert count == limit, (also["rule"], count, limit)
    assert seen >= 2
