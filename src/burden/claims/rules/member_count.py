"""How many allies NATO had on a date: "all 32 allies", "the 29th member", "from 12 founding members"."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ...members import member_count, members
from ..entities import _holds_any
from ..extract import NUMBERISH, Claim, Sentence
from ..grammar import folded, folded_pattern
from ..quantities import NUMBER_WORDS
from .base import Rule, fact, unverifiable

_N = r"(?P<n>\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w.isalpha() and w not in ("no", "none", "zero")) + ")"
_WHO = r"(?:NATO\s)?(?:allies|members|member states|member countries|countries|leaders|nations|heads of state)"
PATTERNS = [
    (re.compile(rf"\b{_N}(?:st|nd|rd|th)\s(?:member|ally)\b", re.I), "ordinal"),
    (re.compile(rf"\ball\s{_N}\s{_WHO}", re.I), "all"),
    (re.compile(rf"\b{_N}\sfounding\s(?:members|allies|nations|countries)", re.I), "founding"),
    (re.compile(rf"\bfrom\s{_N}\s(?:members|allies)", re.I), "from"),
    (re.compile(rf"(?<!our\s)\bthe\s(?:alliance's\s)?{_N}\s{_WHO}", re.I), "the"),
    (re.compile(rf"(?<!\w)(?<!our\s){_N}\sNATO\s(?:allies|members|member states|countries)", re.I), "the"),
    (re.compile(rf"^{_N}:\s(?:allies|members)\s(?:today|now|in NATO)", re.I), "the"),
    (re.compile(rf"^{_N}:\sthe\snumber\sof\s(?:allies|members)\b", re.I), "the"),
    (re.compile(rf"\b(?:has|have|had|counts|numbers|of)\s(?!our\s)(?:\w+\s)?{_N}\s(?:members|allies|member states)\b", re.I), "the"),
    (re.compile(rf"\b{_N}-(?:member|nation|country)\s(?:alliance|bloc|NATO)\b", re.I), "the"),
    (re.compile(rf"\bto\s{_N}(?=\s*(?:[.,;]|$|\smembers|\sallies|\sin\s))", re.I), "to"),
]
# a word every match of PATTERNS[i] holds (case-folded), or () when there is no cheap test
_PATTERN_MARKS = [("member", "ally"), ("all",), ("founding",), ("from",), ("the",), ("nato",), (":",), (":",),
                  ("member", "allies"), ("-",), ()]
# the same on Sentence.low (grammar.folded_pattern): same spans, faster without re.I
_PATTERNS_FOLDED = [(folded_pattern(regex), kind) for regex, kind in PATTERNS]
CONDITIONAL = re.compile(r"\b(?:if|once|will have|would have|will become|would become|expected to become|could)\b", re.I)
_CONDITIONAL_FOLDED = folded_pattern(CONDITIONAL)  # yes/no on Sentence.low
WORDS = {w: v for w, v in NUMBER_WORDS.items()}
_DIGIT = re.compile(r"\d")
FIRST_MEMBERS_DAY = dt.date(1949, 8, 24)


@functools.lru_cache(maxsize=1024)
def _count_on(day: dt.date) -> int:  # members.csv does not change during a run; articles share dates
    return member_count(day)


@functools.lru_cache(maxsize=1024)
def _latest_on(day: dt.date) -> str:
    """The most recent accessions by `day`, newest first (e.g. 'SWE 2024-03-07, FIN 2023-04-04, MKD 2020-03-27')."""
    latest = sorted(members(day), key=lambda m: m["accession_date"], reverse=True)[:3]
    return ", ".join(f"{m['iso3']} {m['accession_date']}" for m in latest)


def _value(text: str) -> int:
    return int(text) if text.isdigit() else WORDS[folded(text)]

GATE = frozenset("member members allies ally leaders countries nations states heads".split())
# every pattern needs a number from 10 to 40: a two-digit run standing alone, or a word from ten up (an
# ordinal suffix may follow it: "the thirteenth member")
_TWO_DIGITS = re.compile(r"(?<!\w)\d\d(?!\d)")
_TENS = tuple(w for w, v in NUMBER_WORDS.items() if w.isalpha() and v >= 10)
_TENS_WORD = re.compile(r"\b(?:" + "|".join(_TENS) + r")(?:st|nd|rd|th)?\b")
# the same test on the sentence's words (a whole-word match is a word): no scan
_TENS_TOKENS = frozenset(w + suffix for w in _TENS for suffix in ("", "st", "nd", "rd", "th"))
# every CONDITIONAL match starts with one of these words
_CONDITIONAL_WORDS = frozenset({"if", "once", "will", "would", "expected", "could"})
_FROM_FOUNDING = re.compile(r"\bfrom\s\S+\sfounding\s(?:members|allies)", re.I)


class MemberCountRule(Rule):
    type = "member_count"
    code = "CLM-MEMBERS"

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question or s.words.isdisjoint(GATE) or not (_DIGIT.search(s.text) or not s.words.isdisjoint(NUMBERISH)) or \
                not (_TWO_DIGITS.search(s.text) or not s.tokens.isdisjoint(_TENS_TOKENS)) or \
                not s.tokens.isdisjoint(_CONDITIONAL_WORDS) and _CONDITIONAL_FOLDED.search(s.low):
            return []
        out, seen = [], set()
        has_from = "founding" in s.low and _FROM_FOUNDING.search(s.text)
        for (regex, kind), marks in zip(_PATTERNS_FOLDED, _PATTERN_MARKS, strict=True):
            if kind == "to" and not has_from or marks and not _holds_any(s.low, marks):
                continue  # the pattern cannot match (or its matches would be dropped)
            for m in regex.finditer(s.low):  # group "n" is read folded: _value folds it anyway
                n = _value(m.group("n"))
                if not 10 <= n <= 40 or m.start("n") in seen:
                    continue
                seen.add(m.start("n"))
                for i, q in enumerate(s.quantities):
                    if q.start <= m.start("n") < q.end:
                        s.used.add(i)
                year = 1949 if kind == "founding" else s.today.year
                out.append(self.claim(s, "NATO", "member_count", n, "eq", year, kind=kind))
        return out

    def verify(self, claim: Claim):
        s = claim.sentence
        kind = claim.extra["kind"]
        if kind == "founding":
            n = _count_on(FIRST_MEMBERS_DAY)
            return fact("supported" if n == claim.value else "refuted",
                        [f"members.csv: {n} allies had joined by {FIRST_MEMBERS_DAY.isoformat()}"], "founding members")
        if kind == "from":  # a count before a recent accession
            counts = {_count_on(s.today - dt.timedelta(days=d)) for d in range(0, 400, 5)}
            ok = claim.value in counts
            return fact("supported" if ok else "refuted",
                        [f"members.csv: counts over the year before {s.today.isoformat()}: {sorted(counts)}"],
                        "member count in the year before the date")
        n = _count_on(s.today)
        if n == 0:
            return unverifiable("no members on that date")
        names = _latest_on(s.today)
        return fact("supported" if n == claim.value else "refuted",
                    [f"members.csv: {n} allies had joined by {s.today.isoformat()} (latest accessions: {names})"],
                    f"NATO had {n} members on {s.today.isoformat()}")
