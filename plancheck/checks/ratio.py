"""Comparison columns and growth rates follow from the values they compare.

"KH 2024 so với ƯTH 2023 (%)" is a ratio: 55,5 / 51,7 × 100. "tăng 8%" is a
growth rate: (b / a − 1) × 100. Both are checked on intervals, so a result
that the inputs' own rounding explains is never flagged.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..intervals import Interval, growth_percent, ratio_percent
from ..models import Comparison, ComparisonKind
from ..numbers import format_significant, readings
from .base import CheckKind, Hit, Params, Subject


class _ComparisonCheck(CheckKind):
    comparison_kind: ComparisonKind
    fields = frozenset({"indicator", "label", "reported", "computed", "numerator", "denominator",
                        "numerator_label", "denominator_label", "range"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        fixes = None
        for c in subject.plan.comparisons:
            if c.kind != self.comparison_kind or comparison_holds(c) is not False:
                continue
            if fixes is None:
                from .repair import Repairs  # loaded only when a comparison fails

                fixes = Repairs(subject.plan)
            computed = computed_interval(c)
            decimals = c.value.decimals or 0
            point = computed_point(c)
            fix = fixes.for_comparison(c)
            yield Hit(
                location=c.value.location or c.location,
                fields={
                    "indicator": c.indicator,
                    "label": c.label or "",
                    "reported": c.value.text,
                    "computed": format_significant(point if point is not None else computed.mid, decimals),
                    "range": f"{format_significant(computed.lo, decimals + 1)}–{format_significant(computed.hi, decimals + 1)}",
                    "numerator": c.numerator.value.text,
                    "denominator": c.denominator.value.text,
                    "numerator_label": c.numerator.label,
                    "denominator_label": c.denominator.label,
                },
                suggestion=fix.suggestion if fix else None,
                evidence={"computed": [_short(computed.lo), _short(computed.hi)],
                          **({"fix": fix.evidence()} if fix else {})},
            )



def computed_interval(c: Comparison) -> Interval:
    """What the operands give, on intervals: the ratio, or the growth rate, in percent."""
    if c.kind == ComparisonKind.growth:
        return growth_percent(c.denominator.value.interval, c.numerator.value.interval)
    return ratio_percent(c.numerator.value.interval, c.denominator.value.interval)


def computed_point(c: Comparison) -> Decimal | None:
    """What the written figures give, as points (None for a base of zero)."""
    num, den = c.numerator.value.best, c.denominator.value.best
    if not den:
        return None
    ratio = num / den * 100
    return ratio - 100 if c.kind == ComparisonKind.growth else ratio


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


def _another_reading_agrees(c: Comparison) -> bool:
    """True when reading an ambiguous operand or result the other way ("4,250" as 4.250)
    makes the comparison hold: the number-format rule reports the separator."""
    from ..units import is_share

    share = is_share(c.unit)
    for value in readings(c.value):
        for num in _operand_readings(c.numerator.value, share):
            for den in _operand_readings(c.denominator.value, share):
                trial = c.model_copy(update={"value": value,
                                             "numerator": c.numerator.model_copy(update={"value": num}),
                                             "denominator": c.denominator.model_copy(update={"value": den})})
                computed = computed_interval(trial)
                if computed.bounded and computed.overlaps(value.interval):
                    return True
    return False


def _operand_readings(value, share: bool):
    """An operand's readings; in a row of shares, none above 100% ("3,740 %" is no 3.740%)."""
    return [r for i, r in enumerate(readings(value)) if i == 0 or not (share and r.point > 100)]


def _short(d: Decimal) -> str:
    return str(round(d, 6).normalize())


class Ratio(_ComparisonCheck):
    name = "ratio"
    comparison_kind = ComparisonKind.ratio


class Growth(_ComparisonCheck):
    name = "growth"
    comparison_kind = ComparisonKind.growth
