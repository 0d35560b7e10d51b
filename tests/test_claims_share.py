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


def test_a_share_moving_from_one_figure_to_another_is_two_claims():
    found = claims("The American share of allied spending fell from 69% in 2014 to 66% this year.", "2024-07-15",
                   "share_of_alliance")
    assert [(c["value"], c["year"], c["verdict"]) for c in found] == [(0.69, 2014, "supported"),
                                                                    (0.66, 2024, "supported")]


def test_a_share_matching_any_published_price_basis_is_supported_and_the_basis_named():
    # 2024-06 (E0 2025-04-sgar holds no US$ rows): the US share of 2024 is 0.656 at current prices, 0.637 at constant
    found = claims("The United States paid 64% of allied defence spending in 2024.", "2025-04-30",
                   "share_of_alliance")
    assert [(c["verdict"], "constant" in c["explanation"]) for c in found] == [("supported", True)]
    assert verdicts("The United States paid about 80% of allied defence spending in 2024.", "2025-04-30") == [
        "refuted"]
    # 2025: the total summed from its two parts at current prices (980 / 1,588 = 0.617)
    assert verdicts("The United States accounts for about 62% of allied defence spending this year.",
                    "2025-09-20") == ["supported"]


def test_the_share_of_the_european_allies_and_canada_is_a_share_of_the_alliance():
    found = claims("European NATO members and Canada accounted for just 36% of total alliance expenditures in 2024.",
                   "2025-04-24", "share_of_alliance")
    assert [(c["subject"], c["verdict"]) for c in found] == [("NATO_EUR_CAN", "supported")]  # 0.363 at 2015 prices
    assert claims("NATO accounts for half of global military spending.", "2024-07-01") == []


def test_comprising_and_a_fraction_of_the_alliances_spending_are_shares_but_a_part_of_the_members_is_not():
    assert verdicts("Washington's budget, comprising 68 percent of total allied defence outlays, dwarfs the "
                    "rest.", "2019-03-18", "share_of_alliance") == ["unverifiable"]
    assert verdicts("Washington put $664 billion into defence in 2016, roughly three-quarters of the alliance's "
                    "spending that year.", "2019-04-02", "share_of_alliance") == ["unverifiable"]
    assert claims("Fewer than three-quarters of NATO's 28 members increased their defence spending last year.",
                  "2016-06-01", "share_of_alliance") == []


def test_an_aside_between_dashes_does_not_part_a_share_from_its_phrase_and_a_clause_before_keeps_its_figure():
    found = claims("Although Romania's budget cleared the 2 percent guideline in 2024, its share of the allies' combined "
                   "spending—measured at current prices—went from 0.3 percent in 2014 to 0.6 percent in 2024.",
                   "2025-04-30")
    assert sorted((c["type"], c["year"], c["verdict"]) for c in found) == [
        ("ally_pct_gdp", 2024, "supported"), ("share_of_alliance", 2014, "supported"),
        ("share_of_alliance", 2024, "supported")]


def test_each_share_in_a_sentence_belongs_to_the_owner_named_nearest_before_it():
    """Two shares in one sentence: each is read with its own owner, the group named first owns the first figure
    (the later-named ally used to be read as its owner, a false refutation)."""
    found = claims("Canada and the European allies made up 31 per cent of combined allied spending in 2021, while "
                   "the United States accounted for 69 per cent.", "2022-07-15", "share_of_alliance")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [
        ("NATO_EUR_CAN", 0.31, "supported"), ("USA", 0.69, "supported")]
    found = claims("The Americans bore 70% of what the allies spent on defence in 2021, with Europe and Canada "
                   "accounting for 30%.", "2022-07-15", "share_of_alliance")
    assert [(c["subject"], c["year"]) for c in found] == [("USA", 2021), ("NATO_EUR_CAN", 2021)]


def test_a_share_whose_spending_the_sentence_before_named_is_read():
    text = ("The United States paid for 70 percent of allied defence spending in 2021. Europe and Canada "
            "accounted for only 30 percent.")
    found = claims(text, "2022-07-15", "share_of_alliance")
    assert [(c["subject"], c["value"], c["year"]) for c in found] == [("USA", 0.7, 2021), ("NATO_EUR_CAN", 0.3, 2021)]
    # with no spending named before, a bare "accounted for" share is nobody's share of allied spending
    assert claims("Europe and Canada accounted for only 30 percent.", "2022-07-15", "share_of_alliance") == []
    # nor is a change "in real terms" a share
    assert claims("Spending among European allies and Canada kept rising, accounting for 2.4% in real terms.",
                  "2023-07-20", "share_of_alliance") == []
