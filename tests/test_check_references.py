"""References within one document (PC701-PC707), on excerpts of real texts."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.checks.references import (
    ClauseIndex, parse_number, parse_target, same_number,
)
from plancheck.engine import load_pack, run_example
from plancheck.checks.base import Subject
from plancheck.models.document import Clause, Document, Paragraph, Span
from plancheck.models.location import Location

ROOT = Path(__file__).resolve().parent.parent
RULES = {r.id: r for r in load_pack(ROOT / "rules" / "references.yaml")}
SHARED = ROOT.parent / "shared"


def run(rule_id: str, text: str, lang: str = "en"):
    return run_example(RULES[rule_id], text, lang)


def lines(findings):
    return [f.location.line for f in findings]


# -- internal references -------------------------------------------------------------------------

RESOLUTION = """\
Điều 1. Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2024, như sau:
1. Mục tiêu tổng quát
Tiếp tục phục hồi, tăng trưởng kinh tế nhanh và bền vững.
2. Các chỉ tiêu chủ yếu (chi tiết tại phụ lục số 01 kèm theo)
a) Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5%.
b) GRDP bình quân đầu người đạt 55,5 triệu đồng.
3. Nhiệm vụ, giải pháp chủ yếu (chi tiết tại Phụ lục số 02 kèm theo)
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện {target}.
2. Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện khoản 1 Điều này.
Nghị quyết này đã được Hội đồng nhân dân tỉnh Sơn La khóa XV, Kỳ họp thứ tám thông qua ngày 07 tháng 12 năm 2023.
PHỤ LỤC 01
CÁC CHỈ TIÊU CHỦ YẾU
PHỤ LỤC 02
NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
"""


@pytest.mark.parametrize("target", [
    "Nghị quyết này", "khoản 2 Điều 1", "điểm a khoản 2 Điều 1", "điểm b khoản 2 Điều 1 Nghị quyết này",
    "khoản 3 Điều 1 và khoản 2 Điều này", "Điều 1, Điều 2", "các nhiệm vụ tại Phụ lục số 02", "Phụ lục II",
    "khoản 2 Điều 8 của Nghị định số 272/2025/NĐ-CP", "Điều 12 Luật Di sản văn hóa",
])
def test_references_that_resolve(target):
    assert run("PC701", RESOLUTION.format(target=target)) == []


@pytest.mark.parametrize("target, missing, available", [
    ("khoản 4 Điều 1", "khoản 4 Điều 1", "Điều 1: khoản 1, 2, 3"),
    ("điểm c khoản 2 Điều 1", "điểm c khoản 2 Điều 1", "khoản 2 Điều 1: điểm a, b"),
    ("khoản 3 Điều này", "khoản 3 Điều 2", "Điều 2: khoản 1, 2"),
    ("Điều 5 Nghị quyết này", "Điều 5", "Điều 1, 2"),
    ("Phụ lục số 03", "Phụ lục 03", "Phụ lục 01, 02"),
    ("Phụ lục IV", "Phụ lục IV", "Phụ lục 01, 02"),
])
def test_references_that_do_not(target, missing, available):
    [finding] = run("PC701", RESOLUTION.format(target=target))
    assert finding.location.line == 9
    assert f"no {missing} " in finding.message and available in finding.message
    assert finding.severity == "error"


def test_as_article_three_in_the_recipients():
    text = ("Điều 1. Ban hành Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, KT.")
    [finding] = run("PC701", text)
    assert finding.location.line == 4 and "Điều 1, 2" in finding.message
    assert run("PC701", text.replace("Điều 2. Quyết định", "Điều 2. Giao.\nĐiều 3. Quyết định")) == []


def test_an_appendix_when_the_text_has_none_is_only_noted():
    [finding] = run("PC701", "Điều 1. Các chỉ tiêu (chi tiết tại Phụ lục số 01 kèm theo).\nĐiều 2. Hiệu lực.")
    assert finding.severity == "info"


def test_quoted_amendment_text_cites_the_amended_document():
    text = ("Điều 1. Sửa đổi, bổ sung một số điều của Quy định như sau:\n"
            "1. Sửa đổi khoản 2 Điều 5 như sau:\n"
            "“2. Mức hỗ trợ theo quy định tại điểm c khoản 4 Điều 9 và Phụ lục III.”\n"
            "Điều 2. Hiệu lực thi hành.")
    assert run("PC701", text) == []


def test_a_list_after_a_cited_law_names_that_laws_parts():
    # 54c3026bc7bb5cb7.md (Nghị định quy định chi tiết Luật Di sản văn hóa), Điều 1
    text = ("Điều 1. Phạm vi điều chỉnh\n"
            "1. Nghị định này quy định chi tiết thi hành một số điều của Luật Di sản văn hóa số 45/2024/QH15 "
            "(sau đây gọi là Luật Di sản văn hóa), bao gồm: điểm d khoản 3 Điều 7, khoản 4 Điều 13, khoản 7 "
            "Điều 25.\n2. Nghị định này quy định các biện pháp thi hành.\nĐiều 2. Đối tượng áp dụng\n"
            "Điều 7. Hiệu lực")
    assert run("PC701", text) == []
    # a new sentence that does not name the law speaks of this text again
    assert lines(run("PC701", text.replace("thi hành.\nĐiều 2", "thi hành. Trừ Điều 9.\nĐiều 2"))) == [3]


def test_an_attached_regulation_resolves_against_its_own_articles():
    text = ("Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý.\nĐiều 2. Hiệu lực.\n"
            "QUY ĐỊNH\n(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND)\n"
            "Điều 1. Phạm vi\nĐiều 2. Đối tượng\nĐiều 3. Trách nhiệm\n"
            "1. Sở Tài chính thực hiện theo khoản 2 Điều này và Điều 2.\n2. Các sở phối hợp.")
    assert run("PC701", text) == []
    assert lines(run("PC701", text.replace("và Điều 2.", "và Điều 4."))) == [8]


def test_parse_target():
    assert parse_target("điểm a khoản 2 Điều 90") == [("Điều", "90"), ("khoản", "2"), ("điểm", "a")]
    assert parse_target("khoản 1 Điều này") == [("Điều", "này"), ("khoản", "1")]
    assert parse_target("điểm c khoản này") == [("khoản", "này"), ("điểm", "c")]
    assert parse_target("Phụ lục 01") == [("Phụ lục", "01")]
    assert parse_target("Phụ lục") == [("Phụ lục", "")]
    assert parse_target("khoản 3 Phụ lục này") == [("Phụ lục", "này"), ("khoản", "3")]


@pytest.mark.parametrize("a, b, same", [
    ("01", "1", True), ("I", "1", True), ("IV", "04", True), ("a", "a", True), ("đ", "d", False),
    ("II", "III", False), ("2", "02a", False), ("A", "a", True),
])
def test_same_number(a, b, same):
    assert same_number(a, b) is same


def test_the_index_resolves_without_a_document():
    article = Clause(level="article", label="Điều 1", number="1", location=Location(line=1), block=0, children=[
        Clause(level="clause", label="1.", number="1", location=Location(line=2), block=1)])
    index = ClauseIndex([article], [])
    assert index.status("khoản 1 Điều 1", Location(line=5)) == "found"
    assert index.status("khoản 2", Location(line=5)) == "unknown"
    assert index.status("khoản 1 Điều này", Location(line=5)) == "found"
    assert index.resolve("khoản 2 Điều 1", Location(line=5)).available == "Điều 1: khoản 1"


# -- type word and symbol --------------------------------------------------------------------------

def test_conclusion_cited_with_a_notice_symbol():
    # son-la_nq-252-hdnd_2023.txt line 775
    text = ("Thực hiện Nghị quyết số 96/NQ-CP của Chính phủ; Kết luận số 176/TB-VPCP ngày 17/6/2022 của "
            "Thủ tướng Chính phủ Phạm Minh Chính tại buổi làm việc với tỉnh Sơn La.")
    [finding] = run("PC702", text)
    assert "TB (Thông báo)" in finding.message and "carries KL" in finding.message
    assert finding.suggestion == "Kết luận số 176/TB-VPCP → Thông báo kết luận số 176/TB-VPCP"
    assert finding.location.column == text.index("Kết luận") + 1


@pytest.mark.parametrize("text", [
    # thai-nguyen_nq-ktxh_2024.txt lines 104 and 127
    "Kết luận số 76-KL/TW ngày 04 tháng 6 năm 2020 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số "
    "33-NQ/TW; Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ.",
    "Báo cáo thẩm tra số 652/BC-KTNS ngày 5 tháng 12 năm 2023 của Ban Kinh tế - Ngân sách HĐND tỉnh.",
    "Đề án số 05-ĐA/TU ngày 15/11/2021 của Tỉnh ủy; Chỉ thị số 08/CT-TTg ngày 01 tháng 6 năm 2022.",
    "Công văn số 4297/STP-VB ngày 29/9/2025; Văn bản số 3169/TTr -STP ngày 31/10/2025 của Sở Tư pháp.",
    "Công văn số 1234/CT-TTHT ngày 02/3/2024 của Cục Thuế tỉnh.",   # CT is the issuer (Cục Thuế) here
    "Luật Đầu tư số 61/2020/QH14; Nghị quyết số 76/2025/NQ-UBTVQH15 ngày 14/4/2025.",
])
def test_types_that_agree(text):
    assert run("PC702", text) == []


# -- forms of numbers ----------------------------------------------------------------------------------

def test_party_number_in_the_state_form():
    # son-la_qd-ubnd-draft_2024.txt line 475
    [finding] = run("PC703", "Nghị quyết 06/NQ-TU ngày 21/01/2021 của Ban Chấp hành Đảng bộ tỉnh về phát triển.")
    assert finding.suggestion == "06/NQ-TU → 06-NQ/TU" and finding.severity == "warning"


@pytest.mark.parametrize("text", [
    "Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị; Nghị quyết số 96/NQ-CP ngày 01/8/2022.",
    "Kết luận số 855-KL/TU ngày 21/6/2023; Quy định số 08-QĐi/TW; Hướng dẫn số 36-HD/VPTW.",
    "Nghị quyết số 39/2020/NQ-HĐND ngày 13 tháng 12 năm 2020 của Hội đồng nhân dân.",
])
def test_forms_that_are_right(text):
    assert run("PC703", text) == [] and run("PC704", text) == [] and run("PC705", text) == []


def test_assembly_resolution_without_its_year_takes_the_dates():
    [finding] = run("PC704", "Nghị quyết số 103/NQ-QH15 ngày 09/11/2023 của Quốc hội.")
    assert finding.suggestion == "103/NQ-QH15 → 103/2023/QH15"


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Nghị định số 92/2017/NĐCP ngày 07/8/2017 của Chính phủ;", "92/2017/NĐ-CP"),
    ("Thông tư số 25/2023/TTBKHĐT ngày 31/12/2023 sửa đổi;", "25/2023/TT-BKHĐT"),
    ("Nghị quyết số 66/NQ-СР ngày 26/3/2025 của Chính phủ;", "66/NQ-CP"),
    ("đã được sửa đổi, bổ sung tại Luật số 22/2023/OH15.", "22/2023/QH15"),
])
def test_malformed_numbers(text, expected):
    [finding] = run("PC705", text)
    assert finding.suggestion.endswith("→ " + expected)


@pytest.mark.parametrize("text", [
    "Công văn số 123/TTg-KTTH ngày 02/3/2024 của Thủ tướng Chính phủ.",
    "Quyết định số 15/QĐ-BCĐ ngày 02/3/2024 của Ban Chỉ đạo; Công văn số 45/BCĐ389 ngày 02/3/2024.",
    "Công văn số 12/UBND ngày 02/3/2024; Quyết định số …./QĐ ngày … tháng … năm …",
])
def test_numbers_that_only_look_malformed(text):
    assert run("PC705", text) == []


def test_parse_number():
    party = parse_number("11-NQ/TW", "NQ/TW")
    assert (party.serial, party.party, party.code, party.issuer) == (11, True, "NQ", "TW")
    state = parse_number("39/2020/NQ-HĐND", "NQ-HĐND")
    assert (state.serial, state.year, state.code, state.issuer) == (39, 2020, "NQ", "HĐND")
    law = parse_number("61/2020/QH14", "QH14")
    assert (law.code, law.issuer) == (None, "QH14")
    assert parse_number("66/NQ-СР", "NQ-СР").key == parse_number("66/NQ-CP", "NQ-CP").key
    assert parse_number(None, "NQ-CP") is None


# -- dates of one number -----------------------------------------------------------------------------

def test_the_documents_own_number_with_another_date():
    text = ("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 252/NQ-HĐND\n"
            "Sơn La, ngày 07 tháng 12 năm 2023\nNGHỊ QUYẾT\nVề kế hoạch năm 2024\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Thông qua.\nPHỤ LỤC 01\n"
            "(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh Sơn La)")
    [finding] = run("PC706", text)
    assert finding.location.line == 10 and "line 3" in finding.message and "07/12/2023" in finding.message


@pytest.mark.parametrize("text", [
    # thai-nguyen_nq-ktxh_2024.txt lines 61/125 and 72/100: party resolutions of two terms
    "Nghị quyết số 19-NQ/TW ngày 16 tháng 6 năm 2023 của Ban Chấp hành Trung ương; Nghị quyết số 20-NQ/TW "
    "ngày 16 tháng 6 năm 2023.\nNghị quyết số 20-NQ/TW ngày 25 tháng 10 năm 2017 và Nghị quyết số 19-NQ/TW "
    "ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng Khóa XII.",
    # two councils of different levels may both number 15/NQ-HĐND
    "Nghị quyết số 15/NQ-HĐND ngày 10/7/2023 của HĐND tỉnh; Nghị quyết số 15/NQ-HĐND ngày 20/7/2023 của "
    "HĐND huyện Mai Sơn.",
    "Quyết định số 15/QĐ-UBND ngày 10/7/2023; Nghị quyết số 15/NQ-HĐND ngày 20/7/2023.",
])
def test_numbers_that_legitimately_repeat(text):
    assert run("PC706", text) == []


# -- normative texts without their year ----------------------------------------------------------------

THAI_NGUYEN = (
    "- Thực hiện có hiệu quả Nghị quyết số 04/2021/NQ-HĐND ngày 23 tháng 3 năm 2021 của Hội đồng nhân dân "
    "tỉnh quy định chính sách hỗ trợ kinh phí thành lập mới hợp tác xã.\n"
    "- Tiếp tục thực hiện hiệu quả chính sách hỗ trợ phát triển du lịch cộng đồng theo Nghị quyết số "
    "25/NQ-HĐND ngày 10 tháng 12 năm 2021 của Hội đồng nhân dân tỉnh {title} phát triển du lịch cộng đồng.")


def test_a_normative_resolution_without_its_year():
    # thai-nguyen_nq-ktxh_2024.txt lines 74 and 108
    [finding] = run("PC707", THAI_NGUYEN.format(title="quy định chính sách hỗ trợ"))
    assert finding.location.line == 2
    assert finding.suggestion == "25/NQ-HĐND → 25/2021/NQ-HĐND" and "04/2021/NQ-HĐND" in finding.message


@pytest.mark.parametrize("title", ["về", "về việc thông qua Đề án", "quy định tại khoản 2 Điều 1 về"])
def test_resolutions_that_are_not_normative(title):
    assert run("PC707", THAI_NGUYEN.format(title=title)) == []


def test_without_the_texts_own_practice_nothing_is_said():
    text = THAI_NGUYEN.format(title="quy định chính sách hỗ trợ").replace("04/2021/NQ-HĐND", "04/NQ-HĐND")
    assert run("PC707", text) == []


# -- never a crash -------------------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "Điều 1. ", "Điều 2.", "1. ", "2. ", "a) ", "khoản 2 Điều 1", "điểm a khoản 1 Điều 2", "Điều này",
    "Như Điều 3", "Phụ lục số 01", "PHỤ LỤC 01", "PHỤ LỤC II", "“", "”", '"', "Nghị quyết số 11-NQ/TW",
    "Nghị quyết 06/NQ-TU", "Kết luận số 176/TB-VPCP", "số 92/2017/NĐCP", "số 66/NQ-СР", " ngày 07/12/2023",
    " ngày 08/12/2023", " của HĐND tỉnh", " quy định chính sách", "Số: 252/NQ-HĐND", "\n", " ", ";", ".",
    "khoản này", "Phụ lục này", "Chương II", "Mục 3", "Luật số 22/2023/OH15", "103/2023/NQ-QH15",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.text(max_size=30))
def test_no_input_crashes_a_reference_rule(pieces, noise):
    subject = subject_of("".join(pieces) + noise)
    for rule in RULES.values():
        for hit in rule.checker().run(subject, rule.parsed_params()):
            assert hit.location is not None
            rule.message_for("vi").format_map(hit.fields)


def subject_of(text: str) -> Subject:
    """One paragraph per line, read as the pipeline reads a document."""
    from plancheck.extract import extract_plan, extract_structure

    blocks = [Paragraph(index=i, text=line, spans=[Span(start=0, location=Location(path="t.txt", line=n))])
              for i, (n, line) in enumerate((n, l) for n, l in enumerate(text.split("\n"), 1) if l.strip())]
    document = Document(path="t.txt", source_format="text", blocks=blocks, lines=text.split("\n"))
    structure = extract_structure(document)
    return Subject(plan=extract_plan(document, structure), document=document, structure=structure,
                   options={"stage": "final"})


# -- the corpus ------------------------------------------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="../shared is not beside this checkout")
@pytest.mark.parametrize("name, line, rule", [
    ("son-la_nq-252-hdnd_2023.txt", 775, "PC702"),
    ("son-la_nq-252-hdnd_2023.txt", 902, "PC703"),
    ("son-la_qd-ubnd-draft_2024.txt", 475, "PC703"),
    ("son-la_qd-ubnd-draft_2024.txt", 904, "PC704"),
    ("thai-nguyen_nq-ktxh_2024.txt", 108, "PC707"),
])
def test_corpus_gold(name, line, rule):
    import plancheck
    from plancheck.engine import RuleSet

    report = plancheck.check(SHARED / "corpus" / name, rules=RuleSet(RULES.values()))
    assert (line, rule) in {(f.location.line, f.rule) for f in report.findings}
    assert all(f.category == "reference" for f in report.findings)
    assert len(report.findings) == len({f.location.line for f in report.findings})


# -- Word drafts: the same findings as the text ------------------------------------------------------------

def test_word_draft_and_text_agree(tmp_path):
    docx = pytest.importorskip("docx")
    import plancheck
    from plancheck.engine import RuleSet

    paragraphs = RESOLUTION.format(target="khoản 4 Điều 1").strip().split("\n")
    cell = "Kết luận số 176/TB-VPCP ngày 17/6/2022 của Thủ tướng Chính phủ"
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Căn cứ", cell
    d.save(tmp_path / "draft.docx")
    (tmp_path / "draft.md").write_text("\n\n".join(paragraphs) + "\n\n| Căn cứ | " + cell + " |\n", encoding="utf-8")
    rules = RuleSet(RULES.values())
    word = plancheck.check(tmp_path / "draft.docx", rules=rules, lang="en").findings
    text = plancheck.check(tmp_path / "draft.md", rules=rules, lang="en").findings
    assert [(f.rule, f.message) for f in word] == [(f.rule, f.message) for f in text]
    assert {f.rule for f in word} == {"PC701", "PC702"}
    assert next(f for f in word if f.rule == "PC702").location.table is not None


def test_articles_inside_chapters():
    text = ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n1. Quy định này áp dụng.\n2. Không áp dụng.\n"
            "Chương II\nQUY ĐỊNH CỤ THỂ\nĐiều 2. Mức hỗ trợ\n1. Theo khoản 2 Điều 1 và Chương I.\n"
            "2. Trừ các trường hợp tại {target}.")
    assert run("PC701", text.format(target="khoản 1 Điều 2")) == []
    assert run("PC701", text.format(target="Điều 1 Chương I")) == []
    [finding] = run("PC701", text.format(target="Chương III"))
    assert "no Chương III" in finding.message and "Chương I, II" in finding.message
    [finding] = run("PC701", text.format(target="khoản 3 Điều 1"))
    assert finding.location.line == 10


def test_a_symbols_term_ministry_and_slashes_get_their_likely_fixes(tmp_path):
    import plancheck

    path = tmp_path / "refs.md"
    path.write_text(
        "Căn cứ Thông tư số 49/2025TT-BCT ngày 10 tháng 8 năm 2025 của Bộ trưởng Bộ Công Thương;\n"
        "Căn cứ Nghị định số 255/2025-NĐ-CP ngày 12 tháng 9 năm 2025 của Chính phủ;\n"
        "Căn cứ Chỉ thị số 15/CTT-TTg ngày 22 tháng 5 năm 2012 của Thủ tướng Chính phủ;\n"
        "Căn cứ Luật Phí và lệ phí số 97/2025/QH13 ngày 25 tháng 11 năm 2025;\n"
        "Căn cứ Luật số 45/2021/QH14 ngày 20 tháng 3 năm 2021;\n"   # term XIV sat until mid-2021
        "Căn cứ Thông tư số 44/2023/TT-BTC ngày 05 tháng 5 năm 2023 của Bộ trưởng Bộ Công Thương;\n"
        "Căn cứ Thông tư liên tịch số 12/2020/TTLT-BTC-BCT ngày 01 tháng 6 năm 2020 của Bộ Công Thương;\n",
        encoding="utf-8")
    found = [(f.rule, f.location.line, f.suggestion) for f in plancheck.check(path).findings
             if f.rule in ("PC705", "PC708", "PC709")]
    assert found == [("PC705", 1, "49/2025TT-BCT → 49/2025/TT-BCT"), ("PC705", 2, "255/2025-NĐ-CP → 255/2025/NĐ-CP"),
                     ("PC705", 3, "15/CTT-TTg → 15/CT-TTg"), ("PC708", 4, "97/2025/QH13 → 97/2025/QH15?"),
                     ("PC709", 6, "44/2023/TT-BTC → 44/2023/TT-BCT?")]


def test_an_always_dated_type_cited_without_its_year():
    import plancheck
    from pathlib import Path
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "grounds.md"
        path.write_text("Căn cứ Nghị định số 57/NĐ-CP ngày 14/3/2025 của Chính phủ;\n"
                        "Căn cứ Quyết định số 12/QĐ-UBND ngày 10/3/2025 của UBND tỉnh;\n", encoding="utf-8")
        assert [(f.rule, f.line if hasattr(f, "line") else f.location.line, f.suggestion)
                for f in plancheck.check(path).findings if f.rule == "PC710"] == [
            ("PC710", 1, "57/NĐ-CP → 57/2025/NĐ-CP?")]


def test_a_point_of_a_khoan_that_has_none_and_one_whose_points_were_not_read():
    import tempfile
    from pathlib import Path

    from plancheck.api import check

    def pc701(text: str) -> list[tuple[int, str]]:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "qd.txt"
            path.write_text(text, encoding="utf-8")
            return [(f.location.line, f.evidence["target"]) for f in check(path, select=["PC701"]).findings]

    text = ("Điều 1. Phạm vi điều chỉnh\n"
            "1. Quyết định này quy định mức hỗ trợ theo điểm d khoản này.\n"
            "2. Đối tượng quy định tại điểm b khoản 1 Điều này được hỗ trợ.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert pc701(text) == [(2, "điểm d khoản này"), (3, "điểm b khoản 1 Điều này")]
    # points inside khoản 1's paragraph (a line break lost) were not read as units: nothing to say
    joined = text.replace("khoản này.\n", "khoản này: a) người cao tuổi; b) trẻ em.\n")
    assert pc701(joined) == []
