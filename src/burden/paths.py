"""Where data lives: the shipped package (read-only) and the user's data directory (imports)."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

SHIPPED_DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_DIR_ENV = "BURDEN_DATA_DIR"


def user_data_dir() -> Path:
    """Per-user directory for imported editions; `BURDEN_DATA_DIR` overrides it. Never in site-packages."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "burden"


def user_editions_dir() -> Path:
    """Imported NATO editions: one folder each, `<edition>/facts.csv` + `<edition>/edition.json`."""
    return user_data_dir() / "editions"


def user_sipri_file() -> Path:
    """An imported SIPRI workbook, converted to the shipped sipri.csv layout; replaces the shipped one."""
    return user_data_dir() / "sipri" / "sipri.csv"


LOCK_WAIT_SECONDS = 30.0
_held = threading.local()


@contextlib.contextmanager
def writing_user_data(wait: float | None = None) -> Iterator[None]:
    """Hold the user data directory's write lock: one `burden import`/`burden update` writes at a time, so two
    runs never lose each other's edition, manifest entry or staging folder. Re-entrant within a thread; waits
    up to `wait` seconds (LOCK_WAIT_SECONDS) for another process, then raises a one-line BurdenError."""
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    from .errors import BurdenError

    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    with open(folder / ".lock", "a+b") as handle:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise BurdenError(f"another burden import or update is writing to {folder} (waited {wait:g} s); "
                                  "run this again when it has finished", code="data-dir-busy")
            time.sleep(0.1)
        _held.depth = 1
        try:
            yield
        finally:
            _held.depth = 0
            _unlock(handle)


def _try_lock(handle) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
