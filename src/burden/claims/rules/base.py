"""A rule reads one type of claim in a sentence into its frame; measures/ judges it. Codes are stable (CLM-...)."""

from __future__ import annotations

from typing import Any

from ..extract import Claim, Sentence


class Rule:
    type = ""
    code = ""

    def find(self, s: Sentence) -> list[Claim]:
        raise NotImplementedError

    def claim(self, s: Sentence, subject: str | None, metric: str, value: Any, comparator: str = "eq",
              year: int | None = None, quantity=None, **extra) -> Claim:
        return Claim(self.type, self.code, s, subject, metric, value, comparator, year, quantity, extra, self)
