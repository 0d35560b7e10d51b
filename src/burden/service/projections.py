"""Projections: what reaching a target costs each ally, with Monte Carlo bands (= `burden project --json`,
`/api/project`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import validate


def membership_changes(leave: list[str] | None = None, join: list[str] | None = None) -> list[Mapping]:
    """`ALLY@DATE` what-ifs as the projection takes them."""
    from ..errors import BurdenError

    out: list[Mapping] = []
    for kind, values in (("leaves", leave or []), ("joins", join or [])):
        for value in values:
            ally, _, day = value.partition("@")
            if not ally or not day:
                raise BurdenError(
                    f"invalid --{kind[:-1]} {value!r}: use ALLY@DATE, e.g. TUR@2030-01-01",
                    code="invalid-membership",
                )
            out.append({"ally": ally, kind: validate.date(day, f"--{kind[:-1]} date") or day})
    return out


def project(
    edition: str | None = None,
    target: str | None = "hague-core",
    deadline: int | str | None = 2035,
    growth: Any = None,
    paths: int = 2000,
    seed: int | None = 0,
    scenario: str | Path | None = None,
    ally: str | None = None,
    plan: str | None = None,
    volatility: float | None = None,
    base_year: int | str | None = None,
    shocks: str | None = None,
    weo: str | None = None,
    leave: list[str] | None = None,
    join: list[str] | None = None,
    us_removed_pct: float | None = None,
    progress: bool | Callable[[int], None] = False,
) -> dict[str, Any]:
    from ..projections import project_report

    return project_report(
        validate.edition(edition),
        target,
        validate.year(deadline, "deadline"),
        validate.growth_spec(growth),
        paths,
        seed,
        scenario,
        validate.allies(ally),
        plan,
        volatility,
        progress,
        base_year=validate.year(base_year, "base year"),
        shocks=shocks,
        growth_edition=weo,
        membership=membership_changes(leave, join),
        us_removed_pct=us_removed_pct,
    )
