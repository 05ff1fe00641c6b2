"""A part ("trong đó") is not larger than its whole.

Only where that holds: counts, money, areas, and shares of the same base.
Growth rates and reductions are not parts of a whole (a part may grow faster
than its whole), and values in different units are different indicators.
"""
from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Iterable

from ..intervals import interval_sum
from ..models import PartOfWhole, Value
from ..numbers import format_number
from ..certainty import Assumption, approximate, severity_for
from .arithmetic import breakdown_holds
from .base import CheckKind, Hit, Localized, Params, Subject


class PartWholeParams(Params):
    # Unit kinds (plancheck.units.UnitKind) whose values add up.
    additive_kinds: list[str] = field(default_factory=lambda: ["money", "count", "area"])


class PartWhole(CheckKind):
    name = "part_whole"
    fields = frozenset({"part_name", "part", "whole_name", "whole", "period", "unit"})
    Params = PartWholeParams

    def run(self, subject: Subject, params: PartWholeParams) -> Iterable[Hit]:
        for p in subject.plan.parts:
            factor = self.factor(p, params)
            if factor is None:
                continue
            part = p.part.interval.scale(factor)
            if part.lo <= p.whole.interval.hi:
                continue
            yield Hit(
                location=p.part.location or p.location,
                fields={
                    "part_name": p.part_name,
                    "part": _with_unit(p.part, p.part_unit),
                    "whole_name": p.whole_name,
                    "whole": _with_unit(p.whole, p.whole_unit),
                    "period": p.period or "",
                    "unit": p.whole_unit or "",
                },
                evidence={"factor": str(factor)},
                assumptions=(*p.assumed, *approximate([p.part, p.whole])),
            )

    @staticmethod
    def factor(p: PartOfWhole, params: PartWholeParams) -> Decimal | None:
        """The factor that brings the part into the whole's unit, or None when not comparable."""
        from ..units import UnitKind, conversion_factor, parse_unit

        part_unit, whole_unit = parse_unit(p.part_unit or ""), parse_unit(p.whole_unit or "")
        if part_unit.kind == UnitKind.share or whole_unit.kind == UnitKind.share:
            return Decimal(1) if p.same_base and part_unit.kind == whole_unit.kind else None
        if part_unit.kind.value not in params.additive_kinds or whole_unit.kind != part_unit.kind:
            return None
        return conversion_factor(part_unit, whole_unit)


def _with_unit(value: Value, unit: str | None) -> str:
    return f"{value.text} {unit}".strip() if unit else value.text


class PartsSum(CheckKind):
    """The parts stated with a whole ("40,2 km, trong đó A 11,63 km, B 28,57 km") fit in it:
    each part, and all of them together (equal to it when they name it completely)."""

    name = "parts_sum"
    fields = frozenset({"whole_name", "whole", "sum", "parts", "relation", "part_name", "part"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        fixes = None
        for b in subject.plan.breakdowns:
            if breakdown_holds(b) is not False:
                continue
            whole = b.whole.interval
            total = interval_sum(p.value.interval for p in b.parts)
            exceeds = total.lo > whole.hi
            # A sum above its whole needs only that the parts are of one level; one below it also
            # needs the list to be complete, which the reading may have assumed.
            assumed = [a for a in b.assumed if not (exceeds and a == Assumption.complete.value)]
            assumptions = (*assumed, *approximate([b.whole, *(p.value for p in b.parts)]))
            if severity_for("error", assumptions) is None:
                continue   # resting on two guesses it is not reported (plancheck.certainty): no fix to seek
            if fixes is None:
                from .repair import Repairs  # loaded only when a breakdown fails

                fixes = Repairs(subject.plan)
            # no single slip is read from a list whose extent was a guess (its end cut, or run
            # past a semicolon): the parts summed may not be the parts
            fix = None if Assumption.list_bounds.value in b.assumed else fixes.for_breakdown(b)
            big = next((p for p in b.parts if p.value.interval.lo > whole.hi), None)
            points = [p.value.point for p in b.parts]
            decimals = max((p.value.decimals or 0) for p in b.parts)
            shown = format_number(sum(points, Decimal(0)), decimals) if None not in points else \
                f"{format_number(total.lo, decimals)}–{format_number(total.hi, decimals)}"
            relation = Localized({"vi": "vượt" if exceeds else "không bằng",
                                  "en": "exceeds" if exceeds else "does not equal"})
            yield Hit(
                location=(big.value.location if big else b.location or b.whole.location),
                fields={"whole_name": b.whole_name, "whole": b.whole.text, "sum": shown,
                        "parts": " + ".join(p.value.text for p in b.parts), "relation": relation,
                        "part_name": big.name if big else "", "part": big.value.text if big else ""},
                evidence={"parts": {p.name: p.value.text for p in b.parts}, "exhaustive": b.exhaustive,
                          **({"fix": fix.evidence()} if fix else {})},
                suggestion=fix.suggestion if fix else None,
                assumptions=assumptions,
            )
