from claims_helpers import verdicts


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
