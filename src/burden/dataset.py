"""The official dataset: NATO figures for every ally, year and edition, side by side.

Two layers:
- `*_records` functions read the data package with the standard library only (fast, used by the
  CLI's hot paths);
- the public API (`load`, `select`, `editions`, `indicators`, `diff`, `sql`, ...) returns pandas
  DataFrames, and `connect()` gives a DuckDB connection over the same tables.

Imported editions in the user's data directory are added to the shipped ones; an imported edition
with the label of a shipped one replaces it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BurdenError, UnknownValueError
from .members import AGGREGATES, parse_date, resolve_allies
from .paths import SHIPPED_DATA_DIR, user_data_dir, user_editions_dir, user_sipri_file
from .precision import rounding_tolerance

if TYPE_CHECKING:  # pandas/duckdb are imported lazily: the CLI's fast paths never need them
    import duckdb
    import pandas as pd

RECORD_FIELDS = [
    "iso3", "country", "year", "edition", "indicator", "value", "unit", "price_basis",
    "estimate", "source_type", "source", "notes",
]


@dataclass(frozen=True)
class Indicator:
    name: str
    aliases: tuple[str, ...]
    description: str


INDICATORS = [
    Indicator("def_exp_pct_gdp", ("pct_gdp", "share_gdp", "gdp_share", "core_share_gdp"),
              "defence expenditure as % of GDP (NATO Table 3; core defence expenditure from the 2026-07 edition)"),
    Indicator("def_exp_real_change_pct", ("real_change", "growth"), "annual real change of defence expenditure, %"),
    Indicator("def_exp_usd_mn", ("usd_mn", "spending_usd", "usd"), "defence expenditure, million US$ (current or constant prices)"),
    Indicator("def_exp_nac_mn", ("nac_mn", "national_currency"), "defence expenditure, million national currency"),
    Indicator("gdp_usd_mn", ("gdp",), "GDP, million US$ (current, or constant = NATO's real GDP)"),
    Indicator("gdp_per_capita_usd_thousand", ("gdp_per_capita",), "GDP per head, thousand US$, constant prices"),
    Indicator("def_exp_per_capita_usd", ("per_capita", "spending_per_capita"), "defence expenditure per head, US$, constant prices"),
    Indicator("military_personnel_thousand", ("personnel",), "military personnel, thousands"),
    Indicator("equipment_pct", ("equipment",), "major equipment incl. related R&D, % of defence expenditure"),
    Indicator("personnel_pct", (), "personnel incl. pensions, % of defence expenditure"),
    Indicator("infrastructure_pct", ("infrastructure",), "infrastructure, % of defence expenditure"),
    Indicator("other_pct", (), "other operations and maintenance, % of defence expenditure"),
    Indicator("def_exp_usd_bn_rounded", (), "press-rounded defence expenditure aggregates, billion US$"),
    Indicator("def_exp_real_change_pct_rounded", (), "press-rounded real change aggregates, %"),
    Indicator("allies_at_or_above_2pct", ("count_2pct",), "number of allies at or above 2% of GDP, as published (NATO_TOTAL rows)"),
    Indicator("allies_at_or_above_20pct_equipment", ("count_20pct_equipment",),
              "number of allies at or above 20% on equipment, as published (NATO_TOTAL rows)"),
]
_INDICATOR_INDEX = {alias: ind.name for ind in INDICATORS for alias in (ind.name, *ind.aliases)}


def resolve_indicator(name: str) -> str:
    key = name.strip().lower().replace("-", "_")
    if key not in _INDICATOR_INDEX:
        raise UnknownValueError("indicator", name, sorted(_INDICATOR_INDEX), hint="see `burden indicators`")
    return _INDICATOR_INDEX[key]


# ---------------------------------------------------------------- raw records (standard library)

def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def _shipped_lookup(name: str) -> dict[str, dict[str, str]]:
    key = {"sources": "source_id", "notes": "note_id"}[name]
    return {row[key]: row for row in _read_csv(SHIPPED_DATA_DIR / f"{name}.csv")}


def _shipped_fact_rows(indicator: str | None = None) -> Iterable[list[str]]:
    """Rows of facts.csv as lists; with `indicator`, lines are skipped before CSV parsing (fast)."""
    with (SHIPPED_DATA_DIR / "facts.csv").open(newline="", encoding="utf-8") as fh:
        header = fh.readline()
        assert header.startswith("iso3,country,year,edition,indicator,value"), "facts.csv header changed"
        lines: Iterable[str] = fh
        if indicator:
            needle = f",{indicator},"
            lines = (line for line in fh if needle in line)
        yield from csv.reader(lines)


def _user_edition_dirs() -> dict[str, Path]:
    root = user_editions_dir()
    if not root.is_dir():
        return {}
    return {p.name: p for p in sorted(root.iterdir()) if (p / "facts.csv").is_file() and (p / "edition.json").is_file()}


def imported_editions_key() -> tuple:
    """Changes whenever an edition is imported or replaced: a cache key for anything derived from facts."""
    return tuple((e, (p / "facts.csv").stat().st_mtime_ns) for e, p in _user_edition_dirs().items())


def data_version() -> str:
    """One version for all the data the package answers from (shipped package + imported editions +
    an imported SIPRI file). It changes on every import, in any process; every cache of anything
    derived from the data is keyed on it, so a long-running server follows `burden import`."""
    sipri = user_sipri_file()
    kiel = user_data_dir() / "kiel"  # imported Kiel releases (burden.responsibility)
    state = (
        _shipped_package_digest(),
        imported_editions_key(),
        sipri.stat().st_mtime_ns if sipri.is_file() else None,
        tuple((p.name, p.stat().st_mtime_ns) for p in sorted(kiel.glob("*/ukraine_support.csv"))) if kiel.is_dir() else (),
    )
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16]


@functools.cache
def _shipped_package_digest() -> str:
    """The shipped datapackage.json holds every file's sha256, so its own hash names the shipped data."""
    return hashlib.sha256((SHIPPED_DATA_DIR / "datapackage.json").read_bytes()).hexdigest()


def _record_from_user_row(row: dict[str, str]) -> dict[str, Any]:
    return {
        **{k: row.get(k, "") for k in RECORD_FIELDS},
        "year": int(row["year"]),
        "value": float(row["value"]),
        "estimate": row["estimate"].strip().lower() in ("true", "e", "1", "yes"),
    }


def fact_records(indicator: str | None = None, editions: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every fact as a dict (RECORD_FIELDS), shipped and imported, optionally for one indicator/editions."""
    user = _user_edition_dirs()
    wanted = set(editions) if editions is not None else None
    sources, notes = _shipped_lookup("sources"), _shipped_lookup("notes")
    out: list[dict[str, Any]] = []
    for iso3, country, year, edition, ind, value, unit, price, est, source_id, note_id, _line in _shipped_fact_rows(indicator):
        if edition in user or (wanted is not None and edition not in wanted) or (indicator and ind != indicator):
            continue
        src = sources[source_id]
        out.append({
            "iso3": iso3, "country": country, "year": int(year), "edition": edition, "indicator": ind,
            "value": float(value), "unit": unit, "price_basis": price, "estimate": est == "true",
            "source_type": src["source_type"], "source": src["source"],
            "notes": notes[note_id]["notes"] if note_id else "",
        })
    for edition, folder in user.items():
        if wanted is not None and edition not in wanted:
            continue
        for row in _read_csv(folder / "facts.csv"):
            if not indicator or row["indicator"] == indicator:
                out.append(_record_from_user_row(row))
    return out


def edition_records() -> list[dict[str, Any]]:
    """editions.csv rows plus imported editions, oldest first."""
    rows = {r["edition"]: dict(r, origin="shipped") for r in _read_csv(SHIPPED_DATA_DIR / "editions.csv")}
    for edition, folder in _user_edition_dirs().items():
        meta = json.loads((folder / "edition.json").read_text(encoding="utf-8"))
        rows[edition] = {**rows.get(edition, {}), **meta, "edition": edition, "origin": "imported"}
    return sorted(rows.values(), key=lambda r: (r["release_day"], r["edition"]))


def edition_labels() -> list[str]:
    return [r["edition"] for r in edition_records()]


DEFAULT_EDITION_ENV = "BURDEN_EDITION"


@functools.cache
def _shipped_edition_labels() -> frozenset[str]:
    return frozenset(r["edition"] for r in _read_csv(SHIPPED_DATA_DIR / "editions.csv"))


def default_edition() -> str:
    """The latest full NATO edition shipped with the package (complete tables for every ally).

    Imported editions never change the default by themselves (the shipped dataset stays the default;
    an import that replaces a shipped label is used under that label); set BURDEN_EDITION to make an
    imported edition the default."""
    chosen = os.environ.get(DEFAULT_EDITION_ENV)
    if chosen:
        labels = edition_labels()
        if chosen not in labels:
            raise UnknownValueError("edition", chosen, labels, hint=f"set by {DEFAULT_EDITION_ENV}; see `burden editions`")
        return chosen
    full = [r["edition"] for r in edition_records() if r.get("kind") == "full" and r["edition"] in _shipped_edition_labels()]
    return full[-1]


def resolve_edition(edition: str | None) -> str:
    if edition is None or edition == "latest":
        return default_edition()
    labels = edition_labels()
    if edition not in labels:
        raise UnknownValueError("edition", edition, labels, hint="see `burden editions`")
    return edition


def edition_as_of(date: str | dt.date, *, kind: str | None = None) -> str | None:
    """The latest edition released on or before `date` (a month-only release counts as the month's
    last day); `kind="full"` restricts to full editions. None when none had been released."""
    day = parse_date(date)
    assert day is not None
    released = [r for r in edition_records() if dt.date.fromisoformat(r["release_day"]) <= day
                and (kind is None or r.get("kind") == kind)]
    return released[-1]["edition"] if released else None


def parse_years(years: int | str | Iterable[int] | None) -> list[int] | None:
    """2024, "2024", "2014-2024", "2014,2020" or a list; None means all."""
    if years is None:
        return None
    if isinstance(years, int):
        return [years]
    if isinstance(years, str):
        from .limits import MAX_YEAR, MIN_YEAR

        out: list[int] = []
        for part in years.split(","):
            part = part.strip()
            try:
                if "-" in part:
                    lo, hi = (int(p) for p in part.split("-", 1))
                elif part:
                    lo = hi = int(part)
                else:
                    continue
            except ValueError:
                raise BurdenError(f"invalid year {part!r}: use YYYY, YYYY-YYYY or a comma list", code="invalid-year") from None
            if not (MIN_YEAR <= lo <= MAX_YEAR and MIN_YEAR <= hi <= MAX_YEAR):
                raise BurdenError(f"invalid year {part!r}: years run from {MIN_YEAR} to {MAX_YEAR}", code="invalid-year")
            out.extend(range(lo, hi + 1))
        return out
    return [int(y) for y in years]


def _match_price_basis(wanted: str, actual: str) -> bool:
    return wanted.lower() in actual.lower()


def select_records(indicator: str, edition: str | None = None, years=None, allies=None,
                   price_basis: str | None = None, aggregates: bool = False) -> list[dict[str, Any]]:
    """Facts for one indicator and edition (edition="all": every edition), sorted by edition, ally, year.

    Aggregate rows (NATO_TOTAL, NATO_EUR_CAN, NATO_EUROPE) come only with `aggregates=True` or
    when named in `allies`. Unknown names raise UnknownValueError; a year with no data in the
    edition raises BurdenError naming the years it covers.
    """
    ind = resolve_indicator(indicator)
    eds = None if edition == "all" else [resolve_edition(edition)]
    wanted_years = parse_years(years)
    wanted_allies = resolve_allies(allies)
    rows = fact_records(ind, eds)
    if wanted_allies is not None:
        rows = [r for r in rows if r["iso3"] in wanted_allies]
    elif not aggregates:
        rows = [r for r in rows if r["iso3"] not in AGGREGATES]
    if price_basis:
        rows = [r for r in rows if _match_price_basis(price_basis, r["price_basis"])]
    if wanted_years is not None:
        available = sorted({r["year"] for r in rows})
        rows = [r for r in rows if r["year"] in wanted_years]
        if not rows and available:
            where = f"edition {eds[0]}" if eds else "any edition"
            raise BurdenError(
                f"no {ind} data for year(s) {years} in {where} (it covers {available[0]}-{available[-1]})",
                code="no-data")
    rows.sort(key=lambda r: (r["edition"], r["iso3"], r["year"], r["price_basis"]))
    return rows


# ---------------------------------------------------------------- DataFrame API

def _frame(records: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(records, columns=columns)


@functools.lru_cache(maxsize=2)
def _load_cached(version: str) -> pd.DataFrame:
    return _frame(fact_records(), RECORD_FIELDS)


def load() -> pd.DataFrame:
    """Every fact of every edition (shipped and imported) as one tidy DataFrame."""
    return _load_cached(data_version()).copy()


def select(indicator: str, edition: str | None = None, years=None, allies=None,
           price_basis: str | None = None, aggregates: bool = False) -> pd.DataFrame:
    """Tidy DataFrame: iso3, country, year, value, unit, price_basis, estimate, edition, indicator, source..."""
    return _frame(select_records(indicator, edition, years, allies, price_basis, aggregates), RECORD_FIELDS)


def editions() -> pd.DataFrame:
    return _frame(edition_records(), list(edition_records()[0].keys()))


def indicators() -> pd.DataFrame:
    """Each indicator with its aliases, units, price bases and the editions that hold it."""
    facts = load()
    out = []
    for ind in INDICATORS:
        sub = facts[facts["indicator"] == ind.name]
        out.append({
            "indicator": ind.name,
            "aliases": ", ".join(ind.aliases),
            "description": ind.description,
            "units": "; ".join(sorted(sub["unit"].unique())),
            "price_bases": "; ".join(sorted(p for p in sub["price_basis"].unique() if p)),
            "editions": ", ".join(sorted(sub["edition"].unique())),
            "rows": int(len(sub)),
        })
    import pandas as pd

    return pd.DataFrame(out)


def sipri(indicator: str | None = None, allies=None, years=None) -> pd.DataFrame:
    """SIPRI's history (milex_pct_gdp, milex_usd_current_mn, ...), a separate source from NATO's."""
    import pandas as pd

    path = user_sipri_file() if user_sipri_file().is_file() else SHIPPED_DATA_DIR / "sipri.csv"
    df = pd.read_csv(path, dtype={"flag": str, "sipri_notes": str, "notes": str}, keep_default_na=False)
    if indicator:
        df = df[df["indicator"] == indicator]
    codes = resolve_allies(allies)
    if codes is not None:
        df = df[df["iso3"].isin(codes)]
    wanted = parse_years(years)
    if wanted is not None:
        df = df[df["year"].isin(wanted)]
    return df.reset_index(drop=True)


def members_frame(as_of=None) -> pd.DataFrame:
    from .members import members

    return _frame(members(as_of), ["iso3", "name", "nato_table_label", "accession_date",
                                   "in_nato_expenditure_tables", "note", "source"])


def commitments() -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(SHIPPED_DATA_DIR / "commitments.csv", dtype=str, keep_default_na=False)


def _price_kind(price_basis: str) -> str:
    text = price_basis.lower()
    return "constant" if "constant" in text or "real" in text or "based on" in text else (
        "current" if "current" in text else "")


def revision_status(value_a: float, value_b: float) -> str:
    """unchanged, rounding (within the coarser value's printed precision) or revised."""
    change = abs(value_b - value_a)
    if change < 1e-9:
        return "unchanged"
    coarser = max(rounding_tolerance(value_a), rounding_tolerance(value_b))
    return "rounding" if change <= coarser * (1 + 1e-9) else "revised"


def diff(edition_a: str, edition_b: str, indicator: str = "pct_gdp", allies=None, years=None) -> pd.DataFrame:
    """What NATO revised between two editions: one row per ally x year x price kind held by either.

    status: revised / unchanged / rounding / added (only in B) / removed (only in A). change = B - A.
    `rounding`: the values differ by no more than half a unit of the coarser one's last decimal (the
    2026-07 edition is stored at NATO's printed precision, 2.00 beside 2.0041): not a revision.
    Constant-price money series on different base years are not comparable and are left out;
    % of GDP is compared across base years, and `note` says when the bases differ.
    """
    import pandas as pd

    a = select_records(indicator, edition_a, years, allies, aggregates=True)
    b = select_records(indicator, edition_b, years, allies, aggregates=True)
    ind = resolve_indicator(indicator)
    ratio = ind in {"def_exp_pct_gdp", "def_exp_real_change_pct"} or ind.endswith("_pct")

    def keyed(rows):
        out = {}
        for r in rows:
            kind = "" if ratio else _price_kind(r["price_basis"])
            out[(r["iso3"], r["year"], kind)] = r
        return out

    ka, kb = keyed(a), keyed(b)
    rows = []
    for key in sorted(set(ka) | set(kb)):
        ra, rb = ka.get(key), kb.get(key)
        if ra and rb and not ratio and key[2] == "constant" and ra["price_basis"] != rb["price_basis"]:
            continue  # different constant-price bases: not the same figure
        va: float | None = ra["value"] if ra else None
        vb: float | None = rb["value"] if rb else None
        change = vb - va if va is not None and vb is not None else None
        status = ("added" if va is None else "removed" if vb is None else revision_status(va, vb))
        note = ""
        if ra and rb and ra["price_basis"] != rb["price_basis"]:
            note = f"price basis differs: {ra['price_basis']!r} vs {rb['price_basis']!r}"
        rows.append({
            "iso3": key[0], "year": key[1], "price_kind": key[2] or None,
            "value_a": va, "value_b": vb, "change": change,
            "change_pct": (change / va * 100) if change is not None and va else None,
            "status": status, "edition_a": edition_a, "edition_b": edition_b, "indicator": ind,
            "estimate_a": ra["estimate"] if ra else None, "estimate_b": rb["estimate"] if rb else None,
            "note": note,
        })
    df = pd.DataFrame(rows, columns=["iso3", "year", "price_kind", "value_a", "value_b", "change", "change_pct",
                                     "status", "edition_a", "edition_b", "indicator", "estimate_a",
                                     "estimate_b", "note"])
    order = pd.to_numeric(df["change"], errors="coerce").abs().fillna(-1)  # all-None (only added/removed): object dtype
    return df.assign(_o=order).sort_values(["_o", "iso3", "year"], ascending=[False, True, True]).drop(
        columns="_o").reset_index(drop=True)


# ---------------------------------------------------------------- DuckDB

SQL_TABLES = ("facts", "editions", "members", "commitments", "sipri", "gdp_forecasts", "ukraine_support", "common_funding")


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the tables in SQL_TABLES loaded, external access switched off
    (no files, no network from SQL) and the configuration locked."""
    import duckdb
    import pandas as pd

    con = duckdb.connect(":memory:")
    frames = {
        "facts": load(),
        "editions": editions(),
        "members": members_frame("9999-12-31"),
        "commitments": commitments(),
        "sipri": sipri(),
        "gdp_forecasts": pd.read_csv(SHIPPED_DATA_DIR / "gdp_forecasts.csv", keep_default_na=False),
        "ukraine_support": _kiel_sql_frame(),  # shipped + imported Kiel releases (burden.responsibility)
        "common_funding": pd.read_csv(SHIPPED_DATA_DIR / "common_funding.csv", keep_default_na=False),
    }
    for name, frame in frames.items():
        con.register(f"_{name}_df", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _{name}_df")
        con.unregister(f"_{name}_df")
    con.execute("SET enable_external_access = false")
    con.execute("SET enable_progress_bar = false")
    con.execute("SET TimeZone = 'UTC'")  # timestamps with time zone render the same on every machine
    con.execute("SET lock_configuration = true")
    return con


def _kiel_sql_frame() -> pd.DataFrame:
    from .responsibility import kiel_frame

    return kiel_frame()


def sql(query: str) -> pd.DataFrame:
    """Run one read-only SELECT (or WITH ... SELECT) over the tables in SQL_TABLES, as a DataFrame."""
    return _run_sql(query, lambda rel: rel.df())


def sql_rows(query: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one read-only SELECT, with DuckDB's exact Python values (Decimal, UUID,
    bytes, timedelta, lists, dicts, ...): what `burden sql` renders through `render.clean`."""
    return _run_sql(query, lambda rel: (list(rel.columns), rel.fetchall()))


def _run_sql(query: str, fetch):
    """Validate, run with the limits of burden.limits (rows, seconds), fetch; DuckDB errors -> BurdenError."""
    import threading

    import duckdb

    from .limits import MAX_SQL_ROWS, MAX_SQL_SECONDS, LimitError

    try:
        query.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes on the command line
        raise BurdenError("the query is not valid UTF-8 text", code="sql-error") from None
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise BurdenError(f"SQL error: {str(exc).splitlines()[0]}", code="sql-error") from None
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        raise BurdenError("only one read-only SELECT statement is allowed "
                          f"(tables: {', '.join(SQL_TABLES)})", code="sql-read-only")
    con = connect()
    timer = threading.Timer(MAX_SQL_SECONDS, con.interrupt)
    timer.start()
    try:
        relation = con.sql(query)
        if relation is None:
            raise BurdenError("the statement returns no rows: give a SELECT", code="sql-read-only")
        result = fetch(relation.limit(MAX_SQL_ROWS + 1))
        if len(result if hasattr(result, "columns") else result[1]) > MAX_SQL_ROWS:
            raise LimitError(f"the query returns more than {MAX_SQL_ROWS:,} rows (the limit): add a LIMIT, a WHERE "
                             "or an aggregate")
        return result
    except duckdb.InterruptException:
        raise LimitError(f"the query ran longer than {MAX_SQL_SECONDS} s (the limit) and was stopped: narrow it "
                         "down") from None
    except duckdb.Error as exc:
        raise BurdenError(f"SQL error: {str(exc).splitlines()[0]}", code="sql-error") from None
    finally:
        timer.cancel()
        con.close()
