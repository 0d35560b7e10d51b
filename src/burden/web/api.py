"""The JSON API: one endpoint per service function, each answering exactly what the matching
`burden ... --json` prints (the same service call, encoded by `render.to_json`)."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field

from ..coverage import partial_notes
from ..limits import MAX_PATH_YEARS, MAX_PATHS, MAX_TEXT_CHARS
from ..render import to_csv
from ..service import ally as ally_service
from ..service import claims, compliance, data, editions, fairness, overview, projections
from .common import Allies, DataQuery, Edition, Growth, ProjectionQuery, Target, Year, Years, json_answer

router = APIRouter(prefix="/api")
PARTIAL_HEADER = "X-Burden-Partial-Edition"  # /api/data: the partial-edition notes `burden show` prints to stderr


def _csv(text: str, name: str) -> PlainTextResponse:
    return PlainTextResponse(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/overview", tags=["data"], summary="The edition at a glance (= burden overview --json)")
def api_overview(request: Request, edition: Edition = None, year: Year = None):
    return json_answer(request, ("overview", edition, year), lambda: overview.overview(edition, year))


@router.get("/editions", tags=["data"], summary="Every edition held (= burden editions --json)")
def api_editions(request: Request):
    return json_answer(request, ("editions",), editions.editions)


@router.get("/indicators", tags=["data"], summary="Indicators (= burden indicators --json)")
def api_indicators(request: Request):
    return json_answer(request, ("indicators",), data.indicators)


@router.get("/members", tags=["data"], summary="Allies on a date (= burden members --json)")
def api_members(
    request: Request, as_of: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None
):
    return json_answer(request, ("members", as_of), lambda: data.members(as_of))


@router.get("/data", tags=["data"], summary="One indicator, a row per ally and year (= burden show --json)")
def api_data(
    request: Request,
    q: Annotated[DataQuery, Depends()],
    prices: Annotated[str | None, Query(max_length=40)] = None,
    aggregates: bool = False,
    format: Literal["json", "csv"] = "json",
):
    def rows():
        return data.show(q.indicator, q.edition, q.year, q.ally, prices, aggregates)

    key = ("data", q.indicator, q.edition, q.year, q.ally, prices, aggregates)
    if format == "csv":
        found = rows()
        edition = found[0]["edition"] if found else "none"
        response: Response = _csv(to_csv(found, data.SHOW_COLUMNS), f"burden-{q.indicator}-{edition}.csv")
    else:
        response = json_answer(request, key, rows)
    # the body stays exactly `burden show --json`; what the CLI writes to stderr goes in a header
    notes = json.loads(request.app.state.cache.get(("data-notes", *key), lambda: partial_notes(rows())))
    if notes:
        response.headers[PARTIAL_HEADER] = " | ".join(notes)
    return response


@router.get("/diff", tags=["data"], summary="What NATO revised between two editions (= burden diff --json)")
def api_diff(
    request: Request,
    a: Annotated[str, Query(max_length=40, description="older edition")],
    b: Annotated[str, Query(max_length=40, description="newer edition")],
    indicator: Annotated[str, Query(max_length=60)] = "pct_gdp",
    ally: Allies = None,
    year: Years = None,
    all: bool = False,
):
    return json_answer(
        request,
        ("diff", a, b, indicator, ally, year, all),
        lambda: data.diff(a, b, indicator, ally, year, all),
    )


@router.get("/ally/{ally}", tags=["data"], summary="One ally: key series and revisions of one edition")
def api_ally(request: Request, ally: Annotated[str, PathParam(max_length=60)], edition: Edition = None):
    return json_answer(request, ("ally", ally, edition), lambda: ally_service.ally_profile(ally, edition))


@router.get("/status", tags=["compliance"], summary="Who meets a target (= burden status --json)")
def api_status(
    request: Request,
    edition: Edition = None,
    year: Year = None,
    target: Target = "2",
    rounded: bool = False,
    ally: Allies = None,
):
    return json_answer(
        request,
        ("status", edition, year, target, rounded, ally),
        lambda: compliance.status(edition, year, target, rounded, ally),
    )


@router.get("/gap", tags=["compliance"], summary="Gap to a target in points and money (= burden gap --json)")
def api_gap(
    request: Request,
    edition: Edition = None,
    year: Year = None,
    target: Target = "3.5",
    cumulative_to: Year = None,
    ally: Allies = None,
):
    return json_answer(
        request,
        ("gap", edition, year, target, cumulative_to, ally),
        lambda: compliance.gap(edition, year, target, cumulative_to, ally),
    )


@router.get("/path", tags=["compliance"], summary="A credible path to a target (= burden path --json)")
def api_path(
    request: Request,
    target: Target = "hague-core",
    edition: Edition = None,
    base_year: Year = None,
    growth: Growth = None,
    ally: Allies = None,
):
    return json_answer(
        request,
        ("path", target, edition, base_year, growth, ally),
        lambda: compliance.path(target, edition, base_year, growth, ally),
    )


@router.get("/fairness", tags=["fairness"], summary="Fair-share metrics (= burden fairness --json)")
def api_fairness(
    request: Request,
    edition: Edition = None,
    year: Year = None,
    metric: Annotated[str | None, Query(max_length=60)] = None,
    ally: Allies = None,
    controls: Annotated[
        str | None,
        Query(
            max_length=200,
            description=(
                "controls for the partial rank correlation, comma-separated (default gdp_per_capita)"
            ),
        ),
    ] = None,
    proxies: Annotated[
        str | None,
        Query(
            max_length=200,
            description=("benefit proxies for concordance, comma-separated (default gdp,population)"),
        ),
    ] = None,
    effort: Annotated[
        float | None,
        Query(
            description=(
                "uniform % of GDP for equal effort, above 0 and at most 100 (default: the alliance burden)"
            )
        ),
    ] = None,
):
    return json_answer(
        request,
        ("fairness", edition, year, metric, ally, controls, proxies, effort),
        lambda: fairness.fairness(edition, year, metric, ally, controls, proxies, effort),
    )


@router.get("/project", tags=["projections"], summary="Projection to a deadline (= burden project --json)")
def api_project(
    request: Request,
    q: Annotated[ProjectionQuery, Depends()],
    paths: Annotated[
        int,
        Query(
            ge=100,
            le=MAX_PATHS,
            description=f"Monte Carlo paths; paths x projected years at most {MAX_PATH_YEARS:,}",
        ),
    ] = 2000,
    seed: Annotated[int | None, Query(ge=0, le=2**31)] = 0,
    scenario: Annotated[str | None, Query(max_length=60)] = None,
    format: Literal["json", "csv"] = "json",
):
    def report():
        return projections.project(q.edition, q.target, q.deadline, q.growth, paths, seed, scenario, q.ally)

    if format == "csv":  # the rows only, as `burden project --csv` prints them
        result = report()
        return _csv(to_csv(result["rows"]), f"burden-projection-{result['edition']}-{q.deadline}.csv")
    key = ("project", q.edition, q.target, q.deadline, q.growth, paths, seed, scenario, q.ally)
    return json_answer(request, key, report)


class CheckRequest(BaseModel):
    text: str = Field(
        ..., min_length=1, max_length=MAX_TEXT_CHARS, description="The article or sentences to check"
    )
    date: str | None = Field(None, max_length=10, description="Publication date YYYY-MM-DD (default: today)")


@router.post("/check", tags=["claims"], summary="Check the claims of a text (= burden check --json)")
def api_check(request: Request, payload: Annotated[CheckRequest, Body()]):
    key = hashlib.sha256(payload.text.encode("utf-8", "surrogatepass")).hexdigest()  # not 2 MB texts as keys
    return json_answer(
        request, ("check", key, payload.date), lambda: claims.check(payload.text, payload.date)
    )


@router.get(
    "/chart/{kind}", tags=["charts"], summary="A chart as a Vega-Lite spec (= burden chart KIND --out x.html)"
)
def api_chart(
    request: Request,
    kind: Annotated[str, PathParam(max_length=40)],
    edition: Edition = None,
    year: Year = None,
    ally: Allies = None,
    indicator: Annotated[str, Query(max_length=60)] = "pct_gdp",
    target: Target = "hague-core",
    deadline: Year = 2035,
    growth: Annotated[float | None, Query(description="Nominal GDP growth, % a year (fan)")] = None,
):
    from ..charts import chart_spec

    options = {
        "edition": edition,
        "year": year,
        "ally": ally,
        "indicator": indicator,
        "target": target,
        "deadline": deadline,
        "growth": growth,
    }
    return json_answer(request, ("chart", kind, *options.values()), lambda: chart_spec(kind, **options))
