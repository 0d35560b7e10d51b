from claims_helpers import claims, verdicts


def test_count_uses_the_editions_own_count_row():
    found = claims("The report found that nine allies met the 2 per cent guideline last year.", "2020-03-27")
    assert [c["verdict"] for c in found] == ["supported"]
    assert found[0]["evidence"][0]["indicator"] == "allies_at_or_above_2pct"


def test_count_falls_back_to_an_older_edition_when_e0_has_none():
    assert verdicts("Across the alliance, only five allies met the guideline last year.", "2017-06-05") == ["supported"]


def test_stale_count_is_outdated():
    assert verdicts("Nine allies met the 2% target last year.", "2023-04-04") == ["outdated"]


def test_hedged_count_of_european_allies():
    assert verdicts("Fewer than ten European allies meet the guideline.", "2024-07-10") == ["refuted"]


def test_threshold_carried_from_the_previous_sentence():
    text = "A record 23 allies are expected to spend at least 2% of GDP this year. That compares with 11 allies last year."
    assert verdicts(text, "2024-06-18") == ["supported", "outdated"]


def test_most_allies():
    assert verdicts("Most allies have reached the 2 per cent guideline.", "2022-07-05") == ["refuted"]


def test_a_count_takes_the_threshold_and_year_of_its_own_clause_not_the_pledge_before_it():
    text = ("In June the allies agreed to aim for 3.5% of GDP on defence plus 1.5% for related items by 2032, and only three "
            "allies are on course to reach 3.5% this year.")
    found = claims(text, "2025-08-29", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(3, 2025, "supported")]
    assert "3.5" in found[0]["read_as"]


def test_n_of_its_m_member_states_is_a_count_and_the_membership():
    found = claims("NATO data indicate that 21 of its 30 member states will not reach the benchmark of 2% of GDP in 2022.",
                   "2022-07-01")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("member_count", 30, "supported"),
                                                                      ("count_at_threshold", 21, "supported")]


def test_the_number_of_allies_meeting_a_threshold_names_bare_counts_with_their_own_years():
    found = claims("The number of allies meeting the 2% guideline rose from 11 in 2023 to 23 this year.", "2024-07-15")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(11, 2023, "outdated"), (23, 2024, "supported")]
    # the threshold carried from the sentence before
    text = ("Eighteen of the 31 allies are set to meet the target of two percent of GDP in 2024, NATO said. The number "
            "of states meeting the target had increased sharply from 11 last year.")
    found = claims(text, "2024-02-15", "count_at_threshold")
    assert [(c["value"], c["year"]) for c in found] == [(18, 2024), (11, 2023)]


def test_an_elided_count_after_an_inserted_speech_verb_takes_the_threshold_before():
    text = "He expected a dozen allies to meet the 2% target this year. Last year, he added, nine did."
    found = claims(text, "2023-02-14", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(12, 2023, "unverifiable"), (9, 2022, "supported")]


def test_alliance_partners_are_counted_and_the_year_carries():
    text = "That is six times the number in 2014. Back then, only three alliance partners reached the 2% target."
    found = claims(text, "2024-02-15", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(3, 2014, "supported")]


def test_an_elided_count_after_a_semicolon_takes_the_level_of_the_clause_before():
    found = claims("By 2035 every ally must reach 3.5% on core defence; this year only three do.", "2025-10-30")
    assert [(c["type"], c["value"], c["year"], c["verdict"]) for c in found] == [
        ("pledge", 3.5, 2035, "supported"), ("count_at_threshold", 3, 2025, "supported")]


def test_an_all_claim_compared_with_a_baseline_count_gives_both():
    found = claims("Every ally with a NATO estimate reaches 2% this year, compared with just three in 2014.", "2025-10-21")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [("all_none_threshold", 2025, "supported"),
                                                                     ("count_at_threshold", 2014, "supported")]


def test_a_quantifier_compared_with_a_counted_baseline_is_the_claim_and_the_number_its_baseline():
    text = ("In 2025, all allies are expected to reach or pass the target of investing at least 2% of GDP, against "
            "only three allies in 2014.")
    found = claims(text, "2025-08-29")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [("all_none_threshold", 2025, "supported"),
                                                                     ("count_at_threshold", 2014, "supported")]
    found = claims("All of NATO's 32 members are set to meet the alliance's 2% spending target.", "2025-08-29")
    assert [(c["type"], c["verdict"]) for c in found] == [("member_count", "supported"),
                                                          ("all_none_threshold", "supported")]


def test_the_new_benchmark_after_the_hague_is_its_core_level():
    found = claims("Only three allies meet the new target so far.", "2025-08-29", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(3, "supported")] and "3.5" in found[0]["read_as"]
    # before The Hague there was no new target: the guideline
    assert "3.5" not in claims("Only eleven allies meet the target so far.", "2024-03-20",
                               "count_at_threshold")[0]["read_as"]


def test_among_the_members_that_do_not_meet_the_target_and_the_n_that_do():
    text = ("Canada is among the 23 of 29 current NATO members that do not meet the target. The five that do are "
            "Britain, Estonia, Greece, Poland and the US.")
    found = claims(text, "2018-07-11")
    assert [(c["type"], c["subject"], c["comparator"] if c["type"] == "ally_pct_gdp" else c["value"]) for c in found] == [
        ("member_count", "NATO", 29), ("count_at_threshold", "NATO_ALLIES", 23), ("ally_pct_gdp", "CAN", "lt"),
        ("count_at_threshold", "NATO_ALLIES", 5)]
    assert claims("Only five allies met the target. The two did meet in Brussels.", "2018-07-11",
                  "count_at_threshold")[1:] == []


def test_that_number_and_it_carry_the_count_of_the_sentence_before_each_in_its_own_year():
    text = ("More than 20 of the 32 allies will spend over 2% of GDP this year. In 2015 that number was only 3. In 2022 it "
            "was still only 7, and 11 in 2023.")
    found = claims(text, "2024-06-17", "count_at_threshold")
    assert [(c["value"], c["year"]) for c in found] == [(20, 2024), (3, 2015), (7, 2022), (11, 2023)]


def test_a_membership_fronted_after_that_with_an_aside_leaves_the_count_after_it():
    found = claims("Officials reckon that of the 32 allies, counting newcomer Sweden, only 23 spend at least 2% of GDP "
                   "in 2024.", "2024-07-20", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(23.0, "supported")]
    found = claims("Officials reckon that of the 32 allies, counting newcomer Sweden, only 19 spend at least 2% of GDP "
                   "in 2024.", "2024-07-20", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(19.0, "refuted")]


def test_n_of_the_allies_with_no_membership_number_is_a_count():
    # the 2019-06 edition puts six allies at 2% or more in 2018
    assert verdicts("Only six of the members spent 2% of GDP on defence in 2018.", "2019-07-01",
                    "count_at_threshold") == ["supported"]
    assert verdicts("Only nine of the members spent 2% of GDP on defence in 2018.", "2019-07-01",
                    "count_at_threshold") == ["refuted"]
    # a part of a small named set stays no count of the alliance
    assert verdicts("Three of the four allies bordering Russia spent 2% of GDP on defence in 2018.", "2019-07-01",
                    "count_at_threshold") == []


def test_more_than_the_threshold_is_read_on_the_count_row_when_the_edition_has_only_that():
    # the 2021-06 edition (out on 11 June 2021) publishes its count of allies at or above 2% for 2021, ten
    assert verdicts("Ten allies are set to spend more than 2% of GDP on defence in 2021.", "2021-06-20",
                    "count_at_threshold") == ["supported"]
    assert verdicts("Thirteen allies are set to spend more than 2% of GDP on defence in 2021.", "2021-06-20",
                    "count_at_threshold") == ["refuted"]


def test_a_present_count_does_not_take_the_year_a_target_was_set_in_the_sentence_before():
    text = ("The summit wants every member to spend 2% of GDP, a goal that was agreed in 2014 to be met within ten years. "
            "Reuters reports that 23 of the 32 allies meet this level.")
    found = claims(text, "2024-06-20", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(23, 2024, "supported")]


def test_at_that_time_points_back_to_the_year_the_target_was_set():
    text = ("The 2 percent spending guideline was adopted in 2014 by allied leaders. "
            "At that time, only three countries met the goal.")
    found = claims(text, "2024-06-20", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(3, 2014, "supported")]


def test_only_before_a_list_with_a_verb_of_reaching_is_the_exact_sets_count():
    # every named ally is at 2% or more, but the edition counts more: the set (and its count) is wrong
    found = claims("Only Britain, Greece and the US have met the NATO goal, analysts note.", "2016-07-20",
                   "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(3.0, "refuted")]
    found = claims("As things stand, just the US, Estonia, Poland, Greece and the UK have cleared the 2 per cent bar.",
                   "2017-02-20", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported")]
    # without "only" the list is read ally by ally, not as a count
    assert claims("Britain, Greece and the US have met the NATO goal.", "2016-07-20", "count_at_threshold") == []


def test_a_negated_level_word_puts_the_count_below_the_level():
    for sentence in ("Most allies are not even at the 2% mark.", "Most allies aren't at 2%.",
                     "Most members are nowhere near 2 per cent.", "Most allies are still not at the 2% level."):
        found = claims(sentence, "2018-07-20", "count_at_threshold")
        assert [("< 2 in 2018" in c["explanation"], c["verdict"]) for c in found] == [(True, "supported")], sentence
    assert verdicts("Most allies are at 2% or close to it.", "2018-07-20", "count_at_threshold") == ["refuted"]


def test_most_alone_is_read_only_as_the_subject_of_a_level_of_its_own():
    found = claims("The defence minister wants allies to reach 3%, a tall order when most are not even at 2% today.",
                   "2024-07-20", "count_at_threshold")
    assert [("< 2 in 2024" in c["explanation"], c["verdict"]) for c in found] == [(True, "refuted")]
    text = "NATO members have long promised to move towards 2%. Critics point out that most fall short of 2% of GDP."
    assert verdicts(text, "2020-11-01", "count_at_threshold") == ["supported"]
    # nothing about the alliance around it: no count ("most" of what?)
    assert claims("Critics point out that most fall short of 2% of GDP.", "2020-11-01", "count_at_threshold") == []
    # no level of its own: nothing, even with a level talked about before
    assert claims("Allies pledged 2%. Most are worried about Russia.", "2018-07-12", "count_at_threshold") == []
    assert claims("The allies that spend the most are at 3%.", "2018-07-12", "count_at_threshold") == []
    assert claims("Most people do not spend 2% of their income on books.", "2018-07-12", "count_at_threshold") == []


def test_most_with_its_verb_elided_after_that_takes_the_level_talked_about():
    text = "NATO asks every member to devote 2% of GDP to defence. It is plain that most of them don't."
    found = claims(text, "2017-01-20", "count_at_threshold")
    assert [("< 2 in 2016" in c["explanation"], c["verdict"]) for c in found] == [(True, "supported")]
    text = "Allies agreed in 2014 to reach 2%. Figures out this week show that most now do."
    assert verdicts(text, "2025-09-01", "count_at_threshold") == ["supported"]


def test_all_except_an_ally_without_figures_is_every_ally_with_a_value():
    # Iceland has no armed forces and no figure: "all but Iceland" is the all-claim, not a count of one below
    for sentence in ("Every ally except Iceland now meets 2% of GDP.", "All NATO countries except Iceland spend at "
                     "least 2% of GDP this year.", "All allies but Iceland hit 2% target in 2025"):
        found = claims(sentence, "2025-09-01")
        assert [(c["type"], c["verdict"]) for c in found] == [("all_none_threshold", "supported")], sentence
    assert verdicts("All allies except Iceland now meet the 2% guideline.", "2024-07-01") == ["refuted"]
    # an ally with figures named after "but" is still the count on the other side
    found = claims("All allies but Spain now meet the 2% guideline.", "2025-09-01")
    assert [(c["type"], c["value"]) for c in found] == [("count_at_threshold", 1)]


def test_a_count_of_allied_countries_raising_spending_is_no_count_at_the_level_talked_about():
    # a nominal rise ("raised defence spending", no "real") is no claim; it used to take the 2% of the sentence before
    text = "As of 2015, five allies now meet our guideline. Overall, 16 allied countries raised defence spending last year."
    found = claims(text, "2016-01-29", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported")]


def test_a_count_compared_with_an_ally_is_no_count_at_the_level_talked_about():
    # "spend less than Belgium" compares the counted allies with an ally (a rank), whatever level came before
    text = "Most members remain short of the 2% target. Only three of the 29 other members spend less than Belgium."
    found = claims(text, "2022-05-02", "count_at_threshold")
    assert all(c["value"] != 3.0 for c in found)
    # a level of its own after the count stays the count's, an ally named later is no comparison of it
    assert verdicts("Only eight allies spend more than 2% of GDP, more than Belgium.", "2022-05-02") == ["supported"]
