"""Interval arithmetic for reported figures.

A figure reported to d decimals stands for every true value that rounds to it:
[v - 0.5*10^-d, v + 0.5*10^-d]. Sums, ratios and growth rates are computed on
such intervals and a reported result is consistent when its own interval
overlaps the computed one (XBRL Calculations 1.1 does this for sums; plancheck
extends it to ratios and growth rates).

Written by hand: the interval libraries on PyPI work in binary floats (or need
mpmath) and know nothing of reported decimals; this needs Decimal and is small.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

INF = Decimal("Infinity")
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal
    lo_closed: bool = True
    hi_closed: bool = True

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    # -- construction ---------------------------------------------------
    @classmethod
    def exact(cls, v: Decimal | int | str) -> "Interval":
        d = Decimal(v)
        return cls(d, d)

    @classmethod
    def rounded(cls, v: Decimal | int | str, decimals: int) -> "Interval":
        """The values that round to ``v`` at ``decimals`` places."""
        d = Decimal(v)
        half = Decimal(5).scaleb(-decimals - 1)
        return cls(d - half, d + half)

    # -- queries ----------------------------------------------------------
    @property
    def mid(self) -> Decimal:
        if self.lo.is_infinite() or self.hi.is_infinite():
            return self.lo if self.hi.is_infinite() else self.hi
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> Decimal:
        return self.hi - self.lo

    @property
    def bounded(self) -> bool:
        return self.lo.is_finite() and self.hi.is_finite()

    def contains(self, x: Decimal | int) -> bool:
        x = Decimal(x)
        above = x > self.lo or (self.lo_closed and x == self.lo)
        below = x < self.hi or (self.hi_closed and x == self.hi)
        return above and below

    def overlaps(self, other: "Interval") -> bool:
        """True when some value lies in both (touching closed ends count)."""
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo:
            return self.hi_closed and other.lo_closed
        if other.hi == self.lo:
            return other.hi_closed and self.lo_closed
        return True

    def distance(self, other: "Interval") -> Decimal:
        """Gap between two intervals, 0 when they overlap."""
        if self.overlaps(other):
            return Decimal(0)
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    # -- arithmetic -------------------------------------------------------
    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi,
                        self.lo_closed and other.lo_closed, self.hi_closed and other.hi_closed)

    def __neg__(self) -> "Interval":
        return Interval(-self.hi, -self.lo, self.hi_closed, self.lo_closed)

    def __sub__(self, other: "Interval") -> "Interval":
        return self + (-other)

    def __mul__(self, other: "Interval") -> "Interval":
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: "Interval") -> "Interval":
        if other.contains(0) or (other.lo == 0 or other.hi == 0):
            return Interval(-INF, INF)
        return self * Interval(1 / other.hi, 1 / other.lo)

    def scale(self, k: Decimal | int) -> "Interval":
        return self * Interval.exact(k)

    def __str__(self) -> str:
        left = "[" if self.lo_closed else "("
        right = "]" if self.hi_closed else ")"
        return f"{left}{self.lo}, {self.hi}{right}"


def _mul(a: Decimal, b: Decimal) -> Decimal:
    # 0 * inf is undefined in Decimal; for bounds it is 0.
    if (a == 0 and b.is_infinite()) or (b == 0 and a.is_infinite()):
        return Decimal(0)
    return a * b


def interval_sum(parts: Iterable[Interval]) -> Interval:
    total = Interval.exact(0)
    for p in parts:
        total = total + p
    return total


def ratio_percent(numerator: Interval, denominator: Interval) -> Interval:
    """numerator / denominator * 100, the "so sánh (%)" of Vietnamese tables."""
    return (numerator / denominator).scale(HUNDRED)


def growth_percent(start: Interval, end: Interval) -> Interval:
    """(end / start - 1) * 100: the growth rate from start to end."""
    return ratio_percent(end, start) - Interval.exact(HUNDRED)


def consistent(reported: Interval, computed: Interval) -> bool:
    return reported.overlaps(computed)
