"""Command-line interface: `burden ...`. Each command parses arguments, calls one library
function and renders the result; heavy imports happen inside the commands that need them."""

from __future__ import annotations

from . import (  # noqa: F401  (registers commands)
    archive,
    check,
    compliance,
    data,
    fairness,
    importing,
    project,
    responsibility,
    update,
    viz,
)
from .app import app


def main() -> None:
    app()
