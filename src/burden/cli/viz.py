"""Charts, report and web: chart, report, serve."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import EDITION_OPT, app

PANEL = "Charts, report & web"


@app.command(rich_help_panel=PANEL)
def chart(
    kind: str = typer.Argument(..., help="ranking, series, scatter-equipment, fair-share, fan or revisions."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file: .png, .svg or .html (offline)."),
    edition: str = EDITION_OPT,
    year: int = typer.Option(None, "--year", "-y", help="Year (ranking, scatter-equipment, fair-share)."),
    ally: str = typer.Option(None, "--ally", "-a", help="Ally or group, comma-separated (series, revisions, fan)."),
    indicator: str = typer.Option("pct_gdp", "--indicator", "-i", help="Indicator (series, revisions)."),
    target: str = typer.Option("hague-core", "--target", help="Target (fan)."),
    deadline: int = typer.Option(2035, "--deadline", help="Deadline year (fan)."),
    growth: float = typer.Option(None, "--growth", help="Nominal GDP growth, % a year (fan; default: forecasts)."),
) -> None:
    """Draw a chart with its source line and write it as PNG, SVG or self-contained HTML.

    Example: burden chart ranking --year 2026 --out ranking.svg
    """
    from ..charts import make_chart, save

    figure = make_chart(kind, edition=edition, year=year, ally=ally, indicator=indicator, target=target,
                        deadline=deadline, growth=growth)
    print(save(figure, out))


@app.command(rich_help_panel=PANEL)
def report(
    edition: str = EDITION_OPT,
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="Output HTML file."),
    article: Path = typer.Option(None, "--article", help="A text file whose claims the report checks.",
                                 exists=True, dir_okay=False, readable=True),
    date: str = typer.Option(None, "--date", help="The article's publication date, YYYY-MM-DD."),
) -> None:
    """Write one self-contained HTML report that opens offline, and print its path.

    Overview, compliance, fairness, projections, sources and edition notes; with --article, the
    claim check of that text.

    Example: burden report --edition 2026-07 --out report.html
    """
    from ..errors import BurdenError
    from ..limits import MAX_FILE_BYTES, check_input_file
    from ..report import write_report

    text = None
    if article:
        check_input_file(article, MAX_FILE_BYTES, "text file")
        try:
            text = article.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise BurdenError(f"{article} is not UTF-8 text: convert it to UTF-8", code="binary-input") from None
    print(write_report(out, edition, text, date))


@app.command(rich_help_panel=PANEL)
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535),
) -> None:
    """Run the local web app (pages and a JSON API under /api/), bound to loopback by default.

    The schema is at /api/openapi.json; no JavaScript comes from the internet.

    Example: burden serve --port 8000
    """
    import uvicorn

    typer.echo(f"burden web app on http://{host}:{port}/ (JSON API: /api/, schema: /api/openapi.json); Ctrl-C stops")
    uvicorn.run("burden.web.app:app", host=host, port=port, log_level="warning")
