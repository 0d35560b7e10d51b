"""Real change of defence spending, % (type real_change): "grew by 15.9% in real terms", "has risen in real terms
every year since 2014".

Slots: `plan`, `decimals` (when the reader set it), `since_year` (a rise or fall in every year since then),
`first_since` (a rise for the first time since that year: no rise in the years between),
`cumulative_from` (a change over several years since that base year: derived from US$ at constant prices),
`direction_only` (a rise or fall with no figure: the sign of the change; comparator gt or lt, value 0), a subject
that lists allies ("NOR,ESP,GRC": each must match),
`no_subject` (a change of spending whose ally or group the sentence does not say: unverifiable),
`unstated_basis` (the text did not say "real"): a stated figure or one year's direction for the alliance or European
Allies and Canada is still judged against NATO's real change, the only change NATO publishes for them, as the
labelled real sets read "allies will raise spending by 18% this year" and "spending started to rise in 2015"; but one
ally's figure (its national budget may be quoted in nominal
terms: "Spain's budget grew 12%") and a direction or a run of years without a figure (a nominal rise in a year of
inflation may be meant: "Italy raised its budget in 2023") that NATO's real change contradicts are not refuted."""

from __future__ import annotations

import dataclasses

from ..frame import Frame
from ..verify import REAL, REAL_PRESS, AsOf, Figure, Judgement, matches, unverifiable, worst_of
from .lookups import real_change, worst_of_years


def judge(frame: Frame, asof: AsOf) -> Judgement:
    j = _judge_as_real(frame, asof)
    x = frame.slots
    one_year_figure = frame.year is not None and frame.decimals is not None and not x.get("plan") \
        and not x.get("direction_only") and not {"since_year", "cumulative_from"} & x.keys()
    if frame.subject == "NATO_TOTAL" and one_year_figure \
            and (j.verdict == "unverifiable" or j.verdict != "supported" and j.decided_by_fallback):
        j = _as_published_for_europe_and_canada(frame, asof, j.edition) or j
    if x.get("unstated_basis") and j.verdict == "refuted":
        # (one year's direction for the alliance or European Allies and Canada, whose change NATO publishes only in
        # real terms, is judged as stated: "European allies and Canada raised their budgets in 2015" against -0.3)
        if "since_year" in x or x.get("direction_only") and frame.subject not in _NATO_PUBLISHED:
            return unverifiable("NATO publishes the change in real terms and its sign does not match; the text does not "
                                "say real terms, so a nominal change may be meant: " + j.explanation)
        if "cumulative_from" in x:
            return unverifiable("a change over several years, derived from US$ at constant prices, does not match; the "
                                "text does not say real terms, so a nominal change may be meant: " + j.explanation)
        if frame.subject not in _NATO_PUBLISHED:
            return unverifiable("NATO publishes the change in real terms and it does not match; the text does not say "
                                "real terms, and one ally's budget is often quoted in nominal terms: " + j.explanation)
    return j


def _as_published_for_europe_and_canada(frame: Frame, asof: AsOf, total_edition: str | None) -> Judgement | None:
    """A figure for one year ("NATO allies' spending will grow 4.3% this year") when the editions released by the date that print the change
    of the European allies and Canada (2017-06, 2019-11, 2020-10, 2022-03-sgar print only theirs) are newer than any
    holding the whole alliance's (`total_edition`, None for none): the figure the speaker quotes is theirs, as the
    labelled real sets read it. Only a match is taken (supported, the subject shown as read); a figure that does not
    match leaves the alliance's judgement as it was (unverifiable, or an older edition's figure for the alliance)."""
    j = _judge_as_real(dataclasses.replace(frame, subject="NATO_EUR_CAN"), asof)
    if j.verdict != "supported" or j.edition is None or total_edition is not None and j.edition[:7] <= total_edition[:7]:
        return None
    j.explanation = ("the latest edition with this year's change prints it for the European allies and Canada only, "
                     "not for the whole alliance; the claim matches theirs: " + j.explanation)
    j.resolved = {"subject": "NATO_EUR_CAN"}
    return j


_NATO_PUBLISHED = frozenset({"NATO_TOTAL", "NATO_EUR_CAN"})  # (changes only NATO publishes: no national nominal figure)


def _judge_as_real(frame: Frame, asof: AsOf) -> Judgement:
    x, subject, year = frame.slots, frame.subject, frame.year
    if x.get("no_subject"):
        return unverifiable("whose change this is is not said in the sentence (no ally or group named)")
    if x.get("plan"):
        return unverifiable("a plan or forecast beyond the published figures")
    if year is None:
        return unverifiable("no data year")
    assert subject is not None  # read only with its ally or group
    if "," in subject:  # "Norway, Spain and Greece cut their budgets": the change of each listed ally
        return worst_of([_judge_as_real(dataclasses.replace(frame, subject=one), asof) for one in subject.split(",")])
    if "since_year" in x:
        return _every_year_since(frame, asof, x["since_year"] + 1, subject, year)
    if "cumulative_from" in x:
        return _cumulative(frame, asof, x["cumulative_from"], subject, year)
    if "first_since" in x:
        return _first_since(frame, asof, x["first_since"], subject, year)
    holding = asof.data.editions_holding((REAL, REAL_PRESS), subject, year)
    if x.get("direction_only"):  # "European allies raised spending in real terms this year": its sign
        return asof.judge(real_change(asof, subject, year), lambda v: matches(v, 0.0, frame.comparator),
                          f"{subject} {year} real change %", holding)
    assert frame.decimals is not None  # only the since_year and direction readings (above) have no quantity
    comparator, value = frame.comparator, frame.value
    if comparator == "nearly" and value < 0:
        return asof.judge(real_change(asof, subject, year), lambda v: value <= v <= 0.9 * value,
                          f"{subject} {year} real change %", holding)
    decimals = x.get("decimals", frame.decimals)
    return asof.judge(real_change(asof, subject, year), lambda v: matches(v, value, comparator, decimals),
                      f"{subject} {year} real change %", holding)


_USD = "def_exp_usd_mn"


def _cumulative(frame: Frame, asof: AsOf, base: int, subject: str, year: int) -> Judgement:
    """"lifted its outlays by 214% in real terms since 2014": derived from one edition's US$ at constant prices, the year over
    the base year less one (NATO prints no change over several years)."""
    def derived(ed):
        first, last = (asof.data.stored_row(ed, _USD, subject, y, "constant") for y in (base, year))
        if first is None or last is None or "constant" not in first["price_basis"].lower() \
                or "constant" not in last["price_basis"].lower() or first["value"] <= 0:
            return None
        rows = [first, last]
        a, b = first["value"], last["value"]
        value = (b / a - 1) * 100
        return Figure(value, ed, rows, f"{subject} US$ at {rows[0]['price_basis']}: {year} / {base} - 1 = "
                                       f"{b:,.1f} / {a:,.1f} - 1 = {value:.1f}%")
    holding = asof.data.editions_holding((_USD,), subject, base) & asof.data.editions_holding((_USD,), subject, year)
    decimals = frame.slots.get("decimals", frame.decimals) or 0
    return asof.judge(derived, lambda v: matches(v, frame.value, frame.comparator, decimals),
                      f"{subject} real change {base}-{year} %", holding)


def _every_year_since(frame: Frame, asof: AsOf, first: int, subject: str, year: int) -> Judgement:
    """"has risen in real terms every year since 2014", "grew for a fifth straight year in 2019": judged on the worst of
    those years' changes (lookups.worst_of_years); when no edition released by the date holds every year of the run,
    on the change of its last year, the year spoken of, as the labelled real sets read it (a partial annual report
    prints only that year: "the sixth consecutive year of increase" in March 2021 graded on 2020's +3.9)."""
    check = lambda v: matches(v, 0.0, frame.comparator)  # noqa: E731
    worst, holding = worst_of_years(asof, real_change, (REAL, REAL_PRESS), subject, first, year,
                                    lowest=frame.comparator == "gt", what="real change")
    return _or_on_its_year(asof.judge(worst, check, f"{subject} real change", holding), frame, asof, first, subject, year)


def _or_on_its_year(j: Judgement, frame: Frame, asof: AsOf, first: int, subject: str, year: int) -> Judgement:
    """A claim over the years first..year that no edition released by the date holds every year of (`j` unverifiable)
    is judged on the change of its last year, the year spoken of, as the labelled real sets read it."""
    if j.verdict != "unverifiable":
        return j
    last = asof.judge(real_change(asof, subject, year), lambda v: matches(v, 0.0, frame.comparator),
                      f"{subject} {year} real change %", asof.data.editions_holding((REAL, REAL_PRESS), subject, year))
    if last.verdict == "unverifiable":
        return j
    last.explanation = (f"no edition released by the date holds every year of the run {first}-{year}; judged on its "
                        f"last year: " + last.explanation)
    return last


def _first_since(frame: Frame, asof: AsOf, before: int, subject: str, year: int) -> Judgement:
    """"grew in 2018 for the first time in four years", "the first increase since 2011": the year's change is above 0 and
    none of the years between (before+1 .. year-1) is, in one edition holding them all ("first time" claims are checked
    against the earlier years, policy "Derived figures"); else judged on the year alone (_or_on_its_year)."""
    years = range(before + 1, year + 1)

    def derived(ed):
        figs = [real_change(asof, subject, y)(ed) for y in years]
        if any(f is None for f in figs):
            return None
        between = max((f.value for f in figs[:-1]), default=-1.0)
        return Figure(min(figs[-1].value, -between), ed, [f.rows[0] for f in figs][-4:],
                      f"{year} change {figs[-1].value:.2f}%, and the highest of {years[0]}-{year - 1} {between:.2f}% "
                      f"negated: the smaller")  # (above 0 only when the year rose and no year between did)
    holding = frozenset.intersection(*(asof.data.editions_holding((REAL, REAL_PRESS), subject, y) for y in years))
    j = asof.judge(derived, lambda v: matches(v, 0.0, frame.comparator), f"{subject} real change, first rise since {before}",
                   holding)
    return _or_on_its_year(j, frame, asof, before + 1, subject, year)
