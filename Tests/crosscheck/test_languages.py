"""Reports in French and Spanish (`--language fr|es`): select in every format, audit, explain, vacancies
and lottery on the shipped examples hold no English sentence (the file's own values, the policy's keys
and the tool's names aside), and each says its language in its provenance; a French report verifies
against its inputs, and its facts are the English report's; an unknown language is exit 2 naming those
there are. Every catalogue's templates and terms are checked for English words too."""

import csv
import io
import json
import re
import zipfile

import pytest
import yaml

import catalogue_terms
from conftest import ROOT

MAG = ROOT / "examples/mag"
LANGUAGES = ["fr", "es"]
# English words that no French or Spanish sentence of ours contains (articles, verbs, the reports' nouns).
ENGLISH = {"the", "and", "of", "with", "which", "would", "is", "are", "not", "from", "to", "for", "at", "least", "most", "seat", "seats",
           "seated", "member", "members", "nominee", "nominees", "rules", "panel", "panels", "chosen", "every", "none", "only", "than",
           "this", "that", "their", "them", "they", "has", "have", "been", "by", "its", "be", "no", "one", "each", "group", "groups",
           "ranked", "chance", "lottery", "draw", "drawn", "held", "leaves", "leave", "open", "quotas", "verdict", "count", "bound",
           "why", "who", "what", "when", "where", "met", "violated", "limit", "share", "shares", "expected", "roster", "pool", "body",
           "provenance", "notes", "explanation", "explanations", "reason", "decision", "policy", "tool", "mode", "status", "objective",
           "seed", "nominations", "language", "order", "higher", "lower", "above", "below", "ahead", "behind", "first", "choices"}
# Words French or Spanish share with English ("mode", "notes", "quotas", "no") are not evidence of English.
ENGLISH -= {"mode", "notes", "quotas", "verdict", "no", "provenance", "chance", "met"}
# What a report may carry in English: the tool's names, the policy's own keys and values (as a user types
# them), options, and formats.
VERBATIM = re.compile(r"`[^`]*`|--[a-z-]+|\b[a-z_]+\.[a-z_]+(?::\s*[a-z_]+)?|\b\w+_\w+\b|\b(?:mode|counts|each|objective|continuing|prefer|status):\s*[a-z_]+"
                      r"|\bseatwise\b|\bGLPK\b|sha256\s+[0-9a-f]{64}|SHA-256|https?://\S+|\bRFC 3797\b|\bLEXIMIN\b|\bleximin\b|\bmaximin\b"
                      r"|\brank-sum\b|\blexicographic\b|\bmax_terms\b|\bMAG-style\b|\bIGC-style\b|\bex officio\b")


def data_strings(folder):
    """The values of the input files: names, groups, organisations, the body's name, file names."""
    rows = [r for name in ["nominations.csv", "roster.csv"] if (folder / name).exists()
            for r in csv.DictReader(open(folder / name, encoding="utf-8"))]
    policy = yaml.safe_load(open(folder / "policy.yaml"))
    values = {policy["body"], *policy["seats"].keys()}
    for r in rows:
        values |= {v for v in r.values() if v}
    values |= {str(folder / name) for name in ["nominations.csv", "policy.yaml", "roster.csv"]}
    values |= {f"examples/{folder.name}/{name}" for name in ["nominations.csv", "policy.yaml", "roster.csv"]}
    return sorted(values, key=len, reverse=True)


def english_words(text, data):
    text = VERBATIM.sub(" ", text)
    for value in data:
        text = text.replace(value, " ")
    words = re.findall(r"[A-Za-z]+", text)
    return sorted({w for w in words if w.lower() in ENGLISH and not (w.isupper() and len(w) > 1)})


def visible(text, fmt):
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>|<title>.*?</title>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        return text.replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    if fmt == "json":
        # The words in a JSON report are its values (its keys are the format's, in English by design).
        doc = json.loads(text)
        out = []
        def walk(v, key=""):
            if isinstance(v, dict):
                for k, x in v.items():
                    walk(x, k)
            elif isinstance(v, list):
                for x in v:
                    walk(x, key)
            elif isinstance(v, str) and key not in {"mode", "status", "objective", "decision", "reason", "seed_source", "kind", "method",
                                                       "attribute", "scope", "side", "verdict", "standing", "development", "region", "gender",
                                                       "name", "version", "glpk", "language", "body", "group", "id", "country", "organization"}:
                out.append(v)
        walk(doc)
        return "\n".join(out)
    if fmt == "csv":
        # A CSV is data as JSON is: its header and coded columns are the format's; its messages are words.
        rows = list(csv.reader(io.StringIO(text)))
        worded = [k for k, h in enumerate(rows[0]) if h in ("message", "why", "standing", "note")]
        return "\n".join(" ".join(r[k] for k in worded if k < len(r)) for r in rows[1:])
    return text


def run(seatwise, *args, expect=0):
    done = seatwise(*args, expect=expect)
    return done.stdout


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "csv"])
def test_select_in_every_format_has_no_english_sentence(seatwise, language, fmt):
    data = data_strings(MAG)
    out = run(seatwise, "select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--explain", "--alternates", "2",
              "--language", language, "--format", fmt)
    assert english_words(visible(out, fmt), data) == []
    if fmt == "json":
        assert json.loads(out)["tool"]["language"] == language
    elif fmt != "csv":
        assert language in out


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workbook_has_no_english_sentence(seatwise, tmp_path, language):
    out = tmp_path / "report.xlsx"
    seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--explain", "--language", language, "--output", out, expect=0)
    with zipfile.ZipFile(out) as z:
        strings = " ".join(re.sub(r"<[^>]+>", " ", z.read(n).decode()) for n in z.namelist() if n.startswith("xl/") and n.endswith(".xml"))
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
    assert "Panel" not in names and "Groups" not in names and "Not seated" not in names, names
    assert english_words(strings, data_strings(MAG)) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", ["audit", "explain", "vacancies", "lottery", "public", "compare", "plan", "sweep"])
def test_other_reports_have_no_english_sentence(seatwise, language, command):
    args = {"audit": ["audit", MAG / "roster.csv", "--policy", MAG / "policy.yaml", "--pool", MAG / "nominations.csv"],
            "explain": ["explain", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--nominee", "MAG-016"],
            "vacancies": ["vacancies", MAG / "roster.csv", "--policy", MAG / "policy.yaml"],
            "lottery": ["lottery", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--draw", "4 8 15 / 16 23 42"],
            "public": ["select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--public", "--explain"],
            "compare": ["compare", MAG / "nominations.csv", "--policy", MAG / "policy.yaml"],
            "plan": ["plan", MAG / "roster.csv", "--policy", MAG / "policy.yaml", "--years", "4", "--even"],
            "sweep": ["what-if", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--sweep", "1:min=18..26"]}[command]
    for fmt in ["text"] if command == "sweep" else ["text", "html"]:
        out = run(seatwise, *args, "--language", language, "--format", fmt)
        assert english_words(visible(out, fmt), data_strings(MAG)) == [], (command, fmt)


def test_an_infeasible_round_is_explained_in_french(seatwise):
    folder = ROOT / "examples/infeasible"
    out = run(seatwise, "select", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--language", "fr", expect=1)
    assert english_words(out, data_strings(folder)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_in_another_language_states_the_same_facts_and_verifies(seatwise, tmp_path, language):
    args = ["select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--explain", "--format", "json"]
    english = json.loads(run(seatwise, *args))
    other = json.loads(run(seatwise, *args, "--language", language))
    for key in ["selected", "quotas", "explanations"]:
        assert [m.get("id") or m.get("count") for m in other[key]] == [m.get("id") or m.get("count") for m in english[key]]
    assert [e["reason"] for e in other["explanations"]] == [e["reason"] for e in english["explanations"]]
    assert other["objective"] == english["objective"] and other["seed"] == english["seed"]
    assert other["explanations"][0]["message"] != english["explanations"][0]["message"]
    report = tmp_path / "report.json"
    report.write_text(json.dumps(other))
    done = seatwise("verify", report, MAG / "nominations.csv", "--policy", MAG / "policy.yaml", expect=0)
    assert "differ" not in done.stdout.lower() or "0 differences" in done.stdout.lower()
    # A sentence changed after the report was made is found.
    other["explanations"][0]["message"] = "Retenu par erreur."
    report.write_text(json.dumps(other))
    seatwise("verify", report, MAG / "nominations.csv", "--policy", MAG / "policy.yaml", expect=1)


def test_an_unknown_language_is_refused_naming_those_there_are(seatwise):
    done = seatwise("select", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--language", "de", expect=2)
    assert all(f"'{code}'" in done.stderr for code in ["en", "fr", "es"]) and done.stdout == ""


def catalogue_entries(path, name):
    text = (ROOT / "Sources/Seatwise/Words/Languages" / path).read_text()
    return re.findall(r'^\s*(?:\.\w+|"(?:[^"\\]|\\.)*"):\s*"((?:[^"\\]|\\.)*)",?\s*$', text, flags=re.M)


@pytest.mark.parametrize("language", ["French", "Spanish"])
def test_every_catalogue_entry_is_in_its_language(language):
    entries = catalogue_entries(f"{language}Messages.swift", language) + catalogue_entries(f"{language}Terms.swift", language)
    assert len(entries) > 600
    found = {}
    for words in entries:
        # Placeholders are parameters, not words.
        english = english_words(re.sub(r"\{[^}]*\}", " ", words), [])
        if english:
            found[words] = english
    assert found == {}


@pytest.mark.parametrize("language", ["French", "Spanish"])
def test_every_term_the_sources_use_is_translated(language):
    text = (ROOT / f"Sources/Seatwise/Words/Languages/{language}Terms.swift").read_text()
    keys = {json.loads('"' + k + '"') for k in re.findall(r'^\s*"((?:[^"\\]|\\.)*)":\s*"', text, flags=re.M)}
    missing = sorted(catalogue_terms.direct_terms() - keys)
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_check_speaks_the_language(seatwise, tmp_path, language):
    ok = run(seatwise, "check", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--language", language)
    # A minimum above the body's seats: a counting check rules every panel out.
    policy = yaml.safe_load(open(MAG / "policy.yaml"))
    policy["quotas"].append({"attribute": "gender", "value": "female", "min": 60})
    (tmp_path / "policy.yaml").write_text(yaml.safe_dump(policy))
    bad = run(seatwise, "check", MAG / "nominations.csv", "--policy", tmp_path / "policy.yaml", "--language", language, expect=1)
    # File paths are the user's (a temporary folder's name holds English words).
    bad = re.sub(r"\S*/\S+", " ", bad)
    assert english_words(ok, data_strings(MAG)) == [] and english_words(bad, data_strings(MAG)) == []
    assert {"fr": "impossible :", "es": "inviable:"}[language] in bad


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_if_questions_speak_the_language(seatwise, tmp_path, language):
    (tmp_path / "q.yaml").write_text(yaml.safe_dump([{"seat": ["MAG-010"]}, {"exclude": ["MAG-013"]}]))
    out = run(seatwise, "what-if", MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--questions", tmp_path / "q.yaml", "--language", language)
    assert english_words(re.sub(r"\S*/\S+", " ", out), data_strings(MAG)) == []
