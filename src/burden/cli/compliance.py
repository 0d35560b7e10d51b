"""Commands registered on the shared app (see app.py)."""

from __future__ import annotations

from .app import app  # noqa: F401
