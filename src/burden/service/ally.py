"""One ally in one edition: its key series, accession date and what the edition revised since the
previous full one (= `/api/ally/{ally}` and the ally page; before the service layer this lived in
the web app only)."""

from __future__ import annotations

from typing import Any

from . import validate
from .data import diff

PROFILE_INDICATORS = ("def_exp_pct_gdp", "equipment_pct", "def_exp_usd_mn", "def_exp_real_change_pct")
SERIES_COLUMNS = ("year", "value", "estimate", "unit", "price_basis")


def ally_profile(ally: str, edition: str | None = None) -> dict[str, Any]:
    from ..dataset import select_records
    from ..members import ally_name, roster
    from ..overview import previous_full_edition

    code, edition = validate.ally(ally), validate.edition(edition)
    series = {
        ind: [{k: r[k] for k in SERIES_COLUMNS} for r in select_records(ind, edition, allies=code)]
        for ind in PROFILE_INDICATORS
    }
    member = next((r for r in roster() if r["iso3"] == code), {})
    previous = previous_full_edition(edition)
    revisions = diff(previous, edition, "pct_gdp", code) if previous else []
    return {
        "iso3": code,
        "name": ally_name(code),
        "edition": edition,
        "accession_date": member.get("accession_date"),
        "series": series,
        "previous_edition": previous,
        "revisions": revisions,
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition}",
    }
