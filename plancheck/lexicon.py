"""The ground floor's lexicon of Vietnamese administrative documents: the type words, the
codes their numbers carry ("NQ" in 96/NQ-CP, in 11-NQ/TW), a number taken apart, and the
kind of text a type names. Written by hand: no library knows Decree 30/2020's registry of
document types (its Phụ lục III).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold

# The first part of a symbol ("NQ" in 96/NQ-CP, in 11-NQ/TW) names the document's type.
CODE_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết", "NQLT": "Nghị quyết liên tịch", "NĐ": "Nghị định", "QĐ": "Quyết định",
    "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "CT": "Chỉ thị", "KL": "Kết luận", "TB": "Thông báo",
    "TTr": "Tờ trình", "BC": "Báo cáo", "KH": "Kế hoạch", "CTr": "Chương trình", "ĐA": "Đề án",
    "HD": "Hướng dẫn", "QĐi": "Quy định", "QyĐ": "Quy định", "QC": "Quy chế", "CĐ": "Công điện",
    "BB": "Biên bản", "PA": "Phương án", "TC": "Thông cáo",
}
# The codes a type word may be cited with. Types absent here (Luật, Văn bản, Hiệp định ...)
# are not checked: laws carry no type code ("61/2020/QH14"), "Văn bản" is any type.
TYPE_CODES: dict[str, frozenset[str]] = {
    "Nghị quyết": frozenset({"NQ"}), "Nghị quyết liên tịch": frozenset({"NQLT"}),
    "Nghị định": frozenset({"NĐ"}), "Quyết định": frozenset({"QĐ"}),
    "Thông tư": frozenset({"TT"}), "Thông tư liên tịch": frozenset({"TTLT"}),
    "Chỉ thị": frozenset({"CT"}), "Kết luận": frozenset({"KL"}),
    "Thông báo": frozenset({"TB"}), "Thông báo kết luận": frozenset({"TB"}),
    "Tờ trình": frozenset({"TTr"}), "Báo cáo": frozenset({"BC"}), "Báo cáo thẩm tra": frozenset({"BC"}),
    "Kế hoạch": frozenset({"KH"}), "Chương trình": frozenset({"CTr"}),
    "Chương trình hành động": frozenset({"CTr"}), "Đề án": frozenset({"ĐA"}),
    "Hướng dẫn": frozenset({"HD"}), "Quy định": frozenset({"QĐi", "QyĐ", "QĐ"}),
    "Quy chế": frozenset({"QC"}), "Thông tri": frozenset({"TT"}), "Công điện": frozenset({"CĐ"}),
    "Biên bản": frozenset({"BB"}),
}
_CODE_BY_FOLD = {c.casefold(): c for c in CODE_TYPES}

# Letters that look Latin but are not (a symbol typed with a Cyrillic С or Р cannot be found).
_LOOKALIKES = dict(zip(
    "АВСЕНІКМОРТХУаеорсухіΑΒΕΗΙΚΜΝΟΡΤΧΥΖ",
    "ABCEHIKMOPTXYaeopcyxiABEHIKMNOPTXYZ"))


def latin(text: str) -> str:
    return "".join(_LOOKALIKES.get(c, c) for c in text)


def squash(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class Number:
    """A document number taken apart: 11-NQ/TW, 96/NQ-CP, 39/2020/NQ-HĐND, 61/2020/QH14."""

    serial: int | None        # 11, 96, 39; None when blank ("…/QĐ-UBND")
    year: int | None          # 2020 in 39/2020/NQ-HĐND
    party: bool               # "11-NQ/TW"
    code: str | None          # the type code as written ("NQ"), when the symbol has one
    issuer: str               # the rest: "TW", "CP", "HĐND", "QH14", "SNV-XDCQ&TCBC"
    symbol: str               # the whole symbol, spaces removed

    @property
    def key(self) -> tuple:
        return (self.serial, self.year, fold(latin(self.symbol)))


SERIAL = re.compile(r"^\s*([0-9]+)")


def parse_number(number: str | None, symbol: str | None) -> Number | None:
    if not number or not symbol:
        return None
    m = SERIAL.match(number)
    serial = int(m.group(1)) if m else None
    compact = squash(symbol)
    year = None
    y = re.search(r"/([0-9]{4})/", number)
    if y:
        year = int(y.group(1))
    if "/" in compact:  # party: NQ/TW
        code, _, issuer = compact.partition("/")
        return Number(serial, year, True, code, issuer, compact)
    first, _, rest = compact.partition("-")
    if rest and latin(first).casefold() in _CODE_BY_FOLD:
        return Number(serial, year, False, first, rest, compact)
    return Number(serial, year, False, None, compact, compact)


def code_name(code: str) -> str | None:
    standard = _CODE_BY_FOLD.get(latin(code).casefold())
    return CODE_TYPES[standard] if standard else None




# -- what kind of text a type names ----------------------------------------------------------
# By the code of the document's own number first (it is registered), by its type word else.
KIND_BY_CODE: dict[str, str] = {
    "NQ": "resolution", "NQLT": "resolution", "QĐ": "decision", "TT": "circular", "TTLT": "circular",
    "NĐ": "decree", "KH": "plan", "CTr": "plan", "BC": "report", "CĐ": "letter",
}
KIND_BY_TYPE_WORD: dict[str, str] = {
    "nghị quyết": "resolution", "quyết định": "decision", "thông tư": "circular", "thông tư liên tịch": "circular",
    "nghị định": "decree", "kế hoạch": "plan", "chương trình hành động": "plan", "báo cáo": "report",
    "công văn": "letter", "công điện": "letter",
}


def number_code(number: str | None) -> str | None:
    """The type code a document's own number carries, in its registered spelling: "NQ" of
    "252/NQ-HĐND" and of the party's "11-NQ/TW"; None for a law ("61/2020/QH14") or a letter
    whose number names only its issuer ("123/UBND-KT")."""
    if not number:
        return None
    compact = squash(number)
    m = re.match(r"^[0-9.…_]*-([^\W\d_]+)/", compact) or re.match(r"^[^/]*/(?:[0-9]{4}/)?([^\W\d_]+)(?:-|$)", compact)
    if not m:
        return None
    return _CODE_BY_FOLD.get(latin(m.group(1)).casefold())
