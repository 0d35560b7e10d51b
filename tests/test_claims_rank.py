from claims_helpers import claims


def test_lowest_share_with_complete_edition():
    found = claims('"Spain spends a smaller share of its economy on defence than any other ally."', "2025-03-05", "rank")
    assert [c["verdict"] for c in found] == ["supported"]


def test_rank_needs_a_complete_edition():
    found = claims("0.54%: Luxembourg's share last year, the lowest in the alliance.", "2019-04-04", "rank")
    assert [c["verdict"] for c in found] == ["unverifiable"]


def test_ordinal_rank_and_vague_rank():
    assert [c["verdict"] for c in claims("Greece has the third-highest defence spending in the alliance relative to GDP.",
                                         "2025-03-05", "rank")] == ["refuted"]
    assert claims("Spain, one of the lowest spenders, said it would do more.", "2024-06-18", "rank") == []
