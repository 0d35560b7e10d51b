"""Render records for people (rich tables) and machines (JSON, CSV). No domain logic here."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Sequence
from typing import Any


def clean(value: Any) -> Any:
    """JSON-safe value: NaN/NA -> None, numpy scalars -> Python, dates -> ISO strings."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


def records_of(data: Any) -> list[dict[str, Any]]:
    """Records from a list of dicts or a DataFrame."""
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        return [clean(r) for r in data.to_dict(orient="records")]
    return [clean(r) for r in data]


def to_json(data: Any) -> str:
    if hasattr(data, "columns"):
        data = records_of(data)
    return json.dumps(clean(data), ensure_ascii=False, indent=1, allow_nan=False)


def to_csv(rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in columns})
    return buf.getvalue()


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
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption, caption_justify="left", header_style="bold")
    for col in columns:
        table.add_column((headers or {}).get(col, col), justify="right" if rows and isinstance(
            rows[0].get(col), (int, float)) and not isinstance(rows[0].get(col), bool) else "left")
    for row in rows:
        table.add_row(*(fmt_number(row.get(c), digits) for c in columns))
    Console().print(table)


def emit(rows: Any, columns: Sequence[str], *, as_json: bool = False, as_csv: bool = False,
         title: str | None = None, caption: str | None = None, headers: dict[str, str] | None = None,
         json_columns: Sequence[str] | None = None) -> None:
    """One tabular result to stdout: a JSON array of records, CSV, or a rich table."""
    records = records_of(rows)
    if as_json:
        keep = list(json_columns) if json_columns else None
        out = [{k: r.get(k) for k in keep} for r in records] if keep else records
        sys.stdout.write(to_json(out) + "\n")
    elif as_csv:
        sys.stdout.write(to_csv(records, json_columns or None))
    else:
        print_table(records, columns, title=title, caption=caption, headers=headers)
