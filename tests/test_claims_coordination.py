"""A coordinated list of allies as the subject of one figure (claims/coordination.py): every ally of the list is
checked, in any joint ("and", "along with", an apposition, a relative clause), and a list that is an object
("compared with A and B, C ...") or read as a set ("A, B and C meet 2%") is not spread."""

from __future__ import annotations

from burden.claims.coordination import subject_list
from burden.claims.entities import find_entities
from burden.claims.grammar import folded
from claims_helpers import claims

DATE = "2019-07-10"  # edition 2019-06 holds 2019 estimates


def _subjects_checked(text: str, date: str = DATE) -> dict[str, str]:
    return {c["subject"]: c["verdict"] for c in claims(text, date, "ally_pct_gdp")}


def _list(text: str) -> list[str]:
    """subject_list for the first figure of `text`, from the last ally before it."""
    low = folded(text)
    start = next(i for i, ch in enumerate(text) if ch.isdigit())
    end = text.index("%", start) + 1 if "%" in text[start:] else start + 3
    entities = find_entities(text, low)
    last = [e for e in entities if e.is_ally and e.end <= start][-1]
    return subject_list(text, low, entities, last, start, end)


def test_every_ally_of_a_list_joined_by_along_with_is_checked_against_its_own_figure():
    found = _subjects_checked("Greece and Estonia, along with the Netherlands, spent under 1.5 per cent of GDP in 2019.")
    # Greece 2.24 and Estonia 2.13 are not under 1.5, the Netherlands 1.35 is: each judged on its own figure
    assert found == {"GRC": "refuted", "EST": "refuted", "NLD": "supported"}


def test_an_apposition_before_the_list_keeps_it_the_subject():
    assert set(_subjects_checked("Two founding members, Belgium and Luxembourg, spent below 1% last year.")) \
        == {"BEL", "LUX"}


def test_a_relative_clause_after_a_list_ending_in_a_dotted_name_is_no_aside():
    found = _subjects_checked("A tie followed between Hungary, Romania, and the U.K., who put 2.4% apiece toward "
                              "defense in 2023.", "2023-08-01")
    assert found == {"HUN": "supported", "ROU": "supported", "GBR": "refuted"}


def test_a_list_after_a_preposition_or_comparison_is_not_the_subject():
    assert _list("Compared with France and Germany, Poland spent about 2 per cent.") == []
    assert _list("Unlike Spain and Belgium, Estonia spent above 2 percent.") == []
    assert set(_subjects_checked("Unlike Spain and Belgium, Estonia spent above 2 percent in 2019.")) == {"EST"}


def test_a_sum_a_singular_verb_or_a_clause_break_keeps_the_figure_to_one_ally():
    assert _list("Belgium and Spain together spend 1.9% of their combined output.") == []
    assert _list("Italy and Spain lag far behind; Greece spends 2.2%.") == []
    assert _list("Spain, Portugal is at 1.4%.") == []


def test_commas_alone_join_a_list_only_in_a_headline():
    assert _list("Romania, Poland hit 2.1% in 2019") == ["ROU", "POL"]
    assert _list("After Spain, Portugal spent 1.4%.") == []


def test_a_list_meeting_a_threshold_stays_one_set_claim():
    found = claims("Belgium, Spain and Luxembourg all spend less than 1% of GDP.", DATE)
    assert [c["type"] for c in found] == ["all_none_threshold"]


def test_every_phrase_of_falling_short_or_lagging_behind_gives_each_listed_ally_a_claim():
    text = ("The guideline is 2% of GDP. Belgium and Spain fell short in 2017, with Canada, Slovenia and Luxembourg, "
            "lagging even further behind.")
    found = [c for c in claims(text, "2018-07-10") if c["type"] == "ally_pct_gdp"]
    assert sorted((c["subject"], c["comparator"], c["value"]) for c in found) == [
        (code, "lt", 2.0) for code in sorted(["BEL", "ESP", "CAN", "SVN", "LUX"])]


def test_falling_short_said_of_a_group_named_after_an_ally_is_not_the_allys():
    for text in ("Estonia hits the 2% benchmark in 2016, while most allies are still falling short.",
                 "Latvia reaches the 2% guideline in 2016, but many other members still fall short.",
                 "Even though the allies pledged to spend 2 percent of GDP, many non-US members still fall short."):
        found = claims(text, "2016-08-01")
        assert not [c for c in found if c["type"] == "ally_pct_gdp" and c["comparator"] == "lt"], text


def test_lagging_behind_an_ally_is_a_comparison_not_a_shortfall():
    found = claims("Poland is at 4.1%. Germany is lagging behind Poland.", "2024-08-01")
    assert [c["subject"] for c in found] == ["POL"]


def test_a_list_of_three_at_a_threshold_gives_each_ally_the_figure():
    short = claims("Estonia, the US, and Latvia will also spend more than 3 per cent of GDP on defence in 2024.", "2024-08-01")
    assert sorted(c["subject"] for c in short) == ["EST", "LVA", "USA"]
    assert {c["type"] for c in short} == {"ally_pct_gdp"}
