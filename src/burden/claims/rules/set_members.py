"""A set of allies named by where it stands against a level, and the allies in it (lexicon/en/set_members.csv).

Two ways of saying it, one reading: every listed ally is on the set's side of the level.

- The level named in the sentence: "Allies now above 3% include A, B and C", "Several allies register between 2 and
  2.5 per cent this year, among them A and B", "Nations over 2.5 percent of GDP: A, B and C", "Countries still under
  1.5 percent, such as A and B, ...". A claim per listed ally (examples of a set, as real coverage is labelled); a
  level in a plan or a year past the editions is a forecast (unverifiable).
- The level carried from the sentence before (the threshold it counted or listed, or the 2% of a pledge it named):
  "Only three allies met 2% in 2014. Two years later, they were joined by A and B", "The newcomers since 2015 are A
  and B", "This year A and B joined them", "Most, including A, do not". A claim per ally for one or two; one claim
  for the whole list when it names three or more (as "A, B and C meet 2%" is read, CLM-ALL-NONE).

An unsure reading gives nothing: a figure of the sentence's own after the list, an ally already read by another rule,
no threshold carried for a continued list."""

from __future__ import annotations

import functools
import re

from ..context import joined
from ..dates import PRESENT_WORD
from ..entities import Entity
from ..extract import PLAN_WORDS_FOLDED, Claim, Sentence
from ..frame import clause_bounds
from ..gates import Gated, gated
from ..grammar import folded_pattern
from ..lexicon import rows
from ..quantities import Quantity
from ..status import level_after
from ..verify import GDP, OPPOSITE

# between two allies of a list: ", ", " and ", ", and " (an article allowed)
_LIST_JOIN = re.compile(r"\s?(?:,|,?\sand|,?\sas\swell\sas)\s(?:the\s)?")
# after a level: "or more" turns "at 2%" into at least 2%
_OR_MORE = re.compile(r"\s(?:or|and)\s(?:more|above|higher|over)\b")
# a forecast word before the level ("Allies expected above 2% by 2024 include ...")
_FORECAST = re.compile(r"\b(?:expect\w*|projected|forecast\w*|set\sto|due\sto|likely|on\strack|on\scourse)\b")
# the words every level-set sentence holds one of (the intro rows): a cheap test before any pattern runs
_INTRO_WORDS = frozenset("include includes included including are were such among notably namely".split())
_JOIN_WORDS = frozenset({"join", "joins", "joined"})
_CONTINUE_WORDS = frozenset("joined additional new other latest newest newcomers entrants additions latecomers most many "
                            "some several others rest".split())


@functools.cache
def _rows(kind: str) -> tuple[tuple[str, Gated], ...]:
    return tuple((row["op"], gated(folded_pattern(re.compile(row["pattern"], re.I))))
                 for row in rows("set_members") if row["kind"] == kind)


@functools.cache
def _prep() -> re.Pattern:
    """The words right before a level's figure, each as group "<op>_<i>" (longest first)."""
    parts = sorted(((op, row["pattern"]) for op, row in ((r["op"], r) for r in rows("set_members") if r["kind"] == "prep")),
                   key=lambda p: -len(p[1]))
    body = "|".join(f"(?P<{op}_{i}>{pattern})" for i, (op, pattern) in enumerate(parts))
    return re.compile(rf"\b(?:{body})\s(?:about\s|some\s|around\s|roughly\s)?$")


def _run_from(s: Sentence, first: Entity) -> list[Entity]:
    """The allies of the list that starts at `first` (joined by commas and "and")."""
    allies = [e for e in s.entities if e.is_ally and e.start >= first.start]
    run = [first]
    for e in allies[1:]:
        if e.start == run[-1].start:
            continue  # (a set entity shares its span)
        if not joined(s.text, run[-1], e, _LIST_JOIN):
            break
        run.append(e)
    return run


def _codes(run: list[Entity], s: Sentence) -> list[str]:
    taken = {c.subject for c in s.found}
    return [code for code in dict.fromkeys(e.code for e in run) if code not in taken]


def _is_plan(s: Sentence, year: int | None, how: str, q: Quantity | None = None) -> bool:
    """A plan: by its time, or by a plan or forecast word in the clause of `q` (the list; the whole sentence without
    one): "While A was joined by B in reaching 2%, only ten allies will hit the target" plans nothing of B."""
    latest = s.latest_year()
    lo, hi = (0, len(s.low)) if q is None else clause_bounds(len(s.low), s.clause_breaks, q.start, q.end)
    return how in ("deadline", "future") or year is not None and latest is not None and year > latest \
        or PLAN_WORDS_FOLDED.search(s.low, lo, hi) is not None or _FORECAST.search(s.low, lo, hi) is not None


def by_level(s: Sentence, rule) -> list[Claim]:
    """"Allies now above 3% include A, B and C": a claim per listed ally on the set's side of the level."""
    if s.words.isdisjoint(_INTRO_WORDS) and ":" not in s.text:
        return []
    low = s.low
    allies = [e for e in s.entities if e.is_ally]
    if not allies:
        return []
    for q in s.quantities:
        if q.kind not in ("pct", "number", "count") or not 0 < q.value <= 12:
            continue
        prep = _prep().search(low, max(0, q.start - 30), q.start)
        if prep is None:
            continue
        op = next(k for k, v in prep.groupdict().items() if v is not None).split("_")[0]
        end = q.end
        if prep.group(0).startswith("between") and q.high is None:
            continue  # ("between 2 and 2.5 per cent" is one range, read by quantities.join_ranges)
        if q.kind != "pct":
            continue  # a level is a share
        if "other" in s.words and (others := _OTHERS_BEFORE.search(low, max(0, prep.start() - 90), prep.start())):
            return _before_the_others(s, rule, q, op, others)
        named = next((m for _, pattern in _rows("set_before")
                      if (m := pattern.search(low, max(0, prep.start() - 90), prep.start()))), None)
        if named is None or low.endswith("number of ", 0, named.start()):
            continue  # (not "1: the number of allies still below 2%, namely Slovenia": a count, and its set)
        if (more := _OR_MORE.match(low, end)) is not None:
            op, end = "ge", more.end()
        first = next((e for e in allies if e.start >= end), None)
        if first is None or not any(pattern.match(low, end, first.start) for _, pattern in _rows("intro")):
            continue
        codes = _codes(_run_from(s, first), s)
        if not codes:
            return []
        value = float(q.value)
        s.take(q)
        year, how = s.year_for(q)
        plan = _is_plan(s, year, how)
        return [Claim("ally_pct_gdp", rule.code, s, ally, GDP, value, op, year, q,
                      {"plan": plan, "how": how, "negated": False, "set_level": True}, rule) for ally in codes]
    return []


# the set after a list of allies, named by its level in a relative clause: "A, B and the other allies that are below
# 2%", "a word to A, and to B, and to the other nations which are not yet at 2%" (folded text, ending
# at the level's preposition)
_OTHERS_BEFORE = re.compile(r"(?:,\s|\s)(?:and\s)?(?:in\s|to\s|like\s)?(?:all\s)?(?:the\s|those\s|these\s)?other\s"
                            r"(?:countries|allies|members|nations|states)\s(?:that|which|who)\s"
                            r"(?P<verb>are|were|remain|remained|stay|stayed)\s(?:still\s)?(?P<neg>not\s(?:yet\s|even\s|quite\s)?)?$")
# between two allies of such a list: "Canada, and in France, and in Germany"
_OTHERS_LIST_JOIN = re.compile(r"\s?(?:,|,?\sand|,?\sas\swell\sas)\s(?:in\s|to\s)?(?:the\s)?")
# a level not reached: "not at 2%" is below it
_NOT_AT = {"eq": "lt", **OPPOSITE}


def _before_the_others(s: Sentence, rule, q: Quantity, op: str, others: re.Match) -> list[Claim]:
    """"A, B and the other allies that are below 2%": each ally of the list that ends right before the words is in
    the set too, on its side of the level; in the relative clause's own tense (a present: E0's latest year, whatever
    the main clause plans or says: "I will say to A and B and the other countries that are not at 2% ...")."""
    allies = [e for e in s.entities if e.is_ally and e.end <= others.start()]
    if not allies or not _OTHERS_LIST_JOIN.fullmatch(s.text, allies[-1].end, others.start()) \
            and allies[-1].end != others.start():
        return []
    run = [allies[-1]]
    for e in reversed(allies[:-1]):
        if e.start != run[0].start and not joined(s.text, e, run[0], _OTHERS_LIST_JOIN):
            break
        run.insert(0, e)
    codes = _codes(run, s)
    if not codes:
        return []
    s.take(q)
    if others.group("neg"):
        op = _NOT_AT[op]
    present = others.group("verb") in ("are", "remain", "stay")
    year, how = (s.latest_year(), "present") if present else s.year_for(q)
    return [Claim("ally_pct_gdp", rule.code, s, ally, GDP, float(q.value), op, year, q,
                  {"plan": False, "how": how, "negated": bool(others.group("neg")), "set_level": True, "modality": "reported"},
                  rule)
            for ally in codes]


def _carried_threshold(s: Sentence) -> tuple[str, float] | None:
    """(op, level) of the threshold the sentences before counted or listed, else of the 2% pledge just named."""
    carried = s.threshold_before  # (not one this sentence named: "..., with the latter three hitting the goal")
    if carried is not None:
        indicator, op, value = carried
        return (op, value) if indicator == GDP and op in OPPOSITE and value <= 12 else None
    if s.pledge_before in ("RIGA2006_2PCT", "WALES2014_DIP_2PCT", "VILNIUS2023_2PCT_FLOOR", "CURRENT"):
        return "ge", 2.0
    return None


def _continued_year(s: Sentence, first: Entity, q: Quantity) -> tuple[int | None, str]:
    """The year of a continued list: a time before the list ("Two years later", "This year", "In 2019"), not one of a
    clause after it ("— with the latter three hitting the target this year"); else the sentence's reading."""
    own = [t for t in s.data_times if t.year and t.end <= first.start and t.kind not in ("since", "week", "month")]
    if own:
        return own[-1].year, own[-1].kind
    if (stepped := s.stepped_year()) is not None:
        return stepped, "carried"
    if PRESENT_WORD.search(s.low):
        return s.latest_year(), "present"
    return s.year_for(q)


def continued(s: Sentence, rule) -> list[Claim]:
    """"Two years later, they were joined by A and B", "This year A and B joined them", "Most, including A, do not":
    the listed allies on the side of the threshold carried from before (the other side when the elided verb is
    negated); the sentence's own year, else the one carried."""
    if s.words.isdisjoint(_CONTINUE_WORDS) or s.free(("pct",)) or s.is_question:
        return []
    threshold = _carried_threshold(s)
    if threshold is None:
        return []
    op, value = threshold
    low = s.low
    allies = [e for e in s.entities if e.is_ally]
    if not allies or any(e.kind == "group" and e.start < allies[0].start for e in s.entities):
        return []  # (a group before the list is the subject: "NATO was joined by ...")
    found: tuple[Entity, list[Entity], re.Match | None] | None = None
    for e in allies:
        if any(p.search(low, 0, e.start) for _, p in _rows("joined_before")):
            found = e, _run_from(s, e), None
            break
        run = _run_from(s, e)
        if any(p.match(low, run[-1].end) for _, p in _rows("joined_after")):
            found = e, run, None
            break
        if any(p.match(low, 0, e.start) for _, p in _rows("elided_before")):
            tail = next((m for _, p in _rows("elided_after") if (m := p.match(low, run[-1].end))), None)
            if tail is not None:
                found = e, run, tail
                break
    if found is None:
        return []
    first, run, tail = found
    if tail is not None and tail.group("neg"):
        op = OPPOSITE[op]
    codes = _codes(run, s)
    if not codes:
        return []
    q = Quantity(first.start, run[-1].end, "pct", value, 0, op, s.text[first.start:run[-1].end])
    year, how = _continued_year(s, first, q)
    plan = _is_plan(s, year, how, q)
    latest = s.latest_year()
    if tail is not None and how == "carried" and "did" not in tail.group(0):
        year, how = latest, "present"  # "Most, including Germany, do not": the present, not the year talked about
    if s.carry.count_plan and s.threshold_before is not None and s.carry.year is not None and latest is not None \
            and s.carry.year > latest and year is not None and year <= latest:
        year, how, plan = s.carry.year, "carried", True  # the count it continues was a forecast: so is the list
    extra = {"plan": plan, "how": how, "negated": tail is not None and bool(tail.group("neg")), "continued": True}
    if len(codes) >= 3 and tail is None:  # the list that joins a set: one claim for all of it (as CLM-ALL-NONE reads it)
        return [Claim("all_none_threshold", "CLM-ALL-NONE", s, ",".join(codes), GDP, value, f"all_{op}", year, None,
                      {"indicator": GDP, "op": op, "threshold": value, "allies": codes, "kind": "all", "excluded": [],
                       "plan": plan}, rule)]
    return [Claim("ally_pct_gdp", rule.code, s, ally, GDP, value, op, year, q, dict(extra), rule) for ally in codes]


def joins_set(s: Sentence, rule) -> list[Claim]:
    """"Latvia is set to join A and B as the only allies meeting the target", "Croatia joined Greece and Poland among the
    members above 2% in 2023": the joining ally on the side the status (or level) after the set gives; a forecast or a
    plan when the joining is one (the allies listed are the set's, read by the set rules)."""
    if s.words.isdisjoint(_JOIN_WORDS) or s.is_question:
        return []
    low = s.low
    allies = [e for e in s.entities if e.is_ally]
    for e in allies:
        verb = next((m for _, p in _rows("joins_set") if (m := p.search(low, 0, e.start))), None)
        if verb is None:
            continue
        run = _run_from(s, e)
        opening = next((m for _, p in _rows("joins_as") if (m := p.match(low, run[-1].end))), None)
        subject = next((a for a in reversed(allies) if a.end <= verb.start()), None)
        if opening is None or subject is None or subject.code in {a.code for a in run}:
            return []
        st = next((x for x in s.statuses if x.side in OPPOSITE and opening.end() <= x.start <= opening.end() + 30), None)
        if st is not None:
            op, lo, hi = st.side, st.start, st.target_end
            q = level_after(s.text, st, s.free(("pct",)))
            value = q.value if q is not None else 2.0
        else:
            q = next((x for x in s.free(("pct",)) if opening.end() <= x.start <= opening.end() + 30), None)
            prep = _prep().search(low, max(0, q.start - 30), q.start) if q is not None else None
            if q is None or prep is None:
                return []
            op = next(k for k, v in prep.groupdict().items() if v is not None).split("_")[0]
            value, lo, hi = q.value, q.start, q.end
        if value > 12 or subject.code in {c.subject for c in s.found if c.type in ("ally_pct_gdp", "all_none_threshold")}:
            return []
        if q is not None:
            s.take(q)  # (the level of the set, no figure of the allies listed)
        stand_in = q or Quantity(lo, hi, "pct", value, 0, op, s.text[lo:hi])
        year, how = s.year_for(stand_in)
        latest = s.latest_year()
        # a forecast of joining is judged as an estimate when an edition holds its year, else it is a plan
        plan = how in ("deadline", "future") or year is None or latest is None or year > latest
        if verb.group("plan") and (by := next((x for x in s.times if x.kind == "deadline" and x.year
                                                and x.start > verb.end()), None)) is not None:
            year, how, plan = by.year, "deadline", True  # "is expected to join ... meeting the guideline by 2024"
        return [Claim("ally_pct_gdp", rule.code, s, subject.code, GDP, float(value), op, year, stand_in,
                      {"plan": plan, "how": how, "negated": False, "joins_set": True}, rule)]
    return []
