"""How many allies meet a threshold ("only five allies met the guideline", "Fewer than ten European
allies", "most allies"), and the all/none forms ("no NATO member has reached 5%", "every ally ...")."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ...members import europe_and_canada, roster
from ...targets import pledge_date, pledges_in_force
from .. import negation
from ..context import joined
from ..dates import PRESENT_WORD, future, year_words
from ..extract import (
    PRESENT_TENSE_FOLDED,
    TARGET_OF_BEFORE,
    TARGET_SET_IN,
    Claim,
    Sentence,
    norm_deadline,
    year_step,
)
from ..gates import gated
from ..grammar import folded, folded_pattern
from ..lexicon import patterns, rows
from ..quantities import NUMBER_WORDS, Quantity, hedge_before
from ..status import covering as status_covering
from ..status import proform_after, verb_pattern
from ..verify import EQUIP, GDP, OPPOSITE
from .ally_pct import AllyPctRule, not_gdp_after, relative_owner
from .base import Rule
from .member_count import _BODY

# the nouns a number counts, and those that also name the membership after "of" (lexicon count_nouns.csv)
_COUNTED = "|".join(re.escape(r["noun"]) for r in rows("count_nouns") if r["counted"] == "yes")
_MEMBERSHIP = "|".join(re.escape(r["noun"]) for r in rows("count_nouns"))
COUNT_NOUN = re.compile(r"^\s{0,2}(?::\s(?:the number of\s)?)?(?:of\s(?:the\s|its\s)?(?:(?:alliance|bloc|NATO)['’]?s\s)?(?:\d+\s)?)?"
                        r"(?:(?:NATO|European|other"
                        rf"|reporting|more|allied|alliance|non-U\.?S\.?|non-American)\s){{0,2}}(?:{_COUNTED})\b", re.I)
_NON_US = re.compile(r"\bnon-(?:u\.?s\.?|american)\s")  # "five non-U.S. countries": the others than the US (folded text)
# "7: allies forecast to hit 2% in 2019" (a listicle item led by its count)
LISTICLE = re.compile(r"^\s{0,2}:\s[^.]{0,30}\b(?:allies|members|countries|nations|states)\b", re.I)
MOST = re.compile(r"\b(?:most|(?:(?:the|a)\s)?(?:(?:vast|large|clear|big|overwhelming|great|slim|narrow)\s)?majority)\s(?:of\s)?"
                  r"(?:the\s)?(?:NATO\s|European\s)?(?:allies|members|countries|member\sstates|nations)\b", re.I)
# "most" alone as the subject of a verb of standing at or reaching a level: "given that most aren't even at the 2%
# threshold", "most still do not meet it", "most fall short of 2%" (folded text; the match is the word "most")
_BARE_MOST = re.compile(r"(?<!\bthe\s)(?<!\bat\s)\bmost(?=\s(?:(?:still|now|already|currently)\s)?"
                        r"(?:(?:are|were)(?:\snot)?\s(?:(?:still|even|yet|now|already|well|far|just)\s){0,2}"
                        r"(?:at|near|below|above|under|over|short\sof)\b"
                        r"|(?:aren['’]t|weren['’]t)\s(?:(?:still|even|yet|now)\s){0,2}(?:at|near|meeting|reaching|spending)\b"
                        r"|(?:do|did|have|had)(?:\snot|n['’]t)\s(?:(?:yet|even|still)\s)?(?:meet|met|reach\w*|hit|spen[dt]|achiev\w*)\b"
                        r"|(?:meet|reach|hit|exceed|fall\sshort|fell\sshort|remain\sbelow|lag\sbehind)\b))")
# "nearly all allies", "almost every member": more than half, not all (read as "most"; folded text, before ALL)
_NEARLY_ALL_BEFORE = re.compile(r"\b(?:nearly|almost|virtually|practically|not\squite)\s$")
# "none of NATO's / the alliance's members", and "none of its members" after the alliance is named ("NATO's report
# says none of its members ...", `_none_of`): the alliance's own members, as "none of the members"
NONE = re.compile(r"\b(?:no|none of (?:the|(?P<its>its)|NATO['’]s|the alliance['’]s)|not one|not a single|not one of the)\s"
                  r"(?:\d{1,2}\s)?(?:NATO\s|other\s)?(?:member|ally|allies"
                  r"|members|country|countries)\b|^0:\s", re.I)
# (not the object of a preposition: "estimates published for all its members" is no claim about all of them; nor the
# agent of a norm's making: "a goal set by all allies in 2014" names who agreed it, not who meets it)
ALL = re.compile(r"(?<!\bfor\s)(?<!\bof\s)(?<!\bamong\s)(?<!\bfrom\s)(?<!\bwith\s)(?<!\bset\sby\s)(?<!\bagreed\sby\s)"
                 r"(?<!\badopted\sby\s)(?<!\bendorsed\sby\s)(?<!\bapproved\sby\s)\b(?:every|all|each\sof)\s(?:one of\s)?(?:(?:our|the|NATO|NATO['’]s|alliance['’]s|\d+|reporting|of|its|their|European|other|single|\(NATO\)"
                 # "all North Atlantic Treaty Organisation (Nato) members"
                 r"|North\sAtlantic\sTreaty\sOrgani[sz]ation(?:['’]s)?|NATO\s\(\w+\))\s){0,3}(?:allies|ally|members"
                 # "all NATO countries", a headline's "all countries to hit 2%" (not "all countries in Europe / worldwide")
                 r"|member|(?:countries|nations)(?!\s(?:in|of|outside|bordering|worldwide|combined|together|around"
                 r"|across|except|but)\b))\b", re.I)
# every NONE match starts with one of these words (or is "0:" at the start), every ALL match with one of those
_NONE_WORDS = frozenset({"no", "none", "not"})
_ALL_WORDS = frozenset({"every", "all", "each"})
# a superlative whose scope the "all" names: "the smallest across all members", "the highest among all allies"
_SUPERLATIVE_SCOPE_BEFORE = re.compile(r"\b(?:\w+est|most|least)\s(?:[\w-]+\s)?(?:across|among(?:st)?|of|in)\s$")
_ALL_OR_NONE_WORDS = _ALL_WORDS | _NONE_WORDS
_NONE_FOLDED, _ALL_FOLDED, _MOST_FOLDED = folded_pattern(NONE), folded_pattern(ALL), folded_pattern(MOST)
_ALLIANCE_NAMED = re.compile(r"\b(?:nato|alliance)\b")  # (folded text)


def _none_of(low: str) -> bool:
    """Whether the sentence says "none of the allies": "its members" only when the alliance is named before it (not
    "Spain said none of its members of parliament backed 2%")."""
    m = _NONE_FOLDED.search(low)
    return m is not None and (m.group("its") is None or _ALLIANCE_NAMED.search(low, 0, m.start()) is not None)
# "the target", "the Western military alliance's defence spending target", "the spending standards"
THRESHOLD_REF = re.compile(r"\b(?:the|that|this)\s(?:(?:2\s?%|2 per ?cent|two per ?cent|NATO|NATO['’]s|alliance['’]s|"
                           r"western|military|defen[cs]e|spending|agreed)\s){0,5}"
                           r"(?:guideline|target|goal|mark|benchmark|line|bar|threshold|floor|standards?|requirement)\b|\bmeet(?:ing)? it\b|\breach(?:ing)? it\b"
                           # "only five met the minimum contribution level": the guideline
                           r"|\bthe\s(?:minimum|required|agreed)\s(?:[\w-]+\s)?level\b"
                           # "six of 28 allies honour their commitment": the guideline
                           r"|\b(?:met|meet|meets|meeting|honou?r(?:ed|ing)?|fulfill?(?:ed|ing)?)\s(?:their|its)\s(?:spending\s)?commitments?\b"
                           # "only eight countries are due to fall short of the deadline": the guideline's deadline
                           r"|\b(?:fall|falls|fell|falling)\sshort\sof\sthe\sdeadline\b|\bmiss(?:es|ed|ing)?\sthe\sdeadline\b", re.I)
# the guideline, unnamed: "21 of the 29 members are not paying what they should", "why are only 7 of 29 allies paying
# their fair share?" (group "at": where the threshold's comparator is read)
UNNAMED_GUIDELINE = re.compile(r"\b(?:pay|paying|pays|spend|spending)\s(?P<at>what\sthey\s(?:should|ought to|are supposed to)"
                               r"|their\s(?:fair\s|full\s)?share)\b", re.I)
# the target as the subject of a passive verb of meeting: "the 2% goal was reached by every ally"
PASSIVE_TARGET = re.compile(r"\bthe\s(?:[\w%.-]+\s){0,6}?(?:guideline|target|goal|mark|benchmark|line|bar|threshold)\s"
                            r"(?:was|were|has\sbeen|had\sbeen|is|is\snow)\s(?:now\s|finally\s)?(?:met|reached|hit|achieved|"
                            r"crossed|exceeded|surpassed)\sby\s(?=all|every|each|none|no\b|\w+\sof|\d)", re.I)
# after "nine of the 29": the guideline, unnamed ("are paying what they should", "pay their fair share"; folded text)
_PAYING_AFTER = re.compile(r"\s(?:(?:are|were|now|still|not|actually|really)\s){0,3}(?:pay|paying|pays|spend|spending)\s"
                           r"(?:what\sthey\s(?:should|ought\sto|are\ssupposed\sto)|their\s(?:fair\s|full\s)?share)\b")
THIS_NUMBER = re.compile(r"\b(?:this|that)\s(?:number|figure|level|mark|threshold)\b"
                         # "19 of the 30 members are spending less than that": the figure just named
                         r"|\b(?:less|more|fewer|lower|higher)\sthan\s(?:that|this)(?=\s?[.,;]|\s?$)", re.I)
# (a contraction's n't in any of the three apostrophes counts as "not": "doesn’t spend", "don't spend")
LOWER = re.compile(r"\b(?:below|less than|under|fewer than|(?:do|does|did)(?:\snot|n['’ʼ]t)\sspend|not spend|miss\w*"
                   r"|fall short|fell short|short of)\b", re.I)
HIGHER = re.compile(r"\b(?:more than|above|over|exceed\w*)\b", re.I)
EQUIP_CTX = re.compile(r"\bequipment\b", re.I)
# "the number of allies meeting the guideline rose to six", "the number of NATO members at 2% is now 23" (on the
# folded text, ending right before the count)
NUMBER_OF_BEFORE = re.compile(r"\bthe number of (?:nato\s|european\s)?(?:allies|members|countries|nations|member states)\b"
                              r"[^.;:]{0,80}?\s(?:is|was|has|had|rose to|grew to|increased to|climbed to|jumped to|went up to|"
                              r"fell to|dropped to|reached|stands at|stood at|now|has risen to|had risen to|will rise to|"
                              r"will reach|will be)\s(?:now\s)?(?:just\s|only\s|a record\s)?$")
REAL_CHANGE = "def_exp_real_change_pct"
# "22 NATO allies will increase spending in real terms" (on the folded text, right after the count): the count
# noun, a verb of raising and the spending raised, "in real terms" next (not equipment outlays: no such figure)
RAISING = re.compile(rf"(?:\s(?:out\s)?of\s(?:the\s|its\s)?(?:(?:[\w-]+\s)?(?:{_BODY})['’]s\s)?\w+)?"
                     # (the noun may be elided: "of the 28 allies, 18 are increasing their spending in real terms")
                     r"(?:\s(?:nato\s|european\s|other\s|allied\s)?(?:allies|members|countries|nations|member states))?"
                     # ("22 allies out of 28 boosted ...", "the only two members of the bloc to trim ...")
                     r"(?:\s(?:out\s)?of\s(?:the\s)?\d+|\s(?:of|in)\s(?:the\s)?(?:alliance|nato|bloc))?\s"
                     r"(?:(?:that|which|who|will|would|are|were|have|had|to|also|all|now|still|currently|expected to|set to|due to|planning to|"
                     r"plan to|poised to|likely to|slated to|projected to|forecast to|going to)\s){0,3}"
                     # "16 countries not only stopped cuts to defence spending but increased ...": the rise after "but"
                     r"(?:not\sonly\s(?:[\w'’-]+\s){1,8}?but\s(?:also\s)?)?"
                     # "a dozen members recorded a rise in outlays", "posted a real-terms rise in their budgets", "saw
                     # defence spending growth" (the spending named before the noun: nothing after it)
                     r"(?:(?:showed|show|shown|recorded|record|posted|saw|see|seen|registered|reported|made)\s"
                     r"(?:some\s|an\s|a\s|any\s)?(?:real[- ]terms\s|real\s)?(?P<noun>(?P<compound>(?:(?:defen[cs]e|military)\s)?"
                     r"(?:spending|budget|outlay)\s)?(?:increases?|rises?|growth))(?(compound)\b|\s(?:in|of)\s)"
                     r"|(?:(?P<up>increas|rais|boost|lift|grow|grew)|(?P<down>cut|reduc|slash|trim))\w*\s)"
                     r"(?(compound)|(?:their\s)?(?:overall\s|total\s)?(?:defen[cs]e\s|military\s)?"
                     r"(?:spending|budgets?|expenditures?|outlays))(?P<real>(?:\s(?:this|last|next)\syear)?\s(?:in\s)?real(?:\sterms)?\b)?")
FRACTION_OF = re.compile(r"\b(?:(?P<hedge>fewer than|less than|more than|over|under|at least|nearly|almost|about"
                         r"|roughly|just over|just under)\s)?(?P<frac>half|(?:a|one)[- ](?:third|quarter|fifth|tenth)|(?:two|three|four)[- ]"
                         rf"(?:thirds|quarters|fifths|tenths)|one\sin\s(?:three|four|five|ten))\s(?:of\s)?(?:the\s|its\s)?(?:(?:[\w-]+\s)?(?:{_BODY})['’]s\s)?"
                         r"(?:\d{1,2}\s)?(?:NATO\s|European\s)?"
                         # ("fewer than a third of them meet the goal": the allies talked about; "two-thirds of them – 21
                         # countries – now reach it": the count in a dashed or bracketed apposition before the verb)
                         r"(?:allies|members|member states|countries|them(?=\s(?:[—–-]\s[^—–]{1,30}\s[—–-]\s|\([^()]{1,30}\)\s)?"
                         r"(?:\w+\s){0,3}(?:meet|met|reach|hit|spend|exceed|are\sat|"
                         r"are\sabove|are\sbelow|fall|fell|miss)))\b(?!['’])", re.I)
# the share a fraction word names: numerator word x the unit of its denominator ("two-fifths" = 0.4, "one in four")
_FRACTION_UNIT = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "tenth": 1 / 10,
                  "three": 1 / 3, "four": 1 / 4, "five": 1 / 5, "ten": 1 / 10}
_FRACTION_NUMERATOR = {"two": 2, "three": 3, "four": 4}


def fraction_value(words: str) -> float:
    """"half" 0.5, "a third" 1/3, "two-thirds" 2/3, "three quarters" 0.75, "one in five" 0.2 (folded words)."""
    parts = words.replace("-", " ").split()
    unit = _FRACTION_UNIT[parts[-1].removesuffix("s") if parts[-1] not in _FRACTION_UNIT else parts[-1]]
    return _FRACTION_NUMERATOR.get(parts[0], 1) * unit
ALL_BUT = re.compile(r"\b(?:every|all)\s(?:(?:the|NATO|other)\s)?(?:ally|allies|member|members|countries|nations|member\sstates)"
                     r",?\s(?:but|except|save|bar)\s", re.I)
_BUT_WORDS = frozenset({"but", "except", "save", "bar"})  # a word each ALL_BUT match holds
# the allies outside NATO's expenditure tables (Iceland: no armed forces), never counted on either side of a level
_WITHOUT_FIGURES = frozenset(r["iso3"] for r in roster() if r["in_nato_expenditure_tables"] != "yes")
_BARE_TARGET = re.compile(r"\b(?:spending|defen[cs]e)\s(?:goal|target|guideline|benchmark)\b", re.I)
# on the folded text before a count: "all but eight", "every ally but two", "all allies but one"
_ALL_BUT_N = re.compile(r"\b(?:all|every)\s(?:(?:the|nato|other|\d+)\s)?(?:(?:allies|members|ally|member|countries|nations)\s)?"
                        r"(?:but|except|save|bar)\s$")
HEDGE_OP = {"fewer than": "lt", "less than": "lt", "under": "lt", "just under": "nearly", "more than": "gt",
            "over": "gt", "just over": "gt", "at least": "ge", "nearly": "nearly", "almost": "nearly",
            "about": "approx", "roughly": "approx"}


_CLAUSE_BREAK = re.compile(r",\s(?:and|but|while|whereas)\s|;\s")
_OWN_FIGURE = re.compile(r"\s?of\s(?:its|their|the country's|\w+'s)?\s?(?:combined\s|national\s|annual\s)?(?:gdp|gross domestic product|economic output)", re.I)
_N_WORD = r"(?P<n>\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w.isalpha() and w not in ("no", "none", "zero", "one")) + ")"
# "Only seven do.", "Nine did so in 2019", "A decade later 23 do"
# "Only seven do", "Last year, he added, nine did", "The five that do are ..." (after "the", only with "that")
ELIDED_COUNT = re.compile(rf"(?:^|[,;:]\s|\b(?:only|just|now|later|today|then|but)\s|\bthe\s(?=\w+\sthat\s))"
                          rf"(?:only\s|just\s)?{_N_WORD}\s(?:(?<=\w\s)that\s)?(?:do|did|does|do so|did so)\b"
                          r"(?!\s(?:not|n't))", re.I)
# "There were only three in 2014.", "In 2014 there were just three." (the count's noun and threshold: the sentence before's)
THERE_WERE = re.compile(rf"\bthere\s(?:were|are|was)\s(?:only\s|just\s|still\s|a mere\s)*{_N_WORD}(?:\sof\sthem)?"
                        r"(?=\s?(?:[.;,]|$)|\s(?:in|by)\s\d{4}\b|\s(?:back then|at the time|then|a decade ago|now)\b)", re.I)
# "NATO's June figures count seven", "the count was eleven", "the report puts the number at seven", "has eight"
SOURCE_COUNT = re.compile(rf"\b(?:counts?|counted|the count (?:was|is|stood at|stands at)|puts? the (?:number|count|tally) at|"
                          rf"names|named|lists|listed|has|had|said|says|shows|showed)\s(?:only\s|just\s)?{_N_WORD}(?=\s?[.;,]|$)", re.I)
# "A and B have joined them, for a total of nine", "bringing the tally to 11" (the set of the threshold talked about
# before, counted)
TOTAL_COUNT = re.compile(rf"\b(?:(?:for|making|to)\s(?:a\s)?total\sof|bringing\sthe\s(?:total|tally|number)\sto|(?:the|a)\s(?:total|tally)"
                         rf"\s(?:of|is|was|now\sstands\sat))\s(?:only\s|just\s)?{_N_WORD}(?=\s?[.;,]|\s?$|\s(?:in|this|last|by|according)\b)",
                         re.I)
# "that number was just 3", "it was still just 7" (the count of the sentence before, named by a pronoun)
ANAPHOR_COUNT = re.compile(rf"\b(?:(?:that|the|this)\s(?:number|figure|count|tally)|it)\s(?:was|is|stood at|stands at|had been"
                           # "the number would rise to 19 by 2024", "that figure is expected to climb to 20"
                           r"|(?:(?:would|will|could|should|to|is\s(?:expected|set|likely|forecast|projected)\sto)\s)?(?:rise|rises|rose|risen"
                           r"|grow|grows|grew|increase|increases|increased|climb|climbs|climbed|jump|jumps|jumped|go up|went up"
                           r"|fall|falls|fell|drop|drops|dropped)\sto)\s"
                           rf"(?:still\s|just\s|only\s|a mere\s)*{_N_WORD}(?!\s?(?:%|per\s?cent|percent|\.\d))\b", re.I)
_ANAPHOR_WORDS = frozenset({"number", "figure", "count", "tally", "it"})
_ELIDED_VERBS = frozenset({"do", "did", "does"})  # a word each ELIDED_COUNT match holds
_SOURCE_VERBS = frozenset("count counts counted names named lists listed has had said says shows showed puts put".split())
SOURCE_WORDS = gated(folded_pattern(re.compile(r"\b(?:NATO|report|figures|table|estimates?|data|count)\b", re.I)))
ASPIRATION = re.compile(r"\b(?:moving|working|heading|progressing|on track|on course)\s(?:\w+\s)?towards?\b|\b(?:must|should|"
                        r"have to|has to|need to|needs to|are to|aim(?:s|ing)? (?:for|at)|commit\w* to|pledged to"
                        r"|(?:are|is|were|was|being) asked to|advis(?:e|es|ed) (?:all|every|each)|urg(?:e|es|ed) (?:all|every|each)"
                        r"|goal is for)\b",
                        re.I)
# a norm head governing what every member is to do ("NATO's goal of having every member spend 2%", "the target that
# each ally spend 2%"; lexicon pledge_words.csv kind norm_for, on the folded text): the pledge, no claim about all allies
_NORM_HEAD = gated(re.compile(r"\b(?:" + patterns("pledge_words", "kind", "norm_for") + r")"))
# "Of the 30 allies, ten reached 2%": the count after a membership named first
OF_THE_M_FIRST = re.compile(r"^(?:out\s)?(?:of|among)\s(?:all\s)?(?:the\s)?(?:(?:alliance|bloc|nato)['’]s\s)?\S+\s(?:nato\s)?"
                            r"(?:allies|members|member states|countries|nations)\b(?:[^,;]{0,20}|\s(?:that|which|who)\s[^,;]{0,60}),"
                            r"\s(?:only\s|just\s)?$", re.I)
# the same after a reporting verb's "that", with an aside on the membership: "NATO says that of the 31 allies,
# counting newcomer Sweden, just 12 ..."
OF_THE_M_AFTER_THAT = re.compile(r"that(?<!\wthat)\s(?:of|among)\s(?:the\s)?(?:(?:alliance|bloc|nato)['’]s\s)?\S+\s(?:nato\s)?"
                                 r"(?:allies|members|member states|countries)\b(?:,\s(?:including|excluding|counting|with)\s"
                                 r"[^,;]{1,40})?[^,;]{0,20},\s(?:only\s|just\s)?$", re.I)
# a second count compared with the first ("up from three in 2014", "compared with just three in 2014")
COMPARED_COUNT = re.compile(r"\b(?:(?:(?:up|down)\s)?from|compared\s(?:with|to)|against|versus|vs\.?)\s(?:just\s|only\s"
                            # "against an earlier estimate of 11": the same count as an earlier edition had it
                            r"|(?P<prior>(?:a|an|the|its|nato['’]s)\s(?:previous|earlier|prior|initial)\s(?:forecast|estimate|projection)"
                            r"\sof\s))?(?P<n>(?!\d{4}\b)\w+)\b"
                            # "a fivefold rise from 2014, when only three allies did": the baseline with its own year
                            r"|\b(?:from|since|in)\s(?:\d{4}),?\s(?:when|in which)\s(?:just\s|only\s|a mere\s)?(?P<n2>\w+)\b",
                            re.I)
_COMPARED_COUNT_FOLDED = gated(folded_pattern(COMPARED_COUNT))  # on Sentence.low (the same spans)


def _bare_count(text: str, start: int, end: int) -> Quantity | None:
    """A number with no noun after it ("a previous forecast of 23"), which the quantity reader leaves out: a count."""
    word = text[start:end]
    value = float(word) if word.isdigit() and len(word) <= 2 else NUMBER_WORDS.get(word.lower())
    return None if value is None else Quantity(start, end, "count", float(value), 0, "eq", word)
# a baseline told relative to the count: "one more than in 2023", "one country less than in 2021", "two fewer than
# last year", "twice as many as in 2021" (group "d": a difference, "k": a multiple); the time follows at once
_UNIT = r"(?:allies|ally|countries|country|members|member|nations|nation)"
RELATIVE_COUNT = re.compile(r"\b(?P<core>(?P<d>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s(?:(?P<dir>more|fewer|less)"
                            rf"(?:\s{_UNIT})?|{_UNIT}\s(?P<dir2>more|fewer|less))\sthan"
                            r"|(?P<k>twice|double|three times|four times|five times|six times|seven times)\s(?:as many|the number)"
                            r"(?:\sas)?)\s(?:in\s|during\s|at the end of\s)?(?:the\s)?(?=\S)", re.I)
# (group "d" or "k" is the core; the time, which may start with its "in", follows)
_MULTIPLE = {"twice": 2, "double": 2, "three times": 3, "four times": 4, "five times": 5, "six times": 6, "seven times": 7}
_RELATIVE_WORDS = frozenset({"more", "fewer", "less", "twice", "double", "times"})
# "the number of allies meeting the target rose from 11 last year to 23": a count before and after (group "a": the
# one it moved from, "b": the one it moved to)
# (digits, "one" ... "twenty" and "thirty" from the lexicon of number words, "twenty-"/"thirty-" with any ending)
_CNUM = r"(?:\d{1,2}|(?:twenty|thirty)-\w+|" + "|".join(w for w, n in NUMBER_WORDS.items()
                                                     if w.isalpha() and (1 <= n <= 20 or n == 30)) + ")"
NUMBER_OF = re.compile(r"\bthe number of (?:NATO\s|European\s)?(?:allies|members|countries|states|nations|member states)\b[^.;]{0,80}?"
                       r"\b(?:rose|risen|rise|rises|rising|increased|increases|grew|grown|climbed|jumped|went up|gone up|fell|"
                       r"dropped|declined)(?:\s(?:sharply|steadily|significantly|quickly|rapidly|again))?"
                       rf"(?:\sfrom\s(?P<a>{_CNUM})\b)?(?:[^.;]{{0,25}}?\sto\s(?P<b>{_CNUM})\b)?", re.I)
# the allies on one side of a threshold, their count moved from one number to another: "allies meeting the guideline
# went from three in 2014 to nine", "the allies spending two per cent may nearly double from the current seven to perhaps
# 13 by 2021", "members at or above 2% rose from six to 23" (folded text; read as "the number of ..." is)
_SET_FROM_TO = gated(re.compile(
    r"\b(?:nato\s|european\s)?(?:allies|members|countries|nations|states)\s(?:(?:that|which|who)\s)?"
    r"(?:meeting|spending|hitting|reaching|clearing|meet|spend|hit|reach|at\sor\sabove|at\sleast\sat|above)\b[^.;]{0,70}?"
    r"\b(?:rose|risen|rise|rises|increased|increase|grew|grow|grown|climbed|climb|jumped|went|go|gone|doubled|double|"
    r"tripled|triple|fell|fall|dropped|declined)(?:\s(?:up|sharply|steadily|significantly|quickly|rapidly|again))?"
    rf"\sfrom\s(?:the\s|just\s|only\s)?(?P<now>current\s|present\s)?(?P<a>{_CNUM})\b[^.;]{{0,25}}?\sto\s"
    rf"(?:possibly\s|perhaps\s|as\smany\sas\s|a\srecord\s|some\s)?(?P<b>{_CNUM})\b"))
_AND_BASELINE = re.compile(r"(?:,\s(?:and\s|then\s|or\s)?|\s(?:and|then|or)\s)(?:just\s|only\s|a\smere\s)?")  # between two baselines (folded text)
_BASELINE_BEFORE = re.compile(r"\b(?:(?:up|down)\sfrom|compared\s(?:with|to)|against|versus|vs\.?)\s(?:just\s|only\s|a mere\s)?$",
                              re.I)
# a baseline count's time some years back, their number unsaid: "up from only four a few years ago", "several years
# earlier" (the words after the count are year_step.csv's, back from the article's date or the year talked about)
# a baseline count's relative clause, its year at the clause's end: "against just three allies that were meeting
# the commitment in 2014", "compared with just three allies that did so in 2014" (folded text, at the count's end)
_BASELINE_RELATIVE = re.compile(r"\s(?:nato\s)?(?:allies|countries|members|nations|states|member\sstates)\s(?:who|that|which)\s")
_VAGUE_PAST = re.compile(r"\s(?:allies\s|members\s)?(?:only\s|just\s)?(?:a few|several|some|many|not many)\s(?:years|decades)\s"
                         r"(?:" + year_words("-n", "today") + "|" + year_words("-n") + r")\b", re.I)
# "X is (not) among the N allies", "X was one of the N allies"
# (or joining the set: "X has now become one of the N allies", "X joined a list of N members")
AMONG_BEFORE = re.compile(r"(?:\b(?:is|was|are|were|remains?|ranks?|becomes?|became|(?:has|have)\s(?:now\s|also\s)?become)"
                          r"\s(?P<not>not\s|no longer\s)?(?:(?:still|now|also)\s)?(?:among|one of)"
                          r"|\b(?:(?:has|have)\s(?:now\s|also\s)?joined|joins|joined)(?:\s(?:a list of|the ranks of|a group of|a club of))?)"
                          r"\s(?:the\s)?(?:(?:just|only|a mere|a handful of|the only)\s)?$", re.I)
# "eleven allies met it": the threshold of the sentence before
IT_REF = re.compile(r"\b(?:meet|meets|met|meeting|reach|reached|reaches|reaching|hit|hits|hitting|clear|clears|cleared|"
                    r"exceed|exceeds|exceeded)\s(?:it|that|that mark|that level)\b"
                    # "only three states were in this situation", "four allies were in that category"
                    r"|\b(?:in|into)\s(?:this|that)\s(?:situation|position|category|group|club|bracket)\b", re.I)
_IT_REF_FOLDED = gated(folded_pattern(IT_REF))  # on Sentence.low (the same spans)
_PASSIVE_TARGET_FOLDED = folded_pattern(PASSIVE_TARGET)
# before "most allies": a relative clause ("far above what most allies spend") or a preposition whose object the allies
# are ("an effect on most NATO countries", "pressure from most members"; not "with most allies below 2%"): no count
# (folded text)
_WHAT_BEFORE = re.compile(r"\b(?:what|than|as|on|upon|from|among|against|to)\s$")
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w-]+(?<!NATO)(?<!Nato)['’]s\s(?:\w+\s)?$"  # "Norway's 2.03%", "Germany's estimated 1.5%"
                                # (not "NATO's proportional 2% target": the alliance's benchmark)
                                r"|[A-Z][\w-]+,\s(?:at|on|with)\s(?:about\s|around\s)?$")  # "Romania, at 2.02%, is among ..."
_GE_WORDS = re.compile(r"at or above|at least|or more", re.I)
# on grammar.folded text (same spans, see grammar.folded_pattern), behind the literal gate read from each pattern
_LOWER_FOLDED, _HIGHER_FOLDED = gated(folded_pattern(LOWER)), gated(folded_pattern(HIGHER))


_NOT_ALLIES_AFTER = re.compile(r"\s(?:worldwide|in\sthe\sworld|globally|on\searth|on\sthe\splanet|around\sthe\sworld)\b")
_OF_THE_N = re.compile(r"\s(?:out\s)?of\s(?:the|its|nato['’]s|the\salliance['’]s)\s(?:\d{2}|twenty-\w+|thirty-\w+|thirty|twenty\w*)(?=\s)")
# before a number that is no count of allies: "the latter two", "Article 3", "its top five" (folded text)
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:the|these|those|latter|former|other|first|last|top|bottom|both|its|their|our|his|her|"
                                 r"article|chapter|section|paragraph|page|no\.|number)\s$")
# between a count with no noun and its status: "(of them) (now) (have) (not)" (folded text)
_COUNT_TO_STATUS = re.compile(r"(?:\s(?:of\s(?:them|these|those|the\s\d{1,2}|its\s\d{1,2})|\((?:out\sof|of)\s\d{1,2}\)|out\sof\s\d{1,2}|now|still|already|currently|have|has|had|will|would|are|were|"
                              r"expected\sto|set\sto|projected\sto|forecast\sto|likely\sto|due\sto|poised\sto|on\strack\sto|"
                              r"do|did|does|not|yet|also|all|so\sfar|this\syear|last\syear|in\s\d{4}),?)*\s")


def threshold_op(text: str, start: int, lo: int = 0, low: str | None = None) -> str:
    """`low`: grammar.folded(text) if known (the same answer, read on the folded text)."""
    if low is None:
        low = folded(text)
    begin = max(lo, start - 45)
    window = low[begin:start]
    joined = window + low[start:start + 25]  # _GE_WORDS is three literals: a substring test on the folded text
    if "at least" in joined or "or more" in joined or "at or above" in joined or "or exceed" in joined:
        return "ge"
    if negation.not_achieving(window) or negation.not_at_level(window) \
            or lo and start - lo <= 120 and negation.not_achieving(low, lo, start):
        # (also between the count and the threshold: "two dozen members that have not met their obligations to
        # spend 2%")
        return "lt"  # "most allies are still not meeting 2%", "have not met", "failed to reach", "are not even at" (negation.py)
    if _LOWER_FOLDED.search(window):
        return "lt"
    if _HIGHER_FOLDED.search(window[-15:]):
        return "gt"
    return "ge"


_NUM = r"(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)"
# "nine of the bloc's 28 members", "four of 28 members", "five out of 29 allies": count of membership
N_OF_M = re.compile(rf"\s(?:out\s)?of\s(?:the\s|its\s|their\s)?(?:(?:[\w-]+\s)?(?:{_BODY})['’]?s\s|(?P<owner>[\w.]+)['’]s?\s)?(?:then\s)?(?P<m>{_NUM})\s(?:current\s)?(?:nato\s|alliance\s)?"
                    rf"(?:{_MEMBERSHIP})\b")
# "Few members meet the target even now: eleven out of thirty-one." (the noun named before the colon)
_N_OF_M_BARE = re.compile(rf"\s(?:out\s)?of\s(?P<m>{_NUM})(?=\s?[.;,)]|$)")
_AFTER_COLON = re.compile(rf"\b(?:{_COUNTED})\b[^:]*:\s(?:only\s|just\s)?$", re.I)
_MEETING_SET = re.compile(r"\s(?:nato\s)?(?:member\s)?(?:allies|members|countries|nations|states)\s(?:(?:believed|thought|estimated|said|"
                          r"reported|known)\sto\s(?:be\s)?|now\s|currently\s|already\s|still\s)?(?:at or above|at or over|above|meeting|"
                          r"hitting|that meet|that met|that hit|to meet|to reach|to hit|meet|reach|hit|reaching|expected to|on track to|set to"
                          # "one of eight allies that still fall short of 2%", "one of the eight below it"
                          r"|(?:that\s|which\s)?(?:still\s)?(?:fall|fell|falling|remain|remaining)\s(?:well\s|just\s)?(?:short|below)"
                          # "the 22 allies who still haven't met their commitment", "the 19 which failed to meet it"
                          r"|(?:that|which|who)\s(?:[\w'’]+\s){0,3}?(?:meet|met|reach|hit|achiev|attain|respect|honou?r|fulfil)\w*"
                          r"|below|under|short of)\b")
ONE_OF_THE = re.compile(r"\sof\s(?:the\s|its\s|nato's\s)?")
ONE_OF_THE_BEFORE = re.compile(r"\b(?:one of|among) (?:the|its|nato's)\s$")


def _negated_passive(low: str, level_end: int, count_at: int) -> bool:
    """The level, named before the count, is the subject of a negated passive whose agent is the count ("the 2% goal
    isn't even met by eight of the 32"): the count is of those below it (folded text)."""
    between = low[level_end:count_at]
    by = between.rfind(" by ")
    # (the count may be inside the stretch: "by eight", "by only eight of the")
    return 0 < count_at - level_end <= 100 and by >= 0 and len(between[by + 4:].split()) <= 4 \
        and negation.not_achieving(between, 0, by + 4)


def _number(word: str) -> float:
    from ..quantities import parse_number

    try:
        return parse_number(word)[0]
    except ValueError:
        return 0.0
_ALLY_PCT = AllyPctRule()  # judges the claims about a member of a counted set
_COUNT_NOUN_AFTER_ANY = re.compile(r"\s?(?:%|per\s?cent|percent|years?|billion|million|times|-fold)\b")
GATE = frozenset("allies ally members member countries country nations states partners laggards underspenders others".split())
# "only ten others reached it": a count of the allies besides the one named before (in the sentence or the last)
_OTHERS_AFTER = re.compile(r"\s(?:nato\s|european\s)?others\b(?!\s(?:than|besides|including|like|such|say|said|argue|think|believe)\b)")
# between an ally and a count of the others: "the US and three other ...", "Poland plus two others" (folded text)
_JOINED_TO_OTHERS = re.compile(r"\s(?:and|plus|along\swith|together\swith)\s(?:only\s|just\s)?\Z")
# "the US and three other allies", "Poland and two other members": the count of the allies besides the one named
# before it (folded text; not "four member countries other than the US", an exclusion named after it)
_OTHER_NOUN_AFTER = re.compile(rf"\sother\s(?:nato\s|european\s|alliance\s)?(?:{_COUNTED})\b(?!\s(?:than|besides)\b)")
_BEFORE_COUNT = re.compile(r"(?:our|the|all|of|its|their)\s$")  # on the lower-cased 8 characters before a count
# the European allies as the counted set: "European allies", "European NATO members", "European countries in NATO"
_EUROPEAN_ALLIES = re.compile(r"\bEuropean\s(?:(?:NATO\s)?(?:allies|members|ally|member)|NATO\s(?:countries|nations|states|member\s"
                              r"states)|(?:countries|nations|states)\s(?:in|of)\s(?:NATO|the\salliance))\b")
# on grammar.folded text, same spans (grammar.folded_pattern); every THRESHOLD_REF match holds guideline, target,
# goal, mark (benchmark), line, bar, threshold, floor, standard, requirement, meet, reach or deadline
_THRESHOLD_REF_FOLDED, _THIS_NUMBER_FOLDED = folded_pattern(THRESHOLD_REF), folded_pattern(THIS_NUMBER)
_COUNT_NOUN_FOLDED, _LISTICLE_FOLDED = folded_pattern(COUNT_NOUN), folded_pattern(LISTICLE)


# the target agreed at The Hague (25 June 2025), named as "new": its core level (3.5% of GDP) is what allies meet
_HAGUE_AGREED = dt.date(2025, 6, 25)
# "the 20 percent target / guideline": the equipment guideline named by its level, the only 20% pledge (folded text)
# after a level: a share of the defence budget, not of GDP ("20 percent of military spending", "20% of their defence
# budgets"; folded text)
_OF_DEFENCE_BUDGET = re.compile(r"\sof\s(?:their\s|its\s|the\s)?(?:annual\s)?(?:military|defen[cs]e)\s(?:spending|budgets?|expenditures?"
                                r"|outlays)\b")
_TWENTY_TARGET = re.compile(r"\b20\s?(?:%|per\s?cent|percent)\s(?:[\w-]+\s)?(?:target|guideline|goal|benchmark|threshold)\b")
_NEW_TARGET_REF = re.compile(r"\b(?:the|its|their|a|alliance['’]s|NATO['’]s)\s(?:new|higher)(?:,?\s(?:and\s)?(?:new|higher))?\s"
                             r"(?:core\s|intermediate\s)?"
                             r"(?:target|benchmark|goal|guideline|bar)\b(?!\sof\s)", re.I)
_COMPARED_BEFORE_COUNT = re.compile(r"\b(?:compared\s(?:to|with)|up\sfrom|down\sfrom|versus|against)\s(?:just\s|only\s)?$")


# the allies a count names as its set: right after the count's noun, between dashes, in brackets or after a comma
# ("only four allies - A, B, C and D - meet it", "five members (A, B, C, D and E) reached it"), or after a colon
# that ends the sentence with the list ("just five met the target: A, B, C, D and E")
_SET_AFTER_NOUN = re.compile(r"\s?(?:[-–—(:]|,)\s?(?:namely\s|the\s)?")
_SET_AFTER_COLON = re.compile(r":\s(?:the\s)?")
_SET_NOUN_WORDS = 4  # the count's noun phrase: "four NATO member states", "five of the 29 members"


def _named_set(s: Sentence, q: Quantity, size: float) -> list[str] | None:
    """The allies the text names as the counted set (see above), when there are exactly `size` of them (fewer are
    examples, "among them A and B"); else None."""
    text = s.text
    allies = [e for e in s.entities if e.is_ally and e.start > q.end]
    if len(allies) < 2:
        return None
    first = allies[0]
    gap = text[q.end:first.start]
    noun_then_opener = len(gap.split()) <= _SET_NOUN_WORDS + 2 and any(
        _SET_AFTER_NOUN.fullmatch(gap, i) for i in range(len(gap)) if gap[i] in "-–—(:,")
    colon = gap.rfind(":")
    if not noun_then_opener and not (colon >= 0 and _SET_AFTER_COLON.fullmatch(gap, colon)):
        return None
    run = [first]
    for e in allies[1:]:
        if not joined(text, run[-1], e):
            break
        run.append(e)
    codes = list(dict.fromkeys(e.code for e in run))
    if colon >= 0 and not noun_then_opener and text[run[-1].end:].strip(" .;)") != "":
        return None  # (a list after a colon is the set only when it ends the sentence)
    return codes if len(codes) == size else None


def _frame_rows(role: str) -> list[dict[str, str]]:
    return [r for r in rows("count_frames") if r["role"] == role]


@functools.cache
def _forecast_pattern() -> re.Pattern:
    """A count's noun (after "of the alliance's 31", maybe), a forecast phrase (lexicon count_frames.csv, role
    `forecast`: "are projected to", "would") and a verb of reaching, on folded text right after the count's number; group "f<i>": row i."""
    cues = "|".join(f"(?P<f{i}>{r['pattern']})" for i, r in enumerate(_frame_rows("forecast")))
    achieve = negation.achieve_verbs()
    return re.compile(rf"(?:\s(?:out\s)?of(?:\s[\w'’]+){{1,3}}?)?(?:\s(?:nato\s|alliance\s|allied\s|european\s|member\s)?"
                      rf"(?:{_COUNTED}|states)\b)?\s(?:(?:are|is|were|was|now|still|all|also|currently)\s){{0,2}}(?:{cues})\s"
                      rf"(?:(?:at\sleast|finally|fully|also|all)\s)?(?:{achieve}|exceed\w*|surpass\w*|clear\w*|top|pass|be\s(?:at|above|over)|get\sto"
                      r"|do\sso|do\sthe\ssame)\b")  # ("on track to do so": the verb of reaching named before)


@functools.cache
def _agreed() -> re.Pattern:
    """A verb of agreeing or promising (count_frames.csv, role `agree`) right before a verb of reaching or raising:
    "all members agreed to reach 2%", "a collective pledge to reach a minimum 2%" (folded text)."""
    cues = "|".join(r["pattern"] for r in _frame_rows("agree"))
    achieve = negation.achieve_verbs()
    return re.compile(rf"\b(?:{cues})\s(?:\w+\s){{0,3}}?(?:{achieve}|increas\w*|rais\w*|boost\w*|lift\w*|move|moving|work|working|aim\w*|"
                      rf"invest\w*|devot\w*|allocat\w*|halt\w*)\b")


@functools.cache
def _linking() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Words between a count and its level that say where the counted allies stand (count_frames.csv): a link anywhere
    (role `link`: "spend", "devote"; "at (the)" right after the counted noun: "five members at the 2% level"), a
    level word right before a figure (role `level`: "at 2%", "above the 3.5% level"), and one right before "the
    target" (detail `the`: "at or above the line", not "signed up to the goal")."""
    link = "|".join(r["pattern"] for r in _frame_rows("link"))
    bare = "|".join(r["pattern"] for r in _frame_rows("level") if r["detail"] != "the")
    the = "|".join(r["pattern"] for r in _frame_rows("level") if r["detail"] == "the")
    return re.compile(rf"\b(?:{link})\b|^\s(?:[\w-]+\s)?(?:{_COUNTED})\sat\b"), \
        re.compile(rf"\b(?:(?:{bare})|(?:{the})(?:\s(?:the|its|their|a|an))?)\s*$"), re.compile(rf"\b(?:{the})\s*$")


def _linked(s: Sentence, start: int, level: tuple[int, int, bool]) -> bool:
    """Whether the level after a count (`level`: its span, and whether it is a figure, else a phrase like "the 2%
    goal") is the counted allies' level: a status verb ("met", "fell short of") or a verb of spending between them,
    or a level word right before it ("at 2%", "above the line"); not a level that is only the topic ("two allies
    pushed back against the 2% target", "three members objected to the 3.5% goal")."""
    gap = s.low[start:level[1]]
    link, before_figure, before_target = _linking()
    return verb_pattern().search(gap + " ") is not None or link.search(gap) is not None \
        or (before_figure if level[2] else before_target).search(s.low, start, level[0]) is not None


def _level_span(s: Sentence, after: int) -> tuple[int, int, bool] | None:
    """Where the level a count was read against stands, when after the count: the figure taken, else "the 2% goal"
    when no status verb names it; and whether it is a figure."""
    if s.threshold_at is not None:
        return (s.threshold_at.start, s.threshold_at.end, True) if s.threshold_at.start > after else None
    if any(x.side in _OPS for x in s.statuses) or (ref := _THRESHOLD_REF_FOLDED.search(s.low, after)) is None:
        return None
    return ref.start(), ref.end(), False


_WORDLESS_ROWS = [r["detail"] for r in rows("count_frames") if r["role"] == "vague"]
_WORDLESS_WORDS = frozenset({"few", "handful"})


@functools.cache
def _wordless() -> re.Pattern:
    """A count without a number and its noun (count_frames.csv, role `vague`), on folded text; group "w<i>": row i of
    _WORDLESS_ROWS (not after "like": "Spain, like a few allies, ..." counts nothing)."""
    rows_ = [r for r in rows("count_frames") if r["role"] == "vague"]
    order = sorted(range(len(rows_)), key=lambda i: -len(rows_[i]["pattern"]))
    alternation = "|".join(f"(?P<w{i}>{rows_[i]['pattern']})" for i in order)
    return re.compile(rf"(?<!\blike\s)\b(?:{alternation})\s(?P<noun>(?:(?:nato|european|other|alliance)\s)?"
                      rf"(?:allies|members|countries|nations|member\sstates|states))\b")


def carried_threshold(s: Sentence) -> tuple[str, str, float] | None:
    """The threshold the text talked about before: the last count's or set's, else the level of the pledge the
    sentence before named ("Allies agreed in 2014 to reach 2% by 2024. Only seven achieved it")."""
    if s.carry.threshold is not None:
        return s.carry.threshold
    pledge = s.carry.pledge
    if not pledge:
        return None
    row = next((p for p in pledges_in_force(s.today) if p["id"] == pledge), None)
    level = row.get("threshold_pct") if row else None
    if not level:
        return None
    return (EQUIP if "EQUIP" in pledge else GDP), "ge", float(level)


def pledge_deadline(day: dt.date, level: float) -> int | None:
    """The year a count "on track to meet" a level is forecast for: the earliest deadline, not yet past, of the
    pledges in force on `day` at that level (commitments.csv: "15 members are on track to meet 2%" in 2018 = by 2024,
    the Wales pledge's deadline); None when no such deadline (unverifiable: "no data year")."""
    years = []
    for p in pledges_in_force(day):
        deadline = _YEAR_IN.search(p.get("deadline") or "")
        if p.get("threshold_pct") and float(p["threshold_pct"]) == level and deadline and int(deadline.group(0)) >= day.year:
            years.append(int(deadline.group(0)))
    return min(years, default=None)


_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")


def _pledge_baseline(day: dt.date, level: float) -> int | None:
    """The year of the latest pledge at `level` in force on `day` that was made a few (2 to 6) years before it
    (commitments.csv: 2014 for 2% in 2019, Wales), the baseline "a few years ago" stands for; else None."""
    years = [pledge_date(p).year for p in pledges_in_force(day)
             if p.get("threshold_pct") and float(p["threshold_pct"]) == level and 2 <= day.year - pledge_date(p).year <= 6]
    return max(years, default=None)


def forecast_after(low: str, at: int) -> str | None:
    """`this_year` / `open` (count_frames.csv) when the count at `at` is a forecast ("18 allies are projected to meet
    2%"), else None."""
    m = _forecast_pattern().match(low, at)
    if m is None:
        return None
    rows_ = _frame_rows("forecast")
    row = next(rows_[int(k[1:])] for k, v in m.groupdict().items() if v is not None and k[0] == "f")
    if row["pattern"] == "to" and _IN_SET_OF_COUNT.search(low, max(0, at - 40), at):
        return None  # "Poland is among the 7 countries to meet the goal": the ones that meet it (a headline's "18
        # allies to hit 2%" is a forecast)
    return row["detail"]


# the set a count names, an ally being one of it, right before the count's number (folded text)
_IN_SET_OF_COUNT = re.compile(r"\b(?:(?:among|one\sof|part\sof|joins?|joined|joining)\s(?:the\s)?(?:only\s|just\s|a\sgroup\sof\s)?"
                              r"|the\s(?:only|sole)\s)[\w-]+$")  # ("A, B and C are the only three allies to meet it")


# a later clause's count standing for the first one's noun and threshold: "this number increased to eight", "that
# figure had climbed to 23", "the tally now stands at eleven" (folded text)
_ANAPHOR_NOUNS = frozenset({"number", "figure", "tally", "count", "total"})
_MOVE_VERB = (r"(?:increased|rose|risen|grown|grew|climbed|jumped|went\sup|gone\sup|fell|fallen|dropped|declined|doubled"
              r"|rebounded|recovered|slipped|dipped|shrank|shrunk|edged\s(?:up|down))")
_MOVE_GERUND = (r"(?:increasing|rising|growing|climbing|jumping|falling|dropping|declining|rebounding|recovering|slipping"
                r"|dipping|shrinking)")
# the count moved to (a count, not a level: "rose to 2.1%" is no count)
_MOVED_N = rf"(?:just\s|only\s|a\srecord\s)?(?P<n>{_CNUM})\b(?![.,]\d|\s?%|\sper\s?cent|\spercent)"
_MOVED_TO = re.compile(r"\b(?:this|that|the)\s(?:number|figure|tally|count|total)\s(?:(?:has|had|have|had\salready|has\salready|"
                       rf"since|now|then|already)\s){{0,2}}(?:{_MOVE_VERB}|stands|stood|is|was|reached|hit)\s(?:to\s|at\s)?"
                       + _MOVED_N)
# the pronoun alone standing for the count, after a clause word: ", though that slipped to five a year later", "and
# that has since grown to 20", "; it rose to 11" (folded text)
_PRONOUN_MOVED_TO = re.compile(r"(?:[,;]\s|\s(?:and|but|though|although|yet|while)\s)(?:(?:though|although|but|and|yet|while)\s)?"
                               r"(?:that|it|this)\s(?:(?:has|had|have|since|now|then|already)\s){0,2}"
                               rf"{_MOVE_VERB}\s(?:further\s|again\s|back\s)?to\s" + _MOVED_N)
# a further move of the count just moved: "before recovering to eight in 2019", "and it climbed again to 12 in 2023",
# ", then to 12", "and then climbed to ten in 2023" (folded text)
_MOVED_AGAIN = re.compile(r"(?:,\s|\s)(?:(?:and|but)\s)?(?:before|then|and|but)\s(?:(?:it|that|this|the\snumber)\s)?(?:(?:has|had)\s(?:since\s)?)?"
                          rf"(?:{_MOVE_VERB}|{_MOVE_GERUND}|to)\s(?:further\s|again\s|back\s)?(?:to\s)?" + _MOVED_N)
_MOVE_WORDS = _ANAPHOR_NOUNS | {"that", "it", "this"}
# right after a noun-less later count and its verb: a level ("are at or above 2%", "were at the 2 per cent level",
# "spent less than 1%"; folded text)
_AT_LEVEL = re.compile(r"\s(?:at\sor\sabove|at\sleast|at|above|below|over|under|less\sthan|more\sthan)\s(?:the\s)?"
                       r"(?:\d|one|two|three|four|five)")
# a verb of agreeing to a pledge (lexicon count_frames.csv role agreed_clause; folded text): anywhere in a clause, and
# right after "all (the) members"
_AGREED_CLAUSE = "|".join(r["pattern"] for r in _frame_rows("agreed_clause"))
_AGREE_WORDS = gated(re.compile(rf"\b(?:{_AGREED_CLAUSE})\b"))
_AGREEING_AFTER_ALL = re.compile(rf"\s(?:(?:have|had|all|\w+ly)\s)?(?:{_AGREED_CLAUSE})\b")
# right after a verb: the figure it takes ("committed more than 2% of GDP"; folded text)
_FIGURE_AFTER = re.compile(r"\s(?:(?:more|less)\sthan\s|over\s|at\sleast\s|about\s|around\s|some\s)?(?:\d|\$)")


def _agreeing_all(low: str, all_end: int) -> bool:
    """"All (the) members" as the subject of a verb of agreeing ("the 2% goal every ally signed up to at Wales"): who
    agreed, no claim of where they stand; not a verb of spending that takes a figure ("all three committed 2.5%")."""
    agreeing = _AGREEING_AFTER_ALL.match(low, all_end) if all_end else None
    return agreeing is not None and not _FIGURE_AFTER.match(low, agreeing.end())


def _not_all_after_agreeing(low: str, every: re.Match) -> re.Match:
    """The "not all" a sentence contrasts with "all ... agreed" ("In 2014 all members agreed that each should spend
    2%, but not all have complied": who agreed is no all-claim, the "not all" is the claim), else `every`."""
    if not _AGREEING_AFTER_ALL.match(low, every.end()):
        return every
    later = next((m for m in _ALL_FOLDED.finditer(low, every.end()) if low.endswith("not ", 0, m.start())), None)
    return later or every


def _year_past_pledge_clause(s: Sentence, at: int) -> int | None:
    """The year of a claim at `at` after a clause that makes a pledge: a year of that clause dates the pledge ("In 2014
    the allies agreed to spend 2%, but not all have complied": the present), a year of its own clause the claim. The
    clause ends at a break, else at the last comma ("While all agreed in 2014 that ..., not all have met it")."""
    brk = _last_break(s.low, 0, at)
    start = brk.end() if brk is not None else s.low.rfind(", ", 0, at) + 2
    if start < 2 or not _AGREE_WORDS.search(s.low, 0, start):
        return _sentence_year(s)
    own = [t for t in claim_times(s) if t.start >= start]
    return own[0].year if own else s.latest_year()


def _last_break(low: str, start: int, end: int) -> re.Match | None:
    """The last clause break (`_CLAUSE_END`) in low[start:end]: where the clause of what follows begins."""
    found = None
    for found in _CLAUSE_END.finditer(low, start, end):  # noqa: B007 - the last one is wanted
        pass
    return found


# a clause break, or a relative clause of a nested count (", eight of which", ", two of them"; folded text)
_CLAUSE_OR_WHICH = re.compile(r"[;:—–]|,\s(?:while|but|and|whereas|with|after|as)\b|\s(?:while|whereas|but|and\sthat)\s"
                              r"|,\s(?:\w+\s)?(?:of\swhich|of\swhom|of\sthem)\b")
# after a count or "most" claim: a count of its own at its own level (folded text): ", with five falling below 1%"
_WITH_COUNT = re.compile(rf"\swith\s(?:just\s|only\s|another\s|a\sfurther\s)?(?P<n>{_CNUM})\s(?:of\sthem\s|(?:allies|members|countries"
                         r"|nations)\s)?(?:(?:still\s|now\s)?(?:falling|spending|coming\sin|sitting|remaining|staying|at)\s)?"
                         r"(?:(?P<side>below|under|above|over|less\sthan|more\sthan|at\sleast|at\sor\sabove)\s(?:just\s)?"
                         # "..., with only seven meeting NATO's 2% target": at least the level a verb of meeting names
                         r"|(?P<meet>meeting|reaching|hitting|achieving|exceeding|surpassing)\s(?:(?:nato['’]s?|the\salliance['’]s?"
                         r"|the|its|their)\s)?)"
                         r"(?P<pct>(?:\d+(?:\.\d+)?|one|two|three|four|five)\s?(?:%|per\s?cent|percent))")
_WITH_SIDE = {"below": "lt", "under": "lt", "less_than": "lt", "above": "gt", "over": "gt", "more_than": "gt",
              "at_least": "ge", "at_or_above": "ge"}
_CLAUSE_END = re.compile(r"[;:—–]|,\s(?:while|but|and|whereas|with|after|as)\b|\s(?:while|whereas|but|and\sthat)\s")
# a past participle of doing something to a goal, right before a time (folded text): "urged last year", "agreed in 2014"
_EVENT_VERB_BEFORE = re.compile(r"\b(?:urged|agreed|set|made|adopted|determined|demanded|endorsed|established|decided|pledged"
                                r"|promised|announced|reaffirmed|confirmed)\s(?:(?:at|in|on|during)\s(?:the\s)?)?$")


# after a count, its allies compared with an ally ("put a smaller share into their forces than Norway"; folded text)
_COMPARED_AFTER = re.compile(r"\b(?:less|more|lower|higher|smaller|larger|bigger)\s(?:[\w'’-]+\s){0,6}?than\s(?:the\s)?$")


# right after a count's noun: a relative clause that picks some of the allies by what another expected of them or by
# their joining ("three members that officials had expected to reach 2%", "four allies that joined after 2004"; folded text)
_SUBSET_CLAUSE = re.compile(r"\s(?:that|which|who|whom)\s(?:(?:we|they|nato|the\salliance|officials|analysts)\s(?:had\s|have\s)?"
                            r"(?:expected|forecast|predicted|projected|thought)|(?:have\s|had\s)?(?:joined|entered)|joined)\b")


def _subset_counted(s: Sentence, at: int) -> bool:
    """The count's noun right after `at`, then a relative clause that makes its allies a subset (`_SUBSET_CLAUSE`)."""
    after = s.low[at:at + 120]
    noun = _COUNT_NOUN_FOLDED.match(after)
    return noun is not None and _SUBSET_CLAUSE.match(after, noun.end()) is not None


def _than_ally(s: Sentence, at: int) -> bool:
    """An ally after "less / more ... than" in the count's clause, with no figure between: the counted allies are
    compared with that ally (a rank or comparison), not placed against a level."""
    end = (c.start() if (c := _CLAUSE_END.search(s.low, at)) is not None else len(s.low))
    return "than" in s.words and any(
        e.is_ally and at < e.start < end and _COMPARED_AFTER.search(s.low, max(at, e.start - 60), e.start)
        and not any(x.kind == "pct" and at <= x.start < e.start for x in s.quantities) for e in s.entities)


def _time_in_clause(s: Sentence, q, deadline_ahead: bool = False) -> bool:
    """A year or time in the count's own clause (not past a clause break: "15 members are on track to meet 2%, while
    this year spending grows 3.8%" names no year for the count); `deadline_ahead`: a deadline after the date there
    instead ("By 2024, 15 allies will meet the guideline": the year the forecast is for)."""
    low = s.low
    for t in s.data_times:
        if deadline_ahead and not (t.kind == "deadline" and t.year and t.year > s.today.year):
            continue
        if not t.year or t.kind in _NO_DATA_YEAR and not deadline_ahead \
                or _EVENT_VERB_BEFORE.search(low, max(0, t.start - 24), t.start):
            continue  # ("NATO announced last month that ...": the announcement's time; "a goal urged last year by
            # Trump", "agreed in 2014": the time of what was done to the goal, not of the count)
        lo, hi = (q.end, t.start) if t.start >= q.end else (t.end, q.start)
        if not _CLAUSE_END.search(low, lo, hi):
            return True
    return False


def _ally_on_side(s: Sentence, code: str, value: float, op: str, year, q, negated: bool = False) -> Claim:
    """An ally a count puts on its side of a level ("Romania was among the seven", "the US and three others"): its own
    % of GDP claim, read by the set."""
    return Claim("ally_pct_gdp", AllyPctRule.code, s, code, GDP, value, op, year, q,
                 {"plan": False, "how": "set", "negated": negated}, _ALLY_PCT)


# a level named as a share of GDP right after its figure ("2% of the GDP", "2 per cent of gross domestic product")
_OF_GDP_AFTER = re.compile(r"\s(?:of\s(?:the\s|their\s|its\s)?(?:gdp|gross\sdomestic\sproduct|economic\soutput))\b")


_OF_THEM = re.compile(r"\sof\s(?:them|those|these)\b")
# a clause joined to the count's, opening with a count of its own (folded text, up to that count)
# ("..., 74% of the countries (23 allies) put over 20% into equipment": a share of the allies told with its count in brackets)
_NEXT_CLAUSE = re.compile(r"(?:[;:—–]\s?|,?\s(?:and|but|while|whereas|yet)\s|,\s)\d{1,3}(?:\.\d)?%\sof\s(?:the\s)?(?:countries|allies"
                          r"|members|nations|states)\s\("
                          r"|(?:[;:—–]\s?|,?\s(?:and|but|while|whereas|yet)\s)(?:(?:only|just|another|some|as\smany\sas)\s)?")


def _european_counted(text: str, count) -> bool:
    """The European allies named as the set counted, close to the count: "of the European allies, only four ...",
    "four European NATO members"; not a group named far from it ("European countries in NATO spent 1.46% of GDP in
    2017, ..., but eight members were on course to reach 2%": the eight are the allies)."""
    m = _EUROPEAN_ALLIES.search(text)
    return m is not None and (count is None or 0 <= count.start - m.end() <= 60 or 0 <= m.start() - count.end <= 30)


def _next_count_clause(s: Sentence, lo: int) -> int | None:
    """Where a later clause with a count of its own starts, after the count ending at `lo`, else None."""
    for x in s.quantities:
        if x.kind == "count" and x.start > lo:
            m = next((m for m in _NEXT_CLAUSE.finditer(s.low, lo, x.start) if m.end() == x.start), None)
            if m is not None:
                return m.start()
    return None


class CountThresholdRule(Rule):
    type = "count_at_threshold"
    code = "CLM-COUNT"

    def _threshold(self, s: Sentence, lo: int = 0, compared_from: int | None = None) -> tuple[str, str, float] | None:
        """(indicator, comparator, value) the sentence counts against; `compared_from`: where a named set's comparison
        starts ("A, B and C remain below 1.3% of GDP": the 1.3% after it is the threshold, not an ally's own figure)."""
        text, low = s.text, s.low
        # the count's own clause, when it names its status ("ten allies meet that goal, eight of which spend over 20% on
        # equipment": the later clause's measure and figure are its own count's, not this one's)
        own_end = len(low)
        if lo and (brk := _CLAUSE_OR_WHICH.search(low, lo)) is not None \
                and any(x.side in _OPS and lo <= x.verb_start < brk.start() for x in s.statuses):
            own_end = brk.start()
        elif lo and (nxt := _next_count_clause(s, lo)) is not None:
            own_end = nxt  # ("eleven allies meet the 2% guideline, and 28 meet the 20% equipment guideline": a later
            # clause's count brings its own measure)
        indicator = EQUIP if "equipment" in low and EQUIP_CTX.search(text, 0, own_end if own_end < len(low) else len(text)) \
            or ("20%" in low or "20 per" in low or "20 percent" in low) and _TWENTY_TARGET.search(low, 0, own_end) else GDP  # ("the 20 percent target": equipment's by its level)
        pcts = [q for q in s.free(("pct", "fraction")) if q.start < own_end]
        # an ally's or a group's own figure ("Canada, at 2.01% of GDP, counts among ...") is no threshold
        own = [q for q in pcts if q.kind == "pct" and (q.listed or q.start in s.pairs or _POSSESSIVE_BEFORE.search(text, 0, q.start)
                                                      or relative_owner(s, q) is not None or (
            _OWN_FIGURE.match(text, q.end) and (s.ally_for(q) or "NATO") not in ("NATO", "NATO_TOTAL")
            and not any(c.kind == "count" and c.end <= q.start for c in s.quantities)
            and not TARGET_OF_BEFORE.search(text, max(0, q.start - 40), q.start)
            and not (compared_from is not None and 0 <= q.start - compared_from <= 60)))]
        ref = _THRESHOLD_REF_FOLDED.search(low)
        candidates = [q for q in pcts if q not in own and not (ref and ref.end() + 25 < q.start and q.start > lo)]
        if lo and candidates and any(x.side in _OPS and x.verb_start >= lo for x in s.statuses):
            # the count's own clause names its target ("all meet two per cent, but only three reach a new, higher
            # goal"): a figure of an earlier clause is not its level
            candidates = [q for q in candidates if q.start >= lo or not _CLAUSE_END.search(low, q.end, lo)]
        if lo and len(candidates) > 1:  # the count's own clause first: "agreed to aim for 3.5% plus 1.5% by 2032,
            # and only three allies are on track to get to 3.5% this year" counts against the 3.5% after it
            candidates.sort(key=lambda q: q.start < lo)
        for q in candidates:
            value = q.value * 100 if q.kind == "fraction" else q.value
            if indicator == EQUIP and q.kind == "pct" and _OF_GDP_AFTER.match(low, q.end):
                indicator = GDP  # "18 of 30 will fall short of 2% of the GDP ..., while 23 put over 20% into equipment":
                # a level of GDP is GDP's, whatever the later clause counts
            if indicator == GDP and value == 20 and q.kind == "pct" and _OF_DEFENCE_BUDGET.match(low, q.end):
                indicator = EQUIP  # "a target of putting 20 per cent of the military budget into kit": the equipment guideline
            elif indicator == GDP and (value > 10 or not_gdp_after(text, q.end)):
                continue  # (not the level of a share of GDP: "twelve allies pay 2% of the common budget")
            s.take(q)
            s.threshold_at = q
            op = threshold_op(text, q.start, lo, low)
            if op == "ge" and q.kind == "pct" and (st := status_covering(s, q)) is not None and st.side == "lt":
                op = "lt"  # "four allies trail the 2% target": the status phrase says below
            if op == "ge" and _negated_passive(low, q.end, lo):
                op = "lt"  # "the 2% guideline is still not met by eight allies": the eight are those below it
            return indicator, op, value
        if "new" in low and indicator == GDP and s.today >= _HAGUE_AGREED and (m := _NEW_TARGET_REF.search(text)):
            # "the only nations meeting the alliance's new benchmark" after The Hague: its core level, 3.5%
            return GDP, threshold_op(text, m.start(), lo, low), 3.5
        m = _IT_REF_FOLDED.search_words(low, s.tokens)
        if m and any(x.verb_start <= m.start() < x.target_end for x in s.statuses):
            m = None  # "met that commitment": the status phrase below, not "met that" (it)
        if m and (carried := carried_threshold(s)):  # "eleven allies met it in 2023": the threshold just talked
            # about (a count's, else the level of the pledge the text named before: "Allies agreed to 2% in 2014.
            # Eleven reached it last year")
            indicator, _side, level = carried  # on the side this sentence's own verb names ("... fell
            return indicator, threshold_op(text, m.end(), lo, low), level  # short of 2%. Now all allies meet it")
        if m and not _THRESHOLD_REF_FOLDED.search(low):
            return None  # "met it" with no threshold talked about: unsure, no claim
        if m is None and lo and (carried := carried_threshold(s)) and not any(x.side in _OPS for x in s.statuses) \
                and (pf := proform_after(low, lo, None, carried[1])) is not None:
            # "only seven allies achieved it", "nine of the 30 are doing so": the threshold talked about before (a
            # count's, else the pledge's), on the side the verb (or the pro-verb, with its negation) names (status.py)
            return carried[0], pf.side, carried[2]
        st = None if m else next((x for x in s.statuses if x.side in _OPS and x.verb_start >= lo - 40), None)
        if st is not None:
            # a verb or noun of meeting or missing and the target it governs (claims/status.py: "just six reach the
            # goal", "only three have met their commitment", "24 of the 29 have not met spending targets"): its side,
            # negation included; the level the text talked about before for "that goal", else the guideline
            carried = s.carry.threshold
            if st.anaphoric and carried is not None and carried[0] == indicator:
                return indicator, st.side, carried[2]
            return indicator, st.side, 2.0 if indicator == GDP else 20.0
        m = m or _THRESHOLD_REF_FOLDED.search(low)
        if m is None and " by " in low and _PASSIVE_TARGET_FOLDED.search(low) is not None:
            return indicator, "ge", 2.0 if indicator == GDP else 20.0  # ("the 2% goal was reached by every ally")
        if m:
            # ("fall short of the deadline": the comparison is inside the match)
            op = "lt" if "short" in m.group(0) or "miss" in m.group(0) else threshold_op(text, m.start(), lo, low)
            return indicator, op, 2.0 if indicator == GDP else 20.0
        if ("should" in low or "share" in low or "ought" in low or "supposed" in low) \
                and (u := UNNAMED_GUIDELINE.search(text)) is not None:
            return GDP, threshold_op(text, u.start("at"), lo, low), 2.0
        if s.carry.first_pct is not None and (m := _THIS_NUMBER_FOLDED.search(low)):
            than = {"less": "lt", "fewer": "lt", "lower": "lt", "more": "gt", "higher": "gt"}.get(low[m.start():m.end()].split()[0])
            return GDP, than or threshold_op(text, m.start(), 0, low), s.carry.first_pct
        if not pcts and (m := _BARE_TARGET.search(text)) is not None:
            # a headline without its article: "Record 23 NATO members to meet spending goal" (the guideline)
            return indicator, threshold_op(text, m.start(), lo, low), 2.0 if indicator == GDP else 20.0
        return None

    def find(self, s: Sentence) -> list[Claim]:
        found = self._find(s)
        if found and "with" in s.words:
            found = found + self._with_count(s, found[0].year)
        if found and found[0].quantity is not None and found[0].type == self.type:
            found = found + self._later_clause_count(s, found)
        return found

    def _later_clause_count(self, s: Sentence, found: list[Claim]) -> list[Claim]:
        """A count opening a later clause at a level of its own, after a count claim ("nine allies reached 2%, while
        24 put over 20% of their budgets into equipment"): its own claim, at its clause's level and measure, in the
        year of the claim before unless its clause names one."""
        first = found[0].quantity
        assert first is not None
        at = _next_count_clause(s, first.end)
        x = next((q for q in s.quantities if q.kind == "count" and at is not None and q.start > at), None)
        if x is None or any(c.quantity is not None and c.quantity.start == x.start for c in found) \
                or not 0 < x.value <= 40 or x.decimals or _OF_THEM.match(s.low, x.end):
            return []  # ("seven reached 2%, while only two of them spent over 3%": some of the first count's, unlabelled)
        low = s.low
        end = (c.start() if (c := _CLAUSE_END.search(low, x.end)) is not None else len(low))
        level = next((q for q in s.free(("pct",)) if x.end <= q.start < end), None)
        if level is None:
            return []
        clause = low[x.end:end]
        equip = "equipment" in clause or level.value == 20 and (_OF_DEFENCE_BUDGET.match(low, level.end) is not None
                                                                 or _TWENTY_TARGET.search(clause) is not None)
        if not equip and (level.value > 10 or not_gdp_after(s.text, level.end)):
            return []
        s.take(level)
        indicator = EQUIP if equip else GDP
        op = threshold_op(s.text, level.start, x.end, low)
        return [Claim(self.type, self.code, s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{level.value:g})", x.value, "eq",
                      found[0].year, x, {"indicator": indicator, "op": op, "threshold": level.value, "allies": None,
                                         "kind": "count", "excluded": [], "members": None}, self)]

    def _with_count(self, s: Sentence, year: int | None) -> list[Claim]:
        """A count of its own after a count or "most" claim: "..., with five falling below 1%", "..., with just one
        above 3%" (its own level and side, the year of the claim before)."""
        m = _WITH_COUNT.search(s.low)
        if m is None or year is None:
            return []
        n = _number(m.group("n"))
        level = next((q for q in s.quantities if q.kind == "pct" and q.start == m.start("pct")), None)  # (maybe the
        # level of the claim before it too: "most are short of it, with only seven meeting the 2% target")
        if not 0 < n <= 40 or level is None or level.value > 10:
            return []
        s.take(level)
        op = _WITH_SIDE[m.group("side").replace(" ", "_")] if m.group("side") \
            else "gt" if m.group("meet").startswith(("exceed", "surpass")) else "ge"
        q = Quantity(m.start("n"), m.end("n"), "count", float(n), 0, "eq", s.text[m.start("n"):m.end("n")])
        return [Claim(self.type, self.code, s, "NATO_ALLIES", f"count({GDP}{_OPS[op]}{level.value:g})", float(n), "eq", year, q,
                      {"indicator": GDP, "op": op, "threshold": level.value, "allies": None, "kind": "count",
                       "excluded": [], "members": None}, self)]

    def _find(self, s: Sentence) -> list[Claim]:
        if s.is_question and not s.presupposes:
            return []
        if s.words.isdisjoint(GATE) and (s.carry.threshold or s.carry.pledge):
            elided = self._elided(s)
            if elided:
                return elided
        if s.words.isdisjoint(GATE) and not ((s.statuses or s.carry.threshold or s.carry.pledge)
                                             and ("them" in s.words or any(q.kind == "count" for q in s.quantities))) \
                and not (" of the " in s.low and s.has_number and _OF_THE_N.search(s.low)) \
                and not ("most" in s.words and (s.carry.threshold or s.carry.pledge) and _BARE_MOST.search(s.low)):
            return []  # (a count without a counted noun needs a number and a status: "just six reach the goal", or
            # "most" as the subject of a level, after a pledge or a level talked about: "most are not even at 2%")
        if "number" in s.words and (m := NUMBER_OF.search(s.text)) and (m.group("a") or m.group("b")):
            return self._number_of(s, m)
        if "from" in s.words and "to" in s.words and (m := _SET_FROM_TO.search_words(s.low, s.tokens)) is not None \
                and not m.group(0).startswith("european"):  # (the European allies' count: another scope, not read)
            return self._number_of(s, m)  # "allies meeting the guideline went from three in 2014 to nine"
        out: list[Claim] = []
        text, low = s.text, s.low
        counts = []
        used = s.used
        for i, q in enumerate(s.quantities):  # s.free(("count",)) in place: nothing is taken in the loop
            if q.kind != "count" or i in used:
                continue
            if any(e.kind == "group" and e.start <= q.start and q.end <= e.end for e in s.entities):
                continue  # "30 European countries plus Canada": part of a group's name
            start = q.start
            after = low[q.end:q.end + 50]  # yes/no: the folded patterns on the folded window (same spans)
            if low.endswith(_NOT_COUNT_BEFORE_WORDS, max(0, start - 8), start):
                continue  # "the then-28 allies" (the membership then), "the top five countries with the smallest ..." (a rank)
            if _DIFFERENCE_AFTER.match(after):
                continue  # "officials had counted on three more allies clearing the bar": a difference, no count
            if q.value == 1 and ONE_OF_THE.match(after):
                continue  # "Italy is one of the 15 allies expected to ...": the count is the 15
            if low.endswith("one in ", 0, start):
                continue  # "one in four allies": a share (FRACTION_OF), not a count of four
            if "number" in low and NUMBER_OF_BEFORE.search(low, max(0, start - 120), start):
                counts.append(q)  # "the number of allies meeting the guideline rose to six": six is the count
                continue
            if q.start > 0 and (OF_THE_M_FIRST.search(text, 0, start) or "that" in s.tokens
                                and OF_THE_M_AFTER_THAT.search(text, max(0, start - 120), start)):  # "Of the 30 allies, ten reached 2%"
                counts.append(q)
                continue
            if (m_of := N_OF_M.match(after) or (_N_OF_M_BARE.match(after) if _AFTER_COLON.search(text, 0, start) else None)):  # "nine of the bloc's 28 members": nine is the count, 28 the membership
                m_value = _number(m_of.group("m"))
                if m_value >= 12:  # "three of the four allies bordering ...": a subset, no count
                    counts.append(q)
                    continue
                if m_value > 0:
                    continue
                # "five of the allies": no membership number (the "m" read was a word), the tests below decide
            before = text[max(0, start - 12):start].lower()
            if (_BEFORE_COUNT.search(before[-8:]) and not ONE_OF_THE_BEFORE.search(before) or before.endswith("one of ")) \
                    and not ((before.endswith("one of ") or before.endswith("the ")) and _MEETING_SET.match(after)) \
                    and not before.endswith(("total of ", "number of ")) \
                    and not (_GROUP_OF_BEFORE.search(before) and _MEETING_SET.match(after)):  # "a total of 22 countries": a count
                # ("joined the nine members that honour the target": the list is the count)
                continue  # "one of 24 allies in the table": a listed set ("one of 20 allies at or above 2%": a count)
            if start <= 2 and after[:1] == ":":
                # a listicle item led by its count ("7: allies forecast to hit 2% in
                # 2019"): a count only when the item names its threshold ("32: members of NATO" is the membership)
                if (_COUNT_NOUN_FOLDED.match(after) or _LISTICLE_FOLDED.match(after)) and " than " not in low \
                        and (s.free(("pct",)) or _THRESHOLD_REF_FOLDED.search(low)):
                    counts.append(q)
            elif 0 < q.value <= 40 and q.decimals == 0 and _OTHERS_AFTER.match(low, q.end) is not None \
                    and _others_of(s, q) is not None and (s.statuses or _THRESHOLD_REF_FOLDED.search(low)
                                                          or s.carry.threshold or _side_level_after(s, q)):
                counts.append(q)  # "only ten others reached this target": the allies besides the one named before
            elif (noun := _COUNT_NOUN_FOLDED.match(after)) is not None:
                if not _NOT_ALLIES_AFTER.match(after, noun.end()):  # ("all but 25 nations worldwide": not allies)
                    counts.append(q)
            elif 0 < q.value <= 40 and q.decimals == 0 and s.statuses and not _NOT_A_COUNT_BEFORE.search(low, max(0, start - 12), start) and any(
                    st.side in _OPS and _COUNT_TO_STATUS.fullmatch(low, q.end, st.start) for st in s.statuses):
                counts.append(q)  # a count with no counted noun, right before its status: "just six reach the goal"
            elif 0 < q.value <= 40 and q.decimals == 0 and (m_of := _OF_THE_N.match(low, q.end)) is not None \
                    and (verb := _COUNT_TO_STATUS.match(low, m_of.end())) is not None \
                    and (figure := verb_pattern().match(low, verb.end())) is not None \
                    and any(x.kind == "pct" and figure.end() <= x.start <= figure.end() + 12 for x in s.quantities):
                counts.append(q)  # "seven of the 32 have not met 2%": a count of the membership, a verb, a figure
            elif 0 < q.value <= 40 and q.decimals == 0 and not _NOT_A_COUNT_BEFORE.search(low, max(0, start - 12), start) \
                    and (pf := proform_after(low, q.end, q.end + 60, (carried_threshold(s) or ("", "ge", 0.0))[1])) is not None \
                    and _COUNT_TO_STATUS.fullmatch(low, q.end, pf.verb_start) is not None:
                counts.append(q)  # "only nine of the 30 are currently doing so", "seven of them achieved it": a count
                # right before a pro-form status (status.py), the threshold the sentence or the text before named
            elif counts and 0 < q.value <= 40 and q.decimals == 0 and (verb := _COUNT_TO_STATUS.match(low, q.end)) \
                    and _AT_LEVEL.match(low, verb.end() - 1) is not None:
                counts.append(q)  # a later count with no noun, at a level: "..., while today 19 are at or above 2%"
            elif 0 < q.value <= 40 and q.decimals == 0 and (m_of := _OF_THE_N.match(low, q.end)) is not None \
                    and _PAYING_AFTER.match(low, m_of.end()) is not None:
                counts.append(q)  # "just nine of the 29 are paying what they should": the unnamed guideline
        baselines = [q for q in counts if _BASELINE_BEFORE.search(text, max(0, q.start - 30), q.start)] \
            if counts and ("from" in low or "compared" in low or "against" in low or "vs" in low or "versus" in low) else []
        if baselines and len(baselines) == len(counts) and not s.tokens.isdisjoint(_ALL_OR_NONE_WORDS):
            counts = []  # "all allies meet 2% this year, compared to only three in 2014": the three is the baseline
        kind, most = None, None
        every_span = (0, 0)  # where "all / every ..." stands (the all-claims' words)
        most_end: int | None = None  # where "most" / "a majority of" ends
        bare_most = False  # "most" with no noun: only with a threshold of the sentence's own
        if (not s.tokens.isdisjoint(_NONE_WORDS) or text.startswith("0:")) and _none_of(low):
            kind = "none"
        elif not counts and not s.tokens.isdisjoint(_ALL_WORDS) and not s.tokens.isdisjoint(_BUT_WORDS) \
                and (every := ALL_BUT.search(text)) is not None \
                and any(e.is_ally and every.end() <= e.start < every.end() + 30 for e in s.entities):
            kind = "all"  # "all NATO countries except Iceland reach 2%": every ally but the ones named after it
        elif not counts and not s.tokens.isdisjoint(_ALL_WORDS) and (every := _ALL_FOLDED.search(low)) \
                and not _SUPERLATIVE_SCOPE_BEFORE.search(low, max(0, every.start() - 40), every.start()):
            # (not "puts 1.28% into defence, the smallest among all allies": the scope of a rank, no all-claim)
            every = _not_all_after_agreeing(low, every)
            every_span = every.span()
            kind = "most" if _NEARLY_ALL_BEFORE.search(low, max(0, every.start() - 14), every.start()) \
                else "not_all" if low.endswith("not ", max(0, every.start() - 4), every.start()) else "all"
        elif ("most" in low or "majority" in low) and (most := _MOST_FOLDED.search(low)) \
                and not _WHAT_BEFORE.search(low, max(0, most.start() - 12), most.start()):
            kind, most_end = "most", most.end()  # (not "far above what most allies spend": a relative clause, no count)
        elif not counts and "most" in s.tokens and (most := _BARE_MOST.search(low)) is not None:
            kind, most_end, bare_most = "most", most.end(), True  # "most aren't even at the 2% threshold"
        minority = not counts and kind is None and "minority" in s.words and _MINORITY.search(low) is not None
        if minority:
            kind = "most"  # "one of a minority of members that fail to meet it": most are on the other side
        fractions = [m for m in FRACTION_OF.finditer(text) if not (kind == "most" and m.group("frac") == "half")] \
            if "half" in low or "third" in low or "quarter" in low or "fifth" in low or "tenth" in low or "one in " in low else []
        if not counts and not kind and not fractions:
            if not s.tokens.isdisjoint(_ORDINAL_WORDS) and (nth := _NTH_MEETING.search(low)) is not None:
                return self._nth_meeting(s, nth)
            return self._wordless_counts(s) if not s.tokens.isdisjoint(_WORDLESS_WORDS) else []
        raising = RAISING.match(s.low, counts[0].end) if counts and not kind and not fractions else None
        rise_year: int | None = None
        if raising is not None and not (raising.group("real") or raising.group("down") or raising.group("noun")) \
                and (brk := _CLAUSE_BREAK.search(s.low, raising.end())) is not None:
            # "22 of the 28 allies raised their budgets, and five met 2%": the first count is of nominal rises (no
            # claim, number_roles), the threshold is the later clause's; only a count of that clause is read
            rise_year = s.year_for(counts[0])[0]  # (the later clause's year when it names none: "...last year; seven ...")
            counts = [q for q in counts[1:] if q.start >= brk.end()]
            if not counts:
                return out
            raising = RAISING.match(s.low, counts[0].end)
        threshold: tuple[str, str, float] | None
        if raising is not None and (raising.group("real") or raising.group("down") or raising.group("noun")):
            # "22 allies will increase spending in real terms": a count of allies with a real-terms rise; "six
            # members that are cutting defence budgets": a count of real-terms cuts (whatever figure is near);
            # "a dozen members recorded a rise in outlays": NATO's measure of a rise, real change (a figure
            # of another clause, "yet only four reach 2%", is that clause's count's level)
            threshold = (REAL_CHANGE, "lt" if raising.group("down") else "gt", 0.0)
        else:
            threshold = self._bare_most_level(s, most_end) if bare_most and most_end is not None \
                else self._threshold(s, counts[0].end if counts else fractions[0].end() if fractions else 0)
            if threshold is None and raising is not None:
                return out  # "23 of the 28 members boosted their spending": a count of rises, no threshold's
        counted_end = counts[0].end if counts else most_end if most_end is not None else fractions[0].end() if fractions else None
        if counted_end is not None and threshold is not None and threshold[0] != REAL_CHANGE \
                and (level := _level_span(s, counted_end)) is not None and not _linked(s, counted_end, level):
            return out  # the level is the topic, not the counted allies' ("two allies asked for a delay in the 2% talks")
        if threshold is None:
            if bare_most:
                return out  # ("most are at home with it": no level of its own, none carried to a bare "most")
            if kind == "all" and s.carry.threshold and ";" in text:  # the level a pledge of this sentence named
                return self._elided_after_semicolon(s, *s.carry.threshold)
            if not s.carry.threshold or kind in ("all", "none", "not_all"):
                return []
            if kind == "most" and _STEP_UP.search(low):
                return []  # "most members will step up their contributions": a change, no side of the threshold
            if s.free(("fraction",)) or s.carry.threshold[0] == GDP and "equipment" in low:
                return []  # "only two allies spend less than a fifth of their budgets on equipment": another measure
            at = counts[0].end if counts else 0
            if _AGREEING_AFTER.match(low, at):
                return []  # "when 28 allies agreed, I expect all 28 to deliver": who agreed, no side of the threshold
            threshold = s.carry.threshold
        if counts and (_than_ally(s, counts[0].end) or _subset_counted(s, counts[0].end)):
            # "only three of the 29 others spend less than Belgium": a comparison with that ally; "two allies that NATO
            # had forecast to hit it missed it": some of the allies, no count of those on a side of the level
            return out
        indicator, op, value = threshold
        s.carry.threshold = threshold
        # the status said of "most" in its own clause ("a majority of members are still short of the pledge, with only
        # seven meeting the 2% target": below it), not the verb of a later clause
        most_side = next((x.side for x in s.statuses if x.side in _OPS and x.side != "eq"
                          and most_end <= x.verb_start <= most_end + 50 and not _CLAUSE_END.search(low, most_end, x.verb_start)),
                         None) if most_end is not None else None
        if most_side is None and most_end is not None and op in OPPOSITE \
                and (pf := proform_after(low, most_end, most_end + 50, op)) is not None:
            most_side = pf.side  # "..., but most member states still lag behind": below the level talked about
        if minority:
            op = OPPOSITE.get(op, op)
        elif most_side is not None and not counts:
            op = most_side
        elif kind == "most" and most is not None and not counts and (own := _own_side_after(s, most.end())) is not None:
            op = own  # "France reaches the goal, but most member states still lag behind": the side of its own verb
        europe = "European" in text and "Canada" not in text and _european_counted(text, counts[0] if counts else None)
        allies = [c for c in europe_and_canada() if c != "CAN"] if europe else None
        group = "EUROPEAN_ALLIES" if europe else "NATO_ALLIES"
        excluded = _excluded(s, counts[0] if counts else None)
        if excluded:  # "besides the US and Britain, only three allies reach 2%": the others are counted
            from ...members import roster

            allies = [c for c in (allies or [r["iso3"] for r in roster()]) if c not in excluded]
        if fractions:  # _fractions adds nothing without them
            out.extend(self._fractions(s, fractions, group, indicator, op, value, allies, counts[0] if counts else None))
        if not counts and not kind:
            return out
        if kind == "all" and (but := ALL_BUT.search(text)):  # "every ally but Slovenia": a count of the allies on the other side
            named = [e for e in s.entities if e.is_ally and but.end() <= e.start < but.end() + 80]
            # (an ally with no defence figures, Iceland, is in no count: "all except Iceland" = every ally with a value)
            k = len({e.code for e in named} - _WITHOUT_FIGURES)
            other = OPPOSITE[op]
            if k:
                year = _sentence_year(s)
                out.append(self.claim(s, group, f"count({indicator}{_OPS[other]}{value:g})", k, "eq", year, None,
                                      indicator=indicator, op=other, threshold=value, allies=allies, kind="count"))
                return out
        if counts and not (kind == "none" and counts[0].value == 0):
            q = counts[0]
            s.take(q)
            year, _ = s.year_for(q)
            if rise_year is not None and not _time_in_clause(s, q):
                year = rise_year
            if (forecast := forecast_after(low, q.end)) is not None and not _time_in_clause(s, q) \
                    and not _time_in_clause(s, q, deadline_ahead=True):
                # "18 NATO states to hit spending target", "18 allies are projected to meet 2%": this year's forecast,
                # not last year's; "15 members are on track to meet 2%" with no year: by when? (unverifiable)
                year = s.today.year if forecast == "this_year" else pledge_deadline(s.today, threshold[2])
            expects = _EXPECTS_BEFORE.search(low, max(0, q.start - 30), q.start) is not None
            if expects and not _time_in_clause(s, q):
                year = s.today.year  # "NATO expects eight allies to meet 2%": this year's forecast
            if (when := _WHEN_YEAR_BEFORE.search(low, max(0, q.start - 40), q.start)) is not None:
                year = int(when.group("y"))  # "a fourfold rise from 2021, when only six of the 32 met it": 2021's count
            at = s.threshold_at
            if at is not None and at.start > q.end:  # "two allies are set to hit 3.5% this year"
                after = next((t for t in s.times if t.year and at.end <= t.start <= at.end + 4
                              and t.kind in ("this_year", "year", "last_year")), None)
                if after is not None:
                    year = after.year
            if "by" in s.words and (dl := _future_deadline(s, q)) is not None:
                year = dl  # "24 allies will meet the 20% guideline by 2024": a forecast for the deadline's year
            claimed = q.value
            plus = _plus_allies(s, q) if "plus" in s.words or "along" in s.words or "together" in s.words \
                or " as well as " in low else []
            if plus:  # "19 plus Belgium are set to hit 2 per cent": 20 allies
                claimed = q.value + len(plus)
            if q.value == 0:
                kind = "none"
            else:
                m_of = N_OF_M.match(low, q.end)
                members = (_number(m_of.group("m")) or None) if m_of else None  # "21 of the 29 members": the whole membership
                if members is None and (bare := _OF_THE_N.match(low, q.end)) is not None:
                    members = _number(bare.group(0).split()[-1]) or None  # "seven of the 32 have not met 2%"
                # "all but eight allies meet 2%": the eight are on the other side
                cop = OPPOSITE[op] if op in OPPOSITE and _ALL_BUT_N.search(low, max(0, q.start - 30), q.start) else op
                out.append(Claim(self.type, self.code, s, group, f"count({indicator}{_OPS[cop]}{value:g})", claimed,
                                 hedge_before(text, q.start, low), year, q,
                                 {"indicator": indicator, "op": cop, "threshold": value, "allies": allies, "kind": "count",
                                  "excluded": excluded, "members": members, **({"modality": "forecast"} if expects else {}),
                                  **({"formula": f"{q.value:g} + {', '.join(plus)} named after it"} if plus else {}),
                                  **({"set": counted_set} if (counted_set := _named_set(s, q, q.value)) else {}),
                                  # ("recorded a rise in outlays": real or nominal, not said)
                                  **({"basis": "unstated"} if raising is not None and raising.group("noun")
                                     and "real" not in raising.group(0) else {})},
                                 self))  # = self.claim(...), one call less
                member = self._member_of_the_set(s, q, indicator, op, value, year)
                if member is not None:
                    out.append(member)
                if not s.tokens.isdisjoint(_ALL_WORDS):
                    out.extend(self._all_before_count(s, q))
                out.extend(self._compared_counts(s, q.end, group, indicator, op, value, allies, year))
                out.extend(self._relative_counts(s, q, year, group, indicator, op, value, allies))
                if "did" in s.words or "do" in s.words or "had" in s.words or "will" in s.words:
                    out.extend(self._elided_in_sentence(s, q.end, group, indicator, op, value, allies))
                if op in OPPOSITE and ("short" in s.words or "below" in s.words or "under" in s.words
                                          or "missing" in s.words):
                    out.extend(self._other_side(s, q.end, group, indicator, op, value, allies, excluded, year))
                if len(counts) > 1:
                    out.extend(self._later_clause_counts(s, counts[1:], q, group, indicator, op, value, allies, year))
                if not s.words.isdisjoint(_MOVE_WORDS):
                    out.extend(self._count_moved_to(s, q, year, group, indicator, op, value, allies))
                if most_end is not None and (most_end <= q.start and _CLAUSE_END.search(low, most_end, q.start)
                                             or most_side is not None and q.end < most_end
                                             and _CLAUSE_END.search(low, q.end, most_end)):
                    # "most members remained below the guideline, with only seven reaching 2%", "seven allies meet
                    # the guideline, yet most still fall short": both figures, "most" on the side its own clause names
                    # (else the count's)
                    out.insert(0, self.claim(s, group, indicator, value, "gt", year, None, indicator=indicator,
                                             op=most_side or op, threshold=value, allies=allies, kind="most",
                                             excluded=excluded))
                return out
        if kind == "not_all":  # "not all allies meet 3.5%": at least one is on the other side
            not_at, all_end = every_span[0] - 4, every_span[1]  # its own clause: "all agreed that each should
            # spend 2%, but not all have complied"
            if op not in OPPOSITE or ASPIRATION.search(text, not_at) or _agreed().search(low, not_at) is not None \
                    or any(t.kind == "deadline" and not target_deadline(s, t) for t in s.times):
                return out  # ("not all allies will reach 2% by 2024": a forecast to a deadline)
            other = OPPOSITE[op]
            # the words "not all ..." stand for the count: its clause's modality, not a demand of the clause before
            words = Quantity(not_at, all_end, "count", 0.0, 0, "gt", text[not_at:all_end])
            return out + [self.claim(s, group, f"count({indicator}{_OPS[other]}{value:g})", 0, "gt",
                                     _year_past_pledge_clause(s, not_at), words, indicator=indicator, op=other,
                                     threshold=value, allies=allies, kind="count")]
        q = counts[0] if counts else None
        year = s.year_for(q)[0] if q else _sentence_year(s)
        if kind == "all" and q is None and not claim_times(s) and forecast_after(low, every_span[1]) == "this_year":
            year = s.today.year  # "NATO says all countries to hit 2% goal": this year's forecast, as a count's
        if q is None and kind in ("all", "none") and ("from" in low or "compared" in low):
            # "All allies now spend 2%, up from three in 2014": 2014 is the baseline's year, not the all-claim's
            base = _COMPARED_COUNT_FOLDED.search(low)
            if base is not None and any(t.year == year and t.start >= base.start() for t in s.times):
                own_times = [t for t in s.times if t.year and t.end <= base.start() and t.kind not in _NO_DATA_YEAR]
                year = own_times[0].year if own_times else s.latest_year()
        claim = self.claim(s, group, indicator, value, f"{kind}_{op}" if kind != "most" else "gt", year, q,
                           indicator=indicator, op=op, threshold=value, allies=allies, kind=kind, excluded=excluded)
        if kind in ("all", "none"):
            if ASPIRATION.search(text) or any(t.kind == "deadline" and not target_deadline(s, t) for t in s.times) \
                    or _agreed().search(low) is not None or _agreeing_all(low, every_span[1]) \
                    or _NORM_HEAD.search_words(low, s.tokens) is not None:  # "all members agreed to a pledge to reach
                # 2%", "the goal of having every member spend 2%", "the 2% goal all allies signed up to": a pledge
                # "all allies are moving toward 2%", "by 2035 every ally must reach 3.5%": no data claim; but
                # "...; this year only three do" counts who meet it now
                return out + self._elided_after_semicolon(s, indicator, op, value)
            claim.type, claim.code = "all_none_threshold", "CLM-ALL-NONE"
            if claim.frame.modality in _DROPPED_MODALITIES:
                return out  # "it is incumbent on all members to spend 2%", "asks every ally to put 2% into defence"
        out.append(claim)
        if kind in ("all", "none") and ("from" in low or "compared" in low or "against" in low or "vs" in low
                                        or "versus" in low):  # "..., compared with just three in 2014"
            out.extend(self._compared_counts(s, 0, group, indicator, op, value, allies))
        return out

    def _bare_most_level(self, s: Sentence, at: int) -> tuple[str, str, float] | None:
        """The level "most" alone stands at: the % of GDP figure right after it ("most aren't even at the agreed 2%
        threshold"; another rule may have read the figure as the pledge's too), on the side its words name."""
        q = next((x for x in s.quantities if x.kind == "pct" and at <= x.start <= at + 45), None)
        if q is None or q.value > 10:
            return None
        return GDP, threshold_op(s.text, q.start, at, s.low), q.value

    def _nth_meeting(self, s: Sentence, m: re.Match) -> list[Claim]:
        """"Romania became the sixth ally to meet the guideline", "the seventh of NATO's 29 members meeting the target":
        an ally joining the set makes it n allies on that side (a count of n, in the year of the sentence)."""
        n = _ORDINAL_VALUE.get(m.group("n"))
        if n is None:
            return []
        threshold = self._threshold(s, m.end("n"), compared_from=m.end("n"))  # (the figure after it is the set's level)
        if threshold is None:
            return []
        indicator, op, value = threshold
        s.carry.threshold = threshold
        q = Quantity(m.start("n"), m.end("n"), "count", float(n), 0, "eq", s.text[m.start("n"):m.end("n")])
        year = _sentence_year(s)
        out = [Claim(self.type, self.code, s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{value:g})", float(n), "eq",
                     year, q, {"indicator": indicator, "op": op, "threshold": value, "allies": None,
                               "kind": "count", "excluded": [], "members": None}, self)]
        ally = next((e for e in reversed(s.subjects()) if e.is_ally and e.end <= m.start()
                     and not _CLAUSE_END.search(s.low, e.end, m.start())), None)
        if ally is not None and indicator == GDP \
                and not any(ally.end <= st.verb_start < m.start() and st.side == op for st in s.statuses):
            # "Hungary became the eleventh ...": Hungary is on that side too (unless its own words said so before:
            # "Romania met the target, making it the sixth ...", read as Romania's own claim)
            out.append(_ally_on_side(s, ally.code, value, op, year, s.threshold_at or q))
        return out

    def _wordless_counts(self, s: Sentence) -> list[Claim]:
        """A count without a number (count_frames.csv): "only a few allies spend 5%" (at least two), "among a handful
        of countries that met the guideline" (at most five; no claim about the ally among them: the labelled sets
        read only the count)."""
        m = _wordless().search(s.low)
        if m is None:
            return []
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None and k[0] == "w")
        comparator, value = _WORDLESS_ROWS[i].split()
        q = Quantity(m.start(), m.end(), "count", float(value), 0, comparator, s.text[m.start():m.end()])
        # (a figure right after is the set's threshold, though an example is named: "only a few allies such as
        # Poland spend 5%")
        threshold = self._threshold(s, m.end(), compared_from=m.end())
        if threshold is None:
            return []
        indicator, op, level = threshold
        s.carry.threshold = threshold
        year, _ = s.year_for(q)
        if (forecast := forecast_after(s.low, m.start("noun") - 1)) is not None and not _time_in_clause(s, q):
            year = s.today.year if forecast == "this_year" else pledge_deadline(s.today, level)
        europe = "european" in m.group("noun")  # "a handful of European countries": the allies but the US and Canada
        out = [Claim(self.type, self.code, s, "EUROPEAN_ALLIES" if europe else "NATO_ALLIES",
                     f"count({indicator}{_OPS[op]}{level:g})", float(value), comparator, year, q,
                     {"indicator": indicator, "op": op, "threshold": level,
                      "allies": [c for c in europe_and_canada() if c != "CAN"] if europe else None,
                      "kind": "count", "excluded": [], "members": None}, self)]
        return out

    def _all_before_count(self, s: Sentence, q) -> list[Claim]:
        """"All members hit two per cent this year, but only three reach the new goal": the clause before the count
        is an all-claim at its own level (a figure in it, else the guideline its status phrase names)."""
        low = s.low
        m = _ALL_FOLDED.search(low, 0, q.start)
        if m is None or (br := _CLAUSE_END.search(low, m.end(), q.start)) is None:
            return []
        first = low[m.start():br.start()]
        if ASPIRATION.search(first) or _agreed().search(first):
            return []  # "all allies must reach 2% by 2024, but only three do": no claim about all of them
        pct = next((x for x in s.free(("pct",)) if m.end() <= x.start < br.start() and x.value <= 10), None)
        st = next((x for x in s.statuses if x.side in _OPS and m.end() <= x.verb_start < br.start()), None)
        if pct is not None:
            s.take(pct)
            op, level = (st.side if st is not None else threshold_op(s.text, pct.start, m.end(), low)), pct.value
        elif st is not None:
            op, level = st.side, 2.0
        else:
            return []
        times = [t for t in claim_times(s) if t.start < br.start()]
        year = times[0].year if times else _sentence_year(s)
        claim = self.claim(s, "NATO_ALLIES", GDP, level, f"all_{op}", year, None, indicator=GDP, op=op, threshold=level,
                           allies=None, kind="all", excluded=[])
        claim.type, claim.code = "all_none_threshold", "CLM-ALL-NONE"
        return [claim]

    def _later_clause_counts(self, s: Sentence, later: list, first, group, indicator: str, op: str, value: float,
                             allies, first_year: int | None = None) -> list[Claim]:
        """A count in a later clause of its own, not read as a baseline or an elided second count: "About five years
        ago, about ten did, and this year more than 20 of the 32 members will do so" (the same threshold, each count
        in its own time)."""
        out = []
        first_op = op
        for q in later:
            when = _WHEN_YEAR_ANY_BEFORE.search(s.low, max(first.end, q.start - 40), q.start)
            if s._index(q) in s.used or not (when or _CLAUSE_END.search(s.low, first.end, q.start)):
                continue
            if indicator == REAL_CHANGE and op == first_op and RAISING.match(s.low, q.end) is None:
                # "a dozen allies raised budgets, but only four reach 2%": the later count's own level
                own_level = self._threshold(s, q.end)
                if own_level is None or own_level[0] == REAL_CHANGE:
                    continue
                indicator, op, value = own_level
            pf = proform_after(s.low, q.end, q.end + 60, op)
            raises = indicator == REAL_CHANGE and (r := RAISING.match(s.low, q.end)) is not None and r.group("real") \
                and (r.group("down") is not None) == (op == "lt")  # "..., while 18 more will raise budgets in real terms"
            if not raises and (pf is None or pf.side != op
                               or not _DO_WORDS.intersection(s.low[pf.verb_start:pf.verb_end].split())) \
                    and not self._own_status(s, q, op, value):
                continue  # only a pro-verb for the same status ("will do so", "did") or a status of the same side of
                # the same level; "while five reached it" is the other side's count, read (or not) by _other_side
            s.take(q)
            year = int(when.group("y")) if when else self._clause_year(s, q, first, first_year)  # ("..., against
            # 2019, when four did")
            m_of = N_OF_M.match(s.low, q.end)
            out.append(Claim(self.type, self.code, s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value,
                             hedge_before(s.text, q.start, s.low), year, q,
                             {"indicator": indicator, "op": op, "threshold": value, "allies": allies, "kind": "count",
                              "excluded": [], "members": (_number(m_of.group("m")) or None) if m_of else None}, self))
        return out

    def _count_moved_to(self, s: Sentence, first, first_year: int | None, group, indicator: str, op: str, value: float,
                        allies) -> list[Claim]:
        """The counts later clauses move the first one to: "only two did back then, but by 2019 this number had grown to
        seven", "eight in 2019, though that slipped to five a year later before recovering to nine in 2022" (the same
        threshold; each at its own time, a year step from the count before it, else the present: "has now increased
        to nine"; a further move with none of these is undated, no claim)."""
        low = s.low
        m = _MOVED_TO.search(low, first.end)
        if m is not None and not _CLAUSE_END.search(low, first.end, m.start()):
            m = None
        if m is None and not s.words.isdisjoint(("that", "it", "this")):
            m = _PRONOUN_MOVED_TO.search(low, first.end)
        if m is None:
            return []
        moves = [m]
        while (again := _MOVED_AGAIN.search(low, moves[-1].end())) is not None:
            moves.append(again)
        brk = _last_break(low, first.end, m.start())
        out: list[Claim] = []
        year = first_year
        for i, move in enumerate(moves):
            n = _number(move.group("n"))
            if not 0 < n <= 40:
                break
            start = brk.end() if i == 0 and brk is not None else move.start()
            end = moves[i + 1].start() if i + 1 < len(moves) else len(low)
            own = [t for t in claim_times(s) if start <= t.start < end]
            step = year_step(low, s.tokens, move.end("n"))
            if own:
                year = own[0].year
            elif step is not None and year is not None:
                year += step[1]  # "that fell to six the following year"
            elif i == 0 or PRESENT_WORD.search(low, start, end):
                year = s.latest_year()
            else:
                break
            q = Quantity(move.start("n"), move.end("n"), "count", float(n), 0, "eq", s.text[move.start("n"):move.end("n")])
            out.append(Claim(self.type, self.code, s, group, f"count({indicator}{_OPS[op]}{value:g})", float(n), "eq", year,
                             q, {"indicator": indicator, "op": op, "threshold": value, "allies": allies, "kind": "count",
                                 "excluded": [], "members": None}, self))
        return out

    @staticmethod
    def _own_status(s: Sentence, q, op: str, value: float) -> bool:
        """A later count's own status phrase, on the same side, in its own clause and with no other level of its own:
        "..., against 2019, when just four allies reached it"."""
        end = (c.start() if (c := _CLAUSE_END.search(s.low, q.end)) is not None else len(s.low))
        if any(x.kind == "pct" and q.end <= x.start < end and x.value != value for x in s.quantities):
            return False  # ("..., while only three reach 3.5%": another level)
        if any(x.kind == "pct" and q.end <= x.start < min(end, q.end + 60) and x.value == value
               and threshold_op(s.text, x.start, q.end, s.low) == op for x in s.quantities):
            return True  # ("..., but just five were at the 2 per cent level": the level itself, on that side)
        return any(x.side == op and q.end <= x.verb_start < min(end, q.end + 60) for x in s.statuses)

    @staticmethod
    def _clause_year(s: Sentence, q, first, first_year: int | None) -> int | None:
        """A later count's year: a time in its own clause (from the break before it); "today", "now", "currently"
        there: the present ("in that year four did, while today 19 do"); else the first count's year (",
        but only five are meeting the goal": the same time), else the quantity's own reading."""
        brk = _last_break(s.low, first.end, q.start)
        if brk is None:
            return s.year_for(q)[0]
        end = (c.start() if (c := _CLAUSE_END.search(s.low, q.end)) is not None else len(s.low))
        own = [t for t in claim_times(s) if brk.end() <= t.start < end]
        if own:
            return own[0].year
        if PRESENT_WORD.search(s.low, brk.end(), q.start):
            return s.latest_year()
        return first_year if first_year is not None else s.year_for(q)[0]

    def _member_of_the_set(self, s: Sentence, q, indicator: str, op: str, value: float, year) -> Claim | None:
        """"Romania was among the seven allies that met the guideline": also a claim about Romania; "Italy is not
        among the 23 allies expected to reach 2%": Italy below it; "the US and three other members meet it": the
        US on the side of the four."""
        if indicator != GDP:
            return None
        if (joined := _JOINED_TO_OTHERS.search(s.low, max(0, q.start - 20), q.start)) is not None \
                and (_OTHER_NOUN_AFTER.match(s.low, q.end) or _OTHERS_AFTER.match(s.low, q.end)):
            ally = next((e for e in s.entities if e.is_ally and e.end == joined.start()), None)
            return None if ally is None else _ally_on_side(s, ally.code, value, op, year, q)
        m = AMONG_BEFORE.search(s.text, max(0, q.start - 40), q.start)
        if m is None:
            return None
        ally = next((e for e in reversed(s.subjects()) if e.is_ally and e.end <= m.start()), None)
        if ally is None:
            return None
        negated = m.group("not") is not None
        return _ally_on_side(s, ally.code, value, OPPOSITE[op] if negated else op, year, q, negated)

    def _compared_counts(self, s: Sentence, after: int, group, indicator: str, op: str, value: float,
                         allies, main_year: int | None = None) -> list[Claim]:
        """A second count of the same threshold in the sentence: "nine allies reach 2% in 2019, up from three in
        2014", "compared with just three in 2014"; its year is the one written after it."""
        out = []
        for m in _COMPARED_COUNT_FOLDED.finditer(s.low, after):
            g = "n" if m.group("n") else "n2"
            q = next((x for x in s.free(("count",)) if x.start == m.start(g)), None)
            reach = 20 if g == "n" and _BASELINE_RELATIVE.match(s.low, m.end()) is None else 90
            times = [t for t in s.times if t.year and (t.start >= m.end() and t.start - m.end() < reach
                                                        and not _CLAUSE_END.search(s.low, m.end(), t.start) if g == "n"
                                                        else m.start() <= t.start < m.start(g))
                     and t.kind not in ("since", "week", "month")]
            if q is not None and not times and _VAGUE_PAST.match(s.text, q.end):
                # "up from only four a few years ago": a baseline count with no year of its own, read as the year
                # the pledge at that level was made, when that was a few years before (the real sets read "up from
                # only three a few years ago" in 2019 as 2014); a count that does not match it is unverifiable
                s.take(q)
                base = _pledge_baseline(s.today, value)
                out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value, q.comparator,
                                      base, q, indicator=indicator, op=op, threshold=value, allies=allies,
                                      kind="count", excluded=[], **({"year_inferred": True} if base else {})))
                continue
            year = times[0].year if times else None
            if m.group("prior") and not times and main_year is not None \
                    and (q is not None or (q := _bare_count(s.text, m.start(g), m.end(g))) is not None):
                # the count an earlier edition forecast for the same year (judged on that edition: claims/vintage.py)
                if q in s.quantities:
                    s.take(q)  # (a bare number is no quantity of the sentence: nothing else can take it)
                out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value, q.comparator,
                                      main_year, q, indicator=indicator, op=op, threshold=value, allies=allies,
                                      kind="count", excluded=[], prior_forecast=True))
                continue
            if q is not None and main_year is not None and (step := year_step(s.low, s.tokens, at=q.end)) is not None \
                    and step[1] < 0:
                # a baseline's time told from the count's own year: "eleven in 2023, up from seven the year before",
                # "18 in 2024, compared to ten a year earlier" (not a year before the article's date)
                year = main_year + step[1]
            if q is None or year is None:
                continue  # "one more than in 2021" names no count; without its own year it is not read
            s.take(q)
            out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value, q.comparator,
                                  year, q, indicator=indicator, op=op, threshold=value, allies=allies,
                                  kind="count", excluded=[]))
            end = times[0].end if times else q.end
            while True:  # "up from 11 last year and three in 2014": each further baseline with its own time
                q2 = next((x for x in s.free(("count",)) if x.start > end and _AND_BASELINE.fullmatch(s.low, end, x.start)), None)
                t2 = next((t for t in s.times if q2 is not None and t.year and 0 <= t.start - q2.end < 12
                           and t.kind not in ("since", "week", "month")), None)
                if q2 is None or t2 is None:
                    break
                s.take(q2)
                out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q2.value, q2.comparator,
                                      t2.year, q2, indicator=indicator, op=op, threshold=value, allies=allies,
                                      kind="count", excluded=[]))
                end = t2.end
        return out

    def _elided_in_sentence(self, s: Sentence, after: int, group, indicator: str, op: str, value: float,
                            allies) -> list[Claim]:
        """"only three countries met that goal in 2014, but five did in 2015": a second count of the same threshold
        with its verb elided, in the year written after it."""
        out = []
        for m in ELIDED_TIME_FIRST.finditer(s.text, after):  # "...; today 23 of them do", "; in 2024, 23 will"
            q = next((x for x in s.free(("count",)) if x.start == m.start("n")), None)
            t = next((t for t in s.times if t.year and m.start() <= t.start < m.start("n")), None)
            year = t.year if t is not None else s.latest_year() if m.group("now") else None
            if q is None or year is None:
                continue
            s.take(q)
            out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value, q.comparator, year,
                                  q, indicator=indicator, op=op, threshold=value, allies=allies, kind="count",
                                  excluded=[]))
        for m in ELIDED_SECOND.finditer(s.text, after):
            if _MEMBERSHIP_BEFORE.search(s.low, max(0, m.start("n") - 12), m.start("n")):
                continue  # "six of the 29 had done so in 2017": the 29 is the membership, not a second count
            q = next((x for x in s.free(("count",)) if x.start == m.start("n")), None)
            t = next((t for t in s.times if t.year and (t.kind in ("year", "last_year", "this_year")
                                                         or t.kind == "deadline" and t.year < s.today.year)
                      and m.end("n") < t.start <= m.end() + 4), None)  # ("had done so by 2019": that year's)
            if q is None or t is None:
                continue
            s.take(q)
            out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value, q.comparator, t.year,
                                  q, indicator=indicator, op=op, threshold=value, allies=allies, kind="count",
                                  excluded=[]))
        return out

    def _other_side(self, s: Sentence, after: int, group, indicator: str, op: str, value: float, allies, excluded,
                    year) -> list[Claim]:
        """"20 of 32 allies hit 2%, with 12 falling short": the count on the other
        side of the same threshold, in the same year."""
        m = _OTHER_SIDE_FOLDED.search(s.low, after)
        if m is None or any(x.kind == "pct" and m.end() <= x.start <= m.end() + 12 for x in s.quantities):
            return []  # (", and eight under 1.5%": another threshold, not the other side of this one)
        q = next((x for x in s.free(("count",)) if x.start == m.start("n")), None)
        if q is None:
            return []
        s.take(q)
        other = OPPOSITE[op]
        return [self.claim(s, group, f"count({indicator}{_OPS[other]}{value:g})", q.value, q.comparator, year, q,
                           indicator=indicator, op=other, threshold=value, allies=allies, kind="count",
                           excluded=excluded)]

    def _elided_after_semicolon(self, s: Sentence, indicator: str, op: str, threshold: float) -> list[Claim]:
        """"By 2035 every ally must reach 3.5%; this year only three do": an elided count in the clause after a
        semicolon, at the threshold of the clause before, in that clause's own time."""
        semi = s.text.find(";")
        m = ELIDED_COUNT.search(s.text, semi + 1) if semi >= 0 else None
        if m is None:
            return []
        value = _elided_count(m.group("n"))
        if value is None:
            return []
        times = [t for t in s.times if t.year and t.start > semi and t.kind not in ("since", "week", "month", "deadline")]
        year = times[0].year if times else s.latest_year()
        q = Quantity(m.start("n"), m.end("n"), "count", value, 0, hedge_before(s.text, m.start("n"), s.low), m.group("n"))
        return [self.claim(s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{threshold:g})", value, "eq", year, q,
                           indicator=indicator, op=op, threshold=threshold, allies=None, kind="count")]

    def _anaphoric_counts(self, s: Sentence, m: re.Match) -> list[Claim]:
        """"Back in 2015 the figure was only 4. By 2021 it was still just 8, and 12 last year": the count of the sentence
        before, and every number after it in the sentence, each in its own time."""
        from ..quantities import parse_number

        carried = s.carry.threshold
        assert carried is not None  # (called from _elided only)
        indicator, op, threshold = carried
        try:
            first = Quantity(m.start("n"), m.end("n"), "count", parse_number(m.group("n"))[0], 0, "eq", m.group("n"))
        except (ValueError, KeyError):
            return []
        later = [q for q in s.free(("count",)) if q.start > first.start]
        out = []
        for q in [first, *later]:
            if not 0 < q.value <= 40 or _COUNT_NOUN_AFTER_ANY.match(s.low, q.end):
                continue
            if q is not first:
                s.take(q)
                year, _ = s.year_for(q)
            else:  # (a stand-in, not one of the sentence's quantities: the time written before it, else year_for)
                before = [t for t in s.times if t.year and t.end <= q.start and t.kind not in ("since", "week", "month")]
                year = before[-1].year if before else s.year_for(q)[0]
            out.append(self.claim(s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{threshold:g})", q.value,
                                  q.comparator if q.comparator in ("lt", "gt", "le", "ge", "nearly", "approx") else "eq",
                                  year, q, indicator=indicator, op=op, threshold=threshold, allies=None, kind="count"))
        return out

    def _relative_counts(self, s: Sentence, first, first_year, group, indicator: str, op: str, value: float,
                         allies) -> list[Claim]:
        """A baseline count told relative to the first one, with its own time: "23 allies, one more than in 2023" is
        also 22 in 2023; "twice as many as in 2021" is half the count in 2021 (only when that is a whole number)."""
        if s.words.isdisjoint(_RELATIVE_WORDS) or first.comparator != "eq":
            return []
        out = []
        for m in RELATIVE_COUNT.finditer(s.text, first.end):
            t = next((t for t in s.times if m.end("core") < t.start <= m.end() and t.year
                      and t.kind in ("year", "last_year")), None)
            if t is None or t.year == first_year:
                continue  # "one more than expected": no baseline year, no claim
            if m.group("k"):
                k = _MULTIPLE[" ".join(m.group("k").lower().split())]
                if first.value % k:
                    continue
                baseline = first.value / k
            else:
                d = _number(m.group("d"))
                up = (m.group("dir") or m.group("dir2")).lower() == "more"
                baseline = first.value - d if up else first.value + d
                for i, q in enumerate(s.quantities):
                    if q.kind == "count" and m.start("d") <= q.start < m.end("d"):
                        s.used.add(i)  # the difference is no count of its own
            if baseline <= 0:
                continue
            out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", baseline, "eq", t.year, None,
                                  indicator=indicator, op=op, threshold=value, allies=allies, kind="count",
                                  excluded=[], relative=m.group(0).strip()))
        return out

    def _number_of(self, s: Sentence, m: re.Match) -> list[Claim]:
        """"the number of allies reaching the target rose from 11 last year (to 18)": the count it moved from, in
        the time written after it, and the one it moved to, in the sentence's other time (else the present)."""
        threshold = self._threshold(s, 0) or s.carry.threshold
        if threshold is None:
            return []
        indicator, op, value = threshold
        s.carry.threshold = threshold
        times = [t for t in s.times if t.year and t.kind not in ("since", "week", "month", "deadline")]
        out = []
        a_time = None
        if m.group("a"):
            limit = m.start("b") if m.group("b") else m.end("a") + 25
            a_time = next((t for t in times if m.end("a") <= t.start < limit), None)
            a_year = a_time.year if a_time is not None else s.latest_year() if m.groupdict().get("now") else None
            if a_year is not None:  # ("from the current five to nine": the present count)
                out.append(self.claim(s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{value:g})", _number(m.group("a")),
                                      "eq", a_year, None, indicator=indicator, op=op, threshold=value,
                                      allies=None, kind="count", excluded=[]))
        if m.group("b"):
            other = [t for t in times if t is not a_time]
            by = next((t for t in s.times if t.year and t.kind == "deadline" and t.start >= m.end("b")), None)
            # ("to possibly 13 by 2021": the year it is to reach, a forecast)
            year = other[0].year if other else by.year if by is not None else s.latest_year()
            out.append(self.claim(s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{value:g})", _number(m.group("b")),
                                  "eq", year, None, indicator=indicator, op=op, threshold=value, allies=None,
                                  kind="count", excluded=[]))
        return [c for c in out if c.value > 0]

    def _elided(self, s: Sentence) -> list[Claim]:
        """A count whose noun and threshold are those of the sentence before: "Only seven do.", "Nine did so in
        2019.", "NATO's June figures count seven", "the count was eleven"."""
        words = s.words
        carried = carried_threshold(s)
        if carried is None:
            return []
        if not words.isdisjoint(_MOST_WORDS) and ((most := _ELIDED_MOST.match(s.low)) is not None
                                                  or (most := _ELIDED_MOST_IN_CLAUSE.search(s.low)) is not None):
            found = self._elided_most(s, most, carried)
            if found:
                return found  # (else "But most still have not reached the 2% mark": read below, its own level)
        if not words.isdisjoint(_ANAPHOR_WORDS) and not s.free(("pct",)) and (a := ANAPHOR_COUNT.search(s.text)):
            return self._anaphoric_counts(s, a)
        m = (TOTAL_COUNT.search(s.text) if "total" in words or "tally" in words else None) or (
            ELIDED_COUNT.search(s.text) if not words.isdisjoint(_ELIDED_VERBS) else None) or (
            SOURCE_COUNT.search(s.text) if not words.isdisjoint(_SOURCE_VERBS) and SOURCE_WORDS.search_words(s.low, s.tokens) else None) or (
            THERE_WERE.search(s.text) if "there" in words else None)
        if not m or s.free(("pct",)):
            return []
        value = _elided_count(m.group("n"))
        if value is None:
            return []
        indicator, op, threshold = carried
        if m.re is ELIDED_COUNT and op in ("lt", "le"):
            op = OPPOSITE[op]  # "most are not meeting it. Only seven do.": "do" is the meeting
        q = Quantity(m.start("n"), m.end("n"), "count", value, 0, hedge_before(s.text, m.start("n"), s.low), m.group("n"))
        times = [t for t in s.times if t.year and t.kind not in ("since", "week", "month")]
        if times:
            year = times[0].year
        elif m.re is ELIDED_COUNT and m.group(0).lower().rstrip().endswith(("do", "does")):
            year = s.latest_year()  # "a decade later 23 do": the present
        else:
            year = _sentence_year(s)
        return [self.claim(s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{threshold:g})", value,
                           q.comparator if q.comparator in ("lt", "gt", "le", "ge", "nearly", "approx") else "eq",
                           year, q, indicator=indicator, op=op, threshold=threshold, allies=None, kind="count")]

    def _elided_most(self, s: Sentence, m: re.Match, carried: tuple[str, str, float]) -> list[Claim]:
        """"Most, Germany included, do not.", "The majority now do.": more than half of the allies on the side of the
        threshold talked about before that the pro-verb names (status.py `proverb` rows, negation included)."""
        pf = proform_after(s.low, m.end(), None, carried[1])
        if pf is None or pf.start != m.end() or pf.side not in _OPS:
            return []
        indicator, _op, level = carried
        s.carry.threshold = (indicator, pf.side, level)
        verb = s.low[pf.verb_start:pf.verb_end].split()[0]
        # ("Most do not" with no time of its own: the present, whatever year the sentence before named)
        year = s.latest_year() if verb in _PRESENT_VERBS and not claim_times(s) else _sentence_year(s)
        claim = self.claim(s, "NATO_ALLIES", indicator, level, "gt", year, None, indicator=indicator,
                           op=pf.side, threshold=level, allies=None, kind="most", excluded=[])
        return [claim]

    def _fractions(self, s: Sentence, found, group, indicator, op, value, allies, first=None) -> list[Claim]:
        """"fewer than half of allies", "a third of the allies": a share of the allies with a value; after a count of
        an earlier clause, in its own clause's time ("three in 2014, but now a third of them ...": now); the count in
        an apposition after it ("two-thirds of them – 21 countries – now reach it") is a count of its own, in that time."""
        out: list[Claim] = []
        if any(t.kind in ("deadline", "future", "next_year") for t in s.times) or "on track to" in s.low \
                or "on course to" in s.low:
            return out  # "three-quarters of the 28 members are on track to meet it in the coming years": a forecast
        for m in found:
            frac = fraction_value(folded(m.group("frac")))
            comparator = HEDGE_OP.get((m.group("hedge") or "").lower(), "eq")
            own = None
            for i, q in enumerate(s.quantities):
                if q.kind == "fraction" and m.start() <= q.start < m.end():
                    s.used.add(i)
                    own = q
            if own is not None and first is not None and first.end <= own.start:
                year = self._clause_year(s, own, first, None)
            elif own is not None:  # the time of its own clause, before it too, not a baseline's after it ("This year,
                year = s.year_for(own)[0]  # two-thirds of allies will reach 2%, compared to only three in 2014")
            else:
                later = [t for t in s.times if t.year and t.start >= m.end() and t.kind not in ("since", "week", "month")]
                year = later[0].year if later else _sentence_year(s)
            if (app := _APPOSED_COUNT.match(s.low, m.end())) is not None:  # (the count first: the share restates it)
                q = next((x for x in s.quantities if x.kind == "count" and x.start == app.start("n")), None)
                if q is not None:
                    s.take(q)
                    out.append(self.claim(s, group, f"count({indicator}{_OPS[op]}{value:g})", q.value, "eq", year, q,
                                          indicator=indicator, op=op, threshold=value, allies=allies, kind="count",
                                          excluded=[], members=None))
            out.append(self.claim(s, group, f"share_of_allies(count({indicator}{_OPS[op]}{value:g}))", round(frac, 3),
                                  comparator, year, None, indicator=indicator, op=op, threshold=value,
                                  allies=allies, kind="fraction", fraction=frac))
        return out


_OPS = {"ge": ">=", "gt": ">", "lt": "<", "le": "<=", "eq": "="}
# a count in a dashed or bracketed apposition right after a share of the allies: "two-thirds of them – 21 countries –",
# "two-thirds of the allies (21 countries)", "a third of them – eleven in all –", "three quarters (23 of 31)" (folded text)
_APPOSED_COUNT = re.compile(rf"\s?(?:[—–-]\s|\()(?P<n>{_CNUM})\s(?:(?:nato\s|member\s)?(?:{_COUNTED})|in\s(?:all|total)|all\stold"
                            rf"|of\s(?:the\s)?{_CNUM})(?:\s[—–-]|\))")
# between a "most" count's noun and its own verb: adverbs only (folded text)
_ADVERBS_TO_VERB = re.compile(r"\s(?:(?:are|is|were|was|have\sbeen|has\sbeen)\s)?(?:(?:still|now|currently|already|also|all|far|well|again)\s)*")


def _own_side_after(s: Sentence, at: int) -> str | None:
    """The side of the status right after a "most" count's noun ending at `at`, in its own clause, when the status
    has a side of its own: "a majority of members are still short of the pledge" (a status with its target, the
    threshold's level read elsewhere), "most member states still lag behind" (a pro-verb with its own side,
    threshold_status.csv); None when the verb follows the threshold talked about ("most do")."""
    st = next((x for x in s.statuses if x.start >= at and x.side in _OPS and _ADVERBS_TO_VERB.fullmatch(s.low, at, x.start)),
              None)
    if st is not None:
        return st.side
    same, other = proform_after(s.low, at, None, "ge"), proform_after(s.low, at, None, "lt")
    if same is not None and other is not None and same.side == other.side and same.side in _OPS \
            and _ADVERBS_TO_VERB.fullmatch(s.low, at, same.verb_start):
        return same.side
    return None
# a demand, a condition, a hope or a question (modality.csv effect `drop`): an all/none claim under one is nobody's
_DROPPED_MODALITIES = frozenset(r["modality"] for r in rows("modality") if r["effect"] == "drop")
# "Most, Germany included, do not.", "But the majority of them still do": a quantifier standing alone before a
# pro-verb (status.py), its threshold the one talked about before (folded text; the pro-verb is read after it)
_ELIDED_MOST = re.compile(r"(?:but\s|yet\s|and\s|today,?\s|now,?\s)?(?:most|the\s(?:vast\s|large\s|great\s|clear\s)?majority|a\s(?:clear\s)?majority)"
                          r"(?:\sof\s(?:them|those|these))?(?:,\s[^,;]{1,50},)?\s(?:(?:still|now|already|currently)\s)?")
_MOST_WORDS = frozenset({"most", "majority"})
# the same after a word that opens a clause: "we all know that most of them do not", "... but the majority do not"
_ELIDED_MOST_IN_CLAUSE = re.compile(r"\b(?:that|but|yet|though|although|because|while|whereas)\s" + _ELIDED_MOST.pattern)
# a second count after its own time, verb elided: "...; today 23 of them do", "; in 2024, 23 will (do so)"
ELIDED_TIME_FIRST = re.compile(r"(?:;|,\s(?:but|and|while|whereas))\s(?:(?:in|by)\s\d{4}|(?P<now>today|now)|this\syear|last\syear),?\s"
                               r"(?:only\s|just\s|some\s)?(?P<n>[\w-]+)\s(?:of\sthem\s|(?:allies|countries|members|nations)\s)?"
                               r"(?:do|did|does|will|would|had|have)\b(?!\snot)", re.I)
# a second count with its verb elided: "..., but five did in 2015", "and nine had done so by 2019"
ELIDED_SECOND = re.compile(r"(?:,\s|\s)(?:but|and|while|whereas|yet|then)?\s?(?:that\syear,\s)?(?:only\s|just\s)?"
                          r"(?P<n>[\w-]+)\s(?:(?:allies|countries|members|nations)\s)?(?:did|do|does|had|have)"
                          r"(?:\s(?:done\s)?(?:so|too|it|that|the\ssame))?\s(?:in|by)\s", re.I)
# after a count, the count on the other side of its threshold: ", with nine falling short of the goal", "while the
# other nine remain below it", "and eight still missing it"
OTHER_SIDE = re.compile(r"(?:,\s|\s)(?:with|while|and|but|whereas)\s(?:the\s(?:other|remaining)\s)?(?P<n>\w+)\s"
                        r"(?:(?:other\s)?(?:allies|members|countries|nations|others)\s)?(?:are\s|were\s|still\s|now\s)*"
                        r"(?:(?:falling|fell|fall|falls|remain(?:ing|ed|s)?|stay(?:ing|ed|s)?|sitting|lagging)\s(?:just\s|well\s|far\s)?"
                        r"(?:short|below|under)|below|under|short\sof|missing)\b", re.I)
# after a number: "two more members", "three additional allies" (a difference between two counts, no count itself)
_DIFFERENCE_AFTER = re.compile(r"\s(?:more|additional|extra|further|new)\s(?:nato\s|european\s)?(?:allies|members|countries|nations"
                               r"|states|member\sstates|member\scountries)\b")
# a verb of raising what is spent, no verb of meeting: "most allies will step up their contributions" (folded text)
_STEP_UP = re.compile(r"\b(?:step|stepped|stepping|ramp|ramped|ramping|scale|scaled)\sup\b|\b(?:increase|increased|increasing|raise"
                      r"|raised|raising|boost|boosted|boosting)\s(?:their|its)\s(?:contributions?|spending|budgets?|outlays)\b")
# a set named by a collective noun before a count: "a list of nine allies that meet it", "the club of 23 members at 2%"
_GROUP_OF_BEFORE = re.compile(r"\b(?:list|group|club|circle|ranks|league|camp)\sof\s$")
# a year opening a relative clause whose subject is the count (folded text, right before it): "from 2021, where only"
# "compared to 2021, when only six": a later count's own year (folded text, ending right before the count)
_WHEN_YEAR_ANY_BEFORE = re.compile(r"\b(?P<y>(?:19|20)\d\d),?\s(?:when|in\swhich)\s(?:only\s|just\s|a\smere\s|barely\s)?$")
_WHEN_YEAR_BEFORE = re.compile(r"\b(?:from|since|in|back\sin)\s(?P<y>(?:19|20)\d\d),?\s(?:when|where|in\swhich|at\swhich\spoint)\s"
                               r"(?:only\s|just\s|a\smere\s|barely\s)?$")
# "a minority of members", "the small minority of allies" (folded text): fewer than half, read as most on the other side
_MINORITY = re.compile(r"\b(?:a|the)\s(?:small\s|tiny\s|shrinking\s|dwindling\s)?minority\sof\s(?:the\s)?(?:nato\s|european\s)?"
                       r"(?:allies|members|countries|nations|member\sstates)\b")
_NOT_COUNT_BEFORE_WORDS = ("then-", "then ", "top ", "bottom ", "first ", "last ")
# "the sixth ally to meet the guideline", "only the seventh of NATO's 29 members meeting the target", "the sixth member,
# alongside A, B and C, to hit the benchmark" (the allies it joins in an aside; folded text)
_ORDINAL_VALUE = {w: i for i, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                                              "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
                                              "twentieth".split(), 2)}
_ORDINAL_WORDS = frozenset(_ORDINAL_VALUE)
_NTH_MEETING = re.compile(r"\bthe\s(?:only\s)?(?P<n>" + "|".join(_ORDINAL_VALUE) + r")\s(?:of\s(?:nato['’]?s\s|the\s"
                          r"(?:alliance['’]s\s)?|its\s)?(?:\d+\s)?)?(?:nato\s)?(?:ally|allies|member|members|country|countries"
                          r"|nation|nations|member\sstate|member\sstates),?\s(?:(?:alongside|along\swith|together\swith|after|besides|joining)"
                          r"\s[^.;:]{1,120}?,?\s)?(?:(?:to|that|which|who)\s(?:\w+\s)?)?(?:meet|meets|meeting|met"
                          r"|reach|reaches|reaching|reached|hit|hits|hitting|achieve|achieving|exceed|exceeding)\b")
# a verb of expecting with the count as its object (folded text, right before the count): "NATO expects five allies
# to meet 2% in 2015", "officials forecast that eight members will"
_EXPECTS_BEFORE = re.compile(r"\b(?:expects?|expected|forecasts?|forecasted|projects?|projected|predicts?|predicted|anticipates?"
                             r"|anticipated)\s(?:that\s)?(?:only\s|just\s|about\s|around\s|some\s)?$")
# right after a count: a verb of agreeing or promising ("28 allies agreed", "all 29 members pledged"): no count at a
# threshold carried from before (folded text)
_AGREEING_AFTER = re.compile(r"\s(?:(?:nato\s)?(?:allies|members|countries|nations|leaders)\s)?(?:have\s|had\s|all\s)?"
                             r"(?:agreed|pledged|promised|committed|vowed|signed|decided|endorsed|approved)\b")
_DO_WORDS = frozenset({"do", "does", "did", "doing", "done"})
_PRESENT_VERBS = frozenset({"do", "does", "don't", "doesn't", "don’t", "doesn’t", "are", "is", "have", "has"})
_MEMBERSHIP_BEFORE = re.compile(r"\bof\s(?:the\s|its\s)?$")  # (folded text, before a number)
_OTHER_SIDE_FOLDED = gated(folded_pattern(OTHER_SIDE))  # on Sentence.low (the same spans)


EXCLUDING = gated(folded_pattern(re.compile(r"\b(?:besides|apart from|aside from|other than|excluding|except(?: for)?"
                                            r"|not counting|leaving aside|beyond)\s", re.I)))  # on Sentence.low


def _excluded(s: Sentence, q=None) -> list[str]:
    """Allies named right after "besides", "excluding", "other than" ... (a set with exclusions); and the ally whose
    allies a count counts ("only six of the U.S.' 31 allies spend 2%": the others than the US)."""
    if q is not None and _NON_US.match(s.low, q.end + 1):
        return ["USA"]  # "only five non-U.S. countries met the target"
    if q is not None and (of := N_OF_M.match(s.low, q.end)) is not None and of.group("owner"):
        at = of.start("owner")
        owner = next((e.code for e in s.entities if e.is_ally and e.start <= at < e.end), None)
        if owner is not None:
            return [owner]
    m = EXCLUDING.search_words(s.low, s.tokens)
    if not m:
        other = _others_of(s, q) if q is not None and (_OTHERS_AFTER.match(s.low, q.end)
                                                        or _OTHER_NOUN_AFTER.match(s.low, q.end)) else None
        return [other] if other is not None else []
    ends = [i for i in (s.text.find(",", m.end()), s.text.find(":", m.end()), s.text.find(";", m.end()),
                        s.text.find("–", m.end()), s.text.find("—", m.end()), s.text.find(" - ", m.end())) if i >= 0]
    # the excluded names end at the clause ("other than the US ...: Greece, ...") or at a dash that opens the list of
    # the allies counted ("six besides America – Romania, Poland, Latvia, Britain, Estonia and Greece – spend 2%")
    end = min([*ends, m.end() + 60])
    return sorted({e.code for e in s.entities if e.is_ally and m.end() <= e.start < end})


# a verb of reaching right before a level: "... are expected to reach 2%", "hit 3.5%" (folded text)
_REACHING_BEFORE = re.compile(r"\b(?:reach|meet|met|hit|exceed|surpass|top|achiev|attain|clear|pass|cross)\w*\s(?:the\s)?\Z")


# between a count and its deadline: a verb of the future ("will meet the guideline by 2024", "are set to reach 2% by
# 2025"; folded text)
_FUTURE_VERB = future("count_deadline")
# after a count: the allies it adds ("19 plus Belgium", "21 allies, along with Germany and France"; folded)
_PLUS_AFTER = re.compile(r"(?:\s(?:allies|members|countries|nations))?,?\s(?:plus|along\swith|together\swith|as\swell\sas)"
                         r"\s(?:the\s)?")


def _future_deadline(s: Sentence, q) -> int | None:
    """The year of a deadline after the count, in its clause, reached by a verb of the future: the count is a forecast
    for that year (unverifiable unless an edition estimates it)."""
    dl = next((t for t in s.times if t.kind == "deadline" and t.year and t.start > q.end
               and not _CLAUSE_END.search(s.low, q.end, t.start)), None)
    if dl is None or dl.year < s.today.year or not _FUTURE_VERB.search(s.low, q.end, dl.start):
        return None
    return dl.year


def _plus_allies(s: Sentence, q) -> list[str]:
    """The allies joined to a count right after it by "plus", "along with" ... (each once)."""
    m = _PLUS_AFTER.match(s.low, q.end)
    if m is None:
        return []
    named: list[str] = []
    at = m.end()
    for e in s.entities:
        if not e.is_ally or e.start < at:
            continue
        if e.start - at > 6:
            break
        if e.code not in named:
            named.append(e.code)
        at = e.end
        j = re.compile(r",?\s(?:and\s)?(?:the\s)?|,\s(?:the\s)?").match(s.low, at)
        at = j.end() if j else at
    return named


def _side_level_after(s: Sentence, q) -> bool:
    """A level with a side after the count in its clause ("and 22 others spent 2% or more", "six others at least 2%"):
    what "N others" are counted against when the sentence names no target."""
    return any(x.kind == "pct" and x.start > q.end and x.value <= 10 and not any(c in s.text[q.end:x.start] for c in ";:")
               and (x.comparator in ("ge", "gt", "lt", "le") or _REACHING_BEFORE.search(s.low, q.end, x.start))
               for x in s.quantities)


def _others_of(s: Sentence, q) -> str | None:
    """The ally "N others" leaves out: the last ally named before the count in its sentence ("The US spends 3.5%;
    only ten others reach 2%"), else the single ally the sentence before spoke of."""
    named = [e.code for e in s.entities if e.is_ally and e.end <= q.start]
    if named:
        return named[-1]
    carried = s.carry.subject
    return carried if carried and len(carried) == 3 and "," not in carried else None


_NO_DATA_YEAR = ("since", "week", "month", "deadline")


# "exceed the alliance's new target of allocating 3.5% of GDP to core budgets by 2035": the deadline is the
# target's (a pledge detail), not the time of the claim about who exceeds it
def target_deadline(s: Sentence, t) -> bool:
    """A deadline written inside a target's own phrase or in a clause on it (extract.norm_deadline)."""
    return norm_deadline(s.text, s.low, t)


def claim_times(s: Sentence) -> list:
    """The sentence's data times: years, not spans, weeks or months, not a target's own deadline, not the year a
    target was set ("every ally reached it this year, a first since its 2014 adoption"), and not the time of a
    statement or a report (extract.statement_time: "figures published this year show seven allies ...")."""
    said = s.statement_times
    return [t for t in s.times if t.year and t.kind not in ("since", "week", "month") and not target_deadline(s, t)
            and not (t.kind == "year" and TARGET_SET_IN.search(s.text, max(0, t.start - 140), t.start))
            and t not in said]


def _sentence_year(s: Sentence, ignore: tuple = ()) -> int | None:
    """The year of a sentence's claim: its first data time (not one of `ignore`), else the carried or present year."""
    times = [t for t in claim_times(s) if t not in ignore] if ignore else claim_times(s)
    if times:
        return times[0].year
    if ("that time" in s.low or "back then" in s.low) and s.carry.target_set_year is not None:
        return s.carry.target_set_year  # "a goal set in 2014 ... At that time, three allies met it"
    if s.carry.year is not None and s.carry.paragraph == s.paragraph and not PRESENT_TENSE_FOLDED.search(s.low) \
            and not s.statement_times:  # (a dated statement's figures are the edition's of then: vintage.py)
        return s.carry.year
    return s.latest_year()


def _elided_count(number: str) -> float | None:
    """The value of a count written without its noun ("only three do"), or None when it is no plausible count."""
    from ..quantities import parse_number

    try:
        value = parse_number(number)[0]
    except (ValueError, KeyError):
        return None
    return value if 0 < value <= 40 else None
