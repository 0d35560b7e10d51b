"""Projections: costing against the base-year share, Monte Carlo bands, reproducibility, CLI parity."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burden.errors import BurdenError
from burden.projections import deterministic_projection, project_report
from burden.projections import montecarlo as mc
from burden.projections.costing import band, make_plan
from burden.projections.inputs import growth_paths, load_base

BANDED = (("share", ""), ("extra_cost", "_usd_mn"), ("cumulative_extra_cost", "_usd_mn"))


@pytest.fixture(scope="module")
def central():
    return deterministic_projection(edition="2026-07")


@pytest.fixture(scope="module")
def report():
    return project_report(edition="2026-07", target="3.5", deadline=2035, paths=2000, seed=1)


def test_contract_rows_and_price_basis(report):
    assert report["price_basis"] == "constant 2021 prices and exchange rates, edition 2026-07"
    assert {"iso3", "year", "share_p50", "extra_cost_p50_usd_mn"} <= set(report["rows"][0])
    assert {r["year"] for r in report["rows"]} == set(range(2027, 2036))
    assert len({r["iso3"] for r in report["rows"]}) == 31


def test_iceland_is_excluded_not_counted(report):
    assert [e["iso3"] for e in report["excluded"]] == ["ISL"]
    assert "ISL" not in {r["iso3"] for r in report["rows"]}


def test_output_names_growth_source_and_weo_edition(report):
    assert "IMF World Economic Outlook (April 2026)" in report["growth_source"]
    assert "2014-2024" in report["growth_source"]
    sources = {(r["year"], r["growth_source"]) for r in report["rows"] if r["iso3"] == "DEU"}
    assert (2031, "weo") in sources and (2032, "history") in sources


def test_germany_2027_growth_is_the_weo_value(report):
    row = next(r for r in report["rows"] if r["iso3"] == "DEU" and r["year"] == 2027)
    assert row["growth_pct"] == 1.183  # WEO April 2026, as shipped


def test_straight_line_reaches_target_at_deadline_and_costs_nothing_in_base_year(central):
    deu = [r for r in central["rows"] if r["iso3"] == "DEU"]
    assert deu[-1]["share"] == pytest.approx(3.5)
    base = next(b for b in central["base"] if b["iso3"] == "DEU")
    assert deu[-1]["extra_cost_usd_mn"] == pytest.approx((3.5 - base["share"]) / 100 * deu[-1]["gdp_usd_mn"])


def test_ally_above_target_keeps_its_share_and_has_no_extra_cost(central):
    pol = [r for r in central["rows"] if r["iso3"] == "POL"]
    assert all(r["share"] > 3.5 and r["extra_cost_usd_mn"] == 0 for r in pol)


def test_same_seed_gives_identical_output():
    kwargs = dict(edition="2026-07", paths=3000, seed=42)
    assert project_report(**kwargs) == project_report(**kwargs)


def test_different_seeds_give_different_bands():
    a = project_report(edition="2026-07", paths=500, seed=1)["rows"][0]
    b = project_report(edition="2026-07", paths=500, seed=2)["rows"][0]
    assert a["extra_cost_p5_usd_mn"] != b["extra_cost_p5_usd_mn"]


@pytest.mark.parametrize("shocks", ["normal", "bootstrap"])
def test_zero_volatility_monte_carlo_equals_deterministic_projection_exactly(central, shocks):
    mc_report = project_report(edition="2026-07", paths=300, seed=3, volatility=0, shocks=shocks)
    for det, sim in zip(central["rows"] + central["aggregates"], mc_report["rows"] + mc_report["aggregates"],
                        strict=True):
        for name, unit in BANDED:
            for p in (5, 50, 95):
                assert sim[f"{name}_p{p}{unit}"] == det[f"{name}{unit}"]
    assert {p["probability"] for p in mc_report["probability"]["allies"]} == {1.0}


def test_bands_are_ordered_and_contain_some_spread(report):
    for row in report["rows"] + report["aggregates"]:
        for name, unit in BANDED:
            assert row[f"{name}_p5{unit}"] <= row[f"{name}_p50{unit}"] <= row[f"{name}_p95{unit}"]
    deu = next(r for r in report["rows"] if r["iso3"] == "DEU" and r["year"] == 2035)
    assert deu["extra_cost_p95_usd_mn"] > deu["extra_cost_p5_usd_mn"]


def test_results_do_not_depend_on_the_number_of_paths_beyond_the_quantile_sample():
    small = project_report(edition="2026-07", paths=2500, seed=9, quantile_paths=2000)
    large = project_report(edition="2026-07", paths=5000, seed=9, quantile_paths=2000)
    assert small["rows"] == large["rows"]


def test_probability_of_fixed_plan_is_between_zero_and_one_and_near_half_on_target(report):
    probs = {p["iso3"]: p["probability"] for p in report["probability"]["allies"]}
    assert all(0 <= p <= 1 for p in probs.values())
    assert probs["POL"] > 0.99  # far above 3.5% already
    assert 0.3 < probs["DEU"] < 0.7  # a budget fixed for the central path misses when GDP grows faster


def test_aggregates_cover_nato_europe_canada_and_us(report):
    groups = {r["group"] for r in report["aggregates"]}
    assert groups == {"NATO_TOTAL", "NATO_EUR_CAN", "USA"}
    last = {r["group"]: r for r in report["aggregates"] if r["year"] == 2035}
    assert last["NATO_TOTAL"]["extra_cost_usd_mn"] == pytest.approx(
        last["NATO_EUR_CAN"]["extra_cost_usd_mn"] + last["USA"]["extra_cost_usd_mn"])


def test_us_removed_what_if_needs_the_alliance_total_from_europe_and_canada(central):
    row = central["what_if"]["us_removed"]["rows"][-1]
    assert row["keep_total_extra_usd_mn"] == pytest.approx(row["us_spending_usd_mn"])
    assert row["keep_total_share"] > 3.5
    assert row["reach_spending_usd_mn"] == pytest.approx(0.035 * row["eur_can_gdp_usd_mn"])


def test_ally_leaving_drops_out_of_aggregates_from_that_year():
    out = deterministic_projection(edition="2026-07", membership=[{"ally": "Turkey", "leaves": "2030-01-01"}])
    nato = {r["year"]: r["allies"] for r in out["aggregates"] if r["group"] == "NATO_TOTAL"}
    assert nato[2029] == 31 and nato[2030] == 30
    assert max(r["year"] for r in out["rows"] if r["iso3"] == "TUR") == 2029


def test_one_growth_rate_for_all_is_used_and_named():
    out = deterministic_projection(edition="2026-07", growth=1.5)
    assert {r["growth_pct"] for r in out["rows"]} == {1.5}
    assert "1.5% real growth" in out["growth_source"]


def test_per_ally_growth_overrides_only_that_ally():
    out = deterministic_projection(edition="2026-07", growth={"Italy": 0.2})
    assert {r["growth_pct"] for r in out["rows"] if r["iso3"] == "ITA"} == {0.2}
    assert {r["growth_source"] for r in out["rows"] if r["iso3"] == "FRA"} == {"weo", "history"}


def test_real_growth_plan_fixes_spending_so_share_has_a_band():
    out = project_report(edition="2026-07", plan="real-growth:5", paths=500, seed=1, allies="DEU")
    last = out["rows"][-1]
    assert last["share_p5"] < last["share_p50"] < last["share_p95"]
    assert out["plan"]["kind"] == "spending"


@pytest.mark.parametrize("kwargs,match", [
    ({"deadline": 2026}, "not after the base year"),
    ({"growth": -150}, "between -20 and 30 % a year"),
    ({"plan": "zigzag"}, "invalid plan"),
    ({"edition": "2023-07"}, "constant-price GDP"),
    ({"target": "equipment"}, "not a share of GDP"),
    ({"allies": "Iceland"}, "not projected"),
])
def test_bad_arguments_raise_burden_error(kwargs, match):
    with pytest.raises(BurdenError, match=match):
        deterministic_projection(**kwargs)


@settings(max_examples=25, deadline=None)
@given(growth=st.floats(min_value=-5, max_value=8), deadline=st.integers(min_value=2027, max_value=2040),
       threshold=st.floats(min_value=1, max_value=6))
def test_cumulative_cost_equals_sum_of_annual_costs(growth, deadline, threshold):
    out = deterministic_projection(edition="2026-07", growth=growth, deadline=deadline, target=f"{threshold:.2f}")
    for group in ("iso3", "group"):
        rows = out["rows"] if group == "iso3" else out["aggregates"]
        running: dict[str, float] = {}
        for r in rows:
            running[r[group]] = running.get(r[group], 0.0) + r["extra_cost_usd_mn"]
            assert r["cumulative_extra_cost_usd_mn"] == pytest.approx(running[r[group]], rel=1e-12, abs=1e-9)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_each_paths_cumulative_cost_is_the_sum_of_its_annual_costs(seed):
    base = load_base("2026-07")
    years = list(range(2027, 2036))
    model = mc.Model(base.gdp, growth_paths(base, years).pct / 100, mc.shock_loadings(
        base.history_growth - base.history_growth.mean(axis=0), "normal", 1.0), "normal")
    kept = np.empty((len(base.allies), len(years), 64))
    mc.grow(model, 64, kept, mc.block_shocks(model, seed, 0, 64))
    plan = make_plan("linear", base, years, 3.5)
    extra = (plan.values.T[:, :, None] - base.share[:, None, None]) / 100 * kept
    np.testing.assert_allclose(np.cumsum(extra, axis=1)[:, -1], extra.sum(axis=1), rtol=1e-12)


def test_band_matches_numpy_percentile():
    x = np.random.default_rng(0).standard_normal((3, 1001))
    np.testing.assert_allclose(band(x), np.percentile(x, [5, 50, 95], axis=1), rtol=0, atol=1e-12)


def test_cli_json_equals_api(cli_json):
    out = cli_json("project", "--edition", "2026-07", "--target", "3.5", "--deadline", "2035", "--paths", "2000",
                   "--seed", "1")
    api = project_report(edition="2026-07", target="3.5", deadline=2035, paths=2000, seed=1)
    assert out == api


def test_cli_table_states_prices_and_source(cli):
    code, out, _ = cli("project", "--paths", "300", "--seed", "1", "--ally", "Italy")
    assert code == 0
    assert "constant 2021 prices" in out and "Italy" in out


def test_cli_bad_value_exits_2(cli):
    code, _, err = cli("project", "--deadline", "2020", "--paths", "10")
    assert code == 2 and "not after the base year" in err
