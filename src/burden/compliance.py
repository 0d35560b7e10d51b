"""Who meets which target, when, and the gap in points and money; the straight-line path to a deadline.

Everything here is a pure function over the dataset's records and returns JSON-able dicts (the
CLI's `--json` and the web API print them unchanged). Rules that hold throughout:

- `meets` compares the unrounded value with the threshold; the `rounded` view compares the value
  NATO prints (two decimals, half away from zero) and says so in `view`.
- Missing stays missing: an ally without a value (Iceland; Germany 2025 in the 2025-08 edition;
  allies not found for a partial edition) gets `meets = None` and is left out of the counts, which
  read "N of M reporting".
- Allies enter the counts from the year they joined: NATO's tables print figures for Finland and
  Sweden before accession, but its aggregates and headline counts leave them out.
- Every money figure names its prices and carries the formula it came from.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .dataset import data_version, edition_records, fact_records, resolve_edition
from .errors import BurdenError
from .forecasts import latest_weo, weo_growth
from .members import accession_date, ally_name, resolve_allies, roster
from .targets import Target, parse_target, pledge, pledge_date
from .validators import growth_spec

AGGREGATE_ROWS = ("NATO_TOTAL", "NATO_EUR_CAN", "USA")
ROUNDED_VIEW = "rounded to 2 decimals as NATO prints"
UNROUNDED_VIEW = "unrounded"
PRINTED_STEP = Decimal("0.01")
FALLBACK_GDP_GROWTH_PCT = 1.5  # used only for an ally with no IMF forecast row; said so in its row


# ---------------------------------------------------------------- small pure helpers

def printed_value(value: float) -> float:
    """The value as NATO prints it: two decimals, half away from zero (1.995 -> 2.00)."""
    return float(Decimal(repr(value)).quantize(PRINTED_STEP, rounding=ROUND_HALF_UP))


def assess(value: float | None, threshold: float, rounded: bool = False) -> tuple[float | None, bool | None, float | None]:
    """(value compared, meets, gap in points); all None when the value is missing."""
    if value is None:
        return None, None, None
    compared = printed_value(value) if rounded else value
    return compared, compared >= threshold, max(0.0, threshold - compared)


def member_in_year(iso3: str, year: int) -> bool:
    """An ally counts for a year from the year it joined (NATO's aggregates do the same)."""
    return accession_date(iso3).year <= year


def _edition_meta(edition: str) -> dict[str, Any]:
    return next(r for r in edition_records() if r["edition"] == edition)


def _universe(year: int, allies) -> list[str]:
    """Allies (ISO3, pack order) that were members in `year`, restricted to `allies` when given."""
    wanted = resolve_allies(allies)
    codes = [r["iso3"] for r in roster() if member_in_year(r["iso3"], year)]
    return [c for c in codes if wanted is None or c in wanted]


def records(edition: str, indicator: str) -> tuple[dict[str, Any], ...]:
    """Every record of one indicator in one edition (cached per `data_version()`: the cache follows imports)."""
    return _records_cached(edition, indicator, data_version())


@functools.lru_cache(maxsize=256)
def _records_cached(edition: str, indicator: str, version: str) -> tuple[dict[str, Any], ...]:
    return tuple(fact_records(indicator, [edition]))


def _values(edition: str, indicator: str) -> dict[tuple[str, int], dict[str, Any]]:
    """(iso3, year) -> record for one edition and indicator, allies and aggregates alike (read-only:
    cached like `records`, since status rows look it up once per ally)."""
    return _values_cached(edition, indicator, data_version())


@functools.lru_cache(maxsize=256)
def _values_cached(edition: str, indicator: str, version: str) -> dict[tuple[str, int], dict[str, Any]]:
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for r in sorted(_records_cached(edition, indicator, version), key=lambda r: r["price_basis"] == ""):
        out.setdefault((r["iso3"], r["year"]), r)  # a row with a stated price basis wins
    return out


def money_rows(edition: str, indicator: str, kind: str) -> dict[tuple[str, int], dict[str, Any]]:
    """Money rows of one price kind ("constant" or "current")."""
    return {(r["iso3"], r["year"]): r for r in records(edition, indicator)
            if r["price_basis"].lower().startswith(kind)}


def years_held(edition: str, indicator: str) -> list[int]:
    return sorted({year for (iso3, year) in _values(edition, indicator) if not iso3.startswith("NATO_")})


def _check_year(edition: str, target: Target, year: int | None) -> int:
    years = years_held(edition, target.indicator)
    if not years:
        raise BurdenError(f"edition {edition} holds no {target.indicator} figures for any ally; "
                          "choose another edition (see `burden editions`)", code="no-data")
    if year is None:
        return years[-1]
    if year not in years:
        raise BurdenError(f"no {target.indicator} figures for {year} in edition {edition} "
                          f"(it covers {years[0]}-{years[-1]})", code="no-data")
    return int(year)


def _missing_reason(iso3: str, edition: str) -> str:
    member = next(r for r in roster() if r["iso3"] == iso3)
    if member["in_nato_expenditure_tables"] != "yes":
        return "no armed forces: not in NATO's expenditure tables"
    if _edition_meta(edition).get("kind") != "full":
        return f"not found in the stored sources of the partial edition {edition} (not the same as unpublished)"
    return f"no value in edition {edition}"


# ---------------------------------------------------------------- status

def _status_row(iso3: str, year: int, target: Target, edition: str, rounded: bool) -> dict[str, Any]:
    record = _values(edition, target.indicator).get((iso3, year))
    value = record["value"] if record else None
    compared, meets, gap = assess(value, target.threshold, rounded)
    return {
        "iso3": iso3, "name": ally_name(iso3), "year": year, "value": value,
        "value_compared": compared, "threshold": target.threshold, "meets": meets, "gap_pp": gap,
        "estimate": record["estimate"] if record else None, "unit": target.unit,
        "price_basis": record["price_basis"] if record else None, "edition": edition,
        "source_type": record["source_type"] if record else None,
        "source": record["source"] if record else None,
        "missing_reason": None if record else _missing_reason(iso3, edition),
    }


def _sort_by_value(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highest value first; missing values last, in pack order."""
    return sorted(rows, key=lambda r: (r["value"] is None, -(r["value"] or 0.0)))


def _counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    reporting = [r for r in rows if r["meets"] is not None]
    meeting = sum(bool(r["meets"]) for r in reporting)
    return {"meeting": meeting, "not_meeting": len(reporting) - meeting, "reporting": len(reporting),
            "missing": len(rows) - len(reporting), "members": len(rows)}


def _aggregate_rows(edition: str, year: int, target: Target, rounded: bool) -> list[dict[str, Any]]:
    """NATO's own aggregate rows (as published, not recomputed) beside the US row."""
    out = []
    for code in AGGREGATE_ROWS:
        record = _values(edition, target.indicator).get((code, year))
        compared, meets, gap = assess(record["value"] if record else None, target.threshold, rounded)
        out.append({"iso3": code, "name": ally_name(code), "value": record["value"] if record else None,
                    "meets": meets, "gap_pp": gap, "estimate": record["estimate"] if record else None,
                    "source": record["source"] if record else None,
                    "note": "" if record else f"edition {edition} holds no {code} row for {year}"})
    return out


def _target_notes(target: Target, edition: str, year: int) -> list[str]:
    notes = [target.note] if target.note and target.note != "custom target" else []
    meta = _edition_meta(edition)
    if meta.get("definition_notes"):
        notes.append(f"edition {edition} definition: {meta['definition_notes']}")
    if target.pledge_id:
        agreed = pledge_date(pledge(target.pledge_id))
        if year < agreed.year:
            notes.append(f"{target.pledge_id} was agreed on {agreed.isoformat()}: in {year} it was not yet in force; "
                         "shown for comparison")
    if target.indicator == "equipment_pct":
        notes.append("equipment = major equipment incl. related R&D, as % of defence expenditure "
                     "(of core defence expenditure from the 2026-07 edition)")
    if meta.get("kind") != "full":
        notes.append(f"edition {edition} is partial: the pack holds only the allies its sources list; "
                     "counts cover those allies only")
    return notes


def status_report(edition: str | None = None, year: int | None = None, target: str | Target = "2",
                  rounded: bool = False, allies=None) -> dict[str, Any]:
    """Who meets `target` in `year` of `edition`: one row per member ally, highest value first.

    `count_meeting` counts allies with data at or above the threshold; allies without data are
    listed (with the reason) and counted in `count_missing`, never as passing or failing.
    """
    tgt = parse_target(target)
    edition = resolve_edition(edition)
    year = _check_year(edition, tgt, year)
    rows = _sort_by_value([_status_row(c, year, tgt, edition, rounded) for c in _universe(year, allies)])
    counts = _counts(rows)
    missing = [f"{r['name']} ({r['missing_reason']})" for r in rows if r["meets"] is None]
    view = ROUNDED_VIEW if rounded else UNROUNDED_VIEW
    from .coverage import partial_note

    partial = partial_note(edition, tgt.indicator, year)
    return {
        "edition": edition, "year": year, "target": tgt.to_dict(), "view": view,
        "partial_edition": partial,
        "rows": rows,
        "count_meeting": counts["meeting"], "count_not_meeting": counts["not_meeting"],
        "count_reporting": counts["reporting"], "count_missing": counts["missing"],
        "count_members": counts["members"],
        "count_text": f"{counts['meeting']} of {counts['reporting']} reporting allies at or above "
                      f"{tgt.threshold:g}{tgt.unit} in {year} ({view})",
        "missing_note": ("left out of the counts, neither passing nor failing: " + "; ".join(missing)) if missing else "",
        "not_yet_members": _not_yet_members(edition, tgt, year, allies),
        "aggregates": _aggregate_rows(edition, year, tgt, rounded),
        "notes": _target_notes(tgt, edition, year) + ([partial["text"]] if partial else []),
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition}",
    }


def _not_yet_members(edition: str, target: Target, year: int, allies) -> list[str]:
    """Allies the edition prints for `year` although they joined later (left out of rows and counts)."""
    wanted = resolve_allies(allies)
    return [iso3 for (iso3, y) in _values(edition, target.indicator)
            if y == year and not iso3.startswith("NATO_") and not member_in_year(iso3, year)
            and (wanted is None or iso3 in wanted)]


def count_meeting_by_year(edition: str | None = None, target: str | Target = "2",
                          rounded: bool = False, allies=None) -> list[dict[str, Any]]:
    """For every year the edition holds: allies meeting the target, reporting, missing, members."""
    tgt = parse_target(target)
    edition = resolve_edition(edition)
    out = []
    for year in years_held(edition, tgt.indicator):
        rows = [_status_row(c, year, tgt, edition, rounded) for c in _universe(year, allies)]
        out.append({"year": year, **_counts(rows), "edition": edition, "target": tgt.id,
                    "view": ROUNDED_VIEW if rounded else UNROUNDED_VIEW})
    return out


# ---------------------------------------------------------------- gap in points and money

def _gap_money(edition: str, row: dict[str, Any], gdp_const: dict, gdp_current: dict, nac_current: dict) -> dict:
    """Money equivalents of one ally's gap in points; None where the edition lacks the series."""
    key, gap = (row["iso3"], row["year"]), row["gap_pp"]
    const, current, nac = gdp_const.get(key), gdp_current.get(key), nac_current.get(key)
    out: dict[str, Any] = {"gap_usd_mn": None, "gap_usd_mn_current": None, "gap_nac_mn": None, "nac_unit": None,
                           "gdp_usd_mn": const["value"] if const else None,
                           "gdp_usd_mn_current": current["value"] if current else None}
    if gap is None:
        return out
    if const:
        out["gap_usd_mn"] = gap / 100 * const["value"]
    if current:
        out["gap_usd_mn_current"] = gap / 100 * current["value"]
    if nac and row["value"]:
        out["gap_nac_mn"] = gap / row["value"] * nac["value"]
        out["nac_unit"] = nac["unit"]
    return out


def _gap_formula(edition: str, target: Target, const_basis: str | None, current_basis: str | None) -> str:
    parts = [f"gap_pp = max(0, {target.threshold:g} - share)"]
    if const_basis:
        parts.append(f"gap_usd_mn = gap_pp / 100 x gdp_usd_mn ({const_basis}, edition {edition})")
    if current_basis:
        parts.append(f"gap_usd_mn_current = gap_pp / 100 x gdp_usd_mn ({current_basis}, edition {edition})")
        parts.append("gap_nac_mn = gap_pp / share x def_exp_nac_mn (current prices) = gap_pp x the GDP "
                     "in national currency implied by spending and share")
    return "; ".join(parts)


def _sum_or_none(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _gap_totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Sums of the allies' gaps (allies above the target add nothing; no offsetting)."""
    groups = {"NATO": rows, "Europe+Canada": [r for r in rows if r["iso3"] != "USA"],
              "US": [r for r in rows if r["iso3"] == "USA"]}
    out = {}
    for name, members in groups.items():
        short = [r for r in members if r["gap_pp"]]
        out[name] = {
            "allies_short": len(short), "allies_reporting": sum(r["gap_pp"] is not None for r in members),
            "gap_usd_mn": _sum_or_none([r["gap_usd_mn"] for r in short]),
            "gap_usd_mn_current": _sum_or_none([r["gap_usd_mn_current"] for r in short]),
            "allies_short_without_money": sum(r["gap_usd_mn"] is None for r in short),
            "formula": "sum of the allies' gaps (an ally above the target adds 0)",
        }
    return out


def _gap_rows_for_year(edition: str, year: int, target: Target, allies, series: dict) -> list[dict[str, Any]]:
    rows = []
    for iso3 in _universe(year, allies):
        status = _status_row(iso3, year, target, edition, rounded=False)
        money = _gap_money(edition, status, *series.values()) if target.indicator == "def_exp_pct_gdp" else {
            "gap_usd_mn": None, "gap_usd_mn_current": None, "gap_nac_mn": None, "nac_unit": None,
            "gdp_usd_mn": None, "gdp_usd_mn_current": None}
        rows.append({**{k: status[k] for k in ("iso3", "name", "year", "value", "threshold", "meets", "gap_pp",
                                               "estimate", "missing_reason")}, **money})
    return rows


def _money_series(edition: str) -> dict[str, dict]:
    return {"gdp_const": money_rows(edition, "gdp_usd_mn", "constant"),
            "gdp_current": money_rows(edition, "gdp_usd_mn", "current"),
            "nac_current": money_rows(edition, "def_exp_nac_mn", "current")}


def _basis(series: dict) -> str | None:
    return next(iter(series.values()))["price_basis"] if series else None


def gap_report(edition: str | None = None, year: int | None = None, target: str | Target = "3.5",
               cumulative_to: int | None = None, allies=None) -> dict[str, Any]:
    """The shortfall of each ally from `target` in `year`: points, and money where the edition has GDP.

    gap_usd_mn is at the edition's constant prices, gap_usd_mn_current at current prices, and
    gap_nac_mn in national currency at current prices. With `cumulative_to`, each row also sums
    its yearly gaps from `year` to `cumulative_to` (years the edition holds; for future years see
    `burden project`).
    """
    tgt = parse_target(target)
    edition = resolve_edition(edition)
    year = _check_year(edition, tgt, year)
    series = _money_series(edition)
    const_basis, current_basis = _basis(series["gdp_const"]), _basis(series["gdp_current"])
    rows = _sort_by_value(_gap_rows_for_year(edition, year, tgt, allies, series))
    formula = _gap_formula(edition, tgt, const_basis, current_basis)
    for r in rows:
        r["formula"] = formula
    notes = _target_notes(tgt, edition, year)
    if tgt.indicator != "def_exp_pct_gdp":
        notes.append(f"{tgt.indicator} is a share of defence expenditure, not of GDP: gap in points only")
    elif not const_basis:
        notes.append(f"edition {edition} holds no GDP table (no US$ or national-currency tables were found for it): "
                     "gap in points only, money left null rather than borrowed from another edition")
    if cumulative_to is not None:
        _add_cumulative(rows, edition, year, int(cumulative_to), tgt, allies, series)
    price_basis = (f"{const_basis}, edition {edition} (gap_usd_mn); {current_basis} (gap_usd_mn_current, gap_nac_mn)"
                   if const_basis and current_basis else
                   f"{const_basis}, edition {edition} (gap_usd_mn); no current-price GDP in this edition"
                   if const_basis else f"none: edition {edition} holds no GDP in money terms")
    from .coverage import partial_note

    partial = partial_note(edition, tgt.indicator, year)
    return {
        "edition": edition, "year": year, "target": tgt.to_dict(), "view": UNROUNDED_VIEW,
        "price_basis": price_basis, "rows": rows, "totals": _gap_totals(rows),
        "cumulative_to": cumulative_to, "formula": formula,
        "notes": notes + ([partial["text"]] if partial else []), "partial_edition": partial,
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition}",
    }


def _add_cumulative(rows: list[dict[str, Any]], edition: str, year: int, until: int, target: Target,
                    allies, series: dict) -> None:
    years = years_held(edition, target.indicator)
    if until < year:
        raise BurdenError(f"invalid --cumulative-to {until}: it must not be before the year {year}",
                          code="invalid-year")
    if until > years[-1]:
        raise BurdenError(f"edition {edition} ends in {years[-1]}: --cumulative-to {until} needs projected "
                          "figures; use `burden project` for years after the data", code="no-data")
    per_year = {y: {r["iso3"]: r for r in _gap_rows_for_year(edition, y, target, allies, series)}
                for y in range(year, until + 1)}
    for r in rows:
        yearly = [per_year[y].get(r["iso3"]) for y in per_year]
        missing = [y for y, g in zip(per_year, yearly, strict=True) if g is None or g["gap_pp"] is None]
        r["cumulative_years"] = f"{year}-{until}"
        r["cumulative_years_missing"] = missing
        r["gap_pp_years_short"] = sum(1 for g in yearly if g and g["gap_pp"])
        r["gap_usd_mn_cumulative"] = _sum_or_none([g["gap_usd_mn"] for g in yearly if g])
        r["gap_usd_mn_current_cumulative"] = _sum_or_none([g["gap_usd_mn_current"] for g in yearly if g])


# ---------------------------------------------------------------- credible path

def _imf_growth() -> tuple[str, dict[str, dict[int, float]]]:
    """The latest IMF WEO edition in the pack and its real GDP growth forecasts per ally and year
    (read by `burden.forecasts`, the reader `burden project` uses too)."""
    weo = latest_weo()
    out: dict[str, dict[int, float]] = defaultdict(dict)
    for (iso3, year), value in weo_growth(weo).items():
        out[iso3][year] = value
    return weo, dict(out)


def parse_growth(growth) -> tuple[float | None, dict[str, float]]:
    """`growth` as (rate for every ally or None, {iso3: rate}); accepts 1.5, "1.5", "POL=3,DEU=0.8",
    "1.2,POL=3", a dict or a list of such strings. Rates are % per year, checked by
    `burden.validators.growth_rate` (one bound for every command)."""
    spec = growth_spec(growth)
    if not isinstance(spec, dict):
        return spec, {}
    default = spec.get("*")
    per_ally: dict[str, float] = {}
    for name, rate in spec.items():
        if name != "*":
            per_ally.update(dict.fromkeys(resolve_allies(name) or [], rate))
    return default, per_ally


def _growth_for(iso3: str, base_year: int, deadline: int, default: float | None,
                per_ally: dict[str, float]) -> tuple[float, str]:
    if iso3 in per_ally:
        return per_ally[iso3], "given for this ally"
    if default is not None:
        return default, "given for every ally"
    weo, forecasts = _imf_growth()
    years = [y for y in range(base_year + 1, deadline + 1) if y in forecasts.get(iso3, {})]
    if not years:
        return FALLBACK_GDP_GROWTH_PCT, f"no IMF forecast for this ally: flat {FALLBACK_GDP_GROWTH_PCT}% assumed"
    rate = sum(forecasts[iso3][y] for y in years) / len(years)
    return rate, (f"IMF {weo}, mean real GDP growth {years[0]}-{years[-1]}, held after {years[-1]}"
                  if years[-1] < deadline else f"IMF {weo}, mean real GDP growth {years[0]}-{years[-1]}")


def straight_line(base_value: float, base_year: int, threshold: float, deadline: int) -> list[dict[str, float]]:
    """The straight line from the base value to the threshold at the deadline (flat when already above)."""
    span = deadline - base_year
    if base_value >= threshold or span <= 0:
        return [{"year": y, "value": base_value} for y in range(base_year, max(deadline, base_year) + 1)]
    step = (threshold - base_value) / span
    return [{"year": base_year + i, "value": base_value + step * i} for i in range(span + 1)]


def required_real_growth_pct(base_value: float, threshold: float, years: int, gdp_growth_pct: float) -> float:
    """Average annual real growth of defence spending that takes the share from base to threshold in
    `years` while real GDP grows at `gdp_growth_pct`: ((T/base) x (1+g)^n)^(1/n) - 1."""
    ratio = max(threshold, base_value) / base_value
    return ((ratio * (1 + gdp_growth_pct / 100) ** years) ** (1 / years) - 1) * 100


def _path_row(iso3: str, edition: str, target: Target, base_year: int, deadline: int, latest_year: int,
              growth: tuple[float | None, dict[str, float]]) -> dict[str, Any]:
    values = _values(edition, target.indicator)
    base = values.get((iso3, base_year))
    row: dict[str, Any] = {"iso3": iso3, "name": ally_name(iso3), "base_year": base_year,
                           "base_value": base["value"] if base else None, "threshold": target.threshold,
                           "deadline": deadline}
    if base is None:
        return {**row, "status": "missing", "missing_reason": _missing_reason(iso3, edition), "path": [],
                "checks": [], "annual_step_pp": None, "gdp_growth_pct": None, "growth_source": None,
                "required_real_growth_pct": None, "on_path_latest": None}
    path = straight_line(base["value"], base_year, target.threshold, deadline)
    line = {p["year"]: p["value"] for p in path}
    checks = [{"year": y, "value": values[(iso3, y)]["value"], "path_value": line[y],
               "on_path": values[(iso3, y)]["value"] >= line[y]}
              for y in range(base_year + 1, latest_year + 1) if (iso3, y) in values and y in line]
    rate, source = _growth_for(iso3, base_year, deadline, *growth)
    n = deadline - base_year
    return {**row, "status": "at-or-above-target" if base["value"] >= target.threshold else "below-target",
            "missing_reason": None, "annual_step_pp": (path[1]["value"] - path[0]["value"]) if n > 0 else 0.0,
            "path": path, "checks": checks, "on_path_latest": checks[-1]["on_path"] if checks else None,
            "gdp_growth_pct": rate, "growth_source": source,
            "required_real_growth_pct": required_real_growth_pct(base["value"], target.threshold, n, rate)
            if n > 0 else None}


def path_report(target: str | Target = "hague-core", edition: str | None = None, base_year: int | None = None,
                growth=None, allies=None) -> dict[str, Any]:
    """The straight line from each ally's base-year value to the target at its deadline, whether the
    edition's later years are on or above it, and the real spending growth it needs."""
    tgt = parse_target(target)
    if tgt.deadline is None:
        raise BurdenError(f"target {tgt.id!r} has no deadline: use one with a year, e.g. hague-core or 3.5@2035",
                          code="invalid-target")
    edition = resolve_edition(edition)
    years = years_held(edition, tgt.indicator)
    base_year = _check_year(edition, tgt, base_year)
    if base_year >= tgt.deadline:
        raise BurdenError(f"invalid base year {base_year}: it must be before the deadline {tgt.deadline}",
                          code="invalid-year")
    parsed = parse_growth(growth)
    rows = [_path_row(c, edition, tgt, base_year, tgt.deadline, years[-1], parsed)
            for c in _universe(base_year, allies)]
    rows = sorted(rows, key=lambda r: (r["base_value"] is None, -(r["base_value"] or 0.0)))
    notes = _target_notes(tgt, edition, base_year)
    if base_year == years[-1]:
        notes.append(f"the base year is the edition's latest year ({base_year}): no later figure to check against "
                     "the path yet; pass an earlier --base-year to check the years since")
    on_path = [r for r in rows if r["on_path_latest"] is not None]
    return {
        "edition": edition, "target": tgt.to_dict(), "base_year": base_year, "deadline": tgt.deadline,
        "latest_year": years[-1], "rows": rows,
        "count_at_or_above_target": sum(r["status"] == "at-or-above-target" for r in rows),
        "count_below_target": sum(r["status"] == "below-target" for r in rows),
        "count_missing": sum(r["status"] == "missing" for r in rows),
        "count_on_path_latest": sum(bool(r["on_path_latest"]) for r in on_path) if on_path else None,
        "formula": ("path(y) = base + (threshold - base) x (y - base_year) / (deadline - base_year); "
                    "required real growth = ((threshold / base) x (1 + g)^n)^(1/n) - 1, n = deadline - base_year, "
                    "g = real GDP growth"),
        "growth_default": f"IMF {_imf_growth()[0]} real GDP growth forecasts (mean over the years to the deadline "
                          f"the forecast covers, held flat after); {FALLBACK_GDP_GROWTH_PCT}% where none",
        "notes": notes,
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition}; IMF World Economic Outlook",
    }


# ---------------------------------------------------------------- headline counts NATO published

PUBLISHED_COUNT_TARGETS = {"allies_at_or_above_2pct": "2", "allies_at_or_above_20pct_equipment": "equipment"}
_TWO = "allies_at_or_above_2pct"
# Why each published count differs from what the per-ally rows give (checked in tests/test_compliance_headlines.py).
# "Later vintages" are the full editions' counts for the same year (full_edition_counts).
COUNT_EXPLANATIONS: dict[tuple[str, int, str], str] = {
    ("2015-06", 2015, _TWO): "Only Norway's value survives for this release, so the count cannot be recomputed from it; "
        "the five allies the press named (US, UK, Greece, Poland, Estonia) are the five at 2% in the 2019-06 and "
        "2024-06 editions. The 2025-08 and 2026-07 editions give 4: Estonia 2015 is 1.99 there (2.02 in 2019-06).",
    ("2016-01", 2014, _TWO): "No per-ally values of this release were found; every full edition gives the same 3 "
        "(US, UK, Greece).",
    ("2016-01", 2015, _TWO): "No per-ally values of this release were found; 2019-06 and 2024-06 give the same 5, "
        "2025-08 and 2026-07 give 4 (Estonia 2015 revised from 2.02 to 1.99).",
    ("2016-07", 2016, _TWO): "Reproduced from the release's own 27 values. Later vintages give 4 or 5: Poland 2016 sits "
        "on the line (2.00 in 2016-07 and 2024-06, 1.99 in 2019-06, 2025-08 and 2026-07).",
    ("2017-06", 2017, _TWO): "Reproduced from the release's own 28 values (2017 was a projection). Later vintages give "
        "4 then 3: Romania (2.02 -> 1.72), Poland (2.01 -> 1.89) and, from 2025-08, Estonia (2.14 -> 1.97) fell below "
        "once outturns replaced plans.",
    ("2018-03-sgar", 2017, _TWO): "The report's ten stored values list four allies at or above 2% (US, UK, Greece, "
        "Estonia), matching the count; 2019-06 and 2024-06 give the same 4. The 2025-08 and 2026-07 editions give 3 "
        "(Estonia 1.97).",
    ("2018-07", 2018, _TWO): "The release's 24 stored values list five allies at or above 2% (US, Greece, "
        "Estonia, UK, Latvia; 2018 estimates), matching the count. 2019-06 and 2024-06 give 6 (Poland 1.98 -> 2.02), "
        "2025-08 gives 4 (Estonia 2.14 -> 1.97, Poland 1.996), 2026-07 gives 5 (Poland 2.00).",
    ("2019-03-sgar", 2018, _TWO): "The seven allies the report lists at or above 2% match the count. Later vintages "
        "give 6, 4 or 5: Lithuania 2018 was 2.00 in the report and 1.98 or less since; 2025-08 also moves Estonia "
        "(1.97) and Poland (1.996) below the line.",
    ("2019-06", 2019, _TWO): "Reproduced from the edition's complete tables (2019 an estimate). Later vintages: "
        "2024-06 also 7 but a different seven (Bulgaria 1.61 -> 3.13 and Lithuania "
        "1.985 -> 2.00 in; Poland 2.01 -> 1.99, Romania 2.04 -> 1.84 out); 2025-08 and 2026-07 give 6.",
    ("2019-11", 2019, _TWO): "The nine allies listed are all at or above 2%, matching the count. The June 2019 "
        "edition had 7 (Bulgaria at 1.61, Lithuania at 1.985); later "
        "vintages give 7 or 6 as Poland and Romania were revised below 2%.",
    ("2020-03-sgar", 2019, _TWO): "Only six values of this report were found (one at 2%); the nine it named "
        "(Bulgaria, Estonia, Greece, Latvia, Lithuania, Poland, Romania, UK, US) are the 2019-11 list. Later vintages "
        "give 7 or 6 (see 2019-11).",
    ("2020-10", 2020, _TWO): "The release's 18 stored values list ten allies at or above 2%, matching the "
        "count. Later vintages give 9 (2024-06: Norway 2.03 -> 1.97) and 8 (2025-08, 2026-07: France 2.11 -> 1.99 too).",
    ("2020-10", 2019, _TWO): "A restated 2019 count; only Bulgaria's 2019 value (3.18) of this release was found "
        "(lower bound). It repeats the 9 of 2019-11; later vintages give 7 (2019-06, 2024-06) or 6 (2025-08, 2026-07), "
        "see 2019-11.",
    ("2021-03-sgar", 2020, _TWO): "The eleven allies listed at or above 2% match the count. Later vintages give 9 or "
        "8: Norway (2.00 -> 1.97) and Slovakia (2.00 -> 1.92), and from 2025-08 France (2.04 -> 1.99), fell below.",
    ("2021-06", 2021, _TWO): "The ten allies listed at or above 2% (2021 estimates) match the count. Every later "
        "vintage gives 6: France (2.01 -> 1.91), Croatia (2.79 -> 1.96), "
        "Lithuania (2.03 -> 1.96) and Romania (2.02 -> 1.85) fell below.",
    ("2022-03-sgar", 2021, _TWO): "Only six values were found (five at 2%); the eight named (Greece, US, Poland, "
        "UK, Croatia, Estonia, Latvia, Lithuania) include Croatia and Lithuania, below 2% in every later vintage, "
        "which give 6.",
    ("2022-06", 2022, _TWO): "The nine allies listed at or above 2% (2022 expectations) match the count. Later "
        "vintages give 7: Croatia (2.03 -> 1.78) and Slovakia (2.00 -> 1.81) fell below.",
    ("2023-03-sgar", 2014, _TWO): "A restated count; only one 2014 value of this report was found (below "
        "2%), so it is a lower bound. Every full edition gives the same 3 (US, UK, Greece).",
    ("2023-03-sgar", 2020, _TWO): "A restated count; three 2020 values of this report were found (one at 2%, "
        "lower bound). It repeats the 11 of the 2021 Annual Report. Later vintages give 9 or 8 (see 2021-03-sgar).",
    ("2023-03-sgar", 2021, _TWO): "A restated count; six 2021 values of this report were found, none at 2% "
        "(lower bound). It repeats the 8 of the 2022 Annual Report. Later vintages give 6 (see 2022-03-sgar).",
    ("2023-03-sgar", 2022, _TWO): "The seven allies listed at or above 2% match the count, and every later vintage "
        "gives the same 7.",
    ("2023-07", 2023, _TWO): "Reproduced from the release's own 30 values (2023 an estimate). Later vintages give 10: "
        "Romania (2.44 -> 1.60) and Slovakia (2.03 -> 1.84) fell below, Denmark (1.65 -> 2.01) rose above.",
    ("2024-03-sgar", 2023, _TWO): "Reproduced from the report's 30 values. Later vintages give 10: Slovakia 2023 "
        "was revised from 2.05 to 1.84.",
    ("2017-03", 2016, _TWO): "Only two 2016 values of this release were found (Norway 1.55, Luxembourg 0.42), so the "
        "count is a lower bound; it repeats the 5 of 2016-07. Later vintages give 4 (2019-06, 2025-08, 2026-07) or 5 "
        "(2024-06): Poland 2016 sits on the line.",
    ("2025-04-sgar", 2024, _TWO): "The report's 30 stored values (Croatia's is printed without a name, so omitted) list "
        "22 allies at or above 2%, matching the count. 2024-06 gave 23 (Montenegro 2.02 there, 1.71 here); 2025-08 "
        "gives 18 (Albania 1.70, Bulgaria 1.95, North Macedonia 1.89, Slovakia 1.96) and 2026-07 17 (Czechia 1.99 too).",
    ("2019-11", 2019, "allies_at_or_above_20pct_equipment"): "Only two equipment shares of this release were found (one "
        "at 20%), so the count is a lower bound. The June 2019 edition gives the same 16 for 2019; later vintages give "
        "15 (Italy below 20%).",
    ("2021-03-sgar", 2020, "allies_at_or_above_20pct_equipment"): "Only three equipment shares of this report were "
        "found (one at 20%), so the count is a lower bound. Every later vintage gives 15 for 2020.",
    ("2023-03-sgar", 2014, "allies_at_or_above_20pct_equipment"): "A restated count with no per-ally equipment "
        "shares in this report; every full edition gives the same 7.",
    ("2023-03-sgar", 2022, "allies_at_or_above_20pct_equipment"): "Only five equipment shares of this report were "
        "found (all at 20%), so the count is a lower bound. Later vintages give 22 for 2022.",
    ("2019-03-sgar", 2018, "allies_at_or_above_20pct_equipment"): "Only five equipment shares of this report were "
        "found (three at 20%), so the count cannot be recomputed. The June 2019 edition gives 14 for 2018 and 16 for "
        "2019 (estimate); later vintages give 12 for 2018 (Hungary 20.35 -> 12.63 and Italy 21.12 -> 19.13).",
}


def _reproduce_count(edition: str, year: int, target: Target) -> dict[str, Any]:
    """The count from `edition`'s own per-ally rows, and how complete those rows are."""
    rows = [_status_row(c, year, target, edition, rounded=False) for c in _universe(year, None)]
    counts = _counts(rows)
    in_tables = sum(1 for r in roster() if r["in_nato_expenditure_tables"] == "yes" and member_in_year(r["iso3"], year))
    return {**counts, "complete": counts["reporting"] == in_tables, "in_tables": in_tables,
            "meeting_allies": sorted(r["iso3"] for r in rows if r["meets"])}


def published_count_comparison() -> list[dict[str, Any]]:
    """Every count NATO published (indicator rows on NATO_TOTAL) beside the count reproduced from
    per-ally figures: of the same edition when it holds them, and of each full edition (later vintages).

    `status`: reproduced (complete per-ally rows give the same count), reproduced-from-listed (the
    edition's sources list only some allies, and those at or above the line match the count),
    lower-bound (the allies listed give fewer; the rest were not found), no-per-ally-values, differs.
    """
    full = [r["edition"] for r in edition_records() if r.get("kind") == "full"]
    out = []
    for indicator, spec in PUBLISHED_COUNT_TARGETS.items():
        target = parse_target(spec)
        for r in sorted(fact_records(indicator), key=lambda r: (r["edition"], r["year"])):
            if r["iso3"] != "NATO_TOTAL":
                continue
            own = _reproduce_count(r["edition"], r["year"], target)
            published = int(r["value"])
            if own["reporting"] == 0:
                status = "no-per-ally-values"
            elif own["complete"]:
                status = "reproduced" if own["meeting"] == published else "differs"
            elif own["meeting"] == published:
                status = "reproduced-from-listed"
            else:
                status = "lower-bound" if own["meeting"] < published else "differs"
            vintages = {ed: _reproduce_count(ed, r["year"], target)["meeting"] for ed in full
                        if r["year"] in years_held(ed, target.indicator)}
            out.append({
                "indicator": indicator, "target": target.id, "edition": r["edition"], "year": r["year"],
                "published": published, "published_source": r["source"], "published_note": r["notes"],
                "reproduced": own["meeting"] if own["reporting"] else None, "allies_with_values": own["reporting"],
                "allies_in_tables": own["in_tables"], "status": status, "full_edition_counts": vintages,
                "explanation": COUNT_EXPLANATIONS.get((r["edition"], r["year"], indicator), ""),
            })
    return out
