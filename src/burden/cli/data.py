"""Data commands: overview, editions, indicators, show, members, diff, sql, export."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .app import CSV_OPT, EDITION_OPT, JSON_OPT, app

PANEL = "Data"


@app.command(rich_help_panel=PANEL)
def overview(edition: str = EDITION_OPT, json_out: bool = JSON_OPT) -> None:
    """The latest edition at a glance: allies ranked by % of GDP, who meets 2% / 3.5%, the US share, and what changed since the previous edition.

    Example: burden overview --edition 2025-08
    """
    from .. import overview as ov
    from ..render import to_json
    from ..service.overview import overview as build

    result = build(edition)
    if json_out:
        print(to_json(result))
        return
    ov.print_overview(result)


@app.command(rich_help_panel=PANEL)
def editions(json_out: bool = JSON_OPT, csv_out: bool = CSV_OPT) -> None:
    """Every NATO edition (vintage) held: release date, estimate years, and how many allies it holds (coverage).

    Example: burden editions --json
    """
    from ..render import emit
    from ..service.editions import COLUMNS
    from ..service.editions import editions as edition_rows

    rows = edition_rows()
    if csv_out:  # one flat row per edition: the per-indicator detail is in --json
        rows = [{k: v for k, v in r.items() if k != "indicators"} for r in rows]
    emit(rows, COLUMNS, as_json=json_out, as_csv=csv_out, title="NATO editions",
         caption="default = the latest full edition; partial editions hold press transcriptions only. "
                 "coverage: % of GDP for N of the M allies reporting on the release day (Iceland has no "
                 "expenditure rows), in the latest year held; --json for every indicator.")


@app.command(rich_help_panel=PANEL)
def indicators(json_out: bool = JSON_OPT, csv_out: bool = CSV_OPT) -> None:
    """Indicators, their short names (pct_gdp ...), units, price bases and editions.

    Example: burden indicators
    """
    from ..render import emit
    from ..service.data import indicators as rows

    emit(rows(), ["indicator", "aliases", "description", "rows"], as_json=json_out, as_csv=csv_out,
         title="Indicators")


@app.command(rich_help_panel=PANEL)
def show(
    indicator: str = typer.Argument(..., help="Indicator or short name, e.g. pct_gdp."),
    edition: str = EDITION_OPT,
    year: str = typer.Option(None, "--year", "-y", help="Year, range (2014-2024) or list."),
    ally: str = typer.Option(None, "--ally", "-a", help="Ally (ISO3 or name), comma-separated for several."),
    price_basis: str = typer.Option(None, "--prices", help="Price basis filter, e.g. current or constant."),
    aggregates: bool = typer.Option(False, "--aggregates", help="Include NATO Total and Europe+Canada rows."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """One indicator for an edition: a row per ally and year, estimates marked.

    Example: burden show pct_gdp --edition 2024-06 --year 2024
    """
    from ..service.data import SHOW_COLUMNS
    from ..service.data import show as rows_of

    rows = rows_of(indicator, edition, year, ally, price_basis, aggregates)
    from ..coverage import partial_notes

    partial = partial_notes(rows)
    if json_out or csv_out:
        from ..render import emit

        for note in partial:  # stdout stays the data; the warning goes beside it
            print(f"note: {note}", file=sys.stderr)

        emit(rows, [], as_json=json_out, as_csv=csv_out, json_columns=SHOW_COLUMNS)
        return
    from ..render import print_table

    for r in rows:
        r["e"] = "e" if r["estimate"] else ""
    editions_shown = sorted({r["edition"] for r in rows})
    units = sorted({r["unit"] for r in rows})
    columns = ["iso3", "country", "year", "value", "e"]
    if len(editions_shown) > 1:
        columns.insert(0, "edition")
    if len({r["price_basis"] for r in rows}) > 1:
        columns.append("price_basis")
    print_table(rows, columns,
                title=f"{rows[0]['indicator'] if rows else indicator} ({'; '.join(units)})",
                caption=f"Source: NATO, Defence Expenditure of NATO Countries, edition {', '.join(editions_shown)}. "
                        "e = estimate. --json for sources per row." + "".join(f"\nNote: {n}." for n in partial))



@app.command(rich_help_panel=PANEL)
def sipri(
    indicator: str = typer.Option("milex_pct_gdp", "--indicator", "-i",
                                  help="milex_pct_gdp, milex_usd_current_mn or milex_usd_constant2023_mn."),
    ally: str = typer.Option(None, "--ally", "-a", help="Ally (ISO3 or name), comma-separated for several."),
    year: str = typer.Option(None, "--year", "-y", help="Year, range (1949-2024) or list."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """SIPRI's long history (1949-2024), a separate source from NATO's figures; flag e = SIPRI estimate.

    Example: burden sipri --ally Germany --year 1985-1995
    """
    from ..render import emit
    from ..service.data import SIPRI_COLUMNS
    from ..service.data import sipri as rows

    emit(rows(indicator, ally, year), ["iso3", "sipri_name", "year", "value", "flag", "unit"], as_json=json_out, as_csv=csv_out,
         title=f"SIPRI {indicator}", caption="Source: SIPRI Military Expenditure Database (April 2025 release). "
         "e = SIPRI estimate. Not comparable one-to-one with NATO's figures (different definitions).",
         json_columns=SIPRI_COLUMNS)


@app.command(rich_help_panel=PANEL)
def members(
    as_of: str = typer.Option(None, "--as-of", help="Date YYYY-MM-DD (default: today)."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """The allies on a date, with accession dates.

    Example: burden members --as-of 2020-06-01
    """
    from ..render import emit
    from ..service.data import MEMBER_COLUMNS
    from ..service.data import members as rows_of

    rows = rows_of(as_of)
    emit(rows, ["iso3", "name", "accession_date", "in_nato_expenditure_tables"], as_json=json_out, as_csv=csv_out,
         title=f"NATO members{' as of ' + as_of if as_of else ''}: {len(rows)}", json_columns=MEMBER_COLUMNS)


@app.command(rich_help_panel=PANEL)
def diff(
    edition_a: str = typer.Argument(..., help="Older edition."),
    edition_b: str = typer.Argument(..., help="Newer edition."),
    indicator: str = typer.Option("pct_gdp", "--indicator", "-i"),
    ally: str = typer.Option(None, "--ally", "-a"),
    year: str = typer.Option(None, "--year", "-y"),
    all_rows: bool = typer.Option(False, "--all", help="Include unchanged values and differences within rounding."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """What NATO revised between two editions, largest change first.

    Example: burden diff 2025-08 2026-07 --indicator pct_gdp
    """
    from ..render import emit
    from ..service.data import DIFF_COLUMNS
    from ..service.data import diff as revisions

    rows = revisions(edition_a, edition_b, indicator, ally, year, all_rows)
    emit(rows, DIFF_COLUMNS, as_json=json_out,
         as_csv=csv_out, headers={"value_a": edition_a, "value_b": edition_b},
         title=f"{indicator}: {edition_a} -> {edition_b}", caption="change = newer - older; added/removed: held by one edition only; differences within "
         "the coarser value's printed precision are not revisions (--all shows them as 'rounding')")


@app.command(rich_help_panel=PANEL)
def sql(
    query: str = typer.Argument(..., help="One SELECT over facts, editions, members, commitments, sipri, gdp_forecasts."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """Read-only SQL (DuckDB) over the data; no file or network access. Limits: 100,000 result rows,
    30 seconds. Every DuckDB type renders in --json and --csv (mapping: docs/data.md).

    Example: burden sql "SELECT edition, count(*) FROM facts GROUP BY 1"
    """
    from ..dataset import sql_rows
    from ..render import emit, nonfinite_note

    columns, rows = sql_rows(query)  # DuckDB makes the names unique (a, a_1)
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    nonfinite = emit(records, columns, as_json=json_out, as_csv=csv_out, json_columns=columns)
    if nonfinite and (json_out or csv_out):
        typer.echo(f"note: {nonfinite_note(nonfinite)}", err=True)


@app.command(rich_help_panel=PANEL)
def export(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, parquet, xlsx or json."),
    edition: str = typer.Option(None, "--edition", "-e", help="One edition (default: all editions)."),
    out: Path = typer.Option(None, "--out", "-o", help="Output file (default: stdout; binary formats need a file or a pipe)."),
) -> None:
    """Export the facts (every column, sources included).

    Example: burden export --format parquet --edition 2026-07 > nato.parquet
    """
    from ..export import export_facts

    data = export_facts(fmt, edition)
    if out:
        out.write_bytes(data)
    else:
        if sys.stdout.isatty() and fmt in ("parquet", "xlsx"):
            raise typer.BadParameter(f"{fmt} is binary: use --out FILE or redirect stdout", param_hint="--format")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
