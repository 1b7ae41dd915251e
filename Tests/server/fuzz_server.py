"""A fuzzer for the workbench (issue 25): random form and JSON values of every type, sent to every route of a
running server for a while; the server must never die, and no answer may be a 5xx. Run by `make fuzz`
(FUZZ_SECONDS), or: python3 Tests/server/fuzz_server.py --seconds 120 [--seed N]."""

import argparse
import json
import random
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_api import MAG, Server, upload  # noqa: E402

VALUES = [0, 1, -1, 2, 1_000_000, 1_000_001, 2**31, 2**63 - 1, 2**63, 2**64, -2**63, 10**30, 0.5, 1e308, -0.0, float("nan"),
          True, False, None, "", " ", "1", "01", "1e3", "-5", "MAG-001", "MAG-999", "Government", "quota 1", "x" * 20000,
          "\u0000", "\u202e", "é", "../../etc/passwd", "<script>", "%", "%00", "'; DROP TABLE round; --", [], [1], ["MAG-001"],
          {}, {"rule": "1"}, {"Government": 3}, [{"rule": 1, "min": 2}], [[[]]]]
KEYS = ["mode", "seat", "exclude", "bounds", "group_seats", "keep", "alternates", "rule", "min", "max", "side", "value",
        "group", "seats", "body", "method", "draw", "public", "redact", "explain", "name", "group_0", "seats_0",
        "q0_attribute", "q0_values", "q0_min", "q0_max", "q0_scope", "q0_priority", "objective", "seed", "max_terms",
        "continuing", "renewal_min", "lottery_draw", "colour"]


def text(value):
    if isinstance(value, (list, dict)) or value is None or isinstance(value, bool):
        return json.dumps(value)
    return str(value)


def random_json(rng):
    body = {rng.choice(KEYS): rng.choice(VALUES) for _ in range(rng.randint(0, 4))}
    if rng.random() < 0.3:
        body["bounds"] = [{rng.choice(["rule", "min", "max", "x"]): rng.choice(VALUES) for _ in range(rng.randint(0, 3))}]
    if rng.random() < 0.3:
        body["group_seats"] = {rng.choice(["Government", "Nobody", ""]): rng.choice(VALUES)}
    try:
        return json.dumps(body).encode()
    except ValueError:
        return b"{"


def random_form(rng):
    return urllib.parse.urlencode({rng.choice(KEYS): text(rng.choice(VALUES)) for _ in range(rng.randint(0, 6))}).encode()


def random_query(rng):
    return urllib.parse.urlencode({rng.choice(KEYS): text(rng.choice(VALUES)) for _ in range(rng.randint(0, 3))})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder) / "data")
        try:
            rid = upload(server)[1]["id"]
            gets = ["/", "/healthz", "/api/rounds", "/api/rounds/{id}", "/api/rounds/{id}/result", "/api/rounds/{id}/report.json",
                    "/api/rounds/{id}/report.html", "/api/rounds/{id}/explain/{v}", "/rounds/{id}", "/rounds/{id}/nominee/{v}",
                    "/rounds/{id}/policy", "/rounds/{id}/compare", "/rounds/{id}/lottery", "/api/rounds/{id}/policy.yaml", "/audit"]
            posts = [("/api/rounds/{id}/what-if", "json"), ("/rounds/{id}/what-if", "form"), ("/rounds/{id}/keep", "form"),
                     ("/rounds/{id}/policy", "form"), ("/rounds/{id}/repair/{v}", "form"), ("/api/rounds/{id}/cancel", "json"),
                     ("/api/rounds", "json"), ("/rounds", "form")]
            end, count, problems = time.monotonic() + args.seconds, 0, []
            while time.monotonic() < end:
                # Mostly the live round; sometimes another id, a deleted one or garbage.
                target = rng.choice([str(rid)] * 6 + ["0", "-1", "999", "x", "9" * 30])
                v = urllib.parse.quote(text(rng.choice(VALUES))[:300], safe="")
                if rng.random() < 0.5:
                    path = rng.choice(gets).format(id=target, v=v)
                    method, body, headers = rng.choice(["GET", "HEAD"]), None, {}
                    if rng.random() < 0.5:
                        path += "?" + random_query(rng)
                else:
                    path, kind = rng.choice(posts)
                    path = path.format(id=target, v=v)
                    method = "POST"
                    body, headers = (random_json(rng), {"Content-Type": "application/json"}) if kind == "json" else \
                        (random_form(rng), {"Content-Type": "application/x-www-form-urlencoded"})
                status, _, _ = server.request(method, path, body, headers)
                count += 1
                if status >= 500:
                    problems.append(f"{status} {method} {path} {body[:200] if body else ''}")
                if server.process.poll() is not None:
                    print(f"the server died after {count} requests, at {method} {path} {body[:300] if body else ''}")
                    print(server.process.stderr.read()[-3000:])
                    return 1
                if count % 200 == 0 and rng.random() < 0.1:
                    # A fresh round now and then: keeps and policy edits pile up on the old one.
                    rid = upload(server)[1]["id"]
            status, _, _ = server.request("GET", "/healthz")
            print(f"{count} requests in {args.seconds:.0f} s; server alive ({status}); {len(problems)} answers 5xx")
            for p in problems[:20]:
                print("  " + p)
            return 0 if status == 200 and not problems else 1
        finally:
            if server.process.poll() is None:
                server.stop()


if __name__ == "__main__":
    sys.exit(main())
