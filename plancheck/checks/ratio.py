"""Comparison columns and growth rates follow from the values they compare.

"KH 2024 so với ƯTH 2023 (%)" is a ratio: 55,5 / 51,7 × 100. "tăng 8%" is a
growth rate: (b / a − 1) × 100. Both are checked on intervals, so a result
that the inputs' own rounding explains is never flagged.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..intervals import growth_percent, ratio_percent
from ..models import Comparison, ComparisonKind
from ..numbers import format_significant
from .base import CheckKind, Hit, Params, Subject


class _ComparisonCheck(CheckKind):
    comparison_kind: ComparisonKind
    fields = frozenset({"indicator", "label", "reported", "computed", "numerator", "denominator",
                        "numerator_label", "denominator_label", "range"})

    @staticmethod
    def compute(c: Comparison):
        raise NotImplementedError

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for c in subject.plan.comparisons:
            if c.kind != self.comparison_kind:
                continue
            computed = self.compute(c)
            if not computed.bounded or computed.overlaps(c.value.interval):
                continue
            decimals = c.value.decimals or 0
            num, den = c.numerator.value.best, c.denominator.value.best
            point = self.compute_point(num, den)
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
                evidence={"computed": [_short(computed.lo), _short(computed.hi)]},
            )

    def compute_point(self, num: Decimal, den: Decimal) -> Decimal | None:
        raise NotImplementedError


def _short(d: Decimal) -> str:
    return str(round(d, 6).normalize())


class Ratio(_ComparisonCheck):
    name = "ratio"
    comparison_kind = ComparisonKind.ratio

    @staticmethod
    def compute(c: Comparison):
        return ratio_percent(c.numerator.value.interval, c.denominator.value.interval)

    def compute_point(self, num: Decimal, den: Decimal) -> Decimal | None:
        return num / den * 100 if den else None


class Growth(_ComparisonCheck):
    name = "growth"
    comparison_kind = ComparisonKind.growth

    @staticmethod
    def compute(c: Comparison):
        return growth_percent(c.denominator.value.interval, c.numerator.value.interval)

    def compute_point(self, num: Decimal, den: Decimal) -> Decimal | None:
        return (num / den - 1) * 100 if den else None
