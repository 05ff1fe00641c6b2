"""What a PDF's streams decode to, counted through their filters before any reader decodes them
(issue 25, item 6): Flate, RunLength, LZW and the ASCII encodings, alone or chained, wherever
the dictionary names them; a stream or a file past its budget is refused."""
import base64
import zlib

import pytest

from documents import GOOD
from pdfbytes import assemble, lzw, one_page, one_page_objects, text_line
from plancheck.cli import main
from plancheck.read import pdf_budget

pytestmark = pytest.mark.usefixtures("english")

def a_stream(raw: bytes, dictionary: bytes) -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(raw), dictionary) + raw + b"\nendstream"


def run_length(data: bytes) -> bytes:
    """Runs of one byte, 128 at a time (length byte 129), and literal bytes as they come."""
    out, i = bytearray(), 0
    while i < len(data):
        run = 1
        while i + run < len(data) and run < 128 and data[i + run] == data[i]:
            run += 1
        out += bytes([257 - run, data[i]]) if run > 1 else bytes([0, data[i]])
        i += run
    return bytes(out + b"\x80")


def test_every_filter_and_chain_is_counted_as_decoded():
    text = b"BT /F1 9 Tf 10 10 Td (Tong von 1.250 ty dong) Tj ET\n" * 200
    streams = [
        a_stream(zlib.compress(text), b"/Filter /FlateDecode"),
        a_stream(run_length(text), b"/Filter /RunLengthDecode"),
        a_stream(lzw(text), b"/Filter /LZWDecode"),
        a_stream(zlib.compress(text).hex().encode() + b">", b"/Filter [/AHx /Fl]"),
        a_stream(base64.a85encode(zlib.compress(text)) + b"~>", b"/Filter [ /ASCII85Decode /FlateDecode ]"),
        # the parameters' dictionary before the filter; an "obj" in a string of the dictionary
        a_stream(zlib.compress(text), b"/DecodeParms << /Columns 5 >> /Title (an obj) /Filter /FlateDecode"),
    ]
    assert pdf_budget.check_streams(assemble(streams), "x.pdf") == len(streams) * len(text)


def test_an_image_codec_after_flate_is_counted_to_what_flate_gives():
    jpeg_like = b"\xff\xd8" + b"\x00" * 5000
    pdf = assemble([a_stream(zlib.compress(jpeg_like), b"/Filter [/FlateDecode /DCTDecode]"),
                    a_stream(b"\xff\xd8raw", b"/Filter /DCTDecode")])
    assert pdf_budget.check_streams(pdf, "x.pdf") == len(jpeg_like)


@pytest.mark.parametrize("encoded, filters", [
    (run_length(b"\0" * (3 * 2**20)), b"/RunLengthDecode"),   # 64 times its size
    (lzw(b"\0" * (3 * 2**20)), b"/LZWDecode"),                # 900 times
    (zlib.compress(b"\0" * (3 * 2**20)), b"[/FlateDecode]"),
])
def test_a_stream_that_decodes_past_its_budget_is_refused_with_the_file_beside_checked(
        capsys, tmp_path, monkeypatch, encoded, filters):
    bad = tmp_path / "bomb.pdf"
    bad.write_bytes(assemble([a_stream(encoded, b"/Filter " + filters)]))
    good = tmp_path / "good.pdf"
    good.write_bytes(one_page(text_line("Muc tieu")))
    text = tmp_path / "good.txt"
    text.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(pdf_budget, "MAX_STREAM", 2 * 2**20)
    code = main(["check", "--no-config", "--lang", "en", str(bad), str(good), str(text)])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"{bad}: unreadable: refused: a stream would decode to more than 2 MB; a PDF bomb" in out
    assert f"{good}:" not in out and f"{text}:1:1: PC103 [warning]" in out and err == ""


def test_streams_within_their_budget_but_past_the_files_are_refused(monkeypatch):
    piece = a_stream(zlib.compress(b"\0" * 2**20), b"/Filter /FlateDecode")
    monkeypatch.setattr(pdf_budget, "MAX_INFLATED", 3 * 2**20)
    assert pdf_budget.check_streams(assemble([piece] * 3), "x.pdf") == 3 * 2**20
    with pytest.raises(pdf_budget.InputError, match="would decode to more than 3 MB in all"):
        pdf_budget.check_streams(assemble([piece] * 4), "x.pdf")


_BOMB = zlib.compress(b"\0" * (3 * 2**20))


@pytest.mark.parametrize("catalog, dictionary", [
    (b"/T (a string ending in stream\n)", b"/Filter /FlateDecode"),   # "stream" where no stream starts
    (b"", b"/Filter /FlateDecode /T (1 0 obj)"),                       # a false header after the filter
    (b"", b"/DecodeParms << /Filter /None >> /Filter /FlateDecode"),   # another dictionary's filter first
    (b"", b"/Filter /Fl#61teDecode"),                                   # a name written with an escape
    (b"", b"/Filter %(held)d 0 R"),                                     # the filter in another object
    (b"", b"/F /FlateDecode"),                                          # the short key pdfminer reads too
    (b"", b"/Filter [/FlateDecode] /Title (endstream stream\n)"),      # keywords in a string
])
def test_no_way_of_writing_a_page_streams_dictionary_hides_its_filter(tmp_path, monkeypatch, catalog, dictionary):
    from plancheck.read.pdf import read_pdf_document

    monkeypatch.setattr(pdf_budget, "MAX_STREAM", 2 * 2**20)
    objects = one_page_objects(text_line("Muc tieu"))
    objects.append(b"/FlateDecode")
    objects[0] = objects[0].replace(b" >>", b" " + catalog + b" >>")
    objects[4] = a_stream(_BOMB, dictionary.replace(b"%(held)d", b"%d" % len(objects)))   # the page's content
    path = tmp_path / "bomb.pdf"
    path.write_bytes(assemble(objects))
    with pytest.raises(pdf_budget.InputError, match="a stream would decode to more than 2 MB"):
        read_pdf_document(path)


@pytest.mark.parametrize("dictionary", [
    b"/Filter /FlateDecode /Title (a stream\n)",            # "stream" in a string after the filter
    b"/Filter /FlateDecode /T (1 0 obj)",                    # a false header after the filter
    b"/DecodeParms << /Filter /None >> /Filter /FlateDecode",
    b"/Filter /Fl#61teDecode",
    b"/Filter 9 0 R",
    b"/F /FlateDecode",
])
def test_the_byte_scan_sees_the_filter_of_a_stream_no_page_draws(monkeypatch, dictionary):
    # an embedded font or an image: the census never follows it, the scan of the bytes must count it
    monkeypatch.setattr(pdf_budget, "MAX_STREAM", 2 * 2**20)
    pdf = (b"%PDF-1.7\n9 0 obj\n/FlateDecode\nendobj\n2 0 obj\n" + a_stream(_BOMB, dictionary)
           + b"\nendobj\n%%EOF\n")
    with pytest.raises(pdf_budget.InputError, match="a stream would decode to more than 2 MB"):
        pdf_budget.check_streams(pdf, "x.pdf")


def test_a_filter_name_that_is_not_utf8_is_no_error(tmp_path):
    # pdfminer keeps such a name as bytes; counting the page's stream had raised AttributeError
    from plancheck.read.pdf import read_pdf_document

    objects = one_page_objects(text_line("Muc tieu"))
    objects[4] = a_stream(text_line("Muc tieu"), b"/Filter /#FF#FE")   # the page's content
    path = tmp_path / "name.pdf"
    path.write_bytes(assemble(objects))
    try:
        read_pdf_document(path)
    except pdf_budget.InputError as exc:
        assert "AttributeError" not in exc.message, exc.message   # pdfminer's own refusal of the filter, if any
