"""Reports for other tools: ``concise`` (a line a finding), ``github`` (workflow annotations),
``junit`` (XML for CI test reports) and ``sarif`` (SARIF 2.1.0, for code-scanning services).

Each is a writer with the interface of the text and JSON streams (``write(result)`` for each
FileResult, Skipped or AcrossResult of plancheck.api.check_stream, ``close()``, ``exit_code``),
built by plancheck.report.writer from the rules that ran.
"""
from __future__ import annotations

import json
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from .. import __version__
from ..models.finding import Finding
from ..fix import EDITABLE, certain
from ..models.finding import Severity
from ..models.report import Tally


class _Writer:
    def __init__(self, out: TextIO, rules: Any = (), lang: str = "vi", fail_on: str | None = "error", *,
                 links: dict[str, str] | None = None) -> None:
        self.out, self.rules, self.lang, self.fail_on = out, list(rules), lang, fail_on
        self.links = links or {}   # each rule's section of the rule reference (plancheck.links)
        self.tally = Tally()

    def write(self, result: Any) -> None:
        self.tally.add(result)
        if not hasattr(result, "reason"):
            self.take(result)

    def take(self, result: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def exit_code(self, fail_on: str | None = "error") -> int:
        return self.tally.exit_code(fail_on)


def _where(f: Finding) -> str:
    loc = f.location
    return f"{loc.path}:{loc.line}:{loc.column}"


class ConciseStream(_Writer):
    """``path:line:col: PC101 [error] message``, a line a finding, nothing else."""

    def take(self, result: Any) -> None:
        for e in ([result.error] if result.error is not None else []) + list(result.faults):
            self.out.write(f"{e.path}{':' + str(e.line) if e.line else ''}: {e.rule or 'error'}: {e.message}\n")
        for f in sorted(result.findings, key=Finding.sort_key):
            self.out.write(f"{_where(f)}: {f.rule} [{f.severity.value}] {f.message}\n")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubStream(_Writer):
    """GitHub Actions workflow commands: each finding an annotation on its file and line."""

    def take(self, result: Any) -> None:
        for e in ([result.error] if result.error is not None else []) + list(result.faults):
            self.out.write(f"::error file={_gh_property(e.path)}{',line=' + str(e.line) if e.line else ''},"
                           f"title={_gh_property('plancheck')}::{_gh_data(e.message)}\n")
        for f in sorted(result.findings, key=Finding.sort_key):
            loc = f.location
            title = f"{f.rule} {f.slug}"
            self.out.write(f"::{_GITHUB_LEVEL[f.severity.value]} file={_gh_property(loc.path)},line={loc.line},"
                           f"col={loc.column},title={_gh_property(title)}::{_gh_data(f.message)}\n")


class JunitStream(_Writer):
    """JUnit XML: a test case per file checked, failing with its findings at or above fail-on
    (the others in its output); a file that could not be read is an error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cases: list[str] = []
        self.failures = self.errors = 0

    def take(self, result: Any) -> None:
        failing, other = [], []
        for f in result.findings:
            (failing if _at_least(f, self.fail_on) else other).append(f)
        body = []
        if result.error is not None:
            self.errors += 1
            body.append(f"<error message={quoteattr(result.error.message)}/>")
        for f in sorted(failing, key=Finding.sort_key):
            body.append(f"<failure type={quoteattr(f.rule)} message={quoteattr(f.message)}>"
                        f"{escape(_where(f) + ': ' + f.rule + ' [' + f.severity.value + '] ' + f.message)}</failure>")
        self.failures += bool(failing)
        if other:
            text = "\n".join(f"{_where(f)}: {f.rule} [{f.severity.value}] {f.message}"
                             for f in sorted(other, key=Finding.sort_key))
            body.append(f"<system-out>{escape(text)}</system-out>")
        name = getattr(result, "path", None) or "<across documents>"
        if not hasattr(result, "kind") and not result.findings and result.error is None:
            return   # the checks across documents found nothing: no case of their own
        self.cases.append(f'    <testcase classname="plancheck" name={quoteattr(name)}>'
                          + "".join(body) + "</testcase>")

    def close(self) -> None:
        count = len(self.cases)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f'<testsuites name="plancheck" tests="{count}" failures="{self.failures}" errors="{self.errors}">\n'
                       f'  <testsuite name="plancheck" tests="{count}" failures="{self.failures}" '
                       f'errors="{self.errors}">\n' + "\n".join(self.cases) + ("\n" if self.cases else "")
                       + "  </testsuite>\n</testsuites>\n")


def _at_least(f: Finding, fail_on: str | None) -> bool:
    order = [s.value for s in Severity]   # error, warning, info
    return fail_on is not None and order.index(f.severity.value) <= order.index(fail_on)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifStream(_Writer):
    """SARIF 2.1.0: one run, the rules that ran with their help text, each finding a result
    with its place, and a likely fix as a SARIF fix (a replacement of the figure)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []
        self.index = {r.id: i for i, r in enumerate(self.rules)}
        self.by_id = {r.id: r for r in self.rules}

    def take(self, result: Any) -> None:
        for e in ([result.error] if result.error is not None else []) + list(result.faults):
            note: dict[str, Any] = {"level": "error", "message": {"text": e.message}}
            if e.path:
                note["locations"] = [_location(e.path, e.line or 1, e.column or 1)]
            self.notifications.append(note)
        for f in sorted(result.findings, key=Finding.sort_key):
            item: dict[str, Any] = {"ruleId": f.rule, "level": _SARIF_LEVEL[f.severity.value],
                                    "message": {"text": f.message},
                                    "locations": [_location(f.location.path, f.location.line, f.location.column)]}
            if f.rule in self.index:
                item["ruleIndex"] = self.index[f.rule]
            pair = certain(f, self.by_id)
            if pair is not None and f.location.path.lower().endswith(EDITABLE):
                # a fix the rule marks certain, on a text file: a replacement of the figure's region
                start = f.location.column or 1
                item["fixes"] = [{"description": {"text": f.suggestion}, "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.location.path)},
                    "replacements": [{"deletedRegion": {"startLine": f.location.line, "startColumn": start,
                                                        "endColumn": start + len(pair[0])},
                                      "insertedContent": {"text": pair[1]}}]}]}]
            self.results.append(item)

    def close(self) -> None:
        rules = [{"id": r.id, "name": r.slug,
                  "shortDescription": {"text": r.doc.what},
                  **({"fullDescription": {"text": r.doc.why}} if r.doc.why else {}),
                  "help": {"text": r.doc.fix or r.doc.what},
                  "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.value]},
                  **({"helpUri": self.links[r.id]} if _published(self.links.get(r.id)) else {}),
                  "properties": {"category": r.category, "message": getattr(r.message, self.lang)}}
                 for r in self.rules]
        driver: dict[str, Any] = {"name": "plancheck", "version": __version__, "rules": rules}
        published = next((u for u in self.links.values() if _published(u)), None)
        if published:
            driver["informationUri"] = published.split("#")[0]
        run: dict[str, Any] = {
            "tool": {"driver": driver},
            "results": self.results,
            "invocations": [{"executionSuccessful": not self.tally.errors,
                             "toolExecutionNotifications": self.notifications}],
        }
        sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
        self.out.write(json.dumps(sarif, ensure_ascii=False, indent=2) + "\n")


def _published(url: str | None) -> bool:
    """A link a SARIF viewer elsewhere can follow: a web address, not this machine's file."""
    return bool(url) and url.startswith(("https://", "http://"))


def _uri(path: str) -> str:
    """A file's URI: file:// for an absolute path, else relative to where plancheck ran."""
    from pathlib import Path
    from urllib.parse import quote

    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/._-~")


def _location(path: str, line: int, column: int) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)},
                                 "region": {"startLine": max(1, int(line)), "startColumn": max(1, int(column))}}}

