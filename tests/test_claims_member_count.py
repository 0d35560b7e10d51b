import pytest

from claims_helpers import claims, verdicts


def test_all_n_members_is_checked_against_membership_on_the_date():
    assert verdicts("Mr. Rutte said that all 32 NATO members face the same threat.", "2025-03-26") == ["supported"]
    assert verdicts("Leaders of all 32 allies met in Brussels.", "2023-05-01") == ["refuted"]


def test_ordinal_member_counts_the_accession_day_itself():
    assert verdicts("North Macedonia became the 30th member of NATO on Friday.", "2020-03-27") == ["supported"]


def test_founding_members_are_counted_in_1949():
    found = claims("The alliance has grown from 12 founding members in 1949 to 30.", "2020-06-01")
    assert [c["value"] for c in found] == [12, 30] and {c["verdict"] for c in found} == {"supported"}


def test_conditional_future_membership_yields_nothing():
    assert claims("If Finland and Sweden complete their accession, the alliance will have 32 members.",
                  "2022-07-05") == []


def test_our_n_allies_is_not_a_member_count():
    assert claims("Every one of our 31 allies now spends at least 2 per cent.", "2026-11-12",
                  "member_count") == []


def test_member_count_evidence_names_the_latest_accessions():
    claim = claims("NATO has 32 members.", "2025-03-26", "member_count")[0]
    assert claim["verdict"] == "supported"
    assert "SWE 2024-03-07, FIN 2023-04-04" in claim["evidence"][0]["fact"]


def test_all_n_of_its_members_states_the_membership():
    found = claims("NATO says all 32 of its members are set to spend at least 2% of GDP this year, the first time "
                   "that every ally has met the benchmark it adopted in 2014.", "2025-09-01")
    assert [(c["type"], c["verdict"]) for c in found] == [("member_count", "supported"),
                                                          ("all_none_threshold", "supported")]


def test_a_hedged_or_predicated_number_of_members_is_a_count_not_the_membership():
    found = claims("Over 20 NATO members are expected to meet the 2% goal this year.", "2024-07-13")
    assert [(c["type"], c["comparator"], c["verdict"]) for c in found] == [("count_at_threshold", "gt", "supported")]
    found = claims("In 2024, 23 member countries will put 2% or more of their GDP into defence.", "2024-07-13")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("count_at_threshold", 23, "supported")]
    # the membership after "N of the": still the membership
    found = claims("Twenty-three of the alliance's 32 members look set to reach the 2% target this year.", "2024-07-13")
    assert ("member_count", 32.0, "supported") in [(c["type"], float(c["value"]), c["verdict"]) for c in found]


def test_a_bare_number_of_allies_that_will_do_something_is_no_membership():
    assert claims("In 2016, 22 NATO allies will raise their spending in real terms.", "2016-07-06", "member_count") == []
    assert [c["verdict"] for c in claims("The 28 NATO allies will meet in Warsaw.", "2016-07-06", "member_count")] == [
        "supported"]


def test_an_n_strong_alliance_states_the_membership_and_a_headline_count_does_not():
    found = claims("The minister noted that the 31-strong bloc, taken as a whole, now meets the two percent target.",
                   "2024-02-15")
    assert [(c["type"], c["subject"]) for c in found] == [("member_count", "NATO"), ("group_pct_gdp", "NATO_TOTAL")]
    assert claims("18 NATO states to hit spending target", "2024-02-15", "member_count") == []
    found = claims("Some 20 out of 31 NATO states are forecast to meet the 2% of GDP quota in 2024.",
                   "2024-02-15")
    assert [(c["type"], c["value"]) for c in found] == [("member_count", 31), ("count_at_threshold", 20)]


def test_a_past_year_figure_may_name_the_membership_on_the_date_or_in_that_year():
    # written in 2024 (NATO: 32 since March 2024) about 2021, when NATO had 30
    sentence = "Only eight of NATO's {} member states reached the goal in 2021, the alliance said."
    assert verdicts(sentence.format(32), "2024-09-10", "member_count") == ["supported"]
    assert verdicts(sentence.format(30), "2024-09-10", "member_count") == ["supported"]
    assert verdicts(sentence.format(26), "2024-09-10", "member_count") == ["refuted"]


def test_an_allys_n_allies_or_partners_are_the_members_besides_it():
    # in 2021 NATO had 30 members: France's allies are 29
    assert verdicts("Paris wants France's 29 NATO allies to share the cost.", "2021-10-01", "member_count") == ["supported"]
    assert verdicts("Paris wants France's 30 NATO allies to share the cost.", "2021-10-01", "member_count") == ["refuted"]
    assert verdicts("Canada urged its 29 fellow members to keep spending.", "2021-10-01", "member_count") == ["supported"]
    # the alliance's own membership is all of it
    assert verdicts("NATO's 30 members met in Brussels.", "2021-10-01", "member_count") == ["supported"]


def test_its_n_members_told_to_do_something_is_the_membership_not_a_count():
    found = claims("The alliance's 2014 agreement told its 28 member states to devote 2% of GDP to defence by 2024.",
                   "2016-04-01")
    assert ("member_count", 28, "supported") in [(c["type"], c["value"], c["verdict"]) for c in found]
    assert not [c for c in found if c["type"] == "count_at_threshold"]
    assert [(c["type"], c["verdict"]) for c in found if c["type"] == "pledge"] == [("pledge", "supported")]


def test_now_n_in_brackets_after_a_count_of_countries_is_the_membership_on_the_date():
    found = claims("Back in 2016, five member states (now 33) met the goal.", "2023-06-20", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(33, "refuted")]
    found = claims("By 2021, six allied countries (now 30) spent at least 2% of GDP on defence.", "2022-06-20", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(30, "supported")]


def test_a_condition_in_a_later_clause_leaves_the_membership_on_record():
    text = ("All 29 allies signed the declaration, though critics say it would have been stronger if it had named a "
            "date.")
    assert verdicts(text, "2018-07-11", "member_count") == ["supported"]
    found = claims("NATO has 29 members today; if North Macedonia joins, it will have 30.", "2019-04-04", "member_count")
    assert [c["value"] for c in found] == [29]
    assert verdicts("If Sweden and Finland both join, there will be 32 members.", "2023-02-01", "member_count") == []


def test_there_were_n_members_in_a_year_is_that_years_membership():
    found = claims("Let us look back to 2014, when there were 28 members in NATO.", "2016-03-11", "member_count")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(28, 2014, "supported")]
    assert verdicts("There are now 30 allies, after North Macedonia's entry in March.", "2020-10-01",
                    "member_count") == ["supported"]


def test_an_ordinal_member_with_a_year_is_the_membership_that_year():
    found = claims("North Macedonia became NATO's 30th member in 2020.", "2024-06-18", "member_count")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(30, 2020, "supported")]
    assert verdicts("Croatia became the 30th member in 2009.", "2024-06-18", "member_count") == ["refuted"]


def test_membership_rose_to_n_is_the_membership_on_the_date():
    assert verdicts("NATO's membership rose to 32 with Sweden's entry.", "2024-06-18", "member_count") == ["supported"]


def test_an_ordinal_place_in_a_ranking_is_a_rank_not_the_membership():
    # "the 16th member that most invests": where the ally stands by % of GDP, not the order it joined in
    found = claims("Belgium is the 25th ally that most invests in defence relative to its economy.", "2019-07-01")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("rank", 25, "refuted")]  # 26th in 2019-06
    assert claims("Belgium remains the 26th member in terms of spending as a share of GDP.", "2019-07-01",
                  "member_count") == []
    assert verdicts("Belgium remains the 26th member in terms of spending as a share of GDP.", "2019-07-01",
                    "rank") == ["supported"]
    # the order of joining stays a membership
    assert verdicts("Montenegro became the 29th member of the alliance in June.", "2017-07-01",
                    "member_count") == ["supported"]


def test_what_the_alliance_is_made_of_is_its_membership_plus_the_allies_named():
    # "an alliance between A and B and 26 other countries": 28, not a count of 26 allies at a threshold
    found = claims("NATO is an alliance between Canada and the US and 26 other European countries.", "2017-05-25")
    assert [(c["type"], c["value"], c["verdict"]) for c in found] == [("member_count", 28, "supported")]
    assert verdicts("The bloc is made up of 29 countries from Europe and North America.", "2021-06-20",
                    "member_count") == ["refuted"]  # 30 since North Macedonia
    assert verdicts("The organisation brings together thirty-one democracies.", "2023-08-01",
                    "member_count") == ["supported"]


def test_a_month_written_after_the_join_dates_the_accession():
    found = claims("Finland joined the alliance in April, ending decades of non-alignment.", "2023-09-15", "accession")
    assert [(c["value"], c["verdict"]) for c in found] == [([[2023, 4]], "supported")]
    # a month right before a year is that year's, not the date's
    assert verdicts("The newest ally, North Macedonia, was added to the organisation on 27 March 2020.", "2021-06-20",
                    "accession") == ["supported"]
    assert verdicts("Montenegro became a member in May, despite objections.", "2017-09-01", "accession") == ["refuted"]
    # a dateline's month is no time of joining
    assert claims("SKOPJE, March 27 - North Macedonia is to join soon.", "2020-03-27", "accession") == []


@pytest.mark.parametrize("text, n", [
    ("Finland is one of the 23 allies to reach 2% of GDP this year.", 23),
    ("Lithuania is among the 23 allies to meet the 2% goal.", 23),
    ("Romania is one of the 23 members to hit the two per cent mark.", 23),
    ("As one of the 23 countries to spend at least 2 percent of GDP, Poland ...", 23),
    ("Greece remains among the 23 nations that reach the guideline.", 23),
    ("Denmark is one of the 23 allies meeting the 2% floor.", 23),
])
def test_one_of_the_n_allies_meeting_a_threshold_is_a_count_not_the_membership(text, n):
    found = claims(text, "2024-07-01")
    assert "member_count" not in [c["type"] for c in found]
    assert [(c["value"], c["verdict"]) for c in found if c["type"] == "count_at_threshold"] == [(n, "supported")]


def test_one_of_the_n_allies_with_no_threshold_is_still_the_membership():
    found = claims("Finland is one of the 32 allies of NATO.", "2024-07-01", "member_count")
    assert [(c["value"], c["verdict"]) for c in found] == [(32, "supported")]


def test_a_membership_written_in_hyphenated_words_is_read():
    assert verdicts("In 2023, only eleven of the thirty-one members met the target.", "2024-02-20", "member_count") \
        == ["supported"]
    assert verdicts("All twenty-eight allies signed the declaration.", "2017-03-01", "member_count") == ["supported"]
    # a bare count before its noun stays a count ("Twenty-three NATO countries spend ...": not the membership)
    found = claims("Twenty-three NATO members now put 2% or more of GDP into their armed forces.", "2024-06-18")
    assert [(c["type"], c["value"]) for c in found] == [("count_at_threshold", 23.0)]


def test_n_of_m_countries_names_the_membership():
    found = claims("Five of twenty-eight nations met the guideline in 2015.", "2016-07-10")
    assert sorted((c["type"], c["value"], c["verdict"]) for c in found) == [
        ("count_at_threshold", 5.0, "supported"), ("member_count", 28, "supported")]
    assert verdicts("Only seven of 29 NATO nations reached 2% of GDP last year.", "2019-06-28", "member_count") \
        == ["supported"]
    # a membership NATO never had is no membership (a coalition, a small group)
    assert claims("A coalition of 12 countries joined; two of 12 countries sent ships.", "2019-06-28") == []


def test_out_of_m_before_a_verb_of_passing_names_the_membership():
    found = claims("Back in 2014, three countries out of 31 passed the 2% of GDP line.", "2024-06-25")
    assert sorted((c["type"], c["value"], c["verdict"]) for c in found) == [
        ("count_at_threshold", 3.0, "supported"), ("member_count", 31, "refuted")]
