"""Pasted tables read by column (rules/table.py): the header names each column's measure and year, each row's cells
become claims of the row's ally; a header or a row that cannot be read surely gives nothing. Every table is ours."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims.rules import RULES
from burden.claims.rules.table import Column, TableRule, read_header
from claims_helpers import claims

MID_2024 = "2024-09-10"  # E0 = 2024-06


def cells(text: str, date: str = MID_2024) -> list[tuple]:
    return [(c["type"], c["subject"], c["value"], c["year"]) for c in claims(text, date)]


def test_the_table_reader_runs_before_every_other_rule():
    assert isinstance(RULES[0], TableRule)


def test_a_header_names_each_columns_measure_and_scale():
    assert read_header("country  % of gdp  us$ million", "") == (Column("pct_gdp", None), Column("usd", None, 0.001))
    assert read_header("ally | share of gdp | defence spending (usd bn)", "") == (Column("pct_gdp", None),
                                                                                  Column("usd", None, 1.0))
    assert read_header("| # | ally | spending ($bn) | % of gdp |", "") == (Column("usd", None, 1.0), Column("pct_gdp", None))


def test_years_after_a_measure_are_one_column_each():
    assert read_header("country % of gdp 2014 % of gdp 2024", "") == (Column("pct_gdp", 2014), Column("pct_gdp", 2024))
    assert read_header("nation share of gdp 2015 2019 2023", "") == tuple(Column("pct_gdp", y) for y in (2015, 2019, 2023))


def test_years_alone_take_the_one_measure_their_title_names():
    assert read_header("| rank | country | 2016 | 2022 |", "spending as a share of gdp") == (
        Column("pct_gdp", 2016), Column("pct_gdp", 2022))
    assert read_header("| rank | country | 2016 | 2022 |", "defence spending in us$ million") == (
        Column("usd", 2016, 0.001), Column("usd", 2022, 0.001))
    assert read_header("country 2016 2022", "spending as % of gdp and in $ billion") is None  # (which one?)
    assert read_header("country 2016 2022", "the allies' armies") is None
    assert read_header("country 2016 2022", "growth in per cent") is None  # (a per cent of what is not said)


def test_a_bare_per_cent_column_is_a_share_of_gdp_only_where_gdp_is_named():
    assert read_header("country per cent billions of dollars", "compared with the 2 per cent of gdp goal?") == (
        Column("pct_gdp", None), Column("usd", None, 1.0))
    assert read_header("country per cent billions of dollars", "how the budgets compare") is None


def test_a_header_with_a_word_this_reader_does_not_know_is_no_header():
    assert read_header("country troops tanks", "") is None
    assert read_header("poland spends more than most allies", "") is None
    assert read_header("% of gdp country", "") is None  # (a label after a figure's column)
    assert read_header("% of gdp", "") is None  # (one column and no label: no table)
    assert read_header("country per capita", "") is None  # (only columns read for no claim)


def test_a_tab_table_gives_each_cell_its_rows_ally_and_its_columns_measure():
    text = ("Defence outlays in 2023, as NATO counts them.\nAlly\t% of GDP\tUS$ million\nSweden\t1.54\t8,752\n"
            "Finland\t2.45\t7,312")
    assert cells(text) == [("ally_pct_gdp", "SWE", 1.54, 2023), ("spending_usd", "SWE", 8.752, 2023),
                           ("ally_pct_gdp", "FIN", 2.45, 2023), ("spending_usd", "FIN", 7.312, 2023)]


def test_a_table_claim_is_judged_against_the_edition_like_any_other():
    text = "Spending in 2023\nCountry | % of GDP\nGermany | 1.64\nFrance | 2.40"
    assert [(c["subject"], c["verdict"]) for c in claims(text, MID_2024)] == [("DEU", "supported"), ("FRA", "refuted")]


def test_cells_glued_where_a_unit_closes_each_are_split():
    text = "Ally % of GDP 2015 % of GDP 2023\nGreece2.28%3.01%\nBelgium0.91%1.21%"
    assert cells(text) == [("ally_pct_gdp", "GRC", 2.28, 2015), ("ally_pct_gdp", "GRC", 3.01, 2023),
                           ("ally_pct_gdp", "BEL", 0.91, 2015), ("ally_pct_gdp", "BEL", 1.21, 2023)]


def test_two_figures_run_together_without_a_unit_give_no_claim_at_all():
    text = "Spending in 2017 against the 2% of GDP goal\nCountry Per Cent Billions of dollars\nFrance1.7944.3\nItaly 1.13 22.5"
    assert cells(text, "2018-07-01") == [("ally_pct_gdp", "ITA", 1.13, 2017), ("spending_usd", "ITA", 22.5, 2017)]


def test_a_row_short_of_its_last_cell_fills_from_the_left_and_a_dash_keeps_its_place():
    text = "In 2023:\nCountry\t% of GDP\tUS$ bn\nSlovakia 2.0\nIceland\t–\t–\nNorway\t—\t24.3"
    assert cells(text) == [("ally_pct_gdp", "SVK", 2.0, 2023), ("spending_usd", "NOR", 24.3, 2023)]


def test_a_rank_before_the_name_or_as_a_cell_of_its_own_is_no_figure():
    assert cells("In 2023\nRank Ally % of GDP\n1. Poland 3.83\n2 | Estonia | 2.73") == [
        ("ally_pct_gdp", "POL", 3.83, 2023), ("ally_pct_gdp", "EST", 2.73, 2023)]
    assert cells("In 2023\nAlly | % of GDP\n| 4 | Latvia | 2.27 |") == [("ally_pct_gdp", "LVA", 2.27, 2023)]


def test_a_group_row_is_the_groups_figure():
    assert cells("In 2023\nAlly | % of GDP\nNATO Europe and Canada | 1.78") == [("group_pct_gdp", "NATO_EUR_CAN", 1.78, 2023)]


def test_a_real_change_column_and_a_skipped_column():
    text = "Figures for 2023\nCountry | Per capita (US$) | Real change (%)\nGermany | 705 | 8.8\nFrance | 758 | 5.0"
    assert cells(text) == [("real_change", "DEU", 8.8, 2023), ("real_change", "FRA", 5.0, 2023)]


def test_a_value_that_does_not_fit_its_column_gives_no_claim_for_the_row():
    assert cells("In 2023\nAlly | % of GDP\nPoland | 38.3\nLatvia | 2.27") == [("ally_pct_gdp", "LVA", 2.27, 2023)]


def test_prose_that_starts_with_a_name_and_a_number_is_no_row_and_keeps_its_figures():
    text = "In 2023\nAlly | % of GDP\nLatvia | 2.27\nPoland 2024 budget: spending rose to 4.1% of GDP, the ministry said."
    assert cells(text) == [("ally_pct_gdp", "LVA", 2.27, 2023), ("ally_pct_gdp", "POL", 4.1, 2024)]


def test_a_note_may_stand_between_header_and_rows_but_prose_after_a_row_ends_the_table():
    text = ("In 2023\nAlly | % of GDP | US$ bn\nFigures for 2023 are estimates.\nCanada | 1.31 | 27.99\n"
            "The next figures come from a different source entirely, says the 2024 report.\nPortugal 1.5 3.1")
    assert [c for c in cells(text) if c[1] == "PRT"] == []
    assert ("ally_pct_gdp", "CAN", 1.31, 2023) in cells(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Poland", "Canada", "Italy ", "Norway\t", "| 3 |", "1.", " ", "\t", "|", "2.14", "2.3",
                                 "%", "$", "683", "9,400", "—", "n/a", "2.324.5", "-1.2", "*", "(est.)", "bn"]),
                max_size=12), st.integers(0, 2))
def test_any_row_under_a_header_gives_only_cells_it_holds_and_never_raises(row, header):
    head = ["Country\t% of GDP\tUS$ million", "| Rank | Ally | 2014 | 2024 |", "Ally Per Cent Billions of dollars"][header]
    line = "".join(row)
    for c in claims(f"Spending as a share of GDP in 2019\n{head}\n{line}", MID_2024):
        if c["sentence"] == line.strip():
            assert c["stated"].lstrip("-$").replace(",", "") in line.replace(",", "")


def test_a_numbered_list_under_a_line_with_at_least_ranks_the_highest_first():
    text = ("Only four allies meet the rule that each spend at least 2% of GDP on defence in 2019.\n\n"
            "The four, by NATO's count:\n\n  1. Greece 2.24%\n  2. Estonia 2.14%")
    ranks = [(c["subject"], c["value"], c["frame"]["detail"]) for c in claims(text, "2019-07-01", "rank")]
    assert ranks == [("GRC", 1, "rank_desc(def_exp_pct_gdp)"), ("EST", 2, "rank_desc(def_exp_pct_gdp)")]


def test_a_year_named_far_above_the_header_is_not_the_tables():
    far = "Back in 2014 the weather was poor.\n\nMore.\n\nAnd more.\n\nStill more.\n\nAlly | % of GDP\nLatvia | 3.15"
    near = "Back in 2014 the weather was poor.\n\nAlly | % of GDP\nLatvia | 0.94"
    assert cells(far) == [("ally_pct_gdp", "LVA", 3.15, 2024)]  # (the latest year, as for any undated figure)
    assert cells(near) == [("ally_pct_gdp", "LVA", 0.94, 2014)]


def test_a_title_line_without_a_figure_still_names_the_years_measure():
    text = "A short note on the allies.\n\nShare of GDP spent on defence\nNation  2014  2023  Change\nLatvia  0.94  2.87  +1.93"
    assert cells(text) == [("ally_pct_gdp", "LVA", 0.94, 2014), ("ally_pct_gdp", "LVA", 2.87, 2023)]


def test_a_markdown_rule_line_under_the_header_and_no_second_reading_of_a_cell():
    text = "Outlays in 2023\n| Country | Spending (% of GDP) | Spending (US$ bn) |\n|---|---|---|\n| Latvia | 2.87 | 1.2 |"
    assert cells(text) == [("ally_pct_gdp", "LVA", 2.87, 2023), ("spending_usd", "LVA", 1.2, 2023)]


def test_rows_with_no_header_take_their_columns_from_the_units_of_the_first():
    text = "What the allies spent in 2023, as a share of GDP and in dollars:\nLatvia 2.87% $1.3bn\nPoland3.26%$26.5bn"
    assert cells(text) == [("ally_pct_gdp", "LVA", 2.87, 2023), ("spending_usd", "LVA", 1.3, 2023),
                           ("ally_pct_gdp", "POL", 3.26, 2023), ("spending_usd", "POL", 26.5, 2023)]
    # (the year of the line leading into the rows, not the latest: a US$ amount is no present-tense figure here)
    spelt = "Spending in 2023:\nLatvia | 2.87 per cent | $1,254 million"
    assert cells(spelt) == [("spending_usd", "LVA", 1.254, 2023)]  # (a % with no GDP named above: no column read)



def test_a_row_of_someone_no_lexicon_names_keeps_the_table_going_and_an_estimate_mark_is_no_digit():
    text = "In 2023\nCountry | % of GDP\nLatvia | 2.87\nNATO average | 2.71\nEstonia | 3.19e"
    assert cells(text) == [("ally_pct_gdp", "LVA", 2.87, 2023), ("ally_pct_gdp", "EST", 3.19, 2023)]


def test_a_year_with_its_measure_in_brackets_after_it_and_a_unit_apart_from_its_number():
    assert read_header("member state | spending 2023 ($m) | 2023 (% of gdp)", "how they compare with the 2% of gdp goal") == (
        Column("usd", 2023, 0.001), Column("pct_gdp", 2023))
    assert cells("Where they stand\nCountry | % of GDP 2023\nLatvia | 2.87 %") == [("ally_pct_gdp", "LVA", 2.87, 2023)]


def test_a_rank_column_after_the_figures_is_read_for_nothing():
    assert read_header("country | % of gdp | rank", "") == (Column("pct_gdp", None), Column("skip", None))
    assert cells("In 2023\nCountry | % of GDP | Rank\nLatvia | 2.87 | 9") == [("ally_pct_gdp", "LVA", 2.87, 2023)]
    assert read_header("country 2014 2024", "the ranking by share of gdp") == (Column("pct_gdp", 2014), Column("pct_gdp", 2024))


def test_numbered_rows_whose_number_the_splitter_splits_off_stay_in_the_table():
    text = "Defence spending in 2023\nRank Country % of GDP US$ bn\n1. Poland 3.26 26.5\n2. Latvia 2.87 1.3"
    assert cells(text) == [("ally_pct_gdp", "POL", 3.26, 2023), ("spending_usd", "POL", 26.5, 2023),
                           ("ally_pct_gdp", "LVA", 2.87, 2023), ("spending_usd", "LVA", 1.3, 2023)]


def test_dashes_part_the_cells_where_no_tab_or_pipe_does():
    assert cells("In 2023\nAlly  % of GDP  US$ bn\nLatvia — 2.87% — $1.3bn") == [
        ("ally_pct_gdp", "LVA", 2.87, 2023), ("spending_usd", "LVA", 1.3, 2023)]


def test_comma_separated_cells_and_a_thousands_comma():
    assert cells("In 2023\nCountry, % of GDP, US$ million\nLatvia, 2.87, 1,254") == [
        ("ally_pct_gdp", "LVA", 2.87, 2023), ("spending_usd", "LVA", 1.254, 2023)]
    assert cells("In 2023\nCountry, % of GDP, US$ million\nLatvia, 2.87,1,254") == []  # (which comma parts them?)


def test_a_year_before_its_measure_names_that_measures_column():
    assert read_header("ally 2015 % of gdp 2023 % of gdp", "") == (Column("pct_gdp", 2015), Column("pct_gdp", 2023))
    assert read_header("member 2019 defence spending share of gdp 2024 defence spending us$ bn", "") == (
        Column("pct_gdp", 2019), Column("usd", 2024, 1.0))
    # (a measure first: the years after it are its columns, as before; a year with no measure after it takes the title's)
    assert read_header("country % of gdp 2014 2024 us$ bn", "") == (
        Column("pct_gdp", 2014), Column("pct_gdp", 2024), Column("usd", None, 1.0))
    assert read_header("country 2014 defence 2024 defence", "") is None


def test_a_header_set_one_cell_a_line_is_read_as_one_and_word_columns_after_the_figures_are_read_for_nothing():
    text = ("Member\n2015 Defence Outlays\n% of GDP\n2024 Defence Outlays\n% of GDP\nGoalKey Purchases\n"
            "Hungary1.1%2.1% ↑2.0%-2024 Leopard tanks\n2.5%-2030\nItaly 1.07%1.49% ↓2.00%-2028*")
    assert cells(text) == [("ally_pct_gdp", "HUN", 1.1, 2015), ("ally_pct_gdp", "HUN", 2.1, 2024),
                           ("ally_pct_gdp", "ITA", 1.07, 2015), ("ally_pct_gdp", "ITA", 1.49, 2024)]
    # (the same rows under a header with no word column: the plan is one cell too many, the row is not read)
    assert cells("Member\n2015 Defence Outlays\n% of GDP\n2024 Defence Outlays\n% of GDP\nItaly 1.07%1.49% ↓2.00%-2028*") == []


def test_two_bare_figures_run_together_part_where_the_rows_above_fix_the_decimals():
    head = "Spending in 2017 against the 2% of GDP goal\nCountry Per Cent Billions of dollars\n"
    assert cells(head + "Italy 1.13 22.5\nFrance1.7944.3", "2018-07-01") == [
        ("ally_pct_gdp", "ITA", 1.13, 2017), ("spending_usd", "ITA", 22.5, 2017),
        ("ally_pct_gdp", "FRA", 1.79, 2017), ("spending_usd", "FRA", 44.3, 2017)]
    # (rows above of one and of two decimals: which is it? not read)
    assert cells(head + "Italy 1.1 22.5\nSpain 0.92 11.6\nFrance1.7944.3", "2018-07-01")[4:] == []
