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

import bisect
import io
import itertools
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
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_OBJECT = re.compile(rb"(?<![0-9])(\d+)\s+(\d+)\s+obj\b")
# A filter entry (/Filter, or /F as pdfminer also reads it) and its value: a name, an array of
# names, or a reference to an object holding either.
_FILTER = re.compile(rb"/(?:Filter|F)(?![^\s/\[\]<>()%])\s*(\[[^\]]*\]|/[^\s/\[\]<>()%]+|\d+\s+\d+\s+R)")
_VALUE = re.compile(rb"\s*(\[[^\]]*\]|/[^\s/\[\]<>()%]+)")
_REFERENCE = re.compile(rb"(\d+)\s+(\d+)\s+R")
_NAME = re.compile(rb"/([^\s/\[\]<>()%]+)")
_ESCAPED = re.compile(rb"#([0-9A-Fa-f]{2})")


def check_streams(data: bytes, name: str) -> int:
    """The bytes the file's streams decode to; InputError when one stream would decode past
    MAX_STREAM or all of them past MAX_INFLATED.

    Every "stream" keyword is taken for a stream's start, none skipped (one inside a string or
    another stream's bytes costs a count of garbage, never hides a stream). The dictionary is
    not parsed: every filter named between the previous stream and this one is tried, and the
    largest count kept, so that no string, nested dictionary or false object header in the
    dictionary can hide the filter that applies."""
    starts: list[int] = []                      # where each object's header begins
    objects: dict[tuple[int, int], int] = {}   # (number, generation) -> where its value begins
    for m in _OBJECT.finditer(data):
        starts.append(m.start())
        objects[int(m.group(1)), int(m.group(2))] = m.end()   # the last of a number: updates come last
    total = 0
    previous = 0
    carried: list[list[bytes]] = []
    for m in _STREAM.finditer(data):
        first = bisect.bisect_left(starts, previous)   # the dictionary begins at an object's header
        region = starts[first] if first < len(starts) and starts[first] < m.start() else previous
        candidates = [f for f in _filters(data, region, m.start(), objects) if f and f[0] in _DECODERS]
        if data.find(b"endstream", previous, m.start()) < 0:
            candidates += carried   # no stream ended since the last "stream": the same dictionary's
        previous, carried = m.end(), candidates
        if not candidates:
            continue
        end = data.find(b"endstream", m.end())
        if end < 0:
            continue
        raw = data[m.end():end].removesuffix(b"\n").removesuffix(b"\r")   # the end of line before endstream
        budget = min(MAX_STREAM, MAX_INFLATED - total) + 1
        size = max(_decoded(raw, filters, budget) for filters in candidates)
        total += size
        if size > MAX_STREAM:
            raise _too_large(name)
        if total > MAX_INFLATED:
            raise InputError(_("refused: its streams would decode to more than {limit} MB in all; "
                               "a PDF bomb, or not a plan document").format(limit=number(MAX_INFLATED // 2**20)), name)
    return total


def _filters(data: bytes, start: int, end: int, objects: dict[tuple[int, int], int]) -> list[list[bytes]]:
    """Each filter list named in data[start:end]: its names with their "#xx" escapes read, a
    reference followed to the object it names."""
    found = []
    for m in _FILTER.finditer(data, start, end):
        value = m.group(1)
        reference = _REFERENCE.fullmatch(value)
        if reference:
            at = objects.get((int(reference.group(1)), int(reference.group(2))))
            held = _VALUE.match(data, at) if at is not None else None
            if held is None:
                continue
            value = held.group(1)
        found.append([unescaped_name(n) for n in _NAME.findall(value)])
    return found


def check_stream(stream, name: str) -> bytes:
    """A pdfminer stream's decoded bytes, read by pdfminer once its filters, read as pdfminer
    reads them, are counted within MAX_STREAM; InputError when past. (The page census reads
    the streams it follows through here: the scan of the file's bytes above cannot parse a
    dictionary, so a string or an escaped name in it could hide a filter from the scan.)"""
    raw = stream.rawdata
    if raw is not None:
        if stream.decipher:
            raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
        filters = [_name_bytes(getattr(f, "name", "")) for f, _params in stream.get_filters()]
        if filters and filters[0] in _DECODERS and _decoded(raw, filters, MAX_STREAM + 1) > MAX_STREAM:
            raise _too_large(name)
    return stream.get_data()


def _too_large(name: str) -> InputError:
    return InputError(_("refused: a stream would decode to more than {limit} MB; a PDF bomb, or not a "
                        "plan document").format(limit=number(MAX_STREAM // 2**20)), name)


def unescaped_name(raw: bytes) -> bytes:
    """A PDF name's bytes with its "#xx" escapes read ("/Fl#61teDecode" is FlateDecode)."""
    return _ESCAPED.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def _name_bytes(name: str | bytes) -> bytes:
    """A pdfminer name as bytes: pdfminer keeps a name that is not UTF-8 as bytes."""
    return name if isinstance(name, bytes) else name.encode("utf-8", "replace")


def _decoded(raw: bytes, filters: list[bytes], budget: int) -> int:
    """What ``raw`` decodes to through ``filters``, counted to no more than ``budget``: the
    filters this module knows, in order, up to the first it does not (an image's codec,
    decoded only when the page is drawn)."""
    known = [_DECODERS[f] for f in itertools.takewhile(_DECODERS.__contains__, filters)]
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
    def runs() -> Iterator[bytes]:
        i, n = 0, len(data)
        while i < n and data[i] != 128:
            length = data[i]
            if length < 128:
                yield data[i + 1:i + 2 + length]
                i += length + 2
            else:
                yield data[i + 1:i + 2] * (257 - length)
                i += 2

    return _chunked(runs())


def _lzw(data: bytes) -> Iterator[bytes]:
    from pdfminer.lzw import LZWDecoder

    return _chunked(LZWDecoder(io.BytesIO(data)).run())


def _chunked(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Small pieces (a run, a code's string) gathered a megabyte at a time."""
    out = bytearray()
    for piece in pieces:
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
