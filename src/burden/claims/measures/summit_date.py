"""When a summit was scheduled (type summit): "the summit in The Hague in June" (`frame.value` "YYYY-MM")."""

from __future__ import annotations

import datetime as dt
import functools

from ...targets import pledge_date, pledges
from ..frame import Frame
from ..verify import AsOf, Judgement, fact


@functools.cache  # (commitments.csv is shipped, read once: targets.pledges)
def summit_dates() -> dict[str, dt.date]:
    """Summit key (HAGUE2025, ...) -> the day of its first pledge (commitments.csv); callers only read it."""
    out: dict[str, dt.date] = {}
    for p in pledges():
        key = p["id"].split("_")[0]
        out.setdefault(key, pledge_date(p))
    return out


def judge(frame: Frame, asof: AsOf) -> Judgement:
    assert frame.subject is not None  # the summit's key
    day = summit_dates()[frame.subject]
    ok = frame.value == f"{day.year}-{day.month:02d}"
    return fact("supported" if ok else "refuted", [f"{frame.subject}: summit on {day.isoformat()}"],
                f"the summit was scheduled for {day.isoformat()}")
