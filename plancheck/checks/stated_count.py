"""A stated count ("gồm 28 chỉ tiêu", "06 quan điểm") equals the items listed."""
from __future__ import annotations

from typing import Iterable

from .arithmetic import count_holds
from .base import CheckKind, Hit, Subject


class StatedCount(CheckKind):
    name = "stated_count"
    fields = frozenset({"what", "stated", "counted"})

    def run(self, subject: Subject, params) -> Iterable[Hit]:
        for count in subject.plan.counts:
            if count_holds(count):
                continue
            yield Hit(
                location=count.stated.location or count.location,
                fields={"what": count.what, "stated": count.stated.text, "counted": count.counted},
                suggestion=f"{count.stated.text} → {count.counted:0{len(count.stated.text.strip())}d}?"
                if count.stated.text.strip().isdigit() else None,
                evidence={"items": count.items},
            )
