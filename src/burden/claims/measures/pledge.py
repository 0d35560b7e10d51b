"""Pledges as data (type pledge, commitments.csv): a pledge's threshold and deadline, the year a guideline was
adopted, agreed or is to be reviewed, and "the current target" as it stood on the article's date.

`frame.subject` is the pledge id, or CURRENT (the target in force on the date) or PREVIOUS (the one a new pledge
replaced: "raised the target from 2% to 5%"), which the judgement resolves (`Judgement.resolved`); `frame.detail`
the attribute (adopted_year, pledge_year, review_year, deadline_year, else the threshold). Slots: `current` (the
text calls it the current target), `deadline` (a deadline the text gives), `previous_of` (the new pledge). A negative
polarity denies that the pledge exists ("there is no NATO decision on a 5% threshold"): refuted when it stood on the date.
A pledge adopted within `ANNOUNCED_DAYS` after the article is judged on the terms adopted (an announced, scheduled
decision: policy rule 6), unless denied or told as a proposal (slot `proposed`: "a proposal would have allies spend
3.5%")."""

from __future__ import annotations

import re

from ...targets import pledge_date, pledges
from ..frame import Frame
from ..verify import AsOf, Judgement, fact, unverifiable

_YEAR_AT_START = re.compile(r"\s*(\d{4})")
ANNOUNCED_DAYS = 30  # a pledge told this many days or fewer before its summit adopts it is judged on its adopted terms


def judge(frame: Frame, asof: AsOf) -> Judgement:
    pid = frame.subject
    assert pid is not None  # every pledge reading names a pledge (or PREVIOUS / CURRENT)
    attribute = frame.detail
    if attribute == "adopted_year":
        row = _pledge("RIGA2006_2PCT")
        ok = frame.value == pledge_date(row).year
        return fact("supported" if ok else "refuted", [f"RIGA2006_2PCT: the 2% guideline dates from {row['date']}"],
                    f"the 2% guideline was adopted in {row['date']}, not {frame.value}" if not ok else
                    "the 2% guideline dates from 2006")
    if attribute == "pledge_year":
        row = _pledge(pid)
        ok = frame.value == pledge_date(row).year
        return fact("supported" if ok else "refuted", [f"{pid}: agreed {row['date']} ({row['summit']})"],
                    f"{row['summit']} pledge dates from {row['date']}")
    if attribute == "review_year":
        row = _pledge(pid)
        if pledge_date(row) > asof.day:
            return unverifiable("the pledge had not been agreed by the article's date")
        ok = frame.value == _deadline(row)
        return fact("supported" if ok else "refuted", [f"{pid}: review in {row['deadline']}"], "review year")
    if attribute == "deadline_year":
        row = _pledge(pid)
        ok = frame.value == _deadline(row)
        return fact("supported" if ok else "refuted", [f"{pid}: deadline {row['deadline']}"],
                    f"the deadline is {row['deadline']}" + ("" if ok else f", not {frame.value}"))
    return _threshold(frame, asof, pid)


def _threshold(frame: Frame, asof: AsOf, pid: str) -> Judgement:
    """The pledge's level (and deadline), after resolving CURRENT and PREVIOUS on the date."""
    in_force = [p["id"] for p in pledges() if pledge_date(p) <= asof.day]
    resolved: dict = {}
    if pid == "PREVIOUS":  # the old level of "raised the target from 2% to 5%": the target before the new one
        new = pledge_date(_pledge(frame.slots["previous_of"]))
        previous = current_target([p for p in in_force if pledge_date(_pledge(p)) < new])
        if previous is None:
            return unverifiable("no target stood before that pledge")
        pid, resolved = previous, {"subject": previous, "year": pledge_date(_pledge(previous)).year}
    if pid == "CURRENT":
        current = current_target(in_force)
        if not frame.slots.get("current") and current is not None and frame.value is not None:
            # a level named without "current" ("allies have committed to spending 2%" after The Hague) is the latest
            # pledge in force at that level (the Vilnius floor), when one is; "the current target is 2%" is the standing one
            same = [p for p in in_force if (_pledge(p)["threshold_pct"] or "") and
                    abs(float(_pledge(p)["threshold_pct"]) - float(frame.value)) < 1e-9]
            current = current_target(same) or current
        if current is None:
            return unverifiable("no spending pledge was in force on that date")
        pid, resolved = current, {"subject": current}
    j = _judge_pledge(frame, asof, pid, in_force)
    j.resolved = resolved or None
    return j


def _judge_pledge(frame: Frame, asof: AsOf, pid: str, in_force: list[str]) -> Judgement:
    row = _pledge(pid)
    threshold = float(row["threshold_pct"] or "nan")
    facts = [f"{pid}: {row['summit']}, {row['date']}: {row['comparator']} {row['threshold_pct']}% "
             f"({row['metric']}); deadline {row['deadline'] or 'none'}"]
    if frame.polarity == "negative":  # "there is no NATO decision on a 5% threshold"
        if pid in in_force and abs(frame.value - threshold) < 1e-9:
            return fact("refuted", facts, f"a {threshold:g}% pledge was agreed on {row['date']} ({row['summit']})")
        return fact("supported", facts, f"no {frame.value:g}% pledge had been agreed by {asof.day.isoformat()}")
    announced = (pledge_date(row) - asof.day).days
    if pid not in in_force and (frame.slots.get("proposed") or not (len(row["date"]) == 10 and announced <= ANNOUNCED_DAYS)):
        return unverifiable(f"{pid} had not been agreed by {asof.day.isoformat()}")
    if pid not in in_force:
        facts.append(f"told {announced} day(s) before the summit adopted it")
    standing = current_target(in_force)
    if frame.slots.get("current") and pid in in_force and pid != standing \
            and (standing is None or row["summit"] != _pledge(standing)["summit"]):  # (the Hague 3.5% core is a part of
        # the standing Hague pledge: "the current target is 3.5% for core defence" is right)
        return fact("refuted", facts, f"on that date the standing target was {current_target(in_force)}")
    if abs(frame.value - threshold) > 1e-9:
        return fact("refuted", facts, f"the pledge is {threshold:g}%, not {frame.value:g}%")
    deadline = frame.slots.get("deadline")
    if deadline and _deadline(row) and deadline != _deadline(row):
        return fact("refuted", facts, f"the deadline is {_deadline(row)}, not {deadline}")
    return fact("supported", facts, "matches the pledge as it stood on that date")


def current_target(in_force: list[str]) -> str | None:
    for pid in ("HAGUE2025_5PCT_TOTAL", "VILNIUS2023_2PCT_FLOOR", "WALES2014_DIP_2PCT", "RIGA2006_2PCT"):
        if pid in in_force:
            return pid
    return None


def _pledge(pid: str) -> dict[str, str]:
    return next(p for p in pledges() if p["id"] == pid)


def _deadline(row: dict[str, str]) -> int | None:
    m = _YEAR_AT_START.match(row.get("deadline", ""))
    return int(m.group(1)) if m else None
