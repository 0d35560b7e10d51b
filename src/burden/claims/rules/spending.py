"""Absolute spending in US dollars: "$1.47 trillion", "USD 968bn", "more than a trillion dollars"."""

from __future__ import annotations

import re

from ..extract import Claim, Sentence
from ..frame import figure_modality
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from ..lexicon import alternation, patterns
from ..quantities import MONEY_FOLDED, Quantity, hedge_before, parse_number
from .base import Rule
from .figures import (
    COMMON_BUDGET_MAX_BN,
    WORLD_SCOPE,
    data_code,
    group_owning,
    is_plan_before,
    money_basis_for,
    states_current_estimate,
)

SCALE = {"trillion": 1000.0, "tn": 1000.0, "billion": 1.0, "bn": 1.0, "million": 0.001, "mn": 0.001, "m": 0.001}


# (a parenthesis or a dash may stand between: "the largest GDP of the allies (and the world) — $19 trillion")
_ECONOMY_BEFORE = re.compile(r"\b(?:economy|economies|GDP|gross domestic product|output)\s(?:[\w'’]+,?\s|\([^()]{0,30}\)\s|[—–]\s)"
                             r"{0,6}$", re.I)
_ECONOMY_AFTER = re.compile(r"\s?(?:economy|economies|GDP|gross domestic product|in (?:GDP|output|economic output))\b", re.I)


_GROWTH_BY = re.compile(r"\b(?:by|an extra|an additional|additional|extra|increase of|rise of|add(?:s|ed|ing)?"
                        r"|rose|risen|grew|grown|increased|climbed|jumped|fell|dropped|declined|is up|was up|are up|were up"
                        r"|is down|was down)\s"
                        r"(?:a combined\s|a total of\s|some\s|about\s|nearly\s|another\s|more than\s|over\s){0,3}$",
                        re.I)
_GROWTH_BY_FOLDED = gated(folded_pattern(_GROWTH_BY))  # on a window of Sentence.low


# "a $3 billion increase", "$2 billion more": a change in US$ (lexicon/en/money_change.csv), not a spending level
_CHANGE_AFTER = re.compile(r"\s?(?:\([^()]{1,40}\)\s)?(?:" + alternation("money_change") + r")\b", re.I)  # ("US$46 billion
# (36 billion pounds) jump": the same amount in another currency between)
# "6 billion euros ($6.48 billion)": a national figure converted into dollars in passing, not a NATO figure
# (the currencies: lexicon/en/currencies.csv; a code is case-sensitive, "(?-i:...)")
_CONVERTED_BEFORE = re.compile(r"\b(?:" + patterns("currencies", "kind", "word") + r")\s?\(\s?(?:about\s|some\s|around\s|roughly\s)?$"
                               r"|(?<![\w$])(?-i:" + patterns("currencies", "kind", "code") + r")\s?\d[\d.,]*\s?(?:billion|bn|million|mn"
                               r"|trillion|tn)?\s?\(\s?(?:about\s|some\s|around\s|roughly\s)?$", re.I)
# the amount's own label after it names the world's spending: "$2,240bn Total worldwide military expenditure"
_WORLD_AFTER = re.compile(r"\s(?:[\w-]+\s){0,2}?(?:world|global|worldwide)\s(?:military\s|defen[cs]e\s)?"
                          r"(?:spending|expenditures?|outlays)\b", re.I)
# "by about 3 percent, or $8 billion", "rose 3.4%, or about $9bn": the money value of a change in per cent
_CHANGE_PCT_BEFORE = re.compile(r"\d\s?(?:%|per\s?cent|percent),?\s(?:or|and|i\.e\.|that is|worth)\s(?:about\s|some\s|nearly\s|"
                                r"around\s|roughly\s|an extra\s|an additional\s)?$", re.I)


# "up 7 percent over $704 billion in 2023", "a 10% rise from $50bn": the level the change started from, read as a
# level (its own comparator is no "more than")
_BASE_OF_CHANGE_BEFORE = re.compile(r"\d\s?(?:%|per\s?cent|percent)\s(?:(?!to\s)[\w-]+,?\s){0,3}?(?:over|from|on)\s$", re.I)


# "2.1 percent of GDP this year, or $98 billion": GDP as a defence share's denominator, not the economy's worth
_PCT_OF_BEFORE = re.compile(r"(?:%|\bpercent|\bper cent)\sof\s(?:its\s|their\s|the\s)?$", re.I)


def _economy_before(text: str, start: int) -> bool:
    m = _ECONOMY_BEFORE.search(text, max(0, start - 70), start)
    return m is not None and not _PCT_OF_BEFORE.search(text, max(0, m.start() - 20), m.start())


# "..., now at more than $600 billion": the present level, whatever plan the sentence speaks of
_NOW_LEVEL_BEFORE = re.compile(r"\bnow\s(?:at|stands\sat|standing\sat|totals?|totalling|totaling|worth)\s"
                               r"(?:more\sthan\s|over\s|about\s|around\s|nearly\s|almost\s|some\s|roughly\s)?$", re.I)
# "a total of $6.6 trillion over 2012 to 2018", "spent a combined $1.9 trillion over the past three years": a sum
# over several years, no one year's figure (asked only when "total", "combined" ... is in the sentence)
_SUM_WORDS = frozenset({"total", "combined", "cumulative", "cumulatively", "altogether"})
# where a clause of its own begins: "Allied budgets ... reach 1.1 trillion this year, while Washington alone puts in $750 billion"
# (the US amount is no total); on Sentence.low
_CLAUSE_BREAK = re.compile(r",\s(?:while|whereas|but|and)\s|;\s|\s[—–]\s")
_SUM_WORD = re.compile(r"\b(?:" + "|".join(sorted(_SUM_WORDS)) + r")\b")


def _sum_word_in_clause(s: Sentence, q: Quantity) -> bool:
    """A sum word ("total", "combined" ...) in the amount's own clause, before it or just after ("$5 trillion in
    total"): the amount is a sum."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(s.low, 0, q.start)), default=0)
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(s.low, q.end)), len(s.low))
    return _SUM_WORD.search(s.low, start, end) is not None


# the years a sum runs over ("2012 to 2018", "between 2014 and 2024")
_YEAR_RANGE = re.compile(r"\b(?P<a>(?:19|20)\d\d)\s?(?:to|through|until|[-–—])\s?(?P<b>(?:19|20)?\d\d)\b"
                         r"|\bbetween\s(?P<a2>(?:19|20)\d\d)\sand\s(?P<b2>(?:19|20)\d\d)\b", re.I)
_SPAN = re.compile(_YEAR_RANGE.pattern
                   + r"|\b(?:over|in|during|across)\s(?:the\s)?(?:last|past|previous|next|coming)\s(?:\w+\s)?years\b", re.I)


# the same spending told as a share of GDP right after it, with its year: "put $30 billion into defence, equal
# to 1.5% of GDP in 2019"
_SAME_FIGURE_AS_PCT = re.compile(r"(?:\s(?:on|for)\s(?:its\s|their\s|the\s)?(?:[\w-]+\s){0,2}?(?:military|defen[cs]e|armed\sforces))?,?"
                                 r"\s(?:equating|equal|amounting|equivalent|corresponding)\sto\s(?:about\s|around\s|some\s)?"
                                 r"\d+(?:\.\d+)?\s?(?:%|percent|per\scent)\sof\s(?:its\s|their\s)?(?:GDP|gross\sdomestic\sproduct)"
                                 r"\s(?:in|for)\s(?P<year>(?:19|20)\d\d)\b", re.I)


# an amount with no currency, said of the allies' spending: "the allies' combined outlays now total about 1.4
# trillion" (NATO's figures are in US$; a currency word or a noun after the amount makes it something else)
# ("the combined military budget of the 30 members this year is close to 1.2 trillion": the allies' budget, their spending)
_BARE_AMOUNT = re.compile(r"\b(?:spending|outlays|expenditures?|(?:defen[cs]e|military)\sbudgets?)\s(?:[\w'’-]+\s){0,8}?(?:now\s)?"
                          r"(?:stands?|stood|totals?|totall?ed|will\sbe|would\sbe"
                          r"|reached|reaches|came\sto|comes\sto|is|was|are|were|hit|topped|tops|exceeded|exceeds|nearing|near|of|at)"
                          r"\s(?:now\s)?(?:at\s)?(?:(?:near(?:ly)?|about|around|roughly|almost|some|over|more\sthan|nearly)\s)?"
                          r"(?P<num>\d+(?:\.\d+)?)\s(?P<scale>trillion|billion)\b"
                          r"(?!\s(?:US\s)?(?!(?:in|this|last|for|according|as|and|by|to|on|with|from|since|a|the)\b)[a-z])", re.I)
_DEFENCE_WORD = re.compile(r"\b(?:defen[cs]e|military|allied|NATO|alliance|armed\sforces)\b", re.I)
_ALLIED_TOTAL = re.compile(r"\b(?:total|combined|overall|aggregate)\s(?:allied|NATO|alliance)\b|\ballied\s(?:defen[cs]e\s|military\s)?"
                           r"(?:spending|outlays|expenditures?)\b", re.I)


# the price or value of one thing bought, given or agreed: "a $2 billion deal", "worth $10 billion", "$60 billion in
# aid" (lexicon money_object.csv)
_OBJECT_AFTER = re.compile(r"\s(?:[\w-]+\s){0,2}?(?:" + patterns("money_object", "kind", "after")
                           + r")\b", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:" + patterns("money_object", "kind", "before")
                            + r")\s(?:about\s|some\s|around\s|roughly\s|nearly\s|almost\s|more\sthan\s|over\s|up\sto\s)?$", re.I)

# the allies whose change of spending in US$ is read: the groups (NATO's press releases give these sums)
_GROUPS_CHANGED = frozenset({"NATO_TOTAL", "NATO_EUR_CAN", "NATO_EUROPE"})
_TO_LEVEL_AFTER = re.compile(r"\s(?:[\w-]+\s){0,2}?to\s(?:about\s|some\s|around\s|nearly\s|almost\s|more\sthan\s|over\s)?(?:US)?\$", re.I)
_CONDITION_OPENING = re.compile(r"\W*(?:if|had|were|unless)\b")  # ("Had all allies met the target, ... $100 billion")
_SPENDING_SAID = re.compile(r"\b(?:spend\w*|spent|budgets?|outlays|expenditures?|defen[cs]e|military)\b")  # (on Sentence.low)
_SPENDING_BEFORE = re.compile(r"\b(?:spending|budgets?|outlays|expenditures?)\s(?:[\w'’-]+\s){0,3}$", re.I)


# a group named after a sum as the frame it is ranked in ("number one among NATO countries", "the most of all allies")
_FRAME_BEFORE = re.compile(r"\b(?:among|amongst|of\sall|across|within)\s(?:the\s|all\s|its\s)?(?:\d+\s)?$")
# the other side of a comparison: "..., they spent 2.4 times as much as all other 29 NATO partners combined", "more than
# the rest of the alliance", "outspent the other allies combined": the group compared with, not whose the sum is
_COMPARAND_BEFORE = re.compile(r"\b(?:as|than|outspen(?:t|ds?|ding)|outstrip(?:s|ped|ping)?|dwarf(?:s|ed|ing)?)\s"
                               r"(?:[\w-]+\s){0,5}$")


class SpendingRule(Rule):
    type = "spending_usd"
    code = "CLM-USD"
    needs = (needs_of(MONEY_FOLDED),)  # it reads money figures only (quantities.find_money)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        out = []
        used = s.used
        for i, q in enumerate(s.quantities):  # s.free(("money",)) in place: the loop takes only its own quantity
            if q.kind != "money" or i in used:
                continue
            if q.currency != "USD":
                continue  # national budgets in euros are not NATO figures
            if _CONVERTED_BEFORE.search(s.text, max(0, q.start - 40), q.start):
                continue  # "6 billion euros ($6.48 billion)": a conversion of a national figure
            if _economy_before(s.text, q.start) or _ECONOMY_AFTER.match(s.text, q.end):
                continue  # "the economy is worth $18 trillion": no spending
            if _GROWTH_BY_FOLDED.search(s.low, max(0, q.start - 40), q.start) \
                    or _CHANGE_AFTER.match(s.text, q.end, q.end + 60) \
                    or _CHANGE_PCT_BEFORE.search(s.text, max(0, q.start - 50), q.start):
                # "increased by a combined $41 billion", "a $3 billion increase", "$190bn more than in 2016", "by 3
                # percent, or $8 billion": no spending level, but a change of it, a claim NATO's tables do not print
                out.extend(self._change(s, q))
                continue
            if _OBJECT_AFTER.match(s.text, q.end, q.end + 40) or (
                    (worth := _OBJECT_BEFORE.search(s.text, max(0, q.start - 30), q.start)) is not None
                    and not _SPENDING_BEFORE.search(s.text, max(0, worth.start() - 40), worth.start())):
                continue  # "a $2 billion deal for tanks", "helicopters worth $10 billion": a price, not spending (but
                # "defence spending is worth about $1 trillion" is)
            if WORLD_SCOPE.search(s.text, max(0, q.start - 80), q.start) and not any(e.start < q.start for e in s.entities) \
                    or _WORLD_AFTER.match(s.text, q.end, q.end + 60):
                continue  # "global arms outlays topped $2.1 trillion", "$2,240bn: world military spending": no ally's or
                # the alliance's
            subject = data_code(s.ally_for(q))
            owner = group_owning(s, q)
            if owner is not None:  # "the US accounts for two-thirds of the alliance's $1.47 trillion": the group's
                subject = data_code(owner.code) or "NATO_TOTAL"
                if q.value * SCALE.get(q.unit_scale.lower(), 1.0) < COMMON_BUDGET_MAX_BN:
                    s.take(q)
                    continue  # "the alliance's yearly budget of about $3.5 billion": NATO's own budgets, not checked
            if (subject is None or subject.startswith("NATO")) and not any(e.start < q.start for e in s.subjects()) \
                    and any(e.kind == "group" and e.start >= q.end and (
                        _FRAME_BEFORE.search(s.low, max(0, e.start - 16), e.start)
                        or _COMPARAND_BEFORE.search(s.low, max(0, e.start - 60), e.start)) for e in s.entities):
                # "$40.7 billion, number one among NATO countries": the alliance is the frame of a rank (or the other
                # side of a comparison), not whose the sum is; the ally talked about before, else nobody's
                carried = s.carry.subject
                if carried is None or len(carried) != 3:
                    continue
                subject = carried
            if subject is None and any(e.code == "NATO" for e in s.entities):
                subject = "NATO_TOTAL"
            if subject is None:
                continue
            s.take(q)
            year, how = s.year_for(q)
            same = _SAME_FIGURE_AS_PCT.match(s.text, q.end)
            if same is not None and how in ("present", "carried"):
                year, how = int(same.group("year")), "year"  # "$30 billion, equal to 1.5% of GDP in 2019": 2019
            plan = how in ("deadline", "future") or (how == "present" and s.is_plan() and "this year" not in s.low
                                                      and not (states_current_estimate(s, year, how)
                                                               and not is_plan_before(s, q, True)))
            if plan and "now" in s.words and _NOW_LEVEL_BEFORE.search(s.text, max(0, q.start - 40), q.start):
                plan = False  # "called for a $54 billion hike in spending, now at more than $600 billion": today's level
            basis, named = money_basis_for(s, q)
            span = not s.words.isdisjoint(_SUM_WORDS) and _sum_word_in_clause(s, q) and _SPAN.search(s.text) is not None
            years = None
            if span:
                year = None  # a sum over several years: no one year's figure to check it against
                r = _YEAR_RANGE.search(s.text)
                if r is not None:  # "over 2012 to 2018": the sum of those years within one edition
                    a, b = r.group("a") or r.group("a2"), r.group("b") or r.group("b2")
                    first, last = int(a), int(b) if len(b) == 4 else int(a[:2] + b)
                    years = (first, last) if first < last <= first + 30 else None
            comparator = q.comparator
            if comparator in ("gt", "ge") and _BASE_OF_CHANGE_BEFORE.search(s.text, max(0, q.start - 40), q.start):
                comparator = "eq"  # ("over" is the base of the change, not "more than")
            out.append(self.claim(s, subject, "def_exp_usd_bn", q.value, comparator, year, q, plan=plan, span=span,
                                  span_years=years,
                                  scale=SCALE.get(q.unit_scale.lower(), 1.0), basis=basis if named else None))
            s.carry.usd_subject, s.carry.usd_year = subject, year
        return out + self._bare_amount(s)

    def _change(self, s: Sentence, q: Quantity) -> list[Claim]:
        """A change of an ally's or the allies' spending in US$ ("have put an extra $50 billion into their budgets",
        "spent $130 billion more since 2016", "an increase of $12 billion this year"): a claim, unverifiable (NATO
        prints each year's spending, not the change, and a sum over years is no one figure), when the sentence speaks
        of defence spending and names whose."""
        if not _SPENDING_SAID.search(s.low) or _OBJECT_AFTER.match(s.text, q.end, q.end + 40) \
                or any(x.kind == "pct" and q.start - 80 <= x.start <= q.end + 30 for x in s.quantities) \
                or _TO_LEVEL_AFTER.match(s.text, q.end) \
                or ((modal := figure_modality(s, q)) is not None and modal[1] == "drop") or _CONDITION_OPENING.match(s.low):
            return []  # ("rose 3.8%, or $10 billion": the change in per cent is the claim; "rose $8 billion to $98
            # billion": the level is; "would have had an additional $119 billion if ...": nobody's)
        subject = data_code(s.ally_for(q))
        if subject is None and any(e.code == "NATO" for e in s.entities):
            subject = "NATO_TOTAL"
        if subject in ("NATO", "NATO_TOTAL") and s.scope_change == "without USA":
            subject = "NATO_EUR_CAN"  # "Excluding the U.S., members have increased spending by $11 billion"
        if subject not in _GROUPS_CHANGED:
            return []  # (one ally's budget change may be a national, nominal figure: no claim, as before)
        s.take(q)
        year, how = s.year_for(q)
        return [self.claim(s, subject, "def_exp_usd_bn", q.value, q.comparator, year, q, plan=how in ("deadline", "future"),
                           span=False, span_years=None, scale=SCALE.get(q.unit_scale.lower(), 1.0), basis=None,
                           change=True)]

    def _bare_amount(self, s: Sentence) -> list[Claim]:
        """"the allies' combined outlays now total about 1.4 trillion": an amount of the allies' total spending written
        without a currency, read as US$ (no quantity reader takes it: a bare number with a scale is no money)."""
        if "trillion" not in s.words and "billion" not in s.words:
            return []
        m = _BARE_AMOUNT.search(s.text)
        if m is None or any(q.start <= m.start("num") < q.end and q.kind != "count" for q in s.quantities) \
                or not _DEFENCE_WORD.search(s.text, max(0, m.start() - 40), m.start("num")):
            return []  # (a defence word with the spending: "Spending on pensions is 1.2 trillion" is none; the "1" of
            # "almost 1 trillion" read as a count is no other quantity)
        value, decimals = parse_number(m.group("num"))
        scale = m.group("scale").lower()
        q = Quantity(m.start("num"), m.end("scale"), "money", value * SCALE[scale], decimals,
                     hedge_before(s.text, m.start("num"), s.low), s.text[m.start("num"):m.end("scale")], "USD", scale)
        # the alliance's total only ("combined allied outlays", even with a group named after the amount): NATO's
        # aggregates are published in US$ alone, while an ally's bare amount may be in its own currency ("German
        # defence spending reached 86 billion")
        if not (_ALLIED_TOTAL.search(s.text, 0, m.start("num"))
                or any(e.code in ("NATO", "NATO_TOTAL") and e.start < m.start("num") for e in s.entities)):
            return []
        if q.value < COMMON_BUDGET_MAX_BN:
            return []  # "NATO's military budget is 2.5 billion": the alliance's own budgets, not its allies' spending
        subject = "NATO_TOTAL"
        year, how = s.year_for(q)
        plan = how in ("deadline", "future")
        return [self.claim(s, subject, "def_exp_usd_bn", q.value, q.comparator, year, q, plan=plan, span=False,
                           span_years=None, scale=SCALE[scale], basis=None)]
