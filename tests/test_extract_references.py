"""Citations of other documents and of this one's parts, on real excerpts."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.extract.references import extract_references
from plancheck.models.document import Cell, Document, Row, Span, Table
from plancheck.models.location import Location

from documents import CORPUS, doc  # noqa: E402


def refs(text: str):
    return extract_references(doc(text))


def only(text: str):
    [reference] = refs(text)
    return reference


# -- documents cited by number -------------------------------------------------------------------

@pytest.mark.parametrize("text, doc_type, number, symbol, year, issuer, date", [
    ("(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La)",
     "Nghị quyết", "252/NQ-HĐND", "NQ-HĐND", None, "HĐND tỉnh Sơn La", dt.date(2023, 12, 7)),
    ("Căn cứ Nghị quyết số 39/2020/NQ-HĐND ngày 13 tháng 12 năm 2020 của Hội đồng nhân dân về Kế hoạch",
     "Nghị quyết", "39/2020/NQ-HĐND", "NQ-HĐND", 2020, "Hội đồng nhân dân", dt.date(2020, 12, 13)),
    ("thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị về phương hướng",
     "Nghị quyết", "11-NQ/TW", "NQ/TW", None, "Bộ Chính trị", dt.date(2022, 2, 10)),
    ("tại Chương trình hành động số 24-CTr/TU ngày 18/12/2023 của Ban Thường vụ Tỉnh ủy thực hiện",
     "Chương trình hành động", "24-CTr/TU", "CTr/TU", None, "Ban Thường vụ Tỉnh ủy", dt.date(2023, 12, 18)),
    ("và Nghị quyết số 103/2023/NQ-QH15 ngày 09/11/2023 của Quốc hội về Kế hoạch",
     "Nghị quyết", "103/2023/NQ-QH15", "NQ-QH15", 2023, "Quốc hội", dt.date(2023, 11, 9)),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     "Nghị định", "30/2020/NĐ-CP", "NĐ-CP", 2020, "Chính phủ", dt.date(2020, 3, 5)),
    ("Kết luận số 176/TB-VPCP ngày 17/6/2022 của Thủ tướng Chính phủ Phạm Minh Chính tại buổi làm việc",
     "Kết luận", "176/TB-VPCP", "TB-VPCP", None, "Thủ tướng Chính phủ Phạm Minh Chính", dt.date(2022, 6, 17)),
    ("phát triển công nghiệp chế biến nông sản theo Nghị quyết 06/NQ-TU ngày 21/01/2021 của Ban Chấp hành "
     "Đảng bộ tỉnh, gắn với", "Nghị quyết", "06/NQ-TU", "NQ-TU", None, "Ban Chấp hành Đảng bộ tỉnh",
     dt.date(2021, 1, 21)),
    ("Báo cáo thẩm tra số 652/BC-KTNS ngày 5 tháng 12 năm 2023 của Ban Kinh tế - Ngân sách HĐND tỉnh; ý kiến",
     "Báo cáo thẩm tra", "652/BC-KTNS", "BC-KTNS", None, "Ban Kinh tế - Ngân sách HĐND tỉnh", dt.date(2023, 12, 5)),
    ("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;", "Luật", "63/2025/QH15", "QH15", 2025, None, None),
    ("BÃI BỎ QUYẾT ĐỊNH SỐ 32/2023/QĐ-UBND NGÀY 26 THÁNG 7 NĂM 2023 CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ",
     "Quyết định", "32/2023/QĐ-UBND", "QĐ-UBND", 2023, "ỦY BAN NHÂN DÂN THÀNH PHỐ", dt.date(2023, 7, 26)),
])
def test_a_cited_document_and_its_parts(text, doc_type, number, symbol, year, issuer, date):
    reference = only(text)
    assert not reference.internal
    assert (reference.doc_type, reference.number, reference.symbol, reference.year_in_number) == (
        doc_type, number, symbol, year)
    assert (reference.issuer, reference.date) == (issuer, date)
    assert reference.location.column == text.index(reference.text) + 1
    assert reference.text.split()[0].casefold() == doc_type.split()[0].casefold()


def test_the_date_is_kept_as_written_even_when_malformed():
    reference = only("Xét Tờ trình số 197/TTr-UBND ngày 26 ngày 11 tháng 2023 của Ủy ban nhân dân tỉnh;")
    assert reference.date_text == "ngày 26 ngày 11 tháng 2023"
    assert reference.date == dt.date(2023, 11, 26)   # read as meant; a rule re-reads date_text for the slip


@pytest.mark.parametrize("text, number, symbol", [
    ("tại Văn bản số 3169/TTr -STP ngày 31/10/2025", "3169/TTr -STP", "TTr -STP"),  # stray space kept
    ("Nghị định số 92/2017/NĐCP ngày 07/8/2017", "92/2017/NĐCP", "NĐCP"),           # hyphen missing
    ("Nghị quyết số 66/NQ-СР ngày 26/3/2025", "66/NQ-СР", "NQ-СР"),                 # Cyrillic С and Р
])
def test_numbers_and_symbols_are_kept_as_written(text, number, symbol):
    reference = only(text)
    assert (reference.number, reference.symbol) == (number, symbol)


def test_a_draft_blank_number():
    reference = only("(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày / /2025 của Ủy ban nhân dân tỉnh)")
    assert (reference.doc_type, reference.number, reference.symbol) == ("Quyết định", "/QĐ-UBND", "QĐ-UBND")
    assert reference.date is None and reference.date_text == "ngày / /2025"


def test_a_list_of_numbers_shares_its_type():
    found = refs("tại các Văn bản: số 4104/SNV-XDCQ&TCBC ngày 28/8/2025, số 5786/SNV-XDCQ&TCBC ngày 13/11/2025")
    assert [(r.doc_type, r.number, r.date) for r in found] == [
        ("Văn bản", "4104/SNV-XDCQ&TCBC", dt.date(2025, 8, 28)),
        ("Văn bản", "5786/SNV-XDCQ&TCBC", dt.date(2025, 11, 13))]


def test_one_reference_per_citation():
    found = refs("Quyết định số 2665/QĐ-UBND ngày 09/12/2023, "
                 "Quyết định số 2668/QĐ-UBND ngày 09/12/2023 của UBND tỉnh\n"
                 "theo Quyết định số 2665/QĐ-UBND")
    assert [(r.number, r.location.line) for r in found] == [
        ("2665/QĐ-UBND", 1), ("2668/QĐ-UBND", 1), ("2665/QĐ-UBND", 2)]
    assert found[1].issuer == "UBND tỉnh" and found[0].issuer is None


# -- laws cited by name ---------------------------------------------------------------------------

def test_laws_by_name_and_date():
    found = refs("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
                 "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;")
    assert [(r.doc_type, r.number, r.date) for r in found] == [
        ("Luật", None, dt.date(2015, 6, 19)), ("Luật", None, dt.date(2019, 11, 22))]
    assert found[0].text == "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    assert found[1].text.startswith("Luật sửa đổi, bổ sung") and found[1].location.column == 70


def test_a_law_named_without_a_date_is_no_citation():
    assert refs("theo quy định của Luật Phổ biến, giáo dục pháp luật; pháp luật ngày càng hoàn thiện") == []


def test_this_law_is_the_document_itself_not_a_law_it_cites():
    # its own effective date is no citation's date
    assert refs("Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2027.") == []
    assert [r.date for r in refs("Nghị định này có hiệu lực từ ngày 15 tháng 02 năm 2027, trừ Điều 12.")] == [None]
    assert [r.date for r in refs("Bộ luật này thay thế Bộ luật Lao động ngày 18 tháng 6 năm 2012.")] \
        == [dt.date(2012, 6, 18)]


# -- parts of this document ------------------------------------------------------------------------

@pytest.mark.parametrize("text, targets", [
    ("thực hiện theo khoản 2 Điều 1.", ["khoản 2 Điều 1"]),
    ("quy định tại điểm a khoản 1 Điều 2;", ["điểm a khoản 1 Điều 2"]),
    ("- Như Điều 3;", ["Điều 3"]),
    ("quy định tại Điều này", ["Điều này"]),
    ("theo khoản 1 Điều này.", ["khoản 1 Điều này"]),
    ("theo Phụ lục số 01", ["Phụ lục 01"]),
    ("Gồm 28 chỉ tiêu (phụ lục số 01 kèm theo).", ["Phụ lục 01"]),
    ("(Đính kèm Phụ lục I).", ["Phụ lục I"]),
    ("chi tiết tại Phụ lục kèm theo", ["Phụ lục"]),
    ("tại Điều 4, 5 và 6 Quy định này", ["Điều 4", "Điều 5", "Điều 6"]),
    ("theo Mẫu số 01 tại Phụ lục I ban hành kèm theo Nghị định này;", ["Phụ lục I"]),
    ("tại Điều 15 của Điều lệ này.", ["Điều 15"]),
])
def test_internal_references_with_their_target(text, targets):
    found = refs(text)
    assert [r.target for r in found] == targets
    assert all(r.internal and r.number is None for r in found)
    assert found[0].location.column == text.index(found[0].text) + 1


def test_a_list_gives_one_reference_per_item_located_at_each():
    text = "các Điều 4, 5 và 6"
    found = refs(text)
    assert [(r.text, r.location.column) for r in found] == [("Điều 4, 5 và 6", 5), ("5", 13), ("6", 18)]


# -- parts of other documents ----------------------------------------------------------------------

def test_a_part_of_a_cited_document_is_external():
    reference = only("xác định theo khoản 2 Điều 8 của Nghị định số 272/2025/NĐ-CP ngày 01/10/2025 của Chính phủ.")
    assert not reference.internal
    assert (reference.target, reference.doc_type, reference.number, reference.issuer) == (
        "khoản 2 Điều 8", "Nghị định", "272/2025/NĐ-CP", "Chính phủ")
    assert reference.text == "khoản 2 Điều 8 của Nghị định số 272/2025/NĐ-CP ngày 01/10/2025 của Chính phủ"


def test_a_list_of_parts_belongs_to_the_document_after_it():
    found = refs("tại khoản 3 Điều 4, khoản 3 Điều 5, khoản 3 Điều 6 của Nghị định số 272/2025/NĐ-CP để xác định")
    assert [(r.target, r.number, r.internal) for r in found] == [
        ("khoản 3 Điều 4", "272/2025/NĐ-CP", False), ("khoản 3 Điều 5", "272/2025/NĐ-CP", False),
        ("khoản 3 Điều 6", "272/2025/NĐ-CP", False)]


def test_a_law_cited_by_name_and_number():
    reference = only("tại khoản 2 Điều 35 Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13 của Quốc hội;")
    assert reference.text == "khoản 2 Điều 35 Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13 của Quốc hội"
    assert (reference.doc_type, reference.number, reference.target, reference.internal) == (
        "Luật", "14/2012/QH13", "khoản 2 Điều 35", False)


def test_a_part_of_a_named_law_or_of_a_document_named_before():
    found = refs("tại khoản 2 Điều 35 Luật Phổ biến, giáo dục pháp luật; tại khoản 2 Điều 8 của Nghị định; hoặc")
    assert [(r.target, r.doc_type, r.internal, r.number) for r in found] == [
        ("khoản 2 Điều 35", "Luật", False, None), ("khoản 2 Điều 8", "Nghị định", False, None)]


def test_this_documents_own_type_makes_a_part_internal():
    assert [(r.target, r.internal) for r in refs("quy định tại Điều 90 Nghị định này")] == [("Điều 90", True)]


# -- not citations ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Số: 252/NQ-HĐND",                                   # the document's own number, in its header
    "Số:          /QĐ-UBND",
    "hoàn thành và vượt kế hoạch 22/28 chỉ tiêu chủ yếu",
    "GRDP bình quân đầu người: 123 triệu đồng/người/năm.",
    "Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024",   # a label
    "**Điều 2.** Tổ chức thực hiện",
    "PHỤ LỤC 01",
    "Phụ lục số 02",
    "2666/QĐ-UBND",                                      # a web page's metadata cell
    "Chương trình phát triển thương mại; các khoản thuế, phí; điểm du lịch",
    "Danh mục 12 thủ tục hành chính",
    "theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV",   # no number, no date
])
def test_not_citations(text):
    assert refs(text) == []


def test_table_cells_are_read_and_located():
    table = Table(index=0, columns=2, rows=[Row(cells=[
        Cell(text="Thủ tục A", column=0, spans=[Span(start=0, location=Location(path="t.txt", line=7))]),
        Cell(text="- Luật Đấu thầu số 22/2023/QH15;", column=1,
             spans=[Span(start=0, location=Location(path="t.txt", line=9))])])])
    [reference] = extract_references(Document(path="t.txt", source_format="text", blocks=[table]))
    assert (reference.doc_type, reference.number) == ("Luật", "22/2023/QH15")
    assert reference.text == "Luật Đấu thầu số 22/2023/QH15"
    assert (reference.location.line, reference.location.column) == (9, 3)


# -- robustness ----------------------------------------------------------------------------------------

_PIECES = st.sampled_from(["Nghị quyết", "Luật", "số", " ", "252", "/", "NQ-HĐND", "-", "NQ/TW", "2020", "ngày",
                           "07/12/2023", "của", "Chính phủ", "Điều", "khoản", "điểm", "a", "1", ",", "và", "này",
                           "Phụ lục", "kèm theo", "Số:", "\n", "…", "tháng", "năm", "*"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join) | st.text(max_size=200))
def test_never_crashes_and_every_reference_is_located(text):
    document = doc(text)
    for reference in extract_references(document):
        assert reference.text and 1 <= reference.location.line <= len(document.lines)


@pytest.mark.parametrize("text", [
    " " * 40000, "Số: " + " " * 20000, "…" * 20000 + "/QĐ", "Điều 1, " * 5000, "khoản 1 " * 5000, "Luật " * 3000,
    "của " + "Ủy " * 5000, "điểm a, b, " * 4000, "số " * 5000 + "1/QĐ", "Phụ lục " * 5000,
])
def test_pathological_input_is_handled(text):
    # How fast is bench/bench.py's business (it times these inputs); here they must only be handled.
    assert all(r.text for r in extract_references(doc(text)))


# -- the corpus, read by the text reader -------------------------------------------------------------

def read_corpus(name: str) -> Document:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the shared corpus is not here")
    reader = pytest.importorskip("plancheck.read.text")
    return reader.read_text_document(path)


def test_corpus_son_la_draft_citations():
    found = extract_references(read_corpus("son-la_qd-ubnd-draft_2024.txt"))
    by_number = {r.number: r for r in found if r.number}
    assert by_number["252/NQ-HĐND"].date == dt.date(2023, 12, 7) and by_number["252/NQ-HĐND"].location.line == 30
    assert by_number["103/2023/NQ-QH15"].location.line == 904
    assert by_number["06/NQ-TU"].text.startswith("Nghị quyết 06/NQ-TU")     # without "số"
    assert [r.target for r in found if r.internal] == ["Điều 3"]         # "- Như Điều 3;"
    assert [r.date for r in found if r.doc_type == "Luật"] == [dt.date(2015, 6, 19), dt.date(2019, 11, 22)]


def test_corpus_son_la_resolution_cites_its_appendices():
    found = extract_references(read_corpus("son-la_nq-252-hdnd_2023.txt"))
    assert [(r.target, r.location.line) for r in found if r.internal] == [("Phụ lục 01", 50), ("Phụ lục 02", 73)]
    assert next(r for r in found if r.number == "176/TB-VPCP").doc_type == "Kết luận"


def test_items_listed_with_semicolons_take_the_act_named_after_the_last():
    from plancheck.read.text import read_text_document

    text = ("theo quy định tại điểm đ khoản 2 Điều 7; điểm đ khoản 2 Điều 11 và điểm b, c khoản 2, khoản 3 Điều 12 "
            "Nghị định số 155/2025/NĐ-CP ngày 16/6/2025 của Chính phủ.\n")
    refs = extract_references(read_text_document("t.md", text.encode("utf-8")))
    assert not any(r.internal for r in refs)
