"""Counts: a number of things and the list that names them."""
from __future__ import annotations

import re

from ...certainty import Assumption
from ...models import StatedCount, Value
from ...text import LETTER_WORD, VI_UPPER, parse_count
from ..figures import STOP_NOUNS
from .cues import _ADMIN, _CONTAINER, _ITEM_END, _SENTENCE_END, _counted, _list_body
from ...lazyre import lazy_compile


def _unbalanced(rest: str, items: list[str]) -> bool:
    """Whether the list's parentheses fail to close ("Định Quán (… 26 km, Tân Phú (…)"): no count
    can be read from it."""
    body = _list_body(rest)
    return body.count("(") != body.count(")")


def _long_sides(body: str, m: re.Match) -> bool:
    """Whether the words around a "và" could make one name with it: a side of three words or
    more ("Kỹ thuật và Khoa học máy tính"); between two short names ("…, Yên Bình và Yên Trung")
    it joins the list."""
    left = re.split(r"[,;:(]", body[: m.start()])[-1].split()
    right = re.split(r"[,;(]", body[m.end():])[0].split()
    return len(left) >= 3 or len(right) >= 3


def _semicolon_items(rest: str) -> list[str]:
    """The items of a list whose items are separated by semicolons, up to the sentence's end."""
    end = re.search(r"\.(?=\s|$)|\n", rest)
    body = rest[: end.start()] if end else rest
    if ";" not in body:
        return []
    return [p for p in (re.sub(r"^\s*(?:và|hoặc)\s+", "", piece).strip() for piece in body.split(";")) if p]


# "gồm 7 huyện:", "có 6 ấp:", "bao gồm 8 đảo (hòn):", "gồm có 5 bộ tư lệnh khu vực (…):"
_COUNT = lazy_compile(
    r"(?<![\w.,/])(?P<n>\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+\w+)?)\s+"
    r"(?P<noun>(?!(?:gồm|có|bao|là|như)\b)[^\W\d_][^\d:;.()\[\]]{0,50}?)\s*(?:\([^()]{0,80}\))?\s*"
    r"(?:,?\s*(?:là|gồm|bao\s+gồm|gồm\s+có)\b|như sau|sau)?\s*:(?!\d)",   # "có 9 phường, gồm: …"
    re.IGNORECASE)


# A count whose list follows without a colon, announced by words that can only open the list:
# "4 xã là các xã A, B, C", "03 ô đất có ký hiệu BDX-01, BDX-02, BDX-03".
# "là các xã" names units of the administration; "5 thành viên là các thành viên Ban Thường vụ, …"
# names a group among the items, so only units are counted this way.
# (the count's first digit leads, the test of what stands before it after it: the engine skips to digits)
_COUNT_NAMED = lazy_compile(
    r"(?P<n>\d(?<![\w.,/]\d)\d{0,2})\s+(?:(?P<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s*,?\s+"
    r"(?:là|gồm|bao\s+gồm)\s+các\s+(?P=unit)|(?P<plot>(?:ô|lô|thửa)\s+đất(?:\s+ở)?)\s*,?\s+có\s+ký\s+hiệu(?:\s+là)?)"
    r"\s+(?=\S)", re.IGNORECASE)


# A count named again before its list: "có 10 xã trực thuộc, bao gồm các xã:" (but "9 đơn vị hành
# chính trực thuộc, bao gồm các quận:" lists only the quận: the kinds must agree).
_COUNT_OF_KIND = lazy_compile(
    r"(?<![\w.,/])(?P<n>\d{1,3})\s+(?P<noun>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+trực\s+thuộc\s*,?\s*(?:bao\s+)?gồm\s+"
    r"(?:các\s+)?(?P<kind>[^\W\d_]+(?:\s[^\W\d_]+)?)\s*:(?!\d)", re.IGNORECASE)

_YEAR_NOUN_BEFORE = lazy_compile(r"\b(?:hằng|hàng|mỗi|cả|các|những|nhiều|trong|mấy|vài)\s*$", re.IGNORECASE)

_NOT_A_COUNT_BEFORE = lazy_compile(r"(?:\b(?:quốc lộ|tỉnh lộ|đường|hoặc|đến|tới|khoảng|gần|trên|hơn|ít nhất|tối thiểu|"
                                 r"tối đa|không quá|điều|khoản|điểm|mục|chương|số|năm|ngày|tháng|lớp|khối|xe|loại|hạng|khóa|cấp|tuyến|"
                                 r"phòng|tầng|lô|ô|tờ|thửa)|[-–])\s*$",   # "lớp 10 THPT", "xe 29 chỗ": an attribute
                                 re.IGNORECASE)


# Counted nouns whose list after a colon is never of them: time, clauses, multipliers; the
# floors of a building ("ký túc xá 8 tầng …: thư viện, nhà ăn") describe it, they are not listed.
_NOT_COUNTED = frozenset({"năm", "tháng", "ngày", "giờ", "lần", "điều", "khoản", "phần", "triệu", "tỷ", "nghìn",
                          "tầng"})

# an item that stands for several: a range ("LK-01 ÷ LK-10", "OĐ-01 đến OĐ-04"), codes joined into one
# block ("LK-03/LK-04", "OM-02 + OM-03"), or the shorthand "LK-03a, b" whose "b" is a second code
_RANGE_ITEM = lazy_compile(r"÷|\s(?:đến|tới)\s|\d\s+[-–]\s+\S|\w\s*[/+]\s*[A-ZĐ]|^\s*[a-zđ]\s*$")
_GROUP_ITEM = lazy_compile(r"(?:và\s+)?(?:các|những|một\s+số|một\s+vài|nhiều)\s", re.IGNORECASE)


def _list_items(rest: str, noun: str) -> tuple[list[str], bool, int, set[str]]:
    """The items of a list after its colon, whether the list is open ("…", "v.v."), at
    how many "và" it was split before its last item (the one before the last item joins the
    list; any other may join the words of one name: "Sở Tài nguyên và Môi trường"), and what
    reading it assumed (plancheck.certainty): where it ends and splits, what its items name."""
    end = _ITEM_END.search(rest)
    body = rest[: end.start()] if end else rest
    doubts: set[str] = set()
    seen: set[str] = set()
    if end and end.group(0) == ";" and re.match(r"\s*[^\W\d_]", rest[end.end():]):
        doubts.add(Assumption.list_bounds.value)   # "4 tổ chức: A, B; C và D": the list may go on past ";"
    at_least = bool(re.search(r"(?:…|\.\.\.|v\.v|vv)\s*$", body.strip())) or bool(
        re.search(r"(?:…|\.\.\.)\s*$", rest[: (end.end() if end else len(rest))].strip()))
    pieces, joined = _split_items(body)
    opened: list[bool] = []   # per item: whether a "và" opens it
    other_kind = 0            # items of another administrative kind than the noun counted
    items: list[str] = []
    names = bool(pieces) and (pieces[0][:1].isupper() or pieces[0][:1].isdigit())
    noun_head = noun.split(" ")[0].casefold()
    for k, piece in enumerate(pieces):
        piece = piece.strip(" *“”\"'")
        if not piece or piece in ("…", "..."):
            continue
        if (sub := re.match(r"^(?:(?:là|gồm|có)\s+)?(\d{1,3})\s+([^\W\d_]+)[^:]*:", piece)):
            # "10 đơn vị: A, B và 8 huyện: …": 8 of the 10; "7 quận: là 4 quận cũ: … và 3 quận mới: …"
            if (items or k) and _CONTAINER.match(noun) or (k == 0 and sub.group(2).casefold() == noun_head):
                items.extend(f"{sub.group(0).rstrip(':')} ({j}/{sub.group(1)})" for j in range(1, int(sub.group(1)) + 1))
                if sub.group(2).casefold() == noun_head:
                    rest_pieces = pieces[k + 1:]
                    for later in rest_pieces:   # the next sub-count of the same kind
                        more = re.match(r"^(?:và\s+)?(\d{1,3})\s+([^\W\d_]+)[^:]*:", later.strip())
                        if more and more.group(2).casefold() == noun_head:
                            items.extend(f"{more.group(0).rstrip(':')} ({j}/{more.group(1)})"
                                         for j in range(1, int(more.group(1)) + 1))
            break
        if re.match(r"^(?:…|\.\.\.|v\.v)", piece):
            at_least = True
            break
        if re.fullmatch(r"\([^()]*\)", piece):
            continue   # "Thạch An, (châu lỵ ở Đông Khê), Nguyên Bình": an aside, no item
        if _GROUP_ITEM.match(piece):
            at_least = True   # "Chủ tịch, Phó Chủ tịch và các thành viên": a group stands for the rest
            break
        admin = _ADMIN.match(piece)
        if admin and names and admin.group(0).strip().casefold() != noun_head and k > 0:
            # "3 tỉnh: A, B, C và Thành phố Hồ Chí Minh": the city may be no tỉnh, or one of
            # three units merged ("3 tỉnh: Quảng Nam, Quảng Tín và thành phố Đà Nẵng")
            items.append(_trim_name(piece))
            other_kind += 1
            break
        if names and not (piece[:1].isupper() or piece[:1].isdigit()):
            if any(p.strip(" *“”\"'")[:1].isupper() for p in pieces[k + 1:]):
                # "…, Tam Chúc, chùa Cổ Lễ và Núi Non Nước": a name written in lower case, the
                # list going on after it; where it ends is a guess
                doubts.add(Assumption.list_bounds.value)
            break    # a name list ends where the words are no name: "… Thái Bình và chỉ là …"
        if names:   # "Thường trực: Lê Thị Bình": the role before the name is no item
            piece = re.sub(rf"^[^:,\d]{{1,25}}:\s+(?=[{VI_UPPER}])", "", piece)
            if piece.casefold() in seen:
                doubts.add(Assumption.items.value)   # a name listed again (with its role): one person
            seen.add(piece.casefold())
        item = _trim_name(piece) if names else piece
        if len(LETTER_WORD.findall(piece)) > 10:
            # an item that is a description or a clause ("thứ nhất là đã tiêu diệt …"): what
            # the items name, and so how many there are, is a guess
            doubts.add(Assumption.items.value)
        items.append(item)
        opened.append(k in joined and len(items) > 1)
    if other_kind:
        doubts.add(Assumption.list_bounds.value)   # the list was cut at a unit of another kind
    return items, at_least, sum(opened[:-1]) + other_kind, doubts


def _split_items(body: str) -> tuple[list[str], set[int]]:
    """Split at commas and "và" outside parentheses; with the indices of the pieces a "và" opens."""
    out, depth, start, i = [], 0, 0, 0
    joined: set[int] = set()
    while i < len(body):
        ch = body[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif depth == 0 and ch == ",":
            out.append(body[start:i])
            start = i + 1
        elif depth == 0 and body.startswith(" và ", i):
            out.append(body[start:i])
            joined.add(len(out))
            start = i + 4
            i += 3
        i += 1
    out.append(body[start:])
    kept = [k for k, p in enumerate(out) if p.strip()]
    return [out[k].strip() for k in kept], {n for n, k in enumerate(kept) if k in joined}


def _trim_name(piece: str) -> str:
    """A name without the words that follow it: "Quân Bình với 12.000 hộ" → "Quân Bình"."""
    m = re.match(r"^((?:[\dA-ZÀ-Ỹ][^\s(]*|\([^)]*\)|-|–)(?:\s+(?:[\dA-ZÀ-Ỹ][^\s(]*|\([^)]*\)|-|–))*)", piece)
    return m.group(1) if m else piece


class Counts:
    # -- counts ----------------------------------------------------------------------------
    def counts(self) -> None:
        if ":" in self.text:   # both patterns end on the colon that opens the list
            for m in _COUNT.finditer(self.text):
                self._count(m)
            for m in _COUNT_OF_KIND.finditer(self.text):   # "có 10 xã trực thuộc, bao gồm các xã: A, B, …"
                if m.group("kind").casefold() == m.group("noun").casefold():
                    self._count(m)
        for m in _COUNT_NAMED.finditer(self.text):
            self._count(m, colon=False)

    def _count(self, m: re.Match, colon: bool = True) -> None:
        """A count and the list after it; ``colon``: the list is announced by a colon, and one that
        follows in the next paragraphs is the count's (without one, the list is in the sentence)."""
        n_text = m.group("n")
        n = parse_count(n_text)
        if n is None or n < 2 or n > 300:
            return
        noun = " ".join(_counted(m).split())
        if re.search(r"[\d,]", noun) or noun.split(" ")[0].casefold() in STOP_NOUNS | _NOT_COUNTED \
                or len(noun.split()) > 7:
            return   # "9 đơn vị hành chính trực thuộc, bao gồm các quận:" counts no list
        if n_text[:1].isupper() and not n_text.isupper():
            return   # a name: "Má Tám Nhung"
        if noun[:1].isupper() and not noun.isupper() and (noun.isascii() or not self.text[:m.start()].strip(" *-+•")):
            return   # a title or a heading: "100 Decisive Battles:", "16 Ví dụ:"; but "có 8 Tiết độ:" counts
        before = self.text[max(0, m.start() - 40): m.start()]
        if re.search(r"\d[\d.]*\s+[^\W\d_]+(?:\s+[^\W\d_]+)?(?:\s+(?:với|và)|\s*,)\s+$", before) or \
                re.search(r"\d[\d.]*(?:\s+[^\W\d_]+){1,3}\s+(?:từ|trong số|trên tổng số|trên)\s+$", before):
            return   # "10 tổng với 79 làng …:", "2 phủ, 4 huyện: A (a, b), B (c, d)": the list names the first count's items
        if _NOT_A_COUNT_BEFORE.search(before):
            return   # "Quốc lộ 14 đi qua …:", "05 hoặc 07 thành viên"
        if n_text.casefold() == "năm" and _YEAR_NOUN_BEFORE.search(before):
            return   # "hằng năm", "mỗi năm": the year, not five
        stated = Value(text=n_text, lo=n, hi=n, point=n, decimals=0, location=self.locate(m.start("n")))
        rest = self.text[m.end():]
        if self.text.count("(", 0, m.start()) > self.text.count(")", 0, m.start()):
            rest = rest.split(")", 1)[0]   # "Nội Ô (gồm 4 khu: 1A, 1B, 2, 3)": the list ends with its parenthesis
        if not colon:
            rest = _SENTENCE_END.split(rest, 1)[0]   # the list ends with its sentence
        if not rest.strip():
            if colon:
                self.out.open_count = (noun, stated, self.locate(m.start()))
            return
        items, at_least, joins, assumed = _list_items(rest, noun)
        if len(items) < 2 and not at_least:
            return
        if any(_RANGE_ITEM.search(piece) for piece in _split_items(_list_body(rest))[0]):
            return   # "LK-01 ÷ LK-10", "OĐ-01 đến OĐ-04", "LK-03/LK-04": one item stands for several
        body = _list_body(rest)
        ands = sum(1 for m in re.finditer(r"\s(?:và|hoặc)\s", body) if _long_sides(body, m))
        if ands and len(items) - ands <= n < len(items):
            # "3 ngành: …, Kỹ thuật và Khoa học máy tính": the last "và" joins the list, or one name;
            # a "và" inside a name can only make the items fewer, never more
            assumed.add(Assumption.list_bounds.value)
        if all(re.match(r"\d[\d.]*\s+[^\W\d_]", piece) for piece in _split_items(_list_body(rest))[0]):
            self._counted_parts(m, len(rest))   # "241 đơn vị … gồm: 29 phường, 14 thị trấn, 190 xã"
            return
        if any(len(item.split()) > 12 for item in items) or _unbalanced(rest, items):
            return   # clauses, not a list ("3 ngọn hải đăng: một ngọn được xây dựng trên …")
        if n != len(items) and len(_semicolon_items(rest)) == n:
            return   # "năm yếu tố: thể chế, chính sách …; nhân lực …; …; và …": items split at semicolons
        self.out.counts.append(StatedCount(what=noun, stated=stated, items=items, at_least=at_least,
                                           fewest=len(items) - joins if joins else None,
                                           location=self.locate(m.start()), assumed=sorted(assumed)))
