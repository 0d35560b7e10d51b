"""Proposals on record: "Trump wants allies to spend 5%" (who and what is on record: measures/proposal.py)."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..frame import figure_modality
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from ..lexicon import patterns
from ..measures.proposal import STANDING_FACTS
from .base import Rule


def _words(kind: str) -> str:
    """The proposal lexicon's patterns of one kind, as an alternation."""
    return patterns("proposal", "kind", kind)


PROPOSAL = re.compile(rf"\b(?:{_words('proposal')})\b", re.I)


# a quoted demand ("allies must pay 2% IMMEDIATELY") is a demand, not a report of a proposal
_IMPERATIVE = re.compile(r"\b(?:must|have to|has to|need to|should)\s(?:\w+\s)?(?:pay|spend|pony up)\b", re.I)


# the level of the standing guideline, not a proposal: "misses the alliance's guideline that every ally
# should devote 2 percent"
_GUIDELINE_LEVEL = re.compile(r"\b(?:guideline|target|goal|benchmark|pledge|commitment)\s(?:that|of|to)\s[^.;]{0,70}$", re.I)
_REPORTED = re.compile(rf"\b(?:{_words('reported')})\b", re.I)


# a proposal named right before or after its figure (on Sentence.low)
_PROPOSAL_NEAR = re.compile(r"\b(?:propos\w*|demand\w*|call(?:ed|s|ing)?\sfor|wants?|wanted|push\w*\sfor|floated|suggest\w*)"
                            r"\s(?:[\w'’-]+\s){0,4}?(?:of\s|to\s|at\s)?(?:at\sleast\s|about\s)?$")
_PROPOSAL_AFTER = re.compile(r"\s?(?:of\s(?:gdp|gross domestic product)\s)?(?:\([^)]*\)\s)?(?:target\s|goal\s|threshold\s)?"
                             r"(?:proposal|demand|plan|idea|call)\b")


class ProposalRule(Rule):
    type = "proposal"
    code = "CLM-PROPOSAL"
    # a person on record and a proposal verb (each person's pattern read case-blind here: the same words or more)
    needs = (needs_of(*(gated(folded_pattern(re.compile(p.pattern, re.I))) for p, *_ in STANDING_FACTS)),
             needs_of(gated(folded_pattern(PROPOSAL))))

    def find(self, s: Sentence) -> list[Claim]:
        out = []
        for person, _value, _day, _desc, _src in STANDING_FACTS:
            m = person.search(s.text)
            if not m or "?" in s.text[-2:] or not PROPOSAL.search(s.text):  # pure tests: the cheap one first
                continue
            # (not the standing 2% guideline's own level: "meet the two percent target", "more than the current 2%")
            pcts = [q for q in s.free(("pct",)) if q.start > m.start() and q.value != 2.0
                    and not _GUIDELINE_LEVEL.search(s.text, max(0, q.start - 90), q.start)]
            # the figure is what is proposed: a demand governs it in its own clause ("wants allies to spend 5%",
            # "NATO countries need to spend 5%") or a proposal noun names it ("called for 5%", "his 5% demand")
            pcts = [q for q in pcts if (modal := figure_modality(s, q)) is not None and modal[0] == "demanded"
                    or _PROPOSAL_NEAR.search(s.low, max(0, q.start - 40), q.start)
                    or _PROPOSAL_AFTER.match(s.low, q.end)]
            if pcts and not (_IMPERATIVE.search(s.text) and not _REPORTED.search(s.text)):
                q = pcts[0]
                s.take(q)
                out.append(self.claim(s, "USA", "proposed_threshold_pct", q.value, "eq", s.today.year, q))
        return out
