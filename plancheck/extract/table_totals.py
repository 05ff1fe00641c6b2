"""A table's "Tổng số" row against the numbered rows it totals, column by column.

    | I. | Bộ, ngành |                                 |
    | 1. | Bộ Tư pháp      | 19 | 07 | 12 | …          |
    | 2. | Bộ Văn hóa, …   | 70 | -  | 70 | …          |
    | …                                                |
    | Tổng số            | 1.885 | 169 | 1.716 | …    |   ← each column: the sum of rows 1., 2., …

The rows a total covers are the numbered rows of its section (since the last heading
row "I.", "II." or the table's start) above it, or, when none is above, those below it up
to the next heading; a total under sections whose headings carry subtotals ("II | 80")
totals the sections, and is left alone. Cells are aligned from the right: a total row often has no STT cell
and its figures sit one column to the left of the rows'. Columns of rates (a decimal
comma, "%") are no sums and are left out; "-" and an empty cell count as nothing.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..certainty import Assumption
from ..models import Breakdown, Component, Value
from ..models.document import Cell, Row, Table
from .cells import YEAR_LABEL, figure, filled, text_of
from ..lazyre import lazy_compile

_TOTAL = lazy_compile(r"^\**\s*(?:tổng\s+số|tổng\s+cộng|cộng|tổng)\s*\**\s*:?$", re.IGNORECASE)
# "Tổng giai đoạn 2026-2030", "Cộng 2021 - 2025": a total over the year rows above it
_PERIOD_TOTAL = lazy_compile(r"^\**\s*(?:tổng|cộng)\b[^\d]{0,30}?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*\**\s*:?$",
                           re.IGNORECASE)
_NUMBERED = lazy_compile(r"^\d{1,3}\.?$")
_HEADING = lazy_compile(r"^(?:[IVX]{1,5}|[A-Z])\.?$")
_NIL = {"-", "–", "—", ""}
_MIN_ROWS = 2
_SUM_ABOVE = Decimal("1.5")   # a total this far above its largest row is no average of the rows


def totals_in_tables(tables: list[Table]) -> list[Breakdown]:
    out: list[Breakdown] = []
    for table in tables:
        rows = table.rows
        for k, row in enumerate(rows):
            texts = filled(row)
            if texts and (years := _PERIOD_TOTAL.match(texts[0].text.strip())):
                out += _period_total(table, rows, k, texts, int(years.group(1)), int(years.group(2)))
                continue
            if not texts or not any(_TOTAL.match(t.text.strip()) for t in texts[:2]):
                continue
            total = _figures(row)
            if len(total) < 1:
                continue
            members, strays = _members(rows, k)
            if len(members) < _MIN_ROWS:
                continue
            assumed = []
            if table.rows_from == "inferred" or any(_holes(r) for r in (*members, row, *strays)):
                assumed.append(Assumption.aligned.value)   # an empty cell shifts the figures read from the right
            if strays:
                assumed.append(Assumption.complete.value)  # a row without its STT may be one of the total's
            out += _columns(texts, total, [_figures(r) for r in members], assumed)
    return out


def _period_total(table: Table, rows: list[Row], k: int, texts: list[Cell], first: int, last: int) -> list[Breakdown]:
    """A period's total row and the rows of its years just above it, one row a year, every year
    of the period: the rows are the total's parts by their labels, nothing assumed but alignment."""
    if not 2 <= last - first + 1 <= 30:
        return []
    span = last - first + 1
    members = rows[k - span: k] if k >= span else []
    years = [YEAR_LABEL.match(_stt(r)) for r in members]
    if not members or not all(years) or [int(y.group(1)) for y in years] != list(range(first, last + 1)):
        return []
    total = _figures(rows[k])
    assumed = [Assumption.aligned.value] if table.rows_from == "inferred" or any(
        _holes(r) for r in (*members, rows[k])) else []
    # a count over the period may count one thing in several years ("Số dự án được bố trí vốn":
    # a project funded three years running is one project): its yearly counts add up only if
    # none recurs, an assumption; amounts (money, area, output) add up
    heads = [text_of(c) for c in reversed(filled(rows[0]))] if k > 0 else []
    counted = {j for j, head in enumerate(heads) if _COUNTED_HEAD.match(head)}
    return _columns(texts, total, [_figures(r) for r in members], assumed, sums_of_decimals=True, counted=counted)


_COUNTED_HEAD = lazy_compile(r"^\**\s*(?:số\b|số\s+lượng\b)", re.IGNORECASE)


def _holes(row: Row) -> bool:
    """Whether the row has an empty cell between two figures: read from the right, its figures
    may stand a column off (an empty "Ghi chú" cell at the end moves nothing)."""
    seen = hole = False
    for cell in sorted(row.cells, key=lambda c: c.column):
        if not cell.text.strip():
            hole = seen
        elif figure(cell) is not None:
            if hole:
                return True
            seen = True
    return False


def _stray(row: Row) -> bool:
    """A row with figures and no STT that may be a numbered row which lost it; a sub-row ("-",
    "+", "a)") and a row of blanks are not."""
    stt = _stt(row)
    return any(v is not None for v in _figures(row)) and not re.match(r"^(?:[-+*•–]|[a-zđ]\)?)$", stt)


def _stt(row: Row) -> str:
    texts = filled(row)
    return texts[0].text.strip() if texts else ""


def _members(rows: list[Row], k: int) -> tuple[list[Row], list[Row]]:
    """The numbered rows of the total's section: above it, else below it; and how many rows
    among them carry figures without a number (a row whose STT was lost may be one of them)."""
    above: list[Row] = []
    strays: list[Row] = []
    for row in reversed(rows[:k]):
        stt = _stt(row)
        if _HEADING.match(stt) and any(v is not None for v in _figures(row)):
            return [], []   # the section heads carry their own subtotals: the total is theirs, not these rows'
        if _HEADING.match(stt) or _TOTAL.match(stt):
            break
        if _NUMBERED.match(stt):
            above.append(row)
        elif above and _stray(row):
            strays.append(row)
    if above:
        return above[::-1], strays
    below: list[Row] = []
    strays = []
    for row in rows[k + 1:]:
        stt = _stt(row)
        if _HEADING.match(stt) or _TOTAL.match(stt):
            break
        if _NUMBERED.match(stt):
            below.append(row)
        elif below and _stray(row):
            strays.append(row)
    return below, strays


def _figures(row: Row) -> list[Value | None]:
    """The row's trailing cells as figures (None for "-" or an empty cell), right to left;
    stops at the first cell that is text."""
    out: list[Value | None] = []
    for cell in reversed(filled(row)):
        if text_of(cell) in _NIL:
            out.append(None)
            continue
        value = figure(cell)
        if value is None:
            break
        out.append(value)
    return out


def _columns(texts: list[Cell], total: list[Value | None], members: list[list[Value | None]],
             assumed: list[str], sums_of_decimals: bool = False, counted: set[int] = frozenset()) -> list[Breakdown]:
    """One breakdown a column. ``sums_of_decimals``: a column of figures with decimals is summed
    when its total is well above every row's figure ("3.682,35 … 4.760,35 | 22.123,39"), which
    an average or a rate of the rows never is. ``counted``: the columns (from the right) whose
    rows count things that may recur, summed assuming they do not (siblings)."""
    name = text_of(texts[0])
    out = []
    for j, whole in enumerate(total):
        if whole is None or "%" in whole.text:
            continue
        parts = [m[j] if j < len(m) else None for m in members]
        if any(j >= len(m) for m in members) or any(p is not None and "%" in p.text for p in parts):
            continue   # a row shorter than the total row, or a column of rates: no sum to check
        present = [p for p in parts if p is not None]
        if len(present) < _MIN_ROWS:
            continue
        far_above = whole.interval.lo > max(p.interval.hi for p in present) * _SUM_ABOVE
        if sums_of_decimals and not far_above:
            continue   # a period's total of rates or averages (8, 8, 9, 9, 10 | 9): no sum
        if (_is_rate(whole) or any(_is_rate(p) for p in present)) and not (sums_of_decimals and far_above):
            continue   # decimals with a comma: rates, unless the total can only be their sum
        out.append(Breakdown(whole_name=f"{name} (cột {j + 1} từ phải)", whole=whole,
                             parts=[Component(name=f"hàng {i + 1}", value=p) for i, p in enumerate(parts)
                                    if p is not None],
                             exhaustive=True, location=whole.location,
                             assumed=[*assumed, Assumption.siblings.value] if j in counted else assumed))
    return out


def _is_rate(v: Value) -> bool:
    return "%" in v.text or (v.decimals or 0) > 0 and "," in v.text
