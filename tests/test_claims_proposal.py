from claims_helpers import claims, verdicts


def test_trumps_5_percent_is_a_standing_press_fact():
    text = "According to Trump's previous proposal, NATO countries need to spend 5% of GDP on defense."
    assert verdicts(text, "2025-03-26", "proposal") == ["supported"]
    assert verdicts(text, "2024-06-01", "proposal") == ["unverifiable"]


def test_the_level_of_the_standing_guideline_is_no_proposal():
    text = ("Trump probably had in mind that Germany, like most NATO countries, is below the alliance's "
            "guideline that each ally should allocate 2 percent of its GDP to defence.")
    found = claims(text, "2017-03-18")
    assert [(c["type"], c["verdict"]) for c in found] == [("count_at_threshold", "supported"),
                                                          ("ally_pct_gdp", "supported")]


def test_the_standing_2pct_level_in_a_trump_sentence_is_no_proposal_on_record():
    text = "Trump said on Friday that allies which fail to meet the 2% benchmark should expect less help from Washington."
    assert claims(text, "2019-04-12", "proposal") == []
    assert [c["value"] for c in claims("Trump said allies should spend 4% of GDP on defence.", "2019-04-12", "proposal")] == [4]
