from claims_helpers import verdicts


def test_announced_summit_month_is_supported_before_the_event():
    assert verdicts("The NATO summit in The Hague in June will be an opportunity.", "2025-03-26") == ["supported"]


def test_wrong_month_is_refuted():
    assert verdicts("Leaders meet in The Hague in September.", "2025-03-26", "summit") == ["refuted"]


def test_no_summit_claim_after_the_event():
    assert verdicts("Leaders met in The Hague in June.", "2025-08-01", "summit") == []


def test_a_summit_named_by_its_host_country_is_checked_like_its_city():
    assert verdicts("Defence chiefs are preparing for the summit in the Netherlands in June.", "2025-02-10",
                    "summit") == ["supported"]
    assert verdicts("Defence chiefs are preparing for the summit in the Netherlands in September.", "2025-02-10",
                    "summit") == ["refuted"]
    # the host country alone, no summit: its own affairs
    assert verdicts("Lithuania's ministers said in July that spending would rise.", "2023-02-10", "summit") == []
