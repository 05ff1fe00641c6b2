"""A PDF with a text layer -> Document, by page and line.

pypdfium2 (BSD/Apache) reads the text, pdfplumber (MIT) finds the tables and their cells;
PyMuPDF is not used (AGPL, and its table finder garbled decimals: see the project's notes on
libraries). Both are imported only when a PDF is read.

Each page becomes lines of text, its tables rows written as "| a | b |", in reading order
(the text above a table, the table, the text below), and the lines of all pages are read
by the text reader as one text: paragraphs broken across lines and pages are joined, page
numbers dropped, tables read as the pipe tables of a Markdown file, so that the same
Document comes out as from the equivalent text. Every location then says its page and its
line on the page.

A page without text holding an image is a scan: it needs OCR (Tesseract), which is not
read here yet; the error says what to install.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..models.document import Document, Table
from ..models.location import Location

MAX_PAGES = 500          # a province's plan with its annexes has under 200
_OCR_HINT = ("it needs OCR, which plancheck does not do yet; install Tesseract with its Vietnamese model "
             "(Debian: apt install tesseract-ocr tesseract-ocr-vie) and export the text, or check the .docx")


def read_pdf_document(path: str | Path) -> Document:
    """A PDF's text layer as a Document; InputError when it has none, or is not a PDF."""
    name = str(path)
    lines, places = _page_lines(name)
    from .text import read_text_document

    text = "\n".join(lines) + "\n"
    document = read_text_document(name, text.encode("utf-8"))
    document.source_format = "pdf"
    _locate_by_page(document, places)
    return document


def _page_lines(name: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Every page's lines, tables as pipe rows, and for each line its (page, line on the page)."""
    try:
        import pdfplumber
        import pypdfium2 as pdfium
    except ImportError:   # pragma: no cover - both are dependencies
        raise InputError("reading PDF needs pypdfium2 and pdfplumber (pip install pypdfium2 pdfplumber)",
                         name) from None
    try:
        text_doc = pdfium.PdfDocument(name)
    except pdfium.PdfiumError as exc:
        raise InputError(f"not a readable PDF ({exc})", name) from None
    lines: list[str] = []
    places: list[tuple[int, int]] = []
    scanned: list[int] = []
    try:
        if len(text_doc) > MAX_PAGES:
            raise InputError(f"refused: {len(text_doc)} pages (limit {MAX_PAGES})", name)
        with pdfplumber.open(name) as tables_doc:
            for number, (text_page, table_page) in enumerate(zip(text_doc, tables_doc.pages), 1):
                page_lines = _lines_of(text_page, table_page)
                if not any(line.strip() for line, _ in page_lines):
                    if table_page.images:
                        scanned.append(number)
                    continue
                shown = 0
                for line, printed in page_lines:   # a table's rule line and the blank after it are ours
                    shown += printed
                    lines.append(line)
                    places.append((number, max(shown, 1)))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF fails in either library in many ways
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", name) from None
    finally:
        text_doc.close()
    if scanned and not lines:
        raise InputError(f"a scanned PDF (no text layer on its {len(scanned)} page(s)): {_OCR_HINT}", name)
    if not lines:
        raise InputError("a PDF without text", name)
    return lines, places


def _lines_of(text_page, table_page) -> list[tuple[str, bool]]:
    """A page's lines in reading order, each with whether it is a line printed on the page:
    pypdfium2's text between the tables pdfplumber finds, and each table's rows as pipe rows
    (with a rule line under the first and a blank line after, which are not printed)."""
    height, width = table_page.height, table_page.width
    tables = sorted(table_page.find_tables(), key=lambda t: t.bbox[1])
    textpage = text_page.get_textpage()
    out: list[tuple[str, bool]] = []
    top = 0.0
    for table in tables:
        x0, t_top, x1, t_bottom = table.bbox
        out += [(line, True) for line in _text_between(textpage, width, height, top, t_top)]
        rows = [[(cell or "").replace("\n", " ").strip() for cell in row] for row in table.extract()]
        for r, row in enumerate(rows):
            out.append(("| " + " | ".join(row) + " |", True))
            if r == 0:
                out.append(("|" + "---|" * len(row), False))
        out.append(("", False))
        top = t_bottom
    out += [(line, True) for line in _text_between(textpage, width, height, top, height)]
    textpage.close()
    return out


def _text_between(textpage, width: float, height: float, top: float, bottom: float) -> list[str]:
    """The text of the band of the page between ``top`` and ``bottom`` (from the top edge; PDF
    coordinates count from the bottom)."""
    if bottom - top < 1:
        return []
    text = textpage.get_text_bounded(left=0, bottom=height - bottom, right=width, top=height - top)
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _locate_by_page(document: Document, places: list[tuple[int, int]]) -> None:
    """Each span's location with its page and line on the page."""
    def moved(location: Location) -> Location:
        if 1 <= location.line <= len(places):
            page, line = places[location.line - 1]
            return replace(location, page=page, page_line=line)
        return location

    for block in document.blocks:
        pieces = [c for row in block.rows for c in row.cells] if isinstance(block, Table) else [block]
        for piece in pieces:
            piece.spans = [replace(span, location=moved(span.location)) for span in piece.spans]
