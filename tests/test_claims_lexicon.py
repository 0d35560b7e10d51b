"""The lexicon files are data: each row has exactly its file's columns, and every pattern compiles."""

from __future__ import annotations

import re

import pytest

from burden.claims.lexicon import FOLDER, rows

FILES = sorted(p.stem for p in (FOLDER / "en").glob("*.csv"))


@pytest.mark.parametrize("name", FILES)
def test_every_row_has_exactly_the_header_columns(name):
    found = rows(name)
    assert found and all(None not in row and all(v is not None for v in row.values()) for row in found), name


@pytest.mark.parametrize("name", [n for n in FILES if "pattern" in rows(n)[0]])
def test_every_pattern_compiles(name):
    for row in rows(name):
        re.compile(row["pattern"].replace("ORD", "first"))


def test_a_new_rank_phrasing_is_one_row():
    assert any("only to" in row["pattern"] for row in rows("rank"))  # "second only to Poland"
