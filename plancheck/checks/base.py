"""What every check kind shares: its parameters, its input, what it reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

from ..models import Location, Plan


@dataclass(kw_only=True)
class Params:
    """Parameters of a check kind; a rule pack sets them under ``params``.

    Plain dataclasses, each kind's subclass made one here (``__init_subclass__``): a run builds
    them from the values the pack's validation gave (plancheck.engine), and only loading a pack
    validates them, with pydantic (pydantic reads ``__pydantic_config__``: no unknown names)."""

    __pydantic_config__ = {"extra": "forbid"}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(kw_only=True)(cls)


@dataclass
class Subject:
    """What the checks look at: the plan's figures (and, for documents, the document)."""

    plan: Plan
    document: Any = None          # plancheck.models.document.Document, for document checks
    structure: Any = None         # plancheck.models.document.DocumentStructure (header, clauses, references)
    options: dict[str, Any] = field(default_factory=dict)   # e.g. stage: draft | final
    derived: dict[str, Any] = field(default_factory=dict)   # what several checks derive once (series.rows_of)
    # plancheck.suppress.Suppression list: the file's own (None: those its document says)
    suppressions: list[Any] | None = None


@dataclass(frozen=True)
class Localized:
    """A message field that reads differently in each language: {"vi": ..., "en": ...}."""

    texts: dict[str, str]

    def localize(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts.get("en", "")


@dataclass
class Hit:
    """One place where a check fails; the engine turns it into a Finding."""

    location: Location
    fields: dict[str, Any]
    suggestion: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None   # overrides the rule's severity (e.g. a blank in a draft is only info)
    # What the reading behind the hit assumed (plancheck.certainty.Assumption values): one caps
    # the finding at a warning that says so, two drop it. The engine applies this for every rule.
    assumptions: tuple = ()


class CheckKind:
    """A check implementation. Subclasses set ``name``, ``fields`` and ``Params``.

    A kind of scope "document" looks at one source at a time (``run``); a kind of
    scope "run" looks at the records of all the sources of a run together (what
    plancheck.checks.cross_document.cross_record keeps of each), and at the index of
    known documents when one is given (``run_all``): citations across documents.
    """

    name: ClassVar[str]
    fields: ClassVar[frozenset[str]]   # the names a rule's messages may use
    Params: ClassVar[type[Params]] = Params
    scope: ClassVar[str] = "document"
    # "document": the kind reads a document (its text or structure) and finds nothing in a plan
    # file, which the engine then does not even load it for; "plan": plan data, from either.
    needs: ClassVar[str] = "plan"

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        raise NotImplementedError

    def run_all(self, records: list[Any], params: Params, index: Any = None) -> Iterable[Hit]:
        raise NotImplementedError
