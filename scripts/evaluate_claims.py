"""Score the claim checker on a labelled set (default: ../shared/dev/claims).

    .venv/bin/python scripts/evaluate_claims.py [FOLDER_OR_FILE ...] [--errors] [--json] [--by KEY]

A folder may hold *.json files (one article each, the dev-set format) and/or *.jsonl files (one article
per line, e.g. the regression corpus in tests/fixtures/claims/corpus). Several folders are scored together.
`--by phenomenon` (or `type`, `expected_verdict`, any key of a gold claim or of its `claim`) adds a table
of recall and verdict accuracy per value of that key; false positives are listed per file.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from burden.claims.evaluate import format_report, load_folders, match_article, predict, score

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "claims"


def _key(gold: dict, key: str) -> str:
    value = gold.get(key, gold.get("claim", {}).get(key))
    return "?" if value is None else str(value)


def breakdown(articles: list[dict], predictions: dict[str, list[dict]], key: str) -> dict[str, dict]:
    """Gold, matched, correct verdicts per value of `key`, with the same one-to-one matching as `score`;
    false positives per article-id prefix (the corpus file: `role-003` -> `role`)."""
    rows: dict[str, Counter] = defaultdict(Counter)
    for art in articles:
        preds = predictions.get(art["id"], [])
        m = match_article(art["claims"], art.get("ungraded_spans", []), preds)
        matched = dict(m["pairs"])
        for gi, gold in enumerate(art["claims"]):
            row = rows[_key(gold, key)]
            row["gold"] += 1
            if gi in matched:
                row["matched"] += 1
                row["correct"] += preds[matched[gi]]["verdict"] == gold["expected_verdict"]
        rows[f"file {art['id'].rsplit('-', 1)[0]}"]["false_positives"] += len(m["false_positives"])
    return {k: dict(v) for k, v in sorted(rows.items())}


def format_breakdown(rows: dict[str, dict], key: str) -> str:
    def pct(a, b):
        return "—" if not b else f"{a / b:.3f}"

    lines = ["", f"by {key}: gold matched recall accuracy"]
    for k, v in rows.items():
        if not k.startswith("file "):
            matched = v.get("matched", 0)  # (a value no gold claim of which was found has no count)
            lines.append(f"  {k:<22} {v['gold']:>4} {matched:>4} {pct(matched, v['gold']):>6}"
                         f" {pct(v.get('correct', 0), matched):>6}")
    lines.append("false positives by file:")
    lines += [f"  {k[5:]:<22} {v['false_positives']:>4}" for k, v in rows.items() if k.startswith("file ")]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT], metavar="FOLDER")
    parser.add_argument("--errors", action="store_true", help="list every missed, wrong and spurious claim")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--by", metavar="KEY", help="add recall/accuracy per value of a gold-claim key (phenomenon)")
    args = parser.parse_args()
    articles = load_folders(args.folders)
    predictions = predict(articles)
    result = score(articles, predictions)
    if args.by:
        result["by"] = {args.by: breakdown(articles, predictions, args.by)}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_report(result, args.errors))
        if args.by:
            print(format_breakdown(result["by"][args.by], args.by))


if __name__ == "__main__":
    main()
