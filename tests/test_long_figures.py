"""Runs of digits longer than any figure (issue 25, item 3): Decimal's default context holds 28
significant digits, and a remainder or a rounding of a longer number raised DivisionImpossible
and lost the whole file. No figure has more than 20 digits: a longer run is read as no figure."""
from decimal import Decimal

import pytest

import plancheck
from plancheck.numbers import MAX_SIGNIFICANT, NotANumber, parse_number


@pytest.mark.parametrize("digits", [21, 31, 40])
def test_a_run_of_more_digits_than_a_figure_has_is_no_number(digits):
    with pytest.raises(NotANumber):
        parse_number("9" * digits)
    with pytest.raises(NotANumber):
        parse_number("30," + "1" * digits)


def test_the_longest_figure_a_plan_writes_is_still_a_number():
    assert parse_number("1.234.567.890.123.456,7890").value == Decimal("1234567890123456.789")
    assert sum(c.isdigit() for c in "12345678901234567890") == MAX_SIGNIFICANT
    assert parse_number("12345678901234567890").value == 12345678901234567890


def test_a_document_with_absurdly_long_figures_is_read_and_its_real_slip_found(tmp_path):
    path = tmp_path / "du-thao.md"
    path.write_text(
        "Tổng vốn đạt 1234567890123456789012345678901234 tỷ đồng, tăng 15% so với năm 2024.\n\n"
        "Tỷ lệ hộ nghèo 12,345678901234567890123456789012345% và dân số "
        "1234567890123456789012345678901234567890 người, trong đó nam 9876543210987654321098765432109876 người.\n\n"
        "| Chỉ tiêu | Đơn vị | KH 2025 |\n|---|---|---|\n| Vốn đầu tư | tỷ đồng | 98765432109876543210987654321 |\n\n"
        "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    report = plancheck.check(path, lang="en")
    assert not report.errors
    assert [f.rule for f in report.findings] == ["PC101"]   # the real slip; nothing on the long runs
