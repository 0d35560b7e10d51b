"""Compact views of the compliance, fairness and projection reports: what pages and the report show,
traced to the report dicts (nothing recomputed), sources named once, the full rows downloadable."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from burden.presentation import compliance_view, fairness_view, fmt_money, fmt_p, fmt_share, projection_view

compliance = pytest.importorskip("burden.compliance")


@pytest.fixture(scope="module")
def client():
    from burden.web.app import create_app

    return TestClient(create_app())


def _table(page: str, table_id: str) -> str:
    return re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S).group(0)


def _header(table: str) -> list[str]:
    head = re.search(r"<thead>.*?</thead>", table, re.S).group(0)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", h)).split()) for h in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]


# ---------------------------------------------------------------- compliance

def test_compliance_view_keeps_counts_and_takes_money_from_the_gap_report():
    status = compliance.status_report(edition="2024-06", year=2024, target="2")
    gap = compliance.gap_report(edition="2024-06", year=2024, target="2")
    view = compliance_view(status, gap)
    assert (view["count_meeting"], view["count_reporting"]) == (status["count_meeting"], status["count_reporting"])
    money = {r["iso3"]: r["gap_usd_mn"] for r in gap["rows"]}
    assert {r["iso3"]: r["gap_usd_mn"] for r in view["rows"]} == money
    iceland = next(r for r in view["rows"] if r["iso3"] == "ISL")
    assert iceland["mark"] == "missing" and iceland["value"] is None and iceland["gap_pp"] is None
    assert sum(r["mark"] == "met" for r in view["rows"]) == status["count_meeting"]
    assert view["money_basis"].startswith("constant") and "2024-06" in view["money_basis"]


@given(st.lists(st.tuples(st.sampled_from([True, False, None]), st.one_of(st.none(), st.floats(0, 10))), max_size=8))
def test_compliance_marks_follow_meets_and_missing_is_never_pass_or_fail(cases):
    rows = [{"iso3": f"A{i}", "meets": meets, "value": value} for i, (meets, value) in enumerate(cases)]
    view = compliance_view({"rows": rows})
    assert [r["mark"] for r in view["rows"]] == [{True: "met", False: "missed", None: "missing"}[m] for m, _ in cases]
    assert not view["has_money"] and all(r["gap_usd_mn"] is None for r in view["rows"])


def test_compliance_page_is_compact_and_names_the_source_once(client):
    page = client.get("/compliance?edition=2024-06&year=2024&target=2").text
    status = compliance.status_report(edition="2024-06", year=2024, target="2")
    assert f"<strong>{status['count_meeting']}</strong> of <strong>{status['count_reporting']}</strong>" in page
    table = _table(page, "compliance-table")
    assert _header(table) == ["ally", "% of GDP", "status", "gap, pp", "gap, US$ m"]
    assert table.count("<tr") == 1 + len(status["rows"]) + len(status["aggregates"])
    assert "✘ missed" in table and "— missing" in table and 'class="est"' in table
    long_source = status["rows"][0]["source"]
    assert page.count(html.escape(long_source)) == 1  # a footnote, not a column
    assert "constant 2015 prices" in page  # the money's prices, stated once


# ---------------------------------------------------------------- fairness

def test_fairness_page_shows_headline_figures_and_a_compact_table(client):
    from burden.fairness import fairness_report

    report = fairness_report()
    view = fairness_view(report)
    page = client.get("/fairness").text
    usa = report["us_vs_europe_canada"]["usa"]
    assert view["groups"][0]["spend_share"] == usa["spend_share"]
    assert fmt_share(usa["spend_share"]) in page and f"{report['gini']:.3f}" in page
    assert f"p = {fmt_p(report['spearman']['p_value'])} two-sided" in page
    table = _table(page, "fairness-table")
    assert _header(table) == ["ally", "% of GDP", "share of spending", "share of GDP", "ratio", "band"]
    assert table.count("<tr") == 1 + len(report["rows"])
    assert page.count("<tr>", page.index("Wilcoxon W")) >= len(report["concordance"]["sensitivity"])


# ---------------------------------------------------------------- projections

@pytest.fixture(scope="module")
def projection():
    projections = pytest.importorskip("burden.projections")
    return projections.project_report(paths=2000, seed=0)


def test_projection_view_has_one_line_per_ally_at_the_deadline(projection):
    view = projection_view(projection)
    deadline_rows = {r["iso3"]: r for r in projection["rows"] if r["year"] == projection["deadline"]}
    assert [a["code"] for a in view["allies"]] == list(deadline_rows)
    for line in view["allies"]:
        assert line["extra_cost_p50_usd_mn"] == deadline_rows[line["code"]]["extra_cost_p50_usd_mn"]
    assert {g["code"] for g in view["groups"]} == {"NATO_TOTAL", "NATO_EUR_CAN", "USA"}
    chance = {p["group"]: p["probability"] for p in projection["probability"]["aggregates"]}
    assert all(g["probability"] == chance[g["code"]] for g in view["groups"])


def test_projection_page_summarises_and_offers_every_row_as_csv(client, projection, cli):
    page = client.get("/projections").text
    table = _table(page, "projection-allies")
    assert table.count("<tr") == 2 + len({r["iso3"] for r in projection["rows"]})  # two header rows
    assert "growth_pct" not in page and projection["growth_source"] in html.unescape(page)
    csv_href = html.unescape(re.search(r'id="projection-csv" href="([^"]+)"', page).group(1))
    download = client.get(csv_href)
    assert download.headers["content-type"].startswith("text/csv")
    code, stdout, _ = cli("project", "--paths", "2000", "--seed", "0", "--csv")
    assert code == 0 and download.text == stdout
    json_href = html.unescape(re.search(r'id="projection-json" href="([^"]+)"', page).group(1))
    assert len(client.get(json_href).json()["rows"]) == len(projection["rows"])


# ---------------------------------------------------------------- revisions and number formats

def test_revision_tables_are_headed_by_edition_labels(client):
    page = client.get("/ally/POL?edition=2026-07").text
    assert _header(_table(page, "revisions-table"))[:3] == ["year", "edition 2025-08", "edition 2026-07"]
    assert "value_a" not in page
    assert "edition 2024-06" in _table(client.get("/editions?a=2024-06&b=2025-08").text, "revisions-table")


def test_number_formats_keep_missing_missing():
    assert (fmt_share(None), fmt_money(None), fmt_p(None)) == ("—", "—", "—")
    assert (fmt_share(0.5729), fmt_money(38692.9), fmt_p(0.0004)) == ("57.3%", "38,693", "< 0.001")
