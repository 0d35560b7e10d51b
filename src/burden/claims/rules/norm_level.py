"""The pledge net: a pledge's level named as the allies' commitment in a sentence no other rule read anything from.

Speeches and commentary name the pledge in passing, with nothing else to check: "the minister scolded partners for
missing 2 percent spending commitments", "members fail to live up to commitments which amount to 2 per cent", "meet
their commitment of 2%". The real sets' labellers grade the level named as a promise (commitment, pledge, promise) as
a claim about the pledge, and leave a passing "the 2% target" or "the 2% benchmark" unlabelled (over sets 1-15 such a
reader gave about one labelled claim for two and a half unlabelled): only nouns of promising are read.
The specific pledge reader (rules/pledge.py) wants a word of agreeing, a summit or a deadline; this reader runs after
every other rule, only on sentences where none of them read a claim, and ties a free figure at a pledge's level to a
norm's noun right before or after it (lexicon pledge_words.csv, kinds `level_noun_before` / `level_noun_after`); a norm
named by what it asks (kinds `norm_level_before` / `norm_level_after`, "the target of spending 2%") is read even beside
other claims, unless met or missed (`_MET_BEFORE`). A goal
a country owns ("its own 2% goal", `level_owner`), a goal of something else (inflation, growth) and a level no pledge
had on the date (pledges.pledge_for: "a 5% target" before the Hague summit) give nothing. The claim is an ordinary
pledge frame, judged by measures/pledge.py."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..lexicon import patterns
from .base import Rule
from .figures import NORM_MET_BEFORE
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


# the norm named by what it asks ("NATO's target of spending 2%", "guidelines require that members spend 2%", "the 2%
# required by the alliance"; kinds `norm_level_before` / `norm_level_after`): a claim about the pledge even when another
# rule read a figure of the sentence as an ally's ("Hungary spent 2.4%, more than the 2% required by the NATO agreement",
# "Rome stays committed to NATO's goal of devoting 2%": the ally's claim and the pledge's)
_NORM_BEFORE = _kind("norm_level_before", r"\bP$")  # on s.low, a window ending at the figure
_NORM_AFTER = _kind("norm_level_after", r"P")  # on s.low, matched at the figure's end
_ALLIANCE_FIRST = re.compile(r"(?:nato|the\salliance|alliance|the\sbloc|bloc)\b")  # the norm's owner opening the tie
# a norm met, missed or kept ("five allies met the goal of spending 2%", "below the alliance's goal of putting 2% into defence",
# "Estonia adheres to NATO's recommendation of spending 2%"): the count's or ally's threshold, no claim about the pledge,
# as the dev set and real sets 30 and 33 label it (on s.low, ending where the norm's tie starts)
_MET_BEFORE = re.compile(NORM_MET_BEFORE.pattern + r"|\b(?:adher\w*\sto|compl\w*\swith|in\s(?:line|keeping)\swith)\s"
                         r"(?:[\w'’-]+\s){0,4}$")
# the nouns and verbs the rule's readings start from (the dispatcher's gate)
WORDS = NOUNS | frozenset("target targets goal goals guideline guidelines requirement requirements recommendation "
                          "recommendations benchmark benchmarks objective objectives obligation obligations required "
                          "require requires demanded demand demands recommended stipulated stipulate stipulates".split())


class NormLevelRule(Rule):
    type = "pledge"
    code = "CLM-PLEDGE"
    needs = ((WORDS, frozenset()),)

    def find(self, s: Sentence) -> list[Claim]:
        if s.misconception or s.is_question or not s.quantities or _COUNTED.search(s.low):
            return []
        if not s.found:
            return self._read(s, s.free(("pct",)), _BEFORE, _AFTER) or self._read(s, s.free(("pct",)), _NORM_BEFORE,
                                                                                   _NORM_AFTER)
        if any(c.type in ("pledge", "misconception") for c in s.found):
            return []
        return self._read(s, [q for q in s.quantities if q.kind == "pct"], _NORM_BEFORE, _NORM_AFTER)

    def _read(self, s: Sentence, pcts: list, before_re: re.Pattern, after_re: re.Pattern) -> list[Claim]:
        """The first figure at a pledge's level tied to a norm's noun by `before_re` (ending at it) or `after_re`
        (starting at its end), not owned by a country nor (for the norms named by what they ask) met, as a pledge
        claim."""
        low = s.low
        for q in pcts:
            if q.value not in _LEVELS:
                continue
            before = before_re.search(low, max(0, q.start - _REACH), q.start)
            after = None if before else after_re.match(low, q.end)
            if before is None and after is None:
                continue
            tie = before.start() if before else q.start
            if before_re is _NORM_BEFORE and _MET_BEFORE.search(low, max(0, tie - 40), tie):
                continue
            alliance_owned = _ALLIANCE_FIRST.match(low, tie) is not None  # ("Rome stays committed to NATO's goal")
            if not alliance_owned and (
                    _OWNER.search(low, max(0, tie - _OWNER_REACH), tie)
                    or any(e.end <= tie and tie - e.end < _OWNER_REACH and not _SAYS.search(low, e.end, tie)
                           for e in _allies(s))) \
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
