"""Ranks: "tops the table", "the lowest in the alliance", "third-highest", "came closest", "the biggest
spender on the European side", "a smaller share ... than any other ally"."""

from __future__ import annotations

import re

from ...members import europe_and_canada
from ..extract import COMPARED_BEFORE, Claim, Sentence
from ..grammar import folded, folded_pattern
from ..verify import COUNT_ROWS, GDP, USD, DataView, Figure
from .base import Rule, unverifiable
from .count_threshold import _sentence_year
from .member_count import word_first

ORD = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
TOP = re.compile(r"\btops?\s(?:the|that)\s(?:\w+\s)?table\b|\btop spender\b|\bthe highest\b|\bcame closest\b"
                 r"|\bbiggest spender\b|\blargest spender\b|\bleads the (?:alliance|table)\b|\bthe most of any\b"
                 r"|\bthe most relative to\b"
                 r"|\b(?:more|higher share|bigger share|larger share)\b[^.]{0,60}\bthan any other\b", re.I)
BOTTOM = re.compile(r"\bthe lowest\b|\blowest spender\b|\bbottom of the table\b|\bsmallest spender\b"
                    r"|\b(?:less|smaller share|lower share)\b[^.]{0,60}\bthan any other\b", re.I)
_TOP_FOLDED, _BOTTOM_FOLDED = folded_pattern(TOP), folded_pattern(BOTTOM)  # on s.low: offsets only
NTH = re.compile(r"\b(?P<n>second|third|fourth|fifth)[- ](?P<dir>highest|lowest|largest|biggest)\b", re.I)
CLAUSE = re.compile(r"\b(?:while|whereas|but)\b|;")
PLACE_RANK = re.compile(r"^\S+\s(?:\w+\s)?(?:country|economy|nation)\sin\b", re.I)  # "the richest country in"
VAGUE = re.compile(r"\b(?:one of|among) the\s(?:\w+\s)?(?:highest|lowest|largest|biggest|top)", re.I)

# TOP and BOTTOM on Sentence.low, each alternative's literal head first (member_count.word_first): the same
# match starts, so the same first match (only its start is used); and a word gate before each: the [a-z]+ tokens of
# the folded text one of which every match holds ("than any other" holds all three words)
_TOP_FAST = word_first([r"tops?\s(?:the|that)\s(?:\w+\s)?table", "top spender", "the highest", "came closest",
                        "biggest spender", "largest spender", "leads the (?:alliance|table)", "the most of any",
                        "the most relative to",
                        r"more\b[^.]{0,60}\bthan any other", r"higher share\b[^.]{0,60}\bthan any other",
                        r"bigger share\b[^.]{0,60}\bthan any other", r"larger share\b[^.]{0,60}\bthan any other"])
_BOTTOM_FAST = word_first(["the lowest", "lowest spender", "bottom of the table", "smallest spender",
                           r"less\b[^.]{0,60}\bthan any other", r"smaller share\b[^.]{0,60}\bthan any other",
                           r"lower share\b[^.]{0,60}\bthan any other"])
# = CLAUSE, the same spans: the \b before each word as a look-behind after it (member_count.word_first)
_CLAUSE_FAST = re.compile(r"while(?<!\wwhile)\b|whereas(?<!\wwhereas)\b|but(?<!\wbut)\b|;")
_TOP_WORDS = frozenset("tops top highest closest leads".split())
_TOP_THAN_WORDS = frozenset("more higher bigger larger".split())
_THAN_ANY_OTHER = frozenset({"than", "any", "other"})
_OF_ANY, _RELATIVE_TO = frozenset({"of", "any"}), frozenset({"relative", "to"})
_SPENDER = word_first(["spender"])  # = \bspender\b
_NOT_MONEY = re.compile(r"relative|share|GDP|economy|output|per cent|percent|%", re.I)
_EUROPE = word_first(["European", "in Europe"])  # = \bEuropean\b|\bin Europe\b


def _may_top(tokens: frozenset[str]) -> bool:
    """False only when TOP cannot match: each alternative's words are whole tokens of the folded text."""
    if not tokens.isdisjoint(_TOP_WORDS):
        return True
    if ("biggest" in tokens or "largest" in tokens) and "spender" in tokens:
        return True
    if "most" in tokens and (_OF_ANY <= tokens or _RELATIVE_TO <= tokens):
        return True
    return not tokens.isdisjoint(_TOP_THAN_WORDS) and _THAN_ANY_OTHER <= tokens


def _may_bottom(tokens: frozenset[str]) -> bool:
    """False only when BOTTOM cannot match (as _may_top)."""
    if "lowest" in tokens or "bottom" in tokens or "smallest" in tokens and "spender" in tokens:
        return True
    return ("less" in tokens or "smaller" in tokens or "lower" in tokens) and _THAN_ANY_OTHER <= tokens

GATE = frozenset("most top tops highest lowest closest biggest largest leads bottom smallest second third fourth fifth than".split())
# a token of the folded text every claim needs: an NTH ordinal (the ORD test before NTH), or a word _may_top or
# _may_bottom requires whatever else holds (spender with biggest/largest/smallest, any with "most of any" and
# "than any other", relative with "most relative to"); without one, m, top and bottom are all None
_NEED = frozenset(ORD) | _TOP_WORDS | {"lowest", "bottom", "spender", "any", "relative"}


_MONEY_RANK = re.compile(r"\b(?:the most|the least|biggest|largest|smallest)\b", re.I)


class RankRule(Rule):
    type = "rank"
    code = "CLM-RANK"

    def find(self, s: Sentence) -> list[Claim]:
        if s.tokens.isdisjoint(_NEED) or s.words.isdisjoint(GATE) or s.is_question:  # pure: likeliest stop first
            return []
        m = NTH.search(s.text) if not s.tokens.isdisjoint(ORD) else None
        if m:
            n, desc, at = ORD[folded(m.group("n"))], m.group("dir").lower() != "lowest", m.start()
        else:
            tokens = s.tokens
            top = _TOP_FAST.search(s.low) if _may_top(tokens) else None  # = _TOP_FOLDED (its start is used)
            bottom = _BOTTOM_FAST.search(s.low) if _may_bottom(tokens) else None
            if not (top or bottom):
                return []
            n, desc, at = 1, bool(top), (top or bottom).start()
        if VAGUE.search(s.text[max(0, at - 25):at + 20]) or PLACE_RANK.search(s.text[at:at + 40]):
            return []
        allies = [e for e in s._subjects if e.kind != "group"]  # (= is_ally) a new list: _subjects is read
        # "X spends ..., while Y lags at ..., the lowest": the rank belongs to the clause it sits in
        clause = max((m.end() for m in _CLAUSE_FAST.finditer(s.text, 0, at)), default=0)
        # the first ally inside the clause, else the first ally: the head of the list the plain version built
        # (inside[:1] + the other allies) and the only element it read
        # the nearest ally before the rank word in its clause ("..., and Belgium the second lowest")
        # (not one after "overtaken", "behind", "than": "Germany has overtaken Britain as the biggest spender")
        first = next((e for e in reversed(allies) if clause <= e.start and e.end <= at
                      and not COMPARED_BEFORE.search(s.text[max(0, e.start - 30):e.start])),
                     allies[0] if allies else None)
        subject = first.code if first is not None else (
            s.carry.subject if s.carry.subject and len(s.carry.subject) == 3 else None)
        if subject is None:
            return []
        spender = "spender" in s.text and _SPENDER.search(s.text)  # compiled once, literal first
        # a US$ figure and no percentage: "set to spend $97.7 billion, the most of any European ally" ranks money
        spender = spender or any(q.kind == "money" for q in s.quantities) and _MONEY_RANK.search(s.text)
        money = spender and not any(q.kind == "pct" for q in s.quantities) and not _NOT_MONEY.search(
            s.text[spender.end():spender.end() + 50])
        europe = "Europe" in s.text and _EUROPE.search(s.text) is not None
        pcts = [q for q in s.quantities if q.kind == "pct"]
        year = s.year_for(pcts[0])[0] if pcts else _sentence_year(s)
        metric = f"rank_{'desc' if desc else 'asc'}({USD if money else GDP}{', European allies' if europe else ''})"
        return [self.claim(s, subject, metric, n, "eq", year, None, desc=desc, indicator=USD if money else GDP,
                           europe=europe)]

    def verify(self, claim: Claim):
        s, x = claim.sentence, claim.extra
        if claim.year is None:
            return unverifiable("no data year")
        scope = [c for c in europe_and_canada() if c != "CAN"] if x["europe"] else None

        key = (x["indicator"], claim.year, None if scope is None else tuple(scope), x["desc"])

        def rank(ed):
            ranked = _ranking(s.asof.data, ed, *key)
            if ranked is None or claim.subject not in ranked[0]:
                return None
            rows, order, note, positions = ranked
            pos = positions[claim.subject]  # = the first place of subject in order (iso3 are unique)
            return Figure(float(pos), ed, order[:3] + [rows[claim.subject]],
                          f"rank of {claim.subject} among {len(rows)} allies by {x['indicator']} "
                          f"({'highest' if x['desc'] else 'lowest'} first) in {claim.year}{note}")
        # the editions where rank() finds something (data only): judging walks only those, same answer
        return s.asof.judge(rank, lambda v: v == claim.value, f"{claim.subject} rank {claim.metric}",
                            _rank_holding(s.asof.data, *key, claim.subject))


def _ranking(data: DataView, ed: str, indicator: str, year: int, scope: tuple[str, ...] | None, desc: bool):
    """({iso3: row}, rows in rank order, note, positions) for one edition, or None (memoised per data version)."""
    def compute():
        rows = data.per_ally(ed, indicator, year, scope)
        note = ""
        if rows is None and desc and indicator == GDP:
            rows, note = _top_from_count_row(data, ed, year), " (top complete: the count row lists every ally at 2%+)"
        if not rows:
            return None
        order = sorted(rows.values(), key=lambda r: r["value"], reverse=desc)
        positions: dict[str, int] = {}
        for i, r in enumerate(order, 1):
            positions.setdefault(r["iso3"], i)
        return rows, order, note, positions
    return data.memo(("ranking", ed, indicator, year, scope, desc), compute)


def _rank_holding(data: DataView, indicator: str, year: int, scope: tuple[str, ...] | None, desc: bool,
                  subject: str) -> frozenset[str]:
    """Editions where RankRule.verify's look-up finds the subject ranked (AsOf.judge `holding`)."""
    return frozenset(e["edition"] for e in data.editions
                     if (ranked := _ranking(data, e["edition"], indicator, year, scope, desc)) is not None
                     and subject in ranked[0])


def _top_from_count_row(data: DataView, ed: str, year: int):
    row = data.stored_row(ed, COUNT_ROWS[(GDP, 2.0)], "NATO_TOTAL", year)
    listed = {k: v for k, v in data.edition_years(ed, GDP).get(year, {}).items() if not k.startswith("NATO")}
    at_two = {k: v for k, v in listed.items() if v["value"] >= 2.0}
    if row and at_two and len(at_two) == int(row["value"]):
        return at_two
    return None
