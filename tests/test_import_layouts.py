"""NATO changed its workbook between editions; the importer recognises each layout. The fixtures are the
pack's own values of the edition published in each layout (tests/fixtures/make_import_fixtures.py)."""

from __future__ import annotations

import math

import pytest

from burden.dataset import fact_records
from burden.errors import ValidationError
from burden.importers import import_nato, parse_nato_workbook
from burden.importers.nato_workbook import SPECS, layouts
from conftest import FIXTURES

TABLE_INDICATORS = {b.indicator for spec in SPECS.values() for b in (*spec.blocks, spec.implicit) if b}


def _key(r):
    return r["iso3"], r["year"], r["indicator"], r["price_basis"]


@pytest.mark.parametrize(("layout", "edition", "price_year"), [
    ("2024-tables", "2024-06", 2015), ("2025", "2025-08", 2021), ("2026-core", "2026-07", 2021)])
def test_each_layout_is_recognised_and_gives_back_the_edition_it_was_made_from(layout, edition, price_year):
    parsed = parse_nato_workbook(FIXTURES / "nato" / f"layout_{layout.replace('-', '_')}.xlsx", edition)
    assert parsed.violations == [] and parsed.layout == layout
    new = {_key(r): r for r in parsed.records}
    shipped = {_key(r): r for r in fact_records(editions=[edition]) if r["indicator"] in TABLE_INDICATORS}
    assert new.keys() == shipped.keys() and len(new) == len(parsed.records)
    for k, r in shipped.items():
        assert math.isclose(new[k]["value"], r["value"], rel_tol=1e-12), k
        assert (new[k]["unit"], new[k]["estimate"]) == (r["unit"], r["estimate"]), k
    bases = {r["price_basis"] for r in parsed.records if "prices" in r["price_basis"] and "current" not in r["price_basis"]}
    assert bases and all(f"{price_year} prices" in b for b in bases)


def test_the_2026_layout_has_no_iceland_row_and_the_2024_one_has_iceland_gdp():
    p26 = parse_nato_workbook(FIXTURES / "nato" / "layout_2026_core.xlsx", "2026-07")
    p24 = parse_nato_workbook(FIXTURES / "nato" / "layout_2024_tables.xlsx", "2024-06")
    assert "ISL" not in {r["iso3"] for r in p26.records}
    assert {r["indicator"] for r in p24.records if r["iso3"] == "ISL"} == {"gdp_usd_mn", "gdp_per_capita_usd_thousand"}


def test_a_renamed_sheet_in_the_2026_layout_is_one_line_naming_the_sheet_and_its_heading():
    with pytest.raises(ValidationError) as err:
        import_nato(FIXTURES / "nato" / "layout_2026_renamed_sheet.xlsx", "2026-07")
    message = str(err.value)
    assert "\n" not in message and err.value.code == "invalid-data"
    assert "sheet Share of GDP" in message and "Core defence expenditure as a share of GDP" in message
    assert all(lay["id"] in message for lay in layouts())


def test_import_reports_the_layout(isolated_data_dir):
    result = import_nato(FIXTURES / "nato" / "layout_2025.xlsx", "2025-08", dry_run=True)
    assert result["layout"] == "2025" and result["written_to"] is None
