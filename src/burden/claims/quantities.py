"""Quantities in this domain's forms: percentages ("2%", "2 per cent", "two percent", "3.5 percent of
GDP"), money ("$845 billion", "USD 968bn", "a trillion dollars", "EUR 10bn"), counts ("23 allies",
"nine of the 29", "none"), fractions ("two-thirds", "a quarter"), with the comparator or hedge in front
("at least", "more than", "nearly", "about") or behind ("or more")."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from itertools import repeat

from .grammar import folded, folded_pattern

NUMBER_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-one": 21, "twenty-two": 22, "twenty-three": 23, "twenty-four": 24, "twenty-five": 25,
    "twenty-six": 26, "twenty-seven": 27, "twenty-eight": 28, "twenty-nine": 29, "thirty": 30,
    "thirty-one": 31, "thirty-two": 32, "a dozen": 12,
}
FRACTIONS = {
    "two-thirds": 2 / 3, "two thirds": 2 / 3, "three-quarters": 0.75, "three quarters": 0.75, "half": 0.5,
    "a half": 0.5, "one-half": 0.5, "a third": 1 / 3, "one-third": 1 / 3, "one third": 1 / 3,
    "a quarter": 0.25, "one-quarter": 0.25, "a fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1,
}
_NUM = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,6})?(?![\d])"
_WORDNUM = r"(?<![\w-])(?:" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if w not in ("no", "none")),
                                             key=len, reverse=True)) + r")(?![\w-])"
PERCENT = re.compile(rf"(?P<num>{_NUM}|{_WORDNUM})\s?(?:%|per\s?cent\b|percent\b)", re.I)
MONEY = re.compile(
    rf"(?:(?P<cur>\$|US\$|USD|EUR|€|£)\s?(?P<num>{_NUM}|a|one)\s?(?P<scale>trillion|tn|billion|bn|million|mn|m)?\b"
    rf"|(?P<num2>{_NUM}|a|one)\s(?P<scale2>trillion|billion|million)\s(?:US\s)?(?P<cur2>dollars|euros|pounds))",
    re.I)
# MONEY without re.I for grammar.folded text (same spans and group spans; group texts are read from the text)
_MONEY_FOLDED = folded_pattern(MONEY)
COUNT = re.compile(rf"(?P<num>{_NUM}|{_WORDNUM})(?=\s|:)", re.I)
# COUNT split in two: digit and word matches never overlap, so merging the two scans gives COUNT's matches,
# and the word scan (a long alternation tried at every position) runs only when a number word is present
# the same as _NUM, written to start with a digit (then the look-behind) so the scan can skip to digits
_NUM_DIGIT_FIRST = r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3}){1,4}|\d{0,11})(?:\.\d{1,6})?(?![\d])"
_COUNT_DIGITS = re.compile(rf"(?P<num>{_NUM_DIGIT_FIRST})(?=\s|:)")
# for ASCII text: the same, starting with [0-9] (\d is [0-9] there), a cheaper test at each character of the scan
_COUNT_DIGITS_ASCII = re.compile(_COUNT_DIGITS.pattern.replace(r"\d(?<![\w.,]\d)", r"[0-9](?<![\w.,][0-9])", 1))
assert _COUNT_DIGITS_ASCII.pattern != _COUNT_DIGITS.pattern
_COUNT_WORDS = re.compile(rf"(?P<num>{_WORDNUM})(?=\s|:)", re.I)
_COUNT_WORDS_FOLDED = folded_pattern(_COUNT_WORDS)
assert _COUNT_DIGITS.groupindex["num"] == _COUNT_DIGITS_ASCII.groupindex["num"] == _COUNT_WORDS_FOLDED.groupindex["num"] == 1
_NUMBER_TOKENS = frozenset(t for w in NUMBER_WORDS if w not in ("no", "none") for t in re.findall(r"[a-z]+", w)
                           if t != "a")
_WORD_TOKEN = re.compile(r"[a-z]+")
FRACTION = re.compile(r"(?<![\w-])(?:" + "|".join(sorted((re.escape(w) for w in FRACTIONS), key=len, reverse=True))
                      + r")(?![\w-])", re.I)
_DURATION = re.compile(r"^\s(?:years?|months?|weeks?|days?|decades?|hours?|minutes?)\b", re.I)
_DURATION_FIRST = "ymwdh"  # `c in` it: c is "" (the text ends) or _DURATION's letter after the \s, folded
_SCALE_BN = {"trillion": 1000.0, "tn": 1000.0, "billion": 1.0, "bn": 1.0, "million": 0.001, "mn": 0.001, "m": 0.001}

HEDGES_BEFORE = [  # (regex on the text just before the number, comparator)
    (r"exactly", "exact"),
    (r"at least|no less than|a minimum of|minimum of", "ge"),
    (r"more than|over|above|in excess of|exceed(?:s|ed|ing)?|pass(?:es|ed)?(?: the)?|beyond|upwards of", "gt"),
    (r"less than|fewer than|below|under|short of|falls? short of|fell short of|not even|not spend even", "lt"),
    (r"up to|at most|no more than", "le"),
    (r"nearly|almost|just under|close to|just shy of|nearly double", "nearly"),
    (r"about|around|roughly|some|approximately|barely|approx\.|circa|an estimated about|already at about", "approx"),
]
_HEDGE_RE = [(re.compile(r"(?:\b(?:" + p + r"))\s{1,3}(?:(?:the|a|an|an estimated|even)\s{1,3})?(?:\$|US\$|USD\s?)?$",
                         re.I), c) for p, c in HEDGES_BEFORE]
_TAIL_REVERSED = r"(?:\$|\$SU|\s?DSU)?(?:\s{1,3}(?:eht|a|na|detamitse na|neve))?\s{1,3}"
def _expand(tree) -> list[str]:
    """Every string a finite pattern (literals, alternatives, optional parts) matches."""
    from re import _parser  # the pattern parser: HEDGES_BEFORE stays the one place the hedges are written

    out = [""]
    for op, av in tree:
        if op is _parser.LITERAL:
            alts = [chr(av)]
        elif op is _parser.IN and all(kind is _parser.LITERAL for kind, _ in av):
            alts = [chr(c) for _, c in av]
        elif op is _parser.BRANCH:
            alts = [x for branch in av[1] for x in _expand(branch)]
        elif op is _parser.SUBPATTERN:
            alts = _expand(av[3])
        elif op is _parser.MAX_REPEAT and av[:2] == (0, 1):
            alts = ["", *_expand(av[2])]
        else:
            raise ValueError(f"hedge patterns must be finite: {op}")
        out = [a + b for a in out for b in alts]
    return out


def _reversed_hedge(pattern: str) -> re.Pattern:
    """The hedge pattern read backwards from the number: one anchored match instead of a search through the
    40-character window (the hedge must end right before the number, so both find the same hedges)."""
    from re import _parser

    phrases = _expand(_parser.parse(pattern, re.I))
    body = "|".join(re.escape(x[::-1]) for x in sorted(set(phrases), key=len, reverse=True))
    return re.compile(_TAIL_REVERSED + r"(?:" + body + r")\b", re.I)


_HEDGE_REVERSED = [(_reversed_hedge(p), c) for p, c in HEDGES_BEFORE]
# all of them in one anchored match: alternatives are tried in list order, each with its whole tail, so the
# first comparator that matches wins, as in the loop over HEDGES_BEFORE
_HEDGE_ANY = re.compile("|".join(f"(?P<{c}>{r.pattern})" for r, c in _HEDGE_REVERSED), re.I)
_AFTER_GE = re.compile(r"^\s{0,2}(?:%|per\s?cent|percent)?\s{0,2}(?:or more|or above|or higher|and above|and more)\b", re.I)
_AFTER_LE = re.compile(r"^\s{0,2}(?:%|per\s?cent|percent)?\s{0,2}(?:or less|or below|or fewer)\b", re.I)
# the same on grammar.folded text (only offsets and the group name are used)
_HEDGE_ANY_FOLDED = folded_pattern(_HEDGE_ANY)
_AFTER_GE_FOLDED, _AFTER_LE_FOLDED = folded_pattern(_AFTER_GE), folded_pattern(_AFTER_LE)
# An exact pre-test before _HEDGE_ANY_FOLDED (most numbers have no hedge). In text order a match is: the hedge
# phrase, \s{1,3}, optionally an article (the, a, an, an estimated, even) and \s{1,3}, optionally a currency
# ($, us$, usd + optional \s), then the number. Literal spaces only inside phrases and "an estimated", so split
# on whitespace (str.split's whitespace is re's \s: both are str.isspace) the window ends with: an optional
# currency token ("$", "us$", "usd": none of them ends with a hedge word, nor is an article), optional article
# tokens, then a token that ends with the last word of a hedge phrase (a token, not the word: "\b" allows
# "(over"). Those are at most the last 4 tokens; a window without them cannot match, so "eq" without the match.
def _hedge_last_words() -> tuple[str, ...]:
    from re import _parser

    return tuple(sorted({phrase.rsplit(" ", 1)[-1] for p, _c in HEDGES_BEFORE for phrase in _expand(_parser.parse(p, re.I))}))


_HEDGE_LAST_WORDS = _hedge_last_words()


def _hedge_word_pairs() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The one-word phrases, and for the other phrases' last words (those no one-word phrase ends with) the
    words before them ("of": "excess", "minimum", "short", "shy")."""
    from re import _parser

    one_word, pairs = set(), {}
    for p, _c in HEDGES_BEFORE:
        for phrase in _expand(_parser.parse(p, re.I)):
            *rest, last = phrase.split(" ")
            if rest:
                pairs.setdefault(last, set()).add(rest[-1])
            else:
                one_word.add(last)
    one_word_ends = tuple(sorted(one_word))
    return one_word_ends, {w: tuple(sorted(p)) for w, p in pairs.items() if not w.endswith(one_word_ends)}


_HEDGE_ONE_WORD, _HEDGE_PAIRS = _hedge_word_pairs()
_HEDGE_ARTICLES = frozenset({"the", "a", "an", "estimated", "even"})  # the words of _TAIL_REVERSED's articles
_HEDGE_CURRENCIES = frozenset({"$", "us$", "usd"})


def _may_hedge(window: str) -> bool:
    """False only if _HEDGE_ANY_FOLDED cannot match window[::-1] (window: folded, without a newline)."""
    toks = window.rsplit(None, 4)  # the last 4 whole tokens (a 5th piece, if any, ends with the 5th token)
    i = len(toks) - 1
    if i >= 0 and toks[i] in _HEDGE_CURRENCIES:
        i -= 1
    while i >= 0:
        t = toks[i]
        if t.endswith(_HEDGE_LAST_WORDS):
            return True
        if t not in _HEDGE_ARTICLES:
            return False
        i -= 1
    return False


@dataclass(frozen=True)
class Quantity:
    start: int  # offsets within the sentence
    end: int
    kind: str  # pct, money, count, fraction
    value: float  # percent for pct, US$ bn for money, a count, a fraction
    decimals: int  # decimals as written, in the claim's unit
    comparator: str  # eq, exact, approx, nearly, gt, ge, lt, le
    text: str
    currency: str = ""  # USD, EUR, GBP for money
    unit_scale: str = ""  # trillion/billion/million as written


def parse_number(text: str) -> tuple[float, int]:
    if text.isdigit() and text.isascii():  # plain ASCII digits: no word, space, comma or point (the same float)
        return float(text), 0
    t = folded(text.strip())  # re.I also matches "ſix"
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t]), 0
    if t in ("a", "one"):
        return 1.0, 0
    t = t.replace(",", "")
    decimals = len(t.split(".")[1]) if "." in t else 0
    return float(t), decimals


def hedge_before(text: str, start: int, low: str | None = None) -> str:
    """The comparator a hedge right before `start` gives; `low`: folded(text) if known."""
    lo = max(0, start - 40)
    if text.find("\n", lo, start) >= 0:  # `$` also matches before a final newline: keep the plain search there
        window = text[lo:start]
        for regex, comparator in _HEDGE_RE:
            if regex.search(window):
                return comparator
        return "eq"
    window = folded(text[lo:start]) if low is None else low[lo:start]
    # _may_hedge(window) written out (see there)
    toks = window.rsplit(None, 4)
    i = len(toks) - 1
    if i >= 0 and toks[i] in _HEDGE_CURRENCIES:
        i -= 1
    while i >= 0:
        t = toks[i]
        # (sharper than _may_hedge: a phrase's last word after a space, "of" of "short of", is a whole token,
        # and the token before it ends with the word before it; toks[0] may hold more tokens: no sharper test)
        if t.endswith(_HEDGE_LAST_WORDS) and (i == 0 or t.endswith(_HEDGE_ONE_WORD) or t in _HEDGE_PAIRS
                                              and toks[i - 1].endswith(_HEDGE_PAIRS[t])):
            m = _HEDGE_ANY_FOLDED.match(window[::-1])
            return m.lastgroup if m else "eq"
        if t not in _HEDGE_ARTICLES:
            return "eq"
        i -= 1
    return "eq"


def _comparator(text: str, start: int, end: int, low: str | None = None) -> str:
    low = folded(text) if low is None else low
    after = low[end:end + 20]
    # every _AFTER_GE/_AFTER_LE match holds "or " or "and " (their phrases' literal space): an exact gate
    if "or " in after or "and " in after:
        if _AFTER_GE_FOLDED.match(after):
            return "ge"
        if _AFTER_LE_FOLDED.match(after):
            return "le"
    return hedge_before(text, start, low)


_PERCENT_SIGN = re.compile(r"%|per\s?cent\b|percent\b", re.I)
# _PERCENT_SIGN without re.I, run on grammar.folded text (same offsets): for every code point, folding keeps
# \w, \s and \d and a re.I match of an ASCII letter is equality after folding (checked over all of Unicode), so
# a pattern of ASCII lower-case literals, \s and \b finds the same spans; the scan then skips to "%" or "p"
_PERCENT_SIGN_FOLDED = re.compile(r"%|per\s?cent\b|percent\b")
_NUM_BEFORE = re.compile(rf"(?P<num>{_NUM}|{_WORDNUM})\s?$", re.I)
# the same on the folded text: its "num" group reads folded, which parse_number folds anyway (folding is idempotent)
_NUM_BEFORE_FOLDED = folded_pattern(_NUM_BEFORE)
# _NUM_BEFORE's _NUM alternative alone, written digit first (as for the counts)
_NUM_BEFORE_DIGITS = re.compile(rf"(?P<num>{_NUM_DIGIT_FIRST})\s?$")


def _percent_signs(low: str) -> list[tuple[int, int]]:
    """The spans of _PERCENT_SIGN_FOLDED.finditer(low), by str.find: every "%", and "per" + at most one \\s +
    "cent" before a \\b ("percent\\b" is "per\\s?cent\\b" with no space). Matches cannot overlap (none holds "%",
    "per" cannot start inside "cent"), so all of them are finditer's; \\s is str.isspace and \\w is
    str.isalnum or "_", as in re."""
    out = []
    find = low.find
    i = find("%")
    while i >= 0:
        out.append((i, i + 1))
        i = find("%", i + 1)
    j = find("cent")
    if j >= 0:
        n = len(low)
        while j >= 0:
            e = j + 4
            if e == n or not (low[e].isalnum() or low[e] == "_"):
                if j >= 3 and low[j - 3:j] == "per":
                    out.append((j - 3, e))
                elif j >= 4 and low[j - 4:j - 1] == "per" and low[j - 1].isspace():
                    out.append((j - 4, e))
            j = find("cent", j + 1)
        out.sort()
    return out


def find_percentages(text: str, low: str | None = None) -> list[Quantity]:
    """Find the % sign or word first (a fast literal scan), then the number just before it."""
    out: list[Quantity] = []
    low = folded(text) if low is None else low
    if "%" not in text and "cent" not in low:
        return out  # every % form holds "%" or "cent"
    for e, sign_end in _percent_signs(low):
        lo = max(0, e - 24)
        if e > 2:
            # the number ends at e-2 or later ("\s?$", and $ also matches before a final newline) and holds no
            # " " except "a dozen"/"a single" (a space at offset 1): a match cannot start before the last " "
            # in [lo, e-2) minus 1, so the search starts there (the look-behinds still see the text before)
            j = low.rfind(" ", lo, e - 2)
            if j > lo:
                lo = j - 1
        # a digit right before the sign (or before one \s): every match's number ends with that digit (a number
        # word ends with a letter), so only _NUM can match: the digit-first form lets the scan skip to digits
        c = low[e - 1:e]
        m = (_NUM_BEFORE_DIGITS if c.isdecimal() or c.isspace() and low[e - 2:e - 1].isdecimal()
             else _NUM_BEFORE_FOLDED).search(low, lo, e)
        if not m:
            continue
        m_start, m_end = m.start(), sign_end
        num = m["num"]
        value, decimals = (float(num), 0) if num.isdigit() and num.isascii() else parse_number(num)  # (its fast path)
        if value > 1000:
            continue
        out.append(Quantity(m_start, m_end, "pct", value, decimals, _comparator(text, m_start, m_end, low),
                            text[m_start:m_end]))
    return out


_MONEY_MARKS = ("$", "€", "£", "usd", "eur", "illion")  # one of these is in every MONEY match


def find_money(text: str, low: str | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    low = folded(text) if low is None else low
    if not ("$" in low or "€" in low or "£" in low or "usd" in low or "eur" in low or "illion" in low):
        return out  # _MONEY_MARKS
    for m in _MONEY_FOLDED.finditer(low):
        # same spans as MONEY on the text (grammar.folded_pattern): the group texts are read from the text
        s, e = m.span("num")
        num = text[s:e] if s >= 0 else text[slice(*m.span("num2"))]
        s, e = m.span("scale")
        if s < 0:
            s, e = m.span("scale2")
        scale = text[s:e].lower() if s >= 0 else ""
        s, e = m.span("cur")
        if s < 0:
            s, e = m.span("cur2")
        cur = text[s:e].lower()  # cur or cur2 always takes part
        currency = "USD" if cur in ("$", "us$", "usd", "dollars") else "EUR" if cur in ("eur", "€", "euros") else "GBP"
        value, decimals = parse_number(num)
        if not scale:
            if value < 1e6:
                continue  # "$5" alone is no spending figure
            value, scale = value / 1e9, "billion"
        out.append(Quantity(m.start(), m.end(), "money", value * _SCALE_BN.get(scale, 1.0), decimals,
                            _comparator(text, m.start(), m.end(), low), text[m.start():m.end()], currency, scale))
    return out


_FRACTION_MARKS = ("third", "quarter", "half", "fifth", "tenth")


# FRACTION without re.I for grammar.folded text (same spans; the match text is read from the text)
_FRACTION_FOLDED = folded_pattern(FRACTION)
# every FRACTION match ends with one of these words, a whole [a-z]+ word of the folded text (after " ", "-" or
# a non-word character, before a non-word character): a gate on the caller's word set
_FRACTION_WORDS = frozenset(re.split(r"[ -]", f)[-1] for f in FRACTIONS)


def find_fractions(text: str, low: str | None = None) -> list[Quantity]:
    low = folded(text) if low is None else low
    if not ("third" in low or "quarter" in low or "half" in low or "fifth" in low or "tenth" in low):
        return []  # _FRACTION_MARKS
    return _fractions(text, low)


def _fractions(text: str, low: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _FRACTION_FOLDED.finditer(low):
        s, e = m.span()
        out.append(Quantity(s, e, "fraction", FRACTIONS[folded(text[s:e])], 3, _comparator(text, s, e, low), text[s:e]))
    return out


# Number words by str.find instead of a scan of _COUNT_WORDS_FOLDED at every position (its look-behind comes
# first, so the engine cannot skip ahead). A match of word W at s is W itself on the folded text (lower-case
# literals), so W's first word of _NUMBER_TOKENS ("twenty" of "twenty-one", "single" of "a single") is found at
# s + its offset in W: _COUNT_WORDS_FOLDED.match at every such s - offset finds every match. Matches never
# overlap (each is bounded by non-[\w-] characters; the only inner spaces are in "a single" and "a dozen", and
# "single", "dozen" are no number words), so these are all of finditer's matches, in order once sorted.
def _token_offsets() -> dict[str, tuple[int, ...]]:
    out: dict[str, set[int]] = {}
    for w in NUMBER_WORDS:
        if w not in ("no", "none"):
            m = next(m for m in _WORD_TOKEN.finditer(w) if m.group() in _NUMBER_TOKENS)
            out.setdefault(m.group(), set()).add(m.start())
    return {t: tuple(sorted(offsets)) for t, offsets in out.items()}


_TOKEN_OFFSETS = _token_offsets()
assert set(_TOKEN_OFFSETS) == _NUMBER_TOKENS
_MATCH_START = operator.methodcaller("start")


def _count_matches(text: str, low: str, tokens: frozenset[str] | None = None) -> list[re.Match]:
    found = list((_COUNT_DIGITS_ASCII if text.isascii() else _COUNT_DIGITS).finditer(text))
    present = _NUMBER_TOKENS.intersection(_WORD_TOKEN.findall(low) if tokens is None else tokens)
    if present:
        # number words on the folded text (same spans; its group text is folded), at the candidate starts
        starts = set()
        find = low.find
        for t in present:
            for offset in _TOKEN_OFFSETS[t]:
                i = find(t, offset)
                while i >= 0:
                    starts.add(i - offset)
                    i = find(t, i + 1)
        match = _COUNT_WORDS_FOLDED.match
        words = [m for m in map(match, repeat(low), sorted(starts)) if m]
        if words:
            found = sorted([*found, *words], key=_MATCH_START)
    return found


def find_counts(text: str, taken: list[tuple[int, int]], low: str | None = None,
                tokens: frozenset[str] | None = None) -> list[Quantity]:
    """Bare numbers (not percentages, money or years) that may count allies."""
    out = []
    low = folded(text) if low is None else low
    for m in _count_matches(text, low, tokens):
        num = m[1]  # the "num" group (group 1 of every count pattern)
        if num.isdigit() and num.isascii():
            if len(num) > 2 and num[0] != "0":
                continue  # >= 100: parse_number would give value > 40 (all skips below are plain `continue`s)
            value, decimals = float(num), 0  # parse_number's fast path
        else:
            value, decimals = parse_number(num)  # parse_number folds: a folded group reads the same
        m_start, m_end = m.span()
        if taken:  # any taken span overlapping the match (the same test as before, written out)
            for s, e in taken:
                if s < m_end and m_start < e:
                    break
            else:
                s = -1
            if s >= 0:
                continue
        # _DURATION needs \s then y, m, w, d or h (re.I: folded, that letter) right after the number
        if decimals or value > 40 or low[m_end + 1:m_end + 2] in _DURATION_FIRST and _DURATION.match(
                text[m_end:m_end + 12]):
            continue
        # _comparator written out
        after, comparator = low[m_end:m_end + 20], ""
        if "or " in after or "and " in after:
            if _AFTER_GE_FOLDED.match(after):
                comparator = "ge"
            elif _AFTER_LE_FOLDED.match(after):
                comparator = "le"
        if not comparator:
            comparator = hedge_before(text, m_start, low)
        out.append(Quantity(m_start, m_end, "count", value, 0, comparator, text[m_start:m_end]))
    return out


_START = operator.attrgetter("start")


def find_quantities(text: str, low: str | None = None, tokens: frozenset[str] | None = None) -> list[Quantity]:
    """`low` is folded(text) and `tokens` the set of its [a-z]+ words, when the caller has them already."""
    low = folded(text) if low is None else low
    fracs = (find_fractions(text, low) if tokens is None
             else [] if tokens.isdisjoint(_FRACTION_WORDS) else _fractions(text, low))
    found = [*find_percentages(text, low), *find_money(text, low), *fracs]
    if not found:
        return find_counts(text, found, low, tokens)  # in order already, like sorted() of them
    return sorted([*found, *find_counts(text, [(q.start, q.end) for q in found], low, tokens)], key=_START)
