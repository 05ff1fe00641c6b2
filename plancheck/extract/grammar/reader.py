"""The reader's state over one paragraph's figures, and the helpers every statement kind uses."""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Callable, TYPE_CHECKING

from ...models import Comparison, ComparisonKind, Location, Operand, Value
from ...units import parse_unit
from ..figures import Figure
from .cues import _ADMIN, _CONTAINER, _MONEY, _SENTENCE_END, _label, _person, _whole_words
from ...lazyre import lazy_compile


# An organisation's units under their common name, and the kinds it is made of.
_ORG_WHOLE = lazy_compile(r"^(?:đơn vị|cơ quan|tổ chức)\b", re.IGNORECASE)

_ORG_UNITS = frozenset({"vụ", "cục", "chi", "phòng", "ban", "trung", "viện", "trường", "sở", "văn", "thanh", "trạm",
                        "bệnh", "tổng", "đơn", "cơ", "tổ", "hội", "đội", "khoa", "bộ"})

# Words that count occurrences of what follows them: "lần mục tiêu" counts mục tiêu.
_CLASSIFIERS = frozenset({"lần", "lượt", "số"})



def _subject(text: str) -> str:
    """What a comparison is about: the label of its figure, in its own clause."""
    pieces = [p for p in re.split(r",\s", _label(text)) if p.strip()]
    return pieces[-1].strip() if pieces else ""


def _negated(v: Value) -> Value:
    return dataclasses.replace(v, lo=-v.hi, hi=-v.lo, point=-v.point if v.point is not None else None,
                                lo_closed=v.hi_closed, hi_closed=v.lo_closed)


if TYPE_CHECKING:
    from ..statements import Statements

Locate = Callable[[int], Location]


class ReaderBase:
    """Where the figures are, which sentence each sits in, what each measures, and how a
    statement is emitted: what every statement kind reads with."""

    def __init__(self, text: str, figures: list[Figure], locate: Locate, out: Statements) -> None:
        self.text, self.f, self.locate, self.out = text, figures, locate, out
        self.used_as_base: set[int] = set()        # figures that are another's denominator
        self.share_parts: set[int] = set()         # figures followed by their share of a total
        self.share_of: dict[int, int] = {}         # part -> the total its share is of
        self.share_doubt: set[int] = set()         # parts whose share's total was a guess
        self.in_transition: set[int] = set()       # shares stated as moving from one year to the next
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    # helpers
    def gap(self, i: int) -> str:
        """The words between figure i-1 (or the sentence's start) and figure i."""
        start = self.f[i - 1].end if i > 0 else 0
        return self.text[max(start, self.sentence_start(self.f[i].start)): self.f[i].start]

    def after(self, i: int, limit: int = 60) -> str:
        end = self.f[i + 1].start if i + 1 < len(self.f) else len(self.text)
        return self.text[self.f[i].end: min(end, self.f[i].end + limit)]

    def sentence_start(self, offset: int) -> int:
        k = bisect_left(self.sentence_ends, offset)
        return self.sentence_ends[k - 1] + 1 if k else 0

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether figures a and b sit in one sentence."""
        return self.same_sentence_offset(*sorted((self.f[a].start, self.f[b].start)))

    def same_sentence_offset(self, lo: int, hi: int) -> bool:
        """Whether no sentence ends between offsets lo < hi."""
        k = bisect_right(self.sentence_ends, lo)
        return k == len(self.sentence_ends) or self.sentence_ends[k] >= hi

    def _name(self, i: int, label: str, prefer_after: bool = True) -> str:
        """What figure i is: the counted noun phrase after it when that says more than its noun
        ("109.156 mục tiêu giao thông vận tải (chiếm 53,5%)"), else the label before it."""
        g, phrase = self.f[i], ""
        if g.kind == "qty" and (g.noun or g.unit) and (prefer_after or not label):
            phrase = re.match(r"[^,;:.()\[\]\d]{0,60}", self.text[g.end:]).group(0)
            cut = re.split(r"(?:^|\s)(?:và|chiếm|tăng|giảm|đạt|bằng|là|so với|trong đó|gồm)\b", phrase)[0]
            phrase = _whole_words(cut, self.text[g.end + len(cut):]) if cut == phrase else cut.strip()
            # "…, 4 chi cục và 2 trung tâm" (not "Mông: 61.579 người", labelled before its colon)
            listed = g.noun and not g.unit and not re.split(r"[,;]|\bvà\b", self.gap(i))[-1].strip()
            if (len(phrase.split()) > len(g.noun.split()) or listed) and phrase[:1].isalpha():
                return phrase
        if len(label) > 80:   # the last words, whole
            label = label[-80:].split(" ", 1)[-1]
        return label or (phrase if phrase[:1].isalpha() else "") or g.text

    def value(self, fig: Figure, exponent: int = 0) -> Value:
        """The figure's value located, scaled by 10^exponent when operands differ in multiplier."""
        v = fig.value
        if exponent:
            k = Decimal(10) ** exponent
            v = dataclasses.replace(v, lo=v.lo * k, hi=v.hi * k,
                                     point=v.point * k if v.point is not None else None,
                                     decimals=max(0, (v.decimals or 0) - exponent))
        return dataclasses.replace(v, location=self.locate(fig.start))

    def compatible(self, a: Figure, b: Figure) -> bool:
        """Whether two figures measure the same thing (so one can be part or base of the other)."""
        if a.kind == "pct" or b.kind == "pct":
            return False
        ma, mb = a.measure, b.measure
        if not ma or not mb:
            if a.kind == b.kind == "qty" and (ma or mb) in _MONEY and (a.exponent if not ma else b.exponent) >= 6:
                return True   # "392,78 tỷ đồng … vốn tự có 49,6 tỷ": the currency said once, a sum of money
            return not ma and not mb and a.kind == b.kind == "qty" and a.exponent == b.exponent
        if ma == mb:
            return True
        if a.unit or b.unit:   # one unit however written ("km2", "km²"; "đô la Mỹ", "USD"): no conversion here
            ua, ub = parse_unit(a.unit), parse_unit(b.unit)
            return ua.known and ua.expression == ub.expression
        wa, wb = ma.split(), mb.split()
        if wa[0] == wb[0] or ma in mb or mb in ma:
            return True
        if (wa[0] in _CLASSIFIERS and wa[1:2] == wb[:1]) or (wb[0] in _CLASSIFIERS and wb[1:2] == wa[:1]):
            return True   # "203.733 lần mục tiêu … 109.156 mục tiêu"
        if (_CONTAINER.match(ma) and _ADMIN.match(mb + " ")) or (_CONTAINER.match(mb) and _ADMIN.match(ma + " ")):
            return True   # "12 đơn vị hành chính … gồm 2 thị trấn … và 10 xã"
        if (_ORG_WHOLE.match(ma) and wb[0] in _ORG_UNITS) or (_ORG_WHOLE.match(mb) and wa[0] in _ORG_UNITS):
            return True   # "Bộ … gồm 30 đơn vị, trong đó có 5 vụ và 21 cục …"
        return _person(ma) and _person(mb)

    def operands(self, *figs: Figure) -> list[Value]:
        """Values in one scale: each figure's multiplier applied when they differ."""
        exps = {f.exponent for f in figs}
        if len(exps) == 1:
            return [self.value(f) for f in figs]
        return [self.value(f, f.exponent) for f in figs]

    def _add_comparison(self, kind: ComparisonKind, num_i: int, den_i: int, result_i: int,
                        negative: bool = False, assumed: list[str] = ()) -> None:
        num, den = self.operands(self.f[num_i], self.f[den_i])
        self._emit(kind, num_i, result_i, num, den, self.f[num_i].measure or None, negative=negative,
                   den_label=self.f[den_i].text, assumed=assumed)

    def _emit(self, kind: ComparisonKind, subject_i: int, result_i: int, num: Value, den: Value,
              unit: str | None, negative: bool = False, den_label: str | None = None,
              indicator: str | None = None, scale: Decimal = Decimal(1), label: str | None = None,
              assumed: list[str] = ()) -> None:
        """One comparison: the figure at result_i stated of num against den."""
        f = self.f
        result = self.value(f[result_i])
        if negative:
            result = _negated(result)
        self.out.comparisons.append(Comparison(
            indicator=indicator or self._name(subject_i, _subject(self.gap(subject_i))), kind=kind,
            value=result, numerator=Operand(label=num.text, value=num),
            denominator=Operand(label=den_label or den.text, value=den), label=label or f[result_i].text,
            location=self.locate(f[result_i].start), unit=unit, scale=scale, assumed=list(assumed)))
