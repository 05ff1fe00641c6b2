"""Test helper: PDFs written byte by byte, for shapes no PDF library writes on purpose (forms
drawing forms, a page of 100,000 text objects, a form drawing itself)."""
from __future__ import annotations

import zlib


def stream(content: bytes, extra: bytes = b"", compress: bool | str = True) -> bytes:
    """A stream object's body: its dictionary (with ``extra`` entries) and its data, encoded by
    ``compress``: True or "flate", "lzw", "hex" (ASCIIHex then Flate); False: as it is."""
    how = "flate" if compress is True else compress or ""
    data, name = {"flate": (lambda: (zlib.compress(content), b"/FlateDecode")),
                  "lzw": (lambda: (lzw(content), b"/LZWDecode")),
                  "hex": (lambda: (zlib.compress(content).hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]")),
                  "": (lambda: (content, b""))}[how]()
    named = b"/Filter %s " % name if name else b""
    return b"<< /Length %d %s%s >>\nstream\n" % (len(data), named, extra) + data + b"\nendstream"


def assemble(objects: list[bytes], packed: bool = False, damage: list[tuple[int, int]] = ()) -> bytes:
    """A PDF of ``objects`` (object 1 the catalog), with its cross-reference table; ``packed``:
    the objects that are not streams packed into an object stream, found through a
    cross-reference stream (PDF 1.5), the stream's bytes changed by ``damage`` (position, byte)."""
    if packed:
        return _packed(objects, damage)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _object_stream(objects: list[bytes]) -> tuple[list[int], list[int], bytes, bytes]:
    """The objects that are streams (left out), those packed, and the object stream's header and data."""
    loose = [i for i, body in enumerate(objects, 1) if b"stream\n" in body]
    inside = [i for i in range(1, len(objects) + 1) if i not in loose]
    head, data = [], bytearray()
    for number in inside:
        head.append(b"%d %d" % (number, len(data)))
        data += objects[number - 1] + b"\n"
    return loose, inside, b" ".join(head) + b"\n", bytes(data)


def after_catalog(objects: list[bytes]) -> int:
    """Where, in the packed object stream, the byte after the catalog (object 1) stands."""
    _loose, _inside, header, _data = _object_stream(objects)
    return len(header) + len(objects[0])


def _packed(objects: list[bytes], damage: list[tuple[int, int]]) -> bytes:
    loose, inside, header, data = _object_stream(objects)
    content = bytearray(header + data)
    for at, byte in damage:
        if content:
            content[at % len(content)] = byte
    packer, xref = len(objects) + 1, len(objects) + 2
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in loose:
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number - 1] + b"\nendobj\n"
    offsets[packer] = len(out)
    out += b"%d 0 obj\n" % packer + stream(bytes(content), b"/Type /ObjStm /N %d /First %d" % (len(inside), len(header)))
    out += b"\nendobj\n"
    offsets[xref] = len(out)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]
    for number in range(1, xref + 1):
        if number in offsets:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
        else:
            rows.append(b"\x02" + packer.to_bytes(4, "big") + inside.index(number).to_bytes(2, "big"))
    out += b"%d 0 obj\n" % xref + stream(b"".join(rows), b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (xref + 1))
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref]
    return bytes(out)


def one_page(content: bytes, forms: list[bytes] = (), compress: bool | str = True,
             annotation_form: int | None = None, packed: bool = False,
             damage: list[tuple[int, int]] = ()) -> bytes:
    """A one-page PDF drawing ``content``, with form XObjects /X0, /X1, ... holding ``forms``.
    The page and every form can draw every form (and themselves) and write in /F1 (Helvetica).
    ``annotation_form``: the page carries an annotation whose appearance is that form.
    ``packed``, ``damage``: as ``assemble`` writes them."""
    return assemble(one_page_objects(content, forms, compress, annotation_form), packed, damage)


def one_page_objects(content: bytes, forms: list[bytes] = (), compress: bool | str = True,
                     annotation_form: int | None = None) -> list[bytes]:
    """The objects of ``one_page``'s PDF."""
    first_form = 6
    names = b" ".join(b"/X%d %d 0 R" % (i, first_form + i) for i in range(len(forms)))
    resources = b"<< /Font << /F1 4 0 R >> /XObject << " + names + b" >> >>"
    annots = b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               stream(content, compress=compress)]
    objects += [stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources,
                       compress=compress) for body in forms]
    if annotation_form is not None:
        objects.append(b"<< /Type /Annot /Subtype /Stamp /Rect [50 50 300 100] /AP << /N %d 0 R >> >>"
                       % (first_form + annotation_form))
        annots = b" /Annots [%d 0 R]" % len(objects)
    objects[2] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources
                  + b" /Contents 5 0 R" + annots + b" >>")
    return objects


def text_line(text: str, x: float = 72, y: float = 720, size: float = 11) -> bytes:
    """A line of text at (x, y) from the page's bottom left, in Helvetica (WinAnsi: no Vietnamese
    letters beyond Latin-1)."""
    escaped = text.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, y, escaped)


def draw(form: int, dx: float = 0, dy: float = 0) -> bytes:
    """Form /X<form> drawn moved by (dx, dy)."""
    return b"q 1 0 0 1 %g %g cm /X%d Do Q\n" % (dx, dy, form)


def lzw(data: bytes) -> bytes:
    """``data`` encoded by LZWDecode's scheme (codes of 9 to 12 bits, early change, a clear code
    when the table fills), for tests of what a stream decodes to."""
    table = {bytes([i]): i for i in range(256)}
    bits, width, out = 0, 9, bytearray()
    count = 0   # bits pending in ``bits``

    def put(code: int) -> None:
        nonlocal bits, count
        bits, count = (bits << width) | code, count + width
        while count >= 8:
            count -= 8
            out.append((bits >> count) & 0xFF)

    put(256)
    word = b""
    for byte in data:
        grown = word + bytes([byte])
        if grown in table:
            word = grown
            continue
        put(table[word])
        table[grown] = len(table) + 2   # 256 clear and 257 end are no entries
        word = bytes([byte])
        size = len(table) + 2          # the decoder, a code behind, widens after the next code
        if size >= 4096:
            put(256)
            table, width = {bytes([i]): i for i in range(256)}, 9
        elif size >= 1 << width:
            width += 1
    if word:
        put(table[word])
    put(257)
    if count:
        out.append((bits << (8 - count)) & 0xFF)
    return bytes(out)
