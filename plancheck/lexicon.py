"""The ground floor's lexicon of Vietnamese administrative documents: the type words, the
codes their numbers carry ("NQ" in 96/NQ-CP, in 11-NQ/TW), a number taken apart, and the
kind of text a type names. Written by hand: no library knows Decree 30/2020's registry of
document types (its Phụ lục III).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from .text import VI_UPPER, fold
from .lazyre import lazy_compile

# The first part of a symbol ("NQ" in 96/NQ-CP, in 11-NQ/TW) names the document's type.
CODE_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết", "NQLT": "Nghị quyết liên tịch", "NĐ": "Nghị định", "QĐ": "Quyết định",
    "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "CT": "Chỉ thị", "KL": "Kết luận", "TB": "Thông báo",
    "TTr": "Tờ trình", "BC": "Báo cáo", "KH": "Kế hoạch", "CTr": "Chương trình", "ĐA": "Đề án",
    "HD": "Hướng dẫn", "QĐi": "Quy định", "QyĐ": "Quy định", "QC": "Quy chế", "CĐ": "Công điện",
    "BB": "Biên bản", "PA": "Phương án", "TC": "Thông cáo",
    # the other codes of the administrative document types (Nghị định 30/2020/NĐ-CP, Phụ lục III)
    # and the rules of a contest (thể lệ), so that none is taken for a slip of another
    "DA": "Dự án", "HĐ": "Hợp đồng", "GN": "Bản ghi nhớ", "TTh": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển", "PB": "Phiếu báo", "TL": "Thể lệ",
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


SERIAL = lazy_compile(r"^\s*([0-9]+)")

# The form numbers are looked up in (the citation index's key).
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_DASHES[ord("\u00d0")] = "Đ"   # Icelandic eth, typed for Đ
_DASHES[ord("\u00f0")] = "đ"


def normalise_number(number: str | None) -> str | None:
    """The form numbers are looked up in: '252/NQ-HĐND', '252 / nq – hđnd' and
    '0252/NQ-HĐND' are one key; a blank number ('/QĐ-UBND') has none."""
    if not number:
        return None
    text = unicodedata.normalize("NFC", number).translate(_DASHES)
    text = "".join(text.split()).casefold().rstrip(".")
    m = re.match(r"^0*(\d+)", text)
    if not m:
        return None   # a draft's blank number, or no number at all
    return m.group(1) + text[m.end():]



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


_WHOLE_NUMBER = lazy_compile(r"^\s*([0-9]+[a-zđ]?)(?:-(?P<party>\S+/\S+)|(?:/[0-9]{4})?/(?P<state>\S+))\s*$")


def parse_whole_number(number: str | None) -> Number | None:
    """A number written whole, its symbol inside ("39/2020/NQ-HĐND", "11-NQ/TW"), as a header's "Số:"."""
    m = _WHOLE_NUMBER.match(number or "")
    if not m:
        return None
    return parse_number(number.strip(), m.group("party") or m.group("state"))


def code_name(code: str) -> str | None:
    standard = _CODE_BY_FOLD.get(latin(code).casefold())
    return CODE_TYPES[standard] if standard else None


def is_type_code(code: str) -> bool:
    """Whether a symbol's first part is a registered type code ("NQ", "QĐ"; "CTT" is none)."""
    return latin(code).casefold() in _CODE_BY_FOLD


# The national motto that heads every administrative document, with its subtitle when written.
MOTTO = lazy_compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
                   r"(?:[\s-]*Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)?", re.IGNORECASE)


# -- the types of documents, as cited ("Nghị quyết số …") and as a header names them ("NGHỊ QUYẾT")
DOCUMENT_TYPES: tuple[str, ...] = (
    "Nghị quyết liên tịch", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư liên tịch", "Thông tư",
    "Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Chỉ thị", "Kết luận", "Thông báo kết luận", "Thông báo",
    "Công văn", "Công điện", "Văn bản", "Báo cáo thẩm tra", "Báo cáo", "Tờ trình", "Kế hoạch",
    "Chương trình hành động", "Chương trình", "Đề án", "Phương án", "Hướng dẫn", "Quy định", "Quy chế",
    "Thông tri", "Điều lệ", "Hiệp định", "Lệnh", "Biên bản",
)
GENERIC_TYPES = frozenset({"Văn bản"})   # any type: cited, never a header's
# The types whose articles are law (Luật Ban hành văn bản quy phạm pháp luật, Điều 4): the acts
# another text quotes article by article ("… Điều 5 Nghị định số …, cụ thể:").
NORMATIVE_TYPES: tuple[str, ...] = (
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Nghị quyết liên tịch", "Nghị quyết", "Nghị định",
    "Quyết định", "Thông tư liên tịch", "Thông tư",
)


def type_alternation(types: tuple[str, ...] = DOCUMENT_TYPES, exclude: frozenset[str] = GENERIC_TYPES) -> str:
    """A regular expression group matching any of ``types`` (longest first, so "Nghị quyết
    liên tịch" wins over "Nghị quyết"), spaces as any run of whitespace."""
    words = sorted((t for t in types if t not in exclude), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in words) + ")"


# Another act named by its type and its title or number: "Luật Các tổ chức tín dụng", "Bộ luật
# Lao động", "Nghị định số 15/2024/NĐ-CP" (not "Luật này", which is the text itself).
NAMED_ACT = lazy_compile(r"\b(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp|Nghị định|Thông tư|Nghị quyết|Quyết định)"
                       rf"\s+(?!này\b)(?:số\s+)?[{VI_UPPER}0-9]")


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


# -- issuers: the codes of the ministries and central bodies in a symbol ("TT-BTC") --------------
# Decree 30/2020's registry abbreviates each issuer; these are the ministries and the bodies at
# their level, past and present (the 2025 mergers added BNNMT, BDTTG; their forebears stay, for
# citations of older acts).
ISSUER_CODES: dict[str, str] = {
    "BTC": "Bộ Tài chính", "BCT": "Bộ Công Thương", "BKHCN": "Bộ Khoa học và Công nghệ",
    "BNNMT": "Bộ Nông nghiệp và Môi trường", "BNV": "Bộ Nội vụ", "BXD": "Bộ Xây dựng", "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BTP": "Bộ Tư pháp", "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BNG": "Bộ Ngoại giao", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn", "BGTVT": "Bộ Giao thông vận tải",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "BTTTT": "Bộ Thông tin và Truyền thông",
    "BDTTG": "Bộ Dân tộc và Tôn giáo", "TTCP": "Thanh tra Chính phủ", "VPCP": "Văn phòng Chính phủ",
}


def issuer_code_of(issuer: str | None) -> str | None:
    """The code of the ministry an issuer names ("Bộ trưởng Bộ Công Thương" → "BCT"), or None."""
    if not issuer:
        return None
    folded = fold(issuer)
    found = [(len(name), code) for code, name in ISSUER_CODES.items()
             if re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded)]
    return max(found)[1] if found else None


# -- the National Assembly's terms: the years each could pass an act in ----------------------------
ASSEMBLY_TERMS: dict[int, tuple[int, int]] = {
    1: (1946, 1960), 2: (1960, 1964), 3: (1964, 1971), 4: (1971, 1975), 5: (1975, 1976), 6: (1976, 1981),
    7: (1981, 1987), 8: (1987, 1992), 9: (1992, 1997), 10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011),
    13: (2011, 2016), 14: (2016, 2021), 15: (2021, 2026), 16: (2026, 2031),
}


def terms_of_year(year: int) -> list[int]:
    """The terms whose years hold ``year`` (two in an election year)."""
    return [term for term, (first, last) in ASSEMBLY_TERMS.items() if first <= year <= last]


# -- what a text is ------------------------------------------------------------------------
class TextKind(str, Enum):
    """What a text is. The first eight are administrative documents, whose form the form
    rules check (numbering, internal references, blanks, date style); the others are not."""

    resolution = "resolution"          # Nghị quyết
    decision = "decision"              # Quyết định
    circular = "circular"              # Thông tư
    decree = "decree"                  # Nghị định
    plan = "plan"                      # Kế hoạch
    report = "report"                  # Báo cáo
    letter = "letter"                  # Công văn, Công điện
    other_document = "other-document"  # Thông báo, Tờ trình, Chỉ thị, Luật …, or a header with no type
    qa_article = "qa-article"          # a legal question answered on a web page
    encyclopedia = "encyclopedia"      # a Wikipedia-like page
    news = "news"                      # a news item
    unknown = "unknown"                # too little to tell: a draft's excerpt is checked as a document

    @property
    def administrative(self) -> bool:
        return self not in (TextKind.qa_article, TextKind.encyclopedia, TextKind.news)

    def localize(self, lang: str) -> str:
        return _TEXT_KIND_VI[self] if lang == "vi" else self.value


_TEXT_KIND_VI = {
    TextKind.resolution: "nghị quyết", TextKind.decision: "quyết định", TextKind.circular: "thông tư",
    TextKind.decree: "nghị định", TextKind.plan: "kế hoạch", TextKind.report: "báo cáo",
    TextKind.letter: "công văn", TextKind.other_document: "văn bản hành chính khác",
    TextKind.qa_article: "bài hỏi đáp pháp luật", TextKind.encyclopedia: "trang bách khoa",
    TextKind.news: "tin tức", TextKind.unknown: "chưa rõ loại",
}
