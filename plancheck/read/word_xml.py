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

from ..numbers import roman_numeral
from ..lazyre import lazy_compile

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
        if any(a.tag == MC + "Fallback" or a.tag == W + "txbxContent" for a in box.iterancestors()):
            # the VML copy of a box the drawing already holds; or a box inside a box, whose
            # paragraphs the outer box's already gives (read per level, one finding came thirty times)
            continue
        yield from _paragraphs(box)


def _paragraphs(element: Any) -> Iterator[Any]:
    """The ``w:p`` elements inside an element in document order, but for those of an alternate
    content's fallback: the VML copy of a box inside the box (read twice before)."""
    for child in element:
        if child.tag == MC + "Fallback":
            continue
        if child.tag == W + "p":
            yield child
        yield from _paragraphs(child)


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


class DamagedPart(Exception):
    """A part of the package that is no Word XML: malformed, or declaring a DTD (Word writes
    none; its entities are what an XML bomb is made of)."""


def _xml(blob: bytes) -> Any:
    """A part's XML, parsed as python-docx parses: no entities resolved, no network; DamagedPart
    when it is not well-formed or brings a DTD."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        raise DamagedPart(str(exc)) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise DamagedPart("a document type declaration (DTD), which Word never writes")
    return root


_LEVEL_FIELD = lazy_compile(r"%([1-9])")   # "%1.%2." in a level's text: the count of level 1, 2 …


class Numbering:
    """Word's automatic numbering (numbering.xml): the label a numbered paragraph shows ("1.",
    "a)", "Điều 3."), which is in no run of its text. Written by hand: python-docx reads the
    numbering part's XML but computes no label. Counters run per list (numId) and level; a
    level's count restarts when a level above it moves on."""

    def __init__(self, root: Any | None) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}   # numId -> ilvl -> (start, format, text)
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, tuple[str, int]] = {}                  # styleId -> (numId, ilvl) it numbers with
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for a in root.iter(W + "abstractNum"):
            abstract[a.get(W + "abstractNumId")] = {int(lvl.get(W + "ilvl", "0")): self._level(lvl)
                                                    for lvl in a.iter(W + "lvl")}
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            levels = dict(abstract.get(ref.get(W + "val") if ref is not None else "", {}))
            for override in num.iter(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                ilvl = int(override.get(W + "ilvl", "0"))
                if start is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(start.get(W + "val", "1")), fmt, text)
            self.levels[num.get(W + "numId")] = levels

    @staticmethod
    def _level(lvl: Any) -> tuple[int, str, str]:
        def val(tag: str, default: str) -> str:
            element = lvl.find(W + tag)
            return element.get(W + "val", default) if element is not None else default

        try:
            start = int(val("start", "1"))
        except ValueError:
            start = 1
        return start, val("numFmt", "decimal"), val("lvlText", "")

    def label(self, p: Any) -> str:
        """The label of a ``w:p`` numbered by Word (in its own properties or its style's), or
        ""; counts it."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        style = p.find(f"{W}pPr/{W}pStyle")
        from_style = self.styles.get(style.get(W + "val")) if style is not None else None
        if num_pr is None and from_style is None:
            return ""
        num_id = num_pr.find(W + "numId") if num_pr is not None else None
        ilvl = num_pr.find(W + "ilvl") if num_pr is not None else None
        key = num_id.get(W + "val") if num_id is not None else (from_style[0] if from_style else None)
        level = int(ilvl.get(W + "val", "0")) if ilvl is not None else (from_style[1] if from_style else 0)
        levels = self.levels.get(key or "")
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(key, {})
        counts[level] = counts.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        start, fmt, text = levels[level]
        if fmt in ("bullet", "none") or not text:
            return ""

        def shown(m_level: int) -> str:
            n = counts.get(m_level, levels.get(m_level, (1, "", ""))[0])
            return self._format(n, levels.get(m_level, (1, "decimal", ""))[1])

        return _LEVEL_FIELD.sub(lambda m: shown(int(m.group(1)) - 1), text)

    @staticmethod
    def _format(n: int, fmt: str) -> str:
        if fmt == "decimalZero":
            return f"{n:02d}"
        if fmt in ("lowerLetter", "upperLetter"):
            letters = "abcdefghijklmnopqrstuvwxyz"
            s = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
            return s.upper() if fmt == "upperLetter" else s
        if fmt in ("lowerRoman", "upperRoman"):
            return roman_numeral(n) if fmt == "upperRoman" else roman_numeral(n).lower()
        return str(n)


def read_numbering(document_part: Any) -> Numbering:
    """The document's automatic numbering, or none: the lists, and the styles that number."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    try:
        numbering = Numbering(_xml(document_part.numbering_part.blob))
        styles = next((_xml(rel.target_part.blob) for rel in document_part.rels.values()
                       if rel.reltype == RT.STYLES and not rel.is_external), None)
    except (KeyError, NotImplementedError, AttributeError, ValueError, etree.XMLSyntaxError, DamagedPart):
        # no numbering part, or one Word could not read either: the labels are left out, the text
        # is read (a damaged document.xml is refused by the reader itself)
        return Numbering(None)
    for style in styles.iter(W + "style") if styles is not None else ():
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num_id = num_pr.find(W + "numId") if num_pr is not None else None
        if num_id is not None:
            ilvl = num_pr.find(W + "ilvl")
            numbering.styles[style.get(W + "styleId")] = (num_id.get(W + "val"),
                                                          int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)
    return numbering
