"""Single edits of a written figure (plancheck.edits), on figures from Sơn La's 2024 plan."""
import pytest

from plancheck.edits import EditKind, edits
from plancheck.numbers import parse_number, parse_value


def _kinds(text):
    return {e.new: e.kind for e in edits(text)}


@pytest.mark.parametrize("text, new, kind", [
    ("107,28", "107,82", EditKind.swap),        # GRDP per capita, KH 2024 so với ƯTH 2023
    ("107,28", "107,38", EditKind.digit),
    ("19.760", "19.706", EditKind.swap),        # a swap inside a group of thousands
    ("19.760", "19.860", EditKind.digit),
    ("0,75", "7,5", EditKind.shift),            # Sơn La's 2023 GRDP growth estimate beside 7,50
    ("7,5", "0,75", EditKind.shift),
    ("7,50", "75,0", EditKind.shift),           # the written decimals are kept: one after the move
    ("7,50", "750", EditKind.shift),
    ("19.760", "1.976,0", EditKind.shift),      # thousands grouped as the original groups them
    ("4,250", "4.250", EditKind.separator),     # Sơn La's budget revenue, a comma for a point
    ("4.250", "4,250", EditKind.separator),
    ("158.2", "158,2", EditKind.separator),     # an English decimal point
    ("9,0%", "9,8%", EditKind.digit),           # the percent sign stays
])
def test_an_edit_of_each_kind(text, new, kind):
    assert _kinds(text).get(new) == kind


@pytest.mark.parametrize("text", ["107,28", "0,75", "4,250", "4.250", "19.760", "158.2", "3,740", "64",
                                  "9,0%", "-3,2", "100,00", "05", "0"])
def test_every_edit_is_a_well_formed_figure_and_not_the_original(text):
    found = edits(text)
    assert found and all(e.old == text for e in found)
    assert text not in {e.new for e in found}
    assert len({e.new for e in found}) == len(found)
    original = parse_value(text)
    for e in found:
        value = parse_value(e.new)
        number = parse_number(e.new.strip().rstrip("%"))
        assert not number.foreign, e
        assert value.decimals == number.decimals            # the decimals as written
        if e.kind != EditKind.separator:
            assert value.point != original.point, e         # a slip changes the figure
        whole = e.new.lstrip("-").split(",")[0].replace(".", "")
        assert whole == "0" or not whole.startswith("0") or text.startswith("0"), e


@pytest.mark.parametrize("text", ["7,50", "0,75", "19.760", "107,28", "64"])
def test_a_shift_moves_the_mark_and_adds_no_digit(text):
    # "7,50" two places right is 750, never 7.500; a leading "0," is how a fraction is written.
    def digits(t):
        return t.replace(",", "").replace(".", "").lstrip("0")

    shifted = [e.new for e in edits(text) if e.kind == EditKind.shift]
    assert shifted and all(digits(new) == digits(text) for new in shifted)
    assert "7.500" not in _kinds("7,50")


def test_counts_of_each_kind_on_a_real_cell():
    found = edits("107,28")
    kinds = [e.kind for e in found]
    # swaps 170,28 and 107,82 (not "017,28", not across the comma); 9 replacements for each of
    # 5 digits, less the leading zero "007,28"; the comma 1 or 2 places left or right, but not
    # to "10,728", a form that reads 10.728 too (the shift would raise the question it answers).
    assert {e.new for e in found if e.kind == EditKind.swap} == {"170,28", "107,82"}
    # across a thousands point: 4.210.714 typed 2.410.714 (a real slip of bench/detect.py)
    assert "4.210.714" in {e.new for e in edits("2.410.714") if e.kind == EditKind.swap}
    assert kinds.count(EditKind.digit) == 5 * 9 - 1
    assert {e.new for e in found if e.kind == EditKind.shift} == {"1,0728", "1.072,8", "10.728"}


@pytest.mark.parametrize("text", ["21-22%", "trên 10%", "05 xã", "", "Không"])
def test_no_edits_of_what_is_not_a_plain_figure(text):
    assert edits(text) == []


def test_swap_and_digit_change_are_equally_plausible():
    assert EditKind.swap.plausibility == EditKind.digit.plausibility
    assert EditKind.digit.plausibility < EditKind.shift.plausibility < EditKind.separator.plausibility
