"""End to end in headless Chromium (Debian's package, driven by Playwright) against a real uvicorn
server: every page loads without console errors, charts draw, selectors and forms work, and the
report opens with the network cut. Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from local_helpers import free_port, offline_file_page

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),  # one worker: one Chromium and one server per run (`--dist loadgroup`)
]


@pytest.fixture(autouse=True, scope="module")
def chromium_present():
    """Skips without chromium on a user's machine; fails in CI (CI=true), where .ci/run installs it."""
    from conftest import require

    require(CHROMIUM.exists(), "/usr/bin/chromium is absent (apt-get install chromium)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real uvicorn process on a free loopback port."""
    port = free_port()
    env = {**os.environ, "BURDEN_DATA_DIR": str(tmp_path_factory.mktemp("browser-data"))}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "burden.web.app:app", "--host", "127.0.0.1",
                             "--port", str(port), "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/api/editions", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("uvicorn did not start")
            time.sleep(0.2)
    urllib.request.urlopen(base + "/static/vendor/vega-bundle.js", timeout=30).read()  # build the bundle once
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def wait_for_charts(pg) -> int:
    """Wait until every chart on the page is drawn (or reported unavailable); the number drawn."""
    pg.wait_for_function("""() => [...document.querySelectorAll('figure.chart')]
        .every(f => f.classList.contains('drawn') || f.classList.contains('unavailable'))""", timeout=20000)
    return pg.locator("figure.chart.drawn svg").count()


@pytest.mark.parametrize("path,heading", [
    ("/", "NATO defence expenditure"),
    ("/ally/POL", "Poland"),
    ("/compliance?edition=2024-06", "Who meets the target"),
    ("/fairness", "Fair shares"),
    ("/projections", "Projections to 2035"),
    ("/data?edition=2024-06&year=2024", "Data browser"),
    ("/editions", "Editions and revisions"),
    ("/responsibility?edition=2026-07", "Responsibility sharing"),
])
def test_page_loads_and_draws_its_charts_without_console_errors(server, page, path, heading):
    page.goto(server + path)
    assert heading in page.locator("h1").inner_text()
    charts = page.locator("figure.chart").count()
    drawn = wait_for_charts(page)
    shot(page, "page" + path.split("?")[0].replace("/", "-").rstrip("-"))
    assert page.errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1200  # no table pushes the page sideways
    if path in ("/", "/ally/POL", "/editions", "/responsibility?edition=2026-07"):
        assert drawn == charts > 0


def test_choosing_an_ally_and_an_edition_updates_the_ally_page(server, page):
    page.goto(server + "/ally")
    page.select_option("[data-testid=ally-select]", "DEU")
    page.wait_for_url("**/ally/DEU*")
    assert "Germany" in page.locator("#ally-name").inner_text()
    page.select_option("[data-testid=edition-select]", "2024-06")
    page.wait_for_url("**/ally/DEU?edition=2024-06")
    assert "edition 2024-06" in page.locator(".lede").inner_text()
    wait_for_charts(page)
    shot(page, "ally-germany-2024-06")
    assert page.errors == []


def test_changing_the_edition_on_the_overview(server, page):
    page.goto(server + "/")
    page.select_option("[data-testid=edition-select]", "2024-06")
    page.wait_for_url("**/?edition=2024-06")
    assert "2024" in page.locator("h1").inner_text()
    assert page.locator("#ranking tbody tr").count() == 31
    assert page.errors == []


def test_claim_check_form_submits_and_shows_the_result(server, page):
    page.goto(server + "/check")
    page.fill("[data-testid=text]", "Poland spent 4.12% of GDP on defence in 2024, the most in NATO.")
    page.fill("[data-testid=date]", "2024-07-01")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Claim checker"
    assert page.input_value("[data-testid=text]").startswith("Poland spent 4.12%")  # the text is kept
    body = page.locator("main").inner_text()
    assert "checkable claim" in body or "unavailable" in body
    if "checkable claim" in body:
        assert "Poland spent 4.12% of GDP" in page.locator(".annotated").inner_text()
    shot(page, "check-result")
    assert page.errors == []


def test_report_opens_offline_and_draws_every_chart(browser, tmp_path):
    from burden.report import write_report

    path = write_report(tmp_path / "report.html")
    with offline_file_page(browser, path) as (pg, blocked, errors):
        figures = pg.locator("figure.chart").count()
        assert figures >= 5
        assert wait_for_charts(pg) == figures
        shot(pg, "report-offline")
    assert blocked == [] and errors == []


def test_claim_result_reads_in_words_with_both_values_of_a_revision(server, page):
    page.goto(server + "/check")
    page.fill("[data-testid=text]", "Poland spent 4.12% of GDP on defence in 2024.")
    page.fill("[data-testid=date]", "2024-07-01")
    page.click("button[type=submit]")
    page.wait_for_selector("#claim-count")
    revised = page.locator(".claim .revised").first.inner_text()
    assert revised.startswith("Revised since: edition ") and "(edition 2024-06 said 4.12)" in revised
    assert "supported by the figures" in page.locator(".claim .verdict-words").first.inner_text()
    page.locator(".claim details summary").first.click()
    assert "NATO estimate" in page.locator("table.evidence").first.inner_text()
    shot(page, "check-revised-in-words")
    assert page.errors == []


def test_claim_form_error_appears_next_to_the_form(server, page):
    page.goto(server + "/check")
    page.fill("[data-testid=text]", "   ")
    page.click("button[type=submit]")
    error = page.locator("#check-form .form-error")
    error.wait_for()
    assert "empty" in error.inner_text()
    assert page.locator("h1").inner_text() == "Claim checker"  # the form page, not an error page
    shot(page, "check-form-error")
