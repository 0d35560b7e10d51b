"""Comparisons between two subjects: "a bigger share of national output than Washington", "spent less
of its GDP than Lithuania", "nearly double what the European allies and Canada spend"."""

from __future__ import annotations

import dataclasses
import functools
import re

from ..context import follows
from ..extract import Claim, Sentence
from ..grammar import folded
from ..lexicon import rows
from ..verify import GDP
from .base import Rule
from .count_threshold import _sentence_year
from .figures import data_code, money_basis

SHARE_CMP = re.compile(r"\b(?P<dir>bigger|larger|higher|greater|smaller|lower)\s(?:share|proportion|percentage)\b"
                       r"|\b(?P<dir2>more|less)\sof\s(?:its|their)\s(?:GDP|economy|output|national output)", re.I)
RATIO = re.compile(r"\b(?P<hedge>nearly|almost|about|roughly|more than|over)?\s?(?P<r>double|twice|triple|three times"
                   r"|half)\s(?:what|that of|as much as|the)\b", re.I)
RATIOS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "three times": 3.0, "half": 0.5}
_TARGET_AFTER = re.compile(r"\s(?:NATO['’]s\s|NATO\s|the\salliance['’]s\s)?(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s)?"
                           r"(?:[\w-]+\s)?(?:target|guideline|goal|benchmark|threshold)\b", re.I)
HEDGES = {"nearly": "nearly", "almost": "nearly", "about": "approx", "roughly": "approx", "more than": "gt",
          "over": "gt", None: "approx"}

# "the US spends more than all the other allies combined", "outspends the rest of the alliance put together"
# ("more on defence than all its allies combined": the others, "combined" or "together" after them)
# ("the rest of NATO combined", "the rest put together", "the others combined", "rest of NATO's members together")
ALL_OTHERS = re.compile(r"\b(?P<dir>more|less|outspends|outspent)\s(?:(?:on|in|into)\s(?:defen[cs]e|its military|the military)\s)?"
                        r"(?:(?:last|this)\syear\s|in\s\d{4}\s)?(?:than\s)?(?:all\s)?(?:of\s)?(?:the\s|its\s|their\s)?"
                        r"(?:every\s(?:other\s)?(?:NATO\s)?(?:ally|member|country)"
                        r"|(?:(?:other|rest of the|remaining|fellow)\s)?(?:\d+\s)?(?:NATO\s)?(?:allies|members|countries|alliance|partners)"
                        r"|rest\sof\s(?:NATO|the\salliance)(?:['’]s\s(?:\d+\s)?(?:other\s)?(?:allies|members|countries))?|rest|others)\s"
                        r"(?:combined|together|put together)\b", re.I)
_SEVERAL_YEARS = re.compile(r"\b(?:over|across|in)\s(?:the\s)?(?:past\s|last\s)?(?:\w+\s)?(?:years|decades?)\b|\bsince\s\d{4}",
                            re.I)
# an ally's share of GDP as a multiple of its own share some years before ("over twice its share of ten years
# earlier", "twice its level of ten years ago", "nearly triple its 2014 share"; on the folded text)
_OWN_PAST_RATIO = re.compile(r"\b(?:(?P<hedge>nearly|almost|about|roughly|more\sthan|over)\s)?(?P<r>double|twice|triple|three\stimes)"
                             r"\s(?:the\s(?:country|nation)['’]s\s|its\s|their\s)(?:own\s)?(?:(?P<y>(?:19|20)\d\d)\s)?"
                             r"(?:figure|level|share|ratio|spending)"
                             r"(?(y)|\s(?:from|of)\s(?:(?P<decade>a\sdecade)|(?P<n>\w+)\syears)\s(?:ago|earlier|before))\b")
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                  "fifteen": 15, "twenty": 20}
GATE = frozenset("bigger larger higher greater smaller lower more less double twice triple half times outspends "
                 "outspent".split())
# a comparing verb between two allies (lexicon/<language>/compare.csv): every row holds one of these words
_VERB_WORDS = frozenset("above below ahead overtaken overtook overtakes surpassed surpasses outstripped outstrips outpaced outpaces "
                        "outspends outspent ahead trails trailed lags lagged behind trailing than".split())
_SPENDING_WORDS = frozenset("spending spends spend spent defence defense gdp budget budgets military share outspends outspent "
                            "outspend".split())
# money named: the verb compares US$, which is not read; a rank after the second ally ("overtaken Britain as the
# biggest spender") is the rank rule's
_WORD = re.compile(r"[a-z]+")
_SHARE_NAMED = re.compile(r"\b(?:relative to|as a (?:share|percentage|proportion) of|proportionally|relatively|in relative terms|"
                          r"in relation to|measured against|of (?:its|their) (?:GDP|economy|economic output))\b|\bshare of\b"
                          r"|(?:%|\bper\s?cent)\sof\s(?:its\s|their\s)?GDP\b", re.I)
# between two allies of a list: "Romania and Lithuania", "Poland, at more than 4%, and tiny Estonia"
_AND_LIST = re.compile(r"(?:,\s(?:at|with|on)\s[^,]{1,24})?(?:,|,?\sand)\s(?:the\s)?(?:[a-z]+\s)?")
# after a figure: "2.5% of GDP this year, above Poland", "3.1%, just behind Latvia"
_AFTER_FIGURE = re.compile(r"(?:\sof\s(?:its\s|their\s)?GDP)?(?:\sthis\syear|\sin\s\d{4})?,\s(?:just\s|well\s|still\s|now\s)?"
                           r"(?P<dir>above|ahead of|below|behind)\s(?:the\s)?", re.I)
_BRACKETED_VALUE = re.compile(r"\s?\(\s?\d")
_CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas)\b|\s(?:while|whereas)\b")
_MONEY_NAMED = re.compile(r"\$|\b(?:dollars?|euros?|billion|absolute|cash|monetary|money)\b", re.I)
_BARE_VERBS = frozenset("overtaken overtook overtakes surpassed surpasses outstripped outstrips outpaced outpaces trails trailed "
                        "lags lagged".split())
# nothing after the second ally but the end of the clause, an adverb or the year: the measure is the paragraph's
_BARE_AFTER = re.compile(r"(?:\s(?:now|already|too|as\swell|again|this\syear|last\syear|in\s\d{4}))*[\s.,;:!?\"'”’)]*"
                         # (a quotation's source after it: '... surpasses the US," the paper reports.')
                         r"(?:(?:the\s)?(?:[A-Z][\w'’-]*\s){1,3}(?:reports?|reported|says|said|writes|wrote|notes|noted|adds|added)[\s.!]*)?")
# a relative clause on the second ally ends what it is compared by: "has overtaken the US, which had led for years"
_RELATIVE_AFTER = re.compile(r",\s(?:which|who)\b")
_AS_RANK_AFTER = re.compile(r"\s(?:as|to become)\s(?:the\s)?(?:\w+['’]s\s)?(?:\w+\s)?(?:biggest|largest|top|highest|"
                            r"lowest|smallest|leading|second|third|fourth|fifth)\b", re.I)


# between two coordinated subjects right before the verb: "Slovenia and Luxembourg", "Belgium, Spain and Italy"
_AND_JOINED = re.compile(r"(?:,|,?\sand|,?\s&)\s(?:the\s)?")
_THAN_BEFORE = re.compile(r"\bthan\s(?:the\s)?$|\b(?:overtaken|overtook|surpassed|behind|ahead\sof|trails|trailed)\s(?:the\s)?$", re.I)
_AND_LAST = re.compile(r",?\s(?:and|&)\s(?:the\s)?")


# a verb that places the first ally against the others: "this figure puts Spain behind Belgium", "which places it
# ahead of Latvia", "leaving Canada below Italy"
_PLACES_BEFORE = re.compile(r"\b(?:places?|placed|placing|puts?|putting|leaves?|left|leaving|ranks?|ranked|ranking)\s$", re.I)


def _listed_from(s: Sentence, allies, b) -> list:
    """The ally `b` and the allies listed right after it ("behind Slovenia, Luxembourg and Belgium")."""
    listed = [b]
    for e in allies[allies.index(b) + 1:]:
        if e.kind == "group" or not _AND_JOINED.fullmatch(s.text, listed[-1].end, e.start):
            break
        listed.append(e)
    return listed


_THAN = re.compile(r"\s(?:than|compared\s(?:to|with))\s")


def _than_after(text: str, at: int) -> int:
    """Where the second party of "a higher share ... than / compared to / versus X" is introduced, else -1."""
    m = _THAN.search(text, at)
    return -1 if m is None else m.start()


def _share_before(s: Sentence, a, b) -> bool:
    """The sentence right before gave one of the two allies its % of GDP ("Spain spends 1.28% of its GDP, the least.
    Slovenia and Luxembourg spend slightly more than Spain."): "spends more than" compares that share."""
    level = s.carry.level
    return level is not None and level.subject in (a.code, b.code) and follows(s, level.end)


_EACH_OTHER = re.compile(r"\b(?:rest|other|others|remaining)\b", re.I)
_AVERAGE_AFTER = re.compile(r"['’]?s?\s(?:overall\s|collective\s)?average\b", re.I)


def _aggregate(s: Sentence, e) -> str | None:
    """The stored aggregate a group entity stands for as a party compared by share of GDP: "the NATO / alliance
    average" (NATO_TOTAL), the European allies and Canada (NATO_EUR_CAN); None for any other group."""
    if e.code == "NATO":
        return "NATO_TOTAL" if _AVERAGE_AFTER.match(s.text, e.end) else None
    if _EACH_OTHER.search(s.text, e.start, e.end):
        return None  # ("trails the rest of the alliance", "all the other allies": each of them, not their aggregate)
    return e.code if e.code in ("NATO_TOTAL", "NATO_EUR_CAN") else None


def _only_before(s: Sentence, a) -> bool:
    """"only Luxembourg spends less than Spain": Spain's rank (CLM-RANK), not a pair."""
    return s.low.endswith(("only ", "only the "), 0, a.start)


def _figures_before(s: Sentence) -> bool:
    """The sentence follows figures of its paragraph or of the one right before it (wire copy puts each sentence in
    a paragraph of its own): a bare "Estonia now surpasses the US." compares what they spoke of."""
    return s.carry.year is not None and 0 <= s.paragraph - s.carry.paragraph <= 1


def _bare_end(s: Sentence, at: int, hi: int) -> int:
    """Where what follows the second ally at `at` may say what is compared: the clause end, or a relative clause on
    that ally (", which had led the ranking for years": about the ally, not the comparison)."""
    m = _RELATIVE_AFTER.search(s.text, at, hi)
    return hi if m is None else m.start()


@functools.cache
def _verbs() -> re.Pattern:
    """One pattern over the rows of compare.csv: group "gt" or "lt" names the direction of the verb found, group
    "share" takes part when the row needs a share of GDP named in the sentence."""
    parts = []
    for row in rows("compare"):
        name = row["direction"] + {"yes": "_share", "placed": "_placed"}.get(row["share"], "")
        parts.append((name, row["pattern"]))
    groups: dict[str, list[str]] = {}
    for name, pattern in parts:
        groups.setdefault(name, []).append(pattern)
    body = "|".join(f"(?P<{name}>" + "|".join(patterns) + ")" for name, patterns in groups.items())
    # (an aside with the first ally's figure may stand between: "Denmark, at 3.22%, has overtaken the US"; a list
    # of first allies says "both": "Romania and Lithuania both spend more than Poland")
    return re.compile(r"(?:,\s(?:at|with|on)\s[^,]{1,24},)?(?:\s|(?=['’]))(?:(?P<every>both|all|each)\s|also\s)?(?:" + body
                      + r")\s(?:that\sof\s|those\sof\s)?(?:the\s)?$", re.I)
_SHARE_NOUNS = frozenset({"share", "proportion", "percentage"})
_OWN_PAST_WORDS = frozenset({"its", "their", "country", "nation"})  # (every _OWN_PAST_RATIO match holds one)
_SHARE_DIRS = frozenset({"bigger", "larger", "higher", "greater", "smaller", "lower"})
_OF_WHOSE, _MORE_LESS = frozenset({"its", "their"}), frozenset({"more", "less"})


class ComparisonRule(Rule):
    type = "comparison"
    code = "CLM-COMPARE"
    needs = ((GATE | _VERB_WORDS, frozenset()),)  # (the dispatcher tests the gate words)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        tokens = s.tokens
        # every SHARE_CMP match holds (as whole words of grammar.folded text, which s.tokens are) one of _SHARE_NOUNS
        # and one of _SHARE_DIRS, or "of", one of its/their and one of more/less; every RATIO match holds one of its
        # ratio words (not always as a whole word: "nearlydouble what")
        m = SHARE_CMP.search(s.text) if (
            not tokens.isdisjoint(_SHARE_NOUNS) and not tokens.isdisjoint(_SHARE_DIRS)
            or "of" in tokens and not tokens.isdisjoint(_OF_WHOSE) and not tokens.isdisjoint(_MORE_LESS)) else None
        than = _than_after(s.text, m.end()) if m else -1
        if m and than >= 0 and "any other" not in s.text[than:than + 20]:
            subs = [e for e in s.subjects() if e.is_ally or e.code in ("NATO_EUR_CAN",)]
            a = [e for e in subs if e.end <= m.start()]
            b = [e for e in subs if e.start > than] or [
                dataclasses.replace(e, code=code) for e in s.subjects() if e.start > than and (code := _aggregate(s, e))]
            if a and b and not _only_before(s, a[-1]) and a[-1].code != b[0].code:  # (no ally is compared with itself)
                bigger = (m.group("dir") or m.group("dir2")).lower() in ("bigger", "larger", "higher", "greater", "more")
                return [self.claim(s, a[-1].code, GDP, b[0].code, "gt_entity" if bigger else "lt_entity",
                                   _sentence_year(s), kind="share", other=b[0].code)]
        if not tokens.isdisjoint(_VERB_WORDS) and (not tokens.isdisjoint(_SPENDING_WORDS) or "%" in s.text
                                                   or not tokens.isdisjoint(_BARE_VERBS) and _figures_before(s)):
            found = self._verb_comparison(s)
            if found:
                return found
        # re.I "spend|spending" is the literal "spend" in the folded text
        low = s.low
        if "combined" in tokens or "together" in tokens:
            c = ALL_OTHERS.search(s.text)
            if c:
                a = [e for e in s.subjects() if e.end <= c.start() and e.is_ally]
                if a and a[-1].code == "USA":  # the only ally whose "all the others" is a published aggregate
                    more = c.group("dir").lower() in ("more", "outspends", "outspent")
                    # "over the last eight years ...": a sum over several years, which no edition publishes (no year)
                    year = None if _SEVERAL_YEARS.search(s.text) else _sentence_year(s)
                    return [self.claim(s, "USA", "ratio(def_exp_usd, NATO_EUR_CAN)", 1.0, "gt" if more else "lt",
                                       year, kind="ratio", other="NATO_EUR_CAN", basis=money_basis(s))]
        if not tokens.isdisjoint(_OWN_PAST_WORDS) and (own := self._own_past_ratio(s)):
            return own
        r = RATIO.search(s.text) if "spend" in low and ("double" in low or "twice" in low or "half" in low
                                                        or "triple" in low or "times" in low) else None
        if r and _TARGET_AFTER.match(s.text, r.end()):
            r = None  # "nearly double the NATO 2% guideline": a multiple of the target (CLM-PCT-GDP), no ally compared
        if r:
            b = [e for e in s.subjects() if e.start > r.end()]
            a = [e for e in s.subjects() if e.end <= r.start() and e.is_ally]
            subject = a[-1].code if a else s.carry.usd_subject
            if b and subject:
                other = data_code(b[0].code) or "NATO_TOTAL"
                hedge = HEDGES.get((r.group("hedge") or "").lower() or None, "approx")
                average = _aggregate(s, b[0]) if b[0].code == "NATO" else None
                if average:
                    other = average  # "twice the NATO average": the alliance's share, not its total
                if (_SHARE_NAMED.search(s.text) or average) and not _MONEY_NAMED.search(s.text) and len(subject) == 3 \
                        and (b[0].is_ally or average):  # "twice as much as Germany relative to GDP": shares of GDP
                    return [self.claim(s, subject, f"ratio(def_exp_pct_gdp, {other})", RATIOS[folded(r.group("r"))],
                                       hedge, _sentence_year(s), kind="share_ratio", other=other)]
                year = s.carry.usd_year or _sentence_year(s)
                return [self.claim(s, subject, f"ratio(def_exp_usd, {other})", RATIOS[folded(r.group("r"))],
                                   hedge, year, kind="ratio", other=other, basis=money_basis(s))]
        return []

    def _own_past_ratio(self, s: Sentence) -> list[Claim]:
        """"That is over twice its share of ten years earlier": the share of GDP of the ally the
        sentence names (or the one carried from before) in the year it speaks of, over its own share some years
        earlier, in one edition."""
        m = _OWN_PAST_RATIO.search(s.low)
        if m is None:
            return []
        allies = [e for e in s.subjects() if e.is_ally and e.end <= m.start()]
        subject = allies[-1].code if allies else s.carry.subject
        # the figure compared is the one talked about (its year carried from before) or the present one; "a decade
        # ago" is counted back from the article's date
        year = s.carry.year if not allies and s.carry.year is not None else s.latest_year()
        back = 10 if m.group("decade") else _SMALL_NUMBERS.get(m.group("n") or "", 0)
        base = int(m.group("y")) if m.group("y") else s.today.year - back if back else None
        if not subject or len(subject) != 3 or base is None or year is None or base >= year:
            return []
        hedge = HEDGES.get(m.group("hedge"), "approx")
        return [self.claim(s, subject, f"ratio(def_exp_pct_gdp, {base})", RATIOS[m.group("r")], hedge, year,
                           kind="own_past_ratio", other=subject, base_year=base)]

    def _verb_comparison(self, s: Sentence) -> list[Claim]:
        """"Denmark has now overtaken the United States in defence spending", "Italy trails Spain": the first ally
        against the second, by % of GDP (nothing is read when money is named or the sentence ranks)."""
        # (Entity.is_ally without a call each; an aggregate with a share of GDP of its own, "the NATO average",
        # may be the second party)
        allies = [e for e in s.entities if e.kind != "group" or _aggregate(s, e)]
        if len(allies) < 2 or _MONEY_NAMED.search(s.text) or s.quantities and any(q.kind == "money" for q in s.quantities):
            return []  # two allies to compare, and no money named
        out: list[Claim] = []
        for a, b in zip(allies, allies[1:], strict=False):
            if a.kind == "group":
                continue
            m = _verbs().search(s.text, a.end, b.start)
            if m is None or m.start() != a.end or a.code == b.code or _AS_RANK_AFTER.match(s.text, b.end):
                continue
            if b.kind == "group":
                b = dataclasses.replace(b, code=_aggregate(s, b))
            kind = next((name for name in ("gt", "lt", "gt_share", "lt_share", "gt_placed", "lt_placed")
                         if m.groupdict().get(name)), "")
            if kind.endswith("_share") and not _SHARE_NAMED.search(s.text) and not _share_before(s, a, b):
                continue  # "Germany spends more than France": money, not read
            if kind.endswith("_placed") and not _PLACES_BEFORE.search(s.text, max(0, a.start - 30), a.start):
                continue  # ("Spain behind Belgium" with no verb placing Spain there: no comparison read)
            lo = max((c.end() for c in _CLAUSE_BREAK.finditer(s.text, 0, a.start)), default=0)
            hi = next((c.start() for c in _CLAUSE_BREAK.finditer(s.text, b.end)), len(s.text))
            if _SPENDING_WORDS.isdisjoint(_WORD.findall(s.low[lo:hi])) and not any(
                    q.kind == "pct" and lo <= q.start < hi for q in s.quantities) and not (
                    _BARE_AFTER.fullmatch(s.text, b.end, _bare_end(s, b.end, hi)) and _figures_before(s)):
                continue  # "Italy trails Spain in the polls, and ... defence": no spending in the verb's clause
                # (but "Estonia now surpasses the US." bare, in a paragraph of figures, compares what it speaks of)
            firsts = [a]
            # "A and B (both) spend more than C": the allies joined to the first right before the verb
            for e in reversed(allies[:allies.index(a)]):
                if not (_AND_LIST.fullmatch(s.text, e.end, firsts[0].start) if m.group("every")
                        else _AND_JOINED.fullmatch(s.text, e.end, firsts[0].start)
                        and not _THAN_BEFORE.search(s.text, max(0, e.start - 12), e.start)):
                    break  # ("... more than Germany, and Latvia's share is higher": Germany ends another comparison)
                firsts.insert(0, e)
            if len(firsts) > 1 and not m.group("every") and not _AND_LAST.fullmatch(s.text, firsts[-2].end, a.start):
                firsts = [a]  # ("Italy, Spain trails Germany": no list without "and")
            if _only_before(s, firsts[0]):
                continue
            if kind.endswith("_placed"):  # "puts Spain behind Slovenia, Luxembourg and Belgium": a claim for each
                out.extend(self.claim(s, a.code, GDP, other.code, "gt_entity" if kind.startswith("gt") else "lt_entity",
                                      _sentence_year(s), kind="share", other=other.code)
                           for other in _listed_from(s, allies, b) if other.code != a.code)
                continue
            if m.group("every"):  # "A and B both spend more than C": a claim for each
                for first in firsts:
                    if first.code != b.code:
                        out.append(self.claim(s, first.code, GDP, b.code, "gt_entity" if kind.startswith("gt")
                                              else "lt_entity", _sentence_year(s), kind="share", other=b.code))
                continue
            codes = [first.code for first in firsts if first.code != b.code]
            if codes:  # "A and B spend more than C": one claim of the list, each of its allies on that side
                out.append(self.claim(s, ",".join(dict.fromkeys(codes)), GDP, b.code,
                                      "gt_entity" if kind.startswith("gt") else "lt_entity", _sentence_year(s),
                                      kind="share", other=b.code))
        return out + self._after_a_figure(s, allies)

    def _after_a_figure(self, s: Sentence, allies) -> list[Claim]:
        """"Lithuania is expected to spend 2.5% of GDP this year, above Poland": the figure's ally against the one
        named after it (the figure is read by CLM-PCT-GDP)."""
        if "above" not in s.words and "below" not in s.words and "ahead" not in s.words and "behind" not in s.words:
            return []
        out = []
        for q in s.quantities:
            if q.kind != "pct":
                continue
            m = _AFTER_FIGURE.match(s.text, q.end)
            if m is None:
                continue
            b = next((e for e in allies if e.start == m.end()), None)
            a = s.ally_for(q)
            if b is None or a is None or len(a) != 3 or a == b.code or _BRACKETED_VALUE.match(s.text, b.end):
                continue  # ("topped the list at 3.82%, ahead of the US (3.52%) and ...": a ranked list of figures)
            out.append(self.claim(s, a, GDP, b.code, "gt_entity" if m.group("dir").lower() in ("above", "ahead of")
                                  else "lt_entity", s.year_for(q)[0], kind="share", other=b.code))
        return out
