"""Claim-checker throughput: MB/s on news text (one core), the ratio against quantulum3 parsing the same
text, and the time on adversarial text (long digit runs, thousands of % signs, one endless sentence)
relative to ordinary text of the same size.

The headline figure is `check_text`: extraction AND verification, as `burden check --json` runs it. Nothing
is cached per sentence or article (the news text repeats the dev articles, so such a cache would flatter
it); only the data look-ups are cached per edition. Wall time and this process's CPU time are both printed:
on a shared machine the CPU time is the one-core figure.

    .venv/bin/python benchmarks/claims.py [--mb 10] [--quantulum-mb 0.2]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from burden.claims import check_text, extract_claims

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "claims"
FALLBACK = ("Poland spent 4.12 per cent of GDP on defence last year. Only three allies met the guideline in 2014. "
            "The United States accounts for about two-thirds of allied spending, some $968bn. Police closed roads.\n")


def news_text(size: int) -> str:
    texts = [json.loads(p.read_text())["text"] for p in sorted(DEV.glob("*.json"))] if DEV.is_dir() else [FALLBACK]
    base = "\n".join(texts) + "\n"
    return (base * (size // len(base) + 1))[:size]


def adversarial_text(size: int) -> str:
    third = size // 3
    digits = ("1" * 5000 + " ") * (third // 5001 + 1)
    percents = ("%" * 3000 + " 2% ") * (third // 3004 + 1)
    endless = ("and Poland spent 2 per cent of GDP in 2024 while allies owe nothing " * (third // 70 + 1))
    return (digits[:third] + percents[:third] + endless)[:size]


def timed(fn, text: str) -> float:
    return timed_both(fn, text)[0]


def timed_both(fn, text: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(text)
    return time.perf_counter() - wall, time.process_time() - cpu


DATE = "2025-03-26"


def ours(text: str):
    """Extraction and verification: what `burden check --json` does."""
    return check_text(text, DATE)


def extraction_only(text: str):
    import datetime as dt

    return extract_claims(text, dt.date.fromisoformat(DATE))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0, help="size of each corpus in MB")
    parser.add_argument("--quantulum-mb", type=float, default=0.2, help="news text for the quantulum3 comparison")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    news, adv = news_text(size), adversarial_text(size)
    ours(news[:20000])  # load the data pack and build the per-edition indexes once, outside the timing
    t_news, c_news = timed_both(ours, news)
    t_ext, c_ext = timed_both(extraction_only, news)
    t_adv, c_adv = timed_both(ours, adv)
    print(f"news text        {args.mb:.1f} MB in {t_news:.2f} s wall = {args.mb / t_news:.2f} MB/s; "
          f"CPU {c_news:.2f} s = {args.mb / c_news:.2f} MB/s (extraction + verification)")
    print(f"  extraction only: {t_ext:.2f} s wall = {args.mb / t_ext:.2f} MB/s; CPU {args.mb / c_ext:.2f} MB/s")
    print(f"adversarial text {args.mb:.1f} MB in {t_adv:.2f} s wall = {t_adv / t_news:.2f}x the news time "
          f"(CPU {c_adv / c_news:.2f}x; bar <= 10x)")
    small = news[: int(args.quantulum_mb * 1_000_000)]
    try:
        from quantulum3 import parser as qparser
    except ImportError:
        print("quantulum3 not installed: no comparison")
        return
    t_q = timed(lambda t: [qparser.parse(line) for line in t.split("\n") if line.strip()], small)
    t_o = timed(ours, small)
    print(f"quantulum3 on {len(small) / 1e6:.2f} MB: {t_q:.2f} s; burden: {t_o:.3f} s; "
          f"burden is {t_q / t_o:.1f}x faster (and also verifies)")


if __name__ == "__main__":
    main()
