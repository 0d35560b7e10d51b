from claims_helpers import verdicts


def test_announced_summit_month_is_supported_before_the_event():
    assert verdicts("The NATO summit in The Hague in June will be an opportunity.", "2025-03-26") == ["supported"]


def test_wrong_month_is_refuted():
    assert verdicts("Leaders meet in The Hague in September.", "2025-03-26", "summit") == ["refuted"]


def test_no_summit_claim_after_the_event():
    assert verdicts("Leaders met in The Hague in June.", "2025-08-01", "summit") == []
