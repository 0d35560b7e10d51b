"""`burden archive check|report`: check every article of a news archive (WARC, HTML folders, JSONL,
Parquet) on Dask, then read the trends out of the Parquet results."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .app import JSON_OPT, app

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

archive_app = typer.Typer(help="Check a whole news archive on Dask (WARC, HTML folders, JSONL, Parquet) and "
                               "report the trends.", no_args_is_help=True)
app.add_typer(archive_app, name="archive", rich_help_panel="Claims")


class _Progress:
    """A rich progress bar on stderr: records done of all, and articles per second in this run."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar: Progress | None = None
        self.task: TaskID  # set with the bar
        self.start = 0.0  # perf_counter() at the first report, set with the bar
        self.first = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        if self.bar is None:
            self.start, self.first = time.perf_counter(), done
            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=False)
            self.bar.start()
            self.task = self.bar.add_task("archive", total=total, rate="")
        elapsed = time.perf_counter() - self.start
        rate = f"{(done - self.first) / elapsed:,.0f} articles/s" if elapsed > 0.5 and done > self.first else ""
        self.bar.update(self.task, completed=done, rate=rate)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@archive_app.command("check")
def check_cmd(
    inputs: list[str] = typer.Argument(..., help="WARC / WARC.gz files, folders of HTML or text files, "
                                                 "JSONL or Parquet tables (text or html, date, id?, url?)."),
    out: Path = typer.Option(..., "--out", "-o", help="Results folder (Parquet tables + manifest.json); "
                                                      "rerun with the same folder to resume."),
    workers: int = typer.Option(None, "--workers", "-w", help="Local Dask workers (processes); default: one per core."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler, e.g. "
                                                             "tcp://host:8786 (the workers must be able to read the inputs' paths; "
                                                             "results come back to this machine)."),
    partition_size: int = typer.Option(200, "--partition-size", help="Records per partition (the unit of "
                                                                      "work, of writing and of resuming)."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="Pages larger than this are skipped as too large."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    json_out: bool = JSON_OPT,
) -> None:
    """Check every article of a news archive against the figures current on its date, on Dask.

    Example: burden archive check crawl/*.warc.gz --out results/ --workers 2
    """
    from ..service.archive import check

    bar = _Progress(enabled=not quiet and not json_out and sys.stderr.isatty())
    try:
        manifest = check(inputs, out, workers=workers, scheduler=scheduler, partition_size=partition_size,
                         max_bytes=max_bytes, progress=bar)
    finally:
        bar.stop()
    if json_out:
        print(json.dumps(manifest, indent=1, ensure_ascii=False))
        return
    _print_manifest(manifest, out)


def _print_manifest(m: dict, out: Path) -> None:
    run = m["this_run"]
    print(f"records in {m['records_in']:,} = out {m['records_out']:,}"
          + ("" if m["balanced"] else "  (MISMATCH: see manifest.json)"))
    print(f"  checked {m['checked']:,}, skipped {m['skipped']:,}, failed {m['failed']:,}")
    for reason, n in sorted(m["skipped_by_reason"].items(), key=lambda kv: -kv[1]):
        print(f"    skipped, {reason}: {n:,}")
    verdicts = ", ".join(f"{v} {n:,}" for v, n in m["claims_by_verdict"].items())
    print(f"claims {m['claims']:,}" + (f" ({verdicts})" if verdicts else ""))
    rate = f", {run['records_per_second']:,} records/s" if run["records_per_second"] else ""
    workers = f"{run['workers']} worker" + ("s" if run["workers"] != 1 else "")
    print(f"this run: {run['records']:,} records on {workers} in {run['seconds']:.1f} s{rate}")
    print(f"results: {out}/ (articles/, claims/, manifest.json)")


@archive_app.command("report")
def report_cmd(
    results: Path = typer.Argument(..., help="The --out folder of `burden archive check`."),
    out: Path = typer.Option(None, "--out", "-o", help="Write a self-contained HTML report here."),
    top: int = typer.Option(10, "--top", help="How many of the most repeated claims to list."),
    json_out: bool = JSON_OPT,
) -> None:
    """Trends in a checked archive: claims and verdicts by month, site and claim type, the most repeated
    refuted and outdated claims, revisions that made once-true claims stale.

    Example: burden archive report results/ --out archive.html
    """
    from ..archive.report import write_html
    from ..errors import BurdenError
    from ..render import to_json
    from ..service.archive import report

    if out is None and not json_out:
        raise BurdenError("give --out FILE.html, --json, or both", code="missing-output")
    data = report(results, top=top)
    if out is not None:
        path = write_html(data, out)
        if not json_out:
            print(f"wrote {path} ({data['totals']['claims']:,} claims in {data['totals']['checked']:,} "
                  "checked articles)")
    if json_out:
        print(to_json(data))
