"""NATO workbook importer: the real 2024 workbook reproduces the shipped 2024-06 edition exactly; the
project's own fixture reproduces each layout feature; imports are atomic and reported."""

from __future__ import annotations

import json

import pytest

import burden
from burden.dataset import fact_records
from burden.importers import import_nato, parse_nato_workbook
from burden.importers.nato_workbook import STAR_NOTE
from conftest import FIXTURES

VALID = FIXTURES / "nato" / "valid_minimal.xlsx"
KEY_FIELDS = ("iso3", "year", "indicator", "price_basis")
COMPARED = ("value", "unit", "estimate", "country", "notes")


def _keyed(records):
    return {tuple(r[k] for k in KEY_FIELDS): r for r in records}


def test_real_2024_workbook_reproduces_every_shipped_2024_06_value_exactly(shared_dir):
    parsed = parse_nato_workbook(shared_dir / "reference" / "raw" / "nato-def-exp-2024-TABLES-en.xlsx", "2024-06")
    assert parsed.violations == []
    new, shipped = _keyed(parsed.records), _keyed(fact_records(editions=["2024-06"]))
    assert len(parsed.records) == len(new) == len(shipped) == 5346
    assert new.keys() == shipped.keys()
    mismatches = [(k, f, shipped[k][f], new[k][f]) for k in shipped for f in COMPARED if shipped[k][f] != new[k][f]]
    assert mismatches == []


def test_real_2024_workbook_imports_over_the_shipped_edition_with_nothing_changed(shared_dir):
    result = import_nato(shared_dir / "reference" / "raw" / "nato-def-exp-2024-TABLES-en.xlsx", "2024-06")
    assert result["replaces"] == {"origin": "shipped", "unchanged": 5346, "changed": 0, "added": 0, "removed": 0}
    row = burden.select("pct_gdp", edition="2024-06", years=2024, allies="POL").iloc[0]
    assert round(row["value"], 2) == 4.12 and row["source_type"] == "user_import"
    assert burden.edition_as_of("2024-06-17") == "2024-06"  # the shipped release day is kept


@pytest.fixture(scope="module")
def fixture_parsed():
    return parse_nato_workbook(VALID, "2030-01")


def _one(parsed, iso3, year, indicator, price=""):
    rows = [r for r in parsed.records if (r["iso3"], r["year"], r["indicator"]) == (iso3, year, indicator)
            and price in r["price_basis"]]
    assert len(rows) == 1, rows
    return rows[0]


def test_fixture_parses_without_violations_and_skips_cover_and_table_4(fixture_parsed):
    assert fixture_parsed.violations == []
    assert {t["table"] for t in fixture_parsed.tables} == {"1", "2", "3", "5", "7", "8a"}
    assert any("Table 4" in s for s in fixture_parsed.skipped) and any("Cover" in s for s in fixture_parsed.skipped)


def test_tables_found_by_title_even_two_on_one_sheet(fixture_parsed):
    sheets = {t["table"]: t["sheet"] for t in fixture_parsed.tables}
    assert sheets["2"] == sheets["3"] == "Tables 2-3"


def test_year_headers_as_number_text_and_e_suffix(fixture_parsed):
    flags = {r["year"]: r["estimate"] for r in fixture_parsed.records if r["iso3"] == "POL"}
    assert flags == {2022: False, 2023: False, 2024: True}


def test_price_basis_is_read_from_block_titles_and_unit_line(fixture_parsed):
    assert _one(fixture_parsed, "POL", 2024, "def_exp_pct_gdp")["price_basis"] == "share of real GDP, based on 2015 prices"
    assert _one(fixture_parsed, "POL", 2024, "def_exp_real_change_pct")["price_basis"] == "based on 2015 prices"
    assert _one(fixture_parsed, "POL", 2024, "def_exp_nac_mn", "constant")["price_basis"] == "constant 2015 prices"
    assert _one(fixture_parsed, "POL", 2024, "gdp_usd_mn", "current")["price_basis"] == "current prices and exchange rates"
    assert _one(fixture_parsed, "POL", 2024, "military_personnel_thousand")["price_basis"] == ""


def test_labels_map_to_iso3_with_star_note_and_currency_unit(fixture_parsed):
    row = _one(fixture_parsed, "POL", 2023, "def_exp_nac_mn", "current")
    assert row["country"] == "Poland" and row["notes"] == STAR_NOTE
    assert row["unit"] == "million national currency (Zlotys)"
    assert _one(fixture_parsed, "SVK", 2023, "equipment_pct")["country"] == "Slovak Republic"
    assert _one(fixture_parsed, "TUR", 2023, "equipment_pct")["notes"] == ""


def test_aggregate_rows_and_offset_table_7_are_read(fixture_parsed):
    codes = {r["iso3"] for r in fixture_parsed.records if r["indicator"] == "military_personnel_thousand"}
    assert {"NATO_TOTAL", "NATO_EUR_CAN"} <= codes
    assert _one(fixture_parsed, "ISL", 2024, "gdp_usd_mn", "constant")["value"] == 20200.0


def test_every_record_points_at_its_cell(fixture_parsed):
    row = _one(fixture_parsed, "POL", 2024, "def_exp_pct_gdp")
    assert row["where"]["sheet"] == "Tables 2-3" and row["where"]["column"] == "F" and row["where"]["row"] > 80


def test_unlabelled_ref_and_zero_rows_carry_no_fact(fixture_parsed):
    assert all(r["iso3"] for r in fixture_parsed.records)
    assert len([r for r in fixture_parsed.records if r["indicator"] == "equipment_pct"]) == 31 * 3


def test_import_adds_an_edition_that_the_api_and_cli_read(cli_json, isolated_data_dir):
    result = import_nato(VALID, "2030-01")
    assert result["written_to"] == str(isolated_data_dir / "editions" / "2030-01")
    assert result["revisions"]["against"] == "2026-07"
    rows = cli_json("show", "pct_gdp", "--edition", "2030-01", "--year", "2024")
    assert len(rows) == 31 and all(r["estimate"] for r in rows)
    meta = json.loads((isolated_data_dir / "editions" / "2030-01" / "edition.json").read_text())
    assert meta["kind"] == "full" and meta["release_day"] == "2030-01-31" and meta["estimate_years"] == "2024"
    assert sorted(p.name for p in isolated_data_dir.iterdir()) == [".lock", "editions"]  # no staging leftovers


def test_imported_edition_is_used_when_named_and_the_shipped_default_stays(isolated_data_dir, monkeypatch):
    import burden

    import_nato(VALID, "2030-01")
    assert burden.default_edition() == "2026-07"
    assert burden.edition_as_of("2030-02-01") == "2030-01"
    monkeypatch.setenv("BURDEN_EDITION", "2030-01")
    assert burden.default_edition() == "2030-01"


def test_dry_run_writes_nothing(isolated_data_dir):
    result = import_nato(VALID, "2030-01", dry_run=True)
    assert result["written_to"] is None and list(isolated_data_dir.iterdir()) == []


def test_cli_import_prints_what_was_found_and_what_changed(cli):
    code, out, err = cli("import", "nato", str(VALID), "--edition", "2030-01")
    assert code == 0, err
    assert "imported edition 2030-01" in out and "Tables 2-3: Table 3" in out and "% of GDP vs 2026-07" in out


def test_reimport_replaces_atomically_and_reports_no_change(cli, isolated_data_dir):
    assert cli("import", "nato", str(VALID), "--edition", "2030-01")[0] == 0
    code, out, _ = cli("import", "nato", str(VALID), "--edition", "2030-01", "--json")
    assert code == 0
    rep = json.loads(out)["replaces"]
    assert rep["origin"] == "imported" and rep["changed"] == rep["added"] == rep["removed"] == 0


def test_a_failure_while_writing_leaves_the_previous_edition_untouched(isolated_data_dir, monkeypatch):
    import burden.importers as importers
    from test_import_malformed import snapshot

    import_nato(VALID, "2030-01")
    before = snapshot(isolated_data_dir)

    def broken_write(path, fields, rows):
        path.write_text("half a file")
        raise OSError("disk full")

    monkeypatch.setattr(importers, "_write_csv", broken_write)
    with pytest.raises(OSError, match="disk full"):
        import_nato(VALID, "2030-01")
    assert snapshot(isolated_data_dir) == before


def test_invalid_edition_label_is_a_one_line_error(cli):
    code, _, err = cli("import", "nato", str(VALID), "--edition", "2030-1")
    assert code == 2 and err.startswith("error: invalid edition label '2030-1'") and err.count("\n") == 1
