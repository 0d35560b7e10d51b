"""Importers: a NATO or SIPRI workbook -> parsed, validated, then written ATOMICALLY to the user's
data directory (never inside site-packages). Nothing is written unless every check passes, and a
failed import leaves the data directory byte-identical.

    import_nato("def-exp-2025-en.xlsx", "2025-08")   # -> report dict (what was found, what changed)
    import_sipri("SIPRI-Milex-data-1949-2025.xlsx")
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import BurdenError, ValidationError
from ..paths import writing_user_data
from ..validate import rounding_tolerance, validate_facts
from .kiel_workbook import KIEL_FIELDS, parse_kiel_workbook
from .nato_workbook import parse_nato_workbook
from .sipri_workbook import SIPRI_FIELDS, parse_sipri_workbook

__all__ = ["import_kiel", "import_nato", "import_sipri", "parse_kiel_workbook", "parse_nato_workbook",
           "parse_sipri_workbook"]

EDITION_LABEL = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(-[a-z0-9]+)?$")


def _check_edition_label(edition: str) -> None:
    if not EDITION_LABEL.match(edition or ""):
        raise BurdenError(f"invalid edition label {edition!r}: use YYYY-MM (e.g. 2025-08), optionally with a "
                          "suffix like 2025-04-sgar", code="invalid-edition")


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


# ---------------------------------------------------------------- atomic writes

def _cleanup_created(created: list[Path]) -> None:
    for path in reversed(created):
        try:
            path.rmdir()  # only if still empty
        except OSError:
            pass


def _mkdirs(path: Path) -> list[Path]:
    """mkdir -p, returning the directories it created (so a failure can remove exactly those)."""
    missing = []
    for p in [path, *path.parents]:
        if p.exists():
            break
        missing.append(p)
    for p in reversed(missing):
        p.mkdir()
    return list(reversed(missing))


def replace_dir_atomically(target: Path, staging_root: Path, fill: Callable[[Path], None]) -> None:
    """Write a directory's files into a staging directory, then swap it in with renames (same
    filesystem). On any failure nothing of the attempt is left behind."""
    created = _mkdirs(target.parent) + _mkdirs(staging_root)
    staged = Path(tempfile.mkdtemp(prefix=f"{target.name}.", suffix=".new", dir=staging_root))
    backup = staging_root / f"{staged.name[:-4]}.old"
    try:
        fill(staged)
        if target.exists():
            os.rename(target, backup)
        try:
            os.rename(staged, target)
        except OSError:
            if backup.exists():
                os.rename(backup, target)
            raise
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        _cleanup_created(created)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    _cleanup_created([staging_root])


def replace_file_atomically(target: Path, write: Callable[[Path], object]) -> None:
    created = _mkdirs(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        _cleanup_created(created)
        raise


def _write_csv(path: Path, fields: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()})


# ---------------------------------------------------------------- NATO

def _edition_meta(edition: str, records: list[dict], path: Path, sha256: str, release_date: str | None,
                  previous: dict[str, Any] | None) -> dict[str, Any]:
    years = sorted({r["year"] for r in records})
    estimate_years = sorted({r["year"] for r in records if r["estimate"]})
    if release_date:
        day = dt.date.fromisoformat(release_date)
        release = {"release_date": day.isoformat(), "release_day": day.isoformat(),
                   "release_date_precision": "day (given at import)"}
    elif previous:
        release = {k: previous.get(k, "") for k in ("release_date", "release_day", "release_date_precision", "data_cutoff")}
    else:
        year, month = int(edition[:4]), int(edition[5:7])
        release = {"release_date": edition[:7], "release_day": _month_end(year, month),
                   "release_date_precision": "month (from the edition label; a month counts as its last day)"}
    allies = {r["iso3"] for r in records if r["indicator"] == "def_exp_pct_gdp" and not r["iso3"].startswith("NATO")}
    return {
        "edition": edition, "publication": "Defence Expenditure of NATO Countries",
        "title": f"Defence Expenditure of NATO Countries ({years[0]}-{years[-1]})", "data_cutoff": "",
        **release,
        "years_covered": f"{years[0]}-{years[-1]}",
        "estimate_years": ", ".join(str(y) for y in estimate_years),
        "definition_notes": "; ".join(sorted({r["price_basis"] for r in records if r["price_basis"]})),
        "rows_in_pack": len(records), "ally_pct_gdp_values": len([r for r in records if r["indicator"] == "def_exp_pct_gdp"
                                                                  and r["iso3"] in allies]),
        "date_source": "user import", "kind": "full",
        "notes": f"imported from {path.name} (sha256 {sha256})",
        "source_file": path.name, "source_sha256": sha256,
        "imported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    }


def _compare(old: list[dict], new: list[dict], key: Callable[[dict], tuple]) -> dict[str, int]:
    """Counts of identical / changed / added / removed values between two versions of the same data.
    A value counts as changed only beyond the printed precision of the old one."""
    a, b = {key(r): r["value"] for r in old}, {key(r): r["value"] for r in new}
    both = set(a) & set(b)
    changed = sum(1 for k in both if abs(a[k] - b[k]) > rounding_tolerance(a[k]) * (1 + 1e-9))
    return {"unchanged": len(both) - changed, "changed": changed, "added": len(set(b) - set(a)),
            "removed": len(set(a) - set(b))}


def _revisions(edition: str) -> dict[str, Any] | None:
    """% of GDP revisions against the latest other full edition released before this one (dataset.diff)."""
    from ..dataset import diff, edition_records

    records = edition_records()
    mine = next(r for r in records if r["edition"] == edition)
    earlier = [r["edition"] for r in records if r.get("kind") == "full" and r["edition"] != edition
               and r["release_day"] <= mine["release_day"]]
    if not earlier:
        return None
    df = diff(earlier[-1], edition, "pct_gdp")
    counts = df["status"].value_counts().to_dict()
    top = df[df["status"] == "revised"].head(5)
    return {
        "against": earlier[-1], "indicator": "def_exp_pct_gdp", "counts": {k: int(v) for k, v in counts.items()},
        "largest": [{"iso3": r.iso3, "year": int(r.year), "from": r.value_a, "to": r.value_b,
                     "change": r.change} for r in top.itertuples()],
    }


def import_nato(path: str | Path, edition: str, *, release_date: str | None = None,
                dry_run: bool = False) -> dict[str, Any]:
    """Parse and validate a NATO workbook; unless dry_run, add or replace `edition` in the user's data
    directory. Raises ValidationError (every violation, the first in the message) on bad input."""
    from ..dataset import RECORD_FIELDS, edition_records, fact_records
    from ..members import parse_date
    from ..paths import user_data_dir, user_editions_dir

    _check_edition_label(edition)
    if release_date:
        parse_date(release_date)
    path = Path(path)
    parsed = parse_nato_workbook(path, edition)
    report = validate_facts(parsed.records, path.name, full_editions=[edition])
    violations = parsed.violations + report.violations
    if violations:
        raise ValidationError(violations)

    previous = next((r for r in edition_records() if r["edition"] == edition), None)
    old = fact_records(editions=[edition]) if previous else []
    records = sorted(parsed.records, key=lambda r: (r["indicator"], r["price_basis"], r["iso3"], r["year"]))
    meta = _edition_meta(edition, records, path, parsed.sha256, release_date, previous)
    result: dict[str, Any] = {
        "kind": "nato", "file": str(path), "sha256": parsed.sha256, "edition": edition, "layout": parsed.layout,
        "facts": len(records), "allies": len({r["iso3"] for r in records if not r["iso3"].startswith("NATO")}),
        "aggregates": sorted({r["iso3"] for r in records if r["iso3"].startswith("NATO")}),
        "years": meta["years_covered"], "estimate_years": meta["estimate_years"],
        "indicators": sorted({r["indicator"] for r in records}),
        "price_bases": sorted({r["price_basis"] for r in records if r["price_basis"]}),
        "tables": parsed.tables, "skipped": parsed.skipped,
        "validation": {"checks": report.checks, "allowed": [str(v) for v, _ in report.allowed]},
        "replaces": ({"origin": previous.get("origin", "shipped"),
                      **_compare(old, records, lambda r: (r["iso3"], r["year"], r["indicator"], r["price_basis"]))}
                     if previous else None),
        "dry_run": dry_run, "written_to": None, "revisions": None,
    }
    if dry_run:
        return result
    target = user_editions_dir() / edition

    def fill(folder: Path) -> None:
        _write_csv(folder / "facts.csv", RECORD_FIELDS, [{k: r[k] for k in RECORD_FIELDS} for r in records])
        (folder / "edition.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    with writing_user_data():
        replace_dir_atomically(target, user_data_dir() / ".staging", fill)
    result["written_to"] = str(target)
    result["revisions"] = _revisions(edition)
    return result


# ---------------------------------------------------------------- SIPRI

def import_sipri(path: str | Path, *, dry_run: bool = False) -> dict[str, Any]:
    """Parse and validate SIPRI's milex workbook; unless dry_run, it replaces the SIPRI history used by
    `burden.sipri()` (the shipped copy stays in the package)."""
    from ..paths import SHIPPED_DATA_DIR, user_sipri_file

    path = Path(path)
    parsed = parse_sipri_workbook(path)
    if parsed.violations:
        raise ValidationError(parsed.violations)
    current = user_sipri_file() if user_sipri_file().is_file() else SHIPPED_DATA_DIR / "sipri.csv"
    with current.open(newline="", encoding="utf-8") as fh:
        old = [{**r, "year": int(r["year"]), "value": float(r["value"])} for r in csv.DictReader(fh)]
    result: dict[str, Any] = {
        "kind": "sipri", "file": str(path), "sha256": parsed.sha256, "values": len(parsed.rows),
        "allies": len({r["iso3"] for r in parsed.rows}), "sheets": parsed.sheets,
        "estimates": sum(1 for r in parsed.rows if r["flag"] == "e"),
        "uncertain": sum(1 for r in parsed.rows if r["flag"] == "u"),
        "replaces": {"origin": "imported" if current != SHIPPED_DATA_DIR / "sipri.csv" else "shipped",
                     **_compare(old, parsed.rows, lambda r: (r["iso3"], r["year"], r["indicator"]))},
        "dry_run": dry_run, "written_to": None,
    }
    if not dry_run:
        with writing_user_data():
            replace_file_atomically(user_sipri_file(), lambda tmp: _write_csv(tmp, SIPRI_FIELDS, parsed.rows))
        result["written_to"] = str(user_sipri_file())
    return result


# ---------------------------------------------------------------- Kiel Ukraine Support Tracker

KIEL_RELEASE_LABEL = re.compile(r"^\d{1,3}[a-z0-9]{0,6}$")


def import_kiel(path: str | Path, release: str, *, release_date: str | None = None, data_through: str | None = None,
                dry_run: bool = False) -> dict[str, Any]:
    """Parse and validate a Kiel release workbook; unless dry_run, add or replace that release (vintage)
    in the user's data directory. Raises ValidationError (every violation, the first in the message)."""
    from ..members import parse_date
    from ..responsibility import kiel_records, kiel_user_dir

    release = str(release).strip()
    if not KIEL_RELEASE_LABEL.match(release):
        raise BurdenError(f"invalid Kiel release {release!r}: use the release number, e.g. 29 or 30v2",
                          code="invalid-release")
    if release_date:
        parse_date(release_date)
    if data_through and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])(-\d{2})?", data_through):
        raise BurdenError(f"invalid --data-through {data_through!r}: use YYYY-MM (the last month of data)",
                          code="invalid-date")
    path = Path(path)
    parsed = parse_kiel_workbook(path, release, release_date=release_date or "", data_through=data_through or "")
    if parsed.violations:
        raise ValidationError(parsed.violations)
    old = [r for r in kiel_records() if r["vintage"] == release]

    def key(r: dict) -> tuple:
        return (r["iso3"], r["aid_type"], r["measure"], r["scope"], r["indicator"])

    old_num = [{**r, "value": float(r["value"])} for r in old if r["value"] != ""]
    result: dict[str, Any] = {
        "kind": "kiel", "file": str(path), "sha256": parsed.sha256, "release": release,
        "release_date": release_date, "data_through": data_through, "currency": parsed.currency,
        "values": len(parsed.records), "donors": sorted({r["iso3"] for r in parsed.records}),
        "skipped_donors": parsed.skipped_donors, "main_data_rows": parsed.main_rows,
        "replaces": ({"origin": "imported" if (kiel_user_dir() / release).is_dir() else "shipped",
                      **_compare(old_num, parsed.records, key)} if old else None),
        "dry_run": dry_run, "written_to": None,
    }
    if dry_run:
        return result
    target = kiel_user_dir() / release
    meta = {"release": release, "release_date": release_date or "", "data_through": data_through or "",
            "source_file": path.name, "source_sha256": parsed.sha256, "currency": parsed.currency,
            "imported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}

    def fill(folder: Path) -> None:
        _write_csv(folder / "ukraine_support.csv", KIEL_FIELDS, parsed.records)
        (folder / "release.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    with writing_user_data():
        replace_dir_atomically(target, user_data_dir_staging(), fill)
    result["written_to"] = str(target)
    return result


def user_data_dir_staging() -> Path:
    from ..paths import user_data_dir

    return user_data_dir() / ".staging"
