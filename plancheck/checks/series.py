"""An indicator's row: its values across periods, with the comparison cells computed from them.

The number-format and outlier checks judge a figure by its neighbours: the
other periods of the same indicator, and the comparison cells that use it.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable

from ..models import Comparison, Indicator, Location, Period, PeriodKind, Plan, Value

Key = Hashable


def cell_keys(values: list[Value]) -> Callable[[Value], Key]:
    """Who is who among the figures: the same cell may appear as an indicator value and
    as comparison operands, as one object or as equal copies. A location names a cell
    when it holds one text only; a plan built in code puts every figure at one
    placeholder location, and there the object is the cell."""
    texts: dict[Location, set[str]] = defaultdict(set)
    for v in values:
        if v.location is not None:
            texts[v.location].add(v.text)

    def key(v: Value) -> Key:
        if v.location is not None and len(texts.get(v.location, ())) == 1:
            return ("cell", v.location, v.text)
        return ("object", id(v))

    return key



def plan_figures(plan: Plan) -> Iterable[Value]:
    """Every figure a plan holds, where it holds it (copies included)."""
    for ind in plan.indicators:
        yield from (obs.value for obs in ind.values)
    for c in plan.comparisons:
        yield from (c.value, c.numerator.value, c.denominator.value)
    for s in plan.structures:
        yield from (comp.value for comp in s.components)
        if s.total is not None:
            yield s.total
    for p in plan.parts:
        yield from (p.whole, p.part)


class Cells:
    """Tells whether two figures of one plan are the same written cell."""

    def __init__(self, plan: Plan) -> None:
        self.key = cell_keys(list(plan_figures(plan)))

    def same(self, a: Value, b: Value) -> bool:
        return a is b or self.key(a) == self.key(b)


@dataclass
class Row:
    indicator: Indicator
    cells: Cells
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def values(self) -> list[tuple[Period, Value]]:
        return [(obs.period, obs.value) for obs in self.indicator.values]

    def point_values(self) -> list[tuple[Period, Value]]:
        """The values that are single figures (not ranges, not "trên 10%")."""
        return [(p, v) for p, v in self.values if v.point is not None and v.qualifier is None]

    def with_operand(self, c: Comparison, old: Value, new: Value) -> Comparison:
        """The comparison with ``new`` in place of the figure ``old`` wherever it computes with it."""
        return replace_figure(c, lambda v: self.cells.same(v, old), new)

    def uses(self, value: Value) -> list[Comparison]:
        """The comparison cells of this row that compute with ``value``."""
        return [c for c in self.comparisons
                if self.cells.same(c.numerator.value, value) or self.cells.same(c.denominator.value, value)]


def replace_figure(c: Comparison, is_old: Callable[[Value], bool], new: Value) -> Comparison:
    """The comparison with ``new`` wherever a figure (result or operand) ``is_old``."""
    update: dict = {"value": new} if is_old(c.value) else {}
    for role in ("numerator", "denominator"):
        operand = getattr(c, role)
        if is_old(operand.value):
            update[role] = dataclasses.replace(operand, value=new)
    return dataclasses.replace(c, **update)


def cells_of(subject) -> Cells:
    """The subject's cells, derived once for all the checks that read them."""
    if "cells" not in subject.derived:
        subject.derived["cells"] = Cells(subject.plan)
    return subject.derived["cells"]


def rows_of(subject) -> list[Row]:
    """The subject's rows, derived once for all the checks that read them."""
    if "rows" not in subject.derived:
        subject.derived["rows"] = rows(subject.plan, cells_of(subject))
    return subject.derived["rows"]


def rows(plan: Plan, cells: Cells | None = None) -> list[Row]:
    """Every indicator with values, with the comparison cells computed from them."""
    cells = cells or Cells(plan)
    by_name: dict[str, list[Comparison]] = {}
    for c in plan.comparisons:
        by_name.setdefault(c.indicator, []).append(c)
    out = []
    for ind in plan.indicators:
        if not ind.values:
            continue
        row = Row(ind, cells)
        row.comparisons = [c for c in by_name.get(ind.name, [])
                           if any(cells.same(c.numerator.value, v) or cells.same(c.denominator.value, v)
                                  for _, v in row.values)]
        out.append(row)
    return out


def chronological(values: list[tuple[Period, Value]]) -> list[tuple[Period, Value]]:
    """Periods in the order a table shows them: by year, then actual, plan, estimate."""
    order = {PeriodKind.actual: 0, PeriodKind.plan: 1, PeriodKind.estimate: 2, PeriodKind.target: 3}
    return sorted(values, key=lambda pv: (pv[0].year, order[pv[0].kind]))
