from claims_helpers import claims, verdicts


def test_seed_no_member_has_reached_this_number():
    text = "NATO countries need to spend 5% of GDP on defense. However, no NATO member, including the US, has reached this number."
    found = claims(text, "2025-03-26", "all_none_threshold")
    assert [c["verdict"] for c in found] == ["supported"] and found[0]["value"] == 5.0


def test_this_number_is_the_first_percentage_of_the_sentence_just_before_however_long_the_text_before_it():
    # the sentence before's first % figure is handed on lazily; a long run of sentences before it (more than the
    # carry's chain limit) must not lose it, and a figure two sentences back is not "this number" (the sentence between
    # has a number, so it hands on its own: none)
    filler = "Inflation in the euro area was 3% in the spring. " * 80
    text = filler + "NATO countries need to spend 5% of GDP on defense. However, no NATO member has reached this number."
    found = claims(text, "2025-03-26", "all_none_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(5.0, "supported")]
    two_back = filler + "NATO countries need to spend 5% of GDP on defense. Talks went on in 2024. No NATO member has reached this number."
    assert claims(two_back, "2025-03-26", "all_none_threshold") == []


def test_every_ally_at_2_percent():
    assert verdicts("Every NATO ally that reported a figure is expected to spend at least 2% of its GDP this year.",
                    "2025-08-29") == ["supported"]
    assert verdicts('"Every one of our 31 allies now spends at least 2 per cent," he said.', "2026-11-12") == ["refuted"]


def test_a_targets_own_deadline_leaves_the_present_claim_about_who_exceeds_it():
    # 2025-08: Poland 4.48, Lithuania 4.00, Latvia 3.73 are the three allies at 3.5% or more in 2025
    text = ("Budgets climbed after Russia's 2022 invasion. Only Latvia, Poland and Lithuania already exceed NATO's "
            "new target of putting 3.5% of GDP into core defence by 2035, alliance estimates show.")
    found = claims(text, "2025-09-01")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [("pledge", 2035, "supported"),
                                                                     ("count_at_threshold", 2025, "supported")]
    # the year of an event ("Russia's 2022 invasion") is not carried as a data year; a deadline of its own still
    # makes "must all reach" no data claim
    assert claims("Poland, Lithuania and Latvia must all reach 3.5% by 2035.", "2025-09-01", "all_none_threshold") == []


def test_a_goal_that_all_members_are_asked_or_advised_to_meet_is_no_claim_that_they_meet_it():
    for text in ("All 30 allies are asked to devote 2% of their GDP to defence.",
                 "The alliance's rules advise all member states to put two per cent of GDP into their armed forces.",
                 "The bloc's goal is for every member to put at least 2% of its GDP into defence, which not all do."):
        assert claims(text, "2021-06-20", "all_none_threshold") == [], text


def test_the_twenty_percent_target_is_the_equipment_guideline_by_its_level():
    found = claims("In 2022, 24 allies reached the 20 percent goal.", "2023-07-24")
    assert [(c["metric"], c["verdict"]) for c in found] == [("count(equipment_pct>=20)", "supported")]
    found = claims("All members are expected to clear the 20% benchmark this year.", "2023-07-24")
    assert [c["frame"]["indicator"] for c in found if c["type"] == "all_none_threshold"] == ["equipment_pct"]


def test_a_list_brought_up_to_a_level_is_every_listed_ally_at_or_above_it():
    found = claims("Higher budgets bring Portugal, Canada and Slovenia up to 2% this year.", "2025-09-15")
    assert [(c["type"], c["subject"], c["comparator"], c["verdict"]) for c in found] == [
        ("all_none_threshold", "PRT,CAN,SVN", "all_ge", "supported")]
    # a hypothetical or a plan is no data claim
    assert claims("Bringing Spain and Belgium up to 3.5% would take a decade.", "2025-09-15") == []
    assert claims("The coalition plans to lift Italy and Spain up to 3.5%.", "2025-09-15", "all_none_threshold") == []


def test_all_but_n_counts_the_others_and_every_european_ally_is_europe():
    found = claims("All but eleven allies reached 2% in 2023.", "2024-07-08", "count_at_threshold")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [("count(def_exp_pct_gdp<2)", 11.0, "refuted")]
    found = claims("Every European ally spent at least 1% of GDP in 2023.", "2024-07-08", "all_none_threshold")
    assert [(c["subject"], c["verdict"]) for c in found] == [("EUROPEAN_ALLIES", "supported")]


def test_only_before_a_list_that_spends_more_than_a_level_is_the_exact_set_one_count_not_a_figure_per_ally():
    # "Only A, B and C spend more than x%": the set that meets it, counted by the list (as real coverage is labelled)
    for text, date, n in (("In 2023 only Poland, the US and Greece spent more than 3 percent of their GDP on defence.",
                           "2023-08-01", 3),
                          ("Only Poland and Lithuania stay above 3.9% of GDP this year.", "2025-10-01", 2)):
        found = claims(text, date)
        assert [(c["type"], c["value"]) for c in found] == [("count_at_threshold", n)], text
        assert found[0]["verdict"] == "supported", text


def test_a_count_with_its_allies_in_an_aside_gives_no_figure_per_ally():
    for text in ("Only three members - Greece, Poland and the US - spent more than 3% of GDP in 2023.",
                 "Just three members, Greece, Poland and the US, spent over 3 per cent of GDP in 2023.",
                 "Only three allies (Greece, Poland and the US) spent more than 3% of GDP in 2023."):
        found = claims(text, "2023-08-01")
        assert [c["type"] for c in found] == ["count_at_threshold"], text
