"""Counts of administrative procedures in a list's headings (and in the sentence that
publishes the list) against the rows they head.

A decision that publishes procedures (thủ tục hành chính, TTHC) lists them in a table
grouped under headings that state how many each group holds: "Lĩnh vực Du lịch (11 TTHC)",
then rows numbered 1, 2 … 11. A group heading with no rows of its own ("THỦ TỤC HÀNH CHÍNH
CẤP TỈNH (48 TTHC)") holds the groups after it up to the next such heading.

The rows are counted by their serial numbers, cells holding a number alone that runs on from
1 without a break, read in reading order (the cells of a table extracted from the web come
one per line, so the rows themselves cannot be trusted). A list that starts again at 1 under
one heading, or a heading with no numbered rows and no groups, gives no count: there is no
one list to compare with.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..models.document import Document, Paragraph, Table
from ..models.location import Location
from ..models.plan import StatedCount
from ..models.value import Value
from ..lazyre import lazy_compile

# "(11 TTHC)", "(03 thủ tục hành chính)", "(01 thủ tục)"; the number may wrap onto the next line.
_HEADING = lazy_compile(r"\(\s*(\d{1,3})\s+(TTHC|thủ\s+tục(?:\s+hành\s+chính)?)\s*\)", re.IGNORECASE)
_SERIAL = lazy_compile(r"[\s*]*(\d{1,3})\.?[\s*]*")
_CODE = lazy_compile(r"\d\.\d{6}(?:\.\S+)?")      # a procedure's code in the national database ("2.001611")
_MARK = lazy_compile(r"[xX✓\-–\s*]*")              # a tick in a column


class _Group:
    """A heading's list (or a table's): the serial numbers read under it, and the rows' names."""

    __slots__ = ("block", "stated", "serial", "names", "broken", "pending")

    def __init__(self, block: int, stated: Value | None) -> None:
        self.block = block              # the block (table) the heading stands in
        self.stated = stated
        self.serial = 0                 # the last serial number read under the heading
        self.names: list[str] = []      # "1. Thu hồi giấy phép …", one per row
        self.broken = False             # the numbering started again: no one list
        self.pending: int | None = None  # the row whose name is still to come

    def take(self, text: str) -> bool:
        """Read a cell: a serial number that runs on (or starts again), or the name of the row
        just numbered; whether it was a serial number."""
        serial = _SERIAL.fullmatch(text)
        if serial is None:
            if self.pending is not None and not _CODE.fullmatch(text.strip()) and not _MARK.fullmatch(text):
                self.names[self.pending] += ". " + text.strip()[:80]
                self.pending = None
            return False
        value = int(serial.group(1))
        if value == self.serial + 1:
            self.serial = value
            self.names.append(serial.group(1))
            self.pending = len(self.names) - 1
        elif value == 1 and self.serial:
            self.broken = True
        return True


def _count(text: str, location: Location | None) -> Value:
    n = Decimal(int(text))
    return Value(text=text, lo=n, hi=n, point=n, decimals=0, location=location)


def procedure_counts(document: Document) -> list[StatedCount]:
    groups: list[_Group] = []
    for piece, block in document.pieces():
        heading = _HEADING.search(piece.text)
        if heading is not None:
            groups.append(_Group(block, _count(heading.group(1), piece.locate(heading.start(1)))))
        elif groups:
            groups[-1].take(piece.text)
    return list(_counts(groups)) + list(_stated_in_text(document, groups))


def _counts(groups: list[_Group]) -> Iterator[StatedCount]:
    what = "TTHC"
    i = 0
    while i < len(groups):
        group = groups[i]
        if group.broken:
            i += 1
            continue
        if group.serial:
            yield StatedCount(listed="rows", what=what, stated=group.stated, items=group.names, location=group.stated.location)
            i += 1
            continue
        # a heading over groups: the groups after it in its table up to the next heading of its
        # kind (no rows of its own). The last of them may belong to a part with no count of its
        # own, so the heading holds when the first few groups make its count, by what they state
        # (a wrong count in a group is that group's finding) or by the rows they list.
        j = i + 1
        while j < len(groups) and groups[j].serial and groups[j].block == group.block:
            j += 1
        children = groups[i + 1:j]
        if children and not any(c.broken for c in children):
            n = int(group.stated.point or 0)
            stated = counted = 0
            holds = False
            for child in children:
                stated += int(child.stated.point or 0)
                counted += len(child.names)
                holds = holds or n in (stated, counted)
            if not holds:
                items = [name for c in children for name in c.names]
                yield StatedCount(listed="rows", what=what, stated=group.stated, items=items, location=group.stated.location)
        i += 1


# "Công bố kèm theo Quyết định này 02 thủ tục hành chính …", "Ban hành kèm theo … Danh mục 50 (năm
# mươi) thủ tục hành chính": the count the decision gives of what its annex lists.
_STATED = lazy_compile(r"(?:kèm\s+theo|ban\s+hành|công\s+bố)[^.;:]{0,100}?(?<![\d.,/])(\d{1,3})(?:\s*\([^)]*\))?"
                     r"\s+(quy\s+trình|thủ\s+tục\s+hành\s+chính|TTHC)\b", re.IGNORECASE)
_ANOTHER_COUNT = lazy_compile(r"(?<![\d.,/])\d{1,3}\s+(?:\([^)]*\)\s+)?(?:quy\s+trình|thủ\s+tục|TTHC)\b", re.IGNORECASE)
_LIST_HEADER = lazy_compile(r"tên\s+(?:thủ\s+tục|tthc|quy\s+trình)", re.IGNORECASE)


def _stated_in_text(document: Document, groups: list[_Group]) -> Iterator[StatedCount]:
    """The count a sentence gives of the procedures its annex lists: against the headings
    after it (the groups at the top: those over others, or all), else against the rows of
    the first list of procedures after it (a table whose header names "Tên thủ tục"). Not
    when the sentence counts two lists ("12 … sửa đổi và 01 … bãi bỏ"), nor when a list
    starts again at 1."""
    blocks = document.blocks
    for k, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        m = _STATED.search(block.text)
        if m is None or _ANOTHER_COUNT.search(re.sub(r"\([^)]*\)", "", block.text[m.end():])):
            continue
        n = int(m.group(1))
        stated = _count(m.group(1), block.locate(m.start(1)))
        later = [g for g in groups if g.block > block.index]
        if later:
            if any(g.broken for g in later):
                continue
            over = [g for g in later if not g.serial]
            tops = over or later
            items = [name for g in later for name in g.names]
            if n != sum(int(g.stated.point or 0) for g in tops):   # as the headings state it: no doubt
                yield StatedCount(listed="rows", what=" ".join(m.group(2).split()), stated=stated, items=items,
                                  location=stated.location)
            continue
        table = next((t for t in blocks[k + 1:] if isinstance(t, Table) and any(
            _LIST_HEADER.search(c.text) for row in t.rows[:3] for c in row.cells)), None)
        if table is None:
            continue
        rows, broken = _numbered_rows(table)
        if rows and not broken:
            yield StatedCount(listed="rows", what=" ".join(m.group(2).split()), stated=stated, items=rows, location=stated.location)


def _numbered_rows(table: Table) -> tuple[list[str], bool]:
    """The serial numbers 1, 2, 3 … of a table's rows, and whether they start again."""
    rows = _Group(table.index, None)
    for row in table.rows:
        for cell in row.cells:
            rows.take(cell.text)
    return rows.names, rows.broken
