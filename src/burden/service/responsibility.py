"""Responsibility sharing: `ukraine`, `common_funding`, `responsibility` (see burden.responsibility).

Each function takes plain parameters, validates them once, and returns the JSON-able dict that
`burden ukraine|common-funding|responsibility --json` prints and `/api/...` returns.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from ..errors import BurdenError
from ..render import clean, records_of

UKRAINE_COLUMNS = [
    "iso3",
    "donor",
    "military_eur_bn",
    "financial_eur_bn",
    "humanitarian_eur_bn",
    "total_eur_bn",
    "total_pct_gdp",
    "military_usd_bn",
    "financial_usd_bn",
    "humanitarian_usd_bn",
    "total_usd_bn",
    "eu_share_eur_bn",
    "eu_share_pct_gdp",
    "total_incl_eu_share_pct_gdp",
    "total_incl_eu_share_eur_bn",
    "military_pct_gdp",
    "commitments_eur_bn",
    "commitments_pct_gdp",
    "gdp_2021_eur_bn",
    "derivation",
]
RESPONSIBILITY_COLUMNS = [
    "iso3",
    "def_exp_pct_gdp",
    "ukraine_aid_pct_gdp_per_year",
    "ukraine_aid_incl_eu_share_pct_gdp_per_year",
    "ukraine_aid_pct_gdp",
    "core_plus_aid_pct_gdp",
    "common_funding_share",
    "common_funding_period",
    "common_funding_approximate",
    "common_funding_source",
    "gdp_share",
    "spending_share",
    "common_funding_vs_gdp_share",
    "common_funding_vs_spending_share",
    "related_pct_gdp",
    "related_origin",
    "related_counted_pct_gdp",
    "hague_total_pct_gdp",
    "meets_core_3_5",
    "meets_hague_5",
    "rank_core",
    "rank_core_plus_aid",
    "rank_change",
    "meets_2_core",
    "meets_2_with_aid",
    "meets_3_5_core",
    "meets_3_5_with_aid",
    "def_exp_usd_mn",
    "gdp_usd_mn",
    "estimate",
]


def _version() -> str:
    from ..dataset import data_version

    return data_version()


def _release_label(release: str | int | None) -> str | None:
    if release is None:
        return None
    text = str(release).strip()
    if not text or len(text) > 20:
        raise BurdenError(
            f"invalid Kiel release {release!r}: a release number like 29", code="invalid-release"
        )
    return text


# ---------------------------------------------------------------- ukraine


@functools.lru_cache(maxsize=32)
def _ukraine(version: str, release: str | None) -> dict[str, Any]:
    from ..responsibility import (
        kiel_frame,
        latest_release,
        release_table,
        releases,
        type_sum_check,
        war_years,
    )

    frame = kiel_frame()
    chosen = release or latest_release(frame)
    table = release_table(frame, chosen)
    meta = next((r for r in releases(frame) if r["release"] == chosen), None)
    if meta is None:  # a press vintage ("press-2025-10"): no release number
        sub = frame[frame["vintage"] == chosen]
        through = next((t for t in sub["data_through"] if t), "")
        meta = {
            "release_date": next((d for d in sub["release_date"] if d), None),
            "data_through": through or None,
            "war_years": war_years(through),
        }
    check = type_sum_check(table, "eur")
    check_usd = type_sum_check(table, "usd")
    diffs = [abs(v) for v in [*check["difference"], *check_usd["difference"]]]
    return clean(
        {
            "release": chosen,
            "release_date": meta["release_date"],
            "data_through": meta["data_through"],
            "war_years": meta["war_years"],
            "rows": [{k: r.get(k) for k in UKRAINE_COLUMNS} for r in records_of(table)],
            "sources": sorted(set(table["source"])),
            "type_sum_check": {
                "donors_checked": len(diffs),
                "max_abs_difference_bn": max(diffs) if diffs else None,
                "note": "total - (military + financial + humanitarian), allocations, bilateral",
            },
            "notes": [
                "values as published by the Kiel Institute (the reference rows' derivation says where a figure is "
                "a sum of Kiel's monthly values)",
                "% of GDP is of the donor's 2021 GDP (Kiel's denominator)",
                "EU_INST = EU institutions (Commission and Council), a donor of their own; eu_share_* is an EU "
                "member's attributed share of it",
                "Albania, Montenegro and North Macedonia are not tracked by Kiel",
                "press vintages (press-*) may not name the measure; such figures are shown as allocations",
            ],
            "releases": releases(frame),
        }
    )


def ukraine(release: str | int | None = None) -> dict[str, Any]:
    """One row per donor in a Kiel release (default: the latest with a cut-off and % of GDP)."""
    return _ukraine(_version(), _release_label(release))


# ---------------------------------------------------------------- common funding


@functools.lru_cache(maxsize=32)
def _common_funding(version: str, year: int | None) -> dict[str, Any]:
    from ..members import roster
    from ..responsibility import common_funding_frame, cost_share_for_year

    frame = common_funding_frame()
    columns = [
        "iso3",
        "entity",
        "period",
        "budget",
        "indicator",
        "value",
        "unit",
        "approximate",
        "source_type",
        "source",
        "notes",
    ]
    shares = frame[frame["indicator"] == "cost_share_pct"]
    budgets = frame[frame["indicator"] != "cost_share_pct"]
    result: dict[str, Any] = {
        "year": year,
        "cost_shares": [{k: r[k] for k in columns} for r in records_of(shares)],
        "budgets": [{k: r[k] for k in columns} for r in records_of(budgets)],
        "notes": [
            "common funding pays for NATO's own budgets (civil, military, NSIP); it is not a membership due "
            "and not a measure of an ally's defence effort",
            "shares follow a formula based on gross national income; only the allies and periods found in "
            "public sources are listed, the rest is missing",
        ],
    }
    if year is not None:
        chosen = cost_share_for_year(frame, year)
        allies = [a["iso3"] for a in roster()]
        result["shares_for_year"] = records_of(chosen)
        result["missing"] = sorted(set(allies) - set(chosen["iso3"]))
    return clean(result)


def common_funding(year: int | None = None) -> dict[str, Any]:
    """NATO common-funding cost shares and budget sizes, each with its source; with `year`, the share in
    force for each ally that year (missing allies listed)."""
    if year is not None and not (1949 <= int(year) <= 2100):
        raise BurdenError(f"invalid year {year!r}", code="invalid-year")
    return _common_funding(_version(), None if year is None else int(year))


# ---------------------------------------------------------------- responsibility


def _nato_year(edition: str, year: int):
    import pandas as pd

    from ..dataset import fact_records

    def pick(indicator: str, price: str | None) -> dict[str, tuple[float, bool]]:
        return {
            r["iso3"]: (r["value"], r["estimate"])
            for r in fact_records(indicator, [edition])
            if r["year"] == year
            and len(r["iso3"]) == 3
            and (price is None or price in r["price_basis"].lower())
        }

    pct = pick("def_exp_pct_gdp", None)
    if not pct:
        years = sorted({r["year"] for r in fact_records("def_exp_pct_gdp", [edition])})
        span = f" (it covers {years[0]}-{years[-1]})" if years else ""
        raise BurdenError(f"no def_exp_pct_gdp data for {year} in edition {edition}{span}", code="no-data")
    spend, gdp = pick("def_exp_usd_mn", "current"), pick("gdp_usd_mn", "current")
    from ..members import members

    allies = sorted(
        {m["iso3"] for m in members(f"{year}-12-31")} | set(pct)
    )  # Iceland: no NATO figure, still a row
    rows = [
        {
            "iso3": iso3,
            "def_exp_pct_gdp": pct.get(iso3, (math.nan, None))[0],
            "estimate": pct.get(iso3, (math.nan, None))[1],
            "def_exp_usd_mn": spend.get(iso3, (math.nan,))[0],
            "gdp_usd_mn": gdp.get(iso3, (math.nan,))[0],
        }
        for iso3 in allies
    ]
    return pd.DataFrame(rows)


def _compute(edition: str, year: int, release: str | None, plans: list[dict] | None) -> dict[str, Any]:
    from ..responsibility import (
        METHODS,
        NOT_PUBLISHED,
        aid_per_year,
        common_funding_frame,
        cost_share_for_year,
        fairness_side_by_side,
        kiel_frame,
        latest_release,
        responsibility_table,
        threshold_changes,
    )

    kiel = kiel_frame()
    chosen = release or latest_release(kiel)
    aid = aid_per_year(kiel, chosen)
    table = responsibility_table(
        _nato_year(edition, year), aid, cost_share_for_year(common_funding_frame(), year), plans, year
    )
    rows = [{k: r.get(k) for k in RESPONSIBILITY_COLUMNS} for r in records_of(table)]
    for r in rows:
        for k in ("rank_core", "rank_core_plus_aid", "rank_change"):
            value = r[k]
            r[k] = None if value is None else int(value)
        if r["related_pct_gdp"] is None:
            r["related_pct_gdp"] = NOT_PUBLISHED
    return clean(
        {
            "edition": edition,
            "year": year,
            "kiel_release": chosen,
            "kiel_data_through": aid.attrs["data_through"],
            "war_years": aid.attrs["war_years"],
            "plans": None
            if plans is None
            else {"entries": len(plans), "for_year": sum(p["year"] == year for p in plans)},
            "rows": rows,
            "official": ["def_exp_pct_gdp", "def_exp_usd_mn", "gdp_usd_mn"],
            "published_by_others": [
                "ukraine_aid_pct_gdp (Kiel Institute)",
                "common_funding_share (press and NATO pages)",
            ],
            "user_supplied": ["related_pct_gdp"] if plans is not None else [],
            "derived": sorted(
                k for k in METHODS if k not in ("def_exp_pct_gdp", "ukraine_aid_pct_gdp", "related_pct_gdp")
            ),
            "method": METHODS,
            "ranking": threshold_changes(table),
            "fairness": fairness_side_by_side(table),
            "missing": {
                "ukraine_aid": sorted(table.loc[table["ukraine_aid_pct_gdp_per_year"].isna(), "iso3"]),
                "common_funding_share": sorted(table.loc[table["common_funding_share"].isna(), "iso3"]),
                "related_pct_gdp": sorted(table.loc[table["related_pct_gdp"].isna(), "iso3"]),
            },
        }
    )


@functools.lru_cache(maxsize=64)
def _cached(version: str, edition: str, year: int, release: str | None) -> dict[str, Any]:
    return _compute(edition, year, release, None)


def responsibility(
    edition: str | None = None,
    year: int | None = None,
    release: str | int | None = None,
    plans: str | None = None,
    plans_text: str | None = None,
    plans_format: str = "csv",
) -> dict[str, Any]:
    """Core defence, aid to Ukraine per year of war, common-funding share and the Hague 5% per ally.
    National plans (the related 1.5%) come from a file path (`plans`) or its text (`plans_text`, in
    `plans_format` csv or toml; the web API's POST body)."""
    from ..dataset import resolve_edition
    from ..responsibility import parse_plans, read_plans

    if plans is not None and plans_text is not None:
        raise BurdenError("give the plans as a file or as text, not both", code="invalid-plans")
    if plans_format not in ("csv", "toml"):
        raise BurdenError(f"invalid plans format {plans_format!r}: csv or toml", code="invalid-plans")
    parsed = (
        read_plans(plans)
        if plans is not None
        else parse_plans(plans_text, f"plans.{plans_format}")
        if plans_text is not None
        else None
    )

    edition = resolve_edition(edition)
    release = _release_label(release)
    if year is None:
        from ..dataset import fact_records

        years = [r["year"] for r in fact_records("def_exp_pct_gdp", [edition]) if not r["estimate"]] or [
            r["year"] for r in fact_records("def_exp_pct_gdp", [edition])
        ]
        year = max(years)
    year = int(year)
    if parsed is not None:
        return _compute(edition, year, release, parsed)
    return _cached(_version(), edition, year, release)
