"""The Python API: check a path, a Plan or a dict; get a Report."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from .checks.base import Subject
from .engine import RuleSet, load_rules, run_across, run_rules
from .errors import PlancheckError, internal_error
from .i18n import _
from .models import Plan
from .models.report import FileError, Report
from .policy import Policy
from .runner import AcrossResult, FileResult, RunSpec, Skipped, check_files

Source = str | Path | Plan | Mapping[str, Any]
ACROSS = "<across documents>"   # where a failure of the checks across documents is reported


def check(
    sources: Source | Iterable[Source],
    *,
    rules: RuleSet | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    packs: Iterable[str | Path] = (),
    lang: str | None = None,
    stage: str | None = None,
    options: Mapping[str, Any] | None = None,
    index: str | Path | None = None,
    extend_select: Iterable[str] | str | None = None,
    policy: "Policy | None" = None,
    config: str | Path | None = None,
    jobs: int = 1,
) -> Report:
    """Check files or folders (paths), Plans or plan mappings; return a Report.

    A file that cannot be read becomes an entry of ``report.errors``; the
    other sources are still checked. Bad rule packs or selections raise
    PlancheckError: nothing can be checked without rules.

    ``select``/``ignore``/``extend_select``: rule names as ``--select`` takes them, a list or one
    string ("PC1, comparison"). ``lang``: "vi" (the default) or "en". ``stage``: "draft",
    "final" or "auto" (the default: a Word file or a text marked "DỰ THẢO" is a draft).
    ``index`` is a file made by ``plancheck index`` whose documents citations are checked
    against; ``jobs`` > 1 checks files in that many worker processes (same report).

    ``config``: a settings file (plancheck.toml, or a pyproject.toml with [tool.plancheck])
    whose settings apply as they do to ``plancheck check --config FILE``, the keywords given
    over them. Without it no configuration is read: a library call does what its arguments
    say, wherever it runs. ``policy`` (plancheck.policy.Policy) is a configuration's
    ``exclude``, ``per-file-ignores`` and ``severity`` built by hand; ``options`` reach the
    checks as they are. A bad value raises PlancheckError.
    """
    report = Report()
    for result in check_stream(sources, rules=rules, select=select, ignore=ignore, packs=packs, lang=lang,
                               stage=stage, options=options, index=index, jobs=jobs, keep_lines=True,
                               extend_select=extend_select, policy=policy, config=config):
        result.add_to(report)
    report.findings.sort(key=lambda f: f.sort_key())
    return report


def check_text(text: str, *, name: str = "<text>.md", **keywords: Any) -> Report:
    """Check a document held in memory (not a path): ``name`` is what findings are reported by,
    and its suffix says how the text is read (.md, .txt, or a plan file's .yaml/.json). The
    keywords are ``check``'s."""
    import shutil
    import tempfile

    if not isinstance(text, str):
        raise PlancheckError(f"check_text takes the text itself (a str), not {type(text).__name__}")
    folder = Path(tempfile.mkdtemp(prefix="plancheck-text-"))
    try:
        saved = folder / (Path(name).name or "text.md")
        saved.write_text(text, encoding="utf-8")
        report = check(saved, **keywords)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report.findings = reported_as(report.findings, report.errors, str(saved), name)
    report.files = [name if p == str(saved) else p for p in report.files]
    report.kinds = {(name if p == str(saved) else p): k for p, k in report.kinds.items()}
    report.caveats = [dataclasses.replace(c, path=name) if c.path == str(saved) else c for c in report.caveats]
    if str(saved) in report.sources:
        report.sources[name] = report.sources.pop(str(saved))
    return report


def reported_as(findings: list[Any], errors: list[Any], saved: str, name: str) -> list[Any]:
    """The findings of a file saved at ``saved`` reported under ``name`` (text held in memory,
    standard input); its errors renamed in place."""
    from dataclasses import replace

    for e in errors:
        if e.path == saved:
            e.path = name
    return [replace(f, location=replace(f.location, path=name)) if f.location.path == saved else f
            for f in findings]


def check_stream(
    sources: Source | Iterable[Source],
    *,
    rules: RuleSet | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    packs: Iterable[str | Path] = (),
    lang: str | None = None,
    stage: str | None = None,
    options: Mapping[str, Any] | None = None,
    index: str | Path | None = None,
    extend_select: Iterable[str] | None = None,
    policy: "Policy | None" = None,
    config: str | Path | None = None,
    jobs: int = 1,
    keep_lines: bool = False,
) -> Iterator[FileResult | AcrossResult | Skipped]:
    """As ``check``, one result at a time: each source's (in order, as soon as it is
    checked), then the findings across documents. Only compact records of the documents
    are kept until the end, so memory does not grow with the number of files."""
    from .config import language

    # settings checked now, before the first result is asked for: a bad one is a usage error
    # before any output is written; a selection may be one string, "PC1,comparison"
    select, ignore, extend_select = _names(select), _names(ignore), _names(extend_select)
    if config is not None:   # the file's settings, the keywords given over them
        from .config import load_config, settings

        found = load_config(Path(config))
        s = settings(found, select=select, ignore=ignore, extend_select=extend_select,
                     lang=lang or found.get("lang") or "vi", stage=stage, index=str(index) if index else None)
        select, ignore, extend_select = s["select"], s["ignore"], s["extend_select"]
        lang, stage, index, packs = s["lang"], s["stage"], s["index"], [*s["rules"], *packs]
        # a time limit only when the file sets one: it installs a timer in the caller's thread
        options = {"limits": s["limits"], **({"timeout": s["timeout"]} if "timeout" in found else {}),
                   **dict(options or {})}
        if policy is None:
            policy = Policy.of(s["exclude"], s["per_file_ignores"], s["severity"], s["exclude_base"],
                               s["config_file"])
    lang = language(lang or "vi", "lang")
    if stage is not None:
        if stage not in ("draft", "final", "auto"):
            raise PlancheckError(f"stage: {stage!r} is not draft, final or auto")
        options = {**dict(options or {}), "stage": stage}
    every = rules or load_rules(packs)
    if policy:
        policy.check_rules(every)
    ruleset = every.select(select, ignore, extend_select)
    return _stream(_checked_sources(sources, lang), ruleset, lang, options, index, jobs, keep_lines, policy)


def _checked_sources(sources: Any, lang: str) -> list[Any]:
    """The sources as a list, each a path (str or pathlib.Path), a plan mapping or a Plan;
    PlancheckError for anything else, said before any file is read: an empty path (which the
    system would take for the current folder), a path holding a NUL, bytes, None."""
    items = [sources] if isinstance(sources, (str, Path, Plan, Mapping)) else \
        list(sources) if isinstance(sources, Iterable) and not isinstance(sources, (bytes, bytearray)) else [sources]
    for item in items:
        if isinstance(item, (str, Path)):
            text = str(item)
            if not text:
                raise PlancheckError(_("an empty path names no file (give '.' for the current folder)", lang))
            if "\x00" in text:
                raise PlancheckError(_("a path cannot hold a NUL character: {path!r}", lang).format(path=text))
        elif not isinstance(item, (Plan, Mapping)):
            raise PlancheckError(_("cannot check {kind}: give a path (str or pathlib.Path), a plan mapping or a "
                                   "Plan", lang).format(kind=type(item).__name__))
    return items


def _names(value: Iterable[str] | str | None) -> list[str] | None:
    """Rule names given as a list, or as one string of them separated by commas or spaces."""
    if value is None:
        return None
    if isinstance(value, str):
        return [v for v in value.replace(",", " ").split() if v]
    return list(value)


def _stream(sources, ruleset: RuleSet, lang: str, options, index, jobs: int, keep_lines: bool,
            policy: Policy | None) -> Iterator[FileResult | AcrossResult | Skipped]:
    from .i18n import restore, use

    token = use(lang)   # what is said without a language at hand (a file's error) is said in this one
    try:
        yield from _results(sources, ruleset, lang, options, index, jobs, keep_lines, policy)
    finally:
        restore(token)   # and the caller's language is its own again


def _results(sources, ruleset: RuleSet, lang: str, options, index, jobs: int, keep_lines: bool,
             policy: Policy | None) -> Iterator[FileResult | AcrossResult | Skipped]:
    from .read import discover_files

    items = list(sources)   # checked by check_stream (_checked_sources)
    paths = [s for s in items if isinstance(s, (str, Path))]
    skipped: list[tuple[Path, str]] = []
    if index is not None:   # a bad index is said before any file is checked or any report begun
        from .index import open_index

        open_index(index).close()
    excluded = policy.excluded if policy is not None and (policy.exclude or policy.written) else None
    files = list(discover_files(paths, skipped, excluded))
    across = any(rule.scope == "run" for rule in ruleset)
    # one source without an index cites nothing it could be checked against: no records to
    # keep, and the checks across documents are not even loaded
    linked = across and (len(files) + len(items) - len(paths) > 1 or index is not None)
    spec = RunSpec(rules=ruleset, lang=lang, options={"stage": "auto", **dict(options or {})},
                   keep_lines=keep_lines, records=linked)
    records: list[Any] = []
    for item in items:
        if isinstance(item, (str, Path)):
            continue
        result = FileResult(path="<plan>")
        try:
            if isinstance(item, Plan):
                plan = item
            else:
                from .read.planfile import plan_from_data

                plan = plan_from_data(dict(item), source="<data>")
            subject = Subject(plan=plan, options=spec.options)
            result.path = plan.path or "<plan>"
            faults: list[tuple[str, str]] = []
            result.findings = run_rules(subject, ruleset, lang, faults)
            if policy:   # the configuration's severities (and a glob naming "<data>")
                result.findings = policy.adjust(result.findings)
            result.faults = [FileError(path=result.path, message=m, rule=r) for r, m in faults]
            if linked:
                from .checks.cross_document import cross_record

                result.record = cross_record(subject)
        except PlancheckError as exc:
            result.error = FileError(path=exc.path or "<data>", message=exc.message, line=exc.line,
                                     column=exc.column)
        records.append(result.record)
        yield result
    for path, reason in skipped:
        yield Skipped(str(path), reason)
    suppressions: list[Any] = []   # the files' own, for the findings across documents
    for result in check_files(files, spec, jobs):
        records.append(result.record)
        result.record = None
        suppressions += result.suppressions
        result.suppressions = []
        if policy:
            result.findings = policy.adjust(result.findings)
        yield result
    if across:
        result = _across([r for r in records if r is not None], ruleset, lang, index, jobs) if linked \
            else AcrossResult()
        if suppressions:
            from . import suppress

            result.findings = suppress.apply(result.findings, suppressions)
            reporter = next((r for r in ruleset if r.scope == "suppression"), None)
            if reporter is not None:
                result.findings += suppress.unused([s for s in suppressions if suppress.judged(s, ruleset, "run")],
                                                   reporter, lang)
            result.findings.sort(key=lambda f: f.sort_key())
        if policy:
            result.findings = policy.adjust(result.findings)
        yield result


def _across(records: list[Any], ruleset: RuleSet, lang: str, index: str | Path | None,
            jobs: int = 1) -> AcrossResult:
    result = AcrossResult()
    try:
        if jobs > 1 and len(records) >= 4 * jobs:
            # each worker links a share of the documents (reading again those that cite
            # another), every record still a known document to all
            from .runner import map_in_order

            shares = [range(i, len(records), jobs * 4) for i in range(jobs * 4)]
            faults: list[tuple[str, str]] = []
            for findings, lines, share_faults in map_in_order(_across_share, shares, (records, ruleset, lang, index),
                                                              jobs):
                result.findings += findings
                result.lines.update(lines)
                faults += [f for f in share_faults if f not in faults]
            result.findings.sort(key=lambda f: f.sort_key())
        else:
            result.findings, result.lines, faults = _across_share(range(len(records)),
                                                                  (records, ruleset, lang, index))
        result.faults = [FileError(path=ACROSS, message=message, rule=rule) for rule, message in faults]
    except PlancheckError:
        raise
    except Exception as exc:  # a bug in plancheck: the files' own findings still stand
        result.error = FileError(path=ACROSS, message=internal_error(exc, "in the checks across documents"))
    return result


def _across_share(share: range, shared: tuple) -> tuple[list[Any], dict[str, dict[int, str]], list[tuple[str, str]]]:
    """The findings across documents of the records at ``share`` (all of them known), and the
    source lines of their linked citations."""
    from .checks.cross_document import Linking

    records, ruleset, lang, index = shared
    known = None
    if index is not None:
        from .index import open_index

        known = open_index(index)
    mine = Linking(records, share)
    faults: list[tuple[str, str]] = []
    findings = run_across(mine, ruleset, lang, known, faults)
    return findings, {records[i].me.path: records[i].lines for i in share if records[i].lines}, faults
