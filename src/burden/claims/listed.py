"""A value written right after an ally's name in a list of allies' figures: "Latvia (2.1%)", "Lithuania second
(4.0%)", "Greece: 3.76 per cent", "Finland's 21.4", "Sweden with 8.5%", "Norway, at 12.1", "Poland - 3%", "Poland
4.3,", "Spain, Belgium (both with 0.93%)", "Estonia up 4.1% in 2019".

One reader (`value_after`) for every rule that reads such lists: the values extract marks `listed` (an ally's % of
GDP), the real changes listed after a first one (rules/real_change.py) and the shares of allied spending listed after
a first share (rules/share.py). It says what it saw -- how the value is glued to the name, whether a unit, a decimal
point, a closing bracket, a year and a list stop follow -- and each rule says which of those it accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# how the value is glued to the name before it, tried in this order (each needs a digit after it):
#   bracket     "Latvia (2.1%)", "Lithuania second (4.0%)", "Poland - (3%)", "(both with 0.93%)", "(est. 1.9%)"
#   colon       "Greece: 3.76%"          possessive  "Finland's 21.4"      dash  "Poland - 3%", "Italy — 1.5%"
#   with        "Sweden with 8.5%"       at          "Poland at 4.1", "Norway, at 12.1"
#   move        "Estonia up 4.1%"        bare        "Poland 4.3,"
# then an approximating word ("Britain (about 6 pct)") and the number
_VALUE_AFTER = re.compile(
    r"(?:(?P<bracket>(?P<lead>(?:\s[—–-])?(?P<word>\s[a-z]+)?)\s?\(\s?"
    r"(?P<shared>(?:both|each|all(?:\s(?:two|three|four))?)(?:\s(?:with|at|on))?\s)?(?P<est>est\.?\s|estimated\s)?)"
    r"|(?P<colon>:)|(?P<possessive>['’]s)|(?P<dash>\s[—–-])|(?P<with>\swith)|(?P<at>(?P<comma>,)?\sat)"
    r"|(?P<move>\s(?:up|down))|(?P<bare>(?=\s)))"
    r"(?P<space>\s)?(?P<approx>(?:about|around|roughly|nearly|almost|some|approximately)\s)?"
    r"(?P<v>\d{1,3}(?:\.\d{1,2})?)(?P<unit>\s?%|\s?(?:per\s?cent|percent)|\s?pct?\b)?"
    r"(?P<each>\s(?:each|apiece))?(?P<close>\s?\))?(?:\s(?:in|for)\s(?P<year>(?:19|20)\d\d))?"
    # what follows: a list stop (punctuation, "and", "each", a clause word) or the end
    r"(?:(?=(?P<stop>\s?[,;.)]|\s(?:and|each|while|respectively|in|for)\b|$)))?")
GLUES = ("bracket", "colon", "possessive", "dash", "with", "at", "move", "bare")


@dataclass(frozen=True)
class ListedValue:
    start: int  # the number's offsets in the text
    end: int
    number: str  # the number as written ("2.1")
    glue: str  # one of GLUES
    end_all: int  # where the whole reading ends (after a unit, "each", a closing bracket, a year)
    spaced: bool  # white space between the glue and the number ("Greece: 3.76", not "Greece:3.76")
    unit: str  # "%", "per cent", "pct" as written, "" when none
    approx: str  # "about", "around", ... written before the number ("(each around 1 pct)"), "" when none
    closed: bool  # a closing bracket after it
    shared: bool  # "(both with 0.93%)", "(each at 2.1%)": a value the allies just listed share, said in its bracket
    each: bool  # "... 2.1% each", "4.3 apiece": the same said after it
    estimated: bool  # "(est. 1.9%)"
    plain_bracket: bool  # a bracket right after the name, no dash or word between ("Latvia (2.1%)")
    comma: bool  # ", at" rather than " at"
    year: int | None  # "... 21.1% in 2018"
    stop: str | None  # the list stop after it (", ", " and", "" at the end), None when something else follows

    @property
    def value(self) -> float:
        return float(self.number)

    @property
    def decimals(self) -> int:
        return len(self.number.split(".")[1]) if "." in self.number else 0

    @property
    def whole_digits(self) -> int:
        return len(self.number.split(".")[0])


def value_after(text: str, pos: int) -> ListedValue | None:
    """The value written right after a name ending at `pos`, with how it is written; None when no number follows
    through one of the glues."""
    m = _VALUE_AFTER.match(text, pos)
    if m is None:
        return None
    glue = next(g for g in GLUES if m.group(g) is not None)
    return ListedValue(
        start=m.start("v"), end=m.end("v"), number=m.group("v"), glue=glue, end_all=m.end(),
        spaced=m.group("space") is not None, unit=(m.group("unit") or "").strip(),
        approx=(m.group("approx") or "").strip(), closed=m.group("close") is not None,
        shared=m.group("shared") is not None, each=m.group("each") is not None, estimated=m.group("est") is not None,
        plain_bracket=glue == "bracket" and not m.group("lead"), comma=m.group("comma") is not None,
        year=int(m.group("year")) if m.group("year") else None, stop=m.group("stop"))
