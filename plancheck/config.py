"""Project configuration: `[tool.plancheck]` in pyproject.toml, or a plancheck.toml.

    [tool.plancheck]
    stage = "draft"          # draft | final | auto (default: a Word file or a text marked "DỰ THẢO" is a draft)
    select = ["PC1", "date"]
    ignore = ["PC102"]
    rules = ["rules/local.yaml"]   # extra packs, relative to the config file
    fail-on = "warning"
    lang = "en"
    index = "plans.index.sqlite"
    extend-select = ["PC001"]      # added to select (or to every rule)
    extend-ignore = ["PC953"]      # added to ignore; --ignore on the command line adds too
    exclude = ["archive/**", "*.draft.md"]   # files not checked (said in the report's skipped)
    max-file-size = 8        # MB: a larger text or plan file is refused (real ones: under 1 MB)
    max-line-length = 50000  # characters: a longer line is refused (real ones: under 5,000)
    timeout = 60             # seconds one file may take (0: no limit)

    [tool.plancheck.per-file-ignores]
    "du-lieu/2020/*.yaml" = ["PC201"]   # rules not reported on files matching a glob
    [tool.plancheck.severity]
    PC253 = "info"                      # a rule's findings at another severity ("off": none)

The nearest file from the current folder upward wins; command-line options win over it, except
--ignore, which adds to the ignored rules as ruff's does (--select replaces; --extend-select adds).
A misspelt setting or rule gets a "did you mean".
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import PlancheckError

KEYS = {"stage", "select", "ignore", "extend-select", "extend-ignore", "exclude", "per-file-ignores", "severity",
        "rules", "fail-on", "lang", "index", "max-file-size", "max-line-length", "timeout",
        "rules-url"}
SEVERITIES = ("error", "warning", "info", "off")
DEFAULT_TIMEOUT = 60.0   # seconds per file: ten times the slowest real document
from .i18n import LANGUAGES, language_code  # noqa: E402  (one list of the languages plancheck speaks)
from .lazyre import lazy_compile


def language(value: str, where: str = "lang") -> str:
    """A language of messages: "vi" or "en", also written as a locale ("vi_VN.UTF-8", "en-US");
    PlancheckError naming ``where`` (an option, a setting, PLANCHECK_LANG) for any other."""
    code = language_code(value)
    if code not in LANGUAGES:
        raise PlancheckError(f"{where}: unknown language {value!r} (plancheck speaks {', '.join(LANGUAGES)})")
    return code


def environment_language() -> str:
    """PLANCHECK_LANG, checked; when unset, the locale's language if it is Vietnamese or
    English (plancheck.i18n.from_environment), else Vietnamese."""
    from .i18n import from_environment

    value = os.environ.get("PLANCHECK_LANG", "").strip()
    return language(value, "PLANCHECK_LANG") if value else from_environment()


def did_you_mean(word: str, known) -> str:
    """ "; did you mean 'x'?" for the nearest known word, or nothing."""
    import difflib

    close = difflib.get_close_matches(word, [str(k) for k in known], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


_TOOL_TABLE = lazy_compile(r"^\s*\[\s*tool\.plancheck\s*[\].]", re.MULTILINE)   # [tool.plancheck] or a sub-table


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "plancheck.toml").is_file():
            return candidate / "plancheck.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _TOOL_TABLE.search(pyproject.read_text(encoding="utf-8", errors="replace")):
            return pyproject
    return None


def load_config(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PlancheckError(f"cannot read configuration: {exc}", str(path)) from None
    table = data
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("plancheck", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise PlancheckError("[tool.plancheck] must be a table of settings", str(path))
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise PlancheckError(f"unknown setting {', '.join(repr(k) for k in unknown)}{did_you_mean(unknown[0], KEYS)} "
                             f"(known: {', '.join(sorted(KEYS))})", str(path))
    config = dict(table)
    for key in ("per-file-ignores", "severity"):
        if key in config and not isinstance(config[key], dict):
            raise PlancheckError(f"{key} must be a table ([tool.plancheck.{key}]), not {config[key]!r}", str(path))
    ignores = {}
    for glob, rules in config.get("per-file-ignores", {}).items():
        rules = [rules] if isinstance(rules, str) else rules
        if not (isinstance(rules, list) and all(isinstance(r, str) for r in rules)):
            raise PlancheckError(f"per-file-ignores: {glob!r} must list rules, not {rules!r}", str(path))
        ignores[glob] = rules
    if "per-file-ignores" in config:
        config["per-file-ignores"] = ignores
    for rule, level in config.get("severity", {}).items():
        level = level.lower() if isinstance(level, str) else level
        config["severity"][rule] = level
        if level not in SEVERITIES:
            raise PlancheckError(f"severity: {rule} must be {', '.join(SEVERITIES)}, not {level!r}", str(path))
    for key in ("select", "ignore", "extend-select", "extend-ignore", "exclude", "rules"):
        if isinstance(config.get(key), str):
            config[key] = [config[key]]
        if key in config and not (isinstance(config[key], list) and all(isinstance(v, str) for v in config[key])):
            raise PlancheckError(f"{key} must be a list of strings, not {config[key]!r}", str(path))
    for key, allowed in (("stage", ("draft", "final", "auto")), ("fail-on", ("error", "warning", "info")),
                         ("lang", LANGUAGES)):
        if config.get(key) not in (None, *allowed):
            raise PlancheckError(f"{key} must be {' or '.join(allowed)}, not {config[key]!r}", str(path))
    for key in ("max-file-size", "max-line-length", "timeout"):
        value = config.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0
                                  or (key != "timeout" and value == 0)):
            raise PlancheckError(f"{key} must be a positive number, not {value!r}", str(path))
    if "rules-url" in config and not (isinstance(config["rules-url"], str) and config["rules-url"].strip()):
        raise PlancheckError(f"rules-url must be the rule reference's address, not {config['rules-url']!r}", str(path))
    if "index" in config and not isinstance(config["index"], str):
        raise PlancheckError(f"index must be a file name, not {config['index']!r}", str(path))
    base = path.parent
    config["base"] = str(base)
    config["file"] = str(path)   # globs (exclude, per-file-ignores) are relative to the configuration's folder
    config["rules"] = [str(base / r) for r in config.get("rules", [])]
    if config.get("index"):
        config["index"] = str(base / config["index"])
    return config


def settings(config: dict[str, Any], *, select: list[str] | None = None, ignore: list[str] | None = None,
             rules: list[str] | None = None, fail_on: str | None = None, lang: str | None = None,
             stage: str | None = None, index: str | None = None, timeout: float | None = None,
             extend_select: list[str] | None = None) -> dict[str, Any]:
    """What a run uses: options given (the command line's) over the configuration over the defaults."""
    from .read import Limits

    defaults = Limits()
    limits = Limits(max_bytes=int(config.get("max-file-size", defaults.max_bytes / 2**20) * 2**20),
                    max_line=int(config.get("max-line-length", defaults.max_line)))
    return {
        "limits": limits,
        "timeout": timeout if timeout is not None else float(config.get("timeout", DEFAULT_TIMEOUT)),
        # as ruff: --select replaces the configuration's selection (its extend-select with it);
        # --extend-select and --ignore add to it
        "select": list(select or []) or config.get("select", []),
        "extend_select": ([] if select else config.get("extend-select", [])) + list(extend_select or []),
        # a selection given on the command line starts afresh, as ruff's: the configuration's ignores go too
        "ignore": ([] if select else config.get("ignore", []) + config.get("extend-ignore", [])) + list(ignore or []),
        "exclude": config.get("exclude", []),
        "exclude_base": config.get("base"),
        "config_file": config.get("file"),
        "per_file_ignores": config.get("per-file-ignores", {}),
        "severity": config.get("severity", {}),
        "rules": config.get("rules", []) + list(rules or []),
        "fail_on": fail_on or config.get("fail-on", "error"),
        "lang": lang or config.get("lang") or environment_language(),
        "stage": stage or config.get("stage", "auto"),
        "index": index or config.get("index"),
        "rules_url": config.get("rules-url"),
    }
