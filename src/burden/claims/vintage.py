"""Figures the text attributes to a named older edition: "last year's estimate had put German spending at
2.12%", "NATO's spring report said 22", "in June 2024 NATO estimated that Poland would spend 4.12%", "a year ago
NATO put it at ...". Such a
figure says what that edition said, so it is judged on that edition (the data as it stood on its release day),
not on the edition current on the article's date (where it would only be `outdated`).

Only an edition named as the SOURCE of what follows (a report verb after it, or "NATO estimated" after the month)
governs, and only the figures after it in its clause (up to a semicolon or the next named edition): "That was the
June estimate; the spring report said 22, and the August tables put it at 18" gives each figure its own source.
The words live in lexicon/<language>/vintages.csv."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re

from .dates import MONTHS
from .extract import STATEMENT_WORDS, Claim, Sentence, latest_year
from .grammar import folded_pattern
from .lexicon import rows
from .verify import AsOf


@functools.cache
def _lexicon() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in rows("vintages"):
        out.setdefault(r["kind"], []).append(r["word"])
    return out


@functools.cache
def _pattern() -> re.Pattern:
    """A named edition before a verb of the lexicon, on `Sentence.low` (grammar.folded_pattern: its groups are
    lower case)."""
    lex = _lexicon()
    nouns = "|".join(map(re.escape, lex["noun"]))
    verbs = "|".join(map(re.escape, lex["verb"]))
    months = "|".join(m.capitalize() for m in MONTHS)
    annual = "|".join(map(re.escape, lex["annual"]))
    named = (rf"(?:NATO['’]s\s|the\s|its\s)?(?:(?P<last>last\syear['’]s)\s(?:NATO\s)?(?:[\w-]+\s)?"
             rf"|(?P<month>{months})(?:\s(?P<year>(?:19|20)\d\d))?\s(?:[\w-]+\s)?"
             rf"|(?P<annual>{annual})\s(?:annual\s)?)(?P<noun>{nouns})")
    return folded_pattern(re.compile(
        rf"\b{named}\s(?:had\s|has\s|then\s|first\s)*(?:{verbs})\b"
        rf"|\bin\s(?P<month2>{months})\s(?P<year2>(?:19|20)\d\d),?\s(?:NATO|the alliance)\s(?:had\s)?(?:{verbs})\b"
        rf"|\b(?P<ago>a|one|two|three)\syears?\sago,?\s(?:NATO|the alliance)\s(?:had\s)?(?:{verbs})\b", re.I))


GATE = frozenset({"last", "spring", "annual", "ago", *MONTHS})


def _release_day(asof: AsOf, edition: str) -> dt.date:
    return next(dt.date.fromisoformat(e["release_day"]) for e in asof.data.editions if e["edition"] == edition)


def _named_edition(m: re.Match, asof: AsOf, today: dt.date) -> str | None:
    """The released edition the match names: the last one released in the year before the date ("last year's"),
    in the month (and year) named, or the latest Secretary General's annual report ("spring report")."""
    released = [(ed, _release_day(asof, ed)) for ed in asof.released]
    if m.group("ago"):  # "a year ago, NATO put it at ...": the edition current then
        years = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group("ago")]
        then = today.replace(year=today.year - years, day=min(today.day, 28))
        hits = [ed for ed, day in released if day <= then]
    elif m.group("last"):
        hits = [ed for ed, day in released if day.year == today.year - 1]
        if m.group("noun") == "report":  # "last year's report": the annual report, when there is one
            hits = [ed for ed in hits if ed.endswith("-sgar")] or hits
    elif m.group("annual"):
        hits = [ed for ed, _day in released if ed.endswith("-sgar")]
    else:
        month = MONTHS[m.group("month") or m.group("month2")]
        year = m.group("year") or m.group("year2")
        hits = [ed for ed, day in released if day.month == month and (year is None or day.year == int(year))]
    return hits[-1] if hits else None


_FIGURES = frozenset({"ally_pct_gdp", "group_pct_gdp", "spending_usd", "count_at_threshold", "all_none_threshold",
                      "rank", "share_of_alliance", "real_change", "spending_category"})


_SAME_REPORT_AFTER = re.compile(r"\s(?:the|that|this|its)\s(?:annual\s|yearly\s|same\s)?(?:report|figures|tables|estimates|document)\b"
                                r"|\s(?:it|they)\s(?:lists?|shows?|puts?|put|gives?|names?|ranks?)\b", re.I)
_ANNUAL_BEFORE = re.compile(r"\b(?:annual|yearly)\s(?:[\w-]+\s)?report\b", re.I)


def _statement_editions(s: Sentence, found: list[Claim]) -> list[Claim]:
    """Figures after a statement's own time ("Presenting the annual report in March 2024, Stoltenberg said 11 allies
    met it", "In March 2019 the NATO chief put the number at eight"): what was said then, from the edition current on
    that month's (or year's) last day, for the latest year it covers when the figure names no year of its own. A
    statement time after the article's date (a misprint) names no edition: the figures keep the present."""
    text = s.text
    for t in s.statement_times:
        month = t.month if t.kind == "month" \
            else next((m.month for m in s.times if m.kind == "month" and m.month and 0 <= t.start - m.end <= 1), None)
        last_day = dt.date(t.year, month or 12, 1) + dt.timedelta(days=31)
        last_day = last_day.replace(day=1) - dt.timedelta(days=1)
        released = [ed for ed in s.asof.released if _release_day(s.asof, ed) <= last_day]
        if last_day > s.asof.day and _ANNUAL_BEFORE.search(text, max(0, t.start - 80), t.start):
            # a yearly report presented after the article's date (a misprint of its year): the annual report the
            # article could quote, the last one released by its date
            released = [ed for ed in s.asof.released if ed.endswith("-sgar")]
        if not released or released[-1] == s.asof.e0:
            continue
        edition = released[-1]
        s.statement_edition = edition
        semicolon = text.find(";", t.end)
        while semicolon >= 0 and _SAME_REPORT_AFTER.match(text, semicolon + 1):
            semicolon = text.find(";", semicolon + 1)  # "...; the report lists Greece (3.54%)": still that report
        hi = semicolon if semicolon >= 0 else len(text)
        _judge_on(s, found, edition, t.end, hi)
    return found


def _as_edition_saw_it(s: Sentence, edition: str) -> Sentence:
    """The sentence judged on the data as of `edition`'s release (one copy serves all its figures)."""
    named = copy.copy(s)
    named.asof = AsOf(_release_day(s.asof, edition), s.asof.data)
    return named


def _judge_on(s: Sentence, found: list[Claim], edition: str, lo: int, hi: int) -> None:
    """The figures of `found` between lo and hi are what `edition` said: judged on the data as of its release.

    The one loop for every source of an edition (an edition named in the sentence, a statement's own time, a report
    presented in the sentence before), with one rule each:
    - skip: a figure of a kind no edition reports (`_FIGURES`), with no position, outside [lo, hi), or already given
      an edition. `apply_named_editions` applies the sources from the most specific to the least (an edition named
      right before the figure, then a report spoken of, then a statement's time), so the nearest source wins;
    - year: a figure dated by the present tense alone (its year is the article's present and no time in the
      sentence states that year) is the edition's present: its latest year. A year the text states stays. A
      membership in that stretch ("seven out of 30 allies") takes the same year, its sentence unchanged."""
    present = latest_year(s.asof)
    own_years = {x.year for x in s.data_times}
    named: Sentence | None = None
    # (a membership read with a count has no position of its own: it goes with a count in the stretch)
    counted = any(c.type in ("count_at_threshold", "all_none_threshold") and c.quantity is not None
                  and lo <= c.quantity.start < hi for c in found)
    for c in found:
        q = c.quantity
        if c.type == "member_count" and c.year == present and present not in own_years \
                and (lo <= q.start < hi if q is not None else counted):
            # the membership a count of that edition stands against ("seven out of 30 allies had reached it"):
            # in the year the count is of (judged on membership, no edition)
            c.year = latest_year(_as_edition_saw_it(s, edition).asof) if named is None else latest_year(named.asof)
            if c.extra.get("kind") not in ("others", "then", "founding", "from"):  # (that year's: measures/member_count.py)
                c.extra = {**c.extra, "kind": "in_year"}
            continue
        if c.type not in _FIGURES or q is None or not lo <= q.start < hi or c.extra.get("named_edition"):
            continue
        if named is None:
            named = _as_edition_saw_it(s, edition)
        c.sentence = named
        c.extra["named_edition"] = edition
        if c.year == present and present not in own_years:
            c.year = latest_year(named.asof)


def _reported_after(s: Sentence, found: list[Claim]) -> list[Claim]:
    """A sentence after a presented report, in its paragraph, that speaks of it ("The report lists Norway (2.1%)"):
    its figures are that report's too."""
    if s.carry.report is None:
        return found
    edition, paragraph = s.carry.report
    if paragraph == s.paragraph and edition in s.asof.released and _SAME_REPORT_AFTER.match(" " + s.text) is not None:
        _judge_on(s, found, edition, 0, len(s.text))
    return found


def apply_named_editions(s: Sentence, found: list[Claim]) -> list[Claim]:
    """Claims whose figure follows a named older edition get a sentence whose data is that edition's (the
    claim's `extra["named_edition"]` says which); a year dated by the present tense becomes that edition's latest
    year. The sources, most specific first (each figure keeps the first that names it, `_judge_on`): an edition
    named in the sentence, a report of the sentence before spoken of, the time of a statement."""
    if found and s.asof.e0 is not None and not s.words.isdisjoint(GATE):
        _named_in_sentence(s, found)
    if found and s.carry.report is not None:
        _reported_after(s, found)
    if found and s.asof.e0 is not None:
        _prior_forecasts(s, found)
    # (a statement's time is read with no claim too: the report it names carries to the next sentences)
    # (a count in words is a figure too: "In March, Stoltenberg said only seven allies had met it")
    if (s.has_number or found) and not s.words.isdisjoint(STATEMENT_WORDS) and s.asof.e0 is not None and s.statement_times:
        _statement_editions(s, found)
    return found


def _prior_forecasts(s: Sentence, found: list[Claim]) -> None:
    """"19 allies got there, against an earlier estimate of 18": the earlier figure is what the edition before
    the current one said (a count read with `prior_forecast`, rules/count_threshold.py)."""
    released = s.asof.released
    if len(released) < 2 or released[-1] != s.asof.e0:
        return
    for c in found:
        if c.extra.get("prior_forecast") and c.quantity is not None:
            _judge_on(s, [c], released[-2], c.quantity.start, c.quantity.end)


def _named_in_sentence(s: Sentence, found: list[Claim]) -> None:
    """"Last year's estimate had put ...", "in June 2024 NATO estimated ...": each named edition governs the figures
    after it up to a semicolon or the next named edition."""
    matches = list(_pattern().finditer(s.low))
    text = s.text
    for i, m in enumerate(matches):
        edition = _named_edition(m, s.asof, s.today)
        if edition is None or edition == s.asof.e0:
            continue
        semicolon = text.find(";", m.end())
        hi = min(matches[i + 1].start() if i + 1 < len(matches) else len(text), semicolon if semicolon >= 0 else len(text))
        _judge_on(s, found, edition, m.end(), hi)
