"""Hostile workbooks for `make bench` (issue 25, item 7): each read by `select` under a 1 GB address-space
limit, with its exit code and peak memory. Small files, unbounded inside: 100 million empty shared strings,
20 million merged ranges, 20 million hidden column records, a sheet whose headers understate it (600 MB of
white space said to be 4 KB), and parts that each declare 700 MB. Every one must be refused (exit 2) within
the limit, never abort. Alone: python3 bench/hostile_workbooks.py [path/to/seatwise]."""

import csv
import io
import resource
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAG = ROOT / "examples/mag"
SHEET = "xl/worksheets/sheet1.xml"


def plain_parts(folder):
    """The MAG nominations as an .xlsx workbook, as its parts."""
    import openpyxl
    book = openpyxl.Workbook()
    for row in csv.reader(io.StringIO((MAG / "nominations.csv").read_text())):
        book.active.append(row)
    book.save(folder / "plain.xlsx")
    with zipfile.ZipFile(folder / "plain.xlsx") as z:
        return {name: z.read(name) for name in z.namelist()}


def write(path, parts, streamed):
    """A workbook of `parts`, and `streamed` parts written piece by piece: (name, head, piece, count, tail)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name not in {s[0] for s in streamed}:
                z.writestr(name, data)
        for name, head, piece, count, tail in streamed:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=False) as w:
                w.write(head)
                block = piece * max(1, (1 << 20) // len(piece))
                per = (1 << 20) // len(piece)
                for _ in range(count // per):
                    w.write(block)
                w.write(piece * (count % per))
                w.write(tail)


def declare(path, size, only=None):
    """Sets the uncompressed size every header (or only `only`'s) declares."""
    data = bytearray(path.read_bytes())
    for signature, offset, name_at in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)]:
        at = data.find(signature)
        while at >= 0:
            if only is None or data[at + name_at:at + name_at + len(only)] == only.encode():
                struct.pack_into("<I", data, at + offset, size)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def workbooks(folder):
    parts = plain_parts(folder)
    sheet = parts[SHEET]
    head, _, tail = sheet.partition(b"</sheetData>")
    namespace = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    out = []
    path = folder / "strings.xlsx"
    write(path, parts, [("xl/sharedStrings.xml", namespace, b"<si/>", 100_000_000, b"</sst>")])
    out.append(("100 million empty shared strings", path))
    path = folder / "merges.xlsx"
    write(path, parts, [(SHEET, head + b"</sheetData><mergeCells>", b'<mergeCell ref="J1:K1"/>', 20_000_000, b"</mergeCells>" + tail)])
    out.append(("20 million merged ranges", path))
    before, _, after = sheet.partition(b"<sheetData>")
    path = folder / "columns.xlsx"
    write(path, parts, [(SHEET, before + b"<cols>", b'<col min="1" max="1" hidden="1"/>', 20_000_000, b"</cols><sheetData>" + after)])
    out.append(("20 million hidden column records", path))
    path = folder / "understated.xlsx"
    write(path, parts, [(SHEET, head, b" ", 600 << 20, b"</sheetData>" + tail)])
    declare(path, 4096, only=SHEET)
    out.append(("a sheet of 600 MB whose headers say 4 KB", path))
    path = folder / "declared.xlsx"
    write(path, parts, [])
    declare(path, 700 << 20)
    out.append(("every part declaring 700 MB (each holds a few KB)", path))
    return out


def measure(binary, path):
    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run(["/usr/bin/time", "-f", "%M", str(binary), "select", str(path), "--policy", str(MAG / "policy.yaml"),
                           "--format", "json", "--output", str(path.with_suffix(".json"))],
                          capture_output=True, text=True, preexec_fn=limited)
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024 if done.stderr.strip().splitlines()[-1].isdigit() else float("nan")
    return done.returncode, peak, path.stat().st_size


def rows(binary, tmp):
    folder = Path(tmp) / "hostile-workbooks"
    folder.mkdir(exist_ok=True)
    out = []
    for label, path in workbooks(folder):
        code, peak, size = measure(binary, path)
        out.append(("hostile .xlsx", f"{label} ({size / 1024:,.0f} KB file), `select` under a 1 GB address-space limit",
                    f"exit {code}, peak {peak:,.0f} MB"))
    return out


if __name__ == "__main__":
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build/release/seatwise"
    with tempfile.TemporaryDirectory() as tmp:
        for kind, label, figure in rows(binary, tmp):
            print(f"| {kind} | {label} | {figure} |")
