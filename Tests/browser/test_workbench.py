"""The workbench in Chromium (through chromedriver): a new user starts a MAG round from the shipped
example, sees the panel, opens the history, and downloads the public copy; a hostile upload is shown as
problems. Screenshots of each step go to .build/screens/ for a person to look at."""

import os
import subprocess
from pathlib import Path

import pytest
from chromium import browser  # noqa: F401  (the fixture)
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SEATWISE_BIN", ROOT / ".build/debug/seatwise"))
SCREENS = ROOT / ".build/screens"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("workbench")
    process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--data", str(data)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    yield url.rstrip("/")
    process.terminate()
    process.wait(timeout=20)




def shot(driver, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENS / f"{name}.png"))


def test_a_round_from_the_example(server, browser):
    browser.get(server + "/")
    assert "Start a round" in browser.page_source
    shot(browser, "1-rounds")
    browser.find_element("id", "example-mag").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_matches(r"/rounds/\d+$"))
    panel = browser.find_element("id", "panel")
    assert len(panel.find_elements("css selector", "tbody tr")) == 50
    assert "proved optimal" in browser.find_element("tag name", "header").text
    shot(browser, "2-round")
    round_url = browser.current_url
    # Who could take each seat: the same lists as `select --alternates 3`, seat by seat.
    done = subprocess.run([str(BINARY), "select", "examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--alternates", "3",
                           "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    expected = {m["id"]: m["alternates"] for m in __import__("json").loads(done.stdout)["selected"] if m["status"] != "required"}
    rows = browser.find_element("id", "alternates-table").find_elements("css selector", "tbody tr")
    assert len(rows) == len(expected)
    for row in rows:
        cells = row.find_elements("tag name", "td")
        member = cells[1].text.rsplit("[", 1)[1].rstrip("]")
        shown = [part.rsplit("[", 1)[1].rstrip("]") for part in cells[2].text.split("; ")] if "[" in cells[2].text else []
        assert shown == expected[member], member
    assert len(browser.find_element("id", "reserve-table").find_elements("css selector", "tbody tr")) > 0
    # Click a nominee: the explanation in words, with the rules behind it.
    browser.find_element("link text", "MAG-013").click()
    assert "Seated ahead of higher-ranked nominees" in browser.find_element("id", "why").text
    assert "its seats are held by" in browser.find_element("id", "rules").text
    shot(browser, "3-explanation")
    # A what-if from the page: who enters and what it costs; kept as an adjustment.
    browser.get(round_url)
    browser.find_element("css selector", "#what-if input[name=seat]").send_keys("MAG-010")
    browser.find_element("css selector", "#what-if button").click()
    answer = browser.find_element("id", "answer").text
    assert "Pelel Quellkov [MAG-010]" in answer.split(" in;")[0] and "rank sum +" in answer
    assert "alternates for Pelel Quellkov [MAG-010]:" in answer
    shot(browser, "4-what-if")
    browser.find_element("id", "keep").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_to_be(round_url))
    assert "seated by decision of the coordinator" in browser.find_element("id", "kept").text
    assert "MAG-010" in browser.find_element("id", "panel").text
    shot(browser, "5-kept")
    # The policy editor: the YAML is shown; a changed seed is checked and saved as a new version.
    browser.find_element("link text", "Edit the policy").click()
    assert "tie_break" in browser.find_element("id", "policy-yaml").text
    seed = browser.find_element("name", "seed")
    seed.clear()
    seed.send_keys("2027")
    shot(browser, "6-policy")
    browser.find_element("id", "save-policy").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_to_be(round_url))
    assert "2027 (from the policy)" in browser.page_source
    browser.find_element("link text", "Compare independent and coordinated").click()
    assert len(browser.find_element("id", "costs").find_elements("css selector", "tbody tr")) == 4, "one row per MAG group"
    shot(browser, "7-compare")
    browser.find_element("link text", "All rounds").click()
    assert "Multistakeholder Advisory Group renewal" in browser.find_element("id", "round-list").text
    shot(browser, "8-rounds-listed")


def test_audit_a_roster(server, browser):
    browser.get(server + "/")
    browser.find_element("id", "audit-link").click()
    icg = ROOT / "examples/icg"
    browser.find_element("name", "roster").send_keys(str(icg / "roster.csv"))
    browser.find_element("name", "policy").send_keys(str(icg / "policy.yaml"))
    browser.find_element("name", "pool").send_keys(str(icg / "nominations.csv"))
    browser.find_element("css selector", "#audit-form button").click()
    shares = browser.find_element("id", "shares").text
    assert "Expected from the pool" in shares and "female" in shares
    shot(browser, "10-audit")


def test_infeasible_round_repaired_with_one_click(server, browser):
    browser.get(server + "/")
    browser.find_element("id", "example-infeasible").click()
    assert "Why no panel exists" in browser.find_element("id", "diagnosis").text
    shot(browser, "8-infeasible")
    browser.find_element("id", "repair-0").click()
    assert len(browser.find_element("id", "panel").find_elements("css selector", "tbody tr")) > 0
    assert "by decision of the coordinator" in browser.find_element("id", "kept").text
    shot(browser, "9-repaired")
    # The public copy downloads from the round's bar.
    link = browser.find_element("link text", "Public copy (HTML)").get_attribute("href")
    assert link.endswith("/report.html?public=1")


def test_bad_files_show_their_problems(server, browser, tmp_path):
    nominations = tmp_path / "n.csv"
    nominations.write_text("id,name,group,gender,country\nx1,<script>alert(1)</script>,Nowhere,female,KEN\n")
    policy = tmp_path / "p.yaml"
    policy.write_text("body: B\nseats: { Government: 1 }\n")
    browser.get(server + "/")
    browser.find_element("name", "nominations").send_keys(str(nominations))
    browser.find_element("name", "policy").send_keys(str(policy))
    browser.find_element("css selector", "#upload button").click()
    table = browser.find_element("id", "problems")
    assert "n.csv" in table.text and "Nowhere" in table.text
    assert "<script" not in browser.page_source.split("<body", 1)[1].replace("&lt;script", "")
    shot(browser, "11-problems")


def test_upload_to_published_report(server, browser):
    """A new user's whole way: upload the MAG files through the form, see the panel, take the public copy."""
    import urllib.request
    mag = ROOT / "examples/mag"
    browser.get(server + "/")
    browser.find_element("name", "name").send_keys("MAG renewal 2027")
    browser.find_element("name", "nominations").send_keys(str(mag / "nominations.csv"))
    browser.find_element("name", "policy").send_keys(str(mag / "policy.yaml"))
    browser.find_element("css selector", "#upload button").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_matches(r"/rounds/\d+$"))
    assert len(browser.find_element("id", "panel").find_elements("css selector", "tbody tr")) == 50
    shot(browser, "12-uploaded")
    public = browser.find_element("link text", "Public copy (HTML)").get_attribute("href")
    with urllib.request.urlopen(public) as response:
        page = response.read().decode()
        # It opens in the browser (saving it keeps its name).
        assert response.headers["Content-Disposition"].startswith("inline") and "public" in response.headers["Content-Disposition"]
    assert "50 members chosen; every rule met" in page and "Nominees not seated (counted, not named)" in page


def test_the_lottery_of_a_round(server, browser):
    """From a round's bar to its lottery: the chances as `seatwise lottery` gives them, then the draw from
    values typed into the form — the same ticket and panel as the command line's."""
    import json
    browser.get(server + "/")
    browser.find_element("id", "example-mag").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_matches(r"/rounds/\d+$"))
    browser.find_element("link text", "Lottery").click()
    WebDriverWait(browser, 60).until(expected_conditions.presence_of_element_located(("id", "lottery-form")))
    args = ["examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--format", "json"]
    cli = json.loads(subprocess.run([str(BINARY), "lottery", *args], cwd=ROOT, capture_output=True, text=True).stdout)
    page = browser.find_element("tag name", "body").text
    assert f"{100 * cli['minimum']:.2f}%" in page and "Not drawn yet" in page
    shot(browser, "11-lottery")
    browser.find_element("id", "draw-values").send_keys("4 8 15 / 16 23 42")
    browser.find_element("id", "draw").click()
    WebDriverWait(browser, 60).until(expected_conditions.text_to_be_present_in_element(("tag name", "body"), "The panel drawn"))
    drawn = json.loads(subprocess.run([str(BINARY), "lottery", *args, "--draw", "4 8 15 / 16 23 42"], cwd=ROOT, capture_output=True, text=True).stdout)
    text = browser.find_element("tag name", "body").text
    assert f"ticket {drawn['draw']['ticket']}." in text
    assert all(f"[{i}]" in text.split("The panel drawn:")[1] for i in drawn["draw"]["panel"])
    shot(browser, "12-lottery-drawn")


def test_the_page_is_navigable_a_kept_adjustment_undone_and_the_editor_at_700_px(server, browser):
    """A round's long page: a bar of its sections stays at the top, the what-if form is near the top; a
    kept adjustment is undone from the page; the policy editor's every field is inside the page at 700 px."""
    browser.set_window_size(1280, 1000)
    browser.get(server + "/")
    browser.find_element("id", "example-mag").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_matches(r"/rounds/\d+$"))
    round_url = browser.current_url
    contents = browser.find_element("id", "contents")
    targets = [a.get_attribute("href").split("#", 1)[1] for a in contents.find_elements("tag name", "a")]
    assert {"what-if-section", "members", "quotas", "alternates", "glossary"} <= set(targets)
    assert all(browser.find_elements("id", t) for t in targets), "every link has its section"
    # The form is within the first screen and a half; every section one click away, the bar still in view.
    assert browser.find_element("id", "what-if").rect["y"] < 1500
    browser.find_element("css selector", "#contents a[href='#glossary']").click()
    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return window.scrollY") > 3000)
    glossary_top = browser.execute_script("return document.getElementById('glossary').getBoundingClientRect().top")
    assert 0 <= glossary_top < 200
    assert browser.execute_script("return document.getElementById('contents').getBoundingClientRect().top") == 0, "the bar stays at the top"
    shot(browser, "13-contents")
    # Keep an exclusion, then undo it on the page: the member is back and the kept list is gone.
    member_id = "MAG-013"
    assert member_id in browser.find_element("id", "panel").text
    browser.find_element("css selector", "#what-if input[name=exclude]").send_keys(member_id)
    browser.find_element("css selector", "#what-if button").click()
    browser.find_element("id", "keep").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_to_be(round_url))
    assert member_id not in browser.find_element("id", "panel").text and "excluded by decision" in browser.find_element("id", "kept").text
    browser.find_element("css selector", "#kept button").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_to_be(round_url))
    assert member_id in browser.find_element("id", "panel").text
    assert not browser.find_elements("id", "kept")
    shot(browser, "14-undone")
    # The editor at 700 px: every field of the seats and quotas tables lies inside its section.
    browser.set_window_size(700, 1000)
    try:
        browser.find_element("link text", "Edit the policy").click()
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width, "nothing wider than the window"
        section = browser.find_element("id", "editor").rect
        for field in browser.find_elements("css selector", "#policy-form td input, #policy-form td select"):
            box = field.rect
            assert box["x"] >= section["x"] and box["x"] + box["width"] <= section["x"] + section["width"] + 0.5, field.get_attribute("name")
        hard = browser.find_element("name", "q0_hard").rect
        assert hard["x"] + hard["width"] <= width
        shot(browser, "15-editor-700")
    finally:
        browser.set_window_size(1280, 1000)
