"""Who a sentence talks about: allies (names, short forms, adjectives, demonyms, capitals used as
metonyms) and groups (NATO, the alliance, allies, European allies, Europe and Canada)."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..members import roster
from .grammar import folded, folded_pattern, quick_init

# ally -> (extra names, adjectives/demonyms, capitals); names from members.csv are added automatically
ALLY_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "ALB": ((), ("Albanian", "Albanians"), ("Tirana",)),
    "BEL": ((), ("Belgian", "Belgians"), ("Brussels",)),
    "BGR": ((), ("Bulgarian", "Bulgarians"), ("Sofia",)),
    "CAN": ((), ("Canadian", "Canadians"), ("Ottawa",)),
    "HRV": ((), ("Croatian", "Croatians"), ("Zagreb",)),
    "CZE": (("Czech Republic",), ("Czech",), ("Prague",)),
    "DNK": ((), ("Danish", "Danes"), ("Copenhagen",)),
    "EST": ((), ("Estonian", "Estonians"), ("Tallinn",)),
    "FIN": ((), ("Finnish", "Finns"), ("Helsinki",)),
    "FRA": ((), ("French",), ("Paris",)),
    "DEU": ((), ("German", "Germans"), ("Berlin",)),
    "GRC": ((), ("Greek", "Greeks"), ("Athens",)),
    "HUN": ((), ("Hungarian", "Hungarians"), ("Budapest",)),
    "ISL": ((), ("Icelandic", "Icelanders"), ("Reykjavik",)),
    "ITA": ((), ("Italian", "Italians"), ("Rome",)),
    "LVA": ((), ("Latvian", "Latvians"), ("Riga",)),
    "LTU": ((), ("Lithuanian", "Lithuanians"), ("Vilnius",)),
    "LUX": ((), ("Luxembourgish",), ()),
    "MNE": ((), ("Montenegrin", "Montenegrins"), ("Podgorica",)),
    "NLD": (("Holland",), ("Dutch",), ("Amsterdam",)),
    "MKD": (("Macedonia",), ("Macedonian", "Macedonians"), ("Skopje",)),
    "NOR": ((), ("Norwegian", "Norwegians"), ("Oslo",)),
    "POL": ((), ("Polish", "Poles"), ("Warsaw",)),
    "PRT": ((), ("Portuguese",), ("Lisbon",)),
    "ROU": ((), ("Romanian", "Romanians"), ("Bucharest",)),
    "SVK": (("Slovak Republic",), ("Slovak", "Slovaks"), ("Bratislava",)),
    "SVN": ((), ("Slovenian", "Slovene", "Slovenians"), ("Ljubljana",)),
    "ESP": ((), ("Spanish", "Spaniards"), ("Madrid",)),
    "SWE": ((), ("Swedish", "Swedes"), ("Stockholm",)),
    "TUR": (("Turkey", "Turkiye"), ("Turkish", "Turks"), ("Ankara",)),
    "GBR": (("UK", "U.K.", "Britain", "Great Britain"), ("British", "Briton", "Britons"), ("London",)),
    "USA": (("US", "U.S.", "USA", "America", "United States of America"), ("American", "Americans"),
            ("Washington",)),
}
GROUPS = [  # (pattern, code); longest first
    (r"(?:the\s)?European allies and Canada|Europe and Canada|NATO Europe and Canada|European members and Canada",
     "NATO_EUR_CAN"),
    (r"(?:the\s)?European (?:allies|members|NATO members)|(?:the\s)?alliance's European members|Europe", "EUROPE"),
    (r"(?:combined\s)?allied (?:defen[cs]e\s)?spending|alliance-wide|across the alliance|the alliance as a whole|all allies|NATO as a whole", "NATO_TOTAL"),
    (r"NATO|the alliance|the bloc|(?:the\s)?allies|(?:NATO\s)?members|member states|member countries"
     r"|NATO countries|NATO nations", "NATO"),
]
_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|at|near|from|to|around|of|outside|across)\s+(?:the\s+)?)$", re.I)
_SUMMIT_AFTER = re.compile(r"^\s*(?:summit|declaration|communiqu|pledge|meeting|school|treaty|economic)", re.I)


@quick_init
@dataclass(frozen=True)
class Entity:
    start: int  # offsets within the sentence
    end: int
    code: str  # ISO3, NATO_EUR_CAN, EUROPE, NATO_TOTAL or NATO
    kind: str  # name, adjective, capital, group
    text: str

    @property
    def is_ally(self) -> bool:
        return self.kind != "group"


@functools.cache
def _ally_pattern() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    lookup: dict[str, tuple[str, str]] = {}
    for row in roster():
        names, adjectives, capitals = ALLY_WORDS.get(row["iso3"], ((), (), ()))
        for name in (row["name_en"], row["nato_table_label"], *names):
            if name:
                lookup.setdefault(name.lower(), (row["iso3"], "name"))
        for adj in adjectives:
            lookup.setdefault(adj.lower(), (row["iso3"], "adjective"))
        for cap in capitals:
            lookup.setdefault(cap.lower(), (row["iso3"], "capital"))
    lookup.setdefault("türkiye", ("TUR", "name"))
    lookup.setdefault("united states", ("USA", "name"))
    words = sorted(lookup, key=len, reverse=True)
    # names start with a capital: the case-sensitive look-ahead rejects most positions at once
    pattern = re.compile(r"(?-i:(?=[A-Z\u00C0-\u00DE]))(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I)
    return pattern, lookup


# where an ally name can start (what _ally_pattern's case-sensitive look-ahead and look-behind allow); the
# capital comes first so the scan skips to capitals, then the look-behind checks the character before it
_NAME_START = re.compile(r"[A-Z\u00C0-\u00DE](?<![\w.].)")


@functools.cache
def _names_by_prefix() -> dict[str, tuple[int, ...]]:
    """First two characters of a name -> the lengths of the names that start so, longest first."""
    _, lookup = _ally_pattern()
    lengths: dict[str, set[int]] = {}
    for name in lookup:
        assert len(name) >= 2 and folded(name) == name, name
        lengths.setdefault(name[:2], set()).add(len(name))
    return {prefix: tuple(sorted(ls, reverse=True)) for prefix, ls in lengths.items()}


def ally_name_spans(text: str, low: str) -> Iterator[tuple[int, int]]:
    """The spans of `_ally_pattern().finditer(text)` (`low`: folded(text)), by dictionary look-ups from each
    capital instead of the alternation: the pattern takes the longest name (its branches are sorted longest
    first) that equals the text under re.I, which is equality on the folded text (grammar.folded_pattern),
    and is not followed by a word character (which reads the same on both)."""
    _, lookup = _ally_pattern()
    by_prefix = _names_by_prefix()
    n = len(low)
    end = 0
    for cap in _NAME_START.finditer(text):
        p = cap.start()
        if p < end:
            continue  # inside the previous name: finditer resumes after a match
        lengths = by_prefix.get(low[p:p + 2])
        if lengths is None:
            continue
        for length in lengths:
            stop = p + length
            if stop <= n and low[p:stop] in lookup and not (stop < n and _WORD_CHAR.match(low, stop)):
                yield p, stop
                end = stop
                break


_WORD_CHAR = re.compile(r"\w")


@functools.cache
def entity_words() -> frozenset[str]:
    """Lower-case words any entity starts with (a cheap gate before the big pattern)."""
    _, lookup = _ally_pattern()
    words = {re.findall(r"[a-z]+", k)[0] for k in lookup if re.findall(r"[a-z]+", k)}
    return frozenset(words | {"nato", "alliance", "allies", "members", "member", "bloc", "europe", "european",
                              "countries", "nations", "states", "all", "across", "ally", "allied",
                              "combined"})


_GROUP_RE = [(re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.I), code) for p, code in GROUPS]
# every match of GROUPS[i] holds one of these (case-folded): the pattern runs only when one is present
_GROUP_MARKS = [("canada",), ("europe",), ("allie", "allian", "nato"),
                ("nato", "allian", "bloc", "allies", "member", "countries", "nations")]
_GATED_GROUPS = list(zip(_GROUP_RE, _GROUP_MARKS, strict=True))
# what find_entities runs: the same patterns without re.I on the folded text (same spans; the entity's text is
# read from the sentence by offsets)
_GATED_GROUPS_FOLDED = [((folded_pattern(regex), code), marks) for (regex, code), marks in _GATED_GROUPS]


def _holds_any(text: str, marks: tuple[str, ...]) -> bool:
    for mark in marks:
        if mark in text:
            return True
    return False
_CASE_SENSITIVE = {"us", "u.s.", "usa", "uk", "u.k."}  # "us" the pronoun is not the United States


_START = operator.attrgetter("start")


def find_entities(text: str, low: str | None = None) -> list[Entity]:
    """Entities in a sentence, in order, without overlaps (allies win over groups); `low`: folded(text) if known."""
    _, lookup = _ally_pattern()
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []
    if low is None:
        low = folded(text)
    groups = []
    for group, marks in _GATED_GROUPS_FOLDED:
        for mark in marks:
            if mark in low:
                groups.append(group)
                break
    if groups and groups[0][1] == "NATO_EUR_CAN":  # "Europe and Canada" is a group, not Canada
        eur_can, code = groups.pop(0)
        for m in eur_can.finditer(low):
            out.append(Entity(m.start(), m.end(), code, "group", text[m.start():m.end()]))
            taken.append((m.start(), m.end()))
    group_taken = bool(taken)  # ally matches never overlap each other (one scan): only these can clash
    for m_start, m_end in ally_name_spans(text, low):  # the spans of pattern.finditer(text), found faster
        if group_taken and any(s < m_end and m_start < e for s, e in taken):
            continue
        word = text[m_start:m_end]
        key = word.lower() if word.isascii() else folded(word)
        if key in _CASE_SENSITIVE and word != word.upper():
            continue
        if word[0].islower():
            continue
        code, kind = lookup[key]
        if kind == "capital" and (_LOCATION_BEFORE.search(text[max(0, m_start - 20):m_start])
                                  or _SUMMIT_AFTER.match(text[m_end:m_end + 20])):
            continue  # "in Washington", "the Vilnius summit": a place, not the government
        if kind == "name" and _SUMMIT_AFTER.match(text[m_end:m_end + 20]) and code in ("LTU", "LVA"):
            continue
        out.append(Entity(m_start, m_end, code, kind, word))
        taken.append((m_start, m_end))
    for regex, code in groups:
        for m in regex.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            word = text[m.start():m.end()]
            if code == "EUROPE" and word == "Europe" and _LOCATION_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                continue  # "the richest country in Europe": a place
            out.append(Entity(m.start(), m.end(), code, "group", word))
            taken.append((m.start(), m.end()))
    if groups or group_taken:  # ally matches come in order
        out.sort(key=_START)
    return out
