"""Shared readings of the figure rules: data codes, plan words, the price basis a text names."""

from __future__ import annotations

import re

from ..entities import Entity
from ..extract import PLAN_WORDS, PLAN_WORDS_FOLDED, TARGET_OF_BEFORE, Sentence
from ..gates import gated
from ..grammar import folded_pattern
from ..lexicon import patterns
from ..quantities import Quantity
from ..verify import GROUP_DATA_CODE, data_code  # noqa: F401 - where the rules import them from

MAX_PLAUSIBLE_PCT_GDP = 12.0  # no ally has come near it since 1990; a larger share of GDP is of something else
# the allies' total has not been below US$800 billion in NATO's tables since 1990, nor Europe and Canada's below $200
# billion: a smaller amount the alliance owns is NATO's own (common) budget, another measure, not checked
COMMON_BUDGET_MAX_BN = 100.0

_CONSTANT = gated(folded_pattern(re.compile(r"\b(?:in \d{4} dollars|constant|at \d{4} prices|real terms)\b", re.I)))


# spending that is no ally's or the alliance's: the world's, global ("global arms outlays topped $2.1
# trillion": SIPRI's world total), asked on the text just before a figure
WORLD_SCOPE = re.compile(r"\b(?:in|across|around)\sthe\sworld\b|\b(?:world|global|worldwide)\s(?:military\s|defen[cs]e\s)?"
                         r"(?:spending|expenditure|outlays)\b", re.I)
_WILL = frozenset({"will", "Will", "WILL"})


# a group's possessive before an amount, through the total's own noun and "of": the amount is the group's ("the
# alliance's $1.47 trillion", "NATO's combined $1.3tn", "the allies' total defence spending of $1.3 trillion", "the
# bloc's yearly outlays of about $3 billion")
_GROUP_OWNS_BEFORE = re.compile(r"['’]s?\s(?:(?:combined|total|collective|overall|joint|annual|yearly|aggregate|defen[cs]e|military)\s)"
                                r"{0,2}(?:(?:spending|budgets?|expenditures?|outlays?|costs?)\s(?:of\s)?)?"
                                r"(?:(?:about|some|around|roughly|nearly|almost|over|more\sthan|an\sestimated)\s)?", re.I)


def group_owning(s: Sentence, q: Quantity) -> Entity | None:
    """The group whose possessive the amount `q` follows (_GROUP_OWNS_BEFORE), or None."""
    return next((e for e in s.entities if e.kind == "group" and e.end <= q.start
                 and _GROUP_OWNS_BEFORE.fullmatch(s.text, e.end, q.start)), None)


def is_plan_before(s: Sentence, q, current_year: bool = False) -> bool:
    """A plan word in the figure's own clause, from the previous figure or clause break (frame.clause_breaks, or
    the sentence's start) to it: "Romania
    is at 2.28% and plans to reach 2.5%" plans only the second. `current_year`: the figure's year is the article's
    year, carried from the sentence before ("... this year will be Estonia (3.4%). The lowest will be Spain
    (1.3%)"): "will" then states NATO's estimate for the year, checkable like it (plan verbs still plan)."""
    prev = max((x for x in s.quantities if x.end <= q.start), key=lambda x: x.end, default=None) \
        if "of" in s.words else None  # (a target figure is named "target of ...": TARGET_OF_BEFORE)
    lo = prev.end if prev is not None else max((x.end for x in s.quantities if x.end <= q.start), default=0)
    # a plan or future word in an earlier clause of its own ("Washington expects allies will raise spending, although
    # it singled out Portugal, which spends 1.46%", "...; Slovenia spends 1.37%") plans nothing of this clause
    # (not "could meet its targets while spending 2.1%": a participle after the break has no predicate of its own)
    lo = max(lo, max((b_end for _b, b_end in s.clause_breaks if b_end <= q.start and not _GERUND.match(s.low, b_end)),
                     default=0))
    if "from" in s.words and s.is_current_origin(q):
        return False  # "will raise it to 2% by 2026 from 0.95 percent now": today's level, no plan
    if prev is not None and TARGET_OF_BEFORE.search(s.text, max(0, prev.start - 40), prev.start):
        # "exceed the target of 3.4% of GDP planned for 2030, spending 4.12%": the plan word names the target
        brk = next((i for i in range(prev.end, q.start) if s.text[i] in ",;—–"), None)
        if brk is not None:
            lo = brk
    if not current_year:
        m = PLAN_WORDS_FOLDED.search(s.low, lo, q.start)
        if m is None or m.group(0) not in _PLAN_NOUNS:
            return m is not None
        return any(not _is_noun(s.low, m) for m in PLAN_WORDS_FOLDED.finditer(s.low, lo, q.start))
    return any(m.group(0) not in _WILL and not _is_noun(s.low, m) for m in PLAN_WORDS.finditer(s.text, lo, q.start))


_GERUND = re.compile(r"[a-z]+ing\b")
# plan words that are also nouns: after a determiner they name a plan, they do not make the figure one ("has not met
# the NATO pledge to spend 2 percent" states Germany's figure)
_PLAN_NOUNS = frozenset({"pledge", "pledges", "plan", "plans", "promise", "promises", "aim", "aims", "hope", "hopes"})
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|nato['’]s|the\salliance['’]s)\s(?:[\w'’-]+\s)?$")


def _is_noun(low: str, m: re.Match) -> bool:
    return m.group(0).lower() in _PLAN_NOUNS and _DETERMINER_BEFORE.search(low, max(0, m.start() - 40), m.start()) is not None


# "will" before a verb: what something will be or do this year ("will be", "will again exceed", "will fall just short
# of", "will spend"), NATO's or a government's forecast for the current year, checked against the estimate when the
# current edition holds one (label policy: estimates count as data)
# (a level said with a change verb, "will increase our spending towards 3%", is where a plan goes, not an estimate;
# "will spend 1.3%" with no year may be a plan for the years ahead)
_WILL_BE = re.compile(r"\bwill\s(?:now\s|still\s|also\s|again\s|actually\s|once\sagain\s|comfortably\s|just\s)?"
                      r"(?:be|remain|stay|exceed|surpass|top|fall|stand|sit|come\sin)\b", re.I)


def states_current_estimate(s: Sentence, year: int | None, how: str) -> bool:
    """The figure's year is the article's own year, carried into the sentence (or the present year, when the
    paragraph was already speaking of the article's year, or when the sentence says what something "will be" or
    "will" do and the current edition already estimates the article's year): see is_plan_before."""
    if year != s.today.year:
        return False
    carry = s.carry
    return how == "carried" or how == "present" and (
        carry.year == year and carry.paragraph == s.paragraph or _WILL_BE.search(s.text) is not None)


# (these three on Sentence.low, behind their derived gates: a group's text is read from the sentence by its span)
_BASE_YEAR = gated(folded_pattern(re.compile(r"(?:\b(?:in|at|adjusted\sto)\s|\()(?:constant\s)?(?P<year>(?:19|20)\d\d)\s"
                                             r"(?:prices|dollars|US\s?dollars)\b", re.I)))


def money_basis(s: Sentence) -> str | None:
    """The constant price basis the sentence names for a ratio of US$: "constant", or "constant YYYY" when it names
    the base year ("in 2015 prices"); None when it names none (current prices are tried first)."""
    m = _BASE_YEAR.search_words(s.low, s.tokens)
    if m:
        return f"constant {s.text[m.start('year'):m.end('year')]}"
    return "constant" if _CONSTANT.search_words(s.low, s.tokens) else None


_BASIS_NAMED = re.compile(r"(?:(?:\b(?:in|at|adjusted\sto)\s|\()(?:constant\s)?(?P<year>(?:19|20)\d\d)\s(?:prices|dollars|US\s?dollars)"
                          r"|(?P<current>(?:at|in)\scurrent\s(?:prices|dollars)|nominal(?:ly)?)"
                          r"|(?P<constant>(?:at|in)\sconstant\s(?:prices|dollars)|in real terms))\b", re.I)
_BASIS_NAMED_FOLDED = gated(folded_pattern(_BASIS_NAMED))


def money_basis_for(s: Sentence, q) -> tuple[str, bool]:
    """(basis, named) of one money figure: a basis named in its own clause (from the previous quantity's end
    to the next one's start: "$730bn in 2019, or $685bn at 2015 prices"), else current and not named."""
    qs = s.quantities
    i = next((k for k, x in enumerate(qs) if x is q), None)
    lo = qs[i - 1].end if i else 0
    hi = qs[i + 1].start if i is not None and i + 1 < len(qs) else len(s.text)
    after = list(_BASIS_NAMED_FOLDED.finditer(s.low, q.end, hi))
    before = [m for m in _BASIS_NAMED_FOLDED.finditer(s.low, lo, q.start)
              # "rose 17.9% in real terms to $507 billion": the growth figure's qualifier, not the level's basis
              if not (i and qs[i - 1].kind == "pct" and m.group("constant") and m.start() - lo <= 2
                      and s.text[m.start():m.end()].lower().endswith("real terms"))]
    if not after and not before and lo > 0 and (opening := _BASIS_OPENING.match(s.low)) is not None:
        before = [opening]  # "In constant 2021 dollars, Turkey's spending grew 130%, from $8.41bn to $19.39bn": a
        # basis that opens the sentence before a comma governs every sum of it
    for m in after[:1] + before[-1:]:  # the nearest after the figure, else the nearest before it
        if m.group("year"):
            return f"constant {s.text[m.start('year'):m.end('year')]}", True
        if m.group("current"):
            return "current", True
        return "constant", True
    return "current", False


# a price basis opening the sentence, set off by a comma ("In constant 2021 dollars, ...", "Measured at current prices,
# ...", "Adjusted to 2015 prices, ..."), on folded text
_BASIS_OPENING = re.compile(r"[\"“‘'(]?(?:(?:measured|expressed|calculated|counted)\s)?(?:" + _BASIS_NAMED.pattern + r")(?=,)",
                            re.I)


# a norm stated by its level, ending at the figure: "the NATO guideline is 2%", "a guideline of spending is 2%", "the
# target is that every member spends 2%" (lexicon pledge_words.csv, kinds norm and states; on s.low)
NORM_STATED = gated(re.compile(
    r"\b(?:" + patterns("pledge_words", "kind", "norm") + r")[*_]?,?\s"
    r"(?:(?!that\b)[\w'’-]+\s){0,2}?(?:" + patterns("pledge_words", "kind", "states")
    + r")\s(?:(?:at\sleast|no\sless\sthan|a\sminimum\sof|about|around|roughly|some|just)\s)?$"))
NORM_PASSIVE = gated(re.compile(
    r"\b(?:" + patterns("pledge_words", "kind", "norm_passive") + r")\s"
    r"(?:(?:at\sleast|no\sless\sthan|a\sminimum\sof|about|around|some|roughly)\s)?$"))
# what makes the norm an object of meeting or missing ("met the target of 2%"), no statement of it (on s.low)
NORM_MET_BEFORE = re.compile(r"\b(?:meet|meets|met|meeting|reach\w*|hit\w*|exceed\w*|surpass\w*|miss\w*|short\sof|below|above"
                              r"|under|over|achiev\w*|fulfil\w*|honou?r\w*|kept|keep\w*|beyond|clear\w*|approach\w*|near\w*)\s"
                              r"(?:[\w'’-]+\s){0,4}$")
# who owns a norm named before its figure: an ally or a speaker's country ("Germany's goal is 3.5%", "our commitment
# is 2%", "the government's target"): the norm is that ally's plan (on s.low, ending at the norm's noun phrase)
NORM_OWNER_BEFORE = re.compile(r"(?:(?<!nato)(?<!alliance)['’]s|\b(?:our|its|my|their\snational|the\sgovernment['’]s|the\scountry['’]s))\s"
                               r"(?:[\w'’-]+\s){0,2}$")
