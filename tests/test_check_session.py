"""Session and term consistency (PC901-PC903) and spelling slips (PC950-PC951)."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.checks.base import Subject
from plancheck.checks.session import ordinal_words, skeleton, term_value
from plancheck.engine import load_pack, run_example
from plancheck.models.document import Closing, DocumentStructure, Header
from plancheck.models.location import Location
from plancheck.models.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
RULES = {r.id: r for r in load_pack(ROOT / "rules" / "session.yaml")}
SHARED = ROOT.parent / "shared"


def run(rule_id: str, text: str, lang: str = "en"):
    return run_example(RULES[rule_id], text, lang)


# lai-chau_nq-kh-ktxh_2024.txt lines 1-12 and 113-117, as published.
LAI_CHAU = """\
HỘI ĐỒNG NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2024
HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU
KHOÁ XV, KỲ HỌP THỨ {header}
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Điều 1. Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2024.
Điều 3. Hiệu lực thi hành
Nghị quyết này được Hội đồng nhân dân tỉnh Lai Châu khoá {term}, kỳ họp thứ {closing} thông qua ngày 07 tháng 12 năm 2023 và có hiệu lực từ ngày thông qua./.
Noi nhận:
- Ủy ban Thường vụ Quốc hội, Chính phủ;
"""


def lai_chau(header="MƯỜI CHÍNH", closing="mươi chín", term="XV"):
    return LAI_CHAU.format(header=header, closing=closing, term=term)


def test_a_session_that_is_no_number_names_the_likely_one():
    [finding] = run("PC901", lai_chau())
    assert (finding.location.line, finding.location.column) == (8, 17)
    assert '"thứ mười chín" (19)' in finding.message and "closing statement" in finding.message
    assert finding.suggestion == "THỨ MƯỜI CHÍNH → THỨ MƯỜI CHÍN"
    [vi] = run("PC901", lai_chau(), "vi")
    assert "có lẽ là \"thứ mười chín\" (19)" in vi.message


def test_the_likely_number_prefers_the_other_statement():
    # "MƯỜI CHÁM" is two edits from both "mười tám" (18) and "mười chín" (19): the closing decides
    assert "(18)" in run("PC901", lai_chau(header="MƯỜI CHÁM", closing="mười tám"))[0].message
    assert "(19)" in run("PC901", lai_chau(header="MƯỜI CHÁM", closing="19"))[0].message
    # a closing that names a number far from the slip does not hide the closest spelling
    assert "(17)" in run("PC901", lai_chau(header="MƯỜI BẢI", closing="tám"))[0].message


def test_without_a_closing_the_closest_spelling_is_named():
    text = lai_chau().split("Điều 3.")[0]
    [finding] = run("PC901", text)
    assert "(19)" in finding.message and "closing" not in finding.message


@pytest.mark.parametrize("header, closing", [
    ("MƯỜI CHÍN", "19"), ("19", "mười chín"), ("TÁM", "tám"), ("TƯ", "4"), ("NHẤT", "nhất"),
    ("HAI MƯƠI MỐT", "21"),
])
def test_words_and_numerals_agree(header, closing):
    text = lai_chau(header=header, closing=closing)
    assert run("PC901", text) == [] and run("PC902", text) == [] and run("PC903", text) == []


def test_a_thematic_session_names_no_number():
    text = lai_chau(header="MƯỜI CHÍN - CHUYÊN ĐỀ", closing="mười chín")
    assert run("PC901", text) == [] and run("PC902", text) == []
    text = LAI_CHAU.replace("KỲ HỌP THỨ {header}", "KỲ HỌP CHUYÊN ĐỀ").format(closing="mười chín", term="XV")
    assert run("PC901", text) == []


def test_sessions_that_differ():
    [finding] = run("PC902", lai_chau(header="MƯỜI CHÍN", closing="mười tám"))
    assert finding.location.line == 12
    assert '"thứ mười tám" (18)' in finding.message and '"THỨ MƯỜI CHÍN" (19)' in finding.message


def test_terms_that_differ():
    [finding] = run("PC903", lai_chau(header="MƯỜI CHÍN", closing="mười chín", term="XIV"))
    assert "XIV" in finding.message and "XV" in finding.message
    assert run("PC903", lai_chau(header="MƯỜI CHÍN", closing="mười chín", term="15")) == []


@pytest.mark.parametrize("written, standard", [
    ("mươi chín", "thứ mười chín"), ("bốn", "thứ tư"), ("một", "thứ nhất"), ("mười năm", "thứ mười lăm"),
    ("hai mươi một", "thứ hai mươi mốt"),
])
def test_a_slip_in_a_session_that_still_reads(written, standard):
    [finding] = run("PC950", lai_chau(header="MƯỜI CHÍN", closing=written).replace("MƯỜI CHÍN", "19"))
    assert finding.location.line == 12 and finding.suggestion == f"thứ {written} → {standard}"


def test_lai_chau_closing_slip_is_reported_once_at_the_closing():
    findings = run("PC950", lai_chau())
    assert [f.location.line for f in findings] == [12]


@pytest.mark.parametrize("text, written, standard", [
    ("Noi nhận:\n- Như Điều 3;", "Noi nhận", "Nơi nhận"),
    ("**Noi nhận:**\n- Như Điều 3;", "Noi nhận", "Nơi nhận"),
    ("Căn cú Luật Tổ chức chính quyền địa phương;", "Căn cú", "Căn cứ"),
    ("QUYÊT NGHỊ:", "QUYÊT NGHỊ", "QUYẾT NGHỊ"),
    ("Theo đề nghi của Giám đốc Sở Tài chính.", "Theo đề nghi của", "Theo đề nghị của"),
])
def test_boilerplate_slips(text, written, standard):
    [finding] = run("PC951", text)
    assert finding.suggestion == f"{written} → {standard}"


@pytest.mark.parametrize("text", [
    "Nơi nhận:\n- Như Điều 3;", "NƠI NHẬN:", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc",
    "Căn cứ Luật Tổ chức chính quyền địa phương;", "Cần cù lao động là đức tính tốt.", "QUYẾT NGHỊ:",
    "Căn cứ vào tình hình thực tế", "Nơi nhận hồ sơ: Trung tâm Phục vụ hành chính công",
])
def test_boilerplate_spelled_right(text):
    assert run("PC951", text) == []


def test_helpers():
    assert skeleton("Nơi  nhận:") == "noi nhan" == skeleton("NOI NHAN")
    assert ordinal_words(19) == "thứ mười chín" and ordinal_words(4) == "thứ tư" and ordinal_words(1) == "thứ nhất"
    assert term_value("XV") == 15 == term_value("15") and term_value("XIV") == 14 and term_value("X1") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=25), st.text(max_size=25), st.sampled_from(["XV", "XIV", "15", "", "ABC"]))
def test_no_session_text_crashes(header_session, closing_session, term):
    structure = DocumentStructure(
        header=Header(term=term or None, session_text=header_session or None,
                      session_location=Location(line=8)),
        closing=Closing(text="Nghị quyết này được thông qua", location=Location(line=12), term="XV",
                        session_text=closing_session or None))
    from plancheck.text import parse_ordinal

    for holder in (structure.header, structure.closing):
        reading = parse_ordinal(holder.session_text) if holder.session_text else None
        holder.session = reading.value if reading else None
    subject = Subject(plan=Plan(path="t.txt"), structure=structure)
    for rule in RULES.values():
        for hit in rule.checker().run(subject, rule.parsed_params()):
            rule.message_for("en").format_map(hit.fields)


@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="../shared is not beside this checkout")
def test_corpus_lai_chau():
    import plancheck
    from plancheck.engine import RuleSet

    report = plancheck.check(SHARED / "corpus" / "lai-chau_nq-kh-ktxh_2024.txt", rules=RuleSet(RULES.values()))
    found = {(f.location.line, f.rule) for f in report.findings}
    assert found == {(8, "PC901"), (115, "PC950"), (117, "PC951")}
    [session] = [f for f in report.findings if f.rule == "PC901"]
    assert "(19)" in session.message
    others = plancheck.check(SHARED / "corpus", rules=RuleSet(RULES.values()))
    assert {f.location.path.rsplit("/", 1)[-1] for f in others.findings} == {"lai-chau_nq-kh-ktxh_2024.txt"}


def test_word_draft_and_text_agree(tmp_path):
    docx = pytest.importorskip("docx")
    import plancheck
    from plancheck.engine import RuleSet

    paragraphs = lai_chau().strip().split("\n")
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(tmp_path / "nq.docx")
    (tmp_path / "nq.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    rules = RuleSet(RULES.values())
    word = plancheck.check(tmp_path / "nq.docx", rules=rules, lang="en").findings
    text = plancheck.check(tmp_path / "nq.txt", rules=rules, lang="en").findings
    assert [(f.rule, f.message, f.suggestion) for f in word] == [(f.rule, f.message, f.suggestion) for f in text]
    assert [f.rule for f in word] == ["PC901", "PC950", "PC951"]
    assert word[0].location.paragraph == 8


@pytest.mark.parametrize("line, text, value", [
    ("KHÓA XV, KỲ HỌP THỨ 19 - CHUYÊN ĐỀ", "THỨ 19", 19),
    ("KHÓA XV, KỲ HỌP THỨ MƯỜI CHÍN (KỲ HỌP CHUYÊN ĐỀ)", "THỨ MƯỜI CHÍN", 19),
    ("KHÓA XV, KỲ HỌP THỨ BA BẤT THƯỜNG", "THỨ BA", 3),
    ("KHÓA XV, KỲ HỌP CHUYÊN ĐỀ", "CHUYÊN ĐỀ", None),
])
def test_the_header_reads_a_session_with_its_qualifier(line, text, value):
    from plancheck.extract.header import extract_header
    from plancheck.models.document import Document, Paragraph, Span

    lines = ["HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "Số: 12/NQ-HĐND", "NGHỊ QUYẾT", "Về việc thành lập",
             "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", line, "Căn cứ Luật Tổ chức chính quyền địa phương;"]
    document = Document(path="t.txt", source_format="text", lines=lines, blocks=[
        Paragraph(index=i, text=t, spans=[Span(start=0, location=Location(path="t.txt", line=i + 1))])
        for i, t in enumerate(lines)])
    header = extract_header(document)
    assert (header.session_text, header.session) == (text, value)
