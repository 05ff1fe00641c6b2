"""The rules over files, one file at a time: in this process, or with ``jobs`` > 1 in
worker processes fed the files in chunks. Results come back in the order of the files
whatever the number of workers, each as soon as its turn comes, so that a caller can
show a file's findings and let its document go: what stays of a file is its findings
and, for the checks across documents, a compact record (plancheck.checks.cross_document).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .i18n import _
from .models.report import Caveat, FileError, SkippedFile
from .timelimit import FileTimeout, time_limit


@dataclass(frozen=True)
class RunSpec:
    """What checking a file needs: the same in every worker."""

    rules: Any                        # plancheck.engine.RuleSet
    lang: str = "vi"
    options: dict[str, Any] = field(default_factory=dict)
    keep_lines: bool = False          # keep each file's source lines (to show a finding's line)
    records: bool = False             # keep each file's record for the checks across documents


@dataclass
class FileResult:
    """What checking one file gave."""

    path: str
    findings: list[Any] = field(default_factory=list)    # plancheck.models.Finding
    error: FileError | None = None    # the file could not be read (or a bug stopped its reading)
    faults: list[FileError] = field(default_factory=list)   # rules that failed on it; the others' findings stand
    kind: str | None = None           # what the text is (TextKind value), for documents
    caveats: list[Caveat] = field(default_factory=list)   # how it was read
    lines: list[str] | None = None
    record: Any = None                # plancheck.checks.cross_document.CrossRecord
    suppressions: list[Any] = field(default_factory=list)   # plancheck.suppress: the file's, for the checks across documents

    def source_line(self, path: str, line: int) -> str | None:
        if self.lines is not None and path == self.path and 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return None

    def add_to(self, report: Any) -> None:
        """Into a whole report (plancheck.models.report.Report)."""
        if self.error is not None:
            report.errors.append(self.error)
        else:
            report.files.append(self.path)
        report.errors.extend(self.faults)
        report.findings.extend(self.findings)
        report.caveats += self.caveats
        if self.kind is not None:
            report.kinds[self.path] = self.kind
        if self.lines is not None:
            report.sources[self.path] = self.lines


@dataclass
class Skipped:
    """A file found in a folder and not read (a PDF, a YAML that is no plan file), and why."""

    path: str
    reason: str
    findings: tuple = ()
    faults: tuple = ()
    error: None = None

    def add_to(self, report: Any) -> None:
        report.skipped.append(SkippedFile(path=self.path, reason=self.reason))


@dataclass
class AcrossResult:
    """The findings of the checks across the documents of a run, after every file's."""

    findings: list[Any] = field(default_factory=list)
    error: FileError | None = None
    faults: list[FileError] = field(default_factory=list)   # rules that failed; the others' findings stand
    lines: dict[str, dict[int, str]] = field(default_factory=dict)   # path -> the lines its records kept

    def source_line(self, path: str, line: int) -> str | None:
        return self.lines.get(path, {}).get(line)

    def add_to(self, report: Any) -> None:
        report.findings.extend(self.findings)
        if self.error is not None:
            report.errors.append(self.error)
        report.errors.extend(self.faults)


def check_file(path: str | Path, spec: RunSpec) -> FileResult:
    """One file read, understood and checked; a file that cannot be read, one that takes
    longer than ``spec.options["timeout"]`` seconds, or a bug met on it, is its result's
    error: the other files still go."""
    result = FileResult(path=str(path))
    try:
        with time_limit(spec.options.get("timeout")):
            return _check_file(path, spec, result)
    except FileTimeout:
        result.findings, result.faults, result.record = [], [], None
        result.error = FileError(path=str(path), message=_(
            "stopped after {seconds:g} s (the limit per file, --timeout); the other files go on")
            .format(seconds=spec.options["timeout"]))
        return result


def _check_file(path: str | Path, spec: RunSpec, result: FileResult) -> FileResult:
    from .checks.base import Subject
    from .engine import run_rules
    from .errors import PlancheckError, internal_error
    from .models import TextKind
    from .i18n import use
    from .pipeline import load_path

    use(spec.lang)   # a reader's errors in the run's language, in a worker process too
    try:
        loaded = load_path(path, spec.options.get("limits"))
        result.path = loaded.path
        if spec.keep_lines:
            result.lines = loaded.lines
        if spec.options.get("kind") and loaded.document is not None:   # --kind: the user says what it is
            loaded.plan.document.text_kind = TextKind(spec.options["kind"])
        if loaded.plan.document.text_kind is not None:
            result.kind = loaded.plan.document.text_kind.value
        if loaded.document is not None:
            result.caveats = [Caveat(path=result.path, **c) for c in loaded.document.caveats]
        subject = Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure,
                          options=spec.options)
        if loaded.document is None:   # a plan file: its comments and its indicators' ignore lists
            from .suppress import in_plan_file

            subject.suppressions = in_plan_file(loaded.path, loaded.lines, loaded.plan)
        faults: list[tuple[str, str]] = []
        result.findings = run_rules(subject, spec.rules, spec.lang, faults)
        if spec.records:
            result.suppressions = list(subject.suppressions or [])
        if loaded.document is not None and loaded.document.ocr_lines:
            result.findings = [f for f in result.findings
                               if not (f.category in _GLYPHS and f.location.line in loaded.document.ocr_lines)]
            result.findings = [_read_by_ocr(f, loaded.document, spec.lang) for f in result.findings]
        result.findings = _with_ends(result.findings, loaded.lines)
        result.faults = [FileError(path=result.path, message=message, rule=rule) for rule, message in faults]
        if spec.records:
            from .checks.cross_document import cross_record

            result.record = cross_record(subject, reread=True)
    except PlancheckError as exc:
        result.error = FileError(path=exc.path or str(path), message=exc.message, line=exc.line, column=exc.column)
    except Exception as exc:  # a bug in plancheck: report it, and go on with the other files
        result.error = FileError(path=str(path), message=internal_error(exc))
    return result


_OCR_WORDS = {"vi": {"read": " (đọc bằng OCR)",
                     "doubted": " (đọc bằng OCR; số liệu đọc chưa chắc chắn, chỉ là cảnh báo)",
                     "count": " (đọc bằng OCR, có thể sót mục: chỉ là cảnh báo)"},
              "en": {"read": " (read by OCR)",
                     "doubted": " (read by OCR; a figure read with low confidence: a warning only)",
                     "count": " (read by OCR, which may drop items: a warning only)"}}


def _with_ends(findings: list[Any], lines: list[str]) -> list[Any]:
    """Each finding's end on its line (end_line, end_column) where a check gave none: the end of
    the figure or word it stands at."""

    from .text import token_end

    out = []
    for f in findings:
        loc = f.location
        if loc.end_column is None and 1 <= loc.line <= len(lines) and 1 <= loc.column <= len(lines[loc.line - 1]):
            text = lines[loc.line - 1]
            if not text[loc.column - 1].isspace():
                f = replace(f, location=replace(loc, end_line=loc.line,
                                                end_column=token_end(text, loc.column - 1) + 1))
        out.append(f)
    return out


# Findings on how characters are written (a letter's accent, a separator): on a line OCR read,
# the characters are OCR's guesses ("QUYÉT" for "QUYẾT", "4,636" for "4.636"), not the document's.
_GLYPHS = frozenset({"style", "number-format"})


def _read_by_ocr(finding: Any, document: Any, lang: str) -> Any:
    """A finding on a line OCR read says so; on a line holding a figure OCR doubted, it is no
    error, only a warning (the figure may be the machine's misreading, not the document's).
    Nor is a count that differs from its list: OCR drops a line or a row without a doubt."""
    line = finding.location.line
    if line not in document.ocr_lines:
        return finding
    if any(d_line == line for d_line, _, _ in document.doubted):
        doubted = "doubted"
    else:
        doubted = "count" if finding.category == "count" else ""
    said = _OCR_WORDS.get(lang, _OCR_WORDS["en"])[doubted or "read"]
    update = {"message": finding.message + said, "evidence": {**finding.evidence, "ocr": True,
                                                              **({"ocr_doubted": True} if doubted else {})}}
    if doubted and finding.severity.value == "error":
        from .models import Severity

        update["severity"] = Severity.warning
    return replace(finding, **update)


def tune_gc() -> None:
    """For a run of the command line (not the library: the caller's process is theirs).
    A document is read into many small objects that all live until it is checked: at the
    default threshold (700) the collector runs thousands of times per document and its
    full passes rescan the rules and modules loaded once. Those are frozen out of its
    sight, and it runs seventy times less often (about a tenth of the time on a long
    document); cycles are still collected, later."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def check_files(paths: Iterable[Path], spec: RunSpec, jobs: int = 1) -> Iterator[FileResult]:
    """Each file's result, in the order of ``paths``."""
    yield from map_in_order(check_file, paths, spec, jobs, lost=_not_checked)


def _not_checked(path: Path) -> FileResult:
    return FileResult(path=str(path), error=FileError(path=str(path), message=_(
        "not checked: the process checking it ended without a word (killed, or out of memory)")))


def map_in_order(work: Callable[[Path, Any], Any], paths: Iterable[Path], shared: Any, jobs: int = 1,
                 lost: Callable[[Any], Any] | None = None) -> Iterator[Any]:
    """``work(path, shared)`` for each path, in the order of ``paths``: here, or in ``jobs``
    worker processes fed the paths in chunks (``work`` a module-level function, ``shared``
    what every worker needs, given to each once). A worker that dies without a word (killed,
    out of memory) loses no other path: each path of the work it took down is done again alone,
    and one that takes a worker down again gives ``lost(path)`` (WorkerLost without ``lost``)."""
    paths = list(paths)
    jobs = min(max(1, jobs), len(paths))
    if jobs <= 1:
        for path in paths:
            yield work(path, shared)
        return
    yield from _Workers(work, shared, jobs, lost).map(paths)


class WorkerLost(Exception):
    """A worker process died while doing a path, twice: the path cannot be done here."""


class _Workers:
    """Worker processes doing ``work`` (concurrent.futures: a worker that dies breaks the pool
    for all to see, where multiprocessing.Pool waited forever for its result)."""

    def __init__(self, work: Callable[[Path, Any], Any], shared: Any, jobs: int,
                 lost: Callable[[Any], Any] | None) -> None:
        import multiprocessing

        self.work, self.shared, self.jobs, self.lost = work, shared, jobs, lost
        # fork where there is one: the workers start with the rules already loaded
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.pool = self._new_pool()

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_start_worker,
                                   initargs=(self.work, self.shared))

    def _restart(self) -> None:
        self._stop()
        self.pool = self._new_pool()

    def _stop(self) -> None:
        # the workers are ended, not waited for: one deep in a file would hold the run up
        # (ProcessPoolExecutor ends its workers itself from Python 3.14 on: terminate_workers)
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(5)

    def map(self, paths: list[Any]) -> Iterator[Any]:
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool

        size = max(1, min(16, len(paths) // (self.jobs * 8)))
        chunks = deque(paths[i:i + size] for i in range(0, len(paths), size))
        pending: deque = deque()   # (chunk, future), in the order of the paths
        try:
            while chunks or pending:
                try:
                    while chunks and len(pending) < self.jobs * 4:   # a few chunks ahead of each worker
                        pending.append((chunks[0], self.pool.submit(_in_worker, chunks[0])))
                        chunks.popleft()
                    results = pending[0][1].result()
                except BrokenProcessPool:
                    # the pool is lost (seen by a result, or by a submission while a worker died) with
                    # every chunk in it: their paths, each alone, in a new one; the chunks not yet
                    # submitted go to the new pool as they are
                    again = [p for c, _ in pending for p in c]
                    pending.clear()
                    self._restart()
                    yield from self._alone(again)
                    continue
                pending.popleft()
                yield from results
        finally:
            self._stop()

    def _alone(self, paths: list[Any]) -> Iterator[Any]:
        from concurrent.futures.process import BrokenProcessPool

        for path in paths:
            try:
                [result] = self.pool.submit(_in_worker, [path]).result()
            except BrokenProcessPool:
                self._restart()
                if self.lost is None:
                    raise WorkerLost(path) from None
                result = self.lost(path)
            yield result


_WORK: tuple[Callable[[Path, Any], Any], Any] | None = None


def _start_worker(work: Callable[[Path, Any], Any], shared: Any) -> None:
    global _WORK
    _WORK = (work, shared)
    tune_gc()
    import signal

    # Ctrl-C is the main process's to answer (it ends the workers); a worker ended by a signal
    # ends at once, without a traceback of where it was
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _in_worker(paths: list[Any]) -> list[Any]:
    assert _WORK is not None
    work, shared = _WORK
    return [work(path, shared) for path in paths]
