"""Document -> Plan and document structure. One module per kind of content."""
from __future__ import annotations

from ..models import DocumentInfo, Plan
from ..models.document import Document, DocumentStructure


def extract_structure(document: Document) -> DocumentStructure:
    """Header, clause tree, appendices, references, closing statement."""
    from .clauses import extract_clauses
    from .header import extract_closing, extract_header
    from .references import extract_references

    clauses, appendices = extract_clauses(document)
    return DocumentStructure(header=extract_header(document), clauses=clauses, appendices=appendices,
                             references=extract_references(document), closing=extract_closing(document))


def extract_plan(document: Document, structure: DocumentStructure | None = None) -> Plan:
    """The figures: indicators from tables, then what the prose states."""
    from ..certainty import Assumption
    from .calculations import calculations_in_tables
    from .procedure_counts import procedure_counts
    from .procedure_times import procedure_times
    from .table_quotients import quotients_in_tables
    from .year_series import growth_in_year_series
    from .row_sums import row_sums_in_tables
    from .table_totals import totals_in_tables
    from .prose import plan_year, prose_to_plan
    from .tables import tables_to_plan
    from .text_kind import classify

    plan = Plan(path=document.path)
    title = issued = None
    if structure is not None:
        h = structure.header
        plan.document = DocumentInfo(kind=h.doc_type, number=h.number, date=h.date, issuer=h.issuer, title=h.title,
                                     text_kind=classify(document, h))
        title, issued = h.title, (h.date.year if h.date else None)
    year = plan_year(document, title, issued)
    tables_to_plan(document.tables(), plan, document_year=year)
    before = {name: len(getattr(plan, name)) for name in _STATEMENTS}
    prose_to_plan(document, plan, year)
    kind = plan.document.text_kind
    if kind is not None and not kind.administrative:
        # An encyclopedia's or a news page's sentence chains facts of several subjects, years and
        # sources; read as one statement of a plan, it assumes they are one (plancheck.certainty).
        for name in _STATEMENTS:
            for statement in getattr(plan, name)[before[name]:]:
                statement.assumed.append(Assumption.one_subject.value)
    plan.calculations.extend(calculations_in_tables(document.tables()))
    plan.comparisons.extend(quotients_in_tables(document.tables()))
    plan.comparisons.extend(growth_in_year_series(document.tables()))
    plan.breakdowns.extend(totals_in_tables(document.tables()))
    plan.breakdowns.extend(row_sums_in_tables(document.tables()))
    plan.counts.extend(procedure_counts(document))
    plan.breakdowns.extend(procedure_times(document))
    return plan


# The statements a sentence makes (plancheck.models.plan), which record what their reading assumed.
_STATEMENTS = ("structures", "comparisons", "parts", "breakdowns", "counts")
