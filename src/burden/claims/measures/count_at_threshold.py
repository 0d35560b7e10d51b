"""How many allies meet a threshold (types count_at_threshold and all_none_threshold): "nine of the 28 members
hit 2% in 2016", "no ally has reached 5%", "most allies are below 2%", "Spain, Italy and Belgium all fell short".

`frame.threshold`, `frame.indicator`. Slots: `kind` (count, none, all, most, fraction), `op` (the allies' side of
the threshold), `allies` (a named set, else every reporting ally), `members` (the membership "of the M members"
named), `fraction` (the share of the allies a fraction names), `year_inferred` (no year written: "up from three a
few years ago" read as the year of the pledge at that level; a count that does not match it is unverifiable)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...members import roster
from ..frame import Frame
from ..verify import (
    COMPARATOR_WORDS,
    COUNT_ROWS,
    OPPOSITE,
    AsOf,
    Figure,
    Judgement,
    matches,
    round_half_up,
    unverifiable,
)


def judge(frame: Frame, asof: AsOf) -> Judgement:
    """The count on the data as of the date; a forecast ("NATO expects five allies to meet 2% in 2015") decided by an
    edition that was not yet out on the date (counted as released only because the text speaks of figures released
    that week) is unverifiable: the forecast was made before the figures were."""
    j = _judge(frame, asof)
    if frame.slots.get("year_inferred") and j.verdict in ("refuted", "outdated"):
        # "up from only three a few years ago": no year written, read as the pledge's year; a count that does not
        # match it may be of another year (no confident verdict)
        return Judgement("unverifiable", j.evidence, f"the year is not stated (read as {frame.year}, the year the "
                         f"pledge at that level was made), and the count does not match it: {j.explanation}")
    if frame.slots.get("year_inferred"):
        j.explanation = f"the year is not stated, read as {frame.year} (the year the pledge at that level was made): " \
            + j.explanation
    if frame.slots.get("basis") == "unstated" and j.verdict in ("refuted", "outdated"):
        # "twelve allies saw a rise in outlays": NATO's count of real-terms rises does not match, but the
        # sentence does not say real terms (a nominal rise is another count): no confident verdict
        return Judgement("unverifiable", j.evidence, f"the rise's basis (real or nominal) is not stated; counted in "
                         f"real terms: {j.explanation}")
    if frame.modality == "forecast" and j.verdict in ("supported", "refuted") and asof.date is not None:
        day = next((e["release_day"] for e in asof.data.editions if e["edition"] == j.edition), None)
        if day is not None and day > asof.date.isoformat():
            word = {"supported": "would match", "refuted": "would not match"}[j.verdict]
            return Judgement("unverifiable", j.evidence,
                             f"a forecast: no edition released by {asof.date.isoformat()} holds this figure; "
                             f"{j.edition}, out on {day}, {word} ({j.explanation})")
    return j


def _judge(frame: Frame, asof: AsOf) -> Judgement:
    x, year = frame.slots, frame.year
    kind, op, thr, ind, allies = x["kind"], x["op"], x["threshold"], x["indicator"], x["allies"]
    if year is None:
        return unverifiable("no data year")
    if x.get("since_year") is not None:  # ("every year since 2006, fewer than ten allies met it": a run of years)
        return unverifiable(f"a count in every year since {x['since_year']}: no one year's count to check it on")
    what = f"allies with {ind} {COMPARATOR_WORDS[op]} {thr:g} in {year}"
    scope = None if allies is None else tuple(allies)
    holding = asof.data.count_holding(ind, year, op, thr, scope)  # the editions where a count can be found
    if kind == "count":
        return _count(frame, asof, what, holding)
    if kind == "none":
        return asof.judge(lambda ed: asof.count(ed, ind, year, op, thr, allies), lambda v: v == 0, what, holding)
    if kind == "all" and allies and "," in (frame.subject or ""):
        return _each_named(frame, asof, op, thr, ind, list(allies), year)
    if kind == "all":
        other = OPPOSITE[op]
        return asof.judge(lambda ed: asof.count(ed, ind, year, other, thr, allies), lambda v: v == 0,
                          f"allies with {ind} {COMPARATOR_WORDS[other]} {thr:g} in {year} (all = none below)",
                          asof.data.count_holding(ind, year, other, thr, scope))

    sizes: dict[float, int] = {}  # share -> the number of allies it is a share of

    def share_of_allies(ed):  # most = more than half of the allies with a value
        figs = asof.count(ed, ind, year, op, thr, allies)
        total = asof.per_ally(ed, ind, year, allies)
        n = len(total) if total else len(asof.reporting(ed))
        if not figs:
            return None
        for f in figs:
            f.value = f.value / n
            sizes[f.value] = n
            f.formula = (f.formula or f"count row / {n} allies") + f" -> share {f.value:.2f}"
        return figs
    if kind == "fraction":
        def fraction_holds(v: float) -> bool:
            if frame.comparator == "eq":  # "a third of the allies": a whole number of allies, the nearest one or two
                # (10 of 29 is "a third": 29/3 = 9.67 allies); a count a whole ally off is no longer that share
                return abs(v - x["fraction"]) * sizes.get(v, 1) < 1
            return matches(v, x["fraction"], frame.comparator, 3)
        return asof.judge(share_of_allies, fraction_holds,
                          what + f" (share of the allies with a value, against {x['fraction']:.3f}"
                          + (", to the nearest whole ally)" if frame.comparator == "eq" else ")"), holding)
    return asof.judge(share_of_allies, lambda v: v > 0.5, what + " (most = more than half)", holding)


def _count(frame: Frame, asof: AsOf, what: str, holding: frozenset[str]) -> Judgement:
    x, year, value = frame.slots, frame.year, frame.value
    assert year is not None
    op, thr, ind, allies = x["op"], x["threshold"], x["indicator"], x["allies"]
    comparator = frame.comparator if frame.comparator in ("lt", "gt", "le", "ge", "nearly", "approx", "between") else "eq"
    if op == "gt" and allies is None and asof.e0 is not None \
            and (asof.e0 not in holding or _has_count_row(asof, asof.e0, ind, thr, year)):
        # "ten allies spend more than 2%" when the deciding edition publishes its count at or above 2%: that count row
        # is what the sentence reports (policy rule 5: where the edition has its own count row, that number is the
        # count), also beside per-ally values where an ally sits exactly at the level (Poland at 2.00 in 2016)
        at_or_above = asof.data.count_holding(ind, year, "ge", thr, None)
        if asof.e0 in at_or_above:
            op, holding = "ge", at_or_above
            what = f"allies with {ind} {COMPARATOR_WORDS['ge']} {thr:g} in {year} (the edition counts at or above)"
    unreported = 0
    if op in ("lt", "le") and allies is None and x.get("members") and asof.e0 is not None:
        # "21 of the 29 members are not meeting it": the members with no figure (Iceland, no armed forces)
        # are below it too, so the count over the whole membership is also a right reading
        unreported = max(0, int(x["members"]) - len(asof.reporting(asof.e0)))
    named = tuple(x.get("set") or ())
    excluded = tuple(x.get("excluded") or ()) if frame.subject == "NATO_ALLIES" and allies is not None else ()
    if excluded and (ind, thr) in COUNT_ROWS and op == "ge":
        # "just five, besides the US, reach 2%" where the edition publishes its count row but not every ally's value:
        # the count row less the excluded allies that edition puts on the same side (each needs its value there, or
        # the row's definition counts it: _count_row_less finds no figure otherwise)
        holding = holding | asof.data.count_holding(ind, year, op, thr, None)

    def lookup(ed):
        figs = asof.count(ed, ind, year, op, thr, allies)
        if figs is None and excluded:
            figs = _count_row_less(asof, ed, ind, year, op, thr, excluded)
        if not named or comparator != "eq" or not figs or not matches(figs[0].value, value, "eq", 0):
            return figs
        # the allies named as the set ("only five - A, B, C, D and E - meet it"): the count is right only if they are
        # the ones; a named ally whose value in the edition is on the other side (stored or at 2 decimals, policy
        # rule 5) makes the set wrong
        rows = [asof.data.stored_row(ed, ind, c, year) for c in named]
        outside = [r for r in rows if r is not None and not matches(r["value"], thr, op)
                   and not matches(round_half_up(r["value"], 2), thr, op)]
        if not outside:
            return figs  # (or the edition has no value for them: a count row alone does not say who they are)
        inside = len(named) - len(outside)
        return [Figure(float(inside), ed, outside, f"of the {len(named)} allies named, {inside} have {ind} "
                       f"{COMPARATOR_WORDS[op]} {thr:g} in {year}: "
                       + ", ".join(f"{r['iso3']} {r['value']:.2f}" for r in outside) + " not")]

    if named:
        what += f" (and the {len(named)} allies named, {', '.join(named)}, are the ones: else how many of them are)"
    return asof.judge(lookup,
                      lambda v: matches(v, value, comparator, 0)
                      or unreported > 0 and matches(v + unreported, value, comparator, 0),
                      what + (f" (+{unreported} member(s) without a figure, of {int(x['members'])})" if unreported else ""),
                      holding)


def _count_row_less(asof: AsOf, ed: str, ind: str, year: int, op: str, thr: float,
                    excluded: tuple[str, ...]) -> list[Figure] | None:
    """The edition's count row less the excluded allies at or above the threshold in that edition (None when the
    edition has no count row, or lacks the value of an excluded ally the row's definition does not count: how many of
    the others is then unknown)."""
    rows = [asof.data.stored_row(ed, ind, c, year) for c in excluded]
    whole = asof.count(ed, ind, year, op, thr, None)
    if whole is None:
        return None
    out = []
    for f in whole:
        included = _included_by_definition(f)
        if any(r is None and c not in included for c, r in zip(excluded, rows, strict=True)):
            return None
        side = [f"{r['iso3']} {r['value']:.2f}" for r in rows if r is not None and matches(r["value"], thr, op)]
        side += [f"{c} (counted by the row's definition)" for c, r in zip(excluded, rows, strict=True) if r is None]
        out.append(Figure(f.value - len(side), ed, f.rows + [r for r in rows if r is not None],
                          f"{f.formula or 'count row'} {f.value:g} less the excluded allies on that side ("
                          + (", ".join(side) or "none") + ")"))
    return out


_INCLUDED = re.compile(r"\(([^()]+?) included\)")


def _included_by_definition(f: Figure) -> set[str]:
    """The allies a count row counts by its own definition (unit "number of allies (United States included)": the
    pack's 2% rows count the US among the allies at or above it, so "four non-U.S. countries" is that row less one
    even in an edition that prints no US value)."""
    m = _INCLUDED.search(f.rows[0].get("unit", "")) if f.rows else None
    if m is None:
        return set()
    names = {r["name_en"].lower(): r["iso3"] for r in roster()}
    return {names[n.strip().lower()] for n in re.split(r",|\band\b", m.group(1)) if n.strip().lower() in names}


def _each_named(frame: Frame, asof: AsOf, op: str, thr: float, ind: str, allies: list[str], year: int) -> Judgement:
    """"Belgium, Canada, Croatia and Spain did not (reach 2%)": each named ally judged on its own figure, as a single
    ally's is (the deciding edition, else the latest earlier one holding that ally's value); refuted when one is on the
    other side, supported when every one is on this side, else the weakest of the verdicts."""
    def on_side(v: float) -> bool:
        return matches(v, thr, op) or matches(round_half_up(v, 2), thr, op)

    def figure_of(c: str) -> Callable[[str], Figure | None]:
        return lambda ed: asof.stored(ed, ind, c, year)

    parts = [(c, asof.judge(figure_of(c), on_side, f"{c} {ind} {COMPARATOR_WORDS[op]} {thr:g} in {year}",
                            asof.data.editions_holding((ind,), c, year))) for c in allies]
    evidence = [row for _c, j in parts for row in j.evidence]
    for verdict in ("refuted", "unverifiable", "outdated"):
        hit = [(c, j) for c, j in parts if j.verdict == verdict]
        if hit:
            c, j = hit[0]
            return Judgement(verdict, evidence, f"each named ally on its own figure: {c}: {j.explanation}"
                             + (f" (and {len(hit) - 1} more)" if len(hit) > 1 else ""), j.edition, j.revised_since,
                             j.revision, j.decided_by_fallback)
    first = parts[0][1]
    return Judgement("supported", evidence, "each named ally on its own figure: "
                     + "; ".join(j.explanation for _c, j in parts), first.edition, any(j.revised_since for _c, j in parts),
                     first.revision, first.decided_by_fallback)


def _has_count_row(asof: AsOf, edition: str, ind: str, thr: float, year: int) -> bool:
    """Whether `edition` prints its own count of the allies at or above `thr` for `year` (COUNT_ROWS)."""
    row_key = COUNT_ROWS.get((ind, thr))
    return row_key is not None and asof.data.stored_row(edition, row_key, "NATO_TOTAL", year) is not None
