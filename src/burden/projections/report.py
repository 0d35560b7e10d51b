"""Projections to a deadline: what reaching a target costs each ally, per year and in total, with
Monte Carlo bands over GDP growth and the probability that a fixed plan meets the target.

`project_report` is what `burden project --json` prints and the web app serves;
`deterministic_projection` is the same projection on the central growth path (zero volatility).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np

from ..errors import BurdenError
from ..limits import MAX_DEADLINE, check_paths
from ..members import ally_name, resolve_allies
from ..render import clean
from ..targets import Target, parse_target
from . import montecarlo as mc
from .costing import Plan, make_plan, summarise
from .inputs import WEO_DEFAULT, Base, Growth, growth_paths, load_base, residuals
from .scenario import Scenario, check_against, load_scenario

GROUPS = {"NATO_TOTAL": "NATO (all allies projected)", "NATO_EUR_CAN": "Europe and Canada", "USA": "United States"}
DEFAULT_TARGET, DEFAULT_DEADLINE = "hague-core", 2035
MEMBER_DAY = (7, 1)  # an ally counts in a year's aggregates if it is a member on 1 July of that year


@dataclass(frozen=True)
class Setup:
    base: Base
    years: list[int]
    target: Target
    deadline: int
    growth: Growth
    growth_edition: str
    plan: Plan
    members: np.ndarray  # (Y, A) bool
    changes: list[dict[str, Any]]
    scenario: Scenario | None
    notes: list[str]

    def group_masks(self) -> dict[str, np.ndarray]:
        usa = np.array([a == "USA" for a in self.base.allies])
        return {"NATO_TOTAL": self.members, "NATO_EUR_CAN": self.members & ~usa, "USA": self.members & usa}


# ---------------------------------------------------------------- setup

def _scenario(scenario: str | Path | Scenario | None) -> Scenario | None:
    if scenario is None or isinstance(scenario, Scenario):
        return scenario
    return load_scenario(scenario)


def _membership_changes(membership: list[Mapping] | None, scn: Scenario | None) -> list[dict[str, Any]]:
    changes = list(scn.membership) if scn else []
    for item in membership or []:
        codes = resolve_allies(str(item.get("ally", item.get("iso3", ""))))
        if not codes:
            raise BurdenError("membership change needs an ally", code="invalid-membership")
        change: dict[str, Any] = {"iso3": codes[0]}
        for kind in ("joins", "leaves"):
            if item.get(kind):
                value = str(item[kind])
                try:
                    change[kind] = dt.date(int(value), 1, 1) if value.isdigit() else dt.date.fromisoformat(value)
                except ValueError:
                    raise BurdenError(f"invalid {kind} date {value!r} for {codes[0]}: use YYYY-MM-DD or a year",
                                      code="invalid-membership") from None
        if len(change) == 1:
            raise BurdenError(f"membership change for {codes[0]} needs joins or leaves", code="invalid-membership")
        changes.append(change)
    return changes


def _members(base: Base, years: list[int], changes: list[dict[str, Any]]) -> np.ndarray:
    members = np.ones((len(years), len(base.allies)), dtype=bool)
    for change in changes:
        if change["iso3"] not in base.allies:
            raise BurdenError(f"{ally_name(change['iso3'])} is not projected (no NATO figures in edition "
                              f"{base.edition}); membership changes apply to projected allies", code="invalid-membership")
        a = base.index(change["iso3"])
        for y, year in enumerate(years):
            day = dt.date(year, *MEMBER_DAY)
            joined = change.get("joins") is None or change["joins"] <= day
            left = change.get("leaves") is not None and change["leaves"] <= day
            members[y, a] = joined and not left
    return members


def _scenario_growth(scn: Scenario | None, base: Base, years: list[int]) -> dict[str, dict[int, float]]:
    if scn is None:
        return {}
    out: dict[str, dict[int, float]] = {}
    for iso3 in base.allies:
        rate = scn.growth_all_years.get(iso3, scn.growth_all_years.get("*"))
        path = {year: rate for year in years} if rate is not None else {}
        path.update(scn.growth.get(iso3, {}))
        if path:
            out[iso3] = path
    return out


def _setup(edition, target, deadline, growth, scenario, plan, base_year, growth_edition, membership,
           spending_growth=None) -> Setup:
    scn = _scenario(scenario)
    notes: list[str] = []
    if scn:  # a scenario's fields win over arguments left at their defaults
        edition = edition or scn.edition
        target = scn.target if scn.target is not None and target in (None, DEFAULT_TARGET) else target
        deadline = scn.deadline if scn.deadline is not None and deadline in (None, DEFAULT_DEADLINE) else deadline
        base_year = base_year or scn.base_year
        plan = plan or scn.plan_shares or scn.plan
        growth_edition = growth_edition or scn.growth_edition
    spec = parse_target(target if target is not None else DEFAULT_TARGET)
    if spec.indicator != "def_exp_pct_gdp":
        raise BurdenError(f"target {spec.id} is not a share of GDP; projections cost % of GDP targets",
                          code="invalid-target")
    deadline = int(deadline or spec.deadline or DEFAULT_DEADLINE)
    if spec.deadline and spec.deadline != deadline:
        notes.append(f"target {spec.id} has its own deadline {spec.deadline}; the projection runs to {deadline}")
    base = load_base(edition, base_year)
    if deadline <= base.base_year:
        if scn and scn.deadline == deadline:
            check_against(scn, base.base_year, deadline, base.allies)
        raise BurdenError(f"deadline {deadline} is not after the base year {base.base_year}; give a later "
                          "--deadline", code="invalid-deadline")
    if deadline > MAX_DEADLINE:
        raise BurdenError(f"deadline {deadline} is beyond {MAX_DEADLINE}; growth assumptions do not reach that far",
                          code="invalid-deadline")
    years = list(range(base.base_year + 1, deadline + 1))
    if scn:
        check_against(scn, base.base_year, deadline, base.allies)
    growth_edition = growth_edition or WEO_DEFAULT
    paths = growth_paths(base, years, growth, growth_edition, _scenario_growth(scn, base, years))
    changes = _membership_changes(membership, scn)
    return Setup(base, years, spec, deadline, paths, growth_edition,
                 make_plan(plan, base, years, spec.threshold, spending_growth),
                 _members(base, years, changes), changes, scn, notes)


def _model(setup: Setup, shocks: str, volatility: float) -> mc.Model:
    if shocks not in ("normal", "bootstrap"):
        raise BurdenError(f"invalid shocks {shocks!r}: use normal or bootstrap", code="invalid-shocks")
    if not volatility >= 0:
        raise BurdenError(f"invalid volatility {volatility!r}: use 0 or more (1 = historical residuals)",
                          code="invalid-volatility")
    loadings = mc.shock_loadings(residuals(setup.base), shocks, volatility)
    return mc.Model(setup.base.gdp, setup.growth.pct / 100.0, loadings, shocks)


# ---------------------------------------------------------------- rows

def _price_basis(base: Base) -> str:
    return f"{base.price_basis}, edition {base.edition}"


def _ally_filter(setup: Setup, allies) -> list[int]:
    codes = resolve_allies(allies)
    if codes is None:
        return list(range(len(setup.base.allies)))
    excluded = {e["iso3"]: e["reason"] for e in setup.base.excluded}
    for code in codes:
        if code in excluded:
            raise BurdenError(f"{ally_name(code)} is not projected: {excluded[code]}", code="not-projected")
        if code not in setup.base.allies:
            raise BurdenError(f"{code} is an aggregate; see `aggregates` in the output", code="not-projected")
    return [setup.base.index(c) for c in codes]


BANDED = (("share", "share", ""), ("extra", "extra_cost", "_usd_mn"), ("cumulative", "cumulative_extra_cost", "_usd_mn"))


def _row(key: dict[str, Any], central: dict[str, np.ndarray], bands: dict[str, np.ndarray] | None,
         y: int) -> dict[str, Any]:
    """Central values (row 1 of a single path's band) and, with a Monte Carlo, its P5/P50/P95."""
    row = {**key, "gdp_usd_mn": central["gdp"][1, y], "spending_usd_mn": central["spend"][1, y]}
    for quantity, name, unit in BANDED:
        row[f"{name}{unit}"] = central[quantity][1, y]
        if bands is not None:
            row.update({f"{name}_p{p}{unit}": bands[quantity][i, y] for i, p in enumerate((5, 50, 95))})
    return row


def _ally_rows(setup: Setup, central: dict, bands: dict | None, picks: list[int]) -> list[dict]:
    rows = []
    for a in picks:
        iso3 = setup.base.allies[a]
        for y, year in enumerate(setup.years):
            if setup.members[y, a]:
                key = {"iso3": iso3, "name": ally_name(iso3), "year": year,
                       "growth_pct": setup.growth.pct[y, a], "growth_source": setup.growth.source[y, a]}
                rows.append(_row(key, central["allies"][iso3], bands and bands["allies"][iso3], y))
    return rows


def _group_rows(setup: Setup, central: dict, bands: dict | None) -> list[dict]:
    rows = []
    for group, mask in setup.group_masks().items():
        for y, year in enumerate(setup.years):
            key = {"group": group, "name": GROUPS[group], "year": year, "allies": int(mask[y].sum())}
            rows.append(_row(key, central["groups"][group], bands and bands["groups"][group], y))
    return rows


def _us_removed(setup: Setup, central: dict, pct: float) -> dict[str, Any]:
    ec, us = central["groups"]["NATO_EUR_CAN"], central["groups"]["USA"]
    rows = []
    for y, year in enumerate(setup.years):
        gdp, spend, us_spend = ec["gdp"][1, y], ec["spend"][1, y], us["spend"][1, y]
        baseline = spend - ec["extra"][1, y]
        keep = spend + us_spend
        rows.append({
            "year": year, "eur_can_gdp_usd_mn": gdp, "eur_can_spending_usd_mn": spend, "us_spending_usd_mn": us_spend,
            "keep_total_spending_usd_mn": keep, "keep_total_share": keep * 100.0 / gdp,
            "keep_total_extra_usd_mn": keep - spend,
            "reach_share": pct, "reach_spending_usd_mn": pct / 100.0 * gdp,
            "reach_extra_vs_plan_usd_mn": pct / 100.0 * gdp - spend,
            "reach_extra_vs_baseline_usd_mn": pct / 100.0 * gdp - baseline,
        })
    return {
        "description": "the US contribution removed: what Europe and Canada would spend to keep the alliance total "
                       f"(their plan plus the US plan), or to reach {pct:g}% of their own GDP; central growth path",
        "formula": "keep_total_share = (spending[Europe+Canada] + spending[US]) / GDP[Europe+Canada] * 100; "
                   f"reach_spending = {pct:g} / 100 * GDP[Europe+Canada]; baseline = base-year shares * GDP[t]",
        "rows": rows,
    }


def _formulas(setup: Setup) -> dict[str, str]:
    return {
        "gdp": "GDP[t] = GDP[t-1] * (1 + g[t] + e[t]), GDP[base] from the edition (constant prices); g = growth "
               "assumption, e = Monte Carlo shock (0 on the central path)",
        "plan": setup.plan.formula,
        "extra_cost": "extra_cost[t] = spending[t] - share[base] / 100 * GDP[t] (baseline: staying at the base-year "
                      "share)",
        "cumulative_extra_cost": "cumulative_extra_cost[t] = sum of extra_cost[base+1..t]; bands are quantiles of "
                                 "each path's sum, not sums of quantiles",
        "aggregate_share": "share[group] = sum of spending / sum of GDP * 100 over allies that are members on 1 July",
        "probability": "probability = share of paths with fixed_plan_spending[deadline] / GDP[deadline] * 100 >= "
                       "threshold; fixed plan = the plan's spending on the central growth path, frozen in constant "
                       "US$",
        "shocks": "normal: e = w @ L with w ~ N(0, I), L'L = covariance of the historical growth residuals "
                  "(growth minus each ally's mean), all allies jointly; bootstrap: e = residuals of a random "
                  "historical year, all allies together; both times volatility",
    }


def _notes(setup: Setup) -> list[str]:
    notes = list(setup.notes)
    if any(setup.base.estimate):
        notes.append(f"base-year ({setup.base.base_year}) figures of edition {setup.base.edition} are NATO estimates")
    if setup.plan.name == "linear":
        notes.append("allies at or above the target keep their base-year share on the straight-line plan")
    return notes


def _common(setup: Setup) -> dict[str, Any]:
    base = setup.base
    h = base.history_years
    return {
        "edition": base.edition, "base_year": base.base_year, "deadline": setup.deadline,
        "target": setup.target.to_dict(),
        "plan": {"name": setup.plan.name, "kind": setup.plan.kind, "formula": setup.plan.formula},
        "scenario": ({"source": setup.scenario.source, "name": setup.scenario.name} if setup.scenario else None),
        "price_basis": _price_basis(base),
        "unit": f"million US$ at {base.price_basis} (edition {base.edition}); shares in % of GDP ({base.share_basis})",
        "growth_source": setup.growth.description, "growth_edition": setup.growth_edition,
        "residual_years": f"{h[0]}-{h[-1]} (growth from {h[0] - 1} levels; actual years of edition {base.edition})",
        "base": [{"iso3": iso3, "name": ally_name(iso3), "year": base.base_year, "gdp_usd_mn": base.gdp[a],
                  "share": base.share[a], "estimate": base.estimate[a]} for a, iso3 in enumerate(base.allies)],
        "excluded": list(base.excluded),
        "membership_changes": [{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in c.items()}
                               for c in setup.changes],
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {base.edition}; IMF World Economic Outlook "
                  f"({setup.growth_edition.removeprefix('WEO ')}) via the project's gdp_forecasts.csv",
        "notes": _notes(setup),
    }


def deterministic_projection(edition: str | None = None, target: str | float | None = DEFAULT_TARGET,
                             deadline: int | None = DEFAULT_DEADLINE, growth: float | Mapping | None = None,
                             scenario: str | Path | Scenario | None = None, allies=None,
                             plan: str | Mapping | None = None, *, base_year: int | None = None,
                             growth_edition: str | None = None, membership: list[Mapping] | None = None,
                             us_removed_pct: float | None = None) -> dict[str, Any]:
    """The projection on the central growth path (no uncertainty): rows per ally and year, aggregates."""
    setup = _setup(edition, target, deadline, growth, scenario, plan, base_year, growth_edition, membership)
    model = _model(setup, "normal", 0.0)
    central = summarise(mc.central_levels(model), setup.plan, setup.base, setup.group_masks())
    out = _common(setup)
    out.update(rows=_ally_rows(setup, central, None, _ally_filter(setup, allies)),
               aggregates=_group_rows(setup, central, None),
               what_if={"us_removed": _us_removed(setup, central, us_removed_pct or setup.target.threshold)},
               formula=_formulas(setup))
    return clean(out)


@contextmanager
def _progress_bar(total: int, enabled: bool):
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("Monte Carlo paths"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("paths", total=total)
        yield lambda n: bar.advance(task, n)


def project_report(edition: str | None = None, target: str | float | None = DEFAULT_TARGET,
                   deadline: int | None = DEFAULT_DEADLINE, growth: float | Mapping | None = None,
                   paths: int = 10_000, seed: int | None = None, scenario: str | Path | Scenario | None = None,
                   allies=None, plan: str | Mapping | None = None, volatility: float | None = None,
                   progress: bool | Callable[[int], None] = False, *, base_year: int | None = None,
                   shocks: str | None = None, growth_edition: str | None = None,
                   membership: list[Mapping] | None = None, us_removed_pct: float | None = None,
                   quantile_paths: int = mc.QUANTILE_PATHS) -> dict[str, Any]:
    """Projection with Monte Carlo bands (P5/P50/P95) and the probability that a fixed plan meets the target.

    Exactly what `burden project --json` prints. `seed=None` draws a seed and reports it, so any run can
    be repeated."""
    if isinstance(paths, bool) or not isinstance(paths, int) or paths < 1:
        raise BurdenError(f"invalid paths {paths!r}: use a whole number of at least 1", code="invalid-paths")
    check_paths(paths)
    setup = _setup(edition, target, deadline, growth, scenario, plan, base_year, growth_edition, membership)
    check_paths(paths, len(setup.years))  # before any path is drawn
    scn = setup.scenario
    shocks = shocks or (scn.shocks if scn and scn.shocks else "normal")
    volatility = volatility if volatility is not None else (scn.volatility if scn and scn.volatility is not None
                                                            else 1.0)
    model = _model(setup, shocks, float(volatility))
    seed = int(cast(int, np.random.SeedSequence().entropy)) if seed is None else int(seed)  # fresh: one int
    masks = setup.group_masks()
    central = summarise(mc.central_levels(model), setup.plan, setup.base, masks)
    group_names = list(masks)
    deadline_mask = np.array([masks[g][-1] for g in group_names])
    fixed = np.array([central["allies"][iso3]["spend"][1, -1] for iso3 in setup.base.allies])
    with _progress_bar(paths, progress is True) as bar:
        sim = mc.simulate(model, paths, seed, fixed, deadline_mask, setup.target.threshold, quantile_paths,
                          bar or (progress if callable(progress) else None))
    picks = _ally_filter(setup, allies)
    out = _common(setup)
    out["monte_carlo"] = {
        "paths": paths, "quantile_paths": sim.stored.shape[2], "seed": seed, "shocks": shocks,
        "volatility": float(volatility), "block_paths": mc.BLOCK_PATHS,
        "description": f"P5/P50/P95 from the first {sim.stored.shape[2]:,} paths; probabilities from all {paths:,}",
    }
    bands = summarise(sim.stored, setup.plan, setup.base, masks)
    out["rows"] = _ally_rows(setup, central, bands, picks)
    out["aggregates"] = _group_rows(setup, central, bands)
    threshold, year = setup.target.threshold, setup.deadline
    out["probability"] = {
        "description": f"probability that the plan's spending, fixed in constant US$ on the central growth path, "
                       f"is at least {threshold:g}% of GDP in {year}",
        "allies": [{"iso3": setup.base.allies[a], "name": ally_name(setup.base.allies[a]), "year": year,
                    "fixed_plan_spending_usd_mn": fixed[a], "probability": sim.meets[a] / paths}
                   for a in picks if setup.members[-1, a]],
        "aggregates": [{"group": g, "name": GROUPS[g], "year": year, "probability": sim.group_meets[i] / paths}
                       for i, g in enumerate(group_names)],
    }
    out["what_if"] = {"us_removed": _us_removed(setup, central, us_removed_pct or threshold)}
    out["formula"] = _formulas(setup)
    return clean(out)
