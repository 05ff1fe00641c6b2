"""The JSON report: the contract other tools (and the corpus scorer) read."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .. import __version__
from ..models.report import Report

SCHEMA_VERSION = 1


def as_dict(report: Report) -> dict[str, Any]:
    findings = []
    for f in report.findings:
        item: dict[str, Any] = {
            "rule": f.rule, "slug": f.slug, "category": f.category, "severity": f.severity.value,
            "path": f.location.path, "line": f.location.line, "column": f.location.column,
        }
        for key in ("end_line", "end_column", "paragraph", "table", "row", "cell"):
            value = getattr(f.location, key)
            if value is not None:
                item[key] = value
        item["message"] = f.message
        if f.suggestion:
            item["suggestion"] = f.suggestion
        if f.evidence:
            item["evidence"] = f.evidence
        findings.append(item)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "plancheck", "version": __version__},
        "findings": findings,
        "errors": [e.model_dump(exclude_none=True) for e in report.errors],
        "kinds": dict(report.kinds),   # path -> what each document is (resolution, decision, …, encyclopedia)
        "summary": {
            "files": len(report.files),
            "findings": len(report.findings),
            "errors": len(report.errors),
            "by_severity": report.count_by_severity(),
            "by_rule": dict(sorted(Counter(f.rule for f in report.findings).items())),
        },
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2, default=str) + "\n"
