"""Check a whole news archive: WARC / HTML folders / JSONL / Parquet in, claims and trends out, on Dask.

    from burden.archive import check_archive, archive_report
    manifest = check_archive(["crawl.warc.gz"], "results/", workers=2)
    trends = archive_report("results/")

`run` partitions the inputs and checks each partition on a Dask worker (`pages` takes one record
through decode -> prefilter -> main text and date -> language -> `burden.claims.check_text`);
`report` reads the Parquet output with DuckDB. See docs/archive.md.
"""

from __future__ import annotations

from .run import check_archive

__all__ = ["check_archive"]
