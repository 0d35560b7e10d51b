"""An ally's rank among the allies (type rank): "tops the table", "third-highest", "the lowest in the alliance",
or a set's ("A, B and C are the three lowest spenders": every member ranks at most n).

Slots: `indicator` (% of GDP or US$), `desc` (highest first), `europe` (among the European allies only), `group`
(among these allies only: "the highest among the Baltic states"),
`members` (a set rank's allies), `middle` (a middle place, "half way down the list": unverifiable)."""

from __future__ import annotations

import dataclasses

from ...members import europe_and_canada
from ..frame import Frame
from ..verify import COUNT_ROWS, GDP, USD, USD_PRESS, AsOf, DataView, Figure, Judgement, unverifiable


def judge(frame: Frame, asof: AsOf) -> Judgement:
    """The rank on the data as of the date. A rank whose measure the text leaves open (slot `either`: "the top
    spender", "the second-highest spender", no share, figure or money named) is judged by % of GDP and by US$: the
    verdict when both readings agree, else unverifiable, naming both (a reader may mean either)."""
    other = frame.slots.get("either")
    if other is None:
        return _judge(frame, asof)
    first = _judge(frame, asof)
    second = _judge(dataclasses.replace(frame, slots={**frame.slots, "indicator": other},
                                        detail=(frame.detail or "").replace(frame.slots["indicator"], other)), asof)
    if first.verdict == second.verdict:
        return first
    return Judgement("unverifiable", first.evidence + second.evidence,
                     f"the text names no measure for this rank: by {frame.slots['indicator']} {first.verdict} "
                     f"({first.explanation}); by {other} {second.verdict} ({second.explanation})")


def _judge(frame: Frame, asof: AsOf) -> Judgement:
    x, year = frame.slots, frame.year
    if x.get("middle"):  # "in the middle of the table": which places count as the middle is not said
        return unverifiable("a place 'in the middle' of the ranking names no place to check")
    if year is None:
        return unverifiable("no data year")
    scope = list(x["group"]) if x.get("group") else [c for c in europe_and_canada() if c != "CAN"] if x["europe"] else None
    key = (x["indicator"], year, None if scope is None else tuple(scope), x["desc"])
    what = f"{frame.subject} rank {frame.detail}"
    order_words = "highest" if x["desc"] else "lowest"

    if x.get("members"):  # a set rank: the lowest-placed member of the set decides
        def worst(ed):
            ranked = _ranking(asof.data, ed, *key)
            if ranked is None or any(c not in ranked[0] for c in x["members"]):
                return None
            rows, order, note, positions = ranked
            last = max(x["members"], key=lambda c: positions[c])
            return Figure(float(positions[last]), ed, [rows[c] for c in x["members"]],
                          f"lowest-placed of {', '.join(x['members'])}: {last}, rank {positions[last]} among "
                          f"{len(rows)} allies by {x['indicator']} ({order_words} first) in {year}{note}")
        holding = frozenset.intersection(*(_rank_holding(asof.data, *key, c) for c in x["members"]))
        return asof.judge(worst, lambda v: v <= frame.value, what, holding)

    subject = frame.subject
    assert subject is not None  # read only with its ally

    def rank(ed):
        ranked = _ranking(asof.data, ed, *key)
        if ranked is None:
            return None
        if subject not in ranked[0]:
            return _below_the_top(ed, ranked)
        rows, order, note, positions = ranked
        pos = positions[subject]  # = the first place of subject in order (iso3 are unique)
        return Figure(float(pos), ed, order[:3] + [rows[subject]],
                      f"rank of {subject} among {len(rows)} allies by {x['indicator']} ({order_words} first) "
                      f"in {year}{note}")
    def _below_the_top(ed, ranked):
        """A partial edition whose count row shows every ally at 2%+ listed fixes the top; an ally not among them
        ranks below all of them: a place within the top is refuted ("Canada ranks third" at 1.39%)."""
        if not _places_within_the_top(ranked, frame.value, frame.comparator):
            return None
        rows, order, note, positions = ranked
        return Figure(float(len(rows) + 1), ed, order[:3],
                      f"{subject} is not among the {len(rows)} allies at 2%+ the count row lists, so ranks "
                      f"{len(rows) + 1}th or lower by {x['indicator']} (highest first) in {year}{note}")

    # the editions where rank() finds something (data only): judging walks only those, same answer
    holding = _rank_holding(asof.data, *key, subject) | _top_holding(asof.data, *key, frame.value, frame.comparator)
    if frame.comparator == "ne":  # "isn't the biggest spender": any place but the one named
        return asof.judge(rank, lambda v: v != frame.value, what, holding)
    return asof.judge(rank, lambda v: v == frame.value, what, holding)


def _places_within_the_top(ranked: Ranking, value: object, comparator: str) -> bool:
    """The ranking is only the top (a partial edition's count row) and the claim is a place within it."""
    rows, _order, note, _positions = ranked
    return bool(note) and isinstance(value, int) and value <= len(rows) and comparator == "eq"


def _top_holding(data: DataView, indicator: str, year: int, scope: tuple[str, ...] | None, desc: bool, value: object,
                 comparator: str) -> frozenset[str]:
    """Editions whose ranking is only the top and holds the claimed place (an ally not in it ranks below it), once
    per data version."""
    if not isinstance(value, int):
        return frozenset()  # (only a place can be within the top)
    return data.memo(("rank_top_holding", indicator, year, scope, desc, value, comparator),
                     lambda: frozenset(e["edition"] for e in data.editions
                                       if (ranked := _ranking(data, e["edition"], indicator, year, scope, desc))
                                       is not None and _places_within_the_top(ranked, value, comparator)))


Ranking = tuple[dict[str, dict], list[dict], str, dict[str, int]]  # ({iso3: row}, rows in order, note, positions)


def _ranking(data: DataView, ed: str, indicator: str, year: int, scope: tuple[str, ...] | None,
             desc: bool) -> Ranking | None:
    """({iso3: row}, rows in rank order, note, positions) for one edition, or None (memoised per data version)."""
    def compute() -> Ranking | None:
        rows = data.per_ally(ed, indicator, year, scope)
        note = ""
        if rows is None and desc and indicator == GDP:
            rows, note = _top_from_count_row(data, ed, year), " (top complete: the count row lists every ally at 2%+)"
        if rows is None and indicator == USD:  # (an edition known from the press: its rounded per-ally US$ figures)
            rows, note = data.per_ally(ed, USD_PRESS, year, scope), " (from the edition's press-rounded US$ figures)"
        if rows is None and desc and indicator == USD and scope is None:
            rows, note = _us_above_all_others(data, ed, year), (" (top fixed: the US alone spends more than all the "
                                                                "other allies together)")
        if not rows:
            return None
        order = sorted(rows.values(), key=lambda r: r["value"], reverse=desc)
        positions: dict[str, int] = {}
        for i, r in enumerate(order, 1):
            positions.setdefault(r["iso3"], i)
        return rows, order, note, positions
    return data.memo(("ranking", ed, indicator, year, scope, desc), compute)


def _rank_holding(data: DataView, indicator: str, year: int, scope: tuple[str, ...] | None, desc: bool,
                  subject: str) -> frozenset[str]:
    """Editions where judge's look-up finds the subject ranked (AsOf.judge `holding`), once per data version."""
    return data.memo(("rank_holding", indicator, year, scope, desc, subject),
                     lambda: frozenset(e["edition"] for e in data.editions
                                       if (ranked := _ranking(data, e["edition"], indicator, year, scope, desc))
                                       is not None and subject in ranked[0]))


def _top_from_count_row(data: DataView, ed: str, year: int) -> dict[str, dict] | None:
    row = data.stored_row(ed, COUNT_ROWS[(GDP, 2.0)], "NATO_TOTAL", year)
    listed = {k: v for k, v in data.edition_years(ed, GDP).get(year, {}).items() if not k.startswith("NATO")}
    at_two = {k: v for k, v in listed.items() if v["value"] >= 2.0}
    if row and at_two and len(at_two) == int(row["value"]):
        return at_two
    return None


def _us_above_all_others(data: DataView, ed: str, year: int) -> dict[str, dict] | None:
    """The top of the ranking by US$ when the edition prints no per-ally table but prints the US and the European
    allies and Canada together on one price basis, the US the larger (2025-08: 980 against 608 at current prices): the
    US is first, every other ally below it. {"USA": row}, or None."""
    for basis in ("current", "constant"):
        us, rest = (data.stored_row(ed, USD_PRESS, code, year, basis) for code in ("USA", "NATO_EUR_CAN"))
        if us is None or rest is None or us["price_basis"] != rest["price_basis"] or basis not in us["price_basis"]:
            continue
        if us["value"] > rest["value"]:
            return {"USA": us}
    return None
