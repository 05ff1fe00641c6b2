"""Check kinds, one module each, loaded only when a rule uses them."""
from __future__ import annotations

import importlib
from functools import cache

from .base import CheckKind

# kind name -> "module:class". A rule pack names the kind; the engine loads it.
KINDS: dict[str, str] = {
    "structure_sum": "structure_sum:StructureSum",
    "unused_suppression": "suppression:UnusedSuppression",
    "ratio": "ratio:Ratio",
    "growth": "ratio:Growth",
    "share_of_total": "ratio:ShareOfTotal",
    "quotient": "ratio:Quotient",
    "conversion": "ratio:Conversion",
    "calculation": "calculation:WrittenCalculation",
    "parts_sum": "part_whole:PartsSum",
    "structure_remainder": "structure_sum:StructureRemainder",
    "part_whole": "part_whole:PartWhole",
    "share_range": "share_range:ShareRange",
    "stated_count": "stated_count:StatedCount",
    "citation_date": "cross_document:CitationDate",
    "citation_type": "cross_document:CitationType",
    "citation_title": "cross_document:CitationTitle",
    "cited_count": "cross_document:CitedCount",
    "quoted_passage": "cross_document:QuotedPassage",
    "date_impossible": "dates:DateImpossible",
    "date_malformed": "dates:DateMalformed",
    "date_weekday": "dates:DateWeekday",
    "date_leading_zero": "dates:DateLeadingZero",
    "cited_after": "dates:CitedAfter",
    "number_year": "dates:NumberYear",
    "deadline_before": "dates:DeadlineBefore",
    "deadline_outside_period": "dates:DeadlineOutsidePeriod",
    "placeholder": "placeholders:Placeholder",
    "numbering": "numbering:Numbering",
    "internal_reference": "references:InternalReference",
    "symbol_type": "references:SymbolType",
    "party_state_form": "references:PartyStateForm",
    "assembly_resolution_number": "references:AssemblyResolution",
    "malformed_symbol": "references:MalformedSymbol",
    "assembly_term": "symbols:AssemblyTerm",
    "issuer_code": "symbols:IssuerCode",
    "yearless_number": "symbols:YearlessNumber",
    "citation_date_conflict": "references:CitationDateConflict",
    "normative_year": "references:NormativeYear",
    "session_number": "session:SessionNumber",
    "session_mismatch": "session:SessionMismatch",
    "term_mismatch": "session:TermMismatch",
    "session_spelling": "session:SessionSpelling",
    "boilerplate_spelling": "session:BoilerplateSpelling",
    "ambiguous_separator": "number_format:AmbiguousSeparator",
    "english_separators": "number_format:EnglishSeparators",
    "thousands_comma_in_text": "number_format:ThousandsCommaInText",
    "malformed_figure": "number_format:MalformedFigure",
    "copied_values": "outliers:CopiedValues",
    "series_break": "outliers:SeriesBreak",
    "decimal_shift": "outliers:DecimalShift",
    "same_fact": "same_fact:SameFact",
}


@cache
def get_kind(name: str) -> CheckKind:
    module_name, class_name = KINDS[name].split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, class_name)()
