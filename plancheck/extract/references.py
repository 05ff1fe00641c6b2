"""Citations: of other documents, and of parts of this one.

External: "Nghị quyết số 39/2020/NQ-HĐND ngày 13 tháng 12 năm 2020 của Hội đồng
nhân dân", party documents "11-NQ/TW", "Nghị quyết 06/NQ-TU" (without "số"),
laws cited by name and date ("Luật Tổ chức chính quyền địa phương ngày 19 tháng
6 năm 2015") or by name and number ("Luật Đầu tư số 61/2020/QH14").
Internal: "khoản 2 Điều 1", "Như Điều 3", "Điều này", "Phụ lục số 01",
"điểm a khoản 1 Điều 2"; a part followed by another document ("khoản 2 Điều 8
của Nghị định số 272/2025/NĐ-CP", "Điều 12 Luật Di sản văn hóa") cites that
document. One Reference per citation; lists ("Điều 4, 5 và 6") give one per item.

Numbers and symbols are kept as written (a missing hyphen or a Cyrillic letter
is for a rule to report); the type word is given in its standard spelling.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..dates import DateMention, find_dates
from ..lexicon import DOCUMENT_TYPES
from ..models.document import Cell, Document, Paragraph, Reference, Table
from ..models.location import Location
from ..lazyre import lazy_compile

_Locate = Callable[[int], Location]

__all__ = ["extract_references"]

# -- document types -------------------------------------------------------------------
_TYPES = DOCUMENT_TYPES
_STANDARD_TYPE = {t.casefold(): t for t in _TYPES}
_TYPE = r"(?:" + "|".join(t.replace(" ", r"\s+") for t in _TYPES) + r")"
_NAMED_TYPES = r"(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Hiến\s+pháp)"  # cited by name, not only by number
_NAMED_TYPE_CUES = ("uật", "lệnh", "pháp")   # one of these is in every _NAMED_TYPES word
_NAMED_TYPE_CUE = lazy_compile("|".join(_NAMED_TYPE_CUES))

# -- document numbers -------------------------------------------------------------------
# A symbol's parts: "NQ-HĐND", "NĐ-CP", "QH15", "SNV-XDCQ&TCBC"; a stray space beside
# a hyphen ("TTr -STP", "NĐ- CP") is kept, a spaced dash (" - ") ends the symbol.
_SEGMENT = r"[^\W\d_][\w&]*"
_SYMBOL = rf"{_SEGMENT}(?:(?:-[ \t]?|[ \t]-)[\w&]+)*"
_NUMBER = lazy_compile(
    r"(?<![\w/.…_-])(?P<number>"
    rf"(?P<party_n>[0-9]{{1,5}})-(?P<party_symbol>{_SEGMENT}/{_SEGMENT})"            # 11-NQ/TW
    # 39/2020/NQ-HĐND; a draft's blank number ("số     /QĐ-UBND") starts at its slash
    rf"|(?P<n>[0-9]{{1,5}}+[a-zđ]?[ \t]*+|[.…_]++[ \t]*+|)(?:/(?P<year>[0-9]{{4}}))?/(?P<symbol>{_SYMBOL})"
    r")(?![\w/])"
)
_BEFORE_NUMBER = lazy_compile(rf"(?P<type>{_TYPE})?[ \t]*:?[ \t]*(?P<so>(?<!\w)số\b)?[ \t]*:?[ \t]*$", re.IGNORECASE)
_NAMED_BEFORE = lazy_compile(rf"(?<!\w)(?P<type>{_NAMED_TYPES})[ \t]+[^;:()\n]{{1,100}}?[ \t]+số[ \t]*$")
_HEADER_NUMBER = lazy_compile(r"(?:^|\n)[ \t]*Số[ \t]*:?[ \t]*$")   # "Số: 252/NQ-HĐND" heads the document
_LIST_GAP = lazy_compile(r"^[ \t]*(?:[,;]|và|hoặc)?[ \t]*(?:số[ \t]*:?)?[ \t]*$", re.IGNORECASE)

# -- what follows a number ----------------------------------------------------------------
_DATE_GAP = lazy_compile(r"[ \t,]*(?=ngày)", re.IGNORECASE)
_OF = lazy_compile(r"[ \t,]*của[ \t]+", re.IGNORECASE)
# Lower-case words that occur inside the names of issuing bodies ("Ủy ban nhân dân
# tỉnh", "Bộ Chính trị", "Bộ Kế hoạch và Đầu tư", "Hội nghị lần thứ tám Ban Chấp
# hành Trung ương khóa XIII"); any other lower-case word ends the name.
_ISSUER_WORDS = frozenset(
    "nhân dân tỉnh thành phố huyện xã phường quận thị trấn ban hành vụ chấp thường trực trưởng chủ nhiệm "
    "tịch các lần thứ khóa khoá đảng bộ ủy uỷ nghị chính phủ quốc hội trung ương đồng tướng trị pháp tế "
    "sách hoạch tư dựng dục động binh hóa hoá thao lịch nguyên trường nghiệp triển thôn học nghệ tin thông "
    "phòng an kiểm toán sát án nước nhất hai ba bốn năm sáu bảy tám chín mười".split()
)
# A verb or title after the name: "... của Ủy ban nhân dân tỉnh ban hành ...",
# "... của Chính phủ Sửa đổi, bổ sung ..." (a title run on).
_ISSUER_STOPS = frozenset({("ban", "hành"), ("sửa", "đổi"), ("quy", "định"), ("hướng", "dẫn"), ("phê", "duyệt"),
                           ("bãi", "bỏ"), ("công", "bố"), ("về", "việc")})
_ISSUER_STOP_WORDS = frozenset({"về", "tại", "theo", "trên"})
_ISSUER_TRAILING = frozenset({"các", "lần", "thứ", "và"})
_MAX_ISSUER_WORDS = 14

# -- laws cited by name and date -------------------------------------------------------------
_LAW = lazy_compile(rf"(?<!\w)(?P<type>{_NAMED_TYPES})(?=[ \t]+\S)")
_LAW_NAME_END = lazy_compile(r"[ \t]+(?=(?:ngày|năm)[ \t]+\S)", re.IGNORECASE)
_MAX_LAW_NAME = 160

# -- parts of a document ------------------------------------------------------------------------
_VALUE = {
    "điểm": r"[a-zđ](?!\w)",
    "khoản": r"[0-9]{1,3}[a-zđ]?(?!\w)",
    "Điều": r"[0-9]{1,3}[a-zđ]?(?!\w)",
    "Mục": r"(?:[0-9]{1,2}|[IVXLC]+)(?!\w)",
    "Chương": r"(?:[IVXLC]+|[0-9]{1,2})(?!\w)",
    "Phụ lục": r"(?:số[ \t]+)?(?:[0-9]{1,3}[a-zđ]?|[IVXLC]+|[A-Z])(?!\w)",
}
_UNIT = lazy_compile(
    r"(?<!\w)(?P<unit>[Đđ]iểm|[Kk]hoản|Điều|ĐIỀU|Chương|CHƯƠNG|(?<!anh )(?<!ANH )(?:Mục|MỤC)"
    r"|(?<!iểu )(?<!IỂU )(?:[Pp]hụ[ \t]+lục|PHỤ[ \t]+LỤC))(?!\w)"
)
_UNIT_CUES = ("iểm", "hoản", "Điều", "ĐIỀU", "hương", "HƯƠNG", "Mục", "MỤC", "lục", "LỤC")   # in every _UNIT word
_UNIT_CUE = lazy_compile("|".join(_UNIT_CUES))
_OUTER = {"điểm": 0, "khoản": 1, "Điều": 2, "Mục": 3, "Chương": 4, "Phụ lục": 5}
_SEPARATOR = r"[ \t]*(?:,|và|hoặc|đến)[ \t]*"
_FIRST_VALUE = {unit: re.compile(rf"[ \t]+(?P<value>{value})") for unit, value in _VALUE.items()}
_NEXT_VALUE = {  # "Điều 4, 5 và 6", "điểm b và điểm c"
    unit: re.compile(_SEPARATOR + r"(?:" + unit.replace(" ", r"[ \t]+") + rf"[ \t]+)?(?P<value>{value})")
    for unit, value in _VALUE.items()
}
_THIS = lazy_compile(r"[ \t]+này(?!\w)")
_THIS_DOCUMENT = lazy_compile(rf"(?:{_TYPE})[ \t]+này(?!\w)", re.IGNORECASE)
_TYPE_AHEAD = lazy_compile(rf"(?P<type>{_TYPE})(?!\w)")
_TYPE_WORD = lazy_compile(rf"(?:{_TYPE})(?!\w)")
_OWNER_LINK = lazy_compile(r"[ \t,]*(?:(?:ban[ \t]+hành[ \t]+)?kèm[ \t]+theo|đính[ \t]+kèm|của|tại|thuộc)?[ \t]*",
                         re.IGNORECASE)
_UNNUMBERED_APPENDIX = lazy_compile(r"[ \t]+(?:(?:ban[ \t]+hành[ \t]+)?kèm[ \t]+theo|đính[ \t]+kèm|này)(?!\w)",
                                  re.IGNORECASE)
_CHAIN_GAP = lazy_compile(r"^\s*(?:,|;|và|hoặc)(?:\s*(?:và|hoặc))?\s*$")   # "Điều 7; điểm đ khoản 2 Điều 11 và …"
_HEADING_AFTER = lazy_compile(r"[ \t]*(?:[.:]|$)")


def _unit_name(word: str) -> str:
    folded = " ".join(word.casefold().split())
    return {"điểm": "điểm", "khoản": "khoản", "điều": "Điều", "mục": "Mục", "chương": "Chương",
            "phụ lục": "Phụ lục"}[folded]


@dataclass
class _Doc:
    """A document cited in a piece of text."""

    start: int
    end: int
    doc_type: str | None
    number: str | None = None
    symbol: str | None = None
    year: int | None = None
    date: DateMention | None = None
    issuer: str | None = None
    number_start: int | None = None   # where the number is written: what a finding on it points at


@dataclass
class _Chain:
    """'điểm a khoản 1 Điều 2': units from the innermost out, each with its values."""

    start: int
    end: int
    units: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)  # (unit, [(value, offset)])
    this: bool = False                 # "Điều này"
    owner: _Doc | None = None
    next_to_owner: bool = False        # the owner's citation follows this chain (not a later one)
    owner_type: str | None = None      # a type named without a number: "của Nghị định", "Luật Di sản văn hóa"
    internal: bool = True


class _Spans:
    """The stretches of text documents' citations cover, for quick lookups."""

    def __init__(self, docs: list[_Doc]) -> None:
        self.starts = [d.start for d in docs]
        self.ends = [d.end for d in docs]

    def add(self, doc: _Doc) -> None:
        i = bisect_right(self.starts, doc.start)
        self.starts.insert(i, doc.start)
        self.ends.insert(i, doc.end)

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


# -- documents -----------------------------------------------------------------------------
def _documents(text: str) -> list[_Doc]:
    docs: list[_Doc] = []
    for m in _NUMBER.finditer(text):
        doc = _document_at(text, m, docs[-1] if docs else None)
        if doc:
            docs.append(doc)
    return docs


def _document_at(text: str, m: re.Match[str], previous: _Doc | None) -> _Doc | None:
    symbol = m.group("party_symbol") or m.group("symbol")
    if not symbol[0].isupper():
        return None  # "đồng/người": a unit, not a document
    before_start = max(0, m.start() - 120)
    doc_type, start, said_number = _cited_as(text[before_start:m.start()], before_start)
    if start is None:
        return None  # the document's own "Số: 252/NQ-HĐND"
    if doc_type is None and previous is not None and _LIST_GAP.match(text[previous.end:m.start()]):
        doc_type = previous.doc_type  # "các Văn bản: số 4104/..., số 5786/..."
    elif doc_type is None and not said_number:
        return None  # a bare number outside a list: site text, a table's "Số hiệu"
    blank = not (m.group("party_n") or m.group("n") or "").strip(".…_ \t")
    if blank and not said_number:
        return None
    number = "".join(m.group("number").split()) if blank else m.group("number").rstrip(".")
    doc = _Doc(start=start, end=m.end(), doc_type=doc_type,
               number=number, symbol=symbol.rstrip("."), year=int(m.group("year")) if m.group("year") else None,
               number_start=m.start("number"))
    _read_date_and_issuer(text, doc)
    return doc


def _cited_as(before: str, offset: int) -> tuple[str | None, int | None, bool]:
    """What the words before a number say: its type ("Nghị quyết số", "Luật Đầu
    tư số"), where the citation starts (None for a header's "Số:"), and whether a
    type or "số" announced the number."""
    prefix = _BEFORE_NUMBER.search(before)
    typed, so = (prefix.group("type"), prefix.group("so")) if prefix else (None, None)
    if not typed and _HEADER_NUMBER.search(before):
        return None, None, False
    # A law is cited by its name before "số"; "pháp luật số" is the end of such a name.
    if so and (not typed or typed[0].islower()):
        named = _NAMED_BEFORE.search(before[:prefix.end()])  # type: ignore[union-attr]
        if named:
            return _standard_type(named.group("type")), offset + named.start(), True
    if typed:
        return _standard_type(typed), offset + prefix.start(), True  # type: ignore[union-attr]
    if so:
        return None, offset + prefix.start("so"), True  # type: ignore[union-attr]
    return None, offset + len(before), False


def _standard_type(word: str) -> str:
    return _STANDARD_TYPE.get(" ".join(word.casefold().split()), " ".join(word.split()))


def _read_date_and_issuer(text: str, doc: _Doc) -> None:
    gap = _DATE_GAP.match(text, doc.end)
    if gap:
        dates = find_dates(text[gap.end():gap.end() + 60])
        if dates and dates[0].start == 0 and dates[0].kind in ("full", "numeric"):
            doc.date = dates[0]
            doc.end = gap.end() + dates[0].end
    of = _OF.match(text, doc.end)
    if of:
        issuer, end = _issuer(text, of.end())
        if issuer:
            doc.issuer, doc.end = issuer, end


def _issuer(text: str, start: int) -> tuple[str | None, int]:
    """'Ủy ban nhân dân tỉnh', 'Ban Chấp hành Trung ương Đảng', 'Thủ tướng Chính phủ':
    capitalised words and the few lower-case words names of bodies use."""
    tokens = [t for t in re.finditer(r"[^\s,;:()]+|[,;:()]", text[start:start + 200])][:_MAX_ISSUER_WORDS + 1]
    taken: list[re.Match[str]] = []
    for token, following in zip(tokens, [t.group() for t in tokens[1:]] + [""]):
        if not _issuer_word(token.group(), following, bool(taken)):
            break
        taken.append(token)
    while taken and (taken[-1].group().casefold() in _ISSUER_TRAILING or taken[-1].group() in "-–"):
        taken.pop()
    if not taken:
        return None, start
    end = start + taken[-1].end()
    while end > start + taken[-1].start() + 1 and text[end - 1] == ".":  # the full stop, or "./."
        end -= 1
    return " ".join(text[start + taken[0].start():end].split()), end


def _issuer_word(word: str, following: str, started: bool) -> bool:
    if started and ((word.casefold(), following.casefold()) in _ISSUER_STOPS
                    or word.casefold() in _ISSUER_STOP_WORDS):
        return False
    if word[0].isupper():
        return not _TYPE_WORD.match(f"{word} {following}")  # "... và Nghị quyết số": the next citation
    if word in ("-", "–", "và"):
        return started and following[:1].isupper()  # "Kinh tế - Ngân sách", "Kế hoạch và Đầu tư"
    return word.casefold().rstrip(".") in _ISSUER_WORDS


# -- laws by name and date -------------------------------------------------------------------
def _laws(text: str, cited: _Spans) -> list[_Doc]:
    laws: list[_Doc] = []
    for m in _LAW.finditer(text):
        if cited.covers(m.start()):
            continue
        law = _law_at(text, m)
        if law:
            laws.append(law)
            cited.add(law)
    return laws


def _law_at(text: str, m: re.Match[str]) -> _Doc | None:
    if _THIS.match(text, m.end()):
        return None   # "Luật này có hiệu lực từ ngày 01 tháng 3 năm 2026": the document itself, no law it cites
    window = text[m.end():m.end() + _MAX_LAW_NAME]
    stop = re.search(r"[;:()\n]|\.(?:\s|$)|(?<!\w)số[ \t]+[0-9]", window)
    name_end = _LAW_NAME_END.search(window, 0, stop.start() if stop else len(window))
    if not name_end:
        return None
    date_at = m.end() + name_end.end()
    dates = find_dates(text[date_at:date_at + 60])
    if not dates or dates[0].start != 0 or dates[0].kind not in ("full", "numeric", "year"):
        return None
    doc = _Doc(start=m.start(), end=date_at + dates[0].end, doc_type=_standard_type(m.group("type")),
               date=dates[0])
    of = _OF.match(text, doc.end)
    if of:
        issuer, end = _issuer(text, of.end())
        if issuer:
            doc.issuer, doc.end = issuer, end
    return doc


# -- parts of a document ------------------------------------------------------------------------
def _chains(text: str, heading_end: int, cited: _Spans) -> list[_Chain]:
    """The parts cited, outside the documents' own citations; not a label that
    starts the paragraph at ``heading_end``."""
    chains: list[_Chain] = []
    position = 0
    for m in _UNIT.finditer(text):
        if m.start() < position or cited.covers(m.start()):
            continue
        chain = _chain_at(text, m.start())
        if chain is None:
            continue
        position = chain.end
        if chain.start == heading_end and _is_heading(text, chain):
            continue  # "Điều 1. ...", "PHỤ LỤC 01": a label, not a citation
        chains.append(chain)
    return chains


def _chain_at(text: str, start: int) -> _Chain | None:
    chain = _Chain(start=start, end=start)
    position, last_rank = start, -1
    while True:
        m = _UNIT.match(text, position)
        if not m:
            break
        unit = _unit_name(m.group("unit"))
        if _OUTER[unit] <= last_rank:
            break
        values, end, this = _values(text, m.end(), unit)
        if not values and not this:
            break
        chain.units.append((unit, values))
        chain.end, chain.this, last_rank = end, this, _OUTER[unit]
        if this:
            break
        gap = re.match(r"[ \t]+(?:của[ \t]+)?", text[end:end + 10])
        position = end + (gap.end() if gap else 0)
    return chain if chain.units else None


def _values(text: str, position: int, unit: str) -> tuple[list[tuple[str, int]], int, bool]:
    """The values after a unit word: '4, 5 và 6', 'số 01', or 'này'."""
    this = _THIS.match(text, position)
    if this:
        return [], this.end(), True
    values: list[tuple[str, int]] = []
    m = _FIRST_VALUE[unit].match(text, position)
    while m:
        values.append((m.group("value"), m.start("value")))
        position = m.end()
        m = _NEXT_VALUE[unit].match(text, position)
    if not values and unit == "Phụ lục":
        unnumbered = _UNNUMBERED_APPENDIX.match(text, position)
        if unnumbered:
            return [("", position)], position, unnumbered.group().strip().casefold() == "này"
    return values, position, False


def _is_heading(text: str, chain: _Chain) -> bool:
    """A label at the start of its paragraph: "Điều 1." or "PHỤ LỤC 01" followed by its title."""
    if len(chain.units) != 1 or chain.units[0][0] == "điểm" or chain.units[0][0] == "khoản":
        return False
    if _HEADING_AFTER.match(text, chain.end):
        return True
    rest = text[chain.end:chain.end + 20].lstrip(" \t*")
    return chain.units[0][0] != "Điều" and (not rest or rest[0].isupper() or rest[0] in "(–-")


def _assign_owners(text: str, chains: list[_Chain], docs: list[_Doc]) -> set[int]:
    """Whose parts the chains cite; the ids of the documents a chain took over.
    Read right to left, so that a list ("khoản 3 Điều 4, khoản 3 Điều 5 của Nghị
    định số ...") takes the owner of its last item."""
    starts = {d.start: d for d in docs}
    absorbed: set[int] = set()
    following: _Chain | None = None
    for chain in reversed(chains):
        link = _OWNER_LINK.match(text, chain.end)
        after = link.end() if link else chain.end
        doc = starts.get(after)
        named = _TYPE_AHEAD.match(text, after)
        if chain.this or _THIS_DOCUMENT.match(text, after):
            chain.internal = True  # "Điều này", "Điều 90 Nghị định này"
        elif doc is not None:
            chain.owner, chain.internal, chain.next_to_owner = doc, False, True
            absorbed.add(id(doc))
        elif named:
            chain.owner_type, chain.internal = _standard_type(named.group("type")), False
        elif following is not None and _CHAIN_GAP.match(text[chain.end:following.start]):
            chain.owner, chain.owner_type, chain.internal = following.owner, following.owner_type, following.internal
        following = chain
    return absorbed


def _target_part(unit: str, value: str) -> str:
    """'Phụ lục 01' for "phụ lục số 01": the unit's standard word and the value alone."""
    value = re.sub(r"^số[ \t]+", "", value)
    return f"{unit} {value}".strip()


# -- references ------------------------------------------------------------------------------
def _document_reference(text: str, doc: _Doc, locate: _Locate) -> Reference:
    return Reference(
        text=" ".join(text[doc.start:doc.end].split()), location=locate(doc.start), internal=False,
        doc_type=doc.doc_type, number=doc.number, symbol=doc.symbol, year_in_number=doc.year,
        number_location=locate(doc.number_start) if doc.number_start is not None else None,
        issuer=doc.issuer, date_text=" ".join(doc.date.text.split()) if doc.date else None,
        date=doc.date.date if doc.date else None,
    )


def _chain_references(text: str, chain: _Chain, locate: _Locate) -> list[Reference]:
    """One reference per value of the innermost unit ("Điều 4, 5 và 6": three);
    the first carries the whole citation as its text, the others their value."""
    inner_unit, inner_values = chain.units[0]
    outer = [_target_part(unit, values[0][0] if values else "") for unit, values in chain.units[1:]]
    suffix = outer + (["này"] if chain.this else [])
    owner = _document_reference(text, chain.owner, locate) if chain.owner else None
    end = chain.owner.end if chain.owner and chain.next_to_owner else chain.end
    references = []
    for i, (value, offset) in enumerate(inner_values or [("", chain.start)]):
        start, until = (chain.start, end) if i == 0 else (offset, offset + len(value))
        reference = Reference(
            text=" ".join(text[start:until].split()), location=locate(start), internal=chain.internal,
            target=" ".join([_target_part(inner_unit, value)] + suffix),
            doc_type=owner.doc_type if owner else chain.owner_type,
        )
        if owner:
            reference = dataclasses.replace(
                reference, number=owner.number, symbol=owner.symbol, year_in_number=owner.year_in_number,
                number_location=owner.number_location, issuer=owner.issuer, date_text=owner.date_text,
                date=owner.date)
        references.append(reference)
    return references


def _references_in(text: str, locate: _Locate) -> list[tuple[int, Reference]]:
    plain = text.replace("*", " ").replace("\n", " ")  # same length: offsets still locate
    # each reader runs only on text holding what its pattern needs: a slash for a number, a
    # named type's word for a law, a unit's word for the parts of a document (one search of a
    # cue pattern each: most pieces hold none, and are done with here)
    slash = "/" in plain
    law = _NAMED_TYPE_CUE.search(plain) is not None
    unit = _UNIT_CUE.search(plain) is not None
    if not (slash or law or unit):
        return []
    docs = _documents(plain) if slash else []
    cited = _Spans(docs)
    laws = _laws(plain, cited) if law else []
    if unit:
        heading_end = len(plain) - len(plain.lstrip(" \t-–+•“\"#>_"))
        chains = _chains(plain, heading_end, cited)
    else:
        chains = []
    if not docs and not laws and not chains:
        return []
    absorbed = _assign_owners(plain, chains, docs + laws)
    found = [(d.start, _document_reference(plain, d, locate)) for d in docs + laws if id(d) not in absorbed]
    for chain in chains:
        found += [(chain.start, r) for r in _chain_references(plain, chain, locate)]
    return found


def _pieces(document: Document) -> Iterator[Paragraph | Cell]:
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield cell
        else:
            yield block


def extract_references(document: Document) -> list[Reference]:
    """Every citation in the document's paragraphs and table cells, in reading order."""
    references: list[Reference] = []
    for piece in _pieces(document):
        if piece.text:
            found = _references_in(piece.text, piece.locate)
            references += [r for _, r in sorted(found, key=lambda pair: pair[0])]
    return references
