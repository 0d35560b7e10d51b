"""The overview of one edition: the main job of `make run`."""

from __future__ import annotations

from typing import Any

from .dataset import diff, edition_records, fact_records, resolve_edition, select_records
from .members import ally_name

LINES = (2.0, 3.5, 5.0)


def _previous_full_edition(edition: str) -> str | None:
    full = [r["edition"] for r in edition_records() if r.get("kind") == "full"]
    earlier = full[: full.index(edition)] if edition in full else []
    return earlier[-1] if earlier else None


def us_share(edition: str, year: int) -> dict[str, Any]:
    """US share of NATO total defence spending, current US$, from the edition's own rows."""
    rows = [r for r in fact_records("def_exp_usd_mn", [edition])
            if r["year"] == year and r["iso3"] in ("USA", "NATO_TOTAL") and "current" in r["price_basis"]]
    by = {r["iso3"]: r for r in rows}
    if "USA" not in by or "NATO_TOTAL" not in by:
        return {"value": None, "year": year, "edition": edition,
                "note": f"edition {edition} holds no current-US$ spending for the US and NATO total in {year}"}
    return {
        "value": by["USA"]["value"] / by["NATO_TOTAL"]["value"],
        "year": year, "edition": edition,
        "formula": f"def_exp_usd_mn[USA] / def_exp_usd_mn[NATO_TOTAL], {year}, {by['USA']['price_basis']}, edition {edition}",
        "usa_usd_mn": by["USA"]["value"], "nato_total_usd_mn": by["NATO_TOTAL"]["value"],
    }


def overview(edition: str | None = None, year: int | None = None) -> dict[str, Any]:
    edition = resolve_edition(edition)
    meta = next(r for r in edition_records() if r["edition"] == edition)
    rows = select_records("pct_gdp", edition)
    year = year or max(r["year"] for r in rows)
    current = sorted((r for r in rows if r["year"] == year), key=lambda r: -r["value"])
    ranking = [{
        "rank": i + 1, "iso3": r["iso3"], "name": ally_name(r["iso3"]), "value": r["value"], "estimate": r["estimate"],
        **{f"meets_{line:g}": r["value"] >= line for line in LINES},
    } for i, r in enumerate(current)]
    counts = {f"{line:g}": {"meeting": sum(r["value"] >= line for r in current), "reporting": len(current)}
              for line in LINES}
    previous = _previous_full_edition(edition)
    changes: list[dict[str, Any]] = []
    if previous:
        d = diff(previous, edition, "pct_gdp")
        d = d[(d["status"] == "revised") & (d["iso3"].str.len() == 3)].head(5)
        changes = d[["iso3", "year", "value_a", "value_b", "change"]].to_dict(orient="records")
    return {
        "edition": edition, "release_date": meta["release_date"], "title": meta.get("title", ""),
        "year": year, "estimate_year": any(r["estimate"] for r in current),
        "indicator": "def_exp_pct_gdp", "unit": "% of GDP",
        "price_basis": current[0]["price_basis"] if current else "",
        "ranking": ranking, "counts": counts, "us_share": us_share(edition, year),
        "previous_edition": previous, "largest_revisions": changes,
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition}",
    }


def print_overview(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    ed, year = result["edition"], result["year"]
    console.print(f"[bold]NATO defence expenditure, {year}{' (estimates)' if result['estimate_year'] else ''}[/bold] — "
                  f"edition {ed}, released {result['release_date']}")
    table = Table(header_style="bold", caption=f"Source: {result['source']}. e = estimate; "
                  "bars scaled to 5% of GDP; | marks 2% and 3.5%.", caption_justify="left")
    for col, justify in [("#", "right"), ("ally", "left"), ("% of GDP", "right"), ("", "left"), ("2%", "center"),
                         ("3.5%", "center")]:
        table.add_column(col, justify=justify)
    for r in result["ranking"]:
        width = 40
        filled = min(width, round(r["value"] / 5.0 * width))
        bar = "".join("█" if i < filled else ("|" if i in (16, 28) else " ") for i in range(width))
        table.add_row(str(r["rank"]), f"{r['name']} ({r['iso3']})", f"{r['value']:.2f}{'e' if r['estimate'] else ''}",
                      f"[cyan]{bar}[/cyan]", "✔" if r["meets_2"] else "✘", "✔" if r["meets_3.5"] else "✘")
    console.print(table)
    for line, c in result["counts"].items():
        console.print(f"At or above {line}% of GDP: [bold]{c['meeting']}[/bold] of {c['reporting']} reporting allies "
                      f"(Iceland has no armed forces and is not in NATO's tables).")
    share = result["us_share"]
    if share["value"] is not None:
        console.print(f"US share of NATO defence spending in {share['year']}: [bold]{share['value']:.1%}[/bold] "
                      f"({share['formula']}).")
    else:
        console.print(f"US share of NATO defence spending: missing ({share['note']}).")
    if result["largest_revisions"]:
        console.print(f"Largest revisions of % of GDP since edition {result['previous_edition']}:")
        for c in result["largest_revisions"]:
            console.print(f"  {ally_name(c['iso3'])} {c['year']}: {c['value_a']:.2f} -> {c['value_b']:.2f} "
                          f"({c['change']:+.2f} pp)")
