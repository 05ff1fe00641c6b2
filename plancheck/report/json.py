"""The JSON report: the contract other tools (and the corpus scorer) read."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from .. import __version__
from ..models.finding import Finding
from ..models.report import Caveat, FileError, Report, SkippedFile, Tally, stated_fields

SCHEMA_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    item: dict[str, Any] = {
        "rule": f.rule, "slug": f.slug, "category": f.category, "severity": f.severity.value,
        "path": f.location.path, "line": f.location.line, "column": f.location.column,
    }
    for key in ("end_line", "end_column", "paragraph", "table", "row", "cell", "part", "page", "page_line",
                "pointer"):
        value = getattr(f.location, key)
        if value is not None:
            item[key] = value
    item["message"] = f.message
    if f.suggestion:
        item["suggestion"] = f.suggestion
    if f.evidence:
        item["evidence"] = f.evidence
    if f.assumptions:
        item["assumptions"] = f.assumptions
    return item


def _head() -> dict[str, Any]:
    return {"version": SCHEMA_VERSION, "tool": {"name": "plancheck", "version": __version__}}


def _tail(errors: list[FileError], kinds: dict[str, str], files: int, findings: int,
          by_severity: dict[str, int], by_rule: Counter, skipped: list[SkippedFile],
          caveats: list[Caveat]) -> dict[str, Any]:
    return {
        "errors": [stated_fields(e, exclude_none=True) for e in errors],
        "caveats": [stated_fields(c) for c in caveats],   # how files were read: {"path", "vi", "en"}
        "skipped": [stated_fields(s) for s in skipped],   # files of the folders given that were not read, and why
        "kinds": dict(kinds),   # path -> what each document is (resolution, decision, …, encyclopedia)
        "summary": {
            "files": files,
            "findings": findings,
            "errors": len(errors),
            "by_severity": by_severity,
            "by_rule": dict(sorted(by_rule.items())),
        },
    }


def as_dict(report: Report) -> dict[str, Any]:
    return {**_head(), "findings": [finding_dict(f) for f in report.findings],
            **_tail(report.errors, report.kinds, len(report.files), len(report.findings),
                    report.count_by_severity(), Counter(f.rule for f in report.findings), report.skipped,
                    report.caveats)}


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def render(report: Report) -> str:
    return _dumps(as_dict(report)) + "\n"


class JsonStream:
    """The JSON report written as a run goes (plancheck.api.check_stream): each finding as
    its file's turn comes, errors, kinds and the summary at the end; the same text as
    ``render`` of a report with the findings in that order. Nothing but counts is kept."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tally = Tally()
        head = _dumps({**_head(), "findings": []})
        self.out.write(head[:head.rindex("[]") + 1])   # up to the findings' opening bracket

    def write(self, result: Any) -> None:
        """A FileResult or the AcrossResult (plancheck.runner)."""
        before = self.tally.findings   # written so far: a comma goes before every later one
        for i, f in enumerate(sorted(result.findings, key=Finding.sort_key)):
            item = _dumps(finding_dict(f)).replace("\n", "\n    ")
            self.out.write(("," if before + i else "") + "\n    " + item)
        self.tally.add(result)

    def close(self) -> None:
        t = self.tally
        tail = _dumps(_tail(t.errors, t.kinds, t.files, t.findings, t.by_severity, t.by_rule, t.skipped,
                            t.caveats))
        self.out.write(("\n  ]" if t.findings else "]") + ",\n" + tail[2:] + "\n")

    def exit_code(self, fail_on: str = "error") -> int:
        return self.tally.exit_code(fail_on)


def report_schema() -> dict[str, Any]:
    """The JSON report's schema (docs/report.schema.json): pydantic, loaded only to write it."""
    from .schema import report_schema as schema

    return schema()
