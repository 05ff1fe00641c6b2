"""Command line: argument parsing only; the work is done by the API."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from . import __version__
from .errors import PlancheckError
from .i18n import LANGUAGES, Nn_, _, argparse_speaks, counted, use
from .lexicon import TextKind
from .report import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


# The kinds of text --kind accepts ("unknown" is the guess's, not a user's, answer); the
# lexicon is light to import, so --help stays quick.
_KIND_CHOICES = tuple(k.value for k in TextKind if k is not TextKind.unknown)

def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return n


def _seconds(text: str) -> float:
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not n >= 0 or n == float("inf"):
        raise argparse.ArgumentTypeError("a number of seconds, 0 or more")
    return n


def _csv(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, like every linter
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("%(prog)s: error: %(message)s\n") % {"prog": "plancheck", "message": message})


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The command line, its help in ``lang``."""
    parser = _Parser(prog="plancheck", description=_("Lint Vietnamese socio-economic development plans.", lang))
    parser.add_argument("--version", action="version", version=f"plancheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)


    check = sub.add_parser("check", help=_("check files or folders", lang))
    check.add_argument("paths", nargs="+", help=_("plan files or folders", lang))
    check.add_argument("--format", choices=tuple(FORMATS), default="text",
                       help="; ".join(f"{name}: {_(what, lang)}" for name, what in FORMATS.items()))
    check.add_argument("--select", action="append", metavar="RULES",
                       help=_("only these rules: ids (PC101), id prefixes (PC1), slugs or categories; comma-separated", lang))
    check.add_argument("--extend-select", action="append", metavar="RULES",
                       help=_("these rules too, beside the selection (same forms as --select)", lang))
    check.add_argument("--ignore", action="append", metavar="RULES",
                       help=_("skip these rules too, beside the configuration's (same forms as --select)", lang))
    _packs_and_language(check, lang)
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                       help=_("lowest severity that makes the exit code 1 (default: error)", lang))
    check.add_argument("--stage", choices=("draft", "final", "auto"), default=None,
                       help=_("draft: blanks left for later are info; final: they are errors; auto (default): "
                            "a Word file, or a text that marks itself a draft ('DỰ THẢO'), is one; any other final", lang))
    check.add_argument("--kind", choices=_KIND_CHOICES, default=None, metavar="KIND",
                       help=_("what the files are, instead of the guess from their text: ", lang)
                            + ", ".join(_KIND_CHOICES))
    check.add_argument("--index", metavar="FILE", help=_("check citations against documents indexed by `plancheck index`", lang))
    check.add_argument("--config", metavar="FILE", help=_("settings file (default: the nearest plancheck.toml or "
                                                        "pyproject.toml with [tool.plancheck])", lang))
    check.add_argument("--no-config", action="store_true", help=_("ignore configuration files", lang))
    check.add_argument("--no-source", action="store_true", help=_("text format: do not show the source line", lang))
    check.add_argument("--statistics", action="store_true",
                       help=_("text format: how many findings each rule gave, instead of the findings", lang))
    check.add_argument("-q", "--quiet", action="store_true",
                       help=_("the findings and errors only: no summary, no notes on how files were read", lang))
    check.add_argument("--stdin-filename", metavar="NAME",
                       help=_("with '-' as the path: the name the text read from standard input is reported by "
                            "(its suffix says what it is: .md by default)", lang))
    check.add_argument("-o", "--output", metavar="FILE", help=_("write the report to FILE instead of stdout", lang))
    check.add_argument("--fix", action="store_true",
                       help=_("apply the fixes rules mark certain to text, Markdown and plan files, in place", lang))
    check.add_argument("--diff", action="store_true",
                       help=_("show the fixes --fix would apply as a unified diff, without writing", lang))
    check.add_argument("--baseline", metavar="FILE",
                       help=_("report only findings that are not in this baseline (made by --baseline-write)", lang))
    check.add_argument("--baseline-write", metavar="FILE",
                       help=_("record today's findings in FILE as the baseline; later runs with --baseline FILE "
                            "report only new ones (it survives lines moving)", lang))
    check.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help=_("check files in N processes (default: one per core; 1: in this process); "
                            "the report is the same, in the same order", lang))
    check.add_argument("--annotate", metavar="COPY.docx",
                       help=_("write a copy of the one .docx checked with each finding as a Word comment", lang))
    check.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                       help=_("stop a file that takes longer and report it (default: 60; 0: no limit)", lang))
    check.add_argument("--exit-zero", action="store_true",
                       help=_("exit 0 even when there are findings (2 still means a file could not be checked)", lang))
    check.add_argument("--show-files", action="store_true",
                       help=_("list the files that would be checked, and those of the folders that would not "
                            "(with why), then stop", lang))

    rules = sub.add_parser("rules", help=_("list the rules", lang))
    _packs_and_language(rules, lang)
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                       help=_("markdown writes the rule reference (docs/rules.md)", lang))
    rules.add_argument("--test", nargs="*", metavar="PACK", default=None,
                       help=_("run the examples of these rule packs (of every pack loaded, when none is named) "
                              "as their tests: each example that fires must give a finding, each that passes "
                              "none; exit 1 if one does not", lang))

    dump = sub.add_parser("dump", help=_("show what plancheck understood of a file", lang))
    dump.add_argument("paths", nargs="+", metavar="path",
                      help=_("a document or plan file (several, or folders, with --coverage)", lang))
    dump.add_argument("--format", choices=("yaml", "json", "text"), default=None,
                      help=_("yaml by default; text (the default) or yaml/json with --coverage", lang))
    dump.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                      help=_("stop a file that takes longer and report it (default: 60; 0: no limit)", lang))
    dump.add_argument("--coverage", action="store_true",
                      help=_("per document, how many figure-bearing sentences and table rows gave a "
                           "statement, and the ones that did not", lang))
    dump.add_argument("--limit", type=int, default=40, metavar="N",
                      help=_("with --coverage: list at most N unread passages per file (0: all)", lang))
    dump.add_argument("--section", action="append", metavar="NAME",
                      help=_("only these sections (header, clauses, appendices, references, indicators, "
                           "structures, comparisons, parts, counts); comma-separated", lang))

    index = sub.add_parser("index", help=_("index documents whose citations `check --index` verifies", lang))
    index.add_argument("paths", nargs="+", metavar="FOLDER", help=_("folders (or files) of documents", lang))
    index.add_argument("-o", "--output", metavar="FILE", default="plancheck-index.sqlite",
                       help=_("the index file to write (default: plancheck-index.sqlite)", lang))
    index.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help=_("read files in N processes (default: one per core; 1: in this process)", lang))

    explain = sub.add_parser("explain", help=_("show a rule with its examples", lang))
    explain.add_argument("rule", help=_("rule id or slug, e.g. PC101 or structure-sum", lang))
    _packs_and_language(explain, lang)
    for command in sub.choices.values():
        command.add_argument("--debug", action="store_true",
                             help=_("show the traceback of an internal error (also PLANCHECK_DEBUG=1), for a bug report", lang))
    return parser


_FIXED = Nn_("{n} finding fixed", "{n} findings fixed")
_WOULD_FIX = Nn_("{n} finding would be fixed (--fix applies them)", "{n} findings would be fixed (--fix applies them)")
_COMMENTS = Nn_("{n} comment written to {copy}", "{n} comments written to {copy}")
_LEFT_OUT = Nn_("{n} finding of the baseline {baseline} not shown", "{n} findings of the baseline {baseline} not shown")
_RECORDED = Nn_("{n} finding recorded in the baseline {baseline}", "{n} findings recorded in the baseline {baseline}")
_CHECKED = Nn_("{n} file checked", "{n} files checked")


def _shows_links(fmt: str, out) -> bool:
    """Whether the report shows rule links (SARIF, HTML, a terminal that shows them): only then is
    the reference looked for (the package's metadata costs a run some milliseconds)."""
    if fmt in ("sarif", "html"):
        return True
    from .report.text import shows_links, use_colour

    return fmt == "text" and use_colour(out) and shows_links()


def _packs_and_language(command: argparse.ArgumentParser, lang: str) -> None:
    """--rules and --lang, which check, rules and explain take alike; --lang's default (None) is
    PLANCHECK_LANG or the locale, checked when the command runs (config.environment_language)."""
    command.add_argument("--rules", action="append", metavar="FILE", default=[],
                         help=_("an extra rule pack (YAML)", lang))
    command.add_argument("--lang", choices=LANGUAGES, default=None,
                         help=_("language of messages (default: vi, or $PLANCHECK_LANG)", lang))


def _asked_language(argv: list[str]) -> str:
    """The language of --help and of what comes before the settings are read: --lang on the
    command line, else PLANCHECK_LANG or the locale (plancheck.config.environment_language)."""
    from .config import environment_language

    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else \
            arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    try:
        return environment_language()
    except PlancheckError:   # a bad PLANCHECK_LANG is reported when the command runs
        return "vi"


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; its exit code: 0 clean, 1 findings, 2 anything that kept plancheck
    from checking (a usage error, an unreadable file, a bug: never a traceback, never 1)."""
    _utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _asked_language(argv)
    use(lang)
    with argparse_speaks(lang):   # --help and usage errors in the language asked for
        args = build_parser(lang).parse_args(argv)
    if args.debug:
        os.environ["PLANCHECK_DEBUG"] = "1"   # worker processes inherit it
    previous = _end_on_terminate()
    try:
        if args.command != "check" and getattr(args, "lang", None) is None:   # check reads its configuration first
            from .config import environment_language

            args.lang = environment_language()
            use(args.lang)
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "dump":
            return _dump(args)
        if args.command == "index":
            return _index(args)
        return _explain(args)
    except PlancheckError as exc:
        from .report.shown import shown

        print(f"plancheck: {shown(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except _Terminated:
        return 143   # 128 + SIGTERM, as a shell reports it
    except BrokenPipeError:
        return _closed_pipe(args.command)
    except Exception as exc:   # a bug: said in one line (the traceback under --debug), exit 2
        from .errors import internal_error

        print(f"plancheck: {internal_error(exc)}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        _restore_terminate(previous)


class _Terminated(BaseException):
    """SIGTERM: unwound like Ctrl-C, so that the worker processes are ended and nothing is said."""


def _end_on_terminate():
    """SIGTERM raises _Terminated in the main thread while the command runs (main puts the
    handler it found back): the handler found, or None where none can be set."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return None

    def terminated(signum, frame):
        raise _Terminated

    return signal.signal(signal.SIGTERM, terminated)


def _restore_terminate(previous) -> None:
    if previous is not None:
        import signal

        signal.signal(signal.SIGTERM, previous)


def _utf8_output() -> None:
    """Vietnamese needs UTF-8 whatever the locale (a Windows console redirected to a file
    writes cp1252): reports are UTF-8, always."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _closed_pipe(command: str) -> int:
    """The reader stopped reading (``plancheck rules | head``): end quietly. A listing has
    said what it was asked; a check cut short has not vouched for the rest (exit 2)."""
    try:   # nothing more may reach the closed pipe, not even Python's flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_USAGE if command == "check" else EXIT_CLEAN


def _settings(args: argparse.Namespace) -> dict:
    """Command-line options over the configuration file over the defaults."""
    from pathlib import Path

    from .config import find_config, load_config, settings

    config = {} if args.no_config else load_config(Path(args.config) if args.config else find_config())
    return settings(config, select=_csv(args.select), ignore=_csv(args.ignore), rules=list(args.rules),
                    fail_on=args.fail_on, lang=args.lang, stage=args.stage, index=args.index,
                    timeout=args.timeout, extend_select=_csv(getattr(args, "extend_select", None)))


def _check(args: argparse.Namespace) -> int:
    from .api import check_stream
    from .engine import load_rules
    from .runner import default_jobs, tune_gc

    s = _settings(args)
    args.lang, args.fail_on = s["lang"], s["fail_on"]
    use(args.lang)   # the configuration may name it
    if args.show_files:
        return _show_files(args.paths)
    if args.annotate and (len(args.paths) != 1 or not args.paths[0].lower().endswith(".docx")):
        raise PlancheckError(_("--annotate: give exactly one .docx document to check"))
    rules = load_rules(s["rules"])
    if "-" in args.paths and args.fix:
        raise PlancheckError(_("--fix: standard input cannot be fixed in place; --diff shows the fixes"))
    stdin = _stdin_file(args) if "-" in args.paths else None
    if stdin is not None:
        args.paths = [str(stdin[0]) if p == "-" else p for p in args.paths]
    tune_gc()
    from .policy import Policy

    policy = Policy.of(s["exclude"], s["per_file_ignores"], s["severity"], s["exclude_base"], s["config_file"])
    if stdin is not None:
        policy.aliases[str(stdin[0])] = stdin[1]   # standard input's findings go by its name
    # Everything is settled before the first file is read or a byte of the report written: what
    # the run writes is never one of its inputs, nor checked when a folder given holds it.
    policy.written = _written_files(args, [str(stdin[0])] if stdin is not None else [])
    if s["index"]:
        from .index import open_index

        open_index(s["index"]).close()
    stream = check_stream(args.paths, rules=rules, select=s["select"], ignore=s["ignore"], lang=s["lang"],
                          extend_select=s["extend_select"], policy=policy,
                          options={"stage": s["stage"], "limits": s["limits"], "timeout": s["timeout"],
                                   **({"kind": args.kind} if args.kind else {})},
                          index=s["index"], jobs=args.jobs or default_jobs(),
                          keep_lines=(args.format in ("text", "html") and not args.no_source) or bool(args.baseline)
                          or bool(args.baseline_write))
    baseline = None
    if args.baseline:
        from .baseline import Baseline

        baseline = Baseline(args.baseline)
    recorded: list = []   # --baseline-write: (finding, its line's text)
    fixing = args.fix or args.diff
    by_id = {r.id: r for r in rules} if fixing or args.annotate else {}   # what each rule says of its fixes
    mended = 0
    out = _open_output(args.output) if args.output else (open(os.devnull, "w") if args.diff else sys.stdout)
    from .links import rule_links
    from .report import writer as make_writer

    chosen = rules.select(s["select"], s["ignore"], s["extend_select"])
    writer = make_writer(args.format, out, rules=chosen,
                         lang=args.lang,
                         fail_on=None if args.exit_zero else args.fail_on, show_source=not args.no_source,
                         statistics=args.statistics, quiet=args.quiet, links=rule_links(chosen, s["rules_url"]) if _shows_links(args.format, out) else None)
    kept: list = []   # --annotate: the one document's findings, for its copy
    progress = _Progress(sys.stderr, args.quiet)
    shared = out is sys.stdout and sys.stdout.isatty() and sys.stderr.isatty()   # one terminal for both
    try:   # written as the files are checked: a file's findings as soon as its turn comes
        for result in stream:
            progress.step(result)
            if shared and (result.findings or getattr(result, "error", None) is not None):
                progress.clear()
            if fixing and hasattr(result, "kind") and result.error is None:   # on the file read (stdin's copy)
                from .fix import fix_file

                fixed, diff = fix_file(result.path, result.findings, by_id, write=args.fix,
                                       shown_as=stdin[1] if stdin is not None and result.path == str(stdin[0]) else None)
                mended += len(fixed)
                if args.diff:
                    sys.stdout.write(diff)
                gone = {id(f) for f in fixed}
                result.findings = [f for f in result.findings if id(f) not in gone]
            if stdin is not None:
                _rename(result, str(stdin[0]), stdin[1])
            if baseline is not None:
                result.findings = baseline.filter(result.findings, result.source_line)
            if args.baseline_write:
                recorded += [(f, result.source_line(f.location.path, f.location.line)) for f in result.findings]
            writer.write(result)
            if args.annotate:
                kept += result.findings
        progress.clear()
        writer.close()
    finally:
        if args.output or args.diff:
            out.close()
    if fixing:
        said = _FIXED if args.fix else _WOULD_FIX
        print("plancheck: " + counted(said, mended, args.lang), file=sys.stderr)
        if args.diff:
            return EXIT_FINDINGS if mended else EXIT_CLEAN
    if args.format != "text":  # keep stdout pure to its format; say it on stderr too
        from .report.shown import shown

        for e in writer.tally.errors:
            print(shown(f"plancheck: {e.path}{':' + str(e.line) if e.line else ''}: {e.message}"), file=sys.stderr)
    if args.annotate and writer.tally.files:
        from .report.annotate import annotate

        from .fix import certain

        fixes = {id(f): pair for f in kept if (pair := certain(f, by_id)) is not None}
        written = annotate(args.paths[0], kept, args.annotate, args.lang, fixes)
        print("plancheck: " + counted(_COMMENTS, written, args.lang, copy=args.annotate), file=sys.stderr)
    if baseline is not None and baseline.left_out:
        print("plancheck: " + counted(_LEFT_OUT, baseline.left_out, args.lang, baseline=args.baseline),
              file=sys.stderr)
    if args.baseline_write:
        from .baseline import write

        count = write(args.baseline_write, recorded)
        print("plancheck: " + counted(_RECORDED, count, args.lang, baseline=args.baseline_write), file=sys.stderr)
        return EXIT_CLEAN if not writer.tally.errors else writer.exit_code(None)
    if not writer.tally.files and not writer.tally.errors:
        print("plancheck: " + _("no file to check in {paths} (plancheck reads .txt, .md, .docx, .pdf and plan "
                                "files that say `format: plancheck/1`)", args.lang).format(paths=", ".join(args.paths)),
              file=sys.stderr)
    return writer.exit_code(None if args.exit_zero else args.fail_on)


class _Progress:
    """"plancheck: 120 files checked" on a terminal's error stream, rewritten in place, once a run
    has taken two seconds; cleared before a report line goes to the same terminal; nothing when
    the stream is a file or a pipe."""

    AFTER = 2.0

    def __init__(self, stream, quiet: bool) -> None:
        import time

        self.stream, self.clock = stream, time.monotonic
        self.on = not quiet and bool(getattr(stream, "isatty", lambda: False)())
        self.start = self.last = self.clock()
        self.files, self.shown = 0, False

    def step(self, result) -> None:
        self.files += hasattr(result, "kind")
        if not self.on:
            return
        now = self.clock()
        if now - self.start >= self.AFTER and now - self.last >= 0.2:
            self.stream.write(f"\rplancheck: {counted(_CHECKED, self.files)}…\x1b[K")
            self.stream.flush()
            self.last, self.shown = now, True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _stdin_file(args: argparse.Namespace):
    """Standard input saved where the readers can read it, under the name it is reported by
    (--stdin-filename; its suffix says the format): (the file, the name)."""
    import tempfile
    from pathlib import Path

    name = args.stdin_filename or "stdin.md"
    folder = Path(tempfile.mkdtemp(prefix="plancheck-stdin-"))
    path = folder / (Path(name).name or "stdin.md")
    path.write_bytes(sys.stdin.buffer.read())
    import atexit
    import shutil

    atexit.register(shutil.rmtree, folder, True)
    return path, name


def _rename(result, saved: str, name: str) -> None:
    """A result's findings and errors reported under the name standard input was given."""
    from .api import reported_as

    if getattr(result, "path", None) == saved:
        result.path = name
    errors = ([result.error] if getattr(result, "error", None) is not None else []) + list(getattr(result, "faults", []))
    result.findings = reported_as(result.findings, errors, saved, name)


def _written_files(args: argparse.Namespace, read_aside: list[str]) -> set:
    """The files the run writes (-o, --annotate, --baseline-write), resolved; PlancheckError when
    one is a file the run checks (the same file by another name or link too): writing it would
    destroy it."""
    from pathlib import Path

    from .read import discover_files

    targets = [(option, name) for option, name in (("-o", args.output), ("--annotate", args.annotate),
                                                   ("--baseline-write", args.baseline_write)) if name]
    if not targets:
        return set()
    inputs = [p for p in discover_files([p for p in args.paths if p not in read_aside]) if p.exists()]
    for option, name in targets:
        target = Path(name)
        for source in inputs:
            if not _same_file(target, source):
                continue
            if os.path.abspath(target) == os.path.abspath(source):
                raise PlancheckError(_("{option}: {target} is a file this run checks; writing it would destroy it "
                                       "(a report of an earlier run? write the report outside the folders "
                                       "checked)").format(option=option, target=name), name)
            raise PlancheckError(_("{option}: {target} is {source}, a file this run checks, by another name; "
                                   "writing it would destroy it").format(option=option, target=name, source=source),
                                 name)
    return {Path(name).resolve() for _, name in targets}


def _same_file(a, b) -> bool:
    try:
        return a.exists() and os.path.samefile(a, b)   # the same file by another name or a link
    except OSError:
        return False


def _open_output(name: str):
    try:
        return open(name, "w", encoding="utf-8")
    except OSError as exc:
        raise PlancheckError(_("cannot write the report: {strerror}").format(strerror=exc.strerror), name) from None


def _show_files(paths: list[str]) -> int:
    """Like ruff's --show-files: what a check of ``paths`` would read, and what it would not."""
    from pathlib import Path

    from .read import discover_files

    skipped: list[tuple[Path, str]] = []
    files = list(discover_files(paths, skipped))
    for f in files:
        print(f)
    for f, reason in skipped:
        print(f"{f}  ({_('skipped')}: {reason})")
    return EXIT_CLEAN if files else EXIT_USAGE


def _rules(args: argparse.Namespace) -> int:
    from .engine import load_rules, rule_data

    if args.test is not None:
        return _test_packs(args.test or None, args.rules, args.lang)
    rules = load_rules(args.rules)
    if args.format == "json":
        import json

        print(json.dumps([rule_data(r) for r in rules],
                         ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    if args.format == "markdown":
        from .explain import rules_markdown

        sys.stdout.write(rules_markdown(rules, args.lang))
        return EXIT_CLEAN
    from .engine import category_name
    from .report.text import labels

    words, off = labels(args.lang), _("(off by default)", args.lang)
    for r in rules:
        state = "" if r.enabled else f"  {off}"
        print(f"{r.id}  {r.slug:<24} {category_name(r.category, args.lang):<18} {words[r.severity.value]:<9} "
              f"{r.doc.text(args.lang).what}{state}")
    return EXIT_CLEAN


def _test_packs(packs: list[str] | None, extra: list[str], lang: str) -> int:
    """`plancheck rules --test`: a pack's examples as its tests, each failure at its line."""
    from .engine import default_pack_paths
    from .packtest import describe, run_pack, summary

    outcomes = []
    for pack in packs or [*map(str, default_pack_paths()), *extra]:
        ran = run_pack(pack, lang)
        for o in ran:
            if not o.ok:
                print(describe(o, pack, lang))
        outcomes += ran
    print(summary(outcomes, lang))
    return EXIT_CLEAN if all(o.ok for o in outcomes) else EXIT_FINDINGS


def _dump(args: argparse.Namespace) -> int:
    from .dump import SECTIONS, dump_data, render
    from .pipeline import load_path

    if args.coverage:
        return _coverage(args)
    if len(args.paths) > 1:
        raise PlancheckError("dump: one file at a time (or --coverage for several)")
    if args.format == "text":
        raise PlancheckError("dump: --format text is for --coverage; use yaml or json")
    args.path, args.format = args.paths[0], args.format or "yaml"
    only = tuple(_csv(args.section)) or SECTIONS
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        raise PlancheckError(f"--section: unknown {', '.join(unknown)} (sections: {', '.join(SECTIONS)})")
    loaded = _within_time(args, lambda: load_path(args.path), args.path)
    sys.stdout.write(render(dump_data(loaded.plan, loaded.structure, only), args.format))
    return EXIT_CLEAN


def _within_time(args: argparse.Namespace, read, path: str):
    """``read()`` within the time a file may take (--timeout, else the default): a file that takes
    longer is said as check says it (a hostile PDF must not hold dump up either)."""
    from .config import DEFAULT_TIMEOUT
    from .timelimit import FileTimeout, time_limit

    seconds = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    try:
        with time_limit(seconds):
            return read()
    except FileTimeout:
        raise PlancheckError(_("stopped after {seconds:g} s (the limit per file, --timeout); the other files go on")
                             .format(seconds=seconds), str(path)) from None


def _coverage(args: argparse.Namespace) -> int:
    """Coverage of every file given: one bad file is named and the others still go."""
    from .coverage import coverage, render
    from .pipeline import load_path
    from .read import discover_files

    reports, failed = [], False
    for path in discover_files(args.paths):
        try:
            loaded = _within_time(args, lambda: load_path(path), str(path))
        except PlancheckError as exc:
            print(f"{exc.path or path}: {exc.message}", file=sys.stderr)
            failed = True
            continue
        reports.append(coverage(loaded.plan, loaded.document))
    sys.stdout.write(render(reports, args.format or "text", args.limit or None))
    return EXIT_USAGE if failed else EXIT_CLEAN


def _index(args: argparse.Namespace) -> int:
    from .index import build_index
    from .runner import default_jobs, tune_gc

    tune_gc()
    result = build_index(args.paths, args.output, jobs=args.jobs or default_jobs())
    for e in result.errors:
        print(f"plancheck: {e}", file=sys.stderr)
    n = len(result.errors)
    skipped = f", {n} unreadable file{'s' * (n != 1)} skipped" if n else ""
    print(f"{result.documents} document{'s' * (result.documents != 1)} indexed ({result.numbered} with a number)"
          f"{skipped} → {result.output}", file=sys.stderr)
    return EXIT_USAGE if result.errors else EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    from .engine import load_rules
    from .explain import explain_rule

    rules = load_rules(args.rules)
    rule = rules.get(args.rule)
    if rule is None:
        print("plancheck: " + _("no rule {rule!r} (see `plancheck rules`)", args.lang).format(rule=args.rule),
              file=sys.stderr)
        return EXIT_USAGE
    print(explain_rule(rule, args.lang))
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
