"""Evidence shows the reading: every claim carries its frame and a one-line `read_as`; a claim decided
through the fallback to an older edition says so; caches follow `burden import` in the same process."""

from __future__ import annotations

import json

from burden.claims import check_text
from burden.importers import import_nato
from claims_helpers import claims
from conftest import FIXTURES, SHARED

FRAME_KEYS = {"measure", "subject", "value", "comparator", "year", "threshold", "indicator", "denominator",
              "exclusions", "price_basis", "price_basis_named", "modality", "polarity", "speaker", "detail"}


def test_every_claim_of_the_seed_article_has_a_frame_and_a_reading():
    seed = json.loads((SHARED / "dev" / "claims" / "000.json").read_text()) if SHARED.exists() else None
    text, date = (seed["text"], seed["published"]) if seed else ("Poland spent 4.12% of GDP in 2024.", "2024-07-01")
    found = check_text(text, date)["claims"]
    assert found and all(set(c["frame"]) == FRAME_KEYS and c["read_as"] for c in found)


def test_a_count_reads_as_count_threshold_year_and_value():
    found = claims("Six allies met the 2% guideline in 2018.", "2019-07-01", "count_at_threshold")
    assert found[0]["read_as"] == "count of NATO_ALLIES with % of GDP >= 2 in 2018 = 6"
    assert found[0]["frame"]["measure"] == "count_at_threshold" and found[0]["frame"]["threshold"] == 2.0


def test_a_plan_is_read_as_planned():
    assert claims("Germany will spend 2% of GDP in 2031.", "2025-03-26")[0]["frame"]["modality"] == "planned"


def test_a_speaker_named_after_the_claim_is_kept():
    found = claims("Latvia spent 2.01% of GDP in 2018, Prime Minister Karins said.", "2019-07-01")
    assert found[0]["speaker"] == "Prime Minister Karins"


def test_no_speaker_field_without_attribution():
    assert "speaker" not in claims("Latvia spent 2.01% of GDP in 2018.", "2019-07-01")[0]


def test_a_figure_missing_from_a_partial_current_edition_names_the_fallback():
    # 2021-06 (E0 on this date) is held only in part; Italy 2020 comes from 2020-10 (dev set 007)
    found = claims("Italy spent 1.6% of GDP on defence last year.", "2021-06-14", "ally_pct_gdp")
    fb = found[0]["decided_by_fallback"]
    assert fb["should_have_decided"] == "2021-06" and fb["decided_by"] == found[0]["edition"] == "2020-10"
    assert "fallback" in found[0]["explanation"] and "2021-06" in fb["reason"]


def test_a_figure_from_the_current_edition_has_no_fallback():
    assert claims("Latvia spent 2.01% of GDP in 2018.", "2019-07-01")[0]["decided_by_fallback"] is None


def test_terminal_output_shows_the_reading_and_the_fallback(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Italy spent 1.6% of GDP on defence last year.", encoding="utf-8")
    code, out, _ = cli("check", str(article), "--date", "2021-06-14")
    assert code == 0 and "read as: ITA defence spending in 2020 = 1.6% of GDP" in out
    assert "decided by fallback: 2021-06" in out and "older edition 2020-10" in " ".join(out.split())


def test_an_import_in_the_same_process_changes_the_verdict():
    text = "Albania spent 2.01% of GDP on defence in 2024."
    before = check_text(text, "2031-01-01")
    import_nato(FIXTURES / "nato" / "valid_minimal.xlsx", "2030-01")  # into this test's own BURDEN_DATA_DIR
    after = check_text(text, "2031-01-01")
    assert before["edition_as_of"] != "2030-01" and before["claims"][0]["verdict"] == "refuted"
    assert after["edition_as_of"] == "2030-01" and after["claims"][0]["verdict"] == "supported"
