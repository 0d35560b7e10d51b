"""`burden archive check` throughput on a generated crawl: pages/s per worker, the prefilter's share of the
workers' time, the speed-up from 1 to 2 local Dask workers (processes), and each worker's peak memory.

The crawl is written by burden.archive.synthetic: news pages in realistic chrome (navigation, cookie
banner, related links, comments), about `--nato-share` of them about NATO spending, split over several
WARC.gz files as crawls publish them. Each run starts a fresh local cluster (not timed) and a fresh
results folder, then times `check_archive` end to end (scan, partitions, writing Parquet, manifest).
Medians over `--runs`; the 1-worker run is the baseline of the ratio. The workers' CPU seconds are printed
too: on a machine shared with other jobs, wall time understates what a worker does on a core of its own.

    .venv/bin/python benchmarks/archive.py [--pages 20000] [--files 8] [--runs 3] [--workers 1,2] [--extract-kb 4,40,120]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from burden.archive import synthetic
from burden.archive.run import check_archive, dask_client


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_crawl(folder: Path, pages: int, files: int, nato_share: float) -> list[Path]:
    per = -(-pages // files)
    paths = []
    for i in range(files):
        n = min(per, pages - i * per)
        paths.append(synthetic.write_warc(folder / f"crawl-{i:02d}.warc.gz",
                                          synthetic.news_pages(n, nato_share, seed=100 + i)))
    return paths


def one_run(paths: list[Path], workers: int, partition_size: int) -> dict:
    with dask_client(workers) as client:
        out = Path(tempfile.mkdtemp(prefix="burden-archive-bench-"))
        try:
            cpu_before = sum(client.run(cpu_seconds).values())
            start, driver = time.perf_counter(), time.process_time()
            manifest = check_archive([str(p) for p in paths], out, client=client, partition_size=partition_size)
            wall, driver = time.perf_counter() - start, time.process_time() - driver
            memory = client.run(peak_rss_mb)
            cpu = sum(client.run(cpu_seconds).values()) - cpu_before
        finally:
            shutil.rmtree(out, ignore_errors=True)
    stages = manifest["this_run"]["task_seconds_by_stage"]
    return {"wall": wall, "cpu": cpu, "driver_cpu": driver, "records": manifest["records_in"], "stages": stages, "peak_mb": max(memory.values()),
            "prefiltered": manifest["skipped_by_reason"].get("prefiltered", 0), "checked": manifest["checked"],
            "claims": manifest["claims"], "balanced": manifest["balanced"]}


def padded_page(kb: int, seed: int = 0) -> str:
    """A NATO page grown to about `kb` kilobytes with the chrome real pages carry (link lists, comments):
    real news pages run to tens or hundreds of kilobytes, the generated crawl's to about 4."""
    import random

    rng = random.Random(seed)
    page = synthetic.news_pages(1, nato_share=1.0, seed=seed)[0]["html"]
    blocks = []
    while len(page) + sum(map(len, blocks)) < kb * 1000:
        blocks.append(f'<li><a href="/story/{rng.randint(1, 10**6)}">More from the newsroom: story {len(blocks)}</a>'
                      f'<span class="teaser">A short teaser about something else entirely, number {len(blocks)}.</span></li>')
    return page.replace("</main>", f'<aside class="more"><ul>{"".join(blocks)}</ul></aside></main>')


def extraction_comparison(sizes: list[int], repeat: int = 15) -> None:
    """Median ms per page of trafilatura (as the pipeline calls it: main text and date) against resiliparse's
    main-content extraction plus htmldate for the date, when resiliparse is installed."""
    from burden.archive.pages import extract

    try:
        from htmldate import find_date
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        extract_plain_text = None

    def resiliparse_extract(html: str):
        text = extract_plain_text(HTMLTree.parse(html), main_content=True)
        return text, find_date(html, extensive_search=False, original_date=True)

    def median_ms(fn, html: str) -> float:
        fn(html)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn(html)
            times.append(time.perf_counter() - t)
        return statistics.median(times) * 1000

    print("\nHTML -> main text + date, one process, median ms per page:")
    for kb in sizes:
        html = padded_page(kb)
        tra = median_ms(extract, html)
        line = f"  {len(html) / 1000:.0f} KB page: trafilatura {tra:.1f} ms"
        if extract_plain_text is not None:
            res = median_ms(resiliparse_extract, html)
            line += f", resiliparse + htmldate {res:.1f} ms (trafilatura / resiliparse = {tra / res:.1f}x)"
        print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--nato-share", type=float, default=0.05)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--partition-size", type=int, default=200)
    ap.add_argument("--extract-kb", default="4,40,120", help="page sizes for the extractor comparison ('' to skip)")
    args = ap.parse_args()
    if args.extract_kb:
        extraction_comparison([int(k) for k in args.extract_kb.split(",")])
    if args.runs == 0:
        return
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="burden-crawl-") as tmp:
        t = time.perf_counter()
        paths = make_crawl(Path(tmp), args.pages, args.files, args.nato_share)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"crawl: {args.pages:,} pages ({args.nato_share:.0%} about NATO spending) in {args.files} WARC.gz "
              f"files, {size:.1f} MB, written in {time.perf_counter() - t:.1f} s")
        results: dict[int, list[dict]] = {w: [] for w in counts}
        for run in range(args.runs):  # interleaved, so a busy spell on the machine hits every worker count
            for w in counts:
                r = one_run(paths, w, args.partition_size)
                results[w].append(r)
                print(f"  run {run + 1} workers {w}: {r['wall']:.1f} s, {r['records'] / r['wall']:.0f} pages/s, "
                      f"workers' CPU {r['cpu']:.1f} s, driver CPU {r['driver_cpu']:.1f} s, "
                      f"peak {r['peak_mb']:.0f} MB/worker", flush=True)
    base = statistics.median(r["wall"] for r in results[counts[0]])
    print(f"\nmedians over {args.runs} runs ({args.pages:,} pages):")
    for w in counts:
        rs = results[w]
        wall = statistics.median(r["wall"] for r in rs)
        stages = {k: statistics.median(r["stages"].get(k, 0.0) for r in rs) for k in rs[0]["stages"]}
        busy = sum(stages.values())
        share = ", ".join(f"{k} {v / busy:.1%}" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]))
        r0 = rs[0]
        print(f"workers {w}: {wall:.1f} s, {args.pages / wall:.0f} pages/s, {args.pages / wall / w:.0f} pages/s "
              f"per worker, speed-up {base / wall:.2f}x vs {counts[0]} worker(s); peak memory per worker "
              f"{max(r['peak_mb'] for r in rs):.0f} MB")
        cpu = statistics.median(r["cpu"] for r in rs)
        print(f"  workers' CPU {cpu:.1f} s in all = {args.pages / cpu:.0f} pages per CPU-second (what a worker "
              f"does on a core of its own); driver CPU {statistics.median(r['driver_cpu'] for r in rs):.1f} s")
        print(f"  workers' time by stage: {share}")
        print(f"  prefiltered {r0['prefiltered']:,} of {r0['records']:,} pages ({r0['prefiltered'] / r0['records']:.1%}); "
              f"checked {r0['checked']:,}; claims {r0['claims']:,}; counts balanced: {all(r['balanced'] for r in rs)}")


if __name__ == "__main__":
    main()
