"""Breakdowns: a whole and the parts stated with it."""
from __future__ import annotations

import re
from decimal import Decimal

from ...certainty import Assumption
from ...models import Breakdown, Component, Value
from ...text import LETTER_WORD
from ..figures import Figure
from .cues import _closes_before, _CONTAINER, _GROWTH_BEFORE, _MONEY, _counted, _fold, _label, _list_body, _partition
from ...lazyre import lazy_compile


_AVERAGE = lazy_compile(r"\b(?:trung bình|bình quân|tuổi thọ|mật độ|tỷ lệ|tỉ lệ|tốc độ|năng suất)\b", re.IGNORECASE)

_EXTREME = lazy_compile(r"\bnhất\b", re.IGNORECASE)


# "…, bên cạnh đó còn có …", "ngoài ra", "ngoài 5 trường …": what follows is no part; but
# "vốn khu vực ngoài nhà nước" is one
_BESIDES = lazy_compile(r"\b(?:bên cạnh đó|ngoài ra)\b|(?:^|[,;.]\s*)ngoài\b(?!\s+(?:nhà nước|công lập|ngân sách|nước|tỉnh))",
                      re.IGNORECASE)

_BREAKDOWN_CUE = lazy_compile(r"(?:[,;:(]\s*|\s)(?:trong\s+đó|trong\s+số\s+(?:đó|này)|trong\s+số|bao\s+gồm|gồm\s+có|gồm|"
                            r"chia\s+ra|chia\s+theo|phân\s+theo)\b"
                            r"[\s,:]*|^\s*(?:trong\s+đó|trong\s+số)\b[\s,:]*", re.IGNORECASE)

# "Tổng cộng đạt 4.390 căn", "Tổng số: 12 dự án" opening a sentence
_TOTAL_OPENS = lazy_compile(r"(?:^|(?<=[.;:]\s)|(?<=[.;:]))\s*(?P<total>tổng\s+cộng|tổng\s+số)\s*(?:[:,]\s*)?"
                          r"(?:(?:là|đạt|có|được|gồm)\s+)?", re.IGNORECASE)

# what opens a list of parts in the sentence before a total
# what opens a list a later total sums: not PARTS_CUE's "trong đó", which names only some of a whole
_ANNOUNCED_LIST = lazy_compile(r"\b(?:bao\s+gồm|gồm\s+có|gồm|cụ\s+thể|như\s+sau)\b\s*:?|:", re.IGNORECASE)

_THRESHOLD = lazy_compile(r"\b(?:trên|từ|hơn|dưới)\s+[\d.,]+", re.IGNORECASE)

_ANNOUNCED_AFTER = lazy_compile(r"[^.;:\d]{0,30}\b(?:như sau|sau đây|cụ thể)\s*:", re.IGNORECASE)   # "…, 79 xã như sau:"

_SPLIT_CUE = lazy_compile(r"\b(?:chia\s+ra|chia\s+theo|phân\s+theo|phân\s+ra)\b", re.IGNORECASE)   # a split, all of it

_YEAR_WORD = lazy_compile(r"\b(?:năm|tháng)\s+\d|\b(?:19|20)\d\d\b", re.IGNORECASE)


_RANGE_AFTER = lazy_compile(r"\s*(?:đến|tới|-|–)\s*\d")

_RANGE_BEFORE = lazy_compile(r"\d(?:\s*[^\W\d_]+){0,2}\s+(?:đến|tới)\s*$|\d\s*[^\W\d_]{0,3}\s*[-–]\s*$")

_NEW_WHOLE = lazy_compile(r"\btổng\s+(?:số|cộng)\b", re.IGNORECASE)


def _unit_kind(name: str) -> str:
    """The administrative kind a name or counted noun opens with: "thị xã Phú Thọ" → "thị xã"."""
    m = re.match(r"(?:thành phố|thị xã|thị trấn|đặc khu|[^\W\d_]+)", name.strip(), re.IGNORECASE)
    return m.group(0).casefold() if m else ""


def _splits(whole: Value, parts: list[Value]) -> list[list[int]]:
    """Consecutive groups of parts that each add up to the whole, when the parts fall into
    two or more such groups; [] otherwise."""
    groups, current, lo, hi = [], [], Decimal(0), Decimal(0)
    for k, v in enumerate(parts):
        current.append(k)
        lo, hi = lo + v.interval.lo, hi + v.interval.hi
        if len(current) >= 2 and lo <= whole.interval.hi and hi >= whole.interval.lo:
            groups.append(current)
            current, lo, hi = [], Decimal(0), Decimal(0)
    return [groups] if len(groups) >= 2 and not current else []


def group_indices(groups: list[list[int]], parts: list[int]) -> list[list[int]]:
    return [[parts[k] for k in g] for g in groups]


_NAMED_UNIT = lazy_compile(r"(?<![\d\w])(?:thành phố|thị xã|thị trấn|huyện|quận|phường|xã|đặc khu)"
                         r"(?:\s+[A-ZĐÀ-Ỹ][^\s,;:()]*)+")


def _named_by_parts(whole: str, names: list[str]) -> bool:
    """Whether the whole's name is its parts' names joined ("thương mại – dịch vụ 4.210; trong đó
    thương mại 2.930, dịch vụ 1.190"): then the parts are all of it, whatever the cue."""
    segments = [seg.strip() for seg in re.split(r"\s+[–-]\s+|\s*,\s*|\s+và\s+", whole) if seg.strip()]
    if len(segments) < 2 or len(segments) != len(names):
        return False
    heads = [re.sub(r"^(?:có|là)\s+|\s+(?:là|có|đạt|chiếm)$", "", n.strip()) for n in names]
    # the last segment is the name itself; earlier ones may carry the whole's lead words ("số cơ sở thương mại")
    return all(h and (seg == h or (k < len(segments) - 1 and seg.endswith(" " + h)) if k == 0 else seg == h)
               for k, (seg, h) in enumerate(zip(segments, heads)))


# a ranked list of parts: its first, and the words that go on to the next
_RANKED = lazy_compile(r"[,;:]\s*(?:trong\s+đó\s+)?(?:nhiều|đông|lớn|cao)\s+nhất\s+(?:là\s+)?", re.IGNORECASE)
_RANK_GOES_ON = lazy_compile(r"\b(?:tiếp\s+theo|tiếp\s+đến|kế\s+đến|thứ\s+hai|sau\s+đó)\b", re.IGNORECASE)


# words in a whole's parenthesis that pick some of its parts, not all
_SOME_OF = lazy_compile(r"\b(?:trong\s+đó|trong\s+số|chủ\s+yếu|nhiều\s+nhất|nhất\s+là|như|riêng|đặc\s+biệt|gồm\s+có\s+cả)\b|…|\.\.\.|v\.v",
                      re.IGNORECASE)


# How far a whole looks for its parts, in figures, and how many it takes: more than any whole
# of 1,612 real texts has (27 parts at most), few enough to keep the reading linear.
_MAX_SCAN = 80
_MAX_PARTS = 40


class Parts:
    # -- breakdowns: a whole and its parts ----------------------------------------------------
    def breakdowns(self) -> None:
        """Cue-driven: each "trong đó", "gồm", "bao gồm", "trong số", or a parenthesis opened
        right after a figure, followed by figures that measure what a figure before it does."""
        f = self.f
        taken: set[int] = set()
        for m in _BREAKDOWN_CUE.finditer(self.text):
            cue_end = m.end()
            first = next((k for k, g in enumerate(f) if g.start >= cue_end), None)
            if first is None or not self.same_sentence_offset(m.start(), f[first].start):
                continue
            if _closes_before(self.text, m.end(), f[first].start):
                continue   # "gồm 97 loài thú (trong đó nổi bật là …), 137 loài chim": the aside names no figure
            # "gồm", "chia ra" split the whole; "trong đó" names some of it
            exhaustive = bool(re.search(r"gồm|chia|phân", m.group(0), re.IGNORECASE))
            if re.match(r"trong\s+số\b(?!\s+(?:đó|này))", m.group(0).strip(" ,(:"), re.IGNORECASE) and \
                    f[first].kind == "qty":
                self._parts_of(first, first + 1, exhaustive, taken)   # "Trong số 203.733 lần …, có 109.156 …"
                continue
            whole = self._whole_before(m.start(), first)
            between = self.text[f[whole].end: m.start()] if whole is not None else ""
            if exhaustive and (";" in between or re.search(r"\svà\s", between) and not re.match(r"\s*[,:(]", m.group(0))):
                continue   # "440 người và giảng viên thỉnh giảng gồm 170 người": a new subject's own count
            if whole is not None:
                self._parts_of(whole, first, exhaustive, taken)
                self._second_measure(whole, m.start(), first, exhaustive, taken)
        for i, w in enumerate(f):   # "26.262 ha (tôm – lúa 24.775 ha, chuyên tôm 1.487 ha)"
            if i in taken or w.kind != "qty" or i + 1 >= len(f):
                continue
            if re.match(r"^[^\d();.]{0,30}\([^\d();.]{0,40}$", self.text[w.end: f[i + 1].start]) \
                    and f[i + 1].depth > w.depth:
                self._parts_of(i, i + 1, self._aside_is_its_list(i), taken, inside=True)
        for m in _RANKED.finditer(self.text):   # "12.000 tín đồ, nhiều nhất là Phật giáo 8.000, tiếp theo là …"
            first = next((k for k, g in enumerate(f) if g.start >= m.end()), None)
            if first is None or not self.same_sentence_offset(m.start(), f[first].start):
                continue
            end = next((e for e in self.sentence_ends if e > m.end()), len(self.text))
            if not _RANK_GOES_ON.search(self.text, m.end(), end):
                continue   # "dài 55 km, rộng nhất là 50 m": an extreme, not the first of a ranked list
            whole = self._whole_before(m.start(), first)
            if whole is not None and whole not in taken and not f[whole].unit:
                # counted things only: an amount's highest and next ("thu nhập 65 triệu đồng, cao
                # nhất là A với 90 triệu đồng") may be averages above it
                self._parts_of(whole, first, False, taken, ranked=True)

    def _second_measure(self, whole: int, cue: int, first: int, exhaustive: bool, taken: set[int]) -> None:
        """Wholes of two measures split by one cue: "300 dự án, vốn 50.000 tỷ đồng (trong đó 12 dự án
        FDI, 51.200 tỷ đồng)" — the money after the cue is part of the money before it, as the count
        is of the count. Money only: a second measure of attributes ("tầng cao 2 tầng") adds up to nothing."""
        f = self.f
        later = None
        for k in range(first, len(f)):   # within the cue's list: its sentence, up to the next cue
            if not self.same_sentence(first, k) or (k > first and _BREAKDOWN_CUE.search(self.gap(k))):
                break
            if f[k].kind == "qty" and f[k].measure in _MONEY and not self.compatible(f[k], f[whole]):
                later = k
                break
        if later is None:
            return
        second = next((j for j in range(first - 1, whole, -1) if f[j].kind == "qty" and self.compatible(f[j], f[later])
                       and f[j].start < cue), None)
        if second is not None and second not in taken:
            self._parts_of(second, later, exhaustive, taken)

    def _aside_is_its_list(self, i: int) -> bool:
        """Whether the parenthesis after whole i holds nothing but its parts, one after another
        ("98 người (A 1 người, B 2 người, …, G 5 người)"): read as all of it, which the reading
        assumes (complete). Words that pick some ("trong đó", "chủ yếu", "như", "nhất là") or an
        open end ("…") keep it a list of some."""
        open_at = self.text.find("(", self.f[i].end)
        close_at = self.text.find(")", open_at)
        if open_at < 0 or close_at < 0:
            return False
        aside = self.text[open_at + 1: close_at]
        inside = [g for g in self.f if open_at < g.start < close_at]
        # every figure of it one of the parts: "Huế 2, Đà Nẵng 2" (no noun) would be left out of the sum
        return len(aside) < 400 and not _SOME_OF.search(aside) and len(inside) >= 2 and \
            all(g.kind == "qty" and self.compatible(g, self.f[i]) for g in inside)

    def totals_after(self) -> None:
        """A sentence opening with its total after a sentence that listed the parts: "… gồm dự án A
        đạt 1.340 căn; dự án B đạt 720 căn; dự án C đạt 466 căn. Tổng cộng đạt 2.526 căn". The
        parts are the figures of the list's measure after its cue, one a clause; "tổng cộng" sums
        what was listed, so they make the whole."""
        f = self.f
        for m in _TOTAL_OPENS.finditer(self.text):
            start = m.start("total")
            if self.sentence_start(start) != start - (len(m.group(0)) - len(m.group(0).lstrip())) and \
                    self.text[self.sentence_start(start): start].strip(" *-+•"):
                continue   # "tổng cộng" inside a sentence
            whole = next((k for k, g in enumerate(f) if g.start >= m.end()), None)
            if whole is None or f[whole].kind != "qty" or f[whole].start - m.end() > 2 or not f[whole].measure:
                continue
            prev = self.sentence_start(max(0, self.sentence_start(start) - 2))
            cue = None
            for c in _ANNOUNCED_LIST.finditer(self.text, prev, start):
                cue = c
            if cue is None:
                continue
            if _BREAKDOWN_CUE.search(self.text, cue.end(), start):
                continue   # "dự án A 1.340 căn, trong đó 340 căn …; dự án B …": parts of parts, not one list
            parts = [k for k in range(whole) if f[k].start >= cue.end() and f[k].kind == "qty"
                     and self.compatible(f[k], f[whole]) and f[k].depth == f[whole].depth]
            if len(parts) < 2 or any(not re.search(r"[;,]|\svà\s", self.text[f[a].end: f[b].start])
                                     for a, b in zip(parts, parts[1:])):
                continue   # one part a clause, or no list
            if ";" in self.text[cue.end(): f[parts[-1]].start] and any(
                    ";" not in self.text[f[a].end: f[b].start] for a, b in zip(parts, parts[1:])):
                continue   # items split by semicolons, two figures in one: an item's own detail ("A 1.340 căn, đã bàn giao 340 căn;")
            if any(k in self.share_parts or _GROWTH_BEFORE.search(self.gap(k)) for k in parts):
                continue
            self._add_breakdown(whole, parts, exhaustive=True)

    def _whole_before(self, cue: int, first: int) -> int | None:
        """The whole a part cue refers to: the nearest earlier quantity that measures what the
        first part does, in this sentence (or the one before, for a sentence opening "Trong đó")."""
        f = self.f
        start = self.sentence_start(cue)
        if not self.text[start:cue].strip(" *-+•"):
            start = self.sentence_start(max(0, start - 2))
        target = next((k for k in range(first, len(f)) if f[k].kind == "qty" and
                       self.same_sentence_offset(cue, f[k].start)), None)
        if target is None:
            return None
        for j in range(first - 1, -1, -1):
            g = f[j]
            if g.start < start:
                return None
            clause = self.text.rfind(";", g.end, cue)
            if clause >= 0 and self.text[clause + 1: cue].strip(" ,:"):
                return None   # "cụm A gồm 3 đảo; cụm B … gồm 2 đảo": each clause its own whole
            if g.kind == "qty" and self.compatible(g, f[target]) and not g.unit.startswith("người/") \
                    and not _GROWTH_BEFORE.search(self.gap(j)) and g.depth <= f[target].depth:
                return j
        return None

    def _counted_parts(self, m: re.Match, rest_length: int) -> None:
        """A count whose list names counts ("241 đơn vị hành chính cấp xã gồm: 29 phường, 14 thị
        trấn, 190 xã"): a breakdown of the whole into its parts, which must add up to it."""
        f = self.f
        whole = next((k for k, g in enumerate(f) if g.number_at == m.start("n") and g.kind == "qty"), None)
        if whole is None:
            return
        end = m.end() + len(_list_body(self.text[m.end(): m.end() + rest_length]))
        parts = [k for k in range(whole + 1, len(f)) if f[k].kind == "qty" and m.end() <= f[k].start < end
                 and f[k].depth == f[whole].depth and not f[k].unit]
        if len(parts) >= 2:
            self._add_breakdown(whole, parts, exhaustive=True, name=" ".join(_counted(m).split()))

    def _parts_of(self, i: int, first: int, exhaustive: bool, taken: set[int], inside: bool = False,
                  ranked: bool = False) -> None:
        f, w = self.f, self.f[i]
        if w.kind != "qty" or "/" in w.unit or not w.measure:
            return   # a bare number ("ĐT.631 … 15.2 - …") measures nothing a part could share
        if _GROWTH_BEFORE.search(self.gap(i)):
            return   # "tương ứng tăng 17 ha, (trong đó: rừng sản xuất đạt 1,2 ha …)": a change has no parts
        parts: list[int] = []
        depth = None
        if self._range_end(i):
            return   # "từ 500m đến 2000m": a range's end is no whole
        cut = False
        for k in range(first, len(f)):
            g = f[k]
            if not self.same_sentence(first, k):
                break   # the parts' sentence: the whole's, or the next for "… 5.420 doanh nghiệp. Trong đó có …"
            if k - first >= _MAX_SCAN or len(parts) >= _MAX_PARTS:
                # a sentence of hundreds of figures chained by "trong đó", "gồm" would make every
                # figure the whole of all that follow (quadratic, and a finding per figure): each
                # whole reads so far, and its list, cut there, is assumed to end there
                cut = True
                break
            if inside and g.depth <= w.depth:
                break
            if ranked and k > first and _BREAKDOWN_CUE.search(self.gap(k)):
                break   # "…, huyện C với 10 dự án, trong đó có 8 …": a subset, not the next of the ranking
            if w.depth and _closes_before(self.text, w.end, g.start):
                break   # "(188 quốc gia, trong đó 187 …, 1 …), … (18 quốc gia …)": the aside ends the list
            if _NEW_WHOLE.search(self.gap(k)):
                break   # "một trong số 10 hồng y …, trên tổng số 115": a new whole
            if self._range_end(k):
                continue
            if g.kind != "qty" or not self.compatible(w, g):
                continue
            if parts and _CONTAINER.match(g.measure) and _CONTAINER.match(w.measure) and g.value.lo > w.value.hi:
                break   # "7 đơn vị … gồm 3 thành phố và 4 huyện với 77 đơn vị hành chính cấp xã …": a new whole
            if _BESIDES.search(self.gap(k)):
                break   # "…, bên cạnh đó còn có 327 trường mẫu giáo": no longer the whole's parts
            if _GROWTH_BEFORE.search(self.gap(k)) or k in self.used_as_base:
                continue
            if depth is None:
                depth = g.depth
            if g.depth < depth:
                break
            if g.depth > depth:
                continue
            parts.append(k)
        if not parts or (len(parts) == 1 and inside):
            return
        taken.add(i)
        assumed = self._pairing_assumed(i, first, parts, inside)
        if cut:
            exhaustive = False   # the parts named before the next cue may be only some of them
            if Assumption.list_bounds.value not in assumed:
                assumed.append(Assumption.list_bounds.value)
        splits = _splits(w.value, [f[k].value for k in parts])
        if splits:   # "nam … nữ …; đô thị … nông thôn …": one whole split twice
            for g in group_indices(splits[0], parts):
                self._add_breakdown(i, g, True, same_whole_ok=True, assumed=assumed)
            return
        names = [_fold(f"{_label(self.gap(k))} {f[k].noun}") for k in parts]   # "947.570 nam và 960.782 nữ"
        nested = sum(1 for k in parts if f[k].qualifier and f[k].qualifier.casefold() in ("trên", "hơn")) >= 2 \
            or sum(1 for n in names if _THRESHOLD.search(n)) >= 2
        head = re.split(r"\b(?:gồm|chia ra|chia theo|phân theo)\b:?", self.gap(first))[-1]
        named = self._named_units(w, first, parts) if _CONTAINER.match(w.measure) else []
        if exhaustive and (self._item_without_figure(parts) or re.search(r"[;,]", head)):
            exhaustive = False   # "… chuối (2.500 ha) và cam, bưởi với sản lượng …": cam, bưởi have no area
        if exhaustive and len(parts) + len(named) == 1:
            exhaustive = False   # "350 USD, bao gồm 75 USD tạm ứng": one part named is no split
        if exhaustive and not _partition(names) and not _SPLIT_CUE.search(self.gap(first)) \
                and ":" not in self.gap(first) and not _ANNOUNCED_AFTER.match(self.text, f[parts[-1]].end):
            # "gồm" may name only some ("20 tầng, gồm 2 tầng hầm"); "chia ra", or a list
            # announced by a colon ("gồm: 29 phường, 14 thị trấn, 190 xã"), names them all
            assumed.append(Assumption.complete.value)
        whole_name = _fold(re.sub(r"\s*\b(?:là|đạt|có|gồm)\s*$|[\s:]+$", "", _label(self.gap(i))))
        heads = [_fold(re.split(r"[,;:(]|\btrong đó\b|\bvà\b", self.gap(k))[-1]) for k in parts]
        last = f[parts[-1]]
        rest = re.search(r"^[^.;]{0,40}\b(?:còn lại|khác)\b", self.text[last.end:], re.IGNORECASE)
        complete = not cut and (exhaustive or _partition(names) or (_named_by_parts(whole_name, heads) and rest is None
                                                                    and not self._item_without_figure(parts)))
        self._add_breakdown(i, parts, complete, nested, named=named, assumed=assumed, ranked=ranked)

    def _range_end(self, i: int) -> bool:
        """Whether figure i is an end of a range written as two figures ("từ 22 tháng đến 24 tháng")."""
        f = self.f
        return bool(_RANGE_AFTER.match(self.text, f[i].end) or
                    _RANGE_BEFORE.search(self.text, max(0, f[i].start - 30), f[i].start))

    def _pairing_assumed(self, i: int, first: int, parts: list[int], inside: bool) -> list[str]:
        """What pairing whole i with its parts assumed: that a whole with other figures or many
        words between it and its parts' cue is theirs ("36.000 người bị hại và 33 bị cáo, trong
        đó 35.824 …"), and that parts past a semicolon or a year still belong to the list."""
        f, assumed = self.f, []
        between = self.text[f[i].end: f[first].start]
        cues = [m.start() for m in (*_BREAKDOWN_CUE.finditer(between), *_RANKED.finditer(between))]
        between = between[: max(cues)] if cues else between   # the words before the cue
        rival = i > 0 and f[i - 1].kind == "qty" and self.same_sentence(i - 1, i) and \
            self.compatible(f[i - 1], f[first]) and ";" not in self.text[f[i - 1].end: f[i].start]
        if not inside and (first - i > 1 or len(LETTER_WORD.findall(between)) > 10 or rival
                           or re.search(r"[,;]\s*[^\W\d_]", between)):
            # another figure could be the whole ("36.000 người bị hại và 33 bị cáo, trong đó …"),
            # or a new clause stands between ("6 đến 10 thuyền, có cơ đặc biệt gồm có 60 …")
            assumed.append(Assumption.paired.value)
        span = self.text[f[parts[0]].end: f[parts[-1]].start]
        announced = ":" in self.gap(first)   # "chia ra: A …; B …": ";" parts its items
        if len(parts) > 1 and ((";" in span and not announced) or _YEAR_WORD.search(span)):
            assumed.append(Assumption.list_bounds.value)
        return assumed

    def _named_units(self, w: Figure, first: int, parts: list[int]) -> list[str]:
        """Units named once among a count's parts: "7 đơn vị hành chính, gồm thị xã Thủ Dầu Một (tỉnh
        lỵ) và 6 huyện"; "6 đơn vị hành chính, bao gồm 5 huyện: A, …, E, thị xã Tuyên Quang và 134 đơn
        vị … cấp xã" (the thị xã is no huyện: the list of the 5 ended before it)."""
        f = self.f
        last = parts[-1]
        end = f[last + 1].start if last + 1 < len(f) and self.same_sentence(last, last + 1) else \
            next((e for e in self.sentence_ends if e >= f[last].end), len(self.text))
        head = re.split(r"\bgồm\b:?", self.gap(first))[-1]
        counted = {_unit_kind(f[k].noun) for k in parts}
        span = head + " " + self.text[f[first].end: end]
        return [m.group(0) for m in _NAMED_UNIT.finditer(span) if _unit_kind(m.group(0)) not in counted]

    def _item_without_figure(self, parts: list[int]) -> bool:
        """Whether the list goes on after its last part with an item that states no figure:
        the rest of the sentence, asides in parentheses left out, opens with "và X" or ", X"."""
        last = self.f[parts[-1]]
        end = next((e for e in self.sentence_ends if e >= last.end), len(self.text))
        tail = self.text[last.end:end]
        while re.search(r"\([^()]*\)", tail):
            tail = re.sub(r"\([^()]*\)", "", tail)
        tail = tail.split(")", 1)[-1] if last.depth else tail   # leave the last part's own parenthesis
        tail = re.split(r";", tail, 1)[0]
        # "và cam, bưởi …", ", cam và bưởi …": more items; ", được quy hoạch …" is no item
        return bool(re.match(r"^\s*,?\s*và\s+[^\W\d_]{2,}|^\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+và\s", tail))

    def _add_breakdown(self, i: int, parts: list[int], exhaustive: bool, nested: bool = False,
                       same_whole_ok: bool = False, name: str | None = None, named: list[str] = (),
                       assumed: list[str] = (), ranked: bool = False) -> None:
        """``ranked``: the parts are listed largest first ("nhiều nhất là …"), no extremes of an average."""
        f, w = self.f, self.f[i]
        if _AVERAGE.search(_label(self.gap(i))[-60:]) or \
                not ranked and any(_EXTREME.search(_label(self.gap(k))) for k in parts):
            return   # an average and its extremes ("trung bình 55 km (chỗ hẹp nhất 50 km, …)") add up to nothing
        at = self.locate(w.start)
        places = [(self.locate(f[k].start), f[k].text) for k in parts]
        for n, b in enumerate(self.out.breakdowns):
            if b.location != at or b.whole.text != w.value.text:
                continue
            if [(c.value.location, c.value.text) for c in b.parts] == places and set(assumed) < set(b.assumed):
                del self.out.breakdowns[n]   # the same split read again with less assumed: keep the surer reading
                break
            if len(b.parts) >= len(parts) if not same_whole_ok else [(c.value.location, c.value.text) for c in b.parts] == places:
                return
        values = self.operands(w, *(f[k] for k in parts))
        self.out.breakdowns.append(Breakdown(
            whole_name=name or (self._counted_noun(i) if _CONTAINER.match(w.measure) else self._name(
                i, re.sub(r"^(?:trong\s+)?(?:tổng\s+)?số\b\s*", "", _label(self.gap(i)), flags=re.IGNORECASE), prefer_after=False)),
            whole=values[0], unit=w.measure or None,
            parts=[Component(name=self._name(k, _label(self.gap(k))), value=v) for k, v in zip(parts, values[1:])]
            + [Component(name=unit, value=Value(text="1", lo=1, hi=1, point=1, decimals=0, location=self.locate(w.start)))
               for unit in named],
            exhaustive=exhaustive, nested=nested, location=self.locate(w.start), assumed=list(assumed)))

    def _counted_noun(self, i: int) -> str:
        """What figure i counts, in full: "đơn vị hành chính cấp xã" of "241 đơn vị hành chính cấp xã gồm"."""
        m = re.match(r"\s*([^\d,;:()]{1,50}?)\s*(?:,|\b(?:bao gồm|gồm|trực thuộc|được)\b|$)", self.text[self.f[i].end:])
        return m.group(1).strip() if m else self.f[i].noun

    def shares_as_breakdowns(self) -> None:
        """Parts whose shares of one total are stated ("thành thị 111.300 người (13,88%) …
        nông thôn 690.400 người (86,12%)") are a breakdown of that total too."""
        by_total: dict[int, list[int]] = {}
        for part_i, total_i in self.share_of.items():
            by_total.setdefault(total_i, []).append(part_i)
        for total_i, parts in list(by_total.items()):
            # a sentence naming two or more parts is a split of its own ("đường do trung ương …
            # 10,75%; … do xã … 75%. Chất lượng: đá dăm … 19,14%; nhựa … 17,38%"); one part
            # per sentence ("Dân số thành thị … (13,88%). Dân số nông thôn … (86,12%).") is one split
            by_sentence: dict[int, list[int]] = {}
            for k in parts:
                by_sentence.setdefault(self.sentence_start(self.f[k].start), []).append(k)
            if len(by_sentence) > 1 and all(len(g) >= 2 for g in by_sentence.values()):
                del by_total[total_i]
                for g in by_sentence.values():
                    self._shares_split(total_i, g, separate=True)
        for total_i, parts in by_total.items():
            self._shares_split(total_i, parts)

    def _shares_split(self, total_i: int, parts: list[int], separate: bool = False) -> None:
        if len(parts) < 2:
            return
        parts = sorted(parts)
        # "nam … (49,75%) và nữ … (50,35%); … đô thị … (42,2%) và nông thôn … (57,8%)": two splits
        split = _splits(self.f[total_i].value, [self.f[k].value for k in parts])
        for group in (split[0] if split else [list(range(len(parts)))]):
            idx = [parts[k] for k in group]
            self._add_breakdown(total_i, idx, _partition([_fold(_label(self.gap(k))) for k in idx]),
                                same_whole_ok=bool(split) or separate,
                                assumed=[Assumption.base.value] if self.share_doubt.intersection(idx) else [])
