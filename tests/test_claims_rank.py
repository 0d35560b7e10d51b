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


def _ranks(found):
    return [(c["subject"], c["value"], c["verdict"]) for c in found]


def test_allies_after_followed_by_take_the_next_places_until_the_list_breaks():
    text = "The United States tops the table, followed by Greece at 2.7% and Britain (2.4%), with Norway at 2.0%."
    assert _ranks(claims(text, "2020-11-17", "rank")) == [("USA", 1, "supported"), ("GRC", 2, "supported"),
                                                         ("GBR", 3, "supported")]


def test_followed_by_after_a_first_place_in_the_wrong_order_is_refuted():
    text = "The United States leads the alliance at 3.9%, followed by Norway (2.0%) and Greece (2.6%)."
    assert _ranks(claims(text, "2020-11-17", "rank"))[1:] == [("NOR", 2, "refuted"), ("GRC", 3, "refuted")]


def test_followed_by_without_a_first_place_is_no_rank():
    assert claims("Norway spent 2.0% of GDP on defence, followed by Turkey at 1.9%.", "2020-11-17", "rank") == []


def test_leading_all_members_or_the_shares_at_a_figure_is_first_place():
    for text in ("The United States led all members with 3.9% of GDP going to defence.",
                 "The United States leads estimated shares at 3.9% of GDP."):
        assert _ranks(claims(text, "2020-11-17", "rank")) == [("USA", 1, "supported")], text


def test_spending_the_most_on_defence_at_a_share_is_first_place():
    assert _ranks(claims("Greece spends the most on defence, at 2.6%.", "2020-11-17", "rank")) == [("GRC", 1, "refuted")]
    assert _ranks(claims("The United States spends the most on defence – 3.9%.", "2020-11-17", "rank")) == [
        ("USA", 1, "supported")]


def test_spending_the_most_with_no_share_is_no_rank_by_share_of_gdp():
    assert claims("The United States spends the most on defence.", "2020-11-17", "rank") == []


def test_the_largest_budget_is_first_place_in_money_and_its_followers_the_next():
    text = "The United States has the largest defence budget of all, followed by Britain (about $61 billion) and France ($51 billion)."
    found = claims(text, "2019-06-25", "rank")
    assert _ranks(found) == [("USA", 1, "supported"), ("GBR", 2, "supported"), ("FRA", 3, "refuted")]
    assert all("usd" in c["metric"] for c in found)


def test_the_largest_budget_increase_is_no_rank():
    assert claims("Norway announced the largest defence budget increase since 1990.", "2019-06-25", "rank") == []
