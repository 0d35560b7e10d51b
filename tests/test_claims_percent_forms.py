"""Per cent written "pc" after digits (British press), and a share of GDP beside a share of the alliance's spending."""

from __future__ import annotations

import pytest

from burden.claims.quantities import find_percentages
from claims_helpers import claims

DATE = "2024-07-01"  # edition 2024-06


def test_pc_after_digits_is_a_per_cent_sign_but_not_in_capitals_or_after_words():
    assert [q.value for q in find_percentages("Britain spends 2.3pc of GDP, up from 2.1 pc.")] == [2.3, 2.1]
    assert find_percentages("PC 1234 and 12 PC stood by.") == []
    assert find_percentages("two pc of output") == []


def test_a_share_of_gdp_beside_a_share_of_allied_spending_is_read_for_the_ally():
    found = claims("The US accounts for around two-thirds of allied defence spending and spends 3.4% of GDP.", DATE)
    assert {(c["type"], c["subject"]) for c in found} == {("share_of_alliance", "USA"), ("ally_pct_gdp", "USA")}
    pct = next(c for c in found if c["type"] == "ally_pct_gdp")
    assert (pct["value"], pct["verdict"]) == (3.4, "supported")


def test_a_target_level_beside_a_share_stays_no_ones_figure():
    found = claims("The United States is responsible for 70 percent of NATO military spending, and few allies reach "
                   "the alliance's target of having defence budgets of 2 percent of their GDP.", DATE)
    assert not [c for c in found if c["type"] == "ally_pct_gdp"]


def test_a_decimal_comma_before_a_per_cent_sign_is_a_decimal_but_thousands_are_not():
    assert [(q.value, q.decimals) for q in find_percentages("1,49% and 2,1 percent")] == [(1.49, 2), (2.1, 1)]
    assert [q.value for q in find_percentages("a 1,000% rise")] == [1000.0]
    assert [q.value for q in find_percentages("In 2019, 2% was the goal")] == [2.0]


def test_wire_pct_and_a_hyphenated_per_cent_are_per_cent_signs():
    assert [q.value for q in find_percentages("1.5 pct of GDP and 1.3 per-cent of output")] == [1.5, 1.3]
    assert find_percentages("PCT 12 was filed") == []


def test_a_share_of_gross_national_product_is_read_as_a_share_of_gdp():
    found = claims("Germany devoted 2.1 per cent of gross national product to defence.", DATE)
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("DEU", 2.1, "supported")]


@pytest.mark.parametrize("text,value", [
    ("the statutory two-percent level", 2.0), ("a 2-percent target", 2.0), ("the three-per-cent mark", 3.0),
    ("a 3.5-percent core goal", 3.5),
])
def test_a_hyphen_joins_a_number_to_its_percent_sign(text, value):
    assert [(q.kind, q.value) for q in find_percentages(text)] == [("pct", value)]


def test_a_hyphen_after_a_word_that_is_no_number_makes_no_percentage():
    assert find_percentages("the run-percent field") == []


def test_a_bare_list_item_takes_the_unit_of_the_signed_items_after_it():
    text = "Latvia with 3.15, Lithuania with 2.85 percent and Greece with 3.08 percent."
    assert [q.value for q in find_percentages(text)] == [3.15, 2.85, 3.08]
    # no signed figure after it: the bare number is not a share ("the yield at 2.32, after 2.1% last year")
    assert [q.value for q in find_percentages("Inflation hit 2.1%, while the yield stood at 2.32, a high.")] == [2.1]
