"""Interval arithmetic on reported figures: rounding is never flagged, larger changes always are."""
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.intervals import INF, Interval, growth_percent, interval_sum, ratio_percent


def rounded(x: Decimal, d: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def reported(x: Decimal, d: int) -> Interval:
    """What a figure written to d decimals stands for (integers are taken as exact, so d >= 1 here)."""
    return Interval.rounded(rounded(x, d), d)


true_values = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=6)
decimals = st.integers(min_value=1, max_value=3)


def test_rounded_interval_is_half_a_unit_either_side():
    iv = Interval.rounded(Decimal("7.50"), 2)
    assert (iv.lo, iv.hi) == (Decimal("7.495"), Decimal("7.505"))


def test_ratio_of_son_la_grdp_per_capita_is_consistent_only_with_rounding():
    # 51,7 / 48,59 = 106,40 by point values; 106,41 lies within the inputs' rounding.
    computed = ratio_percent(Interval.rounded(Decimal("51.7"), 1), Interval.rounded(Decimal("48.59"), 2))
    assert computed.overlaps(Interval.rounded(Decimal("106.41"), 2))
    assert not computed.overlaps(Interval.rounded(Decimal("107.28"), 2))


def test_exact_half_up_boundary_counts_as_consistent():
    # 70 / 64 = 109,375 exactly; written 109,38
    computed = ratio_percent(Interval.exact(70), Interval.exact(64))
    assert computed.overlaps(Interval.rounded(Decimal("109.38"), 2))
    assert not computed.overlaps(Interval.rounded(Decimal("109.39"), 2))


def test_open_bounds_do_not_touch():
    assert not Interval(Decimal(10), INF, lo_closed=False).overlaps(Interval.exact(10))
    assert Interval(Decimal(10), INF).overlaps(Interval.exact(10))


def test_division_by_an_interval_holding_zero_is_unbounded():
    q = Interval.exact(5) / Interval.rounded(Decimal(0), 1)
    assert not q.bounded


def test_empty_interval_is_rejected():
    with pytest.raises(ValueError):
        Interval(Decimal(2), Decimal(1))


@settings(max_examples=300)
@given(st.lists(st.tuples(true_values, decimals), min_size=2, max_size=6), decimals)
def test_rounded_parts_never_contradict_their_rounded_sum(parts, total_decimals):
    true_total = sum(x for x, _ in parts)
    computed = interval_sum(reported(x, d) for x, d in parts)
    assert computed.overlaps(reported(true_total, total_decimals))


@settings(max_examples=300)
@given(st.lists(st.tuples(true_values, decimals), min_size=2, max_size=6), decimals, st.integers(1, 9))
def test_a_sum_changed_beyond_rounding_always_contradicts(parts, total_decimals, digit):
    true_total = sum(x for x, _ in parts)
    computed = interval_sum(reported(x, d) for x, d in parts)
    written = rounded(true_total, total_decimals)
    # Move the written total by more than all the rounding involved.
    slack = computed.width + Decimal(1).scaleb(-total_decimals)
    changed = written + slack + digit * Decimal(1).scaleb(-total_decimals)
    assert not computed.overlaps(Interval.rounded(changed, total_decimals))


@settings(max_examples=300)
@given(true_values, true_values, decimals, decimals, decimals)
def test_rounded_ratio_and_growth_are_always_consistent(a, b, da, db, dr):
    ratio = ratio_percent(reported(a, da), reported(b, db))
    assert ratio.overlaps(reported(a / b * 100, dr))
    growth = growth_percent(reported(b, db), reported(a, da))
    assert growth.overlaps(reported((a / b - 1) * 100, dr))


@settings(max_examples=300)
@given(true_values, true_values, decimals, decimals, decimals, st.integers(1, 9))
def test_a_ratio_changed_beyond_rounding_always_contradicts(a, b, da, db, dr, digit):
    computed = ratio_percent(reported(a, da), reported(b, db))
    if not computed.bounded:
        return
    written = rounded(a / b * 100, dr)
    changed = written + computed.width + Decimal(1).scaleb(-dr) * (1 + digit)
    assert not computed.overlaps(Interval.rounded(changed, dr))
