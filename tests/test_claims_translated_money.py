"""Money as translated copy writes it: thousands grouped by spaces and a decimal comma before a scale word, a second
amount without its currency, and the clause a sum word or a year belongs to."""

from __future__ import annotations

from burden.claims.quantities import find_money, find_quantities
from claims_helpers import claims

DATE = "2024-09-15"  # edition 2024-06


def test_space_grouped_thousands_join_only_before_a_scale_word():
    assert [(q.value, q.currency) for q in find_money("costs of 945 962 million USD")] == [(945.962, "USD")]
    assert [round(q.value, 3) for q in find_money("in 2017 72 million dollars")] == [0.072]  # a year and a number
    assert find_money("2 500 soldiers cost $3 000") == []  # no scale word: nothing joined (nor a spending figure)
    assert [q.value for q in find_quantities("rose 2 3% last year") if q.kind == "money"] == []


def test_a_decimal_comma_before_a_scale_word_is_a_decimal_but_a_thousands_group_is_not():
    assert [(q.value, q.decimals) for q in find_money("683,4 billion dollars")] == [(683.4, 1)]
    assert [q.value for q in find_money("$1,500 million")] == [1.5]


def test_a_second_amount_takes_the_first_ones_currency_but_not_before_another_noun_or_currency():
    assert [q.value for q in find_money("from $50bn in 2016 to 60 billion in 2017")] == [50.0, 60.0]
    assert [q.value for q in find_money("$5 billion and 2 million troops")] == [5.0]
    assert [(q.value, q.currency) for q in find_money("$5 billion and 4 billion euros")] == [(5.0, "USD"), (4.0, "EUR")]


def test_a_sum_word_of_another_clause_makes_no_amount_a_sum_over_years():
    found = claims("The total budget of the allies will be large in 2024, while the US will spend $968 billion, "
                   "the report on 2014-2024 says.", DATE)
    usa = next(c for c in found if c["subject"] == "USA")
    assert (usa["year"], usa["verdict"]) == (2024, "supported")


def test_a_current_year_before_a_clause_of_what_will_come_is_still_its_year():
    # (on 1 March 2024 the latest edition's present year is 2023: the clause of 2024 is not read as today's level)
    found = claims("In 2024 Poland will spend 4.1% of GDP, while Germany will spend $97.7 billion.", "2024-03-01")
    deu = next(c for c in found if c["subject"] == "DEU")
    assert deu["year"] == 2024
