"""--fix and --diff (issue 22, item 6): the fixes rules mark certain, applied in place or shown;
a second run finds none of them; a likely fix is never applied."""
import pytest

from plancheck.cli import main

DRAFT = ("Noi nhận:\n- Như trên;\n\nCăn cú Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;\n\n"
         "Diện tích trồng rừng mới 2,480.5 ha; cơ cấu: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n")


def run(capsys, *args):
    code = main(["check", "--no-config", "--lang", "en", "--no-source", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_diff_shows_the_certain_fixes_and_writes_nothing(tmp_path, capsys):
    draft = tmp_path / "ke-hoach.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = run(capsys, "--diff", draft)
    assert code == 1 and draft.read_text(encoding="utf-8") == DRAFT
    assert "-Noi nhận:\n+Nơi nhận:" in out and "+Căn cứ Luật Lâm nghiệp" in out and "2.480,5 ha" in out
    assert "PC101" not in out   # only diffs on stdout
    assert "3 findings would be fixed" in err


def test_fix_applies_them_in_place_and_a_second_run_finds_none(tmp_path, capsys):
    draft = tmp_path / "ke-hoach.md"
    draft.write_bytes(DRAFT.replace("\n", "\r\n").encode("utf-8"))
    code, out, err = run(capsys, "--fix", draft)
    fixed = draft.read_bytes().decode("utf-8")
    assert fixed == DRAFT.replace("Noi", "Nơi").replace("Căn cú", "Căn cứ").replace("2,480.5", "2.480,5") \
        .replace("\n", "\r\n")   # its line endings kept
    assert "3 findings fixed" in err
    # what has no certain fix stays reported: the shares summing to 110%
    assert code == 1 and [line.split(": ")[1].split()[0] for line in out.splitlines()[:-1]] == ["PC101"]
    code, out, _ = run(capsys, "--select", "PC951,PC252", draft)
    assert code == 0 and out.startswith("No findings")


def test_word_and_likely_fixes_are_left_alone(tmp_path, capsys):
    # a likely fix (a ratio's operand, "?") is shown, never applied
    table = ("| Chỉ tiêu | TH 2024 | KH 2025 | KH 2025 so với TH 2024 (%) |\n|---|---|---|---|\n"
             "| Thu ngân sách (tỷ đồng) | 200 | 214 | 170,0 |\n")
    draft = tmp_path / "bang.md"
    draft.write_text(table, encoding="utf-8")
    run(capsys, "--fix", draft)
    assert draft.read_text(encoding="utf-8") == table
    # a Word file is not edited by --fix (its fixes go into a copy's comments, --annotate)
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Noi nhận:")
    word = tmp_path / "cong-van.docx"
    d.save(word)
    before = word.read_bytes()
    code, out, _ = run(capsys, "--fix", word)
    assert word.read_bytes() == before and "PC951" in out


def test_a_plan_file_is_fixed_only_inside_quoted_values(tmp_path, capsys):
    plan = tmp_path / "ke-hoach.yaml"
    text = ("format: plancheck/1\nperiods:\n  TH2024: {year: 2024, kind: actual}\n  KH2025: {year: 2025, kind: plan}\n"
            "indicators:\n  - name: Doanh thu du lịch\n    unit: tỷ đồng\n    values: {TH2024: 158.2, KH2025: \"170.5\"}\n")
    plan.write_text(text, encoding="utf-8")
    run(capsys, "--fix", plan)
    # 158.2 is YAML's number: "158,2" there would be two items; the quoted figure is fixed
    assert plan.read_text(encoding="utf-8") == text.replace('"170.5"', '"170,5"')
    code, out, _ = run(capsys, plan)
    assert "unreadable" not in out


def test_standard_input_is_never_fixed_in_place_and_other_encodings_are_left_alone(tmp_path, capsys, monkeypatch):
    import io
    import sys

    (tmp_path / "ke-hoach.md").write_text("Noi nhận:\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Noi nhận:\n".encode("utf-8"))))
    code, _, err = run(capsys, "--fix", "--stdin-filename", "ke-hoach.md", "-")
    assert code == 2 and "standard input cannot be fixed in place" in err
    assert (tmp_path / "ke-hoach.md").read_text(encoding="utf-8") == "Noi nhận:\n"   # the file on disk untouched
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Noi nhận:\n".encode("utf-8"))))
    code, out, _ = run(capsys, "--diff", "--stdin-filename", "du-thao.md", "-")
    assert code == 1 and out.startswith("--- a/du-thao.md\n+++ b/du-thao.md")
    utf16 = tmp_path / "utf16.md"
    utf16.write_bytes("Noi nhận:\n".encode("utf-16"))
    before = utf16.read_bytes()
    code, out, _ = run(capsys, "--fix", utf16)
    assert utf16.read_bytes() == before and "PC951" in out and "internal error" not in out


def test_a_rule_fixes_only_what_its_check_says_is_certain(tmp_path, capsys):
    # a Cyrillic С in a number has one Latin form; a type code one letter off is a guess
    draft = tmp_path / "quyet-dinh.md"
    text = ("Căn cứ Thông tư số 101/2025/TT-BTС ngày 05 tháng 11 năm 2025 của Bộ Tài chính;\n\n"
            "Thực hiện Chỉ thị số 15/CTT-TTg ngày 10 tháng 6 năm 2025 của Thủ tướng Chính phủ;\n")
    draft.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "--select", "PC705", draft)
    assert out.count("PC705") == 2
    run(capsys, "--fix", "--select", "PC705", draft)
    assert draft.read_text(encoding="utf-8") == text.replace("TT-BTС", "TT-BTC")


def test_a_number_on_the_line_after_its_citation_is_found_and_fixed_there(tmp_path, capsys):
    # the finding points at the number, not where the citation starts, so the fix lands on it
    draft = tmp_path / "ke-hoach.md"
    text = ("Căn cứ Quyết định số\n17/QĐ-UВND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh;\n")
    draft.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "--select", "PC705", draft)
    assert f"{draft}:2:1: PC705" in out
    run(capsys, "--fix", "--select", "PC705", draft)
    assert draft.read_text(encoding="utf-8") == text.replace("UВND", "UBND")
