"""Projections command: `burden project`. Parses arguments, calls `burden.projections.project_report`
and renders it (JSON: the report unchanged)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from ..limits import MAX_PATH_YEARS, MAX_PATHS
from .app import CSV_OPT, EDITION_OPT, JSON_OPT, app

PANEL = "Projections"


def _band(row: dict[str, Any], name: str) -> str:
    """P50 [P5–P95] in billion US$ (the JSON keeps million US$)."""
    p5, p50, p95 = (row[f"{name}_p{q}_usd_mn"] / 1000 for q in (5, 50, 95))
    return f"{p50:,.1f} [{p5:,.1f}–{p95:,.1f}]"


def _print(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    year = report["deadline"]
    probability = {p["iso3"]: p["probability"] for p in report["probability"]["allies"]}
    base = {b["iso3"]: b for b in report["base"]}
    table = Table(title=f"{report['target']['label']}: plan {report['plan']['name']}, {report['base_year']} → {year}",
                  header_style="bold", caption_justify="left",
                  caption=f"Extra cost vs staying at the {report['base_year']} share, billion US$, "
                          f"{report['price_basis']}: P50 [P5–P95] over {report['monte_carlo']['paths']:,} paths "
                          f"(seed {report['monte_carlo']['seed']}). Growth: {report['growth_source']}.")
    for col in ("ally", f"% GDP {report['base_year']}", f"% GDP {year}", f"extra {year}",
                f"cumulative {report['base_year'] + 1}-{year}", "P(meet)"):
        table.add_column(col, justify="left" if col == "ally" else "right")
    for row in (r for r in report["rows"] if r["year"] == year):
        b = base[row["iso3"]]
        table.add_row(f"{row['name']} ({row['iso3']})", f"{b['share']:.2f}{'e' if b['estimate'] else ''}",
                      f"{row['share_p50']:.2f}", _band(row, "extra_cost"), _band(row, "cumulative_extra_cost"),
                      f"{probability.get(row['iso3'], 0):.0%}")
    console.print(table)
    groups = {p["group"]: p["probability"] for p in report["probability"]["aggregates"]}
    for row in (r for r in report["aggregates"] if r["year"] == year):
        console.print(f"{row['name']}: {row['share_p50']:.2f}% of GDP in {year}; extra (bn US$) {_band(row, 'extra_cost')} "
                      f"in {year}, cumulative {_band(row, 'cumulative_extra_cost')}; P(meet) {groups[row['group']]:.0%}")
    us = report["what_if"]["us_removed"]["rows"][-1]
    console.print(f"Without the US: Europe and Canada would need {us['keep_total_share']:.2f}% of their GDP in {year} "
                  f"to keep the alliance total ({us['keep_total_spending_usd_mn'] / 1000:,.0f} billion US$, "
                  f"{report['price_basis']}).")
    for note in report["notes"]:
        console.print(f"[dim]note: {note}[/dim]")
    console.print(f"[dim]{report['probability']['description']}. Source: {report['source']}.[/dim]")


@app.command(rich_help_panel=PANEL)
def project(
    target: str = typer.Option(None, "--target", "-t", help="Target: hague-core (3.5% by 2035, default), 5, 3.5@2030 ..."),
    deadline: int = typer.Option(None, "--deadline", "-d", help="Last year (default: the target's deadline, or 2035)."),
    edition: str = EDITION_OPT,
    base_year: int = typer.Option(None, "--base-year", help="Base year (default: the edition's latest year)."),
    growth: str = typer.Option(None, "--growth", "-g",
                               help="Real GDP growth, % a year: one rate (1.5) or per ally (DEU=0.8,FRA=1.1). "
                                    "Default: IMF WEO, then each ally's historical average."),
    weo: str = typer.Option(None, "--weo", help="IMF WEO edition for growth (default: WEO April 2026)."),
    plan: str = typer.Option(None, "--plan", help="linear (default), constant-share or real-growth:R."),
    paths: int = typer.Option(10_000, "--paths", "-n", help=f"Monte Carlo paths (at most {MAX_PATHS:,}, and at most "
                                                          f"{MAX_PATH_YEARS:,} paths x projected years)."),
    seed: int = typer.Option(None, "--seed", help="Random seed (default: drawn and reported)."),
    volatility: float = typer.Option(None, "--volatility", help="Scale of historical growth shocks (0 = none)."),
    shocks: str = typer.Option(None, "--shocks", help="normal (default) or bootstrap."),
    scenario: Path = typer.Option(None, "--scenario", "-s", help="Scenario file (TOML); see docs/projections.md."),
    ally: str = typer.Option(None, "--ally", "-a", help="Show these allies (ISO3 or names, comma-separated)."),
    leave: list[str] = typer.Option([], "--leave", help="What-if: ALLY@DATE leaves NATO (repeatable)."),
    join: list[str] = typer.Option([], "--join", help="What-if: ALLY@DATE joins from that date (repeatable)."),
    us_pct: float = typer.Option(None, "--us-removed-pct", help="What-if without the US: Europe+Canada at X% of GDP."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """What reaching a target costs each ally per year and in total, with P5/P50/P95 bands over GDP
    growth and the probability that a fixed plan meets the target.

    Example: burden project --target hague-core --deadline 2035 --ally Italy --paths 100000 --seed 7
    """
    from ..service.projections import project as run

    report = run(edition, target, deadline, growth, paths, seed, scenario, ally, plan, volatility, base_year, shocks,
                 weo, leave, join, us_pct, progress=sys.stderr.isatty())
    if json_out or csv_out:
        from ..render import to_csv, to_json

        sys.stdout.write(to_json(report) + "\n" if json_out else to_csv(report["rows"]))
        return
    _print(report)
