"""Presentation shared by the web pages and the offline report: the Jinja environment, number
formatting, filters that put verdicts, revisions and flags into words, and compact views of the
service results.

The report dicts (what `--json` prints) carry every column; a reader wants a few. The view functions
pick and reshape them without recomputing anything: every figure shown is a field of the report,
and each view names its edition, prices and source once, with long source strings gathered as
numbered footnotes instead of being repeated in every row. Nothing here imports the web server:
`burden.report` renders with it offline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .render import clean, fmt_number

HERE = Path(__file__).resolve().parent
TEMPLATE_DIR = HERE / "web" / "templates"  # page templates (also the report's building blocks)
STATIC_DIR = HERE / "web" / "static"
REPORT_TEMPLATE_DIR = HERE / "report_templates"


def _footnotes(rows: list[dict[str, Any]]) -> tuple[list[str], dict[str, int]]:
    """Distinct `source` strings of the rows, in order, and each one's footnote number."""
    notes: list[str] = []
    for r in rows:
        source = r.get("source")
        if source and source not in notes:
            notes.append(source)
    return notes, {s: i + 1 for i, s in enumerate(notes)}


def mark_words(meets: bool | None) -> str:
    return "missing" if meets is None else ("met" if meets else "missed")


def _money_basis(gap: dict[str, Any]) -> str:
    """The price basis of gap_usd_mn (the gap report names one basis per money field)."""
    basis = gap.get("price_basis") or ""
    return basis.split(" (gap_usd_mn)")[0] if " (gap_usd_mn)" in basis else basis


def compliance_view(status: dict[str, Any], gap: dict[str, Any] | None = None) -> dict[str, Any]:
    """Who meets the target: ally, figure, mark, gap in pp and (when the gap report has it) in US$."""
    money = {r["iso3"]: r for r in (gap or {}).get("rows", [])}
    rows_in = status.get("rows", [])
    sources, number = _footnotes(rows_in + status.get("aggregates", []))
    rows = []
    for r in rows_in:
        g = money.get(r["iso3"], {})
        rows.append(
            {
                "iso3": r["iso3"],
                "name": r.get("name"),
                "year": r.get("year"),
                "value": r.get("value"),
                "value_compared": r.get("value_compared"),
                "estimate": r.get("estimate"),
                "mark": mark_words(r.get("meets")),
                "gap_pp": r.get("gap_pp"),
                "gap_usd_mn": g.get("gap_usd_mn"),
                "missing_reason": r.get("missing_reason"),
                "note": r.get("note") or "",
                "source_note": number.get(r.get("source")),
            }
        )
    first: dict[str, Any] = next((r for r in rows_in if r.get("value") is not None), {})
    target = status.get("target") or {}
    totals = (gap or {}).get("totals") or {}
    aggregates = [
        {
            "name": a.get("name") or a.get("iso3"),
            "value": a.get("value"),
            "estimate": a.get("estimate"),
            "mark": mark_words(a.get("meets")),
            "gap_pp": a.get("gap_pp"),
            "source_note": number.get(a.get("source")),
        }
        for a in status.get("aggregates", [])
    ]
    has_money = any(r["gap_usd_mn"] is not None for r in rows)
    return {
        "edition": status.get("edition"),
        "year": status.get("year"),
        "view": status.get("view"),
        "target": target,
        "unit": target.get("unit") or first.get("unit"),
        "share_basis": first.get("price_basis"),
        "count_meeting": status.get("count_meeting"),
        "count_reporting": status.get("count_reporting"),
        "count_not_meeting": status.get("count_not_meeting"),
        "count_missing": status.get("count_missing"),
        "count_text": status.get("count_text"),
        "missing_note": status.get("missing_note"),
        "rows": rows,
        "aggregates": aggregates,
        "rounded": status.get("view") == "rounded",
        "has_money": has_money,
        "money_basis": _money_basis(gap) if gap and has_money else None,
        "money_formula": (gap or {}).get("formula") if has_money else None,
        "gap_totals": [{"group": name, **t} for name, t in totals.items()] if has_money else [],
        "notes": list(status.get("notes") or []),
        "source": status.get("source"),
        "sources": sources,
    }


def _group(g: dict[str, Any] | None) -> dict[str, Any]:
    g = g or {}
    return {
        k: g.get(k)
        for k in (
            "group",
            "spend_share",
            "gdp_share",
            "fair_share_ratio",
            "band",
            "burden_pct_gdp",
            "spend_usd_mn",
            "gdp_usd_mn",
        )
    }


def fairness_view(report: dict[str, Any]) -> dict[str, Any]:
    """Headline figures, a compact per-ally table and the concordance sensitivity table."""
    split = report.get("us_vs_europe_canada") or {}
    formula = report.get("formula") or {}
    concordance = report.get("concordance") or {}
    rows = [
        {
            k: r.get(k)
            for k in (
                "iso3",
                "name",
                "year",
                "estimate",
                "spend_share",
                "gdp_share",
                "fair_share_ratio",
                "band",
                "burden_pct_gdp",
            )
        }
        for r in report.get("rows", [])
    ]
    return {
        "edition": report.get("edition"),
        "year": report.get("year"),
        "estimate": report.get("estimate"),
        "price_basis": report.get("price_basis"),
        "source": report.get("source"),
        "groups": [_group(split.get("usa")), _group(split.get("europe_canada"))] if split else [],
        "alliance_burden_pct_gdp": report.get("alliance_burden_pct_gdp"),
        "gini": report.get("gini"),
        "hhi": report.get("hhi"),
        "hhi_effective_allies": report.get("hhi_effective_allies"),
        "spearman": report.get("spearman") or {},
        "p_value_convention": report.get("p_value_convention"),
        "equal_effort": report.get("equal_effort") or {},
        "rows": rows,
        "n_allies": (report.get("alliance") or {}).get("n", len(rows)),
        "excluded": report.get("excluded") or [],
        "sensitivity": concordance.get("sensitivity") or [],
        "concordance_note": concordance.get("note"),
        "concordance_burden": concordance.get("burden"),
        "formula": formula,
        "published_check": report.get("published_check") or {},
    }


def _at(rows: list[dict[str, Any]], key: str, year: int) -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows if r.get("year") == year and r.get(key) is not None}


PROJECTION_FIELDS = (
    "share_p5",
    "share_p50",
    "share_p95",
    "extra_cost_p5_usd_mn",
    "extra_cost_p50_usd_mn",
    "extra_cost_p95_usd_mn",
    "cumulative_extra_cost_p5_usd_mn",
    "cumulative_extra_cost_p50_usd_mn",
    "cumulative_extra_cost_p95_usd_mn",
)


def projection_view(report: dict[str, Any]) -> dict[str, Any]:
    """One line per ally (and per group) for the deadline year: the full ally x year rows stay in the
    download."""
    deadline = report.get("deadline")
    rows_in, aggs_in = report.get("rows") or [], report.get("aggregates") or []
    year: Any = (
        deadline
        if any(r.get("year") == deadline for r in rows_in + aggs_in)
        else max((r.get("year") for r in rows_in + aggs_in if r.get("year") is not None), default=deadline)
    )
    probability = report.get("probability") or {}
    p_ally = {p["iso3"]: p.get("probability") for p in probability.get("allies", []) if p.get("iso3")}
    p_group = {p["group"]: p.get("probability") for p in probability.get("aggregates", []) if p.get("group")}
    base = {b["iso3"]: b for b in report.get("base", []) if b.get("iso3")}

    def line(r: dict[str, Any], key: str, chance: dict[str, Any]) -> dict[str, Any]:
        code = r[key]
        return {
            "code": code,
            "name": r.get("name") or code,
            "base_share": base.get(code, {}).get("share"),
            "base_estimate": base.get(code, {}).get("estimate"),
            "probability": chance.get(code),
            **{f: r.get(f) for f in PROJECTION_FIELDS},
        }

    allies = [line(r, "iso3", p_ally) for r in _at(rows_in, "iso3", year).values()]
    groups = [line(r, "group", p_group) for r in _at(aggs_in, "group", year).values()]
    carlo = report.get("monte_carlo") or {}
    return {
        "edition": report.get("edition"),
        "base_year": report.get("base_year"),
        "deadline": deadline,
        "year": year,
        "target": report.get("target") or {},
        "plan": report.get("plan") or {},
        "scenario": report.get("scenario"),
        "price_basis": report.get("price_basis"),
        "unit": report.get("unit"),
        "growth_source": report.get("growth_source"),
        "growth_edition": report.get("growth_edition"),
        "paths": carlo.get("paths"),
        "seed": carlo.get("seed"),
        "monte_carlo": carlo.get("description"),
        "probability_description": probability.get("description"),
        "allies": allies,
        "groups": groups,
        "row_count": len(rows_in),
        "excluded": report.get("excluded") or [],
        "notes": list(report.get("notes") or []),
        "formula": report.get("formula") or {},
        "source": report.get("source"),
    }


# ---------------------------------------------------------------- number filters for templates


def fmt_share(value: Any, digits: int = 1) -> str:
    """A 0-1 share as a percentage: 0.5729 -> '57.3%'; missing -> '—'."""
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def fmt_money(value: Any) -> str:
    """Million US$ without decimals and with separators; missing -> '—'."""
    return "—" if value is None else f"{value:,.0f}"


def fmt_p(value: Any) -> str:
    """A p-value: three decimals, or '< 0.001'."""
    if value is None:
        return "—"
    return "< 0.001" if value < 0.001 else f"{value:.3f}"


def fmt_pp(value: Any) -> str:
    """A difference of two 0-1 shares in percentage points: -0.00044 -> '-0.04'."""
    return "—" if value is None else f"{value * 100:+.2f}"


def fmt_value(value: Any, digits: int = 2) -> str:
    """Any value for a reader: numbers formatted, True/False as yes/no, missing as '—', never a Python repr."""
    if value is None:
        return "—"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(clean(value), ensure_ascii=False)
    return fmt_number(value, digits)


# ---------------------------------------------------------------- claims in words

VERDICT_WORDS = {
    "supported": "supported by the figures",
    "refuted": "contradicted by the figures",
    "outdated": "true once, outdated by a later edition",
    "unverifiable": "cannot be checked against the figures",
}


def verdict_words(verdict: str | None) -> str:
    return VERDICT_WORDS.get(verdict or "", verdict or "no verdict")


def revision_words(claim: dict[str, Any]) -> str:
    """'Revised since: edition 2026-07 says 3.75 (edition 2024-06 said 4.12).' or '' when not revised."""
    r = claim.get("revision")
    if r and r.get("latest_value") is not None:
        return (
            f"Revised since: edition {r.get('latest_edition')} says {fmt_number(r.get('latest_value'))} "
            f"(edition {r.get('edition')} said {fmt_number(r.get('value'))})."
        )
    if claim.get("revised_since"):
        return "Revised since: a later edition gives a different figure."
    return ""


def estimate_words(estimate: Any) -> str:
    """NATO's estimate flag in words ('' for a reported figure)."""
    return "NATO estimate" if estimate else ""


def with_flag(row: dict[str, Any]) -> dict[str, Any]:
    """A data row with its estimate flag in words under `flag` (for tables people read)."""
    return {**row, "flag": estimate_words(row.get("estimate"))}


def evidence_rows(claim: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a claim for a table: ally, year, edition, value, prices, flag in words, source."""
    rows = []
    for e in claim.get("evidence") or []:
        known = {"ally", "year", "edition", "indicator", "value", "price_basis", "estimate", "source"}
        rows.append(
            {
                "ally": e.get("ally") or e.get("iso3") or e.get("subject"),
                "year": e.get("year"),
                "edition": e.get("edition"),
                "indicator": e.get("indicator"),
                "value": e.get("value"),
                "prices": e.get("price_basis"),
                "flag": estimate_words(e.get("estimate")),
                "source": e.get("source"),
                "more": "; ".join(
                    f"{k.replace('_', ' ')}: {fmt_value(v)}"
                    for k, v in e.items()
                    if k not in known and v not in (None, "", [], {})
                ),
            }
        )
    return rows


# ---------------------------------------------------------------- the claim text, cut at claim spans


def annotate(text: str, claims: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any] | None]]:
    """The text cut into (segment, claim or None), claims located by their character span."""
    spans = []
    for i, claim in enumerate(claims):
        span = claim.get("span")
        if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
            spans.append((span[0], span[1], {**claim, "n": i + 1}))
    out: list[tuple[str, dict[str, Any] | None]] = []
    pos = 0
    for start, end, claim in sorted(spans, key=lambda s: s[0]):
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or out of range: listed below the text, not highlighted
        out.append((text[pos:start], None))
        out.append((text[start:end], claim))
        pos = end
    out.append((text[pos:], None))
    return out


# ---------------------------------------------------------------- the Jinja environment


def register_filters(env: Any) -> None:
    """Filters and globals every template (page or report) may use."""
    env.filters.update(
        num=fmt_number,
        share=fmt_share,
        money=fmt_money,
        pvalue=fmt_p,
        pp=fmt_pp,
        value=fmt_value,
        verdict_words=verdict_words,
        revision_words=revision_words,
        estimate_words=estimate_words,
        with_flag=with_flag,
    )
    env.globals.update(
        compliance_view=compliance_view,
        fairness_view=fairness_view,
        projection_view=projection_view,
        annotate=annotate,
        evidence_rows=evidence_rows,
        tojson=lambda v: json.dumps(clean(v), ensure_ascii=False),
    )


def environment(*extra_dirs: Path) -> Any:
    """A Jinja environment over `extra_dirs` then the page templates, autoescaped, with every filter."""
    import jinja2

    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in (*extra_dirs, TEMPLATE_DIR)])
    env = jinja2.Environment(loader=loader, autoescape=True)
    register_filters(env)
    return env
