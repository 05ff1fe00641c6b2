"""The HTML report: one self-contained page per run (no script or style fetched from elsewhere),
each document's lines with its findings marked where they stand, and a list of the findings to
jump between them (a link per finding; the finding jumped to is highlighted)."""
from __future__ import annotations

from html import escape
from typing import Any, TextIO

from .. import __version__
from ..i18n import N_, _
from ..models.finding import Finding
from ..models.report import Tally

_TITLE = N_("plancheck report")

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;height:100vh}
nav{width:34%;overflow:auto;border-right:1px solid #ccc;padding:0 12px;background:#fafafa}
main{flex:1;overflow:auto;padding:0 16px}
nav a{display:block;padding:4px 6px;border-radius:4px;color:#222;text-decoration:none;margin:2px 0}
nav a:hover{background:#e8eefc}
.sev-error{border-left:4px solid #c62828}.sev-warning{border-left:4px solid #ef8f00}.sev-info{border-left:4px solid #1e88e5}
.doc{margin:16px 0 32px}.doc h2{font-size:16px;border-bottom:1px solid #ddd}
.ln{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:13px;margin:0;padding:1px 4px}
.ln .no{color:#999;display:inline-block;width:4em;text-align:right;margin-right:8px;user-select:none}
mark{background:#ffe08a;border-radius:2px}
.note{font:13px system-ui,sans-serif;margin:2px 0 6px 4.6em;padding:4px 8px;background:#f3f3f3;border-radius:4px}
.note:target,.note.current{background:#ffd54f;outline:2px solid #c62828}
.gap{color:#999;font:12px ui-monospace,monospace;margin-left:4.6em}
"""

_SCRIPT = """
document.querySelectorAll('nav a').forEach(function(a){a.addEventListener('click',function(){
  document.querySelectorAll('.note.current').forEach(function(n){n.classList.remove('current')});
  var t=document.getElementById(a.getAttribute('href').slice(1)); if(t){t.classList.add('current')}
})});
"""

_CONTEXT = 2   # lines shown around a finding's line


class HtmlStream:
    """Keeps each file's findings and the lines around them; writes the page at the end."""

    def __init__(self, out: TextIO, rules: Any = (), lang: str = "vi", fail_on: str | None = "error", *,
                 links: dict[str, str] | None = None) -> None:
        self.out, self.lang, self.links = out, lang, links or {}
        from .text import labels   # the text report's words for severities and fixes

        self.words = {**labels(lang), "title": _(_TITLE, lang)}
        self.tally = Tally()
        self.docs: dict[str, list[tuple[Finding, dict[int, str]]]] = {}
        self.errors: list[str] = []

    def write(self, result: Any) -> None:
        self.tally.add(result)
        if hasattr(result, "reason"):
            return
        for e in ([result.error] if result.error is not None else []) + list(result.faults):
            self.errors.append(f"{e.path}: {e.message}")
        for f in sorted(result.findings, key=Finding.sort_key):
            lines = {}
            for n in range(max(1, f.location.line - _CONTEXT), f.location.line + _CONTEXT + 1):
                text = result.source_line(f.location.path, n)
                if text is not None:
                    lines[n] = text
            self.docs.setdefault(f.location.path, []).append((f, lines))

    def exit_code(self, fail_on: str | None = "error") -> int:
        return self.tally.exit_code(fail_on)

    def close(self) -> None:
        w, t = self.words, self.tally
        nav, body, k = [], [], 0
        for path, items in self.docs.items():
            body.append(f'<section class="doc"><h2>{escape(path)}</h2>')
            shown: dict[int, str] = {}
            notes: dict[int, list[tuple[int, Finding]]] = {}
            for f, lines in items:
                k += 1
                shown.update(lines)
                notes.setdefault(f.location.line, []).append((k, f))
                nav.append(f'<a class="sev-{f.severity.value}" href="#f{k}">{escape(f.rule)} '
                           f'<small>{escape(path)}:{f.location.line}</small><br>{escape(f.message[:160])}</a>')
            previous = None
            for n in sorted(shown):
                if previous is not None and n > previous + 1:
                    body.append('<div class="gap">…</div>')
                previous = n
                spans = [(f.location.column, f.location.end_column if f.location.end_line in (None, n) else None)
                         for _, f in notes.get(n, []) if f.location.column]
                body.append(f'<p class="ln"><span class="no">{n}</span>{_marked(shown[n], spans)}</p>')
                for key, f in notes.get(n, []):
                    fix = f'<br>{w["fix"].capitalize()}: {escape(f.suggestion)}' if f.suggestion else ""
                    code = escape(f.rule)
                    if f.rule in self.links:   # the rule's section of the reference
                        code = f'<a class="rule" href="{escape(self.links[f.rule])}">{code}</a>'
                    body.append(f'<div class="note sev-{f.severity.value}" id="f{key}"><b>{code}</b> '
                                f'[{w[f.severity.value]}] {escape(f.message)}{fix}</div>')
            body.append("</section>")
        from .text import _summary   # the summary the text report ends with, the same words

        summary = _summary(t.by_severity, t.files, t.errors, t.kinds, self.lang, len(t.skipped))
        errors = "".join(f"<p>{escape(e)}</p>" for e in self.errors)
        self.out.write(
            f'<!DOCTYPE html>\n<html lang="{self.lang}"><head><meta charset="utf-8">'
            f'<title>{w["title"]}</title><style>{_STYLE}</style></head><body>'
            f'<nav><h1 style="font-size:18px">{w["title"]}</h1><p id="summary">{escape(summary)}</p>{errors}'
            + "".join(nav) + f'<p><small>plancheck {__version__}</small></p></nav><main>' + "".join(body)
            + f"</main><script>{_SCRIPT}</script></body></html>\n")


def _marked(text: str, spans: list[tuple[int, int | None]]) -> str:
    """A line with the figure at each (column, end column) marked; with no end, up to the next space."""
    from ..text import token_end

    out, at = [], 0
    for column, end_column in sorted(set(s for s in spans if 1 <= s[0] <= len(text))):
        start = column - 1
        if start < at:
            continue
        end = end_column - 1 if end_column and start < end_column - 1 <= len(text) else token_end(text, start)
        out.append(escape(text[at:start]) + "<mark>" + escape(text[start:end]) + "</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)
