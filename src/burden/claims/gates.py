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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _parser as _sre_parse  # type: ignore[attr-defined]  # the re module's own parser (Python 3.11+)
from typing import Any

_c = _sre_parse  # the opcode names live in the parser's namespace (re._constants)
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """A set of strings such that every match of `pattern` contains at least one of them, or None when the
    pattern guarantees none (e.g. it starts with a character class and holds no fixed word)."""
    if pattern.flags & re.I:
        raise ValueError(f"gates need a case-sensitive pattern (fold the text instead): {pattern.pattern!r}")
    found = _needs(_sre_parse.parse(pattern.pattern, pattern.flags))
    return frozenset(found) if found else None


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


class Gated:
    """A compiled pattern behind its literal gate; `search`, `match` and `finditer` answer as the pattern's."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.literals = required_literals(pattern)

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
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        if not self.could_match(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        if not self.could_match(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)


def gated(pattern: re.Pattern) -> Gated:
    return Gated(pattern)
