"""Shared look-ups for data-backed rules: % of GDP, US$ (bn), real change, per edition."""

from __future__ import annotations

import re

from ..extract import PLAN_WORDS, TARGET_OF_BEFORE, Sentence
from ..verify import GDP, REAL, REAL_PRESS, USD, USD_PRESS, AsOf, Figure

GROUP_DATA_CODE = {"NATO_TOTAL": "NATO_TOTAL", "NATO_EUR_CAN": "NATO_EUR_CAN", "EUROPE": "NATO_EUROPE"}


def data_code(code: str | None) -> str | None:
    """ISO3 or aggregate code as stored; plain "NATO" is too vague for a figure."""
    if code is None or code == "NATO":
        return None
    return GROUP_DATA_CODE.get(code, code)


def pct_gdp(asof: AsOf, iso3: str, year: int):
    return lambda ed: asof.stored(ed, GDP, iso3, year)


def real_change(asof: AsOf, iso3: str, year: int):
    return lambda ed: asof.stored(ed, REAL, iso3, year) or asof.stored(ed, REAL_PRESS, iso3, year)


def usd_bn(asof: AsOf, edition: str, iso3: str, year: int, basis: str = "current",
           fallback: bool = True) -> Figure | None:
    """US$ billion: Table 1 (million, /1000) at the wanted basis ("current", "constant" or "constant 2015"),
    else a press-rounded aggregate; with no row at the wanted basis the edition's only basis is used (policy:
    money) unless `fallback` is False (the text named its basis)."""
    other = "constant" if basis == "current" else "current"
    for b in (basis, other) if fallback else (basis,):
        fig = asof.stored(edition, USD, iso3, year, b)
        if fig and b in fig.rows[0]["price_basis"].lower():
            return Figure(fig.value / 1000, edition, fig.rows, "")
        fig = asof.stored(edition, USD_PRESS, iso3, year, b)
        if fig and (b in fig.rows[0]["price_basis"].lower() or "not stated" in fig.rows[0]["price_basis"]):
            return Figure(fig.value, edition, fig.rows, "")
    return None


_CONSTANT = re.compile(r"\b(?:in \d{4} dollars|constant|at \d{4} prices|real terms)\b", re.I)


# the first word of every extract.PLAN_WORDS match: its words are whole words (\b on both sides; "talks of" and
# "going to" start with talk(s) and going), so a sentence whose tokens (grammar.folded words) hold none of these
# has no match (tests/test_claims_fastpaths_rules.py)
PLAN_FIRST_WORDS = frozenset("will would could might plan plans planned promise promises promised promising pledge "
                             "pledges pledged aim aims intend intends want wants talk talks hope hopes going propose "
                             "proposes proposed".split())


def is_plan_before(s: Sentence, q) -> bool:
    """A plan word in the figure's own clause, from the previous figure (or the sentence's start) to it: "Romania
    is at 2.28% and plans to reach 2.5%" plans only the second."""
    prev = max((x for x in s.quantities if x.end <= q.start), key=lambda x: x.end, default=None)
    lo = prev.end if prev is not None else 0
    if prev is not None and TARGET_OF_BEFORE.search(s.text, max(0, prev.start - 40), prev.start):
        # "exceed the target of 3.4% of GDP planned for 2030, spending 4.12%": the plan word names the target
        brk = next((i for i in range(prev.end, q.start) if s.text[i] in ",;—–"), None)
        if brk is not None:
            lo = brk
    return PLAN_WORDS.search(s.text, lo, q.start) is not None


def is_plan(s: Sentence) -> bool:
    """s.is_plan(), with a word gate first."""
    return not s.tokens.isdisjoint(PLAN_FIRST_WORDS) and s.is_plan()


_BASE_YEAR = re.compile(r"\b(?:in|at)\s(?:constant\s)?(?P<year>(?:19|20)\d\d)\s(?:prices|dollars|US\s?dollars)\b", re.I)


def money_basis(s: Sentence) -> str:
    """"current", "constant", or "constant YYYY" when the text names the base year ("in 2015 prices")."""
    m = _BASE_YEAR.search(s.text)
    if m:
        return f"constant {m.group('year')}"
    return "constant" if _CONSTANT.search(s.text) else "current"


_BASIS_NAMED = re.compile(r"\b(?:(?:in|at)\s(?:constant\s)?(?P<year>(?:19|20)\d\d)\s(?:prices|dollars|US\s?dollars)"
                          r"|(?P<current>(?:at|in)\scurrent\s(?:prices|dollars)|nominal(?:ly)?)"
                          r"|(?P<constant>(?:at|in)\sconstant\s(?:prices|dollars)|in real terms))\b", re.I)


def money_basis_for(s: Sentence, q) -> tuple[str, bool]:
    """(basis, named) of one money figure: a basis named in its own clause (from the previous quantity's end
    to the next one's start: "$730bn in 2019, or $685bn at 2015 prices"), else current and not named."""
    qs = s.quantities
    i = next((k for k, x in enumerate(qs) if x is q), None)
    lo = qs[i - 1].end if i else 0
    hi = qs[i + 1].start if i is not None and i + 1 < len(qs) else len(s.text)
    after = list(_BASIS_NAMED.finditer(s.text, q.end, hi))
    before = list(_BASIS_NAMED.finditer(s.text, lo, q.start))
    for m in after[:1] + before[-1:]:  # the nearest after the figure, else the nearest before it
        if m.group("year"):
            return f"constant {m.group('year')}", True
        if m.group("current"):
            return "current", True
        return "constant", True
    return "current", False


def money_basis_named(s: Sentence) -> bool:
    """The text names a price basis ("in 2021 dollars", "constant prices", "real terms")."""
    return _CONSTANT.search(s.text) is not None or "current prices" in s.low or "nominal" in s.low


def usd_holding(asof: AsOf, a: str, b: str, year: int) -> frozenset[str]:
    """Editions where usd_ratio(a, b) can be found: both have a US$ row (AsOf.judge skips the others)."""
    held = asof.data.editions_holding
    return held((USD, USD_PRESS), a, year) & held((USD, USD_PRESS), b, year)


def usd_ratio(asof: AsOf, edition: str, a: str, b: str, year: int, basis: str = "current") -> Figure | None:
    """a / b in US$ on one edition and one price basis."""
    for bas in (basis, "constant" if basis == "current" else "current"):
        fa, fb = usd_bn(asof, edition, a, year, bas), usd_bn(asof, edition, b, year, bas)
        if fa and fb and fa.rows[0]["price_basis"] == fb.rows[0]["price_basis"] and fb.value:
            return Figure(fa.value / fb.value, edition, fa.rows + fb.rows,
                          f"{a} / {b} US$ {year} ({fa.rows[0]['price_basis']}) = {fa.value:,.1f} / {fb.value:,.1f} bn")
    return None
