"""Time in a sentence, resolved against the article's date: years, "this year", "last year", "next
year", "by 2035", "in June", "last April", "N years ago", "next week"."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .grammar import folded, folded_pattern
from .lexicon import alternation, patterns, rows

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "a": 1}


def year_words(step: str, counted_from: str = "talked") -> str:
    """The words of lexicon year_step.csv that count `step` years ("-n" / "+n": back / forward by the count of years or
    decades before them; "-1" / "+1": one, the words alone) from `counted_from` ("talked": the year talked about;
    "today": the article's date), as one alternation in file order. Each reader keeps its own question: TIME (a time
    before the article's date), extract.year_step (the year of a figure), extract.YEAR_BACK (a comparison's baseline)."""
    return "|".join(r["pattern"] for r in rows("year_step") if r["step"] == step and r["from"] == counted_from)


TIME = re.compile(
    r"(?<![\w$€£.,])(?=[A-Za-z0-9])(?P<prep>\b(?:by|in|since|from|until|till|before|after|for|of|through)\s{1,3})?(?:the\s)?"
    r"(?:(?<![\d$€£.,])(?P<year>(?:19[4-9]\d|20\d\d))(?![\d%]|\s?(?:per\s?cent|percent|bn|billion)|\s(?:prices|dollars|US\s?dollars|constant)\b)"
    r"|(?P<rel>this|last|next|previous|the coming|the current)\s(?P<unit>year|week|month|decade)(?!s\b)"
    # (year_step.csv's words counted from the article's date: "N years ago"; "N years earlier" counts from the year
    # talked about, extract.year_step reads it)
    r"|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s(?P<nunit>years?|decades?)\s(?:"
    + year_words("-n", "today") + ")"
    r"|(?P<mrel>last|next|this)?\s?(?P<month>January|February|March|April|May|June|July|August|September"
    r"|October|November|December)(?!\s\d{1,2},?\s\d{4})"
    r"|(?P<decade_end>end\sof\s(?:the|this)\sdecade|decade['’]s\send)"  # "by the end of the decade": its last year
    r"|(?P<decade>within a decade|over the next (?:\w+ )?years|in the coming years|next five years))",
    re.I)
# TIME without re.I for grammar.folded text (same offsets): folding keeps what \w, \s, \d and these classes
# match and turns a re.I match of an ASCII letter into equality (checked over every code point), so it finds the
# same spans and group spans, about twice as fast. The group texts are read back from the original text.
TIME_FOLDED = folded_pattern(TIME)
# Every TIME match holds one of these (on the case-folded text) at most 26 characters after its start
# ("through   the the current year"): TIME is searched only from just before each, not at every position.
_ANCHOR = re.compile(r"19[4-9]\d|20\d\d|year|week|month|decade|next|coming|" + "|".join(MONTHS))
_ANCHOR_REACH = 28


# _ANCHOR's words: found with `in` and str.find (a regex search runs its matcher at every a, c, d, m, n, o, s ...)
_ANCHOR_WORDS = ("year", "week", "month", "decade", "next", "coming", *MONTHS)
assert _ANCHOR.pattern == r"19[4-9]\d|20\d\d|" + "|".join(_ANCHOR_WORDS)
# the words behind a gate each holds: one `in` test for january and february ("uary"), for september, november
# and december ("mber"), for june and july ("ju"); the other words are their own gate
_ANCHOR_GROUPS = (("uary", ("january", "february")), ("mber", ("september", "november", "december")),
                  ("ju", ("june", "july")),
                  *((w, (w,)) for w in _ANCHOR_WORDS if w not in ("january", "february", "september", "november",
                                                                  "december", "june", "july")))
assert sorted(w for gate, words in _ANCHOR_GROUPS for w in words if gate in w) == sorted(_ANCHOR_WORDS)


def _anchor_starts(low: str) -> list[int]:
    """The start of every _ANCHOR match at any position (overlapping ones too), sorted: the first one at or after
    pos is where _ANCHOR.search(low, pos) matches."""
    out = []
    find = low.find
    for gate, words in _ANCHOR_GROUPS:
        if gate in low:
            for word in words:
                i = find(word)
                while i >= 0:
                    out.append(i)
                    i = find(word, i + 1)
    if "19" in low:  # 19[4-9]\d (\d is str.isdecimal, per character, in re)
        i = find("19")
        while i >= 0:
            c = low[i + 2:i + 3]
            if c and c in "456789" and low[i + 3:i + 4].isdecimal():
                out.append(i)
            i = find("19", i + 1)
    if "20" in low:  # 20\d\d
        i = find("20")
        while i >= 0:
            c = low[i + 2:i + 4]
            if len(c) == 2 and c.isdecimal():
                out.append(i)
            i = find("20", i + 1)
    out.sort()
    return out


# What a TIME match can hold before its first anchor (on the folded text): an optional preposition, "the",
# and "this/last/next/previous/the coming/the current", a number (\d{1,2}, one..ten, a), "within a", "over the",
# "in the", as whole words separated by \s (only "last/next/this" may touch a month: "\s?"). So if a match
# starts at s before the first anchor a at or after pos, low[s:a] is: whole words of _LEAD_WORDS (or 1-2 digit
# numbers), each after \s or the match start, then \s or a prefix of such a word touching a; and low[s-1] is no
# \w (TIME's look-behind). _BACK, matched on the reversed text from a, walks back over exactly such words and
# stops at the first that is not one (or is glued to a \w character): the match cannot start before where it
# stops, so TIME is searched from there instead of from a - 28 (the same leftmost match, fewer positions tried).
_LEAD_WORDS = ("by", "in", "since", "from", "until", "till", "before", "after", "for", "of", "through", "the",
               "this", "last", "next", "previous", "coming", "current", "one", "two", "three", "four", "five", "six",
               "seven", "eight", "nine", "ten", "a", "within", "over", "end")
_LEAD_PREFIXES = {w[:i] for w in _LEAD_WORDS for i in range(1, len(w) + 1)}


def _reversed_alternation(words) -> str:
    """The words reversed, as a trie ("(?:e(?:no|...)|...)": one test per character instead of one per word).
    Each is followed by (?!\\w) in _BACK, so at most one word can match at a place: the order is immaterial."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w[::-1]:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch] + ([""] if "" in node else [])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


# (the word touching a: any run of up to 8 ASCII letters or digits, more than a prefix of a lead word (at most 8
# letters) or \d{1,2}: the walk may go further back, never less far)
_BACK = re.compile(rf"(?:[a-z\d]{{1,{max(map(len, _LEAD_PREFIXES))}}}(?!\w))?"
                   rf"(?:\s+(?:{_reversed_alternation(_LEAD_WORDS)}|\d{{1,2}})(?!\w))*")


def _time_window_matches(low: str):
    """TIME_FOLDED.finditer(low), skipping the stretches that hold no anchor (as before: the first anchor at
    or after pos, then TIME searched from 28 characters before it, or from where _BACK stops; no match there,
    none after it either)."""
    anchors = _anchor_starts(low)
    k, n, pos = 0, len(anchors), 0
    if n:
        rev, size = low[::-1], len(low)
    while k < n:
        a = anchors[k]
        if a < pos:  # to the first anchor at or after pos
            k += 1
            continue
        # low[q:a] reversed is rev[size - a:size - q]; _BACK stops at rev offset e, i.e. at low offset size - e
        back = _BACK.match(rev, size - a, size - max(pos, a - _ANCHOR_REACH))
        assert back is not None  # every part of _BACK is optional: it matches at least the empty string
        m = TIME_FOLDED.search(low, size - back.end())
        if m is None:
            return
        yield m
        pos = m.end()  # TIME never matches the empty string


def future(reader: str, tail: str = r"\b") -> re.Pattern:
    """The phrasings of the future that `reader` knows (lexicon future.csv, which says what each reader is for), as
    one pattern on whole words of the folded text; `tail` is what must follow the phrasing (a word boundary)."""
    return re.compile(rf"\b(?:{patterns('future', 'reader', reader)}){tail}")


# a time a forecast is made for, in a sentence without figures ("A stronger rise is expected for 2024", "spending will
# grow again this year"): not the time of the figures that follow it (folded text)
FORECAST_FOR = future("forecast_for")


@dataclass(unsafe_hash=True, slots=True)  # never changed once made (docs/claims.md, Speed: not frozen)
class TimeRef:
    start: int
    end: int
    year: int | None
    kind: str  # year, deadline, since, this_year, last_year, next_year, month, ago, week, future
    month: int | None = None
    text: str = ""


# the words that put a figure or a clause in the present ("now", "currently", "at present": lexicon present.csv), as an
# alternation for patterns on the case-folded text (whole words: put it inside \b(?:...)\b)
PRESENT = alternation("present", "pattern")
PRESENT_WORD = re.compile(rf"\b(?:{PRESENT})\b")  # (on folded text)

WHEN_AFTER = re.compile(r",?\s(?:when|in which)\b", re.I)
_CLAUSE_EDGE = re.compile(r"[;:—–]|\s(?:but|while|whereas|although|though)\s")


@functools.cache
def _PAST_POINT() -> tuple[re.Pattern, re.Pattern]:  # noqa: N802 - constants read from the lexicon
    """(a verb of the past, a word of plan or promise), whole words on folded text (lexicon/en/past_point.csv)."""
    def alt(kind: str) -> re.Pattern:
        return re.compile(r"(?<![\w'’-])(?:" + patterns("past_point", "kind", kind)
                          + r")(?![\w'’-])")
    return alt("past"), alt("plan")


def _past_point(low: str, start: int, end: int) -> bool:
    """The clause of the time at low[start:end] is told in the past and plans nothing: a "by YEAR" there is when the
    figure stood, not a deadline."""
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(low, 0, start)), default=0)
    hi = next((m.start() for m in _CLAUSE_EDGE.finditer(low, end)), len(low))
    past, plan = _PAST_POINT()
    return past.search(low, lo, hi) is not None and plan.search(low, lo, hi) is None


def find_times(text: str, today: dt.date, low: str | None = None) -> list[TimeRef]:
    out = []
    # the window matches are on the folded text; group texts are read from `text` by their spans (the same); a
    # group that takes part is never empty here, so "m.group(x)" being truthy is "x takes part" (span start >= 0)
    low = folded(text) if low is None else low
    for w in _time_window_matches(low):
        span = w.span
        s, e = span("prep")
        prep = text[s:e].strip().lower() if s >= 0 else ""
        start, end = span()
        s, e = span("year")
        if s >= 0:
            year = int(text[s:e])
            kind = "deadline" if prep in ("by", "until", "till") else "since" if prep in ("since", "from") else "year"
            if kind == "deadline" and prep == "by" and year < today.year and _past_point(low, start, end):
                kind = "year"  # "By 2017, the share had slipped to 0.88%": when it was reached, no deadline
            if kind == "since" and WHEN_AFTER.match(text, end):
                kind = "year"  # "a rise from 2014, when just three allies met it": the year of what follows
            out.append(TimeRef(start, end, year, kind, None, text[start:end]))
            continue
        s, e = span("rel")
        if s >= 0:
            rel = text[s:e].lower()
            s, e = span("unit")
            unit = text[s:e].lower()
            if unit == "year":
                shift = {"this": 0, "the current": 0, "last": -1, "previous": -1, "next": 1, "the coming": 1}[rel]
                kind = {0: "this_year", -1: "last_year", 1: "next_year"}[shift]
                out.append(TimeRef(start, end, today.year + shift, kind, None, text[start:end]))
            elif unit == "week":
                day = today + dt.timedelta(days={"last": -7, "previous": -7, "next": 7}.get(rel, 0))
                out.append(TimeRef(start, end, day.year, "week", day.month, text[start:end]))
            elif unit == "month":
                month = today.month + {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
                year = today.year + (month - 1) // 12
                out.append(TimeRef(start, end, year, "month", (month - 1) % 12 + 1, text[start:end]))
            else:
                out.append(TimeRef(start, end, today.year + 10 if rel != "last" else today.year - 10,
                                   "future" if rel != "last" else "ago", None, text[start:end]))
            continue
        s, e = span("n")
        if s >= 0:
            g = text[s:e]
            n = _SMALL.get(g.lower()) or int(g) if g.isdigit() or g.lower() in _SMALL else 1
            s, e = span("nunit")
            years = n * (10 if text[s:e].lower().startswith("decade") else 1)
            out.append(TimeRef(start, end, today.year - years, "ago", None, text[start:end]))
            continue
        s, e = span("month")
        if s >= 0:
            g = text[s:e]
            month = MONTHS[folded(g)]
            s, e = span("mrel")
            mrel = text[s:e].lower() if s >= 0 else ""
            if g == "May" and not mrel and prep != "in":
                continue  # the modal verb
            year = today.year
            if mrel == "last" and month >= today.month:
                year -= 1
            elif mrel == "next" and month <= today.month:
                year += 1
            elif not mrel and prep == "in" and month < today.month - 1:
                year = today.year  # "in June" written in a later month: this year's June
            out.append(TimeRef(start, end, year, "month", month, text[start:end]))
        elif span("decade_end")[0] >= 0:  # (2030 for a text of the 2020s, as "by 2030")
            out.append(TimeRef(start, end, today.year // 10 * 10 + 10, "deadline" if prep in ("by", "until", "till")
                               else "future", None, text[start:end]))
        else:
            out.append(TimeRef(start, end, today.year + 10, "future", None, text[start:end]))
    return out
