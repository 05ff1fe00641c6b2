"""For a team's own tests of its plan data: an assertion that reads as plancheck's report.

    from plancheck.testing import assert_no_findings

    def test_the_2025_plan_adds_up(plancheck_check):          # the pytest plugin's fixture
        assert_no_findings(plancheck_check("plans/2025.yaml"), category="shares")
"""
from __future__ import annotations

from typing import Any

_ORDER = ("error", "warning", "info")


def assert_no_findings(report: Any, *, category: str | None = None, rule: str | None = None,
                       at_least: str = "info", lang: str = "en") -> None:
    """AssertionError listing the report's findings (of ``category``, of rules whose id starts
    with ``rule``, at or above ``at_least``), as `plancheck check` prints them; and for a file
    that could not be read."""
    from .report.text import _finding_lines, labels

    if at_least not in _ORDER:
        raise ValueError(f"at_least must be one of {', '.join(_ORDER)}, not {at_least!r}")
    found = [f for f in report.findings
             if (category is None or f.category == category) and (rule is None or f.rule.startswith(rule.upper()))
             and _ORDER.index(f.severity.value) <= _ORDER.index(at_least)]
    unreadable = [e for e in report.errors if not e.rule]
    if found or unreadable:
        words = labels(lang)
        lines = [f"{e.path}: {e.message}" for e in unreadable]
        for f in found:
            lines += _finding_lines(f, report.source_line, words, lang)
        raise AssertionError(f"{len(found)} plancheck finding{'s' * (len(found) != 1)}"
                             + (f" and {len(unreadable)} unreadable file(s)" if unreadable else "") + ":\n"
                             + "\n".join(lines))
