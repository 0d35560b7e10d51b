"""The Typer application object and its error handling; commands live in sibling modules."""

from __future__ import annotations

import sys

import click
import typer
from typer.core import TyperGroup

from ..errors import BurdenError

STATE = {"debug": False}
# Help panels in task order: the data first, then the analyses built on it, then the outputs.
PANEL_ORDER = ["Data", "Pledges & compliance", "Fairness", "Projections", "Claims", "Charts, report & web"]


class BurdenGroup(TyperGroup):
    """Turns library errors into one line on stderr and exit code 2; tracebacks only with --debug."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        def panel_rank(name: str) -> int:
            panel = getattr(self.commands[name], "rich_help_panel", None)
            return PANEL_ORDER.index(panel) if panel in PANEL_ORDER else len(PANEL_ORDER)

        return sorted(self.commands, key=panel_rank)  # stable: registration order within a panel

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BurdenError as exc:
            if STATE["debug"]:
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, typer.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
            if STATE["debug"]:
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(f"internal error: {type(exc).__name__}: {first} (rerun with --debug for the traceback)",
                       err=True)
            sys.exit(1)


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
