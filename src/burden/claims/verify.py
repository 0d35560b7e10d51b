"""Figures as they stood on a date: the edition current then (E0), the fallback to older editions,
outdated matches, revisions since, derived counts/ranks/shares, and the tolerance rules.

Policy: ../shared/dev/claims/README.md (rules 1-6). Every number returned carries its edition and
source; derived numbers carry a `formula`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .. import dataset
from ..members import members

GDP = "def_exp_pct_gdp"
USD = "def_exp_usd_mn"
USD_PRESS = "def_exp_usd_bn_rounded"
REAL = "def_exp_real_change_pct"
REAL_PRESS = "def_exp_real_change_pct_rounded"
EQUIP = "equipment_pct"
COUNT_ROWS = {(GDP, 2.0): "allies_at_or_above_2pct", (EQUIP, 20.0): "allies_at_or_above_20pct_equipment"}


GROUP_DATA_CODE = {"NATO_TOTAL": "NATO_TOTAL", "NATO_EUR_CAN": "NATO_EUR_CAN", "EUROPE": "NATO_EUROPE"}


def data_code(code: str | None) -> str | None:
    """ISO3 or aggregate code as stored; plain "NATO" is too vague for a figure."""
    if code is None or code == "NATO":
        return None
    return GROUP_DATA_CODE.get(code, code)


@functools.lru_cache(maxsize=65536)  # pure; Decimal rounding is slow and the same figures are checked often
def round_half_up(value: float, decimals: int) -> float:
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def printed_decimals(v: float) -> int:
    """Decimals of a stored value as written (press rows keep their printed rounding: 2.3 -> 1); at least 1
    for a non-integer-looking source figure, 0 for whole numbers."""
    text = repr(float(v))
    if "e" in text:
        return 17
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    return len(frac) if frac else 0


def matches(v: float, x: float, comparator: str, decimals: int = 2) -> bool:
    """Policy rule 5: does the stored value v support the claimed value x under the wording?"""
    if comparator == "eq":
        printed = printed_decimals(v)
        if 1 <= printed < decimals:  # the edition printed fewer decimals than the claim: read the claim at its precision
            return round_half_up(x, printed) == v
        return round_half_up(v, decimals) == round_half_up(x, decimals)
    if comparator == "exact":
        return round_half_up(v, 2) == x
    if comparator == "approx":
        return abs(v - x) <= 0.05 * abs(x) + 1e-12
    if comparator == "nearly":
        return 0.9 * x <= v <= x
    if comparator == "gt":
        return v > x
    if comparator == "ge":
        return v >= x
    if comparator == "lt":
        return v < x
    if comparator == "le":
        return v <= x
    raise ValueError(f"unknown comparator {comparator!r}")


COMPARATOR_WORDS = {"eq": "=", "exact": "exactly", "approx": "about", "nearly": "nearly", "gt": ">", "ge": ">=",
                    "lt": "<", "le": "<="}
# the other side of a threshold: a negated "at least 2%" is "below 2%"; the allies not at or above it are below it
OPPOSITE = {"ge": "lt", "gt": "le", "lt": "ge", "le": "gt"}


class DataView:
    """Everything the checker derives from the data, for one `dataset.data_version()`.

    `data_for(version)` hands out one view per version, so a long-running process follows `burden import`
    (the next AsOf reads the new version and gets a fresh view). Each look-up is memoised in the view's own
    dict, keyed by its arguments: the view is the cache, and it is dropped with its version."""

    def __init__(self, version: str):
        self.version = version
        self._memo: dict[tuple, Any] = {}
        self.editions: tuple[dict[str, Any], ...] = tuple(dataset.edition_records())
        index: dict = defaultdict(lambda: defaultdict(list))
        for row in dataset.fact_records():
            index[(row["indicator"], row["iso3"], row["year"])][row["edition"]].append(row)
        self.index: dict[tuple[str, str, int], dict[str, list[dict[str, Any]]]] = {k: dict(v) for k, v in index.items()}
        self.by_indicator: dict[str, list[tuple[str, int, dict[str, list[dict[str, Any]]]]]] = defaultdict(list)
        for (ind, iso3, year), by_ed in self.index.items():
            self.by_indicator[ind].append((iso3, year, by_ed))
        self.kind = {e["edition"]: e.get("kind", "") for e in self.editions}
        self.publication = {e["edition"]: e.get("publication", "") for e in self.editions}

    def memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """compute() once per key for this data version."""
        try:
            return self._memo[key]
        except KeyError:
            got = self._memo[key] = compute()
            return got

    def edition_years(self, edition: str, indicator: str) -> dict[int, dict[str, dict]]:
        """year -> {iso3: row} for one edition and indicator (first row per ally; current prices first)."""
        def compute() -> dict[int, dict[str, dict]]:
            out: dict[int, dict[str, dict]] = defaultdict(dict)
            for iso3, year, by_ed in self.by_indicator.get(indicator, ()):
                if edition in by_ed:
                    rows = sorted(by_ed[edition], key=lambda r: "current" not in r["price_basis"].lower())
                    out[year][iso3] = rows[0]
            return dict(out)
        return self.memo(("edition_years", edition, indicator), compute)

    def reporting(self, edition: str) -> tuple[str, ...]:
        """Allies in NATO's tables that had joined by the edition's release."""
        def compute():
            day = next(dt.date.fromisoformat(e["release_day"]) for e in self.editions if e["edition"] == edition)
            return tuple(m["iso3"] for m in members(day) if m["in_nato_expenditure_tables"])
        return self.memo(("reporting", edition), compute)

    def per_ally(self, edition: str, indicator: str, year: int,
                 allies: tuple[str, ...] | None = None) -> dict[str, dict] | None:
        """{iso3: row} when the edition holds >= 90 % of the reporting allies (in scope), else None."""
        def compute():
            rows = self.edition_years(edition, indicator).get(year, {})
            reporting = self.reporting(edition)
            wanted = reporting if allies is None else [a for a in reporting if a in allies]
            got = {a: rows[a] for a in wanted if a in rows}
            if not wanted or len(got) < 0.9 * len(wanted):
                return None
            return got
        got = self.memo(("per_ally", edition, indicator, year, allies), compute)
        return None if got is None else dict(got)  # a copy: the memoised one is shared

    def count(self, edition: str, indicator: str, year: int, op: str, threshold: float,
              allies: tuple[str, ...] | None) -> list[tuple[float, tuple, str]] | None:
        """Allies meeting `op threshold`, from stored and from 2-decimal values (policy rule 5)."""
        def compute():
            got = self.per_ally(edition, indicator, year, allies)
            if got is None:
                return None
            figs = []
            for rounded in (False, True):
                hits = [r for r in got.values()
                        if matches(round_half_up(r["value"], 2) if rounded else r["value"], threshold, op)]
                how = "values rounded to 2 decimals" if rounded else "stored values"
                top = max(got.values(), key=lambda r: r["value"])
                figs.append((float(len(hits)), tuple(hits or [top]),
                             f"count of {len(got)} allies with {indicator} {COMPARATOR_WORDS[op]} {threshold:g} "
                             f"in {year} ({how}): {', '.join(sorted(r['iso3'] for r in hits)) or 'none'}; "
                             f"highest {top['iso3']} {top['value']:.2f}"))
            return figs
        return self.memo(("count", edition, indicator, year, op, threshold, allies), compute)

    def stored_row(self, edition: str, indicator: str, iso3: str, year: int, price: str = "current") -> dict | None:
        """The edition's row, the wanted price basis first."""
        rows = self.index.get((indicator, iso3, year), {}).get(edition)
        if not rows:
            return None
        return min(rows, key=lambda r: price not in r["price_basis"].lower())

    def stored_rows(self, edition: str, indicator: str, iso3: str, year: int) -> list[dict]:
        """Every row of the edition for this figure (one per price basis)."""
        return list(self.index.get((indicator, iso3, year), {}).get(edition, ()))

    def editions_holding(self, indicators: tuple[str, ...], iso3: str, year: int) -> frozenset[str]:
        """Editions with a row for one of `indicators`, this ally and year (AsOf.judge walks only those)."""
        return self.memo(("holding", indicators, iso3, year), lambda: frozenset(
            ed for ind in indicators for ed, rows in self.index.get((ind, iso3, year), {}).items() if rows))

    def count_holding(self, indicator: str, year: int, op: str, threshold: float,
                      allies: tuple[str, ...] | None) -> frozenset[str]:
        """Editions where AsOf.count finds a count (its count row or enough allies' values)."""
        def compute():
            out = set()
            for ed in (e["edition"] for e in self.editions):
                row_key = COUNT_ROWS.get((indicator, threshold)) if allies is None and op in ("ge", "lt") else None
                if row_key and self.stored_row(ed, row_key, "NATO_TOTAL", year) is not None \
                        or self.count(ed, indicator, year, op, threshold, allies) is not None:
                    out.add(ed)
            return frozenset(out)
        return self.memo(("count_holding", indicator, year, op, threshold, allies), compute)


@functools.lru_cache(maxsize=2)
def data_for(version: str) -> DataView:
    """The view of one data version (the previous one is kept while a check in flight finishes)."""
    return DataView(version)


def current_data() -> DataView:
    return data_for(dataset.data_version())


def evidence_row(row: dict[str, Any]) -> dict[str, Any]:
    """The evidence entry for a data row (a fresh dict)."""
    out = {"ally": row["iso3"], "year": row["year"], "edition": row["edition"], "indicator": row["indicator"],
           "value": row["value"], "source": row["source"]}
    if row.get("price_basis"):
        out["price_basis"] = row["price_basis"]
    if row.get("estimate"):
        out["estimate"] = True
    return out


@dataclass
class Figure:
    """One figure from one edition: a stored value or a derived one (with its formula)."""

    value: float
    edition: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    formula: str = ""

    def evidence(self) -> list[dict[str, Any]]:
        rows = self.rows
        ev = [evidence_row(r) for r in rows[:6]]
        if self.formula:
            ev.append({"fact": f"{self.formula} = {self.value:g} (edition {self.edition})"})
        return ev


@dataclass
class Judgement:
    verdict: str
    evidence: list[dict[str, Any]]
    explanation: str
    edition: str | None = None
    revised_since: bool = False
    revision: dict[str, Any] | None = None
    decided_by_fallback: dict[str, str] | None = None
    # frame slots the judgement settled: "the current target" is the pledge in force on the date (subject, year)
    resolved: dict[str, Any] | None = None


def fact(verdict: str, facts: list[str], explanation: str) -> Judgement:
    """A judgement on standing facts (membership, pledges, misconceptions), each fact one evidence entry."""
    return Judgement(verdict, [{"fact": f} for f in facts], explanation)


def unverifiable(explanation: str) -> Judgement:
    return Judgement("unverifiable", [], explanation)


def worst_of(parts: list[Judgement]) -> Judgement:
    """A claim of each ally of a set ("The Baltic states spend more than 3%", "Norway, Spain and Greece cut their
    budgets"), from one judgement per ally: a refutation decides, else any verdict short of supported, else all
    support it (every ally's evidence and explanation shown; revised since when any ally's figure was; the last
    ally's edition and revision)."""
    short = next((j for j in parts if j.verdict == "refuted"), None) \
        or next((j for j in parts if j.verdict != "supported"), None)
    if short is not None:
        return short
    last = parts[-1]
    return dataclasses.replace(last, evidence=[e for j in parts for e in j.evidence],
                               explanation="; ".join(j.explanation for j in parts),
                               revised_since=any(j.revised_since for j in parts))


def _released_that_week(edition: dict[str, Any], date: dt.date) -> bool:
    day = dt.date.fromisoformat(edition["release_day"])
    vague = not str(edition.get("release_date_precision", "day")).startswith("day")
    return day - date <= dt.timedelta(days=7) or vague and (day.year, day.month) == (date.year, date.month)


class AsOf:
    """The data as it stood on `date` (None: today, with the latest edition), read from the data version
    current when it is made (`data`: the DataView of that version)."""

    def __init__(self, date: dt.date | None, data: DataView | None = None, recent_release: bool = False):
        """`recent_release`: the text speaks of figures released that week ("released by NATO on Tuesday"); an
        edition whose stored release day is only known to the month (or is approximate) and falls in the date's
        month, or lies at most a week after the date, counts as released."""
        self.date = date
        self.data = data if data is not None else current_data()
        eds = self.data.editions
        if date is None:
            self.released = [e["edition"] for e in eds]
        else:
            self.released = [e["edition"] for e in eds if dt.date.fromisoformat(e["release_day"]) <= date
                             or recent_release and _released_that_week(e, date)]
        self.later = [e["edition"] for e in eds if e["edition"] not in self.released]
        self.e0 = self.released[-1] if self.released else None
        self.latest = eds[-1]["edition"] if eds else None
        self._walks: dict[frozenset[str], tuple[list[str], list[str]]] = {}

    @property
    def day(self) -> dt.date:
        return self.date or dt.date.today()

    # ------------------------------------------------------------ stored figures
    def stored(self, edition: str, indicator: str, iso3: str, year: int, price: str = "current") -> Figure | None:
        row = self.data.stored_row(edition, indicator, iso3, year, price)
        return None if row is None else Figure(row["value"], edition, [row])

    def reporting(self, edition: str) -> list[str]:
        """Allies in NATO's tables that had joined by the edition's release."""
        return list(self.data.reporting(edition))

    def per_ally(self, edition: str, indicator: str, year: int, allies: list[str] | None = None) -> dict[str, dict] | None:
        """{iso3: row} when the edition is complete enough (>= 90 % of reporting allies), else None."""
        return self.data.per_ally(edition, indicator, year, None if allies is None else tuple(allies))

    def count(self, edition: str, indicator: str, year: int, op: str, threshold: float,
              allies: list[str] | None = None) -> list[Figure] | None:
        """Allies meeting `op threshold`: the edition's own count row, else computed from stored and from
        2-decimal values (both returned)."""
        if allies is None and op == "ge" and (indicator, threshold) in COUNT_ROWS:
            row = self.stored(edition, COUNT_ROWS[(indicator, threshold)], "NATO_TOTAL", year)
            if row:
                return [row]
        if allies is None and op == "lt" and (indicator, threshold) in COUNT_ROWS \
                and self.data.per_ally(edition, indicator, year) is None:
            # below the threshold = the reporting allies minus the edition's count row (a partial edition)
            row = self.stored(edition, COUNT_ROWS[(indicator, threshold)], "NATO_TOTAL", year)
            if row:
                n = len(self.data.reporting(edition))
                return [Figure(n - row.value, edition, row.rows,
                               f"{n} allies reporting at the release - {row.value:g} at or above {threshold:g}")]
        computed = self.data.count(edition, indicator, year, op, threshold, None if allies is None else tuple(allies))
        # fresh Figures each time: callers rescale them ("most" = share of the allies)
        return None if computed is None else [Figure(v, edition, list(rows), formula) for v, rows, formula in computed]

    def _walk(self, holding: frozenset[str] | None) -> tuple[list[str], list[str]]:
        """The released and the later editions that can hold a figure (all when `holding` is None); the same
        lists for every claim with this holding set in this check (callers only read them)."""
        if holding is None:
            return self.released, self.later
        walk = self._walks.get(holding)
        if walk is None:
            walk = self._walks[holding] = ([ed for ed in self.released if ed in holding],
                                           [ed for ed in self.later if ed in holding])
        return walk

    def fallback_note(self, decided_by: str) -> dict[str, str] | None:
        """`decided_by_fallback` when E0 lacks the figure and an older edition decided: E0 is the edition that
        should have decided; the data holds only part of its tables (kind != full)."""
        e0 = self.e0
        if e0 is None or decided_by == e0:
            return None
        kind = self.data.kind.get(e0, "")
        held = "the data holds only part of its tables" if kind != "full" else "its tables lack this figure"
        return {"should_have_decided": e0, "decided_by": decided_by,
                "reason": f"{e0} ({self.data.publication.get(e0) or 'edition'}) is the edition current on the date, "
                          f"but {held}; the figure comes from the older edition {decided_by}"}

    # ------------------------------------------------------------ the judging procedure (rules 2-4)
    def judge(self, lookup: Callable[[str], list[Figure] | Figure | None], check: Callable[[float], bool],
              what: str, holding: frozenset[str] | None = None) -> Judgement:
        """E0, else the latest earlier edition holding the figure; outdated if only an older edition matches.
        `holding`: the only editions where `lookup` can find anything (None: any; see editions_holding)."""
        def figs(ed):
            got = lookup(ed)
            return [got] if isinstance(got, Figure) else (got or [])

        # the editions outside `holding` hold nothing: leaving them out of the walks changes no answer
        released, later_eds = self._walk(holding)
        for i in range(len(released) - 1, -1, -1):
            ed = released[i]
            found = figs(ed)
            if not found:
                continue
            ok = None  # the first figure passing the check (each is checked, in order, as before)
            for f in found:
                if check(f.value) and ok is None:
                    ok = f
            decisive = found[0] if ok is None else ok
            revision = self._revision(figs, decisive, later_eds)
            fallback = self.fallback_note(ed)
            if ok is not None:
                return Judgement("supported", decisive.evidence(), f"{what}: edition {ed} says {_fmt(decisive.value)}",
                                 ed, revision is not None, revision, fallback)
            for older in reversed(released[:i]):
                hit = [f for f in figs(older) if check(f.value)]
                if hit:
                    return Judgement(
                        "outdated", decisive.evidence() + hit[0].evidence(),
                        f"{what}: matches edition {older} ({_fmt(hit[0].value)}), superseded by {ed} "
                        f"({_fmt(decisive.value)})", ed, revision is not None, revision, fallback)
            return Judgement("refuted", decisive.evidence(), f"{what}: edition {ed} says {_fmt(decisive.value)}",
                             ed, revision is not None, revision, fallback)
        later = None
        for ed in later_eds:
            found = figs(ed)
            if found:
                later = (ed, found)
                break
        note = (f"; the first later edition holding it, {later[0]}, says {_fmt(later[1][0].value)}" if later
                else "; no edition in the data holds it")
        when = f"released by {self.date.isoformat()}" if self.date else "held"
        return Judgement("unverifiable", [], f"{what}: no edition {when} holds this figure{note}")

    def _revision(self, figs, decisive: Figure, later: list[str] | None = None) -> dict[str, Any] | None:
        for ed in reversed(self.later if later is None else later):
            found = figs(ed)
            if found:
                row = decisive.rows[0] if decisive.rows else {}
                basis = row.get("price_basis") if row.get("indicator") in (USD, USD_PRESS) else None
                if basis:  # money: only a figure on the same price basis is comparable
                    found = [f for f in found if f.rows and f.rows[0].get("price_basis") == basis]
                    if not found:
                        return None
                # a difference within the coarser figure's printed precision is rounding, not a revision
                if _revision_status(decisive.value, found[0].value) == "revised":
                    return {"edition": decisive.edition, "value": decisive.value,
                            "latest_edition": ed, "latest_value": found[0].value}
                return None
        return None


def _revision_status(value_a: float, value_b: float) -> str:
    return dataset.revision_status(value_a, value_b)


def _fmt(value: float) -> str:
    return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
