"""Time anchoring by what a time modifies (extract.Sentence.data_times, extract.statement_time, vintage.py): a year
naming a war dates no figure, a year inside a comparison is its baseline's, and the time of NATO's statement or of a
report's presentation dates the statement, whose figures are the ones the report then presented."""

from burden.claims.dates import find_times
from burden.claims.extract import statement_time
from claims_helpers import claims


def _read(text, date, type_="ally_pct_gdp"):
    return [(c["subject"], c["year"], c["verdict"]) for c in claims(text, date, type_)]


def test_a_year_modifying_a_war_dates_no_figure():
    assert _read("Two years after the 2022 invasion, Poland spends 4.12% of GDP on defence.", "2024-07-10") == [
        ("POL", 2024, "supported")]
    # the same year as the figure's own time still dates it
    assert _read("In 2022, the year of the invasion, Poland spent 2.42% of GDP.", "2023-04-01") == [
        ("POL", 2022, "supported")]
    # nor an accession: "joined in March, after the 2022 invasion" is not a 2022 accession (the month after the join is
    # the last March before the date)
    found = claims("Sweden became a member in March, two years after the 2022 invasion began.", "2024-07-10", "accession")
    assert [(c["value"], c["verdict"]) for c in found] == [([[2024, 3]], "supported")]


def test_a_year_inside_a_comparison_does_not_date_the_next_clause():
    assert _read("Allied spending grew faster than in 2023, and Germany now spends 2.12% of GDP.", "2024-07-10") == [
        ("DEU", 2024, "supported")]
    # a "which stood at" clause after "last year's estimate" keeps that compared year
    found = claims("US spending is lower than last year's estimate, which stood at 3.57%.", "2018-07-12", "ally_pct_gdp")
    assert [c["year"] for c in found] == [2017]


def test_statement_times_are_told_apart_from_data_times():
    def marked(text):
        return [text[t.start:t.end] for t in find_times(text, __import__("datetime").date(2024, 7, 1))
                if t.year and t.kind == "year" and statement_time(text, t)]
    assert marked("Presenting the annual report in March 2024, Stoltenberg said 11 allies met it.") == ["2024"]
    assert marked("At the launch of its yearly report in 2019, NATO said nine allies met it.") == ["in 2019"]
    assert marked("In March 2024 the NATO chief put the number at 11.") == ["2024"]
    assert marked("NATO's annual report, presented in March 2024, put the number at 11.") == ["2024"]
    assert marked("The yearly report NATO released in March 2024 lists Greece first.") == ["2024"]
    # another speaker's time, or a figure's own year, is no statement time
    assert marked("In March 2024 the Polish minister said spending was 4%.") == []
    assert marked("In 2023 Poland spent 3.9% of GDP, the report said.") == []


def test_figures_of_a_presented_report_are_that_reports():
    # 2024-03-sgar: Poland 3.92, Estonia 2.89 for 2023 (the June 2024 edition says 3.26 and 3.04)
    found = claims("Presenting the annual report in March 2024, Stoltenberg said Poland spent 3.92% of GDP and "
                   "Estonia 2.89%.", "2024-07-20", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"], c["edition"]) for c in found] == [
        ("POL", 2023, "supported", "2024-03-sgar"), ("EST", 2023, "supported", "2024-03-sgar")]
    # a yearly report "launched" after the article's date is a misprint: the annual report the article could quote
    found = claims("At the launch of the yearly report in March 2024, the alliance's chief listed Greece (3.54%) and "
                   "the US (3.46%) among the top spenders.", "2023-07-20", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("GRC", 2022, "supported"),
                                                                         ("USA", 2022, "supported")]


def test_a_later_sentence_about_the_presented_report_quotes_it_too():
    text = ("At the launch of the yearly report in March 2024, the NATO chief put the number at seven. The report lists "
            "Greece (3.54%) and the US (3.46%) at the top. Poland spends 3.9% now.")
    found = claims(text, "2023-07-20", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [
        ("GRC", 2022, "supported"), ("USA", 2022, "supported"), ("POL", 2023, "supported")]
    # a new paragraph ends the report's reach
    found = claims(text.replace(" The report lists", "\n\nThe report lists"), "2023-07-20", "ally_pct_gdp")
    assert [c["year"] for c in found][:2] == [2023, 2023]
