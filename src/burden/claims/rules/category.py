"""Shares of defence spending by category: "43% of its defence budget goes to personnel", "26% on equipment",
"more than half of its spending into equipment" (NATO's Table 8: equipment, personnel, infrastructure, other).

A new measure in one module: what it reads (the patterns below), what it checks (one indicator per category)."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from .base import Rule
from .figures import data_code, is_plan_before

INDICATORS = {"equipment": "equipment_pct", "personnel": "personnel_pct", "infrastructure": "infrastructure_pct"}
_OF_BUDGET = (r"(?:of\s(?:its|their|the|his|her|our|\w+['’]s)\s(?:\w+\s)?(?:defen[cs]e\s|military\s)?"
              r"(?:budgets?|spending|expenditures?|outlays?)\s(?:goes\s|went\s)?)?")
# the category right after the figure: "26% on equipment", "43% of its defence budget to personnel"
AFTER = re.compile(r"\s?" + _OF_BUDGET + r"(?:on|to|into|for|in)\s(?:major\s|new\s|military\s)?(?P<cat>equipment|personnel|"
                   r"infrastructure)\b", re.I)
# a guideline on the category named after a second figure: "below the 20% guideline"
_GUIDELINE_AFTER = re.compile(r"\s?(?:equipment\s)?(?:guideline|target|goal|benchmark|mark|line)\b", re.I)
_BELOW = re.compile(r"\b(?:below|under|short of|less than)\s(?:the\s)?$", re.I)
_ABOVE = re.compile(r"\b(?:above|over|beyond|more than|exceeding)\s(?:the\s)?$", re.I)


class CategoryRule(Rule):
    type = "spending_category"
    code = "CLM-CATEGORY"
    needs = (needs_of(gated(folded_pattern(AFTER))),)  # every claim names its category right after its figure

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        out: list[Claim] = []
        for q in s.free(("pct", "fraction")):
            m = AFTER.match(s.text, q.end)
            if not m:
                continue
            subject = data_code(s.ally_for(q, groups=False))
            if subject is None or any(e.kind == "group" and e.start < q.start for e in s.subjects()) \
                    and not any(e.is_ally and e.start < q.start for e in s.subjects()):
                continue  # "16: allies that put at least 20% into equipment": a threshold of a count
            value = round(q.value * 100, 1) if q.kind == "fraction" else q.value
            indicator = INDICATORS[m.group("cat").lower()]
            year, how = s.year_for(q)
            s.take(q)
            plan = how in ("deadline", "future") or is_plan_before(s, q)
            out.append(self.claim(s, subject, indicator, value, q.comparator, year, q, plan=plan,
                                  decimals=0 if q.kind == "fraction" else q.decimals))
            # "..., below the 20% guideline": the same share against the category's guideline
            for g in s.free(("pct",)):
                if g.start > m.end() and _GUIDELINE_AFTER.match(s.text, g.end):
                    before = s.text[max(0, g.start - 20):g.start]
                    comparator = "lt" if _BELOW.search(before) else "gt" if _ABOVE.search(before) else None
                    if comparator:
                        s.take(g)
                        out.append(self.claim(s, subject, indicator, g.value, comparator, year, g, plan=plan,
                                              decimals=g.decimals))
        return out
