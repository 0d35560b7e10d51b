"""Fairness: burden shares, fair-share ratios, equal effort, concentration, the exploitation test and
benefit-burden concordance (= `burden fairness --json`, `/api/fairness`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import validate


def _names(text: str | None) -> list[str]:
    return [n.strip() for n in (text or "").split(",") if n.strip()]


def _pick(names: str | None, user: dict[str, Any] | None) -> list[Any] | None:
    """Built-in variable names plus the named columns of the user's CSV (as one {name: {ally: value}})."""
    if names is None:
        return None
    wanted = _names(names)
    chosen = {n: user[n] for n in wanted if user and n in user}
    return [n for n in wanted if n not in chosen] + ([chosen] if chosen else [])


def fairness(
    edition: str | None = None,
    year: str | int | None = None,
    metric: str | None = None,
    ally: str | None = None,
    controls: str | None = None,
    proxies: str | None = None,
    effort: float | None = None,
    data: str | Path | None = None,
    include_non_members: bool = False,
    series: bool = False,
) -> dict[str, Any]:
    """One edition and year (or, with `series`, every year 2014-latest). `controls`/`proxies` are
    comma-separated names: built-in (gdp, population, gdp_per_capita) or columns of the `data` CSV,
    whose other columns serve as extra benefit proxies."""
    from .. import fairness as fx
    from ..errors import BurdenError

    edition = validate.edition(edition)
    if effort is not None and not 0 < effort <= 100:
        raise BurdenError(
            f"invalid effort {effort!r}: a uniform % of GDP above 0 and at most 100", code="invalid-effort"
        )
    user = fx.read_variables_csv(data) if data else None
    ctl, prx = _pick(controls, user), _pick(proxies, user)
    if user and prx is None:  # unnamed --data columns serve as extra benefit proxies
        extra = {k: v for k, v in user.items() if k not in _names(controls)}
        prx = [*fx.DEFAULT_PROXIES, extra] if extra else None
    allies = validate.allies(ally)
    if series:
        return fx.fairness_series(
            edition,
            metric,
            validate.years(year),
            allies=allies,
            controls=ctl,
            proxies=prx,
            effort=effort,
            include_non_members=include_non_members,
        )
    return fx.fairness_report(
        edition,
        validate.year(year),
        metric,
        allies=allies,
        controls=ctl,
        proxies=prx,
        effort=effort,
        include_non_members=include_non_members,
    )
