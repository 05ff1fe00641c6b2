"""What a plan says: indicators over periods, structures, comparisons, parts, counts.

The extractors (documents) and the plan-file reader (data repositories) both
produce a ``Plan``; checks read only this.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Literal

from ..lexicon import TextKind
from .location import Location
from .value import Value, as_decimal


class PeriodKind(str, Enum):
    actual = "actual"        # thực hiện
    plan = "plan"            # kế hoạch
    estimate = "estimate"    # ước thực hiện
    target = "target"        # mục tiêu (usually a multi-year period)


# Plain slotted dataclasses, not pydantic models: the extractors make many of them (issue 24:
# pydantic only at the edges; plan files are validated by plancheck.read.planfile's specs).
_model = dataclass(slots=True, kw_only=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    year: int
    kind: PeriodKind
    end_year: int | None = None  # for "giai đoạn 2021-2025"

    def __post_init__(self) -> None:
        if not isinstance(self.kind, PeriodKind):
            object.__setattr__(self, "kind", PeriodKind(self.kind))

    def label(self, lang: str = "en") -> str:
        """ "plan 2024", or in Vietnamese "kế hoạch 2024"."""
        years = f"{self.year}-{self.end_year}" if self.end_year else str(self.year)
        kind = _KIND_VI[self.kind] if lang == "vi" else self.kind.value
        return f"{kind} {years}"

    def localize(self, lang: str) -> str:
        """How a message shows the period (the engine calls this for message fields)."""
        return self.label(lang)


_KIND_VI = {PeriodKind.actual: "thực hiện", PeriodKind.plan: "kế hoạch", PeriodKind.estimate: "ước thực hiện",
            PeriodKind.target: "mục tiêu"}


@_model
class Observation:
    """One value of an indicator for one period."""

    period: Period
    value: Value


@_model
class Indicator:
    id: str | None = None           # the STT as written ("1", "I", "a")
    name: str
    unit: str | None = None         # unit text as written ("Tỷ đồng")
    values: list[Observation] = field(default_factory=list)
    location: Location | None = None
    # Where a document states it: a table row, or a sentence of its text. One fact
    # stated in both (or twice in the text) must agree. None for plan files.
    origin: Literal["table", "text"] | None = None
    ignore: list[tuple[str, str, int]] = field(default_factory=list)   # plan files: (rule, reason, line) accepted here

    def value_for(self, period: Period) -> Value | None:
        for obs in self.values:
            if obs.period == period:
                return obs.value
        return None


@_model
class Component:
    name: str
    value: Value


@_model
class Structure:
    """Shares that make up a whole (cơ cấu kinh tế) for one period."""

    name: str
    period: Period | None = None
    components: list[Component]
    total: Value | None = None      # None: the rule's default total (100%)
    unit: str | None = "%"
    location: Location | None = None
    # False for a partial list ("dân tộc Kinh chiếm 85%, Tày 10%"): the shares named
    # need not reach the total, only stay within it.
    complete: bool = True
    # What a partial structure may leave unstated by convention: the product-tax share of
    # an economic structure named by its three sectors. A gap it explains is only a warning.
    remainder: str | None = None
    # What reading it assumed (plancheck.certainty.Assumption values): its findings say so, and
    # are at most warnings.
    assumed: list[str] = field(default_factory=list)


class ComparisonKind(str, Enum):
    ratio = "ratio"            # a / b * 100 ("KH 2024 so với ƯTH 2023 (%)", "bằng 97,6% kế hoạch")
    growth = "growth"          # (a / b - 1) * 100 ("tăng 8% so với 2023")
    share = "share"            # part / total * 100 ("111.300 người (13,88%)" of 801.700 người)
    quotient = "quotient"      # a / b * scale, in units ("mật độ 137 người/km²")
    difference = "difference"  # a - b ("tăng 2,55 triệu đồng", from 48,1 to 50,65)
    conversion = "conversion"  # a × scale: one figure restated in another unit ("406.195 m2 (~40,62 ha)")


@_model
class Operand:
    """A value taken from an indicator for a period, named for messages."""

    label: str
    value: Value


@_model
class Comparison:
    """A reported value that should follow from two other values."""

    indicator: str
    kind: ComparisonKind = ComparisonKind.ratio
    value: Value
    numerator: Operand      # the later / compared value
    denominator: Operand    # the base
    label: str | None = None
    location: Location | None = None
    unit: str | None = None  # the unit of the values compared (the row's), not of the result (%)
    scale: Decimal = Decimal(1)   # for quotients: what brings a / b into the result's unit
    # What reading it assumed (plancheck.certainty.Assumption values): its findings say so, and
    # are at most warnings.
    assumed: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, ComparisonKind):
            self.kind = ComparisonKind(self.kind)
        if not isinstance(self.scale, Decimal):
            self.scale = as_decimal(self.scale)


@_model
class PartOfWhole:
    """A part ("trong đó") and the whole it belongs to."""

    whole_name: str
    whole: Value
    whole_unit: str | None = None
    part_name: str
    part: Value
    part_unit: str | None = None
    period: Period | None = None
    # Shares are parts only when they are shares of the same base; growth
    # rates never are. Extractors set this when they know.
    same_base: bool | None = None
    location: Location | None = None
    # What reading it assumed (plancheck.certainty.Assumption values): its findings say so, and
    # are at most warnings.
    assumed: list[str] = field(default_factory=list)


@_model
class Breakdown:
    """A whole and parts stated with it: "40,2 km, trong đó đoạn A 11,63 km, đoạn B 28,57 km"."""

    whole_name: str
    whole: Value
    unit: str | None = None         # the unit the figures are compared in (parts converted)
    parts: list[Component]
    # The parts name the whole completely (nam + nữ, "gồm:", "… còn lại"): they add up to it.
    exhaustive: bool = False
    # The parts are thresholds inside each other ("trên 100 tỷ …, trên 500 tỷ"): never summed.
    nested: bool = False
    location: Location | None = None
    # What reading it assumed (plancheck.certainty.Assumption values): its findings say so, and
    # are at most warnings.
    assumed: list[str] = field(default_factory=list)


@_model
class StatedCount:
    """A count stated in words ("gồm 28 chỉ tiêu") and the items it counts."""

    what: str
    stated: Value
    items: list[str]
    location: Location | None = None
    # An open list ("như: A, B, …"): it may name fewer items than the count.
    at_least: bool = False
    # The fewest items the list may name when a "và" it was split at belongs inside a name
    # ("Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp số 1 và …"); None: no doubt.
    fewest: int | None = None
    # Where the items were read: "text" (a sentence's list, the paragraphs after it) or "rows"
    # (a table's numbered rows, numbered headings): text items may be descriptions, rows are items.
    listed: Literal["text", "rows"] = "text"
    # What reading it assumed (plancheck.certainty.Assumption values): its findings say so, and
    # are at most warnings.
    assumed: list[str] = field(default_factory=list)

    @property
    def counted(self) -> int:
        return len(self.items)


@_model
class Calculation:
    """A calculation written out in the text: "A = (8.857.500 x 500.000)/ 1.300.081 = 43.719 người".

    ``terms`` are the expression's numbers and its operators ("+", "-", "*", "/", "(", ")") in
    order; ``result`` is the figure after "=", rounded to the decimals it is written with."""

    text: str
    terms: list[Value | str]
    result: Value
    location: Location | None = None


class WrittenForm(str, Enum):
    foreign = "foreign"          # English separators: "58.8%", "1,234,567"
    ambiguous = "ambiguous"      # a comma before three digits: "887,000" (887 or 887.000?)
    malformed = "malformed"      # no reading at all: "2.310.57", "2 3,45%"


@_model
class TextFigure:
    """A figure of running text written in a form a Vietnamese reader may misread.

    Only such figures are kept (the plain ones are in the statements they make):
    the number-format rules judge them with what the rest of the document writes."""

    text: str                       # the number as written ("887,000")
    form: WrittenForm
    value: Value | None = None      # as Vietnamese reads it; None when malformed
    unit: str | None = None         # a measured unit ("km²", "%"), if any
    noun: str | None = None         # the counted noun after it ("người"), if any
    multiplier: int = 0             # the power of ten of "nghìn", "triệu", "tỷ" after it
    location: Location | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.form, WrittenForm):
            self.form = WrittenForm(self.form)


@_model
class DocumentInfo:
    kind: str | None = None           # Nghị quyết, Quyết định, ...
    text_kind: TextKind | None = None  # what the text is; None for plan files (data, not text)
    number: str | None = None         # 252/NQ-HĐND
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        if self.text_kind is not None and not isinstance(self.text_kind, TextKind):
            self.text_kind = TextKind(self.text_kind)


@_model
class Plan:
    """Everything the numeric checks need from one source."""

    path: str = ""
    document: DocumentInfo = field(default_factory=DocumentInfo)
    indicators: list[Indicator] = field(default_factory=list)
    structures: list[Structure] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    parts: list[PartOfWhole] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    counts: list[StatedCount] = field(default_factory=list)
    text_figures: list[TextFigure] = field(default_factory=list)
    calculations: list[Calculation] = field(default_factory=list)
