"""Every value renders: the one JSON/CSV encoder (burden.render) type by type, with real DuckDB queries
through `burden sql --json` and `--csv`, and with real pandas/numpy values (docs/data.md, "How values
are written")."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import decimal
import enum
import io
import json
import uuid

import numpy as np
import pandas as pd
import pytest

from burden.render import clean, clean_counting, to_csv, to_json

# (column, DuckDB expression, JSON value, CSV cell)
DUCKDB_TYPES = [
    ("list", "[1, 2]", [1, 2], "[1,2]"),
    ("nested_list", "[[1], [2, NULL]]", [[1], [2, None]], "[[1],[2,null]]"),
    ("fixed_array", "[1, 2]::INTEGER[2]", [1, 2], "[1,2]"),
    ("struct", "{'a': 1, 'b': 'x'}", {"a": 1, "b": "x"}, '{"a":1,"b":"x"}'),
    ("map", "MAP {'k': 1}", {"k": 1}, '{"k":1}'),
    ("map_int_keys", "MAP {1: 'one'}", {"1": "one"}, '{"1":"one"}'),
    ("uuid", "'00000000-0000-0000-0000-00000000002a'::UUID", "00000000-0000-0000-0000-00000000002a",
     "00000000-0000-0000-0000-00000000002a"),
    ("blob", "'\\xAA\\x00b'::BLOB", "qgBi", "qgBi"),
    ("div_by_zero", "1/0", None, ""),
    ("nan", "'nan'::DOUBLE", None, ""),
    ("minus_inf", "'-inf'::DOUBLE", None, ""),
    ("interval", "INTERVAL 1 MONTH + INTERVAL 3 SECOND", "P30DT0H0M3S", "P30DT0H0M3S"),
    ("decimal", "1.25::DECIMAL(10,2)", "1.25", "1.25"),
    ("decimal_wide", "12345678901234567890.123456789::DECIMAL(38,9)", "12345678901234567890.123456789",
     "12345678901234567890.123456789"),
    ("hugeint", "170141183460469231731687303715884105727::HUGEINT", "170141183460469231731687303715884105727",
     "170141183460469231731687303715884105727"),
    ("ubigint", "18446744073709551615::UBIGINT", "18446744073709551615", "18446744073709551615"),
    ("largest_exact_int", "9007199254740991::BIGINT", 9007199254740991, "9007199254740991"),
    ("timestamptz", "TIMESTAMPTZ '2024-01-01 12:00:00+02'", "2024-01-01T10:00:00+00:00", "2024-01-01T10:00:00+00:00"),
    ("timestamp", "TIMESTAMP '2024-01-01 12:00:00'", "2024-01-01T12:00:00", "2024-01-01T12:00:00"),
    ("date", "DATE '2024-01-02'", "2024-01-02", "2024-01-02"),
    ("time", "TIME '12:00:01'", "12:00:01", "12:00:01"),
    ("timetz", "TIMETZ '12:00:00+02'", "12:00:00+02:00", "12:00:00+02:00"),
    ("enum", "'a'::ENUM('a', 'b')", "a", "a"),
    ("union", "union_value(num := 2)::UNION(num INTEGER, str VARCHAR)", 2, "2"),
    ("null", "NULL", None, ""),
    ("boolean", "true", True, "true"),
    ("double", "1.5::DOUBLE", 1.5, "1.5"),
    ("text_with_markup", "'[/] [bold]x'", "[/] [bold]x", "[/] [bold]x"),
    ("json_text", "'{\"x\": 1}'::JSON", '{"x": 1}', '{"x": 1}'),
    ("bit", "'101'::BIT", "101", "101"),
]
QUERY = "SELECT " + ", ".join(f"{expr} AS {name}" for name, expr, _, _ in DUCKDB_TYPES)


@pytest.fixture(scope="module")
def sql_outputs():
    from typer.testing import CliRunner

    from burden.cli import app

    runner = CliRunner()
    as_json = runner.invoke(app, ["sql", QUERY, "--json"])
    as_csv = runner.invoke(app, ["sql", QUERY, "--csv"])
    assert as_json.exit_code == 0 and as_csv.exit_code == 0, as_json.stderr + as_csv.stderr
    return as_json, as_csv


@pytest.mark.parametrize("name, expr, json_value, csv_cell", DUCKDB_TYPES, ids=[t[0] for t in DUCKDB_TYPES])
def test_sql_renders_every_duckdb_type_in_json_and_csv(sql_outputs, name, expr, json_value, csv_cell):
    as_json, as_csv = sql_outputs
    assert json.loads(as_json.stdout)[0][name] == json_value
    assert next(csv.DictReader(io.StringIO(as_csv.stdout)))[name] == csv_cell


def test_non_finite_numbers_become_null_with_a_note(sql_outputs):
    for result in sql_outputs:
        assert result.stderr.strip() == ("note: 3 values not finite (inf, -inf or NaN) written as null: "
                                         "JSON and CSV have no infinity")


def test_sql_json_is_strict_json():
    """No NaN or Infinity tokens, which strict parsers (JavaScript's JSON.parse) refuse."""
    from typer.testing import CliRunner

    from burden.cli import app

    out = CliRunner().invoke(app, ["sql", "SELECT 'inf'::DOUBLE AS a, [1.5, 'nan'::DOUBLE] AS b", "--json"]).stdout
    json.loads(out, parse_constant=lambda token: pytest.fail(f"non-JSON token {token}"))


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Point:
    x: int
    y: float


PANDAS_VALUES = [
    ("numpy int", np.int64(7), 7),
    ("numpy uint beyond 2**53", np.uint64(2**64 - 1), str(2**64 - 1)),
    ("numpy float", np.float64(0.25), 0.25),
    ("numpy inf", np.float64("inf"), None),
    ("numpy bool", np.bool_(True), True),
    ("numpy array of one", np.array([3]), [3]),
    ("numpy array", np.array([1.5, np.nan]), [1.5, None]),
    ("numpy datetime64", np.datetime64("2024-01-02T03:04:05"), "2024-01-02T03:04:05"),
    ("numpy NaT", np.datetime64("NaT"), None),
    ("numpy timedelta64", np.timedelta64(90, "s"), "P0DT0H1M30S"),
    ("pandas NA", pd.NA, None),
    ("pandas NaT", pd.NaT, None),
    ("pandas Timestamp tz", pd.Timestamp("2024-01-01 12:00", tz="Europe/Brussels"), "2024-01-01T12:00:00+01:00"),
    ("pandas Timedelta", pd.Timedelta(days=2, hours=1), "P2DT1H0M0S"),
    ("pandas Period", pd.Period("2024-03", freq="M"), "2024-03"),
    ("pandas Interval", pd.Interval(0, 1), "(0, 1]"),
    ("Decimal NaN", decimal.Decimal("NaN"), None),
    ("Decimal", decimal.Decimal("0.1"), "0.1"),
    ("bytes", b"\x00\xff", "AP8="),
    ("memoryview", memoryview(b"ab"), "YWI="),
    ("uuid", uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
    ("set", {3, 1}, [1, 3]),
    ("tuple key", {(1, 2): "x"}, {"[1, 2]": "x"}),
    ("None key", {None: 1}, {"null": 1}),
    ("enum", Colour.RED, "red"),
    ("dataclass", Point(1, float("inf")), {"x": 1, "y": None}),
    ("complex", complex(1, 2), "(1+2j)"),
    ("timedelta", dt.timedelta(seconds=1.5), "P0DT0H0M1.5S"),
    ("time", dt.time(1, 2), "01:02:00"),
]


@pytest.mark.parametrize("name, value, expected", PANDAS_VALUES, ids=[v[0] for v in PANDAS_VALUES])
def test_clean_maps_pandas_and_numpy_values(name, value, expected):
    assert clean(value) == expected
    json.dumps(clean(value), allow_nan=False)


def test_clean_counts_what_it_turned_into_null_but_not_missing_values():
    _, count = clean_counting({"a": float("inf"), "b": [float("nan"), None, pd.NA], "c": decimal.Decimal("-Inf")})
    assert count == 3


def test_a_duckdb_dataframe_with_every_pandas_dtype_renders(tmp_path):
    """The DataFrame path (exports, the Python API's frames): DuckDB's pandas conversion, then the encoder."""
    import duckdb

    df = duckdb.sql("SELECT [1, 2] AS l, {'a': 1} AS s, uuid() AS u, '\\xAA'::BLOB AS b, INTERVAL 1 DAY AS i, "
                    "1.25::DECIMAL(4,2) AS d, 'x'::ENUM('x') AS e, NULL::INTEGER AS n, "
                    "TIMESTAMPTZ '2024-01-01 00:00:00+00' AS t").df()
    row = json.loads(to_json(df))[0]
    assert row["l"] == [1, 2] and row["s"] == {"a": 1} and row["b"] == "qg==" and row["i"] == "P1DT0H0M0S"
    assert row["d"] == 1.25 and row["e"] == "x" and row["n"] is None and row["t"].startswith("2024-01-01T00:00:00")
    cells = next(csv.DictReader(io.StringIO(to_csv(df))))
    assert cells["l"] == "[1,2]" and cells["n"] == "" and cells["s"] == '{"a":1}'


def test_csv_columns_are_every_key_in_first_seen_order():
    assert to_csv([{"a": 1}, {"b": True, "a": None}]) == "a,b\n1,\n,true\n"
