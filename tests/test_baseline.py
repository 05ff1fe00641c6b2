"""The baseline (issue 22, item 3): today's findings recorded, later runs report only new ones,
whatever lines moved; an edited figure is new."""
import json

from plancheck.cli import main

ECONOMY = "Điều 1. Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%."   # 110%
LABOUR = "Điều 2. Cơ cấu lao động năm 2025: nông nghiệp 50%, công nghiệp 35%, dịch vụ 25%."   # 110%


def check(capsys, *args):
    code = main(["check", "--no-config", "--format", "json", "--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_a_baseline_leaves_out_known_findings_wherever_their_lines_moved(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kh.md").write_text(ECONOMY + "\n", encoding="utf-8")
    code, report, err = check(capsys, "kh.md", "--baseline-write", "plancheck-baseline.json")
    assert code == 0 and [f["rule"] for f in report["findings"]] == ["PC101"]
    assert "1 finding recorded in the baseline plancheck-baseline.json" in err
    # two paragraphs added above it, a new slip below
    (tmp_path / "kh.md").write_text(f"Mở đầu.\n\nCăn cứ Luật Ngân sách.\n\n{ECONOMY}\n\n{LABOUR}\n", encoding="utf-8")
    code, report, err = check(capsys, "kh.md", "--baseline", "plancheck-baseline.json")
    assert code == 1 and [(f["rule"], f["line"]) for f in report["findings"]] == [("PC101", 7)]
    assert "1 finding of the baseline plancheck-baseline.json not shown" in err
    # the known slip's figure edited: its finding is new
    (tmp_path / "kh.md").write_text(ECONOMY.replace("45%", "46%") + "\n", encoding="utf-8")
    code, report, _ = check(capsys, "kh.md", "--baseline", "plancheck-baseline.json")
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("PC101", 1)]


def test_two_equal_findings_are_two_entries(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kh.md").write_text(f"{ECONOMY}\n\n{ECONOMY}\n", encoding="utf-8")
    check(capsys, "kh.md", "--baseline-write", "b.json")
    (tmp_path / "kh.md").write_text(f"{ECONOMY}\n\n{ECONOMY}\n\n{ECONOMY}\n", encoding="utf-8")
    _, report, _ = check(capsys, "kh.md", "--baseline", "b.json")
    assert [(f["rule"], f["line"]) for f in report["findings"] if f["rule"] == "PC101"] == [("PC101", 5)]


def test_a_missing_or_foreign_baseline_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kh.md").write_text(ECONOMY + "\n", encoding="utf-8")
    assert main(["check", "--no-config", "kh.md", "--baseline", "none.json"]) == 2
    assert "none.json: no such baseline (write one with --baseline-write)" in capsys.readouterr().err
    (tmp_path / "other.json").write_text('{"findings": []}', encoding="utf-8")
    assert main(["check", "--no-config", "kh.md", "--baseline", "other.json"]) == 2
    assert "not a plancheck baseline" in capsys.readouterr().err


def test_re_indenting_a_line_keeps_its_findings_known(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kh.md").write_text(ECONOMY + "\n", encoding="utf-8")
    check(capsys, "kh.md", "--baseline-write", "b.json")
    (tmp_path / "kh.md").write_text("    " + ECONOMY.replace(": ", ":  ") + "\n", encoding="utf-8")
    _, report, _ = check(capsys, "kh.md", "--baseline", "b.json")
    assert [f["rule"] for f in report["findings"] if f["rule"] == "PC101"] == []
