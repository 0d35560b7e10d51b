"""Whose figure, and whether it is planned, read from the figure's own clause: a forecast or plan word in an earlier
clause ("..., although ...", "..., so ...", "...; ...") plans nothing of a present-tense figure after it; an ally named
inside an aside on another ally (", which ... ,", ", long criticised by ... ,") or as a passive verb's agent ("faulted
by the US for spending ...") does not own the figure; "NATO's overall ratio" is the whole alliance's aggregate.
Corpus: plan_other_clause.jsonl, aside_other_ally.jsonl, group_overall_ratio.jsonl, group_possessive_spending.jsonl."""

from __future__ import annotations

import pytest

from burden.claims import check_text


def pct_claims(text: str, date: str) -> list[tuple]:
    return [(c["subject"], c["value"], c["year"], c["verdict"]) for c in check_text(text, date)["claims"]
            if c["type"] in ("ally_pct_gdp", "group_pct_gdp")]


@pytest.mark.parametrize("text, expected", [
    ("Washington expects most allies will raise spending, although it singled out Portugal, which spends just 1.46% "
     "of GDP.", ("PRT", 1.46, 2024, "supported")),
    ("Ottawa would need billions more to reach the goal, so Canada remains at about 1.4% of GDP.",
     ("CAN", 1.4, 2024, "supported")),
    ('"We will keep pushing our partners," the envoy said; Slovenia spends 1.37% of GDP.',
     ("SVN", 1.37, 2024, "supported")),
    ("Leaders will meet again in July, though Spain devotes just 1.4% of GDP to defence.",
     ("ESP", 1.4, 2024, "refuted")),
])
def test_a_plan_word_in_an_earlier_clause_does_not_plan_the_figure(text, expected):
    assert pct_claims(text, "2025-06-10") == [expected]


def test_a_plan_word_governing_a_participle_after_while_still_plans_it():
    got = pct_claims("Rome said it could meet its targets while spending around 1.9% of GDP.", "2025-06-10")
    assert [verdict for *_, verdict in got] == ["unverifiable"]


def test_so_that_is_no_clause_of_its_own():
    got = pct_claims("Lisbon will raise its budget, so that Portugal spends 2.2% of GDP.", "2025-06-10")
    assert [verdict for *_, verdict in got] in ([], ["unverifiable"])


@pytest.mark.parametrize("text, ally", [
    ("Canada, which has long been criticised by Washington and London for missing the target, is expected to spend "
     "1.37% of GDP this year.", "CAN"),
    ("Belgium, long criticised by the US and the Netherlands for its low spending, is at 1.3% of GDP.", "BEL"),
    ("Italy, which trails France and Germany on the measure, stands at 1.49% of GDP.", "ITA"),
    ("Spain was faulted by the US for spending 1.28% of GDP.", "ESP"),
    ("Croatia, chided by NATO and Germany for devoting only 1.81% of GDP to defence, promised more.", "HRV"),
])
def test_an_ally_named_in_an_aside_or_as_an_agent_does_not_own_the_figure(text, ally):
    got = pct_claims(text, "2024-09-10")
    assert [(subject, verdict) for subject, _v, _y, verdict in got] == [(ally, "supported")]


def test_an_aside_closed_by_a_conjunction_leaves_the_next_clause_its_own_subject():
    got = pct_claims("Italy, which trails France, and Germany spends 2.12% of GDP.", "2024-09-10")
    assert [(subject, verdict) for subject, _v, _y, verdict in got] == [("DEU", "supported")]


@pytest.mark.parametrize("text", ["NATO's overall GDP ratio comes in at 2.76% this year.",
                                  "European allies and Canada raised their budgets sharply again. NATO's overall GDP "
                                  "ratio comes in at 2.76% this year.",
                                  "NATO's combined share comes to 2.76% of GDP this year."])
def test_the_alliance_s_overall_ratio_is_the_whole_alliance(text):
    assert pct_claims(text, "2025-09-05") == [("NATO_TOTAL", 2.76, 2025, "supported")]


@pytest.mark.parametrize("text, expected", [
    # the alliance's own spending or aggregate, whichever name it goes by and whichever total word: the whole alliance
    ("The bloc's aggregate average reached 2.7% of GDP in 2024.", [("NATO_TOTAL", 2.7, 2024, "supported")]),
    ("The alliance's defence spending amounts to 2.71% of GDP this year.", [("NATO_TOTAL", 2.71, 2024, "supported")]),
    ("NATO's total level stands at 2.7% of GDP this year.", [("NATO_TOTAL", 2.7, 2024, "supported")]),
    # NATO's own budget, and NATO's figures as a source: not the alliance's spending
    ("NATO's budget was raised by 12% for 2025.", []),
    ("NATO's spending data put Denmark at 2.4% of GDP in 2024.", [("DNK", 2.4, 2024, "supported")]),
])
def test_the_alliance_s_own_spending_is_the_whole_alliance(text, expected):
    assert pct_claims(text, "2024-09-10") == expected


@pytest.mark.parametrize("text, expected", [
    ("Over the past decade, Spain's average hovered around 1.1% of GDP, but it is now rising fast.",
     [("ESP", 1.1, None, "unverifiable")]),
    ("In the past Italy spent around 2% of GDP, although it is currently at 1.49%.",
     [("ITA", 2.0, None, "unverifiable"), ("ITA", 1.49, 2024, "supported")]),
    ("Estonia spends 3.43% of GDP, while Poland is at 4.12%, a share it has kept over the past two years.",
     [("EST", 3.43, 2024, "supported"), ("POL", 4.12, 2024, "supported")]),
])
def test_a_past_period_dates_only_a_figure_of_its_own_clause(text, expected):
    assert pct_claims(text, "2024-09-10") == expected


@pytest.mark.parametrize("second", [
    "While France has been joined by Estonia in reaching 2%, only ten of the 30 allies will get there this year.",
    "This year France was joined by Estonia, and just ten allies are expected to meet the guideline.",
])
def test_a_forecast_in_a_count_s_clause_does_not_plan_the_allies_joining_a_set(second):
    got = pct_claims("France meets the 2% guideline this year, NATO estimates. " + second, "2020-10-22")
    assert ("EST", 2.0, 2020, "supported") in got


def test_a_current_level_named_by_a_noun_is_today_s_figure_of_the_planning_ally():
    got = pct_claims("Italy plans to lift defence spending to 2% of GDP by 2028, the minister said. That would be a sharp "
                     "rise from the current level of 1.49 percent.", "2024-09-10")
    assert ("ITA", 1.49, 2024, "supported") in got


@pytest.mark.parametrize("text, ally, level", [
    ("Belgium, which still misses the NATO target of 2%, is at 1.3% of GDP.", "BEL", 1.3),
    ("Italy, long faulted for failing to meet the 2% goal, devotes 1.49% of GDP to defence.", "ITA", 1.49),
])
def test_a_shortfall_in_an_aside_before_the_ally_s_figure_is_a_claim_of_its_own(text, ally, level):
    assert pct_claims(text, "2024-09-10") == [(ally, 2.0, 2024, "supported"), (ally, level, 2024, "supported")]
