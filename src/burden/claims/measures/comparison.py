"""Two parties compared (type comparison): a US$ ratio ("the US spends more than all the other allies combined",
"twice as much as Germany") or % of GDP ("spends a larger share of GDP than France").

Slots: `kind` ("ratio" or a share comparison), `other` (the second party's code)."""

from __future__ import annotations

from ..frame import Frame
from ..verify import GDP, AsOf, Figure, Judgement, data_code, matches, unverifiable
from .lookups import usd_holding, usd_ratio


def judge(frame: Frame, asof: AsOf) -> Judgement:
    subject, year, other = frame.subject, frame.year, frame.slots["other"]
    if year is None:
        return unverifiable("no data year")
    assert subject is not None  # read with its first party
    if frame.slots["kind"] == "ratio":
        basis = frame.price_basis or "current"
        return asof.judge(lambda ed: usd_ratio(asof, ed, subject, other, year, basis),
                          lambda v: matches(v, frame.value, frame.comparator, 1),
                          f"{subject} / {other} US$ {year}", usd_holding(asof, subject, other, year))
    # a "share" comparison is between allies (or NATO_EUR_CAN): data_code() keeps those, never None
    code_a, code_b = data_code(subject), data_code(other)
    assert code_a is not None and code_b is not None

    def diff(ed):
        fa = asof.stored(ed, GDP, code_a, year)
        fb = asof.stored(ed, GDP, code_b, year)
        if not fa or not fb:
            return None
        return Figure(fa.value - fb.value, ed, fa.rows + fb.rows,
                      f"{subject} - {other} % of GDP {year} = {fa.value:g} - {fb.value:g}")
    want = (lambda v: v > 0) if frame.comparator == "gt_entity" else (lambda v: v < 0)
    holding = asof.data.editions_holding((GDP,), code_a, year) & asof.data.editions_holding((GDP,), code_b, year)
    return asof.judge(diff, want, f"{subject} vs {other} % of GDP {year}", holding)
