"""Reports written as .xlsx workbooks: they open in openpyxl and in LibreOffice, hold no formula (text that
starts with '=' stays text), freeze and embolden the header row, and carry the same panel, quota counts
and provenance as the JSON report of the same run."""

import csv
import io
import shutil
import subprocess

import pytest

from conftest import ROOT, report

import openpyxl  # noqa: E402 (make deps installs it)

EXAMPLES = ["mag", "wgec", "icg"]


def sheets(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert all(c.font.b for c in ws[1] if c.value is not None), ws.title
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula"
        rows = [[c.value for c in r] for r in ws.iter_rows()]
        out[ws.title] = [dict(zip(rows[0], r)) for r in rows[1:]]
    return out


@pytest.mark.parametrize("example", EXAMPLES)
def test_select_workbook_matches_the_json_report(seatwise, tmp_path, example):
    folder = ROOT / "examples" / example
    out = tmp_path / "report.xlsx"
    done = seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--output", out)
    assert done.returncode in (0, 1), done.stderr
    js = report(seatwise("select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--format", "json"))
    book = sheets(out)
    assert list(book)[:3] == ["Panel", "Quotas", "Groups"] and "Provenance" in book
    assert sorted(r["ID"] for r in book["Panel"]) == sorted(m["id"] for m in js["selected"])
    ranks = {m["id"]: m["rank"] for m in js["selected"]}
    for r in book["Panel"]:
        assert r["Rank"] == ranks[r["ID"]]            # numbers stored as numbers
    assert [r["Count"] for r in book["Quotas"]] == [q["count"] for q in js["quotas"]]
    assert [r["Rule"] for r in book["Quotas"]] == [q["label"] for q in js["quotas"]]
    provenance = {r["Item"]: r["Value"] for r in book["Provenance"]}
    assert provenance["Nominations SHA-256"] == js["inputs"]["nominations_sha256"]
    assert provenance["Seed"].split(" (")[0] == str(js["seed"])
    # Each provenance line once.
    items = [r["Item"] for r in book["Provenance"] if r["Item"] not in ("Note", "Adjustment", "Quota price")]
    assert len(items) == len(set(items)), items


def test_explain_compare_and_audit_workbooks(seatwise, tmp_path):
    mag = ROOT / "examples" / "mag"
    seatwise("explain", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path / "e.xlsx", expect=0)
    book = sheets(tmp_path / "e.xlsx")
    assert "Explanations" in book and len(book["Explanations"]) > 50
    assert {r["Decision"] for r in book["Explanations"]} == {"seated", "not seated"}
    seatwise("compare", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path / "c.xlsx", expect=0)
    book = sheets(tmp_path / "c.xlsx")
    assert {"Panel", "Quotas", "Groups", "Provenance"} <= set(book)
    assert any(r["Independent"] == "seated" for r in book["Panel"]) and any(r["Coordinated"] == "seated" for r in book["Panel"])
    icg = ROOT / "examples" / "icg"
    seatwise("audit", icg / "roster.csv", "--policy", icg / "policy.yaml", "--output", tmp_path / "a.xlsx", expect=0)
    book = sheets(tmp_path / "a.xlsx")
    assert {"Panel", "Quotas", "Groups", "Shares", "Provenance"} <= set(book)
    roster = list(csv.DictReader(open(icg / "roster.csv", encoding="utf-8")))
    assert len(book["Panel"]) == len(roster)


def test_text_that_looks_like_a_formula_stays_text(seatwise, tmp_path):
    nominations = tmp_path / "n.csv"
    nominations.write_text("id,name,group,gender,country,rank\n"
                           "A1,\"=HYPERLINK(\"\"http://x\"\")\",G,female,FRA,1\nA2,+1+1,G,male,DEU,2\nA3,@SUM(1),G,female,ITA,3\nA4,x_x0041_y,G,male,ESP,4\n")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: {G: 4}\n")
    seatwise("select", nominations, "--policy", policy, "--output", tmp_path / "r.xlsx", expect=0)
    names = {r["ID"]: r["Name"] for r in sheets(tmp_path / "r.xlsx")["Panel"]}
    assert {k: names[k] for k in ["A1", "A2", "A3"]} == {"A1": '=HYPERLINK("http://x")', "A2": "+1+1", "A3": "@SUM(1)"}
    # A literal "_x0041_" is written as OOXML escapes it (openpyxl does not decode escapes; Excel and
    # LibreOffice do), and Seatwise's own reader gives it back unchanged.
    again = seatwise("select", tmp_path / "r.xlsx", "--policy", policy, "--sheet", "Panel", "--format", "csv", expect=0)
    assert {r["id"]: r["name"] for r in csv.DictReader(io.StringIO(again.stdout))}["A4"] == "x_x0041_y"
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office:
        subprocess.run([office, "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(tmp_path / "r.xlsx")],
                       capture_output=True, text=True, timeout=180, check=True)
        rows = {r["ID"]: r["Name"] for r in csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8")))}
        assert rows == {"A1": '=HYPERLINK("http://x")', "A2": "+1+1", "A3": "@SUM(1)", "A4": "x_x0041_y"}


def test_libreoffice_opens_every_report_workbook(seatwise, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is not installed (make deps installs it)"
    mag = ROOT / "examples" / "mag"
    seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path / "select.xlsx", expect=0)
    for kind in ["pdf", "csv"]:
        done = subprocess.run([office, "--headless", "--convert-to", kind, "--outdir", str(tmp_path), str(tmp_path / "select.xlsx")],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "select.pdf").stat().st_size > 10_000
    # LibreOffice's CSV of the first sheet is the panel, as the JSON report has it.
    rows = list(csv.DictReader(io.StringIO((tmp_path / "select.csv").read_text(encoding="utf-8"))))
    js = report(seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--format", "json"))
    assert sorted(r["ID"] for r in rows) == sorted(m["id"] for m in js["selected"])


def test_round_trip_report_workbook_back_into_a_selection(seatwise, tmp_path):
    """The Panel sheet of a report is itself a nominations workbook: selecting from it gives the same panel."""
    mag = ROOT / "examples" / "mag"
    seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path / "r.xlsx", expect=0)
    again = seatwise("select", tmp_path / "r.xlsx", "--policy", mag / "policy.yaml", "--sheet", "Panel", "--format", "json")
    first = report(seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--format", "json"))
    assert again.returncode == 0, again.stderr
    assert sorted(m["id"] for m in report(again)["selected"]) == sorted(m["id"] for m in first["selected"])


def test_xlsx_to_a_terminal_is_refused_and_xls_is_named(seatwise, tmp_path):
    mag = ROOT / "examples" / "mag"
    done = seatwise("select", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--output", tmp_path / "r.xls")
    assert done.returncode == 2 and ".xlsx" in done.stderr
    done = seatwise("explain", mag / "nominations.csv", "--policy", mag / "policy.yaml", "--nominee", "MAG-007", "--output", tmp_path / "n.xlsx")
    assert done.returncode == 2 and "no workbook form" in done.stderr
    assert not (tmp_path / "n.xlsx").exists()
