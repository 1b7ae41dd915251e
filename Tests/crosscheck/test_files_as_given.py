"""Files as people have them: a workbook whose first sheet is instructions is read from the sheet that
holds the nominations (and says so), or, when no sheet has the columns, the error names the sheets and
suggests --sheet; a CSV report for a European Excel (semicolons, decimal commas, a byte-order mark)
holds the same cells as the standard one; a workbook report keeps a column's heading as the file
spells it, names the sheet it read, and states each provenance line once."""

import csv
import io
import json

import openpyxl
import pytest

from conftest import ROOT

MAG = ROOT / "examples/mag"


def workbook(path, sheets):
    """sheets: [(title, rows)]."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def mag_rows(extra=None):
    rows = list(csv.reader(open(MAG / "nominations.csv", encoding="utf-8")))
    if extra:
        rows[0].append(extra)
        for k, row in enumerate(rows[1:], 1):
            row.append(f"note {k}")
    return rows


def test_an_instructions_sheet_before_the_nominations_is_passed_over(seatwise, tmp_path):
    book = workbook(tmp_path / "nominations.xlsx", [("Instructions", [["How to fill in the nominations sheet"], ["One row per nominee."]]),
                                                    ("Nominations", mag_rows())])
    done = seatwise("select", book, "--policy", MAG / "policy.yaml", "--format", "json", expect=0)
    from_csv = json.loads(seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "json", expect=0).stdout)
    assert [m["id"] for m in json.loads(done.stdout)["selected"]] == [m["id"] for m in from_csv["selected"]]
    assert "the sheet 'Nominations' was read, of 2: 'Instructions', 'Nominations' ('Instructions' lacks the columns" in done.stderr
    text = seatwise("select", book, "--policy", MAG / "policy.yaml", expect=0).stdout
    assert "nominations.xlsx, sheet 'Nominations' (sha256" in text


def test_no_sheet_with_the_columns_names_the_sheets_and_suggests_sheet(seatwise, tmp_path):
    book = workbook(tmp_path / "nominations.xlsx", [("Instructions", [["How to fill in"]]), ("Data", [["ident", "full name"], ["1", "x"]])])
    done = seatwise("select", book, "--policy", MAG / "policy.yaml", expect=2)
    assert "missing required columns: id, name, group, gender, country" in done.stderr
    assert "the workbook also has sheet 'Data'" in done.stderr and "--sheet NAME" in done.stderr
    assert done.stdout == ""


def parsed(text, delimiter):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


@pytest.mark.parametrize("command", [["select"], ["audit", "--pool", MAG / "nominations.csv"]])
def test_a_csv_for_a_european_excel_holds_the_same_cells(seatwise, tmp_path, command):
    first = MAG / ("roster.csv" if command[0] == "audit" else "nominations.csv")
    args = [command[0], first, "--policy", MAG / "policy.yaml", *command[1:]]
    standard = seatwise(*args, "--format", "csv", expect=0).stdout
    excel = seatwise(*args, "--format", "csv", "--csv-style", "excel", expect=0).stdout
    assert excel == "\ufeff" + standard
    out = tmp_path / "report.csv"
    seatwise(*args, "--output", out, "--csv-style", "excel-europe", expect=0)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.split(b"\r\n")[0]
    europe, plain = parsed(raw.decode("utf-8"), ";"), parsed(standard, ",")
    assert len(europe) == len(plain) and all(len(a) == len(b) for a, b in zip(europe, plain))
    decimals = 0
    for row_e, row_p in zip(europe, plain):
        for e, p in zip(row_e, row_p):
            if e != p:
                # Only decimal numbers differ: the same number with a decimal comma.
                assert float(e.replace(",", ".")) == float(p) and "." in p, (e, p)
                decimals += 1
    assert command[0] != "audit" or decimals > 0, "an audit's shares are decimals"


def test_csv_style_is_for_csv_reports(seatwise):
    done = seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "json", "--csv-style", "excel-europe", expect=2)
    assert "--csv-style" in done.stderr and done.stdout == ""
    done = seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "csv", "--csv-style", "excel-eu", expect=2)
    assert "excel-europe" in done.stderr


def test_a_workbook_report_keeps_headings_as_given_and_each_provenance_line_once(seatwise, tmp_path):
    book = workbook(tmp_path / "nominations.xlsx", [("Cover", [["MAG nominations 2027"]]), ("Nominations", mag_rows("Comments"))])
    out = tmp_path / "report.xlsx"
    seatwise("select", book, "--policy", MAG / "policy.yaml", "--output", out, expect=0)
    wb = openpyxl.load_workbook(out)
    headings = [c.value for c in wb["Panel"][1]]
    assert "Comments" in headings and "comments" not in headings
    column = headings.index("Comments")
    assert all(str(r[column].value).startswith("note ") for r in wb["Panel"].iter_rows(min_row=2))
    provenance = [(r[0].value, r[1].value) for r in wb["Provenance"].iter_rows(min_row=2)]
    items = [k for k, _ in provenance if k not in ("Note", "Adjustment", "Quota price")]
    assert len(items) == len(set(items)), items
    facts = dict(provenance)
    assert facts["Nominations"].endswith("nominations.xlsx, sheet 'Nominations'") and len(facts["Nominations SHA-256"]) == 64
    assert facts["Seed"].startswith("2026")
