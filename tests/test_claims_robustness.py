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
