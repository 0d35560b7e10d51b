"""A cheap first pass before the full claim checker: an article goes on only if it names the topic
(NATO, allies, defence, the pledges ...) and holds a quantity (a digit or a number word).

The vocabulary lives in `prefilter.toml` beside this module; the threshold nouns (a claim may need nothing
else) come from the checker's own lexicon. The prefilter is a pure filter on the
text: it never changes what the checker finds in an article it lets through, and it must never drop
an article in which the checker finds a claim (tested on the dev and regression corpora).
"""

from __future__ import annotations

import functools
import html
import re
import tomllib
from pathlib import Path

from burden.claims.lexicon import rows

VOCABULARY = Path(__file__).with_name("prefilter.toml")


@functools.cache
def _threshold_nouns() -> re.Pattern[str]:
    """The nouns the checker's threshold-status reader turns on (lexicon threshold_status.csv, roles target and
    below_set): a claim can need no other topic word and no number ("Just 23 reach the goal", "Spain still misses
    that standard", "the laggards list includes Spain"), so they count as both. Taken from the lexicon, so the
    prefilter follows the reader as it grows."""
    nouns = [r["pattern"] for r in rows("threshold_status") if r["role"] in ("target", "below_set")]
    return re.compile(r"\b(?:" + "|".join(nouns) + r")\b")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))

    def words(terms: list[str]) -> str:
        # longest first, so "per cent" is tried before "per"; spaces match any run of white space
        alts = sorted({re.escape(t).replace(r"\ ", r"\s+") for t in terms}, key=len, reverse=True)
        return r"\b(?:" + "|".join(alts) + ")"

    topic = re.compile(words([t.lower() for t in data["topic"]]))
    cased = re.compile(words(data["topic_case_sensitive"]) + r"\b")
    quantity = re.compile(r"\d|" + words([t.lower() for t in data["quantity"]]) + r"\b")
    return topic, cased, quantity


def passes(text: str) -> bool:
    """Whether the text may hold a claim: a topic term and a quantity. Works on HTML too (entities are
    decoded first, tags are left in: a page's raw text is a superset of its main text)."""
    if "&" in text:
        text = html.unescape(text)
    low = text.lower()
    topic, cased, quantity = _patterns()
    if _threshold_nouns().search(low) is not None:
        return True
    if topic.search(low) is None and cased.search(text) is None:
        return False
    return quantity.search(low) is not None
