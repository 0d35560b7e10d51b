"""Shortcuts in the count, % of GDP, comparison, share, spending and real-change rules: each must give exactly
what the plain pattern gives (same style as test_claims_fastpaths.py)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import extract
from burden.claims.grammar import folded
from burden.claims.rules import ally_pct, comparison, count_threshold, figures
from test_claims_fastpaths import GATE_PIECES, PIECES

RULE_PIECES = ["by", "grew", "GROWN", "rose", "risen", "up from", "down from", "cut", "increased", "jumped", "reached",
               "hit", "meets", "met", "meeting", "passed", "crossed", "above", "below", "clears", "exceeded", "past",
               "missed", "short of", "target", "guideline", "mark", "line", "level", "core level", "spending target",
               "of", "of GDP", "of its GDP", "of gross domestic product", "(PPP) of", "of Canada's", "national output",
               "the country's", "economy", "at or above", "at least", "or more", "fewer than", "less than", "under",
               "do not spend", "don't spend", "fall short", "more than", "exceeds", "over", "the 2% goal",
               "that benchmark", "meet it", "reaching it", "this number", "that level", "bigger share", "larger",
               "proportion", "percentage", "more of its", "less of their", "output", "nearly", "nearlydouble",
               "double what", "twice", "three times", "half the", "as much as", "that of", "spend", "spending",
               "equipment", "EQUIPMENT", "2%", "2.5%", " ", "  ", "\n", "ſ", "İ", "ı", "K", "will", "WOULD", "plans",
               "planned", "promising", "pledged", "aims", "talks of", "talk\tof", "going to", "hopes", "proposed",
               "wills", "_will", "falls short of the", "fell short of the", "meets the", "the 2 per cent target", "in 2015 dollars", "CONSTANT", "at 2021 prices", "real terms",
               " of GDP's", "of gdp", " Of GDP", ".", ":", "(", "_", "%", "-", "allies", "NATO members", ": the", "of the 30 "]
rule_texts = st.lists(st.sampled_from(PIECES + GATE_PIECES + RULE_PIECES) | st.text(max_size=3), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(rule_texts)
def test_ally_pct_windows_answer_as_the_plain_patterns(text):
    low = folded(text)
    for start in range(len(text) + 1):
        lo = max(0, start - 40)
        before = text[lo:start]
        window = low[lo:start]
        if ally_pct.GROWTH_BEFORE.search(before):
            assert any(mark in window for mark in ally_pct._GROWTH_MARKS)
        assert bool(ally_pct._GROWTH_BEFORE_FOLDED.search(window)) == bool(ally_pct.GROWTH_BEFORE.search(before))
        m = ally_pct.REACH_BEFORE.search(before)
        assert ally_pct._reach_verb(text, low, lo, start) == (m.group("verb") if m else None)
        after = text[start:start + 60]
        tail = ally_pct._TAILS_FOLDED.match(low[start:start + 60])
        ref, gdp, other = (bool(p.match(after)) for p in (ally_pct.REFERENCE_TAIL, ally_pct.GDP_TAIL, ally_pct.OTHER_TAIL))
        expected = "ref" if ref else "gdp" if gdp else "other" if other else None
        assert (tail.lastgroup if tail else None) == expected
        # AllyPctRule.find's shortcuts before _TAILS_FOLDED
        if low.startswith(" of gdp", start) or low.startswith("of gdp", start):
            assert expected == "gdp"
        if low[start:start + 1] in ally_pct._NO_TAIL_FIRST:
            assert expected is None
    if ally_pct.TARGET_WORDS.search(text):
        assert any(w in low for w in ("meet", "met", "reach", "hit", "miss", "short"))


def _plain_threshold_op(text, start, lo=0):
    window = text[max(lo, start - 45):start]
    if count_threshold._GE_WORDS.search(window + text[start:start + 25]):
        return "ge"
    if count_threshold.LOWER.search(window):
        return "lt"
    if count_threshold.HIGHER.search(window[-15:]):
        return "gt"
    return "ge"


@settings(max_examples=400, deadline=None)
@given(rule_texts)
def test_count_threshold_shortcuts_answer_as_the_plain_patterns(text):
    low = folded(text)
    for start in range(len(text) + 1):
        for lo in (0, max(0, start - 20)):
            assert count_threshold.threshold_op(text, start, lo, low) == _plain_threshold_op(text, start, lo)
            assert count_threshold.threshold_op(text, start, lo) == _plain_threshold_op(text, start, lo)
    for mark, plain, fast in ((("guideline", "target", "goal", "mark", "meet", "reach"), count_threshold.THRESHOLD_REF,
                               count_threshold._THRESHOLD_REF_FOLDED),
                              ((), count_threshold.THIS_NUMBER, count_threshold._THIS_NUMBER_FOLDED),
                              (("equipment",), count_threshold.EQUIP_CTX, None)):
        m = plain.search(text)
        if m and mark:
            assert any(w in low for w in mark)
        if fast is not None:
            f = fast.search(low)
            assert (f.span() if f else None) == (m.span() if m else None)
    for start in range(len(text) + 1):  # CountThresholdRule.find: yes/no on the folded window
        after = text[start:start + 50]
        for plain, fast in ((count_threshold.COUNT_NOUN, count_threshold._COUNT_NOUN_FOLDED),
                            (count_threshold.LISTICLE, count_threshold._LISTICLE_FOLDED)):
            assert bool(fast.match(low[start:start + 50])) == bool(plain.match(after))
    for plain, marks in ((count_threshold.LOWER, count_threshold._LOWER_MARKS),
                         (count_threshold.HIGHER, count_threshold._HIGHER_MARKS)):
        if plain.search(text):
            assert any(w in low for w in marks)


@settings(max_examples=400, deadline=None)
@given(rule_texts)
def test_comparison_gates_hold_whenever_their_pattern_matches(text):
    low = folded(text)
    tokens = frozenset(re.findall("[a-z]+", low))
    if comparison.SHARE_CMP.search(text):
        assert (not tokens.isdisjoint(comparison._SHARE_NOUNS) and not tokens.isdisjoint(comparison._SHARE_DIRS)
                or "of" in tokens and not tokens.isdisjoint(comparison._OF_WHOSE)
                and not tokens.isdisjoint(comparison._MORE_LESS))
    if comparison.RATIO.search(text):
        assert any(w in low for w in ("double", "twice", "half", "triple", "times"))
    assert bool(re.search(r"spend|spending", text, re.I)) == ("spend" in low)
    assert bool(re.search(r"spend|spending|budget", text, re.I)) == ("spend" in low or "budget" in low)


@settings(max_examples=400, deadline=None)
@given(rule_texts)
def test_plan_and_price_basis_gates_hold_whenever_their_pattern_matches(text):
    tokens = frozenset(re.findall("[a-z]+", folded(text)))
    if extract.PLAN_WORDS.search(text):
        assert not tokens.isdisjoint(figures.PLAN_FIRST_WORDS)
    low = folded(text)
    if figures._CONSTANT.search(text):
        assert any(w in low for w in ("dollars", "constant", "prices", "real terms"))


def _plain_verb_comparator(verb):
    v = verb.lower()
    for stem, op in ally_pct.VERB_OP.items():
        if v.startswith(stem):
            return op
    return "ge"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(ally_pct.VERB_OP) + ["", "e", "s", "ed", "ing", "İ", "K", "Pass", "REACH", "hit"])
                | st.text(max_size=3), max_size=4).map("".join))
def test_verb_comparator_answers_as_the_walk_through_its_stems(verb):
    assert ally_pct.verb_comparator(verb) == _plain_verb_comparator(verb)
