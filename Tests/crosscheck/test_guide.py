"""The documentation stays true (docs/testing.md, "The guide test"): every command a page of docs/guide/ tells
the reader to type runs, in order, in a temporary folder holding a copy of examples/, and ends with the exit
code the page gives (0 unless a `# exit N` comment says otherwise); files the reader is asked to write
(fenced blocks marked `file=NAME`) are written first; `seatwise serve` is started on a free port, answers over
HTTP, serves the page's later `curl` commands and is stopped. README.md stays under 300 lines, its Commands
table names every subcommand of `seatwise --help`, and every relative link in README.md and docs/**/*.md
points to a file that exists and, with a #fragment, to one of its headings."""

import json
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from conftest import ROOT

GUIDE = ROOT / "docs" / "guide"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# The guide's pages in the order of its index; a page the index does not list still runs, after them.
INDEX_ORDER = ["README.md", "run-a-round.md", "explain-and-defend.md", "impossible-rules.md", "publish.md",
               "audit-and-compare.md", "spreadsheets.md", "turnover.md", "lotteries.md", "workbench.md",
               "several-bodies.md", "research.md", "other-tools.md"]
PAGES = sorted(GUIDE.glob("*.md"), key=lambda p: (INDEX_ORDER.index(p.name) if p.name in INDEX_ORDER else 99, p.name))
DOCUMENTED_PORT = "http://127.0.0.1:8737"

FENCE = re.compile(r"^(\s*)(`{3,})\s*(.*)$")
EXIT = re.compile(r"#\s*exit\s+(\d+)\s*$")
NOT_RUN = re.compile(r"#\s*not run\b:?\s*(.*)$")


def binary():
    """The executable under test, found as conftest's `seatwise` fixture finds it."""
    path = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
    assert path.exists(), f"build seatwise first ({path})"
    return path.resolve()


# --- Reading the pages --------------------------------------------------------------------------------------

def blocks(text):
    """Every fenced block of a Markdown text, in order: (info string, content lines, line of the fence).
    Indented fences (inside a list item) lose their indentation."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, ticks, info = len(m.group(1)), m.group(2), m.group(3).strip()
        start, body, i = i + 1, [], i + 1
        while i < len(lines) and not re.match(r"^\s*" + ticks + r"\s*$", lines[i]):
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            i += 1
        found.append((info, body, start))
        i += 1
    return found


def steps(page):
    """A page's steps in order: ("file", name, text) for a file the reader writes, ("run", command, expected
    exit code or None when not run, reason, line) for a command."""
    out = []
    for info, body, line in blocks(page.read_text(encoding="utf-8")):
        words = info.split()
        named = [w.split("=", 1)[1] for w in words[1:] if w.startswith("file=")]
        if named:
            out.append(("file", named[0], "\n".join(body) + "\n"))
            continue
        if not words or words[0] != "sh":
            continue
        pending = ""
        for offset, raw in enumerate(body):
            text = raw.rstrip()
            if text.endswith("\\"):
                pending += text[:-1].rstrip() + " "
                continue
            command, pending = (pending + text.strip()).strip(), ""
            if not command or command.startswith("#"):
                continue
            not_run, exit_code = NOT_RUN.search(command), EXIT.search(command)
            if not_run:
                out.append(("run", command, None, not_run.group(1) or "marked not run", line + offset))
            else:
                out.append(("run", command, int(exit_code.group(1)) if exit_code else 0, "", line + offset))
        assert not pending, f"{page.name}: a command ends with a line continuation"
    return out


# --- Running a page ------------------------------------------------------------------------------------------

class Server:
    """`seatwise serve` on a free port, for the rest of a page."""

    def __init__(self, args, cwd):
        words = shlex.split(args, comments=True)
        rest, skip = [], False
        for w in words[1:]:
            if skip:
                skip = False
            elif w == "--port":
                skip = True
            elif not w.startswith("--port="):
                rest.append(w)
        self.process = subprocess.Popen([str(binary()), *rest, "--port", "0"], cwd=cwd, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.url = self._first_line(timeout=30).strip().rstrip("/")
        assert re.match(r"^http://127\.0\.0\.1:\d+$", self.url), f"serve printed {self.url!r} first"

    def _first_line(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                return self.process.stdout.readline()
            if self.process.poll() is not None:
                break
        self.stop()
        raise AssertionError(f"seatwise serve printed no URL: {self.process.stderr.read()[-2000:]}")

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.status, response.read()

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)


def run_page(page, folder):
    shutil.copytree(ROOT / "examples", folder / "examples")
    # curl as the pages use it, with --fail: an HTTP error status is a failed command.
    (folder / ".curlrc").write_text("fail\nsilent\nshow-error\nmax-time = 120\n")
    env = dict(os.environ, CURL_HOME=str(folder))
    server, ran = None, 0
    try:
        for step in steps(page):
            if step[0] == "file":
                target = folder / step[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(step[2], encoding="utf-8")
                continue
            _, command, expected, reason, line = step
            where = f"{page.name}:{line}: {command}"
            if expected is None:
                warnings.warn(f"{where}: not run ({reason})")
                continue
            program = shlex.split(command, comments=True)[0]
            if program == "seatwise" and shlex.split(command, comments=True)[1:2] == ["serve"]:
                assert server is None, f"{where}: a second server on one page"
                server = Server(command, folder)
                status, body = server.get("/healthz")
                assert status == 200 and json.loads(body)["status"] == "ok", f"{where}: /healthz answered {status} {body[:200]!r}"
                ran += 1
                continue
            if program == "seatwise":
                shell = shlex.quote(str(binary())) + command[len("seatwise"):]
            else:
                if shutil.which(program) is None:
                    warnings.warn(f"{where}: {program} is not installed; not run")
                    continue
                shell = command
            if DOCUMENTED_PORT in shell:
                assert server is not None, f"{where}: addresses the workbench before the page starts it"
                shell = shell.replace(DOCUMENTED_PORT, server.url)
            done = subprocess.run(["bash", "-c", shell], cwd=folder, env=env, capture_output=True, text=True,
                                  timeout=300)
            assert done.returncode == expected, (
                f"{where}\nexit {done.returncode}, the page says {expected}\n"
                f"stderr: {done.stderr[-2000:]}\nstdout: {done.stdout[-1000:]}")
            ran += 1
    finally:
        if server is not None:
            server.stop()
    return ran


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_guide_commands_run(page, tmp_path):
    ran = run_page(page, tmp_path)
    assert ran > 0, f"{page.name} has no command a reader can type"


def test_the_guide_writes_nothing_in_the_repository():
    """The pages name outputs relative to the folder they run in; run from a copy, none lands here."""
    outputs = {s[1].split()[-1] for p in PAGES for s in steps(p) if s[0] == "run" and "--output" in s[1]}
    assert outputs, "no page writes a report"
    for page in PAGES:
        for step in steps(page):
            if step[0] == "run":
                assert not re.search(r"--output\s+/", step[1]), f"{page.name}: {step[1]} writes outside its folder"


# --- The front door and the links ----------------------------------------------------------------------------

def test_readme_is_a_short_front_door():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300, f"README.md has {len(lines)} lines; the details belong in docs/"


def subcommands(seatwise):
    done = seatwise("--help", expect=0)
    text = done.stdout.split("SUBCOMMANDS:", 1)[1]
    names = re.findall(r"^  ([a-z][a-z-]*)\s", text, flags=re.M)
    assert "select" in names and "serve" in names, done.stdout
    return names


def test_readme_commands_table_names_every_subcommand(seatwise):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\|\s*`([a-z][a-z-]*)`\s*\|", section, flags=re.M)
    missing = [name for name in subcommands(seatwise) if name not in listed]
    assert not missing, f"README.md's Commands table does not list {missing}"


def test_every_page_says_what_it_is_for():
    for doc in DOCS:
        if doc.name == "README.md" and doc.parent == ROOT:
            continue
        paragraphs = [p for p in doc.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        assert paragraphs[0].startswith("# ") and paragraphs[1].startswith("What this page is for"), doc


def slug(heading):
    """GitHub's anchor for a heading: its text in lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    seen, found, fenced = {}, set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            base = slug(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
    return found


def links(path):
    """The targets of a Markdown file's inline links, outside code blocks and inline code."""
    text, out, fenced = path.read_text(encoding="utf-8"), [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith("    "):
            continue
        line = re.sub(r"`[^`]*`", "", line)
        out += re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", line)
    return out


def test_every_relative_link_points_to_a_file_and_heading():
    broken = []
    for doc in DOCS:
        for target in links(doc):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue
            path, _, fragment = target.partition("#")
            resolved = (doc.parent / path).resolve() if path else doc
            if not resolved.exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}: no such file")
            elif fragment and (resolved.is_dir() or resolved.suffix != ".md" or fragment not in anchors(resolved)):
                broken.append(f"{doc.relative_to(ROOT)}: {target}: no heading #{fragment}")
    assert not broken, "\n".join(broken)
