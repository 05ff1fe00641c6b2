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
                suggestion=_suggestion(count),
                evidence={"items": count.items},
                assumptions=tuple(count.assumed),
            )


def _suggestion(count) -> str | None:
    """The count the list gives, written as the text writes counts: "07" pads, "10" does not."""
    stated = count.stated.text.strip()
    if not stated.isdigit() or count.fewest is not None or count.at_least:
        return None   # the list may name fewer items than it seems: no one count to suggest
    width = len(stated) if stated.startswith("0") else 1
    return f"{stated} → {count.counted:0{width}d}?"
