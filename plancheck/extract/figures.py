"""The figures of a Vietnamese sentence, as tokens: a number as written, its qualifier,
its multiplier and unit or counted noun, and where it sits.

    "dân số toàn tỉnh đạt 1.599.504 người, mật độ dân số đạt 495 người/km²"
    → 1.599.504 [người] · 495 [người/km²]
    "390 nghìn tỷ đồng" → 390 ×10¹² [đồng]      "81/521 đơn vị" → the fraction 81/521

What is not a figure is left out here, once, for every reader after: years ("năm 2019",
"(2020)"), dates, footnote markers ("[30]"), clause and document numbers ("Điều 3",
"số 23/KL-…"), ordinals ("lần thứ 28"), codes ("T-43"). The grammar over these
tokens is ``extract.statements``; the numbers themselves are read by ``numbers``.

Written by hand: a Vietnamese word segmenter (underthesea, pyvi) would cost more than
the whole pipeline and still not know units, multipliers or qualifiers.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..intervals import INF
from ..models import Value
from ..intervals import Interval
from ..numbers import QUALIFIER_SIDES, NotANumber, ParsedNumber, parse_number, too_many_digits
from ..lazyre import lazy_compile

# Markup and footnotes that sit between words: blanked (offsets kept) before reading.
# (each branch opens on a literal, so that the engine skips to "[", "*", "_" or "\\")
_NOISE = lazy_compile(r"\[(?:\d{1,3}|[a-z])\]|\*\**|__+|\\(?=[\[\]*_])")

# How a qualifier bounds a reported fact (a report, not a target): "trên 1.374" is [v, v·1,01],
# "gần" [v·0,99, v], "khoảng" ±1%. The words and their sides are numbers'; a fact's "gần" is below.
_READING = {"lower_open": "above", "upper_open": "below", "about": "about", "lower_closed": "at_least",
            "upper_closed": "at_most"}
_QUALIFIERS = {word: _READING[side] for word, side in QUALIFIER_SIDES} | {
    "gần": "below", "ngoài": "above", "chừng": "about"}
_QUALIFIER_RE = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))

# Bounds, not values: "từ 80% trở lên", "từ 65% đến dưới 80%", "10 ha trở xuống" set a threshold
# or name a class ("units reaching 80% or more"); no reading may compare them as a figure. They
# are read as open intervals, with the words that make them bounds as their qualifier.
BOUNDS = {"từ": "at_least", "trở lên": "at_least", "trở xuống": "at_most", "đến": "at_most"}
_BOUND_AFTER = lazy_compile(r"\s*trở\s+(lên|xuống)\b", re.IGNORECASE)
_RANGE_AFTER = lazy_compile(r"\s*(?:đến|tới|-|–)\s*(?:dưới\s+|trên\s+)?\d", re.IGNORECASE)
# "tỷ lệ khảo sát tối thiểu (10%)": the qualifier before the parenthesis bounds the figure in it.
_QUALIFIED_ASIDE = lazy_compile(rf"\b({_QUALIFIER_RE})\s*\(\s*$", re.IGNORECASE)
_FROM_BEFORE = lazy_compile(r"\btừ\s*$", re.IGNORECASE)
_TO_BEFORE = lazy_compile(r"\btừ\s+[\d.,]+\s*(?:%|‰)?\s*(?:đến|tới)\s*(?:dưới|trên)?\s*$", re.IGNORECASE)

# "ty" is tỷ typed without its tone ("1,375 ty USD")
MULTIPLIERS = {"nghìn": 3, "ngàn": 3, "ngh": 3, "vạn": 4, "triệu": 6, "tr": 6, "tỷ": 9, "tỉ": 9, "ty": 9}
_MULT_RE = r"(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ|ty)"

# Units written after a number; longest first. Counted nouns ("lễ hội", "dự án") are
# read separately as the word(s) after the number.
_UNITS = [
    "đồng/người/năm", "triệu đồng/người", "người/km²", "người/km2", "người/ km²", "người/ km2",
    "km²", "km2", "m²", "m2", "ha", "km", "m", "mm", "kg", "tấn", "tạ",
    "đồng", "USD", "đô la Mỹ", "đô la", "đôla", "VNĐ", "VND", "NDT", "Euro", "EUR",
    "MW", "kW", "kWh", "MWh", "TEU", "Teus", "m³", "m3", "lít",
]
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))

# A number: grouped with points or commas, decimals, a bare integer; "a/b" fractions.
# (A group is three digits and no more: "0,3451 ha" is a decimal, not "0,345" run into a "1".)
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# The pattern starts at the number, so that the engine skips to digits; a qualifier before it
# ("khoảng 600 người") is looked for there, back from the number (_QUALIFIER_END, _figures).
# The number's first digit leads, the test of what stands before it just after, so that the engine
# skips to digits (_NUMBER with that digit taken out of its two branches).
_LEAD_NUMBER = r"\d(?<![\w/.,\-–]\d)(?:\d{0,2}(?:[.,]\d{3})+(?!\d)(?:[.,]\d+)?|\d*(?:[.,]\d+)?)"
_FIGURE = lazy_compile(
    rf"(?P<n>{_LEAD_NUMBER})(?:\s*/\s*(?P<d>{_NUMBER})(?![\d/]))?"
    rf"(?:\s*(?P<range>-|–|đến)\s*(?P<n2>{_NUMBER}))?"
    # "27,04 (%)": the unit in parentheses, as a table's heading writes it, after the figure
    rf"(?P<pct>\s*(?:%|％|phần trăm|\(\s*%\s*\))|\s*‰)?"
    rf"(?:\s*(?P<mult>{_MULT_RE}(?:\s+{_MULT_RE})?)(?!\w))?"
    # a unit ends before a lowercase letter; an uppercase one after it is the next word run in
    # by extraction ("118.8 kmCT.20", from "km**CT.20**")
    rf"(?:\s*(?P<unit>{_UNIT_RE})(?!(?-i:[a-zà-ỹđ0-9_²])))?",
    re.IGNORECASE,
)
# A qualifier ending where the spaces before a number begin, as a word of its own.
_QUALIFIER_END = lazy_compile(rf"(?<![\w/.,\-–])(?:{_QUALIFIER_RE})\Z", re.IGNORECASE)
_LONGEST_QUALIFIER = max(map(len, _QUALIFIERS))
# Words before a number that make it no figure: a year, a date, a clause, an ordinal.
_NOT_BEFORE_WORDS = (
    r"năm|ngày|tháng|quý|điều|khoản|điểm|mục|chương|phần|phụ lục|(?<!trong )(?<!tổng )(?<!Trong )(?<!Tổng )(?<!dân )(?<!Dân )số|lần thứ|thứ|khóa|khoá|kỳ|"
    r"nhiệm kỳ|giai đoạn|thế kỷ|lớp|loại|cấp|hạng|tuyến|quốc lộ|tỉnh lộ|km số|lô|tờ|thửa|hòn|"
    r"quận|phường|ấp|khóm|khu phố|tổ dân phố|đường số|cầu số|"
    r"mẫu|biểu|bảng|hình|trang|tập|quyển|đợt|vòng|sư đoàn|trung đoàn|chuyến bay|hiệu")
_NOT_BEFORE = lazy_compile(rf"(?:\b(?:{_NOT_BEFORE_WORDS})|[#№])\s*$", re.IGNORECASE)
# A match ends the text but for spaces: it starts no further back than its longest word.
_NOT_BEFORE_REACH = max(len(w) for w in re.sub(r"\(\?<!.*?\)", "", _NOT_BEFORE_WORDS).split("|"))


def _not_a_figure_before(before: str) -> bool:
    """Whether the words before a number make it no figure ("năm 2019", "Điều 3", "lần thứ 28")."""
    return _NOT_BEFORE.search(before, max(0, len(before.rstrip()) - _NOT_BEFORE_REACH)) is not None
_PER = lazy_compile(r"/\s?(ngày|năm|tháng|giờ|người|hộ|ha|km²|km2|m²|m2|km|lượt)(?!\w)", re.IGNORECASE)
_COUNTED_NOUN = lazy_compile(r"\s*(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?)", re.UNICODE)
STOP_NOUNS = frozenset("""và hoặc với của là có được thì mà nhưng trong so đã sẽ đang tại ở từ đến theo về cho
    trên dưới gần khoảng hơn năm tháng ngày như này đó các những mỗi một hai ba bằng đạt chiếm tăng giảm
    lên xuống còn tương hay tức""".split())
# A mark followed by two or more digit groups run together: "1.824127" (1.824.127 with a point lost).
_UNGROUPED = lazy_compile(r"[1-9]\d{0,2}[.,](?:\d{3}){2,}")
_TIME_UNITS = frozenset({"năm", "tháng", "ngày", "giờ", "phút", "quý", "tuần"})


class Figure:
    """One figure of a sentence. Plain and slotted: many per document."""

    __slots__ = ("start", "end", "text", "value", "kind", "unit", "noun", "exponent", "qualifier",
                 "numerator", "denominator", "depth", "form", "number_at", "number")

    def __init__(self, start, end, text, value, kind, unit, noun, exponent, qualifier,
                 numerator=None, denominator=None, depth=0, form="", number_at=0, number=""):
        self.start, self.end, self.text, self.value = start, end, text, value
        self.kind = kind              # "pct" | "qty" | "frac"
        self.unit = unit              # measured unit ("km²", "đồng", "%") or ""
        self.noun = noun              # the counted noun after it ("lễ hội", "người") or ""
        self.exponent = exponent      # the multiplier's power of ten ("tỷ đồng": 9)
        self.qualifier = qualifier
        self.numerator, self.denominator = numerator, denominator   # for fractions "81/521"
        self.depth = depth            # parenthesis depth in the sentence
        # "foreign" ("58.8"), "ambiguous" ("887,000") or "" (plain Vietnamese), with the
        # number as written and its offset, for the number-format rules
        self.form, self.number_at, self.number = form, number_at, number

    @property
    def measure(self) -> str:
        """What the figure measures, for pairing wholes with parts: its unit, else its noun."""
        return self.unit.casefold() if self.unit else self.noun.casefold()

    def __repr__(self) -> str:
        return f"Figure({self.text!r}, {self.kind}, unit={self.unit!r}, noun={self.noun!r}, e={self.exponent})"


def clean(text: str) -> str:
    """The text with footnote markers and emphasis blanked, offsets unchanged."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def plain_value(number: str) -> Value | None:
    """The number as written, with no qualifier: "trên 1.390.000" read as "out of 1.390.000"."""
    return _value(number, None, number)


def _value(number: str, qualifier: str | None, text: str) -> Value | None:
    read = _read(number, qualifier, text)
    return read[0] if read else None


def _form(parsed: ParsedNumber) -> str:
    return "foreign" if parsed.foreign else "ambiguous" if parsed.ambiguous else ""


def _read(number: str, qualifier: str | None, text: str) -> tuple[Value, ParsedNumber] | None:
    """The figure's value (bounded by its qualifier) and the number as parsed."""
    try:
        parsed = parse_number(number)
    except NotANumber:
        return None
    interval = parsed.interval
    lo, hi, lo_closed, hi_closed, point = interval.lo, interval.hi, True, True, parsed.value
    kind = _QUALIFIERS.get((qualifier or "").casefold()) or BOUNDS.get((qualifier or "").casefold())
    v = parsed.value
    one = Decimal("0.01")
    if kind == "above":
        lo, hi, point = v, v * (1 + one), None
    elif kind == "below":
        lo, hi, point = v * (1 - one), v, None
    elif kind == "about":
        width = _about(v)
        lo, hi = min(lo, v - width), max(hi, v + width)
    elif kind == "at_least":
        lo, hi, point = v, INF, None
    elif kind == "at_most":
        lo, hi, point = -INF if v > 0 else v, v, None
    return Value(text=text, lo=lo, hi=hi, lo_closed=lo_closed, hi_closed=hi_closed, point=point,
                 decimals=parsed.decimals, qualifier=qualifier), parsed


def _about(v: Decimal) -> Decimal:
    """How far "khoảng" lets a figure stray: 1% of a round figure ("khoảng 600 người"), but a
    figure of four significant digits or more ("khoảng 612.513 người") is hedged only at
    its last digit."""
    digits = v.normalize().as_tuple()
    if len(digits.digits) >= 4:
        return Decimal(5).scaleb(digits.exponent - 1)
    return abs(v) / 100


def _rounded_whole(value: Value) -> Value:
    """A figure written in whole units read as rounded to them (a percentage, a measure); a
    measure ending in a group of zeros ("155.000 tỷ đồng") as rounded to the thousand."""
    places = 3 if value.point >= 1000 and value.point % 1000 == 0 and "%" not in value.text else 0
    interval = Interval.rounded(value.point.scaleb(-places), 0)
    interval = Interval(interval.lo.scaleb(places), interval.hi.scaleb(places))
    return dataclasses.replace(value, lo=interval.lo, hi=interval.hi)


_YEAR = lazy_compile(r"1[0-9]{3}|20[0-9]{2}")
_MEASURED_AFTER = lazy_compile(r"\s*(?:%|người|ha|km|tỷ|triệu|nghìn|đồng|hộ|lượt)", re.IGNORECASE)
_WORD_AFTER = lazy_compile(r"[/\-]\w|\w")
_SLASH_AFTER = lazy_compile(r"\s*/")
_FOREIGN_BEFORE = lazy_compile(r"\bnước\s*\Z", re.IGNORECASE)
_RATIO_AFTER = lazy_compile(r"\s*/\s*\d")


def _is_year(number: str, after: str) -> bool:
    return bool(_YEAR.fullmatch(number)) and not _MEASURED_AFTER.match(after)


def _figures(text: str):
    """Each match of _FIGURE in ``text`` with the qualifier before its number (a match of
    _QUALIFIER_END, or None): what one pattern with the qualifier first would find, without
    trying every qualifier at every character of the text."""
    end = 0
    for m in _FIGURE.finditer(text):
        spaces = m.start()
        while spaces > end and text[spaces - 1].isspace():
            spaces -= 1
        q = _QUALIFIER_END.search(text, max(end, spaces - _LONGEST_QUALIFIER), spaces) \
            if spaces < m.start() else None
        yield m, q
        end = m.end()


def scan(text: str, malformed: list[tuple[int, str]] | None = None) -> list[Figure]:
    """Every figure of ``text`` (cleaned with :func:`clean`), in order. Numbers with a unit
    that have no reading at all ("2.310.57 tỷ đồng") go to ``malformed`` as (offset, text)."""
    out: list[Figure] = []
    depth_at = _depths(text)
    for m, q in _figures(text):
        begin = q.start() if q else m.start()   # where the figure's words begin
        number, before, after = m.group("n"), text[max(0, begin - 24): begin], text[m.end(): m.end() + 40]
        if not (q or m.group("pct") or m.group("unit") or m.group("mult")) and _not_a_figure_before(before):
            continue   # "năm 2019", "Điều 3", "lần thứ 28"; but "quốc lộ 224,38 km" is a length
        if _WORD_AFTER.match(after) and not (m.group("unit") or m.group("pct")):
            continue   # inside a code or word: "T-43", "6604a", "số 23/KL" (the pattern asks for no word before)
        if m.group("d") is None and m.group("range") is None and _is_year(number, after):
            continue
        if m.group("d") is not None and _SLASH_AFTER.match(text, m.end(), m.end() + 3):
            continue   # a date 1/4/2019
        written = text[begin:m.end()].strip()
        if m.group("pct") and "(" in m.group("pct"):
            written = text[begin: m.start("pct")].strip() + "%"   # "27,04 (%)" is 27,04%
        qualifier = q.group() if q else None
        if qualifier and qualifier.casefold() == "ngoài" and _FOREIGN_BEFORE.search(text, 0, begin):
            qualifier, written = None, text[m.start("n"): m.end()].strip()   # "nước ngoài 7.000 tỷ đồng": foreign
        if m.group("d") is None and not m.group("range") and (not qualifier or _TO_BEFORE.search(before)):
            qualifier = _bound(before, text, m.end()) or qualifier
        if not qualifier and (aside := _QUALIFIED_ASIDE.search(before)):
            qualifier = aside.group(1)
        if m.group("d") is not None:
            if m.group("pct") or _looks_like_date(number, m.group("d")) or len(m.group("d")) == 1:
                continue   # a date, or a plain fraction ("1/3", "2/5") that is no count of a count
            num, den = _value(number, None, number), _value(m.group("d"), None, m.group("d"))
            if num is None or den is None:
                continue
            noun = _noun(after) if not m.group("unit") else ""
            out.append(Figure(m.start("n"), m.end(), written, num, "frac", m.group("unit") or "", noun, 0,
                              None, num, den, depth_at(begin)))
            continue
        value_text = written
        if m.group("range"):
            first, second = _value(number, None, number), _value(m.group("n2"), None, m.group("n2"))
            if first is None or second is None or first.lo > second.hi:
                continue
            value = Value(text=value_text, lo=first.lo, hi=second.hi, decimals=max(first.decimals, second.decimals),
                          qualifier=qualifier)
            form = ""
        else:
            read = _read(number, qualifier, value_text)
            if read is None:
                if malformed is not None and (m.group("pct") or m.group("unit") or m.group("mult")) \
                        and not too_many_digits(number):
                    malformed.append((m.start("n"), number))   # (a longer run of digits is no figure at all)
                continue
            value, parsed = read
            form = _form(parsed)
        start = q.start() if qualifier and q else m.start("n")
        exponent = sum(MULTIPLIERS.get(w.casefold(), 0) for w in (m.group("mult") or "").split())
        if m.group("pct"):
            if value.decimals == 0 and value.point is not None and not qualifier:
                value = _rounded_whole(value)   # "chiếm 40%" stands for 39,5-40,5%
            out.append(Figure(start, m.end(), written, value, "pct", "%", "", 0, qualifier,
                              depth=depth_at(start), form=form, number_at=m.start("n"), number=number))
            continue
        unit = m.group("unit") or ""
        end = m.end()
        if unit and (per := _PER.match(text, end)):
            unit, end = unit + "/" + per.group(1), per.end()   # "tấn/ngày" is a flow, not an amount
        if unit and value.decimals == 0 and value.point is not None and not qualifier and not m.group("range"):
            value = _rounded_whole(value)   # 80 ha, 4.100 tỷ đồng; counted things ("90 người") stay exact
        noun = "" if unit else _noun(after)
        if noun and not exponent and _UNGROUPED.fullmatch(number) and noun.split(" ")[0].casefold() not in _TIME_UNITS:
            if malformed is not None:   # "1.824127 người": whole things have no six decimals; a point was lost
                malformed.append((m.start("n"), number))
            continue
        if noun and _RATIO_AFTER.match(after, len(after) - len(after.lstrip()) + len(noun)):
            noun += "/"   # "98,6 nam/100 nữ": a ratio of counts, no count of "nam"
        if noun.split(" ")[0].casefold() in _TIME_UNITS and not exponent:
            noun = noun.split(" ")[0]
        out.append(Figure(start, end, text[start:end].strip() if end != m.end() else written, value, "qty", unit,
                          noun, exponent, qualifier, depth=depth_at(start), form=form, number_at=m.start("n"),
                          number=number))
    return _compounds(out, text)


def _bound(before: str, text: str, end: int) -> str | None:
    """The words that make a figure a bound (BOUNDS), or None: "trở lên"/"trở xuống" after it,
    "từ" before it with a range going on after it, "đến" closing a range opened by "từ"."""
    after = _BOUND_AFTER.match(text, end)
    if after:
        return "trở " + after.group(1).casefold()
    if _FROM_BEFORE.search(before) and _RANGE_AFTER.match(text, end):
        return "từ"
    if _TO_BEFORE.search(before):
        return "đến"
    return None


def _compounds(figures: list[Figure], text: str) -> list[Figure]:
    """"03 tỷ 067 triệu đô la Mỹ" is one amount, read as 3.067 triệu."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == f.kind == "qty" and prev.exponent - f.exponent == 3 \
                and not prev.unit and not prev.noun and not text[prev.end:f.start].strip() \
                and f.value.point is not None and prev.value.point is not None and f.value.point < 1000 \
                and not f.qualifier:
            point = prev.value.point * 1000 + f.value.point
            value = Value(text=text[prev.start:f.end].strip(), lo=point, hi=point, point=point, decimals=0,
                          qualifier=prev.qualifier)
            if prev.qualifier:
                value = _value(str(point), prev.qualifier, value.text) or value
            out[-1] = Figure(prev.start, f.end, value.text, value, "qty", f.unit, f.noun, f.exponent, prev.qualifier,
                             depth=prev.depth, number_at=prev.number_at, number=prev.number)
            continue
        out.append(f)
    return out


def _noun(after: str) -> str:
    """The counted noun after a number: "lễ hội" in "7.966 lễ hội;", "" before a stop word."""
    m = _COUNTED_NOUN.match(after)
    if not m:
        return ""
    words = m.group("noun").split()
    if words[0].casefold() in STOP_NOUNS and words[0].casefold() not in _TIME_UNITS:
        return ""
    if len(words) > 1 and words[1].casefold() in STOP_NOUNS:
        words = words[:1]
    return " ".join(words)


def _looks_like_date(a: str, b: str) -> bool:
    """"10/1955", "6/2024": a month and a year, not a fraction."""
    return a.isdigit() and b.isdigit() and 1 <= int(a) <= 12 and len(b) == 4


_PARENTHESIS = lazy_compile(r"[()]")


def _depths(text: str):
    """A function giving the parenthesis depth at an offset (one pass over the text)."""
    marks: list[tuple[int, int]] = []
    depth = 0
    for m in _PARENTHESIS.finditer(text):   # most sentences hold none or a few
        if m.group() == "(":
            depth += 1
            marks.append((m.end(), depth))
        elif depth:
            depth -= 1
            marks.append((m.end(), depth))
    if not marks:
        return lambda offset: 0

    from bisect import bisect_right

    starts = [m[0] for m in marks]

    def depth_at(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        return marks[i][1] if i >= 0 else 0

    return depth_at
