"""One negation reader for every rule: is what stands at a position negated by the words right before it?

The roles come from the lexicon `negation.csv`:

    CUE  [BETWEEN ...]  what it negates          "has not  yet fully  met the target"
                                                 "doesn't  literally  'owe' NATO money"
    CUE  UNDO ...       what it negates          "has never  failed to  meet the target" (two negations: none)

A CUE is of kind `plain` ("not", "n't", "never", "no longer"), `failure` ("failed to", "yet to", "far from",
"unable to", "cannot": a failure negates an achievement, a status or a figure reached, but not a misconception's key
phrase: "failed to pay its dues" says the dues are owed), `key` ("no member is": only a misconception's key phrase,
"no member is delinquent") or `subject` ("nor Italy": the subject right before the verb is negated, "neither Germany
nor Italy meets the target"). BETWEEN words (adverbs, auxiliaries, "expected to", an
opening quote) may stand between the cue and what it negates, at most three. An UNDO word after a plain cue cancels
it. A new phrasing of negation is one row of the lexicon.

The rules ask it in their own clause (each bounds the clause its way): status.py before a status phrase,
rules/ally_pct.py before a figure (`reach` words of any kind between, since a figure sits after its verb and object:
"does not spend a full 2%"), rules/count_threshold.py before a verb of reaching (`achieve` rows: "most allies have
not met 2%") or a word of standing at a level (`level` rows: "most allies are not even at 2%"), rules/misconception.py before a misconception's key phrase. Every pattern runs on grammar.folded text
(lower case, the same offsets)."""

from __future__ import annotations

import functools
import re

from .lexicon import rows

_QUOTE = r"['‘\"“]"


def _alternation(role: str, kinds: tuple[str, ...] | None = None) -> str:
    return "|".join(r["pattern"] for r in rows("negation") if r["role"] == role and (kinds is None or r["kind"] in kinds))


@functools.cache
def cue(key_phrase: bool = False, plain_only: bool = False) -> str:
    """A negation cue as a regular expression (the n't of a contraction follows a letter: no \\b before it): the
    `plain` and `failure` cues, or (`key_phrase`) the `plain` and `key` ones, or only the `plain` ones."""
    kinds = ("plain",) if plain_only else ("plain", "key", "subject") if key_phrase else ("plain", "failure", "subject")
    return rf"(?:\b(?:{_alternation('cue', kinds)})|n['’ʼ]t)"


@functools.cache
def _before(key_phrase: bool) -> re.Pattern:
    between = _alternation("between")
    return re.compile(rf"{cue(key_phrase)}\s(?:(?:{between})\s|{_QUOTE}\s?){{0,3}}{_QUOTE}?$")


@functools.cache
def _before_words(reach: int) -> re.Pattern:
    return re.compile(rf"{cue()}\s(?:\w+\s){{0,{reach}}}$")


@functools.cache
def _undone() -> re.Pattern:
    return re.compile(rf"{cue(plain_only=True)}\s(?:\w+\s){{0,2}}(?:{_alternation('undo')})\s(?:\w+\s){{0,7}}$")


@functools.cache
def achieve_verbs() -> str:
    """The verbs of reaching a level (`achieve` rows: "met", "reach", "hit"), as a regular expression alternation for
    other readers that look for a verb of reaching, negated or not."""
    return _alternation("achieve")


@functools.cache
def _achieve() -> re.Pattern:
    return re.compile(rf"{cue()}\s(?:(?:{_alternation('between')})\s){{0,3}}(?P<verb>{achieve_verbs()})")


def before(low: str, lo: int, hi: int, *, key_phrase: bool = False, reach: int = 0) -> re.Match[str] | None:
    """The negation that ends right at `hi` in low[lo:hi] (only BETWEEN words after it; or, with `reach`, up to that
    many words of any kind), unless an UNDO word cancels it; `key_phrase`: of a misconception's key phrase (the
    `key` cues, not the `failure` ones)."""
    found = (_before_words(reach) if reach else _before(key_phrase)).search(low, lo, hi)
    if found is None or _undone().search(low, lo, hi) is not None:
        return None
    return found


def negated(low: str, lo: int, hi: int, *, key_phrase: bool = False, reach: int = 0) -> bool:
    """Whether what stands at `hi` is negated (see `before`)."""
    return before(low, lo, hi, key_phrase=key_phrase, reach=reach) is not None


@functools.cache
def _at_level() -> re.Pattern:
    return re.compile(rf"{cue()}\s(?:(?:{_alternation('between')})\s){{0,3}}(?:{_alternation('level')})"
                      r"\s(?:[\w'’-]+\s){0,3}$")


def not_at_level(low: str, lo: int = 0, hi: int | None = None) -> bool:
    """A negated word of standing at a level that ends low[lo:hi], a few words before the level's figure: "most allies
    are not at the agreed 2%", "aren't even near 2%", "nowhere near 2%" (`level` rows; the figure at `hi`)."""
    m = _at_level().search(low, lo, len(low) if hi is None else hi)
    return m is not None and _undone().search(low, lo, m.start()) is None


def not_achieving(low: str, lo: int = 0, hi: int | None = None) -> bool:
    """A negated verb of reaching somewhere in low[lo:hi]: "have not met", "haven't yet reached", "failed to hit"
    (not "have never failed to meet": two negations)."""
    for m in _achieve().finditer(low, lo, len(low) if hi is None else hi):
        if _undone().search(low, lo, m.start("verb")) is None:
            return True
    return False
