"""`burden update`: check for and fetch new releases of NATO's and SIPRI's workbooks (the only command
that uses the network)."""

from __future__ import annotations

import typer

from .app import JSON_OPT, app


@app.command(rich_help_panel="Data")
def update(
    check: bool = typer.Option(False, "--check", help="Only report what is newer upstream; change nothing."),
    url: str = typer.Option(None, "--url", help="Fetch this one workbook (with --edition)."),
    edition: str = typer.Option(None, "--edition", "-e", help="Edition label for --url, e.g. 2027-07."),
    source: str = typer.Option("nato", "--source", help="Source of --url: nato or sipri."),
    release_date: str = typer.Option(None, "--release-date", help="Release day YYYY-MM-DD of --url's edition."),
    sha256: str = typer.Option(None, "--sha256", help="Expected sha256 of --url's file (refused if it differs)."),
    timeout: float = typer.Option(None, "--timeout", help="Seconds to wait for a server (default 30, or $BURDEN_UPDATE_TIMEOUT)."),
    max_bytes: int = typer.Option(None, "--max-bytes", help="Largest download accepted (default per source, or $BURDEN_UPDATE_MAX_BYTES)."),
    json_out: bool = JSON_OPT,
) -> None:
    """Check for new NATO / SIPRI releases and import them into your data folder (atomic; a failure changes nothing).

    Examples: burden update --check ·
    burden update --url https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx --edition 2026-07
    """
    from ..render import to_json
    from ..service.update import update as run

    result = run(check=check, url=url, edition=edition, source=source, release_date=release_date, sha256=sha256,
                 timeout=timeout, max_bytes=max_bytes)
    if json_out:
        print(to_json(result))
        return
    if "sources" not in result:
        _print_fetch(result)
        return
    from ..render import print_table

    print_table(result["sources"], ["source", "installed", "latest", "status", "url"], title="Sources",
                caption="newer-available: run `burden update` to fetch and import it; manual: no importer, see the page.")
    for row in result["sources"]:
        if row.get("update"):
            _print_fetch(row["update"])
        elif row["status"] in ("error", "offline"):
            print(f"{row['source']}: {row['detail']}")


def _print_fetch(result: dict) -> None:
    label = result.get("edition") or result.get("label")
    if result["status"] == "not-modified":
        print(f"{label}: not modified upstream ({result['url']}); nothing changed")
        return
    print(f"{label}: imported {result.get('facts')} values from {result['url']} "
          f"({result['bytes']:,} bytes, sha256 {result['sha256'][:16]}..., layout {result.get('layout') or 'n/a'}); "
          f"recorded in {result['manifest']}")
