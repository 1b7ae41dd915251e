"""Nominations read from .xlsx workbooks: instances written by openpyxl and by LibreOffice give the panel
their CSV gives; a workbook written by hand with every quirk (shared and inline strings, rich text,
numbers stored as 3.0, dates, booleans, formulas with and without a saved value, merged and hidden
rows, namespace prefixes, cells without references) reads as the text a CSV would hold; bad workbooks
are exit 2 naming the cell."""

import csv
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, report

import openpyxl  # noqa: E402 (make deps installs it)


def panel(done):
    return sorted(m["id"] for m in report(done)["selected"])


def csv_to_xlsx(csv_path, xlsx_path, numbers=("rank", "terms")):
    """The CSV as openpyxl writes it, with ranks and terms stored as floats (3.0), as Excel users' files have them."""
    rows = list(csv.reader(open(csv_path, encoding="utf-8")))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nominations"
    ws.append(rows[0])
    for row in rows[1:]:
        ws.append([float(v) if rows[0][k] in numbers and v.strip() else v for k, v in enumerate(row)])
    wb.save(xlsx_path)


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_generated_instance_as_xlsx_gives_the_csv_panel(seatwise, tmp_path, seed):
    seatwise("generate", "--nominees", 400, "--seats", 40, "--seed", seed, "--output", tmp_path, expect=0)
    csv_to_xlsx(tmp_path / "nominations.csv", tmp_path / "nominations.xlsx")
    a = seatwise("select", tmp_path / "nominations.csv", "--policy", tmp_path / "policy.yaml", "--format", "json")
    b = seatwise("select", tmp_path / "nominations.xlsx", "--policy", tmp_path / "policy.yaml", "--format", "json")
    assert a.returncode == b.returncode
    if a.returncode == 0:
        assert panel(a) == panel(b)
        assert report(a)["objective"] == report(b)["objective"]


@pytest.mark.parametrize("example", ["mag", "wgec", "icg"])
def test_libreoffice_workbook_gives_the_csv_panel(seatwise, tmp_path, example):
    """LibreOffice writes shared strings, styles and numbers as a spreadsheet program does."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is not installed (make deps installs it)"
    source = tmp_path / "nominations.csv"
    shutil.copy(ROOT / "examples" / example / "nominations.csv", source)
    done = subprocess.run([office, "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    policy = ROOT / "examples" / example / "policy.yaml"
    a = seatwise("select", source, "--policy", policy, "--format", "json")
    b = seatwise("select", tmp_path / "nominations.xlsx", "--policy", policy, "--format", "json")
    assert a.returncode == b.returncode == 0
    assert panel(a) == panel(b)


# A workbook written part by part, so that each quirk is exactly what Excel or another program writes.

def workbook(path, sheet_xml, shared=None, styles=None, extra_sheets=(), date1904=False, prefix=""):
    p = prefix
    ns = 'xmlns{}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'.format(":" + p[:-1] if p else "")
    rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheets = [("Sheet1", sheet_xml, False)] + list(extra_sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        state = ' state="hidden"'
        entries = "".join(f'<{p}sheet name="{name}" sheetId="{k + 1}" r:id="rId{k + 1}"{state if hidden else ""}/>'
                          for k, (name, _, hidden) in enumerate(sheets))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><{p}workbook {ns} {rels}>'
                   + (f'<{p}workbookPr date1904="1"/>' if date1904 else "") + f"<{p}sheets>{entries}</{p}sheets></{p}workbook>")
        targets = "".join(f'<Relationship Id="rId{k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{k + 1}.xml"/>'
                          for k in range(len(sheets)))
        targets += '<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        targets += '<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{targets}</Relationships>')
        for k, (_, xml, _) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{k + 1}.xml", f'<?xml version="1.0"?><{p}worksheet {ns} {rels}>{xml}</{p}worksheet>')
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><{p}sst {ns}>' + "".join(shared or []) + f"</{p}sst>")
        z.writestr("xl/styles.xml", styles or f'<?xml version="1.0"?><{p}styleSheet {ns}><{p}cellXfs><{p}xf numFmtId="0"/></{p}cellXfs></{p}styleSheet>')


STYLES = ('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>')

POLICY_ALL = """body: Quirks
seats: {Government: 3, Civil Society: 2}
quotas:
  - { attribute: gender, value: female, min: 1 }
"""


def s(text):
    return f"<si><t>{text}</t></si>"


def quirky_sheet():
    """Header and five nominees; everything that can vary in how a cell stores its value does."""
    shared = [s("id"), s("name"), s("group"), s("gender"), s("country"), s("rank"), s("nominated"), s("confirmed"), s("note"),
              s("Government"),                                              # 9
              "<si><r><t>Ana</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> Lind</t></r><rPh><t>アナ</t></rPh></si>",  # 10: rich text, phonetic guide
              s("female"), s("NOR"), s("Civil Society"), s("male"), s("a &amp; b"), s("caf_x00E9_ _x005F_x0041_")]
    rows = []
    rows.append('<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{k}</v></c>' for k, c in enumerate("ABCDEFGHI")) + "</row>")
    # Row 2: shared strings, rank as 1.0, a date (built-in format 14), a boolean, a formula with its saved value.
    rows.append('<row r="2"><c r="A2" t="inlineStr"><is><t>N1</t></is></c><c r="B2" t="s"><v>10</v></c><c r="C2" t="s"><v>9</v></c>'
                '<c r="D2" t="s"><v>11</v></c><c r="E2" t="s"><v>12</v></c><c r="F2"><v>1.0</v></c><c r="G2" s="1"><v>46023</v></c>'
                '<c r="H2" t="b"><v>1</v></c><c r="I2" t="str"><f>CONCAT("o","k")</f><v>ok</v></c></row>')
    # Row 3: group merged down from C2 (C2:C3), rank as 2 with float noise, a custom date format, cells without r.
    rows.append('<row r="3"><c t="inlineStr"><is><t>N2</t></is></c><c t="inlineStr"><is><t>Bo Park</t></is></c><c/>'
                '<c t="inlineStr"><is><t>male</t></is></c><c t="inlineStr"><is><t>KOR</t></is></c><c><v>2.0000000000000004</v></c>'
                '<c s="2"><v>45658.0</v></c><c t="b"><v>0</v></c><c t="s"><v>15</v></c></row>')
    # Row 4 hidden: read all the same; a number stored as text for the rank.
    rows.append('<row r="4" hidden="1"><c r="A4" t="inlineStr"><is><t>N3</t></is></c><c r="B4" t="inlineStr"><is><t>Cy Dorn</t></is></c>'
                '<c r="C4" t="s"><v>13</v></c><c r="D4" t="s"><v>11</v></c><c r="E4" t="inlineStr"><is><t>BRA</t></is></c>'
                '<c r="F4" t="inlineStr"><is><t>1</t></is></c><c r="I4" t="s"><v>16</v></c></row>')
    # Row 5 empty (formatting only), row 6 the last nominees: numeric id, a percent style that stays a number.
    rows.append('<row r="5"><c r="A5" s="1"/></row>')
    rows.append('<row r="6"><c r="A6"><v>1234567890123</v></c><c r="B6" t="inlineStr"><is><t>Di Ek</t></is></c><c r="C6" t="s"><v>13</v></c>'
                '<c r="D6" t="s"><v>14</v></c><c r="E6" t="inlineStr"><is><t>KEN</t></is></c><c r="F6" s="3"><v>2</v></c></row>')
    rows.append('<row r="7"><c r="A7" t="inlineStr"><is><t>N5</t></is></c><c r="B7" t="inlineStr"><is><t>Ed Fo</t></is></c>'
                '<c r="C7" t="s"><v>9</v></c><c r="D7" t="s"><v>14</v></c><c r="E7" t="inlineStr"><is><t>FRA</t></is></c></row>')
    xml = '<sheetData>' + "".join(rows) + '</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>'
    return xml, shared


def everyone(seatwise, path, policy, *extra):
    """Every nominee, read back through a selection that seats them all (CSV report: every attribute)."""
    done = seatwise("select", path, "--policy", policy, "--format", "csv", *extra)
    assert done.returncode == 0, done.stderr
    return {row["id"]: row for row in csv.DictReader(io.StringIO(done.stdout))}, done.stderr


def test_every_quirk_reads_as_the_csv_would(seatwise, tmp_path):
    xml, shared = quirky_sheet()
    path = tmp_path / "quirks.xlsx"
    workbook(path, xml, shared=shared, styles=STYLES)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    rows, stderr = everyone(seatwise, path, policy)
    assert set(rows) == {"N1", "N2", "N3", "1234567890123", "N5"}
    n1, n2, n3 = rows["N1"], rows["N2"], rows["N3"]
    assert n1["name"] == "Ana Lind"                      # rich-text runs joined, phonetic guide left out
    assert n1["rank"] == "1" and n2["rank"] == "2" and n3["rank"] == "1"
    assert n1["nominated"] == "2026-01-01"               # serial 46023, built-in date format 14
    assert n2["nominated"] == "2025-01-01"               # custom format dd/mm/yyyy, read as ISO 8601
    assert n1["confirmed"] == "TRUE" and n2["confirmed"] == "FALSE"
    assert n1["note"] == "ok"                            # a formula's saved value
    assert n2["note"] == "a & b" and n3["note"] == "café _x0041_"  # entities and OOXML's _xHHHH_ escapes
    assert n2["group"] == "Government"                   # merged C2:C3 reads as C2
    assert n1["country"] == "NOR"                        # a country code stored as text stays text
    assert rows["1234567890123"]["rank"] == "2"          # a whole number in a percent style is still 2
    assert "hidden" in stderr and "C2:C3" in stderr      # both said, not silent


def test_prefixed_namespace_and_1904_dates(seatwise, tmp_path):
    """Some writers prefix every element (x:c); old Mac workbooks count days from 1904."""
    p = "x:"
    shared = [f"<{p}si><{p}t>{t}</{p}t></{p}si>" for t in ["id", "name", "group", "gender", "country", "nominated"]]
    sheet = (f'<{p}sheetData><{p}row r="1">' + "".join(f'<{p}c r="{c}1" t="s"><{p}v>{k}</{p}v></{p}c>' for k, c in enumerate("ABCDEF")) + f"</{p}row>"
             + "".join(f'<{p}row r="{r}"><{p}c r="A{r}" t="inlineStr"><{p}is><{p}t>P{r}</{p}t></{p}is></{p}c><{p}c r="B{r}" t="inlineStr"><{p}is><{p}t>Name {r}</{p}t></{p}is></{p}c>'
                       f'<{p}c r="C{r}" t="inlineStr"><{p}is><{p}t>{g}</{p}t></{p}is></{p}c><{p}c r="D{r}" t="inlineStr"><{p}is><{p}t>female</{p}t></{p}is></{p}c>'
                       f'<{p}c r="E{r}" t="inlineStr"><{p}is><{p}t>DEU</{p}t></{p}is></{p}c><{p}c r="F{r}" s="1"><{p}v>0</{p}v></{p}c></{p}row>'
                       for r, g in [(2, "Government"), (3, "Government"), (4, "Government"), (5, "Civil Society"), (6, "Civil Society")])
             + f"</{p}sheetData>")
    styles = (f'<?xml version="1.0"?><{p}styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              f'<{p}cellXfs><{p}xf numFmtId="0"/><{p}xf numFmtId="14"/></{p}cellXfs></{p}styleSheet>')
    path = tmp_path / "prefixed.xlsx"
    workbook(path, sheet, shared=shared, styles=styles, date1904=True, prefix=p)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    rows, _ = everyone(seatwise, path, policy)
    assert sorted(rows) == ["P2", "P3", "P4", "P5", "P6"]
    assert {r["nominated"] for r in rows.values()} == {"1904-01-01"}


def test_sheet_by_name_and_the_first_visible_one(seatwise, tmp_path):
    xml, shared = quirky_sheet()
    hidden = ('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>junk</t></is></c></row></sheetData>', )
    path = tmp_path / "sheets.xlsx"
    workbook(path, xml, shared=shared, styles=STYLES, extra_sheets=[("Old list", hidden[0], True)])
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    rows, _ = everyone(seatwise, path, policy, "--sheet", "Sheet1")
    assert len(rows) == 5
    done = seatwise("select", path, "--policy", policy, "--sheet", "Nope")
    assert done.returncode == 2
    assert "no sheet 'Nope'" in done.stderr and "'Sheet1'" in done.stderr and "'Old list'" in done.stderr


def test_bad_cell_is_named_by_its_reference(seatwise, tmp_path):
    xml, shared = quirky_sheet()
    xml = xml.replace('<c r="C7" t="s"><v>9</v></c>', '<c r="C7" t="inlineStr"><is><t>Academia</t></is></c>')
    path = tmp_path / "nominations.xlsx"
    workbook(path, xml, shared=shared, styles=STYLES)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2
    assert f"{path}:Sheet1!C7: group: 'Academia' is not a group of the policy" in done.stderr


def test_formula_without_saved_value_is_an_error_at_its_cell(seatwise, tmp_path):
    xml, shared = quirky_sheet()
    xml = xml.replace('<c r="I2" t="str"><f>CONCAT("o","k")</f><v>ok</v></c>', '<c r="I2"><f>CONCAT("o","k")</f></c>')
    path = tmp_path / "nominations.xlsx"
    workbook(path, xml, shared=shared, styles=STYLES)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2
    assert f"{path}:Sheet1!I2: holds the formula =CONCAT(\"o\",\"k\") with no saved value" in done.stderr


def test_error_cells_and_every_problem_listed(seatwise, tmp_path):
    xml, shared = quirky_sheet()
    xml = xml.replace('<c r="E7" t="inlineStr"><is><t>FRA</t></is></c>', '<c r="E7" t="e"><f>VLOOKUP(A7,X!A:B,2)</f><v>#N/A</v></c>')
    xml = xml.replace('<c r="D6" t="s"><v>14</v></c>', '<c r="D6" t="s"><v>99</v></c>')
    path = tmp_path / "nominations.xlsx"
    workbook(path, xml, shared=shared, styles=STYLES)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2
    assert "Sheet1!D6: refers to a shared string that the workbook does not have" in done.stderr
    assert "Sheet1!E7: holds the Excel error '#N/A'" in done.stderr


@pytest.mark.parametrize("kind", ["text", "truncated", "empty_zip", "no_workbook", "bad_xml", "doctype"])
def test_bad_workbooks_exit_2(seatwise, tmp_path, kind):
    path = tmp_path / "nominations.xlsx"
    xml, shared = quirky_sheet()
    if kind == "text":
        path.write_text("id,name\n1,2\n")
    elif kind == "truncated":
        workbook(path, xml, shared=shared)
        path.write_bytes(path.read_bytes()[:300])
    elif kind == "empty_zip":
        zipfile.ZipFile(path, "w").close()
    elif kind == "no_workbook":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "hi")
    elif kind == "bad_xml":
        workbook(path, xml.replace("</sheetData>", "</sheetDta>"), shared=shared)
    elif kind == "doctype":
        # An entity-expansion attack ("billion laughs") is refused before any entity exists.
        bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        workbook(path, xml, shared=shared)
        data = {n: zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist()}
        data["xl/worksheets/sheet1.xml"] = data["xl/worksheets/sheet1.xml"].replace(b'<?xml version="1.0"?>', b'<?xml version="1.0"?>' + bomb.encode())
        with zipfile.ZipFile(path, "w") as z:
            for n, b in data.items():
                z.writestr(n, b)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: {path}") or f"{path}:" in done.stderr
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr


def test_zip_bomb_is_refused_without_a_memory_blow_up(seatwise, tmp_path):
    """A sheet that inflates to a gigabyte of spaces, packed into about a megabyte, is refused at the budget."""
    path = tmp_path / "bomb.xlsx"
    xml, shared = quirky_sheet()
    workbook(path, xml, shared=shared)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 24)
            for _ in range(64):
                f.write(chunk)
    # Point the workbook's first sheet at the bomb.
    data = {n: zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist() if n != "xl/worksheets/sheet2.xml"}
    data["xl/_rels/workbook.xml.rels"] = data["xl/_rels/workbook.xml.rels"].replace(b"worksheets/sheet1.xml", b"worksheets/sheet2.xml")
    rebuilt = tmp_path / "nominations.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in data.items():
            z.writestr(n, b)
        with src.open("xl/worksheets/sheet2.xml") as f, z.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as g:
            shutil.copyfileobj(f, g, 1 << 24)
    assert rebuilt.stat().st_size < 4 << 20
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    done = subprocess.run(["/usr/bin/time", "-f", "%M", str(ROOT / ".build/debug/seatwise"), "select", str(rebuilt), "--policy", str(policy)],
                          capture_output=True, text=True, timeout=120) if Path("/usr/bin/time").exists() else None
    if done is None:
        done = seatwise("select", rebuilt, "--policy", policy)
        assert done.returncode == 2
        return
    assert done.returncode == 2, done.stderr
    assert "zip bomb" in done.stderr
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    assert peak_kb < 1_200_000, f"peak memory {peak_kb} kB"


# Found in review: each a test before its fix.

def plain_sheet(rows_xml):
    return "<sheetData>" + rows_xml + "</sheetData>"


HEADER_ROW = '<row r="1">' + "".join(f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>' for c, h in zip("ABCDE", ["id", "name", "group", "gender", "country"])) + "</row>"


def person(r, pid, group, gender="female", country="FRA", with_refs=True):
    cells = [pid, f"Name {pid}", group, gender, country]
    ref = (lambda c: f' r="{c}{r}"') if with_refs else (lambda c: "")
    return f'<row r="{r}">' + "".join(f'<c{ref(c)} t="inlineStr"><is><t>{v}</t></is></c>' for c, v in zip("ABCDE", cells)) + "</row>"


def test_a_row_of_many_cells_is_linear_and_refused_past_xfd(seatwise, tmp_path):
    import time
    path = tmp_path / "wide.xlsx"
    workbook(path, plain_sheet('<row>' + "<c><v>1</v></c>" * 20_000 + "</row>"))
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    start = time.monotonic()
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2 and "past column XFD" in done.stderr
    assert time.monotonic() - start < 20


def test_rows_past_excels_grid_are_refused(seatwise, tmp_path):
    path = tmp_path / "tall.xlsx"
    workbook(path, plain_sheet(HEADER_ROW + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'))
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2 and "outside Excel's rows" in done.stderr


def test_cell_references_stand_and_repeats_are_named(seatwise, tmp_path):
    """Rows out of order keep their own numbers; a cell given twice is a damaged workbook, at its cell."""
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    rows = HEADER_ROW + person(5, "P5", "Government") + person(2, "P2", "Nowhere") + person(3, "P3", "Government")
    path = tmp_path / "order.xlsx"
    workbook(path, plain_sheet(rows))
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2 and f"{path}:Sheet1!C2: group: 'Nowhere'" in done.stderr
    twice = HEADER_ROW + person(2, "P2", "Government") + person(2, "P9", "Government")
    path = tmp_path / "twice.xlsx"
    workbook(path, plain_sheet(twice))
    done = seatwise("select", path, "--policy", policy)
    assert done.returncode == 2 and "Sheet1!A2: is given twice in the sheet" in done.stderr


def test_an_empty_first_sheet_is_passed_over_and_sheet_on_a_csv_is_refused(seatwise, tmp_path):
    xml, shared = quirky_sheet()
    path = tmp_path / "cover.xlsx"
    # The first sheet (Sheet1) is empty; the data is on the second.
    workbook(path, plain_sheet(""), shared=shared, styles=STYLES, extra_sheets=[("Data", xml, False)])
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    rows, stderr = everyone(seatwise, path, policy)
    assert len(rows) == 5 and "'Data' was read" in stderr and "'Sheet1' is empty" in stderr
    csv_file = ROOT / "examples" / "mag" / "nominations.csv"
    done = seatwise("check", csv_file, "--policy", ROOT / "examples" / "mag" / "policy.yaml", "--sheet", "Foo")
    assert done.returncode == 2 and "--sheet 'Foo' names a worksheet, but this is a CSV file" in done.stderr


def test_a_merge_into_empty_space_makes_no_data(seatwise, tmp_path):
    rows = HEADER_ROW + person(2, "P2", "Government") + person(3, "P3", "Government") + person(4, "P4", "Government") \
        + person(5, "P5", "Civil Society") + person(6, "P6", "Civil Society")
    path = tmp_path / "merge.xlsx"
    workbook(path, plain_sheet(rows) + '<mergeCells count="1"><mergeCell ref="E6:XFD104"/></mergeCells>')
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_ALL)
    rows, _ = everyone(seatwise, path, policy)
    assert sorted(rows) == ["P2", "P3", "P4", "P5", "P6"]


def test_audit_reads_roster_and_pool_from_two_sheets_of_one_workbook(seatwise, tmp_path):
    icg = ROOT / "examples" / "icg"
    wb = openpyxl.Workbook()
    for title, source in [("Roster", icg / "roster.csv"), ("Nominations", icg / "nominations.csv")]:
        ws = wb.create_sheet(title)
        for row in csv.reader(open(source, encoding="utf-8")):
            ws.append(row)
    del wb["Sheet"]
    wb.save(tmp_path / "both.xlsx")
    a = report(seatwise("audit", tmp_path / "both.xlsx", "--sheet", "Roster", "--pool", tmp_path / "both.xlsx", "--pool-sheet", "Nominations",
                        "--policy", icg / "policy.yaml", "--format", "json", expect=0))
    b = report(seatwise("audit", icg / "roster.csv", "--pool", icg / "nominations.csv", "--policy", icg / "policy.yaml", "--format", "json", expect=0))
    assert a["shares"] == b["shares"] and a["size"] == b["size"] == 30
