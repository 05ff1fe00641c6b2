"""Test helper: Word packages whose document.xml (and footnotes) are written by hand, for shapes
python-docx does not write: text boxes with their VML copy, content controls, tables in text
boxes in tables."""
from __future__ import annotations

import io
import zipfile

NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_FOOTNOTES_REL = ('<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                  'relationships/footnotes" Target="footnotes.xml"/>')
_FOOTNOTES_TYPE = ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.footnotes+xml"/>')


def _template() -> dict[str, bytes]:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with zipfile.ZipFile(out) as package:
        return {name: package.read(name) for name in package.namelist()}


def package(body: str, footnotes: dict[str, str] | None = None) -> bytes:
    """A .docx whose body is ``body`` (the XML inside <w:body>), with footnotes (id -> their
    block XML) when given."""
    parts = _template()
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>").encode()
    if footnotes:
        notes = "".join(f'<w:footnote w:id="{i}">{xml}</w:footnote>' for i, xml in footnotes.items())
        parts["word/footnotes.xml"] = f"<w:footnotes {NAMESPACES}>{notes}</w:footnotes>".encode()
        rels = "word/_rels/document.xml.rels"
        parts[rels] = parts[rels].replace(b"</Relationships>", _FOOTNOTES_REL.encode() + b"</Relationships>")
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>",
                                                                            _FOOTNOTES_TYPE.encode() + b"</Types>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package_:
        for name, data in parts.items():
            package_.writestr(name, data)
    return out.getvalue()


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*inline: str) -> str:
    return "<w:p>" + "".join(inline) + "</w:p>"


def text_box(blocks: str, vml_copy: bool = True) -> str:
    """A run holding a text box of ``blocks``: a drawing, with (``vml_copy``) the VML copy Word
    writes for older readers, as Word writes them; or the VML box alone."""
    vml = f'<w:pict><v:shape><v:textbox><w:txbxContent>{blocks}</w:txbxContent></v:textbox></v:shape></w:pict>'
    drawing = (f'<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{blocks}'
               f'</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    if not vml_copy:
        return f"<w:r>{vml}</w:r>"
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>')


def footnote_reference(note_id: str) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


class Part(str):
    """A cell or a row written whole (``cell``, ``row``, or either wrapped), as against a cell's blocks."""


def cell(blocks: str) -> Part:
    return Part(f"<w:tc>{blocks or '<w:p/>'}</w:tc>")   # a cell holds a paragraph at least


def row(cells: list[str]) -> Part:
    """A row of cells, each given as its blocks or written whole."""
    return Part("<w:tr>" + "".join(c if isinstance(c, Part) else cell(c) for c in cells) + "</w:tr>")


def table(rows: list[list[str] | Part]) -> str:
    """A table of rows, each given as its cells' blocks, or as written by ``row`` (or wrapped)."""
    width = max((len(r) for r in rows if not isinstance(r, Part)), default=1)
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * width + "</w:tblGrid>"
    return "<w:tbl>" + grid + "".join(r if isinstance(r, Part) else row(r) for r in rows) + "</w:tbl>"


def custom_xml(xml: str) -> str:
    wrapped = f'<w:customXml w:element="field">{xml}</w:customXml>'
    return Part(wrapped) if isinstance(xml, Part) else wrapped


def content_control(blocks: str) -> str:
    """Blocks, rows or cells inside a content control (a cover page's, a form's field, a
    repeating section's rows)."""
    wrapped = f"<w:sdt><w:sdtPr/><w:sdtContent>{blocks}</w:sdtContent></w:sdt>"
    return Part(wrapped) if isinstance(blocks, Part) else wrapped
