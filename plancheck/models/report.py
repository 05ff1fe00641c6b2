"""The result of a run: findings, and the files that could not be checked."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any, Collection

from .finding import Finding, Severity

# Plain slotted dataclasses (issue 24: pydantic only at the edges): the JSON report's shape and
# schema are plancheck.report.json's.
_model = dataclass(slots=True, kw_only=True)


def stated_fields(item: Any, exclude_none: bool = False, exclude: Collection[str] = ()) -> dict[str, Any]:
    """A dataclass's fields as a mapping (a report item's, a header's), less those ``exclude``
    names (and those that are None, if asked)."""
    out = {f.name: getattr(item, f.name) for f in fields(item) if f.name not in exclude}
    return {k: v for k, v in out.items() if v is not None} if exclude_none else out


@_model
class FileError:
    """A file plancheck could not read or understand, or a rule that failed on it (exit code 2)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    rule: str | None = None   # a rule that failed on this file (its other rules' findings stand)


@_model
class SkippedFile:
    """A file found in a folder that plancheck does not read, and why (not an error)."""

    path: str
    reason: str


@_model
class Caveat:
    """What a reader must know of how a file was read (tracked changes accepted, text converted
    from a legacy encoding), in each language."""

    path: str
    vi: str
    en: str


@_model
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)   # path -> what the text is (TextKind), for documents
    skipped: list[SkippedFile] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    # Source lines per file, to show the line of each finding; not serialised.
    sources: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def count_by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity.value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    def exit_code(self, fail_on: Severity | str | None = Severity.error) -> int:
        """0 clean, 1 findings at or above fail_on (None: never), 2 a file could not be
        checked, a rule failed, or no file was checked at all."""
        return exit_code(bool(self.errors) or not self.files, self.count_by_severity(), fail_on)

    def model_dump(self, **_: Any) -> dict[str, Any]:
        """The JSON report `plancheck check --format json` prints (docs/report.schema.json), as
        data. (The name is pydantic's, which the report was a model of: scripts call it.)"""
        from ..report.json import as_dict

        return as_dict(self)

    def model_dump_json(self, *, indent: int | None = None, **_: Any) -> str:
        """The JSON report as text: what model_dump gives, in JSON."""
        return json.dumps(self.model_dump(), ensure_ascii=False, indent=indent, default=str)

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
