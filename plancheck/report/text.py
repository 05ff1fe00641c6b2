"""Human-readable output: `path:line:col: PC101 [error] message`, then the line."""
from __future__ import annotations

from collections import Counter

from ..models.report import Report

_LABELS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "fix": "sửa", "at": "tại dòng {line}, cột {column}",
           "files": "tệp", "findings": "phát hiện", "unreadable": "không đọc được", "clean": "Không có phát hiện nào"},
    "en": {"error": "error", "warning": "warning", "info": "info", "fix": "fix", "at": "at line {line}, column {column}",
           "files": "files", "findings": "findings", "unreadable": "unreadable", "clean": "No findings",
           "errors": "errors", "warnings": "warnings", "file": "file", "finding": "finding"},
}


def render(report: Report, lang: str = "vi", show_source: bool = True) -> str:
    words = _LABELS.get(lang, _LABELS["en"])
    out: list[str] = []
    for e in report.errors:
        where = e.path + (f":{e.line}" if e.line else "") + (f":{e.column}" if e.line and e.column else "")
        out.append(f"{where}: {words['unreadable']}: {e.message}")
    for f in report.findings:
        loc = f.location
        out.append(f"{loc.path}:{loc.line}:{loc.column}: {f.rule} [{words[f.severity.value]}] {f.message}")
        if show_source:
            line = report.source_line(loc.path, loc.line)
            if line is not None and line.strip():
                out.append(f"    | {line.rstrip()}")
                out.append("    | " + " " * max(0, loc.column - 1) + "^")
        if f.suggestion:
            # A likely fix may be of another figure than the one reported (an operand of a
            # failing comparison): then say where that figure is.
            fix = (f.evidence or {}).get("fix", {})
            elsewhere = ""
            if fix.get("line") and (fix["line"], fix["column"]) != (loc.line, loc.column):
                where = words["at"].format(line=fix["line"], column=fix["column"])
                elsewhere = f" ({where})" if fix.get("path") == loc.path else f" ({fix['at']})"
            out.append(f"    = {words['fix']}: {f.suggestion}{elsewhere}")
    counts = report.count_by_severity()

    def n(count: int, word: str) -> str:  # English plurals; Vietnamese has none
        singular = words.get(word) or words[word + "s"]
        plural = words.get(word + "s", singular) if word != "info" else singular
        return f"{count} {plural if count != 1 else singular}"

    kinds = _kinds(report, lang)
    if report.findings or report.errors:
        parts = [n(counts[s], s) for s in ("error", "warning", "info") if counts[s]]
        summary = n(len(report.findings), "finding") + (f" ({', '.join(parts)})" if parts else "")
        summary += f" · {n(len(report.files), 'file')}{kinds}"
        if report.errors:
            summary += f" · {len(report.errors)} {words['unreadable']}"
        out.append(summary)
    else:
        out.append(f"{words['clean']} · {n(len(report.files), 'file')}{kinds}")
    return "\n".join(out) + "\n"


def _kinds(report: Report, lang: str) -> str:
    """What the documents were taken for ("(trang bách khoa)", "(2 quyết định, 1 tin tức)"): the
    form rules apply to administrative documents only, so a reader should see the guess."""
    from ..models import TextKind

    counts = Counter(report.kinds.values())
    if not counts:
        return ""
    shown = [TextKind(k).localize(lang) for k in counts] if len(report.files) == 1 else \
        [f"{c} {TextKind(k).localize(lang)}" for k, c in counts.most_common()]
    return f" ({', '.join(shown)})"
