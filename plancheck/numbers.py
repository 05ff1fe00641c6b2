"""Numbers as Vietnamese plans write them.

Vietnamese uses "," as the decimal mark and "." to group thousands:
"4.636" is four thousand six hundred and thirty-six, "8,9" is a decimal.
Formatting uses babel's vi locale. Parsing is by the patterns below, which
validate a form completely (ASCII digits only) before it is converted; what
they do is ours, written by hand because no library does it:

* classify the form first, so that a foreign form ("158.2", "1,234,567") is
  read and *reported* rather than rejected, and an ambiguous one ("4,250":
  4,25 or 4.250?) is reported as ambiguous, never silently guessed;
* keep the reported precision ("7,50" has two decimals);
* qualifiers and ranges ("trên 10%", "21-22%", "từ 90% trở lên") as intervals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from .intervals import INF, Interval
from .models.location import Location
from .models.value import Value
from .lazyre import lazy_compile


class NotANumber(ValueError):
    """The text is not a number in any convention plancheck knows."""


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    text: str
    value: Decimal            # the Vietnamese reading (comma = decimal mark)
    decimals: int             # digits after the decimal mark as written
    ambiguous: bool = False   # "4,250": a decimal to three places, or 4.250 miswritten?
    alternative: Decimal | None = None  # the other reading of an ambiguous number
    foreign: bool = False     # written with English separators ("158.2", "1,234,567")

    @property
    def interval(self) -> Interval:
        return Interval.rounded(self.value, self.decimals) if self.decimals else Interval.exact(self.value)


# Spaces that may group digits ("4 636") or sit around signs after extraction.
_SPACES = "\u00a0\u202f\u2009\u2007 "
_MINUS = "-\u2212\u2013"

# A group of thousands never starts with 0: "0.500" is no Vietnamese 500 (it is
# an English 0.5) and "0,250" is no English 250 (so it is not ambiguous).
_LEAD = r"[1-9][0-9]{0,2}"
_INT = lazy_compile(r"[0-9]+")
# The longest figure read: a budget in đồng with its decimals has about 20 characters, 16 digits.
MAX_DIGITS = 40
# The most digits a figure may have: 20 leave room for a multiplier ("tỷ": nine more) within the
# 28 significant digits of Decimal's default context, where a remainder or a rounding of a longer
# number raises (DivisionImpossible) instead of answering.
MAX_SIGNIFICANT = 20


def too_many_digits(text: str) -> bool:
    """Whether ``text`` holds more digits than any figure has (MAX_SIGNIFICANT)."""
    return sum(c.isdigit() for c in text) > MAX_SIGNIFICANT
_VI_GROUPED = lazy_compile(rf"{_LEAD}(?:\.[0-9]{{3}})+")                  # 4.636, 1.234.567
_VI_DECIMAL = lazy_compile(rf"(?:{_LEAD}(?:\.[0-9]{{3}})+|[0-9]+),[0-9]+")  # 8,9  1.234,5
_EN_DECIMAL = lazy_compile(r"[0-9]+\.[0-9]+")                            # 158.2 (not 3-digit groups)
_EN_GROUPED = lazy_compile(rf"{_LEAD}(?:,[0-9]{{3}})+(?:\.[0-9]+)?")      # 1,234,567  1,234.5
_AMBIGUOUS = lazy_compile(rf"{_LEAD},[0-9]{{3}}")                         # 4,250


@cache
def _locale(name: str):
    from babel import Locale  # babel loads only when a number is formatted

    return Locale.parse(name)


def _to_decimal(digits: str, group: str, mark: str) -> Decimal:
    """A form the patterns above have validated, as a Decimal."""
    return Decimal(digits.replace(group, "").replace(mark, "."))


def _decimals_after(text: str, mark: str) -> int:
    return len(text.rsplit(mark, 1)[1]) if mark in text else 0


def parse_number(text: str) -> ParsedNumber:
    """One number, sign allowed, no unit: "4.636", "-3,2", "158.2", "4,250"."""
    raw = text
    s = text.strip()
    for ch in _SPACES:
        s = s.replace(ch, " ")
    sign = Decimal(1)
    if s[:1] in _MINUS:
        sign, s = Decimal(-1), s[1:].lstrip()
    elif s[:1] == "+":
        s = s[1:].lstrip()
    if len(s) > MAX_DIGITS:   # an identifier or a corrupted run of digits, no figure of a plan
        raise NotANumber(f"not a number: more than {MAX_DIGITS} characters in {text[:20]!r}…")
    if too_many_digits(s):
        raise NotANumber(f"not a number: more than {MAX_SIGNIFICANT} digits in {text[:24]!r}…")
    if re.fullmatch(rf"{_LEAD}(?: [0-9]{{3}})+(?:,[0-9]+)?", s):  # "4 636" grouped with spaces
        s = s.replace(" ", ".")

    if _INT.fullmatch(s):
        return ParsedNumber(raw, sign * Decimal(s), 0)
    if _VI_GROUPED.fullmatch(s):
        return ParsedNumber(raw, sign * _to_decimal(s, ".", ","), 0)
    if _VI_DECIMAL.fullmatch(s):
        value = sign * _to_decimal(s, ".", ",")
        decimals = _decimals_after(s, ",")
        if _AMBIGUOUS.fullmatch(s):
            return ParsedNumber(raw, value, decimals, ambiguous=True,
                                alternative=sign * Decimal(s.replace(",", "")))
        return ParsedNumber(raw, value, decimals)
    if _EN_DECIMAL.fullmatch(s) or _EN_GROUPED.fullmatch(s):
        value = sign * _to_decimal(s, ",", ".")
        return ParsedNumber(raw, value, _decimals_after(s, "."), foreign=True)
    raise NotANumber(f"not a number: {text!r}")


# -- quantities: a number with its qualifier and unit -----------------------

_NUM = r"[-+\u2212]?\s?[0-9][0-9.,\u00a0 ]*[0-9]|[-+\u2212]?[0-9]"
_RANGE_SEP = r"\s*(?:-|–|—|đến|tới)\s*"

# Qualifier words before a number → which side of the interval they open.
_LOWER_OPEN = ("lớn hơn", "cao hơn", "nhiều hơn", "trên", "hơn", "vượt")
_LOWER_CLOSED = ("ít nhất", "tối thiểu", "không dưới", "không thấp hơn", "không ít hơn")
_UPPER_OPEN = ("nhỏ hơn", "thấp hơn", "ít hơn", "chưa đến", "chưa tới", "dưới")
_UPPER_CLOSED = ("tối đa", "không quá", "không vượt quá", "không cao hơn", "không hơn")
_ABOUT = ("khoảng", "xấp xỉ", "ước khoảng", "gần", "ước", "trên dưới")
QUALIFIER_SIDES = _QUALIFIERS = sorted(
    [(q, "lower_open") for q in _LOWER_OPEN] + [(q, "lower_closed") for q in _LOWER_CLOSED]
    + [(q, "upper_open") for q in _UPPER_OPEN] + [(q, "upper_closed") for q in _UPPER_CLOSED]
    + [(q, "about") for q in _ABOUT],
    key=lambda item: -len(item[0]),
)
# (QUALIFIER_SIDES: each qualifier word, longest first, with the side of the interval it opens.)
# The qualifier words as a pattern, for finding figures in running text ("đạt trên 10%").
QUALIFIER = "(?:" + "|".join(re.escape(word) for word, _ in _QUALIFIERS) + "|từ)"
_SUFFIX_UP = lazy_compile(r"\s*trở\s+lên\s*$")
_SUFFIX_DOWN = lazy_compile(r"\s*trở\s+xuống\s*$")

_QUANTITY = lazy_compile(
    rf"^(?P<a>{_NUM})\s*(?P<ua>%|‰)?(?:{_RANGE_SEP}(?P<b>{_NUM}))?\s*(?P<unit>.*?)\s*$",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Value
    unit: str                         # what follows the number: "%", "xã", "tỷ đồng", ""
    numbers: tuple[ParsedNumber, ...]  # the numbers as parsed (one, or two for a range)


def parse_quantity(text: str, location: Location | None = None) -> Quantity:
    """A reported figure with qualifier and unit.

    "9,0%" · "0,45‰" · "21-22%" · "28 - 29%" · "trên 10%" · "dưới 3%" ·
    "khoảng 9,0%" · "từ 90% trở lên" · "ít nhất 4%" · "05 xã" · "4.450 tỷ đồng".
    """
    s = " ".join(text.split())
    low = s.casefold()
    qualifier: str | None = None
    side: str | None = None
    for word, kind in _QUALIFIERS:
        if low.startswith(word + " "):
            qualifier, side = s[: len(word)], kind
            s = s[len(word):].lstrip()
            low = s.casefold()
            break
    if m := _SUFFIX_UP.search(low):
        side, qualifier = "lower_closed", (qualifier + " … " if qualifier else "") + "trở lên"
        s = s[: m.start()]
    elif m := _SUFFIX_DOWN.search(low):
        side, qualifier = "upper_closed", (qualifier + " … " if qualifier else "") + "trở xuống"
        s = s[: m.start()]
    if s.casefold().startswith("từ "):  # "từ 90% trở lên", "từ 21 đến 22%"
        s = s[3:]

    m = _QUANTITY.match(s)
    if not m:
        raise NotANumber(f"not a number: {text!r}")
    first = parse_number(m["a"])
    unit = (m["ua"] or "").strip()
    rest = m["unit"]
    if m["b"]:
        second = parse_number(m["b"])
        unit = unit or _leading_unit(rest)
        if first.value > second.value:
            raise NotANumber(f"range runs backwards: {text!r}")
        value = Value(text=text.strip(), lo=first.value, hi=second.value,
                      decimals=max(first.decimals, second.decimals), qualifier=qualifier,
                      location=location)
        return Quantity(value, (unit + " " + _after_unit(rest)).strip() if unit and rest else (unit or rest),
                        (first, second))
    if not unit:
        unit = rest
    elif rest:
        unit = f"{unit} {rest}"
    interval = first.interval
    lo, hi, lo_closed, hi_closed = interval.lo, interval.hi, True, True
    point: Decimal | None = first.value
    if side == "lower_open":
        lo, hi, lo_closed, point = first.value, INF, False, None
    elif side == "lower_closed":
        lo, hi, point = first.value, INF, None
    elif side == "upper_open":
        lo, hi, hi_closed, point = -INF, first.value, False, None
    elif side == "upper_closed":
        lo, hi, point = -INF, first.value, None
    value = Value(text=text.strip(), lo=lo, hi=hi, lo_closed=lo_closed, hi_closed=hi_closed,
                  point=point, decimals=first.decimals, qualifier=qualifier, location=location)
    return Quantity(value, unit.strip(), (first,))


def _leading_unit(rest: str) -> str:
    return "%" if rest.startswith("%") else ("‰" if rest.startswith("‰") else "")


def _after_unit(rest: str) -> str:
    return rest[1:].strip() if rest[:1] in ("%", "‰") else rest


def parse_value(text: str, location: Location | None = None) -> Value:
    """A table cell or figure with at most "%" or "‰" after it."""
    q = parse_quantity(text, location)
    if q.unit not in ("", "%", "‰"):
        raise NotANumber(f"unexpected text after the number: {text!r}")
    return q.value


def alternative_reading(value: Value) -> Value | None:
    """The other reading of an ambiguous figure: "4,250" (4,25 to Vietnamese eyes)
    may be 4.250 written with the wrong separator. None when the text has one reading."""
    text = value.text.strip()
    unit = text[-1:] if text[-1:] in ("%", "‰") else ""
    try:
        parsed = parse_number(text[: len(text) - len(unit)])
    except NotANumber:
        return None
    if not parsed.ambiguous or parsed.alternative is None:
        return None
    alt = parsed.alternative
    return Value(text=value.text, lo=alt, hi=alt, point=alt, decimals=0, location=value.location)


def readings(value: Value) -> tuple[Value, ...]:
    """Every way a reported figure may be read: its Vietnamese reading first."""
    alt = alternative_reading(value)
    return (value,) if alt is None else (value, alt)


# -- Roman numerals (Phần I, Phụ lục II, khóa XV) ------------------------------------------
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_NUMERAL = lazy_compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral ("XIV" -> 14, "xv" -> 15); None otherwise."""
    text = text.upper()
    if not _ROMAN_NUMERAL.match(text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value else value
    return total


def roman_numeral(value: int) -> str:
    out = []
    for amount, numeral in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                            (5, "V"), (4, "IV"), (1, "I")):
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)


def exact_value(number: Decimal | int | str, text: str | None = None) -> Value:
    """A value known exactly (a default total of 100%, a count of items)."""
    d = Decimal(number)
    return Value(text=text or format_number(d), lo=d, hi=d, point=d, decimals=0)


def format_number(value: Decimal | float | int, decimals: int | None = None) -> str:
    """Vietnamese formatting for messages: 1.234,57."""
    from babel.numbers import format_decimal

    d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if decimals is None:
        decimals = max(0, -d.normalize().as_tuple().exponent) if d.is_finite() else 0
    if not d.is_finite():
        return "∞" if d > 0 else "-∞"
    # Documents (and Excel) round half up: 0,125 -> 0,13, not babel's half-even 0,12.
    d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if d.is_signed() and d == 0:
        d = abs(d)  # -0,0004 at 3 decimals is "0,000", not "-0,000"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(d, format=pattern, locale=_locale("vi"), decimal_quantization=True)


def format_significant(value: Decimal, min_decimals: int = 0, digits: int = 3) -> str:
    """Format with at least ``min_decimals`` decimals and ``digits`` significant digits (0,0917)."""
    if not value.is_finite() or value == 0:
        return format_number(value, min_decimals)
    magnitude = value.copy_abs().adjusted()  # 0.0917 -> -2, 123.4 -> 2
    decimals = max(min_decimals, digits - 1 - magnitude)
    return format_number(value.quantize(Decimal(1).scaleb(-decimals)), decimals)
