"""Text from the inputs made safe to show (issue 25, item 1): a document's or a file name's
control characters would drive the terminal that shows a report (ESC sequences colour, move the
cursor, write links: OSC 8) or break its lines, and a file name that is not UTF-8 would make the
report itself no UTF-8. Every writer of the registry is handed results passed through here, and
the command line's own lines on standard error too: the same text in every format.

C0 and C1 control characters (a tab aside) are written as ``\\x1b``; a character that stands for
an undecodable byte of a name (a lone surrogate, Python's surrogateescape) as U+FFFD."""
from __future__ import annotations

import dataclasses
import re
from typing import Any

_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    return "\ufffd" if "\ud800" <= c <= "\udfff" else f"\\x{ord(c):02x}"


def shown(text: str) -> str:
    """``text`` with its control characters escaped and undecodable bytes replaced."""
    return _UNSAFE.sub(_escaped, text) if _UNSAFE.search(text) else text


def _value(value: Any) -> Any:
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {_value(k): _value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_value(v) for v in value)
    return value


def _finding(f: Any) -> Any:
    loc = f.location
    if not (_UNSAFE.search(f.message) or _UNSAFE.search(loc.path) or (f.suggestion and _UNSAFE.search(f.suggestion))
            or (f.evidence and _UNSAFE.search(repr(f.evidence)))):
        return f
    return dataclasses.replace(f, message=shown(f.message), suggestion=f.suggestion and shown(f.suggestion),
                               evidence=_value(f.evidence), location=dataclasses.replace(loc, path=shown(loc.path)))


def _error(e: Any) -> Any:
    return e if e is None or not (_UNSAFE.search(e.path) or _UNSAFE.search(e.message)) else \
        dataclasses.replace(e, path=shown(e.path), message=shown(e.message))


def _lines(lines: list[str] | None) -> list[str] | None:
    if lines is None or not _UNSAFE.search("\t".join(lines)):   # one pass over the text, most often all
        return lines
    return [shown(line) for line in lines]


def shown_result(result: Any) -> Any:
    """A copy of a result of plancheck.api.check_stream (FileResult, AcrossResult, Skipped) whose
    text is safe to show; the result itself, when it already is."""
    changes: dict[str, Any] = {}
    if getattr(result, "path", None) is not None and _UNSAFE.search(result.path):
        changes["path"] = shown(result.path)
    if hasattr(result, "reason") and _UNSAFE.search(result.reason):
        changes["reason"] = shown(result.reason)
    findings = [_finding(f) for f in result.findings]
    if any(a is not b for a, b in zip(findings, result.findings)):
        changes["findings"] = findings
    if result.error is not None and (error := _error(result.error)) is not result.error:
        changes["error"] = error
    faults = [_error(e) for e in result.faults]
    if any(a is not b for a, b in zip(faults, result.faults)):
        changes["faults"] = faults
    caveats = getattr(result, "caveats", None)
    if caveats and any(_UNSAFE.search(c.path) for c in caveats):
        changes["caveats"] = [dataclasses.replace(c, path=shown(c.path)) for c in caveats]
    lines = getattr(result, "lines", None)
    if isinstance(lines, list) and (cleaned := _lines(lines)) is not lines:
        changes["lines"] = cleaned
    elif isinstance(lines, dict) and lines:   # AcrossResult: path -> {line: text}
        if _UNSAFE.search(repr(lines)):
            changes["lines"] = {shown(p): {n: shown(t) for n, t in by.items()} for p, by in lines.items()}
    return dataclasses.replace(result, **changes) if changes else result
