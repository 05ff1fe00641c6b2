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
nearest upward from where pytest runs), as for the command line, with the
--plancheck-* options over it; an `index` there is checked against. With documents
among the files, one more test runs the checks across them. Findings below fail-on
are listed in a `plancheck` section of the terminal summary. The fixture
`plancheck_check` is plancheck.check with these settings, for a team's own tests.
pytest walks its `testpaths` (or the paths given): point them at the plan folders.

A file found clean (no finding at all) is remembered in pytest's cache, keyed by its content,
the path it is reported by, plancheck's code, the rule packs' contents and the settings; while
none of these change, the next run passes it without checking it again (as pytest-mypy does).
The test across documents is keyed by every document's content. `--cache-clear` or
`-p no:cacheprovider` checks everything.

pytest loads this module in every run where plancheck is installed: it imports
nothing of plancheck until a file is collected.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .i18n import Nn_

_SETTINGS = pytest.StashKey[dict]()
_BELOW = pytest.StashKey[list]()   # findings under fail-on, for the terminal summary
_REUSED = pytest.StashKey[list]()  # files passed from the cache, for the terminal summary
# Each process keeps them in its stash: (path, line, column, the finding's line) under _BELOW, a
# path under _REUSED; xdist's workers hand theirs to the controller at their end (workeroutput).
_CLEAN = "plancheck/clean/"        # pytest cache keys of clean results: one key each, safe under xdist


def _fails(finding: Any, fail_on: str) -> bool:
    order = ("error", "warning", "info")
    return order.index(finding.severity.value) <= order.index(fail_on)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Findings below fail-on, which fail no test, listed in a plancheck section; and how many
    clean files the cache spared."""
    below, reused = config.stash.get(_BELOW, []), config.stash.get(_REUSED, [])
    if not (below or reused) or not _enabled(config):
        return
    from .i18n import counted

    s = _settings(config)
    terminalreporter.section("plancheck", sep="-")
    shown = sorted(set(map(tuple, below)))   # a finding told twice (a file and the test across them) once
    for *_, text in shown:
        terminalreporter.line(text)
    if shown:
        terminalreporter.line(counted(_BELOW_FAIL_ON, len(shown), s["lang"], fail_on=s["fail_on"]))
    if reused:
        terminalreporter.line(counted(_FROM_CACHE, len(reused), s["lang"]))


_BELOW_FAIL_ON = Nn_("{n} finding below fail-on ({fail_on})", "{n} findings below fail-on ({fail_on})")
_FROM_CACHE = Nn_("{n} unchanged clean file not checked again (pytest's cache)",
                  "{n} unchanged clean files not checked again (pytest's cache)")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("plancheck", "plancheck: Vietnamese plan documents")
    group.addoption("--plancheck", action="store_true", default=False,
                    help="check plan files and documents with plancheck, one test a file")
    group.addoption("--plancheck-select", metavar="RULES", help="only these rules (over the configuration's)")
    group.addoption("--plancheck-ignore", metavar="RULES", help="these rules too not checked")
    group.addoption("--plancheck-fail-on", choices=("error", "warning", "info"),
                    help="the lowest severity that fails a file's test")
    group.addoption("--plancheck-stage", choices=("draft", "final", "auto"), help="draft, final or auto (default)")
    parser.addini("plancheck", type="bool", default=False,
                  help="check plan files and documents with plancheck in every run")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "plancheck: a file checked by plancheck")
    config.pluginmanager.register(_Collector(config), "plancheck-summary")


class _Collector:
    """What xdist's workers saw for the summary, gathered in the controller (as pytest-cov does)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        output = getattr(self.config, "workeroutput", None)   # in an xdist worker
        if output is not None:
            output["plancheck"] = {"below": self.config.stash.get(_BELOW, []),
                                   "reused": self.config.stash.get(_REUSED, [])}

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        said = getattr(node, "workeroutput", {}).get("plancheck", {})
        self.config.stash.setdefault(_BELOW, []).extend(map(tuple, said.get("below", [])))
        self.config.stash.setdefault(_REUSED, []).extend(said.get("reused", []))


def _tell_below(item: pytest.Item, findings: list, lang: str) -> None:
    """Findings under fail-on, for the plancheck section of the summary."""
    from .report.text import _finding_lines, labels

    words = labels(lang)
    for f in findings:
        loc = f.location
        item.config.stash.setdefault(_BELOW, []).append(
            (loc.path, loc.line, loc.column, _finding_lines(f, None, words, lang)[0]))


def pytest_sessionstart(session: pytest.Session) -> None:
    """A bad configuration or rule pack is one usage error, not a failure for every file."""
    if _enabled(session.config):
        from .errors import PlancheckError

        try:
            s = _settings(session.config)
            s["rule_set"].select(s["select"], s["ignore"], s["extend_select"])   # a bad name: one usage error
            s["policy"].check_rules(s["rule_set"])
        except PlancheckError as exc:
            raise pytest.UsageError(f"plancheck: {exc}") from None


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("plancheck") or config.getini("plancheck"))


def pytest_collect_file(parent: pytest.Collector, file_path) -> "PlancheckFile | None":
    if not _enabled(parent.config):
        return None
    from .read import is_checked_file

    return PlancheckFile.from_parent(parent, path=file_path) if is_checked_file(file_path) else None


@pytest.fixture
def plancheck_check(request: pytest.FixtureRequest):
    """plancheck.check with the project's plancheck settings (selection, language, stage, the
    configuration's per-file ignores and severities); keywords given win. For a team's own
    tests, with plancheck.testing.assert_no_findings."""
    from .api import check

    def run(*sources: Any, **options: Any):
        s = _settings(request.config)
        given = {"rules": s["rule_set"], "select": s["select"], "ignore": s["ignore"],
                 "extend_select": s["extend_select"], "policy": s["policy"], "lang": s["lang"],
                 "options": {"stage": s["stage"], "limits": s["limits"], "timeout": s["timeout"]}, "index": s["index"]}
        return check(list(sources) if len(sources) != 1 else sources[0], **{**given, **options})

    return run


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    """With two documents or more (a document citing a plan file counts), one more test: the
    checks across them (a citation's date, type and title, a cited count, a quoted passage), as
    `plancheck check` runs them. Plan files alone cite nothing: no such test."""
    if not _enabled(config):
        return
    files = [item.path for item in items if isinstance(item, PlancheckItem)]
    from .read import DOCX_SUFFIXES, PDF_SUFFIXES
    from .read.text import TEXT_SUFFIXES

    documents = [f for f in files if f.suffix.lower() in TEXT_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES]
    if len(files) >= 2 and documents:
        across = PlancheckAcross.from_parent(session, name="plancheck-across-documents")
        across.add_marker("plancheck")
        across.files = files
        items.append(across)
    # the team's own packs: their examples are their tests, in a run that checks plan files
    for pack in _settings(config)["rules"] if files else []:
        item = PlancheckPack.from_parent(session, name=f"plancheck-rule-pack[{_shown(Path(pack), config)}]")
        item.add_marker("plancheck")
        item.pack = pack
        items.append(item)


class PlancheckFile(pytest.File):
    def collect(self):
        item = PlancheckItem.from_parent(self, name="plancheck")
        item.add_marker("plancheck")
        yield item


class PlancheckFailure(Exception):
    """The file's findings (or why it could not be read), as the command line prints them."""


class _Reported:
    """A plancheck test's failure shown as plancheck says it, not as a traceback."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        from .errors import PlancheckError

        if isinstance(excinfo.value, PlancheckFailure):
            return str(excinfo.value).rstrip("\n")
        if isinstance(excinfo.value, PlancheckError):   # a bad rule pack or configuration
            return f"plancheck: {excinfo.value}"
        return super().repr_failure(excinfo)   # type: ignore[misc]


class PlancheckItem(_Reported, pytest.Item):
    def runtest(self) -> None:
        from .api import check
        from .report.text import render

        s = _settings(self.config)
        key = _cache_key(self.config, [self.path])
        if _was_clean(self.config, key):
            self.config.stash.setdefault(_REUSED, []).append(str(self.path))
            return
        report = check(_shown(self.path, self.config), rules=s["rule_set"], select=s["select"], ignore=s["ignore"],
                       extend_select=s["extend_select"], policy=s["policy"],
                       lang=s["lang"], options={"stage": s["stage"], "limits": s["limits"], "timeout": s["timeout"]}, index=s["index"])
        below = [f for f in report.findings if not _fails(f, s["fail_on"])]
        _tell_below(self, below, s["lang"])   # listed in the terminal summary's plancheck section
        if report.exit_code(s["fail_on"]) != 0:
            raise PlancheckFailure(render(report, lang=s["lang"]))
        if not report.findings and not report.errors:
            _remember_clean(self.config, key)

    def reportinfo(self):
        return self.path, None, f"plancheck {_shown(self.path, self.config)}"


class PlancheckAcross(_Reported, pytest.Item):
    """The checks across the run's documents, one test."""

    files: list[Path] = []

    def runtest(self) -> None:
        from .api import check
        from .engine import RuleSet
        from .report.text import render

        s = _settings(self.config)
        chosen = s["rule_set"].select(s["select"], s["ignore"], s["extend_select"])
        across = RuleSet([r for r in chosen if r.scope in ("run", "suppression")])
        if not any(r.scope == "run" for r in across):
            return
        key = _cache_key(self.config, self.files)
        if _was_clean(self.config, key):
            return
        # the whole rule set, the across rules selected: the configuration's per-rule settings
        # name rules of every kind
        report = check([_shown(p, self.config) for p in self.files], rules=s["rule_set"],
                       select=[r.id for r in across], lang=s["lang"], policy=s["policy"],
                       options={"stage": s["stage"], "limits": s["limits"], "timeout": s["timeout"]}, index=s["index"])
        report.errors = [e for e in report.errors if e.rule]   # an unreadable file fails its own test
        report.files = report.files or ["across"]
        below = [f for f in report.findings if not _fails(f, s["fail_on"])]
        _tell_below(self, below, s["lang"])
        if any(_fails(f, s["fail_on"]) for f in report.findings) or report.errors:
            raise PlancheckFailure(render(report, lang=s["lang"]))
        if not report.findings and not report.errors:
            _remember_clean(self.config, key)

    def reportinfo(self):
        return "plancheck", None, "plancheck: the checks across documents"


class PlancheckPack(_Reported, pytest.Item):
    """A rule pack the configuration names, its examples run as its tests (plancheck.packtest)."""

    pack: str = ""

    def runtest(self) -> None:
        from .packtest import describe, run_pack, summary

        lang = _settings(self.config)["lang"]
        shown = str(_shown(Path(self.pack), self.config))
        outcomes = run_pack(self.pack, lang)
        failed = [describe(o, shown, lang) for o in outcomes if not o.ok]
        if failed:
            raise PlancheckFailure("\n".join(failed + [summary(outcomes, lang)]))

    def reportinfo(self):
        return self.pack, None, f"plancheck: the examples of {_shown(Path(self.pack), self.config)}"


def _cache_key(config: pytest.Config, files: list[Path]) -> str | None:
    """What a clean result depends on: each file's content and the path it is reported by, and
    the run's fingerprint (plancheck's code, the packs, the settings). None: no cache, or a
    file that cannot be read (its test says why)."""
    import hashlib

    if getattr(config, "cache", None) is None:
        return None
    digest = hashlib.sha256(_settings(config)["fingerprint"].encode())
    for path in sorted(files):
        try:
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(f"\0{_shown(path, config)}\0{len(content)}\0".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:40]


def _was_clean(config: pytest.Config, key: str | None) -> bool:
    return key is not None and config.cache.get(_CLEAN + key, False) is True


def _remember_clean(config: pytest.Config, key: str | None) -> None:
    if key is not None:
        config.cache.set(_CLEAN + key, True)


def _fingerprint(s: dict[str, Any]) -> str:
    """plancheck's code, every rule pack's content and the settings that change findings."""
    import hashlib

    from .engine import default_pack_paths
    from .rulecache import code_stamp

    from importlib import metadata

    digest = hashlib.sha256(code_stamp().encode())
    for package in ("pdfplumber", "pypdfium2", "python-docx", "pint", "babel", "viparse", "PyYAML", "pydantic"):
        try:   # the readers' and parsers' versions: a new pdfplumber may read a file otherwise
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    data = Path(__file__).parent / "data"
    for path in sorted(data.glob("*")) if data.is_dir() else []:   # units, lexicons
        digest.update(path.read_bytes())
    for pack in [*default_pack_paths(), *map(Path, s["rules"])]:
        try:
            digest.update(Path(pack).read_bytes())
        except OSError:
            digest.update(str(pack).encode())
    index = s.get("index")
    if index:
        try:
            stat = Path(index).stat()
            digest.update(f"{index}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(str(index).encode())
    settings = {k: s.get(k) for k in ("select", "ignore", "extend_select", "per_file_ignores", "severity",
                                      "stage", "lang")}
    settings["limits"] = repr(s.get("limits"))
    digest.update(repr(sorted(settings.items())).encode())
    return digest.hexdigest()


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

        # found from where pytest was run, as the command line finds it from where it runs;
        # the --plancheck-* options over it, as the command line's
        option = config.getoption
        csv = lambda v: [x.strip() for x in v.split(",") if x.strip()] if v else None   # noqa: E731
        s = settings(load_config(find_config(config.invocation_params.dir)),
                     select=csv(option("plancheck_select")), ignore=csv(option("plancheck_ignore")),
                     fail_on=option("plancheck_fail_on"), stage=option("plancheck_stage"))
        s["rule_set"] = load_rules(s["rules"])
        from .policy import Policy

        s["policy"] = Policy.of([], s["per_file_ignores"], s["severity"], s["exclude_base"],   # pytest collects
                                s["config_file"])
        s["fingerprint"] = _fingerprint(s)
        config.stash[_SETTINGS] = s
    return config.stash[_SETTINGS]
