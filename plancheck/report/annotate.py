"""Findings back in Word: a copy of a .docx with each finding as a comment (author
"plancheck") on the paragraph or table cell it is about, its message and likely fix in the
comment. The original is not touched. Comments are python-docx's (1.2 writes them).

A finding in a footnote, a text box, a header or a footer is anchored on the body paragraph
or cell it follows (a header's or footer's on the first paragraph), its comment naming the part.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError, PlancheckError
from ..models.finding import Finding
from ..models.location import Location

AUTHOR, INITIALS = "plancheck", "PC"
_WORDS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "fix": "Sửa", "header": "đầu trang",
           "footer": "chân trang", "footnote": "chú thích", "endnote": "chú thích cuối", "text box": "hộp văn bản"},
    "en": {"error": "error", "warning": "warning", "info": "info", "fix": "Fix", "header": "header",
           "footer": "footer", "footnote": "footnote", "endnote": "endnote", "text box": "text box"},
}


def annotate(source: str | Path, findings: Iterable[Finding], output: str | Path, lang: str = "vi") -> int:
    """Write ``output``: ``source`` with one comment per finding located in it; the number of
    comments written. InputError when the source cannot be read or the copy written."""
    import docx

    from ..read import read_source
    from ..read.docx import verify_archive

    source, output = Path(source), Path(output)
    if source.resolve() == output.resolve():
        raise PlancheckError(f"--annotate: {output} is the document checked; write the copy elsewhere")
    verify_archive(str(source))   # every part, images too: python-docx will inflate them all
    document, _ = read_source(source)
    anchors = _body_anchors(document)
    word = docx.Document(str(source))
    items = list(word.iter_inner_content())
    paragraphs = [i for i in items if not hasattr(i, "rows")]
    tables = [i for i in items if hasattr(i, "rows")]
    written = 0
    for finding in findings:
        loc = finding.location
        if loc.path != str(source):
            continue
        anchor, part = _anchor(loc, anchors)
        target = _target(anchor, paragraphs, tables) if anchor is not None else (paragraphs[0] if paragraphs else None)
        if target is None:
            continue
        runs = target.runs or [target.add_run("")]
        word.add_comment(runs, text=_comment_text(finding, part, lang), author=AUTHOR, initials=INITIALS)
        written += 1
    try:
        word.save(str(output))
    except OSError as exc:
        raise InputError(f"cannot write the annotated copy: {exc.strerror}", str(output)) from None
    return written


def _body_anchors(document: Any) -> dict[int, Location]:
    """Line -> the body position (paragraph, or table, row and cell) a line's block stands under:
    its own, or for a footnote's, a text box's or a margin's line, the last body block before it."""
    anchors: dict[int, Location] = {}
    last: Location | None = None
    for block in document.blocks:
        pieces = [block] if not hasattr(block, "rows") else [c for row in block.rows for c in row.cells]
        for piece in pieces:
            if not piece.spans:
                continue
            loc = piece.spans[0].location
            if loc.part is None:
                last = loc
            if last is not None:
                anchors.setdefault(loc.line, last)
    return anchors


def _anchor(loc: Location, anchors: dict[int, Location]) -> tuple[Location | None, str | None]:
    if loc.part is None:
        return loc, None
    if loc.part in ("header", "footer"):
        return None, loc.part
    return anchors.get(loc.line), loc.part


def _target(loc: Location, paragraphs: list, tables: list):
    """The python-docx paragraph the comment goes on."""
    if loc.table is not None:
        from docx.table import _Cell

        if not 1 <= loc.table <= len(tables):
            return None
        table = tables[loc.table - 1]
        rows = table.rows
        if not 1 <= (loc.row or 0) <= len(rows):
            return None
        cells = rows[loc.row - 1]._tr.tc_lst    # each cell once, merged or not (as the reader counts)
        if not 1 <= (loc.cell or 0) <= len(cells):
            return None
        return _Cell(cells[loc.cell - 1], table).paragraphs[0]
    if loc.paragraph is not None and 1 <= loc.paragraph <= len(paragraphs):
        return paragraphs[loc.paragraph - 1]
    return None


def _comment_text(finding: Finding, part: str | None, lang: str) -> str:
    words = _WORDS.get(lang, _WORDS["en"])
    where = ""
    if part:
        kind, _, n = part.partition(" ")
        where = f"({words.get(kind, kind)}{' ' + n if n else ''}) "
    text = f"{finding.rule} [{words[finding.severity.value]}] {where}{finding.message}"
    if finding.suggestion:
        text += f"\n{words['fix']}: {finding.suggestion}"
    return text
