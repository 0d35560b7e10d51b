"""Pledges as data (commitments.csv): thresholds, deadlines, the year a guideline was adopted, the
review year, and "the current target" as it stood on the article's date."""

from __future__ import annotations

import dataclasses
import re

from ...targets import pledges, pledges_in_force
from ..dates import TimeRef
from ..extract import TARGET_MADE as _TARGET_MADE
from ..extract import WAR_AFTER, Claim, Sentence
from ..frame import figure_modality
from ..gates import Gated, gated
from ..grammar import folded_pattern
from ..lexicon import patterns, rows
from ..measures.pledge import _deadline, _pledge, current_target
from ..quantities import Quantity, find_percentages
from ..status import clause_start, planned
from ..verify import EQUIP, GDP
from .ally_pct import _FIGURE_FIRST, _REACH_BEFORE_FOLDED
from .base import Rule
from .figures import NORM_MET_BEFORE as _NORM_MET_BEFORE
from .figures import NORM_OWNER_BEFORE as _NORM_OWNER_BEFORE
from .figures import NORM_PASSIVE as _NORM_PASSIVE
from .figures import NORM_STATED as _NORM_STATED
from .real_change import non_ally_before

SUMMITS = {"RIGA2006": r"\bRiga\b", "WALES2014": r"\bWales\b|\bNewport\b", "VILNIUS2023": r"\bVilnius\b",
           "HAGUE2025": r"\bHague\b"}
# "the current target", "the current 2 percent-of-GDP threshold", "the current two per cent mark", "the official NATO
# goal is 2%", "up from the existing target of 2%" (the standing target as the text names it)
CURRENT = re.compile(r"\b(?:current|official|existing)\s(?:[\w.%-]+\s){0,3}(?:target|goal|commitment|guideline|benchmark|threshold|mark|level"
                     r"|floor|yardstick)\b|standing target", re.I)
REVIEW = re.compile(r"\breview\w*\b", re.I)
WALES_AGREEMENT = re.compile(r"\b(?:agreed|pledged|committed|promised|vowed|pledge|commitment|aim(?:ing)?|move towards"
                             r"|decided|resolved|set out|outlined|stipulated|decision"
                             r"|(?:with)?in(?:side)? (?:a|the next|the following|one) decade|over the (?:next|coming) decade|(?:with)?in(?:side)? (?:the next )?ten years|by 2024)\b", re.I)
ORIGIN = re.compile(r"\b(?:created|creation|introduced|invented|established|first (?:set|adopted|agreed)|dates? (?:back )?(?:from|to)"
                    r"|origin\w*|born)\b", re.I)
_AGREED_TO = gated(folded_pattern(re.compile(
    r"\b(?:(?:agreed|agree|pledged|committed|promised|vowed|decided|obliges|obliged|requires|commits)\s(?:\w+\s){0,4}?to"
    r"|must|have to|has to|need to|needs to)\s\w+\s(?:\w+\s){0,2}$", re.I)))  # on a window of Sentence.low
# the Wales pledge named by its year: "the 2014 pledge", "promised in 2014 to move towards 2%"
_WALES_BY_YEAR = re.compile(r"\b(?:the|their|its|a)\s2014\s(?:defen[cs]e\s(?:investment\s)?)?(?:pledge|commitment|promise)\b"
                            r"|\b(?:pledged|promised|committed|vowed|decided|resolved|set\sout|outlined)\s(?:back\s)?in\s(?:September\s)?2014"
                            r"\s(?:to|that)\s"
                            r"|\bin\s(?:September\s)?2014,?\s(?:[\w-]+\s){0,3}(?:pledged|promised|committed|vowed|decided|resolved)\sto\s",
                            re.I)
_PLEDGE_NAMED = gated(folded_pattern(re.compile(r"\bthe\s(?:Hague|Wales|2014|2025)\s(?:pledge|commitment|target|goal|deadline)\b",
                                                 re.I)))  # on Sentence.low, behind the words its matches need
# the alliance's pledge named without its summit or level ("under the alliance pledge", "NATO's commitment"; on
# Sentence.low, behind its derived gate)
_PLEDGE_GENERIC = gated(re.compile(r"\b(?:the|its|their|under)\s(?:alliance|nato|allied)(?:['’]s)?\s(?:spending\s|defen[cs]e\s)?"
                                   r"(?:pledge|commitment|target|goal)\b"))
# the pledges a deadline can belong to (a whole pledge, not one of the Hague parts)
_TOTALS = ("HAGUE2025_5PCT_TOTAL", "WALES2014_DIP_2PCT")
# a year written as a named pledge's end: "the Hague commitment runs to 2035", "the Wales deadline of 2024"
# (on Sentence.low, behind its derived gate: folding leaves the year's digits as they are)
_END_YEAR = gated(folded_pattern(re.compile(r"\b(?:runs?\s(?:to|until|through)|deadline\s(?:of|is|was|in)|lasts?\s(?:to|until))"
                                            r"\s(?P<y>20\d\d)\b", re.I)))
# a year as the attribute of the alliance's deadline ("cannot make a 2024 NATO deadline for 2%", "NATO's 2035
# deadline", "meet it by the (new) 2035 deadline", "leaders fixed a 2024 date for every member to reach
# it"): the pledge's deadline, whatever ally the sentence names (on Sentence.low, behind its derived gate)
_ALLIANCE_DEADLINE = gated(re.compile(r"\b(?:nato['’]s\s|the\salliance['’]s\s)?(?P<y>20\d\d)\s(?:(?:nato|alliance)\s(?:deadline|target\sdate)"
                                      r"|(?<=['’]s\s20\d\d\s)deadline|(?:(?<=target\sby\sthe\s20\d\d\s)|(?<=target\sby\sthe\snew\s20\d\d\s)"
                                      r"|(?<=goal\sby\sthe\s20\d\d\s)|(?<=goal\sby\sthe\snew\s20\d\d\s))deadline"
                                      r"|(?:deadline|date|target\sdate)\sfor\s(?:all|every|each)\s"
                                      r"(?:\w+\s)?(?:allies|ally|members?|member\sstates|countries|nations)\b)"))
_MET_BY = re.compile(r"\b(?:met|reached|achieved|hit)\sby\b|\bdeadline\b|\bruns?\sto\b", re.I)
DECADE = re.compile(r"within a decade|within ten years", re.I)


def _counts_in_first_clause(s: Sentence) -> bool:
    """A count before the sentence's first semicolon (all of it without one): "In 2014 allies pledged to move towards
    2%; so far, 11 of 31 have" pledges in its first clause and counts in its second."""
    semi = s.text.find(";")
    return any((semi < 0 or q.start < semi) and not _MEMBERSHIP_BEFORE.search(s.text, max(0, q.start - 24), q.start)
               for q in s.free(("count",)))


# "NATO's 29 members reaffirmed their 2014 pledge": the membership, not a count of allies meeting something
_MEMBERSHIP_BEFORE = re.compile(r"(?:\b(?:its|their|all)|['’]s)\s$", re.I)


# "a 2012 decision", "the 2013 agreement": a pledge named by the year it was made (on Sentence.low)
_PLEDGE_BY_YEAR = re.compile(r"\b(?:the|a|an|its|their|nato['’]s)\s(?P<y>(?:19|20)\d\d)\s(?:nato\s)?(?:decision|pledge|commitment"
                             r"|promise|agreement|deal|accord|vow)\b")


# "in Vilnius, Lithuania", "at Newport, Wales": a country after a city is where something happens (on the text)
_CITY_BEFORE = re.compile(r"\b(?:in|at|from)\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s$")


# ", a benchmark ...", ", the goal ...": an appositive naming the pledge just stated
_APPOSITIVE = re.compile(r",\s(?:a|an|the)\s(?:[\w-]+\s)?(?:benchmark|goal|target|guideline|pledge|level|threshold"
                         r"|commitment|yardstick)\b")


def _allies(s: Sentence) -> list:
    """The allies a pledge sentence names (the Netherlands is also the Hague's country)."""
    found = [e for e in s._subjects if e.kind != "group" and e.code != "NLD"  # read, not changed (= is_ally)
             and not _SUMMIT_IN_BEFORE.search(s.text, max(0, e.start - 24), e.start)
             and not _CITY_BEFORE.search(s.text, max(0, e.start - 30), e.start)  # ("in Vilnius, Lithuania": a place)
             and s.low[max(0, e.start - 4):e.start] != "non-"  # ("only four non-U.S. allies met it": not the US)
             and not _JOINED_OTHERS.match(s.low, e.end)]  # ("the UK and other members committed to 5%": the alliance)
    if found and ", " in s.text and (after := _APPOSITIVE.search(s.text)):
        # "agreed to spend 2% by 2024, a benchmark pushed by Washington": an ally named in an appositive on the
        # pledge describes it; it is not an ally's own pledge
        found = [e for e in found if e.start < after.start()]
    return found


# compiled once (an inline re.search looks its pattern up in the module cache on every call), each behind the
# literals its matches need (claims.gates)
_SUMMIT_RES = [(k, gated(re.compile(pat))) for k, pat in SUMMITS.items()]
_WALES = gated(re.compile(r"\bWales\b"))
_PROMISE = re.compile(r"promis|pledg|move towards", re.I)
_REVIEW_ABOUT = re.compile(r"pledge|trajectory|Hague", re.I)
_CORE_DEFENCE = re.compile(r"\bcore defence\b", re.I)
_SPENDING_BEFORE = re.compile(r"\b(?:spending|spends|spent|reaching|reached|now at|is at|stands at)\s(?:about\s|around\s|some\s|nearly\s)?$")
_PLEDGE_VERB = re.compile(r"\b(?:pledged|agreed|committed|commits|promised|vowed|decided|signed up|adopted|endorsed|approved)\b", re.I)
# the members a count is about ("23 of 32 allies", "all 32 of its members", "nine member countries")
_ALLIES_WORD = re.compile(r"\b(?:allies|members|countries|nations|states)\b")
# on Sentence.low, tried only on sentences holding the words their matches need (Gated.search_words)
_DEADLINE_WORDS = gated(re.compile(r"\b(?:level|goal|target|deadline|reach|hit|meet|achieve|fulfil|fulfill|honou?r)\b"))


def _pledge_words(kind: str) -> Gated:
    """The pledge lexicon's words of one kind as one pattern on s.low."""
    return gated(re.compile(r"\b(?:" + patterns("pledge_words", "kind", kind) + r")\b"))


# "and other NATO members committed" after an ally (lexicon pledge_words.csv, kind joined_others; on s.low)
_JOINED_OTHERS = gated(re.compile(r"(?:" + patterns("pledge_words", "kind", "joined_others") + r")\b"))


# the pledge's existence denied before its level (lexicon pledge_words.csv, kind denied; on s.low)
_DENIED_ANY = _pledge_words("denied")
_PROPOSED_ANY = _pledge_words("proposed")  # a pledge told as a proposal, not a decision
_DENIED_REACH = 70  # characters from the denying cue to the level
_CLAUSE_GAP = re.compile(r"[,;:.!?]")


def _denied(s: Sentence, q: Quantity, allies: list) -> bool:
    """Whether the sentence denies that a pledge at the level `q` exists ("there is no NATO decision on a 5% threshold",
    "allies never signed up to 3.5%"): a cue in the level's clause, not said of an ally ("Spain did not commit to 5%")."""
    low = s.low
    if _DENIED_ANY.search_words(low, s.tokens) is None:
        return False
    for m in _DENIED_ANY.finditer(low, max(0, q.start - _DENIED_REACH), q.start):
        if not _CLAUSE_GAP.search(low, m.end(), q.start) and not _owned(allies, m.start()) \
                and _SUBSET_BEFORE.search(low, max(0, m.start() - 40), m.start()) is None:
            return True
    return False


# some allies as the subject of the denying cue ("several allies have not committed to 2%", "three members never signed
# up", "countries that have not agreed"): they deny their own commitment, not the pledge's existence (on s.low)
_SUBSET_BEFORE = re.compile(r"\b(?:several|some|many|few|most|certain|other|a\sfew|a\snumber\sof|a\shandful\sof|one|two|three"
                            r"|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s(?:[\w'’-]+\s){0,3}?(?:(?:have|has|had)\s)?$"
                            r"|\b(?:that|who|which)\s(?:(?:have|has|had|still|yet)\s){0,2}$")


# a level told as a forecast or a plan ("allies are expected to spend 2.5% this year": "expected" is also read as a
# forecast) states no norm
_NOT_NORM_MODALITIES = frozenset({"forecast", "planned", "hoped", "conditional"})


def _presses(low: str, e) -> bool:
    """Whether the ally `e` presses the others to do something ("Washington is pushing for allies to agree on 5%"): the
    level is what they are pressed to, not the ally's own figure."""
    press = _PRESSING.search(low, e.end, e.end + 60)
    return press is not None and press.start() - e.end < 30


# a Hague part named right after a level ("3.5% on core defence"; lexicon pledge_words.csv, kind part_after; on s.low)
_PART_AFTER = gated(re.compile(r"(?:" + patterns("pledge_words", "kind", "part_after") + r")\b"))


def _carried_part(s: Sentence, e, q: Quantity) -> bool:
    """The ally `e` is only carried from before ("It", "its") and the level `q` is named as a part of the Hague split
    ("The US ... It means 3.5% for core defence and 1.5% for resilience"): the split's level, not that ally's figure."""
    return e.kind in ("anaphor", "set") and _PART_AFTER.match(s.low, q.end) is not None


def _pledge_at(value: float) -> str | None:
    """The one pledge of commitments.csv at that level, whenever made (a denied level: "no decision on 5%" in March 2025
    is about the pledge the Hague summit made later)."""
    same = [p["id"] for p in pledges() if p["threshold_pct"] and float(p["threshold_pct"]) == value]
    return same[0] if len(same) == 1 else None


# a figure agreed as a pledge, who agreed it, a guideline's adoption (lexicon pledge_words.csv)
_AGREE_ANY, _GROUP_ACTOR_ANY = _pledge_words("agree"), _pledge_words("actor")
# a target told as made out of the level or issued ("made 2% the benchmark", "issued a goal"): its creation, also a word
# that dates a guideline's adoption
_CREATED_AS_ANY = _pledge_words("created_as")
_ADOPTION_ANY = gated(re.compile(r"\b(?:" + patterns("pledge_words", "kind", "adoption") + "|"
                                 + patterns("pledge_words", "kind", "created_as") + r")\b"))
# what dates a norm's first making ("created", "first set"), and the nouns naming a pledge as a target (not "guideline")
_ORIGIN_ANY, _TARGET_NOUN_ANY = _pledge_words("origin"), _pledge_words("target_noun")
# the pledge's making told in a clause of its own beside a count ("In 2014, when we made the pledge, only three allies met
# 2%", "ten allies fell short of the goal, which was agreed in 2014", "reached by every ally, a first since its adoption in
# 2014", "the 2% target was set nine years ago, and only seven allies meet it"): the count keeps its figures; only a
# time in or right beside that clause dates the making ("Ten years ago three allies met the goal that was set in Wales":
# the count's year); the alliance named as the agent of the making ("the alliance in 2014 set a goal for every one of its
# 28 members", "the goal, which was set by NATO in 2014") (on Sentence.low)
_MAKING_CLAUSE = re.compile(r"\b(?:when|after|since)\s(?:[\w'’-]+\s){0,3}?(?:made|agreed|pledged|committed|promised|decided"
                            r"|set|adopted|reached)\b"

                            r"|\b(?:which|that|it|target|goal|pledge|commitment|requirement|benchmark)\s(?:was|were|had\sbeen"
                            r"|has\sbeen)\s(?:first\s)?(?:agreed|set|adopted"
                            r"|established|endorsed)\b|\bdates?\s(?:back\s)?(?:from|to)\b"
                            r"|\b(?:target|goal|benchmark|guideline|requirement|threshold)\s(?:first\s)?(?:agreed|set|adopted"
                            r"|established|endorsed)\sin\s(?:19|20)\d\d\b"
                            r"|\b(?:nato|the\salliance|allies|leaders)\s(?:in\s(?:19|20)\d\d\s)?(?:set|adopted|established|agreed)\s"
                            r"(?:a|the)\s(?:[\w-]+\s)?(?:target|goal|benchmark|guideline)\b")
# the target's own making told by a noun with a possessive ("Poland has stayed above the 2% goal each year since its
# adoption in 2006", "since their creation in 2014"): the making's clause whatever ally meets the target (on s.low)
_ITS_MAKING = re.compile(r"\b(?:since|after|before)\s(?:its|their)\s(?:introduction|adoption|creation|inception|establishment)\b")
# the alliance named as the making's agent, right after the verb of making (on s.low)
_BY_ALLIANCE = re.compile(r"\s(?:\w+\s)?by\s(?:nato|the\salliance|(?:the\s)?allies|(?:(?:nato|alliance|allied)\s)?leaders)\b")
# the 2% pledges a target named without its level may stand for (carried from the sentence before)
_TWO_PCT_PLEDGES = frozenset({"WALES2014_DIP_2PCT", "RIGA2006_2PCT", "CURRENT"})
# "2%", "two per cent", "the 20% equipment goal", "the guideline", "the figure", "it" (on s.low)
_GUIDELINE_2 = gated(re.compile(r"\b(?:20?\s?(?:%|per\s?cent|percent)|two\s(?:per\s?cent|percent)|twenty\s(?:per\s?cent|percent)"
                                r"|guideline\b|figure\b|it\b)"))


# "met the alliance goal of spending at least 2%", "set to honour their decade-old pledge of 2%": the pledge
# named as what a count or an ally meets, no claim about the pledge itself (on the folded text, ending at the figure)
_GOAL_OBJECT = gated(re.compile(r"\b(?:meet|meets|met|meeting|reach|reaches|reached|reaching|hit|hits|hitting|achiev\w*|fulfil\w*"
                          r"|exceed\w*|surpass\w*|keep|keeps|keeping|kept)"
                          r"\s(?:the|their|its|a|this|that|nato['’]s|the\salliance['’]s)\s(?:[\w'’-]+\s){0,3}(?:goal|target|pledge|guideline|benchmark"
                          r"|commitment)s?\s(?:of|to)\s(?:\w+\s){0,3}$"))  # (tried only when a literal it needs is there)
_GOAL_OBJECT_REACH = 100  # characters before the figure
# "It confirms the goal of 2 percent by 2024": a goal named with its level and (after the figure) its deadline is a
# claim about the pledge, whatever verb governs it (on the folded text, ending at the figure)
_GOAL_NAMED = re.compile(r"\b(?:the|a|its|their|this|that)\s(?:[\w'’-]+\s){0,2}(?:goal|target|pledge|commitment|benchmark"
                         r"|guideline)\sof\s(?:spending\s|at\sleast\s)?$")
# goals of something else than defence spending ("an inflation target of 2%", "a goal of 5% growth")
_OTHER_GOAL = re.compile(r"\b(?:inflation|growth|emissions?|deficit|debt|unemployment|sales|revenue|profit|turnout|vote"
                         r"|tariffs?|interest)\b")
_DEADLINE_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:by|until|before)\s20\d\d\b")
# "members agreed new targets for 2031 of 3.5% or more": the year a goal is set for is its deadline (folded text)
_GOAL_FOR_YEAR = re.compile(r"\b(?:goals?|targets?|benchmarks?|levels?)\sfor\s(?P<y>20\d\d)\b")
_AGREED_BEFORE = re.compile(r"\b(?:agreed|agree|agrees|pledged|pledge|committed|commit|promised|promise|vowed|decided)\s(?:\w+\s)?to\s$")
# "move towards spending 2%" (the Wales formula's verb, ending at the level) and its decade after it (on s.low)
_MOVE_TOWARD = re.compile(r"\b(?:move|moving)\stowards?\s(?:[\w'’-]+\s){0,3}$")
_DECADE_AFTER = re.compile(r"[^.;]{0,60}?\b(?:within|in|inside|over)\s(?:a|the\snext|one|ten|10)\s(?:decade|years)\b")
_TOWARD = re.compile(r"\b(?:moving|move|moves|moved|progress\w*|heading|working|on track|on course)\s(?:\w+\s)?towards?\s(?:the\s)?$")
# "a vow by NATO countries to move toward 2%", "agreed ... to stop the cuts and aim to move towards the target of 2%",
# "we decided in 2014 to halt the cuts and move towards 2%": the Wales pledge's own wording, governed by a word of
# agreeing (else "all allies are moving toward 2%" is an aspiration); on the folded text, ending at "toward(s)"
_AGREED_TOWARD = re.compile(r"\b(?:agreed|agree|agrees|pledged|pledge|pledges|vowed|vow|vows|promised|promise|promises"
                            r"|committed|commitments?|commit|commits|decided|decision|resolved|undertook|aim|aims|aimed)\b"
                            r"[^.;:?!]{0,90}?\bto\s(?:aim\sto\s)?(?:move|moving)\stowards?\s(?:[\w'’-]+\s){0,6}$")
_AGREED_TOWARD_REACH = 130  # characters before the figure
# ", a commitment we all made in Wales", ", the core target agreed in The Hague", ", the goal set at the Vilnius summit":
# an appositive after a figure naming the pledge by its summit (a claim about the pledge; the figure stays free
# for the count or the ally before it)
_SUMMIT_APPOSITIVE = re.compile(r"[^,;.]{0,30}?,\s(?:a|an|the)\s"
                                r"(?:[\w'’-]+\s){0,3}(?:commitment|pledge|promise|target|goal|guideline|benchmark|level|floor|threshold|mark|bar)\s"
                                r"(?:\w+\s){0,3}(?:made|agreed|set|adopted|endorsed|reaffirmed|given)\s(?:\w+\s){0,2}"
                                r"(?:in|at)\s(?:the\s)?(?:hague|wales|newport|vilnius|riga)\b")
# "short of the 3.5% core level agreed in June", "the 2% target set in Vilnius": a level named as an agreed target
# right after its figure (a claim about the pledge; the figure stays free for the ally or count around it)
# after the Hague pledge: "Of the 5%, at least 3.5% must go to core military spending", "The remaining 1.5% can be
# spent on infrastructure": its parts (folded text)
_HAGUE_PART = re.compile(r"\b(?:core|military|infrastructure|resilience|cyber\w*|security-related|defen[cs]e-related"
                         r"|remaining|of\sthe\s5)\b")
_RELATED = re.compile(r"\b(?:security|defen[cs]e)[-\s]related\b")
_COMPARED_BEFORE_LEVEL = re.compile(r"\b(?:meet|meets|met|meeting|reach\w*|hit\w*|exceed\w*|surpass\w*|above|over|below|under"
                                    r"|short\sof|beyond|clear\w*)\s(?:\w+\s){0,3}$")
_LEVEL_AGREED_AFTER = re.compile(r"\s?(?:of\sgdp\s)?(?:[\w-]+\s){0,2}?(?:target|goal|level|benchmark|threshold|guideline|floor"
                                 r"|commitment|pledge)\s(?:\w+\s){0,2}?(?:agreed|set|adopted|endorsed)\s(?:at|in|on|by|last|this)\b")
# "the new goal is 5% of GDP", "the new target of 3.5%" (no actor named: the pledge in force with that level)
_NEW_LEVEL_BEFORE = re.compile(r"\bnew\s(?:[\w-]+\s){0,2}(?:target|goal|benchmark|level|pledge|commitment|guideline)\s"
                               r"(?:is|was|will\sbe|of)\s(?:at\sleast\s|now\s)?$")
_FROM_OLD_LEVEL = re.compile(r"\bfrom\s(?:the\s)?(?:old\s|current\s|previous\s)?$")
# "the previous 2% target", "the previous target of 2%"
_OLD_LEVEL_BEFORE = re.compile(r"\b(?:instead\sof|rather\sthan|in\splace\sof|replac(?:es|ed|ing)|supersed(?:es|ed|ing))\s(?:the\s)?$"
                               r"|\b(?:previous|former|old|earlier|prior)\s(?:(?:[\w-]+\s)?(?:target|goal|guideline|benchmark"
                               r"|pledge|commitment)\sof\s(?:at\sleast\s)?)?$")
# a new target's baseline told as the current one ("a jump from the current goal of 2%", "up from the current 2%
# target", "more than doubling the existing benchmark of 2%"): the target the new one replaces, when no ally of the
# sentence owns the rise ("Italy is ready to lift outlays to 3%, up from the existing target of 2%" stays the standing
# target)
_CURRENT_BASELINE_BEFORE = re.compile(r"\b(?:from|doubling|double|tripling|triple)\sthe\s(?:current|existing)\s"
                                      r"(?:(?:[\w-]+\s)?(?:target|goal|guideline|benchmark|pledge|commitment)\sof\s"
                                      r"(?:at\sleast\s)?)?$")
# "the 2% target was lately increased to 5%": the level of a target raised in the passive is the old one
_RAISED_AFTER = re.compile(r"(?:\s?(?:[\w-]+\s){0,2}?(?:target|goal|guideline|benchmark|bar)|[^.;%]{0,50}?,\swhich)\s"
                           r"(?:(?:was|were|has|have|had|is)\s)?(?:\w+\s)?(?:been\s)?(?:\w+\s)?(?:rais|lift|increas|doubl|hik)\w*\sto\s"
                           r"(?:at\sleast\s)?\d")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s$")  # "its 28 members": the membership, not a count
# "a commitment from the 31 allies to ...": the allies counted are who committed, not a count meeting the level
_PLEDGE_FROM = re.compile(r"\b(?:commitments?|pledges?|promises?|agreement)\s(?:from|by)\b", re.I)
_TO_NEW_LEVEL = re.compile(r"\s?(?:of\sgdp\s)?to\s(?:at\sleast\s)?\d")


# a target raised by a group: "raised the target from 2% to 5%", "lifting the benchmark for defence spending to 5%"
_RAISE = re.compile(r"\b(?:rais|lift|increas|doubl|hik)\w*\s(?:the|its|their)\s(?:\w+\s){0,2}(?:target|goal|guideline|"
                    r"benchmark|bar)\b(?:\s[\w-]+){0,3}\s(?:from|to)\s")
# a target raised in the passive, its raiser untold ("the guideline has since been raised to 5%", "the target of 2%, which
# has since been increased to 5%"): the alliance's, which needs no group named as actor
_RAISED_PASSIVE = re.compile(r"\b(?:target|goal|guideline|benchmark|bar)\b(?:[^.;]{0,80}?,\swhich)?\s"
                             r"(?:was|were|has|have|had|is)\s(?:\w+\s)?(?:been\s)?(?:\w+\s)?"
                             r"(?:rais|lift|increas|doubl|hik)\w*\s(?:from\s[^.;]{0,30}?\s)?to\s(?:at\sleast\s)?\d")


# "At its 2006 summit in Latvia", "a summit in Lithuania": a summit named by its host country (lexicon
# summit_places.csv, kind host); the country is the place, not a subject
_HOSTS = {r["word"]: r["summit"] for r in rows("summit_places") if r["kind"] == "host"}
_HOST_SUMMIT = re.compile(r"\bsummit\s(?:in|hosted\sby)\s(?:the\s)?(?P<host>" + "|".join(_HOSTS) + r")\b", re.I)
_SUMMIT_IN_BEFORE = re.compile(r"\bsummit\s(?:in|hosted\sby)\s(?:the\s)?$", re.I)


def _named(text: str) -> list[str]:
    """The summits a text names (SUMMITS order; then those named by their host country)."""
    found = [k for k, regex in _SUMMIT_RES if regex.search(text)]
    if "summit" in text and (host := _HOST_SUMMIT.search(text)):
        found.append(_HOSTS[host.group("host").lower()])
    return found


def _names_summit(text: str) -> bool:
    return any(regex.search(text) for _k, regex in _SUMMIT_RES) or "summit" in text and _HOST_SUMMIT.search(text) is not None


def pledge_for(s: Sentence, value: float | None) -> str | None:
    """Which pledge a threshold refers to: by summit name, by value and wording, else the standing one."""
    # a re.I search for an ASCII literal is a substring test on the folded text (grammar.folded_pattern)
    low = s.low
    if value == 20.0 or "equipment" in low and value not in (2.0, 3.5, 5.0, 1.5):
        return "WALES2014_DIP_20PCT_EQUIP"
    if value == 3.5 or value != 1.5 and value != 5.0 and "core defence" in low and _CORE_DEFENCE.search(s.text):
        return "HAGUE2025_3_5PCT_CORE"
    named = _named(s.text)
    if value == 1.5 and (named == ["HAGUE2025"] or "related" in low or "3.5" in low or "infrastructure" in low
                         or "resilience" in low):  # "security-related|related", beside the 3.5% core level
        return "HAGUE2025_1_5PCT_RELATED"
    if value == 5.0 and ("HAGUE2025" in named or "new" in low and _NEW_GOAL.search(low)):
        return "HAGUE2025_5PCT_TOTAL"
    if named and value is not None and value != 2.0 and (same := _in_force_at(s, value)):
        return same  # "the new 5% goal replaces the 2% floor agreed in Vilnius": the level names its own pledge
    if "VILNIUS2023" in named:
        return "VILNIUS2023_2PCT_FLOOR"
    if "WALES2014" in named:
        return "WALES2014_DIP_2PCT"
    if "RIGA2006" in named:
        return "RIGA2006_2PCT"
    if "HAGUE2025" in named and value in (None, 5.0):
        return "HAGUE2025_5PCT_TOTAL"
    if value == 2.0:
        return "CURRENT"
    if value is not None:
        # "leaders agreed to lift spending to 5% of GDP by 2035", after the Hague summit: the one pledge in force on
        # the date with that level (commitments.csv), named by its level alone
        return _in_force_at(s, value)
    return None


def _in_force_at(s: Sentence, value: float) -> str | None:
    """The one pledge in force on the sentence's date at that level (commitments.csv), if exactly one."""
    same = [p["id"] for p in pledges_in_force(s.today) if p["threshold_pct"] and float(p["threshold_pct"]) == value]
    return same[0] if len(same) == 1 else None


# "the new goal", "a new 5% target", "the new, higher level" (folded text)
_NEW_GOAL = re.compile(r"\bnew,?\s(?:[\w.%,-]+\s){0,2}(?:goal|target|level|benchmark)\b")

GATE = frozenset("asks expects requires wants urges recommends advises introduction adoption inception guidelines rules split splits divided comprises comprising decision agreement deal accord till expected asked supposed required obliged obligated meant urged benchmark threshold standard requirement minimum yardstick norm outlined agreement agreed agree adopted adopt set sets pledged pledge pledges promised promise committed commits commit commitment commitments endorsed guideline target goal current standing review reviewed established wales newport vilnius hague riga core floor decade made replaces aim communique communiqué creation created introduced first level deadline until vow vowed vows decided resolved signed obliges requires infrastructure resilience related existed agreeing reaffirmed renewed idea objective objectives demand demands call calls request requests expectation expectations".split())


def _deadline_years(s: Sentence, low: str) -> list[int]:
    """The deadlines the sentence gives ("by 2035"), else the year a goal is set for ("agreed new targets for 2031 of
    3.5% or more")."""
    years = [t.year for t in _deadlines(s)]
    if not years and "for 20" in low and (goal_for := _GOAL_FOR_YEAR.search(low)):
        years = [int(goal_for.group("y"))]
    return years


def _within_decade(low: str) -> bool:
    return "within a decade" in low or "within ten years" in low or "inside a decade" in low \
        or "inside ten years" in low or "over the next decade" in low


# a pledge's deadline told by words dates.py reads as a plain year: "no later than 2035", "by the end of 2035" (before
# the year, on s.low), and "before 2024" after a level in its clause ("committed to reach 2% before 2024"; not "Before
# 2014, few allies met 2%": a time before the figure sets the scene)
_LATEST_BEFORE = re.compile(r"\b(?:(?:no|not)\slater\sthan|by\sthe\s(?:end|close)(?:\sof)?|at\sthe\slatest\sby)\s$")
_BEFORE_CLAUSE_GAP = re.compile(r"[;:—–]")


def _deadlines(s: Sentence) -> list:
    """The times of the sentence that give a deadline ("by 2035", "until 2024", "no later than 2035", "by the end of
    2035", a level's "before 2024"), in the text's order."""
    out = []
    for t in s.times:
        if not t.year:
            continue
        if t.kind == "deadline" or t.kind == "year" and (
                _LATEST_BEFORE.search(s.low, max(0, t.start - 24), t.start) is not None
                or s.low.startswith("before ", t.start) and any(
                    q.kind == "pct" and q.end <= t.start and not _BEFORE_CLAUSE_GAP.search(s.low, q.end, t.start)
                    for q in s.quantities)):
            out.append(t)
    return out


# the years a pledge in commitments.csv was made, and the attribute the making's year is checked as
_MAKING_YEARS = {2006: ("RIGA2006_2PCT", "adopted_year"), 2014: ("WALES2014_DIP_2PCT", "pledge_year"),
                 2023: ("VILNIUS2023_2PCT_FLOOR", "pledge_year"), 2025: ("HAGUE2025_5PCT_TOTAL", "pledge_year")}
_MAKING_ANY, _MADE_OBJECT_ANY = _pledge_words("making"), _pledge_words("made_object")
_MADE_TARGET_ANY = _pledge_words("made_target")
# the alliance, defence or a level beside a pledge's making: what makes it the alliance's spending pledge
_ALLIANCE_CONTEXT = re.compile(r"\b(?:defen[cs]e|military|gdp|nato|allian\w*|ally|allies|members?|summit|wales|newport"
                               r"|heads\sof\s(?:state|government))\b|%|\bper\s?cent")
# what stands between a year and a clause of making that it dates ("in 2014 when the pledge was made"; on s.low)
_WHEN_MADE = re.compile(r",?\s(?:when|as)\s(?:[\w'’-]+\s){0,4}$")
# a fraction of the defence budget going to equipment, right after the fraction ("a fifth of their defence budgets into
# major equipment", "one-fifth of that set aside for equipment"; on s.low)
_FRACTION_OF_BUDGET = re.compile(r"\s(?:of\s(?:(?:their|its|the|all|national|that|this|it)\s)?(?:(?:defen[cs]e|military)\s)?"
                                 r"(?:budgets?|spending|outlays|expenditures?|money|that|this|it)\b)")
_EQUIPMENT_AFTER = re.compile(r"[^.;:]{0,70}?\bequipment\b")
# a demonstrative taking up the level of the sentence before as what the alliance asks or agreed ("That's the amount
# members are expected to spend", "This is the share allies agreed to reach by 2035"; lexicon pledge_words.csv kind
# anaphor, at the sentence's start), and the levels a pledge has
_ANAPHOR = re.compile(r"\W{0,3}(?:" + patterns("pledge_words", "kind", "anaphor") + r")\b")
_PLEDGE_LEVELS = frozenset({1.5, 2.0, 3.5, 5.0, 20.0})
_NORM_WORDING = gated(re.compile(r"\b(?:" + patterns("pledge_words", "kind", "norm_passive") + r")\b"))  # anywhere
# a year opening the sentence ("In 2014,", "Back in 2014,"), on s.low up to the year's end
_OPENING_YEAR = re.compile(r"\s*(?:(?:back|then|already|as\searly\sas)\s)?in\s(?:september\s)?(?:19|20)\d\d$")
_NORM_FOR, _GOAL_PROMISED = _pledge_words("norm_for"), _pledge_words("goal_promised")
_LEVEL_IS_FLOOR = re.compile(r"(?:\s|(?=,))(?:" + patterns("pledge_words", "kind", "level_is_floor")
                             + ")")  # right after the figure (on s.low)
_OWNER_REACH = 40  # characters from an ally to the norm or figure it owns ("Germany's goal to reach 3.5%")


def _floor_in_force(s: Sentence) -> bool:
    """Whether a floor pledge (Vilnius) stood on the date: before it, "2% is the bare minimum" is an opinion."""
    return any(p["id"] == "VILNIUS2023_2PCT_FLOOR" for p in pledges_in_force(s.today))


# the alliance named as the owner right before a norm's noun ("Greece drew nearer to NATO's aim of having every ally put
# 2% into defence": NATO's norm, whatever ally comes before it; on s.low)
_ALLIANCE_OWNED = re.compile(r"\b(?:nato|the\salliance|alliance)(?:['’]s)?\s(?:(?:own|new|old|current|existing|official|agreed"
                             r"|spending|defen[cs]e)\s){0,2}$")


# a step towards meeting, right before the verb of meeting ("closer to meeting", "on track to reach"; on s.low)
_APPROACH_BEFORE = re.compile(r"\b(?:(?:closer|nearer|close|near)\sto|on\s(?:track|course)\sto|step\stowards?|way\sto)\s$")


def _alliance_norm_not_met(low: str, at: int) -> bool:
    """Whether the norm whose noun starts at `at` is named as the alliance's ("NATO's target", "the alliance's goal") and
    not as what an ally before it has met ("Greece has met NATO's target that each member spend 2%": Greece's figure;
    "Norway moved closer to meeting the alliance's goal of having every ally put 2% into defence", "drew nearer to
    NATO's aim": the pledge)."""
    if _ALLIANCE_OWNED.search(low, max(0, at - 30), at) is None:
        return False
    met = _NORM_MET_BEFORE.search(low, max(0, at - 40), at)
    return met is None or met.group(0).startswith(("near", "approach")) \
        or _APPROACH_BEFORE.search(low, max(0, met.start() - 24), met.start()) is not None


def _owned(allies: list, at: int, reach: int = _OWNER_REACH) -> bool:
    """An ally named just before `at` owns the goal or level there."""
    return any(e.end <= at and at - e.end < reach for e in allies)


# a level its owner's possessive names as its spending ("its ongoing defence spending of 2%"; folded text)
_OWN_SPENDING_OF = re.compile(r"\b(?:its|their)\s(?:[\w-]+\s){0,2}(?:spending|budget|expenditure|outlays?)\sof\s"
                              r"(?:about\s|around\s|some\s|roughly\s|nearly\s|almost\s|just\s|over\s)?$")
# a clause of its own opens between the level and an ally after it ("... a target of 5%, as the United States shifts its
# attention elsewhere", "allies agreed to spend at least 2% ..., but Canada still falls short"): that ally does not own
# the level (folded text)
_LATER_CLAUSE = re.compile(r",\s(?:as|while|when|whereas|because|since|after|before|even\sas|but|yet|though|although)\s")
_GOAL_OWNER_REACH = 80  # characters from an ally to the goal it meets ("Britain's government said it would meet ...")
# the alliance setting the deadline after the level ("which NATO has asked members to reach by 2032"; on s.low)
_ALLIANCE_SETS = re.compile(r"[^.;]{0,30}?\b(?:nato|the\salliance|allies|leaders)\s(?:has\s|have\s|had\s)?(?:asked|agreed|set"
                            r"|wants?|told|expects?|decided|pledged|committed)\b")
_NORM_FOR_REACH = 120  # characters from a norm head to the figure it governs
# a norm head that names the alliance as its owner ("NATO's demand to lift budgets to 5%"): the alliance's, whatever ally
# is named just before it ("Madrid sought an exemption from NATO's demand ...")
_ALLIANCE_OWNER = ("nato's", "nato’s", "the alliance's", "the alliance’s")
# someone pressing the allies to do something (folded text): "has pressured all 28 members to", "urged the allies to",
# or winning their pledge ("secured a commitment from fellow allies to", "rammed through a pledge from allies to", "won
# agreement from the allies to", "won the allies' agreement to", "pushed allies into pledging")
# some allies as the subject of a plan ("many others have plans to meet it by 2024", "several members intend to get
# there by 2030"): their own plans' year, not the pledge's deadline (folded text, ending at the plan word)
_SUBSET_SUBJECT = re.compile(r"\b(?:many|several|some|most|few|a\sfew|a\snumber|a\shandful|others|the\sothers|the\srest|"
                             r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s(?:of\s)?(?:them|other|others"
                             r"|allies|members|countries|nations|states))*\s(?:[\w'’]+\s){0,2}$")


# words of agreeing at a summit among the plan words: "the others agreed to reach it by 2030" tells the pledge
_AGREEING = ("agree", "commit", "pledg", "promis", "vow", "decid", "resolv", "undert")


def _subset_plans(low: str, at: int) -> bool:
    """A plan word in the clause before `at` whose subject is some allies, not the alliance (`_SUBSET_SUBJECT`)."""
    lo = clause_start(low, at)
    return any(not m.group(0).startswith(_AGREEING) and _SUBSET_SUBJECT.search(low, max(lo, m.start() - 50), m.start())
               for m in planned().finditer(low, lo, at))


_PRESSING = re.compile(r"\b(?:(?:push\w*|press\w*|pressur\w*|urg\w*|call\w*\son|ask\w*|told|tell\w*|demand\w*|remind\w*)\s"
                       r"|(?:commitments?|pledges?|promises?|agreement)\s(?:from|by)\s)"
                       r"(?:[\w-]+\s){0,4}?(?:allies|members|countries|nations|partners)\s(?:to|into)\b"
                       r"|\b(?:won|wins|winning|secur\w+|got|gets|obtain\w*|extract\w*)\s(?:the\s)?(?:[\w-]+\s)?"
                       r"(?:allies|members|countries|nations|partners)['’]\s(?:agreement|commitment|pledge|promise)\sto\b")
_MAKING_REACH = 70  # characters from the word of making to the year it governs
_AGREER_REACH = 40  # characters from an ally to the word of agreeing it is the subject of
# a year naming budgets or figures ("2015 budget decisions", "the 2016 spending figures") dates data, not a making
_YEAR_OF_DATA_AFTER = re.compile(r"\s(?:defen[cs]e\s)?(?:budgets?|spending|figures|data|estimates?|expenditures?|accounts|decisions)\b")
# a month right before the year: a dated meeting ("at the Wales summit in September 2014"), set as scene
_MONTH_BEFORE = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s$")
# an ally that agreed "along with", "together with" or "like" the others: the alliance's pledge, not its own
_WITH_OTHERS = re.compile(r"\b(?:along|together)\swith\b|\blike\s(?:all|every|the\sother)|\b(?:all|every)\s(?:other\s)?"
                          r"(?:allies|ally|members?|nato)\b")


def pledge_told(s: Sentence) -> bool:
    """Whether the sentence tells a pledge being made by the alliance (a verb of pledging and a group as actor): a
    misconception beside it leaves the pledge's level to this rule ("leaders agreed to raise spending to the statutory
    2% within a decade": the myth, and the Wales pledge, two claims)."""
    return _MAKING_VERB.search(s.low) is not None and _GROUP_ACTOR_ANY.search_words(s.low, s.tokens) is not None


# what renews a pledge named by its year ("leaders renewed a 2014 promise", "reaffirmed their 2014 pledge")
_RENEWED = re.compile(r"\b(?:renew\w*|reaffirm\w*|recommit\w*|restat\w*|reiterat\w*)\b")
# a word of renewing before a year in its clause ("reaffirmed in 2014", "reaffirmed the promise at their Wales meeting in
# 2014"; on s.low, ending at the year's time, whose span holds its "in")
_RENEWED_BEFORE = re.compile(r"\b(?:renew\w*|reaffirm\w*)\b[^,;:.]{0,50}$")


def _renewed_in(low: str, times: list):
    """The first year a word of renewing dates ("the pledge was reaffirmed in 2014 at Wales, as allies kept missing the
    2006 commitment": 2014, the renewal; the 2006 one is only named by its year), else None."""
    if "reaffirm" not in low and "renew" not in low:
        return None
    return next((t for t in times if t.kind == "year" and _RENEWED_BEFORE.search(low, max(0, t.start - 60), t.start)), None)
# what keeps a norm as it was ("2% remains the benchmark", "still the goal", "continue to aim"; on s.low)
_CONTINUITY = re.compile(r"\b(?:remains?|remained|still|continues?|continued|keep|keeps|kept|stays?|stayed)\b")
# the verbs that tell a pledge being made (not "the treaty commits allies to ...")
_MAKING_VERB = re.compile(r"\b(?:pledged|agreed|promised|vowed|decided|resolved|signed\sup)\b")


# a target "set", "established" or "adopted" in a year, told as the norm's creation (the real sets' labellers read "the
# 2% target set in 2014", "a benchmark established in 2014", "in 2014 NATO set a target that each member should spend
# 2%", "this goal, set at the 2014 summit in Wales" as the standing myth that 2% was created at Wales: refuted, policy
# rule 6), unless the pledge's own wording is there (a word of agreeing or pledging, "within a decade", "move towards",
# "by 2024"), the allies or their leaders made it at the summit ("set by leaders at the Wales summit in 2014": their
# agreement there, the Wales pledge; "established by alliance leaders in 2014" stays the myth), or the making is a time span's start or a clause beside a count ("the first time since it was set in
# 2014", "In 2014, when the target was set, only three met it")
_SET_VERB = re.compile(r"\b(?:set(?!\sout)|established|adopted)\b")
_WALES_AGREEING = re.compile(r"\b(?:agreed|agreement|pledged?|promised?|committed|commitment|decided|vowed)\b")
_WALES_CONTENT = re.compile(r"\b(?:within\s(?:a|the)\s(?:next\s)?decade|(?:within|in)\sten\syears|move\stowards?|by\s2024"
                            r"|to\sbe\s(?:achieved|reached|met))\b")
# the allies, their leaders or members as the target's makers: the agent of a passive, or the subject right before the
# verb ("set by alliance leaders", "the allies set a 2% goal"; on s.low)
_ALLIES = r"(?:(?:nato|alliance|allied|allies['’])\s)?(?:leaders|allies|members|member\s(?:states|countries|nations)|heads\sof\s(?:state|government))"
_ALLIES_MADE = re.compile(r"\bby\s(?:the\s)?(?:all\s)?" + _ALLIES + r"\b|\b" + _ALLIES + r"\s(?:\w+\s){0,2}?(?:set|established|adopted)\b")
_SUMMIT_NAMED = re.compile(r"\b(?:summit|wales|newport)\b")
_SINCE_SET = re.compile(r"\bsince\s(?:it|they|the\s[\w-]+|this|that)\s(?:was|were|had\sbeen|has\sbeen)\s$")


def _set_as_creation(s: Sentence, t) -> bool:
    """Whether the year dates a target's creation: a target made out of the level or issued (`pledge_words.csv` kind
    `created_as`: "decided to make 2% of GDP the benchmark", "the alliance issued a goal that ...", whoever made it), or
    told by a bare "set", "established" or "adopted" (see _SET_VERB)."""
    low = s.low
    made = _TARGET_MADE.search(low) if t.kind == "year" else None
    # the Wales pledge's wording looked for in the whole sentence, or around a target's making told by a participle
    # ("The agreement lifts the bar for states already past the commonly agreed 2% benchmark, set in 2014": the
    # agreement is the new one)
    scope = _unattributed(low[max(0, made.start() - 60):made.end() + 100] if made and made.start() <= t.start < made.end()
                          else low)
    if t.kind != "year" or _WALES_CONTENT.search(scope):
        return False
    if _CREATED_AS_ANY.search_words(low, s.tokens):
        return True
    if _WALES_AGREEING.search(scope) or _ALLIES_MADE.search(low) and _SUMMIT_NAMED.search(low):
        return False
    verb = next((m for m in _SET_VERB.finditer(low, max(0, t.start - 60), t.end + 60)), None)
    return verb is not None and _SINCE_SET.search(low, max(0, verb.start() - 30), verb.start()) is None \
        and _TIME_CLAUSE_BEFORE.search(low, max(0, verb.start() - 40), verb.start()) is None


# "agreed" as an attribute of the target ("the commonly agreed 2% benchmark, set in 2014", "the agreed
# target"): no wording of the Wales pledge, the making is told by the verb after it
_AGREED_ATTRIBUTIVE = re.compile(r"\b(?:previously|already|jointly|long|once|commonly)[-\s]agreed(?:[-\s]upon)?\b"
                                 r"(?!\s(?:to|that|on|in|at)\b)"  # (but a verb: "they jointly agreed to raise ...")
                                 r"|\bagreed(?:[-\s]upon)?\s(?=(?:nato\s|alliance\s)?(?:target|threshold|goal|benchmark"
                                 r"|guideline|level)\b)", re.I)


def _unattributed(text: str) -> str:
    """The text without "agreed" used as an attribute of a target (_AGREED_ATTRIBUTIVE)."""
    return _AGREED_ATTRIBUTIVE.sub(" ", text) if "agreed" in text.lower() else text


_TIME_CLAUSE_BEFORE = re.compile(r"\b(?:when|after|since|once)\s(?:[\w'’-]+\s){0,4}$")


# the attributes that date a pledge's making, and the year each pledge was made (commitments.csv)
_DATED = ("adopted_year", "pledge_year")

_MADE_IN = {p["id"]: int(p["date"][:4]) for p in pledges()}


def _other_levels_deadline(s: Sentence, d: TimeRef) -> bool:
    """Whether the deadline d follows a level other than 2% in its clause: that level's deadline, not the 2014 pledge's
    the sentence also names ("The new goal of 5% of GDP by 2035 replaces the 2014 commitment of 2%")."""
    before = [q for q in s.quantities if q.kind == "pct" and q.end <= d.start]
    return bool(before) and before[-1].value != 2.0 and d.start - before[-1].end <= 60


def _others_deadline_before(s: Sentence, q: Quantity) -> bool:
    """Whether the 2% level q comes after every deadline of the sentence, each of them another level's ("lifting
    outlays to 5% by 2035, up from the 2014 target of 2%": 2035 is not the 2% pledge's; the Hague parts after
    "5% by 2035" share it)."""
    deadlines = _deadlines(s)
    return q.value == 2.0 and bool(deadlines) and all(d.start < q.start and _other_levels_deadline(s, d)
                                                      for d in deadlines)


def _loose_decades(t: TimeRef) -> TimeRef:
    """"A decade ago" counts roughly: a pledge made within two years of the year it counts back to is that pledge's
    year ("the goal we agreed a decade ago", said in 2022 = Wales 2014, no making in 2012)."""
    if t.kind != "ago" or "decade" not in t.text.lower() or t.year is None:
        return t
    near = sorted((abs(y - t.year), y) for y in _MAKING_YEARS if abs(y - t.year) <= 2)
    return dataclasses.replace(t, year=near[0][1]) if near else t


# the times that date a pledge's making: a year written, or counted back from the article's date ("last year", "four
# years ago"; dates.find_times kinds)
_MAKING_TIME_KINDS = frozenset({"year", "last_year", "ago"})


class PledgeRule(Rule):
    type = "pledge"
    code = "CLM-PLEDGE"
    needs = ((GATE, frozenset()),)  # (the dispatcher tests the gate words)

    def _figure_first(self, s: Sentence) -> list[Claim]:
        """A listicle item opening with a pledge's level: "2: the share of GDP every ally pledged to
        spend on defence by 2024" (no ally after it: else it is the ally's figure, rules/ally_pct.py)."""
        m = _FIGURE_FIRST.match(s.text)
        if m is None or not _PLEDGE_VERB.search(s.text, m.end()) or _allies(s):
            return []
        value = float(m.group("n"))
        deadline = _deadlines(s)
        pid = pledge_for(s, value)
        if pid in ("CURRENT", "RIGA2006_2PCT") and deadline:
            pid = "WALES2014_DIP_2PCT"  # a 2% goal with a deadline is the Wales pledge (the 2006 guideline has none)
        if pid is None:
            return []
        q = Quantity(m.start("n"), m.end("n"), "pct", value, len(m.group("n").partition(".")[2]), "eq", m.group("n"))
        for i, x in enumerate(s.quantities):
            if x.start == q.start:
                s.used.add(i)
        s.carry.pledge = pid if pid != "CURRENT" else s.carry.pledge
        year = deadline[0].year if deadline else s.today.year
        return [self.claim(s, pid, "threshold_pct", value, "eq", year, q,
                           deadline=deadline[0].year if deadline else None, current=False, within_decade=False)]

    def _review(self, s: Sentence) -> list[Claim]:
        """The Hague pledge's review year ("Progress will be reviewed in 2029." after the Hague pledge); the year
        nearest after "review" when the sentence also gives the pledge's deadline ("a path to 5% by 2035, with a review
        in 2029")."""
        text = s.text
        review = REVIEW.search(text)
        if review is None or not (_REVIEW_ABOUT.search(text) or (s.carry.pledge or "").startswith("HAGUE2025")):
            return []
        t = [t for t in s.times if t.year and t.kind in ("year", "deadline")]
        after = [x for x in t if x.start >= review.start()]
        if not t or not (after or not s.free(("pct",))):
            return []
        first = (after or t)[0]
        return [self.claim(s, "HAGUE2025_REVIEW_2029", "review_year", first.year, "eq", first.year)]

    def _level_and_deadline(self, s: Sentence, c: Claim, met: bool = False) -> list[Claim]:
        """A level with a deadline that is not its pledge's is two claims, judged apart (issue 11: several claims in one
        sentence are judged separately): the deadline ("agreed to raise spending to 5% ... by 2025": 2025 is wrong, its
        year the one written) and the level (5% is right, its year the pledge's own deadline), the wrong detail first,
        since it decides what the sentence gets wrong; else the claim as it is."""
        given = c.extra.get("deadline")
        if c.metric != "threshold_pct" or not given or c.subject in (None, "CURRENT", "PREVIOUS"):
            return [c]
        own = _deadline(_pledge(str(c.subject)))
        if own is None or own == given:
            return [c]
        deadline = self.claim(s, c.subject, "deadline_year", given, "eq", given, deadline=given)
        if met:  # "already meeting the new goal of 3.5%, which NATO asked members to reach by 2032": the level is what
            return [deadline]  # the allies meet (their claim), the deadline the pledge's
        level = self.claim(s, c.subject, "threshold_pct", c.value, c.comparator, own, c.quantity,
                           **{**c.extra, "deadline": None})
        return [deadline, level]

    def _making_year(self, s: Sentence) -> list[Claim]:
        """A pledge's making read by role: a word of making or agreeing, the year it governs right after it in its
        clause, and something that makes the thing made a spending pledge ("despite agreeing to it at a summit in 2014",
        "since the investment pledge was made in 2014", "agreed in 2014 to halt the cuts and raise budgets", "renewed
        that promise in 2023"). Only the years a pledge was made are read (a claim checked as that pledge's year, never
        refuted here); an ally's own agreement is not the alliance's ("Poland agreed in 2014 to raise its budget")."""
        low, tokens = s.low, s.tokens
        # ("a pledge by leaders last year to halt the cuts", "agreed four years ago to stop cutting": counted back)
        years = [t for t in s.times if t.kind in _MAKING_TIME_KINDS and t.year in _MAKING_YEARS and t.year <= s.today.year]
        if not years or _MAKING_ANY.search_words(low, tokens) is None:
            return []
        anaphor = s.carry.pledge is not None and re.search(r"\b(?:it|that|so)\b", low) is not None
        if not anaphor and (_MADE_OBJECT_ANY.search_words(low, tokens) is None
                            and _MADE_TARGET_ANY.search_words(low, tokens) is None
                            or _ALLIANCE_CONTEXT.search(low) is None):
            return []  # (a pledge of the alliance's: "the government agreed in 2014 to raise the education budget" is none)
        allies = _allies(s) if _WITH_OTHERS.search(low) is None else []
        out: list[Claim] = []
        for m in _MAKING_ANY.finditer(low):
            if any(e.end <= m.start() and m.start() - e.end < _AGREER_REACH for e in allies):
                continue  # the ally right before the word of agreeing agreed: its own pledge, not the alliance's
            t = next((t for t in years if m.end() <= t.start <= m.end() + _MAKING_REACH
                      and ";" not in low[m.end():t.start]), None)
            if t is None and not s.free(("count",)):
                # a year that opens the sentence scopes it ("Back in 2014, at a summit in Newport, the allies agreed to
                # halt the decline"; not beside a count: "In 2014, only three allies met the goal they agreed")
                t = next((t for t in years if t.end < m.start() and _OPENING_YEAR.match(low, 0, t.end)), None)
            if t is None:
                # a year right before a clause of the making ("up from three in 2014, when the commitment was made in
                # Wales"): the count keeps the year, the making is dated by it too
                t = next((t for t in years if t.end < m.start() and _WHEN_MADE.match(low, t.end, m.start())), None)
            if t is None or _MONTH_BEFORE.search(low, max(0, t.start - 14), t.start):
                continue  # ("commitments made at the Wales summit in September 2014": the meeting's date, set as scene)
            pid, attribute = _MAKING_YEARS[t.year]
            if pid.startswith("HAGUE") and "hague" not in low and not any(q.value in (5.0, 3.5) for q in s.quantities
                                                                         if q.kind == "pct"):
                continue  # (2025 names the Hague pledge only beside its name or level)
            if any(c.subject == pid for c in out):
                continue
            out.append(self.claim(s, pid, attribute, t.year, "eq", t.year))
        if out:
            s.carry.pledge = out[-1].subject
        return out

    def find(self, s: Sentence) -> list[Claim]:
        """The pledge claims of a sentence; one dating a pledge to a year it was not made in ("the 2% target set in
        2014", "a 2011 decision") is the standing misconception of the norm's origin (dev-set policy rule 6): typed
        so, judged on the pledge's date like any pledge year (measures/misconception.py hands it to measures/pledge.py)."""
        found = self._find(s)
        if not found and not s.quantities:
            found = self._anaphor(s)  # "2 percent. That's the amount members are expected to spend"
        if "equipment" in s.tokens and not any(c.subject == "WALES2014_DIP_20PCT_EQUIP" for c in found):
            if equipment := self._equipment_fraction(s):
                found += equipment
                s.carry.pledge = equipment[-1].subject  # the pledge talked about ("... Twenty allies reached it")
        for c in found:
            if c.metric in _DATED and isinstance(c.value, int) and c.subject in _MADE_IN \
                    and c.value != _MADE_IN[str(c.subject)]:
                c.type = "misconception"
        return found

    def _equipment_fraction(self, s: Sentence) -> list[Claim]:
        """The equipment guideline told by a fraction of the defence budget ("agreed to put a fifth of their defence
        budgets into major equipment", "one-fifth of that set aside for equipment"): its level in per cent (a quarter is
        25%, refuted), when the alliance pledges or asks it (a word of agreeing and a group, a summit, or a norm's noun),
        not an ally's own share ("Poland puts a fifth of its budget into equipment")."""
        low, tokens = s.low, s.tokens
        if not (_AGREE_ANY.search_words(low, tokens) and (_GROUP_ACTOR_ANY.search_words(low, tokens) or _names_summit(s.text))
                or _NORM_PASSIVE.search(low) is not None):
            return []
        allies = _allies(s)
        for q in s.free(("fraction",)):
            if _owned(allies, q.start) or not _FRACTION_OF_BUDGET.match(low, q.end) \
                    or _EQUIPMENT_AFTER.match(low, q.end) is None:
                continue
            s.take(q)
            return [self.claim(s, "WALES2014_DIP_20PCT_EQUIP", "threshold_pct", round(q.value * 100, 1), q.comparator,
                               s.today.year, q, current=False, deadline=None, within_decade=_within_decade(low))]
        return []

    def _anaphor(self, s: Sentence) -> list[Claim]:
        """A level named in the sentence before and taken up by a demonstrative as the alliance's norm ('His demand:
        "2 percent." That is the share every ally is supposed to spend on defence'; `pledge_words.csv` kind `anaphor`):
        a pledge claim on the last level of the sentence before."""
        low = s.low
        if not s.carry.previous_low or _ANAPHOR.match(low) is None or not (
                _NORM_WORDING.search_words(low, s.tokens) is not None
                or _AGREE_ANY.search_words(low, s.tokens) and _GROUP_ACTOR_ANY.search_words(low, s.tokens)):
            return []
        before = [q for q in find_percentages(s.carry.previous_low) if q.value in _PLEDGE_LEVELS]
        if not before:
            return []
        value = before[-1].value
        pid = pledge_for(s, value)
        deadline = _deadlines(s)
        if pid in ("CURRENT", "RIGA2006_2PCT") and deadline:
            pid = "WALES2014_DIP_2PCT"  # a 2% goal with a deadline is the Wales pledge
        if pid is None:
            return []
        year = deadline[0].year if deadline else s.today.year
        s.carry.pledge = pid if pid != "CURRENT" else s.carry.pledge
        return self._level_and_deadline(s, self.claim(s, pid, "threshold_pct", value, "eq", year, None,
                                                      deadline=deadline[0].year if deadline else None, current=False,
                                                      within_decade=False))

    def _find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        if s.misconception and not pledge_told(s):
            # no pledge claim on top of a misconception, but its review year ("The commitment requires a 2029 review,
            # but it carries no legal obligation"); a pledge's making told beside it is a claim of its own ("leaders
            # agreed to raise spending to the statutory 2% within a decade": the myth, and the Wales deadline)
            return self._review(s) if "review" in s.low else []
        text, low, tokens = s.text, s.low, s.tokens
        out: list[Claim] = []
        if text[:1].isdigit() and (item := self._figure_first(s)):
            return item
        # the year a guideline was adopted ("adopted the 2 per cent guideline in 2006", "a creation of the 2014 Wales summit")
        # (the cheap tests first: the entity and time scans are left to the sentences that need them)
        wales = _WALES.search(text)
        since = "since" in tokens and ("existed since" in low or "in place since" in low) \
            or "from" in tokens and ("dates from" in low or "date from" in low or "dating from" in low)
        # "has existed since 2006", "dates from 2014" (a time after "from" reads as a start)
        # the norm named by its level, or a target named without one: "The target was established in Wales in 2014"
        # after a sentence on the 2% pledge, "the agreement we reached in Wales in 2014"
        beside_count = False  # a count or allies of another clause beside the making: they keep their figures
        years = []
        if _ADOPTION_ANY.search_words(low, tokens) and (
                _GUIDELINE_2.search_words(low, tokens)
                or (wales or s.carry.pledge in _TWO_PCT_PLEDGES) and not s.free(("pct",))
                and _TARGET_NOUN_ANY.search_words(low, tokens)
                or _TARGET_NOUN_ANY.search_words(low, tokens) and _TARGET_MADE.search(low)
                and _ALLIANCE_CONTEXT.search(low)):  # ("meeting the goal set by alliance leaders at a 2014 summit")
            allies = _allies(s)
            beside_count = bool(s.free(("count",))) or bool(allies)
            # "In 2025, at the Hague Summit, allies agreed to 5% by 2035, up from the former 2% threshold": the year is
            # the new level's (read below), not an adoption of 2%
            hague_level = any(q.value in (5.0, 3.5, 1.5) for q in s.free(("pct",)))
            its_making = (_ITS_MAKING.search(low) or _TARGET_MADE.search(low)) if beside_count else None
            making = its_making or _MAKING_CLAUSE.search(low) if beside_count else None
            # ("In 2014, when allies agreed to meet 2% by 2024, only the U.S., Greece and Britain did": the allies are
            # not in the making's clause; "when Germany agreed in 2014 ..." is Germany's)
            if not hague_level and (not beside_count or making and (its_making is not None
                                                                     or all(e.start >= making.end() for e in allies)
                                                                     or _BY_ALLIANCE.match(low, making.end()))):
                # ("the target, which was set by NATO in 2014": the making's agent is the alliance, whatever allies the
                # sentence names elsewhere)
                years = [t for t in s.times if (t.kind in ("year", "ago") or since and t.kind == "since") and t.year
                         and (making is None or making.start() - 25 <= t.start <= making.end() + 25)
                         and not _YEAR_OF_DATA_AFTER.match(low, t.end)
                         and not WAR_AFTER.match(text, t.end)]  # ("since Russia's 2022 invasion, NATO has set 2% as
                # a floor": the invasion's year dates no making)
                if years:  # a deadline dates no making ("Wales established 2% ... to be reached before 2024")
                    deadlines = {d.start for d in _deadlines(s)}
                    years = [t for t in years if t.start not in deadlines and not low.startswith("before ", t.start)]
        if years:  # a year is an adoption's only when a word of adopting is near it ("set a new goal of 5% ..., up from
            # the former 2% threshold, which all allies reached for the first time in 2025": 2025 dates no adoption)
            made = _TARGET_MADE.search(low) if "20" in low or "19" in low else None
            years = [t for t in years if _ADOPTION_ANY.search(low, max(0, t.start - 80), t.end)
                     or _ADOPTION_ANY.search(low, t.end, t.end + 90)
                     or made is not None and made.start() <= t.start < made.end()]  # (a long participle clause)
        if years and (_RENEWED.search(low) or _CONTINUITY.search(low)) \
                and all(m.group(0) in ("decided", "decision") for m in _ADOPTION_ANY.finditer(low)):
            years = []  # "leaders decided to reaffirm the 2% goal", "NATO decided that 2% remains the benchmark": a
            # decision that renews or keeps the norm dates no making of it
        if years:
            # the year written right after a word of adopting ("adopted in 2006 and reaffirmed in Wales in 2014": 2006),
            # else the last one ("set it eight years earlier, in 2006")
            dated = [t for t in years if t.kind == "year" and _ADOPTION_ANY.search(low, max(0, t.start - 30), t.start)]
            t = next(t for t in years if t.kind == "since") if since and any(t.kind == "since" for t in years) \
                else dated[0] if dated else _renewed_in(low, years) or years[-1]
            t = _loose_decades(t)
            # 2014 with a word of agreeing, or a target (not "the guideline") set, established or in place since then:
            # the Wales pledge's year; "created", "first set" in 2014: the 2006 guideline's year is what is checked
            wales_year = t.year == 2014 and (
                WALES_AGREEMENT.search(_unattributed(text)) is not None and not ORIGIN.search(text)
                or _TARGET_NOUN_ANY.search_words(low, tokens) is not None
                and not _ORIGIN_ANY.search_words(low, tokens)) and not _set_as_creation(s, t)
            made_levels = {q.value for q in s.free(("pct",))}
            if made_levels == {20.0}:  # "the 20% equipment goal dates from 2014": the Wales equipment guideline
                out.append(self.claim(s, "WALES2014_DIP_20PCT_EQUIP", "pledge_year", t.year, "eq", t.year))
            elif t.year == 2023 or "vilnius" in low and "VILNIUS2023" in _named(text) or "floor" in tokens:
                # "agreed in 2023 at Vilnius to make 2% a floor", "the 2% floor agreed at Vilnius in 2022" (refuted): the
                # Vilnius floor's year, not the 2006 guideline's
                out.append(self.claim(s, "VILNIUS2023_2PCT_FLOOR", "pledge_year", t.year, "eq", t.year))
            elif wales and _PROMISE.search(text) or wales_year:
                # "agreed in 2014 to aim for 2%", "the 2014 pledge": the Wales pledge, named by its year; with a
                # deadline ("to spend 2% by 2025") the deadline is what is checked
                deadline = [d for d in _deadlines(s) if d.year != t.year]
                if deadline:
                    out.append(self.claim(s, "WALES2014_DIP_2PCT", "deadline_year", deadline[0].year, "eq",
                                          deadline[0].year, deadline=deadline[0].year))
                else:
                    out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", t.year, "eq", t.year))
            elif t.year not in _MAKING_YEARS and (deadline := [d for d in _deadlines(s) if d.year != t.year]):
                # "decided in 2011 that each ally would reach 2% by 2024": the 2%-by-a-deadline pledge (Wales) dated to a
                # year no pledge was made in; the year and the deadline are each a claim
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", t.year, "eq", t.year))
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "deadline_year", deadline[0].year, "eq", deadline[0].year,
                                      deadline=deadline[0].year))
            else:
                out.append(self.claim(s, "RIGA2006_2PCT", "adopted_year", t.year, "eq", t.year))
            if 20.0 in made_levels and len(made_levels) > 1:  # "that 2% target, and a companion 20% equipment goal, date from 2014"
                out.append(self.claim(s, "WALES2014_DIP_20PCT_EQUIP", "pledge_year", t.year, "eq", t.year))
            for q in s.free(("pct",)) if not beside_count else ():  # (a count's threshold stays with it)
                s.take(q)
            s.carry.pledge = out[0].subject
            return out
        if not years and "2014" in text and not _allies(s) and not _counts_in_first_clause(s) \
                and _WALES_BY_YEAR.search(text) and not any(_other_levels_deadline(s, d) for d in _deadlines(s)):
            # (a new level with its deadline beside the 2014 pledge, "5% by 2035, up from the 2014 pledge of 2%", is
            # read with its levels below)
            # "Under the 2014 pledge, allies aim to spend 2% by 2024", "allies promised in 2014 to move towards 2%":
            # the Wales pledge named by its year (its deadline, when one is given, is what is checked)
            deadline = [d for d in _deadlines(s) if d.year != 2014]
            if not deadline and not s.free(("pct",)) and not _within_decade(low) and not _MAKING_VERB.search(low) \
                    and not _RENEWED.search(low):
                # "The 2014 investment pledge was drawn up after Crimea": the pledge named, nothing
                # said of it (issue 11, over-firing: a mention is no claim about its date); it is the pledge discussed
                s.carry.pledge = "WALES2014_DIP_2PCT"
                return out
            if deadline:
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "deadline_year", deadline[0].year, "eq",
                                      deadline[0].year, deadline=deadline[0].year))
            else:
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", 2014, "eq", 2014,
                                      within_decade=_within_decade(low)))
            for q in s.free(("pct",)):
                s.take(q)
            s.carry.pledge = "WALES2014_DIP_2PCT"
            return out
        if not years and "by 2024" in low and (named_year := _PLEDGE_BY_YEAR.search(low)) is not None \
                and _GUIDELINE_2.search_words(low, tokens) and not _allies(s) and not _counts_in_first_clause(s):
            # "a 2012 decision put every ally at 2% by 2024": the 2%-by-2024 pledge (Wales) named by the year it was
            # made; a wrong year and the deadline are each a claim, the right one ("a 2014 agreement required members to
            # reach 2% by 2024") only names the pledge whose deadline is claimed (one claim per pledge, as labelled)
            year = int(named_year.group("y"))
            if year != _MADE_IN["WALES2014_DIP_2PCT"]:
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", year, "eq", year))
            out.append(self.claim(s, "WALES2014_DIP_2PCT", "deadline_year", 2024, "eq", 2024, deadline=2024))
            for q in s.free(("pct",)):
                s.take(q)
            s.carry.pledge = "WALES2014_DIP_2PCT"
            return out
        if wales and _PROMISE.search(text) and not _allies(s) and not s.free(("count",)):
            deadlines = {d.start for d in _deadlines(s)}  # (a deadline dates no making: "... towards 2% before 2024")
            t = [t for t in s.times if t.year and t.kind in ("year", "ago", "month") and t.start not in deadlines
                 and not low.startswith("before ", t.start)
                 and not _YEAR_OF_DATA_AFTER.match(low, t.end)]  # ("an analysis of 2015 budget decisions": no making)
            if t:
                made = _renewed_in(low, t) or t[-1]  # (the renewal's year, else the last)
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", made.year, "eq", made.year,
                                      within_decade=_within_decade(low)))
                for q in s.free(("pct",)):
                    s.take(q)
                s.carry.pledge = "WALES2014_DIP_2PCT"
                return out
        if "review" in low and (review := self._review(s)):
            out.extend(review)
            if not s.free(("pct",)):
                return out
        pcts = s.free(("pct",)) if s.quantities else None  # (free gives [] without quantities)
        goals_met: list[Claim] = []  # the levels read as goals met (with a wrong deadline, only the deadline is claimed)
        if pcts:  # everything below up to the deadline test is only about these (and has no side effect else)
            current = CURRENT.search(text) if "current" in low or "standing" in low or "official" in low \
                or "existing" in low else None
            agreeing = None  # worked out when first needed (a pure test: same answer)
            allies = _allies(s)
            pct_deadline: list[int] | None = None  # the deadline years, worked out when first needed
            raised = None
            old_levels: list = []  # old levels named before the new pledge (claims once it is read)
            for q in pcts:
                if non_ally_before(s, q.start, as_subject=True):
                    continue  # "Japan plans to reach 2% of GDP by 2027, matching the NATO goal": a non-ally's own level
                w0 = max(0, q.start - _GOAL_OBJECT_REACH)
                goal = _GOAL_OBJECT.search(low, w0, q.start)
                named_target = False
                goal_met = False  # the level is a goal the count or allies meet ("already meeting the new goal of 3.5%")
                if goal and _OTHER_GOAL.search(low, max(0, q.start - 40), q.end + 12):
                    continue  # "the bank kept its inflation target of 2% by 2026": a goal of something else
                agreed = _AGREED_BEFORE.search(low, max(0, goal.start() - 30), goal.start()) if goal else None
                # an ally that promised to reach the target ("Canada has promised to reach the NATO target of 2% by
                # 2032"): the deadline is the ally's plan, not the pledge's
                ally_promised = agreed is not None and _owned(allies, agreed.start(), _AGREER_REACH)
                if goal and agreed is None:
                    if "new" not in goal.group(0).split() and not any(
                            t.kind == "deadline" and t.start >= q.end for t in s.times):
                        if q.value == 2.0 and s.carry.threshold is None:
                            s.carry.threshold = (GDP, "ge", 2.0)  # the level under discussion ("allies meeting their
                            # commitments to spend 2% have multiplied ... only three kept that promise")
                        continue  # "five allies met the alliance goal of spending at least 2%", also named as agreed
                        # ("several allies still miss the previously agreed 2% goal": sets 22 and 25 leave it unlabelled):
                        # the count's threshold, no claim about the pledge
                    # "exceed the alliance's new target of allocating 3.5% ... by 2035": the pledge named with its
                    # details is a claim about it; the figure stays free for the count or set that meets it
                    named_target = True
                    goal_met = not goal.group(0).startswith(("keep", "kept"))  # ("kept the target of 5% by 2036 in
                    # the draft": kept in the text, not met)
                if not named_target and "of" in low[max(0, q.start - 12):q.start] \
                        and _GOAL_NAMED.search(low, max(0, q.start - 60), q.start) and _DEADLINE_AFTER.match(low, q.end) \
                        and not _OTHER_GOAL.search(low, max(0, q.start - 40), q.end + 12):
                    named_target = True  # "the goal of 2 percent by 2024" (not "an inflation target of 2% by 2026")
                norm_stated = False
                if not named_target and not any(e.start < q.start for e in allies) \
                        and _NORM_PASSIVE.search(low, max(0, q.start - 90), q.start):
                    # (allies named only after the level, in a later clause, own no norm: "NATO recommends that each
                    # member spend 2%, yet only the US, Poland and Greece do")
                    named_target = norm_stated = True  # "allies are expected to put at least 2% of GDP into defence"
                elif not named_target and (stated := _NORM_STATED.search(low, max(0, q.start - 90), q.start)) is not None \
                        and (not _NORM_MET_BEFORE.search(low, max(0, stated.start() - 40), stated.start())
                             or _DEADLINE_AFTER.match(low, q.end) is not None) \
                        and not _NORM_OWNER_BEFORE.search(low, max(0, stated.start() - 40), stated.start()) \
                        and not _OTHER_GOAL.search(low, max(0, stated.start() - 30), q.end + 12):
                    named_target = norm_stated = True  # "the NATO guideline is 2% of GDP": the norm stated by its level
                    # (also when met or missed, stated with its deadline: "short of a target calling for members to
                    # move toward 2% by 2024")
                if not named_target and (_NORM_FOR.search_words(low, tokens) is not None
                                         and (head := _NORM_FOR.search(low, max(0, q.start - _NORM_FOR_REACH), q.start))
                                         is not None and (not _owned(allies, head.start())
                                                          or _alliance_norm_not_met(low, head.start())
                                                          or low.startswith(_ALLIANCE_OWNER, head.start()))
                                         and not any(head.end() <= e.start < q.start for e in allies)
                                         and ")" not in low[head.end():q.start]
                                         or ("minimum" in low or "floor" in low or "baseline" in low)
                                         and _LEVEL_IS_FLOOR.match(low, q.end) is not None and not _owned(allies, q.start)
                                         and _floor_in_force(s)) \
                        and not _OTHER_GOAL.search(low, max(0, q.start - 40), q.end + 12):
                    # "the idea was for each ally to spend 2% by 2024", "leaders backed a goal to reach 5%", "that 2% is a
                    # minimum" once the Vilnius floor stands: the pledge (not an ally's own goal: "Germany's goal to reach 3.5%")
                    named_target = norm_stated = True
                level_named = not named_target and ("agreed" in low or "set" in low or "adopted" in low
                                                    or "endorsed" in low) and _LEVEL_AGREED_AFTER.match(low, q.end) is not None
                appositive = "," in text[q.end:q.end + 40] and _SUMMIT_APPOSITIVE.match(low, q.end) is not None \
                    and _names_summit(text)
                named_target = named_target or appositive or level_named
                # the figure also stays free for a count or an ally's comparison just before it ("Only three allies
                # exceed the 3.5% target agreed at the summit"), else the pledge claim takes it
                keep_free = not norm_stated and (
                    not level_named or _COMPARED_BEFORE_LEVEL.search(low, max(0, q.start - 40), q.start) is not None)
                if _OWN_SPENDING_OF.search(low, max(0, q.start - 60), q.start) and any(e.start < q.start for e in allies):
                    continue  # "Italy ..., the minister deems its current defence spending of 2% enough": the ally's level
                if allies and not named_target and (any(abs(e.start - q.start) < 80 and not _presses(low, e)
                                                        and not _LATER_CLAUSE.search(low, q.end, max(q.end, e.start))
                                                        and not _carried_part(s, e, q)
                                                        for e in allies)
                                                    or _SPENDING_BEFORE.search(low, max(0, q.start - 24), q.start)) \
                        or q.listed or q.start in s.pairs:
                    continue  # an ally's own figure or plan ("A, B and C ..., spending 4.48%, 4% and 3.73% respectively")
                lo = max(0, q.start - 40)
                governed = "toward" in low[max(0, q.start - 60):q.start] and (
                    _AGREED_TOWARD.search(low, max(0, q.start - _AGREED_TOWARD_REACH), q.start) is not None
                    # the Wales formula whole, its decade after the level, told after the pledge it continues ("In
                    # 2014, allies pledged to stop the cuts. And move towards spending 2% within a decade.")
                    or s.carry.pledge == "WALES2014_DIP_2PCT" and _MOVE_TOWARD.search(low, max(0, q.start - 40), q.start)
                    is not None and _DECADE_AFTER.match(low, q.end) is not None)
                if not governed and _TOWARD.search(low, lo, q.start) and not _PLEDGE_NAMED.search_words(low, tokens):
                    continue  # "all allies are moving toward the 2% goal": an aspiration, no claim about the pledge
                if _OLD_LEVEL_BEFORE.search(low, lo, q.start) or not allies and _CURRENT_BASELINE_BEFORE.search(low, lo, q.start):
                    # "agreed to 5% by 2035, up from the previous 2% target": the level the new pledge replaced (no
                    # claim when no new pledge was read before it)
                    new = next((c.subject for c in out if c.metric == "threshold_pct"
                                and c.subject not in ("CURRENT", "PREVIOUS")), None)
                    if new is not None:
                        s.take(q)
                        out.append(self.claim(s, "PREVIOUS", "threshold_pct", q.value, q.comparator, None, q,
                                              previous_of=new))
                    else:
                        old_levels.append(q)  # "the old 2% target was replaced by a 3.5% core goal": the new one after it
                    continue
                if _FROM_OLD_LEVEL.search(low, lo, q.start) and _TO_NEW_LEVEL.match(low, q.end) \
                        or _RAISED_AFTER.match(low, q.end):
                    # "raised the target from 2% to 5%": the old level is the pledge the new one replaced
                    raised = q
                    continue
                if not (governed or appositive or level_named or named_target) and _REACH_BEFORE_FOLDED.search(low[lo:q.start]) \
                        and not _AGREED_TO.search(low[max(0, q.start - 70):q.start]):
                    continue  # "most allies have reached the 2 per cent guideline": not the pledge itself
                near_current = current and abs(current.start() - q.start) < 60
                if not near_current:
                    if agreeing is None:
                        # an agreement word, and a group as actor or a summit named ("agreed" as the target's
                        # attribute is none: "members still short of the agreed-upon 2% target" agree nothing)
                        agreeing = (_AGREE_ANY.search(_unattributed(low)) or _RAISE.search(low)) and (
                            _GROUP_ACTOR_ANY.search_words(low, tokens) or _names_summit(text)) \
                            or _RAISED_PASSIVE.search(low) is not None
                    if not (agreeing or named_target or governed or "core defence" in low or "related" in low
                            and _RELATED.search(low) is not None
                            or "new" in low and _NEW_LEVEL_BEFORE.search(low, lo, q.start)
                            or q.value in (3.5, 1.5) and any((c.subject or "").startswith("HAGUE2025") for c in out)
                            or q.value in (3.5, 1.5) and (s.carry.pledge or "").startswith("HAGUE2025")
                            and ("3.5" in low and "1.5" in low or _HAGUE_PART.search(low) is not None)):
                        continue  # (after the Hague pledge, "it splits into 3.5% for ... and 1.5% for ...": its parts)
                window = text[max(0, q.start - 60):q.start]
                if not (appositive or level_named) and _ALLIES_WORD.search(window) \
                        and (free := [c for c in s.free(("count",)) if c.start < q.start]) \
                        and not _PLEDGE_VERB.search(window) and not _PLEDGE_FROM.search(text, max(0, q.start - 90), q.start) \
                        and not all(_ITS_BEFORE.search(low, max(0, c.start - 8), c.start) for c in free):
                    continue  # a count of allies meeting a threshold (not "all 29 members pledged to spend 2%", nor
                    # "told its 28 members to spend 2%": the membership; a count only after the level is another
                    # clause's: "Wales set the commitment of all allies to reach 2% before 2024; by now 23 do")
                # "the current 2% target"; "the current 3% threshold" (the figure inside the phrase) names it whatever the level
                pid = "CURRENT" if current is not None and near_current \
                    and (q.value == 2.0 or current.start() < q.start < current.end()) \
                    else pledge_for(s, q.value)
                if pct_deadline is None:
                    pct_deadline = _deadline_years(s, low)
                if pid == "CURRENT" and q.value == 2.0 and not near_current and (pct_deadline or _within_decade(low)):
                    pid = "WALES2014_DIP_2PCT"  # a 2% goal with a deadline ("the goal of 2 per cent by 2024") is Wales
                if governed and q.value == 2.0 and pid in ("CURRENT", "RIGA2006_2PCT"):
                    pid = "WALES2014_DIP_2PCT"  # "move towards 2%": the Wales pledge's wording (the 2006 guideline has none)
                if pid is None and raised is not None and q.value == 5.0:
                    pid = "HAGUE2025_5PCT_TOTAL"  # the new level a target was raised to
                denied = _denied(s, q, allies)
                if pid is None and denied:
                    pid = _pledge_at(q.value)  # "no NATO decision on a 5% goal yet", before the Hague summit
                if pid is None and norm_stated and not denied and "expected" not in low[max(0, q.start - 90):q.start] \
                        and ((modal := figure_modality(s, q)) is None or modal[0] not in _NOT_NORM_MODALITIES):
                    pid = "CURRENT"  # the alliance's norm stated with a level no pledge in force has ("NATO recommends
                    # that every ally put 3% into defence" in 2021): the standing target, misstated
                if raised is not None and raised is not q and pid is not None and pid != "CURRENT":
                    s.take(raised)
                    out.append(self.claim(s, "PREVIOUS", "threshold_pct", raised.value, raised.comparator, None, raised,
                                          previous_of=pid))
                    raised = None
                if pid is None:
                    continue
                if not named_target or not keep_free:
                    s.take(q)
                own_deadline = pct_deadline[0] if pct_deadline and not (appositive or level_named) and not ally_promised \
                    and not _others_deadline_before(s, q) \
                    and not (goal_met and goal is not None and _owned(allies, goal.start(), _GOAL_OWNER_REACH)
                             and not _ALLIANCE_SETS.search(low, q.end)
                             and pct_deadline[0] != _deadline(_pledge(pid))) else None
                # (an ally meeting a NATO target "until 2020": a year not the pledge's is the ally's plan, no deadline;
                # but "the three countries already meet the new goal of 3.5%, which NATO asked members to reach by
                # 2032": NATO's)
                # (an ally's aim "to reach the 3.5% core level agreed in The Hague by 2029": the year is the ally's)
                out.append(self.claim(s, pid, "threshold_pct", q.value, "eq" if appositive or level_named else q.comparator,
                                      own_deadline or s.today.year, q, current=bool(near_current),
                                      deadline=own_deadline,
                                      within_decade=_within_decade(low), **({"negated": True} if denied else {}),
                                      proposed=_PROPOSED_ANY.search_words(low, tokens) is not None))
                if goal_met:
                    goals_met.append(out[-1])
                s.carry.pledge = pid if pid != "CURRENT" else s.carry.pledge
            new = next((c.subject for c in out if c.metric == "threshold_pct" and c.subject not in ("CURRENT", "PREVIOUS")),
                       None)
            if new is None and old_levels and not out and not allies and not _OTHER_GOAL.search(low):
                # "the new goal replaces the former 2% threshold": the level before the target in force on the date
                new = current_target([p["id"] for p in pledges_in_force(s.today)])
            for q in old_levels if new is not None else ():
                s.take(q)
                out.insert(0, self.claim(s, "PREVIOUS", "threshold_pct", q.value, q.comparator, None, q, previous_of=new))
        hague = [c for c in out if (c.subject or "").startswith("HAGUE2025") and c.metric == "threshold_pct"]
        if len(hague) > 1 and hague[0].extra.get("deadline") not in (None, _deadline(_pledge(str(hague[0].subject)))):
            # "aim for 3.5% ... plus 1.5% ... by 2032": one claim about the pledge's (wrong) deadline, not one per part
            out = [c for c in out if c not in hague[1:]]
        out = [part for c in out for part in self._level_and_deadline(s, c, any(c is g for g in goals_met))]
        levels = [c for c in out if c.metric == "threshold_pct" and c.subject != "PREVIOUS"]
        if levels:  # "The 20% equipment guideline was agreed in Wales ... Sixteen allies met it": the first level named
            first = levels[0]
            s.carry.threshold = (EQUIP if first.subject == "WALES2014_DIP_20PCT_EQUIP" else GDP, "ge", float(first.value))
        named = _PLEDGE_NAMED.search_words(low, tokens) if not out else None
        generic = _PLEDGE_GENERIC.search_words(low, tokens) if not out and not named and not s.carry.pledge else None
        if not out and not named and not generic and not s.carry.pledge:
            # "allies vowed to try to reach that goal by 2024": the pledge with that deadline, like the generic
            generic = _GOAL_PROMISED.search_words(low, tokens)
        alliance_deadline = _ALLIANCE_DEADLINE.search_words(low, tokens) if not out else None
        if not out and (s.carry.pledge or named or generic or alliance_deadline or "summit" in low and _names_summit(text)) \
                and (_DEADLINE_WORDS.search_words(low, tokens) or named and _MET_BY.search(text)):
            # "allies had 'until 2032' to reach the new level": a deadline for the pledge just discussed; "the Hague
            # pledge must be met by 2030": a deadline for the pledge named
            deadline = _deadlines(s)
            # "runs to 2035", "the Wales deadline of 2024", "a 2024 NATO deadline"
            if not deadline and (end := _END_YEAR.search_words(low, tokens) or alliance_deadline):
                deadline = [t for t in s.times if t.year == int(end.group("y"))]
            pid = (pledge_for(s, 5.0) if named and "hague" in named.group(0).lower() else
                   "WALES2014_DIP_2PCT" if named else s.carry.pledge)
            summits = _named(text)
            if not named and summits:  # "At the Wales meeting, countries ... agreed to reach it by 2024"
                pid = {"WALES2014": "WALES2014_DIP_2PCT", "HAGUE2025": "HAGUE2025_5PCT_TOTAL"}.get(summits[0], pid)
            if (generic or alliance_deadline and not s.carry.pledge) and deadline and not summits:
                # "The pledge gives members until 2035 to get there": the pledge in force on the date
                # with that deadline, else the standing target (whose deadline the year then misses)
                in_force = [p["id"] for p in pledges_in_force(s.today)]
                pid = next((p for p in in_force if p in _TOTALS and _deadline(_pledge(p)) == deadline[0].year),
                           current_target(in_force))
            if pid == "RIGA2006_2PCT":
                pid = "WALES2014_DIP_2PCT"  # a 2% goal with a deadline is the Wales pledge (the 2006 guideline has none)
            if deadline and pid and (alliance_deadline or not [e for e in _allies(s) if (press := _PRESSING.search(low, e.end))
                                                               is None or press.start() - e.end > 60]) \
                    and not non_ally_before(s, deadline[0].start, as_subject=True) \
                    and not _subset_plans(s.low, deadline[0].start):
                # (nor a country outside the alliance: "Japan aims to reach 2% by 2027, the level of the NATO target")
                # (an ally pressing the others, "Washington pushed all members to meet the NATO commitment by 2024", is
                # not the pledge's owner)
                out.append(self.claim(s, pid, "deadline_year", deadline[0].year, "eq", deadline[0].year,
                                      deadline=deadline[0].year))
        if not out and ("20" in low or "year" in low):  # (a year of making is 20xx, or counted back: "last year")
            out = self._making_year(s)
        return out
