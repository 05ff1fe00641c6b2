"""Calculations written out in the text (PC205), on the working of a real allocation method
(Hà Nội 2026, criteria for recurrent spending of the xã level)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancheck import check
from plancheck.checks.calculation import evaluate
from plancheck.extract.calculations import read_calculations
from plancheck.intervals import Interval
from plancheck.numbers import format_number

HA_NOI = (
    "- Dân số khởi đầu của mỗi xã để tính điểm\n"
    "sẽ là: A = (8.857.500x500.000)/ 1.300.081 = 43.719 người (làm tròn\n"
    "44.000 người).\n"
    "\n"
    "B = (107.000 x100.000)/ 9.530.000 người\n"
    "= 1.122 người (làm tròn 1.122).\n"
    "\n"
    "F = (3.359 x 2.000)/331.338 = 20 km2. Tức là: đến 20 km2 được 8 điểm; 8 + 3 x 4 = 20 điểm.\n"
)


def test_each_calculation_is_read_with_its_terms_and_result():
    found = [c for p in HA_NOI.split("\n\n") for c in read_calculations(p, lambda o: None)]
    assert [c.text for c in found] == [
        "(8.857.500x500.000)/ 1.300.081 = 43.719", "(107.000 x100.000)/ 9.530.000 = 1.122",
        "(3.359 x 2.000)/331.338 = 20", "8 + 3 x 4 = 20"]


def test_a_mistyped_operand_is_an_error_and_a_result_cut_off_a_warning_with_its_fix(tmp_path):
    path = tmp_path / "dinh-muc.txt"
    path.write_text(HA_NOI, encoding="utf-8")
    found = [(f.location.line, f.severity.value, f.suggestion) for f in check(path, select=["PC205"]).findings]
    # 8.857.500 × 500.000 / 1.300.081 = 3.406.519 (the national population is 101.300.081);
    # 107.000 × 100.000 / 9.530.000 = 1.122,77, which rounds to 1.123; F = 20,28 rounds to 20
    assert found == [(2, "error", None), (6, "warning", "1.122 → 1.123")]


@pytest.mark.parametrize("text", ["ngày 1/4/2019 = ngày khảo sát", "Điều 3 - 5 = hết", "mã số 2021-2025=10"])
def test_dates_and_codes_are_no_calculations(text):
    assert read_calculations(text, lambda o: None) == []


@given(st.lists(st.integers(1, 10_000), min_size=2, max_size=5))
def test_a_sum_written_as_the_sum_of_its_terms_always_holds(terms):
    text = " + ".join(format_number(t) for t in terms) + f" = {format_number(sum(terms))}"
    [c] = read_calculations(text, lambda o: None)
    assert evaluate(c.terms, lambda v: v.interval) == Interval.exact(Decimal(sum(terms)))
