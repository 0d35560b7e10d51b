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


def build_report(edition: str | None = None, article: str | None = None, date: str | None = None) -> dict[str, Any]:
    """Every section's data (JSON-able): what the HTML shows."""
    from .dataset import edition_records, resolve_edition
    from .overview import overview

    edition = resolve_edition(edition)
    result = overview(edition)
    sections: dict[str, Any] = {"overview": result}
    sections["charts"] = {
        "ranking": _chart("ranking", edition=edition),
        "series": _chart("series", ally="NATO_TOTAL,NATO_EUR_CAN,USA", edition=edition),
        "scatter": _chart("scatter-equipment", edition=edition),
        "fair_share": _chart("fair-share", edition=edition),
        "revisions": _chart("revisions", ally=(result["largest_revisions"] or [{"iso3": "POL"}])[0]["iso3"]),
    }

    def compliance():
        from .compliance import status_report

        return {line: status_report(edition=edition, target=line) for line in ("2", "3.5")}

    sections["compliance"], sections["compliance_problem"] = attempt(compliance)
    if sections["compliance"]:
        from .compliance import gap_report

        # the gap in money is an addition to the status table: without it the table still stands
        sections["compliance_gap"] = {line: attempt(lambda line=line: gap_report(edition=edition, target=line))[0]
                                      for line in sections["compliance"]}

    def fairness():
        from .fairness import fairness_report

        return fairness_report(edition=edition)

    sections["fairness"], sections["fairness_problem"] = attempt(fairness)

    def responsibility():  # aid to Ukraine, common funding, the Hague 5% (burden.service.responsibility)
        from .service.responsibility import responsibility as run

        return run(edition=edition)

    sections["responsibility"], sections["responsibility_problem"] = attempt(responsibility)
    spec, problem = None, sections["responsibility_problem"]
    if sections["responsibility"]:
        from .charts_responsibility import responsibility_chart

        spec, problem = attempt(lambda: responsibility_chart(sections["responsibility"]).to_dict())
    sections["charts"]["responsibility"] = {"kind": "responsibility", "spec": spec, "problem": problem}

    def projection():
        from .projections import project_report

        return project_report(edition=edition, target="hague-core", deadline=2035, paths=PROJECTION_PATHS, seed=0)

    sections["projection"], sections["projection_problem"] = attempt(projection)
    fan, problem = None, sections["projection_problem"]
    if sections["projection"]:
        from .charts import fan_chart

        fan, problem = attempt(lambda: fan_chart(sections["projection"]).to_dict())
    sections["charts"]["fan"] = {"kind": "fan", "spec": fan, "problem": problem}
    if article is not None:
        def check():
            from .claims import check_text

            return check_text(article, date=date)

        sections["claims"], sections["claims_problem"] = attempt(check)
        sections["article"] = article
    sections["editions"] = edition_records()
    sections["sources"] = _sources(edition)
    sections["edition"] = edition
    sections["generated"] = dt.date.today().isoformat()
    return clean(sections)


def render_report(data: dict[str, Any]) -> str:
    """The HTML text, with the Vega bundle and every chart spec inlined."""
    import jinja2

    from . import __version__
    from .charts import javascript_bundle
    from .web.app import annotate
    from .web.views import register_filters

    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(HERE / "report_templates")),
                                    jinja2.FileSystemLoader(str(HERE / "web" / "templates"))]),
        autoescape=True)
    from .render import fmt_number

    env.filters["num"] = fmt_number
    register_filters(env)
    env.globals.update(annotate=annotate,
                       tojson=lambda v: json.dumps(clean(v), ensure_ascii=False))
    specs = {name: c["spec"] for name, c in data["charts"].items() if c.get("spec")}
    return env.get_template("report.html").render(
        data=data, version=__version__,
        style=(HERE / "web" / "static" / "style.css").read_text(encoding="utf-8"),
        # "</" inside a script would end it early: escape it in the inlined JSON and JS
        specs_json=json.dumps(specs, ensure_ascii=False).replace("</", "<\\/"),
        bundle=javascript_bundle().replace("</script", "<\\/script"),
        escape=html.escape)


def write_report(out: str | Path = "report.html", edition: str | None = None, article: str | None = None,
                 date: str | None = None) -> Path:
    path = Path(out)
    path.write_text(render_report(build_report(edition, article, date)), encoding="utf-8")
    return path.resolve()
