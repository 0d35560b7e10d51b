"""Parser for NATO's "Defence Expenditure of NATO Countries" Excel tables.

Layout features relied on (each reproduced by a fixture in tests/fixtures/nato/):
- each table is found by its title cell "Table N : <title>" anywhere in a sheet (not by fixed cell
  positions); the number picks the spec below, the title text must match it. In the 2026 layout a sheet
  named "Table N" is table N, its first text line the title ("Core defence expenditure ..."), and a block
  title may sit above its own year header. The layouts known are data (nato_layouts.toml); a sheet with a
  year header that fits neither way is an `unplaced-table` violation naming the sheet and its heading;
- a unit line between the title and the header ("Million US dollars", "Based on 2015 prices") and
  block titles inside the table ("Current prices", "Constant 2015 prices", "Share of real GDP (%)")
  give indicator, unit and price basis - the price basis is read from the sheet, never assumed;
- the year header is the first row below the title with two or more year cells (2014, '2019',
  '2023e'); an `e` suffix marks estimates;
- a row's label is the last text cell left of the year columns; it maps to ISO3 through
  burden.members (a `*` footnote star and a "(Currency)" suffix are stripped); the aggregate rows
  NATO Total and NATO Europe and Canada map to NATO_TOTAL / NATO_EUR_CAN;
- rows without a label (NATO's stray `#REF!` and zero rows) and note lines are skipped; Table 4 is
  skipped because it repeats Tables 2 and 3.
Anything else unexpected is a Violation with file, sheet, row and column.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UnknownValueError
from ..members import resolve_ally
from ..validate import Violation
from ._xlsx import column_letter, open_workbook, read_rows

STAR_NOTE = "country label carries a footnote star (*) in the NATO table"
TITLE = re.compile(r"^\s*Table\s+(\d+[ab]?)\s*:\s*(.+?)\s*$", re.IGNORECASE)
YEAR = re.compile(r"^\s*(\d{4})\s*(e?)\s*$", re.IGNORECASE)
NOTE_LINE = re.compile(r"^\s*(notes?\b|\*|\(\w\)|-\s*\d+\s*-|source)", re.IGNORECASE)
CURRENCY = re.compile(r"\s*\(([^)]*)\)\s*$")
MISSING_TEXT = {"", "..", "...", "-", "n.a.", "na"}


def _lower_first(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].lower() + text[1:]


def _strip_percent(text: str) -> str:
    return re.sub(r"\s*\(%\)\s*$", "", text.strip())


# A block's price basis is read from the sheet: from the block title, the unit line, or both.
PriceRule = Callable[[str, str], str]
FROM_BLOCK: PriceRule = lambda block, unit_line: _lower_first(block)  # noqa: E731
FROM_UNIT_LINE: PriceRule = lambda block, unit_line: _lower_first(unit_line)  # noqa: E731
FROM_BOTH: PriceRule = lambda block, unit_line: ", ".join(  # noqa: E731
    t for t in (_lower_first(_strip_percent(block)), _lower_first(unit_line)) if t)
NO_PRICES: PriceRule = lambda block, unit_line: ""  # noqa: E731


@dataclass(frozen=True)
class Block:
    pattern: str  # regex matched against the block title (ignored for a table's implicit block)
    indicator: str
    unit: str  # "{currency}" is filled from the row label
    price: PriceRule


@dataclass(frozen=True)
class TableSpec:
    number: str
    title: str  # regex the title text must match
    blocks: tuple[Block, ...]
    implicit: Block | None = None  # a table without block titles (Table 7)


def _money(indicator: str, unit: str) -> tuple[Block, ...]:
    return (Block(r"^current prices", indicator, unit, FROM_BLOCK),
            Block(r"^constant .*prices", indicator, unit, FROM_BLOCK))


SPECS = {
    "1": TableSpec("1", r"defence expenditure", _money("def_exp_nac_mn", "million national currency ({currency})")),
    "2": TableSpec("2", r"defence expenditure", _money("def_exp_usd_mn", "million USD")),
    "3": TableSpec("3", r"share of (real )?GDP", (
        Block(r"share of (real )?GDP", "def_exp_pct_gdp", "% of GDP", FROM_BOTH),
        Block(r"real change", "def_exp_real_change_pct", "% change on previous year", FROM_UNIT_LINE))),
    "5": TableSpec("5", r"\bGDP\b", _money("gdp_usd_mn", "million USD")),
    "6": TableSpec("6", r"per capita", (
        Block(r"^GDP per capita", "gdp_per_capita_usd_thousand", "thousand USD per person", FROM_UNIT_LINE),
        Block(r"defence expenditure per capita", "def_exp_per_capita_usd", "USD per person", FROM_UNIT_LINE))),
    "7": TableSpec("7", r"personnel", (),
                   implicit=Block("", "military_personnel_thousand", "thousand persons", NO_PRICES)),
    "8a": TableSpec("8a", r"categor|distribution", (
        Block(r"^equipment", "equipment_pct", "% of defence expenditure", NO_PRICES),
        Block(r"^personnel", "personnel_pct", "% of defence expenditure", NO_PRICES))),
    "8b": TableSpec("8b", r"categor|distribution", (
        Block(r"^infrastructure", "infrastructure_pct", "% of defence expenditure", NO_PRICES),
        Block(r"^other", "other_pct", "% of defence expenditure", NO_PRICES))),
}
SKIPPED_TABLES = {"4": "repeats Tables 2 and 3 (2014 vs latest year)"}
REQUIRED_TABLES = ("3",)  # % of GDP: without it the file is not a usable edition


@functools.cache
def layouts() -> tuple[dict[str, Any], ...]:
    """The known workbook layouts (nato_layouts.toml), oldest first."""
    with (Path(__file__).with_name("nato_layouts.toml")).open("rb") as fh:
        return tuple(tomllib.load(fh)["layout"])


def _sheet_table_number(sheet: str) -> str | None:
    """'3' for a sheet named like a table in a sheet-name layout ('Table 3'), else None."""
    for layout in layouts():
        if layout["table_by"] == "sheet-name":
            m = re.match(layout["sheet_name"], sheet.strip())
            if m:
                return m.group(1).lower()
    return None


def _identify_layout(parsed: ParsedWorkbook, by_sheet: bool) -> str | None:
    """The id of the known layout the workbook matches: how tables are found + the constant-price year."""
    years = {int(m.group(1)) for r in parsed.records for m in [re.search(r"(\d{4}) prices", r["price_basis"])] if m}
    for layout in layouts():
        if (layout["table_by"] == "sheet-name") == by_sheet and years == {layout["price_year"]}:
            return layout["id"]
    return None


@dataclass
class ParsedWorkbook:
    """Facts read from a workbook plus what was found, skipped and broken (violations)."""

    path: Path
    records: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    sha256: str = ""
    layout: str | None = None  # id in nato_layouts.toml, None when no known layout matches


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _year_cell(value: Any) -> tuple[int, bool] | None:
    if _is_number(value) and float(value).is_integer() and 1900 <= value <= 2100:
        return int(value), False
    if isinstance(value, str):
        m = YEAR.match(value)
        if m and 1900 <= int(m.group(1)) <= 2100:
            return int(m.group(1)), bool(m.group(2))
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass
class _Sheet:
    """Parsing state for one table in one sheet."""

    parsed: ParsedWorkbook
    sheet: str
    spec: TableSpec
    edition: str
    source: str

    def violation(self, code: str, message: str, row: int | None = None, col: int | None = None) -> None:
        self.parsed.violations.append(Violation(code, message, file=self.parsed.path.name, sheet=self.sheet, row=row,
                                                column=column_letter(col) if col is not None else ""))


def _find_header(rows: list[tuple], start: int) -> int | None:
    for i in range(start, len(rows)):
        if sum(_year_cell(v) is not None for v in rows[i]) >= 2:
            return i
    return None


def _header_years(ctx: _Sheet, row: tuple, line: int) -> dict[int, tuple[int, bool]] | None:
    """Column -> (year, estimate) for the header row; every cell from the first year to the last
    non-empty cell must be a year, increasing."""
    cols = [c for c, v in enumerate(row) if v not in (None, "")]
    first = next(c for c in cols if _year_cell(row[c]) is not None)
    years: dict[int, tuple[int, bool]] = {}
    ok = True
    for c in range(first, cols[-1] + 1):
        parsed = _year_cell(row[c])
        if parsed is None:
            ctx.violation("bad-year-header", f"year header {row[c]!r} is not a year (YYYY, or YYYYe for an estimate)",
                          line, c)
            ok = False
        elif years and parsed[0] <= max(y for y, _ in years.values()):
            ctx.violation("bad-year-header", f"year {parsed[0]} does not follow the previous header year", line, c)
            ok = False
        else:
            years[c] = parsed
    return years if ok else None


def _label(row: tuple, first_year_col: int) -> tuple[str, int | None]:
    for c in range(min(first_year_col, len(row)) - 1, -1, -1):
        if _text(row[c]):
            return _text(row[c]), c
    return "", None


def _parse_table(ctx: _Sheet, rows: list[tuple], title_index: int, end: int) -> dict[str, Any]:
    spec = ctx.spec
    header = _find_header(rows, title_index + 1)
    summary: dict[str, Any] = {"sheet": ctx.sheet, "table": spec.number, "values": 0, "blocks": []}
    if header is None or header >= end:
        ctx.violation("missing-year-header", f"no year header row (two or more cells like 2014 or 2024e) "
                      f"below the title of Table {spec.number}", title_index + 1)
        return summary
    years = _header_years(ctx, rows[header], header + 1)
    if years is None:
        return summary
    first_col, last_col = min(years), max(years)
    unit_line = ""
    block: Block | None = spec.implicit
    block_title = ""
    for i in range(title_index + 1, header):
        if any(_is_number(v) for v in rows[i]):
            ctx.violation("header-shifted", "numbers above the year header row: header row out of place?", i + 1)
        text = next((_text(v) for v in rows[i] if _text(v)), "")
        above = next((b for b in spec.blocks if text and re.search(b.pattern, text, re.IGNORECASE)), None)
        if above is not None:  # the 2026 layout: the block title sits above its year header
            block, block_title = above, text
            summary["blocks"].append({"title": text, "indicator": above.indicator, "price_basis": ""})
        else:
            unit_line = unit_line or text
    if summary["blocks"] and block is not None:  # the unit line may come after the block title: price bases now
        summary["blocks"][-1]["price_basis"] = block.price(block_title, unit_line)
    for i in range(header + 1, end):
        row, line = rows[i], i + 1
        label, label_col = _label(row, first_col)
        if not label and sum(_year_cell(v) is not None for v in row) >= 2:  # a block's own year header
            again = _header_years(ctx, row, line)
            if again is None:
                return summary
            years, first_col, last_col = again, min(again), max(again)
            continue
        cells = {c: row[c] for c in range(len(row)) if c >= first_col and row[c] not in (None, "")}
        stray = [c for c in range(first_col) if c < len(row) and _is_number(row[c])]
        if not label:
            continue  # NATO's stray rows without a label (#REF!, zeros) carry no fact
        if not cells and not stray:
            if NOTE_LINE.match(label):
                continue
            found = next((b for b in spec.blocks if re.search(b.pattern, label, re.IGNORECASE)), None)
            if found is None:
                if spec.blocks:
                    ctx.violation("unknown-block", f"unrecognised block title {label!r} in Table {spec.number} "
                                  f"(expected one of: {', '.join(b.pattern for b in spec.blocks)})", line, label_col)
                    block = None
                continue
            block, block_title = found, label
            summary["blocks"].append({"title": label, "indicator": found.indicator,
                                      "price_basis": found.price(label, unit_line)})
            continue
        for c in stray:
            ctx.violation("header-shifted", f"number {row[c]!r} left of the year columns "
                          f"({column_letter(first_col)}-{column_letter(last_col)}): header row shifted?", line, c)
        if block is None:
            ctx.violation("missing-block-title", f"data row {label!r} before any recognised block title", line, label_col)
            continue
        _parse_data_row(ctx, summary, block, block_title, unit_line, years, label, label_col, cells, line)
    return summary


def _parse_data_row(ctx: _Sheet, summary: dict, block: Block, block_title: str, unit_line: str,
                    years: dict[int, tuple[int, bool]], label: str, label_col: int | None, cells: dict[int, Any],
                    line: int) -> None:
    name, star = label.replace("*", "").strip(), "*" in label
    currency = ""
    m = CURRENCY.search(name)
    if m:
        currency, name = m.group(1).strip(), name[:m.start()].strip()
    try:
        iso3 = resolve_ally(name)
    except UnknownValueError as exc:
        ctx.violation("unknown-country", f"unknown country label {label!r}: {exc}", line, label_col)
        return
    if "{currency}" in block.unit and not currency:
        ctx.violation("missing-currency", f"label {label!r} names no currency in parentheses", line, label_col)
        return
    for c, value in cells.items():
        if c not in years:
            ctx.violation("header-shifted", f"value {value!r} in a column without a year header: header row shifted?",
                          line, c)
            continue
        if isinstance(value, str) and value.strip().lower() in MISSING_TEXT:
            continue
        if not _is_number(value):
            ctx.violation("not-a-number", f"{value!r} is not a number ({name} {years[c][0]})", line, c)
            continue
        year, estimate = years[c]
        ctx.parsed.records.append({
            "iso3": iso3, "country": name, "year": year, "edition": ctx.edition, "indicator": block.indicator,
            "value": float(value), "unit": block.unit.format(currency=currency),
            "price_basis": block.price(block_title, unit_line), "estimate": estimate,
            "source_type": "user_import", "source": f"{ctx.source}, Table {ctx.spec.number}",
            "notes": STAR_NOTE if star else "",
            "where": {"file": ctx.parsed.path.name, "sheet": ctx.sheet, "row": line, "column": column_letter(c)},
        })
        summary["values"] += 1


def _titles(rows: list[tuple]) -> list[tuple[int, int, str, str]]:
    """(row index, column, table number, title text) of every 'Table N : ...' cell."""
    out = []
    for i, row in enumerate(rows):
        for c, value in enumerate(row):
            m = TITLE.match(value) if isinstance(value, str) else None
            if m:
                out.append((i, c, m.group(1).lower(), m.group(2)))
    return out


def parse_nato_workbook(path: str | Path, edition: str) -> ParsedWorkbook:
    """Every fact in the workbook as dataset records (with a `where` locating each cell)."""
    path = Path(path)
    parsed = ParsedWorkbook(path)
    parsed.sha256 = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    source = f"NATO, Defence Expenditure of NATO Countries, edition {edition}: workbook {path.name} " \
             f"(sha256 {parsed.sha256[:12]}) imported by the user"
    found: set[str] = set()
    by_sheet = False
    with open_workbook(path) as wb:
        for ws in wb.worksheets:
            rows = read_rows(ws, path)
            titles = _titles(rows)
            number = _sheet_table_number(ws.title) if not titles else None
            if number is not None:  # a sheet-name layout: the sheet is the table, its first text its title
                first = next(((i, c, _text(v)) for i, row in enumerate(rows) for c, v in enumerate(row) if _text(v)),
                             None)
                if first is not None:
                    titles = [(first[0], first[1], number, first[2])]
                    by_sheet = True
            if not titles:
                heading = next((_text(v) for row in rows for v in row if _text(v)), "")
                if _find_header(rows, 0) is not None and not re.match(r"^\s*table", ws.title, re.IGNORECASE):
                    parsed.violations.append(Violation(
                        "unplaced-table", f"cannot place the table headed {heading[:80]!r}: no 'Table N : title' cell "
                        f"and the sheet is not named 'Table N' (known layouts: "
                        f"{', '.join(lay['id'] for lay in layouts())}; renamed sheet or a new layout?)",
                        file=path.name, sheet=ws.title))
                    continue
                if re.match(r"^\s*table", ws.title, re.IGNORECASE):
                    parsed.violations.append(Violation("missing-title", "no table title ('Table N : ...') in a "
                                                       "sheet named like a table", file=path.name, sheet=ws.title))
                else:
                    parsed.skipped.append(f"sheet {ws.title}: no NATO table title")
                continue
            for k, (i, _c, number, title) in enumerate(titles):
                end = titles[k + 1][0] if k + 1 < len(titles) else len(rows)
                spec = SPECS.get(number)
                if spec is None:
                    reason = SKIPPED_TABLES.get(number, "not a table this importer knows")
                    parsed.skipped.append(f"sheet {ws.title}: Table {number} ({reason})")
                    continue
                ctx = _Sheet(parsed, ws.title, spec, edition, source)
                if not re.search(spec.title, title, re.IGNORECASE):
                    ctx.violation("unexpected-title", f"Table {number} title {title!r} does not match "
                                  f"the expected /{spec.title}/", i + 1, _c)
                    continue
                if number in found:
                    ctx.violation("duplicate-table", f"Table {number} appears twice", i + 1, _c)
                    continue
                found.add(number)
                summary = _parse_table(ctx, rows, i, end)
                parsed.tables.append({**summary, "title": f"Table {number} : {title}"})
    if not found and not parsed.violations:
        parsed.violations.append(Violation("missing-table", "no NATO table titles ('Table N : ...') found in any sheet: "
                                           "is this the Defence Expenditure of NATO Countries workbook?", file=path.name))
    for number in REQUIRED_TABLES:
        if number not in found and found:
            parsed.violations.append(Violation("missing-table", f"Table {number} ({SPECS[number].title}) not found in any "
                                               "sheet", file=path.name))
    parsed.layout = _identify_layout(parsed, by_sheet)
    return parsed
