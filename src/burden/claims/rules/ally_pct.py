"""An ally's or a group's defence spending as % of GDP in a year ("Poland is at 3.9 per cent of GDP",
"Italy reached the 2% target last year", "the European allies and Canada ... 2.02%")."""

from __future__ import annotations

import functools
import re

from .. import negation
from ..context import Level, among_them, same_as_before, so_does_after
from ..coordination import subject_list
from ..dates import future
from ..extract import (
    COMPARED_BEFORE_FOLDED,
    PLAN_WORDS_FOLDED,
    PRESENT_TENSE_FOLDED,
    TARGET_OF_BEFORE,
    Claim,
    Sentence,
)
from ..frame import clause_bounds, figure_modality, speaker_of
from ..gates import Gated, gated
from ..grammar import folded_pattern
from ..lexicon import alternation, patterns, rows, words
from ..quantities import Quantity
from ..status import covering as status_covering
from ..status import level_after, target_tokens
from ..status import nouns as target_nouns
from ..verify import OPPOSITE
from . import level_change, set_members
from .base import Rule
from .figures import GROUP_DATA_CODE as _GROUP_DATA_CODE
from .figures import (
    MAX_PLAUSIBLE_PCT_GDP,
    NORM_MET_BEFORE,
    NORM_OWNER_BEFORE,
    NORM_STATED,
    data_code,
    is_plan_before,
    states_current_estimate,
)
from .real_change import non_ally_before

GDP_TAIL = re.compile(r"^\s{0,2}(?:\(\w+\)\s)?of\s(?:the\ssize\sof\s)?(?:(?:its|their|the|his|her|our|combined|national|the country's"
                      r"|Canada's|\w+(?:['’]s?)?|economic|annual|total|gross|\([^()]{1,24}\))\s){0,2}"  # "of its (much larger) GDP"
                      r"(?:(?:combined|collective|aggregate|total)\s)?"  # "of the allies' combined GDP"
                      r"(?:GDP|G\.D\.P\.?|gross domestic product|output|economy|national output"
                      r"|national income|GNP|G\.N\.P\.?|GNI|gross national (?:product|income)|(?:national\s)?wealth)", re.I)
LISTICLE_ALLY = re.compile(r"^:\s(?:the\s)?[A-Z]")  # "1.19%: Luxembourg in 2024"
OTHER_TAIL = re.compile(r"^\s{0,2}of\s", re.I)
REFERENCE_TAIL = re.compile(r"^\s{0,2}(?:\w+\s)?(?:target|guideline|mark|line|level|floor|goal|threshold|benchmark"
                            r"|pledge|core level|spending target|quota|requirement|minimum)\b", re.I)
REACH_BEFORE = re.compile(r"\b(?P<verb>reach\w*|hit|hits|meets?|met|meeting|pass\w*|crossed|cross|above|below|clears?"
                          r"|exceed\w*|past|miss\w*|short of)\s(?:\w+['’]?s?\s){0,3}$", re.I)
GROWTH_BEFORE = re.compile(r"\b(?:by(?!\s\w+ing\s)|grow\w*|grew|rise|rose|risen|increase\w*|jump\w*|up from|down from|cut\w*)\s{1,3}"
                           r"(?:\w+\s){0,2}$", re.I)  # (not "by spending 2%": how a goal was met)
SPEND_CONTEXT = re.compile(r"\b(?:spend\w*|spent|devot\w*|puts?|is at|was at|at|budget|share|defen[cs]e|reach\w*|paying|pays|paid|contribut\w*"
                           r"|allocat\w*|earmark\w*|clear\w*|lag\w*|stands?|sits?|hover\w*|on|with"
                           r"|estimate\w*|followed|GDP|hit|hits|meets?|met|pass\w*|exceed\w*"
                           # a figure quoted from a source or for the subject just named: "NATO's July table says
                           # 2.13%", "the latest figure is 2.16%", "last year it was 3.39%", "it is closer to 2%"
                           r"|says|said|puts?|shows?|figure|update|table|report|data|it (?:is|was)|closer to|close to"
                           r"|averag\w*|came to|comes to|amount\w* to"
                           # a place in a league table of spending, or the spending named: "is in second place – 3.5%",
                           # "ranks third with 2.8%", "the most modest expenses ... – 0.6%"
                           r"|in \w+ place|ranks?|ranked|expenses|expenditures?|outlays)\b",
                           re.I)
_SPEND_CONTEXT_FOLDED = folded_pattern(SPEND_CONTEXT)
TARGET_WORDS = re.compile(r"\b(?P<verb>meets?|met|meeting|reach\w*|hit|hits|miss\w*|falls? (?:just\s)?short of"
                          r"|fell (?:just\s)?short of|(?:just\s|well\s|still\s)?below|(?:just\s|well\s)?above)\s"
                          r"(?:the\s|its\s|their\s)(?:2\s?%\s|2 per cent\s|two per cent\s|NATO\s|alliance's\s|spending\s|defen[cs]e\s"
                          r"spending\s)?(?:target|guideline|goal|mark|requirements?\b)",
                          re.I)
# the level a change starts from is a level: "up from 1.9%", "a rise from the 3.92% of GDP it spent last year"
_UP_FROM = re.compile(r"\bup from\b|\bfrom\s(?:the\s|its\s|their\s)?(?:about\s|nearly\s|just\s|only\s)?$")
# "grew by $4 billion, or 12 percent": a change given in money, then in per cent (on the folded window)
_CHANGE_OR_BEFORE = re.compile(r"\b(?:by|up|down)\s(?:about\s|some\s|nearly\s|roughly\s)?[$€£]?[\d.,]+\s?(?:bn|billion|million"
                               r"|trillion|mn)?,?\s(?:or|and)\s(?:about\s|some\s|nearly\s|roughly\s|almost\s)?$")
# a threshold left unnamed: "A and B, who also fall short on their spending", "new estimates show Poland has dipped
# under" (the guideline, or the threshold the sentence before talked about), "is already above": each is a claim
# below (or above) that threshold for the ally (and every ally listed with it)
IMPLIED_THRESHOLD = re.compile(r"\b(?P<verb>(?:falls?|fell|falling)\s(?:well\s|far\s|just\s)?short|(?:dipped|slipped|fallen|fell|"
                               r"dropped|sunk|sank|gone)\s(?:back\s)?(?:under|below)|(?:remains?|remained|stays?|stayed)\s(?:well\s|far\s|just\s)?"
                               r"(?:under|below|short)|(?:lags?|lagged|lagging|trails?|trailed|trailing)\s(?:(?:even\s)?(?:further|farther)\s|"
                               r"(?:well|far|way|still)\s)?behind)"
                               r"(?=\s*(?:[.,;!)—–]|$)|\s(?:in\s(?:19|20)\d\d|this\syear|last\syear)\b|\s(?:on|in|with)\s(?:their|its|his|her)\s(?:[\w-]+\s){0,3}"
                               r"(?:spending|budgets?|expenditure|outlays?)\b|\s(?:it|that|that mark|that level|that line)\b)",
                               re.I)
# between an ally and the IMPLIED_THRESHOLD phrase said of it: a comma, a copula, adverbs (folded text)
_RIGHT_BEFORE_IMPLIED = re.compile(r",?\s(?:(?:is|are|was|were|have|has|had|been|still|also|now|all|both|already)\s)*")
# the verbs of IMPLIED_THRESHOLD in the present: the latest year, not the year talked about before
_PRESENT_IMPLIED = ("fall ", "falls ", "falling ", "lag ", "lags ", "trail ", "trails ")
_IMPLIED_WORDS = frozenset({"short", "under", "below", "behind"})
_IMPLIED_VERBS = frozenset("fall falls fell falling dipped slipped fallen dropped sunk sank gone remain remains remained stay "
                           "stays stayed lag lags lagged lagging trail trails trailed trailing".split())  # one each match holds
# Patterns that only answer yes/no run without re.I on the folded window (grammar.folded_pattern: same spans), behind
# the literal gate read from the pattern itself (gates.gated: tried only when a word every match holds is there).
_GROWTH_BEFORE_FOLDED = gated(folded_pattern(GROWTH_BEFORE))
_REACH_BEFORE_FOLDED = gated(folded_pattern(REACH_BEFORE))
_TARGET_WORDS_FOLDED = gated(folded_pattern(TARGET_WORDS))
# REFERENCE_TAIL, GDP_TAIL and OTHER_TAIL in one anchored match: a top-level alternation tries each branch to the
# end before the next, so lastgroup is "ref" iff REFERENCE_TAIL matches, else "gdp" iff GDP_TAIL matches, else
# "other" iff OTHER_TAIL matches (each branch keeps its own ^\s{0,2}, so no branch is tried at another start).
_TAILS_FOLDED = folded_pattern(re.compile("|".join(f"(?P<{name}>{regex.pattern})" for name, regex in (
    ("ref", REFERENCE_TAIL), ("gdp", GDP_TAIL), ("other", OTHER_TAIL))), re.I))
# Two exact shortcuts before _TAILS_FOLDED on the window low[end:end + 60] (tests/test_claims_fastpaths_rules.py):
# - every branch starts with ^\s{0,2} and then \w, "(" or "o", so a window whose first character is none of
#   \s, \w and "(" (these ASCII punctuation marks) matches no branch: tail None;
# - a window starting with "of gdp" after at most one space is "gdp": REFERENCE_TAIL fails there (its optional
#   \w+\s can only take "of ", and no reference word starts with "of" or "gdp"), and GDP_TAIL matches ("of ",
#   no modifier, "gdp"); which modifiers it might also try does not change lastgroup.
# the level of a norm written with its base before the norm's noun: "a 2% of GDP guideline", "the 3.5 percent of GDP
# core target" (folded text, at the figure's end)
_GDP_NORM_TAIL = re.compile(r"\s?of\sgdp\s(?:[\w-]+\s)?(?:target|guideline|goal|benchmark|threshold|pledge|floor"
                            r"|commitment|requirement|minimum|standard)s?\b")
_NO_TAIL_FIRST = frozenset(".,;:!?)]}\"'-/%$&*+<=>@#^`|~[{")
_TARGET_WORDS = frozenset({"target", "guideline", "goal", "mark", "requirement", "requirements"})
_ADVERB = re.compile(r"^(?:just|well|still)\s", re.I)
VERB_OP = {"pass": "gt", "crossed": "gt", "cross": "gt", "above": "gt", "exceed": "gt", "past": "gt", "below": "lt",
           "miss": "lt", "short": "lt", "fall": "lt", "fell": "lt"}


# the stems by comparator: no word starts with both a "gt" and an "lt" stem (their first letters differ), so one
# startswith per side answers as the walk through VERB_OP in order
_GT_STEMS = tuple(stem for stem, op in VERB_OP.items() if op == "gt")
_LT_STEMS = tuple(stem for stem, op in VERB_OP.items() if op == "lt")
assert set(VERB_OP.values()) == {"gt", "lt"} and not {a[0] for a in _GT_STEMS} & {b[0] for b in _LT_STEMS}


# a threshold named inside the target an ally meets or misses: "hit the goal that allies spend 2% of GDP",
# "reached the alliance goal of spending 2%"
_TARGET_OBJECT = re.compile(r"\b(?P<verb>reach\w*|hit|hits|meets?|met|meeting|exceed\w*|pass\w*|surpass\w*|miss\w*|short of"
                            r"|below|above|twice|double|triple|treble|two times|three times)\s(?:the\s|its\s|their\s|a\s)?(?:[\w'’-]+\s){0,3}(?:target|goal|guideline|"
                            r"benchmark|pledge|commitment|threshold)\s(?:of|that\s(?:\w+\s){1,3}(?:spend|invest|allocate|devote)|to\s"
                            r"(?:spend|invest))\s(?:[\w-]+\s){0,2}(?:at\sleast\s)?$", re.I)


def verb_comparator(verb: str) -> str:
    v = verb.lower()
    return "gt" if v.startswith(_GT_STEMS) else "lt" if v.startswith(_LT_STEMS) else "ge"


def _reach_verb(text: str, low: str, lo: int, start: int) -> str | None:
    """REACH_BEFORE.search(text[lo:start]).group("verb"), or None: the folded pattern finds the same span on the
    folded window, and the verb is read from the original text at its offsets (a verb is never empty)."""
    m = _REACH_BEFORE_FOLDED.search(low[lo:start])
    return text[lo + m.start("verb"):lo + m.end("verb")] if m else None


@functools.cache
def _past_era() -> Gated:
    """A past period named without a year ("under the previous government", "during the Cold War"): past_era.csv."""
    return gated(folded_pattern(re.compile("|".join(f"(?:{p})" for p in words("past_era", "pattern")), re.I)))


@functools.cache
def _not_gdp_after_pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in words("not_gdp_after", "pattern")), re.I)


def not_gdp_after(text: str, end: int) -> bool:
    """Whether what follows a percentage ending at `end` makes it a share of something other than GDP ("38% on
    personnel", "2% of the common budget"; not_gdp_after.csv)."""
    return _not_gdp_after_pattern().match(text, end, end + 80) is not None


# "spending dropped 0.3 percent": a fall (on the folded window before a figure, behind its literals)
_DOWN_BY_BEFORE = gated(re.compile(r"\b(?:fell|fall(?:s|en|ing)?|dropp(?:ed|ing)|drops?|declin(?:e|es|ed|ing)|"
                                   r"decreas(?:e|es|ed|ing)|shr[aiu]nk\w*)\s(?:by\s)?"
                                   r"(?:about\s|nearly\s|almost\s|some\s|roughly\s|around\s)?$"))
# a figure of the economy, not of defence spending, named right before it (on the folded window)
_NOT_DEFENCE_BEFORE = gated(re.compile(r"\b(?:inflation|unemployment|jobless\srate|deficit|debt|interest\srates?|(?:bond\s)?yields?|"
                                       r"vat|taxe?s?|economy|gdp\sgrowth|growth\srate|exports?|imports?)\s(?:[\w-]+\s){0,2}"
                                       r"(?:of|at|was|is|were|are|stood\sat|stands\sat|reached|hit|to|grew|rose|fell|expand\w*)\s"
                                       r"(?:about\s|around\s|nearly\s|almost\s|some\s|just\s)?$"
                                       # or such a measure named in the figure's clause with no word of defence spending
                                       # between: "Italy, whose public debt exceeds 135% of GDP", "unemployment in Spain
                                       # is at 11.7%", "its debt, at 160% of GDP" (a share of GDP, but not of defence
                                       # spending: no claim)
                                       r"|\b(?:inflation|unemployment|jobless\srate|deficits?|debts?|interest\srates?|aid|assistance|"
                                       r"(?:bond\s)?yields?|gdp\sgrowth|economic\sgrowth|growth\srate)\b"
                                       r"(?:(?!\b(?:defen[cs]e|military|spend\w*|budgets?|armed|army|outlays?)\b)[^,;:()]){0,40}"
                                       r"(?:,\s(?:at|of)\s(?:about\s|around\s|nearly\s|almost\s|some\s|just\s)?)?$"))
# a level supposed: the subject of "would mean / cost / require ..." ("2% of GDP would mean 40 billion euros"), or
# a level reached or spent at a clause's start with "would" after it in its clause ("Reaching 2% would cost Spain an
# extra 10 billion", "At 2% of GDP, Belgium's budget would be 12 billion euros")
_HYPOTHETICAL_AFTER = re.compile(r"(?:\sof\s(?:its\s|their\s)?(?:GDP|gdp|gross\sdomestic\sproduct|economic\soutput))?\s(?:would|could)\s"
                                 r"(?:\w+\s)?(?:mean|cost|require|need|amount|equal|translate|imply|entail|take|add|be|bring|"
                                 r"give|represent)\b", re.I)
_HYPOTHETICAL_BEFORE = re.compile(r"(?:^|[,;:—–]\s)(?:reaching|hitting|meeting|achieving|getting\sto|going\sto|spending|at)\s"
                                  r"(?:the\s|a\s)?$", re.I)
_NEEDED_TO_REACH = re.compile(r"\bwould\s(?:\w+\s)?(?:need|have)\sto\b[^.;!?]{0,90}?\bto\s(?:reach|hit|meet|get\sto|achieve)\s"
                              r"(?:the\s)?$", re.I)
_WOULD_AFTER = re.compile(r"[^.;!?]{0,80}?\bwould\b")
_GROWTH_OF = re.compile(r"\b(?:let alone|much less|never mind|not to mention)\s$|\b(?:growth|increase|rise|jump|hike|cut|drop|fall|decline)s?\s(?:of|by)\s(?:\w+\s){0,2}$|"
                        r"\b(?:up|down)\s$", re.I)
_GROWTH_OF_FOLDED = gated(folded_pattern(_GROWTH_OF))  # on a window of Sentence.low, behind its literals


POLL = re.compile(r"\b(?:respondents|polled|poll|survey(?:ed)?|voters|of (?:Americans|Germans|Europeans|Britons|Lithuanians|Poles|"
                  r"Italians|Spaniards|Canadians|the public|people))\b",
                  re.I)
# "two per cent is now the floor, not the ceiling": the figure named as a norm, not anyone's spending
_IS_THE_NORM = re.compile(r"\s(?:of\sGDP\s)?(?:is|was|remains|has become|became)\s(?:now\s|still\s|no longer\s|only\s)?"
                          # "two percent is increasingly seen as a floor": the norm as it is regarded
                          r"(?:(?:increasingly\s|widely\s|now\s|often\s|generally\s)?(?:seen|regarded|viewed|considered|treated)\sas\s)?"
                          r"(?:(?:the|a|an|just a)\s(?:\w+\s)?(?:floor|ceiling|minimum|maximum|benchmark|target|goal|guideline|"
                          r"threshold|baseline|norm|standard|starting point|bar)\b"
                          # the benchmark judged as enough or not: "even 2% of GDP is insufficient", "3% is no longer enough"
                          r"|(?:not\s|hardly\s|far\sfrom\s|simply\s)?(?:enough|sufficient|insufficient|inadequate|adequate|"
                          r"too\s(?:little|low|much|high)|not\senough)\b)", re.I)
# "the 2% figure is too simple", "the 3.5% number may be": the benchmark spoken of as a clause's subject, nobody's
# figure (not "the 2.1% figure for Spain", "reached the 2 percent figure")
_THE_BENCHMARK_FIGURE = re.compile(r"\s(?:figure|number|yardstick|metric|rule)\s(?:itself\s)?(?:is|was|has|had|remains|"
                                   r"seems|looks|may|might|can|could)\b", re.I)
_BENCHMARK_VALUES = frozenset({1.5, 2.0, 3.5, 5.0})
_READ_WORDS = frozenset({"target", "guideline", "goal", "mark", "cent", "percent", "requirement", "requirements"})  # a figure without a digit needs one
POLL_FOLDED = gated(folded_pattern(POLL))  # on Sentence.low, behind the words its matches need (Gated.search_words)
_WHOLE = re.compile(r"\bas a whole\b|\bcombined\b|\boverall\s(?:gdp\s)?(?:ratio|share|average|level|figure)\b|\bcollective(?:ly)?\b|\bon average\b|\ban average of\b|\baverag(?:ed|ing|es)\b"
                    r"|\b(?:nato|alliance|allied)(?:['’]s)?\saverage\b|\baverage\s(?:across|for|of|in)\s(?:the\s)?(?:whole\s)?(?:nato|alliance)\b"
                    r"|\bmembers['’] (?:combined\s)?GDP\b|\balliance-wide\b", re.I)
# "spend 1.8% of their GDP on education": what the share is spent on is not defence
_OTHER_PURPOSE = re.compile(r"\s{0,2}(?:percent\s|per cent\s)?(?:of\s(?:their|its|the)\s(?:[\w-]+\s){0,2}(?:GDP|output)\s)?"
                            r"(?:on|for)\s(?!defen|the\smilitary|military|their\s(?:militar|armed|defen)|arms|security|"
                            r"the\sarmed)(?:[\w-]+)", re.I)
_THEIR_GDP = re.compile(r"\s{0,2}(?:percent\s|per cent\s)?of\s(?:their|its)\s(?:\w+\s){0,2}(?:GDP|gross domestic product|output)\b", re.I)
# "jumped to 2.79%", "a rise from the 3.92% of GDP ... spent last year": a level, no growth
@functools.cache
def _TO_LEVEL() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """"to", "at" or "from the" and a hedge of level_reached.csv ("to just ", "at about "), ending at the figure."""
    hedges = patterns("level_reached", "kind", "hedge")
    return re.compile(rf"\b(?:to|at|from\sthe)\s(?:(?:{hedges}|between)\s)?$")
# "from 1.3% to 2%": a figure the level after it starts from (on Sentence.low, at the figure's end)
_TO_FIGURE_AFTER = re.compile(r"\s?(?:of\s(?:its\s|their\s)?gdp\s)?(?:this\syear\s|now\s)?to\s(?:about\s|around\s|at\sleast\s)?\d")
# "Canada was just under 1 per cent", "it is now 1.2 per cent": a copula before the figure is context enough
# (or a forecast's copula: "that rate is expected to be 1.37%", "is projected to stand at")
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|stands|stood|remains|remained|sits|sat|(?:expected|projected|forecast|estimated|"
                            r"set|likely)\sto\s(?:be|stand|remain|sit))\s(?:now\s|still\s|only\s)?"
                            r"(?:just\s|a little\s|slightly\s|well\s)?(?:under|over|below|above|about|around|nearly|almost|"
                            r"at|close to|on)?\s?$")


@functools.cache
def _LEVEL_REACHED_BEFORE() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """A verb that brings the figure to a level, then "to" or "at" and a hedge, ending at the figure ("had fallen to
    only ", "held at "): lexicon/en/level_reached.csv, on the folded window before the figure."""
    def alt(kind: str) -> str:
        return patterns("level_reached", "kind", kind)
    return re.compile(rf"(?<![\w'’-])(?:{alt('verb')})\s(?:to|at)\s(?:(?:{alt('hedge')})\s)?$"
                      # the "to" of "from 1.19% (in 2014) to": the level reached
                      rf"|\bfrom\s(?:(?:{alt('hedge')})\s)?\d{{1,2}}(?:[.,]\d{{1,2}})?\s?(?:%|pct?|per\s?cent|percent)"
                      rf"(?:\s(?:of\s(?:its\s|their\s)?gdp|in\s\d{{4}}|last\syear|a\sdecade\sago))*\sto\s(?:(?:{alt('hedge')})\s)?$")


# another economic figure named in the clause before a level: "inflation fell to 2%" is no share of GDP for defence
_OTHER_ECONOMY_BEFORE = re.compile(r"\b(?:inflation|unemployment|jobless|deficits?|debts?|interest|yields?|growth\srates?|"
                                   r"gdp\sgrowth|economy|economic\sgrowth|exports?|imports?|prices|vat|tax(?:es)?|"
                                   r"approval|poll\w*|turnout|support)\b[^,;:]{0,50}$")


def _level_reached(before_low: str) -> bool:
    """The figure is the level a change verb brought something to, and no other economic figure's."""
    return _LEVEL_REACHED_BEFORE().search(before_low) is not None and _OTHER_ECONOMY_BEFORE.search(before_low) is None
# "..., and so did Latvia", "..., as does Lithuania", "nor does Italy" (context.so_does_after): a word each holds
_SO_WORDS = frozenset({"so", "as", "neither", "nor"})
# "... and Latvia and Lithuania expect to do so in 2018", "Poland did the same in 2018" (group "verb": the elided verb)
# the elided verb: "do so", "do the same", "follow suit", or a bare "to" before the clause's time ("Latvia and Lithuania
# plan to in 2018")
DO_SO = re.compile(r"\b(?P<verb>(?:do|did|does|done|doing)\s(?:so|the same|likewise)\b|follow(?:s|ed|ing)?\ssuit\b"
                   r"|to(?=\s(?:in|by)\s(?:19|20)\d\d\b))", re.I)
_DO_WORDS = frozenset({"do", "did", "does", "done", "doing", "suit", "to"})
# between the allies and the elided verb: a modal or plan verb ("expect to", "is set to", "will", "has")
_MODAL_GAP = re.compile(r"\s(?:(?:also|too|then|later|only|both|each|all)\s)?(?:(?:is|are|was|were)\s)?(?:(?:also|now)\s)?(?:expects?|expected|plans?|"
                        r"expecting|planning|aiming|intending|hoping|wanting|"
                        r"planned|aims?|intends?|hopes?|wants?|promised|pledged|vowed|set|due|likely|on track|on course|"
                        r"will|would|should|could|has|have|had|managed|failed)?(?:\sto)?\s", re.I)
_EXPECTED = future("elided_plan")  # "Latvia is expected to follow suit" (lexicon future.csv; on Sentence.low)
_AND_LIST = re.compile(r"(?:,|,?\sand)\s(?:the\s)?")
_SUB_SHARE_BEFORE = re.compile(r"\bof\s(?:which|that|this|it|these)\s?,?\s(?:only\s)?(?:about\s|around\s|roughly\s|some\s|"
                               r"nearly\s|almost\s|at least\s|just\s)?$")
# "Germany, the Netherlands and Norway are among those that reached the 2 percent figure": the list's own predicate
# "Norway and Denmark were at 1.4 percent", "Spain and Belgium sit exactly on 2%"
_PLURAL_AFTER_LIST = re.compile(r"\sand\s(?:the\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s(?:(?:are|were)\s(?:now\s|also\s)?among\s"
                                r"(?:those|the\s(?:allies|countries|members|nations))\s(?:that|which|who|to)\s(?:\w+\s){1,3}"
                                r"|(?:are|were|sit|sat|stand|stood|remain|remained|both\sspend|both\sspent)\s(?:now\s|still\s|also\s)?"
                                r"(?:exactly\s|just\s|only\s)?(?:at\s|on\s)?(?:about\s|around\s|roughly\s)?)$")
# a demand governing the figure ("European allies were asked to spend at least 2%", "Germany should spend 2% of GDP,
# he said", "Canada has been told to spend 2 percent"): what someone wants, no statement of the ally's figure (on the
# folded text, ending at the figure; not inside a norm's wording: "the guideline that each member should spend 2%")
_DEMANDED_BEFORE = re.compile(
    r"\b(?:(?:asked|urged|told|pressed|pressured|pushed|calls\son|called\son|calling\son|urging|pressing|wants|want|wanted"
    r"|wanting)\s(?:[\w.'’,–—-]+\s+){0,14}?to\s|(?:should|must|ought\sto|has\sto|have\sto|need\sto|needs\sto)\s(?:\w+\s){0,2}?)"
    r"(?:spend|devote|allocate|put|invest|pay|contribute|(?:raise|increase|lift|boost)\s(?:\w+\s){0,3}?to)\s"
    r"(?:[\w-]+\s){0,3}?(?:at\sleast\s|more\sthan\s|about\s|around\s)?$")
# a quantified generic set and its relative clause before a figure: "any European country that doesn't spend at least"
# (or "those who / that": "Those who spend 2% of their GDP are praised", any ally that does)
_GENERIC_SET_BEFORE = re.compile(r"(?:\b(?:any|every|each|no)\s(?:[\w-]+\s){0,2}(?:ally|country|member|nation|state|government)"
                                 r"|(?:^|[,;:]\s|\b(?:and|but|while|whereas)\s)(?:[\"“‘']\s?)?those)"
                                 r"\s(?:that|which|who)\s(?:[\w'’]+\s){0,6}$")
# "its share of the alliance's tanks rose to": a share of something named before the figure, in its clause (folded)
_SHARE_OF_OTHER_BEFORE = re.compile(r"\bshare\sof\s(?P<of>[^,;:.]{1,50}?)\s(?:is|was|are|were|stands|stood|rose|fell|grew|"
                                    r"reached|hit|climbed|jumped|dropped|came\sto|amounts\sto|amounted\sto|at)\s"
                                    r"(?:(?:to|at|about|around|nearly|almost|some|just|only)\s)*$")
_GDP_WORD = re.compile(r"\b(?:gdp|g\.d\.p|gross\sdomestic|gross\snational|economic\soutput|economy|output|national\sincome|"
                       r"wealth)\b")
# a plural kind of ally a relative clause describes by its spending: "countries that spend", "members which devote"
_PLURAL_SET_BEFORE = re.compile(r"\b(?:countries|allies|members|nations|states)[\"”’']?\s(?:that|which|who)\s(?:still\s|only\s|now\s)?"
                                r"(?:spend|spends|devote|allocate|put|invest|contribute)\s(?:only\s|just\s|less\sthan\s|under\s"
                                r"|below\s|at\sleast\s|more\sthan\s|over\s)?$")
_APPOSITION_BEFORE = re.compile(r",\s(?:the\s|both\s|all\s|two\s|three\s|four\s)?$")
_GENERIC_WORDS = frozenset({"any", "every", "each", "no", "those"})  # a word each _GENERIC_SET_BEFORE match holds
_DEMAND_WORDS = frozenset("asked urged told pressed pressured pushed calls called calling urging pressing wants want wanted "
                          "wanting should must ought need needs".split())  # ("has to" / "have to": a substring test)
_NORM_WORDS = re.compile(r"\b(?:guideline|target|goal|rule|benchmark|pledge|commitment|requirement|standard)\b")
# "1.8: share of GDP that ... Norway ...": a listicle item opening with its % of GDP (its ally named after it)
_FIGURE_FIRST = re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2})?):\s(?:the\s)?(?:percentage|share|per\s?cent)\sof\s(?:its\s|the\s)?GDP\b",
                           re.I)
_FORECASTER = future("forecaster")  # "the government expects" (lexicon future.csv; folded text)
_RAISING_TO = re.compile(r",\sraising\s(?:its|their)\s(?:[\w-]+\s){0,3}(?:to|above|beyond|over)\s$", re.I)
_SAID_WORDS = frozenset({"said", "says", "estimated", "estimates", "put", "puts"})
_BOTH_BEFORE = gated(folded_pattern(re.compile(r"\b(?:both|all|each)\s(?:\w+\s){0,3}$", re.I)))  # on Sentence.low
# a value in brackets the allies just listed share: "Luxembourg, Slovenia (both with 1.29)", "(each at 2.1%)"
_SHARED_IN_BRACKET = re.compile(r"\(\s?(?:both|each|all(?:\s(?:two|three|four))?)(?:\s(?:with|at|on))?\s$")
# between an ally's figure and the level of a target it falls short of, named in an apposition after it: its own
# clause's words, a comma, a degree adverb, the side word and the target's words (", well below the 2 percent NATO
# target", "in 2018, below the target of 2%"); no new clause, verb or bracket
_APPOSED_STATUS_GAP = re.compile(r"[^;:()\[\]!?]*?,\s(?:(?:well|far|still|just|way|much|significantly|considerably|"
                                 r"clearly|comfortably|slightly|somewhat)\s)?(?:below|under|short\sof|shy\sof)\s"
                                 r"(?:the\s|nato['’]s\s|the\salliance['’]s\s)[^;:()\[\]!?,]{0,40}", re.I)
# a list of allies as the subject of a figure at or above a threshold ("A, B and C also exceed 2%", "Norway, the US
# and Denmark will spend more than 3%") gives the figure to each ally, as real news is labelled, up to this many
# names; a longer list ("A, B, ... and I did") names the set that meets it (rules/set_threshold.py, one claim)
_EACH_AT_MOST = 4
_EACH_AFTER = re.compile(r"\s?(?:of\s(?:their\s)?GDP\s)?(?:each|apiece)\b", re.I)
# a negation in the figure's own clause (since the last comma, colon or figure) turns its comparator around
# (negation.py, up to seven words of any kind between: "does not spend a full 2%")
_NEGATE = {"eq": "lt", "ge": "lt", "gt": "le", "lt": "ge", "le": "gt", "nearly": "lt", "approx": "lt"}
_CLAUSE_START = re.compile(r"[,;:—–(]|\b(?:while|but|whereas|and)\b")


# the hedges "not even", "not spend even" (lexicon/en/hedges.csv) already put the figure below: their "not" is no
# second negation ("Canada does not spend even 1.5%": below 1.5%)
_NOT_EVEN_HEDGE = re.compile(r"\bnot\s(?:spend\s)?even\s(?:the\s|a\s|an\s)?$", re.I)


def _negated_before(text: str, low: str, q) -> bool:
    """`low`: grammar.folded(text)."""
    lo = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, q.start - 60), q.start)), default=max(0, q.start - 60))
    if q.comparator == "lt" and _NOT_EVEN_HEDGE.search(text, lo, q.start) is not None:
        return False
    return negation.negated(low, lo, q.start, reach=7)


_AND_NEXT = re.compile(r"\s?(?:percent|per cent)?\s?(?:,\s|,?\sand\s|\sor\s)(?:then\s|about\s|nearly\s)?")
@functools.cache
def _THAT_CLAUSE() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """A speech or complement verb and "that", then a plural noun subject of the clause before the figure ("X and
    NATO will announce that more allied countries are meeting 2%"): the figure is the clause subject's."""
    verbs = {r["word"] for r in rows("speech") if r["kind"] == "verb"} | set(words("complement_verbs"))
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) + r")\sthat\s"
                      r"(?:[\w'’-]+\s){0,6}(?:allies|countries|members|nations|member states|governments|capitals)\b",
                      re.I)


def _said_of_others(text: str, low: str, q, code: str, s: Sentence) -> bool:
    """The ally read for `q` only announces or reports it: a "that"-clause with its own plural subject stands between
    them ("the United States will announce that more allies are meeting 2%")."""
    if "that" not in low[max(0, q.start - 160):q.start]:
        return False
    ally = next((e for e in reversed(s.subjects()) if e.code == code and e.end <= q.start), None)
    return ally is not None and _THAT_CLAUSE().search(text, ally.end, q.start) is not None


@functools.cache
def _OTHER_SOURCE() -> Gated:  # noqa: N802 - a constant read from the lexicon
    """"according to a report from the IISS", "according to SIPRI data": another source than NATO opens the clause
    (on Sentence.low)."""
    return gated(folded_pattern(re.compile(r"\baccording\sto\s(?:[\w'’-]+\s){0,7}?(?:" + alternation("other_sources") + r")\b",
                                           re.I)))


@functools.cache
def _OTHER_SOURCE_SAID() -> Gated:  # noqa: N802 - a constant read from the lexicon
    """"the Pentagon said it was 3.1%": another source than NATO says the figure (on Sentence.low)."""
    return gated(folded_pattern(re.compile(r"\b(?:" + alternation("other_sources") + r")\s(?:said|says|estimated|estimates|put|puts)\b",
                                           re.I)))


def _said_by_other_source(text: str, low: str, q) -> bool:
    """Another source than NATO says the figure, in its own clause (no comma, NATO not named in between)."""
    lo = max(0, q.start - 80)
    last = max(_OTHER_SOURCE_SAID().finditer(low, lo, q.start), key=lambda m: m.start(), default=None)
    return last is not None and "nato" not in text[last.end():q.start].lower() and "," not in text[last.end():q.start]


@functools.cache
def _TITLE_AFTER() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """"US President", "the USA's former President": the ally's name qualifies a person's office."""
    titles = "|".join(re.escape(r["word"]) for r in sorted((r for r in rows("speech") if r["kind"] == "title"),
                                                          key=lambda r: -len(r["word"])))
    return re.compile(rf"(?:['’]s)?\s(?:former\s|then\s|then-)?(?:{titles})\b", re.I)


def _office_of(s: Sentence, code: str, q: Quantity) -> bool:
    """The last mention of ally `code` before q names an office ("US President Trump ... the 2% target"): the
    target word is that person's demand, not the ally's share."""
    e = next((e for e in reversed(s.subjects()) if e.end <= q.start and e.code == code), None)
    return e is not None and _TITLE_AFTER().match(s.text, e.end) is not None


def _in_sets(found: list[Claim]) -> set[str]:
    """The allies of the sets other rules read in the sentence ("A, B and C meet 2%": one claim for the set)."""
    return {code for c in found if c.type in ("all_none_threshold", "count_at_threshold")
            for code in (c.extra.get("allies") or c.extra.get("set") or [])}


@functools.cache
def _EXCEPT() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """A word of exception right before an ally (lexicon except.csv), on the folded text."""
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(words("except", "pattern")) + r")\s(?=(?:the\s)?[a-z])")


_EXCEPT_WORDS = frozenset({"not", "except", "exception", "save", "barring", "unlike"})  # a word each match holds
_EXCEPT_LIST_JOIN = re.compile(r"\s?(?:,|,?\sand|,?\sor|,?\snor)\s(?:the\s)?")


def _allies_from(s: Sentence, at: int) -> list[str]:
    """The allies of the list that starts at `at` ("Italy", "the Netherlands and Spain"), in order; [] when no ally
    starts there."""
    allies = [e for e in s.entities if e.is_ally and e.start >= at]
    if not allies or s.text[at:allies[0].start].strip().lower() not in ("", "the"):
        return []
    run = [allies[0]]
    for e in allies[1:]:
        if not _EXCEPT_LIST_JOIN.fullmatch(s.text, run[-1].end, e.start):
            break
        run.append(e)
    return list(dict.fromkeys(e.code for e in run if e.code and len(e.code) == 3))


@functools.cache
def _TARGET_TAIL() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """Up to three modifiers and a target noun right after a figure ("2% defense spending benchmark"), folded text."""
    return re.compile(r"\s(?:[\w'’-]+\s){0,3}?" + target_nouns().pattern)


@functools.cache
def _FRACTION_TARGET() -> re.Pattern:  # noqa: N802 - a constant read from the lexicon
    """After a fraction: "(of) the (2%) ... target" (a target noun of threshold_status.csv), on folded text."""
    return re.compile(r"\s(?:of\s)?(?:the\s|its\s|their\s|nato['’]s\s|the\salliance['’]s\s)(?:nato['’]s\s)?"
                      r"(?:(?P<lvl>\d{1,2}(?:\.\d{1,2})?)\s?(?:%|per\s?cent|percent)\s)?(?:[\w'’-]+\s){0,3}?"
                      + target_nouns().pattern)


def _threshold_reached_before(s: Sentence, at: int) -> tuple[str, Quantity] | None:
    """(side, figure) of the last percentage before `at` that names a target a verb reaches or misses ("meet 2%
    defense spending benchmark", "fall short of the 2% goal"), or None."""
    for q in reversed(s.quantities):
        if q.kind != "pct" or q.end > at:
            continue
        verb = _reach_verb(s.text, s.low, max(0, q.start - 40), q.start)
        if verb is None or _TARGET_TAIL().match(s.low, q.end) is None:
            return None
        side = verb_comparator(verb)
        return (side, q) if side in OPPOSITE else None
    return None


def modality_plan(s: Sentence, at: int) -> bool:
    """A plan or demand word in the clause before `at` ("all allies must reach 2%, except ...")."""
    lo = max(0, at - 60)
    return PLAN_WORDS_FOLDED.search(s.low, lo, at) is not None or _DEMANDED_WORDS.search(s.low, lo, at) is not None


_DEMANDED_WORDS = re.compile(r"\b(?:must|should|ought|need|needs|has to|have to|asked|urged|told|expected)\b")


def _near_target(low: str, q: Quantity) -> bool:
    """The figure names a target ("a target of 2% of GDP", "the two per cent target")."""
    near = low[max(0, q.start - 25):q.end + 25]
    return "target" in near or "goal" in near or "guideline" in near


def _from_other_source(text: str, low: str, q) -> bool:
    """The figure is quoted from another source than NATO: the last "according to" before it (in 160 characters)
    names one, and NATO is not named between it and the figure."""
    last = max(_OTHER_SOURCE().finditer(low, max(0, q.start - 160), q.start), key=lambda m: m.start(), default=None)
    return last is not None and "nato" not in text[last.end():q.start].lower() \
        and text.lower().rfind("according to", 0, q.start) == last.start()


# "more than twice the 2% target", "nearly double the guideline's 2%", also with the level after the target's noun and
# set after the ally's own figure: "3.9% of GDP, over twice the NATO guideline of 2%" (group "noun"; on the
# folded window before the figure)
_MULTIPLE_BEFORE = re.compile(r"(?:\b(?:spends?|spent|spending|devot\w+|allocat\w+|puts?|is|was|are|were|now|at|and)|,)\s"
                              r"(?:now\s|still\s)?(?:\b(?P<h>more than|over|almost|nearly|about|roughly|at least)\s)?"
                              r"\b(?P<k>twice|double|two times|three times|triple|treble)\s"
                              r"(?:the\s|nato['’]s\s|the alliance['’]s\s)?(?:nato\s)?"
                              r"(?P<noun>(?:[\w-]+\s){0,2}?(?:target|guideline|goal|benchmark|threshold|minimum)\sof\s)?$")
_MULTIPLES = {"twice": 2, "double": 2, "two times": 2, "three times": 3, "triple": 3, "treble": 3}
_MULTIPLE_HEDGE = {"more than": "gt", "over": "gt", "almost": "nearly", "nearly": "nearly", "about": "approx",
                   "roughly": "approx", "at least": "ge"}
_ONE_OF_THEM_BEFORE = re.compile(r"\bthe\s(?:former|latter)\b(?!\s(?:two|three|four|pair))")  # (not "the latter two")
_INVERTED_FIRST = frozenset("also still falling meeting hitting reaching exceeding clearing above below under over at".split())


_AMONG_BEFORE = re.compile(r"\b(?:among|one of)\s(?:the\s)?$")


# a commitment named with its level: "its commitment to spend 2%", "the obligation of spending at least 2%" (a promise or
# pledge to reach a level is the ally's plan: "Ottawa's new promise to reach 2% by 2032"; folded window)
_COMMITMENT_LEVEL_BEFORE = re.compile(r"\b(?:commitments?|obligations?)\s(?:to|of)\s(?:spend\w*|devot\w+|"
                                      r"allocat\w+|invest\w*|reach\w*|meet\w*|hit\w*|put\w*)\s(?:(?:at\sleast|a\sminimum\sof|"
                                      r"around|about|some|just|only|barely|a\smere)\s)?$")
# the alliance's norm right before the level ("the allies' accord to work towards spending 2%"; lexicon
# pledge_words.csv kind norm_to_level; folded window)
_NORM_TO_LEVEL = re.compile(r"\b(?:" + patterns("pledge_words", "kind", "norm_to_level") + r")$")
# the ally's own level as it stands, named after a comparison of something else with it ("a pledge barely above its
# current 1.24% level", "far below their present 2.4% level"; folded window)
_OWN_LEVEL_BEFORE = re.compile(r"\b(?:its|their)\s(?:current|present|existing|actual)\s$")
# a raise of spending toward a level: "will increase our defence investment towards 3%" (a plan; folded text)
_RAISE_TOWARD = re.compile(r"\b(?:increas\w*|rais\w*|lift\w*|boost\w*|bring\w*|brought|push\w*|mov\w*|grow\w*|steer\w*)\s"
                           r"(?:[\w'’-]+\s){0,5}?towards?\s$")
# between an ally and a figure in the relative clause on it: ", which already devotes " (no comma, no clause end)
_US_LEFT_OUT_AT_END = re.compile(r"\b(?:except|excluding|other\sthan|besides|apart\sfrom|but)(?:\sfor)?\s(?:the\s)?"
                                 r"(?:United\sStates|US|U\.S\.?|America)$")
_RELATIVE_ON_ALLY = re.compile(r",\s(?:which|who)\s[^,;:()—–]{0,80}$")


def _norms_minimum(status, q: Quantity) -> bool:
    """"misses a NATO benchmark that tells allies to spend at least 2%": "at least" after the target is the
    norm's own wording, so the status phrase gives the side (not the hedge, not a second negation)."""
    return q.comparator == "ge" and status.target_end <= q.start


def relative_owner(s: Sentence, q: Quantity) -> str | None:
    """"all members except for the US, which already devotes 3.4 per cent of its output, ...": a figure
    in a relative clause right after an ally is that ally's, even when the ally is left out of the group around it."""
    if "which" not in s.words and "who" not in s.words:
        return None
    ally = next((e for e in reversed(s.entities) if e.end <= q.start), None)
    if ally is None or _RELATIVE_ON_ALLY.match(s.low, ally.end, q.start) is None:
        return None
    if ally.kind == "group" and _US_LEFT_OUT_AT_END.search(ally.text):
        return "USA"  # the group "all members except for the US" ends on the ally the clause is on
    return ally.code if ally.is_ally and len(ally.code) == 3 else None


def _counted_between(s: Sentence, code: str, at: int) -> bool:
    """"Poland tops the table at 4.12%, and 23 of the 32 allies now meet the 2% guideline": a count between the ally
    and the target words is the target's subject (CLM-COUNT), not the ally."""
    ally = next((e for e in reversed(s.subjects()) if e.code == code and e.is_ally and e.end <= at), None)
    return ally is not None and any(x.kind == "count" and ally.end <= x.start < at
                                    and not _AMONG_BEFORE.search(s.low, max(0, x.start - 16), x.start)
                                    and not s.low.startswith("one of ", x.start)
                                    for x in s.quantities)  # (but "Romania is among the ten allies that meet it",
    # "Poland was one of eight members to meet it": the ally is in the counted set)


# a quantifier over allies opening the figure's clause ("A number of them sit far beneath 1%", "some are below 1%")
_QUANTIFIED_SUBJECT = re.compile(r"(?:^|[,;:]\s|\b(?:and|but|while|whereas)\s)(?:a\snumber|some|several|a\sfew|many|most|others|"
                                 r"a\shandful|dozens|few|a\sdozen)(?:\s(?:of\s)?(?:them|these|those|the\sothers|allies|members|"
                                 r"countries|nations|states))?\s(?:[\w'’]+\s){0,4}$")
# the speaker as the subject of a status: "we are meeting", "our country has met", "we've hit" (folded text, ending at it)
_FIRST_PERSON = re.compile(r"(?:^|[\"“‘'(]|\b)(?:(?:we|we['’]re|we['’]ve|our\s(?:country|nation|government))\s(?:[\w'’]+\s){0,3}"
                           # "in our case, that means meeting", "for us, it means hitting"
                           r"|(?:in\sour\scase|for\sus),?\s(?:that|this|it)\s(?:means|meant|will\smean)\s)$")


_PRONOUN_SAID = re.compile(r"[,;]\s?[\"”’']?\s?(?:he|she)\s(?:said|says|told|added|insisted|stressed|declared)\b"
                           r"|[,;]\s?[\"”’']?\s?(?:said|says|added)\s(?:he|she)\b")


def _speaker_ally(s: Sentence, at: int) -> str | None:
    """The ally of the speaker the sentence names ("..., said the Estonian prime minister"), when the status at `at` is
    said in the first person; else None."""
    if not ("we" in s.tokens or "our" in s.tokens) or _FIRST_PERSON.search(s.low, max(0, at - 40), at) is None:
        return None
    who = speaker_of(s.text)
    if not who:
        if _PRONOUN_SAID.search(s.low) and not any(e.is_ally for e in s.entities) and s.carry.subject is not None \
                and len(s.carry.subject) == 3:
            return s.carry.subject  # "Spain's prime minister spoke on Monday. 'We are meeting it,' he said."
        return None
    i = s.text.rfind(who)
    ally = next((e for e in s.entities if e.is_ally and i <= e.start < i + len(who)), None)
    if ally is None and not any(e.is_ally for e in s.entities) and s.carry.subject is not None \
            and len(s.carry.subject) == 3:
        return s.carry.subject  # "Poland's president spoke on Monday. 'We are meeting our commitment,' he said."
    return data_code(ally.code) if ally is not None else None


_SET_SUBJECT = re.compile(r"\b(?:allies|members|countries|nations|states|partners|ones|those|others|which|who)\b")
# right after an ally, a relative clause on it closed by a comma (folded text)
_ASIDE_ON_ALLY = re.compile(r",\s(?:which|who)\s[^,;:]{1,80},")
# right after an ally, the others it is joined with in one subject (folded text)
_AND_OTHERS = re.compile(r",?\s(?:and|as\swell\sas|along\swith)\s(?:(?:many|several|some|a\sfew)\s)?(?:others|other\s(?:allies|members|"
                         r"countries|nations|states))\b")


def _figure_in_clause(s: Sentence, found: list[Claim], status) -> bool:
    """Whether a claim read from a figure stands in the clause of `status`."""
    lo, hi = clause_bounds(len(s.low), s.clause_breaks, status.start, status.target_end)
    return any(c.quantity is not None and lo <= c.quantity.start < hi for c in found)


def _set_between(s: Sentence, code: str, at: int) -> bool:
    """A set, or a relative pronoun, between the ally and the status at `at` is what the status is said of ("France
    is among the allies that meet the target", "other members, some of which aren't meeting that commitment")."""
    ally = next((e for e in reversed(s.subjects()) if e.code == code and e.is_ally and e.end <= at), None)
    if ally is None:
        return True
    if ":" in s.text[ally.end:at] or ";" in s.text[ally.end:at]:
        return True  # "U.S. Demands: Meeting targets addresses ...": another clause
    # (the others the ally is joined with are no set apart from it: "Belgium and others still miss the guideline";
    # nor is an aside on the ally closed before the status: "Sweden, which joined last week, aims to reach the target")
    after = (joined := _AND_OTHERS.match(s.low, ally.end)) and joined.end() \
        or (aside := _ASIDE_ON_ALLY.match(s.low, ally.end, at)) and aside.end() or ally.end
    m = _SET_SUBJECT.search(s.low, after, at)
    # (but "Latvia is one of the few members meeting it", "is among the allies that meet it": the ally is in the set)
    return m is not None and _IN_THE_SET.search(s.low, ally.end, m.start()) is None


_NOT_IN_SET = re.compile(r"(?:\b(?:not|never|no\slonger)|n['’]t)\s(?:yet\s|even\s)?(?:among|one\sof)\b")


def _not_in_set(s: Sentence, code: str, at: int) -> bool:
    """The ally is said not to be in the set the status at `at` is said of ("Italy is not among the allies that meet
    the target", "Spain isn't one of them"): the other side."""
    ally = next((e for e in reversed(s.subjects()) if e.code == code and e.is_ally and e.end <= at), None)
    return ally is not None and _NOT_IN_SET.search(s.low, ally.end, at) is not None


_IN_THE_SET = re.compile(r"\b(?:among|one of)\s(?:the\s|its\s|nato['’]s\s)?(?:[\w-]+\s){0,3}$")


def _inverted_list(s: Sentence, code: str, end: int) -> bool:
    """"Falling below the goal ... are Croatia, Portugal, ...": the predicate opens the sentence and its subjects, a
    list read as a set (CLM-ALL-NONE), follow it; the target in words is no claim about the first of them."""
    if s.text.split(" ", 1)[0].lower() not in _INVERTED_FIRST:
        return False
    ally = next((e for e in s.subjects() if e.code == code and e.is_ally), None)
    return ally is not None and ally.start >= end and len([e for e in s.subjects() if e.is_ally]) >= 2


# where a clause of its own starts or ends around a target named in words (on Sentence.low): a semicolon, a
# conjunction after a comma or a dash, or a concessive one ("..., though Rome plans ...", "... but hopes to ...")
_OWN_CLAUSE_BREAK = re.compile(r";|[,—–]\s(?:and|but|though|although|while|whereas|yet|so|even\sas)\s|\s(?:though|although|whereas|but|yet)\s")


_OWN_CLAUSE_WORDS = frozenset("and but though although while whereas yet so even".split())  # (or a semicolon: below)


def _time_of_other_plan(s: Sentence, year: int | None, how: str, lo: int, hi: int) -> bool:
    """The year read for a figure whose clause is low[lo:hi] is only a later clause's, one that plans ("Italy spends
    1.49%, though Rome plans to raise spending next year"): the figure is the present's."""
    if how in ("present", "carried") or year is None:
        return False
    times = [t for t in s.times if t.year == year]
    if not times or any(t.start < hi for t in times):
        return False  # (a time in a clause before it may be shared: "Poland plans to spend 4.8% next year, and the
        # Baltic states at least 5%")
    t = times[0]
    other_lo, other_hi = _own_clause(s.low, t.start, t.end)
    return PLAN_WORDS_FOLDED.search(s.low, other_lo, other_hi) is not None


def _own_clause(low: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause holding low[start:end]."""
    lo, hi = 0, len(low)
    for m in _OWN_CLAUSE_BREAK.finditer(low):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


_SHARE_NOUNS = frozenset({"percentage", "share", "proportion", "ratio"})  # a share of GDP named before bare decimals
# allies listed after a figure with their own figures: "the U.S. contributed 68 percent, followed by Britain (6 percent)"
_LIST_CUE_WORDS = frozenset({"followed", "ahead", "trailed", "came"})  # (a word each _LIST_CUE_BEFORE match holds)
_LIST_CUE_BEFORE = re.compile(r",?\s(?:followed\sby|ahead\sof|trailed\sby|then\scame|next\scame)\s", re.I)


def _listed_after_another_measure(s: Sentence, q: Quantity) -> bool:
    """Is the figure one of allies listed after a lead figure that cannot be a share of GDP (larger than any ally's,
    no "of GDP" after it): "the U.S. contributed 68 percent, followed by Britain and Germany (both with 6 percent)"?
    The listed figures are of the lead's measure, not a share of GDP."""
    cue = next(reversed(list(_LIST_CUE_BEFORE.finditer(s.text, 0, q.start))), None)
    if cue is None or ";" in s.text[cue.end():q.start]:
        return False
    lead = next((x for x in reversed(s.quantities) if x.kind == "pct" and x.end <= cue.start()), None)
    return lead is not None and lead.value > MAX_PLAUSIBLE_PCT_GDP and GDP_TAIL.match(s.text[lead.end:lead.end + 60]) is None \
        and ";" not in s.text[lead.end:cue.start()]



# what may stand between a planned status's target and the plan's own time: "plans to meet the target by 2029",
# "promised to hit the goal of 2% of GDP by the end of the year" (no clause break)
_PLAN_TIME_GAP = re.compile(r"[^,;:—–()]{0,60}")
_PLAN_TIME_KINDS = frozenset({"deadline", "year", "this_year", "next_year", "future", "since"})  # ("from 2029 on")


def _plan_year(s: Sentence, after: int, year: int | None) -> int | None:
    """The year of a plan to meet a target: the time right after the target in its clause ("plans to meet the target
    by 2029": 2029, which the data-year reading leaves to the norm), else the year read before."""
    for t in s.times:
        if t.start >= after and t.kind in _PLAN_TIME_KINDS and _PLAN_TIME_GAP.fullmatch(s.text, after, t.start):
            return t.year
    return year

class AllyPctRule(Rule):
    type = "ally_pct_gdp"
    code = "CLM-PCT-GDP"

    def find(self, s: Sentence) -> list[Claim]:
        if s.carry.level is not None and not s.is_question and (same := same_as_before(s)) is not None \
                and (found := self._same_as_before(s, *same)):
            return found  # (none: the sentence's own figure, read below, with what it says later of others)
        if s.carry.threshold is not None and not s.is_question and ("among" in s.words or "one" in s.words) \
                and (among := among_them(s)) is not None:
            return self._among_them(s, among)
        if s.threshold_before is not None or s.pledge_before is not None:
            continued = set_members.continued(s, self)
            if continued:
                return continued  # "Two years later, they were joined by A and B": the side carried from before
        if s.is_question and not s.presupposes \
                or not s.has_number and s.words.isdisjoint(_READ_WORDS) and s.words.isdisjoint(_IMPLIED_WORDS) \
                and s.words.isdisjoint(target_tokens()) \
                or POLL_FOLDED.search_words(s.low, s.tokens):
            return []  # nothing to read; or a poll, whose shares are no defence figures
        out: list[Claim] = set_members.by_level(s, self)  # "Allies now above 3% include A and B": each listed ally
        out += set_members.joins_set(s, self)  # "Latvia is set to join A and B as the only allies meeting the target"
        text, low = s.text, s.low
        if text[:1].isdigit() and "gdp" in s.words:
            out.extend(self._figure_first(s))
        spend = None  # _SPEND_CONTEXT_FOLDED on the sentence: asked at most once
        has_targets = not s.tokens.isdisjoint(target_tokens())
        demands = None  # a demand word among the sentence's words: worked out when first needed
        used = s.used
        # s.free(("pct",)) walked in place: the loop takes only its own quantity (an index <= the current one) and
        # adds no quantity, so each later check of `used` answers as on the list made up front
        whole = False  # a figure of the members read as the alliance's aggregate: the later ones are too
        planned_next = False  # the figure after a planned change's starting level is the plan ("from 1.3% to 2%")
        growth_end = -1  # the end of the last figure read as growth: "grew by 4.9 percent and 5.2 percent"
        if has_targets and any(q.kind == "fraction" for q in s.quantities):
            out.extend(self._fraction_of_target(s))
        for i, q in enumerate(s.quantities):
            if q.kind != "pct" or i in used:
                continue
            start, end = q.start, q.end
            lo = max(0, start - 40)
            before_low = low[lo:start]
            if growth_end >= 0 and _AND_NEXT.fullmatch(low, growth_end, start):
                growth_end = end
                continue  # coordinated with a growth figure: growth too
            if "real terms" in text[end:end + 30] or \
                    _GROWTH_BEFORE_FOLDED.search(before_low) \
                    and not _UP_FROM.search(text[max(lo, start - 22):start]) and not _TO_LEVEL().search(before_low):
                growth_end = end
                continue  # growth ("rose 14%"), but "jumped to 2.79%" is the level reached
            if ("or" in before_low or "and" in before_low) and _CHANGE_OR_BEFORE.search(before_low):
                growth_end = end
                continue  # "grew by $4 billion, or 12 percent": the same change in per cent
            # (the status phrases are looked for only when a target noun follows the figure closely)
            status = status_covering(s, q) if has_targets and target_nouns().search(low, max(0, start - 100), end + 45) and s.statuses \
                else None
            if status is not None and status.side == "none" and status.planned is None:
                continue  # "close to meeting the 2% target", "on track to reach the 2% goal": nothing checkable
            if status is None and ("commitment" in before_low or "obligation" in before_low) \
                    and _COMMITMENT_LEVEL_BEFORE.search(before_low):
                continue  # "to uphold its commitment to spend 2% of GDP": the commitment's level, nobody's figure (but
                # "has not met its commitment to spend 2%" is read by the status phrase)
            if status is None and (has_targets or "agreement" in s.words) and _NORM_TO_LEVEL.search(low, max(0, start - 110), start) \
                    and not _TARGET_OBJECT.search(text, max(0, start - 110), start):
                continue  # "the debate in Germany about the agreement to work toward spending 2%": the norm's level,
                # nobody's figure (but "France meets the pledge to spend 2%" is France's, read below)
            if status is None and "of " in before_low and TARGET_OF_BEFORE.search(text, lo, start) \
                    and not _TARGET_OBJECT.search(text, max(0, start - 110), start):
                continue  # "the new target of allocating 3.5% of GDP": a target, not anyone's figure (but "France
                # meets the NATO target of 2%" is France's, read below)
            toward = before_low.endswith(("toward ", "towards "))
            if toward and _RAISE_TOWARD.search(low, max(0, start - 80), start) is None:
                continue  # "rushing toward 5 percent": a direction, no level anyone holds (but "will increase our
                # defence investment towards 3%" is a plan, read below)
            if "of " in before_low and _SUB_SHARE_BEFORE.search(before_low):
                continue  # "4% of GDP; of that, 0.8% is for roads": a part of the figure before, not a figure of its own
            if demands is None:
                demands = not s.words.isdisjoint(_DEMAND_WORDS) or "has to " in low or "have to " in low
            if demands and (demand := _DEMANDED_BEFORE.search(low, max(0, start - 110), start)) is not None \
                    and not _NORM_WORDS.search(low, max(0, demand.start() - 40), start) \
                    or not s.words.isdisjoint(_GENERIC_WORDS) and _GENERIC_SET_BEFORE.search(low, max(0, start - 80), start):
                continue  # a demand ("were asked to spend at least 2%"), no statement of the figure (but "the guideline
                # that each member should spend 2%" states the norm); a figure of any ally at all ("an ally
                # that fails to spend 2%", "every ally that spends less than 2%"): nobody's
            if ("that" in before_low or "which" in before_low or "who" in before_low) \
                    and (kind := _PLURAL_SET_BEFORE.search(low, max(0, start - 70), start)) is not None \
                    and not _APPOSITION_BEFORE.search(low, max(0, kind.start() - 30), kind.start()):
                continue  # "blasting countries that spend 1% or less ..., while describing Canada as ...": a kind of
                # ally, nobody's figure (but "Poland and Estonia, countries that spend over 2%": theirs)
            if _DOWN_BY_BEFORE.search(before_low):
                growth_end = end
                continue  # "spending dropped 0.3 percent last year": a fall, not a share of GDP ("fell below 1%" is)
            if _NOT_DEFENCE_BEFORE.search(before_low):
                continue  # "inflation of 2.4%", "its deficit reached 3.4% of GDP": another economic figure
            if non_ally_before(s, q.start, as_subject=True):
                continue  # "Russia now spends about 6% of its GDP, far more than most European allies": not an ally's
            if "would" in s.words and (_HYPOTHETICAL_AFTER.match(text, end) is not None
                                       or _HYPOTHETICAL_BEFORE.search(text, max(0, start - 16), start) is not None
                                       and _WOULD_AFTER.match(text, end) is not None
                                       or _NEEDED_TO_REACH.search(text, max(0, start - 120), start) is not None):
                continue  # "2% would mean 40 billion", "Reaching 2% would cost Spain ...", "At 2% of GDP, its budget
                # would be ...", "would need to spend $20 billion more to reach 2%": a level supposed, nobody's figure
            if "share" in before_low and (shared := _SHARE_OF_OTHER_BEFORE.search(low, max(0, start - 70), start)) \
                    and not _GDP_WORD.search(shared.group("of")):
                continue  # "its share of allied tanks is 12%": a share of something else than GDP
            if _GROWTH_OF_FOLDED.search(before_low):
                growth_end = end
                continue  # "growth of 95.2 percent"
            if not_gdp_after(text, end) or _IS_THE_NORM.match(text, end, end + 60) \
                    or q.value in _BENCHMARK_VALUES and low.endswith("the ", 0, start) \
                    and _THE_BENCHMARK_FIGURE.match(text, end):
                continue  # "38% on personnel", "growth of 95.2 percent": not a share of GDP
            norm_plan = False
            if (stated := NORM_STATED.search(low, max(0, start - 90), start)) is not None \
                    and not NORM_MET_BEFORE.search(low, max(0, stated.start() - 40), stated.start()):
                if not NORM_OWNER_BEFORE.search(low, max(0, stated.start() - 40), stated.start()):
                    s.take(q)
                    continue  # "the goal is 2% but the US president wants 5%": a norm's level, nobody's figure
                norm_plan = True  # "Germany's goal is 3.5% of GDP by 2029", "our commitment is 2%": the ally's own plan
            comparator = q.comparator
            if q.value > MAX_PLAUSIBLE_PCT_GDP and not (low.startswith(" of gdp", end) or GDP_TAIL.match(text[end:end + 60])):
                continue  # "spent more than 40%": a share of something else (equipment, the budget ...)
            if not s.words.isdisjoint(_LIST_CUE_WORDS) and not GDP_TAIL.match(text[end:end + 60]) \
                    and _listed_after_another_measure(s, q):
                continue  # "contributed 68 percent, followed by Britain (6 percent)": the lead's measure
            if q.listed or start in s.pairs:  # (values paired with a list of allies: "3.43% and 3.38% for A and B")
                tail = "listed"
            elif low.startswith(" of gdp", end) or low.startswith("of gdp", end):
                # ("a 2% of GDP guideline for all allies": a norm's level named, like "the 2% guideline")
                tail = "ref" if _GDP_NORM_TAIL.match(low, end) else "gdp"
            elif low[end:end + 1] in _NO_TAIL_FIRST:  # "" (the sentence's end) is in no frozenset of characters
                tail = None
            else:
                tail_match = _TAILS_FOLDED.match(low[end:end + 60])
                tail = tail_match.lastgroup if tail_match else None
            value = q.value
            times = _MULTIPLE_BEFORE.search(low, max(0, start - 80), start) \
                if tail == "ref" or low.endswith(" of ", 0, start) else None
            if times is not None and tail != "ref" and not times.group("noun"):
                times = None  # (a level after the target's noun: "more than double the guideline of 2%")
            if status is not None and times is None:
                # a verb or noun of meeting or missing governs the target this figure names ("fell just shy of the
                # 2% threshold", "meets the NATO standard of 2%", "is not meeting the 2% target"): its side, unless
                # a hedge gave the figure its own ("just shy of": nearly)
                if comparator == "eq" or _norms_minimum(status, q):  # (a plan's side: "plans to meet the 2% target by
                    comparator = status.planned or status.side  # 2029", read as a plan by the figure's modality below)
            elif times is not None:
                # "Poland now spends more than twice the 2% target": a figure told as a multiple of the target
                value = q.value * _MULTIPLES[times.group("k")]
                comparator = _MULTIPLE_HEDGE.get(times.group("h") or "", "approx")
            elif tail == "ref":
                verb = _reach_verb(text, low, lo, start)
                if verb is None:
                    continue  # "the alliance's 2 per cent guideline" as a reference, not a claim
                if comparator == "eq" and not _OWN_LEVEL_BEFORE.search(before_low):
                    comparator = verb_comparator(verb)  # (but "a plan barely above its current 1.24% level": its level)
            elif tail == "other":
                continue  # "58 percent of Americans", "20 per cent of their defence budgets"
            elif tail not in ("gdp", "listed") and not _COPULA_BEFORE.search(before_low) \
                    and not _level_reached(low[max(0, start - 80):start]) \
                    and not ((modal := figure_modality(s, q)) is not None and modal[1] == "plan") \
                    and not (text.startswith(":", end) and LISTICLE_ALLY.match(text[end:end + 60])) and not (
                    spend if spend is not None else (spend := _SPEND_CONTEXT_FOLDED.search(low) is not None)) \
                    and _reach_verb(text, low, lo, start) is None \
                    and not ("from" in s.words and s.is_current_origin(q)):
                continue  # (but "a rise from the current level of 1.2 percent" is today's level: read below)
            elif comparator == "eq" and q.decimals == 0 and (verb := _reach_verb(text, low, lo, start)) is not None:
                comparator = verb_comparator(verb)
            if comparator == "eq" and ("target" in low or "goal" in low or "guideline" in low
                                                           or "benchmark" in low or "pledge" in low) \
                    and (target := _TARGET_OBJECT.search(text, max(0, start - 110), start)) is not None:
                # "has hit the goal that allies spend 2% of GDP": the verb's side of the target
                comparator = verb_comparator(target.group("verb"))
            code = relative_owner(s, q) or s.ally_for(q)
            if status is not None and status.target_end <= start and (code is None or not code.isalpha() or len(code) != 3):
                # "The country does not meet an alliance goal that asks its member states to devote at least 2%": the
                # figure is the norm's, said of the status's subject, not of the members the norm names
                code = next((e.code for e in reversed(s._subjects) if e.end <= status.start and e.is_ally), code)
            if code is not None and len(code) == 3 and _QUANTIFIED_SUBJECT.search(low, max(0, start - 60), start) \
                    and not any(e.code == code for e in s.entities):
                continue  # "Spain spends 1.28%. A number of them sit below 1%": some allies, not Spain
            if code in (None, "NATO", "NATO_TOTAL", "NATO_EUR_CAN") and s.scope_change:
                # "excluding the United States, the members spend ...": Europe and Canada; "with America
                # included the figure is ...": the whole alliance
                code = {"without USA": "NATO_EUR_CAN", "with USA": "NATO_TOTAL"}[s.scope_change]
            if code == "NATO" and not _OTHER_PURPOSE.match(text, end) \
                    and (whole or _WHOLE.search(text) or q.decimals and q.value not in _BENCHMARK_VALUES
                         and _THEIR_GDP.match(text, end)):
                # "taken as a whole, the alliance spends 2.43% of its members' GDP"; "member countries would spend
                # 2.51% of their GDP" (a figure no benchmark, of the members' GDP): the alliance's aggregate, and
                # so is a figure compared with it ("..., compared with 2.53% in 2023")
                code = "NATO_TOTAL"
                whole = True
            if code is None or code == "NATO":  # data_code, written out
                continue
            code = _GROUP_DATA_CODE.get(code, code)
            if _said_of_others(text, low, q, code, s) or "according" in s.words and _from_other_source(text, low, q) \
                    or _near_target(low, q) and _office_of(s, code, q) and (status is None or status.planned is None) \
                    or not s.words.isdisjoint(_SAID_WORDS) and _said_by_other_source(text, low, q):
                continue  # announced by another subject; quoted from another source than NATO
            if status is not None and (q.comparator == "eq" or _norms_minimum(status, q)):
                negated = status.negated  # (the status's side holds its negation)
            else:
                negated = _negated_before(text, low, q)
                if negated:  # "does not spend 2%", "fails to meet the 2% target", "is no longer below 2%"
                    comparator = _NEGATE.get(comparator, "lt")
            year, how = s.year_for(q)
            if status is not None and status.planned is not None and how in ("present", "carried") \
                    and (planned_year := _plan_year(s, status.target_end, None)) is not None:
                year, how = planned_year, "deadline"  # "plans to meet the 2% target by 2029": the plan's own time
            if how == "present" and _past_era().search(low) is not None \
                    and _past_era().search(low, *(own := clause_bounds(len(low), s.clause_breaks, start, end))) is not None \
                    and not PRESENT_TENSE_FOLDED.search(low, *own):
                year, how = None, "era"  # "spent barely 1% under the previous government": a past period, no year stated
                # (in the figure's own clause: the present tense of another, "..., but it is now rising", does not date
                # this one, and another's period, "..., while the US, at 3.4%, kept it over the past decade", no figure)
            if how not in ("present", "carried") and year is not None \
                    and (not s.words.isdisjoint(_OWN_CLAUSE_WORDS) or ";" in text):
                lo_c, hi_c = _own_clause(low, start, end)
                if _time_of_other_plan(s, year, how, lo_c, hi_c):
                    year, how = s.latest_year(), "present"  # "..., though Rome plans to raise spending next year"
            if how == "deadline" and year == s.today.year and (s.latest_year() or 0) >= year:
                # "ten allies exceed it by 2020" in a 2020 article, once the edition estimates 2020: the current figure
                how = "present"
            if how == "deadline" or how == "future":
                plan = True
            elif how == "present" or how == "carried":
                # a value in brackets after its ally ("The lowest will be Spain (1.28%), Slovenia (1.29%)") is the
                # figure reported for it: the list's "will be" plans none of them
                plan = not q.listed and is_plan_before(s, q, states_current_estimate(s, year, how))
                if not plan and how == "present" and "raising" in s.words \
                        and _RAISING_TO.search(text, max(0, start - 60), start) is not None:
                    plan = True  # "..., raising its defence spending above 2%": the figure the raise will bring
            else:
                plan = False
            baseline = plan and before_low.endswith("from ") and _TO_FIGURE_AFTER.match(low, end) is not None
            if baseline:
                plan = False  # "plans to raise spending from 1.3% to 2%": the level it starts from is the present one
                planned_next = True  # ... and the level it goes to is the plan
            elif "from" in s.words and s.is_current_origin(q):
                baseline = True  # "... to 2% by 2026 from 0.95 percent now": today's level, reported (Sentence.year_for)
            elif planned_next:
                plan, planned_next = True, False
            s.take(q)
            modal = figure_modality(s, q) if not baseline else None  # the marker governing the figure (frame.py)
            if modal is not None and modal[1] == "drop":
                continue  # "Italy ought to be paying 2%", "if Spain spent 2%", "confident allies can reach 4%"
            if modal is not None and modal[1] == "plan" and (how in ("present", "carried") or year is None):
                # "Portugal has committed to 2.2%", "the Baltic states vowed to raise it to 3%" (with a year the
                # editions estimate, "Berlin aims to reach 2 percent this year" is checked against the estimate)
                plan = True
            if how == "present" and not q.listed and not norm_plan and not toward \
                    and _FUTURE_BEFORE.may_match(s.low, s.tokens) \
                    and (future := _future_before(s, q, modal)) is not None:
                # "Greece will spend 3.82%", "Italy is going to spend the most - 1.6%", "Spain is set to reach 1.3%":
                # a forecast with no year of its own is of the article's year; NATO's estimate for it decides when an
                # edition released by the date holds one (policy: estimates count as data), else it is unverifiable
                # ("is set to spend 1.5%" before any edition estimates the year: unverifiable, not last year's figure)
                year, plan = future, (s.latest_year() or 0) < future
            plan = plan or norm_plan or toward  # (a raise toward a level: where it is meant to go)
            if (plan or year is None or year > (s.latest_year() or year)) and (members := s.set_of(code, q)):
                code = ",".join(members)  # "..., and the Baltic states at least 5%": one plan for the set, never checked
            out.append(Claim("group_pct_gdp" if code.startswith("NATO") else "ally_pct_gdp", self.code, s, code,
                             "def_exp_pct_gdp", value, comparator, year, q,
                             {"plan": plan, "how": how, "negated": negated,
                              **({"modality": modal[0]} if modal is not None and modal[1] else
                                 {"modality": "reported"} if baseline else {})}, self))
            if len(code) == 3 \
                    and not _ONE_OF_THEM_BEFORE.search(low, max(0, start - 30), start):  # (not "the former at 2.43%")
                # a list of allies as the figure's subject (claims/coordination.py): "Estonia and Britain spend 2.14%
                # each", "Latvia and Lithuania both reached 2%", "Belgium, Spain and Luxembourg spend under 1%": every
                # ally of the list
                distributive = bool(_EACH_AFTER.match(text, end) or _BOTH_BEFORE.search(low, max(0, start - 40), start)
                                    or _PLURAL_AFTER_LIST.search(text, max(0, start - 60), start))
                last = next((e for e in reversed(s._subjects) if e.is_ally and e.end <= start), None)
                paired = q.listed or start in s.pairs
                shared = _EACH_AFTER.match(text, end) or _SHARED_IN_BRACKET.search(low, max(0, start - 25), start)
                listed = subject_list(text, low, s._subjects, last, start, end, distributive) \
                    if last is not None and (not paired or shared) else []
                if listed and shared and shared.group(0).lstrip("( ").startswith("both") and len(listed) > 2:
                    listed = listed[-2:]  # "Canada, Spain and Belgium (both with 1.2%)": "both" is the last two
                if not distributive and comparator in ("ge", "gt") and len(listed) > _EACH_AT_MOST:
                    listed = []  # (a long list at or above a threshold names the set that meets it)
                # (values paired with the allies, "A and B, at 1.02% and 0.57%", are each ally's own unless "each"
                # follows: "Estonia and Romania (2.38% each)"; a longer list at
                # or above a threshold, "A, B and C meet 2%", names the set that meets it: rules/set_threshold.py,
                # one claim as real coverage is labelled)
                if s.found and not set(listed).isdisjoint(_in_sets(s.found)):
                    listed = []  # "A, B and C meet 2%": read as the set that meets it (rules/set_threshold.py)
                if not listed and not paired and (members := s.set_of(code, q)) and code in members \
                        and (comparator not in ("ge", "gt") or len(members) <= 2) \
                        and (not s.found or set(members).isdisjoint(_in_sets(s.found))):
                    listed = members  # "The two Baltic states spent about 1.5%": each ally the description stands for
                for other in listed if code in listed else []:
                    if other == code:
                        continue
                    out.append(Claim("ally_pct_gdp", self.code, s, other, "def_exp_pct_gdp", q.value, comparator,
                                     year, q, {"plan": plan, "how": how}, self))
        if not s.words.isdisjoint(_IMPLIED_WORDS) and not s.words.isdisjoint(_IMPLIED_VERBS) and not s.free(("pct",)) \
                and not s.is_question:
            out.extend(self._implied(s, out))
        if not s.free(("pct",)) and not (s.used and not out) and (has_targets and s.statuses
                                                                  or not s.words.isdisjoint(_TARGET_WORDS)):
            # besides a figure of its own ("Croatia falls short of the target at 1.81%") too. The status phrase
            # (claims/status.py: "fell just shy of the target", "is not meeting that standard", "failure to attain
            # its commitment") gives the side, its negation included; else the older target words
            st = next((x for x in s.statuses if x.side != "none"), None)
            if st is None:  # a plan of the ally with no figure in its clause ("Portugal plans to meet the target by
                # 2028", "has committed to exceeding the benchmark", "A intends to meet the goal by 2026, and B plans
                # 2.3%"): a claim, unverifiable unless estimated
                st = next((x for x in s.statuses if x.planned is not None and not _figure_in_clause(s, out, x)), None)
            m = None if st is not None or s.statuses else _TARGET_WORDS_FOLDED.search(low)
            if st is not None and not any(x.start <= st.verb_start < x.end for x in s.quantities) \
                    and level_after(text, st, s.quantities) is None and not (st.anaphoric and out) \
                    and not (out and _TARGET_WORDS_FOLDED.search(low) is None):
                # (beside the ally's own figure, only the older target words add a claim: "Croatia falls short of
                # the target at 1.81%" is two claims, "Poland clears the mark with 2.01%" one, as labelled)
                # (a target with its own level, "the new target of 3.5%", was read with that figure or by another rule)
                carried = s.carry.threshold
                level = carried[2] if st.anaphoric and carried is not None and carried[0] == "def_exp_pct_gdp" else 2.0
                q = Quantity(st.start, st.target_end, "pct", level, 0, st.planned or st.side, text[st.start:st.target_end])
                begin, negated = st.start, st.negated
            elif m and not any(x.start <= m.start() < x.end for x in s.quantities):
                verb = text[m.start("verb"):m.end("verb")]
                q = Quantity(m.start(), m.end(), "pct", 2.0, 0, verb_comparator(_ADVERB.sub("", verb)),
                             text[m.start():m.end()])
                begin, negated = m.start(), _negated_before(text, low, q)  # "Italy is not meeting the target": below it
                if negated:
                    q = Quantity(q.start, q.end, "pct", 2.0, 0, _NEGATE.get(q.comparator, "lt"), q.text)
            else:
                q = None
            speaker = _speaker_ally(s, begin) if q is not None and st is not None else None
            if speaker is not None:
                # "'We are meeting our commitment,' said the Estonian prime minister": the speaker's country
                s.quantities.append(q)
                s.quantities.sort(key=lambda x: x.start)
                claim = self._claim(s, q, speaker, q.comparator, [])
                claim.extra.update(implied=True, negated=negated)
                planned = st is not None and st.planned is not None
                if planned:  # "'We have pledged to meet our commitment,' the minister said"
                    claim.extra["plan"] = True
                    claim.year = _plan_year(s, q.end, claim.year)
                if not claim.extra["plan"] or planned:
                    out.append(claim)
            elif q is not None:
                subject = data_code(s.ally_for(q))
                # (not the last ally of a list: "A, B and the US were the only allies to meet the target" is a set;
                # nor an ally before a set the status is said of: "X is among the allies that meet the target"; but
                # a list's plan is one claim for the list: "Italy and Spain plan to reach the guideline by 2029")
                listed = s.listed_with(subject, q) if subject else []
                planned_list = bool(listed) and st is not None and st.planned is not None \
                    and not any(e.kind == "set" and e.end <= q.start for e in s.entities)  # (named, not "the three")
                if subject and any(e.is_ally for e in s.subjects()) and (not listed or planned_list) \
                        and not _set_between(s, subject, begin) \
                        and not (_office_of(s, subject, q) and (st is None or st.planned is None)) \
                        and not _inverted_list(s, subject, q.end) \
                        and not _counted_between(s, subject, begin) \
                        and all(c.subject != subject or c.value != q.value for c in out):
                    s.quantities.append(q)
                    s.quantities.sort(key=lambda x: x.start)
                    comparator = q.comparator
                    if _not_in_set(s, subject, begin):  # "Italy is not one of the allies that meet the target"
                        comparator, negated = _NEGATE.get(comparator, "lt"), True
                    claim = self._claim(s, q, subject, comparator, [])  # (is_plan asked once, here)
                    claim.extra["implied"] = True  # the target named in words: a claim of its own beside a figure
                    claim.extra["negated"] = negated
                    # (in the status's own clause: "Leaders pledged more, while Canada is failing to meet it")
                    clause = max((b_end for _b, b_end in s.clause_breaks if b_end <= begin), default=0)
                    plan_word = PLAN_WORDS_FOLDED.search(low, max(0, begin - 40, clause), begin)
                    if st is not None and st.planned is not None:
                        claim.extra["plan"] = True  # (a plan, vow or commitment: never the present's status)
                        claim.year = _plan_year(s, st.target_end, claim.year)
                        if planned_list:
                            claim.subject = ",".join(dict.fromkeys([*listed, subject]))
                    if _BOTH_BEFORE.search(low, max(0, begin - 40), begin):
                        pass
                    elif not claim.extra["plan"] and plan_word is None or st is not None and st.planned is not None:
                        out.append(claim)
                    elif not out and plan_word is not None and plan_word.group(0) == "will":
                        # "Spain will meet the target this year": a plan (unverifiable), or NATO's estimate of the
                        # year when an edition holds it; beside a planned figure it only restates the plan ("expects
                        # 2.1%, which would put it above the target")
                        out.append(claim)
        if out and ("so" in s.words or "same" in s.words or "likewise" in s.words or "suit" in s.words or "to" in s.words) \
                and not s.words.isdisjoint(_DO_WORDS):
            out.extend(self._elided(s, out))
        if out and not s.words.isdisjoint(_SO_WORDS) and (m := so_does_after(s, out[-1].quantity.end
                                                                              if out[-1].quantity else 0)) is not None:
            out.extend(self._so_does(s, m, out[-1]))
        if not s.words.isdisjoint(_EXCEPT_WORDS) and (out or s.statuses or s.has_number):
            out.extend(self._excepted(s, out))
        if "from" in s.words:  # a level and the level it changed from: two claims, two years (rules/level_change.py)
            if len(out) >= 2:
                level_change.pair_years(s, out)
            elif not out and not s.words.isdisjoint(_SHARE_NOUNS):
                out = level_change.bare_pair(s, self)  # "took the proportion of its output ... to 1.74 from 1.22"
        return out

    def _fraction_of_target(self, s: Sentence) -> list[Claim]:
        """"Spain spends about half the 2% target", "Belgium is barely meeting two-thirds of the minimum spending
        target", "less than a third of the 2% goal": the ally's share of GDP as a fraction of the target's level (the
        level the target names, else the threshold talked about, else the 2% guideline); the hedge before the fraction
        gives the comparator, "about" when none (a fraction is a rough figure)."""
        out = []
        for q in s.quantities:
            if q.kind != "fraction" or (m := _FRACTION_TARGET().match(s.low, q.end)) is None:
                continue
            code = data_code(s.ally_for(q))
            if not code or len(code) != 3 or not (_SPEND_CONTEXT_FOLDED.search(s.low, max(0, q.start - 50), q.start)
                                                  or _REACH_BEFORE_FOLDED.search(s.low[max(0, q.start - 40):q.start])):
                continue  # (spent, put, devoted, or met or reached: "barely meeting half the target")
            modal = figure_modality(s, q)
            if modal is not None and modal[1] == "drop" or _DEMANDED_WORDS.search(s.low, max(0, q.start - 60), q.start):
                continue  # "Spain should spend at least half the target": what is wanted
            carried = s.carry.threshold
            level = float(m.group("lvl")) if m.group("lvl") else carried[2] if carried is not None \
                and carried[0] == "def_exp_pct_gdp" else 2.0
            if m.group("lvl"):
                inside = next((x for x in s.quantities if x.kind == "pct" and x.start == m.start("lvl")), None)
                if inside is not None:
                    s.take(inside)  # the target's own level: nobody's figure
            value = round(q.value * level, 2)
            comparator = "approx" if q.comparator == "eq" else q.comparator
            figure = Quantity(q.start, q.end, "pct", value, 2, comparator, q.text)
            year, how = s.year_for(q)
            plan = how in ("deadline", "future") or year is not None and year > (s.latest_year() or year) \
                or modal is not None and modal[1] == "plan"
            out.append(Claim("ally_pct_gdp", self.code, s, code, "def_exp_pct_gdp", value, comparator, year, figure,
                             {"plan": plan,
                              "how": how, "fraction_of_target": round(q.value, 3), "target_level": level}, self))
            s.take(q)
        return out

    def _excepted(self, s: Sentence, found: list[Claim]) -> list[Claim]:
        """"Germany now meets the 2% goal, but not Italy", "Poland spends well over 2%, unlike Spain", "..., with the
        exception of Denmark": the allies named right after the words (lexicon except.csv) are on the other side of
        the comparison the clause before makes, a claim read here or a status against a threshold (a value, "2.2%,
        unlike Italy", says nothing of the others)."""
        m = _EXCEPT().search(s.low)
        if m is None:
            return []
        codes = _allies_from(s, m.end())
        if not codes:
            return []
        # (a claim this rule read, or one an earlier rule read for a list: "A and B spend well over 2%", set_threshold)
        prior = [c for c in (*s.found, *found) if c.type == "ally_pct_gdp" and c.quantity is not None
                 and c.quantity.end <= m.start() and c.comparator in OPPOSITE and c.subject not in codes]
        if prior:
            base = prior[-1]
            comparator, value, year, q = OPPOSITE[base.comparator], base.value, base.year, base.quantity
            extra = {"plan": base.extra.get("plan", False), "how": base.extra.get("how"), "excepted": True}
        elif (reached := _threshold_reached_before(s, m.start())) is not None:
            # "Nine allies hit the 2% mark, but not Spain": the figure names the target
            side, q = reached
            comparator, value = OPPOSITE[side], q.value
            year, how = s.year_for(q)
            if how in ("deadline", "future") or modality_plan(s, q.start):
                return []
            extra = {"plan": False, "how": how, "excepted": True}
        else:
            st = next((x for x in reversed(s.statuses) if x.side in OPPOSITE and x.target_end <= m.start()), None)
            if st is None:
                return []
            level = level_after(s.text, st, s.quantities)
            carried = s.carry.threshold
            value = level.value if level is not None else carried[2] if st.anaphoric and carried is not None \
                and carried[0] == "def_exp_pct_gdp" else 2.0
            comparator = OPPOSITE[st.side]
            q = Quantity(st.start, st.target_end, "pct", value, 0, comparator, s.text[st.start:st.target_end])
            year, how = s.year_for(level if level is not None else q)
            if how in ("deadline", "future") or modality_plan(s, st.start):
                return []  # "all must reach 2% by 2030, except Spain": no statement of where Spain stands
            extra = {"plan": False, "how": how, "excepted": True}
        return [Claim("ally_pct_gdp", self.code, s, code, "def_exp_pct_gdp", value, comparator, year, q, dict(extra), self)
                for code in codes if not any(c.subject == code for c in (*s.found, *found))]

    def _same_as_before(self, s: Sentence, m: re.Match, level: Level, exact: bool) -> list[Claim]:
        """"Germany met the goal last year. NATO praised Italy for following suit.": the level the sentence before gave
        one ally, said of the allies this sentence names (not that ally, nor one it is compared with), in this
        sentence's own year, else that level's; a plan when that level was one or this sentence plans it."""
        if s.has_number and s.free(("pct",)):
            return []  # a figure of its own: read as such
        allies = [e for e in s._subjects if e.is_ally and e.code != level.subject
                  and not COMPARED_BEFORE_FOLDED.search(s.low[max(0, e.start - 30):e.start])]
        codes = list(dict.fromkeys(e.code for e in allies))
        if not codes or len(codes) > 4:
            return []
        if level.comparator in ("eq", "exact", "approx", "nearly") and not exact:
            return []  # "raised spending to 2.1%. France followed suit": raised it too, not surely to 2.1%
        year, how = s.year_for(Quantity(m.start(), m.end(), "pct", level.value, level.decimals, level.comparator, ""))
        if how == "present" and level.year is not None and not PRESENT_TENSE_FOLDED.search(s.low):
            year, how = level.year, "carried"  # "Latvia did the same": in the year of the sentence before
        plan = level.plan or s.is_plan() or _EXPECTED.search(s.low) is not None  # "Latvia is expected to follow suit"
        out = []
        for code in codes:
            q = Quantity(m.start(), m.end(), "pct", level.value, level.decimals, level.comparator, s.text[m.start():m.end()])
            out.append(Claim("ally_pct_gdp", self.code, s, code, "def_exp_pct_gdp", level.value, level.comparator, year, q,
                             {"plan": plan, "how": how, "negated": False, "same_as": level.subject}, self))
        return out

    def _among_them(self, s: Sentence, m: re.Match) -> list[Claim]:
        """"Only 23 allies meet the 2% target this year. Italy is not among them.": the allies named before the words are
        on the side of the threshold the sentence before counted (negated: the other side), in its year."""
        if s.carry.threshold is None:
            return []
        indicator, op, value = s.carry.threshold
        if indicator != "def_exp_pct_gdp" or op not in _NEGATE or op in ("eq", "nearly", "approx"):
            return []
        allies = [e for e in s._subjects if e.is_ally and e.end <= m.start()]
        if not allies or any(e.kind == "group" and e.end <= m.start() for e in s._subjects):
            return []
        codes = [allies[-1].code, *s.listed_with(allies[-1].code, Quantity(m.start(), m.end(), "pct", value, 0, op, ""))]
        negated = m.group("neg") is not None or " not " in s.low[m.start():m.end()]
        comparator = _NEGATE[op] if negated else op
        q = Quantity(m.start(), m.end(), "pct", value, 0, comparator, s.text[m.start():m.end()])
        year, how = s.year_for(q)
        plan = how in ("deadline", "future") or year is not None and year > (s.latest_year() or year)
        return [Claim("ally_pct_gdp", self.code, s, code, "def_exp_pct_gdp", value, comparator, year, q,
                      {"plan": plan, "how": how, "negated": negated, "among": True}, self) for code in dict.fromkeys(codes)]

    def _so_does(self, s: Sentence, m: re.Match, last: Claim) -> list[Claim]:
        """"Estonia spent 3.4% in 2024, and so did Latvia", "..., as does Lithuania": the ally after the words takes the
        claim before them (its value, comparator, year and plan)."""
        ally = next((e for e in s._subjects if e.is_ally and e.start == m.end()), None)
        if ally is None or ally.code == last.subject or last.type != "ally_pct_gdp" or not last.subject \
                or len(last.subject) != 3 or any(q.start >= ally.end for q in s.quantities) \
                or any(e.is_ally and e.start >= ally.end for e in s._subjects):
            return []
        return [Claim("ally_pct_gdp", self.code, s, ally.code, "def_exp_pct_gdp", last.value, last.comparator, last.year,
                      last.quantity, {**last.extra, "same_as": last.subject}, self)]

    def _elided(self, s: Sentence, before: list[Claim]) -> list[Claim]:
        """"Romania plans to reach 2% in 2017, and Latvia and Lithuania expect to do so in 2018": the allies of the
        elided clause take the figure and comparator of the claim before it, with the clause's own year (none: no
        claim); a plan word in the clause makes it a plan."""
        out: list[Claim] = []
        for m in DO_SO.finditer(s.text):
            prior = [c for c in before if c.quantity is not None and c.quantity.end <= m.start()]
            if not prior or prior[-1].quantity is None:
                continue
            last = prior[-1]
            last_end = prior[-1].quantity.end
            allies = [e for e in s._subjects if e.is_ally and last_end <= e.start and e.end <= m.start()]
            if not allies or s.text[allies[-1].end:m.start("verb")].strip() and not _MODAL_GAP.fullmatch(
                    s.text, allies[-1].end, m.start("verb")):
                continue
            run = [allies[-1]]
            for a in reversed(allies[:-1]):
                if not _AND_LIST.fullmatch(s.text, a.end, run[0].start):
                    break
                run.insert(0, a)
            t = next((t for t in s.times if t.year and m.end() <= t.start <= m.end() + 3
                      and t.kind in ("year", "deadline", "this_year", "next_year", "last_year")), None)
            if t is None:
                continue
            plan = t.kind in ("deadline", "next_year") or PLAN_WORDS_FOLDED.search(s.low, run[-1].end, m.end()) is not None \
                or _EXPECTED.search(s.low, run[-1].end, m.end()) is not None or t.year > (s.latest_year() or t.year)
            codes = [e.code for e in run if e.code != last.subject]
            # a plan is one claim for the list (never checked, whoever holds it); a past figure is checked per ally
            for code in [",".join(codes)] if plan and codes else codes:
                out.append(Claim("ally_pct_gdp", self.code, s, code, "def_exp_pct_gdp", last.value, last.comparator,
                                 t.year, last.quantity, {"plan": plan, "how": "elided"}, self))
        return out

    def _implied(self, s: Sentence, found: list[Claim]) -> list[Claim]:
        """"Italy and Belgium, who also fall short on their spending": below the threshold the sentence (or the one
        before) talks about, the 2% guideline when none; one claim per ally listed. Every such phrase of the sentence
        is read ("A and B fell short, with C, D and E lagging further behind": five allies below it)."""
        out: list[Claim] = []
        for m in IMPLIED_THRESHOLD.finditer(s.text):
            out += self._implied_at(s, m, [*found, *out])
        return out

    def _implied_at(self, s: Sentence, m: re.Match, found: list[Claim]) -> list[Claim]:
        """One phrase of `_implied`: the allies right before it, below the threshold talked about."""
        if any(x.start <= m.start() < x.end for x in s.quantities):
            return []
        carried = s.carry.threshold
        # a threshold the sentence named before the phrase ("A met the 2 per cent goal, with B lagging behind")
        own = next((st for st in s.statuses if st.side in ("ge", "gt") and st.target_end <= m.start()), None)
        level = level_after(s.text, own, s.quantities) if own is not None else None
        if carried is not None and carried[0] != "def_exp_pct_gdp" and own is None:
            return []  # the threshold talked about is not a share of GDP
        low = s.low
        if carried is None and own is None and not ("spend" in low or "defen" in low or "budget" in low
                                                    or "guideline" in low or "target" in low):
            return []  # "growth fell short": no threshold talked about
        value = level.value if level is not None else 2.0 if own is not None or carried is None else carried[2]
        q = Quantity(m.start(), m.end(), "pct", value, 0, "lt", m.group(0))
        ally = next((e for e in reversed(s.subjects()) if e.is_ally and e.end <= m.start()), None)
        # the ally right before the phrase, a comma or a copula maybe between ("with A, B and C, lagging behind")
        subject = ally.code if ally is not None and _RIGHT_BEFORE_IMPLIED.fullmatch(s.low, ally.end, m.start()) \
            else data_code(s.ally_for(q))
        if not subject or ally is None or ally.code != subject or _negated_before(s.text, s.low, q) \
                or any(c.subject == subject for c in found):
            return []
        if any(not e.is_ally and ally.end <= e.start and e.end <= m.start() for e in s.subjects()):
            return []  # "Estonia hits 2%, while most allies still fall short": the group named between lags, not Estonia
        s.quantities.append(q)
        s.quantities.sort(key=lambda x: x.start)
        claim = self._claim(s, q, subject, "lt", [])
        if claim.extra["how"] == "carried" and m.group("verb").lower().startswith(_PRESENT_IMPLIED):
            claim.year = s.latest_year()  # "who also fall short": the present, not the year talked about before
        claim.extra["implied"] = True
        out = [claim]
        for other in s.listed_with(subject, q):
            out.append(Claim("ally_pct_gdp", self.code, s, other, "def_exp_pct_gdp", value, "lt", claim.year, q,
                             dict(claim.extra), self))
        return out

    def _figure_first(self, s: Sentence) -> list[Claim]:
        """A listicle item that opens with its figure: "2.4: share of GDP NATO estimates Latvia spends in 2019"."""
        m = _FIGURE_FIRST.match(s.text)
        if m is None:
            return []
        ally = next((e for e in s.subjects() if e.is_ally and e.start >= m.end()), None)
        if ally is None or ally.code is None:
            return []
        value = float(m.group("n"))
        decimals = len(m.group("n").partition(".")[2])
        q = Quantity(m.start("n"), m.end("n"), "pct", value, decimals, "eq", m.group("n"))
        i = next((i for i, x in enumerate(s.quantities) if x.start == q.start), None)
        if i is not None:
            if i in s.used:
                return []
            s.used.add(i)
        year, how = s.year_for(q)
        source = s.low[m.end():ally.start]
        # a forecast by anyone but NATO ("the government expects Canada to spend") or beyond the editions: a plan
        plan = how in ("deadline", "future") or year is None or year > (s.latest_year() or year) \
            or "nato" not in source and _FORECASTER.search(source) is not None
        return [Claim("ally_pct_gdp", self.code, s, data_code(ally.code), "def_exp_pct_gdp", value, "eq", year, q,
                      {"plan": plan, "how": how, "negated": False}, self)]

    def _claim(self, s: Sentence, q: Quantity, code: str, comparator: str, plans: list[bool]) -> Claim:
        """`plans`: whether the sentence holds a plan word at all, once known (asked once per find). A target named in
        words (q) takes its year and its plan from its own clause only: "Italy falls short of the target, though Rome
        plans to raise spending next year" is this year's shortfall, no plan."""
        year, how = s.year_for(q)
        lo, hi = _own_clause(s.low, q.start, q.end)
        if _time_of_other_plan(s, year, how, lo, hi):
            year, how = s.latest_year(), "present"  # the year is another clause's plan's
        if how in ("deadline", "future"):
            plan = True
        elif states_current_estimate(s, year, how):
            plan = is_plan_before(s, q, True)
        elif how in ("present", "carried"):
            if not plans:
                plans.append(s.is_plan())
            plan = plans[0] and PLAN_WORDS_FOLDED.search(s.low, lo, hi) is not None
        else:
            plan = False
        s.take(q)
        # what self.claim(...) builds (extra in the same key order), with its type set at once
        return Claim("group_pct_gdp" if code.startswith("NATO") else "ally_pct_gdp", self.code, s, code,
                     "def_exp_pct_gdp", q.value, comparator, year, q, {"plan": plan, "how": how}, self)


def mark_shortfalls(s: Sentence, found: list[Claim]) -> None:
    """"Romania spent 1.92% of GDP in 2018, below the target of 2%", "Italy spent 1.50 percent last year, well below
    the 2 percent NATO target": a shortfall from a target whose level is named, set after an ally's own figure as an
    apposition, is a claim of its own beside the figure (as labelled: not meeting the target is the compliance claim),
    not a less precise reading of it that the sentence's deduplication would drop: it is marked `implied`, like a
    target named in words. Run on the claims of every rule of the sentence (the figure may be the recall net's). Not
    "..., well above NATO's 2% target" after a figure (it only restates it: labelled as one claim), nor after a planned,
    future or approximate figure ("puts this year's budget at about 1.6%, below ..."), nor past a new clause or verb
    (", but it is expected to remain ...")."""
    latest = s.latest_year()
    nouns = target_nouns()
    _mark_shortfalls_in_aside(s, found, latest)
    _mark_shortfalls_in_own_clause(s, found, latest)
    for figure in found:
        fq = figure.quantity
        if fq is None or figure.type != "ally_pct_gdp" or figure.comparator != "eq" or not figure.subject \
                or len(figure.subject) != 3 or figure.extra.get("plan") or figure.extra.get("implied") \
                or figure.year is not None and latest is not None and figure.year > latest:
            continue
        x = next((x for x in s.quantities if x.kind == "pct" and x.start >= fq.end), None)
        if x is None or x.start - fq.end > 90 or not _APPOSED_STATUS_GAP.fullmatch(s.text, fq.end, x.start) \
                or not (nouns.search(s.low, x.end, x.end + 30) or TARGET_OF_BEFORE.search(s.text, fq.end, x.start)):
            continue  # (the level of a named target, right after the figure's apposition)
        read = next((c for c in found if c.quantity is not None and c.quantity.start == x.start
                     and c.type == "ally_pct_gdp"), None)
        if read is not None and read.subject == figure.subject and read.comparator in ("lt", "le") \
                and read.year == figure.year and not read.extra.get("plan"):
            read.extra["implied"] = True


# a clause of its own joined after the ally's figure: "and has for years missed", "but still falls short of" (on
# the text between the figure and the status phrase, which may open inside a word at a contraction's n't: "and has|n't met";
# a headline or an apposed figure joins by a comma: "Spain spends 1.28%, still misses 2% goal", "Canada, at 1.4%, still falls")
_JOINED_CLAUSE = re.compile(r"[^;:()\[\]!?]*?(?:\b(?:and|but|yet|while)|,)\s(?:[\w'’-]+\s){0,4}?\w*$", re.I)


def _mark_shortfalls_in_own_clause(s: Sentence, found: list[Claim], latest: int | None) -> None:
    """"Canada spends about 1.3% of GDP and has for years missed the 2% goal", "Italy is at 1.5% but still falls
    short of the guideline of 2%": a shortfall said by a status phrase in a clause joined after the ally's own figure
    (any hedge) in the same year is a claim of its own beside the figure (as labelled), marked `implied` as in
    mark_shortfalls. Meeting a target beside the figure stays one claim ("is at 2.1% and meets the target")."""
    for read in found:
        rq = read.quantity
        if rq is None or read.type != "ally_pct_gdp" or read.comparator not in ("lt", "le") or read.extra.get("plan") \
                or read.extra.get("implied") or not read.subject or len(read.subject) != 3 \
                or read.year is not None and latest is not None and read.year > latest:
            continue
        status = next((st for st in s.statuses if st.side == "lt" and st.start < rq.start <= st.target_end + 30), None)
        if status is None:
            continue
        figure_ends = [c.quantity.end for c in found if c is not read and c.type == "ally_pct_gdp"
                       and c.subject == read.subject and c.year == read.year and not c.extra.get("plan")
                       and c.quantity is not None and c.quantity.end <= status.start]
        if figure_ends and _JOINED_CLAUSE.fullmatch(s.text, figure_ends[0], status.start):
            read.extra["implied"] = True


# an aside on an ally that opens right after it (", which ...", ", often chided for ...") and closes before its figure
_ASIDE_AFTER_ALLY = re.compile(r",\s(?:which|who)\b|,\s(?:(?:\w+ly|long|once|often|still)\s)?\w+(?:ed|en)\s(?:by|for|over)\b", re.I)


def _mark_shortfalls_in_aside(s: Sentence, found: list[Claim], latest: int | None) -> None:
    """"Canada, which allies have long criticised for not meeting the 2% target, is expected to spend 1.37%", "Spain,
    often chided for falling short of the 2% guideline, spends 1.28%": a shortfall said in an aside on the ally, before
    its own figure in the same year, is a claim of its own beside the figure (as labelled), marked `implied` as in
    mark_shortfalls."""
    for read in found:
        rq = read.quantity
        if rq is None or read.type != "ally_pct_gdp" or read.comparator not in ("lt", "le") or read.extra.get("plan") \
                or read.extra.get("implied") or not read.subject or len(read.subject) != 3:
            continue
        figure = next((c for c in found if c is not read and c.type == "ally_pct_gdp" and c.subject == read.subject
                       and c.year == read.year and c.comparator == "eq" and not c.extra.get("plan")
                       and c.quantity is not None and c.quantity.start >= rq.end), None)
        if figure is None or figure.quantity is None or read.year is not None and latest is not None and read.year > latest:
            continue
        close = s.text.rfind(",", rq.end, figure.quantity.start)
        ally = next((e for e in reversed(s._subjects) if e.is_ally and e.code == read.subject and e.end <= rq.start), None)
        if close < 0 or ally is None or _ASIDE_AFTER_ALLY.match(s.text, ally.end) is None \
                or any(ch in s.text[ally.end:figure.quantity.start] for ch in ";:()") \
                or any(e.is_ally and e.code != read.subject and close < e.start < figure.quantity.start for e in s._subjects):
            continue
        read.extra["implied"] = True


# a future auxiliary and a verb of spending governing a figure with no year of its own (on Sentence.low, up to the
# figure, in its clause): "will spend", "is going to spend the most on defence -", "is set to devote" (not "will
# meet / reach / exceed the target": a vow or a forecast of a status, read by the status rules)
_FUTURE_BEFORE = gated(future("spend_aux", tail=r"\s(?:(?:again|still|also|now|only|just)\s)?(?:spend|devote|allocate|invest|put"
                                                r"|dedicate|earmark)\s[^,;()]{0,70}$"))  # (lexicon future.csv)
# a speech verb before the auxiliary: "Spain says it will spend 2.1%", a reported intention (a plan)
_SAYS_BEFORE = re.compile(r"\b(?:says?|said|told|tells|announced|announces|insists?|insisted|claims?|claimed|promised|vowed)\b")
_LATER_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:soon|eventually|someday|one\sday|in\s(?:the\s)?(?:coming|next|future)\b)")
_FUTURE_AUX_WORDS = frozenset({"will", "going to"})


def _future_before(s: Sentence, q, modal) -> int | None:
    """The article's year when a future auxiliary ("will", "is going to", "is set to", "is expected to") governs
    figure q, which has no year of its own, and no plan verb does ("plans to", "vowed", "promised": a national plan
    stays one); else None."""
    lo = max((x.end for x in s.quantities if x.end <= q.start), default=0)
    m = _FUTURE_BEFORE.search(s.low, max(lo, q.start - 90), q.start)
    if m is None or _LATER_AFTER.match(s.low, q.end):
        return None  # (or "will hit the 2% target soon": some later year)
    if modal is not None and modal[1] == "plan" and modal[2] < m.start():
        return None  # "Spain plans to ... and will spend 2%": the plan verb governs
    if _SAYS_BEFORE.search(s.low, max(lo, m.start() - 60), m.start()):
        return None  # "Spain says it will spend 2.1%": the government's stated intention, a plan
    if any(p.group(0).lower() not in _FUTURE_AUX_WORDS for p in PLAN_WORDS_FOLDED.finditer(s.low, lo, q.start)
           if not m.start() <= p.start() < m.end()):
        return None  # "Madrid promised it will spend 2%"
    return s.today.year
