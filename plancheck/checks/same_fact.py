"""One fact, two statements: the same indicator for the same period, stated in the
text and in a table (or twice in the text), with values that cannot both be true.

Sơn La's resolution aims its 2024 budget revenue at 4.180 tỷ đồng in the text,
while its appendix plans 4,450 (4.450) for the same indicator and year.
Indicators are matched by name (folded Vietnamese, abbreviations expanded), unit
and period; values by interval overlap, each in every reading it allows.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..models import Indicator, Period, Value
from ..numbers import format_number, readings
from ..text import name_within, name_words
from .base import CheckKind, Hit, Localized, Params, Subject


class SameFactParams(Params):
    slack: int = 3          # extra words a name may carry in its longer statement
    text_twice: bool = True  # also compare two statements in the text


class SameFact(CheckKind):
    name = "same_fact"
    fields = frozenset({"indicator", "period", "text_value", "other_value", "other_place", "other_place_en",
                        "other_line", "other_at"})
    Params = SameFactParams

    def run(self, subject: Subject, params: SameFactParams) -> Iterable[Hit]:
        stated = [(ind, name_words(ind.name)) for ind in subject.plan.indicators if ind.values]
        text = [(ind, words) for ind, words in stated if ind.origin == "text"]
        tables = [(ind, words) for ind, words in stated if ind.origin == "table"]
        for n, (ind, words) in enumerate(text):
            for obs in ind.values:
                # A table row's name within the sentence (a few words may come between);
                # an earlier sentence's subject, word for word.
                matches = [(extra, other) for other, other_words in tables
                           if (extra := name_within(other_words, words, params.slack)) is not None]
                if params.text_twice:
                    matches += [(0, other) for other, other_words in text[:n]
                                if name_within(other_words, words, 0) == 0 or name_within(words, other_words, 0) == 0]
                hit = _disagreement(ind, obs.period, obs.value, matches)
                if hit:
                    yield hit


def _disagreement(ind: Indicator, period: Period, value: Value,
                  matches: list[tuple[int, Indicator]]) -> Hit | None:
    """A hit when no statement of the same fact agrees with ``value``; it names the closest."""
    stated = []
    for extra, other in matches:
        theirs = other.value_for(period)
        factor = _factor(ind.unit, other.unit)
        if theirs is None or factor is None:
            continue
        if any(value.interval.overlaps(r.interval.scale(factor)) for r in readings(theirs)):
            return None   # one statement of it agrees: the others are other facts of similar names
        stated.append((extra, other, theirs))
    if not stated:
        return None
    extra, other, theirs = min(stated, key=lambda s: s[0])
    shown = theirs.text
    alt = readings(theirs)[1:]
    if alt:
        shown += f" ({format_number(alt[0].point)})"
    where = theirs.location or other.location
    from_table = other.origin == "table"
    return Hit(
        location=value.location or ind.location,
        fields={"indicator": other.name if from_table else ind.name, "period": period,
                "text_value": value.text, "other_value": f"{shown} {other.unit or ''}".strip(),
                "other_line": str(where.line) if where else "?",
                "other_at": Localized({lang: where.place(lang) for lang in ("vi", "en")}) if where else "?",
                "other_place": "bảng" if from_table else "đoạn văn", "other_place_en": "the table" if from_table else "the text"},
        evidence={"other": other.name, "other_location": where.describe() if where else ""},
    )


def _factor(a: str | None, b: str | None) -> Decimal | None:
    """What brings a value in unit ``b`` into unit ``a``; None when they measure different things."""
    from ..units import conversion_factor, parse_unit

    ua, ub = parse_unit(a or ""), parse_unit(b or "")
    if ua.known and ub.known:
        return conversion_factor(ub, ua)
    if " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split()) and a:
        return Decimal(1)
    return None
