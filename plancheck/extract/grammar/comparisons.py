"""Comparisons: growth, ratio, share of a total, quotients (density, sex ratio), restatements in another unit."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ...certainty import Assumption
from ...models import Comparison, ComparisonKind, Operand, Value
from ...units import conversion_factor, parse_unit
from ..figures import BOUNDS, Figure, plain_value
from .cues import PARTS_CUE, _closes_before, _GROWTH_BEFORE, _PERSON, _RATIO_BEFORE, _SHARE_GAP, _person
from .reader import _subject
from ...lazyre import lazy_compile


# A change restated as a rate after its amount (and the amount's noun): "290.109 người hay 0,8%"
_YEAR_ASIDE = lazy_compile(r"\(\s*(?:năm\s*)?(?:1[89]|20)\d\d\s*\)")

_PLANNED = lazy_compile(r"\b(?:kế hoạch|dự toán|dự kiến|được giao|giao|mục tiêu|tổng số vốn|tổng vốn)\b[^\d]*$",
                      re.IGNORECASE)

_RESTATED = lazy_compile(r"^\s*(?:[^\W\d_]+\s+){0,2},?\s*(?:hay|tức|tức là|tương đương|tương ứng|hoặc)(?:\s+(?:với|là))?"
                       r"\s*(?:tăng|giảm)?\s*$", re.IGNORECASE)

_BASE_AFTER = lazy_compile(r"^\s*(?:\(|,)?\s*so\s+với\s+(?:mức\s+|số\s+|con\s+số\s+)?$|^\s*từ\s+$"
                         # "so cùng kỳ (5.090 tỷ đồng)", "so với năm 2024 (năm 2024: 5.090 tỷ đồng)"
                         r"|^\s*,?\s*so\s+(?:với\s+)?(?:cùng\s+kỳ|năm\s+trước|năm\s+(?:19|20)\d\d)[^\d();.,;]{0,30}"
                         r"\(\s*(?:cùng\s+kỳ\s*:?\s*)?$", re.IGNORECASE)

_PLAN_PAREN = lazy_compile(r"\(\s*(?:kế hoạch|dự toán|KH|DT)[^():]{0,40}:\s*$", re.IGNORECASE)
# "vượt 8% dự toán (dự toán 5.000 tỷ đồng)", "vượt 5% kế hoạch (kế hoạch: 1.200 tỷ đồng)": the plan after
_PLAN_NAMED = lazy_compile(r"^\s*(?:kế hoạch|dự toán|KH|DT|chỉ tiêu)\b[^\d();.,;]{0,40}\(\s*"
                         r"(?:(?:kế hoạch|dự toán|KH|DT|chỉ tiêu)\b[^\d():;.]{0,30}:?\s*)?$", re.IGNORECASE)

_VERSUS = lazy_compile(r"^\s*so\s+với\s*$", re.IGNORECASE)

_NOT_SHARE_AFTER = lazy_compile(r"^\s*(?:kế hoạch|dự toán|so với|so cùng kỳ|cùng kỳ|KH\b|DT\b)", re.IGNORECASE)

# What a share is of, when the text names it right after: "chiếm 0,9% dân số", "79% diện tích".
_BASE_WORD = lazy_compile(r"^\s*((?:tổng\s+)?(?:dân số|số dân|diện tích)|GRDP|GDP|tổng sản phẩm|tổng mức đầu tư|tổng vốn|"
                        r"tổng số)\b",
                        re.IGNORECASE)

_OF_BASE = lazy_compile(r"^[^\d;:.()%]{0,60}?,?\s*\b(?:bằng|tương đương)\s*$", re.IGNORECASE)

# a whole announcing its parts, before a colon ("…, bao gồm:", "cụ thể như sau:")
_ANNOUNCED_PARTS = lazy_compile(rf"\b(?:{PARTS_CUE})\s*:", re.IGNORECASE)
_PART_CUE = lazy_compile(rf"\b(?:{PARTS_CUE})\b", re.IGNORECASE)

# between a figure and itself in another unit: "(~", "(khoảng", ", tương đương", " hay"
_RESTATED_AS = lazy_compile(r"\s*(?:\(\s*(?:~|≈|khoảng|tương đương|tức|hay|bằng)?\s*(?:với\s+)?|,?\s*(?:tương đương|tức là|tức|hay|≈|~)"
                          r"(?:\s+(?:với|khoảng))?\s*)", re.IGNORECASE)

_YEAR_SPAN = lazy_compile(r"(?:1[89]|20)\d\d\s*[-–]\s*(?:1[89]|20)\d\d")   # "1965-2005": a period, no quantity

_POPULATION_PART = lazy_compile(r"\b(?:thành thị|nông thôn|đô thị|nam|nữ)\s*(?:là|có|đạt|:)?\s*$", re.IGNORECASE)
_POPULATION_WHOLE = lazy_compile(r"\b(?:dân số|số dân|tổng cộng|tổng số|toàn (?:tỉnh|huyện|thành phố|thị xã|xã|vùng|quốc))\b",
                               re.IGNORECASE)

_AREA_UNITS = frozenset({"ha", "km2", "km²", "m2", "m²"})

# After a threshold, the words that give the fraction's own rate ("…, chiếm tỷ lệ 73,33%").
_STATES_RATE = lazy_compile(r"[\s,;]*(?:trở\s+(?:lên|xuống)[\s,;]*)?(?:\(\s*)?(?:chiếm|đạt)?\s*(?:tỷ|tỉ)\s+lệ\s*(?:là\s*)?$|"
                          r"[\s,;]*(?:trở\s+(?:lên|xuống)[\s,;]*)?chiếm\s*$", re.IGNORECASE)
# The end of the clause that holds a fraction, giving its rate: "15.463/17.731 hợp tác xã … đăng ký
# cấp định danh điện tử, đạt tỷ lệ 87,02%".
_RATE_CLOSES = lazy_compile(r"[,(]\s*(?:đạt|chiếm)\s+(?:tỷ|tỉ)\s+lệ\s*(?:là\s*)?$", re.IGNORECASE)
_VOTE = lazy_compile(r"\b(?:biểu quyết|tán thành|phiếu|tín nhiệm|bầu cử|đại biểu)\b", re.IGNORECASE)


def _ratio_holds(fraction: Figure, result: Figure) -> bool:
    """Whether a fraction gives the rate beside it, within both's rounding."""
    from ...intervals import ratio_percent

    computed = ratio_percent(fraction.numerator.interval, fraction.denominator.interval)
    return computed.overlaps(result.value.interval)


def _without_qualifier(fig: Figure) -> Figure:
    """The figure with its qualifier read as a preposition: "trên 1.390.000 người" as "out of"."""
    value = plain_value(fig.number) or fig.value
    return Figure(fig.number_at, fig.end, fig.number, value, fig.kind, fig.unit, fig.noun, fig.exponent, None,
                  depth=fig.depth, form=fig.form, number_at=fig.number_at, number=fig.number)


def _measures(part: Figure, base: str) -> bool:
    """Whether a figure can be a part of what a base word names: people of "dân số", an area
    of "diện tích", money of "GRDP"."""
    base = re.sub(r"^tổng\s+(?=dân số|số dân|diện tích)", "", base.casefold())
    if base == "tổng số":
        return True
    if base in ("dân số", "số dân"):
        return not part.unit and _person(part.noun.casefold() or "người")
    if base == "diện tích":
        return part.unit.casefold() in _AREA_UNITS
    if not part.unit:   # "49,6 tỷ (chiếm 15% tổng mức đầu tư)": money whose currency goes unsaid
        return not part.noun and part.exponent >= 6
    return part.unit.casefold() not in _AREA_UNITS | {"km", "m"}   # money


class Comparisons:
    # -- comparisons: growth, ratio, share of a total ------------------------------------
    def comparisons(self) -> None:
        f = self.f
        for i, p in enumerate(f):
            if p.kind == "frac":
                self._fraction(i)
                continue
            if p.kind != "pct":
                continue
            before = _YEAR_ASIDE.sub("", self.gap(i))   # "138.790 người (2019), chiếm 1,6%"
            if (p.qualifier or "").casefold() == "vượt" or re.search(r"\bvượt\s*$", before, re.IGNORECASE):
                self._excess(i)
            elif (g := _GROWTH_BEFORE.search(before)) is not None:
                self._growth(i, g.group(1) or "giảm")
            elif i > 0 and f[i - 1].kind == "qty" and _RESTATED.match(before) \
                    and (g := _GROWTH_BEFORE.search(self.gap(i - 1))) is not None:
                self._growth(i, g.group(1) or "giảm")   # "tăng 290.109 người hay 0,8% so với năm 2005"
            elif _RATIO_BEFORE.search(before) and (not _SHARE_GAP.match(before) or _NOT_SHARE_AFTER.match(self.after(i, 30))) \
                    and not (_OF_BASE.match(before) and _BASE_WORD.match(self.after(i, 30))):
                self._ratio(i)
            elif i > 0 and f[i - 1].kind == "qty" and (_SHARE_GAP.match(before) or _OF_BASE.match(before)
                                                       and _BASE_WORD.match(self.after(i, 30))) \
                    and self.same_sentence(i - 1, i) and not f[i - 1].unit.startswith("người/"):
                self._share(i)   # "… 1.200 người chết đói, bằng 57% số dân": a share of a total named after it

    def _subject_of(self, i: int, like: Figure | None = None) -> int | None:
        """The figure a rate at i is about: the nearest earlier quantity of the sentence, outside
        parentheses, not itself a base."""
        for j in range(i - 1, -1, -1):
            if not self.same_sentence(j, i):
                return None
            g = self.f[j]
            if g.kind == "qty" and g.depth <= self.f[i].depth and j not in self.used_as_base \
                    and (like is None or self.compatible(g, like)) and not _GROWTH_BEFORE.search(self.gap(j)):
                return j   # not a change itself: "tăng 290.109 người …, tăng 2.260.494 người" are no subjects
        return None

    def _growth(self, i: int, word: str) -> None:
        f, p = self.f, self.f[i]
        decrease = word.casefold().startswith("giảm")
        # the base: "so với [mức] B" right after the rate
        if i + 1 < len(f) and f[i + 1].kind == "qty" and _BASE_AFTER.match(self.text[p.end: f[i + 1].start]):
            j = self._subject_of(i, f[i + 1])
            if j is not None:
                self._add_comparison(ComparisonKind.growth, j, i + 1, i, decrease)
                self.used_as_base.add(i + 1)
                return
        # the increase: "V, tăng Δ U hay g%" / "tăng g%, tương ứng tăng Δ U"
        for k in (i - 1, i + 1):
            if 0 <= k < len(f) and f[k].kind == "qty" and self.same_sentence(k, i):
                between = self.text[min(f[k].end, p.end): max(f[k].start, p.start)]
                if k == i - 1 and not re.search(r"\b(?:hay|tương đương|tương ứng|tức|hoặc)\b|\(", between):
                    continue
                if k == i + 1 and not re.match(r"^[\s,(]*(?:tương ứng|tương đương|hay|tức)\s+(?:tăng|giảm)\s+$",
                                               between, re.IGNORECASE):
                    continue
                if k == i - 1 and not _GROWTH_BEFORE.search(self.gap(k)):
                    continue
                j = self._subject_of(min(k, i), f[k])
                if j is not None and j != k:
                    self._add_increase(j, k, i, decrease)
                    return

    def _excess(self, i: int) -> None:
        """"đạt 5.400 tỷ đồng, vượt 8% dự toán (dự toán 5.000 tỷ đồng)": what exceeds the plan, by the
        rate over it — the ratio less 100, a growth over the plan figure."""
        f = self.f
        j = self._subject_of(i)
        if j is None:
            return
        for k in range(i + 1, min(i + 3, len(f))):
            g = f[k]
            if g.kind == "qty" and self.same_sentence(i, k) and self.compatible(f[j], g) \
                    and _PLAN_NAMED.match(self.text[f[i].end: g.start]):
                f[i] = _without_qualifier(f[i])   # "vượt" says over the plan, not "more than 8%"
                # "(dự toán Trung ương giao 5.200 …, HĐND tỉnh giao 5.000 …)": which plan, the figure's place cannot say
                others = [m for m in range(k + 1, len(f)) if f[m].depth >= g.depth > f[i].depth
                          and self.same_sentence(k, m) and self.compatible(g, f[m])
                          and not _closes_before(self.text, g.end, f[m].start)]
                self._add_comparison(ComparisonKind.growth, j, k, i,
                                     assumed=[Assumption.base.value] if others else [])
                self.used_as_base.add(k)
                return

    def _ratio(self, i: int) -> None:
        f, p = self.f, self.f[i]
        # "(khoảng 6.600 USD so với 16.000 USD)": both operands after the rate
        if i + 2 < len(f) and f[i + 1].kind == f[i + 2].kind == "qty" and f[i + 1].depth > p.depth \
                and _VERSUS.match(self.text[f[i + 1].end: f[i + 2].start]) and self.compatible(f[i + 1], f[i + 2]):
            self._add_comparison(ComparisonKind.ratio, i + 1, i + 2, i)
            self.used_as_base.update({i + 1, i + 2})
            return
        j = self._subject_of(i)
        if j is None:
            return
        for k in range(i + 1, min(i + 4, len(f))):
            g = f[k]
            if g.kind != "qty" or not self.same_sentence(i, k) or not self.compatible(f[j], g):
                continue   # "bằng 107,6% kế hoạch, tăng trưởng 4,25% (Kế hoạch: 17.559 tỷ đồng …)"
            between = self.text[p.end: g.start]
            if _PLAN_PAREN.search(between) or _BASE_AFTER.match(between) or \
                    (g.depth > p.depth and len(between) < 40 and re.match(r"^\s*[^\d;.]{0,30}\($", between)):
                self._add_comparison(ComparisonKind.ratio, j, k, i)
                self.used_as_base.add(k)
                return
        # the planned total earlier in the sentence: "Với tổng số vốn dự kiến cả năm là 46.285 tỷ đồng,
        # đến nay đã giải ngân được 24.146 tỷ đồng, đạt 52,2%"
        if not re.match(r"^\s*(?:[,.;)]|$)", self.after(i, 5)):
            return   # "đạt 104,5% dự toán …": a base named after the rate, not this one
        for k in range(j - 1, -1, -1):
            g = f[k]
            if not self.same_sentence(k, j):
                return
            if g.kind == "qty" and self.compatible(g, f[j]) and _PLANNED.search(self.gap(k)[-50:]) \
                    and g.value.lo > 0 and k not in self.used_as_base:
                self._add_comparison(ComparisonKind.ratio, j, k, i)
                self.used_as_base.add(k)
                return

    def _share(self, i: int) -> None:
        f, part_i = self.f, i - 1
        part = f[part_i]
        after = self.after(i, 60)
        if (f[i].qualifier or "").casefold() == "vượt" or _NOT_SHARE_AFTER.match(after):
            return   # "(vượt 119% kế hoạch năm)": a ratio to the plan, no share
        base = _BASE_WORD.match(after)
        if base and not _measures(part, base.group(1)):
            return   # "29 tộc người còn lại chỉ chiếm 0,9% dân số": a share of people, not of groups
        total_i = None
        assumed: list[str] = []
        # the total after the share: "(chiếm 4,6% dân số) trên tổng số dân khoảng 2.955.000 người"
        m = re.match(r"^[\s,)]*(?:(?:dân số|dân cư|diện tích)[\s,)]*)?(?:trên|của|trong)\s+(?:[^\d;.]{0,20}?\s)?"
                     r"(?:tổng\s+(?:số\s+)?|số\s+)(?:[^\d;.]{0,25}?)$", after)
        out_of = (part.qualifier or "").casefold() == "trên" and re.match(r"^[^\d;.]{0,25}$", self.gap(i - 1))
        if i >= 2 and f[i - 2].kind == "qty" and self.compatible(f[i - 2], part) and (out_of or re.match(
                r"^[^\d;.]{0,25}\btrên\s+(?:tổng\s+số\s+)?[^\d;.]{0,15}$", self.gap(i - 1))):
            # "378.269 người trên 1.390.000 người …, chiếm khoảng 27%": "trên" is "out of", no bound
            if out_of:
                f[i - 1] = _without_qualifier(part)
            part_i, total_i = i - 2, i - 1
        elif m and i + 1 < len(f) and self.compatible(f[i + 1], part):
            total_i = i + 1
        else:
            for j in range(part_i - 1, -1, -1):
                g = f[j]
                if g.kind == "qty" and self.compatible(g, part) and (j not in self.share_parts or self._opens_parts(j, part_i)) \
                        and not _YEAR_SPAN.fullmatch(g.text.strip()) \
                        and j not in self.used_as_base and g.value.lo >= part.value.lo * Decimal("0.9999") \
                        and not _GROWTH_BEFORE.search(self.gap(j)) \
                        and (g.depth == 0 or self.same_sentence(j, part_i)):   # no total from an aside
                    total_i = j
                    # a nearer whole passed over: a figure announcing parts that the part follows (a
                    # sibling in the list is no whole of it)
                    passed = [k for k in range(j + 1, part_i) if f[k].kind == "qty" and self.compatible(f[k], part)
                              and f[k].value.lo >= part.value.lo and self.same_sentence(k, part_i)
                              and _PART_CUE.search(self.text, f[k].end, part.start)]
                    if j in self.share_parts or passed:
                        # a sub-total announcing its parts: their shares may be of it, or of the whole
                        # it is a share of, as land-use balances give them; or a nearer whole passed
                        # over ("100 tỷ, trong đó ngân sách 60 tỷ, chiếm 60%, trong đó tỉnh 30 tỷ, chiếm 50%")
                        assumed.append(Assumption.base.value)
                    elif any(f[k].kind == "qty" and self.compatible(f[k], part) and f[k].value.lo >= part.value.lo
                             and self.same_sentence(k, j) for k in range(j)):
                        # another figure earlier in the sentence could be the base as well as the
                        # nearest one taken ("… 5.000 hộ, 2.000 hộ kinh doanh và 800 hộ nghèo, chiếm 20%")
                        assumed.append(Assumption.base.value)
                    break
        self.share_parts.add(part_i)
        if total_i is None:
            if base and part.unit and not assumed:   # "chiếm 20% tổng diện tích khu": the total stated elsewhere
                named = re.match(r"[^\d;:.,()]{0,40}", after).group(0).strip()
                # in units, its multiplier applied: the total it meets may be written in another
                self.out.open_shares.append((self.value(part, part.exponent), part.unit, self.value(f[i]), named,
                                             self._name(part_i, _subject(self.gap(part_i)))))
            return
        self.share_of[part_i] = total_i
        if assumed:
            self.share_doubt.add(part_i)   # its total was a guess: so is any split read from the shares
        self._add_comparison(ComparisonKind.share, part_i, total_i, i, assumed=assumed)

    def _opens_parts(self, j: int, part_i: int) -> bool:
        """Whether figure j, itself a share of a larger whole, announces the parts that follow it
        ("đất đô thị 190.651 m2 chiếm 55,55%, cụ thể: đất ở 49.107 m2 chiếm 25,76%"): the whole of
        part_i then, not its sibling."""
        between = self.text[self.f[j].end: self.f[part_i].start]
        return _ANNOUNCED_PARTS.search(between) is not None and \
            not any(self.f[k].kind == "qty" and self.compatible(self.f[k], self.f[part_i]) for k in range(j + 1, part_i))

    def _fraction(self, i: int) -> None:
        """"81/521 đơn vị (tỷ lệ giảm 15,54%)", "96/126 ĐVHC (đạt tỷ lệ 76,19%)"."""
        f = self.f
        r = i + 1
        while r < len(f) and f[r].kind == "pct" and (f[r].qualifier or "").casefold() in BOUNDS \
                and self.same_sentence(i, r):
            r += 1   # "11/15 đơn vị đạt từ 80% trở lên, chiếm tỷ lệ 73,33%": thresholds name the class
        if r >= len(f) or f[r].kind != "pct" or not self.same_sentence(i, r):
            return
        if r > i + 1 and not _STATES_RATE.match(self.text[f[r - 1].end: f[r].start]):
            return   # past a threshold, only a rate said to be the fraction's
        between = self.text[f[i].end: f[i + 1].start] + (self.text[f[r - 1].end: f[r].start] if r > i + 1 else "")
        if re.search(r"\d", between) or len(between) > 60 and not (
                len(between) <= 200 and _RATE_CLOSES.search(between) and not re.search(r"[;:]", between)):
            return   # far from its fraction, a rate is another's; unless the clause ends saying it is its rate
        if re.search(r"\b(?:tăng|giảm)\s+[\d]", between):
            return
        approximate = re.search(r"\b(?:khoảng|gần|hơn|trên|dưới)\s*$", self.gap(i))
        if f[r].qualifier or (approximate and not re.fullmatch(r"[^\d()]{0,20}\(\s*", between)):
            return   # "06/34 địa phương tỷ lệ đạt dưới 90%": a threshold, not the fraction's value;
            # but "giảm khoảng 485/902 đầu mối (53,77%)" states the fraction's own rate
        after = self.after(r, 60)
        # "chiếm tỉ lệ 99,79% tổng số đại biểu tham gia bầu cử": the rate names those voting as its base
        of_voters = re.match(r"^\s*(?:trên\s+)?(?:tổng\s+)?số\s+(?:đại biểu|ĐBQH)[^,;.()\d]{0,25}?\b(?:có mặt|tham gia)\b",
                             after, re.IGNORECASE)
        if re.match(r"^\s*(?:tổng số|tổng|trên tổng số|số đại biểu|đại biểu)", after, re.IGNORECASE) and not of_voters:
            return   # a rate of an unstated total ("chiếm 92,39% tổng số đại biểu Quốc hội")
        fr = f[i]
        if _VOTE.search(self.text[self.sentence_start(fr.start): f[r].end]) and not of_voters \
                and not _ratio_holds(fr, f[r]):
            return   # a vote's rate is of all the deputies ("432/438 … tán thành (chiếm 91,33 %)"), not of those voting
        loc = self.locate(fr.start)
        self._emit(ComparisonKind.ratio, i, r, dataclasses.replace(fr.numerator, location=loc),
                   dataclasses.replace(fr.denominator, location=loc), fr.noun or None, label=fr.text)

    def _add_increase(self, value_i: int, delta_i: int, result_i: int, negative: bool) -> None:
        f = self.f
        value, delta = self.operands(f[value_i], f[delta_i])
        base_iv = value.interval + delta.interval if negative else value.interval - delta.interval
        if base_iv.lo <= 0:
            return
        sign = "+" if negative else "−"
        base = Value(text=f"{f[value_i].text} {sign} {f[delta_i].text}", lo=base_iv.lo, hi=base_iv.hi,
                     location=self.locate(f[delta_i].start))
        self._emit(ComparisonKind.growth, value_i, result_i, value, base, f[value_i].measure or None, negative)

    # -- quotients: population density, sex ratio -----------------------------------------
    def sex_ratios(self) -> None:
        """"947.570 nam và 960.782 nữ, tỷ số giới tính 98,6 nam/100 nữ": men per 100 women."""
        f = self.f
        for i, r in enumerate(f):
            if r.kind != "qty" or r.noun.casefold() != "nam/" or not re.match(r"\s*/\s*100\s+nữ\b", self.text[r.end + 4:]):
                continue
            men = next((k for k in range(i - 1, -1, -1) if f[k].kind == "qty" and f[k].noun.casefold() == "nam"
                        and self.same_sentence(k, i)), None)
            women = next((k for k in range(i - 1, -1, -1) if f[k].kind == "qty" and f[k].noun.casefold() == "nữ"
                          and self.same_sentence(k, i)), None)
            if men is not None and women is not None:
                self._add_comparison(ComparisonKind.ratio, men, women, i)

    def densities(self) -> None:
        f = self.f
        for i, d in enumerate(f):
            if d.kind != "qty" or not re.fullmatch(r"người/\s*km[²2]", d.unit or "", re.IGNORECASE):
                continue
            if not re.search(r"(?:mật độ|bình quân)[^\d]{0,25}$", self.gap(i), re.IGNORECASE):
                continue   # "mật độ 137 người/km²", "bình quân khoảng 84 người/km2"
            people: list[int] = []
            area = None
            for j in range(i - 1, -1, -1):
                g = f[j]
                if not self.same_sentence(j, i) and j < i - 4:
                    break
                if g.kind == "qty" and (g.noun.split(" ")[0].casefold() in _PERSON) and not g.unit \
                        and j not in self.share_of:   # "nông thôn 194.258 người (92,5%)": a part
                    people.append(j)
                elif area is None and g.kind == "qty" and g.unit.casefold() in ("km²", "km2", "ha") \
                        and re.search(r"diện tích", self.gap(j), re.IGNORECASE):
                    area = j
            if not people or area is None:
                continue
            # the population is the figure named as the whole ("dân số", "tổng cộng"), else the only one;
            # "thành thị 195.760 người, nông thôn 32.776 người" name no whole: a guess which
            total = [j for j in people if _POPULATION_WHOLE.search(self.gap(j)[-40:])
                     and not _POPULATION_PART.search(self.gap(j)[-40:])]
            assumed = [] if len(total) == 1 or (not total and len(people) == 1) else [Assumption.paired.value]
            people = (total or people)[0]
            scale = Decimal(100) if f[area].unit.casefold() == "ha" else Decimal(1)
            num, den = self.operands(f[people], f[area])
            self._emit(ComparisonKind.quotient, people, i, num, den, d.unit, indicator="mật độ dân số", scale=scale,
                       assumed=assumed)

    def restatements(self) -> None:
        """A figure restated in another unit of its dimension right after it: "406.195 m2 (~40,62
        ha)", "12,5 km, tương đương 12.500 m". Money is left alone: no rate of exchange is known."""
        f = self.f
        for i in range(len(f) - 1):
            a, b = f[i], f[i + 1]
            if a.kind != "qty" or b.kind != "qty" or not a.unit or not b.unit or a.exponent or b.exponent:
                continue
            between = self.text[a.end: b.start]
            if not _RESTATED_AS.fullmatch(between):
                continue
            after = self.text[b.end: b.end + 3]
            if not (re.match(r"\s*\)", after) if "(" in between else re.match(r"\s*(?:[,.;)]|$)", after)):
                continue   # "12 km2 (1.250 ha rừng, …)": a part in another unit, not the same figure
            ua, ub = parse_unit(a.unit), parse_unit(b.unit)
            if not (ua.known and ub.known) or ua.expression == ub.expression:
                continue
            factor = conversion_factor(ua, ub)
            if factor is None:
                continue
            num = self.value(a)
            self.out.comparisons.append(Comparison(
                indicator=b.unit, kind=ComparisonKind.conversion, value=self.value(b),
                numerator=Operand(label=a.text, value=num),
                denominator=Operand(label="1", value=Value(text="1", lo=1, hi=1, point=1, decimals=0)),
                label=b.text, location=self.locate(b.start), unit=a.unit, scale=factor))
