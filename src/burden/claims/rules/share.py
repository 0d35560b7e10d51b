"""Share of alliance spending: "the United States accounts for roughly two-thirds of the combined
defence spending of the allies", "57%: the US share of allied defence spending"."""

from __future__ import annotations

import re

from ..coordination import subject_list
from ..extract import Claim, Sentence
from ..gates import gated, needs_of
from ..grammar import folded_pattern
from ..listed import value_after
from ..status import nouns as target_nouns
from .ally_pct import POLL_FOLDED
from .base import Rule
from .figures import COMMON_BUDGET_MAX_BN, data_code, group_owning, money_basis
from .spending import SCALE

SHARE = re.compile(r"\b(?:accounts? for|accounted for|accounting for|responsible for|pays?|paid|financ(?:e|es|ed|ing)|funds|funded"
                   r"|makes? up|made up|making up|represents?|represented|comes? from|came from|compris(?:e|es|ed|ing)"
                   r"|constitut(?:e|es|ed|ing)"
                   r"|shoulders?|shouldered|of what (?:the\s|all\s)?(?:other\s)?(?:allies|members) (?:spend|spent)|share of (?:allied|the alliance's|NATO|total|combined|all)"
                   r"|of (?:the\s|all\s)?(?:(?:NATO|alliance|allies['’]?)\s)?(?:combined|total|overall|allied|everything|all (?:allies|NATO))|allies' combined"
                   r"|of all allies|of (?:the\s)?(?:costs?|bill) of (?:NATO|the alliance|defending)|of NATO"
                   r"|of (?:the\s)?(?:alliance|NATO|bloc)['’]?s?\s(?:total|combined|spending|funding|military budget"
                   r"|defen[cs]e budget|budget))\b", re.I)

_SHARE_FOLDED = folded_pattern(SHARE)  # on Sentence.low (its spans are SHARE's)
# a level aimed at, right before the figure ("committed to reach two percent in defence spending"), beside a target noun
_AIM_BEFORE = re.compile(r"\b(?:to|must|should|would|will)\s(?:reach|meet|hit|achieve|attain|spend|devote|allocate)\s"
                         r"(?:(?:at\sleast|a\sminimum\sof|the|some)\s)?$", re.I)
_NOT_SHARE_TAIL = re.compile(r"^\s{0,2}(?:of\s(?:its|their)?\s?(?:GDP|gross|output|economy)"
                             # a change, not a share: "higher budgets ..., accounting for 2.4% in real terms"
                             r"|in\s(?:real|nominal)\sterms\b"
                             # "represented a 2.7% increase on 2019": a change named right after its figure
                             r"|(?:year-on-year\s|annual\s|real\s)?(?:increase|rise|jump|growth|hike|drop|decrease|decline|fall|cut)s?\b"
                             # a part of the members, not of their spending: "three-quarters of NATO's 28 members"
                             r"|of\s(?:the\s)?(?:(?:NATO|the\salliance|the\sbloc)['’]s\s)?(?:\d+\s|[a-z]+\s)?(?:members|allies|countries|nations|states)\b(?!['’])"
                             r"|of\s(?:the\s)?(?:[\w'’-]+\s){0,3}"
                             r"(?:GDP|gross domestic product|economic output|economies)\b|(?:\w+\s)?"
                             r"(?:guideline|target|goal)\b|of\s(?:the\s)?(?:total\s|overall\s|combined\s)?(?:world['’]?s?|global|worldwide|all\sthe\sworld)\b"
                             # a share of a national budget: "3% of its federal budget", "11% of government spending"
                             r"|of\s(?:its|their|the|the\scountry['’]s)\s(?:[\w'’-]+\s){0,2}?(?:federal|national|state|government|"
                             r"public)\s(?:budgets?|spending|expenditures?|outlays?)\b)", re.I)
# (a share of the world's spending, "39% of world military spending", "a third of global defence outlays", is SIPRI's
# share, not a share of what the allies spend)
GATE = frozenset("accounts account accounted accounting responsible pays pay paid share combined total everything allied "
                 "all finance finances financed financing funds funded funding shoulders shoulder shouldered what provides "
                 "provide provided makes make made making represents represent represented comes come came "
                 "comprise comprises comprised comprising constitute constitutes constituted constituting overall "
                 "quarter quarters third thirds half".split())


# NATO's own common budgets are shared by a cost-share formula: another measure than the share of allied spending
COMMON_FUNDING = re.compile(r"\bcommon (?:budget|budgets|funding|funds)\b|\bcost[- ]share\b|\bcivil budget\b"
                            r"|\bNSIP\b|\bdirect funding\b|\bNATO's own budget\b", re.I)
_COMMON_FUNDING_FOLDED = gated(folded_pattern(COMMON_FUNDING))  # yes/no on Sentence.low
# named loosely, "the bloc's military budget", "NATO's budget / funding" may be either; no ally pays as much as 30% of
# the common budgets (the US cost share is about 16-22%), so a larger share is of what the allies spend together
LOOSE_BUDGET = re.compile(r"\bmilitary budget\b|\b(?:NATO|the alliance|the bloc)['’]s\s(?:budget|funding)\b", re.I)
_LOOSE_BUDGET_FOLDED = gated(folded_pattern(LOOSE_BUDGET))  # yes/no on Sentence.low
_COMMON_SHARE_MAX = 0.3
_LOOSE_REACH = 40  # characters: a loosely named budget this near a figure is what the figure is a share of
_EARLIER = re.compile(r"\b(?:from|up from|down from|compared with|against)\s(?:about\s|nearly\s|almost\s|some\s|roughly\s)?$",
                      re.I)


# "fell from 72% in 2014 to 66% this year": after a figure the share moved from, the one it moved to
_LATER = re.compile(r"\b(?:to|now)\s(?:about\s|nearly\s|almost\s|some\s|roughly\s|around\s|just\s)?$", re.I)
# allies listed after a share, each with its own figure right after its name: "the US bore 68% of allied spending,
# followed by Germany (6%), Britain (5%) and France (4%)", "ahead of A (6%)", "trailed by A with 6% and B at 4%":
# each is a share of its own in the first share's year, not the ally's % of GDP (a figure "of GDP" stays one)
_LIST_CUE = re.compile(r",?\s(?:followed\sby|ahead\sof|trailed\sby|then\scame|next\scame)\s", re.I)
_SHARE_GLUES = frozenset({"possessive", "with", "at", "colon"})
_CLAUSE_BREAK = re.compile(r";|\b(?:while|whereas|but)\b", re.I)


def _listed_after_share(s: Sentence, lead, figure) -> list[str]:
    """The allies whose share the figure is when it is one ally's in a list after the share figure (_LIST_CUE between,
    the figure right after its ally's name, no clause break on the way): that ally, or every ally of the list a
    bracket's value is shared by ("..., and Spain, Greece and Norway (each around 1 pct)"); [] when it is none."""
    cue = _LIST_CUE.search(s.text, lead.end, figure.start)
    if cue is None or _CLAUSE_BREAK.search(s.text, lead.end, figure.start):
        return []
    ally = next((e for e in reversed(s.entities) if e.is_ally and e.end <= figure.start), None)
    if ally is None or ally.start < cue.end():
        return []
    lv = value_after(s.text, ally.end)  # "Germany (6%)", "Germany's 6%", "Germany with 6%", "Germany, at 6%", "Germany: 6%"
    if lv is None or lv.start != figure.start or not (
            lv.glue in _SHARE_GLUES and lv.spaced or lv.glue == "bracket" and lv.plain_bracket and not lv.estimated):
        return []
    listed = subject_list(s.text, s.low, s._subjects, ally, figure.start, figure.end, True) if lv.shared else []
    return [code for code in map(data_code, listed or [ally.code]) if code is not None]


# a share told by a verb alone, no "of" what after its figure ("Germany paid out just 1.2 percent"), in a sentence
# whose earlier figure is a level spent ("The US spent 3.6 percent last year, while Germany ... paid out just 1.2
# percent"): the same measure as that level, its % of GDP, when the figure could be one (rules/ally_pct.py)
_SHARE_VERB = re.compile(r"(?:accounts? for|accounted for|accounting for|responsible for|pays?|paid|financ(?:e|es|ed|ing)|funds"
                         r"|funded|makes? up|made up|making up|represents?|represented|comes? from|came from"
                         r"|compris(?:e|es|ed|ing)|constitut(?:e|es|ed|ing)|shoulders?|shouldered)", re.I)
_BARE_SHARE_VERB = re.compile(r"(?:pays?|paid|financ(?:e|es|ed|ing)|funds|funded|makes? up|made up|making up|represents?"
                              r"|represented|comes? from|came from|compris(?:e|es|ed|ing)|constitut(?:e|es|ed|ing)"
                              r"|shoulders?|shouldered)$", re.I)
_SPENT_LEVEL_BEFORE = re.compile(r"\b(?:spen(?:ds?|t|ding)|devot(?:es?|ed|ing)|allocat(?:es?|ed|ing)|invest(?:s|ed|ing)?)\s"
                                 r"(?:just\s|only\s|about\s|around\s|nearly\s|almost\s|some\s|roughly\s|over\s)?$", re.I)
_OF_AFTER = re.compile(r"\s(?:of|for)\s", re.I)
_GDP_LEVEL_MAX = 10.0  # (no ally has spent more than 10% of its GDP in NATO's tables since 1990; a larger figure is no level)


def _parallel_level(s: Sentence, q, phrase: tuple[int, int]) -> bool:
    """Is the share figure `q` of a bare share verb (_BARE_SHARE_VERB, no "of" after the figure) the level of a
    clause parallel to an earlier figure spent (_SPENT_LEVEL_BEFORE)?"""
    if q.kind != "pct" or q.value > _GDP_LEVEL_MAX or _OF_AFTER.match(s.text, q.end) \
            or not _BARE_SHARE_VERB.search(s.text, phrase[0], phrase[1]):
        return False
    return any(x.kind == "pct" and x.end <= phrase[0] and _SPENT_LEVEL_BEFORE.search(s.text, max(0, x.start - 30), x.start)
               and (not _OF_AFTER.match(s.text, x.end) or _OF_GDP_AFTER.match(s.text, x.end)) for x in s.quantities)


# "pays for more than 60% of the alliance's total", "pays for about two-thirds of NATO's total"
_PAYS_FOR_NATO = gated(folded_pattern(re.compile(r"\b(?:pays?|paid|paying)\s(?:for\s)?(?:about\s|nearly\s|almost\s|over\s|more than\s|less than\s"
                            r"|roughly\s|around\s|some\s|just over\s|just under\s|well over\s)?"
                            r"(?:\d+\s?(?:%|per\s?cent|percent)|(?:a|one|two|three|four)[- ](?:thirds?|quarters?|fifths?)|half)"
                            r"\sof\s(?:NATO|the alliance)\b", re.I)))  # yes/no on Sentence.low


def _tied_to_a_share_phrase(q, phrases: list[tuple[int, int]], text: str = "") -> bool:
    """The figure stands next to a share phrase ("accounts for about two-thirds", "57% of allied spending",
    "the US share of total allied spending fell to 62%"), not in another clause of the sentence ("Italy, at
    1.49%, remains below the target, and the US pays for two-thirds ..."); an aside between dashes after the phrase
    does not count ("its share of total spending—at current prices—fell from 2.4%", `text`: the sentence)."""
    def gap(end: int) -> int:
        aside = _DASH_ASIDE.search(text, end, q.start) if text else None
        return q.start - end - (aside.end() - aside.start() if aside is not None else 0)
    # (a verb after the figure is its subject's next predicate: "spends about 3.5% on defence, and pays 70%"; a phrase
    # before it in another clause is another figure's: "accounts for two-thirds, while Italy (1.5%) still lags")
    return any(0 <= gap(end) <= 40 and not (text and _CLAUSE_BREAK.search(text, end, q.start))
               or 0 <= start - q.end <= 30 and not (text and _SHARE_VERB.fullmatch(text, start, end))
               for start, end in phrases if end <= q.start or start >= q.end)


_DASH_ASIDE = re.compile(r"\s?[—–]\s?[^—–.;]{1,40}?\s?[—–]\s?")


_OF_GDP_AFTER = re.compile(r"\s{0,2}of\s(?:(?:its|their|the|the country['’]s|national)\s)?(?:gdp|gross domestic product|economic output"
                           r"|output)\b", re.I)


# the allies' GDP added up as what a share is of: "54% of the allies' combined GDP", "half of NATO's total GDP", "a
# quarter of allied economic output" (NATO's tables give each ally's GDP in US$ and the total's)
_OF_ALLIED_GDP = re.compile(r"\s{0,2}of\s(?:the\s)?(?:(?:(?:NATO|the\salliance|alliance|allies|members|member\sstates)['’]?s?"
                           r"|allied)\s(?:(?:combined|total|collective|overall|aggregate)\s)?|(?:combined|total|collective)\s"
                           r"(?:allied\s|NATO\s)?)(?:GDP|gross\sdomestic\sproduct|economic\soutput|output)\b", re.I)


# a category of spending named before the figure (its share of the ally's own spending: rules/category.py)
_CATEGORY_BEFORE = re.compile(r"\b(?:equipment|personnel|procurement|infrastructure|research)\s(?:spending|expenditures?|outlays|budgets?)\b",
                              re.I)
# the one group whose share of the allies' spending NATO's tables give (with the US): Europe and Canada
_GROUP_SHARES = frozenset({"NATO_EUR_CAN"})


_SPENDING_WORDS = ("spend", "spent", "budget", "cost", "outlay", "expenditure", "funding")
# a share whose spending the sentence before named ends its clause, or a time ends it: "... accounted for just 36%."
_CARRIED_SHARE_END = re.compile(r"\s?(?:[.,;:!?)]|$|\s(?:in|last|this)\s(?:(?:19|20)\d\d|year)\b)")


# the share noun before a later figure of the sentence, the spending it is of said before: "...; Europe and Canada's
# share was 32%"
_SHARE_NOUN_BEFORE = re.compile(r"['’]s?\sshare\s(?:(?:was|is|stood|stands|came|comes|fell|rose)\s)?(?:at\s|to\s)?"
                                r"(?:about\s|around\s|roughly\s|nearly\s|almost\s|just\s)?$", re.I)


_ITS = re.compile(r"\bits\b", re.I)


def _names_spending(low: str) -> bool:
    """The folded text names defence spending (a literal test, cheaper than a pattern)."""
    return any(w in low for w in _SPENDING_WORDS)


def _owner(s: Sentence, q, phrases: list[tuple[int, int]], share_noun: bool = False) -> str | None:
    """Whose share the figure `q` is: the ally the sentence gives it (sentence.ally_for, groups left out), or Europe and
    Canada when that group is named nearer to the figure than any ally ("European allies and Canada made up 32%,
    while the US accounted for 68%"); None for anyone else (NATO's tables give no other group's share)."""
    group = next((e for e in reversed(s.entities) if e.end <= q.start and e.code in _GROUP_SHARES), None)
    if data_code(s.ally_for(q)) in _GROUP_SHARES and (share_noun or _tied_to_a_share_phrase(
            q, [p for p in phrases if not any(e.start <= p[0] < e.end for e in s.entities)])) \
            and not (group is not None and _ITS.search(s.text, group.end, q.start)):
        # (not "the US GDP matched that of all other members, and its spending accounted for two-thirds": "its" is
        # the ally's)
        # (the "of NATO" of "the European members of NATO and Canada" is the group's name, no share phrase)
        return "NATO_EUR_CAN"
    subject = data_code(s.ally_for(q, groups=False))
    if subject is None or subject.startswith("NATO") and subject not in _GROUP_SHARES:
        return None
    return subject


def _common_budget_amounts(s: Sentence) -> list[tuple[int, int]]:
    """The spans, from the owner's name, of the US$ amounts the alliance owns that are too small to be what the
    allies spend together (its own budgets: figures.COMMON_BUDGET_MAX_BN)."""
    return [(owner.start, q.end) for q in s.quantities if q.kind == "money" and (owner := group_owning(s, q)) is not None
            and q.value * SCALE.get(q.unit_scale.lower(), 1.0) < COMMON_BUDGET_MAX_BN]


class ShareRule(Rule):
    type = "share_of_alliance"
    code = "CLM-SHARE"
    needs = ((GATE, frozenset()), needs_of(gated(_SHARE_FOLDED)))  # (the gate words; what a share phrase needs)

    def find(self, s: Sentence) -> list[Claim]:
        # re.I "spend|spending|budget": the literal "spend" or "budget" in the folded text (cheaper first, same answer)
        if s.is_question or POLL_FOLDED.search_words(s.low, s.tokens) \
                or _COMMON_FUNDING_FOLDED.search_words(s.low, s.tokens) or not _SHARE_FOLDED.search(s.low):
            return []
        carried = False  # the spending the share is of is named in the sentence before, not in this one
        if not (_names_spending(s.low) or _PAYS_FOR_NATO.search_words(s.low, s.tokens)
                or "gdp" in s.words and _OF_ALLIED_GDP.search(s.text)):  # (a share of the allies' GDP alone)
            before = s.carry.previous_low
            if not (_names_spending(before) and _SHARE_FOLDED.search(before)) \
                    or _COMMON_FUNDING_FOLDED.search(before):
                return []
            carried = True  # "The US bore 64% of allied spending. Europe and Canada accounted for 36%."
        phrases = [m.span() for m in _SHARE_FOLDED.finditer(s.low)]
        # (where the sentence names a budget loosely: the share is of it when it stands next to the figure, "16% of
        # NATO's budget", not in another clause, "Italy's military budget stayed below 2% of GDP, its share of ...")
        loose = [m.span() for m in _LOOSE_BUDGET_FOLDED.finditer(s.low)] \
            if _LOOSE_BUDGET_FOLDED.search_words(s.low, s.tokens) is not None else []
        loose += _common_budget_amounts(s)  # ("15.8% of the alliance's yearly outlays of about $3.5 billion")
        of_gdp_end = -1  # where a figure before that was a share of GDP ends: a level it changed from is one too
        gdp_shares: list[Claim] = []  # an ally's share of the allies' combined GDP, beside its share of their spending
        for q in s.free(("fraction", "pct")):
            if _OF_ALLIED_GDP.match(s.text, q.end) and _tied_to_a_share_phrase(q, phrases, s.text) \
                    and (owner := _owner(s, q, phrases)) is not None:
                gdp_shares.append(self._claim(s, owner, q, of_gdp=True))
                s.take(q)
                continue  # "makes up 53% of allied GDP and 66% of allied spending": two claims
            if of_gdp_end >= 0 and q.kind == "pct" and _EARLIER.search(s.text, max(0, q.start - 25), q.start) \
                    and not any(of_gdp_end <= start < q.start for start, _ in phrases):
                continue  # "put 1.61% of its GDP into defence, which would be a rise from 1.48% in 2018" (ally_pct.py)
                # (but not past a share phrase: "surpassed 2 percent of GDP, but its share of total spending fell from")
            if _OF_GDP_AFTER.match(s.text, q.end):
                of_gdp_end = q.end
            if _NOT_SHARE_TAIL.match(s.text[q.end:q.end + 30]) or not _tied_to_a_share_phrase(q, phrases, s.text):
                continue
            verb = next((p for p in reversed(phrases) if p[1] <= q.start), None)
            if verb is not None and _parallel_level(s, q, verb):
                continue  # "The US spent 3.6 percent last year, while Germany paid out just 1.2 percent": a level
            if _AIM_BEFORE.search(s.text, max(0, q.start - 40), q.start) \
                    and target_nouns().search(s.low, max(0, q.start - 100), q.start):
                continue  # "the promise that every member must reach 2% in defence spending": a pledge's level
            if _CATEGORY_BEFORE.search(s.text, max(0, q.start - 80), q.start):
                continue  # "equipment spending as a percentage of overall defence spending is 29.9%": a category
            if any(q.start - _LOOSE_REACH <= end and start <= q.end + _LOOSE_REACH for start, end in loose) \
                    and (q.value if q.kind == "fraction" else q.value / 100) < _COMMON_SHARE_MAX:
                continue  # "16% of NATO's budget": the common budget's cost share, not checked
            if carried and not _CARRIED_SHARE_END.match(s.text, q.end):
                continue  # "Germany accounted for 20% of the rise": a share of something else than the spending
            subject = _owner(s, q, phrases)
            if subject is None:
                continue
            out = [self._claim(s, subject, q)]
            s.take(q)
            # (a figure in a clause before the share phrase is another claim's: "Turkey surpassed the guideline of
            # 2 percent of GDP, but its share of total spending fell from 2.4% ...")
            first = min((start for start, end in phrases if end <= q.start), default=q.start)
            for other in s.free(("fraction", "pct")):
                if other.end <= first and "," in s.text[other.end:first]:
                    continue
                later = other.start > q.end
                noun = _SHARE_NOUN_BEFORE.search(s.text, max(0, other.start - 30), other.start) if later else None
                owner = _owner(s, other, phrases, noun is not None) if later else None
                verb = next((p for p in reversed(phrases) if p[1] <= other.start), None)
                if owner is not None and owner != subject and not _NOT_SHARE_TAIL.match(s.text[other.end:other.end + 30]) \
                        and not _OF_GDP_AFTER.match(s.text, other.end) and not (verb and _parallel_level(s, other, verb)) and (
                            noun is not None or _tied_to_a_share_phrase(other, phrases, s.text)):
                    # every share its own owner's: "the US bore 64%, with Europe and Canada accounting for 36%"; with
                    # no time of its own, the first share's ("... 68% last year; Europe and Canada's share was 32%")
                    own_year, how = s.year_for(other)
                    out.append(self._claim(s, owner, other, out[0].year if how == "present" else own_year))
                    s.take(other)
                    continue
                if other.kind == "pct" and _OF_GDP_AFTER.match(s.text, other.end) \
                        and not target_nouns().search(s.low, max(0, other.start - 60), other.start):
                    continue  # "... and spends 3.4% of GDP": a share of GDP, a claim of its own (rules/ally_pct.py),
                    # unless it names a target's level ("the target of budgets of 2 percent of GDP")
                if other.kind == "pct" and (owner := data_code(s.ally_for(other, groups=False))) is not None \
                        and owner != subject and len(owner) == 3:
                    if listed := _listed_after_share(s, q, other):
                        # (a value the list shares is one claim of the list, each ally judged, as real news is
                        # labelled: "..., and Norway, Denmark and Belgium (each about 1%)")
                        out.append(self._claim(s, ",".join(listed), other, out[0].year))
                        s.take(other)
                    continue  # "..., such as Latvia (now fourth, with 3.15%)": another ally's figure, its own claim
                if _EARLIER.search(s.text, max(0, other.start - 25), other.start) \
                        or _EARLIER.search(s.text, max(0, q.start - 25), q.start) and _LATER.search(s.text, max(0, other.start - 25), other.start):
                    out.append(self._claim(s, subject, other))  # "fallen to nearly 60%, from two-thirds two years ago"
                s.take(other)  # else "a large share, but well short of 90 percent" restates the same claim
            return gdp_shares + out
        return gdp_shares

    def _claim(self, s: Sentence, subject: str, q, year: int | None = None, of_gdp: bool = False) -> Claim:
        value = q.value if q.kind == "fraction" else q.value / 100
        comparator = "approx" if q.kind == "fraction" and q.comparator == "eq" else q.comparator
        if year is None:
            year, _ = s.year_for(q)
        metric = "share(gdp_usd, NATO_TOTAL)" if of_gdp else "share(def_exp_usd, NATO_TOTAL)"
        return self.claim(s, subject, metric, round(value, 3), comparator, year, q,
                          decimals=q.decimals + 2 if q.kind == "pct" else 3, basis=money_basis(s), of_gdp=of_gdp)
