"""Sentences with code-point offsets, list/live-blog item prefixes, HTML stripping, language guess.

Every regular expression here is linear: no nested quantifiers, digit runs anchored by look-behinds,
and sentences longer than MAX_SENTENCE are cut so work per sentence stays bounded.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import rows

MAX_SENTENCE = 600  # characters; longer "sentences" are cut into pieces of this size
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun",
                 "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "co", "lt", "col",
                 "prof", "pres", "approx", "e.g", "i.e", "u.s", "u.k", "u.n"}
# abbreviations that end no sentence when a number follows ("an est. 1.2%", "ca. 2%")
BEFORE_NUMBER = {"est", "ca", "c", "approx"}
_DIGIT_NEXT = re.compile(r"\s{1,3}[$€£]?\d")
# end of sentence: . ! ? (plus closing quotes) followed by space and a capital, digit or quote
_BOUNDARY = re.compile(r"[.!?][\"'”’)]{0,2}(?=\s+[\"“'‘(]?[A-Z0-9])")
# _BOUNDARY for text without "!" or "?": it starts with a literal full stop, so the engine skips from one to the
# next with a tight loop instead of testing every character against the class [.!?]
_BOUNDARY_DOT = re.compile(r"\.[\"'”’)]{0,2}(?=\s+[\"“'‘(]?[A-Z0-9])")
assert _BOUNDARY_DOT.pattern == _BOUNDARY.pattern.replace("[.!?]", "\\.", 1)
# the two with the white space after the stop captured (group 1): the same matches, and where it ends
_BOUNDARY_WS = re.compile(_BOUNDARY.pattern.replace("(?=\\s+", "(\\s+)(?=", 1))
_BOUNDARY_DOT_WS = re.compile(_BOUNDARY_DOT.pattern.replace("(?=\\s+", "(\\s+)(?=", 1))
assert _BOUNDARY_WS.pattern == r"[.!?][\"'”’)]{0,2}(\s+)(?=[\"“'‘(]?[A-Z0-9])"
_PREFIX = re.compile(
    r"^\s{0,8}(?:\d{1,2}(?::\d{2}\s{0,3}(?:[—–-]|:)|\.\d{2}\s{0,3}[—–-])\s{0,3}"  # live-blog timestamp "14:30 — "
    # (not "1.31: share of GDP ...": a decimal before a colon is a listicle item's figure)
    r"|(?:CLAIM|VERDICT|FACT|CHECK)\s{0,2}:\s{0,3}"  # fact-check labels
    r"|[-*•–—]\s{1,3})")  # list bullets, en and em dashes too ("– Poland 3.92%")
_PREFIX_FIRST = "CVF-*•–—"  # what _PREFIX can start with after its \s{0,8}, besides \d (which is str.isdecimal)
# _PREFIX without its "^", for match(line, pos, endpos): the same as matching line[pos:endpos] (no look-arounds)
_PREFIX_AT = re.compile(_PREFIX.pattern[1:])
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


def folded_pattern(regex: re.Pattern) -> re.Pattern:
    """`regex` (compiled with re.I) without re.I, for `folded` text: it finds the same spans there, because folding
    keeps one character per character, keeps what \\w, \\s, \\d and the classes used in this package match, and turns
    a re.I match of an ASCII character into equality (checked over every code point, docs/claims.md). Without re.I
    the engine compares characters directly (faster). Only for patterns whose match text is not used (read
    the text from the original by offsets)."""
    assert regex.flags & re.I and not re.search(r"\\[A-Z]", regex.pattern), regex.pattern
    return re.compile(re.sub(r"(?<!\(\?)[A-Z]", lambda m: m.group(0).lower(), regex.pattern), regex.flags & ~re.I)


# The text the checker reads: the input with token gaps closed, one character for one character, so every offset
# and span is the input's (the output shows the input's own text). A modifier-letter apostrophe (U+02BC, "Canadaʼs")
# is a word character for \w and hid the name before it: read as ’. Unicode hyphens (U+2010, U+2011) read as "-".
# A compound of lexicon/en/token_joins.csv reads its hyphen as a space ("some two-dozen allies", "the 30
# member-states"). A decimal split by a line break in a percentage ("spends 3.\n9% of GDP"), or by a blank line as a
# scraped page splits a paragraph ("of 3.\n\n9 percent"), reads as the number, the break moved before it as spaces
# ("spends  3.9%"); the whole part has one or two digits, so a sentence-final year ("in 2023.") is never joined. The
# line break of a hard wrap reads as a space (see _logical_lines).
_TOKEN_CHARS = str.maketrans({"\u02bc": "\u2019", "\u2010": "-", "\u2011": "-"})
_JOINED = frozenset(r["compound"].lower() for r in rows("token_joins"))
_HYPHEN_TAIL = re.compile(r"-(?:" + "|".join(sorted({re.escape(c.split("-", 1)[1]) for c in _JOINED}, key=len, reverse=True))
                          + r")(?![\w-])", re.I)
_AROUND_HYPHEN = re.compile(r"(?<![\w-])[A-Za-z]+-[A-Za-z]+(?![\w-])")  # the word pair around a hyphen, matched at it
_SPLIT_DECIMAL = re.compile(r"\.\n(?:[ \t]*\n)?(?=\d{1,2}\s?(?:%|per\s?cent|percent))")  # (opens with its literal)
_WHOLE_BEFORE = re.compile(r"(?<![\w.,])\d{1,2}$")


def reading_text(text: str) -> str:
    """`text` as the checker reads it (see above): the same length, the same offsets."""
    out = text.translate(_TOKEN_CHARS) if ("\u02bc" in text or "\u2010" in text or "\u2011" in text) else text
    if "-" in out:  # (a pattern that opens with the hyphen: the engine skips from one hyphen to the next)
        chars = None
        for m in _HYPHEN_TAIL.finditer(out):
            lo = m.start()
            while lo > 0 and out[lo - 1].isascii() and out[lo - 1].isalpha() and m.start() - lo < 12:
                lo -= 1
            whole = _AROUND_HYPHEN.match(out, lo)
            if whole is not None and whole.end() == m.end() and whole.group(0).lower() in _JOINED:
                chars = chars if chars is not None else list(out)
                chars[m.start()] = " "
        if chars is not None:
            out = "".join(chars)
    if ".\n" in out:
        for m in _SPLIT_DECIMAL.finditer(out):
            whole = _WHOLE_BEFORE.search(out, max(0, m.start() - 3), m.start())
            if whole is not None:  # "3.\n9%": the break moved before the number, "  3.9%"
                gap = m.end() - m.start() - 1
                out = out[:whole.start()] + " " * gap + out[whole.start():m.start() + 1] + out[m.end():]
    if "\n" in out and _WRAP_BREAK.search(out) is not None:
        out = _wraps_as_spaces(out)
    assert len(out) == len(text)
    return out


def _wraps_as_spaces(text: str) -> str:
    """`text` with the line break of each hard wrap (see _logical_lines) read as a space, so that a name or a phrase
    broken over two lines is read whole ("the United\nStates")."""
    chars = list(text)
    for start, line in _logical_lines(text):
        at = line.find("\n")
        while at >= 0:
            chars[start + at] = " "
            at = line.find("\n", at + 1)
    return "".join(chars)


@dataclass(unsafe_hash=True, slots=True)  # never changed once made (docs/claims.md, Speed: not frozen)
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
    words = [m.group(0) for m in itertools.islice(_WORD.finditer(text, 0, 20000), 400)]  # (not every word of 20,000)
    if len(words) < 8:
        return True  # too short to tell; checking is harmless
    common = sum(1 for w in words if w.lower() in ENGLISH_WORDS)
    return common / len(words) >= 0.12


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the word before the full stop at `dot` (its run of letters and stops, given up on past 6) is an
    abbreviation or a single letter."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
        if dot - j > 6:
            return False
    token = text[j:dot].lower()
    if len(token) == 1 and j > 0 and text[j - 1] in "'’":
        return False  # "most of them don't.": a contraction's last letter ends the sentence
    if token in BEFORE_NUMBER and _DIGIT_NEXT.match(text, dot + 1):
        return True  # "at an est. 1.2% in 2019": the abbreviation of a figure, not a sentence's end
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def sentences(text: str) -> list[Span]:
    """Sentences with offsets into `text`; item prefixes (timestamps, CLAIM:) are left out of the span."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Span]:
    """`sentences`, one at a time."""
    for start, end, piece in iter_spans(text):
        yield Span(start, end, piece)


# hard-wrapped copy (wire text, a newsletter or a PDF broken at about 60-80 characters): a long line that stops inside
# a sentence goes on in the next one, when that starts with a lower-case letter ("... move towards the alliance's\ntarget
# of spending two percent ...") or the line ends with a word that cannot end a sentence ("NATO leaders, jolted by\nRussia's
# ..."). Once a text shows itself hard-wrapped (two such plain wraps), such a line goes on whatever the next line starts
# with, a capital, a number or a currency sign ("the North Atlantic Treaty\nOrganization", "spend at least\n2 percent",
# "a GDP of more than\n$3 trillion"), but not a list
# item's mark ("2. Greece")
_WRAP_MIN = 40  # characters: shorter lines (headlines, table lines, list items) are never joined
_ENDS_WITH_WORD = re.compile(r"(?<![A-Za-z])(?:by|of|the|to|and|in|on|for|a|an|at|with|from|that|as|or|its|their)$")
_PLAIN_WRAPS_OF_A_WRAPPED_TEXT = 2
_ITEM_MARK_START = re.compile(r"\d{1,2}[.)](?:\s|$)")


def _stops_inside_sentence(line: str) -> bool:
    """A long line ending on a lower-case letter or , ; ' ’ ) - (not on a full stop, a colon or a figure)."""
    return len(line) >= _WRAP_MIN and (line[-1].islower() or line[-1] in ",;'’)-")


def _wrapped(line: str, following: str, wrapped_text: bool = False) -> bool:
    """Whether `following` goes on with the sentence `line` stopped in (a hard wrap, not a new line of text);
    `wrapped_text`: the text has shown itself hard-wrapped (see above)."""
    if not following or not _stops_inside_sentence(line):
        return False
    first = following[0]
    if first.islower() or first.isalpha() and _ENDS_WITH_WORD.search(line, len(line) - 6) is not None:
        return True
    return wrapped_text and (first.isalpha() or first in "$€£"
                             or first.isdigit() and _ITEM_MARK_START.match(following) is None)


# a line break inside a sentence: what every hard wrap holds (one scan of the text before any line is tested); written
# line break first, the character before it a look-behind, so the engine skips from one line break to the next instead
# of trying the class at every character
_WRAP_BREAK = re.compile(r"\n(?<=[a-z,;'’)-]\n)[A-Za-z0-9$€£]")


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """The text's lines with their offsets, hard-wrapped lines joined (their line breaks kept in the text)."""
    lines = text.split("\n")
    if _WRAP_BREAK.search(text) is None:  # no line can be joined: the lines as they are
        pos = 0
        for line in lines:
            yield pos, line
            pos += len(line) + 1
        return
    plain_wraps = sum(_wrapped(line, following) for line, following in zip(lines, lines[1:], strict=False))
    wrapped_text = plain_wraps >= _PLAIN_WRAPS_OF_A_WRAPPED_TEXT
    pos, i, n = 0, 0, len(lines)
    while i < n:
        start, line = pos, lines[i]
        pos += len(line) + 1
        while i + 1 < n and _wrapped(lines[i], lines[i + 1], wrapped_text):
            i += 1
            line += "\n" + lines[i]
            pos += len(lines[i]) + 1
        yield start, line
        i += 1


def iter_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """`iter_sentences` as plain (start, end, text) tuples: what the checker reads, without a Span each.

    A piece after a boundary starts after the boundary's white space, which _BOUNDARY_WS captures whole (its \\s+
    is followed by a quote, a capital or a digit), instead of a loop skipping it; pieces are given as found."""
    for line_start, line in _logical_lines(text):
        if not line or line.isspace():  # (not line.strip(), without a copy)
            continue
        first = line[0]
        if first in _PREFIX_FIRST or first.isdecimal() or first.isspace():
            prefix = _PREFIX.match(line)
            s = prefix.end() if prefix else 0
            n = len(line)
            while s < n and line[s].isspace():  # the first piece without its leading spaces (str.isspace is \s)
                s += 1
        else:
            s = 0  # _PREFIX starts with \s{0,8} and then one of those characters
        # without "!" or "?" in the line, a boundary can only start at a full stop: _BOUNDARY_DOT_WS finds the same
        boundary = _BOUNDARY_WS if "!" in line or "?" in line else _BOUNDARY_DOT_WS
        m = boundary.search(line, s)  # (its finditer from the prefix's end: no boundary starts in white space)
        while True:
            while m is not None and line[m.start()] == "." and _is_abbreviation(line, m.start()):
                m = boundary.search(line, m.end())
            if m is None:
                # the last piece's text ends before the line's trailing spaces; the others end with a stop or a
                # closing quote (what the boundary consumes, before at least two more characters)
                end = n = len(line)
                e = len(line.rstrip()) if line[-1].isspace() else n
            else:
                e = end = m.start(1)
            # a "VERDICT: True. Spain's ..." line: each piece may carry its own label
            if s < end and ((first := line[s]) in _PREFIX_FIRST or first.isdecimal()):
                sub = _PREFIX_AT.match(line, s, end)  # _PREFIX.match(line[s:end])
                if sub:
                    s = sub.end()
            while e - s > MAX_SENTENCE:  # (e < s: nothing, like the trimming loop stopping at s)
                yield line_start + s, line_start + s + MAX_SENTENCE, line[s:s + MAX_SENTENCE]
                s += MAX_SENTENCE
            if e > s:
                yield line_start + s, line_start + e, line[s:e]
            if m is None:
                break
            s = m.end()  # the next piece, after the boundary's white space
            m = boundary.search(line, s)
