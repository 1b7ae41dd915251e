"""`seatwise verify` re-derives a published JSON report: every example's report verifies (with adjustments
and in both modes), and changing one member, the seed, or one byte of an input makes it fail, exit 1,
saying which difference; the reported panel's objective and rules are checked here in Python too."""

import json
import random

import pytest

from conftest import ROOT, report

EXAMPLES = ["mag", "wgec", "icg", "infeasible"]


def publish(seatwise, tmp_path, example, *extra):
    folder = ROOT / "examples" / example
    out = tmp_path / f"{example}.json"
    done = seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--output", out, *extra)
    assert done.returncode in (0, 1), done.stderr
    return folder, out


def verify(seatwise, published, folder, nominations=None, policy=None):
    return seatwise("verify", published, nominations or folder / "nominations.csv", "--policy", policy or folder / "policy.yaml")


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_report_verifies(seatwise, tmp_path, example):
    folder, published = publish(seatwise, tmp_path, example)
    done = verify(seatwise, published, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("verified")


@pytest.mark.parametrize("mode", ["coordinated", "independent"])
def test_adjusted_round_and_both_modes_verify(seatwise, tmp_path, mode):
    folder, published = publish(seatwise, tmp_path, "mag", "--mode", mode, "--seed", "77", "--exclude", "MAG-007", "--seat", "MAG-030")
    doc = json.loads(published.read_text())
    assert {a["option"] for a in doc["round"]["adjustments"]} == {"exclude", "seat"}
    done = verify(seatwise, published, folder)
    assert done.returncode == 0, done.stdout
    # Dropping the adjustments from the report is a difference: the panel no longer follows.
    doc["round"]["adjustments"] = []
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert done.returncode == 1
    assert "MAG-007" in done.stdout or "MAG-030" in done.stdout


def test_one_member_changed_is_named(seatwise, tmp_path):
    folder, published = publish(seatwise, tmp_path, "mag")
    doc = json.loads(published.read_text())
    seated = {m["id"] for m in doc["selected"]}
    ids = [line.split(",")[0] for line in (folder / "nominations.csv").read_text().splitlines()[1:]]
    outsider = next(i for i in ids if i not in seated)
    gone = doc["selected"][5]["id"]
    doc["selected"][5]["id"] = outsider
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert done.returncode == 1
    assert f"[{outsider}]" in done.stdout and "should not be there" in done.stdout
    assert f"[{gone}]" in done.stdout and "should be seated" in done.stdout


def test_seed_changed_is_named(seatwise, tmp_path):
    folder, published = publish(seatwise, tmp_path, "mag", "--seed", "5")
    doc = json.loads(published.read_text())
    doc["seed"] = 6
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert done.returncode == 1
    assert "seed" in done.stdout


@pytest.mark.parametrize("which", ["nominations", "policy"])
def test_one_byte_of_an_input_changed_is_named(seatwise, tmp_path, which):
    folder, published = publish(seatwise, tmp_path, "wgec")
    source = folder / ("nominations.csv" if which == "nominations" else "policy.yaml")
    data = bytearray(source.read_bytes())
    # One letter of a name (or of the body's name) changed: the file stays valid, only its bytes differ.
    line = data.index(b"\n") + 1 if which == "nominations" else data.index(b"body:") + len(b"body:")
    k = next(i for i in range(line, len(data)) if chr(data[i]).islower())
    data[k] = ord("x") if data[k] != ord("x") else ord("y")
    changed = tmp_path / source.name
    changed.write_bytes(bytes(data))
    done = verify(seatwise, published, folder, **{which: changed})
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{changed} is not the {which} file the report was made from" in done.stdout


def test_a_better_panel_is_named_with_its_objective(seatwise, tmp_path):
    """A report whose panel meets every rule but is not the best: verify says a better one exists, and the
    rank sums it gives are the ones counted here."""
    folder = tmp_path
    (folder / "nominations.csv").write_text("id,name,group,gender,country,rank\n"
                                            "A,Ann,G,female,FRA,1\nB,Bo,G,male,DEU,2\nC,Cy,G,female,ITA,3\nD,Di,G,male,ESP,4\n")
    (folder / "policy.yaml").write_text("body: B\nseats: {G: 2}\nquotas:\n  - { attribute: gender, value: female, min: 1 }\ntie_break: { seed: 3 }\n")
    published = folder / "r.json"
    seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--output", published, expect=0)
    doc = json.loads(published.read_text())
    assert sorted(m["id"] for m in doc["selected"]) == ["A", "B"]
    doc["selected"] = [m for m in doc["selected"] if m["id"] != "B"] + [{"id": "D"}]
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert done.returncode == 1
    assert "a better panel exists: rank sum 3 against the report's rank sum 5" in done.stdout
    doc["selected"] = [{"id": "B"}, {"id": "D"}]        # no woman: breaks the quota
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert "breaks a rule: quota 1: gender = female" in done.stdout


def test_not_a_selection_report_is_bad_input(seatwise, tmp_path):
    icg = ROOT / "examples" / "icg"
    audit = tmp_path / "audit.json"
    seatwise("audit", icg / "roster.csv", "--policy", icg / "policy.yaml", "--output", audit, expect=0)
    done = seatwise("verify", audit, icg / "nominations.csv", "--policy", icg / "policy.yaml")
    assert done.returncode == 2 and "audit report" in done.stderr
    junk = tmp_path / "junk.json"
    junk.write_text("{ not json")
    done = seatwise("verify", junk, icg / "nominations.csv", "--policy", icg / "policy.yaml")
    assert done.returncode == 2 and "is not JSON" in done.stderr


@pytest.mark.parametrize("change", ["name", "group", "rank", "words", "objective", "bound", "kind", "quota", "groups", "body", "status"])
def test_anything_the_report_states_is_checked(seatwise, tmp_path, change):
    folder, published = publish(seatwise, tmp_path, "mag")
    doc = json.loads(published.read_text())
    member = doc["selected"][3]
    if change == "name": member["name"] = "Someone Else"
    if change == "group": member["group"] = "Civil Society"
    if change == "rank": member["rank"] = 1
    if change == "words": doc["adjustments"] = ["adjusted: someone seated by decision of the coordinator"]
    if change == "objective": doc["objective"]["value"] = 1
    if change == "bound": doc["objective"]["bound"] = 1
    if change == "kind": doc["objective"]["kind"] = "lexicographic"
    if change == "quota": doc["quotas"][0]["count"] = 999
    if change == "groups": doc["groups"] = []
    if change == "body": doc["body"] = "Another body"
    if change == "status": del doc["status"]
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert done.returncode == 1, done.stdout
    assert "NOT VERIFIED" in done.stdout


def test_explained_redacted_and_repaired_reports_verify(seatwise, tmp_path):
    folder, published = publish(seatwise, tmp_path, "mag", "--explain", "--redact", "--public")
    done = verify(seatwise, published, folder)
    assert done.returncode == 0, done.stdout
    doc = json.loads(published.read_text())
    doc["explanations"][0]["message"] = "because we liked them"
    published.write_text(json.dumps(doc))
    assert verify(seatwise, published, folder).returncode == 1
    folder, published = publish(seatwise, tmp_path, "infeasible", "--repair")
    assert verify(seatwise, published, folder).returncode == 0
    doc = json.loads(published.read_text())
    doc["repaired"][0]["selected"][0]["id"] = "nobody"
    published.write_text(json.dumps(doc))
    done = verify(seatwise, published, folder)
    assert done.returncode == 1 and "repaired" in done.stdout


def test_a_report_from_a_named_sheet_verifies_from_that_sheet(seatwise, tmp_path):
    import csv as csvmodule

    import openpyxl
    mag = ROOT / "examples" / "mag"
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active.append(["nothing here but notes"])
    ws = wb.create_sheet("MAG 2027")
    for row in csvmodule.reader(open(mag / "nominations.csv", encoding="utf-8")):
        ws.append(row)
    wb.save(tmp_path / "book.xlsx")
    published = tmp_path / "r.json"
    seatwise("select", tmp_path / "book.xlsx", "--sheet", "MAG 2027", "--policy", mag / "policy.yaml", "--output", published, expect=0)
    assert json.loads(published.read_text())["inputs"]["nominations_sheet"] == "MAG 2027"
    done = seatwise("verify", published, tmp_path / "book.xlsx", "--policy", mag / "policy.yaml")
    assert done.returncode == 0, done.stdout
