"""Verification per measure: one small module per measure, each `judge(frame, asof) -> Judgement`.

A module reads the frame only (what the sentence was read as, `frame.Frame`) and the data as it stood on the date
(`verify.AsOf`: E0, the fallback to older editions, outdated matches, revisions); never the sentence's text. The
claim type stays in the output; `frame.MEASURES` maps each type to its measure (ally_pct_gdp and group_pct_gdp
share pct_gdp, count_at_threshold and all_none_threshold share count_at_threshold)."""

from __future__ import annotations

from collections.abc import Callable

from ..frame import Frame
from ..verify import AsOf, Judgement
from . import (
    accession,
    category_share,
    comparison,
    count_at_threshold,
    member_count,
    misconception,
    pct_gdp,
    pledge,
    proposal,
    rank,
    real_change,
    share_of_alliance,
    summit_date,
    usd_bn,
)

JUDGES: dict[str, Callable[[Frame, AsOf], Judgement]] = {
    "pct_gdp": pct_gdp.judge,
    "usd_bn": usd_bn.judge,
    "count_at_threshold": count_at_threshold.judge,
    "share_of_alliance": share_of_alliance.judge,
    "rank": rank.judge,
    "real_change": real_change.judge,
    "category_share": category_share.judge,
    "comparison": comparison.judge,
    "member_count": member_count.judge,
    "accession": accession.judge,
    "pledge": pledge.judge,
    "summit_date": summit_date.judge,
    "misconception": misconception.judge,
    "proposal": proposal.judge,
}


def judge(frame: Frame, asof: AsOf) -> Judgement:
    """The verdict on one frame, by its measure."""
    return JUDGES[frame.measure](frame, asof)


__all__ = ["JUDGES", "judge"]
