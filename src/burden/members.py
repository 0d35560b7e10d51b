"""The allies: roster, accession dates, membership on a date, and names -> ISO3.

Pure standard library so the CLI's hot paths need no pandas.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import unicodedata
from typing import Any

from .errors import BurdenError, UnknownValueError
from .paths import SHIPPED_DATA_DIR

AGGREGATES = {
    "NATO_TOTAL": "NATO Total",
    "NATO_EUR_CAN": "NATO Europe and Canada",
    "NATO_EUROPE": "NATO Europe (European allies without Canada)",
}

# Common English names and former labels beside the pack's `name_en` and `nato_table_label`.
EXTRA_NAMES = {
    "USA": ["US", "U.S.", "United States of America", "America", "the United States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "the United Kingdom"],
    "TUR": ["Turkey", "Turkiye", "Republic of Turkiye"],
    "CZE": ["Czech Republic", "the Czech Republic"],
    "SVK": ["Slovakia", "Slovak Republic"],
    "NLD": ["Holland", "The Netherlands", "the Netherlands"],
    "MKD": ["Macedonia", "Republic of North Macedonia"],
    "DEU": ["Federal Republic of Germany"],
    "NATO_TOTAL": ["NATO", "NATO total", "alliance", "NATO_ALLIES"],
    "NATO_EUR_CAN": ["Europe and Canada", "NATO Europe & Canada", "Europe+Canada", "European allies and Canada"],
    "NATO_EUROPE": ["NATO Europe", "European allies"],
}


def _fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'Türkiye' == 'turkiye', 'U.S.' == 'us'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in text.lower() if ch.isalnum())


@functools.cache
def roster() -> tuple[dict[str, str], ...]:
    """The 32 allies as rows of members.csv (iso3, name_en, nato_table_label, accession_date, ...)."""
    with (SHIPPED_DATA_DIR / "members.csv").open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def ally_name(iso3: str) -> str:
    for row in roster():
        if row["iso3"] == iso3:
            return row["name_en"]
    return AGGREGATES.get(iso3, iso3)


@functools.cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in roster():
        for name in (row["iso3"], row["name_en"], row["nato_table_label"]):
            if name:
                index[_fold(name)] = row["iso3"]
    for code, label in AGGREGATES.items():
        index[_fold(code)] = code
        index[_fold(label)] = code
    for code, names in EXTRA_NAMES.items():
        for name in names:
            index.setdefault(_fold(name), code)
    return index


def all_names() -> list[str]:
    """Every accepted spelling (for error hints)."""
    names = [r["name_en"] for r in roster()] + [r["iso3"] for r in roster()] + list(AGGREGATES)
    return names + [n for ns in EXTRA_NAMES.values() for n in ns]


def resolve_ally(name: str) -> str:
    """ISO3 code (or aggregate code) for an ally given as ISO3, NATO label or common English name."""
    code = _name_index().get(_fold(name))
    if code is None:
        raise UnknownValueError("ally", name, all_names(), hint="use an ISO3 code or an English name; see `burden members`")
    return code


def resolve_allies(names: str | list[str] | tuple[str, ...] | None) -> list[str] | None:
    """Accepts one name, a comma-separated string or a list; None means all."""
    if names is None:
        return None
    if isinstance(names, str):
        names = [n for n in names.split(",") if n.strip()]
    return [resolve_ally(n.strip()) for n in names]


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BurdenError(f"invalid date {value!r}: use YYYY-MM-DD", code="invalid-date") from None


def members(as_of: str | dt.date | None = None) -> list[dict[str, Any]]:
    """Allies that had joined on or before `as_of` (default: today), in the pack's order.

    Each row: iso3, name, nato_table_label, accession_date, in_nato_expenditure_tables, note.
    """
    day = parse_date(as_of) or dt.date.today()
    out = []
    for row in roster():
        if dt.date.fromisoformat(row["accession_date"]) <= day:
            out.append({
                "iso3": row["iso3"],
                "name": row["name_en"],
                "nato_table_label": row["nato_table_label"],
                "accession_date": row["accession_date"],
                "in_nato_expenditure_tables": row["in_nato_expenditure_tables"] == "yes",
                "note": row["note"],
                "source": row["source"],
            })
    return out


def member_count(as_of: str | dt.date | None = None) -> int:
    return len(members(as_of))


def is_member(iso3: str, as_of: str | dt.date) -> bool:
    return any(m["iso3"] == iso3 for m in members(as_of))


def accession_date(iso3: str) -> dt.date:
    for row in roster():
        if row["iso3"] == iso3:
            return dt.date.fromisoformat(row["accession_date"])
    raise UnknownValueError("ally", iso3, [r["iso3"] for r in roster()])


def reporting_allies() -> list[str]:
    """Allies in NATO's expenditure tables (all but Iceland, which has no armed forces)."""
    return [r["iso3"] for r in roster() if r["in_nato_expenditure_tables"] == "yes"]


def europe_and_canada() -> list[str]:
    return [r["iso3"] for r in roster() if r["iso3"] != "USA"]
