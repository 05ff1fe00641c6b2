"""A figure as reported: the text as written, and the interval it stands for."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..intervals import Interval
from .location import Location


# Bounds may be infinite: "trên 10%" is (10, ∞).
Bound = Annotated[Decimal, Field(allow_inf_nan=True)]


class Value(BaseModel):
    """A reported number.

    ``text`` is exactly what the document wrote ("7,50", "trên 10%").
    ``lo``/``hi`` bound the true value: for "7,50" they are 7,495 and 7,505.
    ``point`` is the single value written, when there is one (not for ranges).
    ``decimals`` is the reported precision (2 for "7,50"; 0 for integers).
    """

    model_config = ConfigDict(frozen=True)

    text: str
    lo: Bound
    hi: Bound
    lo_closed: bool = True
    hi_closed: bool = True
    point: Decimal | None = None
    decimals: int | None = None
    qualifier: str | None = None
    location: Location | None = None

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
