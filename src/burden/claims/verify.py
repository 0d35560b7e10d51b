"""Figures as they stood on a date: the edition current then (E0), the fallback to older editions,
outdated matches, revisions since, derived counts/ranks/shares, and the tolerance rules.

Policy: ../shared/dev/claims/README.md (rules 1-6). Every number returned carries its edition and
source; derived numbers carry a `formula`.
"""

from __future__ import annotations

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


@functools.lru_cache(maxsize=65536)  # pure; Decimal rounding is slow and the same figures are checked often
def round_half_up(value: float, decimals: int) -> float:
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def matches(v: float, x: float, comparator: str, decimals: int = 2) -> bool:
    """Policy rule 5: does the stored value v support the claimed value x under the wording?"""
    if comparator == "eq":
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


@functools.cache
def _index() -> dict[tuple[str, str, int], dict[str, list[dict[str, Any]]]]:
    """(indicator, iso3, year) -> {edition: rows}."""
    out: dict = defaultdict(lambda: defaultdict(list))
    for row in dataset.fact_records():
        out[(row["indicator"], row["iso3"], row["year"])][row["edition"]].append(row)
    return {k: dict(v) for k, v in out.items()}


@functools.cache
def _edition_rows() -> tuple[dict[str, Any], ...]:
    return tuple(dataset.edition_records())


@functools.cache
def _edition_years(edition: str, indicator: str) -> dict[int, dict[str, dict]]:
    """year -> {iso3: row} for one edition and indicator (first row per ally; current prices first)."""
    out: dict[int, dict[str, dict]] = defaultdict(dict)
    for (ind, iso3, year), by_ed in _index().items():
        if ind != indicator or edition not in by_ed:
            continue
        rows = sorted(by_ed[edition], key=lambda r: "current" not in r["price_basis"].lower())
        out[year][iso3] = rows[0]
    return dict(out)


def _per_ally(edition: str, indicator: str, year: int, allies: list[str] | None = None) -> dict[str, dict] | None:
    got = _per_ally_rows(edition, indicator, year, None if allies is None else tuple(allies))
    return None if got is None else dict(got)  # a copy: the cached one is shared


@functools.lru_cache(maxsize=4096)
def _per_ally_rows(edition: str, indicator: str, year: int, allies: tuple[str, ...] | None) -> dict[str, dict] | None:
    """Data only, so computed once per edition, indicator, year and scope (judging walks every edition)."""
    rows = _edition_years(edition, indicator).get(year, {})
    reporting = _reporting(edition)
    wanted = reporting if allies is None else [a for a in reporting if a in allies]
    got = {a: rows[a] for a in wanted if a in rows}
    if not wanted or len(got) < 0.9 * len(wanted):
        return None
    return got


@functools.lru_cache(maxsize=4096)
def _count(edition: str, indicator: str, year: int, op: str, threshold: float,
           allies: tuple[str, ...] | None) -> list[tuple[float, tuple, str]] | None:
    """Allies meeting `op threshold`, from stored and from 2-decimal values: the result depends only on the
    edition's rows, so it is computed once per edition, indicator, year and threshold."""
    got = _per_ally(edition, indicator, year, allies)
    if got is None:
        return None
    figs = []
    for rounded in (False, True):
        hits = [r for r in got.values() if matches(round_half_up(r["value"], 2) if rounded else r["value"],
                                                    threshold, op)]
        how = "values rounded to 2 decimals" if rounded else "stored values"
        top = max(got.values(), key=lambda r: r["value"])
        figs.append((float(len(hits)), tuple(hits or [top]),
                     f"count of {len(got)} allies with {indicator} {COMPARATOR_WORDS[op]} {threshold:g} "
                     f"in {year} ({how}): {', '.join(sorted(r['iso3'] for r in hits)) or 'none'}; "
                     f"highest {top['iso3']} {top['value']:.2f}"))
    return figs


@functools.lru_cache(maxsize=65536)
def _stored_row(edition: str, indicator: str, iso3: str, year: int, price: str) -> dict[str, Any] | None:
    """The edition's row, the wanted price basis first: judging walks the editions, so rows are asked for often."""
    rows = _index().get((indicator, iso3, year), {}).get(edition)
    if not rows:
        return None
    return sorted(rows, key=lambda r: price not in r["price_basis"].lower())[0]


@functools.lru_cache(maxsize=65536)
def editions_holding(indicators: tuple[str, ...], iso3: str, year: int) -> frozenset[str]:
    """Editions with a row for one of `indicators`, this ally and year: a stored look-up is None in any other
    (judging walks every released edition, so this spares most look-ups)."""
    index = _index()
    return frozenset(ed for ind in indicators for ed, rows in index.get((ind, iso3, year), {}).items() if rows)


@functools.lru_cache(maxsize=4096)
def count_holding(indicator: str, year: int, op: str, threshold: float,
                  allies: tuple[str, ...] | None) -> frozenset[str]:
    """Editions where AsOf.count finds a count (its count row or enough allies' values): data only."""
    out = set()
    for ed in (e["edition"] for e in _edition_rows()):
        row_key = COUNT_ROWS.get((indicator, threshold)) if allies is None and op == "ge" else None
        if row_key and _stored_row(ed, row_key, "NATO_TOTAL", year, "current") is not None \
                or _count(ed, indicator, year, op, threshold, allies) is not None:
            out.add(ed)
    return frozenset(out)


@functools.cache
def _reporting(edition: str) -> tuple[str, ...]:  # asked for by every count and rank: once per edition
    day = next(dt.date.fromisoformat(e["release_day"]) for e in _edition_rows() if e["edition"] == edition)
    return tuple(m["iso3"] for m in members(day) if m["in_nato_expenditure_tables"])


def evidence_row(row: dict[str, Any]) -> dict[str, Any]:
    """The evidence entry for a data row: a fresh dict (callers own it), copied from one built once per row."""
    got = _EVIDENCE.get(id(row))
    if got is not None and got[0] is row:
        return got[1].copy()
    out = _evidence_row(row)
    if len(_EVIDENCE) >= 65536:
        _EVIDENCE.clear()
    _EVIDENCE[id(row)] = (row, out)  # the row is kept alive with its entry, so its id is not reused meanwhile
    return out.copy()


# id(row) -> (row, entry): rows are data (the stored records, never changed), and the entry is a function of
# the row alone; a copy of a dict of plain values is cheaper than building it again (judging cites the same
# rows often)
_EVIDENCE: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}


def _evidence_row(row: dict[str, Any]) -> dict[str, Any]:
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
        ev = [evidence_row(r) for r in (rows if len(rows) <= 6 else rows[:6])]
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


_new_object = object.__new__


class AsOf:
    """The data as it stood on `date` (None: today, with the latest edition)."""

    def __init__(self, date: dt.date | None):
        self.date = date
        eds = _edition_rows()
        if date is None:
            self.released = [e["edition"] for e in eds]
        else:
            self.released = [e["edition"] for e in eds if dt.date.fromisoformat(e["release_day"]) <= date]
        self.later = [e["edition"] for e in eds if e["edition"] not in self.released]
        self.e0 = self.released[-1] if self.released else None
        self.latest = eds[-1]["edition"] if eds else None
        self._walks: dict[frozenset[str], tuple[list[str], list[str]]] = {}  # judge: editions walked per holding

    @property
    def day(self) -> dt.date:
        return self.date or dt.date.today()

    # ------------------------------------------------------------ stored figures
    def stored(self, edition: str, indicator: str, iso3: str, year: int, price: str = "current") -> Figure | None:
        row = _stored_row(edition, indicator, iso3, year, price)
        if row is None:
            return None
        # Figure(row["value"], edition, [row]) without the class call (judging asks for thousands): the
        # attributes the dataclass __init__ sets, in its order (a fresh Figure each time: callers may change it)
        fig = _new_object(Figure)
        fig.value, fig.edition, fig.rows, fig.formula = row["value"], edition, [row], ""
        return fig

    def reporting(self, edition: str) -> list[str]:
        """Allies in NATO's tables that had joined by the edition's release."""
        return list(_reporting(edition))

    def per_ally(self, edition: str, indicator: str, year: int, allies: list[str] | None = None) -> dict[str, dict] | None:
        """{iso3: row} when the edition is complete enough (>= 90 % of reporting allies), else None."""
        return _per_ally(edition, indicator, year, allies)

    def count(self, edition: str, indicator: str, year: int, op: str, threshold: float,
              allies: list[str] | None = None) -> list[Figure] | None:
        """Allies meeting `op threshold`: the edition's own count row, else computed from stored and from
        2-decimal values (both returned)."""
        if allies is None and op == "ge" and (indicator, threshold) in COUNT_ROWS:
            row = self.stored(edition, COUNT_ROWS[(indicator, threshold)], "NATO_TOTAL", year)
            if row:
                return [row]
        computed = _count(edition, indicator, year, op, threshold, None if allies is None else tuple(allies))
        # fresh Figures each time: callers rescale them ("most" = share of the allies)
        return None if computed is None else [Figure(v, edition, list(rows), formula) for v, rows, formula in computed]

    # ------------------------------------------------------------ the judging procedure (rules 2-4)
    def judge(self, lookup: Callable[[str], list[Figure] | Figure | None], check: Callable[[float], bool],
              what: str, holding: frozenset[str] | None = None) -> Judgement:
        """E0, else the latest earlier edition holding the figure; outdated if only an older edition matches.
        `holding`: the only editions where `lookup` can find anything (None: any; see editions_holding)."""
        def figs(ed):
            got = lookup(ed)
            return [got] if isinstance(got, Figure) else (got or [])

        # Each edition is looked up at most once without a memo: the walk down `released` stops at the first
        # edition holding the figure, and after it either _revision walks `later_eds` and the outdated test
        # the editions below it, or (none held it) the first later edition holding it is looked for.
        # the editions outside `holding` hold nothing: leaving them out of the walks changes no answer
        if holding is None:
            released, later_eds = self.released, self.later
        else:  # data only: the same lists for every claim with this holding (callers only read them)
            walks = self._walks.get(holding)
            if walks is None:
                walks = self._walks[holding] = ([ed for ed in self.released if ed in holding],
                                                [ed for ed in self.later if ed in holding])
            released, later_eds = walks
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
            if ok is not None:
                return Judgement("supported", decisive.evidence(), f"{what}: edition {ed} says {_fmt(decisive.value)}",
                                 ed, revision is not None, revision)
            for older in reversed(released[:i]):
                hit = [f for f in figs(older) if check(f.value)]
                if hit:
                    return Judgement(
                        "outdated", decisive.evidence() + hit[0].evidence(),
                        f"{what}: matches edition {older} ({_fmt(hit[0].value)}), superseded by {ed} "
                        f"({_fmt(decisive.value)})", ed, revision is not None, revision)
            return Judgement("refuted", decisive.evidence(), f"{what}: edition {ed} says {_fmt(decisive.value)}",
                             ed, revision is not None, revision)
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
                # a difference within the coarser figure's printed precision is rounding, not a revision
                if _revision_status(decisive.value, found[0].value) == "revised":
                    return {"edition": decisive.edition, "value": decisive.value,
                            "latest_edition": ed, "latest_value": found[0].value}
                return None
        return None


@functools.lru_cache(maxsize=65536)  # pure function of two numbers (equal keys give the same answer)
def _revision_status(value_a: float, value_b: float) -> str:
    return dataset.revision_status(value_a, value_b)


def _fmt(value: float) -> str:
    got = _FMT.get(value) if type(value) is float else None
    if got is not None:
        return got
    text = f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    # a data cache of figures: floats only (an equal int, bool or Decimal may print differently), not 0.0
    # (-0.0 is equal and prints "-0"); NaN never finds itself, so it is not stored
    if type(value) is float and value and value == value:
        if len(_FMT) >= 65536:
            _FMT.clear()
        _FMT[value] = text
    return text


_FMT: dict[float, str] = {}


