"""Load test of one JSON endpoint on loopback, with datasette serving the same facts table as a peer.

    .venv/bin/python benchmarks/web_load.py [--seconds 4] [--concurrency 8]

Starts `burden`'s app under uvicorn and `datasette` on free 127.0.0.1 ports, sends the same query
(% of GDP, edition 2024-06, year 2024, allies only) to each from a bounded thread pool (keep-alive
connections; stops after --seconds or --max-requests), and prints requests/s, p50, p99, errors and
the ratio. Loopback only; both servers are stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"
BURDEN_PATH = "/api/data?indicator=pct_gdp&edition=2024-06&year=2024"
DATASETTE_PATH = ("/facts/facts.json?indicator=def_exp_pct_gdp&edition=2024-06&year=2024"
                  "&iso3__notlike=NATO%25&_shape=array&_size=max&_nocount=1")  # the peer's fastest form: no count(*)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def build_sqlite(folder: Path) -> Path:
    """The facts table (every edition) as a SQLite file, indexed on the filtered columns."""
    import burden

    path = folder / "facts.db"
    frame = burden.load()
    with sqlite3.connect(path) as con:
        frame.to_sql("facts", con, index=False)
        con.execute("CREATE INDEX facts_query ON facts (indicator, edition, year)")
    return path


def wait_ready(port: int, path: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start")


def start(cmd: list[str], port: int, probe: str, env: dict | None = None) -> subprocess.Popen:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port, probe, proc)
    except SystemExit:
        proc.kill()
        raise
    return proc


def load(port: int, path: str, seconds: float, concurrency: int, max_requests: int) -> dict:
    """Bounded closed-loop load: `concurrency` keep-alive clients until time or request budget ends."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    budget = [max_requests]

    def worker():
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        mine = []
        while time.monotonic() < stop_at:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
                ok = resp.status == 200 and len(json.loads(body)) == 31
            except (OSError, http.client.HTTPException, ValueError):
                ok = False
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
            mine.append(time.perf_counter() - t0)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "errors": errors[0], "rps": len(latencies) / elapsed,
            "p50_ms": statistics.median(latencies) * 1000,
            "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=50_000)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        db = build_sqlite(Path(tmp))
        burden_port, datasette_port = free_port(), free_port()
        env = {**os.environ, "BURDEN_DATA_DIR": str(Path(tmp) / "data")}
        servers = []
        try:
            servers.append(start([sys.executable, "-m", "uvicorn", "burden.web.app:app", "--host", HOST, "--port",
                                  str(burden_port), "--log-level", "warning", "--no-access-log"],
                                 burden_port, BURDEN_PATH, env))
            servers.append(start([str(bin_dir / "datasette"), "serve", str(db), "--host", HOST, "--port",
                                  str(datasette_port), "--setting", "num_sql_threads", "3"],
                                 datasette_port, DATASETTE_PATH))
            results = {}
            for name, port, path in (("burden", burden_port, BURDEN_PATH), ("datasette", datasette_port, DATASETTE_PATH)):
                load(port, path, 0.5, args.concurrency, 500)  # warm-up
                results[name] = load(port, path, args.seconds, args.concurrency, args.max_requests)
        finally:
            for proc in servers:
                proc.terminate()
                proc.wait(timeout=10)
    print(f"web_load: {args.concurrency} keep-alive clients, {args.seconds:g} s each, loopback, same 31 rows")
    for name, r in results.items():
        print(f"  {name:<10} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  "
              f"requests {r['requests']}  errors {r['errors']}")
    ratio = results["burden"]["rps"] / results["datasette"]["rps"]
    print(f"  ratio burden/datasette requests/s: {ratio:.2f}x (goal >= 2x)")
    print(json.dumps({"benchmark": "web_load", **{k: {m: round(v, 2) for m, v in r.items()} for k, r in results.items()},
                      "ratio": round(ratio, 2)}))
    return 0 if results["burden"]["errors"] == 0 else 1



if __name__ == "__main__":
    raise SystemExit(main())
