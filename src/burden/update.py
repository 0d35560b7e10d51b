"""`burden update`: check for and fetch new releases of NATO's and SIPRI's workbooks, verify them, and
import them atomically into the user data folder.

Where each source publishes is data (`data/sources_remote.toml`; `BURDEN_UPDATE_SOURCES` names another
file, e.g. a mirror or a test server). A fetch:
1. sends a conditional request (If-None-Match / If-Modified-Since from the manifest or the known
   release) - a 304 means nothing to do;
2. streams the body to a temporary file outside the data folder, with a timeout and a size limit
   (Content-Length checked first, then the bytes read), and fails on a short body (truncated);
3. verifies the type (an HTML page served with 200 is an error page, not data; a workbook is a ZIP with
   the expected sheets), the size and the sha256 (when one is expected);
4. validates and imports with the same importer as `burden import` (all-or-nothing, atomic rename);
5. records URL, time, sha256, size, ETag and Last-Modified in `update-manifest.json` beside the data.
Any failure raises BurdenError with one line (code `offline` when the host cannot be reached or does not
answer in time) and leaves the data folder as it was. Standard library only (urllib).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import http.client
import json
import os
import re
import shutil
import tempfile
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BurdenError
from .paths import SHIPPED_DATA_DIR, user_data_dir, writing_user_data

SOURCES_FILE = SHIPPED_DATA_DIR / "sources_remote.toml"
SOURCES_ENV = "BURDEN_UPDATE_SOURCES"
TIMEOUT_ENV = "BURDEN_UPDATE_TIMEOUT"
MAX_BYTES_ENV = "BURDEN_UPDATE_MAX_BYTES"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50_000_000
MANIFEST_NAME = "update-manifest.json"
CHUNK = 64 * 1024


class OfflineError(BurdenError):
    """The host could not be reached (refused, unknown name, no answer in time): nothing changed."""

    code = "offline"


class FetchError(BurdenError):
    """The server answered, but not with a usable file (HTTP error, HTML page, truncated, too large...)."""

    code = "fetch-failed"


# ---------------------------------------------------------------- configuration

def load_sources(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The sources in sources_remote.toml (or `path`, or the file named by BURDEN_UPDATE_SOURCES)."""
    path = Path(path or os.environ.get(SOURCES_ENV) or SOURCES_FILE)
    try:
        with path.open("rb") as fh:
            sources = tomllib.load(fh)["source"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise BurdenError(f"{path}: cannot read the update sources ({type(exc).__name__}: {exc}); "
                          f"fix the file or unset {SOURCES_ENV}", code="invalid-sources") from None
    return sources


def source(source_id: str, sources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    sources = sources if sources is not None else load_sources()
    for s in sources:
        if s["id"] == source_id:
            return s
    from .errors import UnknownValueError

    raise UnknownValueError("source", source_id, [s["id"] for s in sources], hint="see `burden update --check`")


def _timeout(timeout: float | None) -> float:
    if timeout is not None:
        return float(timeout)
    return float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT)


def _max_bytes(max_bytes: int | None, src: dict[str, Any] | None = None) -> int:
    if max_bytes is not None:
        return int(max_bytes)
    if os.environ.get(MAX_BYTES_ENV):
        return int(os.environ[MAX_BYTES_ENV])
    return int((src or {}).get("max_bytes", DEFAULT_MAX_BYTES))


# ---------------------------------------------------------------- manifest

def manifest_path() -> Path:
    return user_data_dir() / MANIFEST_NAME


def read_manifest() -> dict[str, Any]:
    path = manifest_path()
    if not path.is_file():
        return {"fetched": []}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BurdenError(f"{path}: unreadable update manifest ({exc}); move it aside and rerun",
                          code="invalid-manifest") from None


def _record(entry: dict[str, Any]) -> None:
    """Add `entry` to the manifest, replacing an older entry for the same source and label."""
    from .importers import replace_file_atomically

    with writing_user_data():  # read and rewrite under one lock: a concurrent run's entry is not lost
        manifest = read_manifest()
        kept = [e for e in manifest["fetched"] if (e["source"], e["label"]) != (entry["source"], entry["label"])]
        manifest["fetched"] = [*kept, entry]
        text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
        replace_file_atomically(manifest_path(), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _manifest_entry(source_id: str, label: str) -> dict[str, Any] | None:
    return next((e for e in read_manifest()["fetched"] if (e["source"], e["label"]) == (source_id, label)), None)


# ---------------------------------------------------------------- HTTP

@dataclass
class Fetched:
    status: int  # 200 or 304
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # the downloaded body (200 on GET)
    sha256: str = ""
    size: int = 0

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _offline(url: str, reason: object) -> OfflineError:
    text = str(reason) if not isinstance(reason, TimeoutError) else "timed out"
    return OfflineError(f"offline: cannot reach {_host(url)} ({text or type(reason).__name__}); nothing changed")


def request(url: str, dest: Path | None = None, *, method: str = "GET", etag: str = "", last_modified: str = "",
            timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """One HTTP request with conditional headers. On a 200 GET the body goes to `dest` (size-limited and
    checked against Content-Length); 304 returns without a body; anything else raises."""
    from . import __version__

    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise BurdenError(f"unsupported URL {url!r}: use http:// or https://", code="invalid-url")
    headers = {"User-Agent": f"burden/{__version__} (+burden update)", "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    limit, wait = _max_bytes(max_bytes), _timeout(timeout)
    req = urllib.request.Request(url, headers=headers, method=method)
    try:
        resp = urllib.request.urlopen(req, timeout=wait)  # noqa: S310 (scheme checked above)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304:
            return Fetched(304, url, {k.lower(): v for k, v in exc.headers.items()})
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}; nothing changed") from None
    except urllib.error.URLError as exc:
        raise _offline(url, exc.reason) from None
    except (TimeoutError, ConnectionError) as exc:
        raise _offline(url, exc) from None
    with resp:
        got = {k.lower(): v for k, v in resp.headers.items()}
        fetched = Fetched(resp.status, url, got)
        if method == "HEAD" or dest is None:
            return fetched
        declared = int(got["content-length"]) if got.get("content-length", "").isdigit() else None
        if declared is not None and declared > limit:
            raise FetchError(f"{url}: {declared:,} bytes announced, above the limit of {limit:,} "
                             f"(set {MAX_BYTES_ENV} to allow more); nothing changed")
        digest, size = hashlib.sha256(), 0
        try:
            with dest.open("wb") as out:
                while chunk := resp.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"{url}: more than {limit:,} bytes, above the limit "
                                         f"(set {MAX_BYTES_ENV} to allow more); nothing changed")
                    digest.update(chunk)
                    out.write(chunk)
        except http.client.IncompleteRead as exc:
            raise FetchError(f"{url}: truncated download ({size + len(exc.partial):,} of {declared or '?'} bytes); "
                             "nothing changed") from None
        except TimeoutError as exc:
            raise _offline(url, exc) from None
        if declared is not None and size != declared:
            raise FetchError(f"{url}: truncated download ({size:,} of {declared:,} bytes); nothing changed")
    fetched.path, fetched.sha256, fetched.size = dest, digest.hexdigest(), size
    return fetched


# ---------------------------------------------------------------- verification

def _sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    import html

    return [html.unescape(n) for n in re.findall(r"<(?:\w+:)?sheet\b[^>]*\bname=\"([^\"]*)\"", xml)]


def verify_workbook(fetched: Fetched, src: dict[str, Any], sha256: str | None = None) -> list[str]:
    """Type, expected sheets and checksum of a downloaded workbook; returns its sheet names."""
    path, url = fetched.path, fetched.url
    assert path is not None
    with path.open("rb") as fh:
        head = fh.read(512)
    ctype = fetched.headers.get("content-type", "").lower()
    if "html" in ctype or head.lstrip().lower().startswith((b"<!doctype", b"<html", b"<?xml", b"<")):
        raise FetchError(f"{url}: the server answered with an HTML page (HTTP {fetched.status}), not a workbook: "
                         "an error page or a moved file? nothing changed")
    if not head.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(path):
        raise FetchError(f"{url}: not an .xlsx workbook (no ZIP signature; {fetched.size:,} bytes"
                         f"{', ' + ctype if ctype else ''}); nothing changed")
    try:
        sheets = _sheet_names(path)
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise FetchError(f"{url}: a ZIP file but not a readable .xlsx workbook ({type(exc).__name__}); "
                         "nothing changed") from None
    for pattern in src.get("sheets", []):
        if not any(re.search(pattern, s.strip(), re.IGNORECASE) for s in sheets):
            raise FetchError(f"{url}: no sheet matching /{pattern}/ (sheets: {', '.join(sheets)}): "
                             "a renamed sheet or a new layout? nothing changed")
    if sha256 and fetched.sha256 != sha256.lower():
        raise FetchError(f"{url}: sha256 {fetched.sha256} differs from the expected {sha256}; nothing changed")
    return sheets


# ---------------------------------------------------------------- installed state

def _nato_installed() -> str | None:
    from .dataset import edition_records

    labels = [r["edition"] for r in edition_records() if r.get("kind") == "full" and "-" not in r["edition"][5:]]
    return labels[-1] if labels else None


def _sipri_installed() -> str | None:
    from .paths import user_sipri_file

    path = user_sipri_file() if user_sipri_file().is_file() else SHIPPED_DATA_DIR / "sipri.csv"
    import csv

    with path.open(newline="", encoding="utf-8") as fh:
        years = [int(r["year"]) for r in csv.DictReader(fh)]
    return f"{min(years)}-{max(years)}" if years else None


def installed(src: dict[str, Any]) -> str | None:
    kind = src["kind"]
    if kind == "nato-workbook":
        return _nato_installed()
    if kind == "sipri-workbook":
        return _sipri_installed()
    return src.get("installed")


def _label_year(label: str | None) -> int | None:
    m = re.search(r"(\d{4})(?:-\d{2})?$", label or "") or re.match(r"(\d{4})", label or "")
    return int(m.group(1)) if m else None


def _month_label(last_modified: str) -> str:
    """YYYY-MM of a Last-Modified header (the edition label of a newly found NATO release), else this month."""
    try:
        return email.utils.parsedate_to_datetime(last_modified).strftime("%Y-%m")
    except (TypeError, ValueError):
        return dt.date.today().strftime("%Y-%m")


def _newest_release(src: dict[str, Any]) -> dict[str, Any] | None:
    releases = src.get("releases", [])
    return releases[-1] if releases else None


# ---------------------------------------------------------------- check

def _check_source(src: dict[str, Any], timeout: float | None) -> dict[str, Any]:
    have = installed(src)
    row: dict[str, Any] = {"source": src["id"], "name": src.get("name", ""), "installed": have, "latest": have,
                           "status": "up-to-date", "url": None, "detail": ""}
    if src["kind"] == "page":
        row["url"] = src["url"]
        fetched = request(src["url"], method="HEAD", timeout=timeout)
        row["latest"] = fetched.last_modified or None
        row["status"] = "manual"
        row["detail"] = "no importer in burden: see the page for new releases" + (
            f" (page last modified {fetched.last_modified})" if fetched.last_modified else "")
        return row
    releases = src.get("releases", [])
    year = _label_year(have) if src["kind"] == "sipri-workbook" else int(have[:4]) if have else None
    newer_known = [r for r in releases if have and r["label"] > have and src["kind"] == "nato-workbook"]
    if newer_known:
        rel = newer_known[-1]
        row.update(latest=rel["label"], status="newer-available", url=rel["url"],
                   detail="a release listed in sources_remote.toml is not installed")
        return row
    if src.get("next") and year is not None:
        url = urllib.parse.urljoin(src["folder"], src["next"].format(year=year + 1))
        row["url"] = url
        try:
            fetched = request(url, method="HEAD", timeout=timeout)
        except FetchError as exc:
            if " HTTP 404 " not in f" {exc} " and "HTTP 410" not in str(exc):
                raise
        else:
            label = _month_label(fetched.last_modified) if src["kind"] == "nato-workbook" else \
                re.sub(r"\d{4}$", str(year + 1), have or "")
            row.update(latest=label, status="newer-available",
                       detail=f"found {url.rsplit('/', 1)[-1]}" + (f", last modified {fetched.last_modified}"
                                                                   if fetched.last_modified else ""))
            return row
    rel = next((r for r in reversed(releases) if r["label"] == have), None)
    if rel is not None:
        entry = _manifest_entry(src["id"], rel["label"]) or {}
        etag, modified = entry.get("etag") or rel.get("etag", ""), entry.get("last_modified") or rel.get("last_modified", "")
        row["url"] = rel["url"]
        if etag or modified:
            fetched = request(rel["url"], method="HEAD", etag=etag, last_modified=modified, timeout=timeout)
            if fetched.status == 200 and (not etag or fetched.etag != etag):
                row.update(status="changed", detail="the installed release's file changed upstream "
                           "(a corrected re-issue?): rerun with --url to fetch it")
                return row
    row["detail"] = "no newer release found"
    return row


def check(timeout: float | None = None, sources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """What is newer upstream, per source; changes nothing. Raises OfflineError when no source answers."""
    sources = sources if sources is not None else load_sources()
    rows, offline = [], []
    for src in sources:
        try:
            rows.append(_check_source(src, timeout))
        except OfflineError as exc:
            offline.append(str(exc))
            rows.append({"source": src["id"], "name": src.get("name", ""), "installed": installed(src),
                         "latest": None, "status": "offline", "url": None, "detail": str(exc)})
        except FetchError as exc:
            rows.append({"source": src["id"], "name": src.get("name", ""), "installed": installed(src),
                         "latest": None, "status": "error", "url": None, "detail": str(exc)})
    if rows and len(offline) == len(rows):
        raise OfflineError(offline[0])
    return {"sources": rows, "checked_at": _now()}


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------- fetch and import

def fetch_and_import(url: str, label: str, source_id: str = "nato", *, release_date: str | None = None,
                     sha256: str | None = None, timeout: float | None = None, max_bytes: int | None = None,
                     sources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Fetch one workbook and import it as `label` (a NATO edition, or the SIPRI history). A 304 against
    the validators recorded for it returns status `not-modified`; a failure changes nothing."""
    from .importers import _check_edition_label, import_nato, import_sipri

    src = source(source_id, sources)
    if src["kind"] == "nato-workbook":
        _check_edition_label(label)
    elif src["kind"] != "sipri-workbook":
        raise BurdenError(f"source {source_id!r} has no importer (kind {src['kind']}); see its page: "
                          f"{src.get('url', '')}", code="no-importer")
    entry = _manifest_entry(source_id, label)
    known = next((r for r in src.get("releases", []) if r["url"] == url and r["label"] == label), None)
    validators = {}
    if entry and entry.get("url") == url and _is_installed(src, label, entry):
        validators = {"etag": entry.get("etag", ""), "last_modified": entry.get("last_modified", "")}
    elif known and _is_installed(src, label, None):
        validators = {"etag": known.get("etag", ""), "last_modified": known.get("last_modified", "")}
    workdir = Path(tempfile.mkdtemp(prefix="burden-update-"))  # outside the data folder
    try:
        name = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).name or "download.xlsx"
        dest = workdir / (name if name.lower().endswith(".xlsx") else f"{name}.xlsx")
        fetched = request(url, dest, timeout=timeout, max_bytes=_max_bytes(max_bytes, src), **validators)
        base = {"source": source_id, "edition" if src["kind"] == "nato-workbook" else "label": label, "url": url}
        if fetched.status == 304:
            return {**base, "status": "not-modified", "sha256": (entry or {}).get("sha256"),
                    "etag": validators.get("etag") or None, "last_modified": validators.get("last_modified") or None,
                    "detail": "the server says the file has not changed since it was imported; nothing changed"}
        verify_workbook(fetched, src, sha256)
        with writing_user_data():  # the import and its manifest entry land together
            if src["kind"] == "nato-workbook":
                result = import_nato(dest, label, release_date=release_date)
            else:
                result = import_sipri(dest)
            record = {"source": source_id, "label": label, "url": url, "file": dest.name, "fetched_at": _now(),
                      "sha256": fetched.sha256, "bytes": fetched.size, "etag": fetched.etag or None,
                      "last_modified": fetched.last_modified or None, "layout": result.get("layout")}
            _record(record)
        return {**base, "status": "imported", "sha256": fetched.sha256, "bytes": fetched.size,
                "etag": fetched.etag or None, "last_modified": fetched.last_modified or None,
                "layout": result.get("layout"), "facts": result.get("facts", result.get("values")),
                "written_to": result["written_to"], "manifest": str(manifest_path())}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _is_installed(src: dict[str, Any], label: str, entry: dict[str, Any] | None) -> bool:
    if src["kind"] == "nato-workbook":
        from .dataset import edition_labels

        return label in edition_labels()
    from .paths import user_sipri_file

    return entry is None or user_sipri_file().is_file()


def update_all(timeout: float | None = None, sources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Check every source and fetch + import what is newer (NATO, SIPRI); pages are only reported."""
    sources = sources if sources is not None else load_sources()
    report = check(timeout, sources)
    by_id = {s["id"]: s for s in sources}
    for row in report["sources"]:
        src = by_id[row["source"]]
        if row["status"] not in ("newer-available", "changed") or src["kind"] == "page" or not row["url"]:
            continue
        label = row["latest"] if row["status"] == "newer-available" else row["installed"]
        release_date = None
        try:
            row["update"] = fetch_and_import(row["url"], label, src["id"], release_date=release_date,
                                             timeout=timeout, sources=sources)
            row["status"] = row["update"]["status"]
        except BurdenError as exc:
            row["status"], row["detail"] = "error", str(exc)
    return report
