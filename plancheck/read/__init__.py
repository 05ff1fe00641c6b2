"""Readers: a file in, what the later stages need out. One reader per format:
plan files (.yaml/.json), text and Markdown (.txt/.md), Word (.docx)."""
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
DOCX_SUFFIXES = (".docx",)


@dataclass
class Loaded:
    """One source, read: its plan, its document and structure (for documents), its
    lines (for reports)."""

    path: str
    plan: Plan
    lines: list[str] = field(default_factory=list)
    document: object | None = None     # plancheck.models.document.Document
    structure: object | None = None    # plancheck.models.document.DocumentStructure


# Formats plancheck cannot read, and what to do instead.
_UNREADABLE = {
    ".doc": "plancheck reads .docx; save the .doc as .docx",
    ".pdf": "plancheck does not read PDF yet; save the document as .docx or export its text to .txt",
    ".odt": "plancheck reads .docx; save the .odt as .docx",
    ".rtf": "plancheck reads .docx; save the .rtf as .docx",
}


def supported_suffixes() -> tuple[str, ...]:
    from .text import TEXT_SUFFIXES

    return PLAN_SUFFIXES + TEXT_SUFFIXES + DOCX_SUFFIXES


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
    if suffix in DOCX_SUFFIXES:
        from .docx import read_docx_document

        return _loaded_document(read_docx_document(p))
    from .text import TEXT_SUFFIXES, read_text_document

    if suffix in TEXT_SUFFIXES:
        return _loaded_document(read_text_document(p))
    if suffix in _UNREADABLE:
        raise InputError(f"unsupported file type {suffix}: {_UNREADABLE[suffix]}", str(p))
    raise InputError(f"unsupported file type {suffix or '(none)'}: plancheck reads "
                     f"{', '.join(supported_suffixes())}", str(p))


def _loaded_document(document) -> Loaded:
    """A document with the plan and structure the extractors find in it."""
    structure = _extract(document, "extract_structure")
    plan = _extract(document, "extract_plan", structure) or Plan(path=document.path)
    return Loaded(document.path, plan, document.lines, document, structure)


def _extract(document, name: str, *args):
    """plancheck.extract.<name>(document, *args), or None while it is not written yet."""
    from .. import extract

    function = getattr(extract, name, None)
    if function is None:
        return None
    try:
        return function(document, *args)
    except ModuleNotFoundError as exc:   # a part of plancheck.extract still being written
        if (exc.name or "").startswith("plancheck.extract"):
            return None
        raise


def discover_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files named directly, and in folders the documents (.txt, .md, .docx) and
    the plan files (.yaml/.json that say `format: plancheck/1`), in a stable order.
    Hidden files and folders, tools' folders and Word's lock files are skipped."""
    from .text import TEXT_SUFFIXES

    documents = TEXT_SUFFIXES + DOCX_SUFFIXES
    for path in paths:
        p = Path(path)
        if not p.is_dir():
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name.startswith((".", "~$")):
                    continue
                f = Path(root) / name
                suffix = f.suffix.lower()
                if suffix in documents or suffix in PLAN_SUFFIXES and _is_plan_file(f):
                    yield f


def _is_plan_file(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return True  # let load_path report it
    return PLAN_MARKER in head and "format" in head
