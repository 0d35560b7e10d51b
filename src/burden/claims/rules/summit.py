"""Scheduled summits recorded in the pack (commitments.csv): "the summit in The Hague in June"."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import MONTHS
from ..extract import Claim, Sentence
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from ..lexicon import alternation, rows
from ..measures.summit_date import summit_dates
from .base import Rule

# lexicon/en/summit_places.csv: each summit's place names (case as written) and host countries (folded)
_PLACE_NAMES: dict[str, list[str]] = {}
for _row in rows("summit_places"):
    if _row["kind"] == "place":
        _PLACE_NAMES.setdefault(_row["summit"], []).append(_row["word"])
# each summit's names as one pattern (case-sensitive), behind the literals its matches need (claims.gates)
_PLACES = [(k, gated(re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b"))) for k, names in _PLACE_NAMES.items()]
SUMMIT_HOSTS = {r["summit"]: r["word"] for r in rows("summit_places") if r["kind"] == "host"}
# what names the summit before its host country: "summit", "a NATO meeting" (folded text)
_NOUN = "(?:" + "|".join(r["word"] for r in rows("summit_places") if r["kind"] == "noun") + ")"
_HOSTED = {k: re.compile(rf"\b{_NOUN}\s(?:(?:in|hosted by)\s(?:the\s)?{c}\b|{c}\s(?:hosts|will host))")
           for k, c in SUMMIT_HOSTS.items()}
MEETING = gated(folded_pattern(re.compile(rf"\b(?:{alternation('meeting', 'pattern')})\b", re.I)))  # on Sentence.low
# a summit "in the Netherlands" a few words after the word summit ("a summit of the allied leaders in the Netherlands")
_HOSTED_APART = {k: re.compile(rf"\b{_NOUN}\s(?:[\w'’-]+\s){{1,10}}?in\s(?:the\s)?{c}\b") for k, c in SUMMIT_HOSTS.items()}
# when the summit is said to be, read from the article's date (lexicon summit_times.csv; on Sentence.low)
_TIMES = {kind: [gated(re.compile(r["pattern"])) for r in rows("summit_times") if r["kind"] == kind]
          for kind in ("weekday", "ahead", "held")}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_A_FEW = 3  # "(a few) days before the summit": no number written
_DAYS_IN = {"day": 1, "week": 7, "fortnight": 14}  # a span ahead counted in days (months: calendar months)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "a": 1, "a few": _A_FEW, "few": _A_FEW, "several": _A_FEW}


def _count(n: str | None) -> int:
    """The number of a span ahead ("two", "10", "a few"; none written: a few)."""
    if n is None:
        return _A_FEW
    return int(n) if n.isdigit() else _SMALL[" ".join(n.split())]


_SAID_REACH = 60  # characters between the summit's word, place or host and the time said of it


def _said_month(s: Sentence) -> tuple[int, int] | None:
    """The (year, month) a weekday or a span ahead puts the summit in, counted from the article's date; only a time
    near the word summit or its place ("Rutte was in Washington on Thursday, two months before a summit ...": two
    months, not Thursday)."""
    low, tokens, today = s.low, s.tokens, s.today

    def close(m: re.Match) -> bool:
        return _near_summit(s, m.start())

    for g in _TIMES["weekday"]:
        if g.may_match(low, tokens) and (m := next((m for m in g.finditer(low) if close(m)), None)) is not None:
            ahead = (_WEEKDAYS.index(m.group("wd")) - today.weekday()) % 7 or 7
            day = today + dt.timedelta(days=ahead)
            return day.year, day.month
    for g in _TIMES["ahead"]:
        if g.may_match(low, tokens) and (m := next((m for m in g.finditer(low) if close(m)), None)) is not None:
            n, unit = _count(m.group("n")), m.group("unit").rstrip("s")
            if unit in _DAYS_IN:
                day = today + dt.timedelta(days=_DAYS_IN[unit] * n)
                return day.year, day.month
            month = today.month - 1 + n  # calendar months: "three months away" on 1 June is September
            return today.year + month // 12, month % 12 + 1
    return None


# the word summit, a summit's place or host country (folded text): what a time said of the summit stands near
_NEAR = re.compile(r"\bsummit\b|" + "|".join(rf"\b{re.escape(w.lower())}\b" for ws in _PLACE_NAMES.values() for w in ws)
                   + "".join(rf"|\b{c}\b" for c in SUMMIT_HOSTS.values()))


def _from_summit(s: Sentence, start: int) -> int:
    """How far (in characters) a time at `start` stands from the summit's word, place or host country."""
    return min((abs(start - m.start()) for m in _NEAR.finditer(s.low)), default=len(s.low))


def _near_summit(s: Sentence, start: int) -> bool:
    """Whether a time at `start` is said of the summit: near its word, place or host ("at Vilnius Summit, ..., since we
    examined the data in February": February is the data's, not the summit's)."""
    return _from_summit(s, start) <= _SAID_REACH


def _held_on(s: Sentence) -> tuple[int, int] | None:
    """The (year, month) of a summit's day written out ("held on July 11, 2023"): its year, else the article's."""
    for g in _TIMES["held"]:
        if (m := g.search_words(s.low, s.tokens)) is not None:
            years = [t.year for t in s.times if t.year and t.start >= m.end() and t.start - m.end() < 8]
            return (years[0] if years else s.today.year), MONTHS[m.group("month")]
    return None


_MONTH_YEAR_GAP = re.compile(r",?\s?$")  # between a month and the year written right after it ("July 2023", "July, 2023")


def _year_written_after(s: Sentence, month) -> int | None:
    """The year written right after a month ("will be held in Vilnius in July 2023", in a 2016 text): the month's own
    year, not the one counted from the article's date."""
    return next((t.year for t in s.times if t.kind == "year" and t.year and month.end <= t.start <= month.end + 2
                 and _MONTH_YEAR_GAP.match(s.text, month.end, t.start)), None)


class SummitRule(Rule):
    type = "summit"
    code = "CLM-SUMMIT"
    # a place named (its pattern read case-blind here: the same words or more) or a host country's summit
    needs = (needs_of(*(gated(folded_pattern(re.compile(g.pattern.pattern, re.I))) for _k, g in _PLACES),
                      *(gated(h) for h in _HOSTED.values())),)

    def find(self, s: Sentence) -> list[Claim]:
        out = []
        meeting = None  # MEETING.search_words(s.low, s.tokens), asked once (a pure test: the same answer)
        dates = summit_dates()
        for key, regex in _PLACES:
            day = dates.get(key)
            if not day:
                continue
            if s.today >= day:  # after the event: only its day written out ("leaders gathered on July 11, 2023, in Vilnius")
                if (held := _held_on(s)) is not None and regex.search(s.text) and s.today.year - held[0] <= 1:
                    out.append(self.claim(s, key, "summit_month", f"{held[0]}-{held[1]:02d}", "eq", held[0]))
                continue
            host = SUMMIT_HOSTS.get(key)
            if host and host in s.tokens and (_HOSTED[key].search(s.low) or _HOSTED_APART[key].search(s.low)):
                pass  # "a summit in the Netherlands", "a NATO meeting in the Netherlands": the place named by its host
            elif (place := regex.search(s.text)) is None:
                continue
            elif any(e.kind == "capital" and e.start <= place.start() < e.end for e in s.entities):
                continue  # "Vilnius was set to comply with ... the latest NATO summit in Warsaw": the government
            else:
                if meeting is None:
                    meeting = MEETING.search_words(s.low, s.tokens) is not None
                if not meeting:
                    continue
            # the month or week said of the summit: the one nearest its word, place or host, within reach
            when = sorted((t for t in s.times if t.kind in ("month", "week") and _near_summit(s, t.start)),
                          key=lambda t: _from_summit(s, t.start))
            if when:
                year = _year_written_after(s, when[0]) or when[0].year
                out.append(self.claim(s, key, "summit_month", f"{year}-{when[0].month:02d}", "eq", year))
            elif (said := _said_month(s)) is not None:  # "on Tuesday", "two months away": from the article's date
                out.append(self.claim(s, key, "summit_month", f"{said[0]}-{said[1]:02d}", "eq", said[0]))
        return out
