import pytest

from claims_helpers import claims, verdicts


def test_owing_nato_money_is_refuted():
    assert verdicts("Critics say that allies owe the alliance money when they fall short.", "2017-06-05") == ["refuted"]


def test_rebuttal_of_the_debt_myth_is_supported():
    assert verdicts("He dismissed as a myth the idea that allies owe NATO money.", "2026-11-12") == ["supported"]


def test_treaty_obligation_is_refuted_and_its_denial_supported():
    assert verdicts("The North Atlantic Treaty requires every member to spend 2 percent of GDP.",
                    "2018-07-12") == ["refuted"]
    assert verdicts("In fact the treaty contains no spending figure at all.", "2018-07-12") == ["supported"]


def test_questions_are_not_claims():
    assert verdicts("Will it have to pay NATO to join?", "2017-06-05") == []


def test_a_negation_in_another_clause_does_not_rebut_the_debt_claim():
    # "is not" belongs to "not fair"; the clause about owing money asserts the misconception
    assert verdicts("That is not right for our taxpayers, he said, and several of these allies owe huge amounts "
                    "from previous years.", "2019-07-10") == ["refuted"]


def test_a_negation_next_to_the_debt_rebuts_it_with_a_typographic_apostrophe():
    assert verdicts("Allies don\u2019t owe anything to anybody when they spend less than their neighbours.",
                    "2024-03-01") == ["supported"]
    assert verdicts("The claim that allies owe NATO money is false, the fact-checkers said.", "2024-03-01") == ["supported"]


def test_not_wrong_affirms_the_misconception():
    assert verdicts("He is not wrong when he says many allies are delinquent on their dues.",
                    "2018-07-13") == ["refuted"]


def test_falsely_claiming_and_was_not_about_debt_rebut_and_a_charter_duty_is_asserted():
    assert verdicts("He has long criticised the allies, falsely claiming they owe unpaid debt to the alliance.",
                    "2024-02-11") == ["supported"]
    assert verdicts("The dispute was not about an unpaid debt to NATO.", "2024-02-11") == ["supported"]
    assert verdicts("The NATO Charter stipulates that each member spends no less than 2 percent of its GDP.",
                    "2024-02-11") == ["refuted"]


def test_rebuttals_about_fees_payments_and_bills():
    for text in ("There are no membership fees in the alliance.",
                 "The guideline does not require any payment to the alliance or to Washington.",
                 "The guideline is about what each ally spends at home, not what it pays into the alliance.",
                 "His claim that allies skipped their 'bills' is false, as reporters have shown for years."):
        assert verdicts(text, "2024-06-18") == ["supported"], text
    assert verdicts("He has long said members skipped their 'fees' and 'owe the alliance billions'.", "2024-06-18") == [
        "refuted"]


def test_calling_the_target_non_binding_rebuts_the_binding_misconception():
    assert verdicts("The alliance keeps a non-binding goal that each ally devote 2% of output to its armed forces.",
                    "2019-03-04", "misconception") == ["supported"]
    assert verdicts("The alliance keeps a binding goal that each ally devote 2% of output to its armed forces.",
                    "2019-03-04", "misconception") == ["refuted"]


def test_a_country_described_as_debt_laden_is_no_claim_of_money_owed_to_nato():
    text = "Among the NATO members at the goal are the United States, debt-ridden Portugal and the Baltic allies."
    assert claims(text, "2016-03-20", "misconception") == []
    assert verdicts("Debt-laden or not, every ally owes NATO money, he said.", "2016-03-20") == ["refuted"]


def test_the_organisations_own_name_is_not_the_treaty_misconception():
    text = "Every North Atlantic Treaty Organization member will clear the 2% target that leaders set, alliance data show."
    assert claims(text, "2025-09-02", "misconception") == []
    assert verdicts("The North Atlantic Treaty obliges every member to spend 2% of GDP, he claimed.", "2025-09-02") == ["refuted"]


# ------------------------------------------------ more wordings of the dues myth and of a duty of membership (readF)
def test_not_paying_nato_or_the_us_rebuts_the_dues_myth():
    for text in ("Members that miss 2% do not pay NATO or the United States a cent.",
                 "Countries don't pay the alliance anything for falling short, an expert explained.",
                 "Contrary to the claim, Washington has not been stiffed for unpaid bills by its allies."):
        found = claims(text, "2018-07-16", "misconception")
        assert [(c["value"], c["verdict"]) for c in found] == [(False, "supported")], text


def test_failing_to_pay_bills_or_unpaid_dues_asserts_the_myth():
    for text in ("The candidate said European members have failed to pay their bills to NATO for years.",
                 "He demanded that the allies settle their unpaid dues to the alliance."):
        assert verdicts(text, "2024-02-20", "misconception") == ["refuted"], text


def test_a_fair_share_without_payment_to_nato_is_no_misconception():
    assert claims("Germany does not pay its fair share, he said.", "2018-07-16", "misconception") == []


def test_two_percent_as_a_duty_of_membership_is_the_legal_misconception():
    assert verdicts("He wants every ally to spend the 2% of GDP that is required by NATO membership.", "2024-02-20",
                    "misconception") == ["refuted"]
    assert verdicts("Spending 2% of GDP is not a requirement of alliance membership, the report notes.", "2024-02-20",
                    "misconception") == ["supported"]


def test_a_commitment_or_goal_with_no_legal_obligation_rebuts_the_binding_myth_and_keeps_its_review_year():
    text = ("Leaders agreed at The Hague to reach 5% of GDP by 2035. The commitment provides for a 2029 review but "
            "carries no legal obligation.")
    found = claims(text, "2025-07-07")
    assert [(c["type"], c["metric"], c["verdict"]) for c in found if c["sentence"].startswith("The commitment")] == [
        ("misconception", "legally_binding", "supported"), ("pledge", "review_year", "supported")]
    assert verdicts("The new goal is legally binding on every member, he said.", "2025-07-07",
                    "misconception") == ["refuted"]


def test_treaty_duty_wordings_and_their_rebuttals():
    assert verdicts("Under the Washington treaty, every member has to spend 2% of GDP, she argued.", "2019-04-02",
                    "misconception") == ["refuted"]
    assert verdicts("The founding treaty says nothing about a spending target.", "2019-04-02",
                    "misconception") == ["supported"]


def test_a_plural_negation_rebuts_only_right_before_the_debt_phrase():
    assert verdicts("Members are not in arrears to the alliance, an official said.", "2019-04-02",
                    "misconception") == ["supported"]
    assert verdicts("They are not spending enough and owe the alliance billions, he said.", "2019-04-02",
                    "misconception") == ["refuted"]


def test_a_political_rather_than_legal_commitment_rebuts_the_binding_myth():
    assert verdicts("The 2% goal is a political pledge rather than a legal obligation.", "2020-06-08",
                    "misconception") == ["supported"]
    assert verdicts("The 2% target is a legal obligation for every ally, he insisted.", "2020-06-08",
                    "misconception") == ["refuted"]


@pytest.mark.parametrize("text", [
    "We pay for their security and they're delinquent, the senator told a NATO rally.",
    "Several European members of NATO were 'badly delinquent', the former president claimed.",
    "Italy is delinquent on the alliance's spending goal, the candidate said.",
    "That is a huge delinquency, the president told reporters about Belgium.",
    "The former president said Moscow could do whatever it liked to allies that had fallen short of their financial "
    "obligations to the alliance.",
])
def test_delinquent_said_of_allies_asserts_the_debt_myth(text):
    found = claims(text, "2020-06-16")
    assert [(c["type"], c["metric"], c["verdict"]) for c in found] == [
        ("misconception", "arrears_owed_to_nato", "refuted")]


@pytest.mark.parametrize("text", [
    "The candidate warned he might abandon NATO allies if they are delinquent.",   # a condition
    "He called Portugal delinquent in a post about NATO.",                         # the word alone
    "Ranked from the top, the first name on the president's 'delinquent' list was Belgium.",  # a possessive
])
def test_delinquent_as_a_condition_a_label_or_a_list_name_is_no_claim(text):
    assert verdicts(text, "2020-06-16", "misconception") == []


def test_delinquent_negated_by_no_member_is_a_rebuttal():
    assert verdicts("No member is delinquent, because nothing is owed to NATO, analysts said.", "2024-02-14") == [
        "supported"]
    assert verdicts("The allies are not delinquent in any sense, the fact-checkers concluded.", "2024-02-14") == [
        "supported"]


def test_a_negated_relative_clause_picks_allies_out_and_neither_asserts_nor_rebuts_the_debt():
    text = "These are the allies that have not been delinquent; some of them even spend more than two per cent."
    assert verdicts(text, "2019-12-04", "misconception") == []


def test_joining_the_alliance_as_an_obligation_to_spend_2pct_is_the_binding_myth():
    assert verdicts("Joining NATO obliges a country to spend 2 percent of its GDP on the military.", "2024-09-10") == [
        "refuted"]
    assert verdicts("Sweden is joining NATO this year.", "2024-01-10", "misconception") == []


@pytest.mark.parametrize("text", [
    "The summit's host, debt-burdened Portugal, still spends heavily on its military.",
    "Only Britain, debt-hit Greece and the US met the NATO guideline.",
])
def test_a_countrys_own_debt_in_any_compound_is_no_debt_to_nato(text):
    assert claims(text, "2018-10-02", "misconception") == []


@pytest.mark.parametrize("text,verdict", [
    ("He says a number of these countries owe huge amounts of money from past years.", "refuted"),
    ("Several members owe billions for many years back, the candidate claimed.", "refuted"),
    ("Greece owes billions to its creditors from previous years, the finance minister said.", None),
])
def test_a_debt_told_by_its_age_is_the_arrears_myth_unless_a_creditor_is_named(text, verdict):
    assert verdicts(text, "2017-05-25", "misconception") == ([verdict] if verdict else [])


def test_a_statutory_two_percent_is_the_legal_obligation_myth():
    assert verdicts("The statutory two percent NATO level is out of reach for many members.", "2016-02-02",
                    "misconception") == ["refuted"]


def test_a_pledges_making_beside_a_myth_is_a_claim_of_its_own():
    text = "Members pledged to lift spending to the statutory 2 per cent within a decade, the report said."
    assert verdicts(text, "2018-03-01", "misconception") == ["refuted"]
    assert verdicts(text, "2018-03-01", "pledge") == ["supported"]
    treaty = "The 1949 treaty commits allies to defend each other, but it sets no spending figure such as 2%."
    assert claims(treaty, "2019-03-01", "pledge") == []  # (a treaty's commitment is no pledge being made)


def test_a_negative_determiner_over_a_list_ending_in_the_key_phrase_rebuts_it():
    # "no X, Y or legal obligations": the key phrase is denied with the list (was read as asserting the obligation)
    assert verdicts("The guideline brings no sanctions, fees or legal obligations for those who miss it.",
                    "2021-03-01", "misconception") == ["supported"]
    assert verdicts("Falling short of the 2% goal creates neither dues nor debts to the alliance.", "2021-03-01",
                    "misconception") == ["supported"]


def test_failing_to_pay_ones_bills_to_nato_is_the_arrears_myth():
    assert verdicts("Several allies have failed to pay their dues to NATO for years, he said.", "2019-02-13",
                    "misconception") == ["refuted"]
    assert verdicts("The charge that members have failed to pay their NATO bills is untrue.", "2024-02-13",
                    "misconception") == ["supported"]


def test_a_countrys_own_public_debt_is_no_debt_to_the_alliance():
    for text in ("Despite its debt, Portugal has the second lowest defence spending in the alliance.",
                 "Greece's public debt is the heaviest burden on any NATO government.",
                 "Italy's national debt worries the alliance's planners."):
        assert verdicts(text, "2025-10-01", "misconception") == [], text
    assert verdicts("Trump said the allies must pay their debts to NATO.", "2025-10-01", "misconception") == ["refuted"]


def test_owing_no_money_or_nothing_rebuts_the_debt_myth():
    assert verdicts("Members owe NATO nothing when they spend below 2%.", "2025-10-01", "misconception") == ["supported"]
    assert verdicts("Allies owe no debt to the United States.", "2025-10-01", "misconception") == ["supported"]
    assert verdicts("Germany owes NATO no less than a trillion dollars, he claimed.", "2025-10-01",
                    "misconception") == ["refuted"]
