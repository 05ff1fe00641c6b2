"""Published PDFs (issue 12): a PDF with a text layer gives the same findings as its text,
located by page and line; a scan says what it needs."""
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
pytestmark = pytest.mark.skipif(FONT is None, reason="no font with Vietnamese letters to write test PDFs with")

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
    main(["check", str(pdf)])
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


def scanned_pdf(path: Path, lines: list[str]) -> None:
    """An image-only PDF: ``lines`` drawn into a picture, as a scanner gives them."""
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
    page.drawImage(ImageReader(buffer), 0, 842 - height, width=width, height=height)
    page.save()


SCANNED = ["NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2024",
           "Cơ cấu kinh tế năm 2024: nông nghiệp 44%,", "công nghiệp 30%, dịch vụ 50%."]


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
    sure = _read_by_ocr(finding.model_copy(update={"location": Location("scan.pdf", 3, 1)}), document, "en")
    assert sure.severity == Severity.error and sure.message == "shares sum to 124% (read by OCR)"
    assert _read_by_ocr(finding.model_copy(update={"location": Location("scan.pdf", 9, 1)}), document, "en") \
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


class _FakeTextPage:
    """pdfium's text page as _text_lines reads it, character by character, built from runs of
    text: (text, (left, bottom, right, top) in PDF points, origin bottom-left). Each run's
    characters share its width; pdfium's space stands between runs apart by a word's gap, its
    line break before a run that goes back to the left."""

    def __init__(self, runs):
        self.chars = []
        previous = None
        for text, (left, bottom, right, top) in runs:
            if previous is not None and left < previous:
                self.chars += [("\r", (0, 0, 0, 0)), ("\n", (0, 0, 0, 0))]
            elif previous is not None and left - previous >= 2:
                self.chars.append((" ", (previous, bottom, left, bottom)))
            width = (right - left) / len(text)
            self.chars += [(ch, (left + k * width, bottom, left + (k + 1) * width, top)) for k, ch in enumerate(text)]
            previous = right

    def count_chars(self):
        return len(self.chars)

    def get_text_range(self, i, n):
        return self.chars[i][0]

    def get_charbox(self, i):
        return self.chars[i][1]


def test_runs_of_a_second_font_a_little_off_the_line_stay_in_it_in_order():
    from plancheck.read.pdf import _text_lines

    # "ngày 4 năm 2026 Phiên họp": the digits "6" set in another font sit 2.5 pt lower, the
    # vowel run "ố" 1.5 pt higher; the next line 14 pt below
    page = _FakeTextPage([
        ("ngày 4 năm 202", (50.0, 700.0, 150.0, 712.0)),
        ("6", (150.2, 697.5, 156.0, 709.5)),
        ("Phiên họp th", (160.0, 700.0, 230.0, 712.0)),
        ("ố", (230.1, 701.5, 236.0, 713.5)),
        ("Dòng sau", (50.0, 686.0, 120.0, 698.0)),
    ])
    lines = _text_lines(page, 842.0)
    assert [line.text for line in lines] == ["ngày 4 năm 2026 Phiên họp thố", "Dòng sau"]


def test_a_vowel_run_set_close_to_its_letters_joins_the_word():
    from plancheck.read.pdf import _text_lines

    # "Số 12": the "ố" a run of its own 1.5 pt after the "S" (a sliver, no space); a word space
    # (3 pt at 12 pt type) before "12"
    page = _FakeTextPage([("S", (50.0, 700.0, 57.0, 712.0)), ("ố", (58.5, 700.0, 65.0, 712.0)),
                          ("12", (68.5, 700.0, 80.0, 712.0))])
    assert [line.text for line in _text_lines(page, 842.0)] == ["Số 12"]


def test_running_headers_and_page_numbers_are_furniture():
    from plancheck.read.pdf import _TextLine, _furniture

    def page(n, body):
        return ([_TextLine(f"CÔNG BÁO/Số {280 + n}/Ngày 21-05-2026", 20, 32, 50, 300),
                 _TextLine(body, 300, 312, 50, 500), _TextLine(str(n), 800, 812, 290, 300)], 842.0)

    pages = [page(n, f"Điều {n}. Nội dung riêng của trang {n}") for n in range(1, 5)]
    dropped = _furniture(pages)
    kept = [line.text for items, _ in pages for line in items if id(line) not in dropped]
    assert kept == [f"Điều {n}. Nội dung riêng của trang {n}" for n in range(1, 5)]
    # two pages are too few to tell a running header from the text
    assert _furniture(pages[:2]) == set()


def test_characters_are_read_once_in_pdfiums_order_with_its_spaces_and_line_breaks():
    from plancheck.read.pdf import _text_lines

    page = _FakeTextPage([("Số 12 ngày", (50.0, 700.0, 110.0, 710.0)), ("Điều 1", (50.0, 680.0, 86.0, 690.0))])
    assert [line.text for line in _text_lines(page, 842.0)] == ["Số 12 ngày", "Điều 1"]
