"""Pledges as data (commitments.csv): thresholds, deadlines, the year a guideline was adopted, the
review year, and "the current target" as it stood on the article's date."""

from __future__ import annotations

import re

from ...targets import pledge_date, pledges
from ..dates import TimeRef
from ..extract import Claim, Sentence
from ..grammar import folded_pattern
from ..verify import EQUIP, GDP
from .ally_pct import REACH_BEFORE
from .base import Rule, fact, unverifiable
from .member_count import WordAny, word_first

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
WALES_AGREEMENT = re.compile(r"\b(?:agreed|pledged|committed|promised|vowed|pledge|commitment|aim(?:ing)?|move towards"
                             r"|within a decade|by 2024)\b", re.I)
ORIGIN = re.compile(r"\b(?:created|creation|introduced|invented|first (?:set|adopted|agreed)|dates? (?:back )?(?:from|to)"
                    r"|origin\w*|born)\b", re.I)
_AGREED_TO = re.compile(r"\b(?:(?:agreed|agree|pledged|committed|promised|vowed|decided)\s(?:\w+\s)?to|must|have to|has to|"
                        r"need to|needs to)\s\w+\s(?:\w+\s)?$", re.I)
_PLEDGE_NAMED = re.compile(r"\bthe\s(?:Hague|Wales|2014|2025)\s(?:pledge|commitment|target|goal)\b", re.I)
_MET_BY = re.compile(r"\b(?:met|reached|achieved|hit)\sby\b|\bdeadline\b|\bruns?\sto\b", re.I)
DECADE = re.compile(r"within a decade|within ten years", re.I)


def _allies(s: Sentence) -> list:
    """The allies a pledge sentence names (the Netherlands is also the Hague's country)."""
    return [e for e in s._subjects if e.kind != "group" and e.code != "NLD"]  # read, not changed (= is_ally)


def _pledge(pid: str) -> dict[str, str]:
    return next(p for p in pledges() if p["id"] == pid)


_YEAR_AT_START = re.compile(r"\s*(\d{4})")


def _deadline(row: dict[str, str]) -> int | None:
    m = _YEAR_AT_START.match(row.get("deadline", ""))
    return int(m.group(1)) if m else None


def standing_ids(s: Sentence) -> list[str]:
    """Pledges in force on the date."""
    return [p["id"] for p in pledges() if pledge_date(p) <= s.today]


# compiled once (an inline re.search looks its pattern up in the module cache on every call)
# each with the literals a match holds (case-sensitive); the word first (member_count.word_first): same matches
_SUMMIT_RES = [(k, word_first(re.findall(r"\\b(\w+)\\b", pat)), ("Wales", "Newport") if k == "WALES2014"
                else (_SUMMIT_WORD[k],)) for k, pat in SUMMITS.items()]
_WALES = word_first(["Wales"])  # = \bWales\b
_PROMISE = re.compile(r"promis|pledg|move towards", re.I)
_REVIEW_ABOUT = re.compile(r"pledge|trajectory|Hague", re.I)
_CORE_DEFENCE = re.compile(r"\bcore defence\b", re.I)
_ALLIES_WORD = re.compile(r"\ballies\b")
# tokens (grammar.folded [a-z]+ words) one of which every match holds: a \b-bounded word of the folded text is
# a whole [a-z]+ token there, so a sentence without them cannot match (the pattern is still run when they occur)
_GUIDELINE_WORDS = frozenset("two guideline figure it".split())  # or "2" in the folded text
_DEADLINE_TOKENS = frozenset("level goal target deadline reach".split())
_DEADLINE_FOLDED = word_first(["level", "goal", "target", "deadline", "reach"])  # = _DEADLINE_WORDS, on s.low
# AGREE, GROUP_ACTOR and ADOPTION as yes/no on s.low, alternative by alternative (member_count.WordAny)
_AGREE_ANY = WordAny([*[(w, w) for w in "agreed agree adopted adopt endorsed endorse sets pledged pledge promised "
                        "promise committed commitment made replaces aim goal declaration".split()],
                      ("set", r"set(?!\sto\b)"), ("commit", "commits?"), ("commits", "commits?"),
                      ("~communiqu", r"communiqu\w*"), ("go", "is to go"), ("go", "to go on")])
_GROUP_ACTOR_ANY = WordAny([*[(w, w) for w in "nato allies leaders alliance members ministers they summit".split()],
                            ("heads", "heads of state"), ("~communiqu", r"communiqu\w*")])
_ADOPTION_ANY = WordAny([*[(w, w) for w in "adopted agreed endorsed set created creation introduced first".split()],
                         ("date", "dates? (?:back )?(?:from|to)"), ("dates", "dates? (?:back )?(?:from|to)")])
# the words _ADOPTION_ANY looks for (it has no substring entries): without one of them among the tokens it
# answers False, so the call is skipped
_ADOPTION_KEYS = frozenset(_ADOPTION_ANY.by_token)
assert not _ADOPTION_ANY.by_substring
# GUIDELINE_2 as a yes/no on s.low (the same matches: member_count.word_first)
_GUIDELINE_2_FAST = word_first([r"2\s?(?:%|per\s?cent|percent)", r"two\s(?:per\s?cent|percent)", r"guideline\b",
                                r"figure\b", r"it\b"], tail="")
# a substring of the folded text every REACH_BEFORE match holds (reach*, hit(s), meet(s)/meeting, met, pass*,
# cross(ed), above, below, clear(s), exceed*, past, miss*, short of); no assertions, so pos/endpos = a slice
_REACH_MARKS = re.compile(r"reach|hit|mee|met|pass|cross|above|below|clear|exceed|past|miss|short")


_TOWARD = re.compile(r"\b(?:moving|move|moves|moved|progress\w*|heading|working|on track|on course)\s(?:\w+\s)?towards?\s(?:the\s)?$")
_FROM_OLD_LEVEL = re.compile(r"\bfrom\s(?:the\s)?(?:old\s|current\s|previous\s)?$")
_TO_NEW_LEVEL = re.compile(r"\s?(?:of\sgdp\s)?to\s(?:at\sleast\s)?\d")


_RAISE = re.compile(r"\b(?:rais|lift|increas|doubl|hik)\w*\s(?:the|its|their)\s(?:\w+\s){0,2}(?:target|goal|guideline|"
                    r"benchmark|bar)\b(?:\s[\w-]+){0,3}\sfrom\s")


def _named(text: str) -> list[str]:
    """The summits a text names (SUMMITS order)."""
    return [k for k, regex, marks in _SUMMIT_RES if (marks[0] in text or marks[-1] in text) and regex.search(text)]


def _names_summit(text: str) -> bool:
    for _k, regex, marks in _SUMMIT_RES:
        if (marks[0] in text or marks[-1] in text) and regex.search(text):
            return True
    return False


def pledge_for(s: Sentence, value: float | None) -> str | None:
    """Which pledge a threshold refers to: by summit name, by value and wording, else the standing one."""
    # a re.I search for an ASCII literal is a substring test on the folded text (grammar.folded_pattern)
    low = s.low
    if value == 20.0 or "equipment" in low and value not in (2.0, 3.5, 5.0, 1.5):
        return "WALES2014_DIP_20PCT_EQUIP"
    if value == 3.5 or value != 1.5 and value != 5.0 and "core defence" in low and _CORE_DEFENCE.search(s.text):
        return "HAGUE2025_3_5PCT_CORE"
    named = _named(s.text)
    if value == 1.5 and (named == ["HAGUE2025"] or "related" in low):  # "security-related|related"
        return "HAGUE2025_1_5PCT_RELATED"
    if value == 5.0 and ("HAGUE2025" in named or "new goal" in low or "new target" in low or "new level" in low):
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


def _within_decade(low: str) -> bool:
    return "within a decade" in low or "within ten years" in low  # = DECADE.search (re.I, literals only)


class PledgeRule(Rule):
    type = "pledge"
    code = "CLM-PLEDGE"

    def find(self, s: Sentence) -> list[Claim]:
        if s.words.isdisjoint(GATE) or s.is_question or s.misconception:  # pure tests: the likeliest stop first
            return []
        text, low, tokens = s.text, s.low, s.tokens
        out: list[Claim] = []
        # the year a guideline was adopted ("adopted the 2 per cent guideline in 2006", "a creation of the 2014 Wales summit")
        # (the cheap tests first: the entity and time scans are left to the sentences that need them)
        wales = "Wales" in text and _WALES.search(text)
        years = [t for t in s.times if t.kind in ("year", "ago") and t.year] \
            if (not tokens.isdisjoint(_ADOPTION_KEYS) and _ADOPTION_ANY.search(low, tokens)  # = _ADOPTION_FOLDED
                and ("2" in low or not tokens.isdisjoint(_GUIDELINE_WORDS)) and _GUIDELINE_2_FAST.search(low)
                and not s.free(("count",))) else []
        if years and not _allies(s):
            t = years[-1]
            if wales and _PROMISE.search(text) or t.year == 2014 and WALES_AGREEMENT.search(text) \
                    and not ORIGIN.search(text):
                # "agreed in 2014 to aim for 2%", "the 2014 pledge": the Wales pledge, named by its year; with a
                # deadline ("to spend 2% by 2025") the deadline is what is checked
                deadline = [d for d in s.times if d.kind == "deadline" and d.year and d.year != t.year]
                if deadline:
                    out.append(self.claim(s, "WALES2014_DIP_2PCT", "deadline_year", deadline[0].year, "eq",
                                          deadline[0].year, deadline=deadline[0].year))
                else:
                    out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", t.year, "eq", t.year))
            else:
                out.append(self.claim(s, "RIGA2006_2PCT", "adopted_year", t.year, "eq", t.year))
            for q in s.free(("pct",)):
                s.take(q)
            s.carry.pledge = out[-1].subject
            return out
        if wales and _PROMISE.search(text) and not _allies(s) and not s.free(("count",)):
            t = [t for t in s.times if t.year and t.kind in ("year", "ago", "month")]
            if t:
                out.append(self.claim(s, "WALES2014_DIP_2PCT", "pledge_year", t[-1].year, "eq", t[-1].year,
                                      within_decade=_within_decade(low)))
                for q in s.free(("pct",)):
                    s.take(q)
                s.carry.pledge = "WALES2014_DIP_2PCT"
                return out
        if "review" in low and REVIEW.search(text) and _REVIEW_ABOUT.search(text):
            t = [t for t in s.times if t.year and t.kind in ("year", "deadline")]
            if t:
                return [self.claim(s, "HAGUE2025_REVIEW_2029", "review_year", t[0].year, "eq", t[0].year)]
        pcts = s.free(("pct",)) if s.quantities else None  # (free gives [] without quantities)
        if pcts:  # everything below up to the deadline test is only about these (and has no side effect else)
            current = CURRENT.search(text) if "current" in low or "standing" in low else None
            agreeing = None  # worked out when first needed (a pure test: same answer)
            allies = _allies(s)
            pct_deadline: list[TimeRef] | None = None  # worked out when first needed
            raised = None
            for q in pcts:
                if allies and any(abs(e.start - q.start) < 80 for e in allies) or q.listed or q.start in s.pairs:
                    continue  # an ally's own figure or plan ("A, B and C ..., spending 4.48%, 4% and 3.73% respectively")
                lo = max(0, q.start - 40)
                if _TOWARD.search(low, lo, q.start):
                    continue  # "all allies are moving toward the 2% goal": an aspiration, no claim about the pledge
                if _FROM_OLD_LEVEL.search(low, lo, q.start) and _TO_NEW_LEVEL.match(low, q.end):
                    # "raised the target from 2% to 5%": the old level is the pledge the new one replaced
                    raised = q
                    continue
                if _REACH_MARKS.search(low, lo, q.start) and REACH_BEFORE.search(text[lo:q.start]) \
                        and not _AGREED_TO.search(text[lo:q.start]):
                    continue  # "most allies have reached the 2 per cent guideline": not the pledge itself
                near_current = current and abs(current.start() - q.start) < 60
                if not near_current:
                    if agreeing is None:
                        # = _AGREE_FOLDED.search(low) and (_GROUP_ACTOR_FOLDED.search(low) or a summit named)
                        agreeing = (_AGREE_ANY.search(low, tokens) or _RAISE.search(low)) and (
                            _GROUP_ACTOR_ANY.search(low, tokens) or _names_summit(text))
                    if not (agreeing or "core defence" in low or "security-related" in low):
                        continue
                window = text[max(0, q.start - 60):q.start]
                if "allies" in window and _ALLIES_WORD.search(window) and s.free(("count",)):
                    continue  # a count of allies meeting a threshold
                pid = "CURRENT" if near_current and q.value == 2.0 else pledge_for(s, q.value)
                if pid is None and raised is not None and q.value == 5.0:
                    pid = "HAGUE2025_5PCT_TOTAL"  # the new level a target was raised to
                if raised is not None and raised is not q and pid is not None and pid != "CURRENT":
                    s.take(raised)
                    out.append(self.claim(s, "PREVIOUS", "threshold_pct", raised.value, raised.comparator, None, raised,
                                          previous_of=pid))
                    raised = None
                if pid is None:
                    continue
                if pct_deadline is None:
                    pct_deadline = [t for t in s.times if t.kind == "deadline"]
                s.take(q)
                out.append(self.claim(s, pid, "threshold_pct", q.value, q.comparator,
                                      pct_deadline[0].year if pct_deadline else s.today.year, q, current=bool(near_current),
                                      deadline=pct_deadline[0].year if pct_deadline else None,
                                      within_decade=_within_decade(low)))
                s.carry.pledge = pid if pid != "CURRENT" else s.carry.pledge
        levels = [c for c in out if c.metric == "threshold_pct" and c.subject != "PREVIOUS"]
        if levels:  # "The 20% equipment guideline was agreed in Wales ... Sixteen allies met it": the first level named
            first = levels[0]
            s.carry.threshold = (EQUIP if first.subject == "WALES2014_DIP_20PCT_EQUIP" else GDP, "ge", float(first.value))
        named = _PLEDGE_NAMED.search(text) if not out else None
        if not out and (s.carry.pledge or named) and (
                not tokens.isdisjoint(_DEADLINE_TOKENS) and _DEADLINE_FOLDED.search(low) or named and _MET_BY.search(text)):
            # "allies had 'until 2032' to reach the new level": a deadline for the pledge just discussed; "the Hague
            # pledge must be met by 2030": a deadline for the pledge named
            deadline = [t for t in s.times if t.kind == "deadline"]
            pid = (pledge_for(s, 5.0) if named and "hague" in named.group(0).lower() else
                   "WALES2014_DIP_2PCT" if named else s.carry.pledge)
            if deadline and not _allies(s) and pid:
                out.append(self.claim(s, pid, "deadline_year", deadline[0].year, "eq", deadline[0].year,
                                      deadline=deadline[0].year))
        return out

    def verify(self, claim: Claim):
        s = claim.sentence
        pid = claim.subject
        assert pid is not None  # find() makes every claim about a named pledge (or PREVIOUS / CURRENT)
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
        if pid == "PREVIOUS":  # the old level of "raised the target from 2% to 5%": the target before the new one
            new = pledge_date(_pledge(claim.extra["previous_of"]))
            pid = current_target([p for p in in_force if pledge_date(_pledge(p)) < new])
            claim.subject = pid or "PREVIOUS"
            if pid is None:
                return unverifiable("no target stood before that pledge")
            claim.year = pledge_date(_pledge(pid)).year
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
