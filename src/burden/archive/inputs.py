"""Reading an archive: WARC / WARC.gz files, folders of HTML or text files, JSONL and Parquet tables.

Reading happens in two steps so that it can be spread over Dask workers:

1. `scan(path)` walks one input file once and notes, for every record, where it starts, a digest of
   its content (for duplicates) and any defect found on the way (a corrupt or truncated record). A
   scan is small (no page text) and is what the run partitions.
2. `read(partition)` reads the records of one partition back from their offsets (a worker's job) and
   hands out `Record`s: raw bytes for pages, text for tables, plus what the input said (url, date, id).

A record that cannot be read becomes a `Record` with `error` set: it is reported as failed, never
dropped and never allowed to stop the run.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BurdenError

PAGE_SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".text", ".md"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
PAGE_RECORD_TYPES = {"response", "resource"}


@dataclass
class Record:
    """One input record as read: `payload` (bytes of a page) or `text` (a table's field)."""

    record_id: str  # "<input name>#<record number>": unique within a run
    source: str
    number: int
    url: str | None = None
    id: str | None = None
    date: str | None = None  # the date the input gave (tables); pages get theirs from the HTML
    kind: str = "html"  # html | text
    payload: bytes | None = None
    text: str | None = None
    content_type: str | None = None
    charset: str | None = None
    error: str | None = None  # a defect found while reading: the record is reported as failed


@dataclass
class Entry:
    """What the scan notes about one record (JSON-able, small)."""

    number: int
    offset: int
    digest: str | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def input_kind(path: Path) -> str:
    name = path.name.lower()
    if path.is_dir():
        return "dir"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    raise BurdenError(f"{path}: not a WARC, JSONL or Parquet file, nor a folder: give *.warc(.gz), *.jsonl, "
                      "*.parquet or a folder of HTML/text files", code="invalid-input")


def identity(path: Path) -> str:
    """What a rerun compares to know an input is unchanged: path, size and modification time."""
    if path.is_dir():
        parts = [f"{p.relative_to(path)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in _page_files(path)]
        return hashlib.sha1("\n".join(parts).encode()).hexdigest()
    st = path.stat()
    return f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"


def scan(path: str | Path) -> list[dict[str, Any]]:
    """Every record of one input, in order, as JSON-able entries (see `Entry`)."""
    path = Path(path)
    kind = input_kind(path)
    entries = {"warc": _scan_warc, "dir": _scan_dir, "jsonl": _scan_jsonl, "parquet": _scan_parquet}[kind](path)
    return [e.__dict__ for e in entries]


def read(path: str | Path, name: str, entries: list[dict[str, Any]]) -> Iterator[Record]:
    """The records of `entries` (a slice of `scan(path)`), read back from their offsets."""
    path = Path(path)
    kind = input_kind(path)
    reader = {"warc": _read_warc, "dir": _read_dir, "jsonl": _read_jsonl, "parquet": _read_parquet}[kind]
    for entry in entries:
        rec = Record(record_id=f"{name}#{entry['number']}", source=name, number=entry["number"])
        if entry.get("error"):
            rec.error = entry["error"]
            yield rec
            continue
        try:
            reader(path, entry, rec)
        except Exception as exc:  # a record that cannot be read back is a failed record, not a failed run
            rec.error = f"unreadable record: {type(exc).__name__}: {exc}"
        yield rec


# ---------------------------------------------------------------- WARC

def _warcio():
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise BurdenError("reading WARC files needs the `archive` extra: pip install 'burden[archive]'",
                          code="missing-extra") from None
    return ArchiveIterator


def _warc_body(record) -> tuple[bytes, str | None]:
    """The record's HTTP payload and a defect: a record shorter than its Content-Length was cut off."""
    body = record.content_stream().read()
    left = getattr(record.raw_stream, "limit", 0)
    if left:
        return body, f"truncated record: {left} bytes missing of Content-Length {record.length}"
    return body, None


def _scan_warc(path: Path) -> list[Entry]:
    """Entries of the page records; a corrupt stretch becomes one failed entry and the scan resumes at the
    next record start found after it (one bad record does not lose the rest of a large file)."""
    entries: list[Entry] = []
    size = path.stat().st_size
    start = 0
    with path.open("rb") as f:
        while start < size:
            bad_at, error = _scan_warc_from(f, start, entries)
            if bad_at is None:
                break
            entries.append(Entry(len(entries), bad_at, None, f"corrupt WARC record at byte {bad_at}: {error}"))
            start = _next_record_start(f, bad_at + 1, gzipped=path.name.lower().endswith(".gz"))
    return entries


def _scan_warc_from(f, start: int, entries: list[Entry]) -> tuple[int | None, str | None]:
    """Scan from byte `start` to the end or the first defect: (offset of the defect, its error) or (None, None)."""
    ArchiveIterator = _warcio()
    f.seek(start)
    it = ArchiveIterator(f)
    last_end = start
    try:
        for record in it:
            if record.length is None:  # mandatory in WARC; without it the reader would take the rest of the file
                raise ValueError("record without a valid Content-Length")
            if record.rec_type not in PAGE_RECORD_TYPES:
                record.content_stream().read()
                last_end = it.get_record_offset()  # offsets are positions in the file
                continue
            body, defect = _warc_body(record)
            offset = it.get_record_offset()
            digest = record.rec_headers.get_header("WARC-Payload-Digest") or "sha1:" + hashlib.sha1(body).hexdigest()
            entries.append(Entry(len(entries), offset, None if defect else digest, defect))
            last_end = offset
    except Exception as exc:
        return max(last_end, _offset(it, start)), f"{type(exc).__name__}: {str(exc)[:120]}"
    return None, None


def _offset(it, default: int) -> int:
    """The offset of the record the iterator is on (`default` when it failed before having one)."""
    try:
        return it.get_record_offset()
    except Exception:
        return default


def _next_record_start(f, position: int, gzipped: bool) -> int:
    """The offset of the next readable record at or after `position` (the file size when none is left)."""
    ArchiveIterator = _warcio()
    marker = b"\x1f\x8b\x08" if gzipped else b"WARC/1."
    f.seek(0, os.SEEK_END)
    size = f.tell()
    while position < size:
        f.seek(position)
        chunk = f.read(1 << 20)
        found = chunk.find(marker)
        if found < 0:
            position += max(len(chunk) - len(marker), 1)
            continue
        candidate = position + found
        f.seek(candidate)
        try:
            next(iter(ArchiveIterator(f)))
            return candidate
        except Exception:
            position = candidate + 1
    return size


def _read_warc(path: Path, entry: dict[str, Any], rec: Record) -> None:
    ArchiveIterator = _warcio()
    with path.open("rb") as f:
        f.seek(entry["offset"])
        record = next(iter(ArchiveIterator(f)))
        rec.url = record.rec_headers.get_header("WARC-Target-URI")
        body, defect = _warc_body(record)
        if defect:
            rec.error = defect
            return
        ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or \
            record.rec_headers.get_header("Content-Type") or ""
        rec.content_type, rec.charset = _content_type(ctype)
        rec.kind = "text" if rec.content_type == "text/plain" else "html"
        rec.payload = body


def _content_type(value: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ").lower() or None
    return parts[0].lower(), charset


# ---------------------------------------------------------------- folders

def _page_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def _scan_dir(path: Path) -> list[Entry]:
    entries = []
    for n, p in enumerate(_page_files(path)):
        data = p.read_bytes()
        entries.append(Entry(n, 0, "sha1:" + hashlib.sha1(data).hexdigest(), extra={"file": str(p.relative_to(path))}))
    return entries


def _read_dir(path: Path, entry: dict[str, Any], rec: Record) -> None:
    p = path / entry["extra"]["file"]
    rec.url = entry["extra"]["file"]
    rec.payload = p.read_bytes()
    rec.kind = "html" if p.suffix.lower() in {".html", ".htm", ".xhtml"} else "text"
    rec.content_type = "text/html" if rec.kind == "html" else "text/plain"


# ---------------------------------------------------------------- tables

def _row_fields(row: Any, where: str) -> tuple[dict[str, Any], str]:
    if not isinstance(row, dict):
        raise ValueError(f"{where}: not a JSON object; each line needs {{\"text\" or \"html\", \"date\"}}")
    body = row.get("text") if row.get("text") is not None else row.get("html")
    if not isinstance(body, str):
        raise ValueError(f"{where}: missing string field `text` or `html`")
    return row, body


def _digest_text(body: str) -> str:
    return "sha1:" + hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()


def _scan_jsonl(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    offset = 0
    with path.open("rb") as f:
        for line_no, line in enumerate(f, 1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            n = len(entries)
            try:
                _, body = _row_fields(json.loads(line), f"line {line_no}")
                entries.append(Entry(n, start, _digest_text(body), extra={"line": line_no}))
            except (ValueError, UnicodeDecodeError) as exc:
                message = str(exc) if str(exc).startswith("line ") else f"line {line_no}: not valid JSON ({exc})"
                entries.append(Entry(n, start, None, message, extra={"line": line_no}))
    return entries


def _set_row(rec: Record, row: dict[str, Any]) -> None:
    text, html = row.get("text"), row.get("html")
    rec.kind, rec.text = ("text", text) if isinstance(text, str) else ("html", html)
    rec.date = None if row.get("date") is None else str(row["date"])
    rec.url = None if row.get("url") is None else str(row["url"])
    rec.id = None if row.get("id") is None else str(row["id"])


def _read_jsonl(path: Path, entry: dict[str, Any], rec: Record) -> None:
    with path.open("rb") as f:
        f.seek(entry["offset"])
        row, _ = _row_fields(json.loads(f.readline()), f"line {entry['extra']['line']}")
    _set_row(rec, row)


def _parquet_rows(path: Path):
    return _parquet_table(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _parquet_table(path: str, mtime_ns: int):
    """The table, read once per worker and file (a partition reads many rows of it)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:
        raise BurdenError(f"{path}: not a readable Parquet file ({exc})", code="invalid-input") from None
    if "text" not in table.column_names and "html" not in table.column_names:
        raise BurdenError(f"{path}: needs a column `text` or `html` (and `date`; `id`, `url` optional)",
                          code="invalid-input")
    return table


def _scan_parquet(path: Path) -> list[Entry]:
    table = _parquet_rows(path)
    column = "text" if "text" in table.column_names else "html"
    entries = []
    for n, body in enumerate(table.column(column).to_pylist()):
        if isinstance(body, str):
            entries.append(Entry(n, n, _digest_text(body)))
        else:
            entries.append(Entry(n, n, None, f"row {n}: `{column}` is empty"))
    return entries


def _read_parquet(path: Path, entry: dict[str, Any], rec: Record) -> None:
    table = _parquet_rows(path)
    row = table.slice(entry["offset"], 1).to_pylist()[0]
    _set_row(rec, row)


def describe(path: Path) -> str:
    """A short name for the input in record ids and reports (its file name; the folder name for folders)."""
    return path.name or os.fspath(path)
