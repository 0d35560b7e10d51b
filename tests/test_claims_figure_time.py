"""Whose figure and when, from the sentences around it: "that rate" after an opening time stands for the ally the
sentence before gave a figure; a past era named without a year ("under the previous government", "during the Cold
War") leaves the figure without a year (unverifiable, never the present's); a plural pronoun with no list before it
is no single ally carried over. Corpus: figure_time_context.jsonl."""

from __future__ import annotations

import pytest

from burden.claims import check_text


def last_sentence(text: str, date: str) -> list[tuple]:
    """The claims of the text's last sentence (the text after its last ". ")."""
    start = text.rfind(". ") + 2 if ". " in text else 0
    return [(c["type"], c["subject"], c["value"], c["year"], c["verdict"]) for c in check_text(text, date)["claims"]
            if c["span"][0] >= start]


def test_that_rate_after_an_opening_time_is_the_ally_of_the_sentence_before():
    text = "Canada spent 1.2% of its GDP on defence. This year that ratio is forecast to be 1.37 per cent."
    assert last_sentence(text, "2024-07-01") == [("ally_pct_gdp", "CAN", 1.37, 2024, "supported")]


@pytest.mark.parametrize("era", ["under the previous Liberal cabinet", "during the Cold War", "in the past",
                                 "on average over the last ten years", "across the past decade"])
def test_a_past_era_without_a_year_gives_no_year_and_no_refutation(era):
    got = last_sentence(f"Belgium spent over 3% of GDP {era}.", "2024-07-01")
    assert got == [("ally_pct_gdp", "BEL", 3.0, None, "unverifiable")]


def test_a_present_sentence_naming_an_era_keeps_its_present_figure():
    got = last_sentence("Canada now spends 1.37% of GDP, up from about 1% under the previous government.", "2024-07-01")
    assert got[0] == ("ally_pct_gdp", "CAN", 1.37, 2024, "supported")


def test_a_plural_pronoun_with_no_list_before_is_no_single_carried_ally():
    text = "Spain spends 1.28% of GDP. They're all at 2 percent now, the minister said."
    assert last_sentence(text, "2025-09-01") == []


def test_a_plural_pronoun_still_takes_a_group_carried_from_before():
    text = "Canada and the European allies added about $60 billion last year. They spent 2.02% of their combined GDP."
    assert [c[1] for c in last_sentence(text, "2024-07-01")] == ["NATO_EUR_CAN"]


@pytest.mark.parametrize("text", [
    "Portugal will lift its defence budget to 2% of GDP by 2030 from 1.3 percent now.",
    "Portugal intends to spend 2 percent by 2030, up from the current 1.3%.",
    "Portugal is set to reach 2% of GDP in 2030 from about 1.3 percent today.",
])
def test_the_level_a_plan_starts_from_today_is_a_present_figure_not_the_plans(text):
    got = {(c["value"], c["year"], c["frame"]["modality"]) for c in check_text(text, "2019-09-01")["claims"]
           if c["type"] == "ally_pct_gdp"}
    origin = next(g for g in got if g[0] == 1.3)
    assert origin[1] == 2019 and origin[2] != "planned"
    assert any(g[0] == 2.0 and g[1] == 2030 for g in got)
