"""Tables pasted as text, read by column: a header row names the columns, then each line is one ally's row.

    Country    Per Cent   Billions of dollars          (the line before, or the header itself, speaks of GDP)
    Denmark    1.17       3.6
    Portugal1.32 2.7                                   (the name glued to its first cell)
    | 3 | Norway | 2.1% | 9,400 |                      (pipes, a rank first)

The header is read word by word against lexicon/en/table_columns.csv: each column is a measure (% of GDP, US$ at a
scale, the equipment share) with its own year when the header gives one ("% of GDP 2014 2024": two columns, one
per year; "Ally 2014 % of GDP 2024 % of GDP", a year first: each year the column of the measure after it), else
the year in force where the header stands; a label column (country, rank) names the row. A header set one cell a
line (a web page's table pasted as text) is read as one: consecutive lines of header words join before the first
row; cells run together on a line ("Member2015", "TargetKey Purchases") part where a capital or a digit follows a
small letter. A header holding any word that lexicon does not know is no header, and a bare "per cent" column is a
share of GDP only when the header or the line before it speaks of GDP: when the columns cannot be read surely,
nothing is read. Columns of words or plans after the figures ("Target", "Priorities") are read for nothing: a row's
text after its last figure is theirs ("Norway 1.54%1.81% ↑2.20%2.50%-2030 Submarines": three figures, then a
plan and a purchase), and lines of theirs may stand between rows.

A row is a line soon after the header (or after the previous row) that starts with an ally or a group (after an
optional rank) and whose remainder splits into cells: numbers separated by spaces, tabs, pipes or semicolons, or
glued together where a unit ends each one ("2.14%1.98%"); a trend arrow before a cell ("↑2.20%") is no part of
it. Two bare figures run together ("1.596.3") part where the rows above fix the first one's decimals (1.59 and 6.3
under rows of two decimals); else (the first row, or rows of mixed decimals) such a cell makes the whole row
unreadable: it could be split more than one way. A dash or "n/a" is an empty cell that keeps its place. Each cell
becomes one claim with the row's ally and its column's measure and year; a row with fewer cells than columns fills
them from the left (a missing last cell), one more cell than columns is a rank first. The figures of a row the table takes are no other rule's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..entities import _ally_lookup, find_entities
from ..extract import Claim, Sentence
from ..grammar import folded
from ..lexicon import rows
from ..quantities import Quantity, parse_number
from ..verify import data_code
from .base import Rule
from .figures import MAX_PLAUSIBLE_PCT_GDP

YEAR_PARAGRAPHS = 2  # a year named this many paragraphs above a header at most is its table's
MAX_HEADER = 160  # characters of a header row at most (a longer line is prose)
MAX_ROW = 100  # characters of a row with no header at most
MAX_GAP = 160  # characters between a header (or a row) and the next row of its table
MAX_EQUIPMENT = 100.0
NO_CLAIM = frozenset({"skip", "text"})  # the kinds of column read for nothing
NOT_MEASURES = ("label", "rank", "filler", *NO_CLAIM)  # the kinds that name no figure's measure
MAX_TEXT_LINES = 2  # lines of a table's word columns at most between two rows (a plan or a purchase under its row)
_GDP_CONTEXT = re.compile(r"\bgdp\b|gross domestic product|economic output|national output|share of (?:the )?economy")
_YEAR = r"(?<![\d.,])(?:19[5-9]\d|20[0-4]\d)(?:e|f|\*)?(?![\d.,%])"
_SEPARATORS = r"[\s|,;:()\[\]/*–—-]+"
# one cell of a row: a number with its unit, if any ("2.14", "2.14%", "$683", "9,400", "683bn")
_UNITS = r"\s?%|\s?(?:per\s?cent|percent|billion|million|trillion)\b|\s?(?:bn|mn|tn|m)\b"
_CELL = re.compile(r"(?:[↑↓▲▼]\s?)?(?P<cell>(?P<sign>[-−+])?(?P<cur>US\$|\$)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                   r"(?P<unit>" + _UNITS + r")?(?P<mark>\*+|†|e\b)?)", re.I)  # (a trend arrow before it, "↑2.20%",
# is no part of the cell; a footnote mark or an estimate's "e" after it: "2.1*", "3.08e")
# two bare figures run together ("1.596.3"): parted by the decimals the first one's column has in the rows above
_GLUED_PAIR = re.compile(r"(?P<whole>\d+)\.(?P<rest>\d+\.\d+)")
_GLUED_SECOND = re.compile(r"(?:0|[1-9]\d*)\.\d+")
# cells of a header run together: a capital or a digit right after a small letter ("Ally2014", "TargetKey")
_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z\d])")
# a unit written out: "29.1 billion", "3.2 per cent" (one cell with its number)
_UNIT_NAMES = {"%": "%", "percent": "%", "per cent": "%", "billion": "bn", "bn": "bn", "million": "m",
               "mn": "m", "m": "m", "trillion": "tn", "tn": "tn"}
_SCALES = {"bn": 1.0, "m": 0.001, "tn": 1000.0}
_PIECE = re.compile(r"(?:[^\s|;,]|,(?=\d))+(?:\s(?:%|(?:per\s?cent|percent|billion|million|trillion|bn|mn|tn)\b))?", re.I)
_EMPTY = re.compile(r"[-–—]|n/?a|\.\.+|x", re.I)
_DASH_CELL = re.compile(r"(?<![^\s|])[–—-](?![^\s|])")
# a measure's unit in brackets right after it ("Real change (%)", "Per capita (US$)"): no column of its own
_UNIT_NOTE = r"\s*\(\s?(?:%|us\$|usd|\$|per\s?cent)\s?\)"
_NOT_CELLS = re.compile(r"\b(?!(?:billion|million|trillion|percent|per|cent)\b)[^\W\d_]{3,}", re.I)  # a word among the cells: prose that starts with a name and a number
# a row: an optional rank, a name (no digit in it), the cells
_ROW = re.compile(r"\W*(?:(?P<rank>\d{1,2})(?:[.)]\s*|\s+|\s*\|\s*))?(?P<name>[^\d|\t]*?[^\W\d_](?:[.)]|\*+|†)?)"
                  r"(?P<sep>[\s|:;,\t–—-]*)(?P<cells>[$\d].*?)[\s|.]*")


_DASHES = frozenset("-–—")
_WORD = re.compile(r"[a-z]+")
_ITEM_MARK = re.compile(r"\W*\d{1,2}[.)]?\W*")  # a row's number split off as a piece of its own
_OTHER_ROW_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s[\w'’.-]+){0,2}")  # a capitalised name of up to three words
_NAME_NOTE = re.compile(r"\s?(?:\*+|†|\([^()]{0,20}\)|\[[^\[\]]{0,10}\])\s*$")  # "Canada*", "Greece (est.)"


@dataclass(frozen=True, slots=True)
class Column:
    measure: str  # pct_gdp, usd, equipment, real_change; skip or text: a column read for no claim (text: of words or plans)
    year: int | None  # the header's year for this column, if it names one
    scale: float = 1.0  # US$ bn per unit written (usd)


@dataclass(slots=True)
class Table:
    """A header read: its data columns, the year in force where it stands, where the last line of it ends."""

    columns: tuple[Column, ...]  # () for header lines not yet read as a header (its next line may complete it)
    year: int | None
    end: int  # offset (in the document) of the end of the header or of the last row read
    rows: int = 0  # rows read so far (before the first, a note may stand under the header: "Source: NATO, 2024")
    header: str = ""  # the header's words so far (folded, cells parted), and the line above its first line
    before: str = ""
    decimals: list[int | None] = field(default_factory=list)  # per column: the decimals every row so far gave, -1 mixed
    text_lines: int = 0  # lines of its word columns since the last row

    @property
    def figures(self) -> int:
        """How many columns a row's figures fill: all, or up to the last figure's when columns of words or plans
        follow it (the row's text after that figure is theirs)."""
        last = max((i for i, c in enumerate(self.columns) if c.measure not in NO_CLAIM), default=-1)
        return last + 1 if any(c.measure == "text" for c in self.columns[last + 1:]) else len(self.columns)


def _phrases(*but: str, only: tuple[str, ...] = ()) -> str:
    """The lexicon's phrases of every kind but `but` (of the kinds `only`, if given), escaped, longest first (then in
    order, so the pattern is the same in every run), as one alternation."""
    phrases = sorted({row["phrase"] for row in rows("table_columns") if row["kind"] not in but
                      and (not only or row["kind"] in only)}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p) for p in phrases)


@functools.cache
def _header_pattern() -> re.Pattern:
    """The header's tokens: the lexicon's phrases (longest first), a year, separators."""
    return re.compile(rf"(?P<unit>{_UNIT_NOTE})|(?P<sep>{_SEPARATORS})|(?P<year>{_YEAR})"
                      rf"|(?<![a-z0-9])(?P<word>{_phrases()})(?![a-z0-9])")


@functools.cache
def _kinds() -> dict[str, tuple[str, float]]:
    return {row["phrase"]: (row["kind"], float(row["scale"] or 1)) for row in rows("table_columns")}


@functools.cache
def header_words() -> frozenset[str]:
    """The words a header needs one of (a label or a measure): the rule's gate, each phrase's longest word ("% of
    gdp": gdp; a phrase without a letter, "%", "#", is looked for as it is)."""
    return frozenset(max(re.findall(r"[a-z]+", row["phrase"]), key=len) for row in rows("table_columns")
                     if row["kind"] != "filler" and re.search("[a-z]", row["phrase"]))


@functools.cache
def _title_pattern() -> re.Pattern:
    """The lexicon's measure phrases, anywhere in a title line."""
    return re.compile(rf"(?<![a-z0-9])(?:{_phrases(*NOT_MEASURES)})(?![a-z0-9])")


@functools.cache
def _year_then_measure() -> re.Pattern:
    """A year with its measure in brackets right after it ("2023 ($m)", "2024 (% of GDP)")."""
    return re.compile(rf"(?P<y>{_YEAR})\s?\(\s?(?P<m>{_phrases('label', 'rank', 'filler')})\s?\)")


@functools.cache
def _year_before_measure() -> re.Pattern:
    """A year, then (past filler words) the measure whose column it dates ("2015 defence outlays share of gdp")."""
    filler = rf"(?<![a-z0-9])(?:{_phrases(only=('filler',))})(?![a-z0-9])"
    return re.compile(rf"(?P<y>{_YEAR})(?:{_SEPARATORS}|{filler})*?(?<![a-z0-9])(?P<m>{_phrases(*NOT_MEASURES)})(?![a-z0-9])")


def _years_first(low: str) -> str:
    """A header whose first figure column is named year first ("member 2015 outlays % of gdp 2024 outlays % of gdp")
    with each year moved after its measure, as the reader takes them ("% of gdp 2015 % of gdp 2024"); else as it is."""
    first = re.search(_YEAR, low)
    if first is None or _year_before_measure().match(low, first.start()) is None \
            or _title_pattern().search(low, 0, first.start()):
        return low  # (no year, the first one names no measure after it, or a measure comes first: "% of gdp 2014 2024")
    return _year_before_measure().sub(r"\g<m> \g<y>", low)


def _title_measure(before: str) -> tuple[str, float] | None:
    """The one measure a title line names ("Military spending as a share of GDP": % of GDP; "Defence outlays, US$
    million": US$ at 0.001), else None (none, or more than one)."""
    kinds = _kinds()
    found = set()
    for m in _title_pattern().finditer(before):
        kind, scale = kinds[m.group(0)]
        if kind == "pct":
            if not _GDP_CONTEXT.search(before):
                return None
            kind = "pct_gdp"
        found.add((kind, scale))
    return found.pop() if len(found) == 1 else None


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Every word of the lexicon's phrases: a header holds no other."""
    return frozenset(w for row in rows("table_columns") for w in re.findall(r"[a-z]+", row["phrase"]))


def read_header(low: str, before: str) -> tuple[Column, ...] | None:
    """The data columns of a header row (`low`: its folded text; `before`: the folded line before it), or None when
    it is no header or its columns cannot be read surely."""
    pattern, kinds = _header_pattern(), _kinds()
    low = _years_first(_year_then_measure().sub(r"\g<m> \g<y>", low))  # ("Spending 2023 ($m)": the measure first, as it reads)
    pos, columns, labels = 0, [], 0
    measure: tuple[str, float] | None = None  # the measure last named, and whether it got a year of its own
    dated = False
    while pos < len(low):
        m = pattern.match(low, pos)
        if m is None:
            return None  # a word no header holds: prose, or columns this reader does not know
        pos = m.end()
        if m.group("sep"):
            continue
        if m.group("unit"):
            if measure is None or dated:
                return None  # (a unit after no measure)
            continue
        if m.group("year"):
            if measure is None:  # ("Ally 2014 2024" under a title "Defence spending as a share of GDP": its measure)
                measure = _title_measure(before)
                if measure is None:
                    return None  # (the years' measure is not said, or not surely)
            columns.append(Column(measure[0], int(m.group("year")[:4]), measure[1]))
            dated = True
            continue
        kind, scale = kinds[m.group("word")]
        if kind == "filler":
            continue
        if kind == "rank" and (columns or measure is not None):
            kind, scale = "skip", 1.0  # ("| % of GDP | Rank |": a column of places, read for nothing)
        elif kind in ("label", "rank"):
            if columns or measure is not None:
                return None  # (a label after the figures: not a header this reader knows)
            labels += 1
            continue
        if measure is not None and not dated:
            columns.append(Column(measure[0], None, measure[1]))
        if kind == "pct":
            if not (_GDP_CONTEXT.search(low) or _GDP_CONTEXT.search(before)):
                return None  # a per cent of what is not said
            kind = "pct_gdp"
        measure, dated = (kind, scale), False
    if measure is not None and not dated:
        columns.append(Column(measure[0], None, measure[1]))
    if all(c.measure in NO_CLAIM for c in columns) or labels + len(columns) < 2:
        return None
    return tuple(columns)


def _row_subject(name: str) -> str | None:
    """The ally or group a row's name is, the whole name (after "the" and a closing stop), else None."""
    text = _NAME_NOTE.sub("", name).strip(" .:,;-–—|")
    low = folded(text)
    if low.startswith("the "):
        low, text = low[4:], text[4:]
    found = _ally_lookup().get(low)
    if found is not None:
        return found[0] if found[1] == "name" or low == text.lower() else None
    entities = find_entities(text)
    if len(entities) == 1 and entities[0].start == 0 and entities[0].end == len(text):
        return data_code(entities[0].code)
    return None


def _unit(cell: re.Match) -> str:
    """A cell's unit as one of %, bn, m, tn ("" for none)."""
    return _UNIT_NAMES.get(" ".join((cell.group("unit") or "").lower().split()), "")


Cells = list[tuple[int, int, re.Match | None]]


def _cells(text: str, offset: int, wanted: int | None = None, decimals: list[int | None] | None = None) -> Cells | None:
    """The cells of a row's remainder: (start, end, number match or None for an empty cell), offsets in the
    sentence; None when a piece is neither (two figures glued together with nothing to say where one ends; a
    word: no row at all, _NOT_CELLS). `wanted`: the cells the row's figures fill, when its text after them is its
    word columns' (read no further); `decimals`: the decimals each column's rows above gave (a glued pair parts by them)."""
    out: Cells = []
    for p in _PIECE.finditer(text):
        if wanted is not None and len(out) >= wanted:
            break
        piece, at, pos = p.group(0), p.start(), p.end()
        if _EMPTY.fullmatch(piece):
            if piece in _DASHES and "\t" not in text and "|" not in text:
                continue  # ("Poland — 4.12% — $35bn": with no tabs or pipes a dash parts the cells)
            out.append((offset + at, offset + pos, None))
            continue
        known = decimals[len(out)] if decimals and len(out) < len(decimals) else None
        found = _piece_cells(piece, None if wanted is None else wanted - len(out), known)
        if found is None:
            return None
        out.extend((offset + at + a, offset + at + b, m) for a, b, m in found)
    return out


def _piece_cells(piece: str, wanted: int | None, decimals: int | None) -> Cells | None:
    """The cells of one piece of a row (offsets in the piece): numbers glued where a unit closes one or opens the
    next ("2.14%1.98%", "2.1%$31.6"), or a bare pair run together parted by the first one's column's `decimals`
    ("1.596.3" at 2: 1.59 and 6.3); the first `wanted` only, whatever follows them ("2.00%NA Radars"); else None."""
    found = list(_CELL.finditer(piece))[:wanted]
    read = piece if wanted is None or len(found) < wanted else piece[:found[-1].end()]  # (wanted: 1 at least)
    if not found or "".join(m.group(0) for m in found) != read:
        return _glued_pair(piece, decimals) if wanted is None or wanted >= 2 else None
    if any(not (a.group("unit") or b.group("cur")) for a, b in zip(found, found[1:], strict=False)):
        return None
    return [(m.start("cell"), m.end(), m) for m in found]


def _glued_pair(piece: str, decimals: int | None) -> Cells | None:
    """Two bare figures run together ("1.596.3"), parted where the first has `decimals` (its column's in the rows
    above); None when they are not known (a first row, mixed decimals) or the rest is no figure ("2.3204.5" at 2)."""
    pair = _GLUED_PAIR.fullmatch(piece)
    if pair is None or not decimals or decimals < 0:
        return None
    cut = len(pair.group("whole")) + 1 + decimals
    if not _GLUED_SECOND.fullmatch(piece, cut):
        return None
    first, second = _CELL.fullmatch(piece, 0, cut), _CELL.fullmatch(piece, cut)
    if first is None or second is None:
        return None
    return [(0, cut, first), (cut, len(piece), second)]


def _line_before(s: Sentence) -> str:
    """The folded line above a header, past blank lines (its title, which no rule may have read: "Share of GDP spent
    on defence" has no figure)."""
    end = s.doc.rfind("\n", 0, s.start)
    while end > 0 and not s.doc[s.doc.rfind("\n", 0, end) + 1:end].strip() and s.start - end < MAX_GAP:
        end = s.doc.rfind("\n", 0, end)
    return folded(s.doc[max(s.doc.rfind("\n", 0, end) + 1, end - MAX_HEADER):end]) if end > 0 else ""


def _note_decimals(table: Table, cells: Cells) -> None:
    """Keeps, per column, the decimals every row read so far gave it (-1 once they differ)."""
    table.decimals += [None] * (len(cells) - len(table.decimals))
    for i, (_, _, cell) in enumerate(cells):
        if cell is not None:
            number = cell.group("num")
            places = len(number) - number.index(".") - 1 if "." in number else 0
            known = table.decimals[i]
            table.decimals[i] = places if known is None or known == places else -1


def _header_text(s: Sentence) -> str | None:
    """The folded words of a line that may be a header, its cells run together parted ("Member2015", "GoalNotes"),
    or None when it holds a word no header holds."""
    if _GLUED_WORDS.search(s.text) is None:
        return s.low if s.words <= _vocabulary() else None
    low = folded(_GLUED_WORDS.sub(" ", s.text))
    return low if frozenset(_WORD.findall(low)) <= _vocabulary() else None


class TableRule(Rule):
    type = "ally_pct_gdp"
    code = "CLM-TABLE"
    # a row holds a digit; a header holds a label or a measure's word (or a "%" or "$")
    needs = ((header_words(), frozenset("0123456789%$#")),)

    def find(self, s: Sentence) -> list[Claim]:
        table = s.carry.table
        if table is not None and s.start - table.end > MAX_GAP:
            table = s.carry.table = None
        if table is not None and table.columns:
            if _ITEM_MARK.fullmatch(s.text):
                return []  # ("2." split off before its row "Latvia 2.87 1.3": the table goes on)
            found = self._row(s, table)
            if found is not None:
                table.end, table.rows, table.text_lines = s.end, table.rows + 1, 0
                return found
            if table.rows and table.figures < len(table.columns) and table.text_lines < MAX_TEXT_LINES:
                table.end, table.text_lines = s.end, table.text_lines + 1  # (its word columns' line: "3.00%-2035")
                return []
            if table.rows:
                s.carry.table = None  # (a line that is no row ends the table; a note may come before the first)
        if len(s.text) <= MAX_ROW and ("%" in s.text or "$" in s.text) and (found := self._first_row(s)):
            return found
        # (a line right under header lines, before any row, may go on with the header: "2024 Defence Outlays")
        goes_on = table is not None and not table.rows and not s.doc[table.end:s.start].strip()
        if len(s.text) > MAX_HEADER or not goes_on and s.words.isdisjoint(header_words()) and "%" not in s.low \
                and "$" not in s.low and "#" not in s.low:
            return []
        header = _header_text(s)
        if header is not None:
            self._header(s, header, table if goes_on else None)
        return []

    def _header(self, s: Sentence, header: str, above: Table | None) -> None:
        """Reads a header line (`header`: its words) into the carry's table: with the header lines right `above` it
        when they and it read as one, else alone; header words that do not read yet wait for the line after."""
        joined = f"{above.header} {header}" if above is not None else ""
        if above is not None and (columns := read_header(joined, above.before)) is not None:
            s.carry.table = Table(columns, above.year, s.end, header=joined, before=above.before)
            return
        before = _line_before(s)
        # (the year in force: one named at most two paragraphs up, "In 2017, members spent:")
        year = s.carry.year if s.paragraph - s.carry.paragraph <= YEAR_PARAGRAPHS else None
        if (columns := read_header(header, before)) is not None:
            s.carry.table = Table(columns, year, s.end, header=header, before=before)
        elif above is not None:
            s.carry.table = Table((), above.year, s.end, header=joined, before=above.before)
        elif (s.carry.table is None or not s.carry.table.columns) and not s.words.isdisjoint(header_words()):
            s.carry.table = Table((), year, s.end, header=header, before=before)  # ("Member2015 Defence Outlays")

    def _first_row(self, s: Sentence) -> list[Claim]:
        """A row with no header, whose cells name their own units ("Poland 3.26% $29.1bn"), right under a line that
        leads into it (ending with a colon, or a title without a full stop): its units are the columns (a % a share of
        GDP only where the line above names GDP; an amount in US$ at the scale written), and the rows after it are
        read against them."""
        before = _line_before(s)
        if not before or before.rstrip()[-1:] in (".", "!", "?") or len(before) > MAX_HEADER:
            return []
        m = _ROW.fullmatch(s.text)
        if m is None or _NOT_CELLS.search(m.group("cells")) or _row_subject(m.group("name")) is None:
            return []
        cells = _cells(m.group("cells"), m.start("cells"))
        if not cells or len(cells) < 2 and not cells[0][2]:
            return []
        columns = []
        for _, _, cell in cells:
            if cell is None:
                return []
            unit = _unit(cell)
            if unit == "%":
                columns.append(Column("pct_gdp" if _GDP_CONTEXT.search(before) else "skip", None))
            elif cell.group("cur") and unit in _SCALES:
                columns.append(Column("usd", None, _SCALES[unit]))
            else:
                return []  # (a bare number, or an amount of no known currency or scale: what it is is not said)
        if all(c.measure == "skip" for c in columns):
            return []
        year = s.carry.year if s.paragraph - s.carry.paragraph <= YEAR_PARAGRAPHS else None
        table = Table(tuple(columns), year, s.end, rows=1)
        found = self._row(s, table)
        if found:
            s.carry.table = table
        return found or []

    def _row(self, s: Sentence, table: Table) -> list[Claim] | None:
        """The claims of a row of `table`, [] for a row that cannot be read surely, None for a line that is no row."""
        m = _ROW.fullmatch(s.text)
        if m is None:
            return None
        subject = _row_subject(m.group("name"))
        start = m.start("cells")
        # (cells apart by tabs or pipes: a dash between is an empty cell, "Norway\t—\t24.3")
        dashes = len(_DASH_CELL.findall(m.group("sep"))) if "\t" in s.text or "|" in s.text else 0
        wanted = table.figures - dashes if table.figures < len(table.columns) else None
        cells = _cells(m.group("cells"), start, wanted, table.decimals[dashes:])
        if _NOT_CELLS.search(s.text, start, cells[-1][1] if wanted is not None and cells else m.end("cells")):
            return None  # ("Poland 2025 budget rises": prose, no row)
        if subject is None:
            # a row of someone no lexicon names ("Total", "NATO average", a misspelt ally): the table's, for nobody
            return [] if _OTHER_ROW_NAME.fullmatch(m.group("name").strip(" |")) and cells else None
        for i, q in enumerate(s.quantities):  # (the row's figures are the table's, read or not)
            if q.end > start:
                s.used.add(i)
        if cells is None:
            return []
        cells[:0] = [(start, start, None)] * dashes
        columns = table.columns
        if len(cells) == len(columns) + 1 and m.group("rank") is None and cells[0][2] is not None \
                and cells[0][2].group("num").isdigit() and not cells[0][2].group("unit"):
            cells = cells[1:]  # ("| 3 | Norway | ...": a rank first)
        if len(cells) > len(columns) or not cells:
            return []
        out = []
        for (a, b, cell), column in zip(cells, columns, strict=False):
            if cell is None or column.measure in NO_CLAIM:
                continue
            claim = self._cell(s, subject, a, b, cell, column, table)
            if claim is None:
                return []  # (a value that does not fit its column: the columns are not what they seem)
            out.append(claim)
        _note_decimals(table, cells)
        return out

    def _cell(self, s: Sentence, subject: str, start: int, end: int, cell: re.Match, column: Column,
              table: Table) -> Claim | None:
        number = cell.group("num").replace(",", "")
        value, decimals = parse_number(number)
        unit, currency = _unit(cell), cell.group("cur")
        if cell.group("sign") in ("-", "−"):
            value = -value
        text = s.text[start:end - len(cell.group("mark") or "")]
        year = column.year or table.year
        if column.measure == "real_change":
            if currency or unit not in ("", "%") or not -60 < value < 200:
                return None
            q = Quantity(start, end, "pct", value, decimals, "eq", text, listed=True)
            return Claim("real_change", "CLM-REAL-CHANGE", s, subject, "def_exp_real_change_pct", value, "eq",
                         year if year is not None else s.year_for(q)[0], q,
                         {"decimals": decimals, "unstated_basis": False, "plan": False, "table": True}, self)
        if value < 0:
            return None
        if column.measure in ("pct_gdp", "equipment"):
            if currency or unit not in ("", "%") or value > (MAX_PLAUSIBLE_PCT_GDP if column.measure == "pct_gdp" else MAX_EQUIPMENT):
                return None
            q = Quantity(start, end, "pct", value, decimals, "eq", text, listed=True)
            if year is None:
                year = s.year_for(q)[0]
            if column.measure == "equipment":
                if len(subject) != 3:
                    return None
                return Claim("spending_category", "CLM-CATEGORY", s, subject, "equipment_pct", value, "eq", year, q,
                             {"plan": False, "decimals": decimals, "table": True}, self)
            kind = "ally_pct_gdp" if len(subject) == 3 else "group_pct_gdp"
            return Claim(kind, "CLM-PCT-GDP", s, subject, "def_exp_pct_gdp", value, "eq", year, q,
                         {"plan": False, "table": True}, self)
        scale = column.scale
        if unit == "%" or unit in _SCALES and _SCALES[unit] != scale:
            return None  # (a unit the column does not have)
        q = Quantity(start, end, "money", value * scale, decimals, "eq", text, "USD",
                     {1.0: "billion", 0.001: "million", 1000.0: "trillion"}.get(scale, ""), listed=True)
        if year is None:
            year = s.year_for(q)[0]
        return Claim("spending_usd", "CLM-USD", s, subject, "def_exp_usd_bn", value * scale, "eq", year, q,
                     {"plan": False, "span": False, "span_years": None, "scale": scale, "basis": None, "table": True}, self)
