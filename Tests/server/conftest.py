"""The server fixture every workbench test uses: `seatwise serve` on a free loopback port, its data in
the test's own folder, stopped after the test."""

import pytest

from test_api import Server


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "data")
    yield s
    s.stop()
