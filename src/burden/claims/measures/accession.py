"""When allies joined (type accession): "Montenegro became a member in 2016", "the first enlargement since North
Macedonia joined in 2020" (then nobody may have joined in between).

`frame.value`: [(year, month or None)] per ally. Slots: `codes` (the allies, in that order), `first_since`, `newest` (the ally is the last to have joined:
"NATO's newest member, Montenegro"; no year said, `frame.value` True)."""

from __future__ import annotations

from ...members import accession_date, roster
from ..frame import Frame
from ..verify import AsOf, Judgement, fact


def judge(frame: Frame, asof: AsOf) -> Judgement:
    codes = frame.slots["codes"]
    if frame.slots.get("newest"):
        return _newest(codes[0], asof)
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


def _newest(code: str, asof: AsOf) -> Judgement:
    """"Montenegro, NATO's newest member": it had joined by the date, and nobody joined after it."""
    day = accession_date(code)
    facts = [f"members.csv: {code} joined on {day.isoformat()}"]
    if day > asof.day:
        return fact("refuted", facts, "it had not joined by the date")
    later = [r["iso3"] for r in roster() if day < accession_date(r["iso3"]) <= asof.day]
    if later:
        facts.append(f"members.csv: joined after it by the date: {', '.join(later)}")
        return fact("refuted", facts, "another ally joined after it")
    facts.append("members.csv: nobody joined after it by the date")
    return fact("supported", facts, "the most recent accession by the date")
