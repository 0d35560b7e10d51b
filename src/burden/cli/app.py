"""The Typer application object and the CLI's one error boundary; commands live in sibling modules.

Every way a command can end is decided in `BurdenGroup.main`, for the installed `burden` script and for
typer's CliRunner alike:
- success, `--help`, a closed stdout (`burden ... | head`): exit 0, nothing on stderr;
- a user error (a `BurdenError`, or the command-line parser's usage errors: unknown command or option,
  bad or missing value): one line `error: ...` on stderr, naming close matches where there are any, exit 2;
- anything else is a bug: one line `internal error in `burden CMD`: ...` that says how to report it,
  exit 1; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import ast
import difflib
import errno
import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click
import typer
from typer.core import TyperGroup

from ..errors import BurdenError

if TYPE_CHECKING:  # mypy runs against the typer of the dev environment, which vendors click
    from typer._click import Context
    from typer._click import exceptions as tc

STATE = {"debug": False}
# Help panels in task order: the data first, then the analyses built on it, then the outputs.
PANEL_ORDER = ["Data", "Pledges & compliance", "Fairness", "Projections", "Claims", "Charts, report & web"]
REPORT_HINT = ("this is a bug in burden: please report it with the command line and the output of the same "
               "command with --debug")


def _parser_exceptions() -> tuple[type[tc.ClickException] | type[click.ClickException],
                                  type[tc.UsageError] | type[click.UsageError],
                                  type[tc.NoSuchOption] | type[click.NoSuchOption],
                                  type[tc.NoArgsIsHelpError] | type[click.UsageError],
                                  type[typer.Abort] | type[click.Abort]]:
    """(ClickException, UsageError, NoSuchOption, NoArgsIsHelpError, Abort) of the click that typer runs on.

    typer >= 0.2x vendors click as `typer._click`; older typer uses click itself. Both are caught."""
    try:
        from typer._click import exceptions as tc

        return (tc.ClickException, tc.UsageError, tc.NoSuchOption, tc.NoArgsIsHelpError, typer.Abort)
    except ImportError:  # typer on plain click
        return (click.ClickException, click.UsageError, click.NoSuchOption,
                getattr(click.exceptions, "NoArgsIsHelpError", click.UsageError), click.Abort)


CLICK_ERROR, USAGE_ERROR, NO_SUCH_OPTION, NO_ARGS_IS_HELP, ABORT = _parser_exceptions()
EXIT: tuple[type[typer.Exit] | type[click.exceptions.Exit], ...] = tuple({typer.Exit, click.exceptions.Exit})


def _command_path(group: Any, args: Sequence[str]) -> str:
    """`burden show`, `burden import nato`: the commands named in `args` (for messages about a bug)."""
    words, node = ["burden"], group
    for token in args:
        commands = getattr(node, "commands", None)
        if commands is None:
            break
        if token in commands:
            words.append(token)
            node = commands[token]
    return " ".join(words)


def _did_you_mean(value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""


def _options_of(ctx: Any) -> list[str]:
    command = getattr(ctx, "command", None)
    return [opt for param in getattr(command, "params", []) for opt in getattr(param, "opts", [])
            if opt.startswith("-")] + ["--help"]


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


def _unquote(text: str) -> str:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def usage_message(exc: Exception) -> str:
    """The parser's error as our one line: lower-case start, close matches, where to read more."""
    ctx = getattr(exc, "ctx", None)
    where = getattr(ctx, "command_path", "") or "burden"
    where = "burden" + where[len(where.split(" ")[0]):] if where else "burden"
    raw = _one_line(exc.format_message() if hasattr(exc, "format_message") else str(exc))
    unknown = re.match(r"No such command (.+?)\.(?: Did you mean .*)?$", raw)
    if unknown:
        name = _unquote(unknown.group(1))
        choices = list(getattr(getattr(ctx, "command", None), "commands", {}) or {})
        return f"no such command {name!r} in `{where}`{_did_you_mean(name, choices) or f' (see `{where} --help`)'}"
    if isinstance(exc, NO_SUCH_OPTION):
        name = exc.option_name
        hint = _did_you_mean(name, _options_of(ctx)) if name.startswith("--") or len(name) > 2 else ""
        return f"no such option {name!r} for `{where}`{hint or f' (see `{where} --help`)'}"
    message = raw[:1].lower() + raw[1:] if raw[:2] != raw[:2].upper() else raw
    return f"{message.rstrip('.')} (see `{where} --help`)"


class BurdenGroup(TyperGroup):
    """The root command group; `main` is the CLI's one error boundary (see the module docstring)."""

    def list_commands(self, ctx: Context) -> list[str]:
        def panel_rank(name: str) -> int:
            panel = getattr(self.commands[name], "rich_help_panel", None)
            return PANEL_ORDER.index(panel) if panel in PANEL_ORDER else len(PANEL_ORDER)

        return sorted(self.commands, key=panel_rank)  # stable: registration order within a panel

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        STATE["debug"] = "--debug" in args[:1]  # the callback sets it too; an early parse error must know
        code = _run(self, args, prog_name, complete_var, {"windows_expand_args": windows_expand_args, **extra})
        if standalone_mode:
            sys.exit(code)
        return code


def _run(group: BurdenGroup, args: list[str], prog_name: str | None, complete_var: str | None,
         extra: dict[str, Any]) -> int:
    """Run the command line; return the exit code after writing at most one line to stderr."""
    if sys.stdout is None:  # started with stdout closed (`burden ... >&-`): the output goes nowhere
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    _bytes_through(sys.stdout)
    try:
        result = TyperGroup.main(group, args, prog_name, complete_var, standalone_mode=False, **extra)
        _flush_stdout()
        return result if isinstance(result, int) and not isinstance(result, bool) else 0
    except BrokenPipeError:
        return _closed_stdout()
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            return _closed_stdout()
        if exc.errno is None or STATE["debug"]:
            return _bug(group, args, exc)
        # the system refused: a file the user named (missing, a directory, no permission, name too long) or
        # the output (disk full) - not a bug in burden
        reason = (exc.strerror or str(exc)).lower()
        click.echo(f"error: {exc.filename}: {reason}" if exc.filename else f"error: cannot write the output: {reason}",
                   err=True)
        return 2
    except BurdenError as exc:
        if STATE["debug"]:
            raise
        click.echo(f"error: {_one_line(str(exc))}", err=True)
        return 2
    except NO_ARGS_IS_HELP as exc:  # `burden`, `burden import`: the help, on stdout, is the answer
        text = exc.format_message()
        if text.strip():
            click.echo(text)
        return 0
    except CLICK_ERROR as exc:
        message = usage_message(exc) if isinstance(exc, USAGE_ERROR) else _one_line(exc.format_message())
        click.echo(f"error: {message}", err=True)
        return 2
    except EXIT as exc:
        return exc.exit_code
    except ABORT:
        click.echo("aborted", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        # typer's and rich's answer to a closed pipe is exit 1: theirs, not ours
        cause = exc.__context__
        if exc.code == 1 and (_stdout_is_devnull() or (isinstance(cause, OSError) and cause.errno == errno.EPIPE)):
            return _closed_stdout()
        raise
    except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
        return _bug(group, args, exc)


def _bytes_through(stream: Any) -> None:
    """Undecodable bytes of a file name or argument (Python holds them as lone surrogates) are written
    back as the same bytes, as under the C locale, instead of failing the command."""
    try:
        stream.reconfigure(errors="surrogateescape")
    except (AttributeError, ValueError, OSError):
        pass


def _bug(group: BurdenGroup, args: list[str], exc: Exception) -> int:
    if STATE["debug"]:
        raise exc
    first = _one_line(str(exc).splitlines()[0]) if str(exc).strip() else ""
    click.echo(f"internal error in `{_command_path(group, args)}`: {type(exc).__name__}"
               f"{': ' + first[:300] if first else ''} ({REPORT_HINT})", err=True)
    return 1


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        raise BrokenPipeError from None


def _stdout_is_devnull() -> bool:
    try:
        here, null = os.fstat(sys.stdout.fileno()), os.stat(os.devnull)
    except (AttributeError, OSError, ValueError):
        return False
    return (here.st_dev, here.st_ino) == (null.st_dev, null.st_ino)


def _closed_stdout() -> int:
    """The reader went away (`burden --help | head`): stop quietly. Point stdout at /dev/null so the
    interpreter's last flush cannot complain either."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # CliRunner's in-memory stdout
        return 0
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
    return 0


app = typer.Typer(
    cls=BurdenGroup,
    help="NATO defence burden-sharing: official figures by edition, pledges, fairness, projections, claim checks.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors.")) -> None:
    STATE["debug"] = debug


JSON_OPT = typer.Option(False, "--json", help="Output JSON.")
CSV_OPT = typer.Option(False, "--csv", help="Output CSV.")
EDITION_OPT = typer.Option(None, "--edition", "-e", help="Edition (default: latest full edition); see `burden editions`.")
