"""Who a sentence talks about: allies (names, short forms, adjectives, demonyms, capitals used as
metonyms) and groups (NATO, the alliance, allies, European allies, Europe and Canada).

The words live in the lexicon (lexicon/<language>/allies.csv and groups.csv); names from members.csv
are added automatically."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..members import roster
from .gates import Gated, Several, gated
from .grammar import folded, folded_pattern
from .lexicon import rows

# a city named before the country it lies in: "in Vilnius, Lithuania", "from Riga, Latvia" (the country is a place)
_CITY_COMMA_BEFORE = re.compile(r"\b(?:in|at|near|from|outside)\s(?P<city>(?:[A-Z][a-z][\w'’.-]*\s){0,2}[A-Z][a-z][\w'’.-]*),\s$")
_PLACE_END = frozenset({",", ".", ";", ")", ""})  # (the country closes the place: "in Vilnius, Lithuania, says ...")
_CAPITAL_AFTER = re.compile(r"\s(?:capital|capital\scity)\b")  # "the Spanish capital": the city
_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|at|near|from|to|around|of|outside|across)\s+(?:the\s+)?)$", re.I)
# a wire story's dateline after an upper-case city opening the sentence ("WASHINGTON — ", "BERLIN, June 14 (Reuters) -
# ", "OTTAWA (AP) — "): where the story was filed, not the government
_DATELINE_AFTER = re.compile(r"(?:,\s[A-Z][\w .]{0,24})?(?:\s?\([^()]{1,30}\))?\s?[—–-]+\s")
_SUMMIT_AFTER = re.compile(r"\s*(?:summit|declaration|communiqu|pledge|meeting|school|treaty|economic)", re.I)
# a capital not after a letter, digit or stop (written capital first, so the engine skips ahead to capitals)
_CAPITAL = re.compile(r"[A-Z\u00C0-\u00DE](?<![\w.][A-Z\u00C0-\u00DE])")
_WORDS = re.compile(r"[a-z]+")
_CASE_SENSITIVE = {"us", "u.s.", "u.s", "usa", "uk", "u.k."}  # "us" the pronoun is not the United States
# a country's name written in lower case ("norway spent 2.2 percent", as transcripts and posts write it) is the
# ally all the same; not a name that is also a common word ("turkey"), nor an adjective or a capital ("polish", "rome")
_LOWER_CASE_AMBIGUOUS = frozenset({"turkey"})


@dataclass(unsafe_hash=True, slots=True)  # never changed once made (docs/claims.md, Speed: not frozen)
class Entity:
    start: int  # offsets within the sentence
    end: int
    code: str  # ISO3, NATO_EUR_CAN, EUROPE, NATO_TOTAL or NATO
    kind: str  # name, adjective, capital, group
    text: str
    fixed_set: bool = False  # one ally of a set a description names whatever came before ("the Baltic states")

    @property
    def is_ally(self) -> bool:
        return self.kind != "group"


@functools.cache
def _ally_lookup() -> dict[str, tuple[str, str]]:
    """Folded word -> (ISO3, kind): the lexicon first, then the names in members.csv."""
    lookup: dict[str, tuple[str, str]] = {}
    for row in rows("allies"):
        lookup.setdefault(folded(row["word"]), (row["iso3"], row["kind"]))
    for row in roster():
        for name in (row["name_en"], row["nato_table_label"]):
            if name:
                lookup.setdefault(folded(name), (row["iso3"], "name"))
    return lookup


@functools.cache
def _ally_names() -> re.Pattern:
    """The lexicon's ally names as one pattern for folded text, longest first, ending at a word's end: matched where
    a name can start, it finds the longest name written there ("United States" before "United")."""
    names = sorted(_ally_lookup(), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


@functools.cache
def _lower_case_names() -> tuple[frozenset[str], re.Pattern]:
    """The first words of the ally names that may be written in lower case, and a pattern finding them at a word's
    start (a cheap gate on the sentence's tokens first)."""
    firsts = frozenset(m.group(0) for name, (_code, kind) in _ally_lookup().items()
                       if kind == "name" and name not in _CASE_SENSITIVE and name not in _LOWER_CASE_AMBIGUOUS
                       and (m := _WORDS.match(name)) is not None)
    return firsts, re.compile(r"(?<![\w'’.-])(?:" + "|".join(sorted(firsts, key=len, reverse=True)) + r")(?!\w)")


def _name_starts(text: str, tokens: frozenset[str]) -> list[int]:
    """Where a name may start: every capital, and an ally's name written in lower case."""
    starts = [m.start() for m in _CAPITAL.finditer(text)]
    firsts, lower = _lower_case_names()
    if not tokens.isdisjoint(firsts):
        starts = sorted(starts + [m.start() for m in lower.finditer(text) if text[m.start()].islower()])
    return starts


@functools.cache
def _group_patterns() -> list[tuple[Gated, str]]:
    """(pattern, code), the most specific group first (groups.csv order), for folded text (see
    grammar.folded_pattern), each behind the words its matches need (claims.gates)."""
    return [(gated(folded_pattern(re.compile(r"(?<!\w)(?:" + row["pattern"] + r")(?!\w)", re.I))), row["code"])
            for row in rows("groups")]


@functools.cache
def _groups_asked() -> tuple[Several, dict[int, str]]:
    """The group patterns asked together on a sentence (claims.gates.Several), and each one's code."""
    patterns = _group_patterns()
    return Several([gate for gate, _ in patterns]), {id(gate): code for gate, code in patterns}


@functools.cache
def entity_words() -> frozenset[str]:
    """Lower-case words an entity can hold (a cheap gate before the patterns)."""
    words = {w for k in _ally_lookup() for w in re.findall(r"[a-z]+", k)[:1]}
    for row in rows("groups"):
        words.update(w for w in re.findall(r"[a-z]+", row["pattern"].lower()) if len(w) > 2)
    return frozenset(words - {"the", "and", "defen", "spending", "whole"})


# a number or quantifier right before a group phrase: some allies counted, not the group ("only four non-US allies")
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|many|"
                             r"some|most|a\shandful\sof|dozens\sof))\s$")
_EACH_OTHER_BEFORE = re.compile(r"\b(?:all|every|each)\sother\s$")  # on the folded text before a group


def find_entities(text: str, low: str | None = None, tokens: frozenset[str] | None = None) -> list[Entity]:
    """Entities in a sentence, in order, without overlaps ("Europe and Canada" is a group, not Canada;
    allies win over the groups found after them). `low`: folded(text); `tokens`: its [a-z]+ words."""
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or e <= start for s, e in taken)

    low = folded(text) if low is None else low
    tokens = frozenset(_WORDS.findall(low)) if tokens is None else tokens
    several, code_of = _groups_asked()
    groups = [(gate.scanner, code_of[id(gate)]) for gate in several.which(low, tokens)]  # (those that may match, in order)
    # the European allies and Canada first, before the ally names they hold ("Canada", "the United States")
    eur_can = [g for g in groups if g[1] == "NATO_EUR_CAN"]
    other_groups = [g for g in groups if g[1] != "NATO_EUR_CAN"]
    for regex, code in eur_can:
        for m in regex.finditer(low):
            if free(*m.span()) and not _COUNTED_BEFORE.search(low, max(0, m.start() - 12), m.start()):
                # (not "four member countries other than the US": counted allies, read by the count rules)
                out.append(Entity(m.start(), m.end(), code, "group", text[m.start():m.end()]))
                taken.append(m.span())
    lookup = _ally_lookup()
    names = _ally_names()
    last = 0
    for start in _name_starts(text, tokens):  # every name starts with a capital, or is an ally's name in lower case
        if start < last:
            continue
        # the longest name of the lexicon written here (on `low`, the folded text with the same offsets: the
        # lexicon's keys are folded)
        name = names.match(low, start)
        if name is None:
            continue
        word = text[name.start():name.end()]
        code, kind = lookup[low[start:name.end()]]
        if word.islower() and (kind != "name" or low[start:name.end()] in _LOWER_CASE_AMBIGUOUS):
            continue  # ("polish the boots", "a turkey"): only an ally's name is read in lower case
        end = last = name.end()
        if not free(start, end) or low[start:end] in _CASE_SENSITIVE and word != word.upper():
            continue
        if text[end:end + 1] in ("$", "€", "£"):
            continue  # "US$92m": a currency, not the government
        if kind == "capital" and (_LOCATION_BEFORE.search(text[max(0, start - 20):start])
                                  and text[end:end + 2] not in ("'s", "’s")  # "of Washington's allies": the government
                                  or _SUMMIT_AFTER.match(text, end, end + 20)):
            continue  # "in Washington", "the Vilnius summit": a place, not the government
        if kind == "capital" and word.isupper() and not text[:start].strip() and _DATELINE_AFTER.match(text, end):
            continue  # "WASHINGTON — Allies agreed in 2014 ...": the dateline's city
        if kind == "name" and code in ("LTU", "LVA") and _SUMMIT_AFTER.match(text, end, end + 20):
            continue
        if kind == "name" and text[end:end + 1] in _PLACE_END \
                and (city := _CITY_COMMA_BEFORE.search(text, max(0, start - 40), start)) is not None \
                and lookup.get(low[city.start("city"):city.end("city")], ("", "capital"))[1] == "capital" \
                or kind != "capital" and _CAPITAL_AFTER.match(text, end, end + 12):
            continue  # "in Vilnius, Lithuania", "the Spanish capital": a place, not the government
        out.append(Entity(start, end, code, kind, word))
        taken.append((start, end))
    for regex, code in other_groups:
        for m in regex.finditer(low):
            if not free(*m.span()):
                continue
            word = text[m.start():m.end()]
            if code == "EUROPE" and word == "Europe" and _LOCATION_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                continue  # "the richest country in Europe": a place
            if code in ("NATO", "NATO_TOTAL") and _EACH_OTHER_BEFORE.search(low, max(0, m.start() - 12), m.start()):
                continue  # "all other member countries will spend under $100 billion": each of the others, no aggregate
            out.append(Entity(m.start(), m.end(), code, "group", word))
            taken.append(m.span())
    out.sort(key=lambda e: e.start)
    return out
