"""What the readers of a table's figures share about its cells: the cells with text, the cell
that starts at a grid column, a cell's text without footnote marks, and its one figure."""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Value
from ..models.document import Cell, Row
from ..numbers import NotANumber, parse_value
from ..lazyre import lazy_compile

# Footnote marks a web page or a PDF leaves on a figure: "640,9[8]", "**2151**".
MARKS = lazy_compile(r"\[\d{1,3}\]|\*+")
# A row or column labelled by its year alone: "2026", "Năm 2026", "**Năm 2026**".
YEAR_LABEL = lazy_compile(r"^\**\s*(?:năm\s+)?((?:19|20)\d\d)\s*\**$", re.IGNORECASE)


def filled(row: Row) -> list[Cell]:
    """The row's cells that hold text, left to right."""
    return [c for c in sorted(row.cells, key=lambda c: c.column) if c.text.strip()]


def cell_at(row: Row, column: int) -> Cell | None:
    """The cell that starts at ``column``; None for a missing cell or the inside of a merged one."""
    cell = row.cell_at(column)
    return cell if cell is not None and cell.column == column else None


def text_of(cell: Cell, marks: re.Pattern = MARKS) -> str:
    return marks.sub("", cell.text).strip()


def figure(cell: Cell | None, marks: re.Pattern = MARKS) -> Value | None:
    """The one plain figure a cell holds (no range, no "khoảng"), located at the cell; None for
    text, "-" or an empty cell."""
    if cell is None:
        return None
    text = text_of(cell, marks)
    if not text or text in ("-", "–", "—"):
        return None
    return _figure_of(text, cell.location)


@lru_cache(maxsize=8192)   # several readers of a table ask for the same cells (Values are frozen)
def _figure_of(text: str, location) -> Value | None:
    try:
        value = parse_value(text, location)
    except (NotANumber, ArithmeticError, ValueError):
        return None
    return None if value.point is None or value.qualifier else value
