"""Errors users see: one line, a stable code, what to do. The CLI turns them into exit code 2."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any


class BurdenError(Exception):
    """A user-facing error. `code` is stable (for JSON output and tests); the message is one line."""

    code = "burden-error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class UnknownValueError(BurdenError):
    """An unknown ally, year, edition, indicator or target; the message names close matches."""

    code = "unknown-value"

    def __init__(self, kind: str, value: object, choices: list[str] | None = None, hint: str = ""):
        self.kind, self.value = kind, value
        message = f"unknown {kind} {value!r}"
        close = difflib.get_close_matches(str(value), choices or [], n=3, cutoff=0.5) if choices else []
        if close:
            message += f"; did you mean {', '.join(repr(c) for c in close)}?"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ValidationError(BurdenError):
    """Data that breaks the schema or a consistency rule. `violations` lists every one found."""

    code = "invalid-data"

    def __init__(self, violations: list, summary: str | None = None):
        self.violations = list(violations)
        first = str(self.violations[0]) if self.violations else "invalid data"
        more = f" (and {len(self.violations) - 1} more)" if len(self.violations) > 1 else ""
        super().__init__(summary or f"{first}{more}")


def close_matches(value: str, choices: list[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(value, choices, n=n, cutoff=0.5)


def attempt(compute: Callable[[], Any]) -> tuple[Any, str | None]:
    """(result, None), or (None, the reason) when a user error or a missing optional module stops it.

    Used where one failing section must not break a whole page or report. Only a module listed in
    `burden.optional.OPTIONAL_MODULES` counts as missing-by-design (the reason names the extra to
    install); any other ImportError is a bug and propagates."""
    try:
        return compute(), None
    except BurdenError as exc:
        return None, str(exc)
    except ImportError as exc:
        from .optional import missing_extra

        missing = missing_extra(exc)
        if missing is None:
            raise
        return None, str(missing)
