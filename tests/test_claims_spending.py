from claims_helpers import claims, verdicts


def test_dollar_figures_compare_at_the_written_precision():
    assert verdicts("Total defence spending across the alliance is estimated at $1.47 trillion for 2024.",
                    "2024-06-18") == ["supported"]
    assert verdicts("By the alliance's own estimates, America will spend USD 968bn on defence this year.",
                    "2024-07-10") == ["supported"]
    assert verdicts("The United States spent more than $1 trillion on defence last year.", "2025-03-05") == ["refuted"]


def test_euro_budgets_are_not_nato_figures():
    assert claims("Germany announced a special fund of 100 billion euros in February.", "2022-07-05") == []


def test_money_added_is_a_change_not_a_spending_level():
    # (never judged as the group's spending level: a change, unverifiable)
    found = claims("Canada and the European allies added a total of about $46 billion to their defence budgets.",
                   "2019-12-02", "spending_usd")
    assert [(c["verdict"], c["read_as"].startswith("change of")) for c in found] == [("unverifiable", True)]


def test_a_price_base_adjusted_to_or_in_parentheses_is_the_basis_named():
    # 2025-08 holds Europe and Canada 2024 at current prices (about 500bn) but not at 2021 prices
    for basis in ("(adjusted to 2021 prices)", "(2021 prices)"):
        found = claims(f"European allies and Canada spent more than USD 485 billion {basis} in 2024.", "2025-08-29",
                       "spending_usd")
        assert [c["verdict"] for c in found] == ["unverifiable"], basis


def test_money_more_than_another_year_is_a_difference_not_a_level():
    found = claims("This year allies other than the US will spend $190 billion more on defence than in 2016.",
                   "2024-07-13", "spending_usd")
    assert [(c["verdict"], c["read_as"].startswith("change of")) for c in found] == [("unverifiable", True)]


def test_will_be_with_the_current_years_estimate_published_is_checked():
    # 2024-06 (released 2024-06-17) estimates Europe and Canada at about US$507bn in 2024
    found = claims("Spending by European allies and Canada will be about $507 billion, NATO says.", "2024-07-13",
                   "spending_usd")
    assert [(c["year"], c["verdict"]) for c in found] == [(2024, "supported")]


def test_money_told_as_the_same_change_as_a_growth_rate_or_an_increase_is_no_level():
    text = ("The European members of NATO and Canada are set to lift their military outlays by roughly 3 percent, "
            "or $8 billion, in 2016. The real change is put at 1.5 percent, a $3 billion increase.")
    assert [c["type"] for c in claims(text, "2016-07-06")] == ["real_change", "real_change"]
    assert {c["subject"] for c in claims(text, "2016-07-06")} == {"NATO_EUR_CAN"}


def test_spending_by_the_alliance_is_the_alliance_and_the_remaining_allies_are_europe_and_canada():
    text = ("In 2025 the alliance's combined defence spending is forecast to pass $1.5 trillion, with the United States "
            "at about $980 billion and the remaining allies at roughly $608 billion, NATO figures show.")
    found = claims(text, "2025-08-29", "spending_usd")
    # (the total at current prices is the sum of the two parts 2025-08 prints, 1,588bn: it tops 1.5tn)
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_TOTAL", "supported"), ("USA", "supported"),
                                                             ("NATO_EUR_CAN", "supported")]


def test_a_dollar_figure_after_the_largest_gdp_is_no_defence_spending():
    assert claims("The US has the largest GDP of all the allies (and the world) — $19.39 trillion in 2017.",
                  "2018-07-12", "spending_usd") == []


def test_a_clause_opened_by_its_own_year_keeps_it_past_a_comma():
    found = claims("In 2020, the allies' defence spending came to $1.03 trillion, in 2021 it may pass $1 trillion.",
                   "2021-06-12", "spending_usd")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(1030.0, 2020, "supported"),
                                                                    (1000.0, 2021, "supported")]


def test_a_total_over_several_years_is_not_one_years_figure_but_the_sum_of_the_years_named():
    # 2019-06: the allies' rows summed over 2013-2018 (current prices) come to about $5.5 trillion; a derived figure
    # within one edition, as the labelled sets read "a total of around $6.6 trillion over 2012 to 2018"
    found = claims("Over the past six years, 2013 to 2018, the allies spent a total of about $5.5 trillion on defence.",
                   "2019-06-25", "spending_usd")
    assert [(c["year"], c["verdict"]) for c in found] == [(None, "supported")]
    assert "2013-2018 summed" in found[0]["explanation"]
    found = claims("European allies and Canada spent a combined $1.5 trillion between 2014 and 2018.", "2019-06-25",
                   "spending_usd")
    assert [c["verdict"] for c in found] == ["refuted"]  # (1,370 in 2019-06)
    # no years named: no sum to form
    found = claims("The allies spent a total of $5 trillion over the past five years.", "2019-06-25", "spending_usd")
    assert [(c["year"], c["verdict"]) for c in found] == [(None, "unverifiable")]
    one_year = claims("In 2018 the allies spent a total of $963 billion on defence.", "2019-06-25", "spending_usd")
    assert [(c["year"], c["verdict"]) for c in one_year] == [(2018, "refuted")]


def test_a_level_said_to_stand_now_is_checked_in_a_sentence_about_a_plan():
    text = ("The president has asked for a $30 billion rise in US defence spending, now at more than $600 billion, "
            "though critics say the money could go elsewhere.")
    assert [(c["value"], c["verdict"]) for c in claims(text, "2017-03-15", "spending_usd")] == [(600.0, "supported")]
    planned = "The president has asked for US defence spending to reach $700 billion, though the money could go elsewhere."
    assert [c["verdict"] for c in claims(planned, "2017-03-15", "spending_usd")] == ["unverifiable"]


def test_the_base_a_change_starts_from_is_a_level_not_more_than():
    # 2024-06, current prices: Germany $73.1bn in 2023, Poland $26.5bn; "over" after a change figure is "compared with"
    found = claims("German defence spending jumped 29 percent in 2024 from $80 billion in 2023.", "2024-07-15",
                   "spending_usd")
    assert [(c["subject"], c["value"], c["comparator"], c["year"], c["verdict"]) for c in found] == [
        ("DEU", 80.0, "eq", 2023, "refuted")]
    found = claims("Polish defence spending in 2024 is up 30 percent over $26.5 billion in 2023.", "2024-07-15",
                   "spending_usd")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("eq", "supported")]
    # "rose 3 percent to over $900 billion": a level reached, "over" is "more than"
    found = claims("US defence spending rose 3 percent in 2023 to over $900 billion.", "2024-07-15", "spending_usd")
    assert [c["comparator"] for c in found] == ["gt"]


def test_half_a_trillion_is_five_hundred_billion():
    # 2024-06, current prices: European Allies and Canada $506.7bn in 2024
    found = claims("Europe and Canada spent about half a trillion dollars on defence in 2024.", "2024-07-15", "spending_usd")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", 500.0, "supported")]


def test_a_dollar_conversion_of_a_national_figure_and_a_change_behind_a_parenthesis_are_no_level():
    for text in ("Germany will spend €71.8bn ($77.6bn) on defence this year.",
                 "Britain's defence budget of £64.6 billion ($82 billion) is the largest in Europe.",
                 "European allies and Canada have added a cumulative $50 billion (46 billion euros) increase on last year."):
        assert claims(text, "2024-07-15", "spending_usd") == [], text
    # (the dollar figure first, another currency after it, is still a level)
    assert [c["value"] for c in claims("The US spent $916 billion (€850 billion) in 2023.", "2024-07-15",
                                       "spending_usd")] == [916.0]


def test_a_dollar_level_told_again_as_a_share_of_gdp_takes_that_shares_year():
    # 2024-06, current prices: Poland $26.48bn in 2023
    found = claims("Poland spent about $26.5 billion on its armed forces, equivalent to 3.3 percent of GDP in 2023.",
                   "2024-07-15", "spending_usd")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(26.5, 2023, "supported")]


def test_an_amount_of_the_alliances_total_without_a_currency_is_us_dollars():
    # 2025-08 holds the total only at 2021 prices: $1,400bn
    found = claims("NATO's total defence spending reached 1.4 trillion in 2025, the alliance said.", "2025-09-10",
                   "spending_usd")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("NATO_TOTAL", 1400.0, "supported")]
    # (and at current prices the sum of its parts, 980 + 608 = 1,588bn: nearly 1.6tn)
    found = claims("Combined allied outlays are nearing 1.6 trillion this year.", "2025-09-10", "spending_usd")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("nearly", "supported")]
    found = claims("Combined allied outlays are nearing 1.8 trillion this year.", "2025-09-10", "spending_usd")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("nearly", "refuted")]
    # an ally's bare amount may be in its own currency; a non-defence amount is none
    assert claims("German defence spending reached 86 billion in 2024.", "2024-07-15", "spending_usd") == []
    assert claims("Spending on pensions is 1.2 trillion this year.", "2024-07-15", "spending_usd") == []


def test_another_countrys_dollar_is_not_the_us_dollar():
    assert claims("Canada spent C$41 billion on defence in 2024.", "2024-07-15", "spending_usd") == []
    assert claims("Canberra's A$55bn budget grew again.", "2024-07-15", "spending_usd") == []
    assert [c["value"] for c in claims("The US spent US$968 billion in 2024.", "2024-07-15", "spending_usd")] == [968.0]


def test_the_alliance_total_on_a_basis_printed_only_for_its_parts_is_their_sum_with_its_formula():
    # 2025-08 prints the total at constant 2021 prices only (1,400bn), the US (980) and the European allies and
    # Canada (608) at current prices: 1,588bn at current prices is derived, and a match on either basis counts
    found = claims("Allied defence spending will top $1.5 trillion in 2025, NATO estimates.", "2025-09-20",
                   "spending_usd")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_TOTAL", "supported")]
    assert any("USA + NATO_EUR_CAN" in e.get("fact", "") for e in found[0]["evidence"])
    assert verdicts("Allied defence spending will come to about $1.9 trillion in 2025, NATO estimates.",
                    "2025-09-20") == ["refuted"]
    # a basis the text names is the only one tried: at 2021 prices only the stored total
    assert verdicts("Allied defence spending will top $1.5 trillion in 2025 at 2021 prices.", "2025-09-20") == [
        "refuted"]


def test_a_price_basis_opening_the_sentence_governs_every_sum_of_it():
    # no edition by the date holds 2021 prices for Romania: never refuted on another basis (2024-06's current or 2015)
    found = claims("In constant 2021 dollars, Romania's defence outlays climbed 130% from $4.2 billion in 2015 to "
                   "$9.9 billion in 2024.", "2025-04-25", "spending_usd")
    assert [(c["value"], c["frame"]["price_basis"], c["verdict"]) for c in found] == [
        (4.2, "constant 2021", "unverifiable"), (9.9, "constant 2021", "unverifiable")]
    # without it, a sum is tried on every basis; a year opening the sentence is no basis
    found = claims("Romania's defence outlays climbed 130% from $4.2 billion in 2015 to $9.9 billion in 2024.",
                   "2025-04-25", "spending_usd")
    assert {c["frame"]["price_basis"] for c in found} == {None}
    assert claims("In 2015, Germany spent $39 billion on defence.", "2024-07-01")[0]["frame"]["price_basis"] is None


def test_the_price_of_one_thing_bought_or_given_is_no_defence_spending():
    for text in ["Hungary signed a $2 billion deal for new armour on Monday.",
                 "Romania ordered 36 helicopters valued at $3 billion.",
                 "Washington approved a $500 million aid package for Kyiv, and has given $40 billion in military aid.",
                 "The alliance announced a fresh contract to modernise its radar aircraft, worth $1.2 billion."]:
        assert claims(text, "2023-09-12", "spending_usd") == [], text
    assert verdicts("NATO's total defence spending is worth about $1 trillion this year.", "2019-06-27") == [
        "supported"]


def test_a_change_of_the_allies_spending_in_dollars_is_an_unverifiable_claim():
    found = claims("The European allies and Canada have added $50 billion to their military budgets since 2016.",
                   "2019-05-01", "spending_usd")
    assert [(c["subject"], c["verdict"], c["read_as"].startswith("change of")) for c in found] == [
        ("NATO_EUR_CAN", "unverifiable", True)]
    # one ally's budget change (a national figure), a change told in per cent too, a counterfactual: no money claim
    for text in ["Italy's defence budget rose by $3 billion this year.",
                 "European allies and Canada will lift defence spending by 5 percent, or $15 billion, this year.",
                 "The alliance would have had an extra $100 billion for defence if Berlin had paid up."]:
        assert claims(text, "2018-07-20", "spending_usd") == [], text


def test_the_us_of_a_dollar_sign_is_the_currency_not_the_united_states():
    from claims_helpers import claims

    found = claims("Slovenia's defence budget went from US$700m in 2020 to US$900m in 2022.", "2024-07-20",
                   "spending_usd")
    assert {c["subject"] for c in found} == {"SVN"}
    found = claims("The United States spent US$968 billion in 2024.", "2024-07-20", "spending_usd")
    assert [(c["subject"], c["verdict"]) for c in found] == [("USA", "supported")]


def test_a_group_a_sum_is_ranked_among_is_not_whose_the_sum_is():
    from claims_helpers import claims

    text = ("Italy's defence minister was upbeat on Friday. \"Some $34 billion this year, one of the biggest budgets "
            "among the allies,\" he said.")
    assert [(c["subject"], c["verdict"]) for c in claims(text, "2024-09-10", "spending_usd")] == [("ITA", "supported")]
    # with no ally talked about before, nobody's
    assert claims("\"Some $34 billion this year, one of the biggest budgets among the allies,\" he said.", "2024-09-10",
                  "spending_usd") == []
