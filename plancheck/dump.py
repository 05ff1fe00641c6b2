"""`plancheck dump FILE`: what plancheck understood, so a user can see why a rule did or did not fire."""
from __future__ import annotations

import datetime as dt
from typing import Any

from .models import Plan, Value
from .models.document import Clause, DocumentStructure, Reference
from .models.report import stated_fields

SECTIONS = ("header", "clauses", "appendices", "references", "indicators", "structures",
            "comparisons", "parts", "breakdowns", "counts", "figures")


def _where(loc) -> str | None:
    return f"{loc.line}:{loc.column}" if loc is not None else None


def _value(v: Value) -> str:
    return v.text


def _with_unit(v: Value, unit: str | None) -> str:
    return v.text if not unit or v.text.endswith(unit) else f"{v.text} {unit}"


def _clause(c: Clause) -> dict[str, Any]:
    item: dict[str, Any] = {"label": c.label, "at": _where(c.location)}
    if c.title:
        item["title"] = c.title[:80]
    if c.context:
        item["context"] = c.context
    if c.children:
        item["children"] = [_clause(k) for k in c.children]
    return item


def _reference(r: Reference) -> dict[str, Any]:
    keys = ("doc_type", "number", "issuer", "date", "target")
    item = {k: (str(getattr(r, k)) if getattr(r, k) is not None else None) for k in keys}
    item = {k: v for k, v in item.items() if v is not None}
    return {"text": r.text, "at": _where(r.location), **({"internal": True} if r.internal else {}), **item}


def _stated(part: Any, exclude: set[str]) -> dict[str, Any]:
    """What a header or a closing states, as JSON data: the fields it has, dates as ISO text."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v
            for k, v in stated_fields(part, exclude_none=True, exclude=exclude).items()}


def dump_data(plan: Plan, structure: DocumentStructure | None = None,
              only: tuple[str, ...] = SECTIONS) -> dict[str, Any]:
    out: dict[str, Any] = {"path": plan.path}
    if plan.document.text_kind is not None:   # what the text was taken for (the form rules follow it)
        out["kind"] = plan.document.text_kind.value
    if structure is not None:
        if "header" in only:
            out["header"] = _stated(structure.header, {"number_location", "date_location", "session_location"})
            if structure.closing:
                out["header"]["closing"] = _stated(structure.closing, {"location", "session_location", "date_location"})
        if "clauses" in only:
            out["clauses"] = [_clause(c) for c in structure.clauses]
        if "appendices" in only:
            out["appendices"] = [_clause(c) for c in structure.appendices]
        if "references" in only:
            out["references"] = [_reference(r) for r in structure.references]
    if "indicators" in only:
        compared: dict[str, dict[str, str]] = {}
        for c in plan.comparisons:
            compared.setdefault(c.indicator, {})[c.label or c.kind.value] = c.value.text
        out["indicators"] = []
        for i in plan.indicators:
            item = {"id": i.id, "name": i.name, "unit": i.unit, "at": _where(i.location),
                    **({"from": i.origin} if i.origin else {}),   # table row or sentence
                    "values": {o.period.label(): _value(o.value) for o in i.values}}
            if i.name in compared:
                item["compare"] = compared[i.name]
            out["indicators"].append(item)
    if "structures" in only:
        out["structures"] = [
            {"name": s.name, "period": s.period.label() if s.period else None, "at": _where(s.location),
             "components": {c.name: _value(c.value) for c in s.components}}
            for s in plan.structures]
    if "comparisons" in only:
        out["comparisons"] = [
            {"indicator": c.indicator, "kind": c.kind.value, "label": c.label, "value": _value(c.value),
             "of": f"{c.numerator.label} = {c.numerator.value.text}",
             "to": f"{c.denominator.label} = {c.denominator.value.text}", "at": _where(c.value.location)}
            for c in plan.comparisons]
    if "parts" in only:
        out["parts"] = [
            {"whole": f"{p.whole_name} = {_with_unit(p.whole, p.whole_unit)}",
             "part": f"{p.part_name} = {_with_unit(p.part, p.part_unit)}",
             "period": p.period.label() if p.period else None, "same_base": p.same_base,
             "at": _where(p.location)}
            for p in plan.parts]
    if "breakdowns" in only:
        out["breakdowns"] = [
            {"whole": f"{b.whole_name} = {_with_unit(b.whole, b.unit)}",
             "parts": {c.name: _value(c.value) for c in b.parts},
             **({"exhaustive": True} if b.exhaustive else {}), "at": _where(b.location)}
            for b in plan.breakdowns]
    if "counts" in only:
        out["counts"] = [{"what": c.what, "stated": c.stated.text, "counted": c.counted,
                          "at": _where(c.location)} for c in plan.counts]
    if "figures" in only:   # figures of running text in a form a reader may misread
        out["figures"] = [{"text": f.text, "form": f.form.value,
                           **({"unit": f.unit} if f.unit else {}), **({"noun": f.noun} if f.noun else {}),
                           "at": _where(f.location)} for f in plan.text_figures]
    return out


def render(data: dict[str, Any], fmt: str = "yaml") -> str:
    if fmt == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
