"""Readers: a file in, what the later stages need out. One reader per format:
plan files (.yaml/.json), text and Markdown (.txt/.md), Word (.docx)."""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from ..errors import InputError
from ..i18n import N_, _, number
from ..models import Plan
if TYPE_CHECKING:   # a plan file's run never builds the document models (issue 24: start-up)
    from ..models.document import Document

# Folders never searched: tools' and version control's own.
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache",
              ".pytest_cache", "build", "dist"}
_PROJECT_NOTES = {"README", "CHANGELOG", "CHANGES", "HISTORY", "LICENSE", "COPYING", "CONTRIBUTING", "NOTICE",
                  "AUTHORS", "SECURITY", "CODE_OF_CONDUCT", "CITATION", "REQUIREMENTS", "TODO"}
_TOOL_FILES = {"plancheck.toml", "pyproject.toml", "setup.cfg", "tox.ini", "uv.lock", "poetry.lock"}
PLAN_MARKER = "plancheck/"  # a plan file in a folder says `format: plancheck/1`
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
PLAN_SUFFIXES = (".yaml", ".yml", ".json")


# Formats plancheck cannot read, and what to do instead.
_UNREADABLE = {
    ".doc": N_("plancheck reads .docx; save the .doc as .docx"),
    ".odt": N_("plancheck reads .docx; save the .odt as .docx"),
    ".rtf": N_("plancheck reads .docx; save the .rtf as .docx"),
}


def supported_suffixes() -> tuple[str, ...]:
    from .text import TEXT_SUFFIXES

    return PLAN_SUFFIXES + TEXT_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a file plancheck reads. Fitted to real documents: the largest of 14,000
    real plans, resolutions and decisions is 0,8 MB, their longest line about 5,000
    characters; ten times that is refused (a run-on line costs time with its length).
    Configurable: ``max-file-size`` (MB) and ``max-line-length`` in [tool.plancheck]."""

    max_bytes: int = 8 * 2**20
    max_line: int = 50_000

    def check_size(self, size: int, path: str) -> None:
        if size > self.max_bytes:
            raise InputError(_("too large for a plan document ({size} MB; the limit, max-file-size, is {limit} MB)")
                             .format(size=number(size / 2**20, 1), limit=number(self.max_bytes / 2**20, None)), path)

    def check_lines(self, lines: list[str], path: str) -> None:
        for n, line in enumerate(lines, 1):
            if len(line) > self.max_line:
                raise InputError(_("line {number} is {length} characters long (the limit, max-line-length, is {limit}); not a plan document's line")
                                 .format(number=n, length=number(len(line)), limit=number(self.max_line)), path, n)


DEFAULT_LIMITS = Limits()


def read_source(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Plan | Document, list[str]]:
    """A plan file's Plan, or a document's Document, with the source lines for reports."""
    p = Path(path)
    try:
        status = p.stat()
    except OSError as exc:   # no such file, a symbolic link loop, no permission: the system's words
        if exc.errno == errno.ENOENT:
            raise InputError(_("no such file"), str(p)) from None
        raise InputError(_("cannot read: {strerror}").format(strerror=exc.strerror.lower() if exc.strerror else exc),
                         str(p)) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(_("is a folder (give it to discover_files)"), str(p))
    if not stat.S_ISREG(status.st_mode):   # a pipe or a device would block or never end
        raise InputError(_("not a regular file (a pipe, device or socket); plancheck reads files"), str(p))
    if p.suffix.lower() not in DOCX_SUFFIXES + PDF_SUFFIXES:   # photos weigh; their text has limits of its own
        limits.check_size(status.st_size, str(p))
    source, lines = _read(p)
    limits.check_lines(lines, str(p))
    return source, lines


def _read(p: Path) -> tuple[Plan | Document, list[str]]:
    suffix = p.suffix.lower()
    if suffix in PLAN_SUFFIXES:
        try:
            text = p.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(_("not UTF-8 text (invalid byte at offset {start})").format(start=exc.start), str(p)) from None
        except OSError as exc:
            raise InputError(_("cannot read: {strerror}").format(strerror=exc.strerror), str(p)) from None
        from .planfile import read_plan_file   # pydantic specs and YAML: only for plan files

        return read_plan_file(p, text), text.splitlines()
    if suffix in DOCX_SUFFIXES:
        from .docx import read_docx_document

        document = read_docx_document(p)
        return document, document.lines
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf_document

        document = read_pdf_document(p)
        return document, document.lines
    from .text import TEXT_SUFFIXES, read_text_document

    if suffix in TEXT_SUFFIXES:
        document = read_text_document(p)
        return document, document.lines
    if suffix in _UNREADABLE:
        raise InputError(_("unsupported file type {suffix}: {unreadable}")
                         .format(suffix=suffix, unreadable=_(_UNREADABLE[suffix])), str(p))
    raise InputError(_("unsupported file type {suffix}: plancheck reads {supported}")
                     .format(suffix=suffix or _('(none)'), supported=', '.join(supported_suffixes())), str(p))


def discover_files(paths: list[str | Path], skipped: list[tuple[Path, str]] | None = None,
                   excluded: Callable[[Path], str | None] | None = None) -> Iterator[Path]:
    """Files named directly, and in folders the documents (.txt, .md, .docx) and
    the plan files (.yaml/.json that say `format: plancheck/1`), in a stable order.
    Hidden files and folders, tools' folders, Word's lock files and a project's own
    notes (README, CHANGELOG, LICENSE ...) are passed over; any other file of a folder
    that is not read goes into ``skipped`` with the reason, so that none is lost unsaid; so does a
    file of a folder that ``excluded`` names a reason for (the configuration's ``exclude``; a file
    named itself is checked, as ruff does), or that git ignores (.gitignore).

    Folders are walked whole before their files are given: git is asked once which it ignores."""
    for path in paths:
        p = Path(path)
        if not p.is_dir():
            yield p
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            found += [Path(root) / name for name in sorted(files)]
        ignored = _git_ignored(p, found)
        for f in found:
            reason = _("ignored by git (.gitignore)") if f in ignored else excluded(f) if excluded is not None else None
            if reason is not None:
                if skipped is not None and not _passed_over(f):
                    skipped.append((f, reason))
            elif is_checked_file(f):
                yield f
            elif skipped is not None and not _passed_over(f):
                skipped.append((f, skip_reason(f)))


def _git_ignored(folder: Path, files: list[Path]) -> set[Path]:
    """The files git ignores (.gitignore, the repository's exclude file), when the folder is in a
    git work tree and git is installed; asked once per folder, as git itself decides."""
    import shutil
    import subprocess

    if not files or shutil.which("git") is None:
        return set()
    try:
        done = subprocess.run(["git", "-C", str(folder), "check-ignore", "--stdin", "-z"],
                              input="\0".join(str(f.absolute()) for f in files).encode("utf-8", "surrogateescape"),
                              capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):   # 128: not a git work tree
        return set()
    named = {p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p}
    return {f for f in files if str(f.absolute()) in named}


def skip_reason(path: Path) -> str:
    """Why a file found in a folder is not read."""
    suffix = path.suffix.lower()
    if suffix in _UNREADABLE:
        return _(_UNREADABLE[suffix])
    if suffix in PLAN_SUFFIXES:
        return _("a {kind} file without `format: {marker}1` is not a plan file").format(
            kind=suffix[1:].upper(), marker=PLAN_MARKER)
    return _("not a format plancheck reads ({supported})").format(supported=", ".join(supported_suffixes()))


def is_checked_file(path: Path) -> bool:
    """Whether a file found in a folder is plancheck's: a document (.txt, .md, .docx) or
    a plan file (.yaml/.json that says `format: plancheck/1`), but no hidden file, no
    Word lock file and no project note (README, CHANGELOG, LICENSE ...)."""
    from .text import TEXT_SUFFIXES

    if _passed_over(path):
        return False
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES or (suffix in PLAN_SUFFIXES and _is_plan_file(path))


def _passed_over(path: Path) -> bool:
    """Hidden files, Word's lock files, a project's notes and its tools' settings (plancheck's
    own among them): never plan documents, never named."""
    return path.name.startswith((".", "~$")) or path.stem.upper() in _PROJECT_NOTES or path.name in _TOOL_FILES


def _is_plan_file(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return True  # let read_source report it
    return PLAN_MARKER in head and "format" in head
