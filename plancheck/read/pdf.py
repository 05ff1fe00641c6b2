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

A page without text holding an image is a scan: it is read with Tesseract where it is
installed (plancheck.read.ocr; the report says which pages, and findings on them say so),
and otherwise the error says what to install.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..models.document import Document, Table
from ..models.location import Location

MAX_PAGES = 500          # a province's plan with its annexes has under 200
MAX_BYTES = 200 * 2**20  # scans weigh about 0,5 MB a page


def read_pdf_document(path: str | Path) -> Document:
    """A PDF's text layer as a Document; InputError when it has none, or is not a PDF."""
    name = str(path)
    size = Path(path).stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"refused: a PDF of {size / 2**20:.0f} MB (limit {MAX_BYTES // 2**20} MB)", name)
    pages = _Pages()
    _page_lines(name, pages)
    from .text import read_text_document

    text = "\n".join(pages.lines) + "\n"
    document = read_text_document(name, text.encode("utf-8"))
    document.source_format = "pdf"
    _locate_by_page(document, pages.places)
    if pages.ocr_pages:
        document.ocr_lines = sorted(pages.ocr_lines)
        document.doubted = pages.doubted
        shown = _page_list(pages.ocr_pages)
        document.caveats.append({
            "vi": f"trang {shown} là bản quét, đã đọc bằng OCR (Tesseract, tiếng Việt): số liệu có thể bị đọc sai; "
                  "phát hiện trên các trang này ghi rõ điều đó",
            "en": f"page(s) {shown} are scans read by OCR (Tesseract, Vietnamese): figures may be misread; findings "
                  "on them say so"})
    return document


class _Pages:
    """The lines of a PDF's pages as they are read, and where each came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[tuple[int, int]] = []   # (page, line on the page) of each line
        self.ocr_pages: list[int] = []
        self.ocr_lines: set[int] = set()          # line numbers (1-based, of all pages) read by OCR
        self.doubted: list[tuple[int, int, int]] = []   # (line, first column, last column) of doubted figures
        self.total = 0                            # pages in the file

    def add(self, page: int, page_line: int, text: str) -> None:
        self.lines.append(text)
        self.places.append((page, page_line))


def _page_list(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages) if len(pages) < 6 else f"{pages[0]}–{pages[-1]} ({len(pages)})"


def _page_lines(name: str, pages: _Pages) -> None:
    """Every page's lines into ``pages``: tables as pipe rows, scans read by OCR."""
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
    scanned: list[int] = []
    try:
        pages.total = len(text_doc)
        if pages.total > MAX_PAGES:
            raise InputError(f"refused: {pages.total} pages (limit {MAX_PAGES})", name)
        with pdfplumber.open(name) as tables_doc:
            for number, (text_page, table_page) in enumerate(zip(text_doc, tables_doc.pages), 1):
                page_lines = _lines_of(text_page, table_page)
                if not any(line.strip() for line, _ in page_lines):
                    if table_page.images:   # a scan: read by OCR in its place
                        scanned.append(number)
                        _read_scan(name, text_doc[number - 1], number, len(scanned), pages)
                    continue
                shown = 0
                for line, printed in page_lines:   # a table's rule line and the blank after it are ours
                    shown += printed
                    pages.add(number, max(shown, 1), line)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF fails in either library in many ways
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", name) from None
    finally:
        text_doc.close()
        if pages.ocr_pages:
            from .ocr import progress_done

            progress_done()
    if not pages.lines:
        raise InputError("a PDF without text", name)


def _read_scan(name: str, page, number: int, count: int, pages: _Pages) -> None:
    """A scanned page read by OCR (the ``count``-th scan of the file); InputError saying what to
    install where OCR cannot run, or when the file has more scanned pages than OCR may read."""
    from . import ocr

    if count == 1:
        missing = ocr.unavailable()
        if missing:
            raise InputError(f"a scanned PDF (page {number} has no text layer): reading it needs OCR; {missing}",
                             name)
    if count > ocr.MAX_OCR_PAGES:
        raise InputError(f"refused: more than {ocr.MAX_OCR_PAGES} scanned pages to read by OCR", name)
    ocr.progress(name, number, pages.total)
    for i, line in enumerate(ocr.read_page(page), 1):
        pages.add(number, i, line.text)
        pages.ocr_lines.add(len(pages.lines))
        pages.doubted += [(len(pages.lines), a + 1, b) for a, b in line.doubted]
    pages.ocr_pages.append(number)


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
