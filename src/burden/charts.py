"""Charts as Vega-Lite specs (Altair), exported offline to PNG/SVG/HTML through vl-convert.

Each `*_chart` function takes the same arguments as the library function it draws and returns an
Altair chart whose bottom line names the source and edition. `chart_spec(kind, ...)` gives the
Vega-Lite dict (what the web app and the report embed); `save(chart, path)` writes a file.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BurdenError, UnknownValueError

if TYPE_CHECKING:
    import altair as alt

LINES = (2.0, 3.5, 5.0)
LINE_COLOURS = {2.0: "#6b6b6b", 3.5: "#d4760a", 5.0: "#b3112e"}
BLUE, GREY, ORANGE = "#1f5fa8", "#9aa5b1", "#d4760a"
WIDTH = 640


def source_line(edition: str | list[str]) -> str:
    editions = edition if isinstance(edition, str) else ", ".join(edition)
    label = "edition" if isinstance(edition, str) or len(edition) == 1 else "editions"
    return f"Source: NATO, Defence Expenditure of NATO Countries, {label} {editions}"


def _finish(chart: alt.TopLevelMixin, title: str, subtitle: str, source: str, **meta: Any) -> alt.VConcatChart:
    """Title on top, the source line at the bottom (a vconcat of one so PNG/SVG exports keep both)."""
    import altair as alt

    inner: Any = chart.properties(title=alt.TitleParams(title, subtitle=subtitle, anchor="start"))
    return alt.vconcat(inner).properties(
        title=alt.TitleParams(source, orient="bottom", anchor="start", fontSize=10, fontWeight="normal",
                              color="#555"),
        usermeta={"source": source, **meta},
    )


def _threshold_rules(lines=LINES, field: str = "x") -> alt.Chart:
    """Dashed guideline rules; they use the `stroke` channel so they never share the allies' colour scale."""
    import altair as alt

    data = alt.Data(values=[{"line": line, "label": f"{line:g}%"} for line in lines])
    enc = {field: alt.X("line:Q") if field == "x" else alt.Y("line:Q")}
    rules = alt.Chart(data).mark_rule(strokeDash=[4, 3]).encode(
        **enc, stroke=alt.Stroke("label:N", scale=alt.Scale(domain=[f"{v:g}%" for v in lines],
                                                            range=[LINE_COLOURS[v] for v in lines]),
                                 legend=alt.Legend(title="guideline", symbolType="stroke")))
    return rules


# ---------------------------------------------------------------- ranking

def ranking_chart(edition: str | None = None, year: int | None = None) -> alt.VConcatChart:
    """Allies ranked by % of GDP, with the 2 / 3.5 / 5% lines; estimates drawn lighter and marked 'e'."""
    import altair as alt

    from .overview import overview

    result = overview(edition, year)
    rows = [{**r, "label": f"{r['value']:.2f}{'e' if r['estimate'] else ''}",
             "kind": "estimate" if r["estimate"] else "reported"} for r in result["ranking"]]
    base = alt.Chart(alt.Data(values=rows))
    y = alt.Y("name:N", sort=alt.EncodingSortField("value", order="descending"), title=None)
    bars = base.mark_bar(color=BLUE).encode(
        x=alt.X("value:Q", title="defence expenditure, % of GDP", scale=alt.Scale(domainMin=0)),
        y=y,
        opacity=alt.Opacity("kind:N", scale=alt.Scale(domain=["reported", "estimate"], range=[1.0, 0.55]),
                            legend=alt.Legend(title="figure")),
        tooltip=["name:N", "iso3:N", alt.Tooltip("value:Q", format=".2f"), "kind:N"],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10).encode(x="value:Q", y=y, text="label:N")
    chart = alt.layer(bars, labels, _threshold_rules()).properties(width=WIDTH, height=14 * len(rows))
    est = " (estimates)" if result["estimate_year"] else ""
    return _finish(chart, f"Defence expenditure as % of GDP, {result['year']}{est}",
                   f"{result['price_basis']}; e = estimate", source_line(result["edition"]),
                   edition=result["edition"], year=result["year"], indicator=result["indicator"])


# ---------------------------------------------------------------- time series

def full_editions() -> list[str]:
    from .dataset import edition_records

    return [r["edition"] for r in edition_records() if r.get("kind") == "full"]


def indicator_title(name: str, lower: bool = False) -> str:
    """A reader's name for an indicator in a chart title: its description up to the first bracket."""
    from .dataset import INDICATORS

    text = next((i.description.split(" (")[0] for i in INDICATORS if i.name == name), name)
    return text if lower else text[:1].upper() + text[1:]


def series_chart(allies: str | list[str] | None = "NATO_TOTAL", indicator: str = "pct_gdp",
                 edition: str | None = None) -> alt.VConcatChart:
    """A time series per ally (or aggregate) with every full edition held and a selector to switch
    between them; `edition` is the one shown first (default: latest)."""
    import altair as alt

    from .dataset import resolve_edition, select_records
    from .members import ally_name

    edition = resolve_edition(edition)
    shown = full_editions()
    if edition not in shown:
        shown.append(edition)
    rows = [r for r in select_records(indicator, "all", allies=allies or "NATO_TOTAL") if r["edition"] in shown]
    rows = _one_price_basis(rows)
    if not rows:
        raise BurdenError(f"no {indicator} series for {allies!r} in editions {', '.join(shown)}", code="no-data")
    values = [{"ally": ally_name(r["iso3"]), "iso3": r["iso3"], "year": r["year"], "value": r["value"],
               "edition": r["edition"], "kind": "estimate" if r["estimate"] else "reported"} for r in rows]
    held = [e for e in shown if any(v["edition"] == e for v in values)]
    start = edition if edition in held else held[-1]
    pick = alt.param(name="edition", value=start, bind=alt.binding_select(options=held, name="edition "))
    base = alt.Chart(alt.Data(values=values)).transform_filter(alt.datum.edition == pick)
    enc = {"x": alt.X("year:O", title=None), "y": alt.Y("value:Q", title=f"{rows[0]['unit']}"),
           "color": alt.Color("ally:N", title="ally")}
    line = base.mark_line().encode(**enc)
    points = base.mark_point(size=45, filled=True).encode(
        **enc, shape=alt.Shape("kind:N", scale=alt.Scale(domain=["reported", "estimate"], range=["circle", "triangle"]),
                               legend=alt.Legend(title="figure")),
        tooltip=["ally:N", "year:O", alt.Tooltip("value:Q", format=",.2f"), "kind:N", "edition:N"])
    layers = [line, points]
    if "pct_gdp" in rows[0]["indicator"]:
        layers.append(_threshold_rules((2.0, 3.5), field="y"))
    chart = alt.layer(*layers).add_params(pick).properties(width=WIDTH, height=320)
    names = ", ".join(sorted({v["ally"] for v in values}))
    return _finish(chart, f"{indicator_title(rows[0]['indicator'])}: {names}", f"{rows[0]['unit']} as published in each edition "
                   "(each edition has its own price base); triangles = estimates", source_line(held),
                   edition=start, editions=held, indicator=rows[0]["indicator"])


def _one_price_basis(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Money series come in current and constant prices: keep current prices so lines never mix bases."""
    if len({r["price_basis"] for r in rows}) <= 1 or not any("current" in r["price_basis"] for r in rows):
        return rows
    return [r for r in rows if "current" in r["price_basis"] or not r["price_basis"]]


# ---------------------------------------------------------------- % of GDP x equipment share

def equipment_scatter(edition: str | None = None, year: int | None = None) -> alt.VConcatChart:
    """NATO's scatter: % of GDP against the share spent on major equipment, 2% x 20% quadrants."""
    import altair as alt

    from .dataset import resolve_edition, select_records
    from .members import ally_name

    edition = resolve_edition(edition)
    gdp_rows = select_records("pct_gdp", edition, year)
    year = year or max(r["year"] for r in gdp_rows)
    gdp = {r["iso3"]: r for r in gdp_rows if r["year"] == year}
    equip = {r["iso3"]: r for r in select_records("equipment_pct", edition, year) if r["year"] == year}
    values = [{"iso3": k, "ally": ally_name(k), "pct_gdp": gdp[k]["value"], "equipment_pct": equip[k]["value"],
               "kind": "estimate" if gdp[k]["estimate"] or equip[k]["estimate"] else "reported"}
              for k in sorted(set(gdp) & set(equip))]
    if not values:
        raise BurdenError(f"edition {edition} holds no equipment shares for {year}", code="no-data")
    base = alt.Chart(alt.Data(values=values))
    x = alt.X("pct_gdp:Q", title="defence expenditure, % of GDP", scale=alt.Scale(zero=True))
    y = alt.Y("equipment_pct:Q", title="major equipment, % of defence expenditure", scale=alt.Scale(zero=True))
    points = base.mark_point(filled=True, size=60, color=BLUE).encode(
        x=x, y=y, shape=alt.Shape("kind:N", legend=alt.Legend(title="figure")),
        tooltip=["ally:N", alt.Tooltip("pct_gdp:Q", format=".2f"), alt.Tooltip("equipment_pct:Q", format=".2f"),
                 "kind:N"])
    labels = base.mark_text(dx=6, align="left", fontSize=9).encode(x=x, y=y, text="iso3:N")
    vline = alt.Chart(alt.Data(values=[{"v": 2.0}])).mark_rule(strokeDash=[4, 3], color=LINE_COLOURS[2.0]).encode(x="v:Q")
    hline = alt.Chart(alt.Data(values=[{"v": 20.0}])).mark_rule(strokeDash=[4, 3], color=LINE_COLOURS[2.0]).encode(y="v:Q")
    both = sum(v["pct_gdp"] >= 2 and v["equipment_pct"] >= 20 for v in values)
    chart = alt.layer(vline, hline, points, labels).properties(width=WIDTH, height=420)
    return _finish(chart, f"% of GDP and equipment share, {year}",
                   f"{both} of {len(values)} allies at or above both 2% of GDP and 20% on equipment (top right)",
                   source_line(edition), edition=edition, year=year)


# ---------------------------------------------------------------- fair share

def fair_share_chart(edition: str | None = None, year: int | None = None) -> alt.VConcatChart:
    """Share of NATO GDP against share of NATO defence spending, from `fairness.fairness_report`;
    allies above the diagonal spend more than their economic weight."""
    import altair as alt

    from .fairness import fairness_report

    report = fairness_report(edition=edition, year=year)
    values = fair_share_points(report)
    if not values:
        raise BurdenError("the fairness report holds no GDP and spending shares", code="no-data")
    top = max(max(v["gdp_share"], v["spending_share"]) for v in values)
    low = min(min(v["gdp_share"], v["spending_share"]) for v in values if v["gdp_share"] > 0 and v["spending_share"] > 0)
    base = alt.Chart(alt.Data(values=values))
    x = alt.X("gdp_share:Q", title="share of NATO GDP, % (log scale)", scale=alt.Scale(type="log"))
    y = alt.Y("spending_share:Q", title="share of NATO defence spending, % (log scale)", scale=alt.Scale(type="log"))
    diag = alt.Chart(alt.Data(values=[{"a": low, "b": low}, {"a": top, "b": top}])).mark_line(
        strokeDash=[4, 3], color=GREY).encode(x="a:Q", y="b:Q")
    points = base.mark_point(filled=True, size=60, color=BLUE).encode(
        x=x, y=y, tooltip=["ally:N", alt.Tooltip("gdp_share:Q", format=".2f"),
                           alt.Tooltip("spending_share:Q", format=".2f")])
    labels = base.mark_text(dx=6, align="left", fontSize=9).encode(x=x, y=y, text="iso3:N")
    chart = alt.layer(diag, points, labels).properties(width=WIDTH, height=420)
    ed = report.get("edition") or edition or ""
    return _finish(chart, f"Fair share: GDP weight against spending weight, {report.get('year', '')}".rstrip(", "),
                   "above the dashed line: a larger share of the spending than of the GDP", source_line(ed),
                   edition=ed, year=report.get("year"))


def fair_share_points(report: dict[str, Any]) -> list[dict[str, Any]]:
    """(iso3, gdp_share, spending_share) in % from a fairness report's rows (fractions are scaled to %)."""
    from .members import ally_name

    out = []
    for row in report.get("rows", []):
        gdp = _first(row, "gdp_share_pct", "gdp_share")
        spend = _first(row, "spend_share_pct", "spending_share_pct", "spend_share", "spending_share")
        if gdp is None or spend is None or str(row.get("iso3", "")).startswith("NATO"):
            continue
        out.append({"iso3": row["iso3"], "ally": ally_name(row["iso3"]), "gdp_share": gdp, "spending_share": spend})
    if out and max(max(v["gdp_share"], v["spending_share"]) for v in out) <= 1:  # fractions: show %
        out = [{**v, "gdp_share": v["gdp_share"] * 100, "spending_share": v["spending_share"] * 100} for v in out]
    return out


def _first(row: dict[str, Any], *keys: str) -> float | None:
    for key in keys:
        if isinstance(row.get(key), (int, float)):
            return float(row[key])
    return None


# ---------------------------------------------------------------- projection fan

FAN_MEASURES = {
    "share": ("share_p5", "share_p50", "share_p95", "% of GDP", 1.0),
    "extra_cost": ("extra_cost_p5_usd_mn", "extra_cost_p50_usd_mn", "extra_cost_p95_usd_mn",
                   "extra spending over the base year, billion US$", 1000.0),
}


def fan_measure(rows: list[dict[str, Any]]) -> str:
    """The share when it is uncertain; under a spending plan the share is fixed and the uncertainty is
    in money (GDP paths), so the extra cost is drawn instead."""
    spread = any((r.get("share_p95") or 0) - (r.get("share_p5") or 0) > 1e-9 for r in rows)
    return "share" if spread or not any(r.get("extra_cost_p50_usd_mn") is not None for r in rows) else "extra_cost"


def largest_at_end(rows: list[dict[str, Any]], field: str, n: int = 6) -> list[str]:
    """The n allies with the largest `field` in the last year: a readable default for a fan chart
    (an alphabetical cut would show whoever comes first)."""
    last = max(r["year"] for r in rows)
    ends = sorted((r for r in rows if r["year"] == last and r.get(field) is not None), key=lambda r: -r[field])
    return [r["iso3"] for r in ends[:n]]


def fan_chart(report: dict[str, Any], allies: list[str] | None = None, measure: str | None = None) -> alt.VConcatChart:
    """Projection fan chart from a `projections.project_report` dict: P5-P95 band and median per ally."""
    import altair as alt

    from .members import ally_name

    rows = [r for r in report.get("rows", []) if r.get("share_p50") is not None or r.get("extra_cost_p50_usd_mn") is not None]
    if allies:
        rows = [r for r in rows if r["iso3"] in allies]
    if not rows:
        raise BurdenError("the projection holds no paths to draw", code="no-data")
    measure = measure or fan_measure(rows)
    low, mid, high, unit, divisor = FAN_MEASURES[measure]
    keep = allies or largest_at_end(rows, mid)

    def scaled(value):
        return None if value is None else value / divisor

    values = [{"ally": ally_name(r["iso3"]), "year": r["year"], "p5": scaled(r.get(low)), "p50": scaled(r.get(mid)),
               "p95": scaled(r.get(high))} for r in rows if r["iso3"] in keep and r.get(mid) is not None]
    base = alt.Chart(alt.Data(values=values)).encode(x=alt.X("year:O", title=None),
                                                     color=alt.Color("ally:N", title="ally"))
    band = base.mark_area(opacity=0.22).encode(y=alt.Y("p5:Q", title=unit), y2="p95:Q")
    median = base.mark_line(point=True).encode(
        y="p50:Q", tooltip=["ally:N", "year:O", alt.Tooltip("p5:Q", format=",.2f"), alt.Tooltip("p50:Q", format=",.2f"),
                            alt.Tooltip("p95:Q", format=",.2f")])
    layers = [band, median]
    given = report.get("target")
    target: dict[str, Any] = given if isinstance(given, dict) else {}
    if measure == "share" and isinstance(target.get("threshold"), (int, float)):
        layers.append(alt.Chart(alt.Data(values=[{"v": target["threshold"]}])).mark_rule(
            strokeDash=[4, 3], color=LINE_COLOURS[5.0]).encode(y="v:Q"))
    chart = alt.layer(*layers).properties(width=WIDTH, height=340)
    edition = report.get("edition", "")
    what = "share of GDP" if measure == "share" else "extra spending to meet the target"
    chosen = "" if allies or len({r["iso3"] for r in rows}) <= len(keep) else f"the {len(keep)} largest in {max(r['year'] for r in rows)}"
    subtitle = "; ".join(x for x in (target.get("label", ""), report.get("price_basis", ""), chosen) if x)
    return _finish(chart, f"Projection: {what} (median, P5-P95 band)", subtitle,
                   source_line(edition) + "; projection by burden (Monte Carlo)", edition=edition, measure=measure)


# ---------------------------------------------------------------- revisions

def revisions_chart(ally: str = "Poland", indicator: str = "pct_gdp", years=None) -> alt.VConcatChart:
    """One figure across editions: how NATO's published value for each year changed from edition to edition."""
    import altair as alt

    from .dataset import edition_records, select_records
    from .members import ally_name, resolve_ally

    code = resolve_ally(ally)
    rows = _one_price_basis(select_records(indicator, "all", years, code))
    if not rows:
        raise BurdenError(f"no {indicator} figures for {ally} in any edition", code="no-data")
    if years is None:  # the last five years: older ones are rarely revised
        last = max(r["year"] for r in rows)
        rows = [r for r in rows if r["year"] > last - 5]
    order = [r["edition"] for r in edition_records()]
    held = [e for e in order if any(r["edition"] == e for r in rows)]
    values = [{"edition": r["edition"], "year": str(r["year"]), "value": r["value"],
               "kind": "estimate" if r["estimate"] else "reported"} for r in rows]
    enc = {"x": alt.X("edition:O", sort=held, title="edition"), "y": alt.Y("value:Q", title=rows[0]["unit"],
                                                                          scale=alt.Scale(zero=False)),
           "color": alt.Color("year:N", title="figure for year")}
    base = alt.Chart(alt.Data(values=values))
    chart = alt.layer(
        base.mark_line().encode(**enc),
        base.mark_point(filled=True, size=50).encode(
            **enc, shape=alt.Shape("kind:N", legend=alt.Legend(title="figure")),
            tooltip=["edition:N", "year:N", alt.Tooltip("value:Q", format=",.2f"), "kind:N"]),
    ).properties(width=WIDTH, height=320)
    return _finish(chart, f"Revisions: {ally_name(code)}, {indicator_title(rows[0]['indicator'], lower=True)} as "
                          "published in each edition",
                   "each line is one year's figure; a sloped line is a revision", source_line(held),
                   ally=code, editions=held, indicator=rows[0]["indicator"])


# ---------------------------------------------------------------- registry and export

def _fan_from_projection(edition=None, target="hague-core", deadline=2035, growth=None, ally=None, paths=2000,
                         seed=0) -> alt.VConcatChart:
    from .projections import project_report

    allies = ally or "DEU,FRA,POL,ITA,GBR"
    report = project_report(edition=edition, target=target, deadline=deadline, growth=growth, paths=paths,
                            seed=seed, allies=allies)
    return fan_chart(report)


CHART_KINDS = {
    "ranking": "allies ranked by % of GDP with 2 / 3.5 / 5% lines (options: edition, year)",
    "series": "time series per ally or group, edition selectable (options: ally, indicator, edition)",
    "scatter-equipment": "% of GDP against equipment share, 2% x 20% quadrants (options: edition, year)",
    "fair-share": "GDP share against spending share (options: edition, year)",
    "fan": "projection fan chart P5-P95 (options: edition, target, deadline, growth, ally)",
    "revisions": "one ally's figures across editions (options: ally, indicator, year)",
}


def make_chart(kind: str, *, edition: str | None = None, year: int | None = None, ally: str | None = None,
               indicator: str = "pct_gdp", target: str = "hague-core", deadline: int = 2035,
               growth: float | None = None) -> alt.VConcatChart:
    """The chart of one kind, from the options that kind takes (others are ignored)."""
    if kind == "ranking":
        return ranking_chart(edition, year)
    if kind == "series":
        return series_chart(ally or "NATO_TOTAL", indicator, edition)
    if kind == "scatter-equipment":
        return equipment_scatter(edition, year)
    if kind == "fair-share":
        return fair_share_chart(edition, year)
    if kind == "fan":
        return _fan_from_projection(edition, target, deadline, growth, ally)
    if kind == "revisions":
        return revisions_chart(ally or "Poland", indicator, year)
    raise UnknownValueError("chart", kind, list(CHART_KINDS), hint=f"kinds: {', '.join(CHART_KINDS)}")


def chart_spec(kind: str, **options: Any) -> dict[str, Any]:
    """The Vega-Lite spec (a JSON-able dict) of a chart kind."""
    return make_chart(kind, **options).to_dict()


def vega_lite_version() -> str:
    """The Vega-Lite minor version Altair writes (e.g. '6.4'), so the JS bundle matches the specs."""
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


@functools.cache
def javascript_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script (from the vl-convert package: offline, no CDN)."""
    import vl_convert

    # the stub marks `snippet` as required; vl-convert documents it as optional (default: the globals)
    return vl_convert.javascript_bundle(vl_version=vega_lite_version())  # type: ignore[call-arg]


def save(chart: alt.TopLevelMixin | dict[str, Any], path: str | Path, scale: float = 2.0) -> Path:
    """Write a chart as .png, .svg or .html (the HTML inlines the JavaScript: it opens offline)."""
    import vl_convert

    path = Path(path)
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    version = vega_lite_version()
    suffix = path.suffix.lower()
    if suffix == ".png":
        path.write_bytes(vl_convert.vegalite_to_png(spec, vl_version=version, scale=scale))
    elif suffix == ".svg":
        path.write_text(vl_convert.vegalite_to_svg(spec, vl_version=version), encoding="utf-8")
    elif suffix == ".html":
        path.write_text(vl_convert.vegalite_to_html(spec, vl_version=version, bundle=True), encoding="utf-8")
    else:
        raise BurdenError(f"unsupported chart file {path.name!r}: use .png, .svg or .html", code="invalid-format")
    return path
