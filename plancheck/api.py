"""The Python API: check a path, a Plan or a dict; get a Report."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

from .checks.base import Subject
from .engine import RuleSet, load_rules, run_across, run_rules
from .errors import PlancheckError
from .models import Plan, TextKind
from .models.report import FileError, Report

Source = str | Path | Plan | Mapping[str, Any]


def check(
    sources: Source | Iterable[Source],
    *,
    rules: RuleSet | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    packs: Iterable[str | Path] = (),
    lang: str = "vi",
    options: Mapping[str, Any] | None = None,
    index: str | Path | None = None,
) -> Report:
    """Check files or folders (paths), Plans or plan mappings; return a Report.

    A file that cannot be read becomes an entry of ``report.errors``; the
    other sources are still checked. Bad rule packs or selections raise
    PlancheckError: nothing can be checked without rules.

    ``options`` reach the checks (``stage``: "draft" or "final"); ``index`` is a
    file made by ``plancheck index`` whose documents citations are checked against.
    """
    from .pipeline import load_path
    from .read import discover_files
    from .read.planfile import plan_from_data

    ruleset = (rules or load_rules(packs)).select(select, ignore)
    report = Report()
    opts = {"stage": "final", **dict(options or {})}
    subjects: list[Subject] = []
    items = [sources] if isinstance(sources, (str, Path, Plan, Mapping)) else list(sources)
    paths = [s for s in items if isinstance(s, (str, Path))]
    for item in items:
        if isinstance(item, Plan):
            subjects.append(_run(report, Subject(plan=item, options=opts), ruleset, lang))
        elif isinstance(item, Mapping):
            try:
                plan = plan_from_data(dict(item), source="<data>")
            except PlancheckError as exc:
                report.errors.append(FileError(path=exc.path or "<data>", message=exc.message,
                                               line=exc.line, column=exc.column))
                continue
            subjects.append(_run(report, Subject(plan=plan, options=opts), ruleset, lang))
    for path in discover_files(paths):
        try:
            loaded = load_path(path)
            report.sources[loaded.path] = loaded.lines
            if opts.get("kind") and loaded.document is not None:   # --kind: the user says what the text is
                loaded.plan.document.text_kind = TextKind(opts["kind"])
            if loaded.plan.document.text_kind is not None:
                report.kinds[loaded.path] = loaded.plan.document.text_kind.value
            subjects.append(_run(report, Subject(plan=loaded.plan, document=loaded.document,
                                                 structure=loaded.structure, options=opts), ruleset, lang))
        except PlancheckError as exc:
            report.errors.append(FileError(path=exc.path or str(path), message=exc.message,
                                           line=exc.line, column=exc.column))
        except Exception as exc:  # a bug in plancheck: report it, and go on with the other files
            report.errors.append(FileError(path=str(path), message=f"internal error ({type(exc).__name__}: {exc}); "
                                                                    "please report it with this file"))
    if any(rule.checker().scope == "run" for rule in ruleset):
        known = None
        if index is not None:
            from .index import open_index

            known = open_index(index)
        try:
            report.findings.extend(run_across(subjects, ruleset, lang, known))
        except PlancheckError:
            raise
        except Exception as exc:  # a bug in plancheck: the files' own findings still stand
            report.errors.append(FileError(path="<across documents>", message=(
                f"internal error ({type(exc).__name__}: {exc}) in the checks across documents; please report it")))
        report.findings.sort(key=lambda f: f.sort_key())
    return report


def _run(report: Report, subject: Subject, rules: RuleSet, lang: str) -> Subject:
    report.files.append(subject.plan.path or "<plan>")
    report.findings.extend(run_rules(subject, rules, lang))
    return subject
