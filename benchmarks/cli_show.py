"""Cold-process speed of `burden show pct_gdp --year 2024` against a pandas one-liner doing the same
selection from the same data (the shipped facts.csv, latest full edition, allies only).

    .venv/bin/python benchmarks/cli_show.py [--runs 15]

Bar (issue 2): median <= 0.25 s and <= 0.5x the baseline. Prints medians and the ratio.

Both sides run from bytecode, as after any normal install: pandas' .pyc files come with its wheel, and
the `burden` package is byte-compiled first (an editable install under PYTHONDONTWRITEBYTECODE=1 would
otherwise recompile every module on every run, ~70 ms that no user pays).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
DATA = Path(__file__).resolve().parents[1] / "src" / "burden" / "data"
BASELINE = f"""
import pandas as pd
facts = pd.read_csv({str(DATA / "facts.csv")!r}, keep_default_na=False)
editions = pd.read_csv({str(DATA / "editions.csv")!r}, keep_default_na=False)
edition = editions[editions["kind"] == "full"].sort_values("release_day")["edition"].iloc[-1]
sel = facts[(facts["indicator"] == "def_exp_pct_gdp") & (facts["edition"] == edition) & (facts["year"] == 2024)
            & ~facts["iso3"].str.startswith("NATO")]
print(sel[["iso3", "country", "year", "value", "estimate"]].to_string(index=False))
"""


def median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    package = Path(__file__).resolve().parents[1] / "src" / "burden"
    compileall.compile_dir(str(package), quiet=1)
    print(f"bytecode: burden compiled ({package}); PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    with tempfile.TemporaryDirectory() as empty:  # no imported editions: the shipped data only
        env = {**os.environ, "BURDEN_DATA_DIR": empty, "COLUMNS": "100"}
        burden = [str(BIN / "burden"), "show", "pct_gdp", "--year", "2024"]
        subprocess.run(burden, check=True, stdout=subprocess.DEVNULL, env=env)  # warm the OS file cache
        results = {
            "burden show pct_gdp --year 2024": median_seconds(burden, args.runs, env),
            "burden show pct_gdp --year 2024 --json": median_seconds(burden + ["--json"], args.runs, env),
            "baseline: python -c 'import pandas; ...'": median_seconds([sys.executable, "-c", BASELINE], args.runs, env),
        }
    for name, seconds in results.items():
        print(f"{name:45s} median {seconds:.3f} s ({args.runs} cold runs)")
    show, baseline = results["burden show pct_gdp --year 2024"], results["baseline: python -c 'import pandas; ...'"]
    ratio = show / baseline
    print(f"ratio show / baseline: {ratio:.2f}x (bar: <= 0.25 s and <= 0.5x)")
    print(f"bar met: {'yes' if show <= 0.25 and ratio <= 0.5 else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
