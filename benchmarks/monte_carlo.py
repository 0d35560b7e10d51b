"""Benchmark: the projection Monte Carlo, 1,000,000 paths x 31 allies x 10 years, on one core.

    .venv/bin/python benchmarks/monte_carlo.py [--paths 1000000] [--baseline-paths 2000] [--shocks normal]

Times `project_report` end to end (inputs, simulation, quantiles, rows) on edition 2026-07 with base
year 2025, so 2026-2035 is ten projection years, and a plain per-path Python loop doing the same
simulation on fewer paths (scaled to the same count). Prints paths/s, the speed-up and peak memory
(resource.getrusage max RSS of this process, which includes the interpreter and the data).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one core, before numpy loads
    os.environ[var] = "1"

import argparse  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from burden.projections import project_report  # noqa: E402
from burden.projections.inputs import growth_paths, load_base, residuals  # noqa: E402
from burden.projections.montecarlo import shock_loadings  # noqa: E402

EDITION, BASE_YEAR, DEADLINE = "2026-07", 2025, 2035
LOAD = (0.0, 0.0, 0.0)


def python_loop(paths: int, seed: int, shocks: str) -> float:
    """The same model, one path, ally and year at a time in plain Python; returns the seconds taken."""
    base = load_base(EDITION, BASE_YEAR)
    years = list(range(BASE_YEAR + 1, DEADLINE + 1))
    growth = (growth_paths(base, years).pct / 100.0).tolist()
    loadings = shock_loadings(residuals(base), shocks, 1.0).astype(float).tolist()
    gdp0, share0 = base.gdp.tolist(), base.share.tolist()
    rng = random.Random(seed)
    start = time.perf_counter()
    for _ in range(paths):
        level = list(gdp0)
        cumulative = [0.0] * len(gdp0)
        for y, year in enumerate(years):
            if shocks == "normal":
                w = [rng.gauss(0.0, 1.0) for _ in loadings]
                eps = [sum(w[k] * loadings[k][a] for k in range(len(w))) for a in range(len(gdp0))]
            else:
                eps = loadings[rng.randrange(len(loadings))]
            for a in range(len(gdp0)):
                level[a] *= 1.0 + growth[y][a] + eps[a]
                share = share0[a] + (max(3.5, share0[a]) - share0[a]) * (year - BASE_YEAR) / (DEADLINE - BASE_YEAR)
                cumulative[a] += (share - share0[a]) / 100.0 * level[a]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", type=int, default=1_000_000)
    parser.add_argument("--baseline-paths", type=int, default=2_000)
    parser.add_argument("--shocks", default="normal", choices=("normal", "bootstrap"))
    args = parser.parse_args()

    global LOAD
    LOAD = os.getloadavg()
    project_report(EDITION, "hague-core", DEADLINE, paths=1_000, seed=1, base_year=BASE_YEAR)  # warm caches
    start, cpu_start = time.perf_counter(), time.process_time()
    report = project_report(EDITION, "hague-core", DEADLINE, paths=args.paths, seed=1, base_year=BASE_YEAR,
                            shocks=args.shocks)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    allies = len(report["base"])
    years = DEADLINE - BASE_YEAR
    loop_seconds = python_loop(args.baseline_paths, 1, args.shocks) * args.paths / args.baseline_paths
    print(f"numpy {np.__version__}, threads=1, shocks={args.shocks}, edition {EDITION}, base year {BASE_YEAR}")
    print(f"vectorised: {args.paths:,} paths x {allies} allies x {years} years in {seconds:.2f} s "
          f"wall ({cpu:.2f} s CPU) = {args.paths / seconds:,.0f} paths/s "
          f"(quantiles from {report['monte_carlo']['quantile_paths']:,} paths)")
    print(f"python loop: {args.baseline_paths:,} paths, scaled to {args.paths:,}: {loop_seconds:.1f} s "
          f"= {args.paths / loop_seconds:,.0f} paths/s")
    print(f"speed-up: {loop_seconds / seconds:.0f}x; peak RSS {peak_mb:,.0f} MB")
    print(f"bar (<= 3 s wall, <= 2048 MB): {'met' if seconds <= 3 and peak_mb <= 2048 else 'NOT met'}; "
          f"load average before the run: {LOAD[0]:.2f} (the machine is shared)")


if __name__ == "__main__":
    main()
