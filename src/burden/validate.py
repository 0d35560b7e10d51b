"""Validation of NATO facts and of the shipped data package: every violation is listed, as data.

Used by scripts/build_data.py (the shipped package must validate clean apart from the documented
allowances below), by the importers (nothing is written unless the parsed workbook validates) and by
the tests. Standard library only.

Checks on facts (`validate_facts`), each with a stable code:
- `schema-type`, `unknown-ally`, `unknown-indicator`: one record's fields have the wrong type or value;
- `duplicate-key`: two facts share iso3 x year x edition x indicator x price basis;
- `pct-out-of-range`: a % of GDP (or a category share of spending) outside [0, 100];
- `aggregate-mismatch`: per-ally values do not add up to NATO Total / NATO Europe and Canada
  (allies counted from the year they joined; Iceland only in GDP);
- `pct-gdp-ratio`: % of GDP differs from spending / GDP at the same constant prices;
- `estimate-not-latest`: an actual figure follows an estimate in a series, or the latest year of a
  full edition is not flagged as an estimate.
Checks on the package (`validate_package`): `missing-file`, `checksum-mismatch`, `schema-header`,
`schema-type`, `duplicate-key`, `foreign-key`, then every fact check above.

"Within rounding" is computed, not guessed: a value printed with d decimals may be off by half a unit
of its last place, and a sum or ratio inherits the rounding of its terms. Known oddities of the
published data are an explicit allowance list (ALLOWANCES), each naming its reason; they never widen a
tolerance.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import ValidationError
from .precision import rounding_tolerance  # noqa: F401  (re-exported; the rule lives in burden.precision)

SUMMABLE = ("def_exp_usd_mn", "gdp_usd_mn", "military_personnel_thousand")
GDP_INDICATORS = ("gdp_usd_mn", "gdp_per_capita_usd_thousand")  # the only tables with an Iceland row
PERCENT_BOUNDED = ("def_exp_pct_gdp", "equipment_pct", "personnel_pct", "infrastructure_pct", "other_pct")
AGGREGATE_RULES = {  # aggregate -> (allies it excludes, the aggregate it is built from + which ally)
    "NATO_EUR_CAN": {"USA"},
    "NATO_EUROPE": {"USA", "CAN"},
    "NATO_TOTAL": set(),
}
ESTIMATE_SOURCE_TYPES = ("official_workbook", "third_party_transcription", "user_import")
REL_EPS = 1e-9  # floating-point noise on sums/ratios of unrounded workbook values


@dataclass(frozen=True)
class Violation:
    """One broken rule at one place. `code` is stable; `file`/`sheet`/`row`/`column` locate it."""

    code: str
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    edition: str = ""
    iso3: str = ""
    year: int | None = None
    indicator: str = ""

    @property
    def location(self) -> str:
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in ("", None)}


@dataclass(frozen=True)
class Allowance:
    """A documented exception: violations it covers are reported as allowed, not as failures."""

    code: str
    edition: str
    reason: str
    iso3: tuple[str, ...] = ()
    indicator: str = ""
    years: tuple[int, int] | None = None  # inclusive range

    def covers(self, v: Violation) -> bool:
        return (v.code == self.code and v.edition == self.edition
                and (not self.iso3 or v.iso3 in self.iso3)
                and (not self.indicator or v.indicator == self.indicator)
                and (self.years is None or (v.year is not None and self.years[0] <= v.year <= self.years[1])))


# Exceptions documented in the reference pack's README ("Conflicts, revisions and how they are handled").
ALLOWANCES: tuple[Allowance, ...] = (
    Allowance("aggregate-mismatch", "2019-06", indicator="military_personnel_thousand", iso3=("NATO_TOTAL",),
              years=(2019, 2019),
              reason="press figure '3.26 million' (rounded to 10 thousand); the allies' rows sum to 3,258 "
                     "thousand, which the README records as matching it"),
)


@dataclass
class ValidationReport:
    """What was checked, every violation, and the violations a documented allowance covers."""

    subject: str
    violations: list[Violation] = field(default_factory=list)
    allowed: list[tuple[Violation, str]] = field(default_factory=list)
    checks: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations

    def add(self, v: Violation, allowances: Iterable[Allowance] = ALLOWANCES) -> None:
        for allowance in allowances:
            if allowance.covers(v):
                self.allowed.append((v, allowance.reason))
                return
        self.violations.append(v)

    def count(self, check: str, n: int = 1) -> None:
        self.checks[check] = self.checks.get(check, 0) + n

    def merge(self, other: ValidationReport) -> None:
        self.violations += other.violations
        self.allowed += other.allowed
        for k, n in other.checks.items():
            self.count(k, n)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject, "ok": self.ok, "checks": dict(self.checks),
            "violations": [v.to_dict() for v in self.violations],
            "allowed": [{**v.to_dict(), "reason": reason} for v, reason in self.allowed],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def to_text(self, limit: int | None = 50) -> str:
        lines = [f"{self.subject}: {'valid' if self.ok else f'{len(self.violations)} violation(s)'}"
                 f" ({sum(self.checks.values())} checks; {len(self.allowed)} allowed by documented exceptions)"]
        shown = self.violations if limit is None else self.violations[:limit]
        lines += [f"  [{v.code}] {v}" for v in shown]
        if len(shown) < len(self.violations):
            lines.append(f"  ... and {len(self.violations) - len(shown)} more")
        return "\n".join(lines)

    def raise_if_invalid(self) -> None:
        if self.violations:
            raise ValidationError(self.violations)


# ---------------------------------------------------------------- rounding arithmetic

def _where(record: dict[str, Any]) -> dict[str, Any]:
    where = record.get("where") or {}
    return {k: where[k] for k in ("file", "sheet", "row", "column") if where.get(k) not in (None, "")}


def _subject(record: dict[str, Any]) -> dict[str, Any]:
    return {"edition": record["edition"], "iso3": record["iso3"], "year": record["year"],
            "indicator": record["indicator"]}


# ---------------------------------------------------------------- fact checks

def _known_codes() -> set[str]:
    from .members import AGGREGATES, roster

    return {r["iso3"] for r in roster()} | set(AGGREGATES)


def _known_indicators() -> set[str]:
    from .dataset import INDICATORS

    return {i.name for i in INDICATORS}


def check_record_types(records: list[dict], report: ValidationReport, allowances=ALLOWANCES) -> None:
    codes, indicators = _known_codes(), _known_indicators()
    for r in records:
        report.count("record-types")
        loc = _where(r)
        for name in ("iso3", "edition", "indicator", "unit"):
            if not isinstance(r.get(name), str) or not r.get(name):
                report.add(Violation("schema-type", f"{name} must be a non-empty string, got {r.get(name)!r}",
                                     **loc), allowances)
        year, value = r.get("year"), r.get("value")
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
            report.add(Violation("schema-type", f"year must be an integer between 1900 and 2100, got {year!r}",
                                 **loc), allowances)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            report.add(Violation("schema-type", f"value must be a finite number, got {value!r}", **loc), allowances)
        if not isinstance(r.get("estimate"), bool):
            report.add(Violation("schema-type", f"estimate must be true/false, got {r.get('estimate')!r}", **loc),
                       allowances)
        if isinstance(r.get("iso3"), str) and r["iso3"] and r["iso3"] not in codes:
            report.add(Violation("unknown-ally", f"unknown ally code {r['iso3']!r}", **loc), allowances)
        if isinstance(r.get("indicator"), str) and r["indicator"] and r["indicator"] not in indicators:
            report.add(Violation("unknown-indicator", f"unknown indicator {r['indicator']!r}", **loc), allowances)


def _well_typed(records: list[dict]) -> list[dict]:
    return [r for r in records if isinstance(r.get("year"), int) and isinstance(r.get("value"), (int, float))
            and not isinstance(r.get("value"), bool) and math.isfinite(r["value"])]


def check_duplicates(records: list[dict], report: ValidationReport, allowances=ALLOWANCES) -> None:
    seen: dict[tuple, dict] = {}
    for r in records:
        report.count("duplicate-key")
        key = (r["iso3"], r["year"], r["edition"], r["indicator"], r.get("price_basis", ""))
        if key in seen:
            first = Violation("", "", **_where(seen[key])).location or "an earlier row"
            report.add(Violation("duplicate-key", f"duplicate fact {r['iso3']} {r['year']} {r['indicator']} "
                                 f"({r.get('price_basis') or 'no price basis'}) in edition {r['edition']}; "
                                 f"first at {first}", **_where(r), **_subject(r)), allowances)
        else:
            seen[key] = r


def check_percent_range(records: list[dict], report: ValidationReport, allowances=ALLOWANCES) -> None:
    for r in records:
        if r["indicator"] in PERCENT_BOUNDED:
            report.count("pct-range")
            if not 0 <= r["value"] <= 100:
                report.add(Violation("pct-out-of-range", f"{r['indicator']} {r['iso3']} {r['year']} is {r['value']!r}, "
                                     "outside [0, 100]", **_where(r), **_subject(r)), allowances)


def _included(iso3: str, aggregate: str, year: int, indicator: str, joined: dict[str, int]) -> bool:
    if iso3 in AGGREGATE_RULES[aggregate] or joined.get(iso3, 9999) > year:
        return False
    return indicator in GDP_INDICATORS or iso3 != "ISL"


def check_aggregates(records: list[dict], report: ValidationReport, allowances=ALLOWANCES) -> None:
    """Per-ally sums equal the aggregates where the aggregate and every ally it counts are present."""
    from .members import roster

    joined = {r["iso3"]: int(r["accession_date"][:4]) for r in roster()}
    groups: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for r in records:
        if r["indicator"] in SUMMABLE:
            groups[(r["edition"], r["indicator"], r.get("price_basis", ""), r["year"])][r["iso3"]] = r
    for (_edition, indicator, _basis, year), by_code in sorted(groups.items()):
        for aggregate in AGGREGATE_RULES:
            agg = by_code.get(aggregate)
            if agg is None:
                continue
            parts = [code for code in joined if _included(code, aggregate, year, indicator, joined)]
            if any(code not in by_code for code in parts):
                report.count("aggregate-skipped-incomplete")
                continue
            report.count("aggregate-sum")
            total = sum(by_code[c]["value"] for c in parts)
            tol = sum(rounding_tolerance(by_code[c]["value"]) for c in parts) + rounding_tolerance(agg["value"])
            tol += REL_EPS * abs(agg["value"])
            if abs(total - agg["value"]) > tol:
                report.add(Violation(
                    "aggregate-mismatch",
                    f"{aggregate} {indicator} {year} is {agg['value']!r} but its {len(parts)} allies sum to "
                    f"{total!r} (difference {agg['value'] - total:+.6g}, rounding allows {tol:.3g})",
                    **_where(agg), **_subject(agg)), allowances)


_PRICE_YEAR = re.compile(r"(\d{4}) prices")


def check_pct_gdp_ratio(records: list[dict], report: ValidationReport, allowances=ALLOWANCES) -> None:
    """% of GDP = spending / GDP x 100 at the same constant prices (NATO's 'share of real GDP')."""
    money: dict[tuple, float] = {}
    for r in records:
        if r["indicator"] in ("def_exp_usd_mn", "gdp_usd_mn") and "constant" in r.get("price_basis", ""):
            money[(r["edition"], r["iso3"], r["year"], r["indicator"], r["price_basis"])] = r["value"]
    for r in records:
        if r["indicator"] != "def_exp_pct_gdp":
            continue
        match = _PRICE_YEAR.search(r.get("price_basis", ""))
        if not match:
            continue
        basis = f"constant {match.group(1)} prices and exchange rates"
        spend = money.get((r["edition"], r["iso3"], r["year"], "def_exp_usd_mn", basis))
        gdp = money.get((r["edition"], r["iso3"], r["year"], "gdp_usd_mn", basis))
        if spend is None or not gdp:
            continue
        report.count("pct-gdp-ratio")
        implied = spend / gdp * 100
        tol = (implied * (rounding_tolerance(spend) / abs(spend) + rounding_tolerance(gdp) / abs(gdp))
               + rounding_tolerance(r["value"]) + REL_EPS * abs(implied))
        if abs(implied - r["value"]) > tol:
            report.add(Violation(
                "pct-gdp-ratio",
                f"% of GDP {r['iso3']} {r['year']} is {r['value']!r} but spending / GDP at {basis} gives "
                f"{implied:.6g} (difference {r['value'] - implied:+.3g} pp, rounding allows {tol:.3g})",
                **_where(r), **_subject(r)), allowances)


def check_estimates(records: list[dict], report: ValidationReport, allowances=ALLOWANCES,
                    full_editions: Iterable[str] = ()) -> None:
    """In every series of a workbook-based edition, estimates are the latest years: no actual figure
    follows an estimate, and in a full edition the latest year is flagged."""
    full = set(full_editions)
    series: dict[tuple, list[dict]] = defaultdict(list)
    latest: dict[str, int] = {}
    for r in records:
        if r.get("source_type", "user_import") in ESTIMATE_SOURCE_TYPES:
            series[(r["edition"], r["iso3"], r["indicator"], r.get("price_basis", ""))].append(r)
            latest[r["edition"]] = max(latest.get(r["edition"], r["year"]), r["year"])
    for (edition, _iso3, _ind, _basis), rows in series.items():
        report.count("estimates")
        rows.sort(key=lambda r: r["year"])
        seen_estimate = None
        for r in rows:
            if r["estimate"]:
                seen_estimate = seen_estimate or r
            elif seen_estimate is not None:
                report.add(Violation("estimate-not-latest", f"{r['iso3']} {r['indicator']} {r['year']} is not flagged "
                                     f"as an estimate but {seen_estimate['year']} is", **_where(r), **_subject(r)),
                           allowances)
        last = rows[-1]
        if edition in full and last["year"] == latest[edition] and not last["estimate"]:
            report.add(Violation("estimate-not-latest", f"{last['iso3']} {last['indicator']} {last['year']} is the "
                                 f"latest year of edition {edition} but is not flagged as an estimate",
                                 **_where(last), **_subject(last)), allowances)


FACT_CHECKS: tuple[Callable, ...] = (check_duplicates, check_percent_range, check_aggregates, check_pct_gdp_ratio)


def validate_facts(records: list[dict], subject: str = "facts", *, allowances: Iterable[Allowance] = ALLOWANCES,
                   full_editions: Iterable[str] = ()) -> ValidationReport:
    """Every fact check over records shaped like dataset.RECORD_FIELDS (plus an optional `where`
    dict with file/sheet/row/column used in messages)."""
    allowances = tuple(allowances)
    report = ValidationReport(subject)
    check_record_types(records, report, allowances)
    typed = _well_typed(records)
    for check in FACT_CHECKS:
        check(typed, report, allowances)
    check_estimates(typed, report, allowances, full_editions)
    return report


# ---------------------------------------------------------------- package checks

def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _cell_ok(kind: str, text: str) -> bool:
    if text == "":
        return True  # empty = missing; required fields are enforced by keys and by validate_facts
    if kind == "integer":
        return re.fullmatch(r"-?\d+", text) is not None
    if kind == "number":
        try:
            return math.isfinite(float(text))
        except ValueError:
            return False
    if kind == "boolean":
        return text in ("true", "false")
    return True


def _read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        return header, list(reader)


def check_resource(data_dir: Path, resource: dict, report: ValidationReport,
                   tables: dict[str, tuple[list[str], list[list[str]]]]) -> None:
    """Checksum, header, cell types, enum constraints and primary key of one datapackage resource."""
    path = data_dir / resource["path"]
    name = resource["path"]
    if not path.is_file():
        report.add(Violation("missing-file", f"resource {resource['name']!r} file is missing", file=name))
        return
    report.count("checksum")
    if path.stat().st_size != resource.get("bytes") or f"sha256:{sha256_file(path)}" != resource.get("hash"):
        report.add(Violation("checksum-mismatch", "bytes/sha256 differ from datapackage.json", file=name))
    header, rows = _read_rows(path)
    tables[resource["name"]] = (header, rows)
    fields = resource["schema"]["fields"]
    if header != [f["name"] for f in fields]:
        report.add(Violation("schema-header", f"header {header} differs from the schema's fields", file=name, row=1))
        return
    for line, row in enumerate(rows, start=2):
        report.count("schema-row")
        if len(row) != len(fields):
            report.add(Violation("schema-type", f"{len(row)} cells, schema has {len(fields)}", file=name, row=line))
            continue
        for spec, text in zip(fields, row, strict=True):
            enum = spec.get("constraints", {}).get("enum")
            if not _cell_ok(spec["type"], text) or (enum and text not in enum):
                report.add(Violation("schema-type", f"{text!r} is not a valid {spec['type']}"
                                     f"{' in ' + str(enum) if enum else ''}", file=name, row=line, column=spec["name"]))
    key = resource["schema"].get("primaryKey")
    if key:
        idx = [header.index(k) for k in key]
        seen: dict[tuple, int] = {}
        for line, row in enumerate(rows, start=2):
            k = tuple(row[i] for i in idx)
            if k in seen:
                report.add(Violation("duplicate-key", f"primary key {dict(zip(key, k, strict=True))} repeats row {seen[k]}",
                                     file=name, row=line))
            seen.setdefault(k, line)


def check_foreign_keys(package: dict, report: ValidationReport, tables: dict) -> None:
    for resource in package["resources"]:
        if resource["name"] not in tables:
            continue
        header, rows = tables[resource["name"]]
        for fk in resource["schema"].get("foreignKeys", []):
            ref = fk["reference"]
            if ref["resource"] not in tables:
                continue
            ref_header, ref_rows = tables[ref["resource"]]
            valid = {r[ref_header.index(ref["fields"])] for r in ref_rows}
            col = header.index(fk["fields"])
            for line, row in enumerate(rows, start=2):
                report.count("foreign-key")
                if row[col] and row[col] not in valid:
                    report.add(Violation("foreign-key", f"{fk['fields']} {row[col]!r} not found in {ref['resource']}",
                                         file=resource["path"], row=line, column=fk["fields"]))


def _fact_records_from_tables(tables: dict) -> list[dict]:
    """facts.csv joined with sources/notes into dataset records, each with its facts.csv row."""
    header, rows = tables["facts"]
    src_h, src_rows = tables.get("sources", (["source_id", "source_type", "source"], []))
    sources = {r[src_h.index("source_id")]: r[src_h.index("source_type")] for r in src_rows}
    out = []
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            continue
        r = dict(zip(header, row, strict=True))
        try:
            year, value = int(r["year"]), float(r["value"])
        except ValueError:
            continue  # already reported as schema-type
        out.append({
            "iso3": r["iso3"], "country": r["country"], "year": year, "edition": r["edition"],
            "indicator": r["indicator"], "value": value, "unit": r["unit"], "price_basis": r["price_basis"],
            "estimate": r["estimate"] == "true", "source_type": sources.get(r["source_id"], ""),
            "where": {"file": "facts.csv", "row": line},
        })
    return out


def validate_package(data_dir: Path | None = None, *, allowances: Iterable[Allowance] = ALLOWANCES) -> ValidationReport:
    """Every check on a data package directory (default: the shipped one)."""
    from .paths import SHIPPED_DATA_DIR

    data_dir = Path(data_dir or SHIPPED_DATA_DIR)
    report = ValidationReport(f"data package {data_dir}")
    meta = data_dir / "datapackage.json"
    if not meta.is_file():
        report.add(Violation("missing-file", "datapackage.json is missing", file="datapackage.json"))
        return report
    package = json.loads(meta.read_text(encoding="utf-8"))
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    for resource in package["resources"]:
        check_resource(data_dir, resource, report, tables)
    check_foreign_keys(package, report, tables)
    if "facts" in tables and "editions" in tables:
        ed_header, ed_rows = tables["editions"]
        editions = {r[ed_header.index("edition")]: r[ed_header.index("kind")] for r in ed_rows}
        facts = _fact_records_from_tables(tables)
        for r in facts:
            if r["edition"] not in editions:
                report.add(Violation("foreign-key", f"edition {r['edition']!r} not in editions.csv",
                                     **_where(r), column="edition"))
        report.merge(validate_facts(facts, "facts.csv", allowances=allowances,
                                    full_editions=[e for e, kind in editions.items() if kind == "full"]))
    return report
