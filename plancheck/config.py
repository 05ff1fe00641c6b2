"""Project configuration: `[tool.plancheck]` in pyproject.toml, or a plancheck.toml.

    [tool.plancheck]
    stage = "draft"          # draft | final | auto (default: a Word file or a text marked "DỰ THẢO" is a draft)
    select = ["PC1", "date"]
    ignore = ["PC102"]
    rules = ["rules/local.yaml"]   # extra packs, relative to the config file
    fail-on = "warning"
    lang = "en"
    index = "plans.index.sqlite"
    max-file-size = 8        # MB: a larger text or plan file is refused (real ones: under 1 MB)
    max-line-length = 50000  # characters: a longer line is refused (real ones: under 5,000)
    timeout = 60             # seconds one file may take (0: no limit)

The nearest file from the current folder upward wins; command-line options win over it.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from .errors import PlancheckError

KEYS = {"stage", "select", "ignore", "rules", "fail-on", "lang", "index", "max-file-size", "max-line-length",
        "timeout"}
DEFAULT_TIMEOUT = 60.0   # seconds per file: ten times the slowest real document
LANGUAGES = ("vi", "en")


def language(value: str, where: str = "lang") -> str:
    """A language of messages: "vi" or "en", also written as a locale ("vi_VN.UTF-8", "en-US");
    PlancheckError naming ``where`` (an option, a setting, PLANCHECK_LANG) for any other."""
    code = str(value).strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    if code not in LANGUAGES:
        raise PlancheckError(f"{where}: unknown language {value!r} (plancheck speaks {', '.join(LANGUAGES)})")
    return code


def environment_language() -> str:
    """PLANCHECK_LANG, checked; "vi" when unset."""
    value = os.environ.get("PLANCHECK_LANG", "").strip()
    return language(value, "PLANCHECK_LANG") if value else "vi"


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "plancheck.toml").is_file():
            return candidate / "plancheck.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "[tool.plancheck]" in pyproject.read_text(encoding="utf-8", errors="replace"):
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
    unknown = set(table) - KEYS
    if unknown:
        raise PlancheckError(f"unknown setting {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})",
                             str(path))
    config = dict(table)
    for key in ("select", "ignore", "rules"):
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
    if "index" in config and not isinstance(config["index"], str):
        raise PlancheckError(f"index must be a file name, not {config['index']!r}", str(path))
    base = path.parent
    config["rules"] = [str(base / r) for r in config.get("rules", [])]
    if config.get("index"):
        config["index"] = str(base / config["index"])
    return config


def settings(config: dict[str, Any], *, select: list[str] | None = None, ignore: list[str] | None = None,
             rules: list[str] | None = None, fail_on: str | None = None, lang: str | None = None,
             stage: str | None = None, index: str | None = None, timeout: float | None = None) -> dict[str, Any]:
    """What a run uses: options given (the command line's) over the configuration over the defaults."""
    from .read import Limits

    defaults = Limits()
    limits = Limits(max_bytes=int(config.get("max-file-size", defaults.max_bytes / 2**20) * 2**20),
                    max_line=int(config.get("max-line-length", defaults.max_line)))
    return {
        "limits": limits,
        "timeout": timeout if timeout is not None else float(config.get("timeout", DEFAULT_TIMEOUT)),
        "select": select or config.get("select", []),
        "ignore": ignore or config.get("ignore", []),
        "rules": config.get("rules", []) + list(rules or []),
        "fail_on": fail_on or config.get("fail-on", "error"),
        "lang": lang or config.get("lang") or environment_language(),
        "stage": stage or config.get("stage", "auto"),
        "index": index or config.get("index"),
    }
