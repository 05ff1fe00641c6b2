"""What people expect of a linter's command line (issue 22, item 8, and the text format's
options): --statistics, --quiet, colour by the conventions, '-' for standard input, .gitignore."""
import io
import json
import shutil
import subprocess
import sys

import pytest

from plancheck.cli import main

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

SHARES = "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n"


def run(capsys, *args):
    code = main(["check", "--no-config", "--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_statistics_counts_findings_per_rule(tmp_path, capsys):
    (tmp_path / "a.md").write_text(SHARES + "\n" + SHARES.replace("2025", "2026"), encoding="utf-8")
    code, out, _ = run(capsys, "--statistics", tmp_path)
    assert code == 1 and out.splitlines() == ["     2  PC101  structure-sum", "2 findings (2 errors) · 1 file (unknown)"]


def test_quiet_says_the_findings_only(tmp_path, capsys):
    (tmp_path / "a.md").write_text(SHARES, encoding="utf-8")
    _, out, _ = run(capsys, "-q", "--no-source", tmp_path / "a.md")
    assert out.splitlines() == [f"{tmp_path / 'a.md'}:1:1: PC101 [error] Cơ cấu kinh tế năm 2025 (plan 2025): "
                                "shares sum to 110%, not 100% (30% + 35% + 45%; rounding allows ±1,5)"]


def test_colour_follows_no_color_and_force_color(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.md").write_text(SHARES, encoding="utf-8")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;31merror\x1b[0m" in run(capsys, "--no-source", tmp_path / "a.md")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "--no-source", tmp_path / "a.md")[1]
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[" not in run(capsys, "--no-source", tmp_path / "a.md")[1]   # not a terminal


def test_standard_input_is_read_and_reported_by_the_name_given(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SHARES.encode("utf-8"))))
    code = main(["check", "--no-config", "--format", "json", "-", "--stdin-filename", "du-thao/bao-cao.md"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and [(f["path"], f["rule"]) for f in report["findings"]] == [("du-thao/bao-cao.md", "PC101")]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_files_git_ignores_are_skipped_and_said(tmp_path, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("nhap/\n*.tmp.md\n", encoding="utf-8")
    (tmp_path / "nhap").mkdir()
    (tmp_path / "nhap" / "a.md").write_text(SHARES, encoding="utf-8")
    (tmp_path / "b.tmp.md").write_text(SHARES, encoding="utf-8")
    (tmp_path / "c.md").write_text(SHARES, encoding="utf-8")
    assert main(["check", "--no-config", "--format", "json", str(tmp_path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in report["findings"]] == [str(tmp_path / "c.md")]
    assert sorted((s["path"], s["reason"]) for s in report["skipped"]) == [
        (str(tmp_path / "b.tmp.md"), "ignored by git (.gitignore)"),
        (str(tmp_path / "nhap" / "a.md"), "ignored by git (.gitignore)")]


def test_progress_shows_on_a_terminal_after_two_seconds_and_is_cleared(monkeypatch):
    from plancheck.cli import _Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    clock = iter([0.5, 2.5, 2.6])
    out = Terminal()
    progress = _Progress(out, quiet=False)
    progress.clock = lambda: next(clock)
    progress.start = progress.last = 0.0

    class Result:
        kind = "resolution"

    progress.step(Result())          # 0,5 s: nothing yet
    assert out.getvalue() == ""
    progress.step(Result())          # 2,5 s
    assert out.getvalue() == "\rplancheck: 2 files checked…\x1b[K"
    progress.step(Result())          # 2,6 s: not again so soon
    progress.clear()
    assert out.getvalue().endswith("\r\x1b[K")
    piped = io.StringIO()            # a pipe: never
    quiet = _Progress(piped, quiet=False)
    quiet.clock, quiet.start = (lambda: 10.0), 0.0
    quiet.step(Result())
    assert piped.getvalue() == ""
