from claims_helpers import claims, verdicts


def test_real_growth_of_a_group():
    assert verdicts("Spending by the European allies and Canada is set to grow by 15.9% in real terms this year.",
                    "2025-08-29") == ["supported"]


def test_fraction_with_hedge_and_every_year_since():
    assert verdicts("German defence spending jumped by nearly a quarter in real terms last year.",
                    "2025-10-14") == ["supported"]
    assert verdicts("Spending by the European allies and Canada has risen in real terms in every year since 2014.",
                    "2024-11-20") == ["supported"]


def test_europes_real_change_is_the_published_europe_and_canada_figure():
    # NATO publishes no real change for Europe alone; 2024-06: European Allies and Canada +17.9% in 2024
    found = claims("Europe's defence spending rose 18% in real terms this year.", "2024-07-01", "real_change")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", "supported")]


def test_a_quoted_rise_is_still_growth_of_spending():
    found = claims('Last year saw an "unprecedented rise" of 11 percent in spending by European members and Canada.',
                   "2024-02-15", "real_change")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", 2023, "unverifiable")]


def test_spending_x_percent_more_is_growth():
    # 2025-08: European Allies and Canada +18.6% in real terms in 2024
    found = claims("European allies and Canada spent almost 19% more on defence in 2024 than the year before.",
                   "2025-09-01", "real_change")
    assert [(c["subject"], c["year"], c["comparator"], c["verdict"]) for c in found] == [
        ("NATO_EUR_CAN", 2024, "nearly", "supported")]
    # a growth word without spending is no defence growth
    assert claims("Poland's economy grew by 3% in 2024.", "2025-09-01", "real_change") == []


def test_allies_across_europe_and_canada_are_that_group():
    found = claims("Across Europe and Canada, allies are raising spending by 18 percent this year.", "2024-06-18",
                   "real_change")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", "supported")]


def test_growth_figure_right_after_the_verb_is_a_change():
    found = claims("Defence spending by European allies and Canada climbed 2.7% in 2020.", "2021-06-12", "real_change")
    assert [(c["subject"], c["value"], c["year"]) for c in found] == [("NATO_EUR_CAN", 2.7, 2020)]


def test_the_alliances_own_spending_is_the_subject_not_a_source():
    found = claims("NATO's combined military spending rose 3.5% in 2020.", "2021-06-12", "real_change")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_TOTAL", "supported")]


def test_a_part_of_a_budget_is_no_growth():
    assert claims("Italy will increase 2% of its budget for cyber defence.", "2024-06-18", "real_change") == []


def test_a_later_clause_of_what_may_come_does_not_take_the_earlier_clauses_past_year():
    found = claims("Allied defence spending as a whole rose by 3.5% in 2020, and it may increase by 4.1%.",
                   "2021-06-12", "real_change")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(3.5, 2020, "supported"), (4.1, 2021, "supported")]
