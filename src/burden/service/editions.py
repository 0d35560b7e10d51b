"""Editions held and what each holds: `burden editions`, `/api/editions` and the `/editions` page.

`editions()` is the `burden editions --json` output: one record per edition (oldest first) with its
editions.csv metadata, `default`, and its coverage (`coverage_status` full/partial, `coverage` in words,
`indicators`: per indicator, how many of the allies reporting on the release day it holds, which are
missing, and the years) - see `burden.coverage`.
"""

from __future__ import annotations

from typing import Any

# Terminal/CSV columns of `burden editions` (JSON holds every field).
COLUMNS = ["edition", "release_date", "kind", "coverage_status", "coverage", "origin", "default"]


def editions() -> list[dict[str, Any]]:
    from ..coverage import edition_coverage
    from ..dataset import default_edition, edition_records

    default = default_edition()
    cov = {c["edition"]: c for c in edition_coverage()}
    out = []
    for r in edition_records():
        c = cov.get(r["edition"], {})
        out.append(
            {
                **r,
                "default": r["edition"] == default,
                "reporting_allies": c.get("reporting_allies"),
                "coverage_status": c.get("status"),
                "coverage": c.get("summary"),
                "indicators": c.get("indicators", []),
            }
        )
    return out


def coverage(edition: str | None = None) -> dict[str, Any]:
    """Coverage of one edition (`latest` or None: the default edition), as data."""
    from ..coverage import edition_coverage
    from ..dataset import resolve_edition

    label = resolve_edition(edition)
    return next(c for c in edition_coverage() if c["edition"] == label)
