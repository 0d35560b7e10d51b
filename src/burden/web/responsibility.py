"""Responsibility-sharing routes: /api/ukraine, /api/common-funding, /api/responsibility (+ /chart) and the
/responsibility page. Each API returns exactly what `burden ukraine|common-funding|responsibility --json`
prints (burden.service.responsibility, cached on data_version); errors go through the app's handlers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from ..errors import attempt
from ..render import to_json
from .common import render

JSON_TYPE = "application/json; charset=utf-8"
Release = Annotated[str | None, Query(max_length=20, description="Kiel release, e.g. 29 (default: latest with a cut-off)")]
Edition = Annotated[str | None, Query(max_length=40, description="NATO edition, e.g. 2026-07 (default: latest full)")]
Year = Annotated[int | None, Query(ge=1949, le=2100, description="Year, e.g. 2025")]

router = APIRouter()


def _json(data: Any) -> Response:
    return Response(to_json(data), media_type=JSON_TYPE)


@router.get("/api/ukraine", summary="Aid to Ukraine by donor in one Kiel release (= burden ukraine --json)")
def api_ukraine(release: Release = None):
    from ..service.responsibility import ukraine

    return _json(ukraine(release))


@router.get("/api/common-funding", summary="NATO common-funding shares and budgets (= burden common-funding --json)")
def api_common_funding(year: Year = None):
    from ..service.responsibility import common_funding

    return _json(common_funding(year))


@router.get("/api/responsibility",
            summary="Core defence, aid per year, common funding, Hague 5% (= burden responsibility --json)")
def api_responsibility(edition: Edition = None, year: Year = None, release: Release = None):
    from ..service.responsibility import responsibility

    return _json(responsibility(edition, year, release))


class PlansRequest(BaseModel):
    edition: str | None = Field(None, max_length=40, description="NATO edition (default: latest full)")
    year: int | None = Field(None, ge=1949, le=2100)
    release: str | None = Field(None, max_length=20, description="Kiel release (default: latest with a cut-off)")
    plans: str = Field(..., min_length=1, max_length=200_000,
                       description="National plans: CSV (ally,year,related_pct_gdp[,source]) or TOML ([[plan]] tables)")
    format: str = Field("csv", pattern="^(csv|toml)$")


@router.post("/api/responsibility",
             summary="The same table with the user's national plans (= burden responsibility --plans FILE --json)")
def api_responsibility_with_plans(payload: Annotated[PlansRequest, Body()]):
    from ..service.responsibility import responsibility

    return _json(responsibility(payload.edition, payload.year, payload.release, plans_text=payload.plans,
                                plans_format=payload.format))


@router.get("/api/responsibility/chart", summary="Vega-Lite spec of the stacked responsibility chart")
def api_responsibility_chart(edition: Edition = None, year: Year = None, release: Release = None):
    from ..charts_responsibility import responsibility_chart
    from ..service.responsibility import responsibility

    return _json(responsibility_chart(responsibility(edition, year, release)).to_dict())


def _page(request: Request, edition: str | None, year: int | None, release: str | None,
          plans_text: str | None = None, plans_format: str = "csv") -> HTMLResponse:
    from urllib.parse import urlencode

    from ..service import validate
    from ..service.responsibility import responsibility

    edition = validate.edition(edition)
    result, problem = attempt(lambda: responsibility(edition, year, release, plans_text=plans_text,
                                                     plans_format=plans_format))
    query = urlencode({k: v for k, v in {"edition": edition, "year": year, "release": release}.items() if v})
    return render(request, "responsibility.html", "/responsibility", status_code=400 if problem and plans_text else 200,
                  edition=edition, result=result, problem=problem, query=query, plans_text=plans_text or "",
                  plans_format=plans_format)


@router.get("/responsibility", response_class=HTMLResponse, include_in_schema=False)
def responsibility_page(request: Request, edition: Edition = None, year: Year = None, release: Release = None):
    return _page(request, edition, year, release)


@router.post("/responsibility", response_class=HTMLResponse, include_in_schema=False)
async def responsibility_with_plans(request: Request, edition: Edition = None, year: Year = None,
                                    release: Release = None):
    """The page with the national plans pasted into its form (the related 1.5%, user-supplied)."""
    form = await request.form()
    text = str(form.get("plans", "")).strip()
    fmt = str(form.get("format", "csv"))
    if not text:
        from ..errors import BurdenError

        raise BurdenError("paste a national plans file (CSV or TOML) into the box", code="empty-plans")
    if len(text) > 200_000:
        from ..errors import BurdenError

        raise BurdenError("the plans text is too long (at most 200,000 characters)", code="invalid-plans")
    return _page(request, edition, year, release, text + "\n", fmt if fmt in ("csv", "toml") else "csv")
