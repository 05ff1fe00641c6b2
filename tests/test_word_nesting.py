"""Word's nested parts read once each (issue 25, item 5): text in content controls (a cover page,
a form's field) at any level, text boxes anchored in table cells, boxes inside boxes with the
VML copies Word writes beside them. Before, the first two were lost and the third read twice."""
import re

import pytest

from plancheck.read import docx as word_reader
from wordbytes import (cell, content_control, custom_xml, footnote_reference, package, paragraph, row, run, table,
                       text_box)

docx = pytest.importorskip("docx")

pytestmark = pytest.mark.usefixtures("english")   # messages asserted in English

SHARES = "Cơ cấu kinh tế: nông nghiệp 30%, công nghiệp 30%, dịch vụ 30%."


def read(tmp_path, body: str, footnotes: dict[str, str] | None = None):
    path = tmp_path / "nested.docx"
    path.write_bytes(package(body, footnotes))
    return word_reader.read_docx_document(path)


def test_text_in_content_controls_is_read_and_counted_as_body_paragraphs(tmp_path):
    document = read(tmp_path, paragraph(run("Kế hoạch")) + content_control(paragraph(run("Số: 12/KH-UBND"))
                                                                                + content_control(paragraph(run(SHARES)))))
    assert document.lines == ["Kế hoạch", "Số: 12/KH-UBND", SHARES]
    assert [b.spans[0].location.paragraph for b in document.blocks] == [1, 2, 3]


def test_text_in_a_content_control_inside_a_cell_and_a_nested_table_is_the_cells(tmp_path):
    document = read(tmp_path, table([[content_control(paragraph(run("Chỉ tiêu"))), paragraph(run("7,5"))],
                                     [table([[content_control(paragraph(run("GRDP")))]]), paragraph(run("8,0"))]]))
    assert document.lines == ["Chỉ tiêu | 7,5", "GRDP | 8,0"]


def test_a_text_box_anchored_in_a_cell_is_read_once_after_its_table(tmp_path):
    document = read(tmp_path, table([[paragraph(run("Vốn"), text_box(paragraph(run("Ghi chú: tỷ đồng")))),
                                      paragraph(run("120"))]]) + paragraph(run("Tiếp theo")))
    assert document.lines == ["Vốn | 120", "Ghi chú: tỷ đồng", "Tiếp theo"]
    assert document.blocks[1].spans[0].location.part == "text box"


@pytest.mark.parametrize("where", ["body", "cell", "table in a box"])
def test_a_box_inside_a_box_each_with_its_vml_copy_is_read_once(tmp_path, where):
    boxes = text_box(paragraph(run("Ngoài"), text_box(paragraph(run("Trong")))))
    body = {"body": paragraph(boxes),
            "cell": table([[paragraph(boxes)]]),
            "table in a box": paragraph(text_box(table([[paragraph(run("Ô"), boxes)]])))}[where]
    text = "\n".join(read(tmp_path, body).lines)
    assert (text.count("Ngoài"), text.count("Trong")) == (1, 1)


def test_a_footnote_referred_to_in_a_content_control_follows_its_paragraph(tmp_path):
    document = read(tmp_path, content_control(paragraph(run("Dân số 1.200 người"), footnote_reference("2"))),
                    {"2": paragraph(run("Nguồn: Cục Thống kê"))})
    assert document.lines == ["Dân số 1.200 người", "Nguồn: Cục Thống kê"]


def test_the_body_limit_counts_paragraphs_inside_content_controls(tmp_path, monkeypatch):
    monkeypatch.setattr(word_reader, "MAX_BODY_ITEMS", 5)
    path = tmp_path / "many.docx"
    path.write_bytes(package(content_control("".join(paragraph(run(f"Dòng {i}")) for i in range(6)))))
    with pytest.raises(word_reader.InputError, match="6 paragraphs, tables and table cells"):
        word_reader.read_docx_document(path)


def test_a_comment_lands_on_the_paragraph_after_a_content_control(tmp_path):
    from plancheck import api
    from plancheck.report.annotate import annotate

    source = tmp_path / "bao-cao.docx"
    source.write_bytes(package(content_control(paragraph(run("Báo cáo tình hình"))) +
                               paragraph(run("Diện tích gieo trồng 1.200 ha, trong đó lúa 300 ha, chiếm 52%."))))
    findings = [f for f in api.check(source).findings if f.rule.startswith("PC2")]
    assert findings and all(f.location.paragraph == 2 for f in findings)
    assert annotate(source, findings, tmp_path / "a.docx") == len(findings)
    xml = docx.Document(str(tmp_path / "a.docx")).element.body.xml
    marked = xml[xml.index('<w:commentRangeStart w:id="0"/>'):xml.index('<w:commentRangeEnd w:id="0"/>')]
    assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", marked)) == "52%"


def test_rows_and_cells_inside_content_controls_or_custom_xml_are_the_tables(tmp_path):
    document = read(tmp_path, table([
        [paragraph(run("Chỉ tiêu")), paragraph(run("KH 2025"))],
        content_control(row([paragraph(run("GRDP")), content_control(cell(paragraph(run("8,0"))))])),
        custom_xml(row([paragraph(run("Vốn")), custom_xml(cell(paragraph(run("120"))))])),
    ]))
    assert document.lines == ["Chỉ tiêu | KH 2025", "GRDP | 8,0", "Vốn | 120"]
    assert [c.text for c in document.blocks[0].rows[2].cells] == ["Vốn", "120"]


def test_a_comment_on_a_cell_of_a_repeating_section_lands_in_that_cell(tmp_path):
    from plancheck import api
    from plancheck.report.annotate import annotate

    source = tmp_path / "bieu.docx"
    source.write_bytes(package(table([
        [paragraph(run("Chỉ tiêu")), paragraph(run("Ghi chú"))],
        content_control(row([paragraph(run("Lúa")), content_control(cell(paragraph(
            run("Diện tích gieo trồng 1.200 ha, trong đó lúa 300 ha, chiếm "), run("52%."))))])),
    ])))
    findings = [f for f in api.check(source).findings if f.location.table == 1]
    assert findings and (findings[0].location.row, findings[0].location.cell) == (2, 2)
    assert annotate(source, findings[:1], tmp_path / "a.docx") == 1
    xml = docx.Document(str(tmp_path / "a.docx")).element.body.xml
    marked = xml[xml.index('<w:commentRangeStart w:id="0"/>'):xml.index('<w:commentRangeEnd w:id="0"/>')]
    assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", marked)).endswith("chiếm 52%.")   # the cell's paragraph
