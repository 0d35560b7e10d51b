"""Regenerate the shipped data package (src/burden/data/) from the reference pack.

    python scripts/build_data.py [--reference ../shared/reference]

Every shipped row keeps the exact value text of the reference row it came from and names it
(`ref_file`, `ref_line`), so a test can prove the shipped value equals the reference value.
Nothing is interpolated, rounded or corrected. The only changes are:
- `estimate`: the pack's "e" marker becomes true/false;
- `editions.csv` gains `release_day` (the release date as a day: month-precision dates count as
  the last day of their month, as the claim-checker policy says) and `kind` (full/partial);
- `datapackage.json` is written with schemas, sources and sha256 checksums.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "burden" / "data"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"

# Editions the project treats as complete NATO releases (the rest are partial press transcriptions).
FULL_EDITIONS = {"2019-06", "2024-06", "2025-08", "2026-07"}

FACT_FIELDS = [
    "iso3", "country", "year", "edition", "indicator", "value", "unit", "price_basis",
    "estimate", "source_id", "note_id", "ref_line",
]
# Long source and note texts repeat across thousands of rows: they live once in sources.csv and
# notes.csv and facts point at them (foreign keys), which keeps facts.csv small and fast to read.
SOURCE_FIELDS = ["source_id", "source_type", "source"]
NOTE_FIELDS = ["note_id", "notes"]
FACTS_REF_FILE = "nato/defence_expenditure.csv"


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def release_day(release_date: str) -> str:
    """A release known only to the month counts as the last day of that month."""
    parts = release_date.split("-")
    if len(parts) == 3:
        return release_date
    year, month = int(parts[0]), int(parts[1])
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def build_facts(ref: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """Facts plus the source and note tables they point at."""
    _, rows = read_csv(ref / FACTS_REF_FILE)
    sources: dict[tuple[str, str], str] = {}
    notes: dict[str, str] = {"": ""}
    out = []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        if row["estimate"] not in ("", "e"):
            sys.exit(f"defence_expenditure.csv line {line}: estimate must be '' or 'e', got {row['estimate']!r}")
        source_id = sources.setdefault((row["source_type"], row["source"]), f"S{len(sources) + 1:03d}")
        note_id = notes.setdefault(row["notes"], f"N{len(notes):03d}")
        out.append({
            **{k: row[k] for k in ("iso3", "country", "year", "edition", "indicator", "value", "unit", "price_basis")},
            "estimate": "true" if row["estimate"] == "e" else "false",
            "source_id": source_id,
            "note_id": note_id,
            "ref_line": line,
        })
    source_rows = [{"source_id": sid, "source_type": st, "source": src} for (st, src), sid in sources.items()]
    note_rows = [{"note_id": nid, "notes": text} for text, nid in notes.items() if nid]
    return out, source_rows, note_rows


def build_sipri(ref: Path) -> tuple[list[str], list[dict]]:
    fields, rows = read_csv(ref / "nato" / "sipri_milex.csv")
    for line, row in enumerate(rows, start=2):
        row["ref_file"] = "nato/sipri_milex.csv"
        row["ref_line"] = line
    return fields + ["ref_file", "ref_line"], rows


# Kiel Ukraine Support Tracker: every reference row, each tagged with its vintage (release number, or
# "press-<date>" for the scattered press figures that name no release) and the reference row it came from.
KIEL_REF_FILE = "extra/ukraine_support.csv"
# NATO common funding: the reference rows, then rows from stored copies of NATO's public pages that the
# reference pack does not hold (scripts/reference_supplement/, each with its own source URL).
COMMON_FUNDING_REF_FILE = "extra/common_funding.csv"
COMMON_FUNDING_SUPPLEMENT = ROOT / "scripts" / "reference_supplement" / "common_funding_pages.csv"


def kiel_vintage(row: dict[str, str]) -> str:
    """The release number, or press-<release date or data date> for figures that name no release."""
    return row["release"] or f"press-{row['release_date'] or row['data_through']}"


def build_ukraine_support(ref: Path) -> tuple[list[str], list[dict]]:
    fields, rows = read_csv(ref / KIEL_REF_FILE)
    for line, row in enumerate(rows, start=2):
        row["vintage"] = kiel_vintage(row)
        row["ref_file"] = KIEL_REF_FILE
        row["ref_line"] = line
    return ["vintage", *fields, "ref_file", "ref_line"], rows


def build_common_funding(ref: Path) -> tuple[list[str], list[dict]]:
    fields, rows = read_csv(ref / COMMON_FUNDING_REF_FILE)
    for line, row in enumerate(rows, start=2):
        row["ref_file"] = COMMON_FUNDING_REF_FILE
        row["ref_line"] = line
    extra_fields, extra = read_csv(COMMON_FUNDING_SUPPLEMENT)
    if extra_fields != fields:
        sys.exit(f"{COMMON_FUNDING_SUPPLEMENT.name}: columns {extra_fields} differ from {COMMON_FUNDING_REF_FILE}")
    supplement = f"scripts/reference_supplement/{COMMON_FUNDING_SUPPLEMENT.name}"
    for line, row in enumerate(extra, start=2):
        if not row["source"].strip():
            sys.exit(f"{supplement} line {line}: every row needs a source")
        row["ref_file"] = supplement
        row["ref_line"] = line
    return fields + ["ref_file", "ref_line"], rows + extra


def build_editions(ref: Path) -> tuple[list[str], list[dict]]:
    fields, rows = read_csv(ref / "nato" / "editions.csv")
    for row in rows:
        row["release_day"] = release_day(row["release_date"])
        row["kind"] = "full" if row["edition"] in FULL_EDITIONS else "partial"
    return fields + ["release_day", "kind"], rows


SCHEMAS = {
    "facts": {
        "fields": [
            {"name": "iso3", "type": "string", "description": "ISO 3166 alpha-3, or NATO_TOTAL / NATO_EUR_CAN / NATO_EUROPE"},
            {"name": "country", "type": "string", "description": "NATO's table label"},
            {"name": "year", "type": "integer", "description": "NATO year (fiscal years assigned to the year with most months)"},
            {"name": "edition", "type": "string", "description": "vintage of the NATO publication (editions.csv)"},
            {"name": "indicator", "type": "string"},
            {"name": "value", "type": "number", "description": "as published (full precision where the source had it)"},
            {"name": "unit", "type": "string"},
            {"name": "price_basis", "type": "string", "description": "empty where not applicable"},
            {"name": "estimate", "type": "boolean", "description": "true where NATO's column header carries the 'e' suffix"},
            {"name": "source_id", "type": "string", "description": "sources.csv row naming the publication and the copy read"},
            {"name": "note_id", "type": "string", "description": "notes.csv row with row-level caveats (empty: none)"},
            {"name": "ref_line", "type": "integer",
             "description": "line of reference/nato/defence_expenditure.csv the row was copied from (header = 1)"},
        ],
        "primaryKey": ["iso3", "year", "edition", "indicator", "price_basis"],
        "foreignKeys": [
            {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}},
            {"fields": "note_id", "reference": {"resource": "notes", "fields": "note_id"}},
        ],
    },
    "sources": {
        "fields": [
            {"name": "source_id", "type": "string"},
            {"name": "source_type", "type": "string",
             "constraints": {"enum": ["official_workbook", "third_party_transcription", "press", "user_import"]}},
            {"name": "source", "type": "string", "description": "publication URL plus the copy the values were read from"},
        ],
        "primaryKey": ["source_id"],
    },
}


SCHEMAS["ukraine_support"] = {
    "fields": [
        {"name": "vintage", "type": "string",
         "description": "Kiel release number (29, 30v2, 28, preview) or press-<date> for press figures naming no release"},
        {"name": "iso3", "type": "string", "description": "donor ally, or EU_INST for EU institutions (Commission and Council)"},
        {"name": "donor", "type": "string"},
        {"name": "release", "type": "string", "description": "Kiel release number as in the reference (empty for press figures)"},
        {"name": "release_date", "type": "string", "description": "release date as given by the source (may be empty)"},
        {"name": "data_through", "type": "string", "description": "cut-off of the data (YYYY-MM or YYYY-MM-DD; may be empty)"},
        {"name": "aid_type", "type": "string",
         "constraints": {"enum": ["military", "financial", "humanitarian", "total", "all"]}},
        {"name": "measure", "type": "string", "constraints": {"enum": ["allocations", "commitments", ""]}},
        {"name": "scope", "type": "string", "constraints": {"enum": ["bilateral", "eu_share", "bilateral_plus_eu_share", ""]}},
        {"name": "indicator", "type": "string",
         "constraints": {"enum": ["aid_eur_bn", "aid_usd_bn", "aid_pct_gdp", "gdp_2021_eur_bn"]}},
        {"name": "value", "type": "number", "description": "as in the reference row (empty: the source printed none)"},
        {"name": "unit", "type": "string"},
        {"name": "derivation", "type": "string", "constraints": {"enum": ["as_published", "sum_of_monthly_values"]}},
        {"name": "source_type", "type": "string"},
        {"name": "source", "type": "string"},
        {"name": "notes", "type": "string"},
        {"name": "ref_file", "type": "string"},
        {"name": "ref_line", "type": "integer", "description": "line of ref_file the row was copied from (header = 1)"},
    ],
    "primaryKey": ["vintage", "iso3", "aid_type", "measure", "scope", "indicator"],
}
SCHEMAS["common_funding"] = {
    "fields": [
        {"name": "iso3", "type": "string", "description": "an ally, or NATO_TOTAL for the size of the budgets"},
        {"name": "entity", "type": "string"},
        {"name": "period", "type": "string", "description": "year, YYYY-YYYY, 'YYYY-' (from) or 'until YYYY'"},
        {"name": "budget", "type": "string",
         "constraints": {"enum": ["civil", "military", "nsip", "all_common_funded", "civil_plus_military"]}},
        {"name": "indicator", "type": "string", "constraints": {"enum": ["cost_share_pct", "budget_eur_mn", "ceiling_eur_mn"]}},
        {"name": "value", "type": "number"},
        {"name": "unit", "type": "string"},
        {"name": "approximate", "type": "string", "constraints": {"enum": ["yes", ""]}},
        {"name": "source_type", "type": "string"},
        {"name": "source", "type": "string"},
        {"name": "notes", "type": "string"},
        {"name": "ref_file", "type": "string", "description": "reference file, or the repository's supplement of stored NATO pages"},
        {"name": "ref_line", "type": "integer", "description": "line of ref_file the row was copied from (header = 1)"},
    ],
    "primaryKey": ["iso3", "period", "budget", "indicator", "source_type"],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def infer_schema(fields: list[str], rows: list[dict]) -> dict:
    """Simple schema for the copied tables: integer/number where every non-empty cell parses."""
    out = []
    for name in fields:
        values = [str(r.get(name, "")) for r in rows if str(r.get(name, "")) != ""]
        kind = "string"
        if values and all(v.lstrip("-").isdigit() for v in values):
            kind = "integer"
        elif values and all(_is_number(v) for v in values):
            kind = "number"
        out.append({"name": name, "type": kind})
    return {"fields": out}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    args = parser.parse_args(argv)
    ref: Path = args.reference
    if not (ref / "nato" / "defence_expenditure.csv").exists():
        sys.exit(f"{ref}/nato/defence_expenditure.csv not found: pass --reference DIR (the shared/reference folder)")
    OUT.mkdir(parents=True, exist_ok=True)

    facts, sources, notes = build_facts(ref)
    write_csv(OUT / "facts.csv", FACT_FIELDS, facts)
    write_csv(OUT / "sources.csv", SOURCE_FIELDS, sources)
    write_csv(OUT / "notes.csv", NOTE_FIELDS, notes)
    sipri_fields, sipri = build_sipri(ref)
    write_csv(OUT / "sipri.csv", sipri_fields, sipri)
    ed_fields, editions = build_editions(ref)
    write_csv(OUT / "editions.csv", ed_fields, editions)
    tables = {"facts": (FACT_FIELDS, facts), "sources": (SOURCE_FIELDS, sources), "notes": (NOTE_FIELDS, notes),
              "sipri": (sipri_fields, sipri), "editions": (ed_fields, editions)}
    uk_fields, ukraine = build_ukraine_support(ref)
    write_csv(OUT / "ukraine_support.csv", uk_fields, ukraine)
    tables["ukraine_support"] = (uk_fields, ukraine)
    cf_fields, common = build_common_funding(ref)
    write_csv(OUT / "common_funding.csv", cf_fields, common)
    tables["common_funding"] = (cf_fields, common)
    for name, src in [("members", "nato/members.csv"), ("commitments", "nato/commitments.csv"),
                      ("gdp_forecasts", "extra/gdp_forecasts.csv")]:
        fields, rows = read_csv(ref / src)
        write_csv(OUT / f"{name}.csv", fields, rows)
        tables[name] = (fields, rows)

    descriptions = {
        "facts": "NATO defence-expenditure facts, one per ally/aggregate x year x edition x indicator x price basis",
        "sources": "where each fact was read: publication and copy",
        "notes": "row-level caveats from the reference pack",
        "sipri": "SIPRI Military Expenditure Database (April 2025 release), 1949-2024, for the allies",
        "editions": "every NATO edition (vintage) in the pack: release date, cut-off, estimate years, kind",
        "members": "the 32 allies with accession dates and NATO table labels",
        "commitments": "spending pledges (2006 guideline, Wales 2014, Vilnius 2023, The Hague 2025)",
        "gdp_forecasts": "IMF World Economic Outlook real GDP growth projections (ngdp_rpch) per ally",
        "ukraine_support": "Kiel Institute Ukraine Support Tracker: aid to Ukraine by ally and EU institutions, "
                           "one vintage per release (allocations by type, commitments, % of GDP, EU share)",
        "common_funding": "NATO common funding: cost shares by period and budget, and budget sizes (only the allies "
                          "and years found in public sources; the rest is missing)",
    }
    resources = []
    for name, (fields, rows) in tables.items():
        path = OUT / f"{name}.csv"
        schema = SCHEMAS.get(name) or infer_schema(fields, rows)
        resources.append({
            "name": name, "path": f"{name}.csv", "format": "csv", "encoding": "utf-8",
            "description": descriptions[name], "rows": len(rows),
            "bytes": path.stat().st_size, "hash": f"sha256:{sha256(path)}", "schema": schema,
        })
    package = {
        "name": "burden-nato-defence-expenditure",
        "title": "NATO defence expenditure by edition, with pledges, members and SIPRI history",
        "description": "Built by scripts/build_data.py from the project's reference pack. Values are copied "
                       "exactly; each fact names its source and the reference row it came from.",
        "sources": [
            {"title": "NATO, Defence Expenditure of NATO Countries (editions 2015-2026)",
             "path": "https://www.nato.int/cps/en/natohq/topics_49198.htm"},
            {"title": "SIPRI Military Expenditure Database (April 2025)",
             "path": "https://www.sipri.org/databases/milex"},
            {"title": "IMF World Economic Outlook (April 2025, October 2025, April 2026)",
             "path": "https://www.imf.org/en/Publications/WEO"},
            {"title": "Kiel Institute, Ukraine Support Tracker (Releases 28, 29, 30v2 and press figures)",
             "path": "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/"},
            {"title": "NATO, Funding NATO (common funding), and press reports of NATO's budget statements",
             "path": "https://www.nato.int/cps/en/natohq/topics_67655.htm"},
        ],
        "licenses": [
            {"title": "NATO figures: public information; cite NATO, Defence Expenditure of NATO Countries, edition."},
            {"title": "SIPRI data: free for non-commercial use with attribution "
                      "('SIPRI Military Expenditure Database, 2025')."},
            {"title": "IMF WEO data: IMF terms of use; cite IMF World Economic Outlook and edition."},
            {"title": "Kiel data: cite Trebesch et al., Ukraine Support Tracker, Kiel Institute, release."},
        ],
        "editions": [
            {k: e[k] for k in ("edition", "release_date", "release_day", "data_cutoff", "estimate_years", "kind")}
            for e in editions
        ],
        "resources": resources,
    }
    (OUT / "datapackage.json").write_text(json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(facts)} facts, {len(sipri)} SIPRI rows, {len(editions)} editions to {OUT}")
    return validate_built_package()


def validate_built_package() -> int:
    """Every check of burden.validate on what was just written; documented allowances are listed."""
    sys.path.insert(0, str(ROOT / "src"))
    from burden.validate import validate_package

    report = validate_package(OUT)
    print(report.to_text(limit=None))
    for violation, reason in report.allowed:
        print(f"  allowed [{violation.code}] {violation}: {reason}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
