"""The result of a run: findings, and the files that could not be checked."""
from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

from .finding import Finding, Severity


class FileError(BaseModel):
    """A file plancheck could not read or understand (exit code 2)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None


class Report(BaseModel):
    findings: list[Finding] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    kinds: dict[str, str] = Field(default_factory=dict)   # path -> what the text is (TextKind), for documents
    # Source lines per file, to show the line of each finding; not serialised.
    sources: dict[str, list[str]] = Field(default_factory=dict, exclude=True, repr=False)

    def count_by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity.value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    def exit_code(self, fail_on: Severity | str = Severity.error) -> int:
        """0 clean, 1 findings at or above fail_on, 2 a file could not be checked."""
        if self.errors:
            return 2
        threshold = Severity(fail_on).rank
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0

    def source_line(self, path: str, line: int) -> str | None:
        lines = self.sources.get(path)
        if lines and 1 <= line <= len(lines):
            return lines[line - 1]
        return None
