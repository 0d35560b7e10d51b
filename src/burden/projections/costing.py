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
    """For ally a, from its GDP levels (Y, n): spending, share and extra cost (all monotone in GDP)."""
    values = plan.values[:, a][:, None]
    spend = values / 100.0 * gdp if plan.kind == "share" else np.broadcast_to(values, gdp.shape)
    share = np.broadcast_to(values, gdp.shape) if plan.kind == "share" else spend * 100.0 / gdp
    return {"gdp": gdp, "spend": spend, "share": share, "extra": spend - base.share[a] / 100.0 * gdp}


def band(values: np.ndarray) -> np.ndarray:
    """(3, Y) P5/P50/P95 over paths (axis 1), linear interpolation between order statistics (numpy's
    default); identical paths give their value exactly. Large samples use single-kth partitions, numpy's
    fast path: the median first, then P5 in the lower part and P95 in the upper part."""
    x = np.array(values, dtype=float, order="C")
    n = x.shape[1]
    if n < 64:
        return np.percentile(x, QUANTILES, axis=1)
    h5, h50, h95 = (p / 100.0 * (n - 1) for p in QUANTILES)
    k50 = int(h50)
    out = np.empty((3, x.shape[0]))
    out[1] = _order_stat(x, h50, 0)  # leaves x partitioned around position k50
    out[0] = _order_stat(x[:, :k50], h5, 0)
    out[2] = _order_stat(x[:, k50 + 1:], h95, k50 + 1)
    return out


def _order_stat(part: np.ndarray, h: float, offset: int) -> np.ndarray:
    k = int(h) - offset
    part.partition(k, axis=1)
    low, t = part[:, k], h - int(h)
    high = part[:, k + 1:].min(axis=1) if t > 0 else low
    return low + (high - low) * t


def _mapped(f_low: np.ndarray, f_mid: np.ndarray, f_high: np.ndarray) -> np.ndarray:
    """Bands of a monotone function of GDP from GDP's band: order flips when the function decreases."""
    return np.stack([np.minimum(f_low, f_high), f_mid, np.maximum(f_low, f_high)])


def summarise(levels: np.ndarray, plan: Plan, base: Base, masks: dict[str, np.ndarray]) -> dict:
    """P5/P50/P95 (3, Y) per ally and group of gdp, spend, share, extra and cumulative extra cost from GDP
    levels (A, Y, n). Per ally, annual figures are monotone functions of GDP, so their bands are GDP's
    band mapped through them; cumulative figures and group totals are banded path by path. A single path
    (the central projection) gives its values three times."""
    allies, years, n = levels.shape
    out: dict = {"allies": {}, "groups": {}}
    totals = {g: {k: np.zeros((years, n)) for k in ("gdp", "spend", "extra")} for g in masks}
    for a in range(allies):
        gdp = levels[a]
        q = ally_quantities(gdp, plan, base, a)
        at_band = ally_quantities(band(gdp).T, plan, base, a)  # (Y, 3): at GDP's P5, P50, P95
        ally = {k: _mapped(v[:, 0], v[:, 1], v[:, 2]) for k, v in at_band.items()}
        ally["cumulative"] = band(np.cumsum(q["extra"], axis=0))
        out["allies"][base.allies[a]] = ally
        for g, mask in masks.items():  # allies added in a fixed order: central and Monte Carlo sum alike
            member = mask[:, a][:, None]
            for k, total in totals[g].items():
                if member.all():
                    total += q[k]
                elif member.any():
                    total += np.where(member, q[k], 0.0)
    for g, t in totals.items():
        share = np.divide(t["spend"] * 100.0, t["gdp"], out=np.full((years, n), np.nan), where=t["gdp"] > 0)
        out["groups"][g] = {"share": band(share), "extra": band(t["extra"]),
                            "cumulative": band(np.cumsum(t["extra"], axis=0))}
        if n == 1:  # GDP and spending are reported for the central path only
            out["groups"][g].update(gdp=band(t["gdp"]), spend=band(t["spend"]))
    return out
