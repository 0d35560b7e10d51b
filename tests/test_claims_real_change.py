import pytest

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


# --- change without a level (rules/real_change.py RealChangeRule._change): the roles of a change in its clause ---

def _read(text, date):
    return [(c["subject"], c["value"], c["comparator"], c["year"], c["verdict"]) for c in claims(text, date, "real_change")]


def test_a_direction_alone_is_the_sign_of_the_real_change():
    # 2024-06: European Allies and Canada +2.97% in 2016; Italy -0.56% in 2023
    assert _read("A real-terms rise in defence spending by European allies and Canada came in 2016.", "2024-07-15") == [
        ("NATO_EUR_CAN", 0.0, "gt", 2016, "supported")]
    assert _read("Italy cut its defence spending in real terms in 2023.", "2024-07-15") == [
        ("ITA", 0.0, "lt", 2023, "supported")]
    # "real" stated and the sign wrong: refuted; without "real" a wrong sign may be a nominal change: unverifiable
    assert _read("Italy raised its defence spending in real terms in 2023.", "2024-07-15")[0][-1] == "refuted"
    assert _read("Italy raised its defence budget in 2023.", "2024-07-15")[0][-1] == "unverifiable"


def test_a_run_of_years_checks_every_year_of_it():
    # 2024-06: European Allies and Canada rising every year 2015-2024, falling in 2014
    for text in ("Spending by European allies and Canada has now grown for ten straight years.",
                 "This is the tenth year in a row of rising defence spending among European allies and Canada.",
                 "Europe and Canada have increased their defence spending for 10 consecutive years."):
        assert _read(text, "2024-07-10") == [("NATO_EUR_CAN", 0.0, "gt", 2024, "supported")], text
    assert _read("Spending by European allies and Canada has grown for eleven straight years.", "2024-07-10")[0][-1] \
        == "unverifiable"  # 2014 fell in real terms; no "real" stated, so no refutation


def test_figures_bound_to_a_change_noun_or_comparative():
    assert _read("Germany's defence budget is due to post a 29% rise this year.", "2024-07-16") == [
        ("DEU", 29.0, "eq", 2024, "supported")]
    assert _read("Spending by Europe and Canada was up 9.3% on the year before in 2023.", "2024-07-16") == [
        ("NATO_EUR_CAN", 9.3, "eq", 2023, "supported")]
    assert _read("Defence spending by European allies and Canada was 9.3% higher in 2023 than a year earlier.",
                 "2024-07-16") == [("NATO_EUR_CAN", 9.3, "eq", 2023, "supported")]


def test_a_planned_change_is_unverifiable_and_each_listed_ally_is_its_subject():
    assert _read("Norway, Spain and Greece will each trim their defence budgets next year.", "2024-07-12") == [
        ("NOR,ESP,GRC", 0.0, "lt", 2025, "unverifiable")]
    # listed allies judged each: Italy fell and Canada rose in 2023 (2024-06), so "both cut in real terms" is refuted
    assert _read("Italy and Canada cut their defence spending in real terms in 2023.", "2024-07-12") == [
        ("ITA,CAN", 0.0, "lt", 2023, "refuted")]


def test_demands_nouns_attributes_and_undated_changes_are_no_claims():
    for text in ("Washington has long pushed allies to raise their defence spending in 2024.",
                 "Germany must raise its defence spending this year, Trump said.",
                 "Rutte welcomed the higher spending in 2024.",
                 "The rise of China in 2024 worries defence budget planners.",
                 "Sweden has raised its budget sharply too.",
                 "Allies boosted defence spending after Russia invaded Ukraine.",
                 "Poland has quickly expanded its defence spending since Russia's 2022 invasion.",
                 "In 2016 the allies made progress toward increasing their military budgets.",
                 "The number of allies spending 2% rose in 2024.",
                 "All allies increased their defence spending in real terms in 2024.",
                 "Poland's economy grew in 2023 while its defence budget stayed flat."):
        assert _read(text, "2024-07-18") == [], text


def test_a_figure_compared_with_the_year_before_is_a_change():
    # 2024-06: European Allies and Canada +9.26% in 2023, Canada +5.46% in 2024, Italy -0.56% in 2023
    assert _read("Europe's defence outlays were 9.3% above the prior year in 2023.", "2024-07-10") == [
        ("NATO_EUR_CAN", 9.3, "eq", 2023, "supported")]
    assert _read("Canada's defence spending in 2024 was 5.5% higher than a year earlier.", "2024-07-10") == [
        ("CAN", 5.5, "eq", 2024, "supported")]
    assert _read("Italy's defence budget was 0.6% below a year earlier in 2023.", "2024-07-10") == [
        ("ITA", -0.6, "eq", 2023, "supported")]
    # a share of GDP compared with last year is a level of this year, not a change
    assert _read("Poland spends 4.12% of GDP, above last year.", "2024-07-10") == []
    assert [(c["year"], c["verdict"]) for c in claims("Poland spends 4.12% of GDP, above last year.", "2024-07-10",
                                                      "ally_pct_gdp")] == [(2024, "supported")]


def test_each_year_named_and_the_spending_talked_about():
    # 2024-06: Canada +10.3% in 2023 and +5.5% in 2024 in real terms
    assert _read("Canada raised its defence spending in real terms in 2023 and 2024.", "2024-07-10") == [
        ("CAN", 0.0, "gt", 2023, "supported"), ("CAN", 0.0, "gt", 2024, "supported")]
    assert _read("Canada's budget had shrunk for years. That spending went up in real terms in 2023.", "2024-07-10") == [
        ("CAN", 0.0, "gt", 2023, "supported")]
    # no ally named and no spending pointed back to: no subject, no claim
    assert _read("Budgets went up in 2023.", "2024-07-10") == []


def test_a_stated_growth_figure_without_real_is_judged_against_the_real_change():
    # 2024-06: the alliance +10.88% in 2024, European Allies and Canada +3.73% in 2022; the only change NATO publishes
    # for them is the real one, so a figure that does not match it is refuted, as the labelled real sets read "allies
    # will raise spending by 18%"
    assert _read("NATO allies will augment their defence spending by 8 per cent this year.", "2024-07-15") == [
        ("NATO_TOTAL", 8.0, "eq", 2024, "refuted")]
    assert _read("Military spending by European allies and Canada swelled by 12% in 2022.", "2024-07-15") == [
        ("NATO_EUR_CAN", 12.0, "eq", 2022, "refuted")]
    # one ally's budget is often quoted in nominal terms: a mismatch is unverifiable (Spain +19.47% in 2022)
    assert _read("Spain's military spending swelled by 12% in 2022.", "2024-07-15") == [
        ("ESP", 12.0, "eq", 2022, "unverifiable")]
    assert _read("Spain's military spending swelled by 12% in real terms in 2022.", "2024-07-15")[0][-1] == "refuted"
    # (a direction alone that the real change contradicts stays unverifiable: a nominal rise may be meant)
    assert _read("The United States cut its defence budget in 2023.", "2024-07-15")[0][-1] == "unverifiable"


def test_the_change_verb_with_its_object_before_the_figure_is_growth_not_a_share_of_gdp():
    # 2024-06: France +5.02% in real terms in 2023 (its % of GDP was 1.96)
    assert _read("France boosts defence spending 5% in 2023", "2024-07-15") == [("FRA", 5.0, "eq", 2023, "supported")]
    assert claims("France boosts defence spending 5% in 2023", "2024-07-15", "ally_pct_gdp") == []


def test_several_years_in_a_comment_clause_leave_the_first_clauses_figure_a_yearly_change():
    # 2017-06: European Allies and Canada +4.3% in 2017; "almost five" needs 4.5-5.0
    text = ("The report finds that in 2017 European allies and Canada raised defence outlays by almost five per cent, "
            "meaning growth has now lasted three straight years since 2014.")
    assert _read(text, "2018-03-19")[0] == ("NATO_EUR_CAN", 5.0, "nearly", 2017, "refuted")
    # but a span of years in the figure's own clause is no one year's change
    assert _read("Since 2014, Germany has increased its defence spending by 40 per cent.", "2024-07-15") == []


def test_what_moves_before_the_change_word_must_be_spending():
    assert _read("Italian output rose 0.4% while spending on the armed forces climbed, and Spanish exports fell 2.1%.",
                 "2024-07-15") == []
    assert _read("In 2021, military spending around the world grew 0.7% to $2.1 trillion, researchers said.",
                 "2022-04-25") == []


def test_a_change_compared_to_the_previous_year_is_the_change_of_the_year_spoken_of():
    # 2024-06: Türkiye +44.09% in real terms in 2024 (the base year, 2023, is not the change's year)
    found = _read("Turkey recorded a 44 percent rise in defence spending compared to the previous year.", "2024-06-20")
    assert found == [("TUR", 44.0, "eq", 2024, "supported")]


def test_a_run_beside_a_change_figure_is_no_claim_of_its_own():
    # (the figure's claim covers the run's last year, as real sets 22-24 label it)
    found = _read("Defence spending by European allies and Canada grew by 9.3% in 2023, the ninth straight year of growth.",
                  "2024-07-15")
    assert found == [("NATO_EUR_CAN", 9.3, "eq", 2023, "supported")]


def test_a_run_takes_its_direction_from_its_own_change_word_and_ends_before_a_later_clause():
    assert _read("After years of cuts in defence spending, European allies and Canada have now posted ten straight "
                 "years of increases.", "2024-07-15") == [("NATO_EUR_CAN", 0.0, "gt", 2024, "supported")]
    assert _read("Defence spending by European allies and Canada rose for the tenth year in a row in 2024 as Poland "
                 "reached 4.1% of GDP.", "2024-07-15") == [("NATO_EUR_CAN", 0.0, "gt", 2024, "supported")]
    assert _read("Over the past decade, spending by European allies and Canada has climbed consistently.",
                 "2024-07-15") == [("NATO_EUR_CAN", 0.0, "gt", 2024, "supported")]


def test_forecasts_and_comparatives_of_a_year_without_a_figure():
    # 2024-06: NATO total -1.83% in 2022, Norway +24.4% in 2023
    assert _read("Allied defence spending as a whole was lower in 2022 than a year earlier.", "2024-07-15") == [
        ("NATO_TOTAL", 0.0, "lt", 2022, "supported")]
    assert _read("Norway's defence budget was higher in 2023 than in 2022, officials said.", "2024-07-15") == [
        ("NOR", 0.0, "gt", 2023, "supported")]
    assert _read("Spending in most European countries went up, but the alliance-wide total fell in 2022.",
                 "2024-07-15") == [("NATO_TOTAL", 0.0, "lt", 2022, "supported")]
    assert _read("Spain, Italy and Portugal are all set to raise defence spending next year.", "2024-07-15") == [
        ("ESP,ITA,PRT", 0.0, "gt", 2025, "unverifiable")]
    # (a comparative with no year compared is no change: "higher spending" is an attribute)
    assert _read("Norway wants higher spending than its neighbours.", "2024-07-15") == []


def test_a_figure_compared_with_a_growth_figure_is_a_change_of_its_own_year():
    # 2024-06: Italy +0.12% in 2024 and -0.56% in 2023; the Netherlands +24.25% in 2024 and +15.74% in 2023
    assert _read("Italy's military outlays inched up 0.1 percent in 2024, against a 0.6 percent decline in 2023.",
                 "2024-07-15") == [("ITA", 0.1, "eq", 2024, "supported"), ("ITA", -0.6, "eq", 2023, "supported")]
    assert _read("Spending by the Netherlands jumped 24% in 2024 after a 16% rise a year earlier.", "2024-07-15") == [
        ("NLD", 24.0, "eq", 2024, "supported"), ("NLD", 16.0, "eq", 2023, "supported")]
    # which year each of "4% and 3%, respectively, in the two years before" is for is not said surely: no year
    found = _read("Outlays of European allies and Canada will increase 18% this year versus 9% in 2023 and 4% and 3%, "
                  "respectively, in the two years before.", "2024-07-15")
    assert [f[1:4] for f in found] == [(18.0, "eq", 2024), (9.0, "eq", 2023), (4.0, "eq", None), (3.0, "eq", None)]
    assert [f[-1] for f in found[2:]] == ["unverifiable", "unverifiable"]
    # figures joined right away share the span of years after them: no one year's change
    assert _read("Norway's defence budget grew by 22% and 24% over the last two years.", "2024-07-15") == []


def test_the_real_change_named_as_a_noun_and_a_written_minus_sign():
    # 2024-06: Germany +8.84% in 2023, Italy -0.56%
    assert _read("The real-terms change for Germany was 8.8% in 2023, the ministry said.", "2024-07-15") == [
        ("DEU", 8.8, "eq", 2023, "supported")]
    assert _read("A real change of -0.6% was recorded for Italy in 2023.", "2024-07-15") == [
        ("ITA", -0.6, "eq", 2023, "supported")]
    assert _read("Italy's spending fell by -0.6% in real terms in 2023.", "2024-07-15") == [
        ("ITA", -0.6, "eq", 2023, "supported")]


def test_a_change_counted_from_last_year_is_this_years_change():
    # 2024-06: European Allies and Canada +17.95% in 2024, +9.26% in 2023
    assert _read("European allies' defence budgets have increased by 18% since last year.", "2024-07-15") == [
        ("NATO_EUR_CAN", 18.0, "eq", 2024, "supported")]
    assert _read("France's spending rose 6% on 2023, officials said.", "2024-07-15") == [
        ("FRA", 6.0, "eq", 2024, "supported")]
    # (a change in a year named, "over" the year before: that year's)
    assert _read("In 2023, Canadian outlays rose 10% over 2022.", "2024-07-15") == [("CAN", 10.0, "eq", 2023, "supported")]


def test_growth_as_a_fraction_in_words_and_more_change_verbs():
    # 2024-06: Poland +30.07% in 2024, Germany +29.45%
    found = _read("Poland's defence outlays have soared by nearly a third in 2024.", "2024-07-15")
    assert [(f[0], round(f[1], 1), f[2], f[3], f[4]) for f in found] == [("POL", 33.3, "nearly", 2024, "supported")]
    assert _read("Germany has upped its military budget by roughly 29 per cent.", "2024-07-15") == [
        ("DEU", 29.0, "approx", 2024, "supported")]
    assert _read("Canadian military spending grew by a quarter over five years.", "2024-07-15") == []


def test_a_change_every_year_since_a_year_up_to_now():
    # 2024-06: European Allies and Canada rising every year 2015-2024
    for text in ("Defence budgets across Europe and Canada have grown every year since 2015.",
                 "Since 2014, European allies and Canada have increased their spending each year.",
                 "Spending by European allies and Canada has been rising since 2015."):
        assert _read(text, "2024-07-15") == [("NATO_EUR_CAN", 0.0, "gt", 2024, "supported")], text
    # (a past run, "fell every year since 2010 until a recovery began": not up to now)
    assert _read("Canadian defence spending fell every year since 2010 until a recovery began in 2015.", "2024-07-15") == []


def test_spending_more_or_less_than_in_a_year_before_is_the_direction():
    assert _read("European allies and Canada spent more on defence in 2023 than in 2022.", "2024-07-15") == [
        ("NATO_EUR_CAN", 0.0, "gt", 2023, "supported")]
    assert _read("Italy spent less on its military in 2023 than a year earlier.", "2024-07-15") == [
        ("ITA", 0.0, "lt", 2023, "supported")]
    assert _read("Poland spends more on defence than Germany.", "2024-07-15") == []
    assert _read("In 2023, 25 allies spent more on major equipment than the year before.", "2024-07-15") == []


def test_a_change_of_spending_with_no_subject_is_unverifiable_not_a_share_of_gdp():
    found = claims("Canada's budget is under review. Last year alone saw an 11% surge in defence spending.", "2024-03-11")
    assert [(c["type"], c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("real_change", None, 11.0, "unverifiable")]
    assert "not said" in found[0]["explanation"]


def test_a_negated_change_is_the_other_side_of_zero_and_a_negated_figure_is_no_claim():
    # 2024-06: Italy -0.56% in 2023, Norway +24.4% in 2023, Spain +19.47% in 2022
    assert _read("Italy did not increase its defence spending in 2023.", "2024-07-15") == [
        ("ITA", 0.0, "le", 2023, "supported")]
    assert _read("Norway never cut its defence budget in 2023.", "2024-07-15") == [("NOR", 0.0, "ge", 2023, "supported")]
    assert _read("Spain failed to raise its defence budget in real terms in 2022.", "2024-07-15") == [
        ("ESP", 0.0, "le", 2022, "refuted")]
    assert _read("Canada did not raise defence spending by 8% this year.", "2024-07-15") == []


def test_the_allies_spending_named_by_an_adjective_or_as_europes_allies():
    # 2024-06: the alliance +10.88% in 2024, European Allies and Canada +17.95%
    assert _read("Allied defence budgets grew 11 percent in 2024, NATO said.", "2024-07-15") == [
        ("NATO_TOTAL", 11.0, "eq", 2024, "supported")]
    assert _read("Europe's allies have raised their spending by some 18 per cent in a single year.", "2024-07-15") == [
        ("NATO_EUR_CAN", 18.0, "approx", 2024, "supported")]


def test_a_pronoun_for_the_spending_with_the_group_after_the_figure():
    # 2024-06: European Allies and Canada +9.26% in 2023
    assert _read("It climbed by 9.3% among European allies and Canada in 2023, the report said.", "2024-07-15") == [
        ("NATO_EUR_CAN", 9.3, "eq", 2023, "supported")]
    assert _read("It grew by 2% among European economies.", "2024-07-15") == []


def test_a_dateline_place_is_not_whose_change_it_is():
    found = claims("BRUSSELS—NATO says defense spending by all its members combined will likely be lower this year "
                   "than in 2014.", "2015-06-22", "real_change")
    assert [(c["subject"], c["comparator"], c["year"]) for c in found] == [("NATO_TOTAL", "lt", 2015)]


def test_a_categorys_spending_is_not_the_total():
    for text in ("Canada's procurement budget rose 20% this year.", "Germany's spending on equipment jumped 50% in 2024.",
                 "European allies' equipment spending rose 30% this year."):
        assert _read(text, "2024-07-15") == [], text


def test_a_change_noun_bound_to_its_figure_is_a_change_without_a_spending_word():
    # the group read by role after "across"; 2024-06 puts European Allies and Canada at +17.9% in 2024
    found = claims("The year brought a rise of 18% across the European allies and Canada.", "2024-07-01",
                   "real_change")
    assert [(c["subject"], c["year"], c["value"], c["verdict"]) for c in found] == [
        ("NATO_EUR_CAN", 2024, 18.0, "supported")]
    # after a sentence on the alliance, nobody's spending named or a pronoun for something said before: a claim
    # with no subject, never checked; with nothing on an ally or group before, no claim (a growth figure alone)
    before = "Ministers from Spain and Portugal met in Brussels on Monday. "
    for text in ["Growth next year will be around 2.5%, the secretary general said.",
                 "Against 2022, this was an increase of 4.2 per cent."]:
        found = claims(before + text, "2024-07-01", "real_change")
        assert [(c["subject"], c["verdict"]) for c in found] == [(None, "unverifiable")], text
        assert claims(text, "2024-07-01") == [], text
    assert claims(before + "Against 2022, this was an increase of 4.2 per cent.", "2024-07-01")[0]["year"] == 2023
    for text in ["Economists expect growth of about 1.5% next year.", "The firm reported a 12% rise in orders.",
                 "Italy reported a rise of 12% in exports."]:
        assert claims(before + text, "2024-07-01") == [], text


def test_a_run_of_rises_is_read_by_its_roles_in_any_wording():
    # "N years of rising", a headline's "Nth year in row", an adverb in "has actually been rising since": a rise in
    # every year of the run, of the group named after "across / among" or before the verb
    for text, subject in [("Since 2015 we have seen four years of rising budgets across the European allies and Canada.",
                           "NATO_EUR_CAN"),
                          ("Allies boost defence budgets for fifth year in row", "NATO_TOTAL"),
                          ("Spending by Canada has actually been growing since 2016.", "CAN")]:
        found = claims(text, "2019-02-01", "real_change")
        assert [(c["subject"], c["comparator"], c["year"], c["verdict"]) for c in found] == [
            (subject, "gt", 2018, "unverifiable")], text
    # 2024-06 holds 2015-2024 for Europe and Canada, every year above zero
    assert verdicts("Defence spending by the European allies and Canada has now been rising for ten years in row.",
                    "2024-07-01") == ["supported"]
    assert claims("After years of cuts, the army has been shrinking since 2010.", "2019-02-01") == []


def test_changes_listed_with_their_own_years_and_a_change_between_two_years():
    found = claims("Spending by European allies and Canada grew 3% in 2019, 4% in 2020 and 2% in 2021.", "2021-06-15")
    assert [(c["type"], c["year"], c["verdict"]) for c in found] == [
        ("real_change", 2019, "refuted"), ("real_change", 2020, "supported"), ("real_change", 2021, "unverifiable")]
    found = claims("Allied defence outlays rose by 7.5 percent between 2018 and 2019, and by 3.5 percent in 2020.",
                   "2021-06-15")
    assert [(c["value"], c["year"]) for c in found] == [(7.5, 2019), (3.5, 2020)]
    assert [(c["value"], c["year"]) for c in claims("Canada spent 2% less in real terms from 2019 to 2020.",
                                                     "2021-05-28")] == [(-2.0, 2020)]
    # a change over many years is no one year's
    assert claims("Defence spending across European allies and Canada increased 30% from 2014 to 2023.",
                  "2024-07-01") == []


def test_changes_listed_after_a_change_figure_belong_to_the_allies_named_before_each():
    """"A's N% jump, followed by B's M and C's K": every listed value is its ally's change, in the first one's year
    and unit (a bare decimal takes its % sign); a value of something else ends the list."""
    from claims_helpers import claims

    found = claims("Slovakia's budget jumped 15.1% in real terms in 2018, followed by Hungary's 15.0 and Denmark's "
                   "14.8.", "2019-07-15", "real_change")
    assert [(c["subject"], c["value"], c["year"], c["verdict"]) for c in found] == [
        ("SVK", 15.1, 2018, "supported"), ("HUN", 15.0, 2018, "supported"), ("DNK", 14.8, 2018, "supported")]
    found = claims("Slovakia's budget jumped 15.1% in real terms in 2018, with Hungary at 1.2% of GDP.", "2019-07-15",
                   "real_change")
    assert [c["subject"] for c in found] == ["SVK"]


def test_a_run_of_years_named_before_the_change_figure_is_no_claim_of_its_own():
    from claims_helpers import claims

    found = claims("Last year was the fifth straight year of rising defence outlays by European allies and Canada, "
                   "amounting to 2.4% in real terms compared with 2021.", "2023-07-20", "real_change")
    assert [(c["subject"], c["comparator"], c["year"]) for c in found] == [("NATO_EUR_CAN", "eq", 2022)]


def test_changes_given_respectively_for_listed_years_take_one_year_each():
    from claims_helpers import claims

    found = claims("Germany's defence budget grew in real terms in 2022 and 2023 by 5.6% and 8.8% respectively.",
                   "2024-07-20", "real_change")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(5.6, 2022, "supported"), (8.8, 2023, "supported")]
    found = claims("Norway's outlays fell by 11.4 per cent and 10 per cent in real terms in 2021 and 2022, respectively.",
                   "2024-07-20", "real_change")
    assert [(c["value"], c["year"]) for c in found] == [(-11.4, 2021), (-10.0, 2022)]
    # shares of GDP given respectively are no changes
    assert claims("Greece and Italy spent 2.8% and 1.5% of GDP in 2023 and 2024 respectively.", "2024-07-20",
                  "real_change") == []


def test_an_extra_percentage_is_a_rise_not_a_share_of_gdp():
    from claims_helpers import claims

    found = claims("The Netherlands put in an extra 16 percent in 2023 compared to 2022.", "2024-07-20")
    assert [(c["type"], c["subject"], c["year"], c["verdict"]) for c in found] == [
        ("real_change", "NLD", 2023, "supported")]
    # an extra share of GDP is no change of spending
    assert claims("Germany will spend an extra 0.5% of GDP on defence.", "2024-07-20", "real_change") == []


def test_a_real_change_since_a_year_several_years_back_is_derived_over_those_years():
    from claims_helpers import claims

    found = claims("Poland has lifted its defence outlays by 214% in real terms since 2014.", "2024-07-20", "real_change")
    assert [(c["year"], c["verdict"]) for c in found] == [(2024, "supported")]
    assert any("2024 / 2014 - 1" in e.get("fact", "") for e in found[0]["evidence"])
    # one year back is the last year's change as before
    found = claims("Poland has lifted its defence outlays by 30% in real terms since 2023.", "2024-07-20", "real_change")
    assert [(c["year"], c["verdict"]) for c in found] == [(2024, "supported")]


def test_growth_as_the_subject_of_a_figure_is_a_change_not_a_share_of_gdp():
    # (read as a share of GDP, 2.1% would have been judged against Canada's 2022 level and refuted)
    text = "Canada's defence budget rose in 2023, while its growth rate had been 2.1% in 2022."
    found = claims(text, "2024-09-02")
    assert [(c["type"], c["subject"], c["value"], c["year"]) for c in found if c["value"] == 2.1] \
        == [("real_change", "CAN", 2.1, 2022)]


@pytest.mark.parametrize("text", [
    "GDP growth in Hungary reached 2.9% last year even as defence spending soared.",  # another thing that grows
    "Growth in defence spending has pushed Latvia to 3.1% of GDP.",  # a level of GDP
])
def test_growth_beside_a_figure_of_something_else_is_no_change_of_spending(text):
    assert not any(c["type"] == "real_change" and c["value"] in (2.9, 3.1) for c in claims(text, "2024-09-02"))


@pytest.mark.parametrize("text", [
    "Denmark's defence spending in 2022 came in at 1.4% of GDP.",
    "Denmark's outlays in 2022 came in lower than planned.",
])
def test_a_figure_that_came_in_at_a_level_is_no_accession(text):
    assert not any(c["type"] == "accession" for c in claims(text, "2024-09-02"))


def test_the_federal_republic_is_germany_not_the_group_talked_about_before():
    text = ("European allies and Canada raised spending by 3.9% in real terms in 2020. "
            "The Federal Republic even lifted its budget by 8 percent.")
    found = claims(text, "2021-03-20", "real_change")
    assert [c["subject"] for c in found] == ["NATO_EUR_CAN", "DEU"]


@pytest.mark.parametrize("text", [
    "Spending by European allies and Canada has risen steadily for the past seven years.",
    "Defence outlays of European allies and Canada have continued to grow for the past seven years.",
])
def test_a_rise_for_the_past_n_years_is_judged_on_every_year_of_the_run(text):
    # the 2024-06 series for 2018-2024 is all rises; judged on its worst year, not on 2024 alone
    found = claims(text, "2024-09-02", "real_change")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", "gt", "supported")]
    assert found[0]["explanation"] != claims("Defence outlays of European allies and Canada grew in 2024.", "2024-09-02",
                                             "real_change")[0]["explanation"]


def test_a_change_over_the_past_years_is_over_those_years_and_never_refuted_without_real_terms():
    # 2024-06 US$ at constant prices: Lithuania 2014-2024 far more than 120%, so not refuted, unverifiable
    found = claims("Lithuania boosted its defence budget by 120 percent over the past decade.", "2024-09-02",
                   "real_change")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("LTU", 2024, "unverifiable")]
    assert "2014-2024" in found[0]["explanation"]


@pytest.mark.parametrize("text", [
    "Estonia spends 2% of GDP. China, by contrast, lifted its military outlays by almost 70 per cent in the last ten years.",
    "Estonia spends 2% of GDP. Iran raised its military budget by 25% in 2013.",
])
def test_a_change_of_a_country_outside_the_alliance_is_never_an_allys(text):
    assert claims(text, "2014-03-26", "real_change") == []


def test_a_country_outside_the_alliance_after_a_preposition_is_no_subject():
    text = 'Spurred on by Russia\'s invasion, last year saw an "unprecedented rise" of 11 percent in spending by ' \
           "European members and Canada."
    assert [c["subject"] for c in claims(text, "2024-02-20", "real_change")] == ["NATO_EUR_CAN"]


@pytest.mark.parametrize("text", [
    "The Slovak opposition has raised concerns about how the defence budget was spent in 2023.",
    "Parliament raised questions over military spending during 2023.",
    "The minister lifted hopes of higher defence spending in 2023.",
    "Auditors raised the alarm over Romania's defence outlays in 2023.",
])
def test_a_change_verb_whose_object_is_no_spending_is_no_change(text):
    assert claims(text, "2024-09-02", "real_change") == []


@pytest.mark.parametrize("text", [
    "Spain's procurement outlay rose 20% in 2023.",  # (the singular "outlay" as well as "outlays")
    "Poland's equipment budget jumped 35% in 2023.",
    "Norway's outlay on equipment climbed 18% in 2023.",
])
def test_the_change_of_one_category_of_spending_is_not_the_allys_total_change(text):
    assert claims(text, "2024-07-01", "real_change") == []


def test_a_first_rise_in_a_span_is_checked_against_the_years_between():
    # 2024-06: NATO_TOTAL 2016 +1.96, 2017 -1.03, 2018 +2.82 (real terms)
    found = claims("The alliance's defence outlays grew in 2018 for the first time since 2016.", "2024-09-02", "real_change")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("NATO_TOTAL", 2018, "supported")]
    # four years back: 2016 rose as well, so 2018's rise was not the first
    found = claims("The alliance's defence outlays grew in 2018 for the first time in four years.", "2024-09-02", "real_change")
    assert [(c["year"], c["verdict"]) for c in found] == [(2018, "refuted")]


@pytest.mark.parametrize("text, verdict", [
    ("In 2022 there was a slight dip in total NATO defence spending.", None),  # (a dip is no change word)
    ("In 2022 there was a slight decrease in total NATO defence spending.", "supported"),
    ("Two years ago we saw a modest fall in outlays by European allies and Canada.", "refuted"),
])
def test_a_change_noun_said_to_have_happened_is_a_direction(text, verdict):
    found = claims(text, "2024-09-02", "real_change")
    assert [c["verdict"] for c in found] == ([] if verdict is None else [verdict])
