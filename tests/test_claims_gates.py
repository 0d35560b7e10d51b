"""Literal gates are read from a pattern's parse tree: every match holds one of them, so the gated pattern
answers exactly as the pattern (hypothesis), and a gate is never written by hand."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims.gates import gated, required_literals

PATTERNS = [
    r"\b(?:by|grow\w*|grew|rise|rose|risen|increase\w*|jump\w*|up from|down from|cut\w*)\s{1,3}(?:\w+\s){0,2}$",
    r"\b(?P<verb>reach\w*|hit|meets?|met|pass\w*|above|below|exceed\w*|past|miss\w*|short of)\s(?:\w+'?s?\s){0,3}$",
    r"(?:more than|above|over|exceed\w*)\s(?:the\s)?$",
    r"\d+(?:\.\d+)?\s?(?:%|per ?cent)",
    r"[a-z]+ (?:of|out of) \d+",
]


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
                       max_size=12),
       pos=st.integers(0, 6))
def test_a_gated_pattern_answers_as_the_pattern(pattern, pieces, pos):
    text = "".join(pieces)
    compiled = re.compile(pattern)
    gate = gated(compiled)
    plain = compiled.search(text, pos)
    got = gate.search(text, pos)
    assert (got.span() if got else None) == (plain.span() if plain else None)
    assert [m.span() for m in gate.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    m1, m2 = gate.match(text, pos), compiled.match(text, pos)
    assert (m1.span() if m1 else None) == (m2.span() if m2 else None)
