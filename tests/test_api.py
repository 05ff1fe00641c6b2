"""The Python API as a newcomer meets it (issue 23, item 3, in part)."""


def test_a_selection_may_be_one_string_and_the_package_doctest_holds():
    import doctest
    from pathlib import Path

    import plancheck

    root = Path(__file__).resolve().parent.parent
    import os

    here = os.getcwd()
    os.chdir(root)   # the doctest names the bundled example by its path in the repository
    try:
        assert doctest.testmod(plancheck).failed == 0
        as_list = plancheck.check("examples/son-la-2024.yaml", select=["PC1", "number-format"])
        as_string = plancheck.check("examples/son-la-2024.yaml", select="PC1, number-format")
        assert [f.rule for f in as_string.findings] == [f.rule for f in as_list.findings] != []
    finally:
        os.chdir(here)
    assert (root / "plancheck" / "py.typed").exists()


def test_a_text_held_in_memory_is_checked_and_reported_by_its_name():
    import pytest

    import plancheck

    report = plancheck.check_text("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n",
                                  name="du-thao/ke-hoach.md", lang="en")
    [finding] = report.findings
    assert (finding.rule, finding.location.path, finding.location.line) == ("PC101", "du-thao/ke-hoach.md", 1)
    assert report.files == ["du-thao/ke-hoach.md"]
    assert report.source_line("du-thao/ke-hoach.md", 1).startswith("Cơ cấu kinh tế")
    with pytest.raises(TypeError):
        plancheck.check_text("…", nmae="x.md")   # an unknown keyword is refused
    with pytest.raises(plancheck.PlancheckError, match="names no rule"):
        plancheck.check_text("Điều 1.", select="PC9999x")
    assert "check_text" in dir(plancheck)
