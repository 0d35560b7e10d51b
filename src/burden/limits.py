"""Bounds on work: the largest input each size parameter accepts, one set for the CLI, the API and the
Python library (docs/data.md, "Limits").

Each limit is checked by the function that does the work (the one CLI and API both call), before the
work starts, and a value beyond it raises a `LimitError` (a `BurdenError`: one line, exit code 2 in the
CLI, HTTP 400 in the API, 413 for an oversized request body). The numbers keep every single command
well under a minute on a 2-core laptop; they are not statements about the data.
"""

from __future__ import annotations

import os

from .errors import BurdenError

# Projections (burden project, /api/project, the fan chart)
MAX_PATHS = 500_000  # Monte Carlo paths; 100,000 take about 9 s, 500,000 about 15-20 s to 2035
MAX_PATH_YEARS = 5_000_000  # paths x projected years: 500,000 paths to 2035, or 62,500 paths to 2100
MAX_DEADLINE = 2100  # last projection year (growth assumptions do not reach further)

# Years given as text ("2014-2024", "1990,2000"): each year must lie in this range
MIN_YEAR, MAX_YEAR = 1900, 2100

# Claim checker (burden check, POST /check, POST /api/check)
MAX_TEXT_CHARS = 2_000_000  # characters in one text (about 300,000 words; checked in a few seconds)
MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS  # a text file to check (UTF-8: up to 4 bytes a character)
MAX_BATCH_ITEMS = 10_000  # texts in one JSONL batch or files in one directory
MAX_BATCH_BYTES = 50_000_000  # size of one JSONL batch file

# SQL (burden sql)
MAX_SQL_ROWS = 100_000  # rows in a result (the facts table has about 20,000)
MAX_SQL_SECONDS = 30  # a query still running then is stopped

# Other files read whole: scenario TOML, --data CSV, report --article, imported workbooks
MAX_SMALL_FILE_BYTES = 10_000_000
MAX_WORKBOOK_BYTES = 200_000_000

# burden archive check: local Dask worker processes
MAX_WORKERS = 2 * (os.cpu_count() or 1)

# Web app
MAX_BODY_BYTES = 10_000_000  # a form post or API request body (a text at the limit, percent-encoded)


class LimitError(BurdenError):
    """A size parameter beyond its documented limit (see burden.limits)."""

    code = "limit-exceeded"


def check_at_most(what: str, value: int | float, limit: int | float, hint: str = "") -> None:
    """Raise LimitError naming `what`, the value and the limit when value > limit."""
    if value > limit:
        shown = f"{value:,}" if isinstance(value, int) else f"{value:g}"
        raise LimitError(f"{what} {shown} is beyond the limit of {limit:,}{'; ' + hint if hint else ''}")


def check_text_length(text: str) -> None:
    """The claim checker's guard: one text of at most MAX_TEXT_CHARS characters."""
    if isinstance(text, str) and len(text) > MAX_TEXT_CHARS:
        check_at_most("text length (characters)", len(text), MAX_TEXT_CHARS,
                      "split the text into parts (e.g. one article or chapter each)")


def check_paths(paths: int, years: int | None = None) -> None:
    """Monte Carlo paths, alone and times the projected years."""
    check_at_most("Monte Carlo paths", paths, MAX_PATHS, "use fewer --paths")
    if years and paths * years > MAX_PATH_YEARS:
        raise LimitError(f"{paths:,} Monte Carlo paths over {years} years ({paths * years:,} path-years) is beyond "
                         f"the limit of {MAX_PATH_YEARS:,} path-years; use at most {MAX_PATH_YEARS // years:,} "
                         "paths, or an earlier deadline")


def check_input_file(path, limit: int, what: str = "file") -> None:
    """A file to read whole: refuse it before reading when it is not a regular file (a device such as
    /dev/zero never ends) or larger than `limit` bytes. A missing file is left to the reader's own message."""
    import stat
    from pathlib import Path

    path = Path(path)
    try:
        info = path.stat()
    except (OSError, ValueError):
        return
    if stat.S_ISDIR(info.st_mode):
        raise BurdenError(f"{path} is a directory: give a {what}", code="invalid-input")
    if not stat.S_ISREG(info.st_mode):
        raise BurdenError(f"{path} is not a regular file: give a {what}", code="invalid-input")
    check_at_most(f"{what} {path}: size (bytes)", info.st_size, limit)
