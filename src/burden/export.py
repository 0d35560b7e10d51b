"""Export the facts table as CSV, Parquet, XLSX or JSON bytes."""

from __future__ import annotations

import io

from .errors import BurdenError

FORMATS = ("csv", "parquet", "xlsx", "json")


def export_facts(fmt: str, edition: str | None = None) -> bytes:
    from .dataset import load, resolve_edition
    from .render import to_csv, to_json

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise BurdenError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}", code="unknown-format")
    df = load()
    if edition:
        df = df[df["edition"] == resolve_edition(edition)].reset_index(drop=True)
    if fmt == "csv":
        return to_csv(df, list(df.columns)).encode("utf-8")
    if fmt == "json":
        return (to_json(df) + "\n").encode("utf-8")
    buf = io.BytesIO()
    if fmt == "parquet":
        df.to_parquet(buf, index=False)
    else:
        df.to_excel(buf, index=False, sheet_name="facts")
    return buf.getvalue()
