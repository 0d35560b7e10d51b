"""Token gaps: characters and compounds that hid a name or a number (grammar.reading_text). The checker reads a
text with them closed, one character for one, so the spans and the sentence shown are the input's own."""

from hypothesis import given
from hypothesis import strategies as st

from burden.claims.grammar import reading_text, sentences
from claims_helpers import claims


def test_modifier_letter_apostrophe_does_not_hide_the_ally():
    text = "Canadaʼs defence spending is estimated at 1.37% of GDP this year, NATO figures show."
    found = claims(text, "2024-07-10", "ally_pct_gdp")
    assert [(c["subject"], c["year"], c["verdict"]) for c in found] == [("CAN", 2024, "supported")]
    assert found[0]["sentence"] == text  # the input's own apostrophe, not the reading's
    assert text[slice(*found[0]["span"])] == found[0]["sentence"]


def test_hyphenated_number_word_and_member_nouns_are_read():
    found = claims("Some two-dozen allies now put at least 2% of their GDP into defence.", "2024-07-12",
                   "count_at_threshold")
    assert [(c["value"], c["comparator"], c["stated"]) for c in found] == [(24.0, "approx", "two-dozen")]
    assert [c["value"] for c in claims("The alliance now counts 32 member-states.", "2024-07-15", "member_count")] == [32]
    assert [(c["type"], c["value"]) for c in claims("Only 21 of the 32 member-nations meet 2% this year.", "2024-07-15")] \
        == [("member_count", 32), ("count_at_threshold", 21.0)]


def test_a_decimal_split_by_a_line_break_is_one_number():
    text = "Poland is set to spend 4.\n12% of its GDP on defence this year, by far the most in the whole alliance."
    found = claims(text, "2024-06-28", "ally_pct_gdp")
    assert [(c["value"], c["verdict"]) for c in found] == [(4.12, "supported")]
    # a year ending a line before a percentage on the next is no decimal
    assert reading_text("spending rose in 2024.\n12% more is planned") == "spending rose in 2024.\n12% more is planned"


def test_est_before_a_number_ends_no_sentence():
    assert len(sentences("Latvia spends an est. 3.15% of GDP in 2024.")) == 1
    assert len(sentences("The figure is an estimate, est. The next one is due.")) == 2
    found = claims("Of all the allies in the table, two laggards stand out: Belgium (est. 1.30%) and Spain (est. 1.28%).",
                   "2024-07-02", "ally_pct_gdp")
    assert [(c["subject"], c["value"]) for c in found] == [("BEL", 1.3), ("ESP", 1.28)]


@given(st.text(alphabet="ab ʼ‐‑-.\n12%dozenmbrstwo", max_size=60))
def test_the_reading_keeps_every_offset(text):
    read = reading_text(text)
    assert len(read) == len(text)
    # only the gap characters change: every other character stays where it was
    assert all(a == b or a in "ʼ‐‑-\n" or a.isdigit() or a == "." for a, b in zip(text, read, strict=True))
