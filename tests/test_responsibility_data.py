"""The shipped Kiel and common-funding tables: every value equals the reference row it names, and the
Release-29 totals equal the sum of their three aid types within the source's rounding."""

from __future__ import annotations

import csv
from pathlib import Path

from burden.paths import SHIPPED_DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
KIEL_FIELDS = ["iso3", "donor", "release", "release_date", "data_through", "aid_type", "measure", "scope",
               "indicator", "value", "unit", "derivation", "source_type", "source", "notes"]
CF_FIELDS = ["iso3", "entity", "period", "budget", "indicator", "value", "unit", "approximate", "source_type",
             "source", "notes"]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_shipped_kiel_value_equals_its_reference_row(shared_dir):
    reference = _read(shared_dir / "reference" / "extra" / "ukraine_support.csv")
    shipped = _read(SHIPPED_DATA_DIR / "ukraine_support.csv")
    assert len(shipped) == len(reference)
    for row in shipped:
        assert row["ref_file"] == "extra/ukraine_support.csv"
        ref = reference[int(row["ref_line"]) - 2]
        for field in KIEL_FIELDS:
            assert row[field] == ref[field], (row["ref_line"], field)
        assert row["vintage"] == (ref["release"] or f"press-{ref['release_date'] or ref['data_through']}")


def test_every_shipped_common_funding_value_equals_its_reference_or_stored_page_row(shared_dir):
    files = {"extra/common_funding.csv": _read(shared_dir / "reference" / "extra" / "common_funding.csv"),
             "scripts/reference_supplement/common_funding_pages.csv":
                 _read(ROOT / "scripts" / "reference_supplement" / "common_funding_pages.csv")}
    shipped = _read(SHIPPED_DATA_DIR / "common_funding.csv")
    assert len(shipped) == sum(len(rows) for rows in files.values())
    for row in shipped:
        ref = files[row["ref_file"]][int(row["ref_line"]) - 2]
        for field in CF_FIELDS:
            assert row[field] == ref[field], (row["ref_file"], row["ref_line"], field)
        assert row["source"].strip(), "every common-funding row names its source"


def test_supplement_rows_name_the_stored_page_they_were_read_from():
    for row in _read(ROOT / "scripts" / "reference_supplement" / "common_funding_pages.csv"):
        assert "https://" in row["source"] and "stored copy found with the search tool" in row["source"]


def release29_type_sum_differences() -> dict[str, float]:
    """|total - (military + financial + humanitarian)| per donor, Release 29 bilateral allocations, EUR bn."""
    rows = [r for r in _read(SHIPPED_DATA_DIR / "ukraine_support.csv")
            if r["vintage"] == "29" and r["indicator"] == "aid_eur_bn" and r["measure"] == "allocations"
            and r["scope"] == "bilateral"]
    by: dict[str, dict[str, float]] = {}
    for r in rows:
        by.setdefault(r["iso3"], {})[r["aid_type"]] = float(r["value"])
    return {iso3: abs(v["total"] - (v["military"] + v["financial"] + v["humanitarian"])) for iso3, v in by.items()}


def test_release29_totals_equal_the_sum_of_their_three_types_within_rounding():
    diffs = release29_type_sum_differences()
    assert len(diffs) == 30  # 29 allies + EU institutions
    # the values are printed to 6 decimals (EUR 1,000): three roundings add up to at most 1.5e-6
    assert max(diffs.values()) <= 1.5e-6 + 1e-12, max(diffs.items(), key=lambda kv: kv[1])


def test_release29_has_one_vintage_date_and_eu_institutions_as_their_own_donor():
    rows = [r for r in _read(SHIPPED_DATA_DIR / "ukraine_support.csv") if r["vintage"] == "29"]
    assert {r["release_date"] for r in rows} == {"2026-08-04"}
    assert {r["data_through"] for r in rows} == {"2026-04"}
    assert "EU_INST" in {r["iso3"] for r in rows}


def test_release_30v2_us_dollar_totals_equal_the_sum_of_types_within_three_decimal_rounding():
    from burden.service.responsibility import ukraine

    check = ukraine("30v2")["type_sum_check"]
    assert check["donors_checked"] == 30
    assert check["max_abs_difference_bn"] <= 3 * 0.0005 + 1e-9  # hand-copied at 3 decimals (US$ million)


def test_sql_sees_the_kiel_and_common_funding_tables():
    from burden.dataset import sql

    kiel = sql("SELECT count(*) AS n FROM ukraine_support WHERE vintage = '29'")
    assert int(kiel["n"][0]) == len([r for r in _read(SHIPPED_DATA_DIR / "ukraine_support.csv") if r["vintage"] == "29"])
    shares = sql("SELECT iso3, value FROM common_funding WHERE indicator = 'cost_share_pct' AND period = '2021-'")
    assert sorted(shares["iso3"]) == ["DEU", "USA"]
