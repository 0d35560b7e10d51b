"""Scheduled summits recorded in the pack (commitments.csv): "the summit in The Hague in June"."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from ..lexicon import alternation, rows
from ..measures.summit_date import summit_dates
from .base import Rule

# lexicon/en/summit_places.csv: each summit's place names (case as written) and host countries (folded)
_PLACE_NAMES: dict[str, list[str]] = {}
for _row in rows("summit_places"):
    if _row["kind"] == "place":
        _PLACE_NAMES.setdefault(_row["summit"], []).append(_row["word"])
# each summit's names as one pattern (case-sensitive), behind the literals its matches need (claims.gates)
_PLACES = [(k, gated(re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b"))) for k, names in _PLACE_NAMES.items()]
SUMMIT_HOSTS = {r["summit"]: r["word"] for r in rows("summit_places") if r["kind"] == "host"}
_HOSTED = {k: re.compile(rf"summit(?<!\wsummit)\s(?:(?:in|hosted by)\s(?:the\s)?{c}\b|{c}\s(?:hosts|will host))")
           for k, c in SUMMIT_HOSTS.items()}
MEETING = gated(folded_pattern(re.compile(rf"\b(?:{alternation('meeting', 'pattern')})\b", re.I)))  # on Sentence.low


class SummitRule(Rule):
    type = "summit"
    code = "CLM-SUMMIT"
    # a place named (its pattern read case-blind here: the same words or more) or a host country's summit
    needs = (needs_of(*(gated(folded_pattern(re.compile(g.pattern.pattern, re.I))) for _k, g in _PLACES),
                      *(gated(h) for h in _HOSTED.values())),)

    def find(self, s: Sentence) -> list[Claim]:
        out = []
        meeting = None  # MEETING.search_words(s.low, s.tokens), asked once (a pure test: the same answer)
        dates = summit_dates()
        for key, regex in _PLACES:
            day = dates.get(key)
            if not day or s.today >= day:
                continue  # only announcements before the event
            host = SUMMIT_HOSTS.get(key)
            if host and host in s.tokens and "summit" in s.tokens and _HOSTED[key].search(s.low):
                pass  # "a summit in the Netherlands": the place named by its host country
            elif not regex.search(s.text):
                continue
            else:
                if meeting is None:
                    meeting = MEETING.search_words(s.low, s.tokens) is not None
                if not meeting:
                    continue
            when = [t for t in s.times if t.kind in ("month", "week")]
            if when:
                out.append(self.claim(s, key, "summit_month", f"{when[0].year}-{when[0].month:02d}", "eq",
                                      when[0].year))
        return out
