"""Figure look-ups the measures share: % of GDP, real change, US$ (bn) on a price basis, US$ ratios, per edition."""

from __future__ import annotations

from ..verify import GDP, REAL, REAL_PRESS, USD, USD_PRESS, AsOf, Figure

GDP_USD = "gdp_usd_mn"  # GDP in US$ million (NATO's Table 3)


def pct_gdp(asof: AsOf, iso3: str, year: int):
    return lambda ed: asof.stored(ed, GDP, iso3, year)


def real_change(asof: AsOf, iso3: str, year: int):
    return lambda ed: asof.stored(ed, REAL, iso3, year) or asof.stored(ed, REAL_PRESS, iso3, year)


def worst_of_years(asof: AsOf, figure_of, indicators: tuple[str, ...], iso3: str, first: int, year: int,
                   lowest: bool, what: str):
    """A claim about every year of a run ("has met 2% every year since 2014", "has risen in real terms every year
    since 2015") holds when its worst year does: the lowest figure of the years first..year (the highest when
    `lowest` is False), from one edition holding every one of them. Returns the look-up and the editions that can
    give it, for AsOf.judge (which walks only those)."""
    years = range(first, year + 1)

    def worst(ed):
        figs = [figure_of(asof, iso3, y)(ed) for y in years]
        if not figs or any(f is None for f in figs):
            return None
        pick = min(figs, key=lambda f: f.value) if lowest else max(figs, key=lambda f: f.value)
        return Figure(pick.value, ed, [f.rows[0] for f in figs][-4:],
                      f"{'lowest' if lowest else 'highest'} {what} {first}-{year}")
    holding = frozenset.intersection(*(asof.data.editions_holding(indicators, iso3, y) for y in years)) \
        if first <= year else frozenset()
    return worst, holding


def usd_bn(asof: AsOf, edition: str, iso3: str, year: int, basis: str = "current",
           fallback: bool = True) -> Figure | None:
    """US$ billion: Table 1 (million, /1000) at the wanted basis ("current", "constant" or "constant 2015"),
    else a press-rounded aggregate; with no row at the wanted basis the edition's only basis is used (policy:
    money) unless `fallback` is False (the text named its basis)."""
    other = "constant" if basis == "current" else "current"
    for b in (basis, other) if fallback else (basis,):
        fig = asof.stored(edition, USD, iso3, year, b)
        if fig and b in fig.rows[0]["price_basis"].lower():
            return Figure(fig.value / 1000, edition, fig.rows, "")
        fig = asof.stored(edition, USD_PRESS, iso3, year, b)
        if fig and (b in fig.rows[0]["price_basis"].lower() or "not stated" in fig.rows[0]["price_basis"]):
            return Figure(fig.value, edition, fig.rows, "")
    return None


# the aggregates a ratio may need that an edition can leave out while printing every ally's Table 1 row (2019-06,
# 2022-03-sgar): which allies each sums
_SUMS = {"NATO_EUR_CAN": lambda iso3: iso3 != "USA", "NATO_TOTAL": lambda iso3: True}


def summed_usd_bn(asof: AsOf, edition: str, code: str, year: int, basis: str) -> Figure | None:
    """An aggregate in US$ billion derived as the sum of every reporting ally's Table 1 row on one price basis, when
    the edition prints all of them for the year but not the aggregate (None if one is missing)."""
    if code not in _SUMS:
        return None
    rows = []
    for iso3 in asof.reporting(edition):
        if not _SUMS[code](iso3):
            continue
        row = asof.data.stored_row(edition, USD, iso3, year, basis)
        if row is None or basis not in row["price_basis"].lower():
            return None
        rows.append(row)
    if not rows:
        return None
    total = sum(float(r["value"]) for r in rows) / 1000
    return Figure(total, edition, rows, f"{code} US$ {year} = sum of the {len(rows)} allies' rows of {edition} "
                                        f"({rows[0]['price_basis']}) = {total:,.1f} bn (derived)")


# the alliance's total as its two parts, when an edition prints them on a basis it gives no total for (2025-08: the
# US and the European allies and Canada at current prices, the total only at constant 2021 prices)
_PARTS = {"NATO_TOTAL": ("USA", "NATO_EUR_CAN")}


def parts_usd_bn(asof: AsOf, edition: str, code: str, year: int, basis: str) -> Figure | None:
    """An aggregate in US$ billion derived as the sum of its parts' rows (`_PARTS`) on one price basis of one edition
    (None when a part is missing there or the parts' bases differ)."""
    if code not in _PARTS:
        return None
    parts = [usd_bn(asof, edition, part, year, basis, fallback=False) for part in _PARTS[code]]
    if not all(parts):
        return None
    found = [p for p in parts if p is not None]
    if len({p.rows[0]["price_basis"] for p in found}) != 1:
        return None
    total = sum(p.value for p in found)
    return Figure(total, edition, [r for p in found for r in p.rows],
                  f"{code} US$ {year} = " + " + ".join(_PARTS[code]) + f" of {edition} ({found[0].rows[0]['price_basis']}) = "
                  + " + ".join(f"{p.value:,.1f}" for p in found) + " bn (derived)")


def _derived_usd_bn(asof: AsOf, edition: str, code: str, year: int, basis: str) -> Figure | None:
    """An aggregate the edition leaves out on a basis: summed from every ally's row, else from its parts' rows."""
    return summed_usd_bn(asof, edition, code, year, basis) or parts_usd_bn(asof, edition, code, year, basis)


def usd_holding(asof: AsOf, a: str, b: str, year: int) -> frozenset[str]:
    """Editions where usd_ratio(a, b) can be found: both have a US$ row, or an aggregate can be summed from the
    allies' rows (AsOf.judge skips the others)."""
    held = asof.data.editions_holding

    def holding(code: str) -> frozenset[str]:
        found = held((USD, USD_PRESS), code, year)
        if code in _SUMS:
            found |= frozenset(e["edition"] for e in asof.data.editions
                               if any(summed_usd_bn(asof, e["edition"], code, year, b) for b in ("current", "constant")))
        return found
    return asof.data.memo(("usd_holding", a, b, year), lambda: holding(a) & holding(b))


def usd_ratio(asof: AsOf, edition: str, a: str, b: str, year: int, basis: str = "current") -> Figure | None:
    """a / b in US$ on one edition and one price basis (an aggregate the edition leaves out summed from its allies)."""
    for bas in (basis, "constant" if basis == "current" else "current"):
        fa, fb = usd_bn(asof, edition, a, year, bas), usd_bn(asof, edition, b, year, bas)
        if fa and fb and fa.rows[0]["price_basis"] != fb.rows[0]["price_basis"]:
            fa, fb = _derived_usd_bn(asof, edition, a, year, bas) or fa, _derived_usd_bn(asof, edition, b, year, bas) or fb
        fa, fb = fa or _derived_usd_bn(asof, edition, a, year, bas), fb or _derived_usd_bn(asof, edition, b, year, bas)
        if fa and fb and fa.rows[0]["price_basis"] == fb.rows[0]["price_basis"] and fb.value:
            summed = "; ".join(f.formula for f in (fa, fb) if f.formula)  # an aggregate summed from the allies
            return Figure(fa.value / fb.value, edition, fa.rows + fb.rows,
                          f"{a} / {b} US$ {year} ({fa.rows[0]['price_basis']}) = {fa.value:,.1f} / {fb.value:,.1f} bn"
                          + (f"; {summed}" if summed else ""))
    return None


def gdp_ratio(asof: AsOf, edition: str, a: str, b: str, year: int, basis: str = "current") -> Figure | None:
    """a / b of GDP in US$ (Table 3's GDP rows) on one edition and one price basis."""
    fa, fb = asof.stored(edition, GDP_USD, a, year, basis), asof.stored(edition, GDP_USD, b, year, basis)
    if fa and fb and fa.rows[0]["price_basis"] == fb.rows[0]["price_basis"] and basis in fa.rows[0]["price_basis"].lower() \
            and fb.value:
        return Figure(fa.value / fb.value, edition, fa.rows + fb.rows,
                      f"{a} / {b} GDP US$ {year} ({fa.rows[0]['price_basis']}) = {fa.value:,.0f} / {fb.value:,.0f} mn")
    return None


def gdp_holding(asof: AsOf, a: str, b: str, year: int) -> frozenset[str]:
    """Editions with GDP in US$ for both a and b in the year."""
    return asof.data.editions_holding((GDP_USD,), a, year) & asof.data.editions_holding((GDP_USD,), b, year)
