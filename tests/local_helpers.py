"""Helpers several test modules share: a free port on 127.0.0.1 and an offline page that may load only files."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def offline_file_page(browser: Any, path: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    """`path` opened in a new offline browser context that may load file:// URLs only.

    Yields (page, blocked, errors): the URLs it tried to fetch elsewhere and the console/page errors."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    blocked: list[str] = []
    errors: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    pg = context.new_page()
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(path.as_uri())
    try:
        yield pg, blocked, errors
    finally:
        context.close()
