"""Word drafts: the same findings as for the equivalent text, located by paragraph and cell."""
import pytest

docx = pytest.importorskip("docx")

import plancheck  # noqa: E402

HEADER = [
    "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA",
    "Số: 252/NQ-HĐND",
    "Sơn La, ngày 07 tháng 12 năm 2023",
    "NGHỊ QUYẾT",
    "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
    "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024",
    # A structure that does not close (Kon Tum's ranges) and one that does (Lai Châu's shares).
    "1. Cơ cấu kinh tế: Khu vực Nông, Lâm nghiệp và Thuỷ sản 21-22%; Khu vực Công nghiệp và Xây dựng: "
    "28-29%; Khu vực Dịch vụ: 43-44%.",
    "2. Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 15,31%; công nghiệp và xây dựng 39,6%; dịch vụ 38,64%; "
    "thuế sản phẩm 6,46%.",
]
TABLE = [
    ["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện năm 2022", "Năm 2023", "", "Kế hoạch năm 2024", "So sánh", ""],
    ["", "", "", "", "Kế hoạch", "Ước TH cả năm", "",
     "ƯTH 2023 so với thực hiện 2022 (%)", "Kế hoạch 2024 so với ước thực hiện 2023 (%)"],
    ["I", "CHỈ TIÊU KINH TẾ", "", "", "", "", "", "", ""],
    ["2", "GRDP bình quân", "Triệu đồng/người/năm", "48,59", "52,40", "51,7", "55,5", "106,41", "107,28"],
    ["4", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "19.760", "24.000", "22.000", "26.000", "111,34", "118,81"],
]


def build_docx(path):
    d = docx.Document()
    for text in HEADER:
        d.add_paragraph(text)
    table = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 4).merge(table.cell(0, 5))   # "Năm 2023" over its two columns
    table.cell(0, 7).merge(table.cell(0, 8))   # "So sánh" likewise
    table.cell(0, 4).text = "Năm 2023"
    table.cell(0, 7).text = "So sánh"
    d.save(path)


def build_text(path):
    """The text twin: the same paragraphs, the table as a Markdown pipe table."""
    md = ["| " + " | ".join(row) + " |" for row in TABLE]
    md.insert(1, "|" + "---|" * len(TABLE[0]))
    path.write_text("\n\n".join(HEADER) + "\n\n" + "\n".join(md) + "\n", encoding="utf-8")


def summary(report):
    return sorted((f.rule, f.message) for f in report.findings)


def test_word_and_text_give_the_same_findings(tmp_path):
    word, text = tmp_path / "draft.docx", tmp_path / "draft.md"
    build_docx(word)
    build_text(text)
    from_word, from_text = plancheck.check(word, lang="en"), plancheck.check(text, lang="en")
    assert from_word.errors == [] and from_text.errors == []
    assert summary(from_word) == summary(from_text)
    assert [f.rule for f in from_word.findings] == ["PC103", "PC201"]   # three sectors leave 5-8%


def test_word_findings_are_located_by_paragraph_and_cell(tmp_path):
    word = tmp_path / "draft.docx"
    build_docx(word)
    structure, comparison = plancheck.check(word, lang="en").findings
    assert structure.location.paragraph == 7
    assert "92–95%" in structure.message
    assert (comparison.location.table, comparison.location.row, comparison.location.cell) == (1, 5, 9)
    assert "118,81" in comparison.message and "118,18" in comparison.message


def test_a_callout_typed_in_superscript_is_no_text_but_a_power_is(tmp_path):
    import docx

    from plancheck.read import read_source

    d = docx.Document()
    p = d.add_paragraph("Nghị quyết ban hành ngày 15")
    mark = p.add_run("4")
    mark.font.superscript = True
    p.add_run(" tháng 12 năm 2024, diện tích 120 m")
    power = p.add_run("2")
    power.font.superscript = True
    p.add_run(".")
    path = tmp_path / "callout.docx"
    d.save(path)
    loaded = read_source(path)
    document = loaded[0] if isinstance(loaded, tuple) else loaded
    text = " ".join(document.block_texts().values())
    assert "ngày 15 tháng 12 năm 2024" in text and "120 m2" in text


def test_words_automatic_numbering_is_read_as_the_label_it_shows(tmp_path):
    import docx

    from plancheck.read.docx import read_docx_document

    d = docx.Document()
    d.add_paragraph("Điều 1. Phạm vi")
    for text in ("Khoản thứ nhất.", "Khoản thứ hai.", "Khoản thứ ba."):
        d.add_paragraph(text, style="List Number")
    path = tmp_path / "numbered.docx"
    d.save(path)
    texts = list(read_docx_document(path).block_texts().values())
    assert texts == ["Điều 1. Phạm vi", "1. Khoản thứ nhất.", "2. Khoản thứ hai.", "3. Khoản thứ ba."]


def test_numbering_labels_follow_their_format_and_restart_below_a_moving_level():
    from lxml import etree

    from plancheck.read.word_xml import Numbering

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(f"""<w:numbering xmlns:w="{ns}">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>""")
    numbering = Numbering(root)

    def p(level):
        return etree.fromstring(f'<w:p xmlns:w="{ns}"><w:pPr><w:numPr><w:ilvl w:val="{level}"/>'
                                f'<w:numId w:val="7"/></w:numPr></w:pPr></w:p>')

    assert [numbering.label(p(lv)) for lv in (0, 1, 1, 0, 1)] == ["I.", "a)", "b)", "II.", "a)"]
