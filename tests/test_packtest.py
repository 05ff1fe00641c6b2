"""A team's own rule pack tested by its examples (issue 23, item 5): `plancheck rules --test PACK`,
one test per configured pack under pytest, explain showing each example's result; a failing
example is reported at its line in the pack."""
import pytest

from plancheck.cli import main
from plancheck.packtest import run_pack

# A pack of one rule on structures that must close at 100%: its second "fires" example closes
# (a slip in the pack), its second "passes" example does not (another slip).
PACK = """pack: so-lieu-tinh
rules:
  - id: XY201
    slug: co-cau-dong
    category: shares
    severity: error
    kind: structure_sum
    params: {total: 100}
    message: {vi: "cơ cấu cộng lại {sum}%", en: "the structure sums to {sum}%"}
    doc: {what: A structure closes at 100%.}
    examples:
      fires:
        - "Cơ cấu lao động: nông nghiệp 52%; công nghiệp 20%; dịch vụ 31%."
        - "Cơ cấu lao động: nông nghiệp 49%; công nghiệp 20%; dịch vụ 31%."
      passes:
        - "Cơ cấu vốn: nhà nước 40%; ngoài nhà nước 45%; nước ngoài 15%."
        - "Cơ cấu vốn: nhà nước 40%; ngoài nhà nước 45%; nước ngoài 25%."
"""


@pytest.fixture
def pack(tmp_path):
    path = tmp_path / "so-lieu-tinh.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def test_each_example_is_run_and_placed_at_its_line(pack):
    outcomes = run_pack(pack, "en")
    assert [(o.key, o.number, o.ok) for o in outcomes] == [
        ("fires", 1, True), ("fires", 2, False), ("passes", 1, True), ("passes", 2, False)]
    lines = PACK.splitlines()
    for o in outcomes:   # the line of the example's own text
        assert lines[o.line - 1].strip().startswith("- \"Cơ cấu"), (o, lines[o.line - 1])
    assert [o.line for o in outcomes] == [13, 14, 16, 17]
    assert outcomes[3].messages == ["the structure sums to 110%"]


def test_rules_test_names_each_failing_example_and_exits_1(pack, capsys):
    assert main(["rules", "--test", str(pack), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{pack}:14:11: XY201 example fires #2: plancheck says nothing, the pack says it fires",
        f"{pack}:17:11: XY201 example passes #2: the pack says it passes, plancheck says: the structure sums to 110%",
        "1 rule, 4 examples: 2 not as the pack says",
    ]
    assert main(["rules", "--test", str(pack)]) == 1   # in Vietnamese by default
    assert "XY201 ví dụ fires #2: plancheck không báo gì" in capsys.readouterr().out


def test_a_pack_whose_examples_hold_passes_and_the_shipped_packs_do(pack, capsys):
    pack.write_text(PACK.replace("dịch vụ 31%.\"\n      passes", "dịch vụ 30%.\"\n      passes")
                    .replace("nông nghiệp 49%", "nông nghiệp 59%").replace("nước ngoài 25%", "nước ngoài 15%"),
                    encoding="utf-8")
    assert main(["rules", "--test", str(pack), "--lang", "en"]) == 0
    assert capsys.readouterr().out == "1 rule, 4 examples: all as the pack says\n"
    assert main(["rules", "--test", "--lang", "en"]) == 0   # no pack named: every pack loaded
    assert "examples: all as the pack says" in capsys.readouterr().out


def test_a_pack_that_does_not_load_is_a_usage_error_at_its_line(pack, capsys):
    pack.write_text(PACK.replace("kind: structure_sum", "kind: structure_summ"), encoding="utf-8")
    assert main(["rules", "--test", str(pack)]) == 2
    assert f"{pack}:7:" in capsys.readouterr().err


def test_explain_shows_each_example_with_its_result(pack, capsys):
    assert main(["explain", "XY201", "--rules", str(pack), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("plancheck says nothing (NOT AS THE PACK SAYS)") == 1    # fires #2
    assert "plancheck says: the structure sums to 110% (NOT AS THE PACK SAYS)" in out   # passes #2
    assert "plancheck says: the structure sums to 103%" in out                # fires #1, as it should


def test_the_plugin_tests_the_configured_packs(pytester):
    pytester.makefile(".yaml", **{"rules/so-lieu-tinh": PACK})
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\nrules = ["rules/so-lieu-tinh.yaml"]\n')
    pytester.makefile(".md", **{"ke-hoach": "Điều 1. Phạm vi điều chỉnh.\n"})
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=1, failed=1)
    out = result.stdout.str()
    assert "plancheck-rule-pack[rules/so-lieu-tinh.yaml] FAILED" in out
    assert "rules/so-lieu-tinh.yaml:14:11: XY201 example fires #2: plancheck says nothing" in out


def test_a_run_of_other_tests_does_not_run_the_packs(pytester):
    pytester.makefile(".yaml", **{"rules/so-lieu-tinh": PACK})
    pytester.makepyprojecttoml('[tool.plancheck]\nlang = "en"\nrules = ["rules/so-lieu-tinh.yaml"]\n')
    pytester.makepyfile(test_mot="def test_one():\n    assert True\n")
    result = pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "test_mot.py")
    result.assert_outcomes(passed=1)
    assert "rule-pack" not in result.stdout.str()
