"""Archive checking as a service task: `check` (what `burden archive check --json` prints: the run's
manifest) and `report` (what `burden archive report --json` prints). The work is in `burden.archive`."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def check(
    inputs: list[str],
    out: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = 200,
    max_bytes: int = 5_000_000,
    progress=None,
) -> dict[str, Any]:
    """Check every record of the inputs on Dask; the manifest (counts in and out, by status and reason)."""
    from ..archive.run import check_archive
    from ..errors import BurdenError

    if workers is not None and scheduler is not None:
        raise BurdenError("give --workers or --scheduler, not both", code="invalid-option")
    return check_archive(
        list(inputs),
        out,
        workers=workers,
        scheduler=scheduler,
        partition_size=partition_size,
        max_bytes=max_bytes,
        progress=progress,
    )


def report(results: str | Path, top: int = 10) -> dict[str, Any]:
    """The trends in a results folder of `check` (by month, site, type; repeated and stale claims)."""
    from ..archive.report import archive_report
    from ..errors import BurdenError

    if top < 1:
        raise BurdenError(f"--top must be at least 1 (got {top})", code="invalid-option")
    return archive_report(results, top=top)
