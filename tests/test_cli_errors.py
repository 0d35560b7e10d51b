"""The CLI's one error boundary: the parser's usage errors become one line `error: ...` with close
matches and exit 2; help and closed pipes exit 0; only a bug says "internal error", naming the command
and how to report it (--debug: the traceback)."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from burden.cli.app import BurdenGroup


@pytest.mark.parametrize("line, expected", [
    (["zzqx"], "error: no such command 'zzqx' in `burden` (see `burden --help`)"),
    (["shwo"], "error: no such command 'shwo' in `burden`; did you mean 'show'?"),
    (["import", "natoo"], "error: no such command 'natoo' in `burden import`; did you mean 'nato'?"),
    (["show", "pct_gdp", "--jsn"], "error: no such option '--jsn' for `burden show`; did you mean '--json'"),
    (["show", "pct_gdp", "-Z"], "error: no such option '-Z' for `burden show` (see `burden show --help`)"),
    (["show"], "error: missing argument 'indicator' (see `burden show --help`)"),
    (["chart", "ranking"], "error: missing option '--out' / '-o' (see `burden chart --help`)"),
    (["status", "--year", "abc"], "error: invalid value for '--year' / '-y': 'abc' is not a valid int"),
    (["status", "--year", ""], "error: invalid value for '--year' / '-y': '' is not a valid int"),
    (["status", "--year"], "error: option '--year' requires an argument"),
])
def test_usage_errors_are_one_line_with_close_matches_and_exit_2(cli, line, expected):
    code, out, err = cli(*line)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(expected), err


@pytest.mark.parametrize("line", [["--help"], ["show", "--help"], [], ["import"]], ids=["help", "cmd-help", "none",
                                                                                     "group"])
def test_help_goes_to_stdout_with_exit_0(cli, line):
    code, out, err = cli(*line)
    assert code == 0 and "Usage" in out and err == ""


def _app_with_a_bug() -> typer.Typer:
    """A two-command app on the real boundary: `burden`'s BurdenGroup with a command that has a bug."""
    app = typer.Typer(cls=BurdenGroup, add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def _main(debug: bool = typer.Option(False, "--debug")) -> None:
        from burden.cli.app import STATE

        STATE["debug"] = debug

    @app.command()
    def divide(n: int) -> None:
        print(1 / n)

    @app.command()
    def other() -> None:
        pass

    return app


def test_a_bug_says_internal_error_naming_the_command_and_how_to_report_it():
    result = CliRunner().invoke(_app_with_a_bug(), ["divide", "0"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("internal error in `burden divide`: ZeroDivisionError: division by zero")
    assert "report it" in result.stderr and "--debug" in result.stderr


def test_debug_shows_the_traceback_of_a_bug():
    result = CliRunner().invoke(_app_with_a_bug(), ["--debug", "divide", "0"])
    assert isinstance(result.exception, ZeroDivisionError)


def test_a_missing_file_is_a_user_error(cli, tmp_path):
    code, out, err = cli("check", "--jsonl", str(tmp_path / "nope.jsonl"))
    assert code == 2 and err.startswith("error: ") and "nope.jsonl" in err and err.count("\n") == 1
