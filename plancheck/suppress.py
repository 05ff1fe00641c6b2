"""Suppressions: a finding a team has accepted, written where the finding is, with its reason.

- Markdown and text: ``<!-- plancheck: ignore PC101, PC203 -- reason -->`` on a line of its own
  covers the block after it (the lines up to the next blank line), or, after text on a line, the
  block it ends; ``<!-- plancheck: disable PC101 -- reason -->`` covers every line until
  ``<!-- plancheck: enable PC101 -->`` (or the end of the file).
- Plan files (YAML): ``# plancheck: ignore[PC251] reason`` at the end of a line covers that
  line, alone on a line the next one; an indicator's ``ignore:`` list covers the indicator.
- Word: a comment whose text starts with ``plancheck: ignore PC101 -- reason`` covers the
  paragraph or table its anchored range starts in.

Rules are named as ``--select`` names them: an id (PC101), an id's prefix (PC1), a slug or a
category. A suppression that suppresses nothing is itself reported (PC001, as ruff's RUF100),
when the rules it names were run: one that names a deselected rule is not judged.

Written here: linters' suppression syntaxes (ruff's noqa, Vale's comments) belong to their tools.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable

from .engine import CATEGORIES, names
from .models import Finding, Location, Severity
from .lazyre import lazy_compile

UNUSED_RULE = "PC001"

# "plancheck: ignore PC101, PC203 -- reason"; the words and rule names are case-insensitive.
_DIRECTIVE = r"plancheck\s*:\s*(?P<verb>ignore|disable|enable)\b\s*(?P<keys>[^\n]*?)\s*(?:--\s*(?P<reason>.*?))?\s*"
_HTML = lazy_compile(r"<!--\s*" + _DIRECTIVE + r"-->", re.IGNORECASE)
_YAML = lazy_compile(r"#\s*plancheck\s*:\s*ignore\s*\[(?P<keys>[^\]]*)\]\s*(?P<reason>.*?)\s*$", re.IGNORECASE)
_WORD = lazy_compile(r"^\s*" + _DIRECTIVE + r"$", re.IGNORECASE | re.DOTALL)


@dataclass(slots=True)
class Suppression:
    """Rules (``keys``, as --select names them) not reported on lines ``first``-``last`` of a
    file, said at ``location`` with a ``reason``; ``used`` once it has suppressed a finding."""

    keys: tuple[str, ...]
    reason: str
    location: Location
    first: int
    last: int
    used: bool = False
    written: str = ""                 # the directive as written, for the report

    def covers(self, finding: Finding) -> bool:
        loc = finding.location
        return loc.path == self.location.path and self.first <= loc.line <= self.last \
            and any(names(key, finding.rule, finding.slug, finding.category) for key in self.keys)


def _known(key: str) -> bool:
    """Whether a key names any rule plancheck has (selected or not)."""
    if key.casefold() == "all" or key.casefold() in CATEGORIES:
        return True
    ids, slugs = _rule_names()
    return key.casefold() in slugs or any(i.startswith(key.upper()) for i in ids) and bool(re.fullmatch(r"[A-Za-z]{2,}\d*", key))


@functools.lru_cache(maxsize=1)
def _rule_names() -> tuple[tuple[str, ...], frozenset[str]]:
    from .engine import load_rules

    rules = list(load_rules())
    return tuple(r.id for r in rules), frozenset(r.slug for r in rules)


def _split_keys(text: str, reason: str | None) -> tuple[tuple[str, ...], str]:
    """The rule names a directive gives and its reason: names as long as they name rules (or look
    like rule ids, "PC952"); without "--", the first other word starts the reason, so that the
    words of a reason ("… vì all số liệu …") never name rules."""
    tokens = [k for k in re.split(r"[\s,]+", text.strip()) if k]
    keys: list[str] = []
    for i, token in enumerate(tokens):
        if _known(token) or re.fullmatch(r"[A-Za-z]{2}\d{1,3}", token):
            keys.append(token)
            continue
        rest = " ".join(tokens[i:])
        return tuple(keys), (rest + (" -- " + reason if reason else "")).strip()
    return tuple(keys), (reason or "").strip()


# -- finding them ---------------------------------------------------------------------------------
def in_document(document: Any) -> list[Suppression]:
    """The suppressions of a text, a Markdown file or a Word file."""
    if document is None:
        return []
    if document.source_format == "docx":
        return _in_word(document)
    if document.source_format not in ("text", "markdown"):
        return []
    return _in_lines(document.path, document.lines)


def _in_lines(path: str, lines: list[str]) -> list[Suppression]:
    found: list[Suppression] = []
    open_: dict[str, Suppression] = {}   # disabled rules, until enabled again
    for number, line in enumerate(lines, 1):
        if "plancheck" not in line:
            continue
        for m in _HTML.finditer(line):
            (keys, reason), verb = _split_keys(m.group("keys"), m.group("reason")), m.group("verb").lower()
            where = Location(path=path, line=number, column=m.start() + 1)
            if verb == "ignore":
                alone = not (line[:m.start()] + line[m.end():]).strip()
                first, last = _block_after(lines, number) if alone else _block_of(lines, number)
                found.append(Suppression(keys, reason, where, first, last, written=m.group(0)))
            elif verb == "disable":
                for key in keys:
                    sup = Suppression((key,), reason, where, number + 1, len(lines), written=m.group(0))
                    open_[key.casefold()] = sup
                    found.append(sup)
            else:   # enable
                for key in keys:
                    sup = open_.pop(key.casefold(), None)
                    if sup is not None:
                        sup.last = number - 1
    return found


def _block_after(lines: list[str], number: int) -> tuple[int, int]:
    """The lines of the block after line ``number``: from the next line with text to the line
    before the next blank one."""
    first = number + 1
    while first <= len(lines) and not lines[first - 1].strip():
        first += 1
    last = first
    while last < len(lines) and lines[last].strip():
        last += 1
    return first, last


def _block_of(lines: list[str], number: int) -> tuple[int, int]:
    first = number
    while first > 1 and lines[first - 2].strip():
        first -= 1
    return first, number


def _in_word(document: Any) -> list[Suppression]:
    found = []
    for comment in document.comments:
        m = _WORD.match(comment.get("text") or "")
        block = comment.get("block")
        if not m or m.group("verb").lower() != "ignore" or block is None or not 0 <= block < len(document.blocks):
            continue
        lines = _block_lines(document.blocks[block])
        if not lines:
            continue
        where = _block_start(document.blocks[block]) or Location(path=document.path, line=min(lines))
        keys, reason = _split_keys(m.group("keys"), m.group("reason"))
        found.append(Suppression(keys, reason, where, min(lines), max(lines),
                                 written=(comment.get("text") or "").strip()))
    return found


def _block_lines(block: Any) -> list[int]:
    pieces = [c for row in block.rows for c in row.cells] if hasattr(block, "rows") else [block]
    return [span.location.line for piece in pieces for span in piece.spans]


def _block_start(block: Any) -> Location | None:
    pieces = [c for row in block.rows for c in row.cells] if hasattr(block, "rows") else [block]
    return next((span.location for piece in pieces for span in piece.spans), None)


def in_plan_file(path: str, lines: list[str], plan: Any) -> list[Suppression]:
    """The suppressions of a plan file: comments on its lines, and its indicators' ``ignore`` lists."""
    found = []
    for number, line in enumerate(lines, 1):
        if "plancheck" not in line:
            continue
        m = _YAML.search(line)
        if not m:
            continue
        alone = not line[:m.start()].strip()
        target = number + 1 if alone else number
        found.append(Suppression(tuple(k for k in re.split(r"[\s,]+", m.group("keys")) if k), m.group("reason").strip(),
                                 Location(path=path, line=number, column=m.start() + 1), target, target,
                                 written=m.group(0).strip()))
    indicators = [i for i in plan.indicators if i.location is not None]
    for k, indicator in enumerate(indicators):
        if not indicator.ignore:
            continue
        first = indicator.location.line
        last = indicators[k + 1].location.line - 1 if k + 1 < len(indicators) else len(lines)
        for key, reason, line in indicator.ignore:
            where = Location(path=path, line=line or first, column=1)
            found.append(Suppression((key,), reason, where, first, last, written=f"ignore: {key}"))
    return found


# -- applying them --------------------------------------------------------------------------------
def apply(findings: Iterable[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; the suppressions that cover one are marked used."""
    kept = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    return kept


def judged(suppression: Suppression, rules: Iterable[Any], scope: str) -> bool:
    """Whether a suppression's use can be judged by the rules of ``scope`` that ran: it names at
    least one of them, and none of another scope that also ran (judged at that stage). One that
    names no rule plancheck has, or no rule at all, is judged at once: it can suppress nothing."""
    if scope == "document" and (not suppression.keys or not all(_known(k) for k in suppression.keys)):
        return True
    named = [r for r in rules if r.scope in ("document", "run")
             and any(names(k, r.id, r.slug, r.category) for k in suppression.keys)]
    return bool(named) and all(r.scope == scope for r in named)


def unused(suppressions: list[Suppression], rule: Any, lang: str) -> list[Finding]:
    """A finding of ``rule`` (PC001) for each suppression that suppressed nothing."""
    out = []
    for s in suppressions:
        if s.used:
            continue
        fields = {"keys": ", ".join(s.keys), "written": s.written}
        out.append(Finding(rule=rule.id, slug=rule.slug, category=rule.category, severity=Severity(rule.severity.value),
                           message=rule.message_for(lang).format_map(_Missing(fields)), location=s.location,
                           evidence={"keys": list(s.keys), "reason": s.reason, "lines": [s.first, s.last]}))
    return out


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return ""
