"""Projections to 2035: what reaching 3.5% / 5% of GDP costs each ally, per year and in total, with
Monte Carlo uncertainty over GDP growth. See docs/projections.md."""

from __future__ import annotations

from .montecarlo import BLOCK_PATHS, QUANTILE_PATHS
from .report import deterministic_projection, project_report
from .scenario import Scenario, load_scenario, parse_scenario

__all__ = ["BLOCK_PATHS", "QUANTILE_PATHS", "Scenario", "deterministic_projection", "load_scenario",
           "parse_scenario", "project_report"]
