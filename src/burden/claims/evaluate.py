"""Score predicted claims against a labelled set (../shared/dev/claims/README.md, "Scoring"):
one-to-one matching on overlapping spans, ungraded spans ignored, detection P/R/F1, verdict accuracy,
a 4x4 confusion matrix, and figures per verdict and per claim type, micro-averaged over files."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import VERDICTS


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match_article(gold: list[dict], ungraded: list[dict], predicted: list[dict]) -> dict[str, Any]:
    """Matches for one article: pairs (gold index, prediction index), false positives, ignored."""
    unmatched = set(range(len(predicted)))
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = g["start"], g["end"]
        cands = [pi for pi in unmatched if predicted[pi]["start"] < ge and gs < predicted[pi]["end"]]
        if not cands:
            continue
        claim = g.get("claim", {})

        def agree(p, claim=claim):
            return sum(1 for f in ("type", "subject", "year") if p.get(f) is not None and p.get(f) == claim.get(f))

        best = min(cands, key=lambda pi: (-agree(predicted[pi]),
                                          -_overlap(gs, ge, predicted[pi]["start"], predicted[pi]["end"]),
                                          predicted[pi]["start"]))
        unmatched.discard(best)
        pairs.append((gi, best))
    ignored: list[int] = []
    false_pos: list[int] = []
    for pi in sorted(unmatched):
        p = predicted[pi]
        in_gold = any(p["start"] < g["end"] and g["start"] < p["end"] for g in gold)
        in_ungraded = any(p["start"] < u["end"] and u["start"] < p["end"] for u in ungraded)
        (ignored if in_ungraded and not in_gold else false_pos).append(pi)
    return {"pairs": pairs, "false_positives": false_pos, "ignored": ignored}


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def score(articles: list[dict], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    """`articles`: labelled files as loaded; `predictions`: id -> [{start, end, verdict, type?, subject?, year?}]."""
    tp = fp = gold_n = correct = 0
    confusion = {g: dict.fromkeys(VERDICTS, 0) for g in VERDICTS}
    per_type: dict[str, Counter] = defaultdict(Counter)
    per_verdict: dict[str, Counter] = defaultdict(Counter)
    files, errors = [], []
    for art in articles:
        preds = predictions.get(art["id"], [])
        m = match_article(art["claims"], art.get("ungraded_spans", []), preds)
        gold_n += len(art["claims"])
        tp += len(m["pairs"])
        fp += len(m["false_positives"])
        ok_here = 0
        matched = {gi for gi, _ in m["pairs"]}
        for gi, pi in m["pairs"]:
            g, p = art["claims"][gi], preds[pi]
            gv, pv = g["expected_verdict"], p["verdict"]
            confusion[gv][pv] += 1
            hit = gv == pv
            ok_here += hit
            for counts, key in ((per_type, g["claim"]["type"]), (per_verdict, gv)):
                counts[key]["matched"] += 1
                counts[key]["correct"] += hit
            if not hit:
                errors.append({"id": art["id"], "kind": "verdict", "sentence": g["sentence"], "gold": gv,
                               "predicted": pv, "type": g["claim"]["type"], "explanation": p.get("explanation", "")})
        for gi, g in enumerate(art["claims"]):
            per_type[g["claim"]["type"]]["gold"] += 1
            per_verdict[g["expected_verdict"]]["gold"] += 1
            if gi not in matched:
                errors.append({"id": art["id"], "kind": "missed", "sentence": g["sentence"], "gold": g["expected_verdict"],
                               "type": g["claim"]["type"]})
        for pi in m["false_positives"]:
            p = preds[pi]
            per_type[p.get("type") or "?"]["false_positives"] += 1
            errors.append({"id": art["id"], "kind": "false_positive", "sentence": p.get("sentence", ""),
                           "predicted": p["verdict"], "type": p.get("type"), "explanation": p.get("explanation", "")})
        correct += ok_here
        files.append({"id": art["id"], "gold": len(art["claims"]), "matched": len(m["pairs"]),
                      "false_positives": len(m["false_positives"]), "ignored": len(m["ignored"]),
                      "correct_verdicts": ok_here})
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, gold_n)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0

    def table(t):
        # a type seen only among false positives has no gold or matched count: those are 0
        return {k: {"gold": 0, "matched": 0, "correct": 0, **v, "recall": _ratio(v["matched"], v["gold"]),
                    "accuracy": _ratio(v["correct"], v["matched"])} for k, v in sorted(t.items())}

    return {
        "articles": len(articles), "gold_claims": gold_n, "predicted_scored": tp + fp, "true_positives": tp,
        "false_positives": fp, "precision": precision, "recall": recall, "f1": f1,
        "verdict_accuracy": _ratio(correct, tp), "end_to_end_accuracy": _ratio(correct, gold_n),
        "confusion": confusion, "per_verdict": table(per_verdict), "per_type": table(per_type), "files": files,
        "errors": errors,
    }


def load_articles(folder: Path) -> list[dict]:
    """Labelled articles from a folder: each `*.json` file is one article, each line of a `*.jsonl` file is one
    (the regression corpus). A single file may be given instead of a folder."""
    folder = Path(folder)
    paths = [folder] if folder.is_file() else sorted([*folder.glob("*.json"), *folder.glob("*.jsonl")])
    articles = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            articles += [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            articles.append(json.loads(text))
    return articles


def load_folders(folders: list[Path]) -> list[dict]:
    """Labelled articles from one or more folders, pooled. Every set numbers its articles from 001 and predictions
    are keyed by id, so with several folders each id is prefixed by its folder's name ("realnews10/001")."""
    if len(folders) == 1:
        return load_articles(folders[0])
    return [{**art, "id": f"{Path(folder).name}/{art['id']}"} for folder in folders for art in load_articles(folder)]


def predict(articles: list[dict], check: Callable[[str, str | None], dict] | None = None) -> dict[str, list[dict]]:
    from . import check_text

    check = check or check_text
    out: dict[str, list[dict]] = {}
    for art in articles:
        if art["id"] in out:
            raise ValueError(f"article id {art['id']!r} appears twice: give each article its own id")
        result = check(art["text"], art.get("published"))
        out[art["id"]] = [{**c, "start": c["span"][0], "end": c["span"][1]} for c in result["claims"]]
    return out


def evaluate(folder: Path) -> dict[str, Any]:
    articles = load_articles(folder)
    return score(articles, predict(articles))


def format_report(r: dict[str, Any], show_errors: bool = False) -> str:
    def pct(x):
        return "—" if x is None else f"{x:.3f}"

    lines = [
        f"articles {r['articles']}, gold claims {r['gold_claims']}, scored predictions {r['predicted_scored']}",
        f"detection: precision {pct(r['precision'])}  recall {pct(r['recall'])}  F1 {pct(r['f1'])}"
        f"  (TP {r['true_positives']}, FP {r['false_positives']})",
        f"verdict accuracy on detected claims {pct(r['verdict_accuracy'])}; end-to-end {pct(r['end_to_end_accuracy'])}",
        "", "confusion (rows gold, columns predicted):",
        "              " + " ".join(f"{v[:12]:>12}" for v in VERDICTS),
    ]
    for g in VERDICTS:
        lines.append(f"{g:>13} " + " ".join(f"{r['confusion'][g][p]:>12}" for p in VERDICTS))
    for name in ("per_verdict", "per_type"):
        lines += ["", f"{name.replace('_', ' ')}: gold matched recall accuracy false_positives"]
        for k, v in r[name].items():
            lines.append(f"  {k:<20} {v['gold']:>4} {v['matched']:>4} {pct(v['recall']):>6} {pct(v['accuracy']):>6}"
                         f" {v.get('false_positives', 0):>4}")
    if show_errors:
        lines += ["", "errors:"]
        for e in r["errors"]:
            lines.append(f"  [{e['id']}] {e['kind']:<14} {e.get('type')!s:<18} gold={e.get('gold')} "
                         f"pred={e.get('predicted')} | {e['sentence'][:110]} || {e.get('explanation', '')[:120]}")
    return "\n".join(lines)
