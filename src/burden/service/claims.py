"""Claims: check the claims about NATO spending in a text against the figures current on its date
(= `burden check --json`, `POST /api/check`, the claim form)."""

from __future__ import annotations

from typing import Any

from . import validate


def check(text: str, date: str | None = None, empty_ok: bool = False) -> dict[str, Any]:
    """Claims, verdicts and evidence for one text. Oversized text, a malformed date and (unless
    `empty_ok`: a file or pipe may be empty) empty text are user errors, raised before any checking."""
    from ..claims import check_text

    return check_text(validate.text(text, empty_ok=empty_ok), validate.date(date))
