"""The JSON API in process: the same JSON as the CLI's --json, one error shape, cached results."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burden.web.app import create_app


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


def assert_error_shape(response, status: int | None = None, code: str | None = None):
    body = response.json()
    assert body["ok"] is False
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == response.status_code
    assert 400 <= response.status_code < 500 or response.status_code == 501
    if status:
        assert response.status_code == status
    if code:
        assert body["error"]["code"] == code


def test_data_rows_are_the_reporting_allies_with_estimates_marked(client):
    api = client.get("/api/data", params={"indicator": "pct_gdp", "edition": "2024-06", "year": "2024"}).json()
    assert len(api) == 31 and all(r["estimate"] for r in api)


def test_data_from_a_partial_edition_says_so_in_a_header_and_a_full_one_does_not(client, cli):
    partial = client.get("/api/data", params={"edition": "2020-10", "year": "2020"})
    note = partial.headers["x-burden-partial-edition"]
    assert note.startswith("partial edition: 2020-10 holds % of GDP for 18 of the 29 allies")
    code, _, err = cli("show", "pct_gdp", "--edition", "2020-10", "--year", "2020", "--json")
    assert code == 0 and f"note: {note}" in err  # the same note the CLI writes beside its JSON
    as_csv = client.get("/api/data", params={"edition": "2020-10", "year": "2020", "format": "csv"})
    assert as_csv.headers["x-burden-partial-edition"] == note
    full = client.get("/api/data", params={"edition": "2024-06", "year": "2024"})
    assert "x-burden-partial-edition" not in full.headers


def test_csv_download_is_an_attachment_with_sources(client):
    response = client.get("/api/data", params={"edition": "2024-06", "year": "2024", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="burden-pct_gdp-2024-06.csv"' in response.headers["content-disposition"]
    lines = response.text.splitlines()
    assert lines[0].startswith("iso3,country,year,value,estimate") and lines[0].endswith("source")
    assert len(lines) == 32


def test_ally_profile_holds_poland_revisions_between_editions(client):
    body = client.get("/api/ally/Poland?edition=2026-07").json()
    assert body["iso3"] == "POL" and body["previous_edition"] == "2025-08"
    assert {r["year"]: r["value"] for r in body["series"]["def_exp_pct_gdp"]}[2024] == pytest.approx(3.75, abs=0.005)
    assert body["source"].endswith("edition 2026-07")


def test_chart_spec_carries_source_line(client):
    spec = client.get("/api/chart/ranking?edition=2024-06").json()
    assert spec["title"]["text"] == "Source: NATO, Defence Expenditure of NATO Countries, edition 2024-06"
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_openapi_schema_lists_every_api_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/overview", "/api/status", "/api/gap", "/api/path", "/api/fairness", "/api/project",
                 "/api/check", "/api/data", "/api/diff", "/api/editions", "/api/ally/{ally}", "/api/chart/{kind}"):
        assert path in schema["paths"], path
    assert not [p for p in schema["paths"] if not p.startswith("/api/")]


@pytest.mark.parametrize("url,status,code", [
    ("/api/data?edition=2024-6", 404, "unknown-value"),
    ("/api/overview?year=abc", 400, "invalid-parameter"),
    ("/api/overview?year=99999", 400, "invalid-year"),
    ("/api/data?year=2031&edition=2024-06", 400, "no-data"),
    ("/api/data?format=xml", 400, "invalid-parameter"),
    ("/api/diff?a=2025-08", 400, "invalid-parameter"),
    ("/api/chart/pie", 404, "unknown-value"),
    ("/api/ally/Polan", 404, "unknown-value"),
    ("/api/nothing-here", 404, "not-found"),
])
def test_bad_requests_get_the_one_json_error_shape(client, url, status, code):
    assert_error_shape(client.get(url), status, code)


def test_bad_check_body_gets_the_error_shape(client):
    assert_error_shape(client.post("/api/check", json={"date": "2025-01-01"}), 400, "invalid-parameter")
    assert_error_shape(client.post("/api/check", content=b"not json", headers={"content-type": "application/json"}), 400)


def test_same_query_is_served_from_the_cache(client):
    app = client.app
    url = "/api/data?indicator=equipment&edition=2025-08&year=2024"
    first = client.get(url).content
    size = len(app.state.cache.store)
    assert client.get(url).content == first
    assert len(app.state.cache.store) == size


def test_static_vega_bundle_is_served_locally(client):
    response = client.get("/static/vendor/vega-bundle.js")
    assert response.status_code == 200
    assert "window.vegaEmbed" in response.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edition=st.text(max_size=12), year=st.text(max_size=6), ally=st.text(max_size=10))
def test_arbitrary_query_values_never_cause_a_server_error(client, edition, year, ally):
    response = client.get("/api/data", params={"edition": edition, "year": year, "ally": ally})
    assert response.status_code < 500
    if response.status_code >= 400:
        assert_error_shape(response)
    else:
        json.loads(response.text)


def test_fairness_api_passes_controls_proxies_and_effort_like_the_cli(client, cli_json):
    params = {"edition": "2026-07", "year": 2025, "controls": "gdp_per_capita", "proxies": "population",
              "effort": 3.5}
    response = client.get("/api/fairness", params=params)
    assert response.status_code == 200
    expected = cli_json("fairness", "--edition", "2026-07", "--year", "2025", "--controls", "gdp_per_capita",
                        "--proxies", "population", "--effort", "3.5")
    assert response.json() == expected
    assert [row["proxy"] for row in response.json()["concordance"]["sensitivity"]] == ["population"]


def test_fairness_api_rejects_an_effort_outside_0_100(client):
    assert_error_shape(client.get("/api/fairness", params={"effort": 150}), status=400)
