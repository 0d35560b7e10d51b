"""`burden archive report`: the trends in a checked archive, read with DuckDB from the Parquet output.

Sections: claims and verdicts by month, by site (the URL's host) and by claim type; the most repeated
refuted and outdated claims with their corrections; revisions that made once-true claims stale (a
claim supported by the edition current on the article's date whose figure a later edition revised).
`archive_report` returns the JSON-able dict (`--json`); `write_html` renders it as one self-contained
HTML file with Altair charts in the report's style (Vega inlined: opens offline).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import BurdenError
from ..render import clean

VERDICTS = ("supported", "refuted", "outdated", "unverifiable")
VERDICT_COLOURS = ("#1b7f3b", "#b3112e", "#a86400", "#9aa5b1")  # style.css --ok, --bad, --warn; grey


def _connect(results: Path):
    import duckdb

    arts, claims = results / "articles", results / "claims"
    if not arts.is_dir() or not any(arts.glob("*.parquet")):
        raise BurdenError(f"{results} holds no results of `burden archive check` (no articles/*.parquet): "
                          "run `burden archive check INPUT --out {results}` first", code="missing-input")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW articles AS SELECT * FROM read_parquet('{arts / '*.parquet'}')")
    con.execute(f"CREATE VIEW claims AS SELECT * FROM read_parquet('{claims / '*.parquet'}')")
    return con


def _rows(con, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def archive_report(results: str | Path, top: int = 10) -> dict[str, Any]:
    """Every section's data (JSON-able); what `burden archive report --json` prints."""
    results = Path(results)
    con = _connect(results)
    manifest_file = results / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.exists() else None
    status = _rows(con, "SELECT status, coalesce(reason, '') AS reason, count(*) AS records FROM articles "
                        "GROUP BY ALL ORDER BY status, records DESC, reason")
    totals = {"records": sum(r["records"] for r in status),
              "checked": sum(r["records"] for r in status if r["status"] == "checked"),
              "claims": con.execute("SELECT count(*) FROM claims").fetchone()[0]}
    verdict_cols = ", ".join(f"count(*) FILTER (WHERE verdict = '{v}') AS {v}" for v in VERDICTS)
    by_month = _rows(con, f"""
        SELECT substr(date, 1, 7) AS month, count(*) AS claims, count(DISTINCT record_id) AS articles, {verdict_cols}
        FROM claims GROUP BY month ORDER BY month""")
    by_site = _rows(con, f"""
        WITH a AS (SELECT coalesce(site, '(no site)') AS site, count(*) AS checked FROM articles
                   WHERE status = 'checked' GROUP BY ALL),
             c AS (SELECT coalesce(site, '(no site)') AS site, count(*) AS claims, {verdict_cols}
                   FROM claims GROUP BY ALL)
        SELECT a.site, a.checked AS checked_articles, coalesce(c.claims, 0) AS claims,
               {", ".join(f"coalesce(c.{v}, 0) AS {v}" for v in VERDICTS)},
               round(100.0 * (coalesce(c.refuted, 0) + coalesce(c.outdated, 0)) / nullif(c.claims, 0), 1)
                   AS refuted_or_outdated_pct
        FROM a LEFT JOIN c USING (site) ORDER BY claims DESC, a.site""")
    by_type = _rows(con, f"SELECT type, count(*) AS claims, {verdict_cols} FROM claims GROUP BY type "
                         "ORDER BY claims DESC, type")
    repeated = {v: _rows(con, """
        SELECT type, subject, metric, year, comparator, value, verdict,
               count(*) AS times, count(DISTINCT site) AS sites, min(date) AS first_seen, max(date) AS last_seen,
               mode(stated) AS stated, arg_max(explanation, date) AS correction, arg_max(edition, date) AS edition,
               arg_min(sentence, date) AS example
        FROM claims WHERE verdict = ?
        GROUP BY type, subject, metric, year, comparator, value, verdict
        ORDER BY times DESC, sites DESC, first_seen, type, subject, year, value LIMIT ?""", [v, top]) for v in ("refuted", "outdated")}
    stale = _rows(con, """
        SELECT subject, metric, year, edition,
               CAST(json_extract(revision, '$.value') AS DOUBLE) AS value_then,
               json_extract_string(revision, '$.latest_edition') AS latest_edition,
               CAST(json_extract(revision, '$.latest_value') AS DOUBLE) AS value_now,
               count(*) AS claims, count(DISTINCT site) AS sites, min(date) AS first_seen, max(date) AS last_seen
        FROM claims WHERE revised_since AND verdict = 'supported' AND revision IS NOT NULL
        GROUP BY ALL ORDER BY claims DESC, subject, year, metric, edition, latest_edition LIMIT ?""", [top * 3])
    return clean({"results": str(results), "totals": totals, "status": status, "by_month": by_month,
                  "by_site": by_site, "by_type": by_type, "repeated": repeated, "stale_after_revision": stale,
                  "manifest": manifest, "method": {
                      "site": "host of the article's URL without www.",
                      "month": "the article's publication date (from the page or the input's date field)",
                      "repeated": "claims grouped by type, subject, metric, year, comparator and stated value; "
                                  "correction = the checker's explanation on the latest article",
                      "stale_after_revision": "claims supported by the edition current on the article's date "
                                              "whose figure a later edition revised (value then -> now)"}})


# ---------------------------------------------------------------- charts (Altair, the report's style)

def _verdict_colour():
    import altair as alt

    return alt.Color("verdict:N", scale=alt.Scale(domain=list(VERDICTS), range=list(VERDICT_COLOURS)),
                     legend=alt.Legend(title="verdict", orient="top"))


def _long(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [{key: r[key], "verdict": v, "claims": r[v]} for r in rows for v in VERDICTS if r.get(v)]


def _finish(chart, title: str, subtitle: str, source: str) -> dict[str, Any]:
    from ..charts import _finish as finish

    return finish(chart, title, subtitle, source).to_dict()


def charts(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Vega-Lite specs of the month, site and type charts (stacked by verdict)."""
    import altair as alt

    from ..charts import WIDTH

    source = f"Source: burden archive check of {data['totals']['checked']:,} articles; verdicts against " \
             "NATO's figures as published on each article's date"
    specs = {}
    if data["by_month"]:
        month = alt.Chart(alt.Data(values=_long(data["by_month"], "month"))).mark_bar().encode(
            x=alt.X("month:O", title=None), y=alt.Y("sum(claims):Q", title="claims"), color=_verdict_colour(),
            order=alt.Order("verdict:N"), tooltip=["month:O", "verdict:N", "claims:Q"]).properties(width=WIDTH, height=240)
        specs["by_month"] = _finish(month, "Claims by month", "Verdict of every claim found, by the article's month",
                                    source)
    sites = data["by_site"][:25]
    if sites and any(s["claims"] for s in sites):
        site = alt.Chart(alt.Data(values=_long(sites, "site"))).mark_bar().encode(
            y=alt.Y("site:N", sort="-x", title=None), x=alt.X("sum(claims):Q", title="claims"), color=_verdict_colour(),
            order=alt.Order("verdict:N"), tooltip=["site:N", "verdict:N", "claims:Q"]).properties(width=WIDTH - 160)
        specs["by_site"] = _finish(site, "Claims by site", "The sites with the most claims (top 25)", source)
    if data["by_type"]:
        kind = alt.Chart(alt.Data(values=_long(data["by_type"], "type"))).mark_bar().encode(
            y=alt.Y("type:N", sort="-x", title=None), x=alt.X("sum(claims):Q", title="claims"), color=_verdict_colour(),
            order=alt.Order("verdict:N"), tooltip=["type:N", "verdict:N", "claims:Q"]).properties(width=WIDTH - 160)
        specs["by_type"] = _finish(kind, "Claims by type", "What the articles claim, and how it checks out", source)
    return specs


def render_html(data: dict[str, Any]) -> str:
    import jinja2

    from .. import __version__
    from ..charts import javascript_bundle
    from ..render import fmt_number
    from ..report import HERE

    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(HERE / "report_templates"),
                                                             str(HERE / "web" / "templates")]), autoescape=True)
    env.filters["num"] = fmt_number
    specs = charts(data)
    return env.get_template("archive.html").render(
        data=data, version=__version__, specs=specs, verdicts=VERDICTS,
        style=(HERE / "web" / "static" / "style.css").read_text(encoding="utf-8"),
        specs_json=json.dumps(specs, ensure_ascii=False).replace("</", "<\\/"),
        bundle=javascript_bundle().replace("</script", "<\\/script"))


def write_html(data: dict[str, Any], out: str | Path) -> Path:
    from .run import write_atomic

    path = Path(out)
    text = render_html(data)
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return path.resolve()
