"""What a PDF's compressed streams inflate to, measured before any reader inflates them (issue 25,
item 6): a 2.5 KB Flate stream can inflate to gigabytes, which pdfium and pdfminer would hold in
memory whole. Each Flate stream is inflated here a piece at a time, counted and dropped, and the
file refused when all of them together would pass the budget.

Written by hand: neither pdfium nor pdfminer offers a limit on what a stream inflates to, and the
scan needs only where streams start and end (a stream whose length or filter it cannot tell, or
that does not inflate, an encrypted one, is left to the readers as it is)."""
from __future__ import annotations

import re
import zlib

from ..errors import InputError
from ..i18n import _, number

# All of a PDF's Flate streams together: a 500-page plan's text and fonts inflate to a few tens
# of MB; scans' images are not Flate (DCT, JBIG2, CCITT) or are counted once each.
MAX_INFLATED = 512 * 2**20
_CHUNK = 2**20
_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_DICT_REACH = 4096   # how far before "stream" its dictionary is looked for


def check_streams(data: bytes, name: str) -> int:
    """The bytes the file's Flate streams inflate to; InputError when past MAX_INFLATED."""
    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - _DICT_REACH): m.start()]
        opened = head.rfind(b"<<")
        if opened < 0 or not _FLATE.search(head, opened):
            continue
        end = data.find(b"endstream", m.end())
        if end < 0:
            continue
        total += _inflated(data, m.end(), end, MAX_INFLATED - total + 1)
        if total > MAX_INFLATED:
            raise InputError(_("refused: its compressed streams would inflate to more than {limit} MB; "
                               "a PDF bomb, or not a plan document").format(limit=number(MAX_INFLATED // 2**20)), name)
    return total


def _inflated(data: bytes, start: int, end: int, budget: int) -> int:
    """How many bytes data[start:end] inflates to, counting no further than ``budget``."""
    inflater = zlib.decompressobj()
    count = 0
    try:
        pending = data[start:end]
        while pending and count < budget and not inflater.eof:
            out = inflater.decompress(pending, _CHUNK)
            if not out and len(inflater.unconsumed_tail) == len(pending):
                break   # no progress: nothing more it can give
            count += len(out)
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass   # not Flate after all, encrypted, or damaged: the readers say what they make of it
    return count
