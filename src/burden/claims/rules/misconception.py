"""Standing misconceptions: money "owed" to NATO, a treaty obligation to spend 2%, a legally binding
pledge. They were never true: asserting them is refuted, rebutting them is supported."""

from __future__ import annotations

import re

from .. import negation
from ..extract import Claim, Sentence
from ..gates import gated
from ..grammar import folded_pattern
from ..lexicon import patterns
from .ally_pct import _REACH_BEFORE_FOLDED
from .base import Rule
from .pledge import pledge_told

# (not a country's own debt: "debt-laden Greece", "debt-burden Greece", any compound "debt-..."; nor an idiom: "I owe it to
# you to be frank", "a debt of gratitude")
# (a country's own debt, "its debt", "public debt", is no debt to the alliance unless "to" or "owed" says whose)
DEBT = re.compile(r"\b(?:(?:owes?|owed|owing)(?!\s(?:it|this|that)\sto\b)|(?<!public\s)(?<!national\s)(?<!sovereign\s)(?<!government\s)(?<!state\s)(?<!its\s)(?<!their\s)debts?(?![-‐]\w|\sof\s(?:gratitude|thanks|hono(?:u)?r))|(?:its|their)\sdebts?(?=\s(?:to|owed)\b)|arrears|delinquen\w*|dues|membership fees?|pay(?:ing)? NATO|payments? (?:to|into) (?:NATO|the alliance)|back payments"
                  r"|paid into a NATO|fee paid|in arrears|pays? into (?:NATO|the alliance)"
                  r"|skipped their ['‘\"“]?(?:bills|fees|dues|payments)"
                  # "no ally pays NATO or the US itself", "unpaid bills", "failed to pay their 'bills'"
                  r"|pay(?:s|ing)?\s(?:the\s)?(?:money\s)?(?:to\s)?(?:NATO|the alliance|the U\.S|the US|the United States)"
                  r"|unpaid\s(?:bills|dues|fees|debts?)|NATO fees?"
                  r"|fail(?:s|ed|ing)?\sto\spay\s(?:their\s|its\s)?['‘\"“]?(?:bills|dues|fees|debts?))\b", re.I)
DEBT_TARGET = re.compile(r"\b(?:NATO|alliance|United States|US|America|Washington|allies|fee|delinquent|anyone|anybody)\b",
                         re.I)
# ("the NATO Charter stipulates 2%"; not the organisation's name: "the North Atlantic Treaty Organisation")
TREATY = re.compile(r"\b(?:treaty(?!\sorgani[sz]ation)|charter)\b", re.I)
TREATY_DUTY = re.compile(r"\b(?:requires?|required|oblig\w*|binding|commits?|mandates?|stipulat\w*|spending figure|sets?\b|must"
                         r"|ha(?:s|ve)\sto|says\snothing|is\ssilent|no\smention|does\snot\smention|doesn['’]t\smention)", re.I)
# (a duty of membership: "the 2% required by membership", "not a condition of membership", "membership obliges")
# (a level "made mandatory", "now compulsory": a legal duty, as set 23 grades it; not the US budget's "mandatory spending")
LEGAL = re.compile(r"\blegal(?:ly)?\s(?:binding|oblig\w*|requires?|required|commitment|duty)|\b(?:non)?binding\b|\bstatutory\b"
                   r"|\b(?:mandatory|compulsory|obligatory)\b(?!\s(?:spending|programs?|programmes?|outlays|military\sservice|service|conscription))"
                   r"|\brequired\sby\s(?:nato\s|alliance\s)?membership\b"
                   r"|\b(?:condition|requirement|obligation|prerequisite)\s(?:of|for)\s(?:nato\s|alliance\s)?membership\b"
                   r"|\bmembership\s(?:requires|obliges|obligates|commits)\b"
                   r"|\bjoining\s(?:nato|the\salliance)\s(?:requires|obliges|obligates|commits)\b", re.I)
REBUTTAL = re.compile(r"\b(?:myth|misunderstanding|misconception|no such|not an? (?:fee|debt|treaty|legal)"
                      r"|dismiss\w*|nobody owes|do(?:es)? not owe|doesn['’]t owe|don['’]t owe|no spending figure|contains no|sets no"
                      # "allies owe no debt to NATO", "Germany owes the US nothing"
                      r"|owes?\s(?:(?:nato|the\salliance|the\sus|the\sunited\sstates|washington|america|anyone|anybody)\s)?"
                      r"(?:no|nothing)\b(?!\s(?:less|fewer|more|short)\b)"
                      r"|(?:no|not one|not a single|none of the)\s(?:ally|allies|member|members|country|countries|nation|nations|one)\s"
                      r"(?:\w+\s)?['‘\"“]?(?:owes?|is owed|pays dues)"
                      r"|mischaracteri[sz]\w*|misrepresent\w*|misleading"
                      r"|(?:falsely|wrongly|inaccurately|incorrectly|erroneously)\s(?:\w+\s)?(?:claim|alleg|say|said|assert|suggest)\w*"
                      r"|not a treaty|not an? payment|not legally|no legal|non-?binding|not binding"
                      r"|says nothing about|is silent on|makes no mention|does not mention|doesn['’]t mention"
                      r"|rather than an? legal|instead of an? legal|political(?:ly)? (?:commitment|binding|pledge)|voluntary)\b", re.I)
# rebuttal words that deny whatever is near them: they rebut the misconception only in its own stretch of the
# sentence ("there is no treaty obligation"; not "This is not fair ..., and many of these nations owe ...")
WEAK_REBUTTAL = re.compile(r"\b(?:is not|isn['’ʼ]t|was not|wasn['’ʼ]t|not about|not what|never|false|there is no|there are no"
                           r"|does not require|do not require|doesn['’]t require|do not pay|does not pay|don['’]t pay"
                           r"|doesn['’]t pay|has not been|have not been|hasn['’]t been|haven['’]t been|supposedly|untrue)\b"
                           r"(?!\s(?:wrong|incorrect|mistaken|alone|the first))",
                           re.I)  # ("he is not wrong to say ... delinquent" affirms it)
_WEAK_BEFORE, _WEAK_AFTER = 60, 40  # characters before / after the misconception's key phrase
# a plural negation rebuts only right before the key phrase ("allies are not in arrears"; not "these allies are not
# paying enough and owe NATO huge sums")
NEAR_REBUTTAL = re.compile(r"\b(?:are not|aren['’]t|were not|weren['’]t)\s(?:\w+\s)?$", re.I)
# a negative determiner over a coordinated list that ends with the key phrase ("it creates no bills, debts or legal
# obligations", "neither dues nor debts"): the key phrase is denied like the first item (on s.low, ending at the key)
_LIST_NEGATED = re.compile(r"\b(?:no|not\sany|neither)\s(?:[\w'’-]+(?:,\s(?:or\s|and\s|nor\s)?|\s(?:or|and|nor)\s)){0,5}$")
# The patterns run on Sentence.low without re.I (grammar.folded_pattern: same matches), after word gates: the
# [a-z]+ tokens of the folded text, one of which every match holds (a \b-bounded word is a whole token), or a
_BENCHMARKS = frozenset({1.5, 2.0, 3.5, 5.0})  # the guidelines' levels: a myth's own figures
# substring for the \w* forms. Only yes/no answers are used.
_DEBT_FOLDED, _DEBT_TARGET_FOLDED = folded_pattern(DEBT), folded_pattern(DEBT_TARGET)
_TREATY_DUTY_FOLDED, _LEGAL_FOLDED = folded_pattern(TREATY_DUTY), folded_pattern(LEGAL)
_DEBT_WORDS = frozenset("owe owes owed owing debt debts arrears dues membership pay pays paying payment payments paid skipped"
                        " unpaid fees fee"
                        .split())  # or "delinquen"
_DEBT_TARGET_WORDS = frozenset("nato alliance united us america washington allies fee delinquent anyone anybody".split())
# "what he calls 'delinquent' payments ... mischaracterised": the word held at a distance, a rebuttal
_DISTANCED = re.compile(r"\b(?:mischaracteri[sz]\w*|misrepresent\w*|misleading|so-called|myth|no such)\b", re.I)
_LEGAL_WORDS = frozenset({"legal", "legally", "binding", "nonbinding", "membership", "joining", "statutory", "mandatory",
                          "compulsory", "obligatory"})
_REBUTTAL_FOLDED = folded_pattern(REBUTTAL)

def _rebuttal_words(kind: str) -> str:
    return patterns("rebuttal", "kind", kind)


# a distancing word whose scope reaches the key phrase: "the so-called debt" (lexicon rebuttal.csv, on the text, ending
# at the key phrase); a negation right before it, with only adverbs, auxiliaries and quotes between, is read by
# negation.py ("Spain doesn't literally 'owe' NATO money"), its plain cues only ("failed to pay its dues" says they are owed)
_KEY_DISTANCED = re.compile(rf"\b(?:{_rebuttal_words('distancing')})\s(?:[\w-]+\s)?['‘\"“]?$", re.I)
# a pledge's binding force denied ("a guideline, not a binding contract", "without this rule becoming binding"; lexicon
# rebuttal.csv kind denies_binding, on the folded text, behind the words its matches need)
_DENIES_BINDING = gated(re.compile(_rebuttal_words("denies_binding")))
# a claim rejected before the key phrase ("rejected claims from Trump that her country owes NATO"; lexicon rebuttal.csv
# kind rejects_claim, on the folded text)
_REJECTS_CLAIM = re.compile(_rebuttal_words("rejects_claim"))
_CLAUSE_BREAK = re.compile(r"[,;:—–]")


GATE = frozenset("nonbinding contribution contributions transfer transfers statutory payment payments owe owes owed owing debt debts arrears delinquent delinquents delinquency dues fee fees skipped pays pay paying paid treaty charter legally legal binding unpaid membership joining obligations obligation mandatory compulsory obligatory".split())

# "delinquent" said of allies ("they're delinquent", "is 'slightly delinquent'", "that's a tremendous delinquency"; on the
# folded text, ending at the word), and further phrasings of a debt to the alliance (lexicon arrears.csv)
_DELINQUENT_SAID_OF = re.compile("(?:" + patterns("arrears", "kind", "predicate") + ")")
_DELINQUENT_WORD = re.compile(r"\bdelinquen(?:t|cy|cies)\b")
_MORE_DEBT = gated(re.compile(patterns("arrears", "kind", "debt")))
_CONDITION = re.compile(patterns("arrears", "kind", "condition"))
_GOAL_MISSED = re.compile(patterns("arrears", "kind", "goal_missed"))
# a payment told as never made ("dues that have never been paid", "did not pay their bills"): asserts the debt, and the
# negation inside it rebuts nothing; a payment to the alliance or the US denied ("not contributions to NATO", "rather
# than payments to Washington"): a rebuttal (lexicon arrears.csv, on the folded text)
_UNPAID = gated(re.compile(patterns("arrears", "kind", "unpaid")))
_DENIED = gated(re.compile(patterns("arrears", "kind", "denied")))
# a judgement of the amount right after a payment ("pays Washington and the alliance too little"): no debt (lexicon arrears.csv)
_JUDGED = re.compile(patterns("arrears", "kind", "judged"))


# a government's own borrowing told as how it pays ("a fund financed through debt", "taking on new debt"; lexicon
# arrears.csv, on the folded text, ending at the debt word)
_FINANCING = re.compile("(?:" + patterns("arrears", "kind", "financing") + ")")


def _debt_key(low: str) -> re.Match | None:
    """The first debt phrase of the sentence (DEBT, folded) that is not a payment whose amount is judged ("pays NATO
    too little", an opinion) nor a government's borrowing ("financed through debt"), else None."""
    return next((m for m in _DEBT_FOLDED.finditer(low)
                 if not (m.group(0).startswith("pay") and _JUDGED.match(low[m.end():]))
                 and not (m.group(0).startswith("debt") and _FINANCING.search(low, max(0, m.start() - 50), m.start()))),
                None)


# "the countries that have not been delinquent": a negated relative clause picks some allies out; it neither asserts
# nor rebuts that allies owe NATO (on the folded text, ending at the predicate's verb)
_NEGATED_RELATIVE = re.compile(r"\b(?:that|who|which)\s(?:(?:have|has|had)\s)?(?:not|never)\s$")


def _delinquent_said_of(low: str):
    """The first "delinquent" the sentence predicates of someone, not as a condition nor of meeting the spending goal
    (a match at the word), else None."""
    for m in _DELINQUENT_WORD.finditer(low):
        said = _DELINQUENT_SAID_OF.search(low, max(0, m.start() - 40), m.start())
        if said is not None and not _CONDITION.search(low, max(0, said.start() - 16), said.start()) \
                and not _GOAL_MISSED.match(low, m.end()) \
                and not _NEGATED_RELATIVE.search(low, max(0, said.start() - 24), said.start()):
            return m
    return None


# money told as owed with no creditor nor debtor ("It's huge sums that are owed"; lexicon arrears.csv kind
# carried): the debt carried from the sentence before, which names allies' payments to NATO or the US (_debt_told_before)
_CARRIED_DEBT = gated(re.compile(patterns("arrears", "kind", "carried")))
_PAYMENT_WORDS = _DEBT_WORDS | {"money", "contribute", "contributes", "contribution", "contributions"}


_CARRIED_REACH = 2  # sentences back: a quote's aside may stand between ("... owe us money. So add it all up. It's ...")


def _debt_told_before(s: Sentence) -> bool:
    """Whether one of the sentences just before speaks of money paid or owed and of the alliance, the US or the allies
    ("Several allies owe us a great deal of money"; not "Italy's public debt keeps rising")."""
    prev = s.carry.previous
    for _ in range(_CARRIED_REACH):
        if prev is None:
            return False
        if not prev.tokens.isdisjoint(_PAYMENT_WORDS) and _DEBT_TARGET_FOLDED.search(prev.low) is not None:
            return True
        prev = prev.carry.previous
    return False


# (on Sentence.low, behind their derived gates: yes/no answers)
_DEBT_WITHOUT_DELINQUENT = gated(folded_pattern(re.compile(DEBT.pattern.replace(r"delinquen\w*|", ""), re.I)))
_DISTANCED_FOLDED = gated(folded_pattern(_DISTANCED))


class MisconceptionRule(Rule):
    type = "misconception"
    code = "CLM-MISCONCEPTION"
    needs = ((GATE, frozenset()),)  # (the dispatcher tests the gate words)

    def find(self, s: Sentence) -> list[Claim]:
        if s.is_question:
            return []
        text, low, tokens = s.text, s.low, s.tokens
        kind = None
        key = None  # where the misconception is said (its key phrase)
        denied = _DENIED.search_words(low, tokens)
        if denied is not None:
            kind, key = "arrears", denied  # "not contributions to the alliance": the payment denied, a rebuttal
        elif (not tokens.isdisjoint(_DEBT_WORDS) or "delinquen" in low) and (key := _debt_key(low)) \
                and not tokens.isdisjoint(_DEBT_TARGET_WORDS) and _DEBT_TARGET_FOLDED.search(low):
            kind = "arrears"
            if not _DEBT_WITHOUT_DELINQUENT.search_words(low, tokens) and not _DISTANCED_FOLDED.search_words(low, tokens):
                # "delinquent" alone does not say that allies owe NATO money (unless it is rebutted); said of them, it does
                key = _delinquent_said_of(low)
                kind = "arrears" if key is not None else None
        elif ("delinquency" in tokens or "delinquencies" in tokens) and (key := _delinquent_said_of(low)):
            kind = "arrears"  # "That's a tremendous delinquency"
        elif (key := _MORE_DEBT.search_words(low, tokens)) is not None:
            kind = "arrears"  # "failed to meet their financial obligations to the Alliance"
        elif (key := _CARRIED_DEBT.search_words(low, tokens)) is not None and _debt_told_before(s):
            kind = "arrears"  # "Several allies owe us a great deal of money. It's huge sums that are owed."
        elif (key := _UNPAID.search_words(low, tokens)) is not None and (
                _DEBT_TARGET_FOLDED.search(low) is not None or any(e.kind != "group" for e in s._subjects)):
            kind = "arrears"  # "most allies did not pay their bills", "Germany still hasn't paid its dues"
        elif ("treaty" in tokens or "charter" in tokens) and (key := TREATY.search(text)) and _TREATY_DUTY_FOLDED.search(low) and (
                s.free(("pct",)) or "figure" in low or "guideline" in low or "target" in low or "per cent" in low
                or "percent" in low):
            kind = "treaty"  # (a figure or the guideline: "treaty-bound to spend adequately" is no spending figure)
        elif not tokens.isdisjoint(_LEGAL_WORDS) and (key := _LEGAL_FOLDED.search(low)) and (
                s.free(("pct",)) or "pledge" in low or "guideline" in low or "target" in low or "commitment" in low
                or "goal" in low or "percent" in low or "per cent" in low):
            kind = "legal"
        if not kind or key is None:
            return []
        # the payments told as never made: their negation belongs to the debt; a key phrase inside one is read from
        # the phrase's start ("had not paid their dues": the dues are owed)
        unpaid = [(u.start(), u.end()) for u in _UNPAID.finditer(low)] if kind == "arrears" and denied is None \
            and _UNPAID.search_words(low, tokens) is not None else []
        start = next((a for a, b in unpaid if a <= key.start() < b), key.start())
        rebutted = denied is not None or _REBUTTAL_FOLDED.search(low) is not None \
            or kind == "legal" and _DENIES_BINDING.search_words(low, tokens) is not None \
            or _REJECTS_CLAIM.search(low, 0, start) is not None \
            or any(  # (_REBUTTAL_FOLDED.search(low) = REBUTTAL.search(text))
            key.start() - _WEAK_BEFORE <= m.start() <= key.end() + _WEAK_AFTER and not any(a <= m.start() < b for a, b in unpaid)
            for m in WEAK_REBUTTAL.finditer(text)) \
            or NEAR_REBUTTAL.search(text, max(0, start - 20), start) is not None \
            or _LIST_NEGATED.search(low, max(0, start - 80), start) is not None \
            or negation.negated(low, max(0, start - 60), start, key_phrase=True) \
            or _KEY_DISTANCED.search(text, max(0, start - 60), start) is not None
        binding_denied = kind == "legal" and rebutted
        beside_denial = False  # a pledge's level told in a clause of its own beside the denied binding force
        told = None  # whether a pledge's making is told beside the myth (worked out when first needed)
        for q in s.free(("pct", "money")):
            if q.kind == "pct" and q.value not in _BENCHMARKS and s.ally_for(q, groups=False):
                continue  # "a member below 2% (Italy had 1.5% in 2021) owes no money": an
                # ally's own figure beside the myth, a claim of its own (rules/ally_pct.py)
            if q.kind == "pct" and q.value in _BENCHMARKS:
                if told is None:
                    told = pledge_told(s)
                if told or binding_denied and _CLAUSE_BREAK.search(low, min(q.end, key.end()), max(q.start, key.start())) \
                        and not _REACH_BEFORE_FOLDED.search(low[max(0, q.start - 40):q.start]):
                    # the pledge's level, left to rules/pledge.py ("agreed to reach the statutory 2% ..."; "agreed to get
                    # closer to 2% by 2024, without this becoming binding": a pledge told in a clause of its own beside
                    # the denial, not "the 2% goal is non-binding", the level the denial is said of, nor a level told as
                    # reached: "governments will aim to meet the 2% target, a nonbinding commitment")
                    beside_denial = beside_denial or not told
                    continue
            s.take(q)
        # a pledge's binding force denied asserts the pledge as it is: a pledge told beside it is a claim of its own
        s.misconception = not beside_denial
        metric = {"arrears": "arrears_owed_to_nato", "treaty": "treaty_spending_obligation_pct",
                  "legal": "legally_binding"}[kind]
        return [self.claim(s, "NATO", metric, not rebutted, "eq", None, kind=kind, rebutted=rebutted)]
