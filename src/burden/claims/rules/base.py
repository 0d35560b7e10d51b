"""A rule reads one type of claim in a sentence into its frame; measures/ judges it. Codes are stable (CLM-...)."""

from __future__ import annotations

from typing import Any

from ..extract import Claim, Sentence
from ..gates import Option, meets


class Rule:
    type = ""
    code = ""
    # what every sentence the rule can read anything from meets: requirements (claims.gates: each one of some
    # words or substrings of the folded sentence), all of which must hold: derived from the rule's own patterns with
    # gates.needs_of, or the word set (GATE) its reading starts from, tested here once instead of in `find`; None:
    # the rule reads every sentence
    needs: tuple[Option, ...] | None = None

    def may_read(self, s: Sentence) -> bool:
        """The dispatcher's test (claims.iter_claims): False when `find` cannot find anything in `s`."""
        return self.needs is None or meets(self.needs, s.low, s.tokens)

    def find(self, s: Sentence) -> list[Claim]:
        raise NotImplementedError

    def claim(self, s: Sentence, subject: str | None, metric: str, value: Any, comparator: str = "eq",
              year: int | None = None, quantity=None, **extra) -> Claim:
        return Claim(self.type, self.code, s, subject, metric, value, comparator, year, quantity, extra, self)
