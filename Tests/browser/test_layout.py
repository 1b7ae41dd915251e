"""The HTML reports in a real browser (Chromium through chromedriver): at 1280 and at 700 px wide, no
page scrolls sideways and every chart's text lies inside its own SVG box; every legend lies inside its
section; printed to A4 (Chromium's print-to-PDF), the report is a clean PDF of a few pages."""

import base64
import os
import subprocess
from pathlib import Path

import pytest
from chromium import browser  # noqa: F401  (the fixture)
from selenium.webdriver.common.print_page_options import PrintOptions

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))

REPORTS = {
    "select-public": ["select", "examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--explain", "--public"],
    "select": ["select", "examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--explain"],
    "compare-public": ["compare", "examples/icg/nominations.csv", "--policy", "examples/icg/policy.yaml", "--public"],
    "audit-public": ["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml", "--pool", "examples/icg/nominations.csv",
                     "--reference", "gender=female:0.5", "--public"],
}




@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for name, args in REPORTS.items():
        path = folder / f"{name}.html"
        done = subprocess.run([str(BINARY), *args, "--output", str(path)], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        out[name] = path
    # A study's report: its spread chart, a cost-of-balance curve and wide tables.
    spec = folder / "study.yaml"
    spec.write_text("pools: { shape: icg, count: 8, seed: 3, women_share: [0.2, 0.4] }\n"
                    f"policy: {ROOT / 'examples/icg/policy.yaml'}\n"
                    "variants:\n  - { name: as-is }\n  - { name: women, sweep: '1:min=6..12/3' }\nmodes: [independent, coordinated]\n")
    done = subprocess.run([str(BINARY), "study", str(spec), "--output", str(folder / "study")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    out["study"] = folder / "study" / "report.html"
    return out


def set_width(driver, width):
    # The window's outer size differs from the viewport by the browser's frame: size the viewport itself.
    driver.set_window_size(width, 900)
    inner = driver.execute_script("return window.innerWidth")
    driver.set_window_size(width + (width - inner), 900)
    assert driver.execute_script("return window.innerWidth") == width


OUTSIDE = """
const out = [];
const inside = (a, b, tol) => a.left >= b.left - tol && a.right <= b.right + tol && a.top >= b.top - tol && a.bottom <= b.bottom + tol;
for (const t of document.querySelectorAll('svg text')) {
  const r = t.getBoundingClientRect(), box = t.closest('svg').getBoundingClientRect();
  if (r.width > 0 && !inside(r, box, 1)) out.push('svg text "' + t.textContent + '" ' + JSON.stringify([r.left, r.right, box.left, box.right]));
}
for (const l of document.querySelectorAll('.legend span')) {
  const r = l.getBoundingClientRect(), box = l.closest('section').getBoundingClientRect();
  if (!inside(r, box, 1)) out.push('legend "' + l.textContent + '"');
}
return out;
"""


@pytest.mark.parametrize("width", [1280, 700])
@pytest.mark.parametrize("name", list(REPORTS) + ["study"])
def test_reflows(browser, pages, tmp_path, name, width):
    set_width(browser, width)
    browser.get(pages[name].as_uri())
    scroll, client = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{name} scrolls sideways at {width} px: {scroll} > {client}"
    assert browser.execute_script(OUTSIDE) == [], f"{name} at {width} px"
    assert browser.execute_script("return document.querySelectorAll('svg').length") > 0
    browser.save_screenshot(str(tmp_path / f"{name}-{width}.png"))


@pytest.mark.parametrize("name", ["select-public", "audit-public"])
def test_prints_to_a4(browser, pages, name):
    browser.get(pages[name].as_uri())
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(browser.print_page(options))
    assert pdf.startswith(b"%PDF")
    pages_printed = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages_printed <= 40, pages_printed


def test_glossary_and_public_words(browser, pages):
    browser.get(pages["select-public"].as_uri())
    text = browser.find_element("tag name", "body").text
    for term in ["rank sum", "at its limit", "price", "p-value"]:
        assert term in text.split("Words used in this report", 1)[1], term
    assert "50 members chosen; every rule met" in text
    assert "objective (rank-sum)" not in text
