"""The overview of one edition: the main job of `make run`."""

from __future__ import annotations

from typing import Any

from .compliance import member_in_year, money_rows, records, status_report
from .dataset import diff, edition_records, fact_records, resolve_edition, select_records
from .members import ally_name, reporting_allies

LINES = (2.0, 3.5, 5.0)


def previous_full_edition(edition: str) -> str | None:
    full = [r["edition"] for r in edition_records() if r.get("kind") == "full"]
    earlier = full[: full.index(edition)] if edition in full else []
    return earlier[-1] if earlier else None


def spending_total(edition: str, year: int, group: str = "NATO_TOTAL", kind: str = "current") -> dict[str, Any]:
    """NATO's own aggregate row for `group`; where the edition has none (2019-06), the sum of the
    member allies' rows, with the formula saying so. value None when the edition holds no money."""
    rows = money_rows(edition, "def_exp_usd_mn", kind)
    if (group, year) in rows:
        r = rows[(group, year)]
        return {"value": r["value"], "price_basis": r["price_basis"], "source": r["source"],
                "term": f"def_exp_usd_mn[{group}]", "formula": f"def_exp_usd_mn[{group}], {year}, {r['price_basis']}, edition {edition} (as published)"}
    wanted = [c for c in reporting_allies() if member_in_year(c, year) and (group == "NATO_TOTAL" or c != "USA")]
    found = [rows[(c, year)] for c in wanted if (c, year) in rows]
    if group not in ("NATO_TOTAL", "NATO_EUR_CAN") or not found:
        return {"value": None, "price_basis": None, "source": None,
                "formula": f"edition {edition} holds no {kind}-price US$ spending for {group} in {year}"}
    return {"value": sum(r["value"] for r in found), "price_basis": found[0]["price_basis"],
            "source": found[0]["source"], "allies_summed": len(found), "allies_expected": len(wanted),
            "term": f"sum of def_exp_usd_mn over {len(found)} member allies (no {group} row)",
            "formula": f"sum of def_exp_usd_mn over {len(found)} member allies, {year}, {found[0]['price_basis']}, "
                       f"edition {edition} (the edition has no {group} row)"}


def us_share(edition: str, year: int, kind: str = "current") -> dict[str, Any]:
    """US share of NATO total defence spending (US$ at `kind` prices), from the edition's own rows."""
    us, total = spending_total(edition, year, "USA", kind), spending_total(edition, year, "NATO_TOTAL", kind)
    if us["value"] is None or total["value"] is None:
        return {"value": None, "year": year, "edition": edition,
                "note": f"edition {edition} holds no {kind}-price US$ spending for the US and NATO total in {year}"}
    return {
        "value": us["value"] / total["value"], "year": year, "edition": edition,
        "formula": f"def_exp_usd_mn[USA] / {total['term']}, {year}, {us['price_basis']}, edition {edition}",
        "usa_usd_mn": us["value"], "nato_total_usd_mn": total["value"],
    }


def europe_canada(edition: str, year: int) -> dict[str, Any]:
    """Europe+Canada spending (current and constant US$) and its real change, as the edition publishes them."""
    change = next((r for r in records(edition, "def_exp_real_change_pct")
                   if r["iso3"] == "NATO_EUR_CAN" and r["year"] == year), None)
    return {
        "year": year, "edition": edition,
        "total_usd_mn_current": spending_total(edition, year, "NATO_EUR_CAN", "current"),
        "total_usd_mn_constant": spending_total(edition, year, "NATO_EUR_CAN", "constant"),
        "real_change_pct": change["value"] if change else None,
        "real_change_source": (f"def_exp_real_change_pct[NATO_EUR_CAN], {year}, {change['price_basis']}, "
                               f"edition {edition}") if change else f"edition {edition} holds no such row for {year}",
    }


def _reproduced(edition: str, published: dict[str, Any], kind: str | None) -> float | None:
    """The edition's full-precision counterpart of a press-rounded figure (US$ bn, or real change %)."""
    if published["indicator"] == "def_exp_usd_bn_rounded":
        value = spending_total(edition, published["year"], published["iso3"], kind or "current")["value"]
        return value / 1000 if value is not None else None
    row = next((x for x in records(edition, "def_exp_real_change_pct")
                if x["iso3"] == published["iso3"] and x["year"] == published["year"]), None)
    return row["value"] if row else None


def published_spending_comparison() -> list[dict[str, Any]]:
    """Press-rounded totals and real-change figures NATO released (US, NATO total, Europe+Canada)
    beside the edition's own full-precision rows, or the full editions' rows where it has none."""
    full = [r["edition"] for r in edition_records() if r.get("kind") == "full"]
    out = []
    for r in fact_records("def_exp_usd_bn_rounded") + fact_records("def_exp_real_change_pct_rounded"):
        if r["iso3"] not in ("USA", "NATO_TOTAL", "NATO_EUR_CAN"):
            continue
        money = r["indicator"] == "def_exp_usd_bn_rounded"
        stated = "constant" if "constant" in r["price_basis"] else "current" if "current" in r["price_basis"] else None
        kinds = [stated] if stated or not money else ["current", "constant"]  # unstated: show both, guess neither
        editions = [r["edition"]] + [e for e in full if e > r["edition"]]
        figures = {f"{ed} ({kind})" if money else ed: _reproduced(ed, r, kind) for ed in editions for kind in kinds}
        own = {k: v for k, v in figures.items() if k.split(" ")[0] == r["edition"]}
        out.append({"indicator": r["indicator"], "iso3": r["iso3"], "year": r["year"], "edition": r["edition"],
                    "published": r["value"], "unit": r["unit"], "price_basis": r["price_basis"] or "not stated",
                    "same_edition": own, "full_editions": {k: v for k, v in figures.items() if k not in own},
                    "source": r["source"], "note": r["notes"]})
    return sorted(out, key=lambda x: (x["edition"], x["indicator"], x["iso3"], x["year"]))


def overview(edition: str | None = None, year: int | None = None) -> dict[str, Any]:
    edition = resolve_edition(edition)
    meta = next(r for r in edition_records() if r["edition"] == edition)
    year = year or max(r["year"] for r in select_records("pct_gdp", edition))
    reports = {f"{line:g}": status_report(edition, year, f"{line:g}") for line in LINES}
    current = [r for r in reports["2"]["rows"] if r["value"] is not None]
    meets = {key: {r["iso3"]: r["meets"] for r in rep["rows"]} for key, rep in reports.items()}
    ranking = [{
        "rank": i + 1, "iso3": r["iso3"], "name": r["name"], "value": r["value"], "estimate": r["estimate"],
        **{f"meets_{key}": meets[key][r["iso3"]] for key in reports},
    } for i, r in enumerate(current)]
    counts = {key: {"meeting": rep["count_meeting"], "reporting": rep["count_reporting"],
                    "missing": rep["count_missing"], "view": rep["view"], "text": rep["count_text"]}
              for key, rep in reports.items()}
    previous = previous_full_edition(edition)
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
    justify: Any
    for col, justify in [("#", "right"), ("ally", "left"), ("% of GDP", "right"), ("", "left"), ("2%", "center"),
                         ("3.5%", "center")]:
        table.add_column(col, justify=justify)
    # The bar column takes what the other columns leave, so bars are never truncated (which would hide
    # their differences); the 2% and 3.5% marks sit at their scaled positions.
    width = max(10, min(50, console.width - 62))
    marks = {round(2.0 / 5.0 * width), round(3.5 / 5.0 * width)}
    for r in result["ranking"]:
        filled = min(width, round(r["value"] / 5.0 * width))
        bar = "".join("█" if i < filled else ("|" if i in marks else " ") for i in range(width))
        table.add_row(str(r["rank"]), f"{r['name']} ({r['iso3']})", f"{r['value']:.2f}{'e' if r['estimate'] else ''}",
                      f"[cyan]{bar}[/cyan]", "✔" if r["meets_2"] else "✘", "✔" if r["meets_3.5"] else "✘")
    console.print(table)
    for line, c in result["counts"].items():
        console.print(f"At or above {line}% of GDP: [bold]{c['meeting']}[/bold] of {c['reporting']} reporting allies "
                      f"({c['view']}; {c['missing']} without a figure, e.g. Iceland, which has no armed forces).")
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
