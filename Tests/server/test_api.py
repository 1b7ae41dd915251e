"""The workbench's JSON API against the real server (`seatwise serve` on a free loopback port): every
route, every error status, the record kept across a restart, the token and the origin checks. Results
are checked against `seatwise select` run as its own process on the same files."""

import json
import os
import subprocess
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
MAG = ROOT / "examples/mag"


class Server:
    def __init__(self, data, *extra):
        self.process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--data", str(data), *extra], cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        assert line.startswith("http://127.0.0.1:"), (line, self.process.stderr.read() if self.process.poll() is not None else "")
        self.url = line.split("?")[0].rstrip("/")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def request(self, method, path, body=None, headers=None, timeout=120):
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, method, path, body=None, headers=None):
        status, headers, data = self.request(method, path, body, headers)
        return status, (json.loads(data) if data else None)


def multipart(files, fields=None):
    boundary = "----seatwise" + uuid.uuid4().hex
    out = b""
    for name, value in (fields or {}).items():
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
    # A list of (name, (filename, bytes)) sends several parts of one name (past rosters).
    for name, (filename, data) in (files.items() if isinstance(files, dict) else files):
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n".encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def upload(server, folder=MAG, name=None):
    body, headers = multipart({"nominations": ("nominations.csv", (folder / "nominations.csv").read_bytes()),
                               "policy": ("policy.yaml", (folder / "policy.yaml").read_bytes())}, {"name": name} if name else None)
    return server.json("POST", "/api/rounds", body, headers)


def select(*args):
    done = subprocess.run([str(BINARY), "select", *map(str, args), "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    return json.loads(done.stdout)


@pytest.fixture
def server(tmp_path):
    """`seatwise serve` on a free loopback port, its data in the test's folder; the other server tests
    import this fixture."""
    s = Server(tmp_path / "data")
    yield s
    s.stop()


def test_health_and_headers(server):
    status, headers, body = server.request("GET", "/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    assert headers["X-Content-Type-Options"] == "nosniff" and "default-src 'none'" in headers["Content-Security-Policy"]


def test_round_lifecycle_against_select(server):
    status, created = upload(server, name="MAG 2027")
    assert status == 201 and isinstance(created["id"], int)
    rid = created["id"]
    status, listed = server.json("GET", "/api/rounds")
    assert status == 200 and [r["id"] for r in listed["rounds"]] == [rid] and listed["rounds"][0]["name"] == "MAG 2027"
    status, result = server.json("GET", f"/api/rounds/{rid}/result?mode=coordinated")
    expected = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml")
    assert status == 200
    assert [m["id"] for m in result["selected"]] == [m["id"] for m in expected["selected"]]
    assert result["objective"] == expected["objective"] and result["status"] == "optimal"
    # A what-if: the same panel as `select --seat` in its own process, with the difference.
    outsider = next(n for n in ["MAG-010", "MAG-011", "MAG-012"] if n not in {m["id"] for m in result["selected"]})
    status, answer = server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"seat": [outsider]}).encode(), {"Content-Type": "application/json"})
    alone = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--seat", outsider)
    assert status == 200 and outsider in answer["difference"]["entering"]
    assert [m["id"] for m in answer["selected"]] == [m["id"] for m in alone["selected"]]
    assert answer["difference"]["objective_change"] == alone["objective"]["rank_sum"] - expected["objective"]["rank_sum"]
    # The same what-if with alternates: each seat's list as `select --seat … --alternates 2` gives it.
    status, answer = server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"seat": [outsider], "alternates": 2}).encode(), {"Content-Type": "application/json"})
    alone = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--seat", outsider, "--alternates", "2")
    assert status == 200 and answer["alternates"]["count"] == 2
    assert {m["id"]: m["alternates"] for m in answer["selected"]} == {m["id"]: m["alternates"] for m in alone["selected"]}
    assert answer["alternates"]["reserve"] == alone["alternates"]["reserve"]
    status, bad = server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"alternates": 0}).encode(), {"Content-Type": "application/json"})
    assert status == 400 and "alternates" in bad["error"]
    status, _, body = server.request("GET", f"/api/rounds/{rid}/report.json?alternates=3")
    plain = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml", "--alternates", "3")
    assert status == 200 and json.loads(body)["alternates"]["reserve"] == plain["alternates"]["reserve"]
    assert server.request("GET", f"/api/rounds/{rid}/report.json?alternates=many")[0] == 400
    # One nominee's explanation.
    status, explanation = server.json("GET", f"/api/rounds/{rid}/explain/MAG-013")
    assert status == 200 and explanation["id"] == "MAG-013" and explanation["reason"] == "ahead_of_higher_ranked"
    # Reports in every format.
    for ext, kind in [("html", "text/html"), ("md", "text/markdown"), ("csv", "text/csv"), ("json", "application/json")]:
        status, headers, body = server.request("GET", f"/api/rounds/{rid}/report.{ext}")
        assert status == 200 and headers["Content-Type"].startswith(kind), ext
    status, _, public = server.request("GET", f"/api/rounds/{rid}/report.md?public=1")
    assert b"Nominees not seated (counted, not named)" in public
    # The history: every solve with its time.
    status, summary = server.json("GET", f"/api/rounds/{rid}")
    assert [f["kind"] for f in summary["files"]] == ["nominations", "policy"] and len(summary["files"][0]["sha256"]) == 64
    # Reads record nothing (a GET changes no state); what-ifs are recorded.
    assert {s["kind"] for s in summary["solves"]} == {"what-if"}
    status, _, _ = server.request("DELETE", f"/api/rounds/{rid}")
    assert status == 204
    assert server.json("GET", f"/api/rounds/{rid}")[0] == 404


def test_bad_requests(server, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "nominations.csv").write_text("id,name,group,gender,country\nx1,Ann,Nowhere,female,KEN\n")
    (bad / "policy.yaml").write_text("body: B\nseats: { Government: 1 }\n")
    status, answer = upload(server, bad)
    assert status == 422 and answer["problems"][0]["line"] == 2 and answer["problems"][0]["file"] == "nominations.csv"
    status, answer = server.json("POST", "/api/rounds", b"--x\r\nnot a form", {"Content-Type": "multipart/form-data; boundary=x"})
    assert status == 400 and "error" in answer
    body, headers = multipart({"nominations": ("n.csv", b"id\n")})
    status, answer = server.json("POST", "/api/rounds", body, headers)
    assert status == 400 and "policy" in answer["error"]
    status, answer = server.json("POST", "/api/rounds", b"{}", {"Content-Type": "application/json"})
    assert status == 400
    status, answer = server.json("GET", "/api/rounds/999/result")
    assert status == 404 and "error" in answer
    status, answer = server.json("GET", "/api/nothing-here")
    assert status == 404
    rid = upload(server)[1]["id"]
    for body in [b"not json", json.dumps({"seat": "MAG-001"}).encode(), json.dumps({"colour": 1}).encode(), json.dumps({"mode": "both"}).encode()]:
        assert server.json("POST", f"/api/rounds/{rid}/what-if", body)[0] == 400, body
    status, answer = server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"seat": ["MAG-999"]}).encode())
    assert status == 422 and "MAG-999" in answer["problems"][0]["message"]
    assert server.json("GET", f"/api/rounds/{rid}/explain/NOBODY")[0] == 404
    assert server.json("GET", f"/api/rounds/{rid}/report.exe")[0] == 404
    assert server.json("GET", f"/api/rounds/{rid}/result?mode=sideways")[0] == 400


def test_upload_limit(server):
    body, headers = multipart({"nominations": ("n.csv", b"x" * (51 * 1024 * 1024)), "policy": ("p.yaml", b"body: B\n")})
    # Sent chunked (no Content-Length announced), so the limit is met while reading; an announced length
    # over it is refused before any of the body is read (test_hardening.py, item 17).
    import http.client
    connection = http.client.HTTPConnection(server.url.removeprefix("http://"), timeout=120)
    pieces = (body[k:k + (1 << 20)] for k in range(0, len(body), 1 << 20))
    try:
        connection.request("POST", "/api/rounds", body=pieces, headers=headers, encode_chunked=True)
        assert connection.getresponse().status == 413
    finally:
        connection.close()
    assert server.request("GET", "/healthz")[0] == 200


def test_origin_is_checked(server):
    body, headers = multipart({"nominations": ("n.csv", (MAG / "nominations.csv").read_bytes()), "policy": ("p.yaml", (MAG / "policy.yaml").read_bytes())})
    status, _, _ = server.request("POST", "/api/rounds", body, {**headers, "Origin": "http://evil.example"})
    assert status == 403
    host = server.url.removeprefix("http://")
    status, _, _ = server.request("POST", "/api/rounds", body, {**headers, "Origin": server.url, "Host": host})
    assert status == 201


def test_token(tmp_path):
    token = "a-token-of-twenty-chars"
    s = Server(tmp_path / "data", "--token", token)
    try:
        assert s.request("GET", "/api/rounds")[0] == 401
        assert s.request("GET", "/api/rounds", headers={"Authorization": f"Bearer {token}"})[0] == 200
        assert s.request("GET", f"/api/rounds?token={token}")[0] == 200
        assert s.request("GET", "/healthz")[0] == 200
    finally:
        s.stop()


def test_history_survives_a_restart(tmp_path):
    s = Server(tmp_path / "data")
    rid = upload(s)[1]["id"]
    s.json("GET", f"/api/rounds/{rid}/result")
    s.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"exclude": ["MAG-013"], "keep": True}).encode())
    s.stop()
    s = Server(tmp_path / "data")
    try:
        status, summary = s.json("GET", f"/api/rounds/{rid}")
        assert status == 200 and len(summary["solves"]) == 1
        assert summary["adjustments"] and "excluded by decision of the coordinator" in summary["adjustments"][0]
        # The solve's record states the adjustments it was made under (it once read them back as nothing).
        assert summary["solves"][0]["adjustments"] == summary["adjustments"]
        status, result = s.json("GET", f"/api/rounds/{rid}/result")
        assert "MAG-013" not in {m["id"] for m in result["selected"]} and result["adjustments"]
    finally:
        s.stop()


def test_pages(server):
    status, _, page = server.request("GET", "/")
    assert status == 200 and b"Start a round" in page and b"example-mag" in page
    status, headers, _ = server.request("POST", "/rounds/example/mag", b"", {"Origin": server.url})
    assert status in (200, 303)
    status, _, page = server.request("GET", "/rounds/1")
    assert status == 200 and b"id=\"panel\"" in page and b"Public copy" in page


def test_compare_and_audit(server):
    rid = upload(server, ROOT / "examples/icg")[1]["id"]
    status, comparison = server.json("GET", f"/api/rounds/{rid}/compare")
    expected = json.loads(subprocess.run([str(BINARY), "compare", "examples/icg/nominations.csv", "--policy", "examples/icg/policy.yaml", "--format", "json"],
                                         cwd=ROOT, capture_output=True, text=True).stdout)
    assert status == 200 and comparison["differences"] == expected["differences"] and comparison["groups"] == expected["groups"]
    status, _, page = server.request("GET", f"/rounds/{rid}/compare?public=1")
    assert status == 200 and b"Independent: 30 members chosen" in page
    icg = ROOT / "examples/icg"
    body, headers = multipart({"roster": ("roster.csv", (icg / "roster.csv").read_bytes()), "policy": ("policy.yaml", (icg / "policy.yaml").read_bytes()),
                               "pool": ("nominations.csv", (icg / "nominations.csv").read_bytes())})
    status, _, page = server.request("POST", "/audit", body, headers)
    assert status == 200 and b"id=\"shares\"" in page and b"Expected from the pool" in page
    body, headers = multipart({"roster": ("roster.csv", b"id,name\n1,x\n"), "policy": ("policy.yaml", (icg / "policy.yaml").read_bytes())})
    status, _, page = server.request("POST", "/audit", body, headers)
    assert status == 422 and b"roster.csv" in page


def test_a_running_solve_can_be_cancelled(server, tmp_path):
    import threading
    import time
    big = tmp_path / "big"
    subprocess.run([str(BINARY), "generate", "--nominees", "3000", "--seats", "275", "--seed", "5", "--output", str(big)], check=True, capture_output=True)
    rid = upload(server, big)[1]["id"]
    assert server.json("POST", f"/api/rounds/{rid}/cancel")[1] == {"cancelled": False}, "nothing runs yet"
    answer = {}
    def report():
        answer["status"], _, answer["body"] = server.request("GET", f"/api/rounds/{rid}/report.json")
    worker = threading.Thread(target=report)
    started = time.perf_counter()
    worker.start()
    time.sleep(1.0)  # the round is solved and its explanations are under way
    assert server.json("POST", f"/api/rounds/{rid}/cancel") == (200, {"cancelled": True})
    worker.join(timeout=60)
    assert answer["status"] == 409 and b"cancelled" in answer["body"], answer
    assert time.perf_counter() - started < 30
    # The round answers the next request as before.
    assert server.json("GET", f"/api/rounds/{rid}/result")[0] == 200


def test_new_file_versions_and_the_policy_editor(server):
    import re
    import urllib.parse
    rid = upload(server)[1]["id"]
    before = server.json("GET", f"/api/rounds/{rid}/result")[1]
    # The editor's form, sent back unchanged, writes YAML that the reader reads as the same policy.
    status, _, page = server.request("GET", f"/rounds/{rid}/policy")
    assert status == 200 and b"id=\"policy-form\"" in page
    fields = dict(re.findall(r'<input name="([^"]+)" size="\d+" value="([^"]*)"', page.decode()))
    fields = {k: v.replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for k, v in fields.items()}
    fields.update(continuing="keep", objective="rank-sum")
    status, _, _ = server.request("POST", f"/rounds/{rid}/policy", urllib.parse.urlencode(fields).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded", "Origin": server.url})
    assert status == 200  # 303 to the round, followed
    summary = server.json("GET", f"/api/rounds/{rid}")[1]
    assert [f["kind"] for f in summary["files"]] == ["nominations", "policy", "policy"], "a new version, the first kept"
    after = server.json("GET", f"/api/rounds/{rid}/result")[1]
    assert [m["id"] for m in after["selected"]] == [m["id"] for m in before["selected"]] and after["objective"] == before["objective"]
    # A mistake is shown with its key, and nothing is saved.
    fields["q0_min"] = "lots"
    status, _, page = server.request("POST", f"/rounds/{rid}/policy", urllib.parse.urlencode(fields).encode(),
                                     {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 422 and b"quotas[1].min" in page
    assert len(server.json("GET", f"/api/rounds/{rid}")[1]["files"]) == 3
    # A new nominations file through the API: checked, stored as a version, and used from then on.
    nominations = (MAG / "nominations.csv").read_text()
    body, headers = multipart({"nominations": ("nominations-v2.csv", nominations.encode())})
    status, summary = server.json("POST", f"/api/rounds/{rid}/files", body, headers)
    assert status == 200 and [f["filename"] for f in summary["files"]][-1] == "nominations-v2.csv"
    body, headers = multipart({"policy": ("bad.yaml", b"body: B\nseats: { Nobody: 1 }\n")})
    status, answer = server.json("POST", f"/api/rounds/{rid}/files", body, headers)
    assert status == 422 and answer["problems"]
    status, _, yaml_text = server.request("GET", f"/api/rounds/{rid}/policy.yaml")
    assert status == 200 and b"quotas:" in yaml_text


def test_redacted_copy(server):
    rid = upload(server)[1]["id"]
    named = server.json("GET", f"/api/rounds/{rid}/report.json")[1]
    status, redacted = server.json("GET", f"/api/rounds/{rid}/report.json?redact=1")
    assert status == 200 and [m["id"] for m in redacted["selected"]] == [m["id"] for m in named["selected"]]
    for plain, initials in zip(named["selected"], redacted["selected"]):
        assert plain["name"] not in json.dumps(redacted) and initials["name"].endswith(".")


def test_a_client_that_hangs_up_stops_its_solve(server, tmp_path):
    import socket
    import time
    big = tmp_path / "big"
    subprocess.run([str(BINARY), "generate", "--nominees", "3000", "--seats", "275", "--seed", "5", "--output", str(big)], check=True, capture_output=True)
    rid = upload(server, big)[1]["id"]
    assert server.json("GET", f"/api/rounds/{rid}/result")[0] == 200
    started = time.perf_counter()
    assert server.request("GET", f"/api/rounds/{rid}/report.json")[0] == 200
    whole = time.perf_counter() - started  # the full report: every explanation of 3,000 nominees
    host, port = server.url.removeprefix("http://").split(":")
    client = socket.create_connection((host, int(port)))
    client.sendall(f"GET /api/rounds/{rid}/report.json HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    time.sleep(min(1.0, whole / 4))
    client.close()  # hangs up before the answer
    started = time.perf_counter()
    assert server.json("GET", f"/api/rounds/{rid}/result")[0] == 200
    waited = time.perf_counter() - started
    assert waited < whole / 2, (waited, whole)


def test_hostile_multipart(server):
    # A boundary longer than RFC 2046's 70 characters, and a body of near-boundaries (linear to refuse).
    assert server.json("POST", "/api/rounds", b"x", {"Content-Type": "multipart/form-data; boundary=" + "b" * 71})[0] == 400
    near = (b"\r\n--" + b"-" * 69 + b"x") * 200_000
    status, answer = server.json("POST", "/api/rounds", near, {"Content-Type": "multipart/form-data; boundary=" + "-" * 70})
    assert status == 400 and "multipart" in answer["error"]
    body, headers = multipart({"nominations": ("n.csv", (MAG / "nominations.csv").read_bytes()), "policy": ("p.yaml", (MAG / "policy.yaml").read_bytes())})
    assert server.json("POST", "/api/rounds", body, headers)[0] == 201, "a well-formed upload still reads"


def test_workbook_upload_and_workbook_report(server, tmp_path):
    """Nominations uploaded as an .xlsx workbook give the CSV's panel; the report downloads as a workbook."""
    import csv
    import io

    import openpyxl
    rows = list(csv.reader(open(MAG / "nominations.csv", encoding="utf-8")))
    wb = openpyxl.Workbook()
    ws = wb.active
    for k, row in enumerate(rows):
        ws.append([float(v) if k and rows[0][j] in ("rank", "terms") and v else v for j, v in enumerate(row)])
    book = io.BytesIO()
    wb.save(book)
    body, headers = multipart({"nominations": ("nominations.xlsx", book.getvalue()), "policy": ("policy.yaml", (MAG / "policy.yaml").read_bytes())})
    status, created = server.json("POST", "/api/rounds", body, headers)
    assert status == 201, created
    rid = created["id"]
    status, result = server.json("GET", f"/api/rounds/{rid}/result")
    expected = select(MAG / "nominations.csv", "--policy", MAG / "policy.yaml")
    assert [m["id"] for m in result["selected"]] == [m["id"] for m in expected["selected"]]
    status, headers, data = server.request("GET", f"/api/rounds/{rid}/report.xlsx")
    assert status == 200 and headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    report = openpyxl.load_workbook(io.BytesIO(data))
    ids = [r[1].value for r in report["Panel"].iter_rows(min_row=2)]
    assert sorted(ids) == sorted(m["id"] for m in expected["selected"])
    # A bad cell in an uploaded workbook is a 400 naming the cell.
    ws["C5"] = "Academia"
    bad = io.BytesIO()
    wb.save(bad)
    body, headers = multipart({"nominations": ("nominations.xlsx", bad.getvalue()), "policy": ("policy.yaml", (MAG / "policy.yaml").read_bytes())})
    status, answer = server.json("POST", "/api/rounds", body, headers)
    assert status == 422, answer
    assert [(p["cell"], p["key"]) for p in answer["problems"]] == [("Sheet!C5", "group")]
    assert answer["problems"][0]["text"].startswith("nominations.xlsx:Sheet!C5: group: 'Academia' is not a group of the policy")


def form_fields(page):
    """Every input's and select's value on a form page, as a browser would send it unchanged."""
    import html
    import re
    text = page.decode()
    fields = {k: html.unescape(v) for k, v in re.findall(r'<input name="([^"]+)" size="\d+" value="([^"]*)"', text)}
    fields.update(re.findall(r'<input type="checkbox" name="([^"]+)" value="([^"]*)" checked>', text))
    for name, options in re.findall(r'<select name="([^"]+)">(.*?)</select>', text):
        chosen = re.findall(r'<option value="([^"]*)" selected>', options) or re.findall(r'<option value="([^"]*)"', options)[:1]
        fields[name] = chosen[0]
    return fields


def test_the_lottery_in_the_workbench_and_the_policy_editor_keeps_it(server, tmp_path):
    """The round's lottery page and API give what `seatwise lottery` gives on the same files (the policy's
    method and draw values unless the query names others); bad values are a 422 naming them; the policy
    editor keeps the objective lottery, its method and draw values, and the renewal rule."""
    import urllib.parse
    import yaml
    icg = ROOT / "examples/icg"
    policy = yaml.safe_load((icg / "policy.yaml").read_text())
    policy.update(objective="lottery", lottery={"method": "maximin", "draw": "4 8 15 / 16 23 42"})
    policy.setdefault("rules", {})["renewal"] = {"min_new": 2, "per": "body"}
    folder = tmp_path / "icg"
    folder.mkdir()
    (folder / "nominations.csv").write_bytes((icg / "nominations.csv").read_bytes())
    (folder / "policy.yaml").write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
    rid = upload(server, folder)[1]["id"]
    status, answer = server.json("GET", f"/api/rounds/{rid}/lottery")
    cli = json.loads(subprocess.run([str(BINARY), "lottery", folder / "nominations.csv", "--policy", folder / "policy.yaml", "--format", "json"],
                                    capture_output=True, text=True).stdout)
    assert status == 200 and answer["method"] == "maximin" and answer["draw"]["key"] == "4.8.15./16.23.42./"
    for key in ("distribution", "minimum", "upper_bound", "certificate", "lottery", "draw"):
        assert answer[key] == cli[key], key
    status, other = server.json("GET", f"/api/rounds/{rid}/lottery?method=leximin&draw=" + urllib.parse.quote("1 2 3"))
    assert status == 200 and other["method"] == "leximin" and other["draw"]["key"] == "1.2.3./"
    status, _, page = server.request("GET", f"/rounds/{rid}/lottery?draw=" + urllib.parse.quote("1 2 3"))
    assert status == 200 and b'id="lottery-form"' in page and b"Chances of a seat" in page and b'value="1 2 3"' in page
    status, bad = server.json("GET", f"/api/rounds/{rid}/lottery?draw=12+x3")
    assert status == 422 and "'x3' is not a whole number" in json.dumps(bad)
    assert server.json("GET", f"/api/rounds/{rid}/lottery?method=best")[0] == 400
    # The round of a lottery policy is its lottery: the page, the result and the reports (review finding).
    status, _, page = server.request("GET", f"/rounds/{rid}")
    assert status == 200 and b'id="lottery-form"' in page
    status, result = server.json("GET", f"/api/rounds/{rid}/result")
    assert status == 200 and result["kind"] == "lottery" and result["distribution"] == cli["distribution"]
    status, _, text = server.request("GET", f"/api/rounds/{rid}/report.md")
    assert status == 200 and b"Lottery" in text
    # Its workbook is the lottery's too: every chance as a number, the same as the JSON result's.
    status, _, book = server.request("GET", f"/api/rounds/{rid}/report.xlsx")
    assert status == 200
    import io
    import openpyxl
    sheet = openpyxl.load_workbook(io.BytesIO(book))["Chances"]
    chances = {row[1].value: row[3].value for row in sheet.iter_rows(min_row=2)}
    assert chances.keys() == {c["id"] for c in result["probabilities"]}
    assert all(abs(chances[c["id"]] - c["probability"]) < 1e-12 for c in result["probabilities"])
    assert server.request("GET", f"/api/rounds/{rid}/report.xlsx?redact=1")[0] == 409
    assert server.request("GET", f"/api/rounds/{rid}/report.html?public=1")[0] == 409
    status, _, page = server.request("GET", f"/rounds/{rid}/lottery?draw=12+x3")
    assert status == 422 and b"is not a whole number" in page and b'id="lottery-form"' in page

    status, _, page = server.request("GET", f"/rounds/{rid}/policy")
    fields = form_fields(page)
    assert fields["objective"] == "lottery" and fields["lottery_method"] == "maximin" and fields["renewal_min"] == "2"
    status, _, _ = server.request("POST", f"/rounds/{rid}/policy", urllib.parse.urlencode(fields).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded", "Origin": server.url})
    assert status == 200
    saved = yaml.safe_load(server.request("GET", f"/api/rounds/{rid}/policy.yaml")[2])
    assert saved["objective"] == "lottery" and saved["lottery"] == {"method": "maximin", "draw": "4 8 15 / 16 23 42"}
    assert saved["rules"]["renewal"] == {"min_new": 2} and len(saved["quotas"]) == len(policy["quotas"])
    assert server.json("GET", f"/api/rounds/{rid}/lottery")[1]["distribution"] == cli["distribution"]


def test_a_store_of_the_first_version_opens_with_its_adjustments_and_solves(tmp_path):
    """A database written before adjustments were stored as facts: its words are kept and shown, and new
    adjustments are stored as facts beside them."""
    import sqlite3
    data = tmp_path / "data"
    data.mkdir()
    db = sqlite3.connect(data / "seatwise.sqlite")
    db.executescript("""
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1: rounds, files, adjustments, solves');
        CREATE TABLE round (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created_at TEXT NOT NULL, deleted_at TEXT);
        CREATE TABLE file (id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES round(id),
                           kind TEXT NOT NULL, filename TEXT NOT NULL, sha256 TEXT NOT NULL, bytes BLOB NOT NULL, uploaded_at TEXT NOT NULL);
        CREATE TABLE adjustment (id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES round(id),
                                 json TEXT NOT NULL, words TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE solve (id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES round(id), at TEXT NOT NULL,
                            kind TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL, rank_sum INTEGER, adjustments TEXT NOT NULL);
        CREATE INDEX file_round ON file(round_id);
        INSERT INTO round (name, created_at) VALUES ('old round', '2026-01-01T00:00:00Z');
    """)
    import hashlib
    for kind, name in [("nominations", "nominations.csv"), ("policy", "policy.yaml")]:
        data_bytes = (MAG / name).read_bytes()
        db.execute("INSERT INTO file (round_id, kind, filename, sha256, bytes, uploaded_at) VALUES (1, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
                   (kind, name, hashlib.sha256(data_bytes).hexdigest(), data_bytes))
    db.execute("""INSERT INTO adjustment (round_id, json, words, created_at) VALUES (1, '{"exclude":"MAG-013"}', 'adjusted: an old sentence', '2026-01-01T00:00:00Z')""")
    db.execute("""INSERT INTO solve (round_id, at, kind, mode, status, rank_sum, adjustments) VALUES (1, '2026-01-01T00:00:00Z', 'what-if', 'coordinated', 'optimal', 1, '["adjusted: an old sentence"]')""")
    db.commit()
    db.close()
    s = Server(data)
    try:
        status, summary = s.json("GET", "/api/rounds/1")
        assert status == 200, summary
        assert summary["adjustments"] == ["adjusted: an old sentence"]
        assert summary["solves"][0]["adjustments"] == ["adjusted: an old sentence"]
        status, _ = s.json("POST", "/api/rounds/1/what-if", json.dumps({"exclude": ["MAG-014"], "keep": True}).encode())
        assert status == 200
        status, summary = s.json("GET", "/api/rounds/1")
        assert summary["adjustments"][0] == "adjusted: an old sentence" and len(summary["adjustments"]) == 2
        assert "MAG-014" in summary["adjustments"][1] and summary["solves"][-1]["adjustments"][1] == summary["adjustments"][1]
    finally:
        s.stop()


def test_the_policy_editor_keeps_appointing_and_uncounted_groups(server, tmp_path):
    """A group that appoints its members, one that chooses alone, and one that counts in no quota and is a
    role: the editor shows each, and its form sent back unchanged saves a policy that reads the same and
    chooses the same panel."""
    folder = tmp_path / "shapes"
    folder.mkdir()
    rows = ["id,name,group,gender,country,rank"]
    rows += [f"G{k},Person G{k},Government,{'female' if k == 1 else 'male'},KEN,{k}" for k in (1, 2)]
    rows += [f"C{k},Person C{k},Civil Society,{'female' if k % 2 else 'male'},IND,{k}" for k in range(1, 7)]
    rows += [f"L{k},Person L{k},Liaisons,male,FRA,{k}" for k in (1, 2)]
    (folder / "nominations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "policy.yaml").write_text(
        "body: Shapes\nseats:\n  Government: { seats: 2, mode: appointed }\n  Civil Society: { seats: 3, mode: independent }\n  Liaisons: { seats: 1, counts: false, role: true }\n"
        "quotas:\n  - { attribute: gender, value: female, min: 60% }\n", encoding="utf-8")
    rid = upload(server, folder)[1]["id"]
    status, before = server.json("GET", f"/api/rounds/{rid}/result")
    assert status == 200 and {"G1", "G2"} <= {m["id"] for m in before["selected"]}
    female = next(q for q in before["quotas"] if q["attribute"] == "gender")
    assert female["min"] == 3  # 60% of the 5 counted seats, not of 6
    status, _, page = server.request("GET", f"/rounds/{rid}/policy")
    fields = form_fields(page)
    groups = {fields[k]: k.split("_")[1] for k in fields if k.startswith("group_")}
    assert fields.get(f"appointed_{groups['Government']}") == "1" and fields.get(f"uncounted_{groups['Liaisons']}") == "1"
    assert fields.get(f"alone_{groups['Civil Society']}") == "1" and fields.get(f"role_{groups['Liaisons']}") == "1"
    import urllib.parse
    status, _, _ = server.request("POST", f"/rounds/{rid}/policy", urllib.parse.urlencode(fields).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded", "Origin": server.url})
    assert status == 200
    saved = yaml.safe_load(server.request("GET", f"/api/rounds/{rid}/policy.yaml")[2])
    assert saved["seats"]["Government"] == {"seats": 2, "mode": "appointed"} and saved["seats"]["Liaisons"] == {"seats": 1, "counts": False, "role": True}
    assert saved["seats"]["Civil Society"] == {"seats": 3, "mode": "independent"}
    after = server.json("GET", f"/api/rounds/{rid}/result")[1]
    assert [m["id"] for m in after["selected"]] == [m["id"] for m in before["selected"]]


def test_several_bodies_in_the_workbench(server):
    """A pool for several bodies: the workbench chooses what `select` chooses, each seated entry with its
    body and person; the lottery is refused with a JSON body (its chances would be fair to applications);
    the policy editor, which writes one body, refuses to overwrite the policy and says why."""
    import urllib.parse
    folder = ROOT / "examples/nomcom"
    status, created = upload(server, folder)
    assert status == 201, created
    rid = created["id"]
    status, result = server.json("GET", f"/api/rounds/{rid}/result")
    cli = select(folder / "nominations.csv", "--policy", folder / "policy.yaml")
    assert status == 200 and [m["id"] for m in result["selected"]] == [m["id"] for m in cli["selected"]]
    assert all(m["body"] and m["person"] for m in result["selected"])
    assert len({m["person"] for m in result["selected"]}) == len(result["selected"])
    # The round's page shows each body with who holds its seats.
    status, _, page = server.request("GET", f"/rounds/{rid}")
    assert status == 200 and b'id="bodies"' in page
    for body in ("Board of Directors", "Names Policy Council", "Country Codes Council", "At-Large Advisory Committee", "Technical Operations Board"):
        assert body.encode() in page
    status, answer = server.json("GET", f"/api/rounds/{rid}/lottery")
    assert 400 <= status < 500 and "fair to applications" in json.dumps(answer), answer
    status, _, page = server.request("GET", f"/rounds/{rid}/policy")
    assert status == 200 and b"several bodies" in page
    status, _, page = server.request("POST", f"/rounds/{rid}/policy", urllib.parse.urlencode({"body": "X", "group_0": "G", "seats_0": "3"}).encode(),
                                     {"Content-Type": "application/x-www-form-urlencoded", "Origin": server.url})
    assert status == 409 and b"several bodies" in page
    assert [f["kind"] for f in server.json("GET", f"/api/rounds/{rid}")[1]["files"]] == ["nominations", "policy"]


def test_past_rosters_in_the_workbench(server):
    """A round uploaded with its past rosters chooses what `select --history` chooses; a new set of past
    rosters replaces the old one (kept, marked replaced); the shipped example starts with its history."""
    folder = ROOT / "examples/mag-history"
    history = sorted((folder / "history").glob("*.csv"))
    parts = [("nominations", ("nominations.csv", (folder / "nominations.csv").read_bytes())),
             ("policy", ("policy.yaml", (folder / "policy.yaml").read_bytes()))] + [("history", (h.name, h.read_bytes())) for h in history]
    body, headers = multipart(parts)
    status, created = server.json("POST", "/api/rounds", body, headers)
    assert status == 201, created
    rid = created["id"]
    status, result = server.json("GET", f"/api/rounds/{rid}/result")
    cli = select(folder / "nominations.csv", "--policy", folder / "policy.yaml", "--history", *history)
    assert status == 200 and [m["id"] for m in result["selected"]] == [m["id"] for m in cli["selected"]]
    assert result["history"] == cli["history"] and result["inputs"]["history_sha256"] == cli["inputs"]["history_sha256"]
    # Without its past rosters the policy is refused with the reason, and nothing is stored.
    body, headers = multipart(parts[:2])
    status, answer = server.json("POST", "/api/rounds", body, headers)
    assert status == 422 and "history" in json.dumps(answer)
    # Only the last two years: a new set replaces the old one.
    body, headers = multipart([("history", (h.name, h.read_bytes())) for h in history[1:]])
    status, summary = server.json("POST", f"/api/rounds/{rid}/files", body, headers)
    assert status == 200, summary
    assert [f["kind"] for f in summary["files"]].count("history") == 2 and [f["kind"] for f in summary["files"]].count("history-replaced") == 3
    status, result = server.json("GET", f"/api/rounds/{rid}/result")
    assert status == 200 and result["history"]["years"] == [2024, 2025]
    # The shipped example starts with its three past rosters.
    status, _, page = server.request("POST", "/rounds/example/mag-history", b"", {"Origin": server.url})
    assert status == 200 and b'id="history"' in page, page[:300]
