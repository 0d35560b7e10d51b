"""Validation lists every violation as data; the shipped package is clean apart from documented allowances."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from burden.errors import ValidationError
from burden.validate import ALLOWANCES, Violation, rounding_tolerance, validate_facts, validate_package


def fact(iso3, year, indicator, value, price="constant 2015 prices and exchange rates", estimate=False, edition="2030-01"):
    return {"iso3": iso3, "country": iso3, "year": year, "edition": edition, "indicator": indicator, "value": value,
            "unit": "u", "price_basis": price, "estimate": estimate, "source_type": "user_import", "source": "test",
            "where": {"file": "t.xlsx", "sheet": "S", "row": 7, "column": "D"}}


@pytest.fixture(scope="module")
def shipped_report():
    return validate_package()


def test_shipped_package_is_valid_apart_from_documented_allowances(shipped_report):
    assert shipped_report.ok, shipped_report.to_text()
    assert shipped_report.checks["aggregate-sum"] > 200 and shipped_report.checks["pct-gdp-ratio"] > 1000


def test_every_documented_allowance_is_needed(shipped_report):
    reasons = {reason for _, reason in shipped_report.allowed}
    assert reasons == {a.reason for a in ALLOWANCES}


def test_violation_names_file_sheet_row_column_and_code():
    v = Violation("not-a-number", "'x' is not a number", file="a.xlsx", sheet="TABLE3", row=12, column="E")
    assert str(v) == "a.xlsx, sheet TABLE3, row 12, column E: 'x' is not a number"
    assert v.to_dict() == {"code": "not-a-number", "message": "'x' is not a number", "file": "a.xlsx",
                           "sheet": "TABLE3", "row": 12, "column": "E"}


def test_all_violations_are_listed_not_just_the_first():
    records = [fact("POL", 2024, "def_exp_pct_gdp", -1.0, "share of real GDP"),
               fact("DEU", 2024, "def_exp_pct_gdp", 101.0, "share of real GDP"),
               fact("DEU", 2024, "def_exp_pct_gdp", 101.0, "share of real GDP")]
    report = validate_facts(records)
    assert [v.code for v in report.violations] == ["duplicate-key", "pct-out-of-range", "pct-out-of-range",
                                                   "pct-out-of-range"]
    data = json.loads(report.to_json())
    assert data["ok"] is False and len(data["violations"]) == 4
    assert "4 violation(s)" in report.to_text()
    with pytest.raises(ValidationError, match=r"\(and 3 more\)"):
        report.raise_if_invalid()


def test_schema_types_and_unknown_codes_are_violations():
    bad = fact("XXX", "2024", "not_an_indicator", float("nan"))
    codes = {v.code for v in validate_facts([bad]).violations}
    assert codes == {"schema-type", "unknown-ally", "unknown-indicator"}


def _personnel(year, allies, total):
    rows = [fact(c, year, "military_personnel_thousand", 1.25, "") for c in allies]
    return rows + [fact("NATO_TOTAL", year, "military_personnel_thousand", total, "")]


def _all_reporting():
    from burden.members import reporting_allies

    return reporting_allies()


def test_aggregates_count_finland_from_2023_and_sweden_from_2024():
    allies = _all_reporting()
    assert validate_facts(_personnel(2022, allies, 29 * 1.25)).ok  # 31 rows; Finland and Sweden not yet members
    assert validate_facts(_personnel(2023, allies, 30 * 1.25)).ok
    assert validate_facts(_personnel(2024, allies, 31 * 1.25)).ok
    report = validate_facts(_personnel(2024, allies, 30 * 1.25))
    assert [v.code for v in report.violations] == ["aggregate-mismatch"]


def test_iceland_counts_only_in_gdp_aggregates():
    allies = _all_reporting() + ["ISL"]
    gdp = [fact(c, 2024, "gdp_usd_mn", 1.0) for c in allies] + [fact("NATO_TOTAL", 2024, "gdp_usd_mn", 32.0)]
    assert validate_facts(gdp).ok
    assert validate_facts(_personnel(2024, allies, 31 * 1.25)).ok  # a stray Iceland row is not counted


def test_aggregate_check_is_skipped_when_an_ally_is_missing():
    report = validate_facts(_personnel(2024, _all_reporting()[1:], 99.0))
    assert report.ok and report.checks["aggregate-skipped-incomplete"] == 1


def test_pct_of_gdp_must_equal_spending_over_gdp_at_the_same_constant_prices():
    base = [fact("POL", 2024, "def_exp_usd_mn", 30.000001), fact("POL", 2024, "gdp_usd_mn", 1000.000001)]
    good = fact("POL", 2024, "def_exp_pct_gdp", 3.0, "share of real GDP, based on 2015 prices")
    rounded = fact("POL", 2024, "def_exp_pct_gdp", 3.004, "share of real GDP, based on 2015 prices")
    wrong = fact("POL", 2024, "def_exp_pct_gdp", 3.1, "share of real GDP, based on 2015 prices")
    assert validate_facts(base + [good]).ok
    assert [v.code for v in validate_facts(base + [rounded]).violations] == ["pct-gdp-ratio"]  # 3.004 is printed to 3 dp
    assert [v.code for v in validate_facts(base + [wrong]).violations] == ["pct-gdp-ratio"]
    other_basis = fact("POL", 2024, "def_exp_pct_gdp", 3.1, "share of real GDP, based on 2021 prices")
    assert validate_facts(base + [other_basis]).ok  # different constant prices: not comparable


def test_estimates_must_be_the_latest_years():
    series = [fact("POL", y, "def_exp_pct_gdp", 2.0, "", estimate=e) for y, e in ((2022, False), (2023, True), (2024, True))]
    assert validate_facts(series, full_editions=["2030-01"]).ok
    series[2]["estimate"] = False
    codes = [v.code for v in validate_facts(series, full_editions=["2030-01"]).violations]
    assert codes == ["estimate-not-latest", "estimate-not-latest"]  # 2024 after 2023e, and latest not flagged


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=6))
def test_a_rounded_value_is_within_its_own_rounding_tolerance(value, digits):
    printed = round(value, digits)
    assert abs(printed - value) <= rounding_tolerance(printed) * (1 + 1e-9) + abs(value) * 1e-15
