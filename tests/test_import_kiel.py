"""`burden import kiel`: a Kiel release workbook becomes a release (vintage) in the user's data directory;
malformed workbooks are rejected with one line naming file, sheet, row and column, exit 2, and the data
directory byte-identical afterwards."""

from __future__ import annotations

import sys

import pytest

from conftest import FIXTURES
from test_import_malformed import snapshot

sys.path.insert(0, str(FIXTURES))
from make_kiel_fixtures import COMMITMENTS, DONORS, MALFORMED  # noqa: E402

KIEL = FIXTURES / "kiel"
# fixture -> (words the error must contain, whether it must name sheet + row)
CASES = {
    "not_an_xlsx": ("not an .xlsx workbook", False),
    "empty": ("file is empty", False),
    "truncated": ("truncated or damaged", False),
    "missing_summary_sheet": ("no sheet named like 'Country Summary'", False),
    "missing_main_data_sheet": ("no sheet named like 'Main Data'", False),
    "summary_header_missing": ("no header row with a 'Country'", False),
    "missing_type_column": ("no column for humanitarian", True),
    "missing_currency": ("currency is not named", True),
    "text_in_numeric_cell": ("'10,5' is not a number", True),
    "negative_value": ("-0.01 is negative", True),
    "duplicate_donor": ("appears twice", True),
    "total_not_sum_of_types": ("differs from military + financial + humanitarian", True),
    "summary_disagrees_with_main_data": ("differs from the sum of its allocation rows", True),
    "unknown_aid_type": ("aid type 'Cyber'", True),
}


def test_every_malformed_kiel_fixture_is_tested():
    assert {p.stem for p in KIEL.glob("*.xlsx")} - {"valid_release", "valid_release_usd"} == set(CASES)
    assert set(MALFORMED) <= set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_kiel_workbook_is_rejected_and_data_dir_unchanged(cli, isolated_data_dir, name):
    code, _, _ = cli("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "31", "--data-through", "2026-10")
    assert code == 0
    before = snapshot(isolated_data_dir)
    fixture = KIEL / f"{name}.xlsx"
    words, located = CASES[name]
    code, out, err = cli("import", "kiel", str(fixture), "--release", "31")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {fixture.name}") and words in err
    if located:
        assert ", sheet " in err and ", row " in err
    assert snapshot(isolated_data_dir) == before


def test_valid_release_is_imported_and_served_as_published(cli, cli_json, isolated_data_dir):
    result = cli_json("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "31",
                      "--release-date", "2026-11-20", "--data-through", "2026-10")
    assert result["skipped_donors"] == ["Japan"] and result["replaces"] is None
    assert (isolated_data_dir / "kiel" / "31" / "ukraine_support.csv").is_file()
    out = cli_json("ukraine", "--release", "31")
    rows = {r["iso3"]: r for r in out["rows"]}
    assert set(rows) == {"DEU", "USA", "EU_INST", "EST"}
    for label, code in (("Germany", "DEU"), ("United States", "USA"), ("Estonia", "EST")):
        fin, hum, mil, tot, pct = DONORS[label]
        assert (rows[code]["financial_eur_bn"], rows[code]["humanitarian_eur_bn"], rows[code]["military_eur_bn"],
                rows[code]["total_eur_bn"], rows[code]["total_pct_gdp"]) == (fin, hum, mil, tot, pct)
    assert rows["DEU"]["commitments_eur_bn"] == COMMITMENTS["Germany"][1]
    assert out["release_date"] == "2026-11-20" and out["data_through"] == "2026-10"
    # the new release is the latest with a cut-off: the responsibility table annualises it
    assert cli_json("responsibility", "--edition", "2026-07", "--year", "2025")["kiel_release"] == "31"


def test_reimport_replaces_the_release_and_dry_run_writes_nothing(cli, cli_json, isolated_data_dir):
    code, _, _ = cli("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "29", "--dry-run")
    assert code == 0 and list(isolated_data_dir.iterdir()) == []
    first = cli_json("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "29")
    assert first["replaces"]["origin"] == "shipped" and first["replaces"]["removed"] > 0
    again = cli_json("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "29")
    assert again["replaces"]["origin"] == "imported" and again["replaces"]["changed"] == 0
    assert {r["iso3"] for r in cli_json("ukraine", "--release", "29")["rows"]} == {"DEU", "USA", "EU_INST", "EST"}


def test_import_changes_the_data_version(cli):
    from burden.dataset import data_version

    before = data_version()
    code, _, _ = cli("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "31")
    assert code == 0 and data_version() != before


def test_bad_release_label_is_a_one_line_error(cli, isolated_data_dir):
    code, _, err = cli("import", "kiel", str(KIEL / "valid_release.xlsx"), "--release", "../x")
    assert code == 2 and "invalid Kiel release" in err and list(isolated_data_dir.iterdir()) == []


def test_a_us_dollar_summary_is_imported_as_us_dollars(cli, cli_json):
    result = cli_json("import", "kiel", str(KIEL / "valid_release_usd.xlsx"), "--release", "32")
    assert result["currency"] == "usd"
    rows = {r["iso3"]: r for r in cli_json("ukraine", "--release", "32")["rows"]}
    fin, hum, mil, tot, _ = DONORS["Germany"]
    assert (rows["DEU"]["financial_usd_bn"], rows["DEU"]["military_usd_bn"], rows["DEU"]["total_usd_bn"]) == (fin, mil, tot)
    assert rows["DEU"]["total_eur_bn"] is None  # no euro figure in a US$ summary: missing, not converted
