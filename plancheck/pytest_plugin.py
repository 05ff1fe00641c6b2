"""pytest plugin: a data repository's plan files (and drafts) become tests.

    pytest --plancheck                  # or, in pyproject.toml / pytest.ini:
    [tool.pytest.ini_options]           #   plancheck = true
    plancheck = true

Each file that `plancheck check FOLDER` would check (plan files that say
`format: plancheck/1`, .docx, .txt and .md documents, not README and the like)
is one test, marked `plancheck`. It fails when the file has findings at or above
`fail-on` (default: error), or cannot be read; the failure shows the findings as
`plancheck check` prints them. Rules, selection, stage and language come from
the project's plancheck configuration (`[tool.plancheck]` or plancheck.toml, the
nearest upward from where pytest runs), as for the command line; an `index` there
is checked against. Checks across the documents of one run are the command line's.
pytest walks its `testpaths` (or the paths given): point them at the plan folders.

pytest loads this module in every run where plancheck is installed: it imports
nothing of plancheck until a file is collected.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

_SETTINGS = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("plancheck", "plancheck: Vietnamese plan documents")
    group.addoption("--plancheck", action="store_true", default=False,
                    help="check plan files and documents with plancheck, one test a file")
    parser.addini("plancheck", type="bool", default=False,
                  help="check plan files and documents with plancheck in every run")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "plancheck: a file checked by plancheck")


def pytest_sessionstart(session: pytest.Session) -> None:
    """A bad configuration or rule pack is one usage error, not a failure for every file."""
    if _enabled(session.config):
        from .errors import PlancheckError

        try:
            _settings(session.config)
        except PlancheckError as exc:
            raise pytest.UsageError(f"plancheck: {exc}") from None


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("plancheck") or config.getini("plancheck"))


def pytest_collect_file(parent: pytest.Collector, file_path) -> "PlancheckFile | None":
    if not _enabled(parent.config):
        return None
    from .read import is_checked_file

    return PlancheckFile.from_parent(parent, path=file_path) if is_checked_file(file_path) else None


class PlancheckFile(pytest.File):
    def collect(self):
        item = PlancheckItem.from_parent(self, name="plancheck")
        item.add_marker("plancheck")
        yield item


class PlancheckFailure(Exception):
    """The file's findings (or why it could not be read), as the command line prints them."""


class PlancheckItem(pytest.Item):
    def runtest(self) -> None:
        from .api import check
        from .report.text import render

        s = _settings(self.config)
        report = check(_shown(self.path, self.config), rules=s["rule_set"], select=s["select"], ignore=s["ignore"],
                       extend_select=s["extend_select"], policy=s["policy"],
                       lang=s["lang"], options={"stage": s["stage"], "limits": s["limits"]}, index=s["index"])
        if report.exit_code(s["fail_on"]) != 0:
            raise PlancheckFailure(render(report, lang=s["lang"]))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, PlancheckFailure):
            return str(excinfo.value).rstrip("\n")
        from .errors import PlancheckError

        if isinstance(excinfo.value, PlancheckError):   # a bad rule pack or configuration
            return f"plancheck: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"plancheck {_shown(self.path, self.config)}"


def _shown(path: Path, config: pytest.Config) -> Path:
    """The path as findings show it: relative to where pytest was run, as `plancheck check` would."""
    here = config.invocation_params.dir
    if Path.cwd() != here:
        return path   # a test moved the working folder: a relative path would point elsewhere
    try:
        return Path(os.path.relpath(path, here))
    except ValueError:   # another drive
        return path


def _settings(config: pytest.Config) -> dict[str, Any]:
    """The run's settings and rules, loaded once for all files."""
    if _SETTINGS not in config.stash:
        from .config import find_config, load_config, settings
        from .engine import load_rules

        # found from where pytest was run, as the command line finds it from where it runs
        s = settings(load_config(find_config(config.invocation_params.dir)))
        s["rule_set"] = load_rules(s["rules"])
        from .policy import Policy

        s["policy"] = Policy.of([], s["per_file_ignores"], s["severity"], s["exclude_base"],   # pytest collects
                                s["config_file"])
        config.stash[_SETTINGS] = s
    return config.stash[_SETTINGS]
