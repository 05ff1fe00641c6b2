"""The .docx reader: body order, exact tables with merged cells, positions, hostile files."""
import subprocess
import sys
import zipfile

import pytest

docx = pytest.importorskip("docx")

from plancheck.errors import InputError  # noqa: E402
from plancheck.models.document import Paragraph, Table  # noqa: E402
from plancheck.pipeline import load_path  # noqa: E402
from plancheck.read import docx as docx_reader  # noqa: E402
from plancheck.read.docx import read_docx_document  # noqa: E402

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

# Sơn La's Phụ lục 01 as a Word table (figures as published): "STT", "Chỉ tiêu" and
# "Đơn vị" span both header rows, "Năm 2023" and "So sánh" span two columns each.
HEADER_1 = ["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện năm 2022", "Năm 2023", "", "Kế hoạch năm 2024", "So sánh", ""]
HEADER_2 = ["", "", "", "", "Kế hoạch", "Ước TH cả năm", "", "ƯTH 2023 so với thực hiện 2022 (%)",
            "Kế hoạch 2024 so với ước thực hiện 2023 (%)"]
BODY = [
    ["1", "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "%", "8,9", "7,50", "0,75", "7,5", "", ""],
    ["2", "GRDP bình quân", "Triệu đồng/người/năm", "48,59", "52,40", "51,7", "55,5", "106,41", "107,28"],
]


def build(path, *, nested=False):
    d = docx.Document()
    d.add_paragraph("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA")
    d.add_paragraph("")                                   # Word's spacing paragraphs count too
    d.add_paragraph("Số: 252/NQ-HĐND")
    d.add_paragraph("Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024", style="Heading 1")
    p = d.add_paragraph("Tốc độ tăng trưởng GRDP đạt 7,5%;\tGRDP bình quân đầu người ")
    p.add_run("55,5").bold = True
    p.add_run(" triệu đồng/người/năm.")
    rows = [HEADER_1, HEADER_2] + BODY
    table = d.add_table(rows=len(rows), cols=len(HEADER_1))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for c in (0, 1, 2, 3, 6):                             # vertical merges over the two header rows
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 4).merge(table.cell(0, 5))             # horizontal merges
    table.cell(0, 7).merge(table.cell(0, 8))
    if nested:
        inner = table.cell(3, 1).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "trong đó"
        inner.cell(0, 1).text = "khu vực nông thôn"
    d.add_paragraph("PHỤ LỤC 02")
    d.save(path)
    return path


def test_paragraphs_and_tables_in_body_order_with_word_positions(tmp_path):
    doc = read_docx_document(build(tmp_path / "nq.docx"))
    assert doc.source_format == "docx"
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph"] * 4 + ["Table", "Paragraph"]
    assert [b.index for b in doc.blocks] == list(range(6))
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == ["HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "Số: 252/NQ-HĐND",
                     "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024",
                     "Tốc độ tăng trưởng GRDP đạt 7,5%; GRDP bình quân đầu người 55,5 triệu đồng/người/năm.",
                     "PHỤ LỤC 02"]
    # one line per body paragraph (the empty one too) and per table row
    assert doc.lines[:5] == ["HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "", "Số: 252/NQ-HĐND",
                             "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024",
                             "Tốc độ tăng trưởng GRDP đạt 7,5%; GRDP bình quân đầu người 55,5 triệu đồng/người/năm."]
    assert len(doc.lines) == 5 + 4 + 1 and doc.lines[-1] == "PHỤ LỤC 02"
    number, article = doc.blocks[1], doc.blocks[2]
    assert (number.location.paragraph, number.location.line, number.location.column) == (3, 3, 1)
    assert article.style == "Heading 1"


def test_a_figure_is_located_by_paragraph_line_and_column(tmp_path):
    doc = read_docx_document(build(tmp_path / "nq.docx"))
    p = doc.blocks[3]
    where = p.locate(p.text.index("55,5"))
    assert (where.paragraph, where.line, where.column) == (5, 5, p.text.index("55,5") + 1)
    assert doc.lines[where.line - 1][where.column - 1:where.column + 3] == "55,5"
    assert where.describe().endswith(f":5:{where.column} (paragraph 5)")


def test_tables_have_exact_rows_and_merged_cells_once(tmp_path):
    table = read_docx_document(build(tmp_path / "nq.docx")).tables()[0]
    assert isinstance(table, Table) and table.rows_from == "exact" and table.columns == 9
    first, second, grdp = table.rows[0], table.rows[1], table.rows[3]
    assert [(c.text, c.column, c.column_span) for c in first.cells] == [
        ("STT", 0, 1), ("Chỉ tiêu", 1, 1), ("Đơn vị", 2, 1), ("Thực hiện năm 2022", 3, 1), ("Năm 2023", 4, 2),
        ("Kế hoạch năm 2024", 6, 1), ("So sánh", 7, 2)]
    # the continuation of a vertical merge is an empty cell; the text stays on top
    assert [(c.text, c.column) for c in second.cells] == [
        ("", 0), ("", 1), ("", 2), ("", 3), ("Kế hoạch", 4), ("Ước TH cả năm", 5), ("", 6),
        ("ƯTH 2023 so với thực hiện 2022 (%)", 7), ("Kế hoạch 2024 so với ước thực hiện 2023 (%)", 8)]
    assert [c.text for c in grdp.cells] == BODY[1]
    assert first.cell_at(5).text == "Năm 2023"


def test_cells_are_located_by_table_row_and_cell_and_in_the_row_line(tmp_path):
    doc = read_docx_document(build(tmp_path / "nq.docx"))
    table = doc.tables()[0]
    cell = table.rows[3].cells[8]
    where = cell.location
    assert (where.table, where.row, where.cell, where.paragraph) == (1, 4, 9, None)
    line = doc.lines[where.line - 1]
    assert line == " | ".join(BODY[1]) and line[where.column - 1:where.column + 5] == "107,28"
    merged = table.rows[0].cells[6]
    assert (merged.text, merged.location.cell) == ("So sánh", 7)
    unit = table.rows[3].cells[2]
    assert unit.locate(unit.text.index("người")).column == line.index("người") + 1
    assert doc.lines[5] == "STT | Chỉ tiêu | Đơn vị | Thực hiện năm 2022 | Năm 2023 | Kế hoạch năm 2024 | So sánh"


def test_a_nested_table_is_flattened_into_its_cell(tmp_path):
    table = read_docx_document(build(tmp_path / "nq.docx", nested=True)).tables()[0]
    assert table.rows[3].cells[1].text == "GRDP bình quân trong đó khu vực nông thôn"


def test_load_path_reads_docx(tmp_path):
    path = build(tmp_path / "nq.docx")
    loaded = load_path(path)
    assert loaded.path == str(path) and loaded.document.source_format == "docx"
    assert loaded.lines == loaded.document.lines and loaded.plan.path == str(path)


def test_importing_plancheck_does_not_import_python_docx():
    code = "import sys, plancheck, plancheck.read, plancheck.api; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- files that are not, or should not be, opened ------------------------------------------------------

def zip_with(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("make, says", [
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504), "a Word 97-2003 .doc file"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n"), "not a Word .docx file (not a zip archive"),
    (lambda p: p.write_bytes(b""), "not a Word .docx file"),
    (lambda p: zip_with(p, [("mimetype", "application/vnd.oasis.opendocument.text")]),
     "not a Word .docx file (a zip archive without [Content_Types].xml)"),
    (lambda p: zip_with(p, [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document")]),
     "corrupt .docx"),
])
def test_broken_or_foreign_files_are_clear_errors(tmp_path, make, says):
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(InputError) as info:
        read_docx_document(path)
    assert info.value.path == str(path) and says in info.value.message


def test_a_truncated_docx_is_corrupt(tmp_path):
    good = build(tmp_path / "good.docx").read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="not a Word .docx file|corrupt .docx"):
        read_docx_document(bad)


def test_an_archive_of_many_entries_is_refused_before_opening(tmp_path):
    entries = [("[Content_Types].xml", "<Types/>")]
    entries += [(f"word/media/p{i}.xml", "") for i in range(docx_reader.MAX_ZIP_ENTRIES + 1)]
    bomb = zip_with(tmp_path / "bomb.docx", entries)
    with pytest.raises(InputError, match=r"refused: the .docx archive holds 2002 entries \(limit 2000\)"):
        read_docx_document(bomb)


def test_a_part_that_inflates_far_beyond_its_size_is_refused(tmp_path):
    paragraphs = "<w:p/>" * 400_000                           # 2.4 MB of XML in a few KB
    bomb = zip_with(tmp_path / "bomb.docx", [("[Content_Types].xml", "<Types/>"),
                                              ("word/document.xml", paragraphs)])
    assert bomb.stat().st_size < 20_000
    with pytest.raises(InputError, match=r"refused: word/document.xml is compressed \d+ to 1"):
        read_docx_document(bomb)


def test_limits_on_inflated_sizes(tmp_path, monkeypatch):
    path = build(tmp_path / "nq.docx")
    monkeypatch.setattr(docx_reader, "MAX_XML_PART_BYTES", 1000)
    with pytest.raises(InputError, match=r"refused: \S+ would inflate to [\d.]+ KB \(limit 1,000 bytes\)"):
        read_docx_document(path)
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(InputError, match=r"refused: the .docx would inflate to [\d.]+ KB \(limit 1,000 bytes\)"):
        read_docx_document(path)


def test_doc_suffix_is_refused_with_advice(tmp_path):
    old = tmp_path / "nq.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(InputError, match=r"plancheck reads .docx; save the .doc as .docx"):
        load_path(old)


def test_a_body_too_long_to_be_a_plan_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = build(tmp_path / "nq.docx")
    monkeypatch.setattr(docx_reader, "MAX_BODY_ITEMS", 5)
    with pytest.raises(InputError, match=r"refused: 41 paragraphs, tables and table cells \(limit 5\)"):
        read_docx_document(path)


def test_cli_reports_a_hostile_docx_and_still_checks_the_other_file(tmp_path, capsys):
    from pathlib import Path

    from plancheck.cli import main

    entries = [("[Content_Types].xml", "<Types/>")] + [(f"p{i}.xml", "") for i in range(2500)]
    bomb = zip_with(tmp_path / "bomb.docx", entries)
    good = Path(__file__).resolve().parent.parent / "examples" / "thai-nguyen-2024.yaml"
    code = main(["check", str(bomb), str(good), "--lang", "en"])
    out, _ = capsys.readouterr()
    assert code == 2
    assert f"{bomb}: unreadable: refused: the .docx archive holds 2501 entries (limit 2000)" in out
    assert out.splitlines()[-1] == "0 findings · 1 file · 1 unreadable"


def test_a_comment_marks_the_figure_and_annotating_again_replaces_plancheck_s_own(tmp_path):
    # "đạt 7,5%" then a share whose base is stated: 300 of 1.200 is 25%, written 52%
    from plancheck import api
    from plancheck.report.annotate import annotate

    d = docx.Document()
    p = d.add_paragraph("Diện tích gieo trồng 1.200 ha, trong đó lúa ")
    p.add_run("300").bold = True
    p.add_run(" ha, chiếm 52%.")
    d.add_comment(p.runs[0], text="Đề nghị kiểm tra lại", author="Phòng Kinh tế")
    source = tmp_path / "bao-cao.docx"
    d.save(source)
    findings = [f for f in api.check(source).findings if f.rule.startswith("PC2")]
    assert findings and findings[0].location.column > 1
    first = tmp_path / "a.docx"
    assert annotate(source, findings, first) == len(findings)
    again = tmp_path / "b.docx"
    # the drafter checks the annotated copy again: the same findings, plancheck's comments replaced
    annotate(first, [f for f in api.check(first).findings if f.rule.startswith("PC2")], again)
    word = docx.Document(str(again))
    authors = sorted(c.author for c in word.comments)
    assert authors == sorted(["Phòng Kinh tế"] + ["plancheck"] * len(findings))   # not doubled; the drafter's kept
    xml = word.element.body.xml
    marked = xml[xml.index("<w:commentRangeStart w:id=\"1\"/>"):xml.index("<w:commentRangeEnd w:id=\"1\"/>")]
    import re

    assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", marked)) == "52%"
    with pytest.raises(Exception, match="must be a .docx"):
        annotate(source, findings, tmp_path / "b.doc")


def test_certain_fixes_go_into_the_annotated_copy_as_tracked_changes(tmp_path, capsys):
    from plancheck.cli import main

    d = docx.Document()
    d.add_paragraph("Noi nhận:")
    p = d.add_paragraph("Diện tích trồng rừng mới ")
    p.add_run("2,480.5")
    p.add_run(" ha; tỷ lệ che phủ rừng đạt 52%.")
    source, copy = tmp_path / "cong-van.docx", tmp_path / "cong-van.checked.docx"
    d.save(source)
    assert main(["check", "--no-config", str(source), "--annotate", str(copy)]) == 0
    capsys.readouterr()
    body = docx.Document(str(copy)).element.body
    from docx.oxml.ns import qn

    deleted = ["".join(t.text for t in e.iter(qn("w:delText"))) for e in body.iter(qn("w:del"))]
    inserted = ["".join(t.text for t in e.iter(qn("w:t"))) for e in body.iter(qn("w:ins"))]
    assert deleted == ["Noi nhận", "2,480.5"] and inserted == ["Nơi nhận", "2.480,5"]
    ids = [e.get(qn("w:id")) for tag in ("w:del", "w:ins") for e in body.iter(qn(tag))]
    assert len(set(ids)) == len(ids) and all(e.get(qn("w:author")) == "plancheck" for e in body.iter(qn("w:ins")))
    # the comment's range goes round the change, so accepting or rejecting it keeps the comment
    for deleted in body.iter(qn("w:del")):
        assert deleted.getprevious().tag == qn("w:commentRangeStart")
        assert deleted.getnext().getnext().tag == qn("w:commentRangeEnd")
        assert not list(deleted.iter(qn("w:commentRangeStart")))
    # read as Word shows it once the changes are accepted: the slips are gone
    assert main(["check", "--no-config", "--select", "PC951,PC252", str(copy)]) == 0
