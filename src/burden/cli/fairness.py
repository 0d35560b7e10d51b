"""Fairness command: burden shares, fair-share ratios, equal effort, concentration, exploitation test,
benefit-burden concordance (see docs/fairness.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import CSV_OPT, EDITION_OPT, JSON_OPT, app

PANEL = "Fairness"


@app.command(rich_help_panel=PANEL)
def fairness(
    edition: str = EDITION_OPT,
    year: str = typer.Option(None, "--year", "-y", help="Year (default: the edition's latest); a range with --series."),
    metric: str = typer.Option(None, "--metric", "-m",
                               help="shares, equal-effort, concentration, spearman or concordance (default: all)."),
    ally: str = typer.Option(None, "--ally", "-a", help="Restrict the alliance to these allies (comma-separated)."),
    controls: str = typer.Option(None, "--controls",
                                 help="Controls for the partial rank correlation (default gdp_per_capita; also "
                                      "population, gdp, or columns of --data)."),
    proxies: str = typer.Option(None, "--proxies",
                                help="Benefit proxies for concordance (default gdp,population; or columns of --data)."),
    data: Path = typer.Option(None, "--data",
                              help="CSV with an iso3/ally column and numeric columns (e.g. exposed_border_km) "
                                   "usable in --controls and --proxies."),
    effort: float = typer.Option(None, "--effort", help="Uniform % of GDP for equal effort (default: alliance average)."),
    include_non_members: bool = typer.Option(False, "--include-non-members",
                                             help="Count allies before they joined (e.g. Sweden before 2024)."),
    series: bool = typer.Option(False, "--series", help="One summary row per year 2014-latest (for charts)."),
    json_out: bool = JSON_OPT,
    csv_out: bool = CSV_OPT,
) -> None:
    """Who carries the burden: spending share vs GDP share (fair-share ratio, DoD bands), equal effort in
    money, Lorenz/Gini and HHI, the Olson-Zeckhauser exploitation test (Spearman, partial, p-values) and
    benefit-burden concordance (Wilcoxon per proxy).

    Example: burden fairness --edition 2026-07 --year 2025 --metric spearman
    """
    from ..render import emit, to_json
    from ..service.fairness import fairness as run

    result = run(edition, year, metric, ally, controls, proxies, effort, data, include_non_members, series)
    if series:
        if json_out:
            print(to_json(result))
            return
        emit(result["rows"], list(result["rows"][0]) if result["rows"] else [], as_csv=csv_out,
             title=f"Fairness series, edition {result['edition']}", caption=result["price_basis"])
        return
    if json_out:
        print(to_json(result))
    elif csv_out:
        emit(result["rows"], [], as_csv=True)
    else:
        print_fairness(result)


def print_fairness(result: dict) -> None:
    from rich.console import Console

    from ..render import fmt_number, print_table

    console = Console()
    ed, year = result["edition"], result["year"]
    console.print(f"[bold]Burden-sharing, {year}{' (estimates)' if result['estimate'] else ''}[/bold] — edition "
                  f"{ed}; {result['alliance']['n']} allies; {result['price_basis']}")
    def pct(v, digits=2):
        return "—" if v is None else f"{v * 100:.{digits}f}%"

    shown = [{"ally": f"{r['name']} ({r['iso3']})", "spend": pct(r["spend_share"]), "gdp": pct(r["gdp_share"]),
              "ratio": fmt_number(r["fair_share_ratio"]), "band": r["band"],
              "burden": fmt_number(r["burden_pct_gdp"]) + ("e" if r["estimate"] else ""),
              "per_capita": fmt_number(r["per_capita"], 0),
              "diff": "—" if r["equal_effort_diff"] is None else f"{r['equal_effort_diff']:+,.0f}"}
             for r in result["rows"]]
    print_table(shown, ["ally", "spend", "gdp", "ratio", "band", "burden", "per_capita", "diff"],
                headers={"spend": "spend share", "gdp": "GDP share", "burden": "% of GDP", "per_capita": "US$/head",
                         "diff": "vs equal effort, US$m"},
                caption=f"ratio = spend share / GDP share; bands (US DoD): >= 1.2 substantially above, 0.8-1.19 in "
                        f"balance, < 0.8 well below. Equal effort = {fmt_number(result['equal_effort']['rate_pct_gdp'])}"
                        f"% of GDP for all. e = estimate. Source: {result['source']}."
                if "equal_effort" in result else f"Source: {result['source']}.")
    split = result.get("us_vs_europe_canada")
    if split:
        for g in (split["usa"], split["europe_canada"]):
            console.print(f"{g['group']}: {g['spend_share']:.1%} of spending, {g['gdp_share']:.1%} of GDP, ratio "
                          f"{g['fair_share_ratio']:.2f} ({g['band']}), {g['burden_pct_gdp']:.2f}% of GDP")
    if "gini" in result:
        console.print(f"Gini of spending against GDP {result['gini']:.3f}; HHI of spending shares {result['hhi']:.3f} "
                      f"(effective number of allies {result['hhi_effective_allies']:.1f})")
    if "spearman" in result:
        s = result["spearman"]
        console.print(f"Exploitation test (Spearman, GDP vs % of GDP): rho {s['rho']:.2f}, p {s['p_value']:.2f} "
                      f"two-sided, {s['p_value_one_sided']:.2f} one-sided (n {s['n']}, df {s['df']})")
        for p in result["partial_spearman"]:
            console.print(f"  partial, holding {', '.join(p['controls'])} fixed: rho {p['rho']:.2f}, p {p['p_value']:.2f} "
                          f"(df {p['df']})")
    if "concordance" in result:
        rows = result["concordance"]["sensitivity"]
        print_table(rows, ["proxy", "n", "p_value", "median_difference", "n_burden_above_benefit", "spearman_rho"],
                    title="Benefit-burden concordance (Wilcoxon signed-rank, burden share - benefit share)",
                    caption=result["concordance"]["note"], digits=4)
    for e in result["excluded"]:
        console.print(f"[dim]excluded {e['iso3']}: {e['reason']}[/dim]")
