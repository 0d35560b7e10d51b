"""The status / gap / path commands: contracts, parity with the API, one-line errors."""

from __future__ import annotations

import json

import pytest

from burden.compliance import gap_report, path_report, status_report
from burden.render import to_json


def test_status_json_contract_and_parity_with_api(cli_json):
    out = cli_json("status", "--edition", "2024-06", "--year", "2024", "--target", "2")
    assert isinstance(out["count_meeting"], int) and out["count_meeting"] == 23
    assert all({"iso3", "value", "meets"} <= set(r) for r in out["rows"])
    assert out == json.loads(to_json(status_report("2024-06", 2024, "2")))


def test_gap_json_contract_and_parity_with_api(cli_json):
    out = cli_json("gap", "--edition", "2026-07", "--year", "2026", "--target", "3.5")
    assert isinstance(out["price_basis"], str) and out["price_basis"]
    assert all({"iso3", "gap_pp", "gap_usd_mn"} <= set(r) for r in out["rows"])
    assert out == json.loads(to_json(gap_report("2026-07", 2026, "3.5")))


def test_path_json_parity_with_api(cli_json):
    out = cli_json("path", "--target", "hague-core", "--ally", "Italy", "--growth", "1.2")
    assert out == json.loads(to_json(path_report("hague-core", allies="Italy", growth=["1.2"])))
    assert out["rows"][0]["gdp_growth_pct"] == 1.2


@pytest.mark.parametrize("command", ["status", "gap"])
@pytest.mark.parametrize("target", ["abc", "150", "3@1990"])
def test_bad_target_is_one_line_error_exit_2(cli, command, target):
    code, out, err = cli(command, "--target", target)
    assert code == 2
    assert err.startswith("error: invalid target") and len(err.strip().splitlines()) == 1


def test_status_table_marks_met_missed_and_missing_with_counts(cli):
    code, out, _ = cli("status", "--edition", "2025-08", "--year", "2025")
    assert code == 0
    assert "✔ met" in out and "missing" in out and "30 of 30 reporting" in out


def test_status_rounded_view_is_named(cli_json):
    out = cli_json("status", "--edition", "2025-08", "--year", "2018", "--rounded")
    assert out["view"] == "rounded to 2 decimals as NATO prints" and out["count_meeting"] == 5


def test_gap_csv_has_money_columns(cli):
    code, out, _ = cli("gap", "--edition", "2026-07", "--year", "2026", "--csv", "--ally", "ITA,ESP")
    header, *rows = out.strip().splitlines()
    assert code == 0 and "gap_usd_mn" in header and len(rows) == 2


def test_gap_in_edition_without_money_is_points_only(cli):
    code, out, _ = cli("gap", "--edition", "2025-08", "--year", "2025")
    assert code == 0 and "no GDP table" in out


def test_path_table_and_overview_use_compliance_counts(cli, cli_json):
    code, out, _ = cli("path", "--ally", "POL,ITA")
    assert code == 0 and "needed" in out
    overview = cli_json("overview", "--edition", "2024-06")
    assert overview["counts"]["2"]["meeting"] == status_report("2024-06", 2024, "2")["count_meeting"]
