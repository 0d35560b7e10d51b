"""Sentences with code-point offsets, list/live-blog item prefixes, HTML stripping, language guess.

Every regular expression here is linear: no nested quantifiers, digit runs anchored by look-behinds,
and sentences longer than MAX_SENTENCE are cut so work per sentence stays bounded.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_SENTENCE = 600  # characters; longer "sentences" are cut into pieces of this size
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun",
                 "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "co", "lt", "col",
                 "prof", "pres", "approx", "e.g", "i.e", "u.s", "u.k", "u.n"}
# end of sentence: . ! ? (plus closing quotes) followed by space and a capital, digit or quote
_BOUNDARY = re.compile(r"[.!?][\"'”’)]{0,2}(?=\s+[\"“'‘(]?[A-Z0-9])")
_PREFIX = re.compile(
    r"^\s{0,8}(?:\d{1,2}[:.]\d{2}\s{0,3}(?:[—–-]|:)\s{0,3}"  # live-blog timestamp "14:30 — "
    r"|(?:CLAIM|VERDICT|FACT|CHECK)\s{0,2}:\s{0,3}"  # fact-check labels
    r"|[-*•]\s{1,3})")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
ENGLISH_WORDS = frozenset("the of and to in a is that for on was with as by it said are at from has have his her"
                          " its their this be not but an or which will would were they he she we been also than"
                          " more per cent percent year last allies nato defence defense spending".split())


FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})  # the only non-ASCII letters re.I matches to ASCII ones


def folded(text: str) -> str:
    """Lower case as re.I sees it, with the offsets of `text` (İ, the one letter whose lower case is longer,
    is mapped first): a substring test on it is a safe gate before a case-blind pattern."""
    if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text):
        return text.lower()
    return text.translate(FOLD).lower()


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def strip_html(text: str) -> str:
    """Visible text of an HTML page: scripts/styles dropped, block tags become line breaks."""
    text = re.sub(r"(?is)<(script|style)\b[^>]{0,500}>.{0,200000}?</\1\s{0,5}>", " ", text)
    text = re.sub(r"(?i)<\s{0,3}(?:br|/p|/div|/h[1-6]|/li|/tr|p|div|li|h[1-6])\b[^>]{0,500}>", "\n", text)
    text = re.sub(r"<[^>]{0,2000}>", "", text)
    return html.unescape(text)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<p>" in head or "<!doctype" in head


def is_english(text: str) -> bool:
    """A cheap guess: share of very common English words among the first 400 words."""
    words = _WORD.findall(text[:20000])[:400]
    if len(words) < 8:
        return True  # too short to tell; checking is harmless
    common = sum(1 for w in words if w.lower() in ENGLISH_WORDS)
    return common / len(words) >= 0.12


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
        if dot - j > 6:
            return False
    token = text[j:dot].lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def sentences(text: str) -> list[Span]:
    """Sentences with offsets into `text`; item prefixes (timestamps, CLAIM:) are left out of the span."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Span]:
    """`sentences`, one at a time."""
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        prefix = _PREFIX.match(line)
        start = prefix.end() if prefix else 0
        cuts = []
        for m in _BOUNDARY.finditer(line, start):
            if line[m.start()] == "." and _is_abbreviation(line, m.start()):
                continue
            cuts.append(m.end())
        for end in [*cuts, len(line)]:
            piece = line[start:end]
            # a "VERDICT: True. Spain's ..." line: each piece may carry its own label
            lead = len(piece) - len(piece.lstrip())
            sub = _PREFIX.match(piece[lead:])
            if sub:
                lead += sub.end()
            s, e = start + lead, end
            while e > s and line[e - 1].isspace():
                e -= 1
            while e - s > MAX_SENTENCE:
                yield Span(line_start + s, line_start + s + MAX_SENTENCE, line[s:s + MAX_SENTENCE])
                s += MAX_SENTENCE
            if e > s:
                yield Span(line_start + s, line_start + e, line[s:e])
            start = end
