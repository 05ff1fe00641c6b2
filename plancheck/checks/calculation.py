"""A calculation written out in the text gives the result it states."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..intervals import Interval
from ..models import Value
from ..numbers import format_number
from .base import CheckKind, Hit, Params, Subject


class CalculationParams(Params):
    pass


class WrittenCalculation(CheckKind):
    name = "calculation"
    fields = frozenset({"expression", "reported", "computed"})
    Params = CalculationParams

    def run(self, subject: Subject, params: CalculationParams) -> Iterable[Hit]:
        for c in subject.plan.calculations:
            computed = evaluate(c.terms, lambda v: v.interval)
            point = evaluate(c.terms, lambda v: Interval.exact(v.best))
            if computed is None or point is None or not computed.bounded:
                continue
            result = c.result
            reported = Interval.rounded(result.point, result.decimals or 0) if result.point is not None \
                else result.interval
            if reported.overlaps(computed):
                continue
            shown = format_number(point.mid, max(result.decimals or 0, 1 if abs(point.mid) < 100 else 0))
            step = Decimal(1).scaleb(-(result.decimals or 0))
            cut = result.point is not None and result.point <= point.mid < result.point + step
            yield Hit(location=c.result.location or c.location,
                      fields={"expression": c.text.rsplit("=", 1)[0].strip(), "reported": result.text,
                              "computed": shown},
                      # cut off, not rounded (1.122 for 1.122,77): a warning, and the fix is sure;
                      # otherwise the result or any operand may be the slip
                      severity="warning" if cut else None,
                      suggestion=f"{result.text} → {shown}" if cut else None)


def evaluate(terms: list[Value | str], number) -> Interval | None:
    """The expression's value on intervals: * and / before + and -, parentheses first."""
    pos = 0

    def level(operators: tuple[str, str], operand) -> Interval | None:
        """A run of operands joined by one level's operators, left to right."""
        nonlocal pos
        left = operand()
        while left is not None and pos < len(terms) and terms[pos] in operators:
            op = terms[pos]
            pos += 1
            right = operand()
            if right is None:
                return None
            left = {"+": left.__add__, "-": left.__sub__, "*": left.__mul__, "/": left.__truediv__}[op](right)
        return left

    def expr() -> Interval | None:
        return level(("+", "-"), lambda: level(("*", "/"), factor))

    def factor() -> Interval | None:
        nonlocal pos
        if pos >= len(terms):
            return None
        t = terms[pos]
        pos += 1
        if isinstance(t, Value):
            return number(t)
        if t == "(":
            inner = expr()
            if inner is None or pos >= len(terms) or terms[pos] != ")":
                return None
            pos += 1
            return inner
        return None

    value = expr()
    return value if pos == len(terms) else None
