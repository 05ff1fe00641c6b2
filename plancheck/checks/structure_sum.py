"""Shares of a structure (cơ cấu kinh tế ...) add up to their total."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..intervals import Interval, interval_sum
from ..models import Structure
from ..numbers import format_number
from .base import CheckKind, Hit, Params, Subject


class StructureSumParams(Params):
    total: Decimal = Decimal(100)   # used when the structure states no total
    min_components: int = 2
    # Shares written as whole percentages ("21%") are rounded by nature: read them as ±0,5.
    whole_percents_rounded: bool = True


class StructureSum(CheckKind):
    name = "structure_sum"
    fields = frozenset({"name", "period", "sum", "total", "tolerance", "components", "difference"})
    Params = StructureSumParams

    def run(self, subject: Subject, params: StructureSumParams) -> Iterable[Hit]:
        fixes = None
        for s in subject.plan.structures:
            if structure_holds(s, params) is not False:
                continue
            if fixes is None:
                from .repair import Repairs  # loaded only when a structure fails

                fixes = Repairs(subject.plan, params)
            computed, total = shares_sum(s, params), structure_total(s, params)
            decimals = max((c.value.decimals or 0) for c in s.components)
            points = [c.value.point for c in s.components]
            if all(p is not None for p in points):
                written = sum(points, Decimal(0))
                shown_sum = format_number(written, decimals)
            else:  # ranges or qualifiers: show the interval the sum can take
                written = computed.mid
                shown_sum = f"{format_number(computed.lo, decimals)}–{format_number(computed.hi, decimals)}"
            tolerance = structure_tolerance(s, params)
            fix = fixes.for_structure(s)
            total_text = s.total.text if s.total else format_number(params.total)
            yield Hit(
                location=s.location or subject_location(subject),
                fields={
                    "name": s.name,
                    "period": s.period or "",
                    "sum": shown_sum,
                    "total": total_text,
                    "tolerance": format_number(tolerance),
                    "difference": format_number(written - total.mid, decimals),
                    "components": " + ".join(c.value.text for c in s.components),
                },
                suggestion=fix.suggestion if fix else None,
                evidence={"components": {c.name: c.value.text for c in s.components},
                          "computed": [str(computed.lo), str(computed.hi)],
                          **({"fix": fix.evidence()} if fix else {})},
            )


def structure_holds(s: Structure, params: StructureSumParams) -> bool | None:
    """Whether the shares can add up to the total: None when too few to judge."""
    if len(s.components) < params.min_components:
        return None
    return shares_sum(s, params).overlaps(structure_total(s, params))


def shares_sum(s: Structure, params: StructureSumParams) -> Interval:
    return interval_sum(_share_interval(c.value, params) for c in s.components)


def structure_total(s: Structure, params: StructureSumParams) -> Interval:
    return s.total.interval if s.total else Interval.exact(params.total)


def structure_tolerance(s: Structure, params: StructureSumParams) -> Decimal:
    """How far the written shares may miss the total by rounding alone."""
    return sum((_share_interval(c.value, params).width / 2 for c in s.components
                if c.value.point is not None), Decimal(0)) + structure_total(s, params).width / 2


def _share_interval(value, params: StructureSumParams) -> Interval:
    if params.whole_percents_rounded and value.point is not None and value.decimals == 0 and value.is_exact:
        return Interval.rounded(value.point, 0)
    return value.interval


def subject_location(subject: Subject):
    from ..models import Location

    return Location(path=subject.plan.path)
