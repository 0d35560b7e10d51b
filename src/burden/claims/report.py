"""Render checked claims: terminal (span highlighted, verdict, evidence), JSON, a self-contained HTML page."""

from __future__ import annotations

import html
from typing import Any

COLOURS = {"supported": "green", "refuted": "red", "outdated": "yellow", "unverifiable": "blue"}
HTML_COLOURS = {"supported": "#cdeccd", "refuted": "#f6c9c9", "outdated": "#f7e6b0", "unverifiable": "#d5e3f5"}


def _evidence_line(row: dict[str, Any]) -> str:
    if "fact" in row:
        return row["fact"]
    basis = f", {row['price_basis']}" if row.get("price_basis") else ""
    est = " (estimate)" if row.get("estimate") else ""
    return f"{row['ally']} {row['year']} {row['indicator']} = {row['value']:g}{est} [edition {row['edition']}{basis}]"


def print_result(result: dict[str, Any], text: str, title: str | None = None) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    if title:
        console.print(f"[bold]{title}[/bold]")
    console.print(f"date {result['date'] or '—'} · edition as of that date {result['edition_as_of'] or '—'}")
    for w in result["warnings"]:
        console.print(f"[yellow]warning:[/yellow] {w}")
    if not result["claims"]:
        console.print("no checkable claims found")
    for c in result["claims"]:
        start, end = c["span"]
        colour = COLOURS[c["verdict"]]
        line = Text(text[start:end])
        line.stylize(f"underline {colour}")
        console.print()
        console.print(Text.assemble((f"{c['verdict'].upper():<13}", f"bold {colour}"), (f"{c['type']} ", "dim"),
                                    (f"[{c['code']}]", "dim")))
        console.print(line)
        console.print(f"  read as: {c['read_as']}", markup=False, highlight=False)
        console.print(f"  {c['explanation']}", markup=False, highlight=False)
        fallback = c.get("decided_by_fallback")
        if fallback:
            console.print(f"  decided by fallback: {fallback['reason']}", markup=False, highlight=False)
        for row in c["evidence"]:
            console.print(f"  · {_evidence_line(row)}", markup=False, highlight=False)
        if c["revised_since"]:
            console.print("  [yellow]revised since[/yellow]: the latest edition now says otherwise")


def to_html(results: list[tuple[str, str, dict[str, Any]]]) -> str:
    """One self-contained page (inline CSS, no scripts, no external resources): each text with its claim
    sentences highlighted by verdict and the evidence listed under it."""
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>burden check</title><style>",
             "body{font:16px/1.5 Georgia,serif;max-width:860px;margin:2em auto;padding:0 1em;color:#222}"
             "mark{padding:0 .1em;border-radius:3px}.ev{font:13px/1.4 system-ui,sans-serif;margin:.3em 0 1em 1.5em}"
             ".legend span{padding:0 .4em;margin-right:.5em;border-radius:3px}.warn{color:#8a5a00}"
             "article{border-top:1px solid #ccc;padding-top:1em}p{white-space:pre-wrap}",
             "</style></head><body><h1>Claim check</h1><p class='legend'>"]
    parts += [f"<span style='background:{c}'>{v}</span>" for v, c in HTML_COLOURS.items()]
    parts.append("</p>")
    for title, text, result in results:
        parts.append(f"<article><h2>{html.escape(title)}</h2><p class='ev'>date {html.escape(str(result['date']))}"
                     f" · edition as of that date {html.escape(str(result['edition_as_of']))}</p>")
        parts += [f"<p class='warn'>{html.escape(w)}</p>" for w in result["warnings"]]
        spans: dict[tuple[int, int], list[dict]] = {}
        for c in result["claims"]:
            spans.setdefault(tuple(c["span"]), []).append(c)
        pos, body = 0, []
        for (start, end), claims in sorted(spans.items()):
            if start < pos:
                continue
            verdict = claims[0]["verdict"]
            tip = "; ".join(f"{c['type']}: {c['verdict']}" for c in claims)
            body.append(html.escape(text[pos:start]))
            body.append(f"<mark style='background:{HTML_COLOURS[verdict]}' title='{html.escape(tip)}'>"
                        f"{html.escape(text[start:end])}</mark>")
            pos = end
        body.append(html.escape(text[pos:]))
        parts.append(f"<p>{''.join(body)}</p><ol class='ev'>")
        for c in result["claims"]:
            ev = "".join(f"<li>{html.escape(_evidence_line(r))}</li>" for r in c["evidence"])
            parts.append(f"<li><b>{c['verdict']}</b> ({c['type']}) — {html.escape(c['sentence'])}<br>"
                         f"<br><i>read as: {html.escape(c['read_as'])}</i><br>{html.escape(c['explanation'])}<ul>{ev}</ul></li>")
        parts.append("</ol></article>")
    parts.append("</body></html>")
    return "".join(parts)
