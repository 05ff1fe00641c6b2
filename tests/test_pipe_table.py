"""Text tables with one cell per line and `|` lines between cells (plancheck.read.pipe_table)."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.read.pipe_table import build_pipe_table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SON_LA_FILE = CORPUS / "son-la_nq-252-hdnd_2023.txt"


def explode(compact: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Write a table compactly, as (line number, text) pairs the way the text file has them.

    Every "|" becomes a line of its own, every cell its line(s) ("⏎" breaks a cell's
    lines); the newlines of ``compact`` are only for reading.
    """
    items: list[str] = []
    for source_line in compact.strip().splitlines():
        tokens = source_line.split("|")
        for k, token in enumerate(tokens):
            if token.strip():
                items += [part.strip() for part in token.split("⏎")]
            if k < len(tokens) - 1:
                items.append("|")
    return [(first_line + i, text) for i, text in enumerate(items)]


# Sơn La, Nghị quyết 252/NQ-HĐND, Phụ lục 01, as the text extraction writes it (excerpt).
SON_LA = """
STT | Chỉ tiêu | Đơn vị | Thực hiện năm⏎2022 | Năm 2023 | Kế hoạch năm⏎2024 | So sánh | |
Kế hoạch | Ước TH cả năm | ƯTH 2023 so với⏎thực hiện 2022 (%) | Kế hoạch 2024⏎so với ước thực hiện 2023 (%) | |
I | CHỈ TIÊU KINH TẾ | | | | | | | | |
1 | Tốc độ tăng tổng sản phẩm trên địa bàn GRDP | % | 8,9 | 7,50 | 0,75 | 7,5 | | | |
2 | GRDP bình quân | Triệu đồng/người/⏎năm | 48,59 | 52,40 | 51,7 | 55,5 | 106,41 | 107,28 | |
3 | Cơ cấu kinh tế theo giá hiện hành (%) | - Nông, lâm nghiệp,⏎thủy sản | 25,1 | 22,4 | 24,5 | 25,0 | | | |
- CN - XD | 27,6 | 30,0 | 27,0 | 26,5 | | | |
- Dịch vụ | 40,4 | 40,8 | 41,6 | 41,7 | | | | | |
- Thuế sản phẩm trừ⏎trợ cấp sp | 6,9 | 6,8 | 6,9 | 6,7 | | | |
6 | Thu ngân sách trên địa bàn | Tỷ đồng | 4.636 | 4.800 | 4,250 | 4,450 | 91,7 | 104,7 | |
7 | Tỷ lệ đô thị hóa | % | 15,02 | 15,79 | 17,89 | 18 | | | |
8 | Tổng lượt khách du lịch | Nghìn lượt | 3.300 | 3.900 | 4.500 | 4.800 | 136,4 | 106,67 | |
Doanh thu từ hoạt động du lịch | Tỷ đồng | 2.970 | 3.235 | 4.700 | 5.500 | 158.2 | 117,02 | |
II | CHỈ TIÊU XÃ HỘI | | | | | | | | |
10 | Tỷ lệ lao động qua đào tạo | % | 59,00 | 61,00 | 61,00 | 63,00 | | | |
11 | TĐ: Tỷ lệ lao động có bằng cấp chứng chỉ | % | 24,00 | 26,00 | 26,00 | 28,00 | | | |
Tỷ lệ thất nghiệp ở khu vực thành thị | % | 3,740 | 3,710 | 3,710 | 3,680 | | | |
18 | Cơ quan, doanh nghiệp, trường học đạt tiêu chuẩn⏎"An toàn về an ninh, trật tự" | % | 98,46 | 95,20 | 95,2 | 95,2 | | | |
Khu dân cư, xã, phường, thị trấn đạt tiêu chuẩn⏎"An toàn về an ninh, trật tự" | % | 98,50 | 90,20 | 90,2 | 90,2 | | | |
"""


def grid(table) -> list[list[tuple[int, str]]]:
    return [[(c.column, c.text) for c in row.cells] for row in table.rows]


def row_starting(table, text: str):
    return next(r for r in table.rows if r.cells and r.cells[0].text == text)


@pytest.fixture(scope="module")
def son_la():
    return build_pipe_table(explode(SON_LA, first_line=109), 3, "son-la.txt")


def test_grid_width_rows_and_kind(son_la):
    assert son_la.columns == 9
    assert son_la.index == 3 and son_la.rows_from == "inferred"
    assert len(son_la.rows) == 2 + 17  # two header rows, 17 body rows


def test_two_header_rows_with_groups_over_their_children(son_la):
    top, sub = son_la.rows[:2]
    assert [(c.column, c.column_span, c.text) for c in top.cells] == [
        (0, 1, "STT"), (1, 1, "Chỉ tiêu"), (2, 1, "Đơn vị"), (3, 1, "Thực hiện năm 2022"),
        (4, 2, "Năm 2023"), (6, 1, "Kế hoạch năm 2024"), (7, 2, "So sánh")]
    assert [(c.column, c.text) for c in sub.cells] == [
        (4, "Kế hoạch"), (5, "Ước TH cả năm"), (7, "ƯTH 2023 so với thực hiện 2022 (%)"),
        (8, "Kế hoạch 2024 so với ước thực hiện 2023 (%)")]


def test_full_row_and_row_without_comparisons(son_la):
    assert grid(son_la)[4] == [(0, "2"), (1, "GRDP bình quân"), (2, "Triệu đồng/người/ năm"), (3, "48,59"),
                               (4, "52,40"), (5, "51,7"), (6, "55,5"), (7, "106,41"), (8, "107,28")]
    assert grid(son_la)[3][-1] == (6, "7,5")  # the comparison cells of row 1 are empty


def test_section_rows_hold_number_and_name(son_la):
    assert grid(son_la)[2] == [(0, "I"), (1, "CHỈ TIÊU KINH TẾ")]
    assert [(0, "II"), (1, "CHỈ TIÊU XÃ HỘI")] in grid(son_la)


def test_structure_sub_rows_share_one_column_whatever_their_leading_pipes(son_la):
    # "- Thuế ..." is written with two empty cells before it, "- CN - XD" with none.
    heading = row_starting(son_la, "3")
    assert [(c.column, c.text) for c in heading.cells][:4] == [
        (0, "3"), (1, "Cơ cấu kinh tế theo giá hiện hành (%)"), (2, "- Nông, lâm nghiệp, thủy sản"), (3, "25,1")]
    for name, first, last in [("- CN - XD", "27,6", "26,5"), ("- Dịch vụ", "40,4", "41,7"),
                              ("- Thuế sản phẩm trừ trợ cấp sp", "6,9", "6,7")]:
        row = row_starting(son_la, name)
        assert [(c.column, c.text) for c in row.cells] == [
            (2, name), (3, first), (4, row.cells[2].text), (5, row.cells[3].text), (6, last)]


def test_a_value_that_looks_like_a_row_number_stays_a_value(son_la):
    # Row 7 ends with the value 18 just before row number 8.
    assert grid(son_la)[row_index(son_la, "7")][-1] == (6, "18")
    assert grid(son_la)[row_index(son_la, "8")][:2] == [(0, "8"), (1, "Tổng lượt khách du lịch")]


def row_index(table, first: str) -> int:
    return next(i for i, r in enumerate(table.rows) if r.cells and r.cells[0].text == first)


def test_unnumbered_rows_start_after_the_values_of_the_row_above(son_la):
    for name, unit in [("Doanh thu từ hoạt động du lịch", "Tỷ đồng"), ("Tỷ lệ thất nghiệp ở khu vực thành thị", "%")]:
        row = row_starting(son_la, name)
        assert [(c.column, c.text) for c in row.cells][:3] == [(1, name), (2, unit), (3, row.cells[2].text)]
    tourism = row_starting(son_la, "Doanh thu từ hoạt động du lịch")
    assert [c.text for c in tourism.cells[-2:]] == ["158.2", "117,02"]
    assert [c.column for c in tourism.cells[-2:]] == [7, 8]


def test_cells_keep_their_lines_and_multi_line_cells_map_each_line(son_la):
    lines = dict(explode(SON_LA, first_line=109))
    budget = row_starting(son_la, "6")
    estimate = budget.cell_at(5)
    assert estimate.text == "4,250" and lines[estimate.location.line] == "4,250"
    assert estimate.location.path == "son-la.txt" and estimate.location.column == 1
    unit = row_starting(son_la, "2").cell_at(2)
    assert unit.text == "Triệu đồng/người/ năm"
    first, second = unit.spans
    assert second.location.line == first.location.line + 1
    assert unit.locate(unit.text.index("năm")).line == second.location.line


def test_indented_lines_give_the_column_of_their_text():
    table = build_pipe_table([(1, "  1"), (2, "|"), (3, "\tGRDP"), (4, "|"), (5, "%"), (6, "|"), (7, "   8,9")], 0, "t")
    assert [(c.text, c.location.column) for c in table.rows[0].cells] == [("1", 3), ("GRDP", 2), ("%", 1), ("8,9", 4)]


def test_a_row_whose_unit_cell_is_merged_puts_its_first_value_in_the_first_value_column():
    table = build_pipe_table(explode("""
        STT | Chỉ tiêu | ĐVT | TH 2022 | KH 2023 | |
        1 | Tổng thu ngân sách | Tỷ đồng | 4.636 | 4.800 | |
        2 | Thu nội địa | 4.100 | 4.300 | |
    """), 0, "t")
    assert grid(table)[2] == [(0, "2"), (1, "Thu nội địa"), (3, "4.100"), (4, "4.300")]


def test_an_unnumbered_row_after_a_section_row_is_its_own_row():
    table = build_pipe_table(explode("""
        STT | Chỉ tiêu | ĐVT | KH 2024 | |
        I | CHỈ TIÊU KINH TẾ | | | |
        Tổng vốn đầu tư | Tỷ đồng | 26.000 | |
    """), 0, "t")
    assert grid(table)[1:] == [[(0, "I"), (1, "CHỈ TIÊU KINH TẾ")],
                               [(1, "Tổng vốn đầu tư"), (2, "Tỷ đồng"), (3, "26.000")]]


def test_marks_are_values_and_do_not_start_rows():
    table = build_pipe_table(explode("""
        STT | Chỉ tiêu | ĐVT | KH 2023 | ƯTH 2023 | Đánh giá | |
        1 | Xã đạt chuẩn nông thôn mới | xã | 64 | 64 | Đạt | |
        2 | Tỷ lệ hộ nghèo | % | - | x | Không đạt | |
    """), 0, "t")
    assert grid(table)[2] == [(0, "2"), (1, "Tỷ lệ hộ nghèo"), (2, "%"), (3, "-"), (4, "x"), (5, "Không đạt")]


def test_a_layout_table_is_one_row_of_text():
    # The header of Sơn La's resolution: two blocks side by side, one pipe between cells.
    lines = explode("HỘI ĐỒNG NHÂN⏎DÂN⏎TỈNH SƠN LA⏎------- | CỘNG HÒA XÃ HỘI⏎CHỦ NGHĨA VIỆT NAM⏎"
                    "Độc lập - Tự do - Hạnh phúc⏎--------------- | Số: 252/NQ-HĐND | Sơn La, ngày 07⏎tháng 12 năm 2023")
    table = build_pipe_table(lines, 0, "t")
    assert [c.text for c in table.rows[0].cells] == [
        "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA -------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------",
        "Số: 252/NQ-HĐND", "Sơn La, ngày 07 tháng 12 năm 2023"]
    assert table.columns == 4


def test_empty_and_pipe_only_input():
    assert build_pipe_table([], 0, "t").rows == []
    assert build_pipe_table([(1, "|"), (2, "|"), (3, "")], 0, "t").rows == []


# -- never crash, never lose a cell -----------------------------------------------------------

CELL_TEXTS = st.one_of(
    st.sampled_from(["1", "2", "3", "18", "I", "II", "a", "x", "-", "%", "(%)", "Tỷ đồng", "xã", "4.636", "4,250",
                     "158.2", "100,00", "Đạt", "STT", "Chỉ tiêu", "Đơn vị", "Năm 2023", "So sánh", "Kế hoạch",
                     "ƯTH 2023 so với TH 2022 (%)", "- CN - XD", "TĐ: Tỷ lệ", "Trong đó:", "2021-2025", "1.2", "",
                     "  ", "||", "| |", "\t|"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.just("|"), CELL_TEXTS), max_size=80))
def test_any_sequence_of_cells_and_pipes_gives_a_table(items):
    lines = [(i + 1, text) for i, text in enumerate(items)]
    table = build_pipe_table(lines, 0, "fuzz.txt")
    for row in table.rows:
        columns = [c.column for c in row.cells]
        assert columns == sorted(set(columns)) and all(c >= 0 for c in columns)
        assert all(c.column + c.column_span <= table.columns for c in row.cells)
    texts = [" ".join(t.split()) for _, t in lines]
    cells = [c for row in table.rows for c in row.cells]
    assert all(c.spans and c.text for c in cells)
    joined = sum(len(c.spans) for c in cells)
    pipes = [t for t in texts if t and not t.replace("|", "").strip()]
    assert joined == sum(1 for t in texts if t) - len(pipes)  # every text line is in exactly one cell


# -- the real file ----------------------------------------------------------------------------

def son_la_appendix_lines() -> list[tuple[int, str]]:
    """Phụ lục 01: from the "STT" before the first pipe after "PHỤ LỤC 01" to "PHỤ LỤC 02"."""
    lines = SON_LA_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("PHỤ LỤC 01"))
    first_pipe = next(i for i in range(start, len(lines)) if lines[i].strip() == "|")
    stt = max(i for i in range(start, first_pipe) if lines[i].strip() == "STT")
    end = next(i for i in range(first_pipe, len(lines)) if lines[i].strip().startswith("PHỤ LỤC 02"))
    return [(i + 1, lines[i]) for i in range(stt, end)]


@pytest.mark.skipif(not SON_LA_FILE.exists(), reason="shared corpus not present")
def test_son_la_appendix_01_from_the_real_file():
    table = build_pipe_table(son_la_appendix_lines(), 0, str(SON_LA_FILE))
    assert table.columns == 9 and len(table.rows) == 2 + 37
    numbers = [r.cells[0].text for r in table.rows[2:] if r.cells[0].column == 0 and r.cells[0].text.isdigit()]
    assert numbers == [str(n) for n in range(1, 29)]
    budget = row_starting(table, "6")
    assert (budget.cell_at(5).text, budget.cell_at(5).location.line) == ("4,250", 294)
    assert (budget.cell_at(7).text, budget.cell_at(7).location.line) == ("91,7", 298)
