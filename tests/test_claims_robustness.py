from hypothesis import given, settings
from hypothesis import strategies as st

from burden.claims import VERDICTS, check_text

PIECES = st.sampled_from(["Poland", " spent ", "4.12%", " of GDP ", "last year", ". ", "no NATO member", "$1.47 trillion",
                          "%", "9" * 50, "all 32 allies", "\n", "“", "?", "owe NATO", " the 2% guideline ", "in 2035"])


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    result = check_text(text, "2025-03-26")
    assert all(c["verdict"] in VERDICTS for c in result["claims"])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_domain_fragments_give_valid_spans(text):
    for c in check_text(text, "2025-03-26")["claims"]:
        start, end = c["span"]
        assert 0 <= start < end <= len(text) and text[start:end] == c["sentence"]


def test_adversarial_input_is_bounded():
    text = "9" * 20000 + "%" * 5000 + " and and" * 3000
    assert check_text(text, "2025-03-26")["claims"] == []


def test_a_dotted_capital_i_reads_as_the_i_that_case_blind_patterns_see():
    # "İ" (Turkish dotted capital I) lower-cases to "i" plus a combining dot, which split the word "allİes" in two in
    # the sentence's word set, so the word gates missed words the case-blind patterns read: the word set is now
    # taken from the folded text, where "İ" is "i"
    def read(text):
        return [(c["type"], c["subject"], c["value"]) for c in check_text(text, "2025-03-26")["claims"]]

    assert read("ONLY 23 ALLİES MEET THE 2% GUİDELİNE IN 2024.") == read("Only 23 allies meet the 2% guideline in 2024.")
    assert read("SPAİN spent 1.28% of GDP in 2024.") == [("ally_pct_gdp", "ESP", 1.28)]
