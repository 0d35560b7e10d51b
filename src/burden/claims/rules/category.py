"""Shares of defence spending by category: "43% of its defence budget goes to personnel", "26% on equipment",
"more than half of its spending into equipment" (NATO's Table 8: equipment, personnel, infrastructure, other).

A new measure in one module: what it reads (the patterns below), what it checks (one indicator per category)."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from ..lexicon import patterns
from ..verify import EQUIP as EQUIPMENT
from .base import Rule
from .figures import data_code, is_plan_before

INDICATORS = {"equipment": "equipment_pct", "personnel": "personnel_pct", "infrastructure": "infrastructure_pct"}
# (lexicon category_share.csv: the nouns of the base, "of this spending", "of its 2024 defence budget", "of defence
# funds", and the verbs between a share and its category, "5% goes on infrastructure", "40% was allocated to equipment")
_BASE_NOUN = patterns("category_share", "kind", "base")
_OF_BUDGET = (r"(?:of\s(?:(?:its|their|the|his|her|our|this|that|these|\w+['’]s)\s)?(?:\w+\s)?(?:defen[cs]e\s|military\s)?"
              rf"(?:{_BASE_NOUN})\s)?")
_GOES = r"(?:(?:" + patterns("category_share", "kind", "verb") + r")\s)?"
# the category right after the figure: "26% on equipment", "43% of its defence budget to personnel", "(40%) goes
# towards major equipment"
AFTER = re.compile(r"\s?\)?\s?" + _OF_BUDGET + _GOES + r"(?:on|to|towards?|into|for|in)\s(?:major\s|new\s|military\s)?"
                   r"(?P<cat>equipment|personnel|infrastructure)\b", re.I)
# the base of a category share right after the figure, its category named before it in the clause ("puts the most into
# equipment, 51.1% of its defence budget", "on personnel, the biggest item at 44% of the military budget")
_BASE_AFTER = re.compile(r"\s?(?:of\s(?:its|their|the|his|her|our|\w+['’]s)\s(?:total\s|overall\s)?(?:defen[cs]e\s|military\s)"
                         r"(?:budgets?|spending|expenditures?|outlays?))\b", re.I)
# the category and base named before the figure: "the share of defence spending Canada put into equipment rose from
# 11.3% to 14.7%"
_CATEGORY_WORD = re.compile(r"\b(?P<cat>equipment|personnel|infrastructure)\b", re.I)
_SHARE_BASE_BEFORE = re.compile(r"\b(?:percentage|share|proportion|part|bulk)\sof\s(?:(?:its|their|the|\w+['’]s)\s)?(?:total\s)?"
                                r"(?:defen[cs]e|military)\s(?:budgets?|spending|expenditures?|outlays?)\b", re.I)
_CLAUSE_BEFORE = re.compile(r"[;!?]|\.(?!\d)|\b(?:but|while|whereas|although)\b")
# an ally and list words right before a later figure of the same category: "followed by Hungary with 47.8%"
_LISTED_BEFORE = re.compile(r"(?:\s(?:with|at|on)\s|\s\(|:\s|['’]s\s)$")
_LIST_GLUE = re.compile(r"^[^.;]{0,40}?(?:followed\sby|ahead\sof|then|and|trailed\sby|before)\s(?:the\s)?$", re.I)
# a guideline on the category named after a second figure: "below the 20% guideline"
_GUIDELINE_AFTER = re.compile(r"\s?(?:equipment\s)?(?:guideline|target|goal|benchmark|mark|line)\b", re.I)
_OF_GDP = re.compile(r"\s?(?:of|as a share of)\s(?:its\s|their\s|the\s)?(?:gdp|gross|economy|economic output)", re.I)
_PART_OF_GDP_BEFORE = re.compile(r"\bof\s(?:its\s|their\s)?GDP\b[^.;]{0,20}?\bof\swhich\s(?:only\s|just\s|about\s|some\s|nearly\s)?$",
                                 re.I)
# the category of the share before, as a pronoun after a later figure: "..., while Albania sets aside 47.7% for it"
_PRONOUN_AFTER = re.compile(r"\s(?:for|to|on|into)\s(?:it|them|that|this)\b(?!\s(?:of|in)\b)", re.I)
# the equipment guideline named before a figure that reports an ally's level on it ("clears the second criterion, the
# one on equipment outlays, with 41.2%", "clears the 20% benchmark for weapons purchases, at 35%"): that figure
# is its equipment share; only above any share of GDP (a figure below that may be of GDP: "the 2% target ... at 2.1%")
# (lexicon category_share.csv: the words of the equipment category and of a guideline)
_EQUIPMENT_NOUN = "(?:" + patterns("category_share", "kind", "equipment") + ")"
_GUIDELINE_NOUN = "(?:" + patterns("category_share", "kind", "guideline") + ")"
_EQUIPMENT_GUIDELINE = re.compile(rf"\b{_GUIDELINE_NOUN}\b[^.;]{{0,50}}?\b{_EQUIPMENT_NOUN}\b|\b{_EQUIPMENT_NOUN}\s{_GUIDELINE_NOUN}\b",
                                  re.I)
_REPORTED_BEFORE = re.compile(r"\b(?:recording|registering|posting|reaching|hitting|with|at)\s"
                              r"(?:about\s|around\s|some\s|nearly\s|almost\s|just\s)?$", re.I)
MIN_EQUIPMENT_READING = 6.0  # % : above every ally's share of GDP
EQUIPMENT_GUIDELINE = 20.0  # % of defence spending on major equipment (Wales 2014)
_BELOW = re.compile(r"\b(?:below|under|short of|less than)\s(?:the\s)?$", re.I)
_ABOVE = re.compile(r"\b(?:above|over|beyond|more than|exceeding)\s(?:the\s)?$", re.I)


class CategoryRule(Rule):
    type = "spending_category"
    code = "CLM-CATEGORY"
    # every claim names its category right after its figure, or the equipment guideline before it
    needs = (needs_of(gated(folded_pattern(AFTER)), gated(folded_pattern(_EQUIPMENT_GUIDELINE))),)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        out: list[Claim] = []
        for q in s.free(("pct", "fraction")):
            m = AFTER.match(s.text, q.end)
            cat = m.group("cat") if m is not None else self._named_before(s, q, out)
            if cat is None or _PART_OF_GDP_BEFORE.search(s.text, max(0, q.start - 60), q.start):
                continue  # (not "spends 4.48% of GDP on defence, of which 1.5% goes to infrastructure": of GDP too)
            subject = data_code(s.ally_for(q, groups=False))
            if subject is None or any(e.kind == "group" and e.start < q.start for e in s.subjects()) \
                    and not any(e.is_ally and e.start < q.start for e in s.subjects()):
                continue  # "16: allies that put at least 20% into equipment": a threshold of a count
            value = round(q.value * 100, 1) if q.kind == "fraction" else q.value
            indicator = INDICATORS[cat.lower()]
            year, how = s.year_for(q)
            s.take(q)
            # "In 2021, Greece will meet the criterion, recording 38.5%": "will" of the article's own year states
            # NATO's estimate for it (label policy: estimates count as data); plan verbs still plan
            plan = how in ("deadline", "future") or is_plan_before(s, q, year == s.today.year)
            out.append(self.claim(s, subject, indicator, value, q.comparator, year, q, plan=plan,
                                  decimals=0 if q.kind == "fraction" else q.decimals))
            # "..., below the 20% guideline": the same share against the category's guideline
            for g in s.free(("pct",)):
                if g.start > (m.end() if m is not None else q.end) and _GUIDELINE_AFTER.match(s.text, g.end):
                    before = s.text[max(0, g.start - 20):g.start]
                    comparator = "lt" if _BELOW.search(before) else "gt" if _ABOVE.search(before) else None
                    if comparator:
                        s.take(g)
                        out.append(self.claim(s, subject, indicator, g.value, comparator, year, g, plan=plan,
                                              decimals=g.decimals))
        return out

    @staticmethod
    def _named_before(s: Sentence, q, found: list[Claim]) -> str | None:
        """The category of a share whose category the clause named before it: with the base of the share right after
        the figure ("puts the most into equipment, 51.1% of its defence budget"), or the base and category both before
        it ("the share of defence spending Canada put into equipment climbed from 11.3% to 14.7%"); a figure listed
        after another ally's share of a category, that category ("..., followed by Hungary with 47.8%"); a figure
        reported on the equipment guideline named before it, equipment (the guideline then carried as the threshold
        talked about: "This criterion is not met by A and B only")."""
        text = s.text
        if found and found[-1].quantity is not None and found[-1].quantity.end <= q.start \
                and _PRONOUN_AFTER.match(text, q.end):
            return next(k for k, v in INDICATORS.items() if v == found[-1].metric)  # "..., and B sets aside 47.7% for it"
        if found and found[-1].quantity is not None and found[-1].quantity.end <= q.start:
            ally = next((e for e in s.subjects() if e.is_ally and e.end <= q.start
                         and _LISTED_BEFORE.search(text, e.end, q.start) and e.end >= q.start - 8), None)
            if ally is not None and _LIST_GLUE.search(text[found[-1].quantity.end:ally.start]) \
                    and not _OF_GDP.match(text, q.end):
                return next(k for k, v in INDICATORS.items() if v == found[-1].metric)
        lo = max((c.end() for c in _CLAUSE_BEFORE.finditer(text, max(0, q.start - 160), q.start)), default=max(0, q.start - 160))
        if _OF_GDP.match(text, q.end):
            return None
        if q.value >= MIN_EQUIPMENT_READING and _REPORTED_BEFORE.search(text, lo, q.start) \
                and _EQUIPMENT_GUIDELINE.search(text, lo, q.start):
            s.carry.threshold = (EQUIPMENT, "ge", EQUIPMENT_GUIDELINE)  # the guideline talked about ("This criterion ...")
            return "equipment"
        cats = list(_CATEGORY_WORD.finditer(text, lo, q.start))
        if not cats:
            return None
        if _BASE_AFTER.match(text, q.end) or _SHARE_BASE_BEFORE.search(text, lo, q.start):
            return cats[-1].group("cat")
        return None
