"""A stated count ("gồm 28 chỉ tiêu", "06 quan điểm") equals the items listed."""
from __future__ import annotations

from typing import Iterable

import re

from ..certainty import Assumption
from ..text import LETTER_WORD
from .arithmetic import count_holds
from .base import CheckKind, Hit, Subject
from ..lazyre import lazy_compile


class StatedCount(CheckKind):
    name = "stated_count"
    fields = frozenset({"what", "stated", "counted"})

    def run(self, subject: Subject, params) -> Iterable[Hit]:
        for count in subject.plan.counts:
            if count_holds(count):
                continue
            if _MEASURE_NOUN.match(count.what):
                continue   # "6 tuổi", "300 độ C": a measure, not a number of things listed
            if _counts_add_up(count):
                continue   # "206 thực thể: 203 quốc gia …, 2 quốc gia …, 1 …": the items count themselves

            yield Hit(
                location=count.stated.location or count.location,
                fields={"what": count.what, "stated": count.stated.text, "counted": count.counted},
                suggestion=_suggestion(count),
                evidence={"items": count.items},
                assumptions=(*count.assumed, *_doubts(count)),
            )


# Nouns after a number that measure rather than count listed things.
_MEASURE_NOUN = lazy_compile(r"(?:tuổi|độ(?!\s+tuổi)|giờ|phút|giây|lần|km|mét|m)\b", re.IGNORECASE)
_SENTENCE_INSIDE = lazy_compile(r"[.!?]\s+\S|:\s+\S")


# A number word or a figure inside the counted noun: the noun holds a count of its own.
_COUNT_WORD = lazy_compile(r"\s(?:\d+|hai|bốn|sáu|bảy|tám|chín|mười)\s+(?!cấp\b)[^\W\d_]")   # not "năm" (a year), "ba" alone


def _misread(count) -> bool:
    """A list read as twice or half as long as its count, off by two or more: a list read wrongly
    (where it ends, how it splits, or a number that counts something else: "quyển 14 ghi:", "đàn
    12 dây: …") far more often than a count so wrong."""
    counted, stated = count.counted, count.stated.point
    if stated is None or count.at_least:
        return False
    return abs(counted - stated) >= 2 and (counted >= 2 * stated or 2 * counted <= stated)


def _counts_add_up(count) -> bool:
    """Whether every item states its own count, opening with it ("203 quốc gia …") or of the
    counted noun inside it ("Cửa sông A: lấy mẫu 01 vị trí …"), and those counts make the stated one."""
    heads = [re.match(r"\s*(\d{1,4})\s+[^\W\d_]", item) for item in count.items]
    if heads and all(heads):
        return count.stated.interval.contains(sum(int(h.group(1)) for h in heads))
    noun = count.what.split(" ")[0]
    inner = [re.search(rf"\b(\d{{1,4}})\s+{re.escape(noun)}\b", item, re.IGNORECASE) for item in count.items]
    return bool(inner) and all(inner) and count.stated.interval.contains(sum(int(m.group(1)) for m in inner))


def _doubts(count) -> tuple[str, ...]:
    """What any reader's list leaves to assumption, seen from its items (the same for the list
    of a sentence, of the paragraphs after it, of an appendix): items that are descriptions or
    clauses rather than names say nothing sure of how many things there are; a counted noun
    joining two kinds ("12 chương và phần phụ lục") counts them together; "năm" is five or a year."""
    doubts = []
    noun = re.escape(count.what.split(" ")[0])
    if count.listed == "text" and any(len(LETTER_WORD.findall(item)) > 10 or _SENTENCE_INSIDE.search(item) for item in count.items) \
            or count.stated.text.strip().casefold() == "năm" \
            or any(re.search(rf"\b\d{{1,4}}\s+{noun}\b", item, re.IGNORECASE) for item in count.items):
        # items that are descriptions, "năm" five or a year, or items holding counts of the counted
        # noun themselves ("Cửa sông A: lấy mẫu 02 vị trí …"): how many things the list names is a guess
        doubts.append(Assumption.items.value)
    if re.search(r"\s(?:và|hoặc)\s", f" {count.what} ") or _misread(count) or _COUNT_WORD.search(f" {count.what} "):
        # "12 chương và phần phụ lục": two kinds counted together; a list read as twice or half its
        # count; "117 linh mục thuộc ba giáo phận: A, B, C": the list may be of the other count
        doubts.append(Assumption.list_bounds.value)
    return tuple(doubts)


def _suggestion(count) -> str | None:
    """The count the list gives, written as the text writes counts: "07" pads, "10" does not."""
    stated = count.stated.text.strip()
    if not stated.isdigit() or count.fewest is not None or count.at_least:
        return None   # the list may name fewer items than it seems: no one count to suggest
    width = len(stated) if stated.startswith("0") else 1
    return f"{stated} → {count.counted:0{width}d}?"
