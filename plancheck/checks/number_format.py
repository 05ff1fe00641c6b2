"""Figures written against the Vietnamese convention: 4.636 is four thousand, 8,9 a decimal.

Two ways a figure goes wrong:
* an English form ("158.2", "1,234,567"): its reading is clear, its form is not Vietnamese;
* a comma before exactly three digits ("4,250") in a row of thousands: to a Vietnamese
  reader it is 4,25. Which reading the author meant is decided from the row: the
  comparison cells that use it, and neighbours written with a thousands point
  (4.636, 4.800). A rate column of three-decimal percentages ("3,740 %" beside
  3,710 and 3,680) has no such neighbours and is left alone.
"""
from __future__ import annotations

import dataclasses
import re

import math
from decimal import Decimal
from typing import Iterable

from ..models import TextFigure, Value, WrittenForm
from ..numbers import NotANumber, ParsedNumber, alternative_reading, format_number, parse_number
from .base import CheckKind, Hit, Params, Subject
from .arithmetic import holds_as_written
from .series import Cells, Row, cells_of, rows_of
from ..lazyre import lazy_compile


def parsed(value: Value) -> ParsedNumber | None:
    """The number as written, without its % or ‰; None for ranges and qualified figures."""
    text = value.text.strip().rstrip("%‰").strip()
    if value.qualifier or value.point is None:
        return None
    try:
        return parse_number(text)
    except NotANumber:
        return None


# -- a comma before three digits in a row of thousands ------------------------------

class AmbiguousSeparatorParams(Params):
    # A neighbour "agrees" in magnitude within this factor; a reading this many
    # times away from the neighbours is no plausible value of the same row.
    same_magnitude: float = 10.0
    implausible_factor: float = 100.0


class AmbiguousSeparator(CheckKind):
    name = "ambiguous_separator"
    fields = frozenset({"indicator", "text", "reading", "meant", "because", "because_en"})
    Params = AmbiguousSeparatorParams

    def run(self, subject: Subject, params: AmbiguousSeparatorParams) -> Iterable[Hit]:
        for row in rows_of(subject):
            for _, value in row.values:
                alt = alternative_reading(value)
                if alt is not None and (reasons := _reasons(row, value, alt, params)):
                    yield _hit(row, value, alt, reasons)
            for c in row.comparisons:   # a comparison cell of thousands: "1,250" for 1.250%
                alt = alternative_reading(c.value)
                if alt is not None and holds_as_written(c) is False and \
                        holds_as_written(dataclasses.replace(c, value=alt)):
                    meant = format_number(alt.point)
                    yield _hit(row, c.value, alt, [(f"các số liệu của hàng cho {meant}",
                                                    f"the row's values give {meant}")])


def _hit(row: Row, value: Value, alt: Value, reasons: list[tuple[str, str]]) -> Hit:
    vi, en = zip(*reasons)
    meant = format_number(alt.point)
    number = parsed(value)
    written = value.text.strip()
    return Hit(
        location=value.location or row.indicator.location,
        fields={"indicator": row.indicator.name, "text": written,
                "reading": format_number(value.point.normalize()), "meant": meant,
                "because": "; ".join(vi), "because_en": "; ".join(en)},
        suggestion=f"{written} → {written.replace(number.text.strip(), meant, 1) if number else meant}",
        evidence={"readings": [str(value.point), str(alt.point)]},
    )


def _reasons(row: Row, value: Value, alt: Value, params: AmbiguousSeparatorParams) -> list[tuple[str, str]]:
    """Why the row says ``value`` means ``alt`` (in vi and en); empty when it does not."""
    from ..units import is_share

    if is_share(row.indicator.unit) and alt.point > 100:
        return []   # 3.740% unemployment is no reading of "3,740 %"
    reasons = []
    for c in row.uses(value):
        as_written, as_meant = holds_as_written(c), holds_as_written(row.with_operand(c, value, alt))
        if as_meant and as_written is False:
            reasons.append((f"cột \"{c.label}\" ghi {c.value.text}% chỉ đúng với {format_number(alt.point)}",
                            f"the row's {c.value.text}% (\"{c.label}\") holds only for {format_number(alt.point)}"))
    thousands = [v for _, v in row.values if not row.cells.same(v, value) and _grouped(v)]
    if thousands:
        middle = sorted(v.point for v in thousands)[len(thousands) // 2]
        if _factor(alt.point, middle) < params.same_magnitude and \
                _factor(value.point, middle) > params.implausible_factor:
            shown = ", ".join(v.text for v in thousands)
            reasons.append((f"cùng hàng có {shown} (dấu chấm phân cách hàng nghìn)",
                            f"the row has {shown} (a point grouping thousands)"))
    return reasons


def _grouped(value: Value) -> bool:
    n = parsed(value)
    return n is not None and not n.foreign and not n.ambiguous and "." in n.text


def _factor(a: Decimal, b: Decimal) -> float:
    if a <= 0 or b <= 0:
        return math.inf
    return 10 ** abs(math.log10(float(a)) - math.log10(float(b)))


# -- English forms -------------------------------------------------------------------

class EnglishSeparatorsParams(Params):
    # "1.009403" is an administrative procedure's code, not a figure to six decimals.
    max_decimals: int = 3


class EnglishSeparators(CheckKind):
    """A point as the decimal mark ("158.2") or commas grouping thousands ("1,234,567")."""

    name = "english_separators"
    fields = frozenset({"indicator", "text", "vietnamese", "confirmed", "confirmed_en"})
    Params = EnglishSeparatorsParams

    def run(self, subject: Subject, params: EnglishSeparatorsParams) -> Iterable[Hit]:
        plan = subject.plan
        cells = cells_of(subject)
        reported = set()
        confirming: set | None = None   # the results of comparisons that hold as written, by cell
        for name, value in _figures(plan, cells):
            n = parsed(value)
            if n is None or not n.foreign or n.decimals > params.max_decimals:
                continue
            vietnamese = format_number(n.value, n.decimals)
            if confirming is None:   # once a run, not once a figure: linear in the comparisons
                confirming = {cells.key(c.value) for c in plan.comparisons if holds_as_written(c)}
            confirmed = cells.key(value) in confirming
            reported.add(value.location)
            yield Hit(
                location=value.location,
                fields={"indicator": name, "text": value.text.strip(), "vietnamese": vietnamese,
                        "confirmed": " (các số liệu của hàng cho đúng giá trị này)" if confirmed else "",
                        "confirmed_en": " (the row's values give this value)" if confirmed else ""},
                suggestion=f"{n.text.strip()} → {vietnamese}",
            )
        for f in _english_in_text(plan):   # the figures of running text no statement holds
            n = parse_number(f.text)
            if n.decimals > params.max_decimals or f.location in reported:
                continue
            vietnamese = format_number(n.value, n.decimals)
            yield Hit(location=f.location,
                      fields={"indicator": _measure(f), "text": f.text, "vietnamese": vietnamese,
                              "confirmed": "", "confirmed_en": ""},
                      suggestion=f"{f.text} → {vietnamese}")


def _figures(plan, cells: Cells) -> Iterable[tuple[str, Value]]:
    """Every figure of a plan once, with the name of what it measures."""
    candidates = [(ind.name, obs.value) for ind in plan.indicators for obs in ind.values]
    candidates += [(c.indicator, c.value) for c in plan.comparisons]
    candidates += [(f"{s.name}: {comp.name}", comp.value) for s in plan.structures for comp in s.components]
    candidates += [pair for p in plan.parts for pair in ((p.whole_name, p.whole), (p.part_name, p.part))]
    seen: set = set()
    for name, value in candidates:
        if cells.key(value) not in seen:
            seen.add(cells.key(value))
            yield name, value



# -- figures of running text ---------------------------------------------------------

def _english_in_text(plan) -> list[TextFigure]:
    """Running-text figures in an English form that measure something: "58.8%", "118.8 km",
    "17.2 tỉ USD". A bare "4.0" (công nghiệp 4.0, a version, a section) is no measure."""
    return [f for f in plan.text_figures
            if f.form is WrittenForm.foreign and (f.unit or f.multiplier)]


def _measure(f: TextFigure) -> str:
    """What a figure of running text counts, as the text says it: "tỷ đồng" (its multiplier with
    its noun), "ha", "số liệu (%)"."""
    what = f.noun or f.unit
    if what and what != "%" and f.multiplier in _MULTIPLIER_WORDS:
        return f"{_MULTIPLIER_WORDS[f.multiplier]} {what}"
    return f.noun or ("số liệu (%)" if f.unit == "%" else f.unit) or "số liệu"


# a multiplier's power of ten said as a word again ("tỷ đồng": 9)
_MULTIPLIER_WORDS = {3: "nghìn", 4: "vạn", 6: "triệu", 9: "tỷ", 12: "nghìn tỷ"}


_FOREIGN_MONEY = lazy_compile(r"(?:đô\s*la|USD|\$|euro|EUR|€|yên|JPY|nhân dân tệ|CNY|bảng Anh|GBP|won|rúp)", re.IGNORECASE)

# Counted nouns whose counts may be fractional: "1,5 lần", "8,5 điểm", "2,5 giờ".
_DIVISIBLE_NOUNS = frozenset("""lần điểm tuổi giờ phút giây năm tháng ngày tuần quý độ bậc hệ vòng
    chỉ số mức""".split())


class ThousandsCommaInTextParams(Params):
    pass


class ThousandsCommaInText(CheckKind):
    """A comma before exactly three digits in running text ("trên 887,000 người") that can
    only be thousands: a count of whole things, a three-place decimal ending in zero, or a
    document that writes its decimals with a point elsewhere. "1,435 m" in a text of
    Vietnamese decimals stays a decimal."""

    name = "thousands_comma_in_text"
    fields = frozenset({"what", "text", "reading", "meant", "because", "because_en"})
    Params = ThousandsCommaInTextParams

    def run(self, subject: Subject, params: ThousandsCommaInTextParams) -> Iterable[Hit]:
        plan = subject.plan
        english = _english_in_text(plan)
        for f in plan.text_figures:
            if f.form is not WrittenForm.ambiguous or f.value is None:
                continue
            n = parse_number(f.text)
            reasons = []
            if f.noun and not f.unit and not f.multiplier and f.noun.split()[0].casefold() not in _DIVISIBLE_NOUNS:
                reasons.append((f"không đếm được {f.noun} lẻ", f"{f.noun} are counted whole"))
            if f.multiplier >= 9 and _FOREIGN_MONEY.search(f"{f.unit or ''} {f.noun or ''}"):
                # "92,210 tỷ đô la", "328,225 tỷ euro": a foreign currency in billions is written to
                # the million, three decimals; "115,883 tỉ đồng" (a million đồng) is rarely so precise
                continue
            if f.text.endswith("0") and f.unit != "%":
                reasons.append(("số thập phân không viết số 0 ở cuối", "a decimal is not written with a trailing zero"))
            if english and not reasons:
                shown = ", ".join(e.text for e in english[:3])
                reasons.append((f"văn bản viết dấu chấm thập phân ở nơi khác ({shown})",
                                f"the text writes decimal points elsewhere ({shown})"))
            if not reasons:
                continue
            vi, en = zip(*reasons)
            meant = format_number(n.alternative)
            yield Hit(location=f.location,
                      fields={"what": _measure(f), "text": f.text, "reading": format_number(n.value, n.decimals),
                              "meant": meant, "because": "; ".join(vi), "because_en": "; ".join(en)},
                      suggestion=f"{f.text} → {meant}")


class MalformedFigureParams(Params):
    pass


class MalformedFigure(CheckKind):
    """A figure no convention reads: a two-digit group ("2.310.57"), a space inside ("2 3,45%")."""

    name = "malformed_figure"
    fields = frozenset({"text"})
    Params = MalformedFigureParams

    def run(self, subject: Subject, params: MalformedFigureParams) -> Iterable[Hit]:
        for f in subject.plan.text_figures:
            if f.form is WrittenForm.malformed:
                yield Hit(location=f.location, fields={"text": f.text}, suggestion=_regrouped(f.text))


def _regrouped(text: str) -> str | None:
    """The likely figure when its thousands points were lost after the first: "1.824127" →
    "1.824.127"; None when the slip has no single reading ("2.310.57", "2 3,45%")."""
    m = re.fullmatch(r"(\d{1,3})[.,]((?:\d{3}){2,})", text)
    if not m:
        return None
    groups = [m.group(2)[k:k + 3] for k in range(0, len(m.group(2)), 3)]
    return f"{text} → {'.'.join([m.group(1), *groups])}?"
