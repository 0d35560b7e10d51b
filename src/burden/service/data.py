"""Data tasks: the figures by edition (`show`), the indicators held, the allies on a date, what NATO
revised between editions (`diff`), SIPRI's history and read-only SQL. The editions held and their
coverage are `burden.service.editions`."""

from __future__ import annotations

from typing import Any

from ..render import records_of
from . import validate

SHOW_COLUMNS = [
    "iso3",
    "country",
    "year",
    "value",
    "estimate",
    "unit",
    "price_basis",
    "edition",
    "indicator",
    "source_type",
    "source",
]
MEMBER_COLUMNS = ["iso3", "name", "nato_table_label", "accession_date", "in_nato_expenditure_tables", "note"]
DIFF_COLUMNS = ["iso3", "year", "price_kind", "value_a", "value_b", "change", "status"]
SIPRI_INDICATORS = ("milex_pct_gdp", "milex_usd_current_mn", "milex_usd_constant2023_mn")
SIPRI_COLUMNS = ["iso3", "sipri_name", "year", "indicator", "value", "unit", "flag", "sipri_notes", "source"]
NOT_REVISIONS = ("unchanged", "rounding")  # within the coarser value's printed precision: not a revision


def show(
    indicator: str = "pct_gdp",
    edition: str | None = None,
    year: str | int | None = None,
    ally: str | None = None,
    prices: str | None = None,
    aggregates: bool = False,
) -> list[dict[str, Any]]:
    """One indicator for an edition (edition="all": every edition): a row per ally and year."""
    from ..dataset import select_records

    edition = edition if edition == "all" else validate.edition(edition)
    rows = select_records(
        validate.indicator(indicator),
        edition,
        validate.years(year),
        validate.allies(ally),
        prices,
        aggregates,
    )
    return [{k: r.get(k) for k in SHOW_COLUMNS} for r in rows]


def indicators() -> list[dict[str, Any]]:
    from ..dataset import indicators as frame

    return records_of(frame())


def members(as_of: str | None = None) -> list[dict[str, Any]]:
    """The allies on a date (default: today)."""
    from ..members import members as on_date

    return [{k: r.get(k) for k in MEMBER_COLUMNS} for r in on_date(validate.date(as_of, "--as-of date"))]


def diff(
    edition_a: str,
    edition_b: str,
    indicator: str = "pct_gdp",
    ally: str | None = None,
    year: str | int | None = None,
    all_rows: bool = False,
) -> list[dict[str, Any]]:
    """What NATO revised between two editions, largest change first; without `all_rows`, values within
    rounding and unchanged ones are left out."""
    from ..dataset import diff as diff_frame

    df = diff_frame(
        validate.edition(edition_a),
        validate.edition(edition_b),
        validate.indicator(indicator),
        validate.allies(ally),
        validate.years(year),
    )
    if not all_rows:
        df = df[~df["status"].isin(NOT_REVISIONS)]
    return records_of(df)


def sipri(
    indicator: str = "milex_pct_gdp", ally: str | None = None, year: str | int | None = None
) -> list[dict[str, Any]]:
    """SIPRI's 1949-2024 history (a separate source from NATO's figures)."""
    from ..dataset import sipri as frame
    from ..errors import UnknownValueError

    if indicator not in SIPRI_INDICATORS:
        raise UnknownValueError("SIPRI indicator", indicator, list(SIPRI_INDICATORS))
    rows = records_of(frame(indicator, validate.allies(ally), validate.years(year)))
    return [{k: r.get(k) for k in SIPRI_COLUMNS} for r in rows]


def sql(query: str) -> list[dict[str, Any]]:
    """One read-only SELECT over the data (DuckDB), as records."""
    from ..dataset import sql as run

    return records_of(run(query))
