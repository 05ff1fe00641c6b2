"""Figures of running text written against the Vietnamese convention (PC252, PC253, PC254).

The sentences are from published province pages (encyclopedia text on Quảng Nam,
Đồng Nai, Bình Định, a climate section), as extraction left them."""
from __future__ import annotations

import pytest

from plancheck import check
from plancheck.extract.figures import clean, scan


def findings(tmp_path, text, rule):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    report = check(path, select=[rule])
    assert not report.errors
    return [(f.location.line, f.location.column, f.suggestion) for f in report.findings]


def test_the_tokenizer_marks_each_figure_with_its_written_form():
    malformed: list = []
    figures = scan(clean("dân số trên 887,000 người, chiếm 58.8%; thu 2.310.57 tỷ đồng; khổ rộng 1,435 m"), malformed)
    assert [(f.number, f.form) for f in figures] == [("887,000", "ambiguous"), ("58.8", "foreign"),
                                                    ("1,435", "ambiguous")]
    assert [text for _, text in malformed] == ["2.310.57"]


QUANG_NAM = (
    "Năm 2022, tỉnh có dân số trên 887,000 người.\n"
    "Sông Thu Bồn có diện tích lưu vực là 10,350 km², sông Tam Kỳ 735 km².\n"
    "Lượng mưa trung bình năm vượt quá 4,000 mm ở vùng núi.\n"
    "Mật độ sông suối 0.47 km/km² ở đồng bằng.\n"
    "GRDP đạt 115,883 tỉ Đồng.\n"
)


def test_english_thousands_commas_are_found_with_the_reason_and_the_fix(tmp_path):
    found = findings(tmp_path, QUANG_NAM, "PC253")
    assert [(line, fix) for line, _, fix in found] == [
        (1, "887,000 → 887.000"),      # people are counted whole
        (2, "10,350 → 10.350"),        # a three-place decimal does not end in 0
        (3, "4,000 → 4.000"),
        (5, "115,883 → 115.883"),      # the page writes its decimals with a point (0.47)
    ]


def test_the_english_decimal_point_is_found_only_on_measured_figures(tmp_path):
    text = QUANG_NAM + "Thực hiện cuộc cách mạng công nghiệp 4.0 theo mục 1.2 của Đề án.\n"
    assert [(line, fix) for line, _, fix in findings(tmp_path, text, "PC252")] == [(4, "0.47 → 0,47")]


@pytest.mark.parametrize("text", [
    "Tuyến đường sắt Bắc – Nam có khổ rộng 1,435 m.",                      # Vietnamese decimal
    "Tổng chiều dài đường huyện là 123,715 km, đường xã là 1.969,074 km.",  # three decimals, the sum checks
    "Thu ngân sách đạt 1,375 tỷ đồng.",                                       # nothing says it is thousands
])
def test_a_three_place_decimal_in_a_text_of_decimal_commas_stays_quiet(tmp_path, text):
    assert findings(tmp_path, text, "PC253") == []


def test_a_broken_digit_group_and_a_space_inside_a_figure(tmp_path):
    text = "Tổng thu ngân sách đạt 2.310.57 tỷ đồng.\nChỉ số giá tiêu dùng tăng 2 3,45% so với cùng kỳ.\n"
    assert [(line, col) for line, col, _ in findings(tmp_path, text, "PC254")] == [(1, 24), (2, 27)]


def test_a_figure_s_message_names_its_multiplier_with_its_unit(tmp_path):
    # "triệu đồng", not "đồng": the message says what the figure counts as the text does
    path = tmp_path / "doc.txt"
    path.write_text("Kinh phí hỗ trợ các hợp tác xã năm 2026 là 3,250.75 triệu đồng.", encoding="utf-8")
    [f] = check(path, select=["PC252"]).findings
    assert f.message.startswith("triệu đồng: \"3,250.75\"")
