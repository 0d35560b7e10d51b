"""Ranks: "tops the table", "the lowest in the alliance", "third-highest", "came closest", "the biggest
spender on the European side", "a smaller share ... than any other ally"."""

from __future__ import annotations

import functools
import re

from ...members import europe_and_canada
from ..extract import Claim, Sentence
from ..grammar import folded, folded_pattern
from ..verify import COUNT_ROWS, GDP, USD, Figure, _per_ally
from .base import Rule, unverifiable
from .count_threshold import _sentence_year

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
VAGUE = re.compile(r"\bone of the\s(?:\w+\s)?(?:highest|lowest|largest|biggest|top)", re.I)

GATE = frozenset("most top tops highest lowest closest biggest largest leads bottom smallest second third fourth fifth than".split())


class RankRule(Rule):
    type = "rank"
    code = "CLM-RANK"

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question or s.words.isdisjoint(GATE):
            return []
        m = NTH.search(s.text) if not s.tokens.isdisjoint(ORD) else None
        if m:
            n, desc, at = ORD[folded(m.group("n"))], m.group("dir").lower() != "lowest", m.start()
        else:
            top, bottom = _TOP_FOLDED.search(s.low), _BOTTOM_FOLDED.search(s.low)
            if not (top or bottom):
                return []
            n, desc, at = 1, bool(top), (top or bottom).start()
        if VAGUE.search(s.text[max(0, at - 25):at + 20]) or PLACE_RANK.search(s.text[at:at + 40]):
            return []
        allies = [e for e in s.subjects() if e.is_ally]
        # "X spends ..., while Y lags at ..., the lowest": the rank belongs to the clause it sits in
        clause = max((m.end() for m in CLAUSE.finditer(s.text, 0, at)), default=0)
        inside = [e for e in allies if clause <= e.start and e.end <= at]
        allies = inside[:1] + [e for e in allies if e not in inside[:1]]
        subject = allies[0].code if allies else (s.carry.subject if s.carry.subject and len(s.carry.subject) == 3
                                                 else None)
        if subject is None:
            return []
        spender = re.search(r"\bspender\b", s.text)
        money = spender and not any(q.kind == "pct" for q in s.quantities) and not re.search(r"relative|share|GDP|economy|output|per cent|percent|%",
                                          s.text[spender.end():spender.end() + 50], re.I)
        europe = bool(re.search(r"\bEuropean\b|\bin Europe\b", s.text))
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

        def rank(ed):
            ranked = _ranking(ed, x["indicator"], claim.year, None if scope is None else tuple(scope), x["desc"])
            if ranked is None or claim.subject not in ranked[0]:
                return None
            rows, order, note = ranked
            pos = next(i for i, r in enumerate(order, 1) if r["iso3"] == claim.subject)
            return Figure(float(pos), ed, order[:3] + [rows[claim.subject]],
                          f"rank of {claim.subject} among {len(rows)} allies by {x['indicator']} "
                          f"({'highest' if x['desc'] else 'lowest'} first) in {claim.year}{note}")
        return s.asof.judge(rank, lambda v: v == claim.value, f"{claim.subject} rank {claim.metric}")


@functools.lru_cache(maxsize=4096)
def _ranking(ed: str, indicator: str, year: int, scope: tuple[str, ...] | None, desc: bool):
    """({iso3: row}, rows in rank order, note) for one edition, or None: data only, so computed once per
    edition and scope rather than once per claim and edition."""
    rows = _per_ally(ed, indicator, year, None if scope is None else list(scope))
    note = ""
    if rows is None and desc and indicator == GDP:
        rows, note = _top_from_count_row(ed, year), " (top complete: the count row lists every ally at 2%+)"
    if not rows:
        return None
    return rows, sorted(rows.values(), key=lambda r: r["value"], reverse=desc), note


def _complete_top(s: Sentence, ed: str, year: int):
    """A partial edition still fixes the top when its count row equals the allies listed at 2% or more."""
    return _top_from_count_row(ed, year)


def _top_from_count_row(ed: str, year: int):
    from ..verify import _edition_years, _stored_row

    row = _stored_row(ed, COUNT_ROWS[(GDP, 2.0)], "NATO_TOTAL", year, "current")
    listed = {k: v for k, v in _edition_years(ed, GDP).get(year, {}).items() if not k.startswith("NATO")}
    at_two = {k: v for k, v in listed.items() if v["value"] >= 2.0}
    if row and at_two and len(at_two) == int(row["value"]):
        return at_two
    return None
