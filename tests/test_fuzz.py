"""Fuzzing the readers, the extractors and the whole pipeline (issue 11): on any bytes, text,
table or plan file, plancheck either checks or says why it cannot (a PlancheckError); any
other exception is a bug.

A modest number of examples runs with the suite. The long run is a command:

    .venv/bin/python bench/fuzz.py --minutes 30

which runs these same properties round after round with fresh seeds (PLANCHECK_FUZZ_EXAMPLES
sets the examples per property and round).
"""
import io
import os
import zipfile

from hypothesis import HealthCheck, given, settings, strategies as st

from plancheck.checks.base import Subject
from plancheck.engine import load_rules, run_rules
from plancheck.errors import PlancheckError
from plancheck.pipeline import understand
from plancheck.read.located_yaml import load_located
from plancheck.read.planfile import plan_from_data, read_plan_file
from plancheck.read.text import read_text_document

EXAMPLES = int(os.environ.get("PLANCHECK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("PLANCHECK_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
RULES = load_rules()

# The words and marks plancheck's readers key on, so that the fuzzer reaches them.
WORDS = ["Cơ cấu kinh tế", "nông, lâm nghiệp và thủy sản", "công nghiệp - xây dựng", "dịch vụ",
         "thuế sản phẩm", "trong đó", "gồm", "chỉ tiêu", "tăng", "giảm", "so với", "đạt", "%", "‰",
         "tỷ đồng", "triệu USD", "người", "ha", "Điều", "Khoản", "khoản", "điểm", "a)", "b)", "d)", "đ)",
         "Chương I", "Mục 2", "Bước 1:", "Bước 2:", "Tổng thời gian", "ngày làm việc", "Số:",
         "/2024/NQ-HĐND", "/QĐ-UBND", "Nghị quyết số", "Quyết định số", "ngày", "tháng", "năm",
         "KH 2024", "ƯTH 2023", "TH 2022", "Tổng số", "Tổng cộng", "Phụ lục", "TT", "STT", "|", "---",
         "**", "#", "…", "....", "xx", "(*)", "(TTHC)", "Lĩnh vực", "tổng mức", "bình quân", "\t",
         "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Căn cứ",
         "Luật", "Nghị định", "Thông tư", "sửa đổi, bổ sung", "như sau:", "“", "”", "\"", "-", "+", "="]
NUMBERS = st.one_of(
    st.integers(min_value=-10**6, max_value=10**13).map(str),
    st.decimals(min_value=-1000, max_value=10**9, places=2, allow_nan=False).map(lambda d: str(d).replace(".", ",")),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,4})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}/[0-9]{4}/[A-ZĐ]{2,3}-[A-ZĐ]{2,5}", fullmatch=True),
)
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=6))
LINES = st.lists(TOKENS, max_size=14).map(" ".join)
TABLE_ROW = st.lists(st.one_of(NUMBERS, st.sampled_from(WORDS), st.just("")), min_size=1, max_size=7).map(
    lambda cells: "| " + " | ".join(cells) + " |")
DOCUMENT = st.lists(st.one_of(LINES, TABLE_ROW, st.just("|---|---|---|"), st.just("")), max_size=40).map("\n".join)


def _check_text(text: str, name: str = "fuzz.md") -> None:
    try:
        loaded = understand(read_text_document(name, text.encode("utf-8")))
    except PlancheckError:
        return
    subject = Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure,
                      options={"stage": "final"})
    run_rules(subject, RULES)   # no fault list: a rule that raises fails the property


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused(data):
    try:
        read_text_document("fuzz.txt", data)
    except PlancheckError:
        pass


@FUZZ
@given(DOCUMENT)
def test_any_plan_like_text_is_checked_or_refused(text):
    _check_text(text)


@FUZZ
@given(st.text(max_size=600))
def test_any_unicode_text_is_checked_or_refused(text):
    _check_text(text, "fuzz.txt")


@FUZZ
@given(st.lists(TABLE_ROW, min_size=2, max_size=12), st.sampled_from(WORDS))
def test_any_pipe_table_is_checked_or_refused(rows, title):
    _check_text("\n".join([title, "", rows[0], "|---|---|---|", *rows[1:]]))


PLAN_VALUES = st.dictionaries(st.sampled_from(["KH2024", "UTH2023", "TH2022", "SS1", "X"]),
                              st.one_of(NUMBERS, st.text(max_size=5), st.none()), max_size=4)
PLAN = st.fixed_dictionaries({
    "format": st.sampled_from(["plancheck/1", "plancheck/2", ""]),
    "periods": st.dictionaries(st.sampled_from(["KH2024", "UTH2023", "TH2022"]),
                               st.fixed_dictionaries({"year": st.integers(1900, 2100),
                                                      "kind": st.sampled_from(["plan", "estimate", "actual", "x"])}),
                               max_size=3),
    "indicators": st.lists(st.fixed_dictionaries({
        "name": st.sampled_from(WORDS), "unit": st.sampled_from(["%", "tỷ đồng", "người", "ha", "", "lượt"]),
        "values": PLAN_VALUES}), max_size=6),
})


@FUZZ
@given(PLAN)
def test_any_plan_mapping_is_checked_or_refused(data):
    try:
        plan = plan_from_data(data, source="<fuzz>")
    except PlancheckError:
        return
    run_rules(Subject(plan=plan, options={"stage": "final"}), RULES)


@FUZZ
@given(st.text(max_size=400))
def test_any_yaml_text_is_parsed_or_refused(text):
    try:
        load_located(text, "fuzz.yaml")
        read_plan_file("fuzz.yaml", text)
    except PlancheckError:
        pass


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Cơ cấu kinh tế: nông nghiệp 30%, công nghiệp 30%, dịch vụ 40%.")
    table = d.add_table(rows=2, cols=3)
    for i, text in enumerate(["Chỉ tiêu", "KH 2024", "So sánh (%)", "GRDP", "7,5", "107,5"]):
        table.cell(i // 3, i % 3).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_DOCX = _docx_bytes()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(_DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_docx_is_read_or_refused(tmp_path_factory, flips):
    from plancheck.read.docx import read_docx_document

    _read_damaged(read_docx_document, _DOCX, flips, tmp_path_factory.mktemp("docx") / "fuzz.docx")


def _read_damaged(reader, good: bytes, flips: list[tuple[int, int]], path) -> None:
    """``reader`` on ``good`` with some bytes changed: it reads, or refuses with a PlancheckError."""
    data = bytearray(good)
    for at, byte in flips:
        data[at] = byte
    path.write_bytes(bytes(data))
    try:
        reader(path)
    except PlancheckError:
        pass


@FUZZ
@given(st.text(min_size=1, max_size=300), st.sampled_from(["word/document.xml", "word/footnotes.xml"]))
def test_a_docx_with_any_text_in_its_xml_is_read_or_refused(tmp_path_factory, xml, part):
    from plancheck.read.docx import read_docx_document

    source = zipfile.ZipFile(io.BytesIO(_DOCX))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for entry in source.infolist():
            z.writestr(entry.filename, xml if entry.filename == part else source.read(entry.filename))
    path = tmp_path_factory.mktemp("docx") / "fuzz.docx"
    path.write_bytes(out.getvalue())
    try:
        read_docx_document(path)
    except PlancheckError:
        pass


def _pdf_bytes() -> bytes | None:
    try:
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 720, "Co cau kinh te: nong nghiep 30%, cong nghiep 30%, dich vu 40%.")
    page.drawString(72, 700, "| Chi tieu | KH 2024 | So sanh (%) |")
    page.save()
    return buf.getvalue()


_PDF = _pdf_bytes()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, max(len(_PDF or b"x") - 1, 0)), st.integers(0, 255)), min_size=1,
                max_size=8))
def test_a_damaged_pdf_is_read_or_refused(tmp_path_factory, flips):
    from plancheck.read.pdf import read_pdf_document

    if _PDF is None:
        return   # reportlab (a test extra) builds the PDF to damage
    _read_damaged(read_pdf_document, _PDF, flips, tmp_path_factory.mktemp("pdf") / "fuzz.pdf")


# -- issue 25's shapes: control characters, NFD, runs of digits, chained clauses -------------------
HOSTILE_TOKENS = st.one_of(
    TOKENS,
    st.sampled_from(["\x1b[31m", "\x1b]8;;http://x\x1b\\", "\x9b", "\r", "\x00", "\x07", "\u202e", "\ufeff"]),
    st.sampled_from(WORDS).map(lambda w: __import__("unicodedata").normalize("NFD", w)),   # typed on a Mac
    st.integers(21, 45).map(lambda n: "9" * n),                                              # longer than any figure
    st.integers(1, 12).map(lambda n: ", trong đó vốn ngân sách 90 tỷ đồng, gồm tổng vốn 100 tỷ đồng" * n),
)
HOSTILE_TEXT = st.lists(HOSTILE_TOKENS, max_size=20).map(" ".join)


@FUZZ
@given(st.lists(HOSTILE_TEXT, max_size=4).map("\n\n".join))
def test_hostile_text_is_checked_or_refused_and_its_report_shows_no_control_character(text):
    import plancheck
    from plancheck.report import writer

    try:
        report = plancheck.check_text(text, name="fuzz\x1b[2J.md", lang="en")
    except PlancheckError:
        return
    for fmt in ("text", "json", "junit"):
        out = io.StringIO()
        w = writer(fmt, out, rules=RULES, lang="en")
        from plancheck.runner import FileResult

        w.write(FileResult(path=report.files[0] if report.files else "fuzz.md", findings=report.findings,
                           lines=text.split("\n")))
        w.close()
        assert not any(c in out.getvalue() for c in "\x1b\x9b\x00\r"), fmt


@FUZZ
@given(PLAN.map(lambda data: __import__("plancheck.read.located_yaml", fromlist=["x"]).nfc_data(data)),
       st.sampled_from(["NFD", "NFC"]))
def test_a_plan_mapping_in_any_normal_form_is_checked_or_refused(data, form):
    import unicodedata

    def normal(value):
        if isinstance(value, str):
            return unicodedata.normalize(form, value)
        if isinstance(value, dict):
            return {normal(k): normal(v) for k, v in value.items()}
        if isinstance(value, list):
            return [normal(v) for v in value]
        return value

    try:
        plan = plan_from_data(normal(data))
    except PlancheckError:
        return
    run_rules(Subject(plan=plan, options={"stage": "final"}), RULES)


# -- issue 25's shapes: nested Word parts -------------------------------------------------------
@st.composite
def _word_blocks(draw, depth: int, marks: list[int], notes: dict[str, str]) -> str:
    """Body XML of paragraphs, tables, content controls and text boxes nested up to ``depth``,
    each paragraph holding a mark of its own ("mk12z"): reading must give each mark once."""
    import wordbytes as w

    def mark() -> str:
        marks.append(len(marks))
        return f"mk{marks[-1]}z"

    out = []
    for _ in range(draw(st.integers(1, 3))):
        shape = draw(st.sampled_from(["paragraph", "table", "control", "box"] if depth > 0 else ["paragraph"]))
        if shape == "table":   # rows and cells, each maybe inside a content control or custom XML
            wrap = st.sampled_from([lambda part: part, w.content_control, w.custom_xml])
            rows = [w.row([draw(wrap)(w.cell(draw(_word_blocks(depth - 1, marks, notes))))
                           for _ in range(draw(st.integers(1, 2)))]) for _ in range(draw(st.integers(1, 2)))]
            out.append(w.table([draw(wrap)(r) for r in rows]))
        elif shape == "control":
            out.append(w.content_control(draw(_word_blocks(depth - 1, marks, notes))))
        elif shape == "box":
            inner = draw(_word_blocks(depth - 1, marks, notes))
            out.append(w.paragraph(w.run(mark()), w.text_box(inner, vml_copy=draw(st.booleans()))))
        else:
            inline = [w.run(mark())]
            if draw(st.booleans()):   # a footnote, read after the paragraph (or table, or box's anchor) citing it
                note = str(len(notes) + 2)
                notes[note] = w.paragraph(w.run(mark()))
                inline.append(w.footnote_reference(note))
            out.append(w.paragraph(*inline))
    return "".join(out)


@st.composite
def _word_body(draw) -> tuple[str, dict[str, str], int]:
    """A body's XML, its footnotes, and how many marks it holds (the XML, not the package, so that
    a failing example shows what it was)."""
    marks: list[int] = []
    notes: dict[str, str] = {}
    body = draw(_word_blocks(draw(st.integers(1, 4)), marks, notes))
    return body, notes, len(marks)


@FUZZ
@given(_word_body())
def test_nested_word_parts_are_read_each_once(tmp_path_factory, built):
    import re

    import wordbytes
    from plancheck.read.docx import read_docx_document

    body, notes, marks = built
    path = tmp_path_factory.mktemp("docx") / "nested.docx"
    path.write_bytes(wordbytes.package(body, notes or None))
    found = re.findall(r"mk(\d+)z", "\n".join(read_docx_document(path).lines))
    assert sorted(int(m) for m in found) == list(range(marks))   # each once: none lost, none twice


# -- issue 25's shapes: PDF object streams ---------------------------------------------------------
_PDF_OPERATIONS = st.one_of(
    st.tuples(st.sampled_from(WORDS + ["Doanh thu 12,5 ty", "(", ")", "\\"]), st.integers(0, 600),
              st.integers(0, 840)).map(lambda t: __import__("pdfbytes").text_line(t[0], t[1], t[2], 9)),
    st.tuples(st.integers(0, 5), st.integers(1, 40)).map(
        lambda t: b"".join(__import__("pdfbytes").draw(t[0], i % 9, i % 13) for i in range(t[1]))),   # forms, again and again
    st.sampled_from([b"10 10 200 20 re f\n", b"0 0 m 500 700 l S\n", b"BT [(ab)-20<4142>] TJ ET\n",
                     b"BT /F1 0 Tf (x) Tj ET\n", b"q 0 0 0 0 cm Q\n", b"BT /F9 9 Tf (x) Tj ET\n",
                     b"/X99 Do\n", b"(unclosed Tj\n", b"<zz> Tj\n", b"1 0 0 RG 3 w 0 0 m 1 1 l S\n"]),
)
_PDF_STREAM = st.lists(_PDF_OPERATIONS, max_size=8).map(b"".join)


@FUZZ
@given(_PDF_STREAM, st.lists(_PDF_STREAM, max_size=6), st.sampled_from([False, "flate", "lzw", "hex"]),
       st.one_of(st.none(), st.integers(0, 5)),
       st.booleans(), st.lists(st.tuples(st.integers(0, 10**4), st.integers(0, 255)), max_size=4))
def test_a_pdf_of_any_forms_drawing_forms_is_read_or_refused(tmp_path_factory, page, forms, compress, annotation,
                                                              packed, damage):
    """Forms drawing forms as often and as deep as drawn, their streams encoded as they may be;
    the objects packed in an object stream (PDF 1.5), that stream damaged or not."""
    from pdfbytes import one_page
    from plancheck.read.pdf import read_pdf_document

    path = tmp_path_factory.mktemp("pdf") / "forms.pdf"
    path.write_bytes(one_page(page, forms, compress=compress,
                              annotation_form=annotation if annotation is not None and annotation < len(forms) else None,
                              packed=packed, damage=damage if packed else ()))
    try:
        read_pdf_document(path)
    except PlancheckError as exc:
        # a whole file is refused by a limit that says why, never stopped by the reading child's
        # bound: that would be a way past the stream budget or the page census. (A damaged object
        # stream pdfium and pdfminer may read differently: the child's bound is for that.)
        if not (packed and damage):
            assert "its reader" not in exc.message and "of memory" not in exc.message, exc.message
