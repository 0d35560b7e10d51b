"""Pledges & compliance commands: status, gap, path. Each parses arguments, calls one function of
`burden.compliance` and renders its report (JSON: the report unchanged)."""

from __future__ import annotations

import sys
from typing import Any

import typer

from .app import CSV_OPT, EDITION_OPT, JSON_OPT, app

PANEL = "Pledges & compliance"
YEAR_OPT = typer.Option(None, "--year", "-y", help="Year (default: the edition's latest year).")
ALLY_OPT = typer.Option(None, "--ally", "-a", help="Ally (ISO3 or name), comma-separated for several.")


def _target_opt(default: str) -> Any:
    return typer.Option(default, "--target", "-t",
                        help="2, 3.5, 5@2030, equipment, wales, vilnius, hague-core, hague-total or a pledge id.")


def _mark(meets: bool | None) -> str:
    from ..presentation import mark_words

    return {"met": "✔ met", "missed": "✘ missed"}.get(mark_words(meets), "missing")


def _emit_machine(report: dict[str, Any], rows: list[dict[str, Any]], columns: list[str], as_json: bool) -> None:
    from ..render import to_csv, to_json

    sys.stdout.write(to_json(report) + "\n" if as_json else to_csv(rows, columns))


def _print_notes(report: dict[str, Any]) -> None:
    from rich.console import Console

    console = Console()
    for note in report.get("notes", []):
        console.print(f"[dim]note: {note}[/dim]")
    console.print(f"[dim]Source: {report['source']}.[/dim]")


@app.command(rich_help_panel=PANEL)
def status(
    edition: str = EDITION_OPT,
    year: int = YEAR_OPT,
    target: str = _target_opt("2"),
    ally: str = ALLY_OPT,
    rounded: bool = typer.Option(False, "--rounded", help="Compare the values NATO prints (2 decimals)."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """Who meets a target in a year: allies by value, a mark for met / missed / missing, counts below.

    Example: burden status --edition 2024-06 --year 2024 --target 2
    """
    from ..render import print_table
    from ..service.compliance import STATUS_COLUMNS
    from ..service.compliance import status as run

    report = run(edition, year, target, rounded, ally)
    if json_out or csv_out:
        _emit_machine(report, report["rows"], STATUS_COLUMNS, json_out)
        return
    rows = [{**r, "mark": _mark(r["meets"]), "e": "e" if r["estimate"] else ""} for r in report["rows"]]
    shown = ["iso3", "name", "value", "e", "mark", "gap_pp"] + (["value_compared"] if rounded else [])
    print_table(rows, shown, title=f"{report['target']['label']} — {report['year']}, edition {report['edition']}",
                headers={"value": report["target"]["unit"], "gap_pp": "gap (pp)", "mark": "",
                         "value_compared": "as printed"},
                caption=f"{report['count_text']}. {report['missing_note']}")
    aggregates = [a for a in report["aggregates"] if a["value"] is not None]
    if aggregates:
        print_table([{**a, "mark": _mark(a["meets"])} for a in aggregates], ["name", "value", "mark"],
                    title="Aggregates as NATO publishes them")
    _print_notes(report)


@app.command(rich_help_panel=PANEL)
def gap(
    edition: str = EDITION_OPT,
    year: int = YEAR_OPT,
    target: str = _target_opt("3.5"),
    cumulative_to: int = typer.Option(None, "--cumulative-to", help="Also sum each ally's yearly gaps up to YYYY."),
    ally: str = ALLY_OPT,
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """The shortfall from a target in points of GDP and in money (constant and current US$, national currency).

    Example: burden gap --edition 2026-07 --year 2026 --target 3.5
    """
    from ..render import print_table
    from ..service.compliance import GAP_COLUMNS, GAP_CUMULATIVE_COLUMNS
    from ..service.compliance import gap as run

    report = run(edition, year, target, cumulative_to, ally)
    columns = GAP_COLUMNS + (GAP_CUMULATIVE_COLUMNS if cumulative_to else [])
    if json_out or csv_out:
        _emit_machine(report, report["rows"], columns + ["formula"], json_out)
        return
    shown = ["iso3", "name", "value", "gap_pp", "gap_usd_mn", "gap_usd_mn_current"]
    shown += ["gap_usd_mn_cumulative"] if cumulative_to else []
    totals = report["totals"]
    print_table(report["rows"], shown,
                title=f"Gap to {report['target']['label']} — {report['year']}, edition {report['edition']}",
                headers={"value": report["target"]["unit"], "gap_pp": "gap (pp)", "gap_usd_mn": "gap US$ m (constant)",
                         "gap_usd_mn_current": "gap US$ m (current)",
                         "gap_usd_mn_cumulative": f"cumulative to {cumulative_to}, US$ m (constant)"},
                caption=f"Prices: {report['price_basis']}. Formula: {report['formula']}.")
    print_table([{"group": k, **v} for k, v in totals.items()],
                ["group", "allies_short", "allies_reporting", "gap_usd_mn", "gap_usd_mn_current"],
                title="Totals (sum of the allies' gaps)")
    _print_notes(report)


@app.command(rich_help_panel=PANEL)
def path(
    target: str = _target_opt("hague-core"),
    edition: str = EDITION_OPT,
    base_year: int = typer.Option(None, "--base-year", help="Start of the line (default: the edition's latest year)."),
    growth: list[str] = typer.Option(None, "--growth", "-g",
                                     help="Real GDP growth, % a year: 1.5 for every ally, POL=3 for one (repeatable)."),
    ally: str = ALLY_OPT,
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """The straight line to a target's deadline for each ally, and the real spending growth it needs.

    Example: burden path --target hague-core --ally Italy --growth 0.8
    """
    from ..render import print_table
    from ..service.compliance import PATH_COLUMNS
    from ..service.compliance import path as run

    report = run(target, edition, base_year, growth or None, ally)
    if json_out or csv_out:
        _emit_machine(report, report["rows"], PATH_COLUMNS, json_out)
        return
    print_table(report["rows"], ["iso3", "name", "base_value", "status", "annual_step_pp", "on_path_latest",
                                 "gdp_growth_pct", "required_real_growth_pct"],
                title=f"Path to {report['target']['label']} from {report['base_year']}, edition {report['edition']}",
                headers={"base_value": f"{report['base_year']} ({report['target']['unit']})",
                         "annual_step_pp": "+pp a year", "on_path_latest": f"on path {report['latest_year']}",
                         "gdp_growth_pct": "GDP growth %", "required_real_growth_pct": "needed real growth %"},
                caption=f"{report['formula']}. Growth default: {report['growth_default']}.")
    _print_notes(report)
