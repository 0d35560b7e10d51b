"""The one set of rules for user-given parameters, shared by the library and the service layer.

Each validator takes what a user typed (a CLI option, a query parameter, a form field or a Python
argument) and returns the clean value, or raises `BurdenError` with one line and a stable code.
`burden.service` calls them once per request; the library calls the same ones, so a rule has one
bound and one message wherever it is checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import BurdenError
from .limits import MAX_TEXT_CHARS, MAX_YEAR, MIN_YEAR, check_text_length

# Real GDP growth, % a year. One bound for every place growth is given (`burden path --growth`,
# `burden project --growth`, the web forms and API): wide enough for any year an economy of the
# alliance is likely to see (the shipped IMF WEO forecasts range from -0.05 to 4.1), narrow enough to
# catch a unit slip such as 150 typed for 1.5 or a fraction typed for a percentage's negative.
GROWTH_MIN_PCT, GROWTH_MAX_PCT = -20.0, 30.0
YEAR_MIN, YEAR_MAX = (
    MIN_YEAR,
    MAX_YEAR,
)  # the size limits live in burden.limits (one set for CLI, API, library)
__all__ = ["MAX_TEXT_CHARS", "date", "growth_rate", "growth_spec", "text", "year"]


def growth_rate(value: Any, where: str = "growth") -> float:
    """A real GDP growth rate in % a year within [GROWTH_MIN_PCT, GROWTH_MAX_PCT]."""
    if isinstance(value, bool):
        raise BurdenError(
            f"invalid {where} {value!r}: give real GDP growth in % a year, e.g. 1.5", code="invalid-growth"
        )
    try:
        rate = float(str(value).strip().rstrip("%")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise BurdenError(
            f"invalid {where} {value!r}: give real GDP growth in % a year, e.g. 1.5 "
            "(or ALLY=RATE, e.g. POL=3)",
            code="invalid-growth",
        ) from None
    if not GROWTH_MIN_PCT <= rate <= GROWTH_MAX_PCT:
        raise BurdenError(
            f"invalid {where} {value!r}: real GDP growth must be between {GROWTH_MIN_PCT:g} and "
            f"{GROWTH_MAX_PCT:g} % a year",
            code="invalid-growth",
        )
    return rate


def growth_spec(value: Any) -> float | dict[str, float] | None:
    """Growth as given: None, one rate (1.5, "1.5") or per-ally rates ("DEU=0.8,FRA=1.1", a dict, or a
    list of such strings); "1.2,POL=3" gives 1.2 to every other ally under the key "*"."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, dict):
        return {str(k): growth_rate(v, f"growth for {k}") for k, v in value.items()}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return growth_rate(value)
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in str(v).split(",")]
    one: float | None = None
    per_ally: dict[str, float] = {}
    for part in (p.strip() for p in parts if p.strip()):
        name, _, rate = part.rpartition("=")
        if name:
            per_ally[name.strip()] = growth_rate(rate, f"growth {part!r}")
        else:
            one = growth_rate(rate, f"growth {part!r}")
    if not per_ally:
        return one
    return {**({"*": one} if one is not None else {}), **per_ally}


def year(value: Any, name: str = "year") -> int | None:
    """A calendar year YEAR_MIN..YEAR_MAX, or None."""
    if value is None or value == "":
        return None
    try:
        out = int(str(value).strip()) if not isinstance(value, int) or isinstance(value, bool) else value
    except ValueError:
        raise BurdenError(f"invalid {name} {value!r}: use a year like 2024", code="invalid-year") from None
    if not YEAR_MIN <= out <= YEAR_MAX:
        raise BurdenError(
            f"invalid {name} {value!r}: use a year between {YEAR_MIN} and {YEAR_MAX}", code="invalid-year"
        )
    return out


def date(value: Any, name: str = "date") -> str | None:
    """A day YYYY-MM-DD (returned in that form), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise BurdenError(
            f"invalid {name} {value!r}: use YYYY-MM-DD, e.g. 2025-03-26", code="invalid-date"
        ) from None


def text(value: Any, what: str = "text", empty_ok: bool = False) -> str:
    """Text to check: at most MAX_TEXT_CHARS characters (burden.limits), and not empty unless `empty_ok` (a file or a
    pipe may be empty and simply hold no claims; a form or an API body must hold text)."""
    out = "" if value is None else str(value)
    if not out.strip() and not empty_ok:
        raise BurdenError(f"the {what} is empty: paste the text to check", code="empty-text")
    check_text_length(out)  # burden.limits.MAX_TEXT_CHARS
    return out
