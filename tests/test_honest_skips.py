"""A test whose prerequisite is absent skips on a user's machine and fails in CI."""

from __future__ import annotations

import subprocess
import sys
import textwrap

TEST = textwrap.dedent("""
    from conftest import require

    def test_needs_something_absent():
        require(False, "the thing is absent")
""")


def _run(tmp_path, ci: str | None) -> subprocess.CompletedProcess:
    from conftest import ROOT

    (tmp_path / "test_absent.py").write_text(TEST)
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text())
    env = {k: v for k, v in __import__("os").environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            str(tmp_path / "test_absent.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )


def test_an_absent_prerequisite_skips_outside_ci(tmp_path):
    result = _run(tmp_path, None)
    assert result.returncode == 0 and "1 skipped" in result.stdout


def test_an_absent_prerequisite_fails_in_ci(tmp_path):
    result = _run(tmp_path, "true")
    assert result.returncode == 1 and "1 failed" in result.stdout and "CI=true" in result.stdout
