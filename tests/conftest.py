"""Shared fixtures. Tests that read ../shared (or need chromium) skip cleanly when it is absent on a
user's clone, and FAIL in CI (CI=true), where it must be there: a skip would hide a broken setup."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets an empty user data directory, so imports never touch the real one."""
    path = tmp_path_factory.mktemp("burden-data")
    monkeypatch.setenv("BURDEN_DATA_DIR", str(path))
    return path


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require(present: bool, what: str) -> None:
    """Skip a test whose prerequisite is absent, except in CI, where the absence is a failure."""
    if present:
        return
    if in_ci():
        pytest.fail(f"{what} (CI=true: this must be present in CI, so the test fails instead of skipping)")
    pytest.skip(what)


@pytest.fixture
def shared_dir() -> Path:
    require((SHARED / "reference" / "nato" / "defence_expenditure.csv").exists(),
            "../shared/reference is absent (it ships with the development workspace, not the repo)")
    return SHARED


@pytest.fixture
def cli():
    """Run the CLI in-process; returns (exit_code, stdout, stderr)."""
    from burden.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def cli_json(cli):
    def run(*args: str):
        code, out, err = cli(*args, "--json")
        assert code == 0, err or out
        return json.loads(out)

    return run
