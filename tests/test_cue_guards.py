"""Cheap tests asked before costly patterns (issue 24: a pattern that ignores case, or opens on
an anchor or a lookbehind, is tried at every character). A guard may only skip what its pattern
would not have found: on text built from the cue words in every case, the guarded reading is the
pattern's own."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck import dates
from plancheck.checks import placeholders
from plancheck.extract import clauses, figures, header, lists, prose, statements, text_kind
from plancheck.extract.grammar import counts, cues
from plancheck.models.document import Paragraph

_WORDS = ["trong đó", "Trong đó", "TRONG ĐÓ", "cơ cấu", "Cơ cấu kinh tế", "này", "NÀY", "Nghị quyết", "được",
          "Số", "Số:", "số", "12/QĐ-UBND", "năm", "Năm", "Điều", "lần thứ", "tổng số", "#", ":", " : ", "gồm",
          "sau đây", "như sau", "theo Điều 5 Luật Đất đai", "tăng", "2 3,45", "%", ".", ";", " - ", "km.Đường",
          "TP.Hồ", "USD.Tổng", "sửa mã nguồn", "[sửa | sửa mã nguồn]", "Truy cập ngày", "Bách khoa toàn thư mở",
          "\n", " ", "  ", "*", "“", "_", "1.200", "45", "x", "ha", "gồm", "có 5", "chỉ tiêu", "Nhiệm vụ", "2021",
          "-", "–", "2025", "giai đoạn ", "12/5/2024", "3.4", "ngày", "NGÀY", "Ngày", "[3]", "**", "__", "\\*",
          "xã", "các xã", "........", "…", "… …", "(Ký, ghi rõ họ tên)", "Họ và tên:", "aHọ tên:", "Kính gửi:",
          "NGƯỜI LÀM ĐƠN", "Mẫu số 02", "như sau:", " là ", "lô đất có ký hiệu", "/", ","]
_TEXTS = st.lists(st.sampled_from(_WORDS), max_size=12).map("".join)
_SETTINGS = settings(max_examples=400, deadline=None)


@_SETTINGS
@given(_TEXTS)
def test_guards_skip_only_what_their_pattern_would_not_find(text):
    assert figures._not_a_figure_before(text[-24:]) == bool(figures._NOT_BEFORE.search(text[-24:]))
    assert lists._announces_parts(text) == bool(lists._ANNOUNCES_PARTS.search(text))
    found = header._number_in(text)
    expected = header._NUMBER.search(text)
    assert (found and found.span()) == (expected and expected.span())
    if clauses._FOREIGN_INTRO.search(text):
        assert clauses._ENDS_ON_COLON.search(text)
    if statements._SPLIT_FIGURE.search(text):
        assert statements._SPLIT_NUMBER.search(text)
    lower = Paragraph(index=0, text=text).lower
    if prose._TRONG_DO.search(text):
        assert "trong đó" in lower
    if prose._STRUCTURE_HEAD.search(text):
        assert "cơ cấu" in lower
    if header._CLOSING.search(text):
        assert "này" in lower
    if prose._COUNT.search(text):
        assert any(w in lower for w in prose._COUNTED_WORDS)
    if placeholders._FORM_ANNOUNCED.search(text):
        assert placeholders._FORM_ANNOUNCED_END.search(text)
    if dates._PERIOD.search(text):
        assert dates._YEAR_SPAN.search(text)


# The patterns as first written, which the rewritten ones must equal.
_SENTENCE_END_FIRST = re.compile(r"\.(?=\s+[A-ZÀ-Ỹ\d(\"“*-])|\.\s*$|;\s*(?=[-+•]\s)"
                                 r"|(?:(?<=[a-zà-ỹđ\d²%)])|(?<=[A-Z]{3}))\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")
_NUMERIC_FIRST = re.compile(r"(?<![\w/.,-])(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?![0-9])"
                            r"(?:(?P=sep)(?P<year>[0-9]{4}))?(?![0-9]|[/.,-]?[^\W_])")
_MAYBE_DATE_FIRST = re.compile(r"[0-9]|ngày", re.IGNORECASE)
_NOISE_FIRST = re.compile(r"\[(?:\d{1,3}|[a-z])\]|\*+|_{2,}|\\(?=[\[\]*_])")
_COUNT_NAMED_FIRST = re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,3})\s+(?:(?P<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s*,?\s+"
    r"(?:là|gồm|bao\s+gồm)\s+các\s+(?P=unit)|(?P<plot>(?:ô|lô|thửa)\s+đất(?:\s+ở)?)\s*,?\s+có\s+ký\s+hiệu(?:\s+là)?)"
    r"\s+(?=\S)", re.IGNORECASE)
_FORM_SIGNAL_FIRST = re.compile(r"\.{8,}|…{3,}|(?:…[ \t]*){3,}|\(\s*[Kk]ý(?:\s*(?:,|và)\s*|\s+)(?:ghi\s+rõ\s+)?(?:họ\s+)?tên|"
                                r"\bHọ\s+(?:và\s+)?tên\s*(?:\*+\s*)?:|NGƯỜI\s+LÀM\s+ĐƠN|\bKính\s+gửi\s*(?:\*+\s*)?:")
_ENCYCLOPEDIA_FIRST = re.compile(r"\[\s*sửa\s*\|\s*sửa mã nguồn\s*\]|\bsửa mã nguồn\b|Lưu trữ bản gốc|Truy cập ngày|"
                                 r"Bách khoa toàn thư mở", re.IGNORECASE)


@_SETTINGS
@given(_TEXTS)
def test_patterns_rewritten_to_open_on_a_literal_find_what_they_found(text):
    assert [m.span() for m in cues._SENTENCE_END.finditer(text)] == \
        [m.span() for m in _SENTENCE_END_FIRST.finditer(text)]
    assert len(text_kind._ENCYCLOPEDIA.findall(text.lower())) == len(_ENCYCLOPEDIA_FIRST.findall(text))
    for rewritten, first in ((dates._NUMERIC, _NUMERIC_FIRST), (figures._NOISE, _NOISE_FIRST),
                             (counts._COUNT_NAMED, _COUNT_NAMED_FIRST)):
        assert [m.groupdict() | {"at": m.span()} for m in rewritten.finditer(text)] == \
            [m.groupdict() | {"at": m.span()} for m in first.finditer(text)]
    assert bool(dates._MAYBE_DATE.search(text)) == bool(_MAYBE_DATE_FIRST.search(text))
    assert bool(placeholders._FORM_SIGNAL.search(text)) == bool(_FORM_SIGNAL_FIRST.search(text))


def test_a_paragraph_keeps_its_lower_case_text_apart_from_its_fields():
    p = Paragraph(index=3, text="Trong Đó: 45 ha")
    assert p.lower == "trong đó: 45 ha"
    assert p == Paragraph(index=3, text="Trong Đó: 45 ha")   # the cache is no field: equal, as before it was made
    assert "_lower" not in repr(p)
