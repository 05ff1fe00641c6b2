"""plancheck: catch the errors in Vietnamese socio-economic development plans.

The public API is small and imports lazily so that ``import plancheck`` stays
cheap for a linter that starts often.
"""
from __future__ import annotations

__version__ = "0.1.0"
