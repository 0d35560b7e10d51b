"""Threshold status by role: where a subject stands against a threshold named in words.

A status phrase is three roles found in one clause, each from the lexicon `threshold_status.csv`:

    [negation] STATUS  THE-TARGET                         "is not meeting  that standard"
                       (determiner, up to four words, a target noun, and maybe "of N%" after it)

STATUS is a verb or noun phrase of meeting or missing ("met", "fell just shy of", "failure to attain", "is nowhere
near"), with its side (ge, gt, lt, or none: "close to meeting" says nothing checkable); THE-TARGET is a target noun
("target", "standard", "commitment", "benchmark" ...) after a determiner ("the", "that", "its", "NATO's" ...), with
up to four words between ("the alliance's minimum 2% spending target"). A negation right before the status, in its
own clause ("not", "n't", "never", "no longer", "yet to", "failed to"; read by negation.py), turns the side around,
unless the row holds its own negation. A new phrasing of meeting or missing, or a new name for the target, is one row of the lexicon.

The readers use it for every subject they know: an ally ("Spain fell just shy of the 2% target"), a count ("just six
reach the goal"), a named set ("Latvia, Poland and the US met that goal"). The threshold's level is a percentage
inside the target's phrase or right after it ("the NATO standard of 2%"), else the one the text talked about before
(an anaphor: "that standard"), else the standing guideline (`level`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import negation
from .gates import Gated, gated
from .grammar import folded_pattern
from .lexicon import patterns, rows
from .quantities import Quantity
from .verify import OPPOSITE

_DETERMINER = (r"(?:the|that|this|these|those|its|their|our|his|her|a|an|nato['’]s|the\salliance['’]s|the\sbloc['’]s"
               r"|the\sorgani[sz]ation['’]s|[a-z]+['’]s)")
# (a norm's relative clause may name who spends: "an alliance goal that asks its member states to devote at least 2%")
_LEVEL_AFTER = re.compile(r"(?:\s(?:set|agreed|adopted|fixed)(?:\s(?:by|at|in)\s(?:[\w'’-]+\s){0,4}?[\w'’-]+)*)?"  # ("a goal set by all
                          # members in 2014 to spend 2%")
                          r"\s(?:of|to\sspend|that\s(?:[\w-]+\s){1,8}?(?:spend|invest|allocate|devote)|to\sinvest)\s"
                          r"(?:(?:spending|allocating|investing|devoting)\s)?(?:(?:at\sleast|just|only|a\smere)\s)?")
_CLAUSE = re.compile(r"[,;:—–(]\s|\b(?:while|but|whereas|although|though)\b")
# a subordinate clause whose subject is a count: "urges members to spend more as only 7 hit target", "because just
# nine allies meet it" (a demand before it does not govern the count; also a clause break of frame.clause_breaks)
COUNT_CLAUSE = (r"\s(?:as|because|since|when|now\sthat|even\sas)\s(?=(?:only\s|just\s|a\smere\s|so\sfar\s|still\s)?"
                r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                r"|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?|thirty(?:-\w+)?|a\shandful|a\sfew|few|most|none)"
                r"\s(?:of\s(?:the\s|its\s)?[^\s]+\s)?(?:\w+\s)?(?:allies|members|countries|nations|states|have|had|hit|meet"
                r"|met|reach|reached|do|did)\b)")
_COUNT_CLAUSE = re.compile(COUNT_CLAUSE)


def clause_start(low: str, start: int, reach: int = 60) -> int:
    """Where the clause holding `start` begins, looking back at most `reach` characters (folded text)."""
    lo = max(0, start - reach)
    ends = [c.end() for c in _CLAUSE.finditer(low, lo, start)]
    if " as " in low or " because " in low or " since " in low or " when " in low:
        ends += [c.end() for c in _COUNT_CLAUSE.finditer(low, lo) if c.end() <= start]
    return max(ends, default=lo)
_NOT_TARGET_AFTER = re.compile(r"\s(?:of\s(?:\w+\s)?(?:growth|inflation|the\sgovernment|the\stalks|the\ssummit|the\smeeting)"
                               r"|for\s(?:growth|inflation|emissions|troops))\b"
                               # "its goal of a balanced budget": "of" and no level, spending or GDP after it
                               r"|\sof\s(?!(?:at\sleast\s|about\s|around\s|nearly\s|some\s|just\s|over\s|more\sthan\s)?"
                               r"(?:\d|one|two|three|four|five|spending|spend|allocating|investing|devoting|putting|raising|reaching|"
                               r"gdp|nato|the\salliance|their|its|each|every|all|members|allies|defen[cs]e|military))")
SIDES = frozenset({"ge", "gt", "lt", "none"})


@dataclass(unsafe_hash=True, slots=True)  # never changed once made (docs/claims.md, Speed: not frozen)
class Status:
    """One status phrase of a sentence (offsets in the sentence)."""

    start: int  # where the status (or the negation before it) starts
    verb_start: int
    verb_end: int
    target_start: int  # the target's phrase: determiner ... noun
    target_end: int
    side: str  # ge / gt / lt after the negation; none: nothing checkable
    negated: bool
    determiner: str  # "the", "that", "its" ...: "that"/"this" name a threshold talked about before
    proform: bool = False  # "achieved it", "are doing so", "do not": the threshold is the one talked about before
    # the side a plan, vow or commitment before it gives the subject ("has committed to reaching the goal", "plans to
    # meet the target by 2029": role `plan`), its negation included; side is then "none" (no statement of where the
    # subject stands), and only the ally reader reads the plan, as a claim that is unverifiable unless an edition
    # estimates its year
    planned: str | None = None

    @property
    def anaphoric(self) -> bool:
        return self.proform or self.determiner in ("that", "this", "these", "those")


@functools.cache
def _rows() -> tuple[tuple[str, str, bool], ...]:
    out = []
    for r in rows("threshold_status"):
        if r["role"] == "status":
            assert r["side"] in SIDES, r
            out.append((r["pattern"], r["side"], r["own"] == "yes"))
    return tuple(out)


# what may stand before a target noun with no determiner: "NATO spending targets", "Nato 2% goal" (folded text)
_BARE_MODIFIER = r"(?:nato|nato['’]s|spending|defen[cs]e|military|alliance|budget|2\s?%|2\sper\s?cent|two\sper\s?cent)"


@functools.cache
def pattern() -> Gated:
    """STATUS THE-TARGET, on grammar.folded text; group "s<i>" is the status row i that matched."""
    statuses = "|".join(f"(?P<s{i}>{p})" for i, (p, _side, _own) in enumerate(_rows()))
    targets = patterns("threshold_status", "role", "target")
    # with no determiner, only a plural ("have met targets", "meet NATO spending targets")
    plural = "|".join(r["pattern"][:-2] + "s" for r in rows("threshold_status") if r["role"] == "target"
                      and r["pattern"].endswith("s?"))
    regex = re.compile(rf"(?<![\w'’-])(?P<verb>{statuses})\s(?:(?:even|yet|fully|comfortably|easily|already|still|again|just|barely|"
                       rf"narrowly|finally|now|actually|all)\s)?(?P<target>(?P<det>{_DETERMINER})\s(?:[\w'’%.-]+,?\s){{0,4}}?"
                       rf"(?:{targets})|(?P<bare>(?:{_BARE_MODIFIER}\s){{0,3}}(?:{plural}))"
                       # a headline's bare singular at a clause's end or before its time: "just six reach goal, Norway
                       # included", "US and four others meet Nato 2% goal", "Germany hits Nato 2% target for first time"
                       rf"|(?P<headline>(?:{_BARE_MODIFIER}\s){{0,3}}(?:target|goal|guideline|benchmark)"
                       rf"(?=\s?[,.;:!?]|\s?$|\s(?:for\s(?:the\s)?first\stime|in\s\d{{4}}|this\syear|last\syear)\b)))$", re.I)
    return gated(folded_pattern(regex))


@functools.cache
def nouns() -> re.Pattern:
    """The target nouns alone (folded text): each status ends at one, so the status pattern is tried only in the
    window before each (anchored at the noun's end)."""
    targets = patterns("threshold_status", "role", "target")
    return re.compile(rf"\b(?:{targets})\b(?!['’-])")


@functools.cache
def other() -> re.Pattern:
    """A word that makes the target some other one, among its modifiers (on folded text)."""
    return re.compile(r"\b(?:" + "|".join(r["pattern"] for r in rows("threshold_status") if r["role"] == "other"
                                          and " " not in r["pattern"]) + r")\b")


@functools.cache
def other_after() -> re.Pattern:
    """The same right after the target ("pledges to Ukraine", "the goal for growth")."""
    return re.compile(r"\s(?:" + patterns("threshold_status", "role", "other") + r")")


@functools.cache
def _role_words(role: str) -> re.Pattern:
    """The threshold_status rows of one role as whole words (on folded text)."""
    return re.compile(r"\b(?:" + patterns("threshold_status", "role", role) + r")\b")


def modal() -> re.Pattern:
    """A modal word in the status's clause, before it (on folded text)."""
    return _role_words("modal")


def planned() -> re.Pattern:
    """A word of a national plan, vow or commitment in the status's clause, before it (on folded text)."""
    return _role_words("plan")


def forecast() -> re.Pattern:
    """A word of a forecast in the status's clause, before it (on folded text)."""
    return _role_words("forecast")


@functools.cache
def unplanned() -> re.Pattern:
    """A word that denies the plan after it, in the status's clause ("refused to commit to", "not to have presented a
    plan to"), on folded text, up to the plan word."""
    words = patterns("threshold_status", "role", "unplanned")
    return re.compile(rf"(?:\b(?:{words})\b|n['’]t\b)[^,;:]*$")


# how far back an accusation is looked for: its verb, object and "for" may take more than a clause's usual 60
# characters ("has again and again attacked the richer allies in Europe for failing, year after year, to reach the goal")
_ACCUSED_REACH = 110


@functools.cache
def accused() -> re.Pattern:
    """An accusing verb and "for / of / over" before the status, in its clause (on folded text)."""
    verbs = patterns("threshold_status", "role", "accuse")
    return re.compile(rf"\b(?:{verbs})\s(?:[\w'’.-]+\s){{0,8}}?(?:for|of|over)\s(?:[\w'’-]+\s){{0,4}}$")


def find(text: str, low: str, tokens: frozenset[str]) -> list[Status]:
    """Every status phrase of a sentence (`low` = grammar.folded(text), `tokens` its words), in order."""
    found = pattern()
    if not found.may_match(low, tokens):
        return []
    out = []
    matches: list[re.Match[str]] = []
    pattern_ = found.pattern
    for n in nouns().finditer(low):  # the longest status ending at each target noun: the leftmost match in the 120
        # characters before it (anchored at the noun's end; the pattern's look-behind and its status words, each
        # opening with a letter, keep it to a word start)
        m = pattern_.search(low, max(0, n.start() - 120), n.end())
        if m is not None and m.start() < n.start():
            if not matches or m.start() >= matches[-1].end():
                matches.append(m)
    for m in matches:
        if _NOT_TARGET_AFTER.match(low, m.end()) or other().search(low, m.start("target"), m.end()) \
                or other_after().match(low, m.end()):
            continue  # "missed the target of the talks", "its aid pledges to Ukraine", "the inflation target"
        first = _coordinated_before(low, m.start())
        if first is not None:  # "reaching and exceeding the target": the first verb's status too
            out.append(_status(low, m, first.start(), first.start("verb"), first.end("verb"), _group_row(first)))
        out.append(_status(low, m, m.start(), m.start("verb"), m.end("verb"), _group_row(m)))
    return out


def _group_row(m: re.Match[str]) -> int:
    """The status row whose group "s<i>" matched."""
    return next(int(k[1:]) for k, v in m.groupdict().items() if k[0] == "s" and k[1:].isdigit() and v is not None)


@functools.cache
def _coordinated() -> re.Pattern:
    """A status verb joined by "and" / "or" to the status verb after it, the two sharing its target ("meeting and
    being prepared to exceed the target", "has met or exceeded the goal"), on folded text ending where the second
    starts."""
    statuses = "|".join(f"(?P<s{i}>{p})" for i, (p, side, _own) in enumerate(_rows()) if side != "none")
    return re.compile(rf"(?<![\w'’-])(?P<verb>{statuses})\s(?:and|or)\s(?:[\w'’]+\s){{0,4}}$")


def _coordinated_before(low: str, start: int) -> re.Match[str] | None:
    """The status verb coordinated with the status starting at `start`, if any (folded text)."""
    if " and " not in low and " or " not in low:
        return None
    return _coordinated().search(low, max(0, start - 60), start)


def _status(low: str, m: re.Match[str], start: int, verb_start: int, verb_end: int, i: int) -> Status:
    """The status of row i whose verb is at verb_start:verb_end and whose target is m's: its clause's modality, plan,
    forecast and negation read before `start`."""
    _pattern, side, has_own = _rows()[i]
    clause = clause_start(low, start)
    if accused().search(low, clause_start(low, start, _ACCUSED_REACH), start) or modal().search(low, clause, start):
        side = "none"  # "criticised Germany for not meeting the target": an accusation reported; "should meet",
        # "if Spain meets": what is wanted or supposed, no claim
    vow = planned().search(low, clause, start) if side != "none" else None
    if vow is not None and unplanned().search(low, clause, vow.start()) is not None:
        side = "none"  # "the one ally that has not put forward a plan to reach the goal": no plan, no status
    plan = vow is not None and side != "none"
    # "is expected to meet the target by 2032": a forecast keeps its side, and is the ally's planned figure too
    foreseen = not plan and side != "none" and forecast().search(low, clause, start) is not None
    neg = None if has_own or side == "none" else negation.before(low, clause, start)
    negated = neg is not None
    if neg is not None:
        side = {"ge": "lt", "gt": "le", "lt": "ge"}[side]
        start = neg.start()
    # ("has committed to reaching the goal": a plan, not where the subject stands)
    return Status(start, verb_start, verb_end, m.start("target"), m.end("target"), "none" if plan else side, negated,
                  " ".join((m.group("det") or "").split()), planned=side if plan or foreseen else None)


def level_after(text: str, status: Status, quantities: Iterable[Quantity]) -> Quantity | None:
    """The percentage that names the target's level: inside its phrase ("the 2% target") or right after it ("the
    standard of 2%", "the goal to spend 2%"), or None."""
    for q in quantities:
        if q.kind != "pct":
            continue
        if status.target_start <= q.start < status.target_end:
            return q
        if q.start >= status.target_end and _LEVEL_AFTER.fullmatch(text, status.target_end, q.start):
            return q
    return None


@functools.cache
def target_tokens() -> frozenset[str]:
    """The words of the target nouns ("target", "targets", "standard" ...): a sentence without one has no status."""
    out = set()
    for r in rows("threshold_status"):
        if r["role"] == "target":
            p = r["pattern"]
            out |= {p[:-2], p[:-2] + "s"} if p.endswith("s?") else {p}
    return frozenset(out)


def of_text(text: str, low: str, tokens: frozenset[str]) -> list[Status]:
    """`find`, behind the target nouns' words (`Sentence.statuses` asks it once per sentence)."""
    return [] if tokens.isdisjoint(target_tokens()) else find(text, low, tokens)


def covering(s, q) -> Status | None:
    """The status phrase whose target's level is the percentage `q` ("fell just shy of the 2% threshold", "meets the
    NATO standard of 2%"), or None."""
    for st in s.statuses:
        if st.target_start <= q.start < st.target_end or (
                q.start >= st.target_end and _LEVEL_AFTER.fullmatch(s.text, st.target_end, q.start)):
            return st
    return None


# where a pro-form may end: a clause's end, or a time or an aside after it ("nine did so in 2019", "most do not, ...")
_PROFORM_END = (r"(?=\s?[.,;:!?)\"”—–]|\s?$|\s(?:in|by|last|this|next|until|since|too|either|now|again|yet|already|so far"
                r"|according|as|while|but|and|he|she|they|officials|nato)\b)")


@functools.cache
def _proform_pattern() -> re.Pattern:
    """A status verb and a pro-form object ("achieved it"), or a verb phrase standing for the whole status ("are doing
    so", "do not"), at a clause's end (folded text); group "v<i>": status row i, "p<i>": proverb row i."""
    verbs = "|".join(f"(?P<v{i}>{p})" for i, (p, side, _own) in enumerate(_rows()) if side != "none")
    objects = patterns("threshold_status", "role", "proform")
    proverbs = "|".join(f"(?P<p{i}>{r['pattern']})" for i, r in enumerate(_proverb_rows()))
    return re.compile(rf"(?<![\w'’-])(?:(?:{verbs})\s(?:(?:even|fully|already|still|again|just|finally|now)\s)?(?:{objects})"
                      rf"|{proverbs}){_PROFORM_END}")


@functools.cache
def _proverb_rows() -> tuple[dict[str, str], ...]:
    return tuple(r for r in rows("threshold_status") if r["role"] == "proverb")


def proform_after(low: str, start: int, end: int | None = None, carried_side: str | None = None) -> Status | None:
    """The first status with a pro-form for its threshold in `low[start:end]` (folded text), in the clause that starts
    at `start` ("only seven allies achieved it", "nine of the 30 are doing so", "Most, Canada included, do not"); its
    side: the verb's (negation before it included), or for a verb phrase standing for the whole status, the side
    `carried_side` the text talked about before (`same`) or its opposite (`other`). Read only when a reader has found a
    count and no threshold of its own (no per-sentence scan)."""
    if carried_side not in ("ge", "gt", "lt", "le"):
        return None
    m = _proform_pattern().search(low, start, len(low) if end is None else end)
    if m is None:
        return None
    key = next(k for k, v in m.groupdict().items() if v is not None)
    clause = max(start, clause_start(low, m.start()))
    if modal().search(low, clause, m.start()) \
            or accused().search(low, max(start, clause_start(low, m.start(), _ACCUSED_REACH)), m.start()):
        return None  # "should meet it", "criticised for not doing so": no statement of where they stand
    negated, at = False, m.start()
    if key[0] == "p":
        row = _proverb_rows()[int(key[1:])]
        side = carried_side if row["side"] == "same" else OPPOSITE[carried_side] if row["side"] == "other" else row["side"]
        negated = row["side"] == "other"
    else:
        side = _rows()[int(key[1:])][1]
        neg = negation.before(low, clause, m.start())
        if neg is not None:
            side, negated, at = OPPOSITE[side], True, neg.start()
    return Status(at, m.start(), m.end(), m.end(), m.end(), side, negated, "that", True)


@functools.cache
def below_set() -> re.Pattern:
    """A noun for the allies below the threshold, then a verb of naming right before a list: "the 'laggards' list
    includes", "the under-spenders are" (folded text, ending where the list starts)."""
    nouns = patterns("threshold_status", "role", "below_set")
    return re.compile(rf"\b(?:{nouns})['’\"”]?\s(?:(?:list|group|club|camp|category)\s)?"
                      # "the laggards list is considerably longer and includes"
                      rf"(?:(?:is|was|are|were)\s(?:[\w-]+\s){{0,3}}?(?:and|but)\s)?(?:still\s|now\s|also\s)?"
                      rf"(?:includes?|included|are|were|comprises?|remain)\s?:?\s(?:the\s)?$|\b(?:{nouns})['’\"”]?\s?[:—–-]\s(?:the\s)?$")


@functools.cache
def verb_pattern() -> re.Pattern:
    """A status verb alone, at a position of folded text ("have not met 2%": the verb before a figure)."""
    statuses = "|".join(f"(?:{p})" for p, side, _own in _rows() if side != "none")
    return re.compile(rf"(?<![\w'’-])(?:{statuses})\s")
