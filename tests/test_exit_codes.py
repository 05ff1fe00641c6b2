"""Exit codes a CI can trust (issue 11): 0 clean, 1 findings, 2 anything that kept plancheck
from checking, never a traceback, never 1 for a crash."""
import json
import os
import subprocess
import sys

import pytest

from plancheck import api
from plancheck.checks.structure_sum import StructureSum
from plancheck.cli import main

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

SHARES = "Cơ cấu kinh tế: nông nghiệp 30%, công nghiệp 30%, dịch vụ 30%.\n"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args, env=None, **kw):
    """The installed command in its own process, as a CI runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "plancheck", *map(str, args)], capture_output=True,
                          env=full_env, **kw)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(SHARES, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["fr", "de_DE.UTF-8", "vietnamese"])
def test_an_unknown_language_in_the_environment_is_a_usage_error(draft, value):
    done = cli("check", draft, env={"PLANCHECK_LANG": value}, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == f"plancheck: PLANCHECK_LANG: unknown language {value!r} (plancheck speaks vi, en)"
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_language_written_as_a_locale_is_understood(capsys, draft, monkeypatch):
    monkeypatch.setenv("PLANCHECK_LANG", "en_US.UTF-8")
    code, out, _ = run(capsys, "check", draft)
    assert code == 0 and out.splitlines()[-1].startswith("1 finding (1 warning) · 1 file")


def test_the_rules_listing_checks_the_environment_language_too(capsys, monkeypatch):
    monkeypatch.setenv("PLANCHECK_LANG", "fr")
    code, out, err = run(capsys, "rules")
    assert (code, out) == (2, "")
    assert "unknown language 'fr'" in err


def test_the_api_refuses_an_unknown_language(draft):
    with pytest.raises(api.PlancheckError, match="unknown language 'de'"):
        api.check(draft, lang="de")


def test_an_output_file_in_a_missing_folder_is_a_usage_error(capsys, draft, tmp_path):
    target = tmp_path / "missing" / "report.txt"
    code, out, err = run(capsys, "check", draft, "-o", target)
    assert code == 2
    assert err == f"plancheck: {target}: cannot write the report: No such file or directory\n"


def test_a_closed_pipe_ends_quietly():
    # `plancheck rules | head -1`: the listing stops when the reader does
    done = subprocess.run(f"{sys.executable} -m plancheck rules | head -1", shell=True, capture_output=True,
                          text=True, executable="/bin/bash")
    assert done.stdout.startswith("PC001")
    assert done.stderr == ""
    status = subprocess.run(f"set -o pipefail; {sys.executable} -m plancheck rules --lang en | head -c 10",
                            shell=True, capture_output=True, executable="/bin/bash")
    assert status.returncode == 0 and status.stderr == b""


def test_output_is_utf8_whatever_the_locale(draft):
    done = cli("check", draft, env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr
    assert "Cơ cấu kinh tế" in done.stdout.decode("utf-8")


def test_a_run_that_checks_no_file_says_so(capsys, tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    code, out, err = run(capsys, "check", tmp_path, "--lang", "en")
    assert code == 2
    assert out.splitlines() == [
        f"{tmp_path / 'old.doc'}: skipped: plancheck reads .docx; save the .doc as .docx",
        "No findings · 0 files · 1 skipped"]
    assert err.startswith(f"plancheck: no file to check in {tmp_path} ")


def test_files_a_folder_holds_but_plancheck_does_not_read_are_named(capsys, tmp_path):
    (tmp_path / "draft.md").write_text(SHARES, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "settings.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")   # a project's note: passed over
    (tmp_path / ".hidden.txt").write_text("x\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", tmp_path, "--lang", "en", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["summary"]["files"] == 1
    assert report["skipped"] == [
        {"path": str(tmp_path / "old.doc"), "reason": "plancheck reads .docx; save the .doc as .docx"},
        {"path": str(tmp_path / "settings.yaml"),
         "reason": "a YAML file without `format: plancheck/1` is not a plan file"}]
    code, out, _ = run(capsys, "check", tmp_path, "--show-files")
    assert code == 0
    assert out.splitlines() == [str(tmp_path / "draft.md"),
                                f"{tmp_path / 'old.doc'}  (skipped: plancheck reads .docx; save the .doc as .docx)",
                                f"{tmp_path / 'settings.yaml'}  (skipped: a YAML file without `format: "
                                "plancheck/1` is not a plan file)"]


def test_exit_zero_keeps_findings_from_failing_but_not_errors(capsys, draft, tmp_path):
    assert run(capsys, "check", draft, "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", draft, "--fail-on", "warning", "--exit-zero")[0] == 0
    assert run(capsys, "check", draft, tmp_path / "missing.txt", "--exit-zero")[0] == 2


@pytest.mark.parametrize("text, message", [
    ("tool = 5\n", "[tool.plancheck] must be a table of settings"),
    ("[tool]\nplancheck = 5\n", "[tool.plancheck] must be a table of settings"),
    ("[tool.plancheck]\nlang = 'fr'\n", "lang must be vi or en, not 'fr'"),
])
def test_a_malformed_configuration_is_named_not_a_traceback(capsys, draft, tmp_path, text, message):
    config = tmp_path / "pyproject.toml"
    config.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", draft, "--config", config)
    assert (code, out, err) == (2, "", f"plancheck: {config}: {message}\n")


def _failing_run(self, subject, params):
    raise IndexError("list index out of range")


def test_a_rule_that_fails_costs_only_its_own_findings(capsys, draft, monkeypatch):
    monkeypatch.setattr(StructureSum, "run", _failing_run)
    report = api.check(draft)
    assert [(e.path, e.rule) for e in report.errors] == [(str(draft), "PC101")]
    assert report.errors[0].message.startswith("internal error (IndexError: list index out of range) in rule PC101;")
    assert [f.rule for f in report.findings] == ["PC103"]     # the other rules' findings still stand
    assert report.files == [str(draft)] and report.exit_code() == 2
    code, out, _ = run(capsys, "check", draft, "--lang", "en", "-j", "1")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == (f"{draft}: PC101 [internal error]: internal error (IndexError: list index out of range) "
                        "in rule PC101; please report it with this file (--debug shows the traceback)")
    assert lines[1].startswith(f"{draft}:1:1: PC103 [warning]")
    assert lines[-1] == "1 finding (1 warning) · 1 file (unknown) · 1 internal error"


def test_debug_shows_the_traceback_of_an_internal_error(capsys, draft, monkeypatch):
    monkeypatch.setattr(StructureSum, "run", _failing_run)
    monkeypatch.delenv("PLANCHECK_DEBUG", raising=False)
    code, out, _ = run(capsys, "check", draft, "--lang", "en", "-j", "1", "--debug")
    assert code == 2
    assert "Traceback (most recent call last)" in out and "in _failing_run" in out


def test_a_bug_outside_any_rule_is_one_line_and_exit_2(capsys, draft, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("plancheck.api.check_stream", broken)
    monkeypatch.delenv("PLANCHECK_DEBUG", raising=False)
    code, out, err = run(capsys, "check", draft)
    assert (code, out) == (2, "")
    assert err == "plancheck: internal error (RuntimeError: boom); please report it with this file " \
                  "(--debug shows the traceback)\n"
