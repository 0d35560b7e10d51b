"""How many allies NATO had on a date: "all 32 allies", "the 29th member", "from 12 founding members"."""

from __future__ import annotations

import re

from ...members import member_count
from ..dates import PRESENT
from ..extract import NUMBERISH, Claim, Sentence
from ..gates import Several, gated, needs_of
from ..grammar import folded, folded_pattern
from ..lexicon import rows
from ..quantities import NUMBER_WORDS, hedge_before
from ..status import verb_pattern
from .base import Rule

_N = r"(?P<n>\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w.isalpha() and w not in ("no", "none", "zero")) + ")"
# the same, hyphenated words too, after a determiner ("of the thirty-one members", "all twenty-nine allies")
_NW = r"(?P<n>\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w.replace("-", "").isalpha()
                                   and w not in ("no", "none", "zero")) + ")"
_OF_ITS = r"(?:of\s(?:its|their|the|NATO['’]s|the\salliance['’]s)\s)?"  # "all 32 of its members"
_WHO = r"(?:NATO\s|alliance\s)?(?:allies|members|member states|member countries|member nations|countries|leaders|nations|heads of state)"
# lexicon/en/member_count.csv: what a membership belongs to ("the bloc's 27 members", "the 31-strong club"), the
# words of a size adjective ("32-strong", "29-member"), and the words that make a number a count ("a record 23")
BODY_WORDS = tuple(r["word"] for r in rows("member_count") if r["kind"] == "body")
# "17 NATO member countries intend to put at least 2% into defence": a count of the allies that plan it (lexicon plan_verb rows)
_PLAN_PREDICATE = re.compile(r"\s(?:now\s|still\s|also\s|all\s)?(?:" + "|".join(r["word"] for r in rows("member_count")
                                                                        if r["kind"] == "plan_verb")
                             + r")\s(?:\w+\s)?(?:spend|meet|reach|hit|allocate|devote|invest|put|raise|increase|boost|exceed|top)\b")
# a bare number of allies as the subject of a change of their spending (folded text, after the noun): "16 NATO
# countries not only stopped cuts but increased expenditures", "20 NATO members raised spending in real terms"
_CHANGE_PREDICATE = re.compile(r"\s(?:(?:have|had|has|also|all|now|not\sonly|already)\s)*(?:stopped|halted|increased|raised|boosted|"
                               r"lifted|cut|reduced|slashed|trimmed)\s(?:[\w'’-]+\s){0,3}?(?:cuts|spending|budgets?|expenditures?|"
                               r"outlays)\b")
# after "the eleventh member" or "one of the 23 allies": a verb of meeting a threshold ("to reach 2%", "meeting the
# target"): a count, not the membership (folded text)
_MEETING_AFTER = re.compile(r"\s(?:(?:to|that|which|who)\s(?:\w+\s)?(?:meet|reach|hit|achieve|exceed|clear|spend)\w*"
                                    r"|(?:meeting|reaching|hitting|exceeding)\b)")
# after "the 16th member": a place in a ranking ("that most invests", "in terms of spending"; lexicon member_count.csv,
# kind ordinal_place): a rank, no membership (folded text)
# "nine allies, among them Poland, reached 2%": an aside naming some of the counted allies (lexicon
# example_aside rows), skipped before reading the verb that makes a bare number a count (folded text)
_EXAMPLE_ASIDE = re.compile("|".join(r["word"] for r in rows("member_count") if r["kind"] == "example_aside"))
_ORDINAL_PLACE_AFTER = re.compile("|".join(r["word"] for r in rows("member_count") if r["kind"] == "ordinal_place"))
# "the 28-nation bloc" in a sentence about the European Union: that body's membership, not NATO's
_OTHER_BODY = re.compile(r"(?:" + "|".join(r["word"] for r in rows("member_count") if r["kind"] == "other_body") + r")")
_BLOC_WORDS = ("bloc", "union", "club")
SIZE_WORDS = tuple(r["word"] for r in rows("member_count") if r["kind"] == "size")
_BODY = "|".join(sorted(BODY_WORDS, key=len, reverse=True))
_SIZE = "|".join(sorted(SIZE_WORDS, key=len, reverse=True))
COUNT_MARKER = re.compile(r"\b(?:" + "|".join(sorted((re.escape(r["word"]) for r in rows("member_count")
                                                      if r["kind"] == "count_marker"), key=len, reverse=True))
                          + r")\s$", re.I)
# a verb of founding the alliance (lexicon founding_verb rows): "created in 1949 by 12 countries", "12 nations founded NATO"
_FOUNDED = "|".join(r["word"] for r in rows("member_count") if r["kind"] == "founding_verb")
_FOUNDERS = r"(?:countries|nations|states|allies|members|democracies)"
PATTERNS = [
    (re.compile(rf"\b{_N}(?:st|nd|rd|th)\s(?:member|ally)\b", re.I), "ordinal"),
    (re.compile(rf"\ball\s{_NW}\s{_OF_ITS}{_WHO}", re.I), "all"),
    (re.compile(rf"\b{_N}\sfounding\s(?:members|allies|nations|countries)", re.I), "founding"),
    # (only beside the year 1949: "the initiative was created by 12 countries" is not the alliance)
    (re.compile(rf"\b(?:{_FOUNDED})\s(?:(?:back\s)?in\s1949\s)?by\s(?:the\s)?{_N}\s(?:\w+\s)?{_FOUNDERS}\b", re.I), "founded_by"),
    (re.compile(rf"\b{_N}\s(?:\w+\s)?{_FOUNDERS}\s(?:(?:back\s)?in\s1949\s)?(?:{_FOUNDED})\s(?:nato|the\s(?:\w+\s)?alliance)\b",
                re.I), "founding"),
    (re.compile(rf"\bfrom\s{_N}\s(?:members|allies)", re.I), "from"),
    (re.compile(rf"(?:(?<!our\s)\bthe\s(?:alliance's\s)?|\bNATO['’]?s\s)(?:then[\s-]|current\s|present\s)?{_NW}\s{_WHO}", re.I), "the"),
    (re.compile(rf"(?<!\w)(?<!our\s){_N}\sNATO\s(?:allies|members|member states|countries|states|nations|parties)", re.I), "the"),
    (re.compile(rf"^{_N}:\s(?:allies|members)\s(?:today|now|in NATO|of NATO|of the alliance)", re.I), "the"),
    # "Germany's 31 allies", "the U.S.' 27 partners": the members besides that ally (read with _of_an_ally)
    (re.compile(rf"[a-z.]['’]s?\s{_N}\s(?:fellow\s)?(?:allies|partners)\b", re.I), "the"),
    (re.compile(rf"^{_N}:\sthe\snumber\sof\s(?:allies|members)\b", re.I), "the"),
    # "in 2014, when there were 28 members", "there are now 32 allies"
    (re.compile(rf"\bthere\s(?:are|were)\s(?:now\s|then\s|currently\s|still\s|only\s)?{_N}\s(?:NATO\s)?(?:members|allies"
                r"|member states|member countries|member nations)\b", re.I), "the"),
    (re.compile(rf"\b(?:has|have|had|counts|counted|numbers|numbered|of)\s(?!our\s)(?:\w+\s)?{_N}\s(?:current\s)?(?:NATO\s)?(?:members|allies|member states|member countries|member nations"
                r"|countries members|states members)\b",  # ("of 29 countries-members": translated copy's word order)
                re.I), "the"),
    (re.compile(rf"\b{_N}-(?:{_SIZE})\s(?:[\w-]+\s){{0,2}}(?:{_BODY})\b", re.I), "the"),
    # the same adjective written without its hyphen ("the 28 nation alliance", "a 30 member bloc"): the singular size
    # word right before the body, one adjective at most between, and no member noun after it ("23 member countries of
    # NATO", "18 member NATO states" count allies)
    (re.compile(rf"\b{_N}\s(?:{_SIZE})\s(?:(?!of\b|in\b|states\b|countries\b|nations\b)[\w-]+\s)?(?:{_BODY})\b"
                r"(?!['’]|\s(?:allies|members|member|countries|nations|states)\b)", re.I), "the"),
    (re.compile(rf"\bto\s{_N}(?=\s*(?:[.,;]|$|\smembers|\sallies|\sin\s))", re.I), "to"),
]
# a count made conditional ("if Sweden joins, NATO will have 32 members"): yes/no on Sentence.low
_CONDITIONAL = gated(re.compile(r"\b(?:if|once|will have|would have|will become|would become|expected to become|could)\b"))
# where a conditional reaches a membership number (on the folded text): a condition before it ("if Sweden joins, NATO
# will have 32 members", "once Finland is in, the 31 allies ..."), a modal form right before it ("would become the 32nd
# member"), or a condition after it in its own clause ("NATO will count 32 members if Sweden joins"); not a condition in
# a later clause ("23 of the 28 members have not met 2%, arguing that the alliance would have had $119bn more if ...")
_CONDITION_BEFORE = re.compile(r"\b(?:if|once)\b")
_MODAL_BEFORE = re.compile(r"\b(?:will have|would have|will become|would become|expected to become|could)\b[^,;.]{0,40}$")
_CONDITION_AFTER = re.compile(r"[^,;.]{0,60}?\b(?:if|once)\b")


def _conditional_at(low: str, at: int, end: int) -> bool:
    return _CONDITION_BEFORE.search(low, 0, at) is not None or _MODAL_BEFORE.search(low, max(0, at - 60), at) is not None \
        or _CONDITION_AFTER.match(low, end) is not None
WORDS = {w: v for w, v in NUMBER_WORDS.items()}
_DIGIT = re.compile(r"\d")
# "nine of the bloc's 28 members", "the military alliance's 29 members", "NATO's 32 member nations", "the
# alliance's 28 leaders": the membership named after the body's possessive (on the folded text)
OF_THE_GROUPS_N = re.compile(rf"\b(?:{_BODY})['’]s\s(?:then\s)?{_N}\s(?:nato\s)?"
                             r"(?:allies|members|member states|member nations|member countries|nations|countries|leaders"
                             r"|heads of (?:state|government))\b")
# "19 allies out of 31", "23 NATO countries out of 32": the number after "out of" is the membership (what follows
# it: the end of the clause, a member noun or a verb)
# a number from ten to forty, hyphenated words too ("thirty-one")
_NH = r"(?P<n>\d{1,2}|" + "|".join(sorted((w for w in NUMBER_WORDS if w.replace("-", "").isalpha() and w not in ("no", "none", "zero")),
                                          key=len, reverse=True)) + ")"
OUT_OF_M = re.compile(rf"\bout\sof\s(?:the\s)?{_NH}(?=\s*(?:[.,;:)!?]|$)|\s(?:nato\s|alliance\s)?(?:allies|members|member|countries|"
                      r"nations)\b|\s(?:are|were|is|will|would|have|had|meet|met|reach|reached|hit|spend|spent|now|already|"
                      r"currently|in|this|last|passed|exceeded|surpassed|topped|cleared|achieved|kept|fulfilled|did|do|fell|missed)\b)")
# what must stand right before "out of M" when no member noun follows M: a member noun ("19 allies out of 31") or a
# bare count after a colon ("Few members meet it: eleven out of thirty-one")
_OUT_OF_BEFORE = re.compile(r"(?:\b(?:allies|members|countries|nations|states),?\s|:\s(?:only\s|just\s)?[\w-]+\s)$")
_NOUN_AFTER_M = re.compile(r"\s(?:nato\s|alliance\s)?(?:allies|members|member|countries|nations)\b")
# "23 NATO countries out of 32 ...": the number before "out of" is a count of allies, not the membership
_OUT_OF_AFTER = re.compile(r"(?:\s(?:nato\s)?(?:allies|members|countries|nations|member states))?,?\sout\sof\s")
# a membership after a count with "countries" or "nations" (N_OF_M_NATIONS below) is read only where the sentence
# speaks of NATO or a threshold: "14 of 25 countries surveyed" in a poll is no membership
_NATO_TALK = re.compile(r"\b(?:nato|alliance|allies|allied|guideline|target|goal|threshold|benchmark)\b|%|\bper\s?cent\b")
# "Germany's 1.36% left it 17th of 29": a place out of the membership; "bringing membership to 32"
PLACE_OF_M = re.compile(rf"(?<!\w)\d\d?(?:st|nd|rd|th)\s(?:of|out of|among)\s(?:the\s)?{_NH}"
                        r"(?=\s*(?:[.,;)]|$)|\s(?:nato\s)?(?:allies|members|countries|nations)\b|\sin\s(?:nato|the alliance)\b)")
# "only nine of the 30 are currently doing so", "12 of the 31 have met it": a count of the membership with no noun, a
# verb after it (folded text)
OF_THE_M_VERB = re.compile(rf"\b(?:\d{{1,2}}|[a-z]+(?:-[a-z]+)?)\s(?:out\s)?of\s(?:the|its)\s{_NH}(?=\s(?:are|were|have|had|has|will"
                           r"|would|now|currently|still|already|do|did|meet|met|reach|reached|hit|spend|spent)\b)")
# "(15 of 29 countries)", "only five of 28 nations meet it": a count of the membership with "countries" or "nations"
# and no "the" (a count before it, a membership NATO has had since 1982; folded text)
_COUNT_WORD = "|".join(sorted((w for w, v in NUMBER_WORDS.items() if w.replace("-", "").isalpha() and 1 <= v <= 40),
                              key=len, reverse=True))
_MEMBERSHIP_WORD = "|".join(sorted((w for w, v in NUMBER_WORDS.items() if w.replace("-", "").isalpha() and 16 <= v <= 40),
                                   key=len, reverse=True))
N_OF_M_NATIONS = re.compile(rf"\b(?:\d{{1,2}}|{_COUNT_WORD})\s(?:out\s)?of\s(?P<n>1[6-9]|[23]\d|{_MEMBERSHIP_WORD})\s(?:nato\s)?"
                            r"(?:countries|nations)\b")
_PAYING_WORDS = frozenset({"pay", "paying", "pays", "share"})  # "nine of the 29 are paying what they should"
# "seven allied countries (now 31)": the membership on the date, as an aside after the count's noun
NOW_N = re.compile(r"(?:allies|members|countries|nations|states)\s\(now\s(?P<n>\d\d)\)")
# "bringing membership to 32", "NATO's membership rose to 32", "membership now stands at 32"
MEMBERSHIP_TO = re.compile(rf"\bmembership\s(?:now\s|currently\s)?(?:(?:has\s|now\s)?(?:rose|risen|grew|grown|increased|expanded|climbed|jumped"
                           rf"|swelled|stands|stood)\s)?(?:to|at|of)\s{_NH}\b")  # ("with membership now at 30")
# "the alliance, which grew to 32 members with Sweden": the membership on the date
GREW_TO = re.compile(rf"\b(?:grew|grown|expanded|swelled|swollen)\sto\s{_NH}\s(?:members|allies|nations|countries)\b")
# "NATO, now 32 members strong": the membership
MEMBERS_STRONG = re.compile(rf"\b{_N}\s(?:members|allies|nations|countries|member states)\sstrong\b")
# a member noun restricted by a threshold predicate: the set of allies meeting something, not the membership
# "nine of the 30 allies meeting it": the predicate belongs to the count (nine), so 30 is the membership
# "all 29 members pledged in 2014 to ...": the year of a pledge, not the time of the membership named
_PLEDGED_IN = re.compile(r"\b(?:pledged|agreed|committed|promised|vowed|decided|signed up)(?:\s(?:back\s)?in)?\s$", re.I)
# "In 2014, member countries pledged to ...": the year of a pledge named before its verb
_PLEDGED_AFTER = re.compile(r",?\s(?:[\w-]+\s){0,3}(?:pledged|promised|committed|agreed|vowed)\b", re.I)
# the number's noun is the subject of a threshold predicate: "20 NATO members are expected to meet 2%"
_PREDICATED = re.compile(r"\s(?:are|were)\s(?:now\s|already\s|still\s)?(?:expected|set|projected|forecast|on track|on course|"
                         r"likely|due)\sto\s|\s(?:will|would|to)\s(?:increase|raise|boost|spend|meet|reach|hit|cut|exceed)")
_THE_BEFORE = re.compile(r"(?:\bthe|\bits|\btheir|['’]s)\s$")  # "the 29 allies will ...", "NATO's 32 members will ...": the membership
_HEDGED = re.compile(r"\b(?:more than|over|fewer than|less than|nearly|almost|at least)\s$")
_ONE_OF = re.compile(r"\b(?:one of|among)\s$", re.I)  # "one of 24 allies in the table"
_ONE_OF_THE = re.compile(r"\b(?:one\sof|among)\sthe\s$")  # (folded text)
_COUNT_BEFORE = re.compile(r"\b(?!one\b)[\w-]+\s(?:out\s)?of\s(?:the\s|its\s)?(?:(?:[\w-]+\s)?[\w]+['’]s\s|natos\s)?$", re.I)
RESTRICTED_SET = re.compile(r"\s(?:(?:that|which|who|whose\s(?:defen[cs]e\s|military\s)?(?:spending|budgets?|outlays?|expenditures?))"
                            # (up to three words before the verb: "who still haven't met", "which failed to meet")
                            r"\s(?:are\s|were\s|is\s|have\s|had\s|has\s)?(?:[\w'’]+\s){0,3}"
                            r"(?:meet|reach|hit|met|spend|exceed|miss)\w*|(?:now\s|already\s|still\s)?(?:expected|set|"
                            r"projected|forecast|on track|likely|due) to\s|meeting|reaching|hitting|spending at least|"
                            r"spending the (?:most|least)|(?:with\sthe\s)?(?:highest|lowest|biggest|largest|smallest)\s|"
                            r"at or above|above|below|missing|falling short"
                            # "the 23 allies at 2 percent", "now spending 2 percent", "on track": a set at a threshold
                            r"|(?:now|already|still|currently)\s(?:meeting|reaching|hitting|spending|exceeding|at)\b"
                            r"|at\s(?:least\s|or over\s)?\d|spending\s(?:at least\s|more than\s|over\s)?\d|on (?:track|course)\b)",
                            re.I)
# "22 NATO allies will increase spending": without a determiner, allies doing something are a count ("the 32 allies
# will raise spending" stays the membership)
COUNT_PREDICATE = re.compile(r"\swill\s(?:\w+\s)?(?:increase|raise|boost|hit|reach|exceed|miss|fall short|spend\s(?:at least|"
                             r"more|less|over|under|\d))")
_DETERMINER_BEFORE = ("the ", "all ", "'s ", "’s ", "its ", "then ")
# the adverbs between a bare count's noun and its verb of meeting or missing ("Ten NATO members now meet 2%")
# (and a negated auxiliary: "21 NATO countries didn't reach 2%")
_ADVERBS_TO_STATUS = re.compile(r"\s(?:(?:now|already|still|currently|also|each|both|all|finally|jointly|this\syear|last\syear"
                                r"|(?:do|does|did|have|has|had)(?:\snot|n['’ʼ]t))\s)*")
# a bare number of allies spending at a level: "23 NATO countries spend at least 2 percent", "Twenty NATO members
# devote over 2%": a count of the allies at that level, not the membership (folded text, after the adverbs)
_SPEND_AT_LEVEL = re.compile(r"(?:spend|spent|spending|allocate|allocated|devote|devoted|put|invest|invested)s?\s"
                             r"(?:at\sleast|more\sthan|over|above|under|less\sthan|below|nearly|almost|\d)")
# restrictions that hold whoever the predicate belongs to: "the 29 allies with armed forces", "the 31 allies in
# NATO's new table", "the 30 allies NATO lists at ..."
RESTRICTED_ALWAYS = re.compile(r"\s(?:with\b|(?:listed\s)?in\s(?:nato's\s|the\s)(?:[\w-]+\s){0,2}(?:tables?|figures|data"
                               r"|report|list|estimates)|(?:that\s)?(?:nato|the alliance)\s(?:lists|counts|puts|names))",
                               re.I)


# "its 28 NATO partners", "their 31 fellow allies": the members besides the one named before (kind "others")
# ("the other 27 partners", "all the other 31 allies": the members besides the one talked about)
# ("all other 29 NATO partners", "the remaining 30 countries in the alliance": the members besides the one talked
# about; "countries" and "nations" only of NATO: "NATO countries", "countries in the alliance"; "the 29 other NATO
# members": "other" after the number)
OTHERS_N = re.compile(rf"\b(?:(?:its|their)\s(?=\S+\s(?:nato|fellow)\s)|(?:all\s)?the\s(?:other|remaining)\s|all\sother\s"
                      r"|the\s(?=\S+\sother\s))"
                      rf"{_N}\s(?:other\s)?(?:(?:nato\s|fellow\s)?(?:partners|allies|members|member\s(?:states|countries|nations))\b"
                      r"|nato\s(?:countries|nations|states)\b|(?:countries|nations|states)\s(?:in|of)\s(?:the\s)?(?:alliance|nato)\b)")
# the number before "other": "the 29 other NATO members", "its 31 other allies" (the members besides the one talked about)
N_OTHERS = re.compile(rf"\b(?:the|its|their)\s{_N}\sother\s(?:(?:nato\s|fellow\s)?(?:partners|allies|members|member\s(?:states|"
                      r"countries|nations))\b|nato\s(?:countries|nations|states)\b)")
# what NATO is made of: "an alliance of 30 European and North American countries", "the bloc comprises 31
# democracies", "an alliance between the US and Canada and 26 other European countries" (the allies named before the
# number are members too: the membership is the number plus them; kind "composed"). The number is 10 to 40.
_N10 = r"(?P<n>[1-4]\d|" + "|".join(w for w, v in NUMBER_WORDS.items() if w.replace("-", "").isalpha() and 10 <= v <= 40) + ")"
COMPOSED_OF = re.compile(r"\b(?:(?:alliance|organi[sz]ation|bloc|pact)\s(?:of|between|among|uniting|(?:that|which)\sunites"
                         r"|bringing\stogether|(?:that|which)\sbrings\stogether)|comprises|comprising|consists\sof|consisting\sof"
                         r"|made\sup\sof|brings\stogether|unites)\s(?:(?:[^.;:]|\.(?=\w)){0,60}?\s)?" + _N10
                         + r"\s(?:other\s)?(?:[\w-]+\s){0,4}?(?:countries|nations|states|members|allies|democracies)\b", re.I)
# "NATO ... instructed its 28 member countries": the body's own membership (an ally has no members)
ITS_MEMBERS_N = re.compile(rf"\b(?:its|their)\s{_N}\s(?:member\s(?:countries|states|nations)|members)\b")
_POSSESSIVE_TAIL = re.compile(r"['’]s?\s(?:then\s)?$")


def _of_an_ally(s: Sentence, at: int) -> bool:
    """An ally's possessive right before the number at `at`: "the U.S.' 27 NATO allies", "Germany's 31 partners"
    are the members besides that ally."""
    return any(e.is_ally and e.end < at <= e.end + 8 and _POSSESSIVE_TAIL.match(s.text, e.end, at) is not None
               for e in s._subjects)


def _past_aside(low: str, end: int) -> int:
    """Where the predicate of the noun ending at `end` starts: after an aside of examples, if one follows."""
    aside = _EXAMPLE_ASIDE.match(low, end)
    return end if aside is None else aside.end()


def _value(text: str) -> int:
    return int(text) if text.isdigit() else WORDS[folded(text)]

# every pattern needs a number from 10 to 40 (its group n): a standalone two-digit run, or a word from ten up (an
# ordinal suffix may follow it: "the thirteenth member") beside a digit or a number word
# (?<!\w)\d\d(?!\d) written digit first, the look-behind after it (it sees the character before the run): the
# engine skips from digit to digit instead of trying every position
_TWO_DIGITS = re.compile(r"\d(?<!\w\d)\d(?!\d)")
_TENS_TOKENS = frozenset(w + suffix for w, v in NUMBER_WORDS.items() if w.isalpha() and v >= 10
                         for suffix in ("", "st", "nd", "rd", "th"))


def _may_name_ten_to_forty(s: Sentence) -> bool:
    if s.has_number and _TWO_DIGITS.search(s.text):
        return True
    return not s.tokens.isdisjoint(_TENS_TOKENS) and (s.has_number and _DIGIT.search(s.text) is not None
                                                      or not s.words.isdisjoint(NUMBERISH))


# every reading of the membership, in the order they claim a number (the first to read a number keeps it), each
# behind the literals its matches need (claims.gates), on Sentence.low (grammar.folded_pattern for the re.I ones)
_FROM_FOUNDING = re.compile(r"\bfrom\s\S+\sfounding\s(?:members|allies)", re.I)
_TO_N = PATTERNS[-1][0]  # "from 12 founding members to 32": read only beside _FROM_FOUNDING (else "to 20 allies" is no membership)
SCANS = [(gated(regex), kind) for regex, kind in [
    (OTHERS_N, "others"),
    *((folded_pattern(regex), kind) for regex, kind in PATTERNS),
    (OF_THE_GROUPS_N, "the"), (OUT_OF_M, "the"), (MEMBERS_STRONG, "the"), (NOW_N, "now"),
    (MEMBERSHIP_TO, "now"),  # the result of the joins named: the membership on the date
    (GREW_TO, "now"),
    (PLACE_OF_M, "the"), (ITS_MEMBERS_N, "the"), (OF_THE_M_VERB, "the"), (N_OF_M_NATIONS, "the"),
    (folded_pattern(COMPOSED_OF), "composed"), (N_OTHERS, "others"),
]]
_TO_SCAN = SCANS[len(PATTERNS)]
assert _TO_SCAN[0].pattern.pattern == folded_pattern(_TO_N).pattern
_KIND = {id(gate): kind for gate, kind in SCANS}
_SCANS_ASKED = Several([gate for gate, _ in SCANS])
# what a sentence needs for any scan to match (the "to" scan is read only beside a founding membership)
NEEDS = needs_of(*(g for g, _ in SCANS if g is not _TO_SCAN[0]))


# "there are now 31 NATO countries": the membership on the date, whatever year the sentence named before
_NOW_BEFORE = re.compile(rf"\b(?:{PRESENT})\s(?:\w+\s)?$")


_THRESHOLD_WORDS = ("target", "guideline", "goal", "benchmark", "mark", "%", "percent", "per cent", "spend")


def _counted(text: str, low: str, at: int, end: int) -> bool:
    """The number at `at` (its match ending at `end`) is a count of allies, not the membership: a comparative
    hedge before it ("more than 20 allies", "over 20 members": a membership is exact), a count marker ("a record
    23 allies") or "out of" after it ("23 NATO countries out of 32": the 32 is the membership)."""
    if hedge_before(text, at, low) in ("gt", "ge", "lt", "le"):
        return True
    if COUNT_MARKER.search(low, max(0, at - 14), at) and any(w in low for w in _THRESHOLD_WORDS):
        return True  # (not "the summit gathered a record 32 NATO members": a record membership, no threshold talked about)
    return "out" in low[end:end + 30] and _OUT_OF_AFTER.match(low, end) is not None


# a year and a relative clause of time telling that year's state, ending right before the membership number ("from
# 2021, where only six of the", "since 2014, when just three of nato's"; folded text)
_THEN_CLAUSE = re.compile(r"\b(?:from|since|in|back\sin|with|to)\s(?P<y>(?:19|20)\d\d),?\s(?:when|where|in\swhich|at\swhich"
                          r"\spoint)\s(?:(?:only|just|a\smere|barely|some|about|around|nearly|[a-z-]+|\d{1,2})\s){1,3}"
                          r"(?:out\s)?of\s(?:the\s|its\s|nato['’]s\s|the\salliance['’]s\s|the\sbloc['’]s\s)?$")


class MemberCountRule(Rule):
    type = "member_count"
    code = "CLM-MEMBERS"
    needs = (NEEDS,)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question or not _may_name_ten_to_forty(s):
            return []
        text, low = s.text, s.low
        conditional = _CONDITIONAL.search_words(low, s.tokens) is not None
        out, seen = [], set()
        has_from = "founding" in low and _FROM_FOUNDING.search(text)
        data_years = None  # worked out when a membership is read (most sentences read none)
        for gate in _SCANS_ASKED.which(low, s.tokens):  # in SCANS order: the first scan to read a number keeps it
            if gate is _TO_SCAN[0] and not has_from:
                continue
            kind = _KIND[id(gate)]
            for m in gate.scanner.finditer(low):  # group "n" is read folded: _value folds it anyway
                n = _value(m.group("n"))
                at = m.start("n")
                if not 10 <= n <= 40 or at in seen:
                    continue
                seen.add(at)
                pred = _past_aside(low, m.end())  # where the number's predicate starts (past an aside of examples)
                if conditional and _conditional_at(low, at, m.end()):
                    continue  # "if Sweden joins, NATO will have 32 members": no membership on record
                if gate.pattern is OUT_OF_M and not _NOUN_AFTER_M.match(low, m.end("n")) \
                        and not _OUT_OF_BEFORE.search(low, max(0, m.start() - 40), m.start()):
                    continue  # "12 out of 30 are grounded": no member noun, no membership
                if kind == "the" and _ONE_OF.search(text, max(0, at - 12), at):
                    continue  # "is one of 24 allies in the July table": a listed set, not the membership
                if kind == "the" and _ONE_OF_THE.search(low, max(0, at - 16), at) and _MEETING_AFTER.match(low, m.end()):
                    continue  # "Finland is one of the 23 allies to reach 2%": the allies at the threshold, counted
                if kind == "founded_by" and "1949" not in low:
                    continue
                if kind not in ("founding", "founded_by") and _counted(text, low, at, m.end()):
                    continue  # "more than 20 NATO allies", "a record 23 allies out of 32": a count, not the membership
                if kind == "the" and COUNT_PREDICATE.match(low, pred, pred + 60) \
                        and not low.endswith(_DETERMINER_BEFORE, max(0, at - 6), at) \
                        and not _COUNT_BEFORE.search(text, max(0, at - 40), at):
                    continue  # "22 NATO allies will increase spending": a count (but "20 out of 29 NATO members will not
                    # reach 2%": the predicate is the count's, 29 the membership)
                if kind == "the" and not low.endswith(_DETERMINER_BEFORE, max(0, at - 6), at) \
                        and not _COUNT_BEFORE.search(text, max(0, at - 40), at) \
                        and (adv := _ADVERBS_TO_STATUS.match(low, pred)) is not None \
                        and (verb_pattern().match(low, adv.end()) is not None
                             or _SPEND_AT_LEVEL.match(low, adv.end()) is not None):
                    continue  # "Ten NATO members now meet 2%", "12 NATO allies missed the target": a count of the
                    # allies at the threshold (a verb of meeting or missing, status.py), not the membership
                if kind == "the" and _CHANGE_PREDICATE.match(low, pred) \
                        and not low.endswith(_DETERMINER_BEFORE, max(0, at - 6), at) \
                        and not _COUNT_BEFORE.search(text, max(0, at - 40), at):
                    continue  # "16 NATO countries not only stopped cuts but increased spending": some allies, counted
                if gate.pattern is N_OF_M_NATIONS and (_NATO_TALK.search(low) is None or _value(
                        low[m.start():m.end()].split()[0]) >= n):
                    continue  # "14 of 25 countries surveyed" with no word of NATO: another body's countries
                if gate.pattern is OF_THE_M_VERB and not (s.carry.threshold or s.carry.pledge or s.statuses
                                                          or any(q.kind == "pct" for q in s.quantities)
                                                          or not s.words.isdisjoint(_PAYING_WORDS)):
                    continue  # "nine of the 30 are doing so" with no threshold named or talked about: not surely NATO's
                if kind == "ordinal" and (_MEETING_AFTER.match(low, m.end()) or _ORDINAL_PLACE_AFTER.match(low, m.end())):
                    continue  # "Hungary became the eleventh member to reach 2%": a count at a threshold, no membership;
                    # "Portugal is the 16th member that most invests": a place in a ranking
                if kind == "the" and _PLAN_PREDICATE.match(low, pred) \
                        and not low.endswith(_DETERMINER_BEFORE, max(0, at - 6), at) \
                        and not _COUNT_BEFORE.search(text, max(0, at - 40), at):  # ("10 out of 30 NATO countries plan to")
                    continue  # "17 NATO member countries intend to put at least 2% into defence": a count of the allies planning it
                if kind == "the" and low.endswith(_BLOC_WORDS, 0, m.end()) and _OTHER_BODY.search(low) \
                        and "nato" not in low and "alliance" not in low:
                    continue  # "Britain out of the 28-nation bloc" (the European Union): another body's membership
                if _HEDGED.search(low, max(0, at - 16), at) or kind not in ("all", "others") and _PREDICATED.match(low, pred) \
                        and not _COUNT_BEFORE.search(text, max(0, at - 40), at) and not _THE_BEFORE.search(low, 0, at):
                    continue  # "more than 20 NATO members", "20 NATO members are expected to meet 2%": a count
                # (a size adjective, "the 29-member alliance that ...", is the membership whatever follows; so is "all
                # 32 members" when 32 is the membership on the date: "all 32 members at or above 2%" is the whole of it)
                if kind not in ("founding", "founded_by", "now") and low[m.end("n"):m.end("n") + 1] != "-" \
                        and not (kind == "all" and n == member_count(s.today)) and (
                        RESTRICTED_ALWAYS.match(text, m.end(), m.end() + 60) or (
                        RESTRICTED_SET.match(text, m.end(), m.end() + 60)
                        and not _COUNT_BEFORE.search(text, max(0, at - 40), at))):
                    continue  # "the 15 allies expected to reach 2%": a count of allies meeting it, not the membership
                for j, q in enumerate(s.quantities):
                    if q.start <= at < q.end:
                        s.used.add(j)
                if kind in ("founding", "founded_by"):
                    out.append(self.claim(s, "NATO", "member_count", n, "eq", 1949, kind="founding"))
                    continue
                if kind == "composed":  # "an alliance of the US, Canada and 26 other European countries": 28
                    named = sorted({e.code for e in s.entities if e.is_ally and m.start() <= e.start < at})
                    out.append(self.claim(s, "NATO", "member_count", n + len(named), "eq", s.today.year, kind=kind,
                                          **({"formula": f"{n} + {', '.join(named)} named before it"} if named else {})))
                    continue
                if kind == "others" or kind == "the" and ("'" in text or "’" in text) and _of_an_ally(s, at):
                    out.append(self.claim(s, "NATO", "member_count", n, "eq", s.today.year, kind="others"))
                    continue
                if data_years is None:
                    # the years that can date the membership: not the year of a meeting where something was agreed
                    # ("the standard agreed at the 2014 summit", Sentence.data_times), nor of a pledge ("all 29
                    # members pledged in 2014")
                    data_years = [t for t in s.data_times if t.kind in ("year", "last_year", "this_year")
                                  and not _PLEDGED_IN.search(text, max(0, t.start - 24), t.start)
                                  and not _PLEDGED_AFTER.match(text, t.end)]
                # the first year named in the number's clause governs (the current year is the date's membership)
                data_year = next((t.year for t in data_years if ";" not in text[min(t.end, at):max(t.start, at)]),
                                 None)
                if data_year is not None and data_year >= s.today.year:
                    data_year = None
                if kind in ("the", "all") and "20" in low and (then := _THEN_CLAUSE.search(low, max(0, at - 90), at)) is not None:
                    # "up from 2021, when only six of the 30 allies met it": the clause tells that year's state, so
                    # the membership is that year's only (not also the date's, as a bare "in 2021, six of 32" may be)
                    out.append(self.claim(s, "NATO", "member_count", n, "eq", int(then.group("y")), kind="then"))
                    continue
                if kind == "ordinal" and data_year is None:
                    # "North Macedonia became NATO's 30th member in 2020": the year of that accession, also this year's
                    data_year = next((t.year for t in data_years if ";" not in text[min(t.end, at):max(t.start, at)]),
                                     None)
                if data_year is not None and kind in ("the", "all", "ordinal") \
                        and not _NOW_BEFORE.search(low, max(0, at - 24), at):
                    # "In 2015, only four of 28 members met the target": the year governs the membership too
                    out.append(self.claim(s, "NATO", "member_count", n, "eq", data_year, kind="in_year"))
                else:
                    out.append(self.claim(s, "NATO", "member_count", n, "eq", s.today.year, kind=kind))
        return out
