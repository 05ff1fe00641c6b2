"""Structures: shares that make up a whole, as lists, transitions and contributions."""
from __future__ import annotations

import re
from decimal import Decimal

from ...certainty import Assumption
from ...models import Component, Period, PeriodKind, Structure, Value
from .cues import (
    _PARTITIONS, _RATIO_BEFORE, _REST, _SHARE_GAP, _complementary, _fold, _label, _partition, _whole_words,
)
from ...lazyre import lazy_compile


_GROWTH_WORDS = lazy_compile(r"\b(?:tăng|giảm|tốc độ|mức tăng|so với|so cùng kỳ|cùng kỳ|vượt|bình quân|/năm|"
                           r"mỗi năm|hàng năm|kế hoạch|dự toán|lãi suất|tỷ suất|tỉ suất)\b", re.IGNORECASE)

_STRUCTURE_CUE = lazy_compile(r"\b(?:cơ cấu|chiếm|tỷ trọng|tỉ trọng|trong đó|trong số đó|gồm|bao gồm|phân theo)\b",
                            re.IGNORECASE)


# Words that may follow a share ("chiếm 79% diện tích", "52,2% là nữ"); any other word after a
# percentage makes it a rate of its own subject ("99,4% thôn, bản có đường ô tô").
_AFTER_SHARE = lazy_compile(r"^\s*(?:[,;.)\]]|$|và\b|là\b|của\b|trong\b|trên\b|so\b|dân số|diện tích|tổng|gdp|grdp|"
                          r"giá trị|cơ cấu|lao động|nền kinh tế|toàn|cả|năm\b|\(|"
                          # the share before its subject: "51,6% nam và 48,4% nữ", "38% sống ở khu vực đô thị"
                          r"nam\b|nữ\b|thành thị|nông thôn|đô thị|sống\b|cư trú)", re.IGNORECASE)

# A share listed after another: its clause opens with a list separator.
_LISTED = lazy_compile(r"(?:^|[;:]|\s-|\+)\s*[^\d;:,.%]{2,60}$")

_RATE_NAME = lazy_compile(r"(?:tỷ lệ|tỉ lệ|tốc độ|chỉ số)\b", re.IGNORECASE)

_TAX = lazy_compile(r"\bthuế\b", re.IGNORECASE)

_SECTORS = (re.compile(r"\bnông|\blâm|\bthủy sản|\bthuỷ sản|khu vực i\b", re.IGNORECASE),
            re.compile(r"công nghiệp|xây dựng|khu vực ii\b", re.IGNORECASE),
            re.compile(r"dịch vụ|khu vực iii\b", re.IGNORECASE))

_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")


def _from_sector(text: str) -> str:
    """The text from its sector's name on: "…, khu vực nông, lâm nghiệp …" → "khu vực nông, …"."""
    sector = _SECTOR_START.search(text)
    return text[sector.start():] if sector else text


_SECTOR_START = lazy_compile(r"\b(?:khu vực|ngành|thuế)\b", re.IGNORECASE)


def _sector_name(label: str) -> str:
    """A sector's name in a clause about its share: "cơ cấu kinh tế chuyển dịch đúng hướng, khu vực nông,
    lâm nghiệp và thủy sản năm 2021 chiếm tỷ trọng" → "khu vực nông, lâm nghiệp và thủy sản"."""
    label = _from_sector(label)
    label = re.sub(r"^(?:tỷ trọng|tỉ trọng)\s+(?:của\s+)?", "", label, flags=re.IGNORECASE)
    label = re.sub(r"(?:\s+(?:năm\s+(?:19|20)\d\d|chiếm|tỷ trọng|tỉ trọng|giảm|tăng|từ))+\s*$", "", label, flags=re.IGNORECASE)
    return label.strip(" ,:")


def _year(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group(0)) if m else None


# Between a share and the share it moved to: "32,78% giảm còn 30,29%", "từ 67,22% tăng lên 69,71%",
# "25,5% năm 2020 xuống 22,3%", "(năm 2020) lên".
_TRANSITION = lazy_compile(r"\s*(?:\(?\s*(?:năm\s+)?(?:19|20)\d\d\s*\)?\s*)?,?\s*(?:(?:giảm|tăng)\s*)?"
                         r"(?:xuống|lên|còn|đến|tới)(?:\s+(?:mức|còn))?\s*", re.IGNORECASE)


# "Trong mức tăng chung 9,6%", "Trong mức tăng trưởng 8,5% của toàn nền kinh tế": a growth that the
# sectors' contributions, in percentage points, add up to.
_GROWTH_SHARED = lazy_compile(r"\b(?:trong|với)\s+(?:tổng\s+)?mức\s+tăng(?:\s+trưởng)?(?:\s+chung)?"
                            r"(?:\s+(?:của\s+)?(?:toàn\s+)?(?:nền\s+kinh\s+tế|GRDP|GDP|tỉnh))?\s*(?:là|đạt)?\s*",
                            re.IGNORECASE)

_POINTS = lazy_compile(r"^điểm(?:\s+phần|\s*%|$)", re.IGNORECASE)


def _each_names_one(clauses: list[str]) -> bool:
    """Whether the clauses name the members of one known split, each clause its own member
    ("đường do tỉnh quản lý …; … do huyện …; … do xã …"), not all of them in one clause."""
    from itertools import permutations

    for members in _PARTITIONS:
        if len(members) != len(clauses):
            continue
        if any(all(m.search(c) for m, c in zip(order, clauses)) for order in permutations(members)):
            return True
    return False


def _groups(values: list[Value]) -> list[list[int]]:
    """Split a run of shares into the structures it holds: consecutive groups that each
    close at 100% within their rounding ("nặng 34,1% và nhẹ 65,9%; quốc doanh 62,7%, …");
    one group when the whole run can close at 100% or no split closes every group. A share
    left alone after the groups that close is no component."""
    from ...intervals import interval_sum

    hundred = Decimal(100)
    whole = interval_sum(v.interval for v in values)
    if whole.lo <= hundred + Decimal("0.5") or len(values) < 3:
        return [list(range(len(values)))]
    groups, current, lo, hi = [], [], Decimal(0), Decimal(0)
    for k, v in enumerate(values):
        current.append(k)
        lo, hi = lo + v.interval.lo, hi + v.interval.hi
        if len(current) >= 2 and lo <= hundred <= hi:
            groups.append(current)
            current, lo, hi = [], Decimal(0), Decimal(0)
    if len(current) == 1 and groups:
        return groups   # "thành thị 31,9%, nông thôn 68,1%, … lao động 58.8%": the last is a share of its own
    if current or len(groups) < 2:
        return [list(range(len(values)))]
    return groups


class Structures:
    # -- structures ------------------------------------------------------------------------
    def transitions(self) -> None:
        """A structure stated as it moved between two years, clause by clause: "nông, lâm nghiệp và
        thủy sản năm 2021 chiếm tỷ trọng 32,78% giảm còn 30,29% năm 2022; công nghiệp, xây dựng và dịch
        vụ từ 67,22% tăng lên 69,71%": the shares before and those after make a structure each."""
        f = self.f
        pairs: list[tuple[int, int]] = []
        for i in range(len(f) - 1):
            a, b = f[i], f[i + 1]
            if a.kind != "pct" or b.kind != "pct" or a.depth != b.depth or not self.same_sentence(i, i + 1) \
                    or (pairs and pairs[-1][1] == i):
                continue
            if not _TRANSITION.fullmatch(self.text[a.end: b.start]):
                continue
            clause = re.split(r"[;:]", self.gap(i))[-1]
            sentence = self.text[self.sentence_start(a.start): a.start]
            if re.search(r"\b(?:tốc độ|tăng trưởng|tỷ lệ|tỉ lệ|lãi suất)\b", clause, re.IGNORECASE) or not \
                    re.search(r"\b(?:cơ cấu|tỷ trọng|tỉ trọng)\b", sentence, re.IGNORECASE):
                continue
            pairs.append((i, i + 1))
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for pair in pairs:
            by_sentence.setdefault(self.sentence_start(f[pair[0]].start), []).append(pair)
        for group in by_sentence.values():
            if len(group) < 2:
                continue
            self.in_transition.update(k for pair in group for k in pair)
            names = [_sector_name(_label(re.split(r"[;]", self.gap(a))[-1])) for a, _ in group]
            head = self.text[self.sentence_start(f[group[0][0]].start): f[group[0][0]].start]
            a, b = group[0]
            years = (_year(_label(self.gap(a))[-20:] + " " + self.text[f[a].end: f[b].start]),
                     _year(self.text[f[b].end: f[b].end + 15]))
            aim = PeriodKind.target if re.search(r"\b(?:mục tiêu|phấn đấu|đến năm)\b", head, re.IGNORECASE) \
                else PeriodKind.actual
            for side in (0, 1):
                idx = [pair[side] for pair in group]
                values = [f[k].value for k in idx]
                total = sum((v.point or v.lo for v in values), Decimal(0))
                complete, remainder = self._completeness(names, head, total, [])
                self.out.structures.append(Structure(
                    name="cơ cấu" if re.search(r"\bcơ cấu\b", head, re.IGNORECASE) else "tỷ trọng",
                    components=[Component(name=n or f[k].text, value=self.value(f[k])) for n, k in zip(names, idx)],
                    location=self.locate(f[idx[0]].start), complete=complete, remainder=remainder,
                    period=Period(year=years[side], kind=aim if side else PeriodKind.actual) if years[side] else None))

    def structures(self) -> None:
        f = self.f
        run: list[int] = []
        for i, p in enumerate(f):
            if i in self.in_transition:
                if run:
                    self._close_run(run)
                    run = []
                continue
            if p.kind == "pct" and run and p.depth > f[run[-1]].depth and \
                    re.search(r"\(\s*(?:trong\s+(?:đó|số\s+đó)|gồm|bao\s+gồm)\b", self.text[f[run[-1]].end: p.start],
                              re.IGNORECASE):
                continue   # "35,2% (trong đó chế biến 25,1%); dịch vụ 44,3%": a part of the share before, in an aside
            if p.kind == "pct" and self._is_share(i):
                if run and not self._continues(run[-1], i):
                    self._close_run(run)
                    run = []
                run.append(i)
            elif p.kind == "pct" and run and p.depth > f[run[-1]].depth:
                continue   # "đạt 34% (giảm 11,3%); công nghiệp – xây dựng 35%": an aside between shares
            elif p.kind == "qty" and i + 1 < len(f) and f[i + 1].kind == "pct" and \
                    (self._own_share(i) or (run and _REST.search(self.gap(i + 1)))):
                continue   # "Tày 103 người, chiếm 0,05%": the count goes with its share
            elif run:
                self._close_run(run)
                run = []
        if run:
            self._close_run(run)

    def _own_share(self, i: int) -> bool:
        """Whether the share after figure i is that figure's ("103 người, chiếm 0,05%"), not the
        share of a new subject ("246 người/km² và dân số trong độ tuổi lao động chiếm 58.8%")."""
        gap = self.gap(i + 1)
        words = gap.strip(" ,(").split()
        if re.search(r"\(\s*(?:chiếm\s*)?$", gap) and len(gap) <= 80 and _SHARE_GAP.match(gap):
            return True   # "1,515 tỷ USD trong thời kỳ kháng chiến chống Nhật (chiếm 40%)": the share in its parenthesis
        return bool(_SHARE_GAP.match(gap)) and len(words) <= len(self.f[i].noun.split()) + 3 \
            and not re.search(r"\svà\s", gap)

    def _is_share(self, i: int) -> bool:
        p = self.f[i]
        if p.value.point is None and p.value.qualifier:
            return False
        if p.value.lo != p.value.hi and p.value.point is None and "-" not in p.text and "–" not in p.text:
            return False
        before, after = self.gap(i), self.after(i, 25)
        if self._chain(i) >= 3:
            return True   # "cơ cấu kinh tế ước đạt 8,8% - 59,7% - 31,5%"
        # "giảm còn 18,2%", "(cơ cấu tương ứng của cùng kỳ năm 2018 là: 39,72%; …)": a level, no change
        level = re.search(r"\b(?:giảm|tăng)\s+(?:còn|lên mức|xuống)\s*$|\bcùng kỳ(?:\s+năm\s+(?:19|20)\d\d)?\s+là\s*:?\s*$",
                          before, re.IGNORECASE)
        if _GROWTH_WORDS.search(before[-40:]) and not level:
            return False   # a rate of change; but "nông nghiệp giảm còn 18,2%" is the share it fell to
        if _RATIO_BEFORE.search(before) and not level and not (
                re.match(r"^\s*(?:;|,|và\b|\()", after)
                and (_LISTED.search(before) or re.search(r"\b(?:tỷ trọng|tỉ trọng|cơ cấu)\b", before, re.IGNORECASE))):
            return False   # "đạt 104,5%" is a ratio; "…; nông - lâm - thủy sản đạt 6,72%;" a listed share
        if re.match(r"^\s*(?:so với|kế hoạch|dự toán|cùng kỳ|/\s*năm|mỗi năm|năm\b|trở lên|điểm)", after,
                    re.IGNORECASE):
            return False
        clause = re.split(r"[;,.(]|\svà\s", self.after(i, 80), 1)[0]
        if re.search(r"\b(?:được|sử dụng|có|đạt|tham gia|hoàn thành)\b", clause, re.IGNORECASE):
            return False   # "99,0% dân số đô thị được cung cấp nước sạch": a rate among a group, no share
        if i > 0 and self.f[i - 1].kind == "qty" and self._own_share(i - 1) and self.same_sentence(i - 1, i):
            return True   # "184 người tức 13% thừa kế tài sản": the quantity restated as its share
        return bool(_AFTER_SHARE.match(after))

    def _chain(self, i: int) -> int:
        """How many percentages figure i's dash chain holds ("8,8% - 59,7% - 31,5%", the shares of
        a structure written in a row) when a structure word opens its sentence; 0 otherwise."""
        f = self.f

        def linked(a: int, b: int) -> bool:
            return 0 <= a and b < len(f) and f[a].kind == f[b].kind == "pct" \
                and re.fullmatch(r"\s*[-–]\s*", self.text[f[a].end: f[b].start]) is not None
        lo = hi = i
        while linked(lo - 1, lo):
            lo -= 1
        while linked(hi, hi + 1):
            hi += 1
        if hi == lo or not re.search(r"\b(?:cơ cấu|tỷ trọng|tỉ trọng)\b",
                                     self.text[self.sentence_start(f[lo].start): f[lo].start], re.IGNORECASE):
            return 0
        return hi - lo + 1

    def _continues(self, a: int, b: int) -> bool:
        """Whether the share at b continues the list of the share at a."""
        between = self.text[self.f[a].end: self.f[b].start]
        rest = _REST.search(between) and len(between) < 120   # "…(1,3%). 29 tộc người còn lại chỉ chiếm 0,9%"
        if not self.same_sentence(a, b) and not re.match(r"^\s*[-+•]", between) and not rest:
            return False
        f = self.f
        owned = a > 0 and b > 0 and f[a - 1].kind == f[b - 1].kind == "qty" and self._own_share(a - 1) \
            and self._own_share(b - 1)
        if f[b].depth != f[a].depth and not rest and not owned:
            return False   # but "20,6 triệu dân …, hay 89,3%, … và 2,5 triệu dân (10,7%)": each its quantity's
        if re.search(r"\btrong (?:đó|số đó)\b", re.sub(r"\([^()]*\)", "", between), re.IGNORECASE):
            return False   # "74%, trong đó có bằng cấp 36,5%": a whole and its part, no structure (one in an aside is its own)
        return len(between) < 160

    def _close_run(self, run: list[int]) -> None:
        if len(run) < 2:
            return
        f = self.f
        if self._listed_beside(run[0] - 1, run[0]) or self._listed_beside(run[-1], run[-1] + 1):
            return   # "39,72%; 19,37% và 40,91%" with the first taken for a change: part of a list, no whole
        head_start = self.sentence_start(f[run[0]].start)
        prev_sentence = self.sentence_start(max(0, head_start - 2)) if head_start else 0
        context = self.text[prev_sentence: f[run[0]].start] + " ".join(self.gap(i) for i in run)
        labels = [_fold(f"{_label(self.gap(i))} {self.after(i, 30)}") for i in run]
        if not _STRUCTURE_CUE.search(context) and not _partition(labels):
            return
        rates = sum(bool(_RATE_NAME.match(self._clause_label(i))) for i in run) >= 2 and \
            not re.search(r"\bcơ cấu\b", context, re.IGNORECASE)
        if rates or not self._one_total(run):
            return   # rates of their own bases ("tỷ lệ … thu gom khoảng 87%, tỷ lệ … 78%"), or shares of several totals
        for group in _groups([f[i].value for i in run]):
            idx = [run[k] for k in group]
            if len(idx) < 2:
                continue
            components = [Component(name=_label(self.gap(i)) or f[i].text, value=self.value(f[i])) for i in idx]
            names = [_fold(c.name) for c in components]
            head = self.text[head_start: f[idx[0]].start]
            name_m = re.search(r"\b(cơ cấu[^:;,.(]{0,40})", head, re.IGNORECASE)
            total = sum((f[i].value.point or f[i].value.lo for i in idx), Decimal(0))
            complete, remainder = self._completeness(names, head, total, [labels[k] for k in group])
            if re.match(r"^\W*trong\s+số\s+đó\b", head, re.IGNORECASE) or \
                    re.match(r"^\W*trong\s+đó\b", head, re.IGNORECASE) and head_start and self._share_before(head_start):
                complete = False   # "… Kitô giáo chiếm 57%. Trong số đó gồm có: Ngũ Tuần chiếm 17%, …": shares of a share
            at = head_start + name_m.start(1) if name_m else f[idx[0]].start
            # the years each share is of: after it, and between shares (the head before the first
            # share, "Cơ cấu kinh tế giai đoạn 2021-2025:", dates them all alike)
            years = {m.group(0)[-4:] for k, i in enumerate(idx)
                     for m in _YEAR.finditer(f"{self.gap(i) if k else ''} {self.after(i, 15)}")}
            if len(years) > 1:
                continue   # "51,27% (2013) … 51,82% (1953)": one share in two years, no whole
            assumed = []
            named = re.search(r"\b(?:cơ cấu|tỷ trọng|tỉ trọng)\b", head, re.IGNORECASE)
            if not named and complete and total < 50 and not _partition(names):
                continue   # "thuế 5% và phí 2%": rates, or shares of other wholes, not a structure short by half
            clauses = [_fold(self._clause_before(i)) for i in idx]   # "đường do tỉnh quản lý dài …, chiếm"
            if not named and not _partition(names) and not _each_names_one(clauses):
                # shares named without "cơ cấu": that they are shares of one whole, none overlapping
                # another ("60 tự ứng cử (60%), 45 nữ (45%)"), is the reading's
                assumed.append(Assumption.siblings.value)
            self.out.structures.append(Structure(
                name=(_whole_words(name_m.group(1), head[name_m.end(1):]) if name_m else "Cơ cấu"), components=components, unit="%",
                location=self.locate(at), complete=complete, remainder=remainder, assumed=assumed))

    def _clause_before(self, i: int) -> str:
        """The words of share i's own clause: back to the previous share, semicolon or sentence start."""
        f = self.f
        start = self.sentence_start(f[i].start)
        prev = next((f[k].end for k in range(i - 1, -1, -1) if f[k].kind == "pct" and f[k].end > start), start)
        text = self.text[max(start, prev): f[i].start]
        return re.split(r"[;]", text)[-1]

    def _share_before(self, offset: int) -> bool:
        """Whether the sentence before ``offset`` ends its figures with a percentage."""
        before = [g for g in self.f if g.end <= offset]
        return bool(before) and before[-1].kind == "pct" and before[-1].start >= self.sentence_start(offset - 2)

    def _listed_beside(self, a: int, b: int) -> bool:
        """Whether percentages a and b stand side by side in one list, nothing but a separator between."""
        f = self.f
        return 0 <= a and b < len(f) and f[a].kind == f[b].kind == "pct" and f[a].depth == f[b].depth \
            and re.fullmatch(r"\s*[;,]?\s*(?:và\s*)?", self.text[f[a].end: f[b].start]) is not None

    def contributions(self) -> None:
        """"Trong mức tăng chung 9,6% …, khu vực nông, lâm nghiệp và thủy sản … đóng góp 0,80 điểm phần
        trăm; khu vực công nghiệp - xây dựng … 6,19 điểm phần trăm; …": the sectors' contributions in
        percentage points add up to the growth they share."""
        f = self.f
        for m in _GROWTH_SHARED.finditer(self.text):
            total_i = next((k for k, g in enumerate(f) if g.start >= m.end()), None)
            if total_i is None or f[total_i].kind != "pct" or f[total_i].start - m.end() > 10:
                continue
            idx = [k for k in range(total_i + 1, len(f)) if f[k].kind == "qty" and _POINTS.match(f[k].noun)
                   and re.search(r"\bđóng góp\b|\bgóp\b", self.gap(k)[-60:] or "", re.IGNORECASE)]
            if len(idx) < 2:
                continue
            names = [self._sector_clause(k, f[total_i].end) for k in idx]
            complete, remainder = self._completeness([_fold(n) for n in names], "", Decimal(0), [])
            self.out.structures.append(Structure(
                name="đóng góp vào mức tăng trưởng", total=self.value(f[total_i]), unit="điểm phần trăm",
                components=[Component(name=n or f[k].text, value=self.value(f[k])) for n, k in zip(names, idx)],
                location=self.locate(f[idx[0]].start), complete=complete, remainder=remainder))

    def _sector_clause(self, k: int, floor: int) -> str:
        """What contributed the points at figure k: its clause, from the list separator (or the
        growth they share) before it, up to its first verb ("; khu vực dịch vụ tăng 8,6%, đóng góp")."""
        start = max(self.text.rfind(";", 0, self.f[k].start) + 1, floor)
        clause = _from_sector(self.text[start: self.f[k].start])
        return re.split(r"\s(?:ước|tăng|đạt|đóng góp|góp)\b|\d", clause, 1)[0].strip(" ,:-")

    def _clause_label(self, i: int) -> str:
        """The words of figure i's own clause before it."""
        return re.split(r"[,;:(]\s*", self.gap(i))[-1].strip()

    def _one_total(self, run: list[int]) -> bool:
        """Whether shares each stated with its own quantity ("95 tấn/ngày (chiếm 10%), 5.390 tấn/ngày
        (chiếm 70%)") are shares of one total: the totals they imply agree within a factor of two."""
        implied = []
        for i in run:
            q = self.f[i - 1] if i else None
            if q is None or q.kind != "qty" or q.value.hi.is_infinite() or not self.f[i].value.point \
                    or not _SHARE_GAP.match(self.gap(i)):
                continue
            amount = q.value.point if q.value.point is not None else (q.value.lo + q.value.hi) / 2
            implied.append(amount * 100 / self.f[i].value.point)
        # a slip in one share moves its implied total by a fraction; shares of different totals
        # (tấn/ngày of solid waste and of industrial waste) imply totals apart by a factor
        return len(implied) < 2 or max(implied) <= min(implied) * 2

    def _completeness(self, names: list[str], head: str, total: Decimal, around: list[str]) -> tuple[bool, str | None]:
        """Whether the shares name the whole (so they must reach 100%), and what an economic
        structure may leave unstated (the product-tax share). ``around``: each share's words
        before and after it ("89,3%, là dân thành thị")."""
        if any(_TAX.search(n) for n in names) or any(_REST.search(n) for n in names):
            return True, None
        sectors = [any(s.search(n) for n in names) for s in _SECTORS]
        if all(sectors) and len(names) == 3:
            return False, "thuế sản phẩm trừ trợ cấp sản phẩm"
        if _complementary(names) or _complementary(around):
            return True, None
        if re.search(r"\bcơ cấu\b", head, re.IGNORECASE) and not all(sectors):
            return True, None
        return False, None
