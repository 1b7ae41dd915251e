"""Wording slips a publisher would be embarrassed by, each found once in a report and kept out: a plural
group's "s's", a bare list of seats per year that reads as one number, a Gini of "-0.000", and a glossary
that defines a close call otherwise than the default the reports use."""

import json
import re

import pytest

from conftest import ROOT, report

WGEC = ROOT / "examples" / "wgec"
MAG = ROOT / "examples" / "mag"


def test_no_plural_possessive_in_adjusted_rounds(seatwise):
    # The adjustment notes named "Intergovernmental Organisations's nominee"; the group now stands in brackets.
    rows = [line.split(",") for line in (WGEC / "nominations.csv").read_text().splitlines()[1:]]
    igo = next(r[0] for r in rows if r[2] == "Intergovernmental Organisations")
    for public in ([], ["--public"]):
        text = seatwise("select", WGEC / "nominations.csv", "--policy", WGEC / "policy.yaml", "--exclude", igo, *public, expect=0).stdout
        assert not re.search(r"s's\b", text), [line for line in text.splitlines() if "s's" in line]
        assert "(Intergovernmental Organisations) excluded by decision of the coordinator" in text


def test_the_plan_names_each_year_of_its_seats(seatwise):
    text = seatwise("plan", MAG / "roster.csv", "--policy", MAG / "policy.yaml", "--years", "4", "--even", expect=0).stdout
    lines = [line for line in text.splitlines() if "open in one year" in line]
    assert lines and all("seats opening year 1: " in line for line in lines)
    assert not re.search(r"by year \d+, \d", text)  # "by year 13, 3, 4" read as one number


def gini(values):
    """The Gini coefficient from its mean-absolute-difference definition (never negative)."""
    n, total = len(values), sum(values)
    return sum(abs(a - b) for a in values for b in values) / (2 * n * total)


def test_a_gini_is_never_negative(seatwise, tmp_path):
    # Equal chances once printed "-0.000": the sorted-sum formula rounds below zero. The figure must be the
    # Gini of the reported chances, computed here from its definition, and never negative.
    rows = ["id,name,group,gender,country,rank"] + [f"N{i},Name {i},Board,female,FRA,{i + 1}" for i in range(9)]
    (tmp_path / "n.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "p.yaml").write_text("body: B\nseats: {Board: 1}\n")
    icg = ROOT / "examples" / "icg"
    for nominations, policy in ((tmp_path / "n.csv", tmp_path / "p.yaml"), (icg / "nominations.csv", icg / "policy.yaml")):
        doc = report(seatwise("lottery", nominations, "--policy", policy, "--format", "json", expect=0))
        chances = [p["probability"] for p in doc["probabilities"] if p["standing"] == "in the lottery"]
        assert doc["gini"] >= 0 and abs(doc["gini"] - gini(chances)) < 1e-9, (doc["gini"], gini(chances))
        text = seatwise("lottery", nominations, "--policy", policy, expect=0).stdout
        assert "-0.000" not in text


def test_the_glossary_defines_a_close_call_as_the_default_is(seatwise, tmp_path):
    out = tmp_path / "r.html"
    seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "html", "--output", out, expect=0)
    html = out.read_text()
    assert "one rank point or less" not in html and "at most 2 unless the report was made with another --close-call" in html
    assert "--public is the version to publish" in " ".join(seatwise("select", "--help", expect=0).stdout.split())


def test_an_exact_rule_is_not_called_a_minimum_or_a_cap(seatwise):
    text = seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--explain", expect=0).stdout
    clauses = re.split(r"[;:.] (?=the |quota )", text)
    assert not [c for c in clauses if re.match(r"the (minimum|cap) quota \d+: [^;\n]*\bexactly\b", c)]
    assert "exactly 4 of 20 seats in Government, which would fall short" in text or "which the swap would exceed" in text


def test_a_public_html_report_gives_its_date_first(seatwise, tmp_path):
    for args in (["select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml"],
                 ["audit", MAG / "roster.csv", "--policy", MAG / "policy.yaml"],
                 ["compare", ROOT / "examples" / "icg" / "nominations.csv", "--policy", ROOT / "examples" / "icg" / "policy.yaml"]):
        out = tmp_path / f"{args[0]}.html"
        seatwise(*args, "--public", "--format", "html", "--output", out, expect=0)
        html = out.read_text()
        made = html.find('<p class="made">Made ')
        assert 0 <= made < html.find("<h1>"), args[0]
        assert "<b>Made</b>" not in html.split("<footer>")[1]


CODE = re.compile(r"(?<![\w.])[a-z]+(?:_[a-z]+)+\b")


def words_of(text, fmt):
    return re.sub(r"<[^>]+>", " ", text) if fmt == "html" else text


@pytest.mark.parametrize("example", ["mag", "wgec", "icg", "ipcc", "nomcom", "infeasible", "mag-history"])
def test_public_reports_carry_no_raw_codes_and_the_headline_agrees_with_the_rows(seatwise, example):
    """Reason codes (in_rank_order), the development code (economy_in_transition) and solver words ("linear
    relaxation") stay out of a published report; a policy key cited with its section (rules.max_terms) and
    the file's own column names may appear. The headline counts members by the reasons the rows give."""
    folder = ROOT / "examples" / example
    header = (folder / "nominations.csv").read_text().split("\n", 1)[0].split(",")
    history = ["--history", *sorted((folder / "history").glob("*.csv"))] if (folder / "history").is_dir() else []
    for fmt in ["text", "markdown", "html"]:
        done = seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", *history, "--public", "--explain", "--format", fmt)
        assert done.returncode in (0, 1), done.stderr
        text = words_of(done.stdout, fmt)
        codes = {c for c in CODE.findall(text) if c not in header}
        assert not codes, (fmt, codes)
        assert "linear relaxation" not in text and not re.search(r"\b1 (seats|members|rules)\b", text)
    full = json.loads(seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", *history, "--format", "json").stdout)
    if full["status"] == "infeasible":
        return
    # The panel's rows: each member's reason as the report's Why column gives it.
    reasons = [m["reason"] for m in full["selected"]]
    headline = seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", *history, "--public", "--format", "json").stdout
    in_order, ahead = reasons.count("in_rank_order"), reasons.count("ahead_of_higher_ranked")
    assert f"{in_order} seated in their group's rank order" in headline
    assert (f"{ahead} ahead of higher-ranked nominees" in headline) == (ahead > 0)
