"""Blanks left in a draft: the number ("Số:     /QĐ-UBND"), a date ("ngày
tháng 01 năm 2024", "ngày …/…/2025"), and marks standing for text still to
come ("[...]", "xxx", "/…/", "đạt ... tỷ đồng").

In a draft (option ``stage: draft``) a blank is expected: it is reported as
info. In a final text it is an error. Unless told (``stage: auto``, the
default), a Word file is a draft (acts are drafted in Word and published as
PDF; a province's e-office stamps the number and day in at signing), and so
is a text that marks itself one at its head ("DỰ THẢO", "Dự thảo lần 2");
their findings say why. Forms ("Mẫu số 01" in an appendix) are
meant to be filled in by their users: their blanks are never reported. An
ellipsis that ends an enumeration ("các sở, ban, ngành…", "v.v...") is no blank.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Literal

from ..lexicon import type_alternation
from ..models.document import Clause, Document, DocumentStructure
from ..models.location import Location
from ..text import ELISION, VI_UPPER
from .base import CheckKind, Hit, Params, Subject
from .dates import date_mentions
from ..lazyre import lazy_compile

__all__ = ["Blank", "find_blanks", "marked_draft"]

# A draft's mark at the head of its text, on a line of its own: "DỰ THẢO", "Dự thảo lần 2",
# "(Dự thảo 3)", "DỰ THẢO 15/10/2025". "Dự thảo Nghị định …" in a sentence names another text.
_DRAFT_MARK = lazy_compile(r"[\s*_#|(\[]*(?:DỰ THẢO|Dự thảo|dự thảo)(?:\s*(?:lần\s*)?\d{1,2}"
                         r"|\s*(?:ngày\s*)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?[\s*_|)\]]*")
_HEAD_LINES = 25


def marked_draft(document: Document) -> bool:
    """Whether a text marks itself a draft among the lines of its head."""
    return any(_DRAFT_MARK.fullmatch(cell) for line in document.lines[:_HEAD_LINES] for cell in line.split("|"))

# "Số:     /QĐ-UBND", "số …/2024/NQ-HĐND", "Quyết định số: /QĐ-UBND", "Số: xxx/QĐ-UBND"
_NUMBER = lazy_compile(
    r"(?<!\w)(?P<so>số|Số|SỐ)(?:[ \t\u00a0]*:)?[ \t\u00a0]*"
    r"(?P<blank>(?:[.…_ \t\u00a0]|x(?=[x./ ])|X(?=[X./ ]))*+)"
    r"/[ \t\u00a0]*(?P<symbol>(?:[0-9]{4}[ \t\u00a0]*/[ \t\u00a0]*)?[A-ZĐ][A-ZĐ0-9]*+(?:-[A-ZĐ0-9]+)*+)(?!\w)"
)
_DOTS = r"(?:\.{3,}+|…)[.…]*+"
_BRACKETED = lazy_compile(r"\[[ \t]*+(?:\.{2,}+|…)[.…]*+[ \t]*+\]")
_SLASHED = lazy_compile(r"/[ \t]*+" + _DOTS + r"[ \t]*+/")
# "xxx", "XXX", "năm 20xx", "Số: xx/QĐ"; not in an address ("www.xxx.vn"); "XX" is a Roman twenty.
_CROSSES = lazy_compile(r"(?<![\w./@])(?:x{3,}|X{3,}|[0-9]{2}xx|xx(?=/))(?![\w@]|\.[^\W\d_])")
_DOT_RUN = lazy_compile(_DOTS)
_PAGE_NUMBER = lazy_compile(r"\s*[0-9]{1,4}\s*$")
_WORD = lazy_compile(r"%|[0-9]|[^\W\d_]+")
_LAST_WORD = lazy_compile(r"(?<!\w)([^\W\d_]+)\s*:?\s+$")
_UNITS = frozenset(
    "tỷ triệu nghìn ngàn đồng usd người lượt ha km m tấn kg hộ xã huyện trường lao việc dự án doanh nghiệp "
    "chỉ tiêu công trình bác sĩ giường".split())
_SLOT_WORDS = frozenset("số đạt là khoảng tại ông bà ngày tháng năm quý mức tăng giảm bằng còn gồm".split())
_SLOT_AFTER = lazy_compile(r"[ \t]*/[ \t]*(?:[0-9A-ZĐ]|\.{2,}|…)")


@dataclass(frozen=True, slots=True)
class Blank:
    target: Literal["number", "date", "mark"]
    text: str
    start: int
    end: int
    what_vi: str
    what_en: str
    suggestion: str | None = None


def _number_blanks(text: str) -> Iterator[Blank]:
    if "số" not in text and "Số" not in text and "SỐ" not in text:
        return   # both patterns need the word
    for m in _NUMBER.finditer(text) if "/" in text else ():
        if any(c.isdigit() for c in m.group("blank")):
            continue
        yield Blank("number", " ".join(m.group(0).split()), m.start(), m.end(),
                    "số văn bản", "a document number")
    for m in _BARE_NUMBER.finditer(text):   # "Thông báo kết luận số của Thường trực Tỉnh ủy"
        yield Blank("number", " ".join(m.group(0).split()), m.start(), m.end(),
                    "số văn bản", "a document number")


def _mark_blanks(text: str, taken: list[tuple[int, int]]) -> Iterator[Blank]:
    found: list[tuple[int, int]] = []
    dots = ".." in text or "…" in text   # what the dotted patterns need; the crosses need "xx"
    patterns = ((_BRACKETED, _SLASHED) if dots else ()) + ((_CROSSES,) if "xx" in text or "XX" in text else ())
    for pattern in patterns:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end()))
    for m in _DOT_RUN.finditer(text) if dots else ():
        if _is_blank_dots(text, m.start(), m.end()):
            found.append((m.start(), m.end()))
    taken = sorted(taken)
    taken_starts = [s for s, _ in taken]
    last_end = -1
    for start, end in sorted(found):
        if start < last_end or _overlaps(taken, taken_starts, start, end):
            continue
        last_end = end
        yield Blank("mark", text[start:end].strip(), start, end, "chỗ trống", "a blank")


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, disjoint; ``starts`` their starts)."""
    i = bisect_right(starts, start) - 1
    return (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end)


def _is_blank_dots(text: str, start: int, end: int) -> bool:
    """Dots where a number or a word is missing ("đạt ... tỷ đồng", "…/QĐ-UBND",
    "12/…/2024"), not an ellipsis closing an enumeration ("sản xuất,...",
    "hội nghị... Triển khai") or a quotation ("“…loại rủi ro")."""
    before = text[start - 1] if start else ""
    after = text[end:end + 3].lstrip(" \t")
    slot = _SLOT_AFTER.match(text, end)
    if slot or (before == "/" and start >= 2 and text[start - 2].isalnum() and text[end:end + 1] == "/"):
        return True  # "…/QĐ-UBND", "…/…/2024", "12/…/2024"; not the closing "…/." nor "(UV/DUV/...)"
    if not text[:start].strip(" *_\"“") and re.match(rf"\s+[\"“]?[{VI_UPPER}]", text[end:]):
        return False  # "... Hội kêu gọi …": a quotation taken up in its middle, no blank
    if before and not (before.isspace() or before in "(:"):
        # closes the word before it ("chữ ký số…)"); but "Thông tư số….." left the number out
        return bool(_CITATION.search(text[max(0, start - 40):start]))
    if end == len(text) or not text[end].isspace():
        following = text[end:end + 1]
        return bool(following) and (following.isdigit() or following == "%")
    if _PAGE_NUMBER.match(text, end):
        return False  # a table of contents' leader: "Chương I ........ 5"
    # Spaced dots stand for a blank where a figure or a name is due ("đạt ... tỷ
    # đồng", "ông ... "), not in an enumeration trailing off ("ngành ... và UBND").
    word_after = _WORD.match(after)
    word_before = _LAST_WORD.search(text, max(0, start - 20), start)
    return bool(word_after and (word_after.group()[0].isdigit() or word_after.group() == "%"
                                or word_after.group().casefold() in _UNITS)
                or word_before and word_before.group(1).casefold() in _SLOT_WORDS)


def find_blanks(text: str) -> list[Blank]:
    """The numbers and marks left blank in a piece of text (dates: see plancheck.dates)."""
    numbers = list(_number_blanks(text))
    return numbers + list(_mark_blanks(text, [(b.start, b.end) for b in numbers]))


# -- forms: blanks there are for their users ---------------------------------------------
# What a form is made of: dot leaders to write on, a signature line, an addressee, a title.
# Only ever searched for: every branch opens on a literal (the tests of a word's start come after
# its first letter), so that the engine skips to the characters that can start one.
_FORM_SIGNAL = lazy_compile(r"\.\.{7,}|…(?:[ \t]*…){2,}|\(\s*[Kk]ý(?:\s*(?:,|và)\s*|\s+)(?:ghi\s+rõ\s+)?(?:họ\s+)?tên|"
                          r"H(?<!\wH)ọ\s+(?:và\s+)?tên\s*(?:\*+\s*)?:|NGƯỜI\s+LÀM\s+ĐƠN|K(?<!\wK)ính\s+gửi\s*(?:\*+\s*)?:")
_FORM_TITLE = lazy_compile(r"^\W*(?:BM[-.\s]?\d+|(?:Mẫu|MẪU)(?:\s+(?:số|SỐ))?\s*[:.]?\s*[A-ZĐ]{0,3}[-.]?\d+[a-zđ]?\b|"
                         r"(?:Mẫu|MẪU)\W*$|(?:\d+\.\s*)?Mẫu\s+(?:đăng ký|đơn|tờ khai|báo cáo|phiếu)|Biểu\s+mẫu|BIỂU\s+MẪU)")
_FORM_SIGNALS_NEEDED = 2   # more than this many signals within reach make a cluster
_FORM_REACH = 12           # blocks: a form's fields lie close together
# A paragraph that hands over to a form: "Theo đó, Mẫu số 27 … như sau:", "Mẫu giấy chứng nhận
# … được quy định như sau:". What follows is the form, for its users to fill, over a whole page.
_FORM_ANNOUNCED = lazy_compile(r"(?:\b(?:Mẫu|MẪU|[Bb]iểu mẫu)\b|\bmẫu\s+(?:số|đơn|tờ khai|giấy|quyết định|biên bản|"
                             r"báo cáo|phiếu|văn bản|hợp đồng|thông báo)\b)[^.?!]{0,240}(?:như sau|sau đây|dưới đây)[\s*_]*:[\s*_]*$")
_FORM_ANNOUNCED_END = lazy_compile(r":[\s*_]*$")   # how _FORM_ANNOUNCED ends: asked first, on its colon
_FORM_ANNOUNCED_REACH = 60
_FORM_PAGE = lazy_compile(r"^[#*\s]*(?:Mẫu|MẪU|Biểu mẫu)\s+\w")


@dataclass(frozen=True, slots=True)
class _Forms:
    """Where blanks are a form's fields: the stretches the clause tree names forms ("Mẫu số
    01"), and the zones around a form's title or a cluster of what forms are made of."""

    starts: list[int]
    forms: list[bool]
    zones: list[tuple[int, int]]   # [first block, last block], in order

    def __contains__(self, block: int) -> bool:
        i = bisect_right(self.starts, block) - 1
        if i >= 0 and self.forms[i]:
            return True
        k = bisect_right(self.zones, (block, float("inf"))) - 1
        return k >= 0 and self.zones[k][0] <= block <= self.zones[k][1]


def _form_scopes(structure: DocumentStructure | None, document: Document | None = None) -> _Forms:
    """The forms of a document. Zones come after the body (from the first appendix, or the
    first form title of a decision that sets its forms between its procedures): a form's
    title ("BM-09", "Mẫu B12") opens one, and so does a cluster of form signals (dot leaders,
    "(Ký, ghi rõ họ tên)", "Kính gửi:") within a few blocks of each other. The body before
    them is never a form: a blank there is a blank."""
    marks = _tree_scopes(structure) if structure is not None else []
    starts, forms = [b for b, _ in marks], [f for _, f in marks]
    if document is None:
        return _Forms(starts, forms, [])
    first = marks[0][0] if marks else None
    titles, signals = [], []
    announced = []
    for block in document.blocks:
        text = _block_text(block)
        if _FORM_TITLE.match(text):
            titles.append(block.index)
        elif (_FORM_ANNOUNCED_END.search(text) and _FORM_ANNOUNCED.search(text)) \
                or (block.index == 0 and _FORM_PAGE.match(text)):
            # "Mẫu số 27 … như sau:": the form follows; a page titled "Mẫu …" presents one
            announced.append(block.index)
        if _FORM_SIGNAL.search(text):
            signals.append(block.index)
    opening = sorted(titles + announced)
    if opening:
        first = min(first, opening[0]) if first is not None else opening[0]
    if first is None:
        return _Forms(starts, forms, [])
    around = [(b, b + _FORM_REACH) for b in titles] + [(b, b + _FORM_ANNOUNCED_REACH) for b in announced]
    for k, b in enumerate(signals):
        near = [c for c in signals[max(0, k - _FORM_SIGNALS_NEEDED): k + _FORM_SIGNALS_NEEDED + 1]
                if abs(c - b) <= _FORM_REACH]
        if b >= first and len(near) > _FORM_SIGNALS_NEEDED:
            around.append((max(first, b - _FORM_REACH), b + _FORM_REACH))
    zones: list[tuple[int, int]] = []
    for lo, hi in sorted(around):
        if zones and lo <= zones[-1][1] + 1:
            zones[-1] = (zones[-1][0], max(zones[-1][1], hi))
        else:
            zones.append((lo, hi))
    return _Forms(starts, forms, zones)


def _block_text(block) -> str:
    if hasattr(block, "rows"):
        return " ".join(cell.text for row in block.rows for cell in row.cells if cell.text)
    return block.text or ""


def _tree_scopes(structure: DocumentStructure) -> list[tuple[int, bool]]:
    marks: list[tuple[int, bool]] = []

    def walk(clause: Clause) -> None:
        if clause.level == "form":
            marks.append((clause.block, True))
        for child in clause.children:
            walk(child)

    for appendix in structure.appendices:
        marks.append((appendix.block, False))
        walk(appendix)
    marks.sort()
    return marks


# -- the check ---------------------------------------------------------------------------------
# Why a text is taken for a draft (or not), and what its blanks' findings say of it.
_STAGE_WORDS = {
    "word": ("tệp Word là bản trước khi ký: điền khi ký",
             "a Word file is the text before signing: fill it in at signing"),
    "marked": ("bản dự thảo (văn bản tự ghi “dự thảo”): điền trước khi ký",
               "a draft (it says it is one): fill it in before signing"),
    "draft": ("bản dự thảo: điền trước khi ký", "a draft: fill it in before signing"),
    "final": ("văn bản chính thức không được để trống", "a final text must not keep blanks"),
}


def _stage(stage: str, document: Document) -> str:
    """A key of _STAGE_WORDS: the stage given, or under "auto" what the text is."""
    if stage != "auto":
        return "draft" if stage == "draft" else "final"
    if document.source_format == "docx":
        return "word"
    return "marked" if marked_draft(document) else "final"


class PlaceholderParams(Params):
    target: Literal["number", "date", "mark"]


class Placeholder(CheckKind):
    name = "placeholder"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "what_vi", "what_en", "stage_vi", "stage_en"})
    Params = PlaceholderParams

    def run(self, subject: Subject, params: PlaceholderParams) -> Iterable[Hit]:
        document = subject.document
        if document is None:
            return
        if "forms" not in subject.derived:   # once for the three placeholder rules
            subject.derived["forms"] = _form_scopes(subject.structure, document)
            subject.derived["stage"] = _stage(subject.options.get("stage", "auto"), document)
        scopes, why = subject.derived["forms"], subject.derived["stage"]
        draft = why != "final"
        stage_vi, stage_en = _STAGE_WORDS[why]
        for location, blank in self._blanks(subject, document, params.target, scopes):
            yield Hit(
                location=location,
                suggestion=blank.suggestion,
                fields={"text": blank.text, "what_vi": blank.what_vi, "what_en": blank.what_en,
                        "stage_vi": stage_vi, "stage_en": stage_en},
                severity="info" if draft else None,
                evidence={"stage": "draft" if draft else "final"},
            )

    def _blanks(self, subject: Subject, document: Document, target: str,
                scopes: _Forms) -> Iterator[tuple[Location, Blank]]:
        header = subject.structure.header if subject.structure else None
        if target == "date":
            own = header.date_location if header else None
            for found in date_mentions(subject):
                m = found.mention
                if not m.blank_number or m.malformed or (found.block in scopes and not (
                        _CITATION_DATE.search(found.before(100)) and (m.month or m.year))):
                    continue   # a form's date field (but "Thông tư số /2025/TT-BKHCN ngày /11/2025" cites a real
                    # act); a malformed date ("ngày ngày 08 tháng 6") is the date rule's one finding
                location = found.location
                vi, en = _blank_parts(m.day, m.month, m.year)
                text = " ".join(m.text.split())
                suggestion = None
                if own is not None and (own.line, own.column) == (location.line, location.column):
                    vi, en = f"phần {vi} của ngày ban hành văn bản", f"{en} of this document's own date"
                elif _ATTACHED_DATE.search(found.before(160)) and header is not None and header.date is not None \
                        and m.year in (None, header.date.year) and m.month in (None, header.date.month) \
                        and m.day in (None, header.date.day):
                    # "(Kèm theo Quyết định số 2568/QĐ-UBND ngày tháng năm 2025)": this document's date
                    vi, en = f"phần {vi} của ngày ban hành văn bản", f"{en} of this document's own date"
                    suggestion = f"{text} → {header.date_text or header.date.strftime('%d/%m/%Y')}"
                yield location, Blank("date", text, m.start, m.end, vi, en, suggestion)
            return
        reported: set[tuple[int, int]] = set()
        found_blanks, blank_dates = _document_blanks(subject, document)
        for piece, block, blanks in found_blanks:
            if block in scopes:   # a form's fields are for its users; a cited act's number is no field
                blanks = [b for b in blanks if _cites(piece.text, b)]
            if target == "mark":
                dates = blank_dates.get(id(piece), [])   # in order, disjoint
                starts = [s for s, _ in dates]
                blanks = [b for b in blanks if b.target == "mark" and not _overlaps(dates, starts, b.start, b.end)]
            else:
                blanks = [b for b in blanks if b.target == target]
            for blank in blanks:
                location = piece.locate(blank.start)
                reported.add((location.line, location.column))
                if blank.target == "number" and header is not None and header.number_location is not None \
                        and header.number_location.line == location.line:
                    blank = replace(blank, what_vi="số của chính văn bản", what_en="this document's number")
                elif blank.target == "number" and header is not None \
                        and _ATTACHED_NUMBER.search(piece.text, max(0, blank.start - 120), blank.start):
                    # "(Ban hành kèm theo Quyết định số: /QĐ-UBND ...)": this document's number
                    blank = replace(blank, what_vi="số của chính văn bản", what_en="this document's number",
                                    suggestion=_own_number(blank.text, header.number))
                yield location, blank
        if target == "number" and header is not None and header.number is not None \
                and not header.number.strip() and header.number_location is not None:
            at = header.number_location
            if (at.line, at.column) not in reported and _block_at(document, at) not in scopes:
                yield at, Blank("number", "Số:", 0, 0, "số của chính văn bản", "this document's number")


def _block_at(document: Document, location) -> int:
    """The block holding a location (-1 when none does); asked once per document (its own number)."""
    for piece, block in document.pieces():
        if any(span.location.line == location.line for span in piece.spans):
            return block
    return -1


def _document_blanks(subject: Subject, document: Document) -> tuple[list, dict[int, list[tuple[int, int]]]]:
    """The blanks of every piece that has any, and the spans of blank dates by piece: found
    once for the placeholder rules."""
    if "blanks" not in subject.derived:
        blank_dates: dict[int, list[tuple[int, int]]] = {}
        for f in date_mentions(subject):
            if f.mention.blank_number:
                blank_dates.setdefault(id(f.piece), []).append((f.mention.start, f.mention.end))
        found = []
        for piece, block in document.pieces():
            if ELISION.fullmatch(piece.text):
                continue   # "[...]" alone on its line: words of a quotation left out, no blank
            blanks = find_blanks(piece.text)
            if blanks:
                found.append((piece, block, blanks))
        subject.derived["blanks"] = (found, blank_dates)
    return subject.derived["blanks"]


# A blank in a citation of an act by its type ("Thông tư số…..", "Quyết định số /QĐ-UBND ngày
# /11/2025"): a real act whose number or date was left out, in a form as anywhere.
_CITED_TYPE = type_alternation()   # a citation's type word ("Thông tư", not "Văn bản": any type)
_CITATION = lazy_compile(_CITED_TYPE + r"\s+số\s*:?\s*$")
_CITATION_DATE = lazy_compile(_CITED_TYPE + r"\s+số\s*:?[^,;()\n]{0,30}$")


def _cites(text: str, blank: Blank) -> bool:
    """Whether a blank is left in an otherwise complete citation of an act by its type ("Thông
    tư số….."; "Thông tư số /2025/TT-BKHCN"), not in a form's template of one ("Căn cứ Công văn
    số … ngày …/…/… của …")."""
    before = text[max(0, blank.start - 40): blank.start]
    if blank.target == "number":   # the blank's text opens with its "số"
        before += "số"
    return bool(_CITATION.search(before)) and not _DOT_RUN.search(text, blank.end, blank.end + 40)


# A cited act's "số" followed by no number at all: "Thông báo kết luận số của …", "Quyết định số ngày …".
_BARE_NUMBER = lazy_compile(_CITED_TYPE + r"(?:\s+kết\s+luận)?\s+số(?=\s+(?:của|ngày|về|do|năm)\b)")
# An appendix's caption names the document it is attached to: this one.
_ATTACHED_NUMBER = lazy_compile(r"kèm\s+theo\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*$", re.IGNORECASE)
_ATTACHED_DATE = lazy_compile(r"kèm\s+theo\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+số\s*:?\s*[^\s,;()]*\s*$",
                            re.IGNORECASE)


def _own_number(text: str, number: str | None) -> str | None:
    """'số /QĐ-UBND → số 2979/QĐ-UBND' when the header's number has the same symbol."""
    if not number or not number.strip() or not number.strip()[0].isdigit():
        return None
    symbol = text.rsplit("/", 1)[-1].strip()
    if number.rsplit("/", 1)[-1].strip() != symbol:
        return None
    return f"{text} → {text.split(':')[0].split('/')[0].rstrip(' .…_').split(' ')[0]} {number.strip()}"


def _blank_parts(day: int | None, month: int | None, year: int | None) -> tuple[str, str]:
    parts = [(vi, en) for value, vi, en in ((day, "ngày", "the day"), (month, "tháng", "the month"),
                                            (year, "năm", "the year")) if value is None]
    if len(parts) == 3 or not parts:
        return "ngày tháng", "the date"
    return ", ".join(p[0] for p in parts), " and ".join(p[1] for p in parts)
