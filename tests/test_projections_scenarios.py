"""Scenario files: a valid one changes the projection; each defect gives one error naming field and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from burden.errors import BurdenError
from burden.projections import deterministic_projection, load_scenario

SCENARIOS = Path(__file__).resolve().parent / "fixtures" / "projections"


def test_valid_scenario_applies_growth_plan_and_membership():
    out = deterministic_projection(edition="2026-07", scenario=SCENARIOS / "valid-scenario.toml")
    deu = [r for r in out["rows"] if r["iso3"] == "DEU"]
    assert {r["growth_pct"] for r in deu} == {0.5} and {r["growth_source"] for r in deu} == {"scenario"}
    fra = {r["year"]: r["growth_source"] for r in out["rows"] if r["iso3"] == "FRA"}
    assert fra[2027] == "scenario" and fra[2029] == "weo"
    pol = {r["year"]: r["share"] for r in out["rows"] if r["iso3"] == "POL"}
    assert pol[2030] == pytest.approx(5.0) and pol[2035] == pytest.approx(5.0)
    assert max(r["year"] for r in out["rows"] if r["iso3"] == "TUR") == 2029
    assert out["scenario"] == {"source": "valid-scenario.toml", "name": "weak German growth"}


@pytest.mark.parametrize("fixture,field,line", [
    ("unknown-ally.toml", "growth.Germnay", 5),
    ("growth-below-minus-100.toml", "growth.FRA.2028", 5),
    ("deadline-before-base-year.toml", "deadline", 3),
    ("missing-field.toml", "membership[2]", 7),
    ("wrong-type-deadline.toml", "deadline", 2),
    ("wrong-type-growth.toml", "growth.ITA", 4),
    ("unknown-field.toml", "dedline", 2),
])
def test_bad_scenario_names_field_and_line(fixture, field, line):
    with pytest.raises(BurdenError) as err:
        deterministic_projection(edition="2026-07", scenario=SCENARIOS / fixture)
    assert f"{fixture} line {line}: {field}:" in str(err.value)
    assert err.value.code == "invalid-scenario"


def test_unknown_ally_suggests_the_right_one():
    with pytest.raises(BurdenError, match="Germany"):
        load_scenario(SCENARIOS / "unknown-ally.toml")


def test_invalid_toml_gives_the_parser_line():
    with pytest.raises(BurdenError, match=r"not-toml.toml: not valid TOML: .*line 1"):
        load_scenario(SCENARIOS / "not-toml.toml")


@pytest.mark.parametrize("fixture", ["unknown-ally.toml", "growth-below-minus-100.toml", "missing-field.toml",
                                     "wrong-type-deadline.toml", "deadline-before-base-year.toml"])
def test_cli_bad_scenario_exits_2_with_one_line(cli, fixture):
    code, _, err = cli("project", "--scenario", str(SCENARIOS / fixture), "--paths", "10")
    assert code == 2
    assert err.startswith("error: ") and fixture in err and len(err.strip().splitlines()) == 1


def test_argument_given_explicitly_wins_over_scenario():
    out = deterministic_projection(edition="2026-07", deadline=2030, scenario=SCENARIOS / "valid-scenario.toml")
    assert out["deadline"] == 2030
