"""Opening workbooks safely: every failure becomes a Violation naming the file, never a traceback."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..limits import MAX_WORKBOOK_BYTES, check_input_file
from ..validate import Violation


def column_letter(index: int) -> str:
    """0-based column index -> Excel letter (0 -> A, 27 -> AB)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _fail(path: Path, message: str, code: str = "unreadable-file") -> ValidationError:
    return ValidationError([Violation(code, message, file=path.name)])


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """An openpyxl workbook in read-only mode; unreadable files raise ValidationError."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise _fail(path, "file not found", "missing-file")
    check_input_file(path, MAX_WORKBOOK_BYTES, ".xlsx workbook")
    if path.stat().st_size == 0:
        raise _fail(path, "file is empty (0 bytes); expected an .xlsx workbook")
    if not zipfile.is_zipfile(path):
        with path.open("rb") as fh:
            if fh.read(2) == b"PK":
                raise _fail(path, "truncated or damaged .xlsx workbook (its ZIP directory is missing)")
        raise _fail(path, "not an .xlsx workbook (not a ZIP container; an old .xls or CSV file?)")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, EOFError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise _fail(path, f"not a readable .xlsx workbook ({type(exc).__name__}: {first}); truncated or damaged?") from None
    try:
        yield wb
    finally:
        wb.close()


def read_rows(ws, path: Path, values_only: bool = True) -> list[tuple]:
    """All rows of a read-only sheet from A1 (row i of the list = sheet row i + 1), as values or cells;
    damaged sheet XML raises ValidationError."""
    try:
        return [tuple(row) for row in ws.iter_rows(min_row=1, min_col=1, values_only=values_only)]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, SyntaxError) as exc:
        raise ValidationError([Violation("unreadable-file", f"cannot read the sheet ({type(exc).__name__}); "
                                         "truncated or damaged workbook?", file=path.name, sheet=ws.title)]) from None
