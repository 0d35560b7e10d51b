"""A level and the level it changed from (rules/level_change.py): two claims, two years. Corpus:
level_change_pair.jsonl."""

from __future__ import annotations

from burden.claims import check_text


def read(text: str, date: str) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["year"], c["verdict"]) for c in check_text(text, date)["claims"]]


def test_to_y_from_x_in_the_latest_year_dates_y_then_and_x_the_year_before():
    assert read("Slovakia pushed the share of its GDP spent on defence to 1.74 from 1.22 in 2019.", "2019-07-01") == [
        ("ally_pct_gdp", "SVK", 1.74, 2019, "supported"), ("ally_pct_gdp", "SVK", 1.22, 2018, "supported")]


def test_from_x_to_y_in_a_year_gives_the_starting_level_the_year_before():
    assert read("Romania's defence spending rose from 1.82% of GDP to 2.04% in 2019.", "2019-07-01") == [
        ("ally_pct_gdp", "ROU", 1.82, 2018, "supported"), ("ally_pct_gdp", "ROU", 2.04, 2019, "supported")]


def test_up_from_after_a_dated_level_is_the_year_before():
    got = read("In 2024 Norway lifted defence outlays to 2.2 per cent of GDP, up from 1.81 per cent.", "2024-07-01")
    assert got == [("ally_pct_gdp", "NOR", 2.2, 2024, "supported"), ("ally_pct_gdp", "NOR", 1.81, 2023, "supported")]


def test_a_starting_level_with_its_own_year_leaves_the_level_reached_in_the_present():
    got = read("The report estimates Bulgaria spends 1.61 percent of its GDP on defence, a rise from 1.48 percent in 2018.",
               "2019-07-01")
    assert got == [("ally_pct_gdp", "BGR", 1.61, 2019, "supported"), ("ally_pct_gdp", "BGR", 1.48, 2018, "supported")]


def test_an_inferred_year_that_does_not_match_is_unverifiable_never_refuted():
    out = check_text("Poland now devotes 4.12% of GDP to defence, up from 2.2%.", "2024-07-01")["claims"]
    assert [(c["value"], c["verdict"]) for c in out] == [(4.12, "supported"), (2.2, "unverifiable")]
    assert "not stated" in out[1]["explanation"]


def test_other_shares_changing_give_no_claim():
    assert read("Turnout in Lithuania rose from 48% to 61% in 2024, and the budget grew from 2.1 billion to 2.5 billion "
                "euros.", "2024-07-01") == []


def test_bare_decimals_need_the_share_of_gdp_named_before_them():
    assert read("Hungary took its army from 2.05 to 2.11 brigades in 2024.", "2024-07-01") == []


def test_a_planned_change_checks_the_present_level_and_plans_the_new_one():
    got = read("Portugal plans to take the share of its GDP spent on defence from 1.55 to 2.0 by 2029.", "2024-07-01")
    assert got == [("ally_pct_gdp", "PRT", 1.55, 2024, "supported"), ("ally_pct_gdp", "PRT", 2.0, 2029, "unverifiable")]
