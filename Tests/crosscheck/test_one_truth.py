"""One truth across every surface: for generated instances of every shape (F/M genders, absent regions,
infeasible policies, adjusted rounds), every format states the counts and verdicts of the JSON report,
an audit of the selected panel judges every rule as the selection did, the reserve list is exactly the
unseated nominees some valid panel can seat (checked with HiGHS on an independent model), and a public
report names only the seated. Then one test per case that once disagreed."""

import csv
import io
import json
import math
import random
import re

import openpyxl
import pytest
import yaml

import independent_model as im
import random_bodies
from conftest import ROOT, report

VERDICT_WORDS = {"not_solved": "not solved", "met": "met", "met_at_limit": "met, at its limit",
                 "violated": "VIOLATED", "violated_not_enforced": "violated (not enforced)"}


def recode_genders(csv_text, policy):
    """The office codes gender F/M: the file and the policy's quotas say F and M."""
    out = csv_text.replace(",female,", ",F,").replace(",male,", ",M,")
    for q in policy["quotas"]:
        if q["attribute"] == "gender" and "value" in q:
            q["value"] = {"female": "F", "male": "M"}.get(q["value"], q["value"])
    return out, policy


def drop_region(csv_text, region):
    lines = csv_text.strip().split("\n")
    kept = [lines[0]] + [l for l in lines[1:] if f",{region}," not in l]
    return "\n".join(kept) + "\n"


def instance(seed):
    """Every fifth instance infeasible; a third coded F/M; some missing a region; some adjusted."""
    rng = random.Random(seed)
    csv_text, policy = random_bodies.body(seed, rng.choice([30, 45, 60]), infeasible=seed % 5 == 4)
    if seed % 3 == 0:
        csv_text, policy = recode_genders(csv_text, policy)
    if seed % 7 == 2:
        csv_text = drop_region(csv_text, "Eastern European")
        policy["quotas"].append({"attribute": "region", "each": True, "max": "50%"})
    if seed % 11 == 5:
        policy["quotas"].append({"attribute": "region", "each": True, "min": 1})
    return csv_text, policy


def adjustments(seed, csv_text):
    rng = random.Random(seed * 7 + 1)
    if seed % 4 != 1:
        return []
    ids = [line.split(",")[0] for line in csv_text.strip().split("\n")[1:] if ",new," in line]
    return ["--exclude", rng.choice(ids)] if ids else []


def html_quota_verdicts(html):
    """Verdict badges of the quota chart, in order."""
    chart = html.split('id="quota-chart"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<span class="(?:ok|bad|muted)">([^<]*)</span>', chart)


def audit_of(seatwise, tmp_path, csv_text, chosen, nominations, policy_path, name="roster"):
    """The audit, under the same policy with the nominations as its pool, of the nominees in `chosen`."""
    reader = csv.DictReader(io.StringIO(csv_text))
    roster = tmp_path / f"{name}.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=reader.fieldnames)
        w.writeheader()
        for row in reader:
            if row["id"] in chosen:
                w.writerow(row)
    return report(seatwise("audit", roster, "--policy", policy_path, "--pool", nominations, "--format", "json"))


@pytest.mark.parametrize("seed", range(50))
def test_every_surface_states_the_json_report(seatwise, write_body, tmp_path, seed):
    csv_text, policy = instance(seed)
    nominations, policy_path = write_body(csv_text, policy)
    extra = adjustments(seed, csv_text)
    done = seatwise("select", nominations, "--policy", policy_path, "--format", "json", "--alternates", "2", *extra)
    assert done.returncode in (0, 1), done.stderr
    doc = report(done)
    solved = doc["status"] != "infeasible"
    assert (done.returncode == 0) == solved
    quotas = doc["quotas"]
    for q in quotas:
        if not solved:
            assert q["verdict"] == "not_solved" and q["satisfied"] is None and q["count"] is None
        else:
            met = (q["min"] is None or q["count"] >= q["min"]) and (q["max"] is None or q["count"] <= q["max"])
            assert q["satisfied"] == met and q["verdict"] in ("met", "met_at_limit", "violated", "violated_not_enforced")
    # The same verdict words in the workbook and the text report.
    xlsx = tmp_path / "r.xlsx"
    seatwise("select", nominations, "--policy", policy_path, "--output", xlsx, "--alternates", "2", *extra, expect=done.returncode)
    sheet = openpyxl.load_workbook(xlsx)["Quotas"]
    header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    verdict_col = header.index("Verdict")
    words = [row[verdict_col].value for row in sheet.iter_rows(min_row=2)]
    assert words == [VERDICT_WORDS[q["verdict"]] for q in quotas]
    text = seatwise("select", nominations, "--policy", policy_path, "--format", "text", *extra).stdout
    if not solved:
        assert "VIOLATED" not in text.split("\nQuotas\n", 1)[1].split("\nNotes\n", 1)[0]
    # HTML: the chart's verdicts are the JSON's (a long quota shows a few of its rows); the cards count
    # the gender values the policy names.
    html = seatwise("select", nominations, "--policy", policy_path, "--format", "html", *extra).stdout
    shown = html_quota_verdicts(html)
    assert set(shown) <= {VERDICT_WORDS[q["verdict"]] for q in quotas}
    if not solved:
        assert set(shown) <= {"not solved"} and "VIOLATED" not in html
    named = [q["value"] for q in policy["quotas"] if q["attribute"] == "gender" and "value" in q]
    seated = doc["selected"]
    if solved and len(set(named)) == 1:
        count = sum(1 for m in seated if m["gender"] == named[0])
        assert f'<b>{count} of {len(seated)}</b><span>gender = {named[0]}</span>' in html
    # The adjusted round states its difference from the unadjusted optimum.
    if extra and solved:
        plain = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json"))
        if plain["status"] != "infeasible":
            before = {m["id"] for m in plain["selected"]}
            after = {m["id"] for m in seated}
            assert sorted(doc["difference"]["entering"]) == sorted(after - before)
            assert sorted(doc["difference"]["leaving"]) == sorted(before - after)
    if not solved:
        return
    # An audit of the selected panel under the same policy judges every rule the same way.
    chosen = {m["id"] for m in seated}
    audited = audit_of(seatwise, tmp_path, csv_text, chosen, nominations, policy_path)
    assert all(g["satisfied"] for g in audited["groups"])
    by_ref = {q["reference"]: q for q in audited["quotas"]}
    for q in quotas:
        if q["enforced"] and not extra:
            a = by_ref[q["reference"]]
            assert (a["count"], a["satisfied"]) == (q["count"], q["satisfied"]), q["reference"]
    # The reserve list is exactly the unseated nominees some valid panel seats (HiGHS, independent model).
    inst = im.load(nominations, policy_path)
    fixings = im.fixings_of(inst)
    for flag in extra[1::2]:
        fixings[next(i for i, n in enumerate(inst.nominees) if n.id == flag)] = 0
    reserve = set(doc["alternates"]["reserve"])
    for i, n in enumerate(inst.nominees):
        if n.id in chosen or fixings.get(i) == 0:
            continue
        seatable = im.Solver(inst, inst.rows, {**fixings, i: 1}).feasible()
        assert (n.id in reserve) == seatable, n.id
    # A public report names only the seated.
    public = seatwise("select", nominations, "--policy", policy_path, "--public", "--format", "html", *extra).stdout
    for line in csv_text.strip().split("\n")[1:]:
        nid = line.split(",")[0]
        if nid not in chosen:
            assert f"Person {nid}<" not in public and f"[{nid}]" not in public


@pytest.mark.parametrize("seed", range(6))
def test_a_lottery_policy_is_answered_alike_everywhere(seatwise, write_body, seed):
    """Generated lottery policies: `select` draws the lottery (the same panels as `lottery`), and every
    ranked-only request is refused with the same words, before anything is solved."""
    csv_text, policy = random_bodies.body(100 + seed, 30)
    policy["objective"] = "lottery"
    policy["lottery"] = {"method": "maximin"}
    nominations, policy_path = write_body(csv_text, policy)
    drawn = seatwise("select", nominations, "--policy", policy_path, "--format", "json")
    lottery = seatwise("lottery", nominations, "--policy", policy_path, "--format", "json")
    assert drawn.returncode == lottery.returncode
    if lottery.returncode == 0:
        a, b = report(drawn), report(lottery)
        assert a["distribution"] == b["distribution"] and a["minimum"] == b["minimum"]
    for args in (["select", "--explain"], ["select", "--alternates", "2"], ["select", "--public"], ["explain"], ["compare"]):
        done = seatwise(args[0], nominations, "--policy", policy_path, *args[1:])
        assert done.returncode == 2 and "the policy's objective is lottery" in done.stderr, (args, done.stderr)
        assert "`seatwise lottery` reports every nominee's chance and the draw" in done.stderr


def panel_verdict(count, lo, hi, enforced):
    if (lo is not None and count < lo) or (hi is not None and count > hi):
        return "violated" if enforced else "violated_not_enforced"
    return "met_at_limit" if count in (lo, hi) else "met"


GRAVITY = ["not_solved", "met", "met_at_limit", "violated_not_enforced", "violated"]


@pytest.mark.parametrize("seed", range(12))
def test_a_lottery_judges_every_rule_once_on_every_surface(seatwise, write_body, tmp_path, seed):
    """A lottery policy's rules, judged over the panels it draws from (expected seats, fewest, most, the
    worst verdict) and on the drawn panel: the JSON report states what the panels hold (counted on an
    independent model), the workbook and the text report state the JSON's verdicts, every panel meets
    every rule, and an audit of the drawn panel judges each rule as the lottery's report does."""
    csv_text, policy = random_bodies.body(300 + seed, random.Random(seed).choice([30, 45]))
    policy["objective"] = "lottery"
    policy["lottery"] = {"method": "maximin" if seed % 2 else "leximin"}
    if seed % 3 != 2:
        policy["lottery"]["draw"] = f"{seed} {seed + 7} {seed + 19}"
    nominations, policy_path = write_body(csv_text, policy)
    # Every fourth lottery chosen group by group: body-wide rules are then judged, not enforced.
    mode = ["--mode", "independent"] if seed % 4 == 3 else []
    done = seatwise("lottery", nominations, "--policy", policy_path, "--format", "json", *mode)
    assert done.returncode in (0, 1), done.stderr
    doc = report(done)
    if done.returncode == 1:
        assert doc["status"] == "infeasible" and all(q["verdict"] == "not_solved" and q["expected"] is None for q in doc["quotas"])
        return
    inst = im.load(nominations, policy_path)
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    panels = [([index[m] for m in e["panel"]], e["probability"]) for e in doc["distribution"]]
    # Every panel meets every rule of the policy, the fixed members and the seats (independent model).
    fixings = im.fixings_of(inst)
    for panel, _ in panels:
        chosen = set(panel)
        assert all((i in chosen) == bool(v) for i, v in fixings.items())
        for row in inst.rows:
            if mode and row.ref.get("scope") == "body":
                continue
            count = sum(1 for i in row.members if i in chosen)
            assert row.lower - 1e-9 <= count <= row.upper + 1e-9, row.ref
    drawn = [index[m] for m in doc["draw"]["panel"]] if doc["draw"] else None
    for q in doc["quotas"]:
        rows = [r for r in inst.rows if r.ref.get("quota") == q["quota"] and r.ref["scope"] == q["scope"]
                and sorted(r.ref["values"]) == sorted(im.norm(v) for v in q["values"])]
        assert rows, q["label"]
        members = set(rows[0].members)
        counts = [sum(1 for i in panel if i in members) for panel, _ in panels]
        assert (q["fewest"], q["most"]) == (min(counts), max(counts)), q["label"]
        assert math.isclose(q["expected"], sum(c * p for c, (_, p) in zip(counts, panels)), abs_tol=1e-9)
        worst = max((panel_verdict(c, q["min"], q["max"], q["enforced"]) for c in counts), key=GRAVITY.index)
        assert q["verdict"] == worst and (not q["enforced"] or q["verdict"] in ("met", "met_at_limit")), q
        assert q["enforced"] == (not mode or q["scope"] != "body")
        if drawn is None:
            assert q["drawn_count"] is None and q["drawn_verdict"] is None
        else:
            count = sum(1 for i in drawn if i in members)
            assert q["drawn_count"] == count and q["drawn_verdict"] == panel_verdict(count, q["min"], q["max"], q["enforced"])
    # The workbook and the text report state the same judgements and chances.
    xlsx = tmp_path / "lottery.xlsx"
    seatwise("lottery", nominations, "--policy", policy_path, "--output", xlsx, *mode, expect=0)
    book = openpyxl.load_workbook(xlsx)
    if doc["quotas"]:
        sheet = book["Rules"]
        header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
        column = header.index("Every panel")
        assert [row[column].value for row in sheet.iter_rows(min_row=2)] == [VERDICT_WORDS[q["verdict"]] for q in doc["quotas"]]
        text = seatwise("lottery", nominations, "--policy", policy_path, "--format", "text", *mode, expect=0).stdout
        section = text.split("The rules over the lottery's panels", 1)[1]
        for q in doc["quotas"]:
            assert q["label"] in section
    chances = {row[1].value: row[3].value for row in book["Chances"].iter_rows(min_row=2)}
    assert all(math.isclose(chances[c["id"]], c["probability"], abs_tol=1e-12) for c in doc["probabilities"])
    # An audit of the drawn panel judges each rule as the lottery's report does.
    if drawn is None:
        return
    audited = audit_of(seatwise, tmp_path, csv_text, set(doc["draw"]["panel"]), nominations, policy_path, "drawn")
    assert all(g["satisfied"] for g in audited["groups"])
    # (An audit judges every rule as enforced: a body-wide rule broken by a group-by-group lottery is violated.)
    judged = {(a["quota"], a["scope"], tuple(sorted(a["values"]))): a for a in audited["quotas"]}
    for q in doc["quotas"]:
        a = judged[(q["quota"], q["scope"], tuple(sorted(q["values"])))]
        expected = "violated" if q["drawn_verdict"] == "violated_not_enforced" else q["drawn_verdict"]
        assert (a["count"], a["verdict"]) == (q["drawn_count"], expected), q["label"]


# --- Each case that once disagreed ----------------------------------------------------------------


def small_body(region_missing=None, genders=("F", "M")):
    rows = ["id,name,group,gender,country,region,development,rank,status"]
    regions = [("KEN", "African", "developing"), ("IND", "Asia-Pacific", "developing"), ("POL", "Eastern European", "economy_in_transition"),
               ("BRA", "GRULAC", "developing"), ("FRA", "WEOG", "developed")]
    k = 0
    for g in ("Government", "Civil Society"):
        for r in range(10):
            country, region, dev = regions[r % 5]
            if region == region_missing:
                country, region, dev = regions[0]
            k += 1
            rows.append(f"N{k:02d},Person N{k:02d},{g},{genders[r % 2]},{country},{region},{dev},{r + 1},new")
    return "\n".join(rows) + "\n"


def test_cards_count_the_gender_values_the_policy_names(seatwise, write_body):
    policy = {"body": "F/M body", "seats": {"Government": 4, "Civil Society": 4},
              "quotas": [{"attribute": "gender", "value": "F", "min": 3}], "tie_break": {"seed": 1}}
    nominations, policy_path = write_body(small_body(), policy)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    women = sum(1 for m in doc["selected"] if m["gender"] == "F")
    assert women >= 3
    for public in ([], ["--public"]):
        html = seatwise("select", nominations, "--policy", policy_path, "--format", "html", *public, expect=0).stdout
        assert f"<b>{women} of 8</b><span>gender = F</span>" in html and "0 of 8" not in html


def test_a_region_nobody_was_nominated_from_is_a_row_that_cannot_be_met(seatwise, write_body, tmp_path):
    policy = {"body": "Regions", "seats": {"Government": 4, "Civil Society": 4},
              "quotas": [{"attribute": "region", "each": True, "min": 1}], "tie_break": {"seed": 1}}
    nominations, policy_path = write_body(small_body(region_missing="Eastern European"), policy)
    done = seatwise("select", nominations, "--policy", policy_path, "--format", "json", "--repair")
    assert done.returncode == 1
    doc = report(done)
    rows = {q["reference"]: q for q in doc["quotas"]}
    assert rows["1[Eastern European]"]["verdict"] == "not_solved"
    conflict = next(c for c in doc["conflicts"] if any("Eastern European" in r for r in c["rules"]))
    assert "Eastern European" in conflict["message"]
    repair = doc["repairs"][0]
    assert [s["reference"]["values"] for s in repair] == [["Eastern European"]] and repair[0]["to"] == 0
    assert doc["repaired"][0]["status"] == "optimal"
    # The audit of a panel that is feasible under the relaxed rule agrees: the row is there, violated.
    relaxed = dict(policy, quotas=[{"attribute": "region", "each": True, "max": 4}])
    nominations2, relaxed_path = write_body(small_body(region_missing="Eastern European"), relaxed, name="relaxed")
    chosen = report(seatwise("select", nominations2, "--policy", relaxed_path, "--format", "json", expect=0))
    assert "1[Eastern European]" in {q["reference"] for q in chosen["quotas"]}
    roster = tmp_path / "roster.csv"
    lines = small_body(region_missing="Eastern European").strip().split("\n")
    ids = {m["id"] for m in chosen["selected"]}
    roster.write_text("\n".join([lines[0]] + [l for l in lines[1:] if l.split(",")[0] in ids]) + "\n")
    audited = report(seatwise("audit", roster, "--policy", policy_path, "--format", "json", expect=0))
    assert {q["reference"]: q["satisfied"] for q in audited["quotas"]}["1[Eastern European]"] is False


def test_an_infeasible_round_shows_no_verdict_anywhere(seatwise):
    folder = "examples/infeasible"
    args = [f"{folder}/nominations.csv", "--policy", f"{folder}/policy.yaml"]
    doc = report(seatwise("select", *args, "--format", "json", expect=1))
    assert {q["verdict"] for q in doc["quotas"]} == {"not_solved"}
    html = seatwise("select", *args, "--format", "html", expect=1).stdout
    assert "VIOLATED" not in html and "<b>–</b><span>UN regional groups represented</span>" in html
    markdown = seatwise("select", *args, "--format", "markdown", expect=1).stdout
    assert "VIOLATED" not in markdown


def test_the_reserve_list_is_what_explain_calls_seatable(seatwise):
    args = ["examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml"]
    doc = report(seatwise("select", *args, "--format", "json", "--alternates", "3", expect=0))
    explained = report(seatwise("explain", *args, "--format", "json", expect=0))
    unseatable = {e["id"] for e in explained["explanations"] if e["reason"] == "cannot_be_seated"}
    assert {"MAG-255", "MAG-256", "MAG-192"} <= unseatable
    assert not unseatable & set(doc["alternates"]["reserve"])
    seated = {m["id"] for m in doc["selected"]}
    candidates = {e["id"] for e in explained["explanations"] if e["id"] not in seated and e["reason"] not in
                  ("withdrawn", "term_limited", "excluded", "cannot_be_seated")}
    assert set(doc["alternates"]["reserve"]) == candidates


def test_an_audit_judges_seats_and_percentages_on_the_roster(seatwise, tmp_path):
    roster = (tmp_path / "roster.csv")
    text = open("examples/mag/roster.csv", encoding="utf-8").read().strip().split("\n")
    header = text[0].split(",")
    members = [dict(zip(header, next(csv.reader([l])))) for l in text[1:]]
    assert len(members) == 50
    extra = []
    for k in range(3):
        m = dict(next(x for x in members if x["group"] == "Government"))
        m["id"], m["name"], m["gender"] = f"EXTRA-{k}", f"Extra Member {k}", "male"
        extra.append(m)
    with open(roster, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(members + extra)
    doc = report(seatwise("audit", roster, "--policy", "examples/mag/policy.yaml", "--format", "json"))
    gov = next(g for g in doc["groups"] if g["group"] == "Government")
    assert gov["members"] == 23 and gov["satisfied"] is False
    women = next(q for q in doc["quotas"] if q["reference"] == "1")
    assert women["min"] == -(-40 * 53 // 100)  # 40% of the 53 on the roster, rounded up
    assert women["satisfied"] == (women["count"] >= women["min"])
    text_report = seatwise("audit", roster, "--policy", "examples/mag/policy.yaml").stdout
    seats = text_report.split("\nSeats\n", 1)[1].split("\nQuotas\n", 1)[0]
    assert re.search(r"Government\s+23\s+20\s+VIOLATED: 3 over", seats)
    public = seatwise("audit", roster, "--policy", "examples/mag/policy.yaml", "--public").stdout
    assert "Government: 23 members for 20 seats (3 over, VIOLATED)" in public


def test_set_takes_the_quota_number_the_report_prints(seatwise):
    args = ["examples/icg/nominations.csv", "--policy", "examples/icg/policy.yaml", "--format", "json"]
    base = report(seatwise("select", *args, expect=0))
    third = [q for q in base["quotas"] if q["quota"] == 3]
    assert len(third) == 1 and third[0]["reference"] == "3"
    adjusted = report(seatwise("select", *args, "--set", "3:max=20", expect=0))
    assert adjusted["adjustments"][0].startswith("adjusted: " + third[0]["label"])
    # A quota of several rows needs its row named; an ambiguous reference lists the rows (exit 2).
    several = next(q["quota"] for q in base["quotas"] if "[" in q["reference"])
    done = seatwise("select", *args, "--set", f"{several}:max=20")
    assert done.returncode == 2 and f"{several}[" in done.stderr
    row = next(q for q in base["quotas"] if q["quota"] == several)
    named = report(seatwise("select", *args, "--set", f"{row['reference']}:max=20", expect=0))
    assert named["adjustments"][0].startswith("adjusted: " + row["label"])


def test_the_diagnosis_names_the_rule_that_sets_the_repair(seatwise, write_body):
    # 7 continuing developed members must sit under "at most 5 developed"; "WEOG at least 30%" of 40
    # (12, all developed) is what takes the repair to 12.
    rows = ["id,name,group,gender,country,region,development,rank,status"]
    for k in range(60):
        weog = k < 20
        status = "continuing" if k < 7 else "new"
        country, region, dev = ("FRA", "WEOG", "developed") if weog else ("KEN", "African", "developing")
        rows.append(f"P{k:02d},Person P{k:02d},{'A' if k % 2 else 'B'},female,{country},{region},{dev},{k + 1},{status}")
    policy = {"body": "Size", "seats": {"A": 20, "B": 20},
              "quotas": [{"attribute": "development", "value": "developed", "max": 5, "priority": 0},
                         {"attribute": "region", "value": "WEOG", "min": "30%", "priority": 5}],
              "tie_break": {"seed": 1}}
    nominations, policy_path = write_body("\n".join(rows) + "\n", policy)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=1))
    step = doc["repairs"][0][0]
    assert step["reference"]["attribute"] == "development" and step["to"] == 12
    assert not any(any("WEOG" in r for r in c["rules"]) for c in doc["conflicts"]), "the conflicts alone do not explain 12"
    assert any(any("WEOG" in r for r in c["rules"]) for c in doc["repair_size"])
    # The rules named are a conflict at the bound one short of the repair: checked with HiGHS.
    inst = im.load(nominations, policy_path)
    short = [r for r in inst.rows if not (r.ref.get("attribute") == "development")]
    developed = [i for i, n in enumerate(inst.nominees) if n.attrs["development"] == "developed"]
    assert not im.Solver(inst, short + [im.Row(developed, -math.inf, 11, {"kind": "short"})], im.fixings_of(inst)).feasible()
    assert im.Solver(inst, short + [im.Row(developed, -math.inf, 12, {"kind": "short"})], im.fixings_of(inst)).feasible()


def test_a_repair_the_conflicts_explain_adds_no_repair_size(seatwise, write_body):
    # 7 continuing developed members under "at most 5 developed": the repair is 7, which the conflict
    # shown explains; the same rules one seat short are not listed again.
    rows = ["id,name,group,gender,country,region,development,rank,status"]
    for k in range(40):
        country, region, dev = ("FRA", "WEOG", "developed") if k < 10 else ("KEN", "African", "developing")
        rows.append(f"P{k:02d},Person P{k:02d},{'A' if k % 2 else 'B'},female,{country},{region},{dev},{k + 1},{'continuing' if k < 7 else 'new'}")
    policy = {"body": "Size", "seats": {"A": 10, "B": 10}, "quotas": [{"attribute": "development", "value": "developed", "max": 5}],
              "tie_break": {"seed": 1}}
    nominations, policy_path = write_body("\n".join(rows) + "\n", policy)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=1))
    assert doc["repairs"][0][0]["to"] == 7 and doc["conflicts"]
    assert doc["repair_size"] == []


def test_compare_counts_each_gender_on_both_sides(seatwise, write_body):
    # No gender quota: the card lists the values present, each counted in both panels.
    policy = {"body": "Compare", "seats": {"Government": 4, "Civil Society": 4},
              "quotas": [{"attribute": "region", "each": True, "max": 3}], "tie_break": {"seed": 1}}
    nominations, policy_path = write_body(small_body(), policy)
    doc = report(seatwise("compare", nominations, "--policy", policy_path, "--format", "json", expect=0))
    html = seatwise("compare", nominations, "--policy", policy_path, "--format", "html", expect=0).stdout
    card = re.search(r"<b>([^<]*)</b><span>gender ([^,<]*), independent → coordinated</span>", html)
    values = card.group(2).split(" · ")
    assert sorted(values) == ["F", "M"]
    expected = " · ".join(f"{sum(m['gender'] == v for m in doc['independent']['selected'])} → "
                          f"{sum(m['gender'] == v for m in doc['coordinated']['selected'])}" for v in values)
    assert card.group(1) == expected


def test_select_with_an_exclusion_says_what_changed(seatwise):
    args = ["examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--format", "json"]
    before = report(seatwise("select", *args, expect=0))
    out = next(m["id"] for m in before["selected"] if m["status"] == "new")
    after = report(seatwise("select", *args, "--exclude", out, expect=0))
    assert out in after["difference"]["leaving"]
    assert after["difference"]["objective_change"] == after["objective"]["rank_sum"] - before["objective"]["rank_sum"]
    explained = report(seatwise("explain", *args, "--exclude", out, expect=0))
    assert explained["difference"] == after["difference"]


def test_a_public_comparison_names_no_one_through_the_counting_checks(seatwise, tmp_path):
    """Counting checks name the fixed nominees that make a count fail; a public report leaves out those
    not seated (a public comparison of an infeasible round once listed withdrawn nominees' ids)."""
    text = (ROOT / "examples/infeasible/nominations.csv").read_text(encoding="utf-8").strip().split("\n")
    header, rows = text[0] + ",status", [line + ",new" for line in text[1:]]
    withdrawn = [r.split(",")[0] for r in rows if r.split(",")[2] == "Technical Community"][:4]
    rows = [r[: -len(",new")] + ",withdrawn" if r.split(",")[0] in withdrawn else r for r in rows]
    nominations = tmp_path / "n.csv"
    nominations.write_text("\n".join([header] + rows) + "\n", encoding="utf-8")
    policy = ROOT / "examples/infeasible/policy.yaml"
    plain = report(seatwise("compare", nominations, "--policy", policy, "--format", "json"))
    named = {r["id"] for side in ("independent", "coordinated") for c in plain[side]["conflicts"] for r in c["references"] if r["kind"] == "fixed"}
    assert named & set(withdrawn), "the counting check names the withdrawn nominees it needs"
    public = seatwise("compare", nominations, "--policy", policy, "--public", "--format", "json").stdout
    for nid in withdrawn:
        assert nid not in public


def test_a_single_minimum_above_its_seats_is_a_counting_check_any_solver_confirms(seatwise, write_body):
    rows = ["id,name,group,gender,country,region,development,rank"]
    # Five women and three men in Government: enough of each, so only the seats rule the minimum out.
    for k in range(11):
        rows.append(f"P{k},Person P{k},{'Government' if k < 8 else 'Civil Society'},{'female' if k < 5 else 'male'},KEN,African,developing,{k + 1}")
    policy = {"body": "Minimum", "seats": {"Government": 3, "Civil Society": 2},
              "quotas": [{"attribute": "gender", "value": "female", "min": 4, "group": "Government"},
                         {"attribute": "gender", "value": "male", "min": 1, "group": "Government"}]}
    nominations, policy_path = write_body("\n".join(rows) + "\n", policy)
    assert seatwise("check", nominations, "--policy", policy_path).returncode == 1
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=1))
    assert any(c["references"] and all(r["kind"] != "fixed" for r in c["references"]) for c in doc["conflicts"])
    inst = im.load(nominations, policy_path)
    for conflict in doc["conflicts"]:
        refs = [r for r in conflict["references"] if r["kind"] != "fixed"]
        chosen = [next(row for row in inst.rows if im.same_rule(row, r)) for r in refs]
        assert chosen and not im.Solver(inst, chosen, {}).feasible(), conflict["message"]
