"""The recall net: an ally's or a group's % of GDP read generically from a percent figure no other rule took.

The specific rules (ally_pct.py and the others) read the phrasings they know; on text nobody has seen, a third to a
half of the checkable claims slip past them. This reader runs last, only on the free percent figures of a sentence
that names an ally or a group, and decides from the sentence's structure alone:

- context: the sentence (or the sentence before it; for a list line, the title above its list, which must name
  defence spending and no other economic figure) speaks of spending relative to GDP, the economy or output, or of
  the 2% / 3.5% / 5% target;
- the figure is tied to its ally or group by adjacency: "Poland (4.1%)", "Poland at 4.1 percent", "Poland, with
  4.1%", "Poland: 4.1%", "4.1% for Poland", "Poland spends 4.1%", "Poland's 4.1%", a table row "Poland 4.12";
  "the country" / "it" only when the sentence before named exactly one ally;
- it is none of: a growth rate, a share of something other than GDP (the defence budget, the vote, federal
  spending), a target or threshold named, a plan, a forecast beyond the data, a poll, another economic figure
  (inflation, deficit, debt, rates), a negated figure, or a figure another source than NATO gives.

Every tie and every veto is a row of lexicon/en/net.csv (kind, pattern, example), not code. The claims are
ordinary ally_pct_gdp / group_pct_gdp frames, judged by measures/pct_gdp.py like any other.
"""

from __future__ import annotations

import functools
import re

from ..entities import find_entities
from ..extract import COMPARED_BEFORE, Claim, Sentence
from ..gates import Gated, gated
from ..grammar import folded, folded_pattern
from ..lexicon import rows, words
from ..quantities import Quantity
from .base import Rule
from .figures import MAX_PLAUSIBLE_PCT_GDP, data_code

_BENCHMARKS = frozenset({1.5, 2.0, 3.0, 3.5, 5.0})  # a round benchmark value is read only from a list or table
# a decimal value without a unit (a table row "Poland 4.12"): no money, year, time or percentage around it
_BARE_DECIMAL = re.compile(r"(?<![\d.,$€£])\d{1,2}\.\d{1,2}(?![\d%]|\.\d|\s?(?:%|per\s?cent|percent|bn|billion|million"
                           r"|trillion|m\b|tn\b|am\b|pm\b|a\.m|p\.m))", re.I)
_DECIMAL = re.compile(r"\d\.\d")  # a cheap test before _BARE_DECIMAL
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# a comma and then a verb after a name: the name ends an aside ("Greece, which borders Turkey, is at 3.08%")
_ASIDE_CLOSE = re.compile(r",\s(?!(?:at|on|with|to|in|about|around|roughly|some|nearly|just|only|which|who|whose|that)\b)"
                          r"[a-z]+\b")
_BARE_SEPARATOR = re.compile(r"\s?[,;]?\s")  # a list's separator only: a tie after the figure wins over it
_LATTER = re.compile(r"\bthe latter\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\s-\s|\b(?:while|whereas|but|and|as|with)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LIST_VALUE = re.compile(r"\d[.,]\d|%|per\s?cent", re.I)  # a value on a list line (a heading's year is none)
_COORDINATED = re.compile(r",\s|\sand\s|\sor\s")
_ENTITY_KINDS = frozenset({"name", "capital", "group", "adjective"})  # (an adjective has one tie: _owner)
_MAX_GAP = 80  # characters between an ally and its figure


@functools.cache
def _lexicon() -> dict[str, re.Pattern]:
    """One pattern per kind of net.csv, its rows as alternatives (case-blind)."""
    by_kind: dict[str, list[str]] = {}
    for row in rows("net"):
        by_kind.setdefault(row["kind"], []).append(row["pattern"])
    hedge = "|".join(row["pattern"] for row in rows("hedges"))
    out = {kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.I) for kind, patterns in by_kind.items()}
    # a tie, then an optional hedge before the figure (a quantity's span starts at its number: "about 1.3%")
    tail = rf"(?:(?:{hedge})\s)?"
    for kind in ("link_list", "link_before"):
        out[kind] = re.compile(rf"(?:{out[kind].pattern}){tail}", re.I)
    out["link_any"] = re.compile(rf"(?:{out['aside'].pattern})?(?:{out['entity_tail'].pattern})?"
                                 rf"(?:{out['link_list'].pattern}|{out['link_before'].pattern})", re.I)
    out["pronoun_link"] = re.compile(rf"(?:{out['pronoun'].pattern.replace('$', '')})(?:{out['link_any'].pattern})$", re.I)
    out["anaphor_link"] = re.compile(rf"(?:{out['anaphor'].pattern}){tail}", re.I)
    return out


@functools.cache
def _pronoun_words() -> frozenset[str]:
    """The words of net.csv's pronoun and anaphor rows but "the" ("it", "country", "estimate" ...): a sentence without
    an ally needs one."""
    return frozenset(w for row in rows("net") if row["kind"] in ("pronoun", "anaphor")
                     for w in re.findall(r"[a-z]{2,}", row["pattern"].replace("\\s", " ")) if w != "the")


@functools.cache
def _context() -> Gated:
    """The context rows as one case-sensitive pattern for folded text, behind its literal gate (gates.gated)."""
    return gated(folded_pattern(_lexicon()["context"]))


@functools.cache
def _other_source() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words("other_sources"))) + r")\b", re.I)


def _has_context(low: str) -> bool:
    """The (folded) text speaks of spending relative to GDP, the economy or output, or of the target."""
    return _context().search(low) is not None


def _pieces_before(s: Sentence) -> list[str]:
    """The sentences and lines before s (nearest last), from the 600 characters before it."""
    window = s.doc[max(0, s.start - 600):s.start]
    return [p for line in window.split("\n") for p in _SENTENCE_END.split(line.strip()) if p]


def _before(s: Sentence) -> str:
    """The sentence before s; for a list line (60 characters at most), the heading above the list: the nearest piece
    before it that speaks of shares of GDP, past other short lines (items, names, values, numbering, a table's
    header row), stopping at the first longer piece."""
    pieces = _pieces_before(s)
    if len(s.text) > 60:
        return pieces[-1] if pieces else ""
    for piece in reversed(pieces):
        if len(piece) > 60 or _speaks_of_defence_share(piece):
            return piece  # (a table's header row, "| Ally | % of GDP |", is passed for the title above it)
    return ""


def _speaks_of_defence_share(piece: str, strict: bool = True) -> bool:
    """A heading or sentence that gives the next lines their context: it speaks of shares of GDP (or the target); a
    heading (`strict`: a title, no full stop) also names defence spending and no other economic figure ("GDP growth
    forecasts", "Public debt, % of GDP")."""
    lex = _lexicon()
    return bool(piece) and _has_context(folded(piece)) and (
        not strict or lex["veto_clause"].search(piece) is None and lex["defence"].search(piece) is not None)


def _year_of(piece: str) -> int | None:
    """The one year a heading names ("Defence spending as a share of GDP, 2019"), else None."""
    years = {int(y) for y in _YEAR.findall(piece)}
    return years.pop() if len(years) == 1 else None


def _uncovered_decimal(s: Sentence) -> bool:
    """A decimal number that is no part of a quantity the sentence already read (a candidate table value)."""
    spans = None
    for m in _DECIMAL.finditer(s.text):
        if spans is None:
            spans = [(q.start, q.end) for q in s.quantities]
        if not any(a <= m.start() < b for a, b in spans):
            return True
    return False


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` opens (after the last comma, colon, dash, "while", "and" ... before it)."""
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, pos)), default=0)


class NetRule(Rule):
    type = "ally_pct_gdp"
    code = "CLM-PCT-NET"

    def find(self, s: Sentence) -> list[Claim]:
        if not s.has_number:
            return []
        free = s.free(("pct",))
        bare = _uncovered_decimal(s)
        if not free and not bare or s.is_question and not s.presupposes:
            return []  # (cheap tests first: most sentences end here)
        if bare and not free and any(c.extra.get("table") for c in s.found):
            return []  # (a pasted table's row, read cell by cell: rules/table.py)
        entities = [e for e in s.subjects() if e.kind in _ENTITY_KINDS]
        if not entities and len(s.text) > 20 and s.tokens.isdisjoint(_pronoun_words()):
            return []  # no ally or group to tie a figure to, no "the country", no table cell under a name
        owners = {q.start: code for q in free if (code := self._owner(s, q, entities)) is not None}
        found = self._bare_values(s, entities) if bare and entities else []
        if not owners and not found:
            return []
        here = _has_context(s.low)
        heading = "" if here else _before(s)
        title = not heading.rstrip("\"'”’ ").endswith((".", "!", "?"))  # a title gives context only about defence
        if not here and not _speaks_of_defence_share(heading, strict=title):
            return []
        # a list line under a heading that names one year: that year, unless the line names its own
        hint = _year_of(heading) if heading and len(s.text) <= 60 else None
        if _other_source().search(s.text) and "nato" not in s.low:
            return []  # a figure of SIPRI's, the IISS's ...: not checked against NATO's
        if found and (here and _lexicon()["defence"].search(s.text) or len(s.text) <= 60):
            # (bare values: the sentence names defence spending, or a list line takes its heading's)
            s.quantities.extend(found)
            s.quantities.sort(key=lambda x: x.start)
            owners.update((q.start, code) for q in found if (code := self._owner(s, q, entities)) is not None)
            free = sorted([*free, *found], key=lambda q: q.start)
        out: list[Claim] = []
        rejected: list[int] = []  # where figures end that are not shares of GDP
        for q in free:
            if any(0 <= q.start - end <= 40 and _COORDINATED.search(s.text, end, q.start) and ";" not in s.text[end:q.start]
                   for end in rejected):
                rejected.append(q.end)
                continue  # "41% of them in the US, 13% in Turkey and 6.4% in France": coordinated with a share of a count
            code = owners.get(q.start)
            if not self._is_share_of_gdp(s, q, code):
                rejected.append(q.end)
                continue
            if code is None:
                continue
            claim = self._claim(s, q, code, hint)
            if claim is not None:
                out.append(claim)
        return out

    def _bare_values(self, s: Sentence, entities) -> list[Quantity]:
        """A table row's value without a unit, right after its ally ("Poland 4.12, Estonia 3.43"): a figure of its
        own when tied to the name as in a list, or as any figure when a percent figure before it gave the unit
        ("Estonia on 3.43 per cent, Latvia on 3.15"); one such value in prose is no table."""
        lex = _lexicon()
        taken = [(q.start, q.end) for q in s.quantities]
        found = []
        for m in _BARE_DECIMAL.finditer(s.text):
            if any(a < m.end() and m.start() < b for a, b in taken) or float(m.group()) > MAX_PLAUSIBLE_PCT_GDP:
                continue
            if m.start() == 0 and lex["head"].match(s.text):
                found.append(Quantity(0, m.end(), "pct", float(m.group()), len(m.group().split(".")[1]), "eq",
                                      m.group(), listed=True))
                continue  # "2.4 — the percentage of GDP Latvia devoted to defence": a listicle item led by its figure
            e = max((e for e in entities if e.end <= m.start()), key=lambda e: e.end, default=None)
            unit = any(q.kind == "pct" and q.end <= m.start() for q in s.quantities)
            link = lex["link_any"] if unit else lex["link_list"]
            if e is not None and m.start() - e.end <= (_MAX_GAP if unit else 4) and link.fullmatch(s.text, e.end, m.start()):
                found.append(Quantity(m.start(), m.end(), "pct", float(m.group()), len(m.group().split(".")[1]), "eq",
                                      m.group(), listed=True))
        if len(found) < 2 and len(s.text) > 60 and not any(q.kind == "pct" for q in s.quantities) \
                and not (found and found[0].start == 0):
            return []  # (a listicle item led by its figure is a table of one)
        return found

    def _owner(self, s: Sentence, q: Quantity, entities) -> str | None:
        """The ally or group the figure is tied to by adjacency, or the one ally of the sentence before."""
        text, lex = s.text, _lexicon()
        if q.start in s.pairs:  # "Spain and Luxembourg, at 1.02% and 0.57%"
            return s.pairs[q.start]
        if q.start == 0 and q.listed and lex["head"].match(text):
            named = {e.code for e in entities if e.code != "NATO"}  # the one ally or group it names; a forecast by anyone but NATO
            forecast = lex["estimate"].search(text) is not None and "nato" not in s.low  # is a plan, not NATO's figure
            return named.pop() if len(named) == 1 and not forecast else None
        before = max((e for e in entities if e.end <= q.start and q.start - e.end <= _MAX_GAP), key=lambda e: e.end,
                     default=None)
        after = min((e for e in entities if e.start >= q.end and e.start - q.end <= 40), key=lambda e: e.start,
                    default=None)
        if after is not None and lex["link_after"].fullmatch(text, q.end, after.start) and (
                before is None or _BARE_SEPARATOR.fullmatch(text, before.end, q.start)):
            return self._group(s, after, entities)  # "4.12% for Poland, 3.43% for Estonia": not Poland's 3.43%
        if before is not None and before.kind == "adjective":  # "Polish defence spending reached 4.12%", no other tie
            return before.code if lex["adjective_tie"].fullmatch(text, before.end, q.start) else None
        if before is not None and lex["link_any"].fullmatch(text, before.end, q.start):
            if "," in text[before.end:q.start] and COMPARED_BEFORE.search(text, max(0, before.start - 30), before.start):
                return None  # "the US has fallen behind Greece ..., contributing 3.52%": the compared ally is no owner
            if _ASIDE_CLOSE.match(text, before.end) and not lex["aside"].match(text, before.end):
                # "Greece, which ... with Turkey, is estimated at 3.08%" (but "the US, by comparison, spends" is the US's)
                head = s._head_of_aside(before)
                if head is not None:
                    return head.code  # ("France, spending 2.05%": no aside before France, France's own)
            return self._group(s, before, entities)
        if after is not None and lex["link_after"].fullmatch(text, q.end, after.start):
            return self._group(s, after, entities)  # "3.16% in the US" (no tie before it)
        if after is not None and lex["front"].match(text[:q.start]) and lex["front_gap"].fullmatch(text, q.end, after.start):
            return self._group(s, after, entities)  # "At 3.43% of economic output, Estonia remains ..."
        prev = max((x for x in s.quantities if x.kind == "pct" and x.end <= q.start), key=lambda x: x.end, default=None)
        if prev is not None and lex["baseline"].fullmatch(text, prev.end, q.start):
            # "Norway is at 2.20% of GDP, up from 1.81% in 2023": the level it rose from is the same owner's
            return self._owner(s, prev, entities)
        latter = _LATTER.search(text, max(0, q.start - _MAX_GAP), q.start)
        if latter is not None and lex["link_any"].fullmatch(text, latter.end(), q.start):
            last = max((e for e in entities if e.end <= latter.start() and e.is_ally), key=lambda e: e.end, default=None)
            return last.code if last is not None else None  # "..., Italy and Spain, the latter at 1.3%"
        if not entities and (lex["pronoun_link"].search(text[:q.start]) or lex["anaphor_link"].fullmatch(text, 0, q.start)):
            return self._one_ally_before(s)  # "The country devotes 2.41%", "NATO's June estimate is 3.43%"
        if not entities and not text[:q.start].strip() and len(text) <= 20:
            return self._name_line_before(s)  # "Poland\n4.12%": a table's cells, one per line
        return None

    def _name_line_before(self, s: Sentence) -> str | None:
        """The ally or group named by the line just before s, when that line is nothing but the name."""
        if not s.doc[max(0, s.start - 1):s.start] == "\n":
            return None
        prev = s.doc[max(0, s.start - 60):s.start - 1].rpartition("\n")[2].strip(" \t•*-|")
        found = [e for e in find_entities(prev) if e.kind in _ENTITY_KINDS] if prev else []
        return found[0].code if len(found) == 1 and found[0].start == 0 and found[0].end >= len(prev.rstrip(":.")) else None

    def _group(self, s: Sentence, e, entities) -> str | None:
        """e's code; a plain "NATO" closes a group's name ("European members of NATO") or, with an average or a total
        in the sentence ("NATO members spent an average of"), is the whole alliance; else it is too vague."""
        if e.code != "NATO":
            return e.code
        lex = _lexicon()
        head = max((x for x in entities if x.end <= e.start and x.kind == "group"), key=lambda x: x.end, default=None)
        if head is not None and lex["group_of"].fullmatch(s.text, head.end, e.start):
            return head.code
        return "NATO_TOTAL" if lex["whole"].search(s.text) else None

    def _one_ally_before(self, s: Sentence) -> str | None:
        """The ally the sentence before named, when it named exactly one (past a short piece naming none, such as a
        fact-check's "VERDICT: False.")."""
        for piece in reversed(_pieces_before(s)[-3:]):
            found = find_entities(piece)
            if not found and len(piece) <= 40:
                continue
            allies = {e.code for e in found if e.is_ally}
            return allies.pop() if len(allies) == 1 else None
        return None

    def _is_share_of_gdp(self, s: Sentence, q: Quantity, code: str | None) -> bool:
        """None of the vetoes of net.csv holds for the figure, in its clause and right around it."""
        text, lex = s.text, _lexicon()
        if not 0 < q.value <= MAX_PLAUSIBLE_PCT_GDP or q.value in _BENCHMARKS and not q.listed:
            return False
        owner = next((e for e in s.entities if e.code == code and e.end <= q.start), None)
        lo = _clause_start(text, owner.start if owner is not None else q.start)
        clause = text[lo:q.start]
        if lex["veto_clause"].search(clause) or lex["negation"].search(clause) or lex["plan"].search(clause):
            return False
        if q.listed and lex["veto_clause"].search(text, 0, lo) and not lex["defence"].search(clause):
            return False  # "GDP growth in 2024: Poland 2.9": what a list is of, unless the item says spending
        if lex["veto_before"].search(text, max(0, q.start - 40), q.start):
            return False
        return not lex["veto_after"].match(text, q.end)

    def _claim(self, s: Sentence, q: Quantity, code: str, hint: int | None = None) -> Claim | None:
        if code in ("NATO", "NATO_TOTAL", "NATO_EUR_CAN") and s.scope_change:
            # "excluding the United States, the members spend ...": Europe and Canada; "with America included": all
            code = {"without USA": "NATO_EUR_CAN", "with USA": "NATO_TOTAL"}[s.scope_change]
        subject = data_code(code)
        if subject is None:
            return None
        year, how = s.year_for(q)
        if hint is not None and how == "present":
            year, how = hint, "carried"  # the heading's year
        latest = s.latest_year()
        if year is None or latest is None or how in ("deadline", "future") or year > latest:
            return None  # a plan or a forecast beyond the data: not the net's to read
        if how == "present" and latest < s.today.year \
                and _lexicon()["estimate"].search(s.text, _clause_start(s.text, q.start), q.start):
            return None  # "will spend 2.1%" before the data holds the article's year
        s.take(q)
        kind = "group_pct_gdp" if subject.startswith("NATO") else "ally_pct_gdp"
        return Claim(kind, self.code, s, subject, "def_exp_pct_gdp", q.value, q.comparator, year, q,
                     {"plan": False, "how": how, "negated": False}, self)
