"""Who owns each figure of a sentence with several (claims/extract.py, entities.py, rules/ally_pct.py): a currency
prefix names no ally, a clause opening with its own time keeps it, a value shared by the allies just listed goes to
each of them."""

from __future__ import annotations

import pytest

from burden.claims import check_text
from burden.claims.entities import find_entities
from claims_helpers import claims

DATE = "2024-09-01"  # the 2024-06 edition is current: 2024 estimates


def read(text: str, date: str = DATE) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["comparator"], c["year"], c["verdict"])
            for c in check_text(text, date)["claims"]]


@pytest.mark.parametrize("money", ["US$180m", "US$ 1.2bn", "US€5m"])
def test_a_currency_prefix_names_no_ally(money):
    assert [e.code for e in find_entities(f"Albania raised its budget to {money} last year.")] == ["ALB"]


def test_a_figure_after_a_currency_sentence_keeps_the_ally_of_that_sentence():
    text = ("Albania has lifted its military budget from US$180m to US$400m. In 2022 defence spending came to 1.21% "
            "of the country's GDP and in 2024 it was 2.03%.")
    pct = [c for c in read(text) if c[0] == "ally_pct_gdp"]
    assert pct == [("ally_pct_gdp", "ALB", 1.21, "eq", 2022, "supported"),
                   ("ally_pct_gdp", "ALB", 2.03, "eq", 2024, "supported")]


@pytest.mark.parametrize("sentence, subject", [
    ("At the same time, the Grand Duchy spends just 1.29% of its economy on defence.", "LUX"),
    ("Luxemburg spends 1.29% of its GDP on defence this year.", "LUX"),
])
def test_other_names_of_an_ally_own_its_figure(sentence, subject):
    assert ("ally_pct_gdp", subject, 1.29, "eq", 2024, "supported") in read(sentence)


def test_a_value_shared_in_brackets_goes_to_each_ally_listed_before_it():
    text = "Spending relative to GDP this year: Belgium (1.30%), Luxembourg and Slovenia (both with 1.29%)."
    assert sorted(c[1] for c in read(text) if c[0] == "ally_pct_gdp") == ["BEL", "LUX", "SVN"]


@pytest.mark.parametrize("tail, two", [
    (", below the 2% target", True),
    (", well below the target of 2%", True),
    (", well above the 2% target", False),  # a restatement of the figure, as labelled
    ("; NATO wants allies below the 2% target to catch up", False),  # another clause
])
def test_a_shortfall_named_after_the_figure_is_a_claim_of_its_own(tail, two):
    claims = [c for c in read(f"Canada spent 1.31% of GDP on defence last year{tail}.") if c[1] == "CAN"]
    assert ("ally_pct_gdp", "CAN", 1.31, "eq", 2023, "supported") in claims
    assert (("ally_pct_gdp", "CAN", 2.0, "lt", 2023, "supported") in claims) is two


def test_a_planned_figure_gives_no_shortfall_claim():
    claims = read("Canada plans to spend about 1.6% of GDP next year, below the 2% target.")
    assert not any(c[3] == "lt" for c in claims)


@pytest.mark.parametrize("written, value", [(".56 percent", 0.56), (".5%", 0.5)])
def test_a_share_below_one_without_its_zero_is_read(written, value):
    assert read(f"In 2022 Luxembourg spent just {written} of its GDP on defence.")[0][:5] == (
        "ally_pct_gdp", "LUX", value, "eq", 2022)


def test_a_number_glued_to_a_word_or_currency_is_no_bare_decimal_share():
    assert read("Spending hit US$.5bn, or a.99% rise.") == []


def test_a_list_under_a_header_keeps_its_year_past_notes_and_item_marks():
    from burden.claims.extract import numbered_spans

    text = "Each ally's spending in 2022 as a share of GDP:\n\nSource: NATO.\n\n1. Greece: 3.88%\n2. Poland: 2.23%\n\nNext."
    paragraphs = {piece: paragraph for _, _, piece, paragraph in numbered_spans(text)}
    assert paragraphs["Greece: 3.88%"] == paragraphs["Poland: 2.23%"] == paragraphs[text.split("\n")[0]]
    assert paragraphs["Next."] > paragraphs["Poland: 2.23%"]
    assert [c[:5] for c in read(text) if c[0] == "ally_pct_gdp"] == [
        ("ally_pct_gdp", "GRC", 3.88, "eq", 2022), ("ally_pct_gdp", "POL", 2.23, "eq", 2022)]


def test_a_capital_standing_for_its_government_is_no_summit_venue():
    text = ("On December 9, Lithuania's leader stated that Vilnius meant to apply what the last NATO summit in Warsaw "
            "had decided and put 1.8 percent of GDP into defence in 2017.")
    claims = check_text(text, "2016-12-27")["claims"]
    assert [c["type"] for c in claims] == ["ally_pct_gdp"]
    assert (claims[0]["subject"], claims[0]["year"], claims[0]["verdict"]) == ("LTU", 2017, "unverifiable")


@pytest.mark.parametrize("listing", ["followed by Italy (3%) and Spain (2%)", "ahead of Italy with 3% and Spain at 2%",
                                     "trailed by Italy's 3% and Spain's 2%"])
def test_allies_listed_after_a_share_own_shares_of_allied_spending_not_of_gdp(listing):
    text = f"The US accounted for 66% of allied defence spending in 2024, {listing}."
    listed = [(c[0], c[1], c[2], c[4]) for c in read(text) if c[1] in ("ITA", "ESP")]
    assert listed == [("share_of_alliance", "ITA", 0.03, 2024), ("share_of_alliance", "ESP", 0.02, 2024)]


def test_a_listed_allys_figure_of_gdp_after_a_share_stays_its_share_of_gdp():
    text = "The US accounted for 66% of allied defence spending in 2024, followed by Greece, which spends 3.1% of GDP."
    assert [c[:2] for c in read(text) if c[1] == "GRC"] == [("ally_pct_gdp", "GRC")]


def test_a_figure_after_it_is_the_subjects_not_the_ally_ranked_against():
    found = claims("Latvia is third after Poland and Estonia as it spent 3.15% of its GDP in 2024.", "2024-08-01",
                   "ally_pct_gdp")
    assert [(c["subject"], c["value"]) for c in found] == [("LVA", 3.15)]


def test_a_bare_decimal_of_its_gdp_is_a_percentage_and_of_its_budget_is_not():
    assert [(c["subject"], c["value"]) for c in claims("Norway spent 2.2 of its GDP on defence in 2024.", "2024-08-01",
                                                       "ally_pct_gdp")] == [("NOR", 2.2)]
    assert claims("Norway spent 2.2 of its budget on pensions.", "2024-08-01") == []


@pytest.mark.parametrize("text, owner", [
    ("In 2016 Slovakia spent 1.1 percent, while Luxembourg paid just 0.4 percent.", "LUX"),
    ("Romania spent 1.4 percent of GDP in 2016, whereas Belgium paid only 0.9 percent.", "BEL"),
])
def test_a_level_paid_beside_a_level_spent_is_a_share_of_gdp_not_of_allied_spending(text, owner):
    got = read(text, "2017-09-01")
    assert not any(c[0] == "share_of_alliance" for c in got)
    assert any(c[0] == "ally_pct_gdp" and c[1] == owner for c in got)


def test_a_figure_before_a_share_verb_is_not_that_verbs_share():
    got = read("The US spends about 3.5% on defence, and pays 70%.", "2018-07-16")
    assert ("share_of_alliance", "USA", 0.7) in [c[:3] for c in got]
    assert not any(c[0] == "share_of_alliance" and c[2] == 0.035 for c in got)


def test_a_share_that_moved_after_a_clause_on_gdp_keeps_both_levels_as_shares():
    text = ("Although Spain's defence spending in 2024 stayed under 2 percent of GDP, its share of total allied spending "
            "fell from 1.6 percent in 2014 to 1.4 percent in 2024.")
    got = read(text, "2025-04-25")
    assert {(c[1], c[2], c[4]) for c in got if c[0] == "share_of_alliance"} == {("ESP", 0.016, 2014), ("ESP", 0.014, 2024)}


def test_a_budget_named_loosely_in_another_clause_does_not_make_a_share_a_common_budget_cost_share():
    text = ("Though Spain's military budget stayed under 2 percent of GDP in 2024, its share of total allied spending "
            "fell from 1.6 percent in 2014 to 1.4 percent in 2024.")
    assert {(c[1], c[2]) for c in read(text, "2025-04-25") if c[0] == "share_of_alliance"} == {("ESP", 0.016), ("ESP", 0.014)}
    assert not any(c[0] == "share_of_alliance" for c in read("Germany pays about 16% of NATO's budget.", "2025-04-25"))


@pytest.mark.parametrize("text, owner", [
    ("The US accounts for two-thirds of allied defence spending, while Greece (3.1%) leads Europe.", "GRC"),
    ("The United States pays for about 68% of the alliance's spending; Spain's 1.3% is far below the guideline.", "ESP"),
])
def test_a_share_phrase_does_not_reach_another_allys_figure_in_the_next_clause(text, owner):
    got = read(text)
    assert not any(c[0] == "share_of_alliance" and c[1] == owner for c in got)
    assert any(c[0] == "ally_pct_gdp" and c[1] == owner for c in got)


@pytest.mark.parametrize("text", [
    "The United States, the top spender on the planet, accounted for 37% of the total global spending.",
    "China made up 12 percent of overall world military spending last year.",
])
def test_a_share_of_the_worlds_spending_is_no_share_of_allied_spending(text):
    assert not any(c[0] == "share_of_alliance" for c in read(text))


@pytest.mark.parametrize("text", [
    "The U.S. put in 68 percent of the money, followed by Britain (6 percent) and France (4 percent).",
    "Washington supplied some 70% of the funds last year, ahead of Germany (5%) and Italy (3%).",
    "Of all that members spent in 2023, America gave 67 percent, trailed by Britain and Germany (both with 6 percent).",
])
def test_allies_listed_after_a_figure_no_share_of_gdp_can_be_are_not_read_as_shares_of_gdp(text):
    assert not any(c[0] == "ally_pct_gdp" for c in read(text))


def test_allies_listed_after_a_share_of_gdp_keep_theirs():
    got = read("Poland leads at 4.1 percent, followed by Estonia (3.4 percent) and Latvia (3.2 percent).")
    assert {c[1] for c in got if c[0] == "ally_pct_gdp"} == {"POL", "EST", "LVA"}


@pytest.mark.parametrize("text, values", [
    ("NATO puts Spain at 1.28% of GDP, but officials say it now sits at 1.36%.", [1.28, 1.36]),  # a rival figure
    ("Spain spends about 1.3% of GDP, or 1.28% to be exact.", [1.28]),  # the same figure, restated precisely
    ("Spain spends 1.28% of GDP and Belgium 1.30%.", [1.28]),  # a name between: never two figures of Spain
])
def test_a_second_exact_figure_of_one_ally_is_a_claim_unless_it_restates_the_first(text, values):
    assert [c[2] for c in read(text) if c[1] == "ESP"] == values
