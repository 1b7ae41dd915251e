"""The terms of the reports as the sources write them: every string given to `term(…)` or `phrase(…)`,
and the fixed words drawn through them indirectly (table headers, section titles, header keys, sheet
names, card labels). Run as a script, it prints them as JSON, one per line, for a translator."""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "Sources"

# A Swift string literal without interpolation: "…" with escapes, no \( .
LITERAL = r'"((?:[^"\\\n]|\\[^(\n])*)"'
DIRECT = re.compile(r'\b(?:term|phrase)\(\s*' + LITERAL)
INDIRECT = [
    re.compile(r'(?:ReportTable|TextTable)\(\[([^\]]*)\]'),
    re.compile(r'HTML\.table\(\[([^\]]*)\]'),
    re.compile(r'headers:\s*\[([^\]]*)\]'),
    re.compile(r'HTML\.section\(\s*(' + LITERAL + ')'),
    re.compile(r'Sheet\(\s*(' + LITERAL + ')'),
    re.compile(r'\.init\(\s*(' + LITERAL + r')\s*,'),
    re.compile(r'\(\s*(' + LITERAL + r')\s*,\s*(?:[a-zA-Z_.]+|"[^"]*")[^()]*\)\s*[,\]]'),
    re.compile(r'kind:\s*(' + LITERAL + ')'),
    re.compile(r'subtitle:\s*(' + LITERAL + ')'),
    re.compile(r'static let \w+Title = (' + LITERAL + ')'),
    re.compile(r'static let (?:groupHeader|quotaHeader|probabilities)\s*=\s*\[([^\]]*)\]'),
    re.compile(r'let probabilities = \[([^\]]*)\]'),
]
FILES = ["Seatwise/Reports", "Seatwise/Words/Words.swift", "Seatwise/Selection", "Seatwise/Turnover", "Seatwise/Round/WhatIf.swift", "Seatwise/Round/WhatIfQuestions.swift", "Seatwise/Round/Adjustment.swift",
         "Seatwise/Compare", "Seatwise/Domain/Policy.swift", "Seatwise/Model/QuotaRow.swift", "SeatwiseServer",
         "SeatwiseCLI/CheckCommand.swift"]


def swift_files():
    for entry in FILES:
        path = SOURCES / entry
        yield from ([path] if path.is_file() else sorted(path.rglob("*.swift")))


def unescape(text):
    return text.replace('\\"', '"').replace("\\\\", "\\")


def wordy(text):
    return re.search(r"[A-Za-z]{2,}", text) and not re.fullmatch(r"[a-z0-9_.\-]+", text) and "<" not in text and "%" not in text


def first_argument(text, start):
    """The first argument of the call whose "(" is at `start`: up to a comma or ")" at its own depth."""
    depth, k, quote = 0, start + 1, False
    while k < len(text):
        c = text[k]
        if quote:
            if c == "\\":
                k += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote = True
        elif c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            break
        k += 1
    return text[start + 1:k]


def direct_terms():
    """Strings given to term(…) or phrase(…) as literals (ternaries included): each must be in every catalogue."""
    out = set()
    for path in swift_files():
        text = path.read_text()
        for call in re.finditer(r"\b(?:term|phrase|t)\(", text):
            argument = first_argument(text, call.end() - 1)
            # A literal with an interpolation is not a key; nested calls' literals are found on their own.
            argument = re.sub(r"\b(?:term|phrase)\(.*", "", argument, flags=re.S)
            for literal in re.findall(LITERAL, argument):
                if literal and "\\(" not in literal:
                    out.add(unescape(literal))
    return out


def indirect_terms():
    """Fixed words drawn through term() by the renderers (headers, titles, keys, sheet names)."""
    out = set()
    for path in swift_files():
        text = path.read_text()
        for pattern in INDIRECT:
            for match in pattern.finditer(text):
                for literal in re.findall(LITERAL, match.group(1)):
                    if wordy(literal) and "\\(" not in literal:
                        out.add(unescape(literal))
    return out


# Words the renderers translate from values: attributes, UN regional groups, development, genders, statuses.
VALUES = {"gender", "region", "development", "organization", "country", "group", "status", "terms", "id", "name", "rank", "bodies",
          "African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG", "developed", "developing", "economy in transition",
          "female", "male", "other", "non-binary", "Gender", "Region", "Development", "optimal", "infeasible", "time limit",
          "coordinated", "independent", "continuing", "required", "withdrawn", "decision", "vacated", "appointed", "ex officio",
          "term limited", "in", "out", "seat", "seats", "member", "members", "rule", "rules", "nominee", "nominees", "place", "places",
          "person", "people", "value", "values", "group", "groups", "quota", "quotas", "quota row", "quota rows", "panel", "panels",
          "class", "classes", "stage", "stages", "seat-count pattern", "seat-count patterns", "composition", "compositions",
          "term", "terms", "consecutive term", "consecutive terms", "year", "years", "staying member", "staying members",
          "open seat", "open seats", "capped value", "capped values", "test", "tests", "comment", "comments", "line", "lines",
          "sheet", "sheets", "column", "columns", "row", "rows", "body-wide quota row", "body-wide quota rows", "Language",
          # Header keys of the reports (drawn through term() by every renderer).
          "Body", "Mode", "Status", "Objective", "Held seats", "Seed", "Nominations", "Policy", "Tool", "Made", "In short", "Sheet",
          "Roster", "Composition", "Pool", "Method", "Renewals", "Term limit", "Nominations SHA-256", "Policy SHA-256",
          "No comparison: neither the independent nor the coordinated selection has a panel that meets the rules.",
          "No comparison: the independent selection has no panel that meets the rules.",
          "No comparison: the coordinated selection has no panel that meets the rules.",
          # Card labels, chart series and scope words drawn through term() from tuples and constants.
          "the body", "members seated", "the rules cannot all be met", "status", "UN regional groups represented", "quota rows not met",
          "quota rows", "members on the roster", "rules not met (seats and quota rows)", "quotas not verified", "seated from the group's top choices",
          "panel", "roster", "independent (IGC-style)", "coordinated (MAG-style)", "quota rows the independent panel breaks",
          "quota rows the coordinated panel breaks", "members who change", "time limit", "term limited",
          "Selection rounds kept on this machine", "Its files or kept adjustments have these problems",
          "Nothing was stored: correct the files and upload them again", "Edit the rules; each save is checked against the nominations and kept as a new version",
          "Check a roster against its policy, and how unlikely its shares are", "Audit of a published roster",
          "Independent (IGC-style) and coordinated (MAG-style) selection on the same nominations",
          "A what-if on the round; nothing is changed until it is kept",
          # The kinds of a round's files, as the workbench lists them.
          "nominations", "policy", "history", "history-replaced",
          # The renewal calendar's columns after the groups' names.
          "Total", "Members leaving", "Newcomers leaving"}


def all_terms():
    return sorted(direct_terms() | indirect_terms() | VALUES)


if __name__ == "__main__":
    for t in all_terms():
        print(json.dumps(t, ensure_ascii=False))
