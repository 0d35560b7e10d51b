from claims_helpers import verdicts


def test_share_comparison_between_two_allies():
    assert verdicts("Lithuania spent a bigger share of its economy on defence than the United States last year.",
                    "2026-02-10") == ["supported"]
    assert verdicts("Canada now devotes a bigger share of its economy to defence than the United States does.",
                    "2026-11-12") == ["refuted"]


def test_nearly_double_uses_the_previous_sentences_figure():
    text = ("By the alliance's own estimates, America will spend USD 968bn on defence this year. "
            "That is nearly double what the European allies and Canada will spend together.")
    assert verdicts(text, "2024-07-10") == ["supported", "supported"]
