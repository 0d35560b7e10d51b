"""The IMF World Economic Outlook real GDP growth forecasts of the data package: the one reader.

`burden path` (compliance) and `burden project` (projections) both take their default growth from
here, so they read the same rows; each says in its output which WEO edition it used.
"""

from __future__ import annotations

import csv
import functools

from .errors import UnknownValueError
from .paths import SHIPPED_DATA_DIR

GROWTH_INDICATOR = "ngdp_rpch"  # IMF WEO: gross domestic product, constant prices, percent change


@functools.cache
def forecast_rows() -> tuple[dict[str, str], ...]:
    """Every row of the shipped gdp_forecasts.csv (shipped data only: it changes with the package)."""
    with (SHIPPED_DATA_DIR / "gdp_forecasts.csv").open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def weo_editions() -> list[str]:
    """WEO editions held, oldest first (by release day)."""
    first: dict[str, str] = {}
    for r in forecast_rows():
        first[r["edition"]] = min(first.get(r["edition"], r["edition_date"]), r["edition_date"])
    return sorted(first, key=lambda e: first[e])


def latest_weo() -> str:
    return weo_editions()[-1]


@functools.cache
def weo_growth(weo: str | None = None) -> dict[tuple[str, int], float]:
    """Real GDP growth (% a year) by (iso3, year) in one WEO edition (default: the latest), as shipped."""
    weo = weo or latest_weo()
    rows = [r for r in forecast_rows() if r["edition"] == weo and r["indicator"] == GROWTH_INDICATOR]
    if not rows:
        raise UnknownValueError("growth forecast edition", weo, weo_editions())
    return {(r["iso3"], int(r["year"])): float(r["value"]) for r in rows}
