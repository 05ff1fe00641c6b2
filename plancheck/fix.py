"""--fix and --diff: the likely fixes a rule marks certain (``fix: certain`` in its pack),
applied to text, Markdown and plan files in place, or shown as a unified diff.

A fix is the finding's suggestion "old → new" (one without a "?", on a finding that assumed
nothing); it is applied only where ``old`` stands at the finding's line and column, or stands
once on that line; overlapping fixes are left out. Word and PDF files are not edited here.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

EDITABLE = (".txt", ".md", ".markdown", ".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Edit:
    line: int
    start: int      # 0-based offset in the line
    old: str
    new: str
    finding: Any


def certain(finding: Any, rules: dict[str, Any]) -> tuple[str, str] | None:
    """The (old, new) of a finding's fix when its rule marks fixes certain, or None."""
    rule = rules.get(finding.rule)
    suggestion = finding.suggestion or ""
    if rule is None or rule.fix != "certain" or finding.assumptions or "?" in suggestion or " → " not in suggestion:
        return None
    old, new = suggestion.split(" → ", 1)
    return (old, new) if old and old != new else None


def edits(findings: Iterable[Any], rules: dict[str, Any], lines: list[str]) -> list[Edit]:
    """The certain fixes of one file's findings placed on its lines, none overlapping."""
    placed: list[Edit] = []
    for f in findings:
        pair = certain(f, rules)
        if pair is None or not 1 <= f.location.line <= len(lines):
            continue
        old, new = pair
        text = lines[f.location.line - 1]
        start = f.location.column - 1
        if text[start:start + len(old)] != old:
            start = text.find(old) if text.count(old) == 1 else -1
        if start < 0:
            continue
        edit = Edit(f.location.line, start, old, new, f)
        if not any(e.line == edit.line and e.start < edit.start + len(old) and edit.start < e.start + len(e.old)
                   for e in placed):
            placed.append(edit)
    return placed


def applied(lines: list[str], fixes: list[Edit]) -> list[str]:
    out = list(lines)
    for e in sorted(fixes, key=lambda e: (e.line, -e.start)):
        text = out[e.line - 1]
        out[e.line - 1] = text[:e.start] + e.new + text[e.start + len(e.old):]
    return out


def fix_file(path: str, findings: list[Any], rules: dict[str, Any], write: bool) -> tuple[list[Any], str]:
    """Apply (``write``) or show a file's certain fixes: the findings they mend, and the unified diff."""
    p = Path(path)
    if p.suffix.lower() not in EDITABLE or not findings:
        return [], ""
    raw = p.read_bytes()
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    fixes = edits(findings, rules, lines)
    if not fixes:
        return [], ""
    changed = applied(lines, fixes)
    shown = path if p.is_absolute() else f"a/{path}", path if p.is_absolute() else f"b/{path}"
    diff = "".join(difflib.unified_diff([ln + "\n" for ln in lines], [ln + "\n" for ln in changed],
                                        fromfile=shown[0], tofile=shown[1]))
    if write:
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        p.write_bytes((bom + newline.join(changed)).encode("utf-8"))
    return [e.finding for e in fixes], diff
