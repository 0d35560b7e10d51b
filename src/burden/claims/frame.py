"""Measurement frames: what a claim was read as, in one shape for every claim type.

A frame names the subject (an ally, a group, or a set with exclusions), the measure, the value and its
comparator, the threshold and the denominator of a count, the data year, the price basis of money, the
modality (reported, estimated, forecast, planned, roadmap, demanded, denied, asked, conditional, hoped: lexicon modality.csv,
which also says what each marker does to the figure it governs, `figure_modality`), the polarity and the speaker.
Every claim carries one (`Claim.frame`), the output shows it as `frame` and as one line `read_as`, so a
reader sees why a sentence was judged as it was. It is also all its measure judges (`measures/`): the rules read
a sentence into frames, the measures judge frames, and neither looks at the other's side.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .gates import Several, gated
from .grammar import folded_pattern
from .lexicon import rows
from .status import COUNT_CLAUSE

# claim type -> measure
MEASURES = {
    "ally_pct_gdp": "pct_gdp", "group_pct_gdp": "pct_gdp", "spending_usd": "usd_bn",
    "count_at_threshold": "count_at_threshold", "all_none_threshold": "count_at_threshold",
    "share_of_alliance": "share_of_alliance", "rank": "rank", "real_change": "real_change",
    "member_count": "member_count", "pledge": "pledge", "summit": "summit_date", "accession": "accession",
    "misconception": "misconception", "proposal": "proposal", "comparison": "comparison",
    "spending_category": "category_share",
}
# the measures that judge a range of figures ("between 1.5 and 2 percent", "$50bn to $60bn"): frame value [low, high]
RANGE_MEASURES = frozenset({"pct_gdp", "usd_bn", "count_at_threshold"})
OPS = {"between": "between", "eq": "=", "exact": "= exactly", "approx": "≈", "nearly": "nearly", "gt": ">", "ge": ">=", "lt": "<",
       "le": "<=", "gt_entity": ">", "lt_entity": "<", "ne": "≠"}
INDICATOR_WORDS = {"def_exp_pct_gdp": "% of GDP", "equipment_pct": "% of defence spending on equipment"}


@dataclass
class Frame:
    measure: str
    subject: str | None
    value: Any
    comparator: str = "eq"
    year: int | None = None
    threshold: float | None = None
    indicator: str | None = None
    denominator: str | None = None
    exclusions: list[str] = field(default_factory=list)
    price_basis: str | None = None
    modality: str = "reported"
    polarity: str = "positive"
    speaker: str | None = None
    detail: str | None = None  # the metric as the rule names it (pledge attribute, ratio, rank order ...)
    price_basis_named: bool = False  # the text named the price basis ("at 2015 prices"): only that one is tried
    decimals: int | None = None  # decimals the text gave the value: it is compared at that precision
    # what one measure needs beyond the shared slots, as its reader found it (a count's kind and scope, a rank's
    # order, a pledge's deadline, whether a figure is planned ...); measures/<measure>.py says which keys it reads
    slots: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The frame as the output shows it (the measure's own slots and the precision stay internal)."""
        out = {**self.__dict__, "exclusions": list(self.exclusions)}
        del out["slots"], out["decimals"]
        return out

    def read_as(self) -> str:
        """One line: e.g. "count of allies with % of GDP >= 2 in 2016 = 9"."""
        op = OPS.get(self.comparator, self.comparator)
        when = f" in {self.year}" if self.year is not None else ""
        who = self.subject or "?"
        if self.exclusions:
            who += " except " + ", ".join(self.exclusions)
        m = self.measure
        v = _v(self.value, self.comparator)
        if m == "count_at_threshold":
            ind = INDICATOR_WORDS.get(self.indicator or "", self.indicator or "")
            text = f"count of {who} with {ind} {OPS.get(self.detail or 'ge', '>=')} {self.threshold:g}{when} {op} {v}"
            if self.denominator:
                text += f"; of {self.denominator}"
        elif m == "pct_gdp":
            text = f"{who} defence spending{when} {op} {v}% of GDP"
        elif m == "usd_bn" and self.slots.get("change"):
            text = f"change of {who} defence spending{when} {op} US${v} bn"
        elif m == "usd_bn":
            text = f"{who} defence spending{when} {op} US${v} bn ({self.price_basis or 'any'} prices)"
        elif m == "member_count":
            text = f"members of NATO{when} {op} {v}"
        elif m == "rank":
            text = f"{who} rank by {self.detail}{when} {op} {v}"
        elif m == "share_of_alliance":
            what = "GDP" if self.slots.get("of_gdp") else "defence spending"
            text = f"{who} share of allied {what} (US$){when} {op} {v}"
        elif m == "category_share":
            text = f"{who} {str(self.detail).replace('_pct', '')} share of defence spending{when} {op} {v}%"
        elif m == "real_change":
            text = f"{who} real change in defence spending{when} {op} {v}%"
        elif m in ("pledge", "summit_date", "accession"):
            text = f"{m} {who}: {self.detail} {op} {v}"
        else:
            text = f"{m} {who}: {self.detail} {op} {v}"
        extras = [x for x in (self.modality if self.modality != "reported" else "",
                              "negated" if self.polarity == "negative" else "",
                              f"said by {self.speaker}" if self.speaker else "") if x]
        return text + (f" [{', '.join(extras)}]" if extras else "")


def _v(value: Any, comparator: str | None = None) -> str:
    if comparator == "between" and isinstance(value, list | tuple) and len(value) == 2:
        return f"{_v(value[0])} and {_v(value[1])}"  # a range: "between 1.3 and 1.4% of GDP"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@functools.cache
def _speaker_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    verbs = "|".join(sorted((r["word"] for r in rows("speech") if r["kind"] == "verb"), key=len, reverse=True))
    titles = "|".join(re.escape(r["word"]) for r in sorted((r for r in rows("speech") if r["kind"] == "title"),
                                                          key=lambda r: -len(r["word"])))
    name = r"(?:[A-Z][\w.'’-]+(?:\s(?:[A-Z][\w.'’-]+|van|von|de|der)){0,3})"
    described = rf"(?:(?i:an?|the|one|another)\s(?:[\w-]+\s){{0,3}}?(?:{titles})(?:\s{name})?)"
    who = rf"(?P<who>{described}|{name})"
    before = re.compile(rf"(?:^|[,;:—–-]\s|\b(?:but|and|as)\s){who}\s(?:has\s|had\s|have\s)?(?:{verbs})\b")
    after = re.compile(rf"[,;]\s?[\"”’']?\s?(?:{verbs})\s{who}\s*[.!?\"”]*$")
    # (the verb may end the sentence or take a short object or place: "..., Johnson told a news conference in Madrid.")
    after_name_first = re.compile(rf"[,;]\s?[\"”’']?\s?{who}\s(?:{verbs})(?:\s[^,;:\"“”.!?]{{1,60}})?\s*[.!?\"”]*$")
    return before, after, after_name_first


# what follows "states" when it reports speech ("the ministry states that ...", "NATO states: ...")
_STATES_SAYS = re.compile(r"\s?(?:that\b|[:,]|\s[\"“‘'])")
_NOT_SPEAKERS = {"It", "This", "That", "They", "He", "She", "We", "There", "NATO", "The", "A", "An"}


@functools.cache
def _speech_verb_words() -> frozenset[str] | None:
    """A word one of which every speaker pattern's match holds as a whole [a-z]+ word: the first word of each speech
    verb (each pattern holds a verb, bounded by a space, a comma or a quote before it and by \\b after it); None
    when a verb does not open with a lower-case letter."""
    firsts = [re.match(r"[a-z]+", r["word"]) for r in rows("speech") if r["kind"] == "verb"]
    return None if not all(firsts) else frozenset(m.group(0) for m in firsts if m)


def speaker_of(text: str, words: frozenset[str] | None = None) -> str | None:
    """Who the sentence attributes its statement to ("Trump said ...", "..., a German minister said."). Worked out
    once per sentence (`Sentence.speaker`), for all its claims. `words`: the sentence's [a-z]+ words (folded), a
    gate: without a speech verb among them no pattern can match."""
    verbs = _speech_verb_words()
    if words is not None and verbs is not None and words.isdisjoint(verbs):
        return None
    before, after, after_name_first = _speaker_patterns()
    m = after.search(text) or after_name_first.search(text) or before.search(text)
    if not m:
        return None
    if m.re is before and m.group(0).endswith("states") and not _STATES_SAYS.match(text, m.end()):
        return None  # "Both states are above 3%", "The Baltic states spend": the noun, not the verb
    who = m.group("who").strip()
    return None if who in _NOT_SPEAKERS else who


@functools.cache
def _plain_gates() -> tuple[Several, dict[int, str]]:
    """The markers without an effect ("will", "expected to", "estimated": plain words), one gated pattern per lexicon
    row on grammar.folded text, asked together on a sentence (only the rows whose words it holds run), and each
    pattern's modality by id. The markers with an effect are found once per sentence (markers_in,
    Sentence.effect_markers)."""
    gates = [gated(folded_pattern(re.compile(rf"\b(?:{r['pattern']})\b", re.I))) for r in rows("modality") if not r["effect"]]
    modality = [r["modality"] for r in rows("modality") if not r["effect"]]
    return Several(gates), {id(g): m for g, m in zip(gates, modality, strict=True)}


def may_state_modality(text: str, low: str, words: frozenset[str], markers: tuple[tuple[int, int, int], ...]) -> bool:
    """Whether any clause of the sentence (`low`: folded text, `words`: its [a-z]+ words, `markers`: its
    markers_in) can give a modality other than the default: a question mark, or a modality word (a clause is bounded
    by non-word characters, so a word whole in it is whole in the sentence)."""
    return "?" in text or bool(markers) or bool(_plain_gates()[0].which(low, words))


def _modality_in(low: str, words: frozenset[str], lo: int, hi: int | None,
                 markers: tuple[tuple[int, int, int], ...]) -> str | None:
    """The modality the (grammar.folded) sentence `low` (its [a-z]+ words: `words`) states in low[lo:hi] (a clause,
    or all of it), if any: its first marker (asked only after may_state_modality)."""
    hi = len(low) if hi is None else hi
    if low[lo:hi].rstrip("\"'”’ ").endswith("?"):
        return "asked"
    rows_ = _effect_rows()
    marked = next(((start, rows_[i][0]) for start, end, i in markers
                   if lo <= start and end <= hi and rows_[i][0] not in _GOVERNING_ONLY), None)
    several, modality_of_row = _plain_gates()
    plain: tuple[int, str] | None = None
    for g in several.which(low, words):  # (in row order: on a tie the earlier row stays)
        m = g.scanner.search(low, lo, hi)
        if m is not None and (plain is None or m.start() < plain[0]):
            plain = (m.start(), modality_of_row[id(g)])
    if marked is not None and (plain is None or marked[0] <= plain[0]):
        return marked[1]
    return plain[1] if plain is not None else None


# modalities a marker gives only to the figure it governs (figure_modality), never to a whole clause
_GOVERNING_ONLY = frozenset({"conditional", "hoped", "asked", "roadmap"})


# where a marker's own clause ends: a comma, semicolon, colon or dash after it ("If NATO's figures hold, Poland spent
# 4.1%": the condition is not the figure's)
# (or another speaker's report: "Trump has pushed allies to spend more as NATO said Europe grew 3.1%")
_MARKER_SCOPE_END = re.compile(r"[,;:—–]|\s-\s|\b(?:said|says|reported|reports|showed|shows|according\sto)\b")


def governing_modality(low: str, lo: int, q_start: int,
                       markers: tuple[tuple[int, int, int], ...] | None = None) -> tuple[str, str, int] | None:
    """(modality, effect, marker start) of the marker with an effect nearest before a figure at `q_start` in `low`
    (folded text), from `lo` (the start of the figure's own clause, or the previous figure's end); None when there is
    none, or when the nearest one's clause ended before the figure. effect: "drop" (a demand, question, condition or
    hope: nobody's figure) or "plan" (a national plan or vow: unverifiable). Markers without an effect ("will",
    "estimated") leave the figure to the rules. `markers`: markers_in(low), when known."""
    rows_ = _effect_rows()
    found = markers_in(low) if markers is None else markers
    for start, end, i in reversed(found):  # the marker starting last (one may hold another: "told them
        if start < lo:  # Spain plans to")
            break
        if end <= q_start:
            if _MARKER_SCOPE_END.search(low, end, q_start):
                return None
            # ... but a plan still to be drawn up holds the plan it shows: "show how it intends to reach 2%"
            start, i = next(((s_, i_) for s_, e_, i_ in found if s_ < start and e_ >= end and rows_[i_][0] == "roadmap"),
                            (start, i))
            return (*rows_[i], start)
    return None


@functools.cache
def _effect_rows() -> tuple[tuple[str, str], ...]:
    """(modality, effect) of the lexicon rows with an effect, in file order (group m<i> of _effect_pattern)."""
    return tuple((r["modality"], r["effect"]) for r in rows("modality") if r["effect"])


@functools.cache
def _effect_gates() -> tuple[Several, dict[int, int]]:
    """The markers with an effect, one gated pattern per lexicon row on grammar.folded text (asked together on a
    sentence: only the rows whose words it holds run), and each pattern's row by id."""
    gates = [gated(folded_pattern(re.compile(rf"\b(?:{r['pattern']})\b", re.I))) for r in rows("modality") if r["effect"]]
    return Several(gates), {id(g): i for i, g in enumerate(gates)}


_WORDS = re.compile(r"[a-z]+")


def markers_in(low: str, words: frozenset[str] | None = None) -> tuple[tuple[int, int, int], ...]:
    """(start, end, row) of every marker with an effect in `low`, by start; at one start the first row wins.
    `words`: the [a-z]+ words of `low` (found here when not given). Worked out once per sentence and kept with it
    (`Sentence.effect_markers`), not in a cache keyed on the text, which would also answer for the same sentence in
    another article."""
    several, row_of = _effect_gates()
    found: dict[int, tuple[int, int]] = {}
    for g in several.which(low, frozenset(_WORDS.findall(low)) if words is None else words):  # (in row order)
        for m in g.scanner.finditer(low):
            found.setdefault(m.start(), (m.end(), row_of[id(g)]))
    return tuple((start, end, i) for start, (end, i) in sorted(found.items()))


def modality_of(low: str, words: frozenset[str], extra: dict[str, Any], markers: tuple[tuple[int, int, int], ...],
                lo: int = 0, hi: int | None = None) -> str:
    """`low`: the grammar.folded text of the sentence; `words`: its [a-z]+ words; `markers`: its markers_in; lo, hi:
    the clause's bounds in it (all of it by default)."""
    return _modality_in(low, words, lo, hi, markers) or ("planned" if extra.get("plan") else "reported")


_COUNT_SUBJECT_AFTER_COMMA = (r",\s(?:and\s|but\s|yet\s)?(?=(?:only\s|just\s|a\smere\s|so\sfar\s)?(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten"
                              r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?"
                              r"|thirty(?:-\w+)?)\s(?:of\s(?:the\s|its\s)?\d{1,2}\s)?(?:allies|members|countries|nations)\s"
                              r"(?:will|would|are|were|have|had|meet|met|hit|reach|reached|spend|spent)\b)")
# where a clause with its own predicate starts: "Poland is at 4.12% this year and plans to reach 5%" (the plan is
# the second clause's only), "...; Spain will ...", "..., while Italy is expected to ...", "..., though Rome plans ...",
# "..., and Madrid will ...", "..., so Canada remains at ..." (not "so that", "so as to": a purpose of the clause before),
# "leaders pledged more, even as Canada fails to meet it" (not "even as much as")
_CLAUSE_BREAK = re.compile(r";|,?\s(?:but|while|whereas|though|although|even\sas(?!\s(?:much|many|high|low|little|far|early|late)\b))\s|,\showever\s|,\sso\s(?!that\b|as\b)|,\s(?:and\s|yet\s)?(?=[\w'’-]+\s(?:plans?|wants?|aims?|hopes?|intends?|will|would|says?|said)\b)|,\s(?:and\s)?(?=(?:it|they|he|she)\s)"
                           r"|\sand\s(?=(?:now\s|also\s|still\s)?(?:plans?|wants?|aims?|hopes?|intends?|expects?|will|would"
                           r"|is|are|was|were|has|have|had|says?|said)\b)"
                           # a subordinate clause whose subject is a count (status.COUNT_CLAUSE), or a main clause after a
                           # comma whose subject is one ("While A was joined by B in reaching 2%, only ten of the 30 allies
                           # will get there")
                           + "|" + COUNT_CLAUSE + "|" + _COUNT_SUBJECT_AFTER_COMMA, re.I)
_CLAUSE_BREAK_FOLDED = folded_pattern(_CLAUSE_BREAK)  # on grammar.folded text: the same spans


def clause_breaks(low: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's clauses break, in its grammar.folded text `low` (worked out once per sentence:
    `Sentence.clause_breaks`)."""
    return tuple(m.span() for m in _CLAUSE_BREAK_FOLDED.finditer(low))


def clause_bounds(n: int, breaks: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[int, int]:
    """(lo, hi) of the clause holding [start, end) in a text of length n (all of it when it has one clause);
    `breaks`: clause_breaks(text)."""
    lo, hi = 0, n
    for b_start, b_end in breaks:
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return lo, hi


def clause_of(text: str, breaks: tuple[tuple[int, int], ...], start: int, end: int) -> str:
    """The clause holding text[start:end] (the whole text when it has one clause); `breaks`: clause_breaks(text)."""
    lo, hi = clause_bounds(len(text), breaks, start, end)
    return text[lo:hi]


def figure_modality(s, q) -> tuple[str, str, int] | None:
    """governing_modality of a figure `q` of Sentence `s`: the nearest marker before it in its own clause, after the
    previous share or sum ("Latvia is at 3.15% and aims to reach 5%": only the 5% is planned)."""
    if not s.effect_markers:
        return None  # (most sentences: no word a marker with an effect needs)
    lo = max((b_end for _b, b_end in s.clause_breaks if b_end <= q.start), default=0)
    # (a count is no figure of its own here: "if all of the 29 members had spent 2%" is governed by the "if")
    # (nor the first end of a range: "called for Europe to spend 3% to 3.5%" governs both ends)
    lo = max([lo, *(x.end for x in s.quantities if x.end <= q.start and x.kind != "count"
                    and not _RANGE_JOIN.fullmatch(s.low, x.end, q.start))])
    found = governing_modality(s.low, lo, q.start, s.effect_markers)
    if found is not None and found[1] and found[0] != "roadmap" \
            and _NORM_BEFORE.search(s.low, max(lo, found[2] - 50), found[2]):
        # the marker is inside a norm's wording ("met the guideline that each ally should spend 2%"); a plan still
        # to be drawn up is the commitment's own object ("what we promised is to chart a route to 3%")
        return None
    return found


# between the two ends of a range of figures ("3% to 3.5%", "2-2.5%", "3 or 3.5 per cent"; folded text)
_RANGE_JOIN = re.compile(r"\s?(?:%|per\scent|percent)?\s?(?:to|or|-|–|—|and)\s?")


# a norm named before a marker: the marker states the norm, not what anyone is asked or plans to do
_NORM_BEFORE = re.compile(r"\b(?:guidelines?|targets?|goals?|rules?|benchmarks?|pledges?|commitments?|requirements?|standards?"
                          r"|obligations?|promises?)\b")


def frame_of(claim) -> Frame:
    """The frame of a Claim (rules fill type, subject, metric, value, comparator, year and extras): everything
    its measure needs to judge it, so judging never reads the sentence again."""
    x = claim.extra
    sentence = claim.sentence
    text = sentence.text
    measure = MEASURES.get(claim.type, claim.type)
    frame = Frame(measure, claim.subject, claim.value, claim.comparator, claim.year, detail=claim.metric,
                  price_basis=x.get("basis"), price_basis_named=bool(x.get("basis")), slots=dict(x),
                  decimals=claim.quantity.decimals if claim.quantity is not None else None)
    if measure == "count_at_threshold":
        frame.threshold = x.get("threshold")
        frame.indicator = x.get("indicator")
        frame.detail = x.get("op")
        frame.exclusions = list(x.get("excluded") or [])
        if x.get("members") is not None:
            frame.denominator = f"{x['members']} members"
        if x.get("kind") in ("all", "none", "most"):
            frame.value, frame.comparator = f"{x['kind']} of the allies", "eq"
        elif x.get("kind") == "fraction":  # (the comparator stays: "fewer than a third" is < 0.333 of the allies)
            frame.value = f"{x.get('fraction', 0):.3f} of the allies"
    elif measure == "pct_gdp":
        frame.indicator = "def_exp_pct_gdp"
    q = claim.quantity
    if q is not None and q.high is not None and frame.comparator == "eq" and frame.value == q.value \
            and measure in RANGE_MEASURES:
        frame.value, frame.comparator = [q.value, q.high], "between"  # "1.5 to 2 percent": both ends (policy 5)
    if x.get("modality"):  # the modality that governed the figure as its reader found it (figure_modality)
        frame.modality = x["modality"]
    elif not sentence.may_state_modality:  # no clause of it holds a modality word or a question mark
        frame.modality = "planned" if x.get("plan") else "reported"
    elif text.rstrip("\"'”’ ").endswith("?") or q is None:
        frame.modality = modality_of(sentence.low, sentence.words, x, sentence.effect_markers)
    else:  # a modality word counts in the figure's own clause only
        frame.modality = modality_of(sentence.low, sentence.words, x, sentence.effect_markers,
                                     *clause_bounds(len(sentence.low), sentence.clause_breaks, q.start, q.end))
    if x.get("negated") or claim.type == "misconception" and claim.value is False:
        frame.polarity = "negative"
    frame.speaker = sentence.speaker
    return frame
