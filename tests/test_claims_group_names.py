"""Groups named by what they leave out: "America's allies", "non-US allies", "the rest of NATO", "leaving out the
United States" are European Allies and Canada (NATO_EUR_CAN), never the United States."""

import pytest

from claims_helpers import claims


@pytest.mark.parametrize("subject", ["America's allies", "Washington’s NATO allies", "Non-US allies", "The rest of NATO",
                                     "Leaving out the United States, the allies"])
def test_a_group_named_by_leaving_out_the_us_is_europe_and_canada(subject):
    # 2024-06: European Allies and Canada 2.02% of GDP in 2024 (the US 3.38%)
    found = claims(f"{subject} spent 2.02% of GDP on defence in 2024.", "2024-07-01")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", "supported")]


def test_washingtons_european_allies_stay_europe():
    found = claims("Washington's European allies spent 2.02% of GDP on defence in 2024.", "2024-07-01")
    assert [c["subject"] for c in found] == ["NATO_EUROPE"]


def test_canada_named_first_is_still_europe_and_canada():
    found = claims("Canada and the European allies spent 2.02% of GDP on defence in 2024.", "2024-07-01")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", "supported")]


def test_european_nato_allies_are_europe():
    found = claims("European NATO allies spent 1.99% of GDP on defence in 2024.", "2025-09-01")
    assert [c["subject"] for c in found] == ["NATO_EUROPE"]
