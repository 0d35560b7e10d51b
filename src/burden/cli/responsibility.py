"""Responsibility sharing: `burden ukraine`, `burden common-funding`, `burden responsibility`
(aid to Ukraine, NATO common funding and the Hague 5% beside core defence; see docs/responsibility.md).
Thin renderers over burden.service.responsibility: --json prints the service dict as is."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .app import CSV_OPT, EDITION_OPT, JSON_OPT, app

PANEL = "Fairness"
RELEASE_OPT = typer.Option(None, "--release", "-r", help="Kiel release (default: the latest with a cut-off date), e.g. 29.")


def _out(result: dict, rows: list[dict], columns: list[str], json_out: bool, csv_out: bool, title: str,
         caption: str | None = None, csv_columns: list[str] | None = None) -> None:
    from ..render import print_table, to_csv, to_json

    if json_out:
        sys.stdout.write(to_json(result) + "\n")
    elif csv_out:
        sys.stdout.write(to_csv(rows, csv_columns or (list(rows[0]) if rows else columns)))
    else:
        print_table(rows, columns, title=title, caption=caption)


@app.command(rich_help_panel=PANEL)
def ukraine(release: str = RELEASE_OPT, json_out: bool = JSON_OPT, csv_out: bool = CSV_OPT) -> None:
    """Aid to Ukraine by donor in one Kiel Ukraine Support Tracker release, as published (EUR bn, US$ bn,
    % of 2021 GDP, EU share, commitments); EU institutions as EU_INST.

    Example: burden ukraine --release 29 --json
    """
    from ..service.responsibility import ukraine as run

    result = run(release)
    cols = ["iso3", "military_eur_bn", "financial_eur_bn", "humanitarian_eur_bn", "total_eur_bn", "total_usd_bn",
            "total_pct_gdp", "eu_share_pct_gdp", "commitments_eur_bn"]
    _out(result, result["rows"], cols, json_out, csv_out,
         f"Kiel Ukraine Support Tracker, release {result['release']} ({result['release_date'] or 'date not stated'}; "
         f"data to {result['data_through'] or 'not stated'})",
         "Allocations, bilateral; % of the donor's 2021 GDP. Source: Kiel Institute.")


@app.command("common-funding", rich_help_panel=PANEL)
def common_funding(
    year: int = typer.Option(None, "--year", "-y", help="Also pick each ally's cost share in force that year."),
    json_out: bool = JSON_OPT, csv_out: bool = CSV_OPT,
) -> None:
    """NATO common funding (civil budget, military budget, NSIP): cost shares and budget sizes found in
    public sources, each with its source; missing allies stay missing. Not membership dues.

    Example: burden common-funding --year 2025
    """
    from ..service.responsibility import common_funding as run

    result = run(year)
    rows = result["cost_shares"] + result["budgets"]
    cols = ["iso3", "period", "budget", "indicator", "value", "approximate", "source_type"]
    caption = None
    if year is not None:
        caption = f"{year}: shares known for {', '.join(r['iso3'] for r in result['shares_for_year']) or 'none'}; " \
                  f"missing for {len(result['missing'])} allies"
    _out(result, rows, cols, json_out, csv_out, "NATO common funding", caption)


@app.command(rich_help_panel=PANEL)
def responsibility(
    edition: str = EDITION_OPT,
    year: int = typer.Option(None, "--year", "-y", help="NATO year (default: the edition's latest actual year)."),
    release: str = RELEASE_OPT,
    plans: Path = typer.Option(None, "--plans", help="National plans file (.csv or .toml): ally, year, "
                                                     "related_pct_gdp (the Hague 1.5% part, user-supplied)."),
    chart: Path = typer.Option(None, "--chart", help="Also write the stacked chart (.png, .svg or .html)."),
    json_out: bool = JSON_OPT, csv_out: bool = CSV_OPT,
) -> None:
    """Per ally: core defence % of GDP (NATO), Ukraine aid per year of war (Kiel), common-funding share vs
    GDP and spending shares, the Hague 5% (core official + related user-supplied), ranking changes and
    fairness metrics with and without aid.

    Example: burden responsibility --edition 2026-07 --year 2025 --plans plans.csv
    """
    from ..render import fmt_number
    from ..service.responsibility import responsibility as run

    result = run(edition, year, release, str(plans) if plans is not None else None)
    if chart is not None:
        from ..charts import save
        from ..charts_responsibility import responsibility_chart

        if chart.suffix.lower() not in (".png", ".svg", ".html"):
            from ..errors import BurdenError

            raise BurdenError(f"{chart.name}: the chart is written as .png, .svg or .html", code="invalid-chart-path")
        save(responsibility_chart(result), chart)
    cols = ["iso3", "def_exp_pct_gdp", "ukraine_aid_pct_gdp_per_year", "core_plus_aid_pct_gdp", "rank_change",
            "common_funding_share", "gdp_share", "related_pct_gdp", "hague_total_pct_gdp"]
    fair = result["fairness"]
    caption = (f"Edition {result['edition']}, {result['year']}; Kiel release {result['kiel_release']} "
               f"(aid / {fmt_number(result['war_years'])} years of war). Gini defence {fmt_number(fair['gini_defence'], 3)}"
               f" -> defence + aid {fmt_number(fair['gini_defence_plus_aid'], 3)}. related_pct_gdp: user-supplied or "
               "'not published'. Methods: --json.")
    _out(result, result["rows"], cols, json_out, csv_out, "Responsibility sharing", caption)
