"""A set of allies named by its level, and the allies in it (rules/set_members.py, lexicon set_members.csv): the
level in the sentence ("Allies now above 3% include A and B") or carried from the sentence before ("Two years later,
they were joined by A and B", "Most, including A, do not"). Corpus: set_by_level.jsonl, set_continued.jsonl."""

from __future__ import annotations

import csv
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import check_text
from burden.claims.lexicon import FOLDER


def read(text: str, date: str) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["comparator"], c["year"], c["verdict"])
            for c in check_text(text, date)["claims"]]


def last_sentence(text: str, date: str, types: tuple[str, ...] = ("ally_pct_gdp", "all_none_threshold")) -> list[tuple]:
    """The claims of these types in the text's last sentence (other rules may read a count there too)."""
    out = check_text(text, date)["claims"]
    end = max(c["span"][1] for c in out) if out else 0
    return [(c["type"], c["subject"], c["value"], c["comparator"], c["year"], c["verdict"])
            for c in out if c["span"][1] == end and c["type"] in types]


def test_examples_of_a_set_named_by_its_level_each_take_its_side():
    assert read("Members under 1.5% of GDP this year include Spain and Belgium.", "2024-07-01") == [
        ("ally_pct_gdp", "ESP", 1.5, "lt", 2024, "supported"),
        ("ally_pct_gdp", "BEL", 1.5, "lt", 2024, "supported")]


def test_a_range_set_gives_its_examples_the_range():
    got = read("Some allies sit between 2 and 2.5 per cent now, among them Hungary and Sweden.", "2024-07-01")
    assert [(c[1], c[2], c[3]) for c in got] == [("HUN", [2.0, 2.5], "between"), ("SWE", [2.0, 2.5], "between")]


def test_a_listed_ally_on_the_wrong_side_of_the_level_is_refuted():
    got = read("Allies at 2% or more this year include Italy.", "2024-07-01")
    assert got == [("ally_pct_gdp", "ITA", 2.0, "ge", 2024, "refuted")]


def test_a_forecast_set_is_unverifiable_for_each_member():
    got = read("Allies expected above 2% by 2024 include Romania and Latvia.", "2019-07-01")
    assert [c[-1] for c in got] == ["unverifiable", "unverifiable"]


def test_the_number_of_a_set_and_its_one_member_is_no_figure_of_the_member():
    assert not [c for c in read("1: the number of allies still below 2 per cent this year, namely Slovenia.", "2026-07-20")
                if c[0] == "ally_pct_gdp"]


def test_allies_joining_a_counted_set_take_its_threshold_years_after_its_year():
    text = "In 2017 only four allies met the 2% guideline. Two years later, they were joined by Poland and Latvia."
    assert last_sentence(text, "2019-07-01") == [("ally_pct_gdp", "POL", 2.0, "ge", 2019, "supported"),
                                                 ("ally_pct_gdp", "LVA", 2.0, "ge", 2019, "supported")]


def test_three_allies_joining_a_set_are_one_claim_about_the_list():
    text = "Back in 2022, just seven members cleared the guideline of 2 per cent.\n\nThree years on, those seven have been " \
           "joined by Belgium, Portugal and Canada."
    assert last_sentence(text, "2025-09-01") == [("all_none_threshold", "BEL,PRT,CAN", 2.0, "all_ge", 2025, "supported")]


def test_examples_of_an_elided_negated_verb_are_below_the_pledged_level_now():
    text = "NATO set a target in 2014 that each member should spend 2% of GDP on defence. Most, including Italy, still do not."
    assert last_sentence(text, "2019-07-01") == [("ally_pct_gdp", "ITA", 2.0, "lt", 2019, "supported")]


def test_a_past_elided_verb_keeps_the_year_talked_about():
    text = "In 2016, five allies met the 2% guideline. Most, including France, did not."
    assert last_sentence(text, "2019-07-01") == [("ally_pct_gdp", "FRA", 2.0, "lt", 2016, "supported")]


def test_a_list_continuing_a_forecast_count_is_a_forecast():
    text = "NATO forecasts that nine allies will reach the goal in 2018. By 2024, it sees 15 allies at 2% or more. " \
           "The additional countries since 2014 are Poland and Latvia."
    assert {c[-1] for c in last_sentence(text, "2018-02-14")} == {"unverifiable"}


def test_people_joining_at_a_meeting_are_no_set():
    text = "Only three allies met the 2% goal in 2014. They were joined at the summit by the leaders of Sweden and Finland."
    second = text.index("They were")
    assert [c for c in check_text(text, "2024-07-01")["claims"] if c["span"][0] >= second] == []


def test_joining_the_set_is_no_accession():
    text = "By 2023 only eleven allies met the 2% guideline. This year Italy and Spain joined them."
    assert [c[0] for c in read(text, "2025-09-01")].count("accession") == 0


def test_a_list_with_no_threshold_before_it_gives_nothing():
    assert read("Two years later, they were joined by Latvia and Romania.", "2019-07-01") == []


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=2, max_value=9), st.sampled_from(["later", "on"]))
def test_n_years_later_counts_from_the_year_talked_about(n, word):
    words = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine"}
    text = f"In 2014 only three allies met the 2% guideline. {words[n]} years {word}, they were joined by Poland."
    got = last_sentence(text, "2025-09-01")
    assert got and got[0][:5] == ("ally_pct_gdp", "POL", 2.0, "ge", 2014 + n)


def test_every_lexicon_row_compiles_and_names_a_known_kind():
    with (FOLDER / "en" / "set_members.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    kinds = {"prep", "set_before", "intro", "joined_before", "joined_after", "elided_before", "elided_after", "joins_set",
             "joins_as"}
    assert {r["kind"] for r in rows} == kinds
    for r in rows:
        re.compile(r["pattern"])
        assert r["op"] in ("", "eq", "ge", "gt", "lt", "le")


def test_an_ally_joining_a_set_placed_by_a_status_takes_its_side():
    got = read("Romania joined Poland and Latvia among the members meeting the guideline this year.", "2019-07-01")
    assert got == [("ally_pct_gdp", "ROU", 2.0, "ge", 2019, "supported")]


def test_a_forecast_of_joining_a_set_past_the_editions_is_a_plan():
    got = read("Hungary is expected to join Poland and Romania as the only allies in the region meeting the guideline "
               "by 2024.", "2019-03-20")
    assert got == [("ally_pct_gdp", "HUN", 2.0, "ge", 2024, "unverifiable")]


def test_joining_an_ally_in_something_else_is_no_claim_and_no_accession():
    assert read("Finland joined Sweden in applying for membership in 2022.", "2024-07-01") == []


def test_at_the_time_points_back_to_n_years_ago():
    text = "Ten years ago, allies promised to move toward 2% of GDP. At the time, Germany spent 1.19% of its GDP on defence."
    assert last_sentence(text, "2024-07-11") == [("ally_pct_gdp", "DEU", 1.19, "eq", 2014, "supported")]


def test_at_the_time_of_writing_is_the_present():
    text = "Allies first agreed a 2% goal a decade ago. At the time of writing, Italy spends 1.49% of GDP on defence."
    assert last_sentence(text, "2024-07-01") == [("ally_pct_gdp", "ITA", 1.49, "eq", 2024, "supported")]
