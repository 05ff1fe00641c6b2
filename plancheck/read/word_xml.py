"""The text of WordprocessingML elements as the document will read once its tracked changes
are accepted, and the parts python-docx does not expose (footnotes, endnotes).

python-docx's ``paragraph.text`` reads only the runs directly under a paragraph: a tracked
insertion (``w:ins``) is left out, so a draft with "44%" deleted and "50%" inserted read as
"%" (and its structure summed to 50%). Here a paragraph's text is every run in it, in
order, insertions and moves in included, deletions and moves out (``w:del``,
``w:moveFrom``) left out; a text box's paragraphs are read apart, as paragraphs of their
own, once (Word stores a text box twice: the drawing and a VML fallback). Written by
hand: python-docx has no accept-changes reading, and the walk is a few lines of lxml.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_TEXT = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-",
         W + "softHyphen": ""}
# Never text of the paragraph: deleted or moved away, properties, and a text box's own paragraphs
# (read apart); of an alternate content, only its first choice is read.
_SKIP = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "txbxContent", W + "instrText",
         W + "delInstrText", MC + "Fallback"}
_CHANGES = {W + "ins": "insertions", W + "del": "deletions", W + "moveTo": "moves", W + "moveFrom": "moves"}


@dataclass
class Changes:
    """Tracked changes met while reading: counted so the report can say it read them accepted."""

    insertions: int = 0
    deletions: int = 0
    moves: int = 0

    def __bool__(self) -> bool:
        return bool(self.insertions or self.deletions or self.moves)

    def caveat(self) -> dict[str, str]:
        """What the report says of them, in each language."""
        counts = [(self.insertions, "chỗ chèn", "insertion"), (self.deletions, "chỗ xóa", "deletion"),
                  (self.moves // 2, "chỗ di chuyển", "move")]
        vi = ", ".join(f"{n} {word}" for n, word, _ in counts if n)
        en = ", ".join(f"{n} {word}{'s' * (n != 1)}" for n, _, word in counts if n)
        return {"vi": f"có thay đổi được theo dõi (track changes), đã đọc như khi chấp nhận tất cả ({vi})",
                "en": f"tracked changes read as if all were accepted ({en})"}


@dataclass
class Notes:
    """Footnote or endnote texts by id."""

    footnotes: dict[str, str] = field(default_factory=dict)
    endnotes: dict[str, str] = field(default_factory=dict)


def paragraph_text(p: Any, changes: Changes | None = None) -> str:
    """The text of a ``w:p`` element with its tracked changes accepted."""
    out: list[str] = []
    _walk(p, out, changes)
    return "".join(out)


def _walk(element: Any, out: list[str], changes: Changes | None) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue   # a comment or processing instruction of the XML
        if changes is not None and tag in _CHANGES:
            setattr(changes, _CHANGES[tag], getattr(changes, _CHANGES[tag]) + 1)
        if tag in _SKIP:
            continue
        if tag == W + "r" and _callout(child, out):
            continue
        if tag in _TEXT:
            fixed = _TEXT[tag]
            out.append((child.text or "") if fixed is None else fixed)
        else:
            _walk(child, out, changes)


def _callout(run: Any, out: list[str]) -> bool:
    """Whether a run is a note's callout typed by hand: digits (or "*") set in superscript, not
    after a unit they raise to a power ("m2", "km3"). Read inline they run into the text
    ("ngày 15⁴ tháng" read as "ngày 154 tháng")."""
    align = run.find(f"{W}rPr/{W}vertAlign")
    if align is None or align.get(W + "val") != "superscript":
        return False
    text = "".join(t.text or "" for t in run.iter(W + "t"))
    if not text.strip() or not all(ch.isdigit() or ch in "*,; " for ch in text):
        return False
    words = "".join(out[-4:]).split()
    unit = words[-1].lstrip("(0123456789.,").lower() if words else ""
    return unit not in _POWERED


# Units a superscript digit raises to a power.
_POWERED = frozenset({"m", "km", "cm", "mm", "dm", "hm"})


def text_boxes(p: Any) -> Iterator[Any]:
    """The ``w:p`` elements of the text boxes anchored in a paragraph, each once."""
    for box in p.iter(W + "txbxContent"):
        if any(a.tag == MC + "Fallback" for a in box.iterancestors()):
            continue   # the VML copy of a box the drawing already holds
        yield from box.iter(W + "p")


def note_references(p: Any) -> Iterator[tuple[str, str]]:
    """("footnote" or "endnote", id) of each note referenced in a paragraph, in order."""
    for element in p.iter(W + "footnoteReference", W + "endnoteReference"):
        kind = "footnote" if element.tag == W + "footnoteReference" else "endnote"
        yield kind, element.get(W + "id")


def comment_anchors(p: Any) -> Iterator[str]:
    """The ids of the comments whose anchored range starts in a paragraph."""
    for element in p.iter(W + "commentRangeStart"):
        yield element.get(W + "id")


def read_notes(document_part: Any, changes: Changes | None = None) -> Notes:
    """The footnotes and endnotes of a document (python-docx's document part), by id; the
    separators Word keeps among them are not notes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    notes = Notes()
    for reltype, into, tag in ((RT.FOOTNOTES, notes.footnotes, W + "footnote"),
                               (RT.ENDNOTES, notes.endnotes, W + "endnote")):
        for rel in document_part.rels.values():
            if rel.reltype != reltype or rel.is_external:
                continue
            root = _xml(rel.target_part.blob)
            for note in root.iter(tag):
                if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join(t for t in (paragraph_text(p, changes) for p in note.iter(W + "p")) if t.strip())
                into[note.get(W + "id")] = text
    return notes


def _xml(blob: bytes) -> Any:
    """A part's XML, parsed as python-docx parses: no entities resolved, no network."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False)
    return etree.fromstring(blob, parser)
