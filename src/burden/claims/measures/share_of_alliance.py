"""An ally's share of allied defence spending in US$ (type share_of_alliance): "the US accounts for two-thirds".

Slots: `decimals` (of the share as a fraction). A constant price basis the text named is tried first."""

from __future__ import annotations

from ..frame import Frame
from ..verify import AsOf, Judgement, matches, unverifiable
from .lookups import usd_holding, usd_ratio


def judge(frame: Frame, asof: AsOf) -> Judgement:
    subject, year = frame.subject, frame.year
    if year is None:
        return unverifiable("no data year")
    assert subject is not None  # read only with its ally
    basis = frame.price_basis or "current"
    return asof.judge(lambda ed: usd_ratio(asof, ed, subject, "NATO_TOTAL", year, basis),
                      lambda v: matches(v, frame.value, frame.comparator, frame.slots["decimals"]),
                      f"{subject} share of NATO total spending {year}",
                      usd_holding(asof, subject, "NATO_TOTAL", year))
