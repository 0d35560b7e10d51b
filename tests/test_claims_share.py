from claims_helpers import claims, verdicts


def test_us_share_of_allied_spending():
    assert verdicts("In dollar terms the United States accounts for about two-thirds of the allies' combined defense "
                    "spending.", "2024-11-20") == ["supported"]
    assert verdicts('"America pays 90 percent of everything NATO countries spend on defense," he said.',
                    "2024-11-20") == ["refuted"]


def test_a_figure_in_another_clause_is_not_read_as_the_share():
    """Spain's % of GDP in the first clause is not the share; the US's two-thirds next to "pays for" is."""
    from burden.claims import check_text

    text = ("Spain, at 1.28%, still trails the guideline, while the United States pays for about two-thirds of "
            "allied defence spending.")
    shares = [c for c in check_text(text, date="2024-06-20")["claims"] if c["type"] == "share_of_alliance"]
    assert [(c["subject"], c["verdict"]) for c in shares] == [("USA", "supported")]


def test_a_share_of_world_spending_is_not_a_share_of_the_alliance():
    for text in ("The US accounted for 39% of world military spending in 2020.",
                 "America is responsible for about a third of global defence spending.",
                 "The United States accounts for 37 percent of the world's military expenditure."):
        assert claims(text, "2021-04-26", "share_of_alliance") == [], text
    assert claims("The US accounts for about 70% of the allies' combined defence spending.", "2021-04-26",
                  "share_of_alliance") != []


def test_a_share_of_outlays_is_a_share_of_spending():
    found = claims("The US accounts for about 66% of combined allied outlays.", "2024-07-15", "share_of_alliance")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("USA", 0.66, "supported")]


def test_share_verbs_make_up_represent_come_from():
    for text in ("The US makes up around two-thirds of NATO defence expenditure.",
                 "American outlays represent about 66% of the alliance's combined spending.",
                 "Roughly 66 percent of all NATO military spending comes from the United States."):
        found = claims(text, "2024-07-15", "share_of_alliance")
        assert [(c["subject"], c["verdict"]) for c in found] == [("USA", "supported")], text
