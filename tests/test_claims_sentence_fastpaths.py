"""Sentence-level shortcuts (extract.Sentence, claims._next_carry) against the plain definitions they replace."""

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import iter_claims
from burden.claims.extract import Carry, Sentence, build_sentences, new_sentence
from burden.claims.grammar import folded
from burden.claims.quantities import Quantity
from burden.claims.verify import AsOf
from test_claims_fastpaths import GATE_PIECES, PIECES

DAY = dt.date(2025, 3, 26)
ASOF = AsOf(DAY)
texts = st.lists(st.sampled_from(PIECES + GATE_PIECES + ["F-35", "1.5%", "$845bn", "€10bn", "£2bn", "٣", "Ⅻ", "K"])
                 | st.text(max_size=4), max_size=14).map("".join)
ascii_texts = st.text(alphabet=st.characters(max_codepoint=127), max_size=60)


def _sentence(text: str) -> Sentence:
    return Sentence(text, 0, len(text), text, 0, DAY, ASOF, Carry())


@settings(max_examples=400, deadline=None)
@given(texts | ascii_texts)
def test_gate_words_and_numbers_match_the_patterns(text):
    s = _sentence(text)
    made = new_sentence(text, 0, len(text), text, 0, DAY, ASOF, s.carry)  # what iter_claims makes
    assert list(vars(made).items()) == list(vars(s).items()) and type(made) is Sentence
    assert s.words == frozenset(re.findall(r"[a-z]+", text.lower()))
    assert s.has_number == (re.search(r"[\d%$€£]", text) is not None)
    s.prime()
    assert s.low == folded(text)
    assert s.tokens == frozenset(re.findall(r"[a-z]+", folded(text)))
    assert s.is_question == text.rstrip("\"'”’ ").endswith("?")
    fresh = _sentence(text)
    assert s.quantities == Sentence.quantities.fn(fresh)
    assert s.times == Sentence.times.fn(_sentence(text))
    if s._numbers is not None:  # the ASCII digit test used by `times`
        assert bool(s._numbers.strip(b"%$")) == (re.search(r"\d", text) is not None)


def _plain_ally_for(s, q, groups=True):
    subs = s._subjects if groups else [e for e in s._subjects if e.kind != "group"]
    before = [e for e in subs if e.end <= q.start]
    if before:
        allies = [e for e in before if e.kind != "group"]
        best = before[-1]
        if best.kind == "group" and allies and allies[-1].start > before[-1].start - 60 and best.code == "NATO":
            best = allies[-1]
        return best.code
    after = [e for e in subs if e.start >= q.end]
    return after[0].code if after else s.carry.subject


def _plain_year_for(s, q):
    near = [t for t in s.times_near(q) if t.year is not None and t.kind not in ("since", "week", "month")]
    anywhere = [t for t in s.times if t.year is not None and t.kind not in ("since", "week", "month")]
    if len([x for x in s.quantities if x.kind == q.kind]) > 1:
        anywhere = [t for t in anywhere if t.end <= q.start]
    for t in near or anywhere:
        return t.year, t.kind
    return "fallback"


ally_texts = st.lists(st.sampled_from(
    ["NATO", "Poland", "Germany", "the alliance", "European allies", "Canada", "spent", "2.1%", "in 2023", "last year",
     "1.9 per cent", "since 2014", "23 allies", " ", " ", ", ", "NATO's figures", "in Washington", "x" * 30,
     "$50bn", "this year", "by 2030"]), max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(ally_texts, st.sampled_from([None, "USA", "NATO_TOTAL"]), st.sampled_from([None, 2019]))
def test_subject_year_and_index_walks_match_the_list_versions(text, carried, carried_year):
    s = _sentence(text)
    s.carry = Carry(carried, carried_year, 0)
    s.prime()
    probes = list(s.quantities) + [Quantity(p, p, "pct", 2.0, 0, "eq", "") for p in (0, len(text) // 2, len(text))]
    for q in probes:
        assert s.ally_for(q) == _plain_ally_for(s, q)
        assert s.ally_for(q, groups=False) == _plain_ally_for(s, q, groups=False)
    for q in s.quantities:
        assert s._index(q) == s.quantities.index(q)
        plain = _plain_year_for(s, q)
        if plain != "fallback":
            assert s.year_for(q) == plain
    for kinds in (("pct",), ("count",), ("pct", "fraction"), ("money",)):
        assert s.free(kinds) == [q for i, q in enumerate(s.quantities) if q.kind in kinds and i not in s.used]
        for q in s.free(kinds)[:1]:
            s.take(q)
            assert s.quantities.index(q) in s.used


def test_following_carry_is_the_constructor_and_hand_on():
    text = "Poland spent 4.1% in 2024. Germany reached 2.1%. Spain did not. It lags in 2023."
    sentences = list(build_sentences(text, DAY, ASOF))
    prev = Carry("POL", 2024, 0, ("def_exp_pct_gdp", "ge", 2.0), 2.0, "WALES", "USA", 2024)
    for s in [None, *sentences, None]:
        plain = Carry(None, None, -1, prev.threshold, None, prev.pledge, prev.usd_subject, prev.usd_year)
        plain.hand_on(prev, s)
        fast = prev.following(s)
        assert (fast.subject, fast.year, fast.paragraph, fast.threshold, fast.first_pct, fast.pledge,
                fast.usd_subject, fast.usd_year) == (plain.subject, plain.year, plain.paragraph, plain.threshold,
                                                     plain.first_pct, plain.pledge, plain.usd_subject, plain.usd_year)
        prev = fast
    assert [c.type for c in iter_claims(text, DAY)]


def _plain_claims(text):
    """iter_claims as the plain loop: every rule's list joined, _dedupe, and _next_carry for every gated sentence."""
    from burden.claims import _ANY_TRIGGER, _dedupe, _next_carry
    from burden.claims.rules import RULES

    carry, out = Carry(), []
    for s in build_sentences(text, DAY, ASOF, carry):
        s.carry = carry
        if not s.has_number and s.words.isdisjoint(_ANY_TRIGGER()):
            continue
        found = []
        for rule in RULES:
            found += rule.find(s)
        found = _dedupe(found)
        carry = _next_carry(carry, s, found)
        out += found
    return out


carry_texts = st.lists(st.sampled_from(
    ["Poland spent 4.1% in 2024.", "Germany reached 2.1%.", "It lags.", "In 2023 it spent 1.9 per cent.",
     "Spain did not.", "\n", "This number is low.", "NATO's figures show 23 allies at 2%.", "France, too.",
     "Canada spent $41bn last year.", "The UK spent 2.3%.", "Italy (1.5%) and Spain (1.3%) lag.", "Wow."]),
    max_size=10).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(carry_texts)
def test_iter_claims_matches_the_plain_loop(text):
    key = lambda c: (c.type, c.subject, c.metric, c.value, c.comparator, c.year, c.sentence.start, c.extra)  # noqa: E731
    assert [key(c) for c in iter_claims(text, DAY)] == [key(c) for c in _plain_claims(text)]


def test_evidence_rows_and_figures_are_fresh_and_as_built():
    from burden.claims import verify

    rows = [r for by_ed in list(verify._index().values())[:200] for rs in by_ed.values() for r in rs]
    for row in rows:
        first, again = verify.evidence_row(row), verify.evidence_row(row)
        assert first == again == verify._evidence_row(row) and first is not again
        first["value"] = None  # callers own their copy
        assert verify.evidence_row(row) == verify._evidence_row(row)
    for value in (0.0, -0.0, 1.0, 1, True, 2.05, -3.5, 999.95, 1000.0, 12345.678, float("nan"), float("inf"), -1e-9):
        for _ in range(2):
            assert verify._fmt(value) == (f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}")


def test_stored_figures_are_the_dataclass_ones():
    from burden.claims import verify

    asof = verify.AsOf(DAY)
    for (indicator, iso3, year), by_ed in list(verify._index().items())[:300]:
        for ed in by_ed:
            fig = asof.stored(ed, indicator, iso3, year)
            row = verify._stored_row(ed, indicator, iso3, year, "current")
            plain = verify.Figure(row["value"], ed, [row])
            assert type(fig) is verify.Figure and list(vars(fig).items()) == list(vars(plain).items())
            assert asof.stored(ed, indicator, iso3, year).rows is not fig.rows

