"""Spending paths (plans) and their cost against the baseline of staying at the base-year share.

All money is in million US$ at the edition's constant prices; shares are % of GDP.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..errors import BurdenError
from ..members import resolve_ally
from .inputs import Base

PLAN_KINDS = ("linear", "constant-share", "real-growth")
QUANTILES = (5.0, 50.0, 95.0)


@dataclass(frozen=True)
class Plan:
    """A spending path per ally and year. kind "share": the path fixes % of GDP and spending follows
    realised GDP; kind "spending": the path fixes spending in constant US$ and the share follows GDP."""

    name: str
    kind: str
    values: np.ndarray  # (Y, A): % of GDP (share) or million US$ (spending)
    formula: str


def linear_shares(base: Base, years: list[int], threshold: float) -> np.ndarray:
    """Straight line in % of GDP from the base-year share to the target by the last year; an ally
    already at or above the target keeps its share (the path never plans a cut)."""
    frac = (np.array(years) - base.base_year) / (years[-1] - base.base_year)
    goal = np.maximum(threshold, base.share)
    return base.share + (goal - base.share) * frac[:, None]


def _user_shares(base: Base, years: list[int], threshold: float,
                 plan: Mapping[str, Mapping[int, float]]) -> np.ndarray:
    """User plan: shares at given years, straight lines between them from the base-year share, flat after
    the last given year; allies the plan does not name follow the straight line to the target."""
    values = linear_shares(base, years, threshold)
    for name, points in plan.items():
        iso3 = resolve_ally(str(name))
        if iso3 not in base.allies:
            raise BurdenError(f"plan names {name}, which is not projected (see `excluded`)", code="invalid-plan")
        a = base.index(iso3)
        for year, share in points.items():
            if not base.base_year < int(year) <= years[-1]:
                raise BurdenError(f"plan for {iso3}: year {year} is outside {base.base_year + 1}-{years[-1]}",
                                  code="invalid-plan")
            if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share <= 100:
                raise BurdenError(f"plan for {iso3}, {year}: share must be a number between 0 and 100 (% of GDP), "
                                  f"got {share!r}", code="invalid-plan")
        xs = [base.base_year, *sorted(int(y) for y in points)]
        ys = [base.share[a], *(float(points[y]) for y in sorted(points, key=int))]
        values[:, a] = np.interp(years, xs, ys)
    return values


def make_plan(spec: str | Mapping | None, base: Base, years: list[int], threshold: float,
              spending_growth: float | None = None) -> Plan:
    """`linear` (default), `constant-share`, `real-growth:R` (spending grows R% a year in real terms) or a
    mapping {ally: {year: % of GDP}} (a user plan)."""
    if isinstance(spec, Mapping):
        return Plan("user", "share", _user_shares(base, years, threshold, spec),
                    "share[t] = user plan (straight lines between given years, from the base-year share; flat "
                    "after the last given year); allies not in the plan: straight line to the target")
    name = (spec or "linear").strip().lower()
    if name.startswith("real-growth"):
        rate = spending_growth
        if ":" in name:
            try:
                rate = float(name.split(":", 1)[1])
            except ValueError:
                raise BurdenError(f"invalid plan {spec!r}: use real-growth:R with R in % a year, e.g. "
                                  "real-growth:3", code="invalid-plan") from None
        if rate is None or not rate > -100:
            raise BurdenError(f"invalid plan {spec!r}: real-growth needs a rate above -100% a year, e.g. "
                              "real-growth:3", code="invalid-plan")
        steps = np.array(years) - base.base_year
        spend0 = base.share / 100.0 * base.gdp
        values = spend0 * (1.0 + rate / 100.0) ** steps[:, None]
        return Plan(f"real-growth:{rate:g}", "spending", values,
                    f"spending[t] = share[base] / 100 * GDP[base] * (1 + {rate:g}/100) ^ (t - base); "
                    "share[t] = spending[t] / GDP[t] * 100")
    if name == "linear":
        return Plan("linear", "share", linear_shares(base, years, threshold),
                    "share[t] = share[base] + (max(target, share[base]) - share[base]) * (t - base) / "
                    "(deadline - base)")
    if name in ("constant-share", "constant"):
        return Plan("constant-share", "share", np.repeat(base.share[None, :], len(years), axis=0),
                    "share[t] = share[base]")
    raise BurdenError(f"invalid plan {spec!r}: use one of {', '.join(PLAN_KINDS)} (real-growth:R) or a plan "
                      "in a scenario file", code="invalid-plan")


# ---------------------------------------------------------------- quantities from GDP levels

def ally_quantities(gdp: np.ndarray, plan: Plan, base: Base, a: int) -> dict[str, np.ndarray]:
    """For ally a, from its GDP levels (Y, n): spending, share, extra cost and cumulative extra cost."""
    values = plan.values[:, a][:, None]
    spend = values / 100.0 * gdp if plan.kind == "share" else np.broadcast_to(values, gdp.shape)
    share = np.broadcast_to(values, gdp.shape) if plan.kind == "share" else spend * 100.0 / gdp
    extra = spend - base.share[a] / 100.0 * gdp
    return {"gdp": gdp, "spend": spend, "share": share, "extra": extra, "cumulative": np.cumsum(extra, axis=0)}


def group_quantities(levels: np.ndarray, plan: Plan, base: Base, mask: np.ndarray) -> dict[str, np.ndarray]:
    """Sums over the allies in a group (mask (Y, A): member in that year), allies added in a fixed order so
    the central path and the Monte Carlo paths are summed identically."""
    years, n, _ = levels.shape
    totals = {k: np.zeros((years, n)) for k in ("gdp", "spend", "extra")}
    for a in range(levels.shape[2]):
        if not mask[:, a].any():
            continue
        q = ally_quantities(levels[:, :, a], plan, base, a)
        member = mask[:, a][:, None]
        for k in totals:
            totals[k] += np.where(member, q[k], 0.0)
    totals["share"] = np.divide(totals["spend"] * 100.0, totals["gdp"], out=np.full((years, n), np.nan),
                                where=totals["gdp"] > 0)
    totals["cumulative"] = np.cumsum(totals["extra"], axis=0)
    return totals


def percentiles(values: np.ndarray) -> np.ndarray:
    """(3, Y) P5/P50/P95 over paths (axis 1), numpy's linear interpolation: identical paths give the value."""
    return np.percentile(values, QUANTILES, axis=1)
