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
