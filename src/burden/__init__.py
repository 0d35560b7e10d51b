"""burden: NATO defence burden-sharing made visible, checkable and plannable.

    import burden
    df = burden.select("pct_gdp", edition="2026-07")

The dataset API is re-exported here; heavier modules (compliance, fairness, projections, claims,
charts) are imported on first use so `import burden` stays fast.
"""

from __future__ import annotations

from .dataset import (
    commitments,
    connect,
    default_edition,
    diff,
    edition_as_of,
    editions,
    indicators,
    load,
    select,
    sipri,
    sql,
)
from .errors import BurdenError, UnknownValueError, ValidationError
from .members import member_count, members, resolve_ally
from .targets import parse_target

__version__ = "0.1.0"

__all__ = [
    "BurdenError", "UnknownValueError", "ValidationError", "commitments", "connect", "default_edition", "diff",
    "edition_as_of", "editions", "indicators", "load", "member_count", "members", "parse_target", "resolve_ally",
    "select", "sipri", "sql",
]
