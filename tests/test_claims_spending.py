from claims_helpers import claims, verdicts


def test_dollar_figures_compare_at_the_written_precision():
    assert verdicts("Total defence spending across the alliance is estimated at $1.47 trillion for 2024.",
                    "2024-06-18") == ["supported"]
    assert verdicts("By the alliance's own estimates, America will spend USD 968bn on defence this year.",
                    "2024-07-10") == ["supported"]
    assert verdicts("The United States spent more than $1 trillion on defence last year.", "2025-03-05") == ["refuted"]


def test_euro_budgets_are_not_nato_figures():
    assert claims("Germany announced a special fund of 100 billion euros in February.", "2022-07-05") == []
