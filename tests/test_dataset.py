"""The dataset API: editions side by side, selection, names, as-of dates, diff and SQL."""

from __future__ import annotations

import datetime as dt

import pytest

import burden
from burden.dataset import edition_records, select_records
from burden.errors import BurdenError, UnknownValueError


def test_poland_2024_share_differs_between_editions_and_each_is_kept():
    values = {r["edition"]: round(r["value"], 2) for r in select_records("pct_gdp", "all", 2024, "Poland")}
    assert values["2024-06"] == 4.12
    assert values["2025-08"] == 3.79
    assert values["2026-07"] == 3.75


def test_default_edition_is_latest_full_edition():
    full = [r for r in edition_records() if r["kind"] == "full"]
    assert burden.default_edition() == full[-1]["edition"] == "2026-07"


def test_select_returns_one_row_per_reporting_ally_without_aggregates():
    df = burden.select("pct_gdp", edition="2024-06", years=2024)
    assert len(df) == 31
    assert "ISL" not in set(df["iso3"])
    assert not {"NATO_TOTAL", "NATO_EUR_CAN"} & set(df["iso3"])
    assert df["estimate"].all()
    assert (df["source"].str.len() > 0).all()


def test_aggregates_come_when_asked():
    df = burden.select("pct_gdp", edition="2024-06", years=2024, aggregates=True)
    assert {"NATO_TOTAL", "NATO_EUR_CAN"} <= set(df["iso3"])


@pytest.mark.parametrize("name", ["Turkey", "Türkiye", "turkiye", "TUR"])
def test_turkey_accepted_under_every_name(name):
    assert burden.resolve_ally(name) == "TUR"


@pytest.mark.parametrize("name,code", [("Czech Republic", "CZE"), ("Czechia", "CZE"), ("Slovak Republic", "SVK"),
                                       ("UK", "GBR"), ("United States", "USA"), ("Holland", "NLD")])
def test_common_names_resolve(name, code):
    assert burden.resolve_ally(name) == code


def test_unknown_ally_names_close_matches():
    with pytest.raises(UnknownValueError, match="Poland"):
        burden.resolve_ally("Polan")


def test_unknown_edition_and_indicator_raise_with_suggestions():
    with pytest.raises(UnknownValueError, match="2024-06"):
        burden.select("pct_gdp", edition="2024-6")
    with pytest.raises(UnknownValueError, match="pct_gdp"):
        burden.select("pct_gpd")


def test_year_outside_edition_says_what_it_covers():
    with pytest.raises(BurdenError, match="2014-2024"):
        burden.select("pct_gdp", edition="2024-06", years=2031)


@pytest.mark.parametrize("day,expected", [
    ("2024-06-16", "2024-03-sgar"), ("2024-06-17", "2024-06"), ("2025-03-26", "2024-06"),
    ("2025-04-30", "2025-04-sgar"), ("2025-10-01", "2025-08"), ("2026-11-28", "2026-07"),
    ("2018-03-20", "2017-06"),  # a month-only release (2018-03-sgar) counts from the month's last day
    ("2018-07-12", "2018-07"),  # released on 10 July 2018 (exact day since the December 2026 extension)
])
def test_edition_as_of_gives_latest_released_by_date(day, expected):
    assert burden.edition_as_of(day) == expected


def test_edition_as_of_before_every_edition_is_none():
    assert burden.edition_as_of(dt.date(2014, 9, 5)) is None


def test_members_as_of_dates():
    assert burden.member_count("2020-06-01") == 30
    assert burden.member_count("2023-04-04") == 31
    assert burden.member_count("2024-03-07") == 32
    assert "SWE" not in {m["iso3"] for m in burden.members("2024-03-06")}


def test_diff_reports_poland_revision():
    d = burden.diff("2024-06", "2025-08", "pct_gdp", allies="POL", years=2024)
    row = d.iloc[0]
    assert row["status"] == "revised"
    assert round(row["change"], 2) == round(row["value_b"] - row["value_a"], 2) < 0
    assert "price basis differs" in row["note"]


def test_diff_leaves_out_constant_prices_on_different_bases():
    d = burden.diff("2024-06", "2026-07", "usd_mn", allies="POL", years=2020)
    assert set(d["price_kind"]) == {"current"}


def test_sql_reads_facts():
    df = burden.sql("SELECT count(*) AS n FROM facts WHERE edition = '2024-06' AND indicator = 'def_exp_pct_gdp'")
    assert int(df["n"][0]) == 11 * 33  # 31 allies + 2 aggregates, 2014-2024


@pytest.mark.parametrize("query", [
    "DELETE FROM facts",
    "CREATE TABLE x AS SELECT 1",
    "SELECT 1; SELECT 2",
    "COPY facts TO '/tmp/x.csv'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "ATTACH '/tmp/x.db'",
    "SET enable_external_access = true",
])
def test_sql_refuses_writes_files_and_settings(query):
    with pytest.raises(BurdenError):
        burden.sql(query)


def test_default_edition_can_be_chosen_by_environment(monkeypatch):
    monkeypatch.setenv("BURDEN_EDITION", "2024-06")
    assert burden.default_edition() == "2024-06"
    assert set(burden.select("pct_gdp", years=2024)["edition"]) == {"2024-06"}


def test_default_edition_from_environment_must_exist(monkeypatch):
    monkeypatch.setenv("BURDEN_EDITION", "2099-01")
    with pytest.raises(UnknownValueError, match="BURDEN_EDITION"):
        burden.default_edition()


def test_diff_does_not_call_rounding_a_revision():
    # 2026-07 is stored at NATO's printed precision (2 decimals); 2025-08 at full precision.
    d = burden.diff("2025-08", "2026-07", "pct_gdp", allies="POL", years="2014-2024")
    by_year = {int(r.year): r for r in d.itertuples()}
    assert by_year[2024].status == "revised" and round(by_year[2024].change, 2) == -0.04
    within = [r for r in d.itertuples() if r.status == "rounding"]
    assert within, "expected Poland's unrevised years to differ only by rounding"
    for r in within:
        assert abs(r.change) <= 0.005 + 1e-12 and round(r.value_a, 2) == round(r.value_b, 2)
