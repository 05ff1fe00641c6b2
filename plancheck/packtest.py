"""A rule pack's examples run as its tests: each ``fires`` example must give a finding of its
rule, each ``passes`` example none. Used by ``plancheck rules --test PACK``, by the pytest plugin
(one test per pack the configuration names) and by ``explain``; a failing example is reported at
its line in the pack."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import Rule, load_pack, run_example
from .errors import PlancheckError
from .i18n import N_, Nn_, _, counted


@dataclass
class Outcome:
    """One example of one rule, run."""

    rule: str
    key: str              # "fires" or "passes"
    number: int           # its place among the rule's examples of that key, from 1
    line: int | None
    column: int | None
    messages: list[str] = field(default_factory=list)   # the rule's findings on it
    error: str | None = None                             # the example could not be read

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.messages) == (self.key == "fires")


def run_pack(path: str | Path, lang: str = "vi") -> list[Outcome]:
    """Every example of every rule of the pack at ``path``, run (PlancheckError for a pack that
    does not load)."""
    path = Path(path)
    rules = load_pack(path)
    places = _places(path)
    out: list[Outcome] = []
    for i, rule in enumerate(rules):
        out += run_rule(rule, lang, lambda key, n, i=i: places.get((i, key, n), (None, None)))
    return out


def run_rule(rule: Rule, lang: str = "vi", place: Any = None) -> list[Outcome]:
    """Every example of one rule, run; ``place(key, n)`` gives an example's (line, column)."""
    out = []
    for key in ("fires", "passes"):
        for n, example in enumerate(getattr(rule.examples, key), 1):
            line, column = place(key, n - 1) if place else (None, None)
            outcome = Outcome(rule.id, key, n, line, column)
            try:
                outcome.messages = [f.message for f in run_example(rule, example, lang)]
            except PlancheckError as exc:
                outcome.error = str(exc)
            out.append(outcome)
    return out


def _places(path: Path) -> dict[tuple[int, str, int], tuple[int, int]]:
    """Where each example starts in the pack: (rule's index, key, example's index) → (line, column)."""
    from .read.located_yaml import load_located

    tree = load_located(path.read_text(encoding="utf-8-sig"), str(path))
    places = {}
    for i, raw in enumerate(tree.data.get("rules", [])):
        examples = raw.get("examples") if isinstance(raw, dict) else None
        for key in ("fires", "passes"):
            for n in range(len((examples or {}).get(key) or [])):
                places[(i, key, n)] = tree.position(("rules", i, "examples", key, n))
    return places


_SAYS = {"fires": N_("{rule} example {key} #{number}: plancheck says nothing, the pack says it fires"),
         "passes": N_("{rule} example {key} #{number}: the pack says it passes, plancheck says: {said}"),
         "error": N_("{rule} example {key} #{number}: cannot be run: {error}")}


def describe(outcome: Outcome, pack: str, lang: str = "vi") -> str:
    """``pack:line:column: what went wrong`` for a failing example."""
    where = pack + (f":{outcome.line}:{outcome.column}" if outcome.line else "")
    how = "error" if outcome.error else outcome.key
    text = _(_SAYS[how], lang).format(rule=outcome.rule, key=outcome.key, number=outcome.number,
                                       said="; ".join(outcome.messages), error=outcome.error)
    return f"{where}: {text}"


def summary(outcomes: list[Outcome], lang: str = "vi") -> str:
    failed = sum(not o.ok for o in outcomes)
    counts = {"rules": counted(_RULES, len({o.rule for o in outcomes}), lang),
              "examples": counted(_EXAMPLES, len(outcomes), lang)}
    if failed:
        return _("{rules}, {examples}: {failed} not as the pack says", lang).format(failed=failed, **counts)
    return _("{rules}, {examples}: all as the pack says", lang).format(**counts)


_RULES = Nn_("{n} rule", "{n} rules")
_EXAMPLES = Nn_("{n} example", "{n} examples")
