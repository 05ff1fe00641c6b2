"""Word .docx -> Document, with python-docx (imported only when a .docx is read).

Positions. ``Document.lines`` holds one line per body paragraph (empty ones
included, so numbers match what Word counts) and one per table row, the row's
cells joined with " | ", in body order. ``Location.line`` indexes these lines and
``column`` the character in them (1-based), so a text report can show the line
with a caret under the spot. Word positions ride along: ``paragraph`` (the
1-based count of body paragraphs; paragraphs inside tables are not counted) or
``table``, ``row``, ``cell`` (1-based; a merged cell counts once).

Tables keep exact rows. A horizontally merged cell appears once with its
``column_span``; the continuation of a vertical merge is an empty cell, the text
staying in the top one. A nested table is flattened into its cell's text.
Tracked changes are read as if accepted (insertions in, deletions out) and the report says
so; text inside content controls is read where it stands (a body paragraph, a cell's text); a
text box's paragraphs follow the paragraph that anchors it (the table, for a box in a cell), once
whatever its nesting or the VML copy Word writes beside it, a footnote's or endnote's
text the paragraph that refers to it, headers and footers come after the body (each text
once), all located by their part ("footnote 2"); comments are kept with the block their
range starts in (plancheck.read.word_xml).

A .docx is a zip archive and a small one can inflate to gigabytes (a 331 KB
file of 3M empty paragraphs took python-docx 2 GB and 12 s), so the archive is
checked against the limits below before python-docx opens it, and the body's
length before it is read (python-docx takes about 50 µs a paragraph). Measured:
1.4 MB holding 560,000 one-word paragraphs (19.7 MB of XML) took 33 s and 1.4 GB
before these limits; a plan of a hundred pages has a few thousand paragraphs.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError
from ..i18n import _, number
from ..models.document import Cell, Document, Paragraph, Row, Span, Table
from ..models.location import Location
from .encoding import from_legacy, legacy_caveat, legacy_vietnamese_encoding
from .text import clean_text
from .word_xml import (W, Changes, DamagedPart, Notes, Numbering, comment_anchors, note_references, paragraph_text, read_notes,
                       read_numbering, text_boxes)

MAX_ZIP_ENTRIES = 2_000                  # a document has tens, with images a few hundred
MAX_UNCOMPRESSED_BYTES = 200 * 2**20     # all parts, images included
MAX_XML_PART_BYTES = 16 * 2**20          # one XML part: bounds python-docx's memory
MAX_BODY_ITEMS = 100_000                 # paragraphs, tables and cells: bounds the time to read them

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_COMPRESSION_RATIO = 100              # for parts over RATIO_FLOOR; Word XML deflates 5-20x
RATIO_FLOOR = 2**20
_CHUNK = 2**20                           # inflated at a time: bounds memory whatever a part says
# What zipfile raises on a damaged archive: a bad directory or CRC, a version or method it does
# not know (NotImplementedError), a password (RuntimeError), a bad name (UnicodeDecodeError).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, struct.error)

TABLE_TAG = f"{{{_W}}}tbl"
_BODY_TAGS = {f"{{{_W}}}p", TABLE_TAG}
_ROW_TAG, _CELL_TAG = {f"{{{_W}}}tr"}, {f"{{{_W}}}tc"}
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{{{_W}}}sdt", f"{{{_W}}}sdtContent", f"{{{_W}}}customXml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # Word 97-2003 .doc (and .xls, .ppt)
_CELL_SEPARATOR = " | "


def read_docx_document(path: str | Path) -> Document:
    """A .docx file as a Document; InputError when it is not one or looks hostile."""
    name = str(path)
    check_archive(name)
    package = repacked(name)
    try:
        import docx
    except ImportError:   # pragma: no cover - python-docx is a dependency
        raise InputError(_("reading .docx needs python-docx (pip install python-docx)"), name) from None
    try:
        word = docx.Document(package)
    except Exception as exc:  # noqa: BLE001 - any failure inside python-docx means a broken file
        raise InputError(_("corrupt .docx: {reason}").format(reason=_reason(exc)), name) from None
    # table cells count too: a table of 30,000 rows took 21 s and 314 MB to read
    items = sum(1 for _block in body_blocks(word.element.body)) + sum(1 for _cell in word.element.body.iter(W + "tc"))
    if items > MAX_BODY_ITEMS:
        raise InputError(_("refused: {items} paragraphs, tables and table cells (limit {max_body_items}); a zip bomb or not a plan document")
                         .format(items=number(items), max_body_items=number(MAX_BODY_ITEMS)), name)
    # typed in .VnTime (TCVN3) or VNI fonts: every text converted as it is read
    legacy = legacy_vietnamese_encoding(" ".join("".join(p.itertext()) for p in word.element.body.iter(W + "p")),
                                        strict=True)
    try:
        document = _Reader(name, convert=(lambda text: from_legacy(text, legacy)) if legacy else None).read(word)
    except DamagedPart as exc:   # footnotes, endnotes, numbering: read by hand, damaged as document.xml can be
        raise InputError(_("corrupt .docx: {reason}").format(reason=str(exc)), name) from None
    if legacy:
        document.caveats.append(legacy_caveat(legacy))
    return document


def check_archive(path: str) -> None:
    """InputError unless ``path`` is a zip archive within the limits, holding a Word package."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(_("cannot read: {strerror}").format(strerror=exc.strerror), path) from None
    if head.startswith(_OLE_MAGIC):
        raise InputError(_("a Word 97-2003 .doc file, not .docx; save it as .docx"), path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise InputError(_("not a Word .docx file (not a zip archive: {exc})").format(exc=exc), path) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InputError(_("refused: the .docx archive holds {count} entries (limit {max_zip_entries}); a zip bomb or not a Word document")
                         .format(count=len(entries), max_zip_entries=MAX_ZIP_ENTRIES), path)
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(_("refused: the .docx would inflate to {size} (limit {limit})")
                         .format(size=_size(total), limit=_size(MAX_UNCOMPRESSED_BYTES)), path)
    for e in entries:
        if e.filename.endswith((".xml", ".rels")) and e.file_size > MAX_XML_PART_BYTES:
            raise InputError(_("refused: {filename} would inflate to {size} (limit {limit})")
                             .format(filename=e.filename, size=_size(e.file_size), limit=_size(MAX_XML_PART_BYTES)), path)
        if e.file_size > RATIO_FLOOR and e.file_size > MAX_COMPRESSION_RATIO * max(e.compress_size, 1):
            raise InputError(_("refused: {filename} is compressed {ratio} to 1 (limit {max_compression_ratio}); a zip bomb?")
                             .format(filename=e.filename, ratio=e.file_size // max(e.compress_size, 1), max_compression_ratio=MAX_COMPRESSION_RATIO), path)
    if not any(e.filename == "[Content_Types].xml" for e in entries):
        raise InputError(_("not a Word .docx file (a zip archive without [Content_Types].xml)"), path)


def verify_archive(path: str) -> None:
    """InputError unless every part of the archive, media included, inflates within the limits
    as a stream: what must hold before python-docx opens the file itself (to write a copy)."""
    check_archive(path)
    spent = [0]
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                for _chunk in _inflated(archive, entry, path, spent, part_limit=None):
                    pass
    except _ZIP_ERRORS as exc:
        raise InputError(_("corrupt .docx: {reason}").format(reason=_reason(exc)), path) from None


def repacked(path: str) -> io.BytesIO:
    """The archive's parts packed again in memory, each inflated as a stream that stops at its
    limit whatever the archive's directory says, for python-docx to open instead of the file.

    zipfile trusts the sizes in the directory, and asked for a whole part (as python-docx
    asks) inflates it in one call: a part that says 10 KB and inflates to 1 GiB took 2 GB
    before it was refused. Read a megabyte at a time, a part stops at its declared size
    (then zipfile's CRC check refuses it) or at the limit. Images and other media are
    packed empty: plancheck reads text, and they are most of a document's bytes."""
    out = io.BytesIO()
    spent = [0]
    try:
        with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for entry in archive.infolist():
                if entry.is_dir():
                    continue
                if not entry.filename.endswith((".xml", ".rels")):
                    copy.writestr(entry.filename, b"")
                    continue
                copy.writestr(entry.filename, b"".join(_inflated(archive, entry, path, spent, MAX_XML_PART_BYTES)))
    except _ZIP_ERRORS as exc:
        # a part that inflates past what the directory says fails zipfile's CRC check
        raise InputError(_("corrupt .docx: {reason}").format(reason=_reason(exc)), path) from None
    out.seek(0)
    return out


def _inflated(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, path: str, spent: list[int],
              part_limit: int | None) -> Iterator[bytes]:
    """A part's bytes a megabyte at a time, refused past ``part_limit`` or once the archive's
    parts together (``spent[0]``, shared by the calls) pass MAX_UNCOMPRESSED_BYTES."""
    size = 0
    with archive.open(entry) as part:
        while chunk := part.read(_CHUNK):
            size += len(chunk)
            spent[0] += len(chunk)
            if part_limit is not None and size > part_limit:
                raise InputError(_("refused: {filename} inflates past {size}; a zip bomb?")
                                 .format(filename=entry.filename, size=_size(part_limit)), path)
            if spent[0] > MAX_UNCOMPRESSED_BYTES:
                raise InputError(_("refused: the .docx inflates past {size}; a zip bomb?")
                                 .format(size=_size(MAX_UNCOMPRESSED_BYTES)),
                                 path)
            yield chunk


def _size(n: int) -> str:
    # written as the run's language writes numbers (12,3 MB in Vietnamese)
    return f"{number(n / 2**20, 1)} MB" if n >= 2**20 else f"{number(n / 1024, 1)} KB" if n >= 1024 \
        else f"{number(n)} bytes"


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 200 else text[:197] + "..."


class _Reader:
    def __init__(self, path: str, convert: Callable[[str], str] | None = None) -> None:
        self.path = path
        self.convert = convert or (lambda text: text)
        self.doc = Document(path=path, source_format="docx")
        self.paragraphs = 0
        self.tables = 0
        self.styles: dict[str | None, str] = {}
        self.changes = Changes()
        self.notes = Notes()
        self.note_numbers: dict[tuple[str, str], int] = {}   # (kind, id) -> the note's number, as Word shows it
        self.anchors: dict[str, int] = {}                      # comment id -> block index
        self.numbering = Numbering(None)

    def read(self, word) -> Document:
        self.styles = _style_names(word)
        self.notes = read_notes(word.part, self.changes)
        self.numbering = read_numbering(word.part)
        for item in body_items(word):
            if hasattr(item, "rows"):
                self._table(item)
            else:
                self._paragraph(item)
        self._margins(word)
        self._comments(word)
        if self.changes:
            self.doc.caveats.append(self.changes.caveat())
        return self.doc

    def _new_line(self, text: str) -> int:
        # A line is a line: Word's breaks and tabs become spaces (same length, same columns).
        self.doc.lines.append(text.translate(_FLATTEN))
        return len(self.doc.lines)

    def _paragraph(self, paragraph) -> None:
        self.paragraphs += 1
        p = paragraph._p
        label = self.numbering.label(p)   # "1.", "a)": Word's automatic numbering, in no run
        text = paragraph_text(p, self.changes)
        self._add_paragraph(f"{label} {text}" if label and text.strip() else text, self.styles.get(p.style),
                            paragraph=self.paragraphs)
        for box in text_boxes(p):
            self._add_paragraph(paragraph_text(box, self.changes), None, part="text box")
        self._notes_of(p)
        for comment in comment_anchors(p):
            self.anchors.setdefault(comment, len(self.doc.blocks) - 1)

    def _add_paragraph(self, raw: str, style: str | None, paragraph: int | None = None,
                       part: str | None = None) -> None:
        line = self._new_line(self.convert(raw))
        text, breaks = clean_text(self.doc.lines[-1])
        if not text:
            return
        spans = [Span(start=off, location=Location(path=self.path, line=line, column=col + 1,
                                                   paragraph=paragraph, part=part)) for off, col in breaks]
        self.doc.blocks.append(Paragraph(index=len(self.doc.blocks), text=text, spans=spans, style=style))

    def _notes_of(self, element) -> None:
        """A note's text read right after the paragraph (or row) that refers to it, where it explains."""
        for kind, note_id in note_references(element):
            text = (self.notes.footnotes if kind == "footnote" else self.notes.endnotes).get(note_id)
            if text is None or (kind, note_id) in self.note_numbers:
                continue
            number = self.note_numbers[(kind, note_id)] = sum(1 for k, _ in self.note_numbers if k == kind) + 1
            self._add_paragraph(text, None, part=f"{kind} {number}")

    def _margins(self, word) -> None:
        """Headers and footers, each text once (sections repeat them), after the body."""
        seen: set[str] = set()
        for section in word.sections:
            for kind, parts in (("header", (section.header, section.first_page_header, section.even_page_header)),
                                ("footer", (section.footer, section.first_page_footer, section.even_page_footer))):
                for part in parts:
                    if part.is_linked_to_previous:
                        continue
                    for p in part._element.iter(W + "p"):
                        raw = paragraph_text(p, self.changes)
                        if raw.strip() and raw not in seen:
                            seen.add(raw)
                            self._add_paragraph(raw, None, part=kind)

    def _comments(self, word) -> None:
        """Word comments, with the block their anchored range starts in (for suppressions)."""
        try:
            comments = list(word.comments)
        except Exception:   # noqa: BLE001 - a document without a comments part, or a broken one
            return
        for comment in comments:
            self.doc.comments.append({"id": str(comment.comment_id), "author": comment.author or "",
                                      "text": comment.text, "block": self.anchors.get(str(comment.comment_id))})

    def _table(self, table) -> None:
        self.tables += 1
        rows: list[Row] = []
        width = 0
        for r, row in enumerate(_rows(table), 1):
            raw_cells = [(column, span, self.convert(text)) for column, span, text in _row_cells(row, self.changes)]
            raw_line = _CELL_SEPARATOR.join(text for _, _, text in raw_cells).translate(_FLATTEN)
            line = self._new_line(raw_line)
            cells, start = [], 0
            for c, (column, span, raw) in enumerate(raw_cells, 1):
                text, breaks = clean_text(raw_line, start, start + len(raw))
                loc = dict(path=self.path, line=line, table=self.tables, row=r, cell=c)
                spans = [Span(start=off, location=Location(column=col + 1, **loc)) for off, col in breaks]
                cells.append(Cell(text=text, spans=spans, column=column, column_span=span))
                start += len(raw) + len(_CELL_SEPARATOR)
                width = max(width, column + span)
            rows.append(Row(cells=cells))
        self.doc.blocks.append(Table(index=len(self.doc.blocks), rows=rows, columns=width, rows_from="exact"))
        for box in text_boxes(table._tbl):   # a text box anchored in a cell: read after its table
            self._add_paragraph(paragraph_text(box, self.changes), None, part="text box")
        self._notes_of(table._tbl)
        for comment in comment_anchors(table._tbl):
            self.anchors.setdefault(comment, len(self.doc.blocks) - 1)


_FLATTEN = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\v": " ", "\f": " "})


def _rows(table) -> Iterator:
    """A python-docx table's rows as python-docx rows, those in content controls too."""
    from docx.table import _Row

    return (_Row(tr, table) for tr in table_rows(table._tbl))


def _row_cells(row, changes: Changes | None = None):
    """(grid column, column span, text) for each cell of a row.

    python-docx's ``row.cells`` repeats a merged cell once per grid column and
    gives a vertical merge's continuation the top cell's content; walking the
    row's <w:tc> elements sees each cell once and tells a continuation apart.
    """
    from docx.table import _Cell

    column = row.grid_cols_before
    for tc in row_cells(row._tr):
        span = tc.grid_span
        text = "" if tc.vMerge == "continue" else _cell_text(_Cell(tc, row.table), changes)
        yield column, span, text
        column += span


def _cell_text(cell, changes: Changes | None = None) -> str:
    """The cell's paragraphs, and the text of any table nested in it, joined with spaces."""
    from docx.table import Table as WordTable

    parts: list[str] = []
    for element in body_blocks(cell._tc):
        if element.tag == TABLE_TAG:
            parts += [text for inner_row in _rows(WordTable(element, cell))
                      for _, _, text in _row_cells(inner_row, changes)]
        else:
            parts.append(paragraph_text(element, changes))
    return " ".join(p for p in parts if p.strip())


def body_items(word) -> Iterator:
    """A document's body paragraphs and tables as python-docx objects, in order, those inside
    content controls too (``body_blocks``): as the reader counts them, and the annotator."""
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph as WordParagraph

    for element in body_blocks(word.element.body):
        yield WordTable(element, word._body) if element.tag == TABLE_TAG else WordParagraph(element, word._body)


def body_blocks(container) -> Iterator:
    """The ``w:p`` and ``w:tbl`` elements of a body or a cell, in order, those inside content
    controls (``w:sdt``: a cover page, a form's field, a table of contents) and custom XML too.
    python-docx's ``iter_inner_content`` gives only its direct children: the text inside a
    content control was lost."""
    return _unwrapped(container, _BODY_TAGS)


def table_rows(tbl) -> Iterator:
    """A table's ``w:tr`` elements, those of a repeating section (a content control around
    rows) too: python-docx's ``rows`` gives direct children only."""
    return _unwrapped(tbl, _ROW_TAG)


def row_cells(tr) -> Iterator:
    """A row's ``w:tc`` elements, each once whatever it spans, those inside a content control
    too."""
    return _unwrapped(tr, _CELL_TAG)


def _unwrapped(container, tags) -> Iterator:
    """The children of ``container`` with one of ``tags``, in order, looking inside content
    controls and custom XML. (Nesting is bounded by the XML parser: 256 levels.)"""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, tags)


def _style_names(word) -> dict[str | None, str]:
    """Paragraph style names by style id (None: the default style).

    Read once: python-docx's ``paragraph.style`` scans every style of the
    document for each paragraph without one (1 ms each, minutes on a long file).
    """
    from docx.enum.style import WD_STYLE_TYPE

    names = {s.style_id: s.name for s in word.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if default is not None:
        names[None] = default.name
    return names
