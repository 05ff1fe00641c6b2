"""Figures a reviewer doubts: number formats, outliers, one fact stated twice.

Built on Sơn La's Phụ lục 01 (Nghị quyết 252/NQ-HĐND, 2024 plan), rows as published.
"""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plancheck
from plancheck.numbers import format_number
from plancheck.text import name_words, same_name

HEADER = """HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA
Số: 252/NQ-HĐND
Sơn La, ngày 07 tháng 12 năm 2023
NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2024
Điều 1. Phấn đấu thu ngân sách trên địa bàn trong năm 2024 đạt {budget} tỷ đồng.
PHỤ LỤC 01
"""
COLUMNS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2022", "Kế hoạch năm 2023", "Ước TH cả năm 2023",
           "Kế hoạch năm 2024", "ƯTH 2023 so với thực hiện 2022 (%)", "Kế hoạch 2024 so với ước thực hiện 2023 (%)"]
ROWS = [
    ["1", "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "%", "8,9", "7,50", "0,75", "7,5", "", ""],
    ["6", "Thu ngân sách trên địa bàn", "Tỷ đồng", "4.636", "4.800", "4,250", "4,450", "91,7", "104,7"],
    ["", "Doanh thu từ hoạt động du lịch", "Tỷ đồng", "2.970", "3.235", "4.700", "5.500", "158.2", "117,02"],
    ["", "Tỷ lệ thất nghiệp ở khu vực thành thị", "%", "3,740", "3,710", "3,710", "3,680", "", ""],
    ["23", "Tỷ lệ dân số nông thôn được sử dụng nước sạch", "%", "68,50", "69,00", "40,20", "42,00", "", ""],
    ["25", "Tỷ lệ chất thải rắn sinh hoạt ở đô thị được thu gom", "%", "91,30", "91,50", "91,50", "92,00", "", ""],
    ["27", "Tỷ lệ chất thải rắn sinh hoạt ở đô thị được xử lý", "%", "57,00", "58,00", "91,50", "92,00", "", ""],
]
RULES = ["number-format", "outlier", "consistency"]


def text_of(rows, budget="4.180"):
    table = "\n".join("| " + " | ".join(r) + " |" for r in [COLUMNS, *rows])
    return HEADER.format(budget=budget) + table + "\n"


def findings(tmp_path, text, name="pl01.txt", select=RULES):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = plancheck.check(path, select=select, lang="en")
    assert report.errors == []
    return report.findings


def test_each_doubt_on_the_published_rows(tmp_path):
    found = [(f.rule, f.location.line, f.severity.value, f.suggestion) for f in findings(tmp_path, text_of(ROWS))]
    assert found == [
        ("PC921", 6, "error", None),                      # text 4.180 vs table 4,450 (4.450)
        ("PC273", 9, "info", "0,75 → 7,5?"),             # a drought year: please confirm, no more
        ("PC251", 10, "error", "4,250 → 4.250"),
        ("PC251", 10, "error", "4,450 → 4.450"),
        ("PC252", 11, "warning", "158.2 → 158,2"),
        ("PC272", 13, "warning", None),                  # 69,00 planned, 40,20 estimated
        ("PC271", 15, "warning", None),                  # row 27 repeats row 25's 91,50 / 92,00
    ]


def test_the_messages_say_why(tmp_path):
    by_rule = {}
    for f in findings(tmp_path, text_of(ROWS)):
        by_rule.setdefault(f.rule, f.message)
    assert "91,7%" in by_rule["PC251"] and "holds only for 4.250" in by_rule["PC251"]
    assert "4.180" in by_rule["PC921"] and "4,450 (4.450)" in by_rule["PC921"]
    assert "40,20" in by_rule["PC272"] and "42%" in by_rule["PC272"]
    assert "Tỷ lệ chất thải rắn sinh hoạt ở đô thị được thu gom" in by_rule["PC271"]


def test_the_corrected_rows_raise_nothing(tmp_path):
    fixed = [list(r) for r in ROWS]
    fixed[0][5] = "4,75"                                   # a growth estimate in line with the plan
    fixed[1][5:7] = ["4.250", "4.450"]
    fixed[2][7] = "158,2"
    fixed[4][5:7] = ["69,50", "70,00"]
    fixed[6][5:7] = ["58,50", "60,00"]
    assert findings(tmp_path, text_of(fixed, budget="4.450")) == []


def test_a_word_draft_gets_the_same_doubts_located_by_cell(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in HEADER.format(budget="4.180").strip().split("\n"):
        d.add_paragraph(line)
    table = d.add_table(rows=len(ROWS) + 1, cols=len(COLUMNS))
    for r, row in enumerate([COLUMNS, *ROWS]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.save(tmp_path / "pl01.docx")
    from_word = plancheck.check(tmp_path / "pl01.docx", select=RULES, lang="en").findings
    from_text = findings(tmp_path, text_of(ROWS))
    assert [(f.rule, f.suggestion) for f in from_word] == [(f.rule, f.suggestion) for f in from_text]
    cells = {(f.rule, f.location.row, f.location.cell) for f in from_word if f.location.table}
    assert ("PC251", 3, 6) in cells and ("PC252", 4, 8) in cells


def test_indicator_names_match_across_abbreviations_and_extra_words():
    assert same_name(name_words("Thu ngân sách trên địa bàn"), name_words("thu NSNN trên địa bàn tỉnh"))
    assert same_name(name_words("Tỷ lệ hộ nghèo (theo chuẩn mới)"), name_words("tỷ lệ hộ nghèo"))
    assert same_name(name_words("Tỷ trọng CN-XD"), name_words("tỷ trọng công nghiệp xây dựng"))
    assert not same_name(name_words("Tỷ lệ gia đình văn hóa"), name_words("Tỷ lệ xóm, làng, tổ dân phố văn hóa"))
    assert not same_name(name_words("Thu ngân sách"), name_words("Chi ngân sách"))


# A row of thousands written the Vietnamese way, and the same row with one figure's
# point typed as a comma: only the mistyped figure is reported, with its fix.
thousands = st.lists(st.integers(min_value=1_001, max_value=9_999).filter(lambda n: n % 1000 >= 100),
                     min_size=4, max_size=4)


@settings(max_examples=40, deadline=None)
@given(values=thousands, which=st.integers(min_value=0, max_value=3))
def test_a_comma_typed_for_the_thousands_point_is_found_and_fixed(tmp_path_factory, values, which):
    tmp_path = tmp_path_factory.mktemp("row")
    written = [format_number(Decimal(v)) for v in values]
    row = ["4", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", *written, "", ""]
    assert findings(tmp_path, text_of([row]), select=["number-format"]) == []
    mistyped = written[which].replace(".", ",")
    row[3 + which] = mistyped
    found = [(f.rule, f.suggestion) for f in findings(tmp_path, text_of([row]), select=["number-format"])]
    assert found == [("PC251", f"{mistyped} → {written[which]}")]
