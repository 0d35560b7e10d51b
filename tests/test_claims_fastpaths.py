"""The speed-ups are shortcuts, not new grammar: each must find exactly what the plain pattern finds."""

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import dates, entities, quantities
from burden.claims.grammar import folded

PIECES = ["more than", "over", "at least", "an estimated", "the", "a", "an", "even", "US$", "USD", "$", " ", "   ",
          "\t", "\n", "approx.", "nearly double", "just shy of", "fewer than", "no less than", "passes the",
          "exceeding", "moreover", "ſome", "İn", "K", "ABOUT", "already at about", "\u00a0", "2024", "1999", "by",
          "through", "the current", "year", "years ago", "May", "may", "September", "ſeptember", "over the next",
          "fifteen", "within a decade", "last", "next", "coming", "week", "2%", "per cent", "twenty-one", "seven",
          "a dozen", "32", "1,000", "4.12", ":", ",", ".", "x", "Europe and Canada", "allied spending", "NATO",
          "members", "the bloc", "European allies", "allıes", "Canada"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=14).map("".join)


def _plain_hedge(text: str, start: int) -> str:
    window = text[max(0, start - 40):start]
    return next((c for regex, c in quantities._HEDGE_RE if regex.search(window)), "eq")


@settings(max_examples=400, deadline=None)
@given(texts)
def test_hedge_read_backwards_matches_the_plain_search(text):
    for start in range(len(text) + 1):
        assert quantities.hedge_before(text, start) == _plain_hedge(text, start)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_anchored_time_scan_matches_finditer(text):
    plain = [(m.span(), m.groupdict()) for m in dates.TIME.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in dates._time_matches(text)] == plain
    assert dates.find_times(text, dt.date(2025, 3, 26)) is not None


@settings(max_examples=400, deadline=None)
@given(texts)
def test_split_count_scan_matches_the_single_pattern(text):
    plain = [m.span() for m in quantities.COUNT.finditer(text)]
    assert [m.span() for m in quantities._count_matches(text, folded(text))] == plain


@settings(max_examples=300, deadline=None)
@given(texts)
def test_gated_quantity_and_group_scans_find_what_the_patterns_find(text):
    low = folded(text)
    assert len(low) == len(text)
    for (regex, _code), marks in entities._GATED_GROUPS:
        if regex.search(text):
            assert any(mark in low for mark in marks)
    if quantities.MONEY.search(text):
        assert any(mark in low for mark in quantities._MONEY_MARKS)
    if quantities.FRACTION.search(text):
        assert any(mark in low for mark in quantities._FRACTION_MARKS)
    if quantities._PERCENT_SIGN.search(text):
        assert "%" in text or "cent" in low


def test_folding_keeps_offsets_and_what_case_blind_patterns_match():
    assert folded("İſK ıN") == "isk in"
    for ch in "İıſK":
        assert re.fullmatch(folded(ch), ch, re.I)


def test_letters_re_i_folds_to_ascii_do_not_break_the_word_tables():
    from burden.claims import check_text

    for text in ("Two-thirdſ of allies met it in ſeptember 2024.", "ſix allies met 2% in 2024.",
                 "It is the ſecond-highest at 2%.", "Brıtain spent 2.3% of GDP.", "Eſtonia spent 2% of GDP."):
        assert isinstance(check_text(text, "2025-03-26")["claims"], list)
