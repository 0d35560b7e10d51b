"""Who a sentence talks about: allies (names, short forms, adjectives, demonyms, capitals used as
metonyms) and groups (NATO, the alliance, allies, European allies, Europe and Canada)."""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

from ..members import roster
from .grammar import folded, quick_init

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


@functools.cache
def _name_scan() -> tuple[re.Pattern, dict[str, tuple[str, str, bool]]]:
    """`_ally_pattern()`'s pattern arranged so that the engine skips from capital to capital, and the names found
    (folded) -> (code, kind, case-sensitive).

    Same matches: the names are grouped by their first letter, each group keeping the longest-first order (names
    with different first letters cannot both match at one position, so the order of the groups does not matter).
    The group's letter is matched case-sensitively in upper case: the only character of the look-ahead's class
    [A-Z\\u00C0-\\u00DE] that re.I matches to a lower-case letter is its upper case (asserted below); the rest of
    the name is matched under re.I like before. The look-behind is read after that letter ("(?<![\\w.].)"; before
    position 1 it cannot match, the same as nothing before position 0). With a letter first in every branch the
    engine tries only the positions holding one of those capitals, instead of every position."""
    _, lookup = _ally_pattern()
    by_first: dict[str, list[str]] = {}
    for name in sorted(lookup, key=len, reverse=True):  # the alternation's order (ties cannot both match)
        assert len(name) >= 2 and folded(name) == name, name
        by_first.setdefault(name[0], []).append(name)
    capitals = [chr(c) for c in (*range(0x41, 0x5B), *range(0xC0, 0xDF))]
    for first in by_first:
        assert [c for c in capitals if re.match(re.escape(first), c, re.I)] == [first.upper()], first
    branches = [re.escape(first.upper()) + r"(?<![\w.].)(?i:" + "|".join(re.escape(name[1:]) for name in names) + ")"
                for first, names in by_first.items()]
    scan = re.compile("(?:" + "|".join(branches) + r")(?!\w)")
    # a name matched under re.I is the folded text (grammar.folded_pattern)
    return scan, {name: (code, kind, name in _CASE_SENSITIVE) for name, (code, kind) in lookup.items()}


def ally_name_spans(text: str, low: str) -> list[tuple[int, int]]:
    """The spans of `_ally_pattern().finditer(text)` (`low`: folded(text), not needed any more), found faster."""
    return [m.span() for m in _name_scan()[0].finditer(text)]


_CASE_SENSITIVE = {"us", "u.s.", "usa", "uk", "u.k."}  # "us" the pronoun is not the United States


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
_GROUP_MARKS = [("canada",), ("europe",), ("allied ", "alliance-wide", "across the alliance", "all allies", "as a whole"),
                ("nato", "allian", "bloc", "allies", "member")]
_GATED_GROUPS = list(zip(_GROUP_RE, _GROUP_MARKS, strict=True))
# What find_entities runs: the same patterns without re.I on the folded text (grammar.folded_pattern: same
# spans; the entity's text is read from the sentence by offsets), rewritten so that each branch starts with a
# letter: the engine then skips to the positions holding one of those letters instead of trying every position.
# Rewriting: "(?:the\s)?X" is the two branches "the\sX|X" (tried in that order); branches are grouped by their
# first letters keeping their order (branches starting differently cannot both match at one position, so which
# is tried first does not matter); "(?<!\w)" is checked after the first word w as "(?<!\w...)" with one "." per
# letter of w (_at_start(w); the letters are no line breaks, and where the text before w is shorter than the
# look-behind it cannot match: the same as nothing before position 0), so most positions fail on a letter first.
def _at_start(word: str) -> str:
    assert re.fullmatch(r"[a-z']+", word), word
    return word + r"(?<!\w" + "." * len(word) + ")"


_ALLIANCES = "alliance's"
_GROUP_FAST = [
    rf"(?:{_at_start('the')}\seuropean allies and canada"
    rf"|{_at_start('europe')}(?:an allies and canada| and canada|an members and canada)"
    rf"|{_at_start('nato')} europe and canada)(?!\w)",
    rf"(?:{_at_start('the')}\s(?:european (?:allies|members|nato members)|alliance's european members)"
    rf"|{_at_start('europe')}(?:an (?:allies|members|nato members)|)"
    rf"|{_at_start(_ALLIANCES)} european members)(?!\w)",
    rf"(?:{_at_start('combined')}\sallied (?:defen[cs]e\s)?spending"
    rf"|{_at_start('all')}(?:ied (?:defen[cs]e\s)?spending|iance-wide| allies)|{_at_start('across')} the alliance"
    rf"|{_at_start('the')} alliance as a whole|{_at_start('nato')} as a whole)(?!\w)",
    rf"(?:{_at_start('nato')}(?:|\smembers| countries| nations)|{_at_start('the')}(?: alliance| bloc|\sallies)"
    rf"|{_at_start('allies')}|{_at_start('member')}(?:s| states| countries))(?!\w)",
]
_GATED_GROUPS_FOLDED = [((re.compile(fast), code), marks)
                        for fast, ((_regex, code), marks) in zip(_GROUP_FAST, _GATED_GROUPS, strict=True)]
_EUR_CAN, _OTHER_GROUPS = _GATED_GROUPS_FOLDED[0], _GATED_GROUPS_FOLDED[1:]
(_EUROPE, _), (_TOTAL, _), (_NATO, _) = _OTHER_GROUPS
# find_entities tests these marks (written out there): keep the two in step
assert _EUR_CAN[1] == ("canada",)
assert [marks for _, marks in _OTHER_GROUPS] == [("europe",), ("allied ", "alliance-wide", "across the alliance",
                                                              "all allies", "as a whole"),
                                                 ("nato", "allian", "bloc", "allies", "member")]
assert all("all" in mark for mark in ("allied ", "alliance-wide", "across the alliance", "all allies", "allian",
                                      "allies"))
# "Vilnius summit": rest of the sentence read with match(text, end, end + 20), the same as matching the slice
# (no anchors or look-arounds beyond the start)
_SUMMIT_AT = re.compile(_SUMMIT_AFTER.pattern[1:], re.I)
_START = operator.attrgetter("start")


def find_entities(text: str, low: str | None = None) -> list[Entity]:
    """Entities in a sentence, in order, without overlaps (allies win over groups); `low`: folded(text) if known."""
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []  # spans of `out`, kept only when a group scan will read them
    if low is None:
        low = folded(text)
    if "canada" in low:  # _EUR_CAN's one mark; "Europe and Canada" is a group, not Canada
        (eur_can, code), _ = _EUR_CAN
        for m in eur_can.finditer(low):
            m_start, m_end = m.span()
            out.append(Entity(m_start, m_end, code, "group", text[m_start:m_end]))
            taken.append((m_start, m_end))
    # the gates of _OTHER_GROUPS (_GROUP_MARKS) written out: the marks holding "all" are only looked for when
    # "all" is there (a sentence without it holds none of them); the order of the groups is kept
    has_all = "all" in low
    groups = []
    if "europe" in low:
        groups.append(_EUROPE)
    if "as a whole" in low or has_all and ("allied " in low or "alliance-wide" in low or "across the alliance" in low
                                          or "all allies" in low):
        groups.append(_TOTAL)
    if "nato" in low or "member" in low or "bloc" in low or has_all and ("allian" in low or "allies" in low):
        groups.append(_NATO)
    group_taken = bool(taken)  # ally matches never overlap each other (one scan): only these can clash
    scan, names = _name_scan()
    for m in scan.finditer(text):  # the matches of _ally_pattern()
        m_start, m_end = m.span()
        code, kind, case_sensitive = names[low[m_start:m_end]]
        if group_taken and any(s < m_end and m_start < e for s, e in taken):
            continue
        word = text[m_start:m_end]
        if case_sensitive and word != word.upper():
            continue
        # (no `word[0].islower()` test: every name _name_scan finds starts with an upper-case letter)
        if kind == "capital" and (_LOCATION_BEFORE.search(text[max(0, m_start - 20):m_start])
                                  or _SUMMIT_AT.match(text, m_end, m_end + 20)):
            continue  # "in Washington", "the Vilnius summit": a place, not the government
        if kind == "name" and code in ("LTU", "LVA") and _SUMMIT_AT.match(text, m_end, m_end + 20):
            continue
        out.append(Entity(m_start, m_end, code, kind, word))
        if groups:
            taken.append((m_start, m_end))
    for regex, code in groups:
        for m in regex.finditer(low):
            m_start, m_end = m.span()
            for s, e in taken:
                if s < m_end and m_start < e:
                    break
            else:
                word = text[m_start:m_end]
                if code == "EUROPE" and word == "Europe" and _LOCATION_BEFORE.search(text[max(0, m_start - 20):m_start]):
                    continue  # "the richest country in Europe": a place
                out.append(Entity(m_start, m_end, code, "group", word))
                taken.append((m_start, m_end))
    if groups or group_taken:  # ally matches come in order
        out.sort(key=_START)
    return out
