"""What the web routers share: typed query parameters, the JSON answer (cached per data version) and
the page renderer. Routers (`api.py`, `pages.py`, and any task's own) import from here."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from ..render import to_json

JSON_TYPE = "application/json; charset=utf-8"

# Query parameters shared by endpoints: types and length guards only. Bounds and formats are the
# service layer's (burden.validators), checked once there for the CLI, the API and the pages alike.
Edition = Annotated[
    str | None, Query(max_length=40, description="Edition label, e.g. 2024-06 (default: latest full)")
]
Year = Annotated[int | None, Query(description="Year, e.g. 2024")]
Years = Annotated[str | None, Query(max_length=200, description="Year, range (2014-2024) or comma list")]
Allies = Annotated[str | None, Query(max_length=400, description="Ally names or ISO3 codes, comma-separated")]
Target = Annotated[
    str, Query(max_length=60, description="Target spec: 2, 3.5, 5@2030, equipment, hague-core ...")
]
Growth = Annotated[float | None, Query(description="Real GDP growth, % a year (bounds: burden.validators)")]


class DataQuery:
    """The query of `burden show` as the data page and /api/data both take it."""

    def __init__(
        self,
        indicator: Annotated[str, Query(max_length=60)] = "pct_gdp",
        edition: Edition = None,
        year: Years = None,
        ally: Allies = None,
    ):
        self.indicator, self.edition, self.year, self.ally = indicator, edition, year, ally


class ProjectionQuery:
    """The query of `burden project` as the projections page and /api/project both take it."""

    def __init__(
        self,
        edition: Edition = None,
        target: Target = "hague-core",
        deadline: Year = 2035,
        growth: Growth = None,
        ally: Allies = None,
    ):
        self.edition, self.target, self.deadline, self.growth, self.ally = (
            edition,
            target,
            deadline,
            growth,
            ally,
        )


NAV = [
    ("/", "Overview"),
    ("/ally", "Allies"),
    ("/compliance", "Compliance"),
    ("/fairness", "Fairness"),
    ("/responsibility", "Responsibility"),
    ("/projections", "Projections"),
    ("/check", "Claim checker"),
    ("/data", "Data"),
    ("/editions", "Editions"),
]


class ResultCache:
    """Encoded JSON per (endpoint, query), bounded, keyed on `data_version()`: an import in any process
    changes the version, so the next request computes afresh."""

    def __init__(self, size: int = 512):
        self.size = size
        self.store: OrderedDict[tuple, bytes] = OrderedDict()

    def get(self, key: tuple, compute: Callable[[], Any]) -> bytes:
        from ..dataset import data_version

        key = (data_version(), *key)
        hit = self.store.get(key)
        if hit is not None:
            self.store.move_to_end(key)
            return hit
        body = to_json(compute()).encode("utf-8")
        self.store[key] = body
        if len(self.store) > self.size:
            self.store.popitem(last=False)
        return body


def json_answer(request: Request, key: tuple, compute: Callable[[], Any]) -> Response:
    """The service result as JSON, exactly as `burden ... --json` prints it."""
    return Response(request.app.state.cache.get(key, compute), media_type=JSON_TYPE)


def query_string(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def chart_url(kind: str, **params: Any) -> str:
    query = query_string(**params)
    return f"/api/chart/{kind}" + (f"?{query}" if query else "")


def page_globals() -> dict[str, Any]:
    from ..members import roster
    from ..service.editions import editions

    rows = editions()
    return {
        "nav": NAV,
        "editions": [r["edition"] for r in reversed(rows)],
        "full_editions": [r["edition"] for r in reversed(rows) if r.get("kind") == "full"],
        "default_edition": next((r["edition"] for r in rows if r["default"]), None),
        "allies": sorted(((r["iso3"], r["name_en"]) for r in roster()), key=lambda p: p[1]),
        "chart_url": chart_url,
    }


def render(request: Request, name: str, page: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, name, {**page_globals(), "page": page, **context}, status_code=status_code
    )
