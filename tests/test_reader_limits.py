"""What the readers of lists, tables and bases must not take for a statement: each case a shape
in which a wider reading would report a sound text (found by review of those readers). Every
text is written for this test."""
from __future__ import annotations

import pytest

from plancheck import check


def _findings(tmp_path, text: str, name: str = "draft.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.rule, str(getattr(f.severity, "value", f.severity))) for f in check(path).findings
            if str(getattr(f.category, "value", f.category)) in ("shares", "comparison", "part-whole", "count")]


@pytest.mark.parametrize("text", [
    # an item announcing parts with its siblings' marker: its sub-items look like the lead's
    "Tổng vốn 100 tỷ đồng, gồm:\n\n- Vốn tỉnh 60 tỷ đồng, trong đó:\n\n- Vốn đầu tư 40 tỷ đồng;\n\n"
    "- Vốn sự nghiệp 20 tỷ đồng;\n\n- Vốn vay 40 tỷ đồng.\n",
    # a total after a list whose items carry their own parts
    "Đã bàn giao gồm: khu A 1.340 căn, trong đó 340 căn nhà ở xã hội; khu B 720 căn. Tổng cộng 2.060 căn.\n",
    # a ranked list of amounts: the highest of an average may stand above it
    "Thu nhập bình quân toàn huyện đạt 65 triệu đồng, cao nhất là thị trấn A với 90 triệu đồng, "
    "tiếp theo là xã B với 80 triệu đồng.\n",
    # a new clause between the rate and the figure in parentheses
    "Doanh thu đạt 5.400 tỷ đồng, tăng 8% so với cùng kỳ, riêng xuất khẩu (3.000 tỷ đồng) tăng mạnh.\n",
    "Thu ngân sách đạt 5.400 tỷ đồng, vượt 8% kế hoạch, riêng thu thuế (3.000 tỷ đồng) vượt xa.\n",
    # a count whose list names ranges of codes, and one whose first item is a group
    "Dự án bố trí 06 ô đất có ký hiệu OĐ-01 ÷ OĐ-04, CX-01, CX-02.\n",
    "Ban chỉ đạo gồm 5 thành viên là các thành viên Ban Thường vụ, Trưởng ban và Phó Trưởng ban.\n",
    # the density of the province beside its urban population
    "Dân số toàn tỉnh là 1.200.000 người, trong đó dân số thành thị 400.000 người; diện tích tự nhiên "
    "1.000 km², mật độ dân số 1.200 người/km².\n",
    # a share of an item's own part, inside the item: of the item's figure, not the lead's whole
    "Tổng kinh phí 80 tỷ đồng, gồm:\n\n1. Chi phí xây lắp 60 tỷ đồng, chiếm 75%; trong đó nhà điều hành "
    "45 tỷ đồng, chiếm 75% chi phí xây lắp;\n\n2. Chi phí khác 20 tỷ đồng, chiếm 25%.\n",
    "Tổng vốn 2.000 tỷ đồng, trong đó:\n\na) Đợt 1 (2026-2027): 800 tỷ đồng, chiếm 40%, gồm vốn trung ương "
    "600 tỷ đồng (75%) và vốn tỉnh 200 tỷ đồng (25%);\n\nb) Đợt 2 (2028-2030): 1.200 tỷ đồng, chiếm 60%.\n",
    # an item's own detail set off by a comma, in a list split by semicolons
    "Năm nay hoàn thành gồm: khu A 1.120 căn, đã bàn giao 320 căn; khu B 640 căn; khu C 410 căn. Tổng cộng 2.170 căn.\n",
    # parts named by the whole's name, and a remainder said without a figure
    "Đất dịch vụ – du lịch 15 ha, trong đó dịch vụ 6 ha, du lịch 7 ha, phần còn lại là đường nội bộ.\n",
    # a ranked list, then a subset of its last
    "Toàn tỉnh có 52 dự án, nhiều nhất là huyện A với 24 dự án, tiếp theo là huyện B với 16 dự án, "
    "huyện C với 12 dự án, trong đó có 9 dự án vốn nước ngoài.\n",
    # plots joined into one block, and the shorthand of two codes
    "Đất ở gồm 4 ô đất có ký hiệu LO-01, LO-02, LO-03/LO-04 (hợp khối).\n",
    "Đất ở gồm 4 ô đất có ký hiệu TM-01, TM-02 + TM-03, TM-04.\n",
])
def test_a_sound_text_gets_no_figure_finding(tmp_path, text):
    assert _findings(tmp_path, text) == []


def test_a_formula_column_in_times_is_no_percentage(tmp_path):
    text = ("| STT | Chỉ tiêu | Thực hiện 2024 | Kế hoạch 2025 | So sánh (lần) |\n|---|---|---|---|---|\n"
            "| A | B | 1 | 2 | 3=2/1 |\n| 1 | Doanh thu | 1.000 | 1.050 | 1,05 |\n| 2 | Lợi nhuận | 200 | 230 | 1,15 |\n")
    assert _findings(tmp_path, text, "lan.md") == []


def test_a_periods_total_of_rates_is_not_their_sum(tmp_path):
    text = ("| Năm | Vốn đầu tư (tỷ đồng) | Tốc độ tăng GRDP (%) |\n|---|---|---|\n"
            "| Năm 2026 | 1.200 | 8 |\n| Năm 2027 | 1.300 | 8 |\n| Năm 2028 | 1.400 | 9 |\n"
            "| Tổng giai đoạn 2026-2028 | 3.900 | 8,3 |\n")
    assert _findings(tmp_path, text, "giai-doan.md") == []


def test_an_infobox_density_is_of_the_subjects_area_not_the_forests(tmp_path):
    text = ("| Diện tích | 300,00 km² |\n| Dân số (2024) | |\n| Tổng cộng | 210.000 người |\n"
            "| Mật độ | 700 người/km² |\n| Diện tích rừng | 150 km² |\n")
    assert _findings(tmp_path, text, "huyen.md") == []


def test_a_long_lead_is_cut_between_words_never_inside_a_figure(tmp_path):
    filler = "nhằm bảo đảm sử dụng đất hợp lý, tiết kiệm, hiệu quả và bền vững " * 9
    text = (f"Tổng diện tích đất của dự án là 1.234.567 m2, {filler}cụ thể như sau:\n\n"
            "- Đất nông nghiệp 123.456 m2, chiếm 10%;\n\n- Đất phi nông nghiệp 1.111.111 m2, chiếm 90%.\n")
    assert _findings(tmp_path, text) == []


@pytest.mark.parametrize("text", [
    # a nearer whole passed over: the share of the 36 may be of the 72 as well as of the 120
    "Tổng vốn là 120 tỷ đồng, trong đó vốn ngân sách 72 tỷ đồng, chiếm 60%, trong đó ngân sách tỉnh 36 tỷ đồng, "
    "chiếm 50%; vốn doanh nghiệp 48 tỷ đồng, chiếm 40%.\n",
    # two plans in the parentheses: which one the excess is over, the text's order cannot say
    "Thu ngân sách đạt 6.480 tỷ đồng, vượt 8% dự toán tỉnh giao (dự toán trung ương 6.240 tỷ đồng, "
    "tỉnh giao 6.000 tỷ đồng).\n",
])
def test_a_reading_that_guesses_its_base_is_at_most_a_warning(tmp_path, text):
    assert all(severity == "warning" for _, severity in _findings(tmp_path, text))


def test_yearly_counts_over_a_period_add_up_only_as_an_assumption(tmp_path):
    text = ("| Năm | Số dự án được bố trí vốn | Vốn bố trí (tỷ đồng) |\n|---|---|---|\n"
            "| 2026 | 11 | 130 |\n| 2027 | 14 | 160 |\n| 2028 | 9 | 110 |\n"
            "| Tổng giai đoạn 2026-2028 | 30 | 400 |\n")
    # a project funded two years running is one project: 34 yearly counts for 30 projects may hold
    assert _findings(tmp_path, text, "bo-tri-von.md") == [("PC302", "warning")]
