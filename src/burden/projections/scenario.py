"""Scenario files (TOML): growth paths, a spending plan, membership changes and run settings.

    name = "Weak German growth"
    target = "hague-core"          # optional: any `burden` target spec
    deadline = 2035                # optional
    plan = "linear"                # optional: linear, constant-share, real-growth:R
    [growth]                       # real GDP growth, % a year
    DEU = 0.5                      # one rate for every year ...
    [growth.FRA]                   # ... or a yearly path; years not given keep the default source
    2027 = 0.9
    [plan_shares.POL]              # a user plan: % of GDP in given years
    2030 = 5.0
    [[membership]]                 # what-if: an ally leaves (or joins) from a date
    ally = "TUR"
    leaves = "2030-01-01"

Every error names the file, the line and the field, and what to do.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BurdenError, UnknownValueError, close_matches
from ..limits import MAX_SMALL_FILE_BYTES, check_input_file
from ..members import resolve_ally
from ..targets import parse_target
from ..validators import growth_rate

FIELDS = {
    "name": "a short title (text)",
    "edition": "a NATO edition, e.g. \"2026-07\"",
    "target": "a target spec, e.g. \"hague-core\" or 3.5",
    "base_year": "an integer year",
    "deadline": "an integer year after the base year",
    "plan": "linear, constant-share or real-growth:R",
    "growth_edition": "an IMF WEO edition, e.g. \"WEO April 2026\"",
    "volatility": "a number >= 0 (1 = historical)",
    "shocks": "normal or bootstrap",
    "growth": "a table of allies: a rate or a table {year = rate}",
    "plan_shares": "a table of allies: {year = % of GDP}",
    "membership": "an array of tables with ally and joins or leaves",
}


@dataclass
class Scenario:
    source: str  # file name, for messages
    name: str | None = None
    edition: str | None = None
    target: str | None = None
    base_year: int | None = None
    deadline: int | None = None
    plan: str | None = None
    growth_edition: str | None = None
    volatility: float | None = None
    shocks: str | None = None
    growth: dict[str, dict[int, float]] = field(default_factory=dict)  # iso3 -> year -> %
    growth_all_years: dict[str, float] = field(default_factory=dict)  # iso3 -> % every year
    plan_shares: dict[str, dict[int, float]] = field(default_factory=dict)
    membership: list[dict[str, Any]] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # dotted field -> line, for later checks

    def error(self, where: str, message: str) -> BurdenError:
        line = self.lines.get(where)
        at = f"{self.source} line {line}" if line else self.source
        return BurdenError(f"{at}: {where}: {message}", code="invalid-scenario")


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=")


def _parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", dotted)]


def field_lines(text: str) -> dict[str, int]:
    """Dotted field path -> first line (1-based) where it is set or its table opens. Arrays of tables are
    numbered: membership[1].ally."""
    lines: dict[str, int] = {}
    table: list[str] = []
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _parts(header[1])
            if line.lstrip().startswith("[["):
                key = ".".join(table)
                counts[key] = counts.get(key, 0) + 1
                table = [*table[:-1], f"{table[-1]}[{counts[key]}]"]
            lines.setdefault(".".join(table), number)
            continue
        assignment = _KEY.match(line)
        if assignment:
            lines.setdefault(".".join([*table, *_parts(assignment[1])]), number)
    return lines


def _year(scn: Scenario, where: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise scn.error(where, f"must be an integer year, got {type(value).__name__} {value!r}")
    if not 1949 <= value <= 2100:
        raise scn.error(where, f"year {value} is outside 1949-2100")
    return value


def _number(scn: Scenario, where: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise scn.error(where, f"must be a number, got {type(value).__name__} {value!r}")
    return float(value)


def _text(scn: Scenario, where: str, value: object) -> str:
    if not isinstance(value, str):
        raise scn.error(where, f"must be text (in quotes), got {type(value).__name__} {value!r}")
    return value


def _ally(scn: Scenario, where: str, name: str) -> str:
    try:
        return resolve_ally(name)
    except UnknownValueError as exc:
        raise scn.error(where, str(exc)) from None


def _growth_rate(scn: Scenario, where: str, value: object) -> float:
    rate = _number(scn, where, value)
    try:
        return growth_rate(rate, "growth")
    except BurdenError as exc:
        raise scn.error(where, str(exc)) from None


def _yearly(scn: Scenario, where: str, table: dict, check) -> dict[int, float]:
    out = {}
    for key, value in table.items():
        here = f"{where}.{key}"
        if not re.fullmatch(r"\d{4}", str(key)):
            raise scn.error(here, f"{key!r} is not a year; write yearly values as 2030 = 3.5")
        out[int(key)] = check(scn, here, value)
    return out


def _table(scn: Scenario, where: str, value: object) -> dict:
    if not isinstance(value, dict):
        raise scn.error(where, f"must be a table ({FIELDS[where.split('.')[0]]}), got {type(value).__name__}")
    return value


def _share(scn: Scenario, where: str, value: object) -> float:
    share = _number(scn, where, value)
    if not 0 <= share <= 100:
        raise scn.error(where, f"share {share:g} must be between 0 and 100 (% of GDP)")
    return share


def _membership(scn: Scenario, items: object) -> None:
    if not isinstance(items, list):
        raise scn.error("membership", "must be an array of tables: [[membership]] with ally and joins or leaves")
    for i, item in enumerate(items, start=1):
        where = f"membership[{i}]"
        if not isinstance(item, dict):
            raise scn.error("membership", "must be an array of tables: [[membership]] with ally and joins or leaves")
        if "ally" not in item:
            raise scn.error(where, "field ally is missing (an ISO3 code or English name)")
        unknown = set(item) - {"ally", "joins", "leaves"}
        if unknown:
            raise scn.error(f"{where}.{sorted(unknown)[0]}", "unknown field; use ally, joins or leaves")
        change: dict[str, Any] = {"iso3": _ally(scn, f"{where}.ally", _text(scn, f"{where}.ally", item["ally"]))}
        if not {"joins", "leaves"} & set(item):
            raise scn.error(where, "field joins or leaves is missing (a date, e.g. 2030-01-01, or a year)")
        for kind in ("joins", "leaves"):
            if kind in item:
                change[kind] = _date(scn, f"{where}.{kind}", item[kind])
        scn.membership.append(change)


def _date(scn: Scenario, where: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return dt.date(_year(scn, where, value), 1, 1)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise scn.error(where, f"must be a date (2030-01-01) or a year, got {type(value).__name__} {value!r}")


def parse_scenario(text: str, source: str = "scenario") -> Scenario:
    """Parse and check a scenario's TOML text; every problem raises BurdenError naming line and field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BurdenError(f"{source}: not valid TOML: {exc}", code="invalid-scenario") from None
    scn = Scenario(source, lines=field_lines(text))
    for key in data:
        if key not in FIELDS:
            close = close_matches(key, list(FIELDS))
            hint = f"did you mean {close[0]!r}?" if close else f"known fields: {', '.join(FIELDS)}"
            raise scn.error(key, f"unknown field; {hint}")
    for key in ("name", "edition", "plan", "growth_edition", "shocks"):
        if key in data:
            setattr(scn, key, _text(scn, key, data[key]))
    if "target" in data:
        value = data["target"]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise scn.error("target", f"must be a target spec (\"hague-core\", 3.5), got {type(value).__name__}")
        try:
            parse_target(value)
        except BurdenError as exc:
            raise scn.error("target", str(exc)) from None
        scn.target = str(value)
    for key in ("base_year", "deadline"):
        if key in data:
            setattr(scn, key, _year(scn, key, data[key]))
    if scn.base_year and scn.deadline and scn.deadline <= scn.base_year:
        raise scn.error("deadline", f"deadline {scn.deadline} is not after the base year {scn.base_year}")
    if "volatility" in data:
        scn.volatility = _number(scn, "volatility", data["volatility"])
        if scn.volatility < 0:
            raise scn.error("volatility", "must be 0 or more (1 = historical residuals, 0 = no uncertainty)")
    if scn.shocks is not None and scn.shocks not in ("normal", "bootstrap"):
        raise scn.error("shocks", f"{scn.shocks!r} is not a shock model; use normal or bootstrap")
    for name, value in _table(scn, "growth", data.get("growth", {})).items():
        where = f"growth.{name}"
        iso3 = "*" if name == "default" else _ally(scn, where, name)
        if isinstance(value, dict):
            scn.growth[iso3] = _yearly(scn, where, value, _growth_rate)
        else:
            scn.growth_all_years[iso3] = _growth_rate(scn, where, value)
    for name, value in _table(scn, "plan_shares", data.get("plan_shares", {})).items():
        where = f"plan_shares.{name}"
        scn.plan_shares[_ally(scn, where, name)] = _yearly(scn, where, _table(scn, where, value), _share)
    if "membership" in data:
        _membership(scn, data["membership"])
    return scn


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    check_input_file(path, MAX_SMALL_FILE_BYTES, "scenario file (TOML)")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BurdenError(f"cannot read scenario file {path}: {exc.strerror}", code="invalid-scenario") from None
    except UnicodeDecodeError:
        raise BurdenError(f"scenario file {path} is not UTF-8 text: save it as UTF-8 TOML",
                          code="invalid-scenario") from None
    return parse_scenario(text, path.name)


def check_against(scn: Scenario, base_year: int, deadline: int, projected: tuple[str, ...]) -> None:
    """Checks that need the edition: years inside the projection, allies that are projected."""
    if deadline <= base_year:
        where = "deadline" if scn.deadline else "base_year"
        raise scn.error(where, f"deadline {deadline} is not after the base year {base_year}")
    for table, paths in (("growth", scn.growth), ("plan_shares", scn.plan_shares)):
        for points in paths.values():
            for year in points:
                if not base_year < year <= deadline:
                    where = next((k for k in scn.lines if k.startswith(f"{table}.") and k.endswith(f".{year}")),
                                 table)
                    raise scn.error(where, f"year {year} is outside the projection {base_year + 1}-{deadline}")
    for iso3 in [*scn.growth, *scn.growth_all_years, *scn.plan_shares]:
        if iso3 != "*" and iso3 not in projected:
            where = next((k for k in scn.lines if k.split(".")[0] in ("growth", "plan_shares")
                          and len(k.split(".")) > 1 and _resolves(k.split(".")[1], iso3)), "growth")
            raise scn.error(where, f"{iso3} is not projected (no NATO figures in this edition)")


def _resolves(name: str, iso3: str) -> bool:
    try:
        return resolve_ally(name) == iso3
    except BurdenError:
        return False
