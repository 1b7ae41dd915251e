"""The Sortition Foundation's files in and out. Their documented CLI example (features verbatim, a people
file in their column layout) imports; the panel Seatwise chooses from it meets every feature's min and
max (counted here) and seats at most one person per address; exporting the import gives back files their
own reader accepts, with the same features, bounds, people and values. Their repository fixture's
older header (category,name) and flex columns import too."""

import collections
import csv
import io
import json
import random

import pytest

from conftest import report

import sortition_algorithms as sortition  # noqa: E402 (make deps installs it)

# docs/cli.md of sortition-algorithms (https://sortitionfoundation.github.io/sortition-algorithms/cli/), verbatim.
FEATURES = """feature,value,min,max
Gender,Male,45,55
Gender,Female,45,55
Age,18-30,20,30
Age,31-50,35,45
Age,51+,25,35
Location,Urban,40,60
Location,Rural,40,60
"""


def people_file(path, n=320, seed=4):
    """People in their documented layout: id,Name,Email,Gender,Age,Location,Address,Postcode."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "Name", "Email", "Gender", "Age", "Location", "Address", "Postcode"])
        for k in range(n):
            w.writerow([f"p{k:03d}", f"Person {k}", f"p{k}@example.org", rng.choice(["Male", "Female"]),
                        rng.choice(["18-30", "31-50", "51+"]), rng.choice(["Urban", "Rural"]),
                        f"{rng.randint(1, 260)} Main St", rng.choice(["12345", "67890"])])


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames), rows


def read_theirs(features_path, people_path, wanted):
    f_head, f_body = load(features_path)
    features, _, _ = sortition.read_in_features(f_head, f_body, number_to_select=wanted)
    settings = sortition.Settings(id_column="id", columns_to_keep=[])
    p_head, p_body = load(people_path)
    people, _ = sortition.read_in_people(p_head, p_body, features, settings)
    return features, people


def feature_bounds(features_path):
    return {(r["feature"].lower(), r["value"]): (int(r["min"]), int(r["max"])) for r in csv.DictReader(open(features_path))}


def test_documented_example_imports_and_its_panel_meets_every_quota(seatwise, tmp_path):
    (tmp_path / "demographics.csv").write_text(FEATURES)
    people_file(tmp_path / "candidates.csv")
    out = tmp_path / "imported"
    seatwise("import", "sortition-algorithms", tmp_path / "demographics.csv", tmp_path / "candidates.csv", "--output", out,
             "--number-wanted", 100, "--country", "GBR", "--address-columns", "Address,Postcode", expect=0)
    done = seatwise("select", out / "nominations.csv", "--policy", out / "policy.yaml", "--format", "json")
    assert done.returncode == 0, done.stderr
    chosen = {m["id"] for m in report(done)["selected"]}
    assert len(chosen) == 100
    people = {r["id"]: r for r in csv.DictReader(open(tmp_path / "candidates.csv"))}
    for (feature, value), (lo, hi) in feature_bounds(tmp_path / "demographics.csv").items():
        column = {"gender": "Gender", "age": "Age", "location": "Location"}[feature]
        count = sum(1 for i in chosen if people[i][column] == value)
        assert lo <= count <= hi, (feature, value, count)
    households = collections.Counter((people[i]["Address"].lower(), people[i]["Postcode"]) for i in chosen)
    assert max(households.values()) == 1
    # Their own reader accepts the same files, so the two tools are compared on the same instance.
    read_theirs(tmp_path / "demographics.csv", tmp_path / "candidates.csv", 100)


def test_export_of_the_import_round_trips_through_their_reader(seatwise, tmp_path):
    (tmp_path / "demographics.csv").write_text(FEATURES)
    people_file(tmp_path / "candidates.csv")
    imported = tmp_path / "imported"
    seatwise("import", "sortition-algorithms", tmp_path / "demographics.csv", tmp_path / "candidates.csv", "--output", imported,
             "--number-wanted", 100, "--country", "GBR", expect=0)
    exported = tmp_path / "exported"
    done = seatwise("export", "sortition-algorithms", imported / "nominations.csv", "--policy", imported / "policy.yaml", "--output", exported)
    assert done.returncode == 0, done.stderr
    assert "number wanted: 100" in done.stdout
    assert feature_bounds(exported / "features.csv") == feature_bounds(tmp_path / "demographics.csv")
    features, people = read_theirs(exported / "features.csv", exported / "people.csv", 100)
    original = {r["id"]: r for r in csv.DictReader(open(tmp_path / "candidates.csv"))}
    again = {r["id"]: r for r in csv.DictReader(open(exported / "people.csv"))}
    assert set(again) == set(original)
    for pid, row in again.items():
        for column in ["Gender", "Age", "Location"]:
            assert row[column.lower()] == original[pid][column]
    # A second import of the export gives the same panel: nothing was lost on the way round.
    back = tmp_path / "back"
    seatwise("import", "sortition-algorithms", exported / "features.csv", exported / "people.csv", "--output", back,
             "--number-wanted", 100, "--country", "GBR", expect=0)
    a = report(seatwise("select", imported / "nominations.csv", "--policy", imported / "policy.yaml", "--format", "json"))
    b = report(seatwise("select", back / "nominations.csv", "--policy", back / "policy.yaml", "--format", "json"))
    assert sorted(m["id"] for m in a["selected"]) == sorted(m["id"] for m in b["selected"])


def test_older_header_flex_columns_and_nationbuilder_ids(seatwise, tmp_path):
    """The repository fixture's shape: category,name,min,max,min_flex,max_flex and a nationbuilder_id column."""
    (tmp_path / "features.csv").write_text("category,name,min,max,min_flex,max_flex\n"
                                           "gender,Female,11,12,0,12\ngender,Male,10,11,0,12\ngender,Non-binary or other,0,1,0,1\n"
                                           "age_bracket,16-29,5,7,0,7\nage_bracket,30-44,5,7,0,7\nage_bracket,45+,5,10,0,10\n")
    rng = random.Random(9)
    rows = ["nationbuilder_id,first_name,last_name,email,gender,age_bracket"]
    for k in range(150):
        rows.append(f"p{k},First{k},Last{k},e{k}@x.org,{rng.choice(['female', 'MALE', 'Female', 'Male', 'Non-binary or other'])},"
                    f"{rng.choice(['16-29', '30-44', '45+'])}")
    (tmp_path / "candidates.csv").write_text("\n".join(rows) + "\n")
    out = tmp_path / "imported"
    done = seatwise("import", "sortition-algorithms", tmp_path / "features.csv", tmp_path / "candidates.csv", "--output", out,
                    "--number-wanted", 22, "--country", "GBR")
    assert done.returncode == 0, done.stderr
    assert "min_flex and max_flex were left out" in done.stderr
    nominations = list(csv.DictReader(open(out / "nominations.csv")))
    assert nominations[0]["name"] == "First0 Last0"
    # Values are matched without regard to case, and written as the features file spells them.
    assert {n["gender"] for n in nominations} <= {"Female", "Male", "Non-binary or other"}
    done = seatwise("select", out / "nominations.csv", "--policy", out / "policy.yaml", "--format", "json")
    assert done.returncode == 0, done.stderr
    counts = collections.Counter(m["gender"] for m in report(done)["selected"])
    assert 11 <= counts["Female"] <= 12 and 10 <= counts["Male"] <= 11 and counts["Non-binary or other"] <= 1


def test_bad_files_name_the_place_and_nothing_is_written(seatwise, tmp_path):
    (tmp_path / "features.csv").write_text("feature,value,min,max\nGender,Male,5,x\nGender,Female,7,3\n")
    (tmp_path / "people.csv").write_text("id,Gender\np1,Male\n")
    out = tmp_path / "out"
    done = seatwise("import", "sortition-algorithms", tmp_path / "features.csv", tmp_path / "people.csv", "--output", out,
                    "--number-wanted", 1, "--country", "GBR")
    assert done.returncode == 2
    assert f"{tmp_path / 'features.csv'}:2:15: max: 'x' is not a whole number" in done.stderr
    assert "Female: min 7 is above max 3" in done.stderr
    assert not out.exists()
    (tmp_path / "features.csv").write_text("feature,value,min,max\nGender,Male,0,1\n")
    (tmp_path / "people.csv").write_text("id,Gender\np1,Male\np2,Robot\n")
    done = seatwise("import", "sortition-algorithms", tmp_path / "features.csv", tmp_path / "people.csv", "--output", out,
                    "--number-wanted", 1, "--country", "GBR")
    assert done.returncode == 2 and f"{tmp_path / 'people.csv'}:3:4: gender: 'Robot' is not a value of the feature Gender" in done.stderr
    # Existing files are never overwritten without --force.
    (tmp_path / "people.csv").write_text("id,Gender\np1,Male\np2,Male\n")
    out.mkdir()
    (out / "policy.yaml").write_text("mine\n")
    done = seatwise("import", "sortition-algorithms", tmp_path / "features.csv", tmp_path / "people.csv", "--output", out,
                    "--number-wanted", 1, "--country", "GBR")
    assert done.returncode != 0 and (out / "policy.yaml").read_text() == "mine\n"


def test_export_lists_what_cannot_be_said(seatwise, tmp_path):
    from conftest import ROOT
    mag = ROOT / "examples" / "mag"
    done = seatwise("export", "sortition-algorithms", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "applies within each group" in text          # per-group quotas
    assert "counts several values together" in text     # development in [developing, economy_in_transition]
    assert "must be seated (continuing)" in text        # fixed members
    assert "the ranks" in text
    # Seats per group become a feature with min = max = the seats.
    bounds = feature_bounds(tmp_path / "features.csv")
    assert bounds[("group", "Government")] == (20, 20)
    # Nominees with no organization are in no row of the organization cap: an unbounded value says so.
    assert bounds[("organization", "(none)")] == (0, 50)
    assert all(hi == 1 for (f, v), (lo, hi) in bounds.items() if f == "organization" and v != "(none)")
    read_theirs(tmp_path / "features.csv", tmp_path / "people.csv", 50)


def test_values_that_look_like_formulas_are_kept_exactly(seatwise, tmp_path):
    """Ids -1 and @p, values +30 and -30: data files carry them as they are (no spreadsheet apostrophe)."""
    (tmp_path / "features.csv").write_text("feature,value,min,max\nAge,-30,1,2\nAge,+30,1,2\n")
    (tmp_path / "people.csv").write_text("id,Age\n-1,-30\n@p,+30\n=x,-30\n+4,+30\n")
    out = tmp_path / "imported"
    seatwise("import", "sortition-algorithms", tmp_path / "features.csv", tmp_path / "people.csv", "--output", out,
             "--number-wanted", 2, "--country", "GBR", expect=0)
    ids = [r["id"] for r in csv.DictReader(open(out / "nominations.csv"))]
    assert ids == ["-1", "@p", "=x", "+4"]
    done = seatwise("select", out / "nominations.csv", "--policy", out / "policy.yaml", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert collections.Counter(m["attributes"]["age"] for m in report(done)["selected"]) == {"-30": 1, "+30": 1}
    exported = tmp_path / "exported"
    seatwise("export", "sortition-algorithms", out / "nominations.csv", "--policy", out / "policy.yaml", "--output", exported, expect=0)
    assert sorted(r["id"] for r in csv.DictReader(open(exported / "people.csv"))) == sorted(ids)
    assert {r["value"] for r in csv.DictReader(open(exported / "features.csv"))} == {"-30", "+30"}


def test_export_keeps_a_quota_on_a_value_nobody_has_and_one_name_column(seatwise, tmp_path):
    (tmp_path / "n.csv").write_text("id,name,group,gender,country\na,Ann,G,female,FRA\nb,Bo,G,male,DEU\nc,Cy,G,male,ITA\n")
    (tmp_path / "p.yaml").write_text("body: B\nseats: {G: 2}\nquotas:\n  - { attribute: gender, value: nonbinary, min: 1 }\n")
    assert seatwise("select", tmp_path / "n.csv", "--policy", tmp_path / "p.yaml").returncode == 1
    seatwise("export", "sortition-algorithms", tmp_path / "n.csv", "--policy", tmp_path / "p.yaml", "--output", tmp_path / "out", expect=0)
    assert feature_bounds(tmp_path / "out" / "features.csv")[("gender", "nonbinary")] == (1, 2)
    # A feature called name: one name column in the people file, and their reader accepts it.
    (tmp_path / "features.csv").write_text("feature,value,min,max\nname,A,0,1\nname,B,0,1\n")
    (tmp_path / "people.csv").write_text("id,name\np1,A\np2,B\n")
    seatwise("import", "sortition-algorithms", tmp_path / "features.csv", tmp_path / "people.csv", "--output", tmp_path / "i",
             "--number-wanted", 2, "--country", "GBR", expect=0)
    seatwise("export", "sortition-algorithms", tmp_path / "i" / "nominations.csv", "--policy", tmp_path / "i" / "policy.yaml",
             "--output", tmp_path / "e", expect=0)
    header = open(tmp_path / "e" / "people.csv").readline().strip().split(",")
    assert header.count("name") == 1
    read_theirs(tmp_path / "e" / "features.csv", tmp_path / "e" / "people.csv", 2)
