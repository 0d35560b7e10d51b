"""The one reader of a value written right after an ally's name in a list (claims/listed.py), and the three rules
that judge what it read: an ally's % of GDP (extract), listed real changes (rules/real_change.py) and listed shares
of allied spending (rules/share.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import check_text
from burden.claims.listed import GLUES, value_after

DATE = "2024-09-01"  # the 2024-06 edition is current: 2024 estimates


def after(text: str, name: str):
    return value_after(text, text.index(name) + len(name))


@pytest.mark.parametrize("text, name, glue, number", [
    ("Estonia (3.4%) and Latvia (3.2%)", "Estonia", "bracket", "3.4"),
    ("Romania third (2.3%), then", "Romania", "bracket", "2.3"),
    ("Slovakia: 2.02 per cent", "Slovakia", "colon", "2.02"),
    ("Denmark's 2.37% led", "Denmark", "possessive", "2.37"),
    ("Norway – 2.2%", "Norway", "dash", "2.2"),
    ("Canada with 1.37%", "Canada", "with", "1.37"),
    ("Portugal, at 1.55.", "Portugal", "at", "1.55"),
    ("Hungary down 3.1% in 2021,", "Hungary", "move", "3.1"),
    ("Croatia 1.81, Slovenia 1.35", "Croatia", "bare", "1.81"),
])
def test_each_glue_between_a_name_and_its_value_is_named(text, name, glue, number):
    lv = after(text, name)
    assert lv is not None and (lv.glue, lv.number) == (glue, number)
    assert text[lv.start:lv.end] == number


def test_what_follows_the_value_is_reported_not_required():
    ended = after("Croatia 1.81, Slovenia 1.35", "Croatia")
    running = after("Croatia 1.81 billion euros", "Croatia")
    assert ended is not None and ended.stop is not None and ended.stop.strip() == ","
    assert running is not None and running.stop is None


def test_a_value_the_allies_share_and_a_year_after_it_are_read():
    shared = after("Spain, Belgium (both with 0.93%)", "Belgium")
    assert shared is not None and shared.shared and shared.closed and shared.value == 0.93
    dated = after("Hungary down 3.1% in 2021,", "Hungary")
    assert dated is not None and dated.year == 2021 and dated.end_all == len("Hungary down 3.1% in 2021")


def test_no_number_after_the_name_reads_nothing():
    assert after("Croatia and Slovenia spent more", "Croatia") is None
    assert after("Croatia (a member since 2009)", "Croatia") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab (),:;%'’-–—.0123456789 withatupdownbotheachperc", max_size=40), st.integers(0, 40))
def test_the_reader_never_raises_and_its_number_is_the_text_it_spans(text, pos):
    lv = value_after(text, min(pos, len(text)))
    if lv is not None:
        assert lv.glue in GLUES
        assert text[lv.start:lv.end] == lv.number and float(lv.number) == lv.value
        assert lv.end <= lv.end_all <= len(text)


def claims(text: str) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["year"]) for c in check_text(text, DATE)["claims"]]


def test_bare_decimals_after_allies_in_a_gdp_list_are_each_allys_share_of_gdp():
    got = claims("Measured against GDP, last year's ranking ran Greece 3.08, Estonia 3.43 and Lithuania 2.85.")
    pct = {(c[1], c[2]) for c in got if c[0] == "ally_pct_gdp"}
    assert {("GRC", 3.08), ("EST", 3.43), ("LTU", 2.85)} <= pct


def test_a_bare_decimal_followed_by_more_words_is_no_list_value():
    got = claims("Estonia spends heavily on defence; Estonia 3.43 billion is not a figure anyone quoted.")
    assert not any(c[0] == "ally_pct_gdp" and c[2] == 3.43 for c in got)


def test_changes_listed_after_a_first_change_are_each_allys_change():
    got = claims("In real terms Hungary's defence spending rose 18.2% in 2023, followed by Romania's 12.5 and "
                 "Slovakia with 9.1%.")
    changes = {(c[1], c[2], c[3]) for c in got if c[0] == "real_change"}
    assert {("ROU", 12.5, 2023), ("SVK", 9.1, 2023)} <= changes


def test_shares_listed_after_a_first_share_are_shares_not_gdp_figures():
    got = claims("The United States accounted for 66% of allied defence spending in 2023, followed by Germany "
                 "with 7% and Britain's 6%.")
    assert not any(c[0] == "ally_pct_gdp" and c[1] in ("DEU", "GBR") for c in got)
    shares = {(c[1], c[2]) for c in got if c[0] == "share_of_alliance"}
    assert {("DEU", 0.07), ("GBR", 0.06)} <= shares


def test_a_bracket_value_shared_by_a_run_of_allies_after_a_share_is_one_claim_of_the_run():
    got = claims("America accounted for 67 pct of allied military spending in 2023, followed by Germany (6 pct), and "
                 "Portugal, Norway and Denmark (each around 1 pct).")
    shares = {(c[1], c[2]) for c in got if c[0] == "share_of_alliance"}
    assert {("DEU", 0.06), ("PRT,NOR,DNK", 0.01)} <= shares  # (each ally judged: measures/share_of_alliance.py)
    assert not any(c[0] == "ally_pct_gdp" for c in got)  # (never the last ally's % of GDP)


def test_an_approximating_word_and_a_wire_percent_sign_are_read_inside_the_bracket():
    lv = after("Belgium (roughly 1.2 pct)", "Belgium")
    assert lv is not None and (lv.approx, lv.unit, lv.number, lv.closed) == ("roughly", "pct", "1.2", True)
