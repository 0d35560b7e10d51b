"""Where data lives: the shipped package (read-only) and the user's data directory (imports)."""

from __future__ import annotations

import os
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
