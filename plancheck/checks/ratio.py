"""Comparison columns and growth rates follow from the values they compare.

"KH 2024 so với ƯTH 2023 (%)" is a ratio: 55,5 / 51,7 × 100. "tăng 8%" is a
growth rate: (b / a − 1) × 100. Both are checked on intervals, so a result
that the inputs' own rounding explains is never flagged.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..certainty import Assumption, approximate
from ..models import ComparisonKind
from ..numbers import format_significant
from .arithmetic import QUOTIENT_SLACK, balanced, comparison_holds, computed_interval, computed_point, truncated, within
from .base import CheckKind, Hit, Params, Subject


class _ComparisonCheck(CheckKind):
    comparison_kind: ComparisonKind
    fields = frozenset({"indicator", "label", "reported", "computed", "numerator", "denominator",
                        "numerator_label", "denominator_label", "range"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        fixes = None
        slack = getattr(params, "relative_tolerance", Decimal(0))
        for c in subject.plan.comparisons:
            if c.kind != self.comparison_kind or comparison_holds(c) is not False:
                continue
            if slack and within(c, slack):
                continue
            if balanced(c, subject.plan.comparisons):
                continue   # a split's rates brought to a total of 100%
            if fixes is None:
                from .repair import Repairs  # loaded only when a comparison fails

                fixes = Repairs(subject.plan, quotient_slack=slack if self.comparison_kind == ComparisonKind.quotient
                                else QUOTIENT_SLACK)   # the density slack this rule is configured with
            computed = computed_interval(c)
            decimals = c.value.decimals or 0
            point = computed_point(c)
            fix = fixes.for_comparison(c)
            yield Hit(
                location=c.value.location or c.location,
                fields={
                    "indicator": c.indicator,
                    "label": c.label or "",
                    "reported": c.value.text.strip().removesuffix("%").rstrip(),   # the template adds %
                    "computed": format_significant(point if point is not None else computed.mid, decimals),
                    "range": _range_text(computed.lo, computed.hi, decimals + 1),
                    "numerator": c.numerator.value.text,
                    "denominator": c.denominator.value.text,
                    "numerator_label": c.numerator.label,
                    "denominator_label": c.denominator.label,
                },
                suggestion=fix.suggestion if fix else None,
                evidence={"computed": [_short(computed.lo), _short(computed.hi)],
                          **({"fix": fix.evidence()} if fix else {}),
                          **({"truncated": True} if truncated(c) else {})},
                # A result cut off instead of rounded (401 for 401,81) is wrong only if the document
                # rounds: an assumption like any other (plancheck.certainty).
                assumptions=(*c.assumed, *approximate([c.value, c.numerator.value, c.denominator.value]),
                             *((Assumption.rounded.value,) if truncated(c) else ())),
            )



def _short(d: Decimal) -> str:
    return str(round(d, 6).normalize())


class Ratio(_ComparisonCheck):
    name = "ratio"
    comparison_kind = ComparisonKind.ratio


class Growth(_ComparisonCheck):
    name = "growth"
    comparison_kind = ComparisonKind.growth


class ShareOfTotal(_ComparisonCheck):
    name = "share_of_total"
    comparison_kind = ComparisonKind.share


class QuotientParams(Params):
    relative_tolerance: Decimal = QUOTIENT_SLACK   # a density from unrounded data (checks.arithmetic)


class Conversion(_ComparisonCheck):
    """A figure restated in another unit ("406.195 m2 (~40,62 ha)") is the same quantity."""

    name = "conversion"
    comparison_kind = ComparisonKind.conversion


class Quotient(_ComparisonCheck):
    name = "quotient"
    comparison_kind = ComparisonKind.quotient
    Params = QuotientParams


def _range_text(lo, hi, decimals: int) -> str:
    """The range the ratio may take given its figures' rounding, "108,58–108,64": with one more
    place than the column writes, more while its two ends read alike (a narrow range), and one
    figure when they still do."""
    for places in range(decimals, decimals + 3):
        low, high = format_significant(lo, places), format_significant(hi, places)
        if low != high:
            return f"{low}–{high}"
    return format_significant(lo, decimals)
