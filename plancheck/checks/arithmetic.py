"""The arithmetic every figure check stands on: whether a structure, a comparison,
a breakdown or a count holds, on the intervals its reported figures stand for.

This is the floor of ``checks/``: it imports no check, and the checks, the likely
fixes (``repair``) and the doubted-figure rules import it. A verdict is three-valued:
True (holds in some reading of the figures), False (no reading makes it hold), None
(too little to judge: a base of zero, an unbounded figure).
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..intervals import HUNDRED, Interval, growth_percent, interval_sum, ratio_percent
from ..models import Breakdown, Comparison, ComparisonKind, StatedCount, Structure, Value
from ..numbers import readings
from .base import Params


# -- structures ----------------------------------------------------------------------

class StructureSumParams(Params):
    total: Decimal = Decimal(100)   # used when the structure states no total
    min_components: int = 2
    # Shares written as whole percentages ("21%") are rounded by nature: read them as ±0,5.
    whole_percents_rounded: bool = True


def structure_holds(s: Structure, params: StructureSumParams) -> bool | None:
    """Whether the shares can add up to the total: None when too few to judge.

    A partial list (``s.complete`` False: some shares go unnamed) holds when its
    shares do not exceed the total."""
    if len(s.components) < params.min_components:
        return None
    computed, total = shares_sum(s, params), structure_total(s, params)
    if not s.complete:
        return computed.lo <= total.hi
    return computed.overlaps(total)


def shares_sum(s: Structure, params: StructureSumParams) -> Interval:
    return interval_sum(share_interval(c.value, params) for c in s.components)


def structure_total(s: Structure, params: StructureSumParams) -> Interval:
    return s.total.interval if s.total else Interval.exact(params.total)


def structure_tolerance(s: Structure, params: StructureSumParams) -> Decimal:
    """How far the written shares may miss the total by rounding alone."""
    return sum((share_interval(c.value, params).width / 2 for c in s.components
                if c.value.point is not None), Decimal(0)) + structure_total(s, params).width / 2


def share_interval(value: Value, params: StructureSumParams) -> Interval:
    if params.whole_percents_rounded and value.point is not None and value.decimals == 0 and value.is_exact:
        return Interval.rounded(value.point, 0)
    return value.interval


# -- comparisons ---------------------------------------------------------------------

def computed_interval(c: Comparison) -> Interval:
    """What the operands give, on intervals, in the unit of the reported result."""
    num, den = c.numerator.value.interval, c.denominator.value.interval
    if c.kind == ComparisonKind.growth:
        return growth_percent(den, num)
    if c.kind == ComparisonKind.quotient:
        return (num / den).scale(c.scale)
    if c.kind == ComparisonKind.conversion:
        return num.scale(c.scale)
    if c.kind == ComparisonKind.difference:
        return num - den
    return ratio_percent(num, den)   # ratio and share: a / b × 100


def computed_point(c: Comparison) -> Decimal | None:
    """What the written figures give, as points (None for a base of zero)."""
    num, den = c.numerator.value.best, c.denominator.value.best
    if c.kind == ComparisonKind.difference:
        return num - den
    if c.kind == ComparisonKind.conversion:
        return num * c.scale
    if not den:
        return None
    if c.kind == ComparisonKind.quotient:
        return num / den * c.scale
    ratio = num / den * HUNDRED
    return ratio - HUNDRED if c.kind == ComparisonKind.growth else ratio


def holds_as_written(c: Comparison) -> bool | None:
    """Whether the reported result follows from its operands read the Vietnamese way:
    None when it cannot be checked (a base of zero)."""
    computed = computed_interval(c)
    if not computed.bounded:
        return None
    return computed.overlaps(c.value.interval)


def comparison_holds(c: Comparison) -> bool | None:
    """Whether the reported result follows from its operands: None when it cannot be
    checked (a base of zero), True when it does in some reading of the figures."""
    as_written = holds_as_written(c)
    return as_written if as_written is not False else _another_reading_agrees(c)


# A density is computed from a population and an area more precise (or a little older) than the
# ones printed beside it: 1.765 người/km² beside 124.560 / 70,60 = 1.764,3 (the quotient rule's default).
QUOTIENT_SLACK = Decimal("0.005")


def within(c: Comparison, slack: Decimal) -> bool:
    """Whether the reported result lies within a relative ``slack`` of what the operands give."""
    point = computed_point(c)
    return point is not None and point != 0 and c.value.point is not None \
        and abs(c.value.point - point) <= abs(point) * slack


def truncated(c: Comparison) -> bool:
    """Whether the reported result is the computed one cut off, not rounded (401 for
    401,81): a common habit of encyclopedia pages, a slip worth a warning, not an error."""
    point = computed_point(c)
    if point is None or c.value.point is None or c.value.decimals is None:
        return False
    step = Decimal(1).scaleb(-c.value.decimals)
    reported = c.value.point
    return (reported <= point < reported + step) if reported >= 0 else (reported - step < point <= reported)


# The shares of one split are read as balanced within this many lines of each other.
_SPLIT_LINES = 15


def balanced(c: Comparison, others: list[Comparison]) -> bool:
    """Whether a share's or fraction's rate is one its split moved by one step so that the split's
    rates total 100% (14,51% for 18/124 = 14,516%, beside 20,97% and 64,52%: rounded each way they
    total 100,01%): the usual way to publish a split, not a slip. The split is a run of rates of
    the same whole, written to the same decimals, on nearby lines, whose parts make up the whole;
    rounded one by one they miss 100%, as written they make it, and none is off by more than a step."""
    if c.kind not in (ComparisonKind.ratio, ComparisonKind.share) or c.value.decimals is None:
        return False
    whole, line = c.denominator.value.best, _line(c)
    run = sorted((o for o in others if o.kind == c.kind and o.value.decimals == c.value.decimals
                  and o.denominator.value.best == whole and abs(_line(o) - line) <= _SPLIT_LINES
                  and o.value.point is not None), key=_line)
    if len(run) < 2 or c not in run:
        return False
    step = Decimal(1).scaleb(-c.value.decimals)
    at = run.index(c)
    for first in range(at + 1):
        for last in range(at + 1, len(run) + 1):
            split = run[first:last]
            if len(split) < 2 or sum(o.numerator.value.best for o in split) != whole:
                continue
            rounded = [round(o.numerator.value.best / whole * HUNDRED, c.value.decimals) for o in split]
            written = [o.value.point for o in split]
            if sum(written) == HUNDRED and sum(rounded) != HUNDRED \
                    and all(abs(w - r) <= step for w, r in zip(written, rounded)):
                return True
    return False


def _line(c: Comparison) -> int:
    location = c.value.location or c.location
    return location.line if location is not None else 0


def _another_reading_agrees(c: Comparison) -> bool:
    """True when reading an ambiguous operand or result the other way ("4,250" as 4.250)
    makes the comparison hold: the number-format rule reports the separator."""
    from ..units import is_share

    share = is_share(c.unit)
    for value in readings(c.value):
        for num in _operand_readings(c.numerator.value, share):
            for den in _operand_readings(c.denominator.value, share):
                trial = dataclasses.replace(c, value=value, numerator=dataclasses.replace(c.numerator, value=num),
                                            denominator=dataclasses.replace(c.denominator, value=den))
                computed = computed_interval(trial)
                if computed.bounded and computed.overlaps(value.interval):
                    return True
    return False


def _operand_readings(value: Value, share: bool):
    """An operand's readings; in a row of shares, none above 100% ("3,740 %" is no 3.740%)."""
    return [r for i, r in enumerate(readings(value)) if i == 0 or not (share and r.point > 100)]


# -- breakdowns and counts -----------------------------------------------------------

def parts_sum(b: Breakdown) -> Interval:
    return interval_sum(p.value.interval for p in b.parts)


def breakdown_holds(b: Breakdown) -> bool | None:
    """Each part within the whole; the parts together within it (equal to it when the
    breakdown is exhaustive, unless the parts are nested thresholds that never add)."""
    whole = b.whole.interval
    if any(p.value.interval.lo > whole.hi for p in b.parts):
        return False
    if b.nested:
        return True
    total = parts_sum(b)
    if b.exhaustive:
        return total.overlaps(whole)
    return total.lo <= whole.hi


def count_holds(c: StatedCount) -> bool:
    """The items listed match the stated count (an open list, "như …", may list fewer)."""
    if c.at_least:
        return c.counted <= c.stated.interval.hi
    if c.fewest is not None and c.fewest < c.counted:
        return c.stated.interval.lo <= c.counted and c.stated.interval.hi >= c.fewest
    return c.stated.interval.contains(c.counted)
