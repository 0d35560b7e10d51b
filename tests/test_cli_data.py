"""The data commands through the CLI runner, checked against the API (the contracts in the issue)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import burden
from burden.dataset import select_records


def test_members_as_of_contract(cli_json):
    rows = cli_json("members", "--as-of", "2020-06-01")
    assert isinstance(rows, list) and all("iso3" in r for r in rows)
    codes = {r["iso3"] for r in rows}
    assert len(rows) == 30 and "MKD" in codes and not {"FIN", "SWE"} & codes
    assert [r["iso3"] for r in rows] == [m["iso3"] for m in burden.members("2020-06-01")]


def test_show_pct_gdp_contract(cli_json):
    rows = cli_json("show", "pct_gdp", "--edition", "2024-06", "--year", "2024")
    assert len(rows) == 31 and len({r["iso3"] for r in rows}) == 31
    assert all({"iso3", "year", "value", "estimate"} <= r.keys() and r["year"] == 2024 for r in rows)
    assert all(r["estimate"] is True for r in rows)
    poland = next(r for r in rows if r["iso3"] == "POL")
    assert round(poland["value"], 2) == 4.12


def test_show_json_equals_the_api(cli_json):
    rows = cli_json("show", "pct_gdp", "--ally", "Poland,Türkiye", "--edition", "2025-08")
    api = select_records("pct_gdp", "2025-08", None, "Poland,Türkiye")
    assert [(r["iso3"], r["year"], r["value"], r["estimate"]) for r in rows] == \
           [(r["iso3"], r["year"], r["value"], r["estimate"]) for r in api]


def test_show_csv_has_the_same_rows(cli):
    code, out, _ = cli("show", "pct_gdp", "--edition", "2024-06", "--year", "2024", "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 31 and {"iso3", "year", "value", "estimate"} <= rows[0].keys()


def test_editions_and_indicators_json(cli_json):
    editions = cli_json("editions")
    assert [e["edition"] for e in editions if e["default"]] == [burden.default_edition()]
    names = {r["indicator"] for r in cli_json("indicators")}
    assert "def_exp_pct_gdp" in names


def test_diff_json_equals_the_api(cli_json):
    rows = cli_json("diff", "2025-08", "2026-07", "--indicator", "pct_gdp", "--ally", "POL")
    api = burden.diff("2025-08", "2026-07", "pct_gdp", allies="POL")
    api = api[~api["status"].isin(["unchanged", "rounding"])]  # --all shows those too
    assert [(r["year"], r["status"]) for r in rows] == list(zip(api["year"], api["status"], strict=True))
    everything = cli_json("diff", "2025-08", "2026-07", "--indicator", "pct_gdp", "--ally", "POL", "--all")
    assert len(everything) == len(burden.diff("2025-08", "2026-07", "pct_gdp", allies="POL"))


@pytest.mark.parametrize("args,close", [
    (("show", "pct_gpd"), "pct_gdp"),
    (("show", "pct_gdp", "--edition", "2024-6"), "2024-06"),
    (("show", "pct_gdp", "--ally", "Polan"), "Poland"),
    (("show", "pct_gdp", "--edition", "2024-06", "--year", "1999"), "2014-2024"),
    (("members", "--as-of", "2020-13-01"), "YYYY-MM-DD"),
    (("diff", "2025-08", "2026-7"), "2026-07"),
])
def test_unknown_values_are_one_line_errors_naming_close_matches(cli, args, close):
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and close in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback():
    code = "import sys; sys.argv = ['burden', '--debug', 'show', 'pct_gpd']; from burden.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode != 0 and "Traceback" in proc.stderr and "UnknownValueError" in proc.stderr


@pytest.mark.parametrize("query", [
    "CREATE TABLE x AS SELECT 1",
    "DELETE FROM facts",
    "INSERT INTO facts SELECT * FROM facts",
    "SELECT 1; DROP TABLE facts",
    "COPY facts TO '/tmp/burden-leak.csv'",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "ATTACH '/tmp/x.db' AS x",
])
def test_sql_refuses_writes_and_file_access(cli, query):
    code, out, err = cli("sql", query)
    assert code == 2 and err.startswith("error: ") and out == ""


def test_sql_select_json(cli_json):
    rows = cli_json("sql", "SELECT edition, count(*) AS n FROM facts WHERE edition = '2024-06' GROUP BY 1")
    assert rows == [{"edition": "2024-06", "n": 5346}]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "xlsx"])
def test_export_round_trips(cli, tmp_path, fmt):
    out = tmp_path / f"facts.{fmt}"
    code, _, err = cli("export", "--format", fmt, "--edition", "2024-06", "--out", str(out))
    assert code == 0, err
    df = {"csv": lambda p: pd.read_csv(p, keep_default_na=False),
          "json": lambda p: pd.DataFrame(json.loads(p.read_text(encoding="utf-8"))),
          "parquet": pd.read_parquet, "xlsx": lambda p: pd.read_excel(p, keep_default_na=False)}[fmt](out)
    api = burden.select("pct_gdp", edition="2024-06", aggregates=True)
    assert len(df) == 5346
    got = df[df["indicator"] == "def_exp_pct_gdp"].sort_values(["iso3", "year"])["value"].astype(float).tolist()
    expected = api.sort_values(["iso3", "year"])["value"].tolist()
    # xlsx stores numbers with 15 significant digits (Excel's precision); the text formats are exact
    assert got == (pytest.approx(expected, rel=1e-14) if fmt == "xlsx" else expected)


def test_importing_the_cli_pulls_in_no_heavy_library():
    code = ("import sys, burden.cli; heavy = {'pandas', 'numpy', 'duckdb', 'altair', 'fastapi', 'openpyxl', 'pyarrow',"
            " 'scipy', 'rich'} & set(sys.modules); print(sorted(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_show_json_imports_no_pandas_or_rich():
    code = ("import sys; sys.argv = ['burden', 'show', 'pct_gdp', '--year', '2024', '--json']\n"
            "from burden.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({'pandas', 'numpy', 'duckdb', 'rich'} & set(sys.modules)), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_sipri_command_equals_the_api_and_keeps_sipri_separate(cli_json):
    import burden

    rows = cli_json("sipri", "--ally", "Germany", "--year", "1985-1995")
    api = burden.sipri("milex_pct_gdp", "DEU", "1985-1995")
    assert [(r["year"], r["value"], r["flag"]) for r in rows] == list(zip(api["year"], api["value"], api["flag"], strict=True))
    assert len(rows) == 11 and all("SIPRI" in r["source"] for r in rows)


def test_sipri_unknown_indicator_is_a_one_line_error(cli):
    code, out, err = cli("sipri", "--indicator", "milex_pct_gpd")
    assert code == 2
    assert err.strip().count("\n") == 0 and "milex_pct_gdp" in err


def test_show_across_editions_names_the_edition_of_each_row(cli):
    code, out, _ = cli("show", "pct_gdp", "--ally", "Poland", "--year", "2024", "--edition", "all")
    assert code == 0
    lines = [line for line in out.splitlines() if "POL" in line]
    assert len(lines) == 4
    for edition, value in [("2024-06", "4.12"), ("2025-04-sgar", "4.07"), ("2025-08", "3.79"), ("2026-07", "3.75")]:
        assert any(edition in line and value in line for line in lines), (edition, value)
