"""A level and the level it changed from: two claims, two years ("lifted its share of output to 1.74 from 1.22 in 2019",
"rose from 1.82% of GDP to 2.04% in 2019", "2.2 per cent, up from 1.81 per cent", "a rise from 1.48 percent in 2018").

Roles, not wordings: the level reached (after "to", or the figure a change noun or "up from" follows) and the level it
started from (after "from"), of one subject, and the times around them:
- a time right next to the starting level is its own ("a rise from 1.48 percent in 2018"), and the level reached keeps
  a time of its own, else the present (not the starting level's);
- a time after a tight pair "to Y from X in T" dates the change when T is the latest year the editions hold (Y in T,
  X in the year before), as a yearly report states it; else it is X's own;
- a starting level without a time of its own is the year before the level reached. That year is inferred, not
  written: a figure that does not match it is unverifiable, never refuted (frame slot `year_inferred`).

`bare_pair` reads the pair without a per cent sign when the share of GDP is named before it ("the proportion of its
output going to the military to 1.74 from 1.22"); `pair_years` sets the years of a pair the % of GDP rule read."""

from __future__ import annotations

import re

from ..extract import PLAN_WORDS_FOLDED, Claim, Sentence
from ..quantities import Quantity
from ..verify import GDP

# before the starting level: "from", "up from", "a rise from the" (folded text, ending at the figure)
_FROM_BEFORE = re.compile(r"\bfrom\s(?:the\s|its\s|their\s|a\s)?(?:about\s|nearly\s|just\s|only\s|roughly\s|around\s|some\s"
                          r"|almost\s)?$")
# between a starting level and the level reached after it: "1.82% of GDP to 2.04%", "1.2 to 2.1"
_FROM_TO_GAP = re.compile(r"(?:\sof\s(?:(?:its|their|the)\s)?(?:gdp|national\soutput|output|economic\soutput))?\s(?:to|and)\s"
                          r"(?:(?:the|its|their)\s)?(?:(?:current|present|latest|estimated|projected|new)\s)?"
                          r"(?:about\s|nearly\s|just\s|roughly\s|around\s|almost\s|more\sthan\s|less\sthan\s|over\s|under\s)?")
# between the level reached and a starting level after it: "to 1.74 from", "2.2 per cent of GDP, up from", "1.61 percent
# of its GDP on defence, a rise from", "2.37% of national output in 2024 from"
_TO_FROM_GAP = re.compile(r"[^;.!?]{0,70}$")
# the share of GDP named before a pair of bare decimals ("the proportion of its output going to the army from 1.2 to 1.5")
_BARE_PAIR = re.compile(
    r"\b(?:percentage|share|proportion|ratio)\sof\s(?:(?:its|their|the\scountry['’]s|the\snation['’]s|[a-z]+['’]s)\s)?"
    r"(?:gdp|gross\sdomestic\sproduct|(?:economic\s|national\s)?output|economy)"
    r"(?:\s(?:spent|devoted|allocated|going|that\sgoes|which\sgoes|put)\s(?:on|to|into)\s(?:defen[cs]e|the\smilitary|its\smilitary"
    r"|the\sarmed\sforces))?"
    r"\s(?:from\s(?P<x>\d{1,2}\.\d{1,2})\sto\s(?P<y>\d{1,2}\.\d{1,2})|to\s(?P<y2>\d{1,2}\.\d{1,2})\sfrom\s(?P<x2>\d{1,2}\.\d{1,2}))"
    r"(?!\d|\s?(?:%|per|percent|pc|pct|billion|million|bn|trillion|points?))")
_OWN_TIME_GAP = 4  # characters between a figure and a time of its own ("1.22 in 2019": the time starts 1 after it)
_DATA_KINDS = ("year", "this_year", "last_year")


def _time_next_to(s: Sentence, q: Quantity):
    """A data time right after the figure (" in 2018") or right before it ("last year's 3.8%")."""
    return next((t for t in s.data_times if t.year and t.kind in _DATA_KINDS
                 and (0 <= t.start - q.end <= _OWN_TIME_GAP or 0 <= q.start - t.end <= _OWN_TIME_GAP)), None)


def _set_year(c: Claim, year: int | None, how: str, inferred: bool = False) -> None:
    c.year = year
    c.extra = {**c.extra, "how": how, **({"year_inferred": True} if inferred else {})}


def _apply(s: Sentence, x: Claim, y: Claim, tight_to_from: bool) -> None:
    """The years of a starting level x and the level reached y (claims of one subject, read from one pair)."""
    qx, qy = x.quantity, y.quantity
    assert qx is not None and qy is not None
    if s.is_current_origin(qx):
        return  # "to 1.3% in 2030 from about 0.9 percent today": today's level, in the present (Sentence.year_for)
    latest = s.latest_year()
    tx = _time_next_to(s, qx)
    ty_own = [t for t in s.data_times if t.year and t.kind in _DATA_KINDS and t is not tx]
    if tx is not None:
        if tight_to_from and tx.start > qx.end and tx.year == latest and not ty_own:
            _set_year(y, tx.year, "year")  # "lifted it to 1.74 from 1.22 in 2019" in the 2019 report: the change's year
            _set_year(x, tx.year - 1, "year", inferred=True)
            return
        _set_year(x, tx.year, tx.kind)  # "a rise from 1.48 percent in 2018": the starting level's own year
        if latest is not None and tx.year <= latest:  # (a past level, whatever "would" governs the rise: reported)
            x.extra = {**x.extra, "plan": False, "modality": "reported"}
        if y.year == tx.year and not ty_own:
            _set_year(y, latest, "present")  # (the level reached is not dated by it)
        return
    if y.year is not None and x.year in (y.year, latest) and not y.extra.get("plan"):
        _set_year(x, y.year - 1, "year", inferred=True)  # "up from 1.81 per cent": the year before the level reached


def pair_years(s: Sentence, claims: list[Claim]) -> None:
    """Years for the pairs among `claims` (% of GDP claims of the sentence): a starting level after "from" and the
    level of the same subject it changed to, next to it in either order."""
    if "from" not in s.words or len(claims) < 2:
        return
    low = s.low
    figures = [c for c in claims if c.type in ("ally_pct_gdp", "group_pct_gdp") and c.quantity is not None
               and c.quantity.kind == "pct"]
    for x in figures:
        qx = x.quantity
        assert qx is not None
        if not _FROM_BEFORE.search(low, max(0, qx.start - 30), qx.start):
            continue
        for y in figures:
            qy = y.quantity
            assert qy is not None
            if y is x or y.subject != x.subject:
                continue
            if qx.end <= qy.start and _FROM_TO_GAP.fullmatch(low, qx.end, qy.start):  # "from X to Y"
                _apply(s, x, y, tight_to_from=False)
                break
            if qy.end <= qx.start and _TO_FROM_GAP.search(low, qy.end, qx.start) is not None \
                    and not any(qy.end <= o.quantity.start < qx.start for o in figures if o.quantity is not None):
                tight = re.fullmatch(r"\sfrom\s", low[qy.end:qx.start]) is not None and low.endswith("to ", 0, qy.start)
                _apply(s, x, y, tight_to_from=tight)
                break


def bare_pair(s: Sentence, rule) -> list[Claim]:
    """"took the proportion of its output going to the military to 1.74 from 1.22 in 2019": the pair with no per cent sign,
    for the ally the sentence names before it (or that "its" stands for)."""
    if "from" not in s.words or not s.has_number:
        return []
    m = _BARE_PAIR.search(s.low)
    if m is None:
        return []
    ally = next((e for e in reversed(s.entities) if e.is_ally and e.end <= m.start() and len(e.code) == 3), None)
    if ally is None:
        return []
    x_group, y_group = ("x", "y") if m.group("x") else ("x2", "y2")
    text = s.text

    def stand_in(group: str) -> Quantity:
        start, end = m.span(group)
        return Quantity(start, end, "pct", float(text[start:end]), len(text[start:end].split(".")[1]), "eq", text[start:end])

    qx, qy = stand_in(x_group), stand_in(y_group)
    year, how = s.year_for(qy)
    plan = how in ("deadline", "future") or PLAN_WORDS_FOLDED.search_words(s.low, s.tokens) is not None
    x = Claim("ally_pct_gdp", rule.code, s, ally.code, GDP, qx.value, "eq", year, qx,
              {"plan": False, "how": how, "negated": False}, rule)
    y = Claim("ally_pct_gdp", rule.code, s, ally.code, GDP, qy.value, "eq", year, qy,
              {"plan": plan, "how": how, "negated": False}, rule)
    if plan:
        _set_year(x, s.latest_year(), "present")  # "plans to take it from 1.3 to 2.0 by 2030": the present level
    else:
        _apply(s, x, y, tight_to_from=x_group == "x2")
    return sorted([x, y], key=lambda c: c.quantity.start if c.quantity is not None else 0)
