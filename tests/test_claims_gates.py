"""Literal gates are read from a pattern's parse tree: every match holds one of them, so the gated pattern
answers exactly as the pattern (hypothesis), and a gate is never written by hand."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims.gates import Several, gated, meets, needs_of, required_literals

PATTERNS = [
    r"\b(?:by|grow\w*|grew|rise|rose|risen|increase\w*|jump\w*|up from|down from|cut\w*)\s{1,3}(?:\w+\s){0,2}$",
    r"\b(?P<verb>reach\w*|hit|meets?|met|pass\w*|above|below|exceed\w*|past|miss\w*|short of)\s(?:\w+'?s?\s){0,3}$",
    r"(?:more than|above|over|exceed\w*)\s(?:the\s)?$",
    r"\d+(?:\.\d+)?\s?(?:%|per ?cent)",
    r"[a-z]+ (?:of|out of) \d+",
    r"\bthe\s(?:alliance's\s)?\d\d\s(?:allies|members)",
    r"\bover\b",
    r"(?<!\w)(?:nato|the\s\d+-strong\s(?:alliance|bloc)|(?:the\s)?allies|(?:nato\s)?members)(?!\w)",
    r"\b(?P<n>\d{1,2}|one|ten)\s(?:allies|members)",
    r"(?<!\w)(?:(?:the\s)?(?:nato|alliance)['’]s\s)?(?:allies|members)(?!\w)",
    r"\b(?:(?:the\s)?\d+[\s-])?(?:allies|strong)\b",
]


def test_a_pattern_opening_with_a_boundary_and_words_is_scanned_literal_first():
    assert gated(re.compile(r"\b(?:will|would)\b")).scanner.pattern is None  # recompiled from its parse tree
    plain = re.compile(r"\b(?:the|\d)")  # a branch opens with a class: nothing to move
    assert gated(plain).scanner is plain


def test_a_pattern_opening_with_optional_words_is_scanned_as_its_spelt_out_alternatives():
    # "(?<!\w)(?:the\s)?allies" is scanned as "t(?<!\wt)he\sallies|a(?<!\wa)llies": every branch opens with a literal
    assert gated(re.compile(r"(?<!\w)(?:the\s)?(?:allies|members)(?!\w)")).scanner.pattern is None
    with_group = re.compile(r"\b(?:the\s)?(?P<n>\d+)\sallies")  # its group would be copied into each branch: left alone
    assert gated(with_group).scanner is with_group
    words = "|".join(f"{chr(97 + i % 26)}{i}" for i in range(70))  # (no prefix shared by all, which re would factor out)
    many = re.compile(rf"(?<!\w)(?:the\s)?(?:{words})")  # 140 alternatives spelt out: too many, left alone
    assert gated(many).scanner is many


def test_the_gate_of_an_alternation_is_one_literal_per_branch():
    assert required_literals(re.compile(r"\b(?:close to|nearly|almost)\s\d")) == {"close to", "nearly", "almost"}


def test_the_longest_fixed_run_is_the_gate_of_a_sequence():
    assert required_literals(re.compile(r"\d+ of the allies")) == {" of the allies"}


def test_an_optional_word_gives_no_gate_and_a_repeated_one_does():
    assert required_literals(re.compile(r"(?:just )?\d")) is None
    assert required_literals(re.compile(r"(?:very )+\d")) == {"very "}


def test_a_branch_without_a_literal_leaves_the_alternation_ungated():
    assert required_literals(re.compile(r"(?:nearly|\d+)x")) == {"x"}
    assert required_literals(re.compile(r"(?:nearly|\d+)")) is None


def test_a_case_insensitive_pattern_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="case-sensitive"):
        required_literals(re.compile("target", re.I))


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(PATTERNS),
       pieces=st.lists(st.sampled_from(["by ", "rose ", "short of ", "more than ", "over", "the ", "2.5", "%",
                                        " per cent", "five", " of ", "out of ", "31", "x", " ", "met", "exceeds"]),
                       max_size=12) | st.lists(st.sampled_from(["nato ", "the ", "allies", "members", "30-strong ",
                                                                  "alliance", "10 ", "one ", "x", "-", " "]), max_size=10),
       pos=st.integers(0, 6))
def test_a_gated_pattern_answers_as_the_pattern(pattern, pieces, pos):
    text = "".join(pieces)
    compiled = re.compile(pattern)
    gate = gated(compiled)
    plain = compiled.search(text, pos)
    got = gate.search(text, pos)
    assert (got.span() if got else None) == (plain.span() if plain else None)
    assert [m.regs for m in gate.finditer(text)] == [m.regs for m in compiled.finditer(text)]  # (and group spans)
    m1, m2 = gate.match(text, pos), compiled.match(text, pos)
    assert (m1.span() if m1 else None) == (m2.span() if m2 else None)


# ---- the sharper gate on a whole sentence: words the pattern bounds are looked up among the sentence's words ----

WORD_PATTERNS = [
    r"\ball\s(?P<n>\d\d)\s(?:of\s(?:its|the)\s)?(?:allies|members|member states)",
    r"(?:\bthe\s(?:alliance's\s)?|\bnato['’]s\s)(?:then\s)?(?P<n>\d{1,2}|ten|twenty)\s(?:allies|members|heads of state)",
    r"\d(?<!\w\d)\d?(?:st|nd|rd|th)\s(?:of|out of|among)\s(?:the\s)?\d\d",
    r"\b(?:will|would|plans?|talks? of|going to)\b",
    r"out(?<!\wout)\sof\s(?:the\s)?\d\d(?=\s*[.,;]|\s(?:allies|members)\b)",
    r"(?:members|allies)\s\(now\s\d\d\)",
    r"^\d\d:\s(?:allies|members)\s(?:today|now)",
    r"\bWales\b|\bNewport\b",
    r"[A-Z]all\s(?:of\s)?\d",
    r"\band\s(?:the\s)?(?:first|second|\d\d?(?:st|nd))\s(?:x|allies)",
    r"(?:[\w-]+\s){0,2}(?:the\s)?all\b",
]
_TOKENS = re.compile(r"[a-z]+")


def _sentence(pieces: list[str]) -> tuple[str, frozenset[str]]:
    low = "".join(pieces)
    return low, frozenset(_TOKENS.findall(low))


def test_a_word_the_pattern_bounds_is_a_word_of_the_sentence_not_a_substring():
    gate = gated(re.compile(WORD_PATTERNS[0]))
    assert (frozenset({"all"}), frozenset()) in gate.needs
    assert not gate.may_match(*_sentence(["32 allies and members"]))  # "all" only inside "allies"
    assert gate.may_match(*_sentence(["all 32 members"]))


def test_every_requirement_of_a_pattern_must_hold():
    gate = gated(re.compile(WORD_PATTERNS[0]))
    assert not gate.may_match(*_sentence(["all 32 of them"]))  # no member noun
    assert not gate.may_match(*_sentence(["32 members"]))  # no "all"


def test_an_optional_word_ending_in_a_space_does_not_hide_the_bound_before_a_word():
    needs = gated(re.compile(r"\band\s(?:the\s)?(?:first|second)\s")).needs
    assert (frozenset({"first", "second"}), frozenset()) in needs


def test_a_capital_or_a_non_ascii_letter_is_part_of_a_word():
    assert gated(re.compile(r"\bWales\b")).needs == ((frozenset(), frozenset({"Wales"})),)  # not the word "ales"
    assert gated(re.compile(r"[A-Z]all\b")).needs == ((frozenset(), frozenset({"all"})),)
    assert gated(re.compile(r"\bdéjà\b")).needs == ((frozenset(), frozenset({"déjà"})),)


def test_optional_non_letters_and_look_arounds_do_not_hide_a_bounded_word():
    # "17th of 29": the suffix follows a digit (through "\d?" and a look-behind), so it is a word of its own
    gate = gated(re.compile(WORD_PATTERNS[2]))
    assert any("th" in words for words, _ in gate.needs)
    assert not gate.may_match(*_sentence(["the 29 allies of the north"]))


@settings(max_examples=400, deadline=None)
@given(pattern=st.sampled_from(WORD_PATTERNS),
       pieces=st.lists(st.sampled_from(["all ", "allies", " members", "the ", "nato's ", "32", "17", "th", "st ",
                                        " of ", "out of ", "among ", "(now 31)", " ", ".", ":", "will", "plans",
                                        "talks of", "going to", "x", "heads of state", "twenty", "then ", "today", "Wales",
                                        "W", "ales", "é", "Newport", "and ", "first", "second",
                                        "nd ", "fall", "-"]),
                       max_size=12))
def test_a_sentence_the_pattern_matches_always_meets_its_requirements(pattern, pieces):
    compiled = re.compile(pattern)
    low, tokens = _sentence(pieces)
    gate = gated(compiled)
    if compiled.search(low):
        assert gate.may_match(low, tokens)
        assert meets((needs_of(gated(re.compile("x")), gate),), low, tokens)
        assert gate in Several([gated(re.compile("x")), gate]).which(low, tokens)
    found = gate.search_words(low, tokens)
    plain = compiled.search(low)
    assert (found.span() if found else None) == (plain.span() if plain else None)



@settings(max_examples=300, deadline=None)
@given(patterns=st.lists(st.sampled_from(WORD_PATTERNS), min_size=1, max_size=6),
       pieces=st.lists(st.sampled_from(["all ", "allies", " members", "the ", "nato's ", "32", "th", " of ", "out of ",
                                        "will", "plans", "talks of", "going to", "heads of state", "then ", "Wales",
                                        "and ", "first", "second", "-", " "]), max_size=12))
def test_several_hands_over_in_order_exactly_the_patterns_whose_requirements_all_hold(patterns, pieces):
    # (Several files a pattern under one requirement's words and tests only its other requirements)
    low, tokens = _sentence(pieces)
    gates = [gated(re.compile(p)) for p in patterns]
    assert Several(gates).which(low, tokens) == [g for g in gates if g.may_match(low, tokens)]

def test_a_rule_is_dispatched_only_to_sentences_that_meet_its_requirements():
    from burden.claims.rules import RULES

    gated_rules = [r for r in RULES if r.needs is not None]
    assert gated_rules, "at least one rule declares what it needs"
    for rule in gated_rules:
        assert rule.needs and all(words or texts for words, texts in rule.needs)


def _corpus_sentences():
    """Every sentence of the labelled corpus, as the checker reads it (each text with its own carry-over)."""
    import datetime as dt
    import json
    from pathlib import Path

    from burden.claims.extract import Carry, Sentence, numbered_spans
    from burden.claims.verify import AsOf

    folder = Path(__file__).parent / "fixtures" / "claims" / "corpus"
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            day = dt.date.fromisoformat(item["published"])
            asof = AsOf(day)
            for start, end, piece, paragraph in numbered_spans(item["text"]):
                yield Sentence(item["text"], start, end, piece, paragraph, day, asof, Carry())


def test_a_rule_finds_nothing_in_a_sentence_the_dispatcher_skips():
    # the dispatcher's test is derived from the rule's patterns: a sentence that fails it gives no claim
    from burden.claims.rules import RULES

    skipped = 0
    for s in _corpus_sentences():
        for rule in RULES:
            if rule.needs is not None and not rule.may_read(s):
                skipped += 1
                assert rule.find(s) == [], (type(rule).__name__, s.text)
    assert skipped > 100  # the dispatcher does skip rules on real sentences


def test_the_dispatcher_hands_a_sentence_the_rules_whose_own_test_passes_in_order():
    # iter_claims asks one Several over the rules' needs; it must answer as each rule's may_read, in RULES order
    from burden.claims.rules import RULES, dispatcher

    dispatch = dispatcher(tuple(RULES))
    for s in _corpus_sentences():
        assert dispatch.which(s.low, s.tokens) == [r for r in RULES if r.may_read(s)], s.text


def test_the_scans_left_out_by_several_do_not_match_real_sentences():
    from burden.claims.rules.member_count import _SCANS_ASKED, SCANS
    from burden.claims.rules.rank import _phrasings

    for s in _corpus_sentences():
        for several in (_SCANS_ASKED, _phrasings()[0]):
            asked = several.which(s.low, s.tokens)
            assert [g for g in several.gates if g not in asked and g.pattern.search(s.low)] == [], s.text
    assert len(SCANS) == len(_SCANS_ASKED.gates)


def test_every_gated_pattern_of_the_checker_scans_as_written_on_real_sentences():
    # a gated pattern runs its scanner (recompiled to skip ahead, `_literal_first`): on every corpus sentence's folded
    # text it finds the same matches, with the same group spans, as the pattern as written
    import gc

    from burden.claims import check_text
    from burden.claims.entities import _group_patterns
    from burden.claims.frame import _plain_gates
    from burden.claims.gates import Gated
    from burden.claims.rules.rank import _phrasings

    check_text("Poland spent 4.12% of GDP in 2024; the alliance's 32 members met.", "2025-03-26")
    _group_patterns(), _plain_gates(), _phrasings()  # (the patterns built on first use)
    gates = [g for g in gc.get_objects() if isinstance(g, Gated) and g.scanner is not g.pattern]
    assert len(gates) > 20
    for s in _corpus_sentences():
        for g in gates:
            assert [m.regs for m in g.scanner.finditer(s.low)] == [m.regs for m in g.pattern.finditer(s.low)], \
                (g.pattern.pattern, s.text)

