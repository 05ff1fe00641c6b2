"""A baseline: the findings a repository had when it adopted plancheck, so that a run reports
only new ones (``--baseline-write FILE`` records them, ``--baseline FILE`` leaves them out).

A finding is known by a fingerprint that survives lines moving: its rule, its file (relative to
the baseline's folder), the text of its line (spaces squeezed) and its column's offset in that
text, and which of the equal ones it is. Editing the line or the figure makes it new.
Written here: baseline formats (pylint's, ruff's) belong to their tools.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import PlancheckError
from .policy import relative

FORMAT = "plancheck-baseline/1"
SourceLine = Callable[[str, int], "str | None"]


def _relative(path: str, base: Path) -> str:
    return relative(Path(path), base)


def fingerprint(finding: Any, line_text: str | None, base: Path) -> str:
    """What identifies a finding whatever line it moved to."""
    loc = finding.location
    text = " ".join((line_text or "").split())
    if line_text is not None:   # the column in the squeezed text: re-indenting a line keeps its findings
        place = len(" ".join(line_text[:max(0, loc.column - 1)].split()))
    else:
        place = loc.line
    parts = (finding.rule, _relative(loc.path, base), text, str(place))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _prints(pairs: Iterable[tuple[Any, str | None]], base: Path) -> list[tuple[Any, str]]:
    """Each finding (with the text of its line) with its fingerprint; equal ones numbered in their order."""
    seen: Counter[str] = Counter()
    out = []
    for f, text in sorted(pairs, key=lambda pair: pair[0].sort_key()):
        raw = fingerprint(f, text, base)
        seen[raw] += 1
        out.append((f, f"{raw}-{seen[raw]}"))
    return out


class Baseline:
    """The fingerprints of a baseline file, and what they left out of a run."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.base = self.path.resolve().parent
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise PlancheckError("no such baseline (write one with --baseline-write)", str(path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PlancheckError(f"cannot read the baseline: {exc}", str(path)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
            raise PlancheckError(f"not a plancheck baseline (it says format: {FORMAT})", str(path))
        self.known = {str(item.get("fingerprint")) for item in data["findings"] if isinstance(item, dict)}
        self.left_out = 0

    def filter(self, findings: list[Any], source_line: SourceLine) -> list[Any]:
        """The findings that are not in the baseline."""
        kept = []
        pairs = [(f, source_line(f.location.path, f.location.line)) for f in findings]
        for finding, print_ in _prints(pairs, self.base):
            if print_ in self.known:
                self.left_out += 1
            else:
                kept.append(finding)
        return kept


def write(path: str | Path, pairs: Iterable[tuple[Any, str | None]]) -> int:
    """Record the findings (each with the text of its line) in a baseline file; how many."""
    path = Path(path)
    base = path.resolve().parent
    items = [{"fingerprint": print_, "rule": f.rule, "path": _relative(f.location.path, base),
              "line": f.location.line, "message": f.message}
             for f, print_ in _prints(pairs, base)]
    try:
        path.write_text(json.dumps({"format": FORMAT, "findings": items}, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    except OSError as exc:
        raise PlancheckError(f"cannot write the baseline: {exc.strerror}", str(path)) from None
    return len(items)
