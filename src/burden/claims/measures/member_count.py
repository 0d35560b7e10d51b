"""How many members NATO had (type member_count): "all 32 allies", "from 12 founding members", "of the bloc's
28 members in 2016".

Slots: `kind`: founding (on 24 August 1949), from (a count before a recent accession: any count of the year before
the date), in_year (the count at the end of `frame.year` (the date's, for the current year), or the count on the
date), then (a count during
`frame.year` only: "from 2021, when six of the 30 met it"), others (the members besides one
ally: the count on the date less one), else the count on the date."""

from __future__ import annotations

import datetime as dt

from ...members import member_count, members
from ..frame import Frame
from ..verify import AsOf, Judgement, fact, unverifiable

FIRST_MEMBERS_DAY = dt.date(1949, 8, 24)


def judge(frame: Frame, asof: AsOf) -> Judgement:
    kind, value, today = frame.slots["kind"], frame.value, asof.day
    if kind == "founding":
        n = _count_on(asof, FIRST_MEMBERS_DAY)
        return fact("supported" if n == value else "refuted",
                    [f"members.csv: {n} allies had joined by {FIRST_MEMBERS_DAY.isoformat()}"], "founding members")
    if kind == "from":  # a count before a recent accession
        counts = {_count_on(asof, today - dt.timedelta(days=d)) for d in range(0, 400, 5)}
        return fact("supported" if value in counts else "refuted",
                    [f"members.csv: counts over the year before {today.isoformat()}: {sorted(counts)}"],
                    "member count in the year before the date")
    if kind in ("in_year", "then"):
        assert frame.year is not None  # read as "in_year" only with its data year
        first = dt.date(frame.year, 1, 1)
        last = min(dt.date(frame.year, 12, 31), today)
        if kind == "then":  # any membership the alliance had during that year (up to the date)
            counts = {_count_on(asof, first + dt.timedelta(days=d)) for d in range(0, (last - first).days + 1, 7)}
        else:
            # "in 2023, 19 of the 30 members spent less": the membership the year ended with (or the date's, for
            # the current year), as the real sets label it: 30 for 2023 is wrong once Finland joined in April
            counts = set()
        counts.add(_count_on(asof, last))
        # "22 of NATO's 32 members met it in 2023", written when NATO has 32: writers name today's membership
        # next to a past year's figure, so the membership on the date is also a right reading
        now = _count_on(asof, today)
        # ("then": a clause telling that year's state, "from 2021, when six of the 30 met it", takes that year's only)
        return fact("supported" if value in counts or value == now and kind == "in_year" else "refuted",
                    [f"members.csv: members during {frame.year}: {sorted(counts)}; on {today.isoformat()}: {now}"],
                    f"NATO had {'/'.join(map(str, sorted(counts)))} members in {frame.year}, {now} on {today.isoformat()}")
    n = _count_on(asof, today)
    if n == 0:
        return unverifiable("no members on that date")
    if kind == "others":  # "the U.S.' 31 NATO allies": the members besides one
        return fact("supported" if n - 1 == value else "refuted",
                    [f"members.csv: {n} allies had joined by {today.isoformat()}, {n - 1} besides the one named"],
                    f"NATO had {n} members on {today.isoformat()}: {n - 1} besides one")
    names = _latest_on(asof, today)
    return fact("supported" if n == value else "refuted",
                [f"members.csv: {n} allies had joined by {today.isoformat()} (latest accessions: {names})"],
                f"NATO had {n} members on {today.isoformat()}")


def _count_on(asof: AsOf, day: dt.date) -> int:
    """Members on `day` (memoised per data version: articles share dates)."""
    return asof.data.memo(("members", day), lambda: member_count(day))


def _latest_on(asof: AsOf, day: dt.date) -> str:
    """The most recent accessions by `day`, newest first (e.g. 'SWE 2024-03-07, FIN 2023-04-04, MKD 2020-03-27')."""
    def compute():
        latest = sorted(members(day), key=lambda m: m["accession_date"], reverse=True)[:3]
        return ", ".join(f"{m['iso3']} {m['accession_date']}" for m in latest)
    return asof.data.memo(("latest_members", day), compute)
