"""Where something stands in its source file."""
from __future__ import annotations

from dataclasses import dataclass


# Not frozen: a frozen dataclass sets each of its thirteen fields through object.__setattr__, four
# times the cost of a plain one, and a document makes thousands. Hashable all the same (findings
# and statements are keyed by where they stand); nothing changes a Location once made.
@dataclass(slots=True, unsafe_hash=True)
class Location:
    """A position in a source file.

    Lines and columns are 1-based; ``end_column`` is the column after the last character, as
    SARIF and editors count. Word documents add the paragraph number or the table, row and
    cell (all 1-based) so a reviewer can find the spot.

    Plain data, not a pydantic model: one is made for every source line and every
    figure (pydantic models that hold one validate and serialise it as a dataclass).
    """

    path: str = ""
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part: str | None = None   # a Word document's part outside the body: "header", "footnote 2", "text box"
    page: int | None = None        # a PDF's page, and the line on it
    page_line: int | None = None
    # In plan data, the value's path: "indicators[3].values.KH2024". Data given as a mapping
    # (the Python API) has no lines: its line and column are 0, and this says where.
    pointer: str | None = None

    def describe(self) -> str:
        """path:line:col, plus the Word position where there is one."""
        text = f"{self.path}:{self.line}:{self.column}"
        if self.page is not None:
            text += f" (page {self.page}, line {self.page_line})"
        elif self.part is not None and self.table is None:
            text += f" ({self.part})"
        elif self.table is not None:
            text += f" (table {self.table}, row {self.row}, cell {self.cell})"
        elif self.paragraph is not None:
            text += f" (paragraph {self.paragraph})"
        elif self.pointer is not None and not self.line:
            text = f"{self.path}: {self.pointer}"
        return text

    @property
    def in_document_terms(self) -> bool:
        """Whether the place is said as its document shows it (a Word paragraph or cell, a PDF
        page) rather than by line and column of a text file."""
        return self.page is not None or self.table is not None or self.part is not None or \
            self.paragraph is not None or (self.pointer is not None and not self.line)

    def place(self, lang: str) -> str:
        """The place in words, as a reader finds it: "trang 2, dòng 14" in a PDF; "đoạn 12",
        "bảng 2, hàng 3, ô 4", "chú thích 1" in a Word document; "dòng 768" in a text."""
        words = _PLACES.get(lang, _PLACES["en"])
        if self.page is not None:
            return words["page"].format(page=self.page, line=self.page_line)
        if self.table is not None:
            return words["cell"].format(table=self.table, row=self.row, cell=self.cell)
        if self.part is not None:
            kind, _, n = self.part.partition(" ")
            return words[kind].format(n=n) if kind in words else self.part
        if self.paragraph is not None:
            return words["paragraph"].format(n=self.paragraph)
        if self.pointer is not None and not self.line:   # plan data without lines
            return self.pointer
        return words["line"].format(n=self.line)

    def at_column(self, column: int) -> "Location":
        """The same place, another column."""
        return Location(self.path, self.line, column, self.end_line, self.end_column, self.paragraph,
                        self.table, self.row, self.cell, self.part, self.page, self.page_line, self.pointer)


_PLACES = {
    "vi": {"page": "trang {page}, dòng {line}", "cell": "bảng {table}, hàng {row}, ô {cell}", "paragraph": "đoạn {n}",
           "header": "đầu trang", "footer": "chân trang", "footnote": "chú thích {n}",
           "endnote": "chú thích cuối {n}", "text box": "hộp văn bản", "line": "dòng {n}"},
    "en": {"page": "page {page}, line {line}", "cell": "table {table}, row {row}, cell {cell}",
           "paragraph": "paragraph {n}", "header": "header", "footer": "footer", "footnote": "footnote {n}",
           "endnote": "endnote {n}", "text box": "text box", "line": "line {n}"},
}
