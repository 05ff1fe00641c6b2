"""The result of a run: findings, and the files that could not be checked."""
from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, Field, model_serializer

from .finding import Finding, Severity


class FileError(BaseModel):
    """A file plancheck could not read or understand, or a rule that failed on it (exit code 2)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    rule: str | None = None   # a rule that failed on this file (its other rules' findings stand)


class SkippedFile(BaseModel):
    """A file found in a folder that plancheck does not read, and why (not an error)."""

    path: str
    reason: str


class Caveat(BaseModel):
    """What a reader must know of how a file was read (tracked changes accepted, text converted
    from a legacy encoding), in each language."""

    path: str
    vi: str
    en: str


class Report(BaseModel):
    findings: list[Finding] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    kinds: dict[str, str] = Field(default_factory=dict)   # path -> what the text is (TextKind), for documents
    skipped: list[SkippedFile] = Field(default_factory=list)
    caveats: list[Caveat] = Field(default_factory=list)
    # Source lines per file, to show the line of each finding; not serialised.
    sources: dict[str, list[str]] = Field(default_factory=dict, exclude=True, repr=False)

    def count_by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity.value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    def exit_code(self, fail_on: Severity | str | None = Severity.error) -> int:
        """0 clean, 1 findings at or above fail_on (None: never), 2 a file could not be
        checked, a rule failed, or no file was checked at all."""
        return exit_code(bool(self.errors) or not self.files, self.count_by_severity(), fail_on)

    @model_serializer(mode="plain")
    def _published(self) -> dict[str, Any]:
        """One shape for the report: model_dump() and model_dump_json() give the JSON report
        `plancheck check --format json` prints (docs/report.schema.json)."""
        from ..report.json import as_dict

        return as_dict(self)

    def source_line(self, path: str, line: int) -> str | None:
        lines = self.sources.get(path)
        if lines and 1 <= line <= len(lines):
            return lines[line - 1]
        return None


def exit_code(unreadable: bool, by_severity: dict[str, int], fail_on: Severity | str | None = Severity.error) -> int:
    """0 clean, 1 findings at or above fail_on (None: findings never fail, --exit-zero), 2 a
    file could not be checked: of a whole report, or of counts kept as a report is written."""
    if unreadable:
        return 2
    if fail_on is None:
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(n and Severity(s).rank >= threshold for s, n in by_severity.items()) else 0


class Tally:
    """What a report written as a run goes keeps of its results (plancheck.runner's FileResult
    and AcrossResult): counts, the unreadable files, what each file is; never the findings."""

    def __init__(self) -> None:
        self.files = 0
        self.errors: list[FileError] = []
        self.kinds: dict[str, str] = {}
        self.findings = 0
        self.by_severity = {s.value: 0 for s in Severity}
        self.by_rule: Counter = Counter()
        self.skipped: list[SkippedFile] = []
        self.caveats: list[Caveat] = []

    def add(self, result) -> None:
        if hasattr(result, "reason"):   # plancheck.runner.Skipped
            self.skipped.append(SkippedFile(path=result.path, reason=result.reason))
            return
        if result.error is not None:
            self.errors.append(result.error)
        elif hasattr(result, "kind"):   # a file's result (the findings across documents are none)
            self.files += 1
            if result.kind is not None:
                self.kinds[result.path] = result.kind
            self.caveats += result.caveats
        self.errors.extend(result.faults)
        for f in result.findings:
            self.findings += 1
            self.by_severity[f.severity.value] += 1
            self.by_rule[f.rule] += 1

    def exit_code(self, fail_on: Severity | str | None = Severity.error) -> int:
        """As Report.exit_code: 2 also when no file was checked."""
        return exit_code(bool(self.errors) or not self.files, self.by_severity, fail_on)
