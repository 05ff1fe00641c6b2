"""Sums a table keeps in its rows: a column that is the sum of the columns after it.

    | 17. | Thái Nguyên | 2215 | 1830 | 385 | …     2215 = 1830 + 385
    | 18. | Đồng Nai    | 2151 | 1852 | 399 | …     2151 ≠ 2251: a slip

Headers name such columns ("Tổng số | Cấp tỉnh | Cấp xã", "Tổng | Luật | Nghị định | …"),
but extracted headers are often out of place. The table itself says which columns sum:
a column equal, row after row, to the sum of the next two or more is a total of them. The
relation is taken only when the table keeps it in nearly every row (``_AGREEMENT``) and
at least ``_MIN_ROWS`` rows; then every row is checked, and the few that break it are
the slips. A relation the table does not keep is never imposed on it.
"""
from __future__ import annotations

from decimal import Decimal

from ..models import Breakdown, Component, Value
from ..models.document import Row, Table
from .cells import MARKS, cell_at, figure, filled
from ..lazyre import lazy_compile

# a footnote written "(1)" after a figure too: "3(1)"
_MARKS = lazy_compile(MARKS.pattern + r"|\(\d{1,2}\)$")
_NUMBERED = lazy_compile(r"^\d{1,3}\.?$")
_MIN_ROWS = 5
_AGREEMENT = Decimal("0.8")
_MAX_PARTS = 6


def row_sums_in_tables(tables: list[Table]) -> list[Breakdown]:
    out: list[Breakdown] = []
    for table in tables:
        rows = [(row, _numbers(row)) for row in table.rows if _is_data_row(row)]
        if len(rows) < _MIN_ROWS:
            continue
        width = max(len(n) for _, n in rows)
        for a in range(width):
            for m in range(2, _MAX_PARTS + 1):
                if a + m >= width + 1:
                    break
                relation = _kept(rows, a, m)
                if relation is None:
                    continue
                out += [_breakdown(row, numbers, a, m) for row, numbers in rows
                        if all(numbers[k] is not None for k in range(a, a + m + 1) if k < len(numbers))
                        and len(numbers) > a + m]
                break   # the shortest run of parts that sums: "Tổng | A | B" before "Tổng | A | B | C"
    return out


def _is_data_row(row: Row) -> bool:
    cells = filled(row)
    return bool(cells) and bool(_NUMBERED.match(cells[0].text.strip()))


def _numbers(row: Row) -> list[Value | None]:
    """The row's cells by grid column, as whole numbers (None where a cell holds no integer)."""
    width = max((c.column + c.column_span for c in row.cells), default=0)
    out: list[Value | None] = []
    for column in range(width):
        # a missing or merged cell is nothing, never the next cell's figure
        value = figure(cell_at(row, column), _MARKS)
        if value is not None and (value.decimals or "%" in value.text):
            value = None   # rates are no terms of a sum
        out.append(value)
    return out[1:]   # the STT is no figure


def _kept(rows, a: int, m: int) -> bool | None:
    """Whether column a equals the sum of the m columns after it in nearly every row."""
    seen = agree = 0
    for _, n in rows:
        if len(n) <= a + m or any(n[k] is None for k in range(a, a + m + 1)):
            continue
        seen += 1
        agree += n[a].point == sum((n[k].point for k in range(a + 1, a + m + 1)), Decimal(0))
    if seen < _MIN_ROWS or agree < seen * _AGREEMENT or agree == 0:
        return None
    if all(n[a].point == 0 for _, n in rows if len(n) > a and n[a] is not None):
        return None
    return True


def _breakdown(row: Row, n: list[Value | None], a: int, m: int) -> Breakdown:
    name = next((c.text.strip() for c in sorted(row.cells, key=lambda c: c.column)[1:2]), "")
    return Breakdown(whole_name=name[:60], whole=n[a],
                     parts=[Component(name=f"cột {k + 2}", value=n[k]) for k in range(a + 1, a + m + 1)],
                     exhaustive=True, location=n[a].location)
