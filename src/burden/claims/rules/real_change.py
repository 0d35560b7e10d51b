"""Growth in real terms: "set to grow by 15.9% in real terms", "jumped by nearly a quarter in real terms",
"has risen in real terms in every year since 2014"."""

from __future__ import annotations

import functools
import re

from .. import negation
from ..dates import future
from ..extract import TARGET_OF_BEFORE, YEAR_BACK, Claim, Sentence
from ..gates import gated
from ..grammar import folded, folded_pattern
from ..lexicon import alternation, patterns, rows, words
from ..listed import ListedValue, value_after
from ..quantities import Quantity
from .base import Rule
from .figures import WORLD_SCOPE, data_code

REAL = re.compile(r"\bin real terms\b|\breal-terms?\b|\badjusted for inflation\b"
                  r"|\breal\s(?:growth|increase|increases|rise|spending|budget|budgets|change|terms|cut|decline|fall)\b", re.I)
# "a real change of 4.1%", "the real-terms change was 3.5%": the change named as a noun, with no move word
_REAL_CHANGE = re.compile(r"\breal(?:-terms)?\schange\b", re.I)
_MINUS_BEFORE = re.compile(r"(?:^|[\s(])(?:-|−|–|minus\s)$", re.I)
_MOVES = rows("change_verbs")  # up and down words (lexicon change_verbs.csv)
MOVE = re.compile(rf"\b(?:{'|'.join(r['pattern'] for r in _MOVES)})\b", re.I)
_MOVE_FOLDED = gated(folded_pattern(MOVE))  # the change words on Sentence.low, behind the words they need
_REAL_FOLDED = gated(folded_pattern(REAL))  # (the same, for REAL)
_REAL_WORDS = frozenset({"real", "inflation"})
_DOWN = re.compile(rf"\b(?:{'|'.join(r['pattern'] for r in _MOVES if r['direction'] == 'down')})\b", re.I)
_SHARE_OF_GDP = re.compile(r"\s?(?:of|as a share of)\s(?:its\s|their\s|the\s)?(?:gdp|economy|output)", re.I)
# growth of spending without "real": "allies will increase defence spending by 18%", "a rise of 11 percent last year",
# the figure right after the verb ("spending grows 3.5% in 2020", "to rise 4.3%"); judged against NATO's real change,
# the only change NATO publishes (measures/real_change.py: a direction without a figure is never refuted)
_UP_PATTERNS = "|".join(r["pattern"] for r in _MOVES if r["direction"] == "up")
_DOWN_PATTERNS = "|".join(r["pattern"] for r in _MOVES if r["direction"] == "down")
# the spending nouns, singular and plural ("expenditure" and "expenditures", "outlay" and "outlays"): as words of a
# sentence (Sentence.tokens) and as a pattern (longest first: "budgets" before "budget")
_SPENDING_TOKENS = frozenset({"spending", "budget", "budgets", "expenditure", "expenditures", "outlay", "outlays"})
_SPENDING_NOUN = "(?:" + "|".join(sorted(_SPENDING_TOKENS, key=lambda w: (-len(w), w))) + ")"
# the change word (change_verbs.csv), then up to four words and "by"/"of" ("increased spending on defence by"), or its
# object, the spending ("boosts defence spending 5%", "lifted its budget 8%"), then a hedge, right before the figure
_GROWTH_TO = re.compile(rf"\b(?:{_UP_PATTERNS}|(?P<down>{_DOWN_PATTERNS}))[\"'”’]?\s"
                        r"(?:(?:[\w-]+\s){0,5}?(?:by|of)\s|(?:[\w'’-]+\s){0,3}?" + _SPENDING_NOUN + r"\s)?"
                        r"(?:about\s|nearly\s|almost\s|some\s|more than\s|over\s|roughly\s|around\s|an?\sestimated\s|estimated\s)?$",
                        re.I)
# "spent nearly 6 per cent more in all on defence last year": growth told as "X% more"
_MORE_SPENT = re.compile(r"\s(?:more|less)\b(?!\sthan\s(?:a|one|half|two|three)\b)", re.I)
_SPENT_BEFORE = re.compile(r"\b(?:spen[dt]\w*|invest\w*)\s(?:[\w-]+\s){0,5}$", re.I)
_SPENDING_WORDS = gated(folded_pattern(re.compile(r"\b" + _SPENDING_NOUN + r"\b", re.I)))  # on Sentence.low
_SEVERAL_YEARS = re.compile(r"\s?(?:over|in|across|during|within)\s(?:the\s)?(?:past\s|last\s|previous\s|next\s)?"
                            r"(?:\w+\s)?(?:years|decade|decades)\b|\s?(?:since|from)\s\d{4}", re.I)
_SEVERAL_YEARS_FOLDED = gated(folded_pattern(_SEVERAL_YEARS))  # on Sentence.low, behind the words it needs
# "increase 2% of its budget", "raise it by 2% of GDP": a part of something, not a growth (but "a rise of 11
# percent of spending by Canada" is one)
_PART_OF = re.compile(r"\s?(?:of|as a share of)\s(?!(?:[\w-]+\s)?(?:spending|expenditures?|outlays?)\b)", re.I)
_GROWTH_WORDS = frozenset("increase increased increases increasing rise rises rising rose risen grow grows grew growth "
                          "growing jump jumped climb climbed boost boosted raise raises raised raising lift lifts lifted "
                          "more less fell fall falls fallen falling drop drops dropped dropping decline declines declined "
                          "declining decrease decreases decreased decreasing shrank shrunk".split())


def _published_group(subject: str | None) -> str | None:
    """NATO publishes the real change for European Allies and Canada (and the alliance), never for Europe alone:
    "Europe's spending rose 18% in real terms" quotes the Europe-and-Canada figure."""
    return "NATO_EUR_CAN" if subject == "NATO_EUROPE" else subject


# the year before as a comparison's baseline: "a year earlier", "the prior year" (extract.YEAR_BACK)
_YEAR_BACK = YEAR_BACK
# between a real change and the next figure: the next one is compared with it, a change too
_COORDINATED = re.compile(r"^(?:\s(?:in\sreal\sterms|in\s\d{4}|this\syear|" + _YEAR_BACK + r"))*,?\s"
                          r"(?:and|or|compared\s(?:to|with)|versus|vs\.?|against|after|following|up\sfrom|down\sfrom|from)\s"
                          r"(?:about\s|nearly\s|almost\s|some\s|just\s|only\s)?$", re.I)
EVERY_YEAR = re.compile(r"\bevery year since\b|\beach year since\b", re.I)
# the baseline year after "than" or "compared with": a year or the year before (group "when": the year before)
_BASELINE_YEAR = r"(?:in\s|during\s)?(?:(?:19|20)\d\d|(?P<when>" + _YEAR_BACK + r"))\b"
# spending more or less than in the year before, with no figure: "spent more on defence in 2023 than in 2022"
_SPENT_MORE_THAN = re.compile(r"\bspen(?:t|ds?|ding)\s(?:[\w'’-]+\s){0,5}?(?P<dir>more|less)\b(?!\s(?:than\s)?(?:\d|a\b|one|half|two|three))"
                              r"[^.;\d]{0,40}?(?:\d{4}[^.;\d]{0,20}?)?\bthan\s" + _BASELINE_YEAR, re.I)
_OF_SPENDING_AFTER = re.compile(r"\s(?:in|of)\s(?:the\s)?(?:overall\s|total\s|combined\s)?(?:defen[cs]e\s|military\s)?"
                                + _SPENDING_NOUN + r"\b", re.I)
_SPENT_ON_A_PART = re.compile(r"\s(?:in\sreal\sterms\s)?on\s(?:major\s|new\s)?(?:equipment|personnel|infrastructure|research"
                              r"|procurement|weapons|pensions|salaries|training|operations)\b", re.I)
# a change in every year since a year, up to now (change_since.csv: "have grown every year since 2015")
_EVERY_SINCE = [re.compile(r["pattern"], re.I) for r in rows("change_since")]
_PERFECT = re.compile(r"\b(?:has|have)\b|[’']ve\b", re.I)


# --- change without a level: the roles of a change in one clause, in either order (see RealChangeRule._change) ---
# the subject (an ally or group), a change word (change_verbs.csv: verb, noun or comparative, its direction), a
# spending noun, and optionally a figure bound to the change word ("a 2.7% rise", "up 9.3%", "9.3% higher"), "real",
# a run of years (change_runs.csv), a time and a plan word. No figure: the direction alone (> 0 or < 0).
_RUNS = [re.compile(r["pattern"], re.I) for r in rows("change_runs")]
_RUN_WORDS = frozenset({"straight", "consecutive", "successive", "row", "running", "decade", "decades", "steadily",
                        "continuously", "consistently", "every", "each", "years"})  # (a word each change_runs.csv row holds)


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
                                 r"\s(?:that\sof\s|the\slevel\sof\s)?(?:" + _YEAR_BACK + r"|earlier|before)\b", re.I)
_UP_BEFORE = re.compile(r"\b(?P<dir>up|down)\s(?:by\s)?(?:about\s|nearly\s|almost\s|some\s|roughly\s|over\s|more than\s)?$", re.I)
# a demand, a question of need or a wish is no change that happened or is planned ("must raise", "urged to increase",
# "needs to boost", "calls for a rise"): no claim
_DEMANDED = re.compile(r"\b(?:toward|towards|progress|agree\w*|commit\w*|pressure|focus\w*|how\smuch|must|should|ought|need(?:s|ed)?\sto|urg\w*|asked|asks|pressed|press(?:ing|es)?|push\w*|call(?:s|ed|ing)?"
                       r"\s(?:on|for)|demand\w*|wants?|wanted|insist\w*|would\slike|hope[sd]?|could|might|may|if|unless)\b", re.I)
# a planned change and an intention to change, in a change's clause (lexicon future.csv; on folded text)
_PLAN = gated(future("change_plan"))
_INTENT = future("change_intent")
# "the number of allies meeting 2% rose", "the count of countries ...": a count changed, not spending; "all allies
# raised spending", "in every member state": a claim about each ally (a count), not about the group's total
_COUNT_CHANGE = re.compile(r"\b(?:every|each|all|most|some|several|many|few)\s(?:of\s)?(?:the\s)?(?:other\s)?(?:NATO\s|European\s)?"
                           r"(?:ally|allies|members?|member\sstates?|countries|country|nations?)\b|\b(?:number|count|share|proportion|percentage|list)\sof\b|\b(?:economy|economies|gdp|inflation|"
                           r"prices|debt|deficit|troops|personnel|headcount|population)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s(?:but|while|whereas|although|though|and\s(?:the|its|their))\b|\s[—–]\s")
# a clause that comments on the one before ("..., meaning there have been three years of growth since 2014",
# "..., making this the fifth year in a row"): its own clause for what holds over several years
_COMMENT_BREAK = re.compile(r",\s(?:meaning|making|marking|bringing|which|the(?=\s(?:first|\w+th|second|third|\w+est|most)\s)"
                            r"|a(?=\s(?:record|new|pace|level|rise|jump|increase)\b))\b", re.I)


# what moves right before the change word is not spending: "German output rose 0.3% even as spending climbed",
# "Dutch exports fell 1.2%" (the noun of the change word's clause, up to two words before it: "output has also rose")
_OTHER_MOVER_BEFORE = re.compile(r"\b(?:output|exports?|imports?|gdp|economy|economies|inflation|prices|sales|revenues?|"
                                 r"population|trade|debt|deficits?|unemployment|wages|production|troops|personnel|"
                                 r"headcount|stocks?|shares|polls?|support)\s(?:[\w'’]+\s){0,2}$", re.I)


# a growth figure compared with the one just read: "to grow 6.1% in 2021 versus 3% in 2020",
# "a 12% rise in 2024 compared to a 9.5% rise in 2023", "2.1% and 5.2%"
# (or listed after it with its own year: "rose by 2.7% in 2018, by 7.7% in 2019 and by 2.6% in 2020", "grew 3% in
# 2019, 4% in 2020": _compared_change asks for the figure's own year then)
_COMPARED_BEFORE = re.compile(r"(?:compared\s(?:to|with)|versus|vs\.?|against|up\sfrom|down\sfrom|from|after|and)\s"
                              r"(?:an?\s|about\s|nearly\s|almost\s|some\s|just\s|only\s|roughly\s)?$", re.I)
_LISTED_BEFORE = re.compile(r"(?:,\s|,?\sand\s)(?:by\s)?(?:about\s|nearly\s|almost\s|some\s|roughly\s)?$", re.I)
_OWN_YEAR_RIGHT_AFTER = re.compile(r"\s(?:in|for)\s(?:19|20)\d\d\b")
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DOWN_NOUN = re.compile(r"(?:real(?:-terms)?\s|nominal\s|year-on-year\s|annual\s)?(?:cut|fall|drop|decline|reduction|lower|down)",
                        re.I)
# a change noun after its figure ("a 3.1% rise"), for the two patterns below
_CHANGE_NOUN = r"(?:rise|increase|jump|growth|hike|boost|surge|cut|fall|drop|decline)"
# what may follow such a figure: its own change noun, its year, "respectively", a comma or the end
_COMPARED_AFTER = re.compile(r"(?:\s(?:real(?:-terms)?\s|annual\s)?" + _CHANGE_NOUN + r"\b"
                             r"|\s(?:in|for)\s(?:19|20)\d\d\b|,?\s(?:respectively|" + _YEAR_BACK + r")\b"
                             r"|\s(?:and|in\sthe\sprevious)\b|[,.;]|$)", re.I)


# what may stand between a listed change and the next ally: list words, a closing bracket, the first one's time
# ("%) in 2018, ahead of ", "%, followed by ", " and ", ", then ")
_LISTED_GLUE = re.compile(r"(?:\s?\))?(?:\s(?:real(?:-terms)?\s)?" + _CHANGE_NOUN +
                          r"(?:\s(?:in|of)\s(?:its\s|their\s)?(?:defen[cs]e\s|military\s)?" + _SPENDING_NOUN + r")?)?"
                          r"(?:\sin\sreal\sterms)?(?:\s(?:in|for)\s(?:19|20)\d\d)?(?:,?\s(?:and\s|then\s|with\s)?(?:followed\sby|ahead\sof|"
                          r"trailed\sby|before|then|and|while|with|next\scame|compared\swith)|,|;)\s(?:the\s)?(?:by\s)?")
# a listed value right after its ally (claims/listed.py reads it): "Finland's 21.4", "Latvia (21.1%)", "Sweden with 8.5%",
# "Norway, at 12.1", "Estonia up 4.1% in 2019"; a bare value has a decimal point (so no year or count), its % sign
# carried from the first figure
_CHANGE_GLUES = frozenset({"possessive", "with", "at", "colon", "move"})
_CLAUSE_STOPS = frozenset({",", ";", ".", ")", "and", "while", "respectively", "in", "for", ""})


def _listed_change(lv: ListedValue) -> bool:
    """Is the value after an ally's name one more change of a list ("Finland's 21.4", "Latvia (21.1%)", "Estonia
    up 4.1%", "Poland 4.1%"): a decimal number glued to the name by a list's words, a list stop after it?"""
    if not lv.decimals or lv.shared or lv.each or lv.approx and not lv.unit or lv.stop is None or lv.stop.strip() not in _CLAUSE_STOPS:
        return False
    return lv.glue in _CHANGE_GLUES or lv.glue == "bracket" and lv.plain_bracket and not lv.estimated \
        or lv.glue == "bare" and bool(lv.unit)


# "an extra 10%", "a further 5%", "an additional 7 percent": a rise by the figure
_EXTRA_BEFORE = re.compile(r"\b(?:an?\s)?(?:extra|additional|further)\s(?:about\s|nearly\s|almost\s|some\s|roughly\s)?$", re.I)
_EXTRA_WORDS = frozenset({"extra", "additional", "further"})
# the base year of a change over several years, right after its figure: "by 214% in real terms since 2014"
_SINCE_BASE = re.compile(r"\s(?:in\sreal\sterms\s)?since\s(?P<y>(?:19|20)\d\d)\b", re.I)
# "..., respectively" after a run of figures; a run of years ("in 2017 and 2018", "2019, 2020 and 2021")
_RESPECTIVE_END = re.compile(r"\s?(?:in\sreal\sterms\s?)?(?:in\s(?:(?:19|20)\d\d(?:,\s|,?\sand\s)?)+\s?)?,?\s?respectively\b", re.I)
_YEAR_RUN = re.compile(r"\b(?:19|20)\d\d(?:(?:,\s|,?\sand\s)(?:19|20)\d\d)+\b")


# a span of years right after a change figure, in its clause: "9 percent of military outlays over the last three
# years", "125% across the past decade", "by 30% since 2014" (no punctuation between)
_OVER_YEARS_AFTER = re.compile(r"(?:\s[\w'’-]+){0,5}?\s(?:over|in|during|across|within)\s(?:the\s)?(?:past|last|previous)\s"
                               r"(?:(?P<n>\w+)\s(?P<unit>years|decades)|(?P<decade>decade))\b", re.I)
_SINCE_AFTER = re.compile(r"(?:\s[\w'’-]+){0,5}?\ssince\s(?P<y>(?:19|20)\d\d)\b", re.I)


def _years_spanned_after(text: str, end: int) -> tuple[str, int] | None:
    """("over", number of years) or ("since", base year) for a span of years right after a change figure, else None."""
    if (since := _SINCE_AFTER.match(text, end)) is not None:
        return "since", int(since.group("y"))
    m = _OVER_YEARS_AFTER.match(text, end)
    if m is None:
        return None
    if m.group("decade"):
        return "over", 10
    word = m.group("n").lower()
    n = int(word) if word.isdigit() and len(word) <= 2 else _RUN_NUMBER.get(word)
    return None if n is None else ("over", n * (10 if m.group("unit").lower() == "decades" else 1))


def _compared_change(s: Sentence, last: Claim, q: Quantity) -> bool:
    """Whether the figure q is compared with the growth figure of `last`, next to it in its clause."""
    prev = last.quantity
    if prev is None or not 0 < q.start - prev.end <= 90 or any(prev.end <= x.start < q.start for x in s.quantities):
        return False
    between = s.text[prev.end:q.start]
    if ";" in between or _SHARE_OF_GDP.match(s.text, q.end):
        return False
    if _LISTED_BEFORE.search(between) is not None and _OWN_YEAR_RIGHT_AFTER.match(s.text, q.end) is not None \
            and _A_YEAR.search(between) is not None:
        return True  # a list of changes, each with its own year: "grew 3% in 2019, 4% in 2020 and 2% in 2021"
    return _COMPARED_BEFORE.search(between) is not None and _COMPARED_AFTER.match(s.text, q.end) is not None


_OWN_YEAR_AFTER = re.compile(r"(?:\s(?:real(?:-terms)?\s|annual\s)?(?:rise|increase|jump|growth|hike|boost|surge|cut|fall|drop|decline))?"
                             r"(?:\s(?:in|for)\s(?P<year>(?:19|20)\d\d)\b|\s(?P<before>" + _YEAR_BACK + r")\b|,?\s(?P<resp>respectively)\b)?", re.I)


def _compared_year(s: Sentence, last: Claim, q: Quantity) -> int | None:
    """The year of a compared figure: its own ("3% in 2020"), the year before the one compared with ("after a
    2% fall a year earlier"), none for figures given "respectively" over a span ("2.1 and 5.2%, respectively, over
    the two years before": which is which is not said surely), else the sentence's reading."""
    m = _OWN_YEAR_AFTER.match(s.text, q.end)
    assert m is not None  # (every part of it is optional)
    if m.group("year"):
        return int(m.group("year"))
    if m.group("before"):
        return None if last.year is None else last.year - 1
    if m.group("resp") or s.text.startswith((" and", ","), q.end) and "respectively" in s.low[q.end:q.end + 40]:
        return None
    return s.year_for(q)[0]


_JOINED = re.compile(r"\s?(?:,|and|or|,\sand)\s(?:about\s|nearly\s|almost\s|some\s)?$")


def _next_pct_start(s: Sentence, q: Quantity) -> int:
    """Where the next percentage after q starts (what follows it is the next figure's own time), else the text's end;
    figures joined right away share what follows ("grew by 17.6 percent and 8.3 percent in the last two years")."""
    for x in s.quantities:
        if x.kind == "pct" and x.start > q.start:
            if _JOINED.fullmatch(s.text, q.end, x.start):
                q = x
                continue
            return x.start
    return len(s.text)


def _clause_of(text: str, start: int, end: int, limit: int | None = None) -> str:
    """The clause around text[start:end], between clause breaks and comment breaks (and not past `limit`)."""
    breaks = [*_CLAUSE_BREAK.finditer(text), *_COMMENT_BREAK.finditer(text)]
    lo = max((m.end() for m in breaks if m.end() <= start), default=0)
    hi = min((m.start() for m in breaks if m.start() >= end), default=len(text))
    return text[lo:hi if limit is None else min(hi, limit)]
# (the spending named before, in another clause: "spending in 18 countries will rise, but the alliance-wide total is
# expected to drop"; the sentence has a spending word, _change's gate)
_TOTAL = re.compile(r"\b(?:the\s)?(?:alliance-wide|alliance['’]s|NATO-wide|NATO['’]s|overall|combined|allied|aggregate)\s(?:total|sum)\b", re.I)
_RUN_NUMBER = {"a": 1, "decade": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
               "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}


# a change for the first time in a span of years (change_first.csv: "grew for the first time in four years", "the
# first increase since 2011")
_FIRST = [re.compile(r["pattern"], re.I) for r in rows("change_first")]
# a relative clause after the change, of something before it ("went up in 2016 after a slump during which budgets
# shrank each year since 2010"): its span of years is not the change's
_RELATIVE = re.compile(r"\s(?:in|during|over|throughout)\swhich\b", re.I)


def _first_time(text: str) -> tuple[int, int, int] | None:
    """(the last year before the span, counted back from 0 for a span of n years: -n, or the year written, where the
    phrasing is written) of a change the text says came for the first time in a span, or None."""
    for pattern in _FIRST:
        for m in pattern.finditer(text):
            if m.group("y") if "y" in pattern.groupindex else None:
                return int(m.group("y")), m.start(), m.end()
            word = m.group("n").lower()
            n = int(word) if word.isdigit() and len(word) <= 2 else _RUN_NUMBER.get(word)
            if n is not None:
                return -n * (10 if "decade" in m.group(0).lower() else 1), m.start(), m.end()
    return None


def _own_span(clause: str, after: int, first: tuple[int, int, int] | None) -> str:
    """The clause as far as it speaks of the change's own span of years: without a first-time phrasing ("for the first
    time in four years" is the change of one year) and without a relative clause after the change word."""
    if first is not None:
        clause = clause[:first[1]] + " " * (first[2] - first[1]) + clause[first[2]:]
    relative = _RELATIVE.search(clause, after)
    return clause if relative is None else clause[:relative.start()]


def _run_years(text: str) -> tuple[int, int, int] | None:
    """The length in years of a run of change the text names ("for ten straight years" = 10, "the seventh year in
    a row" = 7, "steadily for a decade" = 10) and where it is written (start, end), or None."""
    for pattern in _RUNS:
        for m in pattern.finditer(text):  # ("After years of cuts, ... four years of rises": the second)
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
_OBJECT_AFTER = re.compile(r"\s(?:its|their|the|his|her|our|defen[cs]e|military|" + _SPENDING_NOUN + r")\b", re.I)
_WORD_BEFORE = re.compile(r"(?:([a-z]+)\s)?(?:[a-z]+ly\s)?$")


_FIGURE_ONLY = frozenset({"up", "down", "higher", "lower"})
# "higher" or "lower" without a figure is a change when said of the spending against an earlier year: "should come
# in lower this year than in 2015", "was higher in 2016 than a year earlier"
_COMPARATIVE_OF_A_YEAR = re.compile(r"(?:\s(?:this|last|next)\syear|\s(?:in\s)?(?:19|20)\d\d)?\s(?:than|compared\s(?:with|to))\s"
                                    + _BASELINE_YEAR, re.I)
_BE_BEFORE = re.compile(r"\b(?:be|is|are|was|were|been|remain(?:s|ed)?)\s(?:[a-z]+ly\s)?(?:much\s|slightly\s|somewhat\s|far\s)?$", re.I)


def _comparative_of_a_year(text: str, move: re.Match) -> bool:
    return move.group(0).lower() in ("higher", "lower") and _COMPARATIVE_OF_A_YEAR.match(text, move.end()) is not None \
        and _BE_BEFORE.search(text, max(0, move.start() - 30), move.start()) is not None


# a change noun whose clause says the change happened, in the past: "we saw a modest rise in outlays", "there was a
# rise" (not the present perfect, which dates nothing: "has seen a surge"; nor a place: "recorded the second-biggest
# increase" is a rank)
_HAPPENED_BEFORE = re.compile(r"\b(?:saw|witnessed|recorded|registered|posted|experienced|there\s(?:was|were))\s(?:an?|the|its|their)\s"
                              r"(?:(?![\w-]*(?:biggest|largest|highest|greatest|sharpest|steepest|strongest|fastest|smallest"
                              r"|lowest|first|second|third|record)\b)[\w-]+\s){0,2}$", re.I)


def _is_verb(text: str, move: re.Match) -> bool:
    w = move.group(0).lower()
    if " " in w:
        return True  # a phrasal verb ("stepped up", "scaled back")
    if _HAPPENED_BEFORE.search(text, max(0, move.start() - 40), move.start()) is not None:
        return True  # (a noun said to have happened, as a verb says it)
    if w in _FIGURE_ONLY:
        return _comparative_of_a_year(text, move)  # else only with a figure ("up 9.3%", "9.3% higher")
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
        or w.endswith("s") and prev in ("spending", "budget", "expenditure", "outlay"))


# what a change verb raises or lifts when it is no spending: "raised concerns about the spending", "lifted hopes",
# "raised the alarm over budgets" (on Sentence.low, right after the verb)
_OTHER_OBJECT_AFTER = re.compile(r"\s(?:(?:the|their|its|serious|new|some|fresh|many)\s)?(?:concerns?|questions?|doubts?|alarms?"
                                 r"|objections?|eyebrows|issues?|possibility|prospects?|awareness|hopes?|fears?|criticism"
                                 r"|expectations?|spectre|specter|stakes|voices?|profile)\b")
# "That spending went up", "their budgets fell": the spending of the ally or group talked about just before
_SPENDING_ANAPHOR = re.compile(r"\b(?:that|this|such|their|its|our|the\ssame)\s(?:combined\s|overall\s|total\s)?(?:defen[cs]e\s|military\s)?"
                               + _SPENDING_NOUN + r"\b", re.I)
_YEARS_JOINED = re.compile(r"\b(?:19|20)\d\d(?:,\s(?:19|20)\d\d)*,?\s(?:and|as\swell\sas)\s(?:in\s)?(?:19|20)\d\d\b")


def _carried_group(s: Sentence) -> str | None:
    """Whose change a sentence that names no ally or group gives ("Set against 2020, it meant growth of 3.1
    percent", "Only in 2024 was growth faster (18.6%)"): the group the paragraph was
    speaking of, when the sentence before in the same paragraph spoke of the alliance or of the European allies and
    Canada (the groups NATO publishes a change for), as the labelled real sets read it; never an ally (one country's
    budget may be quoted in nominal terms), nor across a paragraph break."""
    if any(e.is_ally or e.code in ("NATO", "NATO_TOTAL", "NATO_EUR_CAN", "NATO_EUROPE") for e in s.entities):
        return None
    carried = s.carry.subject
    return carried if carried in ("NATO_TOTAL", "NATO_EUR_CAN") and s.carry.paragraph == s.paragraph else None


def _change_subject(s: Sentence, code: str | None) -> str | None:
    """Whose change it is: "allies will increase defence spending by 18%" is the alliance as a whole, "across Europe
    and Canada, allies are raising spending by 12%" the group named; else the ally or group with a published change."""
    if code == "NATO":
        return "NATO_EUR_CAN" if any(e.code == "NATO_EUR_CAN" for e in s.entities) else "NATO_TOTAL"
    dateline = _DATELINE.match(s.text)
    if dateline is not None and code is not None and all(e.start < dateline.end() for e in s.entities if e.code == code):
        # "BRUSSELS—... NATO says the overall spending among its member countries": the place of the report only
        return "NATO_TOTAL" if any(e.code == "NATO" for e in s.entities) else None
    return _published_group(data_code(code))


_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,}(?:,\s[A-Z][A-Za-z .]+)?(?:\s\([^()]{1,30}\))?\s?[—–-]+\s?")


# a pronoun for the spending just spoken of, its change and the group it is of: "It rose 3.9% across the
# European members that year" (a group named after the figure: no other figure of allies grows "among" them)
_PRONOUN_CHANGE_OF_A_GROUP = re.compile(r"[\s\"“‘']*(?:It|This|That)\s(?:has\s|had\s|also\s)?(?:increased|rose|grew|went\sup|climbed"
                                        r"|jumped|fell|dropped|declined)\s(?:by\s)?(?:about\s|nearly\s|almost\s|some\s)?[\d.]+\s?"
                                        r"(?:%|per\s?cent|percent)\s(?:among|across)\s(?:the\s)?(?:European|NATO|allies|members)")
# the spending of one category, not the total: "the procurement budget rose 20%", "spending on equipment jumped 50%"
_CATEGORY_SPENDING = re.compile(r"\b(?:equipment|procurement|personnel|infrastructure|research|R&D|pensions?|salaries|weapons|arms"
                                r"|ammunition|cyber|space|nuclear)\s" + _SPENDING_NOUN + r"\b"
                                r"|\b" + _SPENDING_NOUN + r"\s(?:on|for)\s(?:major\s|new\s)?(?:equipment|procurement"
                                r"|personnel|infrastructure|research|pensions|salaries|weapons|arms|ammunition)\b", re.I)
_ELLIPSIS = re.compile(r"\s?(?:\.\.\.|…)\s|\s-\s")  # (an ellipsis or a spaced hyphen between clauses)
# the allies' spending named by an adjective, no ally or group: "Allied defence budgets grew 11 percent", "NATO-wide
# spending rose": the alliance's
_ALLIED_SPENDING = re.compile(r"\b(?:allied|(?:NATO|alliance)-wide)\s(?:defen[cs]e\s|military\s)?" + _SPENDING_NOUN + r"\b",
                              re.I)


# a country outside the alliance (lexicon non_allies.csv), named in the figure's clause before it
_NON_ALLY = re.compile(r"\b(?:" + alternation("non_allies") + r")(?![\w'’])")


# the lower-case words of those names: a sentence holding none names no such country (a cheap test first)
_NON_ALLY_WORDS = frozenset(w.lower() for name in words("non_allies", "word") for w in re.findall(r"[A-Za-z]+", name))


def non_ally_before(s: Sentence, at: int, as_subject: bool = False) -> bool:
    """A country outside the alliance is named before the figure (or deadline) at `at` in its clause, no ally or group
    after it: its change ("By contrast, Russia has raised spending by 80% over the decade"), its level or plan ("Japan
    plans to reach 2% of GDP by 2027", "Russia now spends about 6% of its GDP"), not an ally's or the alliance's.
    `as_subject`: only when a verb of spending or planning, or its spending, follows the name ("which neighbours Russia
    will spend about 3%" is the ally's)."""
    if s.words.isdisjoint(_NON_ALLY_WORDS):
        return False
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, at)), default=0)
    other = next(reversed(list(_NON_ALLY.finditer(s.text, lo, at))), None)
    return other is not None and not any(other.end() <= e.start < at for e in s.entities if e.kind != "anaphor") \
        and not _PREPOSITION_BEFORE.search(s.text, max(0, other.start() - 16), other.start()) \
        and (not as_subject or _NON_ALLY_SUBJECT_AFTER.match(s.text, other.end()) is not None
             and _SUBJECT_SLOT_BEFORE.search(s.text, max(0, other.start() - 24), other.start()) is not None)
    # (not the object of a preposition: "Spurred on by Russia's invasion, spending rose 11%")


# right before it, a subject's place: the clause's start, a comma or a conjunction (not the object of a verb: "which
# borders Russia will spend 3%")
_SUBJECT_SLOT_BEFORE = re.compile(r"(?:^|[,;:(—–\"“‘]|\b(?:and|while|but|whereas|as|that|meanwhile|where|when|because|though"
                                  r"|although|yet|so)\b)\s*(?:the\s)?$")
# right after a non-ally's name, what makes it the subject of a figure: a verb of spending, planning or raising, or its
# own spending ("Japan plans to ...", "Russia now spends ...", "Israel's defence spending jumped to ...")
_NON_ALLY_SUBJECT_AFTER = re.compile(r"(?:(?:['’]s)?\s(?:[\w-]+\s){0,3}(?:spending|budgets?|expenditures?|outlays)\b|,?\s(?:now\s|still\s|"
                                     r"also\s|already\s|currently\s)?(?:spends?|spent|spending|plans?|planned|aims?|aimed|"
                                     r"intends?|intended|wants?|wanted|will|would|has|had|devotes?|devoted|allocates?|"
                                     r"allocated|raised|boosted|increased|pledged|promised|vowed|is|was)\b)")


_PREPOSITION_BEFORE = re.compile(r"\b(?:by|of|on|in|from|against|with|to|after|since|toward|towards|over|than|for|about|at"
                                 r"|into|like|unlike|including|amid|despite)\s(?:the\s)?$", re.I)


def _take_change(s: Sentence, q: Quantity) -> tuple[str, int | None, str] | None:
    """Take the change figure `q`: (subject, year, how the year was found), or None when nobody's change is
    published for its subject (or the clause's subject is a country outside the alliance)."""
    if non_ally_before(s, q.start):
        return None
    subject = _change_subject(s, s.ally_for(q))
    if subject is None and _ALLIED_SPENDING.search(s.text, max(0, q.start - 80), q.start):
        subject = "NATO_TOTAL"
    if subject is None:
        return None
    s.take(q)
    year, how = s.year_for(q)
    if (span := _one_year_spanned(s.text, q.end)) is not None:
        return subject, int(span.group("to")), "year"  # "rose by 2.7% between 2017 and 2018": 2018's change
    base = _BASE_AFTER.match(s.text, q.end)
    if base is not None and year is not None and any(
            t.year == year and base.start() <= t.start < base.end() for t in s.times):
        return subject, year + 1, how  # "have increased by 18% since last year": the year after the base
    return subject, year, how


# two years a change runs between, right after its figure: "between 2017 and 2018", "from 2019 to 2020" (the later one's)
# (two years in a row only: "from 2014 to 2023" is a change over nine years)
_YEARS_SPANNED_AFTER = re.compile(r"(?:\s(?:more|less))?(?:\sin\sreal\sterms)?\s(?:between|from)\s(?P<from>(?:19|20)\d\d)\s(?:and|to)\s(?P<to>(?:19|20)\d\d)\b",
                                  re.I)


def _one_year_spanned(text: str, end: int) -> re.Match | None:
    """"between 2017 and 2018", "from 2019 to 2020" right after a change figure: the change of the later year."""
    m = _YEARS_SPANNED_AFTER.match(text, end)
    return m if m is not None and int(m.group("to")) - int(m.group("from")) == 1 else None
# the year a change is counted from, right after its figure: "up 18% since last year", "a rise of 9% over 2022",
# "12% on 2023" (the change is the next year's)
_BASE_AFTER = re.compile(r"(?:\s(?:real(?:-terms)?\s)?(?:rise|increase|jump|growth|hike|boost|surge|cut|fall|drop|decline))?"
                         r"\s(?:since|from|over|on|compared\s(?:to|with)|versus|vs\.?)\s(?P<when>last\syear|a\syear\sago|(?:19|20)\d\d)\b"
                         r"(?!\s(?:to|and|through|until)\s)", re.I)
# (not "the previous year", "the year before": counted from the year spoken of, which the time reader does not know)


# a change noun right before its figure: "a rise of 9%", "growth this year will be about 2 per cent", "an increase of
# 1.9 percent", "growth of about 4%" (the change noun, then "of", or a copula, and a hedge)
_NOUN_OF_BEFORE = re.compile(r"\b(?P<noun>(?:real(?:-terms?)?\s)?(?:rise|increase|growth|jump|hike|boost|surge|cut|fall|drop|decline|reduction))"
                             r"(?:\s(?:this|last|next)\syear|\sin\s(?:19|20)\d\d)?\s(?:of\s|(?:will|would|is|was|has\sbeen)\s(?:be\s)?)(?:about\s|around\s|nearly\s|almost\s|some\s|roughly\s"
                             r"|just\s|over\s|more\sthan\s|an\sestimated\s)?$", re.I)
# what else grows in a sentence (then a change noun without a spending word is not spending's)
_OTHER_MOVER = re.compile(r"\b(?:" + alternation("other_movers", "pattern") + r")\b")  # (lexicon other_movers.csv)
# what a change noun is of, right after it, when not spending: "a 12% rise in orders", "an increase of 5% in troops"
_IN_OTHER_AFTER = re.compile(r"[\"”’']?(?:\s(?:of\s)?(?:about\s|around\s|nearly\s)?[\d.]+\s?(?:%|per\s?cent|percent))?\s(?:in|of)\s"
                             r"(?![\d.]|(?:about|around|nearly|almost|some|over|just)\s|(?:the\s|its\s|their\s|our\s)?(?:[\w'’-]+\s)?(?:defen[cs]e|military|" + _SPENDING_NOUN
                             + r"|investments?|real\sterms)\b|(?:19|20)\d\d\b)", re.I)
# the group whose spending changed, named after the change: "... of increasing spending across European allies and
# Canada", "a rise among the allies" (no clause break between)
_ACROSS_BEFORE = re.compile(r"\b(?:across|among|amongst|by)\s(?:the\s|all\s)?(?:[\w'’-]+\s)?$", re.I)
_PRONOUN_FOR_CHANGE = re.compile(r"(?:^|[,;]\s|[\"“‘'(])(?:this|that|it)\s", re.I)
_BASE_BEFORE = re.compile(r"\b(?:compared\s(?:to|with)|versus|against|over|from|since|than)\s(?:in\s)?$", re.I)


# growth named by its noun as the subject of a figure, the verb of a level between them: "expenditure growth will
# accelerate to 4.3 percent", "growth in their budgets reached 8.3% in 2023", "the growth rate was 10.9%", "higher
# growth was only seen in 2019 (9.2%)", "the annual increase is put at about 3%" (the noun, up to eight words of its
# clause, then the level verb right before the figure)
_GROWTH_SUBJECT = re.compile(r"\b(?:growth(?:\srates?)?|(?:annual\s|real(?:-terms)?\s)?(?:increase|rise)(?:\srate)?)\b", re.I)
_LEVEL_VERB_BEFORE = re.compile(
    r"\b(?:accelerat(?:e|es|ed|ing)|slow(?:s|ed|ing)?|eas(?:e|es|ed|ing)|pick(?:s|ed)?\sup|reach(?:es|ed)?|hit|hits|"
    r"st(?:ood|ands?)|c(?:a|o)mes?\sin|amount(?:s|ed)?|(?:was|were|is|are|be|been)(?:\s(?:only\s)?(?:estimated|projected|"
    r"forecast|expected|put|seen|observed|recorded))?|estimated|projected|forecast|put)"
    r"(?:(?:\s(?:to|at)(?:\sbe)?)?\s(?:about\s|around\s|nearly\s|almost\s|some\s|roughly\s|just\s|over\s|more\sthan\s"
    r"|an\sestimated\s)?|\s(?:only\s)?in\s(?:19|20)\d\d\s?\()$", re.I)


# the two US$ amounts a change in per cent ran between, told after it ("..., rising from $8.4 billion in 2014 to an
# estimated $19.4 billion"): the percentage restates them (each amount a claim of its own, CLM-USD)
_FROM_BEFORE = re.compile(r"\bfrom\s(?:about\s|some\s|roughly\s|around\s|nearly\s|almost\s)?$")
_TO_BEFORE = re.compile(r"\bto\s(?:an\sestimated\s|about\s|some\s|roughly\s|around\s|nearly\s|almost\s)?$")


def _restates_amounts(s: Sentence, q: Quantity) -> bool:
    """The change in per cent `q` is followed by the US$ amount it started from and the one it reached."""
    amounts = [x for x in s.quantities if x.kind == "money" and x.start > q.end]
    start = next((a for a in amounts if _FROM_BEFORE.search(s.text, max(0, a.start - 24), a.start)), None)
    return start is not None and any(b.start > start.end and _TO_BEFORE.search(s.text, max(0, b.start - 24), b.start)
                                     for b in amounts)


def _national_amount_before(s: Sentence) -> bool:
    """The sentence before gave an amount in a national currency ("the ministry gets 40 billion euros"): a
    change said of it next ("That amounts to a rise of 4 per cent") is that national budget's, quoted in
    nominal terms, no figure NATO publishes."""
    before = s.carry.previous
    return before is not None and (any(q.kind == "money" and q.currency not in (None, "USD") for q in before.quantities)
                                   or _NATIONAL_AMOUNT.search(before.text) is not None)


# an amount in a currency the money reader leaves unread ("118 billion zlotys", "PLN 159 billion"; currencies.csv)
_NATIONAL_AMOUNT = re.compile(r"\d\s?(?:billion|bn|million|mn|trillion)?\s(?:" + patterns("currencies", "kind", "word")
                              + r")\b|(?<![\w$])(?-i:" + patterns("currencies", "kind", "code") + r")\s?\d", re.I)


def _on_spending(carry) -> bool:
    """Whether the sentences before were on allies' spending: they named an ally or group with a figure, a sum, a
    threshold or a pledge (what a sentence hands on, extract.Carry)."""
    return carry.subject is not None or carry.usd_subject is not None or carry.threshold is not None \
        or carry.pledge is not None or carry.named is not None


class RealChangeRule(Rule):
    type = "real_change"
    code = "CLM-REAL-CHANGE"
    # a change in real terms, growth in words, or a change of spending without a level (_change: a spending word)
    needs = ((_REAL_WORDS | _GROWTH_WORDS | _SPENDING_TOKENS | _EXTRA_WORDS, frozenset()),)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        if "respectively" in s.words and (respective := self._respective_years(s)):
            return respective
        if not s.words.isdisjoint(_EXTRA_WORDS) and (extra := self._extra(s)):
            return extra
        if s.words.isdisjoint(_REAL_WORDS) or not _REAL_FOLDED.search_words(s.low, s.tokens) \
                or not (_MOVE_FOLDED.search_words(s.low, s.tokens) or _REAL_CHANGE.search(s.text)):
            found = self._growth_in_words(s) if "more" in s.words or "less" in s.words or any(map(_is_move, s.words)) \
                else []
            found = found or self._change(s) or self._change_noun(s)
            found += self._growth_as_subject(s)
            if not found and "than" in s.words and ("more" in s.words or "less" in s.words) and "spen" in s.low:
                return self._spent_more_than_a_year(s)
            return found + self._compared_after(s, found) + self._listed_after(s, found) if found else found
        since = [t for t in s.times if t.kind == "since"]
        out: list[Claim] = []
        taken: set[int] = set()  # the figures a list after a change figure gave their allies (_listed_after)
        for q in s.free(("pct", "fraction")):
            if id(q) in taken:
                continue
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
            more = _MORE_SPENT.match(s.text, q.end)  # ("spent 4.4% more in real terms")
            noun = _FIGURE_NOUN_AFTER.match(s.text, q.end)  # ("$486 billion, a 19.4% increase in real terms")
            if _SHARE_OF_GDP.match(s.text, q.end) or not (MOVE.search(s.text, lo, q.start) or REAL.search(s.text, lo, q.start)
                                                          or REAL.match(s.text, q.end + s.text.startswith(" ", q.end), q.end + 21)
                                                          or more is not None and REAL.match(s.text, more.end() + 1, more.end() + 22)
                                                          or noun is not None and noun.group(0).strip().lower() not in _FIGURE_ONLY
                                                          and REAL.match(s.text, noun.end() + 1, noun.end() + 22)
                                                          or coordinated):
                continue  # "now at 2.27% of GDP, ... after a real increase of 15%": only the second is a change
                # (but "up 4.1% in real terms, against 3.5% a year before and 3.8% in 2019" are three changes)
            moves = list(MOVE.finditer(s.text, lo, q.start)) or list(MOVE.finditer(s.text, q.end, q.end + 40))
            down = bool(moves) and _DOWN.fullmatch(moves[-1].group(0)) is not None
            s.take(q)
            value = q.value * 100 if q.kind == "fraction" else q.value
            if _MINUS_BEFORE.search(s.text, max(0, q.start - 7), q.start):
                value, down = -value, False  # "a real change of -0.6%", "fell by -0.6%": the sign written before it
            year, _ = s.year_for(q)
            if (span := _one_year_spanned(s.text, q.end)) is not None:
                year = int(span.group("to"))  # "4.4% more in real terms from 2020 to 2021": 2021's change
            if more is not None and more.group(0).strip().lower() == "less":
                down = True
            # "lifted its outlays by 214% in real terms since 2014": the change over those years, not the last year's
            base_year = _SINCE_BASE.match(s.text, q.end)
            cumulative = int(base_year.group("y")) if base_year is not None and year is not None \
                and year - int(base_year.group("y")) >= 2 else None
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -value if down else value, q.comparator, year,
                                  q, decimals=q.decimals if q.kind == "pct" else 0,
                                  **({"cumulative_from": cumulative} if cumulative is not None else {})))
            listed = self._listed_after(s, out)  # (before the loop reads them on their own, without the first's year)
            out += listed
            taken |= {id(c.quantity) for c in listed}
        if out:
            return out + self._real_direction_elsewhere(s, out)
        if EVERY_YEAR.search(s.text) and since:
            subject = data_code(s.ally_for(type("Q", (), {"start": 0, "end": 0})()))
            if subject:
                down = _DOWN.search(s.text) is not None
                return [self.claim(s, subject, "def_exp_real_change_pct", 0.0, "lt" if down else "gt",
                                   s.latest_year(), since_year=since[0].year)]
        return self._change(s)

    def _extra(self, s: Sentence) -> list[Claim]:
        """"Portugal put in an extra 10% in 2023", "Spain and Italy added a further 5% to their budgets": a rise of the
        spending by the figure (not a share of GDP), for each ally of the list; judged as NATO's real change, unverifiable
        when the text does not say real terms and it does not match."""
        out: list[Claim] = []
        for q in s.free(("pct",)):
            if not _EXTRA_BEFORE.search(s.text, max(0, q.start - 20), q.start) or _SHARE_OF_GDP.match(s.text, q.end) \
                    or _PART_OF.match(s.text, q.end) and not _OF_SPENDING_AFTER.match(s.text, q.end):
                continue
            code = s.ally_for(q)
            subject = _change_subject(s, code)
            if subject is None:
                continue
            s.take(q)
            year, how = s.year_for(q)
            after = _BASE_AFTER.match(s.text, q.end)
            if after is not None and year is not None \
                    and any(t.year == year and after.start() <= t.start < after.end() for t in s.times):
                year += 1
            listed = s.listed_with(code, q) if code is not None and len(code) == 3 else []
            # (a list is one claim, each listed ally judged on its own change: measures/real_change.py)
            out.append(self.claim(s, ",".join(dict.fromkeys([*listed, subject])), "def_exp_real_change_pct", q.value,
                                  q.comparator, year, q, decimals=q.decimals, unstated_basis=REAL.search(s.text) is None,
                                  plan=how in ("deadline", "future")))
        return out

    def _respective_years(self, s: Sentence) -> list[Claim]:
        """Changes given "respectively" for as many years listed in the sentence: "the biggest rises came in 2017 and
        2018, 5.7% and 4.3% respectively", "grew in 2022 and 2023 by 12.6% and 46.6% respectively", "increases of 3.6%
        and 2.5% in 2021 and 2022 respectively": each figure the change of its own year, of the subject the sentence
        names (else the one carried from before). Only with a change word and no share of GDP named."""
        figures = s.free(("pct",))
        run: list[Quantity] = []
        for q in figures:
            if run and not _JOINED.fullmatch(s.text, run[-1].end, q.start):
                if _RESPECTIVE_END.match(s.text, run[-1].end):
                    break
                run = []
            run.append(q)
        if len(run) < 2 or not _RESPECTIVE_END.match(s.text, run[-1].end) or _SHARE_OF_GDP.search(s.text) \
                or "gdp" in s.words or not any(map(_is_move, s.words)) and not _NOUN_OF_BEFORE.search(s.text):
            return []
        runs = [[int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0))] for m in _YEAR_RUN.finditer(s.text)]
        years = next((r for r in runs if len(r) == len(run)), [])
        if len(years) != len(run):
            return []
        subject = _change_subject(s, s.ally_for(run[0]))
        if subject is None:
            return []
        moves = list(MOVE.finditer(s.text, 0, run[0].start)) or list(MOVE.finditer(s.text, run[-1].end))
        falls = bool(moves) and _DOWN.fullmatch(moves[-1].group(0)) is not None  # ("fell by 11.4% and 10%")
        out = []
        for q, year in zip(run, years, strict=True):
            s.take(q)
            down = falls or _MINUS_BEFORE.search(s.text, max(0, q.start - 7), q.start) is not None
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -q.value if down else q.value, q.comparator,
                                  year, q, decimals=q.decimals, unstated_basis=REAL.search(s.text) is None, plan=False))
        return out

    def _listed_after(self, s: Sentence, found: list[Claim]) -> list[Claim]:
        """Other allies' changes listed after a change figure, each value right after its ally ("Denmark recorded a
        30.1% jump, followed by Finland's 21.4 and Sweden's 8.5", "rose most in Poland (22.5%), ahead of Latvia
        (21.1%) and Lithuania (19.5%)"): the same measure, direction and year for each, the % sign carried too. Only
        list words stand between one value and the next ally (_LISTED_GLUE)."""
        last = found[-1]
        q = last.quantity
        if q is None or last.subject is None or q.kind != "pct":
            return []
        out: list[Claim] = []
        pos = q.end
        for e in s.entities:
            if e.start < pos or not e.is_ally:
                continue
            if not _LISTED_GLUE.fullmatch(s.text, pos, e.start):
                break
            lv = value_after(s.text, e.end)
            if lv is None or not _listed_change(lv):
                break
            own = next((x for x in s.quantities if x.start <= lv.start < x.end), None)
            if own is not None and (own.kind != "pct" or own not in s.free(("pct",))):
                break
            listed = own if own is not None else Quantity(lv.start, lv.end, "pct", lv.value, lv.decimals, "eq",
                                                          lv.number, listed=True)
            if own is not None:
                s.take(own)
            year = lv.year if lv.year is not None else last.year
            value = -listed.value if last.value < 0 else listed.value
            out.append(self.claim(s, _published_group(data_code(e.code)), "def_exp_real_change_pct", value,
                                  listed.comparator, year, listed, decimals=listed.decimals,
                                  unstated_basis=bool(last.extra.get("unstated_basis")), plan=False))
            pos = listed.end if own is not None else lv.end_all
        return out

    def _compared_after(self, s: Sentence, found: list[Claim]) -> list[Claim]:
        """Growth figures compared with a growth figure just read ("to grow 6.1% in 2021 versus 3% in
        2020", "a 12% rise in 2024 compared to a 9.5% rise in 2023", "rose 9% after a 2% fall a year
        earlier"): changes of the same subject, each in its own year (none when it is not said surely)."""
        out: list[Claim] = []
        last = found[-1]
        for q in s.free(("pct",)):
            if last.quantity is None or q.start < last.quantity.end or not _compared_change(s, last, q):
                continue
            noun = _FIGURE_NOUN_AFTER.match(s.text, q.end)  # (its own noun gives its sign, else the one compared with)
            down = last.value < 0 if noun is None else _DOWN_NOUN.fullmatch(noun.group(0).strip()) is not None
            s.take(q)
            claim = self.claim(s, last.subject, "def_exp_real_change_pct", -q.value if down else q.value, q.comparator,
                               _compared_year(s, last, q), q, decimals=q.decimals,
                               unstated_basis=bool(last.extra.get("unstated_basis")), plan=False)
            out.append(claim)
            last = claim
        return out

    def _whose_change_unsaid(self, s: Sentence) -> list[Claim]:
        """"A 14% jump in military outlays came last year": a change of spending, its figure bound to a change
        noun, with no ally or group in the sentence (the subject of the sentence before may be another's): the claim
        with no subject, unverifiable, rather than a figure another reader takes for a share of GDP."""
        out = []
        for q in s.free(("pct",)):
            noun = _FIGURE_NOUN_AFTER.match(s.text, q.end)
            if noun is None or noun.group(0).strip().lower() in _FIGURE_ONLY \
                    or not _OF_SPENDING_AFTER.match(s.text, noun.end()):
                continue
            s.take(q)
            down = _DOWN_NOUN.fullmatch(noun.group(0).strip()) is not None
            carried = _carried_group(s)
            out.append(self.claim(s, carried, "def_exp_real_change_pct", -q.value if down else q.value, q.comparator,
                                  s.year_for(q)[0], q, decimals=q.decimals, unstated_basis=REAL.search(s.text) is None,
                                  plan=False, **({"no_subject": True} if carried is None else {})))
        return out

    def _change_noun(self, s: Sentence) -> list[Claim]:
        """A change named by its noun and bound to a figure, with no spending word: "a rise of 9% among the European
        allies and Canada", "growth this year will be about 2 per cent", "that amounted to an increase of 3.1 percent",
        "the 4.6% rise for 2021". In an article on defence spending the change is of defence spending. Whose: an
        ally or group of the sentence (after "across / among / by / for" as well as before), else the one carried from
        the sentence before when a pronoun stands for it ("this", "it"), else nobody's (unverifiable). Not when the
        sentence names another thing that grows (`_OTHER_MOVER`: the economy, prices, troops ...), nor when neither the
        sentence nor the one before names an ally or group."""
        free = s.free(("pct",))
        if not free or not s.tokens.isdisjoint(_SPENDING_TOKENS) or not s.entities and not _on_spending(s.carry) \
                or _OTHER_MOVER.search(s.low) or not s.entities and _national_amount_before(s):
            return []  # (a figure first: most sentences with a change word have none free; with no ally or group
            # named, the text before must have been on allies' spending: a growth figure alone may be anything's,
            # and after an amount in a national currency it is that budget's nominal change)
        out: list[Claim] = []
        for q in free:
            bound = _NOUN_OF_BEFORE.search(s.text, max(0, q.start - 40), q.start)
            noun = bound.group("noun") if bound is not None else None
            if noun is None and (after := _FIGURE_NOUN_AFTER.match(s.text, q.end)) is not None \
                    and after.group(0).strip().lower() not in _FIGURE_ONLY:
                noun = after.group(0)
            if noun is None or _SHARE_OF_GDP.match(s.text, q.end) or _PART_OF.match(s.text, q.end) \
                    or TARGET_OF_BEFORE.search(s.text, max(0, q.start - 40), q.start):
                continue  # (not a level, a part, or a goal: "set a goal of 5% growth by 2030")
            if _IN_OTHER_AFTER.match(s.text, bound.end("noun") if bound is not None else q.end + len(noun)):
                continue  # "a 12% rise in orders": the change of something else
            # (a pronoun's spending is nobody's here: "This is an increase of 30%" may follow troops or orders; nor
            # is an ally carried from before when the sentence names none: whose growth it is stays unsaid)
            # (but "it", read as the ally named just before it, with its own verb of spending, is that ally: "Greece
            # raised its budget. It will spend about €6bn this year, a rise of 12% over 2023")
            pronoun = _PRONOUN_FOR_CHANGE.search(s.text, 0, q.start)
            resolved = pronoun is not None and any(e.kind == "anaphor" and pronoun.start() <= e.start < pronoun.end()
                                                   for e in s.entities)
            code = None if not s.entities or pronoun is not None and not resolved else s.ally_for(q)
            subject = _change_subject(s, code) if code is not None else _carried_group(s)
            s.take(q)
            year, how = s.year_for(q)
            after = _BASE_AFTER.match(s.text, q.end)  # "a 7% increase on last year": the change of the year after it
            if after is not None and year is not None \
                    and any(t.year == year and after.start() <= t.start < after.end() for t in s.times):
                year += 1
            base = next((t for t in s.data_times if t.kind == "year" and t.year == year
                         and _BASE_BEFORE.search(s.text, max(0, t.start - 20), t.start)), None)
            if base is not None and len({t.year for t in s.data_times if t.kind == "year"}) == 1:
                year = year + 1 if year is not None else None  # "compared to 2021, ... an increase": 2022's change
            down = _DOWN_NOUN.search(noun) is not None
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -q.value if down else q.value, q.comparator,
                                  year, q, decimals=q.decimals, unstated_basis=REAL.search(s.text) is None,
                                  plan=how in ("deadline", "future"), **({"no_subject": True} if subject is None else {})))
        return out

    def _growth_as_subject(self, s: Sentence) -> list[Claim]:
        """A change named by its noun as the subject of a figure, a verb of level between them (_GROWTH_SUBJECT,
        _LEVEL_VERB_BEFORE): "expenditure growth will accelerate to 4.3 percent", "the growth rate was 10.9% in 2024".
        The sentence names spending, its clause no other thing that grows (_OTHER_MOVER: "GDP growth was 2%") and the
        figure is no share of GDP. Whose: the ally or group of the sentence, else nobody's (unverifiable)."""
        out: list[Claim] = []
        if _SPENDING_WORDS.search_words(s.low, s.tokens) is None:
            return out
        for q in s.free(("pct",)):
            verb = _LEVEL_VERB_BEFORE.search(s.text, max(0, q.start - 40), q.start)
            if verb is None or _SHARE_OF_GDP.match(s.text, q.end) or _PART_OF.match(s.text, q.end):
                continue
            lo = max([m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, q.start)]
                     + [x.end for x in s.quantities if x.end <= q.start], default=0)
            noun = next(reversed(list(_GROWTH_SUBJECT.finditer(s.text, lo, verb.start()))), None)
            if noun is None or verb.start() - noun.end() > 70 or any(
                    not noun.start() <= m.start() < noun.end() for m in _OTHER_MOVER.finditer(s.low, lo, q.start)):
                continue  # (the growth rate's "rate" is no other mover)
            code = s.ally_for(q) if s.entities else None
            subject = _change_subject(s, code) if code is not None else _carried_group(s)
            s.take(q)
            year, how = s.year_for(q)
            out.append(self.claim(s, subject, "def_exp_real_change_pct", q.value, q.comparator, year, q,
                                  decimals=q.decimals, unstated_basis=REAL.search(s.text) is None,
                                  plan=how in ("deadline", "future"), **({"no_subject": True} if subject is None else {})))
        return out

    def _spent_more_than_a_year(self, s: Sentence) -> list[Claim]:
        """"European allies and Canada spent more on defence in 2023 than in 2022", "Italy spent less on its military
        last year than a year earlier": the direction of the change, with no figure (a figure is _growth_in_words')."""
        m = _SPENT_MORE_THAN.search(s.text)
        if m is None or s.is_question or _SPENT_ON_A_PART.match(s.text, m.end("dir")) \
                or any(q.kind == "count" and q.start < m.start() for q in s.quantities):
            return []  # "spent more on equipment than ...": a category; "26 allies spent more ...": each ally's
        where = Quantity(m.start("dir"), m.end("dir"), "change", 0.0, 0, "eq", m.group("dir"))
        subject = _change_subject(s, s.ally_for(where))
        if subject is None:
            return []
        year, how = s.year_for(where)
        if year is None or how in ("present", "carried") and m.group("when") is None:
            return []
        down = m.group("dir").lower() == "less"
        return [self.claim(s, subject, "def_exp_real_change_pct", 0.0, "lt" if down else "gt", year,
                           unstated_basis=REAL.search(s.text) is None, plan=how in ("deadline", "future"),
                           direction_only=True)]

    def _real_direction_elsewhere(self, s: Sentence, found: list[Claim]) -> list[Claim]:
        """A real change without a figure in another clause of a sentence whose figure was read: "in 2016 spending
        rose in real terms among the European members ... and this year we expect a larger real rise of 3.6%": the
        direction in the year that clause names."""
        text, out = s.text, []
        breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), *(m.end() for m in _ELLIPSIS.finditer(text))]
        for lo in sorted(set(breaks)):
            hi = min((b for b in breaks if b > lo), default=len(text))
            clause = text[lo:hi]
            real = REAL.search(clause)
            if real is None or any(lo <= q.start < hi for q in s.quantities if q.kind in ("pct", "fraction", "money")) \
                    or any(c.quantity is not None and lo <= c.quantity.start < hi for c in found):
                continue
            years = [t for t in s.data_times if t.kind == "year" and lo <= t.start < hi]
            move = next(MOVE.finditer(text, lo + real.start(), hi), None)  # ("a real increase", "rose in real terms")
            move = move or next(MOVE.finditer(text, lo, lo + real.start()), None)
            if len(years) != 1 or move is None or not _SPENDING_WORDS.search(folded(clause)):
                continue
            where = Quantity(move.start(), move.end(), "change", 0.0, 0, "eq", move.group(0))
            subject = _change_subject(s, s.ally_for(where))
            if subject is None:
                continue
            down = _DOWN.fullmatch(move.group(0)) is not None
            out.append(self.claim(s, subject, "def_exp_real_change_pct", 0.0, "lt" if down else "gt", years[0].year,
                                  unstated_basis=False, plan=False, direction_only=True))
        return out

    def _growth_in_words(self, s: Sentence) -> list[Claim]:
        """Growth of defence spending by a percentage, without "real": read as NATO's real change (see _GROWTH_TO)."""
        if not s.quantities:  # (a digit, or a number word: "by almost a fifth")
            return []
        several = _SEVERAL_YEARS_FOLDED.search_words(s.low, s.tokens) is not None
        spending = _SPENDING_WORDS.search_words(s.low, s.tokens) is not None \
            or _PRONOUN_CHANGE_OF_A_GROUP.match(s.text) is not None  # ("It increased by 4.3% among European allies")
        more = " more" in s.low or " less" in s.low  # ("spent 5 per cent more")
        if not spending and not (more and ("spen" in s.low or "invest" in s.low)):
            return []
        out: list[Claim] = []
        for q in s.free(("pct", "fraction")):  # ("rose by nearly a third": 33%)
            growth = _GROWTH_TO.search(s.text, max(0, q.start - 50), q.start) if spending else None
            if not (growth or more and _MORE_SPENT.match(s.text, q.end)
                    and _SPENT_BEFORE.search(s.text, max(0, q.start - 50), q.start)) or _PART_OF.match(s.text, q.end):
                continue
            if growth is not None and _OTHER_MOVER_BEFORE.search(s.text, max(0, growth.start() - 40), growth.start()):
                continue  # "German output rose 0.3% even as spending climbed": what grew is not spending
            if _CATEGORY_SPENDING.search(s.text, max(0, q.start - 70), q.start):
                continue  # "spending on equipment jumped 50%": a category, not the total
            if growth is not None and negation.negated(s.low, max(0, growth.start() - 40), growth.start()):
                continue  # "did not raise spending by 18%": no figure is claimed
            if WORLD_SCOPE.search(s.text, max(0, q.start - 80), q.start) and not any(e.start < q.start for e in s.entities):
                continue  # "military spending in the world ... up 2.6%": not an ally's or the alliance's change
            if _restates_amounts(s, q):
                continue  # "grew by 130 percent, rising from $8.4 billion to $19.4 billion": the two amounts are the claims
            span = _years_spanned_after(s.text, q.end)  # "rose 11% over the past two years", "by 30% since 2014"
            if several and span is None and _SEVERAL_YEARS.search(_clause_of(s.text, q.start, q.end, _next_pct_start(s, q))) \
                    and not _one_year_spanned(s.text, q.end):  # (but "from 2022 to 2023" is one year's)
                continue  # "since 2014 spending has grown 30%", "14% in two years": no one year's change (but "8.3% in
                # 2023 versus 2.8% and 4.6% in the previous two years": the later figures' time)
            taken = _take_change(s, q)
            if taken is None:
                continue
            subject, year, how = taken
            # a change over several years written right after its figure: from the base year to the year spoken of
            base = None if span is None or year is None else span[1] if span[0] == "since" else year - span[1]
            cumulative = {"cumulative_from": base} if base is not None and year is not None and year - base >= 2 else {}
            down = growth is not None and growth.group("down") is not None  # "dropped 0.3 percent": -0.3
            if growth is None and s.text.startswith(" less", q.end):
                down = True  # "spent 2% less in real terms": -2
            value = q.value * 100 if q.kind == "fraction" else q.value
            out.append(self.claim(s, subject, "def_exp_real_change_pct", -value if down else value, q.comparator, year,
                                  q, decimals=q.decimals if q.kind == "pct" else 0, unstated_basis=True,
                                  plan=how in ("deadline", "future"), **cumulative))
        return out

    def _change(self, s: Sentence) -> list[Claim]:
        """A change of spending read by its roles in one clause, with or without a figure: "Germany's budget is due to
        post a 2.7% rise", "spending was up 9.3% on the year before", "European allies and Canada raised spending in
        real terms", "has grown for ten straight years", "Norway and Spain will each trim their budgets". The figure,
        when there is one, is bound to the change word; without one the claim is the direction (> 0 or < 0) of the
        real change in its year, or in every year of a run. Without "real" a direction that does not match is
        unverifiable (a nominal change may be meant; a figure is judged), a plan is unverifiable, a demand or a wish
        is no claim."""
        words = s.words
        if s.tokens.isdisjoint(_SPENDING_TOKENS) or s.is_question \
                or not s.entities and (s.carry.subject is None or not (_SPENDING_ANAPHOR.search(s.text)
                                                                       or not words.isdisjoint(_RUN_WORDS))):
            # (no ally or group named: only "That spending went up in 2015" or "three consecutive years of increases",
            # the one talked about; else a change figure of spending whose subject is not said is unverifiable)
            return self._whose_change_unsaid(s) if not s.entities and not s.tokens.isdisjoint(_SPENDING_TOKENS) else []
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
        if not free and not s.data_times and words.isdisjoint(_RUN_WORDS) and "since" not in words and not s.is_plan() \
                and _PLAN.search_words(s.low, s.tokens) is None:
            return out  # no figure, no time, no run, no plan: no reading below can give a claim
        done = -1  # the end of the last clause read: one claim per clause
        for move in _MOVE_FOLDED.finditer(s.low):  # (on the folded text: the same spans, no re.I)
            if move.start() < done or not free and move.group(0).lower() in _FIGURE_ONLY \
                    and not _comparative_of_a_year(text, move):
                continue  # ("up", "higher" ...: only with a figure)
            if _OTHER_OBJECT_AFTER.match(s.low, move.end()):
                continue  # "has raised concerns about spending": what was raised is no spending
            lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, move.start())), default=0)
            hi = next((m.start() for m in _CLAUSE_BREAK.finditer(text, move.end())), len(text))
            clause = text[lo:hi]
            run = _run_years(clause) if not words.isdisjoint(_RUN_WORDS) else None
            since_every = None
            if run is None and "since" in clause.lower():  # "have grown every year since 2015", "has been rising since 2015"
                m = next(filter(None, (p.search(clause) for p in _EVERY_SINCE)), None)
                latest = s.latest_year()
                if m is not None and latest is not None and int(m.group("y")) < latest \
                        and _PERFECT.search(clause) is not None:  # (up to now: "has/have"; not "fell every year since
                    # 2009" in a past decline)
                    since_every = int(m.group("y"))
                    run = (latest - since_every, m.start(), m.end())
            first = _first_time(clause) if "first" in words else None
            # (past a run, a figure is another clause's: "rose for the tenth year in a row as a third of allies reached 2.5%")
            pcts = [q for q in s.quantities if q.kind == "pct" and lo <= q.start < (hi if run is None else lo + run[1])]
            figure = next((q for q in pcts if _FIGURE_NOUN_AFTER.match(text, q.end) and q.end <= move.start() + 1
                           or _UP_BEFORE.search(text, max(lo, q.start - 30), q.start)), None)
            if pcts and figure is None:
                continue  # a level ("rose to 2.1% of GDP") or a figure another reading has
            if figure is None and run is None and first is None and not _is_verb(text, move) and REAL.search(clause) is None:
                continue  # a noun or an attribute, not a change that the clause says happened (cheap: before the rest)
            own = _own_span(clause, move.end() - lo, first)
            if not (_SPENDING_WORDS.search(folded(clause)) or _TOTAL.search(clause)) or _CATEGORY_SPENDING.search(clause) \
                    or _COUNT_CHANGE.search(clause if run is None else clause[:run[2]]) \
                    or _DEMANDED.search(text, lo, move.start()) \
                    or (_SEVERAL_YEARS.search(own) or " since " in own) and run is None:
                continue
            free_counts = s.free(("count",))  # (a count another reader took is the membership: "the 29 NATO countries")
            if any(q.kind in ("money", "count", "fraction") and lo <= q.start < hi
                   and not (run is not None and lo + run[1] <= q.start)
                   and not (q.kind == "count" and run is not None and all(q is not x for x in free_counts))
                   for q in s.quantities):
                continue  # a money change or level, a count: other readings ("ten" of "for ten straight years" is the
                # run; "rose for the sixth year in a row as one-third of allies met 2%": past the run, another clause's)
            if figure is not None and (_SHARE_OF_GDP.match(text, figure.end) or not any(figure is q for q in free)):
                continue
            # (no figure: a stand-in quantity at the change word, for Sentence.ally_for / year_for)
            where = figure or Quantity(move.start(), move.end(), "change", 0.0, 0, "eq", move.group(0))
            code = s.ally_for(where)
            if code is None:  # "three years of increasing spending across European allies and Canada": the group after
                code = next((e.code for e in s.entities if move.end() < e.start < hi
                             and _ACROSS_BEFORE.search(text, max(move.end(), e.start - 60), e.start)), None)
            published = _change_subject(s, code)
            if published is None:
                continue
            subject = published
            year, how = s.year_for(where)
            if since_every is not None:
                year, how = s.latest_year(), "present"  # (a run up to now)
            if figure is None and run is None and first is None and not _is_verb(text, move) and not (
                    REAL.search(clause) and how not in ("present", "carried")):
                continue  # a noun or an attribute, not a change that the clause says happened
            if figure is None and _INTENT.search(s.low[lo:hi]):
                continue  # "Rome plans to raise spending next year": an intention, read by the plan readers, no change
            plan = how in ("deadline", "future") or (_PLAN.search(s.low[lo:hi]) is not None and how == "present")
            if figure is None and run is None and first is None and not plan and how in ("present", "carried"):
                continue  # a direction with no time of its own ("has raised its budget sharply too")
            listed = s.listed_with(code, where) if code and code != "NATO" and figure is None else []
            if listed:
                subject = ",".join([*listed, subject])
            down = _DOWN.fullmatch(move.group(0)) is not None
            if run is not None:  # the change word of the run, nearest to it ("after years of decline, three
                # consecutive years of increases": a rise)
                r0, r1 = lo + run[1], lo + run[2]
                nearest = min(MOVE.finditer(text, lo, hi), key=lambda m: max(r0 - m.end(), m.start() - r1, 0))
                down = _DOWN.fullmatch(nearest.group(0)) is not None
            if figure is not None:
                up_before = _UP_BEFORE.search(text, max(lo, figure.start - 30), figure.start)
                if up_before is not None:
                    down = up_before.group("dir").lower() == "down"
            stated_real = REAL.search(clause) is not None  # (in the change's own clause)
            done = hi
            negated = negation.negated(s.low, lo, move.start())
            if negated and (figure is not None or run is not None):
                continue  # "did not rise by 18%", "has not grown for three years": no figure or run is claimed
            if figure is not None:
                s.take(figure)
                value = -figure.value if down else figure.value
                out.append(self.claim(s, subject, "def_exp_real_change_pct", value, figure.comparator, year, figure,
                                      decimals=figure.decimals, unstated_basis=not stated_real, plan=plan))
                continue
            extra: dict[str, bool | int] = {"unstated_basis": not stated_real, "plan": plan, "direction_only": True}
            if run is not None and year is not None:
                extra["since_year"] = year - run[0]
            elif first is not None and year is not None and not down:  # ("the first cut in years": the sign only)
                extra["first_since"] = year + first[0] if first[0] < 0 else first[0]
            # "went up in 2015 and 2016": the direction in each year named
            years = [t.year for t in s.data_times if t.kind == "year" and move.end() <= t.start < hi] if run is None else []
            joined = len(years) > 1 and _YEARS_JOINED.search(clause) is not None
            # "did not increase", "never cut": the other side of zero, zero included
            comparator = ("ge" if down else "le") if negated else ("lt" if down else "gt")
            for y in years if joined else [year]:
                out.append(self.claim(s, subject, "def_exp_real_change_pct", 0.0, comparator, y, **extra))
        return out
