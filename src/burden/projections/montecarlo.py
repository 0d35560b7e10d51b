"""Monte Carlo over GDP growth, vectorised with numpy and processed in fixed-size blocks.

Each block of BLOCK_PATHS paths draws from its own stream, `SeedSequence(seed, spawn_key=(block,))`,
so a path's draws depend only on the seed and its index: results do not depend on how many paths
run, and memory stays bounded (one block plus the capped store of paths kept for quantiles).
The deterministic projection is the same kernel with zero shocks, so zero volatility reproduces it
bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

BLOCK_PATHS = 2_048
QUANTILE_PATHS = 20_000  # P5/P50/P95 use the first min(N, this) paths; probabilities use all N
STORE_ELEMENTS = 40_000_000  # cap on stored GDP values for quantiles (x 8 bytes = 320 MB)
SHARE_TOLERANCE = 1e-9  # percentage points: a share equal to the target up to rounding meets it


@dataclass(frozen=True)
class Model:
    gdp0: np.ndarray  # (A,) base-year GDP
    growth: np.ndarray  # (Y, A) central real growth, fraction
    loadings: np.ndarray  # normal: (k, A) so that eps = w @ loadings; bootstrap: (n, A) residual years
    shocks: str  # "normal" or "bootstrap"

    @property
    def shape(self) -> tuple[int, int]:
        return self.growth.shape


def shock_loadings(resid: np.ndarray, shocks: str, volatility: float) -> np.ndarray:
    """Normal: the historical covariance in factor form, cov(w @ L) = resid'resid/(n-1) exactly, with as
    many factors as its rank; bootstrap: the residual years themselves (whole years keep the correlation)."""
    if shocks == "bootstrap":
        return resid * volatility
    _, s, vt = np.linalg.svd(resid, full_matrices=False)
    keep = s > (s[0] * 1e-10 if s.size else 0.0)
    return s[keep, None] * vt[keep] / np.sqrt(resid.shape[0] - 1) * volatility


ShockWriter = Callable[[int, np.ndarray], None]  # (year, out (n, A) float64) -> fills out with that year's shocks


def block_shocks(model: Model, seed: int, block: int, n: int) -> ShockWriter:
    """Shocks for one block of n paths, drawn year by year (small arrays stay in cache) from the block's
    own stream. Normal draws are float32 (the slow part; 7 significant digits are plenty for a shock)."""
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(block,))))
    if model.shocks == "bootstrap":
        years = rng.integers(0, model.loadings.shape[0], size=(model.shape[0], n))
        def draw(y: int, out: np.ndarray) -> None:
            np.take(model.loadings, years[y], axis=0, out=out)

        return draw
    factors = model.loadings.shape[0]

    def normal(y: int, out: np.ndarray) -> None:
        w = rng.standard_normal((n, factors), dtype=np.float32).astype(np.float64)
        np.matmul(w, model.loadings, out=out)

    return normal


def grow(model: Model, n: int, kept: np.ndarray, shocks: ShockWriter) -> np.ndarray:
    """Compound base GDP year by year with (1 + growth + shock). Writes the levels of the first paths for
    every year into `kept` (A, Y, keep) and returns every path's level in the last year (n, A)."""
    years, allies = model.shape
    keep = kept.shape[2]
    level = np.empty((n, allies))
    level[:] = model.gdp0
    factor = np.empty((n, allies))
    one_plus_growth = 1.0 + model.growth
    for y in range(years):
        shocks(y, factor)
        factor += one_plus_growth[y]
        level *= factor
        kept[:, y, :] = level[:keep].T
    return level


def central_levels(model: Model) -> np.ndarray:
    """(A, Y, 1): the zero-shock path, computed by the Monte Carlo kernel itself."""
    years, allies = model.shape
    kept = np.empty((allies, years, 1))
    grow(model, 1, kept, lambda y, out: out.fill(0.0))
    return kept


@dataclass
class Simulation:
    paths: int
    stored: np.ndarray  # (A, Y, Q) GDP levels of the first Q paths
    meets: np.ndarray  # (A,) paths whose deadline-year share under the fixed plan meets the target
    group_meets: np.ndarray  # (G,)


def meets_target(gdp_deadline: np.ndarray, fixed_spend: np.ndarray, group_mask: np.ndarray,
                 threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Per path: does each ally / group spend at least `threshold` % of GDP in the deadline year?
    gdp_deadline (n, A); fixed_spend (A,) constant US$; group_mask (G, A)."""
    ally = gdp_deadline <= fixed_spend * 100.0 / (threshold - SHARE_TOLERANCE)
    spend = group_mask @ fixed_spend  # (G,)
    gdp = gdp_deadline @ group_mask.T.astype(float)  # (n, G)
    group = spend * 100.0 / gdp >= threshold - SHARE_TOLERANCE
    return ally, group


def simulate(model: Model, paths: int, seed: int, fixed_spend: np.ndarray, group_mask: np.ndarray,
             threshold: float, quantile_paths: int = QUANTILE_PATHS,
             progress: Callable[[int], None] | None = None) -> Simulation:
    """Run `paths` paths block by block; keep the first Q paths' GDP for quantiles and count, over all
    paths, how often a fixed plan meets the target in the deadline year."""
    years, allies = model.shape
    q = min(paths, quantile_paths, max(1, STORE_ELEMENTS // (years * allies)))
    stored = np.empty((allies, years, q))
    meets = np.zeros(allies, dtype=np.int64)
    group_meets = np.zeros(group_mask.shape[0], dtype=np.int64)
    done = 0
    for block in range((paths + BLOCK_PATHS - 1) // BLOCK_PATHS):
        n = min(BLOCK_PATHS, paths - done)
        keep = max(0, min(n, q - done))
        last = grow(model, n, stored[:, :, done:done + keep], block_shocks(model, seed, block, n))
        ally, group = meets_target(last, fixed_spend, group_mask, threshold)
        meets += ally.sum(axis=0)
        group_meets += group.sum(axis=0)
        done += n
        if progress:
            progress(n)
    return Simulation(paths, stored, meets, group_meets)
