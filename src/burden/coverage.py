"""Coverage as data: which allies and years each edition holds, per indicator, against the allies that
were reporting when the edition was released.

"Reporting" = members on the edition's release day (members.csv accession dates) that appear in NATO's
expenditure tables (all but Iceland, which has no armed forces and so no expenditure rows; an Iceland
GDP row counts as an extra, never as missing elsewhere).

An indicator is `full` in an edition when every reporting ally has a value in the latest year the
edition holds for it, and `partial` otherwise (`missing` names who lacks it); an indicator published
only as NATO totals (press-rounded aggregates, counts at 2%) is `aggregates-only`.

`coverage()` is pure (records in, records out); `edition_coverage()` applies it to the data held,
cached on `dataset.data_version()`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import Any

# Short names for the sentence form ("% of GDP for 24 of 29 allies, 2017-2018").
LABELS = {
    "def_exp_pct_gdp": "% of GDP",
    "def_exp_real_change_pct": "real change",
    "def_exp_usd_mn": "US$ spending",
    "def_exp_nac_mn": "national-currency spending",
    "gdp_usd_mn": "GDP",
    "gdp_per_capita_usd_thousand": "GDP per head",
    "def_exp_per_capita_usd": "spending per head",
    "military_personnel_thousand": "military personnel",
    "equipment_pct": "equipment share",
    "personnel_pct": "personnel share",
    "infrastructure_pct": "infrastructure share",
    "other_pct": "other spending share",
    "def_exp_usd_bn_rounded": "rounded US$ totals",
    "def_exp_real_change_pct_rounded": "rounded real change totals",
    "allies_at_or_above_2pct": "count of allies at 2%",
    "allies_at_or_above_20pct_equipment": "count of allies at 20% equipment",
}
HEADLINE = "def_exp_pct_gdp"  # an edition's status is its % of GDP coverage


def reporting_allies_on(day: dt.date, roster: Iterable[dict[str, str]]) -> list[str]:
    """Allies that had joined by `day` and appear in NATO's expenditure tables, in the roster's order."""
    return [r["iso3"] for r in roster if dt.date.fromisoformat(r["accession_date"]) <= day
            and r["in_nato_expenditure_tables"] == "yes"]


def _years_text(years: Sequence[int]) -> str:
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def indicator_coverage(indicator: str, rows: Iterable[tuple[str, int]], expected: Sequence[str]) -> dict[str, Any]:
    """Coverage of one indicator in one edition; `rows` are the (iso3, year) pairs it holds."""
    by_year: dict[int, set[str]] = {}
    aggregates: set[str] = set()
    for iso3, year in rows:
        if iso3.startswith("NATO_"):
            aggregates.add(iso3)
        else:
            by_year.setdefault(year, set()).add(iso3)
    label = LABELS.get(indicator, indicator)
    if not by_year:
        return {"indicator": indicator, "label": label, "status": "aggregates-only", "allies": 0,
                "reporting": len(expected), "latest_year": None, "years": "", "missing": [], "extra": [],
                "aggregates": sorted(aggregates), "by_year": [],
                "text": f"{label}: NATO totals only"}
    years = sorted(by_year)
    held = set().union(*by_year.values())
    latest = by_year[years[-1]]
    wanted = set(expected)
    missing = [c for c in expected if c not in latest]
    allies = len(latest & wanted)
    status = "partial" if missing else "full"
    return {
        "indicator": indicator, "label": label, "status": status,
        "allies": allies, "reporting": len(expected), "latest_year": years[-1],
        "years": _years_text(years), "missing": missing, "extra": sorted(held - wanted),
        "aggregates": sorted(aggregates),
        "by_year": [{"year": y, "allies": len(by_year[y] & wanted)} for y in years],
        "text": f"{label} for {allies} of {len(expected)} allies, {_years_text(years)}",
    }


def coverage(facts: Iterable[dict[str, Any]], editions: Iterable[dict[str, Any]],
             roster: Iterable[dict[str, str]]) -> list[dict[str, Any]]:
    """Per edition (in the order given): reporting allies on its release day, each indicator's coverage
    (see `indicator_coverage`), and the edition's status and one-line summary from its % of GDP."""
    roster = list(roster)
    pairs: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for f in facts:
        pairs.setdefault((f["edition"], f["indicator"]), set()).add((f["iso3"], int(f["year"])))
    out = []
    for ed in editions:
        label = ed["edition"]
        expected = reporting_allies_on(dt.date.fromisoformat(ed["release_day"]), roster)
        indicators = [indicator_coverage(ind, held, expected)
                      for (e, ind), held in sorted(pairs.items(), key=lambda kv: _order(kv[0][1])) if e == label]
        head = next((c for c in indicators if c["indicator"] == HEADLINE), None)
        if head is None or head["status"] == "aggregates-only":
            status = "partial" if indicators else "empty"
            summary = "no per-ally % of GDP" if indicators else "no values held"
        else:
            status, summary = head["status"], head["text"]
        out.append({"edition": label, "release_day": ed["release_day"], "reporting_allies": len(expected),
                    "status": status, "summary": summary, "text": f"{label}: {summary}", "indicators": indicators})
    return out


def _order(indicator: str) -> int:
    keys = list(LABELS)
    return keys.index(indicator) if indicator in keys else len(keys)


# ---------------------------------------------------------------- over the data held

@functools.lru_cache(maxsize=4)
def _edition_coverage_cached(version: str) -> tuple[dict[str, Any], ...]:
    from .dataset import edition_records, fact_records
    from .members import roster

    return tuple(coverage(fact_records(), edition_records(), roster()))


def edition_coverage() -> list[dict[str, Any]]:
    """`coverage()` of every edition held (shipped and imported), oldest first."""
    from .dataset import data_version

    return [dict(c) for c in _edition_coverage_cached(data_version())]


def coverage_of(edition: str, indicator: str = HEADLINE) -> dict[str, Any] | None:
    """One edition's coverage of one indicator (None when the edition holds none of it)."""
    for ed in edition_coverage():
        if ed["edition"] == edition:
            return next((c for c in ed["indicators"] if c["indicator"] == indicator), None)
    return None


@functools.lru_cache(maxsize=256)
def _year_coverage(version: str, edition: str, indicator: str, year: int) -> dict[str, Any] | None:
    """Coverage of one indicator in one year of an edition (None when it holds nothing for that year)."""
    from .dataset import edition_records, fact_records
    from .members import roster

    day = next(r["release_day"] for r in edition_records() if r["edition"] == edition)
    rows = [(r["iso3"], r["year"]) for r in fact_records(indicator, [edition]) if r["year"] == year]
    if not rows:
        return None
    return indicator_coverage(indicator, rows, reporting_allies_on(dt.date.fromisoformat(day), roster()))


def partial_note(edition: str, indicator: str = HEADLINE, year: int | None = None) -> dict[str, Any] | None:
    """For answers drawn from `edition`: None when it holds `indicator` for every ally reporting on its
    release day (in `year`, or the latest year it holds), otherwise what it lacks, in words and as data."""
    if year is None:
        cov = coverage_of(edition, indicator)
    else:
        from .dataset import data_version

        cov = _year_coverage(data_version(), edition, indicator, year)
    if cov is None or cov["status"] == "full":
        return None
    if cov["status"] == "aggregates-only":
        text = f"partial edition: {edition} holds {cov['label']} only as NATO totals, for no single ally"
    else:
        missing = ", ".join(cov["missing"][:8]) + (" ..." if len(cov["missing"]) > 8 else "")
        text = (f"partial edition: {edition} holds {cov['label']} for {cov['allies']} of the {cov['reporting']} "
                f"allies reporting on its release day in {cov['latest_year']} (missing: {missing}); "
                "the data lacks the others' figures")
    return {"edition": edition, "indicator": indicator, "allies": cov["allies"], "reporting": cov["reporting"],
            "latest_year": cov["latest_year"], "missing": cov["missing"], "text": text}


def partial_notes(rows: Iterable[dict[str, Any]]) -> list[str]:
    """For a selection of facts (`burden show`, the data page): one `partial edition` note per edition
    shown that lacks some reporting allies' figures (in the one year shown, or the latest year it holds)."""
    by_edition: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_edition.setdefault(r["edition"], []).append(r)
    notes = []
    for edition, mine in sorted(by_edition.items()):
        years = {r["year"] for r in mine}
        note = partial_note(edition, mine[0]["indicator"], years.pop() if len(years) == 1 else None)
        if note:
            notes.append(note["text"])
    return notes
