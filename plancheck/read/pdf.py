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

import logging
import math
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..i18n import _, number
from ..timelimit import extend
from .guarded import run_guarded
from ..models.document import Document, Table
from ..models.location import Location
from ..numbers import roman_numeral, roman_value
from . import pdf_layout as layout
from .pdf_layout import _TextLine
from ..lazyre import lazy_compile

# pdfminer (under pdfplumber) logs what it skips in a damaged file ("Refusing to execute circular
# reference"); with no handler of its own Python would print that raw on standard error. What a
# program using plancheck configures for logging still sees it.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_PAGES = 500          # a province's plan with its annexes has under 200
MAX_BYTES = 200 * 2**20  # scans weigh about 0,5 MB a page


def read_pdf_document(path: str | Path) -> Document:
    """A PDF's text layer as a Document; InputError when it has none, or is not a PDF."""
    name = str(path)
    size = Path(path).stat().st_size
    if size > MAX_BYTES:
        raise InputError(_("refused: a PDF of {size} MB (limit {limit} MB)")
                         .format(size=number(size / 2**20), limit=MAX_BYTES // 2**20), name)
    from .pdf_budget import check_streams

    check_streams(Path(path).read_bytes(), name)   # before pdfium or pdfminer inflates any of it
    _readers(name)   # imported here once: each file's reading child starts with them
    pages = run_guarded(_read_pages, name, name)
    from .text import read_text_document

    text = "\n".join(pages.lines) + "\n"
    document = read_text_document(name, text.encode("utf-8"), frozenset(pages.wrapped))
    document.source_format = "pdf"
    _locate_by_page(document, pages.places)
    if pages.ocr_pages:
        document.ocr_lines, document.doubted = pages.ocr_places()
    scanned = [p for p in pages.ocr_pages if p not in pages.layer_pages]
    for read, (vi, en) in ((pages.layer_pages, _READ_FROM_LAYER), (pages.picture_pages, _READ_TEXT_ONLY),
                           (scanned, _READ_BY_OCR)):
        if read:
            shown = _page_list(read)
            document.caveats.append({"vi": vi.format(shown), "en": en.format(shown)})
    return document


# How pages were read, said in the report: pages of a scan read from its own OCR layer, pages of a
# large picture read from their text only (both where OCR cannot run), pages read by OCR.
_READ_FROM_LAYER = (
    "trang {} là bản quét, đã đọc lớp chữ OCR có sẵn trong tệp (máy này không có Tesseract để đọc lại): chữ "
    "và số liệu có thể sai; phát hiện trên các trang này ghi rõ điều đó",
    "page(s) {} are scans read from the OCR layer the file carries (no Tesseract here to read them again): "
    "words and figures may be wrong; findings on them say so")
_READ_TEXT_ONLY = (
    "trang {} có hình ảnh chiếm phần lớn trang; máy này không có Tesseract để đọc hình (OCR), nên chỉ đọc phần "
    "chữ của trang",
    "page(s) {} are mostly a picture; with no Tesseract here to read it (OCR), only the page's text was read")
_READ_BY_OCR = (
    "trang {} là bản quét, đã đọc bằng OCR (Tesseract, tiếng Việt): số liệu có thể bị đọc sai; phát hiện trên "
    "các trang này ghi rõ điều đó",
    "page(s) {} are scans read by OCR (Tesseract, Vietnamese): figures may be misread; findings on them say so")


class _Pages:
    """The lines of a PDF's pages as they are read, and where each came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[tuple[int, int]] = []   # (page, line on the page) of each line
        self.ocr_pages: list[int] = []
        self.layer_pages: list[int] = []          # scans read from their own OCR layer (no OCR here)
        self.picture_pages: list[int] = []        # pages of a large picture read from their text only (no OCR here)
        self.roman = 0                            # the last section heading numbered in Roman read by OCR
        self.doubted_places: list[tuple[int, int, int, int]] = []   # (page, line on it, first, last column)
        self.total = 0                            # pages in the file
        self.wrapped: set[int] = set()            # lines that go on the line before (broken by the width)
        self.filled = False                       # whether the last text line filled the page's width

        # The last table read, with its rows' places, kept open: the next page may go on with it.
        self.table: list[tuple[list[str], int, int]] | None = None
        self.after_table: list[tuple[str, int, int]] = []   # short lines after it (a page number)

    def ocr_places(self) -> tuple[list[int], list[tuple[int, int, int]]]:
        """The lines read by OCR, and the doubted figures as (line, first column, last column);
        a doubted table row (no columns known) is doubted whole."""
        scanned = set(self.ocr_pages)
        lines = [i for i, (page, _) in enumerate(self.places, 1) if page in scanned]
        first: dict[tuple[int, int], int] = {}
        for i, place in enumerate(self.places, 1):
            first.setdefault(place, i)
        doubted = []
        for page, page_line, a, b in self.doubted_places:
            line = first.get((page, page_line))
            if line is not None:
                doubted.append((line, a or 1, b or len(self.lines[line - 1])))
        return lines, doubted

    def add(self, page: int, page_line: int, text: str) -> None:
        self.flush()
        self.lines.append(text)
        self.places.append((page, page_line))

    def add_page(self, page: int, items: list[_TextLine | _Table], measured: bool = True) -> None:
        """A page's text lines and tables (lists of rows), in order. A table the page opens
        with goes on with the previous page's last table when it has as many columns (its
        repeated header rows dropped): one table broken by a page break, read as one. A line
        after a line that fills the page's width goes on with it (the text reader is told):
        the width broke it, not the writer (``measured``: the lines' extents are known; OCR's
        are not). A line's place is its page and its count of printed lines on it."""
        texts = [item for item in items if isinstance(item, _TextLine)]
        turn = texts[0].turn if texts else 0   # the page's own lines come first (pdf_layout)
        texts = [t for t in texts if t.turn == turn]
        left = min((t.left for t in texts), default=0.0)
        right = max((t.right for t in texts), default=0.0)
        full = right - 0.06 * (right - left)
        line = 0
        for item in items:
            if isinstance(item, _Table):
                line = self._add_rows(page, line, item)
                self.filled = False
                continue
            text, wraps = item.text, False
            if measured and item.turn == turn and not _PAGE_NUMBER.fullmatch(text):   # a page number neither fills nor wraps
                wraps = self.filled and item.left <= left + 6 and not _HEADING.match(text)
                self.filled = item.right >= full and len(text) > 20
            line += 1 if text.strip() else 0
            self.doubted_places += [(page, line, a + 1, b) for a, b in item.doubted]
            if self.table is not None and (not text.strip() or _PAGE_NUMBER.fullmatch(text)):
                self.after_table.append((text, page, max(line, 1)))   # between a table and its continuation?
                continue
            self.add(page, max(line, 1), text)   # any other text closes the open table
            if wraps:
                self.wrapped.add(len(self.lines))

    def _add_rows(self, page: int, line: int, table: _Table) -> int:
        """A table's rows, going on with the open table when only page numbers stand between
        and the widths agree; the count of printed lines after them."""
        rows, start = table.rows, line
        if self.table is not None and len(rows[0]) == len(self.table[0][0]):
            first = [r for r, _, _ in self.table]
            while rows and first and rows[0] == first[0]:   # the header repeated on the new page
                rows, first = rows[1:], first[1:]
                line += 1                                   # printed, if not read again
            self.after_table = []
        else:
            self.flush()
            self.table = []
        for row in rows:
            line += 1
            self.table.append((row, page, line))
        self.doubted_places += [(page, start + 1 + r, 0, 0) for r in table.doubted]
        return line

    def flush(self) -> None:
        """The open table written as pipe rows (a rule line under the first, a blank line after:
        not printed lines, they take the place of the row before), then what followed it."""
        if self.table is None:
            return
        table, self.table = self.table, None
        for i, (row, page, line) in enumerate(table):
            self.lines.append("| " + " | ".join(row) + " |")
            self.places.append((page, line))
            if i == 0:
                self.lines.append("|" + "---|" * len(row))
                self.places.append((page, line))
        self.lines.append("")
        self.places.append(self.places[-1])
        for text, page, line in self.after_table:
            self.lines.append(text)
            self.places.append((page, line))
        self.after_table = []


def _page_list(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages) if len(pages) < 6 else f"{pages[0]}–{pages[-1]} ({len(pages)})"


def _readers(name: str) -> None:
    try:
        import pdfplumber  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError:   # pragma: no cover - both are dependencies
        raise InputError(_("reading PDF needs pypdfium2 and pdfplumber (pip install pypdfium2 pdfplumber)"),
                         name) from None


def _read_pages(name: str) -> _Pages:
    """The pages' lines, read in a child process bounded in memory (plancheck.read.guarded):
    pdfium and pdfminer parse what the file holds."""
    pages = _Pages()
    _page_lines(name, pages)
    return pages


def _page_lines(name: str, pages: _Pages) -> None:
    """Every page's lines into ``pages``: tables as pipe rows, scans read by OCR."""
    import pdfplumber
    import pypdfium2 as pdfium

    from .pdf_census import check_pages
    try:
        text_doc = pdfium.PdfDocument(name)
    except pdfium.PdfiumError as exc:
        raise InputError(_("not a readable PDF ({exc})").format(exc=exc), name) from None
    try:
        pages.total = len(text_doc)
        if pages.total > MAX_PAGES:
            raise InputError(_("refused: {total} pages (limit {max_pages})")
                             .format(total=pages.total, max_pages=MAX_PAGES), name)
        # (page, its items, how it is a scan: "" no, "scan", or "layer": a scan under an OCR layer)
        read: list[tuple[int, list[_TextLine | _Table], str]] = []
        with pdfplumber.open(name) as tables_doc:
            check_pages(tables_doc.doc, name)   # before either reader expands a page's forms
            for number, table_page in enumerate(tables_doc.pages, 1):
                text_page, own, stamps = _flattened(text_doc, number - 1)
                try:
                    items = _items_of(text_page, table_page, own, stamps)
                    texted = any(isinstance(i, _Table) or i.text.strip() for i in items)
                    scan = "" if not table_page.images else "scan" if not texted or _scanned_body(table_page) \
                        else "layer" if _ocr_layer(text_page) else ""
                finally:
                    text_page.close()
                    table_page.close()   # pdfplumber keeps a page's objects until then
                if scan or texted:
                    read.append((number, items, scan))
        furniture = _furniture([items for _, items, scan in read if not scan])
        for number, items, scan in read:
            if scan:   # read by OCR in its place; a page with text is read as text where OCR cannot run
                texted = [i for i in items if isinstance(i, _Table) or i.text.strip()]
                _read_scan(name, text_doc[number - 1], number, pages, items if texted else None, scan == "layer")
            else:
                pages.add_page(number, [i for i in items if id(i) not in furniture])
        pages.flush()
    except (InputError, MemoryError):   # (out of memory: said as such by plancheck.read.guarded)
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF fails in either library in many ways
        raise InputError(_("not a readable PDF ({type}: {exc})").format(type=type(exc).__name__, exc=exc), name) from None
    finally:
        text_doc.close()
        if pages.ocr_pages:
            from .ocr import progress_done

            progress_done()
    if not pages.lines:
        raise InputError(_("a PDF without text"), name)


# Running headers and footers: lines in the top or bottom tenth of a page whose letters come
# back on several pages ("CÔNG BÁO/Số 281/Ngày 21-05-2026", "Trang 3"). They are the page's
# furniture, not the text: spliced into a sentence crossing a page they break it, and a page
# number fuses with the next figure ("78281").
_FURNITURE_PAGES = 3


def _furniture(pages: list[list]) -> set[int]:
    """The ids of the lines that are running headers or footers of their pages: lines at a
    page's edge (pdf_layout marks them) whose letters, numbers aside, return on three pages
    and on a third of them."""
    if len(pages) < _FURNITURE_PAGES:
        return set()
    seen: dict[str, list[int]] = {}
    for items in pages:
        for line in items:
            if isinstance(line, _TextLine) and line.edge:
                seen.setdefault(layout.furniture_key(line.text), []).append(id(line))
    needed = max(_FURNITURE_PAGES, int(0.3 * len(pages)))
    return {i for key, ids in seen.items() if key and len(ids) >= needed for i in ids}


# A page whose body is a picture under a few lines of text (a gazette's header and a signature
# over a scanned page): its pictures cover this share of the page at least, with no text on them,
# and its text is this many characters at most (a page of text holds 1,500 or more; a chart with
# its caption several hundred).
_SCANNED_AREA = 0.25
_SCANNED_TEXT = 300


def _ocr_layer(page) -> bool:
    """Whether a page's text is nearly all invisible (render mode 3): an OCR layer laid over a
    scanned picture, not the page's own text."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        shown = hidden = 0
        for i in range(textpage.count_chars()):
            obj = raw.FPDFText_GetTextObject(textpage.raw, i)
            if not obj:
                continue   # a space or line break pdfium made up
            if raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                hidden += 1
            else:
                shown += 1
        return hidden >= 9 * shown and hidden > 0
    finally:
        textpage.close()


def _scanned_body(page) -> bool:
    """Whether a page's text layer holds only its furniture, its body being a scanned picture:
    read by OCR, as a scan is."""
    if len(page.chars) > _SCANNED_TEXT:
        return False
    area = float(page.width * page.height) or 1.0
    bare = 0.0
    for image in page.images:
        x0, top, x1, bottom = (max(0.0, float(image[k])) for k in ("x0", "top", "x1", "bottom"))
        if not any(x0 <= c["x0"] <= x1 and top <= c["top"] <= bottom for c in page.chars):
            bare += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return bare >= _SCANNED_AREA * area


def _flattened(document, index: int) -> tuple[object, list | None, list[tuple[float, float, float, float]]]:
    """A page with what its annotations show made part of its text: the document's number and
    day a provincial e-office stamps into signature fields at signing, a form's filled fields
    (pdfium reads a page's text without its annotations); hidden annotations stay out. With
    the page's own characters, read before (None when it has no annotations), and the
    annotations' boxes (points from the page's top-left corner)."""
    import pypdfium2.raw as raw

    page = document[index]
    count = raw.FPDFPage_GetAnnotCount(page.raw)
    if count <= 0:
        return page, None, []
    height = page.get_height()
    boxes = []
    for i in range(count):
        annot = raw.FPDFPage_GetAnnot(page.raw, i)
        rect = raw.FS_RECTF()
        if annot and raw.FPDFAnnot_GetRect(annot, rect):
            boxes.append((rect.left, height - rect.top, rect.right, height - rect.bottom))
        if annot:
            raw.FPDFPage_CloseAnnot(annot)
    textpage = page.get_textpage()
    try:
        own = layout.page_chars(textpage, height)
    finally:
        textpage.close()
    if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) != raw.FLATTEN_SUCCESS:
        return page, None, []
    page.close()   # pdfium reads the flattened content on the page's next load
    return document[index], own, boxes


def _read_scan(name: str, page, number: int, pages: _Pages, text: list | None = None,
               ocr_layer: bool = False) -> None:
    """A scanned page read by OCR; InputError saying what to install where OCR cannot run, or
    when the file has more scanned pages than OCR may read. A scan that carries its own OCR
    layer (``ocr_layer``) is read by OCR too: such layers are often another language's guess
    ("Giao Vin phdng UBND tinh"). Where OCR cannot run, a page with text (``text``: its lines)
    is read from that text, and the report says so: the layer as OCR, a page's own text (over
    a large picture) as text."""
    from . import ocr

    count = len(pages.ocr_pages) + 1   # this page is the file's count-th scan
    if text is not None and ocr.unavailable():
        pages.add_page(number, text)
        if ocr_layer:
            pages.ocr_pages.append(number)
            pages.layer_pages.append(number)
        else:
            pages.picture_pages.append(number)
        return
    if count == 1:
        missing = ocr.unavailable()
        if missing:
            raise InputError(_("a scanned PDF (page {number} has no text layer): reading it needs OCR; {missing}")
                             .format(number=number, missing=missing),
                             name)
    if count > ocr.MAX_OCR_PAGES:
        raise InputError(_("refused: more than {pages} scanned pages to read by OCR")
                         .format(pages=ocr.MAX_OCR_PAGES), name)
    ocr.progress(name, number, pages.total)
    extend(ocr.SECONDS_PER_PAGE)   # the file's time limit was fitted to text
    items = [_Table(item.rows, frozenset(item.doubted_rows)) if isinstance(item, ocr.OcrTable)
             else _TextLine(item.text, item.top, item.top, 0.0, 0.0, tuple(item.doubted))
             for item in ocr.read_page(page) if not isinstance(item, ocr.OcrTable) or item.rows]
    for item in items:
        if isinstance(item, _TextLine):
            item.text, pages.roman = _mend_roman(_mend_marker(item.text), pages.roman)
    pages.add_page(number, items, measured=False)   # a table going on from the page before joins it
    pages.ocr_pages.append(number)


# A list item's marker as OCR reads it: a letter taken for a symbol of its shape ("©)" is "c)"),
# specks before it ("—4.", "_21.") or after it ("1.`Đồng ý"), the space after it lost ("4.UBND").
_OCR_MARKER = lazy_compile(r"^(?P<lead>\s*)[—–_`'‘’~^|•·]*\s*(?P<marker>(?:\d{1,2}|[a-zđ©])[.)])[`'‘’~^]*\s*"
                         r"(?=[A-ZĐ\u00c0-\u1ef9a-z])")


def _mend_marker(text: str) -> str:
    """An OCR line whose start is a list marker, as printed: "©)" read "c)", specks around the
    marker dropped, one space after it."""
    m = _OCR_MARKER.match(text)
    if not m:
        return text
    marker = m.group("marker").replace("©", "c")
    return m.group("lead") + marker + " " + text[m.end():]

# A section heading numbered in Roman as OCR misreads it: "II." as "H.", "Il." or "ll.", "I." as
# "l." or "|.", "III." as "II." once more. Its title starts with a capital.
_ROMAN_HEADING = lazy_compile(r"(?P<lead>\s*)(?P<n>[IVXHl|]{1,4})(?P<dot>[.,])\s+(?=[A-ZĐ\u00c0-\u1ef9])")
_OCR_ROMAN = str.maketrans({"l": "I", "|": "I"})


def _mend_roman(text: str, last: int) -> tuple[str, int]:
    """A line read by OCR with its Roman section number as the sequence wants it: a misread
    numeral ("H." after "I.") that, its look-alikes read as the letters they resemble, is the
    next one; a numeral repeated where the next was due ("II." after "II.") is the next. The
    line's text and the last Roman number seen."""
    m = _ROMAN_HEADING.match(text)
    if not m:
        return text, last
    written = m.group("n")
    read = written.translate(_OCR_ROMAN).replace("H", "II")
    value = roman_value(read)
    if value is None or not text[m.end():m.end() + 1].isupper():
        return text, last
    due = last + 1
    if value == due or (value == last and last and roman_value(roman_numeral(due)) == due
                        and len(roman_numeral(due)) == len(written) + 1):
        fixed = roman_numeral(due)
        if fixed != written or m.group("dot") != ".":
            text = m.group("lead") + fixed + "." + text[m.end("dot"):]
        return text, due
    return text, value if read == written else last


_PAGE_NUMBER = lazy_compile(r"\s*(?:[-–]\s*)?(?:[Tt]rang\s+)?\d{1,4}(?:\s*[-–])?\s*")
# Opens a new paragraph even right after a full line: a heading of the text's structure.
_HEADING = lazy_compile(r"\s*(?:Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+[IVXLC\d]|PHỤ\s+LỤC|Phụ\s+lục\s+[IVXLC\d])")


@dataclass
class _Table:
    """A table of a page: its rows of cell texts, and (read by OCR) the rows holding a doubted figure."""

    rows: list[list[str]]
    doubted: frozenset[int] = frozenset()


def _items_of(text_page, table_page, own: list | None = None,
              annotations: list[tuple[float, float, float, float]] = ()) -> list[_TextLine | _Table]:
    """A page in reading order: its lines of text (pdf_layout) outside the tables pdfplumber
    finds, and each table as its rows of cell texts. Lines set at another turn than most of
    the page's (a stamp along the margin) come after the page's own. ``own``: the page's
    characters before its annotations were flattened into it (the others come from them, and
    are its text where they fill a field)."""
    width, height = float(table_page.width), float(table_page.height)
    textpage = text_page.get_textpage()
    try:
        chars = layout.page_chars(textpage, height)
    finally:
        textpage.close()
    stamped: set[int] = set()   # characters a field's annotation showed: pdfplumber's cells lack them
    if own is not None:
        fields = layout.field_text(layout.added(own, chars), annotations, width, height)
        stamped = {id(c) for c in fields}
        chars = own + fields
    turn = layout.main_turn(chars)
    placed: list[tuple[float, int, _TextLine | _Table]] = []
    boxes = []
    for found in table_page.find_tables() if _draws_lines(text_page) else ():
        table = _table_of(found, chars, width, height, stamped)
        if table is not None:
            boxes.append(found.bbox)
            placed.append((layout.framed(found.bbox, turn, width, height)[1], 0, table))
    if boxes:   # a table's characters are its cells'
        chars = [c for c in chars if c.box is None or not any(layout.inside(c, b, 1.0) for b in boxes)]
    for line in layout.text_lines(chars, width, height):
        placed.append((line.top if line.turn == turn else math.inf, 1, line))
    return [item for _, _, item in sorted(placed, key=lambda p: (p[0], p[1]))]


def _draws_lines(page) -> bool:
    """Whether a page draws anything a ruled table is made of (paths, in forms too): pdfplumber
    finds tables by their lines, and looking for them parses every character of the page (a
    third of a second on a page of text alone, which has none)."""
    import pypdfium2.raw as pdfium_c

    return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=16)), None) is not None


def _table_of(found, chars: list[layout._Char], width: float, height: float,
              stamped: set[int] = frozenset()) -> _Table | None:
    """pdfplumber's table as rows of cell texts in reading order; None when it is no table: a
    frame around a paragraph, a box around a signature, a heading's cell found inside a larger
    table hold content in one column only (_is_table).
    A table printed sideways is read with its rows across the page, and a cell holding turned
    text (a column's heading set vertically) is read in its text's frame, as is a cell holding
    a field filled in (``stamped``: pdfplumber reads no annotation)."""
    held = [c for c in chars if c.box is not None and layout.inside(c, found.bbox, 1.0)]
    turned = {c.turn for c in held if not c.text.isspace()} - {0}
    grid = [list(row.cells) for row in found.rows]
    texts = [[(cell or "").replace("\n", " ").strip() for cell in row] for row in found.extract()]
    by_box = {box: texts[i][j] for i, row in enumerate(grid) for j, box in enumerate(row) if box is not None}
    if turned or (stamped and any(id(c) in stamped for c in held)):
        for box in by_box:
            mine = [c for c in held if layout.inside(c, box)]
            if any(c.turn or id(c) in stamped for c in mine):   # turned text, or a field filled in the cell
                by_box[box] = layout.cell_text(mine, width, height)
        if turned:
            grid = layout.read_grid(grid, layout.main_turn(held), width, height)
    rows = [[by_box[box] if box is not None else "" for box in row] for row in grid]
    return _Table(rows) if _is_table(rows) else None


def _is_table(rows: list[list[str]]) -> bool:
    """Whether cells found by their rules hold a table: two rows at least, and a third of the
    rows with content, have it in two cells or more. A passage in a frame whose rules cross a
    line or two (a heading and its clauses, one cell a row) is text."""
    filled = [sum(1 for cell in row if cell) for row in rows]
    several = sum(1 for n in filled if n >= 2)
    return several >= 2 and 3 * several >= sum(1 for n in filled if n)


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
