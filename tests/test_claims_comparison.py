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


def test_an_aggregate_the_edition_leaves_out_is_summed_from_every_allys_row():
    # 2019-06 and 2022-03-sgar print every ally's US$ row for the year but no Europe-and-Canada total
    for text, date, edition in (("The US spends more on defence than all the other allies combined.", "2019-12-09", "2019-06"),
                                ("In 2021 Washington spent more on defence than the rest of the allies combined.",
                                 "2022-04-25", "2022-03-sgar")):
        found = claims(text, date, "comparison")
        assert [(c["verdict"], c["edition"]) for c in found] == [("supported", edition)], text
        rows = [e for e in found[0]["evidence"] if "ally" in e]
        assert {e["edition"] for e in rows} == {edition} and "USA" in {e["ally"] for e in rows}
        fact = next(e["fact"] for e in found[0]["evidence"] if "fact" in e)
        assert "NATO_EUR_CAN" in fact and "sum of the" in fact and "(derived)" in fact


def test_outspends_compares_shares_of_gdp_only_when_a_share_is_named():
    found = claims("Relative to the size of its economy, Greece outspends France.", "2024-07-01", "comparison")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("GRC", "gt_entity", "supported")]
    assert claims("Poland outspends Germany on defence.", "2024-07-01", "comparison") == []  # money: not read


def test_a_bare_overtaking_verb_compares_the_measure_of_its_paragraph():
    from claims_helpers import claims
    found = claims("Estonia spent 3.43% of GDP on defence in 2024. Estonia now surpasses the US.", "2024-07-01",
                   "comparison")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("EST", "USA", "supported")]
    assert claims("Italy's election is in 2024. Italy trails Spain in the polls.", "2024-07-01", "comparison") == []
    assert claims("Estonia now surpasses the US.", "2024-07-01", "comparison") == []


def test_a_list_before_the_verb_is_one_party_each_of_whose_allies_must_be_on_its_side():
    # 2024-06: Italy 1.49, Portugal 1.55, Belgium 1.30 < Greece 3.08; Poland 4.12 is not
    found = claims("Belgium, Portugal and Italy spend less than Greece relative to GDP.", "2024-09-01", "comparison")
    assert [(c["subject"], c["comparator"], c["verdict"]) for c in found] == [("BEL,PRT,ITA", "lt_entity", "supported")]
    found = claims("Belgium, Portugal and Poland spend less than Greece relative to GDP.", "2024-09-01", "comparison")
    assert [(c["subject"], c["verdict"]) for c in found] == [("BEL,PRT,POL", "refuted")]
    # "both" distributes: a claim for each
    found = claims("Greece and Estonia both spend more than Germany as a share of GDP.", "2024-09-01", "comparison")
    assert [c["subject"] for c in found] == ["GRC", "EST"]
    # an ally ending an earlier comparison is no part of the next one's list
    found = claims("Estonia spends proportionally more on defence than Germany, and Latvia's share is higher than "
                   "Lithuania's.", "2024-09-01", "comparison")
    assert "DEU,LVA" not in {c["subject"] for c in found}


def test_spending_more_than_an_ally_whose_share_the_sentence_before_gave_compares_shares():
    found = claims("Spain spends 1.28% of GDP on defence.\nSlovenia and Luxembourg spend slightly more than Spain.",
                   "2024-09-01", "comparison")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("SVN,LUX", "ESP", "supported")]
    assert claims("Germany spends far more than France.", "2024-09-01", "comparison") == []  # money: not read


def test_only_one_ally_beating_another_is_the_others_rank_not_a_pair():
    found = claims("Only Luxembourg devotes less of its GDP to defence than Belgium.", "2023-08-01")
    assert [(c["type"], c["subject"], c["value"]) for c in found] == [("rank", "BEL", 2)]


def test_a_relative_clause_or_a_quotations_source_after_the_second_ally_leaves_a_bare_verb_bare():
    found = claims("Poland is at 4.12% of GDP this year.\nPoland now surpasses the United States, which had topped "
                   "the list for a decade.", "2024-09-01")
    assert [(c["type"], c["subject"]) for c in found] == [("ally_pct_gdp", "POL"), ("comparison", "POL")]
    found = claims('Greece is at 3.01% of GDP.\n"Greece now outpaces Estonia," Kathimerini reported.', "2023-08-01",
                   "comparison")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("GRC", "EST", "supported")]


def test_a_ratio_with_a_share_named_is_a_ratio_of_shares_of_gdp():
    # 2024-06: Poland 4.12 / Germany 2.12 = 1.94; in US$ Poland spends far less than Germany
    found = claims("Poland spends almost twice as much as Germany relative to GDP.", "2024-09-01", "comparison")
    assert [(c["metric"], c["verdict"]) for c in found] == [("ratio(def_exp_pct_gdp, DEU)", "supported")]


def test_shares_compared_in_a_possessive_or_with_the_share_between_verb_and_than():
    def pairs(text, date="2024-09-01"):
        return [(c["subject"], c["comparator"], c["value"], c["verdict"]) for c in claims(text, date, "comparison")]
    assert pairs("Latvia's defence spending, at 3.15% of GDP, is higher than Lithuania's.") == [
        ("LVA", "gt_entity", "LTU", "supported")]
    assert pairs("Estonia's share of GDP is higher than that of the United States.") == [
        ("EST", "gt_entity", "USA", "supported")]
    assert pairs("Germany spends less on defence relative to GDP than France.") == [
        ("DEU", "lt_entity", "FRA", "refuted")]  # 2.12 against 2.06


def test_an_ally_compared_with_the_nato_average_is_compared_with_the_alliances_share():
    found = claims("Germany spends less than the alliance average as a share of GDP.", "2024-09-01", "comparison")
    assert [(c["subject"], c["value"], c["verdict"]) for c in found] == [("DEU", "NATO_TOTAL", "supported")]
    # "twice the NATO average" is a ratio of shares of GDP (4.12 / 2.71), not of Poland's US$ to the alliance's total
    found = claims("Poland spends more than twice the NATO average relative to GDP.", "2024-09-01", "comparison")
    assert [(c["metric"], c["verdict"]) for c in found] == [("ratio(def_exp_pct_gdp, NATO_TOTAL)", "refuted")]
