"""Modality as a property of the figure's own clause (frame.figure_modality, lexicon/en/modality.csv): the nearest
marker before a figure decides whether it is stated (checked), planned (a national plan or vow: unverifiable) or
nobody's figure (a demand, a question, a condition, a hope: no claim), and a marker in one clause never reaches the
figure of another. Sentences are our own, with other allies and numbers than any article."""

from __future__ import annotations

import pytest

from burden.claims.frame import governing_modality
from claims_helpers import claims, verdicts

JULY_2024 = "2024-07-01"  # E0 = 2024-06: 2024 estimates for every ally


@pytest.mark.parametrize("text", [
    "Italy should be paying 2 percent of GDP, the senator said.",
    "Canada must spend 2% of GDP, Trump told reporters.",
    "Washington pressed Berlin to spend 3% of GDP.",
    "Spain ought to be at 2% of GDP by now.",
    "The minister said he hoped Spain could get to 2% of GDP soon.",
    "He is confident the allies can reach 4% of GDP.",
    "If Belgium spent 2% of GDP on defence, it would need billions more.",
    "Were Canada to spend 2% of GDP, its budget would double.",
    "The defence minister asked whether Portugal could reach 2% of GDP.",
])
def test_a_demand_hope_condition_or_question_governing_a_figure_gives_no_claim(text):
    assert claims(text, JULY_2024, "ally_pct_gdp") == []


@pytest.mark.parametrize("text, ally", [
    ("Romania has committed to 2.5% of GDP.", "ROU"),
    ("Slovakia vowed to raise defence spending to 2.5% of GDP.", "SVK"),
    ("Greece has pledged to lift its budget to 3.5% of GDP.", "GRC"),
    ("Denmark agreed to cap spending at 3.2% of GDP.", "DNK"),
    ("Lithuania intends to spend 4% of GDP.", "LTU"),
    ("Bulgaria is due to reach 2.2% of GDP, officials said.", "BGR"),
])
def test_a_national_vow_or_commitment_is_an_unverifiable_plan(text, ally):
    found = claims(text, JULY_2024, "ally_pct_gdp")
    assert [(c["subject"], c["verdict"], c["frame"]["modality"]) for c in found] == [(ally, "unverifiable", "planned")]


def test_a_hope_in_one_clause_does_not_reach_the_stated_figure_of_the_other():
    found = claims("Poland spends 4.1% of GDP this year, but the president is confident the other allies can reach 3%.",
                   JULY_2024)
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("POL", 4.1, "supported")]


def test_a_condition_closed_by_a_comma_does_not_govern_the_figure_after_it():
    found = claims("If NATO's figures are right, Poland spent 3.9% of GDP last year.", JULY_2024, "ally_pct_gdp")
    assert [(c["subject"], c["year"]) for c in found] == [("POL", 2023)]


def test_a_demand_inside_a_norm_wording_is_the_norm_not_a_demand():
    found = claims("Germany has met the guideline that members should spend 2% of GDP.", JULY_2024, "ally_pct_gdp")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("DEU", "ge", "supported")]


def test_a_plan_with_a_year_the_editions_estimate_is_checked_against_the_estimate():
    found = claims("Germany aims to reach 2 percent this year.", JULY_2024, "ally_pct_gdp")
    assert [(c["subject"], c["verdict"]) for c in found] == [("DEU", "supported")]


def test_the_nearest_marker_decides_and_its_scope_ends_at_a_comma():
    text = "washington told reporters that spain plans to reach 2%"
    assert governing_modality(text, 0, text.index("2%"))[:2] == ("planned", "plan")
    text = "should rise to 2%"
    assert governing_modality(text, 0, text.index("2%"))[:2] == ("planned", "plan")
    text = "if so, 2%"
    assert governing_modality(text, 0, text.index("2%")) is None


@pytest.mark.parametrize("text", [
    "Trump wants allies to spend 5% of GDP.",
    "Trump said allies should spend 5% of GDP on defence.",
    "Trump has called for 5% of GDP.",
    "Trump's 5% demand shocked European capitals.",
])
def test_a_proposal_is_the_figure_a_demand_or_proposal_word_governs(text):
    assert [(c["value"], c["verdict"]) for c in claims(text, "2025-07-01", "proposal")] == [(5.0, "supported")]


def test_a_figure_another_speaker_reports_after_a_demand_is_no_proposal():
    text = "Trump has pushed allies to spend more as NATO said European spending grew 3.1%."
    assert claims(text, "2025-07-01", "proposal") == []


@pytest.mark.parametrize("text, date", [
    ("The NATO guideline is 2% of GDP, and few allies meet it.", "2019-03-04"),
    ("While a guideline of spending is 2% of GDP, several members lag far behind.", "2018-02-05"),
    ("The alliance's benchmark calls for 2 percent of GDP.", "2017-05-03"),
    ("NATO's target is that each member spends 2% of GDP on its military.", "2020-11-04"),
])
def test_a_norm_stated_by_its_level_is_a_pledge_claim_and_no_count(text, date):
    found = claims(text, date)
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("pledge", 2.0, "supported")]


def test_a_norm_met_or_missed_is_the_threshold_of_its_subject_not_a_pledge_claim():
    assert claims("Italy is below the target of 2% of GDP.", "2019-03-04", "pledge") == []
    assert claims("Five allies met the target of 2% of GDP last year.", "2019-03-04", "pledge") == []


@pytest.mark.parametrize("text", [
    "NATO set out in 2014 that each member should spend 2% of GDP on defence.",
    "Allies decided in 2014 that every member would move towards 2% of GDP.",
])
def test_a_rule_set_out_in_2014_names_the_wales_pledge_and_is_no_count(text):
    found = claims(text, "2021-04-06")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("pledge", "WALES2014_DIP_2PCT", "supported")]


def test_a_year_of_first_reaching_is_no_adoption_year():
    text = ("The alliance set a new goal of 5% by 2035, up from the former 2% threshold, which all EU allies reached "
            "for the first time in 2025.")
    found = claims(text, "2025-09-03", "pledge")
    assert [(c["subject"], c["metric"], c["verdict"]) for c in found] == [
        ("HAGUE2025_5PCT_TOTAL", "threshold_pct", "supported"), ("VILNIUS2023_2PCT_FLOOR", "threshold_pct", "supported")]
    assert claims("The 2% rule has existed since 2006.", "2019-09-09", "pledge")[0]["verdict"] == "supported"


@pytest.mark.parametrize("text", [
    "Allies are expected to put at least 2% of GDP into defence.",
    "Members are asked to spend 2% of GDP on defence.",
    "Every member is supposed to spend 2% of GDP on defence.",
])
def test_a_standing_norm_put_as_what_all_allies_are_asked_to_do_is_a_pledge_claim_not_a_count(text):
    assert [(c["type"], c["verdict"]) for c in claims(text, "2023-03-01")] == [("pledge", "supported")]


def test_an_event_of_asking_a_group_is_a_demand_not_the_norm():
    assert claims("European allies were asked to spend at least 2% on their armed forces.", "2023-03-01") == []


def test_a_plan_to_raise_a_figure_named_before_reads_without_a_gdp_tail():
    found = claims("Slovakia spent 1.6% of GDP last year. Its government has promised to lift this to 2.5%.", "2023-03-01")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found][-1] == ("SVK", 2.5, "unverifiable")


def test_a_range_is_read_at_its_ends_and_a_planned_range_is_one_plan():
    found = claims("Belgium spent between 1.1% and 1.2% of GDP in 2022.", "2023-03-01", "ally_pct_gdp")
    assert [(c["comparator"], c["value"], c["verdict"]) for c in found] == [("between", [1.1, 1.2], "supported")]
    found = claims("Belgium spent between 1.3 and 1.5 percent of GDP in 2022.", "2023-03-01", "ally_pct_gdp")
    assert [(c["comparator"], c["value"], c["verdict"]) for c in found] == [("between", [1.3, 1.5], "refuted")]
    found = claims("Belgium spends 1.1% of GDP. Spending should rise to between 1.5% and 1.8% of GDP in time.", "2023-03-01",
                   "ally_pct_gdp")
    assert [(c["value"], c["verdict"]) for c in found] == [(1.1, "refuted"), ([1.5, 1.8], "unverifiable")]


@pytest.mark.parametrize(("text", "ends"), [
    ("Canada spent 1.2 to 1.4 percent of GDP on defence in 2023.", [1.2, 1.4]),  # a bare lower end
    ("Canada spent 1.2-1.4% of GDP on defence in 2023.", [1.2, 1.4]),
    ("Canada spent anywhere from 1.2% to 1.4% of GDP on defence in 2023.", [1.2, 1.4]),
    ("Canada put 1 to 1.3 per cent of its GDP into defence in 2023.", [1.0, 1.3]),  # both ends at one decimal
])
def test_a_range_holds_the_figure_between_its_ends(text, ends):
    found = claims(text, "2024-07-01", "ally_pct_gdp")  # 2024-06: 1.31
    assert [(c["comparator"], c["value"], c["verdict"]) for c in found] == [("between", ends, "supported")]


@pytest.mark.parametrize("text", [
    "Canada's spending rose from 1.2% of GDP to 1.4% in 2023.",  # a change: two levels
    "Canada's spending rose 0.2% to 1.4% of GDP in 2023.",  # a change, then the level reached
    "Canada spent 1.2% and Norway 1.4% of GDP in 2023.",  # two figures
])
def test_a_change_or_two_figures_is_no_range(text):
    assert all(c["comparator"] != "between" for c in claims(text, "2024-07-01")), text


def test_a_range_of_dollars_or_of_allies_is_judged_at_both_ends():
    usd = claims("Germany spent between $65 billion and $75 billion on defence in 2023.", "2024-07-01", "spending_usd")
    assert [(c["value"], c["verdict"]) for c in usd] == [([65.0, 75.0], "supported")]  # 2024-06: 73.1
    count = claims("Between 20 and 25 allies meet the 2% target this year.", "2024-07-01", "count_at_threshold")
    assert [(c["value"], c["verdict"]) for c in count] == [([20.0, 25.0], "supported")]  # 2024-06: 23


def test_a_deadline_given_with_till_for_the_pledge_just_named():
    text = "Allies agreed in The Hague to reach 3.5% of GDP. Members get till {} to hit it."
    assert [c["verdict"] for c in claims(text.format(2035), "2025-09-01", "pledge")] == ["supported", "supported"]
    assert [c["verdict"] for c in claims(text.format(2032), "2025-09-01", "pledge")] == ["supported", "refuted"]


@pytest.mark.parametrize("text", [
    "Europe would have had $90bn more for defence if all of the 29 members had spent 2% of GDP.",
    "If ten more allies had reached 2% of GDP, the gap would have closed.",
    "The allies would have had $90 billion more, had they spent 2%.",
])
def test_a_counterfactual_count_or_sum_is_no_claim(text):
    assert [c for c in claims(text, "2019-03-04") if c["type"] != "member_count"] == []


@pytest.mark.parametrize("text, verdict", [
    ("Seventeen allies were failing to reach the 2% guideline in 2023, a campaign ad said.", "refuted"),
    ("Germany had spent 1.5% of GDP in 2023.", "refuted"),
])
def test_an_inverted_condition_opens_its_clause_and_a_past_perfect_is_none(text, verdict):
    assert [c["verdict"] for c in claims(text, "2024-03-04")] == [verdict]


def test_a_norm_stated_beside_a_named_ally_is_the_norm_and_an_allys_own_norm_is_its_plan():
    found = claims("The goal is 2% but the US president wants 5%.", "2024-03-04")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("pledge", 2.0, "supported")]
    found = claims("NATO's target is 2% of GDP, and Germany spends 1.6%.", "2024-03-04")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("pledge", 2.0, "supported"),
                                                                     ("ally_pct_gdp", 1.6, "supported")]
    for text, ally in (("Germany's goal is 3.5% of GDP by 2029.", "DEU"),
                       ("Our commitment is 2% of GDP, the Spanish minister said.", "ESP")):
        assert [(c["subject"], c["verdict"]) for c in claims(text, "2024-03-04")] == [(ally, "unverifiable")]


@pytest.mark.parametrize("text", ["Italy cannot reach 2% of GDP in time.", "Spain can't afford 2% of GDP, the premier said."])
def test_a_forecast_of_failure_is_an_unverifiable_plan_not_a_stated_figure(text):
    assert [c["verdict"] for c in claims(text, "2024-03-04", "ally_pct_gdp")] == ["unverifiable"]


def test_a_former_level_named_alone_is_the_target_before_the_one_in_force():
    found = claims("The new goal replaces the former 2% threshold.", "2025-09-04", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found] == [("VILNIUS2023_2PCT_FLOOR", "supported")]
    assert claims("The old 3% growth target was dropped.", "2025-09-04", "pledge") == []


def test_a_plan_word_used_as_a_noun_makes_no_plan_and_a_negation_reaches_across_it():
    text = "Spain, like several allies, still hasn't met NATO's pledge to spend 2% of GDP on its forces."
    found = claims(text, "2018-07-10", "ally_pct_gdp")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("ESP", "lt", "supported")]
    assert claims("Germany plans to spend 1.5% of GDP.", "2018-07-10", "ally_pct_gdp")[0]["verdict"] == "unverifiable"


def test_all_the_parties_asked_to_spend_is_the_norm():
    found = claims("All 28 NATO parties are asked to spend 2% of GDP on the military every year.", "2017-05-25",
                   "pledge")
    assert [(c["value"], c["verdict"]) for c in found] == [(2.0, "supported")]


def test_a_vow_of_the_allies_is_the_pledge_and_a_vow_of_one_ally_its_plan():
    found = claims("NATO members vowed to lift spending to 2% of GDP inside a decade.", "2017-03-01")
    assert [(c["type"], c["verdict"]) for c in found] == [("pledge", "supported")]
    found = claims("Poland vowed to lift spending to 3% of GDP.", "2017-03-01")
    assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [("ally_pct_gdp", "POL", "unverifiable")]


def test_were_after_an_abbreviation_is_no_inverted_condition():
    text = "In 2017, just five allies apart from the U.S. were estimated to spend 2 percent of GDP."
    assert governing_modality(text.lower(), 0, text.index("2 percent")) is None


def test_the_2_percent_by_2024_pledge_named_by_a_wrong_year_is_refuted_and_its_deadline_checked():
    found = claims("A 2012 decision put every ally at 2% of GDP by 2024.", "2019-03-04")
    assert [(c["type"], c["metric"], c["value"], c["verdict"]) for c in found] == [
        ("misconception", "pledge_year", 2012, "refuted"),  # (the pledge misdated: the standing myth of its origin)
        ("pledge", "deadline_year", 2024, "supported")]


def test_the_level_a_planned_change_starts_from_is_the_present_one_and_where_it_goes_the_plan():
    found = claims("Poland plans to go from 4.1% of GDP to 5% of GDP next year.", "2024-07-01", "ally_pct_gdp")
    assert [(c["value"], c["year"], c["verdict"], c["frame"]["modality"]) for c in found] == [
        (4.1, 2024, "supported", "reported"), (5.0, 2025, "unverifiable", "planned")]


def test_the_hague_parts_in_brackets_after_the_pledge_sentence():
    text = ("The 32 allies agreed in The Hague to spend 5% of GDP by 2035. The money is split between core "
            "defence (3.5 per cent) and related security (1.5 per cent).")
    found = claims(text, "2025-07-01", "pledge")
    assert [(c["subject"], c["verdict"]) for c in found][-2:] == [("HAGUE2025_3_5PCT_CORE", "supported"),
                                                                  ("HAGUE2025_1_5PCT_RELATED", "supported")]


@pytest.mark.parametrize("text, ally", [
    ("Italy falls short of the target, though Rome plans to raise spending next year.", "ITA"),
    ("Spain has not met the target, and Madrid will not do so before 2029.", "ESP"),
    ("Belgium is below the target but hopes to reach it by 2030.", "BEL"),
])
def test_a_target_met_or_missed_takes_its_year_and_plan_from_its_own_clause(text, ally):
    found = claims(text, "2024-07-01", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["comparator"], c["verdict"]) for c in found] == [(ally, 2024, "lt", "supported")]


def test_a_figure_keeps_the_present_when_only_a_later_planning_clause_names_a_year():
    found = claims("Italy spends 1.49% of GDP, though Rome plans to raise spending next year.", "2024-07-01", "ally_pct_gdp")
    assert [(c["year"], c["verdict"], c["frame"]["modality"]) for c in found] == [(2024, "supported", "reported")]
    found = claims("Poland plans to spend 4.8% of GDP next year, and the Baltic states at least 5%.", "2024-12-01",
                   "ally_pct_gdp")
    assert all(c["verdict"] == "unverifiable" for c in found)  # the elided clause shares the plan and its year


@pytest.mark.parametrize("text, modality", [
    ("NATO estimated that Spain will spend 1.3% of GDP this year.", "estimated"),
    ("Spain will spend 1.3% of GDP this year, NATO estimated.", "planned"),
])
def test_the_leftmost_plain_marker_of_the_clause_gives_the_modality_whatever_its_row(text, modality):
    # (modality.csv lists "will" before "estimated": the rows are searched one by one, the leftmost match is kept)
    found = claims(text, JULY_2024, "ally_pct_gdp")
    assert [c["frame"]["modality"] for c in found] == [modality]


def test_will_with_no_year_is_checked_against_the_current_years_estimate_once_an_edition_holds_it():
    # 2025-08 estimates 2025 (Italy 2.007, Belgium 2.001): a forecast of this year is checked, a raise is a plan
    assert verdicts("Italy will again exceed the 2% threshold, NATO's estimates indicate.", "2025-09-10") == [
        "supported"]
    assert verdicts("Belgium will just fall short of 2 per cent, NATO projects.", "2025-09-10") == ["refuted"]
    assert verdicts("Spain will increase its spending towards 3% of GDP, the prime minister said.",
                    "2025-09-10") == ["unverifiable"]
    # before any edition estimates the year, the same forecast is a plan
    assert verdicts("Italy will again exceed the 2% threshold, NATO's estimates indicate.", "2025-03-01") == [
        "unverifiable"]


@pytest.mark.parametrize("text", ["Slovakia agreed with its partners to keep its defence budget at 2.2 percent of GDP.",
                                  "Belgium has committed publicly to raising its budget to 2.5% of GDP.",
                                  "Norway decided in June to cap spending at 3.1% of GDP."])
def test_a_vow_is_a_plan_whatever_short_phrase_stands_before_its_to(text):
    assert [(c["verdict"], c["frame"]["modality"]) for c in claims(text, "2025-06-25")] == [("unverifiable", "planned")]


def test_a_demand_governs_both_ends_of_a_range_of_figures():
    for text in ("Macron called for European allies to spend 3% to 3.5% of GDP on defence.",
                 "The Nordic ministers urged the other allies to commit 4 or 5 per cent of GDP."):
        assert claims(text, "2025-03-10") == [], text


def test_a_level_said_to_suffice_for_an_obligation_is_no_figure():
    for text in ('"Portugal can fulfil its obligations with 1.6% of GDP," the minister said.',
                 "Belgium argues it could honour its commitments with about 1.5% of GDP."):
        assert claims(text, "2025-06-20") == [], text


def test_an_announced_raise_plans_a_level_but_not_a_change_and_a_dated_one_is_checked():
    # the raise "to" a level is the plan; "a 10% increase" names no level, and with a year the editions estimate
    # ("announced a gradual increase ... to 2% in 2024") the announcement is checked like "aims to reach 2% this year"
    assert [c["frame"]["modality"] for c in claims("Norway announced a 10% increase in defence spending.",
                                                   JULY_2024, "real_change")] == ["reported"]
    dated = claims("The Netherlands announced a gradual increase in defence spending to 2% of GDP in 2024.",
                   "2024-09-15", "ally_pct_gdp")
    assert [(c["year"], c["verdict"]) for c in dated] == [(2024, "supported")]
