"""The service layer validates once with one set of rules: the same bad value gets the same one-line
error from the CLI, the API and the library."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from burden import validators
from burden.compliance import parse_growth
from burden.errors import BurdenError
from burden.projections.inputs import check_rate
from burden.web.app import create_app

BOUND = f"between {validators.GROWTH_MIN_PCT:g} and {validators.GROWTH_MAX_PCT:g} % a year"


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


@pytest.mark.parametrize("rate", ["31", "-21", "150"])
def test_one_growth_bound_for_path_and_project_in_cli_and_api(cli, client, rate):
    for command in (["path", "--target", "hague-core"], ["project", "--paths", "100", "--seed", "1"]):
        code, _, err = cli(*command, "--growth", rate)
        assert code == 2 and BOUND in err, err
    for path in ("/api/path", "/api/project"):
        response = client.get(path, params={"growth": rate})
        assert response.status_code == 400 and BOUND in response.json()["error"]["message"]


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_library_entry_points_share_the_growth_rule(rate):
    inside = validators.GROWTH_MIN_PCT <= rate <= validators.GROWTH_MAX_PCT
    outcomes = []
    for call in (
        lambda: check_rate(rate, "growth"),
        lambda: parse_growth(rate),
        lambda: validators.growth_rate(rate),
    ):
        try:
            call()
            outcomes.append(True)
        except BurdenError:
            outcomes.append(False)
    assert outcomes == [inside] * 3


def test_growth_spec_reads_one_rate_or_per_ally_rates():
    assert validators.growth_spec("1.5") == 1.5
    assert validators.growth_spec("DEU=0.8,FRA=1.1") == {"DEU": 0.8, "FRA": 1.1}
    assert validators.growth_spec(["1.2", "POL=3"]) == {"*": 1.2, "POL": 3.0}
    assert validators.growth_spec(None) is None


@pytest.mark.parametrize("value,code", [("2024-02-30", "invalid-date"), ("yesterday", "invalid-date")])
def test_a_bad_date_is_one_error_for_the_cli_and_the_api(cli, client, value, code):
    exit_code, _, err = cli("members", "--as-of", value)
    assert exit_code == 2 and "YYYY-MM-DD" in err
    response = client.post("/api/check", json={"text": "Poland spent 4% of GDP.", "date": value})
    assert response.status_code == 400 and response.json()["error"]["code"] == code


def test_text_limit_is_the_same_for_the_api_and_the_form(client):
    too_long = "x" * (validators.MAX_TEXT_CHARS + 1)
    assert client.post("/api/check", json={"text": too_long}).status_code == 400
    assert client.post("/check", data={"text": too_long}).status_code == 422
