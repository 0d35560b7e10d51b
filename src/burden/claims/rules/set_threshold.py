"""A named set of allies and a threshold: "Poland, Latvia and Norway all spent well above the guideline" (every
ally of the list meets it), "Poland, Lithuania and Latvia are the only allies meeting 3.5%" and "Only Poland,
Lithuania and Latvia meet 3.5%" (every one meets it, and the count is the size of the list), "The nine allies that
met the guideline in 2019 were A, B, ..." (the count, when the list has that many names).

The claims are judged by the count rule: `all_none_threshold` over the listed allies, `count_at_threshold` over
the alliance. Without a threshold in the sentence nothing is read (an unsure reading gives no claim)."""

from __future__ import annotations

import re

from ..context import joined
from ..dates import PRESENT, PRESENT_WORD
from ..entities import Entity
from ..extract import Claim, Sentence
from ..quantities import NUMBER_WORDS, Quantity, parse_number
from ..status import Status, below_set, level_after, proform_after
from ..verify import GDP
from .ally_pct import _EACH_AT_MOST
from .base import Rule
from .count_threshold import (
    _OPS,
    ASPIRATION,
    THRESHOLD_REF,
    CountThresholdRule,
    _sentence_year,
    carried_threshold,
    claim_times,
    target_deadline,
    threshold_op,
)

# the words a pro-verb after a list holds (status.py `proverb` rows): "did not", "do so", "were in compliance"
_PROVERB_WORDS = frozenset({"did", "do", "does", "didn't", "don't", "doesn't", "didn’t", "don’t", "doesn’t", "so",
                            "compliance", "compliant"})
# between a list and its pro-verb: "also", "too", "all", "still" (folded text)
_LIST_TO_PROVERB = re.compile(r"(?:\s?\([^()]{0,24}\))?(?:,?\s(?:also|too|all|both|each|still|now|already|however|then),?)*\s")
# between two allies of a list, a value in brackets allowed after each: "Poland (4.48%), Latvia (3.73%) and "
# or a value after each ("France at 2.1 percent, Latvia at 2.4, Norway 2.2, and Poland"), or a hyphenated epithet
# before the next ("Estonia, debt-burdened Greece and Poland", "cash-strapped Italy")
_JOIN = re.compile(r"(?:\s?\([^()]{0,24}\)|\s(?:at\s)?\d{1,2}(?:\.\d{1,2})?(?:\s?%|\sper\s?cent|\spercent)?)?\s?(?:,|,?\sand|;)\s(?:the\s)?"
                   r"(?:[a-z]+-[a-z]+\s)?")
_BRACKET = r"(?:\s?\([^()]{0,24}\))?"
# a word that makes a list the set ("A, B and C all met it"), between the list and its status (folded text)
_ALL_WORD = re.compile(r"\b(?:all|together|combined|between\sthem)\b")
# after the list: "... all spent well above", "... are all above", "... each exceed"
ALL_AFTER = re.compile(_BRACKET + r"\s(?:are\s|were\s|have\s|had\s|now\s)?(?:all|each)\s", re.I)
# after the list: "... are the only allies meeting", "... were the only members to reach"
ONLY_AFTER = re.compile(_BRACKET + r"\s(?:are|were|remain|remained)\s(?:now\s|still\s)?(?:the\s)?only\s(?:(?P<n>\w+)\s)?"
                        r"(?:allies|members|countries|nations|ones)\b", re.I)
# before the list: "Only Poland, Lithuania and Latvia meet ..."
ONLY_BEFORE = re.compile(r"(?:^|[,:;]\s|\s)(?:only|just)\s(?:the\s)?$", re.I)
# before the list: a count of allies whose set the list names, as an aside ("only four members - A, B, C and D -",
# "just three countries (A, B and C)", "five allies, A, B, C, D and E,")
_COUNTED_BEFORE = re.compile(r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(?:[\w-]+\s)?"
                             r"(?:allies|members|countries|nations|states)\s?[—–(,:-]\s?(?:the\s)?$", re.I)
# before the list: "The nine allies that met the guideline in 2019 were ..."
# (the number may be left out: "The NATO countries that spend 2% or more are A, B, ..." = the list is the set)
THE_N_THAT = re.compile(r"^the\s(?:(?P<n>\w+)\s)?(?:[\w-]+\s)?(?:allies|members|countries|nations|states|member states)\s"
                        r"(?:that|which|who|to)\s[^.;]{0,80}?\s(?:were|are)\s(?:the\s)?$", re.I)
# the predicate first, then the list: "Falling below the goal, from highest to lowest, are A, B, ... and H",
# "Meeting the target this year are A, B and C", "Above 3% were A and B"
INVERTED = re.compile(r"^(?:also\s|still\s)?(?:falling\s(?:short\sof|below)|meeting|hitting|reaching|exceeding|clearing|above|"
                      r"below|under|over|at\sor\sabove)\s(?:[^.;:]|\.(?=\d)){0,80}?\s(?:are|were|come|came)\s(?:the\s)?$", re.I)
# examples of a set defined by the threshold: "allies that already meet the 2% goal, such as Greece and Estonia, ...",
# "members which spend above 3%, including Poland and Latvia"
SUCH_AS = re.compile(r"\b(?:allies|members|countries|nations|states)\s(?:of\s(?:the\s)?(?:alliance|NATO)\s)?(?:that|which|who)\s"
                     r"(?:currently\s|already\s|now\s|still\s)?(?:meet|reach|exceed|spend|hit|clear|are\sat|are\sabove)\b[^.;]{0,60},?\s"
                     r"(?:such\sas|including)\s(?:the\s)?$", re.I)
_EXAMPLE_WORDS = frozenset({"such", "including"})  # a word each SUCH_AS match holds (or "like", "notably")
_INVERTED_FIRST = frozenset("also still falling meeting hitting reaching exceeding clearing above below under over at".split())
# before the list, a threshold in the passive: "This criterion is not met by A, B and C only", "the 2% target was
# reached just by A and B" (with "only" before or after the list: the exact set on that side of it)
PASSIVE_BY = re.compile(r"\b(?P<ref>this|that|the)\s(?:[\w%.-]+\s){0,4}?(?:criterion|guideline|target|goal|mark|benchmark|"
                        r"threshold)\s(?:is|are|was|were|has\sbeen|had\sbeen|will\sbe)\s(?:now\s|still\s|also\s)?"
                        r"(?P<neg>not\s(?:yet\s)?)?(?:met|reached|hit|achieved|fulfill?ed|satisfied)\s(?P<only>(?:only|just)\s)?"
                        r"by\s(?:the\s)?$", re.I)
_ONLY_AFTER_LIST = re.compile(_BRACKET + r"\s(?:only|alone)\b", re.I)
# a threshold comparison after the list (a figure alone is each ally's value, read by CLM-PCT-GDP)
COMPARING = re.compile(r"\b(?:meet|met|reach|hit|achiev|attain|jump to|clear|exceed|above|over|beyond|below|under|short|at least|more than"
                       r"|less than|pass|surpass|top|or more|or above|and above|or higher)\w*", re.I)
# "X is the only one below 2%", "it was the sole ally above the line", "showing Poland as the only ally exceeding 4%",
# "Poland, the only member above 4%, ...", "..., leaving it the sole member under the 1% line", "became the only one"
ONLY_ONE = re.compile(r"(?:\b(?:is|was|remains|remained|stands as|as|(?:making|makes|made|leaving|leaves|left)\sit|became|becomes"
                      r"|becoming)|,)\s(?:now\s|still\s)?the\s(?:only|sole)\s(?:one|ally|member|"
                      r"country|nation)\b(?!\s(?:of|to\s(?:have|say|join)))", re.I)
# after the list, a verb and a comparison: "... remain below", "... stay well above", "... exceed"
# (the list may close an aside: "the eight lowest spenders - A, B, ... and H - have now made the jump to 2%")
VERB_COMPARING_AFTER = re.compile(_BRACKET + r"(?:\s[—–-])?\s(?:now\s|still\s|also\s|both\s)?(?:(?:remain|remained|are|were|stay|"
                                  r"stayed|sit|sat|stand|stood|spend|spent|fall|fell|lag|lagged)\s(?:well\s|just\s|still\s|far\s|"
                                  r"now\s|already\s|both\s|all\s)?(?P<cmp>below|under|above|over|short of|more than|less than|beyond)"
                                  r"|(?P<cmp2>exceed|exceeded|top|topped|surpass|surpassed"
                                  r"|(?:have|has|had)\s(?:now\s|already\s|all\s)?(?:made the jump to|reached|hit|met|crossed|cleared|"
                                  r"passed)))\b", re.I)
# after a list: "..., with the latter three hitting the target" (the last n of the list)
LATTER = re.compile(r"\s?(?:[,;—–-]\s?)?(?:\s?with\s|\swhile\s|\sand\s)?\s?the\s(?:latter|last)\s(?P<n>two|three|four|five|\d)\b", re.I)
# a raising verb before the list and "up to" a level after it: "bringing Spain, Italy and Belgium up to the threshold"
# (every listed ally at or above it)
_BROUGHT_BEFORE = re.compile(r"\b(?:bring|brings|bringing|brought|lift|lifts|lifting|lifted|pushing|pushed)\s(?:the\s)?$",
                             re.I)
_UP_TO_AFTER = re.compile(_BRACKET + r"\s(?:(?:all|each)\s)?(?:up\sto|above|over|past|beyond)\s", re.I)
_TO_OR_MODAL_BEFORE = re.compile(r"\b(?:to|would|could|will|might|may|should|must)\s(?:\w+\s)?$", re.I)
_MODAL = re.compile(r"\b(?:would|could|will|might|may)\b", re.I)
_BROUGHT_WORDS = frozenset("bring brings bringing brought lift lifts lifting lifted pushing pushed".split())
# a predicate told in the present or present perfect ("have now met", "already exceed", "has topped"): today's
_PRESENT_PREDICATE = re.compile(rf"\b(?:{PRESENT}|already|have|has)\b", re.I)
# words every VERB_COMPARING_AFTER match holds: a comparison (or a comparing verb) and a verb
_VERB_GATE = frozenset("jump reached hit met crossed cleared passed below under above over short more less beyond exceed exceeded "
                       "top topped surpass surpassed".split())
_VERB_GATE_VERBS = frozenset("remain remained are were stay stayed sit sat stand stood spend spent fall fell lag lagged exceed "
                             "exceeded top topped surpass surpassed have has had".split())
GATE = frozenset({"all", "each", "only", "just", "sole"})  # "The nine allies that met it were ...": _SET_NOUNS and "the"
_SET_NOUNS = frozenset({"allies", "members", "countries", "nations"})
_THRESHOLD_WORDS = frozenset("criterion guideline target goal mark benchmark line bar threshold floor it cent percent".split())  # (or
# a figure in words: "two per cent")
_COUNT = CountThresholdRule()
# a sentence naming the set the sentence before counted: "They are the US, Greece and Britain."
# (or the set named by its noun, maybe with the threshold's verb elided: "Those countries are ...", "The countries that
# do are ...", "The allies that meet it are ...")
THEY_ARE = re.compile(r"(?:(?:They|These|Those)\s|(?:The|These|Those)\s(?:NATO\s)?(?:countries|allies|members|nations|states|"
                      r"member\sstates)\s(?:(?:that|which|who)\s(?:do|did|does|do\sso|did\sso|have|had|meet\sit|met\sit|"
                      r"reach\sit|have\sdone\sso|are\sthere)\s)?)(?:are|were|include|included)\s(?:now\s)?(?:the\s)?(?=[A-Z])")
_ONLY_WORD = re.compile(r"\b(?:only|just|solely)\b")
# "already" with a verb in the present: the present, not a year talked about before (folded text)
_PRESENT_ALREADY = re.compile(r"\b(?:are|is)\s(?:\w+\s)?already\b|\balready\s(?:meet|meets|hit|hits|exceed|exceeds|spend|spends|reach|"
                              r"reaches|surpass|surpasses|clear|clears)\b")
_PRONOUN_STARTS = frozenset({"They", "Thes", "Thos", "The "})
_LIST_END = re.compile(r"\s?[.!]?\s*")
_NUMBER_WORDS = frozenset(w for w, n in NUMBER_WORDS.items() if w.isalpha() and 2 <= n <= 20)  # "two" ... "twenty"
# what every run of two joined allies holds: a capitalised name, a value in brackets maybe, "," or "and", a capital
_TWO_NAMES = re.compile(r"[A-Z\u00C0-\u00DE][\w.'’-]*(?:\s?\([^()]{0,24}\)|\s(?:at\s)?\d{1,2}(?:\.\d{1,2})?(?:\s?%|\sper\s?cent|"
                        r"\spercent)?)?(?:,|,?\sand|;)\s(?:the\s)?[A-Z\u00C0-\u00DE]")


# between a list and the status said of it: "(all) have (now) (not)", "also", "each", a value in brackets (folded text)
_LIST_TO_STATUS = re.compile(r"(?:\s?\([^()]{0,24}\))?(?:\s[—–-])?\s(?:(?:all|each|both|also|have|has|had|now|already|"
                             r"still|will|would|did|do|does|not|never|yet|so\sfar|this\syear|last\syear|in\s\d{4}"
                             r"|are|were|is|was|continue\sto|continues\sto|continued\sto),?\s)*"
                             # "A, B and C are among the few allies to meet the target": each of them meets it
                             r"(?:(?:are|were)\s(?:still\s|now\s|also\s)?among\sthe\s(?:few|handful\sof|small\snumber\sof)\s"
                             r"(?:nato\s)?(?:allies|members|countries|nations|member\sstates)\s(?:to|that|which|who)\s)?")
_BELOW_SET_WORDS = frozenset("laggard laggards underspender underspenders under spenders stragglers straggler shirkers delinquents "
                             "shirker riders rider".split())  # a word each status.below_set match holds
_EXAMPLES = re.compile(r"\b(?:including|such\sas|like|notably|among\sthem)\b")
# between a status and the list it names: "include", "are", "will be", a colon or a dash, a time (folded text)
_STATUS_TO_LIST = re.compile(r"(?:\s(?:in\s\d{4}|this\syear|last\syear|so\sfar|now|by\s\d{4}))?(?:,?\s(?:include|includes|"
                             r"included|including|are|were|will\sbe|was|comprise|comprises|namely|such\sas|are\snow)"
                             r"(?:\s(?:only|just|now))?:?|\s?[:—–-])\s(?:the\s)?")


def _chains(s: Sentence, named: bool = False) -> list[list[Entity]]:
    """Runs of at least two allies joined by commas / "and" (values in brackets allowed between); `named`: of every
    ally named, also those no subject ("including Poland, ...")."""
    allies = [e for e in (s.entities if named else s._subjects) if e.is_ally]
    out: list[list[Entity]] = []
    run: list[Entity] = []
    for e in allies:
        if run and e.kind == "set" and (e.start, e.end) == (run[-1].start, run[-1].end):
            run.append(e)  # ("the latter two": each ally it stands for, one span)
            continue
        if run and joined(s.text, run[-1], e, _JOIN) \
                and not (len(run) >= 2 and "," in s.text[run[-1].end:e.start] and " and " not in s.text[run[-1].end:e.start]
                         and any(" and " in s.text[a.end:b.start] for a, b in zip(run, run[1:], strict=False))):
            # (but not a comma after an "and": "Unlike Spain and Belgium, Estonia spent ..." is no list of three)
            run.append(e)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [e]
    if len(run) >= 2:
        out.append(run)
    return out


class SetThresholdRule(Rule):
    type = "all_none_threshold"
    code = "CLM-ALL-NONE"

    def find(self, s: Sentence) -> list[Claim]:
        if (s.carry.threshold or s.carry.pledge) and not s.words.isdisjoint(_PROVERB_WORDS) and _TWO_NAMES.search(s.text):
            found = self._proverb_set(s)
            if found:
                return found
        found = self._frames(s)
        if not found and (not s.words.isdisjoint(_BELOW_SET_WORDS) or s.statuses) \
                and (_TWO_NAMES.search(s.text) or any(e.kind == "set" for e in s.entities)) \
                and not (s.is_question and not s.presupposes):
            return self._status_sets(s)
        return found

    def _frames(self, s: Sentence) -> list[Claim]:
        words = s.words
        if s.carry.threshold is not None and s.text[:4] in _PRONOUN_STARTS and (m := THEY_ARE.match(s.text)):
            return self._they_are(s, m)
        if words.isdisjoint(GATE) and not (s.text[:4].lower() == "the " and not words.isdisjoint(_SET_NOUNS)) \
                and "latter" not in words and s.text.split(" ", 1)[0].lower() not in _INVERTED_FIRST \
                and words.isdisjoint(_EXAMPLE_WORDS) and words.isdisjoint(_BROUGHT_WORDS) \
                and (words.isdisjoint(_VERB_GATE) or words.isdisjoint(_VERB_GATE_VERBS)) \
                or not s.has_number and words.isdisjoint(_THRESHOLD_WORDS) or s.is_question and not s.presupposes:
            return []  # (a set's threshold is a figure or a threshold word)
        if "only" in words or "sole" in words:
            m = ONLY_ONE.search(s.text)
            if m is not None:
                return self._only_one(s, m)
        if not _TWO_NAMES.search(s.text) and not any(e.kind == "set" for e in s.entities):
            return []  # no two capitalised names joined: no list (checked before the entity scan)
        chains = _chains(s)
        if not chains:
            return []
        text = s.text
        for run in chains:
            codes = list(dict.fromkeys(e.code for e in run))
            first, last = run[0], run[-1]
            counted = None  # the size of the set, when the sentence says the list is the whole set
            each = True  # also a claim that every listed ally meets it ("Only A and B meet it" is read as the count)
            if (m := ONLY_AFTER.match(text, last.end)) is not None:
                if m.group("n") and _stated_number(m.group("n")) not in (None, len(codes)):
                    continue  # "the U.S, Greece, and the UK were the only three ...": a name not read, the count
                    # rule reads the number stated
                counted, after, each = len(codes), m.end(), False  # the exact set: one count (as real coverage is labelled)
            elif (m := ALL_AFTER.match(text, last.end)) is not None:
                after = m.end()
            elif first.kind == "set" and first.end - first.start == 3 and s.low.startswith("all", first.start):
                m, after = None, last.end  # "All spend less than 1.4%" (the list before): as "They all spend ..."
            elif ("latter" in words or "last" in words) and (m := LATTER.match(text, last.end)) is not None:
                # "joined by Finland, Poland, Latvia and Lithuania - the last three of them above the target"
                try:
                    k = int(parse_number(m.group("n"))[0])
                except (ValueError, KeyError):
                    continue
                if not 1 <= k < len(codes):
                    continue
                codes, after = codes[-k:], m.end()
            elif (m := VERB_COMPARING_AFTER.match(text, last.end)) is not None:
                after = m.start("cmp") if m.group("cmp") else m.start("cmp2")  # "Spain, Slovenia and Luxembourg remain below 1.3%": every listed ally
                if _COUNTED_BEFORE.search(text, max(0, first.start - 60), first.start):
                    continue  # "Only four allies - A, B, C and D - spend more than 2%": the list names the set the
                    # count rule counts, one claim (as real coverage is labelled), not a figure per ally
                if ONLY_BEFORE.search(text, max(0, first.start - 12), first.start):
                    counted, each = len(codes), False  # "Only A, B and C have reached it", "Only A, B and C spend more
                    # than 2%": the exact set, one count
            elif not words.isdisjoint(_BROUGHT_WORDS) \
                    and (b := _BROUGHT_BEFORE.search(text, max(0, first.start - 12), first.start)) is not None \
                    and (m := _UP_TO_AFTER.match(text, last.end)) is not None:
                if _TO_OR_MODAL_BEFORE.search(text, max(0, b.start() - 16), b.start()) or _MODAL.search(text, m.end()):
                    continue  # "Bringing A and B up to 2% would cost billions", "plans to lift A and B to 2%": no data
                after = first.start  # "bringing A, B and C up to the threshold": the level they are brought to
                m = None  # (not a predicate's own time: the sentence's)
            elif ONLY_BEFORE.search(text, max(0, first.start - 12), first.start):
                counted, after, each = len(codes), _JOIN_END(text, last.end), False
            elif (m := PASSIVE_BY.search(text, max(0, first.start - 100), first.start)) is not None:
                if not (m.group("only") or _ONLY_AFTER_LIST.match(text, last.end)):
                    continue  # "the target was met by A and B": maybe some of those that met it
                return self._passive_set(s, m, codes)
            elif not words.isdisjoint(_EXAMPLE_WORDS) \
                    and (m := SUCH_AS.search(text, max(0, first.start - 160), first.start)) is not None:
                after = 0  # "Members that currently meet the 2% goal, such as the US and Britain": each of them
            elif (m := INVERTED.search(text, 0, first.start)) is not None:
                counted, after = None, 0  # "Falling below the goal ... are A, B, ... and H": each listed ally on that side
            elif (m := THE_N_THAT.search(text, 0, first.start)) is not None:
                try:
                    n = parse_number(m.group("n"))[0] if m.group("n") else len(codes)
                except (ValueError, KeyError):
                    n = len(codes)  # "the NATO countries that ...": a modifier, no number
                if n != len(codes):
                    continue  # the list is not the set counted: unsure, no claim
                counted, after = len(codes), first.start
                if not m.group("n") or not m.group("n")[0].isdigit() and m.group("n").lower() not in _NUMBER_WORDS:
                    each = False  # no number: the list is the set, one count (as real coverage is labelled)
            else:
                continue
            if ASPIRATION.search(text) or any(t.kind == "deadline" and not target_deadline(s, t) for t in s.times):
                return []  # "must all reach 3.5% by 2035": no data claim (a target's own deadline does not count)
            if after > first.start and not COMPARING.search(text, after) \
                    and not any(x.side in _OPS and x.start >= after for x in s.statuses):
                continue  # "Poland, Latvia and Norway all spent 3%": each ally's value, not a threshold
            threshold = _COUNT._threshold(s, last.end, compared_from=after) if m is None or m.re is not INVERTED \
                else _COUNT._threshold(s)  # (the inverted predicate's comparison is before the list)
            if threshold is None:
                return []
            indicator, op, value = threshold
            if op not in _OPS or op == "eq":
                return []
            s.carry.threshold = threshold
            times = claim_times(s)
            year = times[0].year if times else _sentence_year(s)
            if m is not None and m.re is VERB_COMPARING_AFTER:  # the predicate's own time, else "have now ...": the present
                own_times = [t for t in times if t.start >= m.start()]
                year = own_times[0].year if own_times else s.latest_year() if _PRESENT_PREDICATE.search(text, m.start(), m.end()) else year
            out = []
            if each and indicator == GDP and m is not None and (m.re is SUCH_AS or m.re is VERB_COMPARING_AFTER
                                                                and (m.group("cmp") or m.group("cmp2").lower().startswith(
                                                                    ("exceed", "top", "surpass")))) \
                    and (len(codes) <= _EACH_AT_MOST or op not in ("ge", "gt")):
                # (a longer list at or above a level names the set above it, one claim, as ally_pct reads "A, B, C, D
                # and E meet 2%": "A, B, C, D, E, F and G also exceed the 2% threshold")
                # "Estonia, Norway, the US and Denmark also spend above 3%", "Spain, Slovenia and Luxembourg remain
                # below 1.3%" (no "all", a position against a level): each ally's figure, a claim per ally; a list that
                # "has met / made the jump to" a target is the set that met it, one claim (as real coverage is labelled)
                q = next((x for x in s.quantities if x.kind == "pct" and x.start >= after), None)
                if q is None:  # "Both Germany and Canada remain below the guideline": the level named in words (a
                    # stand-in for the figure, as the status sets have: no figure of the text, no decimals written)
                    q = Quantity(m.start(), m.end(), "pct", value, 0, op, text[m.start():m.end()])
                for code in codes:
                    out.append(Claim("ally_pct_gdp", "CLM-PCT-GDP", s, code, GDP, value, op, year, q,
                                     {"plan": year is not None and year > (s.latest_year() or year), "how": "set",
                                      "negated": False}, self))
                return out
            if each:
                out.append(_all_claim(s, codes, indicator, op, value, year, None))
            if counted is not None and indicator == GDP:
                out.insert(0, _count_claim(s, indicator, op, value, counted, year, None, codes))
            return out
        return []

    def _passive_set(self, s: Sentence, m: re.Match, codes: list[str]) -> list[Claim]:
        """"This criterion is not met by A, B and C only": the exact set of allies on the side the passive verb names
        of the threshold it names (the one talked about before for "this criterion"), read as its count."""
        named = any(q.kind == "pct" and m.start() <= q.start < m.end() for q in s.quantities) \
            or "equipment" in m.group(0).lower()  # ("the 2% target", "the equipment guideline"; else the one before)
        threshold = _COUNT._threshold(s) if named else carried_threshold(s)
        if threshold is None or ASPIRATION.search(s.text) \
                or any(t.kind == "deadline" and not target_deadline(s, t) for t in s.times):
            return []  # ("will be met by A and B only by 2030": no data claim)
        indicator, _side, value = threshold
        op = "lt" if m.group("neg") else "ge"
        s.carry.threshold = (indicator, op, value)
        times = claim_times(s)
        year = times[0].year if times else _sentence_year(s)
        return [_count_claim(s, indicator, op, value, len(codes), year, None, codes)]

    def _status_sets(self, s: Sentence) -> list[Claim]:
        """A list of allies that a status phrase (claims/status.py) is said of: after it ("Latvia, Poland and the US
        met that goal", "A, B and C have not reached the target") or before it, joined by a verb of naming or a colon
        ("Countries missing the goal include A, B and C", "only five have met targets this year: A, B, C, D and E",
        "allies meeting the commitment, including A and B"). One claim that every listed ally is on that side; a
        list of up to four names as the status's subject, a claim per ally (as real news is labelled)."""
        text, low = s.text, s.low
        for run in _chains(s, named=True):
            first, last = run[0], run[-1]
            st = next((x for x in s.statuses if x.side in _OPS and x.start >= last.end
                       and _LIST_TO_STATUS.fullmatch(low, last.end, x.start)), None)
            if st is None:
                st = next((x for x in s.statuses if x.side in _OPS and x.target_end <= first.start
                           and _STATUS_TO_LIST.fullmatch(low, x.target_end, first.start)), None)
            if st is None and (b := below_set().search(low, max(0, first.start - 60), first.start)) is not None:
                # "the 'laggards' list includes A, B and C": every listed ally below the threshold
                st = Status(b.start(), b.start(), b.start(), b.start(), b.start(), "lt", False, "the")
            if st is None:
                continue
            if any(x.kind == "count" and 0 < x.value <= 40 and x.end <= min(first.start, st.start) for x in s.quantities):
                return []  # "only three met the target - A, B and C": the count names the set (CLM-COUNT reads it)
            among = "among the " in low[last.end:st.start]  # ("A and B are among the few allies that meet ...")
            if any(x.kind == "pct" and x.start >= first.start and not (among and st.target_start <= x.start < st.target_end)
                   for x in s.free(("pct",))):
                return []  # "A and B also missed the goal, at 1.78 and 1.19 percent": each ally's own figure (not
                # the target's own level: "A and B are among the few allies that meet the 2% target")
            if ASPIRATION.search(text) or any(t.kind == "deadline" and not target_deadline(s, t) for t in s.times):
                return []  # "must all reach 3.5% by 2035": no data claim
            q = level_after(text, st, s.free(("pct",)))
            if q is not None:
                s.take(q)
                value = q.value
            elif st.anaphoric and s.carry.threshold is not None and s.carry.threshold[0] == GDP:
                value = s.carry.threshold[2]
            else:
                value = 2.0  # the guideline
            if value > 10:
                continue
            codes = list(dict.fromkeys(e.code for e in run))
            threshold = (GDP, st.side, value)
            s.carry.threshold = threshold
            own = [t for t in claim_times(s) if t.start >= min(st.start, first.start)]
            carried = s.carry.threshold is not None and s.carry.year is not None and not claim_times(s) \
                and not PRESENT_WORD.search(low) and not ("already" in s.words and _PRESENT_ALREADY.search(low))
            # ("In 2014 only three did. Now, A, B and C meet it", "A and B are already meeting it": today's)
            # (a set named against the threshold the sentence before counted: that count's year)
            year = own[0].year if own else s.carry.year if carried else _sentence_year(s)
            subject_list = st.start >= last.end and len(codes) <= _EACH_AT_MOST \
                and _ALL_WORD.search(low, last.end, st.start) is None and not among \
                and _ONLY_WORD.search(low, max(0, first.start - 80), first.start) is None  # ("Only A, B and C met
            # it": the exact set; "A and B are among the few allies that meet it": the set's members)
            if _EXAMPLES.search(low, st.target_end, first.start) or subject_list:
                # "allies that exceed the 2% benchmark, including A and B": examples, each ally's own claim; a short
                # list as the status's subject ("A, B and C are already hitting the mark") is each ally's claim too,
                # as real news is labelled (rules/ally_pct.py _EACH_AT_MOST); "A, B and C all ..." stays the set
                stand_in = q or Quantity(st.start, st.target_end, "pct", value, 0, st.side, text[st.start:st.target_end])
                return [Claim("ally_pct_gdp", "CLM-PCT-GDP", s, code, GDP, value, st.side, year, stand_in,
                              {"plan": year is not None and year > (s.latest_year() or year), "how": "set",
                               "negated": st.negated}, self) for code in codes]
            if st.start >= last.end and ONLY_BEFORE.search(text, max(0, first.start - 12), first.start):
                # "Only A, B and C have reached the target": the exact set, read as its count (the size of the list,
                # the named allies the ones), as "only" before a list is read elsewhere and as real news labels it
                return [_count_claim(s, GDP, st.side, value, len(codes), year, None, codes)]
            return [_all_claim(s, codes, GDP, st.side, value, year, None)]
        return []

    def _proverb_set(self, s: Sentence) -> list[Claim]:
        """A list of allies and a pro-verb for the status the text talked about ("Belgium, Canada, Italy and Spain did
        not.", "Latvia and Lithuania do too", "Only the US, Greece and Britain were in compliance."): every listed ally
        on that side of the threshold talked about before (status.proform_after); after "only", the exact set."""
        carried = carried_threshold(s)
        if carried is None or carried[0] != GDP:
            return []
        for run in _chains(s, named=True):
            first, last = run[0], run[-1]
            pf = proform_after(s.low, last.end, None, carried[1])
            if pf is None or pf.side not in _OPS or pf.side == "eq" or not _LIST_TO_PROVERB.fullmatch(s.low, last.end, pf.start) \
                    or ASPIRATION.search(s.text, max(0, first.start - 30)):  # (a demand in a clause before: "when allies
                # agreed that all members should meet 2% by 2024, only A, B and C were in compliance" still counts)
                continue
            codes = list(dict.fromkeys(e.code for e in run))
            times = claim_times(s)
            year = times[0].year if times else _sentence_year(s)
            op, value = pf.side, carried[2]
            s.carry.threshold = (GDP, op, value)
            # (the pro-verb stands for the figure: a demand in an earlier clause does not govern it)
            said = Quantity(pf.start, pf.verb_end, "count", float(len(codes)), 0, "eq", s.text[pf.start:pf.verb_end])
            if ONLY_BEFORE.search(s.text, max(0, first.start - 12), first.start):
                return [_count_claim(s, GDP, op, value, len(codes), year, said, codes)]
            return [_all_claim(s, codes, GDP, op, value, year, said)]
        return []

    def _they_are(self, s: Sentence, m: re.Match) -> list[Claim]:
        """"They are Greece, the U.S., Latvia, the U.K. and Estonia." right after a count: the set counted, named in
        full (one count, the size of the list, at the threshold and in the year of the sentence before)."""
        chains = _chains(s)
        if not chains or chains[0][0].start != m.end() or not _LIST_END.fullmatch(s.text, chains[0][-1].end):
            return []
        if s.carry.threshold is None:
            return []
        codes = list(dict.fromkeys(e.code for e in chains[0]))
        indicator, op, value = s.carry.threshold
        if indicator != GDP or op not in _OPS or op == "eq":
            return []
        year = s.carry.year if s.carry.year is not None and s.carry.paragraph == s.paragraph else s.latest_year()
        return [_count_claim(s, indicator, op, value, len(codes), year, None, codes)]

    def _only_one(self, s: Sentence, m: re.Match) -> list[Claim]:
        """"Slovenia, at 1.61%, is the only one below 2%": a count of one, at the threshold named after it."""
        text = s.text
        q = next((x for x in s.free(("pct",)) if x.start >= m.end() and not x.listed), None)
        if q is not None:
            if q.value > 10:
                return []
            s.take(q)
            threshold = (GDP, threshold_op(text, q.start, m.end(), s.low), q.value)
        elif (ref := THRESHOLD_REF.search(text, m.end())) is not None:
            if ref.group(0).lower().startswith(("that", "this")):
                if s.carry.threshold is None:
                    return []  # "under that line" with no line just talked about: unsure
                threshold = (s.carry.threshold[0], threshold_op(text, ref.start(), m.end(), s.low),
                             s.carry.threshold[2])
            else:
                threshold = (GDP, threshold_op(text, ref.start(), m.end(), s.low), 2.0)
        else:
            return []
        indicator, op, value = threshold
        if op not in _OPS or op == "eq":
            return []
        times = [t for t in s.times if t.year and t.kind not in ("since", "week", "month")]
        year = times[0].year if times else _sentence_year(s)
        return [_count_claim(s, indicator, op, value, 1, year, None)]


def _count_claim(s: Sentence, indicator: str, op: str, value: float, count: float, year: int | None,
                 stated: Quantity | None, named: list[str] | None = None) -> Claim:
    """A count of the allies at a threshold (`named`: the allies the text names as the ones counted)."""
    details = {"indicator": indicator, "op": op, "threshold": value, "allies": None, "kind": "count", "excluded": [],
               "members": None}
    if named is not None:
        details["set"] = named
    return Claim("count_at_threshold", "CLM-COUNT", s, "NATO_ALLIES", f"count({indicator}{_OPS[op]}{value:g})",
                 float(count), "eq", year, stated, details, _COUNT)


def _all_claim(s: Sentence, codes: list[str], indicator: str, op: str, value: float, year: int | None,
               stated: Quantity | None) -> Claim:
    """Every one of the allies named is at the threshold's side ("A, B and C all exceed 2%")."""
    return Claim("all_none_threshold", "CLM-ALL-NONE", s, ",".join(codes), indicator, value, f"all_{op}", year, stated,
                 {"indicator": indicator, "op": op, "threshold": value, "allies": codes, "kind": "all",
                  "excluded": []}, _COUNT)


def _stated_number(word: str) -> float | None:
    """The number a word states ("three", "3"), or None when it is no number ("only European allies")."""
    try:
        return parse_number(word)[0]
    except (ValueError, KeyError, IndexError):
        return None


def _JOIN_END(text: str, end: int) -> int:  # noqa: N802 - the end of a bracketed value after the last ally
    m = re.compile(_BRACKET).match(text, end)
    return m.end() if m else end
