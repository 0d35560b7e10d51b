"""The overview of one edition: allies ranked, who meets 2% / 3.5%, the US share, what changed
(= `burden overview --json`, `/api/overview`, the home page and the report's first section)."""

from __future__ import annotations

from typing import Any

from . import validate


def overview(edition: str | None = None, year: int | str | None = None) -> dict[str, Any]:
    from ..overview import overview as build

    return build(validate.edition(edition), validate.year(year))
