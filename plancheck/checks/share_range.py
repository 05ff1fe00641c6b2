"""A share or rate in percent lies between 0% and 100%."""
from __future__ import annotations

from dataclasses import field
from typing import Iterable

from ..models import Period, Value
from ..packregex import PackPattern, compile_pattern
from .base import CheckKind, Hit, Params, Subject


class ShareRangeParams(Params):
    # Indicator names that announce a share of a whole (matched case-insensitively).
    share_names: list[PackPattern] = field(default_factory=lambda: [r"^\W*(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|cơ cấu)(?:\W|$)"])
    # ... unless the name says it is a change or a comparison, which may exceed 100%.
    not_share_names: list[PackPattern] = field(
        default_factory=lambda: [r"(?:^|\W)(?:tăng|giảm|so với|vượt|tốc độ|chỉ số)(?:\W|$)"])
    low: int = 0
    high: int = 100


class ShareRange(CheckKind):
    name = "share_range"
    fields = frozenset({"name", "value", "period", "low", "high"})
    Params = ShareRangeParams

    def run(self, subject: Subject, params: ShareRangeParams) -> Iterable[Hit]:
        share = [compile_pattern(p) for p in params.share_names]
        not_share = [compile_pattern(p) for p in params.not_share_names]

        def is_share(name: str, unit: str | None) -> bool:
            return ((unit or "").strip() in ("%", "(%)")
                    and any(p.search(name) for p in share) and not any(p.search(name) for p in not_share))

        def out_of_range(value: Value) -> bool:
            return value.lo > params.high or value.hi < params.low

        for ind in subject.plan.indicators:
            if not is_share(ind.name, ind.unit):
                continue
            for obs in ind.values:
                if out_of_range(obs.value):
                    yield self.hit(ind.name, obs.value, obs.period, params)
        for s in subject.plan.structures:  # components of a structure are shares by construction
            for c in s.components:
                if out_of_range(c.value):
                    yield self.hit(f"{s.name}: {c.name}", c.value, s.period or "", params)

    @staticmethod
    def hit(name: str, value: Value, period: Period | str, params: ShareRangeParams) -> Hit:
        return Hit(location=value.location, fields={"name": name, "value": value.text, "period": period,
                                                    "low": params.low, "high": params.high})
