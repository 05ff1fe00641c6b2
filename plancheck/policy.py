"""What a team's configuration says of findings after the rules ran: files not checked
(``exclude``), rules not reported on some files (``per-file-ignores``), and rules reported at
another severity (``severity``, "off" for none). Globs are matched against a file's path
relative to the configuration's folder (``*`` crosses folders, as in ruff's globs), or its name."""
from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .engine import names, specificity
from .errors import PlancheckError
from .i18n import _
from .models import Severity


@dataclass
class Policy:
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    base: Path = field(default_factory=Path.cwd)
    source: str | None = None   # the configuration file, for messages
    aliases: dict[str, str] = field(default_factory=dict)   # a file read under another name (standard input)
    # Files the run writes (its report, an annotated copy, a baseline): never checked when a
    # folder holds them, absolute and resolved.
    written: set[Path] = field(default_factory=set)

    @classmethod
    def of(cls, exclude: Iterable[str] = (), per_file_ignores: Mapping[str, Iterable[str]] | None = None,
           severity: Mapping[str, str] | None = None, base: str | Path | None = None,
           source: str | None = None) -> "Policy":
        return cls(list(exclude), {g: list(r) for g, r in (per_file_ignores or {}).items()}, dict(severity or {}),
                   Path(base) if base else Path.cwd(), source)

    def __bool__(self) -> bool:
        return bool(self.exclude or self.per_file_ignores or self.severity)

    def check_rules(self, rules: Any) -> None:
        """PlancheckError, with a "did you mean", for a rule the settings name that none is."""
        for where, keys in (("per-file-ignores", [k for ks in self.per_file_ignores.values() for k in ks]),
                            ("severity", list(self.severity))):
            for key in keys:
                if not rules._matches_any(key):
                    raise PlancheckError(f"{where}: {key!r} names no rule, slug or category{rules.did_you_mean(key)}",
                                         self.source)

    def excluded(self, path: Path) -> str | None:
        """Why a file found in a folder is not checked, or None."""
        if self.written and path.resolve() in self.written:
            return _("written by this run (its report)")
        rel = relative(path, self.base)
        for glob in self.exclude:
            if _matches(rel, path.name, glob):
                return _("excluded by the configuration (exclude = {glob!r})").format(glob=glob)
        return None

    def adjust(self, findings: list[Any]) -> list[Any]:
        """Findings with the per-file ignores and the severity overrides applied."""
        if not (self.per_file_ignores or self.severity):
            return findings
        out = []
        for f in findings:
            path = Path(self.aliases.get(f.location.path, f.location.path))
            rel = relative(path, self.base)
            if any(_matches(rel, path.name, glob) and any(_names(k, f) for k in keys)
                   for glob, keys in self.per_file_ignores.items()):
                continue
            named = [(specificity(key, f.rule, f.slug), lvl) for key, lvl in self.severity.items() if _names(key, f)]
            level = max(named)[1] if named else None   # the closest name wins: PC252 over number-format
            if level == "off":
                continue
            if level is not None and level != f.severity.value:
                f = dataclasses.replace(f, severity=Severity(level))
            out.append(f)
        return out


def _names(key: str, finding: Any) -> bool:
    return names(key, finding.rule, finding.slug, finding.category)


def relative(path: Path, base: Path) -> str:
    """A path relative to a folder, as POSIX (as given when it is not under it)."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _matches(rel: str, name: str, glob: str) -> bool:
    glob = glob.removeprefix("./").rstrip("/")
    if "/" not in glob:   # a bare name matches at any depth, a file or a folder, as ruff's
        return fnmatch.fnmatch(name, glob) or any(fnmatch.fnmatch(part, glob) for part in rel.split("/")[:-1])
    return fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(rel, glob + "/*")
