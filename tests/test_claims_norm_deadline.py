"""A deadline in a relative clause or apposition on a norm is the norm's (extract.norm_deadline): the status or figure
the sentence states is the present one, checked, not a plan for the deadline year."""

from __future__ import annotations

from claims_helpers import claims


def _read(text: str, date: str) -> list[tuple[str, str, int, str]]:
    return [(c["subject"], c["comparator"], c["year"], c["verdict"]) for c in claims(text, date, "ally_pct_gdp")]


def test_a_relative_clause_deadline_on_the_goal_leaves_the_status_in_the_present():
    assert _read("Poland already meets the new 3.5% goal, which allies agreed to reach by 2035.", "2025-09-01") \
        == [("POL", "ge", 2025, "supported")]
    assert _read("Latvia has met the 2 percent guideline, which members pledged in Wales to reach by 2024.",
                 "2019-07-10") == [("LVA", "ge", 2019, "supported")]


def test_a_goal_with_its_level_then_a_relative_clause_deadline():
    assert _read("Denmark is already meeting the goal of 3.5%, which NATO asked members to reach by 2035.",
                 "2025-09-01") == [("DNK", "ge", 2025, "refuted")]  # 3.22 in 2025


def test_an_apposition_naming_the_norm_and_its_deadline():
    assert _read("Estonia already spends more than 3.5% of GDP, the level allies must reach by 2035.", "2025-09-01") \
        == [("EST", "gt", 2025, "refuted")]  # 3.38 in 2025


def test_the_allys_own_deadline_still_makes_a_plan():
    assert _read("Belgium intends to reach 3.5% of GDP by 2035.", "2025-09-01") == [("BEL", "eq", 2035, "unverifiable")]
