"""Issue 25, the third hardening pass, through the executable: alias bombs, files `generate` would replace,
a roster larger than its body, the mode of written reports, cells outside Excel's grid, `verify` on a
replace report, Ctrl-C while the report is written, workbooks unbounded inside, encrypted workbooks."""

import csv
import io
import os
import signal
import stat
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT

MAG = ROOT / "examples/mag"
BINARY = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))


def bomb(depth=9):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for k in range(1, depth):
        lines.append(f"{names[k]}: &{names[k]} [" + ",".join([f"*{names[k - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_item6_a_yaml_alias_bomb_is_refused_at_once(seatwise, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("body: B\nseats: {Government: 20, Civil Society: 10, Private Sector: 10, Technical Community: 10}\n" + bomb())
    done = seatwise("select", MAG / "nominations.csv", "--policy", policy, expect=2)
    assert f"{policy}:3:4:" in done.stderr and "anchors and aliases" in done.stderr and "&a" in done.stderr
    # A merge key is an alias too; so is one in a what-if file.
    policy.write_text("body: B\nseats: {Government: 20}\nrules: &r {max_terms: 3}\nother: *r\n")
    assert "anchors and aliases" in seatwise("select", MAG / "nominations.csv", "--policy", policy, expect=2).stderr
    questions = tmp_path / "questions.yaml"
    questions.write_text("- &q {name: one, seat: [MAG-001]}\n- *q\n" + "\n".join(f"- [{', '.join(['*q'] * 9)}]" for _ in range(3)) + "\n")
    done = seatwise("what-if", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--questions", questions, expect=2)
    assert f"{questions}:1:3:" in done.stderr and "anchors and aliases" in done.stderr


def test_item12_generate_refuses_to_replace_files_without_force(seatwise, tmp_path):
    (tmp_path / "nominations.csv").write_text("a real round's nominations\n")
    done = seatwise("generate", "--nominees", 60, "--seats", 10, "--output", tmp_path, expect=2)
    assert "already exist" in done.stderr and "--force" in done.stderr
    assert (tmp_path / "nominations.csv").read_text() == "a real round's nominations\n" and not (tmp_path / "policy.yaml").exists()
    seatwise("generate", "--nominees", 60, "--seats", 10, "--output", tmp_path, "--force", expect=0)
    assert (tmp_path / "nominations.csv").read_text().startswith("id,")


def test_item13_plan_refuses_a_roster_larger_than_the_body(seatwise, tmp_path):
    rows = list(csv.DictReader(io.StringIO((MAG / "nominations.csv").read_text())))
    government = [dict(r, status="continuing", terms="1") for r in rows if r["group"] == "Government"][:50]
    roster = tmp_path / "roster.csv"
    with roster.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(government)
    done = seatwise("plan", roster, "--policy", MAG / "policy.yaml", "--years", 2, expect=1)
    assert "Government keeps 50 members for 20 seats: 30 more must leave" in done.stderr and done.stdout == ""
    vacancies = seatwise("vacancies", roster, "--policy", MAG / "policy.yaml", expect=1)
    assert "30 more must leave" in vacancies.stdout


def test_item14_output_keeps_the_mode_and_new_reports_are_private(seatwise, tmp_path):
    args = ("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "json", "--output")
    fresh = tmp_path / "fresh.json"
    seatwise(*args, fresh, expect=0)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    for mode in (0o600, 0o640, 0o644):
        kept = tmp_path / f"kept-{mode:o}.json"
        kept.write_text("old")
        kept.chmod(mode)
        seatwise(*args, kept, expect=0)
        assert stat.S_IMODE(kept.stat().st_mode) == mode and kept.read_text().startswith("{")


def workbook(path):
    """The MAG nominations as an .xlsx workbook (openpyxl), returned as its parts."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO((MAG / "nominations.csv").read_text())):
        sheet.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def rewrite(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_item15_cells_outside_excels_grid_are_refused(seatwise, tmp_path):
    path = tmp_path / "nominations.xlsx"
    parts = workbook(path)
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for bad, shown in [('r="XFE3"', "XFE3"), ('r="A99999999999999999999999"', "A99999999999999999999999"), ('r="A1048577"', "A1048577")]:
        rewrite(path, {**parts, "xl/worksheets/sheet1.xml": sheet.replace('r="A3"', bad, 1).encode()})
        done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=2)
        assert shown in done.stderr and "outside Excel's grid" in done.stderr, done.stderr
    rewrite(path, {**parts, "xl/worksheets/sheet1.xml": sheet.replace('<row r="3"', '<row r="99999999999999999999999"', 1).encode()})
    done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=2)
    assert "99999999999999999999999" in done.stderr and "outside Excel's rows" in done.stderr


def test_item16_verify_says_a_replace_report_needs_its_roster_and_pool(seatwise, tmp_path):
    panel = seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--format", "json", expect=0)
    import json
    ids = {m["id"] for m in json.loads(panel.stdout)["selected"]}
    rows = list(csv.DictReader(io.StringIO((MAG / "nominations.csv").read_text())))
    roster = tmp_path / "roster.csv"
    with roster.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(dict(r, status="continuing", terms="1") for r in rows if r["id"] in ids)
    vacate = sorted(ids)[0]
    report = tmp_path / "replace.json"
    seatwise("replace", roster, "--policy", MAG / "policy.yaml", "--pool", MAG / "nominations.csv", "--vacate", vacate,
             "--format", "json", "--output", report, expect=0)
    done = seatwise("verify", report, MAG / "nominations.csv", "--policy", MAG / "policy.yaml", expect=2)
    assert "replace report" in done.stderr and "roster" in done.stderr and "NOT VERIFIED" not in done.stdout


def blocked_opening(pid):
    """Whether the process waits in open(2) on a FIFO with no reader yet."""
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        syscall = Path(f"/proc/{pid}/syscall").read_text().split()[0]
    except (OSError, IndexError):
        return False
    return "fifo" in wchan or "wait_for_partner" in wchan or syscall in ("2", "257")


def test_item11_ctrl_c_while_the_report_is_written_exits_3_and_writes_nothing(tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    process = subprocess.Popen([str(BINARY), "select", str(MAG / "nominations.csv"), "--policy", str(MAG / "policy.yaml"), "--format", "json",
                                "--output", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # The solve is done and the report waits for its reader: Ctrl-C now.
        for _ in range(6000):
            if blocked_opening(process.pid) or process.poll() is not None:
                break
            time.sleep(0.01)
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        # The signal is handled on a queue of its own: its message says the stop flag is raised.
        said = b""
        while b"interrupted" not in said:
            line = process.stderr.readline()
            assert line, "no word of the interruption"
            said += line
        with open(fifo, "rb") as reader:
            received = reader.read()
        _, stderr = process.communicate(timeout=60)
        stderr = said + stderr
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 3, stderr
    assert received == b""


def test_item7_workbooks_unbounded_inside_are_refused(seatwise, tmp_path):
    path = tmp_path / "nominations.xlsx"
    parts = workbook(path)
    # 5,000,001 empty shared strings: 25 MB of XML, a few hundred KB zipped.
    strings = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si/>" * 5_000_001 + b"</sst>"
    rewrite(path, {**parts, "xl/sharedStrings.xml": strings})
    done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=2)
    assert "shared strings" in done.stderr
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    merges = "<mergeCells>" + '<mergeCell ref="J1:K1"/>' * 100_001 + "</mergeCells>"
    rewrite(path, {**parts, "xl/worksheets/sheet1.xml": sheet.replace("</sheetData>", "</sheetData>" + merges).encode()})
    done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=2)
    assert "merged ranges" in done.stderr
    columns = "<cols>" + '<col min="1" max="1" hidden="1"/>' * 16_385 + "</cols>"
    rewrite(path, {**parts, "xl/worksheets/sheet1.xml": sheet.replace("<sheetData>", columns + "<sheetData>").encode()})
    done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=2)
    assert "column records" in done.stderr
    # 100 records hiding one column: one note, naming it once.
    columns = "<cols>" + '<col min="1" max="1" hidden="1"/>' * 100 + "</cols>"
    rewrite(path, {**parts, "xl/worksheets/sheet1.xml": sheet.replace("<sheetData>", columns + "<sheetData>").encode()})
    done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=0)
    notes = [line for line in done.stderr.splitlines() if "hidden column" in line]
    assert len(notes) == 1 and "hidden column A was read" in notes[0]


def test_item17_an_encrypted_workbook_says_so(seatwise, tmp_path):
    out = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    for name in ["Root Entry", "EncryptionInfo", "EncryptedPackage"]:
        out += name.encode("utf-16-le").ljust(128, b"\0")
    path = tmp_path / "nominations.xlsx"
    path.write_bytes(bytes(out))
    done = seatwise("select", path, "--policy", MAG / "policy.yaml", expect=2)
    assert "password-protected" in done.stderr and "ZIP" not in done.stderr
    plain = tmp_path / "nominations.csv"
    plain.write_bytes(bytes(out))
    assert "password-protected" in seatwise("select", plain, "--policy", MAG / "policy.yaml", expect=2).stderr


def test_item4_the_same_files_give_the_same_lottery(seatwise, tmp_path):
    """The publish-then-draw workflow (docs/guide/lotteries.md, "The draw"): a mid-sized pool, drawn three times, gives the same table
    of tickets and the same panel (only the timings differ), and `verify` accepts the genuine report."""
    import json
    seatwise("generate", "--nominees", 400, "--seats", 30, "--seed", 3, "--output", tmp_path, expect=0)
    runs = []
    for k in range(3):
        report = tmp_path / f"lottery{k}.json"
        seatwise("lottery", tmp_path / "nominations.csv", "--policy", tmp_path / "policy.yaml", "--draw", "4 8 15 / 16 23 42",
                 "--format", "json", "--output", report, expect=0)
        document = json.loads(report.read_text())
        document.pop("timings")
        runs.append(document)
    assert runs[0] == runs[1] == runs[2]
    seatwise("verify", tmp_path / "lottery0.json", tmp_path / "nominations.csv", "--policy", tmp_path / "policy.yaml", expect=0)


def test_item5_verify_catches_an_edit_anywhere_in_a_lottery_report(seatwise, tmp_path):
    import json
    seatwise("generate", "--nominees", 120, "--seats", 15, "--seed", 2, "--output", tmp_path, expect=0)
    nominations, policy, genuine = tmp_path / "nominations.csv", tmp_path / "policy.yaml", tmp_path / "lottery.json"
    seatwise("lottery", nominations, "--policy", policy, "--draw", "1 2 3", "--format", "json", "--output", genuine, expect=0)
    seatwise("verify", genuine, nominations, "--policy", policy, expect=0)
    original = json.loads(genuine.read_text())

    def edited(change):
        document = json.loads(json.dumps(original))
        change(document)
        return document

    edits = {
        "a name": lambda d: d["probabilities"][0].update(name="Someone Else"),
        "a standing": lambda d: d["probabilities"][0].update(standing="free"),
        "a per-group chance": lambda d: d["probabilities"][1].update(per_group_lottery=0.5),
        "the certificate": lambda d: d["certificate"]["weights"][0].update(weight=0.25),
        "the Gini": lambda d: d.update(gini=0.1),
        "the gap": lambda d: d.update(gap=0.0),
        "a note": lambda d: d["notes"].append("all is well"),
        "the body": lambda d: d.update(body="Another body"),
        "a quota": lambda d: d["quotas"][0].update(min=1),
        "unseatable": lambda d: d.update(unseatable=["N2"]),
        "fixed_in": lambda d: d.update(fixed_in=[]),
        "the drawn ticket": lambda d: d["draw"].update(ticket=d["draw"]["ticket"] % 1000 + 1),
        "an unknown key": lambda d: d.update(approved_by="the board"),
    }
    for what, change in edits.items():
        path = tmp_path / "edited.json"
        path.write_text(json.dumps(edited(change)))
        done = seatwise("verify", path, nominations, "--policy", policy)
        assert done.returncode == 1, (what, done.stdout[-500:], done.stderr[-500:])
    # A draw removed (draw: null) reads as a lottery never drawn, unless the policy holds the values.
    drawn = tmp_path / "drawn.yaml"
    drawn.write_text(policy.read_text().replace("objective: rank-sum", 'objective: lottery\nlottery: { draw: "1 2 3" }'))
    seatwise("lottery", nominations, "--policy", drawn, "--format", "json", "--output", genuine, expect=0)
    seatwise("verify", genuine, nominations, "--policy", drawn, expect=0)
    document = json.loads(genuine.read_text())
    assert document["draw"]["ticket"] == original["draw"]["ticket"]
    document["draw"] = None
    genuine.write_text(json.dumps(document))
    assert "draw" in seatwise("verify", genuine, nominations, "--policy", drawn, expect=1).stdout


def test_item7_no_memory_is_reserved_from_a_declared_size(tmp_path):
    """Every part of the archive declares 700 MB in its headers (it holds a few KB): read under a 1 GB
    address-space limit, as the parts are, not as they claim to be."""
    import resource
    import struct
    path = tmp_path / "nominations.xlsx"
    parts = workbook(path)
    rewrite(path, parts)
    data = bytearray(path.read_bytes())
    for signature, offset in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)]:
        at = data.find(signature)
        while at >= 0:
            struct.pack_into("<I", data, at + offset, 700 * 1024 * 1024)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run([str(BINARY), "select", str(path), "--policy", str(MAG / "policy.yaml"), "--format", "json"],
                          capture_output=True, text=True, preexec_fn=limited, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


def test_item7_a_part_larger_than_its_headers_say(tmp_path):
    """The sheet's headers say 4 KB; it inflates to 600 MB (of white space between two tags). Under a 1 GB
    address-space limit it is measured, read into exactly that much memory, and refused (exit 2)."""
    import resource
    import struct
    source = tmp_path / "plain.xlsx"
    parts = workbook(source)
    path = tmp_path / "nominations.xlsx"
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            if part != name:
                z.writestr(part, data)
        head, _, tail = parts[name].partition(b"</sheetData>")
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=False) as w:
            w.write(head)
            block = b" " * (1 << 20)
            for _ in range(600):
                w.write(block)
            w.write(b"</sheetData>" + tail)
    data = bytearray(path.read_bytes())
    for signature, offset, name_at in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)]:
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at:at + name_at + len(name)] == name.encode():
                struct.pack_into("<I", data, at + offset, 4096)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run([str(BINARY), "select", str(path), "--policy", str(MAG / "policy.yaml")],
                          capture_output=True, text=True, preexec_fn=limited, timeout=600)
    assert done.returncode == 2 and "longer than any cell holds" in done.stderr, done.stderr[-2000:]
