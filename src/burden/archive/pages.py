"""One record through the pipeline: decode, prefilter, extract the main text and date, detect the
language, check. Every record comes out with exactly one status:

- `checked`: the claim checker ran (`burden.claims.check_text`), possibly finding no claim;
- `skipped` with a reason: `duplicate`, `too large`, `not a page`, `prefiltered`, `no main text`,
  `not English`, `no date` (the first that applies, in this order);
- `failed` with the error: a corrupt or truncated record, an undecodable page, a bad date, or an
  exception in the checker.

HTML is reduced to its main text and publication date by trafilatura (its htmldate finds the date in
the page's markup: meta tags, time elements, the URL; never a year guessed from the body text). The
language comes from py3langid (offline, model shipped in the package).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import prefilter
from .inputs import Record

if TYPE_CHECKING:
    from trafilatura.settings import Document

MAX_BYTES = 5_000_000  # pages above this are skipped as `too large` (news pages are well under 1 MB)
PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain", ""}
LANGUAGE_SAMPLE = 3000  # characters of main text the language detector reads


def extras_missing() -> str | None:
    """The name of a missing package of the `archive` extra, or None."""
    for module in ("trafilatura", "py3langid", "warcio", "dask", "distributed"):
        try:
            __import__(module)
        except ImportError:
            return module
    return None


def site_of(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def decode(payload: bytes, charset: str | None) -> str:
    """The page's text: its declared charset (HTTP header, else a <meta charset>), else UTF-8. A page that
    is not valid in that encoding is undecodable (ValueError): guessing would check mangled text."""
    if b"\x00" in payload[:4096]:
        raise ValueError("undecodable page: binary content (NUL bytes)")
    declared = charset or _meta_charset(payload)
    encoding = declared or "utf-8"
    try:
        return payload.decode(encoding)
    except LookupError:
        raise ValueError(f"undecodable page: unknown charset {declared!r}") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"undecodable page: not valid {encoding} at byte {exc.start}") from None


def _meta_charset(payload: bytes) -> str | None:
    import re

    m = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-:.]{1,40})""", payload[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def extract(html: str) -> tuple[str, str | None, str | None]:
    """(main text, publication date YYYY-MM-DD or None, title) of an HTML page."""
    # trafilatura's own extractor first; its fallbacks (readability, jusText) only when it finds nothing:
    # the same text on ordinary news pages at half the time (docs/archive.md)
    doc = _bare_extraction(html, fast=True)
    if doc is None or not (doc.text or "").strip():
        doc = _bare_extraction(html, fast=False)
    if doc is None:
        return "", None, None
    return doc.text or "", doc.date, doc.title


def _bare_extraction(html: str, fast: bool) -> Document | None:
    import trafilatura

    # the date from markup only: with extensive search htmldate guesses from years in the body text
    doc = trafilatura.bare_extraction(
        html, fast=fast, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    # without as_dict=True the result is a Document or None, never a dict
    return None if isinstance(doc, dict) else doc


@functools.cache
def _langid():
    import py3langid

    return py3langid


def language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid on its first characters)."""
    return _langid().classify(text[:LANGUAGE_SAMPLE])[0]


def _valid_date(value: str) -> str:
    value = value.strip()[:10]
    return dt.date.fromisoformat(value).isoformat()


class Timer:
    """Seconds spent per stage, summed over a partition (the benchmark reports them)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - since
        return now


def process(rec: Record, duplicate_of: str | None, timer: Timer, max_bytes: int = MAX_BYTES) -> tuple[dict, list[dict]]:
    """(article row, claim rows) for one record; never raises."""
    article: dict[str, Any] = {
        "record_id": rec.record_id, "source": rec.source, "number": rec.number, "id": rec.id, "url": rec.url,
        "site": site_of(rec.url), "date": None, "title": None, "language": None, "chars": None,
        "status": None, "reason": None, "error": None, "duplicate_of": duplicate_of,
        "edition_as_of": None, "claims": None, "warnings": None,
    }

    def done(status: str, reason: str | None = None, error: str | None = None):
        article.update(status=status, reason=reason, error=error)
        return article, []

    if rec.error:
        return done("failed", error=rec.error)
    if duplicate_of:
        return done("skipped", "duplicate")
    size = len(rec.payload) if rec.payload is not None else len((rec.text or "").encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return done("skipped", "too large")
    if rec.content_type is not None and rec.content_type not in PAGE_TYPES:
        return done("skipped", "not a page")
    t = time.perf_counter()
    if rec.payload is not None:
        try:
            raw = decode(rec.payload, rec.charset)
        except ValueError as exc:
            return done("failed", error=str(exc))
        t = timer.add("decode", t)
    else:
        raw = rec.text or ""
    keep = prefilter.passes(raw)
    t = timer.add("prefilter", t)
    if not keep:
        return done("skipped", "prefiltered")
    date = rec.date
    if rec.kind == "html":
        try:
            text, found_date, article["title"] = extract(raw)
        except Exception as exc:
            return done("failed", error=f"extraction failed: {type(exc).__name__}: {exc}")
        t = timer.add("extract", t)
        date = date or found_date
        if not text.strip():
            return done("skipped", "no main text")
        keep = prefilter.passes(text)
        t = timer.add("prefilter", t)
        if not keep:
            return done("skipped", "prefiltered")
    else:
        text = raw
    article["chars"] = len(text)
    article["language"] = language(text)
    t = timer.add("language", t)
    if article["language"] != "en":
        return done("skipped", "not English")
    if not date:
        return done("skipped", "no date")
    try:
        article["date"] = _valid_date(date)
    except ValueError:
        return done("failed", error=f"invalid date {date!r}: use YYYY-MM-DD")
    from ..claims import check_text

    try:
        result = check_text(text, article["date"])
    except Exception as exc:
        return done("failed", error=f"checker failed: {type(exc).__name__}: {exc}")
    timer.add("check", t)
    article.update(edition_as_of=result.get("edition_as_of"), claims=len(result["claims"]),
                   warnings=json.dumps(result.get("warnings") or [], ensure_ascii=False))
    claims = [claim_row(article, n, c) for n, c in enumerate(result["claims"])]
    return done("checked")[0], claims


def claim_row(article: dict[str, Any], n: int, c: dict[str, Any]) -> dict[str, Any]:
    """One claim of check_text's output as a flat row (lists and objects as JSON text)."""
    def js(value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    return {
        "record_id": article["record_id"], "url": article["url"], "site": article["site"], "date": article["date"],
        "claim": n, "sentence": c["sentence"], "span_start": c["span"][0], "span_end": c["span"][1],
        "type": c["type"], "code": c["code"], "subject": c["subject"], "metric": c["metric"], "value": js(c["value"]),
        "comparator": c["comparator"], "year": c["year"], "stated": c["stated"], "verdict": c["verdict"],
        "edition": c["edition"], "revised_since": c["revised_since"], "revision": js(c["revision"]),
        "evidence": js(c["evidence"]), "explanation": c["explanation"],
    }
