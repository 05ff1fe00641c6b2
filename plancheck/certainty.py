"""How sure a reading is: the assumptions a statement or a finding rests on.

A figure check is only as sure as the reading of the figures it compares. The extractors
record on each statement what they had to assume to read it (the figures are paired only by
their place in a sentence; the list names every part; this total is the share's base …), a
check adds what its verdict needs (a sum that falls short needs the list to be complete), and
the engine sets the finding's severity from that one list, the same way for every rule:

- nothing assumed: the rule's own severity;
- one assumption: at most a warning, whose message says what was assumed;
- two or more: nothing is reported — a finding that rests on two guesses is a guess. On a
  page that is not an administrative document (one-subject), a reading must be otherwise sure
  to be reported at all.

A leaf module: models, extractors, checks and the engine import it; it imports nothing of
plancheck's.
"""
from __future__ import annotations

from enum import Enum


class Assumption(str, Enum):
    paired = "paired"            # figures paired by their place in a sentence, no word ties them
    complete = "complete"        # the list names every part of the whole
    siblings = "siblings"        # the parts are of one level, none inside another, none overlapping
    base = "base"                # the total nearby is the base of the share
    list_bounds = "list-bounds"  # where the list starts and ends, and where its items split
    items = "items"              # each item of the list names one counted thing, not a description
    approximate = "approximate"  # a figure given as "hơn", "gần", "khoảng" read as near its value
    one_list = "one-list"        # numbered items read as one list (not two lists, nor a quotation)
    own_text = "own-text"        # the document's own words, not a quotation of another text
    aligned = "aligned"          # a table's figures stand in the columns they are read in
    one_subject = "one-subject"  # a web page's sentence speaks of one subject at one time
    document = "document"        # a text of no named kind numbers its own clauses like a document
    rounded = "rounded"          # a result is rounded, not cut off (401 for 401,81 is cut off)

    def localize(self, lang: str) -> str:
        return _TEXTS[self][0 if lang == "vi" else 1]


_TEXTS = {
    Assumption.paired: ("các số được ghép theo vị trí trong câu, không có từ nối rõ ràng",
                        "the figures are paired by their place in the sentence, no word ties them"),
    Assumption.complete: ("danh sách nêu đủ mọi thành phần",
                          "the list names every part"),
    Assumption.siblings: ("các thành phần cùng cấp, không lồng hay trùng nhau",
                          "the parts are of one level, none inside or overlapping another"),
    Assumption.base: ("tổng nêu gần đó là gốc của tỷ lệ",
                      "the total stated nearby is the share's base"),
    Assumption.list_bounds: ("ranh giới và cách tách các mục của danh sách",
                             "where the list ends and how its items split"),
    Assumption.items: ("mỗi mục của danh sách là một đối tượng được đếm, không phải lời mô tả",
                       "each item of the list names one counted thing, not a description"),
    Assumption.approximate: ("số ước lượng (hơn, gần, khoảng) được đọc sát giá trị ghi",
                             "an approximate figure (hơn, gần, khoảng) read near its value"),
    Assumption.one_list: ("các mục đánh số thuộc cùng một danh sách",
                          "the numbered items belong to one list"),
    Assumption.own_text: ("đây là lời văn của chính văn bản, không phải trích dẫn",
                          "this is the document's own text, not a quotation"),
    Assumption.aligned: ("các số của bảng nằm đúng cột (bảng có ô trống giữa các số)",
                         "the table's figures stand in their columns (the table has empty cells among them)"),
    Assumption.one_subject: ("các số của câu (trên trang không phải văn bản hành chính) nói về cùng một "
                             "đối tượng, cùng thời điểm",
                             "the sentence's figures (on a page that is not an administrative document) are "
                             "of one subject at one time"),
    Assumption.document: ("văn bản (chưa rõ loại) tự đánh số điều khoản của mình như một văn bản hành chính",
                          "the text (of no named kind) numbers its own clauses as an administrative document does"),
    Assumption.rounded: ("kết quả được làm tròn, không phải cắt bớt chữ số (401 cho 401,81 là cắt bớt)",
                         "the result is rounded, not cut off (401 for 401,81 is cut off)"),
}


# Qualifiers that make a figure an estimate or a bound whose width the text does not give
# ("hơn 1.000" may be 1.300); the interval a reader gives them is a convention, not the text's.
_APPROXIMATE = frozenset({"hơn", "gần", "khoảng", "xấp xỉ", "chừng", "ước", "ước tính", "trên", "dưới",
                          "gần như", "chưa đến", "ngoài", "không quá", "tối đa", "tối thiểu", "ít nhất"})


def approximate(values) -> tuple[Assumption, ...]:
    """(Assumption.approximate,) when one of the values is a round figure qualified as approximate:
    "hơn 1.000", "khoảng 6%" — not "khoảng 618.594", whose six digits are read as written."""
    for v in values:
        q = (getattr(v, "qualifier", None) or "").casefold().strip()
        if q and (q in _APPROXIMATE or q.split()[0] in _APPROXIMATE) and _round(v):
            return (Assumption.approximate,)
    return ()


def _round(v) -> bool:
    """Whether the number written has at most two significant digits (1.000, 200.000, 6)."""
    point = getattr(v, "point", None)
    if point is None:   # "hơn 618.594" is read as (618.594, ∞): the number written is its finite end
        point = next((b for b in (getattr(v, "lo", None), getattr(v, "hi", None))
                      if b is not None and b.is_finite()), None)
        if point is None:
            return True
    digits = format(abs(point), "f").split(".")[0].lstrip("0") + format(abs(point), "f").partition(".")[2]
    return len(digits.strip("0")) <= 2


def severity_for(severity: str, assumptions) -> str | None:
    """The severity a finding gets from its rule's severity and what it rests on; None: not reported."""
    n = len(set(assumptions))
    if n == 0:
        return severity
    if n >= 2:
        return None
    return "warning" if severity == "error" else severity


def assumed_note(assumptions, lang: str) -> str:
    """The words a message ends with to say what it assumed: " (giả định: …)"."""
    if not assumptions:
        return ""
    said = "; ".join(_said(a, lang) for a in dict.fromkeys(assumptions))
    return f" (giả định: {said})" if lang == "vi" else f" (assuming {said})"


def _said(value: str, lang: str) -> str:
    try:
        return Assumption(value).localize(lang)
    except ValueError:   # a rule pack's own check may name an assumption of its own: say it as given
        return value
