"""Shared fixtures for the cross-checks: the built `seatwise` executable and a runner for it."""

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seatwise():
    binary = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
    assert binary.exists(), f"build seatwise first ({binary})"

    def run(*args, expect=None):
        done = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True, timeout=600)
        if expect is not None:
            assert done.returncode == expect, f"exit {done.returncode}: {done.stderr[-2000:]}"
        return done

    return run


@pytest.fixture
def write_body(tmp_path):
    def write(csv_text, policy, name="body"):
        nominations = tmp_path / f"{name}.csv"
        nominations.write_text(csv_text, encoding="utf-8")
        policy_path = tmp_path / f"{name}.yaml"
        policy_path.write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
        return nominations, policy_path

    return write


def report(done):
    return json.loads(done.stdout)


def first_feasible(seatwise, write_body, draws, *extra):
    """The first of `draws` ((csv text, policy, …) tuples) whose selection has a panel, written to files:
    (nominations, policy path, the draw); the test is skipped when none has."""
    for drawn in draws:
        nominations, policy_path = write_body(drawn[0], drawn[1])
        if seatwise("select", nominations, "--policy", policy_path, *extra).returncode == 0:
            return nominations, policy_path, drawn
    pytest.skip("no feasible body drawn")
