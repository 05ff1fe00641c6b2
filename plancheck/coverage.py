"""`plancheck dump --coverage`: which figure-bearing sentences and table rows gave a statement.

A statement is anything a numeric rule can judge: a comparison, a structure, a part, a
breakdown, a count, a calculation, or a table row's indicator values. A sentence with a
figure (years, dates, clause numbers and codes are no figures) that none of them touches is
listed, so that the next gap in extraction is visible without reading the whole document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .extract.figures import clean, scan
from .models import Location, Plan
from .models.document import Document
from .lazyre import lazy_compile

# A sentence ends at . ; ! ? — not at the point of "45.000"
_SENTENCE = lazy_compile(r"(?:[^.;!?]|\.(?=\d))+(?:[.;!?]|$)")


@dataclass(slots=True)
class Gap:
    line: int
    column: int
    text: str


@dataclass(slots=True)
class Coverage:
    path: str
    sentences: int = 0
    sentences_read: int = 0
    rows: int = 0
    rows_read: int = 0
    gaps: list[Gap] = field(default_factory=list)

    def data(self, limit: int | None = None) -> dict[str, Any]:
        return {"path": self.path,
                "sentences": f"{self.sentences_read}/{self.sentences}",
                "table rows": f"{self.rows_read}/{self.rows}",
                "not read": [f"{g.line}:{g.column} {g.text}" for g in self.gaps[:limit]]}


def coverage(plan: Plan, document: Document | None) -> Coverage:
    report = Coverage(path=plan.path)
    if document is None:
        return report
    places = _statement_places(plan)
    lines_read = {line for line, _ in places}
    for p in document.paragraphs():
        text = clean(p.text)
        for m in _SENTENCE.finditer(text):
            if not scan(m.group(0)):
                continue
            start, end = p.locate(m.start()), p.locate(max(m.start(), m.end() - 1))
            report.sentences += 1
            if any(_inside((line, col), start, end) for line, col in places if start.line <= line <= end.line):
                report.sentences_read += 1
            else:
                report.gaps.append(Gap(start.line, start.column, " ".join(m.group(0).split())[:120]))
    for table in document.tables():
        for row in table.rows:
            cells = [c for c in row.cells if c.spans and any(ch.isdigit() for ch in c.text)]
            if not cells or not any(scan(clean(c.text)) for c in cells):
                continue
            report.rows += 1
            if any(c.location.line in lines_read for c in row.cells if c.spans):
                report.rows_read += 1
            else:
                first = cells[0].location
                text = " | ".join(c.text.strip() for c in row.cells if c.text.strip())
                report.gaps.append(Gap(first.line, first.column, text[:120]))
    report.gaps.sort(key=lambda g: (g.line, g.column))
    return report


def _inside(place: tuple[int, int], start: Location, end: Location) -> bool:
    return (start.line, start.column) <= place <= (end.line, end.column)


def _statement_places(plan: Plan) -> set[tuple[int, int]]:
    """(line, column) of every figure a statement holds."""
    locations: list[Location | None] = []
    for ind in plan.indicators:
        locations += [ind.location] + [o.value.location for o in ind.values]
    for c in plan.comparisons:
        locations += [c.location, c.value.location, c.numerator.value.location, c.denominator.value.location]
    for s in plan.structures:
        locations += [s.location] + [c.value.location for c in s.components]
    for p in plan.parts:
        locations += [p.location, p.whole.location, p.part.location]
    for b in plan.breakdowns:
        locations += [b.location, b.whole.location] + [c.value.location for c in b.parts]
    for n in plan.counts:
        locations += [n.location, n.stated.location]
    for k in plan.calculations:
        locations += [k.location, k.result.location]
    return {(loc.line, loc.column) for loc in locations if loc is not None and loc.line}


def render(reports: Iterable[Coverage], fmt: str = "text", limit: int | None = 40) -> str:
    reports = list(reports)
    if fmt != "text":
        from .dump import render as render_data

        return render_data({"coverage": [r.data(limit) for r in reports]}, fmt)
    out = []
    for r in reports:
        out.append(f"{r.path}: sentences {_share(r.sentences_read, r.sentences)}, "
                   f"table rows {_share(r.rows_read, r.rows)}")
        shown = r.gaps[:limit]
        out += [f"  {g.line}:{g.column}  {g.text}" for g in shown]
        if limit is not None and len(r.gaps) > limit:
            out.append(f"  … {len(r.gaps) - limit} more (--limit 0 shows all)")
    total_s, read_s = sum(r.sentences for r in reports), sum(r.sentences_read for r in reports)
    total_r, read_r = sum(r.rows for r in reports), sum(r.rows_read for r in reports)
    if len(reports) > 1:
        out.append(f"{len(reports)} files: sentences {_share(read_s, total_s)}, table rows {_share(read_r, total_r)}")
    return "\n".join(out) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"
