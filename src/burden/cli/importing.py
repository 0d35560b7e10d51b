"""`burden import nato FILE --edition YYYY-MM` and `burden import sipri FILE`: parse, validate, write
atomically to the user's data directory, and report what was found and what changed."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import JSON_OPT, app

import_app = typer.Typer(help="Add or replace an edition from NATO's, SIPRI's or Kiel's workbook (user data directory).",
                         no_args_is_help=True)
app.add_typer(import_app, name="import", rich_help_panel="Data")

DRY_RUN_OPT = typer.Option(False, "--dry-run", help="Parse and validate only; write nothing.")


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _print_nato(result: dict) -> None:
    verb = "would import" if result["dry_run"] else "imported"
    print(f"{verb} edition {result['edition']} from {Path(result['file']).name}: {result['facts']} facts, "
          f"{result['allies']} allies + {', '.join(result['aggregates']) or 'no aggregates'}, years {result['years']} "
          f"(estimates: {result['estimate_years'] or 'none'})")
    for t in result["tables"]:
        blocks = "; ".join(f"{b['indicator']} [{b['price_basis'] or 'no price basis'}]" for b in t["blocks"]) or "one block"
        print(f"  {t['sheet']}: {t['title']} -> {t['values']} values ({blocks})")
    for s in result["skipped"]:
        print(f"  skipped {s}")
    print(f"  validation: {sum(result['validation']['checks'].values())} checks passed")
    rep = result["replaces"]
    if rep:
        print(f"  replaces the {rep['origin']} {result['edition']}: {rep['unchanged']} values unchanged, "
              f"{rep['changed']} changed, {rep['added']} added, {rep['removed']} removed")
    rev = result["revisions"]
    if rev:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(rev["counts"].items()))
        print(f"  % of GDP vs {rev['against']}: {counts}")
        for r in rev["largest"]:
            print(f"    {r['iso3']} {r['year']}: {_fmt(r['from'])} -> {_fmt(r['to'])} ({r['change']:+.2f} pp)")
    if result["written_to"]:
        print(f"  written to {result['written_to']}")


def _print_sipri(result: dict) -> None:
    verb = "would import" if result["dry_run"] else "imported"
    print(f"{verb} SIPRI history from {Path(result['file']).name}: {result['values']} values for {result['allies']} "
          f"allies ({result['estimates']} SIPRI estimates, {result['uncertain']} highly uncertain)")
    for s in result["sheets"]:
        print(f"  {s['sheet']}: {s['indicator']}, {s['values']} values, {s['years']}")
    rep = result["replaces"]
    print(f"  vs the {rep['origin']} SIPRI data: {rep['unchanged']} unchanged, {rep['changed']} changed, "
          f"{rep['added']} added, {rep['removed']} removed")
    if result["written_to"]:
        print(f"  written to {result['written_to']}")


@import_app.command("nato")
def import_nato(
    file: Path = typer.Argument(..., help="NATO 'Defence Expenditure of NATO Countries' tables (.xlsx)."),
    edition: str = typer.Option(..., "--edition", "-e", help="Edition label YYYY-MM (replaces an edition of that label)."),
    release_date: str = typer.Option(None, "--release-date", help="Release day YYYY-MM-DD (default: kept, or the month's end)."),
    dry_run: bool = DRY_RUN_OPT,
    json_out: bool = JSON_OPT,
) -> None:
    """Import NATO's workbook as an edition; the shipped dataset stays the default.

    Example: burden import nato def-exp-2025-en.xlsx --edition 2025-08
    """
    from ..importers import import_nato as run
    from ..render import to_json

    result = run(file, edition, release_date=release_date, dry_run=dry_run)
    print(to_json(result)) if json_out else _print_nato(result)


@import_app.command("sipri")
def import_sipri(
    file: Path = typer.Argument(..., help="SIPRI Milex workbook (.xlsx)."),
    dry_run: bool = DRY_RUN_OPT,
    json_out: bool = JSON_OPT,
) -> None:
    """Import SIPRI's military expenditure workbook (replaces the SIPRI history used by burden).

    Example: burden import sipri SIPRI-Milex-data-1949-2024.xlsx
    """
    from ..importers import import_sipri as run
    from ..render import to_json

    result = run(file, dry_run=dry_run)
    print(to_json(result)) if json_out else _print_sipri(result)


@import_app.command("kiel")
def import_kiel(
    file: Path = typer.Argument(..., help="Kiel Ukraine Support Tracker release workbook (.xlsx)."),
    release: str = typer.Option(..., "--release", "-r", help="Release number, e.g. 30 (replaces a release of that name)."),
    release_date: str = typer.Option(None, "--release-date", help="Release day YYYY-MM-DD."),
    data_through: str = typer.Option(None, "--data-through",
                                     help="Last month of data YYYY-MM (needed to annualise the release's totals)."),
    dry_run: bool = DRY_RUN_OPT,
    json_out: bool = JSON_OPT,
) -> None:
    """Import a Kiel Ukraine Support Tracker workbook ("Country Summary" and "Main Data" sheets) as a release.

    Example: burden import kiel Ukraine_Support_Tracker_Release_30.xlsx --release 30 --data-through 2026-08
    """
    from ..importers import import_kiel as run
    from ..render import to_json

    result = run(file, release, release_date=release_date, data_through=data_through, dry_run=dry_run)
    if json_out:
        print(to_json(result))
        return
    verb = "would import" if result["dry_run"] else "imported"
    print(f"{verb} Kiel release {result['release']} from {Path(result['file']).name}: {result['values']} values for "
          f"{len(result['donors'])} donors ({result['currency'].upper()}), {result['main_data_rows']} main-data rows checked")
    if result["skipped_donors"]:
        print(f"  skipped (not NATO allies): {', '.join(result['skipped_donors'])}")
    rep = result["replaces"]
    if rep:
        print(f"  replaces the {rep['origin']} release {result['release']}: {rep['unchanged']} values unchanged, "
              f"{rep['changed']} changed, {rep['added']} added, {rep['removed']} removed")
    if result["written_to"]:
        print(f"  written to {result['written_to']}")
