"""PC001's kind: a suppression that suppresses nothing (plancheck.suppress does the work, once
every other rule has run on a file, or on the run for the checks across documents)."""
from __future__ import annotations

from typing import ClassVar, Iterable

from .base import CheckKind, Hit, Params, Subject


class UnusedSuppression(CheckKind):
    name = "unused_suppression"
    scope: ClassVar[str] = "suppression"   # run by the engine after the others, not on its own
    fields = frozenset({"keys", "written"})
    Params = Params

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        return ()
