"""The outputs, one registry: each format's writer is built from the stream it writes to, the
rules that ran, the language and the severity that fails a run, and writes each result of
plancheck.api.check_stream as it comes (``write``), then what ends the report (``close``)."""
from __future__ import annotations

from typing import Any, TextIO

from ..i18n import N_

FORMATS = {
    "text": N_("a finding with its source line, a summary (for people)"),
    "concise": N_("a line a finding"),
    "json": N_("the JSON report (the contract for other tools)"),
    "github": N_("GitHub Actions annotations"),
    "junit": N_("JUnit XML (a test case per file)"),
    "sarif": N_("SARIF 2.1.0 (code-scanning services)"),
    "html": N_("one self-contained page: the documents with their findings marked in place"),
}


def writer(fmt: str, out: TextIO, *, rules: Any = (), lang: str = "vi", fail_on: str | None = "error",
           show_source: bool = True, statistics: bool = False, quiet: bool = False,
           links: dict[str, str] | None = None) -> Any:
    """The writer of one of FORMATS (``statistics``, ``quiet``: the text format's; ``links``:
    each rule's section of the rule reference, by id, plancheck.links.rule_links), handed each
    result with its text made safe to show (plancheck.report.shown)."""
    return _Shown(_writer(fmt, out, rules=rules, lang=lang, fail_on=fail_on, show_source=show_source,
                          statistics=statistics, quiet=quiet, links=links))


class _Shown:
    """A writer whose results' text is made safe to show first (a copy: --fix and --annotate
    keep working on the results as read)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, result: Any) -> None:
        from .shown import shown_result

        self.inner.write(shown_result(result))

    def close(self) -> Any:
        return self.inner.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _writer(fmt: str, out: TextIO, *, rules: Any, lang: str, fail_on: str | None, show_source: bool,
            statistics: bool, quiet: bool, links: dict[str, str] | None) -> Any:
    if fmt == "json":
        from .json import JsonStream

        return JsonStream(out)
    if fmt == "text":
        from .text import TextStream, use_colour

        return TextStream(out, lang=lang, show_source=show_source, statistics=statistics, quiet=quiet,
                          colour=use_colour(out), links=links)
    if fmt == "html":
        from .html import HtmlStream

        return HtmlStream(out, rules, lang, fail_on, links=links)
    from . import machine

    cls = {"concise": machine.ConciseStream, "github": machine.GithubStream, "junit": machine.JunitStream,
           "sarif": machine.SarifStream}[fmt]
    return cls(out, rules, lang, fail_on, links=links)
