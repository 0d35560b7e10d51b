"""The shipped data package: checksums, schemas, keys, and provenance (every value equals its reference row)."""

from __future__ import annotations

import csv
import hashlib
import json

import pytest

from burden.paths import SHIPPED_DATA_DIR
from burden.validate import ValidationReport, check_foreign_keys, check_resource

PACKAGE = json.loads((SHIPPED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}


def _rows(name):
    with (SHIPPED_DATA_DIR / RESOURCES[name]["path"]).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_resource_bytes_and_sha256_match_the_datapackage(name):
    data = (SHIPPED_DATA_DIR / RESOURCES[name]["path"]).read_bytes()
    assert len(data) == RESOURCES[name]["bytes"]
    assert f"sha256:{hashlib.sha256(data).hexdigest()}" == RESOURCES[name]["hash"]


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_resource_matches_its_schema_types_and_primary_key(name):
    report = ValidationReport(name)
    check_resource(SHIPPED_DATA_DIR, RESOURCES[name], report, {})
    assert report.ok, report.to_text()
    assert len(_rows(name)) == RESOURCES[name]["rows"]


def test_foreign_keys_resolve():
    report, tables = ValidationReport("fk"), {}
    for resource in PACKAGE["resources"]:
        check_resource(SHIPPED_DATA_DIR, resource, report, tables)
    check_foreign_keys(PACKAGE, report, tables)
    assert report.ok and report.checks["foreign-key"] > 0


def test_facts_primary_key_is_unique_and_editions_and_allies_are_known():
    facts = _rows("facts")
    key = RESOURCES["facts"]["schema"]["primaryKey"]
    assert len({tuple(r[k] for k in key) for r in facts}) == len(facts)
    editions = {r["edition"] for r in _rows("editions")}
    codes = {r["iso3"] for r in _rows("members")} | {"NATO_TOTAL", "NATO_EUR_CAN", "NATO_EUROPE"}
    assert {r["edition"] for r in facts} <= editions
    assert {r["iso3"] for r in facts} <= codes


def test_package_lists_every_edition_with_release_dates():
    listed = {e["edition"]: e for e in PACKAGE["editions"]}
    assert set(listed) == {r["edition"] for r in _rows("editions")}
    assert all(e["release_day"] for e in listed.values())


def test_every_shipped_fact_equals_the_reference_row_it_came_from(shared_dir):
    with (shared_dir / "reference" / "nato" / "defence_expenditure.csv").open(newline="", encoding="utf-8") as fh:
        reference = list(csv.DictReader(fh))
    sources = {r["source_id"]: r for r in _rows("sources")}
    notes = {r["note_id"]: r["notes"] for r in _rows("notes")}
    facts = _rows("facts")
    assert len(facts) == len(reference)
    for fact in facts:
        ref = reference[int(fact["ref_line"]) - 2]  # line 1 is the header
        for field in ("iso3", "country", "year", "edition", "indicator", "value", "unit", "price_basis"):
            assert fact[field] == ref[field], (fact["ref_line"], field)
        assert fact["estimate"] == ("true" if ref["estimate"] == "e" else "false")
        assert sources[fact["source_id"]]["source"] == ref["source"]
        assert sources[fact["source_id"]]["source_type"] == ref["source_type"]
        assert notes.get(fact["note_id"], "") == ref["notes"]


def test_every_shipped_sipri_value_equals_its_reference_row(shared_dir):
    with (shared_dir / "reference" / "nato" / "sipri_milex.csv").open(newline="", encoding="utf-8") as fh:
        reference = list(csv.DictReader(fh))
    for row in _rows("sipri"):
        ref = reference[int(row["ref_line"]) - 2]
        assert {k: row[k] for k in ref} == ref, row["ref_line"]


def test_every_edition_keeps_the_reference_release_date_and_its_day(shared_dir):
    """Release dates are the pack's (exact days where known); a month-only date counts from the month's last day."""
    import datetime as dt

    with (shared_dir / "reference" / "nato" / "editions.csv").open(newline="", encoding="utf-8") as fh:
        reference = {r["edition"]: r for r in csv.DictReader(fh)}
    shipped = {r["edition"]: r for r in _rows("editions")}
    assert set(shipped) == set(reference)
    facts_editions = {r["edition"] for r in _rows("facts")}
    assert facts_editions <= set(shipped)
    for edition, ref in reference.items():
        row = shipped[edition]
        assert row["release_date"] == ref["release_date"], edition
        day = dt.date.fromisoformat(row["release_day"])
        if len(ref["release_date"]) == 10:
            assert row["release_day"] == ref["release_date"], edition
        else:  # YYYY-MM: the last day of that month
            assert row["release_day"].startswith(ref["release_date"])
            assert (day + dt.timedelta(days=1)).day == 1, edition
