"""Compliance: who meets which target, counts with missing kept out, gaps in points and money, paths."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.compliance import (
    assess,
    count_meeting_by_year,
    gap_report,
    path_report,
    printed_value,
    required_real_growth_pct,
    status_report,
    straight_line,
)
from burden.dataset import select_records
from burden.errors import BurdenError


def test_status_2024_edition_counts_23_of_31_reporting_with_iceland_missing():
    report = status_report("2024-06", 2024, "2")
    assert report["count_meeting"] == 23
    assert report["count_reporting"] == 31
    assert report["count_missing"] == 1
    iceland = next(r for r in report["rows"] if r["iso3"] == "ISL")
    assert iceland["value"] is None and iceland["meets"] is None and iceland["gap_pp"] is None
    assert "Iceland" in report["missing_note"]
    assert report["view"] == "unrounded"


def test_rows_are_sorted_by_value_with_missing_last():
    rows = status_report("2026-07", 2026, "3.5")["rows"]
    values = [r["value"] for r in rows if r["value"] is not None]
    assert values == sorted(values, reverse=True)
    assert rows[-1]["value"] is None


def test_germany_2025_absent_from_2025_edition_is_missing_not_failing():
    report = status_report("2025-08", 2025, "2")
    germany = next(r for r in report["rows"] if r["iso3"] == "DEU")
    assert germany["meets"] is None and germany["missing_reason"]
    assert report["count_missing"] == 2  # Germany and Iceland
    assert report["count_meeting"] + report["count_not_meeting"] == report["count_reporting"] == 30


def test_allies_enter_counts_from_their_accession_year():
    report = status_report("2024-06", 2014, "2")
    codes = {r["iso3"] for r in report["rows"]}
    assert not {"FIN", "SWE", "MNE", "MKD"} & codes
    assert set(report["not_yet_members"]) == {"FIN", "SWE", "MNE", "MKD"}
    assert "SWE" in {r["iso3"] for r in status_report("2024-06", 2024, "2")["rows"]}


def test_rounded_view_counts_an_ally_printed_at_2_00():
    poland = select_records("pct_gdp", "2025-08", 2018, "POL")[0]["value"]
    assert 1.995 <= poland < 2.0  # 1.996: below the line unrounded, 2.00 as printed
    plain = status_report("2025-08", 2018, "2", allies="POL")
    printed = status_report("2025-08", 2018, "2", rounded=True, allies="POL")
    assert plain["rows"][0]["meets"] is False and printed["rows"][0]["meets"] is True
    assert printed["view"] == "rounded to 2 decimals as NATO prints"
    assert printed["rows"][0]["value"] == poland  # the value itself is never altered


def test_printed_value_rounds_half_away_from_zero():
    assert printed_value(1.995) == 2.0
    assert printed_value(1.9949) == 1.99


def test_aggregates_are_nato_rows_as_published():
    aggregates = {a["iso3"]: a for a in status_report("2024-06", 2024, "2")["aggregates"]}
    assert set(aggregates) == {"NATO_TOTAL", "NATO_EUR_CAN", "USA"}
    assert round(aggregates["NATO_EUR_CAN"]["value"], 2) == 2.02 and aggregates["NATO_EUR_CAN"]["meets"]


def test_hague_total_says_the_related_spending_is_not_in_the_data():
    report = status_report("2026-07", 2026, "hague-total")
    assert report["target"]["threshold"] == 5.0
    assert any("1.5%" in n and "no per-ally" in n for n in report["notes"])


def test_2026_edition_names_core_defence_definition():
    assert any("core defence" in n for n in status_report("2026-07", 2026, "hague-core")["notes"])


def test_target_before_its_pledge_is_flagged_as_comparison():
    assert any("not yet in force" in n for n in status_report("2024-06", 2014, "hague-core")["notes"])


def test_equipment_target_uses_equipment_share():
    report = status_report("2024-06", 2024, "equipment")
    assert report["target"]["indicator"] == "equipment_pct" and report["target"]["threshold"] == 20.0
    assert report["count_reporting"] == 31


def test_count_by_year_agrees_with_status_for_every_year():
    by_year = count_meeting_by_year("2026-07", "2")
    assert [c["year"] for c in by_year] == list(range(2014, 2027))
    for c in by_year[::4]:
        report = status_report("2026-07", c["year"], "2")
        assert (c["meeting"], c["reporting"], c["missing"]) == (
            report["count_meeting"], report["count_reporting"], report["count_missing"])


def test_year_outside_edition_and_unknown_edition_are_user_errors():
    with pytest.raises(BurdenError, match="2014-2024"):
        status_report("2024-06", 2030)
    with pytest.raises(BurdenError, match="equipment_pct"):
        status_report("2016-07", 2016, "equipment")


# ---------------------------------------------------------------- gap

def test_gap_money_is_points_times_gdp_of_the_edition():
    report = gap_report("2026-07", 2026, "3.5", allies="ITA")
    italy = report["rows"][0]
    gdp = select_records("gdp_usd_mn", "2026-07", 2026, "ITA", price_basis="constant")[0]["value"]
    assert italy["gap_usd_mn"] == pytest.approx(italy["gap_pp"] / 100 * gdp)
    assert italy["gap_usd_mn_current"] > italy["gap_usd_mn"] > 0
    assert italy["gap_nac_mn"] > 0 and "Euro" in italy["nac_unit"]
    assert "constant 2021" in report["price_basis"] and "gap_pp" in italy["formula"]


def test_gap_totals_sum_allies_without_offsetting():
    report = gap_report("2026-07", 2026, "3.5")
    rows = [r for r in report["rows"] if r["gap_usd_mn"] is not None]
    assert report["totals"]["NATO"]["gap_usd_mn"] == pytest.approx(sum(r["gap_usd_mn"] for r in rows))
    assert report["totals"]["NATO"]["gap_usd_mn"] == pytest.approx(
        report["totals"]["Europe+Canada"]["gap_usd_mn"] + report["totals"]["US"]["gap_usd_mn"])


def test_edition_without_money_tables_gives_points_and_null_money():
    report = gap_report("2025-08", 2025, "3.5")
    assert all(r["gap_usd_mn"] is None and r["gap_usd_mn_current"] is None for r in report["rows"])
    assert any(r["gap_pp"] for r in report["rows"])
    assert report["price_basis"].startswith("none")
    assert any("no GDP table" in n for n in report["notes"])


def test_cumulative_gap_sums_the_yearly_gaps():
    report = gap_report("2024-06", 2014, "2", cumulative_to=2016, allies="BEL")
    yearly = [gap_report("2024-06", y, "2", allies="BEL")["rows"][0]["gap_usd_mn"] for y in (2014, 2015, 2016)]
    assert report["rows"][0]["gap_usd_mn_cumulative"] == pytest.approx(sum(yearly))
    with pytest.raises(BurdenError, match="burden project"):
        gap_report("2024-06", 2024, "2", cumulative_to=2030)


# ---------------------------------------------------------------- path

def test_path_runs_straight_to_the_deadline_and_states_growth():
    report = path_report("hague-core", "2026-07", allies="ITA", growth=1.0)
    italy = report["rows"][0]
    assert italy["path"][0]["value"] == italy["base_value"] and italy["path"][-1] == {"year": 2035, "value": 3.5}
    assert italy["gdp_growth_pct"] == 1.0 and italy["growth_source"] == "given for every ally"
    assert italy["required_real_growth_pct"] == pytest.approx(
        ((3.5 / italy["base_value"]) * 1.01 ** 9) ** (1 / 9) * 100 - 100)


def test_path_checks_later_years_against_the_line_from_an_earlier_base():
    report = path_report("hague-core", "2026-07", base_year=2025)
    assert report["count_on_path_latest"] is not None
    for r in report["rows"]:
        if r["checks"]:
            check = r["checks"][-1]
            assert check["on_path"] == (check["value"] >= check["path_value"])


def test_path_growth_can_be_set_per_ally_and_defaults_to_imf():
    report = path_report("hague-core", "2026-07", growth="POL=3", allies="POL,DEU")
    rows = {r["iso3"]: r for r in report["rows"]}
    assert rows["POL"]["gdp_growth_pct"] == 3.0
    assert rows["DEU"]["growth_source"].startswith("IMF")


def test_path_needs_a_deadline_and_valid_growth():
    with pytest.raises(BurdenError, match="deadline"):
        path_report("2")
    with pytest.raises(BurdenError, match="growth"):
        path_report(growth="fast")


# ---------------------------------------------------------------- invariants

ALLY_YEARS = [(r["edition"], r["iso3"], r["year"]) for ed in ("2024-06", "2025-08", "2026-07")
              for r in select_records("pct_gdp", ed)]


@settings(max_examples=60, deadline=None)
@given(case=st.sampled_from(ALLY_YEARS), threshold=st.sampled_from([1.0, 2.0, 3.5, 5.0]).map(str))
def test_meets_and_gap_agree_with_the_value_for_any_ally_year(case, threshold):
    edition, iso3, year = case
    report = status_report(edition, year, threshold, allies=iso3)
    if not report["rows"]:  # not yet a member that year
        return
    row = report["rows"][0]
    assert row["meets"] == (row["value"] >= float(threshold))
    assert row["gap_pp"] == max(0.0, float(threshold) - row["value"])


@given(value=st.floats(0, 10, allow_nan=False), threshold=st.integers(10, 1000).map(lambda x: x / 100))
def test_assess_is_consistent_for_any_value(value, threshold):
    compared, meets, gap = assess(value, threshold)
    assert meets == (value >= threshold) and gap == max(0.0, threshold - value)
    assert assess(None, threshold) == (None, None, None)
    _, meets_printed, _ = assess(value, threshold, rounded=True)
    assert meets_printed or not meets  # the printed view only adds passes (thresholds have 2 decimals at most)


@given(base=st.floats(0.5, 5), threshold=st.floats(0.5, 6), start=st.integers(2014, 2030))
def test_straight_line_ends_at_the_threshold_or_stays_flat(base, threshold, start):
    line = straight_line(base, start, threshold, 2035)
    assert line[0]["value"] == base and line[-1]["year"] == 2035
    assert math.isclose(line[-1]["value"], max(base, threshold))
    growth = required_real_growth_pct(base, threshold, 2035 - start, 1.0) if start < 2035 else None
    if growth is not None:
        assert growth >= 1.0 - 1e-9  # holding the share needs at least GDP growth
