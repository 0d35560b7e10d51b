"""A coordinated list of allies as the subject of one predicate, read by role: the list (names joined by commas and a
conjunction, in either spelling of the joint), its position (the clause's subject, not the object of a preposition
or a comparison), the predicate between the list and the figure (no clause break, no other subject, a verb that
agrees with a plural), and the figure's scope (each ally, not the list's sum).

"Belgium, Spain and Luxembourg spend less than 1%", "Hungary and the Czech Republic, along with Slovenia, still put
under 1.3%", "Two southern members, Italy and Portugal, devoted under 1.5%", "a tie between A, B and the U.K., who
spent 2.4% apiece": the figure is each listed ally's. The words live in lexicon/<language>/list_subject.csv."""

from __future__ import annotations

import functools
import re

from .entities import Entity
from .lexicon import rows
from .listed import value_after


def _alternation(kind: str) -> str:
    items = sorted((r["pattern"] for r in rows("list_subject") if r["kind"] == kind), key=len, reverse=True)
    return "|".join(items)


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    """The lexicon's rows as patterns on the folded text (each a whole word or phrase)."""
    joins = _alternation("join")
    return {
        # between two names: a comma; or a conjunction after an optional comma, then "the" or a short description
        # ending in a comma ("along with two Baltic states, Latvia")
        "comma": re.compile(r"\s?,\s(?:the\s)?"),
        "conjunction": re.compile(rf"\s?,?\s(?:{joins})\s(?:the\s|(?:[\w'’-]+\s){{0,5}}[\w'’-]+,\s)?"),
        # the word(s) right before the list's first name, after an optional "the"
        "not_subject": re.compile(rf"(?<![\w-])(?:{_alternation('not_subject')})\s(?:the\s)?$"),
        "examples": re.compile(rf"(?<![\w-])(?:{_alternation('examples')})\s(?:the\s)?$"),
        "distributive": re.compile(rf"(?<![\w-])(?:{_alternation('distributive')})(?![\w-])"),
        "aggregate": re.compile(rf"(?<![\w-])(?:{_alternation('aggregate')})(?![\w-])"),
        "singular": re.compile(rf"(?:{_alternation('singular')})$"),
    }


# the list closes and its predicate opens: an optional comma and relative pronoun ("..., who spent"), adverbs
_PREDICATE_OPEN = re.compile(r"\s?(?:,\s(?:who|which|that)\s|,\s|\s)(?:(?:also|still|now|just|only|already|currently|"
                             r"each|both|all|together|again|respectively|then|once)\s)*(?P<verb>[a-z'’]+)")
# a break in the predicate: another clause, with its own subject, holds the figure
_CLAUSE_BREAK = re.compile(r"[;:—–()]|\s(?:but|while|whereas|although|though|because|when|if|unless)\s")
# running text ends with a stop (a headline need not)
_RUNNING_TEXT_END = re.compile(r"[.!?\"”’']\s*$")


# a bracket, colon or dash opening on a value after the last name: "Estonia and Romania (2.38% each)", "Spain, Belgium
# (both with 0.93%)", "Lithuania, Latvia and Estonia - 2.5% each"
# how a value in brackets, or after a colon or a dash, is glued to the last name (claims/listed.py): "Estonia and
# Romania (2.38%)", "Spain, Belgium (both with 0.93%)", "Latvia and Estonia - 2.5% each", "(each around 1 pct)"
_BRACKET_GLUES = frozenset({"bracket", "colon", "dash"})


def subject_list(text: str, low: str, subjects: list[Entity], last: Entity, start: int, end: int,
                 distributive: bool = False) -> list[str]:
    """The allies (in order, `last` included) of the list that `last` ends, when that list is the subject of the predicate that
    reaches the figure at text[start:end]; else []. `distributive`: a caller's own marker that the figure is each
    ally's ("Estonia and Britain spend 2.14% each"). On `low` (the folded text, same offsets)."""
    allies = [e for e in subjects if e.is_ally and e.end <= start]
    if len(allies) < 2 or allies[-1] is not last or any(e.start >= last.end and e.end <= start for e in subjects):
        return []  # (another subject, a group, between the list and the figure)
    p = _patterns()
    scope = low[last.end:min(len(low), end + 30)]
    if p["aggregate"].search(scope):
        return []  # "together spend", "2.1% combined", "the only allies at": the list's sum or a set
    distributive = distributive or p["distributive"].search(scope) is not None
    if (glued := value_after(low, last.end)) is not None and glued.start == start and glued.glue in _BRACKET_GLUES:
        if not distributive:
            return []  # "Estonia and Romania (2.38%)": the value in brackets is the last name's
    elif (opened := _PREDICATE_OPEN.match(low, last.end, start)) is None \
            or _CLAUSE_BREAK.search(low, opened.start("verb"), start):
        return []
    elif p["singular"].fullmatch(opened.group("verb")) and not distributive:
        return []  # "France and Germany aside, Poland is at 2%": the verb agrees with the last name only
    run = [last]
    for a in reversed(allies[:-1]):
        b = run[0]
        if a.start == b.start:  # the allies a description stands for share its span ("Poland and the Baltics")
            run.insert(0, a)
        elif p["conjunction"].fullmatch(low, a.end, b.start):
            run.insert(0, a)
        elif p["comma"].fullmatch(low, a.end, b.start):
            # a comma joins names before the conjunction ("A, B and C"); as the last joint only in a headline
            # ("Romania, Poland hit 2%") or with a distributive word ("A, B spend 2% each")
            if len(run) == 1 and _RUNNING_TEXT_END.search(text) and not distributive:
                break
            run.insert(0, a)
        else:
            break
    if len(run) < 2:
        return []
    first = run[0]
    if not distributive and p["not_subject"].search(low, max(0, first.start - 24), first.start) \
            and not p["examples"].search(low, max(0, first.start - 40), first.start):
        return []  # "compared with France and Germany, Poland ...": the list is an object (but "states like A and B
        # spend 4%": examples of the subject)
    return list(dict.fromkeys(e.code for e in run))
