"""Readers: a file in, what the later stages need out. One reader per format."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import Plan
from .planfile import PLAN_SUFFIXES, read_plan_file

# Folders never searched: tools' and version control's own.
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache",
              ".pytest_cache", "build", "dist"}
PLAN_MARKER = "plancheck/"  # a plan file in a folder says `format: plancheck/1`


@dataclass
class Loaded:
    """One source, read: its plan, its document (for texts), its lines (for reports)."""

    path: str
    plan: Plan
    lines: list[str] = field(default_factory=list)
    document: object | None = None


def supported_suffixes() -> tuple[str, ...]:
    return PLAN_SUFFIXES


def load_path(path: str | Path) -> Loaded:
    p = Path(path)
    if p.is_dir():
        raise InputError("is a folder (give it to discover_files)", str(p))
    if not p.exists():
        raise InputError("no such file", str(p))
    suffix = p.suffix.lower()
    if suffix in PLAN_SUFFIXES:
        try:
            text = p.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start})", str(p)) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", str(p)) from None
        return Loaded(str(p), read_plan_file(p, text), text.splitlines())
    raise InputError(f"unsupported file type {suffix or '(none)'}: plancheck reads "
                     f"{', '.join(supported_suffixes())}", str(p))


def discover_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files named directly, and the plan files found in folders, in a stable order."""
    for path in paths:
        p = Path(path)
        if not p.is_dir():
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                f = Path(root) / name
                if f.suffix.lower() in PLAN_SUFFIXES and _is_plan_file(f):
                    yield f


def _is_plan_file(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return True  # let load_path report it
    return PLAN_MARKER in head and "format" in head
