"""The archive prefilter never drops an article the full checker finds a claim in; the language detector
takes every English article of the corpora for English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.archive import prefilter, synthetic
from burden.claims import check_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "claims"


def _corpus() -> list[tuple[str, str, str]]:
    """(name, text, date) of the dev set (when ../shared is there), the held-out fixtures, the batch and the
    regression corpus (tests/fixtures/claims/corpus/*.jsonl, when present)."""
    arts = []
    for f in sorted(SHARED_DEV.glob("*.json")) + sorted((FIXTURES / "claims" / "heldout").glob("*.json")):
        a = json.loads(f.read_text(encoding="utf-8"))
        arts.append((f.name, a["text"], a["published"]))
    lines = [(FIXTURES / "claims" / "batch.jsonl", line) for line in
             (FIXTURES / "claims" / "batch.jsonl").read_text(encoding="utf-8").splitlines()]
    for f in sorted((FIXTURES / "claims" / "corpus").glob("*.jsonl")):
        lines += [(f, line) for line in f.read_text(encoding="utf-8").splitlines()]
    for n, (f, line) in enumerate(lines):
        if line.strip():
            row = json.loads(line)
            arts.append((f"{f.name}:{n}", row["text"], row.get("date") or row.get("published")))
    return arts


CORPUS = _corpus()


def test_the_corpora_are_there():
    assert len(CORPUS) >= 10


@pytest.mark.parametrize("name,text,date", CORPUS, ids=[c[0] for c in CORPUS])
def test_prefilter_keeps_every_article_with_a_claim(name, text, date):
    result = check_text(text, date)
    if result["claims"]:
        assert prefilter.passes(text), f"{name}: the checker finds {len(result['claims'])} claims"
    for claim in result["claims"]:  # and every claim sentence that is a claim on its own
        if check_text(claim["sentence"], date)["claims"]:
            assert prefilter.passes(claim["sentence"]), claim["sentence"]


def test_prefilter_drops_pages_about_other_things():
    rng_pages = synthetic.news_pages(200, nato_share=0.0, seed=7)
    dropped = sum(not prefilter.passes(p["html"].split("<article>")[1].split("</article>")[0]) for p in rng_pages)
    assert dropped / len(rng_pages) > 0.5  # travel pages name France and Italy: those go on to the checker
    assert not prefilter.passes("Heavy rain will cross the region on Friday, with up to 30 millimetres.")
    assert not prefilter.passes("NATO leaders gathered in Brussels.")  # the topic, but nothing to check
    assert prefilter.passes("Allies agreed to spend 3.5 per cent.")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([c[1] for c in CORPUS]), st.text(max_size=200))
def test_adding_text_never_makes_an_article_drop(text, more):
    if prefilter.passes(text):
        assert prefilter.passes(text + "\n" + more)
        assert prefilter.passes(more + "\n" + text)


def test_entities_in_html_are_decoded_before_matching():
    assert prefilter.passes("<p>&#78;ATO allies spend 2&#37;</p>")


@pytest.mark.parametrize("name,text,date", CORPUS[:40], ids=[c[0] for c in CORPUS[:40]])
def test_english_articles_are_detected_as_english(name, text, date):
    from burden.archive.pages import language

    pytest.importorskip("py3langid")
    if len(text.split()) >= 8:
        assert language(text) == "en", name


def test_german_article_is_not_english():
    from burden.archive.pages import language

    pytest.importorskip("py3langid")
    german = synthetic.GERMAN_NATO.format(later=2029, pct=3.5)
    assert language(german) == "de"
