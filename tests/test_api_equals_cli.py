"""Every command that has both answers the same JSON from `/api/...` as from `burden ... --json`: both
render one service call."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from burden.web.app import create_app

CLAIMS = "Poland spent 4.12% of GDP on defence in 2024. In 2024, 23 allies met the 2% target."

# (command line, API path, query parameters)
CASES = [
    (["overview", "--edition", "2025-08"], "/api/overview", {"edition": "2025-08"}),
    (["editions"], "/api/editions", {}),
    (["indicators"], "/api/indicators", {}),
    (["members", "--as-of", "2020-06-01"], "/api/members", {"as_of": "2020-06-01"}),
    (
        ["show", "pct_gdp", "--edition", "2024-06", "--year", "2024"],
        "/api/data",
        {"indicator": "pct_gdp", "edition": "2024-06", "year": "2024"},
    ),
    (
        ["show", "equipment", "--edition", "2025-08", "--ally", "POL,DEU", "--aggregates"],
        "/api/data",
        {"indicator": "equipment", "edition": "2025-08", "ally": "POL,DEU", "aggregates": "true"},
    ),
    (
        ["diff", "2025-08", "2026-07", "--ally", "Poland"],
        "/api/diff",
        {"a": "2025-08", "b": "2026-07", "ally": "Poland"},
    ),
    (
        ["diff", "2024-06", "2025-08", "--all", "--year", "2023"],
        "/api/diff",
        {"a": "2024-06", "b": "2025-08", "all": "true", "year": "2023"},
    ),
    (
        ["status", "--edition", "2024-06", "--year", "2024", "--target", "2"],
        "/api/status",
        {"edition": "2024-06", "year": 2024, "target": "2"},
    ),
    (
        ["status", "--target", "hague-core", "--rounded"],
        "/api/status",
        {"target": "hague-core", "rounded": "true"},
    ),
    (
        ["gap", "--edition", "2026-07", "--target", "3.5", "--ally", "Italy,Spain"],
        "/api/gap",
        {"edition": "2026-07", "target": "3.5", "ally": "Italy,Spain"},
    ),
    (
        ["path", "--target", "hague-core", "--ally", "Italy", "--growth", "0.8"],
        "/api/path",
        {"target": "hague-core", "ally": "Italy", "growth": 0.8},
    ),
    (
        ["fairness", "--edition", "2026-07", "--year", "2025", "--metric", "spearman"],
        "/api/fairness",
        {"edition": "2026-07", "year": 2025, "metric": "spearman"},
    ),
    (["ukraine"], "/api/ukraine", {}),
    (["common-funding"], "/api/common-funding", {}),
    (["responsibility", "--edition", "2026-07"], "/api/responsibility", {"edition": "2026-07"}),
    (
        [
            "project",
            "--edition",
            "2026-07",
            "--ally",
            "DEU",
            "--paths",
            "200",
            "--seed",
            "3",
            "--growth",
            "1.2",
        ],
        "/api/project",
        {"edition": "2026-07", "ally": "DEU", "paths": 200, "seed": 3, "growth": 1.2},
    ),
]


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


@pytest.mark.parametrize("argv,path,params", CASES, ids=[" ".join(c[0][:3]) for c in CASES])
def test_api_json_equals_cli_json(client, cli_json, argv, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.json() == cli_json(*argv)


def test_check_api_json_equals_cli_json(client, cli):
    code, out, err = cli("check", "-", "--date", "2024-07-01", "--json", input=CLAIMS)
    assert code == 0, err
    response = client.post("/api/check", json={"text": CLAIMS, "date": "2024-07-01"})
    assert response.status_code == 200
    assert response.json() == json.loads(out)
    assert [c["verdict"] for c in response.json()["claims"]]
