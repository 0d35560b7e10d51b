"""Subjects from context (claims/context.py, lexicon referents.csv): a pronoun or description stands for the allies
named before it, a fixed group name for its allies, and "X followed suit" takes the level the sentence before gave
another ally. An unsure reading gives no claim."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import check_text
from burden.claims.lexicon import FOLDER

DATE = "2024-09-01"  # the 2024-06 edition is current: 2024 estimates


def read(text: str, date: str = DATE) -> list[tuple[str, str, float, str, int | None, str]]:
    return [(c["type"], c["subject"], c["value"], c["comparator"], c["year"], c["verdict"])
            for c in check_text(text, date)["claims"]]


def last_sentence(text: str, date: str = DATE) -> list[tuple]:
    """The claims of the text's last sentence."""
    out = check_text(text, date)["claims"]
    end = max(c["span"][1] for c in out) if out else 0
    return [(c["type"], c["subject"], c["value"], c["comparator"], c["year"], c["verdict"])
            for c in out if c["span"][1] == end]


@pytest.mark.parametrize("second", [
    "It is still not meeting the target.",
    "The country is still not meeting the target.",
    "The Mediterranean republic is still not meeting the target.",
])
def test_a_pronoun_or_description_stands_for_the_one_ally_named_before(second):
    assert last_sentence(f"Italy approved its budget on Tuesday. {second}") == [
        ("ally_pct_gdp", "ITA", 2.0, "lt", 2024, "supported")]


def test_the_republics_gdp_owns_the_figure_even_with_the_alliance_named_first():
    text = "Poland is buying tanks at a record pace. Among NATO members, the republic now devotes 4.1% of its GDP to defence."
    assert last_sentence(text) == [("ally_pct_gdp", "POL", 4.1, "eq", 2024, "supported")]


def test_a_figure_of_a_named_allys_gdp_is_that_allys_after_a_source():
    assert read("NATO estimates that 2.25% of Romania's GDP now goes to defence.")[0][:3] == ("ally_pct_gdp", "ROU", 2.25)


@pytest.mark.parametrize("first,second", [
    ("Estonia and Latvia share a border with Russia.", "Both states are already above 3%."),
    ("Estonia and Latvia share a border with Russia.", "The two countries are above 3% of GDP."),
    ("Estonia and Latvia share a border with Russia.", "Both of them spend more than 3% of GDP."),
])
def test_both_and_the_two_stand_for_the_two_allies_listed_before(first, second):
    claims = last_sentence(f"{first} {second}")
    assert sorted(c[1] for c in claims) == ["EST", "LVA"]
    assert {c[:1] + c[2:] for c in claims} == {("ally_pct_gdp", 3.0, "gt", 2024, "supported")}


def test_the_number_in_the_two_countries_counts_nothing():
    claims = last_sentence("Spain and Belgium were criticised. The two countries remain below 1.5% of GDP.")
    assert [c[0] for c in claims] == ["ally_pct_gdp", "ally_pct_gdp"]


def test_they_after_a_list_with_all_is_a_claim_about_the_set():
    claims = last_sentence("Greece, Estonia and the United States reached it early. They are all above 2% today.")
    assert claims == [("all_none_threshold", "GRC,EST,USA", 2.0, "all_gt", 2024, "supported")]


@pytest.mark.parametrize("text,subject", [
    ("The Baltic states all spend more than 2.5% of GDP on defence.", "EST,LVA,LTU"),
    ("In 2023, the Baltics were all above 2.5% of GDP.", "EST,LVA,LTU"),
    ("Poland and the Baltic allies all exceed 2.5% of their GDP.", "POL,EST,LVA,LTU"),
])
def test_a_fixed_group_name_is_its_allies_without_context(text, subject):
    assert [c[:2] for c in read(text)] == [("all_none_threshold", subject)]


def test_the_baltic_states_are_no_speaker():
    claims = check_text("The Baltic states all spend more than 2.5% of GDP on defence.", DATE)["claims"]
    assert claims[0].get("speaker") is None and claims[0]["frame"]["speaker"] is None


@pytest.mark.parametrize("text,expected", [
    ("Germany met the 2% target this year. NATO's chief praised the Netherlands for following suit.",
     ("ally_pct_gdp", "NLD", 2.0, "ge", 2024, "supported")),
    ("France is above the 2% guideline. Romania did the same.", ("ally_pct_gdp", "ROU", 2.0, "gt", 2024, "supported")),
    ("Italy remains below the 2% goal. Portugal did likewise.", ("ally_pct_gdp", "PRT", 2.0, "lt", 2024, "supported")),
    ("Estonia spends 3.4% of GDP. So does Latvia.", ("ally_pct_gdp", "LVA", 3.4, "eq", 2024, "refuted")),
    ("Poland is above the 2% goal. Spain is expected to follow suit next year.",
     ("ally_pct_gdp", "ESP", 2.0, "gt", 2025, "unverifiable")),
])
def test_following_suit_says_the_level_of_the_sentence_before_of_another_ally(text, expected):
    assert last_sentence(text) == [expected]


def test_and_so_did_gives_the_clause_before_to_the_ally_after_it():
    assert read("Norway moved above 2% of GDP this year, and so did Denmark.") == [
        ("ally_pct_gdp", "NOR", 2.0, "gt", 2024, "supported"), ("ally_pct_gdp", "DNK", 2.0, "gt", 2024, "supported")]


@pytest.mark.parametrize("text", [
    "Poland overtook Germany in tanks. The country is still not meeting the target, critics say.",  # two allies before
    "Spain, Italy and Belgium were named. Both are below the goal.",  # three allies for "both"
    "Spain has been criticised for years. NATO says it is still not meeting the target.",  # "it" may be NATO
    "Germany raised its defence budget to 2.1% of GDP. France followed suit.",  # raised too, not surely to 2.1%
    "Spain has been criticised for years.\n\nA new chapter. Other matters came up. The country is still not meeting the target.",
])
def test_an_unsure_reference_gives_no_claim_in_its_sentence(text):
    assert last_sentence(text) == [] or all(c[1] != "ESP" and c[1] != "FRA" for c in last_sentence(text))


def test_a_description_in_a_later_paragraph_takes_no_ally():
    text = "Spain has been criticised for years.\n\nMinisters met in Brussels. The country is still not meeting the target."
    assert all(c[1] != "ESP" for c in read(text))


def test_every_row_of_the_lexicon_has_a_known_kind_and_an_example():
    with (FOLDER / "en" / "referents.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert rows and all(r["kind"] in {"it", "one", "n", "list", "set", "fixed", "same", "quantified", "plural", "value", "among",
                                       "latter", "former", "others"} and r["example"] for r in rows)
    assert all(r["n"].isdigit() for r in rows if r["kind"] == "n")


_WORDS = ["It", "it", "its", "The country", "the republic's", "Both", "both states", "the two countries", "The trio",
          "They", "these countries", "the Baltic states", "followed suit", "So does", "and so did", "did the same",
          "Poland", "Estonia and Latvia", "NATO", "spends", "is above", "2%", "3.1% of GDP", "the target", ".", ",", " "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=24))
def test_no_mix_of_reference_words_raises(words):
    text = " ".join(words)
    for c in check_text(text, DATE)["claims"]:
        assert c["verdict"] in ("supported", "refuted", "outdated", "unverifiable")


def test_it_reaches_past_a_sentence_naming_nobody_in_its_paragraph():
    text = "Italy approved its budget on Tuesday. Critics were unimpressed. It is still not meeting the target."
    assert last_sentence(text) == [("ally_pct_gdp", "ITA", 2.0, "lt", 2024, "supported")]


def test_a_description_takes_the_ally_not_named_as_compared():
    text = "Spain, like Italy, was criticised on Monday. The country is still not meeting the target."
    assert last_sentence(text) == [("ally_pct_gdp", "ESP", 2.0, "lt", 2024, "supported")]


def test_all_of_them_stands_for_the_allies_listed_before():
    claims = last_sentence("Lithuania, Latvia and Estonia border Russia. All of them spend more than 2.5% of GDP.")
    assert sorted(c[1] for c in claims) == ["EST", "LTU", "LVA"]


@pytest.mark.parametrize("second", ["None of them has reached 4%.", "A number of them sit far beneath 1.5%."])
def test_some_of_them_is_no_figure_of_the_ally_carried_from_before(second):
    assert read(f"Spain spends 1.28% of GDP. {second}") == [("ally_pct_gdp", "ESP", 1.28, "eq", 2024, "supported")]


@pytest.mark.parametrize("second,expected", [
    ("That is well above the NATO guideline.", ("ally_pct_gdp", "EST", 2.0, "gt", 2024, "supported")),
    ("This figure puts it far above the NATO guideline.", ("ally_pct_gdp", "EST", 2.0, "gt", 2024, "supported")),
])
def test_that_figure_is_the_figure_the_sentence_before_gave_one_ally(second, expected):
    assert last_sentence(f"Estonia spends 3.4% of GDP. {second}") == [expected]


def test_that_without_a_threshold_is_no_claim():
    claims = check_text("Estonia spends 3.4% of GDP. That is a big change from ten years ago.", DATE)["claims"]
    assert [c["sentence"] for c in claims] == ["Estonia spends 3.4% of GDP."]


def test_her_country_is_the_ally_named_before():
    text = "Canada was criticised at the summit. Her country is still not meeting the target, the minister admitted."
    assert last_sentence(text) == [("ally_pct_gdp", "CAN", 2.0, "lt", 2024, "supported")]


def test_the_europeans_are_the_european_allies():
    assert read("The Europeans spend 2.0% of GDP on average.")[0][:2] == ("group_pct_gdp", "NATO_EUROPE")


def test_a_plan_of_a_set_is_one_claim_for_all_of_it():
    claims = last_sentence("Estonia and Latvia are close to Russia. Both plan to spend 3.5% of GDP next year.")
    assert claims == [("ally_pct_gdp", "EST,LVA", 3.5, "eq", 2025, "unverifiable")]


def test_the_newest_member_is_the_ally_named_before():
    text = "Sweden joined in March. The newest member already spends more than 2% of GDP."
    assert last_sentence(text) == [("ally_pct_gdp", "SWE", 2.0, "gt", 2024, "supported")]


def test_the_superpower_is_the_united_states():
    assert read("The superpower spends 3.38% of GDP.") == [("ally_pct_gdp", "USA", 3.38, "eq", 2024, "supported")]


@pytest.mark.parametrize("text", ["Italy has yet to reach the 2% target.",
                                  "Italy approved its budget. It has yet to reach the 2% target."])
def test_has_yet_to_reach_is_below_the_target(text):
    assert last_sentence(text) == [("ally_pct_gdp", "ITA", 2.0, "lt", 2024, "supported")]


@pytest.mark.parametrize("text,expected", [
    ("Only 23 allies meet the 2% target this year. Italy is not among them.", [("ITA", "lt")]),
    ("Only 23 allies meet the 2% target this year. Poland is one of them.", [("POL", "ge")]),
    ("Eight allies remain below the guideline. Spain and Belgium are among them.", [("BEL", "lt"), ("ESP", "lt")]),
])
def test_among_them_puts_the_ally_on_the_side_the_sentence_before_counted(text, expected):
    assert sorted((c[1], c[3]) for c in last_sentence(text)) == expected


def test_not_one_of_them_beside_a_figure_of_its_own_keeps_the_figure():
    claims = read("Only five allies reached 2% in 2018, and Poland, at 1.98%, was not one of them.", "2018-07-15")
    assert ("ally_pct_gdp", "POL", 1.98, "eq", 2018) in [c[:5] for c in claims]


@pytest.mark.parametrize("text,expected", [
    ("Spain does not meet the 2% goal. Neither does Belgium.", ("ally_pct_gdp", "BEL", 2.0, "lt", 2024, "supported")),
    ("France is above the 2% guideline. The same goes for Romania.",
     ("ally_pct_gdp", "ROU", 2.0, "gt", 2024, "supported")),
])
def test_neither_does_and_the_same_goes_for_take_the_side_before(text, expected):
    assert last_sentence(text) == [expected]


def test_and_neither_does_gives_the_negated_clause_to_the_ally_after_it():
    claims = read("Spain does not meet the 2% goal, and neither does Belgium.")
    assert [(c[1], c[3]) for c in claims] == [("ESP", "lt"), ("BEL", "lt")]


def test_the_same_is_true_of_after_a_raise_to_a_level_gives_nothing():
    claims = check_text("Germany raised its defence budget to 2.1% of GDP. The same is true of France.", DATE)["claims"]
    assert [c["subject"] for c in claims] == ["DEU"]


def test_its_after_a_noun_of_its_own_sentence_stands_for_that_noun():
    import datetime as dt

    from burden.claims import iter_claims

    text = "Germany spends 2.1% of GDP. Each country must report its defence spending, which is above the guideline."
    sentences = {id(c.sentence): c.sentence for c in iter_claims(text, dt.date(2024, 9, 1))}
    assert all(e.kind != "anaphor" for s in sentences.values() for e in s.entities)


def test_a_group_name_followed_by_its_allies_is_those_allies():
    claims = read("Two Baltic countries, Latvia and Lithuania, each spend more than 2.5% of GDP.")
    assert sorted(c[1] for c in claims) == ["LTU", "LVA"]


@pytest.mark.parametrize("second", ["The amount – 2.85% of GDP – exceeds the NATO guideline.",
                                    "The amount, 2.85% of GDP, exceeds the NATO guideline."])
def test_a_figure_fragment_is_the_ally_before_not_the_group_of_a_norm_after_it(second):
    text = f"Lithuania's parliament approved the budget on Monday. {second}"
    assert last_sentence(text)[0][:3] == ("ally_pct_gdp", "LTU", 2.85)


def test_the_other_allies_after_the_united_states_are_europe_and_canada():
    from claims_helpers import claims

    found = claims("The US spent 3.4% of GDP on its military in 2024, compared with the other countries' average of 2%.",
                   "2024-07-20")
    assert [(c["subject"], c["verdict"]) for c in found] == [("USA", "supported"), ("NATO_EUR_CAN", "supported")]
    # after another ally, or with no ally before them, the others are no published group
    assert [c["subject"] for c in claims("Poland spent 3.9% of GDP in 2023, and the other allies 1.9% on average.",
                                         "2024-07-20")] == ["POL"]


def test_our_country_is_the_one_ally_named_just_before_beside_other_allies():
    found = check_text("Canada lags behind. My country devoted 1.37% of GDP to defence in 2024, while Britain spent "
                       "2.33%.", "2024-07-15")["claims"]
    assert [(c["subject"], c["value"], c["verdict"]) for c in found if c["type"] == "ally_pct_gdp"] == [
        ("CAN", 1.37, "supported"), ("GBR", 2.33, "supported")]
