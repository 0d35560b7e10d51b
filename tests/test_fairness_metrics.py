"""Fairness metrics as plain functions: shares, ratio, equal effort, Lorenz/Gini, HHI, rank tests."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from burden import fairness as fx
from burden.errors import BurdenError

money = st.floats(min_value=1.0, max_value=1e7, allow_nan=False, allow_infinity=False)
allies_money = st.lists(st.tuples(money, money), min_size=2, max_size=32)


def frame_of(pairs) -> pd.DataFrame:
    return pd.DataFrame({"iso3": [f"A{i:02d}" for i in range(len(pairs))],
                         "spend_usd_mn": [p[0] for p in pairs], "gdp_usd_mn": [p[1] * 30 for p in pairs]})


@settings(max_examples=60, deadline=None)
@given(allies_money)
def test_spending_and_gdp_shares_each_sum_to_one(pairs):
    out = fx.fair_share_ratio(frame_of(pairs))
    assert out["spend_share"].sum() == pytest.approx(1.0, abs=1e-12)
    assert out["gdp_share"].sum() == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(allies_money)
def test_fair_share_ratio_equals_burden_over_alliance_burden(pairs):
    out = fx.fair_share_ratio(frame_of(pairs))
    alliance = fx.alliance_burden_pct(out)
    burden = out["spend_usd_mn"] / out["gdp_usd_mn"] * 100
    assert ((out["fair_share_ratio"] - burden / alliance) / out["fair_share_ratio"]).abs().max() < 1e-9


@settings(max_examples=40, deadline=None)
@given(allies_money)
def test_equal_effort_at_alliance_average_redistributes_exactly(pairs):
    out, rate = fx.equal_effort(frame_of(pairs))
    assert rate == pytest.approx(fx.alliance_burden_pct(out))
    assert out["equal_effort_diff"].sum() == pytest.approx(0.0, abs=1e-6 * out["spend_usd_mn"].sum())


@settings(max_examples=40, deadline=None)
@given(allies_money)
def test_gini_lies_between_zero_and_one_and_lorenz_runs_corner_to_corner(pairs):
    frame = frame_of(pairs)
    g = fx.gini(frame)
    assert -1e-9 <= g < 1
    points = fx.lorenz(frame)
    assert (points.iloc[0]["cum_gdp_share"], points.iloc[0]["cum_spend_share"]) == (0.0, 0.0)
    assert points.iloc[-1]["cum_gdp_share"] == pytest.approx(1) and points.iloc[-1]["cum_spend_share"] == pytest.approx(1)
    assert (points["cum_spend_share"] <= points["cum_gdp_share"] + 1e-9).all()  # lowest burdens first


def test_gini_is_zero_when_every_ally_spends_the_same_share_of_gdp():
    frame = pd.DataFrame({"iso3": ["A", "B", "C"], "spend_usd_mn": [2.0, 20.0, 200.0], "gdp_usd_mn": [100.0, 1e3, 1e4]})
    assert fx.gini(frame) == pytest.approx(0.0, abs=1e-12)


def test_hhi_of_equal_shares_is_one_over_n_and_of_a_monopoly_is_one():
    assert fx.hhi([0.25] * 4) == pytest.approx(0.25)
    assert fx.hhi([1.0, 0.0]) == 1.0


@pytest.mark.parametrize("ratio,band", [(1.2, "substantially-above"), (1.19, "in-balance"), (0.8, "in-balance"),
                                        (0.7999, "well-below"), (None, None)])
def test_dod_bands_cut_at_1_2_and_0_8(ratio, band):
    assert fx.band_of(ratio) == band


# Sandler & Murdoch (2000), Fiscal Studies 21(3), Table 9 (n = 15): rho (or partial rho), number of
# controls, published two-sided p-value. rho is printed to two decimals, so it stands for any value
# in [rho - 0.005, rho + 0.005).
SANDLER_MURDOCH_2000_TABLE_9 = [(0.19, 0, 0.49), (0.14, 0, 0.61), (0.21, 1, 0.46), (0.07, 2, 0.82), (0.04, 2, 0.89)]


@pytest.mark.parametrize("rho,k,published", SANDLER_MURDOCH_2000_TABLE_9)
def test_sandler_murdoch_p_values_reproduced_to_two_decimals(rho, k, published):
    # The printed rho itself gives 0.50, 0.62, 0.47, 0.82, 0.90: within 0.012 of the published p ...
    assert abs(fx.spearman_p_value(rho, 15, k)["p_value"] - published) < 0.012
    # ... and a rho that rounds to the printed one gives the published p to two decimals
    # (p falls as |rho| rises, so the rounding interval of rho maps to an interval of p).
    p_high, p_low = (fx.spearman_p_value(r, 15, k)["p_value"] for r in (rho - 0.005, rho + 0.005 - 1e-9))
    assert p_low < published + 0.005 and p_high >= published - 0.005
    # A witness: the rho in the rounding interval closest to the one that gives the published p exactly.
    witness = min(max(_rho_for_p(published, 15, k), rho - 0.00499), rho + 0.00499)
    assert round(witness, 2) == rho
    assert round(fx.spearman_p_value(witness, 15, k)["p_value"], 2) == published


def _rho_for_p(p: float, n: int, k: int) -> float:
    df = n - 2 - k
    t = stats.t.isf(p / 2, df)
    return float(t / math.sqrt(df + t * t))


def test_p_value_degrees_of_freedom_drop_by_one_per_control():
    assert [fx.spearman_p_value(0.3, 15, k)["df"] for k in (0, 1, 2)] == [13, 12, 11]
    one = fx.spearman_p_value(0.3, 15, 0)
    assert one["p_value_one_sided"] == pytest.approx(one["p_value"] / 2)
    assert fx.spearman_p_value(-0.3, 15)["p_value_one_sided"] == pytest.approx(1 - one["p_value"] / 2)


def test_spearman_without_controls_matches_scipy():
    x, y = [3, 1, 4, 1.5, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]
    ours = fx.spearman_with_p(x, y)
    ref = stats.spearmanr(x, y)
    assert ours["rho"] == pytest.approx(ref.statistic) and ours["p_value"] == pytest.approx(ref.pvalue)


def test_partial_spearman_with_one_control_matches_the_textbook_formula():
    frame = pd.DataFrame({"x": [5, 3, 8, 1, 9, 4, 7, 2], "y": [2, 4, 7, 1, 8, 6, 5, 3], "z": [1, 3, 2, 5, 4, 8, 6, 7]})
    r = {p: stats.spearmanr(frame[p[0]], frame[p[1]]).statistic for p in ("xy", "xz", "yz")}
    expected = (r["xy"] - r["xz"] * r["yz"]) / math.sqrt((1 - r["xz"] ** 2) * (1 - r["yz"] ** 2))
    result = fx.partial_spearman(frame, "x", "y", ["z"])
    assert result["rho"] == pytest.approx(expected)
    assert result["df"] == 5


def test_three_allies_are_too_few_for_rank_tests_and_say_so():
    with pytest.raises(BurdenError, match="needs at least 5") as err:
        fx.spearman_with_p([1, 2, 3], [3, 1, 2])
    assert err.value.code == "too-few-allies"
    with pytest.raises(BurdenError, match="needs at least 5"):
        fx.wilcoxon_signed_rank([0.1, -0.2, 0.05])


def test_too_many_controls_for_the_allies_is_an_error_not_nan():
    with pytest.raises(BurdenError, match="1 control.* at least 4 allies, got 3"):
        fx.spearman_p_value(0.5, 3, 1)


def test_constant_variable_gives_degenerate_data_error_not_nan():
    with pytest.raises(BurdenError) as err:
        fx.spearman_with_p([1, 2, 3, 4, 5], [7, 7, 7, 7, 7])
    assert err.value.code == "degenerate-data"


def test_shares_refuse_a_single_ally_or_missing_values():
    with pytest.raises(BurdenError, match="needs at least 2"):
        fx.shares(pd.Series([5.0]))
    with pytest.raises(BurdenError, match="missing"):
        fx.shares(pd.Series([5.0, math.nan, 3.0]))


def test_concordance_renormalises_shares_over_allies_that_have_the_proxy():
    frame = fx.fair_share_ratio(frame_of([(10, 10), (20, 10), (5, 30), (8, 8), (40, 20), (3, 9)]))
    proxy = pd.Series({"A00": 1.0, "A01": 2.0, "A02": 3.0, "A03": 4.0, "A04": 5.0})  # A05 has none
    (row,) = fx.concordance(frame, {"p": proxy})
    assert row["excluded_missing_proxy"] == ["A05"] and row["n"] == 5
    assert 0 <= row["p_value"] <= 1
