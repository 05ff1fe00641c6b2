"""What a PDF's compressed streams decode to, measured before any reader decodes them (issue 25,
item 6): a 2.5 KB Flate stream can inflate to gigabytes, a RunLength stream to 64 times its size
and an LZW stream to a thousand times; pdfium and pdfminer would hold the result in memory whole
(pdfminer decoding 16 MB of RunLength took 60 s and 9.5 GB). Each stream is decoded here through
its filters, a piece at a time where the filter allows, counted and dropped, and the file refused
when one stream, or all of them together, would pass the budget.

Written by hand: neither pdfium nor pdfminer offers a limit on what a stream decodes to, and the
scan needs only where streams start and end (a stream whose filters it cannot tell, or that does
not decode, an encrypted one, is left to the readers as it is). The decoders are pdfminer's for
LZW and ASCII85 (imported only when a stream uses them) and zlib's for Flate; RunLength is
counted here, the format being two lines.
"""
from __future__ import annotations

import io
import re
import zlib
from typing import Callable, Iterator

from ..errors import InputError
from ..i18n import _, number

# All of a PDF's streams together: a 500-page plan's text and fonts decode to a few tens of MB
# (the 18 real PDFs: 1-6 MB); scans' images are mostly not decoded here (DCT, JBIG2, CCITT).
MAX_INFLATED = 512 * 2**20
# One stream: the largest of the real PDFs decodes to 3.8 MB; an A3 page scanned at 300 dpi in
# colour and kept as Flate is 52 MB.
MAX_STREAM = 64 * 2**20
_CHUNK = 2**20
_STREAM = re.compile(rb"stream\r?\n")
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")


def check_streams(data: bytes, name: str) -> int:
    """The bytes the file's streams decode to; InputError when one stream would decode past
    MAX_STREAM or all of them past MAX_INFLATED."""
    total = 0
    at = 0
    while m := _STREAM.search(data, at):
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        at = end + len(b"endstream")   # "stream" within a stream's bytes, or in "endstream", is no stream
        filters = _filters(data, m.start())
        if not filters or filters[0] not in _DECODERS:
            continue
        raw = data[m.end():end].removesuffix(b"\n").removesuffix(b"\r")   # the end of line before endstream
        size = _decoded(raw, filters, min(MAX_STREAM, MAX_INFLATED - total) + 1)
        total += size
        if size > MAX_STREAM:
            raise InputError(_("refused: a stream would decode to more than {limit} MB; a PDF bomb, or not a "
                               "plan document").format(limit=number(MAX_STREAM // 2**20)), name)
        if total > MAX_INFLATED:
            raise InputError(_("refused: its compressed streams would inflate to more than {limit} MB; "
                               "a PDF bomb, or not a plan document").format(limit=number(MAX_INFLATED // 2**20)), name)
    return total


def _filters(data: bytes, start: int) -> list[bytes]:
    """The filters named in the dictionary of the stream that starts at ``start``: the dictionary
    runs from its object's "N G obj" (a stream is never inside an object stream); an "obj" in a
    name or string of the dictionary is passed over."""
    at = start
    while (at := data.rfind(b"obj", 0, at)) >= 0:
        header = _OBJECT.search(data, max(0, at - 24), at + 3)
        if header and header.end() == at + 3:
            found = _FILTER.search(data, header.end(), start)
            return _NAME.findall(found.group(1)) if found else []
    return []


def _decoded(raw: bytes, filters: list[bytes], budget: int) -> int:
    """What ``raw`` decodes to through ``filters``, counted to no more than ``budget``: the
    filters this module knows, in order, up to the first it does not (an image's codec,
    decoded only when the page is drawn)."""
    known = [_DECODERS[f] for f in _takewhile_known(filters)]
    data = raw
    for i, decode in enumerate(known):
        last = i == len(known) - 1
        size, kept = 0, []
        try:
            for piece in decode(data):
                size += len(piece)
                if size > budget:
                    return size
                if not last:
                    kept.append(piece)
        except Exception:  # noqa: BLE001 - damaged or encrypted: the readers say what they make of it
            pass
        if last:
            return size
        data = b"".join(kept)
    return len(data)


def _takewhile_known(filters: list[bytes]) -> list[bytes]:
    out = []
    for f in filters:
        if f not in _DECODERS:
            break
        out.append(f)
    return out


def _flate(data: bytes) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    pending = data
    while pending and not inflater.eof:
        try:
            out = inflater.decompress(pending, _CHUNK)
        except zlib.error:
            return   # not Flate after all, encrypted, or damaged
        if not out and len(inflater.unconsumed_tail) == len(pending):
            return   # no progress: nothing more it can give
        yield out
        pending = inflater.unconsumed_tail


def _run_length(data: bytes) -> Iterator[bytes]:
    """RunLengthDecode: a length byte below 128 copies that many bytes and one more, above 128
    repeats the next byte 257 - length times; 128 ends the data."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1:i + 2 + length]
            i += length + 2
        else:
            out += data[i + 1:i + 2] * (257 - length)
            i += 2
        if len(out) >= _CHUNK:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _lzw(data: bytes) -> Iterator[bytes]:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        out += piece
        if len(out) >= _CHUNK:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _ascii_hex(data: bytes) -> Iterator[bytes]:
    from pdfminer.ascii85 import asciihexdecode

    yield asciihexdecode(data)


def _ascii85(data: bytes) -> Iterator[bytes]:
    from pdfminer.ascii85 import ascii85decode

    yield ascii85decode(data)


_DECODERS: dict[bytes, Callable[[bytes], Iterator[bytes]]] = {
    b"FlateDecode": _flate, b"Fl": _flate, b"RunLengthDecode": _run_length, b"RL": _run_length,
    b"LZWDecode": _lzw, b"LZW": _lzw, b"ASCIIHexDecode": _ascii_hex, b"AHx": _ascii_hex,
    b"ASCII85Decode": _ascii85, b"A85": _ascii85,
}
