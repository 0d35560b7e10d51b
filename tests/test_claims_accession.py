from claims_helpers import claims, verdicts


def test_wrong_accession_year_is_refuted():
    assert verdicts("Sweden, which joined the alliance in 2023, has raised its budget.", "2025-10-14",
                    "accession") == ["refuted"]


def test_several_allies_paired_with_their_years():
    assert verdicts("The newest members, Montenegro and North Macedonia, joined in 2017 and 2020.", "2022-07-05",
                    "accession") == ["supported"]


def test_relative_month_resolves_against_the_date():
    assert verdicts("Finland joined last April.", "2024-03-07", "accession") == ["supported"]


def test_first_since_is_refuted_when_another_ally_joined_in_between():
    assert verdicts("It was the first enlargement since North Macedonia joined in 2020.", "2024-03-07",
                    "accession") == ["refuted"]


def test_a_membership_start_is_the_accession_year_for_an_ally_or_a_set_named_before():
    assert verdicts("Poland has been a NATO member since 1999.", "2019-05-02") == ["supported"]
    assert verdicts("Finland has been a member of NATO since 2023.", "2025-02-01") == ["supported"]
    assert verdicts("Albania has been an alliance member since 2010, a diplomat said.", "2021-03-01") == ["refuted"]
    found = claims("Estonia, Latvia and Lithuania all border Russia. All three nations have been NATO members since 2004.",
                   "2022-12-12")
    assert [(c["subject"], c["verdict"]) for c in found] == [("EST,LVA,LTU", "supported")]


def test_joining_earlier_this_year_is_this_years_accession():
    assert verdicts("Sweden was admitted to the alliance earlier this year, the minister noted.",
                    "2024-06-18") == ["supported"]
    assert verdicts("Sweden was admitted to the alliance earlier this year, the minister noted.",
                    "2025-06-18") == ["refuted"]


def test_the_newest_member_since_a_year_and_a_passive_joined_by_are_no_accession():
    assert verdicts("Montenegro, the newest member since 2017, still spends little on its army.", "2020-02-01") == []
    assert verdicts("The Baltic states were joined by Poland this year in pressing the alliance for more troops.",
                    "2018-09-01", "accession") == []


def test_an_application_to_join_in_a_month_is_no_accession():
    for text in ("Finland and Sweden applied to join in May, while the ratifications went on.",
                 "Stockholm is seeking to join in June, the foreign minister said.",
                 "Both Nordic states bid to join in May 2022."):
        assert claims(text, "2022-11-15", "accession") == []
    assert verdicts("Finland joined in April 2023, after a fast ratification.", "2023-06-01", "accession") == ["supported"]
