"""Odd but ordinary input for the generated sweeps (tests/test_sweep_cli.py, tests/test_sweep_web.py).

Run size: the hypothesis profile named by BURDEN_SWEEP_PROFILE ("sweep" by default, seeded and small
enough for every test run; "fuzz" for `make fuzz`, many more examples)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_COMMON = dict(derandomize=True, deadline=None, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
settings.register_profile("sweep", max_examples=8, **_COMMON)
settings.register_profile("fuzz", max_examples=int(os.environ.get("BURDEN_FUZZ_EXAMPLES", "60")), **_COMMON)
PROFILE = os.environ.get("BURDEN_SWEEP_PROFILE", "sweep")
SWEEP = settings.get_profile(PROFILE)

ODD_TEXT = [
    "", " ", "\t", "\n", "0", "-1", "-0", "1.5", "1e309", "-1e309", "nan", "inf", "-inf", "NaN",
    "99999999999999999999", "1_000", "0x10", " 7 ", "2024", "2035", "2101", "1899", "2014-2024", "2024,2025",
    "2024-2014", "1-99999999999", "٢٠٢٤", "２０２４", "2024.0", "DEU", "Germany", "germany,france", "USA,XXX",
    "nato", "pct_gdp", "def_exp_usd_mn", "hague-core", "hague-total", "3.5@2030", "5@1999", "2@", "@", "=",
    "DEU=0.8,FRA=x", "DEU=", "TUR@2030-01-01", "X@2030-13-45", "2025-02-30", "0000-00-00", "9999-12-31",
    "2024-06", "2026-07", "2024-06-31", "all", "linear", "constant-share", "real-growth:abc", "real-growth:1e308",
    "bootstrap", "normal", "shares", "spearman", "ranking", "fan", "series", "revisions", "csv", "parquet",
    "' OR 1=1 --", "'; DROP TABLE facts; --", "$(touch pwned)", "`id`", "../../../etc/passwd", "/dev/null",
    "/dev/zero", "/", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "%s%s%n", "{0}", "[bold]x",
    "[/]", "[link=x]y", "\\", "\u202e\u0645\u0631\u062d\u0628\u0627", "🙂", "日本語", "Ünïcödé", "ẞß", "İı",
    "\u0301", "\ufeffDEU", "caf\udce9", "\udcff",  # undecodable argv bytes, as Python holds them
    "a" * 5_000, "1" * 400, "-", "--", "-x", "--help", "-h",
]
TEXT = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=24),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
NUMBER = st.one_of(
    st.sampled_from(["0", "1", "-1", "2", "3.5", "2024", "2025", "2035", "2060", "2100", "100", str(2**31),
                     str(2**63), str(-(2**63) - 1), "1e3", "5e-324", "1e308", "inf", "nan", "", " ", "x"]),
    st.integers(min_value=-(2**66), max_value=2**66).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
SQL = st.one_of(
    st.sampled_from([
        "SELECT [1,2] AS l", "SELECT {'a': 1, 'b': [2, 3]} AS s", "SELECT MAP {'k': 1} AS m", "SELECT uuid() AS u",
        "SELECT '\\xAA\\x00'::BLOB AS b", "SELECT 1/0 AS x", "SELECT 'nan'::DOUBLE AS x",
        "SELECT INTERVAL 3 MONTH AS i", "SELECT 1.25::DECIMAL(10,2) AS d",
        "SELECT 170141183460469231731687303715884105727::HUGEINT AS h", "SELECT TIMESTAMPTZ '2024-01-01 00:00+02' AS t",
        "SELECT 'a'::ENUM('a','b') AS e", "SELECT union_value(n := 1)::UNION(n INT, s VARCHAR) AS u", "SELECT NULL",
        "SELECT TIMETZ '12:00:00+02' AS t", "SELECT * FROM facts LIMIT 3", "SELECT * FROM range(1000000)",
        "SELECT 1; SELECT 2", "DROP TABLE facts", "COPY facts TO 'x.csv'", "SELECT * FROM read_csv('/etc/passwd')",
        "PRAGMA version", "SET threads=1", "ATTACH 'x.db'", "", ";", "SELECT", "SELECT 'a' AS x, 'b' AS x",
        "SELECT '[/]' AS markup", "SELECT repeat('x', 100000) AS long",
    ]),
    TEXT,
)
