"""Dates: impossible or malformed ones, weekdays, citations and deadlines out
of order with the document's own date, numbers whose year differs from their
date, and the leading zeros Nghị định 30/2020/NĐ-CP asks for.

The document's own date is the header's ("Sơn La, ngày 07 tháng 12 năm 2023"),
or the closing statement's ("... thông qua ngày 07 tháng 12 năm 2023") when the
header has none. A draft leaves it blank or partial ("ngày   tháng 01 năm
2024"): the checks then reason with the interval the written parts allow
(1-31 January 2024) and flag only what no day of it could explain.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Literal

from ..dates import DateMention, expected_form, find_dates, with_leading_zeros
from ..lexicon import parse_number, parse_whole_number
from ..text import foreign_around
from ..models.document import (
    Cell,
    Document,
    DocumentStructure,
    Paragraph,
    Reference,
    Table,
)
from ..models.location import Location
from .base import CheckKind, Hit, Params, Subject
from ..lazyre import lazy_compile

__all__ = ["DocumentDate", "Located", "date_mentions", "document_date", "plan_period"]

_WEEKDAYS_VI = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


# -- the text, and the dates in it ----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Located:
    mention: DateMention
    piece: Paragraph | Cell
    block: int

    @property
    def location(self) -> Location:
        return self.piece.locate(self.mention.start)

    def before(self, width: int) -> str:
        """The text of the piece just before the mention."""
        return self.piece.text[max(0, self.mention.start - width):self.mention.start]


def date_mentions(subject: Subject) -> list[Located]:
    """Every date mentioned in the document, found once for the rules that read them."""
    found = subject.derived.get("dates")
    if found is None:
        found = subject.derived["dates"] = _find_mentions(subject.document)
    return found


def _find_mentions(document: Document | None) -> list[Located]:
    found: list[Located] = []
    for block in document.blocks if document is not None else []:
        cells = [c for row in block.rows for c in row.cells] if isinstance(block, Table) else [block]
        for piece in cells:
            if piece.text:
                found += [Located(m, piece, block.index) for m in find_dates(piece.text)]
    return found


# -- the document's own date ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocumentDate:
    """The days the document's own date can be: one day, or the interval a
    partial date allows."""

    earliest: dt.date
    latest: dt.date
    text: str                     # as written
    source: Literal["header", "closing"]
    location: Location | None = None

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    def describe(self, lang: str) -> str:
        if self.exact:
            return _show(self.earliest)
        if self.earliest.month == self.latest.month and self.earliest.year == self.latest.year:
            month = f"{self.earliest.month:02d}/{self.earliest.year}"
            return f"tháng {month}" if lang == "vi" else f"{_MONTHS_EN[self.earliest.month]} {self.earliest.year}"
        if (self.earliest.month, self.earliest.day, self.latest.month, self.latest.day) == (1, 1, 12, 31) \
                and self.earliest.year == self.latest.year:
            return f"năm {self.earliest.year}" if lang == "vi" else f"the year {self.earliest.year}"
        return f"{_show(self.earliest)}–{_show(self.latest)}"


def _show(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _interval(mention: DateMention) -> tuple[dt.date, dt.date] | None:
    """The days a (possibly partial) date can be; None when it says nothing."""
    if mention.impossible or mention.year is None or not 1000 <= mention.year <= 2999:
        return None
    if mention.date is not None:
        return mention.date, mention.date
    year = mention.year
    if mention.month is not None:
        last = calendar.monthrange(year, mention.month)[1]
        return dt.date(year, mention.month, 1), dt.date(year, mention.month, last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def document_date(structure: DocumentStructure | None) -> DocumentDate | None:
    """The document's own date: the header's, narrowed by or else taken from the
    closing statement's; None when neither says anything usable."""
    if structure is None:
        return None
    header, closing = structure.header, structure.closing
    found: DocumentDate | None = None
    if header.date is not None:
        return DocumentDate(header.date, header.date, header.date_text or _show(header.date), "header",
                            header.date_location)
    if header.date_text:
        mentions = [m for m in find_dates(header.date_text) if m.kind in ("full", "numeric")]
        interval = _interval(mentions[0]) if mentions and not mentions[0].malformed else None
        if interval:
            found = DocumentDate(*interval, header.date_text, "header", header.date_location)
    if closing is not None and closing.date is not None:
        if found is None or found.earliest <= closing.date <= found.latest:
            return DocumentDate(closing.date, closing.date, closing.date_text or _show(closing.date), "closing",
                                closing.date_location)
    return found


def _preamble_end(structure: DocumentStructure) -> tuple[int, int] | None:
    """Where the body starts (the first clause): citations before it are the
    preamble's ("Căn cứ ...", "Xét ..."); None when the document has no clauses."""
    if not structure.clauses:
        return None
    first = structure.clauses[0].location
    return first.line, first.column


def _at(location: Location) -> tuple[int, int]:
    return location.line, location.column


# -- impossible, malformed, weekday, leading zeros -----------------------------------------------
class DateImpossible(CheckKind):
    name = "date_impossible"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "problem_vi", "problem_en", "day", "month", "year"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for found in date_mentions(subject):
            m = found.mention
            if not m.impossible or m.malformed:   # "ngày ngày 16 tháng 3": one defect, the malformed date's
                continue
            if _american(m, found.before(40)):
                continue   # "Treaty of 8/21/2000": month first, as English writes it
            if m.month is not None and not 1 <= m.month <= 12:
                vi, en = f"không có tháng {m.month}", f"there is no month {m.month}"
            elif m.day is not None and not 1 <= m.day <= 31:
                vi, en = f"không có ngày {m.day}", f"there is no day {m.day}"
            else:
                last = calendar.monthrange(m.year if m.year and 1000 <= m.year <= 2999 else 2000, m.month or 1)[1]
                year_vi = f" năm {m.year}" if m.year else ""
                year_en = f" {m.year}" if m.year else ""
                vi = f"tháng {m.month}{year_vi} chỉ có {last} ngày"
                en = f"{_MONTHS_EN[m.month or 1]}{year_en} has {last} days"
            yield Hit(location=found.location,
                      fields={"text": _squash(m.text), "problem_vi": vi, "problem_en": en,
                              "day": m.day or "", "month": m.month or "", "year": m.year or ""},
                      evidence={"day": m.day, "month": m.month, "year": m.year})


def _undoubled(text: str) -> str | None:
    """The date with a word typed twice written once ("ngày ngày 16 tháng 3 năm 2024"), when
    that reads as a well-formed date."""
    single = re.sub(r"(?<!\w)(ngày|tháng|năm)\s+\1(?!\w)", r"\1", text, flags=re.IGNORECASE)
    if single == text:
        return None
    found = find_dates(single)
    return single if len(found) == 1 and not found[0].malformed and found[0].date else None


def _american(m: DateMention, before: str) -> bool:
    """A numeric date written month first ("8/21/2000") in English words."""
    if m.kind != "numeric" or m.month is None or m.day is None or not 12 < m.month <= 31 or not 1 <= m.day <= 12:
        return False
    words = re.findall(r"[^\W\d_]+", before)[-4:]
    return len(words) >= 2 and all(w.isascii() for w in words) and not any(
        w.casefold() in ("ngay", "thang", "nam") for w in words)


_EARLY_YEAR = lazy_compile(r"năm\s+[0-9]{1,3}\s*$", re.IGNORECASE)


class DateMalformed(CheckKind):
    name = "date_malformed"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "expected", "problem_vi", "problem_en"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        kind = subject.plan.document.text_kind
        ancient = kind is not None and not kind.administrative   # a history page's "năm 1", "năm 189"
        for found in date_mentions(subject):
            m = found.mention
            if not m.malformed or (ancient and _EARLY_YEAR.search(m.text)):
                continue
            if m.kind == "period" and found.piece is not None and foreign_around(found.piece.text, m.start):
                continue   # "1998 - 1997 World Motor Vehicle Production …": an English title's years
            text = _squash(m.text)
            if m.kind == "period":
                expected = ""
                if m.end_year and m.year and m.end_year < m.year:
                    expected = re.sub(r"([0-9]{4})(\s*[-–—]\s*)([0-9]{4})", r"\3\2\1", text)
                vi = "năm cuối không sau năm đầu của giai đoạn"
                en = "the period's last year is not after its first"
            else:
                expected = _undoubled(text) or expected_form(m) or ""
                vi = "các chữ ngày/tháng/năm bị lặp, thiếu hoặc sai thứ tự"
                en = "the words ngày/tháng/năm are repeated, missing or out of order"
            yield Hit(location=found.location,
                      fields={"text": text, "expected": expected or "ngày DD tháng MM năm YYYY",
                              "problem_vi": vi, "problem_en": en},
                      suggestion=f"{text} → {expected}" if expected else None,
                      evidence={"day": m.day, "month": m.month, "year": m.year})


class DateWeekday(CheckKind):
    name = "date_weekday"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "weekday", "actual_vi", "actual_en", "date"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for found in date_mentions(subject):
            m = found.mention
            if m.weekday_matches is not False or m.date is None:
                continue
            actual = m.date.weekday()
            yield Hit(location=found.location,
                      fields={"text": _squash(m.text), "weekday": m.weekday, "date": _show(m.date),
                              "actual_vi": _WEEKDAYS_VI[actual], "actual_en": _WEEKDAYS_EN[actual]},
                      suggestion=f"{m.weekday} → {_WEEKDAYS_VI[actual]}",
                      evidence={"stated": m.weekday, "actual": _WEEKDAYS_VI[actual]})


class DateLeadingZero(CheckKind):
    """A style of the whole document, reported once: at its first date without the zero, with
    how many there are and where."""

    name = "date_leading_zero"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "expected", "count"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        found_all = []
        for found in date_mentions(subject):
            m = found.mention
            if not m.leading_zero_missing or m.malformed or m.impossible:
                continue
            expected = with_leading_zeros(m)
            if expected:
                found_all.append((found, _squash(m.text), _squash(expected)))
        if not found_all:
            return
        first, text, expected = found_all[0]
        yield Hit(location=first.location, fields={"text": text, "expected": expected, "count": len(found_all)},
                  suggestion=f"{text} → {expected}",
                  evidence={"dates": [{"line": f.location.line, "text": t, "expected": e} for f, t, e in found_all]})


# -- citations ------------------------------------------------------------------------------------
class CitedAfterParams(Params):
    where: Literal["preamble", "body"] = "preamble"


class CitedAfter(CheckKind):
    """A cited document dated after the latest day the citing document can carry."""

    name = "cited_after"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"cited", "cited_date", "document_date_vi", "document_date_en", "latest"})
    Params = CitedAfterParams

    def run(self, subject: Subject, params: CitedAfterParams) -> Iterable[Hit]:
        own = document_date(subject.structure)
        if own is None:
            return
        end = _preamble_end(subject.structure)
        itself = parse_whole_number(subject.structure.header.number)
        for ref in subject.structure.references:
            if ref.internal or ref.date is None or ref.date <= own.latest:
                continue
            cited = parse_number(ref.number, ref.symbol)
            if itself is not None and cited is not None and cited.key == itself.key:
                continue   # the document itself, dated otherwise (an annex caption): PC706's business
            in_preamble = end is not None and _at(ref.location) < end
            if in_preamble != (params.where == "preamble"):
                continue
            yield Hit(location=ref.location,
                      fields={"cited": _cited(ref), "cited_date": _show(ref.date),
                              "document_date_vi": own.describe("vi"), "document_date_en": own.describe("en"),
                              "latest": _show(own.latest)},
                      evidence={"cited_date": ref.date.isoformat(), "document_latest": own.latest.isoformat(),
                                "document_date_source": own.source})


def _cited(ref: Reference) -> str:
    label = " ".join(p for p in (ref.doc_type, f"số {ref.number}" if ref.number else None) if p)
    return label or _squash(ref.text)[:60]


class NumberYearParams(Params):
    own_number: bool = True   # the document's own "Số: 39/2020/NQ-HĐND" against its own date


class NumberYear(CheckKind):
    """A number that carries a year ("39/2020/NQ-HĐND") with a date in another year."""

    name = "number_year"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"number", "number_year", "date", "date_year"})
    Params = NumberYearParams

    def run(self, subject: Subject, params: NumberYearParams) -> Iterable[Hit]:
        structure = subject.structure
        if structure is None:
            return
        for ref in structure.references:
            if ref.internal or ref.date is None or ref.year_in_number is None:
                continue
            if ref.date.year == ref.year_in_number:
                continue
            yield _year_hit(ref.location, ref.number or "", ref.year_in_number, ref.date, ref.date_text)
        header = structure.header
        own = document_date(structure)
        year = _year_in_number(header.number)
        if params.own_number and own is not None and year is not None \
                and not own.earliest.year <= year <= own.latest.year:
            date_year = own.earliest.year if own.earliest.year == own.latest.year else None
            if date_year is not None:
                yield _year_hit(header.number_location or own.location or Location(), header.number or "", year,
                                own.earliest, own.text if own.exact else None)


_NUMBER_YEAR = lazy_compile(r"^\s*[0-9]+\s*/\s*(?P<year>(?:19|20)[0-9]{2})\s*/\s*[^\W\d_]")


def _year_in_number(number: str | None) -> int | None:
    m = _NUMBER_YEAR.match(number or "")
    return int(m.group("year")) if m else None


def _year_hit(location: Location, number: str, number_year: int, date: dt.date, date_text: str | None) -> Hit:
    suggestion = None
    if date_text:
        fixed = re.sub(rf"(?<![0-9]){date.year}(?![0-9])", str(number_year), date_text)
        if fixed != date_text:
            suggestion = f"{_squash(date_text)} → {_squash(fixed)}?"
    return Hit(location=location,
               fields={"number": number, "number_year": number_year, "date": _show(date),
                       "date_year": date.year},
               suggestion=suggestion,
               evidence={"number_year": number_year, "date": date.isoformat()})


# -- deadlines --------------------------------------------------------------------------------------
# "trước ngày 30/01/2024", "chậm nhất ngày 21/11/2025", "hạn chót là 15/11": a day
# by which something must be done. The mention itself may start with "ngày".
_DEADLINE = lazy_compile(
    r"(?<!\w)(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))?|hạn\s+chót(?:\s+là)?|hạn\s+cuối(?:\s+là)?"
    r"|không\s+(?:quá|muộn\s+hơn))\s*(?:ngày\s*)?$",
    re.IGNORECASE,
)
# A cut-off in the past, not a task: "hồ sơ đã tiếp nhận trước ngày ...",
# "dự án được phê duyệt trước ngày ...", "có hiệu lực trước ngày ...".
_CUTOFF = lazy_compile(r"(?<!\w)(?:đã|được|phát\s+sinh|hiệu\s+lực|kể\s+từ|tính\s+đến|trước\s+đây)(?!\w)",
                     re.IGNORECASE)
# A bare "trước" is a deadline only where a task is set ("báo cáo trước ngày …", "hoàn thành trước
# …"); before a state or an event ("khi nghỉ hưu trước ngày …") it draws a line, no deadline.
_OBLIGATION = lazy_compile(r"(?<!\w)(?:hoàn\s+thành|hoàn\s+tất|báo\s+cáo|gửi|nộp|trình|ban\s+hành|triển\s+khai|xong|"
                         r"tổ\s+chức|phê\s+duyệt|cập\s+nhật|kết\s+thúc|giải\s+ngân|đưa\s+vào|phải|cần|giao|"
                         r"đề\s+nghị|yêu\s+cầu|xây\s+dựng|thực\s+hiện|rà\s+soát|tổng\s+hợp|chuẩn\s+bị)(?!\w)",
                         re.IGNORECASE)
_CONDITION = lazy_compile(r"(?<!\w)(?:khi|nếu|trường\s+hợp)(?!\w)", re.IGNORECASE)
_CLAUSE_START = lazy_compile(r"[.;:!?\n]|(?<!\w)(?:và|hoặc)\s")


def _deadlines(subject: Subject) -> Iterator[Located]:
    for found in date_mentions(subject):
        m = found.mention
        if m.kind not in ("full", "numeric") or m.date is None or m.malformed:
            continue
        before = found.before(80)
        marker = _DEADLINE.search(before)
        if not marker:
            continue
        starts = [s.end() for s in _CLAUSE_START.finditer(before, 0, marker.start())]
        clause = before[starts[-1] if starts else 0:marker.start()]
        if _CUTOFF.search(clause):
            continue
        if marker.group(0).strip().casefold().startswith("trước") and (
                _CONDITION.search(clause) or not _OBLIGATION.search(clause)):
            continue   # "chức danh khi nghỉ hưu trước ngày 01/7/2025": a condition, no task with a day
        yield found


class DeadlineBefore(CheckKind):
    """A deadline before the earliest day the document itself can be dated."""

    name = "deadline_before"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "deadline", "document_date_vi", "document_date_en", "earliest"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        own = document_date(subject.structure)
        if own is None:
            return
        for found in _deadlines(subject):
            deadline = found.mention.date
            if deadline is None or deadline >= own.earliest or (own.earliest - deadline).days > 366:
                # a day more than a year before the document is a cut-off it states ("nhà ở xây dựng
                # trước ngày 01/7/2004"), not a deadline it sets: no deadline is set years past
                continue
            yield Hit(location=found.location,
                      fields={"text": _squash(found.mention.text), "deadline": _show(deadline),
                              "document_date_vi": own.describe("vi"), "document_date_en": own.describe("en"),
                              "earliest": _show(own.earliest)},
                      evidence={"deadline": deadline.isoformat(), "document_earliest": own.earliest.isoformat()})


class DeadlinePeriodParams(Params):
    grace_days: int = 90   # reports on a year are due in the first weeks of the next one


class DeadlineOutsidePeriod(CheckKind):
    """A deadline after the period the plan covers (its title's years), beyond a grace."""

    name = "deadline_outside_period"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "deadline", "period", "last_day"})
    Params = DeadlinePeriodParams

    def run(self, subject: Subject, params: DeadlinePeriodParams) -> Iterable[Hit]:
        period = plan_period(subject.structure)
        if period is None:
            return
        first, last = period
        last_day = dt.date(last, 12, 31) + dt.timedelta(days=params.grace_days)
        shown = str(first) if first == last else f"{first}–{last}"
        for found in _deadlines(subject):
            deadline = found.mention.date
            if deadline is None or deadline <= last_day:
                continue
            yield Hit(location=found.location,
                      fields={"text": _squash(found.mention.text), "deadline": _show(deadline),
                              "period": shown, "last_day": _show(last_day)},
                      evidence={"deadline": deadline.isoformat(), "period": [first, last]})


def plan_period(structure: DocumentStructure | None) -> tuple[int, int] | None:
    """The years a plan document covers, from its title ("... năm 2024",
    "... giai đoạn 2021 - 2025"); None when the title names none."""
    if structure is None or not structure.header.title:
        return None
    years: list[int] = []
    for m in find_dates(structure.header.title):
        if m.kind == "period" and not m.malformed and m.year and m.end_year:
            years += [m.year, m.end_year]
        elif m.kind in ("year", "month") and m.year:
            years.append(m.year)
    return (min(years), max(years)) if years else None


def _squash(text: str) -> str:
    return " ".join(text.split())
