"""Rule fast paths (pledge, member count, rank, misconception, accession, summit, proposal): every gate holds
whenever its pattern matches, and every literal-first pattern finds what the plain one finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims.grammar import folded

PIECES = ["the", "The", "THE", "our", "our the", "all", "All", "from", "has", "have", "had", "counts", "numbers", "of",
          "to", " ", "  ", "\t", "\n", "\u00a0", ".", ",", ";", ":", "-", "'", "_", "x", "2", "12", "32", "029",
          "thirty", "twelve", "Thirteen", "ten", "tenth", "29th", "1st", "ſ", "İ", "ı", "K", "é", "ø",
          "members", "member", "member states", "allies", "ally", "NATO", "nato", "countries", "leaders", "nations",
          "heads of state", "alliance's", "alliance", "bloc", "country", "nation", "founding", "in", "the number of",
          "today", "now", "in NATO", "-member", "reached", "hit", "meets", "met", "meeting", "passed", "crossed",
          "above", "below", "clears", "exceeded", "past", "missed", "short of", "level", "goal", "target",
          "deadline", "reach", "adopted", "agreed", "endorsed", "set", "created", "creation", "introduced",
          "dates back to", "date from", "first", "guideline", "figure", "it", "2 per cent", "two percent", "2%",
          "they", "summit", "communiqué", "ministers", "Wales", "Newport", "Hague", "Riga", "Vilnius",
          "tops the table", "top spender", "the highest", "came closest", "biggest spender", "largest spender",
          "leads the alliance", "the most of any", "the most relative to", "more", "higher share", "bigger share",
          "larger share", "than any other", "the lowest", "lowest spender", "bottom of the table",
          "smallest spender", "less", "smaller share", "lower share", "owes", "owed", "owing", "debts", "arrears",
          "delinquent", "delinquency", "dues", "membership fee", "pay NATO", "paying", "payments to",
          "payment into", "back payments", "paid into a NATO", "fee paid", "United States", "US", "America",
          "Washington", "treaty", "legally", "legal", "binding", "requires", "obligation", "commits", "mandates",
          "spending figure", "sets", "myth", "misunderstanding", "misconception", "no such", "not a fee",
          "not an debt", "there is no", "dismissed", "false", "nobody owes", "does not owe", "no spending figure",
          "contains no", "sets no", "not a treaty", "not a payment", "not legally", "no legal", "is not", "never",
          "joined", "join", "joins", "became a member", "become a member", "came in", "accession", "admitted",
          "enlargement", "meet", "gathering", "gathered", "proposed", "proposal", "said", "says", "wants",
          "called", "calls", "demanded", "should", "need to", "must", "Trump", "if", "If", "once", "will have", "could",
          "would become", "expected to become", "legally binding", "legal obligation", "legal duty", "reaching",
          "misses", "passes the", "short of the", "set to", "set", "commit", "aim", "declaration", "is to go",
          "to go on", "2per cent", "2 percent", "two per cent", "replaces", "made", "European", "in Europe",
          "Europeans", "spenders", "xWales", "Wales2", "Newport's", "The Hague", "Rigas", "while", "whereas",
          "but", "But", "Whereas", "butter", "hopes to", "hoping to", "set to", "due to", "wants to", "plans to",
          "aims to", "may", "will", "would", "first", "since", "the first enlargement since", "First since"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=16).map(" ".join)
glued = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=16).map("".join)
any_text = texts | glued


def _tokens(low):
    return frozenset(re.findall("[a-z]+", low))


def _scan(regex, low):
    return [(m.span(), m.group("n"), m.start("n")) for m in regex.finditer(low)]


MEMBER_PIECES = ["the", "The", "all", "ALL", "from", "has", "have", "of", "counts", "to", "our", "12", "032", "thirty",
                 "Thirteen", "5", "founding", "NATO", "members", "allies", "member states", "member", "ally", "-",
                 "alliance", "bloc", "nato", "countries", "heads of state", "29th", "th", "tenth", ":",
                 "the number of", "alliance's", "in", "today", "now", "x", "_", "ſ", "İ", "ı", "é", "2",
                 "all 30 allies", "from 12 members", "the 29 members", "the alliance's 32 member states", "32: ",
                 "30 NATO allies", "32: allies today", "32: the number of members", "has 28 members", "of the 29 allies",
                 "28-member alliance", "to 32.", "12 founding members", "the 29th member", "our 30 allies", "to 30 in"]
member_texts = st.lists(st.sampled_from(MEMBER_PIECES) | st.text(max_size=2), max_size=12).flatmap(
    lambda parts: st.sampled_from([" ", "", "  ", "\n"]).map(lambda sep: sep.join(parts)))


@settings(max_examples=1500, deadline=None)
@given(member_texts | any_text)
def test_member_count_scans_and_gates(text):
    from burden.claims.rules import member_count as mc

    low = folded(text)
    tokens = _tokens(low)
    for i, ((plain, _), (fast, _)) in enumerate(zip(mc._PATTERNS_FOLDED, mc._SCANS, strict=True)):
        found = _scan(plain, low)
        assert _scan(fast, low) == found, i
        if found:
            assert mc._may_match(i, low, tokens), i


def _same_bool(a, b):
    return (a is not None and a is not False) == (b is not None and b is not False)


@settings(max_examples=800, deadline=None)
@given(any_text)
def test_member_count_yes_no_fast_forms(text):
    from burden.claims.rules import member_count as mc

    low = folded(text)
    assert _same_bool(mc._CONDITIONAL_FAST.search(low), mc.CONDITIONAL.search(text))
    assert _same_bool(mc._TWO_DIGITS_FAST.search(text), mc._TWO_DIGITS.search(text))
    if text.isascii():
        assert _same_bool(mc._TWO_DIGITS_ASCII.search(text), mc._TWO_DIGITS.search(text))


@settings(max_examples=800, deadline=None)
@given(any_text)
def test_pledge_gates_and_substring_tests(text):
    from burden.claims.rules import ally_pct, pledge

    low = folded(text)
    tokens = _tokens(low)
    if pledge.GUIDELINE_2.search(text):
        assert "2" in low or not tokens.isdisjoint(pledge._GUIDELINE_WORDS)
    assert _same_bool(pledge._DEADLINE_FOLDED.search(low), pledge._DEADLINE_WORDS.search(text))
    assert _same_bool(pledge._GUIDELINE_2_FAST.search(low), pledge.GUIDELINE_2.search(text))
    for plain, fast in ((pledge.AGREE, pledge._AGREE_ANY), (pledge.GROUP_ACTOR, pledge._GROUP_ACTOR_ANY),
                        (pledge.ADOPTION, pledge._ADOPTION_ANY)):
        assert fast.search(low, tokens) == (plain.search(text) is not None), plain.pattern
    assert _same_bool(pledge._WALES.search(text), re.search(r"\bWales\b", text))
    for (key, regex, _marks), (key2, pattern) in zip(pledge._SUMMIT_RES, pledge.SUMMITS.items(), strict=True):
        assert key == key2 and [m.span() for m in regex.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
    if pledge._DEADLINE_WORDS.search(text):
        assert not tokens.isdisjoint(pledge._DEADLINE_TOKENS)
    for cut in range(len(text) + 1):
        for lo in (0, max(0, cut - 40)):
            if ally_pct.REACH_BEFORE.search(text[lo:cut]):
                assert pledge._REACH_MARKS.search(low, lo, cut)
    assert _same_bool(re.search(r"equipment", text, re.I), "equipment" in low)
    assert _same_bool(re.search(r"security-related|related", text, re.I), "related" in low)
    assert _same_bool(re.search(r"new (?:goal|target|level)", text, re.I),
                      "new goal" in low or "new target" in low or "new level" in low)
    assert _same_bool(re.search(r"core defence|security-related", text, re.I),
                      "core defence" in low or "security-related" in low)
    if re.search(r"\bcore defence\b", text, re.I):
        assert "core defence" in low
    assert _same_bool(pledge.DECADE.search(text), pledge._within_decade(low))
    assert pledge._named(text) == [k for k, pat in pledge.SUMMITS.items() if re.search(pat, text)]
    assert pledge._names_summit(text) == any(re.search(p, text) for p in pledge.SUMMITS.values())
    if re.search(r"\ballies\b", text):
        assert "allies" in text


@settings(max_examples=800, deadline=None)
@given(any_text)
def test_misconception_gates_and_fast_forms(text):
    from burden.claims.rules import misconception as mi

    low = folded(text)
    tokens = _tokens(low)
    for plain, fast in ((mi.DEBT, mi._DEBT_FOLDED), (mi.DEBT_TARGET, mi._DEBT_TARGET_FOLDED),
                        (mi.TREATY_DUTY, mi._TREATY_DUTY_FOLDED), (mi.LEGAL, mi._LEGAL_FOLDED),
                        (mi.REBUTTAL, mi._REBUTTAL_FOLDED)):
        assert _same_bool(fast.search(low), plain.search(text)), plain.pattern
    if mi.DEBT.search(text):
        assert not tokens.isdisjoint(mi._DEBT_WORDS) or "delinquen" in low
    if mi.DEBT_TARGET.search(text):
        assert not tokens.isdisjoint(mi._DEBT_TARGET_WORDS)
    if mi.TREATY.search(text):
        assert "treaty" in tokens
    if mi.LEGAL.search(text):
        assert not tokens.isdisjoint(mi._LEGAL_WORDS)
    assert _same_bool(re.search(r"spend|figure", text, re.I), "spend" in low or "figure" in low)
    assert _same_bool(re.search(r"pledge|guideline|target", text, re.I),
                      "pledge" in low or "guideline" in low or "target" in low)


@settings(max_examples=800, deadline=None)
@given(any_text)
def test_rank_fast_forms_find_the_same_first_match(text):
    from burden.claims.rules import rank

    low = folded(text)
    tokens = _tokens(low)
    for plain, fast, gate in ((rank.TOP, rank._TOP_FAST, rank._may_top), (rank.BOTTOM, rank._BOTTOM_FAST,
                                                                          rank._may_bottom)):
        m, f = plain.search(text), fast.search(low)
        assert (m and m.start()) == (f and f.start()), plain.pattern
        if m:
            assert gate(tokens)
    assert _same_bool(re.search(r"\bspender\b", text), "spender" in text and rank._SPENDER.search(text))
    for at in range(len(text) + 1):
        assert [m.span() for m in rank._CLAUSE_FAST.finditer(text, 0, at)] == \
            [m.span() for m in rank.CLAUSE.finditer(text, 0, at)]
    assert _same_bool(re.search(r"\bEuropean\b|\bin Europe\b", text), "Europe" in text and rank._EUROPE.search(text))


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_accession_and_summit_gates(text):
    from burden.claims.rules import accession, summit

    low = folded(text)
    if accession.JOIN.search(text):
        assert not _tokens(low).isdisjoint(accession._JOIN_WORDS)
    assert [m.span() for m in accession._JOIN_FAST.finditer(low)] == [m.span() for m in accession.JOIN.finditer(text)]
    if accession.FIRST_SINCE.search(text):
        assert {"first", "since"} <= _tokens(low)
    for j in range(len(text) + 1):
        if accession.FUTURE_BEFORE.search(text[max(0, j - 25):j]):
            assert accession._FUTURE_MARKS.search(low, max(0, j - 25), j)
    for (key, pattern), (key2, regex, marks) in zip(summit.SUMMIT_PLACES.items(), summit._PLACES, strict=True):
        assert key == key2 and [m.span() for m in regex.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
        if regex.search(text):
            assert marks[0] in text or marks[-1] in text


@settings(max_examples=1500, deadline=None)
@given(member_texts | any_text, st.booleans())
def test_member_count_scans_for_is_may_match_in_order(text, has_from):
    from burden.claims.rules import member_count as mc

    low = folded(text)
    tokens = _tokens(low)
    expected = [scan for i, scan in enumerate(mc._SCANS)
                if not (scan[1] == "to" and not has_from) and mc._may_match(i, low, tokens)]
    assert mc._scans_for(low, tokens, has_from) == expected


@settings(max_examples=800, deadline=None)
@given(any_text)
def test_rank_need_tokens_hold_whenever_a_rank_pattern_can_match(text):
    from burden.claims.rules import rank

    low = folded(text)
    tokens = _tokens(low)
    if tokens.isdisjoint(rank._NEED):
        assert tokens.isdisjoint(rank.ORD) and not rank._may_top(tokens) and not rank._may_bottom(tokens)
        assert not rank.NTH.search(text) and not rank.TOP.search(text) and not rank.BOTTOM.search(text)
