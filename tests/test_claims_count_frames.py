"""Frames around a count of allies (rules/count_threshold.py, lexicon count_frames.csv): forecasts, counts without a
number, agreements that are no count, and the nearest whole ally for a fraction. Our own sentences; the phrasings
with verdicts live in the corpus (count_forecast, count_vague, fraction_nearest, count_bare_members,
count_negated_verb, only_one_as, below_set_long, count_deadline_this_year)."""

from __future__ import annotations

import datetime as dt

import pytest

from burden.claims.rules.count_threshold import forecast_after, fraction_value, pledge_deadline
from claims_helpers import claims


@pytest.mark.parametrize("text", [
    "All NATO members agreed in 2014 to reach a minimum of 2% of GDP on defence.",
    "Every ally pledged to move towards 2% within a decade.",
    "All members signed up to a collective pledge to reach the 2% guideline.",
    "All allies vowed to lift spending to 3.5% of GDP.",
])
def test_all_allies_agreeing_to_reach_a_level_is_no_claim_about_where_they_stand(text):
    assert claims(text, "2022-06-28", "all_none_threshold") == []


def test_all_allies_meeting_a_target_they_agreed_to_is_still_an_all_claim():
    found = claims("All allies now meet the 2% guideline they agreed to.", "2025-09-01", "all_none_threshold")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("all_ge", "supported")]


@pytest.mark.parametrize("text", [
    "Spain, like a few allies, has not yet met the 2% guideline.",
    "A few allies raised their budgets last year.",
    "A handful of members sent troops to the exercise.",
])
def test_a_vague_count_with_no_threshold_of_its_own_is_no_count(text):
    assert claims(text, "2024-07-01", "count_at_threshold") == []


@pytest.mark.parametrize(("tail", "expected"), [
    (" allies are projected to meet 2%", "this_year"),
    (" of its 29 members are on track to reach the 2% goal", "open"),
    (" NATO states to hit spending target", "this_year"),
    (" are on course to clear the bar", "open"),
    (" allies met 2% last year", None),
    (" to 23 in 2024", None),
])
def test_a_forecast_phrase_after_a_count_is_read_from_the_lexicon(tail, expected):
    low = "15" + tail.lower()
    assert forecast_after(low, 2) == expected


def test_on_track_without_a_year_means_the_deadline_of_the_pledge_at_that_level():
    assert pledge_deadline(dt.date(2018, 8, 10), 2.0) == 2024
    assert pledge_deadline(dt.date(2025, 9, 10), 3.5) == 2035
    assert pledge_deadline(dt.date(2026, 1, 5), 2.0) is None  # no 2% deadline ahead: no year, unverifiable
    found = claims("Fifteen allies are on track to meet the 2% guideline.", "2026-01-05", "count_at_threshold")
    assert [(c["year"], c["verdict"]) for c in found] == [(None, "unverifiable")]


@pytest.mark.parametrize("text", ["Nearly all allies now meet the 2% target.", "Almost every ally spends at least 2% of GDP.",
                                  "Virtually all members met the guideline in 2024."])
def test_nearly_all_is_most_not_all(text):
    assert claims(text, "2024-07-01", "all_none_threshold") == []
    found = claims(text, "2024-07-01", "count_at_threshold")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("gt", "supported")]


@pytest.mark.parametrize(("words", "share"), [("half", 0.5), ("a third", 1 / 3), ("two-thirds", 2 / 3),
                                              ("three quarters", 0.75), ("a fifth", 0.2), ("two-fifths", 0.4),
                                              ("one in four", 0.25), ("one in ten", 0.1)])
def test_a_fraction_word_is_its_numerator_times_its_unit(words, share):
    assert fraction_value(words) == pytest.approx(share)


def test_a_fraction_word_holds_within_one_whole_ally_and_no_further():
    # 2020-10: ten of the 29 allies with a 2020 value at or above 2%: a third of 29 is 9.67, a quarter 7.25
    third = claims("A third of the allies met the 2% guideline in 2020.", "2020-10-26", "count_at_threshold")
    quarter = claims("A quarter of the allies met the 2% guideline in 2020.", "2020-10-26", "count_at_threshold")
    assert [c["verdict"] for c in third] == ["supported"]
    assert [c["verdict"] for c in quarter] == ["refuted"]


@pytest.mark.parametrize("text, date, op", [
    # the threshold is named in another clause; "lag behind" / "fall short" gives the count its own side
    ("Italy will approach the 2 percent goal this year, but most member states still lag behind.", "2020-10-25", "lt"),
    ("Measured against the 2% yardstick, the majority of the allies still fall short.", "2019-12-10", "lt"),
    ("When it comes to the 2 percent benchmark, most allies are still falling short.", "2018-07-20", "lt"),
    # a pro-verb with no side of its own keeps the side talked about
    ("The two per cent target was long out of reach, but most members now meet it.", "2024-07-01", "ge"),
])
def test_a_most_count_takes_the_side_of_its_own_verb_not_of_the_clause_naming_the_threshold(text, date, op):
    found = [c for c in claims(text, date) if c["type"] == "count_at_threshold"]
    assert [(c["frame"]["detail"], c["verdict"]) for c in found] == [(op, "supported")]


def test_a_count_the_ally_is_among_before_to_and_a_verb_is_the_set_that_meets_it_not_a_forecast():
    # 2023-03-sgar (released 2023-03-21) covers 2022: seven allies at or above 2%; no edition holds 2023 yet
    found = claims("Latvia is among the seven NATO members to meet the two per cent guideline.", "2023-03-24")
    assert [(c["type"], c["year"], c["verdict"]) for c in found if c["type"] == "count_at_threshold"] == [
        ("count_at_threshold", 2022, "supported")]
    assert forecast_after("23 nato allies to hit 2% target", 2) == "this_year"  # a headline's count stays a forecast


def test_a_count_forecast_to_a_deadline_in_the_article_year_is_that_years_count_not_last_years():
    text = "The alliance chief told reporters that 19 allies will meet the spending floor by 2024."
    before_estimate = claims(text, "2024-02-20", "count_at_threshold")
    assert [(c["year"], c["verdict"]) for c in before_estimate] == [(2024, "unverifiable")]
    after_estimate = claims(text, "2024-07-01", "count_at_threshold")  # 2024-06 estimates 23 allies at 2% for 2024
    assert [(c["year"], c["verdict"], c["edition"]) for c in after_estimate] == [(2024, "refuted", "2024-06")]
