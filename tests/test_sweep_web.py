"""The generated sweep over the web app: odd values for every query and path parameter of every page and
API route (read from the app's own route table), odd form posts and JSON bodies; no request may end in
a server error (HTTP 500), and an API error keeps the one JSON error shape. schemathesis covers the API
schema (tests/test_web_schema.py); this adds the pages and their forms."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.limits import MAX_BODY_BYTES
from burden.web.app import create_app
from sweep_values import NUMBER, SWEEP, TEXT

APP = create_app()
CLIENT = TestClient(APP, raise_server_exceptions=False)
GET_ROUTES = sorted((r.path, r) for r in APP.routes if isinstance(r, APIRoute) and "GET" in r.methods)
# Lone surrogates (undecodable argv bytes on the command line) cannot travel over HTTP: their bytes do.
TEXT = TEXT.map(lambda s: s.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
VALUE = st.one_of(TEXT, NUMBER, st.sampled_from(["true", "false", "json", "csv", "2026-07", "DEU", "2"]))


def _assert_no_server_error(response, what: str) -> None:
    assert response.status_code < 500 or response.status_code == 501, \
        f"{what}: HTTP {response.status_code}: {response.text[:500]}"
    if response.status_code >= 400 and response.request.url.path.startswith("/api/"):
        body = response.json()
        assert body["ok"] is False and body["error"]["status"] == response.status_code, what


@st.composite
def get_request(draw, route: APIRoute) -> tuple[str, list[tuple[str, str]]]:
    path = route.path
    for param in route.dependant.path_params:
        path = path.replace("{" + param.alias + "}", quote(draw(VALUE), safe="") or "x")
    query = []
    for param in route.dependant.query_params:
        for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2]))):  # absent, given, repeated
            query.append((param.alias, draw(VALUE)))
    if draw(st.integers(0, 5)) == 0:
        query.append((draw(st.sampled_from(["bogus", "", "edition[]", "__proto__"])), draw(VALUE)))
    return path, draw(st.permutations(query))


def test_the_web_sweep_covers_pages_and_api():
    paths = {p for p, _ in GET_ROUTES}
    assert {"/", "/compliance", "/projections", "/data", "/api/data", "/api/project"} <= paths


@pytest.mark.parametrize("path", [p for p, _ in GET_ROUTES])
def test_every_get_route_answers_odd_parameters_without_a_server_error(path):
    route = dict(GET_ROUTES)[path]
    fixed = not route.dependant.path_params and not route.dependant.query_params

    @settings(SWEEP, max_examples=2) if fixed else SWEEP  # nothing to vary: twice is plenty
    @given(request=get_request(route))
    def sweep(request):
        url, query = request
        response = CLIENT.get(url, params=query, follow_redirects=False)
        _assert_no_server_error(response, f"GET {url} {query!r}"[:400])

    sweep()


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                    max_leaves=6)


@SWEEP
@given(text=TEXT, date=VALUE, extra=st.dictionaries(TEXT, TEXT, max_size=2))
def test_the_claim_form_answers_odd_posts_without_a_server_error(text, date, extra):
    form = {**extra, "text": text, "date": date}
    _assert_no_server_error(CLIENT.post("/check", data=form), f"POST /check {form!r}"[:400])


@SWEEP
@given(body=st.one_of(st.fixed_dictionaries({"text": TEXT}, optional={"date": JSON}), JSON))
def test_the_check_api_answers_odd_bodies_without_a_server_error(body):
    _assert_no_server_error(CLIENT.post("/api/check", json=body), f"POST /api/check {body!r}"[:400])


@pytest.mark.parametrize("path", ["/check", "/api/check"])
@pytest.mark.parametrize("content_type, body", [
    ("application/x-www-form-urlencoded", b"text=%ZZ&date=%"),
    ("multipart/form-data", b"--no-boundary\r\n"),
    ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data; name=text\r\n\r\nhi\r\n"),
    ("application/json", b"{not json"),
    ("application/json", b"\xff\xfe"),
    ("application/x-www-form-urlencoded", b"text=caf%E9&date=%ED%A0%80"),
    ("text/plain", b"Germany spent 2% of GDP."),
], ids=["bad-percent", "no-boundary", "truncated-multipart", "bad-json", "bad-utf8", "latin1-form", "text-plain"])
def test_malformed_bodies_are_client_errors(path, content_type, body):
    response = CLIENT.post(path, content=body, headers={"content-type": content_type})
    _assert_no_server_error(response, f"POST {path} {content_type}")


@pytest.mark.parametrize("path", ["/check", "/api/check"])
def test_a_body_beyond_the_limit_is_refused_before_it_is_read(path):
    response = CLIENT.post(path, content=b"text=x", headers={"content-type": "application/x-www-form-urlencoded",
                                                              "content-length": str(MAX_BODY_BYTES + 1)})
    assert response.status_code == 413 and f"{MAX_BODY_BYTES:,}" in response.text
