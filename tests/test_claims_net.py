"""The recall net (rules/net.py): a free percent figure tied to an ally or a group by adjacency, in a sentence about
spending relative to GDP, is read as that ally's % of GDP; growth, other economic figures, shares of other things,
targets, plans and other sources' figures are not. Every sentence is our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import check_text
from burden.claims.lexicon import rows
from burden.claims.rules import RULES
from burden.claims.rules.net import NetRule
from burden.claims.rules.norm_level import NormLevelRule
from claims_helpers import claims

MID_2024 = "2024-09-10"  # E0 = 2024-06: 2024 estimates for every ally
NET = NetRule.code


def net(text: str, date: str = MID_2024) -> list[tuple]:
    return [(c["subject"], c["value"], c["year"], c["verdict"]) for c in claims(text, date) if c["code"] == NET]


def test_the_net_runs_after_every_other_rule_but_the_pledge_net():
    # (the pledge net, rules/norm_level.py, reads only sentences no rule read anything from, the net included)
    assert isinstance(RULES[-2], NetRule)
    assert isinstance(RULES[-1], NormLevelRule)


def test_a_figure_the_specific_rule_reads_is_not_read_again():
    found = claims("Poland spends 4.12% of GDP on defence.", MID_2024)
    assert [(c["code"], c["subject"]) for c in found] == [("CLM-PCT-GDP", "POL")]


def test_an_ally_after_by_tied_by_a_reach_verb_is_no_growth():
    assert net("Spending by Greece hit 3.08% of GDP this year, NATO's estimates show.") == [("GRC", 3.08, 2024, "supported")]
    assert net("As a share of GDP, defence spending by Norway was 2.20%.") == [("NOR", 2.2, 2024, "supported")]


def test_table_values_without_a_unit_are_read_in_a_sentence_about_shares_of_gdp():
    assert net("Military spending relative to economic output: Poland 4.12, Estonia 3.43, Latvia 3.9.") == [
        ("POL", 4.12, 2024, "supported"), ("EST", 3.43, 2024, "supported"), ("LVA", 3.9, 2024, "refuted")]


def test_list_items_take_their_context_from_the_heading_above_them():
    text = "Defence spending relative to GDP, 2024. Canada: 1.37. Italy: 1.49. Spain: 1.28."
    assert [c[0] for c in net(text)] == ["CAN", "ITA", "ESP"]
    lines = "Top three by defence spending as a share of GDP, 2024\nPoland — 4.12%; Estonia — 3.43%; Latvia — 3.15%."
    # (a dash before a value after a name is a list value the ally rule reads itself, before the net)
    assert [c["subject"] for c in claims(lines, MID_2024) if c["type"] == "ally_pct_gdp"] == ["POL", "EST", "LVA"]


def test_a_table_stripped_to_one_cell_per_line_ties_each_value_to_the_name_above_it():
    text = "Defence expenditure as % of GDP (NATO estimates)\nBulgaria\n2.18%\nHungary\n2.11%\nAlbania\n2.3%"
    assert net(text) == [("BGR", 2.18, 2024, "supported"), ("HUN", 2.11, 2024, "supported"), ("ALB", 2.3, 2024, "refuted")]


def test_markdown_table_rows_under_a_heading_are_read_by_the_table_reader_before_the_net():
    text = "Defence spending as a share of GDP, 2024\n| Ally | % of GDP |\n| Portugal | 1.55 |\n| Croatia | 1.81 |"
    assert [(c["subject"], c["value"]) for c in claims(text, MID_2024)] == [("PRT", 1.55), ("HRV", 1.81)]
    assert net(text) == []  # (rules/table.py reads each row by its column)
    # a row under a header the table reader does not know is still the net's
    text = "Defence spending as a share of GDP, 2024\n| Ally | Level |\n| Portugal | 1.55 |\n| Croatia | 1.81 |"
    assert [c[:2] for c in net(text)] == [("PRT", 1.55), ("HRV", 1.81)]


def test_list_lines_take_the_one_year_their_heading_names(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])  # the net alone (the table rule reads these too)
    text = "Defence spending relative to GDP, 2019\nBulgaria: 3.13\nGreece: 2.45\nLuxembourg: 0.55"
    assert net(text) == [("BGR", 3.13, 2019, "supported"), ("GRC", 2.45, 2019, "supported"),
                         ("LUX", 0.55, 2019, "supported")]


def test_a_change_from_one_value_to_another_is_not_read_as_a_level():
    assert net("Defence spending, % of GDP, 2023 and 2024:\nSlovenia: 1.34 → 1.29\nCroatia: 1.74 → 1.81") == []


def test_without_context_a_bare_list_is_no_share_of_gdp():
    assert net("Scores out of ten: Poland 4.12, Estonia 3.43, Latvia 3.15.") == []
    assert net("Poland — 4.12%; Estonia — 3.43%; Latvia — 3.15%.") == []


def test_a_value_whose_unit_the_figure_before_gave_is_read():
    text = "The Baltic trio – Estonia on 3.43 per cent, Latvia on 3.15 and Lithuania on 2.85 – lead on spending relative to GDP."
    assert [c[:2] for c in net(text)] == [("LVA", 3.15), ("LTU", 2.85)]


def test_followed_by_a_with_x_reads_every_ally_of_the_list():
    text = "On spending relative to GDP, Poland stands at 4.12%, followed by Estonia with 3.43% and the US with 3.38%."
    found = {c["subject"]: c["verdict"] for c in claims(text, MID_2024, "ally_pct_gdp")}
    assert found == {"POL": "supported", "EST": "supported", "USA": "supported"}


def test_the_country_is_the_one_ally_the_sentence_before_named(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])  # the net alone, without the specific rules
    one = "Finland shares a long border with Russia. The country now devotes 2.41% of GDP to defence."
    assert net(one) == [("FIN", 2.41, 2024, "supported")]
    assert net("Finland and Sweden border Russia. The country now devotes 2.41% of GDP to defence.") == []


def test_nato_closing_a_groups_name_or_with_an_average_is_a_group(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    assert net("Relative to GDP, European allies of NATO were at 2.02 percent.")[0][:2] == ("EUROPE", 2.02) \
        or net("Relative to GDP, European allies of NATO were at 2.02 percent.")[0][:2] == ("NATO_EUROPE", 2.02)
    assert net("Relative to GDP, NATO was at 2.71 percent.") == []  # plain NATO, no average: too vague
    found = net("In 2024, NATO member states devoted an average of 2.61% of their GDP to defence.", "2025-06-25")
    assert found == [("NATO_TOTAL", 2.61, 2024, "refuted")]  # NATO: 2.71 (2024-06), the edition current then


def test_a_relative_clause_or_a_short_aside_ties_the_figure_to_its_ally(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    assert [c[0] for c in net("Relative to GDP, Poland, which spends 4.12%, leads.")] == ["POL"]
    assert [c[0] for c in net("Relative to GDP, Estonia, whose defence budget is 3.43% of GDP, follows.")] == ["EST"]
    assert [c[0] for c in net("France, by contrast, is estimated to put 2.06% of its GDP into defence.")] == ["FRA"]
    # the last name of an aside is not the owner: the ally the aside hangs on is
    assert [c[0] for c in net("Greece, which has long feared Turkey, is estimated at 3.08 per cent of GDP.")] == ["GRC"]


def test_an_adjective_names_the_ally_only_before_its_spending(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    assert net("Polish defence spending reached 4.12% of GDP this year.") == [("POL", 4.12, 2024, "supported")]
    assert [c[0] for c in net("Relative to GDP, the German figure is 2.12%.")] == ["DEU"]
    assert net("German output rose 0.3% even as spending relative to GDP climbed.") == []
    assert net("Relative to GDP, German exports are 2.1% lower.") == []


def test_a_listicle_item_led_by_its_figure_is_the_one_ally_it_names(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    assert net("1.81: what Croatia spends on defence as a share of GDP this year.") == [("HRV", 1.81, 2024, "supported")]
    assert net("2.02: the share of GDP Latvia devoted to defence in 2019, by NATO's estimate.") == [
        ("LVA", 2.02, 2019, "supported")]  # ("2.02 — ..." is a live blog's time stamp: grammar.py keeps it out)
    # a forecast by anyone but NATO is a plan, and two allies leave the item's owner open
    assert net("1.4: share of GDP the government expects Canada to spend on defence in 2019.") == []
    assert net("2.11: share of GDP Hungary spends on defence, more than Slovakia.") == []


def test_the_figure_or_natos_estimate_is_the_one_ally_just_named(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    check = "CLAIM: Germany spends 1.5% of GDP on defence.\nVERDICT: False. NATO puts it at 2.12%."
    assert net(check) == [("DEU", 2.12, 2024, "supported")]  # past the verdict word, to the claim's ally
    assert net("Italy says it is close to the target. NATO's June estimate is 1.49%.") == [("ITA", 1.49, 2024, "supported")]
    assert net("Spain and Italy lag behind the target. NATO's estimate is 1.28%.") == []  # two allies: whose?


def test_an_appositive_or_a_money_figure_between_the_ally_and_its_share(monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    assert [c[0] for c in net("Canada, long a laggard, is estimated at 1.37% of GDP.")] == ["CAN"]
    assert [c[0] for c in net("France, spending 2.06% of its GDP, is among the allies above the line.")] == ["FRA"]
    assert net("Canada spent $21.9 billion on defence in 2019, about 1.27% of its GDP.", "2019-09-10") == [
        ("CAN", 1.27, 2019, "supported")]
    assert net("Canada spent $21.9 billion on defence in 2019, a rise of 1.27% from the year before.", "2019-09-10") == []


@pytest.mark.parametrize("text", [
    "Defence spending relative to GDP matters. Poland's economy grew 2.9% last year.",
    "Spending relative to GDP is one measure. Unemployment in Spain is 11.3%.",
    "As a share of GDP, Germany's debt is 63%, France's deficit 5.5%.",
    "On the 2% target, Italy says it is making progress; its inflation is 1.1%.",
    "Relative to GDP, Britain's spending will rise to 2.5% by 2027.",
    "Polish voters: 64% back the target of 4% of GDP.",
    "According to SIPRI, Poland spent 4.21% of GDP on its military.",
    "Denmark's 10-year yield was 2.5%, and the GDP deflator 2.2%.",
    "Turkey: interest rates at 50%, GDP growth at 3.2%.",
    "Italy's economy, 2024: growth 0.7%, deficit 3.4%, debt 135%.",
    "Turnout in Lithuania was 52%, and defence spending relative to GDP barely featured in the campaign.",
    "Relative to GDP, NATO forces number 3.26 million, 41% of them in the US, 13% in Turkey and 6.4% in France.",
    "Under the 2% guideline, the Dutch spend more; Belgium does not reach 1.31% of GDP.",
    "The Netherlands plans 2.45% of GDP for defence, Belgium 1.5%.",
    "Relative to GDP, Spain, with 11.3% unemployment and growth of 2.5%, still spends little.",
    "Defence spending relative to GDP: France: 5.4% deficit, Italy: 3.4% deficit.",
    "Hungary's ruling party won 52.5% of the vote; defence spending relative to GDP was not an issue.",
    "As a share of GDP, Romania's budget deficit, 8.6% last year, limits defence spending.",
    "Germany's Rheinmetall shares jumped 4.1% as defence spending relative to GDP rose.",
    "Relative to GDP, Britain's defence budget grew 2.5% in real terms.",
    "Lithuania's economy is worth 0.4% of the alliance's GDP.",
])
def test_other_figures_near_gdp_are_not_read_by_the_net(text, monkeypatch):
    assert net(text) == []
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])  # nor by the net alone, with every figure free
    assert net(text) == []


@pytest.mark.parametrize("text", [
    "GDP growth forecasts, 2024\nPoland 2.9\nGermany 0.3\nSpain 1.9",
    "GDP growth in 2024: Poland 2.9, Germany 0.3, Spain 1.9.",
    "Public debt as a share of GDP\n| Italy | 135.3 |\n| France | 110.6 |\n| Spain | 3.5 |",
    "Inflation and GDP, latest:\nHungary\n3.7%\nPoland\n4.1%",
    "Unemployment rate and GDP per head, 2024: Spain 11.3, Greece 9.9, Italy 6.8.",
])
def test_tables_of_other_figures_per_gdp_are_not_read_by_the_net(text, monkeypatch):
    monkeypatch.setattr("burden.claims.rules.RULES", [NetRule()])
    assert net(text) == []


def test_every_net_lexicon_row_names_its_kind_and_an_example():
    kinds = {"context", "link_list", "link_before", "link_after", "pronoun", "veto_clause", "veto_before", "veto_after",
             "plan", "estimate", "negation", "whole", "group_of", "entity_tail", "front", "front_gap", "baseline", "aside", "defence", "adjective_tie", "head", "anaphor"}
    assert all(r["kind"] in kinds and r["example"].strip() for r in rows("net"))


PIECES = st.sampled_from(["Poland", "Spain", "the country", "European allies", "NATO", " at ", " (", ")", ": ", " — ",
                          " spends ", "'s ", " for ", " of GDP", " relative to GDP", "4.12", "3.43%", "2%", " per cent",
                          ", ", " and ", ". ", "\n", " grew ", " by ", " inflation ", " will ", " in 2019", "\t"])


@settings(max_examples=80, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_net_claims_are_plausible_shares_of_gdp_inside_their_sentence(text):
    for c in check_text(text, MID_2024)["claims"]:
        if c["code"] == NET:
            assert 0 < c["value"] <= 12 and c["stated"] in c["sentence"]
            assert c["type"] in ("ally_pct_gdp", "group_pct_gdp") and c["frame"]["measure"] == "pct_gdp"
