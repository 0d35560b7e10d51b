"""A proposal on record (type proposal): "Trump wants allies to spend 5%". Standing press facts outside the data
pack, kept in this small documented table (docs/claims.md); before the day one was said it is unverifiable."""

from __future__ import annotations

import datetime as dt
import re

from ..frame import Frame
from ..verify import AsOf, Judgement, fact, unverifiable

# (person pattern, threshold % of GDP, date first said, description, source); rules/proposal.py reads the persons
STANDING_FACTS = [
    (re.compile(r"\bTrump\b"), 5.0, dt.date(2025, 1, 7),
     "In January 2025 Donald Trump said allies should spend 5% of GDP on defence (press conference, 7 January 2025)",
     "press reports, January 2025"),
]


def judge(frame: Frame, asof: AsOf) -> Judgement:
    for _person, value, day, desc, _src in STANDING_FACTS:
        if asof.day < day:
            return unverifiable("no recorded proposal of this figure by that date")
        if abs(frame.value - value) < 1e-9:
            return fact("supported", [desc], "matches a recorded press fact")
    return unverifiable("no recorded press fact for this proposal")
