"""The responsibility chart: one stacked bar per ally - core defence (NATO, official) + aid to Ukraine per
year of war (Kiel) + related spending (user-supplied national plans, capped at 1.5) - against the 3.5% and
5% lines. Drawn from the service result (`burden.service.responsibility.responsibility`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .charts import WIDTH, _finish, _threshold_rules, source_line

if TYPE_CHECKING:
    import altair as alt

PARTS = (
    ("def_exp_pct_gdp", "core defence (NATO, official)", "#1f5fa8"),
    ("ukraine_aid_pct_gdp_per_year", "aid to Ukraine per year of war (Kiel)", "#f2c14e"),
    ("related_counted_pct_gdp", "related spending (user-supplied plans)", "#7a9e7e"),
)


def stacked_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per ally and part (missing parts left out); allies without a NATO figure are skipped."""
    out = []
    for row in result["rows"]:
        if row["def_exp_pct_gdp"] is None:
            continue
        total = sum(row[k] for k, _, _ in PARTS if isinstance(row.get(k), (int, float)))
        for order, (key, label, _) in enumerate(PARTS):
            value = row.get(key)
            if isinstance(value, (int, float)):
                out.append({"iso3": row["iso3"], "part": label, "order": order, "value": value, "total": total})
    return out


def responsibility_chart(result: dict[str, Any]) -> alt.VConcatChart:
    import altair as alt

    rows = stacked_rows(result)
    bars = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("sum(value):Q", title="% of GDP", scale=alt.Scale(domainMin=0), stack="zero"),
        y=alt.Y("iso3:N", sort=alt.EncodingSortField("total", op="max", order="descending"), title=None),
        color=alt.Color("part:N", scale=alt.Scale(domain=[p[1] for p in PARTS], range=[p[2] for p in PARTS]),
                        legend=alt.Legend(title="part", orient="bottom", columns=1)),
        order=alt.Order("order:Q"),
        tooltip=["iso3:N", "part:N", alt.Tooltip("value:Q", format=".2f")],
    )
    allies = len({r["iso3"] for r in rows})
    chart = alt.layer(bars, _threshold_rules((3.5, 5.0))).properties(width=WIDTH, height=14 * max(allies, 1))
    related = "related spending from the user's plans file" if result.get("user_supplied") else \
        "related spending not published (no plans file)"
    return _finish(chart, f"Core defence + aid to Ukraine + related spending, {result['year']}",
                   f"aid = Kiel release {result['kiel_release']} cumulative % of 2021 GDP / {result['war_years']:.2f} "
                   f"years of war; {related}",
                   f"{source_line(result['edition'])}; Kiel Institute, Ukraine Support Tracker, release "
                   f"{result['kiel_release']}", edition=result["edition"], year=result["year"])
