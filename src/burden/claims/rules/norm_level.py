"""The pledge net: a pledge's level named as the allies' commitment in a sentence no other rule read anything from.

Speeches and commentary name the pledge in passing, with nothing else to check: "the minister scolded partners for
missing 2 percent spending commitments", "members fail to live up to commitments which amount to 2 per cent", "meet
their commitment of 2%". The real sets' labellers grade the level named as a promise (commitment, pledge, promise) as
a claim about the pledge, and leave a passing "the 2% target" or "the 2% benchmark" unlabelled (over sets 1-15 such a
reader gave about one labelled claim for two and a half unlabelled): only nouns of promising are read.
The specific pledge reader (rules/pledge.py) wants a word of agreeing, a summit or a deadline; this reader runs after
every other rule, only on sentences where none of them read a claim, and ties a free figure at a pledge's level to a
norm's noun right before or after it (lexicon pledge_words.csv, kinds `level_noun_before` / `level_noun_after`). A goal
a country owns ("its own 2% goal", `level_owner`), a goal of something else (inflation, growth) and a level no pledge
had on the date (pledges.pledge_for: "a 5% target" before the Hague summit) give nothing. The claim is an ordinary
pledge frame, judged by measures/pledge.py."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..lexicon import patterns
from .base import Rule
from .pledge import _OTHER_GOAL, _PROPOSED_ANY, _allies, _deadline_years, _within_decade, pledge_for


def _kind(kind: str, anchor: str) -> re.Pattern:
    return re.compile(anchor.replace("P", "(?:" + patterns("pledge_words", "kind", kind) + ")"))


_BEFORE = _kind("level_noun_before", r"\bP$")  # on s.low, a window ending at the figure
_AFTER = _kind("level_noun_after", r"P")  # on s.low, matched at the figure's end
_OWNER = _kind("level_owner", r"P")  # on s.low, a window ending where the tie starts
# an ally as the speaker, not the owner: "Washington argues that NATO's 2% benchmark ..." (on s.low, between the two)
_SAYS = re.compile(r"\b(?:that|said|says|argues|argued|told|tells|insists|insisted|claims|claimed|warned|warns)\b")
_LEVELS = frozenset({1.5, 2.0, 3.5, 5.0, 20.0})  # the levels of commitments.csv
_REACH = 70  # characters from the noun to the figure
_OWNER_REACH = 30  # characters before the tie where an owner is looked for
NOUNS = frozenset("commitment commitments pledge pledges promise promises undertaking undertakings".split())
# a count of the allies meeting the level ("the number of allies meeting their commitments to spend 2%"): no claim about
# the pledge (on s.low)
_COUNTED = re.compile(r"\b(?:number|share|proportion|handful|majority)\sof\b|\bhow\smany\b")


class NormLevelRule(Rule):
    type = "pledge"
    code = "CLM-PLEDGE"
    needs = ((NOUNS, frozenset()),)

    def find(self, s: Sentence) -> list[Claim]:
        if s.found or s.misconception or s.is_question or not s.quantities:
            return []
        low = s.low
        if _COUNTED.search(low):
            return []
        for q in s.free(("pct",)):
            if q.value not in _LEVELS:
                continue
            before = _BEFORE.search(low, max(0, q.start - _REACH), q.start)
            after = None if before else _AFTER.match(low, q.end)
            if before is None and after is None:
                continue
            tie = before.start() if before else q.start
            if _OWNER.search(low, max(0, tie - _OWNER_REACH), tie) \
                    or any(e.end <= tie and tie - e.end < _OWNER_REACH and not _SAYS.search(low, e.end, tie)
                           for e in _allies(s)) \
                    or _OTHER_GOAL.search(low, max(0, q.start - 40), q.end + 40):
                continue  # a country's own goal ("Italy's 2% target"), or a goal of something else
            pid = pledge_for(s, q.value)
            deadlines = _deadline_years(s, low)
            if pid in ("CURRENT", "RIGA2006_2PCT") and deadlines:
                pid = "WALES2014_DIP_2PCT"  # a 2% goal with a deadline is the Wales pledge (the 2006 guideline has none)
            if pid is None:
                continue
            s.take(q)
            s.carry.pledge = pid if pid != "CURRENT" else s.carry.pledge
            return [self.claim(s, pid, "threshold_pct", q.value, "eq", deadlines[0] if deadlines else s.today.year, q,
                               current=False, deadline=deadlines[0] if deadlines else None,
                               within_decade=_within_decade(low),
                               proposed=_PROPOSED_ANY.search_words(low, s.tokens) is not None)]
        return []
