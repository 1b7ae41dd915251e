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
