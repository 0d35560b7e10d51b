"""Sentences -> claim candidates: each sentence gets its entities, quantities and times, plus what it
carries over from the previous sentences (subject, year, threshold, pledge), then every rule looks at it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .context import Level, Named, joined, named_in, plural, quantified, with_referents
from .dates import FORECAST_FOR, MONTHS, PRESENT, WHEN_AFTER, TimeRef, find_times, year_words
from .entities import Entity, entity_words, find_entities
from .frame import Frame, clause_breaks, frame_of, markers_in, may_state_modality, speaker_of
from .gates import gated
from .grammar import folded, folded_pattern, iter_spans
from .lexicon import alternation, patterns, rows
from .listed import ListedValue, value_after
from .quantities import FRACTIONS, NUMBER_WORDS, Quantity, find_quantities
from .status import of_text as statuses_of
from .verify import AsOf

# (the three _SOURCE patterns: yes/no on windows of Sentence.low, behind their derived gates)
_SOURCE_AFTER = gated(folded_pattern(re.compile(r"^'s?\s(?:own\s)?(?:latest\s|new\s|annual\s)?(?:estimates?|figures?|tables?|data|report|"
                           r"numbers|statistics|secretary|spokes|official|headquarters)", re.I)))
_SOURCE_VERB_AFTER = gated(folded_pattern(re.compile(r"\s(?:now\s|also\s)?(?:puts|put|says|said|estimates|estimated|reckons|counts|counted|lists|"
                                r"listed|rounds|shows|showed|figures show|data show|reports|reported|published|publishes|released|releases)\b", re.I)))
_SOURCE_BEFORE = gated(folded_pattern(re.compile(r"(?:according to|(?:published|released|compiled|estimated|reported|issued|figures|data|estimates)\sby|from|in|on)\s(?:the\s)?$", re.I)))
# an entity right after one of these (or in the list that follows it) is left out of the subject
_FOR_ALL_BEFORE = gated(folded_pattern(re.compile(r"\bfor\s(?:all|each)\s(?:of\s)?(?:its\s|their\s|the\s)?$", re.I)))
_INCLUDED_AFTER = re.compile(r"\s(?:included|includ(?:ed|ing) in)\b", re.I)
_INCLUDING_BEFORE = gated(folded_pattern(re.compile(r"\bincluding\s(?:the\s)?$", re.I)))  # (these two: on Sentence.low)
# ... but an ally an unnumbered quantifier's group includes is one of the allies it speaks of, and a subject: "Many,
# including Germany, are still short of the target", "several members, including Spain, spend under 1.5%" (folded)
_QUANTIFIER_INCLUDING = re.compile(r"\b(?:many|several|some|most|others|a\s(?:number|handful|few))(?:\sof\s(?:them|these|those))?"
                                   r"(?:\s(?:other\s)?(?:allies|members|countries|nations|states|member\sstates))?,?\s"
                                   r"including\s(?:the\s)?$")
# "..., including Greece (2.58%), ...": an ally with a value of its own is the subject of that value
# "NATO summit", "a NATO meeting in Brussels": the alliance named as an event, whose figure it never is
_NATO_EVENT_AFTER = re.compile(r"\s(?:summits?|meetings?|ministerials?|conferences?|talks|gatherings?|headquarters|hq)\b")
_OWN_VALUE_AFTER = re.compile(r"\s?\(\d|,?\s(?:at|with|on)\s(?:about\s|around\s)?\.?\d")
_EXCLUDED_BEFORE = re.compile(r"\b(?:excluding|besides|except(?: for)?|other than|apart from|aside from|not counting|"
                              r"leaving aside|leaving out|setting aside|not including|without)\s(?:the\s)?(?:[\w.'’-]+(?:,\s|\sand\s|\s)(?:the\s)?){0,3}$", re.I)
# "under U.S. pressure", "at America's urging", "pushed by Washington", "demands by US President ...": the ally who
# pressed for a figure, not the one whose figure it is
_PRESSURE_AFTER = re.compile(r"(?:['’]s)?\s(?:pressure|urging|insistence|prodding|behest)\b", re.I)
_PRESSURE_BEFORE = re.compile(r"\b(?:pressure|pressed|pushed|urged|urging|prodded|lobbied|demands?|behest)\s(?:from|by|of)"
                              r"\s(?:the\s)?$", re.I)
_PRESSURE_WORDS = frozenset("pressure urging insistence prodding behest pressed pushed urged prodded lobbied demand demands "
                            "calls called calling".split())
_EXCLUDED_BEFORE_FOLDED = gated(folded_pattern(_EXCLUDED_BEFORE))  # on a window of Sentence.low
PLAN_WORDS = re.compile(r"\b(?:will|would|could|might|plans?|planned|promis(?:e|es|ed|ing)|pledg(?:e|es|ed)|vow(?:s|ed|ing)?|aims?"
                        r"|intends?|wants?|talks? of|hopes?|going to(?!\s(?:defen[cs]e|the\smilitary|military|the\sarmed|its\sarmed|their\sarmed|arms|nato|the\salliance))|proposes?|proposed)\b", re.I)
_WORDS = re.compile(r"[a-z]+")
_HAS_DIGIT = re.compile(r"\d")
_HAS_NUMBER = re.compile(r"[\d%$€£]")
NUMBERISH = frozenset(w for phrase in (*NUMBER_WORDS, *FRACTIONS) for w in re.findall(r"[a-z]+", phrase)
                      if w not in ("a", "no", "one", "single")) | {"trillion", "billion", "percent", "cent"}
TIME_WORDS = frozenset({"year", "week", "month", "decade", "decades", "years", "ago", "earlier", *MONTHS})
# a verb in the present, or a word that puts the clause in the present (lexicon present.csv)
PRESENT_TENSE = re.compile(rf"\b(?:is|are|has|have|spends|devotes|already|exceed|exceeds|{PRESENT})\b", re.I)
# the same on Sentence.low (grammar.folded_pattern): they answer yes/no, and are asked often
PLAN_WORDS_FOLDED, PRESENT_TENSE_FOLDED = gated(folded_pattern(PLAN_WORDS)), folded_pattern(PRESENT_TENSE)
_NOT_DATA_YEAR = ("since", "week", "month")  # time kinds that give no data year (Sentence.year_for)
# "the standard agreed at the 2014 summit": a year naming the meeting where something was agreed dates the
# agreement, not the figure (Sentence.data_times)
_AGREED_BEFORE = re.compile(r"\b(?:agreed|adopted|set|made|struck|signed|decided|endorsed|reached|determined|established|fixed"
                            r"|laid\sdown)\s(?:up)?(?:on\s)?"
                            # "as determined at NATO's 2014 summit", "set at the alliance's 2014 summit"
                            r"(?:(?:at|in|during)\s(?:the\s|its\s|their\s)?(?:(?:alliance|bloc|NATO|Nato)['’]s\s)?)?$", re.I)
_MEETING_AFTER = re.compile(r"\s(?:[A-Z][\w-]+\s)?(?:summit|meeting|gathering)\b", re.I)
# "the requirement agreed upon in 2006 that ...": a rule named, then when it was agreed (no meeting named)
_RULE_AGREED_BEFORE = re.compile(r"\b(?:requirements?|standards?|targets?|guidelines?|goals?|benchmarks?|pledges?|rules?)\s"
                                 r"(?:(?:that|which)\s)?(?:(?:was|were|had been|first)\s)?(?:agreed|adopted|set)\s(?:up)?(?:on\s)?"
                                 r"(?:(?:at|in|during)\s(?:the\s|its\s|their\s)?)?$", re.I)  # (a preposition may open the time)
# a target's making told by a participle right after it, up to the year ("met the goal set by alliance leaders at a 2014
# summit", "above the older 2% bar, established in 2014", "topped the 2% goal endorsed by leaders in 2006"):
# the year dates the making, no figure; an ally before it meets the target and did not make it (on the folded text;
# rules/pledge.py reads the making)
TARGET_MADE = re.compile(r"\b(?:target|goal|benchmark|guideline|requirement|threshold|standard|yardstick)(?:\sof\s[^,;:]{1,40}?)?"
                         r",?\s(?:first\s|originally\s)?(?:set|established|adopted|endorsed|agreed(?:\supon)?)\s"
                         r"(?:[\w'’-]+\s){0,16}?(?<!for\s)(?<!by\s)(?<!until\s)(?:19|20)\d\d\b")  # ("a goal set for 2024": its deadline)


class cached:  # noqa: N801 - functools.cached_property without the lock Python 3.11 takes on every first access
    """Computed on first access, then read from the instance like a plain attribute."""

    def __init__(self, fn):
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


def _forecast_time(s: Sentence, t: TimeRef) -> bool:
    """A time of this year or later that a forecast in its clause is made for ("A stronger rise is expected for 2024"):
    the figures of the sentences after it keep their own time (a past "Germany spent 1.5%" is not 2024's)."""
    return t.year is not None and t.year >= s.today.year \
        and FORECAST_FOR.search(s.low, max(0, t.start - 60), t.start) is not None


class Carry:
    """What a sentence hands on to the next one.

    subject: the last ally or group a figure was attached to; year and paragraph: resolved data year of the
    last figure (same paragraph only); threshold: (indicator, op, value) of the last count/threshold;
    first_pct: first percentage of the previous sentence ("this number"), worked out when asked (most sentences
    never ask, and the previous one may not have needed its quantities); pledge: last pledge id talked about;
    gdp_table: the paragraph whose header announced a table of % of GDP ("... as a percentage of their GDP:"),
    whose bare lines ("Poland: 4.12") are then the allies' figures; rank: the last single place ranked, with its
    paragraph ("Lithuania follows closely behind" takes the next place); table: a pasted table whose header was read
    (rules/table.py), whose rows may follow.

    A sentence without figures hands on its last ally and its last year, else what it was handed. Those come
    from its entity and time scans, which a sentence without claims may not need otherwise, so they are worked
    out when a later sentence first asks (most never do): `following` records where they come from. They are
    read-only once handed on, so the answer is the same as working them out at once. At most PENDING_LIMIT
    carries wait in a chain (each keeps its sentence alive).
    """

    PENDING_LIMIT = 32
    __slots__ = ("_subject", "_year", "_paragraph", "threshold", "_first_pct", "pledge", "usd_subject", "usd_year",
                 "gdp_table", "_subject_from", "_year_from", "_pct_from", "_depth", "_set_year", "rank", "report",
                 "_named", "_named_from", "level", "count_plan", "_then_year", "_then_from", "table", "previous")

    def __init__(self, subject: str | None = None, year: int | None = None, paragraph: int = -1,
                 threshold: tuple[str, str, float] | None = None, first_pct: float | None = None,
                 pledge: str | None = None, usd_subject: str | None = None, usd_year: int | None = None):
        self._subject, self._year, self._paragraph = subject, year, paragraph
        self.threshold, self._first_pct, self.pledge = threshold, first_pct, pledge
        self._pct_from: Sentence | None = None
        self.previous: Sentence | None = None  # the sentence just before (a restatement takes its time: restated_year)
        self.usd_subject, self.usd_year = usd_subject, usd_year
        self._set_year: int | None = None
        self._then_year: int | None = None
        self._then_from: Sentence | None = None
        self.gdp_table = -1
        self.table: Any = None  # the pasted table whose rows may follow (rules/table.py: a header read, its columns)
        self.rank: tuple[int, Claim] | None = None  # (paragraph, the last single place ranked there)
        self.report: tuple[str, int] | None = None  # (edition, paragraph) of a report presented then (vintage.py)
        self._subject_from: tuple[Sentence | None, Carry] | None = None  # (sentence or None, previous carry)
        self._year_from: tuple[Sentence | None, Carry] | None = None
        self._named: Named | None = None  # the allies of the last sentence that named any (context.py)
        self._named_from: tuple[Sentence, Carry] | None = None
        self.level: Level | None = None  # the level the sentence before gave one ally (context.py)
        self.count_plan = False  # the last count was a forecast or plan ("we expect eight allies to meet it this year")
        self._depth = 0

    @property
    def previous_low(self) -> str:
        """The folded text of the sentence just before ("according to this measure": its measure); "" for none."""
        return self.previous.low if self.previous is not None else ""

    def following(self, s: Sentence | None, last: Sentence) -> Carry:
        """The carry the next sentence starts from: threshold, pledge and US$ subject/year as self; subject and
        year are `s`'s last ally and year if it has them (s None: none), else self's; first_pct is the first
        percentage of `last`, the sentence just read; all worked out when asked."""
        if self._depth >= self.PENDING_LIMIT:
            self.subject, self.year, self.first_pct, self.named  # noqa: B018 - resolves the chain, so it stays short
            self._depth = 0
        nxt = _new_carry(Carry)
        nxt.threshold, nxt._first_pct, nxt._pct_from, nxt.pledge = self.threshold, None, last, self.pledge
        nxt.previous = last
        nxt.usd_subject, nxt.usd_year = self.usd_subject, self.usd_year
        nxt.gdp_table = self.gdp_table
        nxt.table = self.table
        nxt.rank = self.rank
        nxt.report = self.report
        nxt._named, nxt._named_from = None, (last, self)  # (the allies `last` names, else self's: when asked)
        nxt.level = None
        nxt.count_plan = self.count_plan
        if s is None and self._subject_from is None:
            nxt._subject, nxt._subject_from = self._subject, None
        else:
            nxt._subject, nxt._subject_from = None, (s, self)
        nxt._set_year = None
        nxt._then_year = None
        nxt._then_from = last if s is None else None  # ("In 2014 Spain spent 0.9% ... In that year": the time the
        # sentence before spoke of, though it held figures)
        if s is None and self._year_from is None:
            nxt._year, nxt._paragraph, nxt._year_from = self._year, self._paragraph, None
        else:
            nxt._year, nxt._paragraph, nxt._year_from = None, -1, (s, self)
        nxt._depth = self._depth + 1  # (first_pct always waits)
        return nxt

    @property
    def first_pct(self) -> float | None:
        if self._pct_from is not None:
            self._first_pct = next((q.value for q in self._pct_from.quantities if q.kind == "pct"), None)
            self._pct_from = None
        return self._first_pct

    @property
    def subject(self) -> str | None:
        if self._subject_from is not None:
            s, prev = self._subject_from
            ally = None if s is None else next(
                (e for e in reversed(s._subjects) if e.is_ally or e.code in ("NATO_EUR_CAN", "NATO_TOTAL")), None)
            self._subject = ally.code if ally is not None else prev.subject
            self._subject_from = None
        return self._subject

    @subject.setter
    def subject(self, value: str | None) -> None:
        self._subject, self._subject_from = value, None

    @property
    def named(self) -> Named | None:
        """The allies of the last sentence that named any, worked out when asked (context.py reads them)."""
        if self._named_from is not None:
            s, prev = self._named_from
            self._named = named_in(s) or prev.named
            self._named_from = None
        return self._named


    def _resolve_year(self, source: tuple[Sentence | None, Carry]) -> None:
        s, prev = source
        year = None if s is None else next(
            (t.year for t in reversed(s.times) if t.year and t.kind in ("this_year", "last_year", "year")
             and not _EVENT_AFTER.match(s.text, t.end) and not _target_set_year(s, t) and t not in s.statement_times
             and not _forecast_time(s, t)), None)
        # the year the sentence just before said a target was set: "at that time" points back to it
        self._set_year = None if s is None else next((t.year for t in reversed(s.times) if _target_set_year(s, t)), None)
        # the time the sentence just before spoke of, "N years ago" included: "at the time" points back to it
        self._then_year = None if s is None else next(
            (t.year for t in reversed(s.times) if t.year and t.kind in ("year", "ago", "last_year")
             and t not in s.statement_times), None)
        if s is not None and year is None and "years " in s.low and year_step(s.low, s.tokens) is not None:
            year = s.stepped_year()  # "Two years later, they were joined by ...": the next "Six years on" counts from it
        if s is not None and year is not None:
            self._year, self._paragraph = year, s.paragraph
        else:
            self._year, self._paragraph = prev.year, prev.paragraph
        self._year_from = None

    @property
    def year(self) -> int | None:
        if self._year_from is not None:
            self._resolve_year(self._year_from)
        return self._year

    @property
    def paragraph(self) -> int:
        if self._year_from is not None:
            self._resolve_year(self._year_from)
        return self._paragraph

    @property
    def then_year(self) -> int | None:
        """The year of the last time the sentence just before named ("A decade ago, ..."), if it named one."""
        if self._year_from is not None:
            self._resolve_year(self._year_from)
        if self._then_from is not None:
            last, self._then_from = self._then_from, None
            times = [t for t in last.times if t.year and t.kind in ("year", "ago", "last_year") and t not in last.statement_times]
            # a time opening the sentence frames all of it ("In 2014 (..., before 2024), Spain was last"), else the last
            self._then_year = times[0].year if times and times[0].start <= 3 else times[-1].year if times else None
        return self._then_year

    @property
    def target_set_year(self) -> int | None:
        """The year the sentence just before said a target was set in, if it did ("a goal agreed in 2014")."""
        if self._year_from is not None:
            self._resolve_year(self._year_from)
        return self._set_year

    def set_year(self, year: int | None, paragraph: int) -> None:
        self._year, self._paragraph, self._year_from = year, paragraph, None


# "the target of two percent ... set for each member at the summit in Riga in 2006": the year the target was set
TARGET_SET_IN = re.compile(r"\b(?:target|goal|guideline|benchmark|pledge|threshold|commitment|standard|requirement|level|mark|floor)\b"
                           r"(?:[^.;]|\.\d){0,80}\b(?:set|agreed|adopted|"
                           r"established|introduced|created|signed\sup\sto|committed\sto|pledged)\b[^.;]{0,60}$", re.I)


# a year counted from the one talked about: "The following year", "a year earlier", "Two years later", "Six years on",
# "three years before that", "the previous year" (folded text; the words are year_step.csv's). A bare "before" only
# ends its clause ("two years before the summit" counts from the summit); "on" only follows "years" ("a trillion
# dollars a year on defence"). "The previous (prior, preceding) year" names the baseline of a comparison ("rose 3%
# compared to the previous year"), so it is read only right after a figure, as that figure's year ("ten in 2024, up
# from six the previous year")
_YEAR_STEP = (r"\b(?:(?P<following>" + year_words("+1") + r")|(?P<previous>" + year_words("-1") + r")"
              r"|(?:the|a|(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|1[0-9]|[1-9]))\s(?:years?|(?P<decades>decades?))\s"
              r"(?:(?P<later>" + year_words("+n") + r")|" + year_words("-n") + r"))\b")
# one year back as a comparison's baseline: "spent more than a year earlier", "1.9% above the prior year", "lower
# this year than last year" (rules/real_change.py)
YEAR_BACK = (r"(?:a|the|one)\syear\s(?:" + year_words("-n") + "|" + year_words("-n", "today") + ")|" + year_words("-1")
             + "|" + year_words("-1", "today"))
_YEAR_STEP_ANYWHERE = gated(re.compile(_YEAR_STEP))  # (behind the words its matches need)
_YEAR_STEP_AFTER = re.compile(r"\s(?:in\s)?" + _YEAR_STEP)  # right after a figure, with its "in"


# the words that make a year step the baseline a change is counted from, not the year talked about: "grew 3 per cent
# on the year before", "a 4.9% rise over the year before" (the change is the year talked about)
_BASELINE_BEFORE = re.compile(r"\b(?:from|over|on|than|compared\s(?:to|with)|against|versus)\s$")


def year_step(low: str, tokens: frozenset[str], at: int | None = None) -> tuple[re.Match, int] | None:
    """The words that count a year from the one talked about in the folded sentence `low` whose words are `tokens`,
    and how many years forward (+) or back (-) they count: "The following year" +1, "a year earlier" -1, "Two years
    later" +2, "Six years on" +6; None when there are none. Searched in all of `low` (not "the previous year"), or right
    after offset `at`, a figure's end ("seven the previous year", "six in the year before")."""
    if at is not None:
        step = _YEAR_STEP_AFTER.match(low, at)
    elif _YEAR_STEP_ANYWHERE.may_match(low, tokens):
        step = next((m for m in _YEAR_STEP_ANYWHERE.scanner.finditer(low) if not m.group("previous")
                     and not _BASELINE_BEFORE.search(low, max(0, m.start() - 16), m.start())), None)
    else:
        step = None
    if step is None:
        return None
    n = step.group("n") or "one"
    k = (NUMBER_WORDS[n] if n in NUMBER_WORDS else int(n)) * (10 if step.group("decades") else 1)
    return step, k if step.group("following") or step.group("later") else -k


# a clause break before a contrasting clause, which has its own time (folded text)
_CONTRAST_BREAK = re.compile(r",\s(?:while|whereas|but|yet)\s|\s(?:while|whereas)\s|\s[—–]\s(?:while|but)\s")
_AT_THE_TIME = re.compile(r"\bat\sthe\stime\b(?!\sof\b)")
_new_carry = object.__new__


def _target_set_year(s: Sentence, t) -> bool:
    """A year naming when a target was set ("a goal agreed in 2014", "the target we set a decade ago"): not a data year
    for the next sentences."""
    return t.kind in ("year", "ago") and any(w in s.words for w in _TARGET_WORDS) \
        and TARGET_SET_IN.search(s.text, max(0, t.start - 140), t.start) is not None


_TARGET_WORDS = ("target", "goal", "guideline", "benchmark", "pledge")
# a year naming an event ("after Russia's 2022 invasion", "the 2014 Wales summit"): no data year to carry on
_EVENT_AFTER = re.compile(r"\s(?:[A-Z][\w'’-]+\s)?(?:" + alternation("events") + r")\b", re.I)

# between two coordinated figures: "2.23% and Latvia ", "1.21% and ", "(2.14%), Britain (" ...
_COORDINATED = re.compile(r"\)?\s?(?:,|,?\sand|;)\s(?:the\s)?(?:[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?\s?(?:\(|at\s|with\s|on\s)?)?")
# a participle clause after a comma, up to the figure ("..., contributing 3.52%"): it speaks of the main subject
# (a participle right before the figure, or before a range's lower end: "coming to 3 percent to 3.2 percent")
# (or after "with" and the spending: "B surpassed A with spending reaching 3.8%")
_PARTICIPLE_AFTER = re.compile(r"(?:,\s|\swith\s(?:its\s|their\s)?(?:defen[cs]e\s|military\s)?(?:spending|outlays|expenditures?"
                               r"|budgets?)\s)(?:\w+ing)\s(?:[\w'’-]+\s){0,2}(?:\d+(?:\.\d+)?\s?(?:%|percent|per\scent)?\sto\s)?$")
COMPARED_BEFORE = re.compile(r"\b(?:behind|ahead of|after|than|below|above|like|unlike|alongside|overtak\w+|surpass\w*|not|"
                              r"outspend\w*|trail\w*|beh\w+)\s(?:the\s|only\s|just\s)?(?:[\w'’-]+(?:,\s|\sand\s)(?:the\s)?){0,4}$",
                              re.I)
COMPARED_BEFORE_FOLDED = gated(folded_pattern(COMPARED_BEFORE))  # on a window of Sentence.low
_SAME_FIGURE = re.compile(r"\b(?:the|that|this)\s(?:[\w-]+\s){0,3}(?:figure|estimate)\s(?:is|was|stands|says)\b"
                          r"|\bputs? (?:it|the figure) at\b|^(?:VERDICT:\s\w+\.\s)?(?:it|NATO)\s(?:is|was|puts)\b", re.I)
# a habitual present says what holds over the years, not now: "The bottom places are traditionally held by A (0.9%)"
# continues the year the paragraph talks about (folded text)
_HABITUAL = re.compile(r"\b(?:traditionally|habitually|typically|usually|customarily|as\susual|as\sever|as\salways)\b")
_GROUP_SUPERLATIVE = re.compile(r"['’]s\s(?:\w+\s)?(?:biggest|largest|top|highest|lowest|smallest|richest|strongest|"
                                r"most|leading|main)\b", re.I)
# a superlative, then the group it ranks among ("the highest share of all allies", "the lowest of any NATO member")
_SUPERLATIVE_OF_BEFORE = re.compile(r"\b(?:highest|lowest|largest|biggest|smallest|greatest|most|least)\b(?:\s[\w'’-]+){0,4}?"
                                    r"\s(?:of|among)\s(?:all\s(?:the\s)?|any\s|the\s)?(?:other\s)?$", re.I)
# a time that is a comparison's baseline, not the figure's: "23 allies, twice as many as in 2021", "more than in 2023"
# (a change "on" its baseline too: "a 35% rise on the year before")
_BASELINE_TIME_BEFORE = gated(re.compile(r"\b(?:than|as many as|as much as|compared (?:with|to)|above|below|up on|down on"
                                         r"|(?:rise|increase|growth|gain|jump|fall|drop|decline|cut)\son|(?:%|\bper\s?cent|\bpercent)\son)\s"
                                         r"(?:in\s|during\s|at the end of\s)?(?:the\s)?$"))  # (on folded text)
_CLAUSE_GAP = re.compile(r"\s(?:and|while|but|whereas)\s(?!(?:it|its|this|that|which)\b)|,\swith\s")
# the event nouns of events.csv that date a war or a crisis ("after the 2022 invasion"): a year before one dates no
# figure of its sentence (a meeting's year is read by _MEETING_AFTER and the agreeing words instead)
# a year naming a norm: "the 2014 pledge", "the 2014 Wales commitment", "its 2023 spending target"
_NORM_AFTER_YEAR = re.compile(r"\s(?:[A-Z][\w'’-]+\s)?(?:NATO\s)?(?:defen[cs]e\s)?(?:spending\s)?(?:pledge|commitment|target"
                              r"|goal|guideline|benchmark|promise|agreement)s?\b", re.I)
WAR_AFTER = re.compile(r"\s(?:[A-Z][\w'’-]+\s)?(?:invasion|war|annexation|attacks?|crisis|pandemic|elections?|referendum)\b", re.I)
# before such a year: the time of the event named as a figure's own ("at the time of the 2014 summit, only four
# members met 2%": 2014's figures)
_AT_TIME_OF_BEFORE = re.compile(r"\b(?:at|around|by)\sthe\s(?:time|moment)\s(?:of\s(?:the\s)?)?$", re.I)  # ("of the" may be the time's)
# a statement's own time: after a presentation of figures ("at the launch of the annual report in March 2024",
# "presenting its report in March 2024") or fronted before NATO speaking ("In March 2024, Stoltenberg said", "In
# March 2024 the NATO chief put the number at"); the words are lexicon/en/vintages.csv's kind "presentation" and
# speech.csv's verbs
_PRESENTATION = "|".join(r["word"] for r in rows("vintages") if r["kind"] == "presentation")
_PRESENTED_BEFORE = re.compile(r"\b(?:" + _PRESENTATION + r")\s(?:of\s)?(?:the\s|its\s|NATO['’]s\s|the\salliance['’]s\s)?"
                               r"(?:[\w'’-]+\s){0,3}?(?:report|figures|estimates|data|numbers|tables)\s(?:[\w-]+\s){0,3}?"
                               r"(?:in|on|at)\s(?:[A-Z][a-z]+\s)?$"
                               # "the annual report (that NATO) presented in March 2024", "figures released in June 2023"
                               r"|\b(?:report|figures|estimates|data|numbers|tables),?\s(?:(?:that|which)\s)?(?:[\w'’-]+\s){0,2}?"
                               r"(?:" + _PRESENTATION + r")\s(?:[\w-]+\s){0,2}?(?:in|on|at)\s(?:[A-Z][a-z]+\s)?$", re.I)
_SPEECH = "|".join(r["word"] for r in rows("speech") if r["kind"] == "verb")
# (only NATO speaking: a figure another speaker gave then is judged on the edition current on the article's date; an
# aside may stand before the verb: "the Secretary General, presenting the annual report, said")
_SPOKEN_AFTER = re.compile(r",?\s(?:the\s)?(?:NATO|the alliance|alliance|Stoltenberg|Rutte|Secretary[- ]General|NATO['’]s)\b"
                           r"(?:\s[\w.'’-]+){0,4}?(?:,\s[^,.;]{1,80}?,)?\s(?:" + _SPEECH + r"|put|puts)\b", re.I)


# NATO speaking right before the time ("Stoltenberg said in March 2023 that ...", "the NATO chief told reporters in
# February 2024 that ...")
_NATO_SAID_BEFORE = re.compile(r"\b(?:NATO|the\salliance|Stoltenberg|Rutte|Secretary[- ]General)\b(?:['’]s)?(?:\s[\w.'’-]+){0,3}?"
                               r"\s(?:" + _SPEECH + r"|put|puts)\s(?:(?:reporters|journalists|the\spress)\s)?(?:in|on)\s"
                               r"(?:[A-Z][a-z]+\s)?$", re.I)
# "this year" dating a report whose figures follow ("NATO released a report this year that showed seven allies ...",
# "figures published this year show ..."): the report's time (lexicon vintages.csv: nouns, presentation words, verbs)
_REPORT_NOUNS = "|".join(r["word"] for r in rows("vintages") if r["kind"] == "noun")
_REPORT_BEFORE = re.compile(r"\b(?:" + _REPORT_NOUNS + r")(?:,?\s(?:(?:that|which)\s)?(?:(?:was|were)\s)?(?:" + _PRESENTATION
                            + r"))?,?\s$", re.I)
_REPORT_SHOWS_AFTER = re.compile(r",?\s(?:(?:that|which)\s)?(?:" + "|".join(
    r["word"] for r in rows("vintages") if r["kind"] == "verb" and r["word"] not in ("had", "expected")) + r")\b", re.I)


def statement_time(text: str, t) -> bool:
    """Whether the time `t` (with a year) dates NATO's statement or a report's presentation, not a figure."""
    if t.kind not in ("year", "month", "this_year") or t.year is None:
        return False
    start = t.start
    if text[start:start + 3].lower() == "in ":
        start += 3
    window = text[max(0, start - 80):start]
    if t.kind == "this_year":  # ("a report this year that showed ...": only a report dated by it, then what it shows)
        return _REPORT_BEFORE.search(window) is not None and _REPORT_SHOWS_AFTER.match(text, t.end) is not None
    if _PRESENTED_BEFORE.search(window) or _NATO_SAID_BEFORE.search(window):
        return True
    # "In March 2024 Stoltenberg said", "In March, the Secretary General, presenting the annual report, said": a fronted
    # time of a month (and year), then the speaker and the verb
    return t.end <= 20 and (t.kind == "month" or _MONTH_YEAR.search(text, 0, t.end) is not None) \
        and _SPOKEN_AFTER.match(text, t.end) is not None


STATEMENT_WORDS = frozenset({*(r["word"].lower() for r in rows("vintages") if r["kind"] in ("presentation", "noun")),
                             *MONTHS})
_MONTH_ALONE = re.compile(r"(?:in\s)?(?:January|February|March|April|May|June|July|August|September|October|November"
                          r"|December)", re.I)  # (a month time with no year of its own: "In March", not "in March 2024")
_YEAR_NEXT = re.compile(r",?\s(?:19|20)\d\d\b")
_MONTH_YEAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s(?:19|20)\d\d\b")
_ITS = gated(folded_pattern(re.compile(r"\b(?:its|their)\b", re.I)))  # on Sentence.low (the same spans)
_ITS_ONLY = re.compile(r"\bits\b")
_PLURAL_GROUP = re.compile(r"\b(?:members|allies|countries|nations|states)$")


def _singular_its_after(low: str, group, start: int) -> bool:
    """A group written in the plural ("NATO members") and, after it, "its" before the figure at `start`: "its" stands
    for an ally, not for the group."""
    return _PLURAL_GROUP.search(low, group.start, group.end) is not None and _ITS_ONLY.search(low, group.end, start) is not None
# a subject pronoun before a figure ("Greece is third after the US as it spent 2.28%"): an ally compared before it is
# not whom it stands for (on Sentence.low)
_SUBJECT_PRONOUN = re.compile(r"\b(?:as|since|because|while|and|but|where|when)\s(?:it|they)\s")
_WH_QUESTION = re.compile(r"^[\"“‘']?(?:(?:and|but|so)\s)?(?:why|how|how come|what makes)\b", re.I)
_FOR_AFTER = re.compile(r"\s(?:of\s(?:its\s|their\s)?GDP\s)?for\s(?:the\s)?")
# a time pointing back to the year just named ("spent 1.48% that year", "in the same year")
_THAT_YEAR = re.compile(r"\b(?:that|the\ssame|that\ssame)\syear\b(?!['’]s\s(?:target|goal|summit|pledge))")
# a bracket aside holding a figure that says it is today's: "Latvia (currently in fourth place, with 3.15%)"
# a count's denominator right before a number ("three countries out of 28", "ten of the 31", "seven of its 29";
# folded text)
_DENOMINATOR_BEFORE = re.compile(r"\b(?:out\sof|of\s(?:the|its|their|all)(?:\s[\w'’-]+)?)\s$")
# a verb of speech, then a quotation opening ("the chief said: \"So in 2017 ...", "she added, “This year ...")
# (or "adding:", "told reporters:")
_QUOTE_OPENS = re.compile(r"\b(?:" + _SPEECH + r"|adding|saying)(?:\s(?:reporters|journalists|the\spress|parliament|lawmakers))?"
                          r"\s?[:,]?\s?[\"“]", re.I)
# a sentence opening by restating the figure of the one before ("This means Italy spends 1.6%": lexicon restated.csv;
# on the folded text)
_RESTATED = re.compile(r"^[\"“‘'(]?(?:" + patterns("restated", "kind", "subject") + r")\s(?:(?:also|thus|therefore|in\sturn)\s)?"
                       # ("This is a record sum for Germany and corresponds to 2.01% of GDP": a restating verb after "and")
                       r"(?:(?:is|was|would\sbe|will\sbe)\s(?:[\w'’-]+\s){1,8}?and\s)?"
                       r"(?:" + patterns("restated", "kind", "verb") + r")(?![\w'’-])")
# words that put a sentence in the present whatever it restates ("That sum has since doubled, and Latvia now devotes")
_NOW = re.compile(rf"\b(?:{PRESENT}|so\sfar|as\sof)\b")
_PRESENT_IN_BRACKET = re.compile(rf"\([^()]*\b(?:{PRESENT})\b[^()]*$", re.I)
_NOW_AFTER_TIME = re.compile(r"(?:,\s(?:(?:and|but|while)\s)?|\s(?:and|but|while)\s)(?:it\s|they\s|the\scountry\s)?now\b")
# the set an ally is said to be one of: "was one of eight", "is among the", "counts among the few" (on Sentence.low)
_IN_SET_BEFORE = re.compile(r"\b(?:among|one\sof)\s(?:the\s|its\s|only\s|just\s)*(?:[\w-]+\s){0,2}$")
# between the two figures of "from X in 2014 to Y": the first one's time, then "to" (on Sentence.low)
_FROM_TO_BETWEEN = re.compile(r"\s(?:of\s(?:its\s|their\s)?gdp\s)?(?:in\s)?(?:19|20)\d\d\s(?:up\s|down\s)?to\s(?:[a-z]+\s){0,2}")
_FROM_BEFORE = re.compile(r"\bfrom\s(?:[a-z]+\s)?$")
# the level a planned move starts from, said to be today's: "to 2 percent by 2026 from 0.95 percent now", "up from
# the current 1.3%", "from its present 1.1 per cent", "from the current level of 1.2%" (on Sentence.low: "from", then
# the figure and "now", or "current")
_CURRENT_ORIGIN_BEFORE = re.compile(r"\bfrom\s(?:(?:the|its|their)\s(?:current|present)\s"
                                    # "from the current level of", "from its present share of" (a noun of level)
                                    r"(?:(?:level|percentage|share|ratio|rate|figure)\sof\s)?|today['’]s\s)?(?:about\s|around\s|roughly\s"
                                    r"|some\s|nearly\s|almost\s|just\s|only\s|a\smere\s)?$")
_NOW_AFTER = re.compile(r"(?:\s(?:of\s(?:its\s|their\s)?(?:gdp|economic\soutput))?)?\s?,?\s(?:" + PRESENT + r")\b")
# a group inside "of ... spending" (what a share is taken of), from the "of" before it (on Sentence.low)
_SPENDING_OF_GROUP = re.compile(r"of\s(?:the\s)?[^,;.]{0,60}?(?:spending|budgets?|expenditures?|outlays?)\b")
_LIST_GOES_ON = re.compile(r"\s(?:and|or|&)\s")  # after a comma, before an ally
_ASIDE = re.compile(r",\s(?:which|who)\s[^,;]{1,60},")  # a relative clause set off by commas
# how an aside on an ally opens: a relative pronoun (", which", ", whose") or a participle with its agent or cause
# (", long criticised by", ", repeatedly chided for"); and a conjunction after its closing comma (a clause of its own)
_ASIDE_OPENING = re.compile(r",\s(?:which|who|whose|whom)\b|,\s(?:(?:\w+ly|long|once|often)\s)?\w+(?:ed|en)\s(?:by|for|over)\b",
                            re.I)
# a passive verb and its agent, ending at the agent ("criticised by ", "was chided by NATO and "), and a "for" phrase
# after the agent that reaches the figure ("... officials for not meeting the ")
_AGENT_BEFORE = re.compile(r"\b\w+(?:ed|en)\sby\s(?:[^,;:()]{0,40}?\s(?:and|&)\s)?(?:the\s)?$", re.I)
_FOR_AFTER_AGENT = re.compile(r"[^,;:()]{0,30}?\sfor\s[^,;:()]{0,60}$", re.I)
_ASIDE_CLOSED_BY = re.compile(r",\s(?:and|but|or|while|whereas|though|although)\b", re.I)
_OWNED_BY_LATER = re.compile(r"\d\s?(?:%|per\s?cent|percent)\s(?:of\sGDP\s)?(?:for|in)\s(?:the\s)?$")
# after a group, a norm it set ("the NATO guideline", "NATO's 2% target"): the group names the norm, owns no figure
# a group named after a figure as the frame a rank places it in ("..., number one among NATO countries", "the most of
# all allies"): not whose the figure is (folded text, ending at the group)
_RANK_FRAME_BEFORE = re.compile(r"\b(?:number\s(?:one|1)|no\.\s?1|first|top|(?:the\s)?(?:most|highest|largest|biggest))\s"
                                r"(?:[\w-]+\s){0,2}?(?:among|amongst|of)\s(?:the\s|all\s|its\s)?(?:\d+\s)?(?:nato\s|(?:the\s)?alliance['’]?s?\s)?$")
_NORM_AFTER = re.compile(r"(?:['’]s)?\s(?:(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)|spending|defen[cs]e|agreed|new|old)\s){0,2}"
                         r"(?:guidelines?|targets?|goals?|benchmarks?|standards?|pledges?|thresholds?|minimum|commitments?|"
                         r"requirements?|rules?|line|bar|mark)\b", re.I)
_LATTER_BEFORE = re.compile(r"\bthe\s(latter|former)\b[^,;.()]{0,30}$", re.I)  # (the last / the one before it)
_IN_ALLY_AFTER = re.compile(r"\s(?:of\sGDP\s)?in\s(?:the\s)?(?=[A-Z])")  # (an ally, not a group: "1.5% in Europe")
# a figure whose owner is named after it: "the 3.92% of GDP Poland spent last year", "the 2% that Italy devotes"
_OWNER_AFTER = re.compile(r"\s(?:of\s(?:its\s|their\s)?(?:GDP|gross domestic product)\s)?(?:that\s|which\s)?(?:the\s)?")
# a figure whose owner's economy is named right after it: "4.7% of Poland's GDP", "3.9% of the republic's output"
_OF_OWNERS_GDP = re.compile(r"\s(?:of\s)(?=.{1,40}?['’ʼ]s?\s(?:(?:annual|national|entire|whole|total)\s)?(?:GDP|G\.D\.P\.|gross domestic product|"
                            r"economic output|output|economy)\b)")
_SPEND_VERB_AFTER = re.compile(r"\s(?:(?:had|has|have)\s)?(?:spent|spends|spend|devoted|devotes|invested|invests|allocated|"
                               r"allocates|budgeted|earmarked)\b")
_FOR_LIST = re.compile(r"(?:\sof\s(?:their\s)?GDP)?\s(?:for|by)\s(?:the\s)?")
_RESPECTIVELY = re.compile(r"\s?(?:of\s(?:their\s)?GDP\s?)?,?\s?respectively\b", re.I)
# a deadline that closes a target's name ("the new target of 3.5% of GDP by 2035 - spending 4.48%"): not the year of
# a figure after it
# (a norm's phrase may run long: "the goal the allies adopted at Wales of devoting no less than 2 percent of gross domestic
# product on defence by 2024")
TARGET_BEFORE = re.compile(r"\b(?:target|goal|guideline|benchmark|pledge|commitment|agreement)\b(?:[^,;.—–]|\.\d){0,120}$", re.I)


@functools.cache
def _NORM_CLAUSE_BEFORE() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """A relative clause or apposition on a norm, up to a deadline (lexicon/en/norm_deadline.csv): "the new 3.5% goal,
    which allies agreed to reach by", "the goal of 3.5%, which NATO asked members to reach by", "..., the level allies
    must reach by", "the 2% benchmark, to be met by" (on folded text, ending at the time)."""
    def alt(kind: str) -> str:
        return patterns("norm_deadline", "kind", kind)
    nouns = "|".join([r["pattern"] for r in rows("threshold_status") if r["role"] == "target"] + [alt("noun")])
    # (not "and that ...": a clause of its own, "nine clear the 2% bar and that 20 are projected to do so by 2024")
    return re.compile(rf"\b(?:{nouns})\b(?:[^,;.—–]|\.\d){{0,40}}?(?<!\sand)(?<!\sbut),?\s(?:{alt('relative')})\s"
                      rf"(?:[^,;.—–]|\.\d){{0,90}}$"
                      rf"|,\s(?:{alt('apposition')})\s(?:[\w'’-]+\s){{0,2}}(?:{nouns})\b(?:[^,;.—–]|\.\d){{0,90}}$"
                      # "the 2% level agreed at the Wales summit, to be reached by": a passive infinitive of reaching
                      rf"|\b(?:{nouns})\b(?:[^;.—–]|\.\d){{0,60}}?,?\s(?:{alt('passive')})\s$")


def _in_other_bracket(text: str, t, q) -> bool:
    """Whether the time `t` lies inside a bracketed aside that does not hold the figure `q`."""
    open_ = text.rfind("(", 0, t.start)
    if open_ < 0 or text.find(")", open_, t.start) >= 0:
        return False
    close = text.find(")", t.end)
    return close >= 0 and not open_ < q.start < close


def norm_deadline(text: str, low: str, t) -> bool:
    """A deadline written inside a target's own phrase ("the target of 3.5% by 2035") or in a relative clause or
    apposition on a norm ("the goal, which allies agreed to reach by 2035"): the norm's time, no figure's."""
    if t.kind != "deadline":
        return False
    return TARGET_BEFORE.search(text, max(0, t.start - 130), t.start) is not None \
        or _NORM_CLAUSE_BEFORE().search(low, max(0, t.start - 120), t.start) is not None


# a figure named as a target, not anyone's spending: "the new target of allocating 3.5% of GDP"
TARGET_OF_BEFORE = re.compile(r"\b(?:target|goal|guideline|benchmark|threshold)\sof\s(?:\w+ing\s)?(?:at least\s)?$", re.I)
_LIST_JOIN = re.compile(r"\s?(?:,|,?\sand|;)\s(?:the\s)?")
# a value right after an ally's name in a list of % of GDP (claims/listed.py reads it, _gdp_list_value judges it):
# "Latvia (2.1%)", "Lithuania second (4.0%)", "Lithuania (4.03)", "Poland 4.3,", "Greece: 3.76 per cent",
# "Luxembourg's 0.72%", "Poland - 3%"; "Spain, Belgium (both with 0.93%)", "(each at 2.1%)": one value the allies
# just listed share (rules/ally_pct.py)
# what a value after a name holds: a capitalised word, then "(", ":" or "'s" and a digit, or a decimal number
_LIST_VALUE_GATE = re.compile(r"[A-Z\u00C0-\u00DE][\w.'’-]*(?:\s[—–-])?(?:\s[a-z]+)?\s?\(\s?(?:est\.?\s|estimated\s)?\d|[A-Z\u00C0-\u00DE][\w.'’-]*(?::|['’]s|\s[—–-])\s\d"
                              r"|[A-Z\u00C0-\u00DE][\w.'’-]*\s(?:at\s)?\d{1,2}\.\d")
_LIST_CONTEXT = re.compile(r"%|per\s?cent|\bGDP\b|\b(?:table|ranking|ranked|list|top|bottom|behind|came|followed|"
                           r"guideline|target|bar|rear|lowest|highest|shares?)\b", re.I)


_GDP_BRACKET = re.compile(r"\bGDP\s\((?P<v>\d{1,2}\.\d{1,2})\)")
# a verbless line of a table under a header ("Portugal, 1.41 percent.", "Denmark: 1.3%"): name, separator, value
LIST_LINE = re.compile(r"(?P<rank>(?:No\.\s?)?(?:\d{1,2}|First|Second|Third|[A-Z][a-z]{2,6}th)\s?[:.–—-]\s|#\d{1,2}\s)?(?:the\s)?[A-Z\u00C0-\u00DE][\w.'’-]*(?:\s[A-Z\u00C0-\u00DE][\w.'’-]*){0,2}(?:\s?[,:–—-]\s?|\s)"
                       r"(?:about\s|around\s|roughly\s)?\d{1,2}(?:\.\d{1,2})?\s?(?:%|per\s?cent|percent)\.?")


_BARE_STOPS = frozenset({",", ";", ".", ")", "and", ""})


def _gdp_list_value(lv: ListedValue) -> str | None:
    """How a value after an ally's name reads as its % of GDP: "marked" when its form says so (in brackets, or after a
    colon, a possessive or a dash with its unit: "Latvia (2.1%)", "Greece: 3.76 per cent"), so a figure read there
    already is marked `listed`; "bare" for a decimal number that only a list's context makes one ("Poland 4.3,",
    "Poland at 4.3 and"), a new figure only; None for anything else."""
    if lv.whole_digits > 2:
        return None
    if lv.glue == "bracket":
        return "marked" if lv.closed else None
    if lv.glue in ("colon", "possessive", "dash"):
        return "marked" if lv.spaced and lv.unit else None
    if lv.glue == "bare" or lv.glue == "at" and not lv.comma and lv.spaced:
        ends_list = lv.each or lv.closed or lv.year is None and lv.stop is not None and lv.stop.strip() in _BARE_STOPS
        return "bare" if lv.decimals and lv.unit in ("", "%") and not lv.approx and ends_list else None
    return None


def _with_list_values(s: Sentence, found: list[Quantity]) -> list[Quantity]:
    """Values written after the allies of a list are read as their % of GDP (marked `listed`), also without a %
    sign when the sentence is about shares of GDP or a ranking; a verbless table line ("Portugal, 1.41 percent.")
    is one ally's % of GDP, also without a % sign under a header announcing % of GDP ("Poland: 4.12")."""
    if s.carry.gdp_table == s.paragraph and len(s.text) <= 60 and (bare := BARE_LIST_LINE.fullmatch(s.text)) \
            and s.entities and s.entities[0].is_ally and s.entities[0].start <= 4:
        group = "v" if bare.group("v") else "v2"
        start, end = bare.span(group)
        value = bare.group(group)
        return [*(q for q in found if q.end <= start or q.start >= end),
                Quantity(start, end, "pct", float(value), len(value.split(".")[1]), "eq", value, listed=True)]
    line = LIST_LINE.fullmatch(s.text) if len(s.text) <= 60 and len(found) == 1 else None
    if line is not None and found[0].kind == "pct" \
            and s.entities and s.entities[0].is_ally and s.entities[0].start <= 4 + line.end("rank") + 1:
        q = found[0]
        return [Quantity(q.start, q.end, "pct", q.value, q.decimals, q.comparator, q.text, listed=True)]
    if "GDP (" in s.text:  # "the highest rate as a share of GDP (3.54)": a bare value in brackets after GDP
        for bracket in _GDP_BRACKET.finditer(s.text):
            v = bracket.group("v")
            if not any(q.start <= bracket.start("v") < q.end for q in found):
                found = sorted([*found, Quantity(bracket.start("v"), bracket.end("v"), "pct", float(v),
                                                 len(v.split(".")[1]), "eq", v)], key=lambda q: q.start)
    if not any(e.is_ally for e in s.entities) or not _LIST_VALUE_GATE.search(s.text):
        return found
    context = _LIST_CONTEXT.search(s.text) is not None or s.carry.first_pct is not None
    by_start = {q.start: q for q in found}
    out = list(found)
    for e in s.entities:
        if not e.is_ally:
            continue
        lv = value_after(s.text, e.end)
        how = _gdp_list_value(lv) if lv is not None else None
        if lv is None or how is None:
            continue
        old = next((q for q in found if q.start <= lv.start < q.end), None)
        if old is not None:
            if old.kind == "pct" and how == "marked":
                out[out.index(old)] = Quantity(old.start, old.end, "pct", old.value, old.decimals, old.comparator,
                                               old.text, listed=True)
            continue
        if not context or lv.start in by_start or lv.value > 10:
            continue
        out.append(Quantity(lv.start, lv.end, "pct", lv.value, lv.decimals, "eq", lv.number, listed=True))
    out.sort(key=lambda q: q.start)
    return out


# what opens the next clause between a figure and a later time ("In 2022 it spent 1.38% and in 2023 1.54%"): when
# the figure's clause opened with its own time, the later time is the next clause's
_NEXT_CLAUSE = re.compile(r",|\b(?:and|but|while|whereas)\b")
# a later clause, after a comma, that speaks of what may or will come ("..., and this may rise by 4.1%"): a past
# year of the clause before it is not its time
_LATER_CLAUSE_MODAL = re.compile(r",\s(?:and\s|but\s|while\s)?(?:[\w'’-]+\s){0,4}?(?:may|might|could|will|is\sexpected\sto|"
                                 r"are\sexpected\sto|is\sset\sto|are\sset\sto)\s(?:[\w'’-]+\s){0,3}?$", re.I)


_OTHERS_NEXT = re.compile(r"\s(?:other\s[a-z]|others\b)")  # after a count: "17 others", "ten other allies" (folded)


@dataclass(init=False)
class Sentence:
    doc: str
    start: int
    end: int
    text: str
    paragraph: int
    today: dt.date
    asof: AsOf
    carry: Carry
    used: set[int] = field(default_factory=set)  # indices of quantities taken by a rule
    misconception: bool = False  # a standing misconception was found: no pledge claim on top of it

    def __init__(self, doc: str, start: int, end: int, text: str, paragraph: int, today: dt.date, asof: AsOf,
                 carry: Carry, used: set[int] | None = None, misconception: bool = False):
        self.doc, self.start, self.end, self.text, self.paragraph = doc, start, end, text, paragraph
        self.today, self.asof, self.carry = today, asof, carry
        self.used = set() if used is None else used
        self.misconception = misconception
        self.statement_edition: str | None = None  # the edition a statement time of this sentence named (vintage.py)
        self.shown = text  # the input's own text of the sentence (claims.iter_claims sets it when the reading differs)
        self.threshold_at: Quantity | None = None  # the quantity the count rule took as its threshold, once it took one
        self.found: list[Claim] = []  # the claims the rules before this one read in the sentence (claims.iter_claims)
        # the threshold handed on by the sentences before (the rules of this one may replace carry.threshold)
        self.threshold_before, self.pledge_before = carry.threshold, carry.pledge

    @cached
    def statuses(self) -> list:
        """Where a subject stands against a threshold named in words ("fell just shy of the 2% target", "is not
        meeting that standard"): claims/status.py, found once per sentence."""
        return statuses_of(self.text, self.low, self.tokens)

    @cached
    def words(self) -> frozenset[str]:
        """The [a-z]+ words of the folded sentence (`low`), as re.I sees them ("İTALY" holds "italy"): rules test
        these first, so most sentences cost one scan; the same set is a safe gate before a case-blind pattern."""
        return frozenset(_WORDS.findall(self.low))

    @cached
    def has_number(self) -> bool:
        """A digit, %, $, € or £: one scan answers both the sentence gate and the quantity gate."""
        return _HAS_NUMBER.search(self.text) is not None

    @cached
    def entities(self) -> list[Entity]:
        """Allies and groups named in the sentence, and those a pronoun or description stands for (context.py)."""
        found = [] if self.words.isdisjoint(entity_words()) else find_entities(self.text, self.low, self.tokens)
        return with_referents(self, found)

    @cached
    def quantities(self) -> list[Quantity]:
        if self.has_number or not self.words.isdisjoint(NUMBERISH):
            found = _with_list_values(self, find_quantities(self.text, self.low, self.tokens))
            if any(q.kind == "count" for q in found) and any(e.kind == "set" for e in self.entities):
                # "the two countries", "all three": the number names the allies stood for, it counts nothing
                sets = [(e.start, e.end) for e in self.entities if e.kind == "set"]
                found = [q for q in found if q.kind != "count" or not any(a <= q.start < b for a, b in sets)]
            return found
        return []

    @cached
    def pairs(self) -> dict[int, str]:
        """Quantity start -> ally, for values given in the order of the allies listed just before them
        ("Spain and Luxembourg, at 1.02% and 0.57%"; "Romania and Türkiye posted 45.6 and 44.1 percent")."""
        out: dict[int, str] = {}
        qs = [q for q in self.quantities if q.kind == "pct"]
        i = 0
        while i < len(qs):
            run = [qs[i]]
            while i + len(run) < len(qs) and _LIST_JOIN.fullmatch(self.text, run[-1].end, qs[i + len(run)].start):
                run.append(qs[i + len(run)])
            if len(run) >= 2:
                lo = max((q.end for q in self.quantities if q.end <= run[0].start), default=0)
                allies = [e for e in self._subjects if e.is_ally and lo <= e.start and e.end <= run[0].start]
                if len(allies) != len(run) and _RESPECTIVELY.match(self.text, run[-1].end):
                    # "Only A, B and C exceed 3.5% ..., spending 4.48%, 4.00% and 3.73% respectively": the last
                    # list of as many allies before the values, whatever stands between
                    allies = self._last_list_before(run[0].start, len(run))
                elif len(allies) != len(run) and (f := _FOR_LIST.match(self.text, run[-1].end)) is not None:
                    # "3.43%, 3.38% and 3.15% for Estonia, the US and Latvia respectively": the list after them
                    after = [e for e in self._subjects if e.is_ally and e.start >= f.end()][:len(run)]
                    if after and after[0].start == f.end() and _RESPECTIVELY.match(self.text, after[-1].end):
                        allies = after
                joined = all(_LIST_JOIN.fullmatch(self.text, a.end, b.start) for a, b in zip(allies, allies[1:], strict=False))
                if len(allies) == len(run) and joined and len({e.code for e in allies}) == len(allies):
                    out.update({q.start: e.code for q, e in zip(run, allies, strict=True)})
            i += len(run)
        return out

    def _last_list_before(self, end: int, n: int) -> list[Entity]:
        """The last n allies before `end` when they are joined by commas / "and" (else [])."""
        allies = [e for e in self._subjects if e.is_ally and e.end <= end][-n:]
        if len(allies) == n and all(joined(self.text, a, b, _LIST_JOIN) for a, b in zip(allies, allies[1:], strict=False)):
            return allies
        return []

    @cached
    def times(self) -> list[TimeRef]:
        """The sentence's times (dates.find_times), and a year counted back from the one talked about ("a year
        earlier", "two decades before that": year_step, from `step_base`) as an "ago" time in its place."""
        if self.words.isdisjoint(TIME_WORDS) and not _HAS_DIGIT.search(self.text):
            return []
        times = find_times(self.text, self.today, self.low)
        found = year_step(self.low, self.tokens)
        if found is not None and found[1] < 0:
            step, k = found
            base = self.step_base(times, step.start())
            year = (base if base is not None else self.today.year) + k  # (no year talked about: the article's date)
            counted = TimeRef(step.start(), step.end(), year, "ago", None, self.text[step.start():step.end()])
            times = sorted([*times, counted], key=lambda t: t.start)
        return times

    @cached
    def baseline_times(self) -> tuple[TimeRef, ...]:
        """The times that are a comparison's baseline, not a figure's ("twice as many as in 2021", "more than a year
        earlier", "a 35% rise on the year before"): right after _BASELINE_TIME_BEFORE's words."""
        if not self.times or not _BASELINE_TIME_BEFORE.may_match(self.low, self.tokens):
            return ()
        return tuple(t for t in self.times if _BASELINE_TIME_BEFORE.search(self.low, max(0, t.start - 30), t.start))

    @cached
    def data_times(self) -> list[TimeRef]:
        """`times` that can date a figure: with a year, of a kind that gives one, and not the year of a meeting
        where something was agreed ("four allies meet the standard agreed at the 2014 summit", "the requirement
        agreed upon in 2006")."""
        times = [t for t in self.times if t.year is not None and t.kind not in _NOT_DATA_YEAR]
        if times and len(times) < 6:
            # "after the 2022 invasion", "since the 2014 Wales summit": a year that modifies an event noun dates the
            # event, not a figure; a statement's own time ("Presenting the annual report in March 2024, ...",
            # "In March 2024 Stoltenberg said ...") dates the statement, not its figures (vintage.py judges those on
            # the edition current then, for the year it covers)
            text, said = self.text, self.statement_times
            times = [t for t in times if not (t.kind == "year" and (WAR_AFTER.match(text, t.end)
                                                                    or _NORM_AFTER_YEAR.match(text, t.end))
                                              and not _AT_TIME_OF_BEFORE.search(text, max(0, t.start - 24), t.start))
                     and t not in said]  # ("eight years after the 2014 pledge": the pledge's year, no figure's)
        low = self.low
        if times and ("summit" in low or "meeting" in low or "gathering" in low or "agreed" in low or "adopted" in low):
            text = self.text
            times = [t for t in times if not (_MEETING_AFTER.match(text, t.end)
                                              and _AGREED_BEFORE.search(text, max(0, t.start - 40), t.start)
                                              or _RULE_AGREED_BEFORE.search(text, max(0, t.start - 60), t.start))]
            if times and (made := TARGET_MADE.search(low)) is not None:
                times = [t for t in times if not made.start() <= t.start < made.end()]
        if times and ("which" in self.words or "who" in self.words):
            # "Finland, which joined last year, spends 2.41%": a time in an aside without a figure dates the aside only
            asides = [m.span() for m in _ASIDE.finditer(self.text)
                      if not any(m.start() <= q.start < m.end() for q in self.quantities)]
            if asides:
                times = [t for t in times if not any(a <= t.start < b for a, b in asides)]
        return times

    @cached
    def statement_times(self) -> list[TimeRef]:
        """The times (with a year) that date NATO's statement or a report's presentation (`statement_time`); a month
        named without a year ("In March, Stoltenberg said") is one of the year it falls in."""
        if self.words.isdisjoint(STATEMENT_WORDS):  # a presentation word or a month: what every statement time needs
            return []
        return [t for t in self.times if t.year is not None and statement_time(self.text, t)
                and (t.kind in ("year", "this_year") or t.kind == "month" and _MONTH_ALONE.fullmatch(t.text) is not None
                     and _YEAR_NEXT.match(self.text, t.end) is None)]

    @cached
    def is_question(self) -> bool:
        return self.text.rstrip("\"'”’ ").endswith("?")

    @cached
    def tokens(self) -> frozenset[str]:
        """`words` (the name claims.gates uses: the words a pattern's requirements are looked up in)."""
        return self.words

    @cached
    def low(self) -> str:
        """Case-folded text with the sentence's offsets (grammar.folded): for substring gates."""
        return folded(self.text)

    def subjects(self) -> list[Entity]:
        """Entities that can be a subject: allies, and groups that are not a source ("NATO's figures")."""
        return list(self._subjects)  # a copy: callers may reorder it

    @cached
    def _subjects(self) -> list[Entity]:  # computed once per sentence: rules ask for it many times
        entities = self.entities
        if not entities:
            return []
        out: list[Entity] = []
        text = self.text
        pressed = not self.words.isdisjoint(_PRESSURE_WORDS)  # a word every _PRESSURE_AFTER/_BEFORE match holds
        for e in entities:
            # a source, not a subject: "NATO's figures", "NATO says", "according to NATO" (a "NATO's" before the
            # alliance's own spending or aggregate is the NATO_TOTAL group, groups.csv: every "NATO's" left is another's)
            if e.kind == "group" and e.code == "NATO" and (
                    _SOURCE_AFTER.match(self.low[e.end:e.end + 40])
                    or text[e.end:e.end + 2] in ("'s", "’s")
                    or _SOURCE_VERB_AFTER.match(self.low, e.end)
                    or _SOURCE_BEFORE.search(self.low[max(0, e.start - 16):e.start])):
                continue
            if _EXCLUDED_BEFORE_FOLDED.search(self.low[max(0, e.start - 40):e.start]):
                continue  # "excluding the United States, ...": left out of the subject
            if e.code == "NATO" and _FOR_ALL_BEFORE.search(self.low, max(0, e.start - 24), e.start):
                continue  # "estimates published for all its members": whom a source covers, not a subject
            if e.is_ally and (_INCLUDED_AFTER.match(text, e.end) or _INCLUDING_BEFORE.search(self.low[max(0, e.start - 16):e.start])
                              and not _OWN_VALUE_AFTER.match(text, e.end)
                              and not _QUANTIFIER_INCLUDING.search(self.low, max(0, e.start - 60), e.start)):
                continue  # "with America included the figure is ...": part of a group, not the subject
            if pressed and e.is_ally and (_PRESSURE_AFTER.match(text, e.end)
                                          or _PRESSURE_BEFORE.search(text, max(0, e.start - 24), e.start)
                                          and not text[e.end + 1:e.end + 2].isupper()):
                continue  # "under U.S. pressure, the new goal is 5%": who pressed for the figure, not its subject
                # (not "pressure from US President ...": an office, read as such below)
            if e.kind == "group" and _GROUP_SUPERLATIVE.match(text, e.end) and any(o.is_ally for o in out):
                continue  # "Britain remains Europe's biggest spender": the group is the frame, the ally the subject
            if e.kind == "group" and any(o.is_ally for o in out) and _SUPERLATIVE_OF_BEFORE.search(
                    text, max(0, e.start - 60), e.start):
                continue  # "Greece spent the highest share of all allies, 3.8%": the group ranked among, not the subject
            out.append(e)
        return out

    def ally_for(self, q: Quantity, groups: bool = True) -> str | None:
        """The subject of a quantity: nearest preceding subject, else the first following, else carried.

        One backward walk over the subjects: `best` is the last subject ending before the quantity (groups
        left out when `groups` is False); an ally named after a last "NATO" group mention, less than 60
        characters before it, wins ("NATO ... Poland spent")."""
        start = q.start
        if getattr(q, "kind", None) == "pct" and start in self.pairs:
            return self.pairs[start]
        after = _FOR_AFTER.match(self.text, q.end)  # "compared with roughly 1.2% for Germany"
        if after:
            named = next((e for e in self._subjects if e.start == after.end()), None)
            if named is not None:
                return named.code
        elif (after := _IN_ALLY_AFTER.match(self.text, q.end)) is not None:  # "compared with 3.16% in the US"
            named = next((e for e in self._subjects if e.start == after.end() and e.kind != "group"), None)
            if named is not None:
                return named.code
        if "the lat" in self.low[max(0, start - 45):start] or "the for" in self.low[max(0, start - 45):start]:
            pointer = _LATTER_BEFORE.search(self.text, max(0, start - 45), start)
            if pointer is not None:  # "Italy and Belgium, the latter at 1.1%": Belgium's
                listed = [e for e in self._subjects if e.kind != "group" and e.end <= pointer.start()]
                if len(listed) >= 2:
                    return (listed[-1] if pointer.group(1).lower() == "latter" else listed[-2]).code
        of = _OF_OWNERS_GDP.match(self.text, q.end) if "of " in self.text[q.end:q.end + 5] else None
        if of is not None:
            named = next((e for e in self._subjects if of.end() <= e.start <= of.end() + 4 and e.kind != "group"
                          and self.text.startswith(("'", "’", "ʼ"), e.end)), None)
            if named is not None:
                return named.code  # "4.7% of the republic's GDP": the republic's figure
        owner = _OWNER_AFTER.match(self.text, q.end)
        named = None if owner is None or not self.text[owner.end():owner.end() + 1].isupper() else next(
            (e for e in self._subjects if e.start == owner.end() and e.kind != "group"), None)
        if named is not None and _SPEND_VERB_AFTER.match(self.text, named.end):
            return named.code  # "the 3.92% of GDP Poland spent": Poland's figure
        best = None
        pronoun = _ITS.search(self.low, 0, start) or (
            _SUBJECT_PRONOUN.search(self.low, 0, start) if "it" in self.words or "they" in self.words else None)
        for e in reversed(self._subjects):  # read, not changed
            if e.end <= start and pronoun and e.end <= pronoun.start() \
                    and COMPARED_BEFORE_FOLDED.search(self.low[max(0, e.start - 30):e.start]):
                continue  # "Norway now outspends the US ..., and its real budget grew": "its" is Norway's
            if e.end <= start and best is None \
                    and COMPARED_BEFORE_FOLDED.search(self.low[max(0, e.start - 30):e.start]) \
                    and _PARTICIPLE_AFTER.search(self.text, max(e.end, start - 60), start) \
                    and any(x.end <= e.start and x.kind != "group" for x in self._subjects):
                continue  # "A has fallen behind B ..., contributing 3.5%", "the US spends more than other allies,
                # amounting to 3.4%": the participle's figure is the subject's, not the compared ally's or group's
            if e.end <= start and e.kind == "group" and best is None and e.start >= 3 \
                    and (owner := _SPENDING_OF_GROUP.match(self.low, e.start - 3)) is not None and owner.end() >= e.end \
                    and any(x.kind != "group" and x.end <= e.start for x in self._subjects):
                continue  # "the US accounts for two-thirds of allied spending and spends 3.4%": the group owns the
                # spending a share is taken of, the ally is the subject
            if e.end <= start and e.kind == "group" and best is None \
                    and _IN_SET_BEFORE.search(self.low, max(0, e.start - 40), e.start) is not None \
                    and any(x.kind != "group" and x.end <= e.start for x in self._subjects):
                continue  # "Estonia, one of six allies that met it": Estonia is in the set
            if e.end <= start:
                if e.kind != "group":  # Entity.is_ally, without a call each
                    if best is None:
                        head = self._head_of_aside(e) or self._head_of_enclosing_aside(e, start) \
                            or self._patient_of_agent(e, start)
                        return head.code if head is not None else e.code
                    return e.code if best.code == "NATO" and (e.start > best.start - 60 or _NATO_EVENT_AFTER.match(
                        self.low, best.end) or _singular_its_after(self.low, best, start)) else best.code
                    # ("Vilnius ... at the latest NATO summit ... spend 1.8%"; "Spain ... targets agreed by NATO members,
                    # but he considers its spending of 2% enough": "its" is no plural group's)
                if groups and best is None:
                    best = e
        if best is not None:
            return best.code
        end = q.end
        for e in self._subjects:
            if e.start >= end and e.kind == "group" and _NORM_AFTER.match(self.text, e.end):
                continue  # "The amount, 2.85% of GDP, exceeds the NATO guideline": whose norm, not whose figure
            if e.start >= end and e.kind == "group" and _RANK_FRAME_BEFORE.search(self.low, max(end, e.start - 50), e.start):
                continue  # "we spend 4.1% - the most among NATO countries": the frame of a rank, not whose figure
            if e.start >= end and (groups or e.kind != "group"):
                if COMPARED_BEFORE_FOLDED.search(self.low[max(end, e.start - 30):e.start]):
                    break  # "with 2.16%, it ranks fourth, behind the US": the US is compared, not the subject
                if _OWNED_BY_LATER.search(self.text, max(end, e.start - 30), e.start):
                    break  # "1.3%, against 3.4% for the US": the later figure is the US's, not this one
                return e.code
        carried = self.carry.subject
        if self.quantified or carried is not None and len(carried) == 3 and plural(self):
            return None  # "They're all on 2% now": several allies, not the one carried from before
        return carried

    def _index(self, q: Quantity) -> int:
        """self.quantities.index(q) (the first element that is q or equals it): equal quantities have the
        same offsets, so the dataclass comparison runs only where those agree."""
        qs = self.quantities
        if qs and qs[0] is q:
            return 0
        qstart, qend = q.start, q.end
        for i, x in enumerate(qs):
            if x is q or x.start == qstart and x.end == qend and x == q:
                return i
        return qs.index(q)  # raises ValueError as before

    def _quote_between(self, q: Quantity, t) -> bool:
        """A quotation opens after the figure q and before the later time t, after a verb of speech ("with only five
        allies meeting the target, the NATO chief said: \"So in 2017, we must ...\""): the time is the quote's."""
        return t.start >= q.end and ('"' in self.text or "“" in self.text) \
            and _QUOTE_OPENS.search(self.text, q.end, t.start) is not None

    def _later_modal_clause(self, t, q: Quantity) -> bool:
        """A past year t before q belongs to an earlier clause when q's clause, after a comma, speaks of what may or
        will come ("in 2020 it rose by 3.5%, and this may rise by 4.1%"); and a future time t (a plan's deadline, "over
        the next decade") belongs to an earlier clause when a contrast opens q's ("Madrid has promised 2% by 2029, but
        it still spends 1.28%"; "..., while Germany is at 2.12%"): q's clause speaks of the present."""
        if t.end > q.start:
            return False
        if t.kind == "year" and t.year is not None and t.year < self.today.year and "," in self.text[t.end:q.start] \
                and _LATER_CLAUSE_MODAL.search(self.text, t.end, q.start) is not None:
            return True
        return t.year is not None and t.year > self.today.year \
            and _CONTRAST_BREAK.search(self.low, t.end, q.start) is not None

    def _baseline_before(self, t, q: Quantity) -> bool:
        """A time inside a comparison before q ("more than in 2023", "slower than 2023", "a 2.7% rise on 2019"), past
        an "and" or ", with": the comparison's baseline, not q's time."""
        return t.end <= q.start and t in self.baseline_times and _CLAUSE_GAP.search(self.text, t.end, q.start) is not None

    def year_for(self, q: Quantity) -> tuple[int | None, str]:
        """(data year, how): explicit time in the quantity's clause (up to the next quantity after it, back to
        the previous one; quantities other rules took for themselves do not bound it), the time of the next
        figure when q is coordinated with it ("Greece 2.23% and Latvia 2.01% in 2018"), any time in the sentence
        (only those ending before q when another quantity of q's kind is there), the year carried within the
        paragraph, or the latest year of the current edition (present tense)."""
        # (not a target's own deadline: "the new target of 3.5% by 2035 - spending 4.48%")
        low = self.low
        if "from" in self.words and self.is_current_origin(q):
            return self.latest_year(), "present"  # "to 2% by 2026 from 0.95 percent now": today's level
        if "year" in self.words and ("that year" in low or "same year" in low) \
                and (that := _THAT_YEAR.search(low, max(0, q.start - 60), q.end + 60)) is not None:
            # "which hosted the talks in 2023, spent 1.48% that year": the last year named before it
            # (the figure it follows closely, else the nearest: "from 0.97% of GDP that year to 1.21% in 2023")
            nearest = next((x for x in reversed(self.quantities) if x.end <= that.start() <= x.end + 16), None) \
                or min(self.quantities, key=lambda x: max(x.start - that.end(), that.start() - x.end, 0))
            # (a "since" year too: "has risen since 2016, from 0.95% in that year to 1.37% in 2023")
            named = [t for t in self.times if t.year and t.kind in ("year", "since") and t.end <= that.start()]
            if nearest.start == q.start and named:  # (not another figure's: "from $66m that year to $92m in 2019";
                return named[-1].year, named[-1].kind  # with no year named before it: the time talked about, below)
        targets = "target" in low or "goal" in low or "guideline" in low or "benchmark" in low or "pledge" in low \
            or "commitment" in low or "level" in low or "mark" in low or "threshold" in low or "floor" in low \
        or "agreement" in low
        times = [t for t in self.data_times if not (
            targets and (t.kind == "deadline" and norm_deadline(self.text, low, t)
                         or t.kind in ("year", "ago") and TARGET_SET_IN.search(self.text, max(0, t.start - 140), t.start)))]
        if times:
            qs = [x for i, x in enumerate(self.quantities) if x is q or (i not in self.used
                  or x.kind == "count" and x.start > q.end and _OTHERS_NEXT.match(self.low, x.end))
                  and not (x.kind == "count" and _DENOMINATOR_BEFORE.search(self.low, max(0, x.start - 24), x.start))]
            # (a membership after a count, "three countries out of 28", is the count's denominator: no figure of its
            # own between the count and the count's time, "... passed the 2% threshold in 2014")
            # (a count of "others" after it opens a clause of its own: "Poland spends 3.9%, and 17 others are
            # expected to reach 2% this year" - the time is the count's)
            idx = next((i for i, x in enumerate(qs) if x is q), None)
            if idx is None:  # not one of the sentence's own quantities (a rule's stand-in)
                qs, idx = [q], 0
            hi = qs[idx + 1].start if idx + 1 < len(qs) else len(self.text)
            if "(" in self.text[max(0, q.start - 80):q.start] and (own := self._time_of_bracket(times, q)) is not None:
                return own.year, own.kind  # "above last year (€2.9 billion, or 1.48% of output)"
            prev = next((x for x in reversed(self.quantities) if x.end <= q.start), None) if "from" in self.words else None
            if prev is not None and (pair := _FROM_TO_BETWEEN.fullmatch(self.low, prev.end, q.start)) \
                    and _FROM_BEFORE.search(self.low, max(0, prev.start - 12), prev.start):
                # "went from 1.2% in 2014 to 2.1% now": the time between the two is the first figure's, not the level
                # reached (that has its own time after it, else the present)
                times = [t for t in times if not pair.start() <= t.start < pair.end()]
                if not times:
                    return self.latest_year(), "present"
            if targets:
                times = [t for t in times if t.kind != "deadline" or t.end > q.start
                         or not norm_deadline(self.text, low, t)]
                if "(" in self.text and (outside := [t for t in times if not _in_other_bracket(self.text, t, q)]):
                    # "In 2014 (when leaders agreed to reach 2% before 2024), Italy spent 1%": a time inside a bracket
                    # about the target dates the bracket only, not a figure outside it
                    times = outside
            if self.baseline_times:
                # "23 allies, twice as many as in 2021", "a 44% rise compared to the previous year": the baseline's
                times = [t for t in times if t.start < q.end or t not in self.baseline_times]
            lo = qs[idx - 1].end if idx > 0 else 0
            # before q, in its clause, nearest first
            before = next((t for t in reversed(times) if lo <= t.end <= q.start and ";" not in self.text[t.end:q.start]
                           and not self._later_modal_clause(t, q) and not self._baseline_before(t, q)), None)
            for t in times:  # after q, in its clause (not "from 2014, when ...": the time of what follows it; not
                # past a comma when q's clause opened with its own time: "In 2020 it came to $1.03tn, in 2021 ...")
                if q.end <= t.start < hi and (not WHEN_AFTER.match(self.text, t.end) or t.start - q.end <= 2) \
                        and not (before is not None and _NEXT_CLAUSE.search(self.text, q.end, t.start)) \
                        and not self._quote_between(q, t) \
                        and ";" not in self.text[q.end:t.start] \
                        and not _CONTRAST_BREAK.search(self.low, q.end, t.start):  # (a time past a semicolon or
                    # a contrast is its own clause's: "just four did in that year, while today 19 do")
                    return t.year, t.kind
            if before is not None and idx + 1 < len(qs) and qs[idx + 1].kind == q.kind \
                    and _COORDINATED.fullmatch(self.text, q.end, hi) and _NEXT_CLAUSE.search(self.text, before.end, q.start) \
                    and any(t.start >= qs[idx + 1].end for t in times):
                # "A spends 2.12% this year, while B and C spent 1.19% and 1.50% respectively in 2023": the earlier
                # clause's time is not q's; q takes the time of the figure it is coordinated with
                return self.year_for(qs[idx + 1])
            if before is not None:
                if self._present_aside(before.end, q):
                    return self.latest_year(), "present"  # "In 2014 ..., such as Latvia (now fourth, with 3.15%)"
                if "now" in self.words and _NOW_AFTER_TIME.search(self.text, before.end, q.start):
                    return self.latest_year(), "present"  # "which spent 2.2% in 2022, now spends 4.12%": today's
                return before.year, before.kind
            if idx + 1 < len(qs) and qs[idx + 1].kind == q.kind and _COORDINATED.fullmatch(self.text, q.end, hi):
                return self.year_for(qs[idx + 1])
            same_kind = sum(1 for x in qs if x.kind == q.kind)
            for t in times:
                if any(q.end <= x.start and x.end <= t.start for x in qs):
                    continue  # after a later figure: that figure's time ("nearly 60%, from two-thirds two years ago")
                if ";" in self.text[min(t.end, q.end):max(t.start, q.start)]:
                    continue  # another clause's time ("In 2014 allies pledged ...; so far, 11 of 31 have")
                if self._later_modal_clause(t, q):
                    continue  # "rose 3.5% in 2020, and this may rise by 4.1%": the later clause's own (present) time
                if self._baseline_before(t, q):
                    continue  # "rose 11%, more than in 2023, and the US is at 3.38%": 2023 is the comparison's
                if self._quote_between(q, t):
                    continue  # "with five allies meeting it, the chief said: \"So in 2017, we must ...\"": the quote's
                if q.kind == "count" and t.start >= q.end and _CONTRAST_BREAK.search(self.low, q.end, t.start):
                    continue  # "two did back then, but in 2019 this number rose to seven": the later clause's
                if same_kind < 2 or t.end <= q.start:
                    if t.end <= q.start and self._present_aside(t.end, q):
                        return self.latest_year(), "present"
                    return t.year, t.kind
        carry = self.carry
        if (stepped := self.stepped_year()) is not None:
            return stepped, "carried"  # "The following year, the US spent about 4.08%": the year after the one talked about
        if "that time" in self.low or "back then" in self.low or "that year" in self.low or "same year" in self.low \
                or "at the time" in self.low \
                and _AT_THE_TIME.search(self.low) is not None:  # (not "at the time of writing": now)
            # "a goal set in 2014 ... At that time, three allies met it", "A decade ago, ... At the time, ..."
            then = carry.target_set_year if carry.target_set_year is not None else carry.then_year
            if then is None:
                then = carry.year  # ("In 2015 Italy spent 1.1%. In that year only four allies met 2%")
            if then is not None:
                return then, "carried"
        if ("this" in self.words or "that" in self.words) and (restated := self.restated_year()) is not None:
            return restated, "carried"  # "This means Italy spends 1.6% of GDP": the year of the figure it restates
        # (not in a dated statement or report: its figures are of the edition current then, vintage.py)
        if carry.year is not None and carry.paragraph == self.paragraph and not self.statement_times and (
                not PRESENT_TENSE_FOLDED.search(self.low) or _SAME_FIGURE.search(self.text) or _HABITUAL.search(self.low)):
            # "the latest figure is 2.16%", "NATO puts it at ...": the figure just talked about, in its year
            return carry.year, "carried"
        return self.latest_year(), "present"

    def restated_year(self) -> int | None:
        """The year of what the sentence restates when it opens by restating the sentence before ("This means Italy
        spends 1.6% of GDP", "That is equal to 1.81% of output": lexicon restated.csv) and says nothing of now: a
        time of this year or later that sentence gave (a forecast's or a deadline's, which the carried year leaves
        behind: "Rome will spend €29bn in 2025. This is 1.6% of GDP"), else the year carried, across a paragraph break
        too; None when the sentence restates nothing."""
        low = self.low
        if _RESTATED.match(low) is None or _NOW.search(low) is not None:
            return None
        before = self.carry.previous
        if before is not None:
            today = self.today.year
            ahead = next((t.year for t in reversed(before.data_times) if t.year is not None and t.year >= today
                          and t.kind in ("year", "deadline", "this_year", "next_year")
                          and not norm_deadline(before.text, before.low, t)), None)
            if ahead is not None:
                return ahead
        return self.carry.year

    def _time_of_bracket(self, times: list, q: Quantity):
        """The time written right before the bracket q stands in ("up on last year (€2.9 billion, or 1.48% of
        output)": last year's), when the bracket holds no time of its own; else None."""
        opened = self.text.rfind("(", max(0, q.start - 80), q.start)
        if opened < 0 or ")" in self.text[opened:q.start]:
            return None
        if any(opened < t.start < q.start for t in times):
            return None  # (a time of its own inside the bracket)
        return next((t for t in times if t.end <= opened and not self.text[t.end:opened].strip(" ,")), None)

    def _present_aside(self, after: int, q: Quantity) -> bool:
        """q sits in a bracket aside, opened after `after`, that says its figure is today's ("In 2014, ..., such as
        Latvia (currently in fourth place, with 3.15%)"): the present, not the earlier time."""
        return "(" in self.text[after:q.start] and _PRESENT_IN_BRACKET.search(self.text, after, q.start) is not None

    def stepped_year(self) -> int | None:
        """The year "the following year", "a year earlier", "Two years later", "Six years on" stand for: counted from a
        year of this sentence before the words, else the year carried from the sentences before (else the year a
        target they named was set: "agreed in 2014 ... Two years later, ..."); None when there is none."""
        found = year_step(self.low, self.tokens)
        if found is None:
            return None
        step, k = found
        base = self.step_base(self.times, step.start())
        return None if base is None else base + k

    def step_base(self, times: list[TimeRef], before: int) -> int | None:
        """The year a step of years at `before` counts from: a year among `times` before it, else the year carried from
        the sentences before (else the year a target they named was set)."""
        carry = self.carry
        return next((t.year for t in reversed(times) if t.kind == "year" and t.year and t.end <= before),
                    carry.year if carry.year is not None else carry.target_set_year)

    @cached
    def scope_change(self) -> str | None:
        """"without USA" when the sentence leaves the United States out of a group ("excluding the US"), "with
        USA" when it puts it in ("with America included"); else None."""
        for e in self.entities:
            if e.code != "USA":
                continue
            if _EXCLUDED_BEFORE_FOLDED.search(self.low[max(0, e.start - 40):e.start]):
                return "without USA"
            if _INCLUDED_AFTER.match(self.text, e.end) or _INCLUDING_BEFORE.search(self.low[max(0, e.start - 16):e.start]):
                return "with USA"
        return None

    @cached
    def speaker(self) -> str | None:
        """Who the sentence attributes its statement to (frame.speaker_of): once for all the sentence's claims (kept
        with the sentence, not in a cache keyed on its text, which would also answer for a sentence repeated in
        another article)."""
        return speaker_of(self.text, self.words)

    @cached
    def may_state_modality(self) -> bool:
        """Whether a clause of the sentence can state a modality (frame.may_state_modality): most cannot."""
        return may_state_modality(self.text, self.low, self.words, self.effect_markers)

    @cached
    def effect_markers(self) -> tuple[tuple[int, int, int], ...]:
        """The modality markers with an effect in the sentence (frame.markers_in): once for all its figures."""
        return markers_in(self.low, self.words)

    @cached
    def clause_breaks(self) -> tuple[tuple[int, int], ...]:
        """Where the sentence's clauses break (frame.clause_breaks): once for all the sentence's claims."""
        return clause_breaks(self.low)

    @cached
    def presupposes(self) -> bool:
        """A rhetorical wh-question carries a checkable statement ("Why is Germany stuck at 1.22%?" says Germany is
        at 1.22%); a yes/no question ("Does Germany spend 2%?") asserts nothing."""
        return self.is_question and _WH_QUESTION.match(self.text) is not None

    def _head_of_aside(self, e: Entity) -> Entity | None:
        """The ally an aside between commas hangs on, when `e` ends that aside: in "Germany, long criticised by
        Washington, is now at 2.12%" the figure is Germany's."""
        text = self.text
        if not text.startswith(",", e.end):
            return None
        opening = text.rfind(",", 0, e.start)
        if opening < 0 or _LIST_GOES_ON.match(text, opening + 1, e.start):
            return None  # (", and the U.K., who spent ...": the list goes on, no aside)
        return next((a for a in reversed(self._subjects) if a.is_ally and a.end <= opening
                     and not text[a.end:opening].strip()), None)

    def _head_of_enclosing_aside(self, e: Entity, start: int) -> Entity | None:
        """The ally an aside between commas hangs on, when `e` is named inside that aside and the aside closes
        before `start`: in "Canada, which has long been criticised by Washington for missing the target, is expected
        to spend 1.37%" or "Belgium, long criticised by the US and the Netherlands, is at 1.3%" the figure is the
        head's, not that of an ally the aside names."""
        text = self.text
        close = text.find(",", e.end, start)
        opening = text.rfind(",", 0, e.start)
        if close < 0 or opening < 0 or _ASIDE_OPENING.match(text, opening) is None \
                or any(c in text[opening:start] for c in ";:()") or _ASIDE_CLOSED_BY.match(text, close):
            return None  # (", and Germany spends 2.1%": a clause of its own after the aside)
        return next((a for a in reversed(self._subjects) if a.is_ally and a.end <= opening
                     and not text[a.end:opening].strip()), None)

    def _patient_of_agent(self, e: Entity, start: int) -> Entity | None:
        """The ally a passive verb is said of, when `e` is only its agent and the figure at `start` is in the "for"
        phrase after it: in "Canada, criticised by U.S. officials for not meeting the 2% target" or "Spain was
        faulted by the US for spending 1.3%" the figure is Canada's, Spain's, not the agent's."""
        if "by " not in self.low[max(0, e.start - 60):e.start]:
            return None  # (the word every agent phrase holds)
        m = _AGENT_BEFORE.search(self.text, max(0, e.start - 60), e.start)
        if m is None or _FOR_AFTER_AGENT.match(self.text, e.end, start) is None:
            return None
        return next((a for a in reversed(self._subjects) if a.is_ally and a.end <= m.start()), None)

    def set_of(self, code: str, q: Quantity) -> list[str]:
        """When the figure's owner `code` is one of the allies a description stands for ("the Baltic states at least
        5%"), all of them in order; else []."""
        owner = next((e for e in reversed(self.entities) if e.kind == "set" and e.code == code and e.end <= q.start), None)
        return [] if owner is None else [e.code for e in self.entities if e.kind == "set" and e.start == owner.start]

    @cached
    def quantified(self) -> bool:
        """The sentence's subject is some of the allies talked about ("None of them has reached 4%", "A number of them
        sit below 1%"): no figure of it falls back to the ally carried from before (context.py)."""
        return quantified(self)

    def listed_with(self, code: str, q: Quantity) -> list[str]:
        """The other allies of the list `code` ends, just before `q` ("Estonia and Britain spend 2.14% each")."""
        allies = [e for e in self._subjects if e.is_ally and e.end <= q.start]
        if not allies or allies[-1].code != code:
            return []
        out = []
        for a, b in zip(allies[-2::-1], allies[:0:-1], strict=False):  # walk back while the names are joined
            if not joined(self.text, a, b, _LIST_JOIN):
                break
            out.append(a.code)
        return out[::-1]

    def latest_year(self) -> int | None:
        return latest_year(self.asof)

    def is_current_origin(self, q: Quantity) -> bool:
        """The figure is the level a move starts from, said to be today's ("to 2 percent by 2026 from 0.95 percent
        now", "from the current 1.3%"): a statement of the present, not part of the plan."""
        before = _CURRENT_ORIGIN_BEFORE.search(self.low, max(0, q.start - 40), q.start)
        return before is not None and ("current" in before.group(0) or "present" in before.group(0)
                                       or "today" in before.group(0) or _NOW_AFTER.match(self.low, q.end) is not None)

    def is_plan(self) -> bool:
        return PLAN_WORDS_FOLDED.search_words(self.low, self.tokens) is not None

    def free(self, kinds: tuple[str, ...]) -> list[Quantity]:
        qs = self.quantities
        if not qs:
            return []
        used = self.used
        if not used:
            return [q for q in qs if q.kind in kinds]
        return [q for i, q in enumerate(qs) if q.kind in kinds and i not in used]

    def take(self, q: Quantity) -> None:
        self.used.add(self._index(q))


def latest_year(asof: AsOf) -> int | None:
    """The latest year with % of GDP figures in the editions released by the date (present tense)."""
    if asof.e0 is None:
        return asof.day.year
    for ed in reversed(asof.released):
        years = asof.data.edition_years(ed, "def_exp_pct_gdp")
        if years:
            return max(years)
    return asof.day.year


@dataclass
class Claim:
    """One checkable claim found in a sentence (before verification)."""

    type: str
    code: str
    sentence: Sentence
    subject: str | None
    metric: str
    value: Any
    comparator: str = "eq"
    year: int | None = None
    quantity: Quantity | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    rule: Any = None  # the rule that read it (for debugging: judging goes by its frame's measure)

    @cached
    def frame(self) -> Frame:
        """What the claim was read as, made once when first asked (extraction alone never needs it): its
        measure judges it from this alone."""
        return frame_of(self)


# a table line without its unit ("Poland: 4.12", "Estonia, 3.43"): read only under a header announcing % of GDP
BARE_LIST_LINE = re.compile(r"(?:the\s)?[A-Z\u00C0-\u00DE][\w.'’-]*(?:\s[A-Z\u00C0-\u00DE][\w.'’-]*){0,2}\s?[,:–—-]?\s"
                            r"(?P<v>\d{1,2}\.\d{1,2})\.?|(?:the\s)?[A-Z\u00C0-\u00DE][\w.'’-]*(?:\s[A-Z\u00C0-\u00DE][\w.'’-]*){0,2}"
                            r"[,:–—-](?P<v2>\d{1,2}\.\d{1,2})\.?")
# a header announcing a table of shares of GDP: it speaks of GDP, not of money, and ends with a colon or is a title
# line without a full stop ("Defence spending as a share of GDP, 2024 (estimated)")
GDP_TABLE_HEADER = re.compile(r"\b(?:GDP|gross domestic product|economic output)\b[^$€£.!?]*(?::\s*|[^.!?:]\s*)$", re.I)
MONEY_WORDS = re.compile(r"[$€£]|\b(?:billion|million|dollars|euros)\b", re.I)


def _table_line(piece: str) -> bool:
    """A verbless table line ("Portugal, 1.41 percent.", "Poland: 4.12"): it stays in the paragraph of its header."""
    return len(piece) <= 60 and (LIST_LINE.fullmatch(piece) is not None or BARE_LIST_LINE.fullmatch(piece) is not None)


# a note between a list's header and its items ("All figures are estimates.", "Source: NATO", "Iceland has no army."):
# a short line with no digit; at most this many stand between them
_NOTE_MAX_CHARS = 120
_NOTES_MAX = 2


# a list item's mark that the sentence splitter gives as a piece of its own ("1.", "12)", "No. 3")
_ITEM_MARK = re.compile(r"(?:No\.\s?)?\d{1,2}[.)]|[a-z][.)]")


def _note_line(piece: str) -> bool:
    return len(piece) <= _NOTE_MAX_CHARS and not any(map(str.isdigit, piece))


def numbered_spans(text: str) -> Iterator[tuple[int, int, str, int]]:
    """`grammar.iter_spans` with each sentence's paragraph number (a line break between two sentences starts a
    new paragraph). A verbless table line stays in the paragraph of the line before it (its header, which gives
    its year), and so do the notes between a header and its first table line ("Here is each ally's spending in 2023
    as a share of GDP." / "All data comes from NATO." / "Poland 3.92%": the list is 2023's): up to two short lines
    without a digit, each on its own line, right before a table line; an item's mark split off as a piece of its own
    ("1." then "Greece: 3.88%") stays with its item."""
    paragraph = 0
    last_line_end = 0
    pending: list[tuple[int, int, str]] = []  # note-like lines on their own lines, waiting to see what follows them
    for start, end, piece in iter_spans(text):
        new_line = text.find("\n", last_line_end, start) >= 0
        last_line_end = end
        if new_line and (_note_line(piece) or _ITEM_MARK.fullmatch(piece)) and len(pending) < _NOTES_MAX:
            pending.append((start, end, piece))
            continue
        # (a table line after a line break, or after its own item mark on the line: "2." / "Greece: 3.88%")
        table = (new_line or bool(pending) and _ITEM_MARK.fullmatch(pending[-1][2]) is not None) and _table_line(piece)
        for n_start, n_end, n_piece in pending:  # notes of a header stay in its paragraph, other lines open their own
            if not table:
                paragraph += 1
            yield n_start, n_end, n_piece, paragraph
        if pending and not table:
            pending = []
            if not new_line:
                yield start, end, piece, paragraph
                continue
        pending = []
        if new_line and not table:
            paragraph += 1
        yield start, end, piece, paragraph
    for n_start, n_end, n_piece in pending:
        paragraph += 1
        yield n_start, n_end, n_piece, paragraph
