"""Fast paths of the quantity and time extractors (quantities.py, dates.py) against the plain patterns they stand for."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import dates, quantities
from burden.claims.grammar import folded
from test_claims_fastpaths import PIECES

MORE = ["%", "per cent", "per\tcent", "percent", "centi", "cent_", "half", "behalf", "two-thirds", "a fifth", "thırds",
        "19", "194", "20", "2٣", "mayor", "months", "decade", "(over", "usd", "us$", "or more", "and above", "a single"]
texts = st.lists(st.sampled_from(PIECES + MORE) | st.text(max_size=3), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_percent_signs_by_find_are_the_pattern_matches(text):
    low = folded(text)
    assert quantities._percent_signs(low) == [m.span() for m in quantities._PERCENT_SIGN_FOLDED.finditer(low)]


def _plain_percentages(text):
    low, out = folded(text), []
    for sign in quantities._PERCENT_SIGN_FOLDED.finditer(low):
        m = quantities._NUM_BEFORE_FOLDED.search(low, max(0, sign.start() - 24), sign.start())
        if m and quantities.parse_number(m.group("num"))[0] <= 1000:
            out.append((m.start(), sign.end(), quantities.parse_number(m.group("num"))))
    return out


@settings(max_examples=400, deadline=None)
@given(texts)
def test_number_before_a_sign_searched_from_the_last_space(text):
    fast = [(q.start, q.end, (q.value, q.decimals)) for q in quantities.find_percentages(text)]
    assert fast == _plain_percentages(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_hedge_pre_test_never_drops_a_hedge(text):
    low = folded(text)
    for start in range(len(low) + 1):
        window = low[max(0, start - 40):start]
        if "\n" not in window and quantities._HEDGE_ANY_FOLDED.match(window[::-1]):
            assert quantities._may_hedge(window)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_anchor_starts_are_every_anchor_match(text):
    low = folded(text)
    assert dates._anchor_starts(low) == [p for p in range(len(low)) if dates._ANCHOR.match(low, p)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_ascii_digit_scan_and_fraction_word_gate(text):
    if text.isascii():
        assert ([m.span() for m in quantities._COUNT_DIGITS_ASCII.finditer(text)]
                == [m.span() for m in quantities._COUNT_DIGITS.finditer(text)])
    low = folded(text)
    if quantities.FRACTION.search(text):
        assert not quantities._FRACTION_WORDS.isdisjoint(re.findall("[a-z]+", low))
    assert [m.span() for m in quantities._FRACTION_FOLDED.finditer(low)] == [m.span() for m in quantities.FRACTION.finditer(text)]
    assert [m.span() for m in quantities._MONEY_FOLDED.finditer(low)] == [m.span() for m in quantities.MONEY.finditer(text)]
