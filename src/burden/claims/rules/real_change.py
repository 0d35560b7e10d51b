"""Growth in real terms: "set to grow by 15.9% in real terms", "jumped by nearly a quarter in real terms",
"has risen in real terms in every year since 2014"."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..gates import gated
from ..grammar import folded_pattern
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
# growth of spending without "real": "allies will increase defence spending by 18%", "a rise of 11 percent last year",
# the figure right after the verb ("spending grows 3.5% in 2020", "to rise 4.3%");
# NATO publishes the real change, so a match is supported, but no match is no refutation (the writer may mean a
# nominal change): unverifiable
_GROWTH_TO = re.compile(r"\b(?:increas\w*|rais(?:e|es|ed|ing)|lift\w*|ris(?:e|en|es|ing)|rose|grow\w*|grew|growth|jump\w*|climb\w*|boost\w*"
                        r"|(?P<down>fell|fall(?:s|en|ing)?|dropp(?:ed|ing)|drops?|declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)"
                        r"|shr[aiu]nk\w*))[\"'”’]?\s"
                        r"(?:(?:[\w-]+\s){0,4}?(?:by|of)\s)?(?:about\s|nearly\s|almost\s|some\s|more than\s|over\s|roughly\s)?$",
                        re.I)
# "spent nearly 6 per cent more in all on defence last year": growth told as "X% more"
_MORE_SPENT = re.compile(r"\s(?:more|less)\b(?!\sthan\s(?:a|one|half|two|three)\b)", re.I)
_SPENT_BEFORE = re.compile(r"\b(?:spen[dt]\w*|invest\w*)\s(?:[\w-]+\s){0,5}$", re.I)
_SPENDING_WORDS = gated(folded_pattern(re.compile(r"\b(?:spending|budgets?|expenditure|outlays)\b", re.I)))  # on Sentence.low
_SEVERAL_YEARS = re.compile(r"\s?(?:over|in|across|during|within)\s(?:the\s)?(?:past\s|last\s|previous\s|next\s)?"
                            r"(?:\w+\s)?(?:years|decade|decades)\b|\s?(?:since|from)\s\d{4}", re.I)
_SEVERAL_YEARS_FOLDED = gated(folded_pattern(_SEVERAL_YEARS))  # on Sentence.low, behind the words it needs
# "increase 2% of its budget", "raise it by 2% of GDP": a part of something, not a growth (but "a rise of 11
# percent of spending by Canada" is one)
_PART_OF = re.compile(r"\s?(?:of|as a share of)\s(?!(?:[\w-]+\s)?(?:spending|expenditure|outlays)\b)", re.I)
_GROWTH_WORDS = frozenset("increase increased increases increasing rise rises rising rose risen grow grows grew growth "
                          "growing jump jumped climb climbed boost boosted raise raises raised raising lift lifts lifted "
                          "more fell fall falls fallen falling drop drops dropped dropping decline declines declined "
                          "declining decrease decreases decreased decreasing shrank shrunk".split())


def _published_group(subject: str | None) -> str | None:
    """NATO publishes the real change for European Allies and Canada (and the alliance), never for Europe alone:
    "Europe's spending rose 18% in real terms" quotes the Europe-and-Canada figure."""
    return "NATO_EUR_CAN" if subject == "NATO_EUROPE" else subject


# between a real change and the next figure: the next one is compared with it, a change too
_COORDINATED = re.compile(r"^(?:\s(?:in\sreal\sterms|in\s\d{4}|last\syear|this\syear|a\syear\s(?:earlier|before)))*,?\s"
                          r"(?:and|or|compared\s(?:to|with)|versus|vs\.?|against|after|following|up\sfrom|down\sfrom|from)\s"
                          r"(?:about\s|nearly\s|almost\s|some\s|just\s|only\s)?$", re.I)
EVERY_YEAR = re.compile(r"\bevery year since\b|\beach year since\b", re.I)


class RealChangeRule(Rule):
    type = "real_change"
    code = "CLM-REAL-CHANGE"
    needs = ((_REAL_WORDS | _GROWTH_WORDS, frozenset()),)  # a change in real terms, or growth in words

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        if s.words.isdisjoint(_REAL_WORDS) or not REAL.search(s.text) or not MOVE.search(s.text):
            return self._growth_in_words(s) if not s.words.isdisjoint(_GROWTH_WORDS) else []
        since = [t for t in s.times if t.kind == "since"]
        out: list[Claim] = []
        for q in s.free(("pct", "fraction")):
            code = s.ally_for(q)
            # ("NATO's total defence spending grew 10.9% in real terms": the alliance as a whole)
            subject = _published_group(data_code("NATO_TOTAL" if code == "NATO" else code))
            if subject is None:
                continue
            # the direction is the movement word nearest before the figure, in its clause ("US spending fell in
            # real terms, while Europe's rose about 16%")
            lo = max((x.end for x in s.quantities if x.end <= q.start), default=0)
            coordinated = bool(out) and out[-1].quantity is not None and out[-1].quantity.end == lo \
                and q.start - lo <= 45 and _COORDINATED.match(s.text[lo:q.start]) is not None
            if _SHARE_OF_GDP.match(s.text, q.end) or not (MOVE.search(s.text, lo, q.start) or REAL.search(s.text, lo, q.start)
                                                          or REAL.match(s.text, q.end + s.text.startswith(" ", q.end), q.end + 21)
                                                          or coordinated):
                continue  # "now at 2.27% of GDP, ... after a real increase of 15%": only the second is a change
                # (but "up 4.1% in real terms, against 3.5% a year before and 3.8% in 2019" are three changes)
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
        if not s.has_number or _SEVERAL_YEARS_FOLDED.search_words(s.low, s.tokens):
            return []
        spending = _SPENDING_WORDS.search_words(s.low, s.tokens) is not None
        more = " more" in s.low or " less" in s.low  # ("spent 5 per cent more")
        if not spending and not (more and ("spen" in s.low or "invest" in s.low)):
            return []
        out = []
        for q in s.free(("pct",)):
            growth = _GROWTH_TO.search(s.text, max(0, q.start - 50), q.start) if spending else None
            if not (growth or more and _MORE_SPENT.match(s.text, q.end)
                    and _SPENT_BEFORE.search(s.text, max(0, q.start - 50), q.start)) or _PART_OF.match(s.text, q.end):
                continue
            code = s.ally_for(q)
            # "allies will increase defence spending by 18%": the alliance as a whole (no refutation either way)
            # ("across Europe and Canada, allies are raising spending by 12%": the group named, not the alliance)
            subject = ("NATO_EUR_CAN" if any(e.code == "NATO_EUR_CAN" for e in s.entities) else "NATO_TOTAL") \
                if code == "NATO" else _published_group(data_code(code))
            if subject is None:
                continue
            s.take(q)
            year, how = s.year_for(q)
            down = growth is not None and growth.group("down") is not None  # "dropped 0.3 percent": -0.3
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -q.value if down else q.value, q.comparator, year,
                                  q, decimals=q.decimals, unstated_basis=True, plan=how in ("deadline", "future")))
        return out
