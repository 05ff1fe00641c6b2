"""The JSON report's shape, published as a JSON Schema (docs/report.schema.json).

pydantic models, the report's edge: loaded to write the schema (and by the tests to validate a
report against it), never on a run (plancheck.report.json writes the report itself)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ToolShape(_Shape):
    name: str
    version: str


class FindingShape(_Shape):
    rule: str = Field(description="The rule's id, e.g. PC101.")
    slug: str
    category: str
    severity: str = Field(pattern="^(error|warning|info)$")
    path: str
    line: int = Field(ge=0)
    column: int = Field(ge=0)
    end_line: int | None = None
    end_column: int | None = None
    paragraph: int | None = Field(None, description="Word: the paragraph (1-based).")
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part: str | None = Field(None, description="Word: a footnote, a text box, a header …")
    page: int | None = Field(None, description="PDF: the page.")
    page_line: int | None = Field(None, description="PDF: the line on the page.")
    pointer: str | None = Field(None, description="Plan data: the value's path, indicators[3].values.KH2024 "
                                                  "(line and column 0 for data given without a file).")
    message: str
    suggestion: str | None = Field(None, description="A likely fix, \"old → new\" (\"?\" when only likely).")
    evidence: dict | None = None
    assumptions: list[str] | None = Field(None, description="What the reading assumed (plancheck.certainty).")


class ErrorShape(_Shape):
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    rule: str | None = Field(None, description="Set when a rule failed on the file (an internal error).")


class CaveatShape(_Shape):
    path: str
    vi: str
    en: str


class SkippedShape(_Shape):
    path: str
    reason: str


class SummaryShape(_Shape):
    files: int
    findings: int
    errors: int
    by_severity: dict[str, int]
    by_rule: dict[str, int]


class ReportShape(_Shape):
    """plancheck's JSON report (``plancheck check --format json``)."""

    version: int = Field(description="The report format's version.")
    tool: ToolShape
    findings: list[FindingShape]
    errors: list[ErrorShape]
    caveats: list[CaveatShape] = Field(description="How files were read (OCR, a legacy font ...).")
    skipped: list[SkippedShape] = Field(description="Files of the folders given that were not read, and why.")
    kinds: dict[str, str] = Field(description="What each document was taken for.")
    summary: SummaryShape


def report_schema() -> dict[str, Any]:
    schema = ReportShape.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "plancheck report"
    return schema
