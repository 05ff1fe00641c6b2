"""The configuration teams live with (issue 22, item 2): exclude, per-file ignores, extend-select
and extend-ignore, severity per rule, command-line options adding as ruff's do, "did you mean"."""
import json

from plancheck.cli import main

SHARES = "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n"   # PC101
RATIO = ("| Chỉ tiêu | TH 2024 | KH 2025 | KH 2025 so với TH 2024 (%) |\n|---|---|---|---|\n"
         "| Thu ngân sách (tỷ đồng) | 200 | 214 | 117 |\n")                               # PC201


def run(capsys, tmp_path, config, *args):
    (tmp_path / "plancheck.toml").write_text(config, encoding="utf-8")
    code = main(["check", "--config", str(tmp_path / "plancheck.toml"), "--format", "json", "--lang", "en",
                 *map(str, args)])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else None), captured.err


def found(report, base):
    return sorted((str(__import__("pathlib").Path(f["path"]).relative_to(base)), f["rule"]) for f in report["findings"])


def test_exclude_skips_files_of_a_folder_and_says_so(tmp_path, capsys):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "2019.md").write_text(SHARES, encoding="utf-8")
    (tmp_path / "2025.md").write_text(SHARES, encoding="utf-8")
    (tmp_path / "notes.draft.md").write_text(SHARES, encoding="utf-8")
    code, report, _ = run(capsys, tmp_path, 'exclude = ["archive/**", "*.draft.md"]\n', tmp_path)
    assert found(report, tmp_path) == [("2025.md", "PC101")]
    assert sorted(s["reason"] for s in report["skipped"]) == [
        "excluded by the configuration (exclude = '*.draft.md')", "excluded by the configuration (exclude = 'archive/**')"]
    # a file named itself is checked, as ruff does
    _, report, _ = run(capsys, tmp_path, 'exclude = ["archive/**"]\n', tmp_path / "archive" / "2019.md")
    assert [f["rule"] for f in report["findings"]] == ["PC101"]


def test_per_file_ignores_drop_rules_on_matching_files_only(tmp_path, capsys):
    (tmp_path / "2020").mkdir()
    (tmp_path / "2020" / "bao-cao.md").write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    (tmp_path / "2025.md").write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    _, report, _ = run(capsys, tmp_path, '[per-file-ignores]\n"2020/*.md" = ["PC201", "shares"]\n', tmp_path)
    assert found(report, tmp_path) == [("2025.md", "PC101"), ("2025.md", "PC201")]


def test_a_rules_severity_is_set_or_turned_off(tmp_path, capsys):
    (tmp_path / "2025.md").write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    code, report, _ = run(capsys, tmp_path, '[severity]\nPC101 = "info"\ncomparison = "off"\n', tmp_path)
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("PC101", "info")]
    assert code == 0   # nothing at or above fail-on (error) is left


def test_extend_select_and_ignore_add_to_the_selection_as_the_command_line_does(tmp_path, capsys):
    (tmp_path / "2025.md").write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    _, report, _ = run(capsys, tmp_path, 'select = ["PC1"]\nextend-select = ["PC201"]\n', tmp_path)
    assert found(report, tmp_path) == [("2025.md", "PC101"), ("2025.md", "PC201")]
    _, report, _ = run(capsys, tmp_path, 'select = ["PC1"]\n', tmp_path, "--extend-select", "PC201")
    assert found(report, tmp_path) == [("2025.md", "PC101"), ("2025.md", "PC201")]
    _, report, _ = run(capsys, tmp_path, 'extend-ignore = ["PC101"]\n', tmp_path, "--ignore", "PC201")
    assert found(report, tmp_path) == []
    # --select replaces the configuration's selection
    _, report, _ = run(capsys, tmp_path, 'select = ["PC1"]\n', tmp_path, "--select", "PC201")
    assert found(report, tmp_path) == [("2025.md", "PC201")]


def test_a_misspelt_rule_or_setting_gets_a_did_you_mean(tmp_path, capsys):
    (tmp_path / "2025.md").write_text(SHARES, encoding="utf-8")
    code, _, err = run(capsys, tmp_path, "", tmp_path, "--select", "structure-summ")
    assert code == 2 and "did you mean 'structure-sum'?" in err
    code, _, err = run(capsys, tmp_path, 'extend_ignore = ["PC101"]\n', tmp_path)
    assert code == 2 and "unknown setting 'extend_ignore'; did you mean 'extend-ignore'?" in err


def test_the_closest_name_sets_a_severity_and_a_bare_exclude_name_matches_at_any_depth(tmp_path, capsys):
    (tmp_path / "du-lieu" / "archive").mkdir(parents=True)
    (tmp_path / "du-lieu" / "archive" / "cu.md").write_text(SHARES, encoding="utf-8")
    (tmp_path / "2025.md").write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    config = 'exclude = ["archive"]\n[severity]\ncomparison = "info"\nPC201 = "warning"\nSHARES = "info"\n'
    _, report, _ = run(capsys, tmp_path, config, tmp_path)
    assert sorted((f["rule"], f["severity"]) for f in report["findings"]) == [("PC101", "info"), ("PC201", "warning")]
    assert [s["reason"] for s in report["skipped"]] == ["excluded by the configuration (exclude = 'archive')"]


def test_a_pyproject_with_only_a_sub_table_of_plancheck_is_found(tmp_path, monkeypatch):
    from plancheck.config import find_config

    (tmp_path / "pyproject.toml").write_text('[tool.plancheck.severity]\nPC253 = "info"\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_per_file_ignores_apply_to_standard_input_by_its_name(tmp_path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SHARES.encode("utf-8"))))
    _, report, _ = run(capsys, tmp_path, '[per-file-ignores]\n"du-thao/*.md" = ["PC101"]\n', "-",
                       "--stdin-filename", "du-thao/bao-cao.md")
    assert report["findings"] == []


def test_a_prefix_is_closer_than_a_category_whatever_its_spelling():
    from plancheck.engine import specificity

    assert specificity("PC252", "PC252", "english-separators") > specificity("english-separators", "PC252",
                                                                             "english-separators") \
        > specificity("PC25", "PC252", "english-separators") > specificity("number-format", "PC252",
                                                                            "english-separators") \
        > specificity("ALL", "PC252", "english-separators")
