"""`burden check`: find the claims about NATO spending in a text and check them against the data as it
stood on the text's date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..errors import BurdenError
from ..limits import (
    MAX_BATCH_BYTES,
    MAX_BATCH_ITEMS,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    check_at_most,
    check_input_file,
)
from .app import JSON_OPT, app

PANEL = "Claims"
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text", ""}


def _read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    check_input_file(path, limit, "text, HTML or JSONL file")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise BurdenError(f"{path} looks like a binary file: give a text, HTML or JSONL file", code="binary-input")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BurdenError(f"{path} is not UTF-8 text: convert it to UTF-8", code="binary-input") from None


def _inputs(source: str) -> list[tuple[str, str]]:
    """(title, text) pairs from a file, a directory (its text/HTML files) or stdin ("-")."""
    if source == "-":
        return [("stdin", sys.stdin.read(MAX_TEXT_CHARS + 1))]  # one more: check_text refuses it
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        check_at_most(f"text files in {path}", len(files), MAX_BATCH_ITEMS, "check the folder in parts")
        return [(p.name, _read_text(p)) for p in files]
    if not path.is_file():
        raise BurdenError(f"no such file or directory: {source}", code="missing-input")
    return [(path.name, _read_text(path))]


def _jsonl(path: Path) -> list[dict]:
    rows: list[dict] = []
    for n, line in enumerate(_read_text(path, MAX_BATCH_BYTES).splitlines(), 1):
        if not line.strip():
            continue
        check_at_most(f"{path}: texts in one batch", len(rows) + 1, MAX_BATCH_ITEMS, "split the file")
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise BurdenError(f"{path} line {n}: not a JSON object; each line needs {{\"text\": ..., \"date\": ...}}",
                              code="invalid-jsonl") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise BurdenError(f"{path} line {n}: missing string field `text`", code="invalid-jsonl")
        rows.append(row)
    return rows


def _checked(where: str, text: str, date: str | None) -> dict:
    """The service's check of one input; its user errors name the input they came from."""
    from ..service.claims import check as check_text


    try:
        return check_text(text, date, empty_ok=True)
    except BurdenError as exc:
        raise BurdenError(f"{where}: {exc}", code=exc.code) from None


@app.command(rich_help_panel=PANEL)
def check(
    source: str = typer.Argument(None, help="Text or HTML file, a directory, or - for stdin."),
    date: str = typer.Option(None, "--date", "-d", help="The article's date YYYY-MM-DD (default: latest edition)."),
    jsonl: Path = typer.Option(None, "--jsonl", help="JSONL batch: one {text, date, id?, url?} per line."),
    html_out: Path = typer.Option(None, "--html", help="Also write a self-contained annotated HTML page here."),
    json_out: bool = JSON_OPT,
) -> None:
    """Check the claims about NATO spending in a news text against the figures current on its date.

    Limits: 2,000,000 characters a text; a JSONL batch or a folder of at most 10,000 texts.

    Example: burden check article.txt --date 2025-03-26
    """
    from ..claims.report import print_result, to_html
    from ..render import to_json

    if jsonl is None and source is None:
        raise BurdenError("give a FILE, a directory, - for stdin, or --jsonl FILE", code="missing-input")
    results: list[tuple[str, str, dict]] = []
    if jsonl is not None:
        for n, row in enumerate(_jsonl(jsonl), 1):
            result = _checked(f"{jsonl} line {n}", row["text"], row.get("date") or date)
            result = {"id": row.get("id", n), **({"url": row["url"]} if "url" in row else {}), **result}
            results.append((str(result["id"]), row["text"], result))
    else:
        for title, text in _inputs(source):
            results.append((title, text, _checked(title, text, date)))
    if html_out is not None:
        html_out.write_text(to_html(results), encoding="utf-8")
    if json_out:
        if jsonl is not None:
            for _, _, result in results:
                print(json.dumps(json.loads(to_json(result)), ensure_ascii=False))
        elif len(results) == 1:
            print(to_json(results[0][2]))
        else:
            print(to_json([{"file": title, **result} for title, _, result in results]))
        return
    for title, text, result in results:
        print_result(result, text, title if len(results) > 1 or jsonl is not None else None)
