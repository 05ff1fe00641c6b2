"""plancheck: catch the errors in Vietnamese socio-economic development plans.

    >>> import plancheck
    >>> report = plancheck.check("examples/son-la-2024.yaml", select="number-format")
    >>> [f.rule for f in report.findings]
    ['PC251', 'PC251', 'PC252']
    >>> report.exit_code()
    1

The public API is small and imports lazily, so that ``import plancheck`` stays
cheap for a linter that starts often.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["check", "check_text", "check_stream", "load_rules", "Report", "Finding", "Plan", "PlancheckError",
           "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import check, check_stream, check_text
    from .engine import load_rules
    from .errors import PlancheckError
    from .models import Finding, Plan
    from .models.report import Report

_LAZY = {
    "check": ("api", "check"),
    "check_stream": ("api", "check_stream"),
    "check_text": ("api", "check_text"),
    "load_rules": ("engine", "load_rules"),
    "Report": ("models.report", "Report"),
    "Finding": ("models", "Finding"),
    "Plan": ("models", "Plan"),
    "PlancheckError": ("errors", "PlancheckError"),
}


def __dir__() -> list[str]:
    """The public names (as ``__all__``), not the submodules an import happened to load."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'plancheck' has no attribute {name!r}")
