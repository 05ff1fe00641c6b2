"""Word drafts as people hold them (issue 12): tracked changes read as accepted, footnotes,
headers and text boxes read, findings located in Word's terms."""
import json

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from plancheck import api
from plancheck.cli import main
from plancheck.read import read_source

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'
WRONG_SHARES = "Cơ cấu kinh tế năm 2024: nông nghiệp 44%, công nghiệp 30%, dịch vụ 50%."


def tracked(paragraph, deleted: str, inserted: str, tail: str) -> None:
    paragraph._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="A"><w:r><w:delText>{deleted}</w:delText>'
                                  '</w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="A"><w:r><w:t>{inserted}</w:t></w:r></w:ins>'))
    paragraph.add_run(tail)


def add_footnote(document, paragraph, text: str, kind: str = "footnote") -> None:
    """A footnote (or endnote) part holding one note, referred to at the end of ``paragraph``."""
    xml = (f'<w:{kind}s {W}>'
           f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
           f'</w:r></w:p></w:{kind}></w:{kind}s>')
    part = Part(PackURI(f"/word/{kind}s.xml"),
                f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
                xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    paragraph._p.append(parse_xml(f'<w:r {W}><w:{kind}Reference w:id="1"/></w:r>'))


@pytest.fixture
def draft(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "DỰ THẢO lần 2"
    d.add_paragraph("NGHỊ QUYẾT về kế hoạch phát triển kinh tế - xã hội năm 2024")
    shares = d.add_paragraph("Cơ cấu kinh tế năm 2024: nông nghiệp ")
    tracked(shares, "44", "20", "%, công nghiệp 30%, dịch vụ 50%.")        # 44 deleted, 20 inserted: 100%
    note_holder = d.add_paragraph("Các chỉ tiêu chủ yếu như sau")
    add_footnote(d, note_holder, WRONG_SHARES)
    closing = d.add_paragraph("Nghị quyết có hiệu lực từ ngày ký")
    add_footnote(d, closing, "Thông qua tại kỳ họp thứ 15.", kind="endnote")
    boxed = d.add_paragraph("Xem khung.")
    boxed._p.append(parse_xml(f'<w:r {W} {V}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
                              '<w:t>Tổng vốn đầu tư toàn xã hội 1.000 tỷ đồng.</w:t></w:r></w:p></w:txbxContent>'
                              '</v:textbox></v:shape></w:pict></w:r>'))
    table = d.add_table(rows=2, cols=3)
    for c, text in enumerate(["Chỉ tiêu", "KH 2024", "Ghi chú"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "Tỷ lệ hộ nghèo (%)"
    tracked(table.cell(1, 1).paragraphs[0], "1,5", "2,5", "")
    path = tmp_path / "draft.docx"
    d.save(path)
    return path


def test_tracked_changes_are_read_as_accepted(draft):
    document, lines = read_source(draft)
    assert "Cơ cấu kinh tế năm 2024: nông nghiệp 20%, công nghiệp 30%, dịch vụ 50%." in lines
    assert "Tỷ lệ hộ nghèo (%) | 2,5 | " in lines
    assert document.caveats == [{
        "vi": "có thay đổi được theo dõi (track changes), đã đọc như khi chấp nhận tất cả (2 chỗ chèn, 2 chỗ xóa)",
        "en": "tracked changes read as if all were accepted (2 insertions, 2 deletions)"}]


def test_footnotes_text_boxes_and_headers_are_read_where_they_belong(draft):
    document, _ = read_source(draft)
    texts = [(b.text, b.location.part, b.location.paragraph) for b in document.paragraphs()]
    assert texts == [
        ("NGHỊ QUYẾT về kế hoạch phát triển kinh tế - xã hội năm 2024", None, 1),
        ("Cơ cấu kinh tế năm 2024: nông nghiệp 20%, công nghiệp 30%, dịch vụ 50%.", None, 2),
        ("Các chỉ tiêu chủ yếu như sau", None, 3),
        (WRONG_SHARES, "footnote 1", None),                       # right after the paragraph citing it
        ("Nghị quyết có hiệu lực từ ngày ký", None, 4),
        ("Thông qua tại kỳ họp thứ 15.", "endnote 1", None),
        ("Xem khung.", None, 5),
        ("Tổng vốn đầu tư toàn xã hội 1.000 tỷ đồng.", "text box", None),
        ("DỰ THẢO lần 2", "header", None),                        # headers and footers after the body
    ]


def test_findings_are_located_in_words_terms_and_the_report_says_how_it_read(capsys, draft):
    code = main(["check", str(draft), "--lang", "en"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == f"{draft}: note: tracked changes read as if all were accepted (2 insertions, 2 deletions)"
    assert out[1].startswith(f"{draft}: footnote 1: PC101 [error] Cơ cấu kinh tế năm 2024 (plan 2024): shares sum "
                             "to 124%")
    main(["check", str(draft)])
    assert f"{draft}: chú thích 1: PC101 [lỗi]" in capsys.readouterr().out
    main(["check", str(draft), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["findings"][0]["part"] == "footnote 1" and report["caveats"][0]["path"] == str(draft)


COMPARISONS = [["Chỉ tiêu", "TH 2023", "KH 2024", "KH 2024 so với TH 2023 (%)"],
               ["GRDP (tỷ đồng)", "100", "107", "170"], ["Dân số (người)", "1.000", "1.010", "101,0"]]


def add_comparison_table(document) -> None:
    """A table whose GRDP comparison cell is wrong (170 for 107)."""
    table = document.add_table(rows=len(COMPARISONS), cols=len(COMPARISONS[0]))
    for r, row in enumerate(COMPARISONS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def test_a_table_cell_is_named_by_table_row_and_cell(capsys, tmp_path):
    d = docx.Document()
    add_comparison_table(d)
    path = tmp_path / "table.docx"
    d.save(path)
    main(["check", str(path), "--lang", "en", "--select", "PC201"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}: table 1, row 2, cell 4: PC201 [error] GRDP")


def test_without_tracked_changes_nothing_is_said(tmp_path):
    d = docx.Document()
    d.add_paragraph("Cơ cấu kinh tế: nông nghiệp 20%, công nghiệp 30%, dịch vụ 50%.")
    path = tmp_path / "clean.docx"
    d.save(path)
    report = api.check(path)
    assert report.caveats == [] and report.findings == []


def _anchored(path) -> list[tuple[str, str, str]]:
    """(author, the text of the paragraph its range starts in, comment text) for each comment."""
    from plancheck.read.word_xml import W as NS

    copy = docx.Document(str(path))
    texts = {}
    for p in copy.element.body.iter(NS + "p"):
        for start in p.iter(NS + "commentRangeStart"):
            texts[start.get(NS + "id")] = "".join(t.text or "" for t in p.iter(NS + "t"))
    return [(c.author, texts.get(str(c.comment_id)), c.text) for c in copy.comments]


def test_annotate_writes_one_comment_per_finding_on_its_paragraph_or_cell(capsys, tmp_path, draft):
    d = docx.Document(str(draft))
    add_comparison_table(d)
    d.save(draft)
    before = draft.read_bytes()
    copy = tmp_path / "draft.checked.docx"
    code = main(["check", str(draft), "--annotate", str(copy), "--lang", "en"])
    out, err = capsys.readouterr()
    findings = [line for line in out.splitlines() if ": PC" in line]
    assert code == 1 and err.endswith(f"plancheck: {len(findings)} comments written to {copy}\n")
    assert draft.read_bytes() == before                                   # the original is untouched
    comments = _anchored(copy)
    assert len(comments) == len(findings) == 2
    assert comments[0][:2] == ("plancheck", "Các chỉ tiêu chủ yếu như sau")   # the footnote's, on its anchor
    assert comments[0][2].startswith("PC101 [error] (footnote 1) Cơ cấu kinh tế năm 2024 (plan 2024)")
    assert comments[1][:2] == ("plancheck", "170")                          # the cell's own paragraph
    assert comments[1][2].startswith('PC201 [error] GRDP: column "KH 2024 so với TH 2023 (%)" says 170% but 107 / 100 × 100 = 107%')


@pytest.mark.usefixtures("english")   # the messages in English; Vietnamese: test_i18n
def test_annotate_needs_one_docx_and_another_name(capsys, draft, tmp_path):
    assert main(["check", str(draft), str(draft), "--annotate", str(tmp_path / "x.docx")]) == 2
    assert "--annotate: give exactly one .docx document" in capsys.readouterr().err
    assert main(["check", str(draft), "--annotate", str(draft)]) == 2
    assert "is a file this run checks; writing it would destroy it" in capsys.readouterr().err
