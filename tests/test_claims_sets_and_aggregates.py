"""Numbers about allies and groups that real coverage writes without the usual markers: the members' share of
their own GDP (the alliance's aggregate), a list naming the set a count counted, a listicle item led by its count."""

from claims_helpers import claims


def _read(text, date, kind=None):
    return [(c["type"], c["subject"], c["value"], c["year"], c["verdict"]) for c in claims(text, date, kind)]


def test_the_members_share_of_their_own_gdp_is_the_alliance_aggregate_and_so_is_the_figure_compared_with_it():
    found = _read("Member countries are projected to spend 2.71% of their GDP on defence this year, compared with "
                  "2.53% in 2023.", "2024-06-25")
    assert found == [("group_pct_gdp", "NATO_TOTAL", 2.71, 2024, "supported"),
                     ("group_pct_gdp", "NATO_TOTAL", 2.53, 2023, "supported")]
    assert _read("Allies devoted an average of 2.9 percent of their output to defence this year.", "2024-07-01") == [
        ("group_pct_gdp", "NATO_TOTAL", 2.9, 2024, "refuted")]


def test_a_benchmark_level_of_the_members_gdp_is_no_aggregate():
    assert _read("Allies spend 2% of their GDP on defence, NATO says.", "2024-07-01", "group_pct_gdp") == []


def test_european_members_of_nato_are_europe_not_the_alliance():
    assert _read("Over all, the European members of NATO were at 1.5 percent of GDP in 2018.", "2018-07-20") == [
        ("group_pct_gdp", "NATO_EUROPE", 1.5, 2018, "supported")]


def test_they_were_and_a_list_after_a_count_is_the_counted_set():
    found = _read("Only five allies met the guideline in 2016. They were the United States, Greece, Britain, Estonia "
                  "and Poland.", "2017-03-20", "count_at_threshold")
    assert found == [("count_at_threshold", "NATO_ALLIES", 5, 2016, "supported")] * 2
    # without a count before it, a list after "They are" claims nothing
    assert _read("They are the United States, Greece and Britain.", "2017-03-20") == []


def test_the_allies_that_meet_it_are_a_list_without_a_number_is_one_count_of_the_list():
    found = _read("The allies that spend two per cent or more of GDP this year are the US, Greece, Britain and "
                  "Estonia.", "2019-12-10")
    assert found == [("count_at_threshold", "NATO_ALLIES", 4, 2019, "refuted")]  # 2019-11: nine


def test_in_that_position_points_back_to_the_threshold_before():
    found = _read("Nine allies reached the guideline in 2019. In 2017, only four allies were in that position.",
                  "2020-10-22", "count_at_threshold")
    assert [(v, y) for _, _, v, y, _ in found] == [(9, 2019), (4, 2017)]


def test_a_listicle_item_led_by_a_count_of_members_is_a_count_but_not_one_compared_with_an_ally():
    assert _read("5: allies NATO expects to reach its 2 per cent guideline in 2018.",
                 "2018-07-10") == [("count_at_threshold", "NATO_ALLIES", 5, 2018, "supported")]
    assert _read("17: allies expected to devote more of their GDP to defence than Canada in 2018.",
                 "2018-07-10") == []


def test_an_ally_after_including_with_a_value_of_its_own_is_that_values_subject():
    found = _read("Twenty-three allies reach 2% this year, including Poland (4.12%) and Estonia (3.43%).", "2024-06-20",
                  "ally_pct_gdp")
    assert [(s, v) for _, s, v, _, _ in found] == [("POL", 4.12), ("EST", 3.43)]


def test_a_target_named_in_words_and_negated_is_below_it_unless_the_negation_is_doubled():
    assert _read("Spain does not meet the NATO guideline.", "2019-07-01") == [
        ("ally_pct_gdp", "ESP", 2.0, 2019, "supported")]
    found = claims("Spain does not meet the NATO guideline.", "2019-07-01")
    assert found[0]["comparator"] == "lt"
    found = claims("Poland has never failed to meet the target.", "2024-06-20")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("POL", "ge", "supported")]


def test_an_allys_spending_requirement_is_the_guideline():
    assert _read("Estonia meets its defence spending requirement comfortably.", "2023-07-12") == [
        ("ally_pct_gdp", "EST", 2.0, 2023, "supported")]


def test_one_of_n_nations_believed_to_be_hitting_the_target_is_a_count_and_in_the_list_a_rank():
    found = _read("Britain, one of 10 allies believed to hit the target, stands fourth in the list this year.",
                  "2021-06-12")
    assert sorted(found) == [("count_at_threshold", "NATO_ALLIES", 10, 2021, "supported"),
                             ("rank", "GBR", 4, 2021, "supported")]


def test_a_value_followed_by_in_and_an_ally_is_that_allys_and_gdp_may_be_spelt_with_stops_or_qualified():
    found = _read("The European allies and Canada stand at 2.02%, compared with 3.38% in the United States.", "2024-06-20")
    assert [(s, v) for _, s, v, _, _ in found] == [("NATO_EUR_CAN", 2.02), ("USA", 3.38)]
    assert _read("In 2013, Italy devoted only 1.2 percent of its G.D.P. to the military.", "2019-07-01") == [
        ("ally_pct_gdp", "ITA", 1.2, 2013, "refuted")]
    assert [s for _, s, _, _, _ in _read("Germany devotes 2.12% of its (far larger) GDP this year.", "2024-06-20")] \
        == ["DEU"]


def test_spending_that_dropped_by_a_percentage_is_a_negative_change_not_a_share_of_gdp():
    assert _read("Defence spending across the alliance fell 1.5 percent in 2015.", "2016-02-01") == [
        ("real_change", "NATO_TOTAL", -1.5, 2015, "supported")]
    # a level reached by falling is still a level
    assert [t for t, *_ in _read("Canada's spending fell below 1% of GDP in 2015.", "2019-07-01")] == ["ally_pct_gdp"]


def test_figures_compared_with_a_real_change_are_real_changes_of_their_own_years():
    found = _read("Across the alliance, outlays are set to climb 4.1% in real terms this year, against 3.5% in 2020.",
                  "2021-06-20")
    assert found == [("real_change", "NATO_TOTAL", 4.1, 2021, "supported"),
                     ("real_change", "NATO_TOTAL", 3.5, 2020, "supported")]


def test_in_real_terms_right_after_the_figure_marks_a_change_whatever_the_verb():
    found = _read("Europe and Canada raised spending 17.9% in real terms this year.", "2024-06-20")
    assert found == [("real_change", "NATO_EUR_CAN", 17.9, 2024, "supported")]


def test_an_ordinal_opening_prose_and_leadership_without_a_figure_are_no_ranks():
    assert _read("First – some background on how NATO counts.", "2020-10-22") == []
    assert _read("NATO member states, led by Germany, are under pressure to spend more.", "2020-10-22") == []
    assert [t for t, *_ in _read("Ten allies are above 2% this year, led by Greece.", "2020-10-22")] == [
        "rank", "count_at_threshold"]


def test_n_of_an_allys_m_allies_counts_the_others_and_m_is_the_membership_less_one():
    found = claims("Only 22 of Washington's 31 NATO allies have honoured their commitment this year.", "2024-06-20")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [
        ("member_count", 31, "supported"), ("count_at_threshold", 22, "supported")]  # 23 at 2% or more with the US
    assert found[1]["frame"]["exclusions"] == ["USA"]


def test_met_their_commitment_after_a_count_names_the_guideline():
    found = _read("He asked why only 5 out of 29 countries have met their commitment.", "2018-07-13",
                  "count_at_threshold")
    assert found == [("count_at_threshold", "NATO_ALLIES", 5, 2018, "supported")]


def test_a_large_share_of_a_loosely_named_nato_budget_is_the_share_of_allied_spending_a_small_one_is_not_checked():
    found = _read("Even now Washington finances over three-fifths of the bloc's military budget.", "2025-09-01")
    assert found == [("share_of_alliance", "USA", 0.6, 2025, "supported")]
    assert _read("The United States pays about 16% of NATO's budget, the same share as Germany.", "2024-06-20") == []
    assert _read("The US provides 22% of NATO's common funding.", "2024-06-20") == []


def test_a_list_and_its_stated_number_give_one_count_even_when_a_name_is_misspelt():
    for text in ("In 2014 the US, Greece and Britain were the only three allies at the guideline.",
                 "In 2014 the U.S, Britain, and Greece were the only three allies at the guideline."):
        assert _read(text, "2016-07-06") == [("count_at_threshold", "NATO_ALLIES", 3, 2014, "supported")]


def test_the_count_on_the_other_side_of_the_threshold_is_read_with_the_complement():
    found = _read("Eleven allies met the guideline this year, with nineteen falling short.", "2023-07-12")
    assert found == [("count_at_threshold", "NATO_ALLIES", 11, 2023, "supported"),
                     ("count_at_threshold", "NATO_ALLIES", 19, 2023, "supported")]
    assert claims("Eleven allies met the guideline this year, with nineteen falling short.", "2023-07-12")[1][
        "metric"] == "count(def_exp_pct_gdp<2)"


def test_out_of_all_n_countries_with_a_relative_clause_is_the_membership_then_the_count():
    found = _read("Out of all 28 countries that were members at the start of the year, only five reached the minimum "
                  "spending level in 2016.", "2017-05-26", "count_at_threshold")
    assert found == [("count_at_threshold", "NATO_ALLIES", 5, 2016, "supported")]


def test_natos_own_benchmark_after_its_possessive_is_the_threshold_not_an_allys_figure():
    text = "Croatia sits third with 2.79%; Estonia (2.28%) and France (2.01%) complete the 10 nations meeting NATO's 2% target."
    found = _read(text, "2021-06-12", "count_at_threshold")
    assert found == [("count_at_threshold", "NATO_ALLIES", 10, 2021, "supported")]
    assert claims(text, "2021-06-12", "count_at_threshold")[0]["metric"] == "count(def_exp_pct_gdp>=2)"


def test_a_second_count_with_its_verb_elided_takes_its_own_year():
    found = _read("Only three allies met the guideline in 2014, but five did in 2015.", "2016-01-29")
    assert [(v, y, verdict) for _, _, v, y, verdict in found] == [(3, 2014, "supported"), (5, 2015, "supported")]
    found = _read("Just three allies met the 2% guideline in 2014, and nine had done so by 2019.", "2020-10-22")
    assert [(v, y) for _, _, v, y, _ in found] == [(3, 2014), (9, 2019)]


def test_there_were_n_after_a_count_is_a_count_of_the_same_kind():
    found = _read("In 2022 seven allied nations spent 2% or more of GDP on defence. In 2014 there were just three.",
                  "2023-07-12")
    assert [(v, y, verdict) for _, _, v, y, verdict in found] == [(7, 2022, "supported"), (3, 2014, "supported")]
    assert _read("There were 28 members in 2016.", "2017-01-10", "count_at_threshold") == []


def test_the_latter_and_the_former_point_to_the_last_and_the_one_before():
    found = _read("Italy and Spain still lag well behind, the former at 1.49% of GDP.", "2024-06-20")
    assert found == [("ally_pct_gdp", "ITA", 1.49, 2024, "supported")]
    found = _read("Below the guideline are Spain, Slovenia, Luxembourg and Belgium, the latter at 1.30 percent.",
                  "2024-06-20", "ally_pct_gdp")
    assert found == [("ally_pct_gdp", "BEL", 1.3, 2024, "supported")]


def test_a_predicate_before_its_list_is_a_claim_about_every_listed_ally():
    found = claims("Still under the goal, in descending order, are Croatia, Portugal and Italy.", "2024-06-20")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [
        ("all_none_threshold", "HRV,PRT,ITA", "supported")]
    found = claims("Above 3.5% this year are Poland, Estonia and the US.", "2024-06-20")
    assert [(c["type"], c["verdict"]) for c in found] == [("all_none_threshold", "refuted")]  # EST 3.43, US 3.38


def test_examples_of_a_set_defined_by_a_threshold_each_meet_it():
    found = _read("Allies that already meet the two percent goal, such as Greece and Estonia, were praised.",
                  "2018-07-13")
    assert found == [("ally_pct_gdp", "GRC", 2.0, 2018, "supported"), ("ally_pct_gdp", "EST", 2.0, 2018, "supported")]


def test_a_rank_beside_a_dollar_figure_and_no_share_of_gdp_ranks_money():
    found = claims("Britain ranks second in Europe, spending $82 billion this year.", "2024-06-20", "rank")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [
        ("rank_desc(def_exp_usd_mn, European allies)", 2, "supported")]


def test_a_fraction_of_the_alliance_total_after_spent_is_a_share():
    found = _read("The US spent an estimated $968 billion on defence in 2024, about two-thirds of the alliance total.",
                  "2024-06-21", "share_of_alliance")
    assert found == [("share_of_alliance", "USA", 0.667, 2024, "supported")]


def test_a_figure_told_as_a_multiple_of_the_target():
    assert _read("Poland now spends more than twice the 2% target.", "2024-06-20") == [
        ("ally_pct_gdp", "POL", 4.0, 2024, "supported")]
    found = claims("Estonia spends nearly double the NATO 2% guideline.", "2024-06-20")
    assert [(c["type"], c["comparator"], c["verdict"]) for c in found] == [("ally_pct_gdp", "nearly", "refuted")]
    assert _read("Germany wants to double the 2% target.", "2024-06-20") == []  # a wish, no figure


def test_one_of_n_allies_below_the_guideline_is_a_count_below_and_the_ally_below():
    found = _read("Italy is one of 19 allies still below the guideline this year.", "2019-11-30")
    assert sorted(found) == [("ally_pct_gdp", "ITA", 2.0, 2019, "supported"),
                             ("count_at_threshold", "NATO_ALLIES", 19, 2019, "supported")]


def test_members_in_europe_are_the_european_allies():
    assert _read("NATO members in Europe spent 1.5% of GDP on average in 2018.", "2018-07-20") == [
        ("group_pct_gdp", "NATO_EUROPE", 1.5, 2018, "supported")]


def test_a_time_in_an_aside_without_a_figure_does_not_date_the_figure():
    found = _read("Lithuania, which hosted a big exercise in 2018, spends 1.98% this year.", "2019-07-01")
    assert found == [("ally_pct_gdp", "LTU", 1.98, 2019, "supported")]
    found = _read("Finland, which joined last year, spends 2.41% of GDP.", "2024-06-20", "ally_pct_gdp")
    assert found == [("ally_pct_gdp", "FIN", 2.41, 2024, "supported")]


def test_now_after_a_past_figure_puts_the_next_figure_in_the_present():
    for text in ("Germany spent 1.64% in 2023 and now spends 2.12%.", "Germany spent 1.64% in 2023, but now spends 2.12%."):
        assert [(v, y) for _, _, v, y, _ in _read(text, "2024-06-21")] == [(1.64, 2023), (2.12, 2024)]


def test_a_second_count_after_a_semicolon_takes_its_own_time_and_the_first_keeps_its_own():
    text = "In 2014 only three of the allies met the goal they had set themselves; in 2024, 23 of them will do so."
    assert [(v, y) for _, _, v, y, _ in _read(text, "2024-06-21")] == [(3, 2014), (23, 2024)]
    text = "Ten years ago just three of the allies met the goal that was set in Wales; today 23 of them do."
    assert [(v, y, verdict) for _, _, v, y, verdict in _read(text, "2024-06-20")] == [
        (3, 2014, "supported"), (23, 2024, "supported")]


def test_a_target_in_a_counts_clause_is_the_counts_threshold_not_a_claim_about_the_ally_before():
    found = _read("Poland tops the table at 4.12%, and 23 of the 32 allies now meet the 2% guideline.", "2024-06-20",
                  "ally_pct_gdp")
    assert found == [("ally_pct_gdp", "POL", 4.12, 2024, "supported")]


def test_all_but_n_allies_counts_the_n_on_the_other_side():
    found = claims("All but eight allies meet 2% this year.", "2024-06-21", "count_at_threshold")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [("count(def_exp_pct_gdp<2)", 8, "supported")]


def test_a_listicle_count_needs_its_own_threshold():
    text = "23: allies expected to meet the 2% target this year.\n32: members of NATO since Sweden joined in March."
    found = claims(text, "2024-06-20", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(23, "supported")]


def test_headline_counts_name_the_guideline_without_an_article_and_mean_this_year():
    found = _read("18 NATO states to hit spending target\nThe figure is a forecast.", "2024-02-15", "count_at_threshold")
    assert found == [("count_at_threshold", "NATO_ALLIES", 18, 2024, "unverifiable")]  # no 2024 edition yet


def test_most_or_lowest_in_the_alliance_after_a_share_is_a_rank():
    assert [(v, verdict) for _, _, v, _, verdict in _read("Poland spends 4.1% on defence, most in NATO, the figures "
                                                           "show.", "2024-06-20", "rank")] == [(1, "supported")]


def test_more_names_of_the_membership():
    for text, date, n in (("The meeting brings together all 28 NATO parties for the first time.", "2017-05-25", 28),
                          ("The alliance, which grew to 32 members with Sweden, meets in Washington next month.",
                           "2024-06-21", 32),
                          ("France's 31 allies include Poland and the US.", "2024-06-20", 31)):
        found = claims(text, date, "member_count")
        assert [(c["value"], c["verdict"]) for c in found] == [(n, "supported")], text


def test_in_real_terms_after_a_growth_figure_does_not_name_the_basis_of_the_level_after_it():
    found = claims("Spending by European allies and Canada rose 17.9% in real terms to $507 billion this year.",
                   "2024-06-20")
    assert [(c["type"], c["verdict"]) for c in found] == [("real_change", "supported"), ("spending_usd", "supported")]
    found = claims("NATO's total defence spending grew 10.9% in real terms to $1.47 trillion this year.", "2024-06-21")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [
        ("real_change", "NATO_TOTAL", "supported"), ("spending_usd", "NATO_TOTAL", "supported")]


def test_the_european_average_and_a_figure_owned_by_the_ally_named_after_a_later_figure():
    found = _read("Last year the average for European allies was 1.47%, compared with 3.16% in the US.", "2017-03-16")
    assert found == [("group_pct_gdp", "NATO_EUROPE", 1.47, 2016, "supported"),
                     ("ally_pct_gdp", "USA", 3.16, 2016, "refuted")]


def test_a_second_count_under_another_level_is_not_the_other_side_of_the_first():
    # (the second count is its own claim at its own level: CountThresholdRule._later_clause_count)
    found = claims("Twenty-three allies meet 2% this year, and eight remain under 1.5% of GDP.", "2024-06-20",
                   "count_at_threshold")
    assert [c["metric"] for c in found] == ["count(def_exp_pct_gdp>=2)", "count(def_exp_pct_gdp<1.5)"]


def test_an_economic_figure_named_before_a_share_is_no_defence_figure():
    assert _read("Italy's central government deficit reached 3.4% of GDP this year.", "2024-06-20") == []
    assert _read("Allies in Europe face inflation of 2.4% on average, the ECB says.", "2024-06-20") == []


def test_both_before_an_elided_do_so_keeps_the_plan_for_the_list():
    found = claims("Slovakia expects to reach the guideline in 2022, and Belgium and Spain both hope to do so by 2030.",
                   "2019-07-01", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [
        ("SVK", 2022, "unverifiable"), ("BEL,ESP", 2030, "unverifiable")]
