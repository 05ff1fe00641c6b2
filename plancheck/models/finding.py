"""A problem found, said where and why."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .location import Location


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


# A plain slotted dataclass (issue 24: pydantic only at the edges); the JSON report writes it
# (plancheck.report.json.finding_dict) and publishes its schema.
@dataclass(slots=True, kw_only=True)
class Finding:
    rule: str                 # PC101
    slug: str                 # structure-sum
    category: str             # shares
    severity: Severity
    message: str              # in the chosen language
    location: Location
    suggestion: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    # What the reading assumed (plancheck.certainty.Assumption values); the message says it too.
    assumptions: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):
            self.severity = Severity(self.severity)

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)
