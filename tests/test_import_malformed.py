"""Malformed workbooks are rejected with one line naming file, sheet, row/column and the problem (exit 2),
and the user's data directory is byte-identical afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES

# fixture -> (words the error must contain, whether it must name sheet + row)
NATO_CASES = {
    "not_an_xlsx": ("not an .xlsx workbook", False),
    "empty": ("file is empty", False),
    "truncated": ("truncated or damaged", False),
    "zip_not_a_workbook": ("not a readable .xlsx workbook", False),
    "missing_table3_sheet": ("Table 3", False),
    "table_title_missing": ("sheet TABLE5: no table title", False),
    "wrong_table_title": ("does not match", True),
    "header_row_shifted": ("header row shifted", True),
    "year_header_missing": ("no year header row", True),
    "year_header_unparsable": ("'2O23' is not a year", True),
    "estimate_not_latest": ("not flagged as an estimate", True),
    "text_in_numeric_cell": ("'4,12' is not a number", True),
    "duplicate_ally_year": ("duplicate fact POL 2022", True),
    "unknown_country_label": ("unknown country label 'Atlantis'", True),
    "unknown_block_title": ("unrecognised block title 'Nominal values'", True),
    "negative_pct_gdp": ("-2.5, outside [0, 100]", True),
    "pct_gdp_above_100": ("150.0, outside [0, 100]", True),
    "aggregates_inconsistent": ("NATO_TOTAL gdp_usd_mn 2023", True),
    "pct_gdp_not_spending_over_gdp": ("spending / GDP", True),
    "missing_currency": ("names no currency", True),
    "layout_2026_renamed_sheet": ("sheet Share of GDP: cannot place the table headed", False),
}
VALID_NATO_LAYOUTS = {"layout_2024_tables", "layout_2025", "layout_2026_core"}  # tests/test_import_layouts.py
SIPRI_CASES = {
    "not_an_xlsx": ("not an .xlsx workbook", False),
    "empty": ("file is empty", False),
    "truncated": ("truncated or damaged", False),
    "zip_not_a_workbook": ("not a readable .xlsx workbook", False),
    "missing_sheet": ("no sheet named like 'Current US$'", False),
    "missing_ally_row": ("no row for POL", False),
    "duplicate_country": ("'Poland' appears twice", True),
    "text_in_numeric_cell": ("'n/a?' is not a number", True),
    "year_header_unparsable": ("'FY91' is not a year", True),
    "pct_gdp_above_100": ("above 100", True),
    "negative_value": ("is negative", True),
}


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and directory (None) under root."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


@pytest.fixture(scope="module")
def populated_template(tmp_path_factory) -> Path:
    """A data directory holding a previous NATO import and a SIPRI import (built once per module)."""
    from burden.importers import import_nato, import_sipri

    root = tmp_path_factory.mktemp("populated")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BURDEN_DATA_DIR", str(root))
        import_nato(FIXTURES / "nato" / "valid_minimal.xlsx", "2030-01")
        import_sipri(FIXTURES / "sipri" / "valid_minimal.xlsx")
    return root


@pytest.fixture
def populated_data_dir(populated_template, isolated_data_dir):
    shutil.copytree(populated_template, isolated_data_dir, dirs_exist_ok=True)
    assert snapshot(isolated_data_dir) == snapshot(populated_template)
    return isolated_data_dir


def _check_rejected(cli, data_dir, args, fixture, words, located):
    before = snapshot(data_dir)
    code, out, err = cli(*args)
    assert code == 2, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {fixture.name}")
    assert words in err
    if located:
        assert ", sheet " in err and ", row " in err
    assert snapshot(data_dir) == before


def test_at_least_fifteen_malformed_fixtures_exist():
    assert len(NATO_CASES) + len(SIPRI_CASES) >= 15
    assert {p.stem for p in (FIXTURES / "nato").glob("*.xlsx")} - {"valid_minimal", *VALID_NATO_LAYOUTS} == set(NATO_CASES)
    assert {p.stem for p in (FIXTURES / "sipri").glob("*.xlsx")} - {"valid_minimal"} == set(SIPRI_CASES)


@pytest.mark.parametrize("name", sorted(NATO_CASES))
def test_malformed_nato_workbook_is_rejected_and_data_dir_unchanged(cli, populated_data_dir, name):
    fixture = FIXTURES / "nato" / f"{name}.xlsx"
    words, located = NATO_CASES[name]
    _check_rejected(cli, populated_data_dir, ("import", "nato", str(fixture), "--edition", "2030-01"),
                    fixture, words, located)


@pytest.mark.parametrize("name", sorted(SIPRI_CASES))
def test_malformed_sipri_workbook_is_rejected_and_data_dir_unchanged(cli, populated_data_dir, name):
    fixture = FIXTURES / "sipri" / f"{name}.xlsx"
    words, located = SIPRI_CASES[name]
    _check_rejected(cli, populated_data_dir, ("import", "sipri", str(fixture)), fixture, words, located)


def test_failed_import_into_an_empty_data_dir_creates_nothing(cli, isolated_data_dir):
    code, _, _ = cli("import", "nato", str(FIXTURES / "nato" / "text_in_numeric_cell.xlsx"), "--edition", "2030-01")
    assert code == 2 and list(isolated_data_dir.iterdir()) == []


def test_missing_file_is_a_one_line_error(cli, tmp_path):
    code, _, err = cli("import", "sipri", str(tmp_path / "nope.xlsx"))
    assert code == 2 and "nope.xlsx: file not found" in err
