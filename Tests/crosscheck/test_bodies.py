"""Several bodies (or positions) from one pool, and roles as kinds of seat (docs/guide/several-bodies.md,
"Several bodies from one pool"): on generated pools where people apply for one to three places, the panel, the seeded
tie-break and every explanation agree with HiGHS on an independent model that reads the files itself
(a variable per person and place); brute force agrees on small pools; nobody takes more places than the
policy allows; an audit and a lottery judge the rules as the selection does; the worked examples show
what their READMEs say; and what cannot be read is refused with its place."""

import itertools
import json
import random

import pytest

import independent_model as im
from conftest import ROOT, report
from test_explanations import check, staged

REGIONS = [("African", "developing"), ("Asia-Pacific", "developing"), ("Eastern European", "economy_in_transition"),
           ("GRULAC", "developing"), ("WEOG", "developed")]


def pool(seed, people=None):
    """A policy of 2 to 4 bodies (some with two kinds of seat, one of them a role) and a pool of people
    applying for one to three places, ranked per place."""
    rng = random.Random(seed)
    bodies = {}
    for b in range(rng.randint(2, 4)):
        name = f"Body {chr(65 + b)}"
        if rng.random() < 0.4:
            bodies[name] = {"seats": {"Chairs": {"seats": 1, "role": True}, "Members": {"seats": rng.randint(2, 3)}}}
        else:
            bodies[name] = {"seats": rng.randint(1, 3)}
    places = [(b, g) for b, spec in bodies.items() for g in (spec["seats"] if isinstance(spec["seats"], dict) else [None])]
    people = people or rng.randint(14, 30)
    rows = ["id,name,bodies,group,gender,country,region,development,rank,status"]
    for k in range(people):
        region, dev = rng.choice(REGIONS)
        chosen = rng.sample(places, min(len(places), rng.choices([1, 2, 3], [5, 3, 2])[0]))
        entries = [b if g is None else f"{b}: {g}" for b, g in chosen]
        ranks = [str(rng.randint(1, 8)) for _ in chosen]
        status = "withdrawn" if rng.random() < 0.04 else ("required" if len(chosen) == 1 and rng.random() < 0.03 else "new")
        gender = rng.choice(["female", "male", "male", "female", "non-binary"])
        rows.append(f"P{k:02d},Person {k},{'; '.join(entries)},,{gender},C{rng.randint(1, 9)},{region},{dev},{'; '.join(ranks)},{status}")
    quotas = []
    options = [
        lambda: {"attribute": "gender", "value": "female", "min": f"{rng.choice([20, 30, 40])}%"},
        lambda: {"attribute": "region", "each": True, "max": rng.randint(2, 4)},
        lambda: {"attribute": "development", "values": ["developing", "economy_in_transition"], "min": "30%"},
        lambda: {"attribute": "country", "each": True, "max": 2},
    ]
    for _ in range(rng.randint(1, 3)):
        quotas.append(rng.choice(options)())
    for name, spec in bodies.items():
        if rng.random() < 0.6:
            if isinstance(spec["seats"], dict):
                spec["quotas"] = [rng.choice([{"attribute": "development", "value": "developed", "max": 1, "group": "Chairs"},
                                              {"attribute": "gender", "value": "female", "min": 1, "per": "group"}])]
            else:
                spec["quotas"] = [rng.choice([{"attribute": "region", "each": True, "max": 1},
                                              {"attribute": "gender", "value": "male", "max": max(1, spec["seats"] - 1)}])]
    policy = {"body": f"Pool {seed}", "bodies": bodies, "quotas": quotas, "objective": "rank-sum",
              "tie_break": {"seed": rng.randint(0, 9999)}}
    if rng.random() < 0.2:
        policy["rules"] = {"places_per_person": 2}
    return "\n".join(rows) + "\n", policy


def feasible_pool(seatwise, write_body, seed, people=None):
    for attempt in range(30):
        csv_text, policy = pool(seed * 101 + attempt, people)
        nominations, policy_path = write_body(csv_text, policy)
        if seatwise("select", nominations, "--policy", policy_path).returncode == 0:
            return nominations, policy_path, policy
    pytest.skip("no feasible pool drawn")


def seated_counts(doc):
    people = {}
    for m in doc["selected"]:
        people[m["person"]] = people.get(m["person"], 0) + 1
    return people


@pytest.mark.parametrize("seed", range(24))
def test_the_panel_and_its_explanations_agree_with_an_independent_model(seatwise, write_body, seed):
    nominations, policy_path, policy = feasible_pool(seatwise, write_body, seed)
    check(seatwise, nominations, policy_path, loader=im.load_bodies)
    inst = im.load_bodies(nominations, policy_path)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    most = (policy.get("rules") or {}).get("places_per_person", 1)
    assert max(seated_counts(doc).values()) <= most
    by_group = {}
    for m in doc["selected"]:
        by_group[m["group"]] = by_group.get(m["group"], 0) + 1
        assert m["body"] == m["group"].split(" · ")[0]
        assert m["role"] == ("Chairs" if m["group"].endswith("· Chairs") else None), m
        assert m["id"] == m["person"] or m["id"] == f"{m['person']}@{m['group']}"
    assert by_group == inst.seats


@pytest.mark.parametrize("seed", range(6))
def test_brute_force_agrees_on_small_pools(seatwise, write_body, seed):
    nominations, policy_path, _ = feasible_pool(seatwise, write_body, 300 + seed, people=9)
    inst = im.load_bodies(nominations, policy_path)
    ranks = im.effective_ranks(inst)
    fixed = im.fixings_of(inst)
    free = [i for i in range(len(inst.nominees)) if fixed.get(i) is None]
    best = None
    for bits in itertools.product([0, 1], repeat=len(free)):
        panel = {i for i, v in fixed.items() if v == 1} | {i for i, b in zip(free, bits) if b}
        if all(r.lower <= sum(1 for i in r.members if i in panel) <= r.upper for r in inst.rows):
            value = sum(ranks[i] for i in panel)
            best = value if best is None else min(best, value)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    assert doc["objective"]["value"] == best


@pytest.mark.parametrize("seed", range(3))
def test_an_audit_and_a_lottery_judge_the_rules_as_the_selection_does(seatwise, write_body, tmp_path, seed):
    nominations, policy_path, policy = feasible_pool(seatwise, write_body, 600 + seed)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    # The published roster: each seated person with the one place they took.
    header, *lines = nominations.read_text(encoding="utf-8").strip().split("\n")
    by_person = {line.split(",")[0]: line.split(",") for line in lines}
    roster = [header]
    for m in doc["selected"]:
        cells = list(by_person[m["person"]])
        body, _, group = m["group"].partition(" · ")
        cells[2] = body if not group else f"{body}: {group}"
        cells[8] = str(m["rank"] or "")
        roster.append(",".join(cells))
    path = tmp_path / "roster.csv"
    path.write_text("\n".join(roster) + "\n", encoding="utf-8")
    audited = report(seatwise("audit", path, "--policy", policy_path, "--pool", nominations, "--format", "json", expect=0))
    by_ref = {a["reference"]: a for a in audited["quotas"]}
    for q in doc["quotas"]:
        if q["attribute"] == "person":
            continue  # the roster lists each person once: no places rule to judge
        assert (by_ref[q["reference"]]["count"], by_ref[q["reference"]]["verdict"]) == (q["count"], q["verdict"]), q["reference"]
    # A lottery is fair to nominees: with people applying for several places it would be fair to
    # applications, so it is refused; with one place each, every panel it draws from meets every rule.
    if any(q["attribute"] == "person" for q in doc["quotas"]):
        done = seatwise("lottery", nominations, "--policy", policy_path)
        assert done.returncode == 2 and "fair to applications" in done.stderr, done.stderr
    one_each = [header] + [",".join(c[:2] + [c[2].split(";")[0].strip()] + c[3:8] + [c[8].split(";")[0].strip()] + c[9:])
                           for c in (line.split(",") for line in lines)]
    single = tmp_path / "one_each.csv"
    single.write_text("\n".join(one_each) + "\n", encoding="utf-8")
    done = seatwise("lottery", single, "--policy", policy_path, "--format", "json")
    if done.returncode == 1:
        return  # no panel meets the rules with one place each
    lottery = report(done)
    inst = im.load_bodies(single, policy_path)
    index = {n.id: i for i, n in enumerate(inst.nominees)}
    assert lottery["distribution"]
    for entry in lottery["distribution"]:
        panel = {index[m] for m in entry["panel"]}
        for row in inst.rows:
            assert row.lower <= sum(1 for i in row.members if i in panel) <= row.upper, row.ref


EXAMPLES = ROOT / "examples"


def example(seatwise, name):
    folder = EXAMPLES / name
    return report(seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--format", "json", expect=0))


def test_the_nominating_committee_example(seatwise):
    doc = example(seatwise, "nomcom")
    assert max(seated_counts(doc).values()) == 1
    seats = {"Board of Directors": 3, "Names Policy Council": 2, "Country Codes Council": 1, "At-Large Advisory Committee": 3,
             "Technical Operations Board": 1, "Board liaison": 1}
    assert {b: sum(1 for m in doc["selected"] if m["body"] == b) for b in seats} == seats
    # The liaison is counted in no quota: no quota row's scope or count holds them.
    liaison = next(m for m in doc["selected"] if m["body"] == "Board liaison")
    women = next(q for q in doc["quotas"] if q["attribute"] == "gender" and q["scope"] == "body")
    assert women["min"] == 4 and women["count"] == sum(1 for m in doc["selected"] if m["gender"] == "female" and m is not liaison)
    inst = im.load_bodies(EXAMPLES / "nomcom/nominations.csv", EXAMPLES / "nomcom/policy.yaml")
    assert all(liaison["id"] not in {inst.nominees[i].id for i in r.members} for r in inst.rows if r.ref.get("kind") != "seats")
    check(seatwise, EXAMPLES / "nomcom/nominations.csv", EXAMPLES / "nomcom/policy.yaml", loader=im.load_bodies)


def test_the_assessment_report_example(seatwise):
    doc = example(seatwise, "ipcc")
    assert max(seated_counts(doc).values()) == 1
    for chapter in ("Chapter 1", "Chapter 2", "Chapter 3"):
        team = [m for m in doc["selected"] if m["body"] == chapter]
        roles = {r: [m for m in team if m["role"] == r] for r in ("Coordinating lead authors", "Lead authors", "Review editors")}
        assert [len(v) for v in roles.values()] == [2, 6, 2]
        assert sorted(m["development"] for m in roles["Coordinating lead authors"])[0] == "developed"
        assert sum(m["development"] == "developed" for m in roles["Coordinating lead authors"]) == 1
    developing = sum(m["development"] in ("developing", "economy_in_transition") for m in doc["selected"])
    assert developing * 100 >= 40 * len(doc["selected"])
    inst = im.load_bodies(EXAMPLES / "ipcc/nominations.csv", EXAMPLES / "ipcc/policy.yaml")
    assert doc["objective"]["value"] == staged(inst, im.fixings_of(inst))[0]


def test_the_working_group_example_seats_both_host_countries(seatwise):
    doc = example(seatwise, "wgec")
    states = [m for m in doc["selected"] if m["group"] == "Member States"]
    assert {"TUN", "CHE"} <= {m["country"] for m in states} and len(states) == 22
    assert all(m["body"] is None and m["role"] is None for m in doc["selected"])


# --- Refusals --------------------------------------------------------------------------------------------


def refused(seatwise, write_body, csv_text, policy):
    nominations, policy_path = write_body(csv_text, policy)
    done = seatwise("check", nominations, "--policy", policy_path)
    assert done.returncode == 2, done.stdout
    return done.stderr


def test_what_cannot_be_read_is_refused_with_its_place(seatwise, write_body):
    csv_text, policy = pool(7)
    lines = csv_text.strip().split("\n")
    # A body nobody defined, on line 2.
    bad = lines[:]
    bad[1] = bad[1].replace(bad[1].split(",")[2], "Body Z")
    assert ":2:" in refused(seatwise, write_body, "\n".join(bad) + "\n", policy) and "Body Z" in refused(seatwise, write_body, "\n".join(bad) + "\n", policy)
    # A required person applying for two places.
    bad = lines[:]
    first = list(policy["bodies"])[:2]
    cells = bad[1].split(",")
    cells[2] = "; ".join(b if isinstance(policy["bodies"][b]["seats"], int) else f"{b}: Members" for b in first)
    cells[8], cells[9] = "1", "required"
    bad[1] = ",".join(cells)
    assert "required" in refused(seatwise, write_body, "\n".join(bad) + "\n", policy)
    # A quota across the groups of one body (it would need a scope the policy cannot say).
    multi = {"seats": {"Chairs": 1, "Members": 2}, "quotas": [{"attribute": "gender", "value": "female", "min": 1}]}
    errors = refused(seatwise, write_body, csv_text, dict(policy, bodies=dict(policy["bodies"], **{"Body Q": multi})))
    assert "bodies.Body Q.quotas[1]" in errors
    # seats and bodies together; a bodies column under a one-body policy.
    assert "not both" in refused(seatwise, write_body, csv_text, dict(policy, seats={"G": 1}))
    one_body = {"body": "One", "seats": {"G": 2}}
    single = "id,name,group,gender,country,bodies\nA,A,G,female,FRA,X\nB,B,G,male,FRA,X\n"
    assert "bodies" in refused(seatwise, write_body, single, one_body)


def test_a_replacement_does_not_bring_back_the_member_who_left(seatwise, tmp_path):
    """A roster of the nominating committee, one member vacating: the member's other applications in the
    pool are the member, not candidates, and nobody is seated twice."""
    import csv
    folder = EXAMPLES / "nomcom"
    doc = example(seatwise, "nomcom")
    rows = {r["id"]: r for r in csv.DictReader(open(folder / "nominations.csv", encoding="utf-8"))}
    roster = tmp_path / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "bodies", "gender", "country", "rank", "organization", "board_experience", "status", "terms"])
        for m in doc["selected"]:
            r = rows[m["person"]]
            w.writerow([m["person"], r["name"], m["body"], r["gender"], r["country"], m["rank"], r["organization"], r["board_experience"], "continuing", 1])
    # Someone seated who applied for more than one body leaves.
    leaving = next(m["person"] for m in doc["selected"] if m["id"] != m["person"])
    done = report(seatwise("replace", roster, "--policy", folder / "policy.yaml", "--pool", folder / "nominations.csv",
                           "--vacate", leaving, "--format", "json", expect=0))
    seated = [m["person"] for m in done["selected"]]
    assert leaving not in seated and len(seated) == len(set(seated)) == len(doc["selected"])


# --- Found in review: each a test before its fix ---------------------------------------------------------

TWO_BODIES = {"body": "Two", "bodies": {"Board": 2, "Council": {"seats": {"Chairs": {"seats": 1, "role": True}, "Members": 2}}}}


def pool_csv(rows, header="id,name,bodies,group,gender,country,rank"):
    return header + "\n" + "\n".join(rows) + "\n"


def test_columns_named_like_places_stay_the_files_own_and_unreadable_places_are_refused(seatwise, write_body):
    # A custom column named person, body or role is the file's own: it makes no places rule and no role.
    one = {"body": "One", "seats": {"G": 2}}
    nominations, policy_path = write_body("id,name,group,gender,country,person,body,role\nA,A,G,female,FRA,X,Y,Z\nB,B,G,male,FRA,X,Y,Z\n", one)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    assert [m["id"] for m in doc["selected"]] == ["A", "B"] and not any(q["attribute"] == "person" for q in doc["quotas"])
    assert all(m["person"] == m["id"] and m["body"] is None and m["role"] is None and m["attributes"]["role"] == "Z" for m in doc["selected"])
    # A bodies cell with an empty entry: refused at its cell, never a crash.
    errors = refused(seatwise, write_body, pool_csv(["A,A,Board; :,,female,FRA,1", "B,B,Board,,male,DEU,1"]), TWO_BODIES)
    assert ":2:" in errors and "names no body" in errors, errors
    # A row's literal id that is another row's place id.
    errors = refused(seatwise, write_body, pool_csv(["A,A,Board; Council: Members,,female,FRA,1", "A@Board,B,Council: Members,,male,DEU,1"]), TWO_BODIES)
    assert "A@Board" in errors and "place" in errors, errors
    # A body name with a colon could never be named in the bodies column.
    errors = refused(seatwise, write_body, pool_csv(["A,A,WG,,female,FRA,1"]), {"body": "X", "bodies": {"WG: Finance": 1}})
    assert "bodies.WG: Finance" in errors, errors


def test_ranks_follow_the_places_in_the_order_written(seatwise, write_body):
    rows = ["A,A,Council,Members; Chairs,female,FRA,9; 1", "B,B,Council: Members,,male,DEU,1", "C,C,Council: Members,,female,BRA,2",
            "D,D,Council: Chairs,,male,IND,5", "E,E,Board,,female,KEN,1", "F,F,Board,,male,JPN,2"]
    nominations, policy_path = write_body(pool_csv(rows), TWO_BODIES)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--explain", "--format", "json", expect=0))
    ranks = {e["id"]: e for e in doc["explanations"]}
    chair = next(m for m in doc["selected"] if m["role"] == "Chairs")
    assert chair["id"] == "A@Council · Chairs" and chair["rank"] == 1
    # A's Members place (ranked 9th) is out because A chairs: said so.
    assert "Takes a place in Council · Chairs instead" in ranks["A@Council · Members"]["message"]


def test_two_groups_that_choose_alone_do_not_both_take_one_person(seatwise, write_body):
    policy = {"body": "Alone", "seats": {"A": {"seats": 1, "mode": "independent"}, "B": {"seats": 1, "mode": "independent"}, "C": 1}}
    rows = ["P,P,A; B,female,FRA,1", "Q,Q,A,male,DEU,2", "R,R,B,male,BRA,2", "S,S,C,female,KEN,1"]
    nominations, policy_path = write_body("id,name,group,gender,country,rank\n" + "\n".join(rows) + "\n", policy)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--format", "json", expect=0))
    people = [m["person"] for m in doc["selected"]]
    assert len(people) == len(set(people)) == 3 and "P" in people


def test_places_at_most_two_says_no_place_instead_and_the_lottery_refuses(seatwise, write_body):
    policy = dict(TWO_BODIES, rules={"places_per_person": 2})
    rows = ["A,A,Board; Council: Members,,female,FRA,1; 1", "B,B,Board,,male,DEU,2", "C,C,Board,,female,BRA,3",
            "D,D,Council: Members,,male,IND,9", "E,E,Council: Members,,female,KEN,2", "F,F,Council: Chairs,,male,JPN,1"]
    nominations, policy_path = write_body(pool_csv(rows), policy)
    doc = report(seatwise("select", nominations, "--policy", policy_path, "--explain", "--format", "json", expect=0))
    assert not any("instead" in e["message"] for e in doc["explanations"])
    done = seatwise("lottery", nominations, "--policy", policy_path)
    assert done.returncode == 2 and "fair to applications" in done.stderr


def test_a_public_report_names_no_unseated_applicant_through_the_places_rule(seatwise, write_body):
    rows = ["A,A,Board; Council: Members,,female,FRA,9; 9", "B,B,Board,,male,DEU,1", "C,C,Board,,female,BRA,2",
            "D,D,Council: Members,,male,IND,1", "E,E,Council: Members,,female,KEN,2", "F,F,Council: Chairs,,male,JPN,1"]
    nominations, policy_path = write_body(pool_csv(rows), TWO_BODIES)
    done = seatwise("select", nominations, "--policy", policy_path, "--public", "--format", "json", expect=0)
    doc = report(done)
    assert "A" not in {m["person"] for m in doc["selected"]}
    assert not any(q["attribute"] == "person" and "A" in q["values"] for q in doc["quotas"])
    assert "A takes" not in done.stdout


def test_a_replacement_of_two_seats_does_not_seat_one_person_twice(seatwise, tmp_path, write_body):
    rows = ["A,A,Board; Council: Members,,female,FRA,3; 3", "B,B,Board,,male,DEU,1", "C,C,Board,,female,BRA,2",
            "D,D,Council: Members,,male,IND,1", "E,E,Council: Members,,female,KEN,2", "F,F,Council: Chairs,,male,JPN,1",
            "G,G,Board,,male,MEX,5", "H,H,Council: Members,,female,PER,5"]
    nominations, policy_path = write_body(pool_csv(rows), TWO_BODIES)
    roster = tmp_path / "roster.csv"
    roster.write_text(pool_csv(["B,B,Board,,male,DEU,1", "C,C,Board,,female,BRA,2", "D,D,Council: Members,,male,IND,1",
                                "E,E,Council: Members,,female,KEN,2", "F,F,Council: Chairs,,male,JPN,1"]), encoding="utf-8")
    done = report(seatwise("replace", roster, "--policy", policy_path, "--pool", nominations, "--vacate", "B,D", "--format", "json", expect=0))
    people = [m["person"] for m in done["selected"]]
    assert len(people) == len(set(people)) == 5
