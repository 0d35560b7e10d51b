"""Literal gates derived from a pattern: a cheap substring test that runs before the regular expression.

`gated(pattern)` answers exactly like the compiled pattern. It first checks that the searched text holds at
least one of the literals every match must contain (read from the pattern's own parse tree), and only then
runs the pattern. The gate is computed, never written by hand, so a word added to a pattern can never be
missing from its gate.

    NEAR = gated(re.compile(r"\\b(?:close to|nearly)\\s"))
    NEAR.search("spending is close to 2%")  # the pattern ran: "close to" is in the text
    NEAR.search("spending is at 2%")        # None at once: neither "close to" nor "nearly" is there

Only for patterns compiled without re.I (case-sensitive literals): run them on `grammar.folded` text, as the
package's folded patterns are (`grammar.folded_pattern`).

On a whole sentence the gate is sharper: `Gated.may_match(low, tokens)` tests every requirement the pattern has
(all must hold), and a lower-case word the pattern bounds on both sides (by \\b, a space, a punctuation mark,
(?<!\\w) ...) is looked up among the sentence's words (`Sentence.tokens`, the [a-z]+ runs of the folded text):
"all" is then the word, not a substring of "allies". `Several(patterns)` asks many gated patterns at once (a
sentence looks its own words up, instead of testing every pattern's gate) and gives those that may match, in
order. `needs_of(patterns)` is one requirement a sentence meets when any of them matches; a rule's `needs` are
such requirements, all of which a sentence it reads meets (rules/base.py: the dispatcher calls a rule only on the
sentences that meet them; `meets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _compiler as _sre_compile  # type: ignore[attr-defined]  # the re module's own compiler
from re import _parser as _sre_parse  # type: ignore[attr-defined]  # the re module's own parser (Python 3.11+)
from typing import Any

_c = _sre_parse  # the opcode names live in the parser's namespace (re._constants)
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def required_literals(pattern: re.Pattern, parsed: Any = None) -> frozenset[str] | None:
    """A set of strings such that every match of `pattern` contains at least one of them, or None when the
    pattern guarantees none (e.g. it starts with a character class and holds no fixed word). `parsed`: the pattern's
    parse tree, when the caller has it."""
    if pattern.flags & re.I:
        raise ValueError(f"gates need a case-sensitive pattern (fold the text instead): {pattern.pattern!r}")
    found = _needs(_sre_parse.parse(pattern.pattern, pattern.flags) if parsed is None else parsed)
    return frozenset(found) if found else None


def _fewest(literals: set[str]) -> set[str]:
    """The literals without those that hold another one ("members" holds "member": a text holding it holds both)."""
    return {w for w in literals if not any(v != w and v in w for v in literals)}


def _needs(items: Any) -> set[str] | None:
    """For a sequence of parsed items: the best single requirement among its literal runs and its items."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        need = _item_needs(op, arg)
        if need:
            options.append(need)
    if run:
        options.append({"".join(run)})
    options = [_fewest(o) for o in options]
    # prefer the requirement whose shortest literal is longest (fewest false alarms), then the fewest literals
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _item_needs(op: Any, arg: Any) -> set[str] | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        return None if add_flags or del_flags else _needs(body)
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            need = _needs(branch)
            if not need:
                return None  # one branch without a requirement: the alternation guarantees nothing
            union |= need
        return union
    if op in _REPEATS:
        low, _high, body = arg
        return _needs(body) if low >= 1 else None
    return None  # classes, anchors, look-arounds, back references: no literal is guaranteed in the match


# ---- requirements on a whole sentence: words and substrings, all of which a match needs ------------------------
# An option is (words, texts): a match holds one of the words as a whole [a-z]+ word, or one of the texts as a
# substring. A pattern's requirements are a tuple of options, every one of which a match meets.
Option = tuple[frozenset[str], frozenset[str]]
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _is_letter(char: str) -> bool:
    """A character that is (or may fold to) a letter of a word of the folded text: an ASCII letter, or any
    non-ASCII letter (to be safe: "ſ" and "İ" fold to ASCII letters)."""
    return char.lower() in _LOWER or not char.isascii() and char.isalpha()
_NOT_LETTER_CATEGORIES = {_c.CATEGORY_SPACE, _c.CATEGORY_DIGIT, _c.CATEGORY_NOT_WORD}


def requirements(pattern: re.Pattern, parsed: Any = None) -> tuple[Option, ...]:
    """Every requirement a match of `pattern` meets (an empty tuple: none known). `parsed`: the pattern's parse tree,
    when the caller has it."""
    if pattern.flags & re.I:
        raise ValueError(f"gates need a case-sensitive pattern (fold the text instead): {pattern.pattern!r}")
    found = _all_needs(list(_sre_parse.parse(pattern.pattern, pattern.flags) if parsed is None else parsed), False, False)
    # the most telling first (`meets` stops at the first one a sentence does not meet); ties keep the pattern's order
    return tuple(sorted(found, key=_selectivity, reverse=True))


def _no_letter(item: Any) -> bool:
    """The item matches characters none of which is an ASCII letter (so a word next to it ends there)."""
    op, arg = item
    if op is _c.LITERAL:
        return not _is_letter(chr(arg))
    if op is _c.IN:
        for kind, value in arg:
            if kind is _c.LITERAL and _is_letter(chr(value)):
                return False
            if kind is _c.RANGE and any(_is_letter(chr(c)) for c in range(value[0], value[1] + 1)):
                return False
            if kind is _c.CATEGORY and value not in _NOT_LETTER_CATEGORIES or kind not in (_c.LITERAL, _c.RANGE, _c.CATEGORY):
                return False  # (a negated set, a word category ...)
        return True
    if op in _REPEATS:
        low, _high, body = arg
        return low >= 1 and len(body) == 1 and _no_letter(body[0])
    return False


def _bounds(item: Any, side: str) -> bool:
    """No letter stands on `side` ("before" or "after") of a word next to this item."""
    op, arg = item
    if op is _c.AT:
        return arg is _c.AT_BOUNDARY or (arg in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING) if side == "before"
                                          else arg in (_c.AT_END, _c.AT_END_STRING))
    if op is _c.ASSERT_NOT:  # (?<!\w) before a word, (?!\w) after it
        direction, body = arg
        return (direction < 0) == (side == "before") and len(body) == 1 and body[0][0] is _c.IN \
            and (_c.CATEGORY, _c.CATEGORY_WORD) in body[0][1]
    return _no_letter(item)


def _edge(item: Any, side: str) -> bool:
    """Whenever the item matches some text, the character of it next to a word on `side` of the item ("before":
    its last one, "after": its first one) is no letter."""
    op, arg = item
    if op is _c.SUBPATTERN:
        body = list(arg[3])
        if not body:
            return False
        end = body[-1] if side == "before" else body[0]
        return end[0] not in (_c.ASSERT, _c.ASSERT_NOT, _c.AT) and not _may_be_empty(end) and _edge(end, side)
    if op is _c.BRANCH:
        return all(branch and _edge(("SEQ", list(branch)), side) for branch in arg[1])
    if op == "SEQ":
        return _edge((_c.SUBPATTERN, (None, 0, 0, arg)), side)
    if op in _REPEATS:
        return _edge(("SEQ", list(arg[2])), side)
    return _no_letter(item)


def _may_be_empty(item: Any) -> bool:
    op, arg = item
    return op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT) or op in _REPEATS and arg[0] == 0


def _bounded(items: list, k: int, step: int, edge: bool) -> bool:
    """No letter stands next to item k on the side `step` points to (-1 before, +1 after); `edge`: the answer at the
    sequence's end. Look-arounds and optional items that end in a non-letter on that side ("\\d?", "\\s*",
    "(?:the\\s)?") are looked through."""
    side = "before" if step < 0 else "after"
    j = k + step
    while 0 <= j < len(items):
        item = items[j]
        if _bounds(item, side):
            return True
        if not _may_be_empty(item):
            return _edge(item, side)
        if item[0] in _REPEATS and not _edge(item, side):
            return False
        j += step  # zero-width, or a non-letter (bounding) or nothing: what stands beyond decides
    return edge


def _run_options(run: str, bounded_before: bool, bounded_after: bool) -> list[Option]:
    """A literal run's requirements: the run as a substring, and its longest lower-case word bounded on both sides
    as a word."""
    words = []
    pieces = re.split(r"([\x00-\x40\x5b-\x60\x7b-\x7f])", run)  # (split at ASCII characters other than letters)
    for k in range(0, len(pieces), 2):
        word = pieces[k]
        before = bounded_before if k == 0 else True
        after = bounded_after if k == len(pieces) - 1 else True
        if word and before and after and all(c in _LOWER for c in word):
            words.append(word)
    out: list[Option] = [(frozenset({max(words, key=len)}), frozenset())] if words else []
    if not words or max(map(len, words)) < len(run):
        out.append((frozenset(), frozenset({run})))
    return out


def _all_needs(items: list, before: bool, after: bool) -> list[Option]:
    """The requirements of a sequence; `before`/`after`: no letter stands right before / after it."""
    out: list[Option] = []
    k = 0
    while k < len(items):
        op, arg = items[k]
        bounded_before = _bounded(items, k, -1, before)
        if op is _c.LITERAL:
            j = k
            while j < len(items) and items[j][0] is _c.LITERAL:
                j += 1
            run = "".join(chr(a) for _, a in items[k:j])
            out += _run_options(run, bounded_before, _bounded(items, j - 1, +1, after))
            k = j
            continue
        bounded_after = _bounded(items, k, +1, after)
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if not (add_flags or del_flags):
                out += _all_needs(list(body), bounded_before, bounded_after)
        elif op is _c.BRANCH:
            words: set[str] = set()
            texts: set[str] = set()
            for branch in arg[1]:
                needs = _all_needs(list(branch), bounded_before, bounded_after)
                if not needs:
                    break  # one branch without a requirement: the alternation guarantees nothing
                w, t = max(needs, key=_selectivity)
                words |= w
                texts |= t
            else:
                out.append((frozenset(words), frozenset(_fewest(texts))))
        elif op in _REPEATS and arg[0] >= 1:
            out += _all_needs(list(arg[2]), False, False)
        k += 1
    return out


_LONG_ENOUGH = 5  # a word or substring this long is rare enough: past it, a word wins (Several files by words)


def _selectivity(option: Option) -> tuple:
    """The longest shortest element (up to _LONG_ENOUGH), then words before substrings, then the fewest elements."""
    words, texts = option
    return (min(min(map(len, words | texts)), _LONG_ENOUGH), not texts, -len(words | texts))


def meets(options: tuple[Option, ...], low: str, tokens: frozenset[str]) -> bool:
    """`low` (grammar.folded text) with `tokens` (its [a-z]+ words) meets every option."""
    for words, texts in options:  # (runs for many patterns on every sentence: plain loops, no generators)
        if words and not tokens.isdisjoint(words):
            continue
        for text in texts:
            if text in low:
                break
        else:
            return False
    return True


def needs_of(*patterns: Gated) -> Option:
    """One requirement that a sentence where any of the patterns matches meets: the union of each pattern's most
    telling one (a pattern without any cannot gate a rule: ValueError)."""
    words: set[str] = set()
    texts: set[str] = set()
    for g in patterns:
        if not g.needs:
            raise ValueError(f"no word or substring is needed by {g.pattern.pattern!r}: it cannot gate a rule")
        w, t = max(g.needs, key=_selectivity)
        words |= w
        texts |= t
    return frozenset(words), frozenset(_fewest(texts))


_WORD_CHAR = (_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])


_OPENINGS_LIMIT = 64  # at most this many alternatives when an opening is spelt out (_openings)


def _openings(items: list, limit: int = _OPENINGS_LIMIT) -> list[list] | None:
    """The sequence `items` as alternatives that each open with a literal, tried in the same order as the sequence
    tries its ways of matching: a group is opened up, an alternation's branches each go on with what follows it, and
    an optional part "X?" followed by Y is "XY" then "Y" (greedy: with X first). None when a sequence opens with
    anything else (a class, an anchor, a repeat that must match) or more than `limit` alternatives would be needed.
    The parts after an opening are copied into each alternative: only for patterns without groups that capture."""
    if not items:
        return None
    op, arg = items[0]
    rest = items[1:]
    if op is _c.LITERAL:
        return [items]
    if op is _c.SUBPATTERN:
        group, add_flags, del_flags, body = arg
        return None if group is not None or add_flags or del_flags else _openings(list(body) + rest, limit)
    if op is _c.BRANCH:
        out: list[list] = []
        for branch in arg[1]:
            found = _openings(list(branch) + rest, limit - len(out))
            if found is None:
                return None
            out += found
        return out if len(out) <= limit else None
    if op is _c.MAX_REPEAT and arg[0] == 0 and arg[1] == 1:
        with_it = _openings(list(arg[2]) + rest, limit)
        if with_it is None:
            return None
        without = _openings(rest, limit - len(with_it))
        return None if without is None or len(with_it) + len(without) > limit else with_it + without
    return None


def _is_word_start(item: Any) -> str | None:
    """"boundary" for \\b, "not after a word" for (?<!\\w), else None."""
    op, arg = item
    if op is _c.AT and arg is _c.AT_BOUNDARY:
        return "boundary"
    if op is _c.ASSERT_NOT and arg[0] == -1 and list(arg[1]) == [_WORD_CHAR]:
        return "not after a word"
    return None


def _literal_first(pattern: re.Pattern, parsed: Any = None) -> re.Pattern:
    """The same pattern compiled to scan faster when it opens with \\b or (?<!\\w) and then words (an alternation
    of words, maybe behind optional words): "\\b(?:will|would)" is compiled as "(?:w(?<!\\ww)ill|w(?<!\\ww)ould)"
    (the test before the first character is a look-behind after it), "(?<!\\w)(?:the\\s)?allies" as
    "t(?<!\\wt)he\\sallies|a(?<!\\wa)llies". The engine finds no literal to skip to in a pattern that opens with a
    look-behind or \\b and tries a match at every position; one whose every branch opens with a literal lets it skip
    from one candidate character to the next. Same matches at the same places (and the same groups: a pattern with
    groups that capture is only rewritten when its first item after the test is an alternation of words or a word);
    any other pattern is returned as it is. `parsed`: the pattern's parse tree, when the caller has it (it is
    rewritten here)."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags) if parsed is None else parsed
    items = list(parsed.data)
    test = _is_word_start(items[0]) if len(items) >= 2 else None
    if test is None:
        return pattern

    def moved(seq: list) -> list | None:
        first = seq[0] if seq else None
        if first is None or first[0] is not _c.LITERAL:
            return None
        if test == "boundary" and not (chr(first[1]).isalnum() or chr(first[1]) == "_"):
            return None  # (\\b before a character that is no word character asks for a word character before it)
        behind = _sre_parse.SubPattern(parsed.state, [_WORD_CHAR, first])
        return [first, (_c.ASSERT_NOT, (-1, behind)), *seq[1:]]

    op, arg = items[1]
    head: list | None = None
    rest: list = []
    if op is _c.BRANCH:
        branches = [moved(list(b)) for b in arg[1]]
        if all(b is not None for b in branches):
            head = [(_c.BRANCH, (None, [_sre_parse.SubPattern(parsed.state, b) for b in branches]))]
            rest = items[2:]
    elif (moved_items := moved(items[1:])) is not None:
        head = moved_items
    if head is None and pattern.groups == 0:  # the alternatives spelt out, each with what follows its opening
        alternatives = _openings(items[1:])
        spelt = [] if alternatives is None else [moved(alt) for alt in alternatives]
        if spelt and all(b is not None for b in spelt):
            head = [(_c.BRANCH, (None, [_sre_parse.SubPattern(parsed.state, b) for b in spelt]))]
    if head is None:
        return pattern
    parsed.data = head + rest
    return _sre_compile.compile(parsed, pattern.flags)


class Gated:
    """A compiled pattern behind its literal gate; `search`, `match` and `finditer` answer as the pattern's."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)  # (parsed once: a check's first use builds hundreds)
        self.literals = required_literals(pattern, parsed)
        self.needs = requirements(pattern, parsed)
        self.scanner = _literal_first(pattern, parsed)  # what search, match and finditer run: the same matches (last:
        # it rewrites the parse tree)

    def may_match(self, low: str, tokens: frozenset[str]) -> bool:
        """Whether the pattern can match somewhere in the folded sentence `low` whose [a-z]+ words are `tokens`."""
        return meets(self.needs, low, tokens)

    def search_words(self, low: str, tokens: frozenset[str]) -> re.Match | None:
        """`search` on a whole folded sentence `low` whose [a-z]+ words are `tokens` (the sharper gate)."""
        return self.scanner.search(low) if meets(self.needs, low, tokens) else None

    def could_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        if self.literals is None:
            return True
        window = text if pos == 0 and endpos is None else text[pos:endpos]
        for literal in self.literals:  # (a plain loop: a generator costs more than the tests themselves)
            if literal in window:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        if not self.could_match(text, pos, endpos):
            return None
        return self.scanner.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        if not self.could_match(text, pos, endpos):
            return None
        return self.scanner.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        if not self.could_match(text, pos, endpos):
            return iter(())
        return self.scanner.finditer(text, pos, len(text) if endpos is None else endpos)


def gated(pattern: re.Pattern) -> Gated:
    return Gated(pattern)


class Several:
    """Gated patterns (or anything with `needs`: the rules, rules/base.py; None needs nothing) in a fixed order, asked
    together on a whole sentence: `which(low, tokens)` gives, in order, those that may match there (each meets all its
    requirements). Each one is filed under the words of one of its requirements that holds only words, so a sentence
    looks its own words up once instead of testing every pattern's gate; the ones with no such requirement are tested
    on every sentence."""

    def __init__(self, gates: list):
        self.gates = list(gates)
        self._needs = [g.needs or () for g in self.gates]
        self._by_word: dict[str, set[int]] = {}
        self._always: set[int] = set()
        self._rest: dict[int, tuple[Option, ...]] = {}  # what a pattern needs besides the requirement it is filed under
        for i, needs in enumerate(self._needs):
            word_options = [option for option in needs if option[0] and not option[1]]
            if not word_options:
                self._always.add(i)
                if needs:
                    self._rest[i] = tuple(needs)
                continue
            option = max(word_options, key=_selectivity)
            for word in option[0]:
                self._by_word.setdefault(word, set()).add(i)
            rest = tuple(other for other in needs if other != option)
            if rest:
                self._rest[i] = rest
        self._words = frozenset(self._by_word)  # (a set: intersected with a sentence's words, the smaller is walked)

    def which(self, low: str, tokens: frozenset[str]) -> list:
        found = set(self._always)
        for word in tokens.intersection(self._words):
            found |= self._by_word[word]
        gates, rest = self.gates, self._rest
        # (a pattern filed under a word of the sentence meets that requirement: only the others are tested)
        return [gates[i] for i in sorted(found) if i not in rest or meets(rest[i], low, tokens)]
