"""Dates as Vietnamese documents write them.

"ngày 07 tháng 12 năm 2023", "07/12/2023", "ngày 30/6", "tháng 01 năm 2024",
"năm 2024", "giai đoạn 2021 - 2025". Each mention keeps its offsets in the text
it was found in (callers map them to locations) and the problems a reviewer
cares about: impossible dates (31/02), malformed ones ("ngày 26 ngày 11 tháng
2023"), blanks left in drafts ("ngày   tháng 01 năm 2024") and missing leading
zeros ("ngày 5 tháng 12": days below 10 and months 1-2 take a zero).

Ratios and document numbers are not dates: "22/28 chỉ tiêu" has no year and no
"ngày" before it, "39/2020/NQ-HĐND" is followed by a symbol. Standard library
only; written by hand because no date parser reads this grammar.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Literal
from .lazyre import lazy_compile

__all__ = ["DateKind", "DateMention", "expected_form", "find_dates", "parse_date", "with_leading_zeros"]

DateKind = Literal["full", "numeric", "month", "year", "period"]

# Years a plan may mention: wide enough for history, narrow enough that
# "năm 5000 tấn" is no year.
_MIN_YEAR, _MAX_YEAR = 1000, 2999


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str                   # as written, from start to end
    start: int                  # offsets in the text searched
    end: int
    kind: DateKind
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_year: int | None = None  # a period's last year
    date: dt.date | None = None  # None when incomplete or impossible
    impossible: bool = False     # 31/02, month 13
    malformed: bool = False      # a repeated or missing word, a reversed period
    blank_day: bool = False      # left blank in a draft: "ngày   tháng 01 năm 2024"
    blank_number: bool = False   # any part left blank (day, month or year)
    leading_zero_missing: bool = False  # "ngày 5 tháng 12", "7/12/2023", "tháng 1"
    weekday: str | None = None   # "Thứ sáu" in "Thứ sáu, Ngày 25/06/2021"

    @property
    def weekday_matches(self) -> bool | None:
        """Whether the stated weekday is the date's; None when either is missing."""
        if self.weekday is None or self.date is None:
            return None
        index = _weekday_index(self.weekday)
        return None if index is None else index == self.date.weekday()


# -- the pieces ---------------------------------------------------------------
_WORDS = ("ngày", "tháng", "năm")
# One piece of a worded date: a word, a number, or a blank left in a draft or a
# form: dots, or digits trailing off into dots ("năm 20..").
_PIECE = lazy_compile(
    r"\s*+(?:(?P<word>ngày|tháng|năm)(?!\w)|(?P<blank>[0-9]{0,3}(?:[._]{2,}+|…++))"
    r"|(?P<number>[0-9]{1,4})(?![0-9\w]))",
    re.IGNORECASE,
)
_DAY_WORD = lazy_compile(r"(?<!\w)ngày(?!\w)", re.IGNORECASE)
# A digit, or "ngày" in any case: one class first, so that the engine skips to what can start one.
_MAYBE_DATE = lazy_compile(r"[0-9nN](?:(?<=[0-9])|(?<=[nN])[gG][àÀ][yY])")

# d/m/y with one separator throughout; a year, or "ngày" before, makes it a date.
_NUMERIC = lazy_compile(   # the day's first digit leads, the test of what stands before it after it
    r"(?P<day>[0-9](?<![\w/.,-][0-9])[0-9]?)(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?![0-9])"
    r"(?:(?P=sep)(?P<year>[0-9]{4}))?(?![0-9]|[/.,-]?[^\W_])"
)
# "ngày / /2025", "ngày …/…/2025": a draft's blank numeric date.
_NUMERIC_BLANK = lazy_compile(
    r"(?<!\w)ngày\s*+(?P<day>[0-9]{1,2}|[.…_]*+)\s*+/\s*+(?P<month>[0-9]{1,2}|[.…_]*+)\s*+/\s*+"
    r"(?P<year>[0-9]{4})(?![0-9/])",
    re.IGNORECASE,
)
_DAY_PREFIX = lazy_compile(r"(?<!\w)ngày\s*$", re.IGNORECASE)
_MONTH = lazy_compile(
    r"(?<!\w)tháng\s*+(?P<month>[0-9]{1,2})\s*+(?:năm|/)\s*+(?P<year>[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
_YEAR = lazy_compile(r"(?<!\w)năm\s++(?P<year>[0-9]{4})(?![0-9]|[.,/][0-9])", re.IGNORECASE)
_PERIOD = lazy_compile(
    r"(?:(?<!\w)(?P<prefix>giai đoạn|thời kỳ|nhiệm kỳ|năm học|niên độ)\s++)?"
    r"(?<![0-9/.,])(?P<first>[0-9]{4})\s*+[-–—]\s*+(?P<last>[0-9]{4})(?![0-9/]|[.,][0-9])",
    re.IGNORECASE,
)
_YEAR_SPAN = lazy_compile(r"[0-9]{4}\s*+[-–—]\s*+[0-9]{4}")   # what every _PERIOD holds
_WEEKDAY = lazy_compile(
    r"(?P<weekday>(?<!\w)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật))\s*[,-]?\s*$",
    re.IGNORECASE,
)
_WEEKDAY_INDEX = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "bẩy": 5}

# Which kind wins when two mentions overlap: the most specific.
_PRIORITY: dict[str, int] = {"full": 0, "numeric": 0, "month": 1, "period": 2, "year": 3}


def _weekday_index(text: str) -> int | None:
    words = text.casefold().split()
    if words[:1] == ["chủ"]:
        return 6
    if len(words) == 2 and words[1].isdigit():
        return int(words[1]) - 2
    return _WEEKDAY_INDEX.get(words[-1]) if len(words) == 2 else None


# -- checking a day, month and year -------------------------------------------
def _is_year(year: int | None) -> bool:
    return year is not None and _MIN_YEAR <= year <= _MAX_YEAR


def _impossible(day: int | None, month: int | None, year: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return True
    if day is None:
        return False
    if not 1 <= day <= 31:
        return True
    if month is None:
        return False
    # Without a year, 29 February is possible.
    last = calendar.monthrange(year if _is_year(year) else 2000, month)[1]
    return day > last


def _date_of(day: int | None, month: int | None, year: int | None) -> dt.date | None:
    if day is None or month is None or not _is_year(year) or _impossible(day, month, year):
        return None
    return dt.date(year, month, day)  # type: ignore[arg-type]


def _needs_zero(written: str | None, value: int | None, limit: int) -> bool:
    """Days below 10 and months 1-2 are written with a leading zero (Nghị định 30/2020)."""
    return written is not None and value is not None and len(written) == 1 and 1 <= value < limit


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


# -- worded dates: "ngày 07 tháng 12 năm 2023" -----------------------------------
@dataclass(slots=True)
class _Piece:
    kind: str       # a word ("ngày", "tháng", "năm"), "number" or "blank"
    text: str
    end: int


def _pieces(text: str, start: int) -> list[_Piece]:
    """The words, numbers and blanks from ``start`` on, stopping where the date must end."""
    pieces: list[_Piece] = []
    seen: set[str] = set()
    position = start
    while len(pieces) < 9:
        m = _PIECE.match(text, position)
        if not m:
            break
        if m.group("word"):
            word = m.group("word").casefold()
            # "ngày" once a day and month were read starts the next date; any other
            # repeated word is a slip inside this one ("ngày 15 tháng 9 tháng 2022").
            if word == "ngày" and {"ngày", "tháng"} <= seen and _has_numbers(pieces, 2):
                break
            seen.add(word)
            piece = _Piece(word, m.group("word"), m.end())
        elif m.group("number"):
            piece = _Piece("number", m.group("number"), m.end())
        else:
            piece = _Piece("blank", m.group("blank"), m.end())
        pieces.append(piece)
        position = m.end()
        if piece.kind in ("number", "blank") and _after(pieces, "năm") or _is_year_number(piece):
            break  # the year, written or left blank, ends the date
    # A word with nothing after it belongs to the prose ("ngày 5 tháng 12 năm nay").
    while pieces and (pieces[-1].kind in _WORDS or pieces[-1].kind == "blank" and pieces[-2].kind == "number"):
        pieces.pop()
    return pieces


def _has_numbers(pieces: list[_Piece], count: int) -> bool:
    return sum(p.kind == "number" for p in pieces) >= count


def _is_year_number(piece: _Piece) -> bool:
    return piece.kind == "number" and len(piece.text) == 4


def _after(pieces: list[_Piece], word: str) -> bool:
    return len(pieces) >= 2 and pieces[-2].kind == word


_PLURAL_BEFORE = lazy_compile(r"\b(?:những|các|mấy|bao)\s*$", re.IGNORECASE)


def _worded(text: str, start: int) -> DateMention | None:
    """A date starting with the word "ngày" at ``start``, if one follows it."""
    pieces = _pieces(text, start)
    words = [p.kind for p in pieces if p.kind in _WORDS]
    numbers = [p for p in pieces if p.kind == "number"]
    if "tháng" not in words or not any(p.kind in ("number", "blank") for p in pieces):
        return None  # "ngày ký", "ngày tháng năm sinh": no date (dots would mark a blank one)
    if _PLURAL_BEFORE.search(text, max(0, start - 12), start) and len(pieces) > 1 and pieces[1].kind == "tháng":
        return None  # "những ngày tháng 5/1967": the days of a month, no date with its day left out
    values, blanks = _read_words(pieces)
    read = {word: piece for word, piece in values.items() if piece is not None}
    malformed = (
        words != list(_WORDS[: len(words)])          # a word repeated or out of order
        or len(read) != len(numbers)                   # a number without its word
        or any((len(p.text) == 4) != (w == "năm") for w, p in read.items())  # "tháng 2023", "năm 23"
    )
    day_piece, month_piece, year_piece = (
        _guess(numbers, blanks) if malformed else (values.get(w) for w in _WORDS))
    day, month, year = (_number(p.text) if p else None for p in (day_piece, month_piece, year_piece))
    end = pieces[-1].end
    return DateMention(
        text=text[start:end], start=start, end=end, kind="full",
        day=day, month=month, year=year, date=_date_of(day, month, year),
        impossible=_impossible(day, month, year), malformed=malformed,
        blank_day="ngày" in blanks, blank_number=bool(blanks),
        leading_zero_missing=_needs_zero(day_piece and day_piece.text, day, 10)
        or _needs_zero(month_piece and month_piece.text, month, 3),
    )


def _read_words(pieces: list[_Piece]) -> tuple[dict[str, _Piece | None], set[str]]:
    """Each word's number (the first one, right after it) and the words left blank."""
    values: dict[str, _Piece | None] = {}
    blanks: set[str] = set()
    for i, piece in enumerate(pieces):
        if piece.kind not in _WORDS:
            continue
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        if following is None or following.kind != "number":
            blanks.add(piece.kind)
            values.setdefault(piece.kind, None)
        elif values.get(piece.kind) is None:
            values[piece.kind] = following
    return values, blanks


def _guess(numbers: list[_Piece], blanks: set[str]) -> tuple[_Piece | None, _Piece | None, _Piece | None]:
    """The likeliest day, month and year of a malformed date: a four-digit number
    is the year, the others are the day then the month."""
    year = next((p for p in numbers if len(p.text) == 4), None)
    rest: list[_Piece | None] = [p for p in numbers if p is not year]
    if "ngày" in blanks:
        rest.insert(0, None)
    rest += [None, None]
    return rest[0], rest[1], year


# -- numeric dates: "07/12/2023", "ngày 30/6" -------------------------------------
def _numeric(text: str, m: re.Match[str]) -> DateMention | None:
    prefix = _DAY_PREFIX.search(text, max(0, m.start() - 12), m.start())
    year_text = m.group("year")
    if year_text is None and (prefix is None or m.group("sep") != "/"):
        return None  # "22/28 chỉ tiêu": a ratio, not a day
    if m.group("sep") == "." and prefix is None:
        return None  # "1.12.2023" without "ngày" is too close to a section number
    start = prefix.start() if prefix else m.start()
    return _numeric_mention(text, start, m.end(), m.group("day"), m.group("month"), year_text)


def _numeric_mention(text: str, start: int, end: int, day_text: str, month_text: str,
                     year_text: str | None) -> DateMention:
    day, month, year = _number(day_text.strip()), _number(month_text.strip()), _number(year_text)
    blank_day, blank_month = day is None, month is None
    return DateMention(
        text=text[start:end], start=start, end=end, kind="numeric",
        day=day, month=month, year=year, date=_date_of(day, month, year),
        impossible=_impossible(day, month, year),
        blank_day=blank_day, blank_number=blank_day or blank_month,
        leading_zero_missing=_needs_zero(day_text, day, 10) or _needs_zero(month_text, month, 3),
    )


def _numeric_blank(text: str, m: re.Match[str]) -> DateMention | None:
    day, month = m.group("day").strip(), m.group("month").strip()
    if day.isdigit() and month.isdigit():
        return None  # an ordinary date, read by _NUMERIC
    return _numeric_mention(text, m.start(), m.end(), day, month, m.group("year"))


# -- months, years, periods -------------------------------------------------------
_THIRTEENTH = lazy_compile(r"(?<!\w)(?:lương|thưởng|tiền)\s*$", re.IGNORECASE)


def _month(text: str, m: re.Match[str]) -> DateMention | None:
    month, year = int(m.group("month")), int(m.group("year"))
    if month == 13 and _THIRTEENTH.search(text, max(0, m.start() - 12), m.start()):
        return None  # "lương tháng 13 năm 2023": the thirteenth-month salary
    return DateMention(
        text=m.group(0), start=m.start(), end=m.end(), kind="month", month=month, year=year,
        impossible=_impossible(None, month, year),
        leading_zero_missing=_needs_zero(m.group("month"), month, 3),
    )


def _year(text: str, m: re.Match[str]) -> DateMention | None:
    year = int(m.group("year"))
    if not _is_year(year):
        return None
    return DateMention(text=m.group(0), start=m.start(), end=m.end(), kind="year", year=year)


def _period(text: str, m: re.Match[str]) -> DateMention | None:
    first, last = int(m.group("first")), int(m.group("last"))
    if not (_is_year(first) and _is_year(last)):
        return None
    if last <= first and not m.group("prefix") and first - last > _REVERSED_SLIP:
        return None  # "1900-1234": a hotline or a code, not a period written backwards
    # "(1999-1999)" is a tenure within one year; only "giai đoạn 2025-2025" names a period of none
    return DateMention(text=m.group(0), start=m.start(), end=m.end(), kind="period",
                       year=first, end_year=last, malformed=last < first or (last == first and bool(m.group("prefix"))))


# A period written backwards by a slip ("2025 - 2021") has years close together;
# with no "giai đoạn" before it, two far-apart four-digit numbers are something else.
_REVERSED_SLIP = 10


# -- all of them ------------------------------------------------------------------
def _candidates(text: str) -> list[DateMention]:
    # each pattern runs only on text holding the word or the dash it needs
    low = text.lower()
    found: list[DateMention | None] = []
    if "ngày" in low:
        found += (_worded(text, m.start()) for m in _DAY_WORD.finditer(text))
    found += (_numeric(text, m) for m in _NUMERIC.finditer(text))
    if "ngày" in low:
        found += (_numeric_blank(text, m) for m in _NUMERIC_BLANK.finditer(text))
    if "tháng" in low:
        found += (_month(text, m) for m in _MONTH.finditer(text))
    if _YEAR_SPAN.search(text):   # digits lead: the engine skips to them (the prefix words ignore case)
        found += (_period(text, m) for m in _PERIOD.finditer(text))
    if "năm" in low:
        found += (_year(text, m) for m in _YEAR.finditer(text))
    return [f for f in found if f is not None]


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    """The most specific mention wins a stretch of text; then the longest."""
    kept: list[DateMention] = []  # by start, never overlapping
    starts: list[int] = []
    for mention in sorted(mentions, key=lambda d: (_PRIORITY[d.kind], -(d.end - d.start), d.start)):
        i = bisect_left(starts, mention.start)
        if (i and kept[i - 1].end > mention.start) or (i < len(kept) and kept[i].start < mention.end):
            continue
        kept.insert(i, mention)
        starts.insert(i, mention.start)
    return kept


def _with_weekday(text: str, mention: DateMention) -> DateMention:
    if mention.kind not in ("full", "numeric"):
        return mention
    m = _WEEKDAY.search(text, max(0, mention.start - 24), mention.start)
    if not m or not _WEEKDAY_LEAD.search(text, max(0, m.start() - 16), m.start()):
        return mention
    return replace(mention, weekday=" ".join(m.group("weekday").split()))


# A weekday heads its line or clause ("Thứ sáu, Ngày 25/06/2021", "vào thứ hai,
# ngày ..."); after a noun "thứ năm" is an ordinal: "Kỳ họp thứ năm, ngày ...".
_WEEKDAY_LEAD = lazy_compile(
    r"(?:^|[\n(\[,;:.!?|*\"“–—-])\s*$|(?<!\w)(?:vào|hôm\s+nay|sáng|chiều|tối|trưa|đêm|từ|đến)\s+$",
    re.IGNORECASE)


def find_dates(text: str) -> list[DateMention]:
    """Every date, month, year and period mentioned in ``text``, in order."""
    if not text or not _MAYBE_DATE.search(text):
        return []   # every pattern but "ngày …" needs a digit: most text is passed over at once
    return [_with_weekday(text, m) for m in _without_overlaps(_candidates(text))]


def parse_date(text: str) -> dt.date | None:
    """The first complete, well-formed day in ``text`` ("ngày 07 tháng 12 năm 2023",
    "7/12/2023"); None when there is none. Malformed dates are not guessed here."""
    for mention in find_dates(text):
        if mention.kind in ("full", "numeric") and mention.date and not mention.malformed:
            return mention.date
    return None


# -- how a date should be written ---------------------------------------------------
def expected_form(mention: DateMention) -> str | None:
    """The standard form of a day: "ngày 26 tháng 11 năm 2023", with the leading
    zeros Nghị định 30/2020/NĐ-CP asks for (days below 10, months 1 and 2); None
    unless day, month and year are all known and the day exists."""
    if mention.kind not in ("full", "numeric") or mention.impossible:
        return None
    day, month, year = mention.day, mention.month, mention.year
    if day is None or month is None or not _is_year(year):
        return None
    return f"ngày {day:02d} tháng {month:02d} năm {year}" if month < 3 else f"ngày {day:02d} tháng {month} năm {year}"


_ZERO_WORDED = lazy_compile(r"(?P<word>(?<!\w)(?:ngày|tháng)\s*+)(?P<n>[0-9])(?![0-9])", re.IGNORECASE)
_ZERO_NUMERIC = lazy_compile(r"^(?P<prefix>(?:ngày\s*)?)(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?![0-9])",
                           re.IGNORECASE)


def with_leading_zeros(mention: DateMention) -> str | None:
    """The mention as written, with the leading zeros it lacks added
    ("ngày 5 tháng 12 năm 2023" -> "ngày 05 tháng 12 năm 2023", "7/1/2024" ->
    "07/01/2024"); None when it lacks none."""
    if not mention.leading_zero_missing:
        return None
    text = mention.text
    if mention.kind == "numeric":
        m = _ZERO_NUMERIC.match(text)
        if not m:
            return None
        day, month = m.group("day"), m.group("month")
        day = day.zfill(2) if len(day) == 1 and day != "0" else day
        month = month.zfill(2) if len(month) == 1 and month in ("1", "2") else month
        fixed = f"{m.group('prefix')}{day}{m.group('sep')}{month}" + text[m.end():]
    else:
        def pad(m: re.Match[str]) -> str:
            word, n = m.group("word"), m.group("n")
            needs = n != "0" if word[:4].casefold() == "ngày" else n in ("1", "2")
            return word + ("0" + n if needs else n)

        fixed = _ZERO_WORDED.sub(pad, text)
    return fixed if fixed != text else None
