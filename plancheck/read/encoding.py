"""Bytes of a text file -> str, or an InputError that says what the file is.

Accepted: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and the pre-Unicode
font encodings Vietnamese offices still hold files in, TCVN3 (ABC, the ".Vn" fonts) and
VNI, which read as Unicode are gibberish ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi").
Everything else is refused with a reason a clerk can act on.

Legacy text is converted to Unicode (viparse's tables, imported only then: its package
loads its whole document loader, about 65 ms) and the report says so. The detector is
ours rather than viparse's ``detect_text_encoding`` for that reason: it runs on every file.
"""
from __future__ import annotations

import re

from ..errors import InputError
from ..i18n import _
from ..lazyre import lazy_compile

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", None),
    (b"\x00\x00\xfe\xff", None),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Latin-1 letters that Unicode Vietnamese uses; every other character of
# U+00A1..U+00FF is foreign to it, and legacy-encoded Vietnamese is full of them.
_VIETNAMESE_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_FOREIGN = "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1)
_WORD = lazy_compile(r"[^\s\d]+")
_FOREIGN_SET = frozenset(_FOREIGN)
_FOREIGN_CHAR = lazy_compile(f"[{re.escape(_FOREIGN)}]")
_VOWELS = frozenset("aeiouyAEIOUY") | _VIETNAMESE_LATIN1
_SAMPLE_CHARS = 20_000   # enough to tell, cheap on any file


def decode_document(data: bytes, path: str) -> tuple[str, str | None]:
    """The text of a file's bytes, and the legacy encoding (TCVN3, VNI) it was converted from
    (None when it was Unicode); InputError naming the file and the problem."""
    try:
        return _decode_unicode(data, path), None
    except _Legacy as legacy:
        return from_legacy(legacy.text, legacy.name), legacy.name


class _Legacy(Exception):
    """Raised by the decoder when the text is in a legacy font encoding: its name and its text
    as the font's code points show."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.text = name, text


def from_legacy(text: str, name: str) -> str:
    """Text typed in a legacy font encoding ("TCVN3 (ABC)", "VNI"), in Unicode (NFC)."""
    import viparse

    return viparse.fix(text, encoding="tcvn3" if name.startswith("TCVN3") else "vni")


def legacy_caveat(name: str) -> dict[str, str]:
    """What the report says of a text converted from a legacy encoding."""
    return {"vi": f"văn bản gõ bằng phông {name}, đã chuyển sang Unicode để kiểm tra (dòng như trong tệp, "
                  "cột theo văn bản đã chuyển)",
            "en": f"text typed in {name} fonts, converted to Unicode to be checked (lines as in the file, "
                  "columns in the converted text)"}


def _decode_unicode(data: bytes, path: str) -> str:
    if not data:
        raise InputError(_("empty file"), path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding is None:
                raise InputError(_("UTF-32 text is not supported; save it as UTF-8"), path)
            return _decode(data[len(bom):], encoding, path)
    if b"\x00" in data:
        if _looks_utf16_without_bom(data):
            raise InputError(_("looks like UTF-16 text without a byte-order mark; save it as UTF-8"), path)
        raise InputError(_("binary file (it contains NUL bytes), not text"), path)
    if _control_share(data[:_SAMPLE_CHARS]) > 0.02:
        raise InputError(_("binary file (control bytes that no text holds), not text"), path)
    return _decode(data, "utf-8", path)


# Bytes no text encoding plancheck meets uses for text (tab, line feed, form feed and carriage
# return are text): about 13% of random bytes, none in UTF-8, TCVN3 or VNI text.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _control_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(len(sample), 1)


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        legacy = None if _mostly_utf8(data) else legacy_vietnamese_encoding(data.decode("latin-1"))
        if legacy:
            raise _Legacy(legacy, data.decode("latin-1").translate(_CP1252_OVER_LATIN1)) from None
        line = data.count(b"\n", 0, exc.start) + 1
        name = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise InputError(_("not {name} text (invalid byte 0x{data:02X} on line {line}); save it as UTF-8")
                         .format(name=name, data=data[exc.start], line=line), path) from None
    legacy = legacy_vietnamese_encoding(text, strict=True)
    if legacy:
        raise _Legacy(legacy, text)
    if not text.strip():
        raise InputError(_("empty file (only blank lines)"), path)
    return text


# An 8-bit legacy file's bytes as the characters its fonts' code points show as: Windows' code
# page (VNI's letters at 0x80-0x9F are there), Latin-1 for the five bytes it leaves undefined.
_CP1252_OVER_LATIN1 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
                       if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes, rather than a legacy 8-bit encoding (whose
    bytes above 0x7F seldom happen to form valid UTF-8 sequences)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if c > "\x7f") - bad > bad


def _looks_utf16_without_bom(data: bytes) -> bool:
    head = data[:2000]
    even, odd = head[0::2], head[1::2]
    return max(even.count(0), odd.count(0)) > 0.3 * len(head) / 2


def legacy_vietnamese_encoding(text: str, strict: bool = False) -> str | None:
    """'TCVN3 (ABC)' or 'VNI' when ``text`` reads like Vietnamese in that font
    encoding decoded as Latin-1, else None.

    A word holding a character Unicode Vietnamese never uses (µ ® ¬ ø ö ñ ...) is
    the signal; legacy text has one in a large share of its words. ``strict`` asks
    for more of them, for text that did decode as UTF-8. TCVN3 stores common
    letters (à đ ơ ư ...) in U+00A1..U+00BF; VNI uses only letters of
    U+00C0..U+00FF, mostly right after a vowel.
    """
    sample = text[:_SAMPLE_CHARS]
    if not _FOREIGN_CHAR.search(sample):   # no word can hold one: most texts, settled in one pass
        return None
    words = _WORD.findall(sample)
    foreign_words = [w for w in words if _FOREIGN_CHAR.search(w)]
    share = 0.3 if strict else 0.15
    if len(foreign_words) < 3 or len(foreign_words) < share * len(words):
        return None
    symbols = sum(1 for w in foreign_words for c in w if "\u00a1" <= c <= "\u00bf")
    if symbols >= 0.2 * len(foreign_words):
        return "TCVN3 (ABC)"
    # VNI writes a vowel then its marks ("oä", "aø"); German or Nordic text has
    # its ä ö ü ø mostly after consonants. (ñ is VNI's đ, first in its word, and
    # Spanish's ñ follows vowels: it says nothing either way.)
    return "VNI" if _share_after_vowels(foreign_words) >= 0.5 else None


def _share_after_vowels(words: list[str]) -> float:
    marks = after_vowel = 0
    for word in words:
        for i, c in enumerate(word):
            if c in _FOREIGN_SET and c not in "ñÑ":
                marks += 1
                after_vowel += i > 0 and (word[i - 1] in _VOWELS or word[i - 1] in _FOREIGN_SET)
    return after_vowel / marks if marks else 0.0
