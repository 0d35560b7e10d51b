"""Render records for people (rich tables) and machines (JSON, CSV). No domain logic here.

`clean`, `to_json` and `to_csv` are the one encoder behind every machine-readable output: the CLI's
--json/--csv, the web app's /api/ answers and the exports. The mapping (documented in docs/data.md,
"How values are written"):

- missing (None, NaN, pandas NA/NaT) -> null; +-infinity -> null as well, and counted so the caller can
  say so (`clean_counting`): JSON has no infinity;
- bool -> true/false; whole numbers -> numbers, except beyond +-(2**53 - 1) (e.g. DuckDB HUGEINT), where
  JavaScript readers would silently round them -> the exact digits as a string; floats -> numbers;
- Decimal -> its exact text ("1.25"); UUID -> "8-4-4-4-12" text; BLOB/bytes -> base64 (RFC 4648, padded);
- date/time/timestamp(tz) -> ISO 8601 text (timestamps with their UTC offset); interval/timedelta -> ISO
  8601 duration text ("P30DT0H0M3S");
- lists, tuples, sets, arrays -> JSON arrays; structs, maps, dicts -> JSON objects (keys as text);
- an enum member -> its value; anything else -> its text (`str`), so every value renders.

CSV: one row per record, the same values as JSON; null -> empty cell, true/false as in JSON, and a list
or object -> its compact JSON text in the cell.
"""

from __future__ import annotations

import base64
import csv
import dataclasses
import datetime as dt
import decimal
import enum
import io
import json
import math
import sys
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

MAX_SAFE_INT = 2**53 - 1  # the largest whole number every JSON reader (JavaScript's too) holds exactly


class _Counter:
    __slots__ = ("nonfinite",)

    def __init__(self) -> None:
        self.nonfinite = 0


def clean(value: Any) -> Any:
    """A JSON-able copy of `value` (see the module docstring for the mapping of every type)."""
    return _clean(value, _Counter())


def clean_counting(value: Any) -> tuple[Any, int]:
    """(clean(value), how many non-finite numbers (inf, -inf, NaN) it turned into null)."""
    counter = _Counter()
    return _clean(value, counter), counter.nonfinite


def _float(value: float, counter: _Counter) -> float | None:
    if math.isfinite(value):
        return value
    counter.nonfinite += 1
    return None


def _clean(value: Any, counter: _Counter) -> Any:  # noqa: C901 - one branch per kind of value
    if value is None:
        return None
    if isinstance(value, str):
        return value if type(value) is str else str(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value) if -MAX_SAFE_INT <= value <= MAX_SAFE_INT else str(int(value))
    if isinstance(value, float):
        return _float(float(value), counter)
    if isinstance(value, Mapping):
        return {_key(k, counter): _clean(v, counter) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v, counter) for v in value]
    if isinstance(value, (set, frozenset)):
        return [_clean(v, counter) for v in sorted(value, key=repr)]
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, decimal.Decimal):
        if value.is_finite():
            return str(value)
        counter.nonfinite += 1
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return _clean(value.value, counter)
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return None
    if isinstance(value, (dt.timedelta,)) or name in ("Timedelta", "timedelta64"):
        return _duration(value)
    if name == "datetime64":
        import pandas as pd

        stamp = pd.Timestamp(value)
        return None if pd.isna(stamp) else stamp.isoformat()
    if isinstance(value, (dt.date, dt.time)):  # datetime and pandas Timestamp included
        return value.isoformat()
    if name == "ndarray" or name == "Series":
        return [_clean(v, counter) for v in value.tolist()]
    if hasattr(value, "dtype") and hasattr(value, "item"):  # a numpy scalar
        return _clean(value.item(), counter)
    if isinstance(value, complex):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _clean(dataclasses.asdict(value), counter)
    return str(value)


def _key(key: Any, counter: _Counter) -> str:
    if isinstance(key, str):
        return key
    cleaned = _clean(key, counter)
    return cleaned if isinstance(cleaned, str) else json.dumps(cleaned, ensure_ascii=False, sort_keys=True)


def _duration(value: Any) -> str | None:
    import pandas as pd

    delta = pd.Timedelta(value)
    return None if pd.isna(delta) else delta.isoformat()


def records_of(data: Any) -> list[dict[str, Any]]:
    """Records from a list of dicts or a DataFrame."""
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        return [clean(r) for r in data.to_dict(orient="records")]
    return [clean(r) for r in data]


def to_json(data: Any) -> str:
    """JSON text (UTF-8, one-space indent) of any value; DataFrames become arrays of records."""
    if hasattr(data, "columns"):
        data = records_of(data)
    return json.dumps(clean(data), ensure_ascii=False, indent=1, allow_nan=False)


def csv_cell(value: Any) -> str:
    """One CSV cell of a value `clean` has mapped: null -> empty, true/false, lists/objects -> JSON text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def to_csv(rows: Any, columns: Sequence[str] | None = None) -> str:
    """CSV text with a header: `columns`, or every key of the records in the order first seen."""
    records = records_of(rows) if hasattr(rows, "columns") else [clean(r) for r in rows]
    if columns is None:
        columns = list(dict.fromkeys(k for r in records for k in r))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in records:
        writer.writerow([csv_cell(row.get(k)) for k in columns])
    return buf.getvalue()


def nonfinite_note(count: int) -> str:
    return (f"{count:,} value{'s' if count != 1 else ''} not finite (inf, -inf or NaN) written as null: "
            "JSON and CSV have no infinity")


def fmt_number(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        return f"{value:.{digits}f}"
    return str(value)


def print_table(rows: list[dict[str, Any]], columns: Sequence[str], *, title: str | None = None,
                caption: str | None = None, headers: dict[str, str] | None = None, digits: int = 2) -> None:
    """A rich table; every text is shown as it is (brackets in data are not rich markup)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title) if title else None, caption=Text(caption) if caption else None,
                  caption_justify="left", header_style="bold")
    for col in columns:
        table.add_column(Text(str((headers or {}).get(col, col))), justify="right" if rows and isinstance(
            rows[0].get(col), (int, float)) and not isinstance(rows[0].get(col), bool) else "left")
    for row in rows:
        table.add_row(*(Text(fmt_number(row.get(c), digits)) for c in columns))
    Console().print(table)


def emit(rows: Any, columns: Sequence[str], *, as_json: bool = False, as_csv: bool = False,
         title: str | None = None, caption: str | None = None, headers: dict[str, str] | None = None,
         json_columns: Sequence[str] | None = None) -> int:
    """One tabular result to stdout: a JSON array of records, CSV, or a rich table. Returns how many
    non-finite numbers (inf, -inf, NaN) were written as null (see `nonfinite_note`)."""
    records, nonfinite = clean_counting(rows.to_dict(orient="records") if hasattr(rows, "columns") else list(rows))
    if as_json:
        keep = list(json_columns) if json_columns else None
        out = [{k: r.get(k) for k in keep} for r in records] if keep else records
        sys.stdout.write(to_json(out) + "\n")
    elif as_csv:
        sys.stdout.write(to_csv(records, json_columns or None))
    else:
        print_table(records, columns, title=title, caption=caption, headers=headers)
    return nonfinite
