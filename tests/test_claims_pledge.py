import pytest

from claims_helpers import claims, verdicts


def test_current_target_depends_on_the_date():
    found = claims("That is far above the current target of 2%.", "2025-03-26", "pledge")
    assert [c["verdict"] for c in found] == ["supported"] and found[0]["subject"] == "VILNIUS2023_2PCT_FLOOR"


def test_guideline_dates_from_2006_not_2011():
    assert verdicts("Defence ministers adopted the 2 per cent guideline in 2006.", "2019-12-02") == ["supported"]
    assert verdicts("NATO countries agreed in 2011 to spend 2 per cent of GDP on defence.", "2019-12-02") == ["refuted"]


def test_hague_deadline_is_2035():
    text = "NATO leaders meeting in The Hague set a new goal of spending 5% of GDP a year by 2035."
    assert verdicts(text, "2025-06-26", "pledge") == ["supported"]
    # the level and the wrong deadline are judged apart (issue 11: several claims in one sentence), the wrong detail first
    assert verdicts(text.replace("2035", "2032"), "2025-06-26", "pledge") == ["refuted", "supported"]


def test_a_pledge_not_yet_agreed_is_not_supported():
    assert "supported" not in verdicts("Leaders agreed at The Hague to spend 3.5% of GDP on core defence.",
                                       "2024-01-10")


def test_an_allys_national_promise_is_not_a_pledge_claim():
    found = claims("Podgorica has promised to reach 2 per cent by 2024.", "2017-06-05")
    assert [c["type"] for c in found] == ["ally_pct_gdp"] and found[0]["verdict"] == "unverifiable"


def test_a_goal_named_as_what_allies_meet_is_the_count_threshold_not_a_pledge_claim():
    text = "Last year only nine of NATO's 29 member countries met the alliance's goal of spending at least 2 percent of GDP."
    assert verdicts(text, "2020-01-20", "pledge") == []
    assert verdicts(text, "2020-01-20", "count_at_threshold") == ["supported"]
    assert verdicts("Ten allies are on track to meet their long-standing pledge to spend at least 2% of GDP this year.",
                    "2021-06-20", "pledge") == []
    # agreeing to meet the goal is the pledge itself
    assert verdicts("In Wales, leaders agreed to reach the goal of spending 2% of GDP within a decade.", "2019-06-20",
                    "pledge") == ["supported"]


def test_all_members_pledging_in_a_year_is_the_pledge_and_todays_membership():
    found = claims("In 2014 all 29 NATO members pledged that by 2024 they would devote a minimum of 2 percent of GDP "
                   "to defence.", "2018-07-13")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [
        ("pledge", "WALES2014_DIP_2PCT", "supported"), ("member_count", "NATO", "supported")]


def test_the_wales_pledge_named_by_its_year_without_an_adoption_verb():
    assert verdicts("Under the 2014 pledge, allies aim to spend 2% of GDP on defence by 2024.", "2025-09-15") == [
        "supported"]
    assert verdicts("Under the 2014 pledge, allies aim to spend 2% of GDP on defence by 2025.", "2025-09-15") == [
        "refuted"]
    assert verdicts("Allies promised in 2014 to move towards 2% of GDP within ten years.", "2025-09-15") == ["supported"]
    assert verdicts("The 2014 pledge asked allies to move towards 2% within a decade.", "2025-09-15") == ["supported"]


def test_a_named_pledges_end_year_and_review_read_across_sentences():
    found = claims("At The Hague last week, allies committed to 5% of GDP by 2035. Progress will be reviewed in 2029.",
                   "2025-07-01", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_5PCT_TOTAL", "supported"),
                                                             ("HAGUE2025_REVIEW_2029", "supported")]
    assert verdicts("The Hague commitment runs to 2035.", "2025-09-16", "pledge") == ["supported"]
    assert verdicts("As leaders gather in Madrid, the Wales deadline of 2024 is two years away.", "2022-06-28",
                    "pledge") == ["supported"]
    assert verdicts("As leaders gather, the Wales deadline of 2025 is three years away.", "2022-06-28",
                    "pledge") == ["refuted"]


def test_a_goal_established_at_the_wales_summit_is_the_myth_unless_the_allies_made_it_or_the_pledge_is_told():
    # policy rule 6: "2% was created at Wales in 2014" is the standing myth; the evaluators of sets 21, 23 and 24 grade a
    # 2% goal "set" or "established" there, "issued" in 2014 or "made the target" at Wales so, with no word of the
    # Wales pledge; made by the allies' leaders, or told with the pledge's deadline, it is the Wales pledge
    assert verdicts("The goal of allocating 2% of GDP to defence was established at the Wales Summit in 2014.",
                    "2024-02-15", "misconception") == ["refuted"]
    assert verdicts("In 2014 NATO issued the goal that every ally should put 2% of GDP into defence.",
                    "2022-05-10", "misconception") == ["refuted"]
    assert verdicts("The goal of allocating 2% of GDP to defence was set by alliance leaders at the Wales Summit in 2014.",
                    "2024-02-15", "pledge") == ["supported"]
    assert verdicts("The 2% goal was set at the Wales Summit in 2014, to be reached within a decade.",
                    "2024-02-15", "pledge") == ["supported"]


def test_the_related_part_beside_the_core_level_is_the_hagues_second_part():
    text = ("The summit communique has allies agreeing to a floor of 3.5% of GDP for defence and 1.5% for resilience and "
            "critical infrastructure.")
    found = claims(text, "2025-06-25", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_3_5PCT_CORE", "supported"),
                                                             ("HAGUE2025_1_5PCT_RELATED", "supported")]


def test_a_pledge_year_and_a_count_in_the_clause_after_a_semicolon():
    text = ("In 2014, member countries pledged to move toward spending 2 percent of their GDPs on defence; so far, just "
            "11 of 31 member countries have reached that goal.")
    found = claims(text, "2024-02-11")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [
        ("pledge", 2014, "supported"), ("member_count", 2024, "supported"), ("count_at_threshold", 2023, "supported")]


def test_a_review_year_beside_the_deadline_takes_the_year_after_review():
    found = claims("Under the Hague commitment, allies must submit annual plans showing a credible path to 5% by 2035, "
                   "with a review in 2029.", "2026-03-27", "pledge")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("HAGUE2025_REVIEW_2029", 2029, "supported"), ("HAGUE2025_5PCT_TOTAL", 5.0, "supported")]


def test_a_wrong_deadline_for_both_hague_parts_is_one_refuted_deadline_before_the_first_level():
    found = claims("In June the allies agreed to aim for 3.5% of GDP on defence plus 1.5% for defence-relevant infrastructure "
                   "by 2032.", "2025-08-29", "pledge")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [
        ("HAGUE2025_3_5PCT_CORE", "deadline_year", "refuted"), ("HAGUE2025_3_5PCT_CORE", "threshold_pct", "supported")]


def test_a_deadline_for_the_goal_after_the_guidelines_origin_or_at_a_named_summit_is_wales():
    text = ("At its 2006 meeting in Riga, the alliance set a rule that members spend at least 2 percent of GDP on defence. "
            "At the Wales meeting, countries below the mark agreed to reach it by 2024. \"It confirms the 2 percent goal by "
            "2024.\"")
    found = claims(text, "2018-07-12", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("RIGA2006_2PCT", "supported"),
                                                             ("WALES2014_DIP_2PCT", "supported"),
                                                             ("WALES2014_DIP_2PCT", "supported")]


def test_a_level_agreed_after_a_summit_names_the_one_pledge_in_force_at_that_level():
    # no summit named: after the Hague summit, 5% agreed is the Hague pledge (its deadline 2035 is checked)
    found = claims("Alliance leaders agreed to lift military outlays to 5% of national output by 2035.", "2025-09-02",
                   "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported")]
    assert verdicts("Alliance leaders agreed to lift military outlays to 5% of GDP by 2031.", "2025-09-02",
                    "pledge") == ["refuted", "supported"]
    # before that summit no pledge stood at 5%: nothing to check it against
    assert claims("Alliance leaders agreed to lift military outlays to 5% of GDP by 2035.", "2025-02-02",
                  "pledge") == []


def test_the_previous_level_beside_a_new_pledge_is_checked_as_the_target_it_replaced():
    found = claims("Leaders meeting in The Hague agreed to lift spending to 5% of GDP by 2035, well above the previous 2% target.",
                   "2025-11-03", "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported"), (2.0, "supported")]
    found = claims("Leaders meeting in The Hague agreed to lift spending to 5% of GDP by 2035, well above the previous 3% target.",
                   "2025-11-03", "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported"), (3.0, "refuted")]


def test_an_ally_named_in_an_appositive_on_the_pledge_does_not_make_it_that_allys_own():
    found = claims("Alliance members promised in 2014 to devote 2% of GDP to defence by 2024, a goal championed by "
                   "Poland and the Baltic states.", "2021-05-05", "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(2024, "supported")]
    # an ally as the one who pledged stays that ally's own plan
    assert claims("Poland promised in 2014 to devote 2% of GDP to defence by 2024, a goal it kept.", "2021-05-05",
                  "pledge") == []


def test_pledges_as_a_headline_verb_states_a_pledge():
    assert verdicts("Alliance Leaders Pledges 5% of GDP for Defence by 2035", "2025-07-01", "pledge") == ["supported"]
    assert verdicts("Alliance Leaders Pledges 5% of GDP for Defence by 2033", "2025-07-01", "pledge") == ["refuted", "supported"]


def test_the_two_hague_parts_split_out_after_the_pledge_are_its_parts():
    text = ("Allies meeting in The Hague agreed to lift spending to 5% of GDP by 2035. That figure divides into 3.5% "
            "on core armed forces and 1.5% on resilience and protection of infrastructure.")
    found = claims(text, "2025-07-15", "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported"), (3.5, "supported"), (1.5, "supported")]
    # with no Hague pledge read before, the two figures are not taken as its parts
    assert claims("That figure divides into 3.5% on core armed forces and 1.5% on resilience.", "2025-07-15",
                  "pledge") == []


def test_a_2pct_target_set_in_2014_to_be_met_in_a_decade_is_the_wales_pledge_not_the_2006_guideline():
    text = "Members should each devote 2% of GDP to defence, a target that was set in 2014 to be met in a decade."
    found = claims(text, "2023-07-10", "pledge")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("WALES2014_DIP_2PCT", 2014, "supported")]


def test_the_previous_target_of_2pct_next_to_a_new_5pct_goal_is_the_old_level_not_the_new_pledge():
    text = "On Tuesday the allies settled on 5% of GDP by 2035 as their new defence goal, far above the previous target of 2%."
    found = claims(text, "2025-06-27", "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(5, "supported"), (2, "supported")]
    assert not found[1]["subject"].startswith("HAGUE2025")


def test_an_agreed_definition_of_spending_is_no_agreement_on_a_pledge():
    text = "The ministry put it at 2.9 percent, while NATO estimates it is 3.5 percent under the agreed definition of defence spending."
    assert claims(text, "2018-07-20", "pledge") == []
    assert verdicts("NATO leaders agreed to spend 3.5% of GDP on core defence by 2035.", "2025-07-01") == ["supported"]


# ------------------------------------------------ pledges named by their wording (readF, fourth claims round)
def test_move_towards_governed_by_a_word_of_agreeing_is_the_wales_pledge():
    for text, date in (("Critics cited a vow by the allies to move toward spending 2 percent of GDP by 2024.", "2019-03-04"),
                       ("The members committed themselves in Newport to move towards 2% of output within a decade.",
                        "2016-01-12"),
                       ("\"We all agreed to stop the cuts and aim to move towards two per cent,\" she said.", "2021-11-02")):
        found = claims(text, date, "pledge")
        assert [(c["subject"], c["verdict"]) for c in found] == [("WALES2014_DIP_2PCT", "supported")], text
    # the same wording with a wrong deadline is refuted
    assert verdicts("The minister recalled the allies' promise to move toward 2% of GDP by 2028.", "2020-02-03",
                    "pledge") == ["refuted", "supported"]


def test_moving_towards_two_percent_without_an_agreement_is_no_pledge_claim():
    assert claims("All allies are moving toward 2% of GDP, the spokesman said.", "2019-03-04", "pledge") == []
    assert claims("Several capitals are now moving towards 2% faster than planned.", "2019-03-04", "pledge") == []


def test_an_appositive_naming_the_summit_makes_the_level_a_pledge_claim_and_keeps_the_count():
    found = claims("Nine allies were at 2% in 2020, the target set at the Wales summit.", "2020-11-16")
    assert sorted(c["type"] for c in found) == ["count_at_threshold", "pledge"]
    pledge = next(c for c in found if c["type"] == "pledge")
    assert (pledge["subject"], pledge["verdict"]) == ("WALES2014_DIP_2PCT", "supported")
    found = claims("Four members spent at least 3.5% in 2025, the core goal agreed at The Hague.", "2026-08-03", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_3_5PCT_CORE", "supported")]


def test_a_figure_inside_the_current_threshold_names_the_standing_target_whatever_its_level():
    assert verdicts("Officials want more than the current 2 per cent-of-GDP threshold.", "2018-02-05",
                    "pledge") == ["supported"]
    assert verdicts("The current 2.5% benchmark is out of date, she wrote.", "2022-02-14", "pledge") == ["refuted"]
    # a figure near "current target" but outside it stays no pledge claim
    assert claims("Spending is 1.4% of GDP, below the current target.", "2022-02-14", "pledge") == []


def test_the_new_goal_and_its_core_part_without_an_actor_are_the_hague_pledge():
    found = claims("Since June the new target is 5% of GDP, with 3.5% reserved for core military spending.", "2025-11-03",
                   "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_5PCT_TOTAL", "supported"),
                                                             ("HAGUE2025_3_5PCT_CORE", "supported")]


def test_the_ally_who_pressed_for_a_level_is_not_its_subject():
    for text in ("Under American pressure, leaders agreed to a new goal of 5% of GDP by 2035.",
                 "Prodded by Washington, the allies committed to 3.5% of GDP for core defence by 2035.",
                 "At the urging of the United States, leaders set a new target of 5% of GDP by 2035."):
        found = claims(text, "2025-07-21")
        assert [c["type"] for c in found] == ["pledge"] and found[0]["verdict"] == "supported", text


def test_a_listicle_line_opening_with_a_pledge_level_is_a_pledge_claim_unless_an_ally_follows():
    found = claims("2: the percentage of GDP the allies promised in 2014 to reach by 2024.", "2019-07-22", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("WALES2014_DIP_2PCT", "supported")]
    assert verdicts("3.5: share of GDP leaders agreed to put into core defence by 2031.", "2025-12-01",
                    "pledge") == ["refuted"]
    assert claims("2.1: share of GDP that NATO estimates Croatia spent in 2024.", "2025-01-20", "pledge") == []


def test_a_summit_named_by_its_host_country_names_the_pledge_and_the_host_is_no_subject():
    found = claims("At a summit in Latvia in 2006, allied leaders agreed that members should spend 2% of GDP on defence.",
                   "2020-01-13")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("pledge", "RIGA2006_2PCT", "supported")]


def test_a_deadline_agreed_at_a_named_summit_is_checked():
    assert verdicts("At the Newport summit, members below the line agreed to reach it by 2024.", "2015-10-05",
                    "pledge") == ["supported"]
    assert verdicts("At the Hague summit, leaders agreed to reach the new level by 2033.", "2025-10-06",
                    "pledge") == ["refuted"]


def test_a_goal_named_with_its_level_and_deadline_is_a_pledge_claim_whatever_verb_governs_it():
    assert verdicts("The final text reaffirms the goal of 2 per cent by 2024.", "2016-07-11", "pledge") == ["supported"]
    assert verdicts("Officials kept the target of 5% of GDP by 2036 in the draft.", "2025-10-06", "pledge") == ["refuted", "supported"]


def test_the_year_a_goal_is_set_for_is_its_deadline():
    assert verdicts("Allies agreed on goals for 2035 of 3.5% for core defence and 1.5% for resilience.", "2025-11-03",
                    "pledge") == ["supported", "supported"]
    assert verdicts("Leaders set a new target for 2031 of 5% of GDP.", "2025-11-03", "pledge") == ["refuted", "supported"]


def test_old_and_new_targets_in_one_sentence_each_get_their_own_pledge():
    found = claims("The new 5% target replaces the 2% floor set at the Vilnius summit.", "2025-10-13", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_5PCT_TOTAL", "supported"),
                                                             ("VILNIUS2023_2PCT_FLOOR", "supported")]
    found = claims("The former 2% goal gave way to a 3.5% core target agreed at The Hague.", "2025-10-13", "pledge")
    assert sorted((c["subject"], c["verdict"]) for c in found) == [("HAGUE2025_3_5PCT_CORE", "supported"),
                                                                   ("VILNIUS2023_2PCT_FLOOR", "supported")]
    # a wrong level for a named summit is still refuted
    assert verdicts("Leaders agreed at Vilnius to spend at least 3% of GDP.", "2024-02-12", "pledge") == ["refuted"]


def test_agreed_at_a_summit_to_reach_a_level_is_a_pledge_claim():
    assert verdicts("Leaders agreed at The Hague to reach 5% of GDP by 2035.", "2025-07-07", "pledge") == ["supported"]
    assert verdicts("Allies agreed in Vilnius last year to reach at least 2% every year.", "2024-03-04",
                    "pledge") == ["supported"]
    assert verdicts("Members agreed at the Vilnius summit to reach at least 3% of GDP.", "2024-03-04",
                    "pledge") == ["refuted"]


def test_more_words_of_agreeing_name_the_pledge():
    for text in ("The new pledge, agreed in The Hague, obliges allies to reach 3.5% on core defence within ten years.",
                 "At their summit, NATO heads of government signed up to 5% of GDP by 2035.",
                 "The alliance's 32 members adopted the 3.5 percent core spending target on Wednesday."):
        found = claims(text, "2025-07-02", "pledge")
        assert [c["verdict"] for c in found] == ["supported"], text


def test_a_level_named_as_an_agreed_target_is_a_pledge_claim_and_stays_the_counts_threshold():
    found = claims("Just five members top the 3.5% core target agreed in The Hague.", "2026-08-03")
    assert sorted((c["type"], c["verdict"]) for c in found) == [("count_at_threshold", "supported"),
                                                                 ("pledge", "supported")]
    found = claims("Norway spends 2.2% of GDP, above the 2% floor adopted at Vilnius.", "2024-07-01", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("VILNIUS2023_2PCT_FLOOR", "supported")]


def test_the_parts_of_the_hague_pledge_after_it_is_named():
    text = ("Leaders agreed to spend 5% of GDP a year by 2035. At least 3.5% is for core military needs. "
            "The other 1.5% may go to resilience and infrastructure.")
    found = claims(text, "2025-07-21", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_5PCT_TOTAL", "supported"),
                                                             ("HAGUE2025_3_5PCT_CORE", "supported"),
                                                             ("HAGUE2025_1_5PCT_RELATED", "supported")]
    assert verdicts("Allies will put up to 1.5% of GDP into security-related spending.", "2025-07-21",
                    "pledge") == ["supported"]


def test_more_wordings_of_the_year_the_guideline_dates_from():
    assert verdicts("The two percent yardstick has existed since 2006.", "2020-03-02", "pledge") == ["supported"]
    assert verdicts("The 2% target goes back to a 2008 decision.", "2020-03-02", "misconception") == ["refuted"]


def test_the_2014_pledge_named_with_a_possessive_and_beside_the_membership():
    found = claims("NATO's 29 members renewed their 2014 pledge to move towards 2% by 2024.", "2018-07-16", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("WALES2014_DIP_2PCT", "supported")]
    assert verdicts("The allies recalled their 2014 commitment to reach 2% by 2022.", "2018-07-16",
                    "pledge") == ["refuted"]


def test_goals_of_other_things_and_an_allys_own_year_are_no_pledge_deadline():
    assert claims("The firm set a goal of 5% growth by 2030.", "2025-09-15") == []
    assert claims("The central bank kept its inflation target of 2% by 2026.", "2025-09-15") == []
    found = claims("Italy aims to reach the 3.5% core level agreed in The Hague by 2031.", "2025-09-15", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("HAGUE2025_3_5PCT_CORE", "supported")]
    # a 2% goal with a deadline is Wales, whatever pledge stands on the date
    assert verdicts("The final text reaffirms the goal of 2 per cent by 2024.", "2025-09-15", "pledge") == ["supported"]


@pytest.mark.parametrize("text", [
    "The two per cent requirement has been in place since 2014.",
    "That 2 percent goal dates from 2014, when the allies met in Newport.",
    "The benchmark of 2% was established by alliance leaders in Wales in 2014.",
    "The 2% target was set in 2014, when leaders agreed to move toward it within a decade.",
])
def test_a_target_in_place_since_2014_or_told_in_the_wales_wording_is_the_wales_pledges_year(text):
    found = claims(text, "2019-03-04", "pledge")
    assert [(c["subject"], c["metric"], c["value"], c["verdict"]) for c in found] == [
        ("WALES2014_DIP_2PCT", "pledge_year", 2014, "supported")]


@pytest.mark.parametrize("text", [
    "The 2% target was set in 2014, after Russia took Crimea.",
    "The benchmark of 2% was established by alliance leaders in 2014.",
    "Most members now meet the 2% goal, which was set in 2014.",
])
def test_a_target_barely_set_in_2014_is_the_creation_myth(text):
    # (no word of the Wales pledge's own wording nor its summit: the real sets' labellers read the 2% as created in 2014)
    found = [c for c in claims(text, "2019-03-04") if c["metric"] in ("adopted_year", "pledge_year")]
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("RIGA2006_2PCT", 2014, "refuted")]


@pytest.mark.parametrize("text", [
    "The two percent figure was first set in 2014, a blogger wrote.",   # the norm's first making
    "The 2 per cent guideline was established in 2014.",                # the 2006 guideline's own name
    "The 2% target was set in 2012.",                                   # no 2% pledge that year
])
def test_a_norm_created_in_2014_or_a_misdated_target_is_refuted(text):
    found = claims(text, "2019-03-04", "misconception")  # (a pledge misdated: the standing myth of the norm's origin)
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [("RIGA2006_2PCT", "adopted_year", "refuted")]


def test_the_pledges_making_in_a_clause_beside_a_count_leaves_the_count_its_threshold_and_year():
    text = "In 2014, when the allies made the pledge, only three members spent 2% of GDP on defence."
    found = claims(text, "2024-02-15")
    assert sorted((c["type"], c["year"], c["verdict"]) for c in found) == [
        ("count_at_threshold", 2014, "supported"), ("pledge", 2014, "supported")]
    # a time of the count's own clause dates no making
    assert verdicts("Ten years ago only three allies met the goal that was set in Wales; today 23 of them do.",
                    "2024-06-20", "pledge") == []


def test_a_target_named_without_its_level_takes_the_pledge_just_discussed():
    text = "Allies pledged at the Wales summit to move towards 2% of GDP within a decade. The target was agreed in 2014."
    found = claims(text, "2018-09-12", "pledge")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found][-1] == ("pledge_year", 2014, "supported")
    assert verdicts("Inflation was high. The target was agreed in 2014.", "2018-09-12", "pledge") == []


def test_the_equipment_level_dated_is_the_wales_equipment_guideline():
    found = claims("NATO's 20% equipment benchmark dates from 2014.", "2025-02-10", "pledge")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("WALES2014_DIP_20PCT_EQUIP", 2014, "supported")]


def test_a_2pct_level_agreed_in_2023_or_at_vilnius_is_the_vilnius_floors_year():
    found = claims("Allied leaders agreed in 2023 at Vilnius to make 2% a floor rather than a ceiling.", "2024-07-15", "pledge")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [
        ("VILNIUS2023_2PCT_FLOOR", "pledge_year", "supported")]
    assert verdicts("The 2% floor was agreed at the Vilnius summit in 2022, the minister wrote.", "2023-09-01",
                    "misconception") == ["refuted"]


def test_the_year_written_right_after_the_word_of_adopting_dates_the_guideline():
    found = claims("The 2% guideline was adopted in 2006 and reaffirmed in Wales in 2014.", "2025-01-20", "pledge")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [("adopted_year", 2006, "supported")]


def test_a_2pct_commitment_after_the_hague_is_the_floor_still_in_force_unless_called_current():
    found = claims("Members of the alliance have committed to spending 2% of their GDP on defence.", "2025-09-10", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("VILNIUS2023_2PCT_FLOOR", "supported")]
    assert verdicts("The current NATO target is 2% of GDP.", "2025-08-30", "pledge") == ["refuted"]


def test_the_making_clause_beside_listed_allies_is_the_pledge_but_an_allys_own_agreement_is_not():
    text = ("In 2014, when leaders agreed that every member should reach 2% by 2024, only the UK, Greece and the United "
            "States did so.")
    found = claims(text, "2020-10-21", "pledge")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [("deadline_year", 2024, "supported")]
    assert verdicts("When Germany agreed in 2014 to spend 2%, it was at 1.2%.", "2020-10-21", "pledge") == []


def test_the_alliance_pledge_named_without_summit_takes_the_pledge_in_force_with_that_deadline():
    text = "Under the alliance pledge, members have until 2035 to reach the target."
    assert [(c["subject"], c["verdict"]) for c in claims(text, "2025-10-14", "pledge")] == [
        ("HAGUE2025_5PCT_TOTAL", "supported")]
    assert [(c["subject"], c["verdict"]) for c in claims(text.replace("2035", "2024"), "2019-10-14", "pledge")] == [
        ("WALES2014_DIP_2PCT", "supported")]


def test_a_non_ally_prefix_names_no_ally_beside_the_pledge():
    text = ("Although NATO members pledged to put 2 percent of GDP into defense, just five non-U.S. allies reached "
            "it in 2015.")
    assert verdicts(text, "2016-04-25", "pledge") == ["supported"]


@pytest.mark.parametrize("text,date,subject", [
    ("Leaders will be urged to honour their commitments to spend at least 2% of GDP on defence.", "2014-09-01",
     "RIGA2006_2PCT"),
    ("That deal included a pledge for member nations to raise defence budgets up to 2 percent of national output.",
     "2016-07-05", "WALES2014_DIP_2PCT"),
    ("The allies reaffirmed their commitments to move towards two per cent of GDP.", "2021-03-03", "WALES2014_DIP_2PCT"),
])
def test_commitments_named_by_their_content_are_the_pledge(text, date, subject):
    assert [(c["subject"], c["verdict"]) for c in claims(text, date, "pledge")] == [(subject, "supported")]


def test_financial_commitments_are_no_pledge_wording():
    text = ("The speaker threatened allies that ignore their financial commitments, and attacked countries reluctant to "
            "lift spending to two percent.")
    assert verdicts(text, "2024-02-12", "pledge") == []


@pytest.mark.parametrize("text", [
    "The alliance asks its members to devote 2 per cent of GDP to defence.",
    "Under NATO guidelines, members should spend 2% of GDP on defence.",
    "NATO's guideline calls for members to spend 2% of GDP on their armed forces.",
    "Under NATO rules, each member should spend 2 percent of its GDP on defense.",
])
def test_the_norm_stated_as_what_the_alliance_asks_of_all_members_is_the_pledge(text):
    assert verdicts(text, "2019-02-10", "pledge") == ["supported"]


@pytest.mark.parametrize("text,date,expected", [
    ("It is a target few governments meet, despite agreeing to it at the summit held in 2014.", "2017-11-02",
     [("WALES2014_DIP_2PCT", "pledge_year", 2014)]),
    ("Ever since the investment pledge was made in 2014, the allies have lifted their budgets.", "2023-02-10",
     [("WALES2014_DIP_2PCT", "pledge_year", 2014)]),
    ("Alliance governments agreed in 2014 to stop cutting their military budgets.", "2019-09-01",
     [("WALES2014_DIP_2PCT", "pledge_year", 2014)]),
    ("Denmark signed up in 2006, along with the other members, to the spending guideline, and renewed that promise"
     " in 2023.", "2024-03-01", [("RIGA2006_2PCT", "adopted_year", 2006), ("VILNIUS2023_2PCT_FLOOR", "pledge_year", 2023)]),
])
def test_a_pledges_making_year_is_read_by_role(text, date, expected):
    found = [(c["subject"], c["metric"], c["value"], c["verdict"]) for c in claims(text, date, "pledge")]
    assert found == [(*e, "supported") for e in expected]


@pytest.mark.parametrize("text,date", [
    ("NATO agreed in 2014 to set up a spearhead force.", "2019-04-04"),  # not a spending pledge
    ("Poland agreed in 2014 to raise its budget for tanks.", "2018-06-04"),  # an ally's own agreement
    ("Leaders made progress in 2023 on ammunition stocks.", "2024-06-04"),
    ("Political commitments made at the Wales summit in September 2014 were reaffirmed.", "2015-02-26"),  # a dated meeting
])
def test_a_year_beside_a_word_of_agreeing_is_no_making_year_without_a_pledge(text, date):
    assert [c for c in claims(text, date, "pledge") if c["metric"] in ("pledge_year", "adopted_year")] == []


def test_every_member_agreeing_to_work_toward_the_benchmark_is_no_all_claim():
    text = "This is the benchmark that every ally, Portugal included, agreed to work toward in 2014."
    assert claims(text, "2016-05-10", "all_none_threshold") == []
    assert verdicts(text, "2016-05-10", "pledge") == ["supported"]


@pytest.mark.parametrize("text,date,verdict", [
    ("The alliance set an objective for every member to hit the 2% benchmark by 2024.", "2021-01-10", "supported"),
    ("The idea was for each member to be spending at least two per cent of GDP on its military by 2024.", "2018-12-01",
     "supported"),
    ("Allies have promised to try to reach the goal by 2024, but progress has been slow.", "2019-06-01", "supported"),
    ("Washington has pushed the allies to fulfil the NATO commitment by 2024.", "2018-08-01", "supported"),
])
def test_a_norm_head_governs_the_level_and_deadline_after_it(text, date, verdict):
    assert verdicts(text, date, "pledge") == [verdict]
    assert claims(text, date, "group_pct_gdp") == claims(text, date, "all_none_threshold") == []


def test_a_goal_of_something_else_set_for_all_is_no_pledge():
    assert claims("The chain set a goal for all its stores to hit 2% sales growth by 2024.", "2020-02-01", "pledge") == []


def test_a_goal_met_named_as_agreed_is_no_pledge_claim_and_the_count_keeps_its_threshold():
    # (sets 22 and 25 leave "met their agreed target of 2%", "failed to meet the pre-agreed target" unlabelled)
    text = "Only five of the allies hit their agreed goal of devoting 2 per cent of national output to defence in 2016."
    assert [(c["type"], c["verdict"]) for c in claims(text, "2017-03-20")] == [("count_at_threshold", "supported")]
    assert claims("Many allies are still short of the agreed-upon target of spending 2% on defence.", "2016-09-01") == []
    assert verdicts("The allies agreed on a goal of 2 per cent of GDP, which most still miss.", "2017-03-01",
                    "pledge") == ["supported"]


@pytest.mark.parametrize("text,date", [
    ("The spending minimum, set at 2 per cent of GDP, applies to every member each year.", "2024-09-01"),
    ("NATO guidelines advise member states to put at least 2 percent of national output into defence.", "2018-01-10"),
    ("Alliance guidelines recommend that members spend no less than 2% of GDP on their armed forces.", "2019-05-24"),
    ("The NATO *goal* is that every member spends 2% of GDP on defence.", "2020-06-15"),
])
def test_the_norm_stated_by_its_level_in_more_wordings_is_a_pledge_claim_not_an_all_claim(text, date):
    assert verdicts(text, date, "pledge") == ["supported"]
    assert claims(text, date, "all_none_threshold") == []


def test_a_level_said_to_be_a_floor_is_the_floor_pledge_only_once_it_stands():
    assert verdicts("And that 2% is a minimum, not a ceiling.", "2024-02-14", "pledge") == ["supported"]
    assert claims("Two percent should be the bare minimum, the president said.", "2017-05-26", "pledge") == []


def test_a_goal_to_reach_a_level_is_the_pledge_unless_an_ally_owns_it():
    assert verdicts("Leaders unanimously backed a goal to reach 5 percent of GDP on defence at the meeting.", "2025-07-10",
                    "pledge") == ["supported"]
    assert claims("Germany's goal to reach 3.5 percent by 2029 was welcomed.", "2025-08-01", "pledge") == []


def test_a_target_missed_but_stated_with_its_deadline_is_a_pledge_claim():
    text = "Such a budget stays below an alliance target calling for members to move toward spending 2 percent of GDP by 2024."
    assert verdicts(text, "2018-05-14", "pledge") == ["supported"]


def test_a_level_inside_a_goal_met_after_a_curly_possessive_is_no_pledge_claim():
    assert claims("PROGRESS: More allies on course to meet NATO’s 2% spending goal.", "2018-02-14", "pledge") == []


def test_a_country_after_a_city_is_a_place_not_the_owner_of_the_level():
    text = "A communique issued in Vilnius, Lithuania, says allies commit to spending at least two per cent of GDP every year."
    assert verdicts(text, "2023-07-12", "pledge") == ["supported"]
    assert claims(text, "2023-07-12", "ally_pct_gdp") == []


def test_a_target_set_by_nato_in_2014_is_the_creation_myth_whatever_allies_are_around():
    text = "Spain and Belgium are now there. It took such laggards years to get to the target, which was set by NATO in 2014."
    found = [c for c in claims(text, "2025-09-02") if c["metric"] in ("adopted_year", "pledge_year")]
    assert [(c["subject"], c["verdict"]) for c in found] == [("RIGA2006_2PCT", "refuted")]


def test_a_pledge_named_by_its_year_with_nothing_said_of_it_is_no_claim():
    assert claims("The 2014 investment pledge was drawn up after Russia seized Crimea, the website says.", "2024-07-11",
                  "pledge") == []
    assert verdicts("Ministers renewed their 2014 pledge at the meeting.", "2016-06-01", "pledge") == ["supported"]


def test_commitments_kept_are_a_threshold_met_not_a_pledge_claim_and_carry_their_level():
    text = "The number of allies keeping their commitments to spend at least 2 percent has multiplied. " \
           "In 2014 only three members did so."
    found = claims(text, "2023-10-02")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("count_at_threshold", 3, "supported")]


def test_a_year_opening_the_sentence_dates_the_alliances_agreement_but_not_beside_a_count():
    assert verdicts("Back in 2014, at a summit in Newport, the allies agreed to halt the decline in defence budgets.",
                    "2019-03-01", "pledge") == ["supported"]
    assert claims("In 2014, only three allies met the goal they had agreed.", "2019-03-01", "pledge") == []
    assert claims("The government agreed in 2014 to increase the education budget.", "2019-03-01", "pledge") == []


def test_a_goal_met_with_a_deadline_set_by_the_alliance_is_the_deadline_claim_and_an_allys_own_period_is_none():
    text = "Poland already exceeds the new goal of 3.5%, which the alliance asked members to reach by 2031."
    found = claims(text, "2025-09-01", "pledge")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [("deadline_year", 2031, "refuted")]
    text = "Italy's cabinet pledged it would hit the alliance's goal of devoting 2 per cent of output to its armed forces until 2028."
    found = claims(text, "2024-03-04", "pledge")
    assert [(c["metric"], c["verdict"]) for c in found] == [("threshold_pct", "supported")]


@pytest.mark.parametrize("text,date", [
    ("Several allies have not committed to spending 2% of GDP, diplomats said.", "2019-05-05"),
    ("Some members have not agreed to the 5% target, the report said.", "2026-01-10"),
    ("Many countries never signed up to the 2% goal in practice.", "2019-05-05"),
    ("Spain has not agreed to the 5% target.", "2026-01-10"),
])
def test_a_denial_said_of_some_allies_or_one_ally_does_not_deny_the_pledge(text, date):
    # only the alliance's pledge denied as a whole ("there is no NATO decision on 5%") is judged as a denial
    found = claims(text, date, "pledge")
    assert all(c["frame"]["polarity"] == "positive" and c["verdict"] != "refuted" for c in found)


@pytest.mark.parametrize("text,date,verdict", [
    ("There is no alliance agreement on spending 5% of GDP, the party leader insisted.", "2025-11-04", "refuted"),
    ("So far there has been no NATO decision on a 5% goal, diplomats said.", "2025-03-03", "supported"),
    ("The allies never agreed to spend two per cent of GDP on defence, the minister said.", "2017-03-01", "refuted"),
])
def test_the_pledges_existence_denied_is_judged_on_the_pledges_in_force(text, date, verdict):
    found = claims(text, date, "pledge")
    assert [(c["frame"]["polarity"], c["verdict"]) for c in found] == [("negative", verdict)]


@pytest.mark.parametrize("text,date", [
    ("At the July 2018 summit, leaders decided to reaffirm the 2% goal.", "2018-08-01"),
    ("In 2019 NATO decided that 2% remains the benchmark.", "2020-01-10"),
])
def test_a_decision_that_renews_or_keeps_the_norm_dates_no_making(text, date):
    found = claims(text, date)
    assert found and all(c["metric"] not in ("adopted_year", "pledge_year") and c["verdict"] == "supported" for c in found)


def test_a_decision_dating_the_2pct_floor_is_the_vilnius_floors_year():
    found = claims("The decision in 2022 to make 2% a floor was a turning point.", "2023-01-10")
    assert [(c["type"], c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("misconception", "VILNIUS2023_2PCT_FLOOR", 2022, "refuted")]


@pytest.mark.parametrize("verb", ["approved", "ratified", "signed off on", "backed", "embraced", "accepted"])
def test_a_new_target_the_allies_approved_gives_one_claim_per_figure(verb):
    text = (f"Last summer the allies {verb} a new yardstick: by 2035 each must reach 5% of GDP, with 3.5% for the armed "
            "forces and 1.5% for resilience.")
    found = claims(text, "2026-01-15", "pledge")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("HAGUE2025_5PCT_TOTAL", 5.0, "supported"), ("HAGUE2025_3_5PCT_CORE", 3.5, "supported"),
        ("HAGUE2025_1_5PCT_RELATED", 1.5, "supported")]
    # the same words before the summit: a level no pledge had yet is not supported
    assert "supported" not in verdicts(text, "2024-11-15", "pledge")


def test_a_level_named_as_the_allies_commitment_is_a_pledge_claim():
    assert verdicts("The senator scolded partners for missing 2 per cent defence spending commitments.",
                    "2018-11-02", "pledge") == ["supported"]
    assert verdicts("He accused members of failing to honour commitments that amount to 3 per cent of output.",
                    "2019-02-20", "pledge") == []  # (no pledge ever had 3%: no pledge named)
    # a passing "2% target", a count of the allies meeting it, a country's own pledge: no claim about the pledge
    for text in ("Critics say the 2% target is a poor yardstick of what an ally contributes.",
                 "The number of allies meeting their commitments to spend 2% has risen fast.",
                 "Rome renewed its own 2% pledge for the armed forces, officials said."):
        assert verdicts(text, "2022-04-11", "pledge") == []


def test_a_targets_making_told_by_a_participle_beside_an_ally_is_its_own_claim():
    # the ally meets the target; the participle clause dates the target's making (a claim judged on the pledge's date)
    found = claims("Belgium is put at 2.0 percent this year, hitting the goal set by alliance leaders at a 2014 summit.",
                   "2025-09-10")
    assert ("pledge", "WALES2014_DIP_2PCT", "pledge_year", 2014, "supported") in [
        (c["type"], c["subject"], c["metric"], c["value"], c["verdict"]) for c in found]
    assert any(c["type"] == "ally_pct_gdp" and c["subject"] == "BEL" for c in found)  # (the figure stays the ally's)
    # a target barely "established" in 2014, "agreed" only as its attribute: the myth that 2% dates from 2014
    found = claims("The new aim is a big jump from the commonly agreed NATO benchmark of two per cent, established back in 2014.",
                   "2025-07-28")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("misconception", 2014, "refuted")]
    # a year after "for" is the goal's deadline, no making
    assert verdicts("In 2016, when the alliance met in Warsaw with a goal set for 2024, Portugal spent 1.4%.",
                    "2016-11-10", "misconception") == []


def test_a_goal_told_by_a_that_clause_with_its_level_is_the_pledge():
    for text in ("The quarrel is about the goal all members agreed, that military outlays should reach 2 per cent of "
                 "output by 2024.",
                 "They invoked the commitment of each ally to approach two percent of GDP by 2024."):
        assert verdicts(text, "2020-06-16", "pledge") == ["supported"]
    # the head governs only the figure it reaches: an ally's own figure after it stays the ally's
    found = claims("In 2014 (when leaders met in Newport, which set the commitment of every ally to reach two percent "
                   "before 2024), Portugal stood at 1.3%.", "2024-06-20")
    assert [c["value"] for c in found if c["type"] == "pledge"] == [2.0]


def test_a_norm_noun_with_a_that_clause_governing_the_level_is_the_pledge():
    assert verdicts("Ministers kept the requirement that at least 20% of defence budgets buy major equipment.",
                    "2017-06-20", "pledge") == ["supported"]
    assert verdicts("The alliance upholds the guideline that 2 per cent of output be spent on the armed forces.",
                    "2016-03-09", "pledge") == ["supported"]
    # a count of the allies meeting it keeps the figure as its threshold
    assert verdicts("Just three allies satisfied the guideline that 20 percent of military spending be devoted to new "
                    "equipment last year.", "2016-02-16", "pledge") == []


def test_a_time_in_a_bracket_about_the_pledge_dates_no_figure_outside_it():
    found = claims("Back in 2015 (a year after leaders pledged to hit 2% of GDP by 2024), Belgium put barely 0.9% into "
                   "defence.", "2019-06-20")
    assert [(c["subject"], c["value"], c["year"]) for c in found if c["type"] == "ally_pct_gdp"] == [("BEL", 0.9, 2015)]


def test_a_long_participle_clause_still_dates_the_targets_making():
    found = claims("So Greece has cleared the target of two percent of GDP set for every single member of the "
                   "transatlantic military alliance at the summit in Riga in 2006.", "2024-02-15")
    assert [(c["type"], c["value"], c["verdict"]) for c in found if c["type"] == "pledge"] == [
        ("pledge", 2006, "supported")]
    assert [c["year"] for c in found if c["type"] == "ally_pct_gdp"] == [2023]  # (2006 dates no figure)


def test_a_country_outside_the_alliance_aiming_at_the_nato_level_by_its_own_year_is_no_pledge_claim():
    for text in ("South Korea wants to raise defence spending to 3% of GDP by 2030, beyond NATO's 2% benchmark.",
                 "Japan aims to reach 2% of GDP by 2027, the level of the NATO target."):
        assert claims(text, "2024-07-10", "pledge") == [], text


def test_an_ally_promising_to_reach_the_target_by_a_year_gives_its_plan_not_a_wrong_pledge_deadline():
    found = claims("Belgium has promised to reach the NATO target of 2% of GDP by 2035.", "2024-07-10")
    assert [c for c in found if c["type"] == "pledge" and c["metric"] == "deadline_year"] == []
    assert [(c["subject"], c["verdict"]) for c in found if c["type"] == "ally_pct_gdp"] == [("BEL", "unverifiable")]
    # the alliance's own promise with a wrong year is still refuted
    assert [c["verdict"] for c in claims("Allies promised to reach the target of 2% by 2025.", "2024-07-10", "pledge")
            if c["metric"] == "deadline_year"] == ["refuted"]


@pytest.mark.parametrize("text", [
    "That pledge was renewed in 2014 at the Newport summit, since most governments kept missing the 2006 guideline.",
    "Leaders reaffirmed the spending promise at their Wales meeting in 2014, after years of ignoring the 2006 commitment.",
    "Alliance heads of government reaffirmed in 2014, at Wales, a pledge first made by defence ministers in 2006.",
])
def test_a_renewal_in_2014_at_wales_is_dated_by_the_renewal_not_by_the_older_commitment_named_beside_it(text):
    found = claims(text, "2021-04-02", "pledge")
    assert [(c["subject"], c["metric"], c["value"], c["verdict"]) for c in found] == [
        ("WALES2014_DIP_2PCT", "pledge_year", 2014, "supported")]


def test_a_norm_stated_with_its_level_is_a_pledge_claim_when_a_count_comes_only_in_a_later_clause():
    found = claims("Back then Wales set the commitment of all allies to reach 2% of GDP before 2024; this year 11 allies do.",
                   "2023-08-01")
    assert [(c["type"], c["verdict"]) for c in found] == [("pledge", "supported"), ("count_at_threshold", "supported")]


@pytest.mark.parametrize("text, date", [
    ("In Wales the allies pledged in 2014 to halt the decline. Then move towards two percent of output within a decade.",
     "2018-01-10"),
    ("STOLTENBERG: In 2014 we pledged to stop the cuts. And to move towards 2% within a decade.", "2019-02-12"),
])
def test_the_wales_formula_told_after_the_wales_pledge_is_the_pledge_not_an_allys_plan(text, date):
    found = claims(text, date)
    assert [(c["type"], c["metric"], c["verdict"]) for c in found] == [
        ("pledge", "pledge_year", "supported"), ("pledge", "threshold_pct", "supported")]


def test_move_towards_within_a_decade_without_the_wales_pledge_before_stays_an_allys_plan():
    found = claims("Poland keeps raising its budget. It will move towards 3% of GDP within a decade.", "2019-02-12")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("ally_pct_gdp", "POL", "unverifiable")]
