"""Shared helper for the claim-checker tests."""

from __future__ import annotations

from burden.claims import check_text


def claims(text: str, date: str | None = "2025-03-26", type_: str | None = None) -> list[dict]:
    found = check_text(text, date)["claims"]
    return [c for c in found if type_ is None or c["type"] == type_]


def verdicts(text: str, date: str | None = "2025-03-26", type_: str | None = None) -> list[str]:
    return [c["verdict"] for c in claims(text, date, type_)]
