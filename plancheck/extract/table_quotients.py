"""Per-unit rows and columns of a table: a density beside the population and area it divides.

    | Diện tích (km²)           | 91,5    | 141,1   | …
    | Dân số (người)            | 205.192 | 420.860 | …
    | Mật độ dân số (người/km²) | 2.243   | 3.737   | …     ← 420.860 / 141,1 = 2.983

A row (or a column) whose unit is the quotient of two others' units ("người/km²" of
"người" and "km²"; "triệu đồng/người" of "tỷ đồng" and "nghìn người") is checked cell by
cell against them, whichever way the table is laid out. Units come from the label's
parentheses or a unit column; ``units.quotient_scale`` says whether and at what scale
the third is the quotient of the two, so "người/ha" beside "km²" is converted, and a
percentage row is never taken for a quotient.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..intervals import Interval
from ..models import Comparison, ComparisonKind, Operand
from ..models.document import Cell, Table
from ..units import parse_unit
from .cells import MARKS, cell_at, figure, text_of
from ..lazyre import lazy_compile

_UNIT_IN_LABEL = lazy_compile(r"\(([^()]{1,25})\)\s*(?:\[\d+\])?\s*$")
_MIN_CELLS = 2   # a relation seen in one pair of cells is a sentence, not a table


def quotients_in_tables(tables: list[Table]) -> list[Comparison]:
    out: list[Comparison] = []
    for table in tables:
        if table.columns < 2 or sum("(" in cell.text for row in table.rows for cell in row.cells[:1]) < 3 and \
                not any(sum("(" in cell.text for cell in row.cells) >= 3 for row in table.rows[:3]):
            continue   # fewer than three labels with a unit in parentheses: no quotient to check
        grid = [[cell_at(row, c) for c in range(table.columns)] for row in table.rows]
        if not grid or table.columns < 2:
            continue
        out += _quotients(grid)                                             # rows are the measures
        out += _quotients([list(col) for col in zip(*grid)], across=True)   # columns are
    return out


def _quotients(lines: list[list[Cell | None]], across: bool = False) -> list[Comparison]:
    """Lines (rows, or columns when ``across``) whose first cell names a unit; for each
    line that is the quotient of two others, one comparison per position."""
    measured = []
    for k, line in enumerate(lines):
        label = line[0].text if line and line[0] is not None else ""
        m = _UNIT_IN_LABEL.search(MARKS.sub("", label).strip())
        if m and (unit := parse_unit(m.group(1))).known:
            measured.append((k, label.strip(), unit))
    if len(measured) < 3:
        return []
    from ..units import quotient_scale   # pint is loaded only for a table with three units

    out = []
    for r, r_label, r_unit in measured:
        if "/" not in (r_unit.expression or ""):
            continue   # the per-unit line is the result: not the area from people and density
        for a, a_label, a_unit in measured:
            for b, b_label, b_unit in measured:
                if len({r, a, b}) < 3 or (scale := quotient_scale(r_unit, a_unit, b_unit)) is None:
                    continue
                found = [c for c in (_comparison(lines, r, a, b, j, scale, across)
                                     for j in range(1, len(lines[r]))) if c is not None]
                if len(found) >= _MIN_CELLS:
                    out += found
    return out


def _comparison(lines, r: int, a: int, b: int, j: int, scale: Decimal, across: bool) -> Comparison | None:
    cells = [lines[k][j] if j < len(lines[k]) else None for k in (r, a, b)]
    values = [figure(c) for c in cells]
    if any(v is None for v in values):
        return None
    result, num, den = values
    if result.decimals == 0 and result.lo == result.hi:   # a density is a measure, rounded: "503" is 502,5–503,5
        rounded = Interval.rounded(result.point, 0)
        result = dataclasses.replace(result, lo=rounded.lo, hi=rounded.hi)
    where = _name_at(lines, j, min(r, a, b))
    return Comparison(indicator=f"{_strip_unit(lines[r][0].text)} ({where})" if where else _strip_unit(lines[r][0].text),
                      kind=ComparisonKind.quotient, value=result,
                      numerator=Operand(label=_strip_unit(lines[a][0].text), value=num),
                      denominator=Operand(label=_strip_unit(lines[b][0].text), value=den),
                      location=result.location, scale=scale)


def _name_at(lines, j: int, before: int) -> str:
    """The name of position j: a heading line's cell there (a district, a year), above the
    lines compared; "" when the table has none."""
    for line in lines[:before]:
        cell = line[j] if j < len(line) else None
        if cell is not None and cell.text.strip() and figure(cell) is None:
            return text_of(cell)[:60]
    return ""


def _strip_unit(label: str) -> str:
    return _UNIT_IN_LABEL.sub("", MARKS.sub("", label)).strip()
