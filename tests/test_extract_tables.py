"""Indicator tables -> Plan (plancheck.extract.tables), for Word tables and text tables alike."""
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.api import check
from plancheck.extract.tables import read_table, tables_to_plan
from plancheck.models import ComparisonKind, Period, PeriodKind, Plan
from plancheck.models.document import Cell, Row, Span, Table
from plancheck.models.location import Location
from plancheck.read.pipe_table import build_pipe_table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SON_LA_FILE = CORPUS / "son-la_nq-252-hdnd_2023.txt"

TH2022 = Period(year=2022, kind=PeriodKind.actual)
KH2023 = Period(year=2023, kind=PeriodKind.plan)
UTH2023 = Period(year=2023, kind=PeriodKind.estimate)
KH2024 = Period(year=2024, kind=PeriodKind.plan)


def word_table(rows: list[list], index: int = 0) -> Table:
    """A table as the Word reader gives it: exact rows; ("text", n) spans n columns; None is no cell."""
    built = []
    for r, texts in enumerate(rows):
        cells, column = [], 0
        for k, item in enumerate(texts):
            text, span = item if isinstance(item, tuple) else (item, 1)
            if text is not None:
                location = Location(path="t.docx", table=index + 1, row=r + 1, cell=k + 1)
                cells.append(Cell(text=text, spans=[Span(start=0, location=location)], column=column,
                                  column_span=span))
            column += span
        built.append(Row(cells=cells))
    return Table(index=index, rows=built, columns=max(sum(i[1] if isinstance(i, tuple) else 1 for i in r)
                                                       for r in rows))


def explode(compact: str, first_line: int = 1) -> list[tuple[int, str]]:
    """A text table written compactly (see tests/test_pipe_table.py) as (line number, text) pairs."""
    items: list[str] = []
    for source_line in compact.strip().splitlines():
        tokens = source_line.split("|")
        for k, token in enumerate(tokens):
            if token.strip():
                items += [part.strip() for part in token.split("⏎")]
            if k < len(tokens) - 1:
                items.append("|")
    return [(first_line + i, text) for i, text in enumerate(items)]


HEADER = [
    ["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện năm 2022", ("Năm 2023", 2), "Kế hoạch năm 2024", ("So sánh", 2)],
    ["", "", "", "", "Kế hoạch", "Ước TH cả năm", "", "ƯTH 2023 so với thực hiện 2022 (%)",
     "Kế hoạch 2024 so với ước thực hiện 2023 (%)"],
]
# Sơn La, Nghị quyết 252/NQ-HĐND, Phụ lục 01 (excerpt), as Word would hold it.
SON_LA_ROWS = [
    ["I", "CHỈ TIÊU KINH TẾ", "", "", "", "", "", "", ""],
    ["1", "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "%", "8,9", "7,50", "0,75", "7,5", "", ""],
    ["2", "GRDP bình quân", "Triệu đồng/người/năm", "48,59", "52,40", "51,7", "55,5", "106,41", "107,28"],
    ["3", "Cơ cấu kinh tế theo giá hiện hành (%)", "", "", "", "", "", "", ""],
    ["", "- Nông, lâm nghiệp, thủy sản", "", "25,1", "22,4", "24,5", "25,0", "", ""],
    ["", "- CN - XD", "", "27,6", "30,0", "27,0", "26,5", "", ""],
    ["", "- Dịch vụ", "", "40,4", "40,8", "41,6", "41,7", "", ""],
    ["", "- Thuế sản phẩm trừ trợ cấp sp", "", "6,9", "6,8", "6,9", "6,7", "", ""],
    ["4", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "19.760", "24.000", "22.000", "26.000", "111,34", "118,18"],
    ["5", "Giá trị hàng hóa tham gia xuất khẩu", "Triệu USD", "174,8", "184", "186,6", "196,1", "106,8", "105,1"],
    ["6", "Thu ngân sách trên địa bàn", "Tỷ đồng", "4.636", "4.800", "4,250", "4,450", "91,7", "104,7"],
    ["8", "Tổng lượt khách du lịch", "Nghìn lượt", "3.300", "3.900", "4.500", "4.800", "136,4", "106,67"],
    ["", "Doanh thu từ hoạt động du lịch", "Tỷ đồng", "2.970", "3.235", "4.700", "5.500", "158.2", "117,02"],
    ["II", "CHỈ TIÊU XÃ HỘI", "", "", "", "", "", "", ""],
    ["10", "Tỷ lệ lao động qua đào tạo", "%", "59,00", "61,00", "61,00", "63,00", "", ""],
    ["11", "TĐ: Tỷ lệ lao động có bằng cấp chứng chỉ", "%", "24,00", "26,00", "26,00", "28,00", "", ""],
    ["", "Tỷ lệ thất nghiệp ở khu vực thành thị", "%", "3,740", "3,710", "3,710", "3,680", "", ""],
    ["13", "Số bác sĩ/10.000 dân", "Bác sĩ", "8,6", "8,6", "8,6", "8,75", "100,00", "101,74"],
    ["14", "Số giường bệnh/10.000 dân", "Giường", "29,6", "29,9", "29,9", "30,6", "101,01", "102,34"],
    ["16", "Xã đạt chuẩn nông thôn mới", "xã", "59", "64", "64", "70", "108,47", "109,38"],
    ["18", "Cơ quan, doanh nghiệp, trường học đạt tiêu chuẩn \"An toàn về an ninh, trật tự\"", "%",
     "98,46", "95,20", "95,2", "95,2", "", ""],
    ["", "Khu dân cư, xã, phường, thị trấn đạt tiêu chuẩn \"An toàn về an ninh, trật tự\"", "%",
     "98,50", "90,20", "90,2", "90,2", "", ""],
]

# The same rows as the text extraction writes them (the structure's items stand in the unit column).
SON_LA_TEXT = """
STT | Chỉ tiêu | Đơn vị | Thực hiện năm⏎2022 | Năm 2023 | Kế hoạch năm⏎2024 | So sánh | |
Kế hoạch | Ước TH cả năm | ƯTH 2023 so với⏎thực hiện 2022 (%) | Kế hoạch 2024⏎so với ước thực hiện 2023 (%) | |
I | CHỈ TIÊU KINH TẾ | | | | | | | | |
1 | Tốc độ tăng tổng sản phẩm trên địa bàn GRDP | % | 8,9 | 7,50 | 0,75 | 7,5 | | | |
2 | GRDP bình quân | Triệu đồng/người/⏎năm | 48,59 | 52,40 | 51,7 | 55,5 | 106,41 | 107,28 | |
3 | Cơ cấu kinh tế theo giá hiện hành (%) | - Nông, lâm nghiệp,⏎thủy sản | 25,1 | 22,4 | 24,5 | 25,0 | | | |
- CN - XD | 27,6 | 30,0 | 27,0 | 26,5 | | | |
- Dịch vụ | 40,4 | 40,8 | 41,6 | 41,7 | | | | | |
- Thuế sản phẩm trừ⏎trợ cấp sp | 6,9 | 6,8 | 6,9 | 6,7 | | | |
4 | Tổng vốn đầu tư toàn xã hội | Tỷ đồng | 19.760 | 24.000 | 22.000 | 26.000 | 111,34 | 118,18 | |
5 | Giá trị hàng hóa tham gia xuất khẩu | Triệu USD | 174,8 | 184 | 186,6 | 196,1 | 106,8 | 105,1 | |
6 | Thu ngân sách trên địa bàn | Tỷ đồng | 4.636 | 4.800 | 4,250 | 4,450 | 91,7 | 104,7 | |
8 | Tổng lượt khách du lịch | Nghìn lượt | 3.300 | 3.900 | 4.500 | 4.800 | 136,4 | 106,67 | |
Doanh thu từ hoạt động du lịch | Tỷ đồng | 2.970 | 3.235 | 4.700 | 5.500 | 158.2 | 117,02 | |
II | CHỈ TIÊU XÃ HỘI | | | | | | | | |
10 | Tỷ lệ lao động qua đào tạo | % | 59,00 | 61,00 | 61,00 | 63,00 | | | |
11 | TĐ: Tỷ lệ lao động có bằng cấp chứng chỉ | % | 24,00 | 26,00 | 26,00 | 28,00 | | | |
Tỷ lệ thất nghiệp ở khu vực thành thị | % | 3,740 | 3,710 | 3,710 | 3,680 | | | |
13 | Số bác sĩ/10.000 dân | Bác sĩ | 8,6 | 8,6 | 8,6 | 8,75 | 100,00 | 101,74 | |
14 | Số giường bệnh/10.000 dân | Giường | 29,6 | 29,9 | 29,9 | 30,6 | 101,01 | 102,34 | |
16 | Xã đạt chuẩn nông thôn mới | xã | 59 | 64 | 64 | 70 | 108,47 | 109,38 | |
18 | Cơ quan, doanh nghiệp, trường học đạt tiêu chuẩn⏎"An toàn về an ninh, trật tự" | % | 98,46 | 95,20 | 95,2 | 95,2 | | | |
Khu dân cư, xã, phường, thị trấn đạt tiêu chuẩn⏎"An toàn về an ninh, trật tự" | % | 98,50 | 90,20 | 90,2 | 90,2 | | | |
"""


def son_la_word() -> Table:
    return word_table(HEADER + SON_LA_ROWS)


def son_la_text() -> Table:
    return build_pipe_table(explode(SON_LA_TEXT, first_line=109), 0, "son-la.txt")


def plan_of(*tables: Table, year: int | None = 2024) -> Plan:
    plan = Plan(path="t")
    tables_to_plan(list(tables), plan, document_year=year)
    return plan


def summary(plan: Plan):
    return [(i.id, i.name, i.unit, {o.period: o.value.text for o in i.values}) for i in plan.indicators]


def findings(plan: Plan, *select: str):
    return check(plan, select=list(select), lang="en").findings


# -- indicators and their values ------------------------------------------------------------

def test_word_table_gives_indicators_with_their_four_periods():
    plan = plan_of(son_la_word())
    budget = next(i for i in plan.indicators if i.id == "6")
    assert (budget.name, budget.unit) == ("Thu ngân sách trên địa bàn", "Tỷ đồng")
    assert {o.period: o.value.text for o in budget.values} == {
        TH2022: "4.636", KH2023: "4.800", UTH2023: "4,250", KH2024: "4,450"}
    # "4,250" is read the Vietnamese way (4,25); another rule judges the ambiguity.
    assert budget.value_for(UTH2023).point == Decimal("4.250")
    assert budget.value_for(UTH2023).location == Location(path="t.docx", table=1, row=13, cell=6)


def test_text_table_says_what_the_word_table_says():
    assert summary(plan_of(son_la_text())) == summary(plan_of(son_la_word()))
    text, word = plan_of(son_la_text()), plan_of(son_la_word())
    assert [(s.period, [(c.name, c.value.text) for c in s.components]) for s in text.structures] == \
           [(s.period, [(c.name, c.value.text) for c in s.components]) for s in word.structures]
    assert [(c.indicator, c.value.text) for c in text.comparisons] == [(c.indicator, c.value.text)
                                                                       for c in word.comparisons]


def test_values_are_located_at_their_line():
    plan = plan_of(son_la_text())
    lines = dict(explode(SON_LA_TEXT, first_line=109))
    budget = next(i for i in plan.indicators if i.id == "6")
    for obs in budget.values:
        assert lines[obs.value.location.line] == obs.value.text
    assert lines[budget.location.line] == "Thu ngân sách trên địa bàn"


def test_rows_numbered_and_unnumbered_and_sections():
    plan = plan_of(son_la_text())
    assert [i.id for i in plan.indicators] == [
        "1", "2", "3", "4", "5", "6", "8", None, "10", "11", None, "13", "14", "16", "18", None]
    names = [i.name for i in plan.indicators]
    assert "CHỈ TIÊU KINH TẾ" not in names and "CHỈ TIÊU XÃ HỘI" not in names
    heading = plan.indicators[2]
    assert (heading.name, heading.unit, heading.values) == ("Cơ cấu kinh tế theo giá hiện hành", "%", [])
    assert read_table(son_la_text()).numbered[:3] == [
        "1. Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "2. GRDP bình quân", "3. Cơ cấu kinh tế theo giá hiện hành"]


def test_cells_without_a_number_are_skipped():
    table = word_table([
        ["STT", "Chỉ tiêu", "ĐVT", "TH 2022", "KH 2023", "ƯTH 2023", "KH 2024", "ƯTH 2023 so với TH 2022 (%)"],
        ["1", "Xã đạt chuẩn nông thôn mới", "xã", "59", "-", "x", "Đạt", "108,47"],
        ["2", "Tỷ lệ hộ nghèo", "%", "", "Vượt", "14,41", "11,41", "80,8"],
    ])
    plan = plan_of(table)
    assert summary(plan) == [("1", "Xã đạt chuẩn nông thôn mới", "xã", {TH2022: "59"}),
                             ("2", "Tỷ lệ hộ nghèo", "%", {UTH2023: "14,41", KH2024: "11,41"})]
    assert plan.comparisons == []  # each row lacks one operand


# -- column headings ----------------------------------------------------------------------------

def periods_of(headings: list, year: int | None = 2024, rows: list | None = None) -> list[Period]:
    values = [str(10 + k) for k in range(len(headings) - 3)]
    table = word_table([headings] + (rows or [["1", "Tổng vốn đầu tư", "Tỷ đồng", *values]]))
    [indicator] = plan_of(table, year=year).indicators
    return [o.period for o in indicator.values]


def test_period_headings_short_and_long_with_and_without_diacritics():
    assert periods_of(["TT", "Nội dung", "ĐVT", "TH 2022", "KH 2023", "UTH 2023", "Uoc thuc hien nam 2023",
                       "ƯỚC TH 2023", "Kế hoạch năm 2024"]) == [TH2022, KH2023, UTH2023, KH2024]  # one per period
    assert periods_of(["STT", "Chỉ tiêu", "Đơn vị", "Mục tiêu giai đoạn 2021-2025", "Giai đoạn 2026-2030",
                       "Mục tiêu đến năm 2025"]) == [
        Period(year=2021, kind=PeriodKind.target, end_year=2025),
        Period(year=2026, kind=PeriodKind.target, end_year=2030), Period(year=2025, kind=PeriodKind.target)]


def test_a_group_heading_gives_its_year_to_the_columns_below():
    table = word_table([
        ["STT", "Chỉ tiêu", "Đơn vị", ("Năm 2023", 3), "Năm 2024"],
        [None, None, None, "Thực hiện", "Kế hoạch", "ƯTH", "KH"],
        ["1", "Tổng vốn đầu tư", "Tỷ đồng", "22.000", "24.000", "22.500", "26.000"],
    ])
    [indicator] = plan_of(table).indicators
    assert [o.period for o in indicator.values] == [
        Period(year=2023, kind=PeriodKind.actual), KH2023, UTH2023, KH2024]


def test_kinds_without_a_year_take_the_documents_year():
    headings = ["STT", "Chỉ tiêu", "Đơn vị", "Ước thực hiện", "Kế hoạch"]
    assert periods_of(headings, year=2024) == [UTH2023, KH2024]
    # Without the document's year no column has a period: not an indicator table.
    assert plan_of(word_table([headings, ["1", "Tổng vốn đầu tư", "Tỷ đồng", "22.000", "26.000"]]),
                   year=None) == Plan(path="t")


def test_partial_periods_and_averages_are_not_periods():
    assert periods_of(["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện 6 tháng 2023", "Bình quân 2021-2025",
                       "KH 2024"]) == [KH2024]


def test_a_way_of_doing_is_not_a_period():
    # A procedure list (UBND decisions on administrative procedures): "Thực hiện qua ..." says how.
    table = word_table([["TT", "Mã TTHC", "Tên TTHC", "Thực hiện qua dịch vụ công trực tuyến",
                         "Thực hiện qua bưu chính công ích", "Ghi chú"],
                        ["1", "2.001611", "Thu hồi giấy phép kinh doanh dịch vụ lữ hành", "x", "x", ""]])
    assert plan_of(table).indicators == []
    assert periods_of(["STT", "Chỉ tiêu", "Đơn vị", "Thực hiện", "Kế hoạch"]) == [
        Period(year=2023, kind=PeriodKind.actual), KH2024]


def test_comparison_headings_say_what_they_compare():
    table = word_table([
        ["STT", "Chỉ tiêu", "ĐVT", "TH 2022", "ƯTH 2023", "Tăng/giảm (%)", "KH 2024", "KH 2024 so với ƯTH 2023 (%)",
         "UTH 2023/TH 2022 (%)"],
        ["1", "GRDP bình quân đầu người", "Triệu đồng", "48,59", "51,7", "6,40", "55,5", "107,28", "106,41"],
    ])
    plan = plan_of(table)
    assert [(c.kind, c.value.text, c.numerator.value.text, c.denominator.value.text, c.label)
            for c in plan.comparisons] == [
        (ComparisonKind.growth, "6,40", "51,7", "48,59", "Tăng/giảm (%)"),
        (ComparisonKind.ratio, "107,28", "55,5", "51,7", "KH 2024 so với ƯTH 2023 (%)"),
        (ComparisonKind.ratio, "106,41", "51,7", "48,59", "UTH 2023/TH 2022 (%)")]
    assert findings(plan, "comparison") == []


def test_a_comparison_group_over_bare_years_prefers_the_estimate():
    table = word_table([
        ["STT", "Chỉ tiêu", "ĐVT", "TH 2022", "KH 2023", "ƯTH 2023", "KH 2024", ("So sánh (%)", 2)],
        [None, None, None, None, None, None, None, "2023/2022", "2024/2023"],
        ["1", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "19.760", "24.000", "22.000", "26.000", "111,34", "118,18"],
    ])
    plan = plan_of(table)
    assert [(c.numerator.value.text, c.denominator.value.text) for c in plan.comparisons] == [
        ("22.000", "19.760"), ("26.000", "22.000")]
    assert plan.comparisons[0].numerator.label == "ƯTH 2023"


def test_comparison_labels_name_the_columns():
    plan = plan_of(son_la_text())
    grdp = next(c for c in plan.comparisons if c.indicator == "GRDP bình quân")
    assert grdp.label == "ƯTH 2023 so với thực hiện 2022 (%)"
    assert (grdp.numerator.label, grdp.denominator.label) == ("Năm 2023 Ước TH cả năm", "Thực hiện năm 2022")
    assert grdp.location == grdp.value.location and grdp.location.line == 109 + 72


# -- comparisons are checked: only the budget's 91,7 fails ------------------------------------------

@pytest.mark.parametrize("make", [son_la_word, son_la_text], ids=["word", "text"])
def test_only_the_comparison_with_the_miswritten_estimate_fails(make):
    plan = plan_of(make())
    assert {c.indicator for c in plan.comparisons} == {
        "GRDP bình quân", "Tổng vốn đầu tư toàn xã hội", "Giá trị hàng hóa tham gia xuất khẩu",
        "Thu ngân sách trên địa bàn", "Tổng lượt khách du lịch", "Doanh thu từ hoạt động du lịch",
        "Số bác sĩ/10.000 dân", "Số giường bệnh/10.000 dân", "Xã đạt chuẩn nông thôn mới"}
    assert len(plan.comparisons) == 18
    # 91,7 holds once the estimate written 4,250 is read as its row means it, 4.250:
    # the separator is what is wrong, not the comparison.
    assert findings(plan, "comparison") == []
    estimate, plan_2024 = findings(plan, "ambiguous-separator")
    assert "91,7%" in estimate.message and estimate.suggestion == "4,250 → 4.250"
    assert plan_2024.suggestion == "4,450 → 4.450"


# -- structures ------------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [son_la_word, son_la_text], ids=["word", "text"])
def test_the_economic_structure_is_one_structure_per_period(make):
    plan = plan_of(make())
    assert [s.period for s in plan.structures] == [TH2022, KH2023, UTH2023, KH2024]
    sums = [sum(c.value.point for c in s.components) for s in plan.structures]
    assert sums == [Decimal("100.0"), Decimal("100.0"), Decimal("100.0"), Decimal("99.9")]
    first = plan.structures[0]
    assert (first.name, first.unit, first.total) == ("Cơ cấu kinh tế theo giá hiện hành", "%", None)
    assert [c.name for c in first.components] == [
        "Nông, lâm nghiệp, thủy sản", "CN - XD", "Dịch vụ", "Thuế sản phẩm trừ trợ cấp sp"]
    assert first.location == first.components[0].value.location
    assert findings(plan, "shares") == []  # 99,9 is within the rounding of one-decimal shares


def test_a_structure_that_does_not_add_up_is_flagged():
    table = word_table(HEADER + [
        ["1", "Tỷ trọng các khu vực trong GRDP", "%", "", "", "", "", "", ""],
        ["", "- Nông, lâm nghiệp, thủy sản", "%", "25,1", "", "", "", "", ""],
        ["", "- Công nghiệp - xây dựng", "%", "22,6", "", "", "", "", ""],
        ["", "- Dịch vụ", "%", "40,4", "", "", "", "", ""],
        ["", "- Thuế sản phẩm", "%", "6,9", "", "", "", "", ""],
    ])
    plan = plan_of(table)
    [structure] = plan.structures
    assert structure.period == TH2022 and len(structure.components) == 4
    [finding] = findings(plan, "shares")
    assert finding.rule == "PC101"


def test_rows_under_an_ordinary_indicator_are_not_a_structure():
    table = word_table(HEADER + [
        ["1", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "60,97", "", "", "", "", ""],
        ["", "- Mầm non", "%", "55,0", "", "", "", "", ""],
        ["", "- Tiểu học", "%", "70,2", "", "", "", "", ""],
    ])
    assert plan_of(table).structures == []


def test_a_share_with_its_own_value_opens_no_structure():
    table = word_table(HEADER + [
        ["1", "Tỷ trọng kinh tế số trong GRDP", "%", "12,5", "", "", "", "", ""],
        ["", "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "%", "98,0", "", "", "", "", ""],
        ["2", "Cơ cấu lao động (%)", "", "", "", "", "", "", ""],
        ["", "- Nông nghiệp", "", "62,9", "", "", "", "", ""],
    ])
    plan = plan_of(table)
    assert plan.structures == []
    assert [(i.id, i.name) for i in plan.indicators] == [
        ("1", "Tỷ trọng kinh tế số trong GRDP"), (None, "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử"),
        ("2", "Cơ cấu lao động"), (None, "Nông nghiệp")]  # one share is no structure: an indicator


def test_vertically_merged_headings_repeated_by_word_are_read_once():
    table = word_table(HEADER + [
        ["3", "Cơ cấu kinh tế (%)", "- Nông, lâm nghiệp, thủy sản", "25,1", "", "", "", "", ""],
        ["3", "Cơ cấu kinh tế (%)", "- Công nghiệp - xây dựng", "33,5", "", "", "", "", ""],
        ["3", "Cơ cấu kinh tế (%)", "- Dịch vụ", "41,4", "", "", "", "", ""],
    ])
    plan = plan_of(table)
    assert [i.id for i in plan.indicators] == ["3"]
    [structure] = plan.structures
    assert [c.value.text for c in structure.components] == ["25,1", "33,5", "41,4"]


# -- parts of a whole ------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [son_la_word, son_la_text], ids=["word", "text"])
def test_a_td_row_is_a_share_of_the_same_base_and_unnumbered_rows_are_not_parts(make):
    plan = plan_of(make())
    assert {p.part_name for p in plan.parts} == {"Tỷ lệ lao động có bằng cấp chứng chỉ"}
    assert [(p.period, p.part.text, p.whole.text, p.same_base) for p in plan.parts] == [
        (TH2022, "24,00", "59,00", True), (KH2023, "26,00", "61,00", True),
        (UTH2023, "26,00", "61,00", True), (KH2024, "28,00", "63,00", True)]
    part = plan.parts[0]
    assert (part.whole_name, part.whole_unit, part.part_unit) == ("Tỷ lệ lao động qua đào tạo", "%", "%")
    assert findings(plan, "part-whole") == []


def test_rows_after_a_bare_trong_do_row_are_parts():
    table = word_table([
        ["STT", "Chỉ tiêu", "ĐVT", "KH 2024"],
        ["6", "Thu ngân sách trên địa bàn", "Tỷ đồng", "4.450"],
        ["", "Trong đó:", "", ""],
        ["", "- Thu nội địa", "Tỷ đồng", "4.300"],
        ["", "- Thu từ xuất nhập khẩu", "Triệu đồng", "150.000"],
        ["7", "Tốc độ tăng thu ngân sách", "%", "10"],
        ["", "- Thu thuế", "Tỷ đồng", "3.900"],
    ])
    plan = plan_of(table)
    assert [(p.part_name, p.part_unit, p.whole_name, p.same_base) for p in plan.parts] == [
        ("Thu nội địa", "Tỷ đồng", "Thu ngân sách trên địa bàn", None),
        ("Thu từ xuất nhập khẩu", "Triệu đồng", "Thu ngân sách trên địa bàn", None)]
    assert findings(plan, "part-whole") == []  # 150.000 triệu = 150 tỷ ≤ 4.450 tỷ


def test_a_part_larger_than_its_whole_is_flagged():
    table = word_table([
        ["STT", "Chỉ tiêu", "ĐVT", "KH 2024"],
        ["6", "Thu ngân sách trên địa bàn", "Tỷ đồng", "4.450"],
        ["", "TĐ: Thu nội địa", "Tỷ đồng", "4.800"],
    ])
    [finding] = findings(plan_of(table), "part-whole")
    assert finding.location.row == 3


def test_growth_rates_joined_by_trong_do_are_not_same_base():
    table = word_table([
        ["STT", "Chỉ tiêu", "ĐVT", "KH 2024"],
        ["1", "Tốc độ tăng kim ngạch xuất khẩu", "%", "6,0"],
        ["", "Trong đó: tốc độ tăng xuất khẩu hàng địa phương", "%", "10"],
    ])
    [part] = plan_of(table).parts
    assert part.same_base is False
    assert findings(plan_of(table), "part-whole") == []


# -- tables that are not indicator tables -----------------------------------------------------------

def test_layout_tables_and_tables_without_periods_yield_nothing():
    layout = word_table([["HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                         ["Số: 252/NQ-HĐND", "Sơn La, ngày 07 tháng 12 năm 2023"]])
    tasks = word_table([["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
                        ["1", "Rà soát quy hoạch", "Sở Kế hoạch và Đầu tư", "Quý II"]])
    plan = plan_of(layout, tasks, build_pipe_table(explode("Nơi nhận: | CHỦ TỊCH⏎Nguyễn Thái Hưng |"), 1, "t"))
    assert plan == Plan(path="t")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(
    st.sampled_from(["", "1", "I", "a", "-", "x", "%", "Tỷ đồng", "4.636", "4,250", "91,7", "TĐ: Thu", "- CN",
                     "Trong đó:", "Cơ cấu kinh tế", "CHỈ TIÊU", "STT", "Chỉ tiêu", "ĐVT", "TH 2022", "Năm 2023",
                     "KH", "ƯTH 2023 so với TH 2022 (%)", "So sánh", "Tăng/giảm (%)", "2023/2022",
                     "giai đoạn 2021-2025", "6 tháng"]),
    st.integers(1, 3)), max_size=9), max_size=12), st.one_of(st.none(), st.integers(1990, 2030)))
def test_any_table_reads_without_error(rows, year):
    read_table(word_table([[(text, span) for text, span in row] for row in rows] or [[]]), document_year=year)


# -- the real file ------------------------------------------------------------------------------------

def son_la_appendix_lines() -> list[tuple[int, str]]:
    lines = SON_LA_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("PHỤ LỤC 01"))
    first_pipe = next(i for i in range(start, len(lines)) if lines[i].strip() == "|")
    stt = max(i for i in range(start, first_pipe) if lines[i].strip() == "STT")
    end = next(i for i in range(first_pipe, len(lines)) if lines[i].strip().startswith("PHỤ LỤC 02"))
    return [(i + 1, lines[i]) for i in range(stt, end)]


@pytest.mark.skipif(not SON_LA_FILE.exists(), reason="shared corpus not present")
def test_son_la_appendix_01_from_the_real_file():
    table = build_pipe_table(son_la_appendix_lines(), 0, str(SON_LA_FILE))
    figures = read_table(table, document_year=2024)
    assert figures.numbered == [f"{n}. {i.name}" for n, i in
                                zip(range(1, 29), [i for i in figures.indicators if i.id])]
    assert len(figures.numbered) == 28 and len(figures.indicators) == 31
    assert [i.name for i in figures.indicators if i.id is None] == [
        "Doanh thu từ hoạt động du lịch", "Tỷ lệ thất nghiệp ở khu vực thành thị",
        "Khu dân cư, xã, phường, thị trấn đạt tiêu chuẩn \"An toàn về an ninh, trật tự\""]
    for indicator in figures.indicators:
        if indicator.id != "3":  # the structure's heading holds no values itself
            assert [o.period for o in indicator.values] == [TH2022, KH2023, UTH2023, KH2024], indicator.name
    forest = figures.indicators[-1]
    assert [(o.value.text, o.value.location.line) for o in forest.values] == [
        ("47,30", 754), ("48,20", 756), ("47,50", 758), ("48,00", 760)]
    assert len(figures.comparisons) == 18 and len(figures.structures) == 4

    plan = plan_of(table)
    assert findings(plan, "comparison") == []   # 91,7 holds for 4,250 read as meant (4.250)
    assert [(f.rule, f.location.line) for f in findings(plan, "number-format")] == [
        ("PC251", 294), ("PC251", 296), ("PC252", 351)]
    assert findings(plan, "shares", "part-whole") == []


PERIOD = """\
| Năm | Tổng kinh phí | Ngân sách tỉnh | Dân đóng góp | Tỷ lệ ngân sách (%) |
|---|---|---|---|---|
| Năm 2026 | 1.500,40 | 1.200,30 | 300,10 | 80,00 |
| Năm 2027 | 1.600,00 | 1.250,50 | 349,50 | 78,16 |
| Năm 2028 | 1.700,60 | {b2028} | 400,10 | 76,47 |
| Tổng giai đoạn 2026-2028 | 4.801,00 | 3.751,30 | 1.049,70 | 78,14 |
"""


def _period_findings(tmp_path, b2028: str):
    path = tmp_path / "kinh-phi.md"
    path.write_text(PERIOD.format(b2028=b2028), encoding="utf-8")
    return [f for f in check(path, select=["PC302"]).findings]


def test_a_period_total_sums_the_rows_of_its_years_even_with_decimals(tmp_path):
    assert _period_findings(tmp_path, "1.300,50") == []            # 1.200,30 + 1.250,50 + 1.300,50 = 3.751,30
    [f] = _period_findings(tmp_path, "1.030,50")                  # a slip in one year's figure
    assert f.location.line == 6 and "3.481,30" in f.message and f.severity.value == "error"


def test_a_period_total_needs_every_year_of_the_period_above_it(tmp_path):
    # 2027 missing: the rows are not the period's, whatever they add up to
    text = PERIOD.format(b2028="1.030,50").replace("| Năm 2027 | 1.600,00 | 1.250,50 | 349,50 | 78,16 |\n", "")
    path = tmp_path / "thieu-nam.md"
    path.write_text(text, encoding="utf-8")
    assert check(path, select=["PC302"]).findings == []


FORMULA = """\
| TT | Chỉ tiêu | Đơn vị | Thực hiện 2024 | Kế hoạch 2025 | So sánh (%) |
|---|---|---|---|---|---|
| A | B | C | 1 | 2 | 3=2/1 |
| 1 | Tổng vốn đầu tư | tỷ đồng | 6.250 | 7.125 | {ratio} |
| 2 | Số doanh nghiệp mới | doanh nghiệp | 800 | 880 | 110,0 |
"""


@pytest.mark.parametrize("ratio, fires", [("114,0", False), ("141,0", True)])
def test_a_comparison_column_defined_by_the_code_rows_formula(tmp_path, ratio, fires):
    path = tmp_path / "bieu.md"
    path.write_text(FORMULA.format(ratio=ratio), encoding="utf-8")   # 7.125 / 6.250 = 114%
    found = check(path, select=["PC201"]).findings
    assert bool(found) is fires and all(f.location.line == 4 and "114,0" in f.message for f in found)


def test_a_comparison_heading_with_vơi_and_a_budget_abbreviated_dt(tmp_path):
    path = tmp_path / "du-toan.md"
    path.write_text("| TT | Chỉ tiêu | UTH 2024 | DT 2025 | DT 2025 với UTH 2024 (%) |\n|---|---|---|---|---|\n"
                    "| 1 | Thu nội địa | 4.000 | 4.600 | 105,0 |\n", encoding="utf-8")
    [f] = check(path, select=["PC201"]).findings
    assert "115,0" in f.message                                     # 4.600 / 4.000
    # "DT (ha)" is an area, not a budget: "DT" names a period only before a year
    from plancheck.extract.tables import _period
    from plancheck.text import bare

    assert _period(bare("DT (ha)"), 2025) is None
    assert _period(bare("DT 2025"), 2025) == Period(year=2025, kind=PeriodKind.plan)


def _series(tmp_path, text):
    path = tmp_path / "chuoi.md"
    path.write_text(text, encoding="utf-8")
    return [(f.rule, f.location.line, f.message) for f in check(path, select=["comparison"]).findings]


def test_a_year_series_with_its_growth_column_beside_it(tmp_path):
    text = ("| Năm | Sản lượng (tấn) | Tăng so với năm trước (%) |\n|---|---|---|\n"
            "| 2022 | 12.400 | |\n| 2023 | 13.020 | 5,0 |\n| 2024 | 14.322 | {g} |\n")
    assert _series(tmp_path, text.format(g="10,0")) == []            # 14.322 / 13.020 − 1 = 10%
    [(rule, line, message)] = _series(tmp_path, text.format(g="1,0"))
    assert (rule, line) == ("PC202", 5) and "10,0" in message


def test_a_year_series_running_across_with_its_growth_row_under_it(tmp_path):
    text = ("| Chỉ tiêu | 2022 | 2023 | 2024 |\n|---|---|---|---|\n"
            "| Sản lượng (tấn) | 12.400 | 13.020 | 14.322 |\n| Tăng so với năm trước (%) | | 5,0 | 11,0 |\n")
    [(rule, line, message)] = _series(tmp_path, text)
    assert (rule, line) == ("PC202", 4) and "10,0" in message


@pytest.mark.parametrize("heading, years, found", [
    ("So với năm trước (%)", ("2022", "2023", "2024"), [("PC201", 5)]),   # an index: 14.322 / 13.020 = 110%
    ("Tỷ lệ (%)", ("2022", "2023", "2024"), []),                         # names no comparison
    ("Tăng so với năm trước (%)", ("2020", "2023", "2024"), []),         # the years are not consecutive
    ("Tốc độ tăng trưởng GRDP (%)", ("2022", "2023", "2024"), []),       # another indicator's growth
    ("Tăng/giảm (%)", ("2022", "2023", "2024"), []),                     # against what, the heading does not say
])
def test_what_a_series_column_is_taken_for(tmp_path, heading, years, found):
    a, b, c = years
    text = (f"| Năm | Sản lượng (tấn) | {heading} |\n|---|---|---|\n"
            f"| {a} | 12.400 | |\n| {b} | 13.020 | 105,0 |\n| {c} | 14.322 | 101,0 |\n")
    assert [(rule, line) for rule, line, _ in _series(tmp_path, text)] == found


def test_a_fall_written_as_a_positive_figure_and_a_series_of_rates_left_alone(tmp_path):
    fall = ("| Năm | Số hộ nghèo (hộ) | Giảm so với năm trước (%) |\n|---|---|---|\n"
            "| 2022 | 2.000 | |\n| 2023 | 1.800 | 10,0 |\n| 2024 | 1.620 | {g} |\n")
    assert _series(tmp_path, fall.format(g="10,0")) == []                 # 1.620 / 1.800 = −10%
    assert [(rule, line) for rule, line, _ in _series(tmp_path, fall.format(g="15,0"))] == [("PC202", 5)]
    rates = ("| Năm | Tỷ lệ hộ nghèo (%) | Giảm so với năm trước (%) |\n|---|---|---|\n"
             "| 2022 | 5,2 | |\n| 2023 | 4,1 | 1,1 |\n| 2024 | 3,2 | 0,9 |\n")   # points, not percent
    assert _series(tmp_path, rates) == []


def test_a_total_rows_column_is_named_by_its_place_from_the_right(tmp_path):
    path = tmp_path / "tong.md"
    path.write_text("| STT | Đơn vị | Dân số | Diện tích |\n|---|---|---|---|\n| 1 | Xã A | 1.200 | 30 |\n"
                    "| 2 | Xã B | 1.300 | 40 |\n| Tổng số | | 2.600 | 70 |\n", encoding="utf-8")
    [f] = check(path, select=["PC302"]).findings
    assert "(cột 2 từ phải)" in f.message and "2.600" in f.message   # Dân số, the second column from the right
