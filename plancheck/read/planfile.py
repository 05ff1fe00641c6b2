"""Structured plan files (YAML or JSON): what a data repository stores.

The file format is described by the pydantic models below; docs/plan-files.md
explains it and docs/plan-file.schema.json is generated from them. A file is
validated, then turned into a ``Plan`` whose every value keeps the line it was
written on. Values are text as the document wrote them ("7,50", "4.450",
"21-22%"), read in the Vietnamese convention.
"""
from __future__ import annotations

import json

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError
from ..i18n import _
from ..models import (
    Comparison,
    ComparisonKind,
    Component,
    DocumentInfo,
    Indicator,
    Location,
    Observation,
    Operand,
    PartOfWhole,
    Period,
    PeriodKind,
    Plan,
    StatedCount,
    Structure,
    Value,
)
from .located_yaml import LocatedTree, load_located, nfc_data

FORMAT = "plancheck/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PeriodSpec(_Strict):
    year: int = Field(description="The year, or the first year of a multi-year period.")
    kind: PeriodKind = Field(description="actual (thực hiện), plan (kế hoạch), estimate (ước thực hiện) or target (mục tiêu).")
    end_year: int | None = Field(None, description="Last year of a period such as 2021-2025.")
    label: str | None = Field(None, description="The column heading as written.")


class ComparisonSpec(_Strict):
    kind: ComparisonKind = Field(ComparisonKind.ratio, description="ratio: of / to × 100; growth: (of / to − 1) × 100.")
    of: str = Field(description="Period id of the compared value (numerator).")
    to: str = Field(description="Period id of the base value (denominator).")
    label: str | None = Field(None, description="The column heading as written.")


def _figure(v: Any) -> Any:
    # bool is an int to pydantic: without this, a YAML `yes` would be the figure 1.
    if isinstance(v, bool):
        raise ValueError("a figure is a number or text as written, not true/false")
    if isinstance(v, (float, Decimal)) and not math.isfinite(v):
        raise ValueError(f"a figure must be a finite number, not {v}")
    return v


# A figure as written ("7,50", "4.450", "21-22%", "trên 10%"); a number given by a
# program (a JSON number, a Python float in the API) is a machine number.
Number = Annotated[str | int | float, BeforeValidator(_figure)]


class PartSpec(_Strict):
    name: str
    unit: str | None = Field(None, description="Defaults to the whole's unit.")
    values: dict[str, Number] = Field(default_factory=dict)
    same_base: bool | None = Field(None, description="For shares and rates: true when part and whole are shares of the same base (so the part cannot exceed the whole).")


class ComponentSpec(_Strict):
    name: str
    values: dict[str, Number] = Field(default_factory=dict)


class StructureSpec(_Strict):
    total: Number = Field("100", description="What the components add up to.")


class IgnoreSpec(_Strict):
    rule: str = Field(description="A rule id, an id's prefix, a slug or a category.")
    reason: str = Field("", description="Why the finding is accepted.")


class IndicatorSpec(_Strict):
    id: str | None = Field(None, description="The STT as written (1, 2, I, a).")
    name: str
    unit: str | None = None
    values: dict[str, Number] = Field(default_factory=dict, description="Period id → value as written.")
    compare: dict[str, Number] = Field(default_factory=dict, description="Comparison id → reported %.")
    structure: StructureSpec | None = Field(None, description="Present when the components below are shares of a whole.")
    components: list[ComponentSpec] = Field(default_factory=list)
    parts: list[PartSpec] = Field(default_factory=list, description="'trong đó' rows: parts of this indicator.")
    ignore: list[IgnoreSpec | str] = Field(default_factory=list, description=(
        "Findings accepted on this indicator: rules (PC251, a prefix, a slug or a category), each with why "
        "(\"PC251 -- published as is\", or {rule, reason}). One that suppresses nothing is reported (PC001)."))


class CountSpec(_Strict):
    what: str = Field(description="What is counted, as the document says it ('chỉ tiêu chủ yếu').")
    stated: Number = Field(description="The count as written ('28', '06').")
    items: list[str] | Literal["indicators"] = Field(
        description="The items counted, or 'indicators' for the numbered indicators of this file.")


class DocumentSpec(_Strict):
    kind: str | None = Field(None, description="Nghị quyết, Quyết định, ...")
    number: str | None = Field(None, description="Số/ký hiệu, e.g. 252/NQ-HĐND.")
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _vietnamese_date(cls, v: Any) -> Any:
        if isinstance(v, str) and v.count("/") == 2:  # 07/12/2023
            day, month, year = (int(p) for p in v.split("/"))
            return dt.date(year, month, day)
        return v


class PlanFile(_Strict):
    """A plan's figures as a data repository keeps them."""

    format: Literal["plancheck/1"] = FORMAT
    document: DocumentSpec = Field(default_factory=DocumentSpec)
    periods: dict[str, PeriodSpec] = Field(default_factory=dict, description="Period id → period.")
    comparisons: dict[str, ComparisonSpec] = Field(default_factory=dict, description="Comparison id → what it compares.")
    indicators: list[IndicatorSpec] = Field(default_factory=list)
    counts: list[CountSpec] = Field(default_factory=list)


def _ignored(entry: IgnoreSpec | str) -> tuple[str, str]:
    """An ``ignore`` entry as (rule, reason): "PC251 -- published as is" or {rule, reason}."""
    if isinstance(entry, IgnoreSpec):
        return entry.rule.strip(), entry.reason.strip()
    rule, _sep, reason = entry.partition("--")
    return rule.strip(), reason.strip()


def json_schema() -> dict[str, Any]:
    schema = PlanFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "plancheck plan file"
    return schema


# -- loading ----------------------------------------------------------------

def read_plan_file(path: str | Path, text: str | None = None) -> Plan:
    path = Path(path)
    source = str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(_("not UTF-8 text (byte {start})").format(start=exc.start), source) from None
        except OSError as exc:
            raise InputError(_("cannot read: {strerror}").format(strerror=exc.strerror), source) from None
    tree = load_located(text, source, json_source=path.suffix.lower() == ".json")
    return plan_from_tree(tree, source)


def pointer(path: tuple) -> str:
    """A value's path in plan data, as JSONPath writes it: indicators[3].values.KH2024 (indexes
    from 0; a key that is not a plain name in brackets: values["KH 2024"])."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        elif isinstance(key, str) and key.isidentifier():
            out += f".{key}" if out else key
        else:
            out += "[" + json.dumps(str(key), ensure_ascii=False) + "]"
    return out


def plan_from_data(data: dict[str, Any], source: str = "<data>") -> Plan:
    """A plan from an already-loaded mapping (the Python API's dict input)."""
    return plan_from_tree(LocatedTree(nfc_data(data)), source)


def plan_from_tree(tree: LocatedTree, source: str) -> Plan:
    if tree.data is None:
        raise InputError(_("empty plan file"), source)
    if not isinstance(tree.data, dict):
        raise InputError(_("a plan file is a mapping with document, periods, indicators ..."), source, *tree.position(()))
    try:
        spec = PlanFile.model_validate(tree.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line, col = tree.position(loc)
        field_path = ".".join(str(p) for p in loc) or "(top)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InputError(f"{field_path}: {err['msg']}{more}", source, line, col) from None
    return _Builder(spec, tree, source).build()


def _unit_word(text: str, unit: str) -> bool:
    """A unit written as a word after a space ("05 xã", "4.450 tỷ đồng")."""
    return unit[:1].isalpha() and f" {unit}" in " ".join(text.split())


class _Builder:
    def __init__(self, spec: PlanFile, tree: LocatedTree, source: str) -> None:
        self.spec, self.tree, self.source = spec, tree, source
        self.periods = {pid: Period(year=p.year, kind=p.kind, end_year=p.end_year)
                        for pid, p in spec.periods.items()}

    def location(self, path: tuple) -> Location:
        """Where a value stands: its line and column in the file, and its path in the data (for
        data given as a mapping, which has no lines, the path alone: line and column 0)."""
        line, col = self.tree.position(path) if self.tree.positions else (0, 0)
        return Location(path=self.source, line=line, column=col, pointer=pointer(path))

    def value(self, text: str | int | float, path: tuple) -> Value:
        from ..numbers import NotANumber, parse_quantity, parse_value

        location = self.location(path)
        try:
            if not isinstance(text, str) or path in self.tree.json_numbers:
                text = str(text)
                d = Decimal(text)
                decimals = max(0, -d.as_tuple().exponent)
                from ..intervals import Interval

                iv = Interval.rounded(d, decimals) if decimals else Interval.exact(d)
                return Value(text=text, lo=iv.lo, hi=iv.hi, point=d, decimals=decimals, location=location)
            try:
                return parse_value(text, location)
            except NotANumber:
                quantity = parse_quantity(text, location)  # "05 xã": the unit is the indicator's
                if not _unit_word(text, quantity.unit):  # but not "7.5x" or "5-"
                    raise
                return quantity.value
        except NotANumber as exc:
            raise InputError(_("{exc}; write figures as the document does (7,50 · 4.450 · 21-22%)")
                             .format(exc=exc),
                             self.source, location.line, location.column) from None

    def period(self, pid: str, path: tuple) -> Period:
        if pid not in self.periods:
            known = ", ".join(self.periods) or _("none declared")
            raise InputError(_("unknown period {pid!r} (periods: {known})").format(pid=pid, known=known), self.source, *self.tree.position(path))
        return self.periods[pid]

    def observations(self, values: dict[str, str], path: tuple) -> list[Observation]:
        return [Observation(period=self.period(pid, path + (pid,)), value=self.value(text, path + (pid,)))
                for pid, text in values.items()]

    def build(self) -> Plan:
        s = self.spec
        plan = Plan(path=self.source, document=DocumentInfo(**s.document.model_dump()))
        for i, ind in enumerate(s.indicators):
            self.indicator(ind, ("indicators", i), plan)
        for i, count in enumerate(s.counts):
            self.count(count, ("counts", i), plan)
        return plan

    def indicator(self, ind: IndicatorSpec, path: tuple, plan: Plan) -> None:
        obs = self.observations(ind.values, path + ("values",))
        indicator = Indicator(id=ind.id, name=ind.name, unit=ind.unit, values=obs, location=self.location(path),
                              ignore=[(*_ignored(entry), self.location(path + ("ignore", k)).line)
                                      for k, entry in enumerate(ind.ignore)])
        plan.indicators.append(indicator)
        by_period = {o.period: o.value for o in obs}
        for cid, text in ind.compare.items():
            cpath = path + ("compare", cid)
            if cid not in self.spec.comparisons:
                known = ", ".join(self.spec.comparisons) or _("none declared")
                raise InputError(_("unknown comparison {cid!r} (comparisons: {known})")
                                 .format(cid=cid, known=known), self.source,
                                 *self.tree.position(cpath))
            c = self.spec.comparisons[cid]
            of_p, to_p = self.period(c.of, ("comparisons", cid, "of")), self.period(c.to, ("comparisons", cid, "to"))
            if of_p not in by_period or to_p not in by_period:
                continue  # nothing to compare against: not checkable, not an error
            plan.comparisons.append(Comparison(
                indicator=ind.name, kind=c.kind, value=self.value(text, cpath), label=c.label or cid,
                numerator=Operand(label=self.periods_label(c.of), value=by_period[of_p]),
                denominator=Operand(label=self.periods_label(c.to), value=by_period[to_p]),
                location=self.location(cpath), unit=ind.unit))
        if ind.components:
            self.structures(ind, path, plan)
        for j, part in enumerate(ind.parts):
            ppath = path + ("parts", j)
            for pid, text in part.values.items():
                period = self.period(pid, ppath + ("values", pid))
                if period not in by_period:
                    continue
                plan.parts.append(PartOfWhole(
                    whole_name=ind.name, whole=by_period[period], whole_unit=ind.unit,
                    part_name=part.name, part=self.value(text, ppath + ("values", pid)),
                    part_unit=part.unit or ind.unit, period=period, same_base=part.same_base,
                    location=self.location(ppath + ("values", pid))))

    def periods_label(self, pid: str) -> str:
        spec = self.spec.periods[pid]
        return spec.label or pid

    def structures(self, ind: IndicatorSpec, path: tuple, plan: Plan) -> None:
        total_spec = ind.structure.total if ind.structure else "100"
        total = self.value(total_spec, path + ("structure", "total"))
        period_ids: list[str] = []
        for comp in ind.components:
            period_ids += [p for p in comp.values if p not in period_ids]
        for pid in period_ids:
            components = []
            first_path = None
            for k, comp in enumerate(ind.components):
                if pid in comp.values:
                    vpath = path + ("components", k, "values", pid)
                    first_path = first_path or vpath
                    components.append(Component(name=comp.name, value=self.value(comp.values[pid], vpath)))
            plan.structures.append(Structure(
                name=ind.name, period=self.period(pid, first_path), components=components, total=total,
                unit=ind.unit or "%", location=self.location(first_path)))

    def count(self, count: CountSpec, path: tuple, plan: Plan) -> None:
        if count.items == "indicators":
            items = [f"{i.id}. {i.name}" for i in plan.indicators if i.id and i.id.isdigit()]
        else:
            items = list(count.items)
        plan.counts.append(StatedCount(what=count.what, stated=self.value(count.stated, path + ("stated",)),
                                       items=items, location=self.location(path + ("stated",))))
