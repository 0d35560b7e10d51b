"""Accession facts: "Montenegro became a member in 2016", "Finland joined last April", "the first
enlargement since North Macedonia joined in 2020"."""

from __future__ import annotations

import dataclasses
import re

from ..dates import TimeRef, future
from ..extract import _EVENT_AFTER, Claim, Sentence
from ..gates import gated, needs_of
from ..lexicon import patterns, words
from .base import Rule

# the phrasings of joining (lexicon join.csv) on Sentence.low, behind the words their matches need (claims.gates)
_JOIN = gated(re.compile(r"\b(?:" + "|".join(re.escape(p) for p in words("join", "phrase")) + r")\b"))
# (an application or bid to join is no joining: "Finland and Sweden applied to join in May")
_FUTURE_BEFORE_FOLDED = gated(future("join", tail=r"\s(?:\w+\s)?$"))  # (lexicon future.csv) behind its literal gate
FIRST_SINCE = re.compile(r"\bfirst\b[^.]{0,60}\bsince\b", re.I)
# "have been NATO members since 2004", "has been a member since 1999" (on the folded text, ending at "since")
# "Italy and Spain joined them (the allies at 2%)": joining a set of allies talked about, no accession
_JOINED_A_SET = re.compile(r"join(?:ed|s)?\s(?:them|their\sranks|that\sgroup|this\sgroup|the\sclub|that\sclub)\b")
# "spending came in at 1.2%", "came in lower than planned": a figure's level, no joining (folded text, after "came in")
_LEVEL_AFTER_CAME_IN = re.compile(r"\s(?:at|lower|higher|under|over|above|below|around|about|slightly|well|just|much|far"
                                  r"|short|ahead|behind|\d)")
_MEMBER_SINCE = re.compile(r"\bbeen\s(?:an?\s)?(?:nato\s|alliance\s)?members?\s(?:of\s(?:nato|the\salliance)\s)?$")


# after a verb of joining: a set of allies or a group of them, not NATO ("join the US, Britain and Greece as the only
# five ...", "joined a list of nine countries that ...", "joins the ranks of the 2% club"; folded text)
_OTHERS_AFTER = re.compile(r"\w+\s(?:the\s|a\s|an\s)?(?:(?:list|group|club|ranks|circle|league|camp|handful|few)\sof\b|(?:other|fellow)\s)|\w+\s(?:only\s)?\d")


# a noun of joining with its ally after "of" ("the accession of Montenegro", "the admission of Finland"); what may
# stand between "of" and the ally; before and after an ally of a gapped clause ("..., and North Macedonia in 2020")
_NOUN_OF = ("accession of ", "admission of ")
_OF_THE = re.compile(r"(?:the\s)?")
_THEY_BEFORE = re.compile(r"\b(?:they|both|the\stwo|all\sthree)\s(?:both\s|all\s|each\s)?(?:have\s|had\s)?$")
_GAPPED_BEFORE = re.compile(r"(?:,\s|\s)(?:and|while|then)\s(?:the\s)?$|,\s(?:the\s)?$")
_IN_TIME_AFTER = re.compile(r"\s(?:in|on)\s(?:(?:january|february|march|april|may|june|july|august|september|october|november"
                            r"|december)\s)?(?:19|20)\d\d\b")


# the ally that joined last, by a title ("NATO's newest member", lexicon newest_member.csv), with the ally right before or
# after it (folded text; not a title with a time of its own, "the newest member since 2017", read as no claim)
_NEWEST = gated(re.compile(r"\b(?:" + patterns("newest_member", "kind", "epithet") + r")(?!\ssince\b)"))
_NEWEST_BEFORE = re.compile(r"(?:" + patterns("newest_member", "kind", "before") + r")$")
_NEWEST_AFTER = re.compile(patterns("newest_member", "kind", "after"))


def _month_years(times: list[TimeRef]) -> list[TimeRef]:
    """The sentence's times with a month written right before its year as one time ("on 27 March 2020", "March,
    2020": March of 2020, not of the date's year)."""
    out: list[TimeRef] = []
    for t in times:
        if out and out[-1].kind == "month" and t.kind == "year" and t.year and 0 <= t.start - out[-1].end <= 2:
            out[-1] = dataclasses.replace(out[-1], end=t.end, year=t.year, text=f"{out[-1].text} {t.text}")
            continue
        out.append(t)
    return out


def _joins_others(s: Sentence, j: int) -> bool:
    """The join at `j` has allies (or a list, a club of them) for its object: a set joined, no accession."""
    if _OTHERS_AFTER.match(s.low, j):
        return True
    end = s.low.find(" ", j) + 1
    return end > 0 and any(e.is_ally and end <= e.start <= end + 4 for e in s.entities)


class AccessionRule(Rule):
    type = "accession"
    code = "CLM-ACCESSION"
    needs = (needs_of(_JOIN, _NEWEST),)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        joined = self._joins(s)
        done = {c for claim in joined for c in claim.extra["codes"]}
        return joined + [c for c in self._newest(s) if c.extra["codes"][0] not in done]

    def _newest(self, s: Sentence) -> list[Claim]:
        """"the youngest member of NATO — Montenegro", "Finland, NATO's newest member": the ally is the last to have
        joined by the date (no year is said; a title said of what will come, "will be the newest member", is none)."""
        out = []
        for m in _NEWEST.finditer(s.low):
            if _FUTURE_BEFORE_FOLDED.search(s.low[max(0, m.start() - 25):m.start()]):
                continue
            ally = next((e for e in s.entities if e.is_ally and e.kind == "name" and (
                _NEWEST_AFTER.fullmatch(s.low, m.end(), e.start) or _NEWEST_BEFORE.search(s.low[e.end:m.start()]))), None)
            if ally is not None:
                out.append(self.claim(s, ally.code, "newest_member", True, "eq", None, codes=[ally.code],
                                      first_since=False, newest=True))
        return out

    def _joins(self, s: Sentence) -> list[Claim]:
        starts = [m.start() for m in _JOIN.scanner.finditer(s.low)]
        if not starts:
            return []
        # "hopes to join", "is expected to follow": a future join is no accession fact
        low = s.low
        # ("the Baltic states are now joined by Croatia" at 2%: a passive "joined by" is no accession of its subject)
        joins = [j for j in starts if not _FUTURE_BEFORE_FOLDED.search(low[max(0, j - 25):j])
                 and not low.startswith("joined by", j) and not _JOINED_A_SET.match(low, j)
                 and not (low.startswith(("came in", "come in", "comes in"), j) and _LEVEL_AFTER_CAME_IN.match(low, low.find(" in", j) + 3))
                 and (low.startswith(_NOUN_OF, j) or not _joins_others(s, j))]
        # (is_ally: kind != "group"; a set named before: "All three nations have been NATO members since 2004"); the
        # ally after a noun of joining ("the accession of Montenegro (in 2017)"); an ally of a gapped clause after the
        # join ("Montenegro joined in 2017 and North Macedonia in 2020"): each its own accession claim; the allies
        # joined together ("Albania and Croatia came in in 2009") one claim
        # (after a plural pronoun, "they both joined in 2009", the allies named before it in the sentence)
        reach = [(j, 160 if _THEY_BEFORE.search(low, max(0, j - 16), j) else 60) for j in joins]
        named = [e for e in s.entities if e.kind in ("name", "set")]
        allies = [e for e in named if any(0 <= j - e.end < far for j, far in reach)]
        own = [e for e in named if e not in allies and (
            any(low.startswith(_NOUN_OF, j) and _OF_THE.fullmatch(low, low.find(" of ", j) + 4, e.start) for j in joins)
            or joins and e.start > joins[0] and _GAPPED_BEFORE.search(low, max(0, e.start - 12), e.start)
            and _IN_TIME_AFTER.match(low, e.end))]
        # (not a year naming an event: "joined in March, after the 2022 invasion")
        # a year, "last year", "earlier this year", "last April", and the start of a membership ("have been NATO members
        # since 2004"; not "the newest member since 2017")
        times = [t for t in _month_years(s.times)
                 if (t.kind in ("year", "last_year", "this_year") and not _EVENT_AFTER.match(s.text, t.end)
                     or t.kind == "month" and (t.text.lower().startswith("last")
                                               # "joined in April", "was added on 27 March 2020": a month after the
                                               # join (not a dateline's, "BRUSSELS, March 27 - ...")
                                               or any(0 < t.start - j < 40 for j in joins))
                     or t.kind == "since" and _MEMBER_SINCE.search(low, max(0, t.start - 30), t.start))]
        times = [t for t in times if t.year and (t.year, t.month or 0) <= (s.today.year, s.today.month)]
        # an ally of its own join (after "the accession of", or of a gapped clause "..., and North Macedonia in
        # 2020") has the time right after it, and a claim of its own
        own_claims = []
        for e in own:
            t = next((t for t in times if e.end <= t.start <= e.end + 12), None)
            if t is not None:
                times.remove(t)
                when = (t.year, t.month if t.kind == "month" else None)
                own_claims.append(self.claim(s, e.code, "accession_year", [when], "eq", t.year, codes=[e.code],
                                             first_since=False))
        if not allies or not times:
            return own_claims
        codes, whens = [], []
        for e in allies:
            if e.code not in codes:
                codes.append(e.code)
        if len(times) >= len(codes):
            whens = [(t.year, t.month if t.kind == "month" else None) for t in times[:len(codes)]]
        else:
            whens = [(times[0].year, times[0].month if times[0].kind == "month" else None)] * len(codes)
        # \bfirst\b and \bsince\b are whole tokens of the folded text: without both, no match (one search)
        since = FIRST_SINCE.search(s.text) if "first" in s.tokens and "since" in s.tokens else None
        first_since = since is not None
        if since is not None:  # "first ... since X joined in Y": X is the subject of the join verb
            since_allies = [e for e in allies if e.start > since.start()]
            if since_allies:
                codes, whens = [since_allies[0].code], [whens[0]]
        return [self.claim(s, ",".join(codes), "accession_year", [w for w in whens], "eq", whens[0][0],
                           codes=codes, first_since=first_since), *own_claims]
