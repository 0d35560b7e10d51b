"""Defence spending in US$ billion (type spending_usd): "$1.47 trillion", "USD 968bn".

Slots: `change` (a change of spending in US$, not a level: unverifiable), `plan`, `span` (a total over several years: not one year's figure; with `span_years` (first, last) named in
the text, the sum of those years within one edition), `scale` (the unit written: trillion 1000, billion 1, million 0.001). A price basis the text named
(`frame.price_basis`) is the only one tried; else every basis the edition publishes is, current first. The alliance's
total on a basis the edition prints only for its parts (the US, the European allies and Canada) is their sum, with
its formula (lookups.parts_usd_bn)."""

from __future__ import annotations

import math

from ..frame import Frame
from ..verify import (
    USD,
    USD_PRESS,
    AsOf,
    Figure,
    Judgement,
    in_range,
    matches,
    printed_decimals,
    round_half_up,
    unverifiable,
)
from .lookups import parts_usd_bn, summed_usd_bn, usd_bn, usd_holding


def judge(frame: Frame, asof: AsOf) -> Judgement:
    if frame.slots.get("change"):
        return unverifiable("a change of spending in US$ (\"added $50 billion\", \"$15 billion more\"): NATO prints each "
                            "year's spending, not this change")
    if frame.slots.get("span"):
        if frame.slots.get("span_years") and frame.subject is not None and not frame.slots["plan"]:
            return _sum_over_years(frame, asof, *frame.slots["span_years"])
        return unverifiable("a total over several years: no one year's published figure")
    if frame.slots["plan"] or frame.year is None:
        return unverifiable("a plan or forecast beyond the published figures")
    subject, year, scale, decimals = frame.subject, frame.year, frame.slots["scale"], frame.decimals
    assert subject is not None and decimals is not None  # read only from a money quantity with its ally
    basis, named = frame.price_basis or "current", frame.price_basis_named

    def look(ed):
        # every price basis the edition publishes, the named (else current) one first: news rarely says
        # which basis it quotes, so a match on any of them is accepted and named in the evidence
        figs: list[Figure] = []
        for b in ((basis,) if named else (basis, "constant")):
            fig = usd_bn(asof, ed, subject, year, b, fallback=not named)
            if fig and all(f.rows[0]["price_basis"] != fig.rows[0]["price_basis"] for f in figs):
                figs.append(Figure(fig.value, ed, fig.rows, f"US$ bn ({fig.rows[0]['price_basis']})"))
        for b in (basis,) if named else ("current", "constant"):  # a basis the edition gives only the parts of
            if not any(b in f.rows[0]["price_basis"].lower() for f in figs) \
                    and (parts := parts_usd_bn(asof, ed, subject, year, b)) is not None:
                figs.append(parts)
        return figs
    printed: dict[float, int] = {}  # each figure looked up: the decimals (in US$ bn) its edition printed it with

    def look_noting_precision(ed):
        figs = look(ed)
        for f in figs:
            if (j := printed_bn_decimals(f)) is not None:
                printed[f.value] = j
        return figs

    claimed_bn_decimals = decimals - round(math.log10(scale))  # "664 058 million": 3; "$1.47 trillion": -1

    def check(v: float) -> bool:
        j = printed.get(v)
        if frame.comparator == "eq" and j is not None and j < claimed_bn_decimals:
            # policy rule 5: the edition printed fewer decimals than the claim: the claim read at the edition's precision
            return round_half_up(frame.value, j) == v
        return _holds(v, frame, scale, decimals)
    j = asof.judge(look_noting_precision, check,
                   f"{subject} {year} defence spending, US$ bn", asof.data.editions_holding((USD, USD_PRESS), subject, year))
    basis_used = next((e["price_basis"] for e in j.evidence if e.get("price_basis")), None)
    if basis_used and j.verdict in ("supported", "outdated"):
        j.explanation += f" (price basis: {basis_used})"
    elif j.verdict == "refuted" and not named:
        j.explanation += " (no price basis published in that edition matches)"
    return j


def _holds(v: float, frame: Frame, scale: float, decimals: int) -> bool:
    """Policy rule 5 in the claim's own unit (billions, trillions ...), a range ("$50bn to $60bn") at both ends."""
    if frame.comparator == "between":
        return in_range(v / scale, [end / scale for end in frame.value], decimals)
    return matches(v / scale, frame.value / scale, frame.comparator, decimals)


def _sum_over_years(frame: Frame, asof: AsOf, first: int, last: int) -> Judgement:
    """"spent a total of around $6.6 trillion over 2012 to 2018": the sum of each year's US$ figure within one
    edition, on one price basis (current first, then constant), never spliced from several editions."""
    subject, scale, decimals = frame.subject, frame.slots["scale"], frame.decimals
    assert subject is not None and decimals is not None
    years = range(first, last + 1)

    def total(ed):
        figs: list[Figure] = []
        for basis in ("current", "constant"):
            parts = [usd_bn(asof, ed, subject, y, basis, fallback=False) or summed_usd_bn(asof, ed, subject, y, basis)
                     for y in years]
            if all(parts):
                rows = [p.rows[0] for p in parts if p is not None]
                figs.append(Figure(sum(p.value for p in parts if p is not None), ed, rows,
                                   f"sum of {subject} US$ bn {first}-{last} ({rows[0]['price_basis']})"))
        return figs
    return asof.judge(total, lambda v: _holds(v, frame, scale, decimals),
                      f"{subject} defence spending {first}-{last} summed, US$ bn",
                      usd_holding(asof, subject, subject, first) & usd_holding(asof, subject, subject, last))



def printed_bn_decimals(fig: Figure) -> int | None:
    """The precision a press-rounded US$ figure was printed with, as decimals of US$ bn: 664 (bn) 0, 44.3 1, and a
    total of a trillion or more, which the press prints in trillions ("$1.2 trillion" = 1,200, "$1.04 trillion" =
    1,040), without its trailing zeros (-2, -1); None for a full-precision Table 1 row or a derived figure (a sum)."""
    if len(fig.rows) != 1 or fig.rows[0].get("indicator") != USD_PRESS:
        return None
    value = fig.rows[0]["value"]
    decimals = printed_decimals(value)
    if decimals == 0 and value >= 1000:
        whole = int(value)
        while decimals > -3 and whole % 10 == 0:
            whole //= 10
            decimals -= 1
    return decimals
