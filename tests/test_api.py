"""The Python API as a newcomer meets it (issue 23, item 3, in part)."""
import pytest

import plancheck
from plancheck.cli import main


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


# A plan of one structure that does not close (PC101), as a team's script would hold it.
def _plan():
    return {"format": "plancheck/1", "periods": {"KH2026": {"year": 2026, "kind": "plan"}},
            "indicators": [
                {"name": "Dân số trung bình", "unit": "nghìn người", "values": {"KH2026": "512,4"}},
                {"name": "Cơ cấu kinh tế", "unit": "%", "components": [
                    {"name": "Nông, lâm nghiệp và thủy sản", "values": {"KH2026": "31,5"}},
                    {"name": "Công nghiệp - xây dựng", "values": {"KH2026": "30,0"}},
                    {"name": "Dịch vụ", "values": {"KH2026": "33,5"}},
                    {"name": "Thuế sản phẩm", "values": {"KH2026": "10,0"}}]}]}


def test_findings_on_a_mapping_are_located_by_their_path_in_the_data():
    import plancheck
    from plancheck.report.text import render

    report = plancheck.check(_plan(), lang="en")
    [finding] = report.findings
    loc = finding.location
    assert (finding.rule, loc.line, loc.column) == ("PC101", 0, 0)   # a mapping has no lines
    assert loc.pointer.startswith("indicators[1].")
    first_line = render(report, lang="en").splitlines()[0]
    assert first_line.startswith(f"<data>: {loc.pointer}: PC101 [error]")


def test_a_plan_file_s_findings_carry_their_path_in_the_data_too(tmp_path):
    import yaml

    import plancheck

    path = tmp_path / "ke-hoach-2026.yaml"
    path.write_text(yaml.safe_dump(_plan(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    [finding] = plancheck.check(path).findings
    assert finding.location.line > 1 and finding.location.pointer.startswith("indicators[1].")
    assert finding.location.pointer == plancheck.check(_plan()).findings[0].location.pointer


def test_the_report_has_one_shape_dumped_from_the_model_or_printed_by_the_cli(tmp_path, capsys):
    import json

    import plancheck
    from plancheck.cli import main

    draft = tmp_path / "ke-hoach.md"
    draft.write_text("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    main(["check", "--no-config", "--format", "json", str(draft)])
    printed = json.loads(capsys.readouterr().out)
    dumped = json.loads(plancheck.check(draft).model_dump_json())
    assert dumped == printed and dumped["findings"][0]["rule"] == "PC101"


def test_stage_is_a_keyword_and_a_bad_one_is_refused():
    import pytest

    import plancheck

    text = "QUYẾT ĐỊNH\nSố:      /QĐ-UBND\n\nĐiều 1. Ban hành Kế hoạch phát triển kinh tế - xã hội năm 2026.\n"
    final = plancheck.check_text(text, name="qd.md", stage="final", select="PC801")
    draft = plancheck.check_text(text, name="qd.md", stage="draft", select="PC801")
    assert [f.severity.value for f in final.findings] == ["error"]
    assert [f.severity.value for f in draft.findings] == ["info"]
    with pytest.raises(plancheck.PlancheckError, match="stage"):
        plancheck.check_text(text, stage="ban-cuoi")
    with pytest.raises(plancheck.PlancheckError, match="language"):
        plancheck.check_text(text, lang="fr")


def test_a_configuration_file_applies_when_given_and_the_keywords_win(tmp_path, monkeypatch):
    import pytest

    import plancheck

    monkeypatch.chdir(tmp_path)   # the file stands where the call runs: still read only when given
    config = tmp_path / "plancheck.toml"
    config.write_text('lang = "en"\n[severity]\nPC101 = "warning"\n', encoding="utf-8")
    # without config=, no file is read, even one in the folder the call runs from
    assert [f.severity.value for f in plancheck.check(_plan()).findings] == ["error"]
    [finding] = plancheck.check(_plan(), config=config).findings
    assert finding.severity.value == "warning" and "shares sum to" in finding.message
    [finding] = plancheck.check(_plan(), config=config, lang="vi").findings
    assert "các tỷ trọng cộng lại" in finding.message
    assert plancheck.check(_plan(), config=config, ignore="PC101").findings == []
    with pytest.raises(plancheck.PlancheckError, match="cannot read configuration"):
        plancheck.check(_plan(), config=tmp_path / "missing.toml")


def test_dir_lists_the_public_names():
    import plancheck

    assert dir(plancheck) == sorted(plancheck.__all__)
    assert {"check", "check_text", "check_stream", "Report", "PlancheckError"} <= set(dir(plancheck))


@pytest.mark.parametrize("source, says", [
    ("", "an empty path names no file"),
    ("du-thao\x00.md", "cannot hold a NUL"),
    (b"du-thao.md", "cannot check bytes"),
    (None, "cannot check NoneType"),
    (["du-thao.md", 3], "cannot check int"),
])
def test_a_source_that_is_no_path_is_refused_before_any_file_is_read(tmp_path, monkeypatch, source, says):
    # issue 25, item 11: "" checked the current folder, bytes and None gave a TypeError, a NUL an
    # internal error
    monkeypatch.chdir(tmp_path)
    (tmp_path / "du-thao.md").write_text("Cơ cấu kinh tế: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n",
                                          encoding="utf-8")
    with pytest.raises(plancheck.PlancheckError, match=says):
        plancheck.check(source, lang="en")
    assert main(["check", "--no-config", "--lang", "en", ""]) == 2
