"""The local web app: pages and a JSON API under /api/, both over the service layer the CLI uses.

Every /api/ endpoint returns exactly what the matching `burden ... --json` prints (through
`render.to_json`), cached per query and per `data_version()`, so an import in another process shows
on the next request. Errors share one JSON shape: {"ok": false, "error": {"code", "message", "status"}}.
No JavaScript comes from a CDN: Vega/Vega-Lite/Vega-Embed are bundled by vl-convert and served here.

Routes live in routers (`api.py`, `pages.py`); a new task adds its own `APIRouter` module and one
entry in the router list of `create_app`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BurdenError, UnknownValueError
from ..limits import MAX_BODY_BYTES
from ..optional import MissingExtra, missing_extra
from ..presentation import STATIC_DIR, annotate, environment  # noqa: F401  (annotate: kept importable here)
from . import api, pages, responsibility
from .common import ResultCache, page_globals


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


def create_app() -> FastAPI:
    from .. import __version__
    from ..charts import javascript_bundle

    app = FastAPI(
        title="burden",
        version=__version__,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        description="NATO defence burden-sharing: the JSON twin of every page; each endpoint returns "
        "what the matching `burden ... --json` command prints.",
    )
    templates = Jinja2Templates(env=environment())
    app.state.templates = templates
    app.state.cache = ResultCache()

    def error_response(request: Request, code: str, message: str, status: int) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(error_body(code, message, status), status_code=status)
        return templates.TemplateResponse(
            request,
            "error.html",
            {**page_globals(), "page": "error", "code": code, "message": message, "status": status},
            status_code=status,
        )

    @app.middleware("http")
    async def bounded_body(request: Request, call_next):
        """Refuse a request body above MAX_BODY_BYTES (burden.limits) before reading it."""
        length = request.headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return error_response(request, "invalid-request", "invalid Content-Length header", 400)
            if int(length) > MAX_BODY_BYTES:
                return error_response(
                    request,
                    "limit-exceeded",
                    f"request body of {int(length):,} bytes is beyond the limit of {MAX_BODY_BYTES:,} bytes",
                    413,
                )
        return await call_next(request)

    @app.exception_handler(BurdenError)
    async def burden_error(request: Request, exc: BurdenError):
        return error_response(request, exc.code, str(exc), _status_of(exc))

    @app.exception_handler(ImportError)
    async def import_error(request: Request, exc: ImportError):  # only a missing optional extra is an answer
        missing = missing_extra(exc)
        if missing is None:
            raise exc
        return error_response(request, missing.code, str(missing), 501)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error_response(request, "invalid-parameter", _validation_message(exc), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = "not-found" if exc.status_code == 404 else "http-error"
        message = (
            "no such page or endpoint (see /api/openapi.json)" if exc.status_code == 404 else str(exc.detail)
        )
        return error_response(request, code, message, exc.status_code)

    @app.get("/static/vendor/vega-bundle.js", include_in_schema=False)
    def vega_bundle() -> Response:  # registered before the static mount, so it wins
        return Response(
            javascript_bundle(),
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    # a task's routes: an APIRouter in its own module, listed here (responsibility: /api/ukraine,
    # /api/common-funding, /api/responsibility, /responsibility). Registered flat (FastAPI 0.16x keeps an
    # included router as one lazy entry), so app.routes lists every route for the schema and the sweeps.
    for router in (api.router, pages.router, responsibility.router):
        app.router.routes.extend(router.routes)
    return app


app = create_app()
