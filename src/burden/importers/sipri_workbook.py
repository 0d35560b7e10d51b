"""Parser for SIPRI's Military Expenditure Database workbook (SIPRI-Milex-data-1949-YYYY.xlsx).

Layout features relied on (each reproduced by a fixture in tests/fixtures/sipri/):
- one sheet per measure, found by name: "Share of GDP", "Current US$", "Constant (YYYY) US$" (the
  constant-price year is read from the sheet name);
- a header row whose first cell is "Country", with a "Notes" column and year columns;
- region and sub-region rows carry no values; only rows naming an ally (burden.members) are kept;
- font colours are SIPRI's flags: blue = SIPRI estimate (`e`), red = highly uncertain (`u`);
- "..." (no data) and "xxx" (country did not exist) are missing, never zero;
- share of GDP is stored as a fraction: it is multiplied by 100 (the only transformation).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UnknownValueError
from ..members import reporting_allies, resolve_ally
from ..validate import Violation
from ._xlsx import column_letter, open_workbook, read_rows

SIPRI_FIELDS = ["iso3", "sipri_name", "year", "indicator", "value", "unit", "flag", "sipri_notes", "source", "notes",
                "ref_file", "ref_line"]
MISSING = {"...", ". .", "..", "xxx", ""}
BLUE, RED = ("0000FF", 12), ("FF0000", 10)  # rgb suffix, legacy palette index
PCT_NOTE = "SIPRI stores a fraction; multiplied by 100 here"


@dataclass(frozen=True)
class SheetSpec:
    name: str
    pattern: str
    indicator: str
    unit: str
    scale: float = 1.0
    note: str = ""


SHEETS = (
    SheetSpec("Share of GDP", r"^Share of GDP$", "milex_pct_gdp", "% of GDP", 100.0, PCT_NOTE),
    SheetSpec("Current US$", r"^Current US\$$", "milex_usd_current_mn", "million USD, current prices and exchange rates"),
    SheetSpec("Constant (YYYY) US$", r"^Constant \((\d{4})\) US\$$", "milex_usd_constant{year}_mn",
              "million USD, constant {year} prices and exchange rates"),
)


@dataclass
class ParsedSipri:
    path: Path
    rows: list[dict[str, Any]] = field(default_factory=list)
    sheets: list[dict[str, Any]] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    sha256: str = ""


def _flag(cell: Any) -> str:
    color = getattr(getattr(cell, "font", None), "color", None)
    if color is None:
        return ""
    rgb = color.rgb if isinstance(color.rgb, str) else ""
    index = color.indexed if isinstance(color.indexed, int) else None
    if rgb.upper().endswith(BLUE[0]) or index == BLUE[1]:
        return "e"
    if rgb.upper().endswith(RED[0]) or index == RED[1]:
        return "u"
    return ""


def _year(value: Any) -> int | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
            and 1900 <= value <= 2100:
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
        return int(value)
    return None


def _parse_sheet(parsed: ParsedSipri, ws, spec: SheetSpec, year_in_name: str, source: str) -> None:
    path = parsed.path

    def violation(code: str, message: str, row: int | None = None, col: int | None = None) -> None:
        parsed.violations.append(Violation(code, message, file=path.name, sheet=ws.title, row=row,
                                           column=column_letter(col) if col is not None else ""))

    rows = read_rows(ws, path, values_only=False)
    header = next((i for i, r in enumerate(rows) if r and isinstance(r[0].value, str)
                   and r[0].value.strip().lower() == "country"), None)
    if header is None:
        violation("missing-year-header", "no header row starting with 'Country'")
        return
    head = [c.value for c in rows[header]]
    notes_col = next((c for c, v in enumerate(head) if isinstance(v, str) and v.strip().lower() == "notes"), None)
    first = next((c for c, v in enumerate(head) if _year(v) is not None), None)
    if first is None:
        violation("missing-year-header", "header row has no year columns", header + 1)
        return
    years: dict[int, int] = {}
    last = max(c for c, v in enumerate(head) if v not in (None, ""))
    for c in range(first, last + 1):
        year = _year(head[c])
        if year is None or (years and year <= max(years.values())):
            violation("bad-year-header", f"year header {head[c]!r} is not a year following the previous one",
                      header + 1, c)
            return
        years[c] = year
    indicator = spec.indicator.format(year=year_in_name)
    unit = spec.unit.format(year=year_in_name)
    seen: dict[str, int] = {}
    count = 0
    for i in range(header + 1, len(rows)):
        row, line = rows[i], i + 1
        name = row[0].value.strip() if row and isinstance(row[0].value, str) else ""
        if not name:
            continue
        try:
            iso3 = resolve_ally(name)
        except UnknownValueError:
            continue  # SIPRI covers every country; only allies are kept
        if iso3 in seen:
            violation("duplicate-key", f"{name!r} appears twice (first at row {seen[iso3]})", line, 0)
            continue
        seen[iso3] = line
        notes = row[notes_col].value if notes_col is not None and notes_col < len(row) else ""
        for c, year in years.items():
            cell = row[c] if c < len(row) else None
            value = cell.value if cell is not None else None
            if value is None or (isinstance(value, str) and value.strip() in MISSING):
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                violation("not-a-number", f"{value!r} is not a number ({name} {year})", line, c)
                continue
            if value < 0:
                violation("negative-value", f"{name} {year} is negative ({value!r})", line, c)
                continue
            scaled = value * spec.scale
            if indicator == "milex_pct_gdp" and scaled > 100:
                violation("pct-out-of-range", f"{name} {year} share of GDP {scaled:.4g}% is above 100", line, c)
                continue
            count += 1
            parsed.rows.append({
                "iso3": iso3, "sipri_name": name, "year": year, "indicator": indicator, "value": scaled, "unit": unit,
                "flag": _flag(cell), "sipri_notes": str(notes or ""), "source": f"{source} sheet {ws.title}",
                "notes": spec.note, "ref_file": f"{path.name}#{ws.title}", "ref_line": line,
            })
    missing = [code for code in reporting_allies() if code not in seen]
    if missing:
        violation("missing-ally", f"no row for {', '.join(missing)} (truncated sheet?)")
    parsed.sheets.append({"sheet": ws.title, "indicator": indicator, "values": count, "allies": len(seen),
                          "years": f"{min(years.values())}-{max(years.values())}"})


def parse_sipri_workbook(path: str | Path) -> ParsedSipri:
    """The allies' rows of SIPRI's share-of-GDP, current-US$ and constant-US$ sheets, in sipri.csv layout."""
    path = Path(path)
    parsed = ParsedSipri(path)
    parsed.sha256 = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    source = f"SIPRI Military Expenditure Database: workbook {path.name} (sha256 {parsed.sha256[:12]}) imported by the user;"
    with open_workbook(path) as wb:
        names = list(wb.sheetnames)
        for spec in SHEETS:
            name, match = next(((n, m) for n in names if (m := re.match(spec.pattern, n.strip()))), (None, None))
            if name is None or match is None:
                parsed.violations.append(Violation("missing-sheet", f"no sheet named like {spec.name!r} "
                                                   f"(sheets: {', '.join(names)})", file=path.name))
                continue
            _parse_sheet(parsed, wb[name], spec, match.group(1) if match.groups() else "", source)
    return parsed
