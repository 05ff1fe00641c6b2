"""Figures a reviewer doubts beside their neighbours: copied rows, series breaks, shifted decimals.

Real series do jump (Sơn La's 2023 GRDP growth estimate of 0,75% beside a 7,50%
plan was a drought year for its hydropower), so these are warnings and notes,
never errors on their own; the thresholds are rule parameters.
"""
from __future__ import annotations

import math
from dataclasses import field
from decimal import Decimal
from typing import Iterable

from ..models import Period, PeriodKind, Value
from ..numbers import alternative_reading, format_number, parse_value
from ..packregex import PackPattern, compile_pattern
from .base import CheckKind, Hit, Localized, Params, Subject
from .number_format import parsed
from .arithmetic import holds_as_written
from .series import Row, chronological, rows_of


def _points(row: Row) -> list[tuple[Period, Value]]:
    """The row's single figures in table order, leaving out those another rule explains
    (an ambiguous "4,250", an English "158.2")."""
    out = []
    for period, value in chronological(row.point_values()):
        n = parsed(value)
        if n is None or n.foreign or alternative_reading(value) is not None:
            continue
        out.append((period, value))
    return out


def _unit_key(row: Row) -> str:
    return " ".join((row.indicator.unit or "").casefold().split())


# -- a row that repeats another row's values ----------------------------------------

class CopiedValuesParams(Params):
    min_shared: int = 2             # at least this many periods with the same figures
    min_jump: float = 0.2           # the copy jumps this much (relative) into the shared figures
    trivial: list[str] = field(default_factory=lambda: ["0", "100"])   # figures many rows share honestly


class CopiedValues(CheckKind):
    name = "copied_values"
    fields = frozenset({"indicator", "source", "values", "periods", "before", "source_before"})
    Params = CopiedValuesParams

    def run(self, subject: Subject, params: CopiedValuesParams) -> Iterable[Hit]:
        for _, hit in _all_copies(subject, params):
            yield hit


def _all_copies(subject: Subject, params: CopiedValuesParams) -> Iterable[tuple[Value, Hit]]:
    """Each copy found, with the first copied figure (which the series-break check leaves alone)."""
    series = [(row, _points(row)) for row in rows_of(subject)]
    # Only rows that share a figure for a period can copy each other: find them by that figure.
    holders: dict[tuple, list[int]] = {}
    for i, (row, points) in enumerate(series):
        for period, value in points:
            holders.setdefault((_unit_key(row), period, value.text), []).append(i)
    for i, (row, points) in enumerate(series):
        partners = sorted({j for period, value in points for j in holders[(_unit_key(row), period, value.text)]} - {i})
        for j in partners:
            found = _copied(row, points, series[j][0], series[j][1], params)
            if found:
                yield found


def _copied(row: Row, points, source: Row, source_points,
            params: CopiedValuesParams) -> tuple[Value, Hit] | None:
    """The first copied figure and a hit, when ``row`` repeats ``source``'s figures after
    values of its own that differ."""
    theirs = {p: v for p, v in source_points}
    shared = [(p, v) for p, v in points if p in theirs and theirs[p].text == v.text
              and v.point is not None and format_number(v.point.normalize()) not in params.trivial]
    if len(shared) < max(params.min_shared, 1):
        return None   # too few (the rows were paired by a figure the rule calls trivial)
    first = points.index(shared[0])
    if points[first:first + len(shared)] != shared:
        return None   # too few, or not one unbroken run of periods
    earlier = points[:first]
    if not any(p in theirs and theirs[p].point != v.point for p, v in earlier):
        return None   # the rows agree before the shared figures too: nothing sets this one apart
    last_period, last_own = earlier[-1]
    into = shared[0][1].point
    jump = _relative(last_own.point, into)
    source_jump = _relative(theirs[last_period].point, into) if last_period in theirs else math.inf
    if jump < params.min_jump or jump <= source_jump:
        return None   # the shared figures continue this row's own series: the other row is the copy, if any
    value = shared[0][1]
    return value, Hit(
        location=value.location or row.indicator.location,
        fields={
            "indicator": row.indicator.name, "source": source.indicator.name,
            "values": " / ".join(v.text for _, v in shared),
            "periods": Localized({lang: ", ".join(p.label(lang) for p, _ in shared) for lang in ("vi", "en")}),
            "before": " / ".join(v.text for _, v in earlier),
            "source_before": " / ".join(theirs[p].text for p, _ in earlier if p in theirs) or "-",
        },
        evidence={"source_location": source.indicator.location.describe() if source.indicator.location else ""},
    )


def _relative(a: Decimal, b: Decimal) -> float:
    if a == 0:
        return math.inf if b != 0 else 0.0
    return abs(float(b - a) / float(a))


# -- an estimate far from the same year's plan ----------------------------------------

class SeriesBreakParams(Params):
    min_departure: float = 0.25     # the estimate departs from the plan by this much (relative)...
    times_usual: float = 5.0        # ...and by this many times the row's other steps
    # Growth rates move with the economy from one year to the next: not a series.
    skip_names: PackPattern = r"tốc độ|tăng trưởng|(?:^|\W)(?:tăng|giảm)(?:\W|$)"


class SeriesBreak(CheckKind):
    name = "series_break"
    fields = frozenset({"indicator", "plan", "estimate", "year", "departure", "usual", "series"})
    Params = SeriesBreakParams

    def run(self, subject: Subject, params: SeriesBreakParams) -> Iterable[Hit]:
        skip = compile_pattern(params.skip_names)
        copied = {id(value) for value, _ in _all_copies(subject, CopiedValuesParams())}
        for row in rows_of(subject):
            if skip.search(row.indicator.name):
                continue
            points = _points(row)
            for period, estimate in points:
                if period.kind != PeriodKind.estimate:
                    continue
                plan = next((v for p, v in points if p.kind == PeriodKind.plan and p.year == period.year), None)
                if plan is None or plan.point == 0 or _power_of_ten(estimate.point, plan.point) \
                        or id(estimate) in copied:
                    continue  # a shifted decimal is PC273's, a copied row PC271's
                departure = abs(estimate.point - plan.point)
                steps = [abs(b.point - a.point) for (_, a), (_, b) in zip(points, points[1:])
                         if {id(a), id(b)} != {id(plan), id(estimate)}]
                if not steps:
                    continue   # a plan and an estimate alone: no usual step to compare with
                usual = max(steps)
                if float(departure / abs(plan.point)) < params.min_departure:
                    continue
                if usual and float(departure / usual) < params.times_usual:
                    continue
                yield Hit(
                    location=estimate.location or row.indicator.location,
                    fields={
                        "indicator": row.indicator.name, "plan": plan.text, "estimate": estimate.text,
                        "year": str(period.year),
                        "departure": format_number(Decimal(float(departure / abs(plan.point)) * 100), 0),
                        "usual": format_number(usual.normalize()),
                        "series": " → ".join(v.text for _, v in points),
                    },
                )


def _power_of_ten(a: Decimal, b: Decimal, slack: float = 0.15) -> int | None:
    """k when a ≈ b·10^k for k ≠ 0 (within ``slack`` on the log scale of the ratio)."""
    if a <= 0 or b <= 0:
        return None
    k = math.log10(float(a) / float(b))
    nearest = round(k)
    if nearest != 0 and abs(k - nearest) < math.log10(1 + slack):
        return nearest
    return None


# -- a value off by a power of ten ---------------------------------------------------

class DecimalShiftParams(Params):
    min_values: int = 3         # a row needs this many figures to have neighbours
    agree_within: float = 2.0   # the neighbours agree among themselves within this factor


class DecimalShift(CheckKind):
    name = "decimal_shift"
    fields = frozenset({"indicator", "text", "neighbours", "factor", "shifted", "proof", "proof_en"})
    Params = DecimalShiftParams

    def run(self, subject: Subject, params: DecimalShiftParams) -> Iterable[Hit]:
        for row in rows_of(subject):
            points = [(p, v) for p, v in _points(row) if v.point > 0]
            if len(points) < params.min_values:
                continue
            for period, value in points:
                others = [v for _, v in points if v is not value]
                low, high = min(v.point for v in others), max(v.point for v in others)
                if float(high / low) > params.agree_within:
                    continue
                k = _power_of_ten(value.point, _geometric_mean([v.point for v in others]))
                if k is None:
                    continue
                shifted = _shift(value, -k)
                if any(holds_as_written(c) and holds_as_written(row.with_operand(c, value, shifted)) is False
                       for c in row.uses(value)):
                    continue   # a comparison cell of the row holds for the figure as written
                proof = [c for c in row.uses(value)
                         if holds_as_written(c) is False and holds_as_written(row.with_operand(c, value, shifted))]
                yield Hit(
                    location=value.location or row.indicator.location,
                    fields={
                        "indicator": row.indicator.name, "text": value.text,
                        "neighbours": ", ".join(v.text for v in others),
                        "factor": format_number(Decimal(10) ** abs(k)), "shifted": shifted.text,
                        "proof": f"; cột \"{proof[0].label}\" ({proof[0].value.text}%) chỉ đúng với {shifted.text}" if proof else "",
                        "proof_en": f"; column \"{proof[0].label}\" ({proof[0].value.text}%) holds only for {shifted.text}" if proof else "",
                    },
                    suggestion=f"{value.text} → {shifted.text}?",
                    severity="error" if proof else None,
                )


def _geometric_mean(values: list[Decimal]) -> Decimal:
    return Decimal(math.exp(sum(math.log(float(v)) for v in values) / len(values)))


def _shift(value: Value, k: int) -> Value:
    """The value with its decimal mark moved k places (k > 0: larger), keeping its digits."""
    new = value.point.scaleb(k)
    decimals = max(0, (value.decimals or 0) - k)
    return parse_value(format_number(new, decimals), value.location)
