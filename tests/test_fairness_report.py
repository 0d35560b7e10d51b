"""The fairness report and series on the shipped editions, through the API and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from burden import fairness as fx
from burden.errors import BurdenError, UnknownValueError
from burden.render import to_json

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fairness"


@pytest.fixture(scope="module")
def report_2025():
    return fx.fairness_report("2026-07", 2025)


def test_contract_cli_json_has_rows_with_shares_and_spearman_and_equals_the_api(cli_json, report_2025):
    out = cli_json("fairness", "--edition", "2026-07", "--year", "2025")
    assert {"iso3", "spend_share", "gdp_share", "fair_share_ratio"} <= set(out["rows"][0])
    assert {"rho", "p_value"} <= set(out["spearman"])
    assert out == json.loads(to_json(report_2025))


def test_shares_of_the_real_alliance_sum_to_one_and_match_natos_total(report_2025):
    rows = report_2025["rows"]
    assert len(rows) == 31 and "ISL" not in {r["iso3"] for r in rows}
    assert sum(r["spend_share"] for r in rows) == pytest.approx(1.0, abs=1e-12)
    assert sum(r["gdp_share"] for r in rows) == pytest.approx(1.0, abs=1e-12)
    assert abs(report_2025["published_check"]["difference_usd_mn"]) <= 3  # NATO Total, Table 2, rounding


def test_ratio_equals_published_burden_over_alliance_burden_within_rounding(report_2025):
    alliance = report_2025["alliance_burden_pct_gdp"]
    for r in report_2025["rows"]:
        # burden_pct_gdp is NATO's published Table 3 value (2 decimals, NATO reproduces it within 0.010 pp)
        assert r["fair_share_ratio"] == pytest.approx(r["burden_pct_gdp"] / alliance, abs=0.011 / alliance), r["iso3"]


def test_band_follows_the_dod_cut_points_on_real_rows(report_2025):
    for r in report_2025["rows"]:
        assert r["band"] == fx.band_of(r["fair_share_ratio"])
    assert {r["iso3"] for r in report_2025["rows"] if r["band"] == "substantially-above"} >= {"POL"}


def test_us_and_europe_canada_split_the_alliance(report_2025):
    split = report_2025["us_vs_europe_canada"]
    assert split["usa"]["spend_share"] + split["europe_canada"]["spend_share"] == pytest.approx(1)
    assert split["usa"]["spend_usd_mn"] == 833638.0  # 2026-07 edition, Table 2, constant 2021 prices
    assert len(split["europe_canada"]["allies"]) == 30


def test_population_from_spending_per_head_agrees_with_population_from_gdp_per_head():
    table = fx.edition_table("2026-07")
    year = table[table["year"] == 2025].dropna(subset=["gdp_per_capita"])
    from_gdp = year["gdp_usd_mn"] / (year["gdp_per_capita"] * 1000)
    assert ((year["population_mn"] - from_gdp).abs() / from_gdp).max() < 0.02


def test_sweden_counts_from_2024_as_in_natos_aggregates_and_the_exclusion_says_why():
    r2023 = fx.fairness_report("2026-07", 2023, metric="shares")
    swe = next(e for e in r2023["excluded"] if e["iso3"] == "SWE")
    assert "not yet a member in 2023" in swe["reason"] and "FIN" in r2023["alliance"]["allies"]
    assert abs(r2023["published_check"]["difference_usd_mn"]) <= 3
    assert "SWE" in fx.fairness_report("2026-07", 2024, metric="shares")["alliance"]["allies"]
    assert "SWE" in fx.fairness_report("2026-07", 2023, metric="shares", include_non_members=True)["alliance"]["allies"]


def test_edition_without_money_tables_is_a_clear_error_naming_editions_that_work():
    with pytest.raises(BurdenError, match="2025-08 holds no constant-price US\\$ spending.*2026-07") as err:
        fx.fairness_report("2025-08", 2025)
    assert err.value.code == "no-money-tables"


def test_subset_of_three_allies_gives_too_few_allies_error_not_nan(cli):
    with pytest.raises(BurdenError, match="needs at least 5 with data, got 3 \\(DEU, FRA, USA\\)") as err:
        fx.fairness_report("2026-07", 2025, allies="USA,Germany,France")
    assert err.value.code == "too-few-allies"
    code, _, stderr = cli("fairness", "--ally", "USA,DEU,FRA", "--year", "2025")
    assert code == 2 and stderr.startswith("error: too few allies")


def test_subset_of_three_allies_still_has_shares_over_the_subset():
    report = fx.fairness_report("2026-07", 2025, metric="shares", allies=["USA", "DEU", "FRA"])
    assert sum(r["spend_share"] for r in report["rows"]) == pytest.approx(1)
    assert "published_check" not in report  # the NATO total is not the subset's total


def test_metric_selects_sections_and_unknown_metric_names_the_choices():
    report = fx.fairness_report("2024-06", 2024, metric="gini")
    assert "gini" in report and "spearman" not in report and "concordance" not in report
    with pytest.raises(UnknownValueError, match="spearman"):
        fx.fairness_report("2024-06", 2024, metric="spearmen")


def test_partial_spearman_defaults_to_gdp_per_capita_and_accepts_several_controls():
    report = fx.fairness_report("2026-07", 2025, metric="spearman", controls="gdp_per_capita,population")
    assert [p["controls"] for p in report["partial_spearman"]] == [["gdp_per_capita"], ["population"],
                                                                   ["gdp_per_capita", "population"]]
    assert [p["df"] for p in report["partial_spearman"]] == [28, 28, 27]


def test_concordance_has_a_sensitivity_row_per_proxy_and_a_composite():
    report = fx.fairness_report("2026-07", 2025, metric="concordance")
    rows = report["concordance"]["sensitivity"]
    assert [r["proxy"] for r in rows] == ["gdp", "population", "composite"]
    assert all(0 <= r["p_value"] <= 1 and r["n"] == 31 for r in rows)


def test_user_proxy_file_with_missing_allies_uses_only_those_that_have_it(cli_json):
    out = cli_json("fairness", "--year", "2025", "--metric", "concordance",
                   "--data", str(FIXTURES / "proxy_missing_allies.csv"), "--proxies", "gdp,test_proxy")
    rows = {r["proxy"]: r for r in out["concordance"]["sensitivity"]}
    assert rows["test_proxy"]["n"] == 6 and len(rows["test_proxy"]["excluded_missing_proxy"]) == 25
    assert rows["composite"]["n"] == 6


@pytest.mark.parametrize("name,match", [("proxy_unknown_ally.csv", "unknown ally 'Atlantis'"),
                                        ("proxy_not_a_number.csv", "line 2: test_proxy = 'a hundred' is not a number"),
                                        ("proxy_no_value_column.csv", "no variable columns")])
def test_bad_user_variable_files_fail_with_the_line_or_name(cli, name, match):
    code, _, stderr = cli("fairness", "--metric", "concordance", "--data", str(FIXTURES / name))
    assert code == 2 and match in stderr


def test_series_covers_2014_to_latest_with_membership_growing():
    series = fx.fairness_series("2026-07", metric="spearman")
    assert series["years"] == list(range(2014, 2027))
    counts = {r["year"]: r["n_allies"] for r in series["rows"]}
    assert (counts[2014], counts[2017], counts[2020], counts[2023], counts[2024]) == (27, 28, 29, 30, 31)
    assert all(0 <= r["spearman_p_value"] <= 1 for r in series["rows"])


def test_series_per_ally_rows_match_the_single_year_report(report_2025):
    series = fx.fairness_series("2026-07", metric="allies", years="2025")
    assert [r["iso3"] for r in series["rows"]] == [r["iso3"] for r in report_2025["rows"]]
    assert series["rows"][0]["fair_share_ratio"] == pytest.approx(report_2025["rows"][0]["fair_share_ratio"])


def test_every_derived_number_has_a_formula_and_the_report_names_its_prices(report_2025):
    for key in ("spend_share", "gdp_share", "fair_share_ratio", "population_mn", "equal_effort_diff", "gini", "hhi",
                "spearman", "partial_spearman", "concordance"):
        assert report_2025["formula"][key]
    assert "constant 2021 prices" in report_2025["price_basis"]
    assert "two-sided" in report_2025["p_value_convention"]


@pytest.mark.parametrize("edition", ["2024-06", "2026-07"])
def test_membership_rule_reproduces_natos_total_in_every_year(edition):
    from burden.dataset import fact_records

    table = fx.edition_table(edition)
    totals = {r["year"]: r["value"] for r in fact_records("def_exp_usd_mn", [edition])
              if r["iso3"] == "NATO_TOTAL" and "constant" in r["price_basis"]}
    for year, total in totals.items():
        frame, _ = fx.alliance_year(table, year)
        assert abs(frame["spend_usd_mn"].sum() - total) <= 3, year  # rounding of the published rows
