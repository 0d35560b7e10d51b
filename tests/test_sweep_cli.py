"""A generated sweep over every command: hypothesis builds command lines from each command's own click
parameter list (odd numbers, empty and whitespace strings, very long strings, Unicode, injection-like
strings, missing, repeated and unknown options, unknown commands) and every one must end in exit 0, or
exit 2 with exactly one line `error: ...` on stderr, nothing on stdout and no file written. No traceback
and no "internal error" anywhere.

`serve` (runs until stopped) and commands that need the network are left out. The run size comes from
tests/sweep_values.py (BURDEN_SWEEP_PROFILE=fuzz for `make fuzz`)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from burden.cli import app
from sweep_values import NUMBER, PROFILE, SQL, SWEEP, TEXT

EXCLUDED = {("serve",), ("update",)}  # long-running; needs the network
# Commands whose every success takes seconds get fewer examples in the default run (all of them under fuzz).
FEWER = {("report",): 3}
OUTPUT_WORDS = ("out", "html", "chart", "save", "write", "dest")  # path options a command writes to
SECONDS_EACH = 60  # the bar: every invocation ends within a minute
ROOT = typer.main.get_command(app)
STDIN = "Germany spent 2.1% of GDP on defence in 2024, NATO said; Spain spent 1.3%.\n"


def _leaves(group, path=()):
    for name, command in sorted(group.commands.items()):
        if (*path, name) in EXCLUDED or getattr(command, "hidden", False):
            continue
        if hasattr(command, "commands"):
            yield from _leaves(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = dict(_leaves(ROOT))


def _inputs(root: Path) -> dict[str, Path]:
    """Small input files of every awkward kind, outside the working directory (which must stay empty)."""
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "empty.txt": b"",
        "article.txt": STDIN.encode(),
        "latin1.txt": "Défense: 2 % du PIB".encode("latin-1"),
        "binary.bin": bytes(range(256)) * 4,
        "good.jsonl": b'{"text": "France spent 2.0% of GDP in 2024.", "date": "2025-01-01"}\n',
        "bad.jsonl": b'{"text": 1}\n[1, 2]\nnot json\n',
        "odd.toml": b'[growth]\nDEU = "fast"\nx = [1, {a = 2}]\n',
        "bad.toml": b"= = =\n",
        "data.csv": b"iso3,border_km\nPOL,1000\nXXX,abc\n,\n",
        "bad.csv": b"\xff\xfe\x00garbage",
        "fake.xlsx": b"PK\x03\x04 not really a zip",
    }
    out = {}
    for name, data in files.items():
        (root / name).write_bytes(data)
        out[name] = root / name
    folder = root / "folder"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_bytes(STDIN.encode())
    (folder / "b.md").write_bytes(b"# nothing here\n")
    out["folder"] = folder
    return out


def _path_values(param, inputs: dict[str, Path]) -> st.SearchStrategy[str]:
    names = " ".join(param.opts + [param.name or ""]).lower()
    if any(word in names for word in OUTPUT_WORDS):  # something the command writes: relative, into the temp cwd
        return st.sampled_from(["out.svg", "out.png", "out.html", "out.txt", "out.parquet", "missing/dir/out.svg",
                                ".", "", " ", "a" * 300 + ".svg", "out", "-", "🙂.html"])
    return st.one_of(st.sampled_from([str(p) for p in inputs.values()]),
                     st.sampled_from(["no-such-file.txt", "/dev/null", "/dev/zero", "/", ".", "", "-",
                                      "../../../etc/passwd", "a" * 300]))


PLAUSIBLE = ["2024", "2025", "2035", "DEU", "Poland,Italy", "2026-07", "2024-06", "pct_gdp", "hague-core", "3.5",
             "2", "2020-01-01", "linear", "1.5", "7", "500", "fan", "ranking", "json"]


def _values(param, inputs: dict[str, Path], command_name: str) -> st.SearchStrategy[str]:
    """Odd values, with plausible ones (the default, common words) often enough to reach deeper code."""
    odd = _odd_values(param, inputs, command_name)
    default = param.default if isinstance(param.default, (str, int, float)) and not isinstance(param.default, bool) \
        else None
    plausible = st.sampled_from(PLAUSIBLE + ([str(default)] if default is not None else []))
    return st.one_of(odd, odd, plausible)


def _odd_values(param, inputs: dict[str, Path], command_name: str) -> st.SearchStrategy[str]:
    kind = type(param.type).__name__.lower()
    if hasattr(param.type, "choices"):
        return st.one_of(st.sampled_from([str(c) for c in param.type.choices]), TEXT)
    if "path" in kind or "file" in kind:
        return _path_values(param, inputs)
    if kind in ("intparamtype", "floatparamtype", "intrange", "floatrange") or "int" in kind or "float" in kind:
        return st.one_of(NUMBER, TEXT)
    if command_name == "sql" and param.name == "query":
        return SQL
    return TEXT


@st.composite
def invocation(draw, path: tuple[str, ...], command, inputs: dict[str, Path]) -> list[str]:
    """One command line for `command`: its arguments (sometimes missing), a random subset of its options
    (sometimes repeated, sometimes without their value) and sometimes an unknown option or command."""
    args: list[str] = []
    options: list[list[str]] = []
    for param in command.params:
        if param.param_type_name == "argument":
            if draw(st.integers(0, 9)) > 0:  # a missing argument, one time in ten
                args.extend(draw(_values(param, inputs, path[-1])) for _ in range(max(param.nargs, 1)))
            continue
        if not draw(st.booleans()):
            continue
        names = [o for o in param.opts + list(getattr(param, "secondary_opts", [])) if o.startswith("-")]
        name = draw(st.sampled_from(names))
        repeats = draw(st.sampled_from([1, 1, 1, 2])) if not param.is_flag else 1
        for _ in range(repeats):
            if param.is_flag or getattr(param, "count", False):
                options.append([name])
            else:
                options.append([name, draw(_values(param, inputs, path[-1]))])
    options = draw(st.permutations(options)) if options else []
    line = [*path, *args, *(token for option in options for token in option)]
    mishap = draw(st.sampled_from(["none"] * 6 + ["unknown-option", "typo-option", "dangling", "typo-command"]))
    if mishap == "unknown-option":
        line.insert(draw(st.integers(len(path), len(line))), draw(st.sampled_from(["--bogus", "-Z", "--", "--=x"])))
    elif mishap == "typo-option":
        long = [o for p in command.params for o in p.opts if o.startswith("--") and len(o) > 4]
        if long:
            line.append(draw(st.sampled_from(long))[:-1])
    elif mishap == "dangling":
        valued = [p.opts[0] for p in command.params if p.param_type_name == "option" and not p.is_flag]
        if valued:
            line.append(draw(st.sampled_from(valued)))
    elif mishap == "typo-command":
        line[len(path) - 1] = path[-1][:-1] + "x"
    return line


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def check_invocation(runner: CliRunner, line: list[str], workdir: Path, data_dir: Path) -> None:
    """Run `burden LINE` in an empty working directory; assert the sweep's rules."""
    data_before = _listing(data_dir)
    cwd = os.getcwd()
    os.chdir(workdir)
    started = time.perf_counter()
    try:
        result = runner.invoke(app, line, input=STDIN, catch_exceptions=True)
    finally:
        os.chdir(cwd)
    elapsed = time.perf_counter() - started
    shown = f"burden {' '.join(repr(a) if not a or ' ' in a else a for a in line)[:400]}"
    if os.environ.get("BURDEN_SWEEP_LOG"):  # one line per invocation: seconds, exit code, command line
        with open(os.environ["BURDEN_SWEEP_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{elapsed:.2f}\t{result.exit_code}\t{shown[:200]!r}\n")
    assert elapsed < SECONDS_EACH, f"{shown}: took {elapsed:.0f} s"
    err, out = result.stderr, result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{shown}: {type(result.exception).__name__}: {result.exception}"
    assert result.exit_code in (0, 2), f"{shown}: exit {result.exit_code}: {err[-600:]}"
    assert "Traceback" not in err + out and "internal error" not in err, f"{shown}: {err[-600:]}"
    if result.exit_code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), f"{shown}: stderr {err[-600:]!r}"
        assert out == "", f"{shown}: failed but wrote to stdout: {out[:300]!r}"
        assert _listing(workdir) == [], f"{shown}: failed but wrote files {_listing(workdir)}"
        assert _listing(data_dir) == data_before, f"{shown}: failed but changed the data directory"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    return _inputs(tmp_path_factory.mktemp("sweep-inputs"))


def test_the_sweep_covers_every_command():
    names = {" ".join(p) for p in COMMANDS}
    assert {"show", "sql", "project", "check", "chart", "report", "import nato"} <= names
    assert "serve" not in names


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=[" ".join(p) for p in sorted(COMMANDS)])
def test_every_command_ends_in_success_or_one_line_error(path, inputs, tmp_path, isolated_data_dir):
    runner = CliRunner()
    command = COMMANDS[path]
    counter = iter(range(10**9))

    budget = SWEEP if PROFILE == "fuzz" or path not in FEWER else settings(SWEEP, max_examples=FEWER[path])

    @budget
    @given(line=invocation(path, command, inputs))
    def sweep(line):
        workdir = tmp_path / f"run{next(counter)}"
        workdir.mkdir()
        check_invocation(runner, line, workdir, isolated_data_dir)

    sweep()


@SWEEP
@given(line=st.lists(TEXT, min_size=1, max_size=4))
def test_arbitrary_words_end_in_success_or_one_line_error(line, tmp_path_factory, isolated_data_dir):
    workdir = tmp_path_factory.mktemp("words")
    check_invocation(CliRunner(), line, workdir, isolated_data_dir)


# ---------------------------------------------------------------- the installed entry point

def _real(*args: str, **kwargs) -> subprocess.CompletedProcess:
    code = "from burden.cli import main; main()"
    kwargs = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run([sys.executable, "-c", code, *args], text=True, timeout=120, **kwargs)


@pytest.mark.parametrize("line, needle", [
    (["ukrane"], "no such command 'ukrane'"),
    (["shwo"], "did you mean 'show'"),
    (["show", "pct_gdp", "--jsn"], "did you mean '--json'"),
    (["show"], "missing argument"),
    (["status", "--year", "abc"], "'abc' is not a valid"),
    (["project", "--paths", "99999999999"], "beyond the limit of"),
    (["import", "natoo"], "did you mean 'nato'"),
])
def test_real_entry_point_gives_one_line_and_exit_2(line, needle, tmp_path):
    done = _real(*line, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and needle in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_real_entry_point_renders_every_duckdb_type_as_json():
    done = _real("sql", "SELECT [1,2] AS l, uuid() AS u, '\\xAA'::BLOB AS b, 1/0 AS x, INTERVAL 1 DAY AS i, "
                 "170141183460469231731687303715884105727::HUGEINT AS h, TIMETZ '12:00:00+02' AS t", "--json")
    assert done.returncode == 0, done.stderr
    import json

    row = json.loads(done.stdout)[0]
    assert row == {"l": [1, 2], "u": row["u"], "b": "qg==", "x": None, "i": "P1DT0H0M0S",
                   "h": "170141183460469231731687303715884105727", "t": "12:00:00+02:00"}
    assert done.stderr.startswith("note: 1 value not finite")


@pytest.mark.parametrize("line", [["--help"], ["show", "pct_gdp"], ["show", "pct_gdp", "--json"],
                                  ["sql", "SELECT * FROM range(100000)", "--csv"], ["export", "--format", "parquet"]],
                         ids=["help", "table", "json", "csv", "binary"])
def test_a_closed_pipe_ends_silently_with_exit_0(line):
    """`burden ... | head`: the reader goes away before the output is written."""
    code = "from burden.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, *line], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and err == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_one_line_not_a_bug():
    with open("/dev/full", "w") as full:
        done = _real("editions", "--json", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2 and done.stderr == "error: cannot write the output: no space left on device\n"


def test_a_closed_stdout_at_start_is_not_a_bug():
    """`burden editions --json >&-`: Python starts without stdout; the output goes nowhere, silently."""
    done = _real("editions", "--json", stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 0 and done.stderr == ""
