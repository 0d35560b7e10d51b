"""Headlines NATO publishes, reproduced from per-ally figures and set beside the published ones.

Expected counts are never computed here: they are NATO's own count rows in the pack
(`allies_at_or_above_*` on NATO_TOTAL), the counts quoted in issue 3 (fixture), or the per-year table
of docs/headlines.md, which pins every year of every full edition (each difference from NATO's own
counts is explained there). For years NATO published no count, the tests also check invariants.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from burden.compliance import count_meeting_by_year, published_count_comparison, status_report
from burden.dataset import edition_records, fact_records
from burden.members import reporting_allies, roster
from burden.overview import europe_canada, published_spending_comparison, us_share

FIXTURES = Path(__file__).parent / "fixtures" / "compliance"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "headlines.md"
FULL_EDITIONS = [r["edition"] for r in edition_records() if r["kind"] == "full"]
COMPARISON = published_count_comparison()


def test_every_published_count_row_is_compared():
    published = [(r["edition"], r["year"], r["indicator"]) for ind in
                 ("allies_at_or_above_2pct", "allies_at_or_above_20pct_equipment")
                 for r in fact_records(ind) if r["iso3"] == "NATO_TOTAL"]
    assert sorted(published) == sorted((c["edition"], c["year"], c["indicator"]) for c in COMPARISON)
    assert len(COMPARISON) >= 20


@pytest.mark.parametrize("row", COMPARISON, ids=lambda r: f"{r['edition']}-{r['year']}-{r['target']}")
def test_published_count_is_reproduced_or_its_difference_explained(row):
    if row["status"] in ("reproduced", "reproduced-from-listed"):
        assert row["reproduced"] == row["published"]
    elif row["status"] == "lower-bound":
        assert row["reproduced"] < row["published"]  # the allies not found could make up the rest
    else:
        assert row["status"] == "no-per-ally-values" and row["reproduced"] is None
    assert row["explanation"], "every published count needs an explanation"
    for count in set(row["full_edition_counts"].values()):  # the explanation names each later vintage's count
        assert str(count) in row["explanation"]


def test_release_counts_are_reproduced_exactly_where_the_release_is_complete():
    complete = {(c["edition"], c["year"]): c["reproduced"] for c in COMPARISON if c["status"] == "reproduced"}
    published = {(c["edition"], c["year"]): c["published"] for c in COMPARISON if c["status"] == "reproduced"}
    assert complete == published
    assert {("2016-07", 2016), ("2017-06", 2017), ("2019-06", 2019), ("2023-07", 2023)} <= set(complete)


def test_counts_quoted_in_the_issue_for_the_2024_edition():
    with (FIXTURES / "published_counts_not_in_pack.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            report = status_report(row["edition"], int(row["year"]), row["target"])
            assert report["count_meeting"] == int(row["published"]), row["source"]


@pytest.mark.parametrize("edition", FULL_EDITIONS)
@pytest.mark.parametrize("target", ["2", "equipment"])
def test_counts_for_every_year_of_every_full_edition_keep_the_invariants(edition, target):
    plain = count_meeting_by_year(edition, target)
    printed = {c["year"]: c for c in count_meeting_by_year(edition, target, rounded=True)}
    latest = max(r["year"] for r in fact_records("def_exp_pct_gdp", [edition]) if r["iso3"] in reporting_allies())
    assert [c["year"] for c in plain] == list(range(plain[0]["year"], latest + 1))  # no year skipped
    for c in plain:
        members = sum(1 for r in roster() if int(r["accession_date"][:4]) <= c["year"])
        assert c["members"] == members
        assert 0 <= c["meeting"] <= c["reporting"] and c["reporting"] + c["missing"] == members
        assert c["missing"] >= 1  # Iceland at least: never counted as passing or failing
        assert printed[c["year"]]["meeting"] >= c["meeting"]  # printing rounds 1.995.. up to 2.00
        assert printed[c["year"]]["reporting"] == c["reporting"]


def test_full_editions_hold_counts_from_2014_to_their_latest_year():
    for edition in ("2024-06", "2025-08", "2026-07"):
        years = [c["year"] for c in count_meeting_by_year(edition, "2")]
        assert years[0] == 2014 and years[-1] == int(edition[:4])


# ---------------------------------------------------------------- spending headlines

def test_us_share_is_us_over_nato_total_of_the_same_edition_and_prices():
    share = us_share("2024-06", 2024)
    us = next(r for r in fact_records("def_exp_usd_mn", ["2024-06"])
              if r["iso3"] == "USA" and r["year"] == 2024 and r["price_basis"].startswith("current"))
    assert share["usa_usd_mn"] == us["value"] and share["value"] == pytest.approx(us["value"] / share["nato_total_usd_mn"])
    assert "current prices" in share["formula"]
    assert us_share("2025-08", 2025)["value"] is None  # no US$ tables in that edition: not borrowed


def test_nato_total_press_figures_match_the_sum_of_allies_in_2019_edition():
    rows = {(r["year"], r["edition"]): r for r in published_spending_comparison()
            if r["iso3"] == "NATO_TOTAL" and r["edition"] == "2019-06"}
    assert round(rows[(2018, "2019-06")]["same_edition"]["2019-06 (current)"], 1) == 970.3
    assert round(rows[(2019, "2019-06")]["same_edition"]["2019-06 (current)"] / 1000, 2) == 1.04


def test_europe_canada_real_growth_matches_the_press_figures_of_the_2025_edition():
    for year, published in ((2024, 18.6), (2025, 15.9)):
        assert round(europe_canada("2025-08", year)["real_change_pct"], 1) == published


def test_europe_canada_totals_are_nato_rows_and_agree_with_the_sum_of_allies():
    figures = europe_canada("2026-07", 2026)
    total = figures["total_usd_mn_current"]
    allies = sum(r["value"] for r in fact_records("def_exp_usd_mn", ["2026-07"])
                 if r["year"] == 2026 and r["iso3"] not in ("USA", "NATO_TOTAL", "NATO_EUR_CAN")
                 and r["price_basis"].startswith("current"))
    assert "as published" in total["formula"]
    assert total["value"] == pytest.approx(allies, abs=3)


def test_every_press_spending_figure_has_a_counterpart():
    for row in published_spending_comparison():
        figures = [v for v in {**row["same_edition"], **row["full_editions"]}.values() if v is not None]
        assert figures, row


def test_headlines_doc_lists_every_published_count_beside_the_reproduced_one():
    text = DOCS.read_text(encoding="utf-8")
    for c in COMPARISON:
        reproduced = "—" if c["reproduced"] is None else str(c["reproduced"])
        assert f"| {c['edition']} | {c['year']} | {c['target']} | {c['published']} | {reproduced} |" in text, c


def _documented_year_counts() -> dict[tuple[str, str], str]:
    """The 'Counts for every year of every full edition' table of docs/headlines.md, keyed by (edition, target)."""
    text = DOCS.read_text(encoding="utf-8").split("## Counts for every year of every full edition", 1)[1]
    rows = re.findall(r"^\| (\d{4}-\d{2}) \| (2|equipment) \| (.+?) \|$", text, flags=re.M)
    return {(edition, target): cells for edition, target, cells in rows}


def _format_year_counts(edition: str, target: str) -> str:
    unrounded = count_meeting_by_year(edition, target)
    printed = {r["year"]: r["meeting"] for r in count_meeting_by_year(edition, target, rounded=True)}
    cells = []
    for r in unrounded:
        cell = f"{r['year']}: {r['meeting']}/{r['reporting']}"
        if printed[r["year"]] != r["meeting"]:
            cell += f" ({printed[r['year']]} printed)"
        cells.append(cell)
    return ", ".join(cells)


@pytest.mark.parametrize("edition", FULL_EDITIONS)
@pytest.mark.parametrize("target", ["2", "equipment"])
def test_counts_for_every_year_are_pinned_by_the_headlines_doc(edition, target):
    """Pins the 2% and equipment counts for every year of every full edition (2014-latest and more): a change in
    the data or the counting rules must show up here and be explained in docs/headlines.md."""
    documented = _documented_year_counts()
    assert (edition, target) in documented, f"docs/headlines.md has no count row for {edition} {target}"
    assert _format_year_counts(edition, target) == documented[(edition, target)]
