"""A figure the text attributes to a named older edition is judged on that edition, not on the current one."""

from claims_helpers import claims

# in October 2025 the current edition is 2025-08 (Germany 2024: 2.00); 2024-06 said 2.12, 2025-04-sgar said 2.1


def _read(text: str, date: str = "2025-10-01") -> list[tuple]:
    return [(c["subject"], c["verdict"], c["edition"]) for c in claims(text, date, "ally_pct_gdp")]


def test_last_years_estimate_is_judged_on_the_edition_released_last_year():
    assert _read("Last year's estimate had put German spending in 2024 at 2.12%.") == [("DEU", "supported", "2024-06")]
    # without the named source the same figure is only out of date
    assert _read("German spending in 2024 was 2.12%.") == [("DEU", "outdated", "2025-08")]


def test_the_spring_report_is_the_secretary_generals_annual_report():
    assert _read("NATO's spring report had put Germany's 2024 figure at 2.1%.") == [("DEU", "supported", "2025-04-sgar")]
    # a figure the named edition does not hold is refuted there
    assert _read("NATO's spring report said Germany spent 2.3% in 2024.") == [("DEU", "refuted", "2025-04-sgar")]


def test_a_month_and_year_with_nato_estimated_name_that_months_edition():
    found = claims("In June 2024 NATO estimated that Poland would spend 4.12% of GDP that year.", "2025-10-01")
    assert [(c["verdict"], c["edition"]) for c in found] == [("supported", "2024-06")]
    assert "names as its source (2024-06)" in found[0]["explanation"]


def test_a_named_source_governs_only_the_figures_after_it():
    found = claims("Germany spent 2.0% of GDP in 2024. Last year's estimate had put it at 2.12%.", "2025-10-01")
    assert [(c["subject"], c["value"], c["verdict"], c["edition"]) for c in found] == [
        ("DEU", 2.0, "supported", "2025-08"), ("DEU", 2.12, "supported", "2024-06")]
    found = claims("The spring annual report said 22 allies met 2% in 2024.", "2025-10-22", "count_at_threshold")
    assert [(c["value"], c["verdict"], c["edition"]) for c in found] == [(22, "supported", "2025-04-sgar")]


def test_a_year_ago_nato_put_it_at_is_the_edition_current_a_year_before():
    assert _read("A year ago, NATO put Germany's 2024 spending at 2.12% of GDP.", "2025-09-01") == [
        ("DEU", "supported", "2024-06")]


def test_last_years_report_is_last_years_annual_report():
    found = claims("Last year's report counted 11 allies at or above 2% in 2023.", "2025-03-01", "count_at_threshold")
    assert [(c["verdict"], c["edition"]) for c in found] == [("supported", "2024-03-sgar")]


def test_a_count_dated_only_by_the_present_tense_takes_the_named_editions_latest_year():
    # the spring 2025 annual report (2025-04-sgar) covers 2024; before the loops were one, a count named by a report
    # kept the article's present year (2025), which that report does not hold, and came out unverifiable
    found = claims("NATO's spring report said 22 allies met the 2% target.", "2025-10-22", "count_at_threshold")
    assert [(c["value"], c["year"], c["verdict"], c["edition"]) for c in found] == [(22, 2024, "supported", "2025-04-sgar")]
    # the same figure with its year stated keeps that year
    found = claims("NATO's spring report said 22 allies met the 2% target in 2023.", "2025-10-22", "count_at_threshold")
    assert [c["year"] for c in found] == [2023]


def test_an_edition_named_before_the_figure_wins_over_the_time_of_the_statement():
    # the statement's time (March 2024) alone names the 2024 annual report ...
    text = "Presenting the annual report in March 2024, Stoltenberg said Germany spent 1.57% of GDP."
    assert [c["edition"] for c in claims(text, "2025-10-01", "ally_pct_gdp")] == ["2024-03-sgar"]
    # ... but the July 2023 edition named right before the figure is its source
    text = ("Presenting the annual report in March 2024, Stoltenberg said that in July 2023 NATO estimated Germany "
            "would spend 1.57% of GDP.")
    assert [(c["verdict"], c["edition"]) for c in claims(text, "2025-10-01", "ally_pct_gdp")] == [("supported", "2023-07")]
