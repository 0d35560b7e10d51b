"""Groups named by what they leave out: "America's allies", "non-US allies", "the rest of NATO", "leaving out the
United States" are European Allies and Canada (NATO_EUR_CAN), never the United States."""

import pytest

from burden.claims import check_text
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


def test_a_supported_claim_of_a_described_group_shows_every_allys_figure():
    # "the Baltic states" is one claim of three allies: when all three support it, the evidence names all three
    claims = check_text("The Baltic states spend more than 3% of GDP on defence.", "2025-09-01")["claims"]
    group = [c for c in claims if c["subject"] == "EST,LVA,LTU"]
    assert [c["verdict"] for c in group] == ["supported"]
    assert {e["ally"] for e in group[0]["evidence"]} == {"EST", "LVA", "LTU"}
    assert all(code in group[0]["explanation"] for code in ("EST", "LVA", "LTU"))
