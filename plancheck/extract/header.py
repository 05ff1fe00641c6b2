"""The header of a document, and the closing statement that repeats part of it.

A Vietnamese administrative document opens with a layout table: the issuing
body and the national motto side by side, then "Số: 252/NQ-HĐND" beside
"Sơn La, ngày 07 tháng 12 năm 2023"; below it the type (NGHỊ QUYẾT), the title,
the issuing authority again and, for HĐND resolutions, "KHÓA XV, KỲ HỌP THỨ TÁM".
Readers cut that table into cells, lines or paragraphs in different ways, and
web pages put site text before it, so the header is read from the document's
first pieces of text joined into one string, by what each part looks like and
in which order the parts come, never by line number.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Iterator


from ..dates import DateMention, find_dates
from ..lexicon import DOCUMENT_TYPES, GENERIC_TYPES, MOTTO
from ..models.document import Cell, Closing, Document, Header, Paragraph, Table
from ..models.location import Location
from ..text import parse_ordinal
from ..lazyre import lazy_compile

__all__ = ["Closing", "extract_closing", "extract_header"]


# -- the document's text, a few pieces joined -------------------------------------
@dataclass
class _Joined:
    """Pieces of text (paragraphs, table cells) joined with newlines, mapped back
    to their sources. Markdown emphasis is blanked so patterns see plain words."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    pieces: list[Paragraph | Cell] = field(default_factory=list)

    def add(self, piece: Paragraph | Cell) -> None:
        if self.text:
            self.text += "\n"
        self.starts.append(len(self.text))
        self.pieces.append(piece)
        self.text += piece.text.replace("*", " ").replace("\n", " ")

    def locate(self, offset: int) -> Location:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return Location()
        return self.pieces[i].locate(offset - self.starts[i])


def _pieces_of(document: Document) -> Iterator[Paragraph | Cell]:
    """Paragraphs and table cells in reading order."""
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                yield from row.cells
        else:
            yield block


# -- what the parts look like ------------------------------------------------------
# "Số: 252/NQ-HĐND" at the start of its line, or of its cell when a reader ran the layout
# into one line ("CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | CỘNG HÒA …"); a draft leaves the
# number blank ("Số:     /QĐ-UBND", or nothing at all); a slip drops the colon ("Số 2696/QĐ-UBND").
_NUMBER = lazy_compile(
    r"(?m)(?:^|(?<=[_|]))[ \t\u00a0]*+Số(?:\s*+:\s*+|[ \t\u00a0]++)"
    r"(?P<number>[^\s|/]*+(?:[ \t\u00a0]*+/[^\s|]*+)+)"
    r"|^[ \t\u00a0]*+Số[ \t\u00a0]*+:(?P<blank>)")


def _number_in(text: str) -> re.Match[str] | None:
    """_NUMBER's first match; the pattern opens on a line's start, so it is asked only of a text
    holding its word."""
    return _NUMBER.search(text) if "Số" in text else None


_PLACE_COMMA = lazy_compile(r",\s*(?=ngày(?!\w))", re.IGNORECASE)
# The lexicon's types in capitals, longest first ("THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ").
_DOC_TYPES = tuple(sorted((t.upper() for t in DOCUMENT_TYPES if t not in GENERIC_TYPES), key=len, reverse=True))
# Upper case only, as a heading; "QUYẾT ĐỊNH:" is the enacting formula, not the type.
_DOC_TYPE = lazy_compile(
    r"(?<!\w)(?P<type>" + "|".join(t.replace(" ", r"\s+") for t in _DOC_TYPES) + r")(?!\w)(?![ \t]*:)"
)
_AUTHORITY = (r"(?:CHỦ\s+TỊCH\s+|TM\.\s+)?(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|[ỦU]Y\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN"
              r"|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|BỘ\s+TRƯỞNG|QUỐC\s+HỘI|[ỦU]Y\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI)")
_AUTHORITY_LINE = lazy_compile(r"(?m)^[ \t\u00a0]*(?P<authority>" + _AUTHORITY + r"[^\n]*)")
_AUTHORITY_IN_LINE = lazy_compile(r"(?<=\s)(?P<authority>" + _AUTHORITY + r"[^\n]*)")
_PREPOSITIONS = frozenset({"CỦA", "CHO", "VÀ", "VỚI", "THUỘC", "TẠI", "GIỮA", "ĐỐI", "VỀ"})
_TERM = lazy_compile(
    r"(?<!\w)KH(?:ÓA|OÁ)\s+(?P<term>[IVXLC]+|[0-9]+)(?!\w)"
    r"(?:\s*[,;–-]?\s*KỲ\s+HỌP\s+(?P<session>[^\n,;.()]*[^\s,;.()]))?",
    re.IGNORECASE,
)
# Where the title ends: the authority line, the term, the preamble, the body.
_TITLE_END = lazy_compile(
    r"(?m)^[ \t\u00a0]*(?:" + _AUTHORITY + r"|KH(?:ÓA|OÁ)\s|Căn\s+cứ|Xét\s|Theo\s+đề\s+nghị|Sau\s+khi"
    r"|QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH\s*:|Điều\s+1\b|-{3,}|\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo)"
)
_BODY_START = lazy_compile(
    r"^\s*(?:Căn\s+cứ|Xét\s|Theo\s+đề\s+nghị|QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH\s*:|Điều\s+1\b)")
_WEEKDAY_PLACE = lazy_compile(r"^(?:thứ\s+\w+|chủ\s+nhật)$", re.IGNORECASE)
_SEPARATOR = lazy_compile(r"^[-–—_=|.*]+$")
_UPPER_WORD = lazy_compile(r"[^\W\d_]+[.,]?")

_MAX_PIECES = 200         # web pages put up to a few dozen lines of site text first
_MAX_TITLE = 600
_MAX_DATE_LINES = 20      # ", ngày" candidates tried before giving up
_MAX_PLACE_WORDS = 6
_MAX_ISSUER_WORDS = 20
_PLACE_WORD = lazy_compile(r"[^\W\d_]+|[-–]")


def _header_text(document: Document) -> _Joined:
    """The pieces up to the preamble ("Căn cứ ...") or the body. Site text before
    the header may say "Căn cứ" too, so only a preamble after some part of the
    header (motto, number or type) ends it."""
    joined = _Joined()
    seen_header = False
    for count, piece in enumerate(_pieces_of(document)):
        plain = piece.text.replace("*", " ")
        if count >= _MAX_PIECES or (seen_header and _BODY_START.match(plain)):
            break
        if plain.strip():
            joined.add(piece)
            seen_header = seen_header or bool(MOTTO.search(plain) or _number_in(plain)
                                              or _DOC_TYPE.match(plain.strip()))
    return joined


# -- the parts ----------------------------------------------------------------------
def _issuer_before(text: str, end: int) -> str | None:
    """The upper-case words just before ``end`` (the motto or the number): the
    issuing body, however the reader split it ("HỘI ĐỒNG NHÂN / DÂN / TỈNH SƠN LA")."""
    words: list[str] = []
    for word in reversed(text[max(0, end - 400):end].split()):
        word = word.strip("_") or "_"   # a rule drawn under the issuer runs into its last word
        if _SEPARATOR.match(word):
            if words and "|" in word:
                break  # the cell before the issuer's
            continue
        if not (_UPPER_WORD.fullmatch(word) and word.isupper()) or len(words) == _MAX_ISSUER_WORDS:
            break
        words.append(word)
    return " ".join(reversed(words)) or None


def _place_and_date(text: str, floors: list[int]) -> tuple[str, DateMention] | None:
    """'Sơn La, ngày 07 tháng 12 năm 2023': the place (capitalised words before the
    comma, not reaching back into the motto or number at ``floors``) and the date."""
    for count, comma in enumerate(_PLACE_COMMA.finditer(text, min(floors, default=0))):
        if count == _MAX_DATE_LINES:
            break
        floor = max((f for f in floors if f <= comma.start()), default=0)
        place = _place_before(text, comma.start(), floor)
        if place is None:
            continue
        dates = find_dates(text[comma.end():comma.end() + 120])
        if dates and dates[0].start == 0 and dates[0].kind in ("full", "numeric"):
            mention = dates[0]
            return place, replace(mention, start=comma.end(), end=comma.end() + mention.end)
    return None


def _place_before(text: str, end: int, floor: int) -> str | None:
    """The words before the comma, back to the first capitalised one: a place may
    be cut over two lines ("Thành phố Hồ Chí / Minh") and has a few words at most."""
    start = max(floor, end - 80)
    words: list[re.Match[str]] = []
    for token in reversed(list(re.finditer(r"\S+", text[start:end]))):
        if not _PLACE_WORD.fullmatch(token.group()) or len(words) == _MAX_PLACE_WORDS:
            break
        words.append(token)
    while words and not words[-1].group()[0].isupper():
        words.pop()
    if not words:
        return None
    words.reverse()
    place = " ".join(w.group() for w in words)
    if _WEEKDAY_PLACE.match(place) or not words[-1].group()[0].isupper():
        return None  # "Thứ Sáu, ngày 25/06/2021" is a web page's display date
    return place


def _doc_type(text: str, start: int, anchored: bool) -> re.Match[str] | None:
    """The first type heading after ``start``; without a header block above it,
    only one that begins its line counts."""
    for m in _DOC_TYPE.finditer(text, start):
        if anchored or not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            return m
    return None


def _title_and_authority(text: str, start: int) -> tuple[str | None, str | None, int]:
    """The title after the type, the authority line that ends it, and where the title ends."""
    end = min(len(text), start + _MAX_TITLE)
    authority = None
    stop = _TITLE_END.search(text, start, end)
    inline = _authority_in_line(text, start, stop.start() if stop else end)
    if inline:
        end, authority = inline.start(), inline.group("authority")
    elif stop:
        end = stop.start()
        line = _AUTHORITY_LINE.match(text, stop.start())
        authority = line.group("authority") if line else None
    title = _squash(text[start:end]) or None
    return title, _squash(authority) if authority else None, end


def _authority_in_line(text: str, start: int, end: int) -> re.Match[str] | None:
    """An authority phrase run into the title by a reader that joined the lines:
    not one the title itself names ("... CỦA ỦY BAN NHÂN DÂN TỈNH")."""
    for m in _AUTHORITY_IN_LINE.finditer(text, start, end):
        before = text[start:m.start()].split()
        if before and before[-1].upper() not in _PREPOSITIONS:
            return m
    return None


def _squash(text: str) -> str:
    return " ".join(text.split())


# -- the header ---------------------------------------------------------------------
def extract_header(document: Document) -> Header:
    """The header fields found; those absent stay None (a news page has none)."""
    return _extract_header(_header_text(document))


def _extract_header(joined: _Joined) -> Header:
    text = joined.text
    header = Header()
    motto = MOTTO.search(text)
    number = _number_in(text)
    dated = _place_and_date(text, [m.end() for m in (motto, number) if m])
    # The issuing body heads the layout: before the motto, or before the number
    # when a reader put the number first.
    top = min((m.start() for m in (motto, number) if m), default=None)
    if motto and top is not None:
        header.issuer = _issuer_before(text, top)
    if number:
        header.number = number.group("number") or ""
        header.number_location = joined.locate(number.start("number") if header.number else number.start())
    if dated:
        header.place, mention = dated
        header.date_text, header.date = _squash(mention.text), mention.date
        header.date_location = joined.locate(mention.start)
    anchors = [m.end() for m in (motto, number) if m] + ([dated[1].end] if dated else [])
    doc_type = _doc_type(text, max(anchors, default=0), anchored=bool(anchors))
    term_from = 0
    if doc_type:
        header.doc_type = _squash(doc_type.group("type"))
        header.title, authority, term_from = _title_and_authority(text, doc_type.end())
        header.issuer = header.issuer or authority
    _read_term(joined, term_from, header)
    return header


# What may follow a session's number: "KỲ HỌP THỨ 19 - CHUYÊN ĐỀ", "kỳ họp thứ ba (bất thường)".
_SESSION_QUALIFIER = lazy_compile(
    r"\s*(?:[-–—:]\s*)?(?:\(\s*)?(?:kỳ\s+họp\s+)?(?:chuyên\s+đề|bất\s+thường|thường\s+lệ)\s*\)?\s*$",
    re.IGNORECASE)


_SESSION_LEAD = lazy_compile(r"(?:(?:chuyên\s+đề|bất\s+thường)\s+)?(?:lần\s+(?=thứ\b))?", re.IGNORECASE)


def _read_term(joined: _Joined, start: int, target: Header | Closing) -> None:
    m = _TERM.search(joined.text, start)
    if not m:
        return
    target.term = m.group("term")
    if m.group("session"):
        session = m.group("session")
        qualifier = _SESSION_QUALIFIER.search(session)
        if qualifier and qualifier.start() > 0:
            session = session[:qualifier.start()]
        session = _squash(session)
        lead = _SESSION_LEAD.match(session)   # "chuyên đề lần thứ 28": the number is "thứ 28"
        target.session_location = joined.locate(m.start("session") + lead.end())
        session = session[lead.end():]
        ordinal = parse_ordinal(session)
        if ordinal is None:   # narration after the number: "kỳ họp thứ 2 đã quyết định ..."
            words = session.split(" ")
            # a misspelt number ("THỨ MƯỜI CHÍNH") stays whole: narration runs on for words
            ordinal = next((o for n in range(len(words) - 3, 1, -1)
                            if (o := parse_ordinal(" ".join(words[:n]))) is not None), None)
            if ordinal is not None:
                session = ordinal.text
        target.session_text = session
        target.session = ordinal.value if ordinal else None


# -- the closing statement ------------------------------------------------------------
_CLOSING = lazy_compile(
    r"(?:Nghị\s+quyết|Quyết\s+định|Nghị\s+định|Luật|Pháp\s+lệnh|Kế\s+hoạch)\s+này\s+(?:đã\s+)?được\b",
    re.IGNORECASE,
)
_PASSED_ON = lazy_compile(r"thông\s+qua\s+(?=ngày)", re.IGNORECASE)
_CLOSING_END = lazy_compile(r"\./\.|\.(?=\s*$)|\.(?=\s+\S)")
_CLOSING_WINDOW = 4  # a sentence cut into lines by the source may span this many pieces


def extract_closing(document: Document) -> Closing | None:
    """The statement that the text was passed ('... thông qua ngày ...'), with the
    term, session and date it states; None when there is none."""
    paragraphs = document.paragraphs()
    for i, paragraph in enumerate(paragraphs):
        if "này" not in paragraph.lower or not _CLOSING.search(paragraph.text):
            continue
        joined = _Joined()
        for piece in paragraphs[i:i + _CLOSING_WINDOW]:
            joined.add(piece)
        joined.text = joined.text.replace("\n", " ")
        closing = _closing_in(joined)
        if closing:
            return closing
    return None


def _closing_in(joined: _Joined) -> Closing | None:
    text = joined.text
    start = _CLOSING.search(text)
    passed = _PASSED_ON.search(text, start.end()) if start else None
    if not start or not passed:
        return None
    dates = find_dates(text[passed.end():passed.end() + 80])
    mention = dates[0] if dates and dates[0].start == 0 else None
    after_date = passed.end() + (mention.end if mention else 0)
    end_match = _CLOSING_END.search(text, after_date)
    end = end_match.end() if end_match else len(text)
    closing = Closing(text=_squash(text[start.start():end]), location=joined.locate(start.start()))
    if mention:
        closing.date_text, closing.date = _squash(mention.text), mention.date
        closing.date_location = joined.locate(passed.end())
    sentence = _Joined(text=text[:passed.start()], starts=joined.starts, pieces=joined.pieces)
    _read_term(sentence, start.end(), closing)
    return closing
