"""Which year and which membership a claim is judged on: relative years counted from the sentence's own year, a level
dated by its adverb, a plan's deadline kept to its clause, and the membership a year ended with."""

from __future__ import annotations

import re

import pytest

from burden.claims.extract import YEAR_BACK, year_step
from burden.claims.lexicon import rows
from claims_helpers import claims


@pytest.mark.parametrize("text, date, years", [
    # 2025-08: 18 allies at 2% in 2024, 10 in 2023; 2024-06: 10 in 2023 (2024-03-sgar had 11), 7 in 2022
    ("Eighteen NATO countries met the 2% guideline in 2024, up from ten the year before.", "2025-09-15", [2024, 2023]),
    ("In 2024 some 18 allies reached two percent of GDP, compared with 10 a year earlier.", "2025-09-15", [2024, 2023]),
    ("In 2023, 11 members hit the benchmark, versus seven in the prior year.", "2024-07-01", [2023, 2022]),
    ("Last year 18 members were at or above the 2% mark, against ten the previous year.", "2025-09-15", [2024, 2023]),
])
def test_a_count_a_year_earlier_than_a_dated_count_is_counted_from_that_year_not_from_today(text, date, years):
    found = claims(text, date, "count_at_threshold")
    assert [c["year"] for c in found] == years
    assert "refuted" not in [c["verdict"] for c in found]


@pytest.mark.parametrize("text, date, ally, year, verdict", [
    # 2016-07: Hungary 1.01 in 2016 (0.95 is refuted); 2024-06: Italy 1.49, Portugal 1.55 in 2024
    ("Hungary will increase military spending step by step to 2 percent by 2024 from 0.95 percent now.", "2016-12-01",
     "HUN", 2016, "refuted"),
    ("Rome plans to raise the share to 2 per cent by 2028 from 1.49 per cent at present.", "2024-07-01", "ITA", 2024,
     "supported"),
    ("Lisbon aims for 2% of GDP by 2029, from 1.55% of GDP today.", "2024-07-01", "PRT", 2024, "supported"),
])
def test_the_level_a_plan_starts_from_with_a_present_adverb_is_todays_figure(text, date, ally, year, verdict):
    found = [(c["year"], c["value"], c["verdict"]) for c in claims(text, date, "ally_pct_gdp") if c["subject"] == ally]
    assert (year, verdict) in [(y, v) for y, _x, v in found]
    assert any(v == "unverifiable" and y > year for y, _x, v in found)  # the plan itself


@pytest.mark.parametrize("text, date, ally, year", [
    ("Madrid has pledged to hit 2% by 2029, but Spain still spends only 1.28% of GDP.", "2024-07-01", "ESP", 2024),
    ("Canada has vowed to reach 5% by 2035, but it is at 2.01% of GDP.", "2025-09-15", "CAN", 2025),
    ("Rome promised two per cent by 2028, but Italy remains at 1.49 per cent.", "2024-07-01", "ITA", 2024),
])
def test_a_plans_deadline_does_not_date_the_present_figure_of_a_contrasting_clause(text, date, ally, year):
    found = [(c["year"], c["verdict"]) for c in claims(text, date, "ally_pct_gdp") if c["subject"] == ally]
    assert (year, "supported") in found


@pytest.mark.parametrize("text, date, verdict", [
    ("In 2023, 19 of the 30 member states spent less than 2% of GDP.", "2024-02-12", "refuted"),  # Finland, April 2023
    ("In 2024, only 19 of the 31 members met the target.", "2025-08-29", "refuted"),  # Sweden, March 2024
    ("In 2023, 10 of the 31 members spent 2% or more.", "2024-06-20", "supported"),
    ("In 2021, eight of the 30 allies reached the guideline.", "2022-06-30", "supported"),
])
def test_the_membership_of_a_dated_year_is_the_one_that_year_ended_with(text, date, verdict):
    assert [c["verdict"] for c in claims(text, date, "member_count")] == [verdict]


@pytest.mark.parametrize("text, date, expected", [
    # 2019-06: three allies at 2% in 2014 (the Wales pledge's year, five years before)
    ("Nine allies now meet the 2% guideline, compared with only three a few years ago.", "2019-12-10",
     (2014, "supported")),
    ("Nine allies now meet the 2% guideline, compared with only four a few years ago.", "2019-12-10",
     (2014, "unverifiable")),  # not matching the guessed year is no refutation
    # ten years after the pledge is no longer "a few years ago": no year, unverifiable
    ("This year 23 allies will reach the guideline, up from only three a few years ago.", "2024-07-10",
     (None, "unverifiable")),
])
def test_a_count_a_few_years_ago_is_read_as_the_pledges_year_and_never_refuted_on_it(text, date, expected):
    found = claims(text, date, "count_at_threshold")
    assert (found[-1]["year"], found[-1]["verdict"]) == expected


@pytest.mark.parametrize("forecast", [
    "A further rise is expected for 2023.",
    "Berlin will table a bigger budget this year.",
    "More orders are due to follow in 2023, officials said.",
])
def test_a_forecast_sentences_year_does_not_date_the_past_figure_after_it(forecast):
    # 2023-03-sgar (the edition current on 2023-04-11) ends with 2022: Germany 1.49
    found = claims(forecast + " Germany stayed at about 1.5% of GDP.", "2023-04-11", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("DEU", 2022, "supported")]


def test_a_past_year_named_before_still_dates_the_figure_after_it():
    found = claims("In 2019 the leaders met in London. Germany stayed at about 1.4% of GDP.", "2023-04-11", "ally_pct_gdp")
    assert [c["year"] for c in found] == [2019]


@pytest.mark.parametrize("words, step", [
    ("the following year, spain spent more", 1), ("a year later the number had doubled", 1),
    ("one year afterwards it fell", 1), ("six years on, most allies had caught up", 6),
    ("12 years after that the figure rose", 12), ("a year earlier it was lower", -1),
    ("three years before that, only two did", -3), ("the year before, it was lower.", -1),
    ("two years previously it stood at 1.1%", -2), ("a decade earlier only three did", -10),
    ("two decades before that it was higher.", -20),
])
def test_a_year_step_counts_forward_or_back_from_the_year_talked_about(words, step):
    found = year_step(words, frozenset(re.findall(r"[a-z]+", words)))
    assert found is not None and found[1] == step


@pytest.mark.parametrize("words", [
    "the us spends more than a trillion dollars a year on defence",  # "a year on" is no step
    "two years before the summit, italy spent 1.1%",  # counted from the summit, not from the year talked about
    "spending rose 3% compared to the previous year",  # the previous year: a comparison's baseline
])
def test_words_that_count_from_something_else_are_no_year_step(words):
    assert year_step(words, frozenset(re.findall(r"[a-z]+", words))) is None


@pytest.mark.parametrize("words, baseline", [
    ("a year earlier", True), ("one year previously", True), ("the year before", True), ("a year before that", True),
    ("a year ago", True), ("the prior year", True), ("last year", True), ("two years earlier", False),
    ("a decade earlier", False), ("a year later", False), ("the following year", False),
])
def test_one_year_back_is_a_comparisons_baseline(words, baseline):
    # the same words year_step counts back by, when they count one year (lexicon year_step.csv, read through dates.year_words)
    assert (re.fullmatch(YEAR_BACK, words) is not None) == baseline


def test_every_back_word_after_a_count_is_read_by_year_step_and_as_the_year_before():
    for row in rows("year_step"):
        if row["step"] == "-n" and row["from"] == "talked" and "(" not in row["pattern"]:  # (plain words)
            words = "a year " + row["pattern"].replace(r"\s", " ")
            assert year_step(words, frozenset(re.findall(r"[a-z]+", words)))[1] == -1
            assert re.fullmatch(YEAR_BACK, words) is not None


@pytest.mark.parametrize("text, years", [
    # 2024-06: Latvia 2.09 in 2021 and 0.94 in 2014, Norway 1.46 in 2022 and 1.54 in 2014, Denmark 1.15 in 2014: years
    # counted back from the year named in the sentence (one reader, extract.year_step), not from the article's date
    ("In 2024 Latvia spent 3.15% of GDP, up from 2.09% three years previously.", [2024, 2021]),
    ("Latvia spent 2.06% of GDP in 2018, up from 0.94% four years earlier.", [2018, 2014]),
    ("Norway reached 2.2% of GDP in 2024, after 1.46% two years before that.", [2024, 2022]),
    ("In 2024 Denmark spent 2.37% of GDP, compared with 1.15% a decade earlier.", [2024, 2014]),
    ("A year earlier, Norway spent 1.81% of GDP.", [2023]),  # (no year talked about: counted from the article's date)
])
def test_a_figure_years_earlier_than_a_named_year_is_counted_from_that_year(text, years):
    found = claims(text, "2024-09-10", "ally_pct_gdp")
    assert [(c["year"], c["verdict"]) for c in found] == [(y, "supported") for y in years]


def test_the_previous_year_right_after_a_figure_is_that_figures_year():
    low = "eleven in 2023, up from seven the previous year"
    found = year_step(low, frozenset(re.findall(r"[a-z]+", low)), at=low.index("seven") + len("seven"))
    assert found is not None and found[1] == -1


@pytest.mark.parametrize("text, years", [
    # 2025-08: 18 allies at 2% in 2024, 3 in 2014 (ten years before the count's own year, not before the article)
    ("In 2024, 18 allies met the 2% guideline, up from three ten years earlier.", [2024, 2014]),
    ("Some 18 members reached 2% of GDP in 2024, compared with three 10 years before that.", [2024, 2014]),
    # "the year before the war" counts from the war, not from 2024: that count has no year of its own
    ("In 2024, 18 allies met the 2% guideline, against three in the year before the war.", [2024]),
])
def test_a_baseline_count_years_back_from_a_dated_count_is_counted_from_that_count(text, years):
    found = claims(text, "2025-09-15", "count_at_threshold")
    assert [c["year"] for c in found] == years
    assert "refuted" not in [c["verdict"] for c in found[1:]]
