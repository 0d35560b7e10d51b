"""Charts: every kind carries its source line; PNG/SVG/HTML export works offline."""

from __future__ import annotations

import pytest

from burden import charts
from burden.errors import UnknownValueError

SOURCE = "Source: NATO, Defence Expenditure of NATO Countries, edition"


def _all_values(spec) -> list[dict]:
    """Every inline data row of a spec, wherever Altair put it (layer data or top-level datasets)."""
    rows = [r for values in spec.get("datasets", {}).values() for r in values]

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("values"), list):
                rows.extend(node["values"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in spec.items() if k != "datasets"})
    return rows


def _marks(spec):
    layers = spec["vconcat"][0]["layer"]
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in layers]


def test_ranking_has_guideline_rules_and_marks_estimates():
    spec = charts.chart_spec("ranking", edition="2024-06", year=2024)
    assert spec["title"]["text"] == f"{SOURCE} 2024-06"
    assert {"bar", "text", "rule"} <= set(_marks(spec))
    rules = spec["vconcat"][0]["layer"][2]["data"]["values"]
    assert [r["line"] for r in rules] == [2.0, 3.5, 5.0]
    bars = spec["vconcat"][0]["layer"][0]["data"]["values"]
    assert len(bars) == 31 and all(b["label"].endswith("e") for b in bars)  # 2024 is an estimate year in 2024-06


def test_series_offers_every_full_edition_and_starts_on_the_chosen_one():
    spec = charts.chart_spec("series", ally="Poland,NATO_TOTAL", edition="2024-06")
    (param,) = spec["params"]
    assert param["value"] == "2024-06"
    assert set(param["bind"]["options"]) == {"2019-06", "2024-06", "2025-08", "2026-07"}
    assert spec["title"]["text"].startswith(SOURCE.replace("edition", "editions"))


def test_equipment_scatter_counts_allies_in_the_top_right_quadrant():
    spec = charts.chart_spec("scatter-equipment", edition="2026-07", year=2025)
    points = spec["vconcat"][0]["layer"][2]["data"]["values"]
    both = sum(p["pct_gdp"] >= 2 and p["equipment_pct"] >= 20 for p in points)
    assert spec["vconcat"][0]["title"]["subtitle"].startswith(f"{both} of {len(points)} allies")


def test_revisions_follow_poland_2024_across_editions():
    spec = charts.chart_spec("revisions", ally="Poland")
    pol_2024 = {v["edition"]: round(v["value"], 2) for v in _all_values(spec) if v.get("year") == "2024"}
    assert pol_2024["2024-06"] == 4.12 and pol_2024["2025-08"] == 3.79 and pol_2024["2026-07"] == 3.75


def test_fan_chart_draws_the_p5_p95_band_from_a_projection_report():
    report = {"edition": "2026-07", "target": {"label": "3.5% core", "threshold": 3.5}, "price_basis": "constant 2021",
              "rows": [{"iso3": "DEU", "year": y, "share_p5": 2 + i * .1, "share_p50": 2.2 + i * .1,
                        "share_p95": 2.5 + i * .1} for i, y in enumerate(range(2026, 2036))]}
    spec = charts.fan_chart(report).to_dict()
    assert spec["usermeta"]["measure"] == "share"
    assert _marks(spec) == ["area", "line", "rule"]
    assert spec["vconcat"][0]["layer"][0]["encoding"]["y2"]["field"] == "p95"
    assert spec["title"]["text"].startswith(f"{SOURCE} 2026-07")


def test_fan_chart_draws_money_when_a_plan_fixes_the_share():
    rows = [{"iso3": "POL", "year": 2030, "share_p5": 4.7, "share_p50": 4.7, "share_p95": 4.7,
             "extra_cost_p5_usd_mn": 1000.0, "extra_cost_p50_usd_mn": 2000.0, "extra_cost_p95_usd_mn": 3000.0}]
    spec = charts.fan_chart({"edition": "2026-07", "rows": rows}).to_dict()
    assert spec["usermeta"]["measure"] == "extra_cost"
    assert [(v["p5"], v["p50"], v["p95"]) for v in _all_values(spec) if "p50" in v] == [(1, 2, 3)]


def test_fair_share_points_scale_fractions_to_percent():
    rows = [{"iso3": "USA", "gdp_share": 0.5, "spend_share": 0.6}, {"iso3": "DEU", "gdp_share": 0.1, "spend_share": 0.08}]
    points = charts.fair_share_points({"rows": rows})
    assert [(p["iso3"], p["gdp_share"], p["spending_share"]) for p in points] == [("USA", 50, 60), ("DEU", 10, 8)]


def test_unknown_kind_names_the_kinds():
    with pytest.raises(UnknownValueError, match="revisions"):
        charts.make_chart("pie")


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<svg"), (".html", b"<!DOCTYPE html>")])
def test_cli_chart_writes_each_format_offline(cli, tmp_path, suffix, magic):
    out = tmp_path / f"ranking{suffix}"
    code, stdout, stderr = cli("chart", "revisions", "--ally", "Poland", "--out", str(out))
    assert code == 0, stderr
    assert stdout.strip() == str(out)
    data = out.read_bytes()
    assert data.lstrip()[: len(magic)].lower() == magic.lower()
    if suffix != ".png":
        assert b"Source: NATO, Defence Expenditure of NATO Countries" in data
    if suffix == ".html":
        assert b"cdn.jsdelivr" not in data and b'src="http' not in data


def test_cli_chart_rejects_unknown_format(cli, tmp_path):
    code, _, stderr = cli("chart", "ranking", "--out", str(tmp_path / "x.gif"))
    assert code == 2 and "use .png, .svg or .html" in stderr
