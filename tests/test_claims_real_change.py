from claims_helpers import verdicts


def test_real_growth_of_a_group():
    assert verdicts("Spending by the European allies and Canada is set to grow by 15.9% in real terms this year.",
                    "2025-08-29") == ["supported"]


def test_fraction_with_hedge_and_every_year_since():
    assert verdicts("German defence spending jumped by nearly a quarter in real terms last year.",
                    "2025-10-14") == ["supported"]
    assert verdicts("Spending by the European allies and Canada has risen in real terms in every year since 2014.",
                    "2024-11-20") == ["supported"]
