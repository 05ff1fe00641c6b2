"""The header and the closing statement, on real excerpts and the layouts readers produce."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.extract.header import extract_closing, extract_header
from plancheck.models.document import Cell, Document, Header, Paragraph, Row, Span, Table
from plancheck.models.location import Location

from documents import CORPUS, SON_LA_DRAFT_HEAD, doc  # noqa: E402


# son-la_nq-252-hdnd_2023.txt lines 1-21: the layout table as extracted, '|' between cells.
SON_LA = """HỘI ĐỒNG NHÂN
DÂN
TỈNH SƠN LA
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 252/NQ-HĐND
|
Sơn La, ngày 07
tháng 12 năm 2023
|
NGHỊ QUYẾT
VỀ
KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024
HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA
KHÓA XV, KỲ HỌP THỨ TÁM
Căn cứ Luật Tổ chức chính quyền địa phương ngày"""


def assert_son_la(header):
    assert header.issuer == "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA"
    assert header.number == "252/NQ-HĐND"
    assert header.place == "Sơn La"
    assert header.date == dt.date(2023, 12, 7) and header.date_text == "ngày 07 tháng 12 năm 2023"
    assert header.doc_type == "NGHỊ QUYẾT"
    assert header.title == "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"
    assert (header.term, header.session_text, header.session) == ("XV", "THỨ TÁM", 8)


def test_son_la_header_line_by_line():
    header = extract_header(doc(SON_LA))
    assert_son_la(header)
    assert (header.number_location.line, header.number_location.column) == (11, 5)
    assert header.date_location.line == 13
    assert (header.session_location.line, header.session_location.column) == (20, 17)


def cell(text: str, column: int, line: int) -> Cell:
    return Cell(text=text, column=column, spans=[Span(start=0, location=Location(path="t.txt", line=line))])


def test_son_la_header_as_a_layout_table_and_joined_paragraphs():
    """The text reader's layout: the table's cells, then paragraphs of joined lines."""
    table = Table(index=0, columns=4, rows=[Row(cells=[
        cell("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA -------", 0, 1),
        cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------", 1, 6),
        cell("Số: 252/NQ-HĐND", 2, 11), cell("Sơn La, ngày 07 tháng 12 năm 2023", 3, 13)])])
    paragraphs = [Paragraph(index=i + 1, text=t, spans=[Span(start=0, location=Location(path="t.txt", line=n))])
                  for i, (n, t) in enumerate([
                      (16, "NGHỊ QUYẾT VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024 "
                           "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA KHÓA XV, KỲ HỌP THỨ TÁM"),
                      (21, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")])]
    header = extract_header(Document(path="t.txt", source_format="text", blocks=[table, *paragraphs]))
    assert_son_la(header)
    assert header.number_location.line == 11 and header.date_location.line == 13


# lai-chau_nq-kh-ktxh_2024.txt lines 1-10: no layout table, a session that is no number.
LAI_CHAU = """

NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội, đảm bảo
quốc phòng - an ninh năm 2024

HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU
KHOÁ XV, KỲ HỌP THỨ MƯỜI CHÍNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"""


def test_lai_chau_session_that_is_no_number():
    header = extract_header(doc(LAI_CHAU))
    assert (header.term, header.session_text, header.session) == ("XV", "THỨ MƯỜI CHÍNH", None)
    assert header.session_location.line == 8
    assert header.issuer == "HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU"    # the authority line, there being no other
    assert header.doc_type == "NGHỊ QUYẾT"
    assert header.title == "Về kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2024"
    assert header.number is None and header.date is None


# son-la_qd-ubnd-draft_2024.txt lines 1-21: a draft, number and day left blank.
DRAFT = SON_LA_DRAFT_HEAD + """
ỦY BAN NHÂN DÂN TỈNH SƠN LA 

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/06/2015; """


def test_draft_with_blank_number_and_day():
    header = extract_header(doc(DRAFT))
    assert header.number == "/QĐ-UBND"
    assert (header.number_location.line, header.number_location.column) == (6, 14)
    assert header.issuer == "ỦY BAN NHÂN DÂN TỈNH SƠN LA"   # before the number, the motto coming after it
    assert header.place == "Sơn La"
    assert header.date is None and header.date_text == "ngày tháng 01 năm 2024"
    assert header.date_location.line == 12
    assert header.doc_type == "QUYẾT ĐỊNH"
    assert header.title == ("Về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội "
                            "và Dự toán ngân sách nhà nước năm 2024")
    assert header.term is None and header.session is None


@pytest.mark.parametrize("line, number", [
    ("Số:     /2024/QĐ-UBND", "/2024/QĐ-UBND"),
    ("Số: ...../QĐ-UBND", "...../QĐ-UBND"),
    ("Số:", ""),                                 # nothing at all: a blank, located at "Số"
    ("Số 2696/QĐ-UBND", "2696/QĐ-UBND"),         # the colon forgotten
])
def test_numbers_are_kept_as_written(line, number):
    header = extract_header(doc(f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n{line}\nQUYẾT ĐỊNH\nVề việc ban hành"))
    assert header.number == number and header.number_location.line == 3


# A web page (realdocs 036bd85f1f56f768.md): site text and a metadata table first.
WEB_PAGE = """|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý
X
**
CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN
**
Đang tải văn bản...
**Số hiệu:**
|
2666/QĐ-UBND
|
**Loại văn bản:**
|
Quyết định
|
**Ngày ban hành:**
|
26/11/2025
|
**Tình trạng:**
|
Đã biết
|
|
**ỦY BAN NHÂN DÂN
**
THÀNH PHỐ CẦN THƠ
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 2666/QĐ-UBND
|
*Thành phố Hồ Chí
Minh, ngày 26
tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
VỀ VIỆC CÔNG BỐ DANH
MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ
**CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ**
*Căn cứ Luật Tổ chức chính quyền địa phương ngày"""


def test_web_page_header_found_after_site_text():
    header = extract_header(doc(WEB_PAGE))
    assert header.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert header.number == "2666/QĐ-UBND" and header.number_location.line == 36
    assert header.place == "Thành phố Hồ Chí Minh"          # a place cut over two lines
    assert header.date == dt.date(2025, 11, 26)
    assert header.doc_type == "QUYẾT ĐỊNH"
    # "... CỦA ỦY BAN NHÂN DÂN ..." belongs to the title; the authority line ends it.
    assert header.title == ("VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT "
                            "CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ")


def test_a_type_heading_cut_in_two():
    header = extract_header(doc("CHÍNH PHỦ\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
                                "Số: 308/2025/NĐ-CP\n|\n*Hà Nội,\nngày 28 tháng 11 năm 2025*\n|\n**NGHỊ\nĐỊNH**\n"
                                "QUY\nĐỊNH CHI TIẾT MỘT SỐ ĐIỀU\n*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*"))
    assert (header.issuer, header.doc_type, header.place) == ("CHÍNH PHỦ", "NGHỊ ĐỊNH", "Hà Nội")
    assert header.title == "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU"


def test_thai_nguyen_header_without_a_layout_table():
    header = extract_header(doc(
        " NGHỊ QUYẾT\nVỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH THÁI NGUYÊN\nKHÓA XIV, KỲ HỌP THỨ MƯỜI SÁU\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"))
    assert (header.issuer, header.term, header.session) == ("HỘI ĐỒNG NHÂN DÂN TỈNH THÁI NGUYÊN", "XIV", 16)
    assert header.title == "VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023"


def test_a_news_page_has_no_header():
    # kon-tum_qd-54-news_2021.txt lines 1-6: the page's display date is no place and date line.
    header = extract_header(doc(
        "Thứ sáu, Ngày 25/06/2021 -\n\nChương trình hành động triển khai thực hiện các Nghị quyết của Chính phủ\n"
        "Ngày đăng: 25/01/2021  16:43\nMặc định Cỡ chữ\n"
        "Ngày 25/01/2021, UBND tỉnh ban hành Quyết định số 54/QĐ-UBND về ban hành Chương trình hành động"))
    assert header == Header()   # nothing read


# -- the closing statement ------------------------------------------------------------------------

def test_son_la_closing_over_three_lines():
    closing = extract_closing(doc(
        "3. HĐND tỉnh kêu gọi nhân dân các dân tộc,\n"
        "Nghị quyết này đã được HĐND tỉnh Sơn La khóa XV, Kỳ\n"
        "họp thứ tám thông qua ngày 07 tháng 12 năm 2023 và có hiệu lực từ ngày thông\nqua./.\nNơi nhận:",
        first_line=84))
    assert closing.text == ("Nghị quyết này đã được HĐND tỉnh Sơn La khóa XV, Kỳ họp thứ tám thông qua ngày "
                            "07 tháng 12 năm 2023 và có hiệu lực từ ngày thông qua./.")
    assert closing.location.line == 85
    assert (closing.term, closing.session_text, closing.session) == ("XV", "thứ tám", 8)
    assert closing.session_location.line == 86
    assert closing.date == dt.date(2023, 12, 7) and closing.date_location.line == 86


def test_lai_chau_closing_reads_a_slip_for_nineteen():
    closing = extract_closing(doc(
        "Nghị quyết này được Hội đồng nhân dân tỉnh Lai Châu khoá XV, kỳ họp thứ mươi chín thông qua ngày "
        "07 tháng 12 năm 2023 và có hiệu lực từ ngày thông qua./."))
    assert (closing.term, closing.session_text, closing.session) == ("XV", "thứ mươi chín", 19)
    assert closing.date == dt.date(2023, 12, 7)


def test_a_thematic_session_numbered_by_its_own_count():
    # Huế 2024: "Kỳ họp chuyên đề lần thứ 28" is the 28th thematic session, a number
    closing = extract_closing(doc(
        "Nghị quyết này đã được Hội đồng nhân dân thành phố Huế khóa VIII, Kỳ họp chuyên đề lần thứ 28 "
        "thông qua ngày 18 tháng 3 năm 2025 và có hiệu lực từ ngày thông qua./."))
    assert (closing.term, closing.session_text, closing.session) == ("VIII", "thứ 28", 28)
    assert closing.session_location.column == 88   # at "thứ 28"


def test_a_session_told_in_narration_is_read_up_to_its_number():
    # an encyclopedia page on the Ministry of Defence, 1946
    header = extract_header(doc(
        "Quốc hội Việt Nam khóa I, kỳ họp thứ 2 đã quyết định sáp nhập Bộ Quốc phòng hợp với Quân sự "
        "Ủy viên hội thành Bộ Quốc phòng-Tổng Chỉ huy."))
    assert (header.term, header.session_text, header.session) == ("I", "thứ 2", 2)


def test_no_closing_statement():
    assert extract_closing(doc("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.")) is None
    assert extract_closing(doc("")) is None


# -- robustness ----------------------------------------------------------------------------------

_LINES = st.sampled_from(["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA", "|", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Số:", "Số: 252/NQ-HĐND", " /QĐ-UBND", "Sơn La, ngày", "07 tháng 12 năm 2023", "NGHỊ QUYẾT",
                          "VỀ", "KHÓA XV, KỲ HỌP THỨ", "Căn cứ", "Nghị quyết này đã được", "thông qua ngày", "**", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES | st.text(max_size=40), max_size=25).map("\n".join))
def test_never_crashes(text):
    extract_header(doc(text))
    extract_closing(doc(text))


@pytest.mark.parametrize("text", [
    "Số: " + " " * 20000, "Sơn La, ngày " * 3000, "NGHỊ QUYẾT " * 3000, "HỘI ĐỒNG NHÂN DÂN " * 3000,
    "KHÓA XV, KỲ HỌP " * 2000, "Nghị quyết này được thông qua ngày " * 2000,
])
def test_pathological_input_is_handled(text):
    # How fast is bench/bench.py's business (it times these inputs); here they must only be handled.
    assert extract_header(doc(text)) is not None
    extract_closing(doc(text))


# -- the corpus, read by the text reader ---------------------------------------------------------

def read_corpus(name: str) -> Document:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the shared corpus is not here")
    reader = pytest.importorskip("plancheck.read.text")
    return reader.read_text_document(path)


@pytest.mark.parametrize("name, number, date, term, session_text, session", [
    ("son-la_nq-252-hdnd_2023.txt", "252/NQ-HĐND", dt.date(2023, 12, 7), "XV", "THỨ TÁM", 8),
    ("lai-chau_nq-kh-ktxh_2024.txt", None, None, "XV", "THỨ MƯỜI CHÍNH", None),
    ("son-la_qd-ubnd-draft_2024.txt", "/QĐ-UBND", None, None, None, None),
    ("thai-nguyen_nq-ktxh_2024.txt", None, None, "XIV", "THỨ MƯỜI SÁU", 16),
    ("kon-tum_qd-54-news_2021.txt", None, None, None, None, None),
])
def test_corpus_headers(name, number, date, term, session_text, session):
    header = extract_header(read_corpus(name))
    assert (header.number, header.date, header.term, header.session_text, header.session) == (
        number, date, term, session_text, session)


@pytest.mark.parametrize("name, session, date", [
    ("son-la_nq-252-hdnd_2023.txt", 8, dt.date(2023, 12, 7)),
    ("lai-chau_nq-kh-ktxh_2024.txt", 19, dt.date(2023, 12, 7)),
    ("thai-nguyen_nq-ktxh_2024.txt", 16, dt.date(2023, 12, 8)),
])
def test_corpus_closings(name, session, date):
    closing = extract_closing(read_corpus(name))
    assert (closing.session, closing.date) == (session, date)
