"""The validators every service function uses on its parameters, once, before any work starts.

The rules (bounds, formats, messages) live in `burden.validators` and are shared with the library;
this module adds the ones that need the data (editions, allies, indicators)."""

from __future__ import annotations

from typing import Any

from ..validators import (  # noqa: F401  (re-exported: the one set of rules)
    GROWTH_MAX_PCT,
    GROWTH_MIN_PCT,
    MAX_TEXT_CHARS,
    date,
    growth_rate,
    growth_spec,
    text,
    year,
)


def edition(value: str | None) -> str:
    """The edition label, the default (latest full) edition for None/"latest"; unknown -> close matches."""
    from ..dataset import resolve_edition

    return resolve_edition(value or None)


def years(value: Any) -> str | None:
    """A year, range (2014-2024) or comma list, checked; returned as text (the library parses it)."""
    from ..dataset import parse_years

    if value is None or value == "":
        return None
    text_value = str(value)
    parse_years(text_value)
    return text_value


def allies(value: str | None) -> str | None:
    """Ally names or ISO3 codes, comma-separated, checked (unknown -> close matches); returned as given."""
    from ..members import resolve_allies

    if value is None or not str(value).strip():
        return None
    resolve_allies(value)
    return str(value)


def ally(value: str) -> str:
    from ..members import resolve_ally

    return resolve_ally(value)


def indicator(value: str) -> str:
    from ..dataset import resolve_indicator

    return resolve_indicator(value)
