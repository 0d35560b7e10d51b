"""Comparisons between two subjects: "a bigger share of national output than Washington", "spent less
of its GDP than Lithuania", "nearly double what the European allies and Canada spend"."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..grammar import folded
from ..verify import GDP
from .base import Rule
from .count_threshold import _sentence_year
from .figures import data_code, money_basis

SHARE_CMP = re.compile(r"\b(?P<dir>bigger|larger|higher|greater|smaller|lower)\s(?:share|proportion|percentage)\b"
                       r"|\b(?P<dir2>more|less)\sof\s(?:its|their)\s(?:GDP|economy|output|national output)", re.I)
RATIO = re.compile(r"\b(?P<hedge>nearly|almost|about|roughly|more than|over)?\s?(?P<r>double|twice|triple|three times"
                   r"|half)\s(?:what|that of|as much as|the)\b", re.I)
RATIOS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "three times": 3.0, "half": 0.5}
HEDGES = {"nearly": "nearly", "almost": "nearly", "about": "approx", "roughly": "approx", "more than": "gt",
          "over": "gt", None: "approx"}

# "the US spends more than all the other allies combined", "outspends the rest of the alliance put together"
ALL_OTHERS = re.compile(r"\b(?P<dir>more|less|outspends|outspent)\s(?:than\s)?(?:all\s)?(?:of\s)?(?:the\s)?"
                        r"(?:other|rest of the|remaining)\s(?:\d+\s)?(?:NATO\s)?(?:allies|members|countries|alliance)\s"
                        r"(?:combined|together|put together)\b", re.I)
_SEVERAL_YEARS = re.compile(r"\b(?:over|across|in)\s(?:the\s)?(?:past\s|last\s)?(?:\w+\s)?(?:years|decades?)\b|\bsince\s\d{4}",
                            re.I)
GATE = frozenset("bigger larger higher greater smaller lower more less double twice triple half times outspends "
                 "outspent".split())
_SHARE_NOUNS = frozenset({"share", "proportion", "percentage"})
_SHARE_DIRS = frozenset({"bigger", "larger", "higher", "greater", "smaller", "lower"})
_OF_WHOSE, _MORE_LESS = frozenset({"its", "their"}), frozenset({"more", "less"})


class ComparisonRule(Rule):
    type = "comparison"
    code = "CLM-COMPARE"

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question or s.words.isdisjoint(GATE):
            return []
        tokens = s.tokens
        # every SHARE_CMP match holds (as whole words of grammar.folded text, which s.tokens are) one of _SHARE_NOUNS
        # and one of _SHARE_DIRS, or "of", one of its/their and one of more/less; every RATIO match holds one of its
        # ratio words (not always as a whole word: "nearlydouble what")
        m = SHARE_CMP.search(s.text) if (
            not tokens.isdisjoint(_SHARE_NOUNS) and not tokens.isdisjoint(_SHARE_DIRS)
            or "of" in tokens and not tokens.isdisjoint(_OF_WHOSE) and not tokens.isdisjoint(_MORE_LESS)) else None
        than = s.text.find(" than ", m.end()) if m else -1
        if m and than >= 0 and "any other" not in s.text[than:than + 20]:
            subs = [e for e in s.subjects() if e.is_ally or e.code in ("NATO_EUR_CAN",)]
            a = [e for e in subs if e.end <= m.start()]
            b = [e for e in subs if e.start > than]
            if a and b:
                bigger = (m.group("dir") or m.group("dir2")).lower() in ("bigger", "larger", "higher", "greater", "more")
                return [self.claim(s, a[-1].code, GDP, b[0].code, "gt_entity" if bigger else "lt_entity",
                                   _sentence_year(s), kind="share", other=b[0].code)]
        # re.I "spend|spending" is the literal "spend" in the folded text
        low = s.low
        if "combined" in tokens or "together" in tokens:
            c = ALL_OTHERS.search(s.text)
            if c and not _SEVERAL_YEARS.search(s.text):
                a = [e for e in s.subjects() if e.end <= c.start() and e.is_ally]
                if a and a[-1].code == "USA":  # the only ally whose "all the others" is a published aggregate
                    more = c.group("dir").lower() in ("more", "outspends", "outspent")
                    return [self.claim(s, "USA", "ratio(def_exp_usd, NATO_EUR_CAN)", 1.0, "gt" if more else "lt",
                                       _sentence_year(s), kind="ratio", other="NATO_EUR_CAN", basis=money_basis(s))]
        r = RATIO.search(s.text) if "spend" in low and ("double" in low or "twice" in low or "half" in low
                                                        or "triple" in low or "times" in low) else None
        if r:
            b = [e for e in s.subjects() if e.start > r.end()]
            a = [e for e in s.subjects() if e.end <= r.start() and e.is_ally]
            subject = a[-1].code if a else s.carry.usd_subject
            if b and subject:
                other = data_code(b[0].code) or "NATO_TOTAL"
                year = s.carry.usd_year or _sentence_year(s)
                return [self.claim(s, subject, f"ratio(def_exp_usd, {other})", RATIOS[folded(r.group("r"))],
                                   HEDGES.get((r.group("hedge") or "").lower() or None, "approx"), year,
                                   kind="ratio", other=other, basis=money_basis(s))]
        return []
