"""A figure as reported: the text as written, and the interval it stands for."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..intervals import Interval
from .location import Location


def as_decimal(number) -> Decimal:
    """A bound or a point as a Decimal, as the readers give them (a count may come as an int)."""
    if isinstance(number, Decimal):
        return number
    if isinstance(number, bool) or not isinstance(number, (int, float, str)):
        raise TypeError(f"not a number: {number!r}")
    return Decimal(str(number)) if isinstance(number, float) else Decimal(number)


# A plain frozen dataclass, not a pydantic model: every figure of a document makes one (issue 24:
# pydantic only at the edges). Bounds may be infinite: "trên 10%" is (10, ∞).
@dataclass(frozen=True, slots=True, kw_only=True)
class Value:
    """A reported number.

    ``text`` is exactly what the document wrote ("7,50", "trên 10%").
    ``lo``/``hi`` bound the true value: for "7,50" they are 7,495 and 7,505.
    ``point`` is the single value written, when there is one (not for ranges).
    ``decimals`` is the reported precision (2 for "7,50"; 0 for integers).
    """

    text: str
    lo: Decimal
    hi: Decimal
    lo_closed: bool = True
    hi_closed: bool = True
    point: Decimal | None = None
    decimals: int | None = None
    qualifier: str | None = None
    location: Location | None = None

    def __post_init__(self) -> None:
        for name in ("lo", "hi", "point"):
            number = getattr(self, name)
            if number is not None and not isinstance(number, Decimal):
                object.__setattr__(self, name, as_decimal(number))

    @property
    def interval(self) -> Interval:
        return Interval(self.lo, self.hi, self.lo_closed, self.hi_closed)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    @property
    def best(self) -> Decimal:
        """The written value, or the middle of a range."""
        return self.point if self.point is not None else self.interval.mid
