"""Pledges as data (commitments.csv) and target specs: `2`, `3.5`, `5@2030`, `equipment`,
`hague-core`, `hague-total`, `wales`, `vilnius`, or a commitment id."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass

from .errors import BurdenError
from .paths import SHIPPED_DATA_DIR

FIRST_PLEDGE_YEAR = 2006  # the 2% guideline: no NATO spending pledge is older


@dataclass(frozen=True)
class Target:
    id: str  # stable code, e.g. "pct_gdp>=2", "hague-core"
    label: str
    indicator: str  # the dataset indicator the threshold applies to
    threshold: float  # in the indicator's unit (% of GDP, or % of defence expenditure)
    deadline: int | None = None
    pledge_id: str | None = None  # row of commitments.csv, when the target is a pledge
    note: str = ""

    @property
    def unit(self) -> str:
        return "% of defence expenditure" if self.indicator == "equipment_pct" else "% of GDP"

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "indicator": self.indicator, "threshold": self.threshold,
                "unit": self.unit, "deadline": self.deadline, "pledge_id": self.pledge_id, "note": self.note}


@functools.cache
def pledges() -> tuple[dict[str, str], ...]:
    """The rows of commitments.csv: id, summit, date, metric, threshold_pct, comparator, deadline, notes, source."""
    with (SHIPPED_DATA_DIR / "commitments.csv").open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def pledge(pledge_id: str) -> dict[str, str]:
    for row in pledges():
        if row["id"] == pledge_id:
            return row
    raise BurdenError(f"unknown pledge {pledge_id!r}; known: {', '.join(r['id'] for r in pledges())}",
                      code="unknown-target")


def pledge_date(row: dict[str, str]) -> dt.date:
    """Date a pledge took effect; a year-only date (the 2006 guideline) counts from 1 January."""
    text = row["date"]
    return dt.date.fromisoformat(text if len(text) == 10 else f"{text[:4]}-01-01")


def pledges_in_force(as_of: str | dt.date) -> list[dict[str, str]]:
    day = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(as_of)
    return [row for row in pledges() if pledge_date(row) <= day]


HAGUE_TOTAL_NOTE = (
    "The Hague 5% = at least 3.5% core defence + up to 1.5% defence- and security-related spending. "
    "NATO publishes no per-ally figure for the 1.5% part: only core defence expenditure is compared "
    "with 5%, which understates progress by whatever related spending an ally has."
)

NAMED = {
    "2": lambda: Target("pct_gdp>=2", "2% of GDP (2006 guideline; Wales 2014; Vilnius 2023 floor)",
                        "def_exp_pct_gdp", 2.0, None, "VILNIUS2023_2PCT_FLOOR"),
    "wales": lambda: Target("wales", "Wales 2014: move towards 2% of GDP within a decade",
                            "def_exp_pct_gdp", 2.0, 2024, "WALES2014_DIP_2PCT"),
    "vilnius": lambda: Target("vilnius", "Vilnius 2023: at least 2% of GDP annually",
                              "def_exp_pct_gdp", 2.0, None, "VILNIUS2023_2PCT_FLOOR"),
    "equipment": lambda: Target("equipment", "Wales 2014: 20% of defence expenditure on major equipment incl. R&D",
                                "equipment_pct", 20.0, 2024, "WALES2014_DIP_20PCT_EQUIP"),
    "hague-core": lambda: Target("hague-core", "The Hague 2025: at least 3.5% of GDP on core defence by 2035",
                                 "def_exp_pct_gdp", 3.5, 2035, "HAGUE2025_3_5PCT_CORE",
                                 "core defence expenditure = NATO definition; the 2026-07 edition labels it so"),
    "hague-total": lambda: Target("hague-total", "The Hague 2025: 5% of GDP (core + related) by 2035",
                                  "def_exp_pct_gdp", 5.0, 2035, "HAGUE2025_5PCT_TOTAL", HAGUE_TOTAL_NOTE),
}
ALIASES = {"2pct": "2", "guideline": "2", "hague": "hague-core", "core": "hague-core", "3.5@2035": "hague-core",
           "5pct": "hague-total", "equip": "equipment", "20pct-equipment": "equipment"}
_PLEDGE_TARGET = {"RIGA2006_2PCT": "2", "WALES2014_DIP_2PCT": "wales", "WALES2014_DIP_20PCT_EQUIP": "equipment",
                  "VILNIUS2023_2PCT_FLOOR": "vilnius", "HAGUE2025_3_5PCT_CORE": "hague-core",
                  "HAGUE2025_5PCT_TOTAL": "hague-total"}
_NUMERIC = re.compile(r"^(?P<value>\d+(?:\.\d+)?)%?(?:@(?P<deadline>\d{4}))?$")


def parse_target(spec: str | float | Target) -> Target:
    """A Target from a spec string; raises BurdenError (code `invalid-target`) with a one-line reason."""
    if isinstance(spec, Target):
        return spec
    text = str(spec).strip().lower()
    text = ALIASES.get(text, text)
    if str(spec).strip().upper() in _PLEDGE_TARGET:
        text = _PLEDGE_TARGET[str(spec).strip().upper()]
    if text in NAMED:
        return NAMED[text]()
    match = _NUMERIC.match(text)
    if not match:
        raise BurdenError(
            f"invalid target {spec!r}: use a % of GDP (3.5), a value with a deadline (5@2030), or one of "
            f"{', '.join(NAMED)}", code="invalid-target")
    value = float(match["value"])
    if not 0 < value <= 100:
        raise BurdenError(f"invalid target {spec!r}: a share of GDP must be above 0 and at most 100", code="invalid-target")
    deadline = int(match["deadline"]) if match["deadline"] else None
    if deadline is not None and not FIRST_PLEDGE_YEAR <= deadline <= 2100:
        raise BurdenError(f"invalid target {spec!r}: deadline {deadline} must be between {FIRST_PLEDGE_YEAR} "
                          "(the first NATO spending guideline) and 2100", code="invalid-target")
    if value == 2.0 and deadline is None:
        return NAMED["2"]()
    label = f"{value:g}% of GDP" + (f" by {deadline}" if deadline else "")
    return Target(f"pct_gdp>={value:g}" + (f"@{deadline}" if deadline else ""), label, "def_exp_pct_gdp",
                  value, deadline, None, "custom target")
