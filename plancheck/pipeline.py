"""One source through the pipeline: read -> extract -> what the checks look at."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Plan

if TYPE_CHECKING:   # a plan file's run never builds the document models (issue 24: start-up)
    from .models.document import Document, DocumentStructure


@dataclass
class Loaded:
    """One source, read and understood: its plan, and for documents the document and its structure."""

    path: str
    plan: Plan
    lines: list[str] = field(default_factory=list)   # source lines, for reports
    document: Document | None = None
    structure: DocumentStructure | None = None


def understand(document: Document) -> Loaded:
    from .extract import extract_plan, extract_structure

    structure = extract_structure(document)
    return Loaded(document.path, extract_plan(document, structure), document.lines, document, structure)


def load_path(path: str | Path, limits=None) -> Loaded:
    """Read a file and extract what it says; InputError when it cannot be read.
    ``limits``: plancheck.read.Limits (the defaults when None)."""
    from .read import DEFAULT_LIMITS, read_source

    source, lines = read_source(path, limits or DEFAULT_LIMITS)
    if isinstance(source, Plan):
        return Loaded(source.path, source, lines)
    return understand(source)
