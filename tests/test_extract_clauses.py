"""The clause trees: nesting from the kinds of label, appendices and quotes as scopes of their own."""

from pathlib import Path
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.extract.clauses import extract_clauses
from plancheck.models.document import Cell, Document, Row, Table

from documents import CORPUS, doc  # noqa: E402


def outline(clauses, depth: int = 0) -> list[str]:
    """The tree as indented labels."""
    lines = []
    for clause in clauses:
        lines.append("  " * depth + clause.label)
        lines += outline(clause.children, depth + 1)
    return lines


def walk(clauses):
    for clause in clauses:
        yield clause
        yield from walk(clause.children)


# son-la_nq-252-hdnd_2023.txt lines 29-80 (lines of prose left out)
SON_LA_BODY = """QUYẾT NGHỊ:
Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024
1. Mục tiêu và các chỉ tiêu chủ yếu
1.1. Mục tiêu
Thực hiện đẩy mạnh cơ cấu lại, nâng cao năng lực nội
1.2. Các chỉ tiêu chủ yếu năm 2024: Gồm 28 chỉ tiêu
(phụ lục số 01 kèm theo).
2. Nhiệm vụ và giải pháp chủ yếu
2.1. Tiếp tục triển khai thực hiện các cơ chế,
2.2. Huy động và sử dụng có hiệu quả nguồn lực cho
Điều 2. Tổ chức thực hiện
1. Ủy ban nhân dân tỉnh tổ chức triển khai,
2. Thường trực HĐND, các Ban của HĐND, các Tổ
3. HĐND tỉnh kêu gọi nhân dân các dân tộc,
Nghị quyết này đã được HĐND tỉnh Sơn La khóa XV, Kỳ
Nơi nhận:
- Ủy ban Thường vụ Quốc hội, Chính phủ;
- Lưu: VT, KTNS."""


def test_articles_clauses_and_dotted_sections_nest_and_restart_in_each_article():
    body, appendices = extract_clauses(doc(SON_LA_BODY, first_line=29))
    assert outline(body) == ["Điều 1", "  1.", "    1.1.", "    1.2.", "  2.", "    2.1.", "    2.2.",
                             "Điều 2", "  1.", "  2.", "  3."]
    assert appendices == []   # "(phụ lục số 01 kèm theo)" cites an appendix, it does not start one


def test_each_clause_knows_its_label_number_title_place_and_block():
    body, _ = extract_clauses(doc(SON_LA_BODY, first_line=29))
    article = body[0]
    assert (article.level, article.label, article.number) == ("article", "Điều 1", "1")
    assert article.title == "Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024"
    assert (article.location.line, article.location.column, article.block) == (30, 1, 1)
    dotted = article.children[0].children[1]
    assert (dotted.level, dotted.label, dotted.number, dotted.location.line) == ("dotted", "1.2.", "1.2", 34)
    assert article.children[0].level == "clause" and article.context is None


def test_the_recipients_list_is_no_clause():
    body, _ = extract_clauses(doc(SON_LA_BODY, first_line=29))
    assert all(c.level != "bullet" for c in walk(body))


# lai-chau_nq-kh-ktxh_2024.txt, lines 18-117 (shortened)
LAI_CHAU = """Điều 1. Thông qua Kế hoạch phát triển kinh tế, xã hội năm 2024 với nội dung chủ yếu sau:
1. Mục tiêu chung
2. Các chỉ tiêu chủ yếu
(1) Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) khoảng 9,0%
(2) Giá trị gia tăng ngành nông nghiệp 4,1%
3. Nhiệm vụ, giải pháp trọng tâm
a) Tiếp tục bám sát các chỉ đạo của Trung ương
c) Về phát triển kinh tế
- *Lĩnh vực nông nghiệp:* Phát triển nông nghiệp theo hướng sản xuất hàng hóa
- *Lĩnh vực công nghiệp, xây dựng:* Đẩy mạnh phát triển công nghiệp
d) Triển khai thực hiện đồng bộ các nhiệm vụ giải pháp về phát triển văn hóa - xã hội
- Về y tế, chăm sóc và bảo vệ sức khỏe Nhân dân: Tập trung nâng cao chất lượng
d) Phát triển khoa học - công nghệ
e) Tăng cường công tác quản lý tài nguyên
g) Tăng cường phòng chống tham nhũng
Điều 2. Hội đồng nhân dân tỉnh giao
1. Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện.
Điều 3. Hiệu lực thi hành
Nghị quyết này được Hội đồng nhân dân tỉnh Lai Châu khoá XV, kỳ họp thứ mươi chín thông qua
Noi nhận:
- Ủy ban Thường vụ Quốc hội, Chính phủ;"""


def test_points_enumerations_and_bullets_and_a_duplicate_kept_as_written():
    body, _ = extract_clauses(doc(LAI_CHAU))
    assert outline(body) == [
        "Điều 1", "  1.", "  2.", "    (1)", "    (2)", "  3.", "    a)", "    c)", "      -", "      -",
        "    d)", "      -", "    d)", "    e)", "    g)",
        "Điều 2", "  1.", "Điều 3"]   # "Noi nhận" (sic) still ends the body
    points = body[0].children[2].children
    assert [p.number for p in points] == ["a", "c", "d", "d", "e", "g"]   # a rule sees the second "d"


# son-la_qd-ubnd-draft_2024.txt (shortened): Roman sections inside Điều 1, 9.1 twice.
DRAFT = """Điều 1. Ban hành những nhiệm vụ, giải pháp chủ yếu chỉ đạo, điều hành
Năm 2023 là năm giữa nhiệm kỳ, có ý nghĩa quan trọng trong việc thực
2023 đã đề ra. Mặc dù khó khăn, thách thức nhiều hơn thuận lợi, nhất là tác
 I. CHỦ ĐỀ, QUAN ĐIỂM, TRỌNG TÂM CHỈ ĐẠO ĐIỀU HÀNH
1. Bám sát Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII
2. Phát huy sức mạnh đại đoàn kết toàn dân tộc
II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU
1. Ưu tiên thúc đẩy tăng trưởng kinh tế
1.1. Sở Tài chính chủ trì, phối hợp Cục thuế tỉnh
 2.4. Công an tỉnh, Viện Kiểm sát, Tòa án tỉnh: Tăng cường công tác
9. Tiếp tục hoàn thiện, xây dựng bộ máy tinh gọn
9.1. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành
9.1. Thanh tra tỉnh chủ trì, phối hợp với các sở, ban, ngành
10. Tăng cường, củng cố tiềm lực quốc phòng, an ninh
Điều 2. Tổ chức thực hiện
1. Căn cứ Quyết định này và các Nghị quyết, Kết luận, chương trình hành
- Trước ngày 30/01/2024, ban hành Chương trình/Kế hoạch
 - Tăng cường cơ chế phối hợp giữa các sở, ban, ngành
2. Sở Kế hoạch và Đầu tư chủ trì kiểm tra, đôn đốc thực hiện"""


def test_roman_sections_restart_arabic_numbering_and_duplicates_stay_siblings():
    body, _ = extract_clauses(doc(DRAFT))
    assert outline(body) == [
        "Điều 1", "  I.", "    1.", "    2.", "  II.", "    1.", "      1.1.", "      2.4.", "    9.",
        "      9.1.", "      9.1.", "    10.",
        "Điều 2", "  1.", "    -", "    -", "  2."]
    dotted = body[0].children[1].children[1].children[0].location
    assert (body[0].children[1].children[0].children[1].location.column, dotted.line) == (2, 12)


# thai-nguyen_nq-ktxh_2024.txt lines 11-27 (shortened)
THAI_NGUYEN = """Điều 2. Thông qua mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2024
I. Mục tiêu và các chỉ tiêu chủ yếu
1. Mục tiêu
2. Các chỉ tiêu chủ yếu
2.1. Các chỉ tiêu kinh tế
- Tốc độ tăng trưởng kinh tế (GRDP): 7,5%.
- Cơ cấu kinh tế:
+ Công nghiệp, xây dựng: 58,6%;
+ Dịch vụ và thuế sản phẩm trừ trợ cấp sản phẩm: 31,8%;
- Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp: Tăng 8,5%.
II. Nhiệm vụ và các giải pháp phát triển ngành, lĩnh vực
1. Lĩnh vực kinh tế
1.1. Phát triển công nghiệp - xây dựng"""


def test_plus_bullets_nest_under_dash_bullets():
    body, _ = extract_clauses(doc(THAI_NGUYEN))
    assert outline(body) == [
        "Điều 2", "  I.", "    1.", "    2.", "      2.1.", "        -", "        -", "          +", "          +",
        "        -", "  II.", "    1.", "      1.1."]


# -- appendices ----------------------------------------------------------------------------------

APPENDICES = """Điều 1. Quyết định kế hoạch
1. Mục tiêu
Điều 2. Tổ chức thực hiện
PHỤ LỤC 01
CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024
(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La)
I. CHỈ TIÊU KINH TẾ
1. Tốc độ tăng trưởng
Phụ lục số 02
(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La)
1. Tiếp tục triển khai thực
1.1. Tiếp tục triển khai thực hiện kịp thời,
2. Huy động và sử dụng có hiệu
**PHỤ
LỤC I**
1. Một"""


def test_appendices_are_trees_of_their_own_where_numbering_restarts():
    body, appendices = extract_clauses(doc(APPENDICES))
    assert outline(body) == ["Điều 1", "  1.", "Điều 2"]
    assert outline(appendices) == ["PHỤ LỤC 01", "  I.", "    1.", "Phụ lục số 02", "  1.", "    1.1.", "  2.",
                                   "PHỤ LỤC I", "  1."]
    first, second, third = appendices
    assert (first.level, first.number) == ("appendix", "01")
    assert first.title == "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024"
    assert {c.context for c in walk([first])} == {"appendix 01"}
    assert {c.context for c in walk(second.children)} == {"appendix 02"}
    assert (third.label, third.location.line, third.location.column) == ("PHỤ LỤC I", 14, 3)   # "**PHỤ" / "LỤC I**"
    assert third.children[0].context == "appendix I"


def test_a_citation_of_an_appendix_at_a_line_start_is_no_heading():
    body, appendices = extract_clauses(doc("Điều 1. Bãi bỏ thủ tục tại\nPhụ lục II kèm theo Quyết định số 3154/QĐ-BTC"))
    assert appendices == [] and outline(body) == ["Điều 1"]


ATTACHMENT = """**Điều 1. **Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm vụ.
**Điều 2. **Quyết định này có hiệu lực kể từ ngày 05/12/2025;
*Nơi nhận:*
- Như Điều 2;
**QUY ĐỊNH**
CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ TƯ PHÁP
*(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày / /2025 của Ủy ban nhân dân tỉnh)*
**Chương I**
**Điều 1. Vị trí và chức năng**
1. Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh
**Chương
II**
**Điều 2. Nhiệm vụ**"""


def test_an_attached_regulation_is_an_appendix_and_markdown_emphasis_is_read_through():
    body, appendices = extract_clauses(doc(ATTACHMENT))
    assert outline(body) == ["Điều 1", "Điều 2"]
    assert body[0].location.column == 3      # after "**"
    assert body[0].title == "Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm vụ."
    assert outline(appendices) == ["QUY ĐỊNH", "  Chương I", "    Điều 1", "      1.", "  Chương II", "    Điều 2"]
    assert appendices[0].title == "CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ TƯ PHÁP"
    assert {c.context for c in walk(appendices[0].children)} == {"appendix QUY ĐỊNH"}


def test_forms_in_an_appendix_are_scopes_of_their_own():
    _, [appendix] = extract_clauses(doc("Điều 1. Ban hành\nPHỤ LỤC I\nMẫu số 01\nI. Thông tin\n1. Họ và tên\n"
                                         "Mẫu số 02\nI. Thông tin\n1. Họ và tên"))
    assert outline([appendix]) == ["PHỤ LỤC I", "  Mẫu số 01", "    I.", "      1.",
                                   "  Mẫu số 02", "    I.", "      1."]
    assert appendix.children[0].level == "form"


# -- quotes and tables ---------------------------------------------------------------------------

AMENDMENT = """Điều 1. Sửa đổi, bổ sung một số điều của Quy định như sau:
1. Sửa đổi Điều 5 như sau:
“Điều 5. Hồ sơ đề nghị
1. Đơn đề nghị;
a) Bản sao giấy tờ.”
2. Bổ sung khoản 3 Điều 7 như sau:
“3. Thời hạn giải quyết là 10 ngày.”
Điều 2. Hiệu lực thi hành"""


def test_quoted_amendment_text_is_a_scope_of_its_own():
    body, _ = extract_clauses(doc(AMENDMENT))
    assert outline(body) == ["Điều 1", "  1.", "    Điều 5", "      1.", "        a)", "  2.", "    3.", "Điều 2"]
    quoted = [c for c in walk(body) if c.context == "quoted"]
    assert [c.label for c in quoted] == ["Điều 5", "1.", "a)", "3."]
    assert quoted[0].location.column == 2       # after the opening quote


def test_table_cells_are_not_clauses():
    table = Table(index=1, columns=1, rows=[Row(cells=[Cell(text="1. Tốc độ tăng trưởng", column=0)])])
    document = doc("Điều 1. Xxx")
    document.blocks.append(table)
    body, _ = extract_clauses(document)
    assert outline(body) == ["Điều 1"]


@pytest.mark.parametrize("line", [
    "2023. Năm bản lề",                  # a year ending a sentence wrapped onto the next line
    "5. tăng cường phối hợp",            # lower case after the number: prose
    "Điều 1 Quyết định này khác với",    # a citation at a line start, no "." after the number
    "Điều hành linh hoạt, hiệu quả",
    "Mục tiêu tổng quát: Huy động",
    "Chương trình hành động",
    "4.636 tỷ đồng",
    "-------",
    "|",
])
def test_not_labels(line):
    assert extract_clauses(doc(line)) == ([], [])


# -- robustness ----------------------------------------------------------------------------------

_LINES = st.sampled_from(["Điều 1.", "Điều 2.", "1.", "2.", "1.1.", "9.1", "a)", "đ)", "(1)", "- x", "+ y", "I.", "II.",
                          "Chương I", "Mục 1", "PHỤ LỤC 01", "Phụ lục số 02", "PHỤ", "LỤC I", "QUY ĐỊNH", "(Kèm theo",
                          "Mẫu số 01", "“Điều 5.", "”", '"', "Nơi nhận:", "**", "Xxx", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_LINES, st.sampled_from(["", " Xxx", " xxx"])).map("".join) | st.text(max_size=30),
                max_size=40).map("\n".join))
def test_never_crashes_and_every_clause_is_located_in_the_document(text):
    document = doc(text)
    body, appendices = extract_clauses(document)
    for clause in walk(body + appendices):
        assert 1 <= clause.location.line <= len(document.lines)
        assert clause.label


def test_a_long_document_has_all_its_articles():
    # How fast is bench/bench.py's business (it times these inputs); here they must only be handled.
    text = "\n".join(f"Điều {i}. Xxx\n1. Yyy\na) Zzz\n- ttt\n“Điều 5. quoted\n1. q”" for i in range(3000))
    body, _ = extract_clauses(doc(text))
    assert len(body) == 3000


# -- the corpus, read by the text reader ---------------------------------------------------------

def read_corpus(name: str) -> Document:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the shared corpus is not here")
    reader = pytest.importorskip("plancheck.read.text")
    return reader.read_text_document(path)


def test_corpus_draft_keeps_9_1_twice_under_section_ii_9():
    body, _ = extract_clauses(read_corpus("son-la_qd-ubnd-draft_2024.txt"))
    section_9 = next(c for c in body[0].children[1].children if c.number == "9")
    assert [(c.label, c.location.line) for c in section_9.children] == [("9.1.", 768), ("9.1.", 778)]
    assert [c.number for c in body[0].children[1].children] == [str(n) for n in range(1, 13)]


def test_corpus_son_la_appendix_02_restarts():
    body, appendices = extract_clauses(read_corpus("son-la_nq-252-hdnd_2023.txt"))
    assert [a.label for a in appendices] == ["PHỤ LỤC 01", "PHỤ LỤC 02"]
    assert [c.number for c in appendices[1].children] == [str(n) for n in range(1, 10)]
    assert [c.number for c in body[1].children] == ["1", "2", "3"]


def test_corpus_lai_chau_points():
    body, _ = extract_clauses(read_corpus("lai-chau_nq-kh-ktxh_2024.txt"))
    points = body[0].children[2].children
    assert [(p.number, p.location.line) for p in points][3:5] == [("d", 68), ("d", 80)]


def test_an_article_ends_a_quoted_clause_left_open():
    # 0eb3b8713cadea8f.md: the amended khoản 2 opens a quotation that is never closed
    text = """Điều 1. Sửa đổi, bổ sung khoản 2 Điều 12 như sau:
“2. Tỷ lệ vốn đối ứng của ngân sách
a) Đối với các công trình của tỉnh
b) Đối với các công trình của huyện
Điều 2. Thay thế, bãi bỏ một số từ, cụm từ
1. Thay thế cụm từ “tỉnh” bằng cụm từ “thành phố”.
Điều 3. Điều khoản thi hành"""
    clauses, _ = extract_clauses(doc(text))
    assert outline(clauses) == ["Điều 1", "  2.", "    a)", "    b)", "Điều 2", "  1.", "Điều 3"]
    assert [c.context for c in walk(clauses)][:4] == [None, "quoted", "quoted", "quoted"]


def test_a_bold_article_heading_cut_after_its_word_starts_a_paragraph():
    from plancheck.read.text import read_text_document

    text = ("**Điều 1. **Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n"
            "*(Chi tiết theo Phụ lục đính kèm)*\n**Điều\n2. **Giao các cơ quan, đơn vị:\n"
            "1. Sở Tài chính chủ trì thực hiện.\n**Điều 3. **Quyết định này có hiệu lực từ ngày ký.\n")
    document = read_text_document("t.md", text.encode("utf-8"))
    clauses, _ = extract_clauses(document)
    assert outline(clauses) == ["Điều 1", "Điều 2", "  1.", "Điều 3"]


def test_a_reference_wrapped_after_tai_is_no_heading():
    from plancheck.read.text import read_text_document

    text = ("**II. Mức chi theo tuần**\n\n1. Mức chi theo tuần được xác định trên cơ sở mức chi theo tháng quy định tại\n"
            "Mục I Phụ lục này nhân với 12 tháng.\n\n2. Mức chi theo ngày được xác định theo\nMục I Phụ lục này.\n")
    clauses, _ = extract_clauses(read_text_document("t.md", text.encode("utf-8")))
    assert outline(clauses) == ["II.", "  1.", "  2."]


def test_a_translation_appended_in_english_is_no_part_of_the_numbering():
    text = """Điều 5. Hiệu lực thi hành
1. Thông tư này có hiệu lực từ ngày 01 tháng 9 năm 2025.
2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Công Thương.
Article 1. Scope and regulated entities
1. The annual tariff-rate quota for unmanufactured tobacco is 3.000 tonnes and is included in the total quota.
2. The import tariff-rate quota for unmanufactured tobacco shall be allocated by means of import licenses."""
    clauses, _ = extract_clauses(doc(text))
    assert outline(clauses) == ["Điều 5", "  1.", "  2."]


def test_another_acts_clauses_cited_as_it_words_them_and_a_forms_code_restart_the_numbering():
    text = """1. Hồ sơ gồm đơn đăng ký.
Yêu cầu, điều kiện thực hiện thủ tục hành chính
Đáp ứng điều kiện quy định tại Điều 5 Nghị định số 267/2025/NĐ-CP, cụ thể:
1. Tổ chức có tư cách pháp nhân.
2. Tổ chức không được xem xét khi:
a) chưa hoàn trả kinh phí;
b) đang bị đình chỉ hoạt động.
Cách thức thực hiện: nộp trực tiếp.
2. Thời hạn giải quyết: 30 ngày.
**BM-09**
1. Tên nhiệm vụ
2. Thuộc lĩnh vực
3. Thời gian thực hiện"""
    clauses, _ = extract_clauses(doc(text))
    assert outline(clauses) == ["1.", "  1.", "  2.", "    a)", "    b)", "2.", "BM-09", "  1.", "  2.", "  3."]
    assert [c.context for c in clauses[0].children] == ["quoted", "quoted"]
    # "theo Điều 79 Luật …, cụ thể:" ending a clause of this act opens no other act's text
    text = "1. Giá giám định quy định tại khoản 1 Điều 79 Luật Di sản văn hóa, cụ thể:\n2. Đối với chuyên gia giám định."
    clauses, _ = extract_clauses(doc(text))
    assert outline(clauses) == ["1.", "2."] and clauses[1].context is None


def test_each_footnote_numbers_its_own_list():
    from plancheck.checks.base import Subject
    from plancheck.engine import load_rules, run_rules
    from plancheck.pipeline import understand

    text = """Điều 1. Kết quả cắt giảm thủ tục hành chính.
[3] Cụ thể:
(i) Thủ tướng Chính phủ phê duyệt phương án cắt giảm 357 TTHC.
(ii) Các bộ đã chủ động cắt giảm 248 TTHC.
[4] Gồm:
(i) Bộ Công Thương - 01 Nghị định.
(ii) Bộ Giáo dục và Đào tạo - 01 Thông tư."""
    loaded = understand(doc(text))
    assert [(c.label, c.context) for c in walk(loaded.structure.clauses)][1:] == [("(i)", "footnote")] * 2
    rules = load_rules([Path(__file__).resolve().parent.parent / "rules" / "numbering.yaml"], include_default=False)
    subject = Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure)
    assert run_rules(subject, rules) == []


def test_a_bold_reference_wrapped_after_tai_is_no_article():
    from plancheck.read.text import read_text_document

    text = "**Điều 1. **Áp dụng theo quy định tại\n**Điều 5** Luật Đất đai.\n**Điều 2. **Hiệu lực thi hành\n"
    clauses, _ = extract_clauses(read_text_document("t.md", text.encode("utf-8")))
    assert outline(clauses) == ["Điều 1", "Điều 2"]
