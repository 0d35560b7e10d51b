"""Parser for a Kiel Institute "Ukraine Support Tracker" release workbook.

Layout relied on (each feature reproduced by a fixture in tests/fixtures/kiel/, made by
tests/fixtures/make_kiel_fixtures.py):
- a sheet named like "Country Summary" (e.g. "Country Summary (€)"); its currency comes from the sheet
  name or a cell above the header ("€"/"EUR" or "$"/"USD"); values are in billions;
- in it, a header row with a "Country" (or "Donor") cell and columns whose headers name the aid type:
  Military, Financial, Humanitarian, Total (the first header starting with "Total" that is not a
  % of GDP), and optionally a "% of GDP" column (Kiel's total, % of the donor's 2021 GDP);
- donor rows below the header until the first empty label; "Total"/"Sum" rows are skipped; donors
  that are not NATO allies are skipped (and listed); "EU (Commission and Council)" or "EU
  Institutions" is the donor EU_INST;
- a sheet named like "Main Data" with one row per aid activity: a header row with "donor", an aid
  type ("aid_type_general" / "type of aid"), a "measure" (Allocation or Commitment) and a value in
  EUR (header naming EUR or €; "bn"/"billion" or "mn"/"million" in it sets the unit, otherwise euros).

Checks: numbers are numbers and not negative, each donor appears once, the summary total equals
military + financial + humanitarian within the printed rounding, and (for a EUR summary) each
donor's allocations by type equal the sum of its main-data allocation rows within the rounding.
Every failure is a Violation naming file, sheet, row and column.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UnknownValueError
from ..members import resolve_ally
from ..validate import Violation, rounding_tolerance
from ._xlsx import column_letter, open_workbook, read_rows

TYPES = ("military", "financial", "humanitarian")
EU_INST_LABELS = re.compile(r"^\s*eu\s*(\(commission and council\)|institutions?)\s*$", re.IGNORECASE)
SUMMARY_SHEET = re.compile(r"country\s*summary", re.IGNORECASE)
MAIN_SHEET = re.compile(r"main\s*data", re.IGNORECASE)
SKIP_LABEL = re.compile(r"^\s*(total|sum|all donors)\b", re.IGNORECASE)
PCT_HEADER = re.compile(r"%|percent|share of gdp", re.IGNORECASE)
SUMMARY_COLUMNS = {"military": re.compile(r"military", re.IGNORECASE),
                   "financial": re.compile(r"financial", re.IGNORECASE),
                   "humanitarian": re.compile(r"humanitarian", re.IGNORECASE),
                   "total": re.compile(r"^\s*total", re.IGNORECASE)}
KIEL_FIELDS = ["vintage", "iso3", "donor", "release", "release_date", "data_through", "aid_type", "measure", "scope",
               "indicator", "value", "unit", "derivation", "source_type", "source", "notes", "ref_file", "ref_line"]


@dataclass
class ParsedKiel:
    path: Path
    sha256: str = ""
    currency: str = ""
    records: list[dict[str, Any]] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    skipped_donors: list[str] = field(default_factory=list)
    main_rows: int = 0


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def donor_code(label: str) -> str | None:
    """EU_INST, an ally's ISO3, or None for a donor that is not a NATO ally."""
    if EU_INST_LABELS.match(label):
        return "EU_INST"
    try:
        code = resolve_ally(label)
    except UnknownValueError:
        return None
    return code if len(code) == 3 else None


def _currency(title: str, rows: list[tuple], header_row: int) -> str:
    texts = [title] + [_text(c) for row in rows[:header_row] for c in row if c is not None]
    for text in texts:
        if "€" in text or re.search(r"\bEUR\b", text, re.IGNORECASE):
            return "eur"
        if "$" in text or re.search(r"\bUSD\b|US dollars", text, re.IGNORECASE):
            return "usd"
    return ""


def _find_header(rows: list[tuple], first: re.Pattern) -> int | None:
    for i, row in enumerate(rows):
        if any(first.match(_text(c)) for c in row):
            return i
    return None


def _reporter(parsed: ParsedKiel, ws_title: str) -> Callable[..., None]:
    """bad(code, message, row=None, col=None): records a violation located in sheet `ws_title`."""
    def bad(code: str, message: str, row: int | None = None, col: int | None = None) -> None:
        parsed.violations.append(Violation(code, message, file=parsed.path.name, sheet=ws_title, row=row,
                                           column=column_letter(col) if col is not None else ""))
    return bad


def _summary(parsed: ParsedKiel, ws_title: str, rows: list[tuple]) -> dict[str, dict[str, Any]]:
    """donor code -> {label, row, military, financial, humanitarian, total, pct_gdp}."""
    bad = _reporter(parsed, ws_title)

    h = _find_header(rows, re.compile(r"^(country|donor)$", re.IGNORECASE))
    if h is None:
        bad("missing-header", "no header row with a 'Country' (or 'Donor') cell")
        return {}
    header = [_text(c) for c in rows[h]]
    label_col = next(c for c, t in enumerate(header) if re.match(r"^(country|donor)$", t, re.IGNORECASE))
    cols: dict[str, int] = {}
    for c, text in enumerate(header):
        if PCT_HEADER.search(text):
            cols.setdefault("pct_gdp", c)
            continue
        for kind, pattern in SUMMARY_COLUMNS.items():
            if pattern.search(text) and kind not in cols:
                cols[kind] = c
                break
    missing = [k for k in (*TYPES, "total") if k not in cols]
    if missing:
        bad("missing-column", f"no column for {', '.join(missing)} in the header row (expected Military, Financial, "
                              "Humanitarian, Total)", h + 1)
        return {}
    parsed.currency = _currency(ws_title, rows, h)
    if not parsed.currency:
        bad("missing-currency", "the currency is not named (put € or $ in the sheet name or above the header)", h + 1)
        return {}
    out: dict[str, dict[str, Any]] = {}
    for i in range(h + 1, len(rows)):
        row, line = rows[i], i + 1
        label = _text(row[label_col]) if label_col < len(row) else ""
        if not label:
            break
        if SKIP_LABEL.match(label):
            continue
        code = donor_code(label)
        if code is None:
            parsed.skipped_donors.append(label)
            continue
        if code in out:
            bad("duplicate-donor", f"donor {label!r} ({code}) appears twice (first on row {out[code]['row']})", line,
                label_col)
            continue
        entry: dict[str, Any] = {"label": label, "row": line, "cols": cols}
        for kind, c in cols.items():
            value = row[c] if c < len(row) else None
            if value is None or _text(value) in ("", "-", "n/a"):
                entry[kind] = None
                continue
            if not _is_number(value):
                bad("not-a-number", f"{value!r} is not a number ({label}, {kind})", line, c)
                entry[kind] = None
                continue
            if value < 0:
                bad("negative-value", f"{value} is negative ({label}, {kind}); aid cannot be below zero", line, c)
            entry[kind] = float(value)
        parts: list[float] = [entry[t] for t in TYPES if entry.get(t) is not None]
        if entry.get("total") is not None and len(parts) == len(TYPES):
            tolerance = rounding_tolerance(entry["total"]) + sum(rounding_tolerance(p) for p in parts)
            if abs(entry["total"] - sum(parts)) > tolerance * (1 + 1e-9):
                bad("total-mismatch", f"total {entry['total']} differs from military + financial + humanitarian = "
                                      f"{sum(parts):.6g} by more than the rounding ({label})", line, cols["total"])
        out[code] = entry
    if not out:
        bad("no-donors", "no NATO ally or EU institutions among the donor rows", h + 2)
    return out


def _main_data(parsed: ParsedKiel, ws_title: str, rows: list[tuple]) -> dict[tuple[str, str, str], float]:
    """(donor code, aid type, measure) -> EUR bn summed over the activity rows."""
    bad = _reporter(parsed, ws_title)

    h = _find_header(rows, re.compile(r"^donor$", re.IGNORECASE))
    if h is None:
        bad("missing-header", "no header row with a 'donor' cell")
        return {}
    header = [_text(c) for c in rows[h]]

    def col(pattern: str) -> int | None:
        return next((c for c, t in enumerate(header) if re.search(pattern, t, re.IGNORECASE)), None)

    donor_col, type_col, measure_col = col(r"^donor$"), col(r"aid.?type|type of aid"), col(r"^measure")
    value_col = col(r"(eur|€)")
    missing = [n for n, c in (("aid type", type_col), ("measure", measure_col), ("value in EUR", value_col)) if c is None]
    if missing or donor_col is None or type_col is None or measure_col is None or value_col is None:
        bad("missing-column", f"no column for {', '.join(missing) or 'donor'} in the header row", h + 1)
        return {}
    unit = header[value_col].lower()
    scale = 1.0 if re.search(r"\bbn\b|billion", unit) else 1e-3 if re.search(r"\bmn\b|million", unit) else 1e-9
    sums: dict[tuple[str, str, str], float] = {}
    for i in range(h + 1, len(rows)):
        row, line = rows[i], i + 1
        cells = [row[c] if c < len(row) else None for c in (donor_col, type_col, measure_col, value_col)]
        if all(_text(c) == "" for c in cells):
            continue
        label, kind, measure, value = _text(cells[0]), _text(cells[1]).lower(), _text(cells[2]).lower(), cells[3]
        parsed.main_rows += 1
        if kind not in TYPES:
            bad("unknown-aid-type", f"aid type {cells[1]!r} is not Military, Financial or Humanitarian", line, type_col)
            continue
        measure = {"allocation": "allocations", "allocations": "allocations", "commitment": "commitments",
                   "commitments": "commitments"}.get(measure, "")
        if not measure:
            bad("unknown-measure", f"measure {cells[2]!r} is not Allocation or Commitment", line, measure_col)
            continue
        if value is None or _text(value) == "":
            continue
        if not _is_number(value):
            bad("not-a-number", f"{value!r} is not a number ({label})", line, value_col)
            continue
        if value < 0:
            bad("negative-value", f"{value} is negative ({label})", line, value_col)
            continue
        code = donor_code(label)
        if code is not None:
            key = (code, kind, measure)
            sums[key] = sums.get(key, 0.0) + float(value) * scale
    return sums


def parse_kiel_workbook(path: str | Path, release: str, *, release_date: str = "", data_through: str = "") -> ParsedKiel:
    """Every Kiel figure of the workbook for the NATO allies and EU institutions, as ukraine_support rows."""
    path = Path(path)
    parsed = ParsedKiel(path)
    parsed.sha256 = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    with open_workbook(path) as wb:
        summary_ws = next((ws for ws in wb.worksheets if SUMMARY_SHEET.search(ws.title)), None)
        main_ws = next((ws for ws in wb.worksheets if MAIN_SHEET.search(ws.title)), None)
        if summary_ws is None:
            parsed.violations.append(Violation("missing-sheet", "no sheet named like 'Country Summary': is this a Kiel "
                                               "Ukraine Support Tracker workbook?", file=path.name))
        if main_ws is None:
            parsed.violations.append(Violation("missing-sheet", "no sheet named like 'Main Data' (the aid activities)",
                                               file=path.name))
        if summary_ws is None or main_ws is None:
            return parsed
        summary = _summary(parsed, summary_ws.title, read_rows(summary_ws, path))
        sums = _main_data(parsed, main_ws.title, read_rows(main_ws, path))
        summary_title = summary_ws.title
    if parsed.violations:
        return parsed

    source = (f"Kiel Institute, Ukraine Support Tracker, release {release}: workbook {path.name} "
              f"(sha256 {parsed.sha256[:12]}) imported by the user")
    base = {"vintage": release, "release": release, "release_date": release_date, "data_through": data_through,
            "source_type": "user_import", "source": source, "ref_file": path.name}
    cur = parsed.currency
    for code, entry in summary.items():
        if cur == "eur":
            for kind in TYPES:
                published, summed = entry.get(kind), sums.get((code, kind, "allocations"), 0.0)
                if published is not None and abs(published - summed) > rounding_tolerance(published) * (1 + 1e-9) + 1e-9:
                    parsed.violations.append(Violation(
                        "summary-mismatch", f"{entry['label']} {kind} {published} differs from the sum of its "
                        f"allocation rows in the main data ({summed:.6g} bn) by more than the rounding",
                        file=path.name, sheet=summary_title, row=entry["row"], column=column_letter(entry["cols"][kind])))
        common = {**base, "iso3": code, "donor": entry["label"], "ref_line": entry["row"], "notes": ""}
        for kind in (*TYPES, "total"):
            if entry.get(kind) is not None:
                parsed.records.append({**common, "aid_type": kind, "measure": "allocations", "scope": "bilateral",
                                       "indicator": f"aid_{cur}_bn", "value": entry[kind],
                                       "unit": "EUR billion" if cur == "eur" else "USD billion",
                                       "derivation": "as_published"})
        if entry.get("pct_gdp") is not None:
            parsed.records.append({**common, "aid_type": "total", "measure": "allocations", "scope": "bilateral",
                                   "indicator": "aid_pct_gdp", "value": entry["pct_gdp"], "unit": "% of GDP (2021)",
                                   "derivation": "as_published"})
        committed = [sums[(code, t, "commitments")] for t in TYPES if (code, t, "commitments") in sums]
        if committed:
            parsed.records.append({**common, "aid_type": "total", "measure": "commitments", "scope": "bilateral",
                                   "indicator": "aid_eur_bn", "value": round(sum(committed), 9), "unit": "EUR billion",
                                   "derivation": "sum_of_main_data_rows",
                                   "notes": "sum of the donor's commitment rows in the main data sheet"})
    return parsed
