"""Verification per measure: each measure judges a frame alone (what the sentence was read as) on the data as of
the date, through one registry; the reading and the judging meet only in the frame."""

from __future__ import annotations

import copy
import datetime as dt
import json

from burden.claims import check_text, extract_claims
from burden.claims.frame import MEASURES, Frame
from burden.claims.measures import JUDGES, judge
from burden.claims.verify import AsOf
from conftest import SHARED

SEED = SHARED / "dev" / "claims" / "000.json"


def test_every_claim_type_has_a_measure_that_judges_it():
    assert set(MEASURES.values()) <= set(JUDGES)


def test_a_copied_frame_is_judged_as_the_checker_judges_its_sentence():
    if SEED.exists():
        seed = json.loads(SEED.read_text())
        text, date = seed["text"], seed["published"]
    else:
        text, date = "Poland spent 4.12% of GDP in 2024. Six allies met the 2% guideline in 2018.", "2025-07-01"
    day = dt.date.fromisoformat(date)
    checked = check_text(text, date)["claims"]
    found = extract_claims(text, day)
    assert len(found) == len(checked) >= 2
    asof = AsOf(day)
    for claim, out in zip(found, checked, strict=True):
        j = judge(copy.deepcopy(claim.frame), asof)  # a copy: nothing ties it to the sentence any more
        assert (j.verdict, j.edition) == (out["verdict"], out["edition"])
        assert out["explanation"].startswith(j.explanation)  # the output adds revisions and the fallback


def test_a_pledge_frame_with_a_wrong_deadline_is_refuted_without_any_text():
    frame = Frame("pledge", "HAGUE2025_5PCT_TOTAL", 5.0, detail="threshold_pct", slots={"deadline": 2032})
    j = judge(frame, AsOf(dt.date(2025, 9, 1)))
    assert j.verdict == "refuted" and "not 2032" in j.explanation


def test_a_planned_figure_is_not_checkable_whatever_its_value():
    frame = Frame("pct_gdp", "POL", 4.12, year=2024, decimals=2, slots={"plan": True})
    assert judge(frame, AsOf(dt.date(2025, 9, 1))).verdict == "unverifiable"


def test_the_current_target_is_resolved_to_the_pledge_in_force_on_the_date():
    found = check_text("The current NATO target is 2% of GDP.", "2024-03-01")["claims"]
    assert [(c["subject"], c["frame"]["subject"], c["verdict"]) for c in found] == [
        ("VILNIUS2023_2PCT_FLOOR", "VILNIUS2023_2PCT_FLOOR", "supported")]


def test_a_price_basis_the_text_names_is_in_the_frame_and_only_that_basis_is_tried():
    named = check_text("The US spent $685 billion on defence in 2019 at 2015 prices.", "2020-07-01")["claims"]
    unnamed = check_text("The US spent $685 billion on defence in 2019.", "2020-07-01")["claims"]
    assert [(c["frame"]["price_basis"], c["frame"]["price_basis_named"], c["verdict"]) for c in named] == [
        ("constant 2015", True, "supported")]
    # unnamed, every published basis is tried: the same figure matches the constant-price row and says so
    assert [(c["frame"]["price_basis"], c["frame"]["price_basis_named"]) for c in unnamed] == [(None, False)]
    assert unnamed[0]["verdict"] == "supported" and "constant 2015" in unnamed[0]["explanation"]


def test_a_fraction_of_the_allies_is_judged_with_its_own_comparator():
    # 2019: fewer than a third of the 29 allies met 2% (7 of 28 with a value); "fewer than" must not become "="
    claims = check_text("Fewer than a third of the 29 allies reach the guideline this year.", date="2019-07-01")["claims"]
    share = next(c for c in claims if c["type"] == "count_at_threshold")
    assert share["comparator"] == "lt" and share["frame"]["comparator"] == "lt"
    assert share["verdict"] == "supported", share["explanation"]


def test_an_exact_share_no_edition_comes_near_is_unverifiable_not_refuted():
    from claims_helpers import claims

    found = claims("In 2022, the corresponding percentage for Latvia was 9.5%.", "2023-09-01", "ally_pct_gdp")
    assert [(c["value"], c["verdict"]) for c in found] == [(9.5, "unverifiable")]
    # a side of a high level stays checkable ("more than 10%" is refuted)
    assert [c["verdict"] for c in claims("Latvia spent more than 10% of GDP on defence in 2022.", "2023-09-01",
                                         "ally_pct_gdp")] == ["refuted"]
