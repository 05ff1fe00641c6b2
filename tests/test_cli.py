"""The command line: output formats, selection, exit codes."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.engine import load_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SON_LA = EXAMPLES / "son-la-2024.yaml"
CLEAN = EXAMPLES / "thai-nguyen-2024.yaml"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_exit_1_with_path_line_column_rule_and_source(capsys):
    code, out, _ = run(capsys, "check", SON_LA, "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    budget = next(i for i, line in enumerate(lines) if ": PC251 " in line)
    assert lines[budget].startswith(f"{SON_LA}:56:57: PC251 [error] Thu ngân sách trên địa bàn")
    assert '"4,250" reads 4,25' in lines[budget] and "91,7%" in lines[budget]
    assert lines[budget + 1] == '    |     values: {TH2022: "4.636", KH2023: "4.800", UTH2023: "4,250", KH2024: "4,450"}'
    assert lines[budget + 2] == "    | " + " " * 56 + "^"
    assert lines[budget + 3] == "    = fix: 4,250 → 4.250"
    assert lines[-1] == "6 findings (2 errors, 3 warnings, 1 info) · 1 file"


def test_clean_plan_exits_0(capsys):
    code, out, _ = run(capsys, "check", CLEAN, "--lang", "en")
    assert (code, out) == (0, "No findings · 1 file\n")


def test_vietnamese_is_the_default_language(capsys):
    _, out, _ = run(capsys, "check", SON_LA)
    assert "[lỗi]" in out and "đọc theo quy ước tiếng Việt là 4,25" in out


def test_json_report_contract(capsys):
    code, out, _ = run(capsys, "check", SON_LA, CLEAN, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["version"] == 1
    assert data["summary"]["files"] == 2 and data["summary"]["findings"] == 6
    f = next(f for f in data["findings"] if f["rule"] == "PC251")
    assert {k: f[k] for k in ("rule", "slug", "category", "severity", "line", "column", "suggestion")} == {
        "rule": "PC251", "slug": "ambiguous-separator", "category": "number-format", "severity": "error",
        "line": 56, "column": 57, "suggestion": "4,250 → 4.250"}
    assert f["path"] == str(SON_LA)


def test_ignore_and_select(capsys):
    assert run(capsys, "check", SON_LA, "--ignore", "number-format")[0] == 0   # outliers only warn
    assert run(capsys, "check", SON_LA, "--select", "PC1,PC4")[0] == 0
    assert run(capsys, "check", SON_LA, "--select", "ambiguous-separator")[0] == 1
    assert run(capsys, "check", SON_LA, "--select", "outlier", "--fail-on", "warning")[0] == 1


def test_unknown_selection_is_a_usage_error(capsys):
    code, _, err = run(capsys, "check", SON_LA, "--select", "PC999")
    assert code == 2 and "PC999" in err


def test_fail_on_warning_counts_warnings(tmp_path, capsys):
    # The default structure rule, re-packed at warning level under another id.
    import yaml

    default = yaml.safe_load((Path(__file__).parent.parent / "rules" / "default.yaml").read_text(encoding="utf-8"))
    rule = dict(default["rules"][0], id="XY101", slug="structure-sum-warning", severity="warning")
    pack = tmp_path / "warn.yaml"
    pack.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text('format: plancheck/1\nperiods: {KH: {year: 2024, kind: plan}}\nindicators:\n'
                    '  - name: Cơ cấu\n    components:\n      - {name: A, values: {KH: "60"}}\n'
                    '      - {name: B, values: {KH: "50"}}\n', encoding="utf-8")
    args = ("check", plan, "--rules", pack, "--select", "XY101")
    assert run(capsys, *args)[0] == 0
    assert run(capsys, *args, "--fail-on", "warning")[0] == 1


@pytest.mark.usefixtures("english")   # the messages in English; Vietnamese: test_i18n
def test_unreadable_file_exits_2_and_the_others_are_still_checked(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: plancheck/1\nindicators:\n  - name: x\n    values: {KH: \"7.5x\"}\n", encoding="utf-8")
    code, out, err = run(capsys, "check", bad, SON_LA, "--format", "json")
    data = json.loads(out)
    assert code == 2
    assert data["errors"] == [{"path": str(bad), "message": data["errors"][0]["message"], "line": 4,
                               "column": 18}]
    assert "unknown period 'KH'" in data["errors"][0]["message"]
    assert data["summary"]["findings"] == 6  # Sơn La was still checked
    assert str(bad) in err


@pytest.mark.usefixtures("english")   # the messages in English; Vietnamese: test_i18n
@pytest.mark.parametrize("content, says", [
    (b"\xff\xfe\x00garbage\x80", "not UTF-8"),
    (b"", "empty plan file"),
    (b"indicators: [\n", "invalid YAML"),
])
def test_bad_input_is_a_clear_message_not_a_traceback(tmp_path, capsys, content, says):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    code, out, err = run(capsys, "check", bad)
    assert code == 2
    assert f"{bad}" in out and says in out
    assert "Traceback" not in out + err


@pytest.mark.usefixtures("english")   # the messages in English; Vietnamese: test_i18n
def test_missing_file_and_unsupported_type(tmp_path, capsys):
    odt = tmp_path / "plan.odt"
    odt.write_bytes(b"PK\x03\x04")
    code, out, _ = run(capsys, "check", tmp_path / "nope.yaml", odt)
    assert code == 2
    assert "nope.yaml: unreadable: no such file" in out
    assert "unsupported file type .odt" in out


def test_folders_are_searched_for_plan_files(tmp_path, capsys):
    shutil.copy(SON_LA, tmp_path / "a.yaml")
    (tmp_path / "sub").mkdir()
    shutil.copy(CLEAN, tmp_path / "sub" / "b.yml")
    (tmp_path / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")  # not a plan file: not ours
    code, out, _ = run(capsys, "check", tmp_path, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["files"] == 2


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["check", str(SON_LA), "--format", "xml"])
    assert info.value.code == 2


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()]
    assert ids[:8] == ["PC001", "PC101", "PC102", "PC103", "PC201", "PC202", "PC203", "PC204"]
    assert ids == sorted(ids, key=lambda i: int(i[2:])) and len(set(ids)) == len(ids)
    assert set(ids) == {rule.id for rule in load_rules()}


def test_explain_prints_the_rule_with_its_examples_and_what_it_says(capsys):
    code, out, _ = run(capsys, "explain", "structure-sum", "--lang", "en")
    assert code == 0
    assert out.startswith("PC101 structure-sum\n")
    assert "Fires on #1:" in out and "Does not fire on #1:" in out
    assert "plancheck says: Cơ cấu kinh tế (plan 2021): shares sum to 92–95%, not 100%" in out


def test_explain_unknown_rule(capsys):
    code, _, err = run(capsys, "explain", "PC999")
    assert code == 2 and "PC999" in err


def test_console_script_runs_as_a_module(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "plancheck", "check", str(CLEAN), "--lang", "en"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "No findings · 1 file\n"


def test_folder_search_skips_a_projects_own_notes(tmp_path, capsys):
    (tmp_path / "README.md").write_text("# Kế hoạch 2024\n\nCơ cấu kinh tế: A 60%; B 60%.\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text("Cơ cấu kinh tế năm 2024: A 60%; B 60%.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", tmp_path, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["files"] == 1
    assert data["findings"][0]["path"].endswith("draft.md")


def test_configuration_file_sets_defaults_and_options_override_it(tmp_path, capsys, monkeypatch):
    shutil.copy(SON_LA, tmp_path / "plan.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.plancheck]\nlang = "en"\nignore = ["number-format", "outlier"]\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "plan.yaml") == (0, "No findings · 1 file\n", "")
    # --ignore adds to the configured list, as ruff's does; lang stays en
    assert run(capsys, "check", "plan.yaml", "--ignore", "PC102") == (0, "No findings · 1 file\n", "")
    # --select starts afresh, as ruff's: the configured ignores go with the configured selection
    code, out, _ = run(capsys, "check", "plan.yaml", "--select", "number-format")
    assert "PC25" in out and "No findings" not in out
    assert run(capsys, "check", "plan.yaml", "--no-config")[1].endswith(
        "6 phát hiện (2 lỗi, 3 cảnh báo, 1 thông tin) · 1 tệp\n")


@pytest.mark.parametrize("setting, says", [
    ('stage = "published"', "stage must be draft or final or auto, not 'published'"),
    ('fail-on = "warnings"', "fail-on must be error or warning or info, not 'warnings'"),
    ('lang = "fr"', "lang must be vi or en, not 'fr'"),
    ("select = 5", "select must be a list of strings, not 5"),
    ("ignore = [1]", "ignore must be a list of strings, not [1]"),
    ("index = 3", "index must be a file name, not 3"),
    ('colour = "red"', "unknown setting 'colour'"),
    ('fail_on = "error"', "unknown setting 'fail_on'; did you mean 'fail-on'?"),
    ('[per-file-ignores]\n"*.yaml" = ["structure-summ"]',
     "per-file-ignores: 'structure-summ' names no rule, slug or category; did you mean 'structure-sum'?"),
    ('[severity]\nPC253 = "low"', "severity: PC253 must be error, warning, info, off, not 'low'"),
])
def test_a_bad_configuration_is_a_usage_error(tmp_path, capsys, monkeypatch, setting, says):
    (tmp_path / "plancheck.toml").write_text(setting + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", str(CLEAN))
    assert code == 2 and says in err and "plancheck.toml" in err and "Traceback" not in out + err


def test_a_likely_fix_of_another_figure_says_where_it_is(tmp_path, capsys):
    # Sơn La's GRDP per capita row with its 2023 estimate mistyped 51,1 (for 51,7): both
    # comparison cells break, and both point at the one figure that explains them.
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        'format: plancheck/1\n'
        'periods: {TH2022: {year: 2022, kind: actual}, UTH2023: {year: 2023, kind: estimate},\n'
        '          KH2024: {year: 2024, kind: plan}}\n'
        'comparisons: {SS1: {of: UTH2023, to: TH2022}, SS2: {of: KH2024, to: UTH2023}}\n'
        'indicators:\n'
        '  - name: GRDP bình quân đầu người\n'
        '    values: {TH2022: "48,59", UTH2023: "51,1", KH2024: "55,5"}\n'
        '    compare: {SS1: "106,41", SS2: "107,28"}\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", plan, "--lang", "en", "--no-source")
    assert code == 1
    assert [line for line in out.splitlines() if "= fix" in line] == [
        "    = fix: 51,1 → 51,7? (at line 7, column 40)"] * 2
    _, out, _ = run(capsys, "check", plan, "--no-source")
    assert "    = sửa: 51,1 → 51,7? (tại dòng 7, cột 40)" in out.splitlines()


def test_jobs_give_the_same_report_in_the_same_order(tmp_path, capsys):
    # a folder of several documents and plans, one unreadable, and two documents citing
    # each other (the checks across documents still see both)
    for source in (p for p in EXAMPLES.iterdir() if p.is_file()):   # the bundled examples, not data-repo/
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "broken.yaml").write_text("format: plancheck/1\nindicators: [\n", encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2", "3"):
        for fmt in ("text", "json"):
            code, out, _ = run(capsys, "check", tmp_path, "--format", fmt, "--jobs", jobs, "--lang", "en")
            outputs[jobs, fmt] = (code, out)
    for fmt in ("text", "json"):
        assert outputs["1", fmt] == outputs["2", fmt] == outputs["3", fmt]
    code, out = outputs["1", "text"]
    assert code == 2 and "broken.yaml" in out and out.count(": PC") >= 6


def test_the_text_report_names_each_file_in_its_turn(tmp_path, capsys):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(SON_LA, first)
    shutil.copy(SON_LA, second)
    code, out, _ = run(capsys, "check", first, second, "--jobs", "2", "--lang", "en")
    paths = [line.split(":")[0] for line in out.splitlines() if ": PC" in line]
    assert paths == [str(first)] * 6 + [str(second)] * 6
    assert out.splitlines()[-1] == "12 findings (4 errors, 6 warnings, 2 info) · 2 files"


@pytest.mark.parametrize("jobs", ["-1", "x"])
def test_a_bad_number_of_jobs_is_a_usage_error(capsys, jobs):
    with pytest.raises(SystemExit) as exit:
        main(["check", str(CLEAN), "--jobs", jobs])
    assert exit.value.code == 2


def test_the_streamed_json_report_is_the_whole_reports_text(tmp_path):
    import io

    from plancheck.api import check, check_stream
    from plancheck.report.json import JsonStream, render

    sources = [SON_LA, CLEAN, tmp_path / "missing.txt"]
    out = io.StringIO()
    writer = JsonStream(out)
    for result in check_stream(sources, lang="en"):
        writer.write(result)
    writer.close()
    whole = check(sources, lang="en")
    assert out.getvalue() == render(whole)
    assert writer.exit_code() == whole.exit_code() == 2
