"""The real-phrasing regression corpus (tests/fixtures/claims/corpus, built by scripts/check_corpus.py's rules;
see docs/claims.md, "Real-phrasing regression corpus").

The corpus must stay well formed (dev-set schema, exact spans, every evidence figure a row of the shipped
facts.csv, verdicts that the verdict policy recomputes), and the current checker must not fall below what it
reached when the corpus was committed. Measured on branch `corpus` (533 gold claims in 249 items):
detection F1 0.790 (precision 0.962, recall 0.670) and verdict accuracy 0.854 on matched claims, with
`PYTHONPATH=src .venv/bin/python scripts/evaluate_claims.py tests/fixtures/claims/corpus --by phenomenon`.
The claim-checker rewrite raised them; after the claims2 work the same command gives F1 0.944 (precision 0.994,
recall 0.898) and verdict accuracy 0.996 on 568 gold claims in 267 items. The floors below are those figures minus
a margin, so a regression of a few claims fails here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from burden.claims.evaluate import evaluate, load_articles, load_folders, predict, score
from burden.dataset import SHIPPED_DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "claims" / "corpus"
F1_FLOOR = 0.92
VERDICT_ACCURACY_FLOOR = 0.97

# the phenomena issue 11 lists, each of which must be covered by the corpus
PHENOMENA = {"role", "scope", "lists", "groups", "time", "money", "overfiring", "attribution", "pledges", "shares",
             "multi", "baselines"}


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load_articles(CORPUS)


@pytest.fixture(scope="module")
def pack():
    return _script("check_corpus").Pack(SHIPPED_DATA_DIR)


def test_corpus_holds_at_least_400_claims_covering_every_listed_phenomenon(corpus):
    claims = [c for art in corpus for c in art["claims"]]
    assert len(claims) >= 400
    assert PHENOMENA <= {c["phenomenon"] for c in claims}
    verdicts = {c["expected_verdict"] for c in claims}
    assert verdicts == {"supported", "refuted", "outdated", "unverifiable"}
    assert len({art["id"] for art in corpus}) == len(corpus)


def test_every_sentence_is_the_text_at_its_span(corpus):
    for art in corpus:
        for entry in art["claims"] + art["ungraded_spans"]:
            assert art["text"][entry["start"]:entry["end"]] == entry["sentence"], (art["id"], entry["sentence"])


def test_every_evidence_figure_is_a_row_of_the_shipped_facts(corpus, pack):
    figures = 0
    for art in corpus:
        for claim in art["claims"]:
            for ev in claim["evidence"]:
                if "fact" in ev:
                    continue
                rows = pack.rows(ev["edition"], ev["iso3"], ev["year"], ev["indicator"])
                assert any(float(r["value"]) == ev["value"] and r["price_basis"] == ev.get("price_basis", r["price_basis"])
                           for r in rows), (art["id"], ev)
                figures += 1
    assert figures > 400


def test_every_item_passes_the_corpus_check_including_recomputed_verdicts(corpus, pack):
    check = _script("check_corpus")
    problems = [p for art in corpus for p in check.check_article(pack, art, art["id"])]
    assert problems == []


def test_corpus_check_reports_a_wrong_label(corpus, pack):
    """The recomputation is not a rubber stamp: flipping one plain-figure verdict is caught."""
    check = _script("check_corpus")
    art = json.loads(json.dumps(next(a for a in corpus if a["id"] == "time-003")))
    art["claims"][0]["expected_verdict"] = "refuted"
    assert any("the policy gives ('supported', '2024-06')" in p for p in check.check_article(pack, art, "x"))


def test_load_articles_reads_json_and_jsonl_side_by_side(tmp_path, corpus):
    (tmp_path / "one.json").write_text(json.dumps(corpus[0]), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(a) for a in corpus[1:3]) + "\n\n", encoding="utf-8")
    assert [a["id"] for a in load_articles(tmp_path)] == [corpus[1]["id"], corpus[2]["id"], corpus[0]["id"]]
    assert [a["id"] for a in load_articles(tmp_path / "one.json")] == [corpus[0]["id"]]


def test_two_sets_numbered_alike_are_scored_pooled_not_overwritten(tmp_path, corpus):
    # every real set numbers its articles 001, 002, ...: pooled, each must keep its own predictions
    arts = [a for a in corpus if a["claims"]][:2]
    for name, art in (("set_a", arts[0]), ("set_b", arts[1])):
        (tmp_path / name).mkdir()
        (tmp_path / name / "001.json").write_text(json.dumps({**art, "id": "001"}), encoding="utf-8")
    pooled = load_folders([tmp_path / "set_a", tmp_path / "set_b"])
    assert [a["id"] for a in pooled] == ["set_a/001", "set_b/001"]
    apart = [score(arts[i:i + 1], predict(arts[i:i + 1])) for i in range(2)]
    together = score(pooled, predict(pooled))
    assert together["true_positives"] == sum(r["true_positives"] for r in apart)
    assert together["false_positives"] == sum(r["false_positives"] for r in apart)


def test_articles_sharing_an_id_are_refused_by_the_scorer(corpus):
    art = next(a for a in corpus if a["claims"])
    with pytest.raises(ValueError, match="appears twice"):
        predict([art, art])


def test_current_checker_stays_above_the_corpus_floors():
    result = evaluate(CORPUS)
    assert result["gold_claims"] >= 400
    assert result["f1"] >= F1_FLOOR, result["f1"]
    assert result["verdict_accuracy"] >= VERDICT_ACCURACY_FLOOR, result["verdict_accuracy"]


def test_breakdown_by_phenomenon_adds_up_to_the_overall_score(corpus):
    predictions = predict(corpus)
    overall = score(corpus, predictions)
    rows = _script("evaluate_claims").breakdown(corpus, predictions, "phenomenon")
    groups = {k: v for k, v in rows.items() if not k.startswith("file ")}
    assert PHENOMENA <= groups.keys()
    assert sum(v["gold"] for v in groups.values()) == overall["gold_claims"]
    assert sum(v.get("matched", 0) for v in groups.values()) == overall["true_positives"]
    assert sum(v.get("false_positives", 0) for v in rows.values()) == overall["false_positives"]


def test_breakdown_table_prints_a_value_none_of_whose_claims_was_found():
    evaluate_script = _script("evaluate_claims")
    text = evaluate_script.format_breakdown({"rank": {"gold": 3}, "pledge": {"gold": 2, "matched": 1, "correct": 1},
                                             "file x": {"false_positives": 1}}, "type")
    assert "  rank                      3    0  0.000      —" in text and "pledge" in text
