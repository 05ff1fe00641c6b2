"""Indicator tables -> the Plan: values by period, comparison columns, structures, parts.

Works on Tables from every reader: Word (rows exact, merged cells spanning) and
text (rows inferred by plancheck.read.pipe_table).

1. Header rows are the rows before the first body row: a row that starts with a
   row number followed by text ("I | CHỈ TIÊU KINH TẾ", "1 | Tốc độ tăng ..."), or
   that holds a figure other than a year or a column code ("(1) | (2) | (3)=(2)/(1)").
2. Each column's label is the header texts covering it, top to bottom
   ("Năm 2023" over "Kế hoạch" gives "Năm 2023 Kế hoạch"). A label is compared
   without case or diacritics, so "ƯTH", "UTH" and "Ước TH" read alike. It says
   the column's role: STT, name ("Chỉ tiêu", "Nội dung"), unit ("Đơn vị", "ĐVT"),
   a comparison ("ƯTH 2023 so với thực hiện 2022 (%)": a ratio of two period
   columns; "Tăng/giảm (%)": a growth rate) or a period: a kind (ước -> estimate,
   mục tiêu or giai đoạn -> target, kế hoạch/KH -> plan, thực hiện/TH -> actual)
   and a year or a span of years. A kind without a year takes the document's
   year (plan, target) or the year before (estimate, actual); a year without a
   kind is the plan when it is the document's year or later. Partial periods
   ("6 tháng", "quý I") and averages ("bình quân") are left alone.
3. Each body row becomes a line: STT, name, unit, one Value per period cell that
   holds a number (each located at its cell), one per comparison cell. Cells
   that hold no number ("-", "x", "Đạt") are skipped. A name column cell over a
   sub-item written where the unit goes ("3 | Cơ cấu kinh tế (%) | - Nông, lâm
   nghiệp ... | 25,1 ...") gives two lines: the heading and the item. A unit in
   parentheses closing a name with no unit of its own ("... hiện hành (%)") is
   the unit.
4. Lines are read in order. Section lines (no figures; Roman or capital-letter
   STT, or a name in capitals) are skipped. A line without values of its own
   whose name starts "Cơ cấu" / "Tỷ trọng" or says "tỷ trọng ... trong GRDP"
   opens a structure: the lines after it that are not numbered like indicators
   and hold shares are its components, and every period with two or more
   component values is one Structure (total: the rule's default 100%); if no
   period has two, those lines are indicators after all. A line written
   "TĐ: ..." or "Trong đó: ...", or a sub-item after a bare "Trong đó:" line, is
   a part of the last line that was not a part (a PartOfWhole per period;
   same_base only for two shares, neither a rate of change). Every other line
   with a name is an Indicator, numbered or not: an unnumbered line under
   another one is its own indicator, not a part.
5. ``TableFigures.numbered`` lists the top-level numbered lines ("1. ...",
   STT 1..N, sub-numbers and letters excluded) for stated counts; in the Plan
   they are the indicators whose id is all digits.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..models import (
    Comparison,
    ComparisonKind,
    Component,
    Indicator,
    Observation,
    Operand,
    PartOfWhole,
    Period,
    PeriodKind,
    Plan,
    Structure,
    Value,
)
from ..models.document import Cell, Row, Table
from ..models.location import Location
from ..numbers import NotANumber, parse_value
from ..text import bare
from ..units import UnitKind, parse_unit
from .cells import filled
from ..lazyre import lazy_compile

__all__ = ["TableFigures", "read_table", "tables_to_plan"]

# -- vocabulary (matched on folded text: caseless, without diacritics, đ -> d) ----------

_STT_LABEL = lazy_compile(r"^(stt|tt|so tt|so thu tu)$")
_NAME_LABEL = lazy_compile(r"^(cac )?(chi tieu|noi dung|ten chi tieu|danh muc|hang muc|linh vuc)( chu yeu)?$")
_UNIT_LABEL = lazy_compile(r"^(don vi( tinh)?|dvt)$")
_KINDS = [  # order matters: "ước thực hiện" is an estimate, not an actual
    (PeriodKind.estimate, re.compile(r"\b(uoc|uth)\b")),
    (PeriodKind.target, re.compile(r"\bmuc tieu\b")),
    # "DT 2025" is a budget (dự toán) only before a year: "DT (ha)" is an area
    (PeriodKind.plan, re.compile(r"\b(ke hoach|kh|du kien|du toan)\b|\bdt\s+(?:nam\s+)?(?:19|20)\d\d\b")),
    (PeriodKind.actual, re.compile(r"\b(thuc hien|th|ket qua|thuc te)\b")),
]
_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")
_YEAR_SPAN = lazy_compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
_PARTIAL_PERIOD = lazy_compile(r"\b(\d+ thang|thang \d+|quy [ivx\d]+|binh quan)\b")
_COMPARE_GROUP = lazy_compile(r"\bso sanh\b")
_COMPARE_SPLIT = lazy_compile(r"\bso voi\b|/|\bvoi\b")   # "DT 2025 với UTH 2024 (%)": "so" left out
# a column code that is a formula of others: "3=2/1", "(5)=(4)/(3)", "6 = 5/4*100"
_FORMULA = lazy_compile(r"\(?(\d{1,2})\)?\s*=\s*\(?(\d{1,2})\)?\s*[/:]\s*\(?(\d{1,2})\)?(?:\s*[x*×]\s*100)?")
_CHANGE_WORDS = lazy_compile(r"\btang\s*[/,]?\s*(\(\+\)\s*)?,?\s*giam\b|\btang\b|\bgiam\b")
_PREFERRED_KINDS = [PeriodKind.estimate, PeriodKind.actual, PeriodKind.plan, PeriodKind.target]

_ROW_NUMBER = lazy_compile(r"(\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zA-ZđĐ])[.)]?")
_TOP_NUMBER = lazy_compile(r"\d{1,3}\.?")
_SECTION_NUMBER = lazy_compile(r"([IVXLC]{1,6}|[A-ZĐ])[.)]?")
_CODE_CELL = lazy_compile(r"[(\[]?(\d{1,2}|[A-Z])[)\]]?(\s*=.*)?")
_LIST_MARKER = lazy_compile(r"^\s*[-+–•*]\s*")
_PART_MARKER = lazy_compile(r"^\s*(?:[-+–•*]\s*)?(tđ|trong đó)(?!\w)\s*[:.,]?\s*", re.IGNORECASE)
_UNIT_IN_NAME = lazy_compile(r"\s*\(([^()]{1,25})\)\s*$")
# "Cơ cấu kinh tế ..." announces shares; "tái cơ cấu doanh nghiệp" (restructuring) does not.
_STRUCTURE_NAME = lazy_compile(r"^(co cau|ty trong)\b.*|\bty trong\b.*\b(grdp|gdp|tong san pham)\b")
_CHANGE_NAME = lazy_compile(r"\b(tang|giam|toc do|tang truong)\b")
_SUB_NAME_MIN_LENGTH = 25
_MAX_COLUMNS = 200  # wider is no indicator table (and would be slow to read cell by cell)


@dataclass(frozen=True)
class PeriodColumn:
    column: int
    period: Period
    label: str      # the column's header texts, top to bottom


@dataclass(frozen=True)
class ComparisonColumn:
    column: int
    kind: ComparisonKind
    numerator: PeriodColumn
    denominator: PeriodColumn
    label: str      # the column's own heading ("ƯTH 2023 so với thực hiện 2022 (%)")


@dataclass
class Columns:
    stt: int | None = None
    name: int | None = None
    unit: int | None = None
    periods: list[PeriodColumn] = field(default_factory=list)
    comparisons: list[ComparisonColumn] = field(default_factory=list)


@dataclass
class TableFigures:
    """What one table says."""

    indicators: list[Indicator] = field(default_factory=list)
    structures: list[Structure] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    parts: list[PartOfWhole] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)  # top-level numbered rows: "1. Tốc độ tăng ..."


def tables_to_plan(tables: list[Table], plan: Plan, *, document_year: int | None = None) -> None:
    """Add what the indicator tables say to ``plan``; other tables add nothing."""
    for table in tables:
        figures = read_table(table, document_year=document_year)
        plan.indicators += figures.indicators
        plan.structures += figures.structures
        plan.comparisons += figures.comparisons
        plan.parts += figures.parts


def read_table(table: Table, *, document_year: int | None = None) -> TableFigures:
    """The figures of one table (nothing for a table without period columns)."""
    if table.columns > _MAX_COLUMNS:
        return TableFigures()
    header_count = _header_row_count(table)
    columns = _columns(table, header_count, document_year)
    if not columns.periods:
        return TableFigures()
    lines = _lines(table.rows[header_count:], columns)
    return _Reader(columns).read(lines)


# -- text ------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _number(cell: Cell | None) -> Value | None:
    """The figure a cell holds, located at the cell; None for "-", "x", "Đạt", ""."""
    if cell is None or cell.column_span > 1 or not cell.text.strip():
        return None
    try:
        return parse_value(cell.text, cell.location)
    except (NotANumber, ArithmeticError, ValueError):
        return None


# -- 1. header rows ---------------------------------------------------------------------

def _header_row_count(table: Table) -> int:
    for k, row in enumerate(table.rows):
        if _is_body_row(row):
            return k
    return len(table.rows)


def _is_body_row(row: Row) -> bool:
    cells = filled(row)
    if not cells or _is_code_row(cells):
        return False
    if len(cells) > 1 and _ROW_NUMBER.fullmatch(cells[0].text.strip()) and _number(cells[1]) is None:
        return True
    return any(_number(c) is not None and not _YEAR.fullmatch(c.text.strip()) for c in cells)


def _is_code_row(cells: list[Cell]) -> bool:
    """Column codes under a header: "A | B | 1 | 2 | 3=2/1"."""
    return len(cells) >= 3 and all(_CODE_CELL.fullmatch(c.text.strip()) for c in cells)


# -- 2. columns ------------------------------------------------------------------------------

def _labels(table: Table, header_count: int) -> dict[int, tuple[str, str]]:
    """Column -> (all header texts over it, the lowest one)."""
    labels = {}
    for col in range(table.columns):
        texts: list[str] = []
        for row in table.rows[:header_count]:
            cell = row.cell_at(col)
            text = _clean(cell.text) if cell is not None else ""
            if text and (not texts or texts[-1] != text) and not _CODE_CELL.fullmatch(text):
                texts.append(text)  # a vertically merged cell repeats: keep it once
        if texts:
            labels[col] = (" ".join(texts), texts[-1])
    return labels


def _columns(table: Table, header_count: int, document_year: int | None) -> Columns:
    columns = Columns()
    labels = _labels(table, header_count)
    for col, (label, _) in sorted(labels.items()):
        folded = bare(label)
        trimmed = folded.strip(" :.()")
        if _STT_LABEL.match(trimmed):
            columns.stt = col
        elif _NAME_LABEL.match(trimmed):
            columns.name = col
        elif _UNIT_LABEL.match(trimmed):
            columns.unit = col
        elif not _is_comparison_label(folded) and (period := _period(folded, document_year)):
            if all(p.period != period for p in columns.periods):
                columns.periods.append(PeriodColumn(col, period, label))
    for col, (label, leaf) in sorted(labels.items()):
        folded = bare(label)
        if _is_comparison_label(folded) and (comparison := _comparison(col, folded, leaf, columns.periods)):
            columns.comparisons.append(comparison)
    for comparison in _formula_comparisons(table, header_count, labels, columns.periods):
        heading = [c for c in columns.comparisons if c.column == comparison.column]
        if heading and (heading[0].kind, heading[0].numerator, heading[0].denominator) != \
                (comparison.kind, comparison.numerator, comparison.denominator):
            columns.comparisons.remove(heading[0])   # the heading and the formula disagree: which holds, neither says
        elif not heading:
            columns.comparisons.append(comparison)
    if columns.periods:
        _guess_missing_roles(table, header_count, columns)
    return columns


def _formula_comparisons(table: Table, header_count: int, labels: dict[int, tuple[str, str]],
                         periods: list[PeriodColumn]) -> list[ComparisonColumn]:
    """Ratio columns a code row defines ("A | B | 1 | 2 | 3=2/1" under the headings): column 3 is
    column 2 over column 1 in percent, whatever its heading says ("So sánh (%)"), when both are
    period columns. The formula is the table's own statement of what the column holds."""
    out: list[ComparisonColumn] = []
    for row in table.rows[:header_count]:
        cells = filled(row)
        if not _is_code_row(cells):
            continue
        code_at = {}
        for cell in cells:
            m = re.match(r"\(?(\d{1,2})\)?", cell.text.strip())
            if m:
                code_at[m.group(1)] = cell.column
        by_column = {p.column: p for p in periods}
        for cell in cells:
            f = _FORMULA.fullmatch(cell.text.strip())
            heading = labels.get(cell.column, ("", ""))[0]
            if not f or re.search(r"\blần\b", heading, re.IGNORECASE) or \
                    ("%" not in heading + cell.text and "100" not in f.group(0)):
                continue   # a ratio in percent: "(%)" over it or "×100" in it; "(lần)" is times
            num, den = by_column.get(code_at.get(f.group(2))), by_column.get(code_at.get(f.group(3)))
            if num is not None and den is not None and num != den:
                out.append(ComparisonColumn(cell.column, ComparisonKind.ratio, num, den,
                                            labels.get(cell.column, (cell.text, cell.text))[1]))
    return out


def _is_comparison_label(folded: str) -> bool:
    return bool(_COMPARE_GROUP.search(folded) or re.search(r"\bso voi\b", folded)
                or _CHANGE_WORDS.search(folded) or _split_operands(folded))


@dataclass(frozen=True)
class _PeriodRef:
    kind: PeriodKind | None
    year: int | None


def _period_ref(folded: str) -> _PeriodRef | None:
    kind = next((k for k, pattern in _KINDS if pattern.search(folded)), None)
    years = _YEAR.findall(folded)
    if kind is None and not years:
        return None
    return _PeriodRef(kind, int(years[0]) if years else None)


# Without a year, a kind word heads a period label only when little else follows it
# ("Kế hoạch", "Ước TH cả năm", "Thực hiện 9 tháng" is partial): a label that goes on
# to say how ("qua", "trực tuyến") names something else.
_NOT_A_PERIOD = lazy_compile(r"\b(qua|bang|theo|truc tuyen|toan trinh|mot phan|buu chinh)\b")


def _period(folded: str, document_year: int | None) -> Period | None:
    """The period a column label names, or None."""
    if _PARTIAL_PERIOD.search(folded):
        return None
    ref = _period_ref(folded)
    span = _YEAR_SPAN.search(folded)
    kind = ref.kind if ref else None
    if kind is None and (span or re.search(r"\bgiai doan\b", folded)):
        kind = PeriodKind.target
    if kind is None and ref and ref.year and document_year and ref.year >= document_year:
        kind = PeriodKind.plan  # "Năm 2024" in a plan for 2024
    if kind is None:
        return None  # an earlier year alone says nothing of the kind (actual? estimate?)
    if not (ref and ref.year) and not span and _NOT_A_PERIOD.search(folded):
        return None  # "Thực hiện qua dịch vụ công trực tuyến": a way of doing, not a period
    if span:
        return Period(year=int(span[1]), kind=kind, end_year=int(span[2]))
    year = ref.year if ref and ref.year else _default_year(kind, document_year)
    return Period(year=year, kind=kind) if year else None


def _default_year(kind: PeriodKind, document_year: int | None) -> int | None:
    if document_year is None:
        return None
    return document_year if kind in (PeriodKind.plan, PeriodKind.target) else document_year - 1


def _split_operands(folded: str) -> tuple[_PeriodRef, _PeriodRef] | None:
    """ "uth 2023 so voi th 2022 (%)" -> (estimate 2023, actual 2022)."""
    text = _CHANGE_WORDS.sub(" ", _COMPARE_GROUP.sub(" ", folded))
    parts = _COMPARE_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    left, right = _period_ref(parts[0]), _period_ref(parts[1])
    if left is None or right is None:
        return None
    if left.year is None and right.kind != left.kind:  # "ƯTH so với KH 2023": the same year
        left = _PeriodRef(left.kind, right.year)
    if right.year is None and right.kind != left.kind:
        right = _PeriodRef(right.kind, left.year)
    return left, right


def _resolve(ref: _PeriodRef, periods: list[PeriodColumn]) -> PeriodColumn | None:
    found = [p for p in periods
             if (ref.year is None or p.period.year == ref.year) and (ref.kind is None or p.period.kind == ref.kind)]
    if len(found) > 1 and ref.kind is None and ref.year is not None:
        found.sort(key=lambda p: _PREFERRED_KINDS.index(p.period.kind))
        return found[0]
    return found[0] if len(found) == 1 else None


def _comparison(col: int, folded: str, leaf: str, periods: list[PeriodColumn]) -> ComparisonColumn | None:
    kind = ComparisonKind.growth if _CHANGE_WORDS.search(folded) else ComparisonKind.ratio
    operands = _split_operands(folded)
    if operands:
        numerator, denominator = (_resolve(ref, periods) for ref in operands)
    elif kind == ComparisonKind.growth:  # "Tăng/giảm (%)": the two period columns before it
        before = [p for p in periods if p.column < col][-2:]
        numerator, denominator = (before[1], before[0]) if len(before) == 2 else (None, None)
    else:
        return None
    if numerator is None or denominator is None or numerator == denominator:
        return None
    return ComparisonColumn(col, kind, numerator, denominator, leaf)


def _guess_missing_roles(table: Table, header_count: int, columns: Columns) -> None:
    """Without "STT" / "Chỉ tiêu" / "Đơn vị" headings: what the first columns hold."""
    body = table.rows[header_count:]
    first_value = min(p.column for p in columns.periods)
    if columns.stt is None and first_value > 0 and _mostly(body, 0, lambda t: bool(_ROW_NUMBER.fullmatch(t))):
        columns.stt = 0
    if columns.name is None:
        start = 0 if columns.stt is None else columns.stt + 1
        columns.name = start if start < first_value else None
    if columns.unit is None and columns.name is not None and columns.name + 1 < first_value:
        candidate = columns.name + 1
        if _mostly(body, candidate, lambda t: parse_unit(t).known):
            columns.unit = candidate


def _mostly(rows: list[Row], col: int, test) -> bool:
    texts = [c.text.strip() for r in rows if (c := r.cell_at(col)) is not None and c.text.strip()]
    return bool(texts) and sum(map(test, texts)) * 2 > len(texts)


# -- 3. lines --------------------------------------------------------------------------------

@dataclass
class _Line:
    """One logical line of a table."""

    stt: str | None
    name: str
    unit: str | None
    location: Location
    values: dict[Period, Value] = field(default_factory=dict)
    compared: list[tuple[ComparisonColumn, Value]] = field(default_factory=list)
    sub: bool = False           # a sub-item: "- CN - XD", or written under a heading
    part: bool = False          # "TĐ: ...", "Trong đó: ..."

    @property
    def has_figures(self) -> bool:
        return bool(self.values or self.compared)

    @property
    def top_level(self) -> bool:
        return self.stt is not None and bool(_TOP_NUMBER.fullmatch(self.stt))


def _text_at(row: Row, col: int | None) -> tuple[str, Cell | None]:
    cell = row.cell_at(col) if col is not None else None
    return (_clean(cell.text), cell) if cell is not None else ("", None)


def _lines(rows: list[Row], columns: Columns) -> list[_Line]:
    lines: list[_Line] = []
    previous_heading: tuple[str | None, str] | None = None
    for row in rows:
        stt, stt_cell = _text_at(row, columns.stt)
        name, name_cell = _text_at(row, columns.name)
        unit, unit_cell = _text_at(row, columns.unit)
        stt = stt if _ROW_NUMBER.fullmatch(stt) else None
        if _is_sub_name(unit):  # the item stands where the unit goes, under a heading
            if name and (stt, name) != previous_heading:
                lines.append(_line(stt, name, "", name_cell or stt_cell))
            previous_heading = (stt, name) if name else previous_heading
            line = _line(None, unit, "", unit_cell, sub=True)
        else:
            previous_heading = None
            line = _line(stt, name, unit, name_cell or stt_cell or unit_cell)
        _fill(line, row, columns)
        if line.name or line.has_figures or line.part:
            lines.append(line)
    return lines


def _is_sub_name(text: str) -> bool:
    """Text in the unit column that names an item ("- Nông, lâm nghiệp, thủy sản") rather than a unit."""
    if not text or parse_unit(text).known:
        return False
    marked = _LIST_MARKER.match(text) or _PART_MARKER.match(text)
    return bool(marked) or (len(text) >= _SUB_NAME_MIN_LENGTH and len(text.split()) >= 4)


def _line(stt: str | None, name: str, unit: str, cell: Cell | None, sub: bool = False) -> _Line:
    part = bool(_PART_MARKER.match(name))
    sub = sub or bool(_LIST_MARKER.match(name))
    name = _LIST_MARKER.sub("", _PART_MARKER.sub("", name, count=1), count=1).strip()
    if not unit and (m := _UNIT_IN_NAME.search(name)) and parse_unit(m[1]).known:
        name, unit = name[: m.start()].strip(), m[1].strip()
    location = cell.location if cell is not None else Location()
    unit = parse_unit(unit).text if unit else None  # "Triệu đồng/người/ năm" (a line break) as one unit
    return _Line(stt=stt, name=name, unit=unit, location=location, sub=sub, part=part)


def _fill(line: _Line, row: Row, columns: Columns) -> None:
    for pc in columns.periods:
        if (value := _number(row.cell_at(pc.column))) is not None:
            line.values[pc.period] = value
    for cc in columns.comparisons:
        if (value := _number(row.cell_at(cc.column))) is not None:
            line.compared.append((cc, value))


# -- 4. what the lines say -------------------------------------------------------------------

class _Reader:
    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.figures = TableFigures()
        self.whole: _Line | None = None          # what a "trong đó" line is part of
        self.in_parts = False                    # after a bare "Trong đó:" line
        self.structure: _Line | None = None      # an open "cơ cấu" line
        self.components: list[_Line] = []

    def read(self, lines: list[_Line]) -> TableFigures:
        for line in lines:
            self.take(line)
        self.close_structure()
        return self.figures

    def take(self, line: _Line) -> None:
        if self.structure is not None and self.is_component(line):
            self.components.append(line)
            return
        self.close_structure()
        self.take_line(line)

    def take_line(self, line: _Line) -> None:
        if _is_section(line):
            self.whole, self.in_parts = None, False
            return
        if line.part and not line.name and not line.has_figures:
            self.in_parts = True  # "Trong đó:" alone: the sub-items below are parts
            return
        if not line.name:
            return
        self.add_indicator(line)
        if (line.part or (self.in_parts and line.sub)) and self.whole is not None:
            self.figures.parts += _parts(self.whole, line)
        else:
            self.whole, self.in_parts = line, False
        if not line.values and _STRUCTURE_NAME.search(bare(line.name)):
            self.structure = line  # a heading: its shares are on the lines below

    def is_component(self, line: _Line) -> bool:
        """An item under a "cơ cấu" line: not numbered like an indicator, a share."""
        if line.top_level or line.part or not line.name:
            return False
        unit = parse_unit(line.unit).kind if line.unit else None
        return (line.sub or line.stt is None) and unit in (None, UnitKind.share)

    def add_indicator(self, line: _Line) -> None:
        values = [Observation(period=p, value=v) for p, v in line.values.items()]
        self.figures.indicators.append(
            Indicator(id=line.stt, name=line.name, unit=line.unit, values=values, location=line.location,
                          origin="table"))
        self.figures.comparisons += _comparisons(line)
        if line.top_level:
            self.figures.numbered.append(f"{line.stt.rstrip('.')}. {line.name}")

    def close_structure(self) -> None:
        heading, components = self.structure, self.components
        self.structure, self.components = None, []
        if heading is None:
            return
        structures = _structures(heading, components, self.columns)
        if not structures:  # no two shares side by side: the lines were indicators after all
            for line in components:
                self.take_line(line)
            return
        self.figures.structures += structures
        self.figures.comparisons += [c for line in components for c in _comparisons(line)]


def _is_section(line: _Line) -> bool:
    if line.has_figures:
        return False
    letters = [ch for ch in line.name if ch.isalpha()]
    capitals = bool(letters) and all(ch.isupper() for ch in letters)
    return bool(line.stt and _SECTION_NUMBER.fullmatch(line.stt)) or capitals


def _comparisons(line: _Line) -> list[Comparison]:
    out = []
    for cc, value in line.compared:
        numerator, denominator = line.values.get(cc.numerator.period), line.values.get(cc.denominator.period)
        if numerator is None or denominator is None:
            continue
        out.append(Comparison(
            indicator=line.name, kind=cc.kind, value=value, label=cc.label, location=value.location, unit=line.unit,
            numerator=Operand(label=cc.numerator.label, value=numerator),
            denominator=Operand(label=cc.denominator.label, value=denominator)))
    return out


def _structures(heading: _Line, components: list[_Line], columns: Columns) -> list[Structure]:
    out = []
    unit = heading.unit or "%"
    if parse_unit(unit).kind != UnitKind.share:
        return out  # shares of 100 only: components in money add up to their heading instead
    for pc in columns.periods:
        parts = [Component(name=c.name, value=c.values[pc.period]) for c in components if pc.period in c.values]
        if len(parts) >= 2:
            out.append(Structure(name=heading.name, period=pc.period, components=parts, total=None,
                                 unit=unit, location=parts[0].value.location))
    return out


def _parts(whole: _Line, part: _Line) -> list[PartOfWhole]:
    part_unit = part.unit or whole.unit
    out = []
    for period, value in part.values.items():
        if period not in whole.values:
            continue
        out.append(PartOfWhole(
            whole_name=whole.name, whole=whole.values[period], whole_unit=whole.unit,
            part_name=part.name, part=value, part_unit=part_unit, period=period,
            same_base=_same_base(whole, part, part_unit), location=value.location))
    return out


def _same_base(whole: _Line, part: _Line, part_unit: str | None) -> bool | None:
    """Shares are parts only of the same base; rates of change never are."""
    shares = [parse_unit(u or "").kind == UnitKind.share for u in (whole.unit, part_unit)]
    if not any(shares):
        return None
    changes = any(_CHANGE_NAME.search(bare(n)) for n in (whole.name, part.name))
    return all(shares) and not changes
