"""The HTML report: one self-contained file, every section, no network reference."""

from __future__ import annotations

import re

import pytest

from burden.report import build_report, render_report


@pytest.fixture(scope="module")
def report_html():
    return render_report(build_report("2026-07"))


def test_report_inlines_javascript_and_fetches_nothing(report_html):
    assert re.findall(r'<script[^>]+src=', report_html) == []
    assert re.findall(r'<link[^>]+href="http', report_html) == []
    assert "window.vegaEmbed" in report_html
    assert "cdn." not in report_html


def test_report_holds_every_section_and_names_the_edition(report_html):
    for section in ("overview", "compliance", "fairness", "responsibility", "projections", "revisions", "sources"):
        assert f'id="{section}"' in report_html
    assert "Source: NATO, Defence Expenditure of NATO Countries, edition 2026-07" in report_html
    drawn = report_html.count('data-spec-name="')
    assert drawn >= 4  # ranking, series, scatter, revisions need only the dataset
    assert 'data-spec-name="responsibility"' in report_html  # core + aid + related, shipped data only
    assert drawn + report_html.count('<p class="unavailable">Chart ') == 7  # the others say why they are missing


def test_cli_report_prints_the_path_it_wrote(cli, tmp_path):
    out = tmp_path / "r.html"
    code, stdout, stderr = cli("report", "--edition", "2024-06", "--out", str(out))
    assert code == 0, stderr
    assert stdout.strip() == str(out.resolve())
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>") or "<!doctype html>" in out.read_text()


def test_report_with_an_article_adds_the_claim_check(tmp_path, cli):
    article = tmp_path / "article.txt"
    article.write_text("Poland spent 4.12% of GDP on defence in 2024.", encoding="utf-8")
    out = tmp_path / "r.html"
    code, _, stderr = cli("report", "--out", str(out), "--article", str(article), "--date", "2024-07-01")
    assert code == 0, stderr
    html = out.read_text(encoding="utf-8")
    assert 'id="claims"' in html and "Poland spent 4.12% of GDP" in html


def test_writing_the_report_loads_no_web_server_module(tmp_path):
    """The report renders with burden.presentation; FastAPI, Starlette and uvicorn stay unloaded."""
    import subprocess
    import sys

    code = ("import sys; from burden.report import write_report; write_report(sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('fastapi', 'starlette', 'uvicorn', "
            "'burden.web') or m.startswith('burden.web')))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "r.html")], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    assert (tmp_path / "r.html").stat().st_size > 100_000
