"""Outputs through one registry (issue 22, item 4): concise, github, junit, sarif beside text
and json; each written as the run goes, each pure to its format on stdout."""
import json
import xml.etree.ElementTree as ET

import pytest

from plancheck.cli import main
from plancheck.report import FORMATS

SHARES = "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n"   # PC101, an error
RATIO = ("| Chỉ tiêu | TH 2024 | KH 2025 | KH 2025 so với TH 2024 (%) |\n|---|---|---|---|\n"
         "| Thu ngân sách (tỷ đồng) | 200 | 214 | 170,0 |\n")                            # PC201, fix 107,0


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    return path


def run(capsys, fmt, *args):
    code = main(["check", "--no-config", "--format", fmt, "--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_format_is_in_the_registry_and_reports_the_same_findings(capsys, draft):
    assert set(FORMATS) == {"text", "concise", "json", "github", "junit", "sarif", "html"}
    expected = sorted(f["rule"] for f in json.loads(run(capsys, "json", draft)[1])["findings"])
    assert expected == ["PC101", "PC201"]
    for fmt in FORMATS:
        code, out, _ = run(capsys, fmt, draft)
        assert code == 1 and all(rule in out for rule in expected), fmt


def test_concise_is_a_line_a_finding(capsys, draft):
    _, out, _ = run(capsys, "concise", draft)
    assert out.splitlines() == [
        f"{draft}:1:1: PC101 [error] Cơ cấu kinh tế năm 2025 (plan 2025): shares sum to 110%, not 100% "
        "(30% + 35% + 45%; rounding allows ±1,5)",
        next(line for line in out.splitlines() if line.startswith(f"{draft}:5:"))]


def test_github_annotations_escape_what_the_workflow_commands_reserve(capsys, draft):
    _, out, _ = run(capsys, "github", draft)
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={draft},line=1,col=1,title=PC101 structure-sum::Cơ cấu kinh tế")
    assert "110%25" in first and "\n" not in first   # '%' escaped; one line each


def test_junit_is_xml_with_a_failing_case_per_file(capsys, draft, tmp_path):
    clean = tmp_path / "sach.md"
    clean.write_text("Điều 1. Tổ chức thực hiện.\n", encoding="utf-8")
    _, out, _ = run(capsys, "junit", draft, clean)
    suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    assert [f.get("type") for f in cases[str(draft)].iter("failure")] == ["PC101", "PC201"]
    assert list(cases[str(clean)]) == []


def test_sarif_has_the_rules_the_results_and_likely_fixes(capsys, draft):
    _, out, _ = run(capsys, "sarif", draft)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["tool"]["driver"]["name"] == "plancheck" and {"PC101", "PC201"} <= {r["id"] for r in rules}
    for result in run_["results"]:
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    # a likely fix ("?") is no SARIF fix; a certain one is, as a replacement of the figure's region
    assert all("fixes" not in r for r in run_["results"])


def test_sarif_fixes_are_the_certain_ones(tmp_path, capsys):
    draft = tmp_path / "cong-van.md"
    text = "Diện tích trồng rừng mới 2,480.5 ha.\n"
    draft.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "sarif", draft)
    [result] = json.loads(out)["runs"][0]["results"]
    [change] = result["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == draft.as_uri()
    [replacement] = change["replacements"]
    assert replacement["insertedContent"]["text"] == "2.480,5"
    start, end = replacement["deletedRegion"]["startColumn"], replacement["deletedRegion"]["endColumn"]
    assert text[start - 1:end - 1] == "2,480.5"   # the region is the figure the fix replaces


def test_each_finding_ends_where_its_figure_does(tmp_path, capsys):
    draft = tmp_path / "cong-van.md"
    text = "Diện tích trồng rừng mới 2,480.5 ha, đạt 52,1%.\n"
    draft.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "json", draft)
    [f] = json.loads(out)["findings"]
    assert (f["line"], f["end_line"]) == (1, 1)
    assert text[f["column"] - 1:f["end_column"] - 1] == "2,480.5"   # end_column: the column after the figure
