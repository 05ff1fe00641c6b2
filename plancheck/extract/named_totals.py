"""Totals a document states by name, and the shares of them it gives elsewhere (areas and money:
figures whose unit says what they measure).

    Diện tích quy hoạch: 60,25 ha.                       ← a named total
    …
    Đất kho tàng 12,05 ha, chiếm 20% tổng diện tích khu.  ← a share of it: 12,05 / 60,25 = 20%

A share whose total is named but not stated in its paragraph ("chiếm 25,66% diện tích đất ở")
is read against a total the document stated earlier under that name ("Đất ở: 49.107 m2"): the
total whose label holds the share's naming words, or, when those words are only the generic
name of the whole ("tổng diện tích khu", "diện tích quy hoạch"), the one generic total of that
measure. Two candidates and nothing is read. The pairing is by name across paragraphs, so it
always assumes its base (plancheck.certainty): at most a warning, which says where the total was.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from ..certainty import Assumption
from ..models import Comparison, ComparisonKind, Operand, Value
from ..models.document import Paragraph
from ..units import UnitKind, conversion_factor, parse_unit
from .figures import clean, scan
from ..lazyre import lazy_compile

# The words any name of a total may carry, which tell one total from another not at all; among
# them, those that say it is the whole (the site, the plan's area): "Có diện tích 249.866 ha" of
# a mountain zone is no whole, "Tổng diện tích lập quy hoạch: 84,5 ha" is.
_WHOLE = frozenset("tổng toàn khu dự án quy hoạch lập phạm vi ranh giới".split())
_GENERIC = _WHOLE | frozenset("diện tích số dân của bộ vực mô quy là có khoảng đạt được nghiên cứu".split())
# A label that names a total: it must say what it totals.
_TOTAL_LABEL = lazy_compile(r"\b(?:tổng|diện tích|quy mô|vốn)\b|^\s*đất\b", re.IGNORECASE)
_LABEL_END = lazy_compile(r"\s*(?:\b(?:là|có|khoảng|đạt|chiếm|gồm)\s*)*[:\s]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Total:
    words: frozenset[str]      # the label's words that are not generic
    whole: bool                # the label says it is the whole ("tổng", "toàn", "khu", "quy hoạch")
    value: Value
    unit: str
    paragraph: int             # its position among the paragraphs


def named_totals(paragraphs: list[Paragraph]) -> list[_Total]:
    """Every figure of a measured kind stated under a label that names a total: the clause's
    words before it ("Diện tích quy hoạch: 60 ha", "- Đất ở: khoảng 49.107 m2")."""
    out: list[_Total] = []
    for n, p in enumerate(paragraphs):
        text = clean(p.text)
        for f in scan(text):
            if f.kind != "qty" or not f.unit or _kind(f.unit) is None:
                continue
            clause = re.split(r"[.;]\s|[,(]", text[: f.start])[-1]
            label = _LABEL_END.sub("", re.sub(r"^[\s*+\-•–]+", "", clause))
            if not label or len(label) > 60 or not _TOTAL_LABEL.search(label) or re.search(r"\d", label):
                continue
            k = Decimal(10) ** f.exponent   # in units: "1,2 tỷ đồng" meets a part in "triệu đồng"
            value = dataclasses.replace(f.value, location=p.locate(f.start), lo=f.value.lo * k,
                                               hi=f.value.hi * k,
                                               point=f.value.point * k if f.value.point is not None else None)
            out.append(_Total(_words(label), _names_whole(label), value, f.unit, n))
    return out


def shares_of_named_totals(paragraphs: list[Paragraph], open_shares: list[tuple[int, tuple]],
                           taken: set) -> list[Comparison]:
    """The comparisons of the open shares (paragraph index, (part, its unit, share, naming words,
    name)) whose total the document named before them; ``taken``: the locations of shares already read."""
    if not open_shares:
        return []
    totals = named_totals(paragraphs)
    out: list[Comparison] = []
    for n, (part, unit, share, naming, name) in open_shares:
        if share.location in taken or _kind(unit) is None:
            continue
        total = _the_total(totals, n, _words(naming), _names_whole(naming), unit, part)
        if total is None:
            continue
        value = total.value
        factor = conversion_factor(parse_unit(total.unit), parse_unit(unit))
        if factor is None:
            continue
        if factor != 1:
            value = dataclasses.replace(value, lo=value.lo * factor, hi=value.hi * factor,
                                             point=value.point * factor if value.point is not None else None)
        where = f"{total.value.text}, dòng {total.value.location.line}" if total.value.location and \
            total.value.location.line else total.value.text
        out.append(Comparison(indicator=name or naming, kind=ComparisonKind.share, value=share, label=share.text,
                              location=share.location, unit=unit,
                              numerator=Operand(label=part.text, value=part),
                              denominator=Operand(label=where, value=dataclasses.replace(value, text=where)),
                              assumed=[Assumption.base.value]))
    return out


def _the_total(totals: list[_Total], before: int, words: frozenset[str], whole: bool, unit: str,
               part: Value) -> _Total | None:
    """The one earlier total the naming words point to, of the part's kind and not below it: by its
    own words, or, when the share names only the whole, the one total that says it is the whole."""
    kind = _kind(unit)
    fits = [t for t in totals if t.paragraph < before and _kind(t.unit) == kind
            and t.value.hi is not None and part.lo is not None and t.value.hi >= part.lo]
    if words:
        exact = {t.value.point for t in fits if t.words == words}
        if len(exact) == 1:
            return next(t for t in fits if t.words == words)
        if exact:
            return None
        wider = {t.value.point for t in fits if words <= t.words}
        return next(t for t in fits if words <= t.words) if len(wider) == 1 else None
    if not whole:
        return None   # "chiếm 10% diện tích": of what, the share does not say
    generic = {t.value.point for t in fits if not t.words and t.whole}
    return next(t for t in fits if not t.words and t.whole) if len(generic) == 1 else None


def _names_whole(label: str) -> bool:
    return any(w in _WHOLE for w in re.findall(r"[^\W\d_]+", label.casefold()))


def _words(label: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[^\W\d_]+", label.casefold()) if w not in _GENERIC)


def _kind(unit: str) -> UnitKind | None:
    """Areas and money: what a total of them names and a share of them measures."""
    kind = parse_unit(unit).kind
    return kind if kind in (UnitKind.area, UnitKind.money) else None
