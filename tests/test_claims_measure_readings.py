"""Which figure a change, a money amount, a group level or a rank needs: the alliance's change when NATO printed only
that of the European allies and Canada, a group carried from the sentence before, the precision a press figure was
printed with, "NATO's overall", a place named beside a loose end of the ranking, and a record over time."""

from claims_helpers import claims


def _read(found):
    return [(c["subject"], c["year"], c["verdict"]) for c in found]


def test_the_alliances_change_matches_the_only_group_the_edition_prints_a_change_for():
    # 2019-11 prints the 2019 change of the European allies and Canada (4.6) and none for the whole alliance
    found = claims("NATO allies raised defence spending by 4.6% in real terms in 2019.", "2019-12-15", "real_change")
    assert _read(found) == [("NATO_EUR_CAN", 2019, "supported")]
    assert "European allies and Canada only" in found[0]["explanation"]


def test_the_alliances_change_that_does_not_match_the_european_figure_stays_unverifiable():
    found = claims("NATO allies raised defence spending by 6% in real terms in 2019.", "2019-12-15", "real_change")
    assert _read(found) == [("NATO_TOTAL", 2019, "unverifiable")]


def test_the_alliances_change_is_its_own_when_the_edition_prints_it():
    found = claims("NATO allies will lift defence spending by 18% this year.", "2024-07-01", "real_change")
    assert _read(found) == [("NATO_TOTAL", 2024, "refuted")]


def test_the_newer_european_figure_wins_over_an_older_estimate_for_the_alliance():
    # E0 2022-03-sgar prints 3.1 for the European allies and Canada; 2021-06 had estimated 4.1 for the alliance
    found = claims("Last year, NATO allies increased defence spending by 3.1% in real terms.", "2022-04-20",
                   "real_change")
    assert _read(found) == [("NATO_EUR_CAN", 2021, "supported")]


def test_a_change_with_no_group_named_is_the_group_of_the_sentence_before():
    text = ("The 30 allies spent a combined $1.2 trillion on defence last year. Compared with 2021, that amounted to an "
            "increase of 3.5 percent.")
    assert _read(claims(text, "2023-04-02", "real_change")) == [("NATO_TOTAL", 2022, "refuted")]


def test_a_group_is_not_carried_to_a_change_across_a_paragraph_break():
    text = "Allied defence spending came to about $1.2 trillion in 2022.\nGrowth this year will be about 2 per cent."
    assert [c["subject"] for c in claims(text, "2023-04-02", "real_change")] in ([], [None])


def test_a_press_total_printed_in_trillions_matches_a_figure_in_billions_at_its_precision():
    # 2023-03-sgar printed "$1.2 trillion": $1,195bn is that figure, $1,149bn is not
    assert _read(claims("NATO allies spent $1,195 billion on defence in 2022.", "2023-05-01", "spending_usd")) == [
        ("NATO_TOTAL", 2022, "supported")]
    assert _read(claims("NATO allies spent $1,149 billion on defence in 2022.", "2023-05-01", "spending_usd")) == [
        ("NATO_TOTAL", 2022, "refuted")]


def test_a_press_figure_printed_to_one_decimal_is_not_refuted_by_a_second_decimal_that_rounds_to_it():
    assert _read(claims("France spent $44.33 billion on defence in 2017.", "2017-08-01", "spending_usd")) == [
        ("FRA", 2017, "supported")]
    assert _read(claims("France spent $44.38 billion on defence in 2017.", "2017-08-01", "spending_usd")) == [
        ("FRA", 2017, "refuted")]


def test_natos_overall_ratio_is_the_whole_alliance_not_the_group_of_the_sentence_before():
    found = claims("Europe and Canada are at 2.27%. NATO's overall share of GDP stands at 2.76% this year.", "2025-08-28",
                   "group_pct_gdp")
    assert _read(found) == [("NATO_EUR_CAN", 2025, "supported"), ("NATO_TOTAL", 2025, "supported")]


def test_a_penultimate_place_named_beside_the_bottom_of_the_ranking_is_second_from_the_bottom():
    found = claims("Once again Belgium sits at the bottom of the table in penultimate position, with only Luxembourg below it.",
                   "2024-03-20", "rank")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("BEL", 2, "supported")]


def test_second_to_last_is_not_second():
    found = claims("Spain's defence spending ranks second to last in the alliance.", "2024-07-01", "rank")
    assert [(c["subject"], c["metric"], c["value"]) for c in found] == [("ESP", "rank_asc(def_exp_pct_gdp)", 2)]


def test_the_highest_of_a_period_is_a_record_over_time_not_a_rank_among_allies():
    text = "Turkey lifted defence spending by 44.09% in real terms in 2024, the biggest jump of the 2014-2024 years."
    assert [c["type"] for c in claims(text, "2024-06-25")] == ["real_change"]
    assert claims("The US has led the table for decades.", "2024-06-25", "rank") != []


def test_a_hedge_after_more_than_keeps_more_than():
    found = claims("Latvia spends more than about 3.5% of GDP on defence.", "2024-07-01", "ally_pct_gdp")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("gt", "refuted")]
    found = claims("Estonia's spending will exceed some 3.3% of GDP in 2024.", "2024-07-01", "ally_pct_gdp")
    assert [(c["comparator"], c["verdict"]) for c in found] == [("gt", "supported")]


def test_the_us_is_first_in_money_when_it_alone_outspends_all_other_allies_together():
    # 2025-08 prints no per-ally US$ table: the US 980 against the European allies and Canada 608 fixes the top only
    found = claims("The US is by some margin the alliance's biggest spender in monetary terms.", "2025-08-30", "rank")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("USA", 1, "supported")]
    assert [c["verdict"] for c in claims("Germany is the alliance's biggest spender in money terms.", "2025-09-01",
                                         "rank")] == ["refuted"]
    assert [c["verdict"] for c in claims("In absolute terms Germany ranks second in NATO.", "2025-09-01",
                                         "rank")] == ["unverifiable"]


def test_money_ranks_come_from_an_editions_press_rounded_per_ally_figures():
    found = claims("In dollar terms, Italy is the third-largest spender in the alliance this year.", "2017-07-05", "rank")
    assert [(c["subject"], c["verdict"]) for c in found] == [("ITA", "refuted")]
    assert "press-rounded" in found[0]["evidence"][-1]["fact"]


def test_a_group_on_the_other_side_of_a_comparison_does_not_own_the_sum_before_it():
    text = ("America remains the paymaster. At some $785 billion in 2020, it outspent the other allies combined more "
            "than twice over.")
    assert _read(claims(text, "2021-03-20", "spending_usd")) == [("USA", 2020, "supported")]
    alone = "At about 785 billion US dollars, they spent 2.4 times as much as all other 29 partners in NATO together."
    assert claims(alone, "2021-03-20", "spending_usd") == []  # whose sum it is is not said: never the group compared


def test_a_groups_one_year_direction_without_real_is_judged_on_natos_real_change():
    assert _read(claims("Spending by European allies and Canada rose in 2015.", "2016-03-01", "real_change")) == [
        ("NATO_EUR_CAN", 2015, "refuted")]  # 2016-01: -0.3
    # one ally: its budget may be quoted in nominal terms (2019-06: Italy 2015 -5.8 in real terms)
    assert _read(claims("Italy raised its defence budget in 2015.", "2019-07-01", "real_change")) == [
        ("ITA", 2015, "unverifiable")]


def test_a_pledges_level_after_a_verb_of_aiming_is_no_share_of_the_alliance():
    text = ("Under the pledge, every ally has to reach 2 percent in defence spending by 2024, and Spain, with 1.28%, is "
            "still far off.")
    assert claims(text, "2024-06-20", "share_of_alliance") == []
    assert _read(claims("Spain accounts for less than one percent of allied military spending.", "2024-06-20",
                        "share_of_alliance")) == [("ESP", 2024, "refuted")]


def test_a_list_headed_or_led_by_an_ally_ranks_it_first():
    found = claims("Portugal is 16th on the list, which is headed by the US (3.39%).", "2019-03-20", "rank")
    assert ("USA", 1, "supported") in [(c["subject"], c["value"], c["verdict"]) for c in found]
    found = claims("The ranking is led by Poland, at 4.12%.", "2024-07-01", "rank")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("POL", 1, "supported")]
    assert claims("The table is headed by a chart of troop numbers.", "2024-07-01") == []
