"""Coverage as data: which allies and years each edition holds against the allies reporting on its release day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from burden.coverage import coverage, edition_coverage, indicator_coverage, partial_note, reporting_allies_on
from burden.dataset import edition_records, fact_records
from burden.members import roster

ROSTER = [
    {"iso3": "AAA", "accession_date": "1949-08-24", "in_nato_expenditure_tables": "yes"},
    {"iso3": "ISL", "accession_date": "1949-08-24", "in_nato_expenditure_tables": "no"},
    {"iso3": "BBB", "accession_date": "1949-08-24", "in_nato_expenditure_tables": "yes"},
    {"iso3": "NEW", "accession_date": "2020-03-27", "in_nato_expenditure_tables": "yes"},
]


def _fact(edition, iso3, year, indicator="def_exp_pct_gdp"):
    return {"edition": edition, "iso3": iso3, "year": year, "indicator": indicator}


def test_an_ally_that_joined_after_the_release_is_not_expected_and_iceland_never_is():
    assert reporting_allies_on(dt.date(2020, 3, 26), ROSTER) == ["AAA", "BBB"]
    assert reporting_allies_on(dt.date(2020, 3, 27), ROSTER) == ["AAA", "BBB", "NEW"]
    eds = [{"edition": "2019-06", "release_day": "2019-06-25"}, {"edition": "2020-10", "release_day": "2020-10-21"}]
    facts = [_fact("2019-06", "AAA", 2019), _fact("2019-06", "BBB", 2019),
             _fact("2020-10", "AAA", 2019), _fact("2020-10", "AAA", 2020), _fact("2020-10", "BBB", 2020),
             _fact("2020-10", "ISL", 2020, "gdp_usd_mn"), _fact("2020-10", "NATO_TOTAL", 2020, "allies_at_or_above_2pct")]
    old, new = coverage(facts, eds, ROSTER)
    assert (old["status"], old["text"]) == ("full", "2019-06: % of GDP for 2 of 2 allies, 2019")
    assert (new["status"], new["text"]) == ("partial", "2020-10: % of GDP for 2 of 3 allies, 2019-2020")
    by_ind = {c["indicator"]: c for c in new["indicators"]}
    assert by_ind["def_exp_pct_gdp"]["missing"] == ["NEW"]
    assert by_ind["def_exp_pct_gdp"]["by_year"] == [{"year": 2019, "allies": 1}, {"year": 2020, "allies": 2}]
    assert by_ind["gdp_usd_mn"]["extra"] == ["ISL"] and by_ind["gdp_usd_mn"]["allies"] == 0
    assert by_ind["allies_at_or_above_2pct"]["status"] == "aggregates-only"


def test_coverage_is_judged_on_the_latest_year_an_edition_holds():
    cov = indicator_coverage("def_exp_pct_gdp", [("AAA", 2014), ("BBB", 2014), ("AAA", 2015)], ["AAA", "BBB"])
    assert cov["status"] == "partial" and cov["missing"] == ["BBB"] and cov["latest_year"] == 2015


def test_every_edition_held_has_coverage_counted_from_its_own_facts():
    cov = {c["edition"]: c for c in edition_coverage()}
    assert list(cov) == [r["edition"] for r in edition_records()]
    for label in ("2018-07", "2024-06", "2026-03-sgar"):
        rec = next(r for r in edition_records() if r["edition"] == label)
        expected = reporting_allies_on(dt.date.fromisoformat(rec["release_day"]), roster())
        facts = [f for f in fact_records("def_exp_pct_gdp", [label]) if not f["iso3"].startswith("NATO_")]
        latest = max(f["year"] for f in facts)
        held = {f["iso3"] for f in facts if f["year"] == latest} & set(expected)
        head = next(c for c in cov[label]["indicators"] if c["indicator"] == "def_exp_pct_gdp")
        assert (head["allies"], head["reporting"]) == (len(held), len(expected))
        assert cov[label]["status"] == ("full" if len(held) == len(expected) else "partial")
    assert "ISL" not in reporting_allies_on(dt.date(2026, 7, 10), roster())


def test_a_partial_edition_names_who_is_missing_and_a_full_one_gives_no_note():
    full = next(c["edition"] for c in edition_coverage() if c["status"] == "full" and c["reporting_allies"] >= 30)
    assert partial_note(full) is None
    note = partial_note("2018-07", year=2018)
    held = {f["iso3"] for f in fact_records("def_exp_pct_gdp", ["2018-07"]) if f["year"] == 2018}
    assert note["missing"] and not set(note["missing"]) & held
    assert note["text"].startswith("partial edition: 2018-07 holds % of GDP for")


def test_editions_json_shows_coverage_and_the_api_agrees(cli_json, cli):
    rows = cli_json("editions")
    by_label = {r["edition"]: r for r in rows}
    assert by_label["2018-07"]["coverage_status"] == "partial"
    assert by_label["2018-07"]["coverage"].startswith("% of GDP for ")
    assert any(i["indicator"] == "def_exp_pct_gdp" for i in by_label["2024-06"]["indicators"])
    code, out, _ = cli("editions", "--csv")
    assert code == 0 and "coverage_status" in out.splitlines()[0] and "indicators" not in out.splitlines()[0]
    from fastapi.testclient import TestClient

    from burden.web.app import create_app

    client = TestClient(create_app())
    assert client.get("/api/editions").json() == rows
    page = client.get("/editions").text
    assert "coverage" in page and by_label["2018-07"]["coverage"] in page
    head = next(i for i in by_label["2018-07"]["indicators"] if i["indicator"] == "def_exp_pct_gdp")
    assert head["missing"] and "missing: " + ", ".join(head["missing"]) in page


def test_answers_from_a_partial_edition_say_so(cli):
    code, out, err = cli("show", "pct_gdp", "--edition", "2018-07", "--year", "2018", "--json")
    assert code == 0 and "partial edition: 2018-07" in err and "partial" not in out
    code, out, err = cli("show", "pct_gdp", "--edition", "2024-06", "--year", "2024", "--json")
    assert code == 0 and "partial edition" not in err
    from burden.compliance import status_report

    assert status_report("2018-07", 2018)["partial_edition"]["edition"] == "2018-07"
    assert status_report("2024-06", 2024)["partial_edition"] is None
    from burden.compliance import gap_report

    gap = gap_report("2018-07", 2018, target="2")
    assert gap["partial_edition"]["missing"] == status_report("2018-07", 2018)["partial_edition"]["missing"]
    assert any(n.startswith("partial edition: 2018-07") for n in gap["notes"])
    code, out, _ = cli("status", "--edition", "2018-07", "--year", "2018")
    assert code == 0 and "partial edition: 2018-07" in " ".join(out.split())


def test_the_data_page_says_when_the_edition_is_partial():
    from fastapi.testclient import TestClient

    from burden.web.app import create_app

    client = TestClient(create_app())
    assert "partial edition: 2018-07 holds % of GDP" in client.get("/data?edition=2018-07&year=2018").text
    assert "partial edition" not in client.get("/data?edition=2024-06&year=2024").text


CODES = ["AAA", "BBB", "CCC", "DDD"]
facts_strategy = st.lists(st.tuples(st.sampled_from(CODES + ["ISL", "NATO_TOTAL"]), st.integers(2014, 2018)),
                          max_size=30)


@given(facts_strategy, st.sets(st.sampled_from(CODES)))
def test_allies_held_plus_missing_is_always_the_reporting_count(rows, expected_set):
    expected = [c for c in CODES if c in expected_set]
    cov = indicator_coverage("def_exp_pct_gdp", rows, expected)
    if cov["status"] == "aggregates-only":
        assert all(iso3.startswith("NATO_") for iso3, _ in rows)
        return
    assert cov["allies"] + len(cov["missing"]) == cov["reporting"] == len(expected)
    assert (cov["status"] == "full") == (not cov["missing"])
    assert not set(cov["missing"]) & set(cov["extra"]) and "ISL" not in cov["missing"]
    assert cov["latest_year"] == max(y for iso3, y in rows if not iso3.startswith("NATO_"))
