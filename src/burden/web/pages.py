"""The HTML pages: each calls the service function its JSON twin calls and renders it for people
(templates and filters from `burden.presentation`). A section that cannot be computed for the chosen
edition says why in place; a bad form value is shown next to the form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import BurdenError, attempt
from ..limits import MAX_BODY_BYTES
from ..service import ally as ally_service
from ..service import claims, compliance, data, editions, fairness, overview, projections, validate
from .common import Allies, DataQuery, Edition, ProjectionQuery, Target, Year, query_string, render

router = APIRouter(include_in_schema=False)
PAGE_PATHS = 2000  # Monte Carlo paths of the projection page (seed 0: the page is reproducible)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, edition: Edition = None, year: Year = None):
    result = overview.overview(edition, year)
    return render(request, "overview.html", "/", result=result, edition=result["edition"])


@router.get("/ally")
def ally_index(request: Request, ally: Allies = None, edition: Edition = None):
    if ally:
        query = f"?edition={edition}" if edition else ""
        return RedirectResponse(f"/ally/{validate.ally(ally)}{query}", status_code=303)
    return render(request, "ally_index.html", "/ally")


@router.get("/ally/{name}", response_class=HTMLResponse)
def ally_page(request: Request, name: Annotated[str, PathParam(max_length=60)], edition: Edition = None):
    profile = ally_service.ally_profile(name, edition)
    return render(request, "ally.html", "/ally", profile=profile, edition=profile["edition"])


@router.get("/compliance", response_class=HTMLResponse)
def compliance_page(request: Request, edition: Edition = None, year: Year = None, target: Target = "2"):
    edition = validate.edition(edition)
    pair, problem = attempt(lambda: compliance.status_with_gap(edition, year, target))
    result, gap = pair if pair else (None, None)
    return render(
        request,
        "compliance.html",
        "/compliance",
        result=result,
        gap=gap,
        problem=problem,
        edition=edition,
        year=year,
        target=target,
    )


@router.get("/fairness", response_class=HTMLResponse)
def fairness_page(request: Request, edition: Edition = None, year: Year = None):
    edition = validate.edition(edition)
    result, problem = attempt(lambda: fairness.fairness(edition, year))
    return render(
        request, "fairness.html", "/fairness", result=result, problem=problem, edition=edition, year=year
    )


@router.get("/projections", response_class=HTMLResponse)
def projections_page(request: Request, q: Annotated[ProjectionQuery, Depends()]):
    edition = validate.edition(q.edition)
    result, problem = attempt(
        lambda: projections.project(edition, q.target, q.deadline, q.growth, PAGE_PATHS, 0, None, q.ally)
    )
    query = query_string(edition=edition, target=q.target, deadline=q.deadline, growth=q.growth, ally=q.ally)
    return render(
        request,
        "projections.html",
        "/projections",
        result=result,
        problem=problem,
        edition=edition,
        target=q.target,
        deadline=q.deadline,
        growth=q.growth,
        ally=q.ally or "",
        query=query,
    )


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request):
    return render(request, "check.html", "/check", result=None, problem=None, text="", date="")


@router.post("/check", response_class=HTMLResponse)
async def check_page(request: Request):
    """The claim form: verdicts (200), or the reason a field is wrong next to the form (422)."""
    form = await request.form(max_part_size=MAX_BODY_BYTES)  # the text limit decides, not 1 MB
    text, date = str(form.get("text", "")), str(form.get("date", "")).strip()
    try:
        result = claims.check(text, date or None)
    except BurdenError as exc:
        return render(
            request,
            "check.html",
            "/check",
            status_code=422,
            result=None,
            problem=str(exc),
            problem_code=exc.code,
            text=text,
            date=date,
        )
    return render(request, "check.html", "/check", result=result, problem=None, text=text, date=date)


@router.get("/data", response_class=HTMLResponse)
def data_page(request: Request, q: Annotated[DataQuery, Depends()]):
    from ..coverage import partial_notes
    from ..dataset import INDICATORS

    edition = validate.edition(q.edition)
    rows = data.show(q.indicator, edition, q.year, q.ally)
    return render(
        request,
        "data.html",
        "/data",
        rows=rows,
        partial=partial_notes(rows),
        indicator=q.indicator,
        edition=edition,
        year=q.year or "",
        ally=q.ally or "",
        query=query_string(indicator=q.indicator, edition=edition, year=q.year, ally=q.ally),
        indicators=[i.name for i in INDICATORS],
        columns=data.SHOW_COLUMNS,
    )


@router.get("/editions", response_class=HTMLResponse)
def editions_page(request: Request, a: Edition = None, b: Edition = None, ally: Allies = None):
    rows = editions.editions()
    full = [r for r in rows if r.get("kind") == "full"]
    a = a or full[-2]["edition"]
    b = b or full[-1]["edition"]
    revisions = data.diff(a, b, "pct_gdp", ally)
    return render(
        request, "editions.html", "/editions", rows=rows, a=a, b=b, revisions=revisions, ally=ally or "Poland"
    )
