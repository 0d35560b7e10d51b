"""The allies named after "but not", "unlike", "except", "with the exception of" (lexicon except.csv) are on the other
side of the comparison the clause before makes; after a mere value, or with no ally named, nothing is added."""

from __future__ import annotations

from claims_helpers import claims

DATE = "2024-07-01"  # edition 2024-06: DEU 2.12, ITA 1.49, ESP 1.28, CAN 1.37, PRT 1.55


def _read(text: str) -> set[tuple[str, str, float, str]]:
    return {(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in claims(text, DATE, "ally_pct_gdp")}


def test_but_not_puts_the_ally_below_the_goal_the_clause_meets():
    assert _read("Germany now meets the 2% goal, but not Italy.") == {("DEU", "ge", 2.0, "supported"),
                                                                     ("ITA", "lt", 2.0, "supported")}


def test_an_exception_after_a_headline_figure_target():
    assert ("CAN", "lt", 2.0, "supported") in _read("Germany hits 2% target, but not Canada")
    assert ("DEU", "lt", 2.0, "refuted") in _read("Ten allies now clear the 2% spending benchmark, but not Germany")


def test_unlike_after_an_above_claim_is_at_most_the_threshold():
    assert ("ESP", "le", 2.0, "supported") in _read("Poland and the Baltic states spend well over 2%, unlike Spain.")
    assert ("PRT", "le", 2.0, "supported") in _read("Sweden exceeds the 2 per cent guideline this year, but not Portugal.")


def test_a_value_or_no_ally_after_the_words_adds_nothing():
    assert _read("Norway spends 2.2%, unlike Italy.") == {("NOR", "eq", 2.2, "supported")}
    assert _read("Germany now meets the 2% goal, but not by much.") == {("DEU", "ge", 2.0, "supported")}
    assert not [c for c in claims("All allies must reach 2% by 2030, except Spain.", DATE) if c["subject"] == "ESP"]


def test_an_ally_in_or_not_in_the_set_that_meets_the_target():
    date = "2019-06-20"  # edition 2019-03-sgar: ITA 1.15, POL 2.05
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in claims(
        "Poland was one of the eight European allies to honour its financial commitments to the alliance.", date,
        "ally_pct_gdp")] == [("POL", "ge", "supported")]
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in claims(
        "Italy is not among the allies that meet the target.", date, "ally_pct_gdp")] == [("ITA", "lt", "supported")]
