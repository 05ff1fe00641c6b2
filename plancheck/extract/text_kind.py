"""What a text is: an administrative document (and which), a legal Q&A article, an
encyclopedia page or a news item. The form rules apply to administrative documents only.

Read from cues a reader uses at a glance: a web encyclopedia's edit links and archive
notes; a document's own number and type in its header; a web article's heading, asked
as a question or not. A text with none of these (a draft's excerpt) is "unknown" and
checked as a document.
"""
from __future__ import annotations

import re

from ..lexicon import KIND_BY_CODE, KIND_BY_TYPE_WORD, MOTTO, number_code
from ..models import TextKind
from ..models.document import Document, Header
from ..lazyre import lazy_compile

_LOOK_LINES = 80   # a header lies within the first lines, after a web page's site text
# Searched in the text in lower case, each branch opening on a letter, so that the engine skips to
# the letters that can start one (a pattern that ignores case tries every branch at every character).
_ENCYCLOPEDIA = lazy_compile(r"\[\s*sửa\s*\|\s*sửa mã nguồn\s*\]|s(?<!\ws)ửa mã nguồn\b|lưu trữ bản gốc|truy cập ngày|"
                           r"bách khoa toàn thư mở")
_GROUNDS = lazy_compile(r"^\W*Căn cứ\b", re.IGNORECASE | re.MULTILINE)   # the preamble of an act
_ARTICLE_TITLE = lazy_compile(r"^#\s+(?P<title>.+)$")
_QUESTION = lazy_compile(r"\?|\b(?:không|nào|gì|bao nhiêu|bao lâu|ra sao|thế nào|như thế nào|có được|ai)\s*$",
                       re.IGNORECASE)
_ARTICLE_CUES = lazy_compile(r"\bNội dung chính\b|\bChuyên viên pháp lý\b|\bCăn cứ pháp lý\b", re.IGNORECASE)


def classify(document: Document, header: Header) -> TextKind:
    lines = document.lines
    head = "\n".join(lines[:_LOOK_LINES])
    motto = MOTTO.search(head) is not None
    if len(_ENCYCLOPEDIA.findall("\n".join(lines).lower())) >= 2:
        return TextKind.encyclopedia
    number = header.number
    code = number_code(number)
    if code in KIND_BY_CODE:
        return TextKind(KIND_BY_CODE[code])
    if header.doc_type and (number or header.issuer or motto or _GROUNDS.search(head)):
        word = " ".join(header.doc_type.split()).casefold()
        return TextKind(KIND_BY_TYPE_WORD.get(word, "other-document"))
    if number:   # "Số: 123/UBND-KT": a letter's number names its issuer only
        return TextKind.letter if code is None else TextKind.other_document
    title = next((m.group("title") for line in lines[:5] if (m := _ARTICLE_TITLE.match(line.strip()))), None)
    if title is not None and not motto:
        if _QUESTION.search(title.strip()):
            return TextKind.qa_article
        if _ARTICLE_CUES.search(head):
            return TextKind.news
        return TextKind.encyclopedia if len(title.split()) <= 6 else TextKind.news
    if motto:
        return TextKind.other_document
    return TextKind.unknown
