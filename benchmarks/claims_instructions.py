"""Claim-checker work in machine instructions: `check_text` on the benchmark's news text (benchmarks/claims.py),
counted by valgrind's callgrind, for this source tree and a baseline tree in the same command.

CPU time on a shared machine moves by 10% and more between runs; the instruction count does not (hash
randomisation is fixed with PYTHONHASHSEED=0), so a change of a few per cent is visible. Instructions are not
time (a regular-expression loop is cheaper per instruction than the interpreter), so speed claims against
quantulum3 stay with benchmarks/claims.py; this script says whether a change made the checker do less.

    .venv/bin/python benchmarks/claims_instructions.py [--kb 50] [--baseline OTHER/src]

e.g. the main branch as baseline: `git worktree add /tmp/main main`, then `--baseline /tmp/main/src`. Each tree
takes about a minute (the data load is counted once without and once with the checks, and subtracted).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
PASSES = 2


def child(kb: int, passes: int) -> None:
    """Run inside valgrind: load everything, then check the news text `passes` times."""
    sys.path.insert(0, str(HERE.parent))
    import claims as bench  # benchmarks/claims.py: the same text and date

    from burden.claims import check_text

    text = bench.news_text(kb * 1000)
    check_text(text[:20000], bench.DATE)  # data pack and per-edition indexes loaded, as in benchmarks/claims.py
    for _ in range(passes):
        check_text(text, bench.DATE)


def instructions(src: str, kb: int, passes: int) -> int:
    env = {**os.environ, "PYTHONPATH": src, "PYTHONHASHSEED": "0"}
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(HERE),
                          "--child", str(passes), "--kb", str(kb)], env=env, capture_output=True, text=True, check=True)
    m = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if m is None:
        raise SystemExit(f"error: no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(m.group(1))


def per_check(src: str, kb: int) -> float:
    return (instructions(src, kb, PASSES) - instructions(src, kb, 0)) / PASSES


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", type=int, default=50, help="news text size in kB (benchmarks/claims.py uses 50)")
    parser.add_argument("--baseline", help="another tree's src folder to count the same way")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.kb, args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("error: valgrind is not installed (apt-get install valgrind)")
    here = str(HERE.parents[1] / "src")
    ours = per_check(here, args.kb)
    print(f"this tree ({here}): {ours / 1e6:.0f} M instructions per check_text of {args.kb} kB of news")
    if args.baseline:
        base = per_check(args.baseline, args.kb)
        print(f"baseline ({args.baseline}): {base / 1e6:.0f} M instructions; this tree does {ours / base:.3f}x "
              f"the baseline's work ({100 * (ours / base - 1):+.1f}%)")


if __name__ == "__main__":
    main()
