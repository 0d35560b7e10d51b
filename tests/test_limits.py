"""Bounds on work (burden.limits): every size parameter is refused beyond its documented limit with one
line before any work starts, and the CLI, the API and the library share the limit."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from burden import limits
from burden.limits import LimitError


@pytest.fixture(scope="module")
def client():
    from burden.web.app import create_app

    return TestClient(create_app())


def test_too_many_paths_fail_before_the_first_path_is_drawn(cli):
    from burden.projections import project_report

    drawn = []
    with pytest.raises(LimitError, match="500,000"):
        project_report(paths=limits.MAX_PATHS + 1, seed=1, progress=drawn.append)
    assert drawn == []
    code, out, err = cli("project", "--paths", "99999999999")
    assert code == 2 and out == "" and err.startswith("error: Monte Carlo paths 99,999,999,999 is beyond the limit")


def test_paths_times_years_have_the_same_limit_in_cli_and_api(cli, client):
    code, _, err = cli("project", "--paths", "100000", "--deadline", "2100", "--seed", "1")
    response = client.get("/api/project", params={"paths": 100000, "deadline": 2100, "seed": 1})
    assert code == 2 and response.status_code == 400
    assert "path-years" in err and err.strip() == f"error: {response.json()['error']['message']}"


def test_api_paths_bound_is_the_library_bound(client):
    assert client.get("/api/project", params={"paths": limits.MAX_PATHS + 1}).status_code == 400


def test_a_text_beyond_the_limit_is_refused_by_cli_api_form_and_library(cli, client):
    from burden.claims import check_text

    text = "NATO " * (limits.MAX_TEXT_CHARS // 5 + 1)
    with pytest.raises(LimitError):
        check_text(text)
    code, out, err = cli("check", "-", input=text)
    assert code == 2 and out == "" and f"{limits.MAX_TEXT_CHARS:,}" in err
    assert client.post("/api/check", json={"text": text}).status_code == 400
    page = client.post("/check", data={"text": text})
    assert page.status_code == 422 and f"{limits.MAX_TEXT_CHARS:,}" in page.text  # shown next to the form


def test_a_batch_beyond_the_limit_is_refused_before_any_text_is_checked(cli, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"text": "x"}) + "\n" for _ in range(limits.MAX_BATCH_ITEMS + 1)))
    code, out, err = cli("check", "--jsonl", str(batch), "--json")
    assert code == 2 and out == "" and f"{limits.MAX_BATCH_ITEMS:,}" in err


def test_sql_results_beyond_the_row_limit_are_refused(cli):
    code, out, err = cli("sql", f"SELECT * FROM range({limits.MAX_SQL_ROWS + 1})", "--csv")
    assert code == 2 and out == "" and f"{limits.MAX_SQL_ROWS:,} rows" in err
    code, out, _ = cli("sql", f"SELECT * FROM range({limits.MAX_SQL_ROWS})", "--csv")
    assert code == 0 and out.count("\n") == limits.MAX_SQL_ROWS + 1


def test_year_ranges_outside_the_limit_are_refused_not_expanded(cli, client):
    code, _, err = cli("show", "pct_gdp", "--year", "1-99999999999")
    assert code == 2 and "1900 to 2100" in err
    assert client.get("/api/data", params={"year": "1-99999999999"}).status_code == 400


@pytest.mark.parametrize("command, number", [("project", limits.MAX_PATHS), ("check", limits.MAX_TEXT_CHARS),
                                             ("sql", limits.MAX_SQL_ROWS)])
def test_help_states_the_limit(cli, command, number):
    code, out, _ = cli(command, "--help")
    assert code == 0 and f"{number:,}" in out
