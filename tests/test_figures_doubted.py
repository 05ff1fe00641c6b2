"""Figures a reviewer doubts: number formats, outliers, one fact stated twice.

Built on Sơn La's Phụ lục 01 (Nghị quyết 252/NQ-HĐND, 2024 plan), rows as published.
"""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plancheck
from plancheck.numbers import format_number
from plancheck.text import name_within, name_words

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
    def within(name, statement, slack=3):
        return name_within(name_words(name), name_words(statement), slack)

    assert within("Thu ngân sách trên địa bàn", "phấn đấu thu NSNN trên địa bàn tỉnh năm 2024") == 2
    assert within("Tỷ lệ hộ nghèo (theo chuẩn mới)", "tỷ lệ hộ nghèo") == 0
    assert within("Tỷ trọng CN-XD", "tỷ trọng công nghiệp xây dựng") == 0
    assert within("Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "tốc độ tăng trưởng GRDP của tỉnh") == 1
    assert within("GRDP bình quân đầu người", "Tổng sản phẩm trên địa bàn bình quân đầu người") == 0
    assert within("Tỷ lệ gia đình văn hóa", "Tỷ lệ xóm, làng, tổ dân phố văn hóa") is None
    assert within("Thu ngân sách", "Chi ngân sách") is None
    # every word of the table's name must be in the sentence: a narrower indicator is another one
    assert within("Tỷ lệ hộ cận nghèo", "tỷ lệ hộ nghèo") is None
    assert within("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", "tỷ lệ xã đạt chuẩn NTM") is None
    assert within("Tỷ lệ hộ nghèo", "tỷ lệ hộ cận nghèo", slack=0) is None


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


STATED_AS_THE_TABLE = HEADER.replace("Điều 1. Phấn đấu thu ngân sách trên địa bàn trong năm 2024 đạt {budget} tỷ đồng.\n", (
    "Điều 1. Phấn đấu tỷ lệ xã đạt chuẩn nông thôn mới năm 2024 đạt 60%. Tỷ lệ hộ nghèo năm 2024 đạt 5%. "
    "Tỷ lệ lao động qua đào tạo năm 2024 đạt 70% trở lên. Tỷ lệ che phủ rừng năm 2024 đạt từ 46% trở lên. "
    "Thu ngân sách trên địa bàn 9 tháng đầu năm 2023 ước đạt 3.100 tỷ đồng.\n"))


def test_a_fact_stated_as_one_of_several_similar_rows_says_is_no_disagreement(tmp_path):
    # Narrower rows (nâng cao, cận nghèo) are other facts; "trở lên" is a floor; nine
    # months are not the year's estimate.
    rows = [
        ["1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", "50", "55", "55", "60", "", ""],
        ["2", "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", "%", "10", "12", "12", "20", "", ""],
        ["3", "Tỷ lệ hộ nghèo", "%", "7", "6", "6", "5", "", ""],
        ["4", "Tỷ lệ hộ cận nghèo", "%", "9", "8", "8", "7", "", ""],
        ["5", "Tỷ lệ lao động qua đào tạo", "%", "66", "68", "68", "71", "", ""],
        ["6", "Tỷ lệ che phủ rừng", "%", "46", "46,5", "46,5", "47", "", ""],
        ["7", "Thu ngân sách trên địa bàn", "Tỷ đồng", "4.000", "4.200", "4.250", "4.450", "", ""],
    ]
    text = text_of(rows).replace(HEADER.format(budget="4.180"), STATED_AS_THE_TABLE)
    assert findings(tmp_path, text, select=["fact-stated-twice"]) == []
    narrower = text.replace("đạt 60%", "đạt 65%").replace("đạt 70% trở lên", "đạt 75% trở lên")
    assert [f.message.split(":")[0] for f in findings(tmp_path, narrower, select=["fact-stated-twice"])] == [
        "Tỷ lệ xã đạt chuẩn nông thôn mới (plan 2024)", "Tỷ lệ lao động qua đào tạo (plan 2024)"]


FOUR_PERIODS = {"TH2022": {"year": 2022, "kind": "actual"}, "KH2023": {"year": 2023, "kind": "plan"},
                "UTH2023": {"year": 2023, "kind": "estimate"}, "KH2024": {"year": 2024, "kind": "plan"}}


def plan_findings(indicators, select, comparisons=None):
    data = {"periods": FOUR_PERIODS, "indicators": indicators, "comparisons": comparisons or {}}
    return [(f.rule, f.suggestion) for f in plancheck.check(data, select=select, lang="en").findings]


def test_figures_shared_here_and_there_are_no_copied_row():
    # The same plans for 2023 and 2024, but estimates of their own between them.
    rows = [{"name": "Tỷ lệ hộ sử dụng điện lưới", "unit": "%",
             "values": {"TH2022": "75", "KH2023": "95", "UTH2023": "92", "KH2024": "98"}},
            {"name": "Tỷ lệ xã có đường ô tô đến trung tâm", "unit": "%",
             "values": {"TH2022": "93", "KH2023": "95", "UTH2023": "94", "KH2024": "98"}}]
    assert plan_findings(rows, ["copied-values"]) == []


def test_a_plan_and_an_estimate_alone_are_no_series():
    row = {"name": "Tỷ lệ che phủ rừng", "unit": "%", "values": {"KH2023": "100", "UTH2023": "140"}}
    assert plan_findings([row], ["series-break"]) == []


def test_a_jump_that_the_rows_comparison_confirms_is_no_shifted_decimal():
    row = {"name": "Vốn FDI thu hút", "unit": "triệu USD",
           "values": {"TH2022": "15", "KH2023": "18", "UTH2023": "160", "KH2024": "20"}, "compare": {"SS1": "1.066,7"}}
    comparisons = {"SS1": {"of": "UTH2023", "to": "TH2022"}}
    assert plan_findings([row], ["decimal-shift"], comparisons) == []
    row["compare"]["SS1"] = "106,7"   # now the column holds for 16,0, not for 160
    assert plan_findings([row], ["decimal-shift"], comparisons) == [("PC273", "160 → 16,0?")]


def test_a_comparison_cell_of_thousands_written_with_a_comma():
    row = {"name": "Vốn đầu tư", "unit": "tỷ đồng", "values": {"TH2022": "100", "UTH2023": "1.250"},
           "compare": {"SS1": "1,250"}}
    assert plan_findings([row], ["ambiguous-separator"], {"SS1": {"of": "UTH2023", "to": "TH2022"}}) == [
        ("PC251", "1,250 → 1.250")]


def test_a_range_in_a_failing_comparison_gets_no_likely_fix():
    row = {"name": "Tỷ lệ", "unit": "%", "values": {"UTH2023": "khoảng 5%", "KH2024": "Từ 90% trở lên"},
           "compare": {"SS2": "100"}}
    assert plan_findings([row], ["comparison"], {"SS2": {"of": "UTH2023", "to": "KH2024"}}) == [("PC201", None)]


def test_a_share_is_never_read_as_thousands_to_excuse_a_comparison():
    comparisons = {"SS1": {"of": "UTH2023", "to": "TH2022"}}
    row = {"name": "Tỷ lệ thất nghiệp ở khu vực thành thị", "unit": "%",
           "values": {"TH2022": "3,740", "UTH2023": "3,710"}, "compare": {"SS1": "99,2"}}
    assert plan_findings([row], ["comparison", "number-format"], comparisons) == []   # 3,71 / 3,74 = 99,2%
    # 10.000% holds only if "3,710" were 3.710%, which no share is: the cell is wrong, and said so.
    row = {**row, "values": {"TH2022": "37,1", "UTH2023": "3,710"}, "compare": {"SS1": "10.000"}}
    assert plan_findings([row], ["comparison", "number-format"], comparisons) == [("PC201", None)]
    # The same figures in a row of money are a separator slip instead.
    row = {**row, "unit": "tỷ đồng"}
    assert plan_findings([row], ["comparison", "number-format"], comparisons) == [("PC251", "3,710 → 3.710")]


def test_rows_sharing_only_trivial_figures_are_no_copies(tmp_path):
    """Rows paired by a figure the copied-values rule calls trivial (100) once crashed
    the check (IndexError) and lost the whole file; with --ignore PC271 too, since the
    series-break rule looks for copies first."""
    rows = "\n".join([
        "| STT | Chỉ tiêu | Đơn vị | Thực hiện năm 2022 | Kế hoạch năm 2023 |",
        "| 1 | Tỷ lệ A | % | 100 | 100 |",
        "| 2 | Tỷ lệ B | % | 100 | 100 |",
        "| 3 | Tỷ lệ C | % | 50 | 100 |",
    ])
    for select in (RULES, ["PC272"]):
        assert findings(tmp_path, rows + "\n", select=select) == []
