from claims_helpers import verdicts


def test_trumps_5_percent_is_a_standing_press_fact():
    text = "According to Trump's previous proposal, NATO countries need to spend 5% of GDP on defense."
    assert verdicts(text, "2025-03-26", "proposal") == ["supported"]
    assert verdicts(text, "2024-06-01", "proposal") == ["unverifiable"]
