"""Shares of a structure (cơ cấu kinh tế ...) add up to their total."""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Iterable

from ..certainty import Assumption
from ..numbers import format_number
from .arithmetic import StructureSumParams, shares_sum, structure_holds, structure_tolerance, structure_total
from .base import Params
from .base import CheckKind, Hit, Subject


class StructureSum(CheckKind):
    name = "structure_sum"
    fields = frozenset({"name", "period", "sum", "total", "tolerance", "components", "difference"})
    Params = StructureSumParams

    def run(self, subject: Subject, params: StructureSumParams) -> Iterable[Hit]:
        fixes = None
        wrong_shares = _wrong_shares(subject.plan)
        for s in subject.plan.structures:
            if structure_holds(s, params) is not False:
                continue
            if _explained(s, wrong_shares, params):
                continue   # one defect, one finding: PC203 names the share its own figures refute
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
            total_text = s.total.text.rstrip(" %％") if s.total else format_number(params.total)   # the template adds %
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
                assumptions=_relevant(s, computed, total),
            )


def _relevant(s, computed, total) -> tuple[str, ...]:
    """What the verdict rests on: shares short of the whole need the list complete, shares
    beyond it need them not to overlap (siblings); each needs only its own."""
    exceeds = computed.lo > total.hi
    unneeded = Assumption.complete.value if exceeds else Assumption.siblings.value
    return tuple(a for a in s.assumed if a != unneeded)


def _wrong_shares(plan) -> dict:
    """The shares whose own part and total refute them ("618.594 người (50.35%)" of 1.231.107),
    with what their part and total give."""
    from ..models import ComparisonKind
    from .arithmetic import comparison_holds, computed_interval

    return {(c.value.location, c.value.text): computed_interval(c) for c in plan.comparisons
            if c.kind is ComparisonKind.share and comparison_holds(c) is False}


def _explained(s, wrong: dict, params: StructureSumParams) -> bool:
    """Whether the structure closes once its refuted shares take the values their figures give."""
    if not any((c.value.location, c.value.text) in wrong for c in s.components):
        return False
    fixed = []
    for c in s.components:
        given = wrong.get((c.value.location, c.value.text))
        value = c.value if given is None else \
            dataclasses.replace(c.value, lo=given.lo, hi=given.hi, point=None, qualifier=None)
        fixed.append(dataclasses.replace(c, value=value))
    return structure_holds(dataclasses.replace(s, components=fixed), params) is not False


def subject_location(subject: Subject):
    from ..models import Location

    return Location(path=subject.plan.path)


class StructureRemainderParams(Params):
    # The largest share a product-tax remainder plausibly has (GRDP tables: 3-15%).
    max_remainder: Decimal = Decimal(15)


class StructureRemainder(CheckKind):
    """A structure named by its sectors alone (nông-lâm-thủy sản, công nghiệp-xây dựng, dịch
    vụ) may leave the product-tax share unstated: a gap that share explains is named as a
    warning; a gap no such share explains is an error (the hit's severity)."""

    name = "structure_remainder"
    fields = frozenset({"name", "period", "sum", "remainder", "what", "components"})
    Params = StructureRemainderParams

    def run(self, subject: Subject, params: StructureRemainderParams) -> Iterable[Hit]:
        shares = StructureSumParams()
        for s in subject.plan.structures:
            if s.complete or not s.remainder or len(s.components) < 2:
                continue
            computed, total = shares_sum(s, shares), structure_total(s, shares)
            if computed.overlaps(total) or computed.lo > total.hi:
                continue   # closes by itself, or exceeds the whole (structure-sum reports that)
            gap = total - computed
            decimals = max((c.value.decimals or 0) for c in s.components)
            if all(c.value.point is not None for c in s.components):
                shown_sum = format_number(sum((c.value.point for c in s.components), Decimal(0)), decimals)
                shown_gap = format_number(total.mid - sum((c.value.point for c in s.components), Decimal(0)), decimals)
            else:   # ranges: the interval the sum and the gap can take
                shown_sum = f"{format_number(computed.lo, decimals)}–{format_number(computed.hi, decimals)}"
                shown_gap = f"{format_number(gap.lo, decimals)}–{format_number(gap.hi, decimals)}"
            yield Hit(
                location=s.location or subject_location(subject),
                fields={"name": s.name, "period": s.period or "", "sum": shown_sum,
                        "remainder": shown_gap, "what": s.remainder,
                        "components": " + ".join(c.value.text for c in s.components)},
                severity=None if gap.lo <= params.max_remainder else "error",
                evidence={"components": {c.name: c.value.text for c in s.components}},
                assumptions=_relevant(s, computed, total),
            )
