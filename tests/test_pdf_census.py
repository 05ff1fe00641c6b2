"""What a PDF's pages draw, counted before a reader lays a page out (issue 25, item 6): forms
drawn inside forms, one form drawn thousands of times, a page of 100,000 text objects are
refused by their page; pages that draw what real documents draw are read."""
import pytest

from documents import GOOD, assert_refused_and_others_checked
from pdfbytes import assemble, draw, one_page, one_page_objects, stream, text_line
from plancheck.cli import main
from plancheck.errors import InputError
from plancheck.read import pdf_census
from plancheck.read.pdf import read_pdf_document

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

def counts(path) -> list[tuple[int, int]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return list(pdf_census.page_counts(pdf.doc))


def test_objects_and_characters_are_counted_as_drawn_forms_expanded(tmp_path):
    # a form with two lines (2 objects, 11 + 3 characters) drawn by a form three times, which the
    # page draws twice, beside a rectangle, a line and a string of escapes and hex of its own
    inner = text_line("Doanh thu 5") + b"BT /F1 9 Tf (a\\)\\101) Tj ET\n"
    outer = draw(0) + draw(0, 0, 20) + draw(0, 0, 40)
    page = draw(1) + draw(1, 200) + b"10 10 50 50 re f\n0 0 m 100 100 l S\nBT [(ab)-20<4142>] TJ ET\n"
    path = tmp_path / "forms.pdf"
    path.write_bytes(one_page(page, [inner, outer]))
    inner_objects = 1 + 2                     # the form drawn, and its two lines
    outer_objects = 1 + 3 * inner_objects
    assert counts(path) == [(2 * outer_objects + 3, 2 * 3 * (11 + 3) + 2 + 2)]


def test_a_form_drawing_itself_is_counted_as_pdfium_draws_it_to_its_depth(tmp_path):
    # pdfium draws a form inside itself 40 levels deep: once a level is 80 objects, twice 2**40
    once, twice = tmp_path / "once.pdf", tmp_path / "twice.pdf"
    once.write_bytes(one_page(draw(0), [text_line("Muc tieu") + draw(0)]))
    twice.write_bytes(one_page(draw(0), [text_line("Muc tieu") + draw(0) + draw(0)]))
    depth = pdf_census.MAX_DEPTH
    assert counts(once) == [(2 * depth + 1, 8 * depth)]   # each level: its text and the form drawn
    assert counts(twice)[0][0] > 2 ** depth


def test_forms_drawing_each_other_twice_are_refused_and_say_nothing_on_standard_error(capsys, tmp_path):
    # 300 bytes that pdfium expands for ever (2**40 objects)
    _refused(capsys, tmp_path, one_page(draw(0), [text_line("A") + draw(1) * 2, text_line("B") + draw(0) * 2]),
             "refused: page 1 draws more than 30,000 objects")


def test_a_form_loop_drawn_once_a_level_is_read_and_pdfminer_says_nothing_on_standard_error(capsys, tmp_path):
    path = tmp_path / "loop.pdf"
    path.write_bytes(one_page(draw(0), [text_line("A") + draw(1), text_line("B") + draw(0)]))
    assert main(["check", "--no-config", "--lang", "en", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.endswith("No findings · 1 file (unknown)\n")


def test_what_an_annotation_shows_is_counted_with_its_page(tmp_path):
    path = tmp_path / "stamp.pdf"
    path.write_bytes(one_page(text_line("So: 12"), [text_line("Ngay 5")], annotation_form=0))
    assert counts(path) == [(1 + 1, 6 + 6)]   # the page's line, and the line its annotation shows


def test_a_page_whose_text_is_in_forms_is_read_once_for_each_drawing(tmp_path):
    path = tmp_path / "forms.pdf"
    path.write_bytes(one_page(draw(0) + draw(0, 0, -40), [text_line("Tong von dau tu 1.250 ty dong")]))
    text = "\n".join(read_pdf_document(path).lines)
    assert text.count("Tong von dau tu 1.250 ty dong") == 2


def _refused(capsys, tmp_path, bad_bytes, message):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bad_bytes)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    _out, err = assert_refused_and_others_checked(capsys, bad, good, message, "--no-config")
    assert err == ""


def test_forms_drawing_forms_six_deep_are_refused_before_a_reader_loads_the_page(capsys, tmp_path):
    # 2 KB that pdfium loaded as a million objects in 2 GB
    forms = [text_line("Doanh thu 123,5 ty dong")] + [b"".join(draw(level - 1, i % 7, i % 5) for i in range(10))
                                                       for level in range(1, 7)]
    _refused(capsys, tmp_path, one_page(draw(6), forms),
             "refused: page 1 draws more than 30,000 objects or 100,000 characters")


def test_one_form_of_text_drawn_thousands_of_times_is_refused(capsys, tmp_path):
    # 3 KB that took pdfplumber 50 s and 4 GB: 50 lines drawn 2,000 times
    form = b"".join(text_line(f"Dong {i}: 12,5 ty dong", 10, 10 + i, 8) for i in range(50))
    page = b"".join(draw(0, 0, i % 700) for i in range(2000))
    _refused(capsys, tmp_path, one_page(page, [form]), "refused: page 1 draws more than 30,000 objects")


def test_a_page_of_100000_tiny_text_objects_is_refused(capsys, tmp_path):
    page = b"".join(b"BT /F1 1 Tf %d %d Td (a) Tj ET\n" % (10 + i % 500, 10 + i // 500 % 800) for i in range(100_000))
    _refused(capsys, tmp_path, one_page(page), "refused: page 1 draws more than 30,000 objects")


def test_an_annotation_whose_appearance_is_a_form_bomb_is_refused(capsys, tmp_path):
    forms = [text_line("So 5")] + [draw(level - 1) * 20 for level in range(1, 5)]
    _refused(capsys, tmp_path, one_page(text_line("Quyet dinh"), forms, annotation_form=4),
             "refused: page 1 draws more than 30,000 objects")


def test_a_page_within_the_limits_is_read(tmp_path, monkeypatch):
    # a page at its limit is read; one object more is refused
    form = text_line("Dong: 12,5 ty dong", 10, 10, 8)
    path = tmp_path / "edge.pdf"
    path.write_bytes(one_page(b"".join(draw(0, 0, 12 * i) for i in range(40)), [form]))
    monkeypatch.setattr(pdf_census, "MAX_PAGE_OBJECTS", 80)   # 40 forms drawn, 40 lines
    assert "Dong: 12,5 ty dong" in "\n".join(read_pdf_document(path).lines)
    monkeypatch.setattr(pdf_census, "MAX_PAGE_OBJECTS", 79)
    with pytest.raises(InputError, match="page 1 draws more than 79 objects"):
        read_pdf_document(path)


@pytest.mark.parametrize("spelling", [b"/X#30 Do", b"/X0 % a comment\nDo", b"/X0\n%\nDo"])
def test_a_form_is_counted_however_its_name_is_written(tmp_path, spelling):
    form = [text_line("Dong 1")]
    plain, written = tmp_path / "plain.pdf", tmp_path / "written.pdf"
    plain.write_bytes(one_page(b"/X0 Do\n" * 3, form))
    written.write_bytes(one_page((spelling + b"\n") * 3, form))
    assert counts(written) == counts(plain) == [(3 * 2, 3 * 6)]


def test_a_form_named_in_utf8_is_counted(tmp_path):
    objects = one_page_objects(draw(0) * 3, [text_line("Dong 1")])
    objects[2] = objects[2].replace(b"/X0 6 0 R", "/Xé 6 0 R".encode())
    objects[4] = stream("/Xé Do\n".encode() * 3)
    path = tmp_path / "utf8.pdf"
    path.write_bytes(assemble(objects))
    assert counts(path) == [(3 * 2, 3 * 6)]


def test_inline_images_and_shadings_are_objects(tmp_path):
    path = tmp_path / "inline.pdf"
    path.write_bytes(one_page(b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI\n/Sh0 sh\n" * 4))
    assert counts(path) == [(8, 0)]


def test_a_type3_fonts_glyphs_are_counted_with_the_text_that_uses_them(tmp_path):
    # a glyph drawing a form that draws itself twice: pdfium loaded the page to 3 GB
    objects = one_page_objects(b"BT /T3 12 Tf 10 10 Td (a) Tj ET\n", [draw(0) + draw(0) + text_line("x")])
    font, glyph = len(objects) + 1, len(objects) + 2
    objects[2] = objects[2].replace(b"/F1 4 0 R", b"/F1 4 0 R /T3 %d 0 R" % font, 1)
    objects.append(b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
                   b"/CharProcs << /a %d 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 "
                   b"/LastChar 97 /Widths [1000] /Resources << /XObject << /X0 6 0 R >> >> >>" % glyph)
    objects.append(stream(b"1000 0 d0\n/X0 Do\n"))
    path = tmp_path / "type3.pdf"
    path.write_bytes(assemble(objects))
    assert counts(path)[0][0] > 2 ** pdf_census.MAX_DEPTH
    with pytest.raises(InputError, match="page 1 draws more than 30,000 objects"):
        read_pdf_document(path)
