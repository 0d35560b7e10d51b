"""Quantities in this domain's forms: percentages ("2%", "2 per cent", "two percent", "3.5 percent of
GDP"), money ("$845 billion", "USD 968bn", "a trillion dollars", "EUR 10bn"), counts ("23 allies",
"nine of the 29", "none"), fractions ("two-thirds", "a quarter"), with the comparator or hedge in front
("at least", "more than", "nearly", "about") or behind ("or more")."""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass

from .gates import gated
from .grammar import folded, folded_pattern
from .lexicon import rows

NUMBER_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-one": 21, "twenty-two": 22, "twenty-three": 23, "twenty-four": 24, "twenty-five": 25,
    "twenty-six": 26, "twenty-seven": 27, "twenty-eight": 28, "twenty-nine": 29, "thirty": 30,
    "thirty-one": 31, "thirty-two": 32, "a dozen": 12, "two dozen": 24,
}
# a fraction in words, written with a space or a hyphen: "a fifth", "one fifth", "one-fifth", "two thirds",
# "three-quarters", "half" (in lowest terms: "two quarters" is two quarters of a year)
_FRACTION_UNITS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION_NUMERATORS = {"two": 2, "three": 3, "four": 4, "seven": 7, "nine": 9}
FRACTIONS = {"half": 0.5} | {
    f"{num}{sep}{unit}": 1 / d for unit, d in _FRACTION_UNITS.items() for num, sep in (("a", " "), ("one", " "), ("one", "-"))
} | {
    f"{num}{sep}{unit}s": n / d for unit, d in _FRACTION_UNITS.items() if unit != "half"
    for num, n in _FRACTION_NUMERATORS.items() if n < d and math.gcd(n, d) == 1 for sep in (" ", "-")
}
_NUM = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,6})?(?![\d])"
_WORDNUM = r"(?<![\w-])(?:" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if w not in ("no", "none")),
                                             key=len, reverse=True)) + r")(?![\w-])"
_DIGIT_WORDS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9}
_HALVES = {"a half": 0.5, "a quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75}
# "three and a half", "one point eight four": a number in words with a fraction or decimals
_WORDDEC = (r"(?<![\w-])(?:" + "|".join(w for w in NUMBER_WORDS if w.isalpha() and w not in ("no", "none", "zero"))
            + r")\s(?:and\s(?:a\shalf|a\squarter|three[\s-]quarters)|point(?:\s(?:" + "|".join(_DIGIT_WORDS) + r")){1,3})")
PERCENT = re.compile(rf"(?P<num>{_NUM}|{_WORDDEC}|{_WORDNUM})\s?(?:%|per\s?cent\b|percent\b)", re.I)
# (on grammar.folded text, like every pattern built with folded_pattern: same spans, no re.I)
# (and the British press's "pc" and the wires' "pct" after digits: "2.3pc of GDP", "2 pct"; in lower case only, not
# "PC"; "per-cent" with a hyphen)
_PERCENT_SIGN = folded_pattern(re.compile(r"%|per[\s-]?cent\b|percent\b|pct?\b", re.I))
_NUM_BEFORE = re.compile(rf"(?P<num>{_NUM}|{_WORDDEC}|{_WORDNUM})\s?$", re.I)  # PERCENT's number, ending at the sign
_DIGITS_BEFORE = re.compile(r"(?P<num>\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3}){1,4}|\d{0,11})(?:\.\d{1,6})?(?!\d)"
                            r"|(?<![\w.,$€£])\.\d{1,2}(?!\d))\s?$")  # _NUM; or a share below one written ".99 percent"
# an amount as translated copy writes it, right before a scale word (so two numbers side by side, "in 2017 72
# million", never join): thousands grouped by spaces ("945 962 million USD": a head of 1-3 digits, then groups of
# exactly three) or a decimal comma ("683,4 billion dollars": one or two digits after it, not a thousands group)
_BEFORE_SCALE = r"(?=\s?(?:trillion|billion|million|tn|bn|mn)\b)"
_SPACED_THOUSANDS = r"(?<![\w.,])(?<!\d\s)\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,3}(?![\d.,])" + _BEFORE_SCALE
_DECIMAL_COMMA = r"(?<![\w.,])\d{1,3},\d{1,2}(?![\d.,])" + _BEFORE_SCALE
_MONEY_NUM = rf"{_SPACED_THOUSANDS}|{_DECIMAL_COMMA}|{_NUM}"
# (a "$" after a letter is another dollar: C$, A$, NZ$, HK$; "US$" is its own alternative)
MONEY = re.compile(
    rf"(?:(?P<cur>(?<![A-Za-z])\$|US\$|USD|EUR|€|£)\s?(?P<num>{_MONEY_NUM}|a|one)(?:\s?(?P<scale>trillion|tn|billion|bn|million|mn|m)"
    rf"|(?P<letter>[bt]))?\b"  # (a headline's "$968B", "$1.5T": capital letters only, find_money)
    rf"|(?P<num2>{_MONEY_NUM}|a|one)\s(?P<scale2>trillion|billion|million)\s(?:US\s)?(?P<cur2>dollars|euros|pounds|USD|EUR)\b)",
    re.I)
# MONEY without re.I for grammar.folded text (same spans and group spans; group texts are read from the text)
MONEY_FOLDED = gated(folded_pattern(MONEY))  # tried only when one of the literals every match holds is there
COUNT = re.compile(rf"(?P<num>{_NUM}|{_WORDNUM})(?=\s|:)", re.I)
# COUNT's two kinds of number, found apart (digit and word matches never overlap)
# (_NUM written digit first, "\d(?<![\w.,]\d)" = "(?<![\w.,])\d": the engine then skips ahead to the digits)
_COUNT_DIGITS = re.compile(r"(?P<num>\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3}){1,4}|\d{0,11})(?:\.\d{1,6})?(?!\d))(?=\s|:)")
_COUNT_WORDS = folded_pattern(re.compile(rf"(?P<num>{_WORDNUM})(?=\s|:)", re.I))
_WORD_TOKEN = re.compile(r"[a-z]+")
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_TOKENS = frozenset(t for w in NUMBER_WORDS for t in _WORD_TOKEN.findall(w) if t not in ("a", "no", "none"))
FRACTION = re.compile(r"(?<![\w-])(?:" + "|".join(sorted((re.escape(w) for w in FRACTIONS), key=len, reverse=True))
                      + r")(?![\w-])", re.I)
_DURATION = re.compile(r"^\s(?:years?|months?|weeks?|days?|decades?|hours?|minutes?)\b", re.I)
_DURATION_FIRST = "ymwdh"  # `c in` it: c is "" (the text ends) or _DURATION's letter after the \s, folded
_SCALE_LETTERS = {"B": "billion", "T": "trillion"}  # "$968B", "$1.5T" (headlines)
_SCALE_BN = {"trillion": 1000.0, "tn": 1000.0, "billion": 1.0, "bn": 1.0, "million": 0.001, "mn": 0.001, "m": 0.001}

# (regex on the text just before the number, comparator): lexicon/en/hedges.csv
HEDGES_BEFORE = [(row["pattern"], row["comparator"]) for row in rows("hedges")]
# one pattern, a named group per comparator: the hedge ending right before the number (the longest, leftmost
# phrase wins: "no more than" is at most, not more than)
_HEDGE = folded_pattern(re.compile(r"(?:" + "|".join(rf"(?P<{c}>\b(?:{p}))" for p, c in HEDGES_BEFORE)
                                   + r")\s{1,3}(?:(?:the|a|an|an estimated|even)\s{1,3})?(?:\$|US\$|USD\s?)?$", re.I))
_LETTERS = re.compile(r"[a-z]+")
_HEDGE_SKIP = frozenset({"the", "a", "an", "estimated", "even", "us", "usd"})  # may stand between a hedge and its number
_HEDGE_STEMS = tuple(sorted({w for p, _ in HEDGES_BEFORE for w in re.findall(r"[a-z]{2,}", p)}))
# (the unit's "of GDP" may stand between: "3% of GDP or more", "2 per cent of their GDP or above")
_OF_GDP = r"(?:\s?of\s(?:its\s|their\s|the\s)?(?:GDP|gross\sdomestic\sproduct|economic\soutput))?"
_AFTER_GE = re.compile(r"^\s{0,2}(?:%|per\s?cent|percent)?" + _OF_GDP + r"\s{0,2}(?:or more|or above|or higher|and above|and more)\b",
                       re.I)
_AFTER_LE = re.compile(r"^\s{0,2}(?:%|per\s?cent|percent)?" + _OF_GDP + r"\s{0,2}(?:or less|or below|or fewer)\b", re.I)
_AFTER_GE_FOLDED, _AFTER_LE_FOLDED = folded_pattern(_AFTER_GE), folded_pattern(_AFTER_LE)


@dataclass(unsafe_hash=True, slots=True)  # never changed once made (docs/claims.md, Speed: not frozen)
class Quantity:
    start: int  # offsets within the sentence
    end: int
    kind: str  # pct, money, count, fraction
    value: float  # percent for pct, US$ bn for money, a count, a fraction
    decimals: int  # decimals as written, in the claim's unit
    comparator: str  # eq, exact, approx, nearly, gt, ge, lt, le
    text: str
    currency: str = ""  # USD, EUR, GBP for money
    unit_scale: str = ""  # trillion/billion/million as written
    listed: bool = False  # a value written after an ally's name in a list ("Latvia (2.1%)", "Poland 4.3")
    high: float | None = None  # a range's upper end ("1.5 to 2 percent"): `value` is its lower end (join_ranges)


def parse_number(text: str) -> tuple[float, int]:
    words = folded(text.strip()).split(None, 1)
    if len(words) == 2 and words[0] in NUMBER_WORDS and (words[1].startswith("and ") or words[1].startswith("point ")):
        whole = float(NUMBER_WORDS[words[0]])
        rest = words[1]
        if rest.startswith("and "):
            fraction = _HALVES.get(rest[4:].replace("-", " "), 0.0)
            return whole + fraction, 1 if fraction == 0.5 else 2
        digits = rest.split()[1:]
        return float(f"{int(whole)}." + "".join(str(_DIGIT_WORDS[d]) for d in digits)), len(digits)
    if text.isdigit() and text.isascii():  # plain ASCII digits: no word, space, comma or point (the same float)
        return float(text), 0
    t = folded(text.strip())  # re.I also matches "ſix"
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t]), 0
    if t in ("a", "one"):
        return 1.0, 0
    t = t.replace(",", "")
    decimals = len(t.split(".")[1]) if "." in t else 0
    return float(t), decimals


def hedge_before(text: str, start: int, low: str | None = None) -> str:
    """The comparator a hedge right before `start` gives (`low`: folded(text), when the caller has it)."""
    lo = max(0, start - 40)
    # every hedge ends with one of its words, then maybe an article and a currency sign: without such a word
    # right before the number there is nothing to search for
    words = _LETTERS.findall(text[max(lo, start - 30):start].lower())[-5:]
    while words and words[-1] in _HEDGE_SKIP:
        words.pop()
    if not words or not words[-1].startswith(_HEDGE_STEMS):
        return "eq"
    m = _HEDGE.search(folded(text) if low is None else low, lo, start)
    return (m.lastgroup or "eq") if m else "eq"  # every alternative of _HEDGE is a named group


def _comparator(text: str, start: int, end: int, low: str | None = None) -> str:
    low = folded(text) if low is None else low
    after = low[end:end + 20]
    # every _AFTER_GE/_AFTER_LE match holds "or " or "and " (their phrases' literal space): an exact gate
    if "or " in after or "and " in after:
        if _AFTER_GE_FOLDED.match(after):
            return "ge"
        if _AFTER_LE_FOLDED.match(after):
            return "le"
    return hedge_before(text, start, low)


def find_percentages(text: str, low: str | None = None) -> list[Quantity]:
    """Numbers with a % sign or word after them (up to 1000: larger ones are no shares): the sign first (a literal,
    quick to find), then the number written just before it."""
    out: list[Quantity] = []
    coordinated = False  # a bare number before a sign's number was added: the list needs sorting
    low = folded(text) if low is None else low
    for sign in _PERCENT_SIGN.finditer(low):
        before = sign.start() - 1
        end = sign.start()  # where the number before the sign ends
        if before >= 0 and text[before].isspace():
            before -= 1
        elif before >= 1 and text[before] in "-‐" and text[before - 1].isalnum():
            end = before  # "the two-percent goal", "a 2-percent target": a hyphen joins the number to the sign
            before -= 1
        if before < 0 or not text[before].isalnum():
            continue  # a number ends with a digit or a letter right before the sign ("%%%" holds none)
        digits = text[before].isdigit()  # then only a number in digits can end there (a short window will do)
        if low.startswith("pc", sign.start()) and not (digits and text.startswith("pc", sign.start())):
            continue  # "pc" / "pct" (wire copy) is a per cent sign only in lower case after digits ("2.3pc", "2 pct"),
            # not "PC" or "ten pc"
        if digits and (comma := _DECIMAL_COMMA_BEFORE.search(text, max(0, sign.start() - 8), sign.start())) is not None:
            # "1,49%", "2,1 percent" (translated copy): a decimal comma, one or two digits after it (not "1,000%")
            whole, _, part = comma.group("num").partition(",")
            out.append(Quantity(comma.start(), sign.end(), "pct", float(f"{whole}.{part}"), len(part),
                                _comparator(text, comma.start(), sign.end(), low), text[comma.start():sign.end()]))
            continue
        m = (_DIGITS_BEFORE if digits else _NUM_BEFORE).search(text, max(0, end - (24 if digits else 40)), end)
        if not m:
            continue
        value, decimals = parse_number(m.group("num"))
        if value <= 1000:
            out.append(Quantity(m.start(), sign.end(), "pct", value, decimals, _comparator(text, m.start(), sign.end(), low),
                                text[m.start():sign.end()]))
            if digits and "from" in low[max(0, m.start() - 30):m.start()] and _FROM_BEFORE_NUM.search(low, max(0, m.start() - 30), m.start()) \
                    and (to := _BARE_LEVEL_REACHED.match(text, sign.end())) is not None:
                # "from over 3.6 per cent to the present 3.41": the level reached takes the starting level's unit
                num = to.group("num")
                out.append(Quantity(to.start("num"), to.end("num"), "pct", float(num), len(num.partition(".")[2]), "eq", num))
                coordinated = True
            at = m.start()
            while at >= 4 and text[at - 1] == " " and text[at - 2] in "d,r" and m.start() - at < 60 and (c := _COORDINATED_BARE.search(text, max(0, at - 16), at)) is not None \
                    and not _BETWEEN.search(text, max(0, c.start() - 9), c.start()):
                # "at 1.78 and 1.19 percent": the sign of the last number is the unit of the ones coordinated with it
                # (not "between 1.1 and 1.2 percent", a range)
                num = c.group("num")
                out.append(Quantity(c.start("num"), c.end("num"), "pct", float(num), len(num.split(".")[1]), "eq", num))
                at = c.start("num")
                coordinated = True
    if out and (" with " in low or " at " in low):
        # "Greece with 2.32, Estonia with 2.14 percent and Poland with 2.01 percent": a bare decimal after "with" / "at"
        # in a list whose other items carry the sign takes their unit
        taken = {q.start for q in out}
        for m in _BARE_LIST_ITEM.finditer(text):
            if m.start("num") not in taken and any(q.start > m.end() for q in out):
                num = m.group("num")
                out.append(Quantity(m.start("num"), m.end("num"), "pct", float(num), len(num.partition(".")[2]), "eq", num))
                coordinated = True
    if " of its " in low or " of their " in low:
        # "with the US spending 3.42 of its GDP": a bare decimal owned by a GDP is a percentage of it
        taken = {q.start for q in out}
        for m in _BARE_OF_GDP.finditer(text):
            if m.start("num") not in taken:
                num = m.group("num")
                out.append(Quantity(m.start("num"), m.end("num"), "pct", float(num), len(num.partition(".")[2]),
                                    hedge_before(text, m.start("num"), low), num))
                coordinated = True
    if coordinated:
        out.sort(key=lambda q: q.start)
    return out


# a bare decimal after "with" / "at", then a comma or "and" (an item of a list of figures: "Greece with 2.32, ...")
_BARE_LIST_ITEM = re.compile(r"\b(?:with|at)\s(?P<num>\d{1,2}\.\d{1,2})(?=,\s|\s(?:and|while|whereas)\s)")
# a bare decimal right before "of its / their GDP" (no sign: "spending 3.42 of its GDP")
_BARE_OF_GDP = re.compile(r"(?<![\d.,$€£])(?P<num>\d{1,2}\.\d{1,2})(?=\sof\s(?:its|their)\s(?:GDP|gross\sdomestic\sproduct)\b)",
                          re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s$", re.I)
# a starting level's "from" (folded text, ending at its number) and the bare level reached after its sign: "from 3.6
# per cent to the latest 3.41", "from 1.2% of GDP to 1.9" (not "to 2025", "to 3 billion", "to 4.1 percent")
_FROM_BEFORE_NUM = re.compile(r"\bfrom\s(?:(?:more|less)\sthan\s|about\s|around\s|nearly\s|almost\s|just\s|roughly\s|some\s|over\s|under\s)?$")
_BARE_LEVEL_REACHED = re.compile(r"(?:\sof\s(?:(?:its|their|the)\s)?(?:GDP|gross domestic product|(?:economic\s|national\s)?output))?"
                                 r"(?:\s(?:in\s\d{4}|last\syear|a\sdecade\sago|(?:ten|five)\syears\sago))?"
                                 r"\sto\s(?:(?:the|an?|its|their)\s)?(?:(?:current|present|latest|estimated|projected|new)\s)?"
                                 r"(?:about\s|around\s|nearly\s|almost\s|roughly\s)?"
                                 r"(?P<num>\d{1,2}\.\d{1,2})(?!\d|[.,]\d|\s?(?:%|per|percent|pc|pct|billion|million|bn|trillion|points?))", re.I)
_DECIMAL_COMMA_BEFORE = re.compile(r"(?<![\w.,])(?P<num>\d{1,2},\d{1,2})\s?$")


# a decimal number coordinated with the one a % sign follows: "1.78 and 1.19 percent", "2.1, 1.9 and 1.5%"
_COORDINATED_BARE = re.compile(r"(?<![\d.,])(?P<num>\d{1,2}\.\d{1,2})(?:,\s|,?\s(?:and|or)\s)$")


def find_money(text: str, low: str | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    low = folded(text) if low is None else low
    for m in MONEY_FOLDED.finditer(low):
        # same spans as MONEY on the text (grammar.folded_pattern): the group texts are read from the text
        s, e = m.span("num")
        num = text[s:e] if s >= 0 else text[slice(*m.span("num2"))]
        s, e = m.span("scale")
        if s < 0:
            s, e = m.span("scale2")
        scale = text[s:e].lower() if s >= 0 else ""
        s, e = m.span("letter")
        if s >= 0:
            scale = _SCALE_LETTERS.get(text[s:e], "")
            if not scale:
                continue  # ("$968b": a lower-case letter is no scale a headline writes)
        s, e = m.span("cur")
        if s < 0:
            s, e = m.span("cur2")
        cur = text[s:e].lower()  # cur or cur2 always takes part
        currency = "USD" if cur in ("$", "us$", "usd", "dollars") else "EUR" if cur in ("eur", "€", "euros") else "GBP"
        value, decimals = parse_number(_plain_number(num))
        start = m.start()
        if num.lower() == "a" and low.endswith("half ", 0, start):
            value, start = 0.5, start - 5  # "half a trillion dollars": 500 billion, not a trillion
        if not scale:
            if value < 1e6:
                continue  # "$5" alone is no spending figure
            value, scale = value / 1e9, "billion"
        out.append(Quantity(start, m.end(), "money", value * _SCALE_BN.get(scale, 1.0), decimals,
                            _comparator(text, start, m.end(), low), text[start:m.end()], currency, scale))
    if out and (" to " in low or " v" in low or " and " in low or " against " in low or " compared " in low):
        out.extend(_followers(text, low, out))
        out.sort(key=_START)
    return out


def _plain_number(num: str) -> str:
    """A money figure's number in the form parse_number reads: "945 962" -> "945962", "683,4" -> "683.4"."""
    if _DECIMAL_COMMA_NUM.fullmatch(num):
        return num.replace(",", ".")
    return _GROUP_SPACE.sub("", num)


_DECIMAL_COMMA_NUM = re.compile(r"\d{1,3},\d{1,2}")
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f]")
# the second of two amounts, its currency left off: "from $664bn in 2016 to 683bn in 2017", "945 962 million USD vs
# 920 114 million in 2016", "$10.8 billion on defence in 2024 against 9.8 billion" (folded text, from the first
# amount's end, a few words or a year between; no currency or other noun after the second: "and 2 million troops",
# "to 5 billion euros" are something else)
_FOLLOWER = folded_pattern(re.compile(
    r"(?:\s(?!(?:to|vs|versus|against|and|compared)\b)(?:[a-z'’-]+|(?:19|20)\d\d)){0,5}?,?\s(?:to|vs\.?|versus|against|and|compared\s(?:with|to))\s"
    r"(?:(?:about|around|some|nearly|almost|roughly|over|more\sthan)\s)?"
    rf"(?P<num>{_MONEY_NUM})\s?(?P<scale>trillion|billion|million|bn|mn)\b"
    r"(?!\s?(?:US\s)?(?!(?:in|this|last|for|according|as|and|by|to|on|with|from|since|a|the|vs|versus|against)\b)[a-z$€£])",
    re.I))


def _followers(text: str, low: str, found: list[Quantity]) -> list[Quantity]:
    """The amounts that take the currency and kind of the money figure before them (_FOLLOWER)."""
    out = []
    for q in found:
        m = _FOLLOWER.match(low, q.end)
        if m is None or not q.unit_scale:
            continue
        s, e = m.span("num")
        value, decimals = parse_number(_plain_number(text[s:e]))
        scale = low[slice(*m.span("scale"))]
        out.append(Quantity(s, m.end("scale"), "money", value * _SCALE_BN[scale], decimals, _comparator(text, s, m.end(), low),
                            text[s:m.end("scale")], q.currency, scale))
    return out


# FRACTION without re.I for grammar.folded text (same spans; the match text is read from the text)
_FRACTION_FOLDED = gated(folded_pattern(FRACTION))
# every FRACTION match ends with one of these words, a whole [a-z]+ word of the folded text (after " ", "-" or
# a non-word character, before a non-word character): a gate on the caller's word set
_FRACTION_WORDS = frozenset(re.split(r"[ -]", f)[-1] for f in FRACTIONS)


def find_fractions(text: str, low: str | None = None) -> list[Quantity]:
    low = folded(text) if low is None else low
    out: list[Quantity] = []
    for m in _FRACTION_FOLDED.finditer(low):
        s, e = m.span()
        out.append(Quantity(s, e, "fraction", FRACTIONS[folded(text[s:e])], 3, _comparator(text, s, e, low), text[s:e]))
    return out


def find_counts(text: str, taken: list[tuple[int, int]], low: str | None = None,
                tokens: frozenset[str] | None = None) -> list[Quantity]:
    """Bare numbers (not percentages, money or years) that may count allies."""
    out: list[Quantity] = []
    words = frozenset(_WORD_TOKEN.findall(text.lower())) if tokens is None else tokens
    digit = _HAS_DIGIT.search(text) is not None
    if not digit and words.isdisjoint(_NUMBER_TOKENS):
        return out  # neither a digit nor a number word
    low = folded(text) if low is None else low
    matches = list(_COUNT_DIGITS.finditer(text)) if digit else []
    if not words.isdisjoint(_NUMBER_TOKENS):  # number words: the long alternation only runs when one is there
        matches = sorted(matches + list(_COUNT_WORDS.finditer(low)), key=lambda m: m.start())
    for m in matches:
        num = m[1]  # the "num" group (group 1 of every count pattern)
        if num.isdigit() and num.isascii():
            if len(num) > 2 and num[0] != "0":
                continue  # >= 100: parse_number would give value > 40 (all skips below are plain `continue`s)
            value, decimals = float(num), 0  # parse_number's fast path
        else:
            value, decimals = parse_number(num)  # parse_number folds: a folded group reads the same
        m_start, m_end = m.span()
        if taken:  # any taken span overlapping the match (the same test as before, written out)
            for s, e in taken:
                if s < m_end and m_start < e:
                    break
            else:
                s = -1
            if s >= 0:
                continue
        # _DURATION needs \s then y, m, w, d or h (re.I: folded, that letter) right after the number
        if decimals or value > 40 or low[m_end + 1:m_end + 2] in _DURATION_FIRST and _DURATION.match(
                text[m_end:m_end + 12]):
            continue
        # _comparator written out
        after, comparator = low[m_end:m_end + 20], ""
        if "or " in after or "and " in after:
            if _AFTER_GE_FOLDED.match(after):
                comparator = "ge"
            elif _AFTER_LE_FOLDED.match(after):
                comparator = "le"
        if not comparator:
            comparator = hedge_before(text, m_start, low)
        out.append(Quantity(m_start, m_end, "count", value, 0, comparator, text[m_start:m_end]))
    return out


_START = operator.attrgetter("start")

# the words between a range's two ends ("4% to 4.3%", "1.5-2%", "between 2 and 2.5 per cent", "$50bn to $60bn"; folded
# text, after the lower end's number or unit); "or" gives alternatives, not a range
_RANGE_JOIN = re.compile(r"\s?(?:to|-|–|—|and)\s?")
# a bare lower end before the join, its unit taken from the upper end ("1 to 1.2 percent", "2-2.5%", "$50 to $60 billion")
_BARE_LOW_BEFORE = re.compile(r"(?<![\w.,])(?:us\$|\$)?(?P<num>\d{1,3}(?:\.\d{1,2})?)\s?(?P<join>to|-|–|—|and)\s?(?:\$|us\$)?$")
# what must come before a lower end joined by "and" ("between 2 and 2.5"), and what makes one joined by "to" the
# level a change starts from ("rose from 1.2% to 1.5%": two levels, not a range) unless it is a span ("anywhere from")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s(?:\$|us\$)?$")
_FROM_BEFORE = re.compile(r"(?<!anywhere\s)(?<!somewhere\s)\bfrom\s(?:\$|us\$)?$")
# a change word or "by" right before the lower end: a change, then the level it reached ("rose $8 billion to $98
# billion", "up 0.3% to 2.1%", "by 5 to 10 percent" is a change's range, read by the change readers)
_CHANGE_BEFORE = re.compile(r"\b(?:by|" + "|".join(row["pattern"] for row in rows("change_verbs")) + r")\s(?:\$|us\$)?$")


def join_ranges(text: str, low: str, found: list[Quantity]) -> list[Quantity]:
    """Two figures of one kind that are a range's two ends ("1.5 to 2 percent", "between $50bn and $60bn") made one
    Quantity, its lower end `value`, its upper end `high`, its precision the finer of the two (a writer drops the
    lower end's ".0": "4 to 4.3%")."""
    if not any(c in low for c in "-–—") and " to " not in low and " and " not in low:
        return found
    out: list[Quantity] = []
    for q in found:
        if q.kind in ("pct", "money", "count") and (joined := _range_of(text, low, out[-1] if out else None, q)) is not None:
            if out and joined.start <= out[-1].start:
                out.pop()
            out.append(joined)
        else:
            out.append(q)
    return out


def _range_of(text: str, low: str, prev: Quantity | None, q: Quantity) -> Quantity | None:
    """The range whose upper end is `q`: its lower end the figure before (`prev`, of q's kind and unhedged) or a
    bare number written before the join; None when q ends no range."""
    if q.comparator != "eq":
        return None
    if prev is not None and prev.kind == q.kind and prev.comparator == "eq" and prev.high is None \
            and (join := _RANGE_JOIN.fullmatch(low, prev.end, q.start)) is not None:
        start, value, decimals = prev.start, prev.value, prev.decimals
        word = join.group().strip()
    elif (bare := _BARE_LOW_BEFORE.search(low, max(0, q.start - 16), q.start)) is not None:
        start, (value, decimals) = bare.start(), parse_number(bare.group("num"))
        if q.kind == "money":
            value *= _SCALE_BN.get(q.unit_scale, 1.0)  # "$50 to $60 billion": the upper end's scale
        word = bare.group("join")
    else:
        return None
    before = low[max(0, start - 16):start]
    if (word == "and") != (_BETWEEN_BEFORE.search(before) is not None) or _FROM_BEFORE.search(before) \
            or _CHANGE_BEFORE.search(before) or not value < q.value or word == "to" and q.value > 2 * value:
        # "2% and 3%" (two figures), "from 1.2% to 1.5%" or "rose 1% to 2%" (a change), "3% to 2%", "slipped 0.1% to
        # 1.9%" (ends that far apart are a change and the level it reached)
        return None
    return Quantity(start, q.end, q.kind, value, max(decimals, q.decimals), "eq", text[start:q.end], q.currency,
                    q.unit_scale, high=q.value)


def find_quantities(text: str, low: str | None = None, tokens: frozenset[str] | None = None) -> list[Quantity]:
    """`low` is folded(text) and `tokens` the set of its [a-z]+ words, when the caller has them already."""
    low = folded(text) if low is None else low
    fracs = (find_fractions(text, low) if tokens is None
             else [] if tokens.isdisjoint(_FRACTION_WORDS) else find_fractions(text, low))
    found = [*find_percentages(text, low), *find_money(text, low), *fracs]
    if not found:
        return join_ranges(text, low, find_counts(text, [], low, tokens))  # in order already, like sorted() of them
    return join_ranges(text, low, sorted([*found, *find_counts(text, [(q.start, q.end) for q in found], low, tokens)],
                                         key=_START))
