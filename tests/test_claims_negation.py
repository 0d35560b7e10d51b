"""Negation read the same way whether it is written "not", "n't" with a straight ('), curly (’) or modifier-letter
(ʼ) apostrophe, or "failed to"/"failing to": a count, an ally's figure and a "most" claim land on the other side
of the threshold. (2023 figures of the 2024-06 edition: 21 allies below 2%, Spain, Canada, Belgium below, Poland
far above.)"""

import pytest

from burden.claims.rules.count_threshold import threshold_op
from claims_helpers import claims

APOSTROPHES = ["'", "’", "ʼ"]
CONTRACTIONS = ["don{a}t", "doesn{a}t", "didn{a}t", "isn{a}t", "aren{a}t", "wasn{a}t", "weren{a}t", "haven{a}t",
                "hasn{a}t", "hadn{a}t", "won{a}t", "can{a}t", "couldn{a}t", "wouldn{a}t", "shouldn{a}t"]


def _count(text: str, date: str = "2024-07-03") -> list[tuple]:
    return [(c["metric"], c["value"], c["verdict"]) for c in claims(text, date, "count_at_threshold")]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
@pytest.mark.parametrize("verb", ["didn{a}t meet", "haven{a}t met", "hadn{a}t reached", "weren{a}t hitting"])
def test_a_contracted_negation_puts_a_count_below_the_threshold_in_every_apostrophe(apostrophe, verb):
    text = f"In 2023, 21 allies {verb.format(a=apostrophe)} the 2% guideline, NATO data show."
    assert _count(text) == [("count(def_exp_pct_gdp<2)", 21.0, "supported")]


@pytest.mark.parametrize("verb", ["have not met", "failed to meet", "were failing to reach", "have not yet reached"])
def test_not_met_and_failed_to_meet_put_a_count_below_the_threshold(verb):
    assert _count(f"In 2023, 21 member states {verb} the 2% target.") == [("count(def_exp_pct_gdp<2)", 21.0, "supported")]


def test_a_wrong_negated_count_is_refuted_on_the_below_side():
    # 11 allies were at or above 2% in 2023, so "11 did not meet it" is false
    assert _count("The senator said 11 allies didn’t meet the 2% goal in 2023.") == [
        ("count(def_exp_pct_gdp<2)", 11.0, "refuted")]


@pytest.mark.parametrize("contraction", CONTRACTIONS)
@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_every_contraction_counts_exactly_like_not_before_the_threshold(contraction, apostrophe):
    word = contraction.format(a=apostrophe)
    window = f"most allies {word} meet the "
    assert threshold_op(window + "2%", len(window)) == "lt"
    assert threshold_op("most allies do not meet the 2%", len("most allies do not meet the ")) == "lt"
    assert threshold_op("most allies meet the 2%", len("most allies meet the ")) == "ge"


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_an_ally_that_doesnt_spend_the_threshold_is_read_as_below_it(apostrophe):
    found = claims(f"Spain doesn{apostrophe}t spend 2% of GDP on defence, NATO figures for 2023 show.", "2024-07-09",
                   "ally_pct_gdp")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("ESP", "lt", "supported")]
    found = claims(f"A leaflet says Poland didn{apostrophe}t spend 2% of GDP on defence in 2023.", "2024-07-09",
                   "ally_pct_gdp")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("POL", "lt", "refuted")]


def test_most_allies_dont_meet_reads_like_most_allies_do_not_meet():
    for text in ("Most allies still don’t meet the 2% target this year.", "Most allies still do not meet the 2% target this year."):
        found = claims(text, "2023-07-15", "count_at_threshold")
        assert [(c["metric"], c["comparator"], c["verdict"]) for c in found] == [("def_exp_pct_gdp", "gt", "supported")]
        assert found[0]["read_as"] == claims("Most allies do not meet the 2% target this year.", "2023-07-15")[0]["read_as"]


def test_a_contraction_after_the_threshold_or_far_from_the_figure_negates_nothing():
    assert _count("Ten allies met the 2% guideline in 2023, while the rest didn’t.") == [
        ("count(def_exp_pct_gdp>=2)", 10.0, "supported")]
    found = claims("Germany doesn’t publish the figure monthly, but NATO estimates it spent 1.64% of GDP in 2023.",
                   "2024-07-14", "ally_pct_gdp")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("eq", "supported")]


def test_a_double_negation_with_a_contraction_is_no_negation():
    found = claims("Poland hasn’t failed to spend 2% of GDP in any recent year, and in 2023 it spent 3.26%.",
                   "2024-07-09", "ally_pct_gdp")
    assert all(c["comparator"] != "lt" for c in found)


@pytest.mark.parametrize("text", ["Canada does not spend even 1.5% of GDP, the 2023 figures show.",
                                  "Canada doesn’t spend even 1.5% of GDP, the 2023 figures show.",
                                  "Canada doesn't even spend 1.5% of GDP, the 2023 figures show."])
def test_not_spend_even_is_one_negation_below_the_figure_not_two(text):
    found = claims(text, "2024-07-17", "ally_pct_gdp")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("lt", "supported")]


# One reader (claims/negation.py, lexicon negation.csv) serves the status phrase, the ally's figure, the count's side
# and the misconception's key phrase: each cue row negates in every one of them.
CUES = ["did not", "never", "no longer", "failed to", "are yet to", "were unable to", "cannot", "haven’t"]


@pytest.mark.parametrize("cue", CUES)
def test_every_negation_cue_puts_a_count_below_the_threshold(cue):
    assert threshold_op(f"Most allies {cue} meet 2% of GDP", len(f"Most allies {cue} meet ")) == "lt"


@pytest.mark.parametrize("cue", ["does not", "no longer", "fails to", "is unable to", "cannot", "doesn’t"])
def test_every_negation_cue_puts_an_ally_below_the_target_it_names(cue):
    found = claims(f"In 2023 Spain {cue} meet the 2% target, the figures show.", "2024-07-03", "ally_pct_gdp")
    assert [(c["subject"], c["comparator"]) for c in found] == [("ESP", "lt")]


@pytest.mark.parametrize("text", ["In 2023 Canada has never failed to meet the 2% target.",
                                  "In 2023 Canada did not fail to meet the 2% target."])
def test_a_negation_undone_by_a_second_one_leaves_the_ally_at_the_target(text):
    found = claims(text, "2024-07-03", "ally_pct_gdp")
    assert [(c["subject"], c["comparator"]) for c in found] == [("CAN", "ge")]


def test_a_failure_cue_negates_an_achievement_but_does_not_rebut_a_debt():
    from burden.claims import negation
    low = "germany failed to pay the dues it owes nato"
    assert negation.negated(low, 0, low.index("pay"))
    assert not negation.negated(low, 0, low.index("pay"), key_phrase=True)
    found = claims("Germany failed to pay the dues it owes NATO, the senator said.", "2019-03-04", "misconception")
    assert [c["value"] for c in found] == [True]


def test_a_list_named_against_the_guideline_in_words_is_judged_without_a_figure():
    # (was an AssertionError in the judge: the claim had no quantity to take its decimals from)
    found = claims("Both Germany and Canada remain below the guideline.", "2018-07-20", "ally_pct_gdp")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("DEU", "lt", "supported"),
                                                                                ("CAN", "lt", "supported")]


def test_neither_nor_negates_the_subject_for_the_status_and_for_a_misconception():
    found = claims("Neither Germany nor Italy meets the 2% target.", "2018-07-20", "ally_pct_gdp")
    assert [(c["subject"], c["comparator"]) for c in found] == [("ITA", "lt")]
    rebutted = claims("Neither the alliance nor its members pay the United States anything.", "2019-03-04", "misconception")
    assert [c["verdict"] for c in rebutted] == ["supported"]
