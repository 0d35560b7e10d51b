"""Rebuttal polarity of the standing misconceptions (rules/misconception.py, lexicon/en/rebuttal.csv): a negation
whose scope reaches the key phrase across adverbs, auxiliaries and quotes, or a distancing word before it, rebuts
the misconception (supported); the bare assertion is refuted. Our own sentences."""

from __future__ import annotations

import pytest

from claims_helpers import claims

MARCH_2019 = "2019-03-04"


@pytest.mark.parametrize("text", [
    "Spain doesn't literally 'owe' NATO money.",
    "Belgium does not actually owe NATO anything.",
    "Canada does not technically owe the alliance a cent.",
    "Allies never had to pay NATO dues.",
    "The so-called NATO debt refers to the target that urges every member to spend 2% of GDP.",
    "What Trump calls debts to NATO are shortfalls against a guideline.",
])
def test_a_negation_or_distancing_word_reaching_the_key_phrase_rebuts_the_debt_misconception(text):
    found = claims(text, MARCH_2019, "misconception")
    assert [(c["value"], c["verdict"]) for c in found] == [(False, "supported")]


@pytest.mark.parametrize("text", [
    "Germany owes NATO vast sums, Trump said.",
    "Spain literally owes NATO money, the senator claimed.",
])
def test_the_debt_asserted_without_rebuttal_is_refuted(text):
    found = claims(text, MARCH_2019, "misconception")
    assert [(c["value"], c["verdict"]) for c in found] == [(True, "refuted")]


@pytest.mark.parametrize("text", [
    "The guideline is a yardstick, not a binding commitment.",
    "That target remains an aspiration rather than a binding rule.",
    "The commitment never became legally binding, the minister said.",
])
def test_binding_denied_before_the_word_rebuts_the_legal_misconception(text):
    found = claims(text, MARCH_2019, "misconception")
    assert [(c["metric"], c["value"], c["verdict"]) for c in found] == [("legally_binding", False, "supported")]


def test_a_pledge_told_beside_a_denied_binding_force_is_a_claim_of_its_own():
    found = claims("Allies promised to move towards 2% of GDP within a decade, without the promise becoming binding.",
                   "2016-05-10")
    assert sorted((c["type"], c["verdict"]) for c in found) == [("misconception", "supported"), ("pledge", "supported")]


def test_binding_asserted_without_a_denial_is_still_refuted():
    found = claims("Critics insist that the 2% target is a binding obligation for every member.", MARCH_2019,
                   "misconception")
    assert [(c["value"], c["verdict"]) for c in found] == [(True, "refuted")]
