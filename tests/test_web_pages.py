"""Every page in process: rendered content, links to the JSON twin, errors as an HTML page."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from burden.limits import MAX_TEXT_CHARS
from burden.web.app import annotate, create_app


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


@pytest.mark.parametrize("url,expected", [
    ("/", "NATO defence expenditure, 2026"),
    ("/?edition=2024-06", "edition 2024-06"),
    ("/ally", "choose an ally"),
    ("/ally/POL", "Poland"),
    ("/compliance?edition=2024-06&target=2", "Who meets the target"),
    ("/fairness", "Fair shares"),
    ("/projections", "Projections to 2035"),
    ("/check", "Claim checker"),
    ("/data?edition=2024-06&year=2024", "31 rows"),
    ("/editions", "What NATO revised"),
])
def test_page_renders(client, url, expected):
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert expected in response.text
    assert "/static/vendor/vega-bundle.js" in response.text
    assert "https://" not in "".join(line for line in response.text.splitlines() if "<script" in line)


def test_overview_marks_estimates_and_counts(client):
    html = client.get("/?edition=2024-06").text
    assert 'class="est"' in html
    assert "of 31 reporting allies at or above 2% of GDP" in html


def test_ally_selector_redirects_to_ally_page(client):
    response = client.get("/ally?ally=Türkiye&edition=2025-08", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/ally/TUR?edition=2025-08"


def test_data_page_links_csv_and_json_downloads(client):
    page = client.get("/data?indicator=pct_gdp&edition=2024-06&year=2024").text
    csv_href = html.unescape(re.search(r'id="download-csv" href="([^"]+)"', page).group(1))
    assert csv_href == "/api/data?indicator=pct_gdp&edition=2024-06&year=2024&format=csv"
    assert client.get(csv_href).text.count("\n") == 32


def test_unknown_edition_on_a_page_is_an_html_error(client):
    response = client.get("/?edition=1999-01")
    assert response.status_code == 404
    assert "unknown edition" in response.text and "<html" in response.text


def test_check_form_posts_and_shows_a_result_or_why_not(client):
    response = client.post("/check", data={"text": "Poland spent 4.12% of GDP on defence in 2024.",
                                           "date": "2024-07-01"})
    assert response.status_code == 200
    assert "Poland spent 4.12% of GDP" in response.text
    assert 'id="claim-count"' in response.text or "unavailable" in response.text


@pytest.mark.parametrize("form,code", [
    ({"text": "  "}, "empty-text"),
    ({"text": "x" * (MAX_TEXT_CHARS + 1)}, "limit-exceeded"),
    ({"text": "Poland spent 4.12% of GDP on defence in 2024.", "date": "2024-13-45"}, "invalid-date"),
])
def test_a_bad_claim_form_shows_the_reason_next_to_the_form(client, form, code):
    response = client.post("/check", data=form)
    assert response.status_code == 422
    assert f'class="form-error" id="form-error" role="alert" data-code="{code}"' in response.text
    assert 'id="check-form"' in response.text and "Error 4" not in response.text
    assert 'aria-invalid="true"' in response.text


def test_annotate_cuts_text_at_claim_spans_and_skips_overlaps():
    text = "Poland spent 4%. Germany spent 2%."
    parts = annotate(text, [{"span": [0, 16], "verdict": "true"}, {"span": [5, 10]}, {"span": [17, 34]}])
    assert "".join(seg for seg, _ in parts) == text
    assert [seg for seg, claim in parts if claim] == ["Poland spent 4%.", "Germany spent 2%."]


PEOPLE_PAGES = ["/", "/responsibility", "/ally/POL", "/ally/ISL", "/compliance?edition=2019-06", "/fairness", "/data?edition=2024-06",
                "/editions", "/projections?edition=2024-06"]
PYTHON_VALUE = re.compile(r"\b(True|False|None|nan|NaN)\b")


def _visible_text(page_html: str) -> str:
    body = re.sub(r"<script.*?</script>", "", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("url", PEOPLE_PAGES)
def test_pages_show_no_raw_python_values(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert PYTHON_VALUE.findall(_visible_text(response.text)) == []


def test_claim_result_names_verdicts_revisions_and_flags_in_words(client):
    response = client.post("/check", data={"text": "Poland spent 4.12% of GDP on defence in 2024. In 2024, 23 "
                                                   "allies met the 2% target.", "date": "2024-07-01"})
    text = _visible_text(response.text)
    assert response.status_code == 200 and PYTHON_VALUE.findall(text) == []
    assert "supported by the figures" in text
    revised = re.search(r"Revised since: edition (\S+) says ([\d.]+) \(edition 2024-06 said 4\.12\)\.", text)
    assert revised and revised.group(1) > "2024-06"
    assert "NATO estimate" in text
