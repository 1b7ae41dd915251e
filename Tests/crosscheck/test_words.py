"""Words in every report: every bundled example through every command and format (and the public and
what-if forms), with no "1 seats"-style slip, no "row(s)", no verb that disagrees with its count, and no
internal solver term. Not a cross-check against a solver: it reads what people read."""

from pathlib import Path

import pytest
import re

from conftest import ROOT

SLIPS = re.compile(
    r"(?<![\d.,-])1 (seats|members|rows|nominees|choices|rules|terms|values|countries|conflicts|groups|quotas|repairs|women|men)\b"
    r"|\b(?:0|[2-9]|\d\d+) (seat|member|row|nominee|choice|rule|term|value|country|conflict|group|quota)\b(?! (?:of|in|is|at|for)\b)"
    r"|(?<![\d])1 of its top \d+ choices are\b|\b(?:0|[2-9]|\d\d+) of its top \d+ choices is\b"
    r"|(?<![\d.,])1 (?:nominee|member|rule) were\b|\b(?:[2-9]|\d\d+) (?:nominees|members|rules) was\b"
    r"|\(s\)|\bstage \d|lost feasibility|\bGLP_[A-Z]+")

EXAMPLES = ["mag", "icg", "wgec", "infeasible", "tiny"]

# One of everything, where most slips hide: 1 group, 1 seat, 1 quota, 1 nominee passed over.
TINY_NOMINATIONS = "id,name,group,gender,country,rank,status,terms\nt1,Tan One,Solo,male,KEN,1,,0\nt2,Tia Two,Solo,female,DEU,2,,0\nt3,Tom Three,Solo,male,FRA,3,withdrawn,0\n"
TINY_POLICY = "body: Tiny\nseats: { Solo: 1 }\nquotas:\n  - { attribute: gender, value: female, min: 1 }\ntie_break: { seed: 1 }\n"
FORMATS = ["text", "markdown", "json", "csv", "html"]


def commands(name, fmt, questions, tiny):
    d = tiny if name == "tiny" else ROOT / "examples" / name
    files = [d / "nominations.csv", "--policy", d / "policy.yaml"]
    out = [["select", *files, "--explain", "--format", fmt], ["select", *files, "--repair", "--format", fmt],
           ["select", *files, "--public", "--explain", "--format", fmt], ["select", *files, "--mode", "independent", "--format", fmt],
           ["compare", *files, "--format", fmt], ["compare", *files, "--public", "--format", fmt],
           ["explain", *files, "--format", fmt], ["check", *files]]
    if fmt in ("text", "json"):
        out.append(["what-if", *files, "--questions", questions, "--format", fmt])
    if (d / "roster.csv").exists():
        out.append(["audit", d / "roster.csv", "--policy", d / "policy.yaml", "--pool", d / "nominations.csv", "--format", fmt])
    return out


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_slips(seatwise, tmp_path, name, fmt):
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    (tiny / "nominations.csv").write_text(TINY_NOMINATIONS)
    (tiny / "policy.yaml").write_text(TINY_POLICY)
    (tiny / "roster.csv").write_text(TINY_NOMINATIONS.replace(",withdrawn,", ",,"))
    folder = tiny if name == "tiny" else ROOT / "examples" / name
    ids = [line.split(",")[0] for line in (folder / "nominations.csv").read_text().splitlines()[1:4]]
    questions = tmp_path / "questions.yaml"
    questions.write_text("".join(f"- {{ name: q{k}, exclude: [{i}] }}\n" for k, i in enumerate(ids)) + "- { name: wider, set: ['1:min=0'] }\n")
    slips = []
    for args in commands(name, fmt, questions, tiny):
        done = seatwise(*args)
        assert done.returncode in (0, 1), (args, done.stderr[-500:])
        text = done.stdout + done.stderr
        for m in SLIPS.finditer(text):
            slips.append((args[0], m.group(0), text[max(0, m.start() - 80):m.end() + 40].replace("\n", " ")))
    assert not slips, slips[:10]


def test_the_pattern_finds_slips():
    for bad in ["has 1 seats", "2 seat", "quota row(s)", "1 of its top 10 choices are seated", "stage 2 of the search", "1 nominee were"]:
        assert SLIPS.search(bad), bad
    for good in ["1 seat", "3 rules", "1 of its top 10 choices is seated", "20 of 50 seats", "4 of its top 10 choices are seated"]:
        assert not SLIPS.search(good), good
