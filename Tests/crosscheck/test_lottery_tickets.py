"""A lottery report lets anyone find the drawn ticket's panel: its table of tickets lists each range of
tickets with the panel it seats (the distribution rounded to tickets), and the drawn ticket falls in the
range of the panel drawn — in the text report and in the workbook. (The table once showed "–" for every
panel: the distribution's panels are not the tickets' panels.)"""

import json
import re

import openpyxl

from conftest import ROOT

MAG = ROOT / "examples/mag"
ARGS = ["lottery", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--draw", "4 8 15 / 16 23 42"]


def test_the_drawn_ticket_is_in_the_range_of_the_panel_drawn(seatwise, tmp_path):
    doc = json.loads(seatwise(*ARGS, "--format", "json", expect=0).stdout)
    ticket, drawn = doc["draw"]["ticket"], doc["draw"]["panel"]
    text = seatwise(*ARGS, expect=0).stdout
    table = text.split("The tickets and the panel each seats", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\s+(\d+)(?:–(\d+))?\s+((?:[A-Z]+-\d+\s?)+)$", table, flags=re.M)
    assert rows and sum(int(b or a) - int(a) + 1 for a, b, _ in rows) == doc["lottery"]["tickets"]
    covering = [members.split() for a, b, members in rows if int(a) <= ticket <= int(b or a)]
    assert covering == [drawn]
    # The same ranges as the JSON's ticket list.
    assert [(int(a), int(b or a) - int(a) + 1) for a, b, _ in rows] == [(e["first"], e["tickets"]) for e in doc["lottery"]["entries"]]
    out = tmp_path / "lottery.xlsx"
    seatwise(*ARGS, "--output", out, expect=0)
    sheet = openpyxl.load_workbook(out)["Tickets"]
    found = [r[2].split() for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] <= ticket < r[0] + r[1]]
    assert found == [drawn]
