"""The checker's word lists, one CSV per list and language (lexicon/<language>/<name>.csv).

A new phrasing is usually a new row here; a new language is a new folder with the same files."""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

LANGUAGE = "en"
FOLDER = Path(__file__).resolve().parent


@functools.cache
def rows(name: str, language: str = LANGUAGE) -> tuple[dict[str, str], ...]:
    """The rows of lexicon/<language>/<name>.csv (lines starting with # are comments)."""
    with (FOLDER / language / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(line for line in fh if not line.startswith("#")))


def words(name: str, column: str = "word", language: str = LANGUAGE) -> tuple[str, ...]:
    """One column of a lexicon, in file order."""
    return tuple(row[column] for row in rows(name, language))


def patterns(name: str, key: str, value: str, language: str = LANGUAGE) -> str:
    """The `pattern` cells of a lexicon's rows whose `key` column is `value`, in file order, as one regular-expression
    alternation (a reader's rows of one kind or role)."""
    return "|".join(row["pattern"] for row in rows(name, language) if row[key] == value)


def alternation(name: str, column: str = "word", language: str = LANGUAGE) -> str:
    """The words of a lexicon as a regular-expression alternation, longest first (each word escaped
    unless the lexicon says `pattern` in its column name)."""
    items = sorted(words(name, column, language), key=len, reverse=True)
    return "|".join(items if column == "pattern" else (re.escape(w) for w in items))



