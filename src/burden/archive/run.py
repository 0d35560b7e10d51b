"""`burden archive check`: scan the inputs, partition them, run every partition on Dask, write Parquet.

Layout of the output folder:

    run.json                  what this folder is a run of (inputs, data version, settings)
    scans/<input>.json        each input's scan (record offsets, digests, defects), written once
    articles/part-*.parquet   one row per input record: status, reason, error, date, site, ...
    claims/part-*.parquet     one row per claim found: verdict, evidence, edition, ...
    manifest.json             counts in (records scanned) and out (rows written), by status and reason

Every file is written to a temporary name and renamed into place, and a partition counts as done when
its articles file exists (written after its claims file), so a crash loses at most the partitions in
flight and a rerun skips the finished ones. Duplicates are decided on the client, in input order,
from the scans' digests: the first copy is checked, later copies are skipped as `duplicate`, the same
with one worker or many.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import BurdenError
from . import inputs as _inputs
from .pages import MAX_BYTES, Timer, extras_missing, process

PARTITION_SIZE = 200
FORMAT = 1  # bump when the tables' columns change: a run folder of another format is refused

ARTICLE_COLUMNS = {
    "record_id": "string", "source": "string", "number": "int64", "id": "string", "url": "string",
    "site": "string", "date": "string", "title": "string", "language": "string", "chars": "int64",
    "status": "string", "reason": "string", "error": "string", "duplicate_of": "string",
    "edition_as_of": "string", "claims": "int64", "warnings": "string",
}
CLAIM_COLUMNS = {
    "record_id": "string", "url": "string", "site": "string", "date": "string", "claim": "int64",
    "sentence": "string", "span_start": "int64", "span_end": "int64", "type": "string", "code": "string",
    "subject": "string", "metric": "string", "value": "string", "comparator": "string", "year": "int64",
    "stated": "string", "verdict": "string", "edition": "string", "revised_since": "bool_", "revision": "string",
    "evidence": "string", "explanation": "string",
}


def _schema(columns: dict[str, str]):
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in columns.items()])


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Write through a temporary file in the same folder, then rename: readers see all or nothing."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_json(path: Path, data: Any) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8"))


def _write_table(path: Path, rows: list[dict[str, Any]], columns: dict[str, str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema(columns)
    table = pa.Table.from_pylist([{k: r.get(k) for k in columns} for r in rows], schema=schema)
    write_atomic(path, lambda tmp: pq.write_table(table, tmp))


# ---------------------------------------------------------------- the task a worker runs

def process_partition(path: str, name: str, entries: list[dict[str, Any]], duplicates: dict[str, str],
                      max_bytes: int = MAX_BYTES) -> dict[str, Any]:
    """Read and check one partition: {"articles": rows, "claims": rows, "seconds": {stage: s}}."""
    timer = Timer()
    articles: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    t = time.perf_counter()
    records = _inputs.read(path, name, entries)
    while True:
        try:
            rec = next(records)
        except StopIteration:
            break
        t = timer.add("read", t)
        article, found = process(rec, duplicates.get(rec.record_id), timer, max_bytes)
        articles.append(article)
        claims.extend(found)
        t = time.perf_counter()
    return {"articles": articles, "claims": claims, "seconds": timer.seconds}


# ---------------------------------------------------------------- planning

def _plan_key(sources: list[dict[str, Any]], settings: dict[str, Any]) -> dict[str, Any]:
    from .. import __version__
    from ..dataset import data_version

    return {"format": FORMAT, "burden": __version__, "data_version": data_version(),
            "inputs": [{"name": s["name"], "identity": s["identity"]} for s in sources], **settings}


def _sources(paths: list[str]) -> list[dict[str, Any]]:
    sources, names = [], set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise BurdenError(f"no such file or folder: {raw}", code="missing-input")
        _inputs.input_kind(path)
        name = _inputs.describe(path)
        base, n = name, 1
        while name in names:  # two inputs with one file name: keep record ids unique
            n += 1
            name = f"{base}~{n}"
        names.add(name)
        sources.append({"path": str(path.resolve()), "name": name, "identity": _inputs.identity(path)})
    return sources


def _partitions(sources: list[dict[str, Any]], scans: list[list[dict[str, Any]]], size: int):
    """(partition file stem, source, entries, duplicates) in input order, with duplicates decided here."""
    seen: dict[str, str] = {}
    for i, (source, entries) in enumerate(zip(sources, scans, strict=True)):
        for start in range(0, len(entries), size):
            chunk = entries[start:start + size]
            duplicates = {}
            for e in chunk:
                rid = f"{source['name']}#{e['number']}"
                if e.get("digest") and not e.get("error"):
                    first = seen.setdefault(e["digest"], rid)
                    if first != rid:
                        duplicates[rid] = first
            yield f"part-{i:04d}-{start:09d}", source, chunk, duplicates


# ---------------------------------------------------------------- the run

@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None, processes: bool = True):
    """A Dask client: on `scheduler` if given, else on a local cluster of `workers` single-threaded workers
    (default: one per core)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="5s")
        except Exception as exc:  # refused, unresolvable, malformed address, or a peer that is no scheduler
            raise BurdenError(f"cannot reach the Dask scheduler at {scheduler}: {type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else ''}", code="no-scheduler") from None
        try:
            yield client
        finally:
            client.close()
        return
    n = (os.cpu_count() or 1) if workers is None else workers
    if n < 1:
        raise BurdenError(f"--workers must be at least 1 (got {n})", code="invalid-option")
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=":0",
                      silence_logs=50) as cluster, Client(cluster) as client:
        yield client


def check_archive(paths: list[str], out: str | Path, *, workers: int | None = None, scheduler: str | None = None,
                  partition_size: int = PARTITION_SIZE, max_bytes: int = MAX_BYTES, client=None,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Check every record of the inputs; returns the manifest (also written to OUT/manifest.json)."""
    if not paths:
        raise BurdenError("give at least one input: a WARC file, a folder, a JSONL or Parquet file",
                          code="missing-input")
    missing = extras_missing()
    if missing:
        raise BurdenError(f"`burden archive` needs the `archive` extra ({missing} is missing): "
                          "pip install 'burden[archive]'", code="missing-extra")
    if partition_size < 1:
        raise BurdenError(f"--partition-size must be at least 1 (got {partition_size})", code="invalid-option")
    if workers is not None and workers < 1:
        raise BurdenError(f"--workers must be at least 1 (got {workers})", code="invalid-option")
    if workers is not None:
        from ..limits import MAX_WORKERS, check_at_most

        check_at_most("--workers", workers, MAX_WORKERS, "local workers are processes on this machine (2 per core)")
    sources = _sources(paths)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise BurdenError(f"{out} is a file: --out needs a folder", code="invalid-option")
    plan = _plan_key(sources, {"partition_size": partition_size, "max_bytes": max_bytes})
    run_file = out / "run.json"
    if run_file.exists():
        before = json.loads(run_file.read_text(encoding="utf-8"))
        if before != plan:
            changed = sorted(k for k in plan if before.get(k) != plan[k])
            raise BurdenError(f"{out} holds a run with other {', '.join(changed)}: give a new --out folder "
                              "(or delete this one) to start afresh", code="other-run")
    started = time.perf_counter()
    with (dask_client(workers, scheduler) if client is None else _as_is(client)) as cl:
        # the folder is made once the cluster is there: a scheduler that cannot be reached leaves nothing behind
        for sub in ("scans", "articles", "claims"):
            (out / sub).mkdir(parents=True, exist_ok=True)
            for stale in (out / sub).glob(".*.tmp"):  # left by a run that was killed mid-write (one run per folder)
                stale.unlink(missing_ok=True)
        _write_json(run_file, plan)
        scans = _scan_all(cl, sources, out)
        parts = list(_partitions(sources, scans, partition_size))
        total = sum(len(entries) for _, _, entries, _ in parts)
        todo = [p for p in parts if not (out / "articles" / f"{p[0]}.parquet").exists()]
        done_before = total - sum(len(p[2]) for p in todo)
        if progress:
            progress(done_before, total)
        seconds: dict[str, float] = {}
        processed = _run_partitions(cl, todo, out, max_bytes, seconds, progress, done_before, total)
        workers_used = len(cl.scheduler_info()["workers"])
    elapsed = time.perf_counter() - started
    manifest = _manifest(out, sources, scans, plan, processed, seconds, elapsed, workers_used)
    _write_json(out / "manifest.json", manifest)
    return manifest


@contextmanager
def _as_is(client):
    yield client


def _scan_all(client, sources: list[dict[str, Any]], out: Path) -> list[list[dict[str, Any]]]:
    """Each input's scan, from OUT/scans when an earlier run made it, else scanned on the workers."""
    files = [out / "scans" / f"{hashlib.sha1(s['identity'].encode()).hexdigest()[:16]}.json" for s in sources]
    futures = {i: client.submit(_inputs.scan, s["path"], pure=False)
               for i, (s, f) in enumerate(zip(sources, files, strict=True)) if not f.exists()}
    scans = []
    for i, f in enumerate(files):
        if i in futures:
            try:
                entries = futures[i].result()
            except BurdenError:
                raise
            except Exception as exc:
                raise BurdenError(f"{sources[i]['path']}: cannot be read ({type(exc).__name__}: {exc})",
                                  code="invalid-input") from None
            _write_json(f, {"input": sources[i], "entries": entries})
        scans.append(json.loads(f.read_text(encoding="utf-8"))["entries"])
    return scans


def _run_partitions(client, todo, out: Path, max_bytes: int, seconds: dict[str, float], progress,
                    done: int, total: int) -> int:
    from distributed import as_completed

    futures = {}
    for stem, source, entries, duplicates in todo:
        fut = client.submit(process_partition, source["path"], source["name"], entries, duplicates, max_bytes,
                            key=f"partition-{stem}-{os.getpid()}-{time.time_ns()}", pure=False)
        futures[fut] = (stem, source, entries)
    processed = 0
    for fut in as_completed(futures):
        stem, source, entries = futures.pop(fut)
        try:
            result = fut.result()
        except Exception as exc:  # the task itself died: its records are failed, with the error, not lost
            error = f"partition failed: {type(exc).__name__}: {exc}"
            result = {"articles": [_failed_row(source, e, error) for e in entries], "claims": [], "seconds": {}}
        _write_table(out / "claims" / f"{stem}.parquet", result["claims"], CLAIM_COLUMNS)
        _write_table(out / "articles" / f"{stem}.parquet", result["articles"], ARTICLE_COLUMNS)
        for k, v in result["seconds"].items():
            seconds[k] = seconds.get(k, 0.0) + v
        processed += len(entries)
        done += len(entries)
        if progress:
            progress(done, total)
    return processed


def _failed_row(source: dict[str, Any], entry: dict[str, Any], error: str) -> dict[str, Any]:
    return {"record_id": f"{source['name']}#{entry['number']}", "source": source["name"],
            "number": entry["number"], "status": "failed", "error": error}


def _manifest(out: Path, sources, scans, plan, processed: int, seconds, elapsed: float, workers: int) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect()
    arts = str(out / "articles" / "*.parquet")
    rows = con.execute(f"SELECT status, reason, count(*) FROM read_parquet('{arts}') GROUP BY ALL "
                       "ORDER BY 1, 2 NULLS FIRST").fetchall()
    claims = con.execute(f"SELECT verdict, count(*) FROM read_parquet('{out / 'claims' / '*.parquet'}') "
                         "GROUP BY ALL ORDER BY 1").fetchall()
    records_in = sum(len(s) for s in scans)
    records_out = sum(n for _, _, n in rows)
    by_status: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for status, reason, n in rows:
        by_status[status] = by_status.get(status, 0) + n
        if status == "skipped":
            skipped[reason] = n
    return {
        "inputs": [{"path": s["path"], "name": s["name"], "records": len(sc)}
                   for s, sc in zip(sources, scans, strict=True)],
        "records_in": records_in, "records_out": records_out, "balanced": records_in == records_out,
        "checked": by_status.get("checked", 0), "skipped": by_status.get("skipped", 0),
        "failed": by_status.get("failed", 0), "skipped_by_reason": skipped,
        "prefiltered_share": round(skipped.get("prefiltered", 0) / records_in, 4) if records_in else None,
        "claims": sum(n for _, n in claims), "claims_by_verdict": dict(claims),
        "this_run": {"records": processed, "seconds": round(elapsed, 3), "workers": workers,
                     "records_per_second": round(processed / elapsed, 1) if elapsed and processed else None,
                     "task_seconds_by_stage": {k: round(v, 3) for k, v in sorted(seconds.items())}},
        "data_version": plan["data_version"], "burden": plan["burden"],
        "partition_size": plan["partition_size"], "max_bytes": plan["max_bytes"],
    }
