"""Human-readable output: `path:line:col: PC101 [error] message`, then the line."""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, TextIO

from ..models.finding import Finding
from ..models.location import Location
from ..i18n import N_, Nn_, _, counted
from ..models.report import Caveat, FileError, Report, Tally

_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info"), "fix": N_("fix"),
          "at": N_("at line {line}, column {column}"), "unreadable": N_("unreadable"),
          "clean": N_("No findings"), "internal": N_("internal error"), "skipped": N_("skipped"),
          "note": N_("note")}
# counted words, singular and plural (Vietnamese has one form: the catalog's Plural-Forms)
_COUNTED = {"finding": Nn_("{n} finding", "{n} findings"), "file": Nn_("{n} file", "{n} files"),
            "error": Nn_("{n} error", "{n} errors"), "warning": Nn_("{n} warning", "{n} warnings"),
            "info": Nn_("{n} info", "{n} info")}


def labels(lang: str) -> dict[str, str]:
    """The report's words (severities, "fix", "at line …") in ``lang``."""
    return {key: _(word, lang) for key, word in _WORDS.items()}





def render(report: Report, lang: str = "vi", show_source: bool = True) -> str:
    words = labels(lang)
    out = [f"{s.path}: {words['skipped']}: {s.reason}" for s in report.skipped]
    out += [_error_line(e, words) for e in report.errors]
    out += [_caveat_line(c, words, lang) for c in report.caveats]
    for f in report.findings:
        out += _finding_lines(f, report.source_line if show_source else None, words, lang)
    out.append(_summary(report.count_by_severity(), len(report.files), report.errors, report.kinds, lang,
                        len(report.skipped)))
    return "\n".join(out) + "\n"


class TextStream:
    """The text report written as a run goes: each file's findings when its turn comes
    (plancheck.api.check_stream), the findings across documents after them, the summary
    last. Only counts are kept (``tally``), for the summary; a file's lines are let go."""

    def __init__(self, out: TextIO, lang: str = "vi", show_source: bool = True, *, statistics: bool = False,
                 quiet: bool = False, colour: bool = False, links: dict[str, str] | None = None) -> None:
        self.out, self.lang, self.show_source = out, lang, show_source
        # on a terminal that shows links, each rule code links to its section of the reference
        self.links = (links or {}) if colour and shows_links() else {}
        self.statistics, self.quiet, self.colour = statistics, quiet, colour
        self.words = labels(lang)
        self.tally = Tally()
        self.slugs: dict[str, str] = {}

    def write(self, result: Any) -> None:
        """A FileResult or the AcrossResult (plancheck.runner)."""
        self.tally.add(result)
        if hasattr(result, "reason"):   # a file of a folder that is not read
            self.out.write(f"{result.path}: {self.words['skipped']}: {result.reason}\n")
            return
        errors = ([result.error] if result.error is not None else []) + result.faults
        lines = [_error_line(e, self.words) for e in errors]
        if not self.quiet:
            lines += [_caveat_line(c, self.words, self.lang) for c in getattr(result, "caveats", ())]
        source = result.source_line if self.show_source else None
        for f in sorted(result.findings, key=Finding.sort_key):
            self.slugs[f.rule] = f.slug
            if not self.statistics:
                lines += _finding_lines(f, source, self.words, self.lang, self.colour, self.links.get(f.rule))
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def close(self) -> None:
        t = self.tally
        if self.statistics:   # as ruff's --statistics: a line a rule, most frequent first
            for rule, count in sorted(t.by_rule.items(), key=lambda item: (-item[1], item[0])):
                self.out.write(f"{count:>6}  {rule}  {self.slugs.get(rule, '')}\n")
        if not self.quiet:
            self.out.write(_summary(t.by_severity, t.files, t.errors, t.kinds, self.lang, len(t.skipped)) + "\n")

    def exit_code(self, fail_on: str = "error") -> int:
        return self.tally.exit_code(fail_on)


def _caveat_line(c: Caveat, words: dict[str, str], lang: str) -> str:
    return f"{c.path}: {words['note']}: {getattr(c, lang, c.en)}"


def _error_line(e: FileError, words: dict[str, str]) -> str:
    where = e.path + (f":{e.line}" if e.line else "") + (f":{e.column}" if e.line and e.column else "")
    if e.rule:   # a rule failed on a file that was read: its other rules' findings follow
        return f"{where}: {e.rule} [{words['internal']}]: {e.message}"
    return f"{where}: {words['unreadable']}: {e.message}"


_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m", "rule": "\x1b[1m",
            "end": "\x1b[0m"}


def use_colour(out: TextIO) -> bool:
    """Colour on a terminal, as the conventions say: NO_COLOR set turns it off, FORCE_COLOR on."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(out, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def shows_links() -> bool:
    """Whether the terminal shows OSC 8 links (the heuristic of the supports-hyperlinks package,
    which ruff uses too): FORCE_HYPERLINK decides; else terminals known to show them."""
    import os

    forced = os.environ.get("FORCE_HYPERLINK")
    if forced is not None:
        return forced not in ("", "0")
    if os.environ.get("WT_SESSION") or os.environ.get("KONSOLE_VERSION") or os.environ.get("DOMTERM"):
        return True
    if os.environ.get("TERM_PROGRAM") in ("iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"):
        return True
    vte = os.environ.get("VTE_VERSION", "")
    return vte.isdigit() and int(vte) >= 5000


def _link(text: str, url: str) -> str:
    """An OSC 8 link (the URL's own control characters cannot reach the terminal: it is quoted)."""
    from urllib.parse import quote

    return f"\x1b]8;;{quote(url, safe=':/#?&=%@+,;~')}\x1b\\{text}\x1b]8;;\x1b\\"


def _finding_lines(f: Finding, source_line: Callable[[str, int], str | None] | None,
                   words: dict[str, str], lang: str, colour: bool = False,
                   link: str | None = None) -> list[str]:
    loc = f.location
    level, rule = words[f.severity.value], f.rule
    if colour:
        level = f"{_COLOURS[f.severity.value]}{level}{_COLOURS['end']}"
        rule = f"{_COLOURS['rule']}{rule}{_COLOURS['end']}"
    if link:
        rule = _link(rule, link)
    out = [f"{_where(loc, lang)}: {rule} [{level}] {f.message}"]
    if source_line is not None:
        line = source_line(loc.path, loc.line)
        if line is not None and line.strip():
            out.append(f"    | {line.rstrip()}")
            out.append("    | " + " " * max(0, loc.column - 1) + "^")
    if f.suggestion:
        # A likely fix may be of another figure than the one reported (an operand of a
        # failing comparison): then say where that figure is.
        fix = (f.evidence or {}).get("fix", {})
        elsewhere = ""
        if fix.get("line") and (fix["line"], fix["column"]) != (loc.line, loc.column):
            at = Location(**{k: fix[k] for k in _WORD_KEYS if k in fix})
            where = at.place(lang) if at.in_document_terms else words["at"].format(line=fix["line"],
                                                                                   column=fix["column"])
            elsewhere = f" ({where})" if fix.get("path") == loc.path else f" ({fix['at']})"
        out.append(f"    = {words['fix']}: {f.suggestion}{elsewhere}")
    return out


_WORD_KEYS = ("paragraph", "table", "row", "cell", "part", "page", "page_line")


def _where(loc: Location, lang: str) -> str:
    """path:line:column, or where the document shows it: "draft.docx: đoạn 12", "draft.docx:
    bảng 2, hàng 3, ô 4", "nq.pdf: trang 2, dòng 14"."""
    return f"{loc.path}: {loc.place(lang)}" if loc.in_document_terms else f"{loc.path}:{loc.line}:{loc.column}"


def _summary(counts: dict[str, int], files: int, errors: list[FileError], kinds: dict[str, str], lang: str,
             skipped: int = 0) -> str:
    words = labels(lang)
    total = sum(counts.values())

    def n(count: int, word: str) -> str:   # "3 findings", "1 file" in the report's language
        return counted(_COUNTED[word], count, lang)

    shown_kinds = _kinds(kinds, files, lang) + (f" · {skipped} {words['skipped']}" if skipped else "")
    if total or errors:
        parts = [n(counts[s], s) for s in ("error", "warning", "info") if counts.get(s)]
        summary = n(total, "finding") + (f" ({', '.join(parts)})" if parts else "")
        summary += f" · {n(files, 'file')}{shown_kinds}"
        unreadable = sum(1 for e in errors if not e.rule)
        if unreadable:
            summary += f" · {unreadable} {words['unreadable']}"
        if len(errors) > unreadable:
            summary += f" · {len(errors) - unreadable} {words['internal']}"
        return summary
    return f"{words['clean']} · {n(files, 'file')}{shown_kinds}"


def _kinds(kinds: dict[str, str], files: int, lang: str) -> str:
    """What the documents were taken for ("(trang bách khoa)", "(2 quyết định, 1 tin tức)"): the
    form rules apply to administrative documents only, so a reader should see the guess."""
    from ..models import TextKind

    counts = Counter(kinds.values())
    if not counts:
        return ""
    shown = [TextKind(k).localize(lang) for k in counts] if files == 1 else \
        [f"{c} {TextKind(k).localize(lang)}" for k, c in counts.most_common()]
    return f" ({', '.join(shown)})"
