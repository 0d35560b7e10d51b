from claims_helpers import claims


def test_lowest_share_with_complete_edition():
    found = claims('"Spain spends a smaller share of its economy on defence than any other ally."', "2025-03-05", "rank")
    assert [c["verdict"] for c in found] == ["supported"]


def test_rank_needs_a_complete_edition():
    found = claims("0.54%: Luxembourg's share last year, the lowest in the alliance.", "2019-04-04", "rank")
    assert [c["verdict"] for c in found] == ["unverifiable"]


def test_ordinal_rank_and_vague_rank():
    assert [c["verdict"] for c in claims("Greece has the third-highest defence spending in the alliance relative to GDP.",
                                         "2025-03-05", "rank")] == ["refuted"]
    assert claims("Spain, one of the lowest spenders, said it would do more.", "2024-06-18", "rank") == []


def _ranks(found):
    return [(c["subject"], c["value"], c["verdict"]) for c in found]


def test_allies_after_followed_by_take_the_next_places_until_the_list_breaks():
    text = "The United States tops the table, followed by Greece at 2.7% and Britain (2.4%), with Norway at 2.0%."
    assert _ranks(claims(text, "2020-11-17", "rank")) == [("USA", 1, "supported"), ("GRC", 2, "supported"),
                                                         ("GBR", 3, "supported")]


def test_a_followed_by_list_ranks_the_second_and_third_places_and_gives_later_names_only_their_figures():
    # real coverage labels the runner-up and the third place of such a list, the later names with their values only
    text = "Latvia heads the table at 3.2%, followed by Estonia (2.3%), Lithuania (2.0%), Norway (1.9%) and Spain (1.3%)."
    found = claims(text, "2023-08-01")
    assert _ranks([c for c in found if c["type"] == "rank"]) == [("LVA", 1, "refuted"), ("EST", 2, "refuted"),
                                                                ("LTU", 3, "refuted")]
    assert {c["subject"] for c in found if c["type"] == "ally_pct_gdp"} >= {"NOR", "ESP"}


def test_a_list_after_a_carried_place_stops_at_the_third_place():
    text = "Greece tops the table. It is followed by Estonia (2.3%), Lithuania (2.0%) and Latvia with 2.1%."
    assert [c["value"] for c in claims(text, "2019-12-10", "rank")] == [1, 2, 3]


def test_followed_by_after_a_first_place_in_the_wrong_order_is_refuted():
    text = "The United States leads the alliance at 3.9%, followed by Norway (2.0%) and Greece (2.6%)."
    assert _ranks(claims(text, "2020-11-17", "rank"))[1:] == [("NOR", 2, "refuted"), ("GRC", 3, "refuted")]


def test_followed_by_without_a_first_place_is_no_rank():
    assert claims("Norway spent 2.0% of GDP on defence, followed by Turkey at 1.9%.", "2020-11-17", "rank") == []


def test_leading_all_members_or_the_shares_at_a_figure_is_first_place():
    for text in ("The United States led all members with 3.9% of GDP going to defence.",
                 "The United States leads estimated shares at 3.9% of GDP."):
        assert _ranks(claims(text, "2020-11-17", "rank")) == [("USA", 1, "supported")], text


def test_spending_the_most_on_defence_at_a_share_is_first_place():
    assert _ranks(claims("Greece spends the most on defence, at 2.6%.", "2020-11-17", "rank")) == [("GRC", 1, "refuted")]
    assert _ranks(claims("The United States spends the most on defence – 3.9%.", "2020-11-17", "rank")) == [
        ("USA", 1, "supported")]


def test_spending_the_most_with_no_share_is_no_rank_by_share_of_gdp():
    assert claims("The United States spends the most on defence.", "2020-11-17", "rank") == []


def test_the_largest_budget_is_first_place_in_money_and_its_followers_the_next():
    text = "The United States has the largest defence budget of all, followed by Britain (about $61 billion) and France ($51 billion)."
    found = claims(text, "2019-06-25", "rank")
    assert _ranks(found) == [("USA", 1, "supported"), ("GBR", 2, "supported"), ("FRA", 3, "refuted")]
    assert all("usd" in c["metric"] for c in found)


def test_the_largest_budget_increase_is_no_rank():
    assert claims("Norway announced the largest defence budget increase since 1990.", "2019-06-25", "rank") == []


# --- ranks read by role: the rank word on either side of its ally (rank.csv `subject`) ---------------------------

def test_an_ordinal_opening_its_clause_ranks_the_ally_after_the_copula_or_dash():
    text = "Third in 2024 will be the United States, fourth – Latvia, fifth – Lithuania."
    assert _ranks(claims(text, "2024-07-01", "rank")) == [("USA", 3, "supported"), ("LVA", 4, "supported"),
                                                         ("LTU", 5, "refuted")]


def test_a_place_noun_takes_its_ally_before_it_in_its_piece_or_else_after_it():
    before = "Poland takes first place among NATO allies in 2024 for defence spending relative to output, Estonia – the second place."
    after = "In 2023 the third spot goes to Greece, by defence spending relative to GDP."
    assert _ranks(claims(before, "2024-07-01", "rank")) == [("POL", 1, "supported"), ("EST", 2, "supported")]
    assert _ranks(claims(after, "2023-08-01", "rank")) == [("GRC", 3, "supported")]


def test_a_leader_word_or_number_one_binds_the_ally_on_either_side():
    for text, subject in (("Measured in nominal terms, the leader in 2024 is the United States.", "USA"),
                          ("Poland is the new No. 1 in NATO defence spending in 2024.", "POL"),
                          ("Topping the list in 2024 is Poland, by defence spending relative to GDP.", "POL"),
                          ("In 2024 Poland, number one among NATO countries in defence spending, raised it again.", "POL")):
        found = claims(text, "2024-07-01", "rank")
        assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [(subject, 1, "supported")], text
    assert "usd" in claims("Measured in nominal terms, the leader in 2024 is the United States.", "2024-07-01",
                           "rank")[0]["metric"]


def test_a_leader_word_with_no_ally_in_its_role_is_no_rank():
    for text in ("The leader of Hungary said defence spending would reach 2% in 2024.",
                 "Overall, the US-led alliance raised defence spending by 3.8 percent in 2016.",
                 "The eurozone's fourth-largest economy has put its budget into the green transition.",
                 "Europe was last at two percent of GDP on defence in 2000."):
        assert claims(text, "2024-07-01", "rank") == [], text


def test_no_other_ally_and_every_other_ally_are_first_and_last_places():
    assert _ranks(claims("No other ally spends as much relative to output as Poland in 2024.", "2024-07-01",
                         "rank")) == [("POL", 1, "supported")]
    assert _ranks(claims("In 2024 Canada trails every other ally in defence spending relative to GDP.", "2024-07-01",
                         "rank")) == [("CAN", 1, "refuted")]


def test_a_superlative_of_how_much_is_spent_with_no_share_named_ranks_us_dollars():
    found = claims("The United States outspends every other ally on defence in 2024.", "2024-07-01", "rank")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [("USA", "rank_desc(def_exp_usd_mn)", "supported")]
    shared = claims("In 2024 Poland spends the most in relation to GDP among all allies.", "2024-07-01", "rank")
    assert [(c["subject"], c["metric"]) for c in shared] == [("POL", "rank_desc(def_exp_pct_gdp)")]


def test_a_list_before_a_last_place_word_is_the_set_of_the_lowest():
    found = claims("Spain and Luxembourg, at 1.02% and 0.57%, brought up the rear.", "2021-08-17", "rank")
    assert [(c["subject"], c["comparator"], c["value"]) for c in found] == [("ESP,LUX", "le", 2)]
    assert _ranks(claims("Spain brings up the rear at 1.28% of GDP in 2024.", "2024-07-01", "rank")) == [
        ("ESP", 1, "supported")]


def test_sets_read_from_the_top_n_the_leaders_and_the_highest_share():
    def sets(text, date):
        return [(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in claims(text, date, "rank")]
    assert sets("Greece is among the top five in defence spending relative to GDP in 2024.", "2024-07-01") == [
        ("GRC", "le", 5, "supported")]
    assert sets("Latvia, Estonia and Poland spend the highest share of GDP on defence in 2024.", "2024-07-01") == [
        ("LVA,EST,POL", "le", 3, "refuted")]
    assert sets("The leaders in 2024 were Poland, Estonia and the United States.", "2024-07-01") == [
        ("POL,EST,USA", "le", 3, "supported")]
    assert sets("The top five with the smallest budgets relative to the economy in 2023 are Slovenia, Türkiye, Spain, "
                "Belgium and, in last place, Luxembourg.", "2023-08-01") == [("SVN,TUR,ESP,BEL,LUX", "le", 5, "supported")]


def test_only_x_does_worse_than_y_puts_y_second_from_the_bottom():
    assert _ranks(claims("Only Spain does worse than Slovenia on defence spending relative to GDP in 2024.",
                         "2024-07-01", "rank")) == [("SVN", 2, "supported")]
    assert _ranks(claims("Belgium spends little on its armed forces; in 2024 only Spain does worse on defence relative "
                         "to GDP.", "2024-07-01", "rank")) == [("BEL", 2, "refuted")]


def test_following_closely_behind_takes_the_place_after_the_last_ranked_in_the_paragraph():
    text = ("Poland is first in defence spending relative to GDP in 2024, with Estonia second. "
            "The United States follows closely behind.")
    assert _ranks(claims(text, "2024-07-01", "rank")) == [("POL", 1, "supported"), ("EST", 2, "supported"),
                                                         ("USA", 3, "supported")]
    next_comes = "Poland ranks first in 2024 by defence spending relative to GDP, and Estonia second. Next comes Greece."
    assert _ranks(claims(next_comes, "2024-07-01", "rank"))[-1] == ("GRC", 3, "refuted")
    # a new paragraph starts a new ranking: nothing to follow
    assert _ranks(claims("Poland ranks first in 2024 by defence spending relative to GDP.\n\nGreece follows closely behind.",
                         "2024-07-01", "rank")) == [("POL", 1, "supported")]


def test_a_list_in_the_top_ten_needs_the_paragraph_to_speak_of_a_ranking_year():
    text = "Poland, Estonia, the United States, Latvia and Greece are in the top ten."
    assert claims(text, "2024-07-01", "rank") == []
    found = claims("Defence spending rose across the alliance in 2024. " + text, "2024-07-01", "rank")
    assert [(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in found] == [
        ("POL,EST,USA,LVA,GRC", "le", 10, "supported")]


def test_top_and_bottom_spots_and_the_alliance_leader_are_first_and_last_places():
    for text, expected in (("With 4.12% of GDP in 2024, Poland occupies the top spot.", ("POL", 1, "supported")),
                           ("Poland remains NATO's leader in defence spending as a share of GDP in 2024.", ("POL", 1, "supported")),
                           ("In the 2024 NATO ranking, Canada sits at the very bottom.", ("CAN", 1, "refuted"))):
        assert _ranks(claims(text, "2024-07-01", "rank")) == [expected], text
    for text in ("Spain is at the bottom of its class in schools, the 2024 survey of spending says.",
                 "The top spot in the 2024 summit's spending agenda goes to Ukraine."):
        assert claims(text, "2024-07-01", "rank") == [], text


def test_only_x_spends_a_bigger_share_than_y_puts_y_second():
    text = "Only Poland spends a bigger share of its economy on defence than Latvia in 2024."
    assert _ranks(claims(text, "2024-07-01", "rank")) == [("LVA", 2, "refuted")]


def test_only_one_ally_ahead_or_behind_is_second_place():
    assert _ranks(claims("Estonia, at 3.43% of GDP in 2024, trails only Poland.", "2024-07-01", "rank")) == [
        ("EST", 2, "supported")]
    assert _ranks(claims("Canada, at 1.37% of GDP in 2024, is ahead of only Spain.", "2024-07-01", "rank")) == [
        ("CAN", 2, "refuted")]


def test_moving_to_a_place_and_nobody_spending_more_state_the_place():
    assert _ranks(claims("Latvia slipped to fourth in 2024 by share of GDP.", "2024-07-01", "rank")) == [("LVA", 4, "supported")]
    assert _ranks(claims("No country spends more on defence relative to GDP than Greece in 2024.", "2024-07-01",
                         "rank")) == [("GRC", 1, "refuted")]


def test_one_of_the_n_biggest_and_making_up_the_top_n_are_set_ranks():
    def sets(text):
        return [(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in claims(text, "2024-07-01", "rank")]
    assert sets("Estonia is one of the three biggest spenders relative to GDP in 2024.") == [("EST", "le", 3, "supported")]
    assert sets("Latvia is one of the three biggest spenders relative to GDP in 2024.") == [("LVA", "le", 3, "refuted")]
    assert sets("Poland, Estonia and the United States make up the top three in defence spending relative to GDP in "
                "2024.") == [("POL,EST,USA", "le", 3, "supported")]
    assert sets("The top three in 2024 were Poland, Latvia and the United States, by share of GDP.") == [
        ("POL,LVA,USA", "le", 3, "refuted")]
    assert sets("Germany, one of the top two economies, spends 2.1% of GDP on defence in 2024.") == []


def test_a_rank_takes_the_year_of_its_own_clause():
    text = "In 2014 Greece ranked second in defence spending relative to GDP; in 2023 Poland was first."
    assert [(c["subject"], c["year"]) for c in claims(text, "2024-07-01", "rank")] == [("GRC", 2014), ("POL", 2023)]
    text = "Poland was first in 2023 with 3.9% of GDP, while in 2014 Estonia came third."
    assert [(c["subject"], c["year"]) for c in claims(text, "2024-07-01", "rank")] == [("POL", 2023), ("EST", 2014)]


def test_rank_words_outside_a_ranking_of_allies_give_no_rank():
    for text in ("NATO leaders are meeting in The Hague; the leaders were divided over Spain's 2% of GDP.",
                 "The first place to look is the budget, said Poland's minister of defence in 2024.",
                 "The top three priorities for Poland are defence, energy and migration, at 4% of GDP in 2024.",
                 "No. 10 Downing Street said Britain would spend 2.5% of GDP on defence.",
                 "Germany came last in the Eurovision contest, but its defence budget rose in 2024.",
                 "In the first place, Spain must spend 2% of GDP on defence.",
                 "The alliance's leader, Mark Rutte, said Spain must spend more on defence in 2024.",
                 "Canada was last to join the consensus on defence spending of 3.5% in 2025.",
                 "Spain, which leads the alliance in fishing, spends 1.3% of GDP on defence in 2024."):
        assert claims(text, "2024-07-01", "rank") == [], text


def test_a_list_before_a_first_or_last_place_word_ranks_the_set_not_its_last_ally():
    def sets(text):
        return [(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in claims(text, "2024-07-01", "rank")]
    assert sets("Poland, Estonia and the US top the ranking of defence spending relative to GDP in 2024.") == [
        ("POL,EST,USA", "le", 3, "supported")]
    assert sets("Spain and Slovenia have the lowest defence spending relative to GDP in 2024.") == [
        ("ESP,SVN", "le", 2, "supported")]
    assert sets("Spain and Belgium are at the bottom of the table in 2024.") == [("ESP,BEL", "le", 2, "refuted")]
    # a list compared with the ranked ally is not the set ranked
    assert sets("Compared with Spain and Italy, Poland tops the ranking of defence spending in 2024.") == [
        ("POL", "eq", 1, "supported")]


def test_places_out_of_n_at_number_n_and_an_elided_last():
    assert _ranks(claims("Canada is 27th out of 31 allies in defence spending relative to GDP in 2024.", "2024-07-01",
                         "rank")) == [("CAN", 27, "supported")]
    assert _ranks(claims("Among the 31 allies with figures, Italy comes in at number 26 in defence spending in 2024.",
                         "2024-07-01", "rank")) == [("ITA", 26, "supported")]
    assert _ranks(claims("Poland No. 1, Canada last in NATO spending league for 2024", "2024-07-01", "rank")) == [
        ("POL", 1, "supported"), ("CAN", 1, "refuted")]


def test_the_most_in_absolute_terms_and_the_largest_budget_rank_us_dollars():
    found = claims("The US spends the most in absolute terms, while Poland spends the most relative to GDP in 2024.",
                   "2024-07-01", "rank")
    assert [(c["subject"], c["metric"]) for c in found] == [("USA", "rank_desc(def_exp_usd_mn)"),
                                                          ("POL", "rank_desc(def_exp_pct_gdp)")]
    found = claims("Germany has the second-largest defence budget in the alliance in 2024.", "2024-07-01", "rank")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [("DEU", "rank_desc(def_exp_usd_mn)", "supported")]


def test_a_rank_of_something_else_named_after_the_rank_word_is_no_spending_rank():
    for text in ("Germany, the leader in Europe's economy, spends 2.1% of GDP on defence in 2024.",
                 "Germany, Europe's number one economy, spends 2.1% of GDP on defence in 2024.",
                 "France, in second place in arms exports, spends 2.1% of GDP on defence in 2024.",
                 "Italy, the runner-up in the Euro 2020 final, spends 1.5% of GDP on defence in 2024.",
                 "Germany, France and Italy spend the most on health in Europe, and 2% of GDP on defence in 2024.",
                 "The three largest countries by population are Germany, France and Italy, spending 2% of GDP in 2024.",
                 "Poland spends more of its budget on defence than any other ally in 2024.",
                 "Poland, at first, refused to spend more than 2% of GDP on defence in 2024.",
                 "Spain trails only slightly in defence spending, at 1.28% of GDP in 2024.",
                 "Germany spends more on Ukraine aid than any other European ally in 2024.",
                 "Norway, the top contributor of aid to Ukraine per head, spends 2.2% of GDP on defence in 2024."):
        assert claims(text, "2024-07-01", "rank") == [], text
    # the economy as the denominator of the share is the spending ranking itself
    assert _ranks(claims("Poland is the biggest spender relative to the size of its economy in 2024.", "2024-07-01",
                         "rank")) == [("POL", 1, "supported")]


def test_places_counted_from_the_bottom_and_bare_ordinals_after_in_or_at():
    for text, expected in (("Canada sits fifth from the bottom in defence spending in 2024.", ("CAN", 5, "supported")),
                           ("Belgium is fourth-to-last in 2024 by share of GDP.", ("BEL", 4, "supported")),
                           ("Luxembourg is second from last in 2024 by share of GDP.", ("LUX", 2, "refuted")),
                           ("Estonia slots in behind Poland in second, at 3.43% of GDP in 2024.", ("EST", 2, "supported")),
                           ("Greece, fifth on NATO's list, spends 3.08% of GDP in 2024.", ("GRC", 5, "supported")),
                           ("Hungary is mid-table, in 16th position, at 2.11% of GDP in 2024.", ("HUN", 16, "supported")),
                           ("Poland is once again at the head of the table for defence spending in 2024.",
                            ("POL", 1, "supported"))):
        assert _ranks(claims(text, "2024-07-01", "rank")) == [expected], text
    assert claims("In the second half of 2024, Poland spent 4% of GDP on defence.", "2024-07-01", "rank") == []


def test_top_and_bottom_of_a_named_table_and_an_elided_bottom():
    assert _ranks(claims("Poland tops NATO spending league for 2024; Spain bottom", "2024-07-01", "rank")) == [
        ("POL", 1, "supported"), ("ESP", 1, "supported")]
    assert _ranks(claims("Canada again finished bottom of the NATO table in 2024.", "2024-07-01", "rank")) == [
        ("CAN", 1, "refuted")]
    assert _ranks(claims("Poland is top of the alliance's defence spending table in 2024.", "2024-07-01", "rank")) == [
        ("POL", 1, "supported")]
    assert claims("Migration is top of the list of priorities for Spain, which spends 1.3% of GDP in 2024.",
                  "2024-07-01", "rank") == []


def test_a_ranking_within_a_group_of_fixed_members_ranks_among_them():
    def within(text):
        return [(c["subject"], c["metric"], c["value"], c["verdict"]) for c in claims(text, "2024-07-01", "rank")]
    assert within("Latvia has the highest defence spending among the Baltic states, at 3.15% of GDP in 2024.") == [
        ("LVA", "rank_desc(def_exp_pct_gdp, Baltic states)", 1, "refuted")]  # Estonia 3.43 > Latvia 3.15
    assert within("Lithuania ranks third among the Baltic states in defence spending in 2024.") == [
        ("LTU", "rank_desc(def_exp_pct_gdp, Baltic states)", 3, "supported")]
    assert within("Finland ranks first among the Nordic countries in defence spending in 2024.") == [
        ("FIN", "rank_desc(def_exp_pct_gdp, Nordic allies)", 1, "supported")]


def test_a_ranking_within_a_group_nato_does_not_rank_gives_no_rank():
    for text in ("Greece is the top spender in southern Europe, at 3.08% of GDP in 2024.",
                 "Hungary is the biggest spender in the region relative to GDP in 2024.",
                 "Estonia and Latvia spend the most among the Baltic states relative to GDP in 2024."):
        assert claims(text, "2024-07-01", "rank") == [], text
    # Europe as a whole is a published scope (the European allies)
    found = claims("Germany is the biggest spender in Europe in dollar terms in 2024.", "2024-07-01", "rank")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [
        ("DEU", "rank_desc(def_exp_usd_mn, European allies)", "supported")]


def test_a_fraction_of_the_allies_and_an_epithet_are_no_place():
    assert claims("Fewer than a third of the 29 allies reach the guideline this year, NATO's June figures show.",
                  "2019-06-26", "rank") == []
    assert claims("Spain, the alliance's laggard for years, is estimated at 2 per cent this year.", "2025-09-01",
                  "rank") == []
    # a share measure that starts in the rank phrasing itself ("the most relative to its economy") is spending
    found = claims("Greece devotes the most relative to its economy, 3.82 per cent, followed by the United States at "
                   "3.52 per cent.", "2021-06-15", "rank")
    assert [(c["subject"], c["value"]) for c in found][:1] == [("GRC", 1)]


def _placed(text: str, date: str = "2024-09-01") -> list[tuple]:
    return [(c["subject"], c["metric"], c["comparator"], c["value"], c["year"], c["verdict"])
            for c in claims(text, date, "rank")]


def test_a_baselines_year_dates_no_rank():
    # 2024-06: Spain lowest in 2024 (in 2014 Luxembourg was lower)
    assert _placed("Spain, which has doubled its budget compared with 2014, is the lowest spender relative to GDP.") == [
        ("ESP", "rank_asc(def_exp_pct_gdp)", "eq", 1, 2024, "supported")]
    assert _placed("Estonia, whose outlays are up on 2021, ranks second by share of GDP.")[0][4] == 2024
    # "spending three times more than in 2015" is more than its own past, not a money rank
    assert _placed("Luxembourg – spending three times more than in 2015 – still comes last in the alliance.",
                  "2023-08-01") == [("LUX", "rank_asc(def_exp_pct_gdp)", "eq", 1, 2023, "supported")]


def test_a_set_placed_in_the_ranking_spoken_of_just_before():
    found = _placed("Poland ranks first relative to GDP, with Estonia second.\nThe top ten also includes Lithuania, "
                   "Finland and Denmark.")
    assert found[-1] == ("LTU,FIN,DNK", "rank_desc(def_exp_pct_gdp)", "le", 10, 2024, "supported")
    found = _placed("Poland ranks first relative to GDP, with Estonia second.\nThe top five also includes Finland and "
                   "Denmark.")
    assert found[-1][0] == "FIN,DNK" and found[-1][-1] == "refuted"  # 7th and 8th
    # with no ranking before, "the top ten" of a sentence without figures or spending words is nobody's
    assert _placed("Greece won the European championship in 2004.\nThe top five also includes France and Spain.") == []


def test_a_list_written_in_order_gives_each_ally_its_place():
    # falling figures for a top list, rising for a bottom list: consecutive places from the first the list fills
    assert _placed("Latvia (3.15%) and Greece (3.08%) are NATO's top two spenders relative to GDP.")[:2] == [
        ("LVA", "rank_desc(def_exp_pct_gdp)", "eq", 1, 2024, "refuted"),
        ("GRC", "rank_desc(def_exp_pct_gdp)", "eq", 2, 2024, "refuted")]
    assert [f[:4] for f in _placed("The three lowest spenders in 2023 were Luxembourg (0.72%), Belgium (1.13%) and "
                                   "Spain (1.26%).", "2023-08-01")] == [
        ("LUX", "rank_asc(def_exp_pct_gdp)", "eq", 1), ("BEL", "rank_asc(def_exp_pct_gdp)", "eq", 2),
        ("ESP", "rank_asc(def_exp_pct_gdp)", "eq", 3)]
    # "in that order" after the first three places: the rest of the top six
    found = _placed("Poland tops the table at 4.12%, followed by Estonia (3.43%) and the US (3.38%). Latvia, Greece "
                    "and Lithuania complete the top six, in that order.")
    assert [f[0] + str(f[3]) for f in found] == ["POL1", "EST2", "USA3", "LVA4", "GRC5", "LTU6"]
    # a tie, figures out of order or no order said leave each ally at most n
    assert [f[:4] for f in _placed("The top three in 2024 were Estonia (3.43%), Poland (4.12%) and the US (3.38%).")] == [
        ("EST,POL,USA", "rank_desc(def_exp_pct_gdp)", "le", 3)]
    assert _placed("The four lowest spenders this year are Spain (1.28%), Slovenia (1.29%), Luxembourg (1.29%) and "
                   "Belgium (1.30%).")[0][:4] == ("ESP,SVN,LUX,BEL", "rank_asc(def_exp_pct_gdp)", "le", 4)
    assert _placed("Britain (2.33%) and Finland (2.41%) are among the top ten spenders relative to GDP in 2024.")[0][
        :4] == ("GBR,FIN", "rank_desc(def_exp_pct_gdp)", "le", 10)


def test_the_next_places_taken_by_a_list_follow_the_last_place():
    found = _placed("Poland holds first place with 4.12% of GDP, Estonia comes second (3.43%), and the next places go "
                    "to the US (3.38%) and Latvia (3.15%).")
    assert [f[0] + str(f[3]) for f in found] == ["POL1", "EST2", "USA3", "LVA4"]


def test_a_headline_among_the_n_biggest_spenders_ranks_at_most_n():
    assert _placed("Greece among top five Nato spenders\n\nGreece will spend 3.08% of GDP on defence in 2024.") == [
        ("GRC", "rank_desc(def_exp_pct_gdp)", "le", 5, 2024, "supported")]
    assert _placed("Italy among the five biggest economies in Nato\n\nItaly will spend 1.49% of GDP in 2024.") == []
    assert _placed("Lithuania, Finland and Denmark are among the top spenders relative to GDP in 2024.") == []


def test_an_ally_listed_after_one_compared_is_not_the_ranked_one():
    found = _placed("Belgium hasn't met the target. Our country sits 28th in the alliance, behind Canada (1.37%) and "
                    "Italy (1.49%).")
    assert [f[0] for f in found] == ["BEL"]


def test_a_rank_held_in_an_ended_past_is_no_claim():
    assert _placed("Poland has moved ahead of the United States, which had topped the ranking for a long time.") == []
    assert _placed("For decades Britain was the biggest European spender.") == []
    # possession is no pluperfect, and a present perfect keeps the present
    assert _placed("Greece, which had the highest share of GDP, was followed by Estonia.")[0][:4] == (
        "GRC", "rank_desc(def_exp_pct_gdp)", "eq", 1)
    assert _placed("The US has led the table for decades.") == [
        ("USA", "rank_desc(def_exp_pct_gdp)", "eq", 1, 2024, "refuted")]


def test_the_next_place_in_the_same_sentence_and_beside_an_ally_ranked_before():
    assert _placed("Latvia comes fourth at 3.15% of GDP, and Greece follows close behind.") == [
        ("LVA", "rank_desc(def_exp_pct_gdp)", "eq", 4, 2024, "supported"),
        ("GRC", "rank_desc(def_exp_pct_gdp)", "eq", 5, 2024, "supported")]
    # ahead = spends more: one place up in a highest-first ranking, one place up from the bottom in a lowest-first one
    assert _placed("Estonia is second at 3.43% of GDP.\nJust ahead of Estonia is Poland.")[-1][:4] == (
        "POL", "rank_desc(def_exp_pct_gdp)", "eq", 1)
    assert _placed("Spain is last in NATO at 1.28%.\nJust ahead of Spain sits Slovenia.")[-1][:4] == (
        "SVN", "rank_asc(def_exp_pct_gdp)", "eq", 2)


def test_a_plural_pronoun_ranks_the_allies_listed_just_before():
    assert _placed("Poland (4.12%) and Estonia (3.43%) have raised their budgets fastest.\nThey surpassed all other "
                  "allies.") == [("POL,EST", "rank_desc(def_exp_pct_gdp)", "le", 2, 2024, "supported")]
    assert _placed("Poland spends 4.12% of GDP and Latvia 3.15%. The two outpace all the other allies.")[-1][-1] == \
        "refuted"  # Latvia is fourth


def test_a_rank_of_the_change_of_spending():
    # 2024-06 real change 2024: Czechia 54.7, Romania 45.6, Türkiye 44.1, Montenegro 35.0, Poland 30.1
    assert _placed("Romania recorded the second-biggest increase in defence spending this year, after the Czech "
                  "Republic.") == [("ROU", "rank_desc(def_exp_real_change_pct)", "eq", 2, 2024, "supported")]
    assert _placed("Poland ranks first in terms of defence spending increase.")[0][-1] == "refuted"
    # a share of GDP named nearer the rank word is what it ranks
    assert _placed("Poland has the second-highest share of GDP, after a big increase in defence spending.")[0][1] == \
        "rank_desc(def_exp_pct_gdp)"


def test_a_military_spending_is_ranked_but_a_military_is_not():
    assert _placed("Poland's military spending is the highest in NATO relative to GDP.")[0][:4] == (
        "POL", "rank_desc(def_exp_pct_gdp)", "eq", 1)
    assert _placed("Turkey's military is the second largest in NATO.") == []


def test_only_a_list_beating_an_ally_puts_it_after_the_list():
    # 2024-06 lowest first: Spain, Slovenia, Luxembourg, Belgium
    assert _placed("Only Spain, Slovenia and Luxembourg spend less than Belgium.") == [
        ("BEL", "rank_asc(def_exp_pct_gdp)", "eq", 4, 2024, "supported")]
    # and the list is no comparison of its own
    assert [c["type"] for c in claims("Only Poland and Estonia spend more than the US relative to GDP.",
                                      "2024-09-01")] == ["rank"]


def test_an_ally_outside_the_complete_top_of_a_partial_edition_holds_no_place_in_it():
    # 2021-06 lists only some allies for 2021, but its count row shows all ten at 2%+ are listed: the top is fixed
    assert _placed("Canada ranks third in the alliance, NATO's new estimates show.", "2021-06-12") == [
        ("CAN", "rank_desc(def_exp_pct_gdp)", "eq", 3, 2021, "refuted")]
    # a place below that top cannot be told from the partial list
    assert _placed("Germany ranks 20th in the alliance this year.", "2021-06-12")[0][-1] == "unverifiable"


def test_a_level_of_spender_with_no_measure_named_is_judged_both_ways():
    # "the lowest / top spender": by share of GDP Spain is lowest and Poland top; in US$ neither is
    for text, subject in (("Spain is the lowest spender in the alliance.", "ESP"), ("Poland is the top spender in NATO.",
                                                                                    "POL")):
        found = claims(text, "2024-09-01", "rank")
        assert [(c["subject"], c["verdict"]) for c in found] == [(subject, "unverifiable")]
        assert "names no measure" in found[0]["explanation"] and "def_exp_usd_mn refuted" in found[0]["explanation"]
    # an amount word keeps its measure, and a named measure decides
    assert _placed("The US is the biggest spender in NATO.")[0][1:] == (
        "rank_desc(def_exp_usd_mn)", "eq", 1, 2024, "supported")
    assert _placed("Spain is the lowest spender relative to GDP.")[0][-1] == "supported"


def test_a_rank_of_troops_is_no_spending_rank():
    # (with the complete top of the partial 2018-07 edition, a spending reading would even refute it)
    assert _placed("Germany is the second largest provider of troops to NATO missions, spending 1.2% of GDP.",
                   "2018-07-12") == []


def test_a_year_naming_a_thing_before_a_dash_does_not_date_the_rank_after_it():
    assert _placed("The 2025 budget will not change Estonia's position – it already ranks second in terms of GDP.") \
        == [("EST", "rank_desc(def_exp_pct_gdp)", "eq", 2, 2024, "supported")]
    assert _placed("In 2023 – a record year – Poland ranked first by share of GDP.")[0][4] == 2023


def test_military_spending_after_a_rank_word_is_spending_not_troops():
    found = claims("Belgium has the lowest military spending of any ally, allocating only 0.9% of GDP in 2017.", "2018-07-10",
                   "rank")
    assert [(c["subject"], c["value"]) for c in found] == [("BEL", 1)]
    assert claims("Turkey, with the second-largest army in NATO, spends 2.09% of GDP.", "2024-08-01", "rank") == []


def test_a_rank_beside_the_allys_own_figure_is_two_claims():
    for text, date in (("With Lithuania leading at about 3.4 percent, the others look on.", "2024-08-01"),
                       ("Canada remains the alliance's lowest defence spender, putting aside 1.0% of GDP.", "2018-07-10"),
                       ("Greece spends the largest percentage on defence: 2.4% of GDP.", "2018-07-10")):
        found = claims(text, date)
        types = sorted(c["type"] for c in found)
        assert types == ["ally_pct_gdp", "rank"], (text, types)


def test_the_group_a_superlative_ranks_among_owns_no_figure():
    found = claims("In 2022 Greece spent the highest proportion on defence of all allies, 3.76% of GDP.", "2022-09-01")
    assert {(c["type"], c["subject"]) for c in found} == {("rank", "GRC"), ("ally_pct_gdp", "GRC")}


def test_allies_following_the_leader_of_the_sentence_before_take_the_next_places():
    text = "Greece led the alliance at 3.76% in 2022. It was followed by the United States (3.47%) and Poland (2.42%)."
    assert _ranks(claims(text, "2022-09-01", "rank")) == [("GRC", 1, "supported"), ("USA", 2, "supported"),
                                                         ("POL", 3, "supported")]
    other = "Greece led the alliance at 3.76% in 2022. Spain was followed by Italy in the football rankings."
    assert _ranks(claims(other, "2022-09-01", "rank")) == [("GRC", 1, "supported")]


def test_another_measure_ranked_beside_its_own_share_of_gdp_is_no_rank_of_defence_spending():
    for text in ("Joblessness aside, unemployment in Greece stood at 9.9%, the second highest in the EU.",
                 "Portugal's public debt, at 99% of GDP, is the sixth highest in the alliance.",
                 "Belgium's deficit is 4.5% of GDP, the third largest in the eurozone, while its military spending "
                 "reached 1.3% of GDP."):
        assert claims(text, "2025-10-01", "rank") == [], text
    # the defence figure beside such a measure keeps its rank
    text = "Poland spends 4.48% of GDP on defence, the highest in the alliance, although its deficit is 6%."
    assert _ranks(claims(text, "2025-10-01", "rank")) == [("POL", 1, "supported")]


def test_aid_to_ukraine_ranked_is_no_rank_of_defence_spending():
    assert claims("Estonia's aid to Ukraine, at 1.5% of GDP, is the highest in the alliance.", "2024-07-10", "rank") == []


def test_a_budget_named_in_the_rank_words_is_ranked_by_amount():
    # the rank phrasing "the largest defence budget" holds the budget itself: an amount, not a share of GDP
    found = claims("The United States has the biggest military budget in NATO.", "2024-07-01", "rank")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [("USA", "rank_desc(def_exp_usd_mn)", "supported")]
    found = claims("France has the largest defence budget in the alliance.", "2024-07-01", "rank")
    assert [(c["subject"], c["verdict"]) for c in found] == [("FRA", "refuted")]
    # a share named beside it still decides
    found = claims("Italy has the largest defence budget relative to GDP in NATO.", "2024-07-01", "rank")
    assert [c["metric"] for c in found] == ["rank_desc(def_exp_pct_gdp)"]
