"""The role of a number next to the membership: "N of the bloc's M members", "N allies out of M", "the M-strong
club", "more than N allies" (a count, never the membership), and a summit's year that dates no figure."""

from claims_helpers import claims


def _read(text: str, date: str) -> list[tuple[str, float, str | None]]:
    return [(c["type"], c["value"], c["comparator"]) for c in claims(text, date)
            if c["type"] in ("member_count", "count_at_threshold")]


def test_n_of_the_bodys_m_members_is_a_count_and_a_membership():
    found = _read("Only seven of the military bloc's 29 members will reach the 2 per cent target this year.",
                  "2019-07-01")
    assert ("count_at_threshold", 7, "eq") in found and ("member_count", 29, "eq") in found
    assert len(found) == 2


def test_n_of_its_m_member_states_below_the_guideline_keeps_the_membership():
    found = _read("NATO data show that 19 of its 30 member states will fall short of the 2% guideline this year.",
                  "2021-06-20")
    assert sorted(found) == [("count_at_threshold", 19, "eq"), ("member_count", 30, "eq")]


def test_n_allies_out_of_m_reads_m_as_the_membership():
    found = claims("A record 11 allies out of 31 are at the 2% guideline this year.", "2023-07-10")
    by_type = {c["type"]: c for c in found}
    assert by_type["member_count"]["value"] == 31 and by_type["member_count"]["verdict"] == "supported"
    assert by_type["count_at_threshold"]["value"] == 11


def test_a_comparative_count_of_allies_is_not_the_membership():
    for text in ("More than 12 NATO members will meet the 2% goal this year.",
                 "Over 12 NATO allies to spend at least 2% of GDP this year, says the secretary general."):
        found = _read(text, "2022-06-30")
        assert found == [("count_at_threshold", 12, "gt")], text


def test_allies_raising_spending_are_not_the_membership():  # (a count of real rises: below)
    assert claims("In 2016, 20 NATO allies will increase spending in real terms.", "2016-07-05",
                  "member_count") == []
    # with a determiner it is the whole membership that raises spending
    found = claims("The 28 allies will raise spending this year.", "2016-07-05", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(28, "supported")]


def test_size_adjectives_name_the_membership():
    for text in ("The remarks threw the 29-nation pact into an emergency session.",
                 "Ten countries in the 29-strong club are expected to hit the mark.",
                 "Leaders of the 29-member alliance met in Brussels."):
        found = claims(text, "2018-07-20", "member_count")
        assert [(c["value"], c["verdict"]) for c in found] == [(29, "supported")], text


def test_the_alliances_m_heads_of_government_with_a_curly_apostrophe():
    found = claims("The alliance’s 30 heads of government gathered in Madrid on Wednesday.", "2022-06-29",
                   "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(30, "supported")]


def test_the_year_of_the_summit_that_agreed_a_standard_dates_neither_count_nor_membership():
    found = claims("Just six out of the 29 allies will meet the spending standard that was agreed at the 2014 summit.",
                   "2017-07-01")
    assert {(c["type"], c["year"], c["verdict"]) for c in found} == {
        ("count_at_threshold", 2017, "supported"), ("member_count", 2017, "supported")}


def test_a_summit_year_without_an_agreement_still_dates_the_figure():
    found = claims("At the 2014 summit, only three allies met the 2% guideline.", "2016-02-01", "count_at_threshold")
    assert [c["year"] for c in found] == [2014]


def test_member_countries_other_than_an_ally_are_a_count_with_an_exclusion():
    found = claims("In 2016, only four member countries other than the United States were estimated to spend 2 percent "
                   "of their GDP on defence.", "2016-08-01")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("count_at_threshold", 4, "supported")]
    assert found[0]["frame"]["exclusions"] == ["USA"]


def test_a_change_in_us_dollars_is_no_spending_level():
    for text in ("Ottawa's new budget includes a $3 billion increase for the navy.",
                 "Allies will raise spending by about 4 percent, or $9 billion, this year, officials said.",
                 "Canada spent $2 billion more than planned."):
        assert claims(text, "2024-07-05", "spending_usd") == [], text
    assert [c["value"] for c in claims("Canada spent $30.5 billion on defence in 2024.", "2024-07-05",
                                       "spending_usd")] == [30.5]


def test_who_announces_that_more_allies_meet_the_target_is_not_their_subject():
    assert claims("The United States and NATO will announce that more allied countries are meeting the 2% target.",
                  "2024-07-05") == []
    said = claims("Germany said that it will spend 2.1% of GDP this year.", "2024-07-05", "ally_pct_gdp")
    assert [c["subject"] for c in said] == ["DEU"]


def test_treaty_bound_to_spend_adequately_names_no_spending_figure():
    assert claims("Allies are, at the very least, treaty-obligated to spend adequately on their armed forces.",
                  "2016-06-15") == []
    assert [c["verdict"] for c in claims("He claimed the treaty requires every member to spend 2% of GDP.",
                                         "2016-06-15", "misconception")] == ["refuted"]


def test_responsible_for_a_percentage_of_allied_spending_is_a_share():
    found = claims("Washington is responsible for about two-thirds of allied defence spending this year, and only a "
                   "handful of allies meet the alliance’s target of spending 2 percent of GDP.", "2024-07-01")
    assert [(c["type"], c["subject"]) for c in found if c["type"] != "count_at_threshold"] == [
        ("share_of_alliance", "USA")]


def test_is_paying_a_percentage_is_a_share_of_gdp():
    found = claims("Spain is paying a little under 1 percent, whereas Estonia is paying 2.1 percent.", "2018-07-20")
    assert [(c["subject"], c["value"], c["comparator"], c["verdict"]) for c in found] == [
        ("ESP", 1.0, "lt", "supported"), ("EST", 2.1, "eq", "supported")]


def test_pays_and_contributes_a_percentage_are_shares_of_gdp():
    found = claims("Germany pays about 1.2 percent, while Britain contributes 2.1 percent.", "2018-07-20")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("DEU", 1.2, "supported"),
                                                                       ("GBR", 2.1, "supported")]
    assert claims("The US pays 22 percent of NATO's common budget.", "2018-07-20", "ally_pct_gdp") == []


def test_allies_who_fall_short_on_their_spending_are_each_below_the_guideline():
    found = claims("The troops are moving to allies such as Spain and Belgium, who also fall short on their defence "
                   "spending.", "2019-07-01")
    assert sorted((c["subject"], c["value"], c["comparator"], c["year"]) for c in found) == [
        ("BEL", 2.0, "lt", 2019), ("ESP", 2.0, "lt", 2019)]


def test_slipped_below_takes_the_threshold_of_the_sentence_before():
    found = claims("Only five allies reach the 2% guideline in 2018, NATO says. Its estimates show Poland has slipped "
                   "below.", "2018-07-20", "ally_pct_gdp")
    assert [(c["subject"], c["value"], c["comparator"], c["verdict"]) for c in found] == [
        ("POL", 2.0, "lt", "supported")]


def test_falling_short_of_something_else_is_no_spending_claim():
    assert claims("Germany's growth fell short.", "2019-07-01") == []
    assert claims("Romania has not fallen below.", "2019-07-01") == []


def test_allies_raising_spending_in_real_terms_are_a_count_of_real_rises():
    found = claims("In 2023, 28 allies increased spending in real terms.", "2024-07-01")
    assert [(c["type"], c["metric"], c["value"], c["verdict"]) for c in found] == [
        ("count_at_threshold", "count(def_exp_real_change_pct>0)", 28, "supported")]
    assert [c["verdict"] for c in claims("In 2023, 25 allies increased spending in real terms.", "2024-07-01")] == [
        "refuted"]
    # no edition by the date holds the allies' real change for the year: unverifiable, and no member count
    assert [(c["type"], c["verdict"]) for c in claims("In 2016, 22 NATO allies will raise their spending in real terms.",
                                                       "2016-07-05")] == [("count_at_threshold", "unverifiable")]


def test_the_membership_named_first_then_the_count():
    found = _read("Of 28 NATO members, only five meet the 2 percent guideline this year.", "2016-07-10")
    assert sorted(found) == [("count_at_threshold", 5, "eq"), ("member_count", 28, "eq")]


def test_members_who_raised_budgets_without_real_terms_are_no_threshold_count():
    found = claims("In 2016, 21 of the alliance's 28 members lifted their military budgets, and the European allies "
                   "added about $12 billion to their defence budgets.", "2017-07-10")
    # (the dollars the group added are a change of its spending: a claim of their own, unverifiable)
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("member_count", 28, "supported"),
                                                                      ("spending_usd", 12.0, "unverifiable")]


def test_now_dates_the_membership_on_the_day_not_in_the_year_named_before():
    found = claims("Last year the alliance grew again; there are now 32 NATO countries.", "2024-07-10", "member_count")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(32, 2024, "supported")]


def test_a_total_of_n_countries_is_a_count():
    found = claims("A total of 22 countries are expected to reach the 2% target this year.", "2024-07-10")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("count_at_threshold", 22, "refuted")]


def test_the_number_of_allies_meeting_it_rose_to_n_is_a_count():
    found = claims("The number of allies meeting the 2% guideline will rise to six this year.", "2017-07-10")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("count_at_threshold", 6, "supported")]


def test_a_share_of_combined_expenditure_and_a_share_of_combined_gdp_are_two_claims():
    found = claims("This year the United States accounts for 52 percent of the allies' combined GDP and 72 percent of "
                   "combined defence expenditure.", "2017-07-10")
    assert [(c["type"], c["metric"], c["value"], c["verdict"]) for c in found] == [
        ("share_of_alliance", "share(gdp_usd, NATO_TOTAL)", 0.52, "unverifiable"),  # (no GDP in US$ for 2017 by then)
        ("share_of_alliance", "share(def_exp_usd, NATO_TOTAL)", 0.72, "supported")]


def test_n_members_comma_out_of_m_keeps_both_roles():
    found = _read("Now 19 NATO members, out of 31, meet the 2% target.", "2024-02-20")
    assert sorted(found) == [("count_at_threshold", 19, "eq"), ("member_count", 31, "eq")]


def test_n_members_strong_and_the_treaty_organisation_name_the_membership():
    for text, date, n in (("The alliance, now 31 members strong, meets in Vilnius next week.", "2023-07-04", 31),
                          ("Leaders of the 30-member North Atlantic Treaty Organization met in Madrid.", "2022-06-30", 30)):
        assert [(c["value"], c["verdict"]) for c in claims(text, date, "member_count")] == [(n, "supported")], text


def test_a_money_change_after_a_verb_of_change_is_no_level_and_its_percent_no_share_of_gdp():
    found = claims("Germany's defence budget rose $8 billion to $98 billion this year.", "2024-07-12")
    assert [(c["type"], c["value"]) for c in found] == [("spending_usd", 98)]
    for text in ("Canada's spending is up $3 billion from last year.",
                 "Ottawa will also put $2 billion in additional spending into its navy.",
                 "Outlays by the Dutch grew by $2 billion, or 9 percent, this year."):
        assert [c for c in claims(text, "2024-07-12") if c["type"] in ("spending_usd", "ally_pct_gdp")] == [], text


def test_a_gdp_figure_after_a_parenthesis_and_a_dash_is_no_defence_spending():
    assert claims("He is right that America has the largest GDP among the allies (and on the planet) — about $19 "
                  "trillion.", "2018-07-12") == []


def test_a_place_out_of_m_and_membership_brought_to_m_name_the_membership():
    found = claims("Britain spent 2.13% in 2019, while Germany's 1.36% left it 17th of 29.", "2019-07-01",
                   "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(29, "supported")]
    found = claims("Finland joined in April 2023 and Sweden last month, bringing membership to 32.", "2024-04-10",
                   "member_count")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(32, 2024, "supported")]


def test_counted_n_allies_and_out_of_a_hyphenated_number_name_the_membership():
    assert [c["value"] for c in claims("NATO counted 29 allies at the time.", "2019-07-01", "member_count")] == [29]
    assert [c["value"] for c in claims("Few members meet the target even now: eleven out of thirty-one.", "2023-07-10",
                                       "member_count")] == [31]


def test_percent_of_gdp_then_or_a_us_dollar_amount_is_the_same_spending():
    found = claims("Germany will spend 2.1 percent of GDP this year, or $98 billion.", "2024-07-12")
    assert sorted((c["type"], c["value"], c["verdict"]) for c in found) == [
        ("ally_pct_gdp", 2.1, "supported"), ("spending_usd", 98, "supported")]
    assert claims("America's economy is worth about $28 trillion.", "2024-07-12") == []


def test_the_year_a_requirement_was_agreed_dates_neither_count_nor_membership():
    found = claims("Just five of the 28 alliance members meet the spending requirement agreed upon in 2006.",
                   "2016-10-01")
    assert sorted((c["type"], c["value"], c["year"], c["verdict"]) for c in found) == [
        ("count_at_threshold", 5, 2016, "supported"), ("member_count", 28, 2016, "supported"),
        ("pledge", 2006, 2006, "supported")]  # (the requirement's making: a claim of its own, as the real sets label it)
    pledge = claims("NATO allies agreed in 2014 to spend 2 percent of GDP.", "2016-10-01", "pledge")
    assert [c["year"] for c in pledge] == [2014]  # (the pledge's own year is still read)


def test_a_set_at_a_threshold_is_not_the_membership():
    for text in ("The 23 allies at 2 percent or more include Poland.", "The 23 allies on track include Poland.",
                 "Poland is one of the 23 allies now spending 2 percent."):
        assert claims(text, "2024-07-12", "member_count") == [], text
    assert [c["value"] for c in claims("The 32 allies at the summit agreed.", "2024-07-12", "member_count")] == [32]


def test_allies_that_remain_below_take_the_threshold_of_the_sentence_before():
    found = claims("Only seven allies reach the 2% guideline this year. Italy and Spain remain well below.", "2019-07-01",
                   "ally_pct_gdp")
    assert sorted((c["subject"], c["value"], c["comparator"], c["verdict"]) for c in found) == [
        ("ESP", 2.0, "lt", "supported"), ("ITA", 2.0, "lt", "supported")]
    assert claims("Italy remains below its 2015 level.", "2019-07-01") == []


def test_a_fraction_of_the_bodys_m_members_is_a_share_of_allies_and_a_membership():
    found = claims("Roughly two-thirds of the alliance's 32 members now meet the target.", "2024-07-12")
    assert sorted((c["type"], c["value"]) for c in found) == [("count_at_threshold", 0.667), ("member_count", 32)]
    forecast = claims("Fewer than three-quarters of NATO's 32 members are on track to meet the goal in the coming years.",
                      "2024-07-12", "count_at_threshold")
    assert forecast == []  # a forecast, no share of allies today


def test_two_dozen_allies_is_a_count_of_24():
    found = claims("Nearly two dozen allies will meet the 2% target this year.", "2024-07-12")
    assert [(c["type"], c["value"], c["comparator"], c["verdict"]) for c in found] == [
        ("count_at_threshold", 24, "nearly", "supported")]


def test_finances_or_funds_a_fraction_of_what_the_allies_spend_is_a_share():
    for text in ("Washington finances about two-thirds of what the allies spend on defence.",
                 "Washington funds about two-thirds of allied defence spending."):
        found = claims(text, "2024-07-12")
        assert [(c["type"], c["subject"], c["verdict"]) for c in found] == [
            ("share_of_alliance", "USA", "supported")], text
    assert claims("Germany funds 16 percent of NATO's common budget.", "2024-07-12") == []


def test_the_then_m_allies_is_the_membership_of_that_year():
    for text in ("In 2014, only three of the then 28 allies met the 2% guideline.",
                 "In 2014, only three of NATO's then 28 members met the 2% guideline."):
        found = _read(text, "2019-07-01")
        assert sorted(found) == [("count_at_threshold", 3, "eq"), ("member_count", 28, "eq")], text


def test_out_of_m_and_a_place_of_m_without_member_nouns_are_no_membership():
    assert claims("Of the jets the allies bought, 12 out of 30 are grounded.", "2024-07-12", "member_count") == []
    assert claims("Germany ranked 12th of 30 in the survey of allies.", "2024-07-12", "member_count") == []


def test_a_record_membership_stays_a_membership():
    found = claims("The summit gathered a record 32 NATO members.", "2024-07-12", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(32, "supported")]
