"""Target specs and pledges as data."""

from __future__ import annotations

import pytest

from burden.errors import BurdenError
from burden.targets import parse_target, pledges, pledges_in_force


@pytest.mark.parametrize("spec,threshold,deadline,indicator", [
    ("2", 2.0, None, "def_exp_pct_gdp"), ("3", 3.0, None, "def_exp_pct_gdp"), ("5@2030", 5.0, 2030, "def_exp_pct_gdp"),
    ("equipment", 20.0, 2024, "equipment_pct"), ("hague-core", 3.5, 2035, "def_exp_pct_gdp"),
    ("hague-total", 5.0, 2035, "def_exp_pct_gdp"), ("3.5@2035", 3.5, 2035, "def_exp_pct_gdp"),
])
def test_target_specs_parse(spec, threshold, deadline, indicator):
    target = parse_target(spec)
    assert (target.threshold, target.deadline, target.indicator) == (threshold, deadline, indicator)


@pytest.mark.parametrize("spec", ["abc", "150", "3@1990", "0", "-1"])
def test_bad_target_specs_raise_one_line_errors(spec):
    with pytest.raises(BurdenError) as exc:
        parse_target(spec)
    assert exc.value.code == "invalid-target" and "\n" not in str(exc.value)


def test_every_pledge_is_data_with_a_source():
    ids = {p["id"] for p in pledges()}
    assert {"RIGA2006_2PCT", "WALES2014_DIP_2PCT", "WALES2014_DIP_20PCT_EQUIP", "VILNIUS2023_2PCT_FLOOR",
            "HAGUE2025_3_5PCT_CORE", "HAGUE2025_1_5PCT_RELATED", "HAGUE2025_5PCT_TOTAL"} <= ids
    assert all(p["source"] for p in pledges())


def test_pledges_in_force_follow_summit_dates():
    assert {p["id"] for p in pledges_in_force("2014-09-04")} == {"RIGA2006_2PCT"}
    assert "HAGUE2025_3_5PCT_CORE" in {p["id"] for p in pledges_in_force("2025-06-25")}
