"""Check kinds, one module each, loaded only when a rule uses them."""
from __future__ import annotations

import importlib
from functools import cache

from .base import CheckKind

# kind name -> "module:class". A rule pack names the kind; the engine loads it.
KINDS: dict[str, str] = {
    "structure_sum": "structure_sum:StructureSum",
    "ratio": "ratio:Ratio",
    "growth": "ratio:Growth",
    "part_whole": "part_whole:PartWhole",
    "share_range": "share_range:ShareRange",
    "stated_count": "stated_count:StatedCount",
}


@cache
def get_kind(name: str) -> CheckKind:
    module_name, class_name = KINDS[name].split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, class_name)()
