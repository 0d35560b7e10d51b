"""Responsibility sharing: Kiel releases, annualised aid, common-funding shares, the Hague 5% with a
user's national plans, ranking changes and fairness with and without aid; CLI checked against the service."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden import responsibility as rs
from burden.paths import SHIPPED_DATA_DIR
from burden.service import responsibility as svc
from conftest import FIXTURES

PLANS = FIXTURES / "plans"


def _reference_value(**where):
    with (SHIPPED_DATA_DIR / "ukraine_support.csv").open(newline="", encoding="utf-8") as fh:
        hits = [r for r in csv.DictReader(fh) if all(r[k] == v for k, v in where.items())]
    assert len(hits) == 1, where
    return float(hits[0]["value"])


# ---------------------------------------------------------------- ukraine

def test_ukraine_release_29_rows_are_the_published_values(cli_json):
    out = cli_json("ukraine", "--release", "29")
    assert out == svc.ukraine("29")
    assert out["release"] == "29" and out["release_date"] == "2026-08-04"
    rows = {r["iso3"]: r for r in out["rows"]}
    assert len(rows) == 30 and "EU_INST" in rows and "ALB" not in rows
    for iso3 in ("DEU", "USA", "EU_INST", "SVN"):
        for t in ("military", "financial", "humanitarian", "total"):
            assert rows[iso3][f"{t}_eur_bn"] == _reference_value(
                vintage="29", iso3=iso3, aid_type=t, indicator="aid_eur_bn", measure="allocations", scope="bilateral")
    assert rows["DEU"]["total_pct_gdp"] == _reference_value(
        vintage="29", iso3="DEU", aid_type="total", indicator="aid_pct_gdp", scope="bilateral")
    assert rows["USA"]["eu_share_pct_gdp"] is None  # not an EU member: missing, not zero
    assert out["type_sum_check"]["max_abs_difference_bn"] < 1e-9


def test_ukraine_release_30v2_has_us_dollars_and_no_euro_figures(cli_json):
    rows = {r["iso3"]: r for r in cli_json("ukraine", "--release", "30v2")["rows"]}
    assert rows["DEU"]["total_usd_bn"] is not None and rows["DEU"]["total_eur_bn"] is None


def test_unknown_release_is_a_one_line_error(cli):
    code, out, err = cli("ukraine", "--release", "99")
    assert code == 2 and out == "" and "unknown Kiel release '99'" in err and err.count("\n") == 1


def test_ukraine_csv_has_one_line_per_donor(cli):
    code, out, _ = cli("ukraine", "--release", "29", "--csv")
    assert code == 0 and len(out.strip().splitlines()) == 1 + 30


def test_war_years_run_from_24_january_2022_to_the_end_of_the_cutoff_month():
    assert rs.cutoff_day("2026-04") == dt.date(2026, 4, 30)
    assert rs.war_years("2026-04") == pytest.approx((dt.date(2026, 4, 30) - dt.date(2022, 1, 24)).days / 365.25)
    assert rs.war_years("") is None


RELEASE_29 = rs.kiel_frame().query("vintage == '29'")


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(2022, 2, 1), max_value=dt.date(2035, 12, 31)))
def test_annualised_aid_times_years_gives_back_the_published_cumulative_share(day):
    import pandas as pd

    frame = RELEASE_29.copy()
    frame["data_through"] = day.isoformat()
    aid = rs.aid_per_year(frame, "29")
    back = aid["ukraine_aid_pct_gdp_per_year"] * aid["war_years"]
    assert ((back - aid["ukraine_aid_pct_gdp"]).abs().dropna() < 1e-9).all()
    assert pd.notna(aid["war_years"]).all() and (aid["war_years"] > 0).all()


# ---------------------------------------------------------------- common funding

def test_period_bounds_read_every_period_form_in_the_table():
    assert rs.period_bounds("2016-2017") == (2016, 2017)
    assert rs.period_bounds("2021-") == (2021, None)
    assert rs.period_bounds("until 2020") == (None, 2020)
    for period in rs.common_funding_frame()["period"]:
        rs.period_bounds(period)


def test_cost_share_for_a_year_prefers_the_narrowest_period():
    frame = rs.common_funding_frame()
    y2025 = rs.cost_share_for_year(frame, 2025).set_index("iso3")
    assert y2025.loc["USA", "common_funding_period"] == "2021-" and y2025.loc["USA", "common_funding_share"] == 16.35
    y2026 = rs.cost_share_for_year(frame, 2026).set_index("iso3")
    assert y2026.loc["USA", "common_funding_period"] == "2026" and bool(y2026.loc["USA", "common_funding_approximate"])
    assert "FRA" not in y2025.index  # no public figure for France after 2017: missing


def test_common_funding_cli_matches_the_service_and_lists_missing_allies(cli_json):
    out = cli_json("common-funding", "--year", "2025")
    assert out == svc.common_funding(2025)
    assert {r["iso3"] for r in out["shares_for_year"]} == {"USA", "DEU"}
    assert "FRA" in out["missing"] and len(out["missing"]) == 30
    assert all(r["source"] for r in out["cost_shares"] + out["budgets"])


# ---------------------------------------------------------------- responsibility

def test_responsibility_contract_and_methods(cli_json):
    out = cli_json("responsibility", "--edition", "2026-07", "--year", "2025")
    assert out == svc.responsibility("2026-07", 2025)
    rows = {r["iso3"]: r for r in out["rows"]}
    assert len(rows) == 32
    assert rows["ISL"]["def_exp_pct_gdp"] is None and rows["ISL"]["ukraine_aid_pct_gdp_per_year"] is not None
    assert rows["ISL"]["meets_2_core"] is None and rows["ISL"]["rank_core"] is None
    for key in ("def_exp_pct_gdp", "ukraine_aid_pct_gdp_per_year", "common_funding_share", "core_plus_aid_pct_gdp",
                "gdp_share", "common_funding_vs_gdp_share", "hague_total_pct_gdp", "rank_change"):
        assert key in out["method"] or key in rows["DEU"], key
    assert "24 January 2022" in out["method"]["war_years"]
    deu = rows["DEU"]
    assert deu["ukraine_aid_pct_gdp_per_year"] == pytest.approx(deu["ukraine_aid_pct_gdp"] / out["war_years"])
    assert deu["common_funding_share"] == 16.35
    assert deu["common_funding_vs_gdp_share"] == pytest.approx(16.35 / deu["gdp_share"])
    assert deu["related_pct_gdp"] == "not published" and deu["hague_total_pct_gdp"] is None
    assert rows["ALB"]["ukraine_aid_pct_gdp_per_year"] is None  # Kiel does not track Albania: missing
    assert sum(r["gdp_share"] for r in rows.values() if r["gdp_share"] is not None) == pytest.approx(100)


def test_ranking_lists_follow_from_the_rows():
    out = svc.responsibility("2026-07", 2025)
    rows = out["rows"]
    only_with_aid = sorted(r["iso3"] for r in rows if r["def_exp_pct_gdp"] is not None and r["def_exp_pct_gdp"] < 3.5
                           and r["core_plus_aid_pct_gdp"] is not None and r["core_plus_aid_pct_gdp"] >= 3.5)
    assert out["ranking"]["thresholds"]["3.5%"]["reaches_only_with_aid"] == only_with_aid
    assert set(out["ranking"]["rises"]) == {r["iso3"] for r in rows if (r["rank_change"] or 0) > 0}
    ranked = [r for r in rows if r["rank_core"] is not None]
    for r in ranked:  # rank = 1 + allies strictly above (ties share the best rank)
        assert r["rank_core"] == 1 + sum(o["def_exp_pct_gdp"] > r["def_exp_pct_gdp"] for o in ranked)
        assert r["rank_core_plus_aid"] == 1 + sum(o["core_plus_aid_pct_gdp"] > r["core_plus_aid_pct_gdp"] for o in ranked)


def test_fairness_with_and_without_aid_reuses_the_fairness_functions():
    from burden.fairness import gini

    out = svc.responsibility("2026-07", 2025)
    fair = out["fairness"]
    assert fair["excluded"] == ["ALB", "ISL", "MKD", "MNE"] and fair["allies"] == 28
    assert sum(r["spend_share_defence"] for r in fair["rows"]) == pytest.approx(1)
    assert sum(r["spend_share_defence_plus_aid"] for r in fair["rows"]) == pytest.approx(1)
    import pandas as pd

    rows = {r["iso3"]: r for r in out["rows"]}
    frame = pd.DataFrame([{"iso3": i, "spend": rows[i]["def_exp_usd_mn"], "gdp": rows[i]["gdp_usd_mn"]}
                          for i in rows if i not in fair["excluded"]])
    assert fair["gini_defence"] == pytest.approx(gini(frame, spend="spend", gdp="gdp"))
    dnk = next(r for r in fair["rows"] if r["iso3"] == "DNK")
    assert dnk["fair_share_ratio_defence_plus_aid"] > dnk["fair_share_ratio_defence"]


@pytest.mark.parametrize("name", ["valid.csv", "valid.toml"])
def test_plans_file_adds_user_supplied_related_spending(cli_json, name):
    out = cli_json("responsibility", "--edition", "2026-07", "--year", "2025", "--plans", str(PLANS / name))
    rows = {r["iso3"]: r for r in out["rows"]}
    assert out["user_supplied"] == ["related_pct_gdp"]
    assert rows["DEU"]["related_pct_gdp"] == 1.2 and rows["DEU"]["related_origin"] == "user-supplied"
    assert rows["DEU"]["hague_total_pct_gdp"] == pytest.approx(rows["DEU"]["def_exp_pct_gdp"] + 1.2)
    assert rows["POL"]["related_pct_gdp"] == 0.8
    assert rows["FRA"]["related_pct_gdp"] == "not published"  # its plan is for 2026
    if name == "valid.csv":  # 2.0 planned, only 1.5 counts toward the 5%
        assert rows["USA"]["hague_total_pct_gdp"] == pytest.approx(rows["USA"]["def_exp_pct_gdp"] + 1.5)


PLAN_ERRORS = {
    "unknown_ally.csv": ("line 3, field ally", "unknown ally 'Atlantis'"),
    "negative_share.csv": ("line 4, field related_pct_gdp", "negative"),
    "year_before_2025.csv": ("line 2, field year", "before 2025"),
    "wrong_type.csv": ("line 2, field related_pct_gdp", "'lots' is not a number"),
    "unknown_ally.toml": ("line 7, field ally", "unknown ally 'Atlantis'"),
    "negative_share.toml": ("line 4, field related_pct_gdp", "negative"),
    "year_before_2025.toml": ("line 3, field year", "before 2025"),
    "wrong_type.toml": ("line 4, field related_pct_gdp", "'1.2' is not a number"),
}


@pytest.mark.parametrize("name", sorted(PLAN_ERRORS))
@pytest.mark.parametrize("fmt", ["--json", "--csv"])
def test_bad_plans_file_is_a_one_line_error_naming_line_and_field_and_writes_nothing(cli, name, fmt):
    where, what = PLAN_ERRORS[name]
    code, out, err = cli("responsibility", "--edition", "2026-07", "--year", "2025", "--plans", str(PLANS / name), fmt)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"error: {name} {where}:") and what in err


def test_every_plans_fixture_is_named_after_its_defect_or_valid():
    names = {p.name for p in PLANS.iterdir()}
    assert names == set(PLAN_ERRORS) | {"valid.csv", "valid.toml"}


def test_plans_duplicate_ally_year_is_rejected(tmp_path):
    path = tmp_path / "plans.csv"
    path.write_text("ally,year,related_pct_gdp\nDEU,2025,1\nGermany,2025,1.1\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"plans.csv line 3, field ally: DEU 2025 already given on line 2"):
        rs.read_plans(path)


def test_responsibility_output_is_strict_json(cli):
    code, out, _ = cli("responsibility", "--edition", "2026-07", "--year", "2025", "--json")
    assert code == 0 and json.loads(out)["edition"] == "2026-07" and "NaN" not in out


# ---------------------------------------------------------------- web, chart, report

@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from burden.web.app import create_app

    return TestClient(create_app())


@pytest.mark.parametrize("url,args", [
    ("/api/ukraine?release=29", ("ukraine", "--release", "29")),
    ("/api/common-funding?year=2025", ("common-funding", "--year", "2025")),
    ("/api/responsibility?edition=2026-07&year=2025", ("responsibility", "--edition", "2026-07", "--year", "2025")),
])
def test_api_equals_cli_json(client, cli_json, url, args):
    response = client.get(url)
    assert response.status_code == 200
    assert response.json() == cli_json(*args)


def test_api_unknown_release_gets_the_error_shape(client):
    response = client.get("/api/ukraine?release=99")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown-value"


def test_responsibility_page_shows_table_methods_and_chart(client):
    page = client.get("/responsibility?edition=2026-07")
    assert page.status_code == 200
    assert "Responsibility sharing" in page.text and "not published" in page.text
    assert "24 January 2022" in page.text and "/api/responsibility/chart?" in page.text
    assert 'href="/responsibility"' in client.get("/").text  # in the navigation


def test_chart_stacks_core_aid_and_related_against_the_hague_lines(client):
    result = svc.responsibility("2026-07", 2025, plans=str(PLANS / "valid.csv"))
    from burden.charts_responsibility import responsibility_chart, stacked_rows

    rows = stacked_rows(result)
    deu = [r for r in rows if r["iso3"] == "DEU"]
    assert [r["order"] for r in deu] == [0, 1, 2]
    assert deu[0]["total"] == pytest.approx(sum(r["value"] for r in deu))
    spec = json.dumps(responsibility_chart(result).to_dict())
    assert "3.5%" in spec and "5%" in spec and "Kiel Institute" in spec
    api = client.get("/api/responsibility/chart?edition=2026-07&year=2025").json()
    assert "Kiel Institute" in json.dumps(api)


def test_cli_writes_the_chart_file(cli, tmp_path):
    out = tmp_path / "responsibility.html"
    code, _, err = cli("responsibility", "--edition", "2026-07", "--year", "2025", "--chart", str(out), "--json")
    assert code == 0, err
    assert out.is_file() and "Kiel Institute" in out.read_text(encoding="utf-8")


def test_api_post_with_plans_equals_cli_with_the_same_file(client, cli_json):
    text = (PLANS / "valid.toml").read_text(encoding="utf-8")
    response = client.post("/api/responsibility", json={"edition": "2026-07", "year": 2025, "plans": text,
                                                        "format": "toml"})
    assert response.status_code == 200
    assert response.json() == cli_json("responsibility", "--edition", "2026-07", "--year", "2025",
                                       "--plans", str(PLANS / "valid.toml"))


def test_api_post_with_bad_plans_gets_the_error_shape_naming_line_and_field(client):
    text = (PLANS / "negative_share.csv").read_text(encoding="utf-8")
    response = client.post("/api/responsibility", json={"edition": "2026-07", "year": 2025, "plans": text})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid-plans" and "line 4, field related_pct_gdp" in error["message"]


@settings(max_examples=50, deadline=None)
@given(ally=st.sampled_from(["DEU", "Poland", "United States", "EST"]), year=st.integers(2025, 2040),
       share=st.floats(0, 100, allow_nan=False))
def test_any_valid_plan_row_reads_back_exactly(ally, year, share):
    plans = rs.parse_plans(f"ally,year,related_pct_gdp\n{ally},{year},{share!r}\n", "p.csv")
    assert plans[0]["year"] == year and plans[0]["related_pct_gdp"] == share and plans[0]["line"] == 2


@settings(max_examples=50, deadline=None)
@given(share=st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False), line=st.integers(0, 5))
def test_any_negative_share_is_rejected_on_its_line(share, line):
    body = "".join(f"DEU,{2025 + i},1.0\n" for i in range(line))
    with pytest.raises(Exception, match=rf"p.csv line {line + 2}, field related_pct_gdp: .* is negative"):
        rs.parse_plans(f"ally,year,related_pct_gdp\n{body}FRA,2025,{share!r}\n", "p.csv")


def test_page_form_takes_plans_and_marks_them_user_supplied(client):
    text = (PLANS / "valid.csv").read_text(encoding="utf-8")
    page = client.post("/responsibility?edition=2026-07&year=2025", data={"plans": text, "format": "csv"})
    assert page.status_code == 200
    assert 'id="plans-used"' in page.text and "3 of 4 entries are for 2025" in page.text.replace("\n", " ")
    assert 'id="plans-used"' not in client.get("/responsibility?edition=2026-07&year=2025").text
    bad = client.post("/responsibility?edition=2026-07&year=2025",
                      data={"plans": (PLANS / "unknown_ally.csv").read_text(encoding="utf-8"), "format": "csv"})
    assert bad.status_code == 400 and "line 3, field ally" in bad.text


def test_press_vintages_show_their_figures_and_keep_missing_values_missing(cli_json):
    rows = {r["iso3"]: r for r in cli_json("ukraine", "--release", "press-2025-10")["rows"]}
    assert rows["DNK"]["military_pct_gdp"] == _reference_value(vintage="press-2025-10", iso3="DNK", aid_type="military")
    assert rows["HUN"]["military_pct_gdp"] is None  # the source printed no value
    older = {r["iso3"]: r for r in cli_json("ukraine", "--release", "press-2023-02")["rows"]}
    assert older["EST"]["commitments_pct_gdp"] == _reference_value(vintage="press-2023-02", iso3="EST", indicator="aid_pct_gdp")
    assert older["EST"]["total_pct_gdp"] is None
