"""Growth in real terms: "set to grow by 15.9% in real terms", "jumped by nearly a quarter in real terms",
"has risen in real terms in every year since 2014"."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..lexicon import rows
from .base import Rule
from .figures import data_code

REAL = re.compile(r"\bin real terms\b|\breal-terms\b|\badjusted for inflation\b"
                  r"|\breal\s(?:growth|increase|increases|rise|spending|budget|budgets|change|terms|cut|decline|fall)\b", re.I)
_MOVES = rows("change_verbs")  # up and down words (lexicon change_verbs.csv)
MOVE = re.compile(rf"\b(?:{'|'.join(r['pattern'] for r in _MOVES)})\b", re.I)
_REAL_WORDS = frozenset({"real", "inflation"})
_DOWN = re.compile(rf"\b(?:{'|'.join(r['pattern'] for r in _MOVES if r['direction'] == 'down')})\b", re.I)
_SHARE_OF_GDP = re.compile(r"\s?(?:of|as a share of)\s(?:its\s|their\s|the\s)?(?:gdp|economy|output)", re.I)
# growth of spending without "real": "allies will increase defence spending by 18%", "a rise of 11 percent last year";
# NATO publishes the real change, so a match is supported, but no match is no refutation (the writer may mean a
# nominal change): unverifiable
_GROWTH_TO = re.compile(r"\b(?:increas\w*|rais(?:e|es|ed|ing)|lift\w*|ris(?:e|en|es|ing)|rose|grow\w*|grew|growth|jump\w*|climb\w*|boost\w*)\s"
                        r"(?:[\w-]+\s){0,4}?(?:by|of)\s(?:about\s|nearly\s|almost\s|some\s|more than\s|over\s|roughly\s)?$",
                        re.I)
_SPENDING_WORDS = re.compile(r"\b(?:spending|budgets?|expenditure|outlays)\b", re.I)
_SEVERAL_YEARS = re.compile(r"\s?(?:over|in|across|during|within)\s(?:the\s)?(?:past\s|last\s|previous\s|next\s)?"
                            r"(?:\w+\s)?(?:years|decade|decades)\b|\s?(?:since|from)\s\d{4}", re.I)
_GROWTH_WORDS = frozenset("increase increased increases increasing rise rises rising rose risen grow grows grew growth "
                          "growing jump jumped climb climbed boost boosted raise raises raised raising lift lifts lifted".split())
EVERY_YEAR = re.compile(r"\bevery year since\b|\beach year since\b", re.I)


class RealChangeRule(Rule):
    type = "real_change"
    code = "CLM-REAL-CHANGE"

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        if s.words.isdisjoint(_REAL_WORDS) or not REAL.search(s.text) or not MOVE.search(s.text):
            return self._growth_in_words(s) if not s.words.isdisjoint(_GROWTH_WORDS) else []
        since = [t for t in s.times if t.kind == "since"]
        out = []
        for q in s.free(("pct", "fraction")):
            subject = data_code(s.ally_for(q))
            if subject is None:
                continue
            # the direction is the movement word nearest before the figure, in its clause ("US spending fell in
            # real terms, while Europe's rose about 16%")
            lo = max((x.end for x in s.quantities if x.end <= q.start), default=0)
            if _SHARE_OF_GDP.match(s.text, q.end) or not (MOVE.search(s.text, lo, q.start) or REAL.search(s.text, lo, q.start)
                                                          or REAL.match(s.text, q.end, q.end + 20)):
                continue  # "now at 2.27% of GDP, ... after a real increase of 15%": only the second is a change
            moves = list(MOVE.finditer(s.text, lo, q.start)) or list(MOVE.finditer(s.text, q.end, q.end + 40))
            down = bool(moves) and _DOWN.fullmatch(moves[-1].group(0)) is not None
            s.take(q)
            value = q.value * 100 if q.kind == "fraction" else q.value
            year, _ = s.year_for(q)
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -value if down else value, q.comparator, year,
                                  q, decimals=q.decimals if q.kind == "pct" else 0))
        if out:
            return out
        if EVERY_YEAR.search(s.text) and since:
            subject = data_code(s.ally_for(type("Q", (), {"start": 0, "end": 0})()))
            if subject:
                down = _DOWN.search(s.text) is not None
                return [self.claim(s, subject, "def_exp_real_change_pct", 0.0, "lt" if down else "gt",
                                   s.latest_year(), since_year=since[0].year)]
        return []

    def _growth_in_words(self, s: Sentence) -> list[Claim]:
        """Growth of defence spending by a percentage, without "real": read as NATO's real change (see _GROWTH_TO)."""
        if not s.has_number or not _SPENDING_WORDS.search(s.text) or _SEVERAL_YEARS.search(s.text):
            return []
        out = []
        for q in s.free(("pct",)):
            if not _GROWTH_TO.search(s.text, max(0, q.start - 50), q.start) or _SHARE_OF_GDP.match(s.text, q.end):
                continue
            code = s.ally_for(q)
            # "allies will increase defence spending by 18%": the alliance as a whole (no refutation either way)
            subject = "NATO_TOTAL" if code == "NATO" else data_code(code)
            if subject is None:
                continue
            s.take(q)
            year, how = s.year_for(q)
            out.append(self.claim(s, subject, "def_exp_real_change_pct", q.value, q.comparator, year, q,
                                  decimals=q.decimals, unstated_basis=True, plan=how in ("deadline", "future")))
        return out
