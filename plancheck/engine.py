"""Rule packs (declarative YAML) and the engine that runs them.

A rule is data: id, slug, category, severity, messages in Vietnamese and
English, the check kind it uses with its parameters, and examples that must
and must not fire. Packs are validated when loaded; an error names the pack
file and line.
"""
from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterable, Literal

from dataclasses import dataclass, field, fields

from .certainty import assumed_note, severity_for
from .checks import KINDS, get_kind
from .checks.base import Subject
from .errors import PlancheckError, RulePackError, internal_error
from .i18n import N_, _
from .models import Finding, Location, Severity

if TYPE_CHECKING:
    from .read.located_yaml import LocatedTree

CATEGORIES = (
    "shares", "comparison", "part-whole", "count", "date", "numbering", "reference",
    "placeholder", "number-format", "outlier", "consistency", "style", "suppression",
)
from .i18n import LANGUAGES  # noqa: E402  (one list of the languages plancheck speaks)
from .lazyre import lazy_compile
# what a category is called where it is shown (plancheck rules, explain); selected by its id
CATEGORY_NAMES = {"shares": N_("shares"), "comparison": N_("comparison"), "part-whole": N_("part-whole"),
                  "count": N_("count"), "date": N_("date"), "numbering": N_("numbering"),
                  "reference": N_("reference"), "placeholder": N_("placeholder"),
                  "number-format": N_("number format"), "outlier": N_("outlier"),
                  "consistency": N_("consistency"), "style": N_("style"), "suppression": N_("suppression")}


def category_name(category: str, lang: str) -> str:
    return _(CATEGORY_NAMES.get(category, category), lang)


# Plain dataclasses: a run reads rules from the cache (plancheck.rulecache) and never loads pydantic;
# loading a pack validates them with pydantic (validate_rule), the rules' edge (issue 24).
_FORBID = {"extra": "forbid"}   # pydantic's setting for these classes: no unknown names


class _Check:
    """A test of one field that pydantic runs when it validates a pack (pydantic's protocol for
    a type's own validation), so that the error names that field and its line. Plain until then."""

    def __init__(self, test: Any) -> None:
        self.test = test

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.test, handler(source))


def _matching(pattern: str, example: str):
    compiled = re.compile(pattern)

    def test(text: str) -> str:
        if not compiled.fullmatch(text):
            raise ValueError(f"{text!r} is not written as {example} is")
        return text
    return test


def _known_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown check kind {kind!r} (known: {', '.join(sorted(KINDS))})")
    return kind


def _known_kinds(kinds: list[str] | None) -> list[str] | None:
    from .models import TextKind

    known = {k.value for k in TextKind} | {"administrative"}
    for k in kinds or ():
        if k not in known:
            raise ValueError(f"unknown kind of text {k!r} (known: {', '.join(sorted(known))})")
    return kinds


def _some(examples: list) -> list:
    if not examples:
        raise ValueError("give one example at least")
    return examples


_RULE_ID = _Check(_matching(r"[A-Z]{2,}\d{3,}", "PC101"))
_RULE_SLUG = _Check(_matching(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", "structure-sum"))


@dataclass(kw_only=True)
class Messages:
    __pydantic_config__ = _FORBID
    vi: str
    en: str


@dataclass(kw_only=True)
class DocText:
    """What a rule checks, why it matters and how to fix what it finds, in one language."""

    __pydantic_config__ = _FORBID
    what: str
    why: str | None = None
    fix: str | None = None


@dataclass(kw_only=True)
class RuleDoc(DocText):
    """The rule's documentation in English (what, why, fix) and, under ``vi``, in Vietnamese:
    the language plancheck speaks by default. A pack without ``vi`` is shown in English."""

    vi: DocText | None = None

    def text(self, lang: str) -> DocText:
        """The documentation in ``lang``, English where the pack gives no Vietnamese."""
        return self.vi if lang == "vi" and self.vi is not None else self


Example = dict[str, Any] | str | list[dict[str, Any] | str]


@dataclass(kw_only=True)
class Examples:
    """Inputs on which the rule must fire, and inputs on which it must not.

    Each example is a plan (a mapping in the plan-file format), document text,
    or a list of these: several documents checked in one run (for citations
    across documents).
    """

    __pydantic_config__ = _FORBID
    fires: Annotated[list[Example], _Check(_some)]
    passes: Annotated[list[Example], _Check(_some)]


@dataclass(kw_only=True, eq=False)
class Rule:
    __pydantic_config__ = _FORBID

    id: Annotated[str, _RULE_ID]
    slug: Annotated[str, _RULE_SLUG]
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    severity: Severity
    kind: Annotated[str, _Check(_known_kind)]
    params: dict[str, Any] = field(default_factory=dict)
    message: Messages
    doc: RuleDoc
    examples: Examples
    enabled: bool = True
    # "certain": the rule's likely fix is the document's own form, whatever the context
    # ("Noi nhận" is "Nơi nhận"); "when-sure": the check says of each fix whether it is
    # (evidence fix_certain: a look-alike Cyrillic letter's Latin form). --fix applies those;
    # any other fix is only shown.
    fix: Literal["certain", "when-sure"] | None = None
    # The kinds of text the rule applies to (plancheck.models.TextKind values, or
    # "administrative" for the eight kinds of administrative document); None: every text.
    kinds: Annotated[list[str] | None, _Check(_known_kinds)] = None
    pack: str = ""   # the file it came from (set by the loader)
    # What the rule's kind is (its scope, what it needs) and its parameters as the pack's
    # validation gave them, known when the pack is validated and kept with the rule in the cache,
    # so that a run asks them without loading the kind's module or pydantic.
    checked_params: dict[str, Any] | None = field(default=None, init=False, repr=False)
    _scope: str | None = field(default=None, init=False, repr=False)
    _needs: str | None = field(default=None, init=False, repr=False)
    _parsed: Any = field(default=None, init=False, repr=False)   # its parameters, built once a process

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):
            self.severity = Severity(self.severity)

    def applies_to(self, kind) -> bool:
        """Whether the rule runs on a text of this kind (None: a plan file, every rule runs)."""
        if self.kinds is None or kind is None:
            return True
        return kind.value in self.kinds or ("administrative" in self.kinds and kind.administrative)

    def checker(self):
        return get_kind(self.kind)

    def know_kind(self) -> None:
        """Learn the kind's scope and needs now (when the pack is validated), for the cache."""
        checker = self.checker()
        self._scope, self._needs = checker.scope, checker.needs

    @property
    def scope(self) -> str:
        if self._scope is None:
            self.know_kind()
        return self._scope

    @property
    def needs(self) -> str:
        if self._needs is None:
            self.know_kind()
        return self._needs

    def parsed_params(self):
        """The kind's parameters: built from what the pack's validation gave (no pydantic on a
        run), or validated now for a rule made without a pack."""
        if self._parsed is None:
            Params = self.checker().Params
            if self.checked_params is not None:
                self._parsed = Params(**self.checked_params)
            else:
                self._parsed = _validated(Params, self.params)
                self.checked_params = {f.name: getattr(self._parsed, f.name) for f in fields(self._parsed)
                                       if f.init}
        return self._parsed

    def __eq__(self, other: object) -> bool:
        """The same rule: the same fields (what was worked out of it aside)."""
        return isinstance(other, Rule) and all(
            getattr(self, f.name) == getattr(other, f.name) for f in fields(self) if f.init)

    __hash__ = None   # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        # the built parameters are the kind's own classes: pickling them (the rule cache, worker
        # processes) would load every kind's module on reading; they are built again
        return {**self.__dict__, "_parsed": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def message_for(self, lang: str) -> str:
        return getattr(self.message, lang)


class RuleSet:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, key: str) -> Rule | None:
        for rule in self.rules:
            if key in (rule.id, rule.slug):
                return rule
        return None

    def select(self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               extend: Iterable[str] | None = None) -> "RuleSet":
        """Keep rules named by id, id prefix (PC1), slug or category, and those ``extend`` adds;
        drop the ignored ones.

        With no ``select``, every enabled rule is kept; a rule disabled by
        default runs only when selected by its id or slug.
        """
        select, ignore, extend = list(select or []), list(ignore or []), list(extend or [])
        for key in select + ignore + extend:
            if not self._matches_any(key):
                raise PlancheckError(f"--select/--ignore: {key!r} names no rule, slug or category"
                                     f"{self.did_you_mean(key)}")
        kept = []
        for rule in self.rules:
            if select:
                chosen = any(_matches(rule, key) for key in select)
                if not rule.enabled and not any(key in (rule.id, rule.slug) for key in select):
                    chosen = False
            else:
                chosen = rule.enabled
            chosen = chosen or any(key in (rule.id, rule.slug) or (rule.enabled and _matches(rule, key))
                                   for key in extend)
            if chosen and not any(_matches(rule, key) for key in ignore):
                kept.append(rule)
        return RuleSet(kept)

    def did_you_mean(self, key: str) -> str:
        from .config import did_you_mean

        return did_you_mean(key, [r.id for r in self.rules] + [r.slug for r in self.rules] + list(CATEGORIES))

    def _matches_any(self, key: str) -> bool:
        return key in CATEGORIES or key == "ALL" or any(_matches(r, key) for r in self.rules)


def _matches(rule: Rule, key: str) -> bool:
    return names(key, rule.id, rule.slug, rule.category)


def names(key: str, rule_id: str, slug: str, category: str) -> bool:
    """Whether a key names a rule as --select, suppressions and the configuration name one:
    ALL, an id or an id's prefix (PC1), a slug or a category; case does not matter."""
    key = key.strip()
    folded = key.casefold()
    return folded == "all" or folded in (slug.casefold(), category.casefold()) or rule_id.upper().startswith(key.upper())


def specificity(key: str, rule_id: str, slug: str) -> int:
    """How closely a key that names a rule names it, for settings several keys may give
    (severity): its id over its slug over an id's prefix (the longer first) over its category
    over ALL."""
    if key.upper() == rule_id.upper():
        return 1000
    if key.casefold() == slug.casefold():
        return 500
    if key.casefold() == "all":
        return 0
    if rule_id.upper().startswith(key.upper()):
        return 100 + len(key)
    return 50   # its category

# -- loading packs ----------------------------------------------------------

def default_pack_paths() -> list[Path]:
    """The packs shipped with plancheck (the rules/ folder, installed as plancheck.rules)."""
    try:
        folder = resources.files("plancheck.rules")
        paths = sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))
        if paths:
            return paths
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    # Running from a source checkout that is not installed.
    return sorted((Path(__file__).resolve().parent.parent / "rules").glob("*.yaml"))


def load_pack(path: str | Path) -> list[Rule]:
    """A rule pack's rules, validated; from the cache when the pack and plancheck are those
    it was validated with (plancheck.rulecache)."""
    from . import rulecache

    path = Path(path)
    cached = rulecache.load(path)
    if cached is not None:
        return cached
    rules = _read_pack(path)
    rulecache.store(path, rules)
    return rules


def _read_pack(path: Path) -> list[Rule]:
    from .read.located_yaml import load_located

    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"cannot read rule pack: {exc}", source) from None
    try:
        tree = load_located(text, source)
    except PlancheckError as exc:
        raise RulePackError(exc.message, source, exc.line, exc.column) from None
    data = tree.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulePackError("a rule pack is a mapping with a 'rules' list", source, *tree.position(()))
    rules = []
    for i, raw in enumerate(data["rules"]):
        rules.append(_validate_rule(raw, tree, ("rules", i), source))
    return rules


def _validated(cls: type, data: Any) -> Any:
    """``data`` validated into the dataclass ``cls`` by pydantic (ValidationError when it is not
    one): the edge where rule packs are checked, the only place a run may load pydantic."""
    from pydantic import TypeAdapter

    return _adapter(cls, TypeAdapter).validate_python(data)


_ADAPTERS: dict[type, Any] = {}


def _adapter(cls: type, make: Any) -> Any:
    if cls not in _ADAPTERS:
        _ADAPTERS[cls] = make(cls)
    return _ADAPTERS[cls]


def validate_rule(raw: Any) -> Rule:
    """A rule from a pack's mapping, validated (pydantic's ValidationError, a ValueError, when it
    is no rule); its parameters are validated when first asked for (Rule.parsed_params)."""
    return _validated(Rule, raw)


_WORKED_OUT = {f.name for f in fields(Rule) if not f.init}   # worked out of the rule, not written in its pack


def rule_data(rule: Rule) -> dict[str, Any]:
    """A rule as JSON data, without its examples (plancheck rules --format json)."""
    from pydantic import TypeAdapter

    return _adapter(Rule, TypeAdapter).dump_python(rule, mode="json", exclude={"examples"} | _WORKED_OUT)


def params_data(params: Any) -> dict[str, Any]:
    """A rule's parameters as JSON data (plancheck explain, the rule reference)."""
    from pydantic import TypeAdapter

    return _adapter(type(params), TypeAdapter).dump_python(params, mode="json")


def _validate_rule(raw: Any, tree: LocatedTree, path: tuple, source: str) -> Rule:
    from pydantic import ValidationError

    try:
        rule = validate_rule({**raw, "pack": source} if isinstance(raw, dict) else raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = path + tuple(err["loc"])
        name = raw.get("id", f"#{path[-1] + 1}") if isinstance(raw, dict) else f"#{path[-1] + 1}"
        field_name = ".".join(str(p) for p in err["loc"]) or "rule"
        raise RulePackError(f"rule {name}: {field_name}: {err['msg']}", source, *tree.position(loc)) from None
    try:
        rule.parsed_params()
        rule.know_kind()   # its scope and needs, kept with the rule in the cache
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = path + ("params",) + tuple(err["loc"])
        field_name = ".".join(str(p) for p in err["loc"])
        raise RulePackError(f"rule {rule.id}: params.{field_name}: {err['msg']}", source,
                            *tree.position(loc)) from None
    for lang in LANGUAGES:
        problem = _template_problem(rule.message_for(lang), rule.checker().fields, rule.kind)
        if problem:
            raise RulePackError(f"rule {rule.id}: message.{lang}: {problem}", source,
                                *tree.position(path + ("message", lang)))
    return rule


# A message's fields are plain {name}, with at most an alignment and a width: anything more
# ({name.__class__...}, {name[0]}, {name:>2000000000}) would let a pack reach into the
# program's objects or ask for gigabytes of padding.
_FORMAT_SPEC = lazy_compile(r"(?:[<>^]?[0-9]{1,2})?")


def _template_problem(template: str, allowed: frozenset[str], kind: str) -> str | None:
    """Why a rule's message template cannot be used, or None."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:   # "{" without "}": braces meant as text are written {{ and }}
        return f"not a message template ({exc}; write {{{{ and }}}} for braces)"
    for _text, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier():
            return f"{{{name}}}: a field is a plain name (no attributes, no indexes)"
        if name not in allowed:
            return (f"uses {{{name}}}, which kind {kind} does not provide "
                    f"(it provides: {', '.join(sorted(allowed))})")
        if conversion is not None or not _FORMAT_SPEC.fullmatch(spec or ""):
            return (f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}: only a plain "
                    "field, or an alignment and a width under 100 ({name:>10}), may be asked for")
    return None


def load_rules(extra_packs: Iterable[str | Path] = (), *, include_default: bool = True) -> RuleSet:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    paths = (default_pack_paths() if include_default else []) + [Path(p) for p in extra_packs]
    for path in paths:
        for rule in load_pack(path):
            for key in (rule.id, rule.slug):
                if key in seen:
                    raise RulePackError(f"rule {key} is defined twice (also in {seen[key]})", str(path))
                seen[key] = str(path)
            rules.append(rule)
    # Listed and run in id order (PC101 before PC501), whatever order the packs load in.
    rules.sort(key=_id_order)
    return RuleSet(rules)


def _id_order(rule: Rule) -> tuple[str, int]:
    prefix = rule.id.rstrip("0123456789")
    return prefix, int(rule.id[len(prefix):])


# -- running ----------------------------------------------------------------

Fault = tuple[str, str]   # a rule's id, and the internal error it met (plancheck.errors.internal_error)


def run_rules(subject: Subject, rules: Iterable[Rule], lang: str = "vi",
              faults: list[Fault] | None = None) -> list[Finding]:
    """The document-scope rules on one source. With ``faults``, a rule that fails (a bug)
    is recorded there and the other rules still run; without, its exception propagates."""
    findings: list[Finding] = []
    kind = subject.plan.document.text_kind
    for rule in rules:
        if rule.scope != "document" or not rule.applies_to(kind):
            continue
        if subject.document is None and rule.needs == "document":   # a plan file: not even loaded
            continue
        findings += _guarded(rule, faults, lambda: _findings(rule, rule.checker().run(subject, rule.parsed_params()),
                                                             subject.plan.path, lang))
    findings = _suppressed(subject, rules, findings, lang)
    findings.sort(key=Finding.sort_key)
    return findings


def _suppressed(subject: Subject, rules: Iterable[Rule], findings: list[Finding], lang: str) -> list[Finding]:
    """The findings the file's suppressions leave (plancheck.suppress), and one of PC001 for each
    suppression that suppressed nothing of the document's rules that ran."""
    from . import suppress

    if subject.suppressions is None:
        subject.suppressions = suppress.in_document(subject.document)
    if not subject.suppressions:
        return findings
    rules = list(rules)
    findings = suppress.apply(findings, subject.suppressions)
    reporter = next((r for r in rules if r.scope == "suppression"), None)
    if reporter is not None:
        findings += suppress.unused([s for s in subject.suppressions if suppress.judged(s, rules, "document")],
                                    reporter, lang)
    return findings


def _guarded(rule: Rule, faults: list[Fault] | None, findings_of) -> list[Finding]:
    """A rule's findings; when it fails (a bug) and ``faults`` is given, none, the fault noted there."""
    try:
        return findings_of()
    except Exception as exc:
        if faults is None or isinstance(exc, PlancheckError):
            raise
        faults.append((rule.id, internal_error(exc, f"in rule {rule.id}")))
        return []


def run_across(records: list[Any], rules: Iterable[Rule], lang: str = "vi", index: Any = None,
               faults: list[Fault] | None = None) -> list[Finding]:
    """The run-scope rules (citations across documents) on the records of all sources of a run
    (plancheck.checks.cross_document.cross_record); ``faults`` as for run_rules."""
    from .checks.cross_document import Linking

    findings: list[Finding] = []
    records = records if isinstance(records, Linking) else Linking(records)   # links found once for the kinds
    for rule in rules:
        if rule.scope != "run":
            continue
        findings += _guarded(rule, faults, lambda: _findings(rule, rule.checker().run_all(records, rule.parsed_params(),
                                                                                          index), "", lang))
    findings.sort(key=Finding.sort_key)
    return findings


def _findings(rule: Rule, hits, default_path: str, lang: str) -> list[Finding]:
    """The findings of a rule's hits: each hit's severity follows what its reading assumed
    (plancheck.certainty), the same for every rule; a hit resting on two guesses is dropped."""
    out = []
    for hit in hits:
        assumed = [getattr(a, "value", a) for a in dict.fromkeys(hit.assumptions)]
        severity = severity_for((hit.severity or rule.severity.value), assumed)
        if severity is None:
            continue
        out.append(Finding(
            rule=rule.id, slug=rule.slug, category=rule.category, severity=Severity(severity),
            message=rule.message_for(lang).format_map(_Fields(hit.fields, lang)) + assumed_note(assumed, lang),
            location=hit.location or Location(path=default_path),
            suggestion=hit.suggestion, evidence=hit.evidence, assumptions=assumed,
        ))
    return out


class _Fields(dict):
    """Message fields; a field the check did not fill shows as empty, not a crash. A field
    that says itself in each language (a Period: "plan 2024", "kế hoạch 2024") does so."""

    def __init__(self, fields: dict[str, Any], lang: str) -> None:
        super().__init__(fields)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        return value.localize(self.lang) if hasattr(value, "localize") else value

    def __missing__(self, key: str) -> str:
        return ""


def run_example(rule: Rule, example: Any, lang: str = "vi",
                options: dict[str, Any] | None = None) -> list[Finding]:
    """Run one rule on one of its examples: a plan mapping, document text, or a list of them."""
    sources = example if isinstance(example, list) else [example]
    subjects = [_example_subject(rule, source, i, options or {}) for i, source in enumerate(sources, 1)]
    if rule.scope == "suppression":   # a suppression is of the other rules: they all run
        every = [r for r in load_rules() if r.scope == "document"] + [rule]
        return [f for subject in subjects for f in run_rules(subject, every, lang) if f.rule == rule.id]
    findings = [f for subject in subjects for f in run_rules(subject, [rule], lang)]
    if rule.scope != "run":
        return findings
    from .checks.cross_document import cross_record

    records = [r for r in (cross_record(s) for s in subjects) if r is not None]
    return findings + run_across(records, [rule], lang)


def _example_subject(rule: Rule, source: dict[str, Any] | str, n: int, options: dict[str, Any]) -> Subject:
    from .read.planfile import plan_from_data

    name = f"<{rule.id} example{'' if n == 1 else f' {n}'}>"
    options = {"stage": "final", **options}
    if isinstance(source, str):
        from .pipeline import understand
        from .read.text import read_text_document

        loaded = understand(read_text_document(name + ".txt", source.encode("utf-8")))
        return Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure, options=options)
    return Subject(plan=plan_from_data(source, source=name), options=options)
