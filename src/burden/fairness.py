"""Burden-sharing and fairness metrics from the defence-economics literature.

Plain functions over DataFrames (shares, fair-share ratio, equal effort, Lorenz/Gini, HHI, Spearman
with p-values, partial Spearman, benefit-burden concordance), an assembler that builds one
alliance-year from one edition, and two reports: `fairness_report` (what `burden fairness --json`
prints) and `fairness_series` (every year of an edition, for charts).

Spending and GDP always come from the same edition at the edition's constant prices
(`def_exp_usd_mn`, `gdp_usd_mn`); nothing is mixed across editions or price bases.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dataset import edition_records, fact_records, parse_years, resolve_edition
from .errors import BurdenError, UnknownValueError
from .limits import MAX_SMALL_FILE_BYTES, check_input_file
from .members import accession_date, ally_name, resolve_allies, resolve_ally, roster
from .render import records_of

if TYPE_CHECKING:
    import pandas as pd

# Cut-offs of the US DoD Report on Allied Contributions to the Common Defense (2002/2003 editions: 1.2 or
# more "substantial contributions", 0.8-1.19 "roughly in balance", below 0.8 "very low effort"); the codes
# are this project's names for those bands.
BANDS = (
    (1.2, "substantially-above", "substantially above its share"),
    (0.8, "in-balance", "in balance with its share"),
    (-math.inf, "well-below", "well below its share"),
)
MIN_ALLIES_SHARES = 2  # a share of a one-ally alliance is 1 by construction
MIN_ALLIES_TESTS = 5  # rank tests on fewer allies have no power and a degenerate distribution
DEFAULT_CONTROLS = ("gdp_per_capita",)
DEFAULT_PROXIES = ("gdp", "population")
METRICS = ("shares", "equal-effort", "concentration", "spearman", "concordance")
METRIC_ALIASES = {
    "all": None, "ratio": "shares", "fair-share": "shares", "per-capita": "shares", "equal_effort": "equal-effort",
    "effort": "equal-effort", "gini": "concentration", "lorenz": "concentration", "hhi": "concentration",
    "exploitation": "spearman", "partial": "spearman", "rank": "spearman", "wilcoxon": "concordance",
    "benefit": "concordance",
}
P_VALUE_CONVENTION = (
    "p_value is two-sided (H0: rho = 0); p_value_one_sided tests H1: rho > 0 (Olson & Zeckhauser: larger "
    "allies carry a larger burden). Both use the t approximation t = rho * sqrt(df / (1 - rho^2)) with "
    "df = n - 2 - k (k = number of controls), as in Sandler & Murdoch (2000, Table 9)."
)
MEMBERSHIP_RULE = (
    "an ally counts in year Y when it joined NATO on or before 31 December of Y (Finland from 2023, Sweden "
    "from 2024, Montenegro from 2017, North Macedonia from 2020), as in NATO's own aggregates; "
    "include_non_members=True counts every ally with data"
)
POPULATION_FORMULA = (
    "population_mn = def_exp_usd_mn / def_exp_per_capita_usd (both constant prices, same edition, Table 2 and "
    "Table 6); where absent, gdp_usd_mn / (gdp_per_capita_usd_thousand * 1000)"
)
_CONSTANT = "constant"


# ---------------------------------------------------------------- plain metric functions

def _require(n: int, minimum: int, what: str, names: Iterable[str] = ()) -> None:
    if n < minimum:
        listed = ", ".join(names)
        hint = ("; use --metric shares or equal-effort, or widen --ally" if minimum >= MIN_ALLIES_TESTS
                else "; widen --ally or pick another year or edition")
        raise BurdenError(
            f"too few allies for {what}: needs at least {minimum} with data, got {n}"
            f"{f' ({listed})' if listed else ''}{hint}", code="too-few-allies")


def shares(values: pd.Series) -> pd.Series:
    """Each value's share of the total (sums to 1). Needs positive values for at least 2 allies."""
    clean = values.dropna()
    _require(len(clean), MIN_ALLIES_SHARES, "a share")
    if len(clean) != len(values):
        raise BurdenError("shares need a value for every ally: drop the missing ones first", code="missing-value")
    if (clean < 0).any() or clean.sum() <= 0:
        raise BurdenError("shares need non-negative values with a positive total", code="degenerate-data")
    return values / values.sum()


def band_of(ratio: float | None) -> str | None:
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return None
    return next(code for floor, code, _ in BANDS if ratio >= floor)


def fair_share_ratio(frame: pd.DataFrame, spend: str = "spend_usd_mn", gdp: str = "gdp_usd_mn") -> pd.DataFrame:
    """Adds spend_share, gdp_share, fair_share_ratio (= spend share / GDP share = burden / alliance
    burden) and the DoD band."""
    out = frame.copy()
    out["spend_share"] = shares(out[spend])
    out["gdp_share"] = shares(out[gdp])
    out["fair_share_ratio"] = out["spend_share"] / out["gdp_share"]
    out["band"] = [band_of(r) for r in out["fair_share_ratio"]]
    return out


def alliance_burden_pct(frame: pd.DataFrame, spend: str = "spend_usd_mn", gdp: str = "gdp_usd_mn") -> float:
    """Alliance defence burden, % of GDP: total spending / total GDP * 100."""
    _require(len(frame), MIN_ALLIES_SHARES, "the alliance burden")
    return float(frame[spend].sum() / frame[gdp].sum() * 100)


def equal_effort(frame: pd.DataFrame, rate_pct: float | None = None, spend: str = "spend_usd_mn",
                 gdp: str = "gdp_usd_mn") -> tuple[pd.DataFrame, float]:
    """What each ally would spend at one uniform % of GDP (default: the alliance burden) and the
    difference actual - equal effort: positive = carries part of others' burden, in money."""
    rate = alliance_burden_pct(frame, spend, gdp) if rate_pct is None else float(rate_pct)
    if rate_pct is not None and not 0 < rate <= 100:
        raise BurdenError(f"invalid effort {rate_pct!r}: a % of GDP above 0 and at most 100", code="invalid-effort")
    out = frame.copy()
    out["equal_effort_spend"] = out[gdp] * rate / 100
    out["equal_effort_diff"] = out[spend] - out["equal_effort_spend"]
    return out, rate


def lorenz(frame: pd.DataFrame, spend: str = "spend_usd_mn", gdp: str = "gdp_usd_mn") -> pd.DataFrame:
    """Lorenz (concentration) curve of spending against GDP: allies sorted by burden, lowest first;
    x = cumulative GDP share, y = cumulative spending share; starts at (0, 0), ends at (1, 1)."""
    import pandas as pd

    _require(len(frame), MIN_ALLIES_SHARES, "a Lorenz curve")
    ordered = frame.assign(_burden=frame[spend] / frame[gdp]).sort_values(["_burden", "iso3"])
    x = shares(ordered[gdp]).cumsum()
    y = shares(ordered[spend]).cumsum()
    start = pd.DataFrame({"iso3": [None], "cum_gdp_share": [0.0], "cum_spend_share": [0.0]})
    points = pd.DataFrame({"iso3": ordered["iso3"].to_numpy(), "cum_gdp_share": x.to_numpy(),
                           "cum_spend_share": y.to_numpy()})
    return pd.concat([start, points], ignore_index=True)


def gini(frame: pd.DataFrame, spend: str = "spend_usd_mn", gdp: str = "gdp_usd_mn") -> float:
    """Gini (concentration) coefficient of spending against GDP: 1 - 2 * area under the Lorenz curve;
    0 when every ally spends the same % of GDP, towards 1 when a few allies carry all of it."""
    pts = lorenz(frame, spend, gdp)
    x, y = pts["cum_gdp_share"].to_numpy(), pts["cum_spend_share"].to_numpy()
    return float(1 - ((x[1:] - x[:-1]) * (y[1:] + y[:-1])).sum())


def hhi(share_values: Iterable[float]) -> float:
    """Herfindahl-Hirschman index of shares (0-1 scale; 1/HHI = the effective number of allies)."""
    values = [float(v) for v in share_values]
    _require(len(values), MIN_ALLIES_SHARES, "the HHI")
    return sum(v * v for v in values)


def spearman_p_value(rho: float, n: int, k: int = 0) -> dict[str, Any]:
    """p-values of a (partial) Spearman rho by the t approximation, df = n - 2 - k."""
    from scipy import stats

    df = n - 2 - k
    if df < 1:
        raise BurdenError(f"a rank correlation with {k} control(s) needs at least {k + 3} allies, got {n}",
                          code="too-few-allies")
    if math.isnan(rho):
        raise BurdenError("the rank correlation is undefined (a variable is constant across allies)",
                          code="degenerate-data")
    if abs(rho) >= 1:
        p_two, p_one = 0.0, 0.0 if rho > 0 else 1.0
        t = math.copysign(math.inf, rho)
    else:
        t = rho * math.sqrt(df / (1 - rho * rho))
        p_two = float(2 * stats.t.sf(abs(t), df))
        p_one = float(stats.t.sf(t, df))
    return {"rho": float(rho), "t": float(t), "df": df, "n": n, "k": k, "p_value": p_two, "p_value_one_sided": p_one}


def spearman_with_p(x: Sequence[float], y: Sequence[float], min_allies: int = MIN_ALLIES_TESTS) -> dict[str, Any]:
    """Spearman rank correlation of x and y with two- and one-sided p-values (t approximation)."""
    from scipy import stats

    _require(len(x), min_allies, "a rank correlation")
    if len(set(x)) == 1 or len(set(y)) == 1:
        return spearman_p_value(math.nan, len(x), 0)
    rho = stats.spearmanr(x, y).statistic
    return spearman_p_value(float(rho), len(x), 0)


def partial_spearman(frame: pd.DataFrame, x: str, y: str, controls: Sequence[str],
                     min_allies: int = MIN_ALLIES_TESTS) -> dict[str, Any]:
    """Partial rank correlation of x and y holding `controls` fixed: Pearson correlation of the
    residuals of rank(x) and rank(y) regressed on the controls' ranks; p with df = n - 2 - k."""
    import numpy as np
    from scipy import stats

    data = frame[[x, y, *controls]].dropna()
    n, k = len(data), len(controls)
    _require(n, max(min_allies, k + 3), f"a partial rank correlation with {k} control(s)")
    ranks = {c: stats.rankdata(data[c].to_numpy()) for c in (x, y, *controls)}
    design = np.column_stack([np.ones(n), *(ranks[c] for c in controls)])

    def residual(col: str):
        coef, *_ = np.linalg.lstsq(design, ranks[col], rcond=None)
        return ranks[col] - design @ coef

    rx, ry = residual(x), residual(y)
    denom = math.sqrt(float((rx * rx).sum() * (ry * ry).sum()))
    rho = float((rx * ry).sum() / denom) if denom > 1e-12 else math.nan
    return {**spearman_p_value(rho, n, k), "controls": list(controls)}


def wilcoxon_signed_rank(differences: Sequence[float], min_allies: int = MIN_ALLIES_TESTS) -> dict[str, Any]:
    """Wilcoxon signed-rank test of paired differences (H0: symmetric about 0), two-sided."""
    from scipy import stats

    nonzero = [d for d in differences if d != 0]
    _require(len(nonzero), min_allies, "a Wilcoxon signed-rank test")
    result = stats.wilcoxon(nonzero)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "n": len(nonzero)}


def concordance(frame: pd.DataFrame, proxies: Mapping[str, pd.Series], burden: str = "spend_share",
                composite: bool = True, min_allies: int = MIN_ALLIES_TESTS) -> list[dict[str, Any]]:
    """Benefit-burden concordance: burden shares against each proxy's benefit shares (shares taken
    over the allies that have the proxy). One row per proxy (plus the mean of the proxies' shares,
    'composite', as in Sandler & Murdoch 2000): Wilcoxon signed-rank test of burden - benefit,
    Spearman rho of the two shares, and who carries more than its benefit share."""
    import pandas as pd

    rows, proxy_values = [], {}
    for name, proxy in proxies.items():
        values = proxy.reindex(frame["iso3"]).to_numpy(dtype=float)
        have = frame.assign(_proxy=values).dropna(subset=["_proxy"])
        missing = sorted(set(frame["iso3"]) - set(have["iso3"]))
        _require(len(have), min_allies, f"concordance with proxy {name!r}")
        burden_share = shares(have["spend_usd_mn"]) if missing else have[burden]
        benefit = shares(have["_proxy"])
        proxy_values[name] = dict(zip(have["iso3"], have["_proxy"], strict=True))
        rows.append(_concordance_row(name, have["iso3"], burden_share, benefit, missing, min_allies))
    if composite and len(proxies) > 1:
        common = [iso for iso in frame["iso3"] if all(iso in v for v in proxy_values.values())]
        sub = frame[frame["iso3"].isin(common)]
        _require(len(sub), min_allies, "the composite benefit proxy")
        per_proxy = [shares(pd.Series([raw[iso] for iso in sub["iso3"]], index=sub.index))
                     for raw in proxy_values.values()]  # each proxy's shares over the common allies
        benefit = shares(sum(per_proxy) / len(per_proxy))
        burden_share = shares(sub["spend_usd_mn"]) if len(sub) < len(frame) else sub[burden]
        rows.append(_concordance_row("composite", sub["iso3"], burden_share, benefit,
                                     sorted(set(frame["iso3"]) - set(common)), min_allies,
                                     f"mean of the {', '.join(proxies)} shares"))
    return rows


def _concordance_row(name, iso3s, burden_share, benefit, missing, min_allies, note="") -> dict[str, Any]:
    import statistics

    diffs = [float(b - s) for b, s in zip(burden_share, benefit, strict=True)]
    test = wilcoxon_signed_rank(diffs, min_allies)
    rank = spearman_with_p(list(burden_share), list(benefit), min_allies)
    above = [iso for iso, d in zip(iso3s, diffs, strict=True) if d > 0]
    return {
        "proxy": name, "n": len(diffs), "wilcoxon_statistic": test["statistic"], "p_value": test["p_value"],
        "median_difference": statistics.median(diffs), "allies_burden_above_benefit": above,
        "n_burden_above_benefit": len(above), "spearman_rho": rank["rho"], "spearman_p_value": rank["p_value"],
        "excluded_missing_proxy": missing, "note": note,
    }


# ---------------------------------------------------------------- one alliance-year from one edition

_INDICATORS = {
    "spend_usd_mn": ("def_exp_usd_mn", _CONSTANT),
    "gdp_usd_mn": ("gdp_usd_mn", _CONSTANT),
    "burden_pct_gdp": ("def_exp_pct_gdp", ""),
    "per_capita": ("def_exp_per_capita_usd", ""),
    "gdp_per_capita": ("gdp_per_capita_usd_thousand", ""),
}


def edition_table(edition: str | None = None) -> pd.DataFrame:
    """One row per ally x year of an edition: spending and GDP at the edition's constant prices,
    published % of GDP, per-capita figures, derived population. Raises BurdenError when the edition
    holds no constant-price US$ spending or GDP (e.g. 2025-08, transcribed without Tables 2 and 5)."""
    import pandas as pd

    edition = resolve_edition(edition)
    columns: dict[str, Any] = {}
    bases: dict[str, Any] = {}
    estimates: dict[tuple[str, int], Any] = {}
    for column, (indicator, price) in _INDICATORS.items():
        rows = [r for r in fact_records(indicator, [edition]) if price in r["price_basis"].lower()
                and len(r["iso3"]) == 3]
        columns[column] = {(r["iso3"], r["year"]): r["value"] for r in rows}
        bases[column] = sorted({r["price_basis"] for r in rows})
        for r in rows:
            estimates[(r["iso3"], r["year"])] = estimates.get((r["iso3"], r["year"]), False) or r["estimate"]
    if not columns["spend_usd_mn"] or not columns["gdp_usd_mn"]:
        full = [r["edition"] for r in edition_records() if r.get("kind") == "full" and r["edition"] != edition]
        raise BurdenError(
            f"edition {edition} holds no constant-price US$ spending and GDP (NATO Tables 2 and 5), which the "
            f"fairness metrics need at the same prices; use an edition that has them, e.g. "
            f"{', '.join(e for e in full if e != '2025-08')}", code="no-money-tables")
    keys = sorted(set(columns["spend_usd_mn"]) | set(columns["gdp_usd_mn"]))
    frame = pd.DataFrame({"iso3": [k[0] for k in keys], "year": [k[1] for k in keys]})
    for column, values in columns.items():
        frame[column] = [values.get(k, math.nan) for k in keys]
    frame["estimate"] = [estimates.get(k, False) for k in keys]
    from_spend = frame["spend_usd_mn"] / frame["per_capita"]
    from_gdp = frame["gdp_usd_mn"] / (frame["gdp_per_capita"] * 1000)
    frame["population_mn"] = from_spend.where(from_spend.notna(), from_gdp)
    frame.attrs.update(edition=edition, price_basis={k: v for k, v in bases.items()})
    return frame


def joined_by_year(iso3: str, year: int) -> bool:
    return accession_date(iso3).year <= year


def alliance_year(table: pd.DataFrame, year: int, allies=None,
                  include_non_members: bool = False) -> tuple[pd.DataFrame, list[dict[str, str]]]:
    """The allies counted in one year (members with spending and GDP) and who was left out, and why."""
    edition = table.attrs["edition"]
    years = sorted(table["year"].unique())
    if year not in years:
        raise BurdenError(f"no spending and GDP for {year} in edition {edition} (it covers {years[0]}-{years[-1]})",
                          code="no-data")
    wanted = resolve_allies(allies)
    rows = table[table["year"] == year].set_index("iso3")
    kept, excluded = [], []
    for ally in roster():
        iso3 = ally["iso3"]
        if wanted is not None and iso3 not in wanted:
            continue
        reason = None
        if ally["in_nato_expenditure_tables"] != "yes":
            reason = ally["note"] or "not in NATO's expenditure tables"
        elif not include_non_members and not joined_by_year(iso3, year):
            reason = f"not yet a member in {year} (joined {ally['accession_date']}); NATO's aggregates exclude it"
        elif iso3 not in rows.index or math.isnan(rows.at[iso3, "spend_usd_mn"]) or math.isnan(
                rows.at[iso3, "gdp_usd_mn"]):
            reason = f"no constant-price US$ spending or GDP for {year} in edition {edition}"
        if reason:
            excluded.append({"iso3": iso3, "name": ally["name_en"], "reason": reason})
        else:
            kept.append(iso3)
    frame = table[(table["year"] == year) & table["iso3"].isin(kept)].reset_index(drop=True)
    _require(len(frame), MIN_ALLIES_SHARES, "the fairness metrics", kept)
    return frame, excluded


# ---------------------------------------------------------------- user-supplied controls and proxies

BUILTIN_VARIABLES = {
    "gdp": ("gdp_usd_mn", "GDP, million US$ at the edition's constant prices (Table 5)"),
    "population": ("population_mn", "population, million (derived: " + POPULATION_FORMULA + ")"),
    "gdp_per_capita": ("gdp_per_capita", "GDP per head, thousand US$ at constant prices (Table 6)"),
}


def read_variables_csv(path: str | Path) -> dict[str, dict[str, float]]:
    """User variables from a CSV: a column `ally` or `iso3` (any accepted ally name) and one numeric
    column per variable (e.g. exposed_border_km). Empty cells stay missing."""
    path = Path(path)
    if not path.is_file():
        raise BurdenError(f"variables file {str(path)!r} not found", code="file-not-found")
    check_input_file(path, MAX_SMALL_FILE_BYTES, "variables file (CSV)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BurdenError(f"{path.name} is not UTF-8 text: save the CSV as UTF-8", code="invalid-variables") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = reader.fieldnames or []
    key = next((f for f in fields if f.strip().lower() in ("iso3", "ally", "country")), None)
    if key is None:
        raise BurdenError(f"{path.name}: needs a column named iso3, ally or country naming each ally",
                          code="invalid-variables")
    out: dict[str, dict[str, float]] = {f.strip(): {} for f in fields if f != key}
    for line, row in enumerate(reader, start=2):
        iso3 = resolve_ally(row[key] or "")
        for field in fields:
            text = (row.get(field) or "").strip()
            if field == key or not text:
                continue
            try:
                out[field.strip()][iso3] = float(text)
            except ValueError:
                raise BurdenError(f"{path.name} line {line}: {field} = {text!r} is not a number",
                                  code="invalid-variables") from None
    if not out:
        raise BurdenError(f"{path.name}: no variable columns beside {key}", code="invalid-variables")
    return out


def _variables(names_or_data, frame: pd.DataFrame, defaults: Sequence[str], kind: str) -> dict[str, pd.Series]:
    """Resolve controls/proxies: built-in names, or user data as {name: {ally: value}}; a mix is a list."""
    import pandas as pd

    if names_or_data is None:
        names_or_data = list(defaults)
    if isinstance(names_or_data, str):
        names_or_data = [n.strip() for n in names_or_data.split(",") if n.strip()]
    if isinstance(names_or_data, Mapping):
        names_or_data = [names_or_data]
    by_iso = frame.set_index("iso3")
    out: dict[str, pd.Series] = {}
    for item in names_or_data:
        if isinstance(item, Mapping):
            for name, values in item.items():
                out[name] = pd.Series({resolve_ally(k): float(v) for k, v in dict(values).items()}, dtype=float)
        elif item in BUILTIN_VARIABLES:
            out[item] = by_iso[BUILTIN_VARIABLES[item][0]]
        else:
            raise UnknownValueError(kind[:-1], item, list(BUILTIN_VARIABLES),
                                    hint=f"built-in {kind}: {', '.join(BUILTIN_VARIABLES)}; or supply a CSV")
    return out


# ---------------------------------------------------------------- reports

def resolve_metric(metric: str | None) -> list[str]:
    """The report sections for a --metric value (None or 'all': every section)."""
    if metric is None:
        return list(METRICS)
    key = metric.strip().lower().replace("_", "-")
    if key in METRIC_ALIASES:
        alias = METRIC_ALIASES[key]
        if alias is None:
            return list(METRICS)
        key = alias
    if key not in METRICS:
        raise UnknownValueError("metric", metric, [*METRICS, *METRIC_ALIASES], hint=f"use one of {', '.join(METRICS)}")
    return [key]


def _latest_year(table: pd.DataFrame) -> int:
    return int(table.dropna(subset=["spend_usd_mn", "gdp_usd_mn"])["year"].max())


def _price_basis(table: pd.DataFrame) -> str:
    bases = table.attrs["price_basis"]
    return f"{'; '.join(bases['spend_usd_mn'])} (spending and GDP), edition {table.attrs['edition']}"


def _formulas(price: str, rate_label: str) -> dict[str, str]:
    return {
        "spend_share": f"def_exp_usd_mn[ally] / sum over the alliance of def_exp_usd_mn ({price})",
        "gdp_share": f"gdp_usd_mn[ally] / sum over the alliance of gdp_usd_mn ({price})",
        "fair_share_ratio": "spend_share / gdp_share = (spend / GDP of the ally) / (spend / GDP of the alliance)",
        "band": "cut-offs of the US DoD Report on Allied Contributions: >= 1.2 substantially-above ('substantial "
                "contributions'); 0.8 to < 1.2 in-balance ('roughly in balance'); < 0.8 well-below ('very low effort')",
        "alliance_burden_pct_gdp": "100 * sum of def_exp_usd_mn / sum of gdp_usd_mn over the alliance",
        "burden_pct_gdp": "def_exp_pct_gdp as published (NATO Table 3), not recomputed",
        "per_capita": "def_exp_per_capita_usd as published (NATO Table 6)",
        "population_mn": POPULATION_FORMULA,
        "equal_effort_spend": f"gdp_usd_mn * {rate_label} / 100",
        "equal_effort_diff": "def_exp_usd_mn - equal_effort_spend (positive: carries part of others' burden)",
        "gini": "1 - sum (x_k - x_k-1)(y_k + y_k-1) over the Lorenz curve of spending against GDP, allies "
                "sorted by burden",
        "hhi": "sum of spend_share^2 (0-1 scale); effective number of allies = 1 / hhi",
        "spearman": "Spearman rho of gdp_usd_mn and burden_pct_gdp across allies; " + P_VALUE_CONVENTION,
        "partial_spearman": "Pearson correlation of the residuals of rank(GDP) and rank(burden) regressed on "
                            "the controls' ranks; df = n - 2 - k",
        "concordance": "Wilcoxon signed-rank test (two-sided, scipy.stats.wilcoxon) of spend_share - "
                       "benefit share, shares of each proxy taken over the allies that have it",
    }


def _group(frame: pd.DataFrame, members: Sequence[str], label: str) -> dict[str, Any] | None:
    sub = frame[frame["iso3"].isin(members)]
    if sub.empty:
        return None
    spend, gdp = float(sub["spend_share"].sum()), float(sub["gdp_share"].sum())
    return {"group": label, "allies": list(sub["iso3"]), "spend_share": spend, "gdp_share": gdp,
            "fair_share_ratio": spend / gdp, "band": band_of(spend / gdp),
            "spend_usd_mn": float(sub["spend_usd_mn"].sum()), "gdp_usd_mn": float(sub["gdp_usd_mn"].sum()),
            "burden_pct_gdp": float(sub["spend_usd_mn"].sum() / sub["gdp_usd_mn"].sum() * 100)}


def us_vs_europe_canada(frame: pd.DataFrame) -> dict[str, Any] | None:
    """The US against Europe and Canada (the other allies in the alliance); None without both."""
    others = [iso for iso in frame["iso3"] if iso != "USA"]
    if "USA" not in set(frame["iso3"]) or not others:
        return None
    return {"usa": _group(frame, ["USA"], "United States"),
            "europe_canada": _group(frame, others, "Europe and Canada")}


def _published_check(edition: str, year: int, frame: pd.DataFrame) -> dict[str, Any] | None:
    """The alliance total against NATO's own NATO_TOTAL row (same edition, prices, year)."""
    rows = [r for r in fact_records("def_exp_usd_mn", [edition]) if r["iso3"] == "NATO_TOTAL"
            and r["year"] == year and _CONSTANT in r["price_basis"].lower()]
    if not rows:
        return None
    total = float(frame["spend_usd_mn"].sum())
    return {"nato_total_usd_mn": rows[0]["value"], "sum_of_allies_usd_mn": total,
            "difference_usd_mn": total - rows[0]["value"],
            "note": "NATO Total spending (Table 2) vs the sum over the allies counted here; rounding explains a "
                    "few US$ m. (NATO's GDP total also includes Iceland, which has no spending rows.)"}


def _spearman_section(frame: pd.DataFrame, controls) -> dict[str, Any]:
    data = frame.dropna(subset=["burden_pct_gdp"])
    result = {**spearman_with_p(list(data["gdp_usd_mn"]), list(data["burden_pct_gdp"])),
              "x": "gdp_usd_mn", "y": "burden_pct_gdp",
              "hypothesis": "Olson & Zeckhauser (1966): larger allies (by GDP) carry a larger burden (rho > 0)"}
    variables = _variables(controls, frame, DEFAULT_CONTROLS, "controls")
    data = data.set_index("iso3", drop=False)
    for name, series in variables.items():
        data[f"ctl:{name}"] = series.reindex(data.index)
    sets = [[name] for name in variables] + ([list(variables)] if len(variables) > 1 else [])
    partial = []
    for names in sets:
        res = partial_spearman(data, "gdp_usd_mn", "burden_pct_gdp", [f"ctl:{n}" for n in names])
        partial.append({**res, "controls": names})
    return {"spearman": result, "partial_spearman": partial}


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    columns = ["iso3", "name", "year", "estimate", "spend_usd_mn", "gdp_usd_mn", "spend_share", "gdp_share",
               "fair_share_ratio", "band", "burden_pct_gdp", "per_capita", "population_mn", "population_share",
               "equal_effort_spend", "equal_effort_diff"]
    out = frame.assign(name=[ally_name(i) for i in frame["iso3"]])
    out = out.sort_values(["fair_share_ratio", "iso3"], ascending=[False, True])
    return records_of(out[columns])


def _analyse(frame: pd.DataFrame, sections: Sequence[str], controls, proxies, effort) -> tuple[pd.DataFrame, dict]:
    """Every requested metric for one alliance-year; returns the enriched frame and the sections."""
    import pandas as pd

    frame = fair_share_ratio(frame)
    frame, rate = equal_effort(frame, effort)
    pop = frame["population_mn"]
    frame["population_share"] = shares(pop) if pop.notna().all() else pd.Series(math.nan, index=frame.index)
    out: dict[str, Any] = {"alliance_burden_pct_gdp": alliance_burden_pct(frame)}
    if "shares" in sections:
        out["us_vs_europe_canada"] = us_vs_europe_canada(frame)
    if "equal-effort" in sections:
        out["equal_effort"] = {
            "rate_pct_gdp": rate, "rate_source": "alliance average" if effort is None else "given",
            "carried_for_others_usd_mn": float(frame["equal_effort_diff"].clip(lower=0).sum()),
            "shortfall_usd_mn": float(-frame["equal_effort_diff"].clip(upper=0).sum()),
        }
    if "concentration" in sections:
        _require(len(frame), MIN_ALLIES_TESTS, "the concentration metrics", frame["iso3"])
        h = hhi(frame["spend_share"])
        out.update(gini=gini(frame), hhi=h, hhi_effective_allies=1 / h, hhi_gdp=hhi(frame["gdp_share"]),
                   lorenz=records_of(lorenz(frame)))
    if "spearman" in sections:
        _require(len(frame), MIN_ALLIES_TESTS, "the Spearman test", frame["iso3"])
        out.update(_spearman_section(frame, controls))
    if "concordance" in sections:
        _require(len(frame), MIN_ALLIES_TESTS, "the concordance test", frame["iso3"])
        variables = _variables(proxies, frame, DEFAULT_PROXIES, "proxies")
        table = concordance(frame, variables)
        out["concordance"] = {"burden": "spend_share", "proxies": list(variables), "sensitivity": table,
                              "note": "the verdict depends on the benefit proxy (Solomon 2004): compare the rows"}
    return frame, out


def fairness_report(edition: str | None = None, year: int | str | None = None, metric: str | None = None,
                    allies=None, controls=None, proxies=None, effort: float | None = None,
                    include_non_members: bool = False) -> dict[str, Any]:
    """Shares, fair-share ratios, equal effort, concentration, the exploitation test and benefit-burden
    concordance for one edition and year: exactly what `burden fairness --json` prints."""
    table = edition_table(edition)
    edition = table.attrs["edition"]
    year = _latest_year(table) if year is None else _one_year(year)
    sections = resolve_metric(metric)
    frame, excluded = alliance_year(table, year, allies, include_non_members)
    frame, results = _analyse(frame, sections, controls, proxies, effort)
    price = _price_basis(table)
    rate_label = "the alliance burden" if effort is None else f"{float(effort):g}"
    report: dict[str, Any] = {
        "edition": edition, "year": year, "estimate": bool(frame["estimate"].any()), "metric": sections,
        "price_basis": price,
        "alliance": {"n": len(frame), "allies": sorted(frame["iso3"]), "rule": MEMBERSHIP_RULE,
                     "filtered": allies is not None},
        "excluded": excluded, "rows": _rows(frame), **results,
        "p_value_convention": P_VALUE_CONVENTION,
        "formula": _formulas(price, rate_label),
        "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition} (Tables 2, 3, 5, 6)",
    }
    if "shares" in sections and allies is None and not include_non_members:
        report["published_check"] = _published_check(edition, year, frame)
    return report


def _one_year(year: int | str) -> int:
    years = parse_years(year)
    if not years or len(years) != 1:
        raise BurdenError(f"invalid year {year!r}: give one year, e.g. 2025", code="invalid-year")
    return years[0]


SERIES_FIRST_YEAR = 2014  # the Wales pledge; every full edition covers 2014 onwards


def _summary(year: int, frame: pd.DataFrame, res: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"year": year, "n_allies": len(frame), "estimate": bool(frame["estimate"].any()),
                           "alliance_burden_pct_gdp": res["alliance_burden_pct_gdp"]}
    if "us_vs_europe_canada" in res:
        usa = (res["us_vs_europe_canada"] or {}).get("usa") or {}
        euc = (res["us_vs_europe_canada"] or {}).get("europe_canada") or {}
        row.update(us_spend_share=usa.get("spend_share"), us_gdp_share=usa.get("gdp_share"),
                   us_fair_share_ratio=usa.get("fair_share_ratio"),
                   europe_canada_spend_share=euc.get("spend_share"),
                   europe_canada_fair_share_ratio=euc.get("fair_share_ratio"),
                   **{f"n_{band.replace('-', '_')}": int((frame["band"] == band).sum()) for _, band, _ in BANDS})
    if "equal_effort" in res:
        row["carried_for_others_usd_mn"] = res["equal_effort"]["carried_for_others_usd_mn"]
    if "gini" in res:
        row.update(gini=res["gini"], hhi=res["hhi"])
    if "spearman" in res:
        row.update(spearman_rho=res["spearman"]["rho"], spearman_p_value=res["spearman"]["p_value"],
                   spearman_p_value_one_sided=res["spearman"]["p_value_one_sided"])
        for part in res["partial_spearman"]:
            key = "+".join(part["controls"])
            row[f"partial_rho[{key}]"] = part["rho"]
            row[f"partial_p_value[{key}]"] = part["p_value"]
    for con in (res.get("concordance") or {}).get("sensitivity", []):
        row[f"wilcoxon_p_value[{con['proxy']}]"] = con["p_value"]
    return row


def fairness_series(edition: str | None = None, metric: str | None = None, years=None, allies=None,
                    controls=None, proxies=None, effort: float | None = None,
                    include_non_members: bool = False) -> dict[str, Any]:
    """Every metric for every year 2014-latest of one edition, for charts: `rows` has one summary row
    per year (metric=None or a section name) or, with metric='allies', one row per ally and year."""
    table = edition_table(edition)
    edition = table.attrs["edition"]
    per_ally = metric is not None and metric.strip().lower() in ("allies", "ally", "rows")
    sections = list(METRICS) if per_ally else resolve_metric(metric)
    available = sorted(int(y) for y in table.dropna(subset=["spend_usd_mn", "gdp_usd_mn"])["year"].unique())
    wanted = parse_years(years) or [y for y in available if y >= SERIES_FIRST_YEAR]
    unknown = sorted(set(wanted) - set(available))
    if unknown:
        raise BurdenError(f"no spending and GDP for {unknown} in edition {edition} "
                          f"(it covers {available[0]}-{available[-1]})", code="no-data")
    rows = []
    for year in wanted:
        frame, _ = alliance_year(table, year, allies, include_non_members)
        frame, res = _analyse(frame, ["shares", "equal-effort"] if per_ally else sections, controls, proxies, effort)
        rows.extend(_rows(frame) if per_ally else [_summary(year, frame, res)])
    return {"edition": edition, "metric": "allies" if per_ally else sections, "years": wanted,
            "price_basis": _price_basis(table), "rule": MEMBERSHIP_RULE, "rows": rows,
            "formula": _formulas(_price_basis(table), "the alliance burden" if effort is None else f"{effort:g}"),
            "p_value_convention": P_VALUE_CONVENTION,
            "source": f"NATO, Defence Expenditure of NATO Countries, edition {edition} (Tables 2, 3, 5, 6)"}
