"""--fix and --diff: the likely fixes a rule marks certain (``fix: certain`` in its pack, or
``fix: when-sure`` and the check saying so of the fix),
applied to text, Markdown and plan files in place, or shown as a unified diff.

A fix is the finding's suggestion "old → new" (one without a "?", on a finding that assumed
nothing); it is applied only where ``old`` stands at the finding's line and column, or stands
once on that line; overlapping fixes are left out. In a plan file a fix goes only inside a
quoted value (an unquoted 158.2 is YAML's number; 158,2 would be two items), and the file must
read as the same data but for the values fixed. Files not in UTF-8 are left alone, as are Word
and PDF files (--annotate writes Word's fixes as tracked changes).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .read import PLAN_SUFFIXES
from .read.text import TEXT_SUFFIXES
from .lazyre import lazy_compile

EDITABLE = TEXT_SUFFIXES + PLAN_SUFFIXES   # what --fix writes: text, Markdown and plan files


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
    sure = rule is not None and (rule.fix == "certain" or rule.fix == "when-sure"
                                 and (finding.evidence or {}).get("fix_certain") is True)
    if not sure or finding.assumptions or "?" in suggestion or " → " not in suggestion:
        return None
    old, new = suggestion.split(" → ", 1)
    return (old, new) if old and old != new else None


_QUOTED = lazy_compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')


def _quoted(text: str, start: int, end: int) -> bool:
    return any(m.start() < start and end < m.end() for m in _QUOTED.finditer(text))


def edits(findings: Iterable[Any], rules: dict[str, Any], lines: list[str], plan: bool = False) -> list[Edit]:
    """The certain fixes of one file's findings placed on its lines, none overlapping; in a plan
    file (``plan``) only inside quoted values."""
    placed: dict[int, list[Edit]] = {}
    for f in findings:
        pair = certain(f, rules)
        if pair is None or not 1 <= f.location.line <= len(lines):
            continue
        old, new = pair
        text = lines[f.location.line - 1]
        start = f.location.column - 1
        if text[start:start + len(old)] != old:
            start = text.find(old) if text.count(old) == 1 else -1
        if start < 0 or (plan and not _quoted(text, start, start + len(old))):
            continue
        edit = Edit(f.location.line, start, old, new, f)
        same_line = placed.setdefault(edit.line, [])
        if not any(e.start < edit.start + len(old) and edit.start < e.start + len(e.old) for e in same_line):
            same_line.append(edit)
    return [e for line in placed.values() for e in line]


def applied(lines: list[str], fixes: list[Edit]) -> list[str]:
    out = list(lines)
    for e in sorted(fixes, key=lambda e: (e.line, -e.start)):
        text = out[e.line - 1]
        out[e.line - 1] = text[:e.start] + e.new + text[e.start + len(e.old):]
    return out


def fix_file(path: str, findings: list[Any], rules: dict[str, Any], write: bool,
             shown_as: str | None = None) -> tuple[list[Any], str]:
    """Apply (``write``) or show a file's certain fixes: the findings they mend, and the unified
    diff (naming the file ``shown_as``, standard input's name)."""
    p = Path(path)
    if p.suffix.lower() not in EDITABLE or not findings:
        return [], ""
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ""   # UTF-16 or a legacy 8-bit font's text: not rewritten here
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    plan = p.suffix.lower() in PLAN_SUFFIXES
    fixes = edits(findings, rules, lines, plan)
    if plan and fixes and not _same_data(lines, fixes):
        return [], ""
    if not fixes:
        return [], ""
    changed = applied(lines, fixes)
    name = shown_as or path
    shown = (name, name) if Path(name).is_absolute() else (f"a/{name}", f"b/{name}")
    diff = "".join(difflib.unified_diff([ln + "\n" for ln in lines], [ln + "\n" for ln in changed],
                                        fromfile=shown[0], tofile=shown[1]))
    if write:
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        p.write_bytes((bom + newline.join(changed)).encode("utf-8"))
    return [e.finding for e in fixes], diff


def _same_data(lines: list[str], fixes: list[Edit]) -> bool:
    """Whether a plan file reads, once fixed, as the same data but for the strings fixed."""
    import yaml

    def load(text_lines: list[str]):
        try:
            return yaml.safe_load("\n".join(text_lines))
        except yaml.YAMLError:
            return None

    before, after = load(lines), load(applied(lines, fixes))
    if before is None or after is None:
        return False
    olds = {e.old: e.new for e in fixes}

    def same(a, b) -> bool:
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
        if isinstance(a, list) and isinstance(b, list):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
        if isinstance(a, str) and isinstance(b, str):
            for old, new in olds.items():
                a = a.replace(old, new)
            return a == b
        return a == b

    return same(before, after)
