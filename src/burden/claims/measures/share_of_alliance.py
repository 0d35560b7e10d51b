"""An ally's share of allied defence spending in US$ (type share_of_alliance): "the US accounts for two-thirds"; or,
with the slot `of_gdp`, its share of the allies' combined GDP in US$ ("54% of the allies' combined GDP").

Slots: `decimals` (of the share as a fraction). A price basis the text named is the only one tried; else the share
on every basis the edition publishes is, current first (issue 11: news rarely says which; a match on any is accepted
and named, refuted only when none matches)."""

from __future__ import annotations

import dataclasses

from ..frame import Frame
from ..verify import AsOf, Figure, Judgement, matches, unverifiable, worst_of
from .lookups import gdp_holding, gdp_ratio, usd_holding, usd_ratio


def judge(frame: Frame, asof: AsOf) -> Judgement:
    subject, year = frame.subject, frame.year
    if year is None:
        return unverifiable("no data year")
    assert subject is not None  # read only with its ally
    if "," in subject:  # "Spain, Greece and Norway (each around 1 pct)": each listed ally's share
        return worst_of([judge(dataclasses.replace(frame, subject=one), asof) for one in subject.split(",")])
    basis = frame.price_basis or "current"

    def look(ed: str) -> list[Figure]:
        figs: list[Figure] = []
        for b in (basis,) if frame.price_basis_named else (basis, "constant" if basis == "current" else "current"):
            fig = (gdp_ratio if frame.slots.get("of_gdp") else usd_ratio)(asof, ed, subject, "NATO_TOTAL", year, b)
            if fig and all(f.rows[0]["price_basis"] != fig.rows[0]["price_basis"] for f in figs):
                figs.append(fig)
        return figs
    what = "GDP" if frame.slots.get("of_gdp") else "spending"
    holding = (gdp_holding if frame.slots.get("of_gdp") else usd_holding)(asof, subject, "NATO_TOTAL", year)
    j = asof.judge(look, lambda v: matches(v, frame.value, frame.comparator, frame.slots["decimals"]),
                   f"{subject} share of NATO total {what} {year}", holding)
    basis_used = next((e["price_basis"] for e in j.evidence if e.get("price_basis")), None)
    if basis_used and j.verdict in ("supported", "outdated"):
        j.explanation += f" (price basis: {basis_used})"
    return j
