"""`burden archive`: real WARC files (written by burden.archive.synthetic), real Dask, real DuckDB."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from local_helpers import free_port, offline_file_page

pytest.importorskip("distributed")
pytest.importorskip("trafilatura")

from burden.archive import synthetic  # noqa: E402
from burden.archive.run import check_archive, dask_client  # noqa: E402

pytestmark = pytest.mark.xdist_group("archive")  # one worker runs them all: the cluster fixture is made once
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "claims"


@pytest.fixture(scope="module")
def client():
    """One small in-process cluster (threads) for the tests that do not need separate processes."""
    with dask_client(2, processes=False) as c:
        yield c


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> dict[str, Path]:
    """A gzip WARC of news and defect pages, a plain WARC with a corrupt record in the middle, and a gzip
    WARC whose last member is cut short."""
    d = tmp_path_factory.mktemp("crawl")
    paths = {"main": synthetic.write_warc(d / "main.warc.gz", synthetic.news_pages(40, 0.3, seed=1)
                                          + synthetic.defect_pages())}
    plain = synthetic.write_warc(d / "corrupt_middle.warc", synthetic.news_pages(6, 0.5, seed=2))
    synthetic.corrupt_middle(plain, 6)  # 0 warcinfo, then request/response pairs: 6 = the 3rd page
    paths["corrupt"] = plain
    cut = synthetic.write_warc(d / "truncated_tail.warc.gz", synthetic.news_pages(5, 0.5, seed=3))
    synthetic.truncate_tail(cut, 300)
    paths["truncated"] = cut
    return paths


def table(out: Path, name: str) -> list[dict]:
    import duckdb

    order = "record_id, claim" if name == "claims" else "record_id"
    return duckdb.sql(f"SELECT * FROM read_parquet('{out / name / '*.parquet'}') ORDER BY {order}").df() \
        .astype(object).where(lambda df: df.notna(), None).to_dict("records")


def by_url(rows: list[dict]) -> dict[str, dict]:
    return {r["url"]: r for r in rows if r["url"]}


# ---------------------------------------------------------------- every record ends in one place

def test_defects_are_reported_with_a_reason_and_never_stop_the_run(crawl, client, tmp_path):
    out = tmp_path / "results"
    manifest = check_archive([str(p) for p in crawl.values()], out, client=client, partition_size=7)
    articles = table(out, "articles")
    assert manifest["balanced"] and manifest["records_in"] == manifest["records_out"] == len(articles)
    assert len({a["record_id"] for a in articles}) == len(articles)
    pages = by_url(articles)
    defects = {p["defect"]: p["url"] for p in synthetic.defect_pages()}
    assert pages[defects["none"]]["status"] == "checked" and pages[defects["none"]]["claims"] > 0
    assert pages[defects["duplicate"]]["reason"] == "duplicate"
    assert pages[defects["duplicate"]]["duplicate_of"] == pages[defects["none"]]["record_id"]
    assert pages[defects["no date"]]["reason"] == "no date"
    assert pages[defects["not English"]]["reason"] == "not English"
    assert pages[defects["not a page"]]["reason"] == "not a page"
    assert pages[defects["unrelated"]]["reason"] == "prefiltered"
    assert pages[defects["declared windows-1252"]]["status"] == "checked"
    assert pages[defects["declared windows-1252"]]["claims"] > 0
    undecodable = pages[defects["undecodable"]]
    assert undecodable["status"] == "failed" and "undecodable" in undecodable["error"]
    corrupt = [a for a in articles if a["source"] == "corrupt_middle.warc"]
    assert [a["status"] for a in corrupt].count("failed") == 1
    assert "corrupt WARC record" in next(a["error"] for a in corrupt if a["status"] == "failed")
    assert len(corrupt) == 6  # the pages after the corrupt record were found again and read
    truncated = [a for a in articles if a["source"] == "truncated_tail.warc.gz"]
    assert truncated[-1]["status"] == "failed" and "truncated record" in truncated[-1]["error"]
    assert all(a["status"] != "failed" for a in truncated[:-1])
    # every status has its reason or error, never both
    for a in articles:
        assert (a["status"] == "skipped") == (a["reason"] is not None)
        assert (a["status"] == "failed") == (a["error"] is not None)
    claims = table(out, "claims")
    assert len(claims) == manifest["claims"] == sum(a["claims"] or 0 for a in articles)
    assert {c["verdict"] for c in claims} <= {"supported", "refuted", "outdated", "unverifiable"}
    assert all(c["edition"] or c["verdict"] == "unverifiable" or c["type"] in ("member_count", "accession", "pledge",
                                                                                 "summit", "proposal", "misconception")
               for c in claims)


def test_rerun_skips_written_partitions_and_changes_nothing(crawl, client, tmp_path):
    out = tmp_path / "results"
    first = check_archive([str(crawl["main"])], out, client=client, partition_size=10)
    files = {p: p.stat().st_mtime_ns for p in (out / "articles").glob("*.parquet")}
    again = check_archive([str(crawl["main"])], out, client=client, partition_size=10)
    assert again["this_run"]["records"] == 0
    assert {p: p.stat().st_mtime_ns for p in (out / "articles").glob("*.parquet")} == files
    assert {k: v for k, v in again.items() if k != "this_run"} == {k: v for k, v in first.items() if k != "this_run"}


def test_a_results_folder_of_other_inputs_is_refused(crawl, client, tmp_path, cli):
    out = tmp_path / "results"
    check_archive([str(crawl["truncated"])], out, client=client)
    code, _, err = cli("archive", "check", str(crawl["main"]), "--out", str(out), "--workers", "1")
    assert code == 2 and "holds a run with other inputs" in err


def test_folders_jsonl_and_parquet_inputs(client, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pages = synthetic.news_pages(6, 0.5, seed=4)
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, p in enumerate(pages):
        (folder / f"{n}.html").write_text(p["html"], encoding="utf-8")
    (folder / "note.txt").write_text("NATO allies spend 2% of GDP on defence.", encoding="utf-8")  # no date known
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("\n".join([json.dumps({"id": "a", "text": "Poland spent 4.12 per cent of GDP on defence in 2024.",
                                            "date": "2025-10-14"}),
                                "{not json",
                                json.dumps({"id": "c", "text": "Spain spent 1.3 per cent.", "date": "14/10/2025"})]),
                     encoding="utf-8")
    table_path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist([{"html": p["html"], "date": None, "url": p["url"]} for p in pages]), table_path)
    out = tmp_path / "results"
    manifest = check_archive([str(folder), str(jsonl), str(table_path)], out, client=client)
    assert manifest["balanced"] and manifest["records_in"] == 7 + 3 + 6
    rows = {a["record_id"]: a for a in table(out, "articles")}
    assert rows["rows.jsonl#0"]["status"] == "checked" and rows["rows.jsonl#0"]["claims"] == 1
    assert rows["rows.jsonl#1"]["status"] == "failed" and "line 2" in rows["rows.jsonl#1"]["error"]
    assert rows["rows.jsonl#2"]["status"] == "failed" and "invalid date" in rows["rows.jsonl#2"]["error"]
    assert rows["pages#6"]["reason"] == "no date"  # note.txt: a text file has no date
    # the folder's pages are the Parquet table's pages: duplicates by content, checked once
    assert all(rows[f"rows.parquet#{n}"]["reason"] == "duplicate" for n in range(6))
    assert sum(rows[f"pages#{n}"]["status"] == "checked" for n in range(6)) == sum(p["topic"] == "nato" for p in pages)


# ---------------------------------------------------------------- same results however it runs

def _articles_jsonl(tmp_path: Path) -> Path:
    rows = [json.loads(line) for line in (FIXTURES / "claims" / "batch.jsonl").read_text().splitlines() if line]
    for f in sorted((FIXTURES / "claims" / "heldout").glob("*.json")) + sorted(SHARED_DEV.glob("*.json")):
        art = json.loads(f.read_text(encoding="utf-8"))
        rows.append({"id": art["id"], "text": art["text"], "date": art["published"]})
    corpus = sorted((FIXTURES / "claims" / "corpus").glob("*.jsonl")) if (FIXTURES / "claims" / "corpus").is_dir() else []
    for f in corpus[:2]:
        for line in f.read_text(encoding="utf-8").splitlines()[:30]:
            if line.strip():
                art = json.loads(line)
                rows.append({"id": art["id"], "text": art["text"], "date": art.get("date") or art["published"]})
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def _claims_by_id(out: Path) -> dict[str, list[tuple]]:
    ids = {a["record_id"]: a["id"] for a in table(out, "articles")}
    got: dict[str, list[tuple]] = {}
    for c in table(out, "claims"):
        got.setdefault(ids[c["record_id"]], []).append(
            (c["sentence"], c["type"], c["subject"], json.loads(c["value"]) if c["value"] else None, c["year"],
             c["verdict"], c["edition"], json.loads(c["evidence"]) if c["evidence"] else None))
    return got


def test_one_worker_two_worker_processes_and_burden_check_jsonl_agree(tmp_path, cli):
    articles = _articles_jsonl(tmp_path)
    with dask_client(1, processes=False) as one:
        check_archive([str(articles)], tmp_path / "one", client=one, partition_size=4)
    with dask_client(2, processes=True) as two:  # two worker processes, as `--workers 2` starts
        assert len(two.scheduler_info()["workers"]) == 2
        check_archive([str(articles)], tmp_path / "two", client=two, partition_size=4)
    code, out, err = cli("check", "--jsonl", str(articles), "--json")
    assert code == 0, err
    plain: dict[str, list[tuple]] = {}
    for line in out.splitlines():
        r = json.loads(line)
        for c in r["claims"]:
            plain.setdefault(str(r["id"]), []).append(
                (c["sentence"], c["type"], c["subject"], c["value"], c["year"], c["verdict"], c["edition"],
                 c["evidence"]))
    one, two = _claims_by_id(tmp_path / "one"), _claims_by_id(tmp_path / "two")
    assert sum(len(v) for v in plain.values()) > 50  # the articles hold claims: the comparison says something
    assert one == two == plain
    assert table(tmp_path / "one", "articles") == table(tmp_path / "two", "articles")


def _cli_run(args: list[str], **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", "from burden.cli import main; main()", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw)


def test_killed_run_resumes_to_the_same_output_as_an_uninterrupted_run(client, tmp_path):
    warc = synthetic.write_warc(tmp_path / "big.warc.gz", synthetic.news_pages(240, 0.4, seed=5))
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    uninterrupted = check_archive([str(warc)], whole, client=client, partition_size=6)
    total = len(list((whole / "articles").glob("*.parquet")))
    proc = _cli_run(["archive", "check", str(warc), "--out", str(resumed), "--workers", "1",
                     "--partition-size", "6", "--quiet"])
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and proc.poll() is None:
        written = len(list((resumed / "articles").glob("*.parquet"))) if (resumed / "articles").is_dir() else 0
        if written >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its Dask workers, mid-run
    proc.wait()
    done_at_kill = len(list((resumed / "articles").glob("*.parquet")))
    assert 3 <= done_at_kill < total, (done_at_kill, total, proc.stderr.read().decode()[-2000:])
    assert not (resumed / "manifest.json").exists()
    manifest = check_archive([str(warc)], resumed, client=client, partition_size=6)
    assert manifest["this_run"]["records"] == manifest["records_in"] - 6 * done_at_kill
    assert table(resumed, "articles") == table(whole, "articles")
    assert table(resumed, "claims") == table(whole, "claims")
    assert manifest["balanced"]
    assert {k: v for k, v in manifest.items() if k != "this_run"} == \
        {k: v for k, v in uninterrupted.items() if k != "this_run"}
    assert not list(resumed.rglob(".*.tmp"))  # a write cut by the kill leaves no temporary file behind


# ---------------------------------------------------------------- the CLI and the report

def test_cli_check_and_report_agree_with_the_api(crawl, client, tmp_path, cli, cli_json):
    from burden.archive.report import archive_report

    out = tmp_path / "results"
    manifest = check_archive([str(crawl["main"])], out, client=client)
    data = cli_json("archive", "report", str(out))
    assert data == json.loads(json.dumps(archive_report(out)))
    assert data["totals"]["claims"] == manifest["claims"] > 0
    assert sum(m["claims"] for m in data["by_month"]) == manifest["claims"]
    assert sum(t["claims"] for t in data["by_type"]) == manifest["claims"]
    assert sum(s["claims"] for s in data["by_site"]) == manifest["claims"]
    assert sum(s["checked_articles"] for s in data["by_site"]) == manifest["checked"]
    for r in data["repeated"]["refuted"]:
        assert r["verdict"] == "refuted" and r["times"] >= 1 and r["correction"]
    assert [r["times"] for r in data["repeated"]["refuted"]] == sorted((r["times"] for r in data["repeated"]["refuted"]),
                                                                       reverse=True)
    for s in data["stale_after_revision"]:
        assert s["latest_edition"] > s["edition"]
    html_path = tmp_path / "archive.html"
    code, text, err = cli("archive", "report", str(out), "--out", str(html_path))
    assert code == 0, err
    page = html_path.read_text(encoding="utf-8")
    assert "vegaEmbed" in page and '"by_month"' in page and "Claims by site" in page
    assert "<script src=" not in page and "cdn." not in page  # self-contained: opens offline


@pytest.mark.parametrize("args,message", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--partition-size", "0"], "--partition-size must be at least 1"),
    (["--workers", "1", "--scheduler", "tcp://127.0.0.1:1"], "not both"),
])
def test_bad_options_are_one_line_errors_and_write_nothing(crawl, tmp_path, cli, args, message):
    code, _, err = cli("archive", "check", str(crawl["main"]), "--out", str(tmp_path / "r"), *args)
    assert code == 2 and message in err and not (tmp_path / "r").exists()


def test_pages_above_max_bytes_are_skipped_as_too_large(crawl, client, tmp_path):
    manifest = check_archive([str(crawl["truncated"])], tmp_path / "r", client=client, max_bytes=1000)
    assert manifest["skipped_by_reason"] == {"too large": 4} and manifest["failed"] == 1  # the cut record
    assert manifest["balanced"]


def test_an_unreachable_scheduler_is_a_one_line_error_and_writes_nothing(crawl, tmp_path, cli):
    code, _, err = cli("archive", "check", str(crawl["truncated"]), "--out", str(tmp_path / "r"),
                       "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "cannot reach the Dask scheduler" in err and not (tmp_path / "r").exists()


def test_missing_input_is_a_one_line_error(tmp_path, cli):
    code, _, err = cli("archive", "check", str(tmp_path / "nope.warc.gz"), "--out", str(tmp_path / "r"))
    assert code == 2 and "no such file or folder" in err


def test_report_of_a_folder_without_results_is_a_clear_error(tmp_path, cli):
    code, _, err = cli("archive", "report", str(tmp_path), "--json")
    assert code == 2 and "no results of `burden archive check`" in err


def test_cli_check_prints_counts_in_and_out(crawl, tmp_path, cli):
    code, out, err = cli("archive", "check", str(crawl["truncated"]), "--out", str(tmp_path / "r"), "--workers", "1")
    assert code == 0, err
    assert "records in 5 = out 5" in out and "failed 1" in out
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text())
    assert manifest["records_in"] == manifest["records_out"] == 5


# ---------------------------------------------------------------- the reader never gives up on a file

@pytest.fixture(scope="module")
def small_warcs(tmp_path_factory) -> dict[str, bytes]:
    d = tmp_path_factory.mktemp("small")
    pages = synthetic.news_pages(8, 0.5, seed=9)
    return {name: synthetic.write_warc(d / name, pages).read_bytes() for name in ("s.warc", "s.warc.gz")}


@pytest.mark.parametrize("name", ["s.warc", "s.warc.gz"])
def test_damage_anywhere_in_a_warc_never_stops_the_reader(small_warcs, tmp_path, name):
    """Garbage written at any offset: the scan and the reads never raise, every page record found is
    accounted for (read, or failed with an error), and the pages outside the damage are still found."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from burden.archive import inputs

    data = small_warcs[name]

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.integers(0, len(data) - 1), st.binary(min_size=1, max_size=64))
    def check(at, junk):
        path = tmp_path / name
        path.write_bytes(data[:at] + junk + data[at + len(junk):])
        entries = inputs.scan(path)
        records = list(inputs.read(path, name, entries))
        assert len(records) == len(entries)
        good = [r for r in records if r.error is None]
        assert all(r.payload is not None for r in good)
        assert len(good) >= 8 - 3  # one damaged stretch costs at most a few of the 8 pages

    check()


@pytest.mark.parametrize("args", [["archive", "--help"], ["archive", "check", "--help"], ["archive", "report", "--help"]])
def test_help_of_the_archive_commands_exits_cleanly(cli, args):
    code, out, err = cli(*args)
    assert code == 0 and "internal error" not in err and "Usage" in out


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is absent")
def test_archive_report_opens_offline_and_draws_every_chart(crawl, client, tmp_path):
    from playwright.sync_api import sync_playwright

    from burden.archive.report import archive_report, write_html

    out = tmp_path / "results"
    check_archive([str(crawl["main"])], out, client=client)
    path = write_html(archive_report(out), tmp_path / "archive.html")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        with offline_file_page(browser, path) as (pg, blocked, errors):
            pg.wait_for_function("""() => [...document.querySelectorAll('figure.chart')]
                .every(f => f.classList.contains('drawn') || f.classList.contains('unavailable'))""", timeout=20000)
            drawn = pg.locator("figure.chart.drawn svg").count()
        browser.close()
    assert drawn == 3  # by month, by site, by type
    assert blocked == [] and errors == []


def test_a_run_on_a_separate_scheduler_by_address_equals_a_local_run(crawl, tmp_path, cli):
    """`--scheduler tcp://...`: a scheduler and a worker started as their own processes (as on a real
    cluster, here on 127.0.0.1) give the same tables as a local one-worker run."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", str(port), "--no-dashboard"], **quiet)
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                               "--nworkers", "1", "--no-dashboard"], **quiet)
    try:
        deadline = time.monotonic() + 60
        while True:  # wait until the worker has registered with the scheduler
            try:
                with Client(address, timeout="2s") as c:
                    if c.scheduler_info()["workers"]:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the scheduler or its worker did not start"
            time.sleep(0.5)
        code, _, err = cli("archive", "check", str(crawl["main"]), "--out", str(tmp_path / "remote"),
                           "--scheduler", address)
        assert code == 0, err
        with Client(address, timeout="5s") as c:  # the tasks ran there: its scheduler saw them
            assert c.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter) > 0
    finally:
        for proc in (worker, scheduler):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
    code, _, err = cli("archive", "check", str(crawl["main"]), "--out", str(tmp_path / "local"), "--workers", "1")
    assert code == 0, err
    assert table(tmp_path / "remote", "claims") == table(tmp_path / "local", "claims")
    assert table(tmp_path / "remote", "articles") == table(tmp_path / "local", "articles")
    assert len(table(tmp_path / "local", "claims")) > 0
