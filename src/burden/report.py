"""One self-contained HTML report of an edition: overview, compliance, fairness, projections, an
optional claim check, sources and edition notes. JavaScript (Vega, from vl-convert) and CSS are
inlined, so the file opens offline and can be mailed as it is.

A section whose capability is unavailable (or has no data for the edition) says so in place
instead of failing the whole report.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

from .errors import attempt
from .render import clean

HERE = Path(__file__).resolve().parent
PROJECTION_PATHS = 2000  # enough for stable P5/P95 in a report; seed fixed so two runs give one file


def _chart(kind: str, **options: Any) -> dict[str, Any]:
    """A chart section entry: its spec, or why it is missing."""
    from .charts import chart_spec

    spec, problem = attempt(lambda: chart_spec(kind, **options))
    return {"kind": kind, "spec": spec, "problem": problem}


def _sources(edition: str) -> list[dict[str, str]]:
    from .dataset import fact_records

    seen: dict[str, dict[str, str]] = {}
    for r in fact_records("def_exp_pct_gdp", [edition]):
        seen.setdefault(r["source"], {"source": r["source"], "source_type": r["source_type"]})
    return list(seen.values())


def build_report(
    edition: str | None = None, article: str | None = None, date: str | None = None
) -> dict[str, Any]:
    """Every section's data (JSON-able): what the HTML shows. The numbers come from the service calls
    behind `burden overview/status/gap/fairness/project/check --json` and their /api/ twins."""
    from .dataset import edition_records
    from .service import claims, compliance, fairness, overview, projections, responsibility, validate

    edition = validate.edition(edition)
    if article is not None:  # a bad date or text is the user's error: say so before any work
        validate.text(article, "article")
        date = validate.date(date)
    result = overview.overview(edition)
    sections: dict[str, Any] = {"overview": result}
    sections["charts"] = {
        "ranking": _chart("ranking", edition=edition),
        "series": _chart("series", ally="NATO_TOTAL,NATO_EUR_CAN,USA", edition=edition),
        "scatter": _chart("scatter-equipment", edition=edition),
        "fair_share": _chart("fair-share", edition=edition),
        "revisions": _chart("revisions", ally=(result["largest_revisions"] or [{"iso3": "POL"}])[0]["iso3"]),
    }
    pairs, sections["compliance_problem"] = attempt(
        lambda: {line: compliance.status_with_gap(edition, None, line) for line in ("2", "3.5")}
    )
    sections["compliance"] = {line: status for line, (status, _) in pairs.items()} if pairs else None
    if pairs:  # the gap in money is an addition to the status table: without it the table still stands
        sections["compliance_gap"] = {line: money for line, (_, money) in pairs.items()}
    sections["fairness"], sections["fairness_problem"] = attempt(lambda: fairness.fairness(edition))
    # aid to Ukraine, common funding, the Hague 5% (burden.service.responsibility)
    sections["responsibility"], sections["responsibility_problem"] = attempt(
        lambda: responsibility.responsibility(edition=edition)
    )
    spec, problem = None, sections["responsibility_problem"]
    if sections["responsibility"]:
        from .charts_responsibility import responsibility_chart

        spec, problem = attempt(lambda: responsibility_chart(sections["responsibility"]).to_dict())
    sections["charts"]["responsibility"] = {"kind": "responsibility", "spec": spec, "problem": problem}
    sections["projection"], sections["projection_problem"] = attempt(
        lambda: projections.project(edition, "hague-core", 2035, paths=PROJECTION_PATHS, seed=0)
    )
    fan, problem = None, sections["projection_problem"]
    if sections["projection"]:
        from .charts import fan_chart

        fan, problem = attempt(lambda: fan_chart(sections["projection"]).to_dict())
    sections["charts"]["fan"] = {"kind": "fan", "spec": fan, "problem": problem}
    if article is not None:
        sections["claims"], sections["claims_problem"] = attempt(lambda: claims.check(article, date))
        sections["article"] = article
    sections["editions"] = edition_records()
    sections["sources"] = _sources(edition)
    sections["edition"] = edition
    sections["generated"] = dt.date.today().isoformat()
    return clean(sections)


def render_report(data: dict[str, Any]) -> str:
    """The HTML text, with the Vega bundle and every chart spec inlined (templates and filters from
    `burden.presentation`, shared with the web pages; the web server is never imported)."""
    from . import __version__
    from .charts import javascript_bundle
    from .presentation import REPORT_TEMPLATE_DIR, STATIC_DIR, environment

    env = environment(REPORT_TEMPLATE_DIR)
    specs = {name: c["spec"] for name, c in data["charts"].items() if c.get("spec")}
    return env.get_template("report.html").render(
        data=data,
        version=__version__,
        style=(STATIC_DIR / "style.css").read_text(encoding="utf-8"),
        # "</" inside a script would end it early: escape it in the inlined JSON and JS
        specs_json=json.dumps(specs, ensure_ascii=False).replace("</", "<\\/"),
        bundle=javascript_bundle().replace("</script", "<\\/script"),
        escape=html.escape,
    )


def write_report(
    out: str | Path = "report.html",
    edition: str | None = None,
    article: str | None = None,
    date: str | None = None,
) -> Path:
    path = Path(out)
    path.write_text(render_report(build_report(edition, article, date)), encoding="utf-8")
    return path.resolve()
