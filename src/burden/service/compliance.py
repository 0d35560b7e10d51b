"""Pledges & compliance: who meets a target (`status`), the shortfall in points and money (`gap`),
the straight line to a deadline (`path`), and the status-then-gap pair pages and the report show."""

from __future__ import annotations

from typing import Any

from ..errors import attempt
from . import validate

STATUS_COLUMNS = [
    "iso3",
    "name",
    "year",
    "value",
    "value_compared",
    "threshold",
    "meets",
    "gap_pp",
    "estimate",
    "edition",
    "missing_reason",
    "source",
]
GAP_COLUMNS = [
    "iso3",
    "name",
    "year",
    "value",
    "threshold",
    "gap_pp",
    "gap_usd_mn",
    "gap_usd_mn_current",
    "gap_nac_mn",
    "nac_unit",
    "gdp_usd_mn",
    "estimate",
    "missing_reason",
]
GAP_CUMULATIVE_COLUMNS = ["cumulative_years", "gap_usd_mn_cumulative", "gap_usd_mn_current_cumulative"]
PATH_COLUMNS = [
    "iso3",
    "name",
    "base_year",
    "base_value",
    "threshold",
    "deadline",
    "status",
    "annual_step_pp",
    "on_path_latest",
    "gdp_growth_pct",
    "required_real_growth_pct",
    "growth_source",
    "missing_reason",
]


def status(
    edition: str | None = None,
    year: int | str | None = None,
    target: str = "2",
    rounded: bool = False,
    ally: str | None = None,
) -> dict[str, Any]:
    """Who meets `target` in `year` of `edition` (= `burden status --json`)."""
    from ..compliance import status_report

    return status_report(
        validate.edition(edition), validate.year(year), target, rounded, validate.allies(ally)
    )


def gap(
    edition: str | None = None,
    year: int | str | None = None,
    target: str = "3.5",
    cumulative_to: int | str | None = None,
    ally: str | None = None,
) -> dict[str, Any]:
    """The shortfall from `target` in points of GDP and money (= `burden gap --json`)."""
    from ..compliance import gap_report

    return gap_report(
        validate.edition(edition),
        validate.year(year),
        target,
        validate.year(cumulative_to, "--cumulative-to year"),
        validate.allies(ally),
    )


def path(
    target: str = "hague-core",
    edition: str | None = None,
    base_year: int | str | None = None,
    growth: Any = None,
    ally: str | None = None,
) -> dict[str, Any]:
    """The straight line to the target's deadline and the real growth it needs (= `burden path --json`)."""
    from ..compliance import path_report

    return path_report(
        target,
        validate.edition(edition),
        validate.year(base_year, "base year"),
        validate.growth_spec(growth),
        validate.allies(ally),
    )


def status_with_gap(
    edition: str | None = None, year: int | str | None = None, target: str = "2"
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The status report and, where the edition has the money for it, the gap report of the same
    target and year (the money is an addition: without it the status still stands)."""
    edition, year = validate.edition(edition), validate.year(year)
    result = status(edition, year, target)
    money, _ = attempt(lambda: gap(edition, year, target))
    return result, money
