"""A running `burden serve` answers from the new data after `burden import` in another process, without
a restart: the editions list and a claim whose date falls after the new edition's release both change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from burden.importers import parse_nato_workbook
from conftest import FIXTURES
from local_helpers import free_port

WORKBOOK = FIXTURES / "nato" / "valid_minimal.xlsx"
NEW_EDITION = "2030-01"  # released (by its label) on 2030-01-31, after every shipped edition
ARTICLE_DATE = "2030-02-15"
BURDEN = [sys.executable, "-c", "from burden.cli import main; main()"]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=60) as resp:
        return json.load(resp)


def _page(base: str) -> str:
    with urllib.request.urlopen(base + "/editions", timeout=60) as resp:
        return resp.read().decode("utf-8")


def _check(base: str, text: str) -> dict:
    body = json.dumps({"text": text, "date": ARTICLE_DATE}).encode()
    req = urllib.request.Request(base + "/api/check", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.load(resp)


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    """Answers of one server process before and after an import run by a second process."""
    data_dir = tmp_path_factory.mktemp("live-data")
    env = {**os.environ, "BURDEN_DATA_DIR": str(data_dir)}
    env.pop("BURDEN_EDITION", None)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*BURDEN, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base + "/api/editions")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(
                        f"burden serve did not start: {server.stderr.read().decode() if server.poll() else ''}"
                    )
                time.sleep(0.2)
        pol = next(
            r
            for r in parse_nato_workbook(WORKBOOK, NEW_EDITION).records
            if (r["iso3"], r["indicator"], r["year"]) == ("POL", "def_exp_pct_gdp", 2024)
        )
        claim = f"Poland spent {pol['value']:.2f}% of GDP on defence in 2024."
        before = {"editions": _get(base + "/api/editions"), "check": _check(base, claim), "page": _page(base)}
        imported = subprocess.run(
            [*BURDEN, "import", "nato", str(WORKBOOK), "--edition", NEW_EDITION],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert imported.returncode == 0, imported.stderr
        after = {"editions": _get(base + "/api/editions"), "check": _check(base, claim), "page": _page(base)}
        assert server.poll() is None, "the server restarted or died"
        yield before, after
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_editions_api_lists_an_edition_imported_by_another_process(before_and_after):
    before, after = before_and_after
    assert NEW_EDITION not in [r["edition"] for r in before["editions"]]
    new = [r for r in after["editions"] if r["edition"] == NEW_EDITION]
    assert len(new) == 1 and new[0]["origin"] == "imported"
    assert f'value="{NEW_EDITION}"' not in before["page"] and f'value="{NEW_EDITION}"' in after["page"]


def test_claim_dated_after_the_new_edition_is_judged_on_it_without_a_restart(before_and_after):
    before, after = before_and_after
    assert before["check"]["edition_as_of"] != NEW_EDITION
    assert after["check"]["edition_as_of"] == NEW_EDITION
    claim_before, claim_after = before["check"]["claims"][0], after["check"]["claims"][0]
    assert claim_before["edition"] != NEW_EDITION
    assert claim_after["edition"] == NEW_EDITION and claim_after["verdict"] == "supported"
    assert claim_before["verdict"] != claim_after["verdict"]
