import pytest

from claims_helpers import claims, verdicts


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


@pytest.mark.parametrize("text,date,month,verdict", [
    ("Leaders will sign the text at their summit in Vilnius on Tuesday, diplomats said.", "2023-07-09", "2023-07",
     "supported"),  # Sunday 9 July: the next Tuesday is the 11th
    ("The Vilnius summit, three months away, will be dominated by Ukraine.", "2023-06-01", "2023-09", "refuted"),
    ("The minister was in Ottawa on Monday for talks, six weeks before she is due to attend a summit of allied leaders"
     " in the Netherlands.", "2025-05-12", "2025-06", "supported"),  # (the span said of the summit, not the visit's day)
])
def test_a_weekday_or_a_span_ahead_dates_a_summit_from_the_articles_date(text, date, month, verdict):
    found = claims(text, date, "summit")
    assert [(c["value"], c["verdict"]) for c in found] == [(month, verdict)]


def test_after_a_summit_only_its_day_written_out_is_a_claim_about_when_it_was_held():
    assert verdicts("Leaders gathered on July 11, 2023, in Vilnius for the annual summit.", "2023-07-20",
                    "summit") == ["supported"]
    assert claims("Allied leaders met in The Hague in June and talked about Ukraine.", "2025-07-02", "summit") == []


def test_a_summits_month_written_with_its_year_is_that_year_not_the_articles():
    # an old text naming a later summit with its month and year: judged on that month and year, never refuted as if
    # the month were the article's year
    found = claims("The next meeting of alliance leaders will be held in Vilnius in July 2023.", "2016-05-03")
    assert [(c["value"], c["verdict"]) for c in found] == [("2023-07", "supported")]
    found = claims("The alliance summit in Vilnius is due in July 2024.", "2022-12-01")
    assert [(c["value"], c["verdict"]) for c in found] == [("2024-07", "refuted")]  # (the wrong year stays wrong)
