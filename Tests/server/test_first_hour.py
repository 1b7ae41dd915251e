"""The workbench after a new user's first hour: a kept adjustment can be undone (the record keeps it,
marked undone, and the round answers as without it); HTML reports open in the browser; the examples are
offered from any folder; how the files were read is shown at the top of the round's page; the policy
editor keeps the file's opening comments and says which others a save drops."""

import json
import re
import subprocess
import urllib.parse

import pytest

from test_api import BINARY, MAG, ROOT, Server, multipart, select, server, upload  # noqa: F401 (server: the fixture)

JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_a_kept_adjustment_is_undone_and_the_record_keeps_it(server):
    rid = upload(server)[1]["id"]
    plain = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml")
    server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"exclude": ["MAG-013"], "keep": True}).encode(), JSON)
    server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"seat": ["MAG-010"], "keep": True}).encode(), JSON)
    summary = server.json("GET", f"/api/rounds/{rid}")[1]
    record = summary["adjustment_record"]
    assert len(record) == 2 and all(a["undone_at"] is None for a in record) and len(summary["adjustments"]) == 2
    # Undo the first: the round answers as `select --seat MAG-010` alone does.
    status, summary = server.json("DELETE", f"/api/rounds/{rid}/adjustments/{record[0]['id']}")
    assert status == 200
    assert [a["undone_at"] is not None for a in summary["adjustment_record"]] == [True, False]
    assert summary["adjustments"] == [record[1]["said"]]
    result = server.json("GET", f"/api/rounds/{rid}/result")[1]
    alone = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--seat", "MAG-010")
    assert [m["id"] for m in result["selected"]] == [m["id"] for m in alone["selected"]]
    # Undone twice, or an adjustment the round never had: 404 with a JSON body.
    status, body = server.json("DELETE", f"/api/rounds/{rid}/adjustments/{record[0]['id']}")
    assert status == 404 and "adjustment" in body["error"]
    assert server.json("DELETE", f"/api/rounds/{rid}/adjustments/999")[0] == 404
    assert server.json("DELETE", f"/api/rounds/{rid}/adjustments/x")[0] == 404
    assert server.json("DELETE", f"/api/rounds/{rid + 50}/adjustments/{record[1]['id']}")[0] == 404
    # The page's Undo (a form post) undoes the other: the round is the plain round again.
    status, _, _ = server.request("POST", f"/rounds/{rid}/adjustments/{record[1]['id']}/undo", b"", {"Origin": server.url})
    assert status == 200  # 303 to the round, followed
    result = server.json("GET", f"/api/rounds/{rid}/result")[1]
    assert [m["id"] for m in result["selected"]] == [m["id"] for m in plain["selected"]] and not result.get("adjustments")
    summary = server.json("GET", f"/api/rounds/{rid}")[1]
    assert summary["adjustments"] == [] and len(summary["adjustment_record"]) == 2


def test_an_undo_survives_a_restart(tmp_path):
    s = Server(tmp_path / "data")
    try:
        rid = upload(s)[1]["id"]
        s.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"exclude": ["MAG-013"], "keep": True}).encode(), JSON)
        kept = s.json("GET", f"/api/rounds/{rid}")[1]["adjustment_record"][0]["id"]
        assert s.json("DELETE", f"/api/rounds/{rid}/adjustments/{kept}")[0] == 200
    finally:
        s.stop()
    s = Server(tmp_path / "data")
    try:
        summary = s.json("GET", f"/api/rounds/{rid}")[1]
        assert summary["adjustments"] == [] and summary["adjustment_record"][0]["undone_at"]
        assert "MAG-013" in {m["id"] for m in s.json("GET", f"/api/rounds/{rid}/result")[1]["selected"]}
    finally:
        s.stop()


def test_html_reports_open_in_the_browser_and_files_download(server):
    rid = upload(server)[1]["id"]
    for report, disposition in [("report.html", "inline"), ("report.html?public=1", "inline"), ("report.json", "inline"),
                                ("report.csv", "attachment"), ("report.xlsx", "attachment"), ("report.md", "attachment")]:
        status, headers, _ = server.request("GET", f"/api/rounds/{rid}/{report}")
        assert status == 200 and headers["Content-Disposition"].split(";")[0] == disposition, report


def test_the_examples_are_offered_from_any_folder(tmp_path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--data", str(folder / "data")], cwd=folder, stdout=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().strip().rstrip("/")
        import urllib.request
        page = urllib.request.urlopen(url + "/").read().decode()
        offered = re.findall(r'id="example-([a-z-]+)"', page)
        assert {"mag", "wgec", "icg", "infeasible", "mag-history"} <= set(offered)
        # An example started from there is the shipped one, history included.
        request = urllib.request.Request(url + "/rounds/example/mag-history", data=b"", method="POST", headers={"Origin": url})
        urllib.request.urlopen(request).read()
        summary = json.loads(urllib.request.urlopen(url + "/api/rounds/1").read())
        shipped = subprocess.run(["sha256sum", str(ROOT / "examples/mag-history/nominations.csv")], capture_output=True, text=True).stdout.split()[0]
        assert summary["files"][0]["sha256"] == shipped and any(f["kind"] == "history" for f in summary["files"])
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_how_the_files_were_read_is_at_the_top_of_the_round(server):
    semicolons = (MAG / "nominations.csv").read_text().replace(",", ";").encode()
    body, headers = multipart({"nominations": ("nominations.csv", semicolons), "policy": ("policy.yaml", (MAG / "policy.yaml").read_bytes())})
    rid = server.json("POST", "/api/rounds", body, headers)[1]["id"]
    page = server.request("GET", f"/rounds/{rid}")[2].decode()
    main = page.split("<main>", 1)[1]
    assert main.index('id="reading"') < main.index('id="composition"') < main.index('id="members"')
    assert "separated by semicolons" in main.split('id="reading"', 1)[1].split("</section>", 1)[0]


def test_the_policy_editor_keeps_the_opening_comments_and_names_the_dropped(server, tmp_path):
    policy = ("# The MAG's renewal rules, agreed on 3 March.\n# Ask the secretariat before changing a quota.\n\n"
              + (MAG / "policy.yaml").read_text().replace("rules:\n", "rules:  # as in the terms of reference\n", 1)
              .replace("quotas:\n", "quotas:\n  # gender first\n", 1))
    body, headers = multipart({"nominations": ("nominations.csv", (MAG / "nominations.csv").read_bytes()), "policy": ("policy.yaml", policy.encode())})
    rid = server.json("POST", "/api/rounds", body, headers)[1]["id"]
    page = server.request("GET", f"/rounds/{rid}/policy")[2].decode()
    dropped = [n + 1 for n, line in enumerate(policy.split("\n")) if "# gender first" in line or "# as in the terms" in line]
    note = re.search(r'<p id="comments-note">(.*?)</p>', page, re.S).group(1)
    assert f"2 comments among the rules (lines {dropped[0]}, {dropped[1]})" in note
    fields = dict(re.findall(r'<input name="([^"]+)" size="\d+" value="([^"]*)"', page))
    fields = {k: v.replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for k, v in fields.items()}
    fields.update(continuing="keep", objective="rank-sum", seed="2027")
    status, _, _ = server.request("POST", f"/rounds/{rid}/policy", urllib.parse.urlencode(fields).encode(), FORM | {"Origin": server.url})
    assert status == 200
    saved = server.request("GET", f"/api/rounds/{rid}/policy.yaml")[2].decode()
    assert saved.startswith("# The MAG's renewal rules, agreed on 3 March.\n# Ask the secretariat before changing a quota.\n")
    assert "gender first" not in saved and "seed: 2027" in saved


def test_a_csv_for_a_european_excel_from_the_workbench(server):
    rid = upload(server)[1]["id"]
    plain = server.request("GET", f"/api/rounds/{rid}/report.csv")[2].decode()
    status, _, body = server.request("GET", f"/api/rounds/{rid}/report.csv?csv_style=excel-europe")
    assert status == 200 and body.startswith(b"\xef\xbb\xbf")
    import csv
    import io
    europe = list(csv.reader(io.StringIO(body.decode().lstrip("\ufeff")), delimiter=";"))
    standard = list(csv.reader(io.StringIO(plain)))
    # The same cells, a decimal number's point a comma.
    assert len(europe) == len(standard) > 1
    for row_e, row_p in zip(europe, standard):
        assert [c.replace(",", ".") if c.replace(",", "").replace("-", "").isdigit() else c for c in row_e] == row_p
    assert server.json("GET", f"/api/rounds/{rid}/report.json?csv_style=excel")[0] == 400
    assert server.json("GET", f"/api/rounds/{rid}/report.csv?csv_style=latin")[0] == 400


def test_the_workbench_speaks_the_browsers_language_and_switches(server):
    """Accept-Language chooses the pages' language; ?lang= switches it and a cookie keeps it; every report
    downloaded from a page in French is in French (its JSON says so)."""
    import re as regex
    rid = upload(server)[1]["id"]
    status, headers, page = server.request("GET", f"/rounds/{rid}", headers={"Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"})
    page = page.decode()
    assert status == 200 and '<html lang="fr">' in page and "Et si…" in page and "Composition (" not in page
    assert 'id="lang-en"' in page and 'id="lang-es"' in page
    status, headers, page = server.request("GET", f"/rounds/{rid}?lang=es")
    assert '<html lang="es">' in page.decode() and "seatwise_lang=es" in headers.get("Set-Cookie", "")
    status, _, page = server.request("GET", "/", headers={"Cookie": "seatwise_lang=es"})
    assert '<html lang="es">' in page.decode()
    status, _, body = server.request("GET", f"/api/rounds/{rid}/report.json", headers={"Cookie": "seatwise_lang=fr"})
    assert json.loads(body)["tool"]["language"] == "fr"
    # English by default; an unknown language falls back to it.
    for accept in [None, "de-DE, ja"]:
        status, _, page = server.request("GET", "/", headers={"Accept-Language": accept} if accept else {})
        assert '<html lang="en">' in page.decode()
    assert regex.search(r"<b[^>]*>English</b>", server.request("GET", "/")[2].decode())


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_workbench_pages_hold_no_english_sentence(server, language):
    """The rounds page, a round, its policy editor (the YAML itself aside), a nominee's explanation, the
    comparison, the lottery and the audit form, in French and Spanish."""
    import sys
    sys.path.insert(0, str(ROOT / "Tests/crosscheck"))
    import test_languages as words
    server.request("POST", "/rounds/example/mag", b"", {"Origin": server.url})
    rid = server.json("GET", "/api/rounds")[1]["rounds"][-1]["id"]
    for path in ["/", f"/rounds/{rid}", f"/rounds/{rid}/policy", f"/rounds/{rid}/nominee/MAG-016", f"/rounds/{rid}/compare", f"/rounds/{rid}/lottery", "/audit"]:
        status, _, page = server.request("GET", path, headers={"Accept-Language": language})
        page = page.decode()
        # The policy's own YAML and the form's values (keep, compete, each, body) are the file's words.
        page = re.sub(r'<pre id="policy-yaml">.*?</pre>|<option[^>]*>[^<]*</option>', " ", page, flags=re.S)
        text = words.visible(page, "html").replace("each", " ").replace("per group", " ").replace("body", " ")
        assert status == 200 and words.english_words(text, words.data_strings(MAG)) == [], path
