from claims_helpers import claims, verdicts


def test_share_comparison_between_two_allies():
    assert verdicts("Lithuania spent a bigger share of its economy on defence than the United States last year.",
                    "2026-02-10") == ["supported"]
    assert verdicts("Canada now devotes a bigger share of its economy to defence than the United States does.",
                    "2026-11-12") == ["refuted"]


def test_nearly_double_uses_the_previous_sentences_figure():
    text = ("By the alliance's own estimates, America will spend USD 968bn on defence this year. "
            "That is nearly double what the European allies and Canada will spend together.")
    assert verdicts(text, "2024-07-10") == ["supported", "supported"]


def test_plain_nato_as_the_other_party_is_read_as_the_nato_total_or_not_compared():
    # data_code("NATO") is None; a ratio falls back to the NATO total, a share comparison takes allies only
    found = claims("The United States spends nearly double what NATO spends.", "2024-07-10", "comparison")
    assert [c["metric"] for c in found] == ["ratio(def_exp_usd, NATO_TOTAL)"]
    assert found[0]["verdict"] == "refuted"  # the US is about two thirds of the NATO total, not double it
    assert claims("Poland spent a bigger share of its economy on defence than NATO last year.", "2024-07-10",
                  "comparison") == []
