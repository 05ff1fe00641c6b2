"""A document as read: paragraphs and tables in order, every piece located.

Readers (plancheck.read) produce a ``Document``; extractors (plancheck.extract)
read it and produce the ``Plan`` and the document's structure. Text keeps its
original characters in ``raw``; ``text`` is NFC with extraction artifacts
repaired (lines of one sentence joined, page numbers dropped). Offsets into
``text`` map back to source positions through ``spans``.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

from .location import Location

# Plain slotted dataclasses, not pydantic models: a document makes thousands of them, and nothing
# outside plancheck hands one in (issue 24: pydantic only at the edges, plan files, packs, reports).
_model = dataclass(slots=True, kw_only=True)


@dataclass(slots=True)
class Span:
    """From offset ``start`` of a block's text on, characters come from ``location`` onward.
    Plain data: one per source line."""

    start: int
    location: Location


@_model
class Paragraph:
    kind: Literal["paragraph"] = "paragraph"
    index: int                      # position among the document's blocks (0-based)
    text: str                       # NFC, one logical paragraph
    spans: list[Span] = field(default_factory=list)
    style: str | None = None        # Word style name, when there is one
    _lower: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def location(self) -> Location:
        return self.spans[0].location if self.spans else Location()

    def locate(self, offset: int) -> Location:
        """The source location of character ``offset`` of ``text``."""
        return locate(self.spans, offset)

    @property
    def lower(self) -> str:
        """The text in lower case, made once: readers ask it whether their cue word is there at
        all ("trong đó", "này") before they run a pattern that ignores case."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower


@_model
class Cell:
    text: str                       # NFC, lines of the cell joined with a space
    spans: list[Span] = field(default_factory=list)
    column: int                     # 0-based column in the table's grid
    column_span: int = 1            # horizontally merged cells cover several columns

    @property
    def location(self) -> Location:
        return self.spans[0].location if self.spans else Location()

    def locate(self, offset: int) -> Location:
        return locate(self.spans, offset)


@_model
class Row:
    cells: list[Cell] = field(default_factory=list)

    def cell_at(self, column: int) -> Cell | None:
        for c in self.cells:
            if c.column <= column < c.column + c.column_span:
                return c
        return None


@_model
class Table:
    kind: Literal["table"] = "table"
    index: int
    rows: list[Row] = field(default_factory=list)
    columns: int = 0                # width of the grid
    # How sure the reader is of the row boundaries: "exact" for Word and Markdown
    # pipe tables, "inferred" for text where each cell stood on its own line.
    rows_from: Literal["exact", "inferred"] = "exact"

    @property
    def location(self) -> Location:
        for row in self.rows:
            for cell in row.cells:
                if cell.spans:
                    return cell.location
        return Location()


Block = Paragraph | Table


@_model
class Document:
    path: str
    source_format: Literal["text", "markdown", "docx", "pdf"]
    blocks: list[Block] = field(default_factory=list)
    lines: list[str] = field(default_factory=list, repr=False)   # source lines, for reports
    notes: list[str] = field(default_factory=list)                # what the reader repaired or dropped
    # What a reader of the report must know of how the text was read ("tracked changes read as
    # accepted"), in each language ({"vi": ..., "en": ...}): said with the file's findings.
    caveats: list[dict[str, str]] = field(default_factory=list)
    # Word comments: id, author, text and the index of the block their anchored range starts in.
    comments: list[dict[str, Any]] = field(default_factory=list)
    # A scanned PDF's lines read by OCR, and its figures read with low confidence (line, first
    # column, last column): no error rests on one (plancheck.runner).
    ocr_lines: list[int] = field(default_factory=list)
    doubted: list[tuple[int, int, int]] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def block_texts(self) -> dict[int, str]:
        """Each block's text by its index: a paragraph's, or a table's cells one after another
        (with a space before and after, so that a label opening a cell stands after a space)."""
        return {b.index: b.text if isinstance(b, Paragraph) else
                " " + " ".join(c.text for row in b.rows for c in row.cells) + " " for b in self.blocks}

    def pieces(self):
        """Every paragraph and every table cell with text, in order, with its block's index."""
        for block in self.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        if cell.text:
                            yield cell, block.index
            elif block.text:
                yield block, block.index


def locate(spans: list[Span], offset: int) -> Location:
    """Map an offset in joined text back to its source line and column."""
    if not spans:
        return Location()
    i = max(0, bisect_right([s.start for s in spans], offset) - 1)
    span = spans[i]
    loc = span.location
    delta = max(0, offset - span.start)
    # Word locations too: their line and column index Document.lines, where the
    # docx reader writes each paragraph and each table row (plancheck.read.docx).
    return loc.at_column(loc.column + delta)


# -- the document's structure (filled by plancheck.extract) ---------------------

@_model
class Header:
    issuer: str | None = None             # HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA
    number: str | None = None             # 252/NQ-HĐND (as written, may be blank in drafts: "/QĐ-UBND")
    number_location: Location | None = None
    place: str | None = None              # Sơn La
    date_text: str | None = None          # "ngày 07 tháng 12 năm 2023" as written
    date: dt.date | None = None
    date_location: Location | None = None
    doc_type: str | None = None           # NGHỊ QUYẾT, QUYẾT ĐỊNH
    title: str | None = None
    term: str | None = None               # khóa: "XV"
    session_text: str | None = None       # "THỨ TÁM" as written
    session: int | None = None            # 8
    session_location: Location | None = None


@_model
class Clause:
    """A numbered unit of the body: Phần, Chương, Mục, Điều, khoản, điểm, sections, items."""

    level: str           # part | chapter | section | article | alpha | roman | clause | dotted | point | enum
                         # | bullet | appendix | form
    label: str           # as written: "Điều 1", "2.", "d)", "1.2.", "II.", "(3)", "-"
    number: str | None   # the number alone: "1", "2", "d", "1.2", "II", "3"
    title: str = ""      # text after the label, first line only
    location: Location
    block: int           # index of the block it starts in
    children: list["Clause"] = field(default_factory=list)
    context: str | None = None   # "appendix 01", "quoted" ... where numbering restarts legitimately
    elided_before: bool = False  # an elision ("[...]" alone on a line) stands before it: numbers may skip


@_model
class Reference:
    """A citation of another document, or of a part of this one."""

    text: str                        # as written
    location: Location
    internal: bool = False
    doc_type: str | None = None      # Nghị quyết, Quyết định, Luật ... (external)
    number: str | None = None        # 252/NQ-HĐND
    number_location: Location | None = None   # where the number is written (a line may break before it)
    symbol: str | None = None        # NQ-HĐND
    year_in_number: int | None = None   # 2020 in 39/2020/NQ-HĐND
    issuer: str | None = None
    date_text: str | None = None
    date: dt.date | None = None
    target: str | None = None        # internal: "khoản 2 Điều 1", "Phụ lục 01"


@_model
class Closing:
    """'Nghị quyết này đã được HĐND tỉnh ... khóa XV, Kỳ họp thứ tám thông qua ngày ...'"""

    text: str
    location: Location
    term: str | None = None
    session_text: str | None = None
    session: int | None = None
    session_location: Location | None = None
    date_text: str | None = None
    date: dt.date | None = None
    date_location: Location | None = None


@_model
class DocumentStructure:
    header: Header = field(default_factory=Header)
    clauses: list[Clause] = field(default_factory=list)     # top-level clauses (tree)
    appendices: list[Clause] = field(default_factory=list)  # Phụ lục, each a tree
    references: list[Reference] = field(default_factory=list)
    closing: Closing | None = None   # "Nghị quyết này đã được ... thông qua ngày ..."
