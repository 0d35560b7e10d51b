"""The European allies and Canada named by role (owner or adjective, member noun, "of NATO"), joined to Canada in any
joint and either order, or as every ally but the US (lexicon/en/groups.csv): one group, never Canada or the US alone."""

from __future__ import annotations

import pytest

from burden.claims.entities import find_entities
from claims_helpers import claims

GROUP_NAMES = [
    "Europe's NATO members and Canada",
    "Europe's allies plus Canada",
    "The European members of NATO, together with Canada,",
    "European NATO states along with Canada",
    "NATO's European allies as well as Canada",
    "Canada and Europe",
    "Canada and the European members of the alliance",
    "All allies except the United States",
    "the allies other than the U.S.",
    "Non-American allies",
]


@pytest.mark.parametrize("name", GROUP_NAMES)
def test_a_name_of_the_european_allies_and_canada_is_one_group(name):
    text = f"{name} spent 1.99% of GDP in 2024."
    codes = [e.code for e in find_entities(text)]
    assert codes == ["NATO_EUR_CAN"]
    found = claims(text, "2025-09-01")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("group_pct_gdp", "NATO_EUR_CAN", "supported")]


def test_counted_allies_other_than_the_us_stay_a_count():
    text = "In 2016, only four member countries other than the United States spent 2 percent of their GDP on defence."
    assert "NATO_EUR_CAN" not in [e.code for e in find_entities(text)]
    assert [c["type"] for c in claims(text, "2017-07-01")] == ["count_at_threshold"]


def test_a_quantified_set_as_subject_takes_no_ally_or_group_carried_from_before():
    found = claims("Norway now spends 2.2% of GDP. Several other countries also comfortably hit the historic 2 percent target.",
                   "2024-07-01")
    assert [(c["subject"], c["comparator"]) for c in found if c["type"] == "ally_pct_gdp"] == [("NOR", "eq")]
    found = claims("European allies and Canada spend 2.02% of GDP. More countries will meet the two per cent target.",
                   "2024-07-01")
    assert [(c["subject"], c["comparator"]) for c in found] == [("NATO_EUR_CAN", "eq")]
