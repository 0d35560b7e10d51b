"""SIPRI milex importer: the real workbook reproduces the shipped SIPRI rows; the fixture reproduces each
layout feature (sheet per measure, region rows, colour flags, '...'/'xxx' missing, fraction x 100)."""

from __future__ import annotations

import csv

import pytest

import burden
from burden.importers import import_sipri, parse_sipri_workbook
from burden.members import reporting_allies
from burden.paths import SHIPPED_DATA_DIR
from burden.validate import rounding_tolerance
from conftest import FIXTURES

VALID = FIXTURES / "sipri" / "valid_minimal.xlsx"


def test_real_sipri_workbook_reproduces_every_shipped_value(shared_dir):
    parsed = parse_sipri_workbook(shared_dir / "reference" / "raw" / "SIPRI-Milex-data-1949-2024_2.xlsx")
    assert parsed.violations == []
    new = {(r["iso3"], r["year"], r["indicator"]): r for r in parsed.rows}
    with (SHIPPED_DATA_DIR / "sipri.csv").open(newline="", encoding="utf-8") as fh:
        shipped = {(r["iso3"], int(r["year"]), r["indicator"]): r for r in csv.DictReader(fh)}
    assert new.keys() == shipped.keys()
    # the pack stores SIPRI's values rounded; equal = within half a unit of the pack's last printed digit
    bad = [k for k, r in shipped.items()
           if abs(new[k]["value"] - float(r["value"])) > rounding_tolerance(float(r["value"])) * (1 + 1e-9)
           or new[k]["flag"] != r["flag"] or new[k]["sipri_name"] != r["sipri_name"]
           or (r["indicator"] == "milex_pct_gdp" and new[k]["sipri_notes"] != r["sipri_notes"])]
    assert bad == []


@pytest.fixture(scope="module")
def parsed():
    return parse_sipri_workbook(VALID)


def _value(parsed, iso3, year, indicator="milex_pct_gdp"):
    return next((r for r in parsed.rows if (r["iso3"], r["year"], r["indicator"]) == (iso3, year, indicator)), None)


def test_fixture_sheets_become_three_indicators_with_constant_year_from_sheet_name(parsed):
    assert parsed.violations == []
    assert [s["indicator"] for s in parsed.sheets] == ["milex_pct_gdp", "milex_usd_current_mn", "milex_usd_constant2023_mn"]


def test_share_of_gdp_fraction_is_multiplied_by_100(parsed):
    row = _value(parsed, "POL", 1990)
    assert row["unit"] == "% of GDP" and 1 < row["value"] < 10 and "multiplied by 100" in row["notes"]


def test_blue_is_estimate_red_is_uncertain(parsed):
    assert _value(parsed, "BGR", 1990)["flag"] == "e"
    assert _value(parsed, "ROU", 1991)["flag"] == "u"
    assert _value(parsed, "POL", 1990)["flag"] == ""


def test_dots_and_xxx_are_missing_not_zero(parsed):
    assert _value(parsed, "ISL", 1990) is None
    assert _value(parsed, "MNE", 1990) is None and _value(parsed, "MNE", 1993) is not None


def test_non_allies_and_region_rows_are_left_out(parsed):
    assert {r["iso3"] for r in parsed.rows} == set(reporting_allies())
    assert _value(parsed, "ALB", 1990)["sipri_notes"] == "§1"


def test_import_replaces_the_sipri_history_read_by_the_api(isolated_data_dir):
    result = import_sipri(VALID)
    assert result["replaces"]["origin"] == "shipped" and result["values"] == 363
    df = burden.sipri("milex_pct_gdp", allies="POL")
    assert sorted(df["year"]) == [1990, 1991, 1992, 1993]
    assert (isolated_data_dir / "sipri" / "sipri.csv").is_file()
    assert [p.name for p in (isolated_data_dir / "sipri").iterdir()] == ["sipri.csv"]  # no temp file left


def test_cli_sipri_import_reports_sheets_and_flags(cli):
    code, out, err = cli("import", "sipri", str(VALID), "--dry-run")
    assert code == 0, err
    assert "would import SIPRI history" in out and "3 SIPRI estimates" in out and "Constant (2023) US$" in out
