"""Subjects from context: a pronoun or a definite description standing for allies named before it ("It remains
under the goal", "4.7% of the republic's GDP", "Both states are already above 3%", "the Baltic trio").

The words are the rows of lexicon/<language>/referents.csv. Each match becomes entities of its own sentence, one per
ally it stands for, with the span of the words: kind "anaphor" for one ally, "set" for each ally of several (the
entities of a set share their span, and `joined` treats them as a list). Every rule then reads the sentence as if
the allies were named there. The allies come from `Carry.named`: the last sentence that named any ally (its allies
in order, and the longest list of them joined by commas or "and"). An unsure reading gives no entity: a description
of one ally after a sentence naming two, "both" after a sentence naming three, "it" after a sentence further back
or after a group of its own sentence ("NATO says it ..."), any description when its sentence names an ally before
it. The fixed rows (the Baltic states) need no context."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .entities import Entity
from .gates import Gated, Several, gated
from .grammar import folded_pattern
from .lexicon import rows

# the text between two sentences when the later one follows the earlier directly (a paragraph break allowed)
_ADJACENT = re.compile(r"[\s\"'“”‘’)\]–—-]{0,12}")
# a noun of its own sentence that "it" / "its" may stand for ("each country needs to adjust its spending")
_NOUN_BEFORE = re.compile(r"\b(?:country|nation|state|ally|member|government|alliance|bloc|organi[sz]ation|economy|budget|"
                          r"administration|parliament|ministry|department|treaty|pact|pledge|target|goal|guideline|report)\b")
# how far back (characters from the end of the sentence naming the ally) "it" reaches in its paragraph
_IT_REACH = 160
# between two allies of a list: ", ", " and ", ", and " (an article allowed)
_JOIN = re.compile(r"\s?(?:,|,?\sand|;|\s&)\s(?:the\s)?")


class Named(NamedTuple):
    """The allies of the last sentence that named any: `codes` in order (each once), `chain` the longest run of
    them joined as a list (two or more, else empty), the sentence's paragraph and its end in the document."""

    codes: tuple[str, ...]
    chain: tuple[str, ...]
    paragraph: int
    end: int
    heads: tuple[str, ...] = ()  # the allies not named as compared ("Poland overtook Germany": Poland)


class Level(NamedTuple):
    """The level the last sentence gave one ally (its % of GDP, or its side of a threshold), for a sentence that says
    another ally did the same ("Germany met the goal. NATO praised Italy for following suit.")."""

    subject: str
    value: float
    comparator: str
    decimals: int
    year: int | None
    plan: bool
    end: int  # the end of its sentence in the document


class Row(NamedTuple):
    kind: str
    n: int
    allies: tuple[str, ...]
    pattern: Gated
    group: bool  # the pattern marks the words that stand for the allies as group "a"
    anchored: bool  # the pattern matches only at the sentence's start (^): one match at most


@functools.cache
def _rows() -> tuple[Row, ...]:
    out = []
    for row in rows("referents"):
        regex = re.compile(row["pattern"], re.I)
        out.append(Row(row["kind"], int(row["n"] or 0), tuple(row["allies"].split()),
                       gated(folded_pattern(regex)), "a" in regex.groupindex, row["pattern"].startswith("^")))
    return tuple(out)


@functools.cache
def _of_kind(kind: str) -> tuple[Row, ...]:
    return tuple(row for row in _rows() if row.kind == kind)


@functools.cache
def _asked() -> tuple[Several, dict[int, Row]]:
    """The rows that stand for allies, asked together on a sentence (claims.gates.Several), and each one's row."""
    standing = [row for row in _rows() if row.kind not in ("same", "quantified", "among", "plural")]
    return Several([row.pattern for row in standing]), {id(row.pattern): row for row in standing}


def compared(s, e: Entity) -> bool:
    """e is named as what another ally is compared with ("overtook Germany", "more than Italy", "like France")."""
    from .extract import COMPARED_BEFORE_FOLDED  # (extract imports this module)

    return COMPARED_BEFORE_FOLDED.search(s.low[max(0, e.start - 30):e.start]) is not None


def follows(s, end: int) -> bool:
    """The sentence comes right after the one ending at `end`: only spaces, quotes and paragraph breaks between (wire
    copy gives each sentence a paragraph of its own)."""
    return end <= s.start and _ADJACENT.fullmatch(s.doc, end, s.start) is not None


def named_in(s) -> Named | None:
    """What a sentence hands on as `Carry.named`: its allies, or None when it names none."""
    allies = [e for e in s._subjects if e.is_ally]
    if not allies:
        return None
    codes = tuple(dict.fromkeys(e.code for e in allies))
    chain: tuple[str, ...] = ()
    run = [allies[0]]
    for e in allies[1:]:
        if joined(s.text, run[-1], e):
            run.append(e)
            continue
        chain = _longer(chain, run)
        run = [e]
    chain = _longer(chain, run)
    heads = tuple(dict.fromkeys(e.code for e in allies if not compared(s, e)))
    return Named(codes, chain, s.paragraph, s.end, heads)


def _longer(chain: tuple[str, ...], run: list[Entity]) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(e.code for e in run))
    return codes if len(codes) >= 2 and len(codes) > len(chain) else chain


def joined(text: str, a: Entity, b: Entity, pattern: re.Pattern = _JOIN) -> bool:
    """a and b are neighbours of one list: the text between them is a list's joint (`pattern`), or both stand for
    allies of one set named by the same words ("both states")."""
    if a.start == b.start and a.kind == "set" and b.kind == "set":
        return True
    return a.end <= b.start and pattern.fullmatch(text, a.end, b.start) is not None


_DIGIT = re.compile(r"\d")


def with_referents(s, found: list[Entity]) -> list[Entity]:
    """`found` (the sentence's named entities) with an entity for each ally a pronoun or description stands for."""
    several, row_of = _asked()
    hits = []
    for pattern in several.which(s.low, s.tokens):
        row = row_of[id(pattern)]
        first = pattern.match(s.low) if row.anchored else None
        for m in ([first] if first else []) if row.anchored else pattern.finditer(s.low):
            start, end = m.span("a") if row.group else m.span()
            hits.append((start, end, row))
    if not hits:
        return found
    out = list(found)
    hits.sort(key=lambda h: (h[0], -h[1]))
    for start, end, row in hits:
        if row.kind == "others":  # "the US ..., the other allies ...": Europe and Canada
            before = {e.code for e in out if e.is_ally and e.end <= start}
            if before != {"USA"} or any(e.start < end and start < e.end and e.kind != "group" for e in out) \
                    or _DIGIT.search(s.text, end) is None:
                continue  # (only with a figure of theirs after them: "more than all the other allies combined" is
                # what the US is compared with, and no subject the next sentence's "its" may stand for)
            out = [e for e in out if not (e.kind == "group" and e.start < end and start < e.end)]
            out.append(Entity(start, end, "NATO_EUR_CAN", "group", s.text[start:end]))
            continue
        if row.kind == "fixed":  # "the Baltic allies": the three allies, not the group word "allies" it holds
            out = [e for e in out if not (e.kind == "group" and start <= e.start and e.end <= end)]
        if any(e.start < end and start < e.end for e in out):
            continue  # overlaps a name ("the Polish government") or a longer description
        if row.kind == "fixed" and any(e.is_ally and end <= e.start <= end + 4 for e in out):
            continue  # "two Baltic countries, Latvia and Lithuania": named right after
        codes = row.allies if row.kind == "fixed" else _resolve(s, out, start, end, row)
        if not codes:
            continue
        kind = "anaphor" if len(codes) == 1 else "set"
        fixed_set = kind == "set" and row.kind == "fixed"
        out.extend(Entity(start, end, code, kind, s.text[start:end], fixed_set) for code in codes)
    if out == found:
        return found
    out.sort(key=lambda e: e.start)
    return out


def _resolve(s, entities: list[Entity], start: int, end: int, row: Row) -> tuple[str, ...]:
    """The allies a description stands for, or () when the reading is unsure."""
    if any(e.is_ally and e.end <= start for e in entities):
        return ()  # "Poland says its budget ...": the sentence's own ally
    if row.kind == "it" and (any(e.end <= start for e in entities) or _NOUN_BEFORE.search(s.low, 0, start)):
        return ()  # "NATO says it expects ...", "each country needs to adjust its spending": "it" stands for them
    if row.kind != "one" and row.kind != "it" and any(e.is_ally and end <= e.start <= end + 4 for e in entities):
        return ()  # "both Estonia and Latvia", "the two countries, Estonia and Latvia": named here
    if row.kind == "value":  # "That is well above the guideline": the figure the sentence just before gave an ally
        level = s.carry.level
        adjacent = level is not None and follows(s, level.end)
        return (level.subject,) if adjacent and not level.plan else ()
    named = s.carry.named
    if named is None:
        return ()
    adjacent = follows(s, named.end)
    if not adjacent and (named.paragraph != s.paragraph or row.kind == "it" and s.start - named.end > _IT_REACH):
        return ()  # too far back: a description stands for its paragraph, "it" for a sentence or two before
    if row.kind in ("latter", "former"):  # "The latter two spent ...": the last (first) n allies that sentence listed
        chain = named.chain or named.codes
        return () if len(chain) <= row.n else chain[-row.n:] if row.kind == "latter" else chain[:row.n]
    if row.kind in ("it", "one"):  # the one ally named, or the one not named as compared ("A overtook B. It ...")
        return named.codes if len(named.codes) == 1 else named.heads if len(named.heads) == 1 and not named.chain else ()
    if row.kind == "n":
        return named.chain if len(named.chain) == row.n else named.codes if len(named.codes) == row.n else ()
    if row.kind == "list":
        return named.chain
    return named.chain  # set: the allies that sentence listed


def level_in(s, found) -> Level | None:
    """What a sentence hands on as `Carry.level`: its last claim of one ally's % of GDP, or None."""
    for c in reversed(found):
        if c.type == "ally_pct_gdp" and c.subject and len(c.subject) == 3 and isinstance(c.value, float | int):
            decimals = c.quantity.decimals if c.quantity is not None else 0
            return Level(c.subject, float(c.value), c.comparator, decimals, c.year, bool(c.extra.get("plan")), s.end)
    return None


def quantified(s) -> bool:
    """The sentence speaks of some of the allies talked about ("None of them ...", "A number of them ..."): a row of
    kind quantified matches."""
    return any(row.pattern.may_match(s.low, s.tokens) and row.pattern.search(s.low) for row in _of_kind("quantified"))


def plural(s) -> bool:
    """A plural pronoun opens the sentence ("They're all on 2% now"): a row of kind plural matches."""
    return any(row.pattern.may_match(s.low, s.tokens) and row.pattern.search(s.low) for row in _of_kind("plural"))


def among_them(s) -> re.Match | None:
    """"Italy is not among them" (group "neg" when negated), when a threshold was counted in this paragraph or the one
    before (`Carry.threshold`, `Carry.paragraph`)."""
    if s.carry.threshold is None or not 0 <= s.paragraph - s.carry.paragraph <= 1 \
            or any(q.kind in ("pct", "count") for q in s.quantities):
        return None  # (a figure or count of its own: "Only five reached 2%, and Poland, at 1.98%, was not one of them")
    return next((m for row in _of_kind("among") if row.pattern.may_match(s.low, s.tokens)
                 and (m := row.pattern.search(s.low))), None)


def same_as_before(s) -> tuple[re.Match, Level, bool] | None:
    """A sentence saying its ally did what the sentence just before said of another ("Latvia followed suit", "So
    does Lithuania"): the words, the level they take over and whether they take an exact level too (n = 1); None
    when there is none or it is not the sentence just before."""
    level = s.carry.level
    if level is None or not follows(s, level.end):
        return None
    for row in _of_kind("same"):
        if row.pattern.may_match(s.low, s.tokens) and (m := row.pattern.search(s.low)):
            return m, level, row.n == 1
    return None


def so_does_after(s, pos: int) -> re.Match | None:
    """", and so did Latvia", ", as does Lithuania", ", and neither does Italy" after `pos` (the end of a clause's
    figure): the words before the ally who does the same (rows same with n = 1)."""
    return next((m for row in _of_kind("same") if row.n == 1 and row.pattern.may_match(s.low, s.tokens)
                 and (m := row.pattern.search(s.low, pos))), None)
