"""Two parties compared (type comparison): a US$ ratio ("the US spends more than all the other allies combined",
"twice as much as Germany") or % of GDP ("spends a larger share of GDP than France").

Slots: `kind` ("ratio", "share_ratio", "own_past_ratio": an ally's share of GDP over its own in `base_year`, "more
than twice its share of ten years earlier", or a share comparison), `other` (the second party's code)."""

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
    if frame.slots["kind"] == "own_past_ratio":  # "over twice its share of ten years earlier"
        base = frame.slots["base_year"]
        return _gdp_ratio(frame, asof, (subject, year), (subject, base), f"{subject} % of GDP {year} / {base}")
    if frame.slots["kind"] == "share_ratio":  # "twice as much as Germany relative to GDP": a / b of the two shares
        first_code, second_code = data_code(subject), data_code(other)
        assert first_code is not None and second_code is not None
        return _gdp_ratio(frame, asof, (first_code, year), (second_code, year), f"{subject} / {other} % of GDP {year}")
    # a "share" comparison is between allies (or NATO_EUR_CAN): data_code() keeps those, never None; the first side
    # may be several allies ("Slovenia and Luxembourg spend more than Spain"): each of them must be on its side, so
    # the one nearest the other decides (the smallest difference for "more", the largest for "less")
    codes_a = [code for code in map(data_code, subject.split(",")) if code is not None]
    code_b = data_code(other)
    assert code_b is not None and codes_a
    more = frame.comparator == "gt_entity"

    def diff(ed):
        fb = asof.stored(ed, GDP, code_b, year)
        found = [asof.stored(ed, GDP, code, year) for code in codes_a]
        fas = [f for f in found if f]
        if not fb or len(fas) < len(found):
            return None
        fa = (min if more else max)(fas, key=lambda f: f.value)
        if len(fas) == 1:
            return Figure(fa.value - fb.value, ed, fa.rows + fb.rows,
                          f"{subject} - {other} % of GDP {year} = {fa.value:g} - {fb.value:g}")
        each = ", ".join(f"{code} {f.value:g}" for code, f in zip(codes_a, fas, strict=True))
        return Figure(fa.value - fb.value, ed, [r for f in fas for r in f.rows] + fb.rows,
                      f"{'lowest' if more else 'highest'} of {each} - {other} {fb.value:g} % of GDP {year} = "
                      f"{fa.value - fb.value:g}")
    want = (lambda v: v > 0) if more else (lambda v: v < 0)
    holding = asof.data.editions_holding((GDP,), code_b, year)
    for code in codes_a:
        holding &= asof.data.editions_holding((GDP,), code, year)
    return asof.judge(diff, want, f"{subject} vs {other} % of GDP {year}", holding)



def _gdp_ratio(frame: Frame, asof: AsOf, a: tuple[str, int], b: tuple[str, int], what: str) -> Judgement:
    """One share of GDP over another (an ally's over another's in a year, or over its own in an earlier year), both
    from one edition."""
    def ratio(ed):
        fa, fb = asof.stored(ed, GDP, *a), asof.stored(ed, GDP, *b)
        if not fa or not fb or not fb.value:
            return None
        return Figure(fa.value / fb.value, ed, fa.rows + fb.rows, f"{what} = {fa.value:g} / {fb.value:g}")
    holding = asof.data.editions_holding((GDP,), *a) & asof.data.editions_holding((GDP,), *b)
    return asof.judge(ratio, lambda v: matches(v, frame.value, frame.comparator, 1), what, holding)
