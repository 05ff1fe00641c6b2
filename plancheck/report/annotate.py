"""Findings back in Word: a copy of a .docx with each finding as a comment (author
"plancheck") on the figure it is about (its runs split where the figure starts and ends), or
on the paragraph or table cell when the figure cannot be found in its runs; its message and
likely fix in the comment. The original is not touched; annotating a copy annotated before
replaces plancheck's earlier comments (the drafter's stay). Comments are python-docx's (1.2
writes them); removing and splitting runs is done on its XML.

A finding in a footnote, a text box, a header or a footer is anchored on the body paragraph
or cell it follows (a header's or footer's on the first paragraph), its comment naming the part.
"""
from __future__ import annotations

import os

from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError, PlancheckError
from ..i18n import _
from ..models.finding import Finding
from ..models.location import Location

AUTHOR, INITIALS = "plancheck", "PC"
_WORDS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "fix": "Sửa", "header": "đầu trang",
           "footer": "chân trang", "footnote": "chú thích", "endnote": "chú thích cuối", "text box": "hộp văn bản"},
    "en": {"error": "error", "warning": "warning", "info": "info", "fix": "Fix", "header": "header",
           "footer": "footer", "footnote": "footnote", "endnote": "endnote", "text box": "text box"},
}


def annotate(source: str | Path, findings: Iterable[Finding], output: str | Path, lang: str = "vi",
             fixes: dict[int, tuple[str, str]] | None = None) -> int:
    """Write ``output``: ``source`` with one comment per finding located in it; the number of
    comments written. ``fixes``: id(finding) -> (old, new) of the fixes its rule marks certain,
    written as tracked changes (author plancheck) under the comment, for the drafter to accept
    or reject. InputError when the source cannot be read or the copy written."""
    import docx

    from ..read import read_source
    from ..read.docx import body_items, verify_archive

    source, output = Path(source), Path(output)
    if source.resolve() == output.resolve() or (output.exists() and os.path.samefile(source, output)):
        # (a hard link is the same file by another name: writing it would overwrite the document)
        raise PlancheckError(f"--annotate: {output} is the document checked; write the copy elsewhere")
    verify_archive(str(source))   # every part, images too: python-docx will inflate them all
    document, _lines = read_source(source)
    anchors = _body_anchors(document)
    said = {b.spans[0].location.paragraph: b.text for b in document.blocks
            if not hasattr(b, "rows") and b.spans and b.spans[0].location.part is None}   # paragraph -> text read
    if output.suffix.lower() != ".docx":
        raise PlancheckError(f"--annotate: the copy must be a .docx file, not {output.name}")
    word = docx.Document(str(source))
    # plancheck's comments of an earlier annotation go; its tracked changes stay for the drafter
    # to accept or reject (the copy is read as if they were accepted, so they raise no finding)
    _remove_own_comments(word)
    revisions = _revision_ids(word)
    items = list(body_items(word))   # as the reader counted them (those in content controls too)
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
        fix = (fixes or {}).get(id(finding))
        runs = None
        if part is None and loc.table is None:
            runs = _figure_runs(target, loc, said.get(loc.paragraph), len(fix[0]) if fix else None)
            if runs and fix and "".join(r.text for r in runs) == fix[0]:
                runs = _tracked(runs, fix[1], revisions)
        runs = runs or target.runs or [target.add_run("")]
        comment = word.add_comment(runs, text=_comment_text(finding, part, lang), author=AUTHOR, initials=INITIALS)
        _markers_outside_changes(runs, str(comment.comment_id))
        written += 1
    try:
        word.save(str(output))
    except OSError as exc:
        raise InputError(_("cannot write the annotated copy: {strerror}").format(strerror=exc.strerror), str(output)) from None
    return written


def _remove_own_comments(word: Any) -> None:
    """plancheck's comments of an earlier annotation, with their anchors, out of the copy."""
    from docx.oxml.ns import qn

    comments = word.comments._comments_elm
    own = {c.get(qn("w:id")) for c in comments.findall(qn("w:comment")) if c.get(qn("w:author")) == AUTHOR}
    if not own:
        return
    for c in list(comments.findall(qn("w:comment"))):
        if c.get(qn("w:id")) in own:
            comments.remove(c)
    body = word.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for mark in list(body.iter(qn(tag))):
            if mark.get(qn("w:id")) in own:
                mark.getparent().remove(mark)
    for ref in list(body.iter(qn("w:commentReference"))):
        if ref.get(qn("w:id")) in own:
            run = ref.getparent()
            run.getparent().remove(run)


def _revision_ids(word: Any):
    """Ids for new tracked changes, past every id the body uses (revisions of every kind)."""
    import itertools

    from docx.oxml.ns import qn

    key = qn("w:id")
    used = [int(e.get(key)) for e in word.element.body.iter() if (e.get(key) or "").isdigit()]
    return itertools.count(max(used, default=0) + 1)


def _markers_outside_changes(runs: list, comment_id: str) -> None:
    """A comment's range around a tracked change begins before the deletion and ends after the
    insertion, so that accepting or rejecting the change keeps the comment."""
    from docx.oxml.ns import qn

    if not runs:
        return
    first, last = runs[0]._r, runs[-1]._r
    change_start, change_end = first.getparent(), last.getparent()
    if change_start.tag != qn("w:del") or change_end.tag != qn("w:ins"):
        return
    for mark in list(change_start.iter(qn("w:commentRangeStart"))):
        if mark.get(qn("w:id")) == comment_id:
            change_start.addprevious(mark)
    for mark in list(change_end.iter(qn("w:commentRangeEnd"))):
        if mark.get(qn("w:id")) == comment_id:
            change_end.addnext(mark)
            for ref in list(change_end.iter(qn("w:commentReference"))):
                if ref.get(qn("w:id")) == comment_id:
                    mark.addnext(ref.getparent())


def _tracked(runs: list, new: str, ids) -> list:
    """The runs replaced by ``new`` as a tracked change: deleted (w:del) and inserted (w:ins) by
    plancheck; the runs to comment on (the deleted and the inserted)."""
    import datetime as dt

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.run import Run

    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    paragraph = runs[0]._parent
    first = runs[0]._r
    deleted, inserted = OxmlElement("w:del"), OxmlElement("w:ins")
    for mark in (deleted, inserted):
        mark.set(qn("w:id"), str(next(ids)))
        mark.set(qn("w:author"), AUTHOR)
        mark.set(qn("w:date"), when)
    added = _plain_copy(first)
    added.find(qn("w:t")).text = new
    first.addprevious(deleted)
    for run in runs:
        text = run._r.find(qn("w:t"))
        text.tag = qn("w:delText")
        deleted.append(run._r)
    deleted.addnext(inserted)
    inserted.append(added)
    return [Run(r, paragraph) for r in (*deleted, added)]


def _figure_runs(paragraph: Any, loc: Location, read: str | None, length: int | None = None) -> list | None:
    """The runs holding the figure at the finding's column, split so that they hold it alone:
    the comment then marks the figure, not the paragraph. None when the paragraph's runs do not
    read as the text the column counts in (``read``: the reader's text of the paragraph, which
    may begin with Word's automatic number), or hold more than text."""
    text = "".join(r.text for r in paragraph.runs)
    if read is None or not text or not read.endswith(text):
        return None
    offset = len(read) - len(text)   # Word's automatic number, before the runs' text
    start = (loc.column or 1) - 1 - offset
    if length is not None:   # a fix's old text, whatever it is
        return _split(paragraph, start, start + length) if 0 <= start and start + length <= len(text) else None
    if not 0 <= start < len(text) or not text[start].isdigit():
        return None   # a finding at a word (a statement's start, a citation) marks its paragraph
    end = loc.end_column - 1 - offset if loc.end_column and loc.end_line in (None, loc.line) else start
    if not start < end <= len(text):   # the figure: up to the next space, its closing mark left out
        from ..text import token_end

        end = token_end(text, start)
    return _split(paragraph, start, end)


def _plain_copy(run: Any) -> Any:
    """A copy of a run without the revision marks of its formatting (their ids are unique)."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    copy = deepcopy(run)
    for change in list(copy.iter(qn("w:rPrChange"))):
        change.getparent().remove(change)
    return copy


def _split(paragraph: Any, start: int, end: int) -> list | None:
    """The paragraph's runs split so that some hold characters start..end alone; those runs."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    pieces, at = [], 0
    for run in list(paragraph.runs):
        r = run._r
        texts = r.findall(qn("w:t"))
        if len(texts) != 1 or len(r) - (r.rPr is not None) != 1:   # a run of one text, nothing else
            if at < end and at + len(run.text) > start:
                return None
            at += len(run.text)
            continue
        length = len(run.text)
        lo, hi = max(start, at), min(end, at + length)
        if lo < hi:   # this run holds part of the figure: split off what is before and after it
            content = run.text
            before, middle, after = content[:lo - at], content[lo - at:hi - at], content[hi - at:]
            for piece, value in ((r, middle),):
                piece.find(qn("w:t")).text = value
            if before:
                first = _plain_copy(r)
                first.find(qn("w:t")).text = before
                first.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.addprevious(first)
            if after:
                last = _plain_copy(r)
                last.find(qn("w:t")).text = after
                last.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.addnext(last)
            r.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            pieces.append(Run(r, paragraph))
        at += length
    return pieces or None


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
        from docx.text.paragraph import Paragraph

        from ..read.docx import TABLE_TAG, body_blocks, row_cells, table_rows

        if not 1 <= loc.table <= len(tables):
            return None
        table = tables[loc.table - 1]
        rows = list(table_rows(table._tbl))    # as the reader counts them: in content controls too
        if not 1 <= (loc.row or 0) <= len(rows):
            return None
        cells = list(row_cells(rows[loc.row - 1]))    # each cell once, merged or not
        if not 1 <= (loc.cell or 0) <= len(cells):
            return None
        cell = _Cell(cells[loc.cell - 1], table)
        first = next((p for p in body_blocks(cell._tc) if p.tag != TABLE_TAG), None)
        return Paragraph(first, cell) if first is not None else cell.add_paragraph()
    if loc.paragraph is not None and 1 <= loc.paragraph <= len(paragraphs):
        return paragraphs[loc.paragraph - 1]
    return None


def _comment_text(finding: Finding, part: str | None, lang: str) -> str:
    words = _WORDS.get(lang, _WORDS["en"])
    where = ""
    if part:
        kind, _sep, n = part.partition(" ")
        where = f"({words.get(kind, kind)}{' ' + n if n else ''}) "
    text = f"{finding.rule} [{words[finding.severity.value]}] {where}{finding.message}"
    if finding.suggestion:
        text += f"\n{words['fix']}: {finding.suggestion}"
    return text
