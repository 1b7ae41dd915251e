"""Auditing a published composition (a table of counts, no names): the counts are those of the roster it
summarises, quota verdicts equal those of auditing the roster itself and those counted here in Python,
quotas on attributes the table does not give are NOT VERIFIED (never judged), and the reference-share
probabilities are the exact binomial tails computed here."""

import collections
import csv
import json
import math

import pytest
import yaml

from conftest import ROOT, report


def composition_of(roster_rows, attributes, path):
    counts = collections.Counter(tuple([r["group"]] + [r[a] for a in attributes]) for r in roster_rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["group"] + attributes + ["count"])
        for key in sorted(counts):
            w.writerow(list(key) + [counts[key]])


def quota_rows(doc):
    return {(q["label"]): (q["count"], q["satisfied"]) for q in doc["quotas"]}


def test_composition_audit_equals_the_roster_audit(seatwise, tmp_path):
    icg = ROOT / "examples" / "icg"
    roster = list(csv.DictReader(open(icg / "roster.csv", encoding="utf-8")))
    # The roster's countries give region and development; the table gives them explicitly.
    full = report(seatwise("audit", icg / "roster.csv", "--policy", icg / "policy.yaml", "--format", "json"))
    table = tmp_path / "composition.csv"
    composition_of(roster, ["gender", "country"], table)
    done = seatwise("audit", "--composition", table, "--policy", icg / "policy.yaml", "--format", "json")
    assert done.returncode == 0, done.stderr
    counted = report(done)
    assert counted["size"] == len(roster)
    # Quotas on attributes the table gives: the same rows, counts and verdicts as auditing the names.
    policy = yaml.safe_load(open(icg / "policy.yaml"))
    given = {"gender", "country", "region", "development", "group"}
    expected = {label: v for label, v in quota_rows(full).items()
                if any(label.startswith(f"quota {k + 1}:") for k, q in enumerate(policy.get("quotas", [])) if q["attribute"] in given)}
    assert {k: v for k, v in quota_rows(counted).items() if k in expected} == expected
    unverified = set(counted["unverified_quotas"])
    assert unverified == {k + 1 for k, q in enumerate(policy.get("quotas", [])) if q["attribute"] not in given}


def test_counts_verdicts_and_binomial_tails_by_hand(seatwise, tmp_path):
    table = tmp_path / "mag-2026.csv"
    table.write_text("group,gender,region,count\n"
                     "Government,female,African,3\nGovernment,male,WEOG,10\nGovernment,male,Asia-Pacific,7\n"
                     "Civil Society,female,GRULAC,5\nCivil Society,male,Eastern European,5\n"
                     "Private Sector,male,WEOG,10\nTechnical Community,female,African,5\nTechnical Community,male,Asia-Pacific,5\n")
    policy = tmp_path / "policy.yaml"
    policy.write_text(yaml.safe_dump({
        "body": "A body", "seats": {"Government": 20, "Civil Society": 10, "Private Sector": 10, "Technical Community": 10},
        "quotas": [{"attribute": "gender", "value": "female", "min": "40%"},
                   {"attribute": "region", "each": True, "min": 8},
                   {"attribute": "gender", "value": "female", "min": 3, "per": "group"},
                   {"attribute": "development", "value": "developing", "min": "50%"},
                   {"attribute": "organization", "each": True, "max": 1}]}, sort_keys=False))
    doc = report(seatwise("audit", "--composition", table, "--policy", policy, "--reference", "gender=female:0.5", "--format", "json", expect=0))
    rows = list(csv.DictReader(open(table)))
    n = sum(int(r["count"]) for r in rows)
    women = sum(int(r["count"]) for r in rows if r["gender"] == "female")
    labels = quota_rows(doc)
    assert labels["quota 1: gender = female, at least 20 of 50 seats in the body"] == (women, women >= 20)
    for region in ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]:
        c = sum(int(r["count"]) for r in rows if r["region"] == region)
        assert labels[f"quota 2: region = {region}, at least 8 of 50 seats in the body"] == (c, c >= 8)
    for group, seats in [("Government", 20), ("Civil Society", 10), ("Private Sector", 10), ("Technical Community", 10)]:
        c = sum(int(r["count"]) for r in rows if r["group"] == group and r["gender"] == "female")
        assert labels[f"quota 3: gender = female, at least 3 of {seats} seats in {group}"] == (c, c >= 3)
    # development and organization are not in the table: not judged, said so.
    assert doc["unverified_quotas"] == [4, 5]
    assert not any(label.startswith(("quota 4:", "quota 5:")) for label in labels)
    share = next(s for s in doc["shares"] if s["attribute"] == "gender" and s["value"] == "female")
    assert share["count"] == women
    # P(X <= women) for X ~ Binomial(n, 0.5): the tail in the direction of the shortfall.
    tail = sum(math.comb(n, k) for k in range(0, women + 1)) / 2 ** n
    assert math.isclose(share["reference_p_value"], tail, rel_tol=1e-9)


def test_composition_from_a_workbook_and_bad_tables(seatwise, tmp_path):
    import openpyxl  # noqa: E402 (make deps installs it)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Announced"
    for row in [["Group", "Gender", "Count"], ["Government", "female", 10.0], ["Government", "male", 10.0],
                ["Civil Society", "female", 5], ["Civil Society", "male", 5]]:
        ws.append(row)
    wb.save(tmp_path / "c.xlsx")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: {Government: 20, Civil Society: 10}\nquotas:\n  - { attribute: gender, value: female, min: 50% }\n")
    doc = report(seatwise("audit", "--composition", tmp_path / "c.xlsx", "--policy", policy, "--format", "json", expect=0))
    assert doc["size"] == 30 and doc["quotas"][0]["count"] == 15 and doc["quotas"][0]["satisfied"]
    bad = tmp_path / "bad.csv"
    bad.write_text("group,gender,count\nGovernment,female,ten\nAcademia,male,3\n")
    done = seatwise("audit", "--composition", bad, "--policy", policy)
    assert done.returncode == 2
    assert f"{bad}:2:" in done.stderr and "count: 'ten' is not a whole number" in done.stderr
    assert f"{bad}:3:1: group: 'Academia' is not a group of the policy" in done.stderr
    named = tmp_path / "named.csv"
    named.write_text("group,name,count\nGovernment,Ana,1\n")
    done = seatwise("audit", "--composition", named, "--policy", policy)
    assert done.returncode == 2 and "has no name column" in done.stderr
    done = seatwise("audit", "--policy", policy)
    assert done.returncode == 2 and "--composition" in done.stderr


def test_blank_cells_leave_a_verdict_open_only_when_they_could_change_it(seatwise, tmp_path):
    table = tmp_path / "c.csv"
    table.write_text("group,gender,count\nGovernment,female,10\nGovernment,,10\nCivil Society,female,5\nCivil Society,male,5\n")
    policy = tmp_path / "p.yaml"
    policy.write_text(yaml.safe_dump({"body": "B", "seats": {"Government": 20, "Civil Society": 10},
                                      "quotas": [{"attribute": "gender", "value": "male", "min": 10},       # 5 counted, up to 15: open
                                                 {"attribute": "gender", "value": "female", "min": 12},     # 15 counted: met whatever
                                                 {"attribute": "gender", "value": "female", "max": 14, "per": "group"}]}))  # Government 10..20: open
    done = seatwise("audit", "--composition", table, "--policy", policy, "--format", "json", expect=0)
    doc = report(done)
    # Judged: female >= 12 (15 counted, met whatever the blanks are) and Civil Society's cap (no blanks there).
    # Open: male >= 10 (5 to 15) and Government's cap (10 to 20): not verified, not among the judged rows.
    judged = {(q["quota"], q["scope"]): (q["count"], q["satisfied"]) for q in doc["quotas"]}
    assert judged == {(2, "body"): (15, True), (3, "Civil Society"): (5, True)}, judged
    assert doc["unverified_quotas"] == [1, 3]
    assert any("10 members have no gender" in n for n in doc["notes"])
    text = seatwise("audit", "--composition", table, "--policy", policy, expect=0).stdout
    assert "Composition " in text and "NOT VERIFIED: 5 counted, and 10 more whose gender the table leaves blank could make it met" in text


def test_every_problem_of_a_composition_row_is_listed(seatwise, tmp_path):
    table = tmp_path / "c.csv"
    table.write_text("group,region,count\nBogus,Nowhere,x\n")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: {Government: 2}\n")
    done = seatwise("audit", "--composition", table, "--policy", policy)
    assert done.returncode == 2
    assert "count: 'x'" in done.stderr and "group: 'Bogus'" in done.stderr and "region: 'Nowhere'" in done.stderr


def test_blank_cells_give_ranges_not_figures_on_the_known_alone(seatwise, tmp_path):
    # Once the reference test counted only the 13 members whose gender is given (2 of 13 women, one figure);
    # 7 blanks could be anything, so the share and the probability are ranges over every count they allow.
    table = tmp_path / "c.csv"
    table.write_text("group,gender,region,count\nGovernment,female,African,2\nGovernment,,WEOG,7\nGovernment,male,GRULAC,11\n")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: {Government: 20}\n")
    doc = report(seatwise("audit", "--composition", table, "--policy", policy, "--reference", "gender=female:0.5", "--format", "json", expect=0))
    share = next(s for s in doc["shares"] if s["attribute"] == "gender" and s["value"] == "female")
    assert share["count"] == 2 and share["unknown"] == 7 and share["share_range"] == [0.1, 0.45]
    assert share["reference_p_value"] is None
    tails = [sum(math.comb(20, j) for j in range(0, k + 1)) / 2 ** 20 for k in range(2, 10)]
    low, high = share["reference_test"]["one_sided_range"]
    assert math.isclose(low, min(tails), rel_tol=1e-9) and math.isclose(high, max(tails), rel_tol=1e-9)
