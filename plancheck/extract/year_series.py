"""A year-by-year series with its growth beside it, whichever way the table runs.

    | Năm  | Doanh thu (tỷ đồng) | Tăng so với năm trước (%) |
    | 2022 | 1.100               | 10,0                      |      1.100 / 1.000 − 1 = 10%
    | 2023 | 1.320               | 25,0                      |  ←   1.320 / 1.100 − 1 = 20%

    | Chỉ tiêu                  | 2021  | 2022  | 2023  |
    | Doanh thu (tỷ đồng)       | 1.000 | 1.100 | 1.320 |
    | Tăng so với năm trước (%) |       | 10,0  | 25,0  |

The years are consecutive labels ("2021", "Năm 2022"); the growth column (or row) says what it
compares and no more — a change against the year before ("Tăng so với năm trước (%)", "Giảm
so với cùng kỳ (%)", a fall written as a positive figure), or with no word of change an index
(a / b × 100) — and the series is the column just left of it (the row just above it), a count
or an amount, not a rate (whose change would be in points).
"""
from __future__ import annotations

import dataclasses
import re

from ..models import Comparison, ComparisonKind, Operand
from ..models.document import Cell, Table
from ..text import bare
from .cells import YEAR_LABEL, cell_at, figure, text_of
from ..lazyre import lazy_compile

# A heading that says what it compares and nothing else: a change (or an index) against the year
# before, in percent. "Tốc độ tăng trưởng GRDP (%)" names its own indicator, "Tăng/giảm (%)" beside
# plan and result columns compares those: neither is read.
_AGAINST_LAST = lazy_compile(r"^(?P<change>tang|giam|tang\s*/\s*giam|tang\s*\(\+\)\s*/?\s*giam\s*\(-\)|"
                           r"toc do tang(?: truong)?)?\s*,?\s*so (?:voi )?(?:nam truoc|cung ky(?: nam truoc)?)"
                           r"\s*\(?\s*%\s*\)?$")
_MIN_STEPS = 2   # a relation seen once is a sentence, not a series


def growth_in_year_series(tables: list[Table]) -> list[Comparison]:
    out: list[Comparison] = []
    for table in tables:
        if table.columns < 2 or len(table.rows) < 3:
            continue
        grid = [[cell_at(row, c) for c in range(table.columns)] for row in table.rows]
        out += _years_down(grid)
        out += _years_across(grid)
    return out


def _kind(label: str) -> tuple[ComparisonKind, bool] | None:
    """The comparison a heading names against the year before, and whether it states a fall
    ("Giảm so với năm trước (%)": 10,0 is −10%); None for any other heading."""
    m = _AGAINST_LAST.match(bare(label).strip())
    if m is None:
        return None
    change = m.group("change") or ""
    if not change:
        return ComparisonKind.ratio, False
    return ComparisonKind.growth, change == "giam"


def _rate(label: str) -> bool:
    """A series that is itself a rate ("Tỷ lệ hộ nghèo (%)"): its change is in points, not percent."""
    folded = bare(label)
    return "%" in folded or bool(re.search(r"\b(?:ty le|toc do|binh quan|mat do)\b", folded))


def _year(cell: Cell | None) -> int | None:
    m = YEAR_LABEL.match(text_of(cell)) if cell is not None else None
    return int(m.group(1)) if m else None


def _years_down(grid: list[list[Cell | None]]) -> list[Comparison]:
    """Rows are years in the first column; the header row names the columns."""
    header = grid[0]
    rows = [(k, _year(row[0])) for k, row in enumerate(grid[1:], start=1)]
    rows = [(k, y) for k, y in rows if y is not None]
    if len(rows) < _MIN_STEPS + 1 or any(b[1] != a[1] + 1 or b[0] != a[0] + 1 for a, b in zip(rows, rows[1:])):
        return []
    out = []
    for col in range(2, len(header)):
        kind = _kind(text_of(header[col])) if header[col] is not None else None
        if kind is None or header[col - 1] is None or _rate(text_of(header[col - 1])):
            continue
        series = [(grid[k][col - 1], grid[k][col]) for k, _ in rows]
        out += _steps(series, text_of(header[col - 1]), text_of(header[col]), *kind, [y for _, y in rows])
    return out


def _years_across(grid: list[list[Cell | None]]) -> list[Comparison]:
    """Columns are years in the header row; a growth row sits under the row it measures."""
    header = grid[0]
    cols = [(c, _year(cell)) for c, cell in enumerate(header)]
    cols = [(c, y) for c, y in cols if y is not None]
    if len(cols) < _MIN_STEPS + 1 or any(b[1] != a[1] + 1 or b[0] != a[0] + 1 for a, b in zip(cols, cols[1:])):
        return []
    out = []
    for k in range(2, len(grid)):
        label, above = grid[k][0], grid[k - 1][0]
        kind = _kind(text_of(label)) if label is not None else None
        if kind is None or above is None or _rate(text_of(above)):
            continue
        series = [(grid[k - 1][c], grid[k][c]) for c, _ in cols]
        out += _steps(series, text_of(above), text_of(label), *kind, [y for _, y in cols])
    return out


def _steps(series: list[tuple[Cell | None, Cell | None]], name: str, label: str, kind: ComparisonKind,
           fall: bool, years: list[int]) -> list[Comparison]:
    """Each year's stated change against the year before, when the three figures are there."""
    values = [(figure(v), figure(g)) for v, g in series]
    out = []
    for (before, _), (now, stated), year in zip(values, values[1:], years[1:]):
        if before is None or now is None or stated is None or before.point is None or before.point <= 0:
            continue
        if fall:   # "Giảm … (%)": the fall written as a positive figure
            stated = dataclasses.replace(stated, lo=-stated.hi, hi=-stated.lo,
                                               point=-stated.point if stated.point is not None else None)
        out.append(Comparison(
            indicator=f"{name} ({year})", kind=kind, value=stated, label=label, location=stated.location,
            numerator=Operand(label=str(year), value=now), denominator=Operand(label=str(year - 1), value=before)))
    return out if len(out) >= _MIN_STEPS else []

