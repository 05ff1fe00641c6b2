"""The .txt / .md reader: decoding, paragraphs from broken lines, tables, locations."""
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.cli import main
from plancheck.errors import InputError
from plancheck.models.document import Paragraph, Table
from plancheck.pipeline import load_path
from plancheck.read import discover_files
from plancheck.read import text as text_reader
from plancheck.read.text import clean_text, read_text_document

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLEAN_PLAN = ROOT / "examples" / "thai-nguyen-2024.yaml"

# Sơn La's resolution 252/NQ-HĐND as PDF extraction leaves it: a layout table
# for the header, sentences broken across lines, a page number between blank
# lines inside a sentence, a dash wrapped to a line start, one cell per line in
# Phụ lục 01 (figures as published).
RESOLUTION = [
    "HỘI ĐỒNG NHÂN",                                                      # 1
    "DÂN",
    "TỈNH SƠN LA",
    "-------",
    "|",                                                                  # 5
    "CỘNG HÒA XÃ HỘI",
    "CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "|",
    "Số: 252/NQ-HĐND",                                                    # 10
    "|",
    "Sơn La, ngày 07",
    "tháng 12 năm 2023",
    "|",
    "NGHỊ QUYẾT",                                                         # 15
    "VỀ",
    "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
    "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA",
    "KHÓA XV, KỲ HỌP THỨ TÁM",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày",                    # 20
    "19 tháng 6 năm 2015;",
    "QUYẾT NGHỊ:",
    "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024",
    "1.1. Mục tiêu",
    "Tăng trưởng kinh tế nhanh và bền vững; tốc độ tăng tổng sản phẩm",  # 25
    "trên địa bàn (GRDP) đạt 7,5%, GRDP bình quân đầu người đạt",
    "    55,5 triệu đồng/người/năm; tổng vốn đầu tư toàn xã hội đạt",    # 27: "55,5" at column 5
    "26.000 tỷ đồng; thu ngân sách nhà nước trên địa bàn",
    "",
    "3",                                                                  # 30: a page number
    "",
    "đạt 4.180 tỷ đồng.",
    "1.2. Các chỉ tiêu chủ yếu năm 2024: Gồm 28 chỉ tiêu",
    "(phụ lục số 01 kèm theo).",
    "2. Nhiệm vụ và giải pháp phát triển kinh tế",                        # 35
    "- xã hội năm 2024",
    "a) Đẩy mạnh cải cách hành chính;",
    "b) Phát triển văn hóa, xã hội.",
    "PHỤ LỤC 01",
    "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024",                    # 40
    "(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La)",
    "STT", "|", "Chỉ tiêu", "|", "Đơn vị", "|",                          # 42-47
    "Thực hiện năm", "2022", "|", "Kế hoạch năm", "2024", "|", "|",       # 48-54
    "1", "|", "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "|", "%", "|",   # 55-60
    "8,9", "|", "7,5", "|", "|",                                          # 61-65
    "2", "|", "GRDP bình quân", "|", "Triệu đồng/người/", "năm", "|",    # 66-72
    "48,59", "|", "55,5", "|",                                            # 73-76
    "PHỤ LỤC 02",                                                         # 77
    "CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2024",
]
TABLE_CELLS = ["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện năm 2022", "Kế hoạch năm 2024",
               "1", "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "%", "8,9", "7,5",
               "2", "GRDP bình quân", "Triệu đồng/người/ năm", "48,59", "55,5"]


def write(tmp_path, name, lines_or_text, encoding="utf-8"):
    text = lines_or_text if isinstance(lines_or_text, str) else "\n".join(lines_or_text) + "\n"
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(tmp_path, lines_or_text, name="doc.txt"):
    return read_text_document(write(tmp_path, name, lines_or_text))


def texts(doc):
    return [b.text if isinstance(b, Paragraph) else "<table>" for b in doc.blocks]


def cell_texts(table):
    return [c.text for row in table.rows for c in row.cells if c.text]


# -- a resolution as extracted from PDF -------------------------------------------------------

def test_blocks_of_an_extracted_resolution(tmp_path):
    doc = read(tmp_path, RESOLUTION)
    assert doc.source_format == "text" and doc.lines == RESOLUTION
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert texts(doc) == [
        "<table>",
        "NGHỊ QUYẾT",
        "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
        "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA",
        "KHÓA XV, KỲ HỌP THỨ TÁM",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "QUYẾT NGHỊ:",
        "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024",
        "1.1. Mục tiêu",
        "Tăng trưởng kinh tế nhanh và bền vững; tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) đạt 7,5%, "
        "GRDP bình quân đầu người đạt 55,5 triệu đồng/người/năm; tổng vốn đầu tư toàn xã hội đạt "
        "26.000 tỷ đồng; thu ngân sách nhà nước trên địa bàn đạt 4.180 tỷ đồng.",
        "1.2. Các chỉ tiêu chủ yếu năm 2024: Gồm 28 chỉ tiêu (phụ lục số 01 kèm theo).",
        "2. Nhiệm vụ và giải pháp phát triển kinh tế - xã hội năm 2024",
        "a) Đẩy mạnh cải cách hành chính;",
        "b) Phát triển văn hóa, xã hội.",
        "PHỤ LỤC 01 CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024",
        "(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La)",
        "<table>",
        "PHỤ LỤC 02 CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2024",
    ]
    assert doc.notes == ["dropped page number 3 at line 30"]


def test_a_word_keeps_its_source_line_and_column_in_the_joined_paragraph(tmp_path):
    doc = read(tmp_path, RESOLUTION)
    target = next(p for p in doc.paragraphs() if p.text.startswith("Tăng trưởng"))
    where = target.locate(target.text.index("55,5 triệu"))
    assert (where.line, where.column) == (27, 5)
    assert doc.lines[26][4:8] == "55,5"
    after_page_break = target.locate(target.text.index("4.180"))
    assert (after_page_break.line, after_page_break.column) == (32, 5)
    assert target.location.line == 25 and target.location.column == 1


def test_every_character_maps_back_to_itself(tmp_path):
    doc = read(tmp_path, RESOLUTION)
    for p in doc.paragraphs():
        for k, ch in enumerate(p.text):
            where = p.locate(k)
            line = doc.lines[where.line - 1]
            if where.column <= len(line):
                assert line[where.column - 1] == ch or ch == " " and line[where.column - 1].isspace()
            else:   # the space joining two lines stands just after the first
                assert ch == " " and where.column == len(line) + 1


def test_the_header_layout_table_keeps_its_split_cells_together(tmp_path):
    header = read(tmp_path, RESOLUTION).blocks[0]
    assert isinstance(header, Table) and header.rows_from == "inferred"
    cells = cell_texts(header)
    assert cells[0].startswith("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA")
    assert cells[1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")
    assert cells[2:] == ["Số: 252/NQ-HĐND", "Sơn La, ngày 07 tháng 12 năm 2023"]
    date = header.rows[-1].cells[-1]
    assert (date.locate(date.text.index("tháng")).line, date.location.line) == (13, 12)


def test_the_one_cell_per_line_table_starts_at_its_first_cell(tmp_path):
    doc = read(tmp_path, RESOLUTION)
    table = doc.tables()[1]
    assert cell_texts(table) == TABLE_CELLS
    cells = {c.text: c for row in table.rows for c in row.cells}
    assert cells["STT"].location.line == 42
    assert cells["48,59"].location.line == 73
    unit = cells["Triệu đồng/người/ năm"]
    assert (unit.locate(unit.text.index("năm")).line, unit.locate(unit.text.index("năm")).column) == (71, 1)


def test_without_pipe_table_the_cells_form_one_row(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "_pipe_table_builder", lambda: None)
    table = read(tmp_path, RESOLUTION).tables()[1]
    assert len(table.rows) == 1 and table.rows_from == "inferred"
    cells = table.rows[0].cells
    assert [c.column for c in cells] == list(range(len(cells))) and table.columns == len(cells)
    assert [c.text for c in cells[:7]] == ["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện năm 2022",
                                           "Kế hoạch năm 2024", "", "1"]
    assert [c.text for c in cells if c.text] == TABLE_CELLS


def test_table_cells_are_located_in_the_source_line_not_the_cleaned_one(tmp_path):
    lines = ["Biểu 1:", "", "  **STT**", "|", "Chỉ tiêu", "|", "|", "\t1", "|", "GRDP", "|"]
    doc = read(tmp_path, lines, name="t.md")
    cells = {c.text: c for row in doc.tables()[0].rows for c in row.cells}
    assert (cells["STT"].location.line, cells["STT"].location.column) == (3, 5)
    assert (cells["1"].location.line, cells["1"].location.column) == (8, 2)


# -- paragraph rules -----------------------------------------------------------------------------

@pytest.mark.parametrize("lines, paragraphs", [
    # a dash wrapped to the start of a line is no bullet ...
    (["Phát triển kinh tế", "- xã hội bền vững."], ["Phát triển kinh tế - xã hội bền vững."]),
    # ... but after a clause it is
    (["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."], ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."]),
    # ';' ends a paragraph unless the next line goes on in lower case
    (["Tăng cường kỷ luật, kỷ cương hành chính;", "nâng cao chất lượng đội ngũ."],
     ["Tăng cường kỷ luật, kỷ cương hành chính; nâng cao chất lượng đội ngũ."]),
    (["Căn cứ Luật Ngân sách nhà nước;", "Căn cứ Nghị định số 31/2017/NĐ-CP;"],
     ["Căn cứ Luật Ngân sách nhà nước;", "Căn cứ Nghị định số 31/2017/NĐ-CP;"]),
    # a blank line inside a sentence (a page break) does not end it
    (["Phấn đấu có thêm 05 xã đạt chuẩn", "", "nông thôn mới."], ["Phấn đấu có thêm 05 xã đạt chuẩn nông thôn mới."]),
    (["1. Mục tiêu chung", "", "Đẩy mạnh cải cách hành chính."], ["1. Mục tiêu chung", "Đẩy mạnh cải cách hành chính."]),
    # a label alone on its line has its text on the next
    (["Điều 2.", "Nhiệm vụ và quyền hạn"], ["Điều 2. Nhiệm vụ và quyền hạn"]),
    # capitals and mixed case do not share a paragraph in a header
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    # an ellipsis says nothing about the sentence
    (["các thông tin về ngân sách, mời thầu...", "để nhà đầu tư dễ tiếp cận."],
     ["các thông tin về ngân sách, mời thầu... để nhà đầu tư dễ tiếp cận."]),
    # a number inside a sentence is no page number
    (["(phụ lục số", "01", "kèm theo)."], ["(phụ lục số 01 kèm theo)."]),
    # spaces collapse
    (["Sơn La, ngày       tháng 01 năm 2024"], ["Sơn La, ngày tháng 01 năm 2024"]),
    # a symbol in capitals is no header line
    (["(Ban hành kèm theo Quyết định số", "/QĐ-UBND", "ngày tháng năm 2025)"],
     ["(Ban hành kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2025)"]),
    (["Mục 1. HỒ SƠ XẾP HẠNG,", "XẾP HẠNG BỔ SUNG DI TÍCH"], ["Mục 1. HỒ SƠ XẾP HẠNG, XẾP HẠNG BỔ SUNG DI TÍCH"]),
])
def test_paragraph_rules(tmp_path, lines, paragraphs):
    assert texts(read(tmp_path, lines)) == paragraphs


def test_short_first_lines_are_headings_only_when_shorter_than_the_documents_usual(tmp_path):
    # Here every numbered paragraph starts with a short line (an indent lost in
    # extraction), so "1. Quỹ Bảo vệ môi trường tỉnh" wraps into "Quảng Trị ...".
    lines = ["1. Quỹ Bảo vệ môi trường tỉnh",
             "Quảng Trị là quỹ tài chính nhà nước thuộc Sở Nông nghiệp và Môi trường; có tư",
             "cách pháp nhân, có vốn điều lệ, con dấu và bảng cân đối kế toán riêng.",
             "2. Hội đồng Quản lý gồm có: Chủ",
             "tịch, Phó Chủ tịch và thành viên.",
             "3. Kinh phí hoạt động của Ban",
             "kiểm soát được tính vào chi phí hoạt động của Quỹ Bảo vệ môi trường.",
             "4. Giám đốc Quỹ do Chủ tịch",
             "Ủy ban nhân dân tỉnh bổ nhiệm, miễn nhiệm theo nhiệm kỳ 05 năm, trên cơ sở đề",
             "nghị của Chủ tịch Hội đồng Quản lý Quỹ.",
             "5. Phó Giám đốc Quỹ do Chủ tịch",
             "hội đồng bổ nhiệm, miễn nhiệm theo nhiệm kỳ 05 năm."]
    assert [p.text[:22] for p in read(tmp_path, lines).paragraphs()] == [
        "1. Quỹ Bảo vệ môi trườ", "2. Hội đồng Quản lý gồ", "3. Kinh phí hoạt động ", "4. Giám đốc Quỹ do Chủ",
        "5. Phó Giám đốc Quỹ do"]


@pytest.mark.parametrize("lines, paragraphs", [
    # bold spanning a line end holds the lines together; a bold heading ends at its close
    (["**Điều 7. Ban", "Kiểm soát Quỹ**", "Ban Kiểm soát có 03 thành viên."],
     ["Điều 7. Ban Kiểm soát Quỹ", "Ban Kiểm soát có 03 thành viên."]),
    (["**PHỤ", "LỤC I**", "*(Kèm theo Nghị định số 308/2025/NĐ-CP)*"],
     ["PHỤ LỤC I", "(Kèm theo Nghị định số 308/2025/NĐ-CP)"]),
    # in Markdown a short labelled line is no heading unless marked as one
    (["**Điều 3. **Chánh", "Văn phòng UBND tỉnh chịu trách nhiệm thi hành."],
     ["Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành."]),
])
def test_markdown_bold_says_what_belongs_together(tmp_path, lines, paragraphs):
    assert texts(read(tmp_path, lines, name="qd.md")) == paragraphs


def test_text_with_a_line_per_paragraph_breaks_at_every_line(tmp_path):
    long = "Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5%; GRDP bình quân đầu người đạt 123 triệu đồng/người/năm " * 2
    lines = ["I. Mục tiêu và các chỉ tiêu chủ yếu", "1. Mục tiêu", long.strip(), "Tập trung chỉ đạo " + long,
             "nhất là trong lĩnh vực thu hút các nguồn lực đầu tư."]
    doc = read(tmp_path, lines)
    assert [p.text[:20] for p in doc.paragraphs()] == ["I. Mục tiêu và các c", "1. Mục tiêu", long[:20],
                                                      "Tập trung chỉ đạo Tố"]


def test_page_numbers_beside_blank_lines_are_dropped(tmp_path):
    doc = read(tmp_path, ["Đoạn thứ nhất kết thúc ở đây.", "", " - 12 - ", "", "Đoạn thứ hai.", "", "13"])
    assert texts(doc) == ["Đoạn thứ nhất kết thúc ở đây.", "Đoạn thứ hai."]
    assert doc.notes == ["dropped page number - 12 - at line 3", "dropped page number 13 at line 7"]


# -- Markdown -------------------------------------------------------------------------------------

MARKDOWN = [
    "|",                                                       # 1
    "**ỦY BAN NHÂN DÂN**",
    "**TỈNH HÀ TĨNH**",
    "-------",
    "|",                                                       # 5
    "**CỘNG HÒA XÃ HỘI",
    "CHỦ NGHĨA VIỆT NAM**",
    "|",
    "|",
    "Số: 2979/QĐ-UBND",                                        # 10
    "|",
    "*Hà Tĩnh, ngày 27",
    "tháng 11 năm 2025*",
    "|",
    "",                                                        # 15
    "**QUYẾT ĐỊNH**",
    "",
    "*Căn cứ Luật Tổ chức chính",
    "quyền địa phương ngày 16/6/2025;*",
    "",                                                        # 20
    "**Điều 1.** Ban hành kèm theo Quyết định này __Quy định__ chức năng (*).",
    "",
    "## Phụ lục",
    "| STT | Tên thủ tục | Thời hạn giải quyết |",
    "|:---|---|---:|",                                          # 25
    "| 1 | Cấp chứng chỉ **nghiệp vụ** | 15 ngày |",
    "| 2 | Cấp lại chứng chỉ | 05 ngày |",
    "",
    "|",
    "|",                                                       # 30
    "Nguồn: văn bản gốc.",
]


def test_markdown_emphasis_is_stripped_and_columns_still_map(tmp_path):
    doc = read(tmp_path, MARKDOWN, name="qd.md")
    assert doc.source_format == "markdown"
    article = next(p for p in doc.paragraphs() if p.text.startswith("Điều 1."))
    assert article.text == "Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng (*)."
    assert article.locate(article.text.index("Ban")).column == 13
    for word in ["Quy định", "chức", "(*)"]:
        where = article.locate(article.text.index(word))
        assert (where.line, where.column) == (21, MARKDOWN[20].index(word) + 1)
    basis = next(p for p in doc.paragraphs() if p.text.startswith("Căn cứ"))
    assert basis.text == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;"
    assert (basis.location.line, basis.location.column) == (18, 2)
    assert basis.locate(basis.text.index("quyền")).line == 19


def test_markdown_headings_pipe_tables_and_debris(tmp_path):
    doc = read(tmp_path, MARKDOWN, name="qd.md")
    assert texts(doc) == ["<table>", "QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
                          "Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng (*).", "Phụ lục", "<table>",
                          "Nguồn: văn bản gốc."]
    header, procedures = doc.tables()
    assert cell_texts(header) == ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH -------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                  "Số: 2979/QĐ-UBND", "Hà Tĩnh, ngày 27 tháng 11 năm 2025"]
    assert procedures.rows_from == "exact" and procedures.columns == 3
    assert [[c.text for c in row.cells] for row in procedures.rows] == [
        ["STT", "Tên thủ tục", "Thời hạn giải quyết"],
        ["1", "Cấp chứng chỉ nghiệp vụ", "15 ngày"],
        ["2", "Cấp lại chứng chỉ", "05 ngày"]]
    name = procedures.rows[1].cells[1]
    assert (name.location.line, name.location.column) == (26, 7)
    assert name.locate(name.text.index("vụ")).column == MARKDOWN[25].index("vụ") + 1
    assert doc.notes == ["dropped 2 line(s) holding only '|' outside tables (table debris) at line(s) 29, 30"]


@pytest.mark.parametrize("raw, text", [
    ("**Điều 1.** Công bố", "Điều 1. Công bố"),
    ("*Căn cứ Luật Đấu thầu;*", "Căn cứ Luật Đấu thầu;"),
    ("Báo cáo)*; hồ sơ", "Báo cáo); hồ sơ"),
    ("__Đối tượng__ thực hiện", "Đối tượng thực hiện"),
    ("ghi chú (*) và (**)", "ghi chú (*) và (**)"),
    ("* *", "* *"),
    ("diện tích 5 m*2", "diện tích 5 m*2"),
    ("Số: ______/QĐ-UBND", "Số: ______/QĐ-UBND"),
    ("  a \t  b\u200b c  ", "a b c"),
])
def test_clean_text(raw, text):
    cleaned, breaks = clean_text(raw)
    assert cleaned == text
    assert breaks[0][0] == 0 and all(a[0] < b[0] for a, b in zip(breaks, breaks[1:]))


def test_decomposed_text_is_nfc_and_columns_count_source_characters(tmp_path):
    raw = unicodedata.normalize("NFD", "Cộng hòa xã hội chủ nghĩa Việt Nam")
    doc = read(tmp_path, [raw])
    p = doc.paragraphs()[0]
    assert p.text == "Cộng hòa xã hội chủ nghĩa Việt Nam" and doc.lines == [raw]
    assert p.locate(p.text.index("Việt")).column == raw.index("Vi") + 1
    assert p.locate(p.text.index("Nam")).column == raw.index("Nam") + 1


# -- unreadable inputs ------------------------------------------------------------------------------

@pytest.mark.parametrize("data, says", [
    (b"", "empty file"),
    (b"\n \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Báo cáo năm 2024".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    ("Kế hoạch năm 2024, tăng trưởng 7,5%".encode("utf-8")[:-2] + b"\xe9 \xff", "not UTF-8 text"),
    ("Le café coûte 4,50 F; déjà vu à Paris".encode("latin-1"), "not UTF-8 text (invalid byte 0xE9 on line 1)"),
    ("\ufeffx".encode("utf-32"), "UTF-32"),
])
def test_unreadable_text_is_a_clear_error_naming_the_file(tmp_path, data, says):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_text_document(bad)
    assert info.value.path == str(bad) and says in info.value.message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_utf8_bom_and_utf16_with_bom_are_read(tmp_path, encoding):
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập - Tự do - Hạnh phúc\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_text_document(path)
    assert texts(doc) == doc.lines == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_cli_reports_the_unreadable_file_and_still_checks_the_good_one(tmp_path, capsys):
    bad = write(tmp_path, "bad.txt", "Báo cáo 590/BC-UBND\n", encoding="latin-1")
    code = main(["check", str(bad), str(CLEAN_PLAN), "--format", "json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 2
    assert report["summary"]["files"] == 1 and report["findings"] == []
    assert [(e["path"], e["message"]) for e in report["errors"]] == [
        (str(bad), "not UTF-8 text (invalid byte 0xE1 on line 1); save it as UTF-8")]
    assert str(bad) in err


@pytest.mark.parametrize("data, name", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n".encode("latin-1"), "TCVN3 (ABC)"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n".encode("utf-8"), "TCVN3 (ABC)"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n".encode("cp1252"), "VNI"),
])
def test_text_in_a_legacy_font_encoding_is_converted_and_said(tmp_path, data, name):
    path = tmp_path / "nq.txt"
    path.write_bytes(data)
    doc = read_text_document(path)
    assert doc.lines == ["Cộng hoà xã hội chủ nghĩa Việt Nam" if name != "VNI" else "Cộng hòa xã hội chủ nghĩa Việt Nam",
                         "Độc lập - Tự do - Hạnh phúc"]
    assert doc.caveats == [{"vi": f"văn bản gõ bằng phông {name}, đã chuyển sang Unicode để kiểm tra (dòng như "
                                  "trong tệp, cột theo văn bản đã chuyển)",
                            "en": f"text typed in {name} fonts, converted to Unicode to be checked (lines as in the "
                                  "file, columns in the converted text)"}]


def test_cli_checks_a_legacy_encoded_text_and_says_it_converted_it(tmp_path, capsys):
    bad = tmp_path / "nq.txt"
    bad.write_bytes(("NghÞ quyÕt vÒ kÕ ho¹ch ph¸t triÓn kinh tÕ - x· héi n¨m 2024\n"
                     "C¬ cÊu kinh tÕ n¨m 2024: n«ng nghiÖp 44%, c«ng nghiÖp 30%, dÞch vô 50%.\n").encode("latin-1"))
    code = main(["check", str(bad), "--lang", "en"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[:3] == [
        f"{bad}: note: text typed in TCVN3 (ABC) fonts, converted to Unicode to be checked (lines as in the file, "
        "columns in the converted text)",
        f"{bad}:2:1: PC101 [error] Cơ cấu kinh tế năm 2024 (plan 2024): shares sum to 124%, not 100% "
        "(44% + 30% + 50%; rounding allows ±1,5)",
        "    | Cơ cấu kinh tế năm 2024: nông nghiệp 44%, công nghiệp 30%, dịch vụ 50%."]


def test_a_docx_typed_in_tcvn3_fonts_is_converted(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("C¬ cÊu kinh tÕ n¨m 2024: n«ng nghiÖp 44%, c«ng nghiÖp 30%, dÞch vô 50%.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Tæng sè", "1.234"
    path = tmp_path / "vntime.docx"
    d.save(path)
    from plancheck.read import read_source

    doc, lines = read_source(path)
    assert lines == ["Cơ cấu kinh tế năm 2024: nông nghiệp 44%, công nghiệp 30%, dịch vụ 50%.", "Tổng số | 1.234"]
    assert doc.caveats[0]["en"].startswith("text typed in TCVN3 (ABC) fonts")


def test_load_path_dispatches_documents(tmp_path):
    md = write(tmp_path, "qd.md", MARKDOWN)
    loaded = load_path(md)
    assert loaded.path == str(md) and loaded.lines == MARKDOWN
    assert loaded.document.source_format == "markdown" and loaded.plan.path == str(md)
    for suffix, says in [(".doc", "save the .doc as .docx"), (".pdf", "not a readable PDF"),
                         (".odt", "save the .odt as .docx")]:
        other = tmp_path / f"plan{suffix}"
        other.write_bytes(b"\xd0\xcf\x11\xe0")
        with pytest.raises(InputError, match=says):
            load_path(other)


def test_folders_yield_documents_and_plan_files(tmp_path):
    for name in ["a.txt", "b.md", "c.docx", "~$c.docx", ".hidden.md", "notes.yaml", "plan.yaml", "x.pdf"]:
        (tmp_path / name).write_text("format: plancheck/1\n" if name == "plan.yaml" else "x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.md").write_text("x", encoding="utf-8")
    assert [p.name for p in discover_files([tmp_path])] == ["a.txt", "b.md", "c.docx", "plan.yaml", "x.pdf"]


# -- any input: no crash, consecutive blocks, every character located ---------------------------------

LINES = st.one_of(
    st.sampled_from(["", "|", "| |", "||", "-------", "3", "**", "# Tiêu đề", "| a | b |", "|---|---|",
                     "Điều 1.", "1.2. Mục tiêu", "a) Nội dung;", "- xã hội", "+ Dịch vụ: 31,8%;", "PHỤ LỤC 01",
                     "HỘI ĐỒNG NHÂN", "Căn cứ Luật Đầu tư;", "*Sơn La, ngày 07", "tháng 12 năm 2023*",
                     "Tăng trưởng **7,5%** năm 2024.", "thu ngân sách 4.180 tỷ đồng", "\t  55,5  ", "(*)"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=40), st.sampled_from(["a.txt", "a.md"]))
def test_any_text_reads_and_every_span_points_into_its_line(lines, name):
    data = "\n".join(lines).encode("utf-8")
    try:
        doc = read_text_document(name, data)
    except InputError:
        return   # empty, or gibberish taken for a legacy encoding
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    pieces = [b for b in doc.blocks if isinstance(b, Paragraph)]
    pieces += [c for t in doc.tables() for row in t.rows for c in row.cells]
    for piece in pieces:
        for span in piece.spans:
            assert 0 <= span.start <= len(piece.text)
            assert 1 <= span.location.line <= len(doc.lines)
            assert 1 <= span.location.column <= len(doc.lines[span.location.line - 1]) + 1


# -- the real documents in ../shared (skipped when absent) --------------------------------------------

REAL = sorted(SHARED.glob("corpus/*.txt")) + sorted(SHARED.glob("realdocs/*.md"))


@pytest.mark.skipif(not REAL, reason="../shared/corpus and ../shared/realdocs are not here")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_real_document_reads_and_maps_back(path):
    # How fast is bench/bench.py's business: a timed test fails on a busy machine.
    doc = read_text_document(path)
    assert doc.blocks and [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    for p in doc.paragraphs()[::5]:
        for span in p.spans:
            line = doc.lines[span.location.line - 1]
            if unicodedata.is_normalized("NFC", line):
                source = line[span.location.column - 1]
                assert source == p.text[span.start] or source.isspace() and p.text[span.start] == " "


def test_rows_that_lost_their_first_bar_are_a_table_and_one_such_line_is_text(tmp_path):
    path = tmp_path / "bang.md"
    path.write_text("Đơn vị tính: triệu đồng\n\n"
                    "Năm 2024 | 1.200,50 | 800,25 |\n"
                    "Năm 2025 | 1.300,00 | 900,75 |\n\n"
                    "Thu nhập bình quân 4,5 triệu | tháng |\n", encoding="utf-8")
    doc = text_reader.read_text_document(path)
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in r.cells] for r in table.rows] == [["Năm 2024", "1.200,50", "800,25"],
                                                               ["Năm 2025", "1.300,00", "900,75"]]
    assert table.rows[1].cells[1].location.column == 12          # "1.300,00" where it stands in its line
    assert any(isinstance(b, Paragraph) and b.text.startswith("Thu nhập") for b in doc.blocks)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["**", "*", "***", "Điều", "1.", " ", "  ", "Phạm vi", "(*)", "_", "m*2",
                                 "Thu ngân sách", "\u200b", "Hòa", "Ho\u0300a", ":", "|", "\t", "__", "\u0300",
                                 "_x_", "(", "**Champa**", "2025;*"]), max_size=12),
       st.integers(0, 3))
def test_the_fast_paths_of_cleaning_a_line_agree_with_the_word_by_word_path(pieces, lo):
    from plancheck.read.text import _clean_words, clean_text

    raw = "".join(pieces)
    lo = min(lo, len(raw))
    assert clean_text(raw, lo) == _clean_words(raw, lo, None, raw[lo:])
