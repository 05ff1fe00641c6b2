"""A Word file's footnotes and endnotes, read by hand, damaged as document.xml can be (issue 25,
item 5): malformed XML, or a DTD declaring entities, is a corrupt .docx (exit 2, said in one line),
never an internal error; the file beside it is checked."""
import re
import zipfile

import pytest

from plancheck.cli import main

docx = pytest.importorskip("docx")

_RELS = "word/_rels/document.xml.rels"
_NOTE_REL = ('<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/{kind}s" Target="{kind}s.xml"/>')
_OVERRIDE = ('<Override PartName="/word/{kind}s.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.{kind}s+xml"/>')


def _with_notes(path, kind: str, part: bytes) -> None:
    """A .docx made by python-docx, given a footnotes or endnotes part and its relationship."""
    document = docx.Document()
    document.add_paragraph("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 35%.")
    document.save(path)
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts[_RELS] = parts[_RELS].replace(b"</Relationships>", _NOTE_REL.format(kind=kind).encode() + b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", _OVERRIDE.format(kind=kind).encode() + b"</Types>")
    parts[f"word/{kind}s.xml"] = part
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("kind, part", [
    ("footnote", f"<w:footnotes {_W}><w:footnote w:id=\"1\"><w:p>".encode()),
    ("endnote", b"<<no xml"),
    ("footnote", (f'<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY a "aaaaaaaaaa">'
                  f'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:footnotes {_W}><w:footnote w:id="1"><w:p><w:r>'
                  f'<w:t>&b;</w:t></w:r></w:p></w:footnote></w:footnotes>').encode()),
])
def test_a_damaged_notes_part_is_a_corrupt_docx(tmp_path, capsys, english, kind, part):
    damaged, good = tmp_path / "hong.docx", tmp_path / "tot.md"
    _with_notes(damaged, kind, part)
    good.write_text("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    assert main(["check", "--no-config", str(damaged), str(good)]) == 2
    out = capsys.readouterr().out
    assert re.search(r"hong\.docx: unreadable: corrupt \.docx: ", out) and "internal error" not in out
    assert "tot.md:1:1: PC101" in out


def test_a_well_formed_notes_part_is_read(tmp_path, capsys, english):
    path = tmp_path / "chu-thich.docx"
    _with_notes(path, "footnote", f'<w:footnotes {_W}><w:footnote w:id="1"><w:p><w:r><w:t>Nguồn: Cục Thống kê.'
                                  f'</w:t></w:r></w:p></w:footnote></w:footnotes>'.encode())
    assert main(["check", "--no-config", str(path)]) == 0   # read, notes and all: nothing wrong in it
    assert "unreadable" not in capsys.readouterr().out


def _nested_boxes(depth: int, text: str) -> str:
    """A run holding a text box whose paragraph holds a text box … ``depth`` deep, ``text`` inside."""
    inner = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = (f"<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>"
                 "</v:shape></w:pict></w:r></w:p>")
    return inner


def test_nested_text_boxes_are_read_once(tmp_path, capsys, english):
    # issue 25, item 5: a box inside a box was read again at every level (one finding 30 times)
    document = docx.Document()
    document.add_paragraph("Báo cáo")
    document.save(tmp_path / "hop.docx")
    with zipfile.ZipFile(tmp_path / "hop.docx") as old:
        parts = {name: old.read(name) for name in old.namelist()}
    body = _nested_boxes(30, "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.")
    xml = parts["word/document.xml"].decode("utf-8")
    xml = xml.replace("<w:body>", "<w:body>" + body, 1)
    if "xmlns:v=" not in xml:
        xml = xml.replace("<w:document ", '<w:document xmlns:v="urn:schemas-microsoft-com:vml" ', 1)
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(tmp_path / "hop.docx", "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    assert main(["check", "--no-config", "--format", "concise", str(tmp_path / "hop.docx")]) == 1
    assert [line for line in capsys.readouterr().out.splitlines() if " PC101 " in line].__len__() == 1


def test_table_cells_count_toward_the_body_limit(tmp_path, capsys, english, monkeypatch):
    # issue 25, item 5: a 650 KB .docx of 30,000 rows took 21 s and 314 MB, its cells uncounted
    from plancheck.read import docx as docx_reader

    document = docx.Document()
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=40, cols=5)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "1.200"
    document.save(tmp_path / "bang.docx")
    monkeypatch.setattr(docx_reader, "MAX_BODY_ITEMS", 150)   # 2 body items and 200 cells
    assert main(["check", "--no-config", str(tmp_path / "bang.docx")]) == 2
    assert "refused: 202 paragraphs, tables and table cells (limit 150)" in capsys.readouterr().out
    monkeypatch.setattr(docx_reader, "MAX_BODY_ITEMS", 300)
    assert main(["check", "--no-config", str(tmp_path / "bang.docx")]) in (0, 1)
