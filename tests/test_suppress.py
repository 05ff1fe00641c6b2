"""Suppressions (issue 22, item 1): a finding a team accepts, written where it is, with why;
each format's syntax through the command line, and the report of one that suppresses nothing."""
import json

import pytest

from plancheck.cli import main

SHARES = "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%."   # 110%
LABOUR = "Cơ cấu lao động năm 2025: nông nghiệp 50%, công nghiệp 35%, dịch vụ 25%."   # 110%


def run(capsys, *args):
    code = main(["check", "--no-config", "--format", "json", "--lang", "en", *map(str, args)])
    return code, json.loads(capsys.readouterr().out)


def rules_at(report):
    return sorted((f["rule"], f["line"]) for f in report["findings"])


def test_a_comment_before_a_block_suppresses_its_findings_of_the_rules_it_names(tmp_path, capsys):
    draft = tmp_path / "ke-hoach.md"
    draft.write_text(f"{SHARES}\n\n<!-- plancheck: ignore PC101 -- số liệu Cục Thống kê đã công bố -->\n{LABOUR}\n",
                     encoding="utf-8")
    code, report = run(capsys, draft)
    assert rules_at(report) == [("PC101", 1)] and code == 1
    # a prefix, a slug and a category name it too
    for key in ("PC1", "structure-sum", "shares"):
        draft.write_text(f"<!-- plancheck: ignore {key} -- đã công bố -->\n{SHARES}\n", encoding="utf-8")
        assert rules_at(run(capsys, draft)[1]) == []


def test_disable_and_enable_bound_a_range(tmp_path, capsys):
    draft = tmp_path / "bao-cao.md"
    draft.write_text(f"<!-- plancheck: disable PC101 -- phụ lục trích nguyên văn -->\n{SHARES}\n\n{LABOUR}\n"
                     f"<!-- plancheck: enable PC101 -->\n\n{SHARES}\n", encoding="utf-8")
    assert rules_at(run(capsys, draft)[1]) == [("PC101", 7)]


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path, capsys):
    draft = tmp_path / "du-thao.md"
    draft.write_text(f"<!-- plancheck: ignore PC203 -- nhầm quy tắc -->\n{SHARES}\n\n"
                     f"<!-- plancheck: ignore PC101 -- đã sửa số liệu -->\n"
                     "Cơ cấu kinh tế năm 2026: nông nghiệp 25%, công nghiệp 30%, dịch vụ 45%.\n", encoding="utf-8")
    code, report = run(capsys, draft)
    assert rules_at(report) == [("PC001", 1), ("PC001", 4), ("PC101", 2)]
    unused = [f for f in report["findings"] if f["rule"] == "PC001"]
    assert unused[0]["message"].startswith('The suppression "<!-- plancheck: ignore PC203 -- nhầm quy tắc -->" '
                                           "suppresses nothing (PC203)")
    # a suppression of a rule that did not run is not judged
    code, report = run(capsys, "--select", "PC101", draft)
    assert rules_at(report) == [("PC101", 2)]
    # and PC001 can be ignored as any rule
    assert "PC001" not in {r for r, _ in rules_at(run(capsys, "--ignore", "PC001", draft)[1])}


def test_a_plan_files_comment_and_an_indicators_ignore_list(tmp_path, capsys):
    plan = tmp_path / "ke-hoach-2025.yaml"
    plan.write_text("""format: plancheck/1
periods:
  TH2024: {year: 2024, kind: actual}
  KH2025: {year: 2025, kind: plan}
comparisons:
  ss: {of: KH2025, to: TH2024}
indicators:
  - name: Thu ngân sách
    unit: tỷ đồng
    values: {TH2024: 200, KH2025: 214}
    compare: {ss: 117}   # plancheck: ignore[PC201] nghị quyết đã ban hành
  - name: Vốn đầu tư
    unit: tỷ đồng
    values: {TH2024: 500, KH2025: 540}
    compare: {ss: 118}
    ignore: ["PC201 -- đã công bố trên Công báo"]
  - name: Xuất khẩu
    unit: triệu USD
    values: {TH2024: 300, KH2025: 330}
    compare: {ss: 120}
  - name: Nhập khẩu
    unit: triệu USD
    values: {TH2024: 100, KH2025: 110}
    compare: {ss: 110}
    ignore: [{rule: PC201, reason: thử}]
""", encoding="utf-8")
    code, report = run(capsys, plan)
    assert rules_at(report) == [("PC001", 25), ("PC201", 20)]


def test_a_word_comment_suppresses_its_paragraphs_findings(tmp_path, capsys):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    first = d.add_paragraph(SHARES)
    d.add_comment(first.runs, text="plancheck: ignore PC101 -- số liệu đã công bố", author="Phòng Tổng hợp")
    second = d.add_paragraph(LABOUR)
    d.add_comment(second.runs, text="Kiểm tra lại", author="Phòng Tổng hợp")
    third = d.add_paragraph("Điều 2. Tổ chức thực hiện.")
    d.add_comment(third.runs, text="plancheck: ignore PC101 -- chỗ khác", author="Phòng Tổng hợp")
    path = tmp_path / "ke-hoach.docx"
    d.save(path)
    code, report = run(capsys, path)
    found = sorted((f["rule"], f["paragraph"]) for f in report["findings"])
    assert found == [("PC001", 3), ("PC101", 2)]


SON_LA = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH SƠN LA\nSố: 252/NQ-HĐND\nSơn La, ngày 07 tháng 12 năm 2023\nNGHỊ QUYẾT\n"
          "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024\nHỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA\n"
          "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024\n")
CITING = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 15/QĐ-UBND\nSơn La, ngày 10 tháng 01 năm 2024\nQUYẾT ĐỊNH\n"
          "Về nhiệm vụ, giải pháp chủ yếu năm 2024\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n{mark}"
          "Căn cứ Nghị quyết số 252/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh về Kế hoạch phát triển kinh tế - xã hội "
          "năm 2024;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành những nhiệm vụ, giải pháp chủ yếu năm 2024.\n")


def test_findings_across_documents_are_suppressed_where_they_are_reported(tmp_path, capsys):
    (tmp_path / "nq.md").write_text(SON_LA, encoding="utf-8")
    citing = tmp_path / "qd.md"
    citing.write_text(CITING.format(mark=""), encoding="utf-8")
    assert [r for r, _ in rules_at(run(capsys, tmp_path)[1])] == ["PC911"]
    citing.write_text(CITING.format(mark="<!-- plancheck: ignore PC911 -- ngày theo bản gốc lưu trữ -->\n"),
                      encoding="utf-8")
    assert rules_at(run(capsys, tmp_path)[1]) == []
    # named across documents, suppressing nothing: reported once the checks across documents ran
    (tmp_path / "nq.md").write_text(SON_LA.replace("07 tháng 12", "08 tháng 12"), encoding="utf-8")
    assert rules_at(run(capsys, tmp_path)[1]) == [("PC001", 8)]


def test_a_reasons_words_never_name_rules_and_a_misspelt_rule_is_reported(tmp_path, capsys):
    # without "--", the first word that names no rule starts the reason ("all" is no rule here)
    draft = tmp_path / "bao-cao.md"
    draft.write_text(f"<!-- plancheck: ignore PC101 vì all số liệu đã công bố -->\n{SHARES}\nNoi nhận:\n\n"
                     f"<!-- plancheck: ignore PC1O1 -- gõ nhầm tên quy tắc -->\n{LABOUR}\n\n"
                     f"<!-- plancheck: ignore Structure-Sum -- hoa thường không quan trọng -->\n{SHARES}\n",
                     encoding="utf-8")
    code, report = run(capsys, draft)
    assert rules_at(report) == [("PC001", 5), ("PC101", 6), ("PC951", 3)]
