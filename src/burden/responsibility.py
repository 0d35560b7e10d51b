"""Responsibility sharing beside core defence spending: aid to Ukraine (Kiel Ukraine Support Tracker),
NATO common funding, and The Hague 5% (3.5% core, official + up to 1.5% related, user-supplied).

Pure functions over DataFrames, plus loaders for the shipped tables (`ukraine_support.csv`,
`common_funding.csv`) and imported Kiel releases. Nothing here fills a gap: a value the sources do not
give stays None, and every derived column is described in `METHODS`.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BurdenError, UnknownValueError
from .members import resolve_ally
from .paths import SHIPPED_DATA_DIR, user_data_dir

if TYPE_CHECKING:
    import pandas as pd

WAR_START = dt.date(2022, 1, 24)  # Kiel's tracker counts aid from 24 January 2022
DAYS_PER_YEAR = 365.25
AID_TYPES = ("military", "financial", "humanitarian", "total")
RELATED_CAP_PCT = 1.5  # The Hague: up to 1.5% of GDP of related spending counts toward the 5%
CORE_TARGET_PCT, TOTAL_TARGET_PCT = 3.5, 5.0
THRESHOLDS = (2.0, 3.5)
NOT_PUBLISHED = "not published"
PLANS_FIRST_YEAR = 2025

METHODS = {
    "def_exp_pct_gdp": "NATO's published defence expenditure as % of GDP for the ally and year, in the chosen edition "
                       "(core defence expenditure from the 2026-07 edition); official, copied as published",
    "ukraine_aid_pct_gdp": "Kiel's bilateral aid allocations (military + financial + humanitarian) to Ukraine as % of "
                           "the donor's 2021 GDP, cumulative from 24 January 2022 to the release's cut-off, as published",
    "war_years": "years from 24 January 2022 (Kiel's start) to the last day of the release's data month: days / 365.25",
    "ukraine_aid_pct_gdp_per_year": "annualised: Kiel's cumulative bilateral % of 2021 GDP divided by war_years. An "
                                    "average over the whole period, not the aid of the year shown, and over 2021 GDP, "
                                    "not the GDP NATO divides by",
    "ukraine_aid_incl_eu_share_pct_gdp_per_year": "as ukraine_aid_pct_gdp_per_year but with the ally's share of aid "
                                                  "from EU institutions (Kiel attributes it by EU-budget share); EU "
                                                  "members only",
    "core_plus_aid_pct_gdp": "def_exp_pct_gdp + ukraine_aid_pct_gdp_per_year (a sum of two different denominators: "
                             "an indication, not a NATO figure)",
    "common_funding_share": "the ally's cost share of NATO's common-funded budgets (%) for a period covering the year, "
                            "from the source named in common_funding_source (the narrowest period wins; exact before "
                            "'about'); missing (null) where no public figure was found",
    "gdp_share": "the ally's current-price US$ GDP / the sum over the allies with a GDP in the edition and year, %",
    "spending_share": "the ally's current-price US$ defence expenditure / the sum over the allies, %",
    "common_funding_vs_gdp_share": "common_funding_share / gdp_share (above 1: pays more of the common budgets than its "
                                   "weight in the allies' GDP)",
    "common_funding_vs_spending_share": "common_funding_share / spending_share",
    "related_pct_gdp": "user-supplied: the ally's defence- and security-related spending in its national plan "
                       "(--plans file); NATO publishes no per-ally figure, so without a plans file it is 'not published'",
    "hague_total_pct_gdp": "def_exp_pct_gdp (official) + min(related_pct_gdp, 1.5) (user-supplied; only up to 1.5% "
                           "counts toward the 5%)",
    "rank_core": "rank by def_exp_pct_gdp among the allies with both defence and aid figures (1 = highest)",
    "rank_core_plus_aid": "rank by core_plus_aid_pct_gdp among the same allies",
    "rank_change": "rank_core - rank_core_plus_aid: positive = rises when aid is counted",
    "fairness": "burden.fairness.fair_share_ratio and gini on current-price US$: defence alone, and defence + aid, "
                "where the aid money = ukraine_aid_pct_gdp_per_year / 100 x the ally's current-price US$ GDP of the "
                "year (no exchange rate needed); same allies in both",
}


# ---------------------------------------------------------------- Kiel releases

def kiel_user_dir() -> Path:
    """Imported Kiel releases: one folder per release, `<release>/ukraine_support.csv` + `release.json`."""
    return user_data_dir() / "kiel"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def kiel_records() -> list[dict[str, str]]:
    """Every Kiel row (shipped + imported); an imported release replaces the shipped vintage of its name."""
    rows = _read_csv(SHIPPED_DATA_DIR / "ukraine_support.csv")
    root = kiel_user_dir()
    imported = {p.name: p for p in sorted(root.iterdir()) if (p / "ukraine_support.csv").is_file()} if root.is_dir() else {}
    rows = [r for r in rows if r["vintage"] not in imported]
    for folder in imported.values():
        rows.extend(_read_csv(folder / "ukraine_support.csv"))
    return rows


def kiel_frame() -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(kiel_records())
    frame["value"] = pd.to_numeric(frame["value"].replace("", None), errors="coerce")
    return frame


def cutoff_day(data_through: str) -> dt.date | None:
    """The last day covered: YYYY-MM counts as the month's last day; empty -> None."""
    text = (data_through or "").strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    year, month = parts
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def war_years(data_through: str) -> float | None:
    day = cutoff_day(data_through)
    return None if day is None else (day - WAR_START).days / DAYS_PER_YEAR


def releases(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One entry per numbered Kiel release (vintage): date, cut-off, donors, what it holds."""
    out = []
    for vintage, sub in frame[frame["release"] != ""].groupby("vintage", sort=False):
        through = next((t for t in sub["data_through"] if t), "")
        out.append({
            "release": vintage, "release_date": next((d for d in sub["release_date"] if d), None),
            "data_through": through or None, "war_years": war_years(through),
            "donors": int(sub["iso3"].nunique()),
            "indicators": sorted(set(sub["indicator"])),
            "source_type": sorted(set(sub["source_type"])),
        })
    return sorted(out, key=lambda r: _release_order(r["release"]))


def _release_order(release: str) -> tuple:
    m = re.match(r"(\d+)", release)
    return (0, int(m.group(1)), release) if m else (1, 0, release)


def release_table(frame: pd.DataFrame, release: str) -> pd.DataFrame:
    """One row per donor in a Kiel release, values as published (None where the release has none)."""
    import pandas as pd

    sub = frame[frame["vintage"] == str(release)]
    if sub.empty:
        known = [r["release"] for r in releases(frame)]
        press = sorted(v for v in set(frame["vintage"]) if v not in known)
        raise UnknownValueError("Kiel release", release, known + press,
                                hint=f"releases: {', '.join(known)}; press figures: {', '.join(press)}")
    cells: dict[tuple[str, str, str, str, str], float] = {}
    donors: dict[str, dict[str, Any]] = {}
    for r in sub.to_dict("records"):
        if not (isinstance(r["value"], float) and math.isnan(r["value"])):
            cells[(r["iso3"], r["aid_type"], r["indicator"], r["measure"], r["scope"])] = float(r["value"])
        d = donors.setdefault(r["iso3"], {"donor": r["donor"], "derivation": set(), "source": r["source"]})
        d["derivation"].add(r["derivation"])

    columns = {f"{t}_eur_bn": (t, "aid_eur_bn", "allocations", "bilateral") for t in AID_TYPES}
    columns |= {f"{t}_usd_bn": (t, "aid_usd_bn", "allocations", "bilateral") for t in AID_TYPES}
    columns |= {
        "total_pct_gdp": ("total", "aid_pct_gdp", "allocations", "bilateral"),
        "eu_share_eur_bn": ("total", "aid_eur_bn", "allocations", "eu_share"),
        "eu_share_pct_gdp": ("total", "aid_pct_gdp", "allocations", "eu_share"),
        "total_incl_eu_share_pct_gdp": ("total", "aid_pct_gdp", "allocations", "bilateral_plus_eu_share"),
        "total_incl_eu_share_eur_bn": ("total", "aid_eur_bn", "allocations", "bilateral_plus_eu_share"),
        "military_pct_gdp": ("military", "aid_pct_gdp", "allocations", "bilateral"),
        "commitments_eur_bn": ("total", "aid_eur_bn", "commitments", "bilateral"),
        "commitments_pct_gdp": ("total", "aid_pct_gdp", "commitments", "bilateral"),
        "gdp_2021_eur_bn": ("all", "gdp_2021_eur_bn", "", ""),
    }
    rows = []
    for iso3 in sorted(donors):
        d = donors[iso3]
        row: dict[str, Any] = {"iso3": iso3, "donor": d["donor"]}
        for name, key in columns.items():
            row[name] = cells.get((iso3, *key))
            if row[name] is None and key[2] == "allocations":  # press figures that do not name the measure
                row[name] = cells.get((iso3, key[0], key[1], "", key[3]))
        row["derivation"] = ", ".join(sorted(d["derivation"]))
        row["source"] = d["source"]
        rows.append(row)
    return pd.DataFrame(rows)


def type_sum_check(table: pd.DataFrame, currency: str = "eur") -> pd.DataFrame:
    """total - (military + financial + humanitarian) per donor, where all four are published."""
    cols = [f"{t}_{currency}_bn" for t in AID_TYPES]
    full = table.dropna(subset=cols)
    diff = full[cols[3]] - full[cols[0]] - full[cols[1]] - full[cols[2]]
    return full[["iso3"]].assign(difference=diff)


def latest_release(frame: pd.DataFrame) -> str:
    """The latest numbered release that has a cut-off date and % of GDP (needed for the annualised column)."""
    usable = [r for r in releases(frame) if r["war_years"] and "aid_pct_gdp" in r["indicators"]]
    if not usable:
        raise BurdenError("no Kiel release with a cut-off date and % of GDP", code="no-data")
    return usable[-1]["release"]


def aid_per_year(frame: pd.DataFrame, release: str) -> pd.DataFrame:
    """Per donor: Kiel's cumulative % of 2021 GDP and its annualised value (METHODS)."""
    table = release_table(frame, release)
    through = next((t for t in frame[frame["vintage"] == str(release)]["data_through"] if t), "")
    years = war_years(through)
    if years is None:
        raise BurdenError(f"Kiel release {release} has no data cut-off date, so its totals cannot be annualised; "
                          "pick a release with one (e.g. 29)", code="no-cutoff")
    out = table[["iso3", "total_pct_gdp", "total_incl_eu_share_pct_gdp"]].rename(
        columns={"total_pct_gdp": "ukraine_aid_pct_gdp", "total_incl_eu_share_pct_gdp": "ukraine_aid_incl_eu_share_pct_gdp"})
    out["war_years"] = years
    out["ukraine_aid_pct_gdp_per_year"] = out["ukraine_aid_pct_gdp"] / years
    out["ukraine_aid_incl_eu_share_pct_gdp_per_year"] = out["ukraine_aid_incl_eu_share_pct_gdp"] / years
    out.attrs.update(release=str(release), data_through=through, war_years=years)
    return out


# ---------------------------------------------------------------- common funding

def common_funding_frame() -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(_read_csv(SHIPPED_DATA_DIR / "common_funding.csv"))
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    return frame


def period_bounds(period: str) -> tuple[int | None, int | None]:
    """'2017' -> (2017, 2017); '2016-2017'; '2021-' -> (2021, None); 'until 2020' -> (None, 2020)."""
    text = period.strip()
    if m := re.fullmatch(r"until (\d{4})", text):
        return None, int(m.group(1))
    if m := re.fullmatch(r"(\d{4})-(\d{4})?", text):
        return int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if re.fullmatch(r"\d{4}", text):
        return int(text), int(text)
    raise BurdenError(f"unreadable common-funding period {period!r}", code="invalid-data")


def cost_share_for_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per ally, the cost share (all common-funded budgets) of a period covering `year`: the narrowest
    period wins, an exact figure before an 'about' one. Allies with none are absent (missing)."""
    import pandas as pd

    rows = []
    shares = frame[(frame["indicator"] == "cost_share_pct") & (frame["iso3"].str.len() == 3)]
    for iso3, sub in shares.groupby("iso3"):
        best = None
        for r in sub.to_dict("records"):
            lo, hi = period_bounds(r["period"])
            if (lo is None or lo <= year) and (hi is None or year <= hi):
                width = (hi if hi is not None else 9999) - (lo if lo is not None else 0)
                key = (width, r["approximate"] == "yes")
                if best is None or key < best[0]:
                    best = (key, r)
        if best:
            r = best[1]
            rows.append({"iso3": iso3, "common_funding_share": r["value"], "common_funding_period": r["period"],
                         "common_funding_budget": r["budget"], "common_funding_approximate": r["approximate"] == "yes",
                         "common_funding_source": r["source"]})
    return pd.DataFrame(rows, columns=["iso3", "common_funding_share", "common_funding_period", "common_funding_budget",
                                       "common_funding_approximate", "common_funding_source"])


# ---------------------------------------------------------------- national plans (related spending)

PLAN_FIELDS = ("ally", "year", "related_pct_gdp")


def _plan_error(path: Path, line: int, field: str, problem: str) -> BurdenError:
    return BurdenError(f"{path.name} line {line}, field {field}: {problem}", code="invalid-plans")


def _check_plan(path: Path, line: int, raw: dict[str, Any], seen: dict[tuple[str, int], int],
                typed: bool = False) -> dict[str, Any]:
    """One plan entry; `typed` (TOML): numbers must be numbers, not quoted text."""
    for field in PLAN_FIELDS:
        if raw.get(field) in (None, ""):
            raise _plan_error(path, line, field, f"missing; each plan needs {', '.join(PLAN_FIELDS)}")
    if typed:
        if not isinstance(raw["year"], int) or isinstance(raw["year"], bool):
            raise _plan_error(path, line, "year", f"{raw['year']!r} is not a year (an integer like 2025, unquoted)")
        if not isinstance(raw["related_pct_gdp"], (int, float)) or isinstance(raw["related_pct_gdp"], bool):
            raise _plan_error(path, line, "related_pct_gdp", f"{raw['related_pct_gdp']!r} is not a number "
                                                             "(a % of GDP like 1.2, unquoted)")
    if not isinstance(raw["ally"], str):
        raise _plan_error(path, line, "ally", f"{raw['ally']!r} is not an ally name or ISO3 code (text)")
    try:
        iso3 = resolve_ally(raw["ally"].strip())
    except UnknownValueError as exc:
        raise _plan_error(path, line, "ally", f"{exc}") from None
    if len(iso3) != 3:
        raise _plan_error(path, line, "ally", f"{raw['ally']!r} is an aggregate, not an ally")
    year = raw["year"]
    if isinstance(year, str) and re.fullmatch(r"\s*\d{4}\s*", year):
        year = int(year)
    if isinstance(year, bool) or not isinstance(year, int):
        raise _plan_error(path, line, "year", f"{raw['year']!r} is not a year (an integer like 2025)")
    if year < PLANS_FIRST_YEAR:
        raise _plan_error(path, line, "year", f"{year} is before {PLANS_FIRST_YEAR} (The Hague commitment runs from "
                                              f"{PLANS_FIRST_YEAR})")
    value = raw["related_pct_gdp"]
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise _plan_error(path, line, "related_pct_gdp", f"{raw['related_pct_gdp']!r} is not a number "
                                                             "(a % of GDP like 1.2)") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _plan_error(path, line, "related_pct_gdp", f"{raw['related_pct_gdp']!r} is not a number (a % of GDP like 1.2)")
    if value < 0:
        raise _plan_error(path, line, "related_pct_gdp", f"{value} is negative; give a share of GDP of 0 or more")
    if value > 100:
        raise _plan_error(path, line, "related_pct_gdp", f"{value} is above 100% of GDP")
    if (iso3, year) in seen:
        raise _plan_error(path, line, "ally", f"{iso3} {year} already given on line {seen[(iso3, year)]}")
    seen[(iso3, year)] = line
    source = raw.get("source", "")
    return {"iso3": iso3, "year": year, "related_pct_gdp": float(value), "source": str(source or ""), "line": line}


def _plans_csv(path: Path, text: str) -> list[dict[str, Any]]:
    reader = csv.reader(text.splitlines())
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [f for f in PLAN_FIELDS if f not in header]
    if missing:
        raise _plan_error(path, 1, missing[0], f"column missing from the header; the header needs "
                                               f"{', '.join(PLAN_FIELDS)} (and optionally source)")
    seen: dict[tuple[str, int], int] = {}
    out = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise _plan_error(path, line, header[min(len(cells), len(header) - 1)],
                              f"{len(cells)} cells where the header has {len(header)}")
        out.append(_check_plan(path, line, dict(zip(header, cells, strict=True)), seen))
    return out


def _plans_toml(path: Path, text: str) -> list[dict[str, Any]]:
    """[[plan]] tables with ally, year, related_pct_gdp (and optionally source); lines found by scanning."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise _plan_error(path, int(m.group(1)) if m else 1, "syntax", f"not valid TOML ({str(exc).splitlines()[0]})") from None
    extra = [k for k in data if k != "plan"]
    if extra or not isinstance(data.get("plan", []), list):
        raise _plan_error(path, 1, extra[0] if extra else "plan", "unexpected key; write one [[plan]] table per ally and "
                                                                  "year with ally, year, related_pct_gdp")
    header_lines = [i for i, ln in enumerate(text.splitlines(), start=1) if re.match(r"\s*\[\[\s*plan\s*\]\]", ln)]
    lines = text.splitlines()
    seen: dict[tuple[str, int], int] = {}
    out = []
    for k, entry in enumerate(data.get("plan", [])):
        start = header_lines[k]
        end = header_lines[k + 1] if k + 1 < len(header_lines) else len(lines) + 1
        key_lines = {}
        for i in range(start + 1, end):
            m = re.match(r"\s*([A-Za-z_]+)\s*=", lines[i - 1])
            if m:
                key_lines[m.group(1)] = i
        unknown = [key for key in entry if key not in (*PLAN_FIELDS, "source")]
        if unknown:
            raise _plan_error(path, key_lines.get(unknown[0], start), unknown[0],
                              f"unknown field; use {', '.join(PLAN_FIELDS)} and optionally source")
        try:
            out.append(_check_plan(path, start, entry, seen, typed=True))
        except BurdenError as exc:
            m = re.search(r"field (\w+):", str(exc))
            field = m.group(1) if m else ""
            line = key_lines.get(field, start)
            raise BurdenError(str(exc).replace(f"line {start},", f"line {line},", 1), code="invalid-plans") from None
    return out


def parse_plans(text: str, name: str = "plans.csv") -> list[dict[str, Any]]:
    """Plans from text; `name` gives the format (.csv or .toml) and names the file in errors."""
    path = Path(name)
    if path.suffix.lower() == ".toml":
        return _plans_toml(path, text)
    if path.suffix.lower() == ".csv":
        return _plans_csv(path, text)
    raise BurdenError(f"{path.name}: unknown plans format; use a .csv (ally,year,related_pct_gdp) or .toml file",
                      code="invalid-plans")


def read_plans(path: str | Path) -> list[dict[str, Any]]:
    """A user's 'national plans' file (CSV or TOML): related spending, % of GDP, per ally and year.
    Any problem raises a one-line BurdenError naming the file, line and field."""
    path = Path(path)
    if not path.is_file():
        raise BurdenError(f"{path.name}: plans file not found", code="missing-file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BurdenError(f"{path.name}: not a UTF-8 text file (a CSV or TOML plans file)", code="invalid-plans") from None
    return parse_plans(text, path.name)


# ---------------------------------------------------------------- the responsibility table

def _at_least(values: pd.Series, threshold: float) -> list[bool | None]:
    """values >= threshold, None where the value is missing (missing is not 'below')."""
    return [None if v is None or math.isnan(v) else bool(v >= threshold) for v in values]


def _rank(values: pd.Series) -> pd.Series:
    return values.rank(ascending=False, method="min")


def responsibility_table(nato: pd.DataFrame, aid: pd.DataFrame, cost_shares: pd.DataFrame,
                         plans: Iterable[dict[str, Any]] | None, year: int) -> pd.DataFrame:
    """One row per ally. `nato`: iso3, def_exp_pct_gdp, def_exp_usd_mn, gdp_usd_mn (current prices) for
    the year; `aid`: aid_per_year(); `cost_shares`: cost_share_for_year(); `plans`: read_plans() or None."""

    frame = nato.merge(aid.drop(columns=["war_years"], errors="ignore"), on="iso3", how="left")
    frame = frame.merge(cost_shares, on="iso3", how="left")
    gdp_total = frame["gdp_usd_mn"].sum(min_count=1)
    spend_total = frame["def_exp_usd_mn"].sum(min_count=1)
    frame["gdp_share"] = frame["gdp_usd_mn"] / gdp_total * 100
    frame["spending_share"] = frame["def_exp_usd_mn"] / spend_total * 100
    frame["common_funding_vs_gdp_share"] = frame["common_funding_share"] / frame["gdp_share"]
    frame["common_funding_vs_spending_share"] = frame["common_funding_share"] / frame["spending_share"]
    frame["core_plus_aid_pct_gdp"] = frame["def_exp_pct_gdp"] + frame["ukraine_aid_pct_gdp_per_year"]

    related = {p["iso3"]: p for p in (plans or []) if p["year"] == year}
    frame["related_pct_gdp"] = [related[i]["related_pct_gdp"] if i in related else math.nan for i in frame["iso3"]]
    frame["related_origin"] = ["user-supplied" if i in related else NOT_PUBLISHED for i in frame["iso3"]]
    frame["related_counted_pct_gdp"] = frame["related_pct_gdp"].clip(upper=RELATED_CAP_PCT)
    frame["hague_total_pct_gdp"] = frame["def_exp_pct_gdp"] + frame["related_counted_pct_gdp"]
    frame["meets_core_3_5"] = _at_least(frame["def_exp_pct_gdp"], CORE_TARGET_PCT)
    frame["meets_hague_5"] = _at_least(frame["hague_total_pct_gdp"], TOTAL_TARGET_PCT)

    both = frame["def_exp_pct_gdp"].notna() & frame["core_plus_aid_pct_gdp"].notna()
    frame["rank_core"] = _rank(frame["def_exp_pct_gdp"].where(both))
    frame["rank_core_plus_aid"] = _rank(frame["core_plus_aid_pct_gdp"].where(both))
    frame["rank_change"] = frame["rank_core"] - frame["rank_core_plus_aid"]
    for t in THRESHOLDS:
        label = str(t).replace(".", "_").removesuffix("_0")
        frame[f"meets_{label}_core"] = _at_least(frame["def_exp_pct_gdp"], t)
        frame[f"meets_{label}_with_aid"] = _at_least(frame["core_plus_aid_pct_gdp"], t)
    return frame.sort_values(["def_exp_pct_gdp", "iso3"], ascending=[False, True]).reset_index(drop=True)


def threshold_changes(table: pd.DataFrame) -> dict[str, Any]:
    """For 2% and 3.5%: who reaches the line only when aid is counted, and who rises/falls in rank."""
    out: dict[str, dict[str, list[str]]] = {}
    for t in THRESHOLDS:
        label = str(t).replace(".", "_").removesuffix("_0")
        core, aid = table[f"meets_{label}_core"], table[f"meets_{label}_with_aid"]
        out[f"{t:g}%"] = {
            "meets_core": sorted(i for i, c in zip(table["iso3"], core, strict=True) if c is True),
            "reaches_only_with_aid": sorted(i for i, c, a in zip(table["iso3"], core, aid, strict=True)
                                            if c is False and a is True),
        }
    ranked = table.dropna(subset=["rank_change"])
    return {"thresholds": out,
            "rises": sorted(ranked.loc[ranked["rank_change"] > 0, "iso3"]),
            "falls": sorted(ranked.loc[ranked["rank_change"] < 0, "iso3"])}


def fairness_side_by_side(table: pd.DataFrame) -> dict[str, Any]:
    """Shares, fair-share ratios and Gini on defence alone and on defence + aid (burden.fairness
    functions), over the same allies: those with defence, GDP and an aid figure."""
    from .fairness import fair_share_ratio, gini

    cols = ["iso3", "def_exp_usd_mn", "gdp_usd_mn", "ukraine_aid_pct_gdp_per_year"]
    frame = table[cols].dropna().copy()
    excluded = sorted(set(table["iso3"]) - set(frame["iso3"]))
    frame["aid_usd_mn"] = frame["ukraine_aid_pct_gdp_per_year"] / 100 * frame["gdp_usd_mn"]
    frame["defence_plus_aid_usd_mn"] = frame["def_exp_usd_mn"] + frame["aid_usd_mn"]
    alone = fair_share_ratio(frame, spend="def_exp_usd_mn", gdp="gdp_usd_mn")
    with_aid = fair_share_ratio(frame, spend="defence_plus_aid_usd_mn", gdp="gdp_usd_mn")
    rows = []
    for a, b in zip(alone.to_dict("records"), with_aid.to_dict("records"), strict=True):
        rows.append({"iso3": a["iso3"], "aid_usd_mn_per_year": a["aid_usd_mn"],
                     "spend_share_defence": a["spend_share"], "spend_share_defence_plus_aid": b["spend_share"],
                     "gdp_share": a["gdp_share"],
                     "fair_share_ratio_defence": a["fair_share_ratio"],
                     "fair_share_ratio_defence_plus_aid": b["fair_share_ratio"],
                     "band_defence": a["band"], "band_defence_plus_aid": b["band"]})
    rows.sort(key=lambda r: -r["fair_share_ratio_defence_plus_aid"])
    return {"allies": len(frame), "excluded": excluded,
            "gini_defence": gini(frame, spend="def_exp_usd_mn", gdp="gdp_usd_mn"),
            "gini_defence_plus_aid": gini(frame, spend="defence_plus_aid_usd_mn", gdp="gdp_usd_mn"),
            "rows": rows}
