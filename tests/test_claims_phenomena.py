"""Real-phrasing structures (issue 11), each in our own words with other allies and numbers than the
issue's examples: the reading (frame) and the verdict the data gives. Principle: refute only what is read
with confidence; an unsure reading gives no claim rather than a wrong "refuted"."""

from __future__ import annotations

from burden.claims import check_text
from claims_helpers import claims, verdicts

MID_2019 = "2019-07-01"  # E0 = 2019-06 (a full edition): 2018 values complete


# ---------------------------------------------------------------- a number's role
def test_count_of_members_names_both_the_count_and_the_membership():
    found = claims("Only six of the alliance's 29 members reached the goal in 2018.", MID_2019)
    by_type = {c["type"]: c for c in found}
    assert by_type["count_at_threshold"]["value"] == 6.0 and by_type["count_at_threshold"]["verdict"] == "supported"
    assert by_type["member_count"]["value"] == 29 and by_type["member_count"]["verdict"] == "supported"
    assert by_type["member_count"]["frame"]["year"] == 2018


def test_one_of_the_n_allies_meeting_a_goal_counts_the_n_and_is_no_membership():
    found = claims("Slovakia is one of the 14 allies expected to reach 2% this year.", MID_2019)
    assert [c["type"] for c in found] == ["count_at_threshold", "ally_pct_gdp"]  # no member count
    assert found[0]["value"] == 14.0 and found[0]["frame"]["modality"] == "forecast"
    assert (found[1]["subject"], found[1]["comparator"], found[1]["value"]) == ("SVK", "ge", 2.0)


def test_an_ally_not_among_the_counted_set_is_below_its_threshold():
    found = claims("Spain is not among the six allies that met the guideline in 2018.", MID_2019, "ally_pct_gdp")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("ESP", "lt", "supported")]
    assert found[0]["frame"]["polarity"] == "negative"


def test_a_subset_of_a_few_allies_is_no_count():
    assert claims("Two of the three Baltic allies spent at least 2% last year.", MID_2019, "count_at_threshold") == []


def test_growth_and_spending_shares_are_not_shares_of_gdp():
    for text in ("Romania's defence spending rose 11% over three years.",
                 "Budgets saw real increases of 41.2 and 38.5 percent.",
                 "Latvia devotes 28% of its defence budget to equipment.",
                 "Norway spends 31% on personnel and 25% on equipment."):
        assert claims(text, MID_2019, "ally_pct_gdp") == [], text


def test_let_alone_names_no_second_figure():
    found = claims("Spain falls short of 1.5% of GDP, let alone 2%.", MID_2019, "ally_pct_gdp")
    assert [(c["value"], c["comparator"], c["verdict"]) for c in found] == [(1.5, "lt", "supported")]


# ---------------------------------------------------------------- scope
def test_most_allies_not_meeting_a_goal_is_a_count_below_it():
    found = claims("Most members are still not spending 2% of GDP on defence.", MID_2019, "count_at_threshold")
    assert found[0]["verdict"] == "supported" and "< 2" in found[0]["explanation"]


def test_meet_or_exceed_is_at_least():
    found = claims("Six allies meet or exceed the 2% guideline in 2018.", MID_2019, "count_at_threshold")
    assert found[0]["frame"]["detail"] == "ge" and found[0]["verdict"] == "supported"


def test_allies_named_after_besides_are_left_out_of_the_count():
    found = claims("Apart from the US and Greece, only four allies reached 2% in 2018.", MID_2019,
                   "count_at_threshold")
    assert found[0]["frame"]["exclusions"] == ["GRC", "USA"] and found[0]["verdict"] == "supported"
    assert "except GRC, USA" in found[0]["read_as"]


def test_a_group_without_the_us_is_europe_and_canada():
    found = claims("Leaving aside the United States, allies spent $280 billion on defence in 2018.", "2024-07-01")
    assert all(c["subject"] != "USA" for c in found)


# ---------------------------------------------------------------- lists
def test_values_in_brackets_after_allies_are_their_shares_of_gdp():
    found = claims("The allies above the line in 2018 were Greece (2.23%), Britain (2.14%) and Poland (2.02%).",
                   MID_2019, "ally_pct_gdp")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("GRC", 2.23, "supported"), ("GBR", 2.14, "supported"), ("POL", 2.02, "supported")]


def test_bare_values_in_a_ranking_list_are_read_without_a_percent_sign():
    found = claims("At the bottom of the 2018 table came Belgium (0.91), Spain (0.92) and Luxembourg (0.54).",
                   MID_2019, "ally_pct_gdp")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("BEL", 0.91, "supported"), ("ESP", 0.92, "supported"), ("LUX", 0.54, "supported")]


def test_values_follow_the_order_of_the_allies_listed_before_them():
    found = claims("Italy and Germany, at 1.21% and 1.24%, trailed the field in 2018.", MID_2019, "ally_pct_gdp")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("ITA", 1.21, "supported"), ("DEU", 1.24, "supported")]


# ---------------------------------------------------------------- groups
def test_european_countries_plus_canada_is_one_group():
    found = claims("The 27 European countries plus Canada now put 1.47% of their combined GDP into defence.",
                   MID_2019)
    assert all(c["subject"] not in ("CAN",) for c in found)


# ---------------------------------------------------------------- time
def test_the_year_of_a_count_governs_its_membership_too():
    found = claims("In 2016, only five of 28 members met the target.", "2017-08-01", "member_count")
    assert found[0]["verdict"] == "supported" and found[0]["frame"]["year"] == 2016


# ---------------------------------------------------------------- money and price basis
def test_money_matching_another_published_price_basis_is_supported_and_names_it():
    found = claims("The US spent $704 billion on defence in 2023.", "2024-07-01", "spending_usd")
    assert found[0]["verdict"] == "supported" and "constant 2015 prices" in found[0]["explanation"]


def test_a_named_base_year_is_a_price_basis_not_a_data_year():
    found = claims("The US spent $875.6 billion in 2023, or $703.9 billion at 2015 prices.", "2024-07-01",
                   "spending_usd")
    assert [(c["year"], c["verdict"]) for c in found] == [(2023, "supported"), (2023, "supported")]


def test_money_no_basis_matches_is_refuted_with_the_reason():
    found = claims("The US spent $640 billion on defence in 2023.", "2024-07-01", "spending_usd")
    assert found[0]["verdict"] == "refuted" and "no price basis" in found[0]["explanation"]


# ---------------------------------------------------------------- over-firing
def test_delinquent_alone_says_nothing_about_owing_nato():
    assert claims("The president called several allies delinquent again on Friday.", MID_2019) == []
    assert verdicts("He called them delinquent and said they owe NATO vast sums.", MID_2019) == ["refuted"]


def test_a_quoted_demand_is_no_data_claim():
    assert claims("Trump: allies must pay 3% RIGHT NOW", MID_2019) == []


def test_among_the_highest_is_no_rank():
    assert claims("Estonia spends 2.00% of GDP, among the highest shares in the alliance.", MID_2019, "rank") == []


# ---------------------------------------------------------------- attribution
def test_a_reported_claim_is_checked_and_keeps_its_speaker():
    found = claims("Poland spent 2.02% of GDP on defence in 2018, a Polish minister said.", MID_2019)
    assert found[0]["verdict"] == "supported" and found[0]["speaker"] == "a Polish minister"
    assert "said by a Polish minister" in found[0]["read_as"]


# ---------------------------------------------------------------- pledges named by their summit
def test_the_2014_agreement_to_aim_for_2_percent_is_the_wales_pledge():
    assert verdicts("Allies agreed in 2014 to aim for 2% within a decade.", MID_2019, "pledge") == ["supported"]
    assert verdicts("The 2 per cent guideline was created at the 2014 Wales summit.", MID_2019,
                    "misconception") == ["refuted"]  # (the norm misdated: the standing myth of its origin)


def test_a_wrong_deadline_for_the_hague_pledge_is_refuted_and_its_level_judged_apart():
    assert verdicts("At The Hague allies agreed to reach 3.5% on core defence by 2031.", "2025-08-01",
                    "pledge") == ["refuted", "supported"]  # the wrong deadline first


# ---------------------------------------------------------------- several claims in one sentence
def test_each_figure_in_a_sentence_is_judged():
    found = claims("Greece spent 2.23% and Latvia 2.01% of GDP in 2018, while Spain stayed at 0.92%.", MID_2019,
                   "ally_pct_gdp")
    assert [(c["subject"], c["verdict"]) for c in found] == [("GRC", "supported"), ("LVA", "supported"),
                                                            ("ESP", "supported")]


# ---------------------------------------------------------------- carried readings
def test_an_elided_count_takes_the_threshold_and_the_positive_reading_of_the_sentence_before():
    found = claims("Most allies are still not meeting 2% of GDP. Only seven do.", MID_2019, "count_at_threshold")
    assert found[-1]["sentence"] == "Only seven do." and found[-1]["value"] == 7.0
    assert found[-1]["frame"]["detail"] == "ge" and found[-1]["verdict"] == "supported"


def test_the_latest_figure_keeps_the_subject_and_year_just_named():
    found = claims("Britain spent 2.1% of GDP in 2018, an MP said. The latest figure is 2.14%.", MID_2019)
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("GBR", 2018, "supported"),
                                                                        ("GBR", 2018, "supported")]


def test_a_share_of_the_defence_budget_is_checked_against_the_category_table():
    found = claims("Latvia put 28% of its defence budget into equipment in 2018.", MID_2019)
    assert [(c["type"], c["frame"]["measure"], c["verdict"]) for c in found] == [
        ("spending_category", "category_share", "supported")]


def test_a_category_share_is_read_by_role_wherever_its_category_and_base_stand():
    """The category named before the figure and the base after it, a verb between figure and category, a figure listed
    after another ally's share, and a share of GDP 'of which' part goes to a category (of GDP too: no category share)."""
    read = [(c["type"], c["subject"], c["value"]) for text in (
        "Latvia puts a lot into equipment: 28% of its defence budget in 2018, ahead of Estonia with 25.2%.",
        "Of Estonia's military spending in 2018, 25.2% went on equipment.",
        "Latvia spends 2% of GDP on defence, of which 0.6% goes to equipment.")
        for c in claims(text, MID_2019) if c["type"] == "spending_category"]
    assert read == [("spending_category", "LVA", 28.0), ("spending_category", "EST", 25.2),
                    ("spending_category", "EST", 25.2)]


def test_possessive_list_values_and_a_rank_word_before_them():
    found = claims("In 2018 the lowest shares were Luxembourg's 0.54%, Belgium's 0.91% and Spain's 0.92%.", MID_2019)
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [
        ("rank", "LUX", "supported"), ("ally_pct_gdp", "LUX", "supported"), ("ally_pct_gdp", "BEL", "supported"),
        ("ally_pct_gdp", "ESP", "supported")]


def test_a_second_count_compared_with_the_first_is_judged_in_its_own_year():
    found = claims("Six allies reached 2% in 2018, up from three in 2014.", MID_2019, "count_at_threshold")
    assert [(c["value"], c["year"]) for c in found] == [(6.0, 2018), (3.0, 2014)]


def test_a_count_after_the_membership_named_first():
    found = claims("Of the 29 allies, six reached 2% in 2018.", MID_2019)
    assert sorted((c["type"], c["value"]) for c in found) == [("count_at_threshold", 6.0), ("member_count", 29)]


def test_a_rhetorical_question_carries_a_checkable_presupposition_and_a_yes_no_question_none():
    found = claims("Why did only six allies meet the 2% guideline in 2018?", MID_2019, "count_at_threshold")
    assert [(c["value"], c["verdict"], c["frame"]["modality"]) for c in found] == [(6.0, "supported", "asked")]
    assert claims("Does Spain spend 2% of GDP?", MID_2019) == []


def test_a_named_pledge_with_a_wrong_deadline_is_refuted_and_the_right_one_supported():
    assert verdicts("Several commentators claim the Hague pledge must be met by 2030.", "2025-10-01",
                    "pledge") == ["refuted"]
    assert verdicts("Allies must reach 3.5% of GDP on core defence by 2035.", "2025-10-01", "pledge") == ["supported"]


def test_each_gives_the_figure_to_every_ally_of_the_list_and_jumped_to_is_a_level():
    found = claims("Estonia and Britain spent 2.14% each in 2018.", MID_2019, "ally_pct_gdp")
    assert sorted(c["subject"] for c in found) == ["EST", "GBR"]
    found = claims("Latvia jumped to 2.01% in 2018.", MID_2019, "ally_pct_gdp")
    assert [(c["value"], c["verdict"]) for c in found] == [(2.01, "supported")]
    assert claims("Latvia's spending jumped 20% in 2018.", MID_2019, "ally_pct_gdp") == []


def test_figures_released_that_week_are_read_from_the_edition_of_that_week():
    # 2026-03-sgar is stored with its month only (release day taken as 31 March)
    text = "NATO's annual report, released on Thursday, shows Poland spent 4.3% of GDP in 2025."
    result = check_text(text, "2026-03-20")
    assert result["edition_as_of"] == "2026-03-sgar" and result["claims"][0]["verdict"] == "supported"
    assert check_text("Poland spent 4.3% of GDP in 2025.", "2026-03-20")["edition_as_of"] == "2025-08"


def test_a_share_of_natos_common_budget_is_not_a_share_of_allied_spending():
    assert claims("The US pays 16% of NATO's common budget, the same as Germany.", "2024-07-01") == []
    assert verdicts("The US pays 70% of the costs of NATO, the former president said.", "2024-07-01",
                    "share_of_alliance") == ["refuted"]


def test_a_negated_figure_of_an_ally_is_read_as_below_it():
    for text in ("Spain still does not spend 2% of GDP on defence.", "Italy fails to meet the 2% target.",
                 "Belgium never reached 2% of GDP in 2018."):
        found = claims(text, MID_2019, "ally_pct_gdp")
        assert [(c["comparator"], c["verdict"], c["frame"]["polarity"]) for c in found] == [
            ("lt", "supported", "negative")], text


def test_an_ally_named_in_an_aside_is_not_the_subject_of_the_figure_after_it():
    found = claims("Latvia, long praised by Washington, spent 2.01% of GDP in 2018.", MID_2019, "ally_pct_gdp")
    assert [(c["subject"], c["verdict"]) for c in found] == [("LVA", "supported")]


def test_a_figure_for_an_ally_named_after_it_and_both_allies_of_a_list():
    found = claims("Britain spent 2.14% of GDP in 2018, compared with roughly 1.2% for Germany.", MID_2019,
                   "ally_pct_gdp")
    assert [(c["subject"], c["verdict"]) for c in found] == [("GBR", "supported"), ("DEU", "supported")]
    found = claims("Latvia and Poland both reached the 2% mark in 2018.", MID_2019, "ally_pct_gdp")
    assert sorted((c["subject"], c["verdict"]) for c in found) == [("LVA", "supported"), ("POL", "supported")]


def test_what_most_allies_spend_is_no_count_and_a_share_of_the_alliance_total_is_read():
    assert claims("The 5% goal is far above what most allies spend.", "2025-09-01", "count_at_threshold") == []
    found = claims("US defence spending is estimated at $980 billion in 2025, roughly 62% of the alliance total.",
                   "2025-09-01", "share_of_alliance")
    assert [(c["subject"], c["verdict"]) for c in found] == [("USA", "supported")]


def test_the_target_of_spending_2_percent_is_the_threshold_not_the_last_listed_allys_figure():
    text = ("Only six NATO members - the US, Britain, Greece, Poland, Latvia and Estonia - reached the alliance's goal "
            "of spending 2% of GDP on defence last year.")
    found = claims(text, MID_2019)
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [("count_at_threshold", 2018, "supported")]


# ---------------------------------------------------------------- claims2: failure kinds from real news
def test_verbless_table_lines_take_the_year_of_their_header():
    found = claims("Estimates for 2018, share of GDP:\nGreece, 2.23 percent.\nItaly, 1.21 per cent.", MID_2019)
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [
        ("GRC", 2018, "supported"), ("ITA", 2018, "supported")]


def test_a_table_line_in_prose_is_still_not_a_figure_without_a_percentage():
    assert claims("Notes for 2018:\nGreece, Italy and Spain.", MID_2019) == []


def test_members_not_paying_what_they_should_is_a_count_below_the_guideline():
    found = claims("Still, 23 of the 29 member nations are not paying what they should.", "2017-09-19")
    by_type = {c["type"]: c for c in found}
    count = by_type["count_at_threshold"]
    assert count["frame"]["detail"] == "lt" or "< 2" in count["read_as"]
    # six of the 28 allies with a figure reach 2%; Iceland (no figure) is a member below it too
    assert count["verdict"] == "supported" and "without a figure" in count["explanation"]
    assert by_type["member_count"]["value"] == 29 and by_type["member_count"]["verdict"] == "supported"


def test_a_count_below_over_the_members_with_a_figure_is_also_right():
    found = claims("Still, 22 of the 29 member nations are not paying what they should.", "2017-09-19",
                   "count_at_threshold")
    assert found[0]["verdict"] == "supported"
    assert claims("Still, 25 of the 29 member nations are not paying what they should.", "2017-09-19",
                  "count_at_threshold")[0]["verdict"] == "refuted"


def test_all_n_of_its_members_is_an_all_claim_for_the_current_year():
    # (and a member count: "all 32 of its members" states the membership, as "all 32 allies" does)
    found = claims("All 32 of its members are on track to spend at least 2% of GDP this year.", "2025-10-14")
    # (and a membership, as the labelled real set reads "all 32 of its members")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [("member_count", 2025, "supported"),
                                                                     ("all_none_threshold", 2025, "supported")]


def test_the_measure_named_in_a_ranks_own_clause_decides_money_or_share():
    found = claims("In cash terms Britain is the second-biggest spender, but as a share of GDP it comes in fifth.",
                   MID_2019, "rank")
    assert [(c["metric"], c["value"]) for c in found] == [
        ("rank_desc(def_exp_usd_mn)", 2), ("rank_desc(def_exp_pct_gdp)", 5)]
    assert found[0]["verdict"] == "supported"


def test_in_absolute_terms_ranks_money():
    found = claims("In absolute terms, Germany ranks third in the alliance.", MID_2019, "rank")
    assert found[0]["metric"] == "rank_desc(def_exp_usd_mn)" and found[0]["verdict"] == "supported"


def test_raising_a_target_from_one_level_to_another_names_both_pledges():
    found = claims("The allies agreed to lift the goal from 2 per cent of GDP to 5 per cent by 2035.", "2025-10-14")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("VILNIUS2023_2PCT_FLOOR", 2.0, "supported"), ("HAGUE2025_5PCT_TOTAL", 5.0, "supported")]
    wrong = claims("The allies agreed to lift the goal from 3 per cent of GDP to 5 per cent by 2035.", "2025-10-14")
    assert [c["verdict"] for c in wrong] == ["refuted", "supported"]


def test_quoted_owes_and_mischaracterised_payments_are_rebuttals():
    for text in ("Not one ally truly 'owes' NATO a cent.", "No member actually \"owes\" money to NATO.",
                 "His talk of 'delinquent' allies mischaracterises how NATO is funded.",
                 "Allies do not owe money to anyone when they spend too little."):
        found = claims(text, MID_2019, "misconception")
        assert [c["verdict"] for c in found] == ["supported"], text
    assert verdicts("Several allies owe NATO large sums from past years.", MID_2019, "misconception") == ["refuted"]
    assert claims("He called Belgium delinquent.", MID_2019) == []


def test_a_baseline_year_belongs_to_the_baseline_count_not_the_first_one():
    found = claims("This year 23 allies will reach the guideline, a huge change from 2014, when only three did.",
                   "2024-07-10", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(23.0, 2024, "supported"),
                                                                     (3.0, 2014, "supported")]


def test_a_named_set_with_a_threshold_is_judged_for_every_ally_of_it():
    found = claims("Lithuania, Latvia and Estonia all stay above 3.3% this year.", "2025-10-14")
    assert [(c["type"], c["subject"], c["comparator"], c["verdict"]) for c in found] == [
        ("all_none_threshold", "LTU,LVA,EST", "all_gt", "supported")]
    found = claims("Denmark, Estonia and Latvia all stay above 3.5% this year.", "2025-10-14")
    assert [c["verdict"] for c in found] == ["refuted"]  # Denmark 3.22, Estonia 3.38


def test_the_only_allies_is_an_exact_set_count():
    found = claims("Poland, Lithuania and Latvia were the only members at 3.5% or more this year.", "2025-10-14")
    # one count of the exact set (both labelled real sets read "the only" lists so; no separate all-claim)
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("count_at_threshold", 3.0, "supported")]


def test_each_ally_spending_a_value_is_no_threshold_set():
    found = claims("Spain and Italy both spent 1.2% in 2018.", MID_2019)
    assert {c["type"] for c in found} == {"ally_pct_gdp"}


def test_leads_at_a_value_and_an_elided_ordinal_are_ranks():
    found = claims("Poland leads at 4.12%, with Estonia second (3.43%).", "2024-07-10", "rank")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("POL", 1, "supported"),
                                                                         ("EST", 2, "supported")]
    found = claims("In money terms Germany is the second-largest spender and Britain the third.", "2024-10-10", "rank")
    assert [(c["subject"], c["value"]) for c in found] == [("DEU", 2), ("GBR", 3)]


def test_paying_for_a_share_of_the_alliance_total_is_a_share_claim():
    found = claims("America pays for roughly two-thirds of NATO's total.", "2024-07-10")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("share_of_alliance", "USA", "supported")]


def test_a_dollar_figure_for_gdp_is_no_defence_spending():
    assert claims("The US has the largest GDP in NATO, roughly $27 trillion.", "2024-07-10") == []


def test_growth_without_real_terms_is_read_as_real_change():
    found = claims("Europe and Canada will raise their defence spending by 18% this year.", "2024-07-10")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("real_change", "NATO_EUR_CAN", "supported")]
    # (the alliance's 2024 real change is 10.9% in 2024-06: a stated figure that does not match is refuted)
    found = claims("Allies will increase defence spending by 25% this year.", "2024-07-10")
    assert [(c["type"], c["verdict"]) for c in found] == [("real_change", "refuted")]
    assert claims("Romania's defence spending rose 11% over three years.", "2024-07-10") == []


def test_a_plan_word_sets_the_modality_of_its_own_clause_only():
    found = claims("Latvia is at 3.15% this year and aims to reach 5% by 2026.", "2024-07-10", "ally_pct_gdp")
    assert [(c["value"], c["frame"]["modality"], c["verdict"]) for c in found] == [
        (3.15, "reported", "supported"), (5.0, "planned", "unverifiable")]


def test_a_list_named_as_the_n_lowest_is_a_set_rank():
    found = claims("Luxembourg, Belgium and Spain are the three lowest spenders in 2023.", "2023-10-31", "rank")
    assert [(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in found] == [
        ("LUX,BEL,ESP", "le", 3, "supported")]
    assert claims("Luxembourg, Belgium and Spain are the two lowest spenders in 2023.", "2023-10-31", "rank") == []


def test_a_baseline_a_few_years_ago_is_unverifiable_and_leaves_the_first_count_alone():
    found = claims("Now 23 allies meet the guideline, up from just three a few years ago.", "2024-07-10",
                   "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(23.0, 2024, "supported"),
                                                                     (3.0, None, "unverifiable")]


def test_the_only_one_below_a_threshold_is_a_count_of_one():
    found = claims("Italy, at 1.21%, is the only one below 1.5% in 2018.", MID_2019, "count_at_threshold")
    assert [(c["value"], c["read_as"].split(" = ")[0], c["verdict"]) for c in found] == [
        (1.0, "count of NATO_ALLIES with % of GDP < 1.5 in 2018", "refuted")]  # Spain, Belgium, Luxembourg ... too
    assert claims("It is the only ally under that line.", MID_2019, "count_at_threshold") == []  # no line named



def test_a_figure_coordinated_with_a_growth_figure_is_growth_too():
    assert claims("Germany's defence spending grew by 4.9 percent and 5.2 percent in the last two years.", MID_2019,
                  "ally_pct_gdp") == []
    found = claims("Poland's spending rose 14% and now stands at 2.0% of GDP.", MID_2019, "ally_pct_gdp")
    assert [(c["value"], c["verdict"]) for c in found] == [(2.0, "supported")]


def test_a_rhetorical_question_about_allies_paying_their_share_presupposes_a_count():
    found = claims("Why are only 7 of 29 allies paying their share?", MID_2019, "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(7.0, "supported")]


def test_accounted_for_is_a_share_of_the_alliance():
    found = claims("The US accounted for about 64% of the alliance's defence spending in 2024.", "2025-09-01")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("share_of_alliance", "USA", "supported")]


def test_met_it_takes_the_level_of_the_pledge_just_named_and_nothing_without_one():
    found = claims("The 20% equipment guideline dates from Wales, like the 2% goal. Sixteen allies met it in 2018.",
                   "2019-03-26", "count_at_threshold")
    assert [(c["metric"], c["verdict"]) for c in found] == [("count(equipment_pct>=20)", "supported")]
    assert claims("Sixteen allies met it in 2018.", "2019-03-26", "count_at_threshold") == []


def test_a_bare_n_out_of_m_after_a_colon_counts_the_noun_before_it():
    found = claims("Few allies meet the guideline in 2018: six out of twenty-nine.", MID_2019, "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in found] == [(6.0, "supported")]


def test_moving_toward_a_goal_is_no_claim_about_the_pledge():
    assert claims("Every ally is moving toward the 2% goal, an official told senators.", MID_2019, "pledge") == []


def test_the_target_in_words_beside_a_figure_is_a_claim_of_its_own():
    found = claims("Croatia falls just short of the target at 1.81%.", "2024-12-03", "ally_pct_gdp")
    assert sorted((c["value"], c["comparator"], c["verdict"]) for c in found) == [
        (1.81, "eq", "supported"), (2.0, "lt", "supported")]
    found = claims("France spends a little more than 2% of GDP, while Croatia remains just below the mark.",
                   "2024-12-03", "ally_pct_gdp")
    assert [(c["subject"], c["comparator"]) for c in found] == [("FRA", "gt"), ("HRV", "lt")]


def test_a_target_reached_only_in_a_plan_is_no_second_claim():
    found = claims("Officials expect Sweden to reach 2.1% of GDP this year, which would put it above the guideline.",
                   "2024-03-07", "ally_pct_gdp")
    assert [c["value"] for c in found] == [2.1]


def test_one_of_n_allies_meeting_a_target_is_a_count_without_the():
    found = claims("Budapest says it is one of 20 allies at or above the target this year.", "2024-09-18")
    assert [(c["type"], c["verdict"]) for c in found] == [("count_at_threshold", "refuted"),
                                                         ("ally_pct_gdp", "supported")]


def test_more_than_all_the_other_allies_combined_compares_the_us_with_europe_and_canada():
    found = claims("Washington outspends the rest of the alliance put together.", "2024-10-10")
    assert [(c["type"], c["metric"], c["comparator"], c["verdict"]) for c in found] == [
        ("comparison", "ratio(def_exp_usd, NATO_EUR_CAN)", "gt", "supported")]
    # a sum over several years: no edition publishes it, so the comparison is read with no data year (unverifiable)
    assert [(c["type"], c["year"], c["verdict"]) for c in claims(
        "The US spent more than all other allies combined over the past decade.", "2024-10-10")] == [
        ("comparison", None, "unverifiable")]
    assert claims("Germany spends more than all the other allies combined.", "2024-10-10", "comparison") == []


def test_fifths_are_fractions_of_the_alliance():
    found = claims("America pays for about three-fifths of what the allies spend.", "2025-10-23")
    assert [(c["type"], c["value"], c["comparator"]) for c in found] == [("share_of_alliance", 0.6, "approx")]


def test_led_by_an_ally_after_a_count_is_a_rank():
    found = claims("Seven allies met the guideline in 2019, led by the United States.", "2019-09-26", "rank")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("USA", 1, "supported")]
    assert claims("The Kosovo mission, led by Italy, was discussed.", "2019-09-26") == []


def test_natos_n_members_is_a_member_count():
    found = claims("NATO's 30 members have never been richer.", "2024-09-04", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(30, "refuted")]  # 32 since Sweden joined


# ---------------------------------------------------------------- recall: memberships and category shares
def test_a_membership_in_hyphenated_number_words_after_a_count_is_a_member_count():
    found = claims("By the end of 2018, just six of the twenty-nine members had reached the 2% goal.", MID_2019)
    by_type = {c["type"]: c for c in found}
    assert (by_type["member_count"]["value"], by_type["member_count"]["year"]) == (29, 2018)
    assert by_type["member_count"]["verdict"] == "supported" and by_type["count_at_threshold"]["value"] == 6.0


def test_countries_after_a_count_name_the_membership_only_when_nato_is_talked_about():
    found = claims("In 2018, six countries out of 29 passed the 2% line.", MID_2019, "member_count")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(29, 2018, "supported")]
    assert claims("In the survey, 14 of 25 countries polled wanted more spending on roads.", MID_2019) == []


def test_a_bare_number_of_allies_spending_at_a_level_is_a_count_not_the_membership():
    for text in ("Twenty NATO countries spend at least 2 percent of GDP on defence.",
                 "Twenty-three NATO members didn't reach 2% last year."):
        found = claims(text, MID_2019)
        assert [c["type"] for c in found] == ["count_at_threshold"], text


def test_a_share_of_the_budget_tied_to_equipment_by_a_passive_verb_is_a_category_share():
    found = claims("Norway keeps buying. 29.5% of this spending was allocated to major equipment in 2019.", MID_2019)
    assert [(c["type"], c["subject"], c["metric"], c["verdict"]) for c in found] == [
        ("spending_category", "NOR", "equipment_pct", "supported")]
    assert check_text("Kyiv has set aside 40% of its budget for defence equipment.", MID_2019)["claims"] == []


def test_a_time_after_the_target_is_no_other_target():
    for text in ("Hungary has met NATO's spending target for the first time.",
                 "Hungary has met the alliance's goal for the second year running."):
        found = claims(text, "2024-07-20", "ally_pct_gdp")
        assert [(c["subject"], c["comparator"], c["year"], c["verdict"]) for c in found] == [
            ("HUN", "ge", 2024, "supported")], text
    assert claims("Hungary has met its climate target for the first time.", "2024-07-20") == []


def test_the_us_against_the_rest_of_nato_combined_is_a_comparison_with_europe_and_canada():
    for text in ("The US spends more than the rest of NATO combined.", "America spends more than the rest put together."):
        found = claims(text, "2024-07-20", "comparison")
        assert [(c["subject"], c["comparator"], c["year"], c["verdict"]) for c in found] == [
            ("USA", "gt", 2024, "supported")], text
    assert claims("The US spends less than the rest of NATO combined.", "2024-07-20")[0]["verdict"] == "refuted"


def test_a_place_out_of_the_membership_is_a_rank_but_a_fraction_or_a_counted_ordinal_is_not():
    found = claims("That leaves Hungary 16th out of NATO's 32 members in terms of GDP spent on defence.", "2024-07-20")
    assert sorted((c["type"], c["value"], c["verdict"]) for c in found) == [
        ("member_count", 32, "supported"), ("rank", 16, "supported")]
    for text in ("Only about a third of the 32 members spend 3% or more.",
                 "Albania is now the 21st of NATO's 32 members meeting the target."):
        assert claims(text, "2024-07-20", "rank") == [], text


def test_all_n_members_at_a_threshold_is_the_membership_only_when_n_is_the_membership():
    found = claims("NATO's estimates put all 32 allies at or above 2% of GDP this year.", "2025-08-29", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(32, "supported")]
    assert claims("All 23 allies at or above 2% have filed plans.", "2025-08-29", "member_count") == []
