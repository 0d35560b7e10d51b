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



# words a TIME match may hold before its anchor, anchors and others, with separators: what _BACK walks over
LEAD = [*dates._LEAD_WORDS, "The", "By", "12", "٣", "2030", "1945", "year", "years", "ago", "decades", "may", "June",
        "mayor", "months", "week", "x", "_", "(", "$", ",", "cent", "the coming", "the current"]
SEPARATORS = [" ", " ", " ", "  ", "\t", "\u00a0", "", "(", "-", ",", "_", ". "]
lead_texts = st.lists(st.tuples(st.sampled_from(LEAD) | st.text(max_size=2), st.sampled_from(SEPARATORS)),
                      max_size=12).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=1000, deadline=None)
@given(lead_texts)
def test_time_scan_from_where_the_lead_words_stop_is_finditer(text):
    low = folded(text)
    plain = [(m.span(), m.groupdict()) for m in dates.TIME_FOLDED.finditer(low)]
    assert [(m.span(), m.groupdict()) for m in dates._time_window_matches(low)] == plain


def test_time_scan_over_every_lead_word_pair():
    tails = ["2030", "year", "years ago", "decade", "may", "june", "next five years", "coming years", "week", "x"]
    words = [*dates._LEAD_WORDS, "12", "x", ""]
    for w1 in words:
        for w2 in words:
            for tail in tails:
                for text in (f"{w1} {w2} {tail}", f"({w1}\t{w2}  {tail}", f"{w1}-{w2}{tail}", f"q {w1} {w2} the {tail}"):
                    low = folded(text)
                    plain = [(m.span(), m.groupdict()) for m in dates.TIME_FOLDED.finditer(low)]
                    assert [(m.span(), m.groupdict()) for m in dates._time_window_matches(low)] == plain, text


COUNT_PIECES = [*quantities.NUMBER_WORDS, "Twenty-One", "a  dozen", "a\tsingle", "someone", "money", "tone", "-", "_",
                "x", " ", ":", "\n", "1,000", "12", "4.5", "٣", "ſeven", "ONE", "TWENTY", "a single", "a dozen"]
count_texts = st.lists(st.sampled_from(COUNT_PIECES) | st.text(max_size=2), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(count_texts)
def test_number_words_found_from_their_tokens_are_count_matches(text):
    low = folded(text)
    plain = [(m.span(), folded(m.group("num"))) for m in quantities.COUNT.finditer(text)]
    for tokens in (None, frozenset(re.findall("[a-z]+", low))):
        assert [(m.span(), m.group("num").lower()) for m in quantities._count_matches(text, low, tokens)] == plain


HEDGE_PIECES = ["passes the", "pass", "the", "of", "short", "shy", "in excess", "minimum", "a minimum", "up", "to",
                "close", "into", "at", "most", "least", "more", "less", "than", "fewer", "not", "even", "spend", "nearly",
                "double", "already at about", "an", "estimated", "a", "$", "us$", "USD", "about", "over", "(over",
                "moreover", "x", "2", "2%", " ", " ", "  ", "\t", "\n", "Short Of", "ſhy of"]
hedge_texts = st.lists(st.sampled_from(HEDGE_PIECES) | st.text(max_size=2), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(hedge_texts)
def test_hedge_word_pairs_never_drop_a_hedge(text):
    from test_claims_fastpaths import _plain_hedge

    low = folded(text)
    for start in range(len(text) + 1):
        assert quantities.hedge_before(text, start) == quantities.hedge_before(text, start, low) == _plain_hedge(text, start)


def test_hedge_over_every_word_pair():
    from test_claims_fastpaths import _plain_hedge

    words = ["passes", "the", "of", "short", "shy", "excess", "minimum", "up", "to", "close", "into", "at", "most",
             "least", "more", "less", "than", "fewer", "not", "even", "spend", "nearly", "double", "about", "an",
             "estimated", "a", "$", "usd", "over", "x", "just", "upwards", "passed"]
    for w1 in words:
        for w2 in words:
            for w3 in ("", "the ", "an estimated ", "even ", "a "):
                text = f"in {w1} {w2} {w3}2%"
                start = text.index("2%")
                assert quantities.hedge_before(text, start) == _plain_hedge(text, start), text
