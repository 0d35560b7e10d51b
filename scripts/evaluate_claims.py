"""Score the claim checker on a labelled set (default: ../shared/dev/claims).

    .venv/bin/python scripts/evaluate_claims.py [FOLDER] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from burden.claims.evaluate import evaluate, format_report

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "claims"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list every missed, wrong and spurious claim")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args()
    result = evaluate(args.folder)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_report(result, args.errors))


if __name__ == "__main__":
    main()
