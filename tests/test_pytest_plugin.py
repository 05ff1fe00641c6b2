"""The pytest plugin: a data repository's plan files as tests (run with pytest's own pytester,
in a subprocess each, as a user's pytest would run: in-process runs reload yaml under libyaml)."""
import os
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

CLEAN_STRUCTURE = """format: plancheck/1
periods: {KH2024: {year: 2024, kind: plan}}
indicators:
  - name: Cơ cấu kinh tế
    unit: "%"
    components:
      - {name: "Nông, lâm nghiệp và thủy sản", values: {KH2024: "15,31"}}
      - {name: Công nghiệp và xây dựng, values: {KH2024: "39,6"}}
      - {name: Dịch vụ, values: {KH2024: "38,64"}}
      - {name: Thuế sản phẩm, values: {KH2024: "6,46"}}
"""
OPEN_STRUCTURE = CLEAN_STRUCTURE.replace('"6,46"', '"7,46"')


def repository(pytester):
    """A data repository: two plan files, a note, a CI file that is not a plan."""
    pytester.makefile(".yaml", **{"plans/lai-chau-2024": CLEAN_STRUCTURE, "plans/draft-2024": OPEN_STRUCTURE,
                                  "ci": "jobs: {}\n"})
    pytester.makefile(".md", README="# Kế hoạch 2024\n")


def test_off_unless_asked(pytester):
    repository(pytester)
    assert pytester.runpytest_subprocess("-p", "no:cacheprovider").ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_each_plan_file_is_a_test_that_fails_with_its_findings(pytester):
    repository(pytester)
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "plans/draft-2024.yaml::plancheck FAILED*",
        "plans/lai-chau-2024.yaml::plancheck PASSED*",
    ])
    assert "plans/draft-2024.yaml:7:65: PC101 [lỗi] Cơ cấu kinh tế (kế hoạch 2024): các tỷ trọng cộng lại 101,01%" in \
        result.stdout.str()
    assert "README" not in result.stdout.str() and "ci.yaml" not in result.stdout.str()


def test_the_projects_plancheck_settings_apply(pytester):
    repository(pytester)
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\nignore = ["PC101"]\n'
                               '[tool.pytest.ini_options]\nplancheck = true\n')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_warnings_fail_when_the_project_says_so_and_the_marker_selects(pytester):
    pytester.makefile(".yaml", **{"son-la": (EXAMPLES / "son-la-2024.yaml").read_text(encoding="utf-8")})
    pytester.makefile(".toml", plancheck='lang = "en"\nselect = ["outlier"]\nfail-on = "warning"\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-m", "plancheck")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "PC271 [warning]" in out and "PC272 [warning]" in out and "3 findings (2 warnings, 1 info) · 1 file" in out
    deselected = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-m", "not plancheck")
    deselected.assert_outcomes(deselected=1)


def test_an_unreadable_file_fails_its_test_with_a_message_and_the_others_run(pytester):
    repository(pytester)
    pytester.makefile(".yaml", **{"plans/broken": "format: plancheck/1\nindicators: [\n"})
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    assert "plans/broken.yaml:3:1: không đọc được: YAML không hợp lệ" in result.stdout.str()
    assert "Traceback" not in result.stdout.str()


def test_a_bad_rule_pack_is_a_plain_message(pytester):
    repository(pytester)
    pytester.makefile(".yaml", **{"rules/bad": "rules: [{id: XY1}]\n"})
    pytester.makefile(".toml", plancheck='rules = ["rules/bad.yaml"]\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "plancheck: " in result.stderr.str() and "bad.yaml" in result.stderr.str()
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_a_bad_configuration_is_one_usage_error(pytester):
    repository(pytester)
    pytester.makefile(".toml", plancheck='fail-on = "warnings"\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert result.stderr.str().count("fail-on must be error or warning or info") == 1
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def run_in(pytester, folder, *args):
    """pytest run from ``folder``, as a user would run it there."""
    folder.mkdir(exist_ok=True)
    os.chdir(folder)
    return pytester.run(sys.executable, "-m", "pytest", "--plancheck", "-p", "no:cacheprovider", *args)


def test_the_configuration_nearest_to_where_pytest_runs_applies(pytester):
    repository(pytester)
    pytester.makepyprojecttoml('[tool.plancheck]\nignore = ["PC101"]\n')
    pytester.makefile(".toml", **{"plans/plancheck": 'lang = "en"\n'})
    run_in(pytester, pytester.path, "plans").assert_outcomes(passed=2)
    in_plans = run_in(pytester, pytester.path / "plans", ".")
    in_plans.assert_outcomes(failed=1, passed=1)
    assert "draft-2024.yaml:7:65: PC101 [error]" in in_plans.stdout.str()


def test_paths_are_shown_from_where_pytest_runs(pytester):
    repository(pytester)
    result = run_in(pytester, pytester.path / "other", "../plans")
    result.assert_outcomes(failed=1, passed=1)
    assert "../plans/draft-2024.yaml:7:65: PC101 [lỗi]" in result.stdout.str()


def test_citations_are_checked_against_the_configured_index(pytester):
    resolution = pytester.makefile(".txt", nq=(
        "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA\nSố: 252/NQ-HĐND\nSơn La, ngày 07 tháng 12 năm 2023\nNGHỊ QUYẾT\n"
        "Về kế hoạch phát triển kinh tế - xã hội năm 2024\nĐiều 1. Thông qua kế hoạch.\n"))
    assert plancheck_cli("index", str(resolution), "-o", str(pytester.path / "known.sqlite")) == 0
    resolution.unlink()
    pytester.makefile(".txt", **{"drafts/qd": (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 15/QĐ-UBND\nSơn La, ngày 10 tháng 01 năm 2024\nQUYẾT ĐỊNH\n"
        "Về việc giao chỉ tiêu kế hoạch năm 2024\n"
        "Căn cứ Nghị quyết số 252/NQ-HĐND ngày 08 tháng 12 năm 2023 của Hội đồng nhân dân tỉnh;\n"
        "Điều 1. Giao chỉ tiêu kế hoạch năm 2024.\n")})
    pytester.makefile(".toml", plancheck='index = "known.sqlite"\nlang = "en"\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert "PC911 [error]" in result.stdout.str() and "07/12/2023" in result.stdout.str()


def plancheck_cli(*args):
    from plancheck.cli import main

    return main(list(args))


SON_LA = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH SƠN LA\nSố: 252/NQ-HĐND\nSơn La, ngày 07 tháng 12 năm 2023\nNGHỊ QUYẾT\n"
          "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024\nHỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA\n"
          "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024\n")
CITING = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 15/QĐ-UBND\nSơn La, ngày 10 tháng 01 năm 2024\nQUYẾT ĐỊNH\n"
          "Về nhiệm vụ, giải pháp chủ yếu năm 2024\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n"
          "Căn cứ Nghị quyết số 252/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh về Kế hoạch phát triển kinh tế - xã hội "
          "năm 2024;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành những nhiệm vụ, giải pháp chủ yếu năm 2024.\n")


def test_the_checks_across_documents_are_a_test_of_their_own(pytester):
    pytester.makefile(".md", **{"docs/nq-252": SON_LA, "docs/qd-15": CITING})
    pytester.makefile(".toml", plancheck='lang = "en"\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*plancheck-across-documents FAILED*"])
    assert "PC911 [error] Nghị quyết 252/NQ-HĐND is cited as of 08/12/2023" in result.stdout.str()


def test_findings_below_fail_on_are_listed_and_options_override_the_configuration(pytester):
    pytester.makefile(".yaml", **{"son-la": (EXAMPLES / "son-la-2024.yaml").read_text(encoding="utf-8")})
    pytester.makefile(".toml", plancheck='lang = "en"\nselect = ["PC251"]\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider",
                                           "--plancheck-select", "outlier")
    result.assert_outcomes(passed=1)   # outliers are warnings: below fail-on, listed
    out = result.stdout.str()
    assert "plancheck" in out and "PC272 [warning]" in out and "below fail-on (error)" in out
    assert "PC251" not in out
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "--plancheck-fail-on", "warning",
                                           "--plancheck-select", "outlier")
    result.assert_outcomes(failed=1)


def test_a_misspelt_rule_is_one_usage_error(pytester):
    repository(pytester)
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "--plancheck-select", "structure-summ")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert result.stderr.str().count("did you mean 'structure-sum'?") == 1


def test_a_teams_own_test_uses_the_fixture_and_the_assertion(pytester):
    pytester.makefile(".yaml", **{"plans/ke-hoach-2025": OPEN_STRUCTURE, "plans/ke-hoach-2024": CLEAN_STRUCTURE})
    pytester.makefile(".toml", plancheck='lang = "en"\n')
    pytester.makepyfile(test_plans="""
from plancheck.testing import assert_no_findings

def test_2024_adds_up(plancheck_check):
    assert_no_findings(plancheck_check("plans/ke-hoach-2024.yaml"), category="shares")

def test_2025_adds_up(plancheck_check):
    assert_no_findings(plancheck_check("plans/ke-hoach-2025.yaml"), category="shares")
""")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "test_plans.py")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*AssertionError: 1 plancheck finding:*",
                                 "*plans/ke-hoach-2025.yaml:7:65: PC101 *Cơ cấu kinh tế*"])


def test_unchanged_clean_files_are_not_checked_again_and_a_change_is(pytester):
    repository(pytester)
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\n')
    first = pytester.runpytest_subprocess("--plancheck")
    first.assert_outcomes(passed=1, failed=1)
    assert "not checked again" not in first.stdout.str()
    second = pytester.runpytest_subprocess("--plancheck")
    second.assert_outcomes(passed=1, failed=1)   # the slip is checked again: only clean files are kept
    assert "1 unchanged clean file not checked again (pytest's cache)" in second.stdout.str()
    # the clean file's content changes: checked again, and the slip in it found
    (pytester.path / "plans" / "lai-chau-2024.yaml").write_text(OPEN_STRUCTURE, encoding="utf-8")
    third = pytester.runpytest_subprocess("--plancheck")
    third.assert_outcomes(failed=2)
    assert "not checked again" not in third.stdout.str()


def test_the_cache_is_keyed_by_the_settings_and_the_rule_packs(pytester):
    repository(pytester)
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\nignore = ["PC101"]\n')
    pytester.runpytest_subprocess("--plancheck").assert_outcomes(passed=2)
    again = pytester.runpytest_subprocess("--plancheck")
    assert "2 unchanged clean files not checked again" in again.stdout.str()
    # the selection changes: what was clean under it may not be
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\n')
    changed = pytester.runpytest_subprocess("--plancheck")
    changed.assert_outcomes(passed=1, failed=1)
    # a team pack that changes changes the key too
    pytester.makefile(".yaml", **{"rules/rieng": "pack: rieng\nrules: []\n"})
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\nrules = ["rules/rieng.yaml"]\n')
    pytester.runpytest_subprocess("--plancheck")
    assert "1 unchanged" in pytester.runpytest_subprocess("--plancheck").stdout.str()
    (pytester.path / "rules" / "rieng.yaml").write_text("pack: rieng\nrules: []\n# sửa\n", encoding="utf-8")
    assert "unchanged" not in pytester.runpytest_subprocess("--plancheck").stdout.str()


def test_without_the_cache_provider_everything_is_checked(pytester):
    repository(pytester)
    for _ in range(2):
        result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider")
        result.assert_outcomes(passed=1, failed=1)
        assert "not checked again" not in result.stdout.str()


def test_under_xdist_the_same_tests_and_the_same_summary(pytester):
    pytest.importorskip("xdist")
    repository(pytester)
    pytester.makefile(".md", **{"docs/bao-cao": "Cơ cấu kinh tế năm 2024: nông nghiệp 21%; công nghiệp 29%; "
                                                "dịch vụ 44%; thuế sản phẩm 9%.\n"})
    pytester.makefile(".toml", plancheck='lang = "en"\nfail-on = "error"\nseverity = {PC101 = "warning"}\n')
    serial = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider")
    parallel = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-n", "2")
    serial.assert_outcomes(passed=4)   # three files and the test across documents
    parallel.assert_outcomes(passed=4)
    section = lambda r: r.stdout.str().split(" plancheck ")[-1].split("\n==")[0]   # noqa: E731
    assert "PC101 [warning]" in section(serial) and "2 findings below fail-on (error)" in section(serial)
    assert section(parallel).strip() == section(serial).strip()   # the workers' findings reach the summary


def test_junit_xml_has_a_test_case_per_file_with_its_findings(pytester):
    import xml.etree.ElementTree as ET

    repository(pytester)
    pytester.makefile(".toml", plancheck='lang = "en"\n')
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "--junitxml=report.xml")
    result.assert_outcomes(passed=1, failed=1)
    by_file = {c.get("classname"): c for c in ET.parse(pytester.path / "report.xml").iter("testcase")}
    failed = [c for c in by_file.values() if c.find("failure") is not None]
    [case] = failed
    assert "draft-2024" in case.get("classname")
    assert "PC101 [error]" in case.find("failure").get("message") + (case.find("failure").text or "")


def test_the_time_a_file_may_take_holds_in_the_plugin_too(pytester):
    # issue 25, item 9: the configuration's timeout was the command line's alone
    pytester.makefile(".yaml", **{"son-la": (EXAMPLES / "son-la-2024.yaml").read_text(encoding="utf-8")})
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\ntimeout = 0.0001\n'
                               '[tool.pytest.ini_options]\nplancheck = true\n')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert "stopped after 0.0001 s (the limit per file" in result.stdout.str()
