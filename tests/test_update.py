"""`burden update` against a real HTTP server on 127.0.0.1 serving fixture files: conditional requests,
every way a download can go wrong, and the contract. In every failure the data folder is byte-identical
afterwards. No network beyond 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import FIXTURES

NATO = FIXTURES / "nato"
WORKBOOK = NATO / "layout_2026_core.xlsx"
ETAG = '"fixture-etag-1"'
LAST_MODIFIED = "Fri, 10 Jul 2026 09:55:14 GMT"
TIMEOUT = "1.5"  # seconds: the stalling route waits longer


class Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, dict] = {}
    hits: list[tuple[str, str, dict]] = []

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _serve(self, body_wanted: bool) -> None:
        Handler.hits.append((self.command, self.path, dict(self.headers)))
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        if route.get("stall"):
            time.sleep(route["stall"])
            return
        if route.get("etag") and self.headers.get("If-None-Match") == route["etag"]:
            self.send_response(304)
            self.send_header("ETag", route["etag"])
            self.end_headers()
            return
        body = route["body"]
        self.send_response(route.get("status", 200))
        self.send_header("Content-Type", route.get("type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        self.send_header("Content-Length", str(route.get("length", len(body))))
        if route.get("etag"):
            self.send_header("ETag", route["etag"])
        self.send_header("Last-Modified", route.get("last_modified", LAST_MODIFIED))
        self.end_headers()
        if body_wanted:
            self.wfile.write(body)
            self.wfile.flush()
        if route.get("length", len(body)) != len(body):
            self.close_connection = True

    def do_GET(self):
        self._serve(True)

    def do_HEAD(self):
        self._serve(False)


@pytest.fixture(autouse=True)
def no_network_beyond_localhost(monkeypatch):
    """Any name lookup other than 127.0.0.1 fails the test: these tests never leave the machine."""
    real = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        assert host in ("127.0.0.1", "localhost"), f"network access to {host!r} in a test"
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def routes(server, monkeypatch):
    Handler.routes, Handler.hits = {}, []
    monkeypatch.setenv("BURDEN_UPDATE_TIMEOUT", TIMEOUT)
    return Handler.routes


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: connections are refused


def tree_digest(root: Path) -> str:
    """One hash over every path and file's bytes under root (the data folder's state)."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def populated(isolated_data_dir):
    """A data folder holding a previous import, so 'unchanged' means something."""
    from burden.importers import import_nato

    import_nato(NATO / "valid_minimal.xlsx", "2030-01")
    return isolated_data_dir


def _fails_cleanly(cli, data_dir: Path, args: list[str], words: str) -> str:
    before = tree_digest(data_dir)
    code, out, err = cli("update", *args)
    assert code == 2, (out, err)
    assert out == "" and err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert words in err, err
    assert tree_digest(data_dir) == before
    return err


# ---------------------------------------------------------------- contract

def test_url_import_returns_the_contract_and_the_edition_appears_in_editions(cli, cli_json, server, routes,
                                                                             isolated_data_dir):
    routes["/finance/def-exp-2027-en.xlsx"] = {"body": WORKBOOK.read_bytes(), "etag": ETAG}
    url = f"{server}/finance/def-exp-2027-en.xlsx"
    result = cli_json("update", "--url", url, "--edition", "2027-07")
    assert result["status"] == "imported" and result["edition"] == "2027-07" and result["url"] == url
    assert result["sha256"] == hashlib.sha256(WORKBOOK.read_bytes()).hexdigest()
    assert result["layout"] == "2026-core" and result["etag"] == ETAG
    editions = {e["edition"]: e for e in cli_json("editions")}
    assert editions["2027-07"]["origin"] == "imported" and editions["2027-07"]["coverage_status"] == "full"
    manifest = json.loads((isolated_data_dir / "update-manifest.json").read_text())
    entry = manifest["fetched"][-1]
    assert (entry["url"], entry["sha256"], entry["etag"], entry["last_modified"]) == (
        url, result["sha256"], ETAG, LAST_MODIFIED)
    assert entry["fetched_at"].endswith("+00:00")


def test_a_second_fetch_sends_the_etag_and_a_304_changes_nothing(cli_json, server, routes, isolated_data_dir):
    routes["/finance/def-exp-2027-en.xlsx"] = {"body": WORKBOOK.read_bytes(), "etag": ETAG}
    url = f"{server}/finance/def-exp-2027-en.xlsx"
    cli_json("update", "--url", url, "--edition", "2027-07")
    before = tree_digest(isolated_data_dir)
    again = cli_json("update", "--url", url, "--edition", "2027-07")
    assert again["status"] == "not-modified" and again["edition"] == "2027-07" and again["url"] == url
    assert again["sha256"] == hashlib.sha256(WORKBOOK.read_bytes()).hexdigest()
    assert Handler.hits[-1][2].get("If-None-Match") == ETAG
    assert tree_digest(isolated_data_dir) == before


def _sources_file(tmp_path: Path, server: str, extra: str = "") -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f'''
[[source]]
id = "nato"
kind = "nato-workbook"
folder = "{server}/finance/"
next = "def-exp-{{year}}-en.xlsx"

[[source.releases]]
label = "2026-07"
url = "{server}/finance/def-exp-2026-en.xlsx"
etag = '{ETAG}'

[[source]]
id = "imf-weo"
kind = "page"
url = "{server}/weo"
installed = "WEO April 2025"
{extra}''', encoding="utf-8")
    return path


def test_check_reports_a_newer_release_and_changes_nothing(cli_json, server, routes, monkeypatch, tmp_path,
                                                           populated):
    monkeypatch.setenv("BURDEN_UPDATE_SOURCES", str(_sources_file(tmp_path, server)))
    routes["/finance/def-exp-2027-en.xlsx"] = {"body": WORKBOOK.read_bytes(), "last_modified": "Tue, 07 Jul 2027 09:00:00 GMT"}
    routes["/weo"] = {"body": b"<html>WEO</html>", "type": "text/html"}
    before = tree_digest(populated)
    result = cli_json("update", "--check")
    rows = {r["source"]: r for r in result["sources"]}
    assert set(rows["nato"]) >= {"source", "installed", "latest", "status", "url"}
    assert rows["nato"]["installed"] == "2030-01"  # the import in the data folder is the newest edition held
    assert tree_digest(populated) == before
    monkeypatch.setenv("BURDEN_DATA_DIR", str(tmp_path / "empty"))
    rows = {r["source"]: r for r in cli_json("update", "--check")["sources"]}
    assert rows["nato"] == {**rows["nato"], "installed": "2026-07", "latest": "2027-07", "status": "newer-available",
                            "url": f"{server}/finance/def-exp-2027-en.xlsx"}
    assert rows["imf-weo"]["status"] == "manual" and rows["imf-weo"]["url"] == f"{server}/weo"
    assert all(method == "HEAD" for method, _, _ in Handler.hits)
    assert not (tmp_path / "empty").exists()


def test_check_says_up_to_date_when_the_next_name_is_404_and_the_installed_file_is_304(cli_json, server, routes,
                                                                                       monkeypatch, tmp_path):
    monkeypatch.setenv("BURDEN_UPDATE_SOURCES", str(_sources_file(tmp_path, server)))
    routes["/finance/def-exp-2026-en.xlsx"] = {"body": WORKBOOK.read_bytes(), "etag": ETAG}
    routes["/weo"] = {"body": b"<html>WEO</html>", "type": "text/html"}
    rows = {r["source"]: r for r in cli_json("update", "--check")["sources"]}
    assert rows["nato"]["status"] == "up-to-date" and rows["nato"]["latest"] == "2026-07"
    routes["/finance/def-exp-2026-en.xlsx"]["etag"] = '"re-issued"'
    rows = {r["source"]: r for r in cli_json("update", "--check")["sources"]}
    assert rows["nato"]["status"] == "changed"


def test_update_without_options_fetches_and_imports_the_newer_release(cli_json, server, routes, monkeypatch,
                                                                      tmp_path):
    monkeypatch.setenv("BURDEN_UPDATE_SOURCES", str(_sources_file(tmp_path, server)))
    routes["/finance/def-exp-2027-en.xlsx"] = {"body": WORKBOOK.read_bytes(), "last_modified": "Tue, 07 Jul 2027 09:00:00 GMT"}
    routes["/weo"] = {"body": b"<html>WEO</html>", "type": "text/html"}
    rows = {r["source"]: r for r in cli_json("update")["sources"]}
    assert rows["nato"]["status"] == "imported" and rows["nato"]["update"]["edition"] == "2027-07"
    assert "2027-07" in {e["edition"] for e in cli_json("editions")}


# ---------------------------------------------------------------- failures: one line, exit 2, nothing changed

def test_offline_is_one_line_saying_offline_and_nothing_changes(cli, populated):
    url = f"http://127.0.0.1:{closed_port()}/finance/def-exp-2027-en.xlsx"
    _fails_cleanly(cli, populated, ["--url", url, "--edition", "2027-07"], "offline: cannot reach 127.0.0.1")


def test_check_offline_is_one_line_and_exit_2(cli, populated, monkeypatch, tmp_path):
    monkeypatch.setenv("BURDEN_UPDATE_SOURCES", str(_sources_file(tmp_path, f"http://127.0.0.1:{closed_port()}")))
    _fails_cleanly(cli, populated, ["--check"], "offline")


def test_not_found_is_one_line(cli, server, routes, populated):
    _fails_cleanly(cli, populated, ["--url", f"{server}/finance/nope.xlsx", "--edition", "2027-07"], "HTTP 404")


def test_a_server_that_stalls_times_out_as_offline(cli, server, routes, populated):
    routes["/slow.xlsx"] = {"stall": float(TIMEOUT) + 2}
    start = time.monotonic()
    _fails_cleanly(cli, populated, ["--url", f"{server}/slow.xlsx", "--edition", "2027-07"], "timed out")
    assert time.monotonic() - start < float(TIMEOUT) + 1.5


def test_a_truncated_download_is_refused(cli, server, routes, populated):
    data = WORKBOOK.read_bytes()
    routes["/short.xlsx"] = {"body": data[: len(data) // 2], "length": len(data)}
    _fails_cleanly(cli, populated, ["--url", f"{server}/short.xlsx", "--edition", "2027-07"], "truncated download")


def test_an_html_error_page_sent_with_200_is_refused(cli, server, routes, populated):
    routes["/moved.xlsx"] = {"body": b"<!DOCTYPE html><html><body>Page not found</body></html>", "type": "text/html"}
    _fails_cleanly(cli, populated, ["--url", f"{server}/moved.xlsx", "--edition", "2027-07"], "HTML page")


def test_a_workbook_with_a_renamed_sheet_is_refused(cli, server, routes, populated):
    routes["/renamed.xlsx"] = {"body": (NATO / "layout_2026_renamed_sheet.xlsx").read_bytes()}
    err = _fails_cleanly(cli, populated, ["--url", f"{server}/renamed.xlsx", "--edition", "2027-07"],
                         "sheet Share of GDP: cannot place the table headed 'Core defence expenditure as a share")
    assert err.startswith("error: renamed.xlsx, ")


def test_a_sipri_workbook_without_its_sheets_is_refused_before_import(cli, server, routes, populated):
    routes["/sipri.xlsx"] = {"body": (FIXTURES / "sipri" / "missing_sheet.xlsx").read_bytes()}
    _fails_cleanly(cli, populated, ["--source", "sipri", "--url", f"{server}/sipri.xlsx", "--edition", "1949-2025"],
                   "no sheet matching /^Current US")


def test_a_valid_workbook_that_fails_validation_is_refused(cli, server, routes, populated):
    routes["/bad.xlsx"] = {"body": (NATO / "pct_gdp_above_100.xlsx").read_bytes()}
    _fails_cleanly(cli, populated, ["--url", f"{server}/bad.xlsx", "--edition", "2027-07"], "outside [0, 100]")


def test_a_file_above_the_size_limit_is_refused_before_and_while_reading(cli, server, routes, populated, monkeypatch):
    routes["/big.xlsx"] = {"body": WORKBOOK.read_bytes()}
    _fails_cleanly(cli, populated, ["--url", f"{server}/big.xlsx", "--edition", "2027-07", "--max-bytes", "1000"],
                   "above the limit")
    monkeypatch.setenv("BURDEN_UPDATE_MAX_BYTES", "1000")
    _fails_cleanly(cli, populated, ["--url", f"{server}/big.xlsx", "--edition", "2027-07"], "above the limit")


def test_a_checksum_that_differs_is_refused(cli, server, routes, populated):
    routes["/wb.xlsx"] = {"body": WORKBOOK.read_bytes()}
    _fails_cleanly(cli, populated, ["--url", f"{server}/wb.xlsx", "--edition", "2027-07", "--sha256", "0" * 64],
                   "differs from the expected")


def test_a_non_workbook_body_is_refused(cli, server, routes, populated):
    routes["/data.xlsx"] = {"body": b"iso3,year,value\nPOL,2024,4.12\n", "type": "text/csv"}
    _fails_cleanly(cli, populated, ["--url", f"{server}/data.xlsx", "--edition", "2027-07"], "not an .xlsx workbook")


def test_bad_options_are_one_line(cli, populated):
    _fails_cleanly(cli, populated, ["--url", "ftp://example.invalid/x.xlsx", "--edition", "2027-07"], "unsupported URL")
    _fails_cleanly(cli, populated, ["--url", "http://127.0.0.1:9/x.xlsx"], "--url needs --edition")
    _fails_cleanly(cli, populated, ["--url", "http://127.0.0.1:9/x.xlsx", "--edition", "July"], "invalid edition label")


def test_a_sipri_workbook_is_fetched_into_the_sipri_history(cli_json, server, routes, isolated_data_dir):
    body = (FIXTURES / "sipri" / "valid_minimal.xlsx").read_bytes()
    routes["/SIPRI-Milex-data-1949-2025.xlsx"] = {"body": body, "etag": ETAG}
    result = cli_json("update", "--source", "sipri", "--url", f"{server}/SIPRI-Milex-data-1949-2025.xlsx",
                      "--edition", "1949-2025")
    assert result["status"] == "imported" and result["label"] == "1949-2025"
    assert (isolated_data_dir / "sipri" / "sipri.csv").is_file()
    assert result["sha256"] == hashlib.sha256(body).hexdigest()


def test_the_shipped_sources_name_nato_s_official_files():
    from burden.update import load_sources, source

    nato = source("nato", load_sources())
    names = [r["url"].rsplit("/", 1)[-1] for r in nato["releases"]]
    assert names == ["240617-def-exp-2024-TABLES-en.xlsx", "250827-def-exp-en.xlsx", "def-exp-2026-en.xlsx"]
    assert nato["folder"] == "https://www.nato.int/content/dam/nato/webready/documents/finance/"
    assert all(r["url"].startswith(nato["folder"]) for r in nato["releases"][1:])
    assert nato["next"].format(year=2027) == "def-exp-2027-en.xlsx"
    from burden.importers.nato_workbook import layouts

    assert [r["layout"] for r in nato["releases"]] == [lay["id"] for lay in layouts()]
    assert {s["id"] for s in load_sources()} == {"nato", "sipri", "imf-weo", "kiel"}


def test_a_broken_sources_file_is_one_line(cli, populated, monkeypatch, tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text("[[source]\nid = ", encoding="utf-8")
    monkeypatch.setenv("BURDEN_UPDATE_SOURCES", str(bad))
    _fails_cleanly(cli, populated, ["--check"], "cannot read the update sources")


def test_nato_s_real_2024_workbook_fetched_from_its_official_name_changes_no_value(cli_json, server, routes,
                                                                                    shared_dir):
    real = shared_dir / "reference" / "raw" / "nato-def-exp-2024-TABLES-en.xlsx"
    routes["/legacy/240617-def-exp-2024-TABLES-en.xlsx"] = {"body": real.read_bytes(), "etag": ETAG}
    result = cli_json("update", "--url", f"{server}/legacy/240617-def-exp-2024-TABLES-en.xlsx", "--edition", "2024-06",
                      "--sha256", hashlib.sha256(real.read_bytes()).hexdigest())
    assert result["status"] == "imported" and result["layout"] == "2024-tables" and result["facts"] == 5346
    from burden.dataset import edition_records

    row = next(r for r in edition_records() if r["edition"] == "2024-06")
    assert row["origin"] == "imported" and row["release_day"] == "2024-06-17"  # the shipped release day is kept
    assert row["source_file"] == "240617-def-exp-2024-TABLES-en.xlsx"


def test_the_terminal_output_names_status_and_what_was_imported(cli, server, routes, monkeypatch, tmp_path):
    monkeypatch.setenv("BURDEN_UPDATE_SOURCES", str(_sources_file(tmp_path, server)))
    routes["/finance/def-exp-2027-en.xlsx"] = {"body": WORKBOOK.read_bytes(), "last_modified": "Tue, 07 Jul 2027 09:00:00 GMT"}
    routes["/weo"] = {"body": b"<html>WEO</html>", "type": "text/html"}
    code, out, _ = cli("update", "--check")
    assert code == 0 and "newer-available" in out and "manual" in out
    code, out, _ = cli("update", "--url", f"{server}/finance/def-exp-2027-en.xlsx", "--edition", "2027-07")
    result = json.loads((Path(os.environ["BURDEN_DATA_DIR"]) / "update-manifest.json").read_text())["fetched"][-1]
    assert code == 0 and out.startswith("2027-07: imported ") and "layout 2026-core" in out
    assert f"sha256 {result['sha256'][:16]}" in out
