"""An ally's or a group's defence spending as % of GDP in a year ("Poland is at 3.9 per cent of GDP",
"Italy reached the 2% target last year", "the European allies and Canada ... 2.02%")."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..grammar import folded_pattern
from ..quantities import Quantity
from ..verify import GDP, editions_holding, matches
from .base import Rule, unverifiable
from .figures import data_code, pct_gdp

GDP_TAIL = re.compile(r"^\s{0,2}(?:\(\w+\)\s)?of\s(?:(?:its|their|the|his|her|our|combined|national|the country's"
                      r"|Canada's|\w+'s|economic|annual|total|gross)\s){0,2}(?:GDP|gross domestic product|output|economy|national output"
                      r"|national income)", re.I)
LISTICLE_ALLY = re.compile(r"^:\s(?:the\s)?[A-Z]")  # "1.19%: Luxembourg in 2024"
OTHER_TAIL = re.compile(r"^\s{0,2}of\s", re.I)
REFERENCE_TAIL = re.compile(r"^\s{0,2}(?:\w+\s)?(?:target|guideline|mark|line|level|floor|goal|threshold|benchmark"
                            r"|pledge|core level|spending target)\b", re.I)
REACH_BEFORE = re.compile(r"\b(?P<verb>reach\w*|hit|hits|meets?|met|meeting|pass\w*|crossed|cross|above|below|clears?"
                          r"|exceed\w*|past|miss\w*|short of)\s(?:\w+'?s?\s){0,3}$", re.I)
GROWTH_BEFORE = re.compile(r"\b(?:by|grow\w*|grew|rise|rose|risen|increase\w*|jump\w*|up from|down from|cut\w*)\s{1,3}"
                           r"(?:\w+\s){0,2}$", re.I)
SPEND_CONTEXT = re.compile(r"\b(?:spend\w*|spent|devot\w*|puts?|is at|was at|at|budget|share|defen[cs]e|reach\w*"
                           r"|allocat\w*|earmark\w*|clear\w*|lag\w*|stands?|sits?|hover\w*|on|with"
                           r"|estimate\w*|followed|GDP|hit|hits|meets?|met|pass\w*|exceed\w*)\b", re.I)
_SPEND_CONTEXT_FOLDED = folded_pattern(SPEND_CONTEXT)
TARGET_WORDS = re.compile(r"\b(?P<verb>meets?|met|meeting|reach\w*|hit|hits|miss\w*|falls? short of|fell short of)\s"
                          r"(?:the\s)(?:2\s?%\s|2 per cent\s|two per cent\s|NATO\s|alliance's\s)?(?:target|guideline|goal)",
                          re.I)
_UP_FROM = re.compile(r"\bup from\b")
_TARGET_WORDS = frozenset({"target", "guideline", "goal"})
VERB_OP = {"pass": "gt", "crossed": "gt", "cross": "gt", "above": "gt", "exceed": "gt", "past": "gt", "below": "lt",
           "miss": "lt", "short": "lt", "fall": "lt", "fell": "lt"}


def verb_comparator(verb: str) -> str:
    v = verb.lower()
    for stem, op in VERB_OP.items():
        if v.startswith(stem):
            return op
    return "ge"


class AllyPctRule(Rule):
    type = "ally_pct_gdp"
    code = "CLM-PCT-GDP"

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        out: list[Claim] = []
        for q in s.free(("pct",)):
            before, after = s.text[max(0, q.start - 40):q.start], s.text[q.end:q.end + 60]
            if GROWTH_BEFORE.search(before) and not _UP_FROM.search(before[-10:]) or \
                    "real terms" in s.text[q.end:q.end + 30]:
                continue
            comparator = q.comparator
            if REFERENCE_TAIL.match(after):
                verb = REACH_BEFORE.search(before)
                if not verb:
                    continue  # "the alliance's 2 per cent guideline" as a reference, not a claim
                if comparator == "eq":
                    comparator = verb_comparator(verb.group("verb"))
            elif OTHER_TAIL.match(after) and not GDP_TAIL.match(after):
                continue  # "58 percent of Americans", "20 per cent of their defence budgets"
            elif not GDP_TAIL.match(after) and not _SPEND_CONTEXT_FOLDED.search(s.low) and not REACH_BEFORE.search(before) \
                    and not LISTICLE_ALLY.match(after):
                continue
            elif comparator == "eq" and q.decimals == 0 and REACH_BEFORE.search(before):
                comparator = verb_comparator(REACH_BEFORE.search(before).group("verb"))
            subject = s.ally_for(q)
            code = data_code(subject)
            if code is None:
                continue
            out.append(self._claim(s, q, code, comparator))
        if not out and not s.used and not s.words.isdisjoint(_TARGET_WORDS) and not s.free(("pct",)):
            m = TARGET_WORDS.search(s.text)
            if m:
                q = Quantity(m.start(), m.end(), "pct", 2.0, 0, verb_comparator(m.group("verb")), m.group(0))
                subject = data_code(s.ally_for(q))
                if subject and any(e.is_ally for e in s.subjects()):
                    s.quantities.append(q)
                    s.quantities.sort(key=lambda x: x.start)
                    out.append(self._claim(s, q, subject, q.comparator))
        return out

    def _claim(self, s: Sentence, q: Quantity, code: str, comparator: str) -> Claim:
        year, how = s.year_for(q)
        plan = how in ("deadline", "future") or (how in ("present", "carried") and s.is_plan())
        s.take(q)
        ctype = "group_pct_gdp" if code.startswith("NATO") else "ally_pct_gdp"
        claim = self.claim(s, code, "def_exp_pct_gdp", q.value, comparator, year, q, plan=plan, how=how)
        claim.type = ctype
        return claim

    def verify(self, claim: Claim):
        s = claim.sentence
        if claim.extra["plan"]:
            return unverifiable("a plan, promise or forecast beyond the published figures: not checkable")
        if claim.year is None:
            return unverifiable("no data year")
        q = claim.quantity
        what = f"{claim.subject} {claim.year} % of GDP"
        return s.asof.judge(pct_gdp(s.asof, claim.subject, claim.year),
                            lambda v: matches(v, claim.value, claim.comparator, q.decimals), what,
                            editions_holding((GDP,), claim.subject, claim.year))

