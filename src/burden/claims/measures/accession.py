"""When allies joined (type accession): "Montenegro became a member in 2016", "the first enlargement since North
Macedonia joined in 2020" (then nobody may have joined in between).

`frame.value`: [(year, month or None)] per ally. Slots: `codes` (the allies, in that order), `first_since`."""

from __future__ import annotations

from ...members import accession_date, roster
from ..frame import Frame
from ..verify import AsOf, Judgement, fact


def judge(frame: Frame, asof: AsOf) -> Judgement:
    codes = frame.slots["codes"]
    facts, ok = [], True
    for code, (year, month) in zip(codes, frame.value, strict=False):
        day = accession_date(code)
        facts.append(f"members.csv: {code} joined on {day.isoformat()}")
        ok = ok and day.year == year and (month is None or day.month == month)
    if ok and frame.slots["first_since"]:
        last = accession_date(codes[0])
        between = [r["iso3"] for r in roster() if last < accession_date(r["iso3"]) < asof.day]
        if between:
            facts.append(f"members.csv: joined in between: {', '.join(between)}")
            return fact("refuted", facts, "another ally joined in between")
    return fact("supported" if ok else "refuted", facts,
                "accession dates from members.csv" + ("" if ok else ": the date given is wrong"))
