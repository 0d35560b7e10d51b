"""Standing misconceptions (type misconception): money "owed" to NATO, a treaty obligation to spend 2%, a legally
binding pledge. They were never true: asserting one is refuted, rebutting one is supported.

Slots: `kind` (arrears, treaty, legal), `rebutted`. A pledge dated to a year it was not made in ("the 2% target set in
2014", "a 2011 decision": rules/pledge.py) is a misconception of the norm's origin, judged as measures/pledge.py judges
a pledge's year."""

from __future__ import annotations

from ..frame import Frame
from ..verify import AsOf, Judgement, fact
from . import pledge

FACTS = {
    "arrears": "No ally owes NATO money: the 2% guideline concerns each ally's own defence spending; NATO's "
               "common funding is a separate cost-share budget (commitments.csv: RIGA2006_2PCT, WALES2014_DIP_2PCT)",
    "treaty": "The North Atlantic Treaty (1949) sets no spending figure; 2% is a political guideline agreed in 2006 "
              "(commitments.csv: RIGA2006_2PCT)",
    "legal": "NATO spending pledges are political commitments, not legally binding obligations "
             "(commitments.csv: WALES2014_DIP_2PCT 'aim to move towards')",
}


def judge(frame: Frame, asof: AsOf) -> Judgement:
    if frame.detail in ("adopted_year", "pledge_year"):  # a pledge dated to a wrong year (rules/pledge.py)
        return pledge.judge(frame, asof)
    kind = frame.slots["kind"]
    if frame.slots["rebutted"]:
        return fact("supported", [FACTS[kind]], "the sentence rebuts a standing misconception")
    return fact("refuted", [FACTS[kind]], "a standing misconception: this was never true")
