"""Figures for the limits a run promises (part of `make bench`, never a timed test):
  - `--time-limit T` bounds the whole command's solving at 20,000 nominees: select --explain, and an
    infeasible policy's diagnosis with --repair (when solving ended, from the run's --progress lines, and
    the whole process with reading and writing the report, against T);
  - Ctrl-C stops each phase of a 20,000-nominee run (selecting, explaining, diagnosing) quickly: seconds
    from SIGINT to exit, with the exit code."""
import subprocess
import time
from pathlib import Path

INFEASIBLE = "  - { attribute: gender, value: female, max: 1, per: group }\n"


def generate(binary, folder, nominees, seats, infeasible=False):
    subprocess.run([binary, "generate", "--nominees", str(nominees), "--seats", str(seats), "--seed", "4", "--output", folder],
                   check=True, capture_output=True)
    if infeasible:
        policy = Path(folder) / "policy.yaml"
        policy.write_text(policy.read_text().replace("quotas:\n", "quotas:\n" + INFEASIBLE))
    return Path(folder) / "nominations.csv", Path(folder) / "policy.yaml"


def timed(cmd):
    """Seconds until solving ended (the report begins: `progress: writing`), seconds for the whole
    process, and its exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(map(str, cmd)) + ["--progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    solved = None
    for line in proc.stderr:
        if line.startswith("progress: writing"):
            solved = time.perf_counter() - start
    proc.wait()
    return solved, time.perf_counter() - start, proc.returncode


def interrupted(cmd, phase):
    """Seconds from SIGINT (sent 0.3 s into `phase`) to the process's exit, and its exit code."""
    proc = subprocess.Popen(list(map(str, cmd)) + ["--progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if line.startswith(f"progress: {phase}"):
            break
    time.sleep(0.3)
    if proc.poll() is not None:
        return None, proc.returncode
    sent = time.perf_counter()
    proc.send_signal(2)
    proc.communicate()
    return time.perf_counter() - sent, proc.returncode


def rows(binary, tmp):
    n, s = 20000, 600
    feasible = generate(binary, tmp / "limit", n, s)
    infeasible = generate(binary, tmp / "limit-infeasible", n, s, infeasible=True)
    out = []
    for label, (nominations, policy), extra, limit in [
        ("select --explain --time-limit 2", feasible, ["--explain"], 2),
        ("select --explain --time-limit 5", feasible, ["--explain"], 5),
        ("infeasible: select --repair --time-limit 5", infeasible, ["--repair"], 5),
    ]:
        solved, seconds, code = timed([binary, "select", nominations, "--policy", policy, "--format", "json", "--output", tmp / "limit.json",
                                       "--time-limit", str(limit), *extra])
        solving = "–" if solved is None else f"{solved:.2f} s"
        out.append(("time limit", f"{label} ({n:,} nominees)", f"solving ended at {solving}, whole process {seconds:.2f} s (limit {limit} s), exit {code}"))
    for phase, (nominations, policy), extra in [("selecting", feasible, []), ("explaining", feasible, ["--explain"]),
                                                ("diagnosing", infeasible, ["--repair"])]:
        seconds, code = interrupted([binary, "select", nominations, "--policy", policy, "--format", "json",
                                     "--output", tmp / "ctrlc.json", *extra], phase)
        text = "finished before the signal" if seconds is None else f"{seconds:.2f} s to stop, exit {code}"
        out.append(("Ctrl-C", f"while {phase} ({n:,} nominees)", text))
    return out


def what_if_rows(binary, tmp):
    """What-if latency in one process (median of 50 questions: seat one nominee, exclude another), and
    the same questions answered by a `select` process each, at 600/55 and 5,000/200."""
    import re
    import statistics
    out = []
    for n, s in [(600, 55), (5000, 200)]:
        nominations, policy = generate(binary, tmp / f"whatif{n}", n, s)
        ids = [line.split(",")[0] for line in nominations.read_text().splitlines()[1:]]
        picks = [ids[(k * 7919) % len(ids)] for k in range(50)]
        questions = tmp / f"questions{n}.yaml"
        questions.write_text("".join(f"- {{ name: q{k}, seat: [{p}] }}\n" for k, p in enumerate(picks)))
        done = subprocess.run([str(binary), "what-if", str(nominations), "--policy", str(policy), "--questions", str(questions), "--timings"],
                              capture_output=True, text=True)
        median = float(re.search(r"median=([\d.]+)", done.stderr).group(1))
        warm = re.search(r"warm=(\d+) cold=(\d+)", done.stderr)
        processes = []
        for p in picks[:10]:
            start = time.perf_counter()
            subprocess.run([str(binary), "select", str(nominations), "--policy", str(policy), "--seat", p, "--format", "json"],
                           capture_output=True)
            processes.append(time.perf_counter() - start)
        per_process = statistics.median(processes)
        out.append(("what-if", f"{n:,} / {s:,}: one question in process (median of 50)",
                    f"{median * 1000:.1f} ms ({warm.group(1)} re-solved warm on the kept problem, {warm.group(2)} built afresh); "
                    f"a `select` process per question {per_process * 1000:.0f} ms ({per_process / median:.1f}× slower)"))
    return out


def http_what_if_rows(binary, tmp):
    """What-if latency over HTTP at 600/55: the workbench on a free loopback port, one round uploaded,
    50 questions (seat one nominee each) asked one after another; the median and the slowest."""
    import json
    import statistics
    import urllib.request
    import uuid
    nominations, policy = generate(binary, tmp / "http600", 600, 55)
    server = subprocess.Popen([str(binary), "serve", "--port", "0", "--data", str(tmp / "http-data")], stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip().rstrip("/")
        boundary = uuid.uuid4().hex
        body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{path.name}\"\r\n\r\n".encode()
                        + path.read_bytes() + b"\r\n" for name, path in [("nominations", nominations), ("policy", policy)]) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(url + "/api/rounds", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        rid = json.load(urllib.request.urlopen(request))["id"]
        urllib.request.urlopen(url + f"/api/rounds/{rid}/result").read()  # opens the round's session
        ids = [line.split(",")[0] for line in nominations.read_text().splitlines()[1:]]
        seconds = []
        for k in range(50):
            question = json.dumps({"seat": [ids[(k * 7919) % len(ids)]]}).encode()
            start = time.perf_counter()
            try:
                urllib.request.urlopen(urllib.request.Request(url + f"/api/rounds/{rid}/what-if", data=question)).read()
            except urllib.error.HTTPError as error:
                error.read()  # a withdrawn nominee cannot be seated: answered 422, still timed
            seconds.append(time.perf_counter() - start)
        return [("workbench", "600 / 55: one what-if over HTTP (median of 50, loopback)",
                 f"{statistics.median(seconds) * 1000:.1f} ms (slowest {max(seconds) * 1000:.1f} ms)")]
    finally:
        server.terminate()
        server.wait(timeout=20)


def workbench_rows(binary, tmp, clients=20, seconds=60):
    """The workbench under use: the first render of a fresh 600-nominee round's page in headless
    Chromium (upload to page shown: solve, explanations, report), then `clients` clients each asking
    what-ifs on a round of its own for `seconds` (loopback, threads): answers, errors, latency, and
    every round still there afterwards."""
    import json
    import statistics
    import threading
    import urllib.request
    import uuid
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    nominations, policy = generate(binary, tmp / "load600", 600, 55)
    server = subprocess.Popen([str(binary), "serve", "--port", "0", "--data", str(tmp / "load-data")], stdout=subprocess.PIPE, text=True)
    rows = []
    try:
        url = server.stdout.readline().strip().rstrip("/")
        boundary = uuid.uuid4().hex
        body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{path.name}\"\r\n\r\n".encode()
                        + path.read_bytes() + b"\r\n" for name, path in [("nominations", nominations), ("policy", policy)]) + f"--{boundary}--\r\n".encode()
        def upload():
            request = urllib.request.Request(url + "/api/rounds", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
            return json.load(urllib.request.urlopen(request))["id"]
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            first = upload()
            start = time.perf_counter()
            driver.get(f"{url}/rounds/{first}")
            assert driver.find_element("id", "panel")
            render = time.perf_counter() - start
        finally:
            driver.quit()
        rows.append(("workbench", "600 / 55: first render of a fresh round's page in Chromium (solve, report, each member's reason)", f"{render:.2f} s"))
        rounds = [upload() for _ in range(clients)]
        ids = [line.split(",")[0] for line in nominations.read_text().splitlines()[1:]]
        latencies, errors, lock = [], [], threading.Lock()
        stop = time.perf_counter() + seconds
        def client(k, rid):
            n = 0
            while time.perf_counter() < stop:
                question = json.dumps({"seat": [ids[(k * 131 + n * 7919) % len(ids)]]}).encode()
                began = time.perf_counter()
                try:
                    urllib.request.urlopen(urllib.request.Request(f"{url}/api/rounds/{rid}/what-if", data=question), timeout=120).read()
                except urllib.error.HTTPError as error:
                    error.read()
                    if error.code != 422:  # a withdrawn nominee cannot be seated: a proper answer
                        with lock: errors.append(error.code)
                except Exception as error:  # noqa: BLE001 - every failure counts
                    with lock: errors.append(repr(error))
                with lock: latencies.append(time.perf_counter() - began)
                n += 1
        threads = [threading.Thread(target=client, args=(k, rid)) for k, rid in enumerate(rounds)]
        for t in threads: t.start()
        for t in threads: t.join()
        listed = {r["id"] for r in json.load(urllib.request.urlopen(url + "/api/rounds"))["rounds"]}
        lost = [rid for rid in rounds + [first] if rid not in listed]
        latencies.sort()
        rows.append(("workbench", f"{clients} clients, what-ifs on their own rounds for {seconds} s (loopback)",
                     f"{len(latencies)} answers, {len(errors)} errors, {len(lost)} rounds lost; median {statistics.median(latencies) * 1000:.0f} ms, "
                     f"95th percentile {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows
