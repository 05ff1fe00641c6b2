"""Tables of names and values (an encyclopedia's infobox, a fact sheet) read as the sentences
they stand for:

    | Dân số (2023) |                            |
    | Tổng cộng     | 2.834.500 người            |
    | Thành thị     | 2.332.700 người (84,32%)   |      "Tổng cộng 2.834.500 người; Thành thị
    | Nông thôn     | 472.100 người (15,68%)     |  →    2.332.700 người (84,32%); Nông thôn …"

Each run of rows under a heading row (a name with no value) becomes one passage for the
statement grammar (``extract.statements``), with every offset mapped back to its cell, so
shares, breakdowns and densities in such tables are read as in prose.
"""
from __future__ import annotations

import re

from ..models.document import Cell, Table
from .cells import filled
from .statements import Statements, read_statements
from ..lazyre import lazy_compile

_SEPARATOR = "; "
_AREA = lazy_compile(r"(?:tổng\s+)?diện tích(?:\s+tự nhiên)?(?:\s*\([^()]*\))?(?:\s*\[\d+\])*", re.IGNORECASE)
_DENSITY = lazy_compile(r"người\s*/\s*km[²2]", re.IGNORECASE)


def key_value_statements(tables: list[Table]) -> list[Statements]:
    out = []
    for table in tables:
        if not _is_key_value(table):
            continue
        for passage in _passages(table):
            out.append(_read(passage))
    return out


def _is_key_value(table: Table) -> bool:
    """Rows of at most a name and a value, some with a figure."""
    rows = [filled(r) for r in table.rows]
    return bool(rows) and all(len(r) <= 2 for r in rows) and sum(len(r) == 2 for r in rows) >= 2 \
        and any(any(ch.isdigit() for ch in r[1].text) for r in rows if len(r) == 2)


def _passages(table: Table) -> list[list[tuple[Cell, Cell]]]:
    passages: list[list[tuple[Cell, Cell]]] = [[]]
    area: tuple[Cell, Cell] | None = None
    for row in table.rows:
        cells = filled(row)
        if len(cells) == 2:
            passages[-1].append((cells[0], cells[1]))
            if area is None and _AREA.fullmatch(cells[0].text.strip()) and any(ch.isdigit() for ch in cells[1].text):
                area = (cells[0], cells[1])   # the subject's own area, not "Diện tích rừng"
        elif passages[-1]:
            passages.append([])   # a heading row ("Kinh tế (2022)") opens the next passage
    # The table is one subject's: its area, stated under another heading, is the area its
    # population's density is of ("Diện tích | 284,91 km²" … "Dân số (2022)" … "Mật độ | 737 người/km²").
    for p in passages:
        if area is not None and area not in p and any(_DENSITY.search(value.text) for _, value in p):
            p.insert(0, area)
    return [p for p in passages if len(p) >= 2]


def _read(passage: list[tuple[Cell, Cell]]) -> Statements:
    pieces: list[tuple[int, Cell]] = []   # (offset of the cell's text in the passage, cell)
    text = ""
    for name, value in passage:
        for cell, end in ((name, " "), (value, _SEPARATOR)):
            pieces.append((len(text), cell))
            text += cell.text + end

    def locate(offset: int):
        start, cell = next((p for p in reversed(pieces) if p[0] <= offset), pieces[0])
        return cell.locate(min(offset - start, max(len(cell.text) - 1, 0)))

    found = read_statements(text, locate)
    found.counts, found.open_count = [], None   # "7 | Khảo tả di tích:" is a row number and a heading, no count
    return found
