"""An ally at a threshold "every year since" a year is judged in each year of the run, not in that year alone."""

from burden.claims import check_text


def _claims(text: str, day: str, kind: str) -> list[dict]:
    return [c for c in check_text(text, day)["claims"] if c["type"] == kind]


def test_a_run_of_years_is_refuted_by_its_lowest_year_even_when_the_latest_year_meets_it():
    latest_only = _claims("Poland spent at least 2% of GDP on defence in 2024.", "2024-07-15", "ally_pct_gdp")
    run = _claims("Poland has spent at least 2% of GDP on defence in every year since 2015.", "2024-07-15",
                  "ally_pct_gdp")
    assert [c["verdict"] for c in latest_only] == ["supported"]
    assert [(c["verdict"], c["year"]) for c in run] == [("refuted", 2024)]
    assert "every year 2015-2024" in run[0]["explanation"]


def test_a_run_met_in_every_year_is_supported_and_the_start_year_is_not_the_claim_year():
    run = _claims("Britain has stayed above the 2 per cent guideline each year since 2015.", "2023-07-20", "ally_pct_gdp")
    assert [(c["verdict"], c["year"]) for c in run] == [("supported", 2023)]


def test_a_run_no_edition_holds_whole_is_unverifiable_not_judged_on_its_first_year():
    run = _claims("Greece has stayed above the 2 percent goal each year since its adoption in 2006.", "2024-04-11", "ally_pct_gdp")
    assert [c["verdict"] for c in run] == ["unverifiable"] and run[0]["year"] != 2006


def test_a_count_over_every_year_since_is_no_one_years_count():
    counts = _claims("Every year since its adoption in 2006, fewer than ten allies have met the 2% guideline.",
                     "2024-07-15", "count_at_threshold")
    assert [c["verdict"] for c in counts] == ["unverifiable"]
    assert "every year since 2006" in counts[0]["explanation"]


def test_a_threshold_in_two_coordinated_years_is_a_claim_for_each_year():
    from claims_helpers import claims

    found = claims("Denmark stayed below 2% in 2019 and 2020, the report said.", "2022-07-01", "ally_pct_gdp")
    assert sorted((c["subject"], c["comparator"], c["year"]) for c in found) == [("DNK", "lt", 2019), ("DNK", "lt", 2020)]
    exact = claims("Poland spent 2.2% in 2020 and 2.3% in 2021.", "2022-07-01", "ally_pct_gdp")
    assert sorted((c["value"], c["year"]) for c in exact) == [(2.2, 2020), (2.3, 2021)]
