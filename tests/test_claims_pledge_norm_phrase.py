"""A level inside a phrase naming the alliance's norm is a claim about the pledge (rules/pledge.py, lexicon
pledge_words.csv kinds norm_for and states, pledge.CURRENT): never an ally's figure, nor a claim about all allies; a
government ready or prepared to raise its spending states a plan (modality.csv). Our own sentences."""

from __future__ import annotations

import pytest

from burden.claims import check_text


def _read(text: str, date: str) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["verdict"]) for c in check_text(text, date)["claims"]]


@pytest.mark.parametrize("text", [
    "Greece drew nearer to NATO's aim of having all members put 2 percent of output into their armed forces.",
    "Portugal moved closer to meeting the alliance's goal that every member spend 2% of GDP on defence.",
    "The goal of getting all allies to invest 2 percent of output in defence remains far off for Spain.",
])
def test_a_level_in_a_norm_of_having_every_member_spend_is_the_pledge_not_an_ally_or_all_claim(text):
    read = _read(text, "2020-10-22")
    assert [r[0] for r in read] == ["pledge"] and read[0][2:] == (2.0, "supported")


def test_the_existing_target_is_the_standing_target_on_the_date():
    assert _read("Diplomats expect the existing goal of 2% to give way to a higher one soon.", "2025-06-13") == [
        ("pledge", "VILNIUS2023_2PCT_FLOOR", 2.0, "supported")]


def test_a_pledge_told_by_its_sum_is_the_pledge_not_the_alliances_spending():
    read = _read("The 2035 pledge totals 5% of GDP, a level no ally spends today.", "2025-10-20")
    assert read == [("pledge", "HAGUE2025_5PCT_TOTAL", 5.0, "supported")]


@pytest.mark.parametrize("text", [
    "Lisbon's cabinet is prepared to lift military outlays to 4% of output, well above the existing goal of 2%.",
    "Belgium is ready to lift its defence budget to 2.5% of GDP.",
    "Rome is willing to raise outlays to 3% of GDP.",
])
def test_readiness_to_raise_spending_is_a_plan_never_refuted_against_the_current_level(text):
    allies = [r for r in _read(text, "2025-06-13") if r[0] == "ally_pct_gdp"]
    assert allies and all(r[3] == "unverifiable" for r in allies)


@pytest.mark.parametrize("text", [
    "The 2% level is now the floor, not the ceiling.",
    "That two per cent, which capitals once treated as a ceiling, is now the floor.",
])
def test_a_level_said_to_be_now_the_floor_is_the_vilnius_floor_once_it_stands(text):
    assert _read(text, "2024-05-02") == [("pledge", "VILNIUS2023_2PCT_FLOOR", 2.0, "supported")]
    assert _read(text, "2021-05-05") == []  # before Vilnius: an opinion


def test_an_ally_that_has_met_the_alliances_norm_keeps_the_level_as_its_own_figure():
    read = _read("Denmark has met the alliance's target that each member spend 2% of GDP.", "2024-07-01")
    assert [(r[0], r[1]) for r in read] == [("ally_pct_gdp", "DNK")]


@pytest.mark.parametrize("text", [
    "Hungary spent well over 2.4 percent last year, more than the 2 percent required by the NATO agreement.",
    "Poland, which spends about 4 percent, calls the alliance's target of allocating 2 percent of GDP too low.",
])
def test_a_norm_named_by_what_it_asks_is_a_pledge_claim_beside_the_allys_own_claim(text):
    types = [r[0] for r in _read(text, "2024-07-20")]
    assert "pledge" in types and "ally_pct_gdp" in types


@pytest.mark.parametrize("text", [
    "Only five allies met the goal of spending 2 percent of GDP on defence last year.",
    "Canada remains below the alliance's goal of putting 2% of its GDP into defence.",
    "Estonia adheres to NATO's recommendation of spending 2 percent of GDP on defence.",
])
def test_a_norm_named_by_what_it_asks_but_met_or_missed_is_no_pledge_claim(text):
    assert "pledge" not in [r[0] for r in _read(text, "2018-07-20")]
