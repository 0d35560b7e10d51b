"""A rule finds one type of claim in a sentence and judges it. Codes are stable (CLM-...)."""

from __future__ import annotations

from typing import Any

from ..extract import Claim, Sentence
from ..verify import Judgement


class Rule:
    type = ""
    code = ""

    def find(self, s: Sentence) -> list[Claim]:
        raise NotImplementedError

    def verify(self, claim: Claim) -> Judgement:
        raise NotImplementedError

    def claim(self, s: Sentence, subject: str | None, metric: str, value: Any, comparator: str = "eq",
              year: int | None = None, quantity=None, **extra) -> Claim:
        return Claim(self.type, self.code, s, subject, metric, value, comparator, year, quantity, extra, self)


def fact(verdict: str, facts: list[str], explanation: str) -> Judgement:
    return Judgement(verdict, [{"fact": f} for f in facts], explanation)


def unverifiable(explanation: str) -> Judgement:
    return Judgement("unverifiable", [], explanation)
