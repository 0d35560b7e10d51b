"""One writer at a time in the user data directory: a second `burden import`/`update` waits for the first,
and gives up with a one-line error (nothing written) when the first holds the directory too long."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import burden.paths as paths
from burden.errors import BurdenError
from burden.importers import import_nato
from conftest import FIXTURES

VALID = FIXTURES / "nato" / "valid_minimal.xlsx"


def _in_other_thread(work):
    """Run work() in a thread (the lock is re-entrant within a thread, not across threads) and return what it
    raised or returned."""
    box: dict = {}

    def run():
        try:
            box["value"] = work()
        except BaseException as exc:  # handed back to the test
            box["error"] = exc
    t = threading.Thread(target=run)
    t.start()
    t.join(timeout=60)
    return box


def test_an_import_gives_up_with_a_one_line_error_while_another_writer_holds_the_directory(isolated_data_dir,
                                                                                           monkeypatch):
    monkeypatch.setattr(paths, "LOCK_WAIT_SECONDS", 0.3)
    with paths.writing_user_data():
        box = _in_other_thread(lambda: import_nato(VALID, "2030-01"))
    err = box.get("error")
    assert isinstance(err, BurdenError) and err.code == "data-dir-busy"
    assert "\n" not in str(err) and str(isolated_data_dir) in str(err) and "run this again" in str(err)
    assert not (isolated_data_dir / "editions").exists()  # nothing half-written
    assert "value" in _in_other_thread(lambda: import_nato(VALID, "2030-01"))  # free again: it imports


def test_the_lock_is_reentrant_within_one_run(isolated_data_dir):
    with paths.writing_user_data(), paths.writing_user_data(wait=0):
        result = import_nato(VALID, "2030-01")
    assert result["written_to"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_two_imports_started_together_both_land(isolated_data_dir):
    env = {**os.environ, "BURDEN_DATA_DIR": str(isolated_data_dir)}
    cmd = [str(Path(sys.executable).with_name("burden")), "import", "nato", str(VALID), "--edition"]
    runs = [subprocess.Popen([*cmd, edition], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for edition in ("2030-01", "2030-02")]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in runs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert sorted(p.name for p in (isolated_data_dir / "editions").iterdir()) == ["2030-01", "2030-02"]
    assert not any((isolated_data_dir / ".staging").glob("*"))  # no staging folder left behind
