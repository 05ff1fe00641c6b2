"""Validated rule packs kept between runs: a linter starts often, and reading and
validating the packs (YAML with line numbers, every rule's parameters and messages)
is a tenth of a one-file run.

A pack is cached under a key made of its resolved path, size and modification time and
of plancheck's own files (version, and the newest modification time of its modules, so
that an edited checkout never uses rules validated by other code). The cache lives in
``$PLANCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/plancheck``, else ``~/.cache/plancheck``;
``PLANCHECK_NO_CACHE=1`` turns it off. Entries are pickles written by this user's own
runs into this user's own folder (the trust of the Python files it runs); one that cannot
be read, written or unpickled is passed over silently and the pack read again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__


def folder() -> Path | None:
    if os.environ.get("PLANCHECK_NO_CACHE"):
        return None
    root = os.environ.get("PLANCHECK_CACHE_DIR")
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "plancheck")
    return Path(root)


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """plancheck's version and the newest modification time of its modules."""
    package = Path(__file__).resolve().parent
    newest = max((p.stat().st_mtime_ns for p in package.rglob("*.py")), default=0)
    return f"{__version__}:{newest}"


def _entry(path: Path) -> Path | None:
    where = folder()
    if where is None:
        return None
    try:
        resolved = path.resolve()
        stat = resolved.stat()
    except OSError:
        return None
    key = f"{code_stamp()}|{resolved}|{stat.st_size}|{stat.st_mtime_ns}"
    return where / f"pack-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def load(path: Path) -> list[Any] | None:
    entry = _entry(path)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as fh:
            rules = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, partial or from another Python: read the pack again
        return None
    return rules if isinstance(rules, list) else None


def store(path: Path, rules: list[Any]) -> None:
    entry = _entry(path)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        with open(partial, "wb") as fh:
            pickle.dump(rules, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, entry)   # whole or not at all, whatever runs at the same time
    except OSError:
        pass   # a read-only home: the packs are read each time
