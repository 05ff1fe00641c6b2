"""The step times of an administrative procedure against the total it states.

A procedure's internal workflow (quy trình nội bộ) is a table of steps ("Bước 1" …), each
with the time its actors have ("1/2 ngày", "04 giờ làm việc"; a step may have several
actors, each timed), closed by "Tổng thời gian …: 30 ngày làm việc". A total may close
part of the steps (those of the commune, then those of the department) and a last total
the whole ("… ở cấp xã: 40 giờ", "… ở Sở Nội vụ: 56 giờ", "Tổng thời gian giải quyết TTHC:
96 giờ"). Each becomes an exhaustive breakdown: the step times add up to the total.

Read only where it is sure: a time is a cell (or line) that holds a time alone; a step
"Giờ hành chính" or "Không tính thời gian" takes none; when a step shows no time at all
(a cell merged over several steps, whose time stands once), the times may fall short of
the total but not exceed it. A working day is 8 working hours. The clock of a total "kể từ ngày
nhận đủ hồ sơ" may start after the first step (receiving and checking the dossier), so a
total that equals the steps without the first one holds too.
"""
from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..models.document import Document
from ..models.plan import Breakdown, Component
from ..models.value import Value
from ..text import STEP_LABEL
from ..lazyre import lazy_compile

HOURS_PER_DAY = 8   # a working day (ngày làm việc) is 8 working hours

_TIME = r"(\d{1,3}(?:,\d{1,2})?|\d/\d)\s*(ngày|giờ)(?:\s+làm\s+việc)?"
_TIME_ALONE = lazy_compile(rf"[\s*_]*{_TIME}[\s*_.;]*", re.IGNORECASE)
_UNTIMED = lazy_compile(r"[\s*_]*(?:giờ\s+hành\s+chính|không\s+tính\s+thời\s+gian|ngay|trong\s+ngày)[\s*_.]*",
                      re.IGNORECASE)
_TOTAL = lazy_compile(r"[\s*_]*Tổng\s+(?:cộng\s+)?thời\s+gian\b", re.IGNORECASE)
_TIME_IN = lazy_compile(_TIME, re.IGNORECASE)
_REACH = 8          # pieces after a total's label in which its time must stand


class _Step:
    __slots__ = ("label", "times", "untimed")

    def __init__(self, label: str) -> None:
        self.label = label
        self.times: list[Value] = []   # in hours, as written
        self.untimed = False


def procedure_times(document: Document) -> list[Breakdown]:
    out: list[Breakdown] = []
    steps: list[_Step] = []          # the steps of the current procedure
    segment_start = 0                # the first step the next total closes
    totalled_to = -1                 # the steps closed by the last total (-1: none)
    total_at: tuple[str, object] | None = None   # a total's label waiting for its time
    reach = 0
    for piece, _block in document.pieces():
        text = piece.text
        label = STEP_LABEL.match(text)
        if label is not None:
            if label.group(1).lstrip("0") == "1":
                steps, segment_start, totalled_to = [], 0, -1
            steps.append(_Step(f"Bước {label.group(1)}"))
            total_at = None
            continue
        if not steps:
            continue
        total = _TOTAL.match(text)
        if total is not None:
            total_at, reach = (text[total.end():], piece.locate(total.start())), _REACH
            text = total_at[0]
        if total_at is not None:
            time = _TIME_IN.search(text)
            if time is not None:
                whole = _value(time, piece.locate(time.start()))
                # a total right after a total is the grand total: all the steps
                first = 0 if totalled_to == len(steps) and segment_start == len(steps) else segment_start
                found = _breakdown(steps[first:], whole, total_at[1])
                if found is not None:
                    out.append(found)
                segment_start = totalled_to = len(steps)
                total_at = None
                continue
            reach -= 1
            if reach <= 0:
                total_at = None
            continue
        time = _TIME_ALONE.fullmatch(text)
        if time is not None:
            steps[-1].times.append(_value(time, piece.locate(time.start(1))))
        elif _UNTIMED.fullmatch(text):
            steps[-1].untimed = True
    return out


def _value(match: re.Match, location) -> Value:
    """A time in working hours (as a value whose text is the time as written, "1/2 ngày")."""
    number = match.group(1)
    amount = Fraction(number) if "/" in number else Fraction(Decimal(number.replace(",", ".")))
    if match.group(2).lower() == "ngày":
        amount *= HOURS_PER_DAY
    return _exact(match.group(0).strip(" *_.;"), amount, location)


def _exact(text: str, amount: Fraction, location) -> Value:
    point = Decimal(amount.numerator) / Decimal(amount.denominator)
    decimals = max(0, -point.normalize().as_tuple().exponent)
    return Value(text=text, lo=point, hi=point, point=point, decimals=decimals, location=location)


def _breakdown(steps: list[_Step], whole: Value, location) -> Breakdown | None:
    parts = [Component(name=s.label, value=t) for s in steps for t in s.times]
    if len(steps) < 2 or len(parts) < 2:
        return None
    # a step with no time of its own shares a cell merged over several rows (its time is
    # counted once, with the first of them), or has a time the reader did not see: the
    # times may then be less than the total, never more
    exhaustive = all(s.times or s.untimed for s in steps)
    if sum(p.value.point for p in parts[len(steps[0].times):]) == whole.point:
        parts = parts[len(steps[0].times):]   # the clock starts after the first step
    # compared in the total's unit: days when it counts days
    per = HOURS_PER_DAY if "ngày" in whole.text.lower() else 1
    unit = "ngày làm việc" if per > 1 else "giờ làm việc"

    def in_unit(value: Value) -> Value:
        return _exact(value.text, Fraction(value.point) / per, value.location)

    return Breakdown(whole_name=f"Tổng thời gian các bước ({unit})", whole=in_unit(whole), unit=unit,
                     parts=[Component(name=p.name, value=in_unit(p.value)) for p in parts],
                     exhaustive=exhaustive, location=location)
