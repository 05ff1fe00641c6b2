"""The models shared by every stage (plain dataclasses; pydantic at the edges: plan files, packs, reports)."""
from .finding import Finding, Severity
from .location import Location
from .plan import (
    Breakdown,
    Calculation,
    Comparison,
    ComparisonKind,
    Component,
    DocumentInfo,
    TextKind,
    Indicator,
    Observation,
    Operand,
    PartOfWhole,
    Period,
    PeriodKind,
    Plan,
    StatedCount,
    Structure,
    TextFigure,
    WrittenForm,
)
from .value import Value

__all__ = [
    "Breakdown", "Calculation", "Comparison", "ComparisonKind", "Component", "DocumentInfo", "TextKind", "Finding", "Indicator",
    "Location", "Observation", "Operand", "PartOfWhole", "Period", "PeriodKind", "Plan",
    "Severity", "StatedCount", "Structure", "TextFigure", "Value", "WrittenForm",
]
