"""A pledge's deadline ("before 2024") never dates its making, and a norm's level written with its base ("a 2% of GDP
guideline") is no figure of the allies."""

import pytest

from burden.claims import check_text

LISTS = [
    "The Wales summit established the 2% guideline, a 20% equipment goal and a deadline to reach them before 2024.",
    "The Wales summit established: a 2% of GDP guideline for all allies, 20% of budgets on equipment, and reaching "
    "both before 2024.",
    "The Wales declaration laid down that members move towards 2% of GDP, with 20% on major equipment, before 2024.",
    "The Wales summit established that allies should spend 2% of GDP on defence before 2024.",
    "Allies promised at Wales to move towards 2% before 2024.",
]


@pytest.mark.parametrize("text", LISTS)
def test_a_deadline_after_before_is_no_year_of_making_and_the_norms_level_is_no_figure(text):
    claims = check_text(text, "2024-07-01")["claims"]
    assert not [c for c in claims if c["type"] in ("misconception", "group_pct_gdp", "ally_pct_gdp")]
    assert all(c["verdict"] == "supported" for c in claims)
    assert not [c for c in claims if c["metric"] in ("pledge_year", "adopted_year") and c["value"] == 2024]


def test_a_pledge_made_in_its_year_with_a_before_deadline_has_its_deadline_checked():
    claims = check_text("Leaders meeting in Newport set the 2 per cent goal in 2014, to be met before 2024.",
                        "2024-07-01")["claims"]
    assert [(c["metric"], c["value"], c["verdict"]) for c in claims] == [("deadline_year", 2024, "supported")]


def test_an_ally_meeting_a_norm_named_with_its_base_is_still_its_figure():
    claims = check_text("Poland already meets the 2% of GDP target.", "2025-07-01")["claims"]
    assert [(c["type"], c["subject"], c["comparator"]) for c in claims] == [("ally_pct_gdp", "POL", "ge")]


@pytest.mark.parametrize("text, date, level, written", [
    ("Members agreed at their June summit to aim for 3.5% of GDP on core defence by 2030.", "2025-09-10", 3.5, 2030),
    ("Europe's governments signed up at The Hague last summer to 5% of GDP by 2031.", "2026-02-01", 5.0, 2031),
    ("NATO leaders agreed in June 2025 to raise defence spending to 5 percent of GDP by 2032.", "2026-04-20", 5.0, 2032),
])
def test_a_wrong_deadline_comes_first_with_its_written_year_then_the_level_with_the_pledges_own(text, date, level, written):
    claims = [c for c in check_text(text, date)["claims"] if c["type"] == "pledge"]
    assert [(c["metric"], c["value"], c["verdict"], c["year"]) for c in claims] == [
        ("deadline_year", written, "refuted", written), ("threshold_pct", level, "supported", 2035)]
