"""US$ amounts that are no NATO figure (rules/spending.py): a national amount converted in brackets (its currency from
lexicon/en/currencies.csv) and an amount whose own label names the world's spending. Every sentence is ours."""

from __future__ import annotations

import pytest

from claims_helpers import claims


@pytest.mark.parametrize("text", [
    "Warsaw plans PLN 200 billion ($49.5 billion) for its forces next year.",
    "Oslo will lift the budget to NOK 100 billion (about $9.3 billion) in 2025.",
    "Ottawa's allocation is C$41 billion ($30 billion) this fiscal year.",
    "Budapest will spend 1,300 billion forints ($3.4 billion) on its army.",
    "Copenhagen set aside 50 billion kroner ($7.2 billion) for new kit.",
])
def test_a_national_amount_converted_in_brackets_is_no_claim(text):
    assert claims(text, "2025-02-10", "spending_usd") == []


@pytest.mark.parametrize("text", [
    "$2,240bn  Total worldwide military expenditure in 2022.",
    "$2.44 trillion: global military spending last year.",
    "US$2.4tn - world military expenditure in 2023.",
])
def test_an_amount_labelled_as_the_worlds_spending_is_no_claim(text):
    assert claims(text, "2024-04-22", "spending_usd") == []


def test_an_allys_dollar_amount_beside_a_world_share_or_a_currency_code_elsewhere_is_still_read():
    found = claims("The US spent $916 billion in 2023, more than a third of world military spending.", "2024-07-01")
    assert [(c["subject"], c["value"]) for c in found if c["type"] == "spending_usd"] == [("USA", 916.0)]
    found = claims("Poland's outlays reached $31.6 billion in 2023, while its plan in PLN keeps rising.", "2024-07-01")
    assert [(c["subject"], c["value"]) for c in found if c["type"] == "spending_usd"] == [("POL", 31.6)]


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("Washington pays most of the alliance's $1.47 trillion this year.", "NATO_TOTAL", 1470.0),
    ("Berlin adds to NATO's combined $1.47tn this year.", "NATO_TOTAL", 1470.0),
    ("Ottawa's share of the allies' total US$1.47 trillion this year is small.", "NATO_TOTAL", 1470.0),
])
def test_a_groups_possessive_right_before_the_amount_makes_it_the_groups(text, subject, value):
    found = claims(text, "2024-09-10", "spending_usd")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [(subject, value, "supported")]


def test_a_headlines_capital_b_or_t_is_the_scale_and_a_lower_case_letter_is_none():
    assert [(c["subject"], c["value"]) for c in claims("US to spend $968B on defense in 2024", "2024-09-10", "spending_usd")] == [
        ("USA", 968.0)]
    assert [(c["subject"], c["value"]) for c in claims("Allies' outlays reach $1.47T in 2024", "2024-09-10", "spending_usd")] == [
        ("NATO_TOTAL", 1470.0)]
    assert claims("The US spends $968b on defence.", "2024-09-10", "spending_usd") == []
