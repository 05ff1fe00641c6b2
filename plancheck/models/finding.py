"""A problem found, said where and why."""
from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from .location import Location


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Finding(BaseModel):
    rule: str                 # PC101
    slug: str                 # structure-sum
    category: str             # shares
    severity: Severity
    message: str              # in the chosen language
    location: Location
    suggestion: str | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)
    # What the reading assumed (plancheck.certainty.Assumption values); the message says it too.
    assumptions: list[str] = Field(default_factory=list)

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)
