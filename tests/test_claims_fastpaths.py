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
    low = folded(text)
    found = [(m.span(), {name: text[m.start(name):m.end(name)] if m.start(name) >= 0 else None
                         for name in dates.TIME_FOLDED.groupindex}) for m in dates._time_window_matches(low)]
    assert found == plain  # the folded matches, read on the original text by their spans
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


# ---- issue 6: case-blind patterns run without re.I on the folded text, word gates, data-only caches, lazy carry

def _folded_pairs():
    from burden.claims import extract
    from burden.claims.rules import accession, ally_pct, count_threshold, member_count, pledge, rank, share

    return [(dates.TIME, dates.TIME_FOLDED), (quantities._PERCENT_SIGN, quantities._PERCENT_SIGN_FOLDED),
            (quantities._COUNT_WORDS, quantities._COUNT_WORDS_FOLDED), (quantities._HEDGE_ANY, quantities._HEDGE_ANY_FOLDED),
            (quantities._AFTER_GE, quantities._AFTER_GE_FOLDED), (quantities._AFTER_LE, quantities._AFTER_LE_FOLDED),
            (quantities._NUM_BEFORE, quantities._NUM_BEFORE_FOLDED), (rank.TOP, rank._TOP_FOLDED), (rank.BOTTOM, rank._BOTTOM_FOLDED),
            (ally_pct.SPEND_CONTEXT, ally_pct._SPEND_CONTEXT_FOLDED), (extract.PLAN_WORDS, extract._PLAN_WORDS_FOLDED),
            (extract.PRESENT_TENSE, extract.PRESENT_TENSE_FOLDED), (accession.JOIN, accession._JOIN_FOLDED),
            (count_threshold.NONE, count_threshold._NONE_FOLDED), (count_threshold.ALL, count_threshold._ALL_FOLDED),
            (count_threshold.MOST, count_threshold._MOST_FOLDED), (pledge.AGREE, pledge._AGREE_FOLDED),
            (pledge.GROUP_ACTOR, pledge._GROUP_ACTOR_FOLDED), (pledge.ADOPTION, pledge._ADOPTION_FOLDED),
            (pledge.GUIDELINE_2, pledge._GUIDELINE_2_FOLDED), (share.SHARE, share._SHARE_FOLDED),
            (member_count.CONDITIONAL, member_count._CONDITIONAL_FOLDED),
            *[(plain, fast) for (plain, _), (fast, _) in zip(member_count.PATTERNS, member_count._PATTERNS_FOLDED,
                                                             strict=True)],
            *[(plain, fast) for ((plain, _), _), ((fast, _), _) in zip(entities._GATED_GROUPS,
                                                                       entities._GATED_GROUPS_FOLDED, strict=True)]]


GATE_PIECES = ["no", "none of the", "not one", "every", "all 32", "allies", "members", "agreed", "communiqué",
               "COMMUNIQUÉ", "is to go", "set to", "if", "once", "could", "will have", "tenth", "Thirteen", "thirty",
               "from 12 founding members", "ſet", "ıf", "İf", "most", "the majority of", "real terms", "joined",
               "accounts for", "share of allied", "the highest", "tops the table", "than any other", "spends",
               "the 29th member", "all 30 NATO allies", "has 28 members", "to 32.", "28-member alliance", "32: ",
               "European allies and Canada", "the alliance's European members", "combined allied defence spending",
               "adopted", "guideline", "it", "2 per cent", "or more", "or less", "Wales", "Hague", "Vilnius"]
gate_texts = st.lists(st.sampled_from(PIECES + GATE_PIECES) | st.text(max_size=3), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(gate_texts)
def test_patterns_without_re_i_on_folded_text_find_the_same_spans(text):
    low = folded(text)
    for plain, fast in _folded_pairs():
        assert [m.span() for m in fast.finditer(low)] == [m.span() for m in plain.finditer(text)], plain.pattern


@settings(max_examples=500, deadline=None)
@given(st.characters())
def test_folding_keeps_one_character_its_classes_and_what_ascii_letters_match(ch):
    low = folded(ch)
    assert len(low) == 1
    for cls in (r"\w", r"\s", r"\d", r"[\w$€£.,]", r"[\d$€£.,]", r"[\d%]", r"[\w-]", r"[cs]", r"[^.]"):
        assert bool(re.match(cls, ch, re.I)) == bool(re.match(cls, low)), cls
    assert bool(re.match("[A-Za-z0-9]", ch, re.I)) == bool(re.match("[a-z0-9]", low))
    for letter in "abcdefghijklmnopqrstuvwxyz%$-'.:, ":
        assert bool(re.match(re.escape(letter), ch, re.I)) == (low == letter)


@settings(max_examples=300, deadline=None)
@given(gate_texts)
def test_word_gates_hold_whenever_their_pattern_matches(text):
    from burden.claims.rules import count_threshold, member_count, pledge

    low = folded(text)
    tokens = frozenset(re.findall("[a-z]+", low))
    if count_threshold.NONE.search(text):
        assert not tokens.isdisjoint(count_threshold._NONE_WORDS) or text.startswith("0:")
    if count_threshold.ALL.search(text):
        assert not tokens.isdisjoint(count_threshold._ALL_WORDS)
    if pledge.AGREE.search(text):
        assert not tokens.isdisjoint(pledge._AGREE_WORDS) or "communiqu" in low
    if member_count.CONDITIONAL.search(text):
        assert not tokens.isdisjoint(member_count._CONDITIONAL_WORDS)
    if member_count._TENS_WORD.search(low):
        assert not tokens.isdisjoint(member_count._TENS_TOKENS)
    if re.search(r"\bfrom\s\S+\sfounding\s(?:members|allies)", text, re.I):
        assert "founding" in low
    for key, pattern in pledge.SUMMITS.items():
        if re.search(pattern, text):
            assert pledge._SUMMIT_WORD[key] in text


def test_editions_outside_the_holding_set_hold_no_figure():
    import datetime as dt

    from burden.claims.rules.figures import pct_gdp, real_change, usd_bn
    from burden.claims.verify import (
        GDP,
        REAL,
        REAL_PRESS,
        USD,
        USD_PRESS,
        AsOf,
        count_holding,
        editions_holding,
    )

    asof = AsOf(dt.date(2025, 3, 26))
    editions = asof.released + asof.later
    for iso3, year in (("POL", 2024), ("USA", 2014), ("NATO_EUR_CAN", 2024), ("ISL", 2020), ("DEU", 1990)):
        gdp, real = editions_holding((GDP,), iso3, year), editions_holding((REAL, REAL_PRESS), iso3, year)
        usd = editions_holding((USD, USD_PRESS), iso3, year)
        for ed in editions:
            assert pct_gdp(asof, iso3, year)(ed) is None or ed in gdp
            assert real_change(asof, iso3, year)(ed) is None or ed in real
            assert usd_bn(asof, ed, iso3, year) is None or ed in usd
    for indicator, year, op, threshold, allies in ((GDP, 2024, "ge", 2.0, None), (GDP, 2014, "lt", 2.0, None),
                                                   (GDP, 2023, "ge", 3.0, ("POL", "EST", "DEU"))):
        held = count_holding(indicator, year, op, threshold, allies)
        for ed in editions:
            found = asof.count(ed, indicator, year, op, threshold, None if allies is None else list(allies))
            assert (found is not None) == (ed in held)


def test_quick_init_keeps_the_dataclass_behaviour():
    import dataclasses

    q = quantities.Quantity(1, 3, "pct", 2.0, 0, "eq", "2%")
    assert q == quantities.Quantity(1, 3, "pct", 2.0, 0, "eq", "2%", "", "") and hash(q) == hash(dataclasses.replace(q))
    assert (q.currency, q.unit_scale) == ("", "")
    try:
        q.start = 0
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Quantity must stay frozen")
    assert entities.Entity(0, 6, "POL", "name", "Poland").is_ally


def test_lazy_carry_hands_on_the_last_ally_through_many_claimless_sentences():
    from burden.claims.extract import Carry

    quiet = " ".join(f"Officials met on day {i} to talk." for i in range(3 * Carry.PENDING_LIMIT))
    text = f"Poland spent 4.12% of GDP on defence in 2024. Spain was mentioned too. {quiet} It spent 2% of GDP in 2024."
    from burden.claims import check_text

    claims = check_text(text, "2025-03-26")["claims"]
    assert [c["subject"] for c in claims] == ["POL", "ESP"]


# ---- issue 6, last step: ally names by look-ups from each capital; the number before a % sign read folded

NAME_PIECES = ["United States", "United States of America", "US", "us", "U.S.", "u.s.", "USA", "UK", "U.K.",
               "Türkiye", "TÜRKIYE", "Turkey", "Czech Republic", "Czech", "Czechia", "North Macedonia", "Macedonia",
               "Slovak Republic", "Slovakia", "Great Britain", "Britain", "Washington", "WASHINGTON", "Poles",
               "Polish", "Poland", "Germany's", "Germans", "İtaly", "Danes", "ſpain", "Spaniards", "the", "x", ".",
               "-", "_", "'", "é", "É", "1", " "]
name_texts = st.lists(st.sampled_from(NAME_PIECES) | st.text(max_size=3), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(name_texts)
def test_ally_name_look_ups_find_the_spans_of_the_name_pattern(text):
    pattern, _ = entities._ally_pattern()
    assert list(entities.ally_name_spans(text, folded(text))) == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_number_before_a_percent_sign_parses_the_same_read_folded(text):
    low = folded(text)
    for end in range(len(text) + 1):
        plain, fast = quantities._NUM_BEFORE.search(text, 0, end), quantities._NUM_BEFORE_FOLDED.search(low, 0, end)
        assert (fast and fast.span()) == (plain and plain.span())
        if plain:
            assert quantities.parse_number(fast.group("num")) == quantities.parse_number(plain.group("num"))
