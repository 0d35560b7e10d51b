"""The claim checker: find the checkable claims about NATO spending in English text and judge each
against the data as it stood on the text's date.

    from burden.claims import check_text
    check_text("No NATO member has reached 5%.", date="2025-03-26")["claims"][0]["verdict"]  # 'supported'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from ..members import parse_date
from .context import level_in
from .extract import GDP_TABLE_HEADER, MONEY_WORDS, Carry, Claim, Sentence, numbered_spans
from .frame import figure_modality
from .gates import gated
from .grammar import folded_pattern, is_english, looks_like_html, reading_text, strip_html
from .measures import judge as judge_frame
from .status import level_after as status_level_after
from .verify import AsOf, matches
from .vintage import apply_named_editions


@functools.cache
def _ANY_TRIGGER() -> frozenset[str]:
    from .entities import entity_words
    from .extract import NUMBERISH, TIME_WORDS
    from .rules import GATES

    return entity_words() | NUMBERISH | TIME_WORDS | GATES


VERDICTS = ("supported", "refuted", "outdated", "unverifiable")
MAX_CHARS = 20_000_000  # inputs above this are refused (a one-line error), see docs/claims.md


# "figures released by NATO on Tuesday", "the annual report published this week": the edition of that week
RECENT_RELEASE = re.compile(r"\b(?:released|published|unveiled|issued|presented|made public)\b[^.\n]{0,40}?\b(?:on\s(?:Monday|"
                            r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this week|today|yesterday)\b", re.I)


def extract_claims(text: str, date: dt.date | None) -> list[Claim]:
    """Every claim candidate in the text, in order (not yet judged)."""
    return list(iter_claims(text, date))


def iter_claims(text: str, date: dt.date | None, asof: AsOf | None = None) -> Iterator[Claim]:
    """The claims sentence by sentence: a sentence and its caches are freed once its claims are used, so
    a long text does not keep every sentence alive (the garbage collector's passes grow with the heap).
    `asof`: the data as of `date` (made here when not given)."""
    from .rules import RULES, dispatcher
    from .rules.ally_pct import mark_shortfalls

    if asof is None:
        asof = AsOf(date, recent_release=RECENT_RELEASE.search(text) is not None)
    today = date or dt.date.today()
    carry = Carry()
    dispatch = dispatcher(tuple(RULES))
    triggers = _ANY_TRIGGER()
    read = reading_text(text)  # token gaps closed, one character for one: the input's offsets
    for start, end, piece, paragraph in numbered_spans(read):
        s = Sentence(read, start, end, piece, paragraph, today, asof, carry)
        if read is not text:
            s.shown = text[start:end]  # what the output shows: the input's own text
        if not s.has_number and s.words.isdisjoint(triggers) and not s.statuses and not _under_header(carry, read, start):
            continue  # nothing any rule could use, and nothing to carry over (a status names its threshold in words:
            # "Still, it is not meeting that standard", claims/status.py)
        found: list[Claim] = []
        s.found = found  # (grown in place below: a rule sees what the rules before it read)
        for rule in dispatch.which(s.low, s.words):  # the rules whose needs the sentence meets, in order (Rule.may_read)
            found += rule.find(s)  # (a rule may hand back a list it keeps: never grown in place)
        if found:
            found = [c for c in found if not _modal_drop(c)]
        if len(found) >= 2:
            mark_shortfalls(s, found)  # "spent 1.92%, below the target of 2%": two claims (rules/ally_pct.py)
        found = apply_named_editions(s, _dedupe(_of_described_sets(s, found)))
        if found and "since" in s.words and "year" in s.words:
            _every_year_since(s, found)
        if found and ("and" in s.words or "well" in s.words) and len(s.data_times) >= 2:
            found += _coordinated_years(s, found)
        carry = _next_carry(carry, s, found)
        s.found = []  # (read: its claims and the sentence form no cycle, so reference counting frees them)
        yield from found


# "has met 2% every year since 2014", "each year since its adoption in 2006": a run of years, up to the latest one
_EVERY_YEAR_SINCE = re.compile(r"\b(?:every|each)\syear\ssince\s(?:[^.;,]{0,50}?\s)?(?P<y>(?:19|20)\d\d)\b")
_SIDES = frozenset({"ge", "gt", "le", "lt"})


def _under_header(carry: Carry, read: str, start: int) -> bool:
    """A pasted table's header was read, or begun, right above `start` and no row yet: a line of words may go on
    with it ("Notes", rules/table.py)."""
    table = carry.table
    return table is not None and not table.rows and not read[table.end:start].strip()


def _every_year_since(s: Sentence, found: list[Claim]) -> None:
    """An ally at a threshold, or a count of allies, in every year since a year (not that year alone): the ally's
    figure is judged in each year from then to the latest with figures; the count is no one year's (measures)."""
    m = _EVERY_YEAR_SINCE.search(s.low)
    latest = s.latest_year()
    if m is None or latest is None or int(m.group("y")) > latest:
        return
    first = int(m.group("y"))
    for c in found:
        if c.type == "ally_pct_gdp" and c.comparator in _SIDES and not c.extra.get("plan"):
            c.extra = {**c.extra, "since_year": first}
            c.year = latest
        elif c.type == "count_at_threshold" and c.year == first:
            c.extra = {**c.extra, "since_year": first}


# "met 2% in 2020 and in 2021", "above 3% in 2023 as well as 2024": a side of a threshold in each of two years
_TWO_YEARS = re.compile(r"\bin\s(?P<a>(?:19|20)\d\d)\s(?:and|as\swell\sas)\s(?:in\s|again\sin\s)?(?P<b>(?:19|20)\d\d)\b(?!\s?[-–])")


# the side said once more, in a time of its own: "hit it in 2017 and is forecast to hit it again this year",
# "reached the goal in 2015 and did so again in 2016" (a forecast, not a wish or a plan: "want to reach it again")
_REPEATED = re.compile(r"\sand\s(?:(?!(?:wants?|plans?|planned|hopes?|hoped|aims?|aimed|intends?|seeks?|needs?|must|should|would|could"
                       r"|vow(?:s|ed)?|promise[sd]?|pledge[sd]?)\b)[\w'’]+\s){0,4}?(?:(?:meet|reach|hit|exceed|top|pass|clear|surpass)"
                       r"\s(?:it|that\s(?:mark|goal|target|level))|(?:do|did|does)\s(?:so|the\ssame))\sagain\s(?P<when>in\s(?:19|20)\d\d"
                       r"|this\syear|next\syear)\b")


def _coordinated_years(s: Sentence, found: list[Claim]) -> list[Claim]:
    """An ally at or past a threshold "in 2020 and in 2021", or "in 2020 and (is on course to reach) it again in 2021":
    the claim read for the first year, and the same claim for the second (two claims, as real news is labelled); an
    exact level is left to each year's own figure."""
    m = _TWO_YEARS.search(s.low)
    if m is not None:
        first, second = int(m.group("a")), int(m.group("b"))
    elif "again" in s.words and (m := _REPEATED.search(s.low)) is not None:
        own = [t.year for t in s.data_times if t.start < m.start()]
        later = [t.year for t in s.data_times if t.start >= m.start("when")]
        if len(own) != 1 or not later or None in (own[0], later[0]) or later[0] == own[0]:
            return []
        first, second = own[0], later[0]
    else:
        return []
    out = []
    for c in found:
        if c.type == "ally_pct_gdp" and c.comparator in _SIDES and c.year == first and not c.extra.get("plan") \
                and c.quantity is not None and c.quantity.end <= m.start() \
                and not any(o.type == c.type and o.subject == c.subject and o.year == second for o in found):
            out.append(Claim(c.type, c.code, s, c.subject, c.metric, c.value, c.comparator, second, c.quantity,
                             dict(c.extra), c.rule))
    return out


# figures of these types that a demand, question, condition or hope governs are nobody's (frame.figure_modality;
# rules/ally_pct.py asks it itself, to keep such a figure from the recall net)
_MODAL_TYPES = frozenset({"count_at_threshold", "all_none_threshold", "spending_usd", "real_change", "share_of_alliance",
                          "rank", "group_pct_gdp", "ally_pct_gdp"})


def _modal_drop(c: Claim) -> bool:
    """A demand, question, condition or hope governs the claim's figure, or, for a count, the threshold it counts
    against ("if all of the 29 members had spent 2%")."""
    if c.type not in _MODAL_TYPES:
        return False
    s = c.sentence
    figures = [c.quantity] if c.quantity is not None else []
    if c.type in ("count_at_threshold", "all_none_threshold") and (threshold := c.extra.get("threshold")) is not None:
        after = c.quantity.end if c.quantity is not None else 0
        figures += [q for q in s.quantities if q.kind == "pct" and q.value == threshold and q.start >= after][:1]
    return any((found := figure_modality(s, q)) is not None and found[1] == "drop" for q in figures)


def _of_described_sets(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A share of GDP said of a set a description names ("Poland and the Baltics spend upwards of 4%"): one claim of
    the whole set (its allies joined by commas, each judged), as real news labels it, not one per ally (nor only the
    last ally a rule took for the figure's owner); an ally also named on its own keeps its claim."""
    described = [e for e in s.entities if e.fixed_set] if claims else []
    if not described:
        return claims
    named = {e.code for e in s.entities if e.is_ally and not e.fixed_set}
    for c in claims:
        owner = next((e for e in described if e.code == c.subject), None)
        if c.type == "ally_pct_gdp" and owner is not None and c.subject not in named:
            other = s.low.endswith("other ", 0, owner.start)  # "Estonia and the other Baltic states": less Estonia
            c.subject = ",".join(e.code for e in described if e.start == owner.start and not (other and e.code in named))
    return claims


_OPEN_BRACKET = re.compile(r"\s?\(\s?")


def _restated_in_brackets(c: Claim, claims: list[Claim]) -> bool:
    """The claim's figure repeats, in brackets, the same value another claim of the sentence read just before it
    ("five percent (5%)"): one claim."""
    q = c.quantity
    return q is not None and any(
        d is not c and d.quantity is not None and (d.type, d.subject, d.metric, d.value) == (c.type, c.subject, c.metric, c.value)
        and _OPEN_BRACKET.fullmatch(c.sentence.text, d.quantity.end, q.start) is not None for d in claims)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per (type, subject, year): a sentence restating a figure ("past the 2 per cent line, to
    2.05%") keeps the most precise form; a figure restated in brackets ("five percent (5%)") gives one."""
    if len(claims) < 2:
        return claims
    claims = [c for c in claims if not _restated_in_brackets(c, claims)]
    best: dict[tuple, Claim] = {}
    order: list[tuple] = []
    for c in claims:
        key: tuple = (c.type, c.subject, c.year, True, c.value, c.comparator) if c.extra.get("implied") \
            and c.type == "ally_pct_gdp" \
            else (c.type, c.subject, c.year, bool(c.extra.get("implied"))) if c.type in ("ally_pct_gdp", "group_pct_gdp") \
            else (c.type, c.metric, c.year, c.value, c.comparator) if c.type == "count_at_threshold" \
            else (id(c),)  # ("falls short of the target at 1.81%": the target in words and the figure, two claims;
        # "A, B and C alone reached the goal, three in all": the set's count and the number's, one claim)
        if key in best and not _restates(best[key], c):
            key = (id(c),)  # "around 2% now, and projected to reach 2.3% this year": two figures, two claims
        if key not in best:
            best[key] = c
            order.append(key)
        elif _precision(c) > _precision(best[key]):
            best[key] = c
    return [best[k] for k in order]


_POINTS = frozenset({"eq", "approx", "nearly", "exact"})


@functools.cache
def _ANOTHER_STATEMENT() -> re.Pattern:
    from .lexicon import alternation

    return re.compile(rf"\b(?:{alternation('second_figure', 'pattern')})\b")


def _restates(a: Claim, b: Claim) -> bool:
    """Whether two figures of one subject and year are one figure said twice ("past the 2 per cent line, to 2.05%"):
    not when both are levels (no side, no plan) that disagree and the words between them make the second another
    statement, a revision or a projection (lexicon second_figure.csv: "around 2%, ... projecting it would reach 2.3%")."""
    qa, qb = a.quantity, b.quantity
    if a.comparator not in _POINTS or b.comparator not in _POINTS or qa is None or qb is None \
            or not isinstance(a.value, float) or not isinstance(b.value, float) \
            or a.extra.get("plan") or b.extra.get("plan") \
            or matches(a.value, b.value, b.comparator, qb.decimals) or matches(b.value, a.value, a.comparator, qa.decimals):
        return True
    first, second = (qa, qb) if qa.start < qb.start else (qb, qa)
    return a.extra.get("how") == b.extra.get("how") \
        and _ANOTHER_STATEMENT().search(a.sentence.low, first.end, second.start) is None


def _precision(c: Claim) -> tuple:
    q = c.quantity
    return (c.comparator == "eq", q.decimals if q else 0)


_FIGURE_TYPES = frozenset({"ally_pct_gdp", "group_pct_gdp", "spending_usd", "share_of_alliance", "rank", "real_change"})


_GDP_TABLE_HEADER_FOLDED = gated(folded_pattern(GDP_TABLE_HEADER))  # on Sentence.low, behind the words it needs


# a figure given as the baseline of a change: "up from just three countries in 2014", "compared with 1.2% in 2014"
_BASELINE_BEFORE = re.compile(r"\b(?:up|down)\sfrom\s(?:just\s|only\s|about\s|some\s)?$|\bcompared\s(?:with|to)\s(?:just\s|only\s)?$")


def _last_not_baseline(claims: list[Claim]) -> Claim:
    """The last claim that is not the baseline of a change ("18 allies will spend 2%, up from just three in 2014": the
    paragraph goes on in 2024, not 2014); the last one when all are."""
    for c in reversed(claims):
        q = c.quantity
        if q is None or _BASELINE_BEFORE.search(c.sentence.low, max(0, q.start - 30), q.start) is None:
            return c
    return claims[-1]


def _status_level(s) -> tuple[str, str, float] | None:
    """The threshold a status phrase of a sentence with claims names with its level ("now meeting the 2% target"):
    the one a later "that goal" speaks of (read only on sentences whose statuses a rule already asked for)."""
    for st in s.statuses:
        if st.side in ("ge", "gt", "lt") and (q := status_level_after(s.text, st, s.quantities)) is not None \
                and 0 < q.value <= 10:
            return "def_exp_pct_gdp", st.side, q.value
    return None


def _next_carry(carry: Carry, s, found: list[Claim]) -> Carry:
    figures = [c for c in found if c.type in _FIGURE_TYPES and not c.extra.get("plan")] if found else found
    # without figures: the sentence's last ally and year, else the carried ones (worked out when asked for)
    nxt = carry.following(None if figures else s, s)  # (and s's first % figure and its allies, worked out when asked)
    nxt.level = level_in(s, found) if found else None
    if figures:
        if figures[-1].subject:
            nxt.subject = figures[-1].subject.split(",")[0]
        if (dated := _last_not_baseline(figures)).year is not None:
            nxt.set_year(dated.year, s.paragraph)
    if found:
        counts = [c for c in found if c.type in ("count_at_threshold", "all_none_threshold")]
        if counts and (dated := _last_not_baseline(counts)).year is not None:
            nxt.set_year(dated.year, s.paragraph)
        if counts:  # a list that continues the count ("The additional countries are A, B") shares its modality
            latest = s.latest_year()
            nxt.count_plan = any(c.extra.get("plan") or c.year is not None and latest is not None and c.year > latest
                                 for c in counts)
        if not counts and (named := _status_level(s)) is not None:
            nxt.threshold = named  # "A and B are now meeting the 2% target. In 2024, only 18 had reached that goal."
        places = [c for c in found if c.type == "rank" and c.comparator == "eq" and isinstance(c.value, int)]
        if places:
            nxt.rank = (s.paragraph, places[-1])
    if s.statement_edition is not None:  # "At the launch of the annual report in March 2019, ...": its next sentences
        nxt.report = (s.statement_edition, s.paragraph)
    elif nxt.report is not None and nxt.report[1] != s.paragraph:
        nxt.report = None
    if len(s.text) <= 160 and _GDP_TABLE_HEADER_FOLDED.search_words(s.low, s.tokens) and not MONEY_WORDS.search(s.text):
        nxt.gdp_table = s.paragraph  # "... spending in 2024 as a share of GDP:"
    elif nxt.gdp_table != s.paragraph:
        nxt.gdp_table = -1
    return nxt


def judge(claim: Claim, asof: AsOf) -> dict[str, Any]:
    """The output entry of one claim: its frame judged by its measure on the data as of the date."""
    s = claim.sentence
    frame = claim.frame
    if claim.extra.get("named_edition"):
        asof = s.asof  # a figure attributed to a named older edition: the data as of its release (vintage.py)
    j = judge_frame(frame, asof)
    if j.resolved:  # "the current target" read as the pledge in force on the date
        frame = dataclasses.replace(frame, **j.resolved)
    explanation = j.explanation
    r = j.revision
    if r:
        explanation += (f"; revised since: {r['latest_edition']} says {r['latest_value']:g} "
                        f"(was {r['value']:g} in {r['edition']})")
    value = claim.value
    if isinstance(value, list):
        value = [list(v) for v in value]
    fallback = j.decided_by_fallback
    q = claim.quantity
    stated = None if q is None else q.text if s.shown is s.text or s.text[q.start:q.end] != q.text \
        else s.shown[q.start:q.end]  # (as the input wrote it: "two-dozen", not the reading "two dozen")
    if claim.extra.get("named_edition"):
        explanation += (f"; judged on the edition the text names as its source ({claim.extra['named_edition']}), "
                        "not on the one current on the article's date")
    if fallback:
        explanation += (f"; decided by the fallback: {fallback['should_have_decided']} should have decided it, but "
                        f"the data lacks the figure there, so {fallback['decided_by']} decided it")
    out = {
        "sentence": s.shown,
        "span": [s.start, s.end],
        "type": claim.type,
        "code": claim.code,
        "subject": frame.subject,
        "metric": claim.metric,
        "value": frame.value if frame.comparator == "between" else value,  # (a range: its two ends)
        "comparator": "between" if frame.comparator == "between" else claim.comparator,
        "year": frame.year,
        "stated": stated,
        "verdict": j.verdict,
        "edition": j.edition,
        "revised_since": j.revised_since,
        "revision": r,
        "evidence": j.evidence,
        "explanation": explanation,
        "decided_by_fallback": fallback,
        "frame": frame.as_dict(),
        "read_as": frame.read_as(),
    }
    if frame.speaker:
        out["speaker"] = frame.speaker
    return out


def check_text(text: str, date: str | dt.date | None = None) -> dict[str, Any]:
    """What `burden check --json` prints for one text: claims, the date, the edition as of that date,
    and warnings (no date known -> latest edition; text not in English -> not checked)."""
    from ..errors import BurdenError
    from ..limits import check_text_length

    check_text_length(text)  # the one text limit (burden.limits) of the CLI, the API and the library
    if not isinstance(text, str):
        raise BurdenError("text must be a string", code="invalid-text")
    if len(text) > MAX_CHARS:
        raise BurdenError(f"text has {len(text):,} characters; the limit is {MAX_CHARS:,}: split it",
                          code="text-too-long")
    day = parse_date(date) if date is not None else None
    warnings: list[str] = []
    if looks_like_html(text):
        text = strip_html(text)
        warnings.append("HTML input: tags stripped; spans refer to the stripped text")
    asof = AsOf(day, recent_release=RECENT_RELEASE.search(text) is not None)
    if day is None:
        warnings.append(f"no date known: claims are checked against the latest edition ({asof.e0}) and today's "
                        "membership and pledges; pass --date YYYY-MM-DD for the article's date")
    elif asof.e0 is None:
        warnings.append(f"{day.isoformat()} predates every edition in the data: figures cannot be checked")
    result: dict[str, Any] = {"date": day.isoformat() if day else None, "edition_as_of": asof.e0,
                              "claims": [], "warnings": warnings}
    if text.strip() and not is_english(text):
        warnings.append("the text does not look like English: it cannot be checked yet (English only)")
        return result
    result["claims"] = [judge(c, asof) for c in iter_claims(text, day, asof)]  # judged as found: see iter_claims
    summary = dict.fromkeys(VERDICTS, 0)  # one pass: {v: number of claims with verdict v} in VERDICTS order
    for c in result["claims"]:
        v = c["verdict"]
        if v in summary:
            summary[v] += 1
    result["summary"] = summary
    return result


__all__ = ["VERDICTS", "check_text", "extract_claims"]
