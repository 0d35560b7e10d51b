"""A past "by YEAR" is when a figure stood, not a deadline (dates.find_times, lexicon past_point.csv), and the level a
change verb brought a figure to is a share of GDP without "of GDP" (lexicon level_reached.csv)."""

from __future__ import annotations

from burden.claims.dates import find_times
from claims_helpers import claims

DATE = "2024-09-24"  # edition 2024-06


def _read(text: str) -> list[tuple[str, float, int, str]]:
    return [(c["subject"], c["value"], c["year"], c["verdict"]) for c in claims(text, DATE, "ally_pct_gdp")]


def test_by_a_past_year_with_a_past_verb_is_a_year_not_a_deadline():
    import datetime as dt

    today = dt.date(2024, 9, 24)
    assert [t.kind for t in find_times("By 2017, the share had slipped to 0.88%.", today)] == ["year"]
    assert [t.kind for t in find_times("Italy's spending rose to 1.59% by 2020.", today)] == ["year"]
    assert [t.kind for t in find_times("In 2014, Italy promised to reach 2% by 2024.", today)][-1] == "deadline"
    assert [t.kind for t in find_times("Spending will have risen to 2% by 2027.", today)] == ["deadline"]


def test_a_past_level_reached_by_a_year_is_checked():
    assert _read("By 2020, Norway's outlays had climbed to 1.97 per cent of GDP.") == [("NOR", 1.97, 2020, "supported")]
    assert _read("Poland had already passed 3% by 2023, NATO figures show.") == [("POL", 3.0, 2023, "supported")]


def test_the_level_a_change_verb_reached_needs_no_of_gdp():
    assert _read("Canada spent 1.01% of GDP in 2014. By 2017, this had risen to just 1.44%.")[-1] \
        == ("CAN", 1.44, 2017, "supported")
    assert _read("Italy spent 1.5% of GDP on defence in 2023. Its inflation fell to 5.7% that year.") \
        == [("ITA", 1.5, 2023, "supported")]


def test_the_time_between_from_and_to_belongs_to_the_level_left():
    assert _read("Sweden went from 1.2% in 2014 to 2.1% now.") == [("SWE", 2.1, 2024, "supported")]
    assert _read("Poland's defence spending rose from 1.88% of GDP in 2014 to 4.12% in 2024.") \
        == [("POL", 1.88, 2014, "supported"), ("POL", 4.12, 2024, "supported")]
