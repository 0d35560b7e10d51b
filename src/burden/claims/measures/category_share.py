"""A share of defence spending by category (type spending_category): "26% on equipment", "43% to personnel".

`frame.detail` is the indicator (equipment_pct, personnel_pct, infrastructure_pct). Slots: `plan`, `decimals`
(0 for a fraction written in words)."""

from __future__ import annotations

from ..frame import Frame
from ..verify import AsOf, Judgement, matches, unverifiable


def judge(frame: Frame, asof: AsOf) -> Judgement:
    if frame.slots["plan"]:
        return unverifiable("a plan for a later year: not checkable")
    if frame.year is None:
        return unverifiable("no data year")
    indicator, subject, year = frame.detail, frame.subject, frame.year
    assert subject is not None and indicator is not None  # read only with its ally and category
    return asof.judge(lambda ed: asof.stored(ed, indicator, subject, year),
                      lambda v: matches(v, frame.value, frame.comparator, frame.slots["decimals"]),
                      f"{subject} {year} {indicator.replace('_pct', '')} share of defence spending (%)",
                      asof.data.editions_holding((indicator,), subject, year))
