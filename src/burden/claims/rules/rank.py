"""Ranks: "tops the table", "the lowest in the alliance", "third-highest", "came closest", "the biggest
spender on the European side", "a smaller share ... than any other ally"."""

from __future__ import annotations

import dataclasses
import functools
import re

from .. import negation
from ..entities import Entity
from ..extract import COMPARED_BEFORE_FOLDED, LIST_LINE, Claim, Sentence
from ..gates import Several, gated
from ..grammar import folded_pattern
from ..lexicon import patterns, rows
from ..quantities import parse_number
from ..verify import EQUIP, GDP, REAL, USD
from .base import Rule
from .count_threshold import _sentence_year, claim_times

ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth"]
ORDINALS = {w: i for i, w in enumerate(ORDINAL_WORDS, 1)}
_CARDINALS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_ORD = r"(?:" + "|".join(ORDINAL_WORDS) + r"|[1-3]?\d(?:st|nd|rd|th))"
# a measure named by pointing back: "according to this measure", "by that metric", "on this yardstick" (folded text)
_THIS_MEASURE = re.compile(r"\b(?:by|on|under|according\sto|using)\s(?:this|that|the\ssame)\s(?:measure|metric|yardstick|score|gauge|criterion)\b")
_MEASURE_NOUNS = frozenset({"measure", "metric", "yardstick", "score", "gauge", "criterion"})
# a place reached and the place left (folded text): "move(d) up to 20th from 23rd", "slipped from 20th to 22nd",
# "last year's 23rd place"
_MOVE_VERB = (r"(?:move|moves|moved|moving|rise|rises|rose|risen|rising|climb|climbs|climbed|climbing|jump|jumps|jumped"
              r"|slip|slips|slipped|fall|falls|fell|fallen|drop|drops|dropped|slide|slides|slid|advance|advanced|went|go)")
_MOVED = re.compile(rf"\b{_MOVE_VERB}\s(?:up\s|down\s|back\s)?(?:(?:to|into)\s(?P<n>{_ORD})\s(?:place\s|spot\s|position\s)?"
                    rf"from\s(?P<m>{_ORD})\b|from\s(?P<m2>{_ORD})\s(?:place\s|spot\s|position\s)?(?:to|into)\s(?P<n2>{_ORD})\b)"
                    rf"|\b(?:last|the\sprevious|the\sprior)\syear['’]s\s(?P<m3>{_ORD})\s(?:place|spot|position|ranking)\b")
_WORD_ORD = r"(?:" + "|".join(ORDINAL_WORDS) + r")"  # (WORD_ORD in rank.csv: an ordinal word, so its gate is a word)
CLAUSE = re.compile(r"\b(?:while|whereas|but)\b|;")
PLACE_RANK = re.compile(r"^\S+\s(?:\w+\s)?(?:country|economy|nation)\sin\b", re.I)  # "the richest country in"
VAGUE = re.compile(r"\b(?:one of|among) the\s(?:\w+\s)?(?:highest|lowest|largest|biggest|top)", re.I)
# (an amount too: "NATO's biggest-spending member", as "its biggest spender")
_SPENDER = re.compile(r"\bspender\b|\b(?:biggest|largest)[-\s]spending\s(?:member|ally|country|nation|state)\b")
# a rank phrasing that ranks a level of spending, not an amount: "the lowest spender", "NATO's second-highest spender"
_LEVEL_SPENDER = re.compile(r"(?:the\s)?(?:[\w'’]+\s)?(?:[\w-]+[- ])?(?:highest|lowest|top|bottom)\s(?:[\w'’-]+\s)?spender", re.I)
# a clause of its own opens: ", as", ", while", ", and" (a share of GDP before it is no measure of a rank after it)
_OWN_CLAUSE_OPENS = re.compile(r",\s(?:as|and|while|whereas|but|when|because|since|even\sas)\s")


def _before_own_clause(text: str, q, at: int) -> bool:
    """The figure `q` ends before a clause that opens ahead of `at` (the rank's word)."""
    return q.end <= at and _OWN_CLAUSE_OPENS.search(text, q.end, at) is not None


_NOT_MONEY = re.compile(r"relative|(?<!lion's\s)(?<!lion’s\s)share|GDP|economy|output|per cent|percent|%", re.I)
_EUROPE = re.compile(r"\bEuropean\b|\bin Europe\b|\bEurope's\b")
# "in absolute terms ... the fifth highest", "in nominal values": a rank by US$; "as a share of GDP": by % of GDP
# (lexicon/<language>/rank_measure.csv)
_ABSOLUTE = re.compile(r"\b(?:" + patterns("rank_measure", "indicator", "usd") + r")\b", re.I)
_AS_SHARE = re.compile(r"\b(?:" + patterns("rank_measure", "indicator", "gdp") + r")\b", re.I)
# a rank of something else named right after the rank word, before the clause goes on (rank_measure.csv "none")
_OTHER_MEASURE = re.compile(r"[^,;.()]{0,40}?\b(?:" + patterns("rank_measure", "indicator", "none")
                            + r")\b", re.I)
# a rank by the real change of spending ("third ... in terms of defence spending increase", "the second-biggest rise
# in military spending"): rank_measure.csv "real"
_CHANGE_MEASURE = re.compile(r"\b(?:" + patterns("rank_measure", "indicator", "real") + r")\b",
                             re.I)
_CHANGE_WORDS = frozenset({"increase", "increases", "rise", "rises", "growth", "hike", "hikes", "jump", "jumps"})


def _names_change(s: Sentence, clause: int, at: int, end: int) -> bool:
    """The rank's clause (from its start to the next "while", "but" or semicolon) ranks the change of spending: a
    change measure is named there, nearer the rank than any share of GDP or money measure ("the second-highest share
    of GDP, after a big increase in spending" ranks the share)."""
    if s.words.isdisjoint(_CHANGE_WORDS):
        return False
    hi = next((m.start() for m in CLAUSE.finditer(s.text, end)), len(s.text))
    change = _CHANGE_MEASURE.search(s.text, clause, hi)
    if change is None:
        return False
    def distance(m: re.Match) -> int:
        return max(m.start() - end, at - m.end(), 0)
    others = [*_AS_SHARE.finditer(s.text, clause, hi), *_ABSOLUTE.finditer(s.text, clause, hi)]
    return all(distance(change) < distance(m) for m in others)


_SPENDING_NAMED = re.compile(r"spend|defen[cs]e|military|budget|outlay|gdp|expenditure|%|percent|per cent|share|relative", re.I)


def _ranks_other(s: Sentence, end: int, at: int | None = None) -> bool:
    """Something other than defence spending is named right after a rank word ending at `end`, with no spending
    word or share of GDP there ("Europe's number one economy", "the three largest countries by population")."""
    other = _OTHER_MEASURE.match(s.text, end)
    return other is not None and not _SPENDING_NAMED.search(s.text, end, other.end()) \
        and not _AS_SHARE.search(s.text, end if at is None else at, other.end() + 1)


# a ranking of the whole world, which NATO does not publish: named right after the rank word in its noun phrase ("the
# seventh largest military spender in the world"; not past "and": "second in NATO and ...") or right before it ("the
# world's sixth-biggest") (rank_measure.csv "world", "world_before")
_WORLD_AFTER = re.compile(r"(?:(?!\band\b)[^,;.()]){0,40}?\b(?:" + patterns("rank_measure", "indicator", "world") + r")\b", re.I)
_WORLD_BEFORE = re.compile(r"\b(?:" + patterns("rank_measure", "indicator", "world_before") + r")\s(?:[\w-]+\s)?$", re.I)


def _ranks_the_world(s: Sentence, at: int, end: int) -> bool:
    return _WORLD_AFTER.match(s.text, end) is not None or _WORLD_BEFORE.search(s.text, max(0, at - 30), at) is not None


# a superlative with its noun left out, right after one of another measure: "the EU's second biggest economy and the sixth
# biggest": the same measure (the economy), no rank of spending
_ELIDED_AFTER_OTHER = re.compile(r"\b(?:highest|largest|biggest|lowest|smallest)\b(?P<noun>(?:\s[\w'’-]+){1,2}?)(?:,\sand|,|\sand)\s"
                                 r"(?:the\s)?(?:[\w-]+[- ])?$", re.I)


_NO_NOUN_AFTER = re.compile(r"\s?(?:[,.;)]|$)|\s(?:in|among|of|on|by|at|with|after|behind|ahead)\b", re.I)


def _elided_other_measure(s: Sentence, at: int, end: int) -> bool:
    if _NO_NOUN_AFTER.match(s.text, end) is None:
        return False  # (its own noun: "the second biggest economy and the sixth biggest spender")
    before = _ELIDED_AFTER_OTHER.search(s.text, max(0, at - 60), at)
    return before is not None and _ranks_other(s, before.start("noun"))


# a record over time, not a place among the allies: "the largest of the 2014-2024 decade", "the largest increase in a
# decade", "its biggest rise since 1990", "the highest on record" (but a place held "for decades" is held now)
_OVER_TIME = re.compile(r"(?:\s(?:\w+\s)?(?:increase|rise|growth|jump|level|figure|rate|share|budget|spending))?\s(?:"
                        r"(?:of|in|over|during)\s(?:the\s)?(?:(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d\s)?(?:period|decade|decades|years)\b"
                        r"|(?:in|over)\s(?:a|the\s(?:past|last)|(?:more\sthan\s)?(?:two|three|several|many|\d+))\s(?:decades?|generations?|century|years)\b"
                        r"|since\s(?:(?:19|20)\d\d|the\s(?:end\sof\s)?(?:cold\swar|1990s|1980s)|independence)\b|on\srecord\b|in\s(?:its\s)?history\b|ever\b)",
                        re.I)


# a share of the budget (no NATO ranking): "spends more of its budget on defence than any other ally"
_BUDGET_SHARE = re.compile(r"\bof\s(?:its|their|the)\s(?:\w+\s)?budgets?\b|\bof\s(?:government|public|state)\sspending\b", re.I)
_OTHER_WITHIN = re.compile(r"\b(?:" + patterns("rank_measure", "indicator", "none") + r")\b",
                           re.I)


def _ranks_other_within(s: Sentence, at: int, end: int) -> bool:
    """A phrasing that holds its own measure ("more on Ukraine aid than any other", "more of its budget ... than any
    other") ranks something else: another measure with no spending word or share of GDP in it, or a budget share."""
    if _BUDGET_SHARE.search(s.text, at, end):
        return True
    return _OTHER_WITHIN.search(s.text, at, end) is not None and not _SPENDING_NAMED.search(s.text, at, end) \
        and not _AS_SHARE.search(s.text, at, end)


# a ranking within a group of allies NATO publishes no ranking for ("among the Baltic states", "in southern Europe"):
# the rows of rank_measure.csv "subset", each with its group's name and members (none: no fixed members)
# (on Sentence.low, each behind the literals its matches need in the clause: claims.gates)
_SUBSETS = [(gated(folded_pattern(re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I))), r["group"], tuple(r["members"].split()))
            for r in rows("rank_measure") if r["indicator"] == "subset"]
_NO_SUBSET = ("", ())


def _subset_of(s: Sentence, at: int, end: int) -> tuple[str, tuple[str, ...], int, int] | None:
    """(group, members, start, end) of a group of allies named in the rank's clause (members () when the group has
    no fixed members: no rank), or None (the whole alliance, or the European allies)."""
    if not ("among" in s.words or "in" in s.words or "of" in s.words or "on" in s.words):
        return None
    lo = max((m.end() for m in CLAUSE.finditer(s.text, 0, at)), default=0)
    hi = next((m.start() for m in CLAUSE.finditer(s.text, end)), len(s.text))
    for pattern, group, members in _SUBSETS:
        m = pattern.search(s.low, lo, hi)
        if m is not None:
            return group, members, m.start(), m.end()
    return None


def _ranks_a_subset(s: Sentence, at: int, end: int) -> bool:
    return _subset_of(s, at, end) is not None


_MONEY_RANK = re.compile(r"\b(?:the most|the least|biggest|largest|smallest)\b|\bin (?:money|dollar|cash) terms\b", re.I)
# a rank needs a defence figure around it ("came second" alone may be about anything)
_CONTEXT_WORDS = frozenset("cent percent spend spends spending spent spender spenders share table ranking league gdp "
                           "estimates figures defence defense military budget budgets metric list absolute monetary nominal "
                           "outlays relative".split())


# every rank phrasing in the lexicon holds an ordinal ("sixth", "17th") or one of these words
_GATE_WORDS = frozenset(ORDINAL_WORDS) | frozenset("top tops topped head heads headed lead leads led highest lowest "
                                                   "closest biggest largest smallest bottom any relative leader runner rear "
                                                   "outspends outspent trail trails trailed trailing lags lagged laggard "
                                                   "middle halfway midway half mid half-way mid-table holder penultimate".split())
# words common in any text that hold a rank only beside another word (a sentence test of a few set look-ups and
# substrings, so "last year", "NATO leaders", "take place", "at least" do not open the rule)
_NEAR_ONLY = frozenset({"behind", "ahead", "above", "below", "beats", "beat", "surpassed", "surpass", "surpasses", "outpace",
                        "outpaces", "outpaced", "outstrip", "outstrips", "outstripped"})
_ONLY_EVERY = frozenset({"only", "every", "all", "rest"})
# "the most" opens the rule only with a measure word ("spends the most as a proportion of GDP")
_MEASURE_WORDS = frozenset({"gdp", "economy", "output", "relative", "proportion", "percentage", "share", "income"})
# verbs of beating or trailing the others: a rank right after figures needs no spending word of its own
_BEATS = _NEAR_ONLY | frozenset({"trail", "trails", "trailed", "lag", "lags", "lagged", "outspend", "outspends", "outspent"})
_LAST_WITH = frozenset({"place", "spot", "position", "places", "spots", "positions", "ranks", "ranked", "came", "comes", "finished", "finishes", "sits", "remains", "remained",
                        "sat", "stands", "stood", "placed", "dead"})
_TABLE_WORDS = frozenset({"list", "table", "ranking", "rankings", "league", "field", "pack"})
_COPULAS = frozenset({"were", "are", "will"})
_NO_WITH = frozenset({"other", "ally", "member", "country", "nation", "state"})


_LEADERS = re.compile(r"\b(?:the|alliance|nato|bloc)(?:['’]s)?\sleaders\b")


def _may_rank(words: frozenset[str], low: str) -> bool:
    """The words of the rank phrasings that are common alone, each with the word it needs."""
    return ("last" in words and (not words.isdisjoint(_LAST_WITH) or "is last" in low or "was last" in low
                                 or "last is " in low or "last was " in low)  # ("..., and the last is Belgium")
            or "no" in words and ("no." in low or not words.isdisjoint(_NO_WITH))
            or "number" in words and ("number one" in low or "number two" in low or "number three" in low
                                      or "number 1" in low or "number 2" in low or "number 3" in low)
            or "least" in words and "the least" in low
            or ("lower" in words or "upper" in words) and ("lower end" in low or "upper end" in low)
            or "most" in words and "the most" in low and not words.isdisjoint(_MEASURE_WORDS)
            or "leaders" in words and not words.isdisjoint(_COPULAS) and _LEADERS.search(low) is not None
            or not words.isdisjoint(_NEAR_ONLY) and not words.isdisjoint(_ONLY_EVERY)
            or ("topping" in words or "heading" in words or "leading" in words) and not words.isdisjoint(_TABLE_WORDS)
            or ("leading" in words or "topping" in words) and (" at " in low or " with " in low or " on " in low)
            or "only" in words and "than" in words
            or ("performer" in words or "offender" in words) and ("worst" in words or "best" in words
                                                                  or "weakest" in words or "poorest" in words
                                                                  or "strongest" in words))
_NTH_DIGITS = re.compile(r"\d(?:st|nd|rd|th)\b")


_HEADING_MARK = re.compile(r"[:–—-]\s")
MIDDLE = -1  # the position of a middle place ("in the middle of the table", "half way down the list")


@functools.cache
def _phrasings() -> tuple[Several, dict[int, tuple[int | None, bool, str]]]:
    """The phrasings of lexicon/<language>/rank.csv, in order, as patterns for folded text behind their gates, and
    for each (by id) its position (None: its ordinal group "n" says it), whether the highest comes first and where
    its ally stands (`subject`: "before" (default), "near", "pair", "after", "either", "any", "inside"; see `_subject_of`)."""
    gates, how = [], {}
    for row in rows("rank"):
        gate = gated(folded_pattern(re.compile(row["pattern"].replace("WORD_ORD", _WORD_ORD).replace("ORD", _ORD), re.I)))
        gates.append(gate)
        # (position "middle": a middle place, MIDDLE, read as an approximate place, judged unverifiable)
        how[id(gate)] = (MIDDLE if row["position"] == "middle" else int(row["position"]) if row["position"] else None,
                         row["direction"] == "desc",
                         row.get("subject") or "before")
    return Several(gates), how


_JOINED = re.compile(r",?\s(?:and|as\swell\sas)\s(?:also\s)?")


def _other_measure_too(s: Sentence, claim: Claim) -> Claim | None:
    """The same rank by the other measure when the sentence joins the two measures ("both in dollar terms and as a
    share of GDP", "in absolute terms and relative to GDP"): two claims, as real news is labelled."""
    indicator = claim.extra.get("indicator")
    if indicator not in (USD, GDP) or " and " not in s.low and "as well as" not in s.low:
        return None
    cash = [m for m in _ABSOLUTE.finditer(s.text)]
    share = [m for m in _AS_SHARE.finditer(s.text)]
    if not any(_JOINED.fullmatch(s.text, a.end(), b.start()) for a, b in [*zip_pairs(cash, share), *zip_pairs(share, cash)]):
        return None
    other = GDP if indicator == USD else USD
    return dataclasses.replace(claim, metric=claim.metric.replace(indicator, other),
                               extra={**claim.extra, "indicator": other})


def zip_pairs(first: list[re.Match], second: list[re.Match]) -> list[tuple[re.Match, re.Match]]:
    """Each match of `first` with each later match of `second`."""
    return [(a, b) for a in first for b in second if a.end() <= b.start()]


def _named_measure(s: Sentence, clause: int, at: int) -> bool | None:
    """True (US$) or False (% of GDP) when the measure is named in the rank's clause, else in the sentence,
    nearest first ("third in cash terms ... but ninth by share of GDP"); None."""
    if not ("terms" in s.low or "absolute" in s.low or "dollars" in s.low or "gdp" in s.low or "relative" in s.low
            or "economy" in s.low or "output" in s.low or "nominal" in s.low or "income" in s.low):
        return None
    end = next((m.start() for m in CLAUSE.finditer(s.text, at)), len(s.text))
    found = [(m.start(), True) for m in _ABSOLUTE.finditer(s.text)] + [(m.start(), False) for m in _AS_SHARE.finditer(s.text)]
    if not found:
        return None
    inside = [f for f in found if clause <= f[0] < end]
    # (not a measure ahead of a clause of its own: "Poland spends 4.1% of GDP, while the US remains the biggest spender")
    found = inside or [f for f in found if not (f[0] < at and _OWN_CLAUSE_OPENS.search(s.text, f[0], at))]
    return min(found, key=lambda f: abs(f[0] - at))[1] if found else None


# a rank held in a past that ended ("Poland has overtaken the US, which had led the ranking for years"), or over an
# unnamed stretch of the past ("For many years the US was at the top"): a past state with no year, no claim
# (a pluperfect: "had" with a participle that ranks, or "had been"; not "which had the highest rate": possession)
_HAD_BEFORE = re.compile(r"\bhad\s(?:long\s|always\s|once\s|previously\s|for\syears\s)?(?:(?P<been>been)\s(?:at\s)?(?:the\s)?)?$", re.I)
_PARTICIPLES = frozenset("led topped headed ranked come sat stood placed finished trailed lagged outspent held taken".split())
_VAGUE_PAST = re.compile(r"\bfor\s(?:(?:many|several|a\sfew|some|long)\s)?(?:years|decades)\b[^;]*?(?<!\bhas\s)(?<!\bhave\s)"
                         r"\b(?:was|were|led|topped|headed)\b|(?<!\bhas\s)(?<!\bhave\s)\b(?:was|were|led|topped|headed)\b[^;]*?\bfor\s"
                         r"(?:(?:many|several|a\sfew|some|long)\s)?(?:years|decades)\b", re.I)


def _pluperfect(s: Sentence, at: int) -> bool:
    had = _HAD_BEFORE.search(s.text, max(0, at - 30), at)
    return had is not None and (had.group("been") is not None or s.low[at:at + 12].split(" ", 1)[0] in _PARTICIPLES)


def _clause_of(s: Sentence, at: int, end: int) -> tuple[int, int]:
    """The span of the clause a rank phrasing at [at, end) sits in (from a "while", "but" or semicolon to the next)."""
    lo = max((m.end() for m in CLAUSE.finditer(s.text, 0, at)), default=0)
    hi = next((m.start() for m in CLAUSE.finditer(s.text, end)), len(s.text))
    return lo, hi


# "the three lowest spenders in 2023 were ..." (list after) or "... are the three lowest spenders" (list before)
# (also "the top five contributors", "the bottom three spenders")
SET_RANK = re.compile(r"(?P<verb_before>\b(?:are|were|remain|remained)\s(?:now\s)?)?(?:\bthe\s(?:(?:alliance|bloc|nato)['’]s\s)?"
                      r"|\b(?:nato|the\salliance|the\sbloc)['’]s\s)"
                      r"(?:(?P<dir2>top|bottom)\s)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s"
                      r"(?:(?P<dir>lowest|highest|biggest|largest|smallest|top)\s)?(?:\w+\s)?"
                      r"(?:spenders|allies|members|countries|shares|spending allies|contributors|nations)\b", re.I)
# right after a list of allies, the end of the ranking it fills (rank.py _list_at_end): ", which are the last three
# places", ", the allies in the bottom of the list", "ranked at the lower end of the spectrum", "are the top four"
LIST_AT_END = re.compile(r",?\s(?:(?:which|who)\s(?:are|were)\s(?:in\s)?|(?:are|were|ranked|rank|sit|sat|came|come)\s(?:in\s|at\s)?"
                         r"|(?:the\s)?(?:allies|countries|members|nations|states)\s(?:in|at)\s)the\s(?:very\s)?"
                         r"(?:(?P<dir>last|bottom|top|first|lower|upper|head)\s(?:(?P<n>two|three|four|five|six|\d)\s(?:places|spots|"
                         r"positions|ranks|spenders|allies|countries)|(?:end|part|rung|rungs|reaches|places|spots|positions)(?:\sof\sthe\s"
                         r"(?:spectrum|list|table|ranking|rankings|league))?|of\sthe\s(?:list|table|ranking|rankings|league)))\b",
                         re.I)
_END_WORDS = frozenset({"last", "bottom", "top", "first", "lower", "upper", "head"})
_LIST_AT_END_FOLDED = gated(folded_pattern(LIST_AT_END))  # on Sentence.low, behind the words it needs
# "the five allies with the lowest spending relative to GDP are ...", "the three countries spending the highest share of
# GDP are ...", "the leading four members that devote the largest percentage ... were" (list after, as many names as
# the number): the superlative follows "with" or a verb of spending
_SET_SPENDING_VERB = (r"(?:with|(?:that|which|who)\s(?:spend|spent|devote|devoted|allocate|allocated|invest|invested|put|have|had)"
                      r"|spending|devoting|allocating|investing|putting|dedicating)")
SET_WITH = re.compile(r"\bthe\s(?:top\s|bottom\s|leading\s)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s(?:(?:\w+\s)?(?:allies|members|"
                      r"countries|nations|states)\s)?" + _SET_SPENDING_VERB + r"\sthe\s(?P<dir>lowest|highest|biggest|largest|smallest)\s"
                      r"[^.;]{0,80}?\s(?:are|were)\s", re.I)
_SET_WITH_WORDS = frozenset({"with", "spend", "spent", "spending", "devote", "devoted", "devoting", "allocate", "allocated",
                             "allocating", "invest", "invested", "investing", "put", "putting", "dedicating", "have", "had"})
# a list number alone before a table line: "5. " (the sentence splitter leaves it as a piece of its own)
_LIST_NUMBER = re.compile(r"[ \t]*(?:No\.\s?|#)?(?P<n>\d{1,2})[.)][ \t]*")
# (not a hedge: "at least 2%", "at most 1%")
_ORDER_WORDS = re.compile(r"(?<!\bat\s)\b(?:highest|most|top|biggest|largest|lowest|least|smallest|bottom)\b", re.I)
# "Canada, Luxembourg, Belgium and Spain contribute the least" (the list right before the verb)
LIST_MOST_LEAST = re.compile(r"\s(?:all\s)?(?:contribute|contributed|spend|spent|pay|paid|invest|invested|devote|devoted)\s(?:the\s)?"
                             r"(?P<dir>(?:least|most)\b(?!\s(?:of|in\s(?:absolute|money|cash|dollar)))|(?:highest|largest|biggest|greatest|lowest|"
                             r"smallest)\s(?:share|proportion|percentage)\b)", re.I)
# "Ranked from the bottom, the countries on the list are: A (1.28 percent), B (1.29 percent) ...": the list after it
RANKED_FROM = re.compile(r"\branked\sfrom\s(?:the\s)?(?P<dir>bottom|top|lowest|highest)\b[^.;:]{0,80}?(?:\s(?:are|were)\s?:?|:)\s"
                         r"(?:the\s)?", re.I)
# "The lowest spenders in terms of GDP were A, at 0.56%, B, at 0.92%, and C" (a plural with no number: the list)
SET_PLURAL = re.compile(r"\bthe\s(?:(?:alliance|nato|bloc)(?:['’]s)?\s)?(?:(?P<dir3>leaders)|(?P<dir>lowest|highest|biggest|largest|"
                        r"smallest)\s(?:\w+\s)?(?:spenders|allies|members|countries|nations))\b[^.;:]{0,60}?\s(?:were|are|will be)\s:?\s?"
                        r"(?:the\s)?", re.I)
# "Behind Poland, the next highest spenders this year are A, B, C and D": the list follows the first, so each ranks at
# most 1 + the length of the list
SET_NEXT = re.compile(r"\b(?:behind|after)\s(?:the\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?,\s(?:the\s)?next\s(?P<dir>highest|"
                      r"biggest|largest|lowest|smallest)\b[^.;]{0,80}?\s(?:are|were|will be|would be)\s", re.I)
# a rank someone aims at ("aiming to become NATO's third-largest military"), or of troops, not of spending
# ("will become" is a forecast, checked like one: "Spain will become the ally that invests the least this year")
_NOT_A_SPENDING_RANK = re.compile(r"\b(?:to become|becoming|(?<!\bwill\s)become|aims? to be|aiming to be|wants? to be)\s(?:\w+['’]s\s|the\s)?$"
                                  r"|\b(?:army|armies|military|armed forces|troops|soldiers)\b(?!\s(?:spend|spending|spender|budgets?|"
                                  r"expenditures?|outlays?|expenses))", re.I)


# words of the equipment guideline: beside a share of 8% or more, a rank is of that share
_EQUIPMENT_WORDS = frozenset({"equipment", "armaments", "arms", "weapons", "procurement", "criterion", "investment",
                              "investments"})
_BREAK = re.compile(r"[:;–—]")
# a rank phrasing in the present tense: "leads", "tops", "heads", "ranks", "is"
_PRESENT_RANK_VERB = re.compile(r"\b(?:leads|tops|heads|ranks|is|sits|stands|remains|comes)\b")
_SUPERLATIVES = ("highest", "largest", "biggest", "lowest", "smallest")
# a comma or a stop right after "the second biggest": the noun ranked is left out
_ELIDED_NOUN = re.compile(r"\s?[,;.)]")
_FIGURE_AFTER = re.compile(r",?\s(?:at|with|on)\s(?:about\s|around\s|some\s|nearly\s|almost\s|just\s)?")


def pcts_after(s: Sentence, at: int, end: int) -> bool:
    """A percentage right after a rank word ("the second highest, at 3.4%") or just before it ("spends 2.41% of GDP,
    the ninth highest"): the rank of that figure."""
    m = _FIGURE_AFTER.match(s.text, end)
    return any(q.kind == "pct" and (m is not None and q.start == m.end() or at - 30 <= q.end <= at) for q in s.quantities)


def _troops_after(text: str, end: int) -> bool:
    """A word of troops starts within 12 characters after a rank phrasing ("the third-largest army"); the words after
    it are seen whole, so "the lowest military spending" stays a rank of spending."""
    m = _NOT_A_SPENDING_RANK.search(text, end, min(len(text), end + 40))
    return m is not None and m.start() < end + 12


# "the top ten also includes A, B and C": each listed ally ranks at most n (the list may be shorter)
TOP_N = re.compile(r"\bthe\s(?P<dir>top|bottom)\s(?P<n>three|four|five|six|seven|eight|nine|ten|\d{1,2})\s(?:[\w-]+\s){0,4}?(?:also\s)?(?:includes?|"
                   r"included|comprises?|comprised)\s", re.I)
# "A, B and C are in the top ten", "Lithuania (3.1%) is among the top five", "is one of the three biggest spenders",
# "A, B and C make up / round out the top five", a headline's "Greece among top five Nato spenders" (no verb, no
# article): each ally right before it ranks at most n
SET_IN_TOP = re.compile(r"\b(?:(?:are|were|is|was|remains?|remained|ranks?|ranked|sits?|sat|comes?|came|stands?|stood|finish(?:es|ed)?)"
                        r"\s(?:now\s|still\s|all\s|again\s|also\s|both\s)?(?:in|among|within|inside|one\sof)"
                        r"|(?:make|makes|made|making|complete|completes|completed|round|rounds|rounded)(?:\sup|\sout)?|among)\s(?:the\s)?"
                        r"(?:(?P<dir>top|bottom)\s(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})|(?P<n2>two|three|four|five|"
                        r"six|seven|eight|nine|ten|\d{1,2})\s(?P<dir2>highest|lowest|biggest|largest|smallest|top|bottom))\b"
                        r"(?=\s?[,.;:)(]|\s(?:(?:defen[cs]e\s|military\s|nato\s|alliance\s){0,2}(?:spenders?|allies|members|contributors|countries|"
                        r"nations|states|in|among|of|on|by|at|with|for|as|relative|this|last|when|too|also|again)\b)|$)", re.I)
_IN_TOP_WORDS = frozenset({"top", "bottom", "highest", "lowest", "biggest", "largest", "smallest"})
# "the top three were Poland, Estonia and the US": the n allies listed after it
SET_TOP_ARE = re.compile(r"\bthe\s(?P<dir>top|bottom)\s(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s(?:[\w'’-]+\s){0,3}?"
                         r"(?:were|are|was|is|will\sbe)\s:?\s?(?:the\s)?", re.I)
_SET_NOUNS = frozenset({"spenders", "allies", "members", "countries", "shares", "nations", "states", "top", "bottom",
                        "next", "contributors", "ranked", "leaders"})
# between two listed allies: a value in brackets maybe, a comma or "and", and an aside "in last place," maybe
_SET_JOIN = re.compile(r"(?:\s?\([^()]{0,24}\)|,?\s(?:(?:at|on|with)\s)?(?:an\sestimated\s|about\s|around\s|just\s)?\d{1,2}(?:\.\d{1,2})?(?:\s?%|\sper\s?cent))?"
                       r"\s?(?:,|,?\sand,?|;)\s(?:(?:in|at)\s(?:last|first)\splace,\s)?(?:the\s)?")


# "X is (closely) followed by": the ally ranked in the sentence before, then the list of the next places
_IS_FOLLOWED = re.compile(r"\s(?:is|was|are|were)\s(?:closely\s|then\s|now\s)?followed\sby\s(?:the\s)?", re.I)
_IT_BEFORE = re.compile(r"\s*(?:it|this\s(?:country|ally)|the\s(?:country|leader))", re.I)
# "followed by" right after a first place: the list of the next places
FOLLOWED_BY = re.compile(r"[,;]?\s(?:and\s|closely\s)?followed\sby\s(?:the\s)?", re.I)
# between two allies of that list: their figure maybe ("(3.4%)", "at 3.0%", "with $60 billion"), then a comma or "and"
_FOLLOW_JOIN = re.compile(r"(?:\s?\([^()]{0,30}\)|,?\s(?:at|on|with)\s(?:an\sestimated\s|about\s|around\s|just\s)?\$?"
                          r"\d{1,4}(?:\.\d{1,2})?\s?(?:%|percent|per cent|billion|bn)?)?\s?(?:,|,?\sand,?)\s(?:then\s)?(?:the\s)?")


# the last place a "followed by" list is read as claiming: real coverage is labelled with the runner-up and the third
# place of such a list as ranks, the later names ("..., Estonia at 3.4% and the US at 3.2%") only with their figures
# (sets 1, 7, 8 and 17; one set labels a fifth place too): a fourth name on is no rank claim
_FOLLOWED_LAST_PLACE = 3


def _followers(s: Sentence, at: int) -> list:
    """The allies that open right after `at` ("followed by ") and go on joined by `_FOLLOW_JOIN`, in text order."""
    after = [e for e in s._subjects if e.is_ally and e.start >= at]
    if not after or after[0].start - at > 4:
        return []
    run = after[:1]
    for e in after[1:]:
        if not _FOLLOW_JOIN.fullmatch(s.text, run[-1].end, e.start):
            break
        run.append(e)
    return run


# a list said to be in its ranking's order ("in descending order", "in that order"): lexicon list_order.csv
_ORDER_SAID = [(re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I), r["order"]) for r in rows("list_order")]
# between an ally and its own figure: "Estonia (3.43%)", "Estonia, at 3.43%", "Estonia 3.43%", "Estonia: $12bn"
_OWN_FIGURE = re.compile(r"[\s(,:–—-]*(?:(?:at|with|on)\s)?(?:(?:about|around|an\sestimated|just|some|nearly|almost)\s)?[\s(]*")


def _in_order(s: Sentence, run: list, desc: bool) -> bool:
    """The listed allies `run` are written in their ranking's order: the sentence says so ("in descending order"),
    or each has a figure of its own right after it, all of one kind and strictly falling (highest first) or rising
    (lowest first). A tie or a figure out of order leaves the places open."""
    for pattern, order in _ORDER_SAID:
        if pattern.search(s.text):
            return order == "listed" or (order == "desc") == desc
    figures = []
    for e in run:
        q = next((q for q in s.quantities if q.start >= e.end), None)
        if q is None or q.kind not in ("pct", "money") or not _OWN_FIGURE.fullmatch(s.text, e.end, q.start):
            return False
        figures.append(q)
    values = [q.value for q in figures]
    return len({q.kind for q in figures}) == 1 and all(a > b if desc else a < b for a, b in zip(values, values[1:], strict=False))


def _joined(s: Sentence, allies: list) -> list:
    """The allies from the first of `allies` on that are joined by commas / "and" (in text order of the walk)."""
    run = allies[:1]
    for e in allies[1:]:
        a, b = (run[-1], e) if e.start > run[-1].start else (e, run[-1])
        if not _SET_JOIN.fullmatch(s.text, a.end, b.start):
            break
        run.append(e)
    return run


def _position(word: str) -> int | None:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    if w in _CARDINALS:  # "number one", "No. 2"
        return _CARDINALS[w]
    digits = re.match(r"\d+", w)
    return int(digits.group(0)) if digits else None


# what may stand between a place and the ally after it: the place's figure, a dash or colon, the year, a copula
# ("Fourth in 2024 will be Finland", "fifth – Romania", "in nominal terms the leader is the US", "first place goes to")
_LINK_AFTER = re.compile(r"(?:\s?\([^()]{0,30}\))?(?:\s(?:on|in)\s(?:the\s)?(?:list|table|ranking|league))?\s?(?:[–—:-]|,)?\s?"
                         r"(?:(?:(?:in|for)\s\d{4}|(?:in\s|for\s)?(?:this|last)\syear)\s)?"
                         r"(?:(?:will|would|could|should|may|might)\s(?:again\s|still\s|now\s)?be\s|(?:is|was|are|were|remains|"
                         r"remained|goes\sto|went\sto|belongs\sto|comes|came)\s(?:now\s|still\s|again\s|once\sagain\s)?)?"
                         r"(?:[–—:-]\s)?(?:the\s)?", re.I)


def _rank_year(s: Sentence) -> int | None:
    """The sentence's year for a rank, a baseline's year aside."""
    return _sentence_year(s, s.baseline_times)


def _clause_year(s: Sentence, clause: int, at: int, end: int, pcts: list) -> int | None:
    """The year of a rank: its own time right after it ("having come second last year"), else the year of a figure in
    its clause, else a data year in its clause ("In 2014 Greece ranked second; in 2023 Poland was first": 2023 for
    Poland), else the year of the sentence's first figure, else the sentence's year."""
    own = next((t for t in s.times if t.year and end <= t.start <= end + 1 and t.kind in ("year", "last_year",
                                                                                         "this_year")), None)
    if own is not None:
        return own.year
    hi = next((m.start() for m in CLAUSE.finditer(s.text, end)), len(s.text))
    mine = [q for q in pcts if clause <= q.start < hi]
    if mine:
        return s.year_for(mine[0])[0]
    baselines = s.baseline_times
    times = [t for t in s.data_times if clause <= t.start < hi and t not in baselines]
    if times and len({t.year for t in s.data_times}) > 1:  # (one year in the sentence: it dates every figure anyway)
        return min(times, key=lambda t: abs(t.start - at)).year
    if not pcts and ("–" in s.text or "—" in s.text):
        # "The 2025 budget will not change Poland's position – we already spend the most": a year naming a thing
        # ("the 2025 budget") before a dash that opens the rank's own clause dates that thing, not the rank (a time
        # said as one, "In 2023 – a record year – Poland ranked first", still dates it)
        dash = max((m.end() for m in _DASH_BREAK.finditer(s.text, clause, at)), default=-1)
        named = tuple(t for t in s.times if t.start < dash and t.kind == "year" and not _TIME_PREP.match(t.text))
        if named:
            return _sentence_year(s, named + s.baseline_times)
    return s.year_for(pcts[0])[0] if pcts else _rank_year(s)


_DASH_BREAK = re.compile(r"\s[–—]\s")
# (a preposition right before the year: a time; "the 2025 budget", "in the 2025 budget": a thing the year names)
_TIME_PREP = re.compile(r"(?:in|during|for|by|since|from|until|through|throughout|as\sof)\s(?:early\s|late\s|mid-?)?\d{4}", re.I)


def _list_ending_at(s: Sentence, allies: list, last, compared) -> list:
    """The allies of a list "A, B and C" whose last is `last` ([last] when it ends no list): the allies before it
    joined by commas / "and" (with their figures in brackets), the last join holding "and"; not a list compared
    ("than A and B")."""
    run = [last]
    for e in reversed([e for e in allies if e.end <= last.start]):
        if not _SET_JOIN.fullmatch(s.text, e.end, run[0].start):
            break
        run.insert(0, e)
    if len(run) < 2 or " and " not in s.text[run[-2].end:last.start] and "&" not in s.text[run[-2].end:last.start] \
            or compared(run[0]):
        return [last]
    return run


# a clause that starts with a plural pronoun for the allies just listed ("They surpassed all other allies.")
_PLURAL_PRONOUN = re.compile(r"\s*(?:they|both|these\s(?:two|three|countries|allies|states)|those\s(?:two|three)|the\s(?:two|three|pair|duo|trio))\b"
                             r"(?:\s(?:countries|allies|states|nations))?", re.I)


def _carried_list(s: Sentence) -> tuple[str, ...]:
    """The allies the sentence before (in this paragraph or the one before) listed, two or more, else ()."""
    named = s.carry.named
    if named is None or not 0 <= s.paragraph - named.paragraph <= 1:
        return ()
    if len(named.chain) >= 2:
        return named.chain
    # ("Poland (4.3%) and Lithuania (4%)": a list with figures, no chain; every ally it named, none compared)
    return named.codes if 2 <= len(named.codes) == len(named.heads) <= 4 else ()


def _subject_of(s: Sentence, allies: list, clause: int, at: int, end: int, where: str, compared) -> Entity | None:
    """The ally a rank phrasing speaks of, by its role rather than a word order (rank.csv `subject`):
    - "near": the nearest ally before it in its clause ("Spain trails every other ally");
    - "pair": as "near", when another ally follows it at once ("Estonia trails only Poland");
    - "either": the nearest ally before it in its own comma piece ("Denmark – the second place"), else the ally right
      after it with only a copula, a dash, a year or its figure between ("the second place goes to Denmark"), else
      (an apposition: "spends 4.1%, number one among NATO countries") the nearest ally before it in its clause;
    - "after": only the ally right after it ("fifth – Romania");
    - "any": the nearest ally before it in its clause, else the first after it there ("no other ally spends as much
      as Poland").
    None when no ally fills the role (no guess from the sentences before)."""
    if where == "near":  # "Spain trails every other ally": the nearest ally before it in its clause, no guess
        return next((e for e in reversed(allies) if clause <= e.start and e.end <= at and not compared(e)), None)
    if where == "pair":  # "Estonia trails only Poland": as "near", and the other ally right after it
        if not any(end < e.start <= end + 5 for e in allies):
            return None  # ("Spain trails only slightly")
        return next((e for e in reversed(allies) if clause <= e.start and e.end <= at and not compared(e)), None)
    if where == "either":
        piece = max(clause, s.text.rfind(", ", clause, at) + 2 if ", " in s.text[clause:at] else clause)
        before = [e for e in allies if piece <= e.start and e.end <= at and not compared(e)]
        if before:
            return before[-1]
    after = next((e for e in allies if e.start >= end), None)
    if after is not None and _LINK_AFTER.fullmatch(s.text, end, after.start):
        return after
    if where == "either":
        return next((e for e in reversed(allies) if clause <= e.start and e.end <= at and not compared(e)), None)
    if where == "any":  # "no other ally spends as much relative to output as Poland": the clause's ally, either side
        hi = next((m.start() for m in CLAUSE.finditer(s.text, end)), len(s.text))
        return next((e for e in reversed(allies) if clause <= e.start and e.end <= at and not compared(e)),
                    next((e for e in allies if end <= e.start < hi), None))
    return None


_SHARE_WORDS = frozenset({"share", "proportion", "percentage"})
# "the second-largest defence budget": the amount (no share named)
# a budget ranked: named right after the rank words ("the largest defence budget" of some rows ends in it) or inside them
_BUDGET_AFTER = re.compile(r"\s(?:(?:defen[cs]e|military)\s)?budgets?\b", re.I)
_BUDGET_ENDS = re.compile(r"\bbudgets?$", re.I)
# a rank of how much is spent, when no share is named: "spends (far) more ... than any other", "outspends every other"
_SPENDS_AMOUNT = re.compile(r"\b(?:spends?|spent|spending|pays?|paid|contributes?|contributed|invests?|invested)\s(?:[\w'’]+\s){0,2}?"
                            r"(?:more|the\smost)\b|\boutspen(?:ds?|t|ding)\b", re.I)
# "only Portugal does worse than Spain", "where only Latvia spends more": right after the only ally that beats the
# other, its verb and the comparative (group "cmp"), and "than" when the other ally follows
ONLY_THAN = re.compile(r"\s(?:[\w'’]+\s){0,2}?(?:does|do|did|performs?|performed|fares?|fared|is|was|spends?|spent|scores?|scored|"
                       r"ranks?|ranked|comes?|came|sits?|devotes?|devoted|invests?|invested|puts?)\s(?:even\s|still\s|now\s)?"
                       r"(?:an?\s)?(?P<cmp>worse|less|lower|smaller|more|better|higher|bigger|larger|greater)\b(?:(?:\s[\w'’]+){0,7}?\s(?P<than>than)\s"
                       r"(?:the\s)?)?", re.I)
# the allies a count after "only" counts: "only six of the 31 other members", "only three allies"
_COUNTED_ALLIES = re.compile(r"(?:\s(?:of|out\sof)\s(?:the\s|its\s)?(?:\d+|[a-z]+)(?:\sother)?(?:\sNATO)?\s(?:allies|members|"
                             r"countries|nations|states|member\sstates)|(?:\sother)?(?:\sNATO)?\s(?:allies|members|countries|"
                             r"nations|states|member\sstates))", re.I)
# a place named only as the next one after the place ranked just before in the paragraph: "Lithuania follows closely
# behind", "Latvia comes next", "Next is Latvia" (no ally after "behind": "behind Poland" compares two allies)
FOLLOWS = re.compile(r"\b(?:follows?|followed|following|is|was|comes?|came|sits?|sat|ranks?|ranked)\s(?:closely\s|close\s|right\s|just\s|"
                     r"immediately\s|directly\s)?(?:behind|next)\b(?:\s(?:it|them|her))?(?=\s?(?:[,.;(–—]|with\b|at\b|on\b|$))"
                     r"|^(?:next|close\sbehind|right\sbehind|just\sbehind)\s(?:is|comes|was|came)\s(?:the\s)?"
                     # "the next spots are taken by A, B and C", "the next place goes to A": the places named (a list)
                     r"|\bnext\s(?P<places>spots?|places?|positions?)\s(?:(?:is|are|was|were|will\sbe)\s(?:taken|occupied|held|"
                     r"filled)\sby|(?:go|goes|went)\sto)\s(?:the\s)?", re.I)
# "spending three times more than in 2015": more than its own past (a baseline), not more than the other allies
_THAN_ITS_PAST = re.compile(r"\s(?:[\w'’]+\s){0,3}?than\s(?:in\s|during\s)?(?:\d{4}|a\s(?:year|decade)\sago|(?:\w+\s)?years?\sago|last\syear|"
                            r"before|it\sdid|they\sdid|it\sused\sto)\b", re.I)


def _spends_amount(s: Sentence, lo: int, hi: int) -> bool:
    """A rank of how much is spent ("spends far more on defence than any other ally"), not more than its own past."""
    return any(not _THAN_ITS_PAST.match(s.text, m.end()) for m in _SPENDS_AMOUNT.finditer(s.text, lo, hi))


# "Just ahead of Spain (on the charts) is Belgium": the side of the ally ranked before, then a copula and the ally
_BESIDE_BEFORE = re.compile(r"\b(?P<side>ahead\sof|behind)\s(?:the\s)?$", re.I)
_BESIDE_COPULA = re.compile(r"(?:\s(?:on|in)\s(?:the\s)?[\w-]+(?:\s[\w-]+){0,2}?)?,?\s(?:is|was|comes|came|sits|sat|stands|stood|lies|"
                            r"ranks|ranked)\s(?:now\s)?(?:the\s)?", re.I)
_LOWER_WORDS = frozenset({"worse", "less", "lower", "smaller"})
_HIGHER_WORDS = frozenset({"better", "more", "higher", "bigger", "larger", "greater"})


# a measure other than defence spending ("Italy's public debt, at 137% of GDP, is the second highest in the eurozone"):
# ranked in a sentence with no word of defence spending, it is that measure's rank, not a claim
_OTHER_MEASURE_WORDS = frozenset("inflation unemployment jobless deficit deficits debt debts yields tariffs aid assistance".split())
# such a measure's own figure, then the rank word right after it: "Belgium's debt stands at 105% of GDP, the fourth
# highest in the eurozone, while its military spending ..." (no word of defence spending between)
_OTHER_FIGURE_RANKED = re.compile(r"\b(?:inflation|unemployment|jobless|deficits?|debts?|yields|tariffs|aid|assistance)\b"
                                  r"(?:(?!\b(?:defen[cs]e|military|spend\w*|budgets?|armed|army|armies|outlays?|"
                                  r"expenditures?|forces)\b)[^;]){0,60}?\d(?:[.,]\d+)?\s?(?:%|percent|per\scent)"
                                  r"(?:\sof\s(?:its\s|their\s)?(?:gdp|GDP))?,?\s(?:is\s|was\s|remains\s)?the\s(?:[\w-]+\s)?"
                                  r"(?:highest|lowest|largest|biggest|smallest)\b", re.I)
_DEFENCE_WORDS = frozenset("defence defense military spend spends spent spending spender spenders budget budgets armed army "
                           "armies outlays expenditure expenditures forces".split())


# what may stand between a negation and the rank it negates: "isn't the biggest spender", "is no longer NATO's top
# spender" (folded text, ending where the rank phrasing starts)
_RANK_DETERMINER = re.compile(r"(?:(?:the|its|their|nato['’]s|(?:the\s)?alliance['’]s)\s)?$")


def _negated_rank(s: Sentence, at: int) -> bool:
    """A rank denied in its own clause ("Washington isn't the top spender relative to GDP"): the claim is that
    the ally does not hold that place."""
    clause = max((m.end() for m in CLAUSE.finditer(s.text, 0, at)), default=0)
    det = _RANK_DETERMINER.search(s.low, max(clause, at - 24), at)
    return det is not None and negation.negated(s.low, clause, det.start())


class RankRule(Rule):
    type = "rank"
    code = "CLM-RANK"

    def find(self, s: Sentence) -> list[Claim]:
        return self._placed(s, self._read(s))

    def _read(self, s: Sentence) -> list[Claim]:
        if s.has_number and 2 < s.start and s.doc[s.start - 1] in " \t" and s.doc[s.start - 2] in ".)" \
                and s.doc[s.start - 3].isdigit():
            numbered = self._numbered_line(s)  # "5. Greece - 3.08%" (cheap test first: a list number just before)
            if numbered is not None:
                return [numbered]
        if s.is_question or not s.words.isdisjoint(_OTHER_MEASURE_WORDS) and (
                s.words.isdisjoint(_DEFENCE_WORDS) or _OTHER_FIGURE_RANKED.search(s.text) is not None):
            return []  # ("unemployment in Spain is at 11.7%, the highest in the EU": another measure ranked)
        if "followed" in s.words and s.carry.rank is not None and 0 <= s.paragraph - s.carry.rank[0] <= 1:
            after_carried = self._followed_after_carried(s)  # "Greece tops the table. It is followed by A and B."
            if after_carried:
                return after_carried
        # "Lithuania follows closely behind": the place after the one ranked before in the paragraph
        follows = ("behind" in s.words or "next" in s.words) and s.carry.rank is not None \
            and s.carry.rank[0] == s.paragraph
        # "Just ahead of Spain is Belgium": beside the ally ranked in this paragraph or the one before
        beside = ("ahead" in s.words or "behind" in s.words) and s.carry.rank is not None \
            and 0 <= s.paragraph - s.carry.rank[0] <= 1
        if not follows and not beside and (s.words.isdisjoint(_GATE_WORDS) and not (s.has_number and _NTH_DIGITS.search(s.text))
                            and not ("most" in s.words and ("the most in" in s.low or "the most on" in s.low
                                                             or ", most in" in s.low)
                                     or _may_rank(s.words, s.low))
                            or not (s.has_number or not s.words.isdisjoint(_CONTEXT_WORDS)
                                    # (or a comparing verb right after figures: "Poland (4.3%) and Lithuania (4%).
                                    # They surpassed all other allies.", "Belgium is at 0.85%. Only Luxembourg
                                    # performs worse than Belgium.")
                                    or (not s.words.isdisjoint(_BEATS) or "only" in s.words and "than" in s.words)
                                    and s.carry.year is not None and 0 <= s.paragraph - s.carry.paragraph <= 1)):
            if ("top" in s.words or "bottom" in s.words) and (
                    s.carry.year is not None and s.carry.paragraph == s.paragraph
                    or s.carry.rank is not None and 0 <= s.paragraph - s.carry.rank[0] <= 1):
                # "A, B, C, D and E are in the top ten", "The top ten also includes A, B and C": a list placed in the
                # ranking the paragraph (or the one before) speaks of, in its measure and year unless it names its own
                return [self._in_carried_ranking(s, c) for c in self._set_rank(s) if len(c.extra["members"]) >= 2]
            return []
        found: list[tuple[int, int, int, bool, str]] = []  # (start, end, position, highest first, subject)
        ends: set[int] = set()  # where a phrasing names an end of the ranking without a place ("at the bottom", "top")
        phrasings, how = _phrasings()
        for gate in phrasings.which(s.low, s.tokens):  # the phrasings whose words are in the sentence, in order
            position, desc, where = how[id(gate)]
            for m in gate.scanner.finditer(s.low):  # (folded: the same spans; the ordinal is read in lower case)
                if any(m.start() < end and start < m.end() for start, end, *_ in found):
                    continue  # an earlier phrasing read this place
                n = _position(m.group("n")) if position is None else position
                if n:
                    found.append((m.start(), m.end(), n, desc, where))
                    if position == 1:
                        ends.add(m.start())
        out = self._set_rank(s) + self._list_most_least(s)
        if out:
            return out
        # (a list filling the end of the ranking is read beside any place the sentence gives: "X is 16th, ahead of
        # A, B and C, which are the last three places")
        at_end = self._list_at_end(s) if not s.words.isdisjoint(_END_WORDS) else []
        if "only" in s.words and not s.words.isdisjoint(_LOWER_WORDS | _HIGHER_WORDS):
            out = self._only_than(s)
        if follows and not out and not found:
            out = self._next_place(s)
        if beside and not out:
            out = self._beside_ranked(s)

        sets = [m.span() for m in SET_WITH.finditer(s.text)] if not s.words.isdisjoint(_SET_WITH_WORDS) else []
        # (a middle place after the exact ones: "mid-table, in 16th position" is 16th)
        loose: set[int] = set()  # the claims read from an end of the ranking named without a place
        for at, end, n, desc, where in sorted(found, key=lambda f: (f[2] == MIDDLE, f)):
            if VAGUE.search(s.text[max(0, at - 25):at + 20]) or PLACE_RANK.search(s.text[at:at + 40]):
                continue
            if at == 0 and s.text[end - 1:end].islower() and _HEADING_MARK.search(s.text, 0, end):
                continue  # "First – some background on ...": an ordinal heading needs a name (a capital) after it
            if any(a <= at < b for a, b in sets):
                continue  # "the five allies with the lowest spending": a set, not one ally's rank
            if s.low.endswith(_SUPERLATIVES, at, end) and _ELIDED_NOUN.match(s.text, end) and not pcts_after(s, at, end) \
                    and not any(f[0] < at for f in found):
                continue  # "Germany, the second biggest, paid out ...": what is ranked is left unsaid (economy?); not
                # after a rank of its own sentence ("X has the lowest share, and Y the second lowest")
            if _NOT_A_SPENDING_RANK.search(s.text, max(0, at - 25), at) or _troops_after(s.text, end):
                continue  # "aiming to become NATO's third-largest military": an aim, and troops
            if "had" in s.words and _pluperfect(s, at) or (
                    "years" in s.words or "decades" in s.words) and _VAGUE_PAST.search(s.text, *_clause_of(s, at, end)):
                continue  # "..., which had led the ranking for years", "For decades the US was at the top": a past state
            if _OVER_TIME.match(s.text, end) and desc and n == 1:
                continue  # "its rise is the largest of the 2014-2024 decade": a record over the years
            if _ranks_other(s, end, at) or _ranks_other_within(s, at, end) or _elided_other_measure(s, at, end):
                continue  # "Europe's number one economy", "in second place in arms exports", "the EU's second biggest economy
                # and the sixth biggest": another ranking
            if _ranks_the_world(s, at, end):
                continue  # "the seventh largest military spender in the world": not NATO's ranking
            group = _subset_of(s, at, end)
            if group is not None and not group[1]:
                continue  # "the top spender in southern Europe": a group NATO ranks nowhere
            claim = self._claim_at(s, at, end, n, desc, where, group)
            if claim is None:
                continue
            if claim.comparator == "eq" and _negated_rank(s, at):
                claim.comparator = "ne"  # "America isn't the top spender": any place but that one
            same = next((i for i, c in enumerate(out)
                         if (c.subject, c.metric, c.year) == (claim.subject, claim.metric, claim.year)), None)
            if same is None:
                out.append(claim)
                if (other := _other_measure_too(s, claim)) is not None:
                    out.append(other)  # "both in cash terms and as a share of GDP": the rank by each measure
                if at in ends:
                    loose.add(id(claim))
            elif id(out[same]) in loose and at not in ends:
                out[same] = claim  # "sits at the bottom of the table in penultimate position": the place named wins
        out += [c for c in at_end if all(o.subject != c.subject for o in out)]  # (not twice: "A and B are at the
        # bottom of the table" is read by its phrasing already)
        if ("from" in s.words or "year's" in s.low or "year’s" in s.low) and (moved := _MOVED.search(s.low)):
            out += self._moved(s, out, moved)
        if "followed" in s.words and out:
            out += self._followed_by(s, out)
        if ("behind" in s.words or "next" in s.words) and out:
            out += [c for c in self._next_place(s, out) if all(o.subject != c.subject for o in out)]
        return out

    def _placed(self, s: Sentence, claims: list[Claim]) -> list[Claim]:
        """A set rank whose list is written in order ("Poland (4.1%) and Estonia (3.4%) top the list", "Behind Poland,
        the next highest are A (3.4%), B (3.2%) and C (3.1%)", "A, B and C are in the top five (in descending order)"
        after the first two places) gives each ally its own place, consecutive from the first place the list fills:
        1 when it fills the set, 2 after "Behind X, the next highest", or the place after the last one the paragraph
        (or the one before) ranked in the same ranking when the list fills the rest of the set."""
        out = []
        for c in claims:
            members = c.extra.get("members") or []
            first = self._first_place(s, c, len(members)) if c.comparator == "le" and len(members) >= 2 else None
            named = {e.code: e for e in reversed(s._subjects) if e.is_ally} if first is not None else {}
            run = sorted((named[code] for code in members if code in named), key=lambda e: e.start)
            if first is None or len(run) != len(members) or not _in_order(s, run, c.extra["desc"]):
                out.append(c)
                continue
            extra = {k: v for k, v in c.extra.items() if k != "members"}
            out += [self.claim(s, e.code, c.metric, first + i, "eq", c.year, None, **extra) for i, e in enumerate(run)]
        return out

    def _first_place(self, s: Sentence, c: Claim, k: int) -> int | None:
        """The first place a list of k allies set-ranked at most n fills, or None when the places before it are unknown."""
        if k == c.value:
            return 1
        if k == c.value - 1 and "next" in s.words and SET_NEXT.search(s.text):
            return 2
        if s.carry.rank is None or not 0 <= s.paragraph - s.carry.rank[0] <= 1:
            return None
        last = s.carry.rank[1]
        if (last.metric, last.year) != (c.metric, c.year) or not isinstance(last.value, int):
            return None
        return last.value + 1 if last.value + k == c.value else None

    def _moved(self, s: Sentence, out: list[Claim], m: re.Match) -> list[Claim]:
        """A place reached and the place left ("moved up to 20th from 23rd", "slipped from 20th to 22nd", "20th out of
        28, an improvement over last year's 23rd place"): the place left is the same ranking a year before the one
        reached (two claims; the reached one is read here when no phrasing read it)."""
        n = _position(m.group("n") or m.group("n2") or "")
        before = _position(m.group("m") or m.group("m2") or m.group("m3") or "")
        if not before:
            return []
        if n:
            c = next((c for c in out if c.value == n and c.comparator == "eq" and len(c.subject or "") == 3), None)
        else:  # "last year's 23rd place": beside the one place this sentence ranked
            singles = [c for c in out if c.comparator == "eq" and len(c.subject or "") == 3]
            c = singles[0] if len(singles) == 1 else None
        new = []
        if c is None and n:
            c = self._claim_at(s, m.start(), m.end(), n, True, "before")
            if c is None:
                return []
            new.append(c)
        if c is None or c.year is None:
            return new
        return [*new, self.claim(s, c.subject, c.metric, before, "eq", c.year - 1, None, **c.extra)]

    def _in_carried_ranking(self, s: Sentence, c: Claim) -> Claim:
        """A set rank read with no figure or spending word of its own, after a sentence that ranked: the carried
        ranking's measure (unless the sentence names one) and year (unless it states one)."""
        if s.carry.rank is None or s.carry.rank[0] not in (s.paragraph, s.paragraph - 1):
            return c
        last = s.carry.rank[1]
        if _named_measure(s, 0, 0) is None and last.extra["indicator"] != c.extra["indicator"]:
            indicator = last.extra["indicator"]
            c.extra.update(indicator=indicator, europe=last.extra["europe"])
            c.metric = f"rank_{'desc' if c.extra['desc'] else 'asc'}({indicator}{', European allies' if last.extra['europe'] else ''})"
        if not claim_times(s) and last.year is not None:
            c.year = last.year
        return c

    def _next_place(self, s: Sentence, ranked: list[Claim] | None = None) -> list[Claim]:
        """"Lithuania follows closely behind" after a sentence of the same paragraph that ranked an ally n-th, or
        after a clause of its own that did ("Estonia ranks second, while the US follows closely behind"): the
        place after it (n + 1), in the same order, measure and year."""
        allies = [e for e in s._subjects if e.is_ally]
        lo = 0
        if ranked:  # the last single place ranked in this sentence, and the clause after its ally
            last = next((c for c in reversed(ranked) if c.comparator == "eq" and isinstance(c.value, int)
                         and c.subject and "," not in c.subject), None)
            if last is None:
                return []
            where = next((e for e in allies if e.code == last.subject), None)
            if where is None:
                return []
            lo = where.end
        elif s.carry.rank is None:
            return []
        else:
            _, last = s.carry.rank
        m = FOLLOWS.search(s.text, lo)
        if m is None:
            return []
        if m.group("places"):  # "the next spots are taken by A (3.4%), B and C": the places after it, in list order
            run = [e for e in _followers(s, m.end()) if e.code != last.subject]
            return [self.claim(s, e.code, last.metric, last.value + i, "eq", last.year, None, **last.extra)
                    for i, e in enumerate(run, 1)]
        ally = next((e for e in allies if e.start == m.end()), None) if m.group(0).lower().startswith(
            ("next", "close", "right", "just")) else next((e for e in reversed(allies) if e.end <= m.start()), None)
        if ally is None or ally.code == last.subject or ally.start < lo:
            return []
        return [self.claim(s, ally.code, last.metric, last.value + 1, "eq", last.year, None, **last.extra)]

    def _beside_ranked(self, s: Sentence) -> list[Claim]:
        """"Just ahead of Spain on the charts is Belgium", "Right behind Poland comes Estonia": next to the ally ranked
        n-th just before, on the side that spends more ("ahead") or less ("behind"): n - 1 or n + 1 in its order."""
        assert s.carry.rank is not None
        last = s.carry.rank[1]
        allies = [e for e in s._subjects if e.is_ally]
        for x, y in zip(allies, allies[1:], strict=False):
            side = _BESIDE_BEFORE.search(s.text, max(0, x.start - 20), x.start)
            if x.code != last.subject or side is None or not _BESIDE_COPULA.fullmatch(s.text, x.end, y.start):
                continue
            more = side.group("side").lower().startswith("ahead")
            n = last.value + (-1 if more == last.extra["desc"] else 1)
            if n >= 1 and y.code != x.code:
                return [self.claim(s, y.code, last.metric, n, "eq", last.year, None, **last.extra)]
        return []

    def _only_than(self, s: Sentence) -> list[Claim]:
        """"Only Portugal does worse than Spain" (or "Spain, where only Portugal does worse"): Spain is second from
        the bottom (second from the top with "more", "better", "higher"); "Only Spain, Slovenia and Luxembourg spend
        less than Belgium": a list of n allies after "only" puts the other (n + 1)-th."""
        allies = [e for e in s._subjects if e.is_ally]
        for i, first in enumerate(allies):
            if not s.low.endswith("only ", 0, first.start) and not s.low.endswith("only the ", 0, first.start):
                continue
            run = _joined(s, allies[i:])
            a = run[-1]  # (the list's last ally, whose verb follows)
            m = ONLY_THAN.match(s.text, a.end)
            if m is None:
                continue
            if m.group("than"):
                other = next((e for e in allies if e.start == m.end()), None)
            else:
                other = next((e for e in reversed(allies) if e.end <= a.start), None)  # the ally spoken of before
            if other is None or other.code in {e.code for e in run}:
                continue
            desc = m.group("cmp").lower() not in _LOWER_WORDS
            named = _named_measure(s, 0, a.start)
            indicator = USD if named else GDP
            europe = _EUROPE.search(s.text) is not None
            metric = f"rank_{'desc' if desc else 'asc'}({indicator}{', European allies' if europe else ''})"
            pcts = [q for q in s.quantities if q.kind == "pct"]
            year = s.year_for(pcts[0])[0] if pcts else _rank_year(s)
            return [self.claim(s, other.code, metric, len(run) + 1, "eq", year, None, desc=desc, indicator=indicator,
                               europe=europe)]
        return self._only_count_than(s, allies)

    def _only_count_than(self, s: Sentence, allies: list) -> list[Claim]:
        """"Only six of the 31 other members spend less of their GDP than Italy": Italy is seventh from the bottom
        (from the top with "more"); the count is the number of allies beyond it, no count at a threshold."""
        for q in s.free(("count",)):
            if not s.low.endswith("only ", 0, q.start):
                continue
            noun = _COUNTED_ALLIES.match(s.text, q.end)
            m = ONLY_THAN.match(s.text, noun.end()) if noun is not None else None
            other = next((e for e in allies if m is not None and m.group("than") and e.start == m.end()), None)
            if m is None or other is None or not q.value or q.value != int(q.value):
                continue
            s.take(q)
            desc = m.group("cmp").lower() not in _LOWER_WORDS
            indicator = USD if _named_measure(s, 0, q.start) else GDP
            return [self.claim(s, other.code, f"rank_{'desc' if desc else 'asc'}({indicator})", int(q.value) + 1, "eq",
                               _rank_year(s), None, desc=desc, indicator=indicator, europe=False)]
        return []

    def _followed_by(self, s: Sentence, ranked: list[Claim]) -> list[Claim]:
        """"A leads at 4.1%, followed by B (3.4%) and C at 3.3%": after a first place, the allies listed after
        "followed by" take the next places in order (B second, C third); a list that breaks off ("..., with D at
        3.2%") ends there."""
        m = FOLLOWED_BY.search(s.text)
        if m is None:
            return []
        # the first place is the ally named last before "followed by" ("A is the biggest spender in dollars, while
        # B leads by share of GDP, followed by ...": B's ranking goes on)
        leader = next((e for e in reversed(s._subjects) if e.is_ally and e.end <= m.start()), None)
        first = leader and next((c for c in ranked if c.subject == leader.code and c.value == 1 and c.comparator == "eq"),
                                None)
        run = _followers(s, m.end())
        if first is None or not run:
            return []
        return [self.claim(s, e.code, first.metric, i, "eq", first.year, None, **first.extra)
                for i, e in enumerate(run, 2) if e.code != first.subject and i <= _FOLLOWED_LAST_PLACE]

    def _followed_after_carried(self, s: Sentence) -> list[Claim]:
        """"X is followed by A (3.5%) and B with 2.3%" after a sentence that ranked X n-th ("X tops the table"): A and
        B take the next places (n + 1, n + 2), in the same order, measure and year; X is the ally ranked before or
        "it" / "this country"."""
        m = _IS_FOLLOWED.search(s.text)
        last = s.carry.rank[1] if s.carry.rank is not None else None
        if m is None or last is None or not isinstance(last.value, int) or last.comparator != "eq":
            return []
        allies = [e for e in s._subjects if e.is_ally]
        before = next((e for e in reversed(allies) if e.end <= m.start()), None)
        if before is not None:
            if before.code != last.subject or s.text[before.end:m.start()].strip(" ,"):
                return []
        elif not _IT_BEFORE.fullmatch(s.text, 0, m.start()):
            return []
        run = _followers(s, m.end())
        if not run:
            return []
        return [self.claim(s, e.code, last.metric, last.value + i, "eq", last.year, None, **last.extra)
                for i, e in enumerate(run, 1) if e.code != last.subject and last.value + i <= _FOLLOWED_LAST_PLACE]

    def _list_at_end(self, s: Sentence) -> list[Claim]:
        """A list of allies and, right after it, the end of the ranking it fills: "..., Spain, Belgium (both 0.9%) and
        Luxembourg (0.5%), which are the last three places", "A (1.0%), B and C, the allies at the bottom of the
        list", "A, B and C ranked at the lower end": each listed ally ranks at most n (n as written, else the length of
        the list; the list must hold n names), lowest first for the bottom, highest first for the top."""
        m = _LIST_AT_END_FOLDED.search_words(s.low, s.tokens)  # (the folded text: the same spans)
        if m is None:
            return []
        allies = [e for e in s._subjects if e.is_ally and e.end <= m.start()]
        run = _joined(s, allies[::-1])[::-1]
        if len(run) < 2 or s.text[run[-1].end:m.start()].strip(" ()%.,0123456789"):
            return []  # the list must end right before the phrase (its last figure aside)
        n = len(run)
        if m.group("n"):  # "ahead of A, B, C and D, which are the last three places": the last three named
            n = int(parse_number(m.group("n"))[0])
            if n < 2 or len(run) < n:
                return []  # ("A, B and C, which are the last four": not the set ranked)
            run = run[-n:]
        desc = m.group("dir").lower() in ("top", "first", "upper", "head", "highest")
        money = bool(_ABSOLUTE.search(s.text)) and not _AS_SHARE.search(s.text)
        metric = f"rank_{'desc' if desc else 'asc'}({USD if money else GDP})"
        return [self.claim(s, ",".join(e.code for e in run), metric, n, "le", _rank_year(s), None, desc=desc,
                           indicator=USD if money else GDP, europe=False, members=[e.code for e in run])]

    def _set_rank(self, s: Sentence) -> list[Claim]:
        """"Luxembourg, Belgium and Spain are the three lowest spenders in 2023", "the five highest spenders in 2024
        were A, B, C, D and E": every listed ally ranks at most n (the list must have n names)."""
        if s.words.isdisjoint(_SET_NOUNS):
            return []  # every SET_RANK match holds one of these nouns
        words = s.words
        # "A is one of the three biggest spenders", "A, B and C make up the top three": the list before the verb
        m = SET_IN_TOP.search(s.text) if (not words.isdisjoint(_IN_TOP_WORDS)) else None
        if m is not None:
            found = self._set_of(s, m)
            if found:
                return found
        m = next((x for x in SET_RANK.finditer(s.text) if x.group("dir") or x.group("dir2")), None) \
            or (not words.isdisjoint(_SET_WITH_WORDS) and SET_WITH.search(s.text)) \
            or (("top" in words or "bottom" in words) and (TOP_N.search(s.text) or SET_TOP_ARE.search(s.text))) \
            or ("next" in words and SET_NEXT.search(s.text)) or ("ranked" in words and RANKED_FROM.search(s.text)) \
            or SET_PLURAL.search(s.text) or None
        return [] if m is None or m.re is SET_IN_TOP else self._set_of(s, m)

    def _set_of(self, s: Sentence, m: re.Match) -> list[Claim]:
        """The set rank of one match of a set pattern, or [] when its list is not the set ranked."""
        try:
            n = 0 if m.re in (SET_NEXT, RANKED_FROM, SET_PLURAL) else int(parse_number(
                m.group("n") or m.groupdict().get("n2") or "")[0])
        except (ValueError, KeyError, TypeError):
            return []
        if _ranks_other(s, m.end()) or _ranks_a_subset(s, m.start(), m.end()) \
                or m.re is SET_WITH and _ranks_other_within(s, m.start(), m.end()):
            return []  # "the three largest countries by population are ...", "... among the Baltic states", "the three
            # allies spending the highest share of their budgets on equipment are ..."
        allies = [e for e in s._subjects if e.is_ally]
        before = [e for e in allies if e.end <= m.start()]
        after = [e for e in allies if e.start >= m.end()]
        verb_before = m.re is SET_RANK and m.group("verb_before") or m.re is SET_IN_TOP
        run = _joined(s, before[::-1])[::-1] if verb_before else _joined(s, after)
        if m.re in (RANKED_FROM, SET_PLURAL):  # "Ranked from the bottom, the laggards are: A (1.3), B (1.4) and C",
            # "The lowest spenders were A, at 0.56%, B, at 0.92%, and C": the n lowest
            if len(run) < 2 or run[0].start - m.end() > 4:
                return []
            n = len(run)
        elif m.re is SET_NEXT:  # "Behind Poland, the next highest are A, B and C": ranks 2 to 4
            if len(run) < 2 or run[0].start - m.end() > 4:
                return []
            n = len(run) + 1
        elif m.re is SET_TOP_ARE and (not run or run[0].start - m.end() > 4):
            return []  # "the top three were A, B and C": the list right after the verb
        elif m.re is SET_IN_TOP:  # "A, B and C are in the top ten": the allies right before the verb, each at most n
            if not run or s.text[run[-1].end:m.start()].strip(" ()%.,0123456789"):
                return []
        elif m.re is TOP_N:  # "the top ten includes": a part of the set, right after the verb
            if not 2 <= len(run) <= n or run[0].start - m.end() > 4:
                return []
        elif len(run) != n or (verb_before and run and s.text[run[-1].end:m.start()].strip(" ()%.,0123456789")):
            return []  # the list is not the set ranked: unsure, no claim
        codes = [e.code for e in run]
        direction = (m.group("dir") or (m.group("dir2") if m.re in (SET_RANK, SET_IN_TOP) else None)
                     or ("highest" if m.re is SET_PLURAL and m.group("dir3") else "")).lower()
        desc = direction in ("highest", "biggest", "largest", "top")
        money = bool(_ABSOLUTE.search(s.text)) and not _AS_SHARE.search(s.text)
        indicator = USD if money else GDP
        europe = _EUROPE.search(s.text) is not None
        metric = f"rank_{'desc' if desc else 'asc'}({indicator}{', European allies' if europe else ''})"
        return [self.claim(s, ",".join(codes), metric, n, "le", _rank_year(s), None, desc=desc,
                           indicator=indicator, europe=europe, members=codes)]

    def _numbered_line(self, s: Sentence) -> Claim | None:
        """"5. Greece - 3.08%" on a line of its own (a numbered table line): Greece ranks fifth by % of GDP, lowest first
        when the text before the list last spoke of the lowest ("the ten lowest spenders:")."""
        line_start = s.doc.rfind("\n", 0, s.start) + 1
        m = _LIST_NUMBER.fullmatch(s.doc, line_start, s.start)
        if m is None or not LIST_LINE.fullmatch(s.text) or not s.entities or not s.entities[0].is_ally \
                or s.entities[0].start > 4:
            return None
        header = s.doc[max(0, line_start - 600):line_start]
        last = max(((x.start(), x.group(0).lower()) for x in _ORDER_WORDS.finditer(header)), default=(0, "highest"))[1]
        desc = last not in ("lowest", "least", "smallest", "bottom")
        pcts = [q for q in s.quantities if q.kind == "pct"]
        year = s.year_for(pcts[0])[0] if pcts else _rank_year(s)
        return self.claim(s, s.entities[0].code, f"rank_{'desc' if desc else 'asc'}({GDP})", int(m.group("n")), "eq",
                          year, None, desc=desc, indicator=GDP, europe=False)

    def _list_most_least(self, s: Sentence) -> list[Claim]:
        """"Canada, Luxembourg and Spain contribute the least": the listed allies are the n lowest (n = the list)."""
        if "least" not in s.words and ("most" not in s.words or "the most" not in s.low) and s.words.isdisjoint(_SHARE_WORDS):
            return []
        out = []
        for m in LIST_MOST_LEAST.finditer(s.text):
            run = _joined(s, [e for e in s._subjects if e.is_ally and e.end <= m.start()][::-1])[::-1]
            if len(run) < 2 or run[-1].end != m.start() or _ranks_other(s, m.end()) or _ranks_a_subset(s, m.start(), m.end()):
                continue  # ("A, B and C spend the most on health": another ranking)
            desc = m.group("dir").split()[0].lower() in ("most", "highest", "largest", "biggest", "greatest")
            money = bool(_ABSOLUTE.search(s.text)) and not _AS_SHARE.search(s.text)
            indicator = USD if money else GDP
            codes = [e.code for e in run]
            out.append(self.claim(s, ",".join(codes), f"rank_{'desc' if desc else 'asc'}({indicator})", len(codes), "le",
                                  _rank_year(s), None, desc=desc, indicator=indicator, europe=False, members=codes))
        return out

    def _claim_at(self, s: Sentence, at: int, end: int, n: int, desc: bool, where: str = "before",
                  group: tuple[str, tuple[str, ...], int, int] | None = None) -> Claim | None:
        # (the allies a group's name stands for, "among the Baltic states", are the group, not the ranked ally)
        allies = [e for e in s._subjects if e.is_ally and not (group and group[2] <= e.start < group[3])]
        # the rank belongs to the clause it sits in ("X spends ..., while Y lags at ..., the lowest"); its subject
        # is the nearest ally before it there, not one after "overtaken", "behind", "than" ("Germany has
        # overtaken Britain as the biggest spender"), else the first ally, else the one carried over
        clause = max((m.end() for m in CLAUSE.finditer(s.text, 0, at)), default=0)
        def compared(e) -> bool:  # (and every ally listed after one compared: "behind Canada (1.4%) and Italy")
            if COMPARED_BEFORE_FOLDED.search(s.low[max(0, e.start - 30):e.start]) is not None:
                return True
            before = next((x for x in reversed(allies) if x.end <= e.start), None)
            return before is not None and _SET_JOIN.fullmatch(s.text, before.end, e.start) is not None and compared(before)

        carried: tuple[str, ...] = ()
        # "with Denmark fifth at 3.27", "and the United States third (": the ally the phrasing holds or starts in
        inside = [e for e in allies if e.start < end and at < e.end]
        if inside:
            first = inside[-1]
        elif where == "inside":  # ", Estonia second": only the ally the phrasing holds
            return None
        elif where != "before":  # the phrasing's ally by its role: after it ("fifth – Romania"), or on either side
            first = _subject_of(s, allies, clause, at, end, where, compared)
            pronoun = _PLURAL_PRONOUN.match(s.text, clause) if n == 1 else None
            if pronoun is not None and (first is None or first.start < pronoun.end()) \
                    and (carried := _carried_list(s)):
                first = None  # "They surpassed all other allies", "These two are ahead of all others": the list before
            elif first is None and (where not in ("any", "either") or allies):
                return None  # ("No other member spends so much.", "- 4.2% of GDP - number one among NATO countries"
                # with no ally named: the ally spoken of before)
        else:
            first = next((e for e in reversed(allies) if clause <= e.start and e.end <= at and not compared(e)),
                         next((e for e in allies if not compared(e)), None))
        subject = first.code if first is not None else ",".join(carried) if carried else (
            s.carry.subject if s.carry.subject and len(s.carry.subject) == 3 else None)
        if subject is None:
            return None
        members = [first] if first is None or inside or first.start >= end else _list_ending_at(s, allies, first, compared)
        if len(members) > 1 and n != 1:
            return None  # "Greece and the US are third": unsure which place is whose
        spender = _SPENDER.search(s.text) or (any(q.kind == "money" for q in s.quantities)
                                             and _MONEY_RANK.search(s.text))
        # money when a spender or a US$ figure is ranked and no share of GDP is in sight ("the most of any")
        # (a share in a clause before the rank's names another thing: "agree a target of 5%, as the US, NATO's biggest
        # spender, ...")
        money = bool(spender and not any(q.kind == "pct" and not _before_own_clause(s.text, q, spender.start())
                                         for q in s.quantities) and not _NOT_MONEY.search(
            s.text[spender.end():spender.end() + 50]))
        # "the top spender", "the second-highest spender" with no measure named: a level or an amount, judged both
        # ways (the measure: unverifiable when they disagree); "the biggest / largest spender" is an amount
        either = bool(money and spender and _LEVEL_SPENDER.fullmatch(s.text, at, spender.end()))
        named = _named_measure(s, clause, at)
        pcts = [q for q in s.quantities if q.kind == "pct"]
        if named is not None:  # "in absolute terms", "as a share of GDP" in the rank's own clause decides
            money = named
        elif not money and not pcts and any(q.kind == "money" for q in s.quantities) and not _NOT_MONEY.search(s.text):
            money = True  # "Britain ranks second in Europe, spending $82 billion": the figure ranked is money
        elif not money and not pcts and (_spends_amount(s, clause, min(len(s.text), end + 40))
                                         or _BUDGET_AFTER.match(s.text, end)
                                         or _BUDGET_ENDS.search(s.text, at, end)) and not _NOT_MONEY.search(s.text):
            money = True  # "the US spends far more on defence than any other ally", "outspends every other ally": an amount
        europe = _EUROPE.search(s.text) is not None
        change = _names_change(s, clause, at, end)
        # (a change's year is the year it reaches, not the baseline's: "a 44% rise compared to the previous year")
        year = _rank_year(s) if change else _clause_year(s, clause, at, end, pcts)
        latest = s.latest_year()
        later = next((q for q in pcts if q.start >= end), None)
        if year is not None and latest is not None and year > latest and later is not None \
                and _PRESENT_RANK_VERB.search(s.low, at, end) and _BREAK.search(s.text, end, later.start) \
                and not any(t.year == year and t.start < later.start for t in s.times):
            # "Poland leads the allies in spending: 4.48% of its GDP will go to defence in 2026": where it stands now,
            # beside the plan of a later year (the plan is its own claim)
            year = latest
        indicator = REAL if change else USD if money else GDP
        if named is None and not s.words.isdisjoint(_MEASURE_NOUNS) and _THIS_MEASURE.search(s.low) \
                and "equipment" in s.carry.previous_low:
            indicator = EQUIP  # "That would rank Canada 11th, by this measure" after its equipment share: that share
        elif named is None and not money and not change and any(q.value >= 8 and clause <= q.start for q in pcts) \
                and not s.words.isdisjoint(_EQUIPMENT_WORDS):
            indicator = EQUIP  # "spending on armaments, recording 38.5% and in the third highest position": the
            # equipment share (no share of GDP is that high) ranked, not % of GDP
        metric = f"rank_{'desc' if desc else 'asc'}({indicator}{', European allies' if europe else ''})"
        if group is not None:  # "the highest among the Baltic states": the rank among the group's members
            if len(members) > 1:
                return None
            metric = f"rank_{'desc' if desc else 'asc'}({indicator}, {group[0]})"
            return self.claim(s, subject, metric, n, "eq", year, None, desc=desc, indicator=indicator, europe=False,
                              group=list(group[1]))
        if len(members) > 1 or carried:  # "A, B and C top the ranking", "Spain and Slovenia are at the bottom": the
            codes = list(carried) if carried else [e.code for e in members]  # set's places
            return self.claim(s, ",".join(codes), metric, len(codes), "le", year, None, desc=desc, indicator=indicator,
                              europe=europe, members=codes)
        if n == MIDDLE:  # "half way down the list": about the middle place of the membership, no place named
            from ...members import member_count

            middle = (member_count(s.today) + 1) / 2
            return self.claim(s, subject, metric, middle, "approx", year, None, desc=desc, indicator=indicator,
                              europe=europe, middle=True)
        if either and named is None and indicator == USD:
            metric = f"rank_{'desc' if desc else 'asc'}({GDP}{', European allies' if europe else ''})"
            return self.claim(s, subject, metric, n, "eq", year, None, desc=desc, indicator=GDP, europe=europe,
                              either=USD)
        return self.claim(s, subject, metric, n, "eq", year, None, desc=desc, indicator=indicator, europe=europe)
