"""The workbench answers as the command line does: a lottery policy's what-if, explanation and comparison
are refused on both with the same words (409 with a JSON body; exit 2), and for a ranked policy every
route states what the command gives on the same files."""

import json
import subprocess
import urllib.parse

import pytest
import yaml

from test_api import BINARY, ROOT, Server, server, upload  # noqa: F401 (server: the fixture)


def cli(*args):
    return subprocess.run([str(BINARY), *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def facts(value):
    """A report without where its files were read from (the workbench stores them by name)."""
    if isinstance(value, dict):
        return {k: facts(v) for k, v in value.items() if k not in ("inputs", "tool")}
    if isinstance(value, list):
        return [facts(v) for v in value]
    return value


def lottery_folder(tmp_path):
    icg = ROOT / "examples/icg"
    policy = yaml.safe_load((icg / "policy.yaml").read_text())
    policy.update(objective="lottery", lottery={"method": "maximin"})
    folder = tmp_path / "lottery"
    folder.mkdir()
    (folder / "nominations.csv").write_bytes((icg / "nominations.csv").read_bytes())
    (folder / "policy.yaml").write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
    return folder


def test_what_the_command_line_refuses_the_workbench_refuses(server, tmp_path):
    folder = lottery_folder(tmp_path)
    files = [folder / "nominations.csv", "--policy", folder / "policy.yaml"]
    rid = upload(server, folder)[1]["id"]
    questions = tmp_path / "questions.yaml"
    questions.write_text("- { name: one, seat: [ICG-001] }\n")
    refusals = {
        "what-if": (cli("what-if", *files, "--questions", questions), ("POST", f"/api/rounds/{rid}/what-if", json.dumps({"seat": ["ICG-001"]}).encode())),
        "explain": (cli("explain", *files, "--nominee", "ICG-001"), ("GET", f"/api/rounds/{rid}/explain/ICG-001", None)),
        "compare": (cli("compare", *files), ("GET", f"/api/rounds/{rid}/compare", None)),
    }
    for command, (done, (method, path, body)) in refusals.items():
        assert done.returncode == 2, command
        status, answer = server.json(method, path, body, {"Content-Type": "application/json"} if body else None)
        assert status == 409, (command, status, answer)
        assert answer["error"] in done.stderr, (command, answer["error"], done.stderr)
    # The page forms too: nothing is solved or kept.
    form = urllib.parse.urlencode({"seat": "ICG-001"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": server.url}
    assert server.request("POST", f"/rounds/{rid}/what-if", form, headers)[0] == 409
    assert server.request("POST", f"/rounds/{rid}/keep", form, headers)[0] == 409
    assert server.request("GET", f"/rounds/{rid}/compare")[0] == 409
    # Options of a ranked selection asked of a lottery policy: refused with the command line's words.
    done = cli("select", *files, "--public")
    status, _, body = server.request("GET", f"/api/rounds/{rid}/report.html?public=1")
    assert done.returncode == 2 and status == 409 and json.loads(body)["error"] in done.stderr


def test_every_route_states_what_the_command_gives(server):
    mag = ROOT / "examples/mag"
    files = [mag / "nominations.csv", "--policy", mag / "policy.yaml"]
    rid = upload(server, mag)[1]["id"]
    selected = json.loads(cli("select", *files, "--format", "json", "--alternates", "3").stdout)
    status, result = server.json("GET", f"/api/rounds/{rid}/report.json?alternates=3")
    assert status == 200
    for key in ("selected", "quotas", "groups", "objective", "alternates", "status"):
        assert result[key] == selected[key], key
    explained = json.loads(cli("explain", *files, "--nominee", "MAG-255", "--format", "json").stdout)
    status, answer = server.json("GET", f"/api/rounds/{rid}/explain/MAG-255")
    assert status == 200 and answer["reason"] == explained["explanations"][0]["reason"] == "cannot_be_seated"
    compared = json.loads(cli("compare", *files, "--format", "json").stdout)
    status, answer = server.json("GET", f"/api/rounds/{rid}/compare")
    assert status == 200
    for key in ("independent", "coordinated", "groups", "differences"):
        assert facts(answer[key]) == facts(compared[key]), key


def test_a_round_with_kept_adjustments_states_its_difference_as_select_does(server):
    mag = ROOT / "examples/mag"
    files = [mag / "nominations.csv", "--policy", mag / "policy.yaml"]
    rid = upload(server, mag)[1]["id"]
    base = json.loads(cli("select", *files, "--format", "json").stdout)
    out = next(m["id"] for m in base["selected"] if m["status"] == "new")
    status, _ = server.json("POST", f"/api/rounds/{rid}/what-if", json.dumps({"exclude": [out], "keep": True}).encode(), {"Content-Type": "application/json"})
    assert status == 200
    expected = json.loads(cli("select", *files, "--exclude", out, "--format", "json").stdout)
    for route in ("result", "report.json"):
        status, got = server.json("GET", f"/api/rounds/{rid}/{route}")
        assert status == 200 and got["difference"] == expected["difference"], route
        assert [m["id"] for m in got["selected"]] == [m["id"] for m in expected["selected"]]
    status, _, page = server.request("GET", f"/rounds/{rid}")
    assert status == 200 and b'id="difference"' in page and out.encode() in page.split(b'id="difference"', 1)[1].split(b"</section>", 1)[0]
