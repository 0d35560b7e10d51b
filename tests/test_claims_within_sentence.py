"""Structure within one sentence: baselines told relative to a count, ranks in enumerations and after a figure,
a figure whose owner is named after it."""

from claims_helpers import claims


def _counts(text, date):
    return [(c["value"], c["year"], c["verdict"]) for c in claims(text, date, "count_at_threshold")]


def test_count_one_more_than_a_year_is_also_the_baseline_count_of_that_year():
    found = _counts("In 2022 seven allies met the 2% target, one country less than in 2021.", "2023-03-21")
    assert [(v, y) for v, y, _ in found] == [(7, 2022), (8, 2021)]
    assert {v for _, _, v in found} == {"supported"}


def test_difference_wrong_for_the_baseline_year_is_refuted_without_touching_the_main_count():
    found = _counts("This year 23 allies will meet the 2% target, one more than in 2023.", "2024-06-20")
    assert [(v, y) for v, y, _ in found] == [(23, 2024), (22, 2023)]
    assert [v for _, _, v in found] == ["supported", "refuted"]


def test_multiple_of_a_count_keeps_the_main_year_and_reads_no_fractional_baseline():
    found = _counts("This year 23 allies will meet the 2% target, twice as many as in 2021.", "2024-06-20")
    assert [(v, y) for v, y, _ in found] == [(23, 2024)]


def test_relative_words_without_a_year_give_no_baseline():
    found = _counts("This year 23 allies will meet the 2% target, one more than expected.", "2024-06-20")
    assert [(v, y) for v, y, _ in found] == [(23, 2024)]


def test_all_allies_compared_with_a_past_count_is_an_all_claim_and_a_baseline():
    found = claims("In 2025 all allies are expected to meet the 2% target, compared with only three allies in 2014.",
                   "2025-08-29")
    assert [(c["type"], c["year"]) for c in found] == [("all_none_threshold", 2025), ("count_at_threshold", 2014)]
    assert found[1]["value"] == 3 and found[1]["verdict"] == "supported"


def _ranks(text, date):
    return [(c["subject"], c["value"]) for c in claims(text, date, "rank")]


def test_every_ordinal_of_an_enumeration_is_a_rank_including_a_two_word_ally():
    assert _ranks("Poland leads at 4.12%, with Estonia second (3.43%) and the United States third (3.38%).",
                  "2024-06-20") == [("POL", 1), ("EST", 2), ("USA", 3)]


def test_top_of_the_table_is_rank_one():
    assert _ranks("Greece remains top of the table, spending 3.08%, with Latvia second (3.15%).", "2024-06-20") \
        == [("GRC", 1), ("LVA", 2)]


def test_leads_by_gdp_share_is_a_rank_by_share_of_gdp_even_after_a_money_rank():
    found = claims("Germany is the largest absolute spender in Europe at $98 billion, while Estonia leads by GDP share "
                   "at 3.43%.", "2024-06-20", "rank")
    est = [c for c in found if c["subject"] == "EST"]
    assert len(est) == 1 and "pct_gdp" in est[0]["metric"] and est[0]["value"] == 1


def test_the_most_in_the_alliance_after_a_share_is_rank_one():
    assert _ranks("Latvia devoted 3.15% of GDP to defence this year, the most in the alliance.", "2024-06-20") \
        == [("LVA", 1)]
    assert claims("Most of the alliance spends less than 3% of GDP.", "2024-06-20", "rank") == []


def test_highest_relative_spender_is_rank_one():
    found = claims("Estonia was at 3.43% this year, the alliance's highest relative spender.", "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("EST", 1, "refuted")]


def test_a_figure_owned_by_the_ally_named_after_it():
    found = claims("The estimate, issued for all its members, marks an increase from the 3.15% of GDP Latvia spent in 2023.",
                   "2024-06-20")
    pct = [c for c in found if c["type"] == "ally_pct_gdp"]
    assert [(c["subject"], c["value"], c["year"]) for c in pct] == [("LVA", 3.15, 2023)]
    assert not [c for c in found if c["type"] == "all_none_threshold"]


def test_respectively_values_go_to_the_list_named_before_a_threshold_and_a_target_deadline():
    found = claims("Only Latvia, Lithuania and Poland already exceed the new target of putting 3.5% of GDP into core "
                   "defence by 2035, spending 3.73%, 4.00% and 4.48% respectively.", "2025-08-29")
    pct = sorted((c["subject"], c["value"], c["year"]) for c in found if c["type"] == "ally_pct_gdp")
    assert pct == [("LTU", 4.0, 2025), ("LVA", 3.73, 2025), ("POL", 4.48, 2025)]
    count = [c for c in found if c["type"] == "count_at_threshold"]
    assert [(c["value"], c["year"], c["frame"]["threshold"]) for c in count] == [(3, 2025, 3.5)]


def test_a_deadline_outside_a_target_phrase_still_dates_the_plan():
    found = claims("By 2030, Poland will spend 5% of GDP on defence.", "2025-08-29", "ally_pct_gdp")
    assert [(c["year"], c["verdict"]) for c in found] == [(2030, "unverifiable")]


def _comparisons(text, date="2024-06-20"):
    return [(c["subject"], c["value"], c["comparator"]) for c in claims(text, date, "comparison")]


def test_a_comparing_verb_between_two_allies_compares_shares_of_gdp():
    assert _comparisons("Denmark has now overtaken the United States in defence spending as a share of GDP.") \
        == [("DNK", "USA", "gt_entity")]
    assert _comparisons("Italy trails Spain in defence spending relative to GDP.") == [("ITA", "ESP", "lt_entity")]
    assert _comparisons("Poland is ahead of the United States in defence spending.") == [("POL", "USA", "gt_entity")]


def test_a_comparing_verb_reads_nothing_about_money_a_rank_or_other_topics():
    assert _comparisons("Germany has overtaken Britain as Europe's biggest defence spender.") == []
    assert _comparisons("Germany has overtaken France in defence spending in dollar terms.") == []
    assert _comparisons("Italy trails Spain in the polls.") == []


def test_comparing_verb_verdict_follows_both_figures():
    found = claims("Poland has overtaken the United States in defence spending as a share of GDP.", "2024-06-20",
                   "comparison")
    assert [c["verdict"] for c in found] == ["supported"]  # 4.12% against 3.38% in the 2024-06 estimates


def test_dash_bullet_line_without_separator_is_the_allys_share_under_its_header():
    text = "Defence spending as a share of GDP in 2024, highest first.\n\n– Estonia 3.43%\n\n– United States 3.38%\n"
    found = claims(text, "2024-06-20", "ally_pct_gdp")
    assert [(c["subject"], c["value"], c["year"]) for c in found] == [("EST", 3.43, 2024), ("USA", 3.38, 2024)]


def test_bare_value_in_brackets_after_gdp_is_the_allys_share():
    found = claims("Latvia - which had the third-highest rate as a share of GDP (3.15) - was among them.", "2024-06-20",
                   "ally_pct_gdp")
    assert [(c["subject"], c["value"]) for c in found] == [("LVA", 3.15)]


def test_the_n_allies_with_the_lowest_share_are_a_set_rank_with_an_aside_in_the_list():
    found = claims("The four allies with the lowest spending relative to GDP are Belgium, Luxembourg, Slovenia and, in "
                   "last place, Spain.", "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["comparator"]) for c in found] == [("BEL,LUX,SVN,ESP", 4, "le")]


def test_the_n_allies_with_the_lowest_share_give_no_single_rank_when_the_list_does_not_fit():
    assert claims("The five allies with the lowest spending relative to GDP are Belgium and Spain.", "2024-06-20",
                  "rank") == []


def test_top_n_includes_a_shorter_list_each_ranking_at_most_n():
    found = claims("In spending relative to GDP, the top ten also includes Lithuania, Finland and Denmark.",
                   "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["comparator"], c["verdict"]) for c in found] == [
        ("LTU,FIN,DNK", 10, "le", "supported")]


def test_in_last_place_is_the_lowest_rank():
    found = claims("Spain is in last place at 1.28%.", "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["metric"]) for c in found] == [("ESP", 1, "rank_asc(def_exp_pct_gdp)")]


def test_an_elided_clause_gives_its_allies_the_figure_before_it_with_their_own_year():
    found = claims("Estonia reached 2% in 2015, and Latvia and Lithuania did so in 2018.", "2024-06-20", "ally_pct_gdp")
    assert [(c["subject"], c["value"], c["comparator"], c["year"]) for c in found] == [
        ("EST", 2.0, "ge", 2015), ("LVA", 2.0, "ge", 2018), ("LTU", 2.0, "ge", 2018)]
    assert all(c["verdict"] != "unverifiable" for c in found)


def test_an_elided_clause_with_an_expectation_is_a_plan_and_without_a_year_is_nothing():
    found = claims("Romania plans to reach 2.5% in 2026 and Bulgaria expects to do so in 2027.", "2024-06-20",
                   "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("ROU", 2026, "unverifiable"),
                                                                        ("BGR", 2027, "unverifiable")]
    planned = claims("Romania plans to reach 2.5% in 2026, and Bulgaria and Croatia expect to do so in 2027.",
                     "2024-06-20", "ally_pct_gdp")
    assert [(c["subject"], c["verdict"]) for c in planned] == [("ROU", "unverifiable"), ("BGR,HRV", "unverifiable")]
    assert [c["subject"] for c in claims("Estonia reached 2% in 2015, and Latvia will do so soon.", "2024-06-20",
                                         "ally_pct_gdp")] == ["EST"]


def test_the_number_of_allies_rising_from_one_count_to_another_gives_both_with_their_years():
    found = _counts("The number of allies meeting the 2% guideline rose from three in 2014 to 23 this year.",
                    "2024-06-20")
    assert [(v, y) for v, y, _ in found] == [(3, 2014), (23, 2024)]
    assert {v for _, _, v in found} == {"supported"}


def test_the_number_of_allies_needs_a_threshold_and_a_from_time():
    assert _counts("The number of countries in the alliance rose from 12 to 32.", "2024-06-20") == []
    found = _counts("The number of allies meeting the target had increased sharply from 11 last year.", "2024-06-20")
    assert [(v, y) for v, y, _ in found] == [(11, 2023)]


def test_behind_the_first_the_next_highest_are_a_set_ranking_at_most_one_more_than_the_list():
    found = claims("Behind Poland, the next highest spenders relative to GDP this year are Estonia, the United States "
                   "and Latvia.", "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["comparator"], c["verdict"]) for c in found] == [
        ("EST,USA,LVA", 4, "le", "supported")]
    # with their figures falling, the list is in order: places 2, 3 and 4
    found = claims("Behind Poland, the next highest spenders relative to GDP this year are Estonia (3.43%), the "
                   "United States (3.38%) and Latvia (3.15%).", "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["comparator"], c["verdict"]) for c in found] == [
        ("EST", 2, "eq", "supported"), ("USA", 3, "eq", "supported"), ("LVA", 4, "eq", "supported")]


def test_a_set_rank_may_be_owned_by_the_alliance_and_listed_between_dashes():
    found = claims("NATO figures show the alliance's four lowest spenders in terms of GDP in 2024 - Belgium, "
                   "Luxembourg, Slovenia and Spain - are far from 2%.", "2024-06-20", "rank")
    assert [(c["subject"], c["value"]) for c in found] == [("BEL,LUX,SVN,ESP", 4)]


def test_a_rank_someone_aims_at_or_of_troops_is_no_spending_rank():
    assert claims("Poland spends 4.12% of GDP, aiming to become NATO's third-largest military.", "2024-06-20",
                  "rank") == []
    assert claims("Poland, at 4.12% of GDP, has the second-largest army in the alliance.", "2024-06-20", "rank") == []


def test_only_allies_expected_to_achieve_the_goal_is_a_count_of_the_list():
    found = claims("Latvia (2.10%), Lithuania (2.36%) and Poland (2.42%) are the only allies expected to achieve the "
                   "goal this year.", "2022-07-01", "count_at_threshold")
    assert [(c["value"], c["year"]) for c in found] == [(3, 2022)]


def test_n_of_its_m_members_is_a_count_and_a_membership():
    found = claims("20 of its 30 member states will not reach the benchmark of 2% of GDP in 2022.", "2022-07-01")
    assert sorted((c["type"], c["value"]) for c in found) == [("count_at_threshold", 20), ("member_count", 30)]


def test_one_percent_sign_is_the_unit_of_the_numbers_coordinated_before_it():
    found = claims("France and Germany also missed the goal, at 1.78 and 1.19 percent respectively.", "2016-07-05",
                   "ally_pct_gdp")
    assert [(c["subject"], c["value"]) for c in found] == [("FRA", 1.78), ("DEU", 1.19)]
    ranged = claims("Italy spends between 1.1 and 1.2 percent.", "2016-07-05", "ally_pct_gdp")
    assert [c["value"] for c in ranged] == [[1.1, 1.2]]  # (a range, not two figures: quantities.join_ranges)


def test_member_countries_other_than_one_ally_are_a_count_with_an_exclusion():
    found = claims("In 2017 only five member states other than the U.S. reached an estimated 2 percent of GDP or "
                   "more: Poland, Romania, Greece, Estonia and the United Kingdom.", "2018-01-15", "count_at_threshold")
    assert [(c["value"], c["year"], c["frame"]["exclusions"]) for c in found] == [(5, 2017, ["USA"])]


def test_the_n_allies_that_met_it_were_a_list_with_values_between_the_names():
    found = claims("The five nations that topped the two percent goal were Greece at 2.38 percent, the United States "
                   "at 3.61, Estonia 2.16, the United Kingdom at 2.21, and Poland.", "2016-07-05",
                   "count_at_threshold")
    assert [(c["value"], c["year"]) for c in found] == [(5, 2016)]


def test_outspending_all_others_over_several_years_is_a_comparison_with_no_year():
    found = claims("Over the last eight years, America outspent all other NATO countries combined on "
                   "defence.", "2017-09-01", "comparison")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("USA", None, "unverifiable")]


def test_the_top_five_after_a_list_and_a_list_that_spends_the_least_are_set_ranks():
    found = claims("Poland, Estonia, the United States, Latvia and Greece are the top five contributors relative to "
                   "GDP, while Luxembourg, Slovenia and Spain spend the least.", "2024-06-20", "rank")
    assert [(c["subject"], c["value"], c["metric"], c["verdict"]) for c in found] == [
        ("POL,EST,USA,LVA,GRC", 5, "rank_desc(def_exp_pct_gdp)", "supported"),
        ("LUX,SVN,ESP", 3, "rank_asc(def_exp_pct_gdp)", "supported")]
    assert claims("The five allies are Poland, Estonia, the United States, Latvia and Greece.", "2024-06-20",
                  "rank") == []


def test_all_n_of_its_members_states_the_membership_and_the_all_claim():
    for text in ("All of NATO's 32 members are set to meet the 2% target this year.",
                 "The alliance says all 32 of its members are on course to spend at least 2% of GDP this year."):
        found = claims(text, "2025-08-29")
        assert sorted((c["type"], c["value"]) for c in found) == [("all_none_threshold", 2.0), ("member_count", 32)]


def test_numbered_table_lines_rank_their_ally_in_the_order_the_header_names():
    text = ("The allies spending the most on defence as a share of GDP in 2024:\n\n1. Poland — 4.12%\n"
            "5. Greece — 3.08%\n\nAnd the lowest:\n1. Spain 1.28%\n")
    found = claims(text, "2024-06-20")
    ranks = [(c["subject"], c["value"], c["metric"]) for c in found if c["type"] == "rank"]
    assert ranks == [("POL", 1, "rank_desc(def_exp_pct_gdp)"), ("GRC", 5, "rank_desc(def_exp_pct_gdp)"),
                     ("ESP", 1, "rank_asc(def_exp_pct_gdp)")]
    assert [c["subject"] for c in found if c["type"] == "ally_pct_gdp"] == ["POL", "GRC", "ESP"]
    assert not [c for c in found if c["type"] == "member_count"]


def test_an_ordinal_before_a_colon_ranks_the_ally_of_the_line():
    found = claims("Fifth: Greece, 3.08%", "2024-06-20")
    assert sorted((c["type"], c["value"]) for c in found) == [("ally_pct_gdp", 3.08), ("rank", 5)]
    assert claims("Second: the alliance agreed to spend more.", "2024-06-20", "rank") == []
    assert claims("2. The allies met in Vilnius.", "2024-06-20", "rank") == []


def test_a_share_of_the_figure_before_it_is_no_figure_of_its_own():
    for text, total in (("Lithuania spends 4% of GDP on defence this year; of that, 0.8% is for roads and bridges.", 4.0),
                        ("Poland spends 4.48% of GDP on defence, of which 1.5% goes to infrastructure.", 4.48)):
        found = claims(text, "2025-08-29", "ally_pct_gdp")
        assert [c["value"] for c in found] == [total]


def test_a_figure_that_puts_or_places_its_ally_at_a_position_is_a_rank():
    assert _ranks("Estonia's 3.43% puts it second, behind Poland's 4.12%.", "2024-06-20") == [("EST", 2)]
    assert _ranks("Latvia spends 3.15% of GDP, which places it fourth in the alliance.", "2024-06-20") == [("LVA", 4)]
    assert _ranks("Latvia spends 3.15% of GDP, which puts it in third time lucky territory.", "2024-06-20") == []


def test_spending_more_than_another_ally_compares_shares_only_when_a_share_is_named():
    assert _comparisons("Estonia spends proportionally more on defence than Germany.") == [("EST", "DEU", "gt_entity")]
    assert _comparisons("Germany spends less than France as a share of GDP.") == [("DEU", "FRA", "lt_entity")]
    assert _comparisons("Latvia's share is higher than Lithuania's.") == [("LVA", "LTU", "gt_entity")]
    assert _comparisons("Germany spends more than France on defence.") == []


def test_a_list_of_allies_placed_above_or_below_a_level_is_a_claim_about_each_listed_ally():
    found = claims("Spain, Slovenia and Luxembourg remain below 1.3% of GDP.", "2024-06-20")
    assert [(c["type"], c["subject"], c["comparator"], c["value"], c["verdict"]) for c in found] == [
        ("ally_pct_gdp", code, "lt", 1.3, "supported") for code in ("ESP", "SVN", "LUX")]
    found = claims("Poland and Estonia exceed 3.5% of GDP.", "2024-06-20")
    assert [(c["subject"], c["verdict"]) for c in found] == [("POL", "supported"), ("EST", "refuted")]  # EST: 3.43%


def test_a_list_that_has_reached_a_target_stays_one_claim_about_the_set():
    found = claims("Croatia, Portugal, Italy, Canada and Belgium have now reached 2% of GDP.", "2025-08-29")
    assert [(c["type"], c["subject"], c["comparator"]) for c in found] == [
        ("all_none_threshold", "HRV,PRT,ITA,CAN,BEL", "all_ge")]
    assert [c["type"] for c in claims("Poland and Estonia spend 4.12% and 3.43%.", "2024-06-20")] == [
        "ally_pct_gdp", "ally_pct_gdp"]


def test_a_copula_will_be_before_a_list_of_bracketed_values_plans_none_of_them():
    text = "Poland will spend 4.12% this year. The lowest spenders will be Slovenia (1.29%), Spain (1.28%) and Belgium (1.30%)."
    found = claims(text, "2024-06-20", "ally_pct_gdp")
    assert [(c["subject"], c["verdict"]) for c in found] == [("POL", "supported"), ("SVN", "supported"),
                                                             ("ESP", "supported"), ("BEL", "supported")]


def test_a_count_takes_the_threshold_and_time_of_its_own_clause_after_a_pledge_clause():
    found = claims("Allies agreed to aim for 3.5% of GDP on defence plus 1.5% for infrastructure by 2035, and only "
                   "three allies are on course to reach 3.5% this year.", "2025-08-29", "count_at_threshold")
    assert [(c["value"], c["year"], c["frame"]["threshold"], c["verdict"]) for c in found] == [
        (3, 2025, 3.5, "supported")]


def test_a_list_closing_an_aside_takes_the_predicate_after_it_in_the_present():
    found = claims("NATO data show the four lowest spenders relative to GDP in 2024 - Belgium, Canada, "
                   "Slovenia and Spain - have now reached 2%.", "2025-08-29")
    assert [(c["type"], c["subject"], c["year"]) for c in found] == [
        ("rank", "BEL,CAN,SVN,ESP", 2024), ("all_none_threshold", "BEL,CAN,SVN,ESP", 2025)]


def test_an_all_claim_compared_with_a_bare_past_count_gives_the_baseline_its_year_and_keeps_its_own():
    found = claims("All allies now spend 2% of GDP, up from three in 2014.", "2024-10-31")
    assert [(c["type"], c["year"]) for c in found] == [("all_none_threshold", 2024), ("count_at_threshold", 2014)]
    assert found[1]["value"] == 3 and found[1]["verdict"] == "supported"


def test_comparisons_after_a_figure_with_an_aside_and_for_every_ally_of_a_both_list():
    assert _comparisons("Finland spends 2.41% of GDP, just behind Denmark.") == [("FIN", "DNK", "lt_entity")]
    assert _comparisons("Romania and Lithuania both spend more than Poland relative to GDP.") == [
        ("ROU", "POL", "gt_entity"), ("LTU", "POL", "gt_entity")]
    assert _comparisons("Denmark, at 2.37%, has overtaken Britain.") == [("DNK", "GBR", "gt_entity")]
    assert _comparisons("Estonia spends more than Germany relative to GDP, and Latvia more than Lithuania.") == [
        ("EST", "DEU", "gt_entity")]
    assert _comparisons("Greece topped the list at 3.08%, ahead of the US (3.38%) and Latvia (3.15%).") == []


def test_a_baseline_the_year_before_is_one_year_before_the_main_count():
    found = _counts("Eleven allies hit 2% in 2023, up from seven the year before.", "2023-10-24")
    assert [(v, y) for v, y, _ in found] == [(11, 2023), (7, 2022)]


def test_a_baseline_years_earlier_counts_back_from_the_main_count_not_from_the_date():
    # written a year after: "a year earlier" is the year before the count's own year (2023), not 2024
    found = _counts("In 2024, 18 of the 32 allies reached the target, against ten a year earlier.", "2025-09-10")
    assert [(v, y) for v, y, _ in found] == [(18, 2024), (10, 2023)]
    found = _counts("Seven members hit the target in 2019, compared with four two years earlier.", "2019-07-02")
    assert [(v, y, verdict) for v, y, verdict in found] == [(7, 2019, "supported"), (4, 2017, "supported")]
    found = _counts("Twenty-three allies reach 2% this year, versus eleven the previous year.", "2024-06-20")
    assert [(v, y) for v, y, _ in found] == [(23, 2024), (11, 2023)]


def test_n_others_at_their_own_level_are_counted_besides_the_ally_named():
    # "and 21 others spend 2% or more": the allies at or above 2% less the one the sentence named (22 in all)
    found = claims("Estonia spends 3.4%, and 21 others spend 2% or more.", "2024-06-20", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(21.0, 2024, "refuted")]  # 22 besides Estonia
    assert _counts("Estonia spends 3.4%, and 22 others spend 2% or more.", "2024-06-20") == [(22.0, 2024, "supported")]
    # a forecast count of others keeps its own clause's time; the ally's present-tense figure keeps E0's latest year
    found = claims("Estonia already spends 2.7%, and 17 others are expected to reach 2% this year.", "2024-03-01")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [("count_at_threshold", 2024, "unverifiable"),
                                                                     ("ally_pct_gdp", 2023, "supported")]


def test_a_rank_with_its_own_time_is_a_second_rank():
    found = claims("Lithuania leads the table at 5.33% this year, having come second last year.", "2026-09-30", "rank")
    assert [(c["subject"], c["value"], c["year"]) for c in found] == [("LTU", 1, 2026), ("LTU", 2, 2025)]


def test_a_bracketed_value_after_a_dashed_ordinal_is_the_allys_share():
    found = claims("Greece — fifth (3.08%).", "2024-06-20")
    assert sorted((c["type"], c["value"]) for c in found) == [("ally_pct_gdp", 3.08), ("rank", 5)]


def test_the_latter_n_of_a_list_are_the_last_n_allies():
    found = claims("They were joined by Denmark, Poland, Latvia and Lithuania, the latter three reaching the "
                   "goal this year.", "2024-06-20", "all_none_threshold")
    assert [(c["subject"], c["year"]) for c in found] == [("POL,LVA,LTU", 2024)]


def test_values_before_a_for_list_respectively_go_to_that_list():
    found = claims("The figures were 3.43%, 3.38% and 3.15% for Estonia, the US and Latvia respectively.", "2024-06-20",
                   "ally_pct_gdp")
    assert [(c["subject"], c["value"]) for c in found] == [("EST", 3.43), ("USA", 3.38), ("LVA", 3.15)]


def test_a_list_among_those_that_reached_a_figure_gives_it_to_every_listed_ally():
    found = claims("Germany, the Netherlands and Norway are among those that reached the 2 percent figure this year.",
                   "2024-06-20", "ally_pct_gdp")
    assert sorted(c["subject"] for c in found) == ["DEU", "NLD", "NOR"]


def test_a_list_that_had_met_the_target_is_a_set_claim_not_one_ally_at_exactly_the_target():
    found = claims("The report says Estonia, Greece and the US had reached the NATO goal that "
                   "allies spend 2% of GDP in 2019.", "2020-03-20")
    assert [(c["type"], c["subject"]) for c in found] == [("all_none_threshold", "EST,GRC,USA")]


def test_both_lead_an_ally_past_an_aside_and_an_adjective_compares_each():
    assert _comparisons("Poland, at more than 4%, and little Estonia both lead the US in the share of GDP.") \
        == [("POL", "USA", "gt_entity"), ("EST", "USA", "gt_entity")]


def test_ranked_from_the_bottom_a_list_after_a_colon_is_the_n_lowest():
    found = claims("Ranked from the bottom, the laggards are: Spain (1.28 percent), Slovenia (1.29 percent) and "
                   "Luxembourg (1.29 percent).", "2024-07-08", "rank")
    assert [(c["subject"], c["value"], c["metric"], c["verdict"]) for c in found] == [
        ("ESP,SVN,LUX", 3, "rank_asc(def_exp_pct_gdp)", "supported")]


def test_two_allies_sharing_one_value_after_a_plural_verb_each_get_it():
    found = claims("Norway and Denmark were at 2.2 percent, while Portugal spent only 1.55 percent.", "2024-06-20",
                   "ally_pct_gdp")
    assert sorted((c["subject"], c["value"]) for c in found) == [("DNK", 2.2), ("NOR", 2.2), ("PRT", 1.55)]


def test_the_lowest_spenders_were_a_list_is_a_set_rank_of_the_list():
    found = claims("The lowest spenders as a share of GDP were Spain, at 0.92%, Luxembourg, at an estimated 0.56%, and "
                   "Belgium, at 0.93%.", "2020-03-25", "rank")
    assert [(c["subject"], c["value"], c["comparator"]) for c in found] == [("ESP,LUX,BEL", 3, "le")]


def test_falling_short_of_the_deadline_is_a_count_below_the_guideline():
    found = _counts("Eight members of the 32-strong alliance are due to fall short of the deadline this year.",
                    "2024-07-08")
    assert found == [(8, 2024, "supported")]


def test_most_on_its_own_side_and_a_with_count_are_two_claims():
    found = claims("A majority of members stayed below the guideline in 2019, with just seven hitting 2%.", "2019-07-02",
                   "count_at_threshold")
    assert [(c["value"], c["metric"], c["verdict"]) for c in found][1:] == [(7.0, "count(def_exp_pct_gdp>=2)", "supported")]
    assert found[0]["read_as"].startswith("count of NATO_ALLIES with % of GDP < 2")  # most below, not above
    assert found[0]["verdict"] == "supported"
    # 20% of the defence budget is the equipment guideline, never 2% of GDP
    found = claims("Most allies meet the goal of spending 20% of their defence budgets on equipment.", "2019-07-02",
                   "count_at_threshold")
    assert [(c["metric"], c["verdict"]) for c in found] == [("equipment_pct", "supported")]


def test_most_that_lags_behind_in_its_own_clause_is_below_the_level_named():
    # the level is the earlier clause's (a verb of reaching it), the side is "most"'s own: lagging behind = below
    found = claims("Norway will reach the 2 percent goal this year, NATO said, but most members still lag behind.",
                   "2020-10-25", "count_at_threshold")
    assert [(c["read_as"].split(" in ")[0], c["verdict"]) for c in found] == [
        ("count of NATO_ALLIES with % of GDP < 2", "supported")]
    found = claims("Only seven allies hit 2% in 2019, while most members still lag behind.", "2019-07-02",
                   "count_at_threshold")
    assert [c["verdict"] for c in found] == ["supported", "supported"] and len({c["read_as"] for c in found}) == 2


def test_a_count_that_will_meet_a_target_by_a_later_year_is_a_forecast_for_that_year():
    assert _counts("Under 2019 projections, 22 members are set to reach the equipment guideline of 20% by 2025.",
                   "2020-03-01") == [(22.0, 2025, "unverifiable")]  # not the 2019 count: never refuted


def test_allies_added_to_a_count_by_plus_are_counted():
    assert _counts("This year 21 allies, plus Germany and France, will reach 2 percent.", "2024-06-18") == [
        (23.0, 2024, "supported")]
    assert _counts("Nineteen members plus Canada now meet the guideline.", "2024-06-20") == [(20.0, 2024, "refuted")]


def test_a_year_the_level_was_agreed_in_does_not_date_the_count():
    assert _counts("This year 23 allies clear the 2% floor agreed by leaders in Wales in 2014.", "2024-06-20") == [
        (23.0, 2024, "supported")]  # not 2014's count (refuted)
