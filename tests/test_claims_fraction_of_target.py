"""An ally's share of GDP told as a fraction of the target ("about half the 2% target", "barely meeting two-thirds of
the minimum spending target"): the fraction times the target's level, the hedge's comparator, "about" when none."""

from __future__ import annotations

from claims_helpers import claims

DATE = "2024-07-01"  # edition 2024-06: ESP 1.28, BEL 1.30, LUX 1.29, CAN 1.37


def _read(text: str, date: str = DATE) -> list[tuple[str, str, float, int, str]]:
    return [(c["subject"], c["comparator"], c["value"], c["year"], c["verdict"])
            for c in claims(text, date, "ally_pct_gdp")]


def test_a_fraction_of_a_target_with_its_level_is_that_share_of_gdp():
    assert _read("Spain spends about half the 2% target on defence.") == [("ESP", "approx", 1.0, 2024, "refuted")]
    assert _read("Luxembourg spends less than a third of the 2% goal.") == [("LUX", "lt", 0.67, 2024, "refuted")]


def test_a_target_without_a_level_is_the_two_per_cent_guideline():
    assert _read("Canada spends roughly two-thirds of the NATO guideline.") == [("CAN", "approx", 1.33, 2024, "supported")]


def test_a_year_naming_the_pledge_does_not_date_the_figure():
    assert _read("Eight years on from the 2014 pledge, Spain barely reaches half of the minimum target.",
                 "2022-08-01") == [("ESP", "approx", 1.0, 2022, "supported")]


def test_a_demanded_fraction_is_no_claim():
    assert _read("Spain should spend at least half the 2% target.") == []
