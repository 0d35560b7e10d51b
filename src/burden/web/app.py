"""The local web app: pages and a JSON API under /api/, both calling the library functions the CLI calls.

Every /api/ endpoint returns exactly what the matching `burden ... --json` prints (through
`render.to_json`), cached per query because the data only changes when an edition is imported.
Errors share one JSON shape: {"ok": false, "error": {"code", "message", "status"}}.
No JavaScript comes from a CDN: Vega/Vega-Lite/Vega-Embed are bundled by vl-convert and served here.
"""

from __future__ import annotations

import functools
import json
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BurdenError, UnknownValueError, attempt
from ..optional import MissingExtra, missing_extra
from ..paths import user_editions_dir
from ..render import clean, records_of, to_csv, to_json
from .views import register_filters

HERE = Path(__file__).resolve().parent
JSON_TYPE = "application/json; charset=utf-8"
SHOW_COLUMNS = ["iso3", "country", "year", "value", "estimate", "unit", "price_basis", "edition", "indicator",
                "source_type", "source"]
MEMBER_COLUMNS = ["iso3", "name", "nato_table_label", "accession_date", "in_nato_expenditure_tables", "note"]

# Query parameters shared by endpoints (typed: malformed values are rejected with a 400).
Edition = Annotated[str | None, Query(max_length=40, description="Edition label, e.g. 2024-06 (default: latest full)")]
Year = Annotated[int | None, Query(ge=1949, le=2100, description="Year, e.g. 2024")]
Years = Annotated[str | None, Query(max_length=200, description="Year, range (2014-2024) or comma list")]
Allies = Annotated[str | None, Query(max_length=400, description="Ally names or ISO3 codes, comma-separated")]
Target = Annotated[str, Query(max_length=60, description="Target spec: 2, 3.5, 5@2030, equipment, hague-core ...")]


# ---------------------------------------------------------------- cache and errors

class ResultCache:
    """Encoded JSON per (endpoint, query), bounded; keyed on the imported-editions folder so an import
    invalidates it."""

    def __init__(self, size: int = 512):
        self.size, self.store = size, OrderedDict()

    def get(self, key: tuple, compute: Callable[[], Any]) -> bytes:
        key = (_data_token(), *key)
        hit = self.store.get(key)
        if hit is not None:
            return hit
        body = to_json(compute()).encode("utf-8")
        self.store[key] = body
        if len(self.store) > self.size:
            self.store.popitem(last=False)
        return body


def _data_token() -> int:
    try:
        return user_editions_dir().stat().st_mtime_ns
    except OSError:
        return 0


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message, "status": status}}


def _status_of(exc: BurdenError) -> int:
    if isinstance(exc, MissingExtra):  # an optional extra is not installed: 501, naming the extra
        return 501
    return 404 if isinstance(exc, UnknownValueError) else 400


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid value')}")
    return "invalid parameter " + "; ".join(parts)


# ---------------------------------------------------------------- the app

def create_app() -> FastAPI:
    app = FastAPI(title="burden", version=_version(), openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
                  description="NATO defence burden-sharing: the JSON twin of every page; each endpoint returns "
                              "what the matching `burden ... --json` command prints.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["num"] = _fmt
    templates.env.globals["tojson"] = lambda v: json.dumps(clean(v), ensure_ascii=False)
    templates.env.globals["annotate"] = annotate
    register_filters(templates.env)
    cache = ResultCache()
    app.state.cache = cache
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error_response(request: Request, code: str, message: str, status: int) -> Response:
        if is_api(request):
            return JSONResponse(error_body(code, message, status), status_code=status)
        return templates.TemplateResponse(request, "error.html", {**page_globals(), "page": "error",
                                                                  "code": code, "message": message,
                                                                  "status": status}, status_code=status)

    @app.exception_handler(BurdenError)
    async def burden_error(request: Request, exc: BurdenError):
        return error_response(request, exc.code, str(exc), _status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error_response(request, "invalid-parameter", _validation_message(exc), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = "not-found" if exc.status_code == 404 else "http-error"
        message = "no such page or endpoint (see /api/openapi.json)" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, code, message, exc.status_code)

    def api(key: tuple, compute: Callable[[], Any]) -> Response:
        try:
            return Response(cache.get(key, compute), media_type=JSON_TYPE)
        except ImportError as exc:  # only a missing optional extra is an answer; anything else is a bug
            missing = missing_extra(exc, key[0])
            if missing is None:
                raise
            raise missing from None

    _add_api_routes(app, api)
    _add_pages(app, templates)

    @app.get("/static/vendor/vega-bundle.js", include_in_schema=False)
    def vega_bundle() -> Response:
        from ..charts import javascript_bundle

        return Response(javascript_bundle(), media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=86400"})

    # the vendored route must win over the static mount: move it before the mount
    app.router.routes.insert(0, app.router.routes.pop())
    return app


def _version() -> str:
    from .. import __version__

    return __version__


def _fmt(value: Any, digits: int = 2) -> str:
    from ..render import fmt_number

    return fmt_number(value, digits)


# ---------------------------------------------------------------- JSON API

def _add_api_routes(app: FastAPI, api: Callable[[tuple, Callable[[], Any]], Response]) -> None:
    @app.get("/api/overview", tags=["data"], summary="The edition at a glance (= burden overview --json)")
    def api_overview(edition: Edition = None, year: Year = None):
        from ..overview import overview

        return api(("overview", edition, year), lambda: overview(edition, year))

    @app.get("/api/editions", tags=["data"], summary="Every edition held (= burden editions --json)")
    def api_editions():
        return api(("editions",), editions_rows)

    @app.get("/api/indicators", tags=["data"], summary="Indicators (= burden indicators --json)")
    def api_indicators():
        from ..dataset import indicators

        return api(("indicators",), lambda: records_of(indicators()))

    @app.get("/api/members", tags=["data"], summary="Allies on a date (= burden members --json)")
    def api_members(as_of: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None):
        from ..members import members

        return api(("members", as_of), lambda: [{k: r.get(k) for k in MEMBER_COLUMNS} for r in members(as_of)])

    @app.get("/api/data", tags=["data"], summary="One indicator, a row per ally and year (= burden show --json)")
    def api_data(indicator: Annotated[str, Query(max_length=60)] = "pct_gdp", edition: Edition = None,
                 year: Years = None, ally: Allies = None,
                 prices: Annotated[str | None, Query(max_length=40)] = None, aggregates: bool = False,
                 format: Literal["json", "csv"] = "json"):
        key = ("data", indicator, edition, year, ally, prices, aggregates)
        if format == "csv":
            rows = data_rows(indicator, edition, year, ally, prices, aggregates)
            name = f"burden-{indicator}-{rows[0]['edition'] if rows else 'none'}.csv"
            return PlainTextResponse(to_csv(rows, SHOW_COLUMNS), media_type="text/csv; charset=utf-8",
                                     headers={"Content-Disposition": f'attachment; filename="{name}"'})
        return api(key, lambda: data_rows(indicator, edition, year, ally, prices, aggregates))

    @app.get("/api/diff", tags=["data"], summary="What NATO revised between two editions (= burden diff --json)")
    def api_diff(a: Annotated[str, Query(max_length=40, description="older edition")],
                 b: Annotated[str, Query(max_length=40, description="newer edition")],
                 indicator: Annotated[str, Query(max_length=60)] = "pct_gdp", ally: Allies = None, year: Years = None,
                 all: bool = False):
        return api(("diff", a, b, indicator, ally, year, all), lambda: diff_rows(a, b, indicator, ally, year, all))

    @app.get("/api/ally/{ally}", tags=["data"], summary="One ally: key series and revisions of one edition")
    def api_ally(ally: Annotated[str, PathParam(max_length=60)], edition: Edition = None):
        return api(("ally", ally, edition), lambda: ally_profile(ally, edition))

    @app.get("/api/status", tags=["compliance"], summary="Who meets a target (= burden status --json)")
    def api_status(edition: Edition = None, year: Year = None, target: Target = "2", rounded: bool = False,
                   ally: Allies = None):
        from ..compliance import status_report

        return api(("status", edition, year, target, rounded, ally),
                   lambda: status_report(edition=edition, year=year, target=target, rounded=rounded, allies=ally))

    @app.get("/api/gap", tags=["compliance"], summary="Gap to a target in points and money (= burden gap --json)")
    def api_gap(edition: Edition = None, year: Year = None, target: Target = "3.5",
                cumulative_to: Annotated[int | None, Query(ge=2000, le=2100)] = None, ally: Allies = None):
        from ..compliance import gap_report

        return api(("gap", edition, year, target, cumulative_to, ally),
                   lambda: gap_report(edition=edition, year=year, target=target, cumulative_to=cumulative_to,
                                      allies=ally))

    @app.get("/api/path", tags=["compliance"], summary="A credible path to a target (= burden path --json)")
    def api_path(target: Target = "hague-core", edition: Edition = None,
                 base_year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
                 growth: Annotated[float | None, Query(ge=-20, le=20, description="real GDP growth, % a year")] = None,
                 ally: Allies = None):
        from ..compliance import path_report

        return api(("path", target, edition, base_year, growth, ally),
                   lambda: path_report(target=target, edition=edition, base_year=base_year, growth=growth,
                                       allies=ally))

    @app.get("/api/fairness", tags=["fairness"], summary="Fair-share metrics (= burden fairness --json)")
    def api_fairness(edition: Edition = None, year: Year = None,
                     metric: Annotated[str | None, Query(max_length=60)] = None, ally: Allies = None,
                     controls: Annotated[str | None, Query(max_length=200, description=(
                         "controls for the partial rank correlation, comma-separated (default gdp_per_capita)"))] = None,
                     proxies: Annotated[str | None, Query(max_length=200, description=(
                         "benefit proxies for concordance, comma-separated (default gdp,population)"))] = None,
                     effort: Annotated[float | None, Query(gt=0, le=100, description=(
                         "uniform % of GDP for equal effort (default: the alliance burden)"))] = None):
        from ..fairness import fairness_report

        return api(("fairness", edition, year, metric, ally, controls, proxies, effort),
                   lambda: fairness_report(edition=edition, year=year, metric=metric, allies=ally,
                                           controls=controls, proxies=proxies, effort=effort))

    @app.get("/api/project", tags=["projections"], summary="Projection to a deadline (= burden project --json)")
    def api_project(edition: Edition = None, target: Target = "hague-core",
                    deadline: Annotated[int, Query(ge=2025, le=2060)] = 2035,
                    growth: Annotated[float | None, Query(ge=-20, le=20, description="real GDP growth, % a year")] = None,
                    paths: Annotated[int, Query(ge=100, le=20000)] = 2000,
                    seed: Annotated[int | None, Query(ge=0, le=2**31)] = 0,
                    scenario: Annotated[str | None, Query(max_length=60)] = None, ally: Allies = None,
                    format: Literal["json", "csv"] = "json"):
        if format == "csv":  # the rows only, as `burden project --csv` prints them
            report = project_result(edition, target, deadline, growth, paths, seed, scenario, ally)
            name = f"burden-projection-{report['edition']}-{deadline}.csv"
            return PlainTextResponse(to_csv(report["rows"]), media_type="text/csv; charset=utf-8",
                                     headers={"Content-Disposition": f'attachment; filename="{name}"'})
        return api(("project", edition, target, deadline, growth, paths, seed, scenario, ally),
                   lambda: project_result(edition, target, deadline, growth, paths, seed, scenario, ally))

    @app.post("/api/check", tags=["claims"], summary="Check the claims of a text (= burden check --json)")
    def api_check(payload: Annotated[CheckRequest, Body()]):
        return api(("check", payload.text, payload.date), lambda: check_result(payload.text, payload.date))

    @app.get("/api/chart/{kind}", tags=["charts"], summary="A chart as a Vega-Lite spec (= burden chart KIND --out x.html)")
    def api_chart(kind: Annotated[str, PathParam(max_length=40)], edition: Edition = None, year: Year = None,
                  ally: Allies = None, indicator: Annotated[str, Query(max_length=60)] = "pct_gdp",
                  target: Target = "hague-core", deadline: Annotated[int, Query(ge=2025, le=2060)] = 2035,
                  growth: Annotated[float | None, Query(ge=-20, le=20)] = None):
        from ..charts import chart_spec

        options = {"edition": edition, "year": year, "ally": ally, "indicator": indicator, "target": target,
                   "deadline": deadline, "growth": growth}
        return api(("chart", kind, *options.values()), lambda: chart_spec(kind, **options))


class CheckRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=100_000, description="The article or sentences to check")
    date: str | None = Field(None, max_length=10, description="Publication date YYYY-MM-DD (default: today)")


# ---------------------------------------------------------------- data functions behind pages and API

def editions_rows() -> list[dict[str, Any]]:
    from ..dataset import default_edition, edition_records

    default = default_edition()
    return [{**r, "default": r["edition"] == default} for r in edition_records()]


def data_rows(indicator="pct_gdp", edition=None, year=None, ally=None, prices=None, aggregates=False):
    from ..dataset import select_records

    return [{k: r.get(k) for k in SHOW_COLUMNS} for r in select_records(indicator, edition, year, ally, prices,
                                                                        aggregates)]


def diff_rows(a: str, b: str, indicator="pct_gdp", ally=None, year=None, all_rows=False):
    from ..dataset import diff

    df = diff(a, b, indicator, ally, year)
    if not all_rows:
        df = df[~df["status"].isin(["unchanged", "rounding"])]
    return records_of(df)


PROFILE_INDICATORS = ("def_exp_pct_gdp", "equipment_pct", "def_exp_usd_mn", "def_exp_real_change_pct")


def ally_profile(ally: str, edition: str | None = None) -> dict[str, Any]:
    """One ally in one edition: its key series (estimates marked), its accession date and what the
    edition revised since the previous full one."""
    from ..dataset import resolve_edition, select_records
    from ..members import ally_name, resolve_ally, roster
    from ..overview import _previous_full_edition

    code, edition = resolve_ally(ally), resolve_edition(edition)
    series = {}
    for ind in PROFILE_INDICATORS:
        rows = select_records(ind, edition, allies=code)
        series[ind] = [{k: r[k] for k in ("year", "value", "estimate", "unit", "price_basis")} for r in rows]
    member = next((r for r in roster() if r["iso3"] == code), {})
    previous = _previous_full_edition(edition)
    revisions = diff_rows(previous, edition, "pct_gdp", code) if previous else []
    return {"iso3": code, "name": ally_name(code), "edition": edition,
            "accession_date": member.get("accession_date"), "series": series,
            "previous_edition": previous, "revisions": revisions,
            "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition}"}


def project_result(edition=None, target="hague-core", deadline=2035, growth=None, paths=2000, seed=0,
                   scenario=None, ally=None) -> dict[str, Any]:
    from ..projections import project_report

    return project_report(edition=edition, target=target, deadline=deadline, growth=growth, paths=paths, seed=seed,
                          scenario=scenario, allies=ally)


def check_result(text: str, date: str | None = None) -> dict[str, Any]:
    from ..claims import check_text

    return check_text(text, date=date)


# ---------------------------------------------------------------- helpers for templates

def annotate(text: str, claims: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any] | None]]:
    """The text cut into (segment, claim or None), claims located by their character span."""
    spans = []
    for i, claim in enumerate(claims):
        span = claim.get("span")
        if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
            spans.append((span[0], span[1], {**claim, "n": i + 1}))
    out, pos = [], 0
    for start, end, claim in sorted(spans, key=lambda s: s[0]):
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or out of range: listed below the text, not highlighted
        out.append((text[pos:start], None))
        out.append((text[start:end], claim))
        pos = end
    out.append((text[pos:], None))
    return out


# ---------------------------------------------------------------- pages

NAV = [("/", "Overview"), ("/ally", "Allies"), ("/compliance", "Compliance"), ("/fairness", "Fairness"),
       ("/projections", "Projections"), ("/check", "Claim checker"), ("/data", "Data"), ("/editions", "Editions")]


@functools.cache
def _allies_for_select() -> list[tuple[str, str]]:
    from ..members import roster

    return sorted(((r["iso3"], r["name_en"]) for r in roster()), key=lambda p: p[1])


def page_globals() -> dict[str, Any]:
    from ..dataset import default_edition, edition_records

    return {"nav": NAV, "editions": [r["edition"] for r in reversed(edition_records())],
            "full_editions": [r["edition"] for r in reversed(edition_records()) if r.get("kind") == "full"],
            "default_edition": default_edition(), "allies": _allies_for_select()}


def _chart_url(kind: str, **params: Any) -> str:
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"/api/chart/{kind}" + (f"?{query}" if query else "")


def _add_pages(app: FastAPI, templates: Jinja2Templates) -> None:
    def render(request: Request, name: str, page: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {**page_globals(), "page": page, "chart_url": _chart_url,
                                                          **context})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, edition: Edition = None, year: Year = None):
        from ..overview import overview

        result = overview(edition, year)
        return render(request, "overview.html", "/", result=result, edition=result["edition"])

    @app.get("/ally", include_in_schema=False)
    def ally_index(request: Request, ally: Allies = None, edition: Edition = None):
        if ally:
            from ..members import resolve_ally

            query = f"?edition={edition}" if edition else ""
            return RedirectResponse(f"/ally/{resolve_ally(ally)}{query}", status_code=303)
        return render(request, "ally_index.html", "/ally")

    @app.get("/ally/{ally}", response_class=HTMLResponse, include_in_schema=False)
    def ally_page(request: Request, ally: Annotated[str, PathParam(max_length=60)], edition: Edition = None):
        profile = ally_profile(ally, edition)
        return render(request, "ally.html", "/ally", profile=profile, edition=profile["edition"])

    @app.get("/compliance", response_class=HTMLResponse, include_in_schema=False)
    def compliance_page(request: Request, edition: Edition = None, year: Year = None, target: Target = "2"):
        from ..dataset import resolve_edition

        edition = resolve_edition(edition)

        def status():
            from ..compliance import status_report

            return status_report(edition=edition, year=year, target=target)

        result, problem = attempt(status)
        gap = None
        if result:
            from ..compliance import gap_report

            gap, _ = attempt(lambda: gap_report(edition=edition, year=year, target=target))  # money: a bonus
        return render(request, "compliance.html", "/compliance", result=result, gap=gap, problem=problem,
                      edition=edition, year=year, target=target)

    @app.get("/fairness", response_class=HTMLResponse, include_in_schema=False)
    def fairness_page(request: Request, edition: Edition = None, year: Year = None):
        from ..dataset import resolve_edition

        edition = resolve_edition(edition)

        def fairness():
            from ..fairness import fairness_report

            return fairness_report(edition=edition, year=year)

        result, problem = attempt(fairness)
        return render(request, "fairness.html", "/fairness", result=result, problem=problem, edition=edition,
                      year=year)

    @app.get("/projections", response_class=HTMLResponse, include_in_schema=False)
    def projections_page(request: Request, edition: Edition = None, target: Target = "hague-core",
                         deadline: Annotated[int, Query(ge=2025, le=2060)] = 2035,
                         growth: Annotated[float | None, Query(ge=-20, le=20)] = None, ally: Allies = None):
        from ..dataset import resolve_edition

        edition = resolve_edition(edition)
        result, problem = attempt(lambda: project_result(edition, target, deadline, growth, 2000, 0, None, ally))
        from urllib.parse import urlencode

        query = urlencode({k: v for k, v in {"edition": edition, "target": target, "deadline": deadline,
                                              "growth": growth, "ally": ally}.items() if v not in (None, "")})
        return render(request, "projections.html", "/projections", result=result, problem=problem,
                      edition=edition, target=target, deadline=deadline, growth=growth, ally=ally or "",
                      query=query)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_form(request: Request):
        return render(request, "check.html", "/check", result=None, problem=None, text="", date="")

    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_page(request: Request):
        form = await request.form()
        text, date = str(form.get("text", "")).strip(), str(form.get("date", "")).strip() or None
        if not text:
            raise BurdenError("paste the text to check into the box", code="empty-text")
        result, problem = attempt(lambda: check_result(text, date))
        return render(request, "check.html", "/check", result=result, problem=problem, text=text, date=date or "")

    @app.get("/data", response_class=HTMLResponse, include_in_schema=False)
    def data_page(request: Request, indicator: Annotated[str, Query(max_length=60)] = "pct_gdp",
                  edition: Edition = None, year: Years = None, ally: Allies = None):
        from urllib.parse import urlencode

        from ..dataset import INDICATORS, resolve_edition

        edition = resolve_edition(edition)
        rows = data_rows(indicator, edition, year, ally)
        query = urlencode({k: v for k, v in {"indicator": indicator, "edition": edition, "year": year,
                                              "ally": ally}.items() if v})
        return render(request, "data.html", "/data", rows=rows, indicator=indicator, edition=edition,
                      year=year or "", ally=ally or "", query=query, indicators=[i.name for i in INDICATORS])

    @app.get("/editions", response_class=HTMLResponse, include_in_schema=False)
    def editions_page(request: Request, a: Edition = None, b: Edition = None, ally: Allies = None):
        full = [r for r in editions_rows() if r.get("kind") == "full"]
        a = a or full[-2]["edition"]
        b = b or full[-1]["edition"]
        revisions = diff_rows(a, b, "pct_gdp", ally)
        return render(request, "editions.html", "/editions", rows=editions_rows(), a=a, b=b, revisions=revisions,
                      ally=ally or "Poland")


app = create_app()
