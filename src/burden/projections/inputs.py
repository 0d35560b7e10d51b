"""Inputs of a projection: an edition's base year (GDP and defence share per ally), GDP growth
assumptions per ally and year, and the historical growth residuals the Monte Carlo draws from.

Everything here comes from the data package: the edition's constant-price GDP (`gdp_usd_mn`) and
share of GDP (`def_exp_pct_gdp`), and the IMF WEO growth projections in `gdp_forecasts.csv`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..dataset import resolve_edition, select_records
from ..errors import BurdenError
from ..forecasts import weo_editions, weo_growth  # noqa: F401  (re-exported: the one WEO reader)
from ..members import ally_name, resolve_ally, roster
from ..validators import growth_rate

WEO_DEFAULT = "WEO April 2026"
HISTORY_YEARS = 10  # N: growth beyond the WEO horizon = average over the edition's last N actual years
MIN_HISTORY_YEARS = 5  # fewer actual growth years than this and residuals say too little


@dataclass(frozen=True)
class Base:
    """One edition's starting point: allies with both GDP and share in the base year."""

    edition: str
    base_year: int
    allies: tuple[str, ...]
    gdp: np.ndarray  # (A,) GDP in the base year, million US$ at the edition's constant prices
    share: np.ndarray  # (A,) defence expenditure, % of GDP, as published
    estimate: tuple[bool, ...]  # base-year values are NATO estimates
    price_basis: str  # e.g. "constant 2021 prices and exchange rates"
    share_basis: str  # e.g. "share of real GDP, based on 2021 prices"
    history_years: tuple[int, ...]  # years whose growth rates form the residuals (levels: one more year)
    history_growth: np.ndarray  # (n, A) real GDP growth, fraction, actual years only
    excluded: tuple[dict, ...] = field(default=())

    def index(self, iso3: str) -> int:
        return self.allies.index(iso3)


def _constant_gdp(edition: str) -> dict[str, dict[int, dict]]:
    out: dict[str, dict[int, dict]] = {}
    for r in select_records("gdp_usd_mn", edition, price_basis="constant"):
        out.setdefault(r["iso3"], {})[r["year"]] = r
    return out


def load_base(edition: str | None = None, base_year: int | None = None) -> Base:
    """The base year (default: the edition's latest year) for every ally with GDP and share in it."""
    edition = resolve_edition(edition)
    gdp = _constant_gdp(edition)
    if not gdp:
        raise BurdenError(f"edition {edition} holds no constant-price GDP (gdp_usd_mn); projections need a full "
                          "edition such as 2026-07 (see `burden editions`)", code="no-data")
    shares = {(r["iso3"], r["year"]): r for r in select_records("pct_gdp", edition)}
    years = sorted({y for series in gdp.values() for y in series})
    base_year = base_year or years[-1]
    if base_year not in years:
        raise BurdenError(f"base year {base_year} is not in edition {edition} (it covers {years[0]}-{years[-1]})",
                          code="invalid-year")
    actual = sorted({y for series in gdp.values() for y, r in series.items() if not r["estimate"] and y <= base_year})
    levels = actual[-(HISTORY_YEARS + 1):]
    if len(levels) - 1 < MIN_HISTORY_YEARS:
        raise BurdenError(f"edition {edition} has only {len(levels)} actual GDP years up to {base_year}; "
                          f"growth residuals need at least {MIN_HISTORY_YEARS + 1}", code="no-data")
    allies, gdp0, share0, est, growth, excluded = [], [], [], [], [], []
    for row in roster():
        iso3 = row["iso3"]
        series, share = gdp.get(iso3, {}), shares.get((iso3, base_year))
        missing = [y for y in [*levels, base_year] if y not in series]
        if share is None or missing:
            why = ("no armed forces; not in NATO's expenditure tables" if row["in_nato_expenditure_tables"] != "yes"
                   else f"edition {edition} lacks {'% of GDP' if share is None else 'constant-price GDP'} for "
                        f"{base_year if share is None else ', '.join(map(str, missing))}")
            excluded.append({"iso3": iso3, "name": ally_name(iso3), "reason": why})
            continue
        allies.append(iso3)
        gdp0.append(series[base_year]["value"])
        share0.append(share["value"])
        est.append(bool(series[base_year]["estimate"] or share["estimate"]))
        growth.append([series[b]["value"] / series[a]["value"] - 1.0 for a, b in zip(levels, levels[1:], strict=False)])
    first = gdp[allies[0]][base_year]
    return Base(edition, base_year, tuple(allies), np.array(gdp0), np.array(share0), tuple(est),
                first["price_basis"], shares[(allies[0], base_year)]["price_basis"], tuple(levels[1:]),
                np.array(growth).T.copy(), tuple(excluded))


# ---------------------------------------------------------------- growth assumptions

def history_mean_growth(base: Base) -> np.ndarray:
    """(A,) average real growth, % a year: geometric mean over the history years (compound rate)."""
    factors = np.prod(1.0 + base.history_growth, axis=0)
    return (factors ** (1.0 / len(base.history_years)) - 1.0) * 100.0


@dataclass(frozen=True)
class Growth:
    """Real GDP growth in % a year for every projection year x ally, with the source of each value."""

    years: tuple[int, ...]
    pct: np.ndarray  # (Y, A)
    source: np.ndarray  # (Y, A) of source codes: weo, history, user, scenario
    description: str


def check_rate(value: object, where: str) -> float:
    """One growth rate, % a year: the shared rule (`burden.validators.growth_rate`)."""
    return growth_rate(value, where)


def growth_paths(base: Base, years: list[int], growth: float | Mapping | None = None,
                 weo: str = WEO_DEFAULT, scenario_growth: Mapping[str, Mapping[int, float]] | None = None) -> Growth:
    """Growth per year and ally. Precedence: scenario path > `growth` (one rate, or per-ally rates) > IMF WEO
    for the years it covers > the ally's average over the edition's last actual years."""
    forecasts = weo_growth(weo)
    history = history_mean_growth(base)
    pct = np.empty((len(years), len(base.allies)))
    source = np.empty(pct.shape, dtype=object)
    per_ally: dict[str, float] = {}
    one_rate = None
    if isinstance(growth, Mapping):
        for name, rate in growth.items():
            per_ally[resolve_ally(str(name))] = check_rate(rate, f"growth for {name}")
    elif growth is not None:
        one_rate = check_rate(growth, "growth")
    scenario_growth = scenario_growth or {}
    for a, iso3 in enumerate(base.allies):
        for y, year in enumerate(years):
            if year in scenario_growth.get(iso3, {}):
                pct[y, a], source[y, a] = scenario_growth[iso3][year], "scenario"
            elif iso3 in per_ally or one_rate is not None:
                pct[y, a], source[y, a] = per_ally.get(iso3, one_rate), "user"
            elif (iso3, year) in forecasts:
                pct[y, a], source[y, a] = forecasts[(iso3, year)], "weo"
            else:
                pct[y, a], source[y, a] = history[a], "history"
    return Growth(tuple(years), pct, source, _describe(base, years, source, weo, one_rate))


def _describe(base: Base, years: list[int], source: np.ndarray, weo: str, one_rate: float | None) -> str:
    used = set(source.ravel())
    parts = []
    if "scenario" in used:
        parts.append("scenario file paths where given")
    if one_rate is not None:
        parts.append(f"one rate for every ally and year: {one_rate:g}% real growth a year")
    elif "user" in used:
        parts.append("user-given per-ally rates where given")
    if "weo" in used:
        weo_years = [yr for y, yr in enumerate(years) if "weo" in set(source[y])]
        parts.append(f"IMF World Economic Outlook ({weo.removeprefix('WEO ')}), real GDP growth NGDP_RPCH, "
                     f"for {weo_years[0]}-{weo_years[-1]}")
    if "history" in used:
        h = base.history_years
        parts.append(f"beyond that, each ally's average real GDP growth {h[0] - 1}-{h[-1]} (compound rate over "
                     f"the last {len(h)} actual years of edition {base.edition}'s constant-price GDP)")
    return "; ".join(parts)


def residuals(base: Base) -> np.ndarray:
    """(n, A) historical growth residuals: each year's growth minus the ally's mean, fractions."""
    return base.history_growth - base.history_growth.mean(axis=0)
