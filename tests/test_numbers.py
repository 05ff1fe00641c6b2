"""Vietnamese numbers: reading what plans write, and writing it back."""
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from plancheck.intervals import INF, Interval
from plancheck.models.location import Location
from plancheck.numbers import NotANumber, format_number, parse_number, parse_quantity, parse_value

D = Decimal


# -- parse_number: one number -------------------------------------------------

@pytest.mark.parametrize("text, value, decimals", [
    ("4.636", D("4636"), 0),          # "." groups thousands
    ("19.515", D("19515"), 0),
    ("1.000", D("1000"), 0),
    ("1.000.000", D("1000000"), 0),
    ("8,9", D("8.9"), 1),             # "," is the decimal mark
    ("0,5", D("0.5"), 1),
    ("1.234,5", D("1234.5"), 1),
    ("1.234.567,891", D("1234567.891"), 3),  # grouped, so not ambiguous
    ("7,50", D("7.50"), 2),           # trailing zero kept as precision
    ("05", D("5"), 0),                # zero-padded counts: "05 xã"
    ("100", D("100"), 0),
    ("0", D("0"), 0),
    ("−3,2", D("-3.2"), 1),           # U+2212 minus
    ("-0,5", D("-0.5"), 1),
    ("- 3,2", D("-3.2"), 1),
    ("+3", D("3"), 0),
    ("4 636", D("4636"), 0),          # grouped with a space
    ("4\u00a0636", D("4636"), 0),     # ... or a no-break space
    ("12 345,6", D("12345.6"), 1),
    (" 7,50 ", D("7.50"), 2),
    ("0,250", D("0.250"), 3),         # "0.250" is no way to write 250: not ambiguous
])
def test_vietnamese_numbers_are_read_with_comma_decimals_and_point_groups(text, value, decimals):
    n = parse_number(text)
    assert (n.value, n.decimals) == (value, decimals)
    assert not n.foreign and not n.ambiguous and n.alternative is None


def test_reported_decimals_set_the_interval():
    assert parse_number("7,50").interval == Interval(D("7.495"), D("7.505"))
    assert parse_number("8,9").interval == Interval(D("8.85"), D("8.95"))
    assert parse_number("4.636").interval == Interval.exact(4636)


@pytest.mark.parametrize("text, value, alternative", [
    ("4,250", D("4.25"), D("4250")),
    ("3,740", D("3.74"), D("3740")),
    ("1,000", D("1"), D("1000")),
    ("-4,250", D("-4.25"), D("-4250")),
])
def test_one_comma_before_three_digits_is_ambiguous_and_keeps_both_readings(text, value, alternative):
    n = parse_number(text)
    assert n.ambiguous and not n.foreign
    assert (n.value, n.decimals, n.alternative) == (value, 3, alternative)


@pytest.mark.parametrize("text, value, decimals", [
    ("158.2", D("158.2"), 1),
    ("12.5", D("12.5"), 1),
    ("4.63", D("4.63"), 2),           # a point not followed by three digits cannot group
    ("0.5", D("0.5"), 1),
    ("0.500", D("0.5"), 3),           # no group starts with 0: an English 0.5
    ("012.345", D("12.345"), 3),
    ("1,234,567", D("1234567"), 0),
    ("1,234.5", D("1234.5"), 1),
    ("-12.5", D("-12.5"), 1),
])
def test_english_separators_are_read_and_flagged_foreign(text, value, decimals):
    n = parse_number(text)
    assert n.foreign and not n.ambiguous
    assert (n.value, n.decimals) == (value, decimals)


@pytest.mark.parametrize("text", [
    "", "   ", "abc", "1,2,3", "..", ",5", "5,", "4.636,", "12.345.67", "1_000", "4,25 0",
    "01,234,567",   # a leading zero is no English group either
    "0.500,5",      # nor a Vietnamese one
    "٣", "１２",     # digits of other scripts
    "²", "--3", "3-", "%",
])
def test_non_numbers_raise(text):
    with pytest.raises(NotANumber):
        parse_number(text)


# -- parse_quantity / parse_value: qualifiers, ranges, units ---------------------

@pytest.mark.parametrize("text, lo, hi, lo_closed, hi_closed, unit, qualifier", [
    ("9,0%", D("8.95"), D("9.05"), True, True, "%", None),
    ("0,45‰", D("0.445"), D("0.455"), True, True, "‰", None),
    ("3,5 %", D("3.45"), D("3.55"), True, True, "%", None),
    ("8,9 %", D("8.85"), D("8.95"), True, True, "%", None),
    ("-0,5%", D("-0.55"), D("-0.45"), True, True, "%", None),
    ("+3%", D("3"), D("3"), True, True, "%", None),
    ("21-22%", D("21"), D("22"), True, True, "%", None),
    ("28 - 29%", D("28"), D("29"), True, True, "%", None),
    ("21%-22%", D("21"), D("22"), True, True, "%", None),
    ("21–22%", D("21"), D("22"), True, True, "%", None),
    ("từ 21 đến 22%", D("21"), D("22"), True, True, "%", None),
    ("1.000 - 2.000 tỷ đồng", D("1000"), D("2000"), True, True, "tỷ đồng", None),
    ("trên 10%", D("10"), INF, False, True, "%", "trên"),
    ("Trên 10 %", D("10"), INF, False, True, "%", "Trên"),
    ("hơn 1.000 người", D("1000"), INF, False, True, "người", "hơn"),
    ("dưới 3%", -INF, D("3"), True, False, "%", "dưới"),
    ("khoảng 9,0%", D("8.95"), D("9.05"), True, True, "%", "khoảng"),
    ("từ 90% trở lên", D("90"), INF, True, True, "%", "trở lên"),
    ("10% trở xuống", -INF, D("10"), True, True, "%", "trở xuống"),
    ("ít nhất 4%", D("4"), INF, True, True, "%", "ít nhất"),
    ("tối thiểu 4%", D("4"), INF, True, True, "%", "tối thiểu"),
    ("tối đa 5%", -INF, D("5"), True, True, "%", "tối đa"),
    ("không quá 5%", -INF, D("5"), True, True, "%", "không quá"),
    ("05 xã", D("5"), D("5"), True, True, "xã", None),
    ("08 xã", D("8"), D("8"), True, True, "xã", None),
    ("4.450 tỷ đồng", D("4450"), D("4450"), True, True, "tỷ đồng", None),
])
def test_quantities_become_intervals_with_unit_and_qualifier(text, lo, hi, lo_closed, hi_closed, unit, qualifier):
    q = parse_quantity(text)
    v = q.value
    assert (v.lo, v.hi, v.lo_closed, v.hi_closed) == (lo, hi, lo_closed, hi_closed)
    assert q.unit == unit
    assert v.qualifier == qualifier
    assert v.text == text.strip()


def test_a_single_figure_has_a_point_and_a_range_or_bound_has_none():
    assert parse_value("9,0%").point == D("9.0")
    assert parse_value("khoảng 9,0%").point == D("9.0")
    assert parse_value("21-22%").point is None
    assert parse_value("trên 10%").point is None
    assert parse_value("21-22%").best == D("21.5")


def test_a_range_takes_the_finer_precision_of_its_ends():
    q = parse_quantity("21,5-22%")
    assert q.value.decimals == 1
    assert [n.value for n in q.numbers] == [D("21.5"), D("22")]


def test_an_open_bound_excludes_its_end():
    assert not parse_value("trên 10%").interval.contains(10)
    assert parse_value("trên 10%").interval.contains(D("10.01"))
    assert not parse_value("dưới 3%").interval.contains(3)
    assert parse_value("từ 90% trở lên").interval.contains(90)


def test_the_numbers_of_a_quantity_keep_their_flags():
    (n,) = parse_quantity("4,250%").numbers
    assert n.ambiguous and n.alternative == D("4250")
    assert all(n.foreign for n in parse_quantity("1.5-2.5%").numbers)


@pytest.mark.parametrize("text", ["22–20%", "22-20%", "từ 5 đến 3 xã"])
def test_a_range_that_runs_backwards_is_not_a_number(text):
    with pytest.raises(NotANumber, match="backwards"):
        parse_quantity(text)


@pytest.mark.parametrize("text", ["", "%", "trên", "khoảng", "xã", "٣%"])
def test_quantities_without_a_number_raise(text):
    with pytest.raises(NotANumber):
        parse_quantity(text)


@pytest.mark.parametrize("text", ["05 xã", "4.450 tỷ đồng", "21-22 tỷ đồng", "7.5x"])
def test_parse_value_allows_no_unit_but_percent_or_permille(text):
    with pytest.raises(NotANumber):
        parse_value(text)


def test_values_keep_the_text_as_written_and_their_location():
    where = Location(path="plan.yaml", line=7, column=3)
    v = parse_value("7,50", where)
    assert (v.text, v.decimals, v.location) == ("7,50", 2, where)
    assert parse_value("  khoảng  9,0 % ").text == "khoảng  9,0 %"


# -- format_number -------------------------------------------------------------

@pytest.mark.parametrize("value, decimals, text", [
    (D("1234.567"), 2, "1.234,57"),
    (7.5, 2, "7,50"),
    (4636, None, "4.636"),
    (D("1000000"), 0, "1.000.000"),
    (D("0.5"), None, "0,5"),        # decimals as the value has them
    (D("-3.2"), None, "-3,2"),
    (D("1E+3"), None, "1.000"),
    (D("-0.0004"), 3, "0,000"),     # rounds to zero: no "-0,000"
    (D("-0.0006"), 3, "-0,001"),
    (INF, None, "∞"),
    (-INF, 2, "-∞"),
])
def test_format_number_writes_vietnamese_style(value, decimals, text):
    assert format_number(value, decimals) == text


# -- properties ---------------------------------------------------------------

@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=3))
@example(4250, 3)     # "4,250": ambiguous
@example(250, 3)      # "0,250": not ambiguous
@example(-4250, 3)
@example(1000, 0)     # "1.000": a thousand
@example(1234567, 3)  # "1.234,567": grouped, not ambiguous
def test_formatted_numbers_read_back_to_the_same_value_and_decimals(units, decimals):
    d = D(units).scaleb(-decimals)
    text = format_number(d, decimals)
    n = parse_number(text)
    assert n.value == d
    assert n.decimals == decimals
    assert not n.foreign
    integer_part = text.lstrip("-").split(",")[0]
    should_be_ambiguous = "." not in text and decimals == 3 and integer_part != "0"
    assert n.ambiguous == should_be_ambiguous
    assert n.alternative == (d * 1000 if should_be_ambiguous else None)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=5, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=3))
def test_a_value_formatted_to_d_decimals_reads_back_within_half_a_unit(d, decimals):
    n = parse_number(format_number(d, decimals))
    assert n.decimals == decimals
    assert abs(n.value - d) <= D(5).scaleb(-decimals - 1)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=3))
def test_a_formatted_percentage_stands_for_the_values_that_round_to_it(units, decimals):
    d = D(units).scaleb(-decimals)
    v = parse_value(format_number(d, decimals) + "%")
    assert v.interval == Interval.rounded(d, decimals)
    assert v.point == d


@given(st.integers(min_value=1000, max_value=10**12))
def test_space_grouping_reads_like_point_grouping(n):
    text = format_number(n, 0)
    assert parse_number(text.replace(".", " ")).value == parse_number(text).value == n
