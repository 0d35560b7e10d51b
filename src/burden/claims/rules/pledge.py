"""Pledges as data (commitments.csv): thresholds, deadlines, the year a guideline was adopted, the
review year, and "the current target" as it stood on the article's date."""

from __future__ import annotations

import re

from ...targets import pledge_date, pledges
from ..extract import Claim, Sentence
from ..grammar import folded_pattern
from .ally_pct import REACH_BEFORE
from .base import Rule, fact, unverifiable

SUMMITS = {"RIGA2006": r"\bRiga\b", "WALES2014": r"\bWales\b|\bNewport\b", "VILNIUS2023": r"\bVilnius\b",
           "HAGUE2025": r"\bHague\b"}
# a literal every (case-sensitive) SUMMITS match holds ("" for Wales/Newport: no single one)
_SUMMIT_WORD = {"RIGA2006": "Riga", "WALES2014": "", "VILNIUS2023": "Vilnius", "HAGUE2025": "Hague"}
AGREE = re.compile(r"\b(?:agreed|agree|adopted|adopt|endorsed|endorse|set(?!\sto\b)|sets|pledged|pledge|promised|promise|committed|commits?"
                   r"|commitment|endorsed|made|replaces|aim|goal|communiqu\w*|declaration|is to go|to go on)\b", re.I)
# a word every AGREE match holds (as [a-z]+ tokens of the case-folded text): "is to go"/"to go on" hold "go",
# communiqu\w* a token starting with "communiqu"
_AGREE_WORDS = frozenset("agreed agree adopted adopt endorsed endorse set sets pledged pledge promised promise committed "
                         "commits commit commitment made replaces aim goal declaration go".split())


def _may_agree(s) -> bool:
    return not s.tokens.isdisjoint(_AGREE_WORDS) or "communiqu" in s.low


GROUP_ACTOR = re.compile(r"\b(?:NATO|allies|leaders|alliance|members|ministers|heads of state|communiqu\w*|they|summit)\b",
                         re.I)
CURRENT = re.compile(r"\bcurrent\s(?:\w+\s){0,2}(?:target|goal|commitment|guideline|benchmark)|"
                     r"standing target", re.I)
ADOPTION = re.compile(r"\b(?:adopted|agreed|endorsed|set|created|creation|introduced|dates? (?:back )?(?:from|to)|first)\b",
                      re.I)
GUIDELINE_2 = re.compile(r"\b2\s?(?:%|per\s?cent|percent)|\btwo\s(?:per\s?cent|percent)|\bguideline\b|\bfigure\b"
                         r"|\bit\b", re.I)
_AGREE_FOLDED, _GROUP_ACTOR_FOLDED = folded_pattern(AGREE), folded_pattern(GROUP_ACTOR)  # yes/no on s.low
_ADOPTION_FOLDED, _GUIDELINE_2_FOLDED = folded_pattern(ADOPTION), folded_pattern(GUIDELINE_2)
REVIEW = re.compile(r"\breview\w*\b", re.I)
_DEADLINE_WORDS = re.compile(r"\b(?:level|goal|target|deadline|reach)\b", re.I)
DECADE = re.compile(r"within a decade|within ten years", re.I)


def _allies(s: Sentence) -> list:
    """The allies a pledge sentence names (the Netherlands is also the Hague's country)."""
    return [e for e in s.subjects() if e.is_ally and e.code not in ("NLD",)]


def _pledge(pid: str) -> dict[str, str]:
    return next(p for p in pledges() if p["id"] == pid)


def _deadline(row: dict[str, str]) -> int | None:
    m = re.match(r"\s*(\d{4})", row.get("deadline", ""))
    return int(m.group(1)) if m else None


def standing_ids(s: Sentence) -> list[str]:
    """Pledges in force on the date."""
    return [p["id"] for p in pledges() if pledge_date(p) <= s.today]


def pledge_for(s: Sentence, value: float | None) -> str | None:
    """Which pledge a threshold refers to: by summit name, by value and wording, else the standing one."""
    text = s.text
    named = [k for k, pat in SUMMITS.items() if _SUMMIT_WORD[k] in text and re.search(pat, text)]
    if value == 20.0 or re.search(r"equipment", text, re.I):
        return "WALES2014_DIP_20PCT_EQUIP"
    if value == 3.5 or re.search(r"\bcore defence\b", text, re.I) and value != 1.5 and value != 5.0:
        return "HAGUE2025_3_5PCT_CORE"
    if value == 1.5 and (named == ["HAGUE2025"] or re.search(r"security-related|related", text, re.I)):
        return "HAGUE2025_1_5PCT_RELATED"
    if value == 5.0 and "HAGUE2025" in named or value == 5.0 and re.search(r"new (?:goal|target|level)", text, re.I):
        return "HAGUE2025_5PCT_TOTAL"
    if "VILNIUS2023" in named:
        return "VILNIUS2023_2PCT_FLOOR"
    if "WALES2014" in named:
        return "WALES2014_DIP_2PCT"
    if "RIGA2006" in named:
        return "RIGA2006_2PCT"
    if "HAGUE2025" in named and value in (None, 5.0):
        return "HAGUE2025_5PCT_TOTAL"
    if value == 2.0:
        return "CURRENT"
    return None

GATE = frozenset("agreed agree adopted adopt set sets pledged pledge promised promise committed commits commit commitment endorsed guideline target goal current standing review wales newport vilnius hague riga core floor decade made replaces aim communique communiqué creation created introduced first level deadline until".split())


class PledgeRule(Rule):
    type = "pledge"
    code = "CLM-PLEDGE"

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question or s.misconception or s.words.isdisjoint(GATE):
            return []
        text = s.text
        out: list[Claim] = []
        # the year a guideline was adopted ("adopted the 2 per cent guideline in 2006", "a creation of the 2014 Wales summit")
        # (the cheap tests first: the entity and time scans are left to the sentences that need them)
        wales = "Wales" in text and re.search(r"\bWales\b", text)
        years = [t for t in s.times if t.kind in ("year", "ago") and t.year] \
            if _ADOPTION_FOLDED.search(s.low) and _GUIDELINE_2_FOLDED.search(s.low) and not s.free(("count",)) else []
        if years and not _allies(s):
            t = years[-1]
            if wales and re.search(r"promis|pledg|move towards", text, re.I):
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", t.year, "eq", t.year))
            else:
                out.append(self.claim(s, "RIGA2006_2PCT", "adopted_year", t.year, "eq", t.year))
            for q in s.free(("pct",)):
                s.take(q)
            s.carry.pledge = out[-1].subject
            return out
        if (wales and re.search(r"promis|pledg|move towards", text, re.I) and not _allies(s)
                and not s.free(("count",))):
            t = [t for t in s.times if t.year and t.kind in ("year", "ago", "month")]
            if t:
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", t[-1].year, "eq", t[-1].year,
                                      within_decade=bool(DECADE.search(text))))
                for q in s.free(("pct",)):
                    s.take(q)
                s.carry.pledge = "WALES2014_DIP_2PCT"
                return out
        if "review" in s.low and REVIEW.search(text) and re.search(r"pledge|trajectory|Hague", text, re.I):
            t = [t for t in s.times if t.year and t.kind in ("year", "deadline")]
            if t:
                return [self.claim(s, "HAGUE2025_REVIEW_2029", "review_year", t[0].year, "eq", t[0].year)]
        current = CURRENT.search(text) if "current" in s.low or "standing" in s.low else None
        agreeing = _may_agree(s) and _AGREE_FOLDED.search(s.low) and (_GROUP_ACTOR_FOLDED.search(s.low) or any(
            re.search(p, text) for p in SUMMITS.values()))
        pcts = s.free(("pct",))
        allies = _allies(s) if pcts else []
        for q in pcts:
            if allies and any(abs(e.start - q.start) < 80 for e in allies):
                continue  # an ally's own figure or plan
            if REACH_BEFORE.search(text[max(0, q.start - 40):q.start]):
                continue  # "most allies have reached the 2 per cent guideline": not the pledge itself
            near_current = current and abs(current.start() - q.start) < 60
            if not (near_current or agreeing or re.search(r"core defence|security-related", text, re.I)):
                continue
            if re.search(r"\ballies\b", text[max(0, q.start - 60):q.start]) and s.free(("count",)):
                continue  # a count of allies meeting a threshold
            pid = "CURRENT" if near_current and q.value == 2.0 else pledge_for(s, q.value)
            if pid is None:
                continue
            deadline = [t for t in s.times if t.kind == "deadline"]
            s.take(q)
            out.append(self.claim(s, pid, "threshold_pct", q.value, q.comparator,
                                  deadline[0].year if deadline else s.today.year, q, current=bool(near_current),
                                  deadline=deadline[0].year if deadline else None,
                                  within_decade=bool(DECADE.search(text))))
            s.carry.pledge = pid if pid != "CURRENT" else s.carry.pledge
        if not out and s.carry.pledge and _DEADLINE_WORDS.search(text):
            # "allies had 'until 2032' to reach the new level": a deadline for the pledge just discussed
            deadline = [t for t in s.times if t.kind == "deadline"]
            if deadline and not _allies(s):
                out.append(self.claim(s, s.carry.pledge, "deadline_year", deadline[0].year, "eq", deadline[0].year,
                                      deadline=deadline[0].year))
        return out

    def verify(self, claim: Claim):
        s = claim.sentence
        pid = claim.subject
        if claim.metric == "adopted_year":
            row = _pledge("RIGA2006_2PCT")
            ok = claim.value == pledge_date(row).year
            return fact("supported" if ok else "refuted", [f"RIGA2006_2PCT: the 2% guideline dates from {row['date']}"],
                        f"the 2% guideline was adopted in {row['date']}, not {claim.value}" if not ok else
                        "the 2% guideline dates from 2006")
        if claim.metric == "pledge_year":
            row = _pledge(pid)
            ok = claim.value == pledge_date(row).year
            return fact("supported" if ok else "refuted", [f"{pid}: agreed {row['date']} ({row['summit']})"],
                        f"{row['summit']} pledge dates from {row['date']}")
        if claim.metric == "review_year":
            row = _pledge(pid)
            if pledge_date(row) > s.today:
                return unverifiable("the pledge had not been agreed by the article's date")
            ok = claim.value == _deadline(row)
            return fact("supported" if ok else "refuted", [f"{pid}: review in {row['deadline']}"], "review year")
        if claim.metric == "deadline_year":
            row = _pledge(pid)
            ok = claim.value == _deadline(row)
            return fact("supported" if ok else "refuted", [f"{pid}: deadline {row['deadline']}"],
                        f"the deadline is {row['deadline']}" + ("" if ok else f", not {claim.value}"))
        in_force = standing_ids(s)
        if pid == "CURRENT":
            pid = current_target(in_force)
            claim.subject = pid or "CURRENT"
            if pid is None:
                return unverifiable("no spending pledge was in force on that date")
        row = _pledge(pid)
        if pid not in in_force:
            return unverifiable(f"{pid} had not been agreed by {s.today.isoformat()}")
        threshold = float(row["threshold_pct"] or "nan")
        facts = [f"{pid}: {row['summit']}, {row['date']}: {row['comparator']} {row['threshold_pct']}% "
                 f"({row['metric']}); deadline {row['deadline'] or 'none'}"]
        if claim.extra.get("current") and pid != current_target(in_force):
            return fact("refuted", facts, f"on that date the standing target was {current_target(in_force)}")
        if abs(claim.value - threshold) > 1e-9:
            return fact("refuted", facts, f"the pledge is {threshold:g}%, not {claim.value:g}%")
        deadline = claim.extra.get("deadline")
        if deadline and _deadline(row) and deadline != _deadline(row):
            return fact("refuted", facts, f"the deadline is {_deadline(row)}, not {deadline}")
        return fact("supported", facts, "matches the pledge as it stood on that date")


def current_target(in_force: list[str]) -> str | None:
    for pid in ("HAGUE2025_5PCT_TOTAL", "VILNIUS2023_2PCT_FLOOR", "WALES2014_DIP_2PCT", "RIGA2006_2PCT"):
        if pid in in_force:
            return pid
    return None
