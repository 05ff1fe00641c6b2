"""Published PDFs (issue 12): a PDF with a text layer gives the same findings as its text,
located by page and line; a scan says what it needs."""
import dataclasses
import io
import json
from pathlib import Path

import pytest

from plancheck import api
from plancheck.cli import main
from plancheck.errors import InputError
from plancheck.read import read_source

reportlab = pytest.importorskip("reportlab", reason="reportlab builds the test PDFs (pip install '.[test]')")
FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"), Path("/Library/Fonts/Arial Unicode.ttf")]
FONT = next((f for f in FONTS if f.exists()), None)
pytestmark = [pytest.mark.skipif(FONT is None, reason="no font with Vietnamese letters to write test PDFs with"),
              pytest.mark.usefixtures("english")]   # messages asserted in English; Vietnamese: test_i18n

HEAD = ["NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2024"]
ARTICLE = ("Điều 1. Cơ cấu kinh tế năm 2024: nông nghiệp 44%, công nghiệp 30%, dịch vụ 50%. Đây là một câu "
           "dài, ngắt thành nhiều dòng khi tệp PDF được xuất ra từ Word.")
TABLE = [["TT", "Chỉ tiêu", "Đơn vị", "TH 2023", "KH 2024", "KH 2024 so với TH 2023 (%)"],
         ["1", "Tổng sản phẩm (GRDP)", "tỷ đồng", "100", "107", "170"],
         ["2", "Dân số", "người", "1.000", "1.010", "101,0"]]


def build_pdf(path: Path, pages_before_table: int = 0) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("Viet", str(FONT)))
    style = ParagraphStyle("v", fontName="Viet", fontSize=11, leading=14)
    story = [Paragraph(line, style) for line in HEAD] + [Paragraph(ARTICLE, style), Spacer(1, 12)]
    for _ in range(pages_before_table):
        story += [PageBreak(), Paragraph("Phụ lục", style)]
    table = Table(TABLE)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "Viet"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story += [table, Paragraph("Điều 2. Tổ chức thực hiện.", style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def equivalent_text(path: Path) -> None:
    rows = ["| " + " | ".join(row) + " |" for row in TABLE]
    path.write_text("\n".join(HEAD + [ARTICLE, "", rows[0], "|---|---|---|---|---|---|", *rows[1:], "",
                                      "Điều 2. Tổ chức thực hiện."]) + "\n", encoding="utf-8")


def test_a_pdf_gives_the_findings_of_its_text_by_page_and_line(tmp_path, capsys):
    pdf, text = tmp_path / "nq.pdf", tmp_path / "nq.md"
    build_pdf(pdf)
    equivalent_text(text)
    from_pdf, from_text = api.check(pdf, lang="en"), api.check(text, lang="en")
    assert [(f.rule, f.message) for f in from_pdf.findings] == [(f.rule, f.message) for f in from_text.findings]
    assert [f.rule for f in from_pdf.findings] == ["PC101", "PC201"]
    assert [(f.location.page, f.location.page_line) for f in from_pdf.findings] == [(1, 3), (1, 7)]
    main(["check", str(pdf), "--lang", "en"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{pdf}: page 1, line 3: PC101 [error] Cơ cấu kinh tế năm 2024 (plan 2024)")
    assert out[3].startswith(f"{pdf}: page 1, line 7: PC201 [error] Tổng sản phẩm (GRDP)")
    main(["check", str(pdf), "--lang", "vi"])
    assert f"{pdf}: trang 1, dòng 3: PC101 [lỗi]" in capsys.readouterr().out


def test_pages_count_their_own_lines(tmp_path):
    pdf = tmp_path / "annex.pdf"
    build_pdf(pdf, pages_before_table=1)
    report = api.check(pdf, select=["PC201"])
    assert [(f.location.page, f.location.page_line) for f in report.findings] == [(2, 3)]
    document, _ = read_source(pdf)
    assert document.source_format == "pdf"
    assert any(p.text.startswith("Điều 1. Cơ cấu kinh tế năm 2024") and p.text.endswith("xuất ra từ Word.")
               for p in document.paragraphs())    # a paragraph broken into lines is one again


def scanned_pdf(path: Path, lines: list[str], header: str | None = None, layer: list[str] | None = None) -> None:
    """An image-only PDF: ``lines`` drawn into a picture, as a scanner gives them; with a line
    of text above it (``header``, as a gazette prints its own over a scanned page), or an
    invisible OCR layer over it (``layer``)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("RGB", (2480, 200 + 80 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((150, 100 + i * 80), line, font=font, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    page = canvas.Canvas(str(path))
    width, height = image.size[0] * 72 / 300, image.size[1] * 72 / 300
    top = 842 - (40 if header else 0)
    page.drawImage(ImageReader(buffer), 0, top - height, width=width, height=height)
    if header or layer:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("Viet", str(FONT)))
    if header:
        page.setFont("Viet", 10)
        page.drawString(72, 815, header)
    if layer:
        text = page.beginText(36, top - 28)
        text.setFont("Viet", 9)
        text.setTextRenderMode(3)   # invisible: another program's OCR
        for line in layer:
            text.textLine(line)
        page.drawText(text)
    page.save()


SCANNED = ["NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2024",
           "Cơ cấu kinh tế năm 2024: nông nghiệp 44%,", "công nghiệp 30%, dịch vụ 50%."]


# the rest of a scanned page: its picture covers most of the page
FULL_PAGE = [f"- Nội dung thứ {n} của nghị quyết." for n in range(1, 9)]


def _ocr_missing() -> str | None:
    from plancheck.read.ocr import unavailable

    return unavailable()


@pytest.mark.skipif(_ocr_missing() is not None, reason=f"OCR needs Tesseract here: {_ocr_missing()}")
def test_a_scan_is_read_by_ocr_and_the_report_says_so(tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan, SCANNED)
    code = main(["check", str(scan), "--lang", "en", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    [finding] = report["findings"]
    assert finding["rule"] == "PC101" and (finding["page"], finding["page_line"]) == (1, 3)
    assert finding["message"].endswith("(read by OCR)") and finding["evidence"]["ocr"] is True
    assert report["caveats"][0]["en"].startswith("page(s) 1 are scans read by OCR (Tesseract, Vietnamese)")


@pytest.mark.skipif(_ocr_missing() is not None, reason=f"OCR needs Tesseract here: {_ocr_missing()}")
@pytest.mark.parametrize("extra", [dict(header="CÔNG BÁO/Số 120/Ngày 05-03-2026"),
                                   dict(layer=["NGHI QUYET", "Co cau kinh te nam 2024: nong nghiep 44%,"])])
def test_a_scan_under_a_text_header_or_a_foreign_ocr_layer_is_read_by_ocr(tmp_path, extra):
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan, SCANNED + FULL_PAGE, **extra)
    document, _ = read_source(scan)
    text = "\n".join(document.lines)
    assert "Cơ cấu kinh tế năm 2024" in text and "Co cau kinh te" not in text
    assert document.ocr_lines and "read by OCR" in document.caveats[0]["en"]


def test_without_tesseract_a_scans_own_ocr_layer_is_read_and_said_to_be(tmp_path, monkeypatch):
    from plancheck.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: ocr.INSTALL)
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan, SCANNED, layer=["NGHỊ QUYẾT", "Cơ cấu kinh tế năm 2024: nông nghiệp 44%, công nghiệp 30%."])
    document, _ = read_source(scan)
    assert "Cơ cấu kinh tế năm 2024: nông nghiệp 44%, công nghiệp 30%." in document.lines
    assert document.ocr_lines   # its findings say they rest on OCR
    assert document.caveats[0]["en"].startswith("page(s) 1 are scans read from the OCR layer the file carries")


def test_without_tesseract_a_scan_under_a_text_header_is_read_from_its_text_and_said_so(tmp_path, monkeypatch):
    from plancheck.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: ocr.INSTALL)
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan, SCANNED + FULL_PAGE, header="CÔNG BÁO/Số 120/Ngày 05-03-2026")
    # a page of a large picture and a little text (a cover's photo, a gazette over a scan)
    document, _ = read_source(scan)
    assert "CÔNG BÁO/Số 120/Ngày 05-03-2026" in document.lines
    assert document.caveats[0]["en"].startswith("page(s) 1 are mostly a picture; with no Tesseract here")


def test_a_list_letter_ocr_took_for_a_symbol_is_the_letter():
    from plancheck.read.pdf import _mend_marker

    assert _mend_marker("©) Rà soát danh sách hộ nghèo;") == "c) Rà soát danh sách hộ nghèo;"
    assert _mend_marker("Bản quyền © 2025) thuộc tác giả") == "Bản quyền © 2025) thuộc tác giả"
    # specks around a marker, the space after it lost
    assert _mend_marker("1.`Giao Sở Tài chính chủ trì;") == "1. Giao Sở Tài chính chủ trì;"
    assert _mend_marker("—4.UBND huyện Đà Bắc") == "4. UBND huyện Đà Bắc"
    assert _mend_marker("_12. Sở Y tế") == "12. Sở Y tế"
    # figures and dates are no markers
    assert _mend_marker("2.500 hộ được hỗ trợ") == "2.500 hộ được hỗ trợ"
    assert _mend_marker("12.5 triệu đồng") == "12.5 triệu đồng"


@pytest.mark.parametrize("lines, read", [
    (["I. Mục tiêu", "1. Nội dung", "H. Nhiệm vụ", "Il. Giải pháp", "IV. Tổ chức"],
     ["I. Mục tiêu", "1. Nội dung", "II. Nhiệm vụ", "III. Giải pháp", "IV. Tổ chức"]),
    # "III." read as "II." once more; a new part starts again at "I."
    (["I. Đánh giá", "II. Mục tiêu", "II. Giải pháp", "I. Phụ lục", "ll. Biểu mẫu"],
     ["I. Đánh giá", "II. Mục tiêu", "III. Giải pháp", "I. Phụ lục", "II. Biểu mẫu"]),
    # no section heading: a list item, a lower-case word
    (["H. Nguyễn Văn A", "l. điều chỉnh"], ["H. Nguyễn Văn A", "l. điều chỉnh"]),
])
def test_roman_section_numbers_misread_by_ocr_follow_their_sequence(lines, read):
    from plancheck.read.pdf import _mend_roman

    last, out = 0, []
    for line in lines:
        text, last = _mend_roman(line, last)
        out.append(text)
    assert out == read


def test_without_tesseract_a_scan_says_what_to_install(tmp_path, monkeypatch):
    from plancheck.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: ocr.INSTALL)
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan, SCANNED)
    with pytest.raises(InputError, match=r"a scanned PDF \(page 1 has no text layer\): reading it needs OCR; "
                                         r"install Tesseract .*apt install tesseract-ocr tesseract-ocr-vie"):
        read_source(scan)


def test_no_error_rests_on_a_figure_ocr_doubted():
    from plancheck.models import Finding, Location, Severity
    from plancheck.models.document import Document
    from plancheck.runner import _read_by_ocr

    document = Document(path="scan.pdf", source_format="pdf", ocr_lines=[3, 4], doubted=[(4, 20, 22)])
    finding = Finding(rule="PC101", slug="structure-sum", category="shares", severity=Severity.error,
                      message="shares sum to 124%", location=Location("scan.pdf", 4, 1))
    doubted = _read_by_ocr(finding, document, "vi")
    assert doubted.severity == Severity.warning and doubted.evidence == {"ocr": True, "ocr_doubted": True}
    assert doubted.message == "shares sum to 124% (đọc bằng OCR; số liệu đọc chưa chắc chắn, chỉ là cảnh báo)"
    sure = _read_by_ocr(dataclasses.replace(finding, location=Location("scan.pdf", 3, 1)), document, "en")
    assert sure.severity == Severity.error and sure.message == "shares sum to 124% (read by OCR)"
    assert _read_by_ocr(dataclasses.replace(finding, location=Location("scan.pdf", 9, 1)), document, "en") \
        .message == "shares sum to 124%"


def test_a_damaged_pdf_is_named_not_a_crash(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    code = main(["check", str(bad), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 2 and out.startswith(f"{bad}: unreadable: not a readable PDF")


def test_a_pdf_typed_in_tcvn3_fonts_is_converted(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Viet", str(FONT)))
    path = tmp_path / "vntime.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("Viet", 11)   # a .VnTime document printed to PDF: its glyphs carry TCVN3 code points
    page.drawString(72, 760, "NghÞ quyÕt vÒ kÕ ho¹ch ph¸t triÓn kinh tÕ - x· héi n¨m 2024")
    page.drawString(72, 740, "C¬ cÊu kinh tÕ n¨m 2024: n«ng nghiÖp 44%, c«ng nghiÖp 30%, dÞch vô 50%.")
    page.save()
    report = api.check(path, lang="en")
    assert [f.rule for f in report.findings] == ["PC101"]
    assert report.findings[0].message.startswith("Cơ cấu kinh tế năm 2024 (plan 2024): shares sum to 124%")
    assert report.caveats[0].en.startswith("text typed in TCVN3 (ABC) fonts, converted to Unicode")


def test_a_table_broken_by_a_page_break_is_read_as_one(tmp_path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    pdfmetrics.registerFont(TTFont("Viet", str(FONT)))
    style = ParagraphStyle("v", fontName="Viet", fontSize=11, leading=14)
    rows = [TABLE[0]] + [[str(i), f"Chỉ tiêu số {i}", "tỷ đồng", "100", "105", "105,0"] for i in range(1, 61)]
    rows[55][5] = "150,0"                                        # on the second page: 105 / 100 is 105%
    table = LongTable(rows, repeatRows=1)                        # the header printed again on page 2
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "Viet"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    pdf = tmp_path / "long.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build([Paragraph("PHỤ LỤC 01", style), table])
    document, _ = read_source(pdf)
    [read] = document.tables()
    assert len(read.rows) == 61 and [c.text for c in read.rows[0].cells][:3] == ["TT", "Chỉ tiêu", "Đơn vị"]
    report = api.check(pdf, select=["PC201"], lang="en")
    [finding] = report.findings
    assert finding.message.startswith("Chỉ tiêu số 55: column \"KH 2024 so với TH 2023 (%)\" says 150,0% but 105 / 100 × 100 = 105,0%")
    assert finding.location.page == 2


@pytest.mark.skipif(_ocr_missing() is not None, reason=f"OCR needs Tesseract here: {_ocr_missing()}")
def test_a_scanned_ruled_table_is_read_cell_by_cell(tmp_path):
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.truetype(str(FONT), 34)
    edges = [100, 200, 700, 950, 1200, 1450, 2400]          # the grid's vertical rules (pixels at 300 dpi)
    image = Image.new("RGB", (2480, 700), "white")
    draw = ImageDraw.Draw(image)
    draw.text((100, 60), "PHỤ LỤC 01", font=font, fill="black")
    for r, row in enumerate(TABLE):
        top = 150 + r * 90
        for c, text in enumerate(row):
            draw.text((edges[c] + 15, top + 20), text, font=font, fill="black")
        draw.line((edges[0], top, edges[-1], top), fill="black", width=3)
    bottom = 150 + len(TABLE) * 90
    draw.line((edges[0], bottom, edges[-1], bottom), fill="black", width=3)
    for x in edges:
        draw.line((x, 150, x, bottom), fill="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    scan = tmp_path / "annex.pdf"
    page = canvas.Canvas(str(scan))
    page.drawImage(ImageReader(buffer), 0, 842 - 700 * 72 / 300, width=2480 * 72 / 300, height=700 * 72 / 300)
    page.save()
    document, lines = read_source(scan)
    assert lines[1] == "| " + " | ".join(TABLE[0]) + " |" and lines[3] == "| " + " | ".join(TABLE[1]) + " |"
    [finding] = api.check(scan, select=["PC201"], lang="en").findings
    assert finding.message.startswith('Tổng sản phẩm (GRDP): column "KH 2024 so với TH 2023 (%)" says 170%')
    assert finding.message.endswith("(read by OCR)") and (finding.location.page, finding.location.page_line) == (1, 3)


def test_a_count_read_by_ocr_is_no_error():
    from plancheck.models import Finding, Location, Severity
    from plancheck.models.document import Document
    from plancheck.runner import _read_by_ocr

    document = Document(path="scan.pdf", source_format="pdf", ocr_lines=[3])
    finding = Finding(rule="PC401", slug="stated-count", category="count", severity=Severity.error,
                      message="The text states 28 chỉ tiêu but lists 19", location=Location("scan.pdf", 3, 1))
    read = _read_by_ocr(finding, document, "en")
    assert read.severity == Severity.warning
    assert read.message.endswith("(read by OCR, which may drop items: a warning only)")


def _canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Viet", str(FONT)))
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("Viet", 11)
    return page


def _blocks(path: Path) -> list:
    from plancheck.models.document import Table

    document, _ = read_source(path)
    return [[[c.text for c in row.cells] for row in b.rows] if isinstance(b, Table) else b.text for b in document.blocks]


def test_a_form_printed_sideways_is_read_as_it_stands(tmp_path):
    # an annex's form in landscape, turned a quarter on a portrait page: its heading and its
    # table read along their lines, the table's rows across the page
    pdf = tmp_path / "form.pdf"
    page = _canvas(pdf)
    page.drawString(72, 780, "Điều 3. Các mẫu biểu kèm theo Quyết định này.")
    page.showPage()
    page.setFont("Viet", 10)
    page.translate(595, 0)
    page.rotate(90)
    page.drawString(60, 520, "Mẫu số 05")
    cols, rows = [60, 110, 300, 450], [400, 380, 360, 340]
    for y in rows:
        page.line(cols[0], y, cols[-1], y)
    for x in cols:
        page.line(x, rows[0], x, rows[-1])
    for i, row in enumerate([["STT", "Tên xã", "Diện tích (ha)"], ["1", "Xã Hòa Bình", "1.250"], ["2", "Xã Tân Lập", "980"]]):
        for j, text in enumerate(row):
            page.drawString(cols[j] + 4, rows[i] - 14, text)
    page.save()
    blocks = _blocks(pdf)
    assert any(isinstance(b, str) and b.endswith("Mẫu số 05") for b in blocks)
    assert [["STT", "Tên xã", "Diện tích (ha)"], ["1", "Xã Hòa Bình", "1.250"], ["2", "Xã Tân Lập", "980"]] in blocks


def test_a_number_stamped_into_a_field_is_read_where_it_sits_a_signers_stamp_is_not(tmp_path):
    # an e-office fills the number and the day into fields at signing; its signature's stamp
    # (who signed, when) is drawn in a field of several lines
    pdf = tmp_path / "signed.pdf"
    page = _canvas(pdf)
    page.drawString(72, 760, "Số:          /TB-UBND")
    page.drawString(300, 760, "Hòa Bình, ngày        tháng 11 năm 2025")
    page.drawString(72, 700, "Điều 1. Nội dung thông báo.")
    form = page.acroForm
    common = dict(borderWidth=0, fontName="Helvetica", fontSize=11, fillColor=None, borderColor=None)
    form.textfield(name="so", value="315", x=95, y=755, width=40, height=18, **common)
    form.textfield(name="ngay", value="14", x=392, y=755, width=22, height=18, **common)
    form.textfield(name="ky", value="Ky boi: So Noi vu\nThoi gian ky: 14.11.2025 10:02:11", x=380, y=790,
                   width=200, height=40, fieldFlags="multiline", **{**common, "fontSize": 8})
    page.save()
    text = " ".join(b for b in _blocks(pdf) if isinstance(b, str))
    assert "Số: 315 /TB-UBND" in text and "ngày 14 tháng 11 năm 2025" in text
    assert "Thoi gian" not in text and "10:02" not in text


def test_a_framed_paragraph_is_text_not_a_table(tmp_path):
    # a box drawn round a note, and a box of three columns with text in one only: no table
    pdf = tmp_path / "framed.pdf"
    page = _canvas(pdf)
    page.rect(60, 640, 470, 60)
    page.drawString(70, 680, "Ghi chú: số liệu năm 2025 là số ước thực hiện,")
    page.drawString(70, 660, "số liệu năm 2026 là số kế hoạch.")
    page.rect(60, 500, 470, 80)
    page.line(160, 500, 160, 580)
    page.line(430, 500, 430, 580)
    page.drawString(170, 560, "Nơi nhận: như trên;")
    page.drawString(170, 540, "Lưu: VT.")
    page.save()
    blocks = _blocks(pdf)
    assert all(isinstance(b, str) for b in blocks)
    assert "Ghi chú: số liệu năm 2025 là số ước thực hiện, số liệu năm 2026 là số kế hoạch." in " ".join(blocks)


def test_how_characters_are_written_is_not_judged_on_lines_ocr_read(tmp_path, monkeypatch):
    # an accent or a separator on a scanned page is OCR's guess, not the document's writing
    from plancheck.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: ocr.INSTALL)
    layer = ["Căn cú Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;", "Điều 1. Diện tích trồng rừng mới 1,250.5 ha."]
    text = tmp_path / "typed.txt"
    text.write_text("\n".join(layer) + "\n", encoding="utf-8")
    typed = {f.category for f in api.check(text).findings}
    assert {"style", "number-format"} <= typed
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan, SCANNED + FULL_PAGE, layer=layer)
    assert not {f.category for f in api.check(scan).findings} & {"style", "number-format"}


def test_a_field_filled_in_a_tables_cell_is_read_in_the_cell(tmp_path):
    pdf = tmp_path / "bang.pdf"
    page = _canvas(pdf)
    cols, rows = [60, 260, 420], [700, 680, 660, 640]
    for y in rows:
        page.line(cols[0], y, cols[-1], y)
    for x in cols:
        page.line(x, rows[0], x, rows[-1])
    for i, (label, value) in enumerate([("Chỉ tiêu", "Số lượng"), ("Số hộ nghèo", "1.250"), ("Số hộ cận nghèo", "")]):
        page.drawString(cols[0] + 4, rows[i] - 14, label)
        page.drawString(cols[1] + 4, rows[i] - 14, value)
    page.acroForm.textfield(name="can_ngheo", value="980", x=cols[1] + 2, y=rows[3] + 2, width=60, height=16,
                            borderWidth=0, fontName="Helvetica", fontSize=11, fillColor=None, borderColor=None)
    page.save()
    assert [["Chỉ tiêu", "Số lượng"], ["Số hộ nghèo", "1.250"], ["Số hộ cận nghèo", "980"]] in _blocks(pdf)


def test_tables_are_looked_for_only_on_pages_that_draw_lines(tmp_path, monkeypatch):
    # issue 25, item 6: looking for ruled tables parses every character of a page (a third of a
    # second a page); a page of text alone draws no line a table is made of
    import pdfplumber.page

    from plancheck.read import guarded

    pdf = tmp_path / "annex.pdf"
    build_pdf(pdf, pages_before_table=1)   # page 1: text; page 2: a ruled table
    searched = []
    find_tables = pdfplumber.page.Page.find_tables

    def counted(self, *args, **kwargs):
        searched.append(self.page_number)
        return find_tables(self, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", counted)
    monkeypatch.setattr(guarded, "_can_fork", lambda: False)   # counted here, not in a reading child
    report = api.check(pdf, select=["PC201"])
    assert searched == [2]   # the table's page only
    assert [(f.location.page, f.location.page_line) for f in report.findings] == [(2, 3)]


def test_a_pdf_whose_streams_inflate_past_the_budget_is_refused_before_any_reader_inflates_them(
        tmp_path, capsys, monkeypatch):
    # issue 25, item 6: a 2.5 KB Flate stream inflated to 2.1 GB inside pdfium
    import zlib

    from plancheck.read import pdf_budget

    bomb = zlib.compress(b"\0" * (3 * 2**20), 9)   # 3 MB of nothing in a few KB
    (tmp_path / "bom.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Length " + str(len(bomb)).encode() + b" /Filter /FlateDecode >>\nstream\n"
        + bomb + b"\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n")
    good = tmp_path / "annex.pdf"
    build_pdf(good)
    assert pdf_budget.check_streams(good.read_bytes(), str(good)) < 2**20   # a real page: well within
    monkeypatch.setattr(pdf_budget, "MAX_INFLATED", 2**20)
    assert main(["check", "--no-config", "--lang", "en", str(tmp_path / "bom.pdf"), str(good)]) == 2
    out = capsys.readouterr().out
    assert "bom.pdf: unreadable: refused: its streams would decode to more than 1 MB in all" in out
    assert "annex.pdf: page 1, line 3: PC101" in out


def test_a_page_is_rendered_for_ocr_within_a_pixel_budget():
    # issue 25, item 6: a 3000-point scanned page rendered at 300 dpi took 1.1 GB
    from plancheck.read import ocr

    assert ocr.render_scale(595, 842) == ocr.DPI / 72   # A4: 300 dpi, as always
    scale = ocr.render_scale(3000, 3000)
    assert (3000 * scale) * (3000 * scale) <= ocr.MAX_PIXELS * 1.0001 and scale < ocr.DPI / 72
    assert ocr.render_scale(0, 0) == ocr.DPI / 72   # a page with no size is no page to shrink
