"""Who owns each figure of a sentence with several (claims/extract.py, entities.py, rules/ally_pct.py): a currency
prefix names no ally, a clause opening with its own time keeps it, a value shared by the allies just listed goes to
each of them."""

from __future__ import annotations

import pytest

from burden.claims import check_text
from burden.claims.entities import find_entities

DATE = "2024-09-01"  # the 2024-06 edition is current: 2024 estimates


def read(text: str, date: str = DATE) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["comparator"], c["year"], c["verdict"])
            for c in check_text(text, date)["claims"]]


@pytest.mark.parametrize("money", ["US$180m", "US$ 1.2bn", "US€5m"])
def test_a_currency_prefix_names_no_ally(money):
    assert [e.code for e in find_entities(f"Albania raised its budget to {money} last year.")] == ["ALB"]


def test_a_figure_after_a_currency_sentence_keeps_the_ally_of_that_sentence():
    text = ("Albania has lifted its military budget from US$180m to US$400m. In 2022 defence spending came to 1.21% "
            "of the country's GDP and in 2024 it was 2.03%.")
    pct = [c for c in read(text) if c[0] == "ally_pct_gdp"]
    assert pct == [("ally_pct_gdp", "ALB", 1.21, "eq", 2022, "supported"),
                   ("ally_pct_gdp", "ALB", 2.03, "eq", 2024, "supported")]
