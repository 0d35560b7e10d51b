"""% of GDP of an ally or a group (types ally_pct_gdp and group_pct_gdp): "Poland spent 4.12% of GDP in 2024".

Slots: `plan` (a plan, promise or forecast: not checkable), `year_inferred` (the year was not written: the level a
change started from, read as the year before the level reached; a figure that does not match it is unverifiable),
`since_year` (at a threshold in every year since then, up to the claim's year: "has met 2% every year since 2014")."""

from __future__ import annotations

import dataclasses

from ..frame import Frame
from ..verify import GDP, AsOf, Judgement, matches, round_half_up, unverifiable, worst_of
from .lookups import pct_gdp, worst_of_years

# a share of GDP an exact figure of defence spending does not reach in any edition (the highest is about 5%)
IMPLAUSIBLE_PCT_GDP = 8.0


def judge(frame: Frame, asof: AsOf) -> Judgement:
    if frame.slots["plan"]:
        return unverifiable("a plan, promise or forecast beyond the published figures: not checkable")
    if frame.year is None:
        return unverifiable("no data year")
    subject, year, value, comparator, decimals = frame.subject, frame.year, frame.value, frame.comparator, frame.decimals
    assert subject is not None and decimals is not None  # read only from a quantity with its ally or group code
    if comparator in ("eq", "approx") and value >= IMPLAUSIBLE_PCT_GDP:
        # "recording 38.5%" after a sentence about equipment, "the corresponding percentage was 8%": no ally's
        # defence spending is near such a share of GDP in any edition (the highest is about 5%): the base is another
        # one (the defence budget, equipment) that the sentence does not name surely; not a refutation
        return unverifiable(f"{value:g}% is no share of GDP spent on defence in any edition (the highest is about 5%): "
                            f"a share of something else (the defence budget, equipment), whose base is not stated surely")
    if "," in subject:  # "The Baltic states spend more than 3%": each ally the description stands for
        return worst_of([judge(dataclasses.replace(frame, subject=one), asof) for one in subject.split(",")])
    if frame.slots.get("since_year") is not None:
        return _every_year_since(frame, asof, frame.slots["since_year"], subject, year)
    judged = asof.judge(pct_gdp(asof, subject, year), lambda v: on_side(v, value, comparator, decimals),
                        f"{subject} {year} % of GDP", asof.data.editions_holding((GDP,), subject, year))
    if frame.slots.get("year_inferred") and judged.verdict in ("refuted", "outdated"):
        return unverifiable(f"the year of the level it changed from is not stated (read as {year}, the year before the "
                            f"level reached), and the figure does not match it: {judged.explanation}")
    return judged


def on_side(v: float, value: float, comparator: str, decimals: int) -> bool:
    """Policy rule 5, with a side of a level ("hit the 4% mark", "below 2%", "more than 3%") read as counts are: the
    stored value or the value as NATO prints it (2 decimals) on that side. An ally stored at 3.9993 prints as 4.00 and
    has hit 4%; one at 0.9991 is below 1% though it prints as 1.00."""
    if comparator in ("gt", "ge", "lt", "le"):
        return matches(v, value, comparator) or matches(round_half_up(v, 2), value, comparator)
    return matches(v, value, comparator, decimals)


def _every_year_since(frame: Frame, asof: AsOf, first: int, subject: str, year: int) -> Judgement:
    """"has met 2% every year since 2014": judged on the worst of those years (lookups.worst_of_years)."""
    worst, holding = worst_of_years(asof, pct_gdp, (GDP,), subject, first, year,
                                    lowest=frame.comparator in ("ge", "gt"), what="% of GDP")
    return asof.judge(worst, lambda v: matches(v, frame.value, frame.comparator, frame.decimals or 0),
                      f"{subject} % of GDP in every year {first}-{year}", holding)
