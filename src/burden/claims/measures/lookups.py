"""Figure look-ups the measures share: % of GDP, real change, US$ (bn) on a price basis, US$ ratios, per edition."""

from __future__ import annotations

from ..verify import GDP, REAL, REAL_PRESS, USD, USD_PRESS, AsOf, Figure


def pct_gdp(asof: AsOf, iso3: str, year: int):
    return lambda ed: asof.stored(ed, GDP, iso3, year)


def real_change(asof: AsOf, iso3: str, year: int):
    return lambda ed: asof.stored(ed, REAL, iso3, year) or asof.stored(ed, REAL_PRESS, iso3, year)


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


def usd_holding(asof: AsOf, a: str, b: str, year: int) -> frozenset[str]:
    """Editions where usd_ratio(a, b) can be found: both have a US$ row (AsOf.judge skips the others)."""
    held = asof.data.editions_holding
    return held((USD, USD_PRESS), a, year) & held((USD, USD_PRESS), b, year)


def usd_ratio(asof: AsOf, edition: str, a: str, b: str, year: int, basis: str = "current") -> Figure | None:
    """a / b in US$ on one edition and one price basis."""
    for bas in (basis, "constant" if basis == "current" else "current"):
        fa, fb = usd_bn(asof, edition, a, year, bas), usd_bn(asof, edition, b, year, bas)
        if fa and fb and fa.rows[0]["price_basis"] == fb.rows[0]["price_basis"] and fb.value:
            return Figure(fa.value / fb.value, edition, fa.rows + fb.rows,
                          f"{a} / {b} US$ {year} ({fa.rows[0]['price_basis']}) = {fa.value:,.1f} / {fb.value:,.1f} bn")
    return None
