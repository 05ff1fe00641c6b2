"""An indicator's row: its values across periods, with the comparison cells computed from them.

The number-format and outlier checks judge a figure by its neighbours: the
other periods of the same indicator, and the comparison cells that use it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Comparison, Indicator, Period, PeriodKind, Plan, Value


@dataclass
class Row:
    indicator: Indicator
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def values(self) -> list[tuple[Period, Value]]:
        return [(obs.period, obs.value) for obs in self.indicator.values]

    def point_values(self) -> list[tuple[Period, Value]]:
        """The values that are single figures (not ranges, not "trên 10%")."""
        return [(p, v) for p, v in self.values if v.point is not None and v.qualifier is None]

    def uses(self, value: Value) -> list[Comparison]:
        """The comparison cells of this row that compute with ``value``."""
        return [c for c in self.comparisons
                if same_cell(c.numerator.value, value) or same_cell(c.denominator.value, value)]


def same_cell(a: Value, b: Value) -> bool:
    """The same written figure in the same place (a table value and its copy in a comparison)."""
    if a.text != b.text:
        return False
    if a.location is None or b.location is None:
        return a.location is b.location
    return (a.location.line, a.location.column, a.location.cell) == (b.location.line, b.location.column, b.location.cell)


def rows(plan: Plan) -> list[Row]:
    """Every indicator with values, with the comparison cells computed from them."""
    by_name: dict[str, list[Comparison]] = {}
    for c in plan.comparisons:
        by_name.setdefault(c.indicator, []).append(c)
    out = []
    for ind in plan.indicators:
        if not ind.values:
            continue
        row = Row(ind)
        row.comparisons = [c for c in by_name.get(ind.name, [])
                           if any(same_cell(c.numerator.value, v) or same_cell(c.denominator.value, v)
                                  for _, v in row.values)]
        out.append(row)
    return out


def chronological(values: list[tuple[Period, Value]]) -> list[tuple[Period, Value]]:
    """Periods in the order a table shows them: by year, then actual, plan, estimate."""
    order = {PeriodKind.actual: 0, PeriodKind.plan: 1, PeriodKind.estimate: 2, PeriodKind.target: 3}
    return sorted(values, key=lambda pv: (pv[0].year, order[pv[0].kind]))
