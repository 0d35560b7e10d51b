"""Growth in real terms: "set to grow by 15.9% in real terms", "jumped by nearly a quarter in real terms",
"has risen in real terms in every year since 2014"."""

from __future__ import annotations

import functools
import re

from ..extract import Claim, Sentence
from ..gates import gated
from ..grammar import folded, folded_pattern
from ..lexicon import rows
from ..quantities import Quantity
from .base import Rule
from .figures import data_code

REAL = re.compile(r"\bin real terms\b|\breal-terms\b|\badjusted for inflation\b"
                  r"|\breal\s(?:growth|increase|increases|rise|spending|budget|budgets|change|terms|cut|decline|fall)\b", re.I)
_MOVES = rows("change_verbs")  # up and down words (lexicon change_verbs.csv)
MOVE = re.compile(rf"\b(?:{'|'.join(r['pattern'] for r in _MOVES)})\b", re.I)
_MOVE_FOLDED = gated(folded_pattern(MOVE))  # the change words on Sentence.low, behind the words they need
_REAL_FOLDED = gated(folded_pattern(REAL))  # (the same, for REAL)
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


# --- change without a level: the roles of a change in one clause, in either order (see RealChangeRule._change) ---
# the subject (an ally or group), a change word (change_verbs.csv: verb, noun or comparative, its direction), a
# spending noun, and optionally a figure bound to the change word ("a 2.7% rise", "up 9.3%", "9.3% higher"), "real",
# a run of years (change_runs.csv), a time and a plan word. No figure: the direction alone (> 0 or < 0).
_RUNS = [re.compile(r["pattern"], re.I) for r in rows("change_runs")]
_SPENDING_TOKENS = frozenset({"spending", "budget", "budgets", "expenditure", "outlays"})  # (_SPENDING_WORDS' words)
_RUN_WORDS = frozenset({"straight", "consecutive", "successive", "row", "running", "decade", "steadily", "continuously"})


@functools.lru_cache(maxsize=4096)
def _is_move(word: str) -> bool:
    """A word of change_verbs.csv ("grown", "trimmed", "higher"): the gate of the change reading, word by word."""
    return MOVE.fullmatch(word) is not None


# a figure bound to the change word: after it as its noun ("a 2.7% rise", "a 9% real-terms increase"), or as a
# comparative ("9.3% higher", "3% up on the year"); before it as "up 9.3%", "down 2%"
_FIGURE_NOUN_AFTER = re.compile(r"\s(?:real(?:-terms)?\s|nominal\s|year-on-year\s|annual\s)?(?:rise|increase|jump|growth|hike|boost|"
                                r"surge|cut|fall|drop|decline|reduction)\b|\s(?:higher|lower|up|down)\b(?!\sto\b)", re.I)
# a figure compared with the year before is a change ("outlays were 1.9% above the prior year", "2.3% below a year
# earlier", "4% up on last year")
_YEAR_ON_YEAR_AFTER = re.compile(r"\s(?:(?P<up>above|over|higher\sthan|more\sthan|up\son)|(?P<down>below|under|lower\sthan|less\sthan|down\son))"
                                 r"\s(?:that\sof\s|the\slevel\sof\s)?(?:the\s(?:prior|previous|preceding)\syear|a\syear\s(?:earlier|before|ago)"
                                 r"|the\syear\s(?:before|earlier)|last\syear|(?:a\syear\s|the\syear\s)?(?:earlier|before))\b", re.I)
_UP_BEFORE = re.compile(r"\b(?P<dir>up|down)\s(?:by\s)?(?:about\s|nearly\s|almost\s|some\s|roughly\s|over\s|more than\s)?$", re.I)
# a demand, a question of need or a wish is no change that happened or is planned ("must raise", "urged to increase",
# "needs to boost", "calls for a rise"): no claim
_DEMANDED = re.compile(r"\b(?:toward|towards|progress|agree\w*|commit\w*|pressure|focus\w*|how\smuch|must|should|ought|need(?:s|ed)?\sto|urg\w*|asked|asks|pressed|press(?:ing|es)?|push\w*|call(?:s|ed|ing)?"
                       r"\s(?:on|for)|demand\w*|wants?|wanted|insist\w*|would\slike|hope[sd]?|could|might|may|if|unless)\b", re.I)
_PLAN = re.compile(r"\b(?:will|plans?\sto|planned|planning|intends?|aims?\sto|is\sset\sto|are\sset\sto|expected\sto|due\sto"
                   r"|going\sto|pledged|promised|vowed|propos\w*)\b", re.I)
_INTENT = re.compile(r"\b(?:plans?\sto|planned\sto|planning\sto|intends?|aims?\sto|wants?\sto|pledged|promised|vowed|propos\w*)\b", re.I)
# "the number of allies meeting 2% rose", "the count of countries ...": a count changed, not spending; "all allies
# raised spending", "in every member state": a claim about each ally (a count), not about the group's total
_COUNT_CHANGE = re.compile(r"\b(?:every|each|all|most|some|several|many|few)\s(?:of\s)?(?:the\s)?(?:other\s)?(?:NATO\s|European\s)?"
                           r"(?:ally|allies|members?|member\sstates?|countries|country|nations?)\b|\b(?:number|count|share|proportion|percentage|list)\sof\b|\b(?:economy|economies|gdp|inflation|"
                           r"prices|debt|deficit|troops|personnel|headcount|population)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s(?:but|while|whereas|although|though|and\s(?:the|its|their))\b|\s[—–]\s")
_RUN_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
               "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}


def _run_years(text: str) -> tuple[int, int, int] | None:
    """The length in years of a run of change the text names ("for ten straight years" = 10, "the seventh year in
    a row" = 7, "steadily for a decade" = 10) and where it is written (start, end), or None."""
    for pattern in _RUNS:
        m = pattern.search(text)
        if m is None:
            continue
        word = m.group("n").lower()
        n = int(re.sub(r"(?:st|nd|rd|th)$", "", word)) if word[:1].isdigit() and len(word) <= 4 \
            else _RUN_NUMBER.get(word)
        years = None if n is None else n * (10 if "decade" in m.group(0).lower() else 1)
        if years is not None and 2 <= years <= 30:
            return years, m.start(), m.end()
    return None


# Whether a change word is a verb of the clause ("raised", "has cut", "are increasing", "will trim", "spending rises",
# "stepped up") and not a noun or an attribute ("the rise of China", "large spending increases", "the higher spending",
# "increased capability"): a direction without a figure is read only from a verb, or from a noun with "real", its
# own time or a run ("a real-terms rise came in 2016", "the seventh year in a row of growth")
_PAST = frozenset({"rose", "risen", "grew", "grown", "fell", "fallen", "shrank", "shrunk"})
_NOT_BEFORE_VERB = frozenset({"the", "a", "an", "and", "of", "for", "with", "regarding", "on", "in", "by", "its", "their",
                              "his", "her", "our", "this", "that", "these", "those", "such", "any", "more", "no"})
_BE = frozenset({"is", "are", "was", "were", "been", "be", "being", "keep", "keeps", "kept"})
_AUX = frozenset({"will", "would", "to", "ll", "did", "does", "do", "can", "could", "may", "might", "shall", "should", "must",
                  "not", "t"})
_OBJECT_AFTER = re.compile(r"\s(?:its|their|the|his|her|our|defen[cs]e|military|spending|budgets?|expenditure|outlays)\b", re.I)
_WORD_BEFORE = re.compile(r"(?:([a-z]+)\s)?(?:[a-z]+ly\s)?$")


_FIGURE_ONLY = frozenset({"up", "down", "higher", "lower"})


def _is_verb(text: str, move: re.Match) -> bool:
    w = move.group(0).lower()
    if " " in w:
        return True  # a phrasal verb ("stepped up", "scaled back")
    if w in _FIGURE_ONLY:
        return False  # only with a figure ("up 9.3%", "9.3% higher")
    before = _WORD_BEFORE.search(text.lower(), max(0, move.start() - 30), move.start())
    prev = before.group(1) if before is not None else None
    if w.endswith("ed") or w in _PAST:
        return prev not in _NOT_BEFORE_VERB
    if w.endswith("ing"):
        return prev in _BE
    if prev in _AUX:
        return True
    # a bare or -s form after its subject, with an object or after the spending noun ("Germany raises its budget",
    # "spending rises"; "cut" is also its own past: "Italy cut its budget")
    return prev not in _NOT_BEFORE_VERB and prev is not None and (
        _OBJECT_AFTER.match(text, move.end()) is not None
        or w.endswith("s") and prev in ("spending", "budget", "expenditure"))


# "That spending went up", "their budgets fell": the spending of the ally or group talked about just before
_SPENDING_ANAPHOR = re.compile(r"\b(?:that|this|such|their|its|the\ssame)\s(?:combined\s|overall\s|total\s)?(?:defen[cs]e\s|military\s)?"
                               r"(?:spending|budgets?|outlays|expenditure)\b", re.I)
_YEARS_JOINED = re.compile(r"\b(?:19|20)\d\d(?:,\s(?:19|20)\d\d)*,?\s(?:and|as\swell\sas)\s(?:in\s)?(?:19|20)\d\d\b")


def _change_subject(s: Sentence, code: str | None) -> str | None:
    """Whose change it is: "allies will increase defence spending by 18%" is the alliance as a whole, "across Europe
    and Canada, allies are raising spending by 12%" the group named; else the ally or group with a published change."""
    if code == "NATO":
        return "NATO_EUR_CAN" if any(e.code == "NATO_EUR_CAN" for e in s.entities) else "NATO_TOTAL"
    return _published_group(data_code(code))


def _take_change(s: Sentence, q: Quantity) -> tuple[str, int | None, str] | None:
    """Take the change figure `q`: (subject, year, how the year was found), or None when nobody's change is
    published for its subject."""
    subject = _change_subject(s, s.ally_for(q))
    if subject is None:
        return None
    s.take(q)
    return (subject, *s.year_for(q))


class RealChangeRule(Rule):
    type = "real_change"
    code = "CLM-REAL-CHANGE"
    # a change in real terms, growth in words, or a change of spending without a level (_change: a spending word)
    needs = ((_REAL_WORDS | _GROWTH_WORDS | _SPENDING_TOKENS, frozenset()),)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        if s.words.isdisjoint(_REAL_WORDS) or not _REAL_FOLDED.search_words(s.low, s.tokens) \
                or not _MOVE_FOLDED.search_words(s.low, s.tokens):
            found = self._growth_in_words(s) if not s.words.isdisjoint(_GROWTH_WORDS) else []
            return found or self._change(s)
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
        return self._change(s)

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
            taken = _take_change(s, q)
            if taken is None:
                continue
            subject, year, how = taken
            down = growth is not None and growth.group("down") is not None  # "dropped 0.3 percent": -0.3
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -q.value if down else q.value, q.comparator, year,
                                  q, decimals=q.decimals, unstated_basis=True, plan=how in ("deadline", "future")))
        return out

    def _change(self, s: Sentence) -> list[Claim]:
        """A change of spending read by its roles in one clause, with or without a figure: "Germany's budget is due to
        post a 2.7% rise", "spending was up 9.3% on the year before", "European allies and Canada raised spending in
        real terms", "has grown for ten straight years", "Norway and Spain will each trim their budgets". The figure,
        when there is one, is bound to the change word; without one the claim is the direction (> 0 or < 0) of the
        real change in its year, or in every year of a run. Without "real" a mismatch is unverifiable (a nominal
        change may be meant), a plan is unverifiable, a demand or a wish is no claim."""
        words = s.words
        if s.tokens.isdisjoint(_SPENDING_TOKENS) or s.is_question \
                or not s.entities and (s.carry.subject is None or not _SPENDING_ANAPHOR.search(s.text)):
            return []  # (no ally or group named: only "That spending went up in 2015", the one talked about)
        text = s.text
        out: list[Claim] = []
        for q in s.free(("pct",)) if "year" in s.low else ():
            yoy = _YEAR_ON_YEAR_AFTER.match(text, q.end)
            if yoy is None or _SHARE_OF_GDP.match(text, q.end):
                continue  # (not "2.1% of GDP, above the year before": a level)
            taken = _take_change(s, q)
            if taken is None:
                continue
            subject, year, how = taken
            value = -q.value if yoy.group("down") else q.value
            clause = text[max(0, q.start - 80):yoy.end()]
            out.append(self.claim(s, subject, "def_exp_real_change_pct", value, q.comparator, year, q, decimals=q.decimals,
                                  unstated_basis=REAL.search(clause) is None, plan=how in ("deadline", "future")))
        if not any(map(_is_move, words)):
            return out
        free = s.free(("pct",))
        if not free and not s.data_times and words.isdisjoint(_RUN_WORDS) and not s.is_plan():
            return out  # no figure, no time, no run, no plan: no reading below can give a claim
        done = -1  # the end of the last clause read: one claim per clause
        for move in _MOVE_FOLDED.finditer(s.low):  # (on the folded text: the same spans, no re.I)
            if move.start() < done or not free and move.group(0).lower() in _FIGURE_ONLY:
                continue  # ("up", "higher" ...: only with a figure)
            lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, move.start())), default=0)
            hi = next((m.start() for m in _CLAUSE_BREAK.finditer(text, move.end())), len(text))
            clause = text[lo:hi]
            run = _run_years(clause) if not words.isdisjoint(_RUN_WORDS) else None
            pcts = [q for q in s.quantities if q.kind == "pct" and lo <= q.start < hi]
            figure = next((q for q in pcts if _FIGURE_NOUN_AFTER.match(text, q.end) and q.end <= move.start() + 1
                           or _UP_BEFORE.search(text, max(lo, q.start - 30), q.start)), None)
            if pcts and figure is None:
                continue  # a level ("rose to 2.1% of GDP") or a figure another reading has
            if figure is None and run is None and not _is_verb(text, move) and REAL.search(clause) is None:
                continue  # a noun or an attribute, not a change that the clause says happened (cheap: before the rest)
            if not _SPENDING_WORDS.search(folded(clause)) or _COUNT_CHANGE.search(clause) \
                    or _DEMANDED.search(text, lo, move.start()) \
                    or (_SEVERAL_YEARS.search(clause) or " since " in clause) and run is None:
                continue
            if any(q.kind in ("money", "count", "fraction") and lo <= q.start < hi
                   and not (run is not None and lo + run[1] <= q.start < lo + run[2]) for q in s.quantities):
                continue  # a money change or level, a count: other readings ("ten" of "for ten straight years" is the run)
            if figure is not None and (_SHARE_OF_GDP.match(text, figure.end) or not any(figure is q for q in free)):
                continue
            # (no figure: a stand-in quantity at the change word, for Sentence.ally_for / year_for)
            where = figure or Quantity(move.start(), move.end(), "change", 0.0, 0, "eq", move.group(0))
            code = s.ally_for(where)
            published = _change_subject(s, code)
            if published is None:
                continue
            subject = published
            year, how = s.year_for(where)
            if figure is None and run is None and not _is_verb(text, move) and not (
                    REAL.search(clause) and how not in ("present", "carried")):
                continue  # a noun or an attribute, not a change that the clause says happened
            if figure is None and _INTENT.search(clause):
                continue  # "Rome plans to raise spending next year": an intention, read by the plan readers, no change
            plan = how in ("deadline", "future") or (_PLAN.search(clause) is not None and how == "present")
            if figure is None and run is None and not plan and how in ("present", "carried"):
                continue  # a direction with no time of its own ("has raised its budget sharply too")
            listed = s.listed_with(code, where) if code and code != "NATO" and figure is None else []
            if listed:
                subject = ",".join([*listed, subject])
            down = _DOWN.fullmatch(move.group(0)) is not None
            if figure is not None:
                up_before = _UP_BEFORE.search(text, max(lo, figure.start - 30), figure.start)
                if up_before is not None:
                    down = up_before.group("dir").lower() == "down"
            stated_real = REAL.search(clause) is not None  # (in the change's own clause)
            done = hi
            if figure is not None:
                s.take(figure)
                value = -figure.value if down else figure.value
                out.append(self.claim(s, subject, "def_exp_real_change_pct", value, figure.comparator, year, figure,
                                      decimals=figure.decimals, unstated_basis=not stated_real, plan=plan))
                continue
            extra: dict[str, bool | int] = {"unstated_basis": not stated_real, "plan": plan, "direction_only": True}
            if run is not None and year is not None:
                extra["since_year"] = year - run[0]
            # "went up in 2015 and 2016": the direction in each year named
            years = [t.year for t in s.data_times if t.kind == "year" and move.end() <= t.start < hi] if run is None else []
            joined = len(years) > 1 and _YEARS_JOINED.search(clause) is not None
            for y in years if joined else [year]:
                out.append(self.claim(s, subject, "def_exp_real_change_pct", 0.0, "lt" if down else "gt", y, **extra))
        return out
