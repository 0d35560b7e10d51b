from claims_helpers import claims, verdicts


def test_trumps_5_percent_is_a_standing_press_fact():
    text = "According to Trump's previous proposal, NATO countries need to spend 5% of GDP on defense."
    assert verdicts(text, "2025-03-26", "proposal") == ["supported"]
    assert verdicts(text, "2024-06-01", "proposal") == ["unverifiable"]


def test_the_level_of_the_standing_guideline_is_no_proposal():
    text = ("Mr. Trump may have been referring to the fact that Germany, like most NATO countries, falls short of the "
            "alliance's guideline that each member should allocate 2 percent of its GDP to military spending.")
    found = claims(text, "2017-03-18")
    assert [(c["type"], c["verdict"]) for c in found] == [("count_at_threshold", "supported"),
                                                          ("ally_pct_gdp", "supported")]
