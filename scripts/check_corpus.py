"""Check (and optionally complete) the real-phrasing regression corpus in tests/fixtures/claims/corpus/.

    PYTHONPATH=src .venv/bin/python scripts/check_corpus.py [FOLDER] [--fill] [--quiet]

Every line of every *.jsonl file is one article in the dev-set format (../shared/dev/claims/README.md)
plus a `phenomenon` key per claim. The check, which reads only the corpus and the shipped data
(src/burden/data/facts.csv, editions.csv, members.csv, commitments.csv), verifies that:

- each article and claim has the dev-set fields, a known claim type, verdict and comparator;
- every `sentence` equals `text[start:end]`, ungraded spans lie outside gold spans;
- every figure in `evidence` exists in facts.csv with exactly that value (and price basis);
- every non-null `expected_edition` was released on or before `published`, appears in the figure
  evidence, and no unverifiable claim has one;
- a claim about every year of a run (`since_year`: "has met 2% every year since 2015") or a first rise since a year
  (`first_since`: "rose for the first time since 2016") is checked by hand, and so is
  a count that names its allies as the set counted (`named_set`: "only two allies, A and B, ..."; a wrong name refutes it);
- a claim may name the edition the text gives as its source (`named_edition`, e.g. "last year's estimate had
  put it at ..."): it is then recomputed as of that edition's release day;
- where the claim is a plain figure (an ally's or aggregate's indicator value, a count of allies at a
  threshold, US$ billions, a member count), the verdict and `expected_edition` recomputed with the
  verdict policy (E0, fallback to an older edition, outdated, tolerance by wording, both counts) agree
  with the label. Claims of other kinds (pledges, misconceptions, ranks, shares...) are checked by hand.

`--fill` first completes what is mechanical: `start`/`end` from `sentence` (first occurrence at or
after the previous claim's start), and each figure's `value`/`price_basis` from facts.csv. It never
touches a verdict. Exit status 1 when a problem is found; each problem is printed as file:line: message.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "burden" / "data"
DEFAULT = ROOT / "tests" / "fixtures" / "claims" / "corpus"

VERDICTS = {"supported", "refuted", "outdated", "unverifiable"}
# an exact share of GDP no edition's defence spending comes near (claims/measures/pct_gdp.py IMPLAUSIBLE_PCT_GDP)
IMPLAUSIBLE_PCT_GDP = 8.0
TYPES = {"ally_pct_gdp", "count_at_threshold", "pledge", "member_count", "misconception", "rank", "accession",
         "spending_usd", "comparison", "all_none_threshold", "share_of_alliance", "group_pct_gdp", "real_change",
         "summit", "proposal",
         # added by this corpus: shares of defence spending by category (personnel, equipment ...)
         "spending_category"}
COMPARATORS = {"between", "eq", "approx", "nearly", "gt", "ge", "lt", "le", "move_towards", "none_ge", "all_ge", "gt_entity",
               "lt_entity", "none", "exact", "ne", "all_gt", "all_lt", "all_le"}
ARTICLE_KEYS = {"id", "published", "language", "title", "style", "text", "claims", "ungraded_spans"}
CLAIM_KEYS = {"sentence", "start", "end", "claim", "expected_verdict", "expected_edition", "evidence", "note",
              "phenomenon"}
FRAME_KEYS = {"type", "subject", "metric", "value", "comparator", "year", "statement"}
PLAIN_INDICATORS = {"def_exp_pct_gdp", "def_exp_real_change_pct", "equipment_pct", "personnel_pct",
                    "infrastructure_pct", "other_pct"}


def _num(s: str) -> float:
    return float(s)


class Pack:
    """The shipped data, indexed for the checks."""

    def __init__(self, data: Path = DATA):
        self.facts: dict[tuple, list[dict]] = defaultdict(list)
        with open(data / "facts.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.facts[(r["edition"], r["iso3"], int(r["year"]), r["indicator"])].append(r)
        with open(data / "editions.csv", encoding="utf-8") as f:
            self.released = {r["edition"]: r["release_day"] for r in csv.DictReader(f)}
        with open(data / "members.csv", encoding="utf-8") as f:
            self.members = list(csv.DictReader(f))
        with open(data / "commitments.csv", encoding="utf-8") as f:
            self.commitments = {r["id"] for r in csv.DictReader(f)}

    def editions_by(self, published: str) -> list[str]:
        """Editions released on or before `published`, newest first."""
        return sorted((e for e, d in self.released.items() if d <= published), key=lambda e: self.released[e],
                      reverse=True)

    def rows(self, edition, iso3, year, indicator, basis_prefix=None):
        rows = self.facts.get((edition, iso3, year, indicator), [])
        if basis_prefix:
            rows = [r for r in rows if r["price_basis"].startswith(basis_prefix)]
        return rows

    def member_count(self, date: str) -> int:
        return sum(1 for m in self.members if m["accession_date"] <= date)

    def table_allies(self, date: str) -> list[str]:
        return [m["iso3"] for m in self.members if m["accession_date"] <= date
                and m["in_nato_expenditure_tables"] == "yes"]


def _round(v: float, k: int) -> Decimal:
    return Decimal(repr(v)).quantize(Decimal(1).scaleb(-k), rounding=ROUND_HALF_UP)


def _decimals(s: str) -> int:
    """Decimals a figure was written with; negative for one printed in tens or hundreds ("12E+2": $1.2 trillion in bn)."""
    mantissa, _, exponent = s.strip().rstrip("%").upper().partition("E")
    return (len(mantissa.split(".")[1]) if "." in mantissa else 0) - int(exponent or 0)


def _printed_usd_bn(value: str) -> str:
    """A press US$ figure (bn) as printed: a total of a trillion or more is printed in trillions, so the trailing zeros
    of a whole number are no digits of it ("1200" was "$1.2 trillion": "12E+2")."""
    if "." in value or float(value) < 1000:
        return value
    whole, zeros = int(float(value)), 0
    while zeros < 3 and whole % 10 == 0:
        whole, zeros = whole // 10, zeros + 1
    return f"{whole}E+{zeros}" if zeros else value


_NUM = re.compile(r"\d+(?:[.,]\d+)?|\.\d+")  # (".99 percent": a share below one without its zero)


_TRILLION = re.compile(r"trillion|\d\s?tn\b|\dT\b")  # ("$1.47 trillion", "$1.47tn", a headline's "$1.47T")


_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d{1,3}),(\d{1,2})(?![\d,])")  # translated copy's decimal comma


def _stated_decimals(claim: dict) -> int:
    """Decimals of the quantity as written; negative for "$1.47 trillion" read in US$ billions (k = -1)."""
    stated = _DECIMAL_COMMA.sub(r"\1.\2", claim.get("stated") or "").replace(",", "")  # ("683,4 billion": 683.4)
    m = _NUM.search(stated)
    if m:
        return _decimals(m.group()) - (3 if _TRILLION.search(stated) and claim["metric"] == "def_exp_usd_bn" else 0)
    value = claim["value"]
    return 0 if float(value).is_integer() else _decimals(repr(value))


def matches(v: float, v_str: str, x: float, comparator: str, k: int, printed: bool = False) -> bool:
    """Rule 5 of the verdict policy: does stored value v match the claimed x under the wording? `printed`: a side
    of a level in % of GDP ("hit 4%", "below 2%") also matches on v as NATO prints it (2 decimals), as counts do."""
    if printed and comparator in ("gt", "ge", "lt", "le") and matches(float(_round(v, 2)), v_str, x, comparator, k):
        return True
    if comparator in ("eq", "exact"):
        if comparator == "exact":
            k = 2
        j = _decimals(v_str)
        if j < k:  # the source printed fewer decimals than the claim
            return _round(x, j) == Decimal(v_str)
        return _round(v, k) == _round(x, k)
    if comparator == "approx":
        return abs(v - x) <= 0.05 * abs(x) + 1e-12
    if comparator == "nearly":
        return 0.9 * x <= v <= x
    return {"gt": v > x, "ge": v >= x, "lt": v < x, "le": v <= x}.get(comparator, False)


def _figure(pack: Pack, edition: str, frame: dict):
    """(value, value-as-printed) pairs of the figure the frame needs in one edition, or []."""
    metric, subject, year = frame["metric"], frame["subject"], frame["year"]
    if metric in PLAIN_INDICATORS:
        rows = pack.rows(edition, subject, year, metric)
        if not rows and metric == "def_exp_real_change_pct":
            rows = pack.rows(edition, subject, year, "def_exp_real_change_pct_rounded")
        return [(_num(r["value"]), r["value"]) for r in rows]
    if metric == "def_exp_usd_bn":
        stated = frame.get("stated") or ""
        basis = next((b for key, b in (("2015 prices", "constant 2015"), ("2015 dollars", "constant 2015"),
                                       ("2021 prices", "constant 2021"), ("2021 dollars", "constant 2021"),
                                       ("current", "current")) if key in stated), None)
        # a price basis named in the text decides; otherwise a match on any basis the edition holds counts
        out = []
        for r in pack.rows(edition, subject, year, "def_exp_usd_mn", basis):
            out.append((_num(r["value"]) / 1000, repr(_num(r["value"]) / 1000)))
        for r in pack.rows(edition, subject, year, "def_exp_usd_bn_rounded", basis):
            out.append((_num(r["value"]), _printed_usd_bn(r["value"])))
        if subject == "NATO_TOTAL":  # a basis the edition prints only the two parts on: their sum, a derived figure
            def on_basis(code):
                found = {r["price_basis"]: _num(r["value"]) / 1000 for r in pack.rows(edition, code, year, "def_exp_usd_mn", basis)}
                found.update({r["price_basis"]: _num(r["value"]) for r in pack.rows(edition, code, year, "def_exp_usd_bn_rounded", basis)})
                return found
            total, us, rest = on_basis("NATO_TOTAL"), on_basis("USA"), on_basis("NATO_EUR_CAN")
            for b in sorted(set(us) & set(rest) - set(total)):
                out.append((us[b] + rest[b], repr(us[b] + rest[b])))
        return out
    m = re.fullmatch(r"count\((def_exp_pct_gdp|equipment_pct)(>=|<)([\d.]+)\)", metric)
    if m:
        ind, op, thr = m.group(1), m.group(2), float(m.group(3))
        row_ind = {"def_exp_pct_gdp": "allies_at_or_above_2pct", "equipment_pct": "allies_at_or_above_20pct_equipment"}
        europe = subject == "EUROPEAN_ALLIES"  # the European allies: no US, no Canada, and no count row of their own
        own = [] if europe else pack.rows(edition, "NATO_TOTAL", year, row_ind[ind])
        standard = thr == (2.0 if ind == "def_exp_pct_gdp" else 20.0)
        allies = [a for a in pack.table_allies(pack.released[edition]) if not (europe and a in ("USA", "CAN"))]
        if own and standard:  # the edition's own count row; "below" is its complement among the table's allies
            return [(_num(r["value"]) if op == ">=" else len(allies) - _num(r["value"]), "0") for r in own]
        values = {a: _num(r[0]["value"]) for a in allies if (r := pack.rows(edition, a, year, ind))}
        if not allies or len(values) < 0.9 * len(allies):
            return []
        if op == ">=":
            stored = sum(v >= thr for v in values.values())
            printed = sum(float(_round(v, 2)) >= thr for v in values.values())
        else:
            stored = sum(v < thr for v in values.values())
            printed = sum(float(_round(v, 2)) < thr for v in values.values())
        return [(float(stored), "0"), (float(printed), "0")]
    return None  # not a plain figure: checked by hand


def _rank_verdict(pack: Pack, published: str, frame: dict, descending: bool, measure: str):
    """Rank of one ally among all allies, from the newest complete edition by the date; None (checked by hand)
    when no complete edition exists (partial lists can still fix the top, see dev 007)."""
    indicator, basis = ("def_exp_pct_gdp", None) if measure == "def_exp_pct_gdp" else ("def_exp_usd_mn", "current")
    for e in pack.editions_by(published):
        allies = pack.table_allies(pack.released[e])
        values = {a: _num(r[0]["value"]) for a in allies if (r := pack.rows(e, a, frame["year"], indicator, basis))}
        if allies and len(values) >= 0.9 * len(allies) and frame["subject"] in values:
            order = sorted(values, key=values.get, reverse=descending)
            return ("supported" if order.index(frame["subject"]) + 1 == frame["value"] else "refuted"), e
    return None


def recompute(pack: Pack, published: str, frame: dict) -> tuple[str, str | None] | None:
    """(verdict, expected_edition) by the verdict policy, or None when the claim is not a plain figure."""
    if frame["type"] == "member_count":
        if frame["subject"] != "NATO":
            return None  # e.g. the European allies: checked by hand
        if frame["year"] is not None and str(frame["year"]) != published[:4]:
            return None  # membership at another moment of the past: checked by hand
        ok = matches(pack.member_count(published), "0", float(frame["value"]), frame["comparator"], 0)
        return ("supported" if ok else "refuted"), None
    rank = re.fullmatch(r"rank_(desc|asc)\((def_exp_pct_gdp|def_exp_usd)\)", frame["metric"])
    if rank and frame["comparator"] == "eq" and frame["year"]:
        return _rank_verdict(pack, published, frame, rank.group(1) == "desc", rank.group(2))
    if frame.get("year") is None or frame["comparator"] not in {"eq", "exact", "approx", "nearly", "gt", "ge",
                                                                "lt", "le"}:
        return None
    if frame["type"] == "ally_pct_gdp" and "," in frame["subject"]:
        # a set of allies ("The Baltic states spend more than 3%"): each ally's figure; a refutation decides, else
        # any verdict short of supported, else supported (measures/pct_gdp.py)
        parts = [recompute(pack, published, {**frame, "subject": one}) for one in frame["subject"].split(",")]
        if any(p is None for p in parts):
            return None
        return next((p for p in parts if p[0] == "refuted"), None) or next((p for p in parts if p[0] != "supported"), parts[-1])
    if not isinstance(frame.get("value"), (int, float)) or isinstance(frame.get("value"), bool):
        return None
    if frame["metric"] == "def_exp_pct_gdp" and frame["comparator"] in ("eq", "approx") \
            and float(frame["value"]) >= IMPLAUSIBLE_PCT_GDP:
        return "unverifiable", None  # no edition's share of GDP comes near it: a share of something else
    if _figure(pack, next(iter(pack.released)), frame) is None:
        return None
    k = _stated_decimals(frame)
    x = float(frame["value"])
    printed = frame["metric"] == "def_exp_pct_gdp"
    editions = pack.editions_by(published)
    deciding = None
    for e in editions:
        if _figure(pack, e, frame):
            deciding = e
            break
    if deciding is None:
        return "unverifiable", None
    if any(matches(v, s, x, frame["comparator"], k, printed) for v, s in _figure(pack, deciding, frame)):
        return "supported", deciding
    for e in editions[editions.index(deciding) + 1:]:
        if any(matches(v, s, x, frame["comparator"], k, printed) for v, s in (_figure(pack, e, frame) or [])):
            return "outdated", deciding
    return "refuted", deciding


def _span_fill(text: str, sentence: str, after: int) -> tuple[int, int]:
    i = text.find(sentence, after)
    if i < 0:
        i = text.find(sentence)
    return i, i + len(sentence)


def fill(pack: Pack, art: dict) -> None:
    after = 0
    for c in art["claims"]:
        if "start" not in c or "end" not in c or art["text"][c.get("start", 0):c.get("end", 0)] != c["sentence"]:
            c["start"], c["end"] = _span_fill(art["text"], c["sentence"], after)
        after = max(c["start"], 0)
        for ev in c["evidence"]:
            if "indicator" in ev and "value" not in ev:
                rows = pack.rows(ev["edition"], ev["iso3"], ev["year"], ev["indicator"], ev.get("price_basis"))
                if len(rows) == 1:
                    ev["value"] = _num(rows[0]["value"])
                    if rows[0]["price_basis"] and ev["indicator"].startswith("def_exp_usd"):
                        ev["price_basis"] = rows[0]["price_basis"]
        c.setdefault("note", "")
        c["claim"] = {k: c["claim"][k] for k in ("type", "subject", "metric", "value", "comparator", "year",
                                                 "statement", "stated") if k in c["claim"]}
    art["claims"].sort(key=lambda c: c["start"])
    for u in art.get("ungraded_spans", []):
        if art["text"][u.get("start", 0):u.get("end", 0)] != u["sentence"]:
            u["start"], u["end"] = _span_fill(art["text"], u["sentence"], 0)


def check_article(pack: Pack, art: dict, where: str) -> list[str]:
    problems = []

    def bad(msg):
        problems.append(f"{where}: {msg}")

    missing = ARTICLE_KEYS - art.keys()
    if missing:
        bad(f"article lacks {sorted(missing)}")
        return problems
    if art["language"] != "en" or not re.fullmatch(r"\d{4}-\d\d-\d\d", art["published"]):
        bad("language must be 'en' and published YYYY-MM-DD")
    if art["published"] in pack.released.values():
        bad(f"published {art['published']} falls on a release day; pick another day")
    text = art["text"]
    for c in art["claims"]:
        cw = f"claim {c.get('sentence', '')[:60]!r}"
        if CLAIM_KEYS - c.keys():
            bad(f"{cw} lacks {sorted(CLAIM_KEYS - c.keys())}")
            continue
        if text[c["start"]:c["end"]] != c["sentence"]:
            bad(f"{cw}: text[{c['start']}:{c['end']}] != sentence")
        frame = c["claim"]
        if FRAME_KEYS - frame.keys():
            bad(f"{cw}: claim lacks {sorted(FRAME_KEYS - frame.keys())}")
            continue
        if frame["type"] not in TYPES:
            bad(f"{cw}: unknown type {frame['type']}")
        if frame["comparator"] not in COMPARATORS:
            bad(f"{cw}: unknown comparator {frame['comparator']}")
        verdict, edition = c["expected_verdict"], c["expected_edition"]
        if verdict not in VERDICTS:
            bad(f"{cw}: unknown verdict {verdict}")
        if not c["phenomenon"] or not isinstance(c["phenomenon"], str):
            bad(f"{cw}: phenomenon must be a non-empty string")
        if verdict == "unverifiable" and edition is not None:
            bad(f"{cw}: an unverifiable claim has no expected_edition")
        figure_editions = set()
        for ev in c["evidence"]:
            if "fact" in ev:
                for cid in re.findall(r"\b[A-Z]+20\d\d_[A-Z0-9_]+\b", ev["fact"]):
                    if cid not in pack.commitments:
                        bad(f"{cw}: evidence names unknown commitment {cid}")
                continue
            rows = pack.rows(ev.get("edition"), ev.get("iso3"), ev.get("year"), ev.get("indicator"))
            if "price_basis" in ev:
                rows = [r for r in rows if r["price_basis"] == ev["price_basis"]]
            if not any(_num(r["value"]) == ev.get("value") for r in rows):
                bad(f"{cw}: evidence {ev} is not a row of facts.csv")
            if ev.get("edition") in pack.released and pack.released[ev["edition"]] <= art["published"]:
                figure_editions.add(ev["edition"])
        if edition is not None:
            if edition not in pack.released:
                bad(f"{cw}: unknown edition {edition}")
            elif pack.released[edition] > art["published"]:
                bad(f"{cw}: expected_edition {edition} was released after {art['published']}")
            elif edition not in figure_editions:
                bad(f"{cw}: expected_edition {edition} appears in no figure evidence")
        # a figure the text attributes to a named older edition ("last year's estimate had put it at ...") is
        # judged as the data stood when that edition came out: the claim's optional `named_edition`
        named = c.get("named_edition")
        as_of = art["published"]
        if named is not None:
            if named not in pack.released or pack.released[named] > art["published"]:
                bad(f"{cw}: named_edition {named} is unknown or was released after {art['published']}")
            else:
                as_of = pack.released[named]
        try:
            # (a figure in every year of a run, `since_year`, "has met 2% every year since 2015", a first rise since a
            # year, `first_since`, and a count naming its set, `named_set`: checked by hand)
            got = None if c.get("since_year") is not None or c.get("first_since") is not None or c.get("named_set") \
                else recompute(pack, as_of, frame)
        except (KeyError, TypeError, ValueError) as exc:
            bad(f"{cw}: cannot recompute ({exc!r})")
            got = None
        if got is not None and got != (verdict, edition):
            bad(f"{cw}: labelled ({verdict}, {edition}) but the policy gives {got}")
    gold = [(c["start"], c["end"]) for c in art["claims"] if "start" in c]
    for u in art["ungraded_spans"]:
        if text[u["start"]:u["end"]] != u["sentence"]:
            bad(f"ungraded span {u['sentence'][:50]!r}: offsets do not match")
        if any(u["start"] < e and s < u["end"] for s, e in gold):
            bad(f"ungraded span {u['sentence'][:50]!r} overlaps a gold claim")
    return problems


def load(folder: Path):
    for path in sorted(Path(folder).glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield path, n, json.loads(line)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--fill", action="store_true", help="complete offsets and evidence values first")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    pack = Pack()
    if args.fill:
        for path in sorted(args.folder.glob("*.jsonl")):
            arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for a in arts:
                fill(pack, a)
            path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    problems, ids, counts = [], set(), defaultdict(int)
    for path, n, art in load(args.folder):
        where = f"{path.name}:{n}"
        if art.get("id") in ids:
            problems.append(f"{where}: duplicate id {art.get('id')}")
        ids.add(art.get("id"))
        problems += check_article(pack, art, where)
        for c in art.get("claims", []):
            counts[(c.get("phenomenon"), c.get("expected_verdict"))] += 1
    for p in problems:
        print(p)
    if not args.quiet:
        total = sum(counts.values())
        print(f"{len(ids)} items, {total} claims, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
